//! Every word fits its cell: read back from the laid-out pages, every run of
//! text of the procedure table lies inside the column it starts in — on
//! every `sops/` example on the default F4 landscape and on A4 portrait (in
//! the sans and the serif), on a deterministic sample of the flowchart
//! property test's generated SOPs on every paper, and on SOPs made to
//! overflow (seven long pelaksana titles, a URL and an
//! underscore_joined_file_name in a cell, a long list item next to
//! "10 menit", long column headings). Every line of the lembar
//! pengesahan stays inside its cell or box. And the fonts in the PDF are the
//! ones sopc embeds.

mod common;

use sopc::model::Sop;
use sopc::paper::{Kertas, Orientasi};
use sopc::render::{Bagian, RenderOptions, Rendered, Renderer, Tulisan};

fn sop(path: &str, text: &str) -> Sop {
    let loaded = sopc::parse::parse_str(path, text);
    assert!(
        !loaded.diagnostics.iter().any(|d| d.is_error()),
        "{path}: {:?}",
        loaded.diagnostics
    );
    loaded.sop.expect("the YAML parses")
}

fn render(r: &Renderer, sop: &Sop) -> Rendered {
    common::cetak(r, sop, None, Bagian::Lengkap).expect("renders")
}

fn renderer(kertas: Kertas, orientasi: Orientasi) -> Renderer {
    Renderer::new(&RenderOptions {
        kertas,
        orientasi,
        ..Default::default()
    })
}

/// The group headings of `sop`'s table, "Pelaksana" and "Mutu Baku" or
/// its `judul_kolom`.
fn kelompok(sop: &Sop) -> [String; 2] {
    let j = sop.judul_kolom.as_ref().map(|j| &j.value);
    let judul = |key: &str, bawaan: &str| {
        j.and_then(|j| j.kunci(key))
            .map_or(bawaan, |t| t.value.trim())
            .to_owned()
    };
    [
        judul("pelaksana", "Pelaksana"),
        judul("mutu_baku", "Mutu Baku"),
    ]
}

/// The runs of `sop`'s procedure table that leave their cell, as
/// "page: text (x0–x1) outside column a–b".
fn di_luar_sel(h: &Rendered, sop: &Sop) -> Vec<String> {
    let (denah, _, awal) = h.denah.as_ref().expect("a procedure table");
    let k = &denah.kolom;
    let (mx, my) = h.margin;
    let [pelaksana, mutu_baku] = kelompok(sop);
    let mut tepi = vec![mx];
    for w in &k.widths {
        tepi.push(tepi.last().unwrap() + w);
    }
    let aktor = 2..2 + k.actors;
    let kolom_di = |x: f64| tepi.windows(2).position(|w| x >= w[0] - 0.01 && x < w[1]);
    let mut salah = Vec::new();
    for hal in *awal..h.ukuran_halaman.len() {
        let runs: Vec<&Tulisan> = h.tulisan.iter().filter(|t| t.halaman == hal).collect();
        // the rows start below the first step number; the JUMLAH row's
        // total may run on over the columns after Waktu
        let baris_awal = runs
            .iter()
            .filter(|t| {
                kolom_di(t.x0) == Some(0) && t.teks.trim_end_matches('.').parse::<u32>().is_ok()
            })
            .map(|t| t.y)
            .fold(f64::INFINITY, f64::min);
        let jumlah = runs.iter().find(|t| t.teks == "JUMLAH").map(|t| t.y);
        // the table as planned, header included (the furniture above and
        // below it is not in a cell)
        let halaman = &denah.pages[hal - awal];
        let (atas, bawah) = (halaman.top + my, halaman.bottom + my);
        for t in runs.into_iter().filter(|t| t.y > atas && t.y < bawah) {
            let Some(c) = kolom_di(t.x0) else {
                salah.push(format!(
                    "{hal}: {:?} starts outside the table at {:.1}",
                    t.teks, t.x0
                ));
                continue;
            };
            // decision labels belong to the drawing, not to a cell
            if aktor.contains(&c) && t.miring && t.y > baris_awal - 4.0 {
                continue;
            }
            // the two group headings span several columns: measured against
            // their span, not the column their first letter happens to be in
            let kepala = t.y < baris_awal && !t.teks.trim().is_empty();
            let (c, ujung) = match t.teks.trim() {
                g if kepala && aktor.contains(&c) && pelaksana.contains(g) => (2, 2 + k.actors),
                g if kepala
                    && (2 + k.actors..5 + k.actors).contains(&c)
                    && mutu_baku.contains(g) =>
                {
                    (2 + k.actors, 5 + k.actors)
                }
                "JUMLAH" => (0, 2 + k.actors),
                // (its lines wrapped below the label's too)
                _ if jumlah.is_some_and(|y| t.y > y - 2.0) => (c, k.widths.len()),
                _ => (c, c + 1),
            };
            if t.x1 > tepi[ujung] + 0.01 || t.x0 < tepi[c] + 0.5 {
                salah.push(format!(
                    "{hal}: {:?} ({:.1}–{:.1}) outside column {:.1}–{:.1}",
                    t.teks, t.x0, t.x1, tepi[c], tepi[ujung]
                ));
            }
        }
    }
    salah
}

