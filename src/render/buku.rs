//! `sopc buku`'s back end: the *dokumen SOP* of PermenPAN-RB 35/2012 as one
//! PDF — halaman judul, the scanned keputusan, daftar isi, penjelasan, then
//! every SOP as `sopc build` prints it.
//!
//! The book is printed **one part at a time**, so that its memory does not
//! grow with its size (one Typst compilation of a 614-page book held 4.8 GB):
//!
//! 1. every SOP, on the workers of a batch ([`pool::map`]): its measuring
//!    pass and page plan as in `sopc build`, then its printing pass with
//!    the book's number of its first page ([`Giliran`]: that number is
//!    known once the SOP before it is laid out, so the printing passes take
//!    turns in the book's order while the measuring passes run ahead), its
//!    rows checked against its plan, and its PDF;
//! 2. the front matter (`templates/buku.typ`), whose daftar isi takes each
//!    SOP's page from step 1 and each front part's page from Typst's own
//!    page counter;
//! 3. the binding ([`super::jilid`]): one PDF of all the pages, with the
//!    page labels, bookmarks and links that span the parts.
//!
//! Only one compilation per core is alive at any time; what is kept is each
//! SOP's PDF and text until the binding.
//!
//! Numbering: the front matter counts i, ii, … (the number is printed on
//! the daftar isi and penjelasan, not on the cover or the scanned
//! keputusan); the SOPs count 1, 2, … from the first lembar pengesahan, as
//! in a printed book. The PDF's page labels follow the same numbering, so
//! a viewer's "page 3" is printed page 3.

use super::data::Anchor;
use super::engine::{self, Berkas, Template};
use super::jilid::{self, Jilid, Tanda};
use super::markdown::{self, Teks};
use super::measure::salah_tata_letak;
use super::{Bagian, CACHE_AGE, Input, RenderError, Renderer, Siap, data, pool};
use crate::diag::Msg;
use crate::model::gambar::Gambar;
use crate::msg;
use crate::paper::Sheet;
use serde::Serialize;
use std::sync::{Condvar, Mutex, PoisonError};

/// What goes into the book.
#[derive(Clone, Debug, Default)]
pub struct Buku<'a> {
    /// Lines of the title, e.g. `["STANDAR OPERASIONAL PROSEDUR",
    /// "SEKRETARIAT DAERAH"]`.
    pub judul: Vec<String>,
    pub pemerintah: String,
    pub instansi: String,
    pub tahun: Option<i32>,
    pub logo: Option<Gambar>,
    /// The signed keputusan pimpinan, scanned: PDFs and images, in order.
    pub keputusan: Vec<Lampiran>,
    /// The penjelasan (inline Markdown); `None` for sopc's own text with
    /// the legend of the flowchart symbols.
    pub penjelasan: Option<String>,
    /// The SOPs, in the order of the book.
    pub sop: Vec<BukuSop<'a>>,
}

/// One checked SOP of the book.
#[derive(Clone, Debug)]
pub struct BukuSop<'a> {
    pub input: Input<'a>,
    /// Its file, as messages name it ("" when it has none).
    pub berkas: String,
    /// `keterkaitan` entries naming an SOP of the book: (entry, that SOP's
    /// index in the book). They link to it.
    pub tautan: Vec<(usize, usize)>,
}

/// A scanned document placed whole, one page per sheet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Lampiran {
    /// A PDF and its number of pages (see [`halaman_pdf`]).
    Pdf { bytes: Vec<u8>, halaman: usize },
    /// A PNG or JPEG image: one page.
    Gambar(Gambar),
}

/// The book, with what tests and the CLI may look at.
#[derive(Clone, Debug)]
pub struct RenderedBook {
    pub pdf: Vec<u8>,
    /// The text of each page as laid out.
    pub teks: Vec<String>,
    /// Pages before the first SOP (cover, keputusan, daftar isi, penjelasan).
    pub halaman_depan: usize,
    /// Index (from 0) of the page of each SOP's lembar pengesahan.
    pub halaman_sop: Vec<usize>,
    /// Every link inside the book: (page it is on, page it leads to).
    pub tautan: Vec<(usize, usize)>,
    pub peringatan: Vec<Msg>,
}

