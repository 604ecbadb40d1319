//! `pelaksana-*`: the actor columns are declared once, each step names one of
//! them (or several, once each, for a parallel step that is no decision),
//! each is used, and the flow crosses at least two of them.

use crate::check::{Ctx, Rule};
use crate::diag::Msg;
use crate::diag::{Severity, did_you_mean, suggest};
use crate::model::{Langkah, PelaksanaLangkah};
use crate::msg;
use crate::rule_doc;
use crate::source::Sp;
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
            id: "`pelaksana` sebuah langkah — atau setiap nama dalam daftarnya, untuk langkah sejajar (`pelaksana: [PPK, KPA]`) — sama persis dengan salah satu kolom di daftar `pelaksana:`. Nama dibandingkan sebagaimana tercetak: spasi tak-putus sama dengan spasi, dan karakter tak terlihat (dilaporkan sendiri sebagai `karakter-tak-terlihat`) diabaikan.",
            en: "A step's `pelaksana` — or every name in its list, for a parallel step (`pelaksana: [PPK, KPA]`) — is exactly one of the columns in the `pelaksana:` list. Names are compared as printed: a non-breaking space equals a space, and invisible characters (reported on their own as `karakter-tak-terlihat`) are ignored.",
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

pub static SEJAJAR_KEPUTUSAN: Rule = Rule {
    code: "pelaksana-sejajar-keputusan",
    severity: Severity::Error,
    title: Msg::fixed(
        "langkah keputusan dengan beberapa pelaksana",
        "decision step with several pelaksana",
    ),
    sumber: Some(SUMBER),
    doc: rule_doc! {
        apa: {
            id: "Langkah `keputusan` yang `pelaksana`-nya berupa daftar beberapa nama. Daftar pelaksana (langkah sejajar) hanya untuk kegiatan biasa dan terminator.",
            en: "A `keputusan` step whose `pelaksana` is a list of several names. A list of pelaksana (a parallel step) is for ordinary kegiatan and terminators only.",
        },
        mengapa: {
            id: "Keputusan memiliki satu belah ketupat dengan dua jalan keluar `ya`/`tidak`; beberapa belah ketupat pada satu baris bisa memutuskan berbeda, dan diagram alir tidak dapat menunjukkan jalan mana yang diambil.",
            en: "A decision is one diamond with two exits `ya`/`tidak`; several diamonds in one row could decide differently, and the flowchart could not show which way is taken.",
        },
        contoh: { code: r#"```yaml
  - kegiatan: Memeriksa kelengkapan berkas
    pelaksana: [PPK, KPA]
    keputusan:
      tidak: terima
```"# },
        perbaikan: {
            id: "Pisahkan pemeriksaan bersama dari keputusannya:",
            en: "Separate the joint check from its decision:",
            code: r#"```yaml
  - kegiatan: Memeriksa kelengkapan berkas
    pelaksana: [PPK, KPA]
  - kegiatan: Memutuskan kelengkapan berkas
    pelaksana: KPA
    keputusan:
      tidak: terima
```"#,
        },
    },
};

pub static SEJAJAR_GANDA: Rule = Rule {
    code: "pelaksana-sejajar-ganda",
    severity: Severity::Error,
    title: Msg::fixed(
        "pelaksana ditulis dua kali pada satu langkah",
        "pelaksana listed twice in one step",
    ),
    sumber: Some(SUMBER),
    doc: rule_doc! {
        apa: {
            id: "Nama yang ditulis dua kali dalam daftar `pelaksana` satu langkah (`pelaksana: [PPK, KPA, PPK]`). Nama dibandingkan sebagaimana tercetak.",
            en: "A name written twice in one step's `pelaksana` list (`pelaksana: [PPK, KPA, PPK]`). Names are compared as printed.",
        },
        mengapa: {
            id: "Setiap pelaksana dalam daftar mendapat satu simbol di kolomnya pada baris langkah itu; nama ganda tidak menambah apa pun dan biasanya salah ketik nama pelaksana lain.",
            en: "Each pelaksana in the list gets one symbol in its column in the step's row; a repeated name adds nothing and is usually a mistyped name of another actor.",
        },
        contoh: { code: r#"```yaml
    pelaksana: [PPK, KPA, PPK]
```"# },
        perbaikan: {
            id: "Tulis setiap pelaksana sekali:",
            en: "Write each pelaksana once:",
            code: r#"```yaml
    pelaksana: [PPK, KPA]
```"#,
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
        for entry in p.iter() {
            let p_shown = tampak(entry);
            if p_shown.is_empty() {
                continue;
            }
            if shown.contains(&p_shown) {
                used.insert(p_shown);
                continue;
            }
            unknown(cx, entry, &names);
        }
        sejajar(cx, s, p);
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

/// The list form of a step's `pelaksana`: on a decision, or naming one
/// actor twice.
fn sejajar(cx: &mut Ctx, s: &Langkah, p: &Sp<PelaksanaLangkah>) {
    if s.keputusan.is_some() && p.sejajar() {
        let n = p.nama.len();
        let list = p
            .iter()
            .map(|n| n.as_str())
            .collect::<Vec<_>>()
            .join("`, `");
        cx.report(
            &SEJAJAR_KEPUTUSAN,
            p.span,
            msg!(
                "langkah `keputusan` memiliki tepat satu pelaksana, bukan {n} (`{list}`)",
                "a `keputusan` step has exactly one pelaksana, not {n} (`{list}`)"
            ),
        )
        .help = Some(msg!(
            "tulis satu pelaksana yang memutuskan; bila beberapa pelaksana memeriksa bersamaan, jadikan itu langkah sejajar tersendiri sebelum keputusan",
            "name the one pelaksana who decides; if several check at once, make that a parallel step of its own before the decision"
        ));
    }
    let mut seen: Vec<&Sp<String>> = Vec::new();
    for entry in p.iter() {
        let shown = tampak(entry);
        if shown.is_empty() {
            continue;
        }
        let Some(first) = seen.iter().find(|f| tampak(f) == shown) else {
            seen.push(entry);
            continue;
        };
        let (name, first) = (entry.as_str(), first.span);
        cx.report(
            &SEJAJAR_GANDA,
            entry.span,
            msg!(
                "pelaksana `{name}` ditulis dua kali pada langkah ini",
                "pelaksana `{name}` is listed twice in this step"
            ),
        )
        .with_label_mut(first, msg!("pertama ditulis di sini", "first listed here"))
        .help = Some(msg!(
            "hapus salah satunya: setiap pelaksana mendapat satu simbol pada baris langkah",
            "remove one of them: each pelaksana gets one symbol in the step's row"
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

    /// The one finding of `code` in `src`: its (line, column) and its
    /// message and help in both languages.
    fn one(src: &str, code: &str) -> ((usize, usize), [String; 4]) {
        use crate::diag::Lang;
        let found: Vec<_> = diagnostics(src)
            .into_iter()
            .filter(|(d, _)| d.code == code)
            .collect();
        let [(d, at)] = found.as_slice() else {
            panic!("expected one `{code}`, got {found:?}");
        };
        let help = d.help.as_ref().expect("every finding here has a help");
        let texts = [
            d.message.get(Lang::Id).to_owned(),
            d.message.get(Lang::En).to_owned(),
            help.get(Lang::Id).to_owned(),
            help.get(Lang::En).to_owned(),
        ];
        (*at, texts)
    }

    /// Column (1-based) of `needle` on its line.
    fn col_of(src: &str, needle: &str) -> usize {
        let at = src.find(needle).expect("needle in source");
        at - src[..at].rfind('\n').map_or(0, |n| n + 1) + 1
    }

    #[test]
    fn a_parallel_step_of_declared_actors_is_clean() {
        let src = valid_with(
            "    pelaksana: Sekretaris\n",
            "    pelaksana: [Sekretaris, Pelaksana]\n",
        );
        assert_eq!(findings(&src), vec![]);
        let block = valid_with(
            "    pelaksana: Sekretaris\n",
            "    pelaksana:\n      - Sekretaris\n      - Pelaksana\n",
        );
        assert_eq!(findings(&block), vec![]);
        // One name in list form is the plain form, on a decision too.
        let src = valid_with(
            "    pelaksana: Kepala Dinas\n",
            "    pelaksana: [Kepala Dinas]\n",
        );
        assert_eq!(findings(&src), vec![]);
    }

    #[test]
    fn every_actor_of_a_parallel_step_counts_as_used() {
        // Sekretaris acts only in the parallel row of the first step.
        let src = valid_with("    pelaksana: Sekretaris\n", "    pelaksana: Pelaksana\n").replacen(
            "    pelaksana: Pelaksana\n",
            "    pelaksana: [Pelaksana, Sekretaris]\n",
            1,
        );
        assert_eq!(findings(&src), vec![]);
    }

    #[test]
    fn an_invisible_character_in_an_entry_is_found_there_and_the_entry_still_matches() {
        let src = valid_with(
            "    pelaksana: Sekretaris\n",
            "    pelaksana: [Sekretaris, Pelaksana\u{200B}]\n",
        );
        let found: Vec<_> = diagnostics(&src)
            .into_iter()
            .map(|(d, at)| (d.code, at))
            .collect();
        assert_eq!(
            found,
            vec![(
                "karakter-tak-terlihat",
                (line_of(&src, "[Sekretaris, "), col_of(&src, "\u{200B}]"))
            )]
        );
    }

    #[test]
    fn an_unknown_entry_is_reported_at_its_own_line_and_column() {
        let src = valid_with(
            "    pelaksana: Sekretaris\n",
            "    pelaksana: [Sekretaris, Pelaksan]\n",
        );
        let (at, texts) = one(&src, "pelaksana-tidak-dikenal");
        assert_eq!(
            at,
            (
                line_of(&src, "[Sekretaris, Pelaksan]"),
                col_of(&src, "Pelaksan]")
            )
        );
        assert_eq!(
            texts,
            [
                "pelaksana `Pelaksan` tidak ada di daftar `pelaksana`",
                "pelaksana `Pelaksan` is not in the `pelaksana` list",
                "apakah maksud Anda `Pelaksana`?",
                "did you mean `Pelaksana`?",
            ]
        );
        let block = valid_with(
            "    pelaksana: Sekretaris\n",
            "    pelaksana:\n      - Sekretaris\n      - Kepla Dinas\n",
        );
        let (at, texts) = one(&block, "pelaksana-tidak-dikenal");
        assert_eq!(at, (line_of(&block, "      - Kepla Dinas"), 9));
        assert_eq!(texts[2], "apakah maksud Anda `Kepala Dinas`?");
    }

    #[test]
    fn a_list_on_a_decision_is_an_error() {
        let src = valid_with(
            "    pelaksana: Kepala Dinas\n",
            "    pelaksana: [Kepala Dinas, Sekretaris]\n",
        );
        let (at, texts) = one(&src, "pelaksana-sejajar-keputusan");
        assert_eq!(at, (line_of(&src, "[Kepala Dinas, Sekretaris]"), 16));
        assert_eq!(
            texts,
            [
                "langkah `keputusan` memiliki tepat satu pelaksana, bukan 2 (`Kepala Dinas`, `Sekretaris`)",
                "a `keputusan` step has exactly one pelaksana, not 2 (`Kepala Dinas`, `Sekretaris`)",
                "tulis satu pelaksana yang memutuskan; bila beberapa pelaksana memeriksa bersamaan, jadikan itu langkah sejajar tersendiri sebelum keputusan",
                "name the one pelaksana who decides; if several check at once, make that a parallel step of its own before the decision",
            ]
        );
        assert_eq!(findings(&src), vec![("pelaksana-sejajar-keputusan", at.0)]);
    }

    #[test]
    fn a_name_twice_in_one_step_is_an_error() {
        let src = valid_with(
            "    pelaksana: Sekretaris\n",
            "    pelaksana: [Sekretaris, Pelaksana, Sekretaris]\n",
        );
        let (at, texts) = one(&src, "pelaksana-sejajar-ganda");
        assert_eq!(
            at,
            (
                line_of(&src, "Pelaksana, Sekretaris]"),
                col_of(&src, "Sekretaris]")
            )
        );
        assert_eq!(
            texts,
            [
                "pelaksana `Sekretaris` ditulis dua kali pada langkah ini",
                "pelaksana `Sekretaris` is listed twice in this step",
                "hapus salah satunya: setiap pelaksana mendapat satu simbol pada baris langkah",
                "remove one of them: each pelaksana gets one symbol in the step's row",
            ]
        );
        assert_eq!(findings(&src), vec![("pelaksana-sejajar-ganda", at.0)]);
    }

    #[test]
    fn an_empty_list_and_a_blank_entry_are_errors() {
        let src = valid_with("    pelaksana: Sekretaris\n", "    pelaksana: []\n");
        let (at, texts) = one(&src, "wajib-ada");
        assert_eq!(at, (line_of(&src, "pelaksana: []"), 16));
        assert_eq!(
            texts,
            [
                "daftar `langkah[2].pelaksana` kosong",
                "the list `langkah[2].pelaksana` is empty",
                "tulis sekurang-kurangnya satu pelaksana, misalnya `pelaksana: [PPK, KPA]` untuk dua pelaksana yang bekerja bersamaan",
                "write at least one pelaksana, e.g. `pelaksana: [PPK, KPA]` for two actors working at once",
            ]
        );
        // Sekretaris is now used by no step.
        assert_eq!(
            findings(&src),
            vec![
                ("wajib-ada", at.0),
                ("pelaksana-tidak-dipakai", line_of(&src, "  - Sekretaris")),
            ]
        );
        let src = valid_with(
            "    pelaksana: Sekretaris\n",
            "    pelaksana: [Sekretaris, \"\"]\n",
        );
        let (at, texts) = one(&src, "wajib-ada");
        assert_eq!(
            at,
            (line_of(&src, "[Sekretaris, \"\"]"), col_of(&src, "\"\"]"))
        );
        assert_eq!(texts[0], "butir ke-2 daftar `langkah[2].pelaksana` kosong");
        assert_eq!(
            texts[1],
            "entry 2 of the `langkah[2].pelaksana` list is empty"
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
        snapshot(
            &SEJAJAR_KEPUTUSAN,
            &valid_with(
                "    pelaksana: Kepala Dinas\n",
                "    pelaksana: [Kepala Dinas, Sekretaris]\n",
            ),
        );
        snapshot(
            &SEJAJAR_GANDA,
            &valid_with(
                "    pelaksana: Sekretaris\n",
                "    pelaksana: [Sekretaris, Pelaksana, Sekretaris]\n",
            ),
        );
    }
}
