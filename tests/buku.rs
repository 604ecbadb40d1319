//! `sopc buku`: the book of SOPs, made by the binary in a temporary
//! repository holding the example SOPs, and read back with poppler's
//! `pdftotext`/`pdfinfo`/`pdfimages`: its page count, a daftar isi whose
//! numbers are the pages where the SOPs really start, the order, the
//! keputusan scans, and refusals that leave an existing book alone.

mod common;

use common::{halaman, poppler, sopc, teks, ukuran};
use std::path::Path;

/// Runs sopc in `dir`: exit status and stderr.
fn jalan(dir: &Path, args: &[&str]) -> (Option<i32>, String) {
    let out = sopc().current_dir(dir).args(args).output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Runs sopc in `dir` and expects success.
fn berhasil(dir: &Path, args: &[&str]) {
    let (code, err) = jalan(dir, args);
    assert_eq!(code, Some(0), "sopc {args:?}: {err}");
}

const CONTOH: [&str; 5] = [
    "kalteng-penerimaan-tamu.yaml",
    "kudus-kunjungan-kerja.yaml",
    "tanjabbar-tamu-eselon-2-3.yaml",
    "tanjabbar-tamu-eselon-4-asn.yaml",
    "tanjabbar-tamu-pimpinan.yaml",
];

/// A repository (`sopc.toml`, `sops/`) with the given example SOPs.
fn repo(toml: &str, sops: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("sopc.toml"), toml).unwrap();
    std::fs::create_dir(dir.path().join("sops")).unwrap();
    for f in sops {
        std::fs::copy(Path::new("sops").join(f), dir.path().join("sops").join(f)).unwrap();
    }
    dir
}

/// `nomor` and `nama` of an example SOP, as sopc reads them.
fn identitas(file: &str) -> (String, String) {
    let text = std::fs::read_to_string(Path::new("sops").join(file)).unwrap();
    let sop = sopc::parse::parse_str(file, &text).sop.unwrap();
    (
        sop.nomor.unwrap().value.trim().to_owned(),
        sop.nama.unwrap().value.trim().to_owned(),
    )
}

