//! `logo-*`: `instansi.logo` is an image inside the repository.

use crate::check::{Ctx, Rule};
use crate::diag::Severity::Error;
use crate::model::Sop;
use crate::model::gambar::Gambar;
use crate::msg;
use crate::parse::repo::{LogoMasalah, read_logo};
use crate::sandbox::{Galat, Jenis, Root};
use crate::source::Sources;
use std::path::Path;

const SUMBER: &str = "keamanan sopc; Permendagri 52/2011 (kepala lembar pengesahan)";

pub static TIDAK_ADA: Rule = Rule {
    code: "logo-tidak-ada",
    severity: Error,
    title: ("berkas logo tidak ada", "logo file not found"),
    sumber: SUMBER,
    doc: "`instansi.logo` menyebut berkas relatif terhadap berkas YAML tempat ia ditulis \
(berkas SOP atau `_default.yaml`). Berkas itu tidak ditemukan.",
};

pub static FORMAT: Rule = Rule {
    code: "logo-format",
    severity: Error,
    title: (
        "logo bukan gambar PNG, JPEG atau SVG",
        "logo is not a PNG, JPEG or SVG image",
    ),
    sumber: SUMBER,
    doc: "Logo harus berupa gambar PNG, JPEG atau SVG (diperiksa dari isi berkas, bukan \
dari nama akhirannya).",
};

pub static DI_LUAR: Rule = Rule {
    code: "logo-di-luar",
    severity: Error,
    title: ("logo di luar repositori", "logo outside the repository"),
    sumber: SUMBER,
    doc: "sopc tidak pernah membaca berkas di luar repositori (direktori terdekat yang \
memuat `sopc.toml` atau `.git`). `../../etc/passwd` atau `/etc/passwd` ditolak: simpan \
logo di dalam repositori, misalnya `logo/kudus.png`.",
};

/// The logo of the SOP at `path`, read once for the check and for every
/// PDF made from it: `None` when it names none (or the SOP's repository
/// cannot be opened, which the SOP's own reading reports).
pub fn read(sop: &Sop, sources: &Sources, path: &Path) -> Option<Result<Gambar, LogoMasalah>> {
    let logo = sop.instansi.as_ref()?.logo.as_ref()?;
    if logo.is_empty() {
        return None;
    }
    // relative to the file it is written in (the SOP or a `_default.yaml`)
    let written_in = sources.path(logo.span.file);
    let base = written_in.parent().unwrap_or(Path::new("."));
    let root = Root::of_file(path).ok()?;
    Some(read_logo(&root, base, logo))
}

pub fn check(cx: &mut Ctx) {
    let (Some(Err(problem)), Some(logo)) = (
        cx.logo,
        cx.sop.instansi.as_ref().and_then(|i| i.logo.as_ref()),
    ) else {
        return;
    };
    let Ok(root) = Root::of_file(cx.path) else {
        return;
    };
    let p = logo.as_str();
    let r = root.path().display().to_string();
    let help = msg!(
        "simpan logo di dalam repositori ({r}) dan tulis jalurnya relatif terhadap berkas ini",
        "keep the logo inside the repository ({r}) and write its path relative to this file"
    );
    let (rule, message) = match problem {
        LogoMasalah::Berkas(Galat::DiLuar) => (
            &DI_LUAR,
            msg!(
                "logo `{p}` berada di luar repositori; sopc tidak membacanya",
                "logo `{p}` lies outside the repository; sopc does not read it"
            ),
        ),
        LogoMasalah::Berkas(Galat::TidakAda) => (
            &TIDAK_ADA,
            msg!(
                "berkas logo `{p}` tidak ada",
                "logo file `{p}` does not exist"
            ),
        ),
        LogoMasalah::Format => (
            &FORMAT,
            msg!(
                "`{p}` bukan gambar PNG, JPEG atau SVG",
                "`{p}` is not a PNG, JPEG or SVG image"
            ),
        ),
        // A FIFO, a device, a file over the cap: a reading failure.
        LogoMasalah::Berkas(galat) => {
            let rule = crate::check::rules::baca::reading_rule(*galat);
            let help = galat.saran();
            cx.report(
                rule,
                logo.span,
                galat.pesan(std::path::Path::new(p), Jenis::Logo),
            )
            .help = Some(help);
            return;
        }
    };
    cx.report(rule, logo.span, message).help = Some(help);
}

#[cfg(test)]
mod tests {
    use crate::check::testing::*;

    #[test]
    fn outside_and_missing() {
        let src = valid_with(
            "  nama: Dinas Pemberdayaan Masyarakat dan Desa\n",
            "  nama: Dinas Pemberdayaan Masyarakat dan Desa\n  logo: ../../../../../../etc/passwd\n",
        );
        assert_eq!(
            lines_of(&src, "logo-di-luar"),
            vec![line_of(&src, "  logo:")]
        );
        let src = valid_with(
            "  nama: Dinas Pemberdayaan Masyarakat dan Desa\n",
            "  nama: Dinas Pemberdayaan Masyarakat dan Desa\n  logo: tidak-ada-logo-ini.png\n",
        );
        assert_eq!(
            lines_of(&src, "logo-tidak-ada"),
            vec![line_of(&src, "  logo:")]
        );
    }
}
