//! The printed page as a form: words and lines of text, table rules, the
//! cell around a point, flowchart symbols and the ink of the connectors.
//! Works the same whether a PDF strokes its lines (Typst) or fills thin
//! outlines of them (Word's "save as PDF"): every path is reduced to its
//! edges and its outline, never to how it was painted.

use super::pdf::{Glyph, Page, Path};
use kurbo::{Point, Rect};

/// A rule is at most this thick (pt); thicker ink is a shape.
const THIN: f64 = 2.5;
/// A rule broken by a gap up to this (pt) is one rule (Word draws each
/// cell's border apart).
const GAP: f64 = 2.5;
/// Two rules closer than this (pt) are one.
const SAME: f64 = 1.5;

/// A run of glyphs without a gap.
#[derive(Clone, Debug)]
pub struct Word {
    pub text: String,
    pub x0: f64,
    pub x1: f64,
    /// Baseline.
    pub y: f64,
    pub size: f64,
    /// The text with its italic runs between `*` (Markdown), when it has any.
    pub md: Option<String>,
}

impl Word {
    pub fn cx(&self) -> f64 {
        (self.x0 + self.x1) / 2.0
    }
    /// The middle of the letters (above the baseline).
    pub fn cy(&self) -> f64 {
        self.y - self.size * 0.3
    }
    pub fn center(&self) -> Point {
        Point::new(self.cx(), self.cy())
    }
}

/// An axis-aligned rule: horizontal at `at` from `from` to `to`, or
/// vertical at `at`.
#[derive(Clone, Copy, Debug)]
pub struct Rule {
    pub at: f64,
    pub from: f64,
    pub to: f64,
}

impl Rule {
    pub fn spans(&self, v: f64) -> bool {
        self.from - SAME <= v && v <= self.to + SAME
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Terminator,
    Process,
    Decision,
    /// Off-page connector (pentagon) or on-page connector (circle).
    Connector,
}

/// A flowchart symbol.
#[derive(Clone, Debug)]
pub struct Shape {
    pub kind: Kind,
    pub rect: Rect,
}

/// Everything a page shows, reduced to what a form reader needs.
#[derive(Debug, Default)]
pub struct Sheet {
    pub width: f64,
    pub height: f64,
    pub words: Vec<Word>,
    pub hrules: Vec<Rule>,
    pub vrules: Vec<Rule>,
    pub shapes: Vec<Shape>,
    /// Small filled triangles: the tips of arrows.
    pub heads: Vec<Rect>,
    /// Thin ink (connector lines), each as points along its outline.
    pub ink: Vec<Vec<Point>>,
    pub glyphs: usize,
    pub images: usize,
    /// Small filled curved outlines: letters drawn as paths, not text.
    pub letter_outlines: usize,
}

impl Sheet {
    pub fn of(page: &Page) -> Sheet {
        let mut sheet = Sheet {
            width: page.width,
            height: page.height,
            words: words(&page.glyphs),
            glyphs: page.glyphs.len(),
            images: page.images,
            ..Sheet::default()
        };
        for p in &page.paths {
            sheet.add(p);
        }
        sheet.hrules = merge(std::mem::take(&mut sheet.hrules));
        sheet.vrules = merge(std::mem::take(&mut sheet.vrules));
        dedupe_shapes(&mut sheet.shapes);
        sheet
    }

    fn add(&mut self, p: &Path) {
        let r = p.bbox();
        let (w, h) = (r.width(), r.height());
        let closed = p.closed
            || p.points
                .first()
                .zip(p.points.last())
                .is_some_and(|(a, b)| a.distance(*b) < 0.5);
        // an arrowhead; one read from a picture stretched along its line
        // is longer (BPS 055: 6 pt across, 13 along)
        let head =
            w.max(h) < 9.0 || (w.max(h) < 15.0 && w.min(h) >= 4.5 && w.max(h) >= 1.6 * w.min(h));
        if closed && head && w.min(h) > 2.0 && p.filled {
            self.heads.push(r);
            return;
        }
        if is_chevron(p) {
            // an open arrowhead ">" drawn as two short strokes
            self.heads.push(r);
            return;
        }
        if p.filled && p.curved && w.max(h) < 12.0 {
            self.letter_outlines += 1;
        }
        let area = polygon_area(&p.points).abs();
        let solid = closed && w.min(h) >= 5.0 && area >= 0.35 * w * h;
        if solid {
            if let Some(kind) = classify(p, r, area) {
                self.shapes.push(Shape { kind, rect: r });
            }
            // a big solid rectangle is a cell or a background: its edges are rules
            if kind_is_cell(p, r) {
                self.edges(p, closed);
            }
            return;
        }
        if closed && w.min(h) < THIN {
            // a thin filled outline: a rule or a straight connector piece
            if w < THIN && h >= 3.0 {
                self.vrules.push(Rule {
                    at: r.center().x,
                    from: r.y0,
                    to: r.y1,
                });
            } else if h < THIN && w >= 3.0 {
                self.hrules.push(Rule {
                    at: r.center().y,
                    from: r.x0,
                    to: r.x1,
                });
            }
            self.ink.push(outline(&p.points, true));
            return;
        }
        self.edges(p, closed);
        self.ink.push(outline(&p.points, closed));
    }

