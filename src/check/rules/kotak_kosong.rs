//! `kotak-kosong`: one of the six boxes of the lembar pengesahan is empty.

use crate::check::{Ctx, Rule};
use crate::diag::Msg;
use crate::diag::Severity;
use crate::msg;
use crate::rule_doc;

pub static RULE: Rule = Rule {
    code: "kotak-kosong",
    severity: Severity::Warning,
    title: Msg::fixed(
        "kotak pada lembar pengesahan kosong",
        "a box of the lembar pengesahan is empty",
    ),
    sumber: Some("Permendagri 52/2011, Lampiran (lembar pengesahan)"),
    doc: rule_doc! {
        apa: {
            id: "Enam kotak lembar pengesahan — dasar hukum, kualifikasi pelaksana, keterkaitan, peralatan/perlengkapan, peringatan, pencatatan dan pendataan — yang ditulis kosong.",
            en: "The six boxes of the lembar pengesahan — dasar hukum, kualifikasi pelaksana, keterkaitan, peralatan/perlengkapan, peringatan, pencatatan dan pendataan — written empty.",
        },
        mengapa: {
            id: "Kotak yang memang tidak relevan boleh kosong, tetapi sopc mengingatkannya agar tidak terlupa.",
            en: "A box that does not apply may stay empty, but sopc reminds you so that it is not forgotten.",
        },
        contoh: { code: r#"```yaml
peringatan: []
```"# },
        perbaikan: {
            id: "Isi kotaknya, atau biarkan kosong bila memang tidak ada yang perlu ditulis (dan matikan aturan ini di `sopc.toml` bila itu kebiasaan instansi):",
            en: "Fill in the box, or leave it empty when there is really nothing to write (and switch this rule off in `sopc.toml` if that is the instansi's habit):",
            code: r#"```yaml
peringatan:
  - Bila SOP tidak dilaksanakan, surat dapat hilang
```"#,
        },
    },
};

pub fn check(cx: &mut Ctx) {
    let sop = cx.sop;
    let boxes = [
        (
            "dasar_hukum",
            "Dasar Hukum",
            sop.dasar_hukum
                .as_ref()
                .map(|b| (b.span, b.iter().all(|i| i.is_empty()))),
        ),
        (
            "kualifikasi_pelaksana",
            "Kualifikasi Pelaksana",
            sop.kualifikasi_pelaksana
                .as_ref()
                .map(|b| (b.span, b.iter().all(|i| i.is_empty()))),
        ),
        (
            "keterkaitan",
            "Keterkaitan",
            sop.keterkaitan
                .as_ref()
                .map(|b| (b.span, b.iter().all(|i| i.text().trim().is_empty()))),
        ),
        (
            "peralatan_perlengkapan",
            "Peralatan/Perlengkapan",
            sop.peralatan_perlengkapan
                .as_ref()
                .map(|b| (b.span, b.iter().all(|i| i.is_empty()))),
        ),
        (
            "peringatan",
            "Peringatan",
            sop.peringatan
                .as_ref()
                .map(|b| (b.span, b.iter().all(|i| i.is_empty()))),
        ),
        (
            "pencatatan_pendataan",
            "Pencatatan dan Pendataan",
            sop.pencatatan_pendataan
                .as_ref()
                .map(|b| (b.span, b.iter().all(|i| i.is_empty()))),
        ),
    ];
    for (key, title, state) in boxes {
        if let Some((span, true)) = state {
            cx.report(
                &RULE,
                span,
                msg!(
                    "kotak {title} (`{key}`) kosong",
                    "the {title} box (`{key}`) is empty"
                ),
            )
            .help = Some(msg!(
                "isi kotak ini, atau biarkan `[]` bila memang tidak ada yang perlu dicatat",
                "fill in this box, or leave `[]` if there is truly nothing to record"
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::testing::*;

    #[test]
    fn empty_list_warns_on_its_line() {
        let src = valid_with(
            "peringatan:\n  - Bila SOP tidak dilaksanakan, surat dapat hilang atau terlambat ditindaklanjuti\n",
            "peringatan: []\n",
        );
        assert_eq!(
            lines_of(&src, "kotak-kosong"),
            vec![line_of(&src, "peringatan: []")]
        );
    }

    #[test]
    fn output_is_pinned() {
        let src = valid_with(
            "peringatan:\n  - Bila SOP tidak dilaksanakan, surat dapat hilang atau terlambat ditindaklanjuti\n",
            "peringatan: []\n",
        );
        snapshot(&super::RULE, &src);
    }
}