fn contoh() -> Vec<(String, Sop)> {
    let files = common::contoh_sops();
    assert!(files.len() >= 5, "{files:?}");
    files
        .iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            let text = std::fs::read_to_string(p).expect("example SOP");
            let s = sop(&name, &text);
            (name, s)
        })
        .collect()
}

#[test]
fn every_example_fits_its_cells_on_f4_landscape_and_a4_portrait_in_both_faces() {
    let kertas = [
        (Kertas::F4, Orientasi::Lanskap, None),
        (Kertas::A4, Orientasi::Potret, None),
        // the serif's own widths size the columns
        (Kertas::A4, Orientasi::Potret, Some("serif")),
    ];
    for (k, o, huruf) in kertas {
        let r = Renderer::new(&RenderOptions {
            kertas: k,
            orientasi: o,
            huruf: huruf.map(str::to_owned),
            ..Default::default()
        });
        for (name, s) in contoh() {
            let h = render(&r, &s);
            assert!(h.tulisan.len() > 50, "{name}: the pages were read back");
            assert_eq!(
                di_luar_sel(&h, &s),
                Vec::<String>::new(),
                "{name} {k:?} {o:?} {huruf:?}"
            );
        }
    }
}

const SOP: &str = r#"nama: Pengelolaan Arsip Dinamis
nomor: 800/1/2024
pelaksana:
PELAKSANA
langkah:
  - kegiatan: Menerima dan mendistribusikan berkas permohonan yang telah didistribusikan
    pelaksana: P1
    kelengkapan: KELENGKAPAN
    waktu: 10 menit
    output: OUTPUT
  - kegiatan: Mengunggah berkas ke laman JDIH
    pelaksana: P2
    kelengkapan:
      - Berkas permohonan yang telah didistribusikan dan ditandatangani
      - Formulir
    waktu: 10 menit
    output: Berkas terunggah
"#;

fn buat(pelaksana: &[&str], kelengkapan: &str, output: &str) -> Sop {
    sop("uji.yaml", &yaml(pelaksana, kelengkapan, output))
}

/// [`SOP`] with these pelaksana (the first and the last acting) and cells.
fn yaml(pelaksana: &[&str], kelengkapan: &str, output: &str) -> String {
    SOP.replace("P1", &format!("\"{}\"", pelaksana[0]))
        .replace("P2", &format!("\"{}\"", pelaksana[pelaksana.len() - 1]))
        .replace(
            "PELAKSANA",
            &pelaksana
                .iter()
                .map(|p| format!("  - \"{p}\"\n"))
                .collect::<String>(),
        )
        .replace("KELENGKAPAN", kelengkapan)
        .replace("OUTPUT", output)
}

#[test]
fn seven_long_titles_fit_on_f4_landscape() {
    let nama = [
        "Pengadministrasi Umum",
        "Perencanaan, Evaluasi dan Pelaporan",
        "Kepala Subbagian Kepegawaian",
        "Petugas 1 (Satpo, PP)",
        "Adc/Agendaris/Bagian",
        "Pengelola Barang Milik Daerah",
        "Bendahara Pengeluaran Pembantu",
    ];
    let s = buat(&nama, "Surat permohonan", "Berkas");
    let h = render(&renderer(Kertas::F4, Orientasi::Lanskap), &s);
    assert_eq!(di_luar_sel(&h, &s), Vec::<String>::new());
    // every header at one size
    let (denah, _, awal) = h.denah.as_ref().unwrap();
    let baris_1 = h
        .tulisan
        .iter()
        .find(|t| t.halaman == *awal && t.teks == "1.")
        .unwrap();
    let kepala: Vec<&Tulisan> = h
        .tulisan
        .iter()
        .filter(|t| t.halaman == *awal && t.tebal && t.y < baris_1.y && t.ukuran < 10.0)
        .collect();
    assert!(kepala.len() > 10);
    assert!(
        kepala.iter().all(|t| t.ukuran == kepala[0].ukuran),
        "{kepala:?}"
    );
    assert!(kepala[0].ukuran >= 8.0);
    // "(Satpo, PP)" stays on one line
    let satpo = h
        .tulisan
        .iter()
        .find(|t| t.teks.contains("(Satpo"))
        .unwrap();
    let pp = h.tulisan.iter().find(|t| t.teks.contains("PP)")).unwrap();
    assert_eq!(satpo.y, pp.y, "{satpo:?} {pp:?}");
    assert_eq!(denah.kolom.actors, 7);
}