/// The number of pages of a PDF, or why Typst could not place it.
pub fn halaman_pdf(bytes: &[u8]) -> Result<usize, RenderError> {
    let tolak = |sebab: &str, reason: &str| {
        RenderError::from(msg!(
            "berkas PDF tidak dapat dibaca ({sebab})",
            "the PDF file cannot be read ({reason})"
        ))
    };
    match hayro_syntax::Pdf::new(std::sync::Arc::new(bytes.to_vec())) {
        Ok(pdf) if !pdf.pages().is_empty() => {
            use crate::parse::citra::{Cacat, MAX_PDF_TERURAI, MAX_PIKSEL};
            crate::parse::citra::periksa_pdf(&pdf).map_err(|c| match c {
                Cacat::TerlaluBesar { lebar, tinggi } => {
                    let juta = MAX_PIKSEL / 1_000_000;
                    tolak(
                        &format!("memuat gambar {lebar}×{tinggi} piksel, melebihi batas {juta} juta piksel"),
                        &format!("it holds a {lebar}×{tinggi} pixel image, over the limit of {juta} million pixels"),
                    )
                }
                _ => {
                    let mib = MAX_PDF_TERURAI / (1024 * 1024);
                    tolak(
                        &format!("isinya setelah diurai melebihi batas {mib} MiB"),
                        &format!("its content decodes to more than {mib} MiB"),
                    )
                }
            })?;
            Ok(pdf.pages().len())
        }
        Ok(_) => Err(tolak("tidak ada halaman", "it has no pages")),
        Err(hayro_syntax::LoadPdfError::Decryption(_)) => {
            Err(tolak("terenkripsi", "it is encrypted"))
        }
        Err(_) => Err(tolak("rusak atau bukan PDF", "damaged or not a PDF")),
    }
}

/// The data of the front matter's compilation (`templates/buku.typ`).
#[derive(Serialize)]
struct DataBuku<'a> {
    /// Paper of the front matter (portrait).
    depan: Sheet,
    huruf: &'a [String],
    judul: String,
    penulis: String,
    sampul: Sampul,
    keputusan: Vec<HalamanLampiran>,
    penjelasan: Teks,
    /// The legend of the flowchart symbols (with sopc's own penjelasan).
    legenda: bool,
    bagian: JudulBagian,
    sop: Vec<EntriDaftar<'a>>,
}

/// The titles of the front parts, in the daftar isi and the bookmarks.
#[derive(Serialize)]
struct JudulBagian {
    keputusan: &'static str,
    daftar_isi: &'static str,
    penjelasan: &'static str,
}

const JUDUL_BAGIAN: JudulBagian = JudulBagian {
    keputusan: "Keputusan Penetapan Standar Operasional Prosedur",
    daftar_isi: "Daftar Isi",
    penjelasan: "Penjelasan",
};

/// One SOP in the daftar isi.
#[derive(Serialize)]
struct EntriDaftar<'a> {
    nomor: &'a str,
    nama: &'a str,
    /// The book's number of its first page.
    halaman: usize,
}

#[derive(Serialize)]
struct Sampul {
    judul: Vec<String>,
    pemerintah: String,
    instansi: String,
    tahun: String,
    logo: Option<String>,
}

#[derive(Serialize)]
struct HalamanLampiran {
    path: String,
    /// The page of a PDF (from 1); `None` for an image.
    halaman: Option<usize>,
}

/// One SOP of the book, printed.
struct SopTercetak {
    nomor: String,
    nama: String,
    pdf: Vec<u8>,
    /// The text of each page.
    teks: Vec<String>,
    peringatan: Vec<Msg>,
}

/// The front matter, printed.
struct DepanTercetak {
    pdf: Vec<u8>,
    teks: Vec<String>,
    /// Its parts' bookmarks.
    tanda: Vec<Tanda>,
    peringatan: Vec<Msg>,
}

/// The SOPs' turns to print. An SOP's printing pass needs the book's number
/// of its first page, known once every SOP before it is laid out: each
/// waits for its turn (its measuring pass done meanwhile), and passes the
/// turn on with its number of pages as soon as it is laid out.
#[derive(Default)]
struct Giliran {
    /// The index of the SOP whose turn it is, and the pages before it.
    keadaan: Mutex<(usize, usize)>,
    berganti: Condvar,
}

/// SOP `i`'s place in the [`Giliran`]. Dropping it passes the turn on (when
/// the SOP failed, with no pages), so no SOP waits forever for one that
/// could not be printed.
struct GiliranSop<'a> {
    giliran: &'a Giliran,
    i: usize,
    halaman: usize,
}

impl Giliran {
    fn sop(&self, i: usize) -> GiliranSop<'_> {
        GiliranSop {
            giliran: self,
            i,
            halaman: 0,
        }
    }
}

