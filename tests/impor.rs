//! `sopc impor`: every SOP of `sops/` printed by sopc's own renderer and read
//! back gives the same SOP; the files it must refuse are refused with a
//! message saying what to do, exit 2 and nothing written. All fixtures are
//! made here (rendered PDFs, tiny hand-written PDFs).

mod common;

use common::panjang::Panjang;
use common::pokok::{beda, keputusan, parse, pokok, sama, text};

use sopc::impor::{BukanSop, Tolak, dari_pdf, tulis};
use sopc::model::Sop;
use sopc::paper::{Kertas, Orientasi};
use sopc::render::{Bagian, RenderOptions, Renderer};
use std::path::{Path, PathBuf};

/// Renders `sop` as `sopc build` would, on the given paper.
fn render(sop: &Sop, kertas: Kertas, orientasi: Orientasi) -> Vec<u8> {
    render_sempit(sop, kertas, orientasi).0
}

/// [`render`], with the steps `sopc build` reports as `tata-letak-jalur`
/// (their lines or labels found no place that keeps the drawing rules).
fn render_sempit(sop: &Sop, kertas: Kertas, orientasi: Orientasi) -> (Vec<u8>, Vec<usize>) {
    let r = Renderer::new(&RenderOptions {
        kertas,
        orientasi,
        ..RenderOptions::default()
    });
    let hasil = common::cetak(&r, sop, None, Bagian::Lengkap).expect("the SOP renders");
    let sempit = hasil
        .denah
        .as_ref()
        .map(|(plan, ..)| plan.cramped.clone())
        .unwrap_or_default();
    (hasil.pdf, sempit)
}

/// Imports a PDF and reads the YAML it writes back with sopc's own parser.
fn impor(pdf: &[u8]) -> Sop {
    let d = dari_pdf(pdf).unwrap_or_else(|t| panic!("imported: {}", t.pesan().id));
    parse("impor.yaml", &tulis::yaml(&d, None, "uji.pdf"))
}

/// The BPS Bengkulu transcriptions (`sops/bps-bengkulu-*.yaml`): drafts
/// with parallel rows, several decisions and long texts, round-tripped in a
/// test of their own.
fn bps(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with("bps-bengkulu-"))
}

/// Renders each SOP on F4 landscape and A4 portrait and imports it back;
/// everything [`pokok`] lists must come back exactly. Every difference of
/// every file is named before the test fails. A step that `sopc build`
/// itself reports as `tata-letak-jalur` is drawn against the drawing rules
/// and is not compared; the rest of its SOP is. No step of the examples
/// is.
fn round_trip(files: &[PathBuf]) -> Vec<String> {
    let mut alle = Vec::new();
    let mut dilewati = Vec::new();
    for path in files {
        let src = std::fs::read_to_string(path).expect("the SOP is readable");
        let asli = parse(&path.display().to_string(), &src);
        for (kertas, orientasi) in [
            (Kertas::F4, Orientasi::Lanskap),
            (Kertas::A4, Orientasi::Potret),
        ] {
            let (pdf, sempit) = render_sempit(&asli, kertas, orientasi);
            if !sempit.is_empty() {
                let nama = path.file_name().map(|n| n.to_string_lossy().into_owned());
                let langkah: Vec<usize> = sempit.iter().map(|i| i + 1).collect();
                dilewati.push(format!(
                    "{} {kertas:?} {orientasi:?} {langkah:?}",
                    nama.unwrap_or_default()
                ));
            }
            let balik = impor(&pdf);
            let beda = beda(&asli, &balik, &sempit);
            if !beda.is_empty() {
                alle.push(format!(
                    "{} ({kertas:?}, {orientasi:?}) differs:\n{}",
                    path.display(),
                    beda.join("\n")
                ));
            }
        }
    }
    assert!(alle.is_empty(), "{}", alle.join("\n"));
    dilewati
}

#[test]
fn every_sop_of_the_repository_comes_back_from_its_pdf() {
    let files: Vec<PathBuf> = common::contoh_sops()
        .into_iter()
        .filter(|p| !bps(p))
        .collect();
    assert_eq!(files.len(), 5, "the five seed transcriptions");
    assert_eq!(round_trip(&files), Vec::<String>::new(), "no step skipped");
}

/// Issue 12's round trip over the BPS Bengkulu transcriptions: parallel
/// rows, paragraphs (told apart by their wider baseline step), words in
/// italics, a word's own hyphen and a hyphenation, a self-loop drawn up
/// into the line entering its diamond, loops back through off-page
/// connectors, labels that are not Ya/Tidak, the DRAF watermark, a lone
/// `-`, a wrapped address and a unit over two lines.
#[test]
fn the_bps_bengkulu_transcriptions_come_back_from_their_pdf() {
    let files: Vec<PathBuf> = common::contoh_sops()
        .into_iter()
        .filter(|p| bps(p))
        .collect();
    assert!(files.len() >= 5, "the BPS Bengkulu transcriptions");
    assert_eq!(round_trip(&files), Vec::<String>::new(), "no step skipped");
}

#[test]
fn a_decision_with_its_targets_and_printed_labels_comes_back() {
    let src = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("sops/kudus-kunjungan-kerja.yaml"),
    )
    .expect("readable");
    // make step 2 a decision that loops back to step 1 with printed labels
    let src = src.replacen(
        "    output: Nota dinas, bahan/materi\n",
        "    output: Nota dinas, bahan/materi\n    keputusan:\n      tidak: awal\n      label: {ya: Lengkap, tidak: Belum lengkap}\n",
        1,
    );
    let src = src.replacen("  - kegiatan:", "  - id: awal\n    kegiatan:", 1);
    let asli = parse("kudus.yaml", &src);
    let k = asli
        .steps()
        .iter()
        .position(|s| s.keputusan.is_some())
        .expect("the edit made a decision");
    let balik = impor(&render(&asli, Kertas::F4, Orientasi::Lanskap));
    assert_eq!(
        keputusan(&balik, k, &balik.steps()[k].keputusan),
        keputusan(&asli, k, &asli.steps()[k].keputusan)
    );
    assert_eq!(
        keputusan(&balik, k, &balik.steps()[k].keputusan),
        Some((k + 1, 0, "lengkap".into(), "belum lengkap".into()))
    );
}

// --- refusals -------------------------------------------------------------------

/// A minimal PDF from the bodies of its objects (1 = catalog, 2 = pages, 3 =
/// page, further ones as given), with a correct cross-reference table.
fn pdf(objects: &[&str], trailer_extra: &str) -> Vec<u8> {
    let objects: Vec<&[u8]> = objects.iter().map(|o| o.as_bytes()).collect();
    common::pdf_dari_objek(&objects, trailer_extra)
}

/// A one-page PDF whose content stream is `content`.
fn page(content: &str) -> Vec<u8> {
    let stream = format!(
        "<< /Length {} >>\nstream\n{content}\nendstream",
        content.len()
    );
    pdf(
        &[
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 842 595] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            &stream,
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ],
        "",
    )
}

fn lines_of_text(lines: &[&str]) -> String {
    let mut c = String::from("BT /F1 12 Tf 14 TL 60 540 Td\n");
    for l in lines {
        c.push_str(&format!("({l}) Tj T*\n"));
    }
    c.push_str("ET");
    c
}

#[test]
fn a_scan_without_text_is_refused_with_ocr_advice() {
    let scan = page("0.5 w 40 40 760 500 re S 100 100 m 700 400 l S");
    assert_eq!(dari_pdf(&scan).err(), Some(Tolak::TanpaTeks));
    assert!(Tolak::TanpaTeks.pesan().id.contains("ocrmypdf"));
}

#[test]
fn another_sop_format_is_refused() {
    let puskesmas = page(&lines_of_text(&[
        "SOP PENDAFTARAN PASIEN",
        "Pengertian",
        "Pendaftaran pasien adalah proses pencatatan identitas pasien.",
        "Tujuan",
        "Sebagai acuan penerapan langkah-langkah pendaftaran.",
        "Kebijakan",
        "Keputusan Kepala Puskesmas tentang pelayanan.",
    ]));
    assert_eq!(
        dari_pdf(&puskesmas).err(),
        Some(Tolak::BukanSop(BukanSop::FormatLain))
    );
    let surat = page(&lines_of_text(&[
        "Dengan hormat, bersama ini kami sampaikan undangan rapat koordinasi",
        "yang akan dilaksanakan pada hari Senin di ruang rapat utama kantor.",
    ]));
    assert_eq!(
        dari_pdf(&surat).err(),
        Some(Tolak::BukanSop(BukanSop::TanpaTabel))
    );
}

#[test]
fn an_encrypted_pdf_is_refused() {
    let stream = "<< /Length 0 >>\nstream\n\nendstream";
    let o = "<".to_string() + &"A1".repeat(32) + ">";
    let u = "<".to_string() + &"B2".repeat(32) + ">";
    let encrypt = format!("<< /Filter /Standard /V 1 /R 2 /O {o} /U {u} /P -4 >>");
    let bytes = pdf(
        &[
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 842 595] /Contents 4 0 R >>",
            stream,
            &encrypt,
        ],
        "/Encrypt 5 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>]",
    );
    assert_eq!(dari_pdf(&bytes).err(), Some(Tolak::Terenkripsi));
}

#[test]
fn damaged_input_is_refused_never_a_panic() {
    for bytes in [
        &b""[..],
        b"%PDF-1.4\n",
        b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF",
        &[0xffu8; 4096][..],
    ] {
        assert!(dari_pdf(bytes).is_err());
    }
}

#[test]
fn the_command_refuses_with_exit_2_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let doc = dir.path().join("lama.doc");
    std::fs::write(&doc, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]).expect("written");
    let scan = dir.path().join("pindaian.pdf");
    std::fs::write(&scan, page("40 40 760 500 re S")).expect("written");
    for (input, words) in [(&doc, "simpan sebagai .docx"), (&scan, "ocrmypdf")] {
        let out = dir.path().join("hasil.yaml");
        common::sopc()
            .current_dir(dir.path())
            .args(["impor", input.to_str().expect("utf-8"), "-o", "hasil.yaml"])
            .assert()
            .code(2)
            .stderr(predicates::str::contains(words));
        assert!(!out.exists(), "nothing is written for {}", input.display());
    }
}

#[test]
fn the_command_writes_checks_and_never_overwrites() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let kudus = Path::new(env!("CARGO_MANIFEST_DIR")).join("sops/kudus-kunjungan-kerja.yaml");
    let src = std::fs::read_to_string(kudus).expect("readable");
    let asli = parse("a.yaml", &src);
    let pdf_path = dir.path().join("sop.pdf");
    std::fs::write(&pdf_path, render(&asli, Kertas::F4, Orientasi::Lanskap)).expect("written");
    let out = dir.path().join("hasil.yaml");
    common::sopc()
        .current_dir(dir.path())
        .args(["impor", "sop.pdf", "-o", "hasil.yaml"])
        .assert()
        .code(0)
        .stdout(predicates::str::contains("langkah"));
    let written = std::fs::read_to_string(&out).expect("the YAML is written");
    assert!(written.contains("status: draf"));
    assert_eq!(text(&parse("hasil.yaml", &written).nama), text(&asli.nama));
    // a second run must not replace the reviewed file
    std::fs::write(&out, "# ditinjau\n").expect("written");
    common::sopc()
        .current_dir(dir.path())
        .args(["impor", "sop.pdf", "-o", "hasil.yaml"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("tidak ditimpa"));
    assert_eq!(
        std::fs::read_to_string(&out).expect("readable"),
        "# ditinjau\n"
    );
}

