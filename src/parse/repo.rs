//! An SOP repository: its root (the nearest directory holding `sopc.toml` or
//! `.git`), the SOP files below a path, and an index of the SOPs by `nomor`
//! and `nama` so that `keterkaitan` can link SOPs of the same repository.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The repository root of `dir`: the nearest ancestor with `sopc.toml` or
/// `.git`, else `dir` itself.
pub fn root_of(dir: &Path) -> PathBuf {
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let abs = std::path::absolute(dir).unwrap_or_else(|_| dir.to_owned());
    for d in abs.ancestors() {
        if d.join(crate::config::CONFIG_FILE).is_file() || d.join(".git").exists() {
            return d.to_owned();
        }
    }
    abs
}

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
/// directories and build output.
pub fn sop_files(path: &Path) -> std::io::Result<Vec<PathBuf>> {
    if path.is_file() {
        return Ok(vec![path.to_owned()]);
    }
    std::fs::metadata(path)?;
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
        let entry = entry.map_err(std::io::Error::other)?;
        if entry.file_type().is_file() && is_sop_file(entry.path()) {
            files.push(entry.into_path());
        }
    }
    files.sort();
    Ok(files)
}

/// SOPs of one repository by `nomor`, `nama` and file.
#[derive(Debug, Default)]
pub struct RepoIndex {
    pub by_nomor: HashMap<String, PathBuf>,
    pub by_nama: HashMap<String, PathBuf>,
    pub files: Vec<PathBuf>,
}

impl RepoIndex {
    pub fn add(&mut self, path: &Path, nomor: Option<&str>, nama: Option<&str>) {
        if let Some(n) = nomor.filter(|n| !n.is_empty()) {
            self.by_nomor
                .entry(normalize(n))
                .or_insert_with(|| path.to_owned());
        }
        if let Some(n) = nama.filter(|n| !n.is_empty()) {
            self.by_nama
                .entry(normalize(n))
                .or_insert_with(|| path.to_owned());
        }
        self.files.push(normalize_path(path));
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

/// Image formats accepted for `instansi.logo`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GambarFormat {
    Png,
    Jpeg,
    Svg,
}

/// Why a logo path cannot be used.
#[derive(Debug, PartialEq, Eq)]
pub enum LogoMasalah {
    /// The path leaves the repository (by `..`, an absolute path or a link).
    DiLuar,
    TidakAda,
    /// Not a PNG, JPEG or SVG image.
    Format,
}

/// Resolves `rel` against `base_dir` and checks that it stays inside `root`,
/// exists, and is an image. Nothing outside `root` is opened: the path is
/// checked as written before the file system is asked anything.
pub fn resolve_logo(
    root: &Path,
    base_dir: &Path,
    rel: &str,
) -> Result<(PathBuf, GambarFormat), LogoMasalah> {
    let real = resolve_in_repo(root, base_dir, rel)?;
    let mut head = [0u8; 1024];
    let n = {
        use std::io::Read;
        let mut f = std::fs::File::open(&real).map_err(|_| LogoMasalah::TidakAda)?;
        f.read(&mut head).map_err(|_| LogoMasalah::TidakAda)?
    };
    let format = sniff(&head[..n]).ok_or(LogoMasalah::Format)?;
    Ok((real, format))
}

/// Resolves `rel` against `base_dir` to a file inside `root` (by its path as
/// written, and again after following links), for any file the repository
/// names: a logo, the keputusan and penjelasan of the book. `Format` is
/// never returned.
pub fn resolve_in_repo(root: &Path, base_dir: &Path, rel: &str) -> Result<PathBuf, LogoMasalah> {
    let root = lexical(&std::path::absolute(root).unwrap_or_else(|_| root.to_owned()));
    let base_dir = if base_dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        base_dir
    };
    let base = std::path::absolute(base_dir).unwrap_or_else(|_| base_dir.to_owned());
    let joined = lexical(&base.join(rel));
    if !joined.starts_with(&root) {
        return Err(LogoMasalah::DiLuar);
    }
    if !joined.is_file() {
        return Err(LogoMasalah::TidakAda);
    }
    // A symbolic link inside the repository may still point outside it.
    let real_root = root.canonicalize().unwrap_or(root.clone());
    let real = joined.canonicalize().map_err(|_| LogoMasalah::TidakAda)?;
    if !real.starts_with(&real_root) {
        return Err(LogoMasalah::DiLuar);
    }
    Ok(real)
}

fn sniff(head: &[u8]) -> Option<GambarFormat> {
    if head.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Some(GambarFormat::Png);
    }
    if head.starts_with(&[0xFF, 0xD8, 0xFF]) {
        return Some(GambarFormat::Jpeg);
    }
    let text = String::from_utf8_lossy(head);
    text.contains("<svg").then_some(GambarFormat::Svg)
}

/// Removes `.` and `..` without touching the file system.
fn lexical(p: &Path) -> PathBuf {
    use std::path::Component;
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn logo_paths() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("sops/logo")).unwrap();
        std::fs::write(root.join("sops/logo/a.png"), b"\x89PNG\r\n\x1a\nrest").unwrap();
        std::fs::write(root.join("sops/logo/b.png"), b"not an image").unwrap();
        let base = root.join("sops");
        assert_eq!(
            resolve_logo(root, &base, "logo/a.png").unwrap().1,
            GambarFormat::Png
        );
        assert_eq!(
            resolve_logo(root, &base, "logo/b.png"),
            Err(LogoMasalah::Format)
        );
        assert_eq!(
            resolve_logo(root, &base, "logo/c.png"),
            Err(LogoMasalah::TidakAda)
        );
        assert_eq!(
            resolve_logo(root, &base, "../../etc/passwd"),
            Err(LogoMasalah::DiLuar)
        );
        assert_eq!(
            resolve_logo(root, &base, "/etc/passwd"),
            Err(LogoMasalah::DiLuar)
        );
    }
}