    /// The axis-aligned edges of a path as rules.
    fn edges(&mut self, p: &Path, closed: bool) {
        let n = p.points.len();
        let count = if closed { n } else { n - 1 };
        for i in 0..count {
            let (a, b) = (p.points[i], p.points[(i + 1) % n]);
            if (a.y - b.y).abs() < 0.6 && (a.x - b.x).abs() >= 3.0 {
                self.hrules.push(Rule {
                    at: (a.y + b.y) / 2.0,
                    from: a.x.min(b.x),
                    to: a.x.max(b.x),
                });
            } else if (a.x - b.x).abs() < 0.6 && (a.y - b.y).abs() >= 3.0 {
                self.vrules.push(Rule {
                    at: (a.x + b.x) / 2.0,
                    from: a.y.min(b.y),
                    to: a.y.max(b.y),
                });
            }
        }
    }

    /// The words whose middle lies in `r`.
    pub fn words_in(&self, r: Rect) -> Vec<&Word> {
        self.words
            .iter()
            .filter(|w| r.contains(w.center()))
            .collect()
    }

    /// The text of `r`: its lines top to bottom, each line's words left to right.
    pub fn lines_in(&self, r: Rect) -> Vec<Line> {
        lines(self.words_in(r))
    }

    /// The nearest horizontal rule above `p` that passes over it.
    pub fn rule_above(&self, p: Point) -> Option<f64> {
        self.hrules
            .iter()
            .filter(|r| r.at < p.y && r.spans(p.x))
            .map(|r| r.at)
            .reduce(f64::max)
    }
    pub fn rule_below(&self, p: Point) -> Option<f64> {
        self.hrules
            .iter()
            .filter(|r| r.at > p.y && r.spans(p.x))
            .map(|r| r.at)
            .reduce(f64::min)
    }
    pub fn rule_left(&self, p: Point) -> Option<f64> {
        self.vrules
            .iter()
            .filter(|r| r.at < p.x && r.spans(p.y))
            .map(|r| r.at)
            .reduce(f64::max)
    }
    pub fn rule_right(&self, p: Point) -> Option<f64> {
        self.vrules
            .iter()
            .filter(|r| r.at > p.x && r.spans(p.y))
            .map(|r| r.at)
            .reduce(f64::min)
    }

    /// The table cell around `p`, bounded by the nearest rules (the page
    /// edge where there is none).
    pub fn cell_at(&self, p: Point) -> Rect {
        Rect::new(
            self.rule_left(p).unwrap_or(0.0),
            self.rule_above(p).unwrap_or(0.0),
            self.rule_right(p).unwrap_or(self.width),
            self.rule_below(p).unwrap_or(self.height),
        )
    }

