//! YAML text → the spanned syntax tree ([`Node`]) through serde-saphyr: the
//! road for any YAML (anchors, tags, merge keys) and for every syntax error.
//! It is bounded in size so that an alias bomb or a huge file is refused
//! quickly with bounded memory.

use super::rules;
use super::sebab::{self, Sebab};
use super::tree::{Key, Node, NodeKind};
use crate::diag::{Diagnostic, Msg};
use crate::msg;
use crate::source::{FileId, SourceFile, Span};
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;
use std::fmt;

/// Most nodes one SOP file may have: an SOP at every bound of the printed
/// form (500 steps, six boxes of 100 items) has about 8,000, a 2,000-step
/// one about 20,000. More would only feed findings: 400,000 one-letter
/// items made as many findings.
pub const MAX_NODES: usize = 50_000;
/// Most events that aliases may replay; SOPs rarely use aliases at all.
const MAX_ALIAS_EVENTS: usize = 100_000;
/// Deepest nesting accepted; an SOP is at most five levels deep.
const MAX_DEPTH: usize = 64;
/// Most bytes of text (keys and values) one file may hold once its aliases
/// are expanded. Counting replayed events alone let 20 aliases of a 1 MB
/// string through as 21 MB of text; a real SOP holds 2–20 KB. The events
/// road counts the same text, so both roads accept the same files.
pub const MAX_TEXT_BYTES: usize = 512 * 1024;

thread_local! {
    /// Text bytes the file being read may still hold ([`MAX_TEXT_BYTES`]
    /// at the start of each serde-saphyr read). serde's `Deserialize` for
    /// the tree has no state of its own to carry it.
    static TEXT_LEFT: std::cell::Cell<usize> = const { std::cell::Cell::new(MAX_TEXT_BYTES) };
}

/// The marker of the error a visitor raises when the text runs past
/// [`MAX_TEXT_BYTES`]; found again in [`syntax_error`].
const TEXT_LIMIT: &str = "sopc: text limit reached";

/// Takes `n` bytes from the text allowance of the file being read.
fn spend<E: de::Error>(n: usize) -> Result<(), E> {
    TEXT_LEFT.with(|left| match left.get().checked_sub(n) {
        Some(rest) => {
            left.set(rest);
            Ok(())
        }
        None => Err(E::custom(TEXT_LIMIT)),
    })
}

// ---- serde-saphyr → Node ----------------------------------------------------

/// What serde-saphyr gives back, before spans are mapped to byte ranges.
enum Raw {
    Null,
    Str(String),
    /// A number or boolean: the source text is taken from the span instead, so
    /// `0291` or `1.50` keep their spelling.
    Plain,
    Seq(Vec<Spanned<Raw>>),
    /// Keys: `None` for a plain scalar YAML reads as a number, boolean or
    /// null, whose source text is taken from the span (so `no:` is the key
    /// `no`, as a staffer means it, not `false`).
    Map(Vec<(Spanned<Option<String>>, Spanned<Raw>)>),
}

impl<'de> Deserialize<'de> for Raw {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Raw, D::Error> {
        d.deserialize_any(RawVisitor)
    }
}

struct RawVisitor;

