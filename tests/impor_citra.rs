//! `sopc impor` of a PDF whose procedure table is a picture: an SOP of
//! `sops/` printed by sopc, its table pages rasterised (hayro, the PDF
//! renderer already in the tree), encoded as JPEG and put back in place of
//! those pages as one picture each, the identity page kept as text — the
//! way an office pastes a screenshot of its Word table. Read back, the
//! steps, pelaksana, decisions and texts must be those of the source. All
//! fixtures are made here; none reads the real corpus.

mod common;

use kurbo::{Point, Rect};
use sopc::impor::{Tolak, dari_pdf, tulis};
use sopc::model::Sop;
use sopc::model::alur::decision_targets;
use sopc::paper::{Kertas, Orientasi};
use sopc::render::{Bagian, RenderOptions, Renderer};
use std::sync::Arc;

fn parse(path: &str, text: &str) -> Sop {
    sopc::parse::parse_str(path, text)
        .sop
        .expect("the SOP parses")
}

fn render(sop: &Sop) -> Vec<u8> {
    let r = Renderer::new(&RenderOptions {
        kertas: Kertas::F4,
        orientasi: Orientasi::Lanskap,
        ..RenderOptions::default()
    });
    common::cetak(&r, sop, None, Bagian::Lengkap)
        .expect("the SOP renders")
        .pdf
}

/// Page `index` of `pdf` rasterised at `ppi`, the areas `hapus` (pt from
/// the top left) painted white, and encoded as a JPEG: (bytes, width,
/// height).
fn jpeg_of_page(pdf: &[u8], index: usize, ppi: f32, hapus: &[Rect]) -> (Vec<u8>, u32, u32) {
    let doc = hayro::hayro_syntax::Pdf::new(Arc::new(pdf.to_vec())).expect("the PDF loads");
    let page = &doc.pages()[index];
    let scale = ppi / 72.0;
    let settings = hayro::RenderSettings {
        x_scale: scale,
        y_scale: scale,
        ..hayro::RenderSettings::default()
    };
    let pix = hayro::render(
        page,
        &hayro::RenderCache::new(),
        &hayro::hayro_interpret::InterpreterSettings::default(),
        &settings,
    );
    let (w, h) = (u32::from(pix.width()), u32::from(pix.height()));
    // premultiplied RGBA over white
    let putih = |i: usize| {
        let (x, y) = ((i as u32 % w) as f64, (i as u32 / w) as f64);
        let pt = Point::new(x / f64::from(scale), y / f64::from(scale));
        hapus.iter().any(|r| r.contains(pt))
    };
    let rgb: Vec<u8> = pix
        .data_as_u8_slice()
        .chunks_exact(4)
        .enumerate()
        .flat_map(|(i, p)| {
            let under = 255 - p[3];
            match putih(i) {
                true => [255; 3],
                false => [p[0] + under, p[1] + under, p[2] + under],
            }
        })
        .collect();
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 85)
        .encode(&rgb, w, h, image::ExtendedColorType::Rgb8)
        .expect("the JPEG encodes");
    (out, w, h)
}

/// `pdf` with every page but the first replaced by a picture of itself.
fn with_pictured_table(pdf: &[u8], ppi: f32) -> Vec<u8> {
    with_pictures(pdf, |number| jpeg_of_page(pdf, number - 1, ppi, &[]))
}

