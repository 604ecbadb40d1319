//! `sopc buku`: the SOPs of a repository as one book, the *dokumen SOP* of
//! PermenPAN-RB 35/2012. This module decides what goes in: it refuses SOPs
//! with errors, orders the SOPs (by `urutan` in `[buku]`, then by `nomor`
//! segment by segment), takes the cover's facts from the command line,
//! `[buku]` in sopc.toml or what the SOPs share, and reads the keputusan
//! scan and the penjelasan from inside the repository. How the book is
//! printed — and why its daftar isi is right — is [`crate::render::Buku`]'s
//! business.

use crate::app::run::{FileReport, Kemajuan};
use crate::config::Config;
use crate::diag::{Msg, did_you_mean, suggest};
use crate::model::Sop;
use crate::msg;
use crate::parse::repo::{self, LogoMasalah};
use crate::render::{self, Buku, BukuSop, Lampiran, Logo, LogoFormat};
use crate::sandbox::{Jenis, Root};
use std::cmp::Ordering;
use std::path::{Path, PathBuf};

/// What the command line sets; it wins over `[buku]`.
#[derive(Clone, Debug, Default)]
pub struct Pilihan {
    pub judul: Option<String>,
    pub tahun: Option<i32>,
    /// Relative to the working directory, inside the repository.
    pub keputusan: Vec<PathBuf>,
    pub penjelasan: Option<PathBuf>,
}

/// Why there is no book.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Gagal {
    /// These SOP files have errors (exit status 1).
    SopBergalat(Vec<PathBuf>),
    /// Nothing to make a book of, or a file the book needs is missing or
    /// unusable (exit status 2).
    Masukan(Msg),
    /// The PDF could not be made or written (exit status 1).
    Cetak(Msg),
}

/// A written book.
#[derive(Clone, Debug)]
pub struct Laporan {
    pub pdf: PathBuf,
    pub halaman: usize,
    /// Each SOP's file and the page (from 0) of its lembar pengesahan.
    pub sop: Vec<(PathBuf, usize)>,
}

/// Makes the book of the checked SOPs of `dir` and writes it to `out`
/// (atomically: a refused or failed book leaves an existing file as it was),
/// reporting each SOP prepared to `kemajuan` for a progress bar.
pub fn buat(
    dir: &Path,
    out: &Path,
    config: &Config,
    reports: &[FileReport],
    pilihan: &Pilihan,
    kemajuan: &(dyn Fn(Kemajuan) + Sync),
) -> Result<Laporan, Gagal> {
    let bergalat: Vec<PathBuf> = reports
        .iter()
        .filter(|r| r.errors() > 0 || r.sop.is_none() || r.hasil.is_none())
        .map(|r| r.path.clone())
        .collect();
    if !bergalat.is_empty() {
        return Err(Gagal::SopBergalat(bergalat));
    }
    if reports.is_empty() {
        let d = dir.display();
        return Err(Gagal::Masukan(msg!(
            "tidak ada berkas SOP (*.yaml) di {d}; buku tidak dibuat",
            "there are no SOP files (*.yaml) in {d}; no book was made"
        )));
    }
    let root = Root::of_named(dir).map_err(|g| Gagal::Masukan(g.pesan(dir, Jenis::Sop)))?;
    let urut = urutkan(reports, &config.buku.urutan, dir)?;
    let logo: Vec<Option<Logo>> = urut
        .iter()
        .map(|r| crate::app::run::load_logo(r, sop_of(r)).map_err(Gagal::Masukan))
        .collect::<Result<_, _>>()?;
    let buku = susun(&urut, &logo, config, pilihan, &root)?;
    let renderer = render::Renderer::new(&render::RenderOptions::dari(config));
    kemajuan(Kemajuan::Mulai(buku.sop.len()));
    let hasil = renderer
        .render_buku_dengan(&buku, &|| kemajuan(Kemajuan::Satu))
        .map_err(|e| Gagal::Cetak(e.message))?;
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        crate::sandbox::create_output_dir(dir).map_err(|e| {
            let d = dir.display();
            Gagal::Cetak(crate::diag::gagal_io(crate::diag::MEMBUAT, d, &e))
        })?;
    }
    render::write_atomic(out, &hasil.pdf).map_err(|e| {
        let d = out.display();
        Gagal::Cetak(crate::diag::gagal_io(crate::diag::MENULIS, d, &e))
    })?;
    Ok(Laporan {
        pdf: out.to_owned(),
        halaman: hasil.teks.len(),
        sop: urut
            .iter()
            .map(|r| r.path.clone())
            .zip(hasil.halaman_sop)
            .collect(),
    })
}