/// Writes go through the sandbox: never through a link out of the
/// repository, while a named input outside it is the user's choice.
#[cfg(unix)]
#[test]
fn the_command_never_writes_through_a_link_out_of_the_repository() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let repo = dir.path().join("repo");
    let elsewhere = dir.path().join("elsewhere");
    std::fs::create_dir_all(&repo).expect("created");
    std::fs::create_dir_all(&elsewhere).expect("created");
    std::fs::write(repo.join("sopc.toml"), "").expect("written");
    let src = std::fs::read_to_string(&common::contoh_sops()[0]).expect("readable");
    let pdf_path = dir.path().join("sop.pdf");
    let asli = parse("a.yaml", &src);
    std::fs::write(&pdf_path, render(&asli, Kertas::F4, Orientasi::Lanskap)).expect("written");
    std::os::unix::fs::symlink(&elsewhere, repo.join("keluar")).expect("linked");
    for out in ["keluar/hasil.yaml", "keluar"] {
        common::sopc()
            .current_dir(&repo)
            .args(["impor", pdf_path.to_str().expect("utf-8"), "-o", out])
            .assert()
            .code(2)
            .stderr(predicates::str::contains("di luar repositori"));
    }
    assert_eq!(std::fs::read_dir(&elsewhere).expect("listed").count(), 0);
    // the same input, written inside the repository
    common::sopc()
        .current_dir(&repo)
        .args([
            "impor",
            pdf_path.to_str().expect("utf-8"),
            "-o",
            "hasil.yaml",
        ])
        .assert()
        .code(0);
    assert!(repo.join("hasil.yaml").is_file());
}

/// Standard output goes through the command line's one mechanism: a full
/// disk is an I/O error said in Bahasa Indonesia with exit 2 (a closed
/// pipe, the same error of another kind, is exit 0: `tests/cli.rs`).
#[cfg(target_os = "linux")]
#[test]
fn a_full_standard_output_is_an_io_error() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let src = std::fs::read_to_string(&common::contoh_sops()[0]).expect("readable");
    let pdf = dir.path().join("sop.pdf");
    std::fs::write(
        &pdf,
        render(&parse("a.yaml", &src), Kertas::F4, Orientasi::Lanskap),
    )
    .expect("written");
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full opens");
    let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("sopc"))
        .current_dir(dir.path())
        .args(["impor", "sop.pdf", "-o", "hasil.yaml"])
        .stdout(full)
        .output()
        .expect("sopc runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.starts_with("galat: tidak dapat menulis ke keluaran standar"),
        "{stderr}"
    );
}

#[test]
fn a_folder_is_imported_file_by_file_with_a_summary() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let masuk = dir.path().join("masuk");
    std::fs::create_dir(&masuk).expect("created");
    for (i, path) in common::contoh_sops().iter().take(2).enumerate() {
        let src = std::fs::read_to_string(path).expect("readable");
        let asli = parse("a.yaml", &src);
        std::fs::write(
            masuk.join(format!("{i}.pdf")),
            render(&asli, Kertas::A4, Orientasi::Lanskap),
        )
        .expect("written");
    }
    std::fs::write(masuk.join("lama.doc"), [0xD0, 0xCF, 0x11, 0xE0]).expect("written");
    let keluar = dir.path().join("sops");
    let out = common::sopc()
        .current_dir(dir.path())
        .args(["impor", "masuk", "-o", "sops"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).expect("utf-8");
    assert!(out.contains("ditolak"), "{out}");
    assert!(
        out.lines().last().is_some_and(|l| l.ends_with("1 ditolak")),
        "{out}"
    );
    let mut names: Vec<String> = std::fs::read_dir(&keluar)
        .expect("the output folder exists")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let mut expected: Vec<String> = common::contoh_sops()
        .iter()
        .take(2)
        .map(|p| {
            let s = parse("a.yaml", &std::fs::read_to_string(p).expect("readable"));
            format!("{}.yaml", sopc::app::init::slug(&text(&s.nama)))
        })
        .collect();
    expected.sort();
    assert_eq!(names, expected);
}

#[test]
fn a_table_over_several_pages_comes_back_once_with_its_flow() {
    let asli = parse("panjang.yaml", &Panjang::new(30).yaml());
    for (kertas, orientasi) in [
        (Kertas::F4, Orientasi::Lanskap),
        (Kertas::A4, Orientasi::Potret),
    ] {
        let pdf = render(&asli, kertas, orientasi);
        let pages = sopc::impor::pdf::read(&pdf).expect("the PDF reads").len();
        assert!(pages >= 3, "the table runs over several pages ({pages})");
        let balik = impor(&pdf);
        assert_eq!(balik.steps().len(), 30, "{kertas:?}");
        assert_eq!(
            balik
                .steps()
                .iter()
                .filter(|s| s.keputusan.is_some())
                .count(),
            2
        );
        sama(&asli, &balik, &format!("{kertas:?} {orientasi:?}"));
    }
}

/// Generated SOPs with several decisions — loops back, and jumps ahead
/// with printed labels — built on two papers, imported back and checked:
/// the same steps, actors, waktu, targets and labels, and no error in the
/// YAML the importer writes.
#[test]
fn generated_sops_with_several_decisions_come_back_and_check_clean() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let config = sopc::config::Config::default();
    for bentuk in [(14, 4), (23, 6)].map(|(langkah, tiap)| Panjang {
        langkah,
        tiap,
        maju: true,
        varian: None,
    }) {
        let asli = parse("gen.yaml", &bentuk.yaml());
        let decisions: Vec<_> = asli
            .steps()
            .iter()
            .filter_map(|s| s.keputusan.as_ref())
            .collect();
        assert!(
            decisions.len() >= 3,
            "{bentuk:?}: {} decisions",
            decisions.len()
        );
        assert!(
            decisions.iter().any(|k| k.value.ya.is_some()),
            "{bentuk:?}: a decision jumps ahead"
        );
        for (kertas, orientasi) in [
            (Kertas::F4, Orientasi::Lanskap),
            (Kertas::A4, Orientasi::Potret),
        ] {
            let d = dari_pdf(&render(&asli, kertas, orientasi))
                .unwrap_or_else(|t| panic!("imported: {}", t.pesan().id));
            let yaml = tulis::yaml(&d, None, "gen.pdf");
            let balik = parse("impor.yaml", &yaml);
            sama(
                &asli,
                &balik,
                &format!("{bentuk:?} {kertas:?} {orientasi:?}"),
            );
            let path = dir
                .path()
                .join(format!("{}-{kertas:?}.yaml", bentuk.langkah));
            std::fs::write(&path, &yaml).expect("written");
            let reports = sopc::app::batch::check_paths(&[path], &config).expect("checked");
            let errors: usize = reports.iter().map(|r| r.errors()).sum();
            assert_eq!(
                errors, 0,
                "{bentuk:?} {kertas:?}: the imported YAML checks clean"
            );
        }
    }
}

// --- tables drawn as a word processor prints them ---------------------------------

/// A procedure table drawn by hand on A4 landscape pages (PDF coordinates,
/// y up), as a word processor prints one and sopc never does: rows a page
/// break cuts, two diamonds in one row, lines that join other lines. The
/// columns: No, Kegiatan, three pelaksana, Kelengkapan, Waktu, Output,
/// Keterangan; each page starts with the header.
struct Lembar {
    isi: String,
}

/// The column edges of a [`Lembar`].
const X: [f64; 10] = [
    40.0, 70.0, 270.0, 350.0, 430.0, 510.0, 580.0, 630.0, 720.0, 800.0,
];
/// The middle of pelaksana column `a` (0, 1, 2).
fn aktor(a: usize) -> f64 {
    (X[2 + a] + X[3 + a]) / 2.0
}
/// The bottom of a [`Lembar`]'s header.
const KEPALA: f64 = 515.0;

impl Lembar {
    fn baru() -> Lembar {
        let mut l = Lembar {
            isi: "0.5 w\n".into(),
        };
        l.garis(&[(X[0], 560.0), (X[9], 560.0)]);
        l.garis(&[(X[2], 540.0), (X[8], 540.0)]);
        for (x, t) in [(48.0, "No"), (140.0, "Kegiatan"), (730.0, "Keterangan")] {
            l.teks(x, 532.0, t);
        }
        l.teks(360.0, 547.0, "Pelaksana");
        l.teks(580.0, 547.0, "Mutu Baku");
        for (i, t) in [
            "Petugas",
            "Kasubbag",
            "Kepala",
            "Kelengkapan",
            "Waktu",
            "Output",
        ]
        .iter()
        .enumerate()
        {
            l.teks(X[2 + i] + 4.0, 524.0, t);
        }
        l
    }

    /// A row's cells, their first baselines at `y`: its number, kegiatan,
    /// waktu and output.
    fn langkah(&mut self, y: f64, nomor: &str, kegiatan: &str, waktu: &str, output: &str) {
        for (c, t) in [(0, nomor), (1, kegiatan), (6, waktu), (7, output)] {
            if !t.is_empty() {
                self.sel(c, y, &[t]);
            }
        }
    }

    /// A row boundary at `y`, across the table.
    fn batas(&mut self, y: f64) {
        self.garis(&[(X[0], y), (X[9], y)]);
    }

    /// The column rules, from the header's top down to `bawah`.
    fn kolom(&mut self, bawah: f64) {
        for (i, x) in X.iter().enumerate() {
            // the rules inside the Pelaksana and Mutu Baku groups start below their titles
            let atas = if [3, 4, 6, 7].contains(&i) {
                540.0
            } else {
                560.0
            };
            self.garis(&[(*x, atas), (*x, bawah)]);
        }
    }

    /// `t` in 9 pt Helvetica, its baseline starting at (`x`, `y`).
    fn teks(&mut self, x: f64, y: f64, t: &str) {
        self.isi
            .push_str(&format!("BT /F1 9 Tf {x} {y} Td ({t}) Tj ET\n"));
    }

    /// Lines of text 11 pt apart in column `c` (index into [`X`]'s
    /// columns), the first baseline at `y`.
    fn sel(&mut self, c: usize, y: f64, baris: &[&str]) {
        for (i, t) in baris.iter().enumerate() {
            self.teks(X[c] + 4.0, y - 11.0 * i as f64, t);
        }
    }

    fn garis(&mut self, pts: &[(f64, f64)]) {
        for (i, (x, y)) in pts.iter().enumerate() {
            let op = if i == 0 { "m" } else { "l" };
            self.isi.push_str(&format!("{x} {y} {op} "));
        }
        self.isi.push_str("S\n");
    }

    /// A line through `pts` with a filled arrowhead at its end.
    fn panah(&mut self, pts: &[(f64, f64)]) {
        self.garis(pts);
        let (bx, by) = pts[pts.len() - 1];
        let (ax, ay) = pts[pts.len() - 2];
        let len = (bx - ax).hypot(by - ay);
        let (dx, dy) = ((bx - ax) / len, (by - ay) / len);
        // two corners 5 pt back from the tip, 2.5 pt either side
        let (px, py) = (bx - 5.0 * dx, by - 5.0 * dy);
        let (qx, qy) = (2.5 * dy, 2.5 * dx);
        self.isi.push_str(&format!(
            "{bx} {by} m {} {} l {} {} l h f\n",
            px + qx,
            py + qy,
            px - qx,
            py - qy
        ));
    }

    /// A line 2.5 pt thick drawn as Word draws some: a filled outline,
    /// from (`x0`, `y`) across to `x1`, then up or down to `y1` with a
    /// rounded bend, and a filled arrowhead beyond `y1`.
    fn garis_tebal(&mut self, x0: f64, y: f64, x1: f64, y1: f64) {
        let h = 1.25;
        let (k, kv) = ((x1 - x0).signum(), (y1 - y).signum());
        // the outer side of the bend, then the inner one back
        let (luar_y, luar_x) = (y - kv * h, x1 + k * h);
        let (dalam_y, dalam_x) = (y + kv * h, x1 - k * h);
        self.isi.push_str(&format!(
            "{x0} {luar_y} m {} {luar_y} l {luar_x} {luar_y} {luar_x} {luar_y} {luar_x} {} c {luar_x} {y1} l {dalam_x} {y1} l {dalam_x} {dalam_y} l {x0} {dalam_y} l h f\n",
            luar_x - k * 2.0,
            luar_y + kv * 2.0,
        ));
        self.isi.push_str(&format!(
            "{x1} {} m {} {} l {} {} l h f\n",
            y1 + kv * 5.0,
            x1 - 2.5,
            y1 - kv * 0.5,
            x1 + 2.5,
            y1 - kv * 0.5
        ));
    }

    /// A process box centred on (`x`, `y`).
    fn proses(&mut self, x: f64, y: f64) {
        self.isi
            .push_str(&format!("{} {} 50 16 re S\n", x - 25.0, y - 8.0));
    }

    /// A decision diamond centred on (`x`, `y`).
    fn keputusan(&mut self, x: f64, y: f64) {
        self.isi.push_str(&format!(
            "{} {y} m {x} {} l {} {y} l {x} {} l h S\n",
            x - 20.0,
            y + 12.0,
            x + 20.0,
            y - 12.0
        ));
    }

