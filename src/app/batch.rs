//! The batch driver behind `check`, `build`, `pengesahan` and `watch`:
//! check a set of paths (in parallel over files, with a repository index for
//! `keterkaitan`), and build the PDFs of those that may be built.

use crate::app::atomic::write_atomic;
use crate::check::{self, Hasil};
use crate::config::Config;
use crate::diag::{self, Diagnostic, Msg, Severity};
use crate::model::{Sop, Status};
use crate::msg;
use crate::paper::{Kertas, Orientasi};
use crate::parse::repo::{self, RepoIndex};
use crate::parse::{self, DefaultsCache};
use crate::render::Input;
use crate::sandbox::{self, Jenis, Root};
use crate::source::Sources;
use rayon::prelude::*;
use std::path::{Path, PathBuf};

/// What a long run reports to a progress bar.
#[derive(Clone, Copy, Debug)]
pub enum Kemajuan {
    /// The number of steps ahead.
    Mulai(usize),
    /// One more step done.
    Satu,
}

/// One checked file.
#[derive(Debug)]
pub struct FileReport {
    pub path: PathBuf,
    pub sources: Sources,
    pub sop: Option<Sop>,
    pub hasil: Option<Hasil>,
    pub diagnostics: Vec<Diagnostic>,
    /// Working hours per day used to print totals (`sopc.toml`).
    pub jam_kerja_per_hari: Option<u32>,
}

impl FileReport {
    pub fn errors(&self) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    }
    pub fn warnings(&self) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Warning)
            .count()
    }
}

/// The paper the command line asks for; each field set wins over `[cetak]`
/// in sopc.toml.
#[derive(Clone, Copy, Debug, Default)]
pub struct PaperOverride {
    pub kertas: Option<Kertas>,
    pub orientasi: Option<Orientasi>,
}

/// [`config_for`], with `paper` applied over `[cetak]`: the configuration
/// `build`, `pengesahan`, `watch` and `buku` print with.
pub fn config_for_print(path: &Path, paper: PaperOverride) -> Result<Config, Msg> {
    let mut config = config_for(path)?;
    config.cetak.kertas = paper.kertas.or(config.cetak.kertas);
    config.cetak.orientasi = paper.orientasi.or(config.cetak.orientasi);
    Ok(config)
}

/// The repository root of a path the command line gives (an SOP directory
/// or an SOP file), as the sandbox finds it; a path that does not exist is
/// its own root (the run then reports it).
pub fn root_for(path: &Path) -> PathBuf {
    Root::of_named(path).map_or_else(|_| sandbox::absolute(path), |r| r.path().to_owned())
}

/// The repository configuration for a path named on the command line, with
/// today's date for checks. A path that does not exist has none (the run
/// then reports it).
pub fn config_for(path: &Path) -> Result<Config, Msg> {
    let mut c = match Root::of_named(path) {
        Ok(root) => {
            let c = Config::load(&root)?;
            check::check_aturan(&c).map_err(|m| crate::config::in_file(root.path(), m))?;
            c
        }
        Err(_) => Config::default(),
    };
    c.hari_ini = crate::config::today();
    Ok(c)
}

/// Checks every SOP file under `paths`. A path that does not exist is an
/// error; a file that cannot be read (vanished, unreadable, a FIFO, a link
/// out of the repository) is a finding for that file, and everything about
/// the files' contents is a diagnostic.
pub fn check_paths(paths: &[PathBuf], config: &Config) -> Result<Vec<FileReport>, Msg> {
    check_paths_with_progress(paths, config, &|_| {})
}

