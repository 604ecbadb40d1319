//! `langkah-kosong`: an SOP without steps.

use crate::check::{Ctx, Rule};
use crate::diag::Severity;
use crate::msg;

pub static RULE: Rule = Rule {
    code: "langkah-kosong",
    severity: Severity::Error,
    title: ("SOP tidak memiliki langkah", "the SOP has no steps"),
    sumber: "Permendagri 52/2011, Lampiran (uraian prosedur)",
    doc: "Tabel prosedur memerlukan sekurang-kurangnya satu langkah di bawah `langkah:`; \
langkah pertama dan terakhir digambar sebagai terminator (mulai/selesai).",
};

pub fn check(cx: &mut Ctx) {
    if !cx.sop.steps().is_empty() {
        return;
    }
    let span = cx.sop.langkah.as_ref().map_or(cx.doc_start(), |l| l.span);
    cx.report(
        &RULE,
        span,
        msg!("SOP tidak memiliki langkah", "the SOP has no steps"),
    )
    .help = Some(msg!(
        "tambahkan `langkah:` dengan `kegiatan`, `pelaksana`, `waktu` dan `output` untuk setiap langkah",
        "add `langkah:` with `kegiatan`, `pelaksana`, `waktu` and `output` for each step"
    ));
}

#[cfg(test)]
mod tests {
    use crate::check::testing::*;

    #[test]
    fn no_steps() {
        let at = VALID.find("langkah:").unwrap();
        let src = format!("{}langkah: []\n", &VALID[..at]);
        assert_eq!(
            lines_of(&src, "langkah-kosong"),
            vec![line_of(&src, "langkah: []")]
        );
    }
}