impl GiliranSop<'_> {
    /// Waits for this SOP's turn; the book's number of its first page.
    fn tunggu(&self) -> usize {
        let g = self.giliran;
        let k = g.keadaan.lock().unwrap_or_else(PoisonError::into_inner);
        let k = g
            .berganti
            .wait_while(k, |(giliran, _)| *giliran != self.i)
            .unwrap_or_else(PoisonError::into_inner);
        k.1 + 1
    }
}

impl Drop for GiliranSop<'_> {
    fn drop(&mut self) {
        self.tunggu();
        let g = self.giliran;
        let mut k = g.keadaan.lock().unwrap_or_else(PoisonError::into_inner);
        *k = (self.i + 1, k.1 + self.halaman);
        g.berganti.notify_all();
    }
}

/// The images of one compilation under `/gambar/N.ext`, each distinct file
/// once (most SOPs of a repository share a logo).
#[derive(Default)]
struct DaftarBerkas {
    berkas: Vec<Berkas>,
}

impl DaftarBerkas {
    fn tambah(&mut self, bytes: &[u8], ekstensi: &str) -> &Berkas {
        let i = match self
            .berkas
            .iter()
            .position(|b| b.path.ends_with(ekstensi) && b.bytes == bytes)
        {
            Some(i) => i,
            None => {
                let path = format!("/gambar/{}.{ekstensi}", self.berkas.len());
                self.berkas.push(Berkas {
                    path,
                    bytes: bytes.to_vec(),
                });
                self.berkas.len() - 1
            }
        };
        &self.berkas[i]
    }

    fn gambar(&mut self, g: &Gambar) -> &Berkas {
        self.tambah(&g.bytes, g.format.ekstensi())
    }
}

impl Renderer {
    /// The book of `buku.sop`, in that order.
    pub fn render_buku(&self, buku: &Buku) -> Result<RenderedBook, RenderError> {
        self.render_buku_dengan(buku, &|| {})
    }

    /// [`Self::render_buku`], calling `done` after each SOP printed (from
    /// any thread), for a progress bar.
    pub fn render_buku_dengan(
        &self,
        buku: &Buku,
        done: &(dyn Fn() + Sync),
    ) -> Result<RenderedBook, RenderError> {
        self.periksa_huruf()?;
        let hasil = self.render_buku_dalam(buku, done);
        engine::evict(0);
        hasil
    }

    fn render_buku_dalam(
        &self,
        buku: &Buku,
        done: &(dyn Fn() + Sync),
    ) -> Result<RenderedBook, RenderError> {
        let sop = self.cetak_sop_sop(buku, done)?;
        // The book's number of each SOP's first page, less one.
        let awal: Vec<usize> = sop
            .iter()
            .scan(0, |n, s| {
                let a = *n;
                *n += s.teks.len();
                Some(a)
            })
            .collect();
        let depan = pool::run(|| {
            let d = self.cetak_depan(buku, &sop, &awal);
            engine::evict(CACHE_AGE);
            d
        })?;
        let halaman_depan = depan.teks.len();
        let halaman_sop: Vec<usize> = awal.iter().map(|a| halaman_depan + a).collect();
        let mut jilid = Jilid::baru(&depan.pdf)?;
        let (mut teks, mut tanda, mut peringatan) = (depan.teks, depan.tanda, depan.peringatan);
        for (s, &h) in sop.into_iter().zip(&halaman_sop) {
            jilid.tambah(&s.pdf)?;
            tanda.push(Tanda {
                judul: format!("{} ({})", s.nama, s.nomor),
                halaman: h,
            });
            teks.extend(s.teks);
            peringatan.extend(s.peringatan);
        }
        let buku_jadi = jilid.selesai(halaman_depan, &tanda, &halaman_sop)?;
        Ok(RenderedBook {
            pdf: buku_jadi.pdf,
            teks,
            halaman_depan,
            halaman_sop,
            tautan: buku_jadi.tautan,
            peringatan,
        })
    }

    /// Every SOP of the book printed on its own, one per core at a time, in
    /// the book's page numbering.
    fn cetak_sop_sop(
        &self,
        buku: &Buku,
        done: &(dyn Fn() + Sync),
    ) -> Result<Vec<SopTercetak>, RenderError> {
        let giliran = Giliran::default();
        let n = buku.sop.len();
        let urut: Vec<(usize, &BukuSop)> = buku.sop.iter().enumerate().collect();
        pool::map(&urut, |&(i, s)| {
            let mut giliran = giliran.sop(i);
            let hasil = self.cetak_sop(s, n, &mut giliran);
            drop(giliran);
            engine::evict(CACHE_AGE);
            done();
            hasil.map_err(|e| sebut_sop(e, s))
        })
        .into_iter()
        .collect()
    }

