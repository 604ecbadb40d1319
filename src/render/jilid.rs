//! Binding a book (`sopc buku`) from PDFs printed one part at a time, with
//! lopdf: the front matter's document takes the pages of every SOP's PDF
//! after its own, then gets what spans the parts — the page labels (i, ii,
//! … for the front matter, 1, 2, … for the SOPs), one bookmark per part and
//! per SOP, and the links between SOPs, which each SOP's PDF holds as an
//! address ([`alamat_sop`]) because the page they lead to is in another
//! part.

use super::RenderError;
use crate::msg;
use lopdf::{Bookmark, Dictionary, Document, Object, ObjectId, dictionary};

/// What a link to the `i`-th SOP of the book points to in its part's PDF;
/// binding turns it into a jump to that SOP's first page.
pub fn alamat_sop(i: usize) -> String {
    format!("{SKEMA}{i}")
}

const SKEMA: &str = "sopc-buku:sop/";

/// The attributes a page may inherit from the page tree above it; a page
/// moved into another tree carries them itself.
const WARISAN: [&[u8]; 4] = [b"Resources", b"MediaBox", b"CropBox", b"Rotate"];

/// A bookmark: its title and the page (from 0) it opens.
#[derive(Clone, Debug)]
pub struct Tanda {
    pub judul: String,
    pub halaman: usize,
}

/// A book being bound: the front matter's document, with the pages of the
/// parts appended so far.
pub struct Jilid {
    doc: Document,
    /// The root of the page tree: every page hangs from it directly.
    akar: ObjectId,
    halaman: Vec<ObjectId>,
}

/// The PDF of the whole book, and every link between its pages: (page it
/// is on, page it leads to), pages from 0.
pub struct Terjilid {
    pub pdf: Vec<u8>,
    pub tautan: Vec<(usize, usize)>,
}

impl Jilid {
    /// A book that starts with the pages of `depan`.
    pub fn baru(depan: &[u8]) -> Result<Jilid, RenderError> {
        let doc = Document::load_mem(depan).map_err(gagal)?;
        let akar = doc
            .catalog()
            .and_then(|c| c.get(b"Pages"))
            .and_then(Object::as_reference)
            .map_err(gagal)?;
        let mut jilid = Jilid {
            doc,
            akar,
            halaman: Vec::new(),
        };
        jilid.pindahkan_halaman()?;
        Ok(jilid)
    }

    /// Appends every page of `bagian`, in order.
    pub fn tambah(&mut self, bagian: &[u8]) -> Result<(), RenderError> {
        let mut part = Document::load_mem(bagian).map_err(gagal)?;
        part.renumber_objects_with(self.doc.max_id + 1);
        let halaman: Vec<ObjectId> = part.page_iter().collect();
        for &h in &halaman {
            warisi(&mut part, h)?;
        }
        self.doc.max_id = self.doc.max_id.max(part.max_id);
        // The part's catalog, page tree and metadata stay unreferenced and
        // are pruned when the book is done.
        self.doc.objects.append(&mut part.objects);
        self.halaman.extend(halaman);
        Ok(())
    }

    /// Takes the pages of the document's own tree into the flat list.
    fn pindahkan_halaman(&mut self) -> Result<(), RenderError> {
        let halaman: Vec<ObjectId> = self.doc.page_iter().collect();
        for &h in &halaman {
            warisi(&mut self.doc, h)?;
        }
        self.halaman.extend(halaman);
        Ok(())
    }

    /// The book: every page under one page tree, the page labels (Roman
    /// before `depan`, Arabic from 1 after), the bookmarks, and each link
    /// to an SOP (by its index in `awal_sop`, the page its part starts on)
    /// made a jump to that page.
    pub fn selesai(
        mut self,
        depan: usize,
        tanda: &[Tanda],
        awal_sop: &[usize],
    ) -> Result<Terjilid, RenderError> {
        let kids: Vec<Object> = self.halaman.iter().map(|&h| h.into()).collect();
        for &h in &self.halaman {
            self.doc
                .get_dictionary_mut(h)
                .map_err(gagal)?
                .set("Parent", self.akar);
        }
        let akar = self.doc.get_dictionary_mut(self.akar).map_err(gagal)?;
        akar.set("Count", kids.len() as i64);
        akar.set("Kids", kids);
        for k in WARISAN {
            akar.remove(k);
        }
        let tautan = self.tautkan(awal_sop)?;
        let label = label_halaman(depan, self.halaman.len());
        for t in tanda {
            let Some(&h) = self.halaman.get(t.halaman) else {
                return Err(gagal("bookmark past the last page"));
            };
            self.doc
                .add_bookmark(Bookmark::new(t.judul.clone(), [0.0; 3], 0, h), None);
        }
        let outline = self.doc.build_outline();
        if let Some(o) = outline {
            self.doc
                .get_dictionary_mut(o)
                .map_err(gagal)?
                .set("Type", "Outlines");
        }
        let catalog = self.doc.catalog_mut().map_err(gagal)?;
        catalog.set("PageLabels", label);
        match outline {
            Some(o) => catalog.set("Outlines", o),
            None => {
                catalog.remove(b"Outlines");
            }
        }
        self.doc.prune_objects();
        let mut pdf = Vec::new();
        self.doc.save_to(&mut pdf).map_err(gagal)?;
        Ok(Terjilid { pdf, tautan })
    }