    /// A terminator (a capsule) centred on (`x`, `y`).
    fn terminator(&mut self, x: f64, y: f64) {
        let (l, r, t, b) = (x - 25.0, x + 25.0, y + 8.0, y - 8.0);
        let k = 8.0 * 0.55;
        self.isi.push_str(&format!(
            "{} {t} m {} {t} l {r} {t} {} {} {} {y} c {} {} {r} {b} {} {b} c {} {b} l {l} {b} {} {} {} {y} c {} {} {l} {t} {} {t} c h S\n",
            l + 8.0,
            r - 8.0,
            r + k,
            t,
            r + k,
            r + k,
            b,
            r - 8.0,
            l + 8.0,
            l - k,
            b,
            l - k,
            l - k,
            t,
            l + 8.0
        ));
    }
}

/// A PDF of the given pages' content streams, with Helvetica as `/F1`.
fn lembar_pdf(pages: &[Lembar]) -> Vec<u8> {
    let n = pages.len();
    let kids: Vec<String> = (0..n).map(|i| format!("{} 0 R", 4 + 2 * i)).collect();
    let mut objects = vec![
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        format!("<< /Type /Pages /Kids [{}] /Count {n} >>", kids.join(" ")),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_owned(),
    ];
    for (i, p) in pages.iter().enumerate() {
        objects.push(format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 842 595] /Contents {} 0 R /Resources << /Font << /F1 3 0 R >> >> >>",
            5 + 2 * i
        ));
        objects.push(format!(
            "<< /Length {} >>\nstream\n{}\nendstream",
            p.isi.len(),
            p.isi
        ));
    }
    let refs: Vec<&str> = objects.iter().map(String::as_str).collect();
    pdf(&refs, "")
}

/// A row that a page break cuts where its Kegiatan text ends a paragraph
/// keeps the paragraph break (the page took the space between the two
/// away: only the last line on the page, short of what the first word on
/// the next needed, tells); its Output, cut inside a paragraph, joins as
/// one.
#[test]
fn a_row_a_page_break_cuts_between_paragraphs_keeps_them_apart() {
    let mut satu = Lembar::baru();
    satu.batas(KEPALA);
    satu.sel(0, 503.0, &["1."]);
    satu.sel(1, 503.0, &["Menerima berkas permohonan"]);
    satu.terminator(aktor(0), 495.0);
    satu.sel(7, 503.0, &["Berkas"]);
    satu.batas(480.0);
    satu.sel(0, 468.0, &["2."]);
    satu.sel(
        1,
        468.0,
        &["Memeriksa berkas permohonan yang masuk", "selengkapnya."],
    );
    satu.proses(aktor(1), 455.0);
    satu.sel(6, 468.0, &["1 hari"]);
    satu.sel(7, 468.0, &["Berkas yang sudah"]);
    satu.batas(60.0);
    satu.kolom(60.0);
    let mut dua = Lembar::baru();
    dua.batas(KEPALA);
    dua.sel(
        1,
        503.0,
        &["Menyerahkan berkas kepada kepala untuk", "ditandatangani."],
    );
    dua.sel(7, 503.0, &["seluruhnya diperiksa"]);
    dua.batas(480.0);
    dua.sel(0, 468.0, &["3."]);
    dua.sel(1, 468.0, &["Menandatangani surat"]);
    dua.terminator(aktor(2), 460.0);
    dua.sel(7, 468.0, &["Surat"]);
    dua.batas(440.0);
    dua.kolom(440.0);
    let d = dari_pdf(&lembar_pdf(&[satu, dua]))
        .unwrap_or_else(|t| panic!("imported: {}", t.pesan().id));
    assert_eq!(d.pelaksana, ["Petugas", "Kasubbag", "Kepala"]);
    let langkah: Vec<(&str, &str)> = d
        .langkah
        .iter()
        .map(|b| (b.kegiatan.as_str(), b.nomor.as_str()))
        .collect();
    assert_eq!(
        langkah,
        [
            ("Menerima berkas permohonan", "1"),
            (
                "Memeriksa berkas permohonan yang masuk selengkapnya.\n\nMenyerahkan berkas kepada kepala untuk ditandatangani.",
                "2"
            ),
            ("Menandatangani surat", "3"),
        ]
    );
    assert_eq!(
        d.langkah[1].output,
        sopc::impor::baca::Isi::Teks("Berkas yang sudah seluruhnya diperiksa".into())
    );
    assert_eq!(d.langkah[1].waktu, "1 hari");
}

/// The columns' numbers printed plainly under the header ("1 2 3 … 10",
/// as BPS prints them) are a row of the header, not a first step whose
/// kegiatan is "2".
#[test]
fn a_row_of_plain_column_numbers_under_the_header_is_no_step() {
    // upright, and slanted as 019 prints them (read as italics: `*2*`)
    for miring in [0.0, 0.3] {
        nomor_kolom_di_bawah_kepala(miring);
    }
}

fn nomor_kolom_di_bawah_kepala(miring: f64) {
    let mut l = Lembar::baru();
    l.batas(KEPALA);
    for (c, n) in ["1", "2", "3", "4", "5", "6", "7", "8", "9"]
        .iter()
        .enumerate()
    {
        let (x, y) = (X[c] + 10.0, KEPALA - 9.0);
        l.isi.push_str(&format!(
            "BT /F1 9 Tf 1 0 {miring} 1 {x} {y} Tm ({n}) Tj ET\n"
        ));
    }
    l.batas(KEPALA - 12.0);
    l.sel(0, 490.0, &["1."]);
    l.sel(1, 490.0, &["Menerima berkas permohonan"]);
    l.terminator(aktor(0), 482.0);
    l.sel(6, 490.0, &["1 hari"]);
    l.batas(465.0);
    l.sel(0, 453.0, &["2."]);
    l.sel(1, 453.0, &["Menandatangani surat"]);
    l.terminator(aktor(2), 445.0);
    l.sel(6, 453.0, &["10 menit"]);
    l.batas(425.0);
    l.kolom(425.0);
    let d = dari_pdf(&lembar_pdf(&[l])).unwrap_or_else(|t| panic!("imported: {}", t.pesan().id));
    let langkah: Vec<(&str, &str, &str)> = d
        .langkah
        .iter()
        .map(|b| (b.nomor.as_str(), b.kegiatan.as_str(), b.waktu.as_str()))
        .collect();
    assert_eq!(
        langkah,
        [
            ("1", "Menerima berkas permohonan", "1 hari"),
            ("2", "Menandatangani surat", "10 menit"),
        ],
        "slant {miring}"
    );
}

/// A flowchart pasted as one transparent picture over a text table (002
/// draws its symbols and arrows so: black pixels, the shapes in the soft
/// mask), on a form that prints two pelaksana side by side with no rule
/// between them, only their column numbers under the header: the symbols
/// come from the picture, each in its own column, and the steps say so.
///
/// The columns' numbers part the column whether printed plainly (`3 4`,
/// as 002 does) or in brackets (`(3) (4)`, the seed forms' way).
#[test]
fn a_flowchart_pasted_as_a_transparent_picture_over_a_text_table_is_read() {
    for kurung in [false, true] {
        gambar_transparan(kurung);
    }
}

fn gambar_transparan(kurung: bool) {
    let mut l = Lembar::baru();
    // no rule between Petugas and Kasubbag: the header's and the body's
    l.isi = l
        .isi
        .replace(&format!("{} 540 m {} 60 l S\n", X[3], X[3]), "");
    l.batas(KEPALA);
    for (c, n) in ["1", "2", "3", "4", "5", "6", "7", "8", "9"]
        .iter()
        .enumerate()
    {
        let tengah = (X[c] + X[c + 1]) / 2.0;
        if kurung {
            l.teks(tengah - 5.0, KEPALA - 9.0, &format!("({n})"));
        } else {
            l.teks(tengah - 2.5, KEPALA - 9.0, n);
        }
    }
    l.batas(KEPALA - 12.0);
    l.sel(0, 490.0, &["1."]);
    l.sel(1, 490.0, &["Menerima berkas permohonan"]);
    l.sel(6, 490.0, &["1 hari"]);
    l.batas(465.0);
    l.sel(0, 453.0, &["2."]);
    l.sel(1, 453.0, &["Memeriksa berkas"]);
    l.sel(6, 453.0, &["2 jam"]);
    l.batas(425.0);
    l.sel(0, 413.0, &["3."]);
    l.sel(1, 413.0, &["Menandatangani surat"]);
    l.sel(6, 413.0, &["10 menit"]);
    l.batas(385.0);
    l.kolom(385.0);
    let isi = l
        .isi
        .replace(&format!("{} 540 m {} 385 l S\n", X[3], X[3]), "");
    // the picture: 2 px a point over the three actor columns, rows 1–3
    let (x0, y0, w, h) = (X[2], KEPALA - 12.0, 480usize, 230usize);
    let mut alpha = vec![0u8; w * h];
    let mut tinta = |x: f64, y: f64| {
        let (px, py) = (((x - x0) * 2.0) as isize, ((y0 - y) * 2.0) as isize);
        if (0..w as isize).contains(&px) && (0..h as isize).contains(&py) {
            alpha[py as usize * w + px as usize] = 255;
        }
    };
    let garis = |tinta: &mut dyn FnMut(f64, f64), a: (f64, f64), b: (f64, f64)| {
        let n = ((b.0 - a.0).abs().max((b.1 - a.1).abs()) * 4.0) as usize + 1;
        for i in 0..=n {
            let t = i as f64 / n as f64;
            let (x, y) = (a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t);
            tinta(x, y);
            tinta(x + 0.5, y);
            tinta(x, y + 0.5);
        }
    };
    let kotak = |tinta: &mut dyn FnMut(f64, f64), cx: f64, cy: f64| {
        let (l, r, t, b) = (cx - 25.0, cx + 25.0, cy + 8.0, cy - 8.0);
        for (a, z) in [
            ((l, t), (r, t)),
            ((r, t), (r, b)),
            ((r, b), (l, b)),
            ((l, b), (l, t)),
        ] {
            garis(tinta, a, z);
        }
    };
    kotak(&mut tinta, aktor(0), 478.0);
    kotak(&mut tinta, aktor(1), 445.0);
    kotak(&mut tinta, aktor(2), 400.0);
    // down from the first box, right into the second, down into the third
    garis(&mut tinta, (aktor(0), 470.0), (aktor(0), 445.0));
    garis(&mut tinta, (aktor(0), 445.0), (aktor(1) - 25.0, 445.0));
    garis(&mut tinta, (aktor(1) + 25.0, 445.0), (aktor(2), 445.0));
    garis(&mut tinta, (aktor(2), 445.0), (aktor(2), 408.0));
    for i in 0..10 {
        let d = i as f64 * 0.5;
        // arrowheads: into the second box from the left, the third from above
        garis(
            &mut tinta,
            (aktor(1) - 25.0 - 5.0 + d, 445.0 - 2.5 + d / 2.0),
            (aktor(1) - 25.0 - 5.0 + d, 445.0 + 2.5 - d / 2.0),
        );
        garis(
            &mut tinta,
            (aktor(2) - 2.5 + d / 2.0, 408.0 + 5.0 - d),
            (aktor(2) + 2.5 - d / 2.0, 408.0 + 5.0 - d),
        );
    }
    let hex = |b: &[u8]| b.iter().map(|v| format!("{v:02x}")).collect::<String>() + ">";
    let mut objects = vec![
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [4 0 R] /Count 1 >>".to_owned(),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_owned(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 842 595] /Contents 5 0 R /Resources << /Font << /F1 3 0 R >> /XObject << /Im1 6 0 R >> >> >>".to_owned(),
    ];
    let isi = format!(
        "{isi}q {} 0 0 {} {x0} {} cm /Im1 Do Q\n",
        w as f64 / 2.0,
        h as f64 / 2.0,
        y0 - h as f64 / 2.0
    );
    objects.push(format!(
        "<< /Length {} >>\nstream\n{isi}\nendstream",
        isi.len()
    ));
    let rgb = hex(&vec![0u8; w * h * 3]);
    objects.push(format!(
        "<< /Type /XObject /Subtype /Image /Width {w} /Height {h} /ColorSpace /DeviceRGB /BitsPerComponent 8 /SMask 7 0 R /Filter /ASCIIHexDecode /Length {} >>\nstream\n{rgb}\nendstream",
        rgb.len()
    ));
    let a = hex(&alpha);
    objects.push(format!(
        "<< /Type /XObject /Subtype /Image /Width {w} /Height {h} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /ASCIIHexDecode /Length {} >>\nstream\n{a}\nendstream",
        a.len()
    ));
    let refs: Vec<&str> = objects.iter().map(String::as_str).collect();
    let d = dari_pdf(&pdf(&refs, "")).unwrap_or_else(|t| panic!("imported: {}", t.pesan().id));
    assert_eq!(d.pelaksana, ["Petugas", "Kasubbag", "Kepala"]);
    let langkah: Vec<(&str, Vec<usize>, &str)> = d
        .langkah
        .iter()
        .map(|b| {
            (
                b.kegiatan.as_str(),
                b.simbol.iter().map(|s| s.0).collect(),
                b.waktu.as_str(),
            )
        })
        .collect();
    assert_eq!(
        langkah,
        [
            ("Menerima berkas permohonan", vec![0], "1 hari"),
            ("Memeriksa berkas", vec![1], "2 jam"),
            ("Menandatangani surat", vec![2], "10 menit"),
        ]
    );
    assert!(
        d.langkah.iter().all(|b| b
            .catatan
            .iter()
            .any(|c| c.contains("bagan alir dari gambar"))),
        "{:?}",
        d.langkah.iter().map(|b| &b.catatan).collect::<Vec<_>>()
    );
}

