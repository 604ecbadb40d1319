//! The flowchart Word draws in a `.docx`: every shape of a drawing — a
//! DrawingML `wps:wsp`, alone or inside groups (`wpg:wgp`), or a VML shape
//! or line — with its box in the table cell it is anchored in: flowchart
//! symbols, connectors (`straightConnector1`, `bentConnector2…5`, any shape
//! marked `wps:cNvCnPr`, VML `v:line` and the connector shape types) with
//! their arrowheads, and text boxes (the "Ya"/"Tidak" beside an exit).
//!
//! Phases: (1) while `document.xml` is read, each shape is collected in the
//! coordinates of its drawing, mapped through its groups (DrawingML's, or
//! VML's `v:group` with its own coordinates), and moved by its anchor's
//! offset, noting what that offset counts from ([`Acuan`]: the cell's text
//! and paragraph, or the page or its margin, which the reader of the body
//! resolves into a cell, [`super::docx`]); (2) once the
//! procedure table is known, [`halaman`] lays the table out as Word would
//! — columns from the table grid, rows from their set heights or the text
//! they hold — and turns the shapes into the page the PDF reader sees:
//! connector ink, arrowheads, label words, so that the arrows are traced by
//! the same code as a printed page's ([`super::panah`]).

use super::geom::{Kind, Shape, Sheet, Word};
use kurbo::{Point, Rect};
use std::collections::HashMap;

/// EMU (DrawingML's unit) per point.
const EMU_PT: f64 = 12_700.0;
/// Word's default left cell margin (pt): a `column`-relative anchor
/// counts from the cell's text, inside it.
pub const MARGIN_SEL: f64 = 5.4;
/// Shapes of one document read at most; a bigger drawing is read up to here.
const MAX_BENTUK: usize = 1_000;
/// Groups inside groups.
const MAX_GRUP: usize = 16;
/// Points of one freeform's path read at most.
const MAX_TITIK: usize = 1_000;

/// What a shape is.
#[derive(Clone, Debug, PartialEq)]
pub enum Jenis {
    Simbol(Kind),
    /// A connector: its points from start to end, and where it has heads.
    Garis {
        titik: Vec<Point>,
        kepala_awal: bool,
        kepala_akhir: bool,
    },
    /// A text box: its words.
    Teks(String),
}

/// What an anchor's offset counts from, across or down.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub enum Acuan {
    /// The anchor's text: across, the cell's text start (`column`,
    /// `character`; the page's text column outside a table); down, the top
    /// of the anchor's paragraph (`paragraph`, `line`).
    #[default]
    Teks,
    /// The page's edge (`page`).
    Halaman,
    /// The page's margin (`margin`).
    Margin,
    /// The strip of the page outside its margin on one side (`leftMargin`,
    /// `rightMargin`, `topMargin`, `bottomMargin`; `insideMargin` and
    /// `outsideMargin` as on a page of one side): from its edge nearest
    /// the page's left or top.
    Pinggir(Pinggir),
}

/// A side of the page, outside its margin.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Pinggir {
    Kiri,
    Kanan,
    Atas,
    Bawah,
}

impl Acuan {
    /// A VML `mso-position-…-relative` (`text`, `char` and `line` are
    /// the anchor's text), down (`tegak`) or across.
    fn dari_vml(v: &str, tegak: bool) -> Acuan {
        Acuan::dari_nama(v, "-margin-area", tegak)
    }

    /// A DrawingML `relativeFrom`, down (`tegak`) or across.
    fn dari(v: &str, tegak: bool) -> Acuan {
        Acuan::dari_nama(v, "Margin", tegak)
    }

    /// `page`, `margin`, a strip outside the margin (its side and then
    /// `pinggir`), or else the anchor's text.
    fn dari_nama(v: &str, pinggir: &str, tegak: bool) -> Acuan {
        match v.strip_suffix(pinggir) {
            Some(sisi) => Acuan::pinggir(sisi, tegak),
            None if v == "page" => Acuan::Halaman,
            None if v == "margin" => Acuan::Margin,
            None => Acuan::Teks,
        }
    }

    /// The strip outside the margin a side names (`left`, `inside`, …).
    fn pinggir(sisi: &str, tegak: bool) -> Acuan {
        Acuan::Pinggir(match (sisi, tegak) {
            ("left", _) => Pinggir::Kiri,
            ("right", _) => Pinggir::Kanan,
            ("top", _) => Pinggir::Atas,
            ("bottom", _) => Pinggir::Bawah,
            ("inside" | "inner", false) => Pinggir::Kiri,
            ("inside" | "inner", true) => Pinggir::Atas,
            (_, false) => Pinggir::Kanan,
            (_, true) => Pinggir::Bawah,
        })
    }
}

/// One shape, its box (and a connector's points) from its anchor: in its
/// cell's coordinates, pt from the cell's text start and the row's top,
/// unless [`Bentuk::acuan`] says it counts from the page or its margin.
#[derive(Clone, Debug)]
pub struct Bentuk {
    pub jenis: Jenis,
    pub kotak: Rect,
    /// The words typed in a symbol (an off-page connector's letter).
    pub teks: String,
    /// What its offsets count from, across and down.
    pub acuan: (Acuan, Acuan),
    /// Its place was estimated (from the height of text above it), not
    /// read: its step is noted for review.
    pub kira: bool,
    /// Where its anchor is aligned rather than set by an offset.
    pub jajar: Jajaran,
    /// Laid out in the cell its anchor is in (`layoutInCell`, VML's
    /// `o:allowincell`; so unless stated otherwise).
    pub di_sel: bool,
    /// How the text around it flows past it, where it does not flow
    /// under or over it.
    pub lilit: Option<Lilitan>,
}

/// How text flows past a shape (`wp:wrapTopAndBottom`, `wp:wrapSquare`,
/// `wp:wrapTight`, `wp:wrapThrough`; VML's `w10:wrap`): only above and
/// below it, or also beside it on the sides `wrapText` allows.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Lilit {
    AtasBawah,
    Samping(SisiLilit),
}

/// The sides of a shape text may flow beside (`wrapText`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum SisiLilit {
    Keduanya,
    Kiri,
    Kanan,
    Terlebar,
}

/// The text a shape keeps away: how it flows past, and the box it may not
/// enter — its anchor's (`wp:extent`), widened by the distances it keeps
/// (`distT`, `distB`, `distL`, `distR`), in the shape's coordinates.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Lilitan {
    pub cara: Lilit,
    pub kotak: Rect,
}

/// Where an anchor is aligned in what it counts from (`wp:align`): at its
/// start, middle or end.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Jajar {
    Awal,
    Tengah,
    Akhir,
    /// At a share of it (`wp14:pctPosHOffset`, `wp14:pctPosVOffset`: the
    /// drafter's "relative position"), 0 to 1 and beyond.
    Bagian(f64),
}

/// An anchor's alignment across and down, and its size (`wp:extent`, pt):
/// the shapes it holds are placed as a whole.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Jajaran {
    pub h: Option<Jajar>,
    pub v: Option<Jajar>,
    pub luas: (f64, f64),
}

impl Bentuk {
    /// The flowchart symbol it is, if it is one.
    pub fn simbol(&self) -> Option<Kind> {
        match self.jenis {
            Jenis::Simbol(k) if k != Kind::Connector => Some(k),
            _ => None,
        }
    }

    /// Aligned where its anchor says, across in `lebar` and down in
    /// `tinggi` (pt from the start of what it counts from) where these are
    /// given; its alignment then spent.
    pub fn jajarkan(self, lebar: Option<f64>, tinggi: Option<f64>) -> Bentuk {
        let j = self.jajar;
        let di = |jajar: Option<Jajar>, ruang: Option<f64>, luas: f64| match (jajar, ruang) {
            (Some(Jajar::Awal), Some(_)) => Some(0.0),
            (Some(Jajar::Tengah), Some(r)) => Some((r - luas) / 2.0),
            (Some(Jajar::Akhir), Some(r)) => Some(r - luas),
            (Some(Jajar::Bagian(f)), Some(r)) => Some(f * r),
            _ => None,
        };
        let x = di(j.h, lebar, j.luas.0);
        let y = di(j.v, tinggi, j.luas.1);
        let mut b = self.geser(kurbo::Vec2::new(x.unwrap_or(0.0), y.unwrap_or(0.0)));
        if x.is_some() {
            b.jajar.h = None;
        }
        if y.is_some() {
            b.jajar.v = None;
        }
        b
    }

