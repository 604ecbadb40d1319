//! `sop-terlalu-besar`: an SOP past the bounds of the printed form — a
//! text past the `tata-letak-teks` bound, too many steps, a list too long,
//! too much text in all. The bounds are those of
//! [`crate::model::Sop::lampau`], which the renderer enforces too.

use crate::check::{Ctx, Rule};
use crate::diag::Msg;
use crate::diag::Severity::Error;
use crate::rule_doc;

pub static RULE: Rule = Rule {
    code: "sop-terlalu-besar",
    severity: Error,
    title: Msg::fixed(
        "SOP melebihi batas ukuran yang dapat dicetak",
        "SOP exceeds the size that can be printed",
    ),
    sumber: None,
    doc: rule_doc! {
        apa: {
            id: "Satu teks yang dicetak (sel tabel, butir kotak, baris identitas, nama pelaksana) paling banyak 1200 karakter, batas `tata-letak-teks`. Satu SOP paling banyak memiliki 500 langkah, 100 butir dalam satu daftar (kotak lembar pengesahan, `pelaksana`, `unit`, daftar dalam sel) dan 100.000 karakter teks tercetak.",
            en: "One printed text (a table cell, a box item, an identity line, a pelaksana name) has at most 1200 characters, the `tata-letak-teks` bound. One SOP has at most 500 steps, 100 items in one list (a box of the lembar pengesahan, `pelaksana`, `unit`, a list in a cell) and 100,000 characters of printed text.",
        },
        mengapa: {
            id: "Batas ini menjamin setiap SOP yang diterima diperiksa dalam kurang dari 1 detik dan dicetak dalam kurang dari 2 detik dengan memori di bawah 500 MB; teks yang lebih panjang tidak pernah dikirim ke pencetak (README, bagian batas).",
            en: "These bounds make sure every SOP accepted is checked in under 1 second and printed in under 2 seconds with less than 500 MB of memory; a longer text is never sent to the printer (README, the bounds section).",
        },
        contoh: {
            id: "SOP dengan 600 langkah.",
            en: "An SOP with 600 steps.",
        },
        perbaikan: {
            id: "Pecah SOP yang sebesar itu menjadi beberapa SOP yang saling dirujuk lewat `keterkaitan`.",
            en: "Split an SOP that large into several SOPs that refer to each other through `keterkaitan`.",
        },
    },
};

pub fn check(cx: &mut Ctx) {
    for (span, lampau) in cx.sop.lampau() {
        cx.report(&RULE, span, lampau.pesan()).help = Some(lampau.bantuan());
    }
}

#[cfg(test)]
mod tests {
    use crate::check::testing::*;
    use crate::model::{MAX_BUTIR, MAX_LANGKAH};

    #[test]
    fn too_many_steps_is_reported_at_the_first_step_past_the_bound() {
        let step = "  - kegiatan: Mengarsipkan surat\n    pelaksana: Pelaksana\n    waktu: 1 menit\n    output: Surat\n";
        let extra = step.repeat(MAX_LANGKAH);
        let src = valid_with(
            "  - kegiatan: Mengarsipkan surat\n",
            &format!("{extra}  - kegiatan: Mengarsipkan surat\n"),
        );
        // VALID's second step starts with `id:`, so the step at index
        // MAX_LANGKAH is the (MAX_LANGKAH - 1)th `- kegiatan:` from 0
        let first_past = src
            .match_indices("  - kegiatan:")
            .nth(MAX_LANGKAH - 1)
            .unwrap()
            .0;
        let line = src[..first_past].matches('\n').count() + 1;
        assert_eq!(lines_of(&src, "sop-terlalu-besar"), vec![line]);
    }

    #[test]
    fn every_printed_text_past_the_cell_bound() {
        let long = "kata ".repeat(300);
        let src = valid_with("Memeriksa surat", &format!("Memeriksa surat {long}"));
        assert_eq!(
            lines_of(&src, "sop-terlalu-besar"),
            vec![line_of(&src, "Memeriksa surat")]
        );
        let src = valid_with("- Komputer", &format!("- Komputer {long}"));
        assert_eq!(
            lines_of(&src, "sop-terlalu-besar"),
            vec![line_of(&src, "- Komputer")]
        );
        let src = valid_with(
            "  - Pelaksana\nlangkah",
            &format!("  - Pelaksana {long}\nlangkah"),
        );
        assert!(lines_of(&src, "sop-terlalu-besar").contains(&line_of(&src, "  - Pelaksana kata")));
    }

    #[test]
    fn a_list_too_long_and_too_much_text() {
        let items: String = (0..=MAX_BUTIR)
            .map(|i| format!("  - Komputer {i}\n"))
            .collect();
        let src = valid_with("  - Komputer\n", &items);
        assert_eq!(
            lines_of(&src, "sop-terlalu-besar"),
            vec![line_of(&src, &format!("  - Komputer {MAX_BUTIR}\n"))]
        );
        // 90 items of 1,150 characters in two boxes: past 100,000 in the second
        let long = "kata ".repeat(230);
        let box_of =
            |w: &str| -> String { (0..45).map(|i| format!("  - {w} {i} {long}\n")).collect() };
        let src = valid_with("  - Komputer\n", &box_of("Alat"));
        let src = src.replacen("  - Buku agenda surat masuk\n", &box_of("Buku"), 1);
        let found = lines_of(&src, "sop-terlalu-besar");
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0] > line_of(&src, "  - Buku 0 "), "{found:?}");
    }

    #[test]
    fn output_is_pinned() {
        let long = "kata ".repeat(300);
        let src = valid_with("- Komputer", &format!("- Komputer {long}"));
        snapshot(&super::RULE, &src);
    }
}
