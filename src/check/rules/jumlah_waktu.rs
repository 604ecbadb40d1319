//! `jumlah-waktu-beda`: a stated `jumlah_waktu` equals the computed total.

use crate::check::{Ctx, Rule};
use crate::diag::Msg;
use crate::diag::Severity;
use crate::msg;
use crate::rule_doc;

pub static RULE: Rule = Rule {
    code: "jumlah-waktu-beda",
    severity: Severity::Error,
    title: Msg::fixed(
        "jumlah waktu berbeda dengan hasil hitungan",
        "stated total differs from the computed one",
    ),
    sumber: Some("PermenPAN-RB 35/2012, Bab III (mutu baku: waktu)"),
    doc: rule_doc! {
        apa: {
            id: "`jumlah_waktu`, bila ditulis, sama dengan jumlah waktu semua langkah (menit dibawa ke jam; hari, minggu dan bulan dijumlah terpisah). Langkah sejajar (`pelaksana: [PPK, KPA]`) dihitung sekali: para pelaksananya bekerja bersamaan.",
            en: "`jumlah_waktu`, when written, equals the sum of the steps' times (minutes carried into hours; days, weeks and months summed apart). A parallel step (`pelaksana: [PPK, KPA]`) counts once: its pelaksana work at the same time.",
        },
        mengapa: {
            id: "Jumlah yang berbeda tercetak salah pada baris JUMLAH.",
            en: "A different total would be printed wrong on the JUMLAH row.",
        },
        contoh: { code: r#"```yaml
jumlah_waktu: 2 jam
```"# },
        perbaikan: {
            id: "Hapus `jumlah_waktu` agar sopc menghitungnya, atau perbaiki waktu langkahnya.",
            en: "Delete `jumlah_waktu` so that sopc computes it, or correct the steps' times.",
        },
    },
};

pub fn check(cx: &mut Ctx) {
    let Some(stated) = &cx.sop.jumlah_waktu else {
        return;
    };
    let Some(value) = stated.ok() else { return };
    let jam = cx.config.jam_kerja_per_hari;
    if value.sama_dengan(cx.jumlah, jam) {
        return;
    }
    let (s, c) = (stated.teks.as_str(), cx.jumlah.format(jam));
    cx.report(
        &RULE,
        stated.span,
        msg!(
            "jumlah waktu tertulis `{s}`, tetapi jumlah waktu langkah-langkahnya `{c}`",
            "the stated total is `{s}`, but the steps add up to `{c}`"
        ),
    )
    .help = Some(msg!(
        "tulis `jumlah_waktu: {c}`, atau hapus kunci ini agar jumlahnya dihitung",
        "write `jumlah_waktu: {c}`, or remove the key so that the total is computed"
    ));
}

#[cfg(test)]
mod tests {
    use crate::check::testing::*;

    #[test]
    fn stated_total() {
        let ok = format!("{VALID}jumlah_waktu: 1 jam 30 menit\n");
        assert_eq!(lines_of(&ok, "jumlah-waktu-beda"), Vec::<usize>::new());
        let bad = format!("{VALID}jumlah_waktu: 1 jam 20 menit\n");
        assert_eq!(
            lines_of(&bad, "jumlah-waktu-beda"),
            vec![line_of(&bad, "jumlah_waktu")]
        );
    }

    #[test]
    fn output_is_pinned() {
        snapshot(
            &super::RULE,
            &format!("{VALID}jumlah_waktu: 1 jam 20 menit\n"),
        );
    }
}