/// `pdf` with every page but the first replaced by the JPEG `picture`
/// gives for its number: (bytes, width, height) as the PDF declares them.
fn with_pictures(pdf: &[u8], picture: impl Fn(usize) -> (Vec<u8>, u32, u32)) -> Vec<u8> {
    use lopdf::{Document, Object, Stream, dictionary};
    let mut doc = Document::load_mem(pdf).expect("lopdf reads the PDF");
    let pages: Vec<(u32, lopdf::ObjectId)> = doc.get_pages().into_iter().collect();
    assert!(
        pages.len() >= 2,
        "the SOP prints its table after the identity page"
    );
    for (number, id) in pages.into_iter().skip(1) {
        let (jpeg, w, h) = picture(number as usize);
        let image = doc.add_object(Stream::new(
            dictionary! {
                "Type" => "XObject",
                "Subtype" => "Image",
                "Width" => w as i64,
                "Height" => h as i64,
                "ColorSpace" => "DeviceRGB",
                "BitsPerComponent" => 8,
                "Filter" => "DCTDecode",
            },
            jpeg,
        ));
        let media = doc
            .get_dictionary(id)
            .and_then(|d| d.get(b"MediaBox"))
            .and_then(Object::as_array)
            .map(|a| {
                a.iter()
                    .map(|v| v.as_float().unwrap_or(0.0))
                    .collect::<Vec<f32>>()
            })
            .expect("the page has its own MediaBox");
        let (pw, ph) = (media[2] - media[0], media[3] - media[1]);
        let content = format!("q {pw} 0 0 {ph} 0 0 cm /Tabel Do Q").into_bytes();
        let contents = doc.add_object(Stream::new(dictionary! {}, content));
        let page = doc
            .get_object_mut(id)
            .and_then(Object::as_dict_mut)
            .expect("the page is a dictionary");
        page.set("Contents", contents);
        page.set(
            "Resources",
            dictionary! { "XObject" => dictionary! { "Tabel" => image } },
        );
        page.remove(b"Annots");
    }
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("lopdf writes the PDF");
    out
}

fn impor(pdf: &[u8]) -> (Sop, String) {
    let d = dari_pdf(pdf).unwrap_or_else(|t| panic!("imported: {}", t.pesan().id));
    let yaml = tulis::yaml(&d, None, "uji.pdf");
    (parse("impor.yaml", &yaml), yaml)
}

fn teks(v: &Option<sopc::source::Sp<String>>) -> String {
    v.as_ref()
        .map(|s| s.value.trim().to_owned())
        .unwrap_or_default()
}

fn pelaksana(sop: &Sop, i: usize) -> Vec<String> {
    sop.steps()[i]
        .pelaksana
        .as_ref()
        // whether a line that breaks after `/` had a space there is not printed
        .map(|p| p.value.iter().map(|s| s.value.replace("/ ", "/")).collect())
        .unwrap_or_default()
}

/// Characters of `a` matched in order by `b` (1 - edit distance / length).
fn sama(a: &str, b: &str) -> f64 {
    let n = a.chars().count().max(1) as f64;
    1.0 - strsim::levenshtein(a, b) as f64 / n
}

#[test]
fn a_table_pasted_as_a_picture_comes_back_with_its_steps_flow_and_text() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/sops/bps-bengkulu-gratifikasi.yaml"
    );
    let asli = parse(
        path,
        &std::fs::read_to_string(path).expect("the SOP is read"),
    );
    let vektor = render(&asli);
    let pdf = with_pictured_table(&vektor, 173.0);
    let (balik, yaml) = impor(&pdf);
    // the symbols' kinds, row by row, as the vector page gives them
    let jenis = |pdf: &[u8]| -> Vec<Vec<String>> {
        let d = dari_pdf(pdf).unwrap_or_else(|t| panic!("imported: {}", t.pesan().id));
        d.langkah
            .iter()
            .map(|b| {
                b.simbol
                    .iter()
                    .map(|s| format!("{}:{:?}", s.0, s.1))
                    .collect()
            })
            .collect()
    };
    assert_eq!(jenis(&pdf), jenis(&vektor), "the symbols of each row");

    assert!(
        yaml.contains("# impor: tabel prosedur dibaca dari gambar (halaman 2"),
        "the YAML says the table was read from a picture:\n{yaml}"
    );
    let n = asli.steps().len();
    assert_eq!(balik.steps().len(), n, "{yaml}");
    let (mut benar, mut semua) = (0.0, 0.0);
    for i in 0..n {
        let (a, b) = (&asli.steps()[i], &balik.steps()[i]);
        assert_eq!(
            pelaksana(&balik, i),
            pelaksana(&asli, i),
            "pelaksana of step {}",
            i + 1
        );
        assert_eq!(
            decision_targets(&balik, i),
            decision_targets(&asli, i),
            "decision of step {}",
            i + 1
        );
        let waktu = |s: &sopc::model::Langkah| {
            s.waktu
                .as_ref()
                .map(|w| w.teks.trim().to_owned())
                .unwrap_or_default()
        };
        assert_eq!(waktu(b), waktu(a), "waktu of step {}", i + 1);
        let (ka, kb) = (teks(&a.kegiatan), teks(&b.kegiatan));
        benar += sama(&ka, &kb) * ka.chars().count() as f64;
        semua += ka.chars().count() as f64;
    }
    let ketepatan = benar / semua;
    println!("kegiatan read {:.2} % right", 100.0 * ketepatan);
    assert!(
        ketepatan >= 0.98,
        "kegiatan read {:.1} % right:\n{yaml}",
        100.0 * ketepatan
    );
    // every step read from pixels is marked for review
    assert_eq!(
        yaml.matches("# impor: dibaca dari gambar").count(),
        n,
        "{yaml}"
    );
}

