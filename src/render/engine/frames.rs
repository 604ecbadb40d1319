//! Reading the laid-out document back: where the anchors of the template
//! landed (row tops, table top and bottom), the text of every page and its
//! shapes.

use typst::foundations::{Label, Selector, Value};
use typst::introspection::{Introspector, MetadataElem};
use typst::layout::{Frame, FrameItem, Point};
use typst::text::FontStyle;
use typst::utils::PicoStr;
use typst_layout::PagedDocument;

/// One anchor: its number (the row of a `sopc-baris`; `None` for anchors
/// that carry text), page (from 0) and position (pt from the page's
/// top-left corner).
#[derive(Clone, Debug, PartialEq)]
pub struct Penanda {
    pub nomor: Option<i64>,
    pub halaman: usize,
    pub x: f64,
    pub y: f64,
}

/// Every anchor with this label, in document order.
pub fn penanda(doc: &PagedDocument, label: &str) -> Vec<Penanda> {
    let Some(label) = Label::new(PicoStr::intern(label)) else {
        return Vec::new();
    };
    let intro = doc.introspector();
    intro
        .query(&Selector::Label(label))
        .iter()
        .filter_map(|c| {
            let nomor = match c.to_packed::<MetadataElem>()?.value {
                Value::Int(i) => Some(i),
                _ => None,
            };
            let pos = intro.position(c.location()?)?;
            Some(Penanda {
                nomor,
                halaman: pos.page.get() - 1,
                x: pos.point.x.to_pt(),
                y: pos.point.y.to_pt(),
            })
        })
        .collect()
}

/// The value of the first metadata with this label, as JSON.
pub fn nilai(doc: &PagedDocument, label: &str) -> Option<serde_json::Value> {
    let label = Label::new(PicoStr::intern(label))?;
    let found = doc.introspector().query(&Selector::Label(label));
    let value = &found.first()?.to_packed::<MetadataElem>()?.value;
    serde_json::to_value(value).ok()
}

/// The text of each page, in reading order of the layout, whitespace
/// collapsed, without the marks of where a line may break (soft hyphen,
/// zero-width space).
pub fn teks_halaman(doc: &PagedDocument) -> Vec<String> {
    doc.pages()
        .iter()
        .map(|p| {
            let mut out = String::new();
            kumpulkan(&p.frame, &mut out);
            out.retain(|c| c != '\u{AD}' && c != '\u{200B}');
            out.split_whitespace().collect::<Vec<_>>().join(" ")
        })
        .collect()
}

fn kumpulkan(frame: &Frame, out: &mut String) {
    for (_, item) in frame.items() {
        match item {
            FrameItem::Group(g) => kumpulkan(&g.frame, out),
            FrameItem::Text(t) => {
                out.push_str(&t.text);
                out.push(' ');
            }
            _ => {}
        }
    }
}

/// A run of text as laid out: its page, the left and right ends of its
/// baseline and the baseline's height (pt from the page's top-left
/// corner), its size and style, and its text.
#[derive(Clone, Debug, PartialEq)]
pub struct Tulisan {
    pub halaman: usize,
    pub x0: f64,
    pub x1: f64,
    pub y: f64,
    pub ukuran: f64,
    pub miring: bool,
    pub tebal: bool,
    pub teks: String,
}

/// Every run of text on every page (the rotated watermark aside).
pub fn tulisan(doc: &PagedDocument) -> Vec<Tulisan> {
    let mut out = Vec::new();
    setiap_item(doc, |h, at, item| {
        if let FrameItem::Text(t) = item {
            let variant = t.font.font().info().variant;
            out.push(Tulisan {
                halaman: h,
                x0: at.x.to_pt(),
                x1: (at.x + t.width()).to_pt(),
                y: at.y.to_pt(),
                ukuran: t.size.to_pt(),
                miring: variant.style != FontStyle::Normal,
                tebal: variant.weight.to_number() >= 600,
                teks: t
                    .text
                    .chars()
                    .filter(|&c| c != '\u{AD}' && c != '\u{200B}')
                    .collect(),
            });
        }
    });
    out
}

/// Calls `f` with the page, position (page coordinates) and item of every
/// item of every page, inside translated groups only: the watermark's
/// rotation is not ours.
fn setiap_item(doc: &PagedDocument, mut f: impl FnMut(usize, Point, &FrameItem)) {
    fn jalan(frame: &Frame, asal: Point, h: usize, f: &mut impl FnMut(usize, Point, &FrameItem)) {
        for (pos, item) in frame.items() {
            let at = asal + *pos;
            match item {
                FrameItem::Group(g) if g.transform.is_identity() => jalan(&g.frame, at, h, f),
                _ => f(h, at, item),
            }
        }
    }
    for (h, p) in doc.pages().iter().enumerate() {
        jalan(&p.frame, Point::zero(), h, &mut f);
    }
}

/// Shapes drawn on a page, with their bounding boxes in page coordinates —
/// what the flowchart really put on paper.
#[derive(Clone, Debug, PartialEq)]
pub struct Bentuk {
    pub halaman: usize,
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

pub fn bentuk(doc: &PagedDocument) -> Vec<Bentuk> {
    let mut out = Vec::new();
    setiap_item(doc, |h, at, item| {
        if let FrameItem::Shape(s, _) = item {
            let b = s.bbox(false);
            out.push(Bentuk {
                halaman: h,
                x0: (at.x + b.min.x).to_pt(),
                y0: (at.y + b.min.y).to_pt(),
                x1: (at.x + b.max.x).to_pt(),
                y1: (at.y + b.max.y).to_pt(),
            });
        }
    });
    out
}
