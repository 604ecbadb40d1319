//! How high Word lays a paragraph of a `.docx`: its spacing and type size
//! as the paragraph states them ([`Sifat`]), else as its style does
//! (`word/styles.xml`, through `w:basedOn`), its table's style, and the
//! document's defaults ([`Gaya`]) — and the estimate of its height from
//! them ([`tinggi`]), which places the shapes anchored below it and the
//! tables under it.
//!
//! Phases: (1) `styles.xml` is read once into [`Gaya`]; (2) each paragraph
//! of `document.xml` notes what it states itself; (3) when it closes,
//! [`Gaya::jarak`] completes that from its style, its table's style and
//! the defaults, in Word's order: the paragraph's own, its style unless it
//! is the default one, its table's style, the default style, the document's
//! defaults. (Word lets a table style's spacing stand over the default
//! paragraph style's: the text of a *Table Grid* table has no space after
//! it although *Normal* asks for 8 pt.)

use quick_xml::events::{BytesStart, Event};
use std::collections::HashMap;

/// Styles read at most; a `styles.xml` has a few hundred.
const MAX_GAYA: usize = 4_096;
/// Styles based on styles, followed at most.
const MAX_DASAR: usize = 16;

/// A paragraph's line height (`w:line` with its `w:lineRule`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Antar {
    /// `auto`: a multiple of the type's single line.
    Kali(f64),
    /// `exact`: exactly so high (pt).
    Tepat(f64),
    /// `atLeast`: at least so high (pt).
    Minimal(f64),
}

/// A paragraph's spacing, complete: before and after it (pt), its lines'
/// height, and the type size its style gives (0 where none does).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Jarak {
    pub sebelum: f64,
    pub sesudah: f64,
    pub antar: Antar,
    pub ukuran: f64,
}

impl Default for Jarak {
    fn default() -> Jarak {
        Jarak {
            sebelum: 0.0,
            sesudah: 0.0,
            antar: Antar::Kali(1.0),
            ukuran: 0.0,
        }
    }
}

/// What a paragraph, a style or the defaults state of a paragraph's
/// spacing and type size; what they leave unstated comes from below.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Sifat {
    sebelum: Option<f64>,
    sesudah: Option<f64>,
    antar: Option<Antar>,
    ukuran: Option<f64>,
}

impl Sifat {
    /// What `self` states, the rest from `bawah`.
    fn atas(self, bawah: Sifat) -> Sifat {
        Sifat {
            sebelum: self.sebelum.or(bawah.sebelum),
            sesudah: self.sesudah.or(bawah.sesudah),
            antar: self.antar.or(bawah.antar),
            ukuran: self.ukuran.or(bawah.ukuran),
        }
    }

    /// Notes a `w:spacing` of paragraph properties.
    pub fn spasi(&mut self, e: &BytesStart) {
        let pt = |n: &[u8]| twip(e, n).map(|v| v.max(0.0));
        self.sebelum = pt(b"w:before").or(self.sebelum);
        self.sesudah = pt(b"w:after").or(self.sesudah);
        if let Some(line) = twip(e, b"w:line").filter(|v| *v > 0.0) {
            self.antar = Some(match attr(e, b"w:lineRule").as_deref() {
                Some("exact") => Antar::Tepat(line),
                Some("atLeast") => Antar::Minimal(line),
                // in 240ths of a line: `line` pt is line × 20 / 240 of one
                _ => Antar::Kali(line / 12.0),
            });
        }
    }

    /// Notes a `w:sz` (half-points) of run properties.
    fn ukuran(&mut self, e: &BytesStart) {
        self.ukuran = attr(e, b"w:val")
            .and_then(|v| v.parse::<f64>().ok())
            .filter(|v| v.is_finite() && *v > 0.0 && *v < 10_000.0)
            .map(|v| v / 2.0)
            .or(self.ukuran);
    }

    fn jarak(self) -> Jarak {
        let j = Jarak::default();
        Jarak {
            sebelum: self.sebelum.unwrap_or(j.sebelum),
            sesudah: self.sesudah.unwrap_or(j.sesudah),
            antar: self.antar.unwrap_or(j.antar),
            ukuran: self.ukuran.unwrap_or(j.ukuran),
        }
    }
}

/// A style of `styles.xml`: the style it is based on, and what it states.
#[derive(Clone, Debug, Default)]
struct Satu {
    dasar: Option<String>,
    sifat: Sifat,
}

/// The styles of a document that say how high its paragraphs are: its
/// paragraph and table styles by id, its default paragraph style, and its
/// defaults (`w:docDefaults`).
#[derive(Clone, Debug, Default)]
pub struct Gaya {
    alinea: HashMap<String, Satu>,
    tabel: HashMap<String, Satu>,
    bawaan: Option<String>,
    dasar: Sifat,
}

