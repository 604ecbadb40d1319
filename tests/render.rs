//! The PDF as printed: these tests look at the laid-out pages (their text,
//! their shapes, the flowchart plan they were drawn from) and at the PDF
//! bytes, not only at whether a file came out. Full renders are slow in
//! debug builds, so each test renders few documents and checks much.

mod common;

use sopc::layout::Route;
use sopc::model::Sop;
use sopc::model::alur::Alur;
use sopc::model::gambar::{Format, Gambar};
use sopc::paper::{Kertas, Orientasi};
use sopc::render::{Bagian, Input, RenderOptions, Rendered, Renderer};
use std::path::Path;
use std::sync::OnceLock;

fn sop(path: &str, text: &str) -> Sop {
    let loaded = sopc::parse::parse_str(path, text);
    let errors: Vec<_> = loaded
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| &d.message.id)
        .collect();
    assert!(errors.is_empty(), "{path}: {errors:?}");
    loaded.sop.expect("the YAML parses")
}

fn contoh(name: &str) -> Sop {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sops")
        .join(name);
    sop(name, &std::fs::read_to_string(&path).expect("example SOP"))
}

/// One renderer with the default options for the whole test binary, as in
/// a batch build.
fn renderer() -> &'static Renderer {
    static R: OnceLock<Renderer> = OnceLock::new();
    R.get_or_init(|| Renderer::new(&RenderOptions::default()))
}

fn render(sop: &Sop) -> Rendered {
    render_dengan(renderer(), sop, None, Bagian::Lengkap)
}

/// The PDF of a whole document.
fn pdf(r: &Renderer, sop: &Sop) -> Vec<u8> {
    common::cetak(r, sop, None, Bagian::Lengkap)
        .expect("renders")
        .pdf
}

fn render_dengan(r: &Renderer, sop: &Sop, logo: Option<&Gambar>, bagian: Bagian) -> Rendered {
    let h = common::cetak(r, sop, logo, bagian).expect("renders");
    // Every Typst warning is a failure here.
    assert!(h.peringatan.is_empty(), "{:?}", h.peringatan);
    if let Some((denah, bagan, _)) = &h.denah {
        assert_eq!(denah.verify(bagan), vec![], "drawing rules");
    }
    h
}

/// Whitespace-collapsed text of all pages.
fn semua(h: &Rendered) -> String {
    h.teks.join(" ")
}

