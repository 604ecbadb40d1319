//! `id-ganda`: two steps with the same `id`.

use crate::check::{Ctx, Rule};
use crate::diag::Severity;
use crate::msg;
use std::collections::HashMap;

pub static RULE: Rule = Rule {
    code: "id-ganda",
    severity: Severity::Error,
    title: ("id langkah dipakai dua kali", "step id used twice"),
    sumber: "bahasa SOP sopc",
    doc: "`id` menamai langkah yang dituju oleh `keputusan` atau `lanjut`, jadi harus unik. \
Dua langkah dengan `id` yang sama membuat tujuan lompatan tidak jelas.",
};

pub fn check(cx: &mut Ctx) {
    let mut seen = HashMap::new();
    for s in cx.sop.steps() {
        let Some(id) = &s.id else { continue };
        if let Some(first) = seen.insert(id.value.clone(), id.span) {
            let name = id.as_str();
            cx.report(
                &RULE,
                id.span,
                msg!("id `{name}` sudah dipakai", "id `{name}` is already used"),
            )
            .with_label_mut(first, msg!("pertama dipakai di sini", "first used here"));
        }
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
}