/// Two diamonds in one row, as BPS draws a chain of approvals (the process
/// of the row → the first approver's diamond → the second's, each "no" back
/// to the one before, the first through a line that joins the line into
/// the row's process): one decision step per diamond, in the order the
/// arrows take them, whose YAML checks without an error of its steps.
#[test]
fn two_diamonds_in_one_row_are_consecutive_decision_steps() {
    let mut l = Lembar::baru();
    l.batas(KEPALA);
    l.sel(0, 503.0, &["1."]);
    l.sel(1, 503.0, &["Menyusun konsep laporan"]);
    l.terminator(aktor(2), 497.0);
    l.sel(6, 503.0, &["1 hari"]);
    l.sel(7, 503.0, &["Konsep"]);
    l.batas(480.0);
    l.langkah(
        468.0,
        "2.",
        "Memeriksa dan menyetujui laporan",
        "2 hari",
        "Laporan",
    );
    let y = 452.0;
    l.proses(aktor(2), y);
    l.keputusan(aktor(1), y);
    l.keputusan(aktor(0), y);
    l.batas(425.0);
    l.langkah(413.0, "3.", "Mengirim laporan", "1 hari", "Surat");
    l.terminator(aktor(0), 405.0);
    l.batas(390.0);
    l.kolom(390.0);
    // 1 → the row's process → Kasubbag's diamond → Petugas's diamond
    l.panah(&[(aktor(2), 489.0), (aktor(2), y + 8.0)]);
    l.panah(&[(aktor(2) - 25.0, y), (aktor(1) + 20.0, y)]);
    l.panah(&[(aktor(1) - 20.0, y), (aktor(0) + 20.0, y)]);
    // Petugas's "no": up and over, into Kasubbag's diamond
    l.panah(&[
        (aktor(0), y + 12.0),
        (aktor(0), y + 20.0),
        (aktor(1) - 10.0, y + 20.0),
        (aktor(1) - 10.0, y + 6.0),
    ]);
    // Kasubbag's "no": up, into the line that enters the row's process
    l.garis(&[
        (aktor(1), y + 12.0),
        (aktor(1), y + 24.0),
        (aktor(2), y + 24.0),
    ]);
    // Petugas's "yes": down to step 3
    l.panah(&[(aktor(0), y - 12.0), (aktor(0), 413.0)]);
    let d = dari_pdf(&lembar_pdf(&[l])).unwrap_or_else(|t| panic!("imported: {}", t.pesan().id));
    let waktu: Vec<&str> = d.langkah.iter().map(|b| b.waktu.as_str()).collect();
    assert_eq!(waktu, ["1 hari", "2 hari", "0 menit", "1 hari"]);
    assert_eq!(
        ringkas(&d),
        [
            (vec![2], None),
            // Kasubbag's diamond (with the row's process): yes on to
            // Petugas's, no back through the process into itself
            (vec![2, 1], Some((Some(2), Some(1), None, None))),
            // Petugas's: yes to step 3, no back to Kasubbag's
            (vec![0], Some((Some(3), Some(1), None, None))),
            (vec![0], None),
        ]
    );
    assert_eq!(d.langkah[2].kegiatan, "Memeriksa dan menyetujui laporan");
    let yaml = tulis::yaml(&d, None, "uji.pdf");
    assert!(
        yaml.contains("2 keputusan berurutan dalam satu baris"),
        "{yaml}"
    );
    let sop = parse("impor.yaml", &yaml);
    let steps = sop.steps();
    assert_eq!(steps.len(), 4);
    assert_eq!(
        steps[1].pelaksana_nama().next().map(|p| p.as_str()),
        Some("Kasubbag")
    );
    assert_eq!(
        steps[2].pelaksana_nama().next().map(|p| p.as_str()),
        Some("Petugas")
    );
    assert_eq!(galat_langkah(&yaml), Vec::<String>::new());
}

/// The errors `sopc check` finds in `yaml` but for the identity the test
/// forms do not print (its missing fields): code and message.
fn galat_langkah(yaml: &str) -> Vec<String> {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("impor.yaml");
    std::fs::write(&path, yaml).expect("written");
    let reports =
        sopc::app::batch::check_paths(&[path], &sopc::config::Config::default()).expect("checked");
    reports[0]
        .diagnostics
        .iter()
        .filter(|g| g.severity == sopc::diag::Severity::Error)
        .map(|g| format!("{} {}", g.code, g.message.id))
        .filter(|g| !g.starts_with("wajib-ada") || g.contains("langkah"))
        .collect()
}

/// Per step: the columns of its symbols, and its decision's targets and
/// printed labels.
type Ringkas = Vec<(
    Vec<usize>,
    Option<(Option<usize>, Option<usize>, Option<String>, Option<String>)>,
)>;

fn ringkas(d: &sopc::impor::Dokumen) -> Ringkas {
    d.langkah
        .iter()
        .map(|b| {
            (
                b.simbol.iter().map(|s| s.0).collect(),
                b.keputusan
                    .as_ref()
                    .map(|c| (c.ya, c.tidak, c.label_ya.clone(), c.label_tidak.clone())),
            )
        })
        .collect()
}

/// As BPS 035 draws them: lines 2.5 pt thick as filled outlines with a
/// rounded bend (their ends are the caps, not the short edges of the
/// bend), and two short arrows side by side between two diamonds, one
/// each way, with a label beside each — two arrows, not one line.
#[test]
fn thick_filled_lines_and_two_arrows_side_by_side_are_read() {
    let mut l = Lembar::baru();
    l.batas(KEPALA);
    l.sel(0, 503.0, &["1."]);
    l.sel(1, 503.0, &["Menyusun draf publikasi"]);
    l.terminator(aktor(0), 497.0);
    l.batas(480.0);
    l.sel(0, 468.0, &["2."]);
    l.sel(1, 468.0, &["Memeriksa draf publikasi"]);
    let y = 452.0;
    l.keputusan(aktor(1), y);
    l.keputusan(aktor(2), y);
    l.batas(425.0);
    l.sel(0, 413.0, &["3."]);
    l.sel(1, 413.0, &["Menerbitkan publikasi"]);
    l.terminator(aktor(2), 405.0);
    l.batas(390.0);
    l.kolom(390.0);
    // 1 → Kasubbag's diamond: across, then down, thick
    l.garis_tebal(aktor(0) + 25.0, 497.0, aktor(1), y + 12.5);
    // Kasubbag's yes into Kepala's diamond, Kepala's no back, side by side
    l.panah(&[(aktor(1) + 20.0, y + 3.0), (aktor(2) - 20.0, y + 3.0)]);
    l.teks(aktor(1) + 35.0, y + 6.0, "Y");
    l.panah(&[(aktor(2) - 20.0, y - 3.0), (aktor(1) + 20.0, y - 3.0)]);
    l.teks(aktor(1) + 35.0, y - 13.0, "T");
    // Kasubbag's no back to step 1, thick
    l.garis_tebal(aktor(1) - 20.0, y, aktor(0), 489.5);
    // Kepala's yes down to step 3
    l.panah(&[(aktor(2), y - 12.0), (aktor(2), 413.0)]);
    let d = dari_pdf(&lembar_pdf(&[l])).unwrap_or_else(|t| panic!("imported: {}", t.pesan().id));
    let y_ = |s: &str| Some(s.to_owned());
    assert_eq!(
        ringkas(&d),
        [
            (vec![0], None),
            (vec![1], Some((Some(2), Some(0), y_("Y"), None))),
            (vec![2], Some((Some(3), Some(1), None, y_("T")))),
            (vec![2], None),
        ]
    );
}

/// As BPS 042 draws them: an exit into a box beside its diamond ("Perlu",
/// printed in a corner of the diamond's box) while the other exit goes to
/// the next row, where the box goes too — the box becomes a step of its
/// own; and two exits into two symbols of the next row ("Butuh" into the
/// process, "Tidak" into the terminator beside it) — the terminator, after
/// the process, becomes a step of its own.
#[test]
fn exits_that_end_beside_the_next_step_become_steps_of_their_own() {
    let mut l = Lembar::baru();
    l.batas(KEPALA);
    l.sel(0, 503.0, &["1."]);
    l.sel(1, 503.0, &["Membersihkan perangkat"]);
    l.terminator(aktor(1), 497.0);
    l.batas(480.0);
    l.sel(0, 468.0, &["2."]);
    l.sel(1, 468.0, &["Mengganti thermal pasta"]);
    let y2 = 452.0;
    l.keputusan(aktor(1), y2);
    l.proses(aktor(2), y2);
    l.batas(425.0);
    l.sel(0, 413.0, &["3."]);
    l.sel(1, 413.0, &["Melaporkan hasil"]);
    let y3 = 405.0;
    l.keputusan(aktor(1), y3);
    l.batas(385.0);
    l.sel(0, 373.0, &["4."]);
    l.sel(1, 373.0, &["Mengajukan nota dinas"]);
    l.proses(aktor(1), 366.0);
    l.terminator(aktor(0), 362.0);
    l.batas(345.0);
    l.kolom(345.0);
    l.panah(&[(aktor(1), 489.0), (aktor(1), y2 + 12.0)]);
    // "Perlu" into the box; the box goes nowhere (on to the next row)
    l.panah(&[(aktor(1) + 20.0, y2), (aktor(2) - 25.0, y2)]);
    l.teks(aktor(1) + 8.0, y2 + 5.0, "Perlu");
    l.panah(&[(aktor(1), y2 - 12.0), (aktor(1), y3 + 12.0)]);
    // "Butuh" down into the process, "Tidak" round into the terminator
    l.panah(&[(aktor(1), y3 - 12.0), (aktor(1), 374.0)]);
    l.teks(aktor(1) + 4.0, 382.0, "Butuh");
    l.panah(&[(aktor(1) - 20.0, y3), (aktor(0), y3), (aktor(0), 370.0)]);
    l.teks(aktor(0) + 4.0, y3 + 4.0, "Tidak");
    l.panah(&[(aktor(1) - 25.0, 366.0), (aktor(0) + 25.0, 366.0)]);
    let d = dari_pdf(&lembar_pdf(&[l])).unwrap_or_else(|t| panic!("imported: {}", t.pesan().id));
    let y_ = |s: &str| Some(s.to_owned());
    assert_eq!(
        ringkas(&d),
        [
            (vec![1], None),
            (vec![1], Some((Some(2), Some(3), y_("Perlu"), None))),
            (vec![2], None),
            (vec![1], Some((Some(4), Some(5), y_("Butuh"), y_("Tidak")))),
            (vec![1], None),
            (vec![0], None),
        ]
    );
    assert_eq!(d.langkah[2].kegiatan, "Mengganti thermal pasta");
    assert!(
        d.langkah[2].catatan[0].contains("menjadi langkah tersendiri"),
        "{:?}",
        d.langkah[2].catatan
    );
    let yaml = tulis::yaml(&d, None, "uji.pdf");
    let sop = parse("impor.yaml", &yaml);
    assert_eq!(sop.steps().len(), 6);
}