    /// The first word (in reading order) for which `pred` holds.
    pub fn find(&self, pred: impl Fn(&str) -> bool) -> Option<&Word> {
        self.words.iter().find(|w| pred(&w.text))
    }
}

/// One printed line of a cell.
#[derive(Clone, Debug)]
pub struct Line {
    pub text: String,
    pub x0: f64,
    pub x1: f64,
    pub y: f64,
    pub size: f64,
    /// The text with its italic runs between `*`, when it has any.
    pub md: Option<String>,
}

impl Line {
    /// The text as the language writes it: italic runs between `*`.
    pub fn markdown(&self) -> &str {
        self.md.as_deref().unwrap_or(&self.text)
    }
}

/// Words grouped into lines (by baseline), in reading order.
pub fn lines(mut ws: Vec<&Word>) -> Vec<Line> {
    ws.sort_by(|a, b| a.y.total_cmp(&b.y));
    let mut rows: Vec<Vec<&Word>> = Vec::new();
    for w in ws {
        match rows.last_mut() {
            Some(row) if (row[0].y - w.y).abs() < row[0].size.max(w.size) * 0.45 => row.push(w),
            _ => rows.push(vec![w]),
        }
    }
    rows.into_iter()
        .map(|mut row| {
            row.sort_by(|a, b| a.x0.total_cmp(&b.x0));
            let words = |md: bool| {
                let ws: Vec<&str> = row
                    .iter()
                    .map(|w| match &w.md {
                        Some(m) if md => m.as_str(),
                        _ => w.text.as_str(),
                    })
                    .collect();
                ws.join(" ")
            };
            // italic words side by side are one italic run
            let md = row
                .iter()
                .any(|w| w.md.is_some())
                .then(|| words(true).replace("* *", " "));
            Line {
                text: words(false),
                x0: row[0].x0,
                x1: row.iter().map(|w| w.x1).fold(f64::MIN, f64::max),
                y: row[0].y,
                size: row[0].size,
                md,
            }
        })
        .collect()
}

/// Lines joined into one paragraph: a line that ends after `/` or `-` was
/// broken inside a word, any other break was a space. A hyphen before a
/// lowercase continuation is a hyphenation (sopc's own PDFs hyphenate
/// Indonesian words) and goes, unless the word is doubled (`masing-masing`);
/// soft hyphens and zero-width spaces, the marks of where a line may break,
/// are not text.
pub fn join(lines: &[Line]) -> String {
    let mut out = String::new();
    for l in lines {
        sambung(&mut out, &l.text);
    }
    selesai(&mut out);
    out
}

/// Drops the mark [`sambung`] may leave at the end of the last line.
pub fn selesai(teks: &mut String) {
    teks.truncate(teks.trim_end_matches(['\u{AD}', '\u{200B}']).len());
}

/// What the width of the words around a line break tells of it, beyond
/// the text (see [`putus`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Putus {
    /// Nothing: the rules of [`sambung`] decide.
    Teks,
    /// After a hyphen the word has (`e-` / `mail`): kept, no space.
    Tanda,
    /// Inside a word too wide for a line, at a mark that prints nothing
    /// (`(08.` / `00-15.30`): no space.
    Rapat,
}

/// Appends the next line of a paragraph to `out`, as [`join`] joins them.
pub fn sambung(out: &mut String, baris: &str) {
    sambung_putus(out, baris, Putus::Teks);
}

/// [`sambung`], with what the geometry told of the break.
pub fn sambung_putus(out: &mut String, baris: &str, putus: Putus) {
    // a zero-width space at the end: the line broke inside a URL or a
    // file name, which goes on without a space
    let nol = baris.trim_end().ends_with('\u{200B}');
    let t: String = baris.chars().filter(|&c| c != '\u{200B}').collect();
    let mut t = t.trim();
    if t.is_empty() {
        return;
    }
    // an italic run that goes on over the break is one run
    if out.ends_with('*') && !out.ends_with("**") && t.starts_with('*') && !t.starts_with("**") {
        out.pop();
        t = &t[1..];
    }
    let rapat = out.ends_with('\u{200B}');
    let lunak = out.ends_with('\u{AD}');
    if lunak || rapat {
        out.pop();
    }
    let dipenggal = lunak
        || (putus != Putus::Tanda
            && out.ends_with('-')
            && !out.ends_with(" -")
            && penggalan(out, t));
    if dipenggal {
        out.truncate(out.trim_end_matches('-').len());
    }
    // a line broken after `/` or inside a hyphenated word joins without a space
    // …and so does an address broken after one of its dots
    let last = out.rsplit(' ').next().unwrap_or("");
    let address = last.contains("://") || last.starts_with("www.");
    let broken = rapat
        || dipenggal
        || putus != Putus::Teks
        || out.ends_with('/')
        || (out.ends_with('-') && !out.ends_with(" -"))
        || (address && out.ends_with('.'));
    if !out.is_empty() && !broken {
        out.push(' ');
    }
    // a soft hyphen at the end tells the next line; inside, it is no text
    let akhir = t.len() - t.trim_end_matches('\u{AD}').len();
    out.extend(
        t.trim_end_matches('\u{AD}')
            .chars()
            .filter(|&c| c != '\u{AD}'),
    );
    if akhir > 0 {
        out.push('\u{AD}');
    } else if nol {
        out.push('\u{200B}');
    }
}

/// What the break between line `a` and the next line `b` was (see
/// [`putus`]), from the words of the lines among `words` and the width
/// `lebar` of a line.
pub fn putus_antara(a: &Line, b: &Line, words: &[&Word], lebar: f64) -> Putus {
    let akhir = words
        .iter()
        .filter(|w| (w.y - a.y).abs() < 1.0 && w.x0 >= a.x0 - 0.5 && w.x1 <= a.x1 + 0.5)
        .max_by(|x, y| x.x1.total_cmp(&y.x1));
    let awal = words
        .iter()
        .filter(|w| (w.y - b.y).abs() < 1.0 && w.x0 >= b.x0 - 0.5)
        .min_by(|x, y| x.x0.total_cmp(&y.x0));
    match (akhir, awal) {
        (Some(x), Some(y)) => putus(x, y, lebar),
        _ => Putus::Teks,
    }
}