fn sop_of(r: &FileReport) -> &Sop {
    r.sop
        .as_ref()
        .expect("SOPs that could not be read were refused before")
}

/// The book's parts: the cover from the command line, `[buku]`, or what
/// the SOPs share; the keputusan and penjelasan files.
fn susun<'a>(
    urut: &[&'a FileReport],
    logo: &'a [Option<Logo>],
    config: &Config,
    pilihan: &Pilihan,
    root: &Root,
) -> Result<Buku<'a>, Gagal> {
    let cfg = &config.buku;
    let sops: Vec<&Sop> = urut.iter().map(|r| sop_of(r)).collect();
    let instansi = |f: fn(&crate::model::Instansi) -> Option<&crate::source::Sp<String>>| {
        bersama(sops.iter().map(|s| {
            s.instansi
                .as_ref()
                .and_then(|i| f(i))
                .map_or("", |v| v.as_str().trim())
        }))
    };
    let mut judul = vec!["STANDAR OPERASIONAL PROSEDUR".to_owned()];
    judul.extend(
        pilihan
            .judul
            .as_ref()
            .or(cfg.judul.as_ref())
            .map(|j| j.trim().to_uppercase())
            .filter(|j| !j.is_empty()),
    );
    let cwd = Path::new(".");
    let keputusan = if pilihan.keputusan.is_empty() {
        let k = cfg
            .keputusan
            .as_ref()
            .map(|k| k.semua())
            .unwrap_or_default();
        k.iter()
            .map(|p| lampiran(root, root.path(), p))
            .collect::<Result<_, _>>()?
    } else {
        pilihan
            .keputusan
            .iter()
            .map(|p| lampiran(root, cwd, &p.to_string_lossy()))
            .collect::<Result<_, _>>()?
    };
    let penjelasan = match (&pilihan.penjelasan, &cfg.penjelasan) {
        (Some(p), _) => Some(teks(root, cwd, &p.to_string_lossy())?),
        (None, Some(p)) => Some(teks(root, root.path(), p)?),
        (None, None) => None,
    };
    let logo_sampul = match &cfg.logo {
        Some(p) => Some(logo_buku(root, p)?),
        None => logo_bersama(logo),
    };
    Ok(Buku {
        judul,
        pemerintah: cfg
            .pemerintah
            .clone()
            .unwrap_or_else(|| instansi(|i| i.pemerintah.as_ref())),
        instansi: cfg
            .instansi
            .clone()
            .unwrap_or_else(|| instansi(|i| i.nama.as_ref())),
        tahun: pilihan
            .tahun
            .or(cfg.tahun)
            .or_else(|| tahun_terakhir(&sops)),
        logo: logo_sampul,
        keputusan,
        penjelasan,
        sop: urut
            .iter()
            .zip(logo)
            .map(|(r, l)| {
                let hasil = r
                    .hasil
                    .as_ref()
                    .expect("SOPs without a check result were refused before");
                BukuSop {
                    sop: sop_of(r),
                    jumlah: &hasil.jumlah,
                    logo: l.as_ref(),
                    tautan: tautan(&hasil.tautan, urut),
                }
            })
            .collect(),
    })
}

