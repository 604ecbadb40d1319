//! What a PDF prints, page by page: every glyph with its position and every
//! vector path (table rules, flowchart shapes, arrows), in page coordinates
//! (pt, origin top left, y down). Read with hayro (the PDF interpreter typst
//! itself uses for PDF images), through a `Device` that records instead of
//! painting. Only drawing operators are followed: attachments, metadata and
//! anything else a PDF may carry (sopc's own embedded source included) are
//! never looked at. A glyph's text is what the font maps it to, or the
//! `ActualText` of the marked span around it (how typst writes the break
//! marks of its line breaking: `/` + zero-width space, a hyphen that is a
//! soft hyphen), as a text extractor reads the text layer.

use hayro_interpret::font::Glyph as HayroGlyph;
use hayro_interpret::hayro_syntax::{LoadPdfError, Pdf};
use hayro_interpret::{
    BlendMode, ClipPath, Context, Device, GlyphDrawMode, Image, InterpreterCache,
    InterpreterSettings, Paint, PathDrawMode, SoftMask, interpret_page,
};
use kurbo::{Affine, BezPath, ParamCurve, PathEl, Point};
use std::sync::Arc;

/// More pages than any SOP has; a bigger PDF is read up to here.
const MAX_PAGES: usize = 60;
/// Glyphs and paths recorded per page; past this a page is hostile or not a form.
const MAX_ITEMS: usize = 200_000;

/// One printed character.
#[derive(Clone, Debug)]
pub struct Glyph {
    pub text: String,
    /// Left and right edge (from the advance width), baseline.
    pub x0: f64,
    pub x1: f64,
    pub y: f64,
    /// Font size on the page.
    pub size: f64,
    /// Set in an italic face, or slanted by the PDF.
    pub miring: bool,
}

/// One subpath of a drawn path, flattened to straight edges.
#[derive(Clone, Debug)]
pub struct Path {
    pub points: Vec<Point>,
    pub closed: bool,
    /// The original had curves (a rounded terminator, a circle).
    pub curved: bool,
    /// The original had a straight edge longer than 1 pt (a terminator's
    /// flat sides; a circle has none).
    pub straight: bool,
    pub filled: bool,
    pub stroked: bool,
}

impl Path {
    pub fn bbox(&self) -> kurbo::Rect {
        let mut r = kurbo::Rect::from_points(self.points[0], self.points[0]);
        for p in &self.points[1..] {
            r = r.union_pt(*p);
        }
        r
    }
}

#[derive(Clone, Debug, Default)]
pub struct Page {
    pub width: f64,
    pub height: f64,
    pub glyphs: Vec<Glyph>,
    pub paths: Vec<Path>,
    pub images: usize,
    /// Pictures large enough to be a pasted table, decoded, with where
    /// their pixels lie on the page ([`read_with_pictures`] only).
    pub pictures: Vec<Picture>,
    /// Pictures as large as a table, decoded or not (over a bound).
    pub large_pictures: usize,
}

/// A decoded picture and the transform from its pixels to the page.
#[derive(Clone, Debug)]
pub struct Picture {
    pub raster: super::citra::Raster,
    pub ke_halaman: Affine,
}

/// Pictures of a page decoded for [`Picture`]; more are not a form.
const MAX_PICTURES: usize = 4;
/// Pictures of a page decoded as pieces of a flowchart drawn over a text
/// table ([`read_with_drawings`]: a connector pasted as a small picture);
/// more are not a flowchart.
const MAX_DRAWINGS: usize = 64;
/// Pixels of all the pictures of a page decoded as pieces of a flowchart.
const MAX_DRAWING_PIXELS: usize = 16_000_000;

/// Which pictures of a page are decoded.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Decode {
    /// None: the large ones are only counted.
    Nothing,
    /// The ones as large as a table.
    Tables,
    /// Every one that is not a speck, for a flowchart drawn over a text
    /// table as pictures (a whole flowchart, or each connector).
    Drawings,
}

/// Why a PDF could not be read at all.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReadError {
    Encrypted,
    Damaged,
    NoPages,
}