/// [`check_paths`], first calling `start` with the number of files, then
/// `done` after each file is read (from any thread), for a progress bar.
pub fn check_paths_with_progress(
    paths: &[PathBuf],
    config: &Config,
    progress: &(dyn Fn(Kemajuan) + Sync),
) -> Result<Vec<FileReport>, Msg> {
    let mut files = Vec::new();
    for p in paths {
        let found = repo::sop_files(p).map_err(|e| {
            let d = p.display();
            crate::diag::gagal_io(crate::diag::MEMBACA, d, &e)
        })?;
        files.extend(found);
    }
    progress(Kemajuan::Mulai(files.len()));
    let defaults = DefaultsCache::default();
    // A file that vanished or cannot be read is a finding for that file;
    // the others are still checked.
    let loaded: Vec<_> = files
        .into_par_iter()
        .map(|f| {
            let l = match &f {
                Ok(path) => parse::load(path, &defaults),
                Err((path, galat)) => parse::unreadable(path, *galat, Jenis::Sop),
            };
            progress(Kemajuan::Satu);
            let (Ok(path) | Err((path, _))) = f;
            (path, l)
        })
        .collect();
    let mut index = RepoIndex::default();
    for (path, l) in &loaded {
        if let Some(sop) = &l.sop {
            index.add(
                path,
                sop.nomor.as_ref().map(|n| n.as_str()),
                sop.nama.as_ref().map(|n| n.as_str()),
            );
        }
    }
    index_rest_of_repository(paths, &loaded, &defaults, &mut index);
    Ok(loaded
        .into_par_iter()
        .map(|(path, l)| {
            let mut diagnostics = l.diagnostics;
            let hasil = l
                .sop
                .as_ref()
                .map(|sop| check::check(sop, &l.sources, &path, config, Some(&index)));
            if let Some(h) = &hasil {
                diagnostics.extend(h.diagnostics.iter().cloned());
            }
            check::apply_config(&mut diagnostics, config);
            FileReport {
                path,
                sources: l.sources,
                sop: l.sop,
                hasil,
                diagnostics,
                jam_kerja_per_hari: config.jam_kerja_per_hari,
            }
        })
        .collect())
}

/// When single files are checked and one of them makes an explicit
/// reference, the other SOPs of its repository must be known too.
fn index_rest_of_repository(
    paths: &[PathBuf],
    parsed: &[(PathBuf, parse::Loaded)],
    defaults: &DefaultsCache,
    index: &mut RepoIndex,
) {
    use crate::model::Keterkaitan;
    let explicit = parsed.iter().any(|(_, l)| {
        l.sop
            .as_ref()
            .and_then(|s| s.keterkaitan.as_ref())
            .is_some_and(|k| k.iter().any(|e| matches!(e.value, Keterkaitan::Rujukan(_))))
    });
    if !explicit {
        return;
    }
    for p in paths.iter().filter(|p| !sandbox::is_dir(p)) {
        let Ok(root) = Root::of_file(p) else {
            continue;
        };
        let Ok(files) = repo::sop_files(root.path()) else {
            continue;
        };
        for f in files.iter().flatten() {
            if index.has_file(f) {
                continue;
            }
            if let Some(sop) = &parse::load(f, defaults).sop {
                index.add(
                    f,
                    sop.nomor.as_ref().map(|n| n.as_str()),
                    sop.nama.as_ref().map(|n| n.as_str()),
                );
            }
        }
    }
}

/// Which pages `build` writes.
pub use crate::render::Bagian;

/// What happened to one SOP in a build.
#[derive(Debug)]
pub enum BuildOutcome {
    /// The PDF written, what its layout found (`tata-letak-jalur`, as
    /// `[aturan]` sets it), and where the pelaksana stand whose header the
    /// print does not hyphenate: a `tata-letak-kolom` finding there (the
    /// check's, in the allocation's columns, which a flowchart drawn in
    /// wider ones may leave behind) is withdrawn.
    Written(PathBuf, Vec<Diagnostic>, Vec<crate::source::Span>),
    /// Not written: its layout broke a drawing rule that `[aturan]` makes
    /// an error (`tata-letak-jalur = "error"`); the findings.
    Refused(Vec<Diagnostic>),
    /// Not built: a `final` SOP with errors, or a file that could not be read.
    Skipped(Msg),
    Failed(Msg),
}

