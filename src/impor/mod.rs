//! `sopc impor`: turn an office's published SOPs back into SOP files of the
//! language, from what their pages print. [`pdf`] reads glyphs and paths,
//! [`geom`] makes words, rules, cells and symbols of them, [`baca`] reads
//! the form (identity, six boxes, procedure rows), [`panah`] the flow, and
//! [`tulis`] writes the YAML with an `# impor:` note beside every guess.
//! [`perintah()`] is the command: one file or a whole folder, written without
//! overwriting, then checked.

pub mod alinea;
pub mod baca;
pub mod citra;
pub mod docx;
pub mod gambar;
pub mod geom;
pub mod panah;
pub mod pdf;
pub mod perintah;
pub mod tulis;

pub use baca::{BukanSop, Dokumen};
pub use perintah::perintah;

use crate::diag::Msg;
use crate::msg;
use crate::sandbox::{Galat, Jenis, Root};
use std::path::Path;

/// Why a file was not imported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Tolak {
    /// A scan: pages without a text layer.
    TanpaTeks,
    /// The procedure table is a picture sopc could not read, or its
    /// letters are drawn as curves: there is no text to read.
    TabelGambar,
    Terenkripsi,
    Rusak,
    BukanSop(BukanSop),
    /// Old binary Word.
    Doc,
    /// A `.docx` that cannot be read, or is over a bound.
    Docx(docx::Cacat),
    JenisLain,
    TerlaluBesar,
    /// The sandbox refused to read it (vanished, not a regular file, a
    /// link out of its repository…): its message, naming the path.
    Berkas(Msg),
}

impl Tolak {
    /// One message saying what to do.
    pub fn pesan(&self) -> Msg {
        match self {
            Tolak::TanpaTeks => msg!(
                "PDF ini tidak memiliki lapisan teks (hasil pindaian); jalankan OCR lebih dulu, misalnya `ocrmypdf -l ind masuk.pdf keluar.pdf`, lalu impor hasilnya",
                "this PDF has no text layer (a scan); run OCR first, e.g. `ocrmypdf -l ind in.pdf out.pdf`, then import the result"
            ),
            Tolak::TabelGambar => msg!(
                "tabel prosedur pada PDF ini berupa gambar yang tidak terbaca oleh sopc (atau hurufnya digambar sebagai kurva); jalankan OCR lebih dulu, misalnya `ocrmypdf --force-ocr -l ind masuk.pdf keluar.pdf`, lalu impor hasilnya",
                "the procedure table in this PDF is a picture sopc could not read (or its letters are drawn as curves); run OCR first, e.g. `ocrmypdf --force-ocr -l ind in.pdf out.pdf`, then import the result"
            ),
            Tolak::Terenkripsi => msg!(
                "PDF ini terenkripsi (berkata sandi); buka dengan kata sandinya dan simpan salinan tanpa enkripsi, lalu impor salinan itu",
                "this PDF is encrypted (password protected); open it with its password and save a copy without encryption, then import that copy"
            ),
            Tolak::Rusak => msg!(
                "berkas ini rusak atau bukan PDF; ekspor ulang dari dokumen aslinya",
                "this file is damaged or not a PDF; export it again from the original document"
            ),
            Tolak::BukanSop(BukanSop::FormatLain) => msg!(
                "dokumen ini SOP dengan format lain (Pengertian/Tujuan/Kebijakan), bukan format Permendagri 52/2011 dengan tabel prosedur dan bagan alir; ketik ulang dengan `sopc new`",
                "this document is an SOP in another format (Pengertian/Tujuan/Kebijakan), not the Permendagri 52/2011 form with a procedure table and flowchart; retype it with `sopc new`"
            ),
            Tolak::BukanSop(BukanSop::TanpaTabel) => msg!(
                "tidak ditemukan tabel prosedur (kolom Kegiatan, Pelaksana, Mutu Baku); dokumen ini bukan SOP dalam format Permendagri 52/2011",
                "no procedure table (columns Kegiatan, Pelaksana, Mutu Baku) was found; this document is not an SOP in the Permendagri 52/2011 form"
            ),
            Tolak::Doc => msg!(
                "berkas .doc (Word lama) tidak dapat dibaca; buka di Word atau LibreOffice dan simpan sebagai .docx atau PDF, lalu impor berkas itu",
                "a .doc file (old Word) cannot be read; open it in Word or LibreOffice and save it as .docx or PDF, then import that file"
            ),
            Tolak::Docx(docx::Cacat::Arsip) => msg!(
                "berkas .docx ini rusak (bukan arsip zip yang terbaca, atau terenkripsi); simpan ulang dari Word atau LibreOffice sebagai .docx tanpa kata sandi",
                "this .docx is damaged (not a readable zip archive, or encrypted); save it again from Word or LibreOffice as a .docx without a password"
            ),
            Tolak::Docx(docx::Cacat::TanpaDokumen) => msg!(
                "arsip ini tidak memuat word/document.xml, jadi bukan dokumen Word; simpan ulang dari Word atau LibreOffice sebagai .docx",
                "this archive holds no word/document.xml, so it is not a Word document; save it again from Word or LibreOffice as .docx"
            ),
            Tolak::Docx(docx::Cacat::Berlebihan) => msg!(
                "berkas .docx ini melampaui batas yang dibaca sopc (jumlah entri arsip, ukuran dokumen setelah diekstrak, atau kedalaman susunan); satu SOP tidak sebesar itu",
                "this .docx is over what sopc reads (archive entries, document size once inflated, or nesting depth); one SOP is not that large"
            ),
            Tolak::Docx(docx::Cacat::Xml) => msg!(
                "word/document.xml dalam berkas .docx ini rusak (XML tidak sah); simpan ulang dari Word atau LibreOffice",
                "word/document.xml in this .docx is damaged (invalid XML); save it again from Word or LibreOffice"
            ),
            Tolak::JenisLain => msg!(
                "hanya berkas PDF dan DOCX yang dapat diimpor",
                "only PDF and DOCX files can be imported"
            ),
            Tolak::TerlaluBesar => msg!(
                "berkas lebih besar dari 64 MB; ini bukan satu SOP",
                "the file is larger than 64 MB; this is not one SOP"
            ),
            Tolak::Berkas(m) => m.clone(),
        }
    }
}