fn gratifikasi() -> Vec<u8> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/sops/bps-bengkulu-gratifikasi.yaml"
    );
    render(&parse(
        path,
        &std::fs::read_to_string(path).expect("the SOP is read"),
    ))
}

#[test]
fn a_picture_of_noise_is_refused_never_a_panic() {
    // light and dark pixels at random: tens of thousands of specks, no table
    let (w, h) = (1600u32, 900u32);
    let mut seed = 0x2545_F491_4F6C_DD1Du64;
    let rgb: Vec<u8> = (0..w * h)
        .flat_map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let v = if seed.is_multiple_of(3) { 0 } else { 255 };
            [v, v, v]
        })
        .collect();
    let mut jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 90)
        .encode(&rgb, w, h, image::ExtendedColorType::Rgb8)
        .expect("the JPEG encodes");
    let pdf = with_pictures(&gratifikasi(), |_| (jpeg.clone(), w, h));
    assert_eq!(dari_pdf(&pdf).err(), Some(Tolak::TabelGambar));
}

#[test]
fn a_picture_too_large_to_decode_is_refused_unread() {
    // 40 000 × 40 000 pixels declared (1.6 gigapixels): never decoded
    let jpeg = vec![0xFF, 0xD8, 0xFF, 0xD9];
    let pdf = with_pictures(&gratifikasi(), |_| (jpeg.clone(), 40_000, 40_000));
    assert_eq!(dari_pdf(&pdf).err(), Some(Tolak::TabelGambar));
}

#[test]
fn a_damaged_picture_is_refused_never_a_panic() {
    let jpeg: Vec<u8> = [0xFF, 0xD8]
        .into_iter()
        .chain((0..5000).map(|i| (i * 7 % 251) as u8))
        .collect();
    let pdf = with_pictures(&gratifikasi(), |_| (jpeg.clone(), 1200, 500));
    assert_eq!(dari_pdf(&pdf).err(), Some(Tolak::TabelGambar));
}

/// Where `word` is printed on page `index` of `pdf` (pt from the top left).
fn kata_di(pdf: &[u8], index: usize, word: &str) -> Rect {
    let pages = sopc::impor::pdf::read(pdf).expect("the PDF is read");
    let g = &pages[index].glyphs;
    let n = word.chars().count();
    (0..g.len().saturating_sub(n - 1))
        .find(|&i| {
            g[i..i + n]
                .iter()
                .map(|c| c.text.as_str())
                .collect::<String>()
                == word
        })
        .map(|i| {
            let (a, b) = (&g[i], &g[i + n - 1]);
            Rect::new(a.x0 - 1.0, a.y - a.size, b.x1 + 1.0, a.y + 0.3 * a.size)
        })
        .unwrap_or_else(|| panic!("{word:?} is printed on page {}", index + 1))
}