/// Whether `out` names the PDF itself (one SOP and a `.pdf` name) rather
/// than a directory to write the PDFs in.
fn names_one_pdf(out: &Path, single: bool) -> bool {
    single && out.extension().is_some_and(|e| e == "pdf")
}

/// Makes the output directory of a build of `count` SOPs before anything is
/// built, so that a directory that cannot be made is one error (exit status
/// 2) rather than a failure per SOP. Nothing to do when `out` names the PDF.
pub fn prepare_output(out: Option<&Path>, count: usize) -> Result<(), Msg> {
    match out {
        Some(o) if !names_one_pdf(o, count <= 1) => create_dir(o),
        _ => Ok(()),
    }
}

/// The PDF path for an SOP: `out` when it names a `.pdf` and there is one
/// SOP, else `out`/name.pdf, else next to the YAML file.
pub fn pdf_path(sop_path: &Path, out: Option<&Path>, single: bool, suffix: &str) -> PathBuf {
    let stem = sop_path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("sop");
    let name = format!("{stem}{suffix}.pdf");
    match out {
        Some(o) if names_one_pdf(o, single) => o.to_owned(),
        Some(o) => o.join(name),
        None => sop_path.with_file_name(name),
    }
}

/// Writes a PDF to `target`, making its directory first, atomically: a
/// failed write leaves an existing file as it was. `build` and `buku` both
/// write through here.
pub fn write_pdf(target: &Path, pdf: &[u8]) -> Result<(), Msg> {
    if let Some(dir) = target.parent().filter(|d| !d.as_os_str().is_empty()) {
        create_dir(dir)?;
    }
    write_atomic(target, pdf).map_err(|e| diag::gagal_io(diag::MENULIS, target.display(), &e))
}

fn create_dir(dir: &Path) -> Result<(), Msg> {
    sandbox::create_output_dir(dir).map_err(|e| diag::gagal_io(diag::MEMBUAT, dir.display(), &e))
}

/// Renders every checked SOP that may be built. Files with errors are not
/// built when `final`; `draf` files with errors are not built either, since
/// the page would show wrong facts (they are reported by check).
pub fn build(
    reports: &[FileReport],
    config: &Config,
    out: Option<&Path>,
    bagian: Bagian,
) -> Vec<BuildOutcome> {
    build_with_progress(reports, config, out, bagian, &|| {})
}

/// [`build`], calling `done` after each SOP (from any thread), for a
/// progress bar.
pub fn build_with_progress(
    reports: &[FileReport],
    config: &Config,
    out: Option<&Path>,
    bagian: Bagian,
    done: &(dyn Fn() + Sync),
) -> Vec<BuildOutcome> {
    let renderer = crate::render::Renderer::new(&crate::render::RenderOptions::dari(config));
    let single = reports.len() == 1;
    let suffix = if bagian == Bagian::Pengesahan {
        "-pengesahan"
    } else {
        ""
    };
    crate::render::pool::map(reports, |r| {
        let outcome = build_one(r, &renderer, config, out, single, suffix, bagian);
        done();
        outcome
    })
}

fn build_one(
    r: &FileReport,
    renderer: &crate::render::Renderer,
    config: &Config,
    out: Option<&Path>,
    single: bool,
    suffix: &str,
    bagian: Bagian,
) -> BuildOutcome {
    let (Some(sop), Some(hasil)) = (&r.sop, &r.hasil) else {
        return BuildOutcome::Skipped(msg!(
            "berkas tidak dapat dibaca",
            "the file could not be read"
        ));
    };
    if r.errors() > 0 {
        let status = if sop.status() == Status::Final {
            "final"
        } else {
            "draf"
        };
        return BuildOutcome::Skipped(msg!(
            "SOP {status} ini memiliki galat; perbaiki dulu (lihat `sopc check`)",
            "this {status} SOP has errors; fix them first (see `sopc check`)"
        ));
    }
    if let Err(m) = logo_read(sop, hasil) {
        return BuildOutcome::Failed(m);
    }
    let target = pdf_path(&r.path, out, single, suffix);
    match renderer.render_sempit(Input::checked(sop, hasil), bagian) {
        Ok((pdf, sempit)) => {
            let mut found = check::rules::tata_letak::jalur(sop, &sempit.langkah);
            // the pelaksana whose header the print does not hyphenate
            let lepas = sop
                .actors()
                .iter()
                .enumerate()
                .filter(|(i, _)| !sempit.terpenggal.contains(i))
                .map(|(_, p)| p.span)
                .collect();
            check::apply_config(&mut found, config);
            if found.iter().any(|d| d.severity == Severity::Error) {
                return BuildOutcome::Refused(found);
            }
            match write_pdf(&target, &pdf) {
                Ok(()) => BuildOutcome::Written(target, found, lepas),
                Err(m) => BuildOutcome::Failed(m),
            }
        }
        Err(e) => BuildOutcome::Failed(e.message),
    }
}

