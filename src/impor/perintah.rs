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
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

/// Standard output, where a closed pipe (`sopc impor DIR | head`) ends the
/// listing quietly instead of panicking as `print!` would.
macro_rules! out {
    () => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout().lock());
    }};
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = write!(std::io::stdout().lock(), $($arg)*);
    }};
}

macro_rules! outln {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout().lock(), $($arg)*);
    }};
}

/// What became of one file.
enum Outcome {
    Ditulis(PathBuf),
    Ditolak(Msg),
}

/// Runs the command; returns the exit status (0 all imported, 1 some of a
/// folder refused, 2 a single file refused or a usage/I-O error).
pub fn perintah(input: &Path, output: Option<&Path>, lang: Lang) -> u8 {
    if sandbox::is_dir(input) {
        folder(input, output, lang)
    } else {
        satu(input, output, lang)
    }
}

fn galat(lang: Lang, m: &Msg) {
    let word = if lang == Lang::Id { "galat" } else { "error" };
    eprintln!("{word}: {}", m.get(lang));
}

fn satu(input: &Path, output: Option<&Path>, lang: Lang) -> u8 {
    let d = match dari_berkas(input) {
        Ok(d) => d,
        Err(Tolak::Berkas(m)) => {
            galat(lang, &m);
            return 2;
        }
        Err(t) => {
            let m = t.pesan();
            let f = input.display();
            let (id, en) = (m.id, m.en);
            galat(lang, &msg!("{f}: {id}", "{f}: {en}"));
            return 2;
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
    let written = root
        .map_err(|g| g.pesan_tulis(&path))
        .and_then(|root| tulis_baru(&root, &path, &d, input));
    match written {
        Ok(()) => {
            outln!("{} → {}", input.display(), path.display());
            periksa(&[path], lang);
            0
        }
        Err(m) => {
            galat(lang, &m);
            2
        }
    }
}

fn folder(input: &Path, output: Option<&Path>, lang: Lang) -> u8 {
    let dari = match Root::of_named(input) {
        Ok(r) => r,
        Err(g) => {
            galat(lang, &g.pesan(input, Jenis::Impor));
            return 2;
        }
    };
    // Links are listed, never followed: the sandbox judges each file when
    // it is read. Hidden folders (`.git`) are not searched.
    let files: Vec<PathBuf> = walkdir::WalkDir::new(input)
        .max_depth(16)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'))
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .filter(|p| {
            p.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "pdf" | "docx" | "doc"))
        })
        .collect();
    let out = output
        .map(Path::to_owned)
        .unwrap_or_else(|| input.to_owned());
    if let Err(e) = sandbox::create_output_dir(&out) {
        let d = out.display();
        galat(
            lang,
            &msg!("tidak dapat membuat {d}: {e}", "cannot create {d}: {e}"),
        );
        return 2;
    }
    let ke = match Root::of_named(&out) {
        Ok(r) => r,
        Err(g) => {
            galat(lang, &g.pesan_tulis(&out));
            return 2;
        }
    };
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
                let path = unik(&out, &nama_berkas(&d), &taken);
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
    let reports = periksa(&written, lang);
    ringkasan(&files, &hasil, &reports, lang);
    if hasil.iter().any(|h| matches!(h, Outcome::Ditolak(_))) {
        1
    } else {
        0
    }
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
fn periksa(paths: &[PathBuf], lang: Lang) -> Vec<crate::app::batch::FileReport> {
    if paths.is_empty() {
        return Vec::new();
    }
    let config = match crate::app::batch::config_for(&paths[0]) {
        Ok(c) => c,
        Err(m) => {
            galat(lang, &m);
            return Vec::new();
        }
    };
    match crate::app::batch::check_paths(paths, &config) {
        Ok(reports) => {
            out!(
                "{}",
                crate::app::report::human(&reports, lang, std::io::stdout().is_terminal())
            );
            reports
        }
        Err(m) => {
            galat(lang, &m);
            Vec::new()
        }
    }
}

fn ringkasan(
    files: &[PathBuf],
    hasil: &[Outcome],
    reports: &[crate::app::batch::FileReport],
    lang: Lang,
) {
    let bersih = Msg::new("bersih", "clean");
    let temuan = Msg::new("dengan temuan", "with findings");
    let tolak = Msg::new("ditolak", "refused");
    let (bersih, temuan, tolak) = (bersih.get(lang), temuan.get(lang), tolak.get(lang));
    let mut counts = [0usize; 3];
    out!();
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
        outln!("{:<14} {}  {}", kata, f.display(), rinci);
    }
    outln!(
        "\n{} {bersih}, {} {temuan}, {} {tolak}",
        counts[0],
        counts[1],
        counts[2]
    );
}