/// Reads one SOP from the bytes of a PDF.
pub fn dari_pdf(bytes: &[u8]) -> Result<Dokumen, Tolak> {
    // hayro is built to survive hostile files; a panic inside it still must
    // not take a whole batch down.
    let read = std::panic::catch_unwind(|| pdf::read(bytes)).map_err(|_| Tolak::Rusak)?;
    let pages = read.map_err(|e| match e {
        pdf::ReadError::Encrypted => Tolak::Terenkripsi,
        pdf::ReadError::Damaged | pdf::ReadError::NoPages => Tolak::Rusak,
    })?;
    let sheets: Vec<geom::Sheet> = pages.iter().map(geom::Sheet::of).collect();
    let glyphs: usize = sheets.iter().map(|s| s.glyphs).sum();
    if glyphs < 20 {
        return Err(Tolak::TanpaTeks);
    }
    // more pictures than a logo and a QR code on each page, or letters
    // drawn as curves: the table is there, but not as text
    let images: usize = sheets.iter().map(|s| s.images).sum();
    let gambar = images > sheets.len() + 1
        || pages.iter().any(|p| p.large_pictures > 0)
        || sheets.iter().map(|s| s.letter_outlines).sum::<usize>() > 300;
    match baca::baca(&sheets) {
        // the pictures are decoded only now, on a second reading
        Err(BukanSop::TanpaTabel) if pages.iter().any(|p| p.large_pictures > 0) => {
            let mut pages = std::panic::catch_unwind(|| pdf::read_with_pictures(bytes))
                .ok()
                .and_then(Result::ok)
                .ok_or(Tolak::Rusak)?;
            if pages.iter().all(|p| p.pictures.is_empty()) {
                return Err(Tolak::TabelGambar);
            }
            // the lexicon of its letters: the words of the text already read
            let kamus = citra::Kamus::dengan(
                sheets
                    .iter()
                    .flat_map(|s| s.words.iter().map(|w| w.text.as_str())),
            );
            dari_gambar(&mut pages, &kamus)
        }
        // a text table with rows whose symbols or arrows were not found,
        // and pictures on its pages: its flowchart may be drawn as pictures
        Ok(d) if belum_terbaca(&d) > 0 && images > 0 => Ok(bagan_gambar(bytes, d)),
        r => r.map_err(|b| match b {
            BukanSop::TanpaTabel if gambar => Tolak::TabelGambar,
            b => Tolak::BukanSop(b),
        }),
    }
}