/// An error, in the sandbox's words, when the SOP names a logo that the
/// check could not read (its `logo-*` finding may have been turned off in
/// `[aturan]`): a PDF never goes out without the logo it names.
pub(crate) fn logo_read(sop: &Sop, hasil: &Hasil) -> Result<(), Msg> {
    let Some(named) = sop
        .instansi
        .as_ref()
        .and_then(|i| i.logo.as_ref())
        .filter(|l| !l.is_empty())
    else {
        return Ok(());
    };
    let p = named.as_str();
    match &hasil.logo {
        Some(Ok(_)) => Ok(()),
        Some(Err(repo::LogoMasalah::Berkas(g))) => Err(g.pesan(Path::new(p), Jenis::Logo)),
        Some(Err(repo::LogoMasalah::Cacat(c))) => Err(c.pesan(p)),
        Some(Err(repo::LogoMasalah::Format)) => Err(msg!(
            "logo `{p}` bukan gambar PNG, JPEG atau SVG",
            "logo `{p}` is not a PNG, JPEG or SVG image"
        )),
        None => Err(msg!(
            "logo `{p}` tidak dapat dipakai",
            "logo `{p}` cannot be used"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn out_names_the_pdf_only_for_one_sop_and_a_pdf_name() {
        let sop = Path::new("sops/tamu.yaml");
        let one = |out: &str, single| pdf_path(sop, Some(Path::new(out)), single, "");
        assert_eq!(one("hasil.pdf", true), Path::new("hasil.pdf"));
        assert_eq!(one("hasil.pdf", false), Path::new("hasil.pdf/tamu.pdf"));
        assert_eq!(one("pdf", true), Path::new("pdf/tamu.pdf"));
        assert_eq!(
            pdf_path(sop, None, true, "-pengesahan"),
            Path::new("sops/tamu-pengesahan.pdf")
        );
    }

    #[test]
    fn the_output_directory_is_made_before_the_build_unless_out_is_the_pdf() {
        let dir = tempfile::tempdir().unwrap();
        let pdf = dir.path().join("satu.pdf");
        prepare_output(Some(&pdf), 1).unwrap();
        assert!(!pdf.exists());
        prepare_output(Some(&pdf), 2).unwrap();
        assert!(pdf.is_dir());
        let file = dir.path().join("berkas");
        std::fs::write(&file, "x").unwrap();
        let e = prepare_output(Some(&file.join("keluar")), 2).unwrap_err();
        let d = file.join("keluar").display().to_string();
        assert_eq!(
            e.id,
            format!("tidak dapat membuat {d}: salah satu bagian jalurnya bukan direktori")
        );
    }

    #[test]
    fn a_pdf_is_written_with_its_folder_and_replaces_the_old_one_whole() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("a/b/sop.pdf");
        write_pdf(&target, b"%PDF-1").unwrap();
        write_pdf(&target, b"%PDF-2").unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"%PDF-2");
        let names: Vec<_> = std::fs::read_dir(dir.path().join("a/b")).unwrap().collect();
        assert_eq!(names.len(), 1, "no temporary file is left behind");
    }
}
