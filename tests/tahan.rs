//! No input makes sopc panic: property tests over arbitrary bytes and over
//! the example SOPs of `sops/` mutated (bytes flipped, ranges deleted, lines
//! duplicated, unicode inserted), each run through the whole check — reading,
//! every rule — and every output format (human, JSON, GitHub, GitLab,
//! SARIF), and a few through the renderer; and pages drawn like an SOP's
//! table (with pictures, arrows and wild numbers) through `sopc impor`. The number of cases is bounded so
//! that the file runs in CI in about half a minute in a debug build.

mod common;

use proptest::prelude::*;
use sopc::diag::Lang;

/// The example SOPs, as bytes.
fn examples() -> &'static [Vec<u8>] {
    static EXAMPLES: std::sync::OnceLock<Vec<Vec<u8>>> = std::sync::OnceLock::new();
    EXAMPLES.get_or_init(|| {
        let files = common::contoh_sops();
        assert!(
            files.len() >= 10,
            "the examples of sops/: five seeds and at least five BPS Bengkulu transcriptions, {} found",
            files.len()
        );
        files
            .iter()
            .map(|p| std::fs::read(p).expect("an example SOP"))
            .collect()
    })
}

/// One change to a file; positions are taken modulo its length.
#[derive(Clone, Debug)]
enum Mutasi {
    /// XOR a byte with a mask.
    Balik(usize, u8),
    /// Delete up to `n` bytes.
    Hapus(usize, usize),
    /// Write a line twice.
    Gandakan(usize),
    /// Insert a character (often one that looks like nothing).
    Sisipkan(usize, char),
}

fn mutasi() -> impl Strategy<Value = Mutasi> {
    let tricky = prop_oneof![
        Just('\u{200b}'),
        Just('\u{00a0}'),
        Just('\u{202e}'),
        Just('\u{feff}'),
        Just('\t'),
        Just('\0'),
        Just('\r'),
        Just('\n'),
        Just(':'),
        Just('&'),
        Just('*'),
        Just('['),
        Just('{'),
        Just('-'),
        Just('#'),
        Just('"'),
        any::<char>(),
    ];
    prop_oneof![
        (any::<usize>(), 1..=255u8).prop_map(|(i, m)| Mutasi::Balik(i, m)),
        (any::<usize>(), 1..64usize).prop_map(|(i, n)| Mutasi::Hapus(i, n)),
        any::<usize>().prop_map(Mutasi::Gandakan),
        (any::<usize>(), tricky).prop_map(|(i, c)| Mutasi::Sisipkan(i, c)),
    ]
}

fn terapkan(mut bytes: Vec<u8>, changes: &[Mutasi]) -> Vec<u8> {
    for m in changes {
        let len = bytes.len().max(1);
        match *m {
            Mutasi::Balik(i, mask) => {
                if let Some(b) = bytes.get_mut(i % len) {
                    *b ^= mask;
                }
            }
            Mutasi::Hapus(i, n) => {
                let start = (i % len).min(bytes.len());
                let end = (start + n).min(bytes.len());
                bytes.drain(start..end);
            }
            Mutasi::Gandakan(i) => {
                let starts: Vec<usize> = std::iter::once(0)
                    .chain(
                        bytes
                            .iter()
                            .enumerate()
                            .filter(|(_, b)| **b == b'\n')
                            .map(|(i, _)| i + 1),
                    )
                    .filter(|&s| s < bytes.len())
                    .collect();
                if let Some(&start) = starts.get(i % starts.len().max(1)) {
                    let end = bytes[start..]
                        .iter()
                        .position(|b| *b == b'\n')
                        .map_or(bytes.len(), |p| start + p + 1);
                    let line = bytes[start..end].to_vec();
                    bytes.splice(end..end, line);
                }
            }
            Mutasi::Sisipkan(i, c) => {
                let at = (i % len).min(bytes.len());
                let mut buf = [0u8; 4];
                bytes.splice(at..at, c.encode_utf8(&mut buf).bytes());
            }
        }
    }
    bytes
}

/// A repository with one SOP of these bytes; kept between cases (each case
/// overwrites the file).
struct Repo {
    dir: tempfile::TempDir,
}

impl Repo {
    fn new() -> Repo {
        let dir = tempfile::tempdir().expect("a temporary directory");
        std::fs::write(dir.path().join("sopc.toml"), "").expect("sopc.toml");
        Repo { dir }
    }