#[test]
fn a_waktu_heading_not_read_and_an_unheaded_last_column_keep_their_cells() {
    // as BPS 212 prints it: the Waktu heading comes back unreadable, and the
    // last column (its "Lihat SOP …" keterangan) has no heading at all
    let yaml = r#"nomor: 1/UJI/2025
nama: Uji Kolom Tanpa Judul
status: draf
instansi: {nama: Dinas Uji}
tanggal: {pembuatan: 2025-01-02}
disahkan_oleh: {jabatan: Kepala Dinas Uji, nama: Budi}
dasar_hukum: [Peraturan Uji Nomor 1 Tahun 2025]
kualifikasi_pelaksana: [Memahami uji]
keterkaitan: []
peralatan_perlengkapan: [Komputer]
peringatan: [Jika tidak dilaksanakan maka uji gagal]
pencatatan_pendataan: [Arsip]
pelaksana: [Petugas, Kepala]
langkah:
  - kegiatan: Menerima berkas permohonan
    pelaksana: Petugas
    kelengkapan: Berkas
    waktu: 2 bulan
    output: Berkas diterima
    keterangan: Lihat SOP Penerimaan Berkas
  - kegiatan: Memeriksa berkas permohonan
    pelaksana: Kepala
    kelengkapan: Berkas diterima
    waktu: 3 bulan
    output: Berkas diperiksa
  - kegiatan: Mengarsipkan berkas permohonan
    pelaksana: Petugas
    kelengkapan: Berkas diperiksa
    waktu: 12 bulan
    output: Arsip
    keterangan: Lihat SOP Kearsipan
"#;
    let vektor = render(&parse("uji.yaml", yaml));
    let hapus = [
        kata_di(&vektor, 1, "Waktu"),
        kata_di(&vektor, 1, "Keterangan"),
    ];
    let pdf = with_pictures(&vektor, |number| {
        jpeg_of_page(&vektor, number - 1, 173.0, &hapus)
    });
    let (balik, yaml) = impor(&pdf);
    assert_eq!(balik.steps().len(), 3, "{yaml}");
    let waktu: Vec<String> = balik
        .steps()
        .iter()
        .map(|s| s.waktu.as_ref().map(|w| w.teks.clone()).unwrap_or_default())
        .collect();
    assert_eq!(waktu, ["2 bulan", "3 bulan", "12 bulan"], "{yaml}");
    let keterangan: Vec<String> = balik
        .steps()
        .iter()
        .map(|s| match s.keterangan.as_ref().map(|k| &k.value) {
            Some(sopc::model::Isi::Teks(t)) => t.split_whitespace().collect::<Vec<_>>().join(" "),
            _ => String::new(),
        })
        .collect();
    assert_eq!(
        keterangan,
        ["Lihat SOP Penerimaan Berkas", "", "Lihat SOP Kearsipan"],
        "{yaml}"
    );
    // the Output column is still Output, not taken for the Waktu
    let output = |i: usize| match balik.steps()[i].output.as_ref().map(|o| &o.value) {
        Some(sopc::model::Isi::Teks(t)) => t.clone(),
        _ => String::new(),
    };
    assert_eq!(output(1), "Berkas diperiksa", "{yaml}");
}

/// Lines of an SOP's words, as the test pictures below print them.
const BARIS: &[&str] = &[
    "Pemeriksaan persentase isian untuk Hortikultura",
    "Melakukan validasi data untuk rancangan tanaman",
    "Penerimaan kuesioner terisi dari petugas 1 bulan",
    "Penyusunan laporan statistik pertanian 7 hari",
    "Mengirimkan berkas ke BPS RI setiap minggu",
];

/// [`BARIS`] set in the face named `nama` of the faces typst or sopc
/// embeds at 10 pt and `ppi`,
/// each letter `rapat` pt nearer the one before than the face spaces it
/// so that letters touch, as a JPEG decoded again: (RGB, width, height).
fn pictured_lines(nama: &str, ppi: f32, rapat: f32) -> (Vec<u8>, u32, u32) {
    pictured(nama, ppi, rapat, 1.0, BARIS)
}

