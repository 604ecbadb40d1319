//! An SOP repository: its root (the nearest directory holding `sopc.toml` or
//! `.git`), the SOP files below a path, and an index of the SOPs by `nomor`
//! and `nama` so that `keterkaitan` can link SOPs of the same repository.

use crate::model::gambar::Gambar;
use crate::parse::citra::{self, Cacat};
use crate::sandbox::{self, Galat, Jenis, Root};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Whether a path names an SOP file (`*.yaml`/`*.yml`, not `_default.yaml`
/// or another `_`-file).
pub fn is_sop_file(path: &Path) -> bool {
    let ext_ok = matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("yaml" | "yml")
    );
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    ext_ok && !name.starts_with('_') && !name.starts_with('.')
}

/// SOP files under `path` (or `path` itself), sorted, skipping hidden
/// directories and build output; or, for an entry that could not be read
/// while walking or lies outside the repository `path` is named in, its
/// path and why. Links below `path` are listed, never followed: the
/// sandbox judges each when it is read. A `path` that does not exist is an
/// error.
pub fn sop_files(path: &Path) -> std::io::Result<Vec<Result<PathBuf, (PathBuf, Galat)>>> {
    let bound = Root::of_named(path).map_err(|_| std::io::ErrorKind::NotFound)?;
    let judged = |p: PathBuf| {
        if bound.holds(&p) {
            Ok(p)
        } else {
            Err((p, Galat::DiLuar))
        }
    };
    if !sandbox::is_dir(path) {
        return Ok(vec![judged(path.to_owned())]);
    }
    let mut files = Vec::new();
    let walker = walkdir::WalkDir::new(path)
        .follow_links(false)
        .into_iter()
        .filter_entry(|e| {
            e.depth() == 0 || {
                let name = e.file_name().to_str().unwrap_or("");
                !(name.starts_with('.') || name == "target" || name == "node_modules")
            }
        });
    for entry in walker {
        match entry {
            Ok(e) if !e.file_type().is_dir() && is_sop_file(e.path()) => {
                files.push(judged(e.into_path()))
            }
            Ok(_) => {}
            Err(e) => {
                let galat =
                    e.io_error()
                        .map_or(
                            Galat::TidakTerbaca(std::io::ErrorKind::Other),
                            |io| match io.kind() {
                                std::io::ErrorKind::NotFound => Galat::TidakAda,
                                k => Galat::TidakTerbaca(k),
                            },
                        );
                let at = e.path().unwrap_or(path).to_owned();
                files.push(Err((at, galat)));
            }
        }
    }
    files.sort_by(|a, b| entry_path(a).cmp(entry_path(b)));
    Ok(files)
}

fn entry_path(e: &Result<PathBuf, (PathBuf, Galat)>) -> &Path {
    match e {
        Ok(p) | Err((p, _)) => p,
    }
}

/// SOPs of one repository by `nomor`, `nama` and file.
#[derive(Debug, Default)]
pub struct RepoIndex {
    pub by_nomor: HashMap<String, PathBuf>,
    pub by_nama: HashMap<String, PathBuf>,
    pub files: Vec<PathBuf>,
    /// What each file's SOP is called, for printing a reference to it.
    pub identitas: HashMap<PathBuf, SopTerkait>,
}

/// How a related SOP is named on the printed form: its `nama` and `nomor`
/// as that SOP's own file writes them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SopTerkait {
    pub nomor: String,
    pub nama: String,
}

impl RepoIndex {
    pub fn add(&mut self, path: &Path, nomor: Option<&str>, nama: Option<&str>) {
        if let Some(n) = nomor.filter(|n| !n.is_empty()) {
            self.by_nomor
                .entry(normalize(n))
                .or_insert_with(|| path.to_owned());
        }
        if let Some(n) = nama.filter(|n| !n.is_empty()) {
            // "SOP Pelayanan Tamu" is found by `{nama: Pelayanan Tamu}` too
            let n = normalize(n);
            if let Some(bare) = n.strip_prefix("sop ") {
                self.by_nama
                    .entry(bare.to_owned())
                    .or_insert_with(|| path.to_owned());
            }
            self.by_nama.entry(n).or_insert_with(|| path.to_owned());
        }
        self.files.push(normalize_path(path));
        self.identitas.insert(
            normalize_path(path),
            SopTerkait {
                nomor: nomor.unwrap_or_default().trim().to_owned(),
                nama: nama.unwrap_or_default().trim().to_owned(),
            },
        );
    }