#[test]
fn urls_and_joined_names_fit_on_a4_portrait() {
    let s = buat(
        &["Kasubbag Umum", "Pengadministrasi"],
        "https://jdih.bengkulukota.go.id/produk_hukum/peraturan_walikota_2024.pdf",
        "laporan_pengelolaan_arsip_dinamis_final.xlsx",
    );
    let h = render(&renderer(Kertas::A4, Orientasi::Potret), &s);
    assert_eq!(di_luar_sel(&h, &s), Vec::<String>::new());
    // the reader still sees the whole name, without marks
    let teks = h.teks.join(" ").replace(' ', "");
    assert!(
        teks.contains("laporan_pengelolaan_arsip_dinamis_final.xlsx"),
        "{teks}"
    );
}

#[test]
fn a_long_list_item_keeps_off_waktu_on_a4_portrait() {
    let s = buat(
        &["Kasubbag Umum", "Staf"],
        "Didistribusikan",
        "Terdistribusikan",
    );
    let h = render(&renderer(Kertas::A4, Orientasi::Potret), &s);
    assert_eq!(di_luar_sel(&h, &s), Vec::<String>::new());
    // "10 menit" is on one line of its own cell, in both rows
    let menit = h
        .tulisan
        .iter()
        .filter(|t| t.teks.trim() == "10 menit")
        .count();
    assert_eq!(menit, 2, "{:?}", h.teks);
}

#[test]
fn the_pdf_embeds_liberation_sans_and_the_serif_on_request() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let s = buat(&["Kasubbag", "Staf"], "Surat", "Berkas");
    let fonts = |huruf: Option<&str>| {
        let r = Renderer::new(&RenderOptions {
            huruf: huruf.map(str::to_owned),
            ..Default::default()
        });
        let p = dir.path().join("x.pdf");
        std::fs::write(&p, render(&r, &s).pdf).expect("written");
        common::poppler("pdffonts", &[], &p)
    };
    let sans = fonts(None);
    assert!(sans.contains("LiberationSans "), "{sans}");
    assert!(sans.contains("LiberationSans-Bold"), "{sans}");
    assert!(!sans.contains("Libertinus"), "{sans}");
    // embedded and subset
    for line in sans.lines().filter(|l| l.contains("Liberation")) {
        assert!(line.contains(" yes yes yes "), "{line}");
    }
    let serif = fonts(Some("Libertinus Serif"));
    assert!(serif.contains("LibertinusSerif"), "{serif}");
    assert!(!serif.contains("LiberationSans"), "{serif}");
}

#[test]
fn long_column_headings_widen_their_column_or_break_after_a_slash() {
    let text = yaml(&["Kasubbag Umum", "Staf"], "Surat", "Berkas")
        + "judul_kolom:\n  \"no\": Nomor\n  kelengkapan: Persyaratan/Kelengkapan\n  \
           mutu_baku: Mutu Baku Pelayanan Administrasi\n  waktu: Waktu Penyelesaian\n";
    let s = sop("uji.yaml", &text);
    let r = renderer(Kertas::A4, Orientasi::Potret);
    let h = render(&r, &s);
    assert_eq!(di_luar_sel(&h, &s), Vec::<String>::new());
    let (denah, _, awal) = h.denah.as_ref().unwrap();
    let pada = |teks: &str| {
        h.tulisan
            .iter()
            .find(|t| t.halaman == *awal && t.teks.trim() == teks)
            .unwrap_or_else(|| panic!("{teks:?} in {:?}", h.teks[*awal]))
    };
    // "Nomor" widens No past its 8 mm on A4 portrait, on one line
    let nomor = pada("Nomor");
    assert!(denah.kolom.widths[0] > sopc::paper::mm(8.0) + 0.5);
    assert!(nomor.x1 <= h.margin.0 + denah.kolom.widths[0]);
    // the joined heading breaks after its slash, not inside a word
    let (a, b) = (pada("Persyaratan/"), pada("Kelengkapan"));
    assert!(b.y > a.y && (a.x0 - b.x0).abs() < 12.0, "{a:?} {b:?}");
    // and the words of a two-word heading stay whole
    pada("Penyelesaian");
}

