//! `keterkaitan-tidak-ada`: an explicit reference to an SOP that the
//! repository does not contain; `keterkaitan-di-luar`: a `{berkas: …}`
//! reference that leaves the repository (sopc never looks there).

use crate::check::{Ctx, Rule};
use crate::diag::Msg;
use crate::diag::Severity;
use crate::model::{Keterkaitan, Rujukan};
use crate::msg;
use crate::rule_doc;
use crate::sandbox::{Galat, Root};
use std::path::Path;

pub static RULE: Rule = Rule {
    code: "keterkaitan-tidak-ada",
    severity: Severity::Error,
    title: Msg::fixed(
        "SOP yang dirujuk tidak ada di repositori",
        "referenced SOP not in the repository",
    ),
    sumber: Some("Permendagri 52/2011, Lampiran (keterkaitan)"),
    doc: rule_doc! {
        apa: {
            id: "Rujukan eksplisit di `keterkaitan` — `{nomor: …}`, `{nama: …}` atau `{berkas: lain.yaml}` — menunjuk SOP yang ada di repositori ini.",
            en: "An explicit reference in `keterkaitan` — `{nomor: …}`, `{nama: …}` or `{berkas: lain.yaml}` — names an SOP of this repository.",
        },
        mengapa: {
            id: "Rujukan eksplisit menyatakan bahwa SOP itu ada di repositori, sehingga sopc menautkannya di buku SOP; rujukan yang tidak ditemukan akan menjadi tautan mati. Keterkaitan berupa teks biasa boleh menyebut SOP instansi lain dan tidak diperiksa.",
            en: "An explicit reference says that the SOP is in the repository, so sopc links it in the book; a reference that is not found would be a dead link. A keterkaitan written as plain text may name another instansi's SOP and is not checked.",
        },
        contoh: { code: r#"```yaml
keterkaitan:
  - {nomor: 800/99/DPMD/2023}
```"# },
        perbaikan: {
            id: "Perbaiki nomornya, atau tulis sebagai teks biasa bila SOP itu milik instansi lain:",
            en: "Correct the number, or write it as plain text when the SOP belongs to another instansi:",
            code: r#"```yaml
keterkaitan:
  - {nomor: 800/13/DPMD/2023}
  - SOP Pengarsipan Dinas Arsip
```"#,
        },
    },
};

pub static DI_LUAR: Rule = Rule {
    code: "keterkaitan-di-luar",
    severity: Severity::Error,
    title: Msg::fixed(
        "SOP yang dirujuk berada di luar repositori",
        "referenced SOP outside the repository",
    ),
    sumber: None,
    doc: rule_doc! {
        apa: {
            id: "`{berkas: …}` di `keterkaitan` menyebut berkas SOP relatif terhadap berkas tempat ia ditulis; berkas itu berada di dalam repositori (direktori terdekat yang memuat `sopc.toml` atau `.git`).",
            en: "`{berkas: …}` in `keterkaitan` names an SOP file relative to the file it is written in; that file lies inside the repository (the nearest directory holding `sopc.toml` or `.git`).",
        },
        mengapa: {
            id: "sopc tidak pernah melihat ke luar repositori: rujukan yang keluar — langsung atau lewat tautan simbolik — ditolak tanpa dibuka, agar SOP dari sebuah pull request tidak dapat menyelidiki berkas komputer.",
            en: "sopc never looks outside the repository: a reference that leaves it — directly or through a symbolic link — is refused without being opened, so that an SOP from a pull request cannot probe the computer's files.",
        },
        contoh: { code: r#"```yaml
keterkaitan:
  - {berkas: ../../lain/x.yaml}
```"# },
        perbaikan: {
            id: "Rujuk SOP di dalam repositori, atau tulis SOP instansi lain sebagai teks biasa:",
            en: "Refer to an SOP inside the repository, or write another instansi's SOP as plain text:",
            code: r#"```yaml
keterkaitan:
  - SOP Pengarsipan Dinas Arsip
```"#,
        },
    },
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

    #[test]
    fn output_is_pinned() {
        snapshot(
            &super::RULE,
            &valid_with("  - SOP Pengarsipan", "  - berkas: tidak-ada.yaml"),
        );
    }

    #[test]
    fn output_outside_is_pinned() {
        let src = valid_with(
            "  - SOP Pengarsipan",
            "  - berkas: ../../../../../../../../etc/passwd.yaml",
        );
        snapshot(&super::DI_LUAR, &src);
    }
}