/// The `keterkaitan` links check found, to SOPs of the book: (entry, the
/// SOP's index in `urut`).
fn tautan(links: &[(usize, PathBuf)], urut: &[&FileReport]) -> Vec<(usize, usize)> {
    let sama = |a: &Path, b: &Path| {
        a == b || matches!((a.canonicalize(), b.canonicalize()), (Ok(x), Ok(y)) if x == y)
    };
    links
        .iter()
        .filter_map(|(entri, p)| Some((*entri, urut.iter().position(|r| sama(&r.path, p))?)))
        .collect()
}

/// The value every SOP has, or "" when they differ.
fn bersama<'a>(mut nilai: impl Iterator<Item = &'a str>) -> String {
    let Some(pertama) = nilai.next() else {
        return String::new();
    };
    if nilai.all(|n| n == pertama) {
        pertama.to_owned()
    } else {
        String::new()
    }
}

/// The logo of the SOPs when all that have one have the same.
fn logo_bersama(logo: &[Option<Logo>]) -> Option<Logo> {
    let mut ada = logo.iter().flatten();
    let pertama = ada.next()?;
    ada.all(|l| l == pertama).then(|| pertama.clone())
}

/// The year of the latest `tanggal.efektif` (else revisi, else pembuatan).
fn tahun_terakhir(sops: &[&Sop]) -> Option<i32> {
    sops.iter()
        .filter_map(|s| {
            let t = &s.tanggal.as_ref()?.value;
            [&t.efektif, &t.revisi, &t.pembuatan]
                .into_iter()
                .find_map(|d| d.as_ref().and_then(|d| d.ok()))
                .map(|d| d.tahun())
        })
        .max()
}

/// A file the book names, read through the sandbox of the repository.
fn baca(root: &Root, base: &Path, p: &str, jenis: Jenis) -> Result<Vec<u8>, Gagal> {
    root.resolve(base, p)
        .and_then(|real| root.read(&real, jenis))
        .map_err(|g| Gagal::Masukan(g.pesan(Path::new(p), jenis)))
}

/// One keputusan file: a PDF (every page), a PNG or a JPEG.
fn lampiran(root: &Root, base: &Path, p: &str) -> Result<Lampiran, Gagal> {
    let bytes = baca(root, base, p, Jenis::Keputusan)?;
    if bytes.starts_with(b"%PDF-") {
        let halaman = render::halaman_pdf(&bytes).map_err(|e| {
            let m = e.message;
            Gagal::Masukan(Msg::new(
                format!("berkas keputusan `{p}`: {}", m.id),
                format!("the keputusan file `{p}`: {}", m.en),
            ))
        })?;
        return Ok(Lampiran::Pdf { bytes, halaman });
    }
    match gambar(&bytes) {
        Some(format) => Ok(Lampiran::Gambar(Logo { bytes, format })),
        None => Err(Gagal::Masukan(msg!(
            "berkas keputusan `{p}` bukan PDF, PNG atau JPEG; pindai keputusan yang sudah ditandatangani ke salah satu format itu",
            "the keputusan file `{p}` is not a PDF, PNG or JPEG; scan the signed keputusan to one of those formats"
        ))),
    }
}

fn gambar(bytes: &[u8]) -> Option<LogoFormat> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(LogoFormat::Png)
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(LogoFormat::Jpeg)
    } else {
        None
    }
}

/// The cover logo named in `[buku]`.
fn logo_buku(root: &Root, p: &str) -> Result<Logo, Gagal> {
    let (bytes, format) = repo::read_logo(root, root.path(), p).map_err(|m| {
        Gagal::Masukan(match m {
            LogoMasalah::Format => msg!(
                "logo `{p}` di [buku] bukan gambar PNG, JPEG atau SVG",
                "the logo `{p}` in [buku] is not a PNG, JPEG or SVG image"
            ),
            LogoMasalah::Berkas(g) => g.pesan(Path::new(p), Jenis::Logo),
        })
    })?;
    let format = match format {
        repo::GambarFormat::Png => LogoFormat::Png,
        repo::GambarFormat::Jpeg => LogoFormat::Jpeg,
        repo::GambarFormat::Svg => LogoFormat::Svg,
    };
    Ok(Logo { bytes, format })
}

