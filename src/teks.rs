//! Text as a reader sees it. Some characters print nothing or reorder what
//! prints — zero-width spaces, bidirectional controls, control characters —
//! so two texts that look the same can differ, and a reviewed line can print
//! differently from how it reads. This module names those characters (for the
//! `karakter-tak-terlihat` finding) and compares texts by what they show:
//! NFC, invisible characters dropped, any run of spaces (no-break spaces
//! included) as one space. It also holds the bound on Markdown list nesting
//! that `check` reports and `render` keeps, so the two cannot disagree.

use std::ops::Range;
use unicode_normalization::UnicodeNormalization;

/// A character that prints nothing or changes the order of what prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TakTerlihat {
    pub karakter: char,
    /// Its Unicode name, or `None` for a control character (whose Unicode
    /// name is just `<control>`).
    pub nama: Option<&'static str>,
}

impl TakTerlihat {
    /// `U+200B ZERO WIDTH SPACE`, `U+0007 (karakter kendali)`.
    pub fn sebut(&self) -> (String, String) {
        let kode = format!("U+{:04X}", u32::from(self.karakter));
        match self.nama {
            Some(n) => (format!("{kode} {n}"), format!("{kode} {n}")),
            None => (
                format!("{kode} (karakter kendali)"),
                format!("{kode} (control character)"),
            ),
        }
    }

    /// Whether it reorders text (Trojan-source style) rather than hiding.
    pub fn arah(&self) -> bool {
        matches!(self.karakter, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    }
}

/// Invisible and direction-changing characters, with their Unicode names.
/// The soft hyphen is not here: it is a legitimate hyphenation hint.
#[rustfmt::skip]
const TERNAMA: &[(char, &str)] = &[
    ('\u{061C}', "ARABIC LETTER MARK"),
    ('\u{180E}', "MONGOLIAN VOWEL SEPARATOR"),
    ('\u{200B}', "ZERO WIDTH SPACE"),
    ('\u{200C}', "ZERO WIDTH NON-JOINER"),
    ('\u{200D}', "ZERO WIDTH JOINER"),
    ('\u{200E}', "LEFT-TO-RIGHT MARK"),
    ('\u{200F}', "RIGHT-TO-LEFT MARK"),
    ('\u{2028}', "LINE SEPARATOR"),
    ('\u{2029}', "PARAGRAPH SEPARATOR"),
    ('\u{202A}', "LEFT-TO-RIGHT EMBEDDING"),
    ('\u{202B}', "RIGHT-TO-LEFT EMBEDDING"),
    ('\u{202C}', "POP DIRECTIONAL FORMATTING"),
    ('\u{202D}', "LEFT-TO-RIGHT OVERRIDE"),
    ('\u{202E}', "RIGHT-TO-LEFT OVERRIDE"),
    ('\u{2060}', "WORD JOINER"),
    ('\u{2061}', "FUNCTION APPLICATION"),
    ('\u{2062}', "INVISIBLE TIMES"),
    ('\u{2063}', "INVISIBLE SEPARATOR"),
    ('\u{2064}', "INVISIBLE PLUS"),
    ('\u{2066}', "LEFT-TO-RIGHT ISOLATE"),
    ('\u{2067}', "RIGHT-TO-LEFT ISOLATE"),
    ('\u{2068}', "FIRST STRONG ISOLATE"),
    ('\u{2069}', "POP DIRECTIONAL ISOLATE"),
    ('\u{FEFF}', "ZERO WIDTH NO-BREAK SPACE"),
    ('\u{FFF9}', "INTERLINEAR ANNOTATION ANCHOR"),
    ('\u{FFFA}', "INTERLINEAR ANNOTATION SEPARATOR"),
    ('\u{FFFB}', "INTERLINEAR ANNOTATION TERMINATOR"),
];

/// `c` when it prints nothing or reorders text. Tab, line feed and carriage
/// return are the YAML file's own layout, not findings. (Called for every
/// character of every file checked, so the common cases answer first.)
pub fn tak_terlihat(c: char) -> Option<TakTerlihat> {
    let kendali = TakTerlihat {
        karakter: c,
        nama: None,
    };
    if c.is_ascii() {
        return (c.is_ascii_control() && !matches!(c, '\t' | '\n' | '\r')).then_some(kendali);
    }
    if c.is_control() {
        return Some(kendali);
    }
    let mungkin = matches!(c,
        '\u{061C}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{2028}'..='\u{202E}'
        | '\u{2060}'..='\u{2069}' | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}');
    if !mungkin {
        return None;
    }
    TERNAMA
        .iter()
        .find(|(k, _)| *k == c)
        .map(|&(karakter, nama)| TakTerlihat {
            karakter,
            nama: Some(nama),
        })
}

/// Every invisible character of `text`, with its byte offset.
pub fn cari_tak_terlihat(text: &str) -> impl Iterator<Item = (usize, TakTerlihat)> + '_ {
    text.char_indices()
        .filter_map(|(i, c)| tak_terlihat(c).map(|t| (i, t)))
}

