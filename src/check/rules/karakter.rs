//! `karakter-tak-terlihat`: a character that prints nothing (zero-width
//! space, control character) or reorders what prints (right-to-left override
//! and the other bidirectional controls), anywhere in the SOP or a defaults
//! file it inherits — written directly or as a YAML escape (`"\u200B"`).

use crate::check::{Ctx, Rule};
use crate::diag::Msg;
use crate::diag::Severity;
use crate::msg;
use crate::rule_doc;
use crate::source::{FileId, Span};
use crate::teks::{TakTerlihat, cari_tak_terlihat};

pub static RULE: Rule = Rule {
    code: "karakter-tak-terlihat",
    severity: Severity::Error,
    title: Msg::fixed(
        "karakter tak terlihat atau pengubah arah teks",
        "invisible or text-direction character",
    ),
    sumber: Some("Unicode TR#36 (keamanan), Permendagri 52/2011 (dokumen yang ditandatangani)"),
    doc: rule_doc! {
        apa: {
            id: r#"Karakter yang tidak tercetak (ZERO WIDTH SPACE U+200B, karakter kendali U+0000–U+001F kecuali tab dan baris baru, U+007F–U+009F) atau yang mengubah arah teks (RIGHT-TO-LEFT OVERRIDE U+202E dan pengendali arah lainnya), di mana pun dalam SOP atau berkas bawaan yang diwarisinya — ditulis langsung atau sebagai escape YAML (`"\u200B"`)."#,
            en: r#"A character that prints nothing (ZERO WIDTH SPACE U+200B, control characters U+0000–U+001F except tab and newline, U+007F–U+009F) or that changes the direction of text (RIGHT-TO-LEFT OVERRIDE U+202E and the other direction controls), anywhere in the SOP or a defaults file it inherits — written directly or as a YAML escape (`"\u200B"`)."#,
        },
        mengapa: {
            id: "Dua teks yang tampak sama bisa berbeda: pelaksana `Kepala Dinas` dengan U+200B menjadi kolom kedua yang tampak kembar. Pengendali arah membuat teks tercetak dalam urutan lain daripada yang terbaca saat ditinjau. Karakter ini biasanya terbawa saat menyalin dari pengolah kata atau situs web.",
            en: "Two texts that look the same can differ: a pelaksana `Kepala Dinas` with U+200B becomes a second column that looks identical. Direction controls make text print in another order than it reads when reviewed. These characters usually come along when copying from a word processor or a web site.",
        },
        contoh: { code: r#"```yaml
pelaksana:
  - "Kepala\u200BDinas"
```"# },
        perbaikan: {
            id: r#"Hapus karakter pada baris dan kolom yang disebut (di editor, cari kode titiknya, mis. `\u200B`). Spasi tak-putus (U+00A0) bukan temuan: ia tampak sebagai spasi, dan sopc menyamakannya dengan spasi biasa saat membandingkan nama pelaksana."#,
            en: r#"Delete the character at the line and column named (in an editor, search for its code point, e.g. `\u200B`). A non-breaking space (U+00A0) is no finding: it looks like a space, and sopc treats it as one when it compares pelaksana names."#,
        },
    },
};

pub fn check(cx: &mut Ctx) {
    let mut found = Vec::new();
    for (i, file) in cx.sources.files().iter().enumerate() {
        let id = FileId(i as u32);
        let mut run_end = None;
        for (at, t) in cari_tak_terlihat(&file.text) {
            // A run of them is one finding, at its first character.
            if run_end != Some(at) {
                found.push((Span::new(id, at, at + t.karakter.len_utf8()), t));
            }
            run_end = Some(at + t.karakter.len_utf8());
        }
    }
    // Written as escapes (`"\u200B"`): not in the file's text, only in the
    // value. An escape needs a backslash, so most files skip this.
    let escapes: Vec<bool> = cx
        .sources
        .files()
        .iter()
        .map(|f| f.text.contains('\\'))
        .collect();
    for (span, text) in cx.sop.teks_semua() {
        if !escapes.get(span.file.0 as usize).copied().unwrap_or(false) {
            continue;
        }
        let raw = cx.sources.get(span.file).map_or("", |f| f.slice(span));
        if let Some((_, t)) = cari_tak_terlihat(text).find(|(_, t)| !raw.contains(t.karakter)) {
            found.push((span, t));
        }
    }
    for (span, t) in found {
        report(cx, span, t);
    }
}

fn report(cx: &mut Ctx, span: Span, t: TakTerlihat) {
    let (id, en) = t.sebut();
    let message = if t.arah() {
        msg!(
            "karakter pengubah arah teks {id}: teks dapat tercetak dalam urutan lain daripada yang terbaca",
            "text-direction character {en}: the text may print in another order than it reads"
        )
    } else {
        msg!(
            "karakter tak terlihat {id}: teks yang tampak sama dapat berbeda",
            "invisible character {en}: texts that look the same can differ"
        )
    };
    let kode = format!("\\u{:04X}", u32::from(t.karakter));
    cx.report(&RULE, span, message).help = Some(msg!(
        "hapus karakter ini (di editor, cari `{kode}`)",
        "delete this character (in an editor, search for `{kode}`)"
    ));
}

#[cfg(test)]
mod tests {
    use crate::check::testing::*;

    /// (line, column, message) of each `karakter-tak-terlihat` finding.
    fn found(src: &str) -> Vec<(usize, usize, String)> {
        diagnostics(src)
            .into_iter()
            .filter(|(d, _)| d.code == "karakter-tak-terlihat")
            .map(|(d, (line, col))| (line, col, d.message.id.into_owned()))
            .collect()
    }

    #[test]
    fn zero_width_space_in_a_pelaksana_is_named_at_its_line_and_column() {
        let src = valid_with("  - Sekretaris\n", "  - Sekretaris\u{200B}\n");
        let line = line_of(&src, "  - Sekretaris\u{200B}");
        assert_eq!(
            found(&src),
            [(
                line,
                15,
                "karakter tak terlihat U+200B ZERO WIDTH SPACE: teks yang tampak sama dapat berbeda"
                    .to_owned()
            )]
        );
    }

    #[test]
    fn right_to_left_override_is_reported() {
        let src = valid_with("output: Surat tercatat", "output: Surat \u{202E}tatacret");
        let f = found(&src);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].0, line_of(&src, "Surat \u{202E}"));
        assert_eq!(f[0].1, 19);
        assert!(
            f[0].2
                .starts_with("karakter pengubah arah teks U+202E RIGHT-TO-LEFT OVERRIDE")
        );
    }

    #[test]
    fn an_escaped_character_is_reported_at_its_value() {
        let src = valid_with("output: Surat tercatat", "output: \"Surat\\u200Btercatat\"");
        let f = found(&src);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].0, line_of(&src, "Surat\\u200B"));
    }

    #[test]
    fn a_no_break_space_is_no_finding() {
        let src = valid_with("output: Surat tercatat", "output: Surat\u{A0}tercatat");
        assert_eq!(found(&src), []);
    }

    #[test]
    fn output_is_pinned() {
        snapshot(
            &super::RULE,
            &valid_with("  - Sekretaris\n", "  - Sekretaris\u{200B}\n"),
        );
    }
}