/// The penjelasan: a UTF-8 text file.
fn teks(root: &Root, base: &Path, p: &str) -> Result<String, Gagal> {
    String::from_utf8(baca(root, base, p, Jenis::Penjelasan)?).map_err(|_| {
        Gagal::Masukan(msg!(
            "berkas penjelasan `{p}` bukan teks UTF-8",
            "the penjelasan file `{p}` is not UTF-8 text"
        ))
    })
}

/// The SOPs in the order of the book: those `urutan` names (by file name,
/// path below `dir`, or nomor) first and in its order, then the rest by
/// [`banding_nomor`].
fn urutkan<'a>(
    reports: &'a [FileReport],
    urutan: &[String],
    dir: &Path,
) -> Result<Vec<&'a FileReport>, Gagal> {
    fn nomor(r: &FileReport) -> &str {
        sop_of(r).nomor.as_ref().map_or("", |n| n.as_str().trim())
    }
    let nama_berkas = |r: &FileReport| {
        let rel = r.path.strip_prefix(dir).unwrap_or(&r.path);
        rel.to_string_lossy().into_owned()
    };
    let mut sisa: Vec<&FileReport> = reports.iter().collect();
    sisa.sort_by(|a, b| banding_nomor(nomor(a), nomor(b)).then_with(|| a.path.cmp(&b.path)));
    let mut urut = Vec::with_capacity(sisa.len());
    for u in urutan {
        let u = u.trim();
        let cocok = |r: &&FileReport| {
            let f = nama_berkas(r);
            f == u
                || r.path.file_name().is_some_and(|n| n == u)
                || r.path.file_stem().is_some_and(|n| n == u)
                || nomor(r) == u
        };
        match sisa.iter().position(cocok) {
            Some(i) => urut.push(sisa.remove(i)),
            None => {
                let disebut = urut.iter().any(cocok);
                let calon: Vec<String> = reports.iter().map(nama_berkas).collect();
                let (hid, hen) = suggest(u, calon.iter().map(String::as_str))
                    .map(|s| {
                        let h = did_you_mean(s);
                        (format!(" ({})", h.id), format!(" ({})", h.en))
                    })
                    .unwrap_or_default();
                return Err(Gagal::Masukan(if disebut {
                    msg!(
                        "sopc.toml [buku] urutan: `{u}` disebut dua kali",
                        "sopc.toml [buku] urutan: `{u}` is named twice"
                    )
                } else {
                    msg!(
                        "sopc.toml [buku] urutan: tidak ada SOP `{u}` (nama berkas atau nomor){hid}",
                        "sopc.toml [buku] urutan: there is no SOP `{u}` (file name or nomor){hen}"
                    )
                }));
            }
        }
    }
    urut.extend(sisa);
    Ok(urut)
}

/// Orders SOP numbers segment by segment, as people read them: numbers by
/// value (`800/2` before `800/10`, `067` = `67`), the Roman numerals of
/// lampiran (`Lampiran II` before `Lampiran IX`) by value, numbers before
/// words, words without regard to case.
pub fn banding_nomor(a: &str, b: &str) -> Ordering {
    let (sa, sb) = (segmen(a), segmen(b));
    for (x, y) in sa.iter().zip(&sb) {
        let o = match (x, y) {
            (Segmen::Angka(x), Segmen::Angka(y)) => x.cmp(y),
            (Segmen::Angka(_), Segmen::Kata(_)) => Ordering::Less,
            (Segmen::Kata(_), Segmen::Angka(_)) => Ordering::Greater,
            (Segmen::Kata(x), Segmen::Kata(y)) => x.cmp(y),
        };
        if o != Ordering::Equal {
            return o;
        }
    }
    sa.len().cmp(&sb.len()).then_with(|| a.cmp(b))
}

