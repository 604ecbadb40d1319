//! `sopc build` and `sopc pengesahan` through the binary: what is written,
//! what is refused, and that a failure never damages an existing PDF.

mod common;

use common::sopc;

#[test]
fn builds_an_example_and_its_pengesahan() {
    let dir = tempfile::tempdir().unwrap();
    let full = dir.path().join("kudus.pdf");
    let out = sopc()
        .args(["build", "sops/kudus-kunjungan-kerja.yaml", "-o"])
        .arg(&full)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let pdf = std::fs::read(&full).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&full).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o644, "a PDF others can read and print");
    }
    assert!(pdf.starts_with(b"%PDF-"));
    let again = dir.path().join("again.pdf");
    sopc()
        .args(["build", "sops/kudus-kunjungan-kerja.yaml", "-o"])
        .arg(&again)
        .assert()
        .success();
    assert_eq!(
        pdf,
        std::fs::read(&again).unwrap(),
        "byte-identical rebuild"
    );
    let sah = dir.path().join("sah.pdf");
    sopc()
        .args(["pengesahan", "sops/kudus-kunjungan-kerja.yaml", "-o"])
        .arg(&sah)
        .assert()
        .success();
    let sah = std::fs::read(&sah).unwrap();
    assert!(sah.len() < pdf.len());
    assert!(sah.starts_with(b"%PDF-"));
}

#[test]
fn a_final_sop_with_errors_is_not_built_and_the_old_pdf_stays() {
    let dir = tempfile::tempdir().unwrap();
    let src = std::fs::read_to_string("sops/kudus-kunjungan-kerja.yaml").unwrap();
    let bad = src.replacen("19681202 198803 1 002", "19681302 198803 1 002", 1);
    let yaml = dir.path().join("a.yaml");
    std::fs::write(&yaml, bad).unwrap();
    let pdf = dir.path().join("a.pdf");
    std::fs::write(&pdf, b"the good old PDF").unwrap();
    let out = sopc().arg("build").arg(&yaml).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("nip-tanggal-lahir"), "{err}");
    assert!(err.contains("memiliki galat"), "{err}");
    assert_eq!(std::fs::read(&pdf).unwrap(), b"the good old PDF");
}

#[test]
fn a_directory_builds_every_sop() {
    let dir = tempfile::tempdir().unwrap();
    let out = sopc()
        .args(["build", "sops", "-o"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let n = std::fs::read_dir(dir.path())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "pdf")
        })
        .count();
    assert_eq!(n, 5);
}
