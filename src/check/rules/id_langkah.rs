//! `id-ganda`: two steps with the same `id`, or ids that differ only in
//! letter case (`periksa`, `Periksa`): a jump to one reads as a jump to the
//! other.

use crate::check::{Ctx, Rule};
use crate::diag::Msg;
use crate::diag::Severity;
use crate::msg;
use crate::rule_doc;
use std::collections::HashMap;

pub static RULE: Rule = Rule {
    code: "id-ganda",
    severity: Severity::Error,
    title: Msg::fixed("id langkah dipakai dua kali", "step id used twice"),
    sumber: None,
    doc: rule_doc! {
        apa: {
            id: "`id` langkah yang dipakai dua kali, atau yang hanya berbeda huruf besar/kecilnya (`periksa` dan `Periksa`).",
            en: "A step `id` used twice, or two that differ only in letter case (`periksa` and `Periksa`).",
        },
        mengapa: {
            id: "`id` menamai langkah yang dituju oleh `keputusan` atau `lanjut`; dua langkah dengan `id` yang sama, atau yang hanya berbeda huruf besar/kecilnya, membuat tujuan lompatan tidak jelas.",
            en: "An `id` names the step a `keputusan` or `lanjut` jumps to; two steps with the same `id`, or ids that differ only in case, make the jump target ambiguous.",
        },
        contoh: { code: r#"```yaml
  - id: periksa
    kegiatan: Memeriksa surat
  - id: periksa
    kegiatan: Memeriksa lampiran
```"# },
        perbaikan: {
            id: "Beri setiap langkah `id` yang unik:",
            en: "Give every step a unique `id`:",
            code: r#"```yaml
  - id: periksa-lampiran
    kegiatan: Memeriksa lampiran
```"#,
        },
    },
};

pub fn check(cx: &mut Ctx) {
    let mut seen: HashMap<String, &crate::source::Sp<String>> = HashMap::new();
    for s in cx.sop.steps() {
        let Some(id) = &s.id else { continue };
        let Some(first) = seen.get(&id.to_lowercase()).copied() else {
            seen.insert(id.to_lowercase(), id);
            continue;
        };
        let name = id.as_str();
        let message = if first.value == id.value {
            msg!("id `{name}` sudah dipakai", "id `{name}` is already used")
        } else {
            let other = first.as_str();
            msg!(
                "id `{name}` hanya berbeda huruf besar/kecil dengan id `{other}`",
                "id `{name}` differs only in letter case from id `{other}`"
            )
        };
        cx.report(&RULE, id.span, message).with_label_mut(
            first.span,
            msg!("pertama dipakai di sini", "first used here"),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::check::testing::*;

    #[test]
    fn duplicate_id() {
        let src = valid_with(
            "  - kegiatan: Mengarsipkan surat",
            "  - id: periksa\n    kegiatan: Mengarsipkan surat",
        );
        assert_eq!(
            lines_of(&src, "id-ganda"),
            vec![line_of(&src, "  - id: periksa\n    kegiatan: Mengarsipkan")]
        );
    }

    #[test]
    fn ids_differing_only_in_case() {
        let src = valid_with(
            "  - kegiatan: Mengarsipkan surat",
            "  - id: Periksa\n    kegiatan: Mengarsipkan surat",
        );
        assert_eq!(
            lines_of(&src, "id-ganda"),
            vec![line_of(&src, "  - id: Periksa")]
        );
    }

    #[test]
    fn output_is_pinned() {
        let src = valid_with(
            "  - kegiatan: Mengarsipkan surat\n",
            "  - id: periksa\n    kegiatan: Mengarsipkan surat\n",
        );
        snapshot(&super::RULE, &src);
    }
}
