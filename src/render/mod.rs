//! `sopc build`'s back end: one checked SOP → the official PDF, by the Typst
//! compiler embedded in the binary. Typst itself sits behind one seam,
//! [`engine`] (world, fonts, compilation, reading the pages back); nothing
//! else in sopc knows Typst exists. This file is the recipe, in sopc's own
//! terms:
//!
//! 1. **measure** — the procedure table laid out once, in pieces of 32 rows
//!    each on an endless page of its own (Typst lays pages out in
//!    parallel); its anchors report each row's height ([`measure::ukur`]);
//! 2. **plan** — [`crate::layout`] chooses the page breaks and plans the
//!    flowchart from those heights ([`bagan`] adapts the SOP to it);
//! 3. **print** — the lembar pengesahan and one table per page with the
//!    planned drawing; the printed rows are read back and compared with the
//!    plan ([`measure::periksa_baris`]), so an arrow can never miss its
//!    symbol silently.
//!
//! What the templates receive is typed in [`data`]. Render writes no file:
//! the caller decides where the PDF goes.

mod bagan;
mod buku;
pub mod data;
mod engine;
mod jilid;
mod markdown;
mod measure;
pub mod pool;

pub use crate::huruf::BAWAAN as HURUF_BAWAAN;
pub use buku::{Buku, BukuSop, Lampiran, RenderedBook, halaman_pdf};
pub use engine::{Bentuk, Tulisan};

use crate::check;
use crate::diag::Msg;
use crate::layout::{self, Flow, Plan};
use crate::model::alur::Alur;
use crate::model::durasi::Jumlah;
use crate::model::gambar::Gambar;
use crate::model::{Sop, Status};
use crate::msg;
use crate::paper::{Kertas, Orientasi, Sheet};
use crate::parse::repo::SopTerkait;
use data::Mode;
use engine::{Berkas, Dokumen, Engine, Template};
use serde::Serialize;

/// Typst's memoised results unused for this many evictions are dropped.
/// With [`EVICT_EVERY`], a result lives at most
/// `EVICT_EVERY * (CACHE_AGE + 1)` renders unless it is reused: what a
/// batch reuses between SOPs (the template, the fonts) is touched by every
/// render and stays; one SOP's layouts go soon after its render.
const CACHE_AGE: usize = 1;

/// Renders between two evictions of Typst's cache. An eviction walks every
/// cached result under a write lock that stalls the other worker, so it is
/// not done after every render: `perf` on a batch of 100 SOPs put 12 % of
/// the time in evicting when it ran after each render (with age 3).
const EVICT_EVERY: usize = 2;

/// Renders since the process started, for [`EVICT_EVERY`].
static RENDERS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// Whether the render numbered `n` (from 1) is followed by an eviction.
fn evict_after(n: usize) -> bool {
    n.is_multiple_of(EVICT_EVERY)
}

/// How to print.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RenderOptions {
    pub kertas: Kertas,
    pub orientasi: Orientasi,
    /// A system font family; `None` = the fonts embedded in sopc.
    pub huruf: Option<String>,
    /// Hours in a working day, for carrying hours into days in JUMLAH.
    pub jam_kerja_per_hari: Option<u32>,
}

impl RenderOptions {
    /// The options `sopc.toml` sets (after the command line's overrides).
    pub fn dari(config: &crate::config::Config) -> RenderOptions {
        RenderOptions {
            kertas: config.cetak.kertas.unwrap_or_default(),
            orientasi: config.cetak.orientasi.unwrap_or_default(),
            huruf: config.cetak.huruf.clone(),
            jam_kerja_per_hari: config.jam_kerja_per_hari,
        }
    }
}

/// Which part of the document to print.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Bagian {
    /// Lembar pengesahan and the procedure table.
    Lengkap,
    /// Only the lembar pengesahan pages, for signing.
    Pengesahan,
}

