//! Fonts for Typst: the font book of one renderer, made of the faces of
//! [`crate::huruf`] — embedded in the binary, so a PDF never depends on the
//! machine that made it, and, only when a repository asks for one
//! (`[cetak] huruf = "Arial"`), one installed family. Faces are parsed when a
//! document first uses them: a fresh process printing in Liberation Sans
//! never parses the serif.

use crate::huruf::{BAWAAN, SERIF};
use std::sync::OnceLock;
use typst::foundations::Bytes;
use typst::text::{Font, FontBook, FontInfo};
use typst::utils::LazyHash;

/// The embedded faces with their infos, read once per process.
fn embedded() -> &'static [(Bytes, u32, FontInfo)] {
    static FACES: OnceLock<Vec<(Bytes, u32, FontInfo)>> = OnceLock::new();
    FACES.get_or_init(|| {
        crate::huruf::tertanam()
            .iter()
            .flat_map(|&data| {
                FontInfo::iter(data)
                    .enumerate()
                    .map(|(i, info)| (Bytes::new(data), i as u32, info))
                    .collect::<Vec<_>>()
            })
            .collect()
    })
}

/// One face of the book, parsed on first use.
struct Slot {
    data: Bytes,
    index: u32,
    font: OnceLock<Option<Font>>,
}

impl Slot {
    fn new(data: Bytes, index: u32) -> Slot {
        Slot {
            data,
            index,
            font: OnceLock::new(),
        }
    }

    fn get(&self) -> Option<Font> {
        self.font
            .get_or_init(|| Font::new(self.data.clone(), self.index))
            .clone()
    }
}

/// The fonts of one renderer.
pub struct Huruf {
    book: LazyHash<FontBook>,
    slots: Vec<Slot>,
    /// Families in order of preference, as the template's `text(font: …)`.
    keluarga: Vec<String>,
}

impl Huruf {
    /// Embedded fonts only, `family` (an embedded one) first.
    pub fn bawaan(family: &str) -> Huruf {
        let mut keluarga = vec![family.to_owned()];
        keluarga.extend([BAWAAN, SERIF].map(str::to_owned));
        keluarga.dedup();
        Huruf::dari(Vec::new(), keluarga)
    }

    /// A system family first, the embedded fonts as fallback (for glyphs the
    /// system font lacks). `None` when no installed font has that family.
    pub fn sistem(family: &str) -> Option<Huruf> {
        let (name, faces) = crate::huruf::sistem(family)?;
        let faces = faces
            .into_iter()
            .filter_map(|(data, i)| {
                let info = FontInfo::new(&data, i)?;
                Some((Bytes::new(data), i, info))
            })
            .collect();
        Some(Huruf::dari(faces, vec![name, BAWAAN.to_owned()]))
    }

    fn dari(sistem: Vec<(Bytes, u32, FontInfo)>, keluarga: Vec<String>) -> Huruf {
        let mut book = FontBook::new();
        let mut slots = Vec::new();
        for (data, index, info) in sistem.into_iter().chain(embedded().iter().cloned()) {
            book.push(info);
            slots.push(Slot::new(data, index));
        }
        Huruf {
            book: LazyHash::new(book),
            slots,
            keluarga,
        }
    }

    pub fn book(&self) -> &LazyHash<FontBook> {
        &self.book
    }

    pub fn font(&self, index: usize) -> Option<Font> {
        self.slots.get(index)?.get()
    }

    pub fn keluarga(&self) -> &[String] {
        &self.keluarga
    }

    /// How many faces were parsed so far (the rest stay bytes).
    #[cfg(test)]
    fn terbaca(&self) -> usize {
        self.slots.iter().filter(|s| s.font.get().is_some()).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_faces_and_their_styles() {
        let gaya: Vec<(&str, u16, bool)> = embedded()
            .iter()
            .map(|(_, _, i)| {
                let miring = i.variant.style != Default::default();
                (i.family.as_str(), i.variant.weight.to_number(), miring)
            })
            .collect();
        let empat = |f| {
            [
                (f, 400, false),
                (f, 700, false),
                (f, 400, true),
                (f, 700, true),
            ]
        };
        let mut expected = [empat(BAWAAN), empat(SERIF)].concat();
        expected.push(("DejaVu Sans Mono", 400, false));
        assert_eq!(gaya, expected);
    }

    #[test]
    fn faces_are_parsed_only_when_used() {
        let h = Huruf::bawaan(BAWAAN);
        assert_eq!(h.terbaca(), 0);
        let i = h.book().select(&BAWAAN.to_lowercase(), Default::default());
        let font = h.font(i.expect("Liberation Sans regular")).expect("parses");
        assert_eq!(font.info().family, BAWAAN);
        assert_eq!(h.terbaca(), 1);
    }
}