/// Every page of `bytes` (up to [`MAX_PAGES`]), its large pictures counted
/// but not decoded.
pub fn read(bytes: &[u8]) -> Result<Vec<Page>, ReadError> {
    read_pages(bytes, Decode::Nothing)
}

/// Every page of `bytes`, its large pictures also decoded into
/// [`Page::pictures`]: for a PDF whose text holds no table.
pub fn read_with_pictures(bytes: &[u8]) -> Result<Vec<Page>, ReadError> {
    read_pages(bytes, Decode::Tables)
}

/// Every page of `bytes`, every picture that is not a speck decoded into
/// [`Page::pictures`]: for a text table whose flowchart is drawn as
/// pictures.
pub fn read_with_drawings(bytes: &[u8]) -> Result<Vec<Page>, ReadError> {
    read_pages(bytes, Decode::Drawings)
}

fn read_pages(bytes: &[u8], decode_pictures: Decode) -> Result<Vec<Page>, ReadError> {
    let pdf = match Pdf::new(Arc::new(bytes.to_vec())) {
        Ok(p) => p,
        Err(LoadPdfError::Decryption(_)) => return Err(ReadError::Encrypted),
        Err(LoadPdfError::Invalid) => return Err(ReadError::Damaged),
    };
    let pages = pdf.pages();
    if pages.is_empty() {
        return Err(ReadError::NoPages);
    }
    let settings = InterpreterSettings {
        // A font the PDF does not embed is drawn with one of sopc's own: only
        // the characters and their advance matter here.
        font_resolver: Arc::new(|_| {
            let data: hayro_interpret::font::FontData = Arc::new(typst_assets::fonts().next()?);
            Some((data, 0))
        }),
        cmap_resolver: Arc::new(|_| None),
        warning_sink: Arc::new(|_| {}),
        // annotations are not part of the printed form (signature widgets, links)
        render_annotations: false,
    };
    let cache = InterpreterCache::new();
    let mut out = Vec::new();
    for page in pages.iter().take(MAX_PAGES) {
        let (w, h) = page.render_dimensions();
        let mut ctx = Context::new(
            hayro_interpret::TransformExt::to_kurbo(&page.initial_transform(true)),
            kurbo::Rect::new(0.0, 0.0, w as f64, h as f64),
            &cache,
            page.xref(),
            settings.clone(),
        );
        let mut rec = Recorder {
            page: Page {
                width: w as f64,
                height: h as f64,
                ..Page::default()
            },
            italic: std::collections::HashMap::new(),
            decode_pictures,
            pixels: 0,
            spans: Spans {
                actual: actual_texts(page),
                ..Spans::default()
            },
        };
        interpret_page(page, &mut ctx, &mut rec);
        rec.spans.apply(&mut rec.page.glyphs);
        out.push(rec.page);
    }
    Ok(out)
}

struct Recorder {
    page: Page,
    /// Whether each font (by hayro's cache key) is an italic face.
    italic: std::collections::HashMap<u128, bool>,
    /// Which pictures to decode into [`Page::pictures`].
    decode_pictures: Decode,
    /// Pixels decoded so far on this page.
    pixels: usize,
    spans: Spans,
}

/// The `ActualText` of each marked-content span of a page's own content
/// stream, in order (`None` for a span without one).
fn actual_texts(page: &hayro_interpret::hayro_syntax::page::Page<'_>) -> Vec<Option<String>> {
    use hayro_interpret::hayro_syntax::content::ops::TypedInstruction;
    use hayro_interpret::hayro_syntax::object::{Object, String as Text};
    let mut out = Vec::new();
    let mut ops = page.typed_operations();
    while let Some(op) = ops.next() {
        match op {
            TypedInstruction::BeginMarkedContent(_) => out.push(None),
            TypedInstruction::BeginMarkedContentWithProperties(bdc) => out.push(match bdc.1 {
                Object::Dict(d) => d
                    .get::<Text<'_>>(b"ActualText".as_slice())
                    .map(|t| text_string(t.as_bytes())),
                _ => None,
            }),
            _ => {}
        }
        if out.len() > MAX_ITEMS {
            break;
        }
    }
    out
}

