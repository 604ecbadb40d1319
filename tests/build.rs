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
    let sops = common::contoh_sops().len();
    assert!(sops >= 10, "five seeds and the BPS Bengkulu transcriptions");
    assert_eq!(n, sops, "one PDF per SOP of sops/");
}

#[test]
fn the_readmes_kertas_spelling_is_accepted_on_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    for (kertas, orientasi) in [("A4", "potret"), ("a4", "Potret")] {
        let pdf = dir.path().join(format!("{kertas}.pdf"));
        let out = sopc()
            .args([
                "build",
                "sops/kudus-kunjungan-kerja.yaml",
                "--kertas",
                kertas,
            ])
            .args(["--orientasi", orientasi, "-o"])
            .arg(&pdf)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{kertas}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let (w, h) = common::ukuran(&pdf, 1);
        // A4 upright: 210 × 297 mm
        assert!(
            (w - 595.3).abs() < 1.0 && (h - 841.9).abs() < 1.0,
            "{kertas}: {w} × {h}"
        );
    }
}

#[test]
fn a_list_nested_thirty_deep_never_reaches_typst_as_too_deep() {
    // Checked, it is the error `daftar-terlalu-dalam`; switched off, the build
    // prints the deeper levels flat instead of failing inside Typst.
    let dir = tempfile::tempdir().unwrap();
    let src = std::fs::read_to_string("sops/kudus-kunjungan-kerja.yaml").unwrap();
    let list: String = (0..30)
        .map(|i| format!("      {}- tingkat {}\n", "  ".repeat(i), i + 1))
        .collect();
    let at = src.find("    output: Surat, nota dinas").unwrap();
    let text = format!("{}    keterangan: |\n{list}{}", &src[..at], &src[at..]);
    let yaml = dir.path().join("a.yaml");
    std::fs::write(&yaml, &text).unwrap();
    let out = sopc().args(["check"]).arg(&yaml).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(
        report.contains("daftar bersarang 30 tingkat; sopc mencetak paling banyak 8 tingkat"),
        "{report}"
    );
    // (upright, so that the 30 lines fit in one row of the table)
    std::fs::write(
        dir.path().join("sopc.toml"),
        "[aturan]\ndaftar-terlalu-dalam = \"off\"\n[cetak]\norientasi = \"potret\"\n",
    )
    .unwrap();
    let pdf = dir.path().join("a.pdf");
    let out = sopc()
        .arg("build")
        .arg(&yaml)
        .arg("-o")
        .arg(&pdf)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(!err.contains("JSON"), "{err}");
    let teks: String = (1..=common::halaman(&pdf))
        .map(|p| common::teks(&pdf, p, false))
        .collect();
    // every item printed (the narrow column wraps the numbers)
    assert_eq!(teks.matches("tingkat").count(), 30, "{teks}");
}

/// Seven pelaksana on F4 portrait: columns under 16 mm, no lane beside a
/// symbol even 8 mm wide. Step 3 is carried out by all seven at once, and
/// step 4 jumps back over it to step 2: no line can pass that row, and
/// `sopc build` names step 4 (`tata-letak-jalur`).
fn cramped_sop() -> String {
    let aktor = &common::flowchart::JABATAN[..7];
    let mut o = common::flowchart::kepala(aktor);
    let semua = format!("[{}]", aktor.join(", "));
    let langkah = [
        (aktor[0], ""),
        (aktor[1], ""),
        (semua.as_str(), ""),
        (aktor[2], "    keputusan: {ya: l2, tidak: l5}\n"),
        (aktor[0], ""),
    ];
    for (i, (pelaksana, keputusan)) in langkah.into_iter().enumerate() {
        let no = i + 1;
        o += &format!(
            "  - id: l{no}\n    kegiatan: Memeriksa berkas {no}\n    pelaksana: {pelaksana}\n    waktu: 10 menit\n    output: Berkas\n{keputusan}"
        );
    }
    o
}

#[test]
fn a_step_whose_lines_find_no_room_is_named_at_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let src = cramped_sop();
    let yaml = dir.path().join("sempit.yaml");
    std::fs::write(&yaml, &src).unwrap();
    let line = src[..src.find("- id: l4").unwrap()].matches('\n').count() + 1;
    let build = |lang: &str| {
        sopc()
            .args([
                "build",
                "--kertas",
                "F4",
                "--orientasi",
                "potret",
                "--lang",
                lang,
            ])
            .arg(&yaml)
            .arg("-o")
            .arg(dir.path().join("sempit.pdf"))
            .output()
            .unwrap()
    };
    let out = build("id");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert_eq!(err.matches("tata-letak-jalur").count(), 1, "{err}");
    assert!(
        err.contains("garis atau label langkah 4 tidak mendapat tempat yang bebas"),
        "{err}"
    );
    assert!(err.contains(&format!("sempit.yaml:{line}:9]")), "{err}");
    let en = String::from_utf8_lossy(&build("en").stderr).into_owned();
    assert!(
        en.contains("the lines or labels of step 4 found no free place"),
        "{en}"
    );

    // `[aturan]` switches it off, or makes it an error that keeps the old PDF
    let pdf = dir.path().join("sempit.pdf");
    let toml = dir.path().join("sopc.toml");
    std::fs::write(&toml, "[aturan]\ntata-letak-jalur = \"off\"\n").unwrap();
    let out = build("id");
    assert!(out.status.success());
    assert!(!String::from_utf8_lossy(&out.stderr).contains("tata-letak-jalur"));
    std::fs::write(&pdf, b"the good old PDF").unwrap();
    std::fs::write(&toml, "[aturan]\ntata-letak-jalur = \"error\"\n").unwrap();
    let out = build("id");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("tata-letak-jalur"), "{err}");
    assert!(err.contains("PDF tidak ditulis"), "{err}");
    assert_eq!(std::fs::read(&pdf).unwrap(), b"the good old PDF");
}
