//! The repository sandbox through the binary: nothing outside the repository
//! is read or written, no special file is opened, nothing a link points at
//! reaches the output, and the result is the same however the path is
//! spelled and wherever sopc runs. One test per kind of file (SOP, defaults,
//! `sopc.toml`, logo, keputusan/penjelasan, `keterkaitan`, `init`), with
//! links out of the repository, FIFOs, `/dev/zero` and `/proc/self/environ`.
#![cfg(unix)]

mod common;

use common::sopc;
use serde_json::Value;
use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// A secret outside every repository, and an environment variable the
/// child gets: neither may ever appear in sopc's output.
const SECRET: &str = "RAHASIA-DI-LUAR-9f3c";
const TOKEN: &str = "TOKEN-LINGKUNGAN-51e7";

/// A test directory: `luar/` beside the repository `repo/` (with
/// `sopc.toml`), whose `sops/_default.yaml` gives `instansi` and
/// `disahkan_oleh` to `sops/a.yaml`.
struct Repo {
    _tmp: tempfile::TempDir,
    base: PathBuf,
    root: PathBuf,
}

impl Repo {
    fn new() -> Repo {
        let tmp = tempfile::tempdir().unwrap();
        let base = tmp.path().canonicalize().unwrap();
        let root = base.join("repo");
        std::fs::create_dir_all(root.join("sops/sub")).unwrap();
        std::fs::create_dir_all(base.join("luar")).unwrap();
        std::fs::write(root.join("sopc.toml"), "").unwrap();
        let (sop, defaults) = kudus_split();
        std::fs::write(root.join("sops/_default.yaml"), defaults).unwrap();
        std::fs::write(root.join("sops/a.yaml"), &sop).unwrap();
        // Broken YAML: a parser error would show it in a snippet.
        std::fs::write(
            base.join("luar/rahasia.yaml"),
            format!("{SECRET}: [\n{SECRET}\n"),
        )
        .unwrap();
        Repo {
            _tmp: tmp,
            base,
            root,
        }
    }

    fn sops(&self) -> PathBuf {
        self.root.join("sops")
    }

    /// Runs sopc in `cwd`, with the secret token in its environment; stops
    /// it after 30 s (a FIFO read would wait forever).
    fn run(&self, cwd: &Path, args: &[&str]) -> Out {
        let out = sopc()
            .current_dir(cwd)
            .env("SECRET_TOKEN", TOKEN)
            .args(args)
            .timeout(Duration::from_secs(30))
            .output()
            .unwrap();
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            !text.contains(SECRET) && !text.contains(TOKEN),
            "content from outside the repository reached the output:\n{text}"
        );
        assert!(!text.contains("panicked"), "{text}");
        Out {
            code: out.status.code(),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            text,
        }
    }

    /// Writes `sops/name`, the SOP `a.yaml` with `entries` first under
    /// `keterkaitan`; the line of the first entry.
    fn sop_with_keterkaitan(&self, name: &str, entries: &str) -> u64 {
        let text = std::fs::read_to_string(self.sops().join("a.yaml")).unwrap();
        let at = text.find("keterkaitan:\n").unwrap() + "keterkaitan:\n".len();
        let text = format!("{}{entries}{}", &text[..at], &text[at..]);
        std::fs::write(self.sops().join(name), &text).unwrap();
        text[..at].lines().count() as u64 + 1
    }

    /// `check --format json` of `args`, run in `cwd`: exit code and
    /// findings.
    fn check(&self, cwd: &Path, args: &[&str]) -> (Option<i32>, Vec<Temuan>) {
        let args = [&["check", "--format", "json"][..], args].concat();
        let out = self.run(cwd, &args);
        let v: Value =
            serde_json::from_str(&out.stdout).unwrap_or_else(|e| panic!("json: {e}\n{}", out.text));
        (out.code, temuan(&v))
    }
}

struct Out {
    code: Option<i32>,
    stdout: String,
    text: String,
}

/// (file name, line, code) of an error.
type Temuan = (String, u64, String);