/// Rows of `d` with no symbol, and decision exits with no target or only
/// an inferred one.
fn belum_terbaca(d: &Dokumen) -> usize {
    d.langkah
        .iter()
        .map(|b| {
            usize::from(b.simbol.is_empty())
                + b.keputusan.as_ref().map_or(0, |k| {
                    usize::from(k.ya.is_none())
                        + usize::from(k.tidak.is_none())
                        + usize::from(k.disimpulkan)
                })
        })
        .sum()
}

/// `d`, read from a text table some of whose rows lack their symbols or
/// arrows, read again with the pictures of its pages laid over it as the
/// lines and symbols they show (a flowchart pasted as one picture over the
/// table, or each connector a small picture); the second reading is kept
/// only when it finds more of the flow, and its steps are marked for review.
fn bagan_gambar(bytes: &[u8], d: Dokumen) -> Dokumen {
    let Some(Ok(mut pages)) = std::panic::catch_unwind(|| pdf::read_with_drawings(bytes)).ok()
    else {
        return d;
    };
    // the text is the page's own: only the drawing is read
    let halaman = lapiskan(&mut pages, Lapis::Bagan).halaman;
    if halaman.is_empty() {
        return d;
    }
    let sheets: Vec<geom::Sheet> = pages.iter().map(geom::Sheet::of).collect();
    let Ok(mut lagi) = baca::baca(&sheets) else {
        return d;
    };
    if belum_terbaca(&lagi) >= belum_terbaca(&d) || lagi.langkah.len() < d.langkah.len() {
        return d;
    }
    tandai(
        &mut lagi,
        format!(
            "bagan alir halaman {} berupa gambar: simbol dan panah dikenali dari piksel; periksa pelaksana dan alurnya dengan PDF aslinya",
            daftar(&halaman)
        ),
        "bagan alir dari gambar: periksa pelaksana dan alurnya",
    );
    lagi
}

/// Pages by their numbers: "2, 3".
fn daftar(halaman: &[usize]) -> String {
    let hal: Vec<String> = halaman.iter().map(|h| h.to_string()).collect();
    hal.join(", ")
}

/// Notes on `d` as a whole and on every one of its steps: what was read
/// from pixels, for a staffer to check.
fn tandai(d: &mut Dokumen, dokumen: String, langkah: &str) {
    d.catatan.push(dokumen);
    for b in &mut d.langkah {
        b.catatan.push(langkah.to_owned());
    }
}

/// The text holds no procedure table but the pages carry pictures: read
/// the pictures ([`citra`]) into the pages as the glyphs and paths they
/// show, and the form again. Every step read so is marked for review.
fn dari_gambar(pages: &mut [pdf::Page], kamus: &citra::Kamus) -> Result<Dokumen, Tolak> {
    let Lapisan {
        halaman,
        huruf,
        ragu,
    } = lapiskan(pages, Lapis::Tabel(kamus));
    let sheets: Vec<geom::Sheet> = pages.iter().map(geom::Sheet::of).collect();
    let mut d = baca::baca(&sheets).map_err(|_| Tolak::TabelGambar)?;
    tandai(
        &mut d,
        format!(
            "tabel prosedur dibaca dari gambar (halaman {}): teks, simbol dan panah dikenali dari piksel ({ragu} dari {huruf} huruf tidak yakin); periksa setiap langkah dengan PDF aslinya",
            daftar(&halaman)
        ),
        "dibaca dari gambar: periksa teks, pelaksana dan alurnya",
    );
    Ok(d)
}

