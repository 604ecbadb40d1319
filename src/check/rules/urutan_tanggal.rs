//! `urutan-tanggal`: revisi and efektif not before pembuatan.

use crate::check::{Ctx, Rule};
use crate::diag::Severity;
use crate::msg;

pub static RULE: Rule = Rule {
    code: "urutan-tanggal",
    severity: Severity::Error,
    title: ("urutan tanggal tidak mungkin", "impossible date order"),
    sumber: "Permendagri 52/2011, Lampiran (lembar pengesahan)",
    doc: "Tanggal revisi dan tanggal efektif tidak boleh mendahului tanggal pembuatan: \
SOP tidak dapat direvisi atau berlaku sebelum dibuat.\n\n\
Contoh salah: `pembuatan: 2023-06-05`, `efektif: 2020-07-08`.",
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
}
