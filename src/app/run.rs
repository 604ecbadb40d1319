//! The commands as library calls: check a set of paths (in parallel over
//! files, with a repository index for `keterkaitan`), and build PDFs.

use crate::check::{self, Hasil};
use crate::config::Config;
use crate::diag::{Diagnostic, Msg, Severity};
use crate::model::{Sop, Status};
use crate::msg;
use crate::parse::repo::{self, RepoIndex};
use crate::parse::{self, DefaultsCache};
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
    Written(PathBuf),
    /// Not built: a `final` SOP with errors, or a file that could not be read.
    Skipped(Msg),
    Failed(Msg),
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
        Some(o) if single && o.extension().is_some_and(|e| e == "pdf") => o.to_owned(),
        Some(o) => o.join(name),
        None => sop_path.with_file_name(name),
    }
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
    reports
        .par_iter()
        .map(|r| {
            let outcome = build_one(r, &renderer, out, single, suffix, bagian);
            done();
            outcome
        })
        .collect()
}

fn build_one(
    r: &FileReport,
    renderer: &crate::render::Renderer,
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
    let logo = match load_logo(r, sop) {
        Ok(l) => l,
        Err(m) => return BuildOutcome::Failed(m),
    };
    let target = pdf_path(&r.path, out, single, suffix);
    match renderer.render(sop, &hasil.jumlah, logo.as_ref(), bagian) {
        Ok(pdf) => match crate::render::write_atomic(&target, &pdf) {
            Ok(()) => BuildOutcome::Written(target),
            Err(e) => {
                let d = target.display();
                BuildOutcome::Failed(crate::diag::gagal_io(crate::diag::MENULIS, d, &e))
            }
        },
        Err(e) => BuildOutcome::Failed(e.message),
    }
}

/// Reads the logo after checking that it lies inside the repository.
pub(crate) fn load_logo(r: &FileReport, sop: &Sop) -> Result<Option<crate::render::Logo>, Msg> {
    let Some(logo) = sop
        .instansi
        .as_ref()
        .and_then(|i| i.logo.as_ref())
        .filter(|l| !l.is_empty())
    else {
        return Ok(None);
    };
    let base = r
        .sources
        .path(logo.span.file)
        .parent()
        .unwrap_or(Path::new("."))
        .to_owned();
    let p = logo.as_str();
    let root = Root::of_file(&r.path).map_err(|g| g.pesan(&r.path, Jenis::Sop))?;
    let (bytes, format) = repo::read_logo(&root, &base, p).map_err(|m| match m {
        repo::LogoMasalah::Berkas(g) => g.pesan(Path::new(p), Jenis::Logo),
        repo::LogoMasalah::Format => msg!(
            "logo `{p}` bukan gambar PNG, JPEG atau SVG",
            "logo `{p}` is not a PNG, JPEG or SVG image"
        ),
    })?;
    let format = match format {
        repo::GambarFormat::Png => crate::render::LogoFormat::Png,
        repo::GambarFormat::Jpeg => crate::render::LogoFormat::Jpeg,
        repo::GambarFormat::Svg => crate::render::LogoFormat::Svg,
    };
    Ok(Some(crate::render::Logo { bytes, format }))
}
