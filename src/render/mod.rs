//! `sopc build`'s back end: one checked SOP → the official PDF, by the Typst
//! compiler embedded in the binary. This module is the single seam between
//! sopc and Typst (the `World`: template, data, logo, fonts — no file
//! system, no clock, no network); nothing else in sopc knows Typst exists.
//!
//! A render takes two Typst passes. The first lays the procedure table out
//! on one endless page and reports each row's height; [`crate::layout`] then
//! chooses the page breaks and plans the flowchart; the second pass prints
//! the lembar pengesahan and one table per page with the planned drawing.
//! The rows of the second pass are read back and compared with the plan, so
//! an arrow can never miss its symbol silently.

mod baca;
mod buku;
mod data;
mod fonts;
mod markdown;
mod world;

pub use baca::Bentuk;
pub use buku::{Buku, BukuSop, HasilBuku, Lampiran, halaman_pdf};
pub use fonts::BAWAAN as HURUF_BAWAAN;

use crate::diag::Msg;
use crate::layout::{self, Edge, Flow, Heights, Plan};
use crate::model::alur::{Alur, Jenis};
use crate::model::durasi::Jumlah;
use crate::model::{Sop, Status};
use crate::msg;
use crate::paper::{Columns, Kertas, Orientasi, Sheet};
use crate::teks::tampak;
use std::io::Write;
use std::path::Path;
use typst::diag::{Severity, SourceDiagnostic};
use typst::foundations::{Bytes, Smart, Value};
use typst_layout::PagedDocument;

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
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bagian {
    /// Lembar pengesahan and the procedure table.
    Lengkap,
    /// Only the lembar pengesahan pages, for signing.
    Pengesahan,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogoFormat {
    Png,
    Jpeg,
    Svg,
}

impl LogoFormat {
    /// The format named by a file extension (`png`, `jpg`, `jpeg`, `svg`).
    pub fn dari_ekstensi(path: &Path) -> Option<LogoFormat> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "png" => Some(LogoFormat::Png),
            "jpg" | "jpeg" => Some(LogoFormat::Jpeg),
            "svg" => Some(LogoFormat::Svg),
            _ => None,
        }
    }

    /// The file extension of the format.
    fn ekstensi(self) -> &'static str {
        match self {
            LogoFormat::Png => "png",
            LogoFormat::Jpeg => "jpg",
            LogoFormat::Svg => "svg",
        }
    }

    /// The virtual path the template loads the logo from.
    fn path(self) -> &'static str {
        match self {
            LogoFormat::Png => "/logo.png",
            LogoFormat::Jpeg => "/logo.jpg",
            LogoFormat::Svg => "/logo.svg",
        }
    }
}

/// The logo's bytes, read by the caller after checking that the file lies
/// inside the repository.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Logo {
    pub bytes: Vec<u8>,
    pub format: LogoFormat,
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
pub struct Hasil {
    pub pdf: Vec<u8>,
    /// Page sizes (mm).
    pub ukuran_halaman: Vec<(f64, f64)>,
    /// The text of each page as laid out.
    pub teks: Vec<String>,
    /// Every shape on every page (page coordinates, pt).
    pub bentuk: Vec<Bentuk>,
    /// Page margins (pt): left and top, to turn plan coordinates into page ones.
    pub margin: (f64, f64),
    /// The flowchart plan, and the index of the first procedure page.
    pub denah: Option<(Plan, Flow, usize)>,
    /// Typst warnings other than non-convergence (which is an error).
    pub peringatan: Vec<Msg>,
}

/// Renders SOPs; holds the fonts, the Typst library and the template, so one
/// renderer serves a whole batch. `Send + Sync`: share it across threads.
pub struct Renderer {
    dasar: world::Dasar,
    kertas: Sheet,
    jam_kerja_per_hari: Option<u32>,
    /// A system font that was asked for and not found.
    huruf_hilang: Option<String>,
}

impl Renderer {
    pub fn new(opts: &RenderOptions) -> Renderer {
        let (huruf, huruf_hilang) = match &opts.huruf {
            None => (fonts::Huruf::bawaan(), None),
            Some(f) => match fonts::Huruf::sistem(f) {
                Some(h) => (h, None),
                None => (fonts::Huruf::bawaan(), Some(f.clone())),
            },
        };
        Renderer {
            dasar: world::Dasar::new(huruf),
            kertas: Sheet::of(opts.kertas, opts.orientasi),
            jam_kerja_per_hari: opts.jam_kerja_per_hari,
            huruf_hilang,
        }
    }

    /// The PDF of one checked SOP.
    pub fn render(
        &self,
        sop: &Sop,
        jumlah: &Jumlah,
        logo: Option<&Logo>,
        bagian: Bagian,
    ) -> Result<Vec<u8>, RenderError> {
        self.render_hasil(sop, jumlah, logo, bagian).map(|h| h.pdf)
    }