/// Decisions whose form prints one exit (BPS 058's second diamond): the
/// other is inferred as the forms draw it — back to the step before when
/// the one printed goes on to the next step, to the next step when the one
/// printed goes back — with a note, and the YAML checks.
#[test]
fn a_decision_whose_form_prints_one_exit_gets_the_other_inferred() {
    let mut l = Lembar::baru();
    l.batas(KEPALA);
    l.langkah(503.0, "1.", "Menerima data", "1 hari", "Data");
    l.terminator(aktor(1), 497.0);
    l.batas(480.0);
    l.langkah(468.0, "2.", "Mengolah data", "2 hari", "Tabel");
    l.proses(aktor(1), 452.0);
    l.batas(425.0);
    l.langkah(413.0, "3.", "Memeriksa tabel", "1 hari", "Tabel diperiksa");
    l.keputusan(aktor(1), 405.0);
    l.batas(385.0);
    l.langkah(373.0, "4.", "Menyetujui laporan", "1 hari", "Laporan");
    l.keputusan(aktor(2), 365.0);
    l.batas(345.0);
    l.langkah(333.0, "5.", "Menerbitkan laporan", "1 hari", "Publikasi");
    l.terminator(aktor(2), 325.0);
    l.batas(305.0);
    l.kolom(305.0);
    l.panah(&[(aktor(1), 489.0), (aktor(1), 460.0)]);
    l.panah(&[(aktor(1), 444.0), (aktor(1), 417.0)]);
    // step 3 prints one exit, unlabelled, on to step 4
    l.panah(&[
        (aktor(1) + 20.0, 405.0),
        (aktor(2), 405.0),
        (aktor(2), 377.0),
    ]);
    // step 4 prints one exit, "T", back up into step 2's process
    l.panah(&[
        (aktor(2) + 20.0, 365.0),
        (aktor(2) + 35.0, 365.0),
        (aktor(2) + 35.0, 452.0),
        (aktor(1) + 25.0, 452.0),
    ]);
    l.teks(aktor(2) + 23.0, 368.0, "T");
    let d = dari_pdf(&lembar_pdf(&[l])).unwrap_or_else(|t| panic!("imported: {}", t.pesan().id));
    let t = |s: &str| Some(s.to_owned());
    assert_eq!(
        ringkas(&d),
        [
            (vec![1], None),
            (vec![1], None),
            // printed: yes on to step 4; inferred: no back to step 2
            (vec![1], Some((Some(3), Some(1), None, None))),
            // printed: no back to step 2; inferred: yes on to step 5
            (vec![2], Some((Some(4), Some(1), None, t("T")))),
            (vec![2], None),
        ]
    );
    for i in [2, 3] {
        let c = d.langkah[i].keputusan.as_ref().expect("a decision");
        assert!(c.disimpulkan, "step {}", i + 1);
        assert!(
            c.catatan
                .iter()
                .any(|n| n.contains("hanya satu jalan keluar tercetak atau terbaca")),
            "{:?}",
            c.catatan
        );
    }
    let yaml = tulis::yaml(&d, None, "uji.pdf");
    assert!(
        yaml.contains("`tidak` ke langkah-2 (langkah sebelumnya) disimpulkan"),
        "{yaml}"
    );
    assert!(
        yaml.contains("`ya` ke langkah-5 (langkah berikutnya) disimpulkan"),
        "{yaml}"
    );
    assert_eq!(galat_langkah(&yaml), Vec::<String>::new());
}

/// Arrowheads that stop 10 pt short of the symbol they point at (BPS 032
/// draws its arrows so) enter it; one pointing past a symbol does not.
#[test]
fn an_arrowhead_that_stops_short_of_the_symbol_it_points_at_enters_it() {
    let mut l = Lembar::baru();
    l.batas(KEPALA);
    l.langkah(503.0, "1.", "Menyusun draf", "", "");
    l.terminator(aktor(0), 497.0);
    l.batas(480.0);
    l.langkah(468.0, "2.", "Menulis analisis", "", "");
    l.proses(aktor(0), 452.0);
    l.batas(425.0);
    l.langkah(413.0, "3.", "Memeriksa analisis", "", "");
    l.keputusan(aktor(1), 405.0);
    l.batas(385.0);
    l.langkah(373.0, "4.", "Merilis publikasi", "", "");
    l.terminator(aktor(1), 360.0);
    l.batas(345.0);
    l.kolom(345.0);
    // each head 10 pt before its symbol
    l.panah(&[(aktor(0), 489.0), (aktor(0), 470.0)]);
    l.panah(&[
        (aktor(0) + 25.0, 452.0),
        (aktor(1), 452.0),
        (aktor(1), 427.0),
    ]);
    l.panah(&[(aktor(1), 393.0), (aktor(1), 378.0)]);
    l.teks(aktor(1) + 4.0, 386.0, "Y");
    // "T" back up to step 2's box
    l.panah(&[
        (aktor(1) - 20.0, 405.0),
        (aktor(0), 405.0),
        (aktor(0), 434.0),
    ]);
    l.teks(aktor(0) + 4.0, 408.0, "T");
    // a loose arrow in Kepala's column, pointing down past everything
    l.panah(&[(aktor(2), 470.0), (aktor(2), 440.0)]);
    let d = dari_pdf(&lembar_pdf(&[l])).unwrap_or_else(|t| panic!("imported: {}", t.pesan().id));
    let t = |s: &str| Some(s.to_owned());
    assert_eq!(
        ringkas(&d),
        [
            (vec![0], None),
            (vec![0], None),
            (vec![1], Some((Some(3), Some(1), t("Y"), t("T")))),
            (vec![1], None),
        ]
    );
    assert!(d.langkah.iter().all(|b| b.lanjut.is_none()));
}

/// A tanggal pembuatan printed as a month and a year only (BPS 203:
/// "April 2020") is written as the 1st of the month with a note, and an
/// empty Waktu cell as a time not stated, which the total leaves out (the
/// language requires both): the YAML checks without an error of either.
#[test]
fn a_date_without_its_day_and_an_empty_waktu_cell_are_written_checkable() {
    let mut l = Lembar::baru();
    // the identity cells above the table
    for y in [594.0, 583.0, 572.0, 563.0] {
        l.garis(&[(560.0, y), (800.0, y)]);
    }
    for x in [560.0, 650.0, 800.0] {
        l.garis(&[(x, 594.0), (x, 563.0)]);
    }
    for (y, label, nilai) in [
        (586.0, "Nomor SOP", "SOP-1/2025"),
        (575.0, "Tanggal Pembuatan", "April 2020"),
        (565.0, "Nama SOP", "Penanganan Laporan"),
    ] {
        l.teks(563.0, y, label);
        l.teks(653.0, y, nilai);
    }
    l.batas(KEPALA);
    l.sel(0, 503.0, &["1."]);
    l.sel(1, 503.0, &["Menerima laporan"]);
    l.terminator(aktor(0), 497.0);
    l.sel(6, 503.0, &["1 hari"]);
    l.sel(7, 503.0, &["Laporan"]);
    l.batas(480.0);
    l.sel(0, 468.0, &["2."]);
    l.sel(1, 468.0, &["Menerima tindak lanjut"]);
    l.terminator(aktor(1), 460.0);
    l.sel(7, 468.0, &["Sertifikat"]);
    l.batas(445.0);
    l.kolom(445.0);
    l.panah(&[
        (aktor(0) + 25.0, 497.0),
        (aktor(1), 497.0),
        (aktor(1), 468.0),
    ]);
    let d = dari_pdf(&lembar_pdf(&[l])).unwrap_or_else(|t| panic!("imported: {}", t.pesan().id));
    assert_eq!(d.pembuatan.teks, "1 April 2020");
    assert!(
        d.pembuatan
            .catatan
            .as_deref()
            .is_some_and(|c| c.contains("dicetak tanpa hari (\"April 2020\")")),
        "{:?}",
        d.pembuatan
    );
    assert_eq!(d.langkah[1].waktu, "");
    let yaml = tulis::yaml(&d, None, "uji.pdf");
    assert!(
        yaml.contains("waktu: tidak tercantum   # impor: sel Waktu kosong pada formulir"),
        "{yaml}"
    );
    let sop = parse("impor.yaml", &yaml);
    let t = sop
        .tanggal
        .as_ref()
        .and_then(|t| t.value.pembuatan.as_ref());
    assert_eq!(
        t.and_then(|p| p.value.nilai),
        sopc::model::tanggal::Tanggal::new(2020, 4, 1)
    );
    let galat: Vec<String> = galat_langkah(&yaml)
        .into_iter()
        .filter(|g| g.contains("waktu") || g.contains("pembuatan") || g.contains("tanggal"))
        .collect();
    assert_eq!(galat, Vec::<String>::new());
}

/// As BPS 218 and 221 draw their last row: a decision and the box its
/// "yes" enters in one printed row, and a line down the Kasubbag column
/// that links rows 1 to 3 to the Kepala box of row 2 and to the diamond's
/// entry. The "no" ends with its own arrowhead on that line beside row 2's
/// box: traced along its own line it goes to step 2, not to every box the
/// line links; the box beside the diamond becomes step 4 (the row's
/// kegiatan, no time of its own, output `-`), as a step has a decision or
/// a process, not both.
#[test]
fn a_decision_and_the_box_its_exit_enters_in_one_row_are_two_steps() {
    let mut l = Lembar::baru();
    l.batas(KEPALA);
    l.langkah(503.0, "1.", "Menerima berkas", "1 hari", "Berkas");
    l.proses(aktor(1), 492.0);
    l.batas(470.0);
    l.langkah(458.0, "2.", "Mengolah berkas", "2 hari", "Tabel");
    l.proses(aktor(2), 447.0);
    l.batas(425.0);
    l.langkah(413.0, "3.", "Menyusun laporan", "1 hari", "Laporan");
    l.keputusan(aktor(0), 400.0);
    l.proses(aktor(1), 400.0);
    l.batas(380.0);
    l.kolom(380.0);
    // the shared line: from row 1's box down to row 3's, an arrow off it
    // into row 2's box and the diamond's entry
    l.garis(&[(aktor(1), 484.0), (aktor(1), 408.0)]);
    l.panah(&[(aktor(1), 447.0), (aktor(2) - 25.0, 447.0)]);
    l.panah(&[(aktor(1), 418.0), (aktor(0), 418.0), (aktor(0), 412.0)]);
    // "T": left, up and right onto the line beside row 2's box
    l.panah(&[
        (aktor(0) - 20.0, 400.0),
        (aktor(0) - 32.0, 400.0),
        (aktor(0) - 32.0, 452.0),
        (aktor(1), 452.0),
    ]);
    l.teks(aktor(0) - 30.0, 455.0, "T");
    // "Y": right into the box beside the diamond
    l.panah(&[(aktor(0) + 20.0, 400.0), (aktor(1) - 25.0, 400.0)]);
    l.teks(aktor(0) + 24.0, 390.0, "Y");
    let d = dari_pdf(&lembar_pdf(&[l])).unwrap_or_else(|t| panic!("imported: {}", t.pesan().id));
    assert_eq!(
        ringkas(&d),
        [
            (vec![1], None),
            (vec![2], None),
            (
                vec![0],
                Some((Some(3), Some(1), Some("Y".into()), Some("T".into())))
            ),
            (vec![1], None),
        ]
    );
    let langkah: Vec<(&str, &str, Option<usize>)> = d
        .langkah
        .iter()
        .map(|b| (b.kegiatan.as_str(), b.waktu.as_str(), b.lanjut))
        .collect();
    assert_eq!(
        langkah,
        [
            ("Menerima berkas", "1 hari", None),
            ("Mengolah berkas", "2 hari", None),
            ("Menyusun laporan", "1 hari", None),
            ("Menyusun laporan", "0 menit", None),
        ]
    );
    let yaml = tulis::yaml(&d, None, "uji.pdf");
    assert!(
        yaml.contains("tujuan jalan keluar keputusan baris itu (kotak di kolom Kasubbag), menjadi langkah tersendiri"),
        "{yaml}"
    );
    assert_eq!(galat_langkah(&yaml), Vec::<String>::new());
}