/// `baris` set as [`pictured_lines`] sets [`BARIS`], each space `spasi`
/// times as wide as the face's.
fn pictured(nama: &str, ppi: f32, rapat: f32, spasi: f32, baris: &[&str]) -> (Vec<u8>, u32, u32) {
    let data = typst_assets::fonts()
        .chain(sopc::huruf::tertanam().iter().copied())
        .find(|d| {
            ttf_parser::Face::parse(d, 0).is_ok_and(|f| {
                f.names().into_iter().any(|n| {
                    n.name_id == ttf_parser::name_id::FULL_NAME
                        && n.to_string().is_some_and(|s| s == nama)
                })
            })
        })
        .expect("typst or sopc embeds the face");
    let face = ttf_parser::Face::parse(data, 0).expect("the face parses");
    let px = ppi / 72.0;
    let em = 10.0 * px;
    let skala = em / f32::from(face.units_per_em());
    let (w, h) = (
        (330.0 * px) as u32,
        ((20.0 + 14.0 * baris.len() as f32) * px) as u32,
    );
    let mut pix = tiny_skia::Pixmap::new(w, h).expect("a small picture");
    pix.fill(tiny_skia::Color::WHITE);
    let mut paint = tiny_skia::Paint::default();
    paint.set_color_rgba8(0, 0, 0, 255);
    for (i, baris) in baris.iter().enumerate() {
        let mut x = 10.0 * px;
        let y = (20.0 + 14.0 * i as f32) * px;
        for c in baris.chars() {
            let lebar = if c == ' ' { spasi } else { 1.0 };
            let gid = face.glyph_index(c).expect("the face has the letter");
            if let Some((path, _)) = sopc::impor::citra::jalur_huruf(&face, gid) {
                let tr = tiny_skia::Transform::from_row(skala, 0.0, 0.0, -skala, x, y);
                pix.fill_path(&path, &paint, tiny_skia::FillRule::Winding, tr, None);
            }
            x += lebar * f32::from(face.glyph_hor_advance(gid).unwrap_or(0)) * skala - rapat * px;
        }
    }
    let rgb: Vec<u8> = pix
        .pixels()
        .iter()
        .flat_map(|p| {
            let p = p.demultiply();
            [p.red(), p.green(), p.blue()]
        })
        .collect();
    let mut jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 85)
        .encode(&rgb, w, h, image::ExtendedColorType::Rgb8)
        .expect("the JPEG encodes");
    let rgb = image::load_from_memory(&jpeg)
        .expect("the JPEG decodes")
        .to_rgb8();
    (rgb.into_raw(), w, h)
}

/// The lines of text the glyphs of a picture spell, top to bottom, a space
/// where the gap between two letters is more than a fifth of their size.
fn lines_of(glyphs: &[sopc::impor::pdf::Glyph]) -> Vec<String> {
    let mut gs: Vec<&sopc::impor::pdf::Glyph> = glyphs.iter().collect();
    gs.sort_by(|a, b| a.y.total_cmp(&b.y));
    let mut lines: Vec<Vec<&sopc::impor::pdf::Glyph>> = Vec::new();
    for g in gs {
        match lines.last_mut() {
            Some(l) if (l[0].y - g.y).abs() < 0.35 * g.size => l.push(g),
            _ => lines.push(vec![g]),
        }
    }
    lines
        .into_iter()
        .map(|mut l| {
            l.sort_by(|a, b| a.x0.total_cmp(&b.x0));
            let mut s = String::new();
            for (i, g) in l.iter().enumerate() {
                if i > 0 && g.x0 - l[i - 1].x1 > 0.2 * g.size {
                    s.push(' ');
                }
                s.push_str(&g.text);
            }
            s
        })
        .collect()
}

/// [`BARIS`] as read from [`pictured_lines`].
fn read_lines(nama: &str, ppi: f32, rapat: f32) -> Vec<String> {
    read_picture(pictured_lines(nama, ppi, rapat), ppi)
}

/// The lines of a picture of `ppi` as read with the committed lexicon.
fn read_picture((rgb, w, h): (Vec<u8>, u32, u32), ppi: f32) -> Vec<String> {
    use sopc::impor::citra::{Kamus, Raster, baca};
    let raster = Raster::from_rgb(w as usize, h as usize, &rgb).expect("a small picture");
    let ke_halaman = kurbo::Affine::scale(f64::from(72.0 / ppi));
    lines_of(&baca(&raster, ke_halaman, &Kamus::dengan([])).glyphs)
}

/// A face whose i, l, r and m are far from Arial's (DejaVu Sans Mono, the
/// only sans serif face typst embeds besides Liberation Sans), its letters
/// squeezed to touch, at 140 ppi: most of it is read, and the words whose
/// letters are alike in both faces exactly. (Its own i, l and m are not
/// learnt: too few words are known in five lines. Its slab-serifed i is
/// wider than Arial's: dotted, it is no l the lexicon turns back into an
/// i, and reads as a 2 or Z — `validasi` and `terisi` are not asserted.)
#[test]
fn letters_of_another_face_touching_at_low_resolution_are_read() {
    let dibaca = read_lines("DejaVu Sans Mono", 140.0, 0.35);
    println!("{dibaca:#?}");
    assert_eq!(dibaca.len(), BARIS.len(), "{dibaca:#?}");
    let (mut benar, mut semua) = (0.0, 0.0);
    for (a, b) in BARIS.iter().zip(&dibaca) {
        benar += sama(a, b) * a.chars().count() as f64;
        semua += a.chars().count() as f64;
    }
    let ketepatan = benar / semua;
    println!("read {:.2} % right", 100.0 * ketepatan);
    assert!(ketepatan >= 0.74, "{:.1} %: {dibaca:#?}", 100.0 * ketepatan);
    let kata: Vec<&str> = dibaca.iter().flat_map(|b| b.split(' ')).collect();
    for w in [
        "untuk",
        "rancangan",
        "petugas",
        "Penyusunan",
        "ke",
        "1",
        "7",
    ] {
        assert!(kata.contains(&w), "{w} read: {dibaca:#?}");
    }
}

