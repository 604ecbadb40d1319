//! `nip-*`: the NIP of the signing official is a real NIP.

use crate::check::{Ctx, Rule};
use crate::diag::Kesalahan;
use crate::diag::Severity::Error;

const SUMBER: &str = "PP 11/2017 jo. Peraturan BKN tentang NIP PNS";

pub static FORMAT: Rule = Rule {
    code: "nip-format",
    severity: Error,
    title: (
        "NIP berisi karakter atau pengelompokan yang salah",
        "NIP has wrong characters or grouping",
    ),
    sumber: SUMBER,
    doc: "NIP ditulis sebagai 18 angka, tanpa spasi atau berkelompok `8 6 1 3`: \
`19681202 198803 1 002`. Titik, tanda hubung atau pengelompokan lain ditolak karena \
mudah menyembunyikan salah ketik.",
};

pub static PANJANG: Rule = Rule {
    code: "nip-panjang",
    severity: Error,
    title: ("NIP tidak 18 angka", "NIP is not 18 digits"),
    sumber: SUMBER,
    doc: "NIP PNS terdiri atas tepat 18 angka: tanggal lahir (8), TMT CPNS (6), jenis \
kelamin (1) dan nomor urut (3).",
};

pub static TANGGAL_LAHIR: Rule = Rule {
    code: "nip-tanggal-lahir",
    severity: Error,
    title: (
        "angka 1–8 NIP bukan tanggal lahir yang mungkin",
        "NIP digits 1–8 are not a possible birth date",
    ),
    sumber: SUMBER,
    doc: "Angka 1–8 NIP adalah tanggal lahir `TTTTBBHH`. `19681302` (bulan 13) tidak \
mungkin; salah ketik pada NIP membuat dokumen yang ditandatangani cacat.",
};

pub static TMT: Rule = Rule {
    code: "nip-tmt",
    severity: Error,
    title: (
        "angka 9–14 NIP bukan TMT yang mungkin",
        "NIP digits 9–14 are not a possible TMT",
    ),
    sumber: SUMBER,
    doc: "Angka 9–14 NIP adalah tahun dan bulan TMT CPNS `TTTTBB`. Bulannya 01–12, dan \
TMT tidak mungkin sebelum pegawai berusia 18 tahun atau di masa depan.",
};

pub static JENIS_KELAMIN: Rule = Rule {
    code: "nip-jenis-kelamin",
    severity: Error,
    title: (
        "angka ke-15 NIP bukan 1 atau 2",
        "NIP digit 15 is not 1 or 2",
    ),
    sumber: SUMBER,
    doc: "Angka ke-15 NIP adalah jenis kelamin: 1 pria, 2 wanita.",
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
    let rule = match e.code() {
        "nip-panjang" => &PANJANG,
        "nip-tanggal-lahir" => &TANGGAL_LAHIR,
        "nip-tmt" => &TMT,
        "nip-jenis-kelamin" => &JENIS_KELAMIN,
        _ => &FORMAT,
    };
    let span = cx.sub_span(nip.span, nip, e.range());
    cx.report(rule, span, e.msg()).help = e.help();
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
}