    /// Like [`Renderer::render`], with the laid-out text, shapes and plan.
    pub fn render_hasil(
        &self,
        sop: &Sop,
        jumlah: &Jumlah,
        logo: Option<&Logo>,
        bagian: Bagian,
    ) -> Result<Hasil, RenderError> {
        self.periksa_huruf()?;
        let hasil = self.render_dalam(sop, jumlah, logo, bagian);
        // Typst's caches would otherwise grow with every SOP of a batch.
        comemo::evict(10);
        hasil
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

    fn render_dalam(
        &self,
        sop: &Sop,
        jumlah: &Jumlah,
        logo: Option<&Logo>,
        bagian: Bagian,
    ) -> Result<Hasil, RenderError> {
        let logo = logo.map(|l| (l.format.path().to_owned(), Bytes::new(l.bytes.clone())));
        let siap = self.siapkan(sop, jumlah, logo.clone(), bagian)?;
        let (doc, w) = self.kompilasi(
            &Masukan::new("cetak", bagian, sop, &siap.identitas, &siap.prosedur),
            logo,
        )?;
        let mut peringatan = siap.peringatan;
        peringatan.extend(w);
        let denah = match siap.denah {
            Some((d, bagan)) => {
                let awal = periksa_baris(&baca::penanda(&doc, "sopc-baris"), &d, &self.kertas)?;
                Some((d, bagan, awal))
            }
            None => None,
        };
        let pdf = pdf(&doc, ident(sop))?;
        Ok(Hasil {
            pdf,
            ukuran_halaman: doc
                .pages()
                .iter()
                .map(|p| (p.frame.width().to_mm(), p.frame.height().to_mm()))
                .collect(),
            teks: baca::teks_halaman(&doc),
            bentuk: baca::bentuk(&doc),
            margin: (self.kertas.kiri, self.kertas.atas),
            denah,
            peringatan,
        })
    }

    /// Everything but the printing pass: the SOP as template data and, for
    /// the whole document, the measuring pass and the page plan. `logo` is
    /// the virtual path and bytes the template will load the logo from.
    fn siapkan(
        &self,
        sop: &Sop,
        jumlah: &Jumlah,
        logo: Option<(String, Bytes)>,
        bagian: Bagian,
    ) -> Result<Siap, RenderError> {
        terbatas(sop)?;
        let identitas = data::Identitas::dari(sop, logo.as_ref().map(|(p, _)| p.clone()));
        let alur = Alur::build(sop);
        let bagan = bagan(sop, &alur);
        let kolom = Columns::compute(self.kertas.lebar_isi(), bagan.actors, sop.ada_keterangan());
        let mut prosedur =
            data::Prosedur::dari(sop, &bagan, &kolom, jumlah.format(self.jam_kerja_per_hari));
        if bagian != Bagian::Lengkap {
            return Ok(Siap {
                identitas,
                prosedur,
                denah: None,
                peringatan: Vec::new(),
            });
        }
        let (doc, peringatan) = self.kompilasi(
            &Masukan::new("ukur", bagian, sop, &identitas, &prosedur),
            logo,
        )?;
        let ukuran = ukur(&doc, &self.kertas, bagan.langkah.len())?;
        let denah = Plan::new(&bagan, kolom, &ukuran).map_err(|layout::PlanError::RowTooTall { langkah }| {
            let no = langkah + 1;
            RenderError::from(msg!(
                "baris langkah {no} lebih tinggi dari satu halaman; persingkat teksnya atau pecah menjadi beberapa langkah",
                "the row of step {no} is taller than a page; shorten its text or split it into several steps"
            ))
        })?;
        prosedur.pasang_denah(&denah, &bagan);
        Ok(Siap {
            identitas,
            prosedur,
            denah: Some((denah, bagan)),
            peringatan,
        })
    }

    /// One Typst compilation of the SOP template.
    fn kompilasi(
        &self,
        m: &Masukan,
        logo: Option<(String, Bytes)>,
    ) -> Result<(PagedDocument, Vec<Msg>), RenderError> {
        let data = data::Data {
            mode: m.mode,
            bagian: match m.bagian {
                Bagian::Lengkap => "lengkap",
                Bagian::Pengesahan => "pengesahan",
            },
            kertas: self.kertas,
            huruf: self.dasar.huruf().keluarga(),
            draf: m.sop.status() == Status::Draf,
            judul: judul(m.sop),
            penulis: m.identitas.instansi.clone(),
            identitas: m.identitas,
            prosedur: m.prosedur,
        };
        self.kompilasi_dokumen(world::SOP_TYP, &data, logo.into_iter().collect())
    }

    /// One Typst compilation of a main template file with its data (as
    /// `/data.json`) and images. Non-convergence is an error: a document
    /// whose layout did not settle may print wrong page numbers.
    fn kompilasi_dokumen(
        &self,
        main: &str,
        data: &impl serde::Serialize,
        berkas: Vec<(String, Bytes)>,
    ) -> Result<(PagedDocument, Vec<Msg>), RenderError> {
        let json = serde_json::to_vec(data).map_err(|e| {
            let e = e.to_string();
            RenderError::from(msg!(
                "data SOP tidak dapat disiapkan: {e}",
                "cannot prepare the SOP data: {e}"
            ))
        })?;
        let world = world::SopWorld::new(&self.dasar, main, json, berkas);
        let warned = typst::compile::<PagedDocument>(&world);
        let mut peringatan = Vec::new();
        for w in &warned.warnings {
            if w.message.contains("converge") {
                return Err(galat_typst(std::slice::from_ref(w)));
            }
            peringatan.push(pesan_typst(w));
        }
        let doc = warned.output.map_err(|e| galat_typst(&e))?;
        Ok((doc, peringatan))
    }
}

/// One SOP ready for its printing pass.
struct Siap {
    identitas: data::Identitas,
    prosedur: data::Prosedur,
    /// The page plan (whole documents only).
    denah: Option<(Plan, Flow)>,
    /// Warnings of the measuring pass.
    peringatan: Vec<Msg>,
}

/// What one compilation is given.
struct Masukan<'a> {
    mode: &'static str,
    bagian: Bagian,
    sop: &'a Sop,
    identitas: &'a data::Identitas,
    prosedur: &'a data::Prosedur,
}

