//! The repository workflow through the binary, in temporary repositories:
//! `init`, `new`, defaults, CI files, `--format gitlab`, completions and man
//! page, and `build --watch`.

mod common;

use common::{halaman, poppler, sopc};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A fresh repository made by `sopc init`.
fn init_repo() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("sop-dinas");
    let out = sopc().arg("init").arg(&root).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    (dir, root)
}

fn check_json(dir: &Path) -> (i32, Value) {
    let out = sopc()
        .args(["check", "--format", "json"])
        .arg(dir)
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("json: {e}\n{}{}", stdout(&out), stderr(&out)));
    (out.status.code().unwrap(), v)
}

/// (file name, line, code) of every finding.
fn temuan(v: &Value) -> Vec<(String, u64, String)> {
    let mut out = Vec::new();
    for f in v["berkas"].as_array().unwrap() {
        for t in f["temuan"].as_array().unwrap() {
            let file = Path::new(t["berkas"].as_str().unwrap())
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned();
            out.push((
                file,
                t["baris"].as_u64().unwrap(),
                t["kode"].as_str().unwrap().to_owned(),
            ));
        }
    }
    out
}

fn line_of(text: &str, needle: &str) -> u64 {
    text.lines()
        .position(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("`{needle}` not found")) as u64
        + 1
}

const DEFAULTS: &str = "instansi:
  pemerintah: Pemerintah Kabupaten Kudus
  nama: Dinas Pemberdayaan Masyarakat dan Desa
  alamat: Komplek Perkantoran Mejobo, Kudus 59319
  telepon: (0291) 438177
disahkan_oleh:
  jabatan: Kepala Dinas Pemberdayaan Masyarakat dan Desa
  nama: Drs. ADI SADHONO M.
  pangkat: Pembina Utama Muda (IV/c)
  nip: \"19681202 198803 1 002\"
";

#[test]
fn init_makes_a_clean_repository_and_never_overwrites() {
    let (_tmp, root) = init_repo();
    for f in [
        "sopc.toml",
        "sops/_default.yaml",
        "schema/sop.schema.json",
        "schema/bawaan.schema.json",
        ".vscode/settings.json",
        ".editorconfig",
        ".github/workflows/sopc.yml",
        ".gitlab-ci.yml",
    ] {
        assert!(root.join(f).is_file(), "{f} is written");
    }
    let (code, v) = check_json(&root.join("sops"));
    assert_eq!(
        (code, temuan(&v)),
        (0, vec![]),
        "a fresh repository is clean"
    );
    let out = sopc().arg("check").arg(&root).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));

    // The schema written is the one sopc generates, and the editor maps the
    // SOP files to it.
    let schema = sopc().arg("schema").output().unwrap().stdout;
    assert_eq!(
        std::fs::read(root.join("schema/sop.schema.json")).unwrap(),
        schema
    );
    let vscode: Value =
        serde_json::from_slice(&std::fs::read(root.join(".vscode/settings.json")).unwrap())
            .unwrap();
    assert_eq!(
        vscode["yaml.schemas"]["./schema/sop.schema.json"][0],
        "sops/**/*.yaml"
    );

    // A second init leaves an edited file as it is.
    let toml = root.join("sopc.toml");
    std::fs::write(&toml, "[cetak]\nkertas = \"A4\"\n").unwrap();
    let out = sopc().arg("init").arg(&root).output().unwrap();
    assert!(out.status.success());
    assert!(
        stdout(&out).contains("sudah ada, dibiarkan"),
        "{}",
        stdout(&out)
    );
    assert_eq!(
        std::fs::read_to_string(&toml).unwrap(),
        "[cetak]\nkertas = \"A4\"\n"
    );

    // init on a file is a usage error.
    let file = root.join("sopc.toml");
    sopc().arg("init").arg(&file).assert().code(2);
}