impl<'de> Visitor<'de> for RawVisitor {
    type Value = Raw;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a YAML value")
    }
    fn visit_unit<E>(self) -> Result<Raw, E> {
        Ok(Raw::Null)
    }
    fn visit_none<E>(self) -> Result<Raw, E> {
        Ok(Raw::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Raw, D::Error> {
        Raw::deserialize(d)
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Raw, E> {
        spend(v.len())?;
        Ok(Raw::Str(v.to_owned()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Raw, E> {
        spend(v.len())?;
        Ok(Raw::Str(v))
    }
    fn visit_bool<E>(self, _: bool) -> Result<Raw, E> {
        Ok(Raw::Plain)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Raw, E> {
        Ok(Raw::Plain)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Raw, E> {
        Ok(Raw::Plain)
    }
    fn visit_i128<E>(self, _: i128) -> Result<Raw, E> {
        Ok(Raw::Plain)
    }
    fn visit_u128<E>(self, _: u128) -> Result<Raw, E> {
        Ok(Raw::Plain)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Raw, E> {
        Ok(Raw::Plain)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut a: A) -> Result<Raw, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = a.next_element::<Spanned<Raw>>()? {
            items.push(item);
        }
        Ok(Raw::Seq(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut a: A) -> Result<Raw, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = a.next_key::<Spanned<KeyText>>()? {
            let value = a.next_value::<Spanned<Raw>>()?;
            entries.push((
                Spanned {
                    value: key.value.0,
                    referenced: key.referenced,
                    defined: key.defined,
                },
                value,
            ));
        }
        Ok(Raw::Map(entries))
    }
}

/// A mapping key: any scalar, read as text (`1: …` is the key "1").
struct KeyText(Option<String>);

impl<'de> Deserialize<'de> for KeyText {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<KeyText, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = KeyText;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a text key")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<KeyText, E> {
                spend(v.len())?;
                Ok(KeyText(Some(v.to_owned())))
            }
            fn visit_bool<E>(self, _: bool) -> Result<KeyText, E> {
                Ok(KeyText(None))
            }
            fn visit_i64<E>(self, _: i64) -> Result<KeyText, E> {
                Ok(KeyText(None))
            }
            fn visit_u64<E>(self, _: u64) -> Result<KeyText, E> {
                Ok(KeyText(None))
            }
            fn visit_f64<E>(self, _: f64) -> Result<KeyText, E> {
                Ok(KeyText(None))
            }
            fn visit_unit<E>(self) -> Result<KeyText, E> {
                Ok(KeyText(None))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, _: A) -> Result<KeyText, A::Error> {
                Err(de::Error::custom(sebab::KUNCI_DAFTAR))
            }
            fn visit_map<A: MapAccess<'de>>(self, _: A) -> Result<KeyText, A::Error> {
                Err(de::Error::custom(sebab::KUNCI_PEMETAAN))
            }
        }
        d.deserialize_any(V)
    }
}

/// Converts serde-saphyr locations (line/column) into byte spans of `file`.
struct Mapper<'a> {
    source: &'a SourceFile,
    file: FileId,
}

impl Mapper<'_> {
    fn span(&self, loc: &serde_saphyr::Location) -> Span {
        let sp = loc.span();
        let start = match sp.byte_offset() {
            Some(b) => b as usize,
            None => self
                .source
                .offset_of(loc.line() as usize, loc.column() as usize),
        };
        let len = sp.byte_len().unwrap_or(sp.len()) as usize;
        Span::new(self.file, start, (start + len).min(self.source.text.len()))
    }

    fn node(&self, raw: Spanned<Raw>, depth: usize) -> Result<Node, Box<Diagnostic>> {
        let span = self.span(&raw.referenced);
        if depth > MAX_DEPTH {
            return Err(Box::new(too_deep(span)));
        }
        let kind = match raw.value {
            Raw::Null => NodeKind::Null,
            Raw::Str(s) => NodeKind::Scalar(s),
            Raw::Plain => NodeKind::Scalar(self.source.slice(span).trim().to_owned()),
            Raw::Seq(items) => NodeKind::Seq(
                items
                    .into_iter()
                    .map(|i| self.node(i, depth + 1))
                    .collect::<Result<_, _>>()?,
            ),
            Raw::Map(entries) => {
                let mut out = Vec::with_capacity(entries.len());
                for (k, v) in entries {
                    let span = self.span(&k.referenced);
                    let name = k
                        .value
                        .unwrap_or_else(|| self.source.slice(span).trim().to_owned());
                    let key = Key { span, name };
                    out.push((key, self.node(v, depth + 1)?));
                }
                NodeKind::Map(out)
            }
        };
        let span = match &kind {
            NodeKind::Seq(items) => items.iter().fold(span, |s, n| s.join(n.span)),
            NodeKind::Map(entries) => entries
                .iter()
                .fold(span, |s, (k, v)| s.join(k.span).join(v.span)),
            _ => span,
        };
        Ok(Node { kind, span })
    }
}

fn too_deep(span: Span) -> Diagnostic {
    Diagnostic::new(
        &rules::YAML_SINTAKS,
        Some(span),
        msg!(
            "struktur YAML terlalu dalam (lebih dari {MAX_DEPTH} tingkat)",
            "YAML nesting is too deep (more than {MAX_DEPTH} levels)"
        ),
    )
}

/// Parses the text of `source` (registered as `file`) into a [`Node`]
/// through serde-saphyr, whatever the text: the road for everything
/// [`super::events`] declines, and the owner of every message about bad YAML.
/// An empty document gives a `Null` node; callers decide what that means.
pub fn parse(source: &SourceFile, file: FileId) -> Result<Node, Box<Diagnostic>> {
    let mut options = serde_saphyr::options! {
        duplicate_keys: serde_saphyr::DuplicateKeyPolicy::PassThrough,
        leading_zero_numbers_as_strings: true,
        non_finite_float_policy: serde_saphyr::NonFiniteFloatPolicy::AsString,
        with_snippet: false,
    };
    if let Some(budget) = options.budget.as_mut() {
        budget.max_nodes = MAX_NODES;
    }
    options.alias_limits.max_total_replayed_events = MAX_ALIAS_EVENTS;
    let mapper = Mapper { source, file };
    if source.text.trim().is_empty() {
        return Ok(Node {
            kind: NodeKind::Null,
            span: Span::new(file, 0, 0),
        });
    }
    TEXT_LEFT.with(|left| left.set(MAX_TEXT_BYTES));
    match serde_saphyr::from_str_with_options::<Spanned<Raw>>(&source.text, options) {
        Ok(raw) => mapper.node(raw, 0),
        Err(e) => Err(Box::new(syntax_error(&e, &mapper))),
    }
}

/// Maps a serde-saphyr error to a diagnostic in sopc's words (see
/// [`Sebab`]); the library's own text is never shown.
fn syntax_error(e: &serde_saphyr::Error, mapper: &Mapper) -> Diagnostic {
    let span = e
        .location()
        .filter(|l| l.line() > 0)
        .map(|l| mapper.span(&l))
        .map(|s| {
            Span::new(
                s.file,
                s.start as usize,
                (s.start as usize + 1).max(s.end as usize),
            )
        })
        .unwrap_or_else(|| Span::new(mapper.file, 0, 0));
    if e.to_string().contains(TEXT_LIMIT) {
        let kib = MAX_TEXT_BYTES / 1024;
        return Diagnostic::new(
            &rules::YAML_TERLALU_BESAR,
            Some(span),
            msg!(
                "teks berkas ini, dengan setiap alias (`*`) dijabarkan, melebihi batas {kib} KiB di sini; pemeriksaan dihentikan",
                "the text of this file, with every alias (`*`) expanded, passes the {kib} KiB limit here; parsing stopped"
            ),
        )
        .with_help(msg!(
            "SOP yang lazim berisi 2–20 KiB teks: tulis nilai secara langsung tanpa alias, dan pecah SOP yang sangat panjang",
            "a usual SOP holds 2–20 KiB of text: write values out without aliases, and split a very long SOP"
        ));
    }
    let mut sebab = Sebab::dari(e);
    let at = span.start as usize;
    if sebab == Sebab::Lain && starts_with_tab(mapper.source, at) {
        sebab = Sebab::Tab;
    }
    // A misplaced key is most often a key indented unlike any before it.
    if sebab == Sebab::TitikDua && !indent_seen_before(mapper.source, at) {
        sebab = Sebab::Indentasi;
    }
    let span = match sebab {
        Sebab::Tab => tab_span(mapper.source, span),
        Sebab::Dokumen => document_marker(mapper.source, span),
        // the parser points at the value; the writer needs the character
        Sebab::TakTerlihat(t) => (mapper.source.text.get(at..).unwrap_or(""))
            .find(t.karakter)
            .map_or(span, |i| {
                Span::new(span.file, at + i, at + i + t.karakter.len_utf8())
            }),
        _ => span,
    };
    let (message, help) = sebab.pesan();
    let prefix = |Msg { id, en }: Msg| msg!("YAML tidak valid: {id}", "invalid YAML: {en}");
    let message = match sebab {
        Sebab::TerlaluBesar => message,
        _ => prefix(message),
    };
    Diagnostic::new(sebab.rule(), Some(span), message).with_help(help)
}

/// Whether the line holding byte `at` starts at the indentation of some line
/// before it (comments and blank lines aside).
fn indent_seen_before(source: &SourceFile, at: usize) -> bool {
    let indent = |l: &str| l.len() - l.trim_start_matches(' ').len();
    let (line, _) = source.line_col(at);
    let mut lines = source.text.lines();
    let Some(this) = lines.nth(line - 1).map(indent) else {
        return true;
    };
    this == 0
        || source
            .text
            .lines()
            .take(line - 1)
            .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
            .any(|l| indent(l) == this)
}

/// The `---` or `...` line at or before a second-document error: the parser
/// reports the document's first value, the writer needs the marker.
fn document_marker(source: &SourceFile, span: Span) -> Span {
    let text = &source.text;
    let mut end = text.floor_char_boundary(span.end as usize);
    loop {
        let start = text[..end].rfind('\n').map_or(0, |i| i + 1);
        if text[start..].starts_with("---") || text[start..].starts_with("...") {
            return Span::new(span.file, start, start + 3);
        }
        if start == 0 {
            return span;
        }
        end = start - 1;
    }
}

/// Whether the line holding byte `at` is indented with a tab.
fn starts_with_tab(source: &SourceFile, at: usize) -> bool {
    let (line, _) = source.line_col(at);
    source
        .text
        .lines()
        .nth(line - 1)
        .is_some_and(|l| l.trim_start_matches(' ').starts_with('\t'))
}

/// The tab a tab error is about. The parser may report it at the end of
/// the line before (where the indentation it could not read began), so the
/// first line from there that starts with a tab is the one pointed at.
fn tab_span(source: &SourceFile, span: Span) -> Span {
    let from = source.text[..source.text.floor_char_boundary(span.start as usize)]
        .rfind('\n')
        .map_or(0, |i| i + 1);
    let mut at = from;
    for line in source.text[from..].split_inclusive('\n') {
        let indent = line.len() - line.trim_start_matches(' ').len();
        if line[indent..].starts_with('\t') {
            return Span::new(span.file, at + indent, at + indent + 1);
        }
        at += line.len();
    }
    span
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    fn parse_str(s: &str) -> Result<Node, Box<Diagnostic>> {
        super::super::syntax_tree(&SourceFile::new("t.yaml", s), FileId(0))
    }

    #[test]
    fn keeps_spans_and_plain_spelling() {
        let src = "nomor: 067.2/1779\ntelepon: 0291438177\nangka: 1.50\n";
        let n = parse_str(src).unwrap();
        let NodeKind::Map(entries) = &n.kind else {
            panic!("map expected")
        };
        assert_eq!(entries[0].0.name, "nomor");
        assert_eq!(entries[0].0.span.range(), 0..5);
        assert_eq!(entries[0].1.kind, NodeKind::Scalar("067.2/1779".into()));
        assert_eq!(&src[entries[0].1.span.range()], "067.2/1779");
        assert_eq!(entries[1].1.kind, NodeKind::Scalar("0291438177".into()));
        assert_eq!(entries[2].1.kind, NodeKind::Scalar("1.50".into()));
    }

    #[test]
    fn duplicate_keys_are_kept_for_the_checker() {
        let n = parse_str("a: 1\nb: 2\na: 3\n").unwrap();
        let NodeKind::Map(entries) = &n.kind else {
            panic!("map expected")
        };
        assert_eq!(entries.len(), 3);
        assert_eq!(entries[2].0.span.range(), 10..11);
    }

    /// A plain key YAML 1.1 reads as a boolean or number keeps its spelling:
    /// `judul_kolom: {no: NO.}` names the No column, not `false`.
    #[test]
    fn plain_keys_keep_their_spelling() {
        let n = parse_str("{no: NO., Yes: a, 1.50: b, 0x10: c, ~: d, \"off\": e}").unwrap();
        let NodeKind::Map(entries) = &n.kind else {
            panic!("map expected")
        };
        let names: Vec<&str> = entries.iter().map(|(k, _)| k.name.as_str()).collect();
        assert_eq!(names, ["no", "Yes", "1.50", "0x10", "~", "off"]);
    }

    /// Eight lines of aliases, each nine times the one before: 9^8 values.
    pub(crate) fn alias_bomb() -> String {
        let mut s = String::from("a: &a [x,x,x,x,x,x,x,x,x]\n");
        for (prev, name) in ["a", "b", "c", "d", "e", "f", "g"]
            .iter()
            .zip(["b", "c", "d", "e", "f", "g", "h"])
        {
            let refs = vec![format!("*{prev}"); 9].join(",");
            s.push_str(&format!("{name}: &{name} [{refs}]\n"));
        }
        s
    }

    #[test]
    fn alias_bomb_is_refused() {
        let e = parse_str(&alias_bomb()).unwrap_err();
        assert_eq!(e.code, "yaml-terlalu-besar");
    }

    #[test]
    fn syntax_error_has_a_location() {
        let e = parse_str("nomor: 1\nnama: [a, b\n").unwrap_err();
        assert_eq!(e.code, "yaml-sintaks");
        assert!(e.span.is_some());
    }

    #[test]
    fn tabs_get_a_hint() {
        let e = parse_str("instansi:\n\tnama: x\n").unwrap_err();
        assert_eq!(e.code, "yaml-sintaks");
        assert!(e.help.unwrap().en.contains("tab"));
    }

    #[test]
    fn a_tab_is_reported_on_its_own_line() {
        let source = "nomor: 1\ninstansi:\n  nama: x\n\tpemerintah: y\n";
        let e = parse_str(source).unwrap_err();
        let at = e.span.unwrap().start as usize;
        assert_eq!(SourceFile::new("t.yaml", source).line_col(at), (4, 1));
        assert_eq!(
            e.message.id,
            "YAML tidak valid: karakter tab dipakai untuk indentasi"
        );
        let e = parse_str("instansi:\n\tnama: x\n").unwrap_err();
        assert_eq!(e.span.unwrap().start, 10);
    }

    #[test]
    fn a_second_document_is_reported_at_its_marker_whatever_the_line_ends() {
        for source in [
            "nomor: 1\n---\nnomor: 2\n",
            "nomor: 1\r\n---\r\nnomor: 2\r\n",
        ] {
            let e = parse_str(source).unwrap_err();
            let start = e.span.unwrap().start as usize;
            assert_eq!(&source[start..start + 3], "---", "{source:?}");
        }
    }

    #[test]
    fn non_finite_float_spellings_are_text() {
        let n = parse_str("a: .nan\nb: -.inf\n").unwrap();
        assert_eq!(n.get("a").unwrap().kind, NodeKind::Scalar(".nan".into()));
        assert_eq!(n.get("b").unwrap().kind, NodeKind::Scalar("-.inf".into()));
    }

    #[test]
    fn empty_text_is_null() {
        assert_eq!(parse_str("  \n").unwrap().kind, NodeKind::Null);
    }
}