    /// The nama and nomor of the SOP in `path`, when the index holds it.
    pub fn identitas(&self, path: &Path) -> Option<&SopTerkait> {
        self.identitas.get(&normalize_path(path))
    }

    pub fn find_nomor(&self, nomor: &str) -> Option<&PathBuf> {
        self.by_nomor.get(&normalize(nomor))
    }

    /// A plain `keterkaitan` text matches an SOP by its name, with or without
    /// a leading "SOP".
    pub fn find_nama(&self, nama: &str) -> Option<&PathBuf> {
        let n = normalize(nama);
        let bare = n.strip_prefix("sop ").unwrap_or(&n);
        self.by_nama.get(bare).or_else(|| self.by_nama.get(&n))
    }

    pub fn has_file(&self, path: &Path) -> bool {
        self.files.contains(&normalize_path(path))
    }
}

fn normalize(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn normalize_path(p: &Path) -> PathBuf {
    std::path::absolute(p).unwrap_or_else(|_| p.to_owned())
}

/// Why a logo path cannot be used.
#[derive(Debug, PartialEq, Eq)]
pub enum LogoMasalah {
    /// The sandbox refused it: outside the repository, missing, not a
    /// regular file, too large, unreadable.
    Berkas(Galat),
    /// Not a PNG, JPEG or SVG image.
    Format,
    /// An image that cannot be printed: damaged, linking another file, or
    /// past the pixel bound.
    Cacat(Cacat),
}

/// Resolves `rel` (written in a file of `base_dir`) inside the repository
/// and reads the image there; its format is told from its bytes, and it is
/// decoded as the renderer would decode it (bounded in pixels).
pub fn read_logo(root: &Root, base_dir: &Path, rel: &str) -> Result<Gambar, LogoMasalah> {
    let real = root.resolve(base_dir, rel).map_err(LogoMasalah::Berkas)?;
    let bytes = root.read(&real, Jenis::Logo).map_err(LogoMasalah::Berkas)?;
    let gambar = Gambar::baca(real, bytes).ok_or(LogoMasalah::Format)?;
    citra::periksa_sekali(&gambar.path, &gambar.bytes, gambar.format)
        .map_err(LogoMasalah::Cacat)?;
    Ok(gambar)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn logo_paths() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("sops/logo")).unwrap();
        std::fs::write(root.join("sopc.toml"), "").unwrap();
        let png = citra::tests::png(3, 2);
        std::fs::write(root.join("sops/logo/a.png"), &png).unwrap();
        std::fs::write(root.join("sops/logo/b.png"), b"not an image").unwrap();
        std::fs::write(root.join("sops/logo/d.png"), b"\x89PNG\r\n\x1a\nrest").unwrap();
        let base = root.join("sops");
        let root = Root::of_dir(&base).unwrap();
        let a = read_logo(&root, &base, "logo/a.png").unwrap();
        assert_eq!(a.format, crate::model::gambar::Format::Png);
        assert_eq!((a.bytes, a.ukuran), (png, Some((3, 2))));
        assert_eq!(
            read_logo(&root, &base, "logo/b.png"),
            Err(LogoMasalah::Format)
        );
        // a PNG signature with no image behind it cannot be printed
        assert_eq!(
            read_logo(&root, &base, "logo/d.png"),
            Err(LogoMasalah::Cacat(Cacat::Rusak(citra::Sebab::Kepala)))
        );
        assert_eq!(
            read_logo(&root, &base, "logo/c.png"),
            Err(LogoMasalah::Berkas(Galat::TidakAda))
        );
        assert_eq!(
            read_logo(&root, &base, "../../etc/passwd"),
            Err(LogoMasalah::Berkas(Galat::DiLuar))
        );
        assert_eq!(
            read_logo(&root, &base, "/etc/passwd"),
            Err(LogoMasalah::Berkas(Galat::DiLuar))
        );
    }
}