/// One checked SOP as render takes it: the values the check resolved (the
/// flow graph, the total time, the logo), handed on and never derived again.
#[derive(Clone, Copy, Debug)]
pub struct Input<'a> {
    pub sop: &'a Sop,
    pub alur: &'a Alur,
    pub jumlah: &'a Jumlah,
    pub logo: Option<&'a Gambar>,
    /// The SOPs `keterkaitan` names that the check found in the
    /// repository: (entry index, their nama and nomor).
    pub terkait: &'a [(usize, SopTerkait)],
}

impl<'a> Input<'a> {
    /// The SOP with what `sopc check` found out about it.
    pub fn checked(sop: &'a Sop, hasil: &'a check::Hasil) -> Input<'a> {
        Input {
            sop,
            alur: &hasil.alur,
            jumlah: &hasil.jumlah,
            logo: hasil.logo.as_ref().and_then(|l| l.as_ref().ok()),
            terkait: &hasil.terkait,
        }
    }
}

/// What `tata-letak-teks` and `sop-terlalu-besar` report, refused again
/// here whatever `sopc.toml` says of those rules: no SOP past a bound of the
/// printed form reaches Typst (one cell of 22 million characters took
/// 8.5 GB to lay out).
fn terbatas(sop: &Sop) -> Result<(), RenderError> {
    match sop.lampau().first() {
        Some((_, lampau)) => {
            let crate::diag::Msg { id, en } = lampau.pesan();
            Err(msg!("{id} (lihat `sopc check`)", "{en} (see `sopc check`)").into())
        }
        None => Ok(()),
    }
}

/// Why a PDF could not be made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RenderError {
    pub message: Msg,
}

impl std::fmt::Display for RenderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message.id)
    }
}

impl std::error::Error for RenderError {}

impl From<Msg> for RenderError {
    fn from(message: Msg) -> Self {
        RenderError { message }
    }
}

/// A render with everything the tests (and curious callers) may look at.
#[derive(Clone, Debug)]
pub struct Rendered {
    pub pdf: Vec<u8>,
    /// Page sizes (mm).
    pub ukuran_halaman: Vec<(f64, f64)>,
    /// The text of each page as laid out.
    pub teks: Vec<String>,
    /// Every shape on every page (page coordinates, pt).
    pub bentuk: Vec<Bentuk>,
    /// Every run of text on every page (page coordinates, pt).
    pub tulisan: Vec<Tulisan>,
    /// Page margins (pt): left and top, to turn plan coordinates into page ones.
    pub margin: (f64, f64),
    /// The flowchart plan, and the index of the first procedure page.
    pub denah: Option<(Plan, Flow, usize)>,
    /// Typst warnings other than non-convergence (which is an error).
    pub peringatan: Vec<Msg>,
}

/// What `sopc build` reports of a render's layout besides its PDF.
#[derive(Debug, Default)]
pub struct Sempit {
    /// The steps whose drawing found no place that keeps every drawing
    /// rule ([`Plan::cramped`]: the `tata-letak-jalur` findings).
    pub langkah: Vec<usize>,
    /// The pelaksana (their indices) whose header prints a word
    /// hyphenated in the columns printed — wider than the allocation gave,
    /// and so fewer, where the flowchart was planned again in wider
    /// columns ([`Plan::widened`]).
    pub terpenggal: Vec<usize>,
}

/// Renders SOPs; holds the Typst engine (fonts, library, template), so one
/// renderer serves a whole batch. `Send + Sync`: share it across threads.
pub struct Renderer {
    engine: Engine,
    kertas: Sheet,
    jam_kerja_per_hari: Option<u32>,
    /// A system font that was asked for and not found.
    huruf_hilang: Option<String>,
    /// The family `[cetak] huruf` names, for measuring words.
    huruf: Option<String>,
}

impl Renderer {
    pub fn new(opts: &RenderOptions) -> Renderer {
        let (engine, huruf_hilang) = Engine::new(opts.huruf.as_deref());
        Renderer {
            engine,
            kertas: Sheet::of(opts.kertas, opts.orientasi),
            jam_kerja_per_hari: opts.jam_kerja_per_hari,
            huruf_hilang,
            huruf: opts.huruf.clone(),
        }
    }

