//! `isian-contoh`: a value still holds a placeholder `<...>` from the
//! templates of `sopc init` and `sopc new`.
//!
//! A placeholder value gets this one finding and no other: the rules that
//! would read `<NIP 18 angka>` as a malformed NIP are silenced for that value
//! (see [`crate::check::check`]).

use crate::check::{Ctx, Rule};
use crate::diag::Msg;
use crate::diag::Severity;
use crate::model::{Sop, Status};
use crate::msg;
use crate::rule_doc;
use crate::source::Span;

pub static RULE: Rule = Rule {
    code: "isian-contoh",
    severity: Severity::Warning,
    title: Msg::fixed(
        "isian contoh `<...>` belum diganti",
        "a placeholder `<...>` has not been replaced",
    ),
    sumber: None,
    doc: rule_doc! {
        apa: {
            id: "Isian contoh berkurung sudut dari templat `sopc init` dan `sopc new` yang belum diganti, misalnya `nip: <NIP 18 angka>`.",
            en: "A placeholder in angle brackets from the `sopc init` and `sopc new` templates that has not been replaced, such as `nip: <NIP 18 angka>`.",
        },
        mengapa: {
            id: "Isian yang tertinggal akan tercetak apa adanya. Selama SOP masih `draf` ia hanya peringatan (PDF-nya bertanda air DRAF); pada SOP `final` ia galat dan SOP tidak dicetak.",
            en: "A forgotten placeholder would be printed as it is. While the SOP is `draf` it is only a warning (the PDF carries a DRAF watermark); in a `final` SOP it is an error and the SOP is not printed.",
        },
        contoh: { code: r#"```yaml
disahkan_oleh:
  nip: <NIP 18 angka>
```"# },
        perbaikan: {
            id: "Ganti isian dengan nilai sebenarnya:",
            en: "Replace the placeholder with the real value:",
            code: r#"```yaml
disahkan_oleh:
  nip: "19681202 198803 1 002"
```"#,
        },
    },
};

pub fn check(cx: &mut Ctx) {
    let severity = if cx.sop.status() == Status::Final {
        Severity::Error
    } else {
        Severity::Warning
    };
    for (span, text) in cx.sop.teks_semua() {
        for range in placeholders(text) {
            let isian = &text[range.clone()];
            let at = cx.sub_span(span, text, range.clone());
            let at = if at == span {
                locate(cx, span, isian).unwrap_or(span)
            } else {
                at
            };
            let d = cx.report(
                &RULE,
                at,
                msg!(
                    "isian `{isian}` belum diganti",
                    "the placeholder `{isian}` has not been replaced"
                ),
            );
            d.severity = severity;
            d.help = Some(msg!(
                "tulis nilai yang sebenarnya di tempat isian ini",
                "write the real value in place of this placeholder"
            ));
        }
    }
}

/// Finds `needle` inside the source text of `span` (for list cells, whose
/// items have no span of their own).
fn locate(cx: &Ctx, span: Span, needle: &str) -> Option<Span> {
    let file = cx.sources.get(span.file)?;
    let at = file.slice(span).find(needle)?;
    Some(span.part(at..at + needle.len()))
}

/// The spans of the values that hold a placeholder: findings of other rules
/// inside them are dropped.
pub fn spans(sop: &Sop) -> Vec<Span> {
    sop.teks_semua()
        .into_iter()
        .filter(|(_, text)| placeholders(text).next().is_some())
        .map(|(span, _)| span)
        .collect()
}

/// The byte ranges of `<...>` placeholders in `text`: `<`, then a letter,
/// then up to 100 characters without `<`, `>` or a line break, then `>`.
pub fn placeholders(text: &str) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    let mut from = 0;
    std::iter::from_fn(move || {
        while let Some(open) = text[from..].find('<').map(|i| from + i) {
            from = open + 1;
            let rest = &text[open + 1..];
            if !rest.starts_with(|c: char| c.is_alphabetic()) {
                continue;
            }
            let end = rest.find(['<', '>', '\n']);
            if let Some(close) = end.filter(|&e| rest.as_bytes()[e] == b'>' && e <= 100) {
                from = open + 1 + close + 1;
                return Some(open..from);
            }
        }
        None
    })
}

#[cfg(test)]
mod tests {
    use super::placeholders;
    use crate::check::testing::*;

    fn found(text: &str) -> Vec<&str> {
        placeholders(text).map(|r| &text[r]).collect()
    }

    #[test]
    fn recognises_placeholders_only() {
        assert_eq!(
            found("Kepala <Nama Perangkat Daerah>"),
            vec!["<Nama Perangkat Daerah>"]
        );
        assert_eq!(found("<a> dan <b>"), vec!["<a>", "<b>"]);
        assert!(found("waktu < 5 menit > 2 menit").is_empty());
        assert!(found("a <b").is_empty());
        assert!(found("<<>>").is_empty());
    }

    #[test]
    fn a_placeholder_nip_gets_one_finding_not_a_nip_error() {
        let src = valid_with("\"19681202 198803 1 002\"", "<NIP 18 angka>");
        let line = line_of(&src, "<NIP 18 angka>");
        assert_eq!(findings(&src), vec![("isian-contoh", line)]);
    }

    #[test]
    fn placeholders_in_cells_are_found_on_their_line() {
        let src = valid_with("nama: Drs. ADI SADHONO", "nama: <NAMA LENGKAP>");
        assert_eq!(lines_of(&src, "isian-contoh"), vec![line_of(&src, "<NAMA")]);
    }

    #[test]
    fn output_is_pinned() {
        snapshot(
            &super::RULE,
            &valid_with("\"19681202 198803 1 002\"", "<NIP 18 angka>"),
        );
    }
}