fn rapat(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The page number printed at the foot of page `p`.
fn nomor_kaki(pdf: &Path, p: usize) -> String {
    let t = teks(pdf, p, true);
    t.lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .trim()
        .to_owned()
}

/// The page number of the daftar isi entry that starts with `awal`: on
/// the first line at or after it that ends in a number after dot leaders.
fn entri(daftar: &str, awal: &str) -> (usize, String) {
    let lines: Vec<&str> = daftar.lines().collect();
    let i = lines
        .iter()
        .position(|l| l.contains(awal))
        .unwrap_or_else(|| panic!("{awal:?} not in the daftar isi:\n{daftar}"));
    let hal = lines[i..]
        .iter()
        .find_map(|l| {
            let l = l.trim_end();
            let (leaders, n) = l.rsplit_once(' ')?;
            (leaders.trim_end().ends_with('.') && !n.is_empty()).then(|| n.to_owned())
        })
        .unwrap_or_else(|| panic!("no page number for {awal:?}:\n{daftar}"));
    (i, hal)
}

/// Bookmarks: (title, page from 1 it opens).
type Tanda = Vec<(String, usize)>;
/// Page labels: (first page from 0, numbering style).
type Label = Vec<(usize, String)>;

/// The bookmarks and page labels of a PDF, read with lopdf.
fn tanda_dan_label(pdf: &Path) -> (Tanda, Label) {
    use lopdf::{Document, Object};
    let doc = Document::load(pdf).unwrap();
    let halaman: Vec<_> = doc.page_iter().collect();
    let catalog = doc.catalog().unwrap();
    let kamus = |o: &Object| match o {
        Object::Reference(r) => doc.get_dictionary(*r).unwrap().clone(),
        o => o.as_dict().unwrap().clone(),
    };
    let mut tanda = Vec::new();
    let outline = kamus(catalog.get(b"Outlines").unwrap());
    let mut butir = outline.get(b"First").ok().map(&kamus);
    while let Some(b) = butir {
        let t = b.get(b"Title").unwrap().as_str().unwrap();
        let judul = match t.strip_prefix(&[0xFE, 0xFF]) {
            Some(u) => String::from_utf16(
                &u.chunks(2)
                    .map(|c| u16::from_be_bytes([c[0], c[1]]))
                    .collect::<Vec<_>>(),
            )
            .unwrap(),
            None => String::from_utf8(t.to_vec()).unwrap(),
        };
        let d = kamus(b.get(b"A").unwrap());
        let ke = d.get(b"D").unwrap().as_array().unwrap()[0]
            .as_reference()
            .unwrap();
        tanda.push((judul, halaman.iter().position(|h| *h == ke).unwrap() + 1));
        butir = b.get(b"Next").ok().map(&kamus);
    }
    let label = kamus(catalog.get(b"PageLabels").unwrap());
    let nums = label.get(b"Nums").unwrap().as_array().unwrap();
    let label = nums
        .chunks(2)
        .map(|p| {
            let gaya = kamus(&p[1]);
            let s = gaya.get(b"S").unwrap().as_name().unwrap();
            (
                p[0].as_i64().unwrap() as usize,
                String::from_utf8(s.to_vec()).unwrap(),
            )
        })
        .collect();
    (tanda, label)
}

fn sumber(sops: &[&str]) -> Vec<(String, String)> {
    sops.iter().map(|f| identitas(f)).collect()
}

/// Builds each SOP alone (one process) and returns its page counts.
fn halaman_sop(dir: &Path, sops: &[&str]) -> Vec<usize> {
    berhasil(dir, &["build", "sops", "-o", "satu"]);
    let out = dir.join("satu");
    sops.iter()
        .map(|f| halaman(&out.join(f.replace(".yaml", ".pdf"))))
        .collect()
}

#[test]
fn the_daftar_isi_gives_the_page_where_each_sop_starts() {
    let dir = repo(
        "[buku]\njudul = \"Contoh Dokumen\"\nkeputusan = \"keputusan.pdf\"\n",
        &CONTOH,
    );
    let d = dir.path();
    // in nomor order: 067.2/…, 800/…, Lampiran I, II, III
    let urut = [
        "kudus-kunjungan-kerja.yaml",
        "kalteng-penerimaan-tamu.yaml",
        "tanjabbar-tamu-pimpinan.yaml",
        "tanjabbar-tamu-eselon-2-3.yaml",
        "tanjabbar-tamu-eselon-4-asn.yaml",
    ];
    let per_sop = halaman_sop(d, &urut);
    // a real PDF of two pages stands in for the scanned keputusan
    std::fs::copy(
        d.join("satu/kudus-kunjungan-kerja.pdf"),
        d.join("keputusan.pdf"),
    )
    .unwrap();
    let kep = halaman(&d.join("keputusan.pdf"));
    berhasil(d, &["buku", "sops", "-o", "buku.pdf"]);
    let buku = d.join("buku.pdf");

    // cover + keputusan + daftar isi + penjelasan + every SOP
    let depan = 1 + kep + 1 + 1;
    assert_eq!(halaman(&buku), depan + per_sop.iter().sum::<usize>());

    let sampul = rapat(&teks(&buku, 1, false));
    assert!(
        sampul.contains("STANDAR OPERASIONAL PROSEDUR CONTOH DOKUMEN"),
        "{sampul}"
    );
    assert!(
        sampul.contains("TAHUN 2023"),
        "latest tanggal efektif: {sampul}"
    );
    // the keputusan pages are the PDF's pages, whole; a landscape scan
    // gets landscape pages while the front matter stays upright
    let kep1 = rapat(&teks(&buku, 2, false));
    assert!(kep1.contains("067.2/1779/13.01/2023"), "{kep1}");
    let (w, h) = ukuran(&buku, 1);
    assert!(w < h, "the cover is upright: {w} × {h}");
    for p in 2..2 + kep {
        let (w, h) = ukuran(&buku, p);
        assert!(
            w > h,
            "keputusan page {p} is landscape like its scan: {w} × {h}"
        );
    }
    let (w, h) = ukuran(&buku, 2 + kep);
    assert!(w < h, "the daftar isi is upright: {w} × {h}");

    let daftar = teks(&buku, 2 + kep, true);
    assert!(daftar.contains("DAFTAR ISI"), "{daftar}");
    assert_eq!(entri(&daftar, "Keputusan").1, "ii");
    assert_eq!(entri(&daftar, "Daftar Isi").1, "iv");
    assert_eq!(entri(&daftar, "Penjelasan").1, "v");
    assert_eq!(nomor_kaki(&buku, 2 + kep), "iv");
    assert!(teks(&buku, depan, false).contains("PENJELASAN"));

    let mut baris_sebelumnya = 0;
    let mut awal = depan + 1;
    for ((nomor, nama), n) in sumber(&urut).iter().zip(&per_sop) {
        let (baris, hal) = entri(&daftar, nomor);
        assert!(baris > baris_sebelumnya, "{nomor} out of order:\n{daftar}");
        baris_sebelumnya = baris;
        // the page printed in the daftar isi is the page of its lembar
        // pengesahan, which carries that number at its foot
        let hal: usize = hal.parse().unwrap();
        let fisik = depan + hal;
        assert_eq!(fisik, awal, "{nomor}: daftar isi says {hal}");
        let p = rapat(&teks(&buku, fisik, false));
        assert!(
            p.contains("Nomor SOP") && p.contains(&rapat(nomor)),
            "{nomor} on page {fisik}: {p}"
        );
        assert!(p.contains(&rapat(nama)), "{nama} on page {fisik}: {p}");
        assert_eq!(nomor_kaki(&buku, fisik), hal.to_string());
        awal += n;
    }

    // every part and every SOP is a bookmark to its first page, and the
    // page labels are the printed numbers
    let mut harapan = vec![
        (
            "Keputusan Penetapan Standar Operasional Prosedur".to_owned(),
            2,
        ),
        ("Daftar Isi".to_owned(), 2 + kep),
        ("Penjelasan".to_owned(), depan),
    ];
    let mut awal = depan + 1;
    for ((nomor, nama), n) in sumber(&urut).iter().zip(&per_sop) {
        harapan.push((format!("{nama} ({nomor})"), awal));
        awal += n;
    }
    let (tanda, label) = tanda_dan_label(&buku);
    assert_eq!(tanda, harapan);
    assert_eq!(label, [(0, "r".to_owned()), (depan, "D".to_owned())]);

    // same input, same bytes
    let pdf = std::fs::read(&buku).unwrap();
    berhasil(d, &["buku", "sops", "-o", "pdf/lagi.pdf"]);
    assert_eq!(
        pdf,
        std::fs::read(d.join("pdf/lagi.pdf")).unwrap(),
        "byte-identical"
    );
}

#[test]
fn scanned_images_urutan_and_command_line_overrides() {
    let dir = repo(
        "[buku]\njudul = \"Dari sopc.toml\"\nurutan = [\"tanjabbar-tamu-pimpinan.yaml\"]\n",
        &["kudus-kunjungan-kerja.yaml", "tanjabbar-tamu-pimpinan.yaml"],
    );
    let d = dir.path();
    let urut = ["tanjabbar-tamu-pimpinan.yaml", "kudus-kunjungan-kerja.yaml"];
    let per_sop = halaman_sop(d, &urut);
    // PNG and JPEG scans, made from a real PDF page
    let src = d.join("satu/kudus-kunjungan-kerja.pdf");
    for fmt in ["png", "jpeg"] {
        std::process::Command::new("pdftoppm")
            .args([
                &format!("-{fmt}"),
                "-r",
                "20",
                "-singlefile",
                "-f",
                "1",
                "-l",
                "1",
            ])
            .arg(&src)
            .arg(d.join(format!("kep-{fmt}")))
            .status()
            .unwrap();
    }
    berhasil(
        d,
        &[
            "buku",
            "sops",
            "--keputusan",
            "kep-png.png",
            "--keputusan",
            "kep-jpeg.jpg",
            "--judul",
            "Sekretariat Daerah",
            "--tahun",
            "2030",
        ],
    );
    let buku = d.join("sops/buku.pdf");
    let depan = 1 + 2 + 1 + 1;
    assert_eq!(halaman(&buku), depan + per_sop.iter().sum::<usize>());
    let sampul = rapat(&teks(&buku, 1, false));
    assert!(
        sampul.contains("SEKRETARIAT DAERAH") && sampul.contains("TAHUN 2030"),
        "{sampul}"
    );
    assert!(!sampul.contains("DARI SOPC.TOML"), "{sampul}");
    // pages 2 and 3 are the two images
    let gambar = poppler("pdfimages", &["-list", "-f", "2", "-l", "3"], &buku);
    let halaman_gambar: Vec<&str> = gambar
        .lines()
        .skip(2)
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert_eq!(halaman_gambar, ["2", "3"], "{gambar}");
    // urutan puts Lampiran I before 067.2/…, which comes first by nomor
    let daftar = teks(&buku, 4, true);
    let (a, hal_a) = entri(&daftar, &identitas(urut[0]).0);
    let (b, hal_b) = entri(&daftar, &identitas(urut[1]).0);
    assert!(a < b, "{daftar}");
    assert_eq!(hal_a, "1");
    assert_eq!(hal_b, (1 + per_sop[0]).to_string());
}

#[test]
fn an_sop_with_errors_refuses_the_book_and_the_old_one_stays() {
    let dir = repo("", &CONTOH);
    let d = dir.path();
    let src = std::fs::read_to_string("sops/kudus-kunjungan-kerja.yaml").unwrap();
    std::fs::write(
        d.join("sops/kudus-kunjungan-kerja.yaml"),
        src.replacen("19681202 198803 1 002", "19681302 198803 1 002", 1),
    )
    .unwrap();
    std::fs::write(d.join("buku.pdf"), b"the good old book").unwrap();
    let (code, err) = jalan(d, &["buku", "sops", "-o", "buku.pdf"]);
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("buku tidak dibuat"), "{err}");
    assert!(err.contains("kudus-kunjungan-kerja.yaml"), "{err}");
    assert!(err.contains("nip-tanggal-lahir"), "{err}");
    assert!(
        !err.contains("kalteng-penerimaan-tamu.yaml\n"),
        "only files with errors: {err}"
    );
    assert_eq!(
        std::fs::read(d.join("buku.pdf")).unwrap(),
        b"the good old book"
    );
}

