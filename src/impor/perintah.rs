//! The `sopc impor` command: one file (`-o OUT.yaml`, else a file named
//! from the nama SOP in the current directory) or every PDF below a folder
//! (`-o DIR`). Files are read in parallel; YAML is written without ever
//! overwriting a file; the written files are checked and the findings
//! printed, then a summary table for a folder.

use super::{Dokumen, Tolak, dari_berkas, dari_berkas_di, tulis};
use crate::diag::{Lang, Msg, Severity};
use crate::msg;
use crate::sandbox::{self, Jenis, Root};
use rayon::prelude::*;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

/// Why the command stopped early: a message for `galat: …` (exit 2), or
/// standard output that could not be written (a closed pipe, which the
/// command line takes as the reader having what it wanted).
#[derive(Debug)]
pub enum Henti {
    Pesan(Msg),
    Keluaran(std::io::Error),
}

impl From<std::io::Error> for Henti {
    fn from(e: std::io::Error) -> Henti {
        Henti::Keluaran(e)
    }
}

impl From<Msg> for Henti {
    fn from(m: Msg) -> Henti {
        Henti::Pesan(m)
    }
}

/// What became of one file.
enum Outcome {
    Ditulis(PathBuf),
    Ditolak(Msg),
}

/// Runs the command, printing to `out`; returns the exit status (0 all
/// imported, 1 some of a folder refused), or why it stopped (a single file
/// refused, a usage or I/O error: exit 2).
pub fn perintah(
    input: &Path,
    output: Option<&Path>,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<u8, Henti> {
    if sandbox::is_dir(input) {
        folder(input, output, lang, out)
    } else {
        satu(input, output, lang, out)
    }
}

/// A problem that does not stop the command (the YAML is written, only its
/// check could not run).
fn galat(lang: Lang, m: &Msg) {
    let word = if lang == Lang::Id { "galat" } else { "error" };
    eprintln!("{word}: {}", m.get(lang));
}

fn satu(input: &Path, output: Option<&Path>, lang: Lang, out: &mut dyn Write) -> Result<u8, Henti> {
    let d = match dari_berkas(input) {
        Ok(d) => d,
        Err(Tolak::Berkas(m)) => return Err(m.into()),
        Err(t) => {
            let m = t.pesan();
            let f = input.display();
            let (id, en) = (m.id, m.en);
            return Err(msg!("{f}: {id}", "{f}: {en}").into());
        }
    };
    // A named output directory is judged as the sandbox judges any named
    // path; a file to be made, from the real directory that will hold it.
    let (path, root) = match output {
        Some(o) if sandbox::is_dir(o) => (o.join(nama_berkas(&d)), Root::of_named(o)),
        Some(o) => (o.to_owned(), Root::of_new(o)),
        None => {
            let p = PathBuf::from(nama_berkas(&d));
            let root = Root::of_new(&p);
            (p, root)
        }
    };
    root.map_err(|g| g.pesan_tulis(&path))
        .and_then(|root| tulis_baru(&root, &path, &d, input))?;
    writeln!(out, "{} → {}", input.display(), path.display())?;
    periksa(&[path], lang, out)?;
    Ok(0)
}

fn folder(
    input: &Path,
    output: Option<&Path>,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<u8, Henti> {
    let dari = Root::of_named(input).map_err(|g| g.pesan(input, Jenis::Impor))?;
    // Links are listed, never followed: the sandbox judges each file when
    // it is read. Hidden folders (`.git`) are not searched.
    let files: Vec<PathBuf> = walkdir::WalkDir::new(input)
        .max_depth(16)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'))
        .filter_map(Result::ok)
        // links and special files too: each is judged by the sandbox when
        // read, and a refused one is named in the summary with its reason
        .filter(|e| !e.file_type().is_dir())
        .map(|e| e.into_path())
        .filter(|p| {
            p.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "pdf" | "docx" | "doc"))
        })
        .collect();
    if files.is_empty() {
        let d = input.display();
        writeln!(
            out,
            "{}",
            msg!(
                "tidak ada berkas PDF atau DOCX di {d}; tidak ada yang ditulis",
                "no PDF or DOCX file in {d}; nothing written"
            )
            .get(lang)
        )?;
        return Ok(0);
    }
    let dir = output
        .map(Path::to_owned)
        .unwrap_or_else(|| input.to_owned());
    if let Err(e) = sandbox::create_output_dir(&dir) {
        let d = dir.display();
        return Err(msg!("tidak dapat membuat {d}: {e}", "cannot create {d}: {e}").into());
    }
    let ke = Root::of_named(&dir).map_err(|g| g.pesan_tulis(&dir))?;
    let bar = if std::io::stderr().is_terminal() && std::env::var_os("CI").is_none() {
        indicatif::ProgressBar::new(files.len() as u64)
    } else {
        indicatif::ProgressBar::hidden()
    };
    let read: Vec<Result<Dokumen, Tolak>> = files
        .par_iter()
        .map(|f| {
            let r = dari_berkas_di(&dari, f);
            bar.inc(1);
            r
        })
        .collect();
    bar.finish_and_clear();
    let mut taken: Vec<PathBuf> = Vec::new();
    let mut hasil = Vec::new();
    for (f, r) in files.iter().zip(read) {
        let h = match r {
            Err(t) => Outcome::Ditolak(t.pesan()),
            Ok(d) => {
                let path = unik(&dir, &nama_berkas(&d), &taken);
                taken.push(path.clone());
                match tulis_baru(&ke, &path, &d, f) {
                    Ok(()) => Outcome::Ditulis(path),
                    Err(m) => Outcome::Ditolak(m),
                }
            }
        };
        hasil.push(h);
    }
    let written: Vec<PathBuf> = hasil
        .iter()
        .filter_map(|h| match h {
            Outcome::Ditulis(p) => Some(p.clone()),
            Outcome::Ditolak(_) => None,
        })
        .collect();
    let reports = periksa(&written, lang, out)?;
    ringkasan(&files, &hasil, &reports, lang, out)?;
    Ok(u8::from(
        hasil.iter().any(|h| matches!(h, Outcome::Ditolak(_))),
    ))
}