impl<'a> Masukan<'a> {
    fn new(
        mode: &'static str,
        bagian: Bagian,
        sop: &'a Sop,
        identitas: &'a data::Identitas,
        prosedur: &'a data::Prosedur,
    ) -> Self {
        Masukan {
            mode,
            bagian,
            sop,
            identitas,
            prosedur,
        }
    }
}

/// The flowchart as the layout sees it.
fn bagan(sop: &Sop, alur: &Alur) -> Flow {
    // Matched as `check` matches them: as they print.
    let aktor: Vec<String> = sop.actors().iter().map(|a| tampak(a)).collect();
    let langkah = sop
        .steps()
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let kolom = s
                .pelaksana
                .as_ref()
                .and_then(|p| aktor.iter().position(|a| *a == tampak(p)))
                .unwrap_or(0);
            (kolom, alur.simbol(sop, i))
        })
        .collect();
    let panah = alur
        .edges
        .iter()
        .map(|e| {
            let kata = sop.steps()[e.from]
                .keputusan
                .as_ref()
                .and_then(|k| k.label.as_ref());
            let label = match e.jenis {
                Jenis::Lanjut => None,
                Jenis::Ya => Some(
                    kata.and_then(|k| k.ya.as_ref())
                        .map_or("Ya".to_owned(), |s| s.value.clone()),
                ),
                Jenis::Tidak => Some(
                    kata.and_then(|k| k.tidak.as_ref())
                        .map_or("Tidak".to_owned(), |s| s.value.clone()),
                ),
            };
            Edge {
                from: e.from,
                to: e.to,
                kind: e.jenis,
                label,
            }
        })
        .collect();
    Flow {
        actors: aktor.len().max(1),
        langkah,
        edges: panah,
    }
}

/// The PDF's title: "SOP " and the nama, never "SOP SOP …".
fn judul(sop: &Sop) -> String {
    let nama = sop.nama.as_ref().map_or("", |n| n.value.as_str());
    format!("SOP {}", data::tanpa_awalan_sop(nama.trim()))
        .trim()
        .to_owned()
}

/// Row heights from the measuring pass.
fn ukur(doc: &PagedDocument, k: &Sheet, n: usize) -> Result<Heights, RenderError> {
    let satu = |label: &str| baca::penanda(doc, label).into_iter().next();
    let baris = baca::penanda(doc, "sopc-baris");
    let (Some(kepala), Some(jumlah), Some(akhir)) =
        (satu("sopc-kepala"), satu("sopc-jumlah"), satu("sopc-akhir"))
    else {
        return Err(salah_tata_letak(
            "penanda tabel tidak ditemukan",
            "table anchors missing",
        ));
    };
    let mut atas = vec![f64::NAN; n];
    for p in &baris {
        if let Value::Int(i) = p.nilai
            && let Some(slot) = usize::try_from(i).ok().and_then(|i| atas.get_mut(i))
        {
            *slot = p.y;
        }
    }
    if atas.iter().any(|y| y.is_nan()) {
        return Err(salah_tata_letak(
            "penanda baris hilang",
            "row anchors missing",
        ));
    }
    atas.push(jumlah.y);
    Ok(Heights {
        page_height: k.tinggi_isi(),
        title: kepala.y - k.atas,
        header: atas[0] - kepala.y,
        rows: atas.windows(2).map(|w| w[1] - w[0]).collect(),
        jumlah: akhir.y - jumlah.y,
    })
}