#[test]
fn a_keputusan_that_cannot_be_used_is_a_clear_error() {
    let dir = repo("", &["kudus-kunjungan-kerja.yaml"]);
    let d = dir.path();
    std::fs::write(d.join("surat.txt"), "bukan pindaian").unwrap();
    std::fs::write(d.join("rusak.pdf"), "%PDF-1.7\nini bukan PDF yang utuh").unwrap();
    let cases: [(&str, &[&str], &str); 5] = [
        (
            "tidak-ada.pdf",
            &[],
            "berkas keputusan `tidak-ada.pdf` tidak ditemukan",
        ),
        (
            "tidak-ada.pdf",
            &["--lang", "en"],
            "the keputusan file `tidak-ada.pdf` was not found",
        ),
        ("surat.txt", &[], "bukan PDF, PNG atau JPEG"),
        ("rusak.pdf", &[], "tidak dapat dibaca"),
        ("../luar.pdf", &[], "di luar repositori"),
    ];
    for (kep, extra, pesan) in cases {
        std::fs::write(
            d.join("sopc.toml"),
            format!("[buku]\nkeputusan = \"{kep}\"\n"),
        )
        .unwrap();
        let args = [&["buku", "sops", "-o", "buku.pdf"][..], extra].concat();
        let (code, err) = jalan(d, &args);
        assert_eq!(code, Some(2), "{kep}: {err}");
        assert!(err.contains(pesan), "{kep}: {err}");
        assert!(!err.contains("panicked"), "{err}");
        assert!(!d.join("buku.pdf").exists());
    }
}