/// The break mark sopc's rules put into `kata`, a word too wide for a
/// line, after its first `n` characters, if any.
fn tanda_di(kata: &str, n: usize) -> Option<char> {
    let bertanda = crate::patah::patah_bila(kata, |_| false);
    let mut huruf = 0;
    let mut tanda = None;
    for c in bertanda.chars() {
        if matches!(c, crate::patah::SHY | crate::patah::ZWSP) {
            if huruf == n {
                tanda = Some(c);
            }
            continue;
        }
        if huruf == n {
            break;
        }
        huruf += 1;
        tanda = None;
    }
    tanda
}

/// What a line break between the words `akhir` (ending a line) and `awal`
/// (starting the next) was, from their widths and a line's `lebar`: a word
/// that fits a line is printed as written (sopc marks breaks only inside
/// words too wide for one, and Word breaks such words only), so a break
/// inside it was after a hyphen of its own; inside a word too wide, a
/// hyphen stands where sopc's rules put a syllable break (else it is the
/// word's own), and a break with no hyphen after a dot that goes on with a
/// digit or a lowercase letter (`08.00`, `bps.go.id`) was no space.
pub fn putus(akhir: &Word, awal: &Word, lebar: f64) -> Putus {
    let a = akhir.text.trim_end_matches('\u{AD}');
    // a word that goes on over a third line is wider than this one
    let b = awal.text.trim_end_matches('\u{AD}');
    let terus = b.ends_with('-');
    let b = b.trim_end_matches('-');
    let muat = !terus && (akhir.x1 - akhir.x0) + (awal.x1 - awal.x0) <= lebar + 0.5;
    if let Some(batang) = a.strip_suffix('-').filter(|s| !s.is_empty()) {
        let suku =
            tanda_di(&format!("{batang}{b}"), batang.chars().count()) == Some(crate::patah::SHY);
        return if muat || !suku {
            Putus::Tanda
        } else {
            Putus::Teks
        };
    }
    let sambungan = a.ends_with('.')
        && a.chars().rev().nth(1).is_some_and(char::is_alphanumeric)
        && b.chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit() || c.is_lowercase());
    if !muat && sambungan {
        Putus::Rapat
    } else {
        Putus::Teks
    }
}

/// Whether `sebelum`, ending in a hyphen at a line's end, and the next line
/// `sesudah` are one word hyphenated: the next line goes on in lowercase,
/// and does not repeat the word before the hyphen (`masing-` / `masing`,
/// `kata-` / `katanya`). A repetition is the whole word again, or with a
/// suffix: `me-` / `meriksa` only begins with the same syllable, a
/// hyphenated `memeriksa`.
fn penggalan(sebelum: &str, sesudah: &str) -> bool {
    let kata = sebelum
        .trim_end_matches('-')
        .rsplit([' ', '/'])
        .next()
        .unwrap_or("")
        .to_lowercase();
    let lanjut = sesudah.split([' ', '/', ',', '.']).next().unwrap_or("");
    let ulang = lanjut
        .to_lowercase()
        .strip_prefix(kata.as_str())
        .is_some_and(|akhiran| AKHIRAN.contains(&akhiran));
    lanjut.chars().next().is_some_and(char::is_lowercase) && !kata.is_empty() && !ulang
}

/// What may follow the repeated half of a doubled word (`buku-bukunya`,
/// `sayur-sayuran`).
const AKHIRAN: [&str; 10] = ["", "nya", "an", "kan", "i", "lah", "pun", "mu", "ku", "kah"];

/// The line step of sopc's own procedure table in type sizes (9 pt type,
/// `leading: 0.42em` in `templates/prosedur.typ`, Liberation Sans), and how
/// much further its paragraphs stand apart (`spacing: 0.6em`).
const SOPC_BARIS: f64 = 1.108;
const SOPC_PARAGRAF: f64 = 0.18;

/// How far apart a table sets its lines, in type sizes: two lines of one
/// paragraph, and (where a cell shows both) two paragraphs.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Jarak {
    pub baris: f64,
    pub paragraf: Option<f64>,
}