impl Gaya {
    /// Reads `styles.xml`; what it cannot read (a damaged part, none) it
    /// leaves to Word's own defaults.
    pub fn baca(xml: &[u8]) -> Gaya {
        let mut g = Gaya::default();
        let mut r = quick_xml::Reader::from_reader(xml);
        let mut buf = Vec::new();
        // the style being read (paragraph or not, its id), inside docDefaults
        let mut satu: Option<(bool, String, Satu)> = None;
        let mut di_dasar = false;
        while let Ok(ev) = r.read_event_into(&mut buf) {
            match ev {
                Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                    b"w:docDefaults" => di_dasar = true,
                    b"w:style" => {
                        let jenis = attr(&e, b"w:type").unwrap_or_default();
                        let id = attr(&e, b"w:styleId").unwrap_or_default();
                        if jenis == "paragraph" && attr(&e, b"w:default").is_some_and(|v| v == "1")
                        {
                            g.bawaan = Some(id.clone());
                        }
                        satu = matches!(jenis.as_str(), "paragraph" | "table")
                            .then(|| (jenis == "paragraph", id, Satu::default()));
                    }
                    b"w:basedOn" => {
                        if let Some((.., s)) = satu.as_mut() {
                            s.dasar = attr(&e, b"w:val");
                        }
                    }
                    b"w:spacing" | b"w:sz" => {
                        let sifat = match satu.as_mut() {
                            Some((.., s)) => Some(&mut s.sifat),
                            None => di_dasar.then_some(&mut g.dasar),
                        };
                        match sifat {
                            Some(s) if e.name().as_ref() == b"w:sz" => s.ukuran(&e),
                            // (a run's `w:spacing` is its letters', with `w:val`)
                            Some(s) if attr(&e, b"w:val").is_none() => s.spasi(&e),
                            _ => {}
                        }
                    }
                    _ => {}
                },
                Event::End(e) => match e.name().as_ref() {
                    b"w:docDefaults" => di_dasar = false,
                    b"w:style" => {
                        if let Some((alinea, id, s)) = satu.take() {
                            let peta = if alinea { &mut g.alinea } else { &mut g.tabel };
                            if peta.len() < MAX_GAYA {
                                peta.insert(id, s);
                            }
                        }
                    }
                    _ => {}
                },
                Event::Eof => break,
                _ => {}
            }
            buf.clear();
        }
        g
    }

    /// A style with the styles it is based on beneath it.
    fn rantai(peta: &HashMap<String, Satu>, id: Option<&str>) -> Sifat {
        let mut sifat = Sifat::default();
        let mut id = id.map(str::to_owned);
        for _ in 0..MAX_DASAR {
            let Some(s) = id.as_deref().and_then(|i| peta.get(i)) else {
                break;
            };
            sifat = sifat.atas(s.sifat);
            id = s.dasar.clone();
        }
        sifat
    }

    /// A paragraph's spacing: what it states (`sendiri`), then its style
    /// (`gaya`, unless the default one), its table's style (`tabel`), the
    /// default paragraph style, the document's defaults.
    pub fn jarak(&self, sendiri: Sifat, gaya: Option<&str>, tabel: Option<&str>) -> Jarak {
        let bawaan = self.bawaan.as_deref();
        let gaya = gaya.filter(|g| Some(*g) != bawaan);
        let gaya = gaya.map_or_else(Sifat::default, |g| Gaya::rantai(&self.alinea, Some(g)));
        sendiri
            .atas(gaya)
            .atas(Gaya::rantai(&self.tabel, tabel))
            .atas(Gaya::rantai(&self.alinea, bawaan))
            .atas(self.dasar)
            .jarak()
    }
}

/// The height of a paragraph of `huruf` letters of `ukuran` pt (its runs'
/// largest; 0 where none states one) in a column `lebar` pt wide, a line
/// of it holding a drawing `sebaris` pt high in the text (`wp:inline`; 0
/// where none), and whether it is an estimate.
///
/// impor: a single line 1.15 times the type size (Word's Arial and
/// Calibri), an average letter half as wide (the style's size where no run
/// states one, else Word's 11 pt), lines as many as its letters fill; only
/// an empty paragraph of an exact line height is known exactly. A
/// drawing in the text makes its line as high as itself, unless the line
/// is of an exact height (Word cuts the drawing off).
pub fn tinggi(huruf: usize, ukuran: f64, jarak: &Jarak, lebar: f64, sebaris: f64) -> (f64, bool) {
    let satu = huruf_lebar(ukuran, jarak);
    let baris_n = (huruf as f64 * satu / lebar.max(satu)).ceil().max(1.0);
    let (tinggi, tepat) = baris(ukuran, jarak);
    let lebih = if tepat {
        0.0
    } else {
        (sebaris - tinggi).max(0.0)
    };
    (
        jarak.sebelum + baris_n * tinggi + lebih + jarak.sesudah,
        !(tepat && huruf == 0),
    )
}