#[test]
fn configuration_mistakes_and_an_empty_directory() {
    let dir = repo(
        "[buku]\njudull = \"Sekretariat\"\n",
        &["kudus-kunjungan-kerja.yaml"],
    );
    let d = dir.path();
    let run = |args: &[&str]| jalan(d, args);
    let (code, err) = run(&["buku", "sops"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("judull") && err.contains("apakah maksud Anda `judul`?"),
        "{err}"
    );

    std::fs::write(
        d.join("sopc.toml"),
        "[buku]\nurutan = [\"kudus-kunjungan.yaml\"]\n",
    )
    .unwrap();
    let (code, err) = run(&["buku", "sops"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("tidak ada SOP `kudus-kunjungan.yaml`"),
        "{err}"
    );
    assert!(
        err.contains("kudus-kunjungan-kerja.yaml"),
        "a suggestion: {err}"
    );

    std::fs::write(d.join("sopc.toml"), "").unwrap();
    std::fs::create_dir(d.join("kosong")).unwrap();
    let (code, err) = run(&["buku", "kosong"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("tidak ada berkas SOP"), "{err}");
    let (code, err) = run(&["--lang", "en", "buku", "kosong"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("there are no SOP files"), "{err}");
    assert!(!d.join("kosong/buku.pdf").exists());
}

/// The SOP pages of the book are the pages `sopc build` prints: the same
/// text at the same place, plus the page number at the foot.
#[test]
fn the_sop_pages_are_those_of_sopc_build() {
    let dir = repo("", &CONTOH);
    // one more keterkaitan entry: the name of another SOP of the book
    let pimpinan = dir.path().join("sops/tanjabbar-tamu-pimpinan.yaml");
    let text = std::fs::read_to_string(&pimpinan).unwrap().replacen(
        "keterkaitan:\n",
        "keterkaitan:\n  - SOP Pelayanan Tamu Pejabat Administrasi (Eselon IV) dan ASN\n",
        1,
    );
    std::fs::write(&pimpinan, text).unwrap();
    let config = sopc::config::Config::default();
    let reports = sopc::app::batch::check_paths(&[dir.path().join("sops")], &config).unwrap();
    let nomor_urut = |name: &str| reports.iter().position(|r| r.path.ends_with(name)).unwrap();
    let buku = sopc::render::Buku {
        judul: vec!["STANDAR OPERASIONAL PROSEDUR".into()],
        sop: reports
            .iter()
            .map(|r| sopc::render::BukuSop {
                input: sopc::render::Input::checked(
                    r.sop.as_ref().unwrap(),
                    r.hasil.as_ref().unwrap(),
                ),
                berkas: r.path.display().to_string(),
                tautan: r
                    .hasil
                    .as_ref()
                    .unwrap()
                    .tautan
                    .iter()
                    .map(|(i, p)| (*i, nomor_urut(p.file_name().unwrap().to_str().unwrap())))
                    .collect(),
            })
            .collect(),
        ..Default::default()
    };
    let r = sopc::render::Renderer::new(&Default::default());
    let hasil = r.render_buku(&buku).unwrap();
    assert!(hasil.peringatan.is_empty(), "{:?}", hasil.peringatan);
    assert_eq!(hasil.halaman_depan, 3, "cover, daftar isi, penjelasan");
    let mut awal = hasil.halaman_depan;
    for (i, s) in buku.sop.iter().enumerate() {
        assert_eq!(hasil.halaman_sop[i], awal);
        let satu = r
            .render_hasil(s.input, sopc::render::Bagian::Lengkap)
            .unwrap();
        for (j, t) in satu.teks.iter().enumerate() {
            let nomor = (awal - hasil.halaman_depan + j + 1).to_string();
            let di_buku = &hasil.teks[awal + j];
            let tanpa_nomor = di_buku
                .strip_suffix(&format!(" {nomor}"))
                .or_else(|| di_buku.strip_prefix(&format!("{nomor} ")))
                .unwrap_or_else(|| panic!("page number {nomor} missing: {di_buku}"));
            // the book numbers its pages itself, without `build`'s furniture
            let kaki = format!(" Halaman {} dari {}", j + 1, satu.teks.len());
            let t = t
                .strip_suffix(&kaki)
                .unwrap_or_else(|| panic!("{kaki:?} missing: {t}"));
            assert_eq!(tanpa_nomor, t, "SOP {i}, page {j}");
        }
        awal += satu.teks.len();
    }
    assert_eq!(awal, hasil.teks.len());

    // keterkaitan entries naming SOPs of the book link to their lembar
    // pengesahan: Kalteng names itself, Pimpinan names Eselon IV
    let hal = |name: &str| hasil.halaman_sop[nomor_urut(name)];
    let kalteng = hal("kalteng-penerimaan-tamu.yaml");
    let (dari, ke) = (
        hal("tanjabbar-tamu-pimpinan.yaml"),
        hal("tanjabbar-tamu-eselon-4-asn.yaml"),
    );
    assert_eq!(hasil.tautan, [(kalteng, kalteng), (dari, ke)]);
}
