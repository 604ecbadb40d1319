//! The official form around the content: page furniture ("Halaman X dari
//! Y", the SOP named on every later procedure page), the lembar pengesahan
//! that stays on one sheet, keterkaitan printed by the related SOP's nama,
//! Markdown in the pelaksana headers, configurable column headings and the
//! signing block of a draf. Every test builds through the binary and reads
//! the PDF back with poppler-utils (a missing tool fails the test).

mod common;

use common::sopc;
use std::path::{Path, PathBuf};

/// The identity part of a test SOP, up to `pelaksana`.
const KEPALA: &str = r#"nomor: 800/12/DPMD/2023
nama: Pelayanan Surat Masuk
status: final
instansi:
  pemerintah: Pemerintah Kabupaten Kudus
  nama: Dinas Pemberdayaan Masyarakat dan Desa
tanggal:
  pembuatan: 2020-07-08
  revisi: 2023-06-05
  efektif: 2023-06-05
disahkan_oleh:
  jabatan: Kepala Dinas
  nama: Drs. ADI SADHONO MURWANTO, M.M
  pangkat: Pembina Utama Muda (IV/c)
  nip: "19681202 198803 1 002"
dasar_hukum:
  - Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik
kualifikasi_pelaksana:
  - Memahami tata naskah dinas
keterkaitan:
  - SOP Pengarsipan
peralatan_perlengkapan:
  - Komputer
peringatan:
  - Bila SOP tidak dilaksanakan, surat dapat hilang
pencatatan_pendataan:
  - Buku agenda surat masuk
pelaksana:
  - Kepala Dinas
  - Sekretaris
  - Petugas *Front Desk*
"#;

/// An SOP of `n` steps through the three pelaksana, each taking
/// 1 hari 3 jam 25 menit.
fn sop_panjang(n: usize) -> String {
    let aktor = ["Petugas *Front Desk*", "Sekretaris", "Kepala Dinas"];
    let mut s = format!("{KEPALA}langkah:\n");
    for i in 0..n {
        s += &format!(
            "  - kegiatan: Memeriksa berkas permohonan ke-{} dan mencatatnya dalam buku agenda surat masuk\n    pelaksana: {}\n    kelengkapan: Buku agenda\n    waktu: 1 hari 3 jam 25 menit\n    output: Berkas yang sudah diperiksa\n",
            i + 1,
            aktor[i % 3]
        );
    }
    s
}

/// A repository in a temporary directory holding the given SOP files.
fn repo(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary directory");
    std::fs::write(dir.path().join("sopc.toml"), "").expect("sopc.toml");
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).expect("an SOP file");
    }
    dir
}