impl Jarak {
    /// From the lines of each text cell of a table: the lower quartile of
    /// the distances of consecutive lines of one size (an em to an empty
    /// line apart), so that the wider steps between paragraphs, fewer than
    /// the lines, do not count; and the median of those wider steps in the
    /// cells whose lines also stand at that distance — or, in a table set as
    /// sopc sets its own, sopc's paragraph step. `None` without two lines in
    /// a cell.
    pub fn of<'a>(cells: impl IntoIterator<Item = &'a [Line]>) -> Option<Jarak> {
        let cells: Vec<Vec<f64>> = cells.into_iter().map(langkah).collect();
        let mut semua: Vec<f64> = cells.iter().flatten().copied().collect();
        semua.sort_by(f64::total_cmp);
        let baris = *semua.get(semua.len() / 4)?;
        let mut lebar: Vec<f64> = cells
            .iter()
            .filter(|gs| gs.iter().any(|g| (g - baris).abs() < 0.05))
            .flatten()
            .copied()
            .filter(|g| g - baris > 0.1)
            .collect();
        lebar.sort_by(f64::total_cmp);
        let sopc = ((baris - SOPC_BARIS).abs() < 0.005).then_some(baris + SOPC_PARAGRAF);
        Some(Jarak {
            baris,
            paragraf: lebar.get(lebar.len() / 2).copied().or(sopc),
        })
    }

    /// Whether lines `gap` apart (in type sizes) in a cell whose steps are
    /// `cell` are two paragraphs: wider than a line step by a tenth of an
    /// em, in a cell that shows the line step too or at this table's
    /// paragraph step (a cell whose lines all stand wider apart than the
    /// table's has a spacing of its own, as Word sets it).
    fn parts(&self, gap: f64, cell: &[f64]) -> bool {
        gap > self.baris + 0.1
            && (cell.iter().any(|g| (g - self.baris).abs() < 0.05)
                || self.paragraf.is_some_and(|p| (gap - p).abs() < 0.03))
    }
}

/// The steps between consecutive lines of one size, in type sizes (an em
/// to an empty line apart: two baselines nearer are no two lines of a
/// paragraph, such as a list number set a little off its text).
fn langkah(ls: &[Line]) -> Vec<f64> {
    ls.windows(2)
        .filter(|w| (w[0].size - w[1].size).abs() < 0.3 && w[0].size > 0.0)
        .map(|w| (w[1].y - w[0].y) / w[0].size)
        .filter(|g| (0.95..1.9).contains(g))
        .collect()
}

/// Lines joined as [`join`] does, paragraphs parted by a blank line (as
/// YAML's `|` writes them) where an empty line's worth of space parts two
/// lines, where the baselines stand as far apart as this table's
/// paragraphs (`jarak`; sopc sets paragraphs 0.18 em further apart than
/// lines, Word adds its space after a paragraph), or where a line stopped
/// short of what the next one's first word needed (`words` are the lines'
/// words, `cell` the column's edges).
pub fn paragraphs(
    lines: &[Line],
    words: &[&Word],
    cell: (f64, f64),
    jarak: Option<Jarak>,
) -> String {
    let left = lines.iter().map(|l| l.x0).fold(f64::MAX, f64::min);
    let right = tepi_kanan(lines, cell);
    let forced = |a: &Line, b: &Line| berhenti(a, kata_awal(b, words), right);
    let steps = langkah(lines);
    let mut parts: Vec<String> = Vec::new();
    let mut part = String::new();
    for (i, l) in lines.iter().enumerate() {
        let Some(a) = i.checked_sub(1).map(|j| &lines[j]) else {
            sambung(&mut part, l.markdown());
            continue;
        };
        let size = l.size.max(a.size);
        let gap = l.y - a.y;
        if gap > 1.9 * size || jarak.is_some_and(|j| j.parts(gap / size, &steps)) || forced(a, l) {
            selesai(&mut part);
            parts.push(std::mem::take(&mut part));
            sambung(&mut part, l.markdown());
            continue;
        }
        sambung_putus(
            &mut part,
            l.markdown(),
            putus_antara(a, l, words, right - left),
        );
    }
    selesai(&mut part);
    parts.push(part);
    parts.retain(|p| !p.is_empty());
    parts.join("\n\n")
}

/// The right edge of the text of a cell (`cell` its column's edges) that
/// holds `lines`: the cell's, less the inset its text keeps on the left.
pub fn tepi_kanan(lines: &[Line], cell: (f64, f64)) -> f64 {
    let left = lines.iter().map(|l| l.x0).fold(f64::MAX, f64::min);
    cell.1 - (left - cell.0).max(0.0)
}

/// The first word of line `b`, among `words`.
pub fn kata_awal<'a>(b: &Line, words: &[&'a Word]) -> Option<&'a Word> {
    words
        .iter()
        .filter(|w| (w.y - b.y).abs() < 1.0 && w.x0 >= b.x0 - 0.5)
        .min_by(|x, y| x.x0.total_cmp(&y.x0))
        .copied()
}