    /// Checks `bytes` as an SOP file and renders the findings in every
    /// format and both languages; a panic anywhere fails the case.
    fn check(&self, bytes: &[u8]) -> Vec<sopc::app::batch::FileReport> {
        let path = self.dir.path().join("uji.yaml");
        std::fs::write(&path, bytes).expect("the SOP file");
        let config = sopc::config::Config::default();
        let reports = sopc::app::batch::check_paths(&[path], &config).expect("the file is there");
        assert_eq!(reports.len(), 1);
        for lang in [Lang::Id, Lang::En] {
            let human = sopc::app::report::human(&reports, lang, false);
            assert!(human.contains("uji.yaml"), "{human}");
            let json: serde_json::Value =
                serde_json::from_str(&sopc::app::report::json(&reports, lang))
                    .expect("JSON output");
            assert_eq!(json["versi"], 1);
            serde_json::from_str::<serde_json::Value>(&sopc::app::report::sarif(&reports, lang))
                .expect("SARIF output");
            serde_json::from_str::<serde_json::Value>(&sopc::app::report::gitlab(&reports, lang))
                .expect("GitLab output");
            sopc::app::report::github(&reports, lang);
            sopc::app::report::github_summary(&reports, lang);
        }
        reports
    }
}

fn repo() -> &'static std::sync::Mutex<Repo> {
    static REPO: std::sync::OnceLock<std::sync::Mutex<Repo>> = std::sync::OnceLock::new();
    REPO.get_or_init(|| std::sync::Mutex::new(Repo::new()))
}

fn with_repo<T>(f: impl FnOnce(&Repo) -> T) -> T {
    let guard = repo().lock().unwrap_or_else(|e| e.into_inner());
    f(&guard)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        with_repo(|r| r.check(&bytes));
    }

    #[test]
    fn mutated_examples_never_panic(
        which in any::<proptest::sample::Index>(),
        changes in proptest::collection::vec(mutasi(), 1..8),
    ) {
        let bytes = terapkan(which.get(examples()).clone(), &changes);
        with_repo(|r| r.check(&bytes));
    }
}

proptest! {
    // Each case renders a PDF: few cases.
    #![proptest_config(ProptestConfig { cases: 10, ..ProptestConfig::default() })]

    #[test]
    fn mutated_examples_build_or_say_why(
        which in any::<proptest::sample::Index>(),
        changes in proptest::collection::vec(mutasi(), 1..4),
    ) {
        let bytes = terapkan(which.get(examples()).clone(), &changes);
        with_repo(|r| {
            let reports = r.check(&bytes);
            let config = sopc::config::Config::default();
            let out = r.dir.path().join("pdf");
            for outcome in sopc::app::batch::build(&reports, &config, Some(&out), sopc::app::batch::Bagian::Lengkap) {
                if let sopc::app::batch::BuildOutcome::Failed(m) = outcome {
                    // A failure is a message of sopc's, in both languages.
                    prop_assert!(!m.id.is_empty() && !m.en.is_empty());
                }
            }
            Ok(())
        })?;
    }
}

// --- `sopc impor` on drawn pages ----------------------------------------------

/// A small generator of choices, seeded by the property test (the pages are
/// built from a seed, so a failing case names its seed).
struct Acak(u64);

impl Acak {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn range(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    fn pick<'a>(&mut self, of: &[&'a str]) -> &'a str {
        of[self.below(of.len())]
    }
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

const JUDUL: &[&str] = &[
    "NOMOR SOP",
    "TANGGAL PEMBUATAN",
    "TANGGAL REVISI",
    "TANGGAL EFEKTIF",
    "DISAHKAN OLEH",
    "NAMA SOP",
    "DASAR HUKUM",
    "KUALIFIKASI PELAKSANA",
    "KETERKAITAN",
    "PERALATAN/PERLENGKAPAN",
    "PERINGATAN",
    "PENCATATAN DAN PENDATAAN",
    "NIP. 19700101 199001 1 001",
    "a.n. KEPALA",
    "1 Januari 2024",
];
const KEPALA: &[&str] = &[
    "No",
    "Kegiatan",
    "Pelaksana",
    "Mutu Baku",
    "Kelengkapan",
    "Persyaratan/",
    "Waktu",
    "Output",
    "Keterangan",
    "Kepala",
    "Sekretaris",
    "Staf",
    "Kasubbag",
    "1",
    "2",
    "3",
    "4",
];
const ISI: &[&str] = &[
    "Menerima berkas",
    "Memeriksa kelengkapan",
    "Ya",
    "Tidak",
    "Lengkap",
    "Belum lengkap",
    "30 menit",
    "1 hari",
    "2 jam",
    "Surat",
    "A",
    "1",
    "Dokumen",
    "-",
    "Selesai",
];

