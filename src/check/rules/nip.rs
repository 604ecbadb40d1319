//! `nip-*`: the NIP of the signing official is a real NIP.

use crate::check::{Ctx, Rule};
use crate::diag::Kesalahan;
use crate::diag::Msg;
use crate::diag::Severity::Error;
use crate::model::nip::NipError;
use crate::rule_doc;

const SUMBER: &str = "PP 11/2017 jo. Peraturan BKN tentang NIP PNS";

pub static FORMAT: Rule = Rule {
    code: "nip-format",
    severity: Error,
    title: Msg::fixed(
        "NIP berisi karakter atau pengelompokan yang salah",
        "NIP has wrong characters or grouping",
    ),
    sumber: Some(SUMBER),
    doc: rule_doc! {
        apa: {
            id: "Karakter dan pengelompokan NIP pejabat pengesah: 18 angka, tanpa spasi atau berkelompok `8 6 1 3`.",
            en: "The characters and grouping of the signing official's NIP: 18 digits, without spaces or grouped `8 6 1 3`.",
        },
        mengapa: {
            id: "Titik, tanda hubung atau pengelompokan lain mudah menyembunyikan salah ketik pada nomor yang tercetak di dokumen yang ditandatangani.",
            en: "Dots, hyphens or another grouping easily hide a typo in a number printed on a signed document.",
        },
        contoh: { code: r#"```yaml
  nip: "19681202.198803.1.002"
```"# },
        perbaikan: { code: r#"```yaml
  nip: "19681202 198803 1 002"
```"# },
    },
};

pub static PANJANG: Rule = Rule {
    code: "nip-panjang",
    severity: Error,
    title: Msg::fixed("NIP tidak 18 angka", "NIP is not 18 digits"),
    sumber: Some(SUMBER),
    doc: rule_doc! {
        apa: {
            id: "Jumlah angka NIP: tepat 18.",
            en: "The number of NIP digits: exactly 18.",
        },
        mengapa: {
            id: "NIP PNS terdiri atas tanggal lahir (8), TMT CPNS (6), jenis kelamin (1) dan nomor urut (3); angka yang kurang atau lebih berarti salah ketik.",
            en: "A civil servant's NIP is the birth date (8), the TMT CPNS (6), the sex (1) and a serial number (3); a missing or extra digit is a typo.",
        },
        contoh: { code: r#"```yaml
  nip: "1968120219880310"
```"# },
        perbaikan: {
            id: "Salin NIP dari SK atau kartu pegawai:",
            en: "Copy the NIP from the appointment decree or the employee card:",
            code: r#"```yaml
  nip: "19681202 198803 1 002"
```"#,
        },
    },
};

pub static TANGGAL_LAHIR: Rule = Rule {
    code: "nip-tanggal-lahir",
    severity: Error,
    title: Msg::fixed(
        "angka 1–8 NIP bukan tanggal lahir yang mungkin",
        "NIP digits 1–8 are not a possible birth date",
    ),
    sumber: Some(SUMBER),
    doc: rule_doc! {
        apa: {
            id: "Angka 1–8 NIP: tanggal lahir `TTTTBBHH` yang ada, tidak sebelum 1940 dan tidak setelah hari ini.",
            en: "NIP digits 1–8: a birth date `YYYYMMDD` that exists, not before 1940 and not after today.",
        },
        mengapa: {
            id: "Tanggal yang tidak mungkin (bulan 13, 31 Februari) menunjukkan salah ketik; salah ketik pada NIP membuat dokumen yang ditandatangani cacat.",
            en: "An impossible date (month 13, 31 February) shows a typo; a typo in the NIP makes the signed document defective.",
        },
        contoh: { code: r#"```yaml
  nip: "19681302 198803 1 002"
```"# },
        perbaikan: { code: r#"```yaml
  nip: "19681202 198803 1 002"
```"# },
    },
};

pub static TMT: Rule = Rule {
    code: "nip-tmt",
    severity: Error,
    title: Msg::fixed(
        "angka 9–14 NIP bukan TMT yang mungkin",
        "NIP digits 9–14 are not a possible TMT",
    ),
    sumber: Some(SUMBER),
    doc: rule_doc! {
        apa: {
            id: "Angka 9–14 NIP: tahun dan bulan TMT CPNS `TTTTBB`, dengan bulan 01–12, tidak sebelum pegawai berusia 18 tahun dan tidak di masa depan.",
            en: "NIP digits 9–14: the year and month of the TMT CPNS `YYYYMM`, with a month 01–12, not before the employee turned 18 and not in the future.",
        },
        mengapa: {
            id: "TMT yang tidak mungkin menunjukkan salah ketik pada NIP yang tercetak di dokumen yang ditandatangani.",
            en: "An impossible TMT shows a typo in a NIP printed on a signed document.",
        },
        contoh: { code: r#"```yaml
  nip: "19681202 198013 1 002"
```"# },
        perbaikan: { code: r#"```yaml
  nip: "19681202 198803 1 002"
```"# },
    },
};

pub static JENIS_KELAMIN: Rule = Rule {
    code: "nip-jenis-kelamin",
    severity: Error,
    title: Msg::fixed(
        "angka ke-15 NIP bukan 1 atau 2",
        "NIP digit 15 is not 1 or 2",
    ),
    sumber: Some(SUMBER),
    doc: rule_doc! {
        apa: {
            id: "Angka ke-15 NIP: jenis kelamin, 1 (pria) atau 2 (wanita).",
            en: "NIP digit 15: the sex, 1 (male) or 2 (female).",
        },
        mengapa: {
            id: "Angka lain tidak mungkin dan menunjukkan salah ketik.",
            en: "Any other digit is impossible and shows a typo.",
        },
        contoh: { code: r#"```yaml
  nip: "19681202 198803 3 002"
```"# },
        perbaikan: { code: r#"```yaml
  nip: "19681202 198803 1 002"
```"# },
    },
};

pub fn check(cx: &mut Ctx) {
    let Some(nip) = cx.sop.disahkan_oleh.as_ref().and_then(|d| d.nip.as_ref()) else {
        return;
    };
    if nip.is_empty() {
        return;
    }
    let Err(e) = crate::model::nip::parse_with_today(nip, cx.today()) else {
        return;
    };
    let span = cx.sub_span(nip.span, nip, e.range());
    cx.report(rule_for(&e), span, e.message()).help = e.help();
}

/// The rule a rejected NIP breaks, by the part of the NIP that is wrong.
pub(crate) fn rule_for(e: &NipError) -> &'static Rule {
    use crate::model::nip::KesalahanNip as K;
    match e.kind() {
        K::Format { .. } => &FORMAT,
        K::Panjang { .. } => &PANJANG,
        K::LahirTidakAda { .. } | K::LahirTerlaluAwal { .. } | K::LahirSetelahHariIni { .. } => {
            &TANGGAL_LAHIR
        }
        K::TmtTidakAda { .. } | K::TmtSebelumDewasa { .. } | K::TmtSetelahHariIni { .. } => &TMT,
        K::JenisKelamin { .. } => &JENIS_KELAMIN,
    }
}

#[cfg(test)]
mod tests {
    use crate::check::testing::*;

    fn nip_findings(nip: &str) -> Vec<(&'static str, usize)> {
        let src = valid_with("\"19681202 198803 1 002\"", &format!("\"{nip}\""));
        findings(&src)
    }

    #[test]
    fn each_part_of_the_nip_is_checked() {
        assert_eq!(
            nip_findings("19681302 198803 1 002"),
            vec![("nip-tanggal-lahir", 15)]
        );
        assert_eq!(nip_findings("19681202 198013 1 002"), vec![("nip-tmt", 15)]);
        assert_eq!(nip_findings("19681202 198012 1 002"), vec![("nip-tmt", 15)]);
        assert_eq!(
            nip_findings("19681202 198803 3 002"),
            vec![("nip-jenis-kelamin", 15)]
        );
        assert_eq!(nip_findings("1968120219880310"), vec![("nip-panjang", 15)]);
        assert_eq!(
            nip_findings("19681202.198803.1.002"),
            vec![("nip-format", 15)]
        );
        assert_eq!(nip_findings("196812021988031002"), vec![]);
    }

    #[test]
    fn output_is_pinned() {
        use super::*;
        let with = |nip: &str| valid_with("\"19681202 198803 1 002\"", &format!("\"{nip}\""));
        snapshot(&FORMAT, &with("19681202.198803.1.002"));
        snapshot(&PANJANG, &with("1968120219880310"));
        snapshot(&TANGGAL_LAHIR, &with("19681302 198803 1 002"));
        snapshot(&TMT, &with("19681202 198013 1 002"));
        snapshot(&JENIS_KELAMIN, &with("19681202 198803 3 002"));
    }
}