/// Whether line `a` stopped although `awal`, the first word of the line
/// after it, would have fitted after it before the text's right edge
/// `right`: the line was ended by hand, a paragraph ends there. Lines are
/// laid out before a table row is cut by a page, so this holds over a page
/// break too.
pub fn berhenti(a: &Line, awal: Option<&Word>, right: f64) -> bool {
    let fits = awal.is_some_and(|w| a.x1 + 0.3 * a.size + (w.x1 - w.x0) < right - 1.0);
    fits && !a.text.ends_with(['-', '/'])
}

/// Glyphs to words: a new word where the gap exceeds a fifth of the type
/// size, at a space, or on another baseline.
fn words(glyphs: &[Glyph]) -> Vec<Word> {
    let mut gs: Vec<&Glyph> = glyphs.iter().filter(|g| g.size > 0.5).collect();
    // stable order: by baseline band, then x
    gs.sort_by(|a, b| a.y.total_cmp(&b.y));
    let mut bands: Vec<Vec<&Glyph>> = Vec::new();
    for g in gs {
        match bands.last_mut() {
            Some(band) if (band[0].y - g.y).abs() < band[0].size.min(g.size) * 0.35 => band.push(g),
            _ => bands.push(vec![g]),
        }
    }
    let mut out = Vec::new();
    for mut band in bands {
        band.sort_by(|a, b| a.x0.total_cmp(&b.x0));
        let mut cur: Option<(Word, Miring)> = None;
        for g in band {
            let blank = g.text.trim().is_empty();
            let gap = cur.as_ref().map_or(0.0, |(w, _)| g.x0 - w.x1);
            let size = g.size;
            // a space off the baseline (an underline drawn with spaces below
            // the letters) parts nothing
            let on_line = cur
                .as_ref()
                .is_none_or(|(w, _)| (g.y - w.y).abs() < size * 0.15);
            let split = (blank && on_line) || gap > size * 0.2 || gap < -size;
            if split && let Some(w) = cur.take() {
                out.push(w.1.selesai(w.0));
            }
            if blank {
                continue;
            }
            let (w, m) = cur.get_or_insert_with(|| {
                let w = Word {
                    text: String::new(),
                    x0: g.x0,
                    x1: g.x1,
                    y: g.y,
                    size,
                    md: None,
                };
                (w, Miring::default())
            });
            m.tambah(&w.text, g);
            w.text.push_str(&g.text);
            w.x1 = w.x1.max(g.x1);
        }
        out.extend(cur.map(|(w, m)| m.selesai(w)));
    }
    out
}

/// A word's italic runs as it is read glyph by glyph: its Markdown text,
/// begun at its first italic glyph.
#[derive(Default)]
struct Miring {
    md: Option<String>,
    /// The last glyph was italic.
    dalam: bool,
}

impl Miring {
    /// Notes glyph `g`, which follows `sebelum` in the word.
    fn tambah(&mut self, sebelum: &str, g: &Glyph) {
        if g.miring != self.dalam {
            self.md.get_or_insert_with(|| sebelum.to_owned()).push('*');
            self.dalam = g.miring;
        }
        if let Some(md) = self.md.as_mut() {
            md.push_str(&g.text);
        }
    }

    /// `w` with its Markdown text, the italic closed at its end.
    fn selesai(mut self, mut w: Word) -> Word {
        if self.dalam
            && let Some(md) = self.md.as_mut()
        {
            md.push('*');
        }
        w.md = self.md;
        w
    }
}

/// Overlapping collinear rules merged; order by position.
fn merge(mut rules: Vec<Rule>) -> Vec<Rule> {
    rules.sort_by(|a, b| a.at.total_cmp(&b.at).then(a.from.total_cmp(&b.from)));
    let mut out: Vec<Rule> = Vec::new();
    for r in rules {
        if let Some(m) =
            out.iter_mut().rev().take(40).find(|m| {
                (m.at - r.at).abs() < SAME && r.from <= m.to + GAP && m.from <= r.to + GAP
            })
        {
            m.from = m.from.min(r.from);
            m.to = m.to.max(r.to);
            continue;
        }
        out.push(r);
    }
    out
}

fn polygon_area(ps: &[Point]) -> f64 {
    let n = ps.len();
    (0..n)
        .map(|i| {
            let (a, b) = (ps[i], ps[(i + 1) % n]);
            a.x * b.y - b.x * a.y
        })
        .sum::<f64>()
        / 2.0
}

