//! `urutan-tanggal`: revisi and efektif not before pembuatan.

use crate::check::{Ctx, Rule};
use crate::diag::Msg;
use crate::diag::Severity;
use crate::msg;
use crate::rule_doc;

pub static RULE: Rule = Rule {
    code: "urutan-tanggal",
    severity: Severity::Error,
    title: Msg::fixed("urutan tanggal tidak mungkin", "impossible date order"),
    sumber: Some("Permendagri 52/2011, Lampiran (lembar pengesahan)"),
    doc: rule_doc! {
        apa: {
            id: "Tanggal revisi dan tanggal efektif tidak mendahului tanggal pembuatan.",
            en: "The revision date and the effective date do not come before the date of creation.",
        },
        mengapa: {
            id: "SOP tidak dapat direvisi atau berlaku sebelum dibuat; urutan yang terbalik hampir selalu salah ketik tahun.",
            en: "An SOP cannot be revised or take effect before it is made; a reversed order is almost always a mistyped year.",
        },
        contoh: { code: r#"```yaml
tanggal:
  pembuatan: 2023-06-05
  efektif: 2020-07-08
```"# },
        perbaikan: {
            id: "Perbaiki tanggal yang salah ketik:",
            en: "Correct the mistyped date:",
            code: r#"```yaml
tanggal:
  pembuatan: 2020-07-08
  efektif: 2023-06-05
```"#,
        },
    },
};

pub fn check(cx: &mut Ctx) {
    let Some(t) = &cx.sop.tanggal else { return };
    let Some(pembuatan) = t.pembuatan.as_ref().and_then(|p| p.ok().copied()) else {
        return;
    };
    for (key, value) in [("revisi", &t.revisi), ("efektif", &t.efektif)] {
        let Some(v) = value else { continue };
        let Some(date) = v.ok() else { continue };
        if *date < pembuatan {
            let (d, p) = (date.format_id(), pembuatan.format_id());
            let span = v.span;
            cx.report(
                &RULE,
                span,
                msg!(
                    "tanggal {key} ({d}) mendahului tanggal pembuatan ({p})",
                    "the {key} date ({d}) is before the creation date ({p})"
                ),
            )
            .help = Some(msg!(
                "periksa kedua tanggal; {key} harus sama dengan atau sesudah {p}",
                "check both dates; {key} must be on or after {p}"
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::testing::*;

    #[test]
    fn efektif_before_pembuatan() {
        let src = valid_with("  efektif: 2023-06-05", "  efektif: 8 Juli 2019");
        assert_eq!(lines_of(&src, "urutan-tanggal"), vec![10]);
    }

    #[test]
    fn revisi_before_pembuatan() {
        let src = valid_with("  revisi: 2023-06-05", "  revisi: 2020-07-07");
        assert_eq!(lines_of(&src, "urutan-tanggal"), vec![9]);
    }

    #[test]
    fn invalid_date_is_a_reading_error() {
        let src = valid_with("  revisi: 2023-06-05", "  revisi: Januari 2018");
        assert_eq!(lines_of(&src, "tanggal-tidak-valid"), vec![9]);
        let src = valid_with("  revisi: 2023-06-05", "  revisi: 31 Februari 2023");
        assert_eq!(lines_of(&src, "tanggal-tidak-valid"), vec![9]);
    }

    #[test]
    fn output_is_pinned() {
        snapshot(
            &super::RULE,
            &valid_with("  efektif: 2023-06-05", "  efektif: 2019-06-05"),
        );
    }
}