    /// The PDF of one checked SOP. Only the PDF: a batch never pays for
    /// reading the pages' text and shapes back.
    pub fn render(&self, input: Input, bagian: Bagian) -> Result<Vec<u8>, RenderError> {
        self.render_sempit(input, bagian).map(|(pdf, _)| pdf)
    }

    /// Like [`Renderer::render`], with what `sopc build` reports of the
    /// layout ([`Sempit`]).
    pub fn render_sempit(
        &self,
        input: Input,
        bagian: Bagian,
    ) -> Result<(Vec<u8>, Sempit), RenderError> {
        self.periksa_huruf()?;
        self.di_pool(|| {
            let tercetak = self.render_dalam(input, bagian)?;
            let sempit = Sempit {
                langkah: tercetak
                    .denah
                    .as_ref()
                    .map(|(d, ..)| d.cramped.clone())
                    .unwrap_or_default(),
                terpenggal: tercetak.terpenggal,
            };
            Ok((tercetak.doc.pdf(ident(input.sop), true)?, sempit))
        })
    }

    /// Like [`Renderer::render`], with the laid-out text, shapes and plan.
    pub fn render_hasil(&self, input: Input, bagian: Bagian) -> Result<Rendered, RenderError> {
        self.periksa_huruf()?;
        self.di_pool(|| {
            let Tercetak {
                doc,
                denah,
                peringatan,
                ..
            } = self.render_dalam(input, bagian)?;
            Ok(Rendered {
                pdf: doc.pdf(ident(input.sop), true)?,
                ukuran_halaman: doc.ukuran_halaman(),
                teks: doc.teks(),
                bentuk: doc.bentuk(),
                tulisan: doc.tulisan(),
                margin: (self.kertas.kiri, self.kertas.atas),
                denah,
                peringatan,
            })
        })
    }

    /// `f` on a thread with a deep stack, then Typst's cache trimmed.
    fn di_pool<R: Send>(&self, f: impl FnOnce() -> R + Send) -> R {
        pool::run(|| {
            let hasil = f();
            let n = RENDERS.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
            if evict_after(n) {
                engine::evict(CACHE_AGE);
            }
            hasil
        })
    }

    /// A system font that was asked for and is missing is an error, never a
    /// silent fallback.
    fn periksa_huruf(&self) -> Result<(), RenderError> {
        match &self.huruf_hilang {
            Some(f) => Err(msg!(
                "huruf `{f}` tidak terpasang di komputer ini; pasang hurufnya atau hapus `huruf` dari [cetak] di sopc.toml untuk memakai huruf bawaan sopc",
                "font `{f}` is not installed on this machine; install it or remove `huruf` from [cetak] in sopc.toml to use sopc's embedded fonts"
            )
            .into()),
            None => Ok(()),
        }
    }

    /// The recipe: measure and plan ([`Renderer::siapkan`]), print, check
    /// the printed rows against the plan ([`Renderer::cetak`]). Every render
    /// goes through here, so the plan-vs-print check guards every PDF.
    fn render_dalam(&self, input: Input, bagian: Bagian) -> Result<Tercetak, RenderError> {
        let logo = input.logo.map(berkas_logo);
        let siap = self.siapkan(input, logo.as_ref(), bagian)?;
        self.cetak(input.sop, siap, logo, bagian, None)
    }

    /// The printing pass of a prepared SOP, its rows checked against the
    /// plan. `halaman_buku`: in a book, the number of its first page.
    fn cetak(
        &self,
        sop: &Sop,
        siap: Siap,
        logo: Option<Berkas>,
        bagian: Bagian,
        halaman_buku: Option<usize>,
    ) -> Result<Tercetak, RenderError> {
        let (doc, w) = self.kompilasi(Mode::Cetak, bagian, sop, &siap, logo, halaman_buku)?;
        let mut peringatan = siap.peringatan;
        peringatan.extend(w);
        let denah = match siap.denah {
            Some((d, bagan)) => {
                let baris = doc.penanda(data::Anchor::Baris);
                let awal = measure::periksa_baris(&baris, &d, &self.kertas)?;
                Some((d, bagan, awal))
            }
            None => None,
        };
        Ok(Tercetak {
            doc,
            denah,
            peringatan,
            terpenggal: siap.terpenggal,
        })
    }

