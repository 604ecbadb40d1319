//! `logo-*`: `instansi.logo` is an image inside the repository.

use crate::check::{Ctx, Rule};
use crate::diag::Msg;
use crate::diag::Severity::Error;
use crate::model::Sop;
use crate::model::gambar::Gambar;
use crate::msg;
use crate::parse::citra::Cacat;
use crate::parse::repo::{LogoMasalah, read_logo};
use crate::rule_doc;
use crate::sandbox::{Galat, Jenis, Root};
use crate::source::Sources;
use std::path::Path;

const SUMBER: &str = "Permendagri 52/2011 (kepala lembar pengesahan)";

pub static TIDAK_ADA: Rule = Rule {
    code: "logo-tidak-ada",
    severity: Error,
    title: Msg::fixed("berkas logo tidak ada", "logo file not found"),
    sumber: Some(SUMBER),
    doc: rule_doc! {
        apa: {
            id: "Berkas yang disebut `instansi.logo` ada, relatif terhadap berkas YAML tempat ia ditulis (berkas SOP atau `_default.yaml`).",
            en: "The file named by `instansi.logo` exists, relative to the YAML file it is written in (the SOP or a `_default.yaml`).",
        },
        mengapa: {
            id: "Tanpa berkasnya, kepala lembar pengesahan tercetak tanpa logo.",
            en: "Without the file, the head of the lembar pengesahan is printed without a logo.",
        },
        contoh: { code: r#"```yaml
instansi:
  logo: logo/kudus.pgn
```"# },
        perbaikan: {
            id: "Perbaiki jalurnya, atau simpan logonya di tempat itu:",
            en: "Correct the path, or put the logo there:",
            code: r#"```yaml
instansi:
  logo: logo/kudus.png
```"#,
        },
    },
};

pub static FORMAT: Rule = Rule {
    code: "logo-format",
    severity: Error,
    title: Msg::fixed(
        "logo bukan gambar PNG, JPEG atau SVG",
        "logo is not a PNG, JPEG or SVG image",
    ),
    sumber: Some(SUMBER),
    doc: rule_doc! {
        apa: {
            id: "Logo berupa gambar PNG, JPEG atau SVG, diperiksa dari isi berkas, bukan dari akhiran namanya.",
            en: "The logo is a PNG, JPEG or SVG image, judged by the file's content, not by its extension.",
        },
        mengapa: {
            id: "Hanya gambar yang dapat dicetak di kepala lembar pengesahan; berkas lain (PDF, dokumen Word, gambar yang rusak) tidak.",
            en: "Only an image can be printed at the head of the lembar pengesahan; another file (a PDF, a Word document, a broken image) cannot.",
        },
        contoh: { code: r#"```yaml
instansi:
  logo: logo/kudus.pdf
```"# },
        perbaikan: {
            id: "Ekspor logonya sebagai PNG atau SVG:",
            en: "Export the logo as PNG or SVG:",
            code: r#"```yaml
instansi:
  logo: logo/kudus.png
```"#,
        },
    },
};

pub static DI_LUAR: Rule = Rule {
    code: "logo-di-luar",
    severity: Error,
    title: Msg::fixed("logo di luar repositori", "logo outside the repository"),
    sumber: None,
    doc: rule_doc! {
        apa: {
            id: "`instansi.logo` menunjuk berkas di dalam repositori (direktori terdekat yang memuat `sopc.toml` atau `.git`).",
            en: "`instansi.logo` names a file inside the repository (the nearest directory holding `sopc.toml` or `.git`).",
        },
        mengapa: {
            id: "sopc tidak pernah membaca berkas di luar repositori, agar SOP dari sumber lain tidak dapat membocorkan berkas komputer Anda ke PDF.",
            en: "sopc never reads a file outside the repository, so that an SOP from elsewhere cannot leak your computer's files into a PDF.",
        },
        contoh: { code: r#"```yaml
instansi:
  logo: ../../etc/passwd
```"# },
        perbaikan: {
            id: "Simpan logo di dalam repositori:",
            en: "Keep the logo inside the repository:",
            code: r#"```yaml
instansi:
  logo: logo/kudus.png
```"#,
        },
    },
};

pub static RUSAK: Rule = Rule {
    code: "logo-rusak",
    severity: Error,
    title: Msg::fixed(
        "logo rusak atau menautkan berkas lain",
        "logo is damaged or links another file",
    ),
    sumber: Some(SUMBER),
    doc: rule_doc! {
        apa: {
            id: "Logo dibaca seperti saat mencetak: PNG dan JPEG diurai seluruhnya, SVG dibaca dengan pembaca SVG yang sama.",
            en: "The logo is read as printing reads it: PNG and JPEG are decoded whole, SVG is read by the same SVG reader.",
        },
        mengapa: {
            id: "Berkas yang terpotong atau rusak, dan SVG yang menautkan gambar lain, tidak dapat dicetak: `sopc build` akan menolaknya, maka `sopc check` melaporkannya di baris `logo:`.",
            en: "A truncated or damaged file, and an SVG that links another image, cannot be printed: `sopc build` would refuse it, so `sopc check` reports it at the `logo:` line.",
        },
        contoh: {
            id: "SVG yang menautkan gambar lain:",
            en: "An SVG that links another image:",
            code: r#"```xml
<svg xmlns="http://www.w3.org/2000/svg"><image href="foto.png"/></svg>
```"#,
        },
        perbaikan: {
            id: "Simpan ulang logo sebagai PNG, atau sematkan gambar itu di dalam SVG.",
            en: "Save the logo again as PNG, or embed the image inside the SVG.",
        },
    },
};

pub static TERLALU_BESAR: Rule = Rule {
    code: "logo-terlalu-besar",
    severity: Error,
    title: Msg::fixed(
        "logo melebihi batas ukuran piksel",
        "logo exceeds the pixel bound",
    ),
    sumber: Some(SUMBER),
    doc: rule_doc! {
        apa: {
            id: "Logo paling banyak 25 juta piksel (lebar × tinggi; untuk SVG menurut `width`, `height` atau `viewBox`).",
            en: "A logo has at most 25 million pixels (width × height; for SVG by `width`, `height` or `viewBox`).",
        },
        mengapa: {
            id: "Berkas PNG 20000×20000 piksel hanya 1,2 MB di disk tetapi memerlukan 1,6 GB memori untuk dicetak.",
            en: "A 20000×20000 pixel PNG is only 1.2 MB on disk but needs 1.6 GB of memory to print.",
        },
        contoh: {
            id: "`logo/kudus.png` berukuran 20000×20000 piksel.",
            en: "`logo/kudus.png` of 20000×20000 pixels.",
        },
        perbaikan: {
            id: "Perkecil logonya: di lembar pengesahan logo selebar sekitar 2,5 cm, dan 1000 piksel sudah lebih dari cukup.",
            en: "Scale the logo down: it is about 2.5 cm wide on the lembar pengesahan, and 1000 pixels are more than enough.",
        },
    },
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
    let p = logo.as_str();
    if let LogoMasalah::Cacat(cacat) = problem {
        let rule = match cacat {
            Cacat::TerlaluBesar { .. } => &TERLALU_BESAR,
            _ => &RUSAK,
        };
        cx.report(rule, logo.span, cacat.pesan(p)).help = Some(cacat.bantuan());
        return;
    }
    let Ok(root) = Root::of_file(cx.path) else {
        return;
    };
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
        LogoMasalah::Cacat(_) => return,
        // A FIFO, a device, a file over the cap: a reading failure.
        LogoMasalah::Berkas(galat) => {
            let rule = crate::parse::rules::reading_rule(*galat);
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

    /// Findings of `VALID` with `logo: <name>`, the logo holding `bytes`,
    /// both in a fresh repository.
    fn with_logo(name: &str, bytes: &[u8]) -> (String, Vec<(&'static str, usize)>) {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("sopc.toml"), "").unwrap();
        std::fs::write(dir.path().join(name), bytes).unwrap();
        let src = valid_with(
            "  nama: Dinas Pemberdayaan Masyarakat dan Desa\n",
            &format!("  nama: Dinas Pemberdayaan Masyarakat dan Desa\n  logo: {name}\n"),
        );
        let path = dir.path().join("uji.yaml");
        let loaded = crate::parse::parse_str(&path, &src);
        let sop = loaded.sop.as_ref().unwrap();
        let config = crate::config::Config::default();
        let hasil = crate::check::check(sop, &loaded.sources, &path, &config, None);
        let file = &loaded.sources.files()[0];
        let found = hasil
            .diagnostics
            .iter()
            .map(|d| (d.code, file.line_col(d.span.unwrap().start as usize).0))
            .collect();
        (src, found)
    }

    #[test]
    fn a_huge_png_logo_is_refused_at_its_line() {
        // 20000×20000 pixels in the header; the rule stops at the header.
        let mut png = crate::parse::citra::tests::png(2, 2);
        png[16..20].copy_from_slice(&20_000u32.to_be_bytes());
        png[20..24].copy_from_slice(&20_000u32.to_be_bytes());
        let (src, found) = with_logo("besar.png", &png);
        assert_eq!(
            found,
            vec![("logo-terlalu-besar", line_of(&src, "  logo:"))]
        );
    }

    #[test]
    fn a_damaged_png_and_a_linking_svg_are_reported() {
        let png = crate::parse::citra::tests::png(40, 40);
        let (src, found) = with_logo("rusak.png", &png[..png.len() - 20]);
        assert_eq!(found, vec![("logo-rusak", line_of(&src, "  logo:"))]);
        let svg = br#"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><image href="lain.png" width="10" height="10"/></svg>"#;
        let (src, found) = with_logo("tautan.svg", svg);
        assert_eq!(found, vec![("logo-rusak", line_of(&src, "  logo:"))]);
        let (_, found) = with_logo("baik.png", &png);
        assert_eq!(found, vec![]);
    }

    #[test]
    fn output_is_pinned() {
        use super::*;
        let with = |logo: &str| {
            valid_with(
                "  nama: Dinas Pemberdayaan Masyarakat dan Desa\n",
                &format!("  nama: Dinas Pemberdayaan Masyarakat dan Desa\n  logo: {logo}\n"),
            )
        };
        snapshot(&DI_LUAR, &with("../../../../../../etc/passwd"));
        snapshot(&TIDAK_ADA, &with("logo/tidak-ada.png"));
        let dir = tempfile::tempdir().expect("a temporary directory");
        std::fs::create_dir(dir.path().join(".git")).expect("a repository root");
        std::fs::write(dir.path().join("logo.png"), "bukan gambar").expect("written");
        let sop = dir.path().join("sop.yaml");
        std::fs::write(&sop, with("logo.png")).expect("written");
        snapshot_file(&FORMAT, &sop, dir.path());
        let png = crate::parse::citra::tests::png(40, 40);
        std::fs::write(dir.path().join("logo.png"), &png[..png.len() - 20]).expect("written");
        snapshot_file(&RUSAK, &sop, dir.path());
        let mut png = crate::parse::citra::tests::png(2, 2);
        png[16..20].copy_from_slice(&20_000u32.to_be_bytes());
        png[20..24].copy_from_slice(&20_000u32.to_be_bytes());
        std::fs::write(dir.path().join("logo.png"), &png).expect("written");
        snapshot_file(&TERLALU_BESAR, &sop, dir.path());
    }
}