#[test]
fn new_sop_inherits_the_defaults_and_its_placeholders_are_warnings() {
    let (_tmp, root) = init_repo();
    let out = sopc()
        .current_dir(&root)
        .args([
            "new",
            "Pelayanan Kunjungan Kerja",
            "--nomor",
            "800/1/DPMD/2026",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let path = root.join("sops/pelayanan-kunjungan-kerja.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("# yaml-language-server: $schema=../schema/sop.schema.json\n"));
    assert!(text.contains("nomor: 800/1/DPMD/2026\n"));
    assert!(text.contains("nama: Pelayanan Kunjungan Kerja\n"));
    assert!(
        text.contains("# instansi: diwarisi dari _default.yaml"),
        "{text}"
    );
    assert!(
        !text.contains("\ninstansi:"),
        "inherited keys are not repeated"
    );

    // Draf with placeholders: warnings only, each at its line, the inherited
    // ones in the defaults file; no NIP or pangkat errors for placeholders.
    let (code, v) = check_json(&root.join("sops"));
    assert_eq!(code, 0);
    let found = temuan(&v);
    assert!(
        found.iter().all(|(_, _, c)| c == "isian-contoh"),
        "{found:?}"
    );
    let defaults = std::fs::read_to_string(root.join("sops/_default.yaml")).unwrap();
    assert!(found.contains(&(
        "_default.yaml".into(),
        line_of(&defaults, "nip: <NIP"),
        "isian-contoh".into()
    )));
    assert!(found.contains(&(
        "pelayanan-kunjungan-kerja.yaml".into(),
        line_of(&text, "<Menerima permohonan>"),
        "isian-contoh".into()
    )));

    // The same SOP as final: the placeholders are errors and it is not built.
    std::fs::write(&path, text.replace("status: draf", "status: final")).unwrap();
    let (code, v) = check_json(&root.join("sops"));
    assert_eq!(code, 1);
    assert!(v["galat"].as_u64().unwrap() > 0);
    sopc().arg("build").arg(&path).assert().code(1);
    assert!(!root.join("sops/pelayanan-kunjungan-kerja.pdf").exists());
}

#[test]
fn new_suggests_the_next_nomor_and_refuses_to_overwrite() {
    let (_tmp, root) = init_repo();
    for (nama, nomor) in [("Satu", "800/07/DPMD/2024"), ("Dua", "800/09/DPMD/2025")] {
        sopc()
            .current_dir(&root)
            .args(["new", nama, "--nomor", nomor])
            .assert()
            .success();
    }
    let out = sopc()
        .current_dir(&root)
        .args(["new", "Tiga"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let year = std::fs::read_to_string(root.join("sops/tiga.yaml"))
        .unwrap()
        .lines()
        .find_map(|l| l.strip_prefix("nomor: 800/10/DPMD/").map(str::to_owned))
        .expect("the next nomor, zero padding kept");
    assert_eq!(year.len(), 4);
    assert!(
        stdout(&out).contains("nomor usulan: 800/10/DPMD/"),
        "{}",
        stdout(&out)
    );

    // The same name again: refused, the file is unchanged.
    let before = std::fs::read(root.join("sops/tiga.yaml")).unwrap();
    let out = sopc()
        .current_dir(&root)
        .args(["new", "Tiga", "--nomor", "X"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("sudah ada"), "{}", stderr(&out));
    assert_eq!(std::fs::read(root.join("sops/tiga.yaml")).unwrap(), before);
}

#[test]
fn ci_files_are_valid_yaml_and_the_readme_shows_them_verbatim() {
    let (_tmp, root) = init_repo();
    let github = std::fs::read_to_string(root.join(".github/workflows/sopc.yml")).unwrap();
    let gitlab = std::fs::read_to_string(root.join(".gitlab-ci.yml")).unwrap();
    let gh: Value = serde_saphyr::from_str(&github).expect("the workflow is YAML");
    let runs: Vec<&str> = gh["jobs"]["sop"]["steps"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|s| s["run"].as_str())
        .collect();
    assert!(
        runs.contains(&"sopc check --format github sops/"),
        "{runs:?}"
    );
    assert!(runs.iter().any(|r| r.contains("sopc build sops/ -o pdf/")));
    let gl: Value = serde_saphyr::from_str(&gitlab).expect("the GitLab CI file is YAML");
    assert_eq!(
        gl["periksa-sop"]["artifacts"]["reports"]["codequality"],
        "gl-code-quality-report.json"
    );
    assert_eq!(gl["cetak-sop"]["artifacts"]["paths"][0], "pdf/");

    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    for (name, content) in [
        (".github/workflows/sopc.yml", &github),
        (".gitlab-ci.yml", &gitlab),
    ] {
        let marker = format!("<!-- sopc init: {name} -->");
        let at = readme
            .find(&marker)
            .unwrap_or_else(|| panic!("README shows {name}"));
        let block = &readme[at..];
        let start = block.find("```yaml\n").unwrap() + "```yaml\n".len();
        let end = block[start..].find("```\n").unwrap();
        assert_eq!(
            &block[start..start + end],
            content.as_str(),
            "README copy of {name}"
        );
    }
}

#[test]
fn gitlab_code_quality_report() {
    let dir = tempfile::tempdir().unwrap();
    let src = std::fs::read_to_string("sops/kudus-kunjungan-kerja.yaml").unwrap();
    let path = dir.path().join("a.yaml");
    std::fs::write(
        &path,
        src.replacen("kualifikasi_pelaksana:", "kualifkasi_pelaksana:", 1),
    )
    .unwrap();
    let out = sopc()
        .args(["check", "--format", "gitlab"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let issue = v
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["check_name"] == "kunci-tidak-dikenal")
        .expect("the unknown key is reported");
    assert_eq!(issue["severity"], "major");
    assert_eq!(
        issue["location"]["lines"]["begin"],
        line_of(&src, "kualifikasi_pelaksana:")
    );
    assert_eq!(issue["fingerprint"].as_str().unwrap().len(), 16);
    let again = sopc()
        .args(["check", "--format", "gitlab"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.stdout, again.stdout, "fingerprints are stable");
}

#[test]
fn completions_and_man_page_come_from_the_cli() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let out = sopc().args(["completions", shell]).output().unwrap();
        assert!(out.status.success());
        let text = stdout(&out);
        assert!(text.contains("sopc"), "{shell}");
        assert!(text.contains("pengesahan"), "{shell} completes subcommands");
    }
    let out = sopc().arg("man").output().unwrap();
    let man = stdout(&out);
    assert!(man.contains(".TH sopc"), "{man}");
    assert!(man.contains("pengesahan"));
    let dir = tempfile::tempdir().unwrap();
    sopc()
        .args(["man", "--dir"])
        .arg(dir.path())
        .assert()
        .success();
    assert!(dir.path().join("sopc.1").is_file());
    assert!(dir.path().join("sopc-check.1").is_file());
    sopc().args(["completions", "tcsh"]).assert().code(2);
}

#[test]
fn defaults_problems_are_clear_findings() {
    let (_tmp, root) = init_repo();
    let sops = root.join("sops");
    std::fs::write(sops.join("_default.yaml"), DEFAULTS).unwrap();
    sopc()
        .current_dir(&root)
        .args(["new", "Uji", "--nomor", "800/1/DPMD/2026"])
        .assert()
        .success();

    // A syntax error in the defaults file: reported there, with its line.
    std::fs::write(sops.join("_default.yaml"), "instansi:\n  nama: [Dinas\n").unwrap();
    let (code, v) = check_json(&sops);
    assert_eq!(code, 1);
    assert!(
        temuan(&v)
            .iter()
            .any(|(f, _, c)| f == "_default.yaml" && c == "yaml-sintaks"),
        "{:?}",
        temuan(&v)
    );

    // An unknown key in the defaults file: reported there, with a suggestion.
    let typo = DEFAULTS.replace("disahkan_oleh:", "disahkan_olh:");
    std::fs::write(sops.join("_default.yaml"), &typo).unwrap();
    let (code, v) = check_json(&sops);
    assert_eq!(code, 1);
    assert!(temuan(&v).contains(&(
        "_default.yaml".into(),
        line_of(&typo, "disahkan_olh"),
        "kunci-tidak-dikenal".into()
    )));

    // Two defaults files in one directory: a conflict, not a silent choice.
    std::fs::write(sops.join("_default.yaml"), DEFAULTS).unwrap();
    std::fs::write(sops.join("_default.yml"), "instansi:\n  nama: Lain\n").unwrap();
    let (code, v) = check_json(&sops);
    assert_eq!(code, 1);
    assert!(
        temuan(&v)
            .iter()
            .any(|(f, _, c)| f == "_default.yml" && c == "bawaan-ganda"),
        "{:?}",
        temuan(&v)
    );
    std::fs::remove_file(sops.join("_default.yml")).unwrap();

    // A directory loop (symlink to a parent) neither hangs nor panics.
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(&root, sops.join("putaran")).unwrap();
        let (code, v) = check_json(&sops);
        assert_eq!(code, 0, "{:?}", temuan(&v));
        assert_eq!(v["berkas"].as_array().unwrap().len(), 1);
    }

    // sopc.toml: an unknown key and an unknown rule code.
    std::fs::write(root.join("sopc.toml"), "[cetak]\nkertass = \"A4\"\n").unwrap();
    let out = sopc().arg("check").arg(&sops).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("kertass"), "{}", stderr(&out));
    assert!(stderr(&out).contains("kertas"));
    std::fs::write(
        root.join("sopc.toml"),
        "[aturan]\nkegiatan-subjk = \"off\"\n",
    )
    .unwrap();
    let out = sopc().arg("check").arg(&sops).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("apakah maksud Anda `kegiatan-subjek`"),
        "{}",
        stderr(&out)
    );
}

/// Lines from a child's standard error, read on a thread.
fn lines_of(child: &mut std::process::Child) -> std::sync::mpsc::Receiver<String> {
    use std::io::BufRead;
    let (tx, rx) = std::sync::mpsc::channel();
    let err = child.stderr.take().unwrap();
    std::thread::spawn(move || {
        for line in std::io::BufReader::new(err).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    rx
}

/// Drains the child's lines until `done` (given the lines so far) says it
/// is done, at most 3 minutes (debug rendering is slow).
fn wait_until<T>(
    rx: &std::sync::mpsc::Receiver<String>,
    mut done: impl FnMut(&[String]) -> Option<T>,
) -> T {
    let deadline = Instant::now() + Duration::from_secs(180);
    let mut seen = Vec::new();
    while Instant::now() < deadline {
        if let Some(v) = done(&seen) {
            return v;
        }
        seen.extend(rx.recv_timeout(Duration::from_millis(100)));
    }
    panic!("not done in time; saw {seen:#?}");
}

/// Waits until a line contains `needle`.
fn wait_for(rx: &std::sync::mpsc::Receiver<String>, needle: &str) {
    wait_until(rx, |seen| {
        seen.iter().any(|l| l.contains(needle)).then_some(())
    })
}

struct Kill(std::process::Child);

impl Drop for Kill {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn watch_rebuilds_on_change_and_keeps_the_last_good_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(root.join("sopc.toml"), "").unwrap();
    let sop = root.join("kalteng.yaml");
    let good = std::fs::read_to_string("sops/kalteng-penerimaan-tamu.yaml").unwrap();
    std::fs::write(&sop, &good).unwrap();
    let pdf = root.join("out/kalteng.pdf");
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("sopc"))
        .args(["build", "--watch", "-o"])
        .arg(root.join("out"))
        .arg(root)
        .stderr(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let rx = lines_of(&mut child);
    let _guard = Kill(child);
    wait_for(&rx, "menunggu perubahan");
    let first = std::fs::read(&pdf).expect("the first build");

    // A change is rebuilt.
    std::fs::write(
        &sop,
        good.replace("nama: SOP Penerima Tamu", "nama: SOP Penerima Tamu Dinas"),
    )
    .unwrap();
    let second = wait_until(&rx, |_| std::fs::read(&pdf).ok().filter(|p| *p != first));

    // A defaults file that gives the instansi a logo, then a new logo: each
    // rebuilds the SOP that inherits it.
    let svg = |fill: &str| {
        format!(
            "<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'><circle cx='5' cy='5' r='4' fill='{fill}'/></svg>"
        )
    };
    std::fs::write(root.join("logo.svg"), svg("black")).unwrap();
    std::fs::write(root.join("_default.yaml"), "instansi:\n  logo: logo.svg\n").unwrap();
    let with_logo = wait_until(&rx, |_| std::fs::read(&pdf).ok().filter(|p| *p != second));
    std::fs::write(root.join("logo.svg"), svg("red")).unwrap();
    wait_until(&rx, |_| {
        std::fs::read(&pdf).ok().filter(|p| *p != with_logo)
    });
    std::fs::remove_file(root.join("_default.yaml")).unwrap();
    wait_until(&rx, |_| std::fs::read(&pdf).ok().filter(|p| *p == second));

    // An error: shown, and the last good PDF stays.
    std::fs::write(&sop, good.replace("pelaksana:", "pelaksanaa:")).unwrap();
    wait_for(&rx, "pelaksanaa");
    wait_for(&rx, "menunggu perubahan");
    assert_eq!(std::fs::read(&pdf).unwrap(), second);

    // Deleted, then created again.
    std::fs::remove_file(&sop).unwrap();
    wait_for(&rx, "dihapus");
    assert_eq!(
        std::fs::read(&pdf).unwrap(),
        second,
        "the PDF of a deleted SOP stays"
    );
    std::fs::write(&sop, &good).unwrap();
    wait_until(&rx, |_| std::fs::read(&pdf).ok().filter(|p| *p == first));
}

#[test]
fn init_new_check_build_buku() {
    let (_tmp, root) = init_repo();
    std::fs::write(root.join("sops/_default.yaml"), DEFAULTS).unwrap();
    let nama = [
        "Penerimaan Tamu Dinas",
        "Pelayanan Audiensi",
        "Peminjaman Ruang Rapat",
    ];
    for (i, n) in nama.iter().enumerate() {
        let mut cmd = sopc();
        cmd.current_dir(&root).args(["new", n]);
        if i < 2 {
            cmd.args(["--nomor", &format!("800/{}/DPMD/2026", 11 - i)]);
        }
        cmd.assert().success();
    }
    let third = std::fs::read_to_string(root.join("sops/peminjaman-ruang-rapat.yaml")).unwrap();
    assert!(third.contains("nomor: 800/12/DPMD/"), "{third}");

    let (code, v) = check_json(&root.join("sops"));
    assert_eq!(code, 0, "drafts with placeholders are warnings only");
    assert_eq!(v["berkas"].as_array().unwrap().len(), 3);
    for f in v["berkas"].as_array().unwrap() {
        assert_eq!(f["hasil"]["jumlah_waktu"], "35 menit");
    }

    let out = sopc()
        .current_dir(&root)
        .args(["build", "sops/", "-o", "pdf/"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        !stderr(&out).contains("membuat PDF"),
        "no progress bar when piped"
    );
    let sop_pages: Vec<usize> = [
        "penerimaan-tamu-dinas",
        "pelayanan-audiensi",
        "peminjaman-ruang-rapat",
    ]
    .iter()
    .map(|s| halaman(&root.join(format!("pdf/{s}.pdf"))))
    .collect();
    assert!(sop_pages.iter().all(|&p| p == 2), "{sop_pages:?}");

    let out = sopc()
        .current_dir(&root)
        .args(["buku", "sops/", "-o", "pdf/buku-sop.pdf"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let buku = root.join("pdf/buku-sop.pdf");
    let front = halaman(&buku) - sop_pages.iter().sum::<usize>();
    assert!(
        (3..=4).contains(&front),
        "cover, daftar isi, penjelasan: {front} pages"
    );
    // The daftar isi (page 2) lists the three SOPs in order of nomor, each
    // with the page its lembar pengesahan is on.
    let isi = poppler("pdftotext", &["-layout", "-f", "2", "-l", "2"], &buku);
    let at = |s: &str| {
        isi.find(s)
            .unwrap_or_else(|| panic!("`{s}` in the daftar isi:\n{isi}"))
    };
    assert!(at("800/10/DPMD/2026") < at("800/11/DPMD/2026"));
    assert!(at("800/11/DPMD/2026") < at("800/12/DPMD/"));
    for (i, n) in [
        "Pelayanan Audiensi",
        "Penerimaan Tamu Dinas",
        "Peminjaman Ruang Rapat",
    ]
    .iter()
    .enumerate()
    {
        let line = isi.lines().find(|l| l.contains(n)).unwrap();
        let page: usize = line
            .split_whitespace()
            .last()
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("a page number ends `{line}`"));
        assert_eq!(page, 1 + 2 * i, "{n}");
        let printed = front + page;
        let text = poppler(
            "pdftotext",
            &["-f", &printed.to_string(), "-l", &printed.to_string()],
            &buku,
        );
        assert!(text.contains(n), "{n} on page {printed}");
    }
}

#[test]
fn a_defaults_finding_is_shown_once_for_all_the_sops_that_inherit_it() {
    let (_tmp, root) = init_repo();
    for n in ["Satu", "Dua", "Tiga"] {
        sopc()
            .current_dir(&root)
            .args(["new", n, "--nomor", &format!("800/{n}/2026")])
            .assert()
            .success();
    }
    let out = sopc()
        .current_dir(&root)
        .args(["check", "sops"])
        .output()
        .unwrap();
    let text = stdout(&out);
    assert_eq!(
        text.matches("isian `<NIP 18 angka>` belum diganti").count(),
        1
    );
    // 8 placeholders in _default.yaml, inherited by 3 SOPs: 16 not repeated
    assert!(
        text.contains("(16 temuan di berkas bawaan yang sama tidak diulang)"),
        "{text}"
    );
    assert!(text.contains("3 SOP diperiksa: 0 galat, "), "{text}");
    let out = sopc()
        .current_dir(&root)
        .args(["check", "--format", "github", "sops"])
        .output()
        .unwrap();
    let nip = stdout(&out)
        .lines()
        .filter(|l| l.contains("_default.yaml") && l.contains("NIP 18 angka"))
        .count();
    assert_eq!(nip, 1, "one annotation per defaults line");
}
