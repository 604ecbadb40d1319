//! `langkah-tak-terjangkau` and `jalan-buntu`: every step can be reached from
//! the first, and the last step can be reached from every step. A parallel
//! step is one node of the graph, whatever the number of its pelaksana.

use crate::check::{Ctx, Rule};
use crate::diag::Msg;
use crate::diag::Severity::Error;
use crate::msg;
use crate::rule_doc;

const SUMBER: &str = "PermenPAN-RB 35/2012, Bab III (diagram alir)";

pub static TAK_TERJANGKAU: Rule = Rule {
    code: "langkah-tak-terjangkau",
    severity: Error,
    title: Msg::fixed(
        "langkah tidak dapat dicapai dari langkah pertama",
        "step unreachable from the first step",
    ),
    sumber: Some(SUMBER),
    doc: rule_doc! {
        apa: {
            id: "Setiap langkah dapat dicapai dari langkah pertama mengikuti panah. Langkah sejajar (`pelaksana: [PPK, KPA]`) adalah satu langkah: panah masuk ke semua simbolnya sekaligus.",
            en: "Every step can be reached from the first one by following the arrows. A parallel step (`pelaksana: [PPK, KPA]`) is one step: the arrows reach all its symbols at once.",
        },
        mengapa: {
            id: "Langkah yang dilompati oleh semua jalan tidak akan pernah dikerjakan.",
            en: "A step that every path jumps over is never carried out.",
        },
        contoh: {
            id: r#"```yaml
  - kegiatan: Menerima surat
    lanjut: arsipkan
  - kegiatan: Memeriksa surat   # tidak pernah dicapai
  - id: arsipkan
    kegiatan: Mengarsipkan surat
```"#,
            en: r#"```yaml
  - kegiatan: Menerima surat
    lanjut: arsipkan
  - kegiatan: Memeriksa surat   # never reached
  - id: arsipkan
    kegiatan: Mengarsipkan surat
```"#,
        },
        perbaikan: {
            id: "Hapus langkah itu, atau ubah lompatan agar ada jalan ke sana.",
            en: "Delete that step, or change the jumps so that a path leads to it.",
        },
    },
};

pub static JALAN_BUNTU: Rule = Rule {
    code: "jalan-buntu",
    severity: Error,
    title: Msg::fixed(
        "langkah terakhir tidak dapat dicapai",
        "the last step cannot be reached",
    ),
    sumber: Some(SUMBER),
    doc: rule_doc! {
        apa: {
            id: "Dari setiap langkah ada jalan menuju langkah terakhir (selesai). Langkah sejajar (`pelaksana: [PPK, KPA]`) adalah satu langkah: jalannya keluar dari semua simbolnya sekaligus.",
            en: "From every step a path leads to the last step (the end). A parallel step (`pelaksana: [PPK, KPA]`) is one step: its path leaves from all its symbols at once.",
        },
        mengapa: {
            id: "Lompatan yang membentuk putaran tanpa jalan keluar, atau langkah yang melompat ke dirinya sendiri, membuat prosedur tidak pernah selesai.",
            en: "Jumps that form a loop with no way out, or a step that jumps to itself, make a procedure that never ends.",
        },
        contoh: { code: r#"```yaml
  - id: periksa
    kegiatan: Memeriksa surat
    lanjut: periksa
```"# },
        perbaikan: {
            id: "Arahkan lompatan ke langkah yang menuju selesai, atau jadikan langkahnya keputusan dengan satu jalan keluar.",
            en: "Point the jump at a step that leads to the end, or make the step a decision with a way out.",
        },
    },
};

pub fn check(cx: &mut Ctx) {
    let n = cx.sop.steps().len();
    if n < 2 {
        return;
    }
    let from_start = cx.alur.reachable_from_start();
    let to_end = cx.alur.reaching_end();
    for (i, s) in cx.sop.steps().iter().enumerate() {
        let no = i + 1;
        let span = s.kegiatan.as_ref().map_or(s.span, |k| k.span);
        if !from_start[i] {
            cx.report(
                &TAK_TERJANGKAU,
                span,
                msg!(
                    "langkah {no} tidak dapat dicapai dari langkah pertama",
                    "step {no} cannot be reached from the first step"
                ),
            )
            .help = Some(msg!(
                "periksa `keputusan` dan `lanjut` pada langkah sebelumnya",
                "check `keputusan` and `lanjut` on the steps before it"
            ));
        } else if !to_end[i] {
            cx.report(
                &JALAN_BUNTU,
                span,
                msg!(
                    "dari langkah {no} tidak ada jalan menuju langkah terakhir",
                    "from step {no} there is no way to the last step"
                ),
            )
            .help = Some(msg!(
                "beri putaran ini jalan keluar: arahkan `ya`/`tidak` atau `lanjut` ke langkah sesudahnya",
                "give this loop a way out: point `ya`/`tidak` or `lanjut` to a later step"
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::testing::*;

    #[test]
    fn skipped_step_is_unreachable() {
        let src = valid_with(
            "    output: Surat tercatat\n",
            "    output: Surat tercatat\n    lanjut: akhir\n",
        );
        let src = src.replacen(
            "  - kegiatan: Mengarsipkan surat",
            "  - id: akhir\n    kegiatan: Mengarsipkan surat",
            1,
        );
        let src = src.replacen("      tidak: periksa\n", "      tidak: akhir\n", 1);
        let lines = lines_of(&src, "langkah-tak-terjangkau");
        assert_eq!(
            lines,
            vec![
                line_of(&src, "Memeriksa surat"),
                line_of(&src, "Memutuskan disposisi")
            ]
        );
    }

    /// A parallel row is one node of the flow: reached once, left once,
    /// whatever the number of its pelaksana.
    #[test]
    fn a_parallel_row_is_one_node() {
        let parallel = valid_with(
            "    pelaksana: Sekretaris\n",
            "    pelaksana: [Sekretaris, Pelaksana]\n",
        );
        assert_eq!(findings(&parallel), vec![]);
        // The decision sends "tidak" back into the parallel row: a loop
        // with a way out, as with one pelaksana.
        let sop = crate::parse::parse_str("uji.yaml", &parallel).sop.unwrap();
        let alur = crate::model::alur::Alur::build(&sop);
        let edges: Vec<(usize, usize)> = alur.edges.iter().map(|e| (e.from, e.to)).collect();
        assert_eq!(edges, vec![(0, 1), (1, 2), (2, 3), (2, 1)]);
        // Skipping the decision from the parallel row leaves it unreachable,
        // reported once on its own line.
        let src = parallel
            .replacen(
                "    output: Surat diperiksa\n",
                "    output: Surat diperiksa\n    lanjut: akhir\n",
                1,
            )
            .replacen(
                "  - kegiatan: Mengarsipkan surat",
                "  - id: akhir\n    kegiatan: Mengarsipkan surat",
                1,
            );
        assert_eq!(
            lines_of(&src, "langkah-tak-terjangkau"),
            vec![line_of(&src, "Memutuskan disposisi")]
        );
    }

    #[test]
    fn loop_without_exit() {
        // The same with the loop through a parallel row.
        let parallel = valid_with(
            "    pelaksana: Sekretaris\n",
            "    pelaksana: [Sekretaris, Pelaksana]\n",
        );
        assert_eq!(
            lines_of(
                &parallel.replacen(
                    "    output: Surat diperiksa\n",
                    "    output: Surat diperiksa\n    lanjut: periksa\n",
                    1,
                ),
                "jalan-buntu"
            ),
            vec![
                line_of(&parallel, "Menerima dan"),
                line_of(&parallel, "Memeriksa surat")
            ]
        );
        let src = valid_with(
            "    output: Surat diperiksa\n",
            "    output: Surat diperiksa\n    lanjut: periksa\n",
        );
        // The first two steps can never reach the end; the rest cannot be reached.
        assert_eq!(
            lines_of(&src, "jalan-buntu"),
            vec![
                line_of(&src, "Menerima dan"),
                line_of(&src, "Memeriksa surat")
            ]
        );
        assert_eq!(
            lines_of(&src, "langkah-tak-terjangkau"),
            vec![line_of(&src, "Memutuskan"), line_of(&src, "Mengarsipkan")]
        );
    }

    #[test]
    fn output_is_pinned() {
        use super::*;
        let src = valid_with(
            "    output: Surat diperiksa\n",
            "    output: Surat diperiksa\n    lanjut: periksa\n",
        );
        snapshot(&JALAN_BUNTU, &src);
        snapshot(&TAK_TERJANGKAU, &src);
    }
}