/// A text object at (x, y).
fn tulis(c: &mut String, x: f64, y: f64, size: f64, words: &str) {
    let words = words
        .replace('\\', "\\\\")
        .replace('(', "\\(")
        .replace(')', "\\)");
    c.push_str(&format!(
        "BT /F1 {size:.1} Tf {x:.2} {y:.2} Td ({words}) Tj ET\n"
    ));
}

/// The content of a page that looks like an SOP: identity words, a ruled
/// table with a header, rows of text, flowchart symbols in random cells,
/// lines between them with arrowheads — and, now and then, wild numbers
/// (huge, negative, zero-sized, far off the page).
fn halaman_acak(r: &mut Acak) -> String {
    let mut c = String::new();
    for i in 0..r.below(12) {
        tulis(
            &mut c,
            40.0 + r.range(0.0, 300.0),
            580.0 - 12.0 * i as f64,
            9.0,
            r.pick(JUDUL),
        );
    }
    let kolom = 3 + r.below(9);
    let baris = 1 + r.below(9);
    let (x0, x1) = (20.0 + r.range(0.0, 40.0), 820.0 - r.range(0.0, 40.0));
    let (y1, y0) = (560.0 - r.range(0.0, 200.0), 20.0 + r.range(0.0, 60.0));
    let mut xs = vec![x0];
    for k in 1..kolom {
        xs.push(x0 + (x1 - x0) * (k as f64 + r.range(-0.4, 0.4)) / kolom as f64);
    }
    xs.push(x1);
    xs.sort_by(f64::total_cmp);
    // two header rows 14 pt high, the steps' rows share the rest
    let tinggi = (y1 - y0 - 28.0) / baris as f64;
    let ys: Vec<f64> = (0..=baris + 2)
        .map(|i| y1 - 14.0 * i.min(2) as f64 - tinggi * i.saturating_sub(2) as f64)
        .collect();
    c.push_str(&format!("{:.2} w\n", r.range(0.1, 2.0)));
    for &x in &xs {
        if r.chance(92) {
            c.push_str(&format!("{x:.2} {y1:.2} m {x:.2} {y0:.2} l S\n"));
        }
    }
    for &y in &ys {
        if r.chance(92) {
            c.push_str(&format!("{x0:.2} {y:.2} m {x1:.2} {y:.2} l S\n"));
        }
    }
    // mostly the form's own header: No, Kegiatan, Pelaksana over the
    // actors, Mutu Baku over Kelengkapan/Waktu/Output, Keterangan
    let aktor = kolom.saturating_sub(6).max(1);
    let rapi = r.chance(80);
    for (k, pair) in xs.windows(2).enumerate() {
        let (atas, bawah) = match k {
            0 => ("No", ""),
            1 => ("Kegiatan", ""),
            k if k < 2 + aktor => (
                if k == 2 { "Pelaksana" } else { "" },
                r.pick(&["Kepala", "Sekretaris", "Staf", "Kasubbag Umum"]),
            ),
            k if k == 2 + aktor => ("Mutu Baku", "Kelengkapan"),
            k if k == 3 + aktor => ("", "Waktu"),
            k if k == 4 + aktor => ("", "Output"),
            _ => ("Keterangan", ""),
        };
        let (atas, bawah) = if rapi {
            (atas, bawah)
        } else {
            (r.pick(KEPALA), r.pick(KEPALA))
        };
        tulis(&mut c, pair[0] + 2.0, ys[0] - 10.0, 8.0, atas);
        tulis(&mut c, pair[0] + 2.0, ys[1] - 10.0, 7.0, bawah);
        for (b, y) in ys[..ys.len() - 1].iter().enumerate().skip(2) {
            if k < 2 || r.chance(40) {
                let words = if k == 0 {
                    format!("{}.", b - 1)
                } else {
                    r.pick(ISI).to_string()
                };
                tulis(&mut c, pair[0] + 2.0, y - 10.0, 7.0, &words);
            }
        }
    }
    // symbols, then lines between their centres
    let mut pusat = Vec::new();
    for _ in 0..r.below(12) {
        let k = r.below(kolom);
        let b = 2 + r.below(baris);
        let (cx, cy) = ((xs[k] + xs[k + 1]) / 2.0, (ys[b] + ys[b + 1]) / 2.0);
        let (w, h) = (r.range(4.0, 40.0), r.range(4.0, 20.0));
        match r.below(4) {
            0 => c.push_str(&format!(
                "{:.2} {:.2} {w:.2} {h:.2} re S\n",
                cx - w / 2.0,
                cy - h / 2.0
            )),
            1 => c.push_str(&format!(
                "{cx:.2} {:.2} m {:.2} {cy:.2} l {cx:.2} {:.2} l {:.2} {cy:.2} l h S\n",
                cy + h / 2.0,
                cx + w / 2.0,
                cy - h / 2.0,
                cx - w / 2.0
            )),
            2 => {
                // a capsule: two half circles joined
                let (a, t) = (cx - w / 2.0 + h / 2.0, cx + w / 2.0 - h / 2.0);
                let k = h / 2.0 * 0.5523;
                c.push_str(&format!(
                    "{a:.2} {top:.2} m {t:.2} {top:.2} l {:.2} {top:.2} {:.2} {:.2} {:.2} {cy:.2} c {:.2} {:.2} {:.2} {bot:.2} {t:.2} {bot:.2} c {a:.2} {bot:.2} l {:.2} {bot:.2} {:.2} {:.2} {:.2} {cy:.2} c {:.2} {:.2} {:.2} {top:.2} {a:.2} {top:.2} c S\n",
                    t + k, t + h / 2.0, cy + k, t + h / 2.0,
                    t + h / 2.0, cy - k, t + k,
                    a - k, a - h / 2.0, cy - k, a - h / 2.0,
                    a - h / 2.0, cy + k, a - k,
                    top = cy + h / 2.0,
                    bot = cy - h / 2.0,
                ));
            }
            _ => c.push_str(&format!(
                "{:.2} {:.2} {w:.2} {w:.2} re f\n",
                cx - w / 2.0,
                cy - w / 2.0
            )),
        }
        pusat.push((cx, cy));
    }
    for _ in 0..r.below(14) {
        if pusat.len() < 2 {
            break;
        }
        let (ax, ay) = pusat[r.below(pusat.len())];
        let (bx, by) = pusat[r.below(pusat.len())];
        let mx = if r.chance(50) { ax } else { bx };
        c.push_str(&format!(
            "{ax:.2} {ay:.2} m {mx:.2} {ay:.2} l {mx:.2} {by:.2} l {bx:.2} {by:.2} l S\n"
        ));
        if r.chance(80) {
            let s = r.range(1.0, 4.0);
            c.push_str(&format!(
                "{bx:.2} {by:.2} m {:.2} {:.2} l {:.2} {:.2} l h f\n",
                bx - s,
                by + 2.0 * s,
                bx + s,
                by + 2.0 * s
            ));
        }
        if r.chance(30) {
            tulis(
                &mut c,
                mx + 1.0,
                (ay + by) / 2.0,
                6.0,
                r.pick(&["Ya", "Tidak", "Belum lengkap"]),
            );
        }
    }
    for _ in 0..r.below(3) {
        let wild = [0.0, -1e6, 1e9, 3.4e38, -0.0, 1e-9, 14400.0];
        let v = |r: &mut Acak| wild[r.below(wild.len())];
        c.push_str(&format!(
            "{} {} m {} {} l {} {} {} {} re S {} w\n",
            v(r),
            v(r),
            v(r),
            v(r),
            v(r),
            v(r),
            v(r),
            v(r),
            r.range(0.0, 100.0)
        ));
    }
    c
}