    /// Everything but the printing pass: the SOP as template data and, for
    /// the whole document, the measuring pass and the page plan. `logo` is
    /// the logo at the virtual path the template will load it from.
    fn siapkan(
        &self,
        input: Input,
        logo: Option<&Berkas>,
        bagian: Bagian,
    ) -> Result<Siap, RenderError> {
        let sop = input.sop;
        terbatas(sop)?;
        let identitas = data::Identitas::dari(
            sop,
            &self.kertas,
            self.huruf.as_deref(),
            logo.map(|b| b.path.clone()),
            input.terkait,
        );
        let bagan = bagan::bagan(sop, input.alur);
        let tata =
            check::rules::tata_letak::tata(sop, bagan.actors, &self.kertas, self.huruf.as_deref());
        let kolom = tata.kolom.clone();
        let prosedur = data::Prosedur::dari(
            sop,
            &bagan,
            &tata,
            input.jumlah.format(self.jam_kerja_per_hari),
        );
        let mut siap = Siap {
            identitas,
            prosedur,
            denah: None,
            susunan: None,
            peringatan: Vec::new(),
            terpenggal: terpenggal(&tata),
        };
        if bagian != Bagian::Lengkap {
            return Ok(siap);
        }
        let (doc, peringatan) =
            self.kompilasi(Mode::Ukur, bagian, sop, &siap, logo.cloned(), None)?;
        let ukuran = measure::ukur(&doc, &self.kertas, bagan.langkah.len())?;
        siap.susunan = doc.nilai(data::Anchor::Pengesahan);
        // a plan that breaks a drawing rule is made again in wider actor
        // columns, its rows measured in them: each such table kept here
        let mut lebar = Vec::new();
        let widen = |w: f64| {
            let huruf = self.huruf.as_deref();
            let tata =
                check::rules::tata_letak::tata_bagan(sop, bagan.actors, &self.kertas, huruf, w);
            let jumlah = input.jumlah.format(self.jam_kerja_per_hari);
            let prosedur = data::Prosedur::dari(sop, &bagan, &tata, jumlah);
            let sempit = std::mem::replace(&mut siap.prosedur, prosedur);
            let diukur = self.kompilasi(Mode::Ukur, bagian, sop, &siap, logo.cloned(), None);
            let prosedur = std::mem::replace(&mut siap.prosedur, sempit);
            let (doc, peringatan) = diukur.ok()?;
            let ukuran = measure::ukur(&doc, &self.kertas, bagan.langkah.len()).ok()?;
            lebar.push((tata.kolom.clone(), prosedur, peringatan, terpenggal(&tata)));
            Some((tata.kolom, ukuran))
        };
        let denah = Plan::widened(&bagan, kolom, &ukuran, widen).map_err(|layout::PlanError::RowTooTall { langkah }| {
            let no = langkah + 1;
            RenderError::from(msg!(
                "baris langkah {no} lebih tinggi dari satu halaman; persingkat teksnya atau pecah menjadi beberapa langkah",
                "the row of step {no} is taller than a page; shorten its text or split it into several steps"
            ))
        })?;
        siap.peringatan = peringatan;
        if let Some((_, prosedur, peringatan, terpenggal)) = lebar
            .into_iter()
            .find(|(k, ..)| k.widths == denah.kolom.widths)
        {
            (siap.prosedur, siap.peringatan) = (prosedur, peringatan);
            siap.terpenggal = terpenggal;
        }
        siap.prosedur.pasang_denah(&denah, &bagan);
        siap.denah = Some((denah, bagan));
        Ok(siap)
    }

