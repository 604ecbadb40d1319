//! `pangkat-*`: the pangkat of the signing official and its golongan agree.

use crate::check::{Ctx, Rule};
use crate::diag::Kesalahan;
use crate::diag::Msg;
use crate::diag::Severity::Error;
use crate::model::pangkat::PangkatError;
use crate::rule_doc;

const SUMBER: &str = "PP 99/2000 jo. PP 12/2002 (pangkat PNS)";

pub static GOLONGAN: Rule = Rule {
    code: "pangkat-golongan",
    severity: Error,
    title: Msg::fixed(
        "pangkat dan golongan tidak cocok",
        "pangkat and golongan disagree",
    ),
    sumber: Some(SUMBER),
    doc: rule_doc! {
        apa: {
            id: "Pangkat dan golongan/ruang pejabat pengesah, bila keduanya ditulis, cocok satu sama lain.",
            en: "The pangkat and golongan/ruang of the signing official, when both are written, agree.",
        },
        mengapa: {
            id: "Setiap pangkat PNS bersesuaian dengan tepat satu golongan/ruang (I/a Juru Muda … IV/e Pembina Utama); yang tidak cocok salah satunya salah ketik.",
            en: "Every civil-service pangkat corresponds to exactly one golongan/ruang (I/a Juru Muda … IV/e Pembina Utama); when they disagree, one of them is a typo.",
        },
        contoh: { code: r#"```yaml
  pangkat: Pembina Utama Muda (IV/b)
```"# },
        perbaikan: { code: r#"```yaml
  pangkat: Pembina Utama Muda (IV/c)
```"# },
    },
};

pub static TIDAK_DIKENAL: Rule = Rule {
    code: "pangkat-tidak-dikenal",
    severity: Error,
    title: Msg::fixed("pangkat tidak dikenal", "unknown pangkat"),
    sumber: Some(SUMBER),
    doc: rule_doc! {
        apa: {
            id: "Pangkat pejabat pengesah: nama resminya (`Penata Muda Tingkat I`, boleh `Tk. I`), boleh diikuti golongan (`Penata Muda Tk. I (III/b)`).",
            en: "The pangkat of the signing official: its official name (`Penata Muda Tingkat I`, `Tk. I` allowed), optionally followed by the golongan (`Penata Muda Tk. I (III/b)`).",
        },
        mengapa: {
            id: "Pangkat tercetak di bawah tanda tangan; nama yang tidak resmi atau golongan yang tidak ada (`IV/f`) salah.",
            en: "The pangkat is printed under the signature; an unofficial name or a golongan that does not exist (`IV/f`) is wrong.",
        },
        contoh: { code: r#"```yaml
  pangkat: Pembina Utama Mud
```"# },
        perbaikan: { code: r#"```yaml
  pangkat: Pembina Utama Muda (IV/c)
```"# },
    },
};

pub fn check(cx: &mut Ctx) {
    let Some(p) = cx
        .sop
        .disahkan_oleh
        .as_ref()
        .and_then(|d| d.pangkat.as_ref())
    else {
        return;
    };
    if p.is_empty() {
        return;
    }
    let Err(e) = crate::model::pangkat::parse_pangkat(p) else {
        return;
    };
    cx.report(rule_for(&e), p.span, e.message()).help = e.help();
}

/// The rule a rejected pangkat breaks.
pub(crate) fn rule_for(e: &PangkatError) -> &'static Rule {
    match e {
        PangkatError::TidakCocok { .. } => &GOLONGAN,
        PangkatError::TidakDikenal { .. } => &TIDAK_DIKENAL,
    }
}

#[cfg(test)]
mod tests {
    use crate::check::testing::*;

    fn with(p: &str) -> Vec<(&'static str, usize)> {
        findings(&valid_with("Pembina Utama Muda (IV/c)", p))
    }

    #[test]
    fn mismatch_and_unknown() {
        assert_eq!(
            with("Pembina Utama Muda (IV/b)"),
            vec![("pangkat-golongan", 14)]
        );
        assert_eq!(
            with("Pembina Utama Mud"),
            vec![("pangkat-tidak-dikenal", 14)]
        );
        assert_eq!(with("Penata Muda Tk. I (III/b)"), vec![]);
        assert_eq!(with("Pembina Tingkat I, IV/b"), vec![]);
    }

    #[test]
    fn output_is_pinned() {
        use super::*;
        snapshot(
            &GOLONGAN,
            &valid_with("Pembina Utama Muda (IV/c)", "Pembina Utama Muda (IV/b)"),
        );
        snapshot(
            &TIDAK_DIKENAL,
            &valid_with("Pembina Utama Muda (IV/c)", "Pembina Utama Mud"),
        );
    }
}