/// A grey picture `w`×`h` drawn with a table's rules, boxes and noise: what
/// a table pasted as a screenshot gives the picture reader.
fn gambar_acak(r: &mut Acak, w: usize, h: usize) -> Vec<u8> {
    let mut px = vec![255u8; w * h];
    for v in px.iter_mut() {
        if r.chance(3) {
            *v = r.below(256) as u8;
        }
    }
    // a table's rules, mostly across the whole picture
    let (kolom, baris) = (2 + r.below(10), 2 + r.below(8));
    for k in 0..=kolom {
        let x = (k * (w - 1) / kolom).min(w - 1);
        for y in 0..h {
            px[y * w + x] = 0;
        }
    }
    for b in 0..=baris {
        let y = (b * (h - 1) / baris).min(h - 1);
        for x in 0..w {
            px[y * w + x] = 0;
        }
    }
    for _ in 0..r.below(40) {
        let (x, y) = (r.below(w), r.below(h));
        let (lw, lh) = if r.chance(50) {
            (1 + r.below(w - x), 1 + r.below(3))
        } else {
            (1 + r.below(3), 1 + r.below(h - y))
        };
        let ink = r.below(160) as u8;
        for yy in y..(y + lh).min(h) {
            for xx in x..(x + lw).min(w) {
                px[yy * w + xx] = ink;
            }
        }
    }
    px
}

