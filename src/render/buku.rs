//! `sopc buku`'s back end: the *dokumen SOP* of PermenPAN-RB 35/2012 as one
//! PDF — halaman judul, the scanned keputusan, daftar isi, penjelasan, then
//! every SOP as `sopc build` prints it.
//!
//! The book is **one Typst document**, not PDFs glued together. Each SOP
//! first gets its measuring pass and page plan exactly as in a single build
//! (in parallel over SOPs); then one compilation of `templates/buku.typ`
//! prints every part. Each SOP starts on a page of its own with the same
//! paper, margins and styles, so its pages lay out as in `sopc build`, and
//! the rows are checked against each SOP's plan as there. The page numbers
//! in the daftar isi come from Typst's page counter at an anchor on each
//! part's first page; Typst iterates the layout until they are stable (a
//! layout that does not settle is an error), so the daftar isi is right by
//! construction, however many pages it takes itself. Here sopc reads the
//! anchors back to report where each SOP starts.
//!
//! Numbering: the front matter counts i, ii, … (the number is printed on
//! the daftar isi and penjelasan, not on the cover or the scanned
//! keputusan); the SOPs count 1, 2, … from the first lembar pengesahan, as
//! in a printed book. The PDF's page labels follow the same numbering, so
//! a viewer's "page 3" is printed page 3.

use super::data::Anchor;
use super::engine::{self, Berkas, Dokumen, Template};
use super::markdown::{self, Teks};
use super::measure::{periksa_baris, salah_tata_letak};
use super::{Input, RenderError, Renderer, Siap, data, pool};
use crate::model::Status;
use crate::model::gambar::Gambar;
use crate::msg;
use crate::paper::Sheet;
use serde::Serialize;

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
    pub peringatan: Vec<crate::diag::Msg>,
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

#[derive(Serialize)]
struct DataBuku<'a> {
    /// Paper of the SOP pages, and of the front matter (portrait).
    kertas: Sheet,
    depan: Sheet,
    huruf: &'a [String],
    judul: String,
    penulis: String,
    sampul: Sampul,
    keputusan: Vec<HalamanLampiran>,
    penjelasan: Teks,
    /// The legend of the flowchart symbols (with sopc's own penjelasan).
    legenda: bool,
    sop: Vec<SopCetak<'a>>,
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

