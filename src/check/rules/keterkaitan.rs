//! `keterkaitan-tidak-ada`: an explicit reference to an SOP that the
//! repository does not contain.

use crate::check::{Ctx, Rule};
use crate::diag::Severity;
use crate::model::{Keterkaitan, Rujukan};
use crate::msg;

pub static RULE: Rule = Rule {
    code: "keterkaitan-tidak-ada",
    severity: Severity::Error,
    title: (
        "SOP yang dirujuk tidak ada di repositori",
        "referenced SOP not in the repository",
    ),
    sumber: "Permendagri 52/2011, Lampiran (keterkaitan)",
    doc: "Keterkaitan berupa teks biasa boleh menyebut SOP instansi lain. Rujukan eksplisit \
— `{nomor: …}`, `{nama: …}` atau `{berkas: lain.yaml}` — menyatakan bahwa SOP itu ada di \
repositori ini, sehingga sopc memeriksanya dan menautkannya di buku SOP.\n\n\
Contoh: `keterkaitan: [{nomor: 800/13/DPMD/2023}, SOP Pengarsipan Dinas Arsip]`.",
};

pub fn check(cx: &mut Ctx) {
    let Some(list) = &cx.sop.keterkaitan else {
        return;
    };
    for entry in list.iter() {
        let Keterkaitan::Rujukan(r) = &entry.value else {
            continue;
        };
        let found = match (r, cx.repo) {
            (Rujukan::Berkas(f), _) => {
                let base = cx.sources.path(entry.span.file).parent().map(|p| p.join(f));
                base.is_some_and(|p| p.is_file() && crate::parse::repo::is_sop_file(&p))
            }
            (Rujukan::Nomor(n), Some(repo)) => repo.find_nomor(n).is_some(),
            (Rujukan::Nama(n), Some(repo)) => repo.find_nama(n).is_some(),
            (_, None) => true,
        };
        if !found {
            let (kind, text) = match r {
                Rujukan::Nomor(t) => ("nomor", t),
                Rujukan::Nama(t) => ("nama", t),
                Rujukan::Berkas(t) => ("berkas", t),
            };
            cx.report(
                &RULE,
                entry.span,
                msg!(
                    "tidak ada SOP dengan {kind} `{text}` di repositori ini",
                    "no SOP with {kind} `{text}` in this repository"
                ),
            )
            .help = Some(msg!(
                "periksa ejaannya, atau tulis sebagai teks biasa bila SOP itu milik instansi lain",
                "check the spelling, or write it as plain text if the SOP belongs to another office"
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::testing::*;

    #[test]
    fn missing_file_reference() {
        let src = valid_with("  - SOP Pengarsipan", "  - berkas: tidak-ada.yaml");
        assert_eq!(
            lines_of(&src, "keterkaitan-tidak-ada"),
            vec![line_of(&src, "berkas:")]
        );
    }
}