/// A one-page PDF of `content`, with a grey picture as `/Im1` when given.
fn pdf_halaman(content: &str, gambar: Option<(usize, usize, Vec<u8>)>) -> Vec<u8> {
    let mut objects: Vec<Vec<u8>> = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 842 595] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> /XObject << /Im1 6 0 R >> >> >>".to_vec(),
        format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len()).into_bytes(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec(),
    ];
    let (w, h, px) = gambar.unwrap_or((1, 1, vec![255]));
    let mut image = format!(
        "<< /Type /XObject /Subtype /Image /Width {w} /Height {h} /ColorSpace /DeviceGray /BitsPerComponent 8 /Length {} >>\nstream\n",
        px.len()
    )
    .into_bytes();
    image.extend_from_slice(&px);
    image.extend_from_slice(b"\nendstream");
    objects.push(image);
    let objects: Vec<&[u8]> = objects.iter().map(Vec::as_slice).collect();
    common::pdf_dari_objek(&objects, "")
}

/// A page of [`halaman_acak`] with a grey picture laid over the table (a
/// flowchart pasted as a picture) or instead of it (a table pasted as a
/// screenshot, the identity words still text).
fn halaman_bergambar(seed: u64) -> Vec<u8> {
    let mut r = Acak(seed | 1);
    let mut content = halaman_acak(&mut r);
    if r.chance(50) {
        // only the identity words stay text
        content = (0..30)
            .map(|i| {
                format!(
                    "BT /F1 9 Tf 40 {} Td (NAMA SOP Kegiatan {i}) Tj ET\n",
                    580 - 4 * i
                )
            })
            .collect();
    }
    let (w, h) = if r.chance(75) {
        (300 + r.below(300), 60 + r.below(240))
    } else {
        (20 + r.below(280), 20 + r.below(40))
    };
    let (x, y) = (r.range(0.0, 100.0), r.range(0.0, 100.0));
    content.push_str(&format!(
        "q {:.2} 0 0 {:.2} {x:.2} {y:.2} cm /Im1 Do Q\n",
        r.range(300.0, 800.0),
        r.range(200.0, 500.0)
    ));
    pdf_halaman(&content, Some((w, h, gambar_acak(&mut r, w, h))))
}

/// Imports `bytes` as `sopc impor` does and writes the YAML of what it read;
/// a panic anywhere fails the case, and what is written is an SOP file
/// that sopc can read back.
/// A panic that `impor` catches (around the PDF reader and each picture)
/// still loses what it was reading: it counts as a failure too.
fn impor_tanpa_panik(bytes: &[u8]) {
    static PANIK: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    static HOOK: std::sync::Once = std::sync::Once::new();
    HOOK.call_once(|| {
        let bawaan = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            PANIK.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            bawaan(info);
        }));
    });
    let sebelum = PANIK.load(std::sync::atomic::Ordering::SeqCst);
    let hasil = sopc::impor::dari_pdf(bytes);
    assert_eq!(
        PANIK.load(std::sync::atomic::Ordering::SeqCst),
        sebelum,
        "a panic inside the importer (caught, but what it read is lost)"
    );
    if let Ok(d) = hasil {
        let yaml = sopc::impor::tulis::yaml(&d, None, "uji.pdf");
        with_repo(|r| r.check(yaml.as_bytes()));
    }
}

proptest! {
    // Each case reads a drawn page as an SOP table (a few ms each).
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Pages drawn like an SOP's table, with symbols, arrows and wild
    /// numbers: `impor` reads or refuses them, never panics.
    #[test]
    fn drawn_pages_never_panic_the_importer(seed in any::<u64>()) {
        let mut r = Acak(seed | 1);
        let content = halaman_acak(&mut r);
        impor_tanpa_panik(&pdf_halaman(&content, None));
    }

}

proptest! {
    // Each case decodes a picture and reads it as a table: fewer cases.
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// The same pages with a grey picture laid over the table (a flowchart
    /// pasted as a picture) or instead of it (a table pasted as a
    /// screenshot, the identity words still text).
    #[test]
    fn pages_with_pictures_never_panic_the_importer(seed in any::<u64>()) {
        impor_tanpa_panik(&halaman_bergambar(seed));
    }
}

/// Found by the property test above: a piece of a picture much taller than
/// the letters beside it made a line's band upside down (its top below its
/// bottom), and the letter reader subtracted past zero.
#[test]
fn a_tall_piece_beside_a_line_of_letters_is_no_panic() {
    impor_tanpa_panik(&halaman_bergambar(776_063));
}
