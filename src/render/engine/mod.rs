//! The Typst engine, and the only code in sopc that names Typst: the
//! sandboxed `World` (template, data, images, fonts — no file system, no
//! clock, no network), one compilation, the PDF export, and reading the
//! laid-out pages back (anchors, text, shapes, links). The recipe in
//! [`super`] speaks to it in sopc's own types: a main template, serde data,
//! named images in; a [`Dokumen`] and bilingual messages out.

mod fonts;
mod frames;
mod world;

pub use frames::{Bentuk, Penanda, Tulisan};

use super::RenderError;
use super::data::Anchor;
use crate::diag::Msg;
use crate::huruf::BAWAAN;
use crate::msg;
use typst::diag::{Severity, SourceDiagnostic};
use typst::foundations::{Bytes, Smart};
use typst_layout::PagedDocument;

/// The main file of a compilation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Template {
    /// One SOP (`templates/sop.typ`).
    Sop,
    /// The book of SOPs (`templates/buku.typ`).
    Buku,
}

/// An image a compilation may load: its virtual path (as the data names it)
/// and its bytes.
#[derive(Clone)]
pub struct Berkas {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// What stays the same across compilations: the Typst library, the fonts
/// and the parsed template. `Send + Sync`: one engine serves a batch.
pub struct Engine {
    dasar: world::Dasar,
}

impl Engine {
    /// An engine with the embedded fonts (Liberation Sans, or the family
    /// `huruf` names among them), or with a system family first.
    /// The second value is the family asked for and not installed (the
    /// engine then has the embedded fonts).
    pub fn new(huruf: Option<&str>) -> (Engine, Option<String>) {
        let (huruf, hilang) = match huruf {
            None => (fonts::Huruf::bawaan(BAWAAN), None),
            Some(f) => match crate::huruf::keluarga_bawaan(f) {
                Some(embedded) => (fonts::Huruf::bawaan(embedded), None),
                None => match fonts::Huruf::sistem(f) {
                    Some(h) => (h, None),
                    None => (fonts::Huruf::bawaan(BAWAAN), Some(f.to_owned())),
                },
            },
        };
        let engine = Engine {
            dasar: world::Dasar::new(huruf),
        };
        (engine, hilang)
    }

    /// Font families in order of preference, for the template's `text(font: …)`.
    pub fn keluarga(&self) -> &[String] {
        self.dasar.huruf().keluarga()
    }

    /// One Typst compilation of a main template file with its data (as
    /// `/data.json`) and images. Non-convergence is an error: a document
    /// whose layout did not settle may print wrong page numbers. Other
    /// warnings come back as messages.
    pub fn compile(
        &self,
        main: Template,
        data: &impl serde::Serialize,
        berkas: Vec<Berkas>,
    ) -> Result<(Dokumen, Vec<Msg>), RenderError> {
        let json = serde_json::to_vec(data).map_err(|e| {
            let e = e.to_string();
            RenderError::from(msg!(
                "data SOP tidak dapat disiapkan: {e}",
                "cannot prepare the SOP data: {e}"
            ))
        })?;
        let main = match main {
            Template::Sop => world::SOP_TYP,
            Template::Buku => world::BUKU_TYP,
        };
        let berkas = berkas
            .into_iter()
            .map(|b| (b.path, Bytes::new(b.bytes)))
            .collect();
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
        Ok((Dokumen(doc), peringatan))
    }
}

/// A laid-out document, read through sopc's questions only.
pub struct Dokumen(PagedDocument);

impl Dokumen {
    /// Every anchor with this label, in document order.
    pub fn penanda(&self, anchor: Anchor) -> Vec<Penanda> {
        frames::penanda(&self.0, anchor.name())
    }

    /// The value of the first anchor with this label, as JSON.
    pub fn nilai(&self, anchor: Anchor) -> Option<serde_json::Value> {
        frames::nilai(&self.0, anchor.name())
    }

    pub fn halaman(&self) -> usize {
        self.0.pages().len()
    }

    /// Page sizes (mm).
    pub fn ukuran_halaman(&self) -> Vec<(f64, f64)> {
        self.0
            .pages()
            .iter()
            .map(|p| (p.frame.width().to_mm(), p.frame.height().to_mm()))
            .collect()
    }

    /// The text of each page, in reading order of the layout, whitespace
    /// collapsed.
    pub fn teks(&self) -> Vec<String> {
        frames::teks_halaman(&self.0)
    }

    /// Every shape on every page (page coordinates, pt).
    pub fn bentuk(&self) -> Vec<Bentuk> {
        frames::bentuk(&self.0)
    }

    /// Every run of text on every page, where it was laid out.
    pub fn tulisan(&self) -> Vec<Tulisan> {
        frames::tulisan(&self.0)
    }

    /// The PDF, without a timestamp and with a stable identifier, so the
    /// same input gives the same bytes. `tagged`: with the structure tree
    /// for assistive technology — not for the parts of a book, whose pages
    /// are bound into another document that has no such tree.
    pub fn pdf(&self, ident: String, tagged: bool) -> Result<Vec<u8>, RenderError> {
        let options = typst_pdf::PdfOptions {
            ident: Smart::Custom(ident),
            creator: Smart::Custom(Some(format!("sopc {}", env!("CARGO_PKG_VERSION")))),
            timestamp: None,
            tagged,
            ..Default::default()
        };
        typst_pdf::pdf(&self.0, &options).map_err(|e| galat_typst(&e))
    }
}

/// Lets Typst drop memoised results older than `max_age` compilations:
/// its caches would otherwise grow with every SOP of a batch.
pub fn evict(max_age: usize) {
    comemo::evict(max_age);
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
    let id = all.iter().map(|m| &*m.id).collect::<Vec<_>>().join("\n");
    let en = all.iter().map(|m| &*m.en).collect::<Vec<_>>().join("\n");
    msg!("gagal membuat PDF: {id}", "failed to make the PDF: {en}").into()
}
