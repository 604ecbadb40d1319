//! `keterkaitan-tidak-ada`: an explicit reference to an SOP that the
//! repository does not contain; `keterkaitan-di-luar`: a `{berkas: …}`
//! reference that leaves the repository (sopc never looks there).

use crate::check::{Ctx, Rule};
use crate::diag::Severity;
use crate::model::{Keterkaitan, Rujukan};
use crate::msg;
use crate::sandbox::{Galat, Root};
use std::path::Path;

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

pub static DI_LUAR: Rule = Rule {
    code: "keterkaitan-di-luar",
    severity: Severity::Error,
    title: (
        "SOP yang dirujuk berada di luar repositori",
        "referenced SOP outside the repository",
    ),
    sumber: "keamanan sopc",
    doc: "`{berkas: …}` menyebut berkas SOP relatif terhadap berkas tempat ia ditulis, dan \
berkas itu harus berada di dalam repositori (direktori terdekat yang memuat `sopc.toml` \
atau `.git`). `{berkas: ../../lain/x.yaml}` yang keluar dari repositori — langsung atau \
lewat tautan simbolik — ditolak tanpa dibuka. SOP instansi lain ditulis sebagai teks biasa.",
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
                let base = cx.sources.path(entry.span.file);
                match berkas(cx.path, base, f) {
                    Err(Galat::DiLuar | Galat::Tersembunyi) => {
                        cx.report(
                            &DI_LUAR,
                            entry.span,
                            msg!(
                                "`{f}` berada di luar repositori; sopc tidak membukanya",
                                "`{f}` lies outside the repository; sopc does not open it"
                            ),
                        )
                        .help = Some(msg!(
                            "rujuk SOP repositori ini, atau tulis SOP instansi lain sebagai teks biasa",
                            "refer to an SOP of this repository, or write another office's SOP as plain text"
                        ));
                        continue;
                    }
                    found => found.is_ok_and(|p| crate::parse::repo::is_sop_file(&p)),
                }
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

/// The file a `{berkas: …}` in `written_in` names, through the sandbox of
/// the SOP's repository.
fn berkas(sop: &Path, written_in: &Path, f: &str) -> Result<std::path::PathBuf, Galat> {
    let root = Root::of_file(sop)?;
    let base = written_in.parent().unwrap_or(Path::new("."));
    root.resolve(base, f)
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