/// A PDF text string: UTF-16BE after its byte order mark, else one byte a
/// character (PDFDocEncoding agrees with Latin-1 on letters and marks).
fn text_string(b: &[u8]) -> String {
    match b.strip_prefix(&[0xFE, 0xFF]) {
        Some(u) => char::decode_utf16(u.chunks_exact(2).map(|c| u16::from_be_bytes([c[0], c[1]])))
            .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect(),
        None => b.iter().map(|&c| char::from(c)).collect(),
    }
}

/// The marked spans met while a page is drawn, and what their
/// `ActualText` does to the glyphs drawn inside them: the first glyph
/// says it, the others say nothing.
#[derive(Default)]
struct Spans {
    /// From the page's content stream ([`actual_texts`]).
    actual: Vec<Option<String>>,
    /// Spans begun so far (the next one's index in `actual`).
    begun: usize,
    /// The open spans: the index of each in `actual`, and whether a glyph
    /// has said its text.
    open: Vec<(usize, bool)>,
    /// Glyph index → its text from a span; glyphs that say nothing.
    said: Vec<(usize, String)>,
    silent: Vec<usize>,
}

impl Spans {
    fn begin(&mut self) {
        self.open.push((self.begun, false));
        self.begun += 1;
    }

    fn end(&mut self) {
        self.open.pop();
    }

    /// Notes what the span around glyph `i` makes it say.
    fn glyph(&mut self, i: usize) {
        let Some(span) = self
            .open
            .iter_mut()
            .rev()
            .find(|(n, _)| self.actual.get(*n).is_some_and(Option::is_some))
        else {
            return;
        };
        let text = self.actual[span.0].clone().unwrap_or_default();
        // an empty one says the glyph is no text at all
        if span.1 || text.is_empty() {
            self.silent.push(i);
        } else {
            span.1 = true;
            self.said.push((i, text));
        }
    }

    /// Gives the glyphs their spans' text — only when every span drawn was
    /// one of the page's own stream (a form drawn inside it has spans of
    /// its own, which would shift the count).
    fn apply(self, glyphs: &mut Vec<Glyph>) {
        if self.begun != self.actual.len() || (self.said.is_empty() && self.silent.is_empty()) {
            return;
        }
        for (i, text) in self.said {
            if let Some(g) = glyphs.get_mut(i) {
                g.text = text;
            }
        }
        let mut i = 0;
        glyphs.retain(|_| {
            i += 1;
            self.silent.binary_search(&(i - 1)).is_err()
        });
    }
}

impl Recorder {
    fn full(&self) -> bool {
        self.page.glyphs.len() + self.page.paths.len() >= MAX_ITEMS
    }

    fn add_path(&mut self, path: &BezPath, transform: Affine, filled: bool) {
        let path = transform * path.clone();
        let mut current: Option<Path> = None;
        let flush = |p: Option<Path>, paths: &mut Vec<Path>| {
            if let Some(p) = p
                && p.points.len() >= 2
            {
                paths.push(p);
            }
        };
        for el in path.elements() {
            if self.page.paths.len() >= MAX_ITEMS {
                return;
            }
            match *el {
                PathEl::MoveTo(p) => {
                    flush(current.take(), &mut self.page.paths);
                    current = Some(Path {
                        points: vec![p],
                        closed: false,
                        curved: false,
                        straight: false,
                        filled,
                        stroked: !filled,
                    });
                }
                PathEl::LineTo(p) => {
                    if let Some(c) = current.as_mut() {
                        if c.points.last().is_some_and(|l| l.distance(p) > 1.0) {
                            c.straight = true;
                        }
                        c.points.push(p);
                    }
                }
                PathEl::QuadTo(a, p) => {
                    if let Some(c) = current.as_mut() {
                        c.curved = true;
                        c.points.push(a);
                        c.points.push(p);
                    }
                }
                PathEl::CurveTo(a, b, p) => {
                    if let Some(c) = current.as_mut() {
                        c.curved = true;
                        // the midpoint of the curve keeps a rounded end's extent
                        let start = *c.points.last().unwrap_or(&p);
                        let mid = kurbo::CubicBez::new(start, a, b, p).eval(0.5);
                        c.points.push(mid);
                        c.points.push(p);
                    }
                }
                PathEl::ClosePath => {
                    if let Some(c) = current.as_mut() {
                        c.closed = true;
                    }
                }
            }
        }
        flush(current, &mut self.page.paths);
    }
}