/// An empty printed Output cell is written `-` with a note (the language
/// requires an output), so the YAML checks without an output error.
#[test]
fn an_empty_output_cell_is_written_checkable() {
    let mut l = Lembar::baru();
    l.batas(KEPALA);
    l.langkah(503.0, "1.", "Menerima laporan", "1 hari", "Laporan");
    l.terminator(aktor(0), 497.0);
    l.batas(480.0);
    l.langkah(468.0, "2.", "Menutup laporan", "1 jam", "");
    l.terminator(aktor(1), 460.0);
    l.batas(445.0);
    l.kolom(445.0);
    l.panah(&[
        (aktor(0) + 25.0, 497.0),
        (aktor(1), 497.0),
        (aktor(1), 468.0),
    ]);
    let d = dari_pdf(&lembar_pdf(&[l])).unwrap_or_else(|t| panic!("imported: {}", t.pesan().id));
    assert_eq!(d.langkah.len(), 2);
    assert_eq!(d.langkah[1].output, sopc::impor::baca::Isi::Kosong);
    let yaml = tulis::yaml(&d, None, "uji.pdf");
    assert!(
        yaml.contains("output: \"-\"   # impor: sel Output kosong pada formulir"),
        "{yaml}"
    );
    assert!(!yaml.contains("output: \"\""), "{yaml}");
    let galat: Vec<String> = galat_langkah(&yaml)
        .into_iter()
        .filter(|g| g.contains("output"))
        .collect();
    assert_eq!(galat, Vec::<String>::new());
}

/// A picture for [`lembar_gambar_pdf`]: black where `tinta` says, on the
/// page from (`x0`, `y0`) (its top left, in pt) `w` × `h` pt, with `sx`
/// pixels a pt across and `sy` down.
struct Gambar {
    x0: f64,
    y0: f64,
    w: f64,
    h: f64,
    sx: f64,
    sy: f64,
    tinta: Box<dyn Fn(f64, f64) -> bool>,
}

/// A PDF of one page, `isi` and the pictures over it (each transparent
/// where it has no ink, as 002 and 055 paste theirs).
fn lembar_gambar_pdf(isi: &str, gambar: &[Gambar]) -> Vec<u8> {
    let hex = |b: &[u8]| b.iter().map(|v| format!("{v:02x}")).collect::<String>() + ">";
    let xobj: Vec<String> = (0..gambar.len())
        .map(|i| format!("/Im{i} {} 0 R", 6 + 2 * i))
        .collect();
    let mut objects = vec![
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [4 0 R] /Count 1 >>".to_owned(),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_owned(),
        format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 842 595] /Contents 5 0 R /Resources << /Font << /F1 3 0 R >> /XObject << {} >> >> >>",
            xobj.join(" ")
        ),
    ];
    let mut isi = isi.to_owned();
    for (i, g) in gambar.iter().enumerate() {
        isi.push_str(&format!(
            "q {} 0 0 {} {} {} cm /Im{i} Do Q\n",
            g.w,
            g.h,
            g.x0,
            g.y0 - g.h
        ));
    }
    objects.push(format!(
        "<< /Length {} >>\nstream\n{isi}\nendstream",
        isi.len()
    ));
    for g in gambar {
        let (w, h) = ((g.w * g.sx).round() as usize, (g.h * g.sy).round() as usize);
        let alpha: Vec<u8> = (0..w * h)
            .map(|i| {
                let x = g.x0 + ((i % w) as f64 + 0.5) / g.sx;
                let y = g.y0 - ((i / w) as f64 + 0.5) / g.sy;
                if (g.tinta)(x, y) { 255 } else { 0 }
            })
            .collect();
        let rgb = hex(&vec![0u8; w * h * 3]);
        objects.push(format!(
            "<< /Type /XObject /Subtype /Image /Width {w} /Height {h} /ColorSpace /DeviceRGB /BitsPerComponent 8 /SMask {} 0 R /Filter /ASCIIHexDecode /Length {} >>\nstream\n{rgb}\nendstream",
            objects.len() + 2,
            rgb.len()
        ));
        let a = hex(&alpha);
        objects.push(format!(
            "<< /Type /XObject /Subtype /Image /Width {w} /Height {h} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /ASCIIHexDecode /Length {} >>\nstream\n{a}\nendstream",
            a.len()
        ));
    }
    let refs: Vec<&str> = objects.iter().map(String::as_str).collect();
    pdf(&refs, "")
}

/// A connector pasted as a small picture the PDF stretches more than twice
/// as much down as across (BPS 055): from (`x0`, `y`) across to `x1`, then
/// up or down to an arrowhead, 6 pt wide and 12 pt long, whose point stops
/// at `y1`.
fn penghubung_gambar(x0: f64, y: f64, x1: f64, y1: f64) -> Gambar {
    let (kiri, kanan) = (x0.min(x1) - 4.0, x0.max(x1) + 4.0);
    let (atas, bawah) = (y.max(y1) + 2.0, y.min(y1) - 2.0);
    let arah = (y1 - y).signum();
    let pangkal = y1 - 12.0 * arah;
    Gambar {
        x0: kiri,
        y0: atas,
        w: kanan - kiri,
        h: atas - bawah,
        sx: 2.0,
        sy: 0.9,
        tinta: Box::new(move |x, yy| {
            let mendatar = (yy - y).abs() <= 1.1 && x >= x0.min(x1) - 0.5 && x <= x0.max(x1) + 0.5;
            let tegak =
                (x - x1).abs() <= 0.5 && (yy - y) * arah >= -0.6 && (yy - pangkal) * arah <= 0.0;
            // the head: 3 pt either side at its base, narrowing to its point
            let t = (yy - pangkal) * arah / 12.0;
            let kepala = (0.0..=1.0).contains(&t) && (x - x1).abs() <= 3.0 * (1.0 - t);
            mendatar || tegak || kepala
        }),
    }
}

/// A flowchart whose connectors are small pictures stretched unevenly
/// (BPS 055: 150 ppi across, 67 down), each arrowhead drawn twice as long
/// as wide and stopping short of its symbol: their lines and heads are
/// read, and the decision gets both exits.
#[test]
fn connectors_pasted_as_pictures_stretched_unevenly_are_read() {
    let mut l = Lembar::baru();
    l.batas(KEPALA);
    l.langkah(503.0, "1.", "Membuat laporan kegiatan", "1 hari", "Laporan");
    l.proses(aktor(1), 497.0);
    l.batas(480.0);
    l.langkah(
        468.0,
        "2.",
        "Memeriksa laporan",
        "1 hari",
        "Laporan diperiksa",
    );
    l.keputusan(aktor(0), 445.0);
    l.batas(425.0);
    l.langkah(413.0, "3.", "Mengevaluasi laporan", "1 hari", "Evaluasi");
    l.terminator(aktor(0), 400.0);
    l.batas(385.0);
    l.kolom(385.0);
    // "Sudah benar" on down to step 3, drawn
    l.panah(&[(aktor(0), 433.0), (aktor(0), 408.0)]);
    l.teks(aktor(0) + 3.0, 425.0, "Sudah");
    l.teks(aktor(0) + 24.0, 448.0, "Belum");
    let gambar = [
        // step 1's box into the diamond: left, then down
        penghubung_gambar(aktor(1) - 25.0, 497.0, aktor(0), 458.0),
        // "Belum benar": right, then up into step 1's box
        penghubung_gambar(aktor(0) + 20.0, 445.0, aktor(1), 488.0),
    ];
    let d = dari_pdf(&lembar_gambar_pdf(&l.isi, &gambar))
        .unwrap_or_else(|t| panic!("imported: {}", t.pesan().id));
    let t = |s: &str| Some(s.to_owned());
    assert_eq!(
        ringkas(&d),
        [
            (vec![1], None),
            (vec![0], Some((Some(2), Some(0), t("Sudah"), t("Belum")))),
            (vec![0], None),
        ]
    );
    // both exits read, with their arrowheads (no direction guessed)
    let c = d.langkah[1].keputusan.as_ref().expect("a decision");
    assert_eq!(c.catatan, Vec::<String>::new());
    assert!(!c.disimpulkan);
}

// --- DOCX -------------------------------------------------------------------------

