//! Batch builds at any size (`cargo bench --bench batch`): the release
//! `sopc` binary, run as a child process the way a user runs it, over a
//! repository of N SOPs — the five examples of `sops/` copied with a
//! distinct `nomor` and `nama` each — in a temporary directory. Prints the
//! wall time and the child's peak resident memory (from `wait4`), and exits
//! non-zero when a target of issue 8 is missed:
//!
//! - `sopc build` of 1,000 SOPs: peak RSS under 400 MB, within 1.5× the
//!   peak of 100 SOPs (memory does not grow with the batch), under 30 s;
//! - `sopc buku` of 300 SOPs: peak RSS under 1 GB.
//!
//! `SOPC_BENCH_N=100,1000` chooses other build sizes (the targets are
//! judged only when 100 and 1,000 are among them); `SOPC_BENCH_BUKU=0`
//! skips the book.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const MB: f64 = 1_000_000.0;

/// The examples of `sops/`: (file stem, text).
fn contoh() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("sops");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("the sops/ directory")
        .map(|e| e.expect("a directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let stem = p.file_stem().expect("a file name").to_string_lossy();
            let text = std::fs::read_to_string(&p).expect("an example SOP");
            (stem.into_owned(), text)
        })
        .collect()
}

/// The value of a top-level `key: value` line, without its comment.
fn nilai<'a>(line: &'a str, key: &str) -> Option<&'a str> {
    let v = line.strip_prefix(key)?.strip_prefix(':')?;
    let v = v.split(" #").next().unwrap_or(v).trim();
    Some(v.trim_matches('"'))
}

/// Copy `k` of an example: its own `nomor` and `nama`, so that every SOP
/// of the batch is a different document (nothing reused from a cache).
fn salinan(text: &str, k: usize) -> String {
    text.lines()
        .map(|line| {
            if let Some(nomor) = nilai(line, "nomor") {
                format!("nomor: \"{nomor}/{k:04}\"")
            } else if let Some(nama) = nilai(line, "nama") {
                format!("nama: \"{nama} {k}\"")
            } else {
                line.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A repository of `n` SOPs in a fresh temporary directory.
fn repositori(n: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary directory");
    std::fs::write(dir.path().join("sopc.toml"), "").expect("sopc.toml");
    let sops = dir.path().join("sops");
    std::fs::create_dir(&sops).expect("the sops directory");
    let contoh = contoh();
    for i in 0..n {
        let (stem, text) = &contoh[i % contoh.len()];
        let k = i / contoh.len();
        std::fs::write(sops.join(format!("{stem}-{k:04}.yaml")), salinan(text, k))
            .expect("write an SOP");
    }
    dir
}

/// Wall time and peak RSS (bytes) of one run of `sopc args…` in `dir`.
#[expect(
    clippy::zombie_processes,
    reason = "the child is reaped by wait4, which also gives its rusage"
)]
fn jalankan(dir: &Path, args: &[&str]) -> (Duration, u64) {
    let t = Instant::now();
    let child = Command::new(env!("CARGO_BIN_EXE_sopc"))
        .args(args)
        .current_dir(dir)
        .stdout(std::process::Stdio::null())
        .spawn()
        .expect("sopc starts");
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: an all-zero rusage is a valid value; wait4 fills it in.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: `pid` is our own child, not yet waited for; the pointers are
    // to live locals.
    let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let wall = t.elapsed();
    assert_eq!(r, pid, "wait4: {}", std::io::Error::last_os_error());
    assert!(
        libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0,
        "sopc {} failed (wait status {status})",
        args.join(" ")
    );
    // ru_maxrss is in KiB on Linux
    (wall, usage.ru_maxrss as u64 * 1024)
}

fn pdf_count(dir: &Path) -> usize {
    std::fs::read_dir(dir)
        .map(|d| {
            d.flatten()
                .filter(|e| e.path().extension().is_some_and(|x| x == "pdf"))
                .count()
        })
        .unwrap_or(0)
}

/// `sopc build` of `n` SOPs: wall time and peak RSS.
fn build(n: usize) -> (Duration, u64) {
    let repo = repositori(n);
    let (wall, rss) = jalankan(repo.path(), &["build", "sops", "-o", "pdf"]);
    assert_eq!(pdf_count(&repo.path().join("pdf")), n, "one PDF per SOP");
    println!(
        "sopc build, {n:>5} SOPs: {:>6.1} s wall, peak RSS {:>6.0} MB",
        wall.as_secs_f64(),
        rss as f64 / MB
    );
    (wall, rss)
}

/// `sopc buku` of `n` SOPs: wall time and peak RSS.
fn buku(n: usize) -> (Duration, u64) {
    let repo = repositori(n);
    let (wall, rss) = jalankan(repo.path(), &["buku", "sops", "-o", "buku.pdf"]);
    assert!(
        repo.path().join("buku.pdf").is_file(),
        "the book is written"
    );
    println!(
        "sopc buku,  {n:>5} SOPs: {:>6.1} s wall, peak RSS {:>6.0} MB",
        wall.as_secs_f64(),
        rss as f64 / MB
    );
    (wall, rss)
}

fn main() {
    let sizes: Vec<usize> = std::env::var("SOPC_BENCH_N")
        .ok()
        .map(|s| {
            s.split(',')
                .map(|n| n.trim().parse().expect("SOPC_BENCH_N: numbers"))
                .collect()
        })
        .unwrap_or_else(|| vec![100, 1000]);
    let builds: Vec<(usize, Duration, u64)> = sizes
        .iter()
        .map(|&n| {
            let (wall, rss) = build(n);
            (n, wall, rss)
        })
        .collect();
    let mut missed = Vec::new();
    let of = |n: usize| builds.iter().find(|b| b.0 == n).map(|b| (b.1, b.2));
    if let (Some((_, rss100)), Some((wall1000, rss1000))) = (of(100), of(1000)) {
        let ratio = rss1000 as f64 / rss100 as f64;
        println!(
            "build: peak 1,000 / peak 100 = {ratio:.2}× (target ≤ 1.5×); 1,000 SOPs {:.0} MB (target < 400 MB), {:.1} s (target < 30 s)",
            rss1000 as f64 / MB,
            wall1000.as_secs_f64()
        );
        if rss1000 as f64 >= 400.0 * MB {
            missed.push("build of 1,000 SOPs: peak RSS under 400 MB");
        }
        if ratio > 1.5 {
            missed.push("build: the peak for 1,000 SOPs within 1.5× the peak for 100");
        }
        if wall1000 >= Duration::from_secs(30) {
            missed.push("build of 1,000 SOPs in under 30 s");
        }
    }
    if std::env::var("SOPC_BENCH_BUKU").as_deref() != Ok("0") {
        let (_, rss) = buku(300);
        println!(
            "buku: 300 SOPs {:.0} MB (target < 1,000 MB)",
            rss as f64 / MB
        );
        if rss as f64 >= 1000.0 * MB {
            missed.push("buku of 300 SOPs: peak RSS under 1 GB");
        }
    }
    if !missed.is_empty() {
        for m in &missed {
            eprintln!("target missed: {m}");
        }
        std::process::exit(1);
    }
}
