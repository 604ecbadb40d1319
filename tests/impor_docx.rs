//! `sopc impor` on Word documents written by a real word processor: each
//! `.docx` of `tests/fixtures/lo/` is an SOP of `sops/` (or of a test
//! generator) laid out as a Word user drafts it (`tests/common/lo.rs`) and
//! then opened and saved again by LibreOffice; imported, it must give back
//! the SOP it was made from — steps, kegiatan, pelaksana (lists too),
//! waktu, mutu baku, decisions with their targets and labels, `lanjut`,
//! identity. Not compared, as in `tests/impor.rs` ([`common::pokok`]): the
//! case of what the form prints in capitals (the kop — pemerintah, instansi,
//! unit — and the jabatan and a.n. line; the generator writes the kop in
//! capitals as forms do), and a space after `/`.
//!
//! Regenerate the fixtures (LibreOffice needed; CI has none, so this test
//! is ignored there): `cargo test --test impor_docx -- --ignored`.

mod common;

use common::lo::Gaya;
use common::panjang::Panjang;
use common::pokok::{beda, parse};
use sopc::impor::tulis;
use sopc::model::Sop;
use sopc::paper::{Kertas, Orientasi};
use std::path::{Path, PathBuf};

/// Where an SOP of a fixture comes from.
enum Sumber {
    /// A file of `sops/`.
    Berkas(&'static str),
    /// The long-SOP generator: steps, a decision every so many.
    Panjang(usize, usize),
    /// An SOP written here.
    Yaml(&'static str),
    /// The flowchart property tests' generator: its `n`th case from the
    /// deterministic runner (long jabatan names, decisions jumping back and
    /// forward across pages, parallel rows).
    Bagan(usize),
}

/// A step that goes on elsewhere than the next (`lanjut`): the branch of a
/// decision that skips the other's step, and a step that goes back.
const LANJUT: &str = "nomor: 800/7/DU/2024
nama: Penerbitan Surat Keterangan
status: draf
instansi: {pemerintah: Pemerintah Kabupaten Uji, nama: Dinas Uji, unit: [Bidang Pelayanan]}
tanggal: {pembuatan: 2024-01-15, efektif: 2024-02-01}
disahkan_oleh: {jabatan: Kepala Dinas Uji, nama: Drs. PENGUJI, pangkat: Pembina, nip: \"19681202 198803 1 002\"}
dasar_hukum: [Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik]
kualifikasi_pelaksana: [Memahami tata naskah dinas]
keterkaitan: []
peralatan_perlengkapan: [Komputer]
peringatan: [Bila tidak dilaksanakan, pelayanan terlambat]
pencatatan_pendataan: [Buku register]
pelaksana: [Petugas Loket, Kepala Seksi, Kepala Dinas]
langkah:
  - id: terima
    kegiatan: Menerima permohonan dan berkas
    pelaksana: Petugas Loket
    waktu: 10 menit
    output: Berkas diterima
  - kegiatan: Memeriksa kelengkapan berkas
    pelaksana: Kepala Seksi
    kelengkapan: [Surat permohonan, KTP]
    waktu: 15 menit
    output: Berkas terperiksa
    keputusan: {tidak: tolak, label: {ya: Lengkap, tidak: Belum lengkap}}
  - kegiatan: Menyusun konsep surat keterangan
    pelaksana: Kepala Seksi
    waktu: 30 menit
    output: Konsep surat
    lanjut: tanda
  - id: tolak
    kegiatan: Mengembalikan berkas kepada pemohon untuk dilengkapi
    pelaksana: Petugas Loket
    waktu: 10 menit
    output: Berkas dikembalikan
    lanjut: terima
  - id: tanda
    kegiatan: Menandatangani surat keterangan
    pelaksana: Kepala Dinas
    waktu: 1 hari
    output: Surat ditandatangani
  - kegiatan: Menyerahkan surat kepada pemohon
    pelaksana: Petugas Loket
    waktu: 10 menit
    output: Tanda terima
";

/// The `n`th SOP the flowchart property tests' generator makes.
fn bagan(n: usize) -> common::flowchart::Kasus {
    use proptest::strategy::{Strategy, ValueTree};
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let mut kasus = None;
    for _ in 0..=n {
        kasus = Some(
            common::flowchart::kasus()
                .new_tree(&mut runner)
                .expect("a case")
                .current(),
        );
    }
    kasus.expect("n + 1 cases made")
}

/// The fixtures: name, source, the paper its flowchart was laid out on,
/// and how it is drawn.
const FIXTURES: [(&str, Sumber, Kertas, Orientasi, Gaya); 34] = [
    (
        "kalteng-penerimaan-tamu",
        Sumber::Berkas("kalteng-penerimaan-tamu.yaml"),
        Kertas::F4,
        Orientasi::Lanskap,
        Gaya::Konektor,
    ),
    (
        "kudus-kunjungan-kerja",
        Sumber::Berkas("kudus-kunjungan-kerja.yaml"),
        Kertas::F4,
        Orientasi::Lanskap,
        Gaya::Bebas,
    ),
    (
        "tanjabbar-tamu-eselon-2-3",
        Sumber::Berkas("tanjabbar-tamu-eselon-2-3.yaml"),
        Kertas::F4,
        Orientasi::Lanskap,
        Gaya::Vml,
    ),
    (
        "tanjabbar-tamu-eselon-4-asn",
        Sumber::Berkas("tanjabbar-tamu-eselon-4-asn.yaml"),
        Kertas::F4,
        Orientasi::Lanskap,
        Gaya::Konektor,
    ),
    (
        "tanjabbar-tamu-pimpinan",
        Sumber::Berkas("tanjabbar-tamu-pimpinan.yaml"),
        Kertas::F4,
        Orientasi::Lanskap,
        Gaya::TanpaKepala,
    ),
    (
        "bps-bengkulu-survei-poldis",
        Sumber::Berkas("bps-bengkulu-survei-poldis.yaml"),
        Kertas::F4,
        Orientasi::Lanskap,
        Gaya::Bebas,
    ),
    (
        "bps-bengkulu-supervisi-sakernas",
        Sumber::Berkas("bps-bengkulu-supervisi-sakernas.yaml"),
        Kertas::A4,
        Orientasi::Lanskap,
        Gaya::Vml,
    ),
    (
        "bps-bengkulu-gratifikasi",
        Sumber::Berkas("bps-bengkulu-gratifikasi.yaml"),
        Kertas::F4,
        Orientasi::Lanskap,
        Gaya::Konektor,
    ),
    (
        "bps-bengkulu-monev-kinerja",
        Sumber::Berkas("bps-bengkulu-monev-kinerja.yaml"),
        Kertas::F4,
        Orientasi::Lanskap,
        Gaya::Bebas,
    ),
    (
        "bps-bengkulu-naskah-dinas",
        Sumber::Berkas("bps-bengkulu-naskah-dinas.yaml"),
        Kertas::A4,
        Orientasi::Lanskap,
        Gaya::Vml,
    ),
    (
        "bps-bengkulu-pengiriman-dokumen",
        Sumber::Berkas("bps-bengkulu-pengiriman-dokumen.yaml"),
        Kertas::F4,
        Orientasi::Lanskap,
        Gaya::TanpaKepala,
    ),
    (
        "bps-bengkulu-rekomendasi-statistik",
        Sumber::Berkas("bps-bengkulu-rekomendasi-statistik.yaml"),
        Kertas::F4,
        Orientasi::Lanskap,
        Gaya::Konektor,
    ),
    (
        "bps-bengkulu-swakelola-tipe-3",
        Sumber::Berkas("bps-bengkulu-swakelola-tipe-3.yaml"),
        Kertas::F4,
        Orientasi::Lanskap,
        Gaya::Bebas,
    ),
    (
        "panjang-14",
        Sumber::Panjang(14, 4),
        Kertas::F4,
        Orientasi::Lanskap,
        Gaya::Konektor,
    ),
    (
        "panjang-23",
        Sumber::Panjang(23, 6),
        Kertas::A4,
        Orientasi::Potret,
        Gaya::Bebas,
    ),
    (
        "lanjut",
        Sumber::Yaml(LANJUT),
        Kertas::F4,
        Orientasi::Lanskap,
        Gaya::Konektor,
    ),
    (
        "lanjut-writer",
        Sumber::Yaml(LANJUT),
        Kertas::A4,
        Orientasi::Potret,
        Gaya::Writer,
    ),
    (
        "kalteng-penerimaan-tamu-sel-kegiatan",
        Sumber::Berkas("kalteng-penerimaan-tamu.yaml"),
        Kertas::F4,
        Orientasi::Lanskap,
        Gaya::SelKegiatan,
    ),
    (
        "bps-bengkulu-survei-poldis-sel-kegiatan",
        Sumber::Berkas("bps-bengkulu-survei-poldis.yaml"),
        Kertas::A4,
        Orientasi::Potret,
        Gaya::SelKegiatan,
    ),
    (
        "kudus-kunjungan-kerja-writer",
        Sumber::Berkas("kudus-kunjungan-kerja.yaml"),
        Kertas::F4,
        Orientasi::Lanskap,
        Gaya::Writer,
    ),
    (
        "bps-bengkulu-rekomendasi-statistik-writer",
        Sumber::Berkas("bps-bengkulu-rekomendasi-statistik.yaml"),
        Kertas::F4,
        Orientasi::Lanskap,
        Gaya::Writer,
    ),
    (
        "bagan-11-writer",
        Sumber::Bagan(11),
        Kertas::F4,
        Orientasi::Potret,
        Gaya::Writer,
    ),
    (
        "bagan-2",
        Sumber::Bagan(2),
        Kertas::F4,
        Orientasi::Potret,
        Gaya::Konektor,
    ),
    (
        "bagan-4",
        Sumber::Bagan(4),
        Kertas::F4,
        Orientasi::Potret,
        Gaya::Bebas,
    ),
    (
        "bagan-10",
        Sumber::Bagan(10),
        Kertas::F4,
        Orientasi::Lanskap,
        Gaya::Vml,
    ),
    (
        "panjang-23-tanpa-kepala",
        Sumber::Panjang(23, 6),
        Kertas::A4,
        Orientasi::Potret,
        Gaya::TanpaKepala,
    ),
    (
        "bps-bengkulu-rekomendasi-statistik-halaman",
        Sumber::Berkas("bps-bengkulu-rekomendasi-statistik.yaml"),
        Kertas::F4,
        Orientasi::Lanskap,
        Gaya::Halaman,
    ),
    (
        "panjang-14-halaman",
        Sumber::Panjang(14, 4),
        Kertas::A4,
        Orientasi::Potret,
        Gaya::Halaman,
    ),
    (
        "lanjut-lilit",
        Sumber::Yaml(LANJUT),
        Kertas::F4,
        Orientasi::Lanskap,
        Gaya::Lilit,
    ),
    (
        "bps-bengkulu-rekomendasi-statistik-sarang",
        Sumber::Berkas("bps-bengkulu-rekomendasi-statistik.yaml"),
        Kertas::F4,
        Orientasi::Lanskap,
        Gaya::Sarang,
    ),
    (
        "lanjut-alinea",
        Sumber::Yaml(LANJUT),
        Kertas::F4,
        Orientasi::Lanskap,
        Gaya::Alinea,
    ),
    (
        "bps-bengkulu-monev-kinerja-alinea",
        Sumber::Berkas("bps-bengkulu-monev-kinerja.yaml"),
        Kertas::A4,
        Orientasi::Lanskap,
        Gaya::Alinea,
    ),
    (
        "bps-bengkulu-naskah-dinas-vml-grup",
        Sumber::Berkas("bps-bengkulu-naskah-dinas.yaml"),
        Kertas::F4,
        Orientasi::Lanskap,
        Gaya::VmlGrup,
    ),
    (
        "lanjut-vml-grup",
        Sumber::Yaml(LANJUT),
        Kertas::A4,
        Orientasi::Lanskap,
        Gaya::VmlGrup,
    ),
];

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn fixture(name: &str) -> PathBuf {
    root()
        .join("tests/fixtures/lo")
        .join(format!("{name}.docx"))
}

/// The YAML of a source as its generator writes it now.
fn yaml(sumber: &Sumber) -> String {
    match sumber {
        Sumber::Berkas(f) => {
            std::fs::read_to_string(root().join("sops").join(f)).expect("readable")
        }
        Sumber::Bagan(n) => bagan(*n).yaml(),
        Sumber::Yaml(y) => (*y).to_owned(),
        Sumber::Panjang(langkah, tiap) => Panjang {
            langkah: *langkah,
            tiap: *tiap,
            maju: true,
            varian: None,
        }
        .yaml(),
    }
}

/// The SOP the fixture `name` was made from: a file of `sops/`, or a
/// generated SOP as it was when the fixture was written (its YAML kept
/// beside it, so that a change to a generator does not part the two).
fn asli(name: &str, sumber: &Sumber) -> Sop {
    let path = match sumber {
        Sumber::Berkas(f) => root().join("sops").join(f),
        _ => fixture(name).with_extension("yaml"),
    };
    parse(
        &path.display().to_string(),
        &std::fs::read_to_string(&path).expect("readable"),
    )
}

/// Writes every fixture again: the Word document of each source, saved
/// again by LibreOffice.
#[test]
#[ignore = "needs LibreOffice (soffice); regenerates tests/fixtures/lo/"]
fn regenerate_the_libreoffice_fixtures() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    std::fs::create_dir_all(root().join("tests/fixtures/lo")).expect("the fixtures' folder");
    // `LO_FIXTURE=name` writes that one only
    let hanya = std::env::var("LO_FIXTURE").ok();
    for (name, sumber, kertas, orientasi, gaya) in &FIXTURES {
        if hanya.as_deref().is_some_and(|h| h != *name) {
            continue;
        }
        if let Sumber::Bagan(n) = sumber {
            let k = bagan(*n);
            assert_eq!(
                (k.kertas, k.orientasi),
                (*kertas, *orientasi),
                "{name}: its paper"
            );
        }
        let sop = yaml(sumber);
        if !matches!(sumber, Sumber::Berkas(_)) {
            std::fs::write(fixture(name).with_extension("yaml"), &sop).expect("written");
        }
        let sop = parse(name, &sop);
        let lo = match gaya {
            Gaya::Writer => common::lo::libreoffice(
                common::lo::fodt(&sop, *kertas, *orientasi).as_bytes(),
                "sop.fodt",
                &dir.path().join(name),
            ),
            _ => common::lo::libreoffice(
                &common::lo::docx(&sop, *kertas, *orientasi, *gaya),
                "sop.docx",
                &dir.path().join(name),
            ),
        };
        std::fs::write(fixture(name), lo).expect("written");
    }
}

/// Imports the fixture `name` and reads the YAML written back.
fn impor(name: &str) -> Sop {
    let bytes = std::fs::read(fixture(name)).expect("the fixture exists");
    let d = sopc::impor::dari_docx(&bytes)
        .unwrap_or_else(|t| panic!("{name} imported: {}", t.pesan().id));
    parse("impor.yaml", &tulis::yaml(&d, None, "lo.docx"))
}

#[test]
fn every_libreoffice_written_docx_gives_back_its_sop() {
    let mut alle = Vec::new();
    let (mut langkah, mut keputusan, mut lanjut, mut isian) = (0, 0, 0, 0);
    for (name, sumber, ..) in &FIXTURES {
        let asli = asli(name, sumber);
        langkah += asli.steps().len();
        keputusan += asli
            .steps()
            .iter()
            .filter(|s| s.keputusan.is_some())
            .count();
        lanjut += asli.steps().iter().filter(|s| s.lanjut.is_some()).count();
        isian += common::pokok::pokok(&asli).len();
        let beda = beda(&asli, &impor(name), &[]);
        if !beda.is_empty() {
            alle.push(format!("{name} differs:\n{}", beda.join("\n")));
        }
    }
    assert!(alle.is_empty(), "{}", alle.join("\n"));
    // the figures README.md gives
    assert_eq!(
        (FIXTURES.len(), langkah, keputusan, lanjut, isian),
        (34, 330, 60, 10, 3422)
    );
}

/// The `word/document.xml` of the fixture `name`.
fn document_xml(name: &str) -> String {
    let bytes = std::fs::read(fixture(name)).expect("the fixture exists");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip archive");
    let mut s = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("word/document.xml").expect("document.xml"),
        &mut s,
    )
    .expect("UTF-8");
    s
}

/// The fixtures hold what LibreOffice writes of each way of drawing, so
/// that the round trip above reads its flavour of DrawingML: shapes in
/// `mc:AlternateContent` with VML fallbacks, anchors relative to the
/// column and paragraph, freeforms (`a:custGeom`) and groups (`wpg:wgp`),
/// the VML drawings turned into DrawingML, and no arrowhead where none was
/// drawn. A regeneration that loses one of these fails here.
#[test]
fn the_fixtures_hold_libreoffices_drawingml() {
    let count = |s: &str, what: &str| s.matches(what).count();
    for (name, .., gaya) in &FIXTURES {
        let s = document_xml(name);
        // LibreOffice's own signature, and its anchors in the cells (over
        // the table, to the page)
        assert!(s.contains("mc:Fallback"), "{name}: VML fallbacks");
        if matches!(gaya, Gaya::Halaman | Gaya::Sarang) {
            assert!(!s.contains(r#"relativeFrom="column""#), "{name}");
            assert!(count(&s, r#"relativeFrom="page""#) >= 20, "{name}");
        } else {
            assert!(s.contains(r#"relativeFrom="column""#), "{name}");
        }
        // an empty paragraph above each actor cell's drawing; groups of
        // VML's coordinates in the fallback
        if *gaya == Gaya::Alinea {
            assert!(
                count(
                    &s,
                    r#"<w:sz w:val="18"/></w:rPr></w:pPr><w:r><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial"/><w:sz w:val="18"/></w:rPr></w:r></w:p><w:p>"#
                ) >= 10,
                "{name}"
            );
        }
        if *gaya == Gaya::VmlGrup {
            assert!(
                s.contains("<v:group") && s.contains("coordorigin="),
                "{name}"
            );
        }
        // rows as high as set; a Writer user's only at least so
        let regel = if *gaya == Gaya::Writer {
            r#"hRule="atLeast""#
        } else {
            r#"hRule="exact""#
        };
        assert!(s.contains(regel), "{name}: {regel}");
        assert!(s.contains("flowChartDecision") || !name.starts_with("panjang"));
        let heads = count(&s, r#"type="triangle""#);
        match gaya {
            Gaya::Bebas => {
                assert!(count(&s, "a:custGeom") >= 3, "{name}: freeform lines");
                assert_eq!(
                    s.contains("wpg:wgp"),
                    s.contains("flowChartDecision"),
                    "{name}: each decision grouped with its labels"
                );
                assert!(heads >= 3, "{name}: {heads} arrowheads");
            }
            Gaya::Vml
            | Gaya::VmlGrup
            | Gaya::Konektor
            | Gaya::SelKegiatan
            | Gaya::Alinea
            | Gaya::Halaman
            | Gaya::Lilit
            | Gaya::Sarang => {
                assert!(
                    count(&s, "straightConnector1") + count(&s, r#"prst="line""#) >= 3,
                    "{name}"
                );
                assert!(!s.contains("a:custGeom"), "{name}");
                assert!(heads >= 3, "{name}: {heads} arrowheads");
                // LibreOffice keeps the rectangles wrapped top and bottom,
                // laid out in their cells
                if *gaya == Gaya::Lilit {
                    assert!(count(&s, "<wp:wrapTopAndBottom/>") >= 6, "{name}");
                    assert!(count(&s, r#"layoutInCell="1""#) >= 6, "{name}");
                }
                // LibreOffice keeps the procedure tables nested
                if *gaya == Gaya::Sarang {
                    // tables opened inside another
                    let (mut tingkat, mut dalam) = (0usize, 0usize);
                    let mut sisa = s.as_str();
                    while let Some(i) = sisa.find("tbl>") {
                        if sisa[..i].ends_with("</w:") {
                            tingkat = tingkat.saturating_sub(1);
                        } else if sisa[..i].ends_with("<w:") {
                            dalam += usize::from(tingkat > 0);
                            tingkat += 1;
                        }
                        sisa = &sisa[i + 4..];
                    }
                    assert!(dalam >= 2, "{name}: {dalam} tables nested");
                }
            }
            Gaya::TanpaKepala => assert_eq!(heads, 0, "{name}: no arrowhead"),
            Gaya::Writer => {
                // Writer's lines, its cells without a margin
                assert!(count(&s, r#"prst="line""#) >= 3, "{name}");
                assert!(s.contains(r#"<w:start w:w="0" w:type="dxa"/>"#), "{name}");
                assert!(heads >= 3, "{name}: {heads} arrowheads");
            }
        }
    }
}

/// Where a line has no arrowhead, the flow the reader inferred from how
/// its ends meet the symbols is marked for review.
#[test]
fn a_flow_without_arrowheads_is_noted_for_review() {
    let bytes = std::fs::read(fixture("panjang-23-tanpa-kepala")).expect("the fixture exists");
    let d = sopc::impor::dari_docx(&bytes).unwrap_or_else(|t| panic!("imported: {}", t.pesan().id));
    let yaml = tulis::yaml(&d, None, "lo.docx");
    let noted = yaml
        .matches("# impor: garis keluar tanpa mata panah; arahnya disimpulkan dari letak ujungnya")
        .count();
    // every step but the last leaves along a line without a head
    assert_eq!(noted, 22, "{yaml}");
    let bytes = std::fs::read(fixture("panjang-23")).expect("the fixture exists");
    let d = sopc::impor::dari_docx(&bytes).unwrap_or_else(|t| panic!("imported: {}", t.pesan().id));
    assert!(!tulis::yaml(&d, None, "lo.docx").contains("tanpa mata panah"));
}

/// Where a row is only at least as high as set and its text was
/// estimated to need more, the rows below it stand where the estimate puts
/// them: the import says so once; a table of exact rows says nothing.
#[test]
fn an_estimated_row_layout_is_noted_for_review() {
    let catatan = |name: &str| {
        let bytes = std::fs::read(fixture(name)).expect("the fixture exists");
        let d = sopc::impor::dari_docx(&bytes).unwrap_or_else(|t| panic!("{}", t.pesan().id));
        d.catatan
    };
    let noted = |name: &str| {
        catatan(name)
            .iter()
            .filter(|c| c.starts_with("letak baris tabel prosedur sebagian diperkirakan"))
            .count()
    };
    assert_eq!(noted("bps-bengkulu-rekomendasi-statistik-writer"), 1);
    assert_eq!(noted("bps-bengkulu-rekomendasi-statistik"), 0);
    assert_eq!(
        noted("kudus-kunjungan-kerja-writer"),
        0,
        "its text fits its rows"
    );
}

/// A cell's own margin (`w:tcMar`, as Word writes one a user changed)
/// counts before its table's: the Writer fixture of cells without a margin,
/// its table given Word's 5.4 pt and every cell its own 0, reads the same.
#[test]
fn a_cells_own_margin_counts_before_its_tables() {
    let name = "kudus-kunjungan-kerja-writer";
    let xml = document_xml(name);
    let body =
        &xml[xml.find("<w:body>").expect("a body") + 8..xml.find("</w:body>").expect("its end")];
    let tanpa = r#"<w:start w:w="0" w:type="dxa"/>"#;
    assert!(body.contains(tanpa), "the tables state no margin");
    let word = body
        .replace(tanpa, r#"<w:start w:w="108" w:type="dxa"/>"#)
        .replace(
            "<w:tcPr>",
            r#"<w:tcPr><w:tcMar><w:left w:w="0" w:type="dxa"/></w:tcMar>"#,
        );
    let d = sopc::impor::dari_docx(&common::lo::paket(&word))
        .unwrap_or_else(|t| panic!("imported: {}", t.pesan().id));
    let balik = parse("impor.yaml", &tulis::yaml(&d, None, "lo.docx"));
    let sumber = Sumber::Berkas("kudus-kunjungan-kerja.yaml");
    assert_eq!(
        beda(&asli(name, &sumber), &balik, &[]),
        Vec::<String>::new()
    );
    // and without the cells' own margins the drawing moves 5.4 pt right
    let geser = body.replace(tanpa, r#"<w:start w:w="108" w:type="dxa"/>"#);
    let d = sopc::impor::dari_docx(&common::lo::paket(&geser)).expect("an SOP");
    let kiri = |d: &sopc::impor::Dokumen| d.langkah[0].simbol[0].3.x0;
    let d0 = sopc::impor::dari_docx(&std::fs::read(fixture(name)).expect("the fixture"))
        .expect("an SOP");
    assert!(
        (kiri(&d) - kiri(&d0) - 5.4).abs() < 0.01,
        "{} {}",
        kiri(&d),
        kiri(&d0)
    );
}

/// What the LibreOffice reading added is bounded as the rest: a freeform
/// of a hundred thousand points, a thousand lines without arrowheads
/// meeting each other, italics never closed, a list number alone, three
/// hundred wrapped shapes placed out of range over twenty thousand
/// paragraphs of one cell — read
/// without a panic, the SOP still an SOP.
#[test]
fn hostile_drawings_are_read_within_bounds() {
    let body = &body("kalteng-penerimaan-tamu");
    let anchor = |wsp: &str| {
        format!(
            r#"<w:r><w:drawing><wp:anchor><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV><a:graphic><a:graphicData>{wsp}</a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>"#
        )
    };
    let titik = r#"<a:lnTo><a:pt x="12700" y="99999999999"/></a:lnTo>"#.repeat(100_000);
    let freeform = anchor(&format!(
        r#"<wps:wsp><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="127000" cy="127000"/></a:xfrm><a:custGeom><a:pathLst><a:path w="0" h="1"><a:moveTo><a:pt x="0" y="0"/></a:moveTo>{titik}</a:path></a:pathLst></a:custGeom></wps:spPr></wps:wsp>"#
    ));
    let garis: String = (0..1_000)
        .map(|i| {
            anchor(&format!(
                r#"<wps:wsp><wps:spPr><a:xfrm><a:off x="{}" y="0"/><a:ext cx="127000" cy="127000"/></a:xfrm><a:prstGeom prst="line"/></wps:spPr></wps:wsp>"#,
                i * 1_000
            ))
        })
        .collect();
    let miring = r#"<w:r><w:rPr><w:i/></w:rPr><w:t>*miring* tanpa akhir</w:t></w:r><w:r><w:t>1.</w:t></w:r>"#;
    // three hundred plain rectangles wrapped top and bottom, placed by shares
    // out of range, each keeping the text a page away, over twenty
    // thousand paragraphs of the same cell
    let lilit: String = (0..300)
        .map(|i| {
            format!(
                r#"<w:r><w:drawing><wp:anchor distB="99999999999" layoutInCell="1"><wp:positionH relativeFrom="margin"><wp14:pctPosHOffset>{}</wp14:pctPosHOffset></wp:positionH><wp:positionV relativeFrom="line"><wp:align>bottom</wp:align></wp:positionV><wp:extent cx="{}" cy="NaN"/><wp:wrapTopAndBottom/><a:graphic><a:graphicData><wps:wsp><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="127000" cy="127000"/></a:xfrm><a:prstGeom prst="rect"/></wps:spPr></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>"#,
                ["NaN", "1e308", "-99999999999"][i % 3],
                i * 1_000_000
            )
        })
        .collect();
    let alinea = format!("<w:p>{lilit}</w:p>{}", "<w:p/>".repeat(20_000));
    // in the first actor cell of the first step
    let at = body.find("flowChartTerminator").expect("a terminator");
    let para = body[..at].rfind("<w:p>").expect("its paragraph");
    let hostile = format!(
        "{}{alinea}<w:p>{freeform}{garis}{miring}</w:p>{}",
        &body[..para],
        &body[para..]
    );
    let d = sopc::impor::dari_docx(&common::lo::paket(&hostile))
        .unwrap_or_else(|t| panic!("still an SOP: {}", t.pesan().id));
    let steps = asli(
        "kalteng-penerimaan-tamu",
        &Sumber::Berkas("kalteng-penerimaan-tamu.yaml"),
    )
    .steps()
    .len();
    assert_eq!(d.langkah.len(), steps);
    // the page's layout: a page of no size with margins past it, ten
    // thousand page breaks and pictures in the text a page high and more,
    // spacing and line heights out of range, shapes
    // anchored to the page far off it, a drawing's anchor and VML groups
    // nested past their bound, tables nested in a cell of the table
    let halaman = self::body("bps-bengkulu-rekomendasi-statistik-halaman");
    let jauh = geser_posisi(&halaman, "positionV", "page", "page", 99_999_999_999);
    let putus = r#"<w:p><w:pPr><w:pageBreakBefore/><w:spacing w:before="99999999" w:after="-7" w:line="-5" w:lineRule="exact"/></w:pPr><w:r><w:br w:type="page"/></w:r></w:p><w:p><w:r><w:drawing><wp:inline><wp:extent cx="1" cy="999999999999"/></wp:inline></w:drawing></w:r></w:p>"#
        .repeat(10_000);
    let grup = format!(
        "<w:p><w:r><w:pict>{}<v:line from=\"0,0\" to=\"1e308,NaN\"/>{}</w:pict></w:r></w:p>",
        r#"<v:group coordorigin="NaN,1e308" coordsize="0,-1" style="width:1e308pt">"#.repeat(40),
        "</v:group>".repeat(40)
    );
    // two thousand tables nested in a cell, each of a row far taller
    // than a page and tables nested in it to their bound
    let dalam = format!(
        "{}<w:p/>{}",
        r#"<w:tbl><w:tblGrid><w:gridCol w:w="99999999"/></w:tblGrid><w:tr><w:trPr><w:trHeight w:val="99999999"/></w:trPr><w:tc>"#
            .repeat(7),
        "<w:p/></w:tc></w:tr></w:tbl>".repeat(7)
    );
    let sarang = jauh.replacen("<w:tc>", &format!("<w:tc>{}", dalam.repeat(2_000)), 1);
    let hostile = format!(
        r#"{putus}{grup}{}<w:sectPr><w:pgSz w:w="0" w:h="0"/><w:pgMar w:top="99999999" w:bottom="-99999999" w:left="NaN" w:right="1"/></w:sectPr>"#,
        sarang.replace("<w:sectPr>", "<w:sectPr><w:pgSz w:w=\"0\"/>")
    );
    let d = sopc::impor::dari_docx(&common::lo::paket(&hostile))
        .unwrap_or_else(|t| panic!("still an SOP: {}", t.pesan().id));
    let steps = asli(
        "bps-bengkulu-rekomendasi-statistik-halaman",
        &Sumber::Berkas("bps-bengkulu-rekomendasi-statistik.yaml"),
    )
    .steps()
    .len();
    // every step kept (a shape put far off lands in the row nearest it)
    assert!(d.langkah.len() >= steps, "{}", d.langkah.len());
}

proptest::proptest! {
    #![proptest_config(proptest::test_runner::Config {
        cases: 64,
        failure_persistence: None,
        ..proptest::test_runner::Config::default()
    })]

    /// A LibreOffice-written `.docx` damaged anywhere — bytes of its
    /// `document.xml` changed, a stretch of it repeated or cut — is read or
    /// refused, never a panic.
    #[test]
    fn a_damaged_libreoffice_docx_never_panics(
        f in 0..FIXTURES.len(),
        at in 0.0f64..1.0,
        len in 0.0f64..0.05,
        byte in proptest::prelude::any::<u8>(),
        cara in 0..3u8,
    ) {
        let xml = document_xml(FIXTURES[f].0).into_bytes();
        let i = ((xml.len() as f64 * at) as usize).min(xml.len() - 1);
        let j = (i + (xml.len() as f64 * len) as usize).min(xml.len());
        let mut rusak = xml[..i].to_vec();
        match cara {
            0 => {
                rusak.extend(std::iter::repeat_n(byte, j - i));
                rusak.extend(&xml[j..]);
            }
            1 => {
                rusak.extend(&xml[i..j]);
                rusak.extend(&xml[i..]);
            }
            _ => rusak.extend(&xml[j..]),
        }
        let body = String::from_utf8_lossy(&rusak);
        let body = body.split_once("<w:body>").map_or(&*body, |b| b.1);
        let body = body.rsplit_once("</w:body>").map_or(body, |b| b.0);
        let _ = sopc::impor::dari_docx(&common::lo::paket(body));
        // its styles and settings damaged the same way, beside a sound body
        let bagian = |nama: &str| {
            let bytes = std::fs::read(fixture(FIXTURES[f].0)).expect("the fixture");
            let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
            let mut isi = Vec::new();
            std::io::Read::read_to_end(&mut zip.by_name(nama).expect("the part"), &mut isi)
                .expect("read");
            let i = ((isi.len() as f64 * at) as usize).min(isi.len());
            let j = (i + (isi.len() as f64 * len) as usize).min(isi.len());
            isi.splice(i..j, std::iter::repeat_n(byte, j - i));
            String::from_utf8_lossy(&isi).into_owned()
        };
        let (styles, settings) = (bagian("word/styles.xml"), bagian("word/settings.xml"));
        let body = self::body(FIXTURES[f].0);
        let _ = sopc::impor::dari_docx(&paket_dengan(
            &body,
            &[("word/styles.xml", &styles), ("word/settings.xml", &settings)],
        ));
    }
}

/// Each step's symbols as imported: the step, the pelaksana, and the box
/// on the procedure table's page (pt).
fn simbol(d: &sopc::impor::Dokumen) -> Vec<(usize, usize, [f64; 4])> {
    d.langkah
        .iter()
        .enumerate()
        .flat_map(|(i, b)| {
            b.simbol
                .iter()
                .map(move |s| (i, s.0, [s.3.x0, s.3.y0, s.3.x1, s.3.y1]))
        })
        .collect()
}

/// The greatest distance between the same symbols of two imports (both
/// must have the same symbols in the same steps and columns).
fn selisih(a: &sopc::impor::Dokumen, b: &sopc::impor::Dokumen) -> f64 {
    let (a, b) = (simbol(a), simbol(b));
    assert_eq!(a.len(), b.len(), "{a:?}\n{b:?}");
    a.iter()
        .zip(&b)
        .map(|(a, b)| {
            assert_eq!((a.0, a.1), (b.0, b.1), "the same step and pelaksana");
            (0..4).map(|i| (a.2[i] - b.2[i]).abs()).fold(0.0, f64::max)
        })
        .fold(0.0, f64::max)
}

fn dokumen(bytes: &[u8]) -> sopc::impor::Dokumen {
    sopc::impor::dari_docx(bytes).unwrap_or_else(|t| panic!("imported: {}", t.pesan().id))
}

/// The body of the fixture `name`'s `document.xml`.
fn body(name: &str) -> String {
    let xml = document_xml(name);
    xml[xml.find("<w:body>").expect("a body") + 8..xml.find("</w:body>").expect("its end")]
        .to_owned()
}

/// How many steps carry the note that their symbols' place is estimated.
fn diperkirakan(d: &sopc::impor::Dokumen) -> usize {
    d.langkah
        .iter()
        .filter(|b| {
            b.catatan
                .iter()
                .any(|c| c.starts_with("letak simbolnya diperkirakan"))
        })
        .count()
}

/// Shapes anchored in a cell's second paragraph count down from that
/// paragraph's top: the same flowchart drawn in the first paragraphs
/// (`lanjut`) and in the second, under an empty 9 pt paragraph with 4 pt
/// after it (`lanjut-alinea`), puts every symbol in the same place — and
/// the steps whose place needed the estimate of that paragraph say so.
#[test]
fn shapes_in_a_cells_later_paragraph_stand_where_they_are_drawn() {
    let pertama = dokumen(&std::fs::read(fixture("lanjut")).expect("the fixture"));
    let kedua = dokumen(&std::fs::read(fixture("lanjut-alinea")).expect("the fixture"));
    let d = selisih(&pertama, &kedua);
    assert!(d < 0.1, "{d} pt apart");
    assert_eq!(diperkirakan(&pertama), 0);
    assert_eq!(diperkirakan(&kedua), kedua.langkah.len());
}

/// Shapes anchored to the page in a paragraph above the table stand over
/// the table where Word lays it on the page (its rule a cell margin left
/// of the page margin, its top under that paragraph): each symbol where
/// the same flowchart anchored in the cells puts it. Moved into a cell of
/// the table (`layoutInCell="0"`), counted from the margin across, or
/// with the table set in by `w:tblInd` and Word 2013's layout (the rule
/// at the margin), they stand there too; where the paragraph above the
/// table is only estimated, each step says so.
#[test]
fn shapes_anchored_to_the_page_stand_over_the_table() {
    let name = "bps-bengkulu-rekomendasi-statistik-halaman";
    let sumber = Sumber::Berkas("bps-bengkulu-rekomendasi-statistik.yaml");
    let di_sel = dokumen(
        &std::fs::read(fixture("bps-bengkulu-rekomendasi-statistik")).expect("the fixture"),
    );
    let halaman = dokumen(&std::fs::read(fixture(name)).expect("the fixture"));
    let d = selisih(&di_sel, &halaman);
    assert!(d < 0.1, "{d} pt apart");
    assert_eq!(diperkirakan(&halaman), 0, "every height read");
    let sama = |body: &str, tentang: &str| {
        let d = dokumen(&common::lo::paket(body));
        let balik = parse("impor.yaml", &tulis::yaml(&d, None, "lo.docx"));
        assert_eq!(
            beda(&asli(name, &sumber), &balik, &[]),
            Vec::<String>::new(),
            "{tentang}"
        );
        d
    };
    let body = body(name);
    let jangkar = |b: &str| b.find("<mc:AlternateContent>").expect("a drawing");
    // every page's drawing moved into the first cell of its table, or into
    // a paragraph after it
    let pindah = |ke_sel: bool| {
        let mut out = String::new();
        let mut sisa = body.as_str();
        while let Some(at) = sisa.find("<w:tbl>") {
            let (depan, tabel) = sisa.split_at(at);
            let (mut depan, mut gambar) = (depan.to_owned(), String::new());
            while let Some(i) = depan.find("<mc:AlternateContent>") {
                let j = depan[i..].find("</mc:AlternateContent>").expect("its end") + i + 22;
                gambar.push_str(&format!("<w:r>{}</w:r>", &depan[i..j]));
                depan.replace_range(i..j, "");
            }
            out.push_str(&depan);
            let sel = if ke_sel {
                tabel.find("</w:pPr>").expect("a paragraph") + 8
            } else {
                0
            };
            out.push_str(&tabel[..sel]);
            if ke_sel {
                out.push_str(&gambar);
            }
            let akhir = tabel.find("</w:tbl>").expect("its end") + 8;
            out.push_str(&tabel[sel..akhir]);
            if !ke_sel && !gambar.is_empty() {
                out.push_str(&format!("<w:p>{gambar}</w:p>"));
            }
            sisa = &tabel[akhir..];
        }
        out.push_str(sisa);
        assert!(jangkar(&out) > body.find("<w:tbl>").expect("a table"));
        out
    };
    let d = sama(&pindah(true), "anchored in a cell");
    assert!(selisih(&di_sel, &d) < 0.1);
    let d = sama(&pindah(false), "anchored after the table");
    assert!(selisih(&di_sel, &d) < 0.1);
    // across from the margin: every offset less the left margin
    let kiri = {
        let i = body.find("w:left=\"").expect("a left margin") + 8;
        body[i..i + body[i..].find('"').expect("its end")]
            .parse::<i64>()
            .expect("twips")
    };
    let margin = geser_posisi(&body, "positionH", "page", "margin", -kiri * 635);
    let d = sama(&margin, "across from the margin");
    assert!(selisih(&di_sel, &d) < 0.1);
    // the table set in 36 pt, laid out as Word 2013 on does: its rule at
    // the margin plus 36 pt, the drawing as much further right
    let masuk = geser_posisi(&body, "positionH", "page", "page", (36 * 20 + 108) * 635).replace(
        r#"<w:tblInd w:w="0" w:type="dxa"/>"#,
        r#"<w:tblInd w:w="720" w:type="dxa"/>"#,
    );
    let baru = paket_2013(&masuk);
    let d = dokumen(&baru);
    assert!(selisih(&di_sel, &d) < 0.1, "{}", selisih(&di_sel, &d));
    // the tables' section ended by a paragraph, a last section of another
    // page and other margins after it: the tables lie on their own section's
    let akhir = body.rfind("<w:sectPr>").expect("the body's section");
    let bagian = format!(
        r#"{}<w:p><w:pPr>{}</w:pPr></w:p><w:p><w:r><w:t>Lampiran</w:t></w:r></w:p><w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2000" w:left="2000" w:bottom="2000" w:right="2000"/></w:sectPr>"#,
        &body[..akhir],
        &body[akhir..]
    );
    let d = sama(&bagian, "in a section before the last");
    assert!(selisih(&di_sel, &d) < 0.1);
    // each table floating (`w:tblpPr`) where it stood, its rule a cell
    // margin left of the page margin, 10 pt under where the text is, the
    // drawing 10 pt lower too: the same, each step noted, since which rule
    // Word places there is inferred
    let tepi = {
        let i = body.find("w:left=\"").expect("a left margin") + 8;
        body[i..i + body[i..].find('"').expect("its end")]
            .parse::<i64>()
            .expect("twips")
    };
    // (Word writes each offset a twip more than it is)
    let apung = geser_posisi(&body, "positionV", "page", "page", 10 * 12_700).replace(
        "<w:tblPr>",
        &format!(
            r#"<w:tblPr><w:tblpPr w:horzAnchor="page" w:tblpX="{}" w:vertAnchor="text" w:tblpY="201"/>"#,
            tepi - 108 + 1
        ),
    );
    let d = sama(&apung, "floating");
    assert!(selisih(&di_sel, &d) < 0.1);
    assert_eq!(diperkirakan(&d), d.langkah.len());
    // the paragraph above each table of auto height: estimated, and said so
    let kira = body.replace(
        r#"w:lineRule="exact" w:line="200""#,
        r#"w:lineRule="auto" w:line="240""#,
    );
    assert_ne!(kira, body);
    let d = sama(&kira, "under a paragraph of auto height");
    assert_eq!(diperkirakan(&d), d.langkah.len());
}

/// `body` with every `wp:<sumbu>` counted from `dari` counted from `ke`,
/// its offset moved by `geser` EMU.
fn geser_posisi(body: &str, sumbu: &str, dari: &str, ke: &str, geser: i64) -> String {
    ganti_posisi(body, sumbu, dari, |v| {
        format!(
            r#"<wp:{sumbu} relativeFrom="{ke}"><wp:posOffset>{}</wp:posOffset>"#,
            v + geser
        )
    })
}

/// `body` with the start of every `wp:<sumbu>` counted from `dari` at an
/// offset (through the offset) made anew from that offset (EMU) by `baru`.
fn ganti_posisi(body: &str, sumbu: &str, dari: &str, baru: impl Fn(i64) -> String) -> String {
    let buka = format!(r#"<wp:{sumbu} relativeFrom="{dari}"><wp:posOffset>"#);
    let mut out = String::new();
    let mut sisa = body;
    while let Some(i) = sisa.find(&buka) {
        out.push_str(&sisa[..i]);
        let angka = &sisa[i + buka.len()..];
        let j = angka.find('<').expect("the offset's end");
        out.push_str(&baru(angka[..j].parse().expect("an offset")));
        sisa = &angka[j + "</wp:posOffset>".len()..];
    }
    out.push_str(sisa);
    out
}

/// A `.docx` of `body` with the parts `bagian` (name, XML) beside it.
fn paket_dengan(body: &str, bagian: &[(&str, &str)]) -> Vec<u8> {
    use std::io::Write as _;
    let lama = common::lo::paket(body);
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(lama)).expect("a zip archive");
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..zip.len() {
        let e = zip.by_index_raw(i).expect("an entry");
        z.raw_copy_file(e).expect("copied");
    }
    for (nama, xml) in bagian {
        z.start_file(*nama, zip::write::SimpleFileOptions::default())
            .expect("an entry");
        z.write_all(xml.as_bytes()).expect("written");
    }
    z.finish().expect("finished").into_inner()
}

/// A `.docx` of `body` whose settings ask for Word 2013's layout
/// (`compatibilityMode` 15).
fn paket_2013(body: &str) -> Vec<u8> {
    paket_dengan(
        body,
        &[(
            "word/settings.xml",
            r#"<?xml version="1.0"?><w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>"#,
        )],
    )
}

/// A paragraph's spacing given by its style rather than itself counts the
/// same: the empty paragraph above each actor cell's drawing given its
/// 4 pt after by a style of its own, in a document whose defaults are Word
/// 2013's (8 pt after a paragraph, lines 1.08 high) and whose tables are
/// *Table Grid* (none after, single lines, over the default style's), puts
/// every symbol where the paragraph's own spacing did; without the table
/// style, the defaults' taller lines move them down.
#[test]
fn a_paragraphs_style_and_its_tables_give_its_spacing() {
    let styles = r#"<?xml version="1.0"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="22"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="160" w:line="259" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Kosong"><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:before="0" w:after="80"/></w:pPr></w:style><w:style w:type="table" w:styleId="TableGrid"><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:style></w:styles>"#;
    let langsung = r#"<w:pStyle w:val="Normal"/><w:widowControl w:val="false"/><w:bidi w:val="0"/><w:spacing w:before="0" w:after="80"/>"#;
    let body = body("lanjut-alinea");
    assert_eq!(body.matches(langsung).count(), 18);
    let gaya = body.replace(langsung, r#"<w:pStyle w:val="Kosong"/>"#);
    let grid = gaya.replace("<w:tblPr>", r#"<w:tblPr><w:tblStyle w:val="TableGrid"/>"#);
    let asli = dokumen(&std::fs::read(fixture("lanjut-alinea")).expect("the fixture"));
    let d = dokumen(&paket_dengan(&grid, &[("word/styles.xml", styles)]));
    let jauh = selisih(&asli, &d);
    assert!(jauh < 0.01, "{jauh} pt apart");
    let d = dokumen(&paket_dengan(&gaya, &[("word/styles.xml", styles)]));
    let jauh = selisih(&asli, &d);
    assert!(jauh > 0.5, "{jauh} pt apart");
}

/// VML groups (`v:group`) are read through their own coordinates
/// (`coordorigin`, `coordsize`): the fixtures drawn with them, read from
/// their VML fallbacks alone (LibreOffice's groups, whose origin is not
/// 0,0), give the same SOP, every symbol where the DrawingML puts it.
#[test]
fn vml_groups_are_read_through_their_coordinates() {
    for (name, sumber) in [
        ("lanjut-vml-grup", Sumber::Yaml(LANJUT)),
        (
            "bps-bengkulu-naskah-dinas-vml-grup",
            Sumber::Berkas("bps-bengkulu-naskah-dinas.yaml"),
        ),
    ] {
        let body = body(name);
        let mut vml = String::new();
        let mut sisa = body.as_str();
        while let Some(i) = sisa.find("<mc:Choice") {
            vml.push_str(&sisa[..i]);
            let j = sisa[i..].find("</mc:Choice>").expect("its end") + i + 12;
            sisa = &sisa[j..];
        }
        vml.push_str(sisa);
        assert!(
            vml.contains("<v:group") && !vml.contains("<wps:wsp"),
            "{name}"
        );
        seperti(name, &sumber, &vml, 0.5, name);
        let dml = dokumen(&std::fs::read(fixture(name)).expect("the fixture"));
        // each group nested in one of its own units, 10 a pt from 500,500,
        // over the same box (LibreOffice loses what is beside a nested
        // group, so this one is written here): the same places
        let bersarang = sarangkan(&vml);
        assert!(bersarang.matches("<v:group").count() >= 2 * vml.matches("<v:group").count());
        let d = dokumen(&common::lo::paket(&bersarang));
        let jauh = selisih(&dml, &d);
        assert!(jauh < 0.5, "{name} nested: {jauh} pt apart");
    }
}

/// `body` with each top-level `v:group` (as LibreOffice writes them: not
/// nested, its box in pt) inside a group of the same box whose own units
/// are 10 a pt from 500,500.
fn sarangkan(body: &str) -> String {
    let nilai = |style: &str, kunci: &str| -> f64 {
        let i = style.find(kunci).expect("the property") + kunci.len();
        let j = style[i..].find("pt").expect("in pt") + i;
        style[i..j].parse().expect("a number")
    };
    let mut out = String::new();
    let mut sisa = body;
    while let Some(i) = sisa.find("<v:group ") {
        out.push_str(&sisa[..i]);
        let tag_akhir = sisa[i..].find('>').expect("its tag's end") + i;
        let tag = &sisa[i..tag_akhir];
        let a = tag.find("style=\"").expect("a style") + 7;
        let b = tag[a..].find('"').expect("its end") + a;
        let style = &tag[a..b];
        let (w, h) = (
            nilai(style, "width:") * 10.0,
            nilai(style, "height:") * 10.0,
        );
        let dalam = format!(
            "{}position:absolute;left:500;top:500;width:{w};height:{h}{}",
            &tag[..a],
            &tag[b..]
        );
        out.push_str(&format!(
            r#"<v:group style="{style}" coordorigin="500,500" coordsize="{w},{h}">{dalam}"#
        ));
        let tutup = sisa[tag_akhir..].find("</v:group>").expect("its end") + tag_akhir + 10;
        out.push_str(&sisa[tag_akhir..tutup]);
        out.push_str("</v:group>");
        sisa = &sisa[tutup..];
    }
    out.push_str(sisa);
    out
}

/// A cell whose paragraphs stand at its bottom (`w:vAlign`) takes the
/// shapes anchored in them along, down by the room its row leaves under
/// its text (an empty paragraph of Word's 11 pt: 12.65 pt high): the
/// fixture's actor cells so aligned, each drawing's offset lessened by that
/// room, give the same SOP with every symbol in the same place; in the
/// middle, the symbols move down by half the room. The steps so placed say
/// it rests on an estimate (of the text's height).
#[test]
fn a_cells_vertical_alignment_moves_its_shapes() {
    let body = body("lanjut");
    let atas = dokumen(&std::fs::read(fixture("lanjut")).expect("the fixture"));
    // each row's cells with a drawing aligned `v`, their offsets moved up
    // by `bagian` of the room under the cell's text
    let rata = |v: &str, bagian: f64| {
        let mut out = String::new();
        let mut sisa = body.as_str();
        while let Some(i) = sisa.find("<w:tr>") {
            let j = sisa[i..].find("</w:tr>").expect("its end") + i;
            out.push_str(&sisa[..i]);
            let tr = &sisa[i..j];
            let tinggi = tr
                .split_once(r#"<w:trHeight w:val=""#)
                .and_then(|(_, t)| t.split('"').next()?.parse::<f64>().ok())
                .map_or(0.0, |t| t / 20.0);
            let ruang = ((tinggi - 11.0 * 1.15) * bagian * 12_700.0).round() as i64;
            for (k, tc) in tr.split("<w:tc>").enumerate() {
                if k > 0 {
                    out.push_str("<w:tc>");
                }
                if k > 0 && tc.contains("<wp:anchor") {
                    let tc = tc.replacen(
                        "<w:tcPr>",
                        &format!(r#"<w:tcPr><w:vAlign w:val="{v}"/>"#),
                        1,
                    );
                    out.push_str(&geser_posisi(
                        &tc,
                        "positionV",
                        "paragraph",
                        "paragraph",
                        -ruang,
                    ));
                } else {
                    out.push_str(tc);
                }
            }
            sisa = &sisa[j..];
        }
        out.push_str(sisa);
        dokumen(&common::lo::paket(&out))
    };
    let bawah = rata("bottom", 1.0);
    let d = selisih(&atas, &bawah);
    assert!(d < 0.01, "{d} pt apart");
    let balik = parse("impor.yaml", &tulis::yaml(&bawah, None, "lo.docx"));
    assert_eq!(
        beda(&asli("lanjut", &Sumber::Yaml(LANJUT)), &balik, &[]),
        Vec::<String>::new()
    );
    let tengah = rata("center", 0.5);
    assert!(selisih(&atas, &tengah) < 0.01);
    assert_eq!(diperkirakan(&atas), 0);
    assert_eq!(diperkirakan(&bawah), bawah.langkah.len());
}

/// A shape aligned in its column (`wp:align`) rather than set at an
/// offset stands there: every symbol of the fixture, centred in its actor
/// column by the plan, aligned `center` instead, stands where it stood.
#[test]
fn a_shape_aligned_in_its_column_stands_there() {
    let body = body("lanjut");
    let mut out = String::new();
    let mut sisa = body.as_str();
    let mut n = 0;
    while let Some(i) = sisa.find("<wp:anchor ") {
        let j = sisa[i..].find("</wp:anchor>").expect("its end") + i;
        out.push_str(&sisa[..i]);
        let anchor = &sisa[i..j];
        if anchor.contains(r#"prst="flowChart"#) {
            let a = anchor.find("<wp:posOffset>").expect("an offset");
            let b = anchor[a..].find("</wp:posOffset>").expect("its end") + a + 15;
            out.push_str(&anchor[..a]);
            out.push_str("<wp:align>center</wp:align>");
            out.push_str(&anchor[b..]);
            n += 1;
        } else {
            out.push_str(anchor);
        }
        sisa = &sisa[j..];
    }
    out.push_str(sisa);
    assert!(n >= 6, "{n} symbols aligned");
    let asli = dokumen(&std::fs::read(fixture("lanjut")).expect("the fixture"));
    let d = dokumen(&common::lo::paket(&out));
    let jauh = selisih(&asli, &d);
    assert!(jauh < 0.1, "{jauh} pt apart");
}

/// A shape laid out in its cell (`layoutInCell="1"`, or any shape under
/// Word 2013's layout) counts "page" from the cell's edge and top, as Word
/// does: the fixture's shapes, anchored in their cells' first paragraphs,
/// counted from the "page" a cell margin further across, stand where they
/// stood — laid out in the cell, or under Word 2013's layout.
#[test]
fn a_shape_laid_out_in_its_cell_counts_the_page_from_the_cell() {
    let body = body("lanjut");
    assert!(body.contains(r#"layoutInCell="0""#));
    let halaman = geser_posisi(&body, "positionH", "column", "page", 68_580);
    let halaman = geser_posisi(&halaman, "positionV", "paragraph", "page", 0);
    let asli = dokumen(&std::fs::read(fixture("lanjut")).expect("the fixture"));
    let di_sel = halaman.replace(r#"layoutInCell="0""#, r#"layoutInCell="1""#);
    let jauh = selisih(&asli, &dokumen(&common::lo::paket(&di_sel)));
    assert!(jauh < 0.01, "{jauh} pt apart");
    let jauh = selisih(&asli, &dokumen(&paket_2013(&halaman)));
    assert!(jauh < 0.01, "{jauh} pt apart");
}

/// The fixture whose drawings are anchored to the page in a paragraph
/// above each table.
const HALAMAN: &str = "bps-bengkulu-rekomendasi-statistik-halaman";

/// The fixture [`HALAMAN`] with its body changed to `body`, imported: the
/// same SOP as the fixture's, every symbol within 0.1 pt of where the
/// fixture puts it.
fn seperti_halaman(body: &str, tentang: &str) -> sopc::impor::Dokumen {
    let sumber = Sumber::Berkas("bps-bengkulu-rekomendasi-statistik.yaml");
    seperti(HALAMAN, &sumber, body, 0.1, tentang)
}

/// The fixture `name` (of `sumber`) with its body changed to `body`,
/// imported: the same SOP as the fixture's, every symbol within `dekat`
/// pt of where the fixture puts it.
fn seperti(
    name: &str,
    sumber: &Sumber,
    body: &str,
    dekat: f64,
    tentang: &str,
) -> sopc::impor::Dokumen {
    let d = dokumen(&common::lo::paket(body));
    let balik = parse("impor.yaml", &tulis::yaml(&d, None, "lo.docx"));
    assert_eq!(
        beda(&asli(name, sumber), &balik, &[]),
        Vec::<String>::new(),
        "{tentang}"
    );
    let semula = dokumen(&std::fs::read(fixture(name)).expect("the fixture"));
    let jauh = selisih(&semula, &d);
    assert!(jauh < dekat, "{tentang}: {jauh} pt apart");
    d
}

/// `body` with every `wp:<sumbu>` counted from `dari` at an offset
/// placed instead by a share (`wp14:pctPos…Offset`, in thousandths of a
/// percent, as Word writes a "relative position") of `ruang` twips from
/// `asal` twips, counted from `ke`.
fn bagian_posisi(body: &str, sumbu: &str, dari: &str, ke: &str, asal: i64, ruang: i64) -> String {
    let tag = if sumbu == "positionH" {
        "wp14:pctPosHOffset"
    } else {
        "wp14:pctPosVOffset"
    };
    ganti_posisi(body, sumbu, dari, |v| {
        let bagian = ((v - asal * 635) as f64 / (ruang * 635) as f64 * 100_000.0).round();
        format!(r#"<wp:{sumbu} relativeFrom="{ke}"><{tag}>{bagian}</{tag}>"#)
    })
}

/// A shape placed by a share of the page or its margin (the drafter's
/// "relative position", `wp14:pctPosHOffset`/`pctPosVOffset`) rather than
/// an offset stands where the offset put it: the fixture whose drawings
/// are anchored to the page (18720 × 12200 twips, margins 1134 left, 850
/// right, top and bottom), each offset written as its share of the page,
/// or of the margin from the margin's edge, gives the same SOP with every
/// symbol where it stood — also where, as Word writes it, each share is
/// the choice of an `mc:AlternateContent` whose fallback is an offset.
#[test]
fn a_shape_placed_by_a_share_of_the_page_stands_there() {
    let body = body(HALAMAN);
    assert!(body.contains(r#"<w:pgSz w:orient="landscape" w:w="18720" w:h="12200"/>"#));
    let halaman = bagian_posisi(&body, "positionH", "page", "page", 0, 18_720);
    let halaman = bagian_posisi(&halaman, "positionV", "page", "page", 0, 12_200);
    let margin = bagian_posisi(
        &body,
        "positionH",
        "page",
        "margin",
        1134,
        18_720 - 1134 - 850,
    );
    let margin = bagian_posisi(
        &margin,
        "positionV",
        "page",
        "margin",
        850,
        12_200 - 2 * 850,
    );
    // as Word writes it: the share for a reader that knows it, an offset
    // (here a wrong one) for one that does not
    let word = ["H", "V"].iter().fold(margin.clone(), |b, s| {
        let tag = format!("wp14:pctPos{s}Offset");
        b.replace(
            &format!("<{tag}>"),
            &format!(r#"<mc:AlternateContent><mc:Choice Requires="wp14"><{tag}>"#),
        )
        .replace(
            &format!("</{tag}>"),
            &format!(
                "</{tag}></mc:Choice><mc:Fallback><wp:posOffset>0</wp:posOffset></mc:Fallback></mc:AlternateContent>"
            ),
        )
    });
    for (body, tentang) in [
        (halaman, "of the page"),
        (margin, "of the margin"),
        (word, "with Word's fallback"),
    ] {
        assert_eq!(
            body.matches("<wp14:pctPosHOffset>").count(),
            45,
            "{tentang}"
        );
        assert_eq!(
            body.matches("<wp:posOffset>").count(),
            body.matches("<mc:Fallback><wp:posOffset>").count(),
            "{tentang}"
        );
        seperti_halaman(&body, tentang);
    }
}

/// `body` with each flowchart symbol's anchor counted down from its
/// paragraph set down by `posisi` (the XML inside `wp:positionV`) from
/// `dari`.
fn symbol_turun(body: &str, dari: &str, posisi: &str) -> String {
    let mut out = String::new();
    let mut sisa = body;
    while let Some(i) = sisa.find("<wp:anchor ") {
        let j = sisa[i..].find("</wp:anchor>").expect("its end") + i;
        out.push_str(&sisa[..i]);
        let anchor = &sisa[i..j];
        match anchor.find(r#"<wp:positionV relativeFrom="paragraph">"#) {
            Some(a) if anchor.contains(r#"prst="flowChart"#) => {
                let b = anchor[a..].find("</wp:positionV>").expect("its end") + a;
                out.push_str(&anchor[..a]);
                out.push_str(&format!(r#"<wp:positionV relativeFrom="{dari}">{posisi}"#));
                out.push_str(&anchor[b..]);
            }
            _ => out.push_str(anchor),
        }
        sisa = &sisa[j..];
    }
    out.push_str(sisa);
    out
}

/// A shape aligned down its paragraph's line (`relativeFrom="line"` with
/// `wp:align`) stands at the line's top, middle or bottom: the fixture's
/// paragraphs given 2 pt before them and lines exactly 16 pt high, each
/// symbol aligned `top` stands 2 pt under where it stands at its
/// paragraph's top, `bottom` with its bottom 18 pt under it, `center`
/// with its middle 10 pt under it — none of it estimated.
#[test]
fn a_shape_aligned_down_its_line_stands_there() {
    let body = body("lanjut").replace(
        r#"<w:spacing w:before="0" w:after="0"/>"#,
        r#"<w:spacing w:before="40" w:after="0" w:line="320" w:lineRule="exact"/>"#,
    );
    let di_atas = dokumen(&common::lo::paket(&symbol_turun(
        &body,
        "paragraph",
        "<wp:posOffset>0</wp:posOffset>",
    )));
    let atas = simbol(&di_atas);
    assert!(atas.len() >= 6, "{atas:?}");
    for (jajar, tolok) in [("top", 2.0), ("bottom", 18.0), ("center", 10.0)] {
        // the top, bottom or middle of a box
        let ukur = |k: [f64; 4]| match jajar {
            "top" => k[1],
            "bottom" => k[3],
            _ => (k[1] + k[3]) / 2.0,
        };
        let d = dokumen(&common::lo::paket(&symbol_turun(
            &body,
            "line",
            &format!("<wp:align>{jajar}</wp:align>"),
        )));
        let garis = simbol(&d);
        assert_eq!(garis.len(), atas.len(), "{jajar}");
        for (a, g) in atas.iter().zip(&garis) {
            assert_eq!(
                (a.0, a.1),
                (g.0, g.1),
                "{jajar}: the same step and pelaksana"
            );
            let turun = ukur(g.2) - a.2[1];
            assert!((turun - tolok).abs() < 0.01, "{jajar}: {turun} pt down");
        }
        assert_eq!(diperkirakan(&d), 0, "{jajar}");
    }
}

/// `body` with a paragraph of lines exactly 10 pt high put first in each
/// cell with a drawing, holding a plain rectangle `lebar` pt wide and 6 pt
/// high at its top, laid out in the cell and keeping 2 pt under it,
/// wrapped as `lilit` says; the cell's own drawing, now in its second
/// paragraph, `naik` pt higher there.
fn dengan_penghalang(body: &str, lilit: &str, lebar: f64, naik: f64) -> String {
    let emu = |pt: f64| (pt * 12_700.0).round() as i64;
    let penghalang = format!(
        r#"<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="200" w:lineRule="exact"/></w:pPr><w:r><w:drawing><wp:anchor distT="0" distB="{}" distL="0" distR="0" simplePos="0" relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV><wp:extent cx="{}" cy="{}"/>{lilit}<wp:docPr id="900" name="Penghalang"/><a:graphic><a:graphicData><wps:wsp><wps:cNvSpPr/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{}" cy="{}"/></a:xfrm><a:prstGeom prst="rect"/></wps:spPr><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r></w:p>"#,
        emu(2.0),
        emu(lebar),
        emu(6.0),
        emu(lebar),
        emu(6.0),
    );
    let mut out = String::new();
    let mut n = 0;
    for (k, tc) in body.split("<w:tc>").enumerate() {
        if k > 0 {
            out.push_str("<w:tc>");
        }
        match tc.find("</w:tcPr>") {
            Some(i) if tc.contains("<wp:anchor") => {
                let i = i + "</w:tcPr>".len();
                out.push_str(&tc[..i]);
                out.push_str(&penghalang);
                let naik = -emu(naik);
                out.push_str(&geser_posisi(
                    &tc[i..],
                    "positionV",
                    "paragraph",
                    "paragraph",
                    naik,
                ));
                n += 1;
            }
            _ => out.push_str(tc),
        }
    }
    assert!(n >= 6, "{n} cells with a drawing");
    out
}

/// A shape whose text flows only above and below it (`wrapTopAndBottom`)
/// pushes its paragraph's text under it, and the paragraphs and shapes
/// below with it: a 6 pt rectangle keeping 2 pt under it at the top of
/// each drawn cell's first paragraph (lines exactly 10 pt), the cell's
/// drawing in the next paragraph 18 pt higher there, puts every symbol
/// where it stood, nothing estimated. Wrapped square (`wrapSquare`) as
/// wide as the cell, the text finds no room beside it: the same, each
/// step noted, since how little room Word leaves is inferred; 4 pt wide,
/// the text flows beside it and the symbols stand 8 pt higher; not
/// wrapped (`wrapNone`), the same. The first document, laid out and
/// saved by LibreOffice (which writes the second paragraph's offsets
/// anew from its own layout), gives the same places.
#[test]
fn a_shape_wrapped_top_and_bottom_pushes_the_text_under_it() {
    let body = body("lanjut");
    let semula = dokumen(&std::fs::read(fixture("lanjut")).expect("the fixture"));
    let atas_bawah = dokumen(&common::lo::paket(&dengan_penghalang(
        &body,
        "<wp:wrapTopAndBottom/>",
        4.0,
        18.0,
    )));
    let jauh = selisih(&semula, &atas_bawah);
    assert!(jauh < 0.01, "{jauh} pt apart");
    assert_eq!(diperkirakan(&atas_bawah), 0);
    let balik = parse("impor.yaml", &tulis::yaml(&atas_bawah, None, "lo.docx"));
    assert_eq!(
        beda(&asli("lanjut", &Sumber::Yaml(LANJUT)), &balik, &[]),
        Vec::<String>::new()
    );
    let lebar = dokumen(&common::lo::paket(&dengan_penghalang(
        &body,
        r#"<wp:wrapSquare wrapText="bothSides"/>"#,
        400.0,
        18.0,
    )));
    assert!(selisih(&semula, &lebar) < 0.01);
    assert_eq!(diperkirakan(&lebar), lebar.langkah.len());
    // as LibreOffice lays it out and writes it (`Gaya::Lilit`): the same
    let lo = dokumen(&std::fs::read(fixture("lanjut-lilit")).expect("the fixture"));
    let jauh = selisih(&semula, &lo);
    assert!(jauh < 0.1, "LibreOffice's: {jauh} pt apart");
    assert_eq!(diperkirakan(&lo), 0);
    for lilit in [r#"<wp:wrapSquare wrapText="bothSides"/>"#, "<wp:wrapNone/>"] {
        let d = dokumen(&common::lo::paket(&dengan_penghalang(
            &body, lilit, 4.0, 18.0,
        )));
        let jauh = selisih(&semula, &d);
        assert!((jauh - 8.0).abs() < 0.01, "{lilit}: {jauh} pt apart");
    }
}

/// `body` with each of its tables inside a table of one cell as wide as
/// it with Word's cell margins (a drafter's layout table), its rule where
/// the table's was, the nested table at the top of the cell and an
/// exactly 1 pt paragraph under it; with `bawa`, the drawings anchored in
/// the paragraphs before each table moved into that paragraph.
fn dalam_tabel_tata_letak(body: &str, bawa: bool) -> String {
    let mut out = String::new();
    let mut sisa = body;
    while let Some(at) = sisa.find("<w:tbl>") {
        let (depan, tabel) = sisa.split_at(at);
        let akhir = tabel.find("</w:tbl>").expect("its end") + 8;
        let (mut depan, mut gambar) = (depan.to_owned(), String::new());
        while let Some(i) = depan.find("<mc:AlternateContent>").filter(|_| bawa) {
            let j = depan[i..].find("</mc:AlternateContent>").expect("its end") + i + 22;
            gambar.push_str(&format!("<w:r>{}</w:r>", &depan[i..j]));
            depan.replace_range(i..j, "");
        }
        let lebar: i64 = tabel[..akhir]
            .split(r#"<w:gridCol w:w=""#)
            .skip(1)
            .map(|g| {
                g[..g.find('"').expect("its end")]
                    .parse::<i64>()
                    .expect("twips")
            })
            .sum::<i64>()
            + 2 * 108;
        out.push_str(&depan);
        out.push_str(&format!(
            r#"<w:tbl><w:tblPr><w:tblW w:w="{lebar}" w:type="dxa"/><w:tblInd w:w="0" w:type="dxa"/></w:tblPr><w:tblGrid><w:gridCol w:w="{lebar}"/></w:tblGrid><w:tr><w:tc><w:tcPr><w:tcW w:w="{lebar}" w:type="dxa"/></w:tcPr>{}<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/></w:pPr>{gambar}</w:p></w:tc></w:tr></w:tbl>"#,
            &tabel[..akhir]
        ));
        sisa = &tabel[akhir..];
    }
    out.push_str(sisa);
    out
}

/// Shapes anchored to the page over a flowchart table nested in a
/// drafter's layout table stand over the nested table, where Word lays it
/// on the page (at the top of its cell, across from the cell's text as a
/// table from the page's text): the fixture whose drawings are anchored
/// to the page in paragraphs above each table, each table nested so, its
/// rule where it was, gives the same SOP with every symbol where it stood
/// and nothing estimated; so does each drawing anchored in the layout
/// table's cell, under the nested table. The same document saved by
/// LibreOffice gives the same SOP, its symbols where LibreOffice's own
/// indent of the nested tables puts them.
#[test]
fn shapes_over_a_table_nested_in_another_stand_over_it() {
    let body = body(HALAMAN);
    for (bawa, tentang) in [(false, "above the tables"), (true, "in the layout table")] {
        let sarang = dalam_tabel_tata_letak(&body, bawa);
        assert_eq!(
            sarang.matches("<w:tbl>").count(),
            2 * body.matches("<w:tbl>").count()
        );
        let d = seperti_halaman(&sarang, tentang);
        assert_eq!(diperkirakan(&d), 0, "{tentang}");
    }
    // as LibreOffice writes a drafter's nested tables (`Gaya::Sarang`):
    // the same SOP (the round trip above), each nested table set in by
    // the 113 twips LibreOffice writes (`w:tblInd`, its own layout of a
    // nested table), every symbol as much left of it
    let lo = dokumen(
        &std::fs::read(fixture("bps-bengkulu-rekomendasi-statistik-sarang")).expect("the fixture"),
    );
    assert!(
        document_xml("bps-bengkulu-rekomendasi-statistik-sarang")
            .contains(r#"<w:tblInd w:w="113" w:type="dxa"/>"#)
    );
    let semula = dokumen(&std::fs::read(fixture(HALAMAN)).expect("the fixture"));
    let jauh = selisih(&semula, &lo);
    assert!((jauh - 5.65).abs() < 0.1, "LibreOffice's: {jauh} pt apart");
    assert_eq!(diperkirakan(&lo), 0);
}

/// A shape laid out in its cell and aligned, or placed by a share, down
/// the page or its margin stands so in its cell, which is its "page":
/// each symbol of the fixture laid out in its cell (`layoutInCell="1"`)
/// and aligned `top` against the page stands at its cell's top (where an
/// offset of 0 from its paragraph puts it), `bottom` at the cell's
/// bottom, `center` in its middle, and placed at half the margin's
/// height (`wp14:pctPosVOffset` 50000) with its top there.
#[test]
fn a_shape_laid_out_in_its_cell_is_aligned_down_it() {
    let body = body("lanjut").replace(r#"layoutInCell="0""#, r#"layoutInCell="1""#);
    let baca = |dari: &str, posisi: &str| {
        simbol(&dokumen(&common::lo::paket(&symbol_turun(
            &body, dari, posisi,
        ))))
    };
    let nol = baca("paragraph", "<wp:posOffset>0</wp:posOffset>");
    let atas = baca("page", "<wp:align>top</wp:align>");
    let bawah = baca("page", "<wp:align>bottom</wp:align>");
    let tengah = baca("margin", "<wp:align>center</wp:align>");
    let separuh = baca("margin", "<wp14:pctPosVOffset>50000</wp14:pctPosVOffset>");
    assert!(nol.len() >= 6, "{nol:?}");
    for (i, a) in nol.iter().enumerate() {
        let (puncak, dasar) = (a.2[1], bawah[i].2[3]);
        assert!(
            dasar - puncak > a.2[3] - a.2[1] + 1.0,
            "{a:?} {:?}",
            bawah[i]
        );
        assert!((atas[i].2[1] - puncak).abs() < 0.01, "top");
        let tengah = (tengah[i].2[1] + tengah[i].2[3]) / 2.0;
        assert!((tengah - (puncak + dasar) / 2.0).abs() < 0.01, "center");
        assert!(
            (separuh[i].2[1] - (puncak + dasar) / 2.0).abs() < 0.01,
            "half"
        );
        for b in [&atas, &bawah, &separuh] {
            assert_eq!((a.0, a.1), (b[i].0, b[i].1), "the same step and pelaksana");
        }
    }
}

/// A shape placed from the strip of the page outside a margin
/// (`relativeFrom="rightMargin"`, `"bottomMargin"`, or by a share of
/// `"leftMargin"` and `"topMargin"`) counts from that strip's edge, by
/// its width: the fixture's drawings anchored to the page, each offset
/// counted so, stand where they stood.
#[test]
fn a_shape_placed_from_outside_a_margin_stands_there() {
    let body = body(HALAMAN);
    let kanan = geser_posisi(
        &body,
        "positionH",
        "page",
        "rightMargin",
        -(18_720 - 850) * 635,
    );
    let kanan = geser_posisi(
        &kanan,
        "positionV",
        "page",
        "bottomMargin",
        -(12_200 - 850) * 635,
    );
    seperti_halaman(&kanan, "from the right and bottom margins");
    let kiri = bagian_posisi(&body, "positionH", "page", "leftMargin", 0, 1134);
    let kiri = bagian_posisi(&kiri, "positionV", "page", "topMargin", 0, 850);
    seperti_halaman(&kiri, "a share of the left and top margins");
}

/// A drawing in a paragraph's text (`wp:inline`, a pasted picture) makes
/// its line as high as itself: a paragraph holding a 60 pt picture put at
/// the top of each page of a procedure table, above the paragraph its
/// drawing is anchored to the page in, the drawing 60 pt lower, puts
/// every symbol where it stood; each step says it rests on an estimate
/// (the picture's line is of no exact height).
#[test]
fn a_picture_in_the_text_makes_its_line_as_high() {
    let putus = r#"<w:r><w:br w:type="page"/></w:r></w:p>"#;
    let gambar = format!(
        r#"<w:p><w:pPr><w:spacing w:before="0" w:after="0"/></w:pPr><w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{e}" cy="{e}"/><wp:docPr id="901" name="Logo"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"#,
        e = 60 * 12_700
    );
    let body = body(HALAMAN);
    assert_eq!(body.matches(putus).count(), 2);
    let dengan = geser_posisi(&body, "positionV", "page", "page", 60 * 12_700)
        .replace(putus, &format!("{putus}{gambar}"));
    let d = seperti_halaman(&dengan, "under a picture");
    assert_eq!(diperkirakan(&d), d.langkah.len());
}