    /// One compilation of the SOP template.
    fn kompilasi(
        &self,
        mode: Mode,
        bagian: Bagian,
        sop: &Sop,
        siap: &Siap,
        logo: Option<Berkas>,
        halaman_buku: Option<usize>,
    ) -> Result<(Dokumen, Vec<Msg>), RenderError> {
        let data = data::Data {
            mode,
            bagian,
            kaki: match halaman_buku {
                Some(_) => data::Kaki::Tanpa,
                None => data::Kaki::Halaman,
            },
            kertas: self.kertas,
            huruf: self.engine.keluarga(),
            draf: sop.status() == Status::Draf,
            judul: judul(sop),
            penulis: siap.identitas.instansi.clone(),
            identitas: &siap.identitas,
            prosedur: &siap.prosedur,
            halaman_buku,
            susunan: match mode {
                Mode::Ukur => None,
                Mode::Cetak => siap.susunan.as_ref(),
            },
        };
        self.engine
            .compile(Template::Sop, &data, logo.into_iter().collect())
    }
}

/// One SOP ready for its printing pass.
struct Siap {
    identitas: data::Identitas,
    prosedur: data::Prosedur,
    /// The page plan (whole documents only).
    denah: Option<(Plan, Flow)>,
    /// The lembar pengesahan's arrangement from the measuring pass (whole
    /// documents only).
    susunan: Option<serde_json::Value>,
    /// Warnings of the measuring pass.
    peringatan: Vec<Msg>,
    /// The pelaksana whose header prints a word hyphenated.
    terpenggal: Vec<usize>,
}

/// One SOP printed and checked.
struct Tercetak {
    doc: Dokumen,
    /// The plan, and the index of the first procedure page.
    denah: Option<(Plan, Flow, usize)>,
    /// Warnings of both passes.
    peringatan: Vec<Msg>,
    /// The pelaksana whose header prints a word hyphenated.
    terpenggal: Vec<usize>,
}

/// The pelaksana whose header word `tata` prints hyphenated.
fn terpenggal(tata: &crate::kolom::Tata) -> Vec<usize> {
    tata.sempit.iter().map(|(i, _)| *i).collect()
}

/// The logo of a single SOP's document, at the virtual path its format
/// names.
fn berkas_logo(g: &Gambar) -> Berkas {
    Berkas {
        path: format!("/logo.{}", g.format.ekstensi()),
        bytes: g.bytes.clone(),
    }
}

/// The PDF's title: "SOP " and the nama, never "SOP SOP …".
fn judul(sop: &Sop) -> String {
    data::judul_sop(sop.nama.as_ref().map_or("", |n| n.value.as_str()))
}

/// The PDF's identifier: stable for the same SOP, so a rebuild is
/// byte-identical.
fn ident(sop: &Sop) -> String {
    let nomor = sop.nomor.as_ref().map_or("", |n| n.value.as_str());
    let nama = sop.nama.as_ref().map_or("", |n| n.value.as_str());
    format!("sopc:{nomor}:{nama}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typst_cache_is_evicted_every_few_renders_not_after_each() {
        let after: Vec<usize> = (1..=6).filter(|&n| evict_after(n)).collect();
        assert_eq!(after, [2, 4, 6]);
    }

    #[test]
    fn the_title_says_sop_once() {
        let title = |nama: &str| {
            let src = crate::check::testing::valid_with(
                "nama: Pelayanan Surat Masuk",
                &format!("nama: {nama}"),
            );
            judul(&crate::parse::parse_str("t.yaml", &src).sop.unwrap())
        };
        assert_eq!(title("SOP Penerimaan Tamu"), "SOP Penerimaan Tamu");
        assert_eq!(title("sop penerimaan tamu"), "SOP penerimaan tamu");
        assert_eq!(title("Penerimaan Tamu"), "SOP Penerimaan Tamu");
        assert_eq!(title("SOPIR Dinas"), "SOP SOPIR Dinas");
    }
}