    /// Moved by `by`.
    pub fn geser(mut self, by: kurbo::Vec2) -> Bentuk {
        self.kotak = self.kotak + by;
        if let Some(l) = &mut self.lilit {
            l.kotak = l.kotak + by;
        }
        if let Jenis::Garis { titik, .. } = &mut self.jenis {
            titik.iter_mut().for_each(|p| *p += by);
        }
        self
    }

    fn peta(mut self, g: &Grup) -> Bentuk {
        let a = g.peta(self.kotak.origin());
        let b = g.peta(Point::new(self.kotak.x1, self.kotak.y1));
        self.kotak = Rect::from_points(a, b);
        if let Jenis::Garis { titik, .. } = &mut self.jenis {
            titik.iter_mut().for_each(|p| *p = g.peta(*p));
        }
        self
    }
}

/// A group's transform: its children's space (`chOff`, `chExt`) onto its
/// own box (`off`, `ext`).
#[derive(Clone, Debug, Default)]
pub struct Grup {
    off: Point,
    ext: (f64, f64),
    ch_off: Point,
    ch_ext: (f64, f64),
}

impl Grup {
    fn peta(&self, p: Point) -> Point {
        let skala = |e: f64, c: f64| if c > 0.0 { e / c } else { 1.0 };
        Point::new(
            self.off.x + (p.x - self.ch_off.x) * skala(self.ext.0, self.ch_ext.0),
            self.off.y + (p.y - self.ch_off.y) * skala(self.ext.1, self.ch_ext.1),
        )
    }
}

/// A shape being read.
#[derive(Clone, Debug, Default)]
struct Baru {
    /// DrawingML preset or VML shape type.
    bentuk: Option<String>,
    konektor: bool,
    off: Point,
    ext: (f64, f64),
    flip_h: bool,
    flip_v: bool,
    /// Degrees clockwise.
    rot: f64,
    /// `adj1` of a bent connector, as a fraction of its width.
    adj: Option<f64>,
    kepala_awal: bool,
    kepala_akhir: bool,
    teks: String,
    /// A VML line's points (`v:line`'s ends, `v:polyline`'s points).
    garis: Option<Vec<Point>>,
    /// A freeform (`a:custGeom`): its path's points in the path's own
    /// coordinates, the path's size, whether it closes (a shape, not a
    /// line), and where a curve's points start while one is read.
    bebas: Vec<Point>,
    bebas_ukuran: (f64, f64),
    bebas_tutup: bool,
    /// Past the path's first figure: a second `moveTo` is not read.
    bebas_selesai: bool,
    kurva: Option<usize>,
    /// A VML shape's: what its offsets count from, whether it is laid out
    /// in its cell (a DrawingML shape's are its anchor's).
    acuan: (Acuan, Acuan),
    di_sel: bool,
    /// A VML shape's wrapping (`w10:wrap`).
    lilit: Option<Lilit>,
}

impl Baru {
    /// A shape of this drawing, with the anchor's reference and layout.
    fn hasil(&self, jenis: Jenis, kotak: Rect, teks: String) -> Bentuk {
        Bentuk {
            jenis,
            kotak,
            teks,
            acuan: self.acuan,
            kira: false,
            jajar: Jajaran::default(),
            di_sel: self.di_sel,
            lilit: self.lilit.map(|cara| Lilitan { cara, kotak }),
        }
    }

    /// A line through `titik`, with the arrowheads this drawing has.
    fn garis_lewat(&self, titik: Vec<Point>) -> Jenis {
        Jenis::Garis {
            titik,
            kepala_awal: self.kepala_awal,
            kepala_akhir: self.kepala_akhir,
        }
    }

    /// A text box: its words, if it has any; any other shape only where
    /// it keeps text away (a plain rectangle wrapped "top and bottom").
    fn kotak_teks(&self, kotak: Rect, teks: String) -> Option<Bentuk> {
        (!teks.is_empty() || self.lilit.is_some())
            .then(|| self.hasil(Jenis::Teks(teks.clone()), kotak, teks))
    }

    fn selesai(self) -> Option<Bentuk> {
        let kotak = Rect::new(
            self.off.x,
            self.off.y,
            self.off.x + self.ext.0,
            self.off.y + self.ext.1,
        );
        let nama = self.bentuk.as_deref().unwrap_or("");
        let teks = self.teks.split_whitespace().collect::<Vec<_>>().join(" ");
        if let Some(titik) = self.garis.clone().filter(|t| t.len() >= 2) {
            let kotak = titik
                .iter()
                .fold(Rect::from_points(titik[0], titik[0]), |k, p| k.union_pt(*p));
            return Some(self.hasil(self.garis_lewat(titik), kotak, teks));
        }
        if let Some(k) = super::docx::kind_of(nama) {
            return Some(self.hasil(Jenis::Simbol(k), kotak, teks));
        }
        if nama == "custGeom" {
            return self.bebas(kotak, teks);
        }
        let garis = self.konektor
            || nama == "line"
            || nama.starts_with("straightConnector")
            || nama.starts_with("bentConnector")
            || nama.starts_with("curvedConnector")
            || matches!(
                nama,
                "_x0000_t32" | "_x0000_t33" | "_x0000_t34" | "_x0000_t38"
            );
        if garis {
            return Some(self.hasil(self.garis_lewat(self.jalur(nama)), kotak, String::new()));
        }
        self.kotak_teks(kotak, teks)
    }

    /// A freeform (LibreOffice's polyline, Word's "Freeform"): drawn open,
    /// a line through its path's points (impor: read as a connector);
    /// closed, a shape that is no flowchart symbol, its words a text box's.
    fn bebas(&self, kotak: Rect, teks: String) -> Option<Bentuk> {
        if self.bebas_tutup || self.bebas.len() < 2 || !teks.is_empty() {
            return self.kotak_teks(kotak, teks);
        }
        let skala = |e: f64, u: f64| if u > 0.0 { e / u } else { 0.0 };
        let (sx, sy) = (
            skala(self.ext.0, self.bebas_ukuran.0),
            skala(self.ext.1, self.bebas_ukuran.1),
        );
        let lokal: Vec<(f64, f64)> = self.bebas.iter().map(|p| (p.x * sx, p.y * sy)).collect();
        Some(self.hasil(self.garis_lewat(self.letak(lokal)), kotak, String::new()))
    }

    /// A connector's points: its preset's path in its box, flipped and
    /// turned as the shape says.
    fn jalur(&self, nama: &str) -> Vec<Point> {
        let (w, h) = self.ext;
        self.letak(
            if nama.starts_with("bentConnector2") || nama == "_x0000_t33" {
                vec![(0.0, 0.0), (w, 0.0), (w, h)]
            } else if nama.starts_with("bentConnector") || nama == "_x0000_t34" {
                let a = self.adj.unwrap_or(0.5) * w;
                vec![(0.0, 0.0), (a, 0.0), (a, h), (w, h)]
            } else {
                vec![(0.0, 0.0), (w, h)]
            },
        )
    }

    /// Points in the shape's box (pt from its corner) where the shape puts
    /// them: flipped and turned as it says, at its offset.
    fn letak(&self, lokal: Vec<(f64, f64)>) -> Vec<Point> {
        let (w, h) = self.ext;
        let lokal: Vec<Point> = lokal
            .into_iter()
            .map(|(x, y)| {
                Point::new(
                    if self.flip_h { w - x } else { x },
                    if self.flip_v { h - y } else { y },
                )
            })
            .collect();
        let tengah = Point::new(w / 2.0, h / 2.0);
        let putar = kurbo::Affine::rotate_about(self.rot.to_radians(), tengah);
        lokal
            .into_iter()
            .map(|p| putar * p + self.off.to_vec2())
            .collect()
    }
}

/// Which offset of an anchor a `wp:posOffset` gives.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Sumbu {
    H,
    V,
}

