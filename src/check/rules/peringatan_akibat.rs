//! `peringatan-akibat`: the peringatan box says what happens when the SOP is
//! not followed.

use crate::check::{Ctx, Rule};
use crate::diag::Msg;
use crate::diag::Severity;
use crate::msg;
use crate::rule_doc;

pub static RULE: Rule = Rule {
    code: "peringatan-akibat",
    severity: Severity::Warning,
    title: Msg::fixed(
        "peringatan tidak menyebut akibat",
        "peringatan does not name a consequence",
    ),
    sumber: Some("PermenPAN-RB 35/2012, Bab III (peringatan)"),
    doc: rule_doc! {
        apa: {
            id: "Setiap `peringatan` menyebut akibat: apa yang terjadi bila prosedur dilaksanakan atau tidak dilaksanakan.",
            en: "Every `peringatan` (warning) names a consequence: what happens when the procedure is or is not carried out.",
        },
        mengapa: {
            id: r#"Menurut PermenPAN-RB 35/2012, peringatan "memberikan penjelasan mengenai kemungkinan-kemungkinan yang terjadi ketika prosedur dilaksanakan atau tidak dilaksanakan". Nasihat umum bukan peringatan."#,
            en: r#"Under PermenPAN-RB 35/2012, a peringatan "explains what may happen when the procedure is or is not carried out". General advice is not a peringatan."#,
        },
        contoh: { code: r#"```yaml
peringatan:
  - Tetap menjaga etika
```"# },
        perbaikan: { code: r#"```yaml
peringatan:
  - Apabila SOP tidak dilaksanakan, pelayanan tamu menjadi tidak tertib
```"# },
    },
};

/// Words that announce a consequence or a condition.
const PENANDA: &[&str] = &[
    "apabila",
    "bila",
    "jika",
    "jikalau",
    "kalau",
    "manakala",
    "akibat",
    "mengakibatkan",
    "berakibat",
    "menyebabkan",
    "sehingga",
    "tidak dilaksanakan",
    "tidak dilakukan",
    "tidak dipatuhi",
    "tidak sesuai",
    "terhambat",
    "tertunda",
    "terlambat",
    "gagal",
    "sanksi",
    "berdampak",
    "dampak",
    "risiko",
    "resiko",
    "batal",
    "ditolak",
    "berlaku",
];

pub fn check(cx: &mut Ctx) {
    let Some(box_) = &cx.sop.peringatan else {
        return;
    };
    if box_.iter().all(|p| p.is_empty()) {
        return;
    }
    let says_consequence = box_.iter().any(|p| {
        let lower = p.to_lowercase();
        PENANDA.iter().any(|w| contains_word(&lower, w))
    });
    if !says_consequence {
        cx.report(
            &RULE,
            box_.span,
            msg!(
                "peringatan tidak menyebut apa akibatnya bila SOP tidak dilaksanakan",
                "the peringatan does not say what happens if the SOP is not followed"
            ),
        )
        .help = Some(msg!(
            "tambahkan misalnya \"Apabila SOP ini tidak dilaksanakan, …\"",
            "add for example \"Apabila SOP ini tidak dilaksanakan, …\" (If this SOP is not followed, …)"
        ));
    }
}

fn contains_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[cfg(test)]
mod tests {
    use crate::check::testing::*;

    #[test]
    fn advice_is_not_a_warning() {
        let src = valid_with(
            "  - Bila SOP tidak dilaksanakan, surat dapat hilang atau terlambat ditindaklanjuti",
            "  - Tetap menjaga etika dan kesopanan",
        );
        assert_eq!(
            lines_of(&src, "peringatan-akibat"),
            vec![line_of(&src, "  - Tetap")]
        );
    }

    #[test]
    fn output_is_pinned() {
        let src = valid_with(
            "  - Bila SOP tidak dilaksanakan, surat dapat hilang atau terlambat ditindaklanjuti",
            "  - Tetap menjaga etika",
        );
        snapshot(&super::RULE, &src);
    }
}