#[derive(Serialize)]
struct SopCetak<'a> {
    draf: bool,
    identitas: &'a data::Identitas,
    prosedur: &'a data::Prosedur,
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

    /// [`Self::render_buku`], calling `done` after each SOP prepared (from
    /// any thread), for a progress bar.
    pub fn render_buku_dengan(
        &self,
        buku: &Buku,
        done: &(dyn Fn() + Sync),
    ) -> Result<RenderedBook, RenderError> {
        self.periksa_huruf()?;
        let hasil = self.render_buku_dalam(buku, done);
        engine::evict(10);
        hasil
    }

    fn render_buku_dalam(
        &self,
        buku: &Buku,
        done: &(dyn Fn() + Sync),
    ) -> Result<RenderedBook, RenderError> {
        let mut gambar = DaftarBerkas::default();
        let logo_sop: Vec<Option<Berkas>> = buku
            .sop
            .iter()
            .map(|s| s.input.logo.map(|l| gambar.gambar(l).clone()))
            .collect();
        let sop: Vec<_> = buku.sop.iter().zip(logo_sop).collect();
        let mut siap: Vec<Siap> = pool::map(&sop, |(s, logo)| {
            let siap = self.siapkan(s.input, logo.as_ref(), super::Bagian::Lengkap);
            engine::evict(10);
            done();
            siap
        })
        .into_iter()
        .enumerate()
        .map(|(i, s)| s.map_err(|e| sebut_sop(e, buku, &[i])))
        .collect::<Result<_, _>>()?;
        for (s, siap) in buku.sop.iter().zip(&mut siap) {
            tautkan(s, siap, buku.sop.len());
        }
        // The measuring passes' memoized layouts are of no use to the book's
        // compilation; a book of hundreds of SOPs would carry them all.
        engine::evict(0);
        let data = self.data_buku(buku, &siap, &mut gambar);
        pool::run(|| self.cetak_buku(buku, &siap, &data, gambar.berkas))
    }

    /// The book's one compilation, its checks and its PDF.
    fn cetak_buku(
        &self,
        buku: &Buku,
        siap: &[Siap],
        data: &DataBuku,
        berkas: Vec<Berkas>,
    ) -> Result<RenderedBook, RenderError> {
        let (doc, w) = self.engine.compile(Template::Buku, data, berkas)?;
        // The document is all that is left to read; the compilation's
        // memoised layouts would otherwise stay alive through the export.
        engine::evict(0);
        let mut peringatan: Vec<_> = siap.iter().flat_map(|s| s.peringatan.clone()).collect();
        peringatan.extend(w);
        let halaman_sop = self.periksa_buku(&doc, buku, siap)?;
        let pdf = doc.pdf(format!("sopc-buku:{}", data.judul))?;
        Ok(RenderedBook {
            pdf,
            teks: doc.teks(),
            halaman_depan: halaman_sop.first().copied().unwrap_or(doc.halaman()),
            halaman_sop,
            tautan: doc.tautan(),
            peringatan,
        })
    }

    fn data_buku<'a>(
        &'a self,
        buku: &Buku,
        siap: &'a [Siap],
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
            kertas: self.kertas,
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
            sop: buku
                .sop
                .iter()
                .zip(siap)
                .map(|(s, siap)| SopCetak {
                    draf: s.input.sop.status() == Status::Draf,
                    identitas: &siap.identitas,
                    prosedur: &siap.prosedur,
                })
                .collect(),
        }
    }

    /// Where each SOP starts, after checking every SOP's rows against its
    /// plan (the rows of the book are the rows of all SOPs, in order).
    fn periksa_buku(
        &self,
        doc: &Dokumen,
        buku: &Buku,
        siap: &[Siap],
    ) -> Result<Vec<usize>, RenderError> {
        let awal: Vec<usize> = doc
            .penanda(Anchor::BukuSop)
            .iter()
            .map(|p| p.halaman)
            .collect();
        let baris = doc.penanda(Anchor::Baris);
        let mut sisa = baris.as_slice();
        for (i, s) in siap.iter().enumerate() {
            let Some((denah, bagan)) = &s.denah else {
                continue;
            };
            let n = bagan.langkah.len();
            if sisa.len() < n || awal.len() != siap.len() {
                return Err(salah_tata_letak(
                    "penanda buku hilang",
                    "book anchors missing",
                ));
            }
            let (ini, lanjut) = sisa.split_at(n);
            sisa = lanjut;
            let milik = ini
                .iter()
                .all(|p| p.halaman > awal[i] && awal.get(i + 1).is_none_or(|&b| p.halaman < b));
            if !milik || !ini.iter().all(|p| p.nomor.is_some()) {
                return Err(salah_tata_letak(
                    "baris SOP di luar bagiannya",
                    "SOP rows outside their part",
                ));
            }
            periksa_baris(ini, denah, &self.kertas).map_err(|e| sebut_sop(e, buku, &[i]))?;
        }
        Ok(awal)
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
            markdown::tautkan(b, &Anchor::sop(sop));
        }
    }
}

/// Names the SOP an error is about (`only`: the index, when known).
fn sebut_sop(e: RenderError, buku: &Buku, only: &[usize]) -> RenderError {
    let Some(&i) = only.first() else {
        return e;
    };
    let nama = buku.sop[i]
        .input
        .sop
        .nama
        .as_ref()
        .map_or("", |n| n.as_str());
    let m = e.message;
    crate::diag::Msg::new(
        format!("SOP {nama}: {}", m.id),
        format!("SOP {nama}: {}", m.en),
    )
    .into()
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