/// The drawings of a document as they are read: the shape, groups and
/// anchor open now, and the shapes of the anchor open now.
#[derive(Debug, Default)]
pub struct Gambar {
    /// An anchor's offset in its cell (pt) and the shapes read inside it.
    jangkar: Option<(Point, Vec<Bentuk>)>,
    sumbu: Option<Sumbu>,
    in_offset: bool,
    grup: Vec<Grup>,
    /// Inside a group's own properties (its `a:xfrm` is the group's).
    in_grup_sppr: bool,
    baru: Option<Baru>,
    /// What the open anchor's offsets count from; where it is aligned
    /// instead, and its size; inside its `wp:align`.
    acuan: (Acuan, Acuan),
    jajar: Jajaran,
    in_align: bool,
    /// Inside a `wp14:pctPos…Offset`.
    in_bagian: bool,
    di_sel: bool,
    /// How the open anchor's text flows past it, and the distances it
    /// keeps (pt: top, bottom, left, right).
    lilit: Option<Lilit>,
    jarak: [f64; 4],
    /// A VML shape being read (outside any DrawingML anchor).
    vml: Option<Baru>,
    /// The `v:group`s open, outermost first: each maps its children's
    /// coordinates (`coordorigin`, `coordsize`) onto its box in its
    /// parent's; the outermost's offsets count from what it says.
    vml_grup: Vec<Grup>,
    vml_acuan: ((Acuan, Acuan), bool),
    /// `v:group`s past [`MAX_GRUP`], whose shapes are not read.
    vml_terlalu: usize,
    /// Shapes read so far, to bound them.
    jumlah: usize,
    /// The tallest drawing in the text (`wp:inline`, its `wp:extent`)
    /// closed since this was last taken (pt): its paragraph's line is as
    /// high.
    pub sebaris: f64,
}

fn attr(e: &quick_xml::events::BytesStart, name: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .map(|a| String::from_utf8_lossy(&a.value).into_owned())
}

fn emu(e: &quick_xml::events::BytesStart, name: &[u8]) -> f64 {
    attr(e, name)
        .and_then(|v| v.parse::<f64>().ok())
        .filter(|v| v.is_finite() && v.abs() < 1e12)
        .map_or(0.0, |v| v / EMU_PT)
}

/// A VML length (`12pt`, `0.5in`, `20px`, a bare number in px) in pt.
fn panjang(v: &str) -> Option<f64> {
    let v = v.trim();
    let (angka, satuan) = v.split_at(
        v.find(|c: char| c.is_ascii_alphabetic() || c == '%')
            .unwrap_or(v.len()),
    );
    let n: f64 = angka.trim().parse().ok().filter(|n: &f64| n.is_finite())?;
    let pt = match satuan {
        "pt" => n,
        "in" => n * 72.0,
        "cm" => n * 72.0 / 2.54,
        "mm" => n * 72.0 / 25.4,
        "emu" => n / EMU_PT,
        "px" | "" => n * 0.75,
        _ => return None,
    };
    (pt.abs() < 1e6).then_some(pt)
}

impl Gambar {
    /// Notes an element that opens (or an empty one), inside a cell or not.
    pub fn buka(&mut self, e: &quick_xml::events::BytesStart) {
        match e.name().as_ref() {
            b"wp:anchor" | b"wp:inline" => {
                self.jangkar = Some((Point::ZERO, Vec::new()));
                self.acuan = Default::default();
                self.jajar = Jajaran::default();
                self.di_sel = attr(e, b"layoutInCell").is_none_or(|v| v != "0" && v != "false");
                self.lilit = None;
                self.jarak = [b"distT", b"distB", b"distL", b"distR"].map(|n| emu(e, n));
            }
            b"wp:wrapTopAndBottom" if self.jangkar.is_some() => self.lilit = Some(Lilit::AtasBawah),
            b"wp:wrapSquare" | b"wp:wrapTight" | b"wp:wrapThrough" if self.jangkar.is_some() => {
                self.lilit = Some(Lilit::Samping(sisi_lilit(attr(e, b"wrapText").as_deref())));
            }
            b"w10:wrap" => {
                if let Some(b) = self.vml.as_mut() {
                    b.lilit = match attr(e, b"type").as_deref() {
                        Some("topAndBottom") => Some(Lilit::AtasBawah),
                        Some("square" | "tight" | "through") => {
                            Some(Lilit::Samping(sisi_lilit(attr(e, b"side").as_deref())))
                        }
                        _ => None,
                    };
                }
            }
            b"wp:align" => self.in_align = true,
            b"wp14:pctPosHOffset" | b"wp14:pctPosVOffset" => self.in_bagian = true,
            b"wp:extent" => self.jajar.luas = (emu(e, b"cx"), emu(e, b"cy")),
            b"wp:positionH" => {
                self.sumbu = Some(Sumbu::H);
                self.acuan.0 = Acuan::dari(&attr(e, b"relativeFrom").unwrap_or_default(), false);
            }
            b"wp:positionV" => {
                self.sumbu = Some(Sumbu::V);
                self.acuan.1 = Acuan::dari(&attr(e, b"relativeFrom").unwrap_or_default(), true);
            }
            b"wp:posOffset" => self.in_offset = true,
            b"wpg:wgp" | b"wpg:grpSp" | b"wpc:wpc" if self.grup.len() < MAX_GRUP => {
                self.grup.push(Grup::default());
            }
            b"wpg:grpSpPr" => self.in_grup_sppr = true,
            // (its anchor's wrapping is read before it)
            b"wps:wsp" => {
                self.baru = Some(Baru {
                    lilit: self.lilit,
                    ..Baru::default()
                });
            }
            b"wps:cNvCnPr" => {
                if let Some(b) = self.baru.as_mut() {
                    b.konektor = true;
                }
            }
            b"a:xfrm" => {
                let flip = |n: &[u8]| attr(e, n).is_some_and(|v| v == "1" || v == "true");
                let rot = attr(e, b"rot")
                    .and_then(|v| v.parse::<f64>().ok())
                    .filter(|v| v.is_finite())
                    .map_or(0.0, |v| v / 60_000.0);
                if let Some(b) = self.baru.as_mut().filter(|_| !self.in_grup_sppr) {
                    b.flip_h = flip(b"flipH");
                    b.flip_v = flip(b"flipV");
                    b.rot = rot;
                }
            }
            b"a:off" | b"a:ext" | b"a:chOff" | b"a:chExt" => self.xfrm(e),
            b"a:prstGeom" => {
                if let Some(b) = self.baru.as_mut() {
                    b.bentuk = attr(e, b"prst");
                }
            }
            b"a:custGeom" => {
                if let Some(b) = self.baru.as_mut() {
                    b.bentuk = Some("custGeom".into());
                }
            }
            b"a:gd" => {
                let adj = attr(e, b"name").is_some_and(|n| n == "adj1");
                if let (true, Some(b)) = (adj, self.baru.as_mut()) {
                    b.adj = attr(e, b"fmla")
                        .and_then(|f| f.strip_prefix("val ")?.trim().parse::<f64>().ok())
                        .filter(|v| v.is_finite())
                        .map(|v| v / 100_000.0);
                }
            }
            b"a:headEnd" | b"a:tailEnd" => {
                let kepala = attr(e, b"type").is_some_and(|t| t != "none");
                if let Some(b) = self.baru.as_mut() {
                    if e.name().as_ref() == b"a:headEnd" {
                        b.kepala_awal = kepala;
                    } else {
                        b.kepala_akhir = kepala;
                    }
                }
            }
            b"v:group" if self.jangkar.is_none() => self.vml_grup_buka(e),
            b"v:shape" | b"v:line" | b"v:polyline" | b"v:rect" | b"v:roundrect" | b"v:oval"
                if self.vml_terlalu == 0 && self.jangkar.is_none() =>
            {
                self.vml = Some(vml(e, !self.vml_grup.is_empty()));
            }
            b"v:stroke" => {
                let panah = |n: &[u8]| attr(e, n).is_some_and(|v| v != "none");
                if let Some(b) = self.vml.as_mut() {
                    b.kepala_awal = panah(b"startarrow");
                    b.kepala_akhir = panah(b"endarrow");
                }
            }
            _ => self.jalur_bebas(e),
        }
    }

    /// A freeform's path: its size, and the points of its first figure
    /// (a curve by its end point only).
    fn jalur_bebas(&mut self, e: &quick_xml::events::BytesStart) {
        let Some(b) = self.baru.as_mut() else { return };
        match e.name().as_ref() {
            b"a:path" if b.bebas.is_empty() => {
                b.bebas_ukuran = (emu(e, b"w"), emu(e, b"h"));
            }
            b"a:moveTo" => b.bebas_selesai |= !b.bebas.is_empty(),
            b"a:close" => b.bebas_tutup |= !b.bebas_selesai,
            b"a:cubicBezTo" | b"a:quadBezTo" => b.kurva = Some(b.bebas.len()),
            b"a:pt" if !b.bebas_selesai && b.bebas.len() < MAX_TITIK => {
                b.bebas.push(Point::new(emu(e, b"x"), emu(e, b"y")));
            }
            _ => {}
        }
    }

