//! `dasar-hukum-*`: each legal basis names a real regulation, once, in the
//! order of the hierarchy of UU 12/2011.

use crate::check::{Ctx, Rule};
use crate::diag::Kesalahan;
use crate::diag::{Msg, Severity::Warning};
use crate::model::regulasi;

const SUMBER: &str = "UU 12/2011 jo. UU 13/2022, Pasal 7–8 (jenis dan hierarki peraturan)";

pub static FORMAT: Rule = Rule {
    code: "dasar-hukum-format",
    severity: Warning,
    title: (
        "dasar hukum tanpa nomor atau tahun",
        "legal basis without number or year",
    ),
    sumber: SUMBER,
    doc: "Setiap dasar hukum menyebut jenis, nomor, tahun dan judulnya: \
`Peraturan Pemerintah Nomor 96 Tahun 2012 tentang Pelaksanaan Undang-Undang Nomor 25 \
Tahun 2009 tentang Pelayanan Publik`. Tanpa nomor atau tahun, pembaca tidak dapat \
menemukan peraturannya.",
};

pub static JENIS: Rule = Rule {
    code: "dasar-hukum-jenis",
    severity: Warning,
    title: (
        "jenis peraturan tidak dikenal",
        "unknown kind of regulation",
    ),
    sumber: SUMBER,
    doc: "Dasar hukum diawali jenis peraturan menurut UU 12/2011: Undang-Undang Dasar, \
Undang-Undang/Perppu, Peraturan Pemerintah, Peraturan Presiden, Peraturan Menteri, \
Peraturan Daerah, Peraturan Gubernur/Bupati/Wali Kota (singkatan UU, PP, Perpres, \
Permendagri, Perda, Pergub, Perbup, Perwal diterima).",
};

pub static TAHUN: Rule = Rule {
    code: "dasar-hukum-tahun",
    severity: Warning,
    title: (
        "tahun peraturan tidak mungkin",
        "impossible year of regulation",
    ),
    sumber: SUMBER,
    doc: "Tahun peraturan ditulis empat angka antara 1945 dan sekarang.",
};

pub static GANDA: Rule = Rule {
    code: "dasar-hukum-ganda",
    severity: Warning,
    title: ("dasar hukum ditulis dua kali", "legal basis listed twice"),
    sumber: SUMBER,
    doc: "Peraturan yang sama (jenis, nomor, tahun) disebut dua kali.",
};

pub static URUTAN: Rule = Rule {
    code: "dasar-hukum-urutan",
    severity: Warning,
    title: (
        "dasar hukum tidak urut hierarki",
        "legal bases out of hierarchy order",
    ),
    sumber: SUMBER,
    doc: "Dasar hukum disusun dari yang tertinggi: UUD 1945, UU/Perppu, PP, Perpres, \
Peraturan Menteri, Perda Provinsi, Perda Kabupaten/Kota, lalu Peraturan Gubernur/Bupati/\
Wali Kota. Dalam jenis yang sama, urutan bebas (biasanya menurut tahun).",
};

fn rule_for(code: &str) -> &'static Rule {
    match code {
        "dasar-hukum-jenis" => &JENIS,
        "dasar-hukum-tahun" => &TAHUN,
        "dasar-hukum-ganda" => &GANDA,
        "dasar-hukum-urutan" => &URUTAN,
        _ => &FORMAT,
    }
}

pub fn check(cx: &mut Ctx) {
    let Some(list) = &cx.sop.dasar_hukum else {
        return;
    };
    let mut parsed = Vec::with_capacity(list.len());
    for entry in list.iter() {
        if entry.is_empty() {
            parsed.push(None);
            continue;
        }
        match regulasi::parse(entry) {
            Ok(r) => parsed.push(Some(r)),
            Err(e) => {
                cx.report(rule_for(e.code()), entry.span, e.msg()).help = e.help();
                parsed.push(None);
            }
        }
    }
    for t in regulasi::periksa_daftar(&parsed) {
        let Some(entry) = list.get(t.index) else {
            continue;
        };
        let d = cx.report(
            rule_for(t.code),
            entry.span,
            Msg::new(t.pesan, t.message_en),
        );
        if let Some(s) = t.saran {
            d.help = Some(Msg::new(s.clone(), s));
        }
        if let Some(first) = t.pertama.and_then(|i| list.get(i)) {
            d.with_label_mut(
                first.span,
                Msg::new("pertama disebut di sini", "first listed here"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::testing::*;

    const UU: &str = "  - Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik\n";

    #[test]
    fn order_duplicate_and_format() {
        // Permen first, then UU: the UU line is out of order.
        let src = valid_with(UU, "");
        let src = src.replacen(
            "kualifikasi_pelaksana:",
            &format!("{}kualifikasi_pelaksana:", UU),
            1,
        );
        let uu_line = line_of(&src, "  - Undang-Undang Nomor 25");
        assert_eq!(lines_of(&src, "dasar-hukum-urutan"), vec![uu_line]);

        let src = valid_with(UU, &format!("{UU}{UU}"));
        assert_eq!(lines_of(&src, "dasar-hukum-ganda"), vec![18]);

        let src = valid_with(UU, "  - Undang-Undang tentang Pelayanan Publik\n");
        assert_eq!(lines_of(&src, "dasar-hukum-format"), vec![17]);

        let src = valid_with(
            UU,
            "  - Peraturn Pemerintah Nomor 96 Tahun 2012 tentang Pelayanan\n",
        );
        assert_eq!(lines_of(&src, "dasar-hukum-jenis"), vec![17]);

        let src = valid_with(
            UU,
            "  - Undang-Undang Nomor 25 Tahun 1809 tentang Pelayanan Publik\n",
        );
        assert_eq!(lines_of(&src, "dasar-hukum-tahun"), vec![17]);
    }
}
