//! `daftar-terlalu-dalam`: Markdown lists in a text cell nested deeper than
//! sopc prints ([`crate::teks::MAKS_TINGKAT_DAFTAR`]). The renderer prints
//! the deeper levels flat, so the PDF always builds; this finding says so at
//! the line, before `build`.

use crate::check::{Ctx, Rule};
use crate::diag::Msg;
use crate::diag::Severity;
use crate::msg;
use crate::rule_doc;
use crate::source::Span;
use crate::teks::{MAKS_TINGKAT_DAFTAR, daftar_terlalu_dalam};

pub static RULE: Rule = Rule {
    code: "daftar-terlalu-dalam",
    severity: Severity::Error,
    title: Msg::fixed(
        "daftar Markdown bersarang terlalu dalam",
        "Markdown list nested too deep",
    ),
    sumber: None,
    doc: rule_doc! {
        apa: {
            id: "Daftar Markdown (`- butir`) dalam teks sel yang bersarang lebih dari 8 tingkat.",
            en: "A Markdown list (`- item`) in a cell's text nested deeper than 8 levels.",
        },
        mengapa: {
            id: "sopc mencetak paling banyak 8 tingkat; tingkat yang lebih dalam tercetak rata tanpa penanda, dan sel selebar kolom tabel tidak dapat menampung indentasi sedalam itu.",
            en: "sopc prints at most 8 levels; deeper levels print flat without markers, and a cell as wide as a table column cannot hold indentation that deep.",
        },
        contoh: { code: r#"```yaml
    keterangan: |
      - a
        - b
          - c
            - d
              - e
                - f
                  - g
                    - h
                      - i
```"# },
        perbaikan: {
            id: "Ratakan daftarnya, atau pecah menjadi beberapa langkah atau butir.",
            en: "Flatten the list, or split it into several steps or items.",
        },
    },
};

pub fn check(cx: &mut Ctx) {
    let mut found = Vec::new();
    for (span, text) in cx.sop.teks_semua() {
        if let Some((depth, at)) = daftar_terlalu_dalam(text) {
            found.push((line_span(cx, span, text, at.start), depth));
        }
    }
    for (span, depth) in found {
        cx.report(
            &RULE,
            span,
            msg!(
                "daftar bersarang {depth} tingkat; sopc mencetak paling banyak {MAKS_TINGKAT_DAFTAR} tingkat",
                "a list nested {depth} levels deep; sopc prints at most {MAKS_TINGKAT_DAFTAR} levels"
            ),
        )
        .help = Some(msg!(
            "ratakan daftar ini, atau pecah isinya menjadi beberapa butir",
            "flatten this list, or split its content into several items"
        ));
    }
}

/// The line of the YAML file that holds byte `offset` of `text`, the value
/// written at `span`. A block scalar (`|`) keeps the value's lines, only
/// indented, so the line is found by counting lines from the value's first.
fn line_span(cx: &Ctx, span: Span, text: &str, offset: usize) -> Span {
    let Some(file) = cx.sources.get(span.file) else {
        return span;
    };
    let raw = file.slice(span);
    let first = text.lines().next().unwrap_or("").trim();
    let skip = text[..offset].matches('\n').count();
    let Some(start) = raw.find(first).filter(|_| !first.is_empty()) else {
        return span;
    };
    let mut at = start;
    for _ in 0..skip {
        match raw[at..].find('\n') {
            Some(nl) => at += nl + 1,
            None => return span,
        }
    }
    let line = &raw[at..];
    let indent = line.len() - line.trim_start().len();
    let len = line
        .trim_start()
        .find('\n')
        .unwrap_or(line.trim_start().len());
    span.part(at + indent..at + indent + len)
}

#[cfg(test)]
mod tests {
    use crate::check::testing::*;

    fn nested(levels: usize, indent: &str) -> String {
        (0..levels)
            .map(|i| format!("{indent}{}- tingkat {}\n", "  ".repeat(i), i + 1))
            .collect()
    }

    #[test]
    fn a_list_nested_thirty_deep_is_reported_at_its_yaml_line() {
        let cell = format!("keterangan: |\n{}", nested(30, "      "));
        let src = valid_with(
            "    output: Disposisi\n",
            &format!("    output: Disposisi\n    {cell}"),
        );
        assert_eq!(
            lines_of(&src, "daftar-terlalu-dalam"),
            vec![line_of(&src, "- tingkat 9\n")]
        );
    }

    #[test]
    fn eight_levels_are_fine() {
        let cell = format!("keterangan: |\n{}", nested(8, "      "));
        let src = valid_with(
            "    output: Disposisi\n",
            &format!("    output: Disposisi\n    {cell}"),
        );
        assert!(lines_of(&src, "daftar-terlalu-dalam").is_empty());
    }

    #[test]
    fn output_is_pinned() {
        let cell = format!("keterangan: |\n{}", nested(9, "      "));
        let src = valid_with(
            "    output: Disposisi\n",
            &format!("    output: Disposisi\n    {cell}"),
        );
        snapshot(&super::RULE, &src);
    }
}