    fn xfrm(&mut self, e: &quick_xml::events::BytesStart) {
        let (x, y) = match e.name().as_ref() {
            b"a:off" | b"a:chOff" => (emu(e, b"x"), emu(e, b"y")),
            _ => (emu(e, b"cx"), emu(e, b"cy")),
        };
        // `a:ext` also names an extension (with `uri`), which has no size
        if attr(e, b"uri").is_some() {
            return;
        }
        if self.in_grup_sppr {
            if let Some(g) = self.grup.last_mut() {
                match e.name().as_ref() {
                    b"a:off" => g.off = Point::new(x, y),
                    b"a:ext" => g.ext = (x, y),
                    b"a:chOff" => g.ch_off = Point::new(x, y),
                    _ => g.ch_ext = (x, y),
                }
            }
        } else if let Some(b) = self.baru.as_mut() {
            match e.name().as_ref() {
                b"a:off" => b.off = Point::new(x, y),
                b"a:ext" => b.ext = (x, y),
                _ => {}
            }
        }
    }

    /// Text inside an element: an anchor's offset, or the words of the
    /// shape being read.
    pub fn teks(&mut self, s: &str) {
        if self.in_align || self.in_bagian {
            let j = match s.trim() {
                // in thousandths of a percent
                v if self.in_bagian => v
                    .parse::<f64>()
                    .ok()
                    .filter(|v| v.is_finite() && v.abs() < 1e9)
                    .map(|v| Jajar::Bagian(v / 100_000.0)),
                "left" | "top" | "inside" => Some(Jajar::Awal),
                "center" => Some(Jajar::Tengah),
                "right" | "bottom" | "outside" => Some(Jajar::Akhir),
                _ => None,
            };
            match self.sumbu {
                Some(Sumbu::H) => self.jajar.h = j,
                Some(Sumbu::V) => self.jajar.v = j,
                None => {}
            }
        } else if self.in_offset {
            let v = s
                .trim()
                .parse::<f64>()
                .ok()
                .filter(|v| v.is_finite() && v.abs() < 1e12);
            if let (Some((at, _)), Some(v)) = (self.jangkar.as_mut(), v) {
                match self.sumbu {
                    Some(Sumbu::H) => at.x = v / EMU_PT,
                    Some(Sumbu::V) => at.y = v / EMU_PT,
                    None => {}
                }
            }
        } else if let Some(b) = self.baru.as_mut().or(self.vml.as_mut()) {
            b.teks.push_str(s);
            b.teks.push(' ');
        }
    }

    /// Notes an element that closes; the shapes an anchor or a VML shape
    /// completes, in their cell's coordinates.
    pub fn tutup(&mut self, name: &[u8]) -> Vec<Bentuk> {
        match name {
            b"wp:posOffset" => self.in_offset = false,
            b"wp:align" => self.in_align = false,
            b"wp14:pctPosHOffset" | b"wp14:pctPosVOffset" => self.in_bagian = false,
            b"wp:positionH" | b"wp:positionV" => self.sumbu = None,
            b"wpg:grpSpPr" => self.in_grup_sppr = false,
            b"wpg:wgp" | b"wpg:grpSp" | b"wpc:wpc" => {
                self.grup.pop();
            }
            b"a:cubicBezTo" | b"a:quadBezTo" => {
                if let Some(b) = self.baru.as_mut()
                    && let Some(awal) = b.kurva.take()
                    && b.bebas.len() > awal + 1
                {
                    // a curve's control points are not on it: its end is
                    let akhir = b.bebas.len() - 1;
                    b.bebas.drain(awal..akhir);
                }
            }
            b"wps:wsp" => {
                let bentuk = self.baru.take().and_then(Baru::selesai);
                if let (Some(mut b), Some((_, di))) = (bentuk, self.jangkar.as_mut())
                    && self.jumlah < MAX_BENTUK
                {
                    // innermost group first, out to the drawing's own space
                    for g in self.grup.iter().rev() {
                        b = b.peta(g);
                    }
                    self.jumlah += 1;
                    di.push(b);
                }
            }
            b"wp:anchor" | b"wp:inline" => {
                if name == b"wp:inline" && self.jajar.luas.1.is_finite() {
                    self.sebaris = self.sebaris.max(self.jajar.luas.1);
                }
                if let Some((at, di)) = self.jangkar.take() {
                    let (acuan, jajar, di_sel) = (self.acuan, self.jajar, self.di_sel);
                    // the anchor's box as a whole (a group's shapes one box)
                    let [t, b, l, r] = self.jarak;
                    let lilit = self.lilit.map(|cara| Lilitan {
                        cara,
                        kotak: Rect::new(-l, -t, jajar.luas.0 + r, jajar.luas.1 + b),
                    });
                    return di
                        .into_iter()
                        .map(|mut b| {
                            b.acuan = acuan;
                            b.jajar = jajar;
                            b.di_sel = di_sel;
                            b.lilit = lilit;
                            b.geser(at.to_vec2())
                        })
                        .collect();
                }
            }
            b"v:group" if self.jangkar.is_none() => {
                if self.vml_terlalu > 0 {
                    self.vml_terlalu -= 1;
                } else {
                    self.vml_grup.pop();
                }
            }
            b"v:shape" | b"v:line" | b"v:polyline" | b"v:rect" | b"v:roundrect" | b"v:oval" => {
                if self.jumlah < MAX_BENTUK
                    && let Some(mut b) = self.vml.take().and_then(Baru::selesai)
                {
                    // innermost group first, out to the anchor's space
                    for g in self.vml_grup.iter().rev() {
                        b = b.peta(g);
                    }
                    if !self.vml_grup.is_empty() {
                        (b.acuan, b.di_sel) = self.vml_acuan;
                        // (a group's wrapping is the group's, not read)
                        b.lilit = None;
                    }
                    self.jumlah += 1;
                    return vec![b];
                }
            }
            _ => {}
        }
        Vec::new()
    }

    /// A `v:group` opens: its box (in its parent's coordinates) and its
    /// children's coordinates, `coordorigin` and `coordsize` (VML's 1000 ×
    /// 1000 unless stated).
    fn vml_grup_buka(&mut self, e: &quick_xml::events::BytesStart) {
        if self.vml_terlalu > 0 || self.vml_grup.len() >= MAX_GRUP {
            self.vml_terlalu += 1;
            return;
        }
        let b = vml(e, !self.vml_grup.is_empty());
        if self.vml_grup.is_empty() {
            self.vml_acuan = (b.acuan, b.di_sel);
        }
        let (ox, oy) = pasangan(e, b"coordorigin", (0.0, 0.0));
        self.vml_grup.push(Grup {
            off: b.off,
            ext: b.ext,
            ch_off: Point::new(ox, oy),
            ch_ext: pasangan(e, b"coordsize", (1000.0, 1000.0)),
        });
    }
}

/// The sides text flows beside a shape (`wrapText`, VML's `side`): both
/// unless stated.
fn sisi_lilit(v: Option<&str>) -> SisiLilit {
    match v {
        Some("left") => SisiLilit::Kiri,
        Some("right") => SisiLilit::Kanan,
        Some("largest") => SisiLilit::Terlebar,
        _ => SisiLilit::Keduanya,
    }
}

/// A VML pair of numbers `x,y` of the attribute `n` (`coordorigin`,
/// `coordsize`), each `asal`'s where it is missing.
fn pasangan(e: &quick_xml::events::BytesStart, n: &[u8], asal: (f64, f64)) -> (f64, f64) {
    let v = attr(e, n).unwrap_or_default();
    let mut angka = v.split(',').map(|a| {
        a.trim()
            .parse::<f64>()
            .ok()
            .filter(|a| a.is_finite() && a.abs() < 1e9)
    });
    let x = angka.next().flatten().unwrap_or(asal.0);
    let y = angka.next().flatten().unwrap_or(asal.1);
    (x, y)
}

