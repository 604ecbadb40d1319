//! `nomor-segmen-kosong`: a nomor with an empty segment (`800/ /DPKPP`).

use crate::check::{Ctx, Rule};
use crate::diag::Msg;
use crate::diag::Severity;
use crate::model::nomor::Nomor;
use crate::msg;
use crate::rule_doc;

pub static RULE: Rule = Rule {
    code: "nomor-segmen-kosong",
    severity: Severity::Warning,
    title: Msg::fixed(
        "nomor SOP memiliki bagian kosong",
        "the SOP nomor has an empty segment",
    ),
    sumber: Some("Permendagri 54/2009 (tata naskah dinas: penomoran)"),
    doc: rule_doc! {
        apa: {
            id: "Nomor SOP dengan bagian kosong di antara garis miring.",
            en: "An SOP nomor with an empty part between slashes.",
        },
        mengapa: {
            id: "Nomor seperti `800/ /DPKPP-KT/II/2021` menyisakan tempat untuk nomor urut yang diisi tangan; pada SOP yang dicetak rapi nomor itu tertinggal kosong.",
            en: "A nomor like `800/ /DPKPP-KT/II/2021` leaves room for a serial number filled in by hand; on a neatly printed SOP the gap stays empty.",
        },
        contoh: { code: r#"```yaml
nomor: 800/ /DPKPP-KT/II/2021
```"# },
        perbaikan: {
            id: "Isi nomor urutnya sebelum disahkan:",
            en: "Fill in the serial number before signing:",
            code: r#"```yaml
nomor: 800/12/DPKPP-KT/II/2021
```"#,
        },
    },
};

pub fn check(cx: &mut Ctx) {
    let Some(nomor) = &cx.sop.nomor else { return };
    let Some(kosong) = Nomor::parse(nomor).segmen_kosong() else {
        return;
    };
    let span = cx.sub_span(nomor.span, nomor, kosong);
    let n = nomor.as_str();
    cx.report(
        &RULE,
        span,
        msg!(
            "nomor `{n}` memiliki bagian kosong",
            "nomor `{n}` has an empty segment"
        ),
    )
    .help = Some(msg!(
        "isi nomor urut pada bagian yang kosong sebelum SOP disahkan",
        "fill in the serial number in the empty segment before the SOP is signed"
    ));
}

#[cfg(test)]
mod tests {
    use crate::check::testing::*;

    #[test]
    fn empty_segment() {
        let src = valid_with("nomor: 800/12/DPMD/2023", "nomor: 800/ /DPKPP-KT/II/2021");
        assert_eq!(lines_of(&src, "nomor-segmen-kosong"), vec![1]);
    }

    #[test]
    fn output_is_pinned() {
        snapshot(
            &super::RULE,
            &valid_with("nomor: 800/12/DPMD/2023", "nomor: 800/ /DPMD/2023"),
        );
    }
}