    /// One SOP of the book: measured and planned, then printed when its
    /// turn comes, with the number of its first page.
    fn cetak_sop(
        &self,
        s: &BukuSop,
        n: usize,
        giliran: &mut GiliranSop,
    ) -> Result<SopTercetak, RenderError> {
        let input = s.input;
        let logo = input.logo.map(super::berkas_logo);
        let mut siap = self.siapkan(input, logo.as_ref(), Bagian::Lengkap)?;
        // The measuring pass's memoised layouts are of no use to the print.
        engine::evict(CACHE_AGE);
        tautkan(s, &mut siap, n);
        let (nomor, nama) = (siap.identitas.nomor.clone(), siap.identitas.nama.clone());
        let awal = giliran.tunggu();
        let cetak = self.cetak(input.sop, siap, logo, Bagian::Lengkap, Some(awal))?;
        giliran.halaman = cetak.doc.halaman();
        Ok(SopTercetak {
            nomor,
            nama,
            pdf: cetak.doc.pdf(super::ident(input.sop), false)?,
            teks: cetak.doc.teks(),
            peringatan: cetak.peringatan,
        })
    }

    /// The front matter: cover, keputusan, daftar isi (with the SOPs' pages
    /// from `awal`), penjelasan.
    fn cetak_depan(
        &self,
        buku: &Buku,
        sop: &[SopTercetak],
        awal: &[usize],
    ) -> Result<DepanTercetak, RenderError> {
        let mut gambar = DaftarBerkas::default();
        let data = self.data_buku(buku, sop, awal, &mut gambar);
        let (doc, peringatan) = self.engine.compile(Template::Buku, &data, gambar.berkas)?;
        let bagian = doc.penanda(Anchor::BukuBagian);
        let judul = [
            Some(JUDUL_BAGIAN.keputusan).filter(|_| !buku.keputusan.is_empty()),
            Some(JUDUL_BAGIAN.daftar_isi),
            Some(JUDUL_BAGIAN.penjelasan),
        ];
        let judul: Vec<&str> = judul.into_iter().flatten().collect();
        if bagian.len() != judul.len() {
            return Err(salah_tata_letak(
                "penanda bagian buku hilang",
                "anchors of the book's parts missing",
            ));
        }
        let tanda = judul
            .iter()
            .zip(&bagian)
            .map(|(j, p)| Tanda {
                judul: (*j).to_owned(),
                halaman: p.halaman,
            })
            .collect();
        Ok(DepanTercetak {
            pdf: doc.pdf(format!("sopc-buku:{}", data.judul), false)?,
            teks: doc.teks(),
            tanda,
            peringatan,
        })
    }

    fn data_buku<'a>(
        &'a self,
        buku: &Buku,
        sop: &'a [SopTercetak],
        awal: &[usize],
        gambar: &mut DaftarBerkas,
    ) -> DataBuku<'a> {
        let keputusan = buku
            .keputusan
            .iter()
            .flat_map(|k| match k {
                Lampiran::Pdf { bytes, halaman } => {
                    let p = gambar.tambah(bytes, "pdf").path.clone();
                    (1..=*halaman)
                        .map(|h| HalamanLampiran {
                            path: p.clone(),
                            halaman: Some(h),
                        })
                        .collect::<Vec<_>>()
                }
                Lampiran::Gambar(g) => vec![HalamanLampiran {
                    path: gambar.gambar(g).path.clone(),
                    halaman: None,
                }],
            })
            .collect();
        let judul_dokumen = std::iter::once(buku.judul.join(" "))
            .chain([buku.instansi.clone(), buku.pemerintah.clone()])
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" — ");
        DataBuku {
            depan: self.kertas.front_matter(),
            huruf: self.engine.keluarga(),
            judul: judul_dokumen,
            penulis: [&buku.instansi, &buku.pemerintah]
                .into_iter()
                .find(|s| !s.is_empty())
                .cloned()
                .unwrap_or_default(),
            sampul: Sampul {
                judul: buku.judul.clone(),
                pemerintah: buku.pemerintah.clone(),
                instansi: buku.instansi.clone(),
                tahun: buku.tahun.map(|t| t.to_string()).unwrap_or_default(),
                logo: buku.logo.as_ref().map(|g| gambar.gambar(g).path.clone()),
            },
            keputusan,
            penjelasan: markdown::markdown(
                buku.penjelasan
                    .as_deref()
                    .unwrap_or(&penjelasan_bawaan(buku)),
            ),
            legenda: buku.penjelasan.is_none(),
            bagian: JUDUL_BAGIAN,
            sop: sop
                .iter()
                .zip(awal)
                .map(|(s, a)| EntriDaftar {
                    nomor: &s.nomor,
                    nama: &s.nama,
                    halaman: a + 1,
                })
                .collect(),
        }
    }
}