/// What `s` shows, for comparing two names: NFC, invisible characters and
/// soft hyphens dropped, every run of white space (no-break, ideographic,
/// tab …) one space, no space at either end. `Kepala\u{A0}Dinas`,
/// `Kepala Dinas\u{200B}` and `Kepala  Dinas` all give `Kepala Dinas`.
pub fn tampak(s: &str) -> String {
    let visible = s
        .chars()
        .filter(|&c| c != '\u{AD}' && tak_terlihat(c).is_none_or(|t| t.karakter.is_whitespace()));
    let mut out = String::with_capacity(s.len());
    for c in visible.nfc() {
        if c.is_whitespace() {
            if !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// Deepest nesting of Markdown lists in one text cell that sopc prints.
/// Each level is a few levels of the data handed to Typst, whose reader
/// refuses data nested past 128 levels; real SOP text uses two or three.
pub const MAKS_TINGKAT_DAFTAR: usize = 8;

/// When the Markdown lists of `source` nest deeper than
/// [`MAKS_TINGKAT_DAFTAR`]: how deep they go, and the byte range of the first
/// list past the bound.
pub fn daftar_terlalu_dalam(source: &str) -> Option<(usize, Range<usize>)> {
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};
    // Each level needs a marker of its own (`-`, `*`, `+`, `1.`, `1)`):
    // most texts have too few to be parsed at all.
    let markers = source
        .bytes()
        .filter(|b| matches!(b, b'-' | b'*' | b'+' | b'.' | b')'))
        .count();
    if markers <= MAKS_TINGKAT_DAFTAR {
        return None;
    }
    let mut depth = 0;
    let mut deepest = 0;
    let mut first_past: Option<Range<usize>> = None;
    for (event, range) in Parser::new(source).into_offset_iter() {
        match event {
            Event::Start(Tag::List(_)) => {
                depth += 1;
                deepest = deepest.max(depth);
                if depth > MAKS_TINGKAT_DAFTAR && first_past.is_none() {
                    first_past = Some(range);
                }
            }
            Event::End(TagEnd::List(_)) => depth -= 1,
            _ => {}
        }
    }
    first_past.map(|at| (deepest, at))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_invisible_characters() {
        let found: Vec<(usize, String)> = cari_tak_terlihat("a\u{200B}b\u{202E}c\u{7}d\te\u{A0}f")
            .map(|(i, t)| (i, t.sebut().0))
            .collect();
        assert_eq!(
            found,
            [
                (1, "U+200B ZERO WIDTH SPACE".to_owned()),
                (5, "U+202E RIGHT-TO-LEFT OVERRIDE".to_owned()),
                (9, "U+0007 (karakter kendali)".to_owned()),
            ]
        );
        assert!(tak_terlihat('\u{202E}').unwrap().arah());
        assert!(!tak_terlihat('\u{200B}').unwrap().arah());
    }

    #[test]
    fn compares_what_is_shown() {
        for s in [
            "Kepala Dinas",
            "Kepala\u{A0}Dinas",
            "Kepala Dinas\u{200B}",
            " Kepala \t Dinas ",
            "Kepala\u{2028}Dinas",
            "Ke\u{AD}pala Dinas",
        ] {
            assert_eq!(tampak(s), "Kepala Dinas", "{s:?}");
        }
        // NFC: "é" as one code point and as e + combining acute
        assert_eq!(tampak("Caf\u{E9}"), tampak("Cafe\u{301}"));
        assert_eq!(tampak("\u{200B} \u{A0}"), "");
    }

    #[test]
    fn measures_list_nesting() {
        let nested = |n: usize| -> String {
            (0..n)
                .map(|i| format!("{}- tingkat {}\n", "  ".repeat(i), i + 1))
                .collect()
        };
        assert_eq!(daftar_terlalu_dalam("teks biasa"), None);
        assert_eq!(daftar_terlalu_dalam(&nested(MAKS_TINGKAT_DAFTAR)), None);
        // nine levels on one line are nine levels too
        let (depth, _) = daftar_terlalu_dalam("- - - - - - - - - x").unwrap();
        assert_eq!(depth, 9);
        let deep = nested(30);
        let (depth, at) = daftar_terlalu_dalam(&deep).unwrap();
        assert_eq!(depth, 30);
        assert!(deep[at].starts_with("- tingkat 9\n"));
    }
}