/// A VML shape from its attributes: type, `style` box and flips, a line's
/// `from`/`to`, what its offsets count from. Inside a group (`dalam_grup`)
/// its numbers are the group's own units, not lengths.
fn vml(e: &quick_xml::events::BytesStart, dalam_grup: bool) -> Baru {
    let mut b = Baru {
        bentuk: attr(e, b"type").map(|t| t.trim_start_matches('#').to_owned()),
        konektor: attr(e, b"o:connectortype").is_some_and(|t| t != "none"),
        di_sel: attr(e, b"o:allowincell").is_none_or(|v| v != "f" && v != "false"),
        ..Baru::default()
    };
    if e.name().as_ref() == b"v:rect" {
        b.bentuk = Some("rect".into());
    }
    let ukur = |v: &str| {
        if dalam_grup {
            v.trim()
                .parse::<f64>()
                .ok()
                .filter(|n| n.is_finite() && n.abs() < 1e9)
                .or_else(|| panjang(v))
        } else {
            panjang(v)
        }
    };
    let style = attr(e, b"style").unwrap_or_default();
    for (k, v) in style
        .split(';')
        .filter_map(|d| d.split_once(':'))
        .map(|(k, v)| (k.trim(), v.trim()))
    {
        match k {
            "margin-left" | "left" => b.off.x = ukur(v).unwrap_or(0.0),
            "margin-top" | "top" => b.off.y = ukur(v).unwrap_or(0.0),
            "width" => b.ext.0 = ukur(v).unwrap_or(0.0),
            "height" => b.ext.1 = ukur(v).unwrap_or(0.0),
            "mso-position-horizontal-relative" => b.acuan.0 = Acuan::dari_vml(v, false),
            "mso-position-vertical-relative" => b.acuan.1 = Acuan::dari_vml(v, true),
            "flip" => {
                b.flip_h = v.contains('x');
                b.flip_v = v.contains('y');
            }
            "rotation" => {
                b.rot = v
                    .parse::<f64>()
                    .ok()
                    .filter(|r| r.is_finite())
                    .unwrap_or(0.0)
            }
            _ => {}
        }
    }
    let titik = |v: &str| {
        let (x, y) = v.split_once(',')?;
        Some(Point::new(ukur(x)?, ukur(y)?))
    };
    match e.name().as_ref() {
        b"v:line" => {
            let dari = attr(e, b"from").as_deref().and_then(titik);
            let ke = attr(e, b"to").as_deref().and_then(titik);
            if let (Some(a), Some(z)) = (dari, ke) {
                b.garis = Some(vec![a + b.off.to_vec2(), z + b.off.to_vec2()]);
            }
        }
        // an older Word's freeform of straight stretches: its points, in
        // pairs, from where it stands
        b"v:polyline" => {
            let isi = attr(e, b"points").unwrap_or_default();
            let bagian: Vec<&str> = isi
                .split([',', ' '])
                .filter(|a| !a.trim().is_empty())
                .collect();
            let titik: Vec<Point> = bagian
                .chunks_exact(2)
                .take(MAX_TITIK)
                .map_while(|p| Some(Point::new(ukur(p[0])?, ukur(p[1])?) + b.off.to_vec2()))
                .collect();
            b.garis = Some(titik);
        }
        // a freeform: a VML path of no shape type, read as DrawingML's,
        // in its `coordsize` (from its `coordorigin`)
        b"v:shape" if b.bentuk.is_none() => {
            if let Some((titik, tutup)) = attr(e, b"path").as_deref().and_then(jalur_vml) {
                let asal = pasangan(e, b"coordorigin", (0.0, 0.0));
                b.bentuk = Some("custGeom".into());
                b.bebas = titik
                    .into_iter()
                    .map(|p| Point::new(p.x - asal.0, p.y - asal.1))
                    .collect();
                b.bebas_ukuran = pasangan(e, b"coordsize", (1000.0, 1000.0));
                b.bebas_tutup = tutup;
            }
        }
        _ => {}
    }
    b
}

/// The points of a VML path's first figure (`m`, `l`, `c` by its end,
/// their relative `t`, `r`, `v`; `x` closes it, `e` ends it; `nf`, `ns`
/// change nothing of its course), in its own coordinates, and whether it
/// closes; `None` for a path of anything else (arcs, quadrants: a shape,
/// not a line).
fn jalur_vml(path: &str) -> Option<(Vec<Point>, bool)> {
    let mut titik: Vec<Point> = Vec::new();
    let mut tutup = false;
    let mut kini = Point::ZERO;
    let mut rest = path.trim();
    while !rest.is_empty() {
        let n = rest
            .find(|c: char| !c.is_ascii_alphabetic())
            .unwrap_or(rest.len());
        let (perintah, sisa) = rest.split_at(n);
        let m = sisa
            .find(|c: char| c.is_ascii_alphabetic())
            .unwrap_or(sisa.len());
        let (isi, sisa) = sisa.split_at(m);
        rest = sisa.trim_start();
        // numbers apart by commas or spaces, an empty one 0
        let isi = isi.split_whitespace().collect::<Vec<_>>().join(",");
        let angka: Vec<f64> = if isi.is_empty() {
            Vec::new()
        } else {
            isi.split(',')
                .map(|a| {
                    a.trim()
                        .parse::<f64>()
                        .ok()
                        .filter(|a| a.is_finite())
                        .unwrap_or(0.0)
                })
                .collect()
        };
        let pasangan: Vec<Point> = angka
            .chunks_exact(2)
            .map(|p| Point::new(p[0], p[1]))
            .collect();
        match perintah {
            // a move starts the figure (a second one is not read); pairs
            // after its first go on as lines
            "m" | "t" | "l" | "r" => {
                if matches!(perintah, "m" | "t") && !titik.is_empty() {
                    break;
                }
                let relatif = matches!(perintah, "t" | "r");
                for p in &pasangan {
                    kini = if relatif { kini + p.to_vec2() } else { *p };
                    titik.push(kini);
                }
            }
            "c" | "v" => {
                for p in pasangan.chunks_exact(3) {
                    kini = if perintah == "v" {
                        kini + p[2].to_vec2()
                    } else {
                        p[2]
                    };
                    titik.push(kini);
                }
            }
            "x" => tutup = true,
            "e" => break,
            "nf" | "ns" => {}
            _ => return None,
        }
        if titik.len() > MAX_TITIK {
            titik.truncate(MAX_TITIK);
            break;
        }
    }
    Some((titik, tutup))
}

/// One cell of the procedure table as laid out: its box on the page Word
/// would print, and the shapes anchored in it.
pub struct SelGambar<'a> {
    pub kotak: Rect,
    /// Its left margin: a shape's offset counts from its text.
    pub margin: f64,
    pub bentuk: &'a [Bentuk],
}

/// The shapes of `sel` on a page: symbol boxes (for the rows' symbols),
/// and the page the PDF reader would see of the connectors and labels.
/// Also the boxes of the symbols a line without any arrowhead was taken
/// to leave (`arah_tanpa_kepala`), whose flow is an inference.
pub fn halaman(sel: &[SelGambar]) -> (Sheet, Vec<Rect>) {
    let mut s = Sheet::default();
    let mut garis: Vec<(Vec<Point>, bool)> = Vec::new();
    for c in sel {
        let at = kurbo::Vec2::new(c.kotak.x0 + c.margin, c.kotak.y0);
        for b in c.bentuk {
            let b = b.clone().geser(at);
            match b.jenis {
                Jenis::Simbol(kind) => {
                    s.shapes.push(Shape {
                        kind,
                        rect: b.kotak,
                    });
                    if !b.teks.is_empty() {
                        s.words.extend(kata(&b.teks, b.kotak));
                    }
                }
                Jenis::Garis {
                    titik,
                    kepala_awal,
                    kepala_akhir,
                } => {
                    let (Some(&awal), Some(&akhir)) = (titik.first(), titik.last()) else {
                        continue;
                    };
                    for (ada, p) in [(kepala_awal, awal), (kepala_akhir, akhir)] {
                        if ada {
                            s.heads.push(Rect::from_center_size(p, (5.0, 5.0)));
                        }
                    }
                    s.ink.push(sepanjang(&titik));
                    garis.push((titik, kepala_awal || kepala_akhir));
                }
                Jenis::Teks(t) => s.words.extend(kata(&t, b.kotak)),
            }
        }
        s.width = s.width.max(c.kotak.x1);
        s.height = s.height.max(c.kotak.y1 + 100.0);
    }
    let simbol: Vec<(Kind, Rect)> = s.shapes.iter().map(|sh| (sh.kind, sh.rect)).collect();
    let (kepala, sumber) = arah_tanpa_kepala(&garis, &simbol);
    s.heads.extend(kepala);
    (s, sumber)
}

/// How a line's end meets a symbol.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Ujung {
    /// Leaves it: from its bottom, or from a corner of a diamond.
    Keluar,
    /// Enters it: at its top, or at the side of any other symbol.
    Masuk,
}

