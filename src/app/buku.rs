//! `sopc buku`: the SOPs of a repository as one book, the *dokumen SOP* of
//! PermenPAN-RB 35/2012. This module decides what goes in: it refuses SOPs
//! with errors, orders the SOPs (by `urutan` in `[buku]`, then by `nomor`
//! segment by segment), takes the cover's facts from the command line,
//! `[buku]` in sopc.toml or what the SOPs share, and reads the keputusan
//! scan and the penjelasan from inside the repository. How the book is
//! printed — and why its daftar isi is right — is [`crate::render::Buku`]'s
//! business.

use crate::app::batch::{self, FileReport, Kemajuan};
use crate::check;
use crate::config::Config;
use crate::diag::{Msg, did_you_mean, suggest};
use crate::model::Sop;
use crate::model::gambar::{Format, Gambar};
use crate::model::nomor::Nomor;
use crate::msg;
use crate::parse::citra;
use crate::parse::repo::{self, LogoMasalah};
use crate::render::{self, Buku, BukuSop, Input, Lampiran};
use crate::sandbox::{Jenis, Root};
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

/// Where the book goes when the command line does not say: `buku.pdf` in
/// the SOP directory (next to the file when `dir` is one SOP file).
pub fn default_output(dir: &Path) -> PathBuf {
    if crate::sandbox::is_dir(dir) {
        dir.join("buku.pdf")
    } else {
        dir.with_file_name("buku.pdf")
    }
}

/// Makes the book of the checked SOPs of `dir` and writes it to `out`, or
/// to [`default_output`] (atomically: a refused or failed book leaves an
/// existing file as it was), reporting each SOP prepared to `kemajuan` for
/// a progress bar.
pub fn buat(
    dir: &Path,
    out: Option<&Path>,
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
    for r in &urut {
        batch::logo_read(sop_of(r), hasil_of(r)).map_err(Gagal::Masukan)?;
    }
    let buku = susun(&urut, config, pilihan, &root)?;
    let renderer = render::Renderer::new(&render::RenderOptions::dari(config));
    kemajuan(Kemajuan::Mulai(buku.sop.len()));
    let hasil = renderer
        .render_buku_dengan(&buku, &|| kemajuan(Kemajuan::Satu))
        .map_err(|e| Gagal::Cetak(e.message))?;
    let out = out.map_or_else(|| default_output(dir), Path::to_owned);
    batch::write_pdf(&out, &hasil.pdf).map_err(Gagal::Cetak)?;
    Ok(Laporan {
        pdf: out,
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

fn hasil_of(r: &FileReport) -> &check::Hasil {
    r.hasil
        .as_ref()
        .expect("SOPs without a check result were refused before")
}

/// The book's parts: the cover from the command line, `[buku]`, or what
/// the SOPs share; the keputusan and penjelasan files.
fn susun<'a>(
    urut: &[&'a FileReport],
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
    let (keputusan, penjelasan) = lampiran_buku(cfg, pilihan, root)?;
    let logo_sampul = match &cfg.logo {
        Some(p) => Some(logo_buku(root, p)?),
        None => logo_bersama(
            urut.iter()
                .map(|r| Input::checked(sop_of(r), hasil_of(r)).logo),
        ),
    };
    Ok(Buku {
        judul: judul_buku(cfg, pilihan),
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
        sop: sop_buku(urut),
    })
}

/// The cover title: "STANDAR OPERASIONAL PROSEDUR", then the book's own
/// title (command line over `[buku] judul`), in capitals.
fn judul_buku(cfg: &crate::config::BukuCfg, pilihan: &Pilihan) -> Vec<String> {
    let mut judul = vec!["STANDAR OPERASIONAL PROSEDUR".to_owned()];
    judul.extend(
        pilihan
            .judul
            .as_ref()
            .or(cfg.judul.as_ref())
            .map(|j| j.trim().to_uppercase())
            .filter(|j| !j.is_empty()),
    );
    judul
}

/// The keputusan scans and the penjelasan text. Paths given on the command
/// line are relative to the working directory, those in `sopc.toml` to the
/// repository root; both are read through the sandbox.
fn lampiran_buku(
    cfg: &crate::config::BukuCfg,
    pilihan: &Pilihan,
    root: &Root,
) -> Result<(Vec<Lampiran>, Option<String>), Gagal> {
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
    Ok((keputusan, penjelasan))
}

/// Every SOP of the book in its order, with what its check resolved (flow
/// graph, JUMLAH, logo) and the links of its keterkaitan to other SOPs of
/// the book.
fn sop_buku<'a>(urut: &[&'a FileReport]) -> Vec<BukuSop<'a>> {
    urut.iter()
        .map(|r| BukuSop {
            input: Input::checked(sop_of(r), hasil_of(r)),
            berkas: r.path.display().to_string(),
            tautan: tautan(&hasil_of(r).tautan, urut),
        })
        .collect()
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
fn logo_bersama<'a>(logo: impl Iterator<Item = Option<&'a Gambar>>) -> Option<Gambar> {
    let mut ada = logo.flatten();
    let pertama = ada.next()?;
    ada.all(|l| l.sama(pertama)).then(|| pertama.clone())
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
            let Msg { id, en } = e.message;
            Gagal::Masukan(msg!(
                "berkas keputusan `{p}`: {id}",
                "the keputusan file `{p}`: {en}"
            ))
        })?;
        return Ok(Lampiran::Pdf { bytes, halaman });
    }
    match Gambar::baca(PathBuf::from(p), bytes).filter(|g| g.format != Format::Svg) {
        Some(g) => {
            citra::periksa(&g.bytes, g.format).map_err(|c| Gagal::Masukan(c.pesan(p)))?;
            Ok(Lampiran::Gambar(g))
        }
        None => Err(Gagal::Masukan(msg!(
            "berkas keputusan `{p}` bukan PDF, PNG atau JPEG; pindai keputusan yang sudah ditandatangani ke salah satu format itu",
            "the keputusan file `{p}` is not a PDF, PNG or JPEG; scan the signed keputusan to one of those formats"
        ))),
    }
}

/// The cover logo named in `[buku]`.
fn logo_buku(root: &Root, p: &str) -> Result<Gambar, Gagal> {
    repo::read_logo(root, root.path(), p).map_err(|m| {
        Gagal::Masukan(match m {
            LogoMasalah::Format => msg!(
                "logo `{p}` di [buku] bukan gambar PNG, JPEG atau SVG",
                "the logo `{p}` in [buku] is not a PNG, JPEG or SVG image"
            ),
            LogoMasalah::Berkas(g) => g.pesan(Path::new(p), Jenis::Logo),
            LogoMasalah::Cacat(c) => c.pesan(p),
        })
    })
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
/// their [`Nomor`].
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
    sisa.sort_by_cached_key(|r| (Nomor::parse(nomor(r)), r.path.clone()));
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_shared_value_or_nothing() {
        assert_eq!(bersama(["a", "a"].into_iter()), "a");
        assert_eq!(bersama(["a", "b"].into_iter()), "");
        assert_eq!(bersama(std::iter::empty()), "");
    }
}
