//! `lompatan-*`, `keputusan-sama`, `lanjut-keputusan`, `terminator-keputusan`:
//! jumps name existing steps, decisions have two distinct exits, and the
//! first and last steps stay terminators.

use crate::check::{Ctx, Rule};
use crate::diag::Msg;
use crate::diag::{Severity::Error, did_you_mean, suggest};
use crate::model::alur::{Target, resolve, step_ids};
use crate::msg;
use crate::rule_doc;
use crate::source::Sp;

const SUMBER: &str = "PermenPAN-RB 35/2012, Bab III (simbol diagram alir)";

pub static TIDAK_ADA: Rule = Rule {
    code: "lompatan-tidak-ada",
    severity: Error,
    title: Msg::fixed("tujuan lompatan tidak ada", "jump target does not exist"),
    sumber: Some(SUMBER),
    doc: rule_doc! {
        apa: {
            id: "`keputusan.ya`, `keputusan.tidak` dan `lanjut` menyebut `id` langkah yang ada.",
            en: "`keputusan.ya`, `keputusan.tidak` and `lanjut` name the `id` of an existing step.",
        },
        mengapa: {
            id: "Tujuan yang tidak ada membuat panah tidak dapat digambar.",
            en: "A target that does not exist leaves an arrow that cannot be drawn.",
        },
        contoh: { code: r#"```yaml
  - kegiatan: Memeriksa bahan
    keputusan:
      tidak: siapkan-bahn
```"# },
        perbaikan: {
            id: "Tulis `id` yang ada, atau beri langkah tujuan `id` itu:",
            en: "Write an existing `id`, or give the target step that `id`:",
            code: r#"```yaml
  - id: siapkan-bahan
    kegiatan: Menyiapkan bahan
  - kegiatan: Memeriksa bahan
    keputusan:
      tidak: siapkan-bahan
```"#,
        },
    },
};

pub static KEPUTUSAN_SAMA: Rule = Rule {
    code: "keputusan-sama",
    severity: Error,
    title: Msg::fixed(
        "kedua jalan keluar keputusan sama",
        "both exits of a decision are the same",
    ),
    sumber: Some(SUMBER),
    doc: rule_doc! {
        apa: {
            id: "Dua jalan keluar sebuah keputusan (`ya` dan `tidak`) berbeda.",
            en: "The two exits of a decision (`ya` and `tidak`) differ.",
        },
        mengapa: {
            id: "Keputusan (belah ketupat) bercabang dua. Bila `ya` dan `tidak` sama-sama kosong, atau menuju langkah yang sama, langkah itu bukan keputusan.",
            en: "A decision (diamond) branches in two. When `ya` and `tidak` are both empty, or lead to the same step, the step is no decision.",
        },
        contoh: { code: r#"```yaml
    keputusan:
      ya: arsipkan
      tidak: arsipkan
```"# },
        perbaikan: {
            id: "Arahkan salah satu jalan ke langkah lain, atau hapus `keputusan`.",
            en: "Point one of the exits at another step, or delete `keputusan`.",
        },
    },
};

pub static LANJUT_KEPUTUSAN: Rule = Rule {
    code: "lanjut-keputusan",
    severity: Error,
    title: Msg::fixed(
        "`lanjut` pada langkah keputusan",
        "`lanjut` on a decision step",
    ),
    sumber: Some(SUMBER),
    doc: rule_doc! {
        apa: {
            id: "`lanjut` pada langkah yang juga memiliki `keputusan`.",
            en: "`lanjut` on a step that also has a `keputusan`.",
        },
        mengapa: {
            id: "Langkah keputusan menentukan langkah berikutnya lewat `ya` dan `tidak`; `lanjut` di situ membuat tujuannya tidak jelas.",
            en: "A decision step chooses the next step through `ya` and `tidak`; a `lanjut` there makes the target unclear.",
        },
        contoh: { code: r#"```yaml
  - kegiatan: Memutuskan disposisi
    keputusan:
      tidak: periksa
    lanjut: arsipkan
```"# },
        perbaikan: {
            id: "Pindahkan tujuannya ke `ya` atau `tidak`:",
            en: "Move its target to `ya` or `tidak`:",
            code: r#"```yaml
    keputusan:
      ya: arsipkan
      tidak: periksa
```"#,
        },
    },
};

pub static TERMINATOR_KEPUTUSAN: Rule = Rule {
    code: "terminator-keputusan",
    severity: Error,
    title: Msg::fixed(
        "langkah pertama/terakhir bukan terminator",
        "first/last step is not a terminator",
    ),
    sumber: Some(SUMBER),
    doc: rule_doc! {
        apa: {
            id: "Langkah pertama bukan keputusan; langkah terakhir bukan keputusan dan tidak melompat (`lanjut`) ke langkah lain.",
            en: "The first step is no decision; the last step is no decision and does not jump (`lanjut`) to another step.",
        },
        mengapa: {
            id: "Langkah pertama dan terakhir digambar sebagai terminator (mulai dan selesai), yang tidak bercabang.",
            en: "The first and last steps are drawn as terminators (start and end), which do not branch.",
        },
        contoh: { code: r#"```yaml
  - kegiatan: Mengarsipkan surat
    keputusan:
      tidak: periksa
```"# },
        perbaikan: {
            id: "Tambahkan langkah penutup (atau pembuka) setelah keputusan:",
            en: "Add a closing (or opening) step after the decision:",
            code: r#"```yaml
  - kegiatan: Mengarsipkan surat
    keputusan:
      tidak: periksa
  - kegiatan: Menyelesaikan layanan
```"#,
        },
    },
};

pub fn check(cx: &mut Ctx) {
    let steps = cx.sop.steps();
    let ids = step_ids(cx.sop);
    let names: Vec<&str> = ids.keys().copied().collect();
    let n = steps.len();
    for (i, s) in steps.iter().enumerate() {
        if let Some(l) = &s.lanjut {
            missing_target(cx, l, &ids, &names);
        }
        let Some(k) = &s.keputusan else {
            if i + 1 == n && n > 1 && s.lanjut.as_ref().is_some_and(|l| !l.is_empty()) {
                terminator(
                    cx,
                    s.lanjut.as_ref().map_or(s.span, |l| l.span),
                    "terakhir",
                    "last",
                );
            }
            continue;
        };
        if let Some(l) = &s.lanjut {
            cx.report(
                &LANJUT_KEPUTUSAN,
                l.span,
                msg!(
                    "langkah keputusan tidak dapat memiliki `lanjut`",
                    "a decision step cannot have `lanjut`"
                ),
            )
            .help = Some(msg!(
                "pindahkan tujuannya ke `ya` atau `tidak`",
                "move the target to `ya` or `tidak`"
            ));
        }
        if i == 0 || i + 1 == n {
            let (id, en) = if i == 0 {
                ("pertama", "first")
            } else {
                ("terakhir", "last")
            };
            terminator(cx, k.span, id, en);
            continue;
        }
        let ya =
            k.ya.as_ref()
                .map(|t| (t, missing_target(cx, t, &ids, &names)));
        let tidak = k
            .tidak
            .as_ref()
            .map(|t| (t, missing_target(cx, t, &ids, &names)));
        let target =
            |x: &Option<(&Sp<String>, Target)>| x.as_ref().map_or(Target::Next, |(_, t)| t.clone());
        let (a, b) = (target(&ya), target(&tidak));
        let next = |t: Target| {
            if t == Target::Step(i + 1) {
                Target::Next
            } else {
                t
            }
        };
        if matches!(a, Target::Missing(_)) || matches!(b, Target::Missing(_)) {
            continue;
        }
        if next(a) == next(b) {
            cx.report(
                &KEPUTUSAN_SAMA,
                k.span,
                msg!(
                    "kedua jalan keluar keputusan (`ya` dan `tidak`) menuju langkah yang sama",
                    "both exits of the decision (`ya` and `tidak`) lead to the same step"
                ),
            )
            .help = Some(msg!(
                "arahkan salah satunya ke `id` langkah lain, atau hapus `keputusan` bila ini bukan keputusan",
                "point one of them to another step `id`, or remove `keputusan` if this is not a decision"
            ));
        }
    }
}

fn terminator(cx: &mut Ctx, span: crate::source::Span, id: &str, en: &str) {
    cx.report(&TERMINATOR_KEPUTUSAN, span, msg!(
        "langkah {id} adalah terminator (mulai/selesai) dan tidak dapat bercabang atau melompat",
        "the {en} step is a terminator (start/end) and cannot branch or jump"
    ))
    .help = Some(msg!(
        "tambahkan langkah pembuka/penutup tersendiri",
        "add a separate opening/closing step"
    ));
}

/// Reports a jump to a name that is no step's `id`; returns the target.
fn missing_target(
    cx: &mut Ctx,
    t: &Sp<String>,
    ids: &std::collections::HashMap<&str, usize>,
    names: &[&str],
) -> Target {
    let target = resolve(Some(t.as_str()), ids);
    if let Target::Missing(name) = &target {
        let d = cx.report(
            &TIDAK_ADA,
            t.span,
            msg!(
                "tidak ada langkah dengan `id: {name}`",
                "no step has `id: {name}`"
            ),
        );
        d.help = Some(match suggest(name, names.iter().copied()) {
            Some(s) => did_you_mean(s),
            None => msg!(
                "beri `id: {name}` pada langkah yang dituju",
                "give the target step `id: {name}`"
            ),
        });
    }
    target
}

#[cfg(test)]
mod tests {
    use crate::check::testing::*;

    #[test]
    fn missing_target_with_suggestion() {
        let src = valid_with("      tidak: periksa", "      tidak: periksaa");
        assert_eq!(
            lines_of(&src, "lompatan-tidak-ada"),
            vec![line_of(&src, "tidak: periksaa")]
        );
    }

    #[test]
    fn same_exits() {
        let src = valid_with("      tidak: periksa", "      tidak: \"\"");
        assert_eq!(
            lines_of(&src, "keputusan-sama"),
            vec![line_of(&src, "      tidak: \"\"")]
        );
    }

    #[test]
    fn lanjut_on_decision_and_terminal_decision() {
        let src = valid_with("    keputusan:\n", "    lanjut: periksa\n    keputusan:\n");
        assert_eq!(
            lines_of(&src, "lanjut-keputusan"),
            vec![line_of(&src, "lanjut: periksa")]
        );
        let src = valid_with(
            "    output: Surat diarsipkan\n",
            "    output: Surat diarsipkan\n    keputusan:\n      tidak: periksa\n",
        );
        let expected = src
            .rfind("    keputusan:")
            .map(|at| src[..at].matches('\n').count() + 2)
            .unwrap();
        assert_eq!(lines_of(&src, "terminator-keputusan"), vec![expected]);
    }

    #[test]
    fn output_is_pinned() {
        use super::*;
        snapshot(
            &TIDAK_ADA,
            &valid_with("      tidak: periksa", "      tidak: periksaa"),
        );
        snapshot(
            &KEPUTUSAN_SAMA,
            &valid_with(
                "      tidak: periksa",
                "      ya: periksa\n      tidak: periksa",
            ),
        );
        snapshot(
            &LANJUT_KEPUTUSAN,
            &valid_with(
                "      tidak: periksa\n",
                "      tidak: periksa\n    lanjut: periksa\n",
            ),
        );
        snapshot(
            &TERMINATOR_KEPUTUSAN,
            &valid_with(
                "    output: Surat diarsipkan\n",
                "    output: Surat diarsipkan\n    keputusan:\n      tidak: periksa\n",
            ),
        );
    }
}
