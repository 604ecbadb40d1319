//! `dasar-hukum-*`: each legal basis names a real regulation, once, in the
//! order of the hierarchy of UU 12/2011.

use crate::check::{Ctx, Rule};
use crate::diag::Kesalahan;
use crate::diag::{Msg, Severity::Warning};
use crate::model::regulasi::{self, RegulasiError, TemuanKind};
use crate::rule_doc;

const SUMBER: &str = "UU 12/2011 jo. UU 13/2022, Pasal 7–8 (jenis dan hierarki peraturan)";

pub static FORMAT: Rule = Rule {
    code: "dasar-hukum-format",
    severity: Warning,
    title: Msg::fixed(
        "dasar hukum tanpa nomor atau tahun",
        "legal basis without number or year",
    ),
    sumber: Some(SUMBER),
    doc: rule_doc! {
        apa: {
            id: "Setiap dasar hukum menyebut jenis, nomor dan tahunnya (lalu judulnya).",
            en: "Every dasar hukum (legal basis) names its kind, number and year (then its title).",
        },
        mengapa: {
            id: "Tanpa nomor atau tahun, pembaca tidak dapat menemukan peraturannya.",
            en: "Without a number or a year, a reader cannot find the regulation.",
        },
        contoh: { code: r#"```yaml
dasar_hukum:
  - Peraturan Pemerintah tentang Pelayanan Publik
```"# },
        perbaikan: { code: r#"```yaml
dasar_hukum:
  - Peraturan Pemerintah Nomor 96 Tahun 2012 tentang Pelaksanaan Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik
```"# },
    },
};

pub static JENIS: Rule = Rule {
    code: "dasar-hukum-jenis",
    severity: Warning,
    title: Msg::fixed(
        "jenis peraturan tidak dikenal",
        "unknown kind of regulation",
    ),
    sumber: Some(SUMBER),
    doc: rule_doc! {
        apa: {
            id: "Dasar hukum diawali jenis peraturan menurut UU 12/2011: Undang-Undang Dasar, Undang-Undang/Perppu, Peraturan Pemerintah, Peraturan Presiden, Peraturan Menteri, Peraturan Daerah, Peraturan Gubernur/Bupati/Wali Kota (singkatan UU, PP, Perpres, Permendagri, Perda, Pergub, Perbup, Perwal diterima).",
            en: "A dasar hukum starts with a kind of regulation under UU 12/2011: Undang-Undang Dasar, Undang-Undang/Perppu, Peraturan Pemerintah, Peraturan Presiden, Peraturan Menteri, Peraturan Daerah, Peraturan Gubernur/Bupati/Wali Kota (the abbreviations UU, PP, Perpres, Permendagri, Perda, Pergub, Perbup, Perwal are accepted).",
        },
        mengapa: {
            id: "Jenis peraturan menentukan kedudukannya dalam hierarki; entri tanpa jenis yang dikenal tidak dapat diurutkan atau dirujuk.",
            en: "The kind of a regulation sets its place in the hierarchy; an entry without a known kind can be neither ordered nor looked up.",
        },
        contoh: { code: r#"```yaml
dasar_hukum:
  - Peraturn Pemerintah Nomor 96 Tahun 2012 tentang Pelayanan Publik
```"# },
        perbaikan: { code: r#"```yaml
dasar_hukum:
  - Peraturan Pemerintah Nomor 96 Tahun 2012 tentang Pelayanan Publik
```"# },
    },
};

pub static TAHUN: Rule = Rule {
    code: "dasar-hukum-tahun",
    severity: Warning,
    title: Msg::fixed(
        "tahun peraturan tidak mungkin",
        "impossible year of regulation",
    ),
    sumber: Some(SUMBER),
    doc: rule_doc! {
        apa: {
            id: "Tahun peraturan: empat angka antara 1945 dan 2100.",
            en: "The year of a regulation: four digits between 1945 and 2100.",
        },
        mengapa: {
            id: "Tahun yang tidak mungkin menunjukkan salah ketik, dan peraturannya tidak dapat ditemukan.",
            en: "An impossible year shows a typo, and the regulation cannot be found.",
        },
        contoh: { code: r#"```yaml
dasar_hukum:
  - Peraturan Pemerintah Nomor 96 Tahun 2102 tentang Pelayanan Publik
```"# },
        perbaikan: { code: r#"```yaml
dasar_hukum:
  - Peraturan Pemerintah Nomor 96 Tahun 2012 tentang Pelayanan Publik
```"# },
    },
};

pub static GANDA: Rule = Rule {
    code: "dasar-hukum-ganda",
    severity: Warning,
    title: Msg::fixed("dasar hukum ditulis dua kali", "legal basis listed twice"),
    sumber: Some(SUMBER),
    doc: rule_doc! {
        apa: {
            id: "Peraturan yang sama (jenis, nomor, tahun) disebut dua kali.",
            en: "The same regulation (kind, number, year) listed twice.",
        },
        mengapa: {
            id: "Entri yang berulang memperpanjang kotak dasar hukum tanpa menambah isi.",
            en: "A repeated entry lengthens the dasar hukum box without adding anything.",
        },
        contoh: { code: r#"```yaml
dasar_hukum:
  - UU Nomor 25 Tahun 2009 tentang Pelayanan Publik
  - Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik
```"# },
        perbaikan: {
            id: "Hapus entri yang berulang.",
            en: "Delete the repeated entry.",
        },
    },
};

pub static URUTAN: Rule = Rule {
    code: "dasar-hukum-urutan",
    severity: Warning,
    title: Msg::fixed(
        "dasar hukum tidak urut hierarki",
        "legal bases out of hierarchy order",
    ),
    sumber: Some(SUMBER),
    doc: rule_doc! {
        apa: {
            id: "Urutan dasar hukum menurut hierarki: UUD 1945, UU/Perppu, PP, Perpres, Peraturan Menteri, Perda Provinsi, Perda Kabupaten/Kota, lalu Peraturan Gubernur/Bupati/Wali Kota. Dalam jenis yang sama urutannya bebas (biasanya menurut tahun).",
            en: "The order of the dasar hukum by hierarchy: UUD 1945, UU/Perppu, PP, Perpres, ministerial regulations, provincial Perda, regency/city Perda, then governor/regent/mayor regulations. Within one kind the order is free (usually by year).",
        },
        mengapa: {
            id: r#"Dasar hukum disusun dari yang tertinggi, sebagaimana konsiderans "Mengingat" dalam tata naskah peraturan."#,
            en: r#"Legal bases are listed from the highest down, like the "Mengingat" recitals of a regulation."#,
        },
        contoh: { code: r#"```yaml
dasar_hukum:
  - Peraturan Pemerintah Nomor 96 Tahun 2012 tentang Pelaksanaan UU Pelayanan Publik
  - Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik
```"# },
        perbaikan: {
            id: "Pindahkan entri yang lebih tinggi ke atas:",
            en: "Move the higher entry up:",
            code: r#"```yaml
dasar_hukum:
  - Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik
  - Peraturan Pemerintah Nomor 96 Tahun 2012 tentang Pelaksanaan UU Pelayanan Publik
```"#,
        },
    },
};

/// The rule an entry that does not parse breaks.
pub(crate) fn rule_for(e: &RegulasiError) -> &'static Rule {
    match e {
        RegulasiError::Kosong | RegulasiError::JenisTidakDikenal { .. } => &JENIS,
        RegulasiError::Format { .. } => &FORMAT,
        RegulasiError::Tahun { .. } => &TAHUN,
    }
}

/// The rule a finding over the whole list breaks.
pub(crate) fn rule_for_temuan(kind: TemuanKind) -> &'static Rule {
    match kind {
        TemuanKind::Ganda => &GANDA,
        TemuanKind::Urutan => &URUTAN,
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
                cx.report(rule_for(&e), entry.span, e.message()).help = e.help();
                parsed.push(None);
            }
        }
    }
    for t in regulasi::periksa_daftar(&parsed) {
        let Some(entry) = list.get(t.index) else {
            continue;
        };
        let d = cx.report(rule_for_temuan(t.kind), entry.span, t.message);
        d.help = Some(t.help);
        if let Some(first) = t.pertama.and_then(|i| list.get(i)) {
            d.with_label_mut(
                first.span,
                Msg::fixed("pertama disebut di sini", "first listed here"),
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

    #[test]
    fn output_is_pinned() {
        use super::*;
        let uu = "  - Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik\n";
        let with = |to: &str| valid_with(uu, to);
        snapshot(
            &FORMAT,
            &with("  - Undang-Undang tentang Pelayanan Publik\n"),
        );
        snapshot(
            &JENIS,
            &with("  - Undang-Undng Nomor 25 Tahun 2009 tentang Pelayanan Publik\n"),
        );
        snapshot(
            &TAHUN,
            &with("  - Undang-Undang Nomor 25 Tahun 2109 tentang Pelayanan Publik\n"),
        );
        snapshot(
            &GANDA,
            &with(&format!(
                "{uu}  - UU Nomor 25 Tahun 2009 tentang Pelayanan Publik\n"
            )),
        );
        let pp = "  - Peraturan Pemerintah Nomor 96 Tahun 2012 tentang Pelaksanaan UU Pelayanan Publik\n";
        snapshot(&URUTAN, &with(&format!("{pp}{uu}")));
    }
}