/// Compares the rows of one SOP in the printed document (its `sopc-baris`
/// anchors) with the plan; returns the index of the first procedure page.
fn periksa_baris(baris: &[baca::Penanda], denah: &Plan, k: &Sheet) -> Result<usize, RenderError> {
    let awal = baris.first().map_or(0, |p| p.halaman);
    for p in baris {
        let Value::Int(i) = p.nilai else { continue };
        let i = usize::try_from(i).unwrap_or(usize::MAX);
        let rencana = denah
            .page_of_step(i)
            .and_then(|h| Some((h, denah.pages[h].row(i)?.top)));
        let cocok = rencana
            .is_some_and(|(h, atas)| h + awal == p.halaman && (atas + k.atas - p.y).abs() < 0.5);
        if !cocok {
            return Err(salah_tata_letak(
                &format!("baris langkah {} bergeser dari rencana", i + 1),
                &format!("the row of step {} moved from its plan", i + 1),
            ));
        }
    }
    Ok(awal)
}

fn salah_tata_letak(id: &str, en: &str) -> RenderError {
    msg!(
        "kesalahan internal sopc saat menata halaman ({id}); mohon laporkan beserta berkas SOP-nya",
        "internal sopc error while laying out the pages ({en}); please report it with the SOP file"
    )
    .into()
}

/// The PDF's identifier: stable for the same SOP, so a rebuild is
/// byte-identical.
fn ident(sop: &Sop) -> String {
    let nomor = sop.nomor.as_ref().map_or("", |n| n.value.as_str());
    let nama = sop.nama.as_ref().map_or("", |n| n.value.as_str());
    format!("sopc:{nomor}:{nama}")
}

fn pdf(doc: &PagedDocument, ident: String) -> Result<Vec<u8>, RenderError> {
    let options = typst_pdf::PdfOptions {
        ident: Smart::Custom(ident),
        creator: Smart::Custom(Some(format!("sopc {}", env!("CARGO_PKG_VERSION")))),
        timestamp: None,
        ..Default::default()
    };
    typst_pdf::pdf(doc, &options).map_err(|e| galat_typst(&e))
}

fn pesan_typst(d: &SourceDiagnostic) -> Msg {
    let mut text = d.message.to_string();
    for hint in &d.hints {
        let hint = if hint.v.contains("--root") {
            "berkas harus berada di dalam repositori SOP (folder yang memuat sopc.toml atau .git)"
                .to_owned()
        } else {
            hint.v.to_string()
        };
        text.push_str(&format!("; {hint}"));
    }
    let kind = match d.severity {
        Severity::Error => "galat",
        Severity::Warning => "peringatan",
    };
    msg!("Typst ({kind}): {text}", "Typst ({kind}): {text}")
}

fn galat_typst(diags: &[SourceDiagnostic]) -> RenderError {
    let all: Vec<Msg> = diags.iter().map(pesan_typst).collect();
    let id = all
        .iter()
        .map(|m| m.id.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    let en = all
        .iter()
        .map(|m| m.en.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    msg!("gagal membuat PDF: {id}", "failed to make the PDF: {en}").into()
}

/// Writes `bytes` to `path` through a temporary file in the same directory
/// and a rename, so a failure never leaves a half-written file in place of
/// a good one.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".sopc-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    // Temporary files are private (0600); a PDF is for sharing and printing,
    // so it gets the permissions of the file it replaces, or 0644.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path).map_or(0o644, |m| m.permissions().mode() & 0o777);
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(mode))?;
    }
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn atomic_write_replaces_whole_files_only() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.pdf");
        write_atomic(&p, b"one").unwrap();
        write_atomic(&p, b"two").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"two");
        // nothing left behind
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
        // a directory that does not exist: an error, and no file
        assert!(write_atomic(&dir.path().join("no/such/dir/x.pdf"), b"x").is_err());
    }

    #[test]
    fn logo_formats_by_extension() {
        assert_eq!(
            LogoFormat::dari_ekstensi(Path::new("a/Logo.PNG")),
            Some(LogoFormat::Png)
        );
        assert_eq!(
            LogoFormat::dari_ekstensi(Path::new("a.jpeg")),
            Some(LogoFormat::Jpeg)
        );
        assert_eq!(LogoFormat::dari_ekstensi(Path::new("a.gif")), None);
    }
}