/// The arrowheads a connected set of lines that has none at all is given,
/// and the boxes of the symbols those lines leave. A LibreOffice re-save
/// can lose a line's direction (and with it where its head is), and some
/// drafters draw plain lines.
///
/// impor: the direction from how each free end meets its symbol — a line
/// leaves a symbol from its bottom or a diamond from a corner, and enters
/// at a top or at the side of a box; the lines get heads only where every
/// free end meets a symbol, at least one leaves and at least one enters
/// (else the reader's row order decides, noted as such).
fn arah_tanpa_kepala(
    garis: &[(Vec<Point>, bool)],
    simbol: &[(Kind, Rect)],
) -> (Vec<Rect>, Vec<Rect>) {
    const SAMBUNG: f64 = 2.0;
    const SENTUH: f64 = 6.0;
    // every end against every line: bounded, a hostile drawing is not read so
    if garis.iter().map(|g| g.0.len()).sum::<usize>() > 20_000 {
        return (Vec::new(), Vec::new());
    }
    // a line drawn twice (each edge into one target draws the last stretch)
    // is one line: else its end would meet the other copy and not be free
    let sama = |a: &[Point], b: &[Point]| {
        let (a0, a1, b0, b1) = (a[0], a[a.len() - 1], b[0], b[b.len() - 1]);
        (a0.distance(b0) < SAMBUNG && a1.distance(b1) < SAMBUNG)
            || (a0.distance(b1) < SAMBUNG && a1.distance(b0) < SAMBUNG)
    };
    let mut unik: Vec<&(Vec<Point>, bool)> = Vec::new();
    for g in garis.iter().filter(|g| g.0.len() >= 2) {
        if !unik.iter().any(|u| sama(&u.0, &g.0) && u.1 == g.1) {
            unik.push(g);
        }
    }
    let garis = unik;
    let n = garis.len();
    let mut induk: Vec<usize> = (0..n).collect();
    fn akar(p: &mut [usize], mut i: usize) -> usize {
        while p[i] != i {
            p[i] = p[p[i]];
            i = p[i];
        }
        i
    }
    let ujung = |g: &[Point]| [g[0], g[g.len() - 1]];
    for i in 0..n {
        for j in 0..n {
            if i != j
                && ujung(&garis[i].0)
                    .iter()
                    .any(|e| jarak(*e, &garis[j].0) < SAMBUNG)
            {
                let (a, b) = (akar(&mut induk, i), akar(&mut induk, j));
                induk[a] = b;
            }
        }
    }
    let mut jaring: HashMap<usize, Vec<usize>> = HashMap::new();
    for i in 0..n {
        let r = akar(&mut induk, i);
        jaring.entry(r).or_default().push(i);
    }
    let mut kepala = Vec::new();
    let mut sumber = Vec::new();
    let mut kunci: Vec<usize> = jaring.keys().copied().collect();
    kunci.sort_unstable();
    for k in kunci {
        let anggota = &jaring[&k];
        if anggota.iter().any(|&i| garis[i].1) {
            continue;
        }
        // the free ends: ends of a line that no other line of the set meets
        let bebas: Vec<Point> = anggota
            .iter()
            .flat_map(|&i| ujung(&garis[i].0).map(|e| (i, e)))
            .filter(|(i, e)| {
                !anggota
                    .iter()
                    .any(|&j| j != *i && jarak(*e, &garis[j].0) < SAMBUNG)
            })
            .map(|(_, e)| e)
            .collect();
        let peran: Vec<Option<(Ujung, Rect)>> = bebas
            .iter()
            .map(|e| {
                let (kind, r) = simbol
                    .iter()
                    .map(|(k, r)| (*k, *r))
                    .filter(|(_, r)| r.inflate(SENTUH, SENTUH).contains(*e))
                    .min_by(|a, b| sisi(a.1, *e).1.total_cmp(&sisi(b.1, *e).1))?;
                let u = match (sisi(r, *e).0, kind) {
                    (Sisi::Atas, _) => Ujung::Masuk,
                    (Sisi::Bawah, _) | (Sisi::Samping, Kind::Decision) => Ujung::Keluar,
                    (Sisi::Samping, _) => Ujung::Masuk,
                };
                Some((u, r))
            })
            .collect();
        let semua = peran.iter().all(Option::is_some);
        let ada = |u: Ujung| peran.iter().flatten().any(|p| p.0 == u);
        if !semua || !ada(Ujung::Keluar) || !ada(Ujung::Masuk) {
            continue;
        }
        for (e, p) in bebas.iter().zip(peran.iter().flatten()) {
            match p.0 {
                Ujung::Masuk => kepala.push(Rect::from_center_size(*e, (5.0, 5.0))),
                Ujung::Keluar => sumber.push(p.1),
            }
        }
    }
    (kepala, sumber)
}

/// A side of a symbol's box.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Sisi {
    Atas,
    Bawah,
    Samping,
}

/// The side of `r` nearest `p`, and how far `p` is from it.
fn sisi(r: Rect, p: Point) -> (Sisi, f64) {
    [
        (Sisi::Atas, (p.y - r.y0).abs()),
        (Sisi::Bawah, (p.y - r.y1).abs()),
        (Sisi::Samping, (p.x - r.x0).abs()),
        (Sisi::Samping, (p.x - r.x1).abs()),
    ]
    .into_iter()
    .min_by(|a, b| a.1.total_cmp(&b.1))
    .unwrap_or((Sisi::Samping, f64::MAX))
}

/// The distance from `p` to the polyline `titik`.
fn jarak(p: Point, titik: &[Point]) -> f64 {
    if let [satu] = titik {
        return p.distance(*satu);
    }
    titik
        .windows(2)
        .map(|w| {
            let (a, b) = (w[0], w[1]);
            let ab = b - a;
            let t = if ab.hypot2() > 0.0 {
                ((p - a).dot(ab) / ab.hypot2()).clamp(0.0, 1.0)
            } else {
                0.0
            };
            p.distance(a + ab * t)
        })
        .fold(f64::MAX, f64::min)
}

/// A text box's words as they print in it: lines as wide as the box holds,
/// each centred in the box, the block centred on its middle — so that a
/// label set on two lines in a narrow box ("Belum" over "lengkap") stands
/// where it prints and not as one long line reaching another exit's label.
/// impor: the lines estimated, a letter half the type size wide.
fn kata(text: &str, kotak: Rect) -> Vec<Word> {
    let size = 8.0;
    let lebar = |t: &str| t.chars().count() as f64 * size * 0.5;
    let mut lines: Vec<String> = Vec::new();
    for w in text.split_whitespace() {
        match lines.last_mut() {
            Some(l) if lebar(l) + lebar(w) + size * 0.5 <= kotak.width().max(1.0) => {
                l.push(' ');
                l.push_str(w);
            }
            _ => lines.push(w.to_owned()),
        }
    }
    let step = size * 1.15;
    let tengah = kotak.center();
    let top = tengah.y - step * lines.len() as f64 / 2.0;
    lines
        .into_iter()
        .enumerate()
        .map(|(i, text)| {
            let w = lebar(&text);
            Word {
                x0: tengah.x - w / 2.0,
                x1: tengah.x + w / 2.0,
                y: top + step * (i as f64 + 0.8),
                size,
                md: None,
                text,
            }
        })
        .collect()
}