    /// Turns every link to an SOP's address into a jump to its first page;
    /// returns the links of the book.
    fn tautkan(&mut self, awal_sop: &[usize]) -> Result<Vec<(usize, usize)>, RenderError> {
        let mut tautan = Vec::new();
        for (dari, &h) in self.halaman.iter().enumerate() {
            for annot in anotasi(&self.doc, h) {
                let Some(sop) = tujuan_sop(&self.doc, annot) else {
                    continue;
                };
                let Some(&ke) = awal_sop.get(sop) else {
                    return Err(gagal("a link to an SOP that is not in the book"));
                };
                let halaman = self.halaman[ke];
                let a = self.doc.get_dictionary_mut(annot).map_err(gagal)?;
                a.set(
                    "A",
                    dictionary! { "S" => "GoTo", "D" => vec![halaman.into(), "Fit".into()] },
                );
                tautan.push((dari, ke));
            }
        }
        tautan.dedup();
        Ok(tautan)
    }
}

/// The page labels of a book: i, ii, … for the `depan` pages, then 1, 2, …
fn label_halaman(depan: usize, semua: usize) -> Dictionary {
    let mut nums: Vec<Object> = vec![0.into(), dictionary! { "S" => "r" }.into()];
    if semua > depan {
        nums.extend([(depan as i64).into(), dictionary! { "S" => "D" }.into()]);
    }
    dictionary! { "Nums" => nums }
}

/// Puts on page `h` what it inherits from its page tree.
fn warisi(doc: &mut Document, h: ObjectId) -> Result<(), RenderError> {
    let mut warisan = Vec::new();
    let mut node = doc.get_dictionary(h).map_err(gagal)?;
    for _ in 0..32 {
        let Ok(parent) = node.get(b"Parent").and_then(Object::as_reference) else {
            break;
        };
        node = doc.get_dictionary(parent).map_err(gagal)?;
        for k in WARISAN {
            if let Ok(v) = node.get(k) {
                warisan.push((k, v.clone()));
            }
        }
    }
    let page = doc.get_dictionary_mut(h).map_err(gagal)?;
    for (k, v) in warisan {
        if !page.has(k) {
            page.set(k, v);
        }
    }
    Ok(())
}

/// The annotations of page `h` that are objects of their own (Typst writes
/// each one so).
fn anotasi(doc: &Document, h: ObjectId) -> Vec<ObjectId> {
    let Ok(page) = doc.get_dictionary(h) else {
        return Vec::new();
    };
    let annots = match page.get(b"Annots") {
        Ok(Object::Reference(r)) => doc.get_object(*r).ok(),
        Ok(o) => Some(o),
        Err(_) => None,
    };
    annots
        .and_then(|a| a.as_array().ok())
        .map(|a| a.iter().filter_map(|o| o.as_reference().ok()).collect())
        .unwrap_or_default()
}

/// The SOP a link annotation points to by its [`alamat_sop`].
fn tujuan_sop(doc: &Document, annot: ObjectId) -> Option<usize> {
    let a = doc.get_dictionary(annot).ok()?;
    let aksi = match a.get(b"A").ok()? {
        Object::Reference(r) => doc.get_dictionary(*r).ok()?,
        Object::Dictionary(d) => d,
        _ => return None,
    };
    let uri = aksi.get(b"URI").ok()?.as_str().ok()?;
    std::str::from_utf8(uri)
        .ok()?
        .strip_prefix(SKEMA)?
        .parse()
        .ok()
}

fn gagal(e: impl std::fmt::Display) -> RenderError {
    msg!(
        "bagian-bagian buku tidak dapat dijilid menjadi satu PDF: {e}",
        "the parts of the book cannot be bound into one PDF: {e}"
    )
    .into()
}
