//! The command line around the commands: what `main` does with standard
//! output that fails, and the decisions the library makes for the CLI
//! (`$GITHUB_STEP_SUMMARY`, where `new` and `buku` write by default).

mod common;

use common::sopc;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};

/// A folder of `n` SOP files with 13 findings each, about 2.7 kB of human
/// output per file.
fn many_findings(dir: &Path, n: usize) {
    for i in 0..n {
        std::fs::write(dir.join(format!("sop-{i:03}.yaml")), "foo: 1\n").unwrap();
    }
}

/// `sopc check sops/ | head -1`: the reader takes one line and closes the
/// pipe while sopc still has some 500 kB to write (a pipe holds 64 kB), so
/// the write fails. That is the reader's choice, not an error: exit 0,
/// nothing on standard error, no panic.
#[test]
fn a_reader_closing_the_pipe_early_is_exit_0() {
    let dir = tempfile::tempdir().unwrap();
    many_findings(dir.path(), 200);
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("sopc"))
        .arg("check")
        .arg(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert_eq!(first, "kunci-tidak-dikenal\n");
    // the reader is dropped here: the pipe is closed
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(stderr, "");
    assert_eq!(out.status.code(), Some(0));
}

/// Any other failure to write standard output (here a full disk) is an I/O
/// error: said in Bahasa Indonesia, exit status 2.
#[cfg(target_os = "linux")]
#[test]
fn a_full_standard_output_is_an_io_error() {
    let dir = tempfile::tempdir().unwrap();
    many_findings(dir.path(), 1);
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let out = Command::new(assert_cmd::cargo::cargo_bin("sopc"))
        .arg("check")
        .arg(dir.path())
        .stdout(full)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with(
            "galat: tidak dapat menulis ke keluaran standar: ruang penyimpanan penuh\n"
        ),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(out.status.code(), Some(2));
}

/// `--format github` also appends the Markdown summary to the file GitHub
/// Actions names in `$GITHUB_STEP_SUMMARY`, after what is already there.
#[test]
fn github_format_appends_the_step_summary() {
    let dir = tempfile::tempdir().unwrap();
    many_findings(dir.path(), 2);
    let summary = dir.path().join("summary.md");
    std::fs::write(&summary, "langkah sebelumnya\n").unwrap();
    let out = sopc()
        .args(["check", "--format", "github"])
        .arg(dir.path())
        .env("GITHUB_STEP_SUMMARY", &summary)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(stdout.lines().count(), 26);
    assert!(stdout.starts_with("::error file="), "{stdout}");
    let md = std::fs::read_to_string(&summary).unwrap();
    assert!(
        md.starts_with("langkah sebelumnya\n## sopc check\n\n2 berkas, 26 galat, 0 peringatan\n"),
        "{md}"
    );
    assert_eq!(md.matches("| galat | `wajib-ada` |").count(), 22);
}

/// `sopc new` without `--dir` writes in `sops/` at the root of the
/// repository around the working directory, even from a folder below it.
#[test]
fn new_writes_in_the_repository_sops_folder_by_default() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    sopc().arg("init").arg(root).assert().success();
    std::fs::create_dir(root.join("catatan")).unwrap();
    let out = sopc()
        .current_dir(root.join("catatan"))
        .args(["new", "Uji Coba", "--nomor", "800/1/2026"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(root.join("sops/uji-coba.yaml").is_file());
    assert!(!root.join("catatan/uji-coba.yaml").exists());
}