/// What the pictures of a page are read for.
#[derive(Clone, Copy)]
enum Lapis<'a> {
    /// A table pasted as pictures: their letters (with the lexicon of the
    /// document's words) and drawing, pictures pasted one below the other
    /// joined first.
    Tabel(&'a citra::Kamus),
    /// A flowchart drawn as pictures over a text table: their drawing only.
    Bagan,
}

/// What [`lapiskan`] laid over the pages: on which (numbered from 1), and
/// how many letters were read, how many of them unsure.
struct Lapisan {
    halaman: Vec<usize>,
    huruf: usize,
    ragu: usize,
}

/// Reads the decoded pictures of `pages` ([`citra`]) and lays what they
/// show over each page as its glyphs and paths.
fn lapiskan(pages: &mut [pdf::Page], lapis: Lapis) -> Lapisan {
    let mut hasil = Lapisan {
        halaman: Vec::new(),
        huruf: 0,
        ragu: 0,
    };
    for (i, p) in pages.iter_mut().enumerate() {
        let pictures = std::mem::take(&mut p.pictures);
        let pictures = match lapis {
            Lapis::Tabel(_) => citra::sambung(pictures),
            Lapis::Bagan => pictures,
        };
        for g in pictures {
            // a hostile picture must not take a whole batch down
            let Ok(h) = std::panic::catch_unwind(|| match lapis {
                Lapis::Tabel(kamus) => citra::baca(&g.raster, g.ke_halaman, kamus),
                Lapis::Bagan => citra::bentuk(&g.raster, g.ke_halaman),
            }) else {
                continue;
            };
            if h.glyphs.is_empty() && h.paths.is_empty() {
                continue;
            }
            hasil.huruf += h.huruf;
            hasil.ragu += h.ragu;
            p.glyphs.extend(h.glyphs);
            p.paths.extend(h.paths);
            if hasil.halaman.last() != Some(&(i + 1)) {
                hasil.halaman.push(i + 1);
            }
        }
    }
    hasil
}

/// Reads one SOP from the bytes of a `.docx`.
pub fn dari_docx(bytes: &[u8]) -> Result<Dokumen, Tolak> {
    // zip and quick-xml return errors on hostile input; a panic inside
    // either still must not take a whole batch down.
    let read = std::panic::catch_unwind(|| docx::baca(bytes))
        .map_err(|_| Tolak::Docx(docx::Cacat::Arsip))?;
    read.map_err(Tolak::Docx)?.map_err(Tolak::BukanSop)
}

/// Reads one SOP from a file named on the command line, by what its bytes
/// are (not only its name). The file is judged as the sandbox judges any
/// named path: a link is followed only while it stays in the repository
/// the name lies in.
pub fn dari_berkas(path: &Path) -> Result<Dokumen, Tolak> {
    let root = Root::of_named(path).map_err(|g| tolak_berkas(g, path))?;
    dari_berkas_di(&root, path)
}

/// Reads one SOP from a file of the folder whose repository is `root`.
pub fn dari_berkas_di(root: &Root, path: &Path) -> Result<Dokumen, Tolak> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    let bytes = root
        .read(path, Jenis::Impor)
        .map_err(|g| tolak_berkas(g, path))?;
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) || ext == "doc" {
        return Err(Tolak::Doc);
    }
    if ext == "docx" || bytes.starts_with(b"PK\x03\x04") {
        return dari_docx(&bytes);
    }
    let head = &bytes[..bytes.len().min(1024)];
    if !head.windows(5).any(|w| w == b"%PDF-") {
        return Err(if ext == "pdf" {
            Tolak::Rusak
        } else {
            Tolak::JenisLain
        });
    }
    dari_pdf(&bytes)
}

fn tolak_berkas(g: Galat, path: &Path) -> Tolak {
    match g {
        Galat::TerlaluBesar { .. } => Tolak::TerlaluBesar,
        g => Tolak::Berkas(g.pesan(path, Jenis::Impor)),
    }
}