impl<'a> Device<'a> for Recorder {
    fn set_soft_mask(&mut self, _: Option<SoftMask<'a>>) {}
    fn set_blend_mode(&mut self, _: BlendMode) {}

    fn draw_path(&mut self, path: &BezPath, transform: Affine, _: &Paint<'a>, mode: &PathDrawMode) {
        if self.full() {
            return;
        }
        // A thick white or coloured fill is still a drawn shape: the form's
        // geometry is what matters, not its paint.
        self.add_path(path, transform, matches!(mode, PathDrawMode::Fill(_)));
    }

    fn push_clip_path(&mut self, _: &ClipPath) {}
    fn push_transparency_group(&mut self, _: f32, _: Option<SoftMask<'a>>, _: BlendMode) {}

    fn draw_glyph(
        &mut self,
        glyph: &HayroGlyph<'a>,
        transform: Affine,
        glyph_transform: Affine,
        _: &Paint<'a>,
        _: &GlyphDrawMode,
    ) {
        if self.full() {
            return;
        }
        // Invisible text (an OCR layer) is text too: it is what the page says.
        let Some(text) = glyph.as_unicode().map(|u| match u {
            hayro_interpret::hayro_cmap::BfString::Char(c) => c.to_string(),
            hayro_interpret::hayro_cmap::BfString::String(s) => s,
        }) else {
            return;
        };
        let full = transform * glyph_transform;
        let advance = match glyph {
            HayroGlyph::Outline(o) => o.advance_width().map(f64::from),
            HayroGlyph::Type3(_) => None,
        }
        .filter(|a| a.is_finite() && *a > 0.0)
        .unwrap_or(500.0);
        let origin = full * Point::ORIGIN;
        let end = full * Point::new(advance, 0.0);
        let top = full * Point::new(0.0, 1000.0);
        let size = (top - origin).hypot();
        if !(origin.x.is_finite() && origin.y.is_finite() && end.x.is_finite() && size.is_finite())
        {
            return;
        }
        // Text set at a slant (a "DRAF" watermark across the page) is no
        // cell's text; its letters would fall into the lines they cross.
        let run = end - origin;
        if run.y.abs() > 0.09 * run.x.abs() {
            return;
        }
        // italic: the face says so, or its upright leans (a slant the PDF
        // applies to an upright face)
        let up = top - origin;
        let lean = (up.x * run.x + up.y * run.y) / (up.hypot() * run.hypot()).max(f64::EPSILON);
        let miring = lean.abs() > 0.1
            || match glyph {
                HayroGlyph::Outline(o) => *self
                    .italic
                    .entry(o.font_cache_key())
                    .or_insert_with(|| o.font_data().is_some_and(|d| d.is_italic)),
                HayroGlyph::Type3(_) => false,
            };
        self.spans.glyph(self.page.glyphs.len());
        self.page.glyphs.push(Glyph {
            text,
            x0: origin.x.min(end.x),
            x1: origin.x.max(end.x),
            y: origin.y,
            size,
            miring,
        });
    }

    fn draw_image(&mut self, image: Image<'a, '_>, transform: Affine) {
        self.page.images += 1;
        let (w, h) = (image.width() as usize, image.height() as usize);
        let Image::Raster(raster) = image else {
            return;
        };
        let kotak = transform.transform_rect_bbox(kurbo::Rect::new(0.0, 0.0, w as f64, h as f64));
        // a picture as wide as a table (not a logo or a QR code)
        let large = !(kotak.width() < 150.0 || kotak.height() < 40.0 || w < 300 || h < 60);
        self.page.large_pictures += usize::from(large);
        let pixels = w.saturating_mul(h);
        let wanted = match self.decode_pictures {
            Decode::Nothing => false,
            Decode::Tables => large && self.page.pictures.len() < MAX_PICTURES,
            Decode::Drawings => {
                w >= 8
                    && h >= 8
                    && self.page.pictures.len() < MAX_DRAWINGS
                    && self.pixels.saturating_add(pixels) <= MAX_DRAWING_PIXELS
            }
        };
        if !wanted || pixels > super::citra::MAX_PIKSEL {
            return;
        }
        self.pixels += pixels;
        raster.with_rgba(
            |data, alpha| {
                use hayro_interpret::ImageData;
                let (dw, dh) = (data.width() as usize, data.height() as usize);
                let raster = match &data {
                    ImageData::Rgb(d) => super::citra::Raster::from_rgb(dw, dh, &d.data),
                    ImageData::Luma(d) => super::citra::Raster::from_luma(dw, dh, &d.data),
                };
                if let Some(mut raster) = raster
                    && dw > 0
                    && dh > 0
                {
                    // what the soft mask leaves transparent shows the white page
                    if let Some(a) = alpha {
                        raster.cover(a.width as usize, a.height as usize, &a.data);
                    }
                    let skala =
                        Affine::scale_non_uniform(w as f64 / dw as f64, h as f64 / dh as f64);
                    self.page.pictures.push(Picture {
                        raster,
                        ke_halaman: transform * skala,
                    });
                }
            },
            None,
        );
    }

    fn begin_marked_content(&mut self, _: &[u8], _: Option<i32>) {
        self.spans.begin();
    }

    fn end_marked_content(&mut self) {
        self.spans.end();
    }

    fn pop_clip_path(&mut self) {}
    fn pop_transparency_group(&mut self) {}
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glyph(text: &str, x0: f64) -> Glyph {
        Glyph {
            text: text.into(),
            x0,
            x1: x0 + 4.0,
            y: 10.0,
            size: 8.0,
            miring: false,
        }
    }

    /// Draws `K a . /` with the `.` in a span saying `.` + zero-width space
    /// and the `/` and a second glyph in a span saying one soft hyphen.
    fn drawn(actual: Vec<Option<String>>, extra_span: bool) -> Vec<String> {
        let mut spans = Spans {
            actual,
            ..Spans::default()
        };
        let mut glyphs = Vec::new();
        for (i, t) in ["K", "a"].iter().enumerate() {
            spans.glyph(glyphs.len());
            glyphs.push(glyph(t, i as f64 * 4.0));
        }
        spans.begin();
        spans.glyph(glyphs.len());
        glyphs.push(glyph(".", 8.0));
        spans.end();
        spans.begin();
        for t in ["-", "x"] {
            spans.glyph(glyphs.len());
            glyphs.push(glyph(t, 12.0));
        }
        spans.end();
        if extra_span {
            spans.begin();
            spans.end();
        }
        spans.apply(&mut glyphs);
        glyphs.into_iter().map(|g| g.text).collect()
    }

    #[test]
    fn a_spans_actual_text_is_what_its_glyphs_say() {
        let actual = vec![Some(".\u{200B}".to_owned()), Some("\u{AD}".to_owned())];
        assert_eq!(
            drawn(actual.clone(), false),
            ["K", "a", ".\u{200B}", "\u{AD}"]
        );
        // a span the page's stream did not list (a form's own): the count
        // no longer matches, and the glyphs keep their own text
        assert_eq!(drawn(actual, true), ["K", "a", ".", "-", "x"]);
        // an empty ActualText: its glyphs are no text
        let leer = vec![Some(".\u{200B}".to_owned()), Some(String::new())];
        assert_eq!(drawn(leer, false), ["K", "a", ".\u{200B}"]);
    }

    #[test]
    fn text_strings_are_utf16_after_their_mark_else_one_byte_a_character() {
        assert_eq!(
            text_string(&[0xFE, 0xFF, 0x00, 0x2F, 0x20, 0x0B]),
            "/\u{200B}"
        );
        assert_eq!(text_string(b"ab"), "ab");
        // an odd byte at the end of UTF-16 is dropped, never a panic
        assert_eq!(text_string(&[0xFE, 0xFF, 0x00, 0x41, 0x00]), "A");
    }
}