#[derive(Debug, PartialEq, Eq)]
enum Segmen {
    Angka(u128),
    Kata(String),
}

/// Runs of digits and runs of letters; everything else separates.
fn segmen(s: &str) -> Vec<Segmen> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let push = |cur: &mut String, out: &mut Vec<Segmen>| {
        if cur.is_empty() {
            return;
        }
        let seg = if cur.bytes().all(|c| c.is_ascii_digit()) {
            // digits beyond u128 compare as the largest number
            Segmen::Angka(cur.parse().unwrap_or(u128::MAX))
        } else if let Some(n) = romawi(cur) {
            Segmen::Angka(n)
        } else {
            Segmen::Kata(cur.to_lowercase())
        };
        out.push(seg);
        cur.clear();
    };
    for c in s.chars() {
        let sama = cur
            .chars()
            .last()
            .is_none_or(|l| l.is_ascii_digit() == c.is_ascii_digit());
        if !c.is_alphanumeric() || !sama {
            push(&mut cur, &mut out);
        }
        if c.is_alphanumeric() {
            cur.push(c);
        }
    }
    push(&mut cur, &mut out);
    out
}

/// The value of an upper-case Roman numeral made of I, V and X (lampiran
/// numbers up to XXXIX), written the usual way.
fn romawi(s: &str) -> Option<u128> {
    if s.is_empty() || !s.chars().all(|c| matches!(c, 'I' | 'V' | 'X')) {
        return None;
    }
    let nilai = |c| match c {
        'I' => 1,
        'V' => 5,
        _ => 10,
    };
    let cs: Vec<i128> = s.chars().map(nilai).collect();
    let mut n: i128 = 0;
    for (i, &v) in cs.iter().enumerate() {
        if cs.get(i + 1).is_some_and(|&w| w > v) {
            n -= v;
        } else {
            n += v;
        }
    }
    let n = u128::try_from(n).ok()?;
    // only the canonical spelling ("IIII", "VX" are words)
    (n > 0 && n < 40 && tulis_romawi(n) == s).then_some(n)
}

fn tulis_romawi(mut n: u128) -> String {
    let mut s = String::new();
    for (v, t) in [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")] {
        while n >= v {
            s.push_str(t);
            n -= v;
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn urut(mut v: Vec<&str>) -> Vec<&str> {
        v.sort_by(|a, b| banding_nomor(a, b));
        v
    }

    #[test]
    fn nomor_order_is_segment_wise() {
        assert_eq!(
            urut(vec![
                "800/10",
                "800/2",
                "800/2/a",
                "067.2/1779",
                "800/ /DPKPP"
            ]),
            ["067.2/1779", "800/2", "800/2/a", "800/10", "800/ /DPKPP"]
        );
        assert_eq!(
            urut(vec![
                "Lampiran IX Perbup 75/2017",
                "Lampiran II Perbup 75/2017",
                "Lampiran I Perbup 75/2017",
                "Lampiran X Perbup 75/2017",
            ]),
            [
                "Lampiran I Perbup 75/2017",
                "Lampiran II Perbup 75/2017",
                "Lampiran IX Perbup 75/2017",
                "Lampiran X Perbup 75/2017",
            ]
        );
        assert_eq!(banding_nomor("SOP-01", "sop-1"), Ordering::Less);
        assert_eq!(urut(vec!["b", "A", "10", "9"]), ["9", "10", "A", "b"]);
    }

    #[test]
    fn roman_numerals_only_when_canonical() {
        assert_eq!(romawi("XIV"), Some(14));
        assert_eq!(romawi("IIII"), None);
        assert_eq!(romawi("DPKPP"), None);
        assert_eq!(romawi("i"), None);
    }

    #[test]
    fn a_shared_value_or_nothing() {
        assert_eq!(bersama(["a", "a"].into_iter()), "a");
        assert_eq!(bersama(["a", "b"].into_iter()), "");
        assert_eq!(bersama(std::iter::empty()), "");
    }
}