fn rapat(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn assert_ada(teks: &str, dicari: &str) {
    assert!(
        teks.contains(&rapat(dicari)),
        "missing {dicari:?} in:\n{teks}"
    );
}

/// The text `pdftotext` extracts from the PDF itself (poppler-utils, which
/// `.ci/run` installs); a missing tool fails the test, never skips it.
fn pdftotext(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let p = dir.path().join("x.pdf");
    std::fs::write(&p, pdf).expect("the PDF is written");
    rapat(&common::poppler("pdftotext", &[], &p))
}

/// Every symbol, line, arrowhead and connector of the plan is a shape on its
/// page, exactly where the plan put it.
fn assert_tergambar(h: &Rendered) {
    let (denah, _, awal) = h.denah.as_ref().expect("a procedure table");
    let (mx, my) = h.margin;
    let ada = |page: usize, x0: f64, y0: f64, x1: f64, y1: f64| {
        h.bentuk.iter().any(|b| {
            b.halaman == page
                && (b.x0 - (x0 + mx)).abs() < 0.5
                && (b.y0 - (y0 + my)).abs() < 0.5
                && (b.x1 - (x1 + mx)).abs() < 0.5
                && (b.y1 - (y1 + my)).abs() < 0.5
        })
    };
    for (i, g) in denah.drawings.iter().enumerate() {
        let page = awal + i;
        for s in &g.symbols {
            let k = s.rect;
            assert!(
                ada(page, k.x0, k.y0, k.x1, k.y1),
                "symbol of step {} on page {page}",
                s.langkah + 1
            );
        }
        for k in &g.connectors {
            let b = k.rect;
            assert!(
                ada(page, b.x0, b.y0, b.x1, b.y1),
                "connector {} on page {page}",
                k.letter
            );
        }
        // the box around some points: (x0, y0, x1, y1)
        let kotak = |titik: &[sopc::layout::Point]| {
            titik.iter().fold(
                (f64::MAX, f64::MAX, f64::MIN, f64::MIN),
                |(x0, y0, x1, y1), t| (x0.min(t.0), y0.min(t.1), x1.max(t.0), y1.max(t.1)),
            )
        };
        for l in &g.lines {
            let k = l.extent();
            assert!(
                ada(page, k.x0, k.y0, k.x1, k.y1),
                "line of edge {} on page {page}",
                l.edge
            );
            // a line joining another of its edge (a parallel step's) has none
            let Some(u) = l.arrowhead else { continue };
            let (x0, y0, x1, y1) = kotak(&u);
            assert!(
                ada(page, x0, y0, x1, y1),
                "arrowhead of edge {} on page {page}",
                l.edge
            );
        }
    }
}

#[test]
fn every_field_of_the_kudus_form_is_printed() {
    let s = contoh("kudus-kunjungan-kerja.yaml");
    let h = render(&s);
    assert_eq!(
        h.ukuran_halaman.len(),
        2,
        "lembar pengesahan + one page of procedure"
    );
    let p1 = &h.teks[0];
    for f in [
        "PEMERINTAH KABUPATEN KUDUS",
        "DINAS PEMBERDAYAAN MASYARAKAT DAN DESA",
        "Komplek Perkantoran Mejobo, Jl. Mejobo Nomor 45, Kudus 59319",
        "(0291) 438177",
        "Nomor SOP",
        "067.2/1779/13.01/2023",
        "Tanggal Pembuatan : 8 Juli 2020",
        "Tanggal Revisi : 5 Juni 2023",
        "Tanggal Efektif : 5 Juni 2023",
        "KEPALA DINAS PEMBERDAYAAN MASYARAKAT DAN DESA,",
        "Drs. ADI SADHONO MURWANTO, M.M",
        "Pembina Utama Muda",
        "NIP. 19681202 198803 1 002",
        "Pelayanan Kunjungan Kerja/Audiensi/Kegiatan Sejenis",
        "DASAR HUKUM:",
        "1. Peraturan Pemerintah Nomor 96 Tahun 2012 tentang Pelaksanaan Undang-Undang Nomor 25 Tahun 2009 Tentang Pelayanan Publik",
        "3. Peraturan Bupati Kudus Nomor 5 Tahun 2014",
        "KUALIFIKASI PELAKSANA: 1. Memahami norma dan etika pelayanan",
        "KETERKAITAN: 1. SOP Pelayanan Kunjungan Tamu",
        "PERALATAN/PERLENGKAPAN: 1. Kursi Tamu 2. Alat Tulis Kantor 3. Surat Tugas dan SPPD",
        "PERINGATAN: 1. Tetap menjaga etika dan kesopanan 2. Senyum, sapa dan santun",
        "PENCATATAN DAN PENDATAAN: 1. Jadwal penerimaan tamu dapat berubah sesuai dengan kondisi",
        "2. Penerimaan dapat dimandatkan kepada pejabat dibawahnya.",
    ] {
        assert_ada(p1, f);
    }
    let p2 = &h.teks[1];
    for f in [
        "STANDAR OPERASIONAL PROSEDUR PELAYANAN KUNJUNGAN KERJA/AUDIENSI/KEGIATAN SEJENIS",
        "Pelaksana Mutu Baku No Kegiatan Ket Ka. Dinas Sekdin/Kabid Ka.Subbag/Kasi Pelaksana Persyaratan/ Kelengkapan Waktu Output",
        "1. Mengatur jadwal penerimaan tamu sesuai waktu yang telah ditentukan",
        "Komputer/pesawat telepon/faximile",
        "Surat, nota dinas, atau telepon",
        "Menerima, memeriksa, dan membaca",
        "Dapat dimandatkan kepada Pejabat dibawahnya waktu tentatif sesuai kondisi",
        "60 menit",
        "JUMLAH 2 hari 1 jam 5 menit",
    ] {
        assert_ada(p2, f);
    }
    assert!(!semua(&h).contains("DRAF"), "final SOPs carry no watermark");
    assert_tergambar(&h);
    let t = pdftotext(&h.pdf);
    for f in [
        "067.2/1779/13.01/2023",
        "5 Juni 2023",
        "NIP. 19681202 198803 1 002",
        "JUMLAH",
        "2 hari 1 jam 5 menit",
    ] {
        assert!(t.contains(f), "pdftotext: {f}");
    }
}

#[test]
fn the_example_sops_render_with_their_flowcharts() {
    for (name, halaman, simbol, keputusan) in [
        ("kalteng-penerimaan-tamu.yaml", 2, 5, 1),
        ("tanjabbar-tamu-pimpinan.yaml", 2, 6, 0),
        ("tanjabbar-tamu-eselon-2-3.yaml", 2, 6, 0),
        ("tanjabbar-tamu-eselon-4-asn.yaml", 2, 5, 0),
    ] {
        let s = contoh(name);
        let h = render(&s);
        assert_eq!(h.ukuran_halaman.len(), halaman, "{name}");
        let (denah, bagan, _) = h.denah.as_ref().unwrap();
        let simbols: Vec<_> = denah.drawings.iter().flat_map(|g| &g.symbols).collect();
        assert_eq!(simbols.len(), simbol, "{name}");
        use sopc::model::alur::Simbol;
        assert_eq!(
            simbols
                .iter()
                .filter(|s| s.shape == Simbol::Keputusan)
                .count(),
            keputusan,
            "{name}"
        );
        assert_eq!(simbols.first().unwrap().shape, Simbol::Terminator);
        assert_eq!(simbols.last().unwrap().shape, Simbol::Terminator);
        // every edge is drawn on one page
        assert!(
            denah.routes.iter().all(|j| matches!(j, Route::Line { .. })),
            "{name}"
        );
        assert_eq!(denah.routes.len(), bagan.edges.len());
        assert_tergambar(&h);
        assert_ada(&semua(&h), "JUMLAH");
        // The Tanjab lampiran have no Ket column; Kalteng's is empty but
        // printed. Both head their Output column "Out put", as printed.
        let ket = h
            .teks
            .last()
            .unwrap()
            .split_whitespace()
            .any(|w| w == "Ket");
        assert_eq!(ket, name.starts_with("kalteng"), "{name}");
        assert_ada(h.teks.last().unwrap(), "Out put");
    }
    // Kalteng: the decision's exits are labelled
    let h = render(&contoh("kalteng-penerimaan-tamu.yaml"));
    let (denah, _, _) = h.denah.as_ref().unwrap();
    let labels: Vec<&str> = denah
        .drawings
        .iter()
        .flat_map(|g| &g.labels)
        .map(|l| l.text.as_str())
        .collect();
    assert_eq!(labels, ["Ya", "Tidak"]);
    assert_ada(&h.teks[1], "Tidak");
    assert_ada(&h.teks[1], "JUMLAH 10 menit");
}

#[test]
fn the_same_sop_gives_the_same_bytes() {
    let s = contoh("kalteng-penerimaan-tamu.yaml");
    let a = pdf(renderer(), &s);
    let fresh = Renderer::new(&RenderOptions::default());
    let b = pdf(&fresh, &s);
    let c = pdf(renderer(), &s);
    assert!(a.starts_with(b"%PDF-"));
    assert!(a == b && b == c, "rebuilds differ");
    // `sopc build`'s path, the PDF without reading the pages back
    let (alur, jumlah) = (Alur::build(&s), s.jumlah());
    let input = Input {
        sop: &s,
        alur: &alur,
        jumlah: &jumlah,
        logo: None,
        terkait: &[],
    };
    let hanya_pdf = renderer().render(input, Bagian::Lengkap);
    assert!(hanya_pdf.as_ref() == Ok(&a), "the PDF-only render differs");
    // one renderer shared by threads, as `sopc build DIR` does with rayon
    fn bisa_dibagi<T: Send + Sync>(_: &T) {}
    bisa_dibagi(renderer());
    let lain = contoh("kudus-kunjungan-kerja.yaml");
    let (x, y) = std::thread::scope(|sc| {
        let x = sc.spawn(|| pdf(renderer(), &s));
        let y = sc.spawn(|| pdf(renderer(), &lain));
        (x.join().unwrap(), y.join().unwrap())
    });
    assert!(x == a, "a parallel render differs");
    assert_ne!(x, y);
}

const KERANGKA: &str = r#"
nomor: 800/1/2024
nama: Uji
status: STATUS
instansi:
  pemerintah: Pemerintah Kabupaten Uji
  nama: Dinas Uji
tanggal:
  pembuatan: 2024-01-15
  efektif: 2024-02-01
disahkan_oleh:
  jabatan: Kepala Dinas Uji
  nama: Drs. PENGUJI
  pangkat: Pembina
  nip: "19681202 198803 1 002"
dasar_hukum: [Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik]
kualifikasi_pelaksana: [Memahami *front office*]
keterkaitan: [SOP Arsip]
peralatan_perlengkapan: [Komputer]
peringatan: [Bila tidak dilaksanakan, pelayanan terlambat]
pencatatan_pendataan: [Buku register]
pelaksana: [Petugas, Kepala]
"#;

fn sop_dengan(status: &str, langkah: &str) -> Sop {
    let text = KERANGKA.replace("STATUS", status) + "langkah:\n" + langkah;
    sop("uji.yaml", &text)
}

#[test]
fn user_text_is_never_typst() {
    let langkah = r##"
  - kegiatan: '#read("/etc/passwd") dan #set page(width: 1cm)'
    pelaksana: Petugas
    waktu: 5 menit
    output: '$x^2$ <label> @ref \alpha \\ C:\temp'
    keterangan: '#let x = 1 ]] [[ ) // bukan komentar /* juga */ `kode`'
  - kegiatan: '#import "/etc/passwd": * dan #eval("1+1")'
    pelaksana: Kepala
    waktu: 5 menit
    output: 'Menerima di *Front Desk* dan **segera** mencatat'
"##;
    let s = sop_dengan("final", langkah);
    let h = render(&s);
    let t = semua(&h);
    for f in [
        r#"#read("/etc/passwd") dan #set page(width: 1cm)"#,
        r"$x^2$ <label> @ref \alpha \\ C:\temp",
        "#let x = 1 ]] [[ ) // bukan komentar /* juga */ kode",
        r#"#import "/etc/passwd": * dan #eval("1+1")"#,
        "Menerima di Front Desk dan segera mencatat",
    ] {
        assert_ada(&t, f);
    }
    assert!(!t.contains("root:"), "no file was read");
    // the page size was not touched
    assert!(
        h.ukuran_halaman
            .iter()
            .all(|&(w, hh)| (w - 330.0).abs() < 0.01 && (hh - 215.0).abs() < 0.01)
    );
    let t = pdftotext(&h.pdf);
    assert!(t.contains(r#"#read("/etc/passwd")"#), "{t}");
}

/// A 40-step SOP over five actors with a decision that jumps back to an
/// earlier page, one that jumps forward over pages and a loop on one page.
fn empat_puluh() -> Sop {
    let aktor = [
        "Pemohon",
        "Petugas Loket",
        "Kasubbag Umum",
        "Sekretaris",
        "Kepala Dinas",
    ];
    let mut y = String::from(
        "nomor: 800/40/2024\nnama: Uji Empat Puluh Langkah\nstatus: draf\ninstansi: {pemerintah: Pemerintah Kabupaten Uji, nama: Dinas Uji}\n\
         tanggal: {pembuatan: 2024-01-15}\ndasar_hukum: []\nkualifikasi_pelaksana: []\nketerkaitan: []\nperalatan_perlengkapan: []\n\
         peringatan: []\npencatatan_pendataan: []\npelaksana:\n",
    );
    for a in aktor {
        y += &format!("  - {a}\n");
    }
    y += "langkah:\n";
    let kata = "memeriksa berkas permohonan dan mencatatnya dalam buku agenda lalu meneruskannya kepada pejabat yang berwenang";
    let kata: Vec<&str> = kata.split(' ').collect();
    for i in 0..40 {
        let panjang = 3 + (i * 5) % kata.len();
        y += &format!(
            "  - id: s{i}\n    kegiatan: Langkah {} untuk {}\n    pelaksana: {}\n    waktu: {} menit\n    output: Dokumen {}\n",
            i + 1,
            kata[..panjang.min(kata.len())].join(" "),
            aktor[(i * 7 / 3) % 5],
            1 + i % 9,
            i + 1
        );
        match i {
            5 => y += "    keputusan: {ya: s33}\n",
            12 => y += "    keputusan: {tidak: s10}\n",
            30 => y += "    keputusan: {tidak: s3, label: {ya: Lengkap, tidak: Tidak lengkap}}\n",
            20 => y += "    keterangan: Dapat *diwakilkan*\n",
            _ => {}
        }
    }
    sop("empat-puluh.yaml", &y)
}

#[test]
fn forty_steps_run_over_pages_with_paired_connectors() {
    let s = empat_puluh();
    let h = render(&s);
    let (denah, bagan, awal) = h.denah.as_ref().unwrap();
    let pages = denah.pages.len();
    assert!(pages >= 4, "{pages} pages of procedure");
    assert_eq!(h.ukuran_halaman.len(), awal + pages);
    // the header on every page, the rows in order, JUMLAH at the end
    for t in &h.teks[*awal..] {
        assert_ada(
            t,
            "Pelaksana Mutu Baku No Kegiatan Keterangan Pemohon Petugas Loket",
        );
        assert_ada(t, "DRAF");
    }
    assert_ada(h.teks.last().unwrap(), "Langkah 40 untuk");
    assert_ada(h.teks.last().unwrap(), "JUMLAH 3 jam 10 menit");
    // a row is never split: each step's number is on exactly one page
    for i in 1..=40 {
        let n = h.teks[*awal..]
            .iter()
            .filter(|t| t.contains(&format!("{i}. Langkah {i} untuk")))
            .count();
        assert_eq!(n, 1, "step {i}");
    }
    // every edge is drawn on its page or paired by a connector letter
    let pasangan = |dari: usize, ke: usize| {
        let e = bagan
            .edges
            .iter()
            .position(|p| p.from == dari && p.to == ke)
            .unwrap();
        denah.routes[e].clone()
    };
    let mut pindah = 0;
    for (e, p) in bagan.edges.iter().enumerate() {
        let (hs, ht) = (
            denah.page_of_step(p.from).unwrap(),
            denah.page_of_step(p.to).unwrap(),
        );
        match &denah.routes[e] {
            Route::Line { page } => assert!(*page == hs && hs == ht),
            Route::Connector {
                from_page,
                to_page,
                letter,
            } => {
                pindah += 1;
                assert_eq!((*from_page, *to_page), (hs, ht));
                // the letter is printed on both pages
                assert_ada(&h.teks[awal + hs], letter);
                assert_ada(&h.teks[awal + ht], letter);
            }
        }
    }
    assert!(pindah >= pages - 1 + 2, "{pindah} connector pairs");
    // the jump back from step 31 to step 4 lands on an earlier page
    let Route::Connector {
        from_page, to_page, ..
    } = pasangan(30, 3)
    else {
        panic!("not a connector pair")
    };
    assert!(to_page < from_page);
    // the forward jump from step 6 to step 34 crosses pages too
    assert!(matches!(pasangan(5, 33), Route::Connector { .. }));
    // the loop from step 13 to step 11 stays on its page as a line
    assert!(matches!(pasangan(12, 10), Route::Line { .. }));
    let labels: Vec<&str> = denah
        .drawings
        .iter()
        .flat_map(|g| &g.labels)
        .map(|l| l.text.as_str())
        .collect();
    assert!(
        labels.contains(&"Lengkap") && labels.contains(&"Tidak lengkap"),
        "{labels:?}"
    );
    assert_tergambar(&h);
}

/// Forty steps of three to five lines each, so that every row is as tall
/// as its text (not as its symbol's cell).
fn empat_puluh_panjang() -> Sop {
    let mut y = String::from(
        "nomor: 800/41/2024\nnama: Uji Baris Panjang\nstatus: final\ninstansi: {pemerintah: Pemerintah Kabupaten Uji, nama: Dinas Uji}\n\
         tanggal: {pembuatan: 2024-01-15}\ndasar_hukum: []\nkualifikasi_pelaksana: []\nketerkaitan: []\nperalatan_perlengkapan: []\n\
         peringatan: []\npencatatan_pendataan: []\npelaksana: [Petugas Loket, Kepala Dinas]\nlangkah:\n",
    );
    let kalimat = "memeriksa berkas permohonan dan mencatatnya dalam buku agenda lalu meneruskannya kepada pejabat yang berwenang";
    for i in 0..40 {
        y += &format!(
            "  - id: s{i}\n    kegiatan: Langkah {} untuk {}\n    pelaksana: {}\n    waktu: 5 menit\n    output: Dokumen {}\n",
            i + 1,
            vec![kalimat; 2 + i % 3].join(" lalu "),
            ["Petugas Loket", "Kepala Dinas"][i % 2],
            i + 1
        );
    }
    sop("empat-puluh-panjang.yaml", &y)
}

/// The measuring pass lays the rows out in pieces of 32, each its own
/// table: a row's planned top must still be where it is printed, to a
/// hundredth of a point, after the pieces' seam (step 32 ends the first
/// piece) as anywhere else — the print check alone allows half a point.
#[test]
fn rows_measured_in_pieces_print_where_the_plan_put_them() {
    let h = render(&empat_puluh_panjang());
    let (denah, _, awal) = h.denah.as_ref().unwrap();
    let seam = denah.page_of_step(31).unwrap();
    assert_eq!(
        denah.page_of_step(32),
        Some(seam),
        "the seam is inside a page"
    );
    let selisih: Vec<f64> = (0..40)
        .map(|i| {
            let halaman = denah.page_of_step(i).unwrap();
            let atas = denah.pages[halaman].row(i).unwrap().top + h.margin.1;
            let nomor = format!("{}.", i + 1);
            let t = h
                .tulisan
                .iter()
                .filter(|t| t.halaman == awal + halaman && t.teks == nomor)
                .min_by(|a, b| a.x0.total_cmp(&b.x0))
                .unwrap_or_else(|| panic!("the number of step {}", i + 1));
            t.y - atas
        })
        .collect();
    let (min, max) = selisih
        .iter()
        .fold((f64::MAX, f64::MIN), |(a, b), &d| (a.min(d), b.max(d)));
    assert!(
        max - min < 0.01,
        "baseline below the planned top: {selisih:?}"
    );
    assert!((5.0..15.0).contains(&min), "{min}");
}

#[test]
fn keterangan_column_only_when_a_step_has_one() {
    let kosong = "  - {kegiatan: Menerima berkas, pelaksana: Petugas, waktu: 5 menit, output: Berkas, keterangan: ''}\n  - {kegiatan: Menandatangani, pelaksana: Kepala, waktu: 1 jam, output: Surat}\n";
    // An empty keterangan keeps the (empty) column, as on the Kalteng form.
    assert_ada(&render(&sop_dengan("final", kosong)).teks[1], "Keterangan");
    let tanpa = "  - {kegiatan: Menerima berkas, pelaksana: Petugas, waktu: 5 menit, output: Berkas}\n  - {kegiatan: Menandatangani, pelaksana: Kepala, waktu: 1 jam, output: Surat}\n";
    let h = render(&sop_dengan("final", tanpa));
    assert!(!h.teks[1].contains("Keterangan"));
    assert_ada(
        &h.teks[1],
        "No Kegiatan Petugas Kepala Kelengkapan Waktu Output 1. Menerima berkas",
    );
    let dengan = "  - {kegiatan: Menerima berkas, pelaksana: Petugas, waktu: 5 menit, output: Berkas, keterangan: Bila lengkap}\n  - {kegiatan: Menandatangani, pelaksana: Kepala, waktu: 1 jam, output: Surat}\n";
    let h = render(&sop_dengan("final", dengan));
    assert_ada(&h.teks[1], "Keterangan");
    assert_ada(&h.teks[1], "Bila lengkap");
    assert_ada(&h.teks[1], "JUMLAH 1 jam 5 menit");
    let (denah, _, _) = h.denah.as_ref().unwrap();
    assert_eq!(denah.kolom.widths.len(), 2 + 2 + 4);
}

#[test]
fn drafts_carry_a_watermark_on_every_page() {
    let langkah = "  - {kegiatan: Menerima berkas, pelaksana: Petugas, waktu: 5 menit, output: Berkas}\n  - {kegiatan: Menandatangani, pelaksana: Kepala, waktu: 1 jam, output: Surat}\n";
    let draf = render(&sop_dengan("draf", langkah));
    assert!(draf.teks.len() == 2 && draf.teks.iter().all(|t| t.contains("DRAF")));
    let final_ = render(&sop_dengan("final", langkah));
    assert!(final_.teks.iter().all(|t| !t.contains("DRAF")));
}

/// Every page is `w` × `h` mm.
fn assert_ukuran(hasil: &Rendered, w: f64, h: f64) {
    for &(pw, ph) in &hasil.ukuran_halaman {
        assert!(
            (pw - w).abs() < 0.01 && (ph - h).abs() < 0.01,
            "{pw} × {ph} mm"
        );
    }
}

#[test]
fn paper_size_and_orientation() {
    let langkah = "  - {kegiatan: Menerima berkas, pelaksana: Petugas, waktu: 5 menit, output: Berkas}\n  - {kegiatan: Menandatangani, pelaksana: Kepala, waktu: 1 jam, output: Surat}\n";
    let s = sop_dengan("final", langkah);
    let f4 = render(&s);
    assert_ukuran(&f4, 330.0, 215.0);
    let a4 = Renderer::new(&RenderOptions {
        kertas: Kertas::A4,
        ..Default::default()
    });
    let h = render_dengan(&a4, &s, None, Bagian::Lengkap);
    assert_ukuran(&h, 297.0, 210.0);
    let potret = Renderer::new(&RenderOptions {
        kertas: Kertas::A4,
        orientasi: Orientasi::Potret,
        ..Default::default()
    });
    let h = render_dengan(&potret, &s, None, Bagian::Lengkap);
    assert_ukuran(&h, 210.0, 297.0);
    assert_tergambar(&h);
}

#[test]
fn pengesahan_prints_only_the_identity_page_with_the_logo() {
    // a 2×2 PNG and an SVG
    let png = b"\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\x00\x02\x00\x00\x00\x02\x08\x02\x00\x00\x00\xfd\xd4\x9a\x73\x00\x00\x00\x10\x49\x44\x41\x54\x78\x9c\x63\xf8\xcf\xc0\x00\x44\x0c\x10\x0a\x00\x1f\xee\x03\xfd\x8b\x5f\x14\xd4\x00\x00\x00\x00\x49\x45\x4e\x44\xae\x42\x60\x82";
    let svg = br#"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><circle cx="5" cy="5" r="4"/></svg>"#;
    let s = contoh("tanjabbar-tamu-pimpinan.yaml");
    for logo in [
        Gambar::baca("logo.png".into(), png.to_vec()).unwrap(),
        Gambar::baca("logo.svg".into(), svg.to_vec()).unwrap(),
    ] {
        let h = render_dengan(renderer(), &s, Some(&logo), Bagian::Pengesahan);
        assert_eq!(h.ukuran_halaman.len(), 1, "the signed page is one sheet");
        assert!(h.denah.is_none());
        assert_ada(
            &h.teks[0],
            "a.n. BUPATI TANJUNG JABUNG BARAT SEKRETARIS DAERAH,",
        );
        assert_ada(&h.teks[0], "Drs.H. AMBOK TUO,MM");
        assert!(!h.teks[0].contains("JUMLAH"));
        // an SOP never revised prints "-", as the signed forms do
        assert_ada(
            &h.teks[0],
            "Tanggal Revisi : - Tanggal Efektif : 28 Desember 2017",
        );
    }
    let broken = Gambar {
        path: "rusak.png".into(),
        format: Format::Png,
        ukuran: None,
        bytes: b"not an image".to_vec(),
    };
    let e = common::cetak(renderer(), &s, Some(&broken), Bagian::Pengesahan).unwrap_err();
    assert!(
        e.message.id.contains("gagal membuat PDF"),
        "{}",
        e.message.id
    );
}

#[test]
fn a_missing_system_font_is_an_error_not_a_silent_fallback() {
    let r = Renderer::new(&RenderOptions {
        huruf: Some("Huruf Yang Tidak Ada".into()),
        ..Default::default()
    });
    let s = contoh("kudus-kunjungan-kerja.yaml");
    let e = common::cetak(&r, &s, None, Bagian::Lengkap).unwrap_err();
    assert!(e.message.id.contains("Huruf Yang Tidak Ada"));
    assert!(e.message.en.contains("not installed"));
}

#[test]
fn odd_but_possible_flows_still_print() {
    // one step only; a step whose actor is not declared (a draft with errors)
    let satu = sop_dengan(
        "draf",
        "  - {kegiatan: Menerima berkas, pelaksana: Petugas, waktu: Sesuai kebutuhan, output: Berkas}\n",
    );
    let h = render(&satu);
    assert_ada(&h.teks[1], "JUMLAH sesuai kebutuhan");
    let loaded = sopc::parse::parse_str(
        "x.yaml",
        &(KERANGKA.replace("STATUS", "draf")
            + "langkah:\n  - {kegiatan: A, pelaksana: Tamu, waktu: 1 menit, output: B}\n  - {kegiatan: C, pelaksana: Kepala, waktu: 1 menit, output: D}\n"),
    );
    let s = loaded.sop.unwrap();
    render(&s);
    // no steps at all (a draft being written)
    let kosong = sopc::parse::parse_str(
        "y.yaml",
        &(KERANGKA.replace("STATUS", "draf") + "langkah: []\n"),
    );
    let h = render(&kosong.sop.unwrap());
    assert_ada(&h.teks[1], "JUMLAH");
}

/// Lists as deep as check accepts in every text cell of a step, rendered
/// from a test thread (a 2 MiB stack): Typst runs on sopc's own threads
/// with deep stacks, whatever thread asks for the PDF.
#[test]
fn the_deepest_accepted_lists_render_from_any_thread() {
    let dalam = sopc::teks::MAKS_TINGKAT_DAFTAR;
    let daftar: String = (0..dalam)
        .map(|k| format!("      {}- tingkat {}\n", "  ".repeat(k), k + 1))
        .collect();
    let langkah = format!(
        "  - kegiatan: |\n      Memeriksa berkas\n\n{daftar}    pelaksana: Petugas\n    waktu: 5 menit\n    output: Berkas\n    keterangan: |\n{daftar}  - kegiatan: Menandatangani surat\n    pelaksana: Kepala\n    waktu: 5 menit\n    output: Surat\n"
    );
    let s = sop_dengan("final", &langkah);
    let t = std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(move || semua(&render(&s)))
        .expect("a test thread")
        .join()
        .expect("the render does not overflow the caller's stack");
    // the deepest item, in the kegiatan and in the keterangan (where the
    // narrow column may hyphenate it)
    let paling_dalam = format!("tingkat{dalam}");
    assert_eq!(t.replace(' ', "").matches(&paling_dalam).count(), 2, "{t}");
}

/// A parallel row (`pelaksana: [A, B, C]`) is one row of the table: its
/// kegiatan and mutu baku print once, JUMLAH counts its waktu once, and the
/// plan gets every column of the row (the leftmost in `langkah`, the others
/// in `sejajar`).
#[test]
fn a_parallel_row_prints_its_kegiatan_once() {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("sops/kudus-kunjungan-kerja.yaml"),
    )
    .expect("example SOP")
    .replacen(
        "    pelaksana: Pelaksana          # disimpulkan: staf",
        "    pelaksana: [Pelaksana, Sekdin/Kabid, Ka.Subbag/Kasi]   # disimpulkan: staf",
        1,
    )
    .replacen(
        "  - kegiatan: Mempersiapkan bahan/materi, tempat dan kelengkapannya serta mengingatkan pimpinan terkait kunjungan kerja/audiensi/kegiatan sejenis",
        "  - kegiatan: Menyiapkan ruang bersama",
        1,
    );
    let h = render(&sop("sejajar.yaml", &text));
    let (_, bagan, _) = h.denah.as_ref().expect("a procedure table");
    assert_eq!(
        bagan.langkah.iter().map(|l| l.0).collect::<Vec<_>>(),
        [3, 2, 1, 0]
    );
    assert_eq!(bagan.sejajar, [vec![], vec![], vec![2, 3], vec![]]);
    let p2 = &h.teks[1];
    assert_ada(p2, "3. Menyiapkan ruang bersama");
    assert_eq!(p2.matches("Menyiapkan ruang bersama").count(), 1, "{p2}");
    assert_eq!(p2.matches("Ruang rapat/aula/dll").count(), 1, "{p2}");
    assert_ada(p2, "JUMLAH 2 hari 1 jam 5 menit");
    let t = pdftotext(&h.pdf);
    assert_eq!(t.matches("Menyiapkan ruang bersama").count(), 1, "{t}");
    assert!(t.contains("2 hari 1 jam 5 menit"), "{t}");
}

/// Generated SOPs with decisions, jumps across pages and parallel rows, on
/// all four papers: printed exactly as planned, every drawing rule kept.
#[test]
fn generated_flowcharts_print_as_planned_on_every_paper() {
    use proptest::strategy::{Strategy, ValueTree};
    use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
    let mut runner = TestRunner::new_with_rng(
        Config::default(),
        TestRng::deterministic_rng(RngAlgorithm::ChaCha),
    );
    let mut papers = std::collections::BTreeSet::new();
    let mut parallel = 0;
    for _ in 0..8 {
        let k = common::flowchart::kasus()
            .new_tree(&mut runner)
            .expect("a case")
            .current();
        if !papers.insert(format!("{:?}{:?}", k.kertas, k.orientasi)) {
            continue;
        }
        parallel += k.kolom.iter().filter(|c| c.len() > 1).count();
        let r = Renderer::new(&RenderOptions {
            kertas: k.kertas,
            orientasi: k.orientasi,
            ..Default::default()
        });
        let h = common::cetak(&r, &sop("bagan.yaml", &k.yaml()), None, Bagian::Lengkap)
            .expect("renders");
        let (denah, bagan, _) = h.denah.as_ref().expect("a procedure table");
        // no drawing rule broken, so no tata-letak-jalur finding; Typst
        // itself warns of nothing
        assert_eq!(denah.verify(bagan), vec![], "{}", k.yaml());
        assert!(denah.cramped.is_empty(), "{:?}", denah.cramped);
        assert!(h.peringatan.is_empty(), "{:?}", h.peringatan);
        assert_tergambar(&h);
    }
    assert_eq!(papers.len(), 4, "{papers:?}");
    assert!(parallel > 0, "some parallel rows");
}

/// The measuring pass decides how the lembar pengesahan is laid out (type
/// size, rows, the split over two sheets) and the print draws that; the
/// lembar printed alone has no measuring pass and decides for itself. Both
/// must lay it out alike — the same lines, the same text at the same
/// places — for every example, and for a lembar long enough to continue
/// on a second sheet.
#[test]
fn the_lembar_is_the_same_whether_the_measuring_pass_or_the_print_arranges_it() {
    let mut kasus: Vec<(String, Sop)> = common::contoh_sops()
        .iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            let s = contoh(&name);
            (name, s)
        })
        .collect();
    let kudus = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("sops/kudus-kunjungan-kerja.yaml"),
    )
    .unwrap();
    let banyak: String = (1..=45)
        .map(|i| format!("  - Peraturan Daerah Kabupaten Kudus Nomor {i} Tahun 2020 tentang Pelayanan Publik di Lingkungan Pemerintah Kabupaten\n"))
        .collect();
    let panjang = kudus.replacen("dasar_hukum:\n", &format!("dasar_hukum:\n{banyak}"), 1);
    kasus.push(("dasar hukum 48 butir".into(), sop("panjang.yaml", &panjang)));
    let mut dua_lembar = 0;
    for (name, s) in &kasus {
        let lengkap = render(s);
        let sendiri = render_dengan(renderer(), s, None, Bagian::Pengesahan);
        let n = sendiri.ukuran_halaman.len();
        let awal = lengkap.denah.as_ref().expect("a plan").2;
        assert_eq!(awal, n, "{name}: sheets of the lembar");
        if n > 1 {
            dua_lembar += 1;
        }
        // positions to a millionth of a point: the two passes add the same
        // heights in another order
        let pt = |v: f64| (v * 1e6).round() as i64;
        let garis = |h: &Rendered| -> Vec<_> {
            h.bentuk
                .iter()
                .filter(|b| b.halaman < n)
                .map(|b| (b.halaman, pt(b.x0), pt(b.y0), pt(b.x1), pt(b.y1)))
                .collect()
        };
        // the page footer counts the pages of its own document
        let teks = |h: &Rendered| -> Vec<_> {
            h.tulisan
                .iter()
                .filter(|t| t.halaman < n && !t.teks.starts_with("Halaman "))
                .map(|t| (t.halaman, pt(t.x0), pt(t.y), t.teks.clone()))
                .collect()
        };
        assert!(garis(&sendiri).len() > 10, "{name}: the lembar's lines");
        assert_eq!(garis(&lengkap), garis(&sendiri), "{name}: lines");
        assert_eq!(teks(&lengkap), teks(&sendiri), "{name}: text");
    }
    assert_eq!(
        dua_lembar, 1,
        "only the long dasar hukum continues past one sheet"
    );
}