/// The errors (the example SOP's style warnings are beside the point here).
fn temuan(v: &Value) -> Vec<Temuan> {
    let mut out = Vec::new();
    for f in v["berkas"].as_array().unwrap() {
        for t in f["temuan"].as_array().unwrap() {
            if t["tingkat"] != "error" {
                continue;
            }
            let file = Path::new(t["berkas"].as_str().unwrap())
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            out.push((
                file,
                t["baris"].as_u64().unwrap(),
                t["kode"].as_str().unwrap().to_owned(),
            ));
        }
    }
    out.sort();
    out
}

fn t(file: &str, line: u64, code: &str) -> Temuan {
    (file.to_owned(), line, code.to_owned())
}

/// The Kudus example split in two: the SOP without `instansi` and
/// `disahkan_oleh`, and a defaults file with just those.
fn kudus_split() -> (String, String) {
    let text = std::fs::read_to_string("sops/kudus-kunjungan-kerja.yaml").unwrap();
    let (mut sop, mut defaults) = (String::new(), String::new());
    let mut inherited = false;
    for line in text.lines() {
        if !line.starts_with([' ', '#']) && !line.is_empty() {
            inherited = line.starts_with("instansi:") || line.starts_with("disahkan_oleh:");
        }
        let to = if inherited { &mut defaults } else { &mut sop };
        to.push_str(line);
        to.push('\n');
    }
    (sop, defaults)
}