/// The symbol a solid closed path draws, if any.
fn classify(p: &Path, r: Rect, area: f64) -> Option<Kind> {
    let (w, h) = (r.width(), r.height());
    if w > 150.0 || h > 100.0 {
        return None;
    }
    let fill = area / (w * h);
    let corners = distinct_corners(&p.points);
    // a producer may flatten the rounded ends into many short edges
    if p.curved || (corners.len() >= 12 && fill > 0.7) {
        let round = (w - h).abs() < 0.15 * w.max(h) && (p.curved && !p.straight);
        return Some(if round && w < 30.0 {
            Kind::Connector
        } else {
            Kind::Terminator
        });
    }
    match corners.len() {
        4 if fill < 0.7 => {
            // a diamond: its corners sit at the middles of its box's sides
            let mids = corners
                .iter()
                .all(|c| (c.x - r.center().x).abs() < 1.0 || (c.y - r.center().y).abs() < 1.0);
            mids.then_some(Kind::Decision)
        }
        // smaller than any process box: a mark on a line (Word draws
        // some arrow joints as tiny rectangles)
        4 if h < 8.0 || w < 12.0 => None,
        4 => Some(Kind::Process),
        5 if fill > 0.6 => Some(Kind::Connector),
        _ => None,
    }
}

/// Two short strokes meeting at a sharp angle: an open arrowhead.
fn is_chevron(p: &Path) -> bool {
    let [a, tip, b] = p.points[..] else {
        return false;
    };
    let (u, v) = (a - tip, b - tip);
    let (lu, lv) = (u.hypot(), v.hypot());
    let short = |l: f64| (1.5..9.0).contains(&l);
    short(lu) && short(lv) && !p.curved && (u.x * v.x + u.y * v.y) / (lu * lv) > 0.2
}

/// A process-sized rectangle is a symbol; larger ones are table cells.
fn kind_is_cell(p: &Path, r: Rect) -> bool {
    !p.curved && (r.width() > 150.0 || r.height() > 100.0)
}

fn distinct_corners(ps: &[Point]) -> Vec<Point> {
    let mut out: Vec<Point> = Vec::new();
    for p in ps {
        if !out.iter().any(|q| q.distance(*p) < 1.0) {
            out.push(*p);
        }
    }
    out
}

/// Points every pt or so along a path's edges.
fn outline(ps: &[Point], closed: bool) -> Vec<Point> {
    let n = ps.len();
    let count = if closed { n } else { n.saturating_sub(1) };
    let mut out = Vec::new();
    for i in 0..count {
        let (a, b) = (ps[i], ps[(i + 1) % n]);
        let steps = (a.distance(b).ceil() as usize).clamp(1, 2000);
        for s in 0..steps {
            out.push(a.lerp(b, s as f64 / steps as f64));
        }
    }
    // a closed outline ends where it began, so that the edge back to its
    // start (often a line's cap) is as much a part of it as any other
    let end = if closed { ps.first() } else { ps.last() };
    out.extend(end);
    out
}