/// The type size a paragraph is set in: its runs' largest, else its
/// style's, else Word's 11 pt.
fn ukuran_huruf(ukuran: f64, jarak: &Jarak) -> f64 {
    [ukuran, jarak.ukuran, 11.0]
        .into_iter()
        .find(|u| *u > 0.0)
        .unwrap_or(11.0)
}

/// How wide an average letter of the paragraph is (impor: half its size).
pub fn huruf_lebar(ukuran: f64, jarak: &Jarak) -> f64 {
    ukuran_huruf(ukuran, jarak) * 0.5
}

/// How high one line of the paragraph is (as [`tinggi`] counts it), and
/// whether that is exact (`exact` line height) rather than estimated.
pub fn baris(ukuran: f64, jarak: &Jarak) -> (f64, bool) {
    let ukuran = ukuran_huruf(ukuran, jarak);
    match jarak.antar {
        Antar::Kali(k) => (ukuran * 1.15 * k, false),
        Antar::Tepat(h) => (h, true),
        Antar::Minimal(h) => ((ukuran * 1.15).max(h), false),
    }
}

fn attr(e: &BytesStart, name: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .map(|a| String::from_utf8_lossy(&a.value).into_owned())
}

/// A length in twips of the attribute `name`, in pt (negative too).
pub(super) fn twip(e: &BytesStart, name: &[u8]) -> Option<f64> {
    attr(e, name)?
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite() && v.abs() < 1e7)
        .map(|v| v / 20.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Word 2013's own styles: *Normal* 8 pt after, lines 1.08; *Table
    /// Grid* none after, single lines; a heading based on *Normal*.
    const STYLES: &str = r#"<w:styles><w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="22"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="160" w:line="259" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Judul"><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:before="240" w:after="0"/></w:pPr><w:rPr><w:spacing w:val="20"/><w:sz w:val="32"/></w:rPr></w:style><w:style w:type="table" w:styleId="TableGrid"><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:style></w:styles>"#;

    #[test]
    fn a_paragraphs_spacing_comes_from_its_style_its_table_and_the_defaults() {
        let g = Gaya::baca(STYLES.as_bytes());
        let normal = g.jarak(Sifat::default(), None, None);
        assert_eq!(normal.sesudah, 8.0);
        assert_eq!(normal.antar, Antar::Kali(259.0 / 240.0));
        assert_eq!(normal.ukuran, 11.0);
        // in a Table Grid table its spacing stands over Normal's
        let sel = g.jarak(Sifat::default(), Some("Normal"), Some("TableGrid"));
        assert_eq!((sel.sesudah, sel.antar), (0.0, Antar::Kali(1.0)));
        // a style of its own stands over the table's; what it leaves, from below
        let judul = g.jarak(Sifat::default(), Some("Judul"), Some("TableGrid"));
        assert_eq!(
            (judul.sebelum, judul.sesudah, judul.ukuran),
            (12.0, 0.0, 16.0)
        );
        // what the paragraph states stands over all
        let mut sendiri = Sifat::default();
        let e = BytesStart::from_content(r#"w:spacing w:after="80""#, 9);
        sendiri.spasi(&e);
        assert_eq!(g.jarak(sendiri, Some("Judul"), None).sesudah, 4.0);
        // 11 pt, single: 12.65 pt; Normal's: 8 pt after, lines 1.08
        assert!((tinggi(0, 0.0, &sel, 100.0, 0.0).0 - 12.65).abs() < 1e-9);
        let h = tinggi(0, 0.0, &normal, 100.0, 0.0).0;
        assert!((h - (12.65 * 259.0 / 240.0 + 8.0)).abs() < 1e-9, "{h}");
    }

    #[test]
    fn styles_based_on_each_other_in_a_loop_are_read_within_bounds() {
        let xml = r#"<w:styles><w:style w:type="paragraph" w:styleId="A"><w:basedOn w:val="B"/><w:pPr><w:spacing w:after="20"/></w:pPr></w:style><w:style w:type="paragraph" w:styleId="B"><w:basedOn w:val="A"/><w:pPr><w:spacing w:before="40"/></w:pPr></w:style></w:styles>"#;
        let g = Gaya::baca(xml.as_bytes());
        let j = g.jarak(Sifat::default(), Some("A"), None);
        assert_eq!((j.sebelum, j.sesudah), (2.0, 1.0));
        // damaged: what was read before the damage stands
        let g = Gaya::baca(&xml.as_bytes()[..xml.len() / 2]);
        assert_eq!(g.jarak(Sifat::default(), None, None), Jarak::default());
    }
}