/// Links the `keterkaitan` entries of one SOP to the SOPs they name.
fn tautkan(s: &BukuSop, siap: &mut Siap, n: usize) {
    let Some(kotak) = siap
        .identitas
        .kotak
        .iter_mut()
        .find(|k| k.judul == data::KETERKAITAN)
    else {
        return;
    };
    let Some(markdown::Blok::L { i: butir, .. }) = kotak.isi.first_mut() else {
        return;
    };
    for &(entri, sop) in &s.tautan {
        if let Some(b) = butir.get_mut(entri).filter(|_| sop < n) {
            markdown::tautkan(b, &jilid::alamat_sop(sop));
        }
    }
}

/// Names the SOP an error is about: its file, else its nama.
fn sebut_sop(e: RenderError, s: &BukuSop) -> RenderError {
    let nama = s.input.sop.nama.as_ref().map_or("", |n| n.as_str());
    let Msg { id, en } = e.message;
    if s.berkas.is_empty() {
        msg!("SOP {nama}: {id}", "SOP {nama}: {en}").into()
    } else {
        let f = &s.berkas;
        msg!("{f} (SOP {nama}): {id}", "{f} (SOP {nama}): {en}").into()
    }
}

/// sopc's penjelasan: what the book holds and how to read an SOP.
fn penjelasan_bawaan(buku: &Buku) -> String {
    let n = buku.sop.len();
    let milik = match (buku.instansi.as_str(), buku.pemerintah.as_str()) {
        ("", "") => String::new(),
        ("", p) => format!(" di lingkungan {p}"),
        (i, "") => format!(" pada {i}"),
        (i, p) => format!(" pada {i} {p}"),
    };
    format!(
        "Dokumen ini memuat {n} Standar Operasional Prosedur (SOP){milik}. \
         SOP adalah serangkaian instruksi tertulis yang dibakukan mengenai \
         berbagai proses penyelenggaraan aktivitas organisasi, bagaimana dan \
         kapan harus dilakukan, di mana dan oleh siapa dilakukan (Peraturan \
         Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor \
         35 Tahun 2012).\n\n\
         Setiap SOP terdiri atas dua bagian:\n\n\
         1. **Lembar pengesahan**: nomor SOP, tanggal pembuatan, revisi dan \
         efektif, pengesahan oleh pimpinan, nama SOP, dasar hukum, \
         kualifikasi pelaksana, keterkaitan, peralatan/perlengkapan, \
         peringatan, serta pencatatan dan pendataan.\n\
         2. **Diagram alir prosedur**: setiap langkah kegiatan, pelaksananya, \
         dan mutu baku (kelengkapan, waktu, *output*), dengan jumlah waktu \
         pada baris terakhir.\n\n\
         SOP disusun menurut nomornya; halaman bagian awal diberi nomor \
         romawi kecil dan halaman SOP diberi nomor angka mulai dari 1."
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The printing passes take turns in the book's order, each starting
    /// where the one before ended, whatever order the workers reach them
    /// in; an SOP that fails passes its turn on with no pages.
    #[test]
    fn turns_give_each_sop_its_first_page_in_book_order() {
        let giliran = Giliran::default();
        let halaman = [2, 3, 0, 1, 4];
        let gagal = 2;
        let awal: Vec<Option<usize>> = std::thread::scope(|s| {
            let handles: Vec<_> = (0..halaman.len())
                .rev()
                .map(|i| {
                    let giliran = &giliran;
                    s.spawn(move || {
                        let mut g = giliran.sop(i);
                        if i == gagal {
                            return None; // dropped without printing
                        }
                        let awal = g.tunggu();
                        g.halaman = halaman[i];
                        Some(awal)
                    })
                })
                .collect();
            let mut awal: Vec<_> = handles.into_iter().map(|h| h.join().unwrap()).collect();
            awal.reverse();
            awal
        });
        assert_eq!(awal, [Some(1), Some(3), None, Some(6), Some(7)]);
        assert_eq!(*giliran.keadaan.lock().unwrap(), (5, 10));
    }
}