fn mkfifo(path: &Path) {
    let ok = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo (coreutils) runs");
    assert!(ok.success());
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn an_sop_that_is_a_link_out_or_a_special_file_is_a_finding_and_the_others_are_checked() {
    let r = Repo::new();
    let sops = r.sops();
    symlink(r.base.join("luar/rahasia.yaml"), sops.join("tautan.yaml")).unwrap();
    symlink("/proc/self/environ", sops.join("lingkungan.yaml")).unwrap();
    symlink("/dev/zero", sops.join("nol.yaml")).unwrap();
    symlink("tidak-ada.yaml", sops.join("hilang.yaml")).unwrap();
    mkfifo(&sops.join("pipa.yaml"));
    let (code, found) = r.check(&r.root, &["sops"]);
    assert_eq!(code, Some(1));
    assert_eq!(
        found,
        vec![
            t("hilang.yaml", 1, "berkas-tidak-terbaca"),
            t("lingkungan.yaml", 1, "berkas-di-luar"),
            t("nol.yaml", 1, "berkas-di-luar"),
            t("pipa.yaml", 1, "berkas-tidak-terbaca"),
            t("tautan.yaml", 1, "berkas-di-luar"),
        ],
        "a.yaml is checked too, and clean"
    );
    // Named on the command line: the same findings.
    for name in ["tautan.yaml", "lingkungan.yaml", "nol.yaml"] {
        let (code, found) = r.check(&r.root, &[&format!("sops/{name}")]);
        assert_eq!((code, found), (Some(1), vec![t(name, 1, "berkas-di-luar")]));
    }
    let out = r.run(&r.root, &["check", "sops/pipa.yaml"]);
    assert_eq!(out.code, Some(1), "{}", out.text);
    assert!(
        out.text
            .contains("berkas SOP `sops/pipa.yaml` adalah sebuah pipa bernama (FIFO)"),
        "{}",
        out.text
    );
    let out = r.run(&r.root, &["--lang", "en", "check", "sops/tautan.yaml"]);
    assert!(
        out.text
            .contains("the SOP file `sops/tautan.yaml` lies outside the repository"),
        "{}",
        out.text
    );
    // A path that does not exist at all is still a usage error.
    let out = r.run(&r.root, &["check", "sops/tidak-ada.yaml"]);
    assert_eq!(out.code, Some(2), "{}", out.text);
}

#[test]
fn a_defaults_file_that_is_a_link_out_or_a_special_file_is_refused_without_its_content() {
    let targets: [(&str, &str); 4] = [
        ("rahasia", "berkas-di-luar"),
        ("/proc/self/environ", "berkas-di-luar"),
        ("/dev/zero", "berkas-di-luar"),
        ("fifo", "berkas-tidak-terbaca"),
    ];
    for (target, code) in targets {
        let r = Repo::new();
        let defaults = r.sops().join("_default.yaml");
        std::fs::remove_file(&defaults).unwrap();
        match target {
            "rahasia" => symlink(r.base.join("luar/rahasia.yaml"), &defaults).unwrap(),
            "fifo" => mkfifo(&defaults),
            t => symlink(t, &defaults).unwrap(),
        }
        let (exit, found) = r.check(&r.root, &["sops"]);
        assert_eq!(exit, Some(1), "{target}");
        assert!(
            found.contains(&t("_default.yaml", 1, code)),
            "{target}: {found:?}"
        );
        // Nothing was merged: the SOP misses what the defaults gave.
        assert!(
            found
                .iter()
                .any(|(f, _, c)| f == "a.yaml" && c == "wajib-ada"),
            "{target}: {found:?}"
        );
        let out = r.run(&r.root, &["check", "sops"]);
        assert!(
            out.text.contains("berkas bawaan `sops/_default.yaml`"),
            "{target}: {}",
            out.text
        );
    }
}

#[test]
fn sopc_toml_that_is_a_link_out_or_a_special_file_is_refused_by_name() {
    for target in ["rahasia", "/proc/self/environ", "/dev/zero", "fifo"] {
        let r = Repo::new();
        let toml = r.root.join("sopc.toml");
        std::fs::remove_file(&toml).unwrap();
        std::fs::write(r.base.join("luar/rahasia.toml"), format!("{SECRET} = [\n")).unwrap();
        match target {
            "rahasia" => symlink(r.base.join("luar/rahasia.toml"), &toml).unwrap(),
            "fifo" => mkfifo(&toml),
            t => symlink(t, &toml).unwrap(),
        }
        let out = r.run(&r.root, &["check", "sops"]);
        assert_eq!(out.code, Some(2), "{target}: {}", out.text);
        let named = format!("berkas konfigurasi `{}`", toml.display());
        assert!(out.text.contains(&named), "{target}: {}", out.text);
    }
}

#[test]
fn a_logo_that_is_a_link_out_or_a_special_file_is_a_finding_at_its_line() {
    let r = Repo::new();
    let defaults = r.sops().join("_default.yaml");
    let text = std::fs::read_to_string(&defaults).unwrap();
    let line = text
        .lines()
        .position(|l| l.starts_with("  nama: Dinas"))
        .unwrap() as u64
        + 2;
    let cases = [
        ("luar.png", "logo-di-luar"),
        ("nol.png", "logo-di-luar"),
        ("pipa.png", "berkas-tidak-terbaca"),
        ("besar.png", "berkas-terlalu-besar"),
    ];
    std::fs::write(r.base.join("luar/luar.png"), b"\x89PNG\r\n\x1a\n").unwrap();
    symlink(r.base.join("luar/luar.png"), r.sops().join("luar.png")).unwrap();
    symlink("/dev/zero", r.sops().join("nol.png")).unwrap();
    mkfifo(&r.sops().join("pipa.png"));
    let mut besar = b"\x89PNG\r\n\x1a\n".to_vec();
    besar.resize(17 * 1024 * 1024, 0);
    std::fs::write(r.sops().join("besar.png"), besar).unwrap();
    for (logo, code) in cases {
        let with_logo = text.replacen(
            "  nama: Dinas Pemberdayaan Masyarakat dan Desa\n",
            &format!("  nama: Dinas Pemberdayaan Masyarakat dan Desa\n  logo: {logo}\n"),
            1,
        );
        std::fs::write(&defaults, &with_logo).unwrap();
        let (exit, found) = r.check(&r.root, &["sops/a.yaml"]);
        assert_eq!(exit, Some(1), "{logo}");
        assert_eq!(found, vec![t("_default.yaml", line, code)], "{logo}");
        // build refuses it as well and writes nothing
        let out = r.run(&r.root, &["build", "sops/a.yaml"]);
        assert_eq!(out.code, Some(1), "{logo}: {}", out.text);
        assert!(!r.sops().join("a.pdf").exists());
    }
}

#[test]
fn keputusan_and_penjelasan_are_read_only_inside_and_within_their_caps() {
    let r = Repo::new();
    std::fs::write(r.base.join("luar/keputusan.pdf"), b"%PDF-1.7\n").unwrap();
    symlink(r.base.join("luar/keputusan.pdf"), r.root.join("kep.pdf")).unwrap();
    symlink("/dev/zero", r.root.join("nol.pdf")).unwrap();
    symlink("/proc/self/environ", r.root.join("env.txt")).unwrap();
    mkfifo(&r.root.join("pipa.txt"));
    std::fs::write(r.root.join("panjang.txt"), "a".repeat(2 * 1024 * 1024)).unwrap();
    let cases: [(&str, &str, &str); 6] = [
        (
            "--keputusan",
            "kep.pdf",
            "berkas keputusan `kep.pdf` berada di luar repositori",
        ),
        (
            "--keputusan",
            "nol.pdf",
            "berkas keputusan `nol.pdf` berada di luar repositori",
        ),
        (
            "--keputusan",
            "../luar/keputusan.pdf",
            "berada di luar repositori",
        ),
        (
            "--penjelasan",
            "env.txt",
            "berkas penjelasan `env.txt` berada di luar repositori",
        ),
        (
            "--penjelasan",
            "pipa.txt",
            "berkas penjelasan `pipa.txt` adalah sebuah pipa bernama (FIFO)",
        ),
        (
            "--penjelasan",
            "panjang.txt",
            "berkas penjelasan `panjang.txt` melebihi batas 1 MiB",
        ),
    ];
    for (flag, file, pesan) in cases {
        let out = r.run(&r.root, &["buku", "sops", "-o", "buku.pdf", flag, file]);
        assert_eq!(out.code, Some(2), "{file}: {}", out.text);
        assert!(out.text.contains(pesan), "{file}: {}", out.text);
        assert!(!r.root.join("buku.pdf").exists());
    }
    // The same from sopc.toml.
    std::fs::write(
        r.root.join("sopc.toml"),
        "[buku]\npenjelasan = \"pipa.txt\"\n",
    )
    .unwrap();
    let out = r.run(&r.root, &["buku", "sops", "-o", "buku.pdf"]);
    assert_eq!(out.code, Some(2), "{}", out.text);
    assert!(out.text.contains("pipa bernama (FIFO)"), "{}", out.text);
}

#[test]
fn keterkaitan_berkas_outside_the_repository_is_a_finding_at_its_line() {
    let r = Repo::new();
    std::fs::create_dir_all(r.base.join("elsewhere")).unwrap();
    std::fs::copy(r.sops().join("a.yaml"), r.base.join("elsewhere/x.yaml")).unwrap();
    symlink(
        r.base.join("elsewhere/x.yaml"),
        r.sops().join("tautan-x.yaml"),
    )
    .unwrap();
    let line = r.sop_with_keterkaitan(
        "b.yaml",
        "  - berkas: ../../elsewhere/x.yaml\n  - berkas: /etc/passwd\n  - berkas: tautan-x.yaml\n",
    );
    let (code, found) = r.check(&r.root, &["sops/b.yaml"]);
    assert_eq!(code, Some(1));
    assert_eq!(
        found,
        vec![
            t("b.yaml", line, "keterkaitan-di-luar"),
            t("b.yaml", line + 1, "keterkaitan-di-luar"),
            t("b.yaml", line + 2, "keterkaitan-di-luar"),
        ]
    );
}

#[test]
fn init_never_writes_through_a_link_out_of_the_target() {
    let r = Repo::new();
    let target = r.base.join("baru");
    std::fs::create_dir_all(&target).unwrap();
    symlink(r.base.join("luar"), target.join("schema")).unwrap();
    symlink(r.base.join("luar/rahasia.yaml"), target.join(".gitignore")).unwrap();
    let before = std::fs::read(r.base.join("luar/rahasia.yaml")).unwrap();
    let out = r.run(&r.base, &["init", "baru"]);
    assert_eq!(out.code, Some(2), "{}", out.text);
    assert!(
        out.text
            .contains("baru/schema/sop.schema.json` berada di luar repositori"),
        "{}",
        out.text
    );
    let mut luar: Vec<_> = std::fs::read_dir(r.base.join("luar"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    luar.sort();
    assert_eq!(luar, ["rahasia.yaml"], "nothing written outside");
    assert_eq!(
        std::fs::read(r.base.join("luar/rahasia.yaml")).unwrap(),
        before
    );
}

#[test]
fn the_result_does_not_depend_on_the_spelling_of_the_path_or_the_working_directory() {
    let r = Repo::new();
    let sub = r.sops().join("sub");
    // An SOP in a subfolder inherits from sops/_default.yaml.
    std::fs::copy(r.sops().join("a.yaml"), sub.join("x.yaml")).unwrap();
    // A defaults file above the repository root is never merged.
    std::fs::write(
        r.base.join("_default.yaml"),
        "status: final\ninstansi:\n  nama: Luar\n",
    )
    .unwrap();
    let lone = r.root.join("lain");
    std::fs::create_dir_all(&lone).unwrap();
    let (sop, _) = kudus_split();
    std::fs::write(lone.join("c.yaml"), &sop).unwrap();
    let abs = sub.join("x.yaml");
    let spellings: [(&Path, String); 5] = [
        (&r.root, "sops/sub/x.yaml".into()),
        (&r.base, "repo/sops/sub/x.yaml".into()),
        (&sub, "x.yaml".into()),
        (Path::new("/"), s(&abs).into()),
        (&r.sops(), "./sub/../sub/x.yaml".into()),
    ];
    for (cwd, path) in &spellings {
        let (code, found) = r.check(cwd, &[path]);
        assert_eq!(
            (code, found),
            (Some(0), vec![]),
            "{} in {}",
            path,
            cwd.display()
        );
    }
    let c_abs = lone.join("c.yaml");
    let spellings: [(&Path, String); 3] = [
        (&r.base, "repo/lain/c.yaml".into()),
        (&lone, "c.yaml".into()),
        (Path::new("/"), s(&c_abs).into()),
    ];
    for (cwd, path) in &spellings {
        let (code, found) = r.check(cwd, &[path]);
        assert_eq!(code, Some(1), "{path}");
        let codes: Vec<&str> = found.iter().map(|(_, _, c)| c.as_str()).collect();
        assert_eq!(
            codes,
            ["wajib-ada", "wajib-ada"],
            "{path} in {}: {found:?}",
            cwd.display()
        );
    }
}

#[test]
fn one_unreadable_file_in_a_directory_run_does_not_stop_the_others() {
    let r = Repo::new();
    let sops = r.sops();
    mkfifo(&sops.join("pipa.yaml"));
    symlink("sudah-dihapus.yaml", sops.join("hilang.yaml")).unwrap();
    // (`check` gives one finding each: see the first test.) Reading
    // failures cannot be switched off.
    std::fs::write(
        r.root.join("sopc.toml"),
        "[aturan]\nberkas-tidak-terbaca = \"off\"\n",
    )
    .unwrap();
    let out = r.run(&r.root, &["check", "sops"]);
    assert_eq!(out.code, Some(2), "{}", out.text);
    assert!(
        out.text
            .contains("`berkas-tidak-terbaca` tidak dapat dimatikan"),
        "{}",
        out.text
    );
    std::fs::write(r.root.join("sopc.toml"), "").unwrap();

    // build writes the PDF of the good SOP and reports the others.
    let out = r.run(&r.root, &["build", "sops"]);
    assert_eq!(out.code, Some(1), "{}", out.text);
    assert!(sops.join("a.pdf").is_file(), "{}", out.text);
    assert!(out.text.contains("pipa bernama (FIFO)"), "{}", out.text);
    // buku makes no book, with the findings, exit 1.
    let out = r.run(&r.root, &["buku", "sops", "-o", "buku.pdf"]);
    assert_eq!(out.code, Some(1), "{}", out.text);
    assert!(out.text.contains("hilang.yaml"), "{}", out.text);
    assert!(!r.root.join("buku.pdf").exists());
}

#[test]
fn an_unreadable_subdirectory_is_a_finding_when_permissions_apply() {
    let r = Repo::new();
    let closed = r.sops().join("tertutup");
    std::fs::create_dir(&closed).unwrap();
    std::fs::write(closed.join("d.yaml"), "nomor: 1\n").unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&closed, std::fs::Permissions::from_mode(0o000)).unwrap();
    // Root reads anything: then there is nothing unreadable to report.
    let applies = std::fs::read_dir(&closed).is_err();
    let (code, found) = r.check(&r.root, &["sops"]);
    std::fs::set_permissions(&closed, std::fs::Permissions::from_mode(0o755)).unwrap();
    if applies {
        assert_eq!(code, Some(1));
        assert_eq!(found, vec![t("tertutup", 1, "berkas-tidak-terbaca")]);
    } else {
        assert_eq!(code, Some(1));
        assert!(found.iter().all(|(f, _, _)| f == "d.yaml"), "{found:?}");
    }
}

#[test]
fn the_github_step_summary_keeps_one_row_per_finding() {
    let r = Repo::new();
    r.sop_with_keterkaitan(
        "a.yaml",
        "  - nomor: \"1\\n| x | y |\\n# Disuntik\\n[tautan](http://x) &lt;b>\"\n",
    );
    let summary = r.base.join("summary.md");
    let out = sopc()
        .current_dir(&r.root)
        .env("GITHUB_STEP_SUMMARY", &summary)
        .args(["check", "--format", "github", "sops"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let md = std::fs::read_to_string(&summary).unwrap();
    let annotations = String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|l| l.starts_with("::"))
        .count();
    let rows: Vec<&str> = md.lines().filter(|l| l.starts_with('|')).collect();
    assert_eq!(
        rows.len(),
        2 + annotations,
        "header, rule, one row per finding:\n{md}"
    );
    let injected = rows
        .iter()
        .find(|r| r.contains("keterkaitan-tidak-ada"))
        .unwrap_or_else(|| panic!("{md}"));
    assert!(injected.contains("Disuntik"), "{md}");
    for row in &rows[2..] {
        assert!(row.ends_with(" |"), "{md}");
        assert_eq!(row.matches(" | ").count(), 4, "five cells: {md}");
    }
    assert!(!md.contains("[tautan](") && !md.contains("&lt;"), "{md}");
    assert!(
        !md.lines()
            .any(|l| l.starts_with('#') && l != "## sopc check"),
        "{md}"
    );
}

#[test]
fn new_never_writes_through_a_link_out_of_the_repository() {
    let r = Repo::new();
    std::fs::rename(r.sops(), r.root.join("sops-asli")).unwrap();
    symlink(r.base.join("luar"), r.sops()).unwrap();
    let out = r.run(&r.root, &["new", "Pelayanan Uji", "--nomor", "800/1/2026"]);
    assert_eq!(out.code, Some(2), "{}", out.text);
    assert!(
        out.text
            .contains("pelayanan-uji.yaml` berada di luar repositori"),
        "{}",
        out.text
    );
    let luar: Vec<_> = std::fs::read_dir(r.base.join("luar"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(luar, ["rahasia.yaml"], "nothing written outside");
}

#[test]
fn a_directory_link_out_of_the_repository_does_not_carry_the_run_out() {
    let r = Repo::new();
    // `sopc check sops` in CI, on a pull request that made `sops` a link.
    std::fs::rename(r.sops(), r.root.join("sops-asli")).unwrap();
    symlink(r.base.join("luar"), r.sops()).unwrap();
    // Nor is the configuration looked for there.
    std::fs::write(r.base.join("luar/sopc.toml"), format!("{SECRET} = [\n")).unwrap();
    let (code, found) = r.check(&r.root, &["sops"]);
    assert_eq!(code, Some(1));
    assert_eq!(found, vec![t("rahasia.yaml", 1, "berkas-di-luar")]);
    let out = r.run(&r.root, &["build", "sops"]);
    assert_eq!(out.code, Some(1), "{}", out.text);
    // A link inside the repository is followed.
    std::fs::remove_file(r.sops()).unwrap();
    symlink(r.root.join("sops-asli"), r.sops()).unwrap();
    let (code, found) = r.check(&r.root, &["sops"]);
    assert_eq!((code, found), (Some(0), vec![]));
}

#[test]
fn the_hidden_parts_of_the_repository_are_never_read() {
    let r = Repo::new();
    // actions/checkout keeps the token in .git/config.
    std::fs::create_dir_all(r.root.join(".git")).unwrap();
    std::fs::write(
        r.root.join(".git/config"),
        format!("[http]\n\textraheader = AUTHORIZATION: basic {SECRET}\n"),
    )
    .unwrap();
    std::fs::write(r.root.join(".env"), format!("TOKEN={SECRET}\n")).unwrap();
    symlink("../.git/config", r.sops().join("git.yaml")).unwrap();
    let line = r.sop_with_keterkaitan("b.yaml", "  - berkas: ../.git/config\n");
    let (code, found) = r.check(&r.root, &["sops"]);
    assert_eq!(code, Some(1));
    assert_eq!(
        found,
        vec![
            t("b.yaml", line, "keterkaitan-di-luar"),
            t("git.yaml", 1, "berkas-di-luar"),
        ]
    );
    let out = r.run(&r.root, &["check", "sops/git.yaml"]);
    assert!(
        out.text.contains("berada di bagian tersembunyi repositori"),
        "{}",
        out.text
    );
    std::fs::remove_file(r.sops().join("b.yaml")).unwrap();
    std::fs::remove_file(r.sops().join("git.yaml")).unwrap();
    let out = r.run(&r.root, &["buku", "sops", "--penjelasan", ".env"]);
    assert_eq!(out.code, Some(2), "{}", out.text);
    assert!(
        out.text
            .contains("berkas penjelasan `.env` berada di bagian tersembunyi"),
        "{}",
        out.text
    );
}

#[test]
fn impor_of_a_folder_names_every_link_out_and_special_file_it_refused() {
    let r = Repo::new();
    let masuk = r.root.join("masuk");
    std::fs::create_dir(&masuk).unwrap();
    let out = r.run(&r.root, &["build", "sops/a.yaml", "-o", "masuk/a.pdf"]);
    assert_eq!(out.code, Some(0), "{}", out.text);
    std::fs::write(
        r.base.join("luar/rahasia.pdf"),
        format!("%PDF-1.4\n{SECRET}\n"),
    )
    .unwrap();
    symlink(r.base.join("luar/rahasia.pdf"), masuk.join("tautan.pdf")).unwrap();
    symlink("/proc/self/environ", masuk.join("lingkungan.docx")).unwrap();
    symlink("/dev/zero", masuk.join("nol.pdf")).unwrap();
    symlink("tidak-ada.pdf", masuk.join("hilang.pdf")).unwrap();
    mkfifo(&masuk.join("pipa.pdf"));
    let out = r.run(&r.root, &["impor", "masuk", "-o", "hasil"]);
    assert_eq!(out.code, Some(1), "{}", out.text);
    let ditolak: Vec<&str> = out
        .stdout
        .lines()
        .filter(|l| l.starts_with("ditolak"))
        .collect();
    for (name, why) in [
        ("hilang.pdf", "masuk/hilang.pdf"),
        ("lingkungan.docx", "berada di luar repositori"),
        ("nol.pdf", "berada di luar repositori"),
        ("pipa.pdf", "pipa bernama (FIFO)"),
        ("tautan.pdf", "berada di luar repositori"),
    ] {
        assert!(
            ditolak
                .iter()
                .any(|l| l.contains(&format!("masuk/{name}")) && l.contains(why)),
            "{name}: {why}\n{}",
            out.text
        );
    }
    assert_eq!(ditolak.len(), 5, "{}", out.text);
    assert!(out.stdout.trim_end().ends_with("5 ditolak"), "{}", out.text);
    let written: Vec<_> = std::fs::read_dir(r.root.join("hasil")).unwrap().collect();
    assert_eq!(written.len(), 1, "only a.pdf is imported");
    // a folder with nothing to import says so and writes nothing
    std::fs::create_dir(r.root.join("kosong")).unwrap();
    let out = r.run(&r.root, &["impor", "kosong", "-o", "kosong-hasil"]);
    assert_eq!(out.code, Some(0), "{}", out.text);
    assert!(
        out.text
            .contains("tidak ada berkas PDF atau DOCX di kosong"),
        "{}",
        out.text
    );
    assert!(!r.root.join("kosong-hasil").exists());
}