/// A `.docx` holding `body` as its `word/document.xml` body, written with
/// the zip crate (no word processor needed).
fn docx(body: &str) -> Vec<u8> {
    use std::io::Write;
    let xml = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml"><w:body>{body}</w:body></w:document>"#
    );
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opt = zip::write::SimpleFileOptions::default();
    // the package parts a word processor needs to open it
    z.start_file("[Content_Types].xml", opt).expect("entry");
    z.write_all(br#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#)
        .expect("written");
    z.start_file("_rels/.rels", opt).expect("entry");
    z.write_all(br#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#)
        .expect("written");
    z.start_file("word/document.xml", opt).expect("entry");
    z.write_all(xml.as_bytes()).expect("written");
    z.finish().expect("finished").into_inner()
}

/// A cell: `props` inside `w:tcPr`, then its paragraphs (`inner` raw XML
/// appended to the last paragraph's runs).
fn tc(props: &str, paras: &[&str], inner: &str) -> String {
    let mut s = format!("<w:tc><w:tcPr>{props}</w:tcPr>");
    if paras.is_empty() {
        s.push_str(&format!("<w:p>{inner}</w:p>"));
    }
    for (i, p) in paras.iter().enumerate() {
        let extra = if i + 1 == paras.len() { inner } else { "" };
        s.push_str(&format!(
            "<w:p><w:r><w:t xml:space=\"preserve\">{p}</w:t></w:r>{extra}</w:p>"
        ));
    }
    s + "</w:tc>"
}

fn tr(cells: &[String]) -> String {
    format!("<w:tr>{}</w:tr>", cells.concat())
}

/// A DrawingML shape with the given preset, in an `mc:AlternateContent`
/// whose VML fallback says `fallback`: only one branch may be read.
fn shape(prst: &str, fallback: &str) -> String {
    format!(
        r##"<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><wp:extent cx="900000" cy="400000"/><a:graphic><a:graphicData><wps:wsp><wps:spPr><a:prstGeom prst="{prst}"><a:avLst/></a:prstGeom></wps:spPr><wps:txbx><w:txbxContent><w:p><w:r><w:t>teks di dalam bentuk</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape type="#{fallback}"/></w:pict></mc:Fallback></mc:AlternateContent></w:r>"##
    )
}

/// The two header rows of a procedure table (No, Kegiatan, Pelaksana over
/// three `aktor`, Mutu Baku over Kelengkapan, Waktu, Output, Keterangan),
/// each row with the properties `trpr`.
fn kepala_prosedur(trpr: &str, aktor: [&str; 3]) -> String {
    let c = |p: &[&str]| tc("", p, "");
    let vm = |p: &[&str]| tc("<w:vMerge w:val=\"restart\"/>", p, "");
    let cont = || tc("<w:vMerge/>", &[], "");
    let span = |p: &[&str]| tc("<w:gridSpan w:val=\"3\"/>", p, "");
    let atas = [
        vm(&["No"]),
        vm(&["Kegiatan"]),
        span(&["Pelaksana"]),
        span(&["Mutu Baku"]),
        vm(&["Keterangan"]),
    ];
    let bawah = [
        cont(),
        cont(),
        c(&[aktor[0]]),
        c(&[aktor[1]]),
        c(&[aktor[2]]),
        c(&["Kelengkapan"]),
        c(&["Waktu"]),
        c(&["Output"]),
        cont(),
    ];
    format!(
        "<w:tr>{trpr}{}</w:tr><w:tr>{trpr}{}</w:tr>",
        atas.concat(),
        bawah.concat()
    )
}

/// A small SOP as an office drafts it in Word: the identity table with the
/// instansi merged down the left, the six boxes, and a procedure table with
/// grouped headers (Pelaksana, Mutu Baku) over two rows, four steps, one a
/// decision, symbols drawn as DrawingML (with VML fallbacks), as VML only,
/// and marked by shading; one row starts after a `gridBefore`.
fn sop_docx() -> Vec<u8> {
    let c = |p: &[&str]| tc("", p, "");
    let restart = "<w:vMerge w:val=\"restart\"/>";
    let cont = "<w:vMerge/>";
    let identitas = [
        tr(&[
            tc(
                restart,
                &[
                    "PEMERINTAH KABUPATEN CONTOH",
                    "DINAS KOMUNIKASI",
                    "BIDANG UMUM",
                ],
                "",
            ),
            c(&["Nomor SOP"]),
            c(&["800/12/DK/2024"]),
        ]),
        tr(&[
            tc(cont, &[], ""),
            c(&["Tanggal Pembuatan"]),
            c(&["2 Januari 2024"]),
        ]),
        tr(&[
            tc(cont, &[], ""),
            c(&["Tanggal Efektif"]),
            c(&["15 Januari 2024"]),
        ]),
        tr(&[
            tc(cont, &[], ""),
            c(&["Disahkan oleh"]),
            c(&[
                "Kepala Dinas Komunikasi",
                "",
                "Budi Santoso, S.Kom.",
                "Pembina (IV/a)",
                "NIP. 19700101 200003 1 001",
            ]),
        ]),
        tr(&[
            tc(cont, &[], ""),
            c(&["Nama SOP"]),
            c(&["Penerbitan Surat Rekomendasi"]),
        ]),
    ]
    .concat();
    let kotak = [
        tr(&[c(&["Dasar Hukum:"]), c(&["Kualifikasi Pelaksana:"])]),
        tr(&[
            c(&[
                "1. Undang-Undang Nomor 23 Tahun 2014",
                "2. Peraturan Bupati Nomor 5 Tahun 2020",
            ]),
            c(&["Memahami tata naskah dinas"]),
        ]),
        tr(&[c(&["Keterkaitan:"]), c(&["Peralatan/Perlengkapan:"])]),
        tr(&[c(&["-"]), c(&["Komputer", "Printer"])]),
        tr(&[c(&["Peringatan:"]), c(&["Pencatatan dan Pendataan:"])]),
        tr(&[
            c(&["Surat tidak diterbitkan bila berkas tidak lengkap"]),
            c(&["Buku agenda"]),
        ]),
    ]
    .concat();
    let fill = "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"000000\"/>";
    let prosedur = [
        kepala_prosedur("", ["Staf", "Kepala Seksi", "Kepala Dinas"]),
        tr(&[
            c(&["1"]),
            c(&["Menerima permohonan &amp; berkas"]),
            tc("", &[], &shape("flowChartTerminator", "_x0000_t110")),
            c(&[]),
            c(&[]),
            // a list Word numbers itself: the numbers are not in the text
            tc(
                "",
                &[],
                &["Surat permohonan", "KTP"]
                    .map(|t| format!(r#"</w:p><w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>{t}</w:t></w:r>"#))
                    .concat(),
            ),
            c(&["15 menit"]),
            c(&["Berkas diterima"]),
            c(&[]),
        ]),
        tr(&[
            c(&["2"]),
            c(&["Memeriksa kelengkapan berkas"]),
            c(&[]),
            tc("", &[], &shape("flowChartDecision", "_x0000_t109")),
            c(&[]),
            c(&["Berkas permohonan"]),
            c(&["30 menit"]),
            c(&["Berkas terperiksa"]),
            c(&["Ya: ke langkah 3; Tidak: kembali ke langkah 1"]),
        ]),
        format!(
            "<w:tr><w:trPr><w:gridBefore w:val=\"1\"/></w:trPr>{}</w:tr>",
            [
                c(&["Menandatangani surat rekomendasi"]),
                // a "Ya" label drawn as a text box: not a symbol
                tc("", &[], &shape("rect", "_x0000_t202")),
                c(&[]),
                tc(fill, &[], ""),
                c(&["Konsep surat"]),
                c(&["1 hari"]),
                c(&["Surat rekomendasi"]),
                c(&[]),
            ]
            .concat()
        ),
        tr(&[
            c(&["4"]),
            c(&["Menyerahkan surat kepada pemohon"]),
            tc(
                "",
                &[],
                "<w:r><w:pict><v:shape type=\"#_x0000_t116\"/></w:pict></w:r>",
            ),
            c(&[]),
            c(&[]),
            c(&["Surat rekomendasi"]),
            c(&["10 menit"]),
            // a run in italics; two paragraphs that are no list
            tc(
                "",
                &[],
                r#"<w:r><w:t xml:space="preserve">Tanda terima </w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve">online </w:t></w:r><w:r><w:rPr><w:i w:val="1"/></w:rPr><w:t>berkas</w:t></w:r><w:r><w:rPr><w:i w:val="false"/></w:rPr><w:t>.</w:t></w:r>"#,
            ),
            c(&["Diserahkan langsung.", "Atau dikirim lewat pos."]),
        ]),
    ]
    .concat();
    docx(&format!(
        "<w:tbl>{identitas}</w:tbl><w:p/><w:tbl>{kotak}</w:tbl><w:p/><w:tbl>{prosedur}</w:tbl>"
    ))
}

/// Imports a `.docx`: what was read, the YAML written, and what
/// [`pokok`] lists of it.
fn impor_docx(bytes: &[u8]) -> (sopc::impor::Dokumen, String, Vec<String>) {
    let d = sopc::impor::dari_docx(bytes).unwrap_or_else(|t| panic!("imported: {}", t.pesan().id));
    let yaml = tulis::yaml(&d, None, "uji.docx");
    let p = pokok(&parse("impor.yaml", &yaml));
    (d, yaml, p)
}

#[test]
fn a_docx_sop_comes_back_from_words_own_structure() {
    let (d, yaml, p) = impor_docx(&sop_docx());
    let has = |line: &str| assert!(p.iter().any(|l| l == line), "{line}\n{p:#?}\n{yaml}");
    has("nomor 800/12/DK/2024");
    has("nama Penerbitan Surat Rekomendasi");
    has("pemerintah pemerintah kabupaten contoh");
    has("instansi dinas komunikasi");
    has("jabatan kepala dinas komunikasi");
    has("pengesah Budi Santoso, S.Kom.");
    has("pangkat Pembina (IV/a)");
    has("nip 19700101 200003 1 001");
    has(
        r#"dasar_hukum ["Undang-Undang Nomor 23 Tahun 2014", "Peraturan Bupati Nomor 5 Tahun 2020"]"#,
    );
    has(r#"peralatan ["Komputer", "Printer"]"#);
    has(r#"pelaksana ["Staf", "Kepala Seksi", "Kepala Dinas"]"#);
    has("langkah 4");
    has("1 kegiatan Menerima permohonan & berkas");
    has("1 pelaksana Staf");
    has("2 pelaksana Kepala Seksi");
    // the row after a gridBefore: its cells shifted by one grid column
    has("3 kegiatan Menandatangani surat rekomendasi");
    has("3 pelaksana Kepala Dinas");
    has("4 pelaksana Staf");
    has("1 waktu 15 menit");
    has("3 waktu 1 hari");
    has(r#"1 kelengkapan Daftar(["Surat permohonan", "KTP"])"#);
    has(r#"2 output Teks("Berkas terperiksa")"#);
    has(r#"4 output Teks("Tanda terima *online berkas*.")"#);
    has(r#"4 keterangan Teks("Diserahkan langsung.\n\nAtau dikirim lewat pos.")"#);
    // the decision: tidak back to step 1, ya on to the next
    has(r#"2 keputusan Some((2, 0, "ya", "tidak"))"#);
    has("1 keputusan None");
    // one branch of mc:AlternateContent only: the fallback of step 1 is a
    // decision and of step 2 a process, and neither was read
    assert!(d.langkah[0].keputusan.is_none());
    assert_eq!(d.langkah[0].simbol.len(), 1);
    assert_eq!(d.langkah[1].simbol.len(), 1);
    assert_eq!(d.langkah[2].simbol.len(), 1);
    // the text inside a shape is not the cell's text
    assert!(!yaml.contains("teks di dalam bentuk"), "{yaml}");
}

/// A Word flowchart laid out on a known grid: the procedure table's
/// columns (pt) and row tops, so that shapes can be anchored in their cells
/// as Word anchors them (offsets from the cell's text, inside its 5.4 pt
/// margin, and from the row's top).
struct Petak {
    /// Left edge of each grid column, and the table's right edge.
    x: Vec<f64>,
    /// Top of each row, and the table's bottom.
    y: Vec<f64>,
}

impl Petak {
    /// Where `(x, y)` on the page lies from the text of cell (`row`, `col`).
    fn di(&self, row: usize, col: usize, p: (f64, f64)) -> (f64, f64) {
        (p.0 - self.x[col] - 5.4, p.1 - self.y[row])
    }
}

const EMU: f64 = 12_700.0;

/// A DrawingML shape `wsp` anchored at `at` (pt, in its cell) with the
/// size `ext`.
fn jangkar(at: (f64, f64), ext: (f64, f64), wsp: &str) -> String {
    let e = |v: f64| (v * EMU).round() as i64;
    format!(
        r#"<w:drawing><wp:anchor behindDoc="0"><wp:positionH relativeFrom="column"><wp:posOffset>{}</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>{}</wp:posOffset></wp:positionV><wp:extent cx="{}" cy="{}"/><a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">{wsp}</a:graphicData></a:graphic></wp:anchor></w:drawing>"#,
        e(at.0),
        e(at.1),
        e(ext.0),
        e(ext.1)
    )
}

/// A flowchart symbol of `size` whose top left is at `at` (in its cell).
fn simbol(prst: &str, at: (f64, f64), size: (f64, f64)) -> String {
    let e = |v: f64| (v * EMU).round() as i64;
    let wsp = format!(
        r#"<wps:wsp><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{}" cy="{}"/></a:xfrm><a:prstGeom prst="{prst}"><a:avLst/></a:prstGeom></wps:spPr></wps:wsp>"#,
        e(size.0),
        e(size.1)
    );
    format!("<w:r>{}</w:r>", jangkar(at, size, &wsp))
}

/// A connector from `a` to `b` (in its cell) drawn with `prst`, with an
/// arrowhead at `b` when `kepala`.
fn konektor(prst: &str, a: (f64, f64), b: (f64, f64), kepala: bool) -> String {
    let e = |v: f64| (v * EMU).round() as i64;
    let ext = ((b.0 - a.0).abs(), (b.1 - a.1).abs());
    let flip = format!(
        "{}{}",
        if b.0 < a.0 { r#" flipH="1""# } else { "" },
        if b.1 < a.1 { r#" flipV="1""# } else { "" }
    );
    let head = if kepala {
        r#"<a:tailEnd type="triangle"/>"#
    } else {
        r#"<a:tailEnd type="none"/>"#
    };
    let wsp = format!(
        r#"<wps:wsp><wps:cNvCnPr/><wps:spPr><a:xfrm{flip}><a:off x="0" y="0"/><a:ext cx="{}" cy="{}"/></a:xfrm><a:prstGeom prst="{prst}"><a:avLst/></a:prstGeom><a:ln w="9525"><a:headEnd type="none"/>{head}</a:ln></wps:spPr><wps:bodyPr/></wps:wsp>"#,
        e(ext.0),
        e(ext.1)
    );
    jangkar((a.0.min(b.0), a.1.min(b.1)), ext, &wsp)
}

/// A text box with `teks` (a label beside an exit) at `at`, `size` big.
fn kotak_teks(teks: &str, at: (f64, f64), size: (f64, f64)) -> String {
    let e = |v: f64| (v * EMU).round() as i64;
    let wsp = format!(
        r#"<wps:wsp><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{}" cy="{}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln></wps:spPr><wps:txbx><w:txbxContent><w:p><w:r><w:t>{teks}</w:t></w:r></w:p></w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp>"#,
        e(size.0),
        e(size.1)
    );
    jangkar(at, size, &wsp)
}

/// A VML line from `a` to `b` (in its cell), with an arrowhead at `b` when
/// `kepala` (an older Word, or a document without DrawingML).
fn garis_vml(a: (f64, f64), b: (f64, f64), kepala: bool) -> String {
    let stroke = if kepala {
        r#"<v:stroke endarrow="block"/>"#
    } else {
        ""
    };
    format!(
        r#"<v:line style="position:absolute;margin-left:0;margin-top:0;z-index:1" from="{}pt,{}pt" to="{}pt,{}pt">{stroke}</v:line>"#,
        a.0, a.1, b.0, b.1
    )
}

/// A Word SOP whose flow is read from the connectors Word draws: six steps
/// over three actor columns on a grid of known widths and set row heights,
/// symbols and arrows anchored in their cells — a VML elbow of two lines
/// (1→2), DrawingML bent connectors (2→3 in an `mc:AlternateContent` whose
/// VML fallback points elsewhere, 3→4 flipped), a straight one (4→5 "Ya"),
/// and a decision whose "Tidak" goes back two steps (4→2) as three straight
/// lines, the last with the arrowhead; labels in text boxes.
fn alur_docx() -> Vec<u8> {
    alur_docx_dengan("")
}

/// [`alur_docx`] with `extra` drawn in step 1's cell.
fn alur_docx_dengan(extra: &str) -> Vec<u8> {
    // grid (pt): No, Kegiatan, A, B, C, Kelengkapan, Waktu, Output, Keterangan
    let lebar = [30.0, 150.0, 90.0, 90.0, 90.0, 80.0, 50.0, 80.0, 80.0];
    let mut x = vec![0.0];
    for w in lebar {
        x.push(x.last().copied().unwrap_or(0.0) + w);
    }
    // two header rows of 20 pt, six steps of 60 pt
    let tinggi = [20.0, 20.0, 60.0, 60.0, 60.0, 60.0, 60.0, 60.0];
    let mut y = vec![0.0];
    for h in tinggi {
        y.push(y.last().copied().unwrap_or(0.0) + h);
    }
    let g = Petak { x, y };
    // the symbols: (actor grid column, preset), 50 × 26 pt (a diamond 30 pt
    // high) centred in their column, 17 pt below the row's top (15 for a diamond)
    let langkah = [
        (2, "flowChartTerminator"),
        (3, "flowChartProcess"),
        (4, "flowChartProcess"),
        (3, "flowChartDecision"),
        (3, "flowChartProcess"),
        (2, "flowChartTerminator"),
    ];
    let kotak = |i: usize| {
        let (col, prst) = langkah[i];
        let cx = (g.x[col] + g.x[col + 1]) / 2.0;
        let (h, top) = if prst == "flowChartDecision" {
            (30.0, 15.0)
        } else {
            (26.0, 17.0)
        };
        let y0 = g.y[i + 2] + top;
        kurbo::Rect::new(cx - 25.0, y0, cx + 25.0, y0 + h)
    };
    let row = |i: usize| i + 2;
    // the drawings of each step's actor cell, in the cell's coordinates
    let mut gambar: Vec<String> = Vec::new();
    for (i, &(col, prst)) in langkah.iter().enumerate() {
        let k = kotak(i);
        gambar.push(simbol(
            prst,
            g.di(row(i), col, (k.x0, k.y0)),
            (k.width(), k.height()),
        ));
    }
    gambar[0].push_str(extra);
    // 1→2: a VML elbow of two lines, right then down
    let (k1, k2) = (kotak(0), kotak(1));
    let belok = (k2.center().x, k1.center().y);
    gambar[0].push_str(&format!(
        "<w:r><w:pict>{}{}</w:pict></w:r>",
        garis_vml(
            g.di(row(0), 2, (k1.x1, k1.center().y)),
            g.di(row(0), 2, belok),
            false
        ),
        garis_vml(
            g.di(row(0), 2, belok),
            g.di(row(0), 2, (k2.center().x, k2.y0)),
            true
        ),
    ));
    // an elbow with its arrowhead from `a` to `b`, anchored in step `i`'s cell
    let siku = |i: usize, a: (f64, f64), b: (f64, f64)| {
        let col = langkah[i].0;
        format!(
            "<w:r>{}</w:r>",
            konektor(
                "bentConnector2",
                g.di(row(i), col, a),
                g.di(row(i), col, b),
                true
            )
        )
    };
    // 2→3: right, then down into C; 3→4: left, then down into the diamond
    // (flipped)
    let (k3, k4) = (kotak(2), kotak(3));
    gambar[1].push_str(&siku(1, (k2.x1, k2.center().y), (k3.center().x, k3.y0)));
    gambar[2].push_str(&siku(2, (k3.x0, k3.center().y), (k4.center().x, k4.y0)));
    // 4→5 "Ya": straight down; 4→2 "Tidak": left, up, right into step 2
    // (its last line in an `mc:AlternateContent` whose VML fallback, never
    // read, would go on up into step 1)
    let k5 = kotak(4);
    let kiri = (k4.x0, k4.center().y);
    let lorong = k4.x0 - 60.0;
    let at = |p: (f64, f64)| g.di(row(3), 3, p);
    gambar[3].push_str(&format!(
        "<w:r>{}{}{}{}<mc:AlternateContent><mc:Choice Requires=\"wps\">{}</mc:Choice><mc:Fallback><w:pict>{}</w:pict></mc:Fallback></mc:AlternateContent>{}</w:r>",
        konektor(
            "straightConnector1",
            at((k4.center().x, k4.y1)),
            at((k5.center().x, k5.y0)),
            true
        ),
        kotak_teks("Ya", at((k4.center().x + 4.0, k4.y1)), (16.0, 10.0)),
        konektor("straightConnector1", at(kiri), at((lorong, kiri.1)), false),
        konektor(
            "straightConnector1",
            at((lorong, kiri.1)),
            at((lorong, k2.center().y)),
            false
        ),
        konektor(
            "straightConnector1",
            at((lorong, k2.center().y)),
            at((k2.x0, k2.center().y)),
            true
        ),
        garis_vml(at((lorong, k2.center().y)), at((lorong, k1.y1)), true),
        kotak_teks("Tidak", at((kiri.0 - 30.0, kiri.1 - 12.0)), (26.0, 10.0)),
    ));
    // 5→6: left, then down into A
    let k6 = kotak(5);
    gambar[4].push_str(&siku(4, (k5.x0, k5.center().y), (k6.center().x, k6.y0)));
    let c = |p: &[&str]| tc("", p, "");
    let tinggi_baris = |h: f64| {
        format!(
            "<w:trPr><w:trHeight w:val=\"{}\" w:hRule=\"exact\"/></w:trPr>",
            (h * 20.0) as i64
        )
    };
    let kegiatan = [
        "Menerima permohonan",
        "Mencatat permohonan",
        "Menyiapkan berkas",
        "Memeriksa kelengkapan berkas",
        "Menandatangani surat",
        "Menyerahkan surat",
    ];
    let mut rows = vec![kepala_prosedur(
        &tinggi_baris(20.0),
        ["Pemohon", "Staf", "Kepala Seksi"],
    )];
    for (i, keg) in kegiatan.iter().enumerate() {
        let actor = langkah[i].0;
        let nomor = (i + 1).to_string();
        let cells: Vec<String> = (2..5)
            .map(|col| {
                if col == actor {
                    tc("", &[], &gambar[i])
                } else {
                    c(&[])
                }
            })
            .collect();
        rows.push(format!(
            "<w:tr>{}{}</w:tr>",
            tinggi_baris(60.0),
            [
                vec![c(&[nomor.as_str()]), c(&[keg])],
                cells,
                vec![c(&["Berkas"]), c(&["10 menit"]), c(&["Berkas"]), c(&[])],
            ]
            .concat()
            .concat()
        ));
    }
    let grid: String = lebar
        .iter()
        .map(|w| format!("<w:gridCol w:w=\"{}\"/>", (w * 20.0) as i64))
        .collect();
    docx(&format!(
        "<w:tbl><w:tblGrid>{grid}</w:tblGrid>{}</w:tbl>",
        rows.concat()
    ))
}

#[test]
fn a_docx_flowcharts_connectors_give_the_decisions_targets() {
    let (_, yaml, p) = impor_docx(&alur_docx());
    let has = |line: &str| assert!(p.iter().any(|l| l == line), "{line}\n{p:#?}\n{yaml}");
    has("langkah 6");
    has(r#"pelaksana ["Pemohon", "Staf", "Kepala Seksi"]"#);
    has("1 pelaksana Pemohon");
    has("3 pelaksana Kepala Seksi");
    has("4 pelaksana Staf");
    // "Tidak" goes back two steps, "Ya" on to the next, read from the arrows
    has(r#"4 keputusan Some((4, 1, "ya", "tidak"))"#);
    // every other step goes on to the next
    for n in [1, 2, 3, 5] {
        has(&format!("{n} lanjut {n}"));
    }
    // one branch of the AlternateContent only: the decision has two exits
    assert!(!yaml.contains("panah keluar"), "{yaml}");
    assert!(!yaml.contains("tidak terbaca"), "{yaml}");
}

#[test]
fn the_command_imports_a_docx_and_checks_it() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    std::fs::write(dir.path().join("sop.docx"), sop_docx()).expect("written");
    common::sopc()
        .current_dir(dir.path())
        .args(["impor", "sop.docx", "-o", "hasil.yaml"])
        .assert()
        .code(0);
    let written = std::fs::read_to_string(dir.path().join("hasil.yaml")).expect("written");
    assert!(written.contains("status: draf"), "{written}");
    assert_eq!(
        text(&parse("hasil.yaml", &written).nama),
        "Penerbitan Surat Rekomendasi"
    );
}

#[test]
fn hostile_docx_files_are_refused_never_a_panic() {
    use sopc::impor::docx::Cacat;
    use std::io::Write;
    let refused = |bytes: &[u8]| sopc::impor::dari_docx(bytes).err();
    // not a zip, a truncated one, one without word/document.xml
    assert_eq!(
        refused(b"PK\x03\x04 rusak"),
        Some(Tolak::Docx(Cacat::Arsip))
    );
    let good = sop_docx();
    assert!(refused(&good[..good.len() / 2]).is_some());
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    z.start_file("lain.txt", zip::write::SimpleFileOptions::default())
        .expect("entry");
    z.write_all(b"x").expect("written");
    let lain = z.finish().expect("finished").into_inner();
    assert_eq!(refused(&lain), Some(Tolak::Docx(Cacat::TanpaDokumen)));
    // a zip bomb: 40 MiB of zeros deflated to a few KiB is cut at the cap
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let deflated = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(true);
    z.start_file("word/document.xml", deflated).expect("entry");
    let zeros = vec![b' '; 1 << 20];
    for _ in 0..40 {
        z.write_all(&zeros).expect("written");
    }
    let bomb = z.finish().expect("finished").into_inner();
    assert!(bomb.len() < 1 << 20, "{}", bomb.len());
    assert_eq!(refused(&bomb), Some(Tolak::Docx(Cacat::Berlebihan)));
    // too many entries
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..10_001 {
        z.start_file(format!("{i}"), zip::write::SimpleFileOptions::default())
            .expect("entry");
    }
    let many = z.finish().expect("finished").into_inner();
    assert_eq!(refused(&many), Some(Tolak::Docx(Cacat::Berlebihan)));
    // elements nested beyond any document, and broken XML
    let deep = docx(&"<w:p>".repeat(5_000));
    assert_eq!(refused(&deep), Some(Tolak::Docx(Cacat::Berlebihan)));
    let broken = docx("<w:tbl><w:tr></w:tbl>");
    assert_eq!(refused(&broken), Some(Tolak::Docx(Cacat::Xml)));
    // a gridSpan of millions of columns is bounded, and a document without
    // a procedure table is not an SOP
    let wide = docx(&format!(
        "<w:tbl>{}</w:tbl>",
        tr(&[tc("<w:gridSpan w:val=\"99999999\"/>", &["x"], "")]).repeat(3)
    ));
    assert!(refused(&wide).is_some());
    assert_eq!(
        refused(&docx("<w:p><w:r><w:t>Surat biasa</w:t></w:r></w:p>")),
        Some(Tolak::BukanSop(BukanSop::TanpaTabel))
    );
    // thousands of connectors of absurd sizes, groups nested past any
    // drawing, offsets that are no numbers: read up to the bounds
    let besar = konektor("bentConnector3", (0.0, 0.0), (9e8, -9e8), true);
    let grup = format!(
        "<w:r>{}{}</w:r>",
        "<wpg:wgp><wpg:grpSpPr><a:xfrm><a:chExt cx=\"1\" cy=\"1\"/></a:xfrm></wpg:grpSpPr>"
            .repeat(40),
        "</wpg:wgp>".repeat(40)
    );
    let aneh = "<w:r><w:drawing><wp:anchor><wp:positionH><wp:posOffset>NaN</wp:posOffset></wp:positionH></wp:anchor></w:drawing></w:r>";
    let banyak = alur_docx_dengan(&format!("<w:r>{}</w:r>{grup}{aneh}", besar.repeat(5_000)));
    let d = sopc::impor::dari_docx(&banyak).expect("still an SOP");
    assert_eq!(d.langkah.len(), 6);
}