/// Runs `sopc <perintah> <yaml> -o <pdf> [args]` and returns the PDF's path
/// (`yaml` is the directory for `buku`).
fn bangun(dir: &Path, perintah: &str, yaml: &str, args: &[&str]) -> PathBuf {
    let pdf = dir.join(format!("{perintah}-{}.pdf", yaml.trim_end_matches(".yaml")));
    let out = sopc()
        .current_dir(dir)
        .args([perintah, yaml, "-o"])
        .arg(&pdf)
        .args(args)
        .output()
        .expect("sopc runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    pdf
}

/// `sopc check <yaml>` in `dir`: its exit status and everything it printed.
fn periksa(dir: &Path, yaml: &str) -> (Option<i32>, String) {
    let out = sopc()
        .current_dir(dir)
        .args(["check", yaml])
        .output()
        .expect("sopc runs");
    let laporan =
        String::from_utf8_lossy(&out.stderr).to_string() + &String::from_utf8_lossy(&out.stdout);
    (out.status.code(), laporan)
}

/// Whitespace-collapsed text of page `p` (from 1).
fn halaman_rapat(pdf: &Path, p: usize) -> String {
    common::teks(pdf, p, false)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn every_page_says_halaman_x_dari_y_and_later_pages_name_the_sop() {
    let dir = repo(&[("panjang.yaml", &sop_panjang(23))]);
    let pdf = bangun(dir.path(), "build", "panjang.yaml", &[]);
    let n = common::halaman(&pdf);
    assert!(n >= 4, "23 steps take at least three procedure pages: {n}");
    for p in 1..=n {
        let t = halaman_rapat(&pdf, p);
        assert!(
            t.contains(&format!("Halaman {p} dari {n}")),
            "page {p}: {t}"
        );
        assert!(!t.contains("Page "), "page {p} speaks English: {t}");
        // (the two ends of the line, in whichever order pdftotext reads them)
        let lanjutan = [
            "SOP Pelayanan Surat Masuk (lanjutan)",
            "Nomor SOP: 800/12/DPMD/2023",
        ];
        // page 1 is the lembar pengesahan, page 2 has the title
        let ada = lanjutan.iter().all(|l| t.contains(l));
        assert_eq!(ada, p >= 3, "page {p}: {t}");
        if p >= 2 {
            // the pelaksana header repeats on every procedure page, its
            // Markdown rendered, not printed
            assert!(t.contains("Petugas Front Desk"), "page {p}: {t}");
            assert!(!t.contains('*'), "page {p}: {t}");
        }
    }
    // the continuation line stands above the repeated header
    let layout = common::teks(&pdf, 3, true);
    let baris = |s: &str| layout.lines().position(|l| l.contains(s)).expect(s);
    assert!(baris("(lanjutan)") < baris("Pelaksana"), "{layout}");
    // the only italic text is the header's *Front Desk*
    let fonts = common::poppler("pdffonts", &[], &pdf);
    assert!(fonts.to_lowercase().contains("italic"), "{fonts}");

    let sah = bangun(dir.path(), "pengesahan", "panjang.yaml", &[]);
    assert_eq!(common::halaman(&sah), 1);
    assert!(halaman_rapat(&sah, 1).contains("Halaman 1 dari 1"));
}

#[test]
fn jumlah_never_stands_with_a_lone_step_and_its_total_does_not_wrap() {
    // 13 rows and JUMLAH fill the first procedure page of A4 portrait
    for n in [14, 15, 16] {
        let dir = repo(&[("a.yaml", &sop_panjang(n))]);
        let pdf = bangun(
            dir.path(),
            "build",
            "a.yaml",
            &["--kertas", "A4", "--orientasi", "potret"],
        );
        let last = common::halaman(&pdf);
        let t = common::teks(&pdf, last, true);
        let langkah = t
            .lines()
            .filter(|l| {
                l.trim_start()
                    .split('.')
                    .next()
                    .is_some_and(|d| d.parse::<usize>().is_ok())
            })
            .count();
        assert!(
            last >= 3,
            "{n} steps on A4 portrait take two procedure pages"
        );
        assert!(
            langkah >= 2,
            "{n} steps: the last page holds {langkah} step(s):\n{t}"
        );
        // the furniture on upright A4 too
        let rapat = halaman_rapat(&pdf, last);
        assert!(
            rapat.contains(&format!("Halaman {last} dari {last}")),
            "{rapat}"
        );
        assert!(
            rapat.contains("SOP Pelayanan Surat Masuk (lanjutan)"),
            "{rapat}"
        );
        let jumlah = t.lines().find(|l| l.contains("JUMLAH")).expect("JUMLAH");
        let menit = 3 * 60 * n + 25 * n;
        let total = format!("{n} hari {} jam {} menit", menit / 60, menit % 60);
        assert!(jumlah.contains(&total), "{total:?} wraps: {jumlah:?}\n{t}");
    }
}

#[test]
fn a_draf_without_a_signer_prints_a_signing_block_to_fill_by_hand() {
    let tanpa = |s: &str| {
        let awal = s.find("disahkan_oleh:").expect("a signer");
        let akhir = s.find("dasar_hukum:").expect("dasar_hukum");
        format!("{}{}", &s[..awal], &s[akhir..]).replacen("status: final", "status: draf", 1)
    };
    let dir = repo(&[("draf.yaml", &tanpa(&sop_panjang(3)))]);
    let sah = bangun(dir.path(), "pengesahan", "draf.yaml", &[]);
    let t = common::teks(&sah, 1, true);
    let nip = t
        .lines()
        .find(|l| l.contains("NIP."))
        .unwrap_or_else(|| panic!("no NIP line:\n{t}"));
    assert!(nip.contains("NIP. ....."), "{nip:?}");
    // jabatan and nama are dotted lines too, between "Disahkan oleh" and NIP
    let baris = |s: &str| t.lines().position(|l| l.contains(s)).expect(s);
    let titik = t
        .lines()
        .enumerate()
        .filter(|(i, l)| *i >= baris("Disahkan") && *i < baris("NIP.") && l.contains(".........."))
        .count();
    assert_eq!(titik, 2, "{t}");
    // the room to sign: the nama line is well below the jabatan line
    let bbox = common::poppler("pdftotext", &["-bbox"], &sah);
    let ys: Vec<f64> = bbox
        .lines()
        .filter(|l| l.contains(">..........") || l.contains(">....."))
        .filter_map(|l| l.split("yMin=\"").nth(1)?.split('"').next()?.parse().ok())
        .collect();
    let (min, max) = ys
        .iter()
        .fold((f64::MAX, f64::MIN), |(a, b), &y| (a.min(y), b.max(y)));
    assert!(max - min > 50.0, "signing room {:.1} pt: {ys:?}", max - min);
}

#[test]
fn keterkaitan_prints_the_related_sops_nama_and_nomor_in_build_pengesahan_and_buku() {
    let tamu = KEPALA
        .replacen("800/12/DPMD/2023", "800/7/SETDA/2024", 1)
        .replacen("Pelayanan Surat Masuk", "SOP Pelayanan Tamu", 1)
        + "langkah:\n  - kegiatan: Menerima tamu\n    pelaksana: Sekretaris\n    waktu: 5 menit\n    output: Tamu diterima\n";
    let surat = sop_panjang(3).replacen(
        "keterkaitan:\n  - SOP Pengarsipan\n",
        "keterkaitan:\n  - berkas: pelayanan-tamu.yaml\n  - nomor: 800/7/SETDA/2024\n  - nama: Pelayanan Tamu\n  - SOP Pengarsipan Dinas Arsip\n",
        1,
    );
    let dir = repo(&[("pelayanan-tamu.yaml", &tamu), ("surat.yaml", &surat)]);
    let dicetak = "SOP Pelayanan Tamu (Nomor 800/7/SETDA/2024)";
    let periksa = |pdf: &Path, p: usize| {
        let t = halaman_rapat(pdf, p);
        for (i, butir) in [dicetak, dicetak, dicetak, "SOP Pengarsipan Dinas Arsip"]
            .iter()
            .enumerate()
        {
            let butir = format!("{}. {butir}", i + 1);
            assert!(t.contains(&butir), "{butir:?} missing: {t}");
        }
        assert!(!t.contains("pelayanan-tamu.yaml"), "{t}");
    };
    periksa(&bangun(dir.path(), "build", "surat.yaml", &[]), 1);
    periksa(&bangun(dir.path(), "pengesahan", "surat.yaml", &[]), 1);
    let buku = bangun(dir.path(), "buku", ".", &[]);
    let p = (1..=common::halaman(&buku))
        .find(|&p| halaman_rapat(&buku, p).contains("Pengarsipan Dinas Arsip"))
        .expect("the lembar pengesahan of surat.yaml in the book");
    periksa(&buku, p);
}

/// [`KEPALA`] with `n` dasar hukum citing their Lembaran Negara numbers,
/// as real documents do.
fn dua_belas_dasar_hukum(n: usize) -> String {
    let dasar: String = (0..n)
        .map(|i| {
            format!(
                "  - Undang-Undang Nomor {} Tahun {} tentang Perubahan Kedua atas Undang-Undang Nomor {} Tahun 2004 tentang Pemerintahan Daerah dan Pelayanan Publik di Lingkungan Pemerintah Provinsi dan Kabupaten/Kota (Lembaran Negara Republik Indonesia Tahun {} Nomor {}, Tambahan Lembaran Negara Republik Indonesia Nomor {})\n",
                i + 1,
                2010 + i,
                30 + i,
                2010 + i,
                100 + i,
                5000 + i
            )
        })
        .collect();
    sop_panjang(2).replacen(
        "dasar_hukum:\n  - Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik\n",
        &format!("dasar_hukum:\n{dasar}"),
        1,
    )
}

#[test]
fn a_lembar_pengesahan_too_long_for_one_sheet_continues_under_lanjutan_at_9_pt() {
    let dir = repo(&[("sah.yaml", &dua_belas_dasar_hukum(12))]);
    let (_, laporan) = periksa(dir.path(), "sah.yaml");
    assert!(laporan.contains("tata-letak-pengesahan"), "{laporan}");
    assert!(
        laporan.contains("kotak Dasar Hukum (`dasar_hukum`)"),
        "{laporan}"
    );

    let sah = bangun(dir.path(), "pengesahan", "sah.yaml", &[]);
    assert_eq!(common::halaman(&sah), 2);
    let (satu, dua) = (halaman_rapat(&sah, 1), halaman_rapat(&sah, 2));
    // the identity and the signature on sheet one, the continuation under
    // its heading on sheet two
    for t in [
        "Nomor SOP",
        "NIP. 19681202 198803 1 002",
        "DASAR HUKUM:",
        "(bersambung ke lembar berikutnya)",
    ] {
        assert!(satu.contains(t), "{t:?} not on sheet one: {satu}");
    }
    for t in [
        "SOP Pelayanan Surat Masuk (lanjutan)",
        "DASAR HUKUM (LANJUTAN):",
        "Halaman 2 dari 2",
    ] {
        assert!(dua.contains(t), "{t:?} not on sheet two: {dua}");
    }
    assert!(!dua.contains("NIP."), "{dua}");
    // every citation printed once, numbered on
    for i in 1..=12 {
        let c = format!("{i}. Undang-Undang Nomor {i} Tahun {}", 2009 + i);
        let n = satu.matches(&c).count() + dua.matches(&c).count();
        assert_eq!(n, 1, "{c:?}\n{satu}\n{dua}");
    }
    // the other five boxes are all on one of the sheets
    for k in [
        "KUALIFIKASI PELAKSANA",
        "KETERKAITAN",
        "PERALATAN/PERLENGKAPAN",
        "PERINGATAN",
        "PENCATATAN DAN PENDATAAN",
    ] {
        assert!(satu.contains(k) || dua.contains(k), "{k}");
    }
    // never smaller than 9 pt: a word's box is ascent plus descent as the
    // PDF states them, 0.94 em in Liberation Sans
    let bbox = common::poppler("pdftotext", &["-bbox"], &sah);
    let tinggi: Vec<f64> = bbox
        .lines()
        .filter(|l| l.contains(">Lembaran<") || l.contains(">Undang-Undang<"))
        .filter_map(|l| {
            let angka = |k: &str| l.split(k).nth(1)?.split('"').next()?.parse::<f64>().ok();
            Some(angka("yMax=\"")? - angka("yMin=\"")?)
        })
        .collect();
    assert!(tinggi.len() >= 24, "{tinggi:?}");
    assert!(tinggi.iter().all(|&h| h >= 9.0 * 0.93), "{tinggi:?}");
}

#[test]
fn a_lembar_that_fits_stays_one_sheet_without_a_warning() {
    let dir = repo(&[("sah.yaml", &dua_belas_dasar_hukum(4))]);
    let (_, laporan) = periksa(dir.path(), "sah.yaml");
    assert!(!laporan.contains("tata-letak-pengesahan"), "{laporan}");
    let sah = bangun(dir.path(), "pengesahan", "sah.yaml", &[]);
    assert_eq!(common::halaman(&sah), 1);
    assert!(!halaman_rapat(&sah, 1).contains("lanjutan"));
}

#[test]
fn judul_kolom_from_the_defaults_and_the_sop_head_the_procedure_table() {
    let sop = sop_panjang(2) + "judul_kolom: {output: Hasil, keterangan: Ket}\n";
    let dir = repo(&[
        ("a.yaml", &sop),
        (
            "_default.yaml",
            "judul_kolom:\n  kelengkapan: Persyaratan/Kelengkapan\n  mutu_baku: Mutu Baku Layanan\n  output: Keluaran\n",
        ),
    ]);
    let pdf = bangun(dir.path(), "build", "a.yaml", &[]);
    let t = halaman_rapat(&pdf, 2);
    for judul in [
        "Mutu Baku Layanan",
        "Persyaratan/",
        "Kelengkapan",
        "Hasil",
        "Waktu",
        "Kegiatan",
        "No",
    ] {
        assert!(t.contains(judul), "{judul:?} missing: {t}");
    }
    // the SOP's own heading wins over the defaults'
    assert!(!t.contains("Keluaran") && !t.contains("Output"), "{t}");

    let salah = repo(&[(
        "a.yaml",
        &(sop_panjang(2) + "judul_kolom: {keterangn: Ket}\n"),
    )]);
    let (status, laporan) = periksa(salah.path(), "a.yaml");
    assert_eq!(status, Some(1));
    assert!(
        laporan.contains("kunci `keterangn` tidak dikenal di `judul_kolom`"),
        "{laporan}"
    );
    assert!(
        laporan.contains("apakah maksud Anda `keterangan`?"),
        "{laporan}"
    );
}

/// [`KEPALA`] with eight long dasar hukum and `n` one-line ones.
fn dasar_hukum_dekat_batas(n: usize) -> String {
    let dasar: String = (0..8)
        .map(|i| {
            format!(
                "  - Undang-Undang Nomor {i} Tahun 2014 tentang Pemerintahan Daerah (Lembaran Negara Republik Indonesia Tahun 2014 Nomor {i})\n"
            )
        })
        .chain((0..n).map(|i| format!("  - Peraturan Bupati Nomor {i}\n")))
        .collect();
    sop_panjang(2).replacen(
        "dasar_hukum:\n  - Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik\n",
        &format!("dasar_hukum:\n{dasar}"),
        1,
    )
}

#[test]
fn tata_letak_pengesahan_warns_exactly_when_the_sheet_overflows_in_sans_and_serif() {
    // one line more at a time across the limit, in each face, on the
    // default F4 landscape and on A4 portrait: the warning and the second
    // sheet come together
    for (kertas, baris) in [
        ("", 3..=9),
        ("kertas = \"A4\"\norientasi = \"potret\"\n", 16..=23),
    ] {
        let mut pertama = Vec::new();
        for huruf in ["", "huruf = \"serif\"\n"] {
            let dir = repo(&[]);
            std::fs::write(
                dir.path().join("sopc.toml"),
                format!("[cetak]\n{kertas}{huruf}"),
            )
            .expect("sopc.toml");
            let mut meluap = Vec::new();
            for n in baris.clone() {
                let nama = format!("sah{n}.yaml");
                std::fs::write(dir.path().join(&nama), dasar_hukum_dekat_batas(n)).expect("an SOP");
                let (_, laporan) = periksa(dir.path(), &nama);
                let lembar = common::halaman(&bangun(dir.path(), "pengesahan", &nama, &[]));
                let peringatan = laporan.contains("tata-letak-pengesahan");
                assert_eq!(
                    peringatan,
                    lembar > 1,
                    "{kertas:?} {huruf:?} {n}: {lembar} sheets\n{laporan}"
                );
                meluap.push(lembar > 1);
            }
            // the sample straddles the limit
            assert!(
                !meluap[0] && meluap[meluap.len() - 1],
                "{kertas:?} {huruf:?}: {meluap:?}"
            );
            pertama.push(meluap.iter().position(|&m| m));
        }
        // the serif's narrower letters and shorter capitals hold more lines
        assert!(pertama[1] > pertama[0], "{kertas:?} {pertama:?}");
    }
}