/// A word the lexicon does not hold, one letter from one it does (`olah`
/// beside `oleh`, `propinsi` beside `provinsi`, `Stat` beside `staf`), is
/// read as printed when its letters are clear: the lexicon only chooses
/// between readings the pixels nearly tie on.
#[test]
fn a_word_printed_clearly_is_not_corrected_into_the_lexicons() {
    let baris = [
        "Hasil olah data per propinsi",
        "Ketua Tim Stat Produksi",
        "Data ASEM/ATAP dan informasi",
    ];
    let dibaca = read_picture(pictured("Liberation Sans", 160.0, 0.0, 1.0, &baris), 160.0);
    assert_eq!(dibaca, baris, "{dibaca:#?}");
}

/// Spaces narrower than a fifth of the letter size (a screenshot set tight)
/// still part words, judged against the line's own gaps between letters:
/// `BPS Kab/Kota` keeps its space and its slash, `BPS RI` its space.
#[test]
fn a_narrow_word_gap_keeps_its_space_and_the_slash_its_shape() {
    let baris = [
        "Kirim dokumen ke BPS Kab/Kota dan BPS RI",
        "Anggota Tim Statistik setiap awal bulan",
    ];
    let dibaca = read_picture(pictured("Liberation Sans", 140.0, 0.0, 0.6, &baris), 140.0);
    assert_eq!(dibaca, baris, "{dibaca:#?}");
}

/// Where a line of ink is cut into letters and words, at the size of the
/// BPS screenshots (10 pt at 100 ppi, letters set a little tight so that
/// some touch): a hyphen touching the letters beside it, a comma, a
/// semicolon, brackets and the space after them, a slash between words.
/// (Its words are of letters this face's templates tell apart; which
/// letter a piece of ink is, is tested above.)
#[test]
fn hyphens_commas_semicolons_and_brackets_part_a_line_as_printed() {
    let baris = [
        "Data raw SPH-SBS, PC; (80-100%) ATAP",
        "untuk SPH-SBS; raw data Kab/Kota untuk BPS RI",
    ];
    let dibaca = read_picture(pictured("Liberation Sans", 100.0, 0.25, 1.0, &baris), 100.0);
    assert_eq!(dibaca, baris, "{dibaca:#?}");
}

/// The dot of an i decides it: a stem with a dot above it is an i (never a
/// t, f, l or capital I), a stroke without one is none (the last stroke of
/// a w is not `vi`).
#[test]
fn the_dot_of_an_i_tells_it_from_t_f_l_and_capital_i() {
    let baris = [
        "Daftar sampel didistribusikan",
        "Pelaksanaan survei termonitor",
        "Hasil wawancara dan informasi",
        "Informasi titik amatan terakhir",
        "Anggota Tim Statistik Hortikultura tanaman",
    ];
    let dibaca = read_picture(pictured("Liberation Sans", 150.0, 0.0, 1.0, &baris), 150.0);
    assert_eq!(dibaca, baris, "{dibaca:#?}");
}

/// A heading in bold at a small size (10 pt at 96 ppi, letters 13 px):
/// the t of `ti` touches the i by its crossbar, and the two are still a t
/// and an i (no h, whose arch would leave the dot unexplained). (Its `ult`,
/// touching too, still reads `dtt` without the document's own words.)
#[test]
fn a_small_bold_ti_is_a_t_and_an_i() {
    let baris = ["Anggota Tim Statistik Hortikultura"];
    let dibaca = read_picture(
        pictured("Liberation Sans Bold", 96.0, 0.0, 1.0, &baris),
        96.0,
    );
    assert_eq!(dibaca.len(), 1, "{dibaca:#?}");
    assert!(
        dibaca[0].starts_with("Anggota Tim Statistik Hortik"),
        "{dibaca:#?}"
    );
}
