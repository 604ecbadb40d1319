//! `langkah-kosong`: an SOP without steps.

use crate::check::{Ctx, Rule};
use crate::diag::Msg;
use crate::diag::Severity;
use crate::msg;
use crate::rule_doc;

pub static RULE: Rule = Rule {
    code: "langkah-kosong",
    severity: Severity::Error,
    title: Msg::fixed("SOP tidak memiliki langkah", "the SOP has no steps"),
    sumber: Some("Permendagri 52/2011, Lampiran (uraian prosedur)"),
    doc: rule_doc! {
        apa: {
            id: "Sekurang-kurangnya satu langkah di bawah `langkah:`.",
            en: "At least one step under `langkah:`.",
        },
        mengapa: {
            id: "Tabel prosedur tanpa langkah tidak berisi prosedur; langkah pertama dan terakhir digambar sebagai terminator (mulai/selesai).",
            en: "A procedure table without steps holds no procedure; the first and last steps are drawn as terminators (start/end).",
        },
        contoh: { code: r#"```yaml
langkah: []
```"# },
        perbaikan: { code: r#"```yaml
langkah:
  - kegiatan: Menerima surat
    pelaksana: Pelaksana
    waktu: 5 menit
    output: Surat diterima
```"# },
    },
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

    #[test]
    fn output_is_pinned() {
        let at = VALID.find("langkah:").expect("VALID has steps");
        snapshot(&super::RULE, &format!("{}langkah: []\n", &VALID[..at]));
    }
}