/// The file name for an imported SOP: from its nama.
fn nama_berkas(d: &Dokumen) -> String {
    let nama = if d.nama.ada() {
        d.nama.teks.as_str()
    } else {
        "sop-impor"
    };
    format!("{}.yaml", crate::app::init::slug(nama))
}

/// `name` in `dir`, or `name-2`, `name-3`… when another SOP of this batch
/// already took it. (A file already on disk is never replaced: see
/// [`tulis_baru`].)
fn unik(dir: &Path, name: &str, taken: &[PathBuf]) -> PathBuf {
    let stem = name.trim_end_matches(".yaml");
    let mut p = dir.join(name);
    let mut n = 2;
    while taken.contains(&p) {
        p = dir.join(format!("{stem}-{n}.yaml"));
        n += 1;
    }
    p
}

/// Writes the YAML of `d` to `path` in `root`, which must not exist yet;
/// never through a link out of `root`.
fn tulis_baru(root: &Root, path: &Path, d: &Dokumen, asal: &Path) -> Result<(), Msg> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let schema = root.path().join("schema/sop.schema.json");
    let modeline = root
        .locate(&schema)
        .is_ok()
        .then(|| crate::app::init::relative(dir, &schema));
    let nama = asal
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let text = tulis::yaml(d, modeline.as_deref(), &nama);
    match root.write_new(path, text.as_bytes()) {
        Ok(true) => Ok(()),
        Ok(false) => {
            let shown = path.display();
            Err(msg!(
                "{shown} sudah ada dan tidak ditimpa; pilih nama lain dengan -o atau pindahkan berkas itu",
                "{shown} already exists and is not overwritten; choose another name with -o or move that file"
            ))
        }
        Err(g) => Err(g.pesan_tulis(path)),
    }
}

/// Checks the written files and prints the findings.
fn periksa(
    paths: &[PathBuf],
    lang: Lang,
    out: &mut dyn Write,
) -> std::io::Result<Vec<crate::app::batch::FileReport>> {
    if paths.is_empty() {
        return Ok(Vec::new());
    }
    let config = match crate::app::batch::config_for(&paths[0]) {
        Ok(c) => c,
        Err(m) => {
            galat(lang, &m);
            return Ok(Vec::new());
        }
    };
    match crate::app::batch::check_paths(paths, &config) {
        Ok(reports) => {
            let color = std::io::stdout().is_terminal();
            write!(out, "{}", crate::app::report::human(&reports, lang, color))?;
            Ok(reports)
        }
        Err(m) => {
            galat(lang, &m);
            Ok(Vec::new())
        }
    }
}

fn ringkasan(
    files: &[PathBuf],
    hasil: &[Outcome],
    reports: &[crate::app::batch::FileReport],
    lang: Lang,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let bersih = Msg::new("bersih", "clean");
    let temuan = Msg::new("dengan temuan", "with findings");
    let tolak = Msg::new("ditolak", "refused");
    let (bersih, temuan, tolak) = (bersih.get(lang), temuan.get(lang), tolak.get(lang));
    let mut counts = [0usize; 3];
    writeln!(out)?;
    for (f, h) in files.iter().zip(hasil) {
        let (kata, rinci) = match h {
            Outcome::Ditulis(p) => {
                let r = reports.iter().find(|r| &r.path == p);
                let (e, w) = r.map_or((0, 0), |r| (r.errors(), r.warnings()));
                if e + w == 0 {
                    counts[0] += 1;
                    (bersih, p.display().to_string())
                } else {
                    counts[1] += 1;
                    let g = Severity::Error.word(lang);
                    let pw = Severity::Warning.word(lang);
                    (temuan, format!("{} ({e} {g}, {w} {pw})", p.display()))
                }
            }
            Outcome::Ditolak(m) => {
                counts[2] += 1;
                (tolak, m.get(lang).to_owned())
            }
        };
        writeln!(out, "{:<14} {}  {}", kata, f.display(), rinci)?;
    }
    writeln!(
        out,
        "\n{} {bersih}, {} {temuan}, {} {tolak}",
        counts[0], counts[1], counts[2]
    )
}