/// A symbol filled and then stroked is drawn twice: keep one.
fn dedupe_shapes(shapes: &mut Vec<Shape>) {
    let mut out: Vec<Shape> = Vec::new();
    for s in shapes.drain(..) {
        let same = |o: &Shape| {
            (o.rect.x0 - s.rect.x0).abs() < 1.5
                && (o.rect.y0 - s.rect.y0).abs() < 1.5
                && (o.rect.x1 - s.rect.x1).abs() < 1.5
                && (o.rect.y1 - s.rect.y1).abs() < 1.5
        };
        if !out.iter().any(same) {
            out.push(s);
        }
    }
    *shapes = out;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraf(baris: &[&str]) -> String {
        let lines: Vec<Line> = baris
            .iter()
            .map(|t| Line {
                text: (*t).to_owned(),
                x0: 0.0,
                x1: 10.0,
                y: 0.0,
                size: 9.0,
                md: None,
            })
            .collect();
        join(&lines)
    }

    #[test]
    fn hyphenated_words_join_and_doubled_words_keep_their_hyphen() {
        assert_eq!(
            paragraf(&["Berkas permoho-", "nan masuk"]),
            "Berkas permohonan masuk"
        );
        assert_eq!(
            paragraf(&["Kawasan Permu-\u{AD}", "kiman"]),
            "Kawasan Permukiman"
        );
        assert_eq!(paragraf(&["masing-", "masing"]), "masing-masing");
        assert_eq!(paragraf(&["buku-", "bukunya"]), "buku-bukunya");
        // a word that only begins with the syllable before the hyphen
        assert_eq!(
            paragraf(&["Menerima, me-", "meriksa, dan"]),
            "Menerima, memeriksa, dan"
        );
        assert_eq!(
            paragraf(&["Undang-", "Undang Nomor 25"]),
            "Undang-Undang Nomor 25"
        );
        assert_eq!(paragraf(&["Surat -", "nota"]), "Surat - nota");
        // a URL broken at a zero-width space goes on without a space
        assert_eq!(
            paragraf(&["https://jdih.go.id/\u{200B}", "produk_\u{200B}", "hukum"]),
            "https://jdih.go.id/produk_hukum"
        );
        assert_eq!(
            paragraf(&["per\u{AD}mo\u{AD}ho\u{AD}nan", "baru"]),
            "permohonan baru"
        );
    }

    fn kata(text: &str, x0: f64, x1: f64, y: f64) -> Word {
        Word {
            text: text.to_owned(),
            x0,
            x1,
            y,
            size: 9.0,
            md: None,
        }
    }

    #[test]
    fn the_widths_around_a_break_tell_a_words_own_hyphen_and_a_break_without_space() {
        // a word that fits a line was broken after its own hyphen
        let e = kata("e-", 10.0, 18.0, 0.0);
        assert_eq!(
            putus(&e, &kata("mail", 10.0, 26.0, 10.0), 60.0),
            Putus::Tanda
        );
        // too wide: a hyphen where sopc puts a syllable break is sopc's
        let m = kata("Menerus-", 10.0, 48.0, 0.0);
        assert_eq!(putus(&m, &kata("kan", 10.0, 25.0, 10.0), 45.0), Putus::Teks);
        // …and one between other letters is the word's own
        let t = kata("non-", 10.0, 28.0, 0.0);
        assert_eq!(
            putus(&t, &kata("organik", 10.0, 40.0, 10.0), 45.0),
            Putus::Tanda
        );
        // a time broken at its dot had no space; a sentence's end had one
        let jam = kata("(08.", 10.0, 28.0, 0.0);
        assert_eq!(
            putus(&jam, &kata("00-15.30", 10.0, 45.0, 10.0), 45.0),
            Putus::Rapat
        );
        let akhir = kata("sebelumnya.", 10.0, 50.0, 0.0);
        assert_eq!(
            putus(&akhir, &kata("Aplikasi", 10.0, 40.0, 10.0), 45.0),
            Putus::Teks
        );
    }

    #[test]
    fn baselines_further_apart_than_a_paragraphs_lines_part_paragraphs() {
        let baris = |text: &str, y: f64| Line {
            text: text.to_owned(),
            x0: 10.0,
            x1: 30.0,
            y,
            size: 9.0,
            md: None,
        };
        let ls = [
            baris("Satu", 0.0),
            baris("dua.", 9.97),
            baris("Tiga", 21.56),
            baris("empat.", 31.53),
        ];
        let jarak = Jarak::of([&ls[..]]);
        assert_eq!(jarak.map(|j| j.baris), Some(9.97 / 9.0));
        assert_eq!(
            paragraphs(&ls, &[], (0.0, 100.0), jarak),
            "Satu dua.\n\nTiga empat."
        );
        assert_eq!(
            paragraphs(&ls, &[], (0.0, 100.0), None),
            "Satu dua. Tiga empat."
        );
        // a cell whose lines all stand wider apart than the table's (as Word
        // sets a cell's own spacing) is one paragraph
        let lebar = [baris("Daftar", 0.0), baris("Publikasi", 12.0)];
        let word = Jarak {
            baris: 1.147,
            paragraf: None,
        };
        assert_eq!(
            paragraphs(&lebar, &[], (0.0, 100.0), Some(word)),
            "Daftar Publikasi"
        );
    }

    #[test]
    fn italic_runs_come_back_between_asterisks() {
        // "(work plan)" with "work plan" italic, a glyph 5 pt wide each
        let mut x = 0.0;
        let glyphs: Vec<Glyph> = "(work plan)"
            .chars()
            .map(|c| {
                let g = Glyph {
                    text: c.to_string(),
                    x0: x,
                    x1: x + 5.0,
                    y: 10.0,
                    size: 9.0,
                    miring: c.is_alphabetic(),
                };
                x += 5.0;
                g
            })
            .collect();
        let ws = words(&glyphs);
        let ls = lines(ws.iter().collect());
        assert_eq!(ls[0].text, "(work plan)");
        assert_eq!(ls[0].markdown(), "(*work plan*)");
        // a run broken over two lines is one run
        let mut out = String::new();
        sambung(&mut out, "*work*");
        sambung(&mut out, "*plan*");
        assert_eq!(out, "*work plan*");
    }
}
