//! The resource bounds of the README, end to end: each input that once
//! crashed sopc or asked for gigabytes is refused with a finding at its
//! YAML line (or a clear message), in Bahasa Indonesia and, with
//! `--lang en`, in English.

mod common;

use common::sopc;
use serde_json::Value;
use std::path::Path;

/// A repository (`sopc.toml`) holding `files`.
fn repo(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("sopc.toml"), "").unwrap();
    for (name, bytes) in files {
        std::fs::write(dir.path().join(name), bytes).unwrap();
    }
    dir
}

/// `sopc check` with `args` in `dir`: exit status, stdout, stderr.
fn check(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = sopc()
        .current_dir(dir)
        .arg("check")
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Findings of `sopc check --format json FILE`: (code, line, message).
fn temuan(dir: &Path, file: &str) -> Vec<(String, u64, String)> {
    let (_, out, err) = check(dir, &["--format", "json", file]);
    let v: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}{err}"));
    v["berkas"][0]["temuan"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            (
                t["kode"].as_str().unwrap().to_owned(),
                t["baris"].as_u64().unwrap(),
                t["pesan"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

/// 1-based line of the first `needle` in `text`.
fn line_of(text: &str, needle: &str) -> u64 {
    let at = text.find(needle).unwrap();
    text[..at].matches('\n').count() as u64 + 1
}

/// An example SOP with `from` replaced by `to`.
fn contoh(from: &str, to: &str) -> String {
    let s = std::fs::read_to_string("sops/kudus-kunjungan-kerja.yaml").unwrap();
    assert!(s.contains(from), "no `{from}` in the example");
    s.replacen(from, to, 1)
}

#[test]
fn a_finding_past_column_65535_prints() {
    // An SOP saved as one line of JSON, a typo near its end.
    let pad = " ".repeat(70_000);
    let json = format!(
        "{{\"nomor\": \"800/1/DPMD/2024\",{pad}\"nama\": \"Uji\", \"kualifkasi_pelaksana\": [\"x\"]}}"
    );
    let dir = repo(&[("satu-baris.yaml", json.as_bytes())]);
    let (code, out, err) = check(dir.path(), &["satu-baris.yaml"]);
    assert_eq!(code, 1, "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(out.contains("kunci-tidak-dikenal"), "{out}");
    assert!(out.contains("kualifkasi_pelaksana"), "{out}");
    let col = json.find("\"kualifkasi").unwrap() + 1;
    assert!(out.contains(&format!("satu-baris.yaml:1:{col}")), "{out}");
    // The snippet shows the place, not 70,000 spaces of the line.
    assert!(out.len() < 8_000, "{} bytes of output", out.len());
}

#[test]
fn aliases_are_bounded_by_the_text_they_expand_to() {
    // 200 KiB once, then expanded by each alias: the second passes 512 KiB.
    let big = "a".repeat(200 * 1024);
    let yaml = format!("nomor: 800/1\nnama: &panjang {big}\nalamat: *panjang\ntelepon: *panjang\n");
    let dir = repo(&[("alias.yaml", yaml.as_bytes())]);
    let found = temuan(dir.path(), "alias.yaml");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "yaml-terlalu-besar");
    assert_eq!(found[0].1, line_of(&yaml, "telepon: *panjang"));
    assert!(found[0].2.contains("512 KiB"), "{}", found[0].2);
    assert!(found[0].2.contains("alias"), "{}", found[0].2);
}

#[test]
fn a_cell_past_the_bound_is_an_error_and_never_printed() {
    let long = "kata ".repeat(400);
    let text = contoh(
        "Menerima, memeriksa, dan membaca",
        &format!("Menerima {long}"),
    );
    let dir = repo(&[("panjang.yaml", text.as_bytes())]);
    let found = temuan(dir.path(), "panjang.yaml");
    let line = line_of(&text, "Menerima kata");
    assert!(
        found
            .iter()
            .any(|(c, l, m)| c == "sop-terlalu-besar" && *l == line && m.contains("1200")),
        "{found:?}"
    );
    // With the rule switched off, build still refuses, in sopc's words.
    std::fs::write(
        dir.path().join("sopc.toml"),
        "[aturan]\nsop-terlalu-besar = \"off\"\n",
    )
    .unwrap();
    let out = sopc()
        .current_dir(dir.path())
        .args(["build", "panjang.yaml", "-o", "panjang.pdf"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("melebihi batas 1200 karakter"), "{err}");
    assert!(!dir.path().join("panjang.pdf").exists());
}

/// A PNG of `w`×`h` pixels whose header says `hw`×`hh`.
fn png(w: u32, h: u32, header: Option<(u32, u32)>) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    image::GrayImage::from_pixel(w, h, image::Luma([200]))
        .write_to(&mut out, image::ImageFormat::Png)
        .unwrap();
    let mut bytes = out.into_inner();
    if let Some((hw, hh)) = header {
        bytes[16..20].copy_from_slice(&hw.to_be_bytes());
        bytes[20..24].copy_from_slice(&hh.to_be_bytes());
    }
    bytes
}

#[test]
fn logos_that_build_would_refuse_are_findings_at_the_logo_line() {
    let huge = png(2, 2, Some((20_000, 20_000)));
    let good = png(40, 40, None);
    let damaged = &good[..good.len() - 20];
    let linking = br#"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><image href="lain.png" width="10" height="10"/></svg>"#;
    let cases: [(&str, &[u8], &str, &str); 3] = [
        (
            "besar.png",
            &huge,
            "logo-terlalu-besar",
            "20000×20000 piksel",
        ),
        ("rusak.png", damaged, "logo-rusak", "rusak"),
        ("tautan.svg", linking, "logo-rusak", "menautkan berkas lain"),
    ];
    for (name, bytes, code, pesan) in cases {
        let text = contoh(
            "  telepon: (0291) 438177",
            &format!("  logo: {name}\n  telepon: (0291) 438177"),
        );
        let dir = repo(&[("sop.yaml", text.as_bytes()), (name, bytes)]);
        let found = temuan(dir.path(), "sop.yaml");
        let line = line_of(&text, "  logo:");
        assert!(
            found
                .iter()
                .any(|(c, l, m)| c == code && *l == line && m.contains(pesan)),
            "{name}: {found:?}"
        );
        let (status, out, _) = check(dir.path(), &["--lang", "en", "sop.yaml"]);
        assert_eq!(status, 1, "{out}");
        assert!(out.contains(name) && !out.contains("piksel"), "{out}");
    }
}

#[test]
fn a_huge_keputusan_scan_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("sopc.toml"), "[buku]\nkeputusan = \"sk.png\"\n").unwrap();
    std::fs::create_dir(d.join("sops")).unwrap();
    std::fs::copy(
        "sops/kudus-kunjungan-kerja.yaml",
        d.join("sops/kudus-kunjungan-kerja.yaml"),
    )
    .unwrap();
    std::fs::write(d.join("sk.png"), png(2, 2, Some((20_000, 20_000)))).unwrap();
    let out = sopc()
        .current_dir(d)
        .args(["buku", "sops", "-o", "buku.pdf"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("20000×20000 piksel"), "{err}");
    assert!(!d.join("buku.pdf").exists());
}
