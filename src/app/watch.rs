//! `sopc build --watch`: watch the repositories of the given paths and say
//! which SOPs to rebuild after each burst of changes.
//!
//! The repository root is watched recursively (not single files), so an
//! editor that saves by writing a new file and renaming it, or a file that
//! is deleted and created again, is still seen. A change to a defaults file,
//! a logo or `sopc.toml` rebuilds every SOP given; a change to an SOP file
//! rebuilds that SOP. PDFs and hidden files (temporary files of editors and
//! of sopc's own atomic writes) are ignored, so a build does not trigger
//! the next one.

use crate::diag::Msg;
use crate::msg;
use crate::parse::repo;
use notify_debouncer_full::notify::{EventKind, RecursiveMode};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// What changed in one burst.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Perubahan {
    /// What to rebuild: the changed SOP files, or all the given paths.
    pub sop: Vec<PathBuf>,
    /// SOP files that were deleted (their PDFs are kept).
    pub dihapus: Vec<PathBuf>,
}

/// Watches until the watcher fails; calls `on_change` with all the given
/// paths once the watch is in place, then after each burst of changes that
/// matters.
pub fn watch(paths: &[PathBuf], mut on_change: impl FnMut(Perubahan)) -> Result<(), Msg> {
    let given: Vec<PathBuf> = paths.iter().map(|p| absolute(p)).collect();
    let mut roots: Vec<PathBuf> = given
        .iter()
        .map(|p| crate::app::batch::root_for(p))
        .collect();
    roots.sort();
    roots.dedup();
    let (tx, rx) = std::sync::mpsc::channel();
    let fail = |e: notify_debouncer_full::notify::Error| {
        use notify_debouncer_full::notify::ErrorKind as K;
        let why = match &e.kind {
            K::Io(io) => crate::diag::sebab_io(io),
            K::PathNotFound => msg!("folder tidak ada", "the folder does not exist"),
            K::MaxFilesWatch => msg!(
                "batas jumlah berkas yang dapat dipantau sistem tercapai \
                 (Linux: naikkan fs.inotify.max_user_watches)",
                "the system's limit on watched files is reached \
                 (Linux: raise fs.inotify.max_user_watches)"
            ),
            _ => msg!(
                "sistem operasi menolak pemantauan",
                "the operating system refused to watch"
            ),
        };
        let Msg { id, en } = why;
        msg!(
            "tidak dapat memantau berkas: {id}",
            "cannot watch the files: {en}"
        )
    };
    let mut debouncer =
        notify_debouncer_full::new_debouncer(Duration::from_millis(200), None, tx).map_err(fail)?;
    for root in &roots {
        debouncer
            .watch(root, RecursiveMode::Recursive)
            .map_err(fail)?;
    }
    // The first build runs once the watch is in place, so that a change
    // made while it runs is not missed.
    on_change(Perubahan {
        sop: given.iter().filter(|p| p.exists()).cloned().collect(),
        dihapus: Vec::new(),
    });
    for result in rx {
        let Ok(events) = result else { continue };
        let mut changed: Vec<(PathBuf, bool)> = Vec::new();
        for e in &events {
            if matches!(e.kind, EventKind::Access(_)) {
                continue;
            }
            changed.extend(e.paths.iter().map(|p| (p.clone(), p.exists())));
        }
        let change = classify(&given, changed);
        if change != Perubahan::default() {
            on_change(change);
        }
    }
    Ok(())
}

/// Sorts changed paths (with whether they still exist) into SOPs to rebuild
/// and SOPs deleted.
pub fn classify(given: &[PathBuf], changed: Vec<(PathBuf, bool)>) -> Perubahan {
    let mut out = Perubahan::default();
    let mut all = false;
    for (path, exists) in changed {
        if !relevant(&path) {
            continue;
        }
        let is_sop = repo::is_sop_file(&path);
        let ours = given
            .iter()
            .any(|g| path == *g || (g.is_dir() && path.starts_with(g)));
        match (is_sop, ours, exists) {
            (true, true, true) => out.sop.push(path),
            (true, true, false) => out.dihapus.push(path),
            // An SOP elsewhere in the repository (a `keterkaitan` target),
            // a defaults file, a logo or sopc.toml.
            (true, false, _) | (false, _, _) => all = true,
        }
    }
    if all {
        out.sop = given.iter().filter(|p| p.exists()).cloned().collect();
    }
    out.sop.sort();
    out.sop.dedup();
    out.dihapus.sort();
    out.dihapus.dedup();
    out
}

/// Files whose change can change a PDF: SOPs, defaults files, logos and
/// `sopc.toml`, as sopc itself recognises them.
fn relevant(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let skipped_dir = path
        .components()
        .any(|c| matches!(c.as_os_str().to_str(), Some(".git" | "target")));
    if name.starts_with('.') || skipped_dir {
        return false;
    }
    name == crate::config::CONFIG_FILE
        || name == crate::parse::DEFAULTS_FILE
        || name == crate::parse::DEFAULTS_FILE_YML
        || repo::is_sop_file(path)
        || crate::model::gambar::Format::dari_ekstensi(path).is_some()
}

fn absolute(p: &Path) -> PathBuf {
    std::path::absolute(p).unwrap_or_else(|_| p.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_changes() {
        let dir = tempfile::tempdir().unwrap();
        let sops = dir.path().join("sops");
        std::fs::create_dir_all(&sops).unwrap();
        let a = sops.join("a.yaml");
        std::fs::write(&a, "").unwrap();
        let given = vec![sops.clone()];
        let c = |p: &Path, e: bool| classify(&given, vec![(p.to_owned(), e)]);
        assert_eq!(c(&a, true).sop, vec![a.clone()]);
        assert_eq!(c(&a, false).dihapus, vec![a.clone()]);
        assert_eq!(c(&sops.join("_default.yaml"), true).sop, vec![sops.clone()]);
        assert_eq!(
            c(&dir.path().join("sopc.toml"), true).sop,
            vec![sops.clone()]
        );
        assert_eq!(
            c(&dir.path().join("logo/x.png"), true).sop,
            vec![sops.clone()]
        );
        assert_eq!(c(&sops.join("a.pdf"), true), Perubahan::default());
        assert_eq!(c(&sops.join(".tmpX1y2"), true), Perubahan::default());
        assert_eq!(
            c(&dir.path().join(".git/index"), true),
            Perubahan::default()
        );
    }
}