/// Points every pt along a polyline, as a printed line's outline is
/// sampled (so that a line ending on another's middle touches it).
fn sepanjang(titik: &[Point]) -> Vec<Point> {
    let mut out = Vec::new();
    for w in titik.windows(2) {
        let n = (w[0].distance(w[1]).ceil() as usize).clamp(1, 600);
        out.extend((0..n).map(|i| w[0].lerp(w[1], i as f64 / n as f64)));
    }
    out.extend(titik.last());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_an_offset_counts_from_is_read_from_drawingml_and_vml() {
        let p = |s| Acuan::Pinggir(s);
        for (v, tegak, acuan) in [
            ("page", false, Acuan::Halaman),
            ("margin", true, Acuan::Margin),
            ("column", false, Acuan::Teks),
            ("line", true, Acuan::Teks),
            ("leftMargin", false, p(Pinggir::Kiri)),
            ("rightMargin", false, p(Pinggir::Kanan)),
            ("insideMargin", true, p(Pinggir::Atas)),
            ("outsideMargin", false, p(Pinggir::Kanan)),
            ("bottomMargin", true, p(Pinggir::Bawah)),
        ] {
            assert_eq!(Acuan::dari(v, tegak), acuan, "{v}");
        }
        for (v, tegak, acuan) in [
            ("page", true, Acuan::Halaman),
            ("margin", false, Acuan::Margin),
            ("text", false, Acuan::Teks),
            ("right-margin-area", false, p(Pinggir::Kanan)),
            ("top-margin-area", true, p(Pinggir::Atas)),
            ("inner-margin-area", false, p(Pinggir::Kiri)),
            ("outer-margin-area", true, p(Pinggir::Bawah)),
        ] {
            assert_eq!(Acuan::dari_vml(v, tegak), acuan, "{v}");
        }
    }

    #[test]
    fn connector_paths_follow_their_preset_flips_and_turn() {
        let b = Baru {
            bentuk: Some("bentConnector2".into()),
            off: Point::new(10.0, 20.0),
            ext: (30.0, 40.0),
            flip_h: true,
            ..Baru::default()
        };
        // flipped: from the top right, left along the top, down the left side
        assert_eq!(
            b.jalur("bentConnector2"),
            vec![
                Point::new(40.0, 20.0),
                Point::new(10.0, 20.0),
                Point::new(10.0, 60.0)
            ]
        );
        let lurus = Baru {
            ext: (0.0, 40.0),
            flip_v: true,
            ..Baru::default()
        };
        assert_eq!(
            lurus.jalur("straightConnector1"),
            vec![Point::new(0.0, 40.0), Point::new(0.0, 0.0)]
        );
        assert_eq!(panjang("1in"), Some(72.0));
        assert_eq!(panjang("20px"), Some(15.0));
    }

    /// The shapes `xml` gives, read as `document.xml` is read.
    fn baca(xml: &str) -> Vec<Bentuk> {
        let mut r = quick_xml::Reader::from_str(xml);
        let mut g = Gambar::default();
        let mut out = Vec::new();
        loop {
            match r.read_event().expect("well-formed") {
                quick_xml::events::Event::Start(e) => g.buka(&e),
                quick_xml::events::Event::Empty(e) => {
                    g.buka(&e);
                    out.extend(g.tutup(e.name().as_ref()));
                }
                quick_xml::events::Event::End(e) => out.extend(g.tutup(e.name().as_ref())),
                quick_xml::events::Event::Text(t) => g.teks(&t.decode().expect("text")),
                quick_xml::events::Event::Eof => break,
                _ => {}
            }
        }
        out
    }

    #[test]
    fn a_group_maps_its_shapes_onto_the_anchor_in_its_cell() {
        // an anchor 10 pt right, 20 pt down in its cell; a group drawn at
        // half its children's scale holding a decision and an arrow down
        let pt = |v: f64| (v * EMU_PT) as i64;
        let xml = format!(
            r#"<wp:anchor><wp:positionH relativeFrom="column"><wp:posOffset>{}</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>{}</wp:posOffset></wp:positionV><wpg:wgp><wpg:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{}" cy="{}"/><a:chOff x="0" y="0"/><a:chExt cx="{}" cy="{}"/></a:xfrm></wpg:grpSpPr><wps:wsp><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{}" cy="{}"/></a:xfrm><a:prstGeom prst="flowChartDecision"/></wps:spPr></wps:wsp><wps:wsp><wps:cNvCnPr/><wps:spPr><a:xfrm flipV="1"><a:off x="{}" y="{}"/><a:ext cx="0" cy="{}"/></a:xfrm><a:prstGeom prst="straightConnector1"/><a:ln><a:headEnd type="triangle"/></a:ln></wps:spPr></wps:wsp></wpg:wgp></wp:anchor>"#,
            pt(10.0),
            pt(20.0),
            pt(50.0),
            pt(50.0),
            pt(100.0),
            pt(100.0),
            pt(100.0),
            pt(60.0),
            pt(50.0),
            pt(60.0),
            pt(40.0)
        );
        let b = baca(&xml);
        assert_eq!(b.len(), 2, "{b:?}");
        assert_eq!(b[0].jenis, Jenis::Simbol(Kind::Decision));
        let r = b[0].kotak;
        assert!(
            (r.x0 - 10.0).abs() < 0.01 && (r.y1 - 50.0).abs() < 0.01,
            "{r:?}"
        );
        // flipped: drawn from the bottom up, its head at its start
        let Jenis::Garis {
            titik,
            kepala_awal,
            kepala_akhir,
        } = &b[1].jenis
        else {
            panic!("a connector: {:?}", b[1]);
        };
        assert!(*kepala_awal && !*kepala_akhir);
        let (awal, akhir) = (titik[0], titik[titik.len() - 1]);
        assert!(
            (awal.x - 35.0).abs() < 0.01 && (awal.y - 70.0).abs() < 0.01,
            "{awal:?}"
        );
        assert!((akhir.y - 50.0).abs() < 0.01, "{akhir:?}");
    }

    #[test]
    fn a_freeform_drawn_open_is_a_line_through_its_path() {
        // an elbow 40 × 30 pt drawn as a freeform whose path is twice the
        // shape's size, flipped: from the top right, down, then left
        let pt = |v: f64| (v * EMU_PT) as i64;
        let freeform = |body: &str, flip: &str| {
            format!(
                r#"<wp:anchor><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV><wps:wsp><wps:spPr><a:xfrm{flip}><a:off x="{}" y="{}"/><a:ext cx="{}" cy="{}"/></a:xfrm><a:custGeom><a:pathLst><a:path w="{}" h="{}">{body}</a:path></a:pathLst></a:custGeom><a:ln><a:tailEnd type="triangle"/></a:ln></wps:spPr></wps:wsp></wp:anchor>"#,
                pt(10.0),
                pt(5.0),
                pt(40.0),
                pt(30.0),
                pt(80.0),
                pt(60.0)
            )
        };
        let siku = format!(
            r#"<a:moveTo><a:pt x="0" y="0"/></a:moveTo><a:lnTo><a:pt x="0" y="{}"/></a:lnTo><a:cubicBezTo><a:pt x="1" y="1"/><a:pt x="2" y="2"/><a:pt x="{}" y="{}"/></a:cubicBezTo><a:moveTo><a:pt x="5" y="5"/></a:moveTo><a:lnTo><a:pt x="9" y="9"/></a:lnTo>"#,
            pt(60.0),
            pt(80.0),
            pt(60.0)
        );
        let b = baca(&freeform(&siku, r#" flipH="1""#));
        let Jenis::Garis {
            titik,
            kepala_akhir,
            ..
        } = &b[0].jenis
        else {
            panic!("a line: {b:?}");
        };
        // the curve by its end, the second figure not read
        assert_eq!(
            titik,
            &vec![
                Point::new(50.0, 5.0),
                Point::new(50.0, 35.0),
                Point::new(10.0, 35.0)
            ]
        );
        assert!(*kepala_akhir);
        // closed, a freeform is a shape that is no symbol: nothing to read
        let tutup = r#"<a:moveTo><a:pt x="0" y="0"/></a:moveTo><a:lnTo><a:pt x="9" y="0"/></a:lnTo><a:lnTo><a:pt x="9" y="9"/></a:lnTo><a:close/>"#;
        assert!(baca(&freeform(tutup, "")).is_empty());
        // a hostile path is read up to its bound
        let banyak = r#"<a:lnTo><a:pt x="1" y="1"/></a:lnTo>"#.repeat(MAX_TITIK + 500);
        let b = baca(&freeform(
            &format!("<a:moveTo><a:pt x=\"0\" y=\"0\"/></a:moveTo>{banyak}"),
            "",
        ));
        let Jenis::Garis { titik, .. } = &b[0].jenis else {
            panic!("a line");
        };
        assert_eq!(titik.len(), MAX_TITIK);
    }

    #[test]
    fn vml_groups_map_their_shapes_through_their_own_coordinates() {
        // an outer group 100 × 50 pt at (10, 20) pt, from the page across,
        // of 2000 × 1000 units from (1000, -500); inside it a group of
        // 100 × 100 units over 1000 × 500 of the outer's, holding a
        // decision; and a line down the outer's left side
        let xml = r##"<w:pict><v:group style="position:absolute;margin-left:10pt;margin-top:20pt;width:100pt;height:50pt;mso-position-horizontal-relative:page" coordorigin="1000,-500" coordsize="2000,1000"><v:group style="position:absolute;left:2000;top:0;width:1000;height:500" coordsize="100,100"><v:shape type="#_x0000_t110" style="position:absolute;left:0;top:0;width:100;height:100"/></v:group><v:line from="1000,-500" to="1000,500"><v:stroke endarrow="block"/></v:line></v:group></w:pict>"##;
        let b = baca(xml);
        assert_eq!(b.len(), 2, "{b:?}");
        assert_eq!(b[0].jenis, Jenis::Simbol(Kind::Decision));
        assert_eq!(b[0].kotak, Rect::new(60.0, 45.0, 110.0, 70.0));
        assert_eq!(b[0].acuan, (Acuan::Halaman, Acuan::Teks));
        assert_eq!(
            b[1].jenis,
            Jenis::Garis {
                titik: vec![Point::new(10.0, 20.0), Point::new(10.0, 70.0)],
                kepala_awal: false,
                kepala_akhir: true,
            }
        );
        // groups past the bound: their shapes are not read, the rest is
        let dalam = format!(
            "{}<v:rect style=\"width:10;height:10\"><v:textbox><w:txbxContent>Ya</w:txbxContent></v:textbox></v:rect>{}",
            r#"<v:group coordsize="0,0">"#.repeat(MAX_GRUP + 4),
            "</v:group>".repeat(MAX_GRUP + 4)
        );
        assert!(baca(&format!("<w:pict>{dalam}</w:pict>")).is_empty());
        let sesudah = format!("<w:pict>{dalam}</w:pict>{xml}");
        assert_eq!(baca(&sesudah).len(), 2);
    }

    #[test]
    fn an_older_words_freeforms_are_lines_through_their_points() {
        // a polyline from where it stands; a path of no shape type in its
        // coordinates (twice the shape's size, from 10,10), flipped: both
        // the elbow of the DrawingML freeform above
        let poly = r#"<w:pict><v:polyline style="position:absolute;margin-left:10pt;margin-top:5pt" points="0,0,0pt,30pt 40pt,30pt" filled="f"><v:stroke endarrow="block"/></v:polyline></w:pict>"#;
        let b = baca(poly);
        let siku = vec![
            Point::new(10.0, 5.0),
            Point::new(10.0, 35.0),
            Point::new(50.0, 35.0),
        ];
        assert_eq!(
            b[0].jenis,
            Jenis::Garis {
                titik: siku,
                kepala_awal: false,
                kepala_akhir: true
            }
        );
        let bebas = |path: &str| {
            baca(&format!(
                r#"<w:pict><v:shape style="position:absolute;margin-left:10pt;margin-top:5pt;width:40pt;height:30pt;flip:x" coordsize="80,60" coordorigin="10,10" path="{path}" filled="f"><v:stroke endarrow="block"/></v:shape></w:pict>"#
            ))
        };
        let b = bebas("m10,10l10,70c11,11,12,12,90,70e");
        let Jenis::Garis { titik, .. } = &b[0].jenis else {
            panic!("a line: {b:?}");
        };
        assert_eq!(
            titik,
            &vec![
                Point::new(50.0, 5.0),
                Point::new(50.0, 35.0),
                Point::new(10.0, 35.0)
            ]
        );
        // relative steps, spaces for commas, a second figure not read
        let b = bebas("m 10 10 r 0 60 80 0 e m 0 0 l 5 5 e");
        let Jenis::Garis { titik, .. } = &b[0].jenis else {
            panic!("a line: {b:?}");
        };
        assert_eq!(titik.len(), 3);
        // closed, or drawn with arcs: a shape, not a line
        assert!(bebas("m10,10l90,10l90,70xe").is_empty());
        assert!(bebas("wa0,0,80,60,0,0,80,60e").is_empty());
        // a hostile path is read up to its bound
        let banyak = "l1,1".repeat(MAX_TITIK + 10);
        let b = bebas(&format!("m0,0{banyak}e"));
        let Jenis::Garis { titik, .. } = &b[0].jenis else {
            panic!("a line");
        };
        assert_eq!(titik.len(), MAX_TITIK);
    }

    #[test]
    fn nested_drawingml_groups_map_through_each_of_their_scales() {
        // an anchor at (0, 0); a group 100 × 50 pt at (10, 20) of children
        // 200 × 100 from (50, 50); in it a group at (150, 50) of 100 × 50
        // of the outer's, children 10 × 10 from (0, 0), holding a process
        // filling it
        let pt = |v: f64| (v * EMU_PT) as i64;
        let xfrm = |off: (f64, f64), ext: (f64, f64), ch_off: (f64, f64), ch_ext: (f64, f64)| {
            format!(
                r#"<a:xfrm><a:off x="{}" y="{}"/><a:ext cx="{}" cy="{}"/><a:chOff x="{}" y="{}"/><a:chExt cx="{}" cy="{}"/></a:xfrm>"#,
                pt(off.0),
                pt(off.1),
                pt(ext.0),
                pt(ext.1),
                pt(ch_off.0),
                pt(ch_off.1),
                pt(ch_ext.0),
                pt(ch_ext.1)
            )
        };
        let xml = format!(
            r#"<wp:anchor><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV><wpg:wgp><wpg:grpSpPr>{}</wpg:grpSpPr><wpg:grpSp><wpg:grpSpPr>{}</wpg:grpSpPr><wps:wsp><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{}" cy="{}"/></a:xfrm><a:prstGeom prst="flowChartProcess"/></wps:spPr></wps:wsp></wpg:grpSp></wpg:wgp></wp:anchor>"#,
            xfrm((10.0, 20.0), (100.0, 50.0), (50.0, 50.0), (200.0, 100.0)),
            xfrm((150.0, 50.0), (100.0, 50.0), (0.0, 0.0), (10.0, 10.0)),
            pt(10.0),
            pt(10.0)
        );
        let b = baca(&xml);
        assert_eq!(b.len(), 1, "{b:?}");
        // inner: (150, 50)–(250, 100) of the outer's children; outer: half
        // scale from (50, 50) onto (10, 20): (60, 20)–(110, 45)
        let r = b[0].kotak;
        let near = |a: f64, b: f64| (a - b).abs() < 0.01;
        assert!(
            near(r.x0, 60.0) && near(r.y0, 20.0) && near(r.x1, 110.0) && near(r.y1, 45.0),
            "{r:?}"
        );
    }

    #[test]
    fn an_aligned_anchor_is_placed_in_the_room_it_is_aligned_in() {
        // a 40 × 20 pt anchor centred across, at the bottom down
        let xml = r#"<wp:anchor><wp:positionH relativeFrom="page"><wp:align>center</wp:align></wp:positionH><wp:positionV relativeFrom="margin"><wp:align>bottom</wp:align></wp:positionV><wp:extent cx="508000" cy="254000"/><wps:wsp><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="508000" cy="254000"/></a:xfrm><a:prstGeom prst="flowChartProcess"/></wps:spPr></wps:wsp></wp:anchor>"#;
        let b = baca(xml);
        assert_eq!(b[0].acuan, (Acuan::Halaman, Acuan::Margin));
        let j = b[0].jajar;
        assert_eq!(
            (j.h, j.v, j.luas),
            (Some(Jajar::Tengah), Some(Jajar::Akhir), (40.0, 20.0))
        );
        // in a page 600 wide and a margin 700 high
        let d = b[0].clone().jajarkan(Some(600.0), Some(700.0));
        assert_eq!(d.kotak, Rect::new(280.0, 680.0, 320.0, 700.0));
        assert_eq!(d.jajar.h, None);
        // where the room is not known, it stays as it was
        let e = b[0].clone().jajarkan(None, None);
        assert_eq!((e.kotak.x0, e.jajar.h), (0.0, Some(Jajar::Tengah)));
    }

    #[test]
    fn lines_without_arrowheads_take_their_direction_from_the_symbols_they_meet() {
        let proses = |y: f64| (Kind::Process, Rect::new(0.0, y, 40.0, y + 20.0));
        let belah = (Kind::Decision, Rect::new(0.0, 100.0, 40.0, 130.0));
        let simbol = [proses(0.0), proses(50.0), belah];
        let p = Point::new;
        // down from step 1's bottom into step 2's top: a head at step 2
        let turun = (vec![p(20.0, 20.0), p(20.0, 50.0)], false);
        // the decision's "tidak" back up: from its left corner out, up, and
        // into step 2's left side, in three lines
        let kembali = [
            (vec![p(0.0, 115.0), p(-10.0, 115.0)], false),
            (vec![p(-10.0, 115.0), p(-10.0, 60.0)], false),
            (vec![p(-10.0, 60.0), p(0.0, 60.0)], false),
        ];
        let mut garis = vec![turun.clone(), turun];
        garis.extend(kembali);
        let (kepala, sumber) = arah_tanpa_kepala(&garis, &simbol);
        let ujung: Vec<Point> = kepala.iter().map(Rect::center).collect();
        assert_eq!(ujung, vec![p(20.0, 50.0), p(0.0, 60.0)]);
        assert_eq!(sumber, vec![simbol[0].1, belah.1]);
        // a line with a head of its own keeps it; one from a box's side to
        // another's says nothing and is left to the row order
        let sisi = vec![
            (vec![p(20.0, 20.0), p(20.0, 50.0)], true),
            (
                vec![p(40.0, 60.0), p(60.0, 60.0), p(60.0, 10.0), p(40.0, 10.0)],
                false,
            ),
        ];
        assert_eq!(arah_tanpa_kepala(&sisi, &simbol), (Vec::new(), Vec::new()));
    }
}
