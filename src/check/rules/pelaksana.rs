//! `pelaksana-*`: the actor columns are declared once, each step names one of
//! them, each is used, and the flow crosses at least two of them.

use crate::check::{Ctx, Rule};
use crate::diag::Msg;
use crate::diag::{Severity, did_you_mean, suggest};
use crate::msg;
use crate::rule_doc;
use crate::teks::tampak;
use std::collections::HashSet;

const SUMBER: &str = "PermenPAN-RB 35/2012, Bab III (pelaksana dalam diagram alir)";

pub static TIDAK_DIKENAL: Rule = Rule {
    code: "pelaksana-tidak-dikenal",
    severity: Severity::Error,
    title: Msg::fixed(
        "pelaksana langkah tidak ada di daftar pelaksana",
        "step actor is not a declared pelaksana",
    ),
    sumber: Some(SUMBER),
    doc: rule_doc! {
        apa: {
            id: "`pelaksana` sebuah langkah sama persis dengan salah satu kolom di daftar `pelaksana:`. Nama dibandingkan sebagaimana tercetak: spasi tak-putus sama dengan spasi, dan karakter tak terlihat (dilaporkan sendiri sebagai `karakter-tak-terlihat`) diabaikan.",
            en: "A step's `pelaksana` is exactly one of the columns in the `pelaksana:` list. Names are compared as printed: a non-breaking space equals a space, and invisible characters (reported on their own as `karakter-tak-terlihat`) are ignored.",
        },
        mengapa: {
            id: "Kalau tidak, simbol langkah itu tidak dapat digambar di kolom mana pun.",
            en: "Otherwise the step's symbol cannot be drawn in any column.",
        },
        contoh: { code: r#"```yaml
pelaksana:
  - Kepala Dinas
  - Sekretaris
langkah:
  - kegiatan: Memeriksa surat
    pelaksana: Sekertaris
```"# },
        perbaikan: {
            id: "Tulis nama kolom yang ada (atau tambahkan kolomnya ke `pelaksana:`):",
            en: "Write the name of an existing column (or add the column to `pelaksana:`):",
            code: r#"```yaml
    pelaksana: Sekretaris
```"#,
        },
    },
};

pub static TIDAK_DIPAKAI: Rule = Rule {
    code: "pelaksana-tidak-dipakai",
    severity: Severity::Warning,
    title: Msg::fixed(
        "pelaksana tidak dipakai oleh langkah mana pun",
        "pelaksana used by no step",
    ),
    sumber: Some(SUMBER),
    doc: rule_doc! {
        apa: {
            id: "Kolom di daftar `pelaksana:` yang tidak dipakai oleh langkah mana pun.",
            en: "A column in the `pelaksana:` list that no step uses.",
        },
        mengapa: {
            id: "Kolom pelaksana tanpa satu langkah pun hanya memakan lebar tabel, dan sering menandakan langkah yang terlupa.",
            en: "An actor column without a single step only takes table width, and often means a forgotten step.",
        },
        contoh: {
            id: r#"```yaml
pelaksana:
  - Kepala Dinas
  - Bendahara   # tidak ada langkah untuk Bendahara
```"#,
            en: r#"```yaml
pelaksana:
  - Kepala Dinas
  - Bendahara   # no step for Bendahara
```"#,
        },
        perbaikan: {
            id: "Hapus kolom itu, atau tambahkan langkahnya.",
            en: "Delete the column, or add its step.",
        },
    },
};

pub static KURANG: Rule = Rule {
    code: "pelaksana-kurang",
    severity: Severity::Warning,
    title: Msg::fixed("kurang dari dua pelaksana", "fewer than two pelaksana"),
    sumber: Some(SUMBER),
    doc: rule_doc! {
        apa: {
            id: "Daftar `pelaksana:` dengan kurang dari dua pelaksana.",
            en: "A `pelaksana:` list with fewer than two actors.",
        },
        mengapa: {
            id: "SOP menggambarkan alur kerja antarpelaksana. Prosedur yang dikerjakan seluruhnya oleh satu pelaksana biasanya cukup berupa petunjuk kerja, atau pelaksana lainnya terlupa.",
            en: "An SOP describes work flowing between actors. A procedure done entirely by one actor is usually a work instruction, or the other actors were forgotten.",
        },
        contoh: { code: r#"```yaml
pelaksana:
  - Pelaksana
```"# },
        perbaikan: {
            id: "Tambahkan pelaksana yang terlibat (yang memeriksa, yang menyetujui), atau jadikan prosedurnya petunjuk kerja.",
            en: "Add the actors involved (who checks, who approves), or make the procedure a work instruction.",
        },
    },
};

pub static GANDA: Rule = Rule {
    code: "pelaksana-ganda",
    severity: Severity::Error,
    title: Msg::fixed("pelaksana ditulis dua kali", "pelaksana declared twice"),
    sumber: Some(SUMBER),
    doc: rule_doc! {
        apa: {
            id: "Kolom yang ditulis dua kali di daftar `pelaksana:`.",
            en: "A column written twice in the `pelaksana:` list.",
        },
        mengapa: {
            id: "Dua kolom bernama sama membuat tidak jelas di kolom mana langkahnya digambar.",
            en: "Two columns with the same name leave it unclear in which one a step is drawn.",
        },
        contoh: { code: r#"```yaml
pelaksana:
  - Sekretaris
  - Sekretaris
```"# },
        perbaikan: {
            id: "Tulis setiap kolom sekali.",
            en: "Write each column once.",
        },
    },
};

pub fn check(cx: &mut Ctx) {
    let actors = cx.sop.actors();
    let mut seen: Vec<&crate::source::Sp<String>> = Vec::new();
    // A blank entry is `wajib-ada`'s finding, not a column of its own.
    let actors: Vec<_> = actors.iter().filter(|a| !tampak(a).is_empty()).collect();
    for &a in &actors {
        if let Some(first) = seen.iter().find(|s| same(s, a)) {
            let name = a.as_str();
            let first = first.span;
            cx.report(
                &GANDA,
                a.span,
                msg!(
                    "pelaksana `{name}` ditulis dua kali",
                    "pelaksana `{name}` is declared twice"
                ),
            )
            .with_label_mut(
                first,
                msg!("pertama ditulis di sini", "first declared here"),
            );
        } else {
            seen.push(a);
        }
    }
    let names: Vec<&str> = actors.iter().map(|a| a.as_str()).collect();
    // Compared as they print: a no-break space or a zero-width space must
    // not split one column into two or orphan a step.
    let shown: Vec<String> = names.iter().map(|n| tampak(n)).collect();
    let mut used = HashSet::new();
    for s in cx.sop.steps() {
        let Some(p) = &s.pelaksana else { continue };
        let p_shown = tampak(p);
        if p_shown.is_empty() {
            continue;
        }
        if shown.contains(&p_shown) {
            used.insert(p_shown);
            continue;
        }
        unknown(cx, p, &names);
    }
    for a in &actors {
        if !used.contains(&tampak(a)) && !cx.sop.steps().is_empty() {
            let name = a.as_str();
            cx.report(
                &TIDAK_DIPAKAI,
                a.span,
                msg!(
                    "pelaksana `{name}` tidak dipakai oleh langkah mana pun",
                    "pelaksana `{name}` is used by no step"
                ),
            )
            .help = Some(msg!(
                "hapus kolom ini, atau tetapkan langkah untuknya",
                "remove this column, or assign it a step"
            ));
        }
    }
    if used.len() < 2 && !cx.sop.steps().is_empty() && !actors.is_empty() {
        let span = cx.sop.pelaksana.as_ref().map_or(cx.doc_start(), |p| p.span);
        let n = used.len();
        cx.report(&KURANG, span, msg!(
            "langkah-langkah hanya melibatkan {n} pelaksana; SOP biasanya melibatkan sekurang-kurangnya dua",
            "the steps involve only {n} pelaksana; an SOP usually involves at least two"
        ));
    }
}

fn unknown(cx: &mut Ctx, p: &crate::source::Sp<String>, names: &[&str]) {
    let name = p.as_str();
    let d = cx.report(
        &TIDAK_DIKENAL,
        p.span,
        msg!(
            "pelaksana `{name}` tidak ada di daftar `pelaksana`",
            "pelaksana `{name}` is not in the `pelaksana` list"
        ),
    );
    d.help = Some(
        match names
            .iter()
            .find(|n| n.eq_ignore_ascii_case(name))
            .copied()
            .or_else(|| suggest(name, names.iter().copied()))
        {
            Some(s) => did_you_mean(s),
            None => {
                let list = names.join("`, `");
                msg!(
                    "pelaksana yang ada: `{list}`; atau tambahkan kolom baru ke `pelaksana:`",
                    "declared pelaksana: `{list}`; or add a new column to `pelaksana:`"
                )
            }
        },
    );
}

fn same(a: &str, b: &str) -> bool {
    tampak(a).to_lowercase() == tampak(b).to_lowercase()
}

#[cfg(test)]
mod tests {
    use crate::check::testing::*;

    #[test]
    fn near_miss_gets_a_suggestion() {
        let src = valid_with("    pelaksana: Sekretaris\n", "    pelaksana: Sekertaris\n");
        let line = line_of(&src, "pelaksana: Sekertaris");
        assert_eq!(lines_of(&src, "pelaksana-tidak-dikenal"), vec![line]);
        assert_eq!(
            lines_of(&src, "pelaksana-tidak-dipakai"),
            vec![line_of(&src, "  - Sekretaris")]
        );
    }

    #[test]
    fn a_no_break_space_matches_the_column_that_looks_the_same() {
        let src = valid_with(
            "    pelaksana: Kepala Dinas\n",
            "    pelaksana: Kepala\u{A0}Dinas\n",
        );
        assert_eq!(findings(&src), vec![]);
    }

    #[test]
    fn a_zero_width_space_does_not_make_a_second_column() {
        let src = valid_with(
            "  - Pelaksana\n",
            "  - Pelaksana\n  - Kepala Dinas\u{200B}\n",
        );
        let line = line_of(&src, "  - Kepala Dinas\u{200B}");
        assert_eq!(
            findings(&src),
            vec![("karakter-tak-terlihat", line), ("pelaksana-ganda", line)]
        );
    }

    #[test]
    fn declared_twice_and_too_few() {
        let src = valid_with("  - Pelaksana\n", "  - Pelaksana\n  - pelaksana\n");
        assert_eq!(
            lines_of(&src, "pelaksana-ganda"),
            vec![line_of(&src, "  - pelaksana")]
        );
        let one = VALID
            .replace("pelaksana: Sekretaris", "pelaksana: Pelaksana")
            .replace("pelaksana: Kepala Dinas", "pelaksana: Pelaksana");
        assert_eq!(
            lines_of(&one, "pelaksana-kurang"),
            vec![line_of(&one, "\npelaksana:\n") + 2]
        );
    }

    #[test]
    fn output_is_pinned() {
        use super::*;
        let src = valid_with("    pelaksana: Sekretaris\n", "    pelaksana: Sekertaris\n");
        snapshot(&TIDAK_DIKENAL, &src);
        snapshot(&TIDAK_DIPAKAI, &src);
        snapshot(
            &GANDA,
            &valid_with("  - Pelaksana\n", "  - Pelaksana\n  - pelaksana\n"),
        );
        let one = VALID
            .replace("pelaksana: Sekretaris", "pelaksana: Pelaksana")
            .replace("pelaksana: Kepala Dinas", "pelaksana: Pelaksana");
        snapshot(&KURANG, &one);
    }
}
