//! `pangkat-*`: the pangkat of the signing official and its golongan agree.

use crate::check::{Ctx, Rule};
use crate::diag::Kesalahan;
use crate::diag::Severity::Error;

const SUMBER: &str = "PP 99/2000 jo. PP 12/2002 (pangkat PNS)";

pub static GOLONGAN: Rule = Rule {
    code: "pangkat-golongan",
    severity: Error,
    title: (
        "pangkat dan golongan tidak cocok",
        "pangkat and golongan disagree",
    ),
    sumber: SUMBER,
    doc: "Setiap pangkat PNS bersesuaian dengan satu golongan/ruang (I/a Juru Muda … \
IV/e Pembina Utama). Bila keduanya ditulis, keduanya harus cocok.\n\n\
Contoh salah: `Pembina Utama Muda (IV/b)`. Tulis `Pembina Utama Muda (IV/c)`.",
};

pub static TIDAK_DIKENAL: Rule = Rule {
    code: "pangkat-tidak-dikenal",
    severity: Error,
    title: ("pangkat tidak dikenal", "unknown pangkat"),
    sumber: SUMBER,
    doc: "Pangkat ditulis dengan nama resminya (`Penata Muda Tingkat I`, boleh `Tk. I`), \
boleh diikuti golongan (`Penata Muda Tk. I (III/b)`).",
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
    let rule = if e.code() == "pangkat-golongan" {
        &GOLONGAN
    } else {
        &TIDAK_DIKENAL
    };
    cx.report(rule, p.span, e.msg()).help = e.help();
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
}