/// A bounded, deterministic sample of the flowchart property test's SOPs:
/// `n` of each paper and orientation.
fn dibangkitkan(n: usize) -> Vec<common::flowchart::Kasus> {
    use proptest::strategy::{Strategy, ValueTree};
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let strategi = common::flowchart::kasus();
    let mut out: Vec<common::flowchart::Kasus> = Vec::new();
    for _ in 0..400 {
        let k = strategi
            .new_tree(&mut runner)
            .expect("a generated SOP")
            .current();
        let sama =
            |o: &&common::flowchart::Kasus| o.kertas == k.kertas && o.orientasi == k.orientasi;
        if out.iter().filter(sama).count() < n {
            out.push(k);
        }
        if out.len() == 4 * n {
            break;
        }
    }
    assert_eq!(out.len(), 4 * n, "every paper and orientation drawn");
    out
}

#[test]
fn generated_sops_fit_their_cells_on_every_paper() {
    for (i, k) in dibangkitkan(6).into_iter().enumerate() {
        let s = sop("uji.yaml", &k.yaml());
        let h = render(&renderer(k.kertas, k.orientasi), &s);
        assert!(h.tulisan.len() > 30, "case {i}: the pages were read back");
        assert_eq!(
            di_luar_sel(&h, &s),
            Vec::<String>::new(),
            "case {i}: {:?} {:?}, {} pelaksana, {} steps",
            k.kertas,
            k.orientasi,
            k.aktor.len(),
            k.kolom.len()
        );
    }
}

#[test]
fn long_words_break_inside_the_cells_and_boxes_of_the_lembar_pengesahan() {
    let url = "https://jdih.bengkulukota.go.id/produk_hukum/peraturan_walikota_nomor_12_tahun_2024_tentang_standar_pelayanan_publik.pdf";
    let berkas =
        "laporan_pengelolaan_arsip_dinamis_bagian_umum_sekretariat_daerah_kota_bengkulu_2024.xlsx";
    let kata = "PeraturanMenteriPendayagunaanAparaturNegaradanReformasiBirokrasi";
    let text = yaml(&["Kasubbag Umum", "Staf"], "Surat", "Berkas")
        + &format!(
            "dasar_hukum:\n  - \"Undang-Undang Nomor 25 Tahun 2009, {url}\"\n  - {kata} Nomor 35 Tahun 2012\n\
             peralatan_perlengkapan:\n  - {url}\n\
             pencatatan_pendataan:\n  - {berkas}\n"
        );
    // a nama and a nomor too long for the identity table's value cell
    let nomor = "800/1/SETDA.ORGANISASI.TATALAKSANA.PELAYANANPUBLIK/2024";
    let text = text
        .replace(
            "nama: Pengelolaan Arsip Dinamis",
            &format!("nama: Pengelolaan {berkas}"),
        )
        .replace("nomor: 800/1/2024", &format!("nomor: {nomor}"));
    let s = sop("uji.yaml", &text);
    for (k, o) in [
        (Kertas::A4, Orientasi::Potret),
        (Kertas::F4, Orientasi::Lanskap),
    ] {
        let h = common::cetak(&renderer(k, o), &s, None, Bagian::Pengesahan).expect("renders");
        let mx = h.margin.0;
        let lebar = sopc::paper::Sheet::of(k, o).lebar_isi();
        let tengah = mx + lebar / 2.0;
        let runs: Vec<&Tulisan> = h.tulisan.iter().filter(|t| t.halaman == 0).collect();
        let atas = runs
            .iter()
            .find(|t| t.teks.starts_with("DASAR HUKUM"))
            .expect("the Dasar Hukum box")
            .y;
        // the boxes, not the page number in the bottom margin
        let bawah = (h.ukuran_halaman[0].1 - 15.0) * 72.0 / 25.4;
        let kotak: Vec<&&Tulisan> = runs.iter().filter(|t| t.y >= atas && t.y < bawah).collect();
        assert!(kotak.len() > 12, "{k:?} {o:?}: {kotak:?}");
        for t in kotak {
            let kanan = if t.x0 < tengah { tengah } else { mx + lebar };
            assert!(
                t.x1 <= kanan - 2.0,
                "{k:?} {o:?}: {:?} ({:.1}–{:.1}) past its box's edge {kanan:.1}",
                t.teks,
                t.x0,
                t.x1
            );
        }
        // nothing on the sheet runs past the table's right edge
        for t in runs.iter().filter(|t| t.y < bawah) {
            assert!(
                t.x1 <= mx + lebar - 2.0,
                "{k:?} {o:?}: {:?} ends at {:.1}",
                t.teks,
                t.x1
            );
        }
        // the reader still sees every name whole, without marks
        let teks = h.teks[0].replace(['\n', ' '], "");
        for nama in [url, berkas, nomor] {
            assert!(teks.contains(nama), "{k:?} {o:?}: {nama} in {teks}");
        }
    }
}
