//! A procedure table pasted as a picture (a screenshot of Word placed in
//! the PDF): its rules, flowchart symbols, arrowheads and printed letters
//! read from the pixels and handed on as the glyphs and paths a vector page
//! would have given, so that the form ([`super::baca`]) and the flow
//! ([`super::panah`]) are read by the same code as any other page.
//!
//! Ink is what is dark and not coloured (the red squiggles of a spelling
//! checker are not ink). Its connected pieces are letters when they are
//! letter-sized, else drawing: straight runs of drawing are rules and
//! connector lines, closed white regions of symbol size whose outline ends
//! at its corners are symbols, and solid blobs too thick for a line are
//! arrowheads. Letters are recognised by comparing them with the embedded
//! Liberation Sans (metric-compatible with Arial, the face of the forms),
//! rendered at the size the line of text has in the picture.

use super::pdf::{Glyph, Path, Picture};
use kurbo::{Affine, Point};

mod huruf;
mod kamus;

pub use huruf::jalur_huruf;
pub use kamus::Kamus;

/// More pixels than a letter page at 400 ppi: past this a picture is not read.
pub const MAX_PIKSEL: usize = 16_000_000;
/// Connected pieces of ink in one picture; past this it is noise, not a form.
const MAX_KEPING: usize = 250_000;
/// Darkness (0 white, 255 black) from which a pixel is ink.
const TINTA: u8 = 96;

/// A picture as darkness per pixel, row by row.
#[derive(Clone, Default)]
pub struct Raster {
    pub w: usize,
    pub h: usize,
    pub dark: Vec<u8>,
}

impl std::fmt::Debug for Raster {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Raster({}x{})", self.w, self.h)
    }
}

impl Raster {
    /// From RGB bytes: the darkness of the lightest channel, less the
    /// more colourful a pixel is, so that a red squiggle is light.
    pub fn from_rgb(w: usize, h: usize, rgb: &[u8]) -> Option<Raster> {
        if w.checked_mul(h)? > MAX_PIKSEL || rgb.len() < w * h * 3 {
            return None;
        }
        let dark = rgb
            .chunks_exact(3)
            .take(w * h)
            .map(|p| {
                let (hi, lo) = (p[0].max(p[1]).max(p[2]), p[0].min(p[1]).min(p[2]));
                // a colour (a red squiggle, even dulled by JPEG) is no ink
                let warna = 2 * u16::from(hi - lo).saturating_sub(24);
                (255 - hi).saturating_sub(warna.min(255) as u8)
            })
            .collect();
        Some(Raster { w, h, dark })
    }

    /// Lays the picture on the white page through its soft mask `alpha`
    /// (`w` × `h`, stretched over the picture when its size differs): a
    /// pixel the mask hides is white, whatever colour it holds.
    pub fn cover(&mut self, w: usize, h: usize, alpha: &[u8]) {
        if w == 0 || h == 0 || alpha.len() < w * h {
            return;
        }
        for y in 0..self.h {
            let ay = y * h / self.h;
            for x in 0..self.w {
                let a = u16::from(alpha[ay * w + x * w / self.w]);
                let d = &mut self.dark[y * self.w + x];
                *d = (u16::from(*d) * a / 255) as u8;
            }
        }
    }

    pub fn from_luma(w: usize, h: usize, luma: &[u8]) -> Option<Raster> {
        if w.checked_mul(h)? > MAX_PIKSEL || luma.len() < w * h {
            return None;
        }
        let dark = luma[..w * h].iter().map(|l| 255 - l).collect();
        Some(Raster { w, h, dark })
    }
}

/// What a picture gave: glyphs and paths in page coordinates, and how many
/// letters were guesses.
#[derive(Debug, Default)]
pub struct Reading {
    pub glyphs: Vec<Glyph>,
    pub paths: Vec<Path>,
    pub huruf: usize,
    pub ragu: usize,
    pub simbol: usize,
}

/// Pictures of one page with those pasted one right below the other joined
/// into one (a table pasted as two screenshots, cut through a row: the
/// halves of its symbols are closed only together). Joined when as wide,
/// standing at the same place across, scaled alike, and the second
/// starting within a point of where the first ends.
pub fn sambung(mut gambar: Vec<Picture>) -> Vec<Picture> {
    let atas = |g: &Picture| (g.ke_halaman * Point::ORIGIN).y;
    gambar.sort_by(|a, b| atas(a).total_cmp(&atas(b)));
    let mut out: Vec<Picture> = Vec::with_capacity(gambar.len());
    for g in gambar {
        if let Some(p) = out.last_mut() {
            let [a0, _, _, d0, x0, _] = p.ke_halaman.as_coeffs();
            let [a1, b1, c1, d1, x1, _] = g.ke_halaman.as_coeffs();
            let bawah = (p.ke_halaman * Point::new(0.0, p.raster.h as f64)).y;
            let muat = (p.raster.w + g.raster.w) * (p.raster.h + g.raster.h) <= MAX_PIKSEL;
            if p.raster.w == g.raster.w
                && muat
                && b1 == 0.0
                && c1 == 0.0
                && (a0 - a1).abs() <= 0.01 * a0.abs()
                && (d0 - d1).abs() <= 0.01 * d0.abs()
                && (x0 - x1).abs() <= 1.0
                && (atas(&g) - bawah).abs() <= 1.0
            {
                p.raster.h += g.raster.h;
                p.raster.dark.extend(g.raster.dark);
                continue;
            }
        }
        out.push(g);
    }
    out
}

/// Reads picture `c`, whose pixel (x, y) lies at `ke_halaman * (x, y)` on
/// the page: its drawing and its letters.
pub fn baca(c: &Raster, ke_halaman: Affine, kamus: &Kamus) -> Reading {
    baca_dengan(c, ke_halaman, Some(kamus))
}

/// Reads only the drawing of picture `c` (see [`baca`]): its rules,
/// symbols, lines and arrowheads, not its letters (a flowchart pasted over
/// a text table, whose words are the page's own).
pub fn bentuk(c: &Raster, ke_halaman: Affine) -> Reading {
    baca_dengan(c, ke_halaman, None)
}

/// Reads picture `c`, its letters too when given their lexicon `kamus`.
fn baca_dengan(c: &Raster, ke_halaman: Affine, kamus: Option<&Kamus>) -> Reading {
    let [a, b, cc, d, ..] = ke_halaman.as_coeffs();
    // only an upright picture (scaled, perhaps unevenly, not turned)
    if !(a > 0.0 && d > 0.0) || b.abs() > 0.02 * a || cc.abs() > 0.02 * d || c.w < 8 || c.h < 8 {
        return Reading::default();
    }
    // pixels per pt (the screenshot's own pixels are square; the PDF may
    // stretch it a little on one axis)
    let u = 2.0 / (a + d);
    let mask: Vec<bool> = c.dark.iter().map(|&g| g >= TINTA).collect();
    let Some((label, keping)) = components(&mask, c.w, c.h, true) else {
        return Reading::default();
    };
    let huruf_keping: Vec<bool> = keping
        .iter()
        .map(|k| {
            let (w, h) = (k.w() as f64, k.h() as f64);
            k.n >= 2 && h <= 12.0 * u && w <= 24.0 * u && !(h <= 2.6 * u && w > 9.0 * u)
        })
        .collect();
    let drawing: Vec<bool> = label
        .iter()
        .map(|&l| l != 0 && !huruf_keping[l as usize - 1] && keping[l as usize - 1].n >= 2)
        .collect();
    let mut hasil = Reading::default();
    let ke = |x: f64, y: f64| ke_halaman * Point::new(x, y);

    // symbols: closed white regions of symbol size
    let kosong: Vec<bool> = drawing.iter().map(|g| !g).collect();
    let mut milik_simbol = vec![false; mask.len()];
    if let Some((wil, wilayah)) = components(&kosong, c.w, c.h, false) {
        for (i, r) in wilayah.iter().enumerate() {
            let id = i as u32 + 1;
            let Some((symbol_kind, t)) = symbol_kind(r, id, &wil, &drawing, c.w, c.h, u) else {
                continue;
            };
            hasil.simbol += 1;
            hasil.paths.push(symbol_path(symbol_kind, r, t, &ke));
            mark_outline(r, id, &wil, &drawing, c.w, t + 2, &mut milik_simbol);
        }
    }

    // rules and connector lines: straight runs of the drawing left
    let garis: Vec<bool> = drawing
        .iter()
        .zip(&milik_simbol)
        .map(|(g, s)| *g && !s)
        .collect();
    let min = (4.5 * u).max(6.0) as usize;
    let tebal = (3.6 * u).max(3.0) as usize;
    // the thickness of the long lines, across and down
    let (mut tebal_garis, mut tebal_tegak) = (Vec::new(), Vec::new());
    for (mendatar, (a0, a1, x0, x1)) in straight_runs(&garis, c.w, c.h, min, tebal) {
        let (p, q) = if mendatar {
            let y = (a0 + a1) as f64 / 2.0;
            if (x1 - x0) as f64 > 20.0 * u {
                tebal_garis.push(a1 - a0);
            }
            (ke(x0 as f64, y), ke(x1 as f64, y))
        } else {
            if (x1 - x0) as f64 > 20.0 * u {
                tebal_tegak.push(a1 - a0);
            }
            let x = (a0 + a1) as f64 / 2.0;
            (ke(x, x0 as f64), ke(x, x1 as f64))
        };
        hasil.paths.push(Path {
            points: vec![p, q],
            closed: false,
            curved: false,
            straight: true,
            filled: false,
            stroked: true,
        });
    }
    // an arrowhead is what is thicker than both (a picture the PDF
    // stretches one way draws its lines thicker that way: BPS 055's
    // connectors, 150 ppi across and 67 down)
    let median = |mut v: Vec<usize>| {
        v.sort_unstable();
        v.get(v.len() / 2).copied()
    };
    let t = median(tebal_garis).max(median(tebal_tegak)).unwrap_or(2);
    for r in arrowheads(&drawing, c.w, c.h, t + 2, u) {
        let (p, q) = (ke(r.0, r.1), ke(r.2, r.3));
        hasil.paths.push(Path {
            points: vec![p, Point::new(q.x, p.y), q, Point::new(p.x, q.y)],
            closed: true,
            curved: false,
            straight: true,
            filled: true,
            stroked: false,
        });
    }

    // letters
    let huruf: Vec<usize> = (0..keping.len())
        .filter(|&i| huruf_keping[i] && keping[i].n >= 2)
        .collect();
    if let Some(kamus) = kamus
        && huruf.len() <= huruf::MAX_HURUF
    {
        huruf::read_letters(c, &label, &keping, &huruf, &ke_halaman, kamus, &mut hasil);
    }
    hasil
}

// --- connected pieces ------------------------------------------------------------

/// A connected piece: its box (exclusive ends) and pixel count.
#[derive(Clone, Copy, Debug)]
struct Piece {
    x0: usize,
    y0: usize,
    x1: usize,
    y1: usize,
    n: usize,
}

impl Piece {
    fn w(&self) -> usize {
        self.x1 - self.x0
    }
    fn h(&self) -> usize {
        self.y1 - self.y0
    }
}

fn akar(p: &mut [u32], mut i: u32) -> u32 {
    while p[i as usize] != i {
        p[i as usize] = p[p[i as usize] as usize];
        i = p[i as usize];
    }
    i
}

/// Labels the connected pieces of `mask` (8-connected, or 4-connected when
/// `delapan` is false): a label per pixel (0 outside the mask, else the
/// piece's index + 1) and the pieces. None past [`MAX_KEPING`].
fn components(mask: &[bool], w: usize, h: usize, delapan: bool) -> Option<(Vec<u32>, Vec<Piece>)> {
    let mut label = vec![0u32; w * h];
    let mut parent: Vec<u32> = vec![0];
    for y in 0..h {
        for x in 0..w {
            let i = y * w + x;
            if !mask[i] {
                continue;
            }
            let mut tetangga = [0u32; 4];
            if x > 0 {
                tetangga[0] = label[i - 1];
            }
            if y > 0 {
                tetangga[1] = label[i - w];
                if delapan {
                    if x > 0 {
                        tetangga[2] = label[i - w - 1];
                    }
                    if x + 1 < w {
                        tetangga[3] = label[i - w + 1];
                    }
                }
            }
            let mut l = 0;
            for &n in tetangga.iter().filter(|&&n| n != 0) {
                let r = akar(&mut parent, n);
                if l == 0 {
                    l = r;
                } else if r != l {
                    let (a, b) = (l.min(r), l.max(r));
                    parent[b as usize] = a;
                    l = a;
                }
            }
            if l == 0 {
                if parent.len() > 4 * MAX_KEPING {
                    return None;
                }
                l = parent.len() as u32;
                parent.push(l);
            }
            label[i] = l;
        }
    }
    let mut nomor = vec![0u32; parent.len()];
    let mut keping: Vec<Piece> = Vec::new();
    for l in 1..parent.len() as u32 {
        let r = akar(&mut parent, l);
        if nomor[r as usize] == 0 {
            keping.push(Piece {
                x0: usize::MAX,
                y0: usize::MAX,
                x1: 0,
                y1: 0,
                n: 0,
            });
            if keping.len() > MAX_KEPING {
                return None;
            }
            nomor[r as usize] = keping.len() as u32;
        }
        nomor[l as usize] = nomor[r as usize];
    }
    for y in 0..h {
        for x in 0..w {
            let i = y * w + x;
            if label[i] == 0 {
                continue;
            }
            let n = nomor[label[i] as usize];
            label[i] = n;
            let k = &mut keping[n as usize - 1];
            k.x0 = k.x0.min(x);
            k.y0 = k.y0.min(y);
            k.x1 = k.x1.max(x + 1);
            k.y1 = k.y1.max(y + 1);
            k.n += 1;
        }
    }
    Some((label, keping))
}

// --- symbols ---------------------------------------------------------------------

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum SymbolKind {
    Proses,
    Terminal,
    Keputusan,
    Lingkaran,
    /// Off-page connector: a pentagon pointing down.
    Segilima,
    /// A document: a box whose bottom is a wave. The forms' flow has no
    /// such step; it stands in its column as a process box.
    Dokumen,
}

/// The symbol whose inside is white region `r` (label `id`), and its line
/// thickness; None for a table cell or anything else.
fn symbol_kind(
    r: &Piece,
    id: u32,
    wil: &[u32],
    drawing: &[bool],
    w: usize,
    h: usize,
    u: f64,
) -> Option<(SymbolKind, usize)> {
    let (rw, rh) = (r.w() as f64, r.h() as f64);
    if r.x0 == 0 || r.y0 == 0 || r.x1 >= w || r.y1 >= h {
        return None;
    }
    if !(6.0 * u..=150.0 * u).contains(&rw) || !(4.0 * u..=100.0 * u).contains(&rh) {
        return None;
    }
    let isi = |x: usize, y: usize| wil[y * w + x] == id;
    let fill = r.n as f64 / (rw * rh);
    let (cx, cy) = ((r.x0 + r.x1) / 2, (r.y0 + r.y1) / 2);
    let sudut = [
        isi(r.x0 + 1, r.y0 + 1),
        isi(r.x1 - 2, r.y0 + 1),
        isi(r.x0 + 1, r.y1 - 2),
        isi(r.x1 - 2, r.y1 - 2),
    ];
    // the middle of each side, give or take the pixel a sharp corner falls on
    let dekat = |x: usize, y: usize, datar: bool| {
        (-2i64..=2).any(|d| {
            let (xx, yy) = if datar {
                (x as i64 + d, y as i64)
            } else {
                (x as i64, y as i64 + d)
            };
            xx >= 0
                && yy >= 0
                && (xx as usize) < w
                && (yy as usize) < h
                && isi(xx as usize, yy as usize)
        })
    };
    let tengah = [
        dekat(r.x0, cy, false),
        dekat(r.x1 - 1, cy, false),
        dekat(cx, r.y0, true),
        dekat(cx, r.y1 - 1, true),
    ];
    // the outline's thickness: ink left of the left side and above the top,
    // the thinnest of three places on each that have ink (a rule meeting a
    // cell's side in its middle, as under a two-row heading, is not its
    // thickness; a diamond's side has ink only at its tip)
    let dark = |x: i64, y: i64| {
        x >= 0
            && y >= 0
            && (x as usize) < w
            && (y as usize) < h
            && drawing[y as usize * w + x as usize]
    };
    let tebal = |x: i64, y: i64, dx: i64, dy: i64| {
        (1..10)
            .take_while(|&k| dark(x + dx * k, y + dy * k))
            .count()
    };
    let (x0, y0, rw4, rh4) = (r.x0 as i64, r.y0 as i64, r.w() as i64 / 4, r.h() as i64 / 4);
    let t = (1..4)
        .flat_map(|k| {
            [
                tebal(x0, y0 + k * rh4, -1, 0),
                tebal(x0 + k * rw4, y0, 0, -1),
            ]
        })
        .filter(|&n| n > 0)
        .min()
        .unwrap_or(1);
    let kind = if sudut.iter().all(|s| *s) && fill > 0.9 {
        // a cell's rules go on past its corners; a box's outline ends there
        let (x0, y0, x1, y1) = (r.x0 as i64, r.y0 as i64, r.x1 as i64 - 1, r.y1 as i64 - 1);
        let ti = t as i64;
        let keluar = |x: i64, y: i64, dx: i64, dy: i64| {
            // from the outline's corner (x, y), along (dx, dy)
            (3..6).all(|k| dark(x + dx * (ti + k), y + dy * (ti + k)))
        };
        let tepi = ti / 2 + 1;
        let lanjut = keluar(x0, y0 - tepi, -1, 0)
            || keluar(x0 - tepi, y0, 0, -1)
            || keluar(x1, y0 - tepi, 1, 0)
            || keluar(x1 + tepi, y0, 0, -1)
            || keluar(x0, y1 + tepi, -1, 0)
            || keluar(x0 - tepi, y1, 0, 1)
            || keluar(x1, y1 + tepi, 1, 0)
            || keluar(x1 + tepi, y1, 0, 1);
        if lanjut || rh < 5.0 * u || rw < 8.0 * u {
            return None;
        }
        SymbolKind::Proses
    } else if sudut.iter().any(|s| *s) {
        // a wave along the bottom, low on the left, risen on the right
        let di = |kx: f64, ky: f64| isi(r.x0 + (kx * rw) as usize, r.y0 + (ky * rh) as usize);
        if sudut[0]
            && sudut[1]
            && sudut[2]
            && !sudut[3]
            && !tengah[3]
            && di(0.25, 0.97)
            && di(0.98, 0.7)
            && !di(0.9, 0.93)
            && (0.85..0.97).contains(&fill)
        {
            SymbolKind::Dokumen
        } else if sudut[0]
            && sudut[1]
            && !sudut[2]
            && !sudut[3]
            && tengah[3]
            && (0.6..0.92).contains(&fill)
        {
            SymbolKind::Segilima
        } else {
            return None;
        }
    } else if !tengah.iter().all(|s| *s) {
        return None;
    } else if (0.4..0.66).contains(&fill) {
        SymbolKind::Keputusan
    } else if (rw - rh).abs() < 0.15 * rw.max(rh) && (0.7..0.86).contains(&fill) {
        SymbolKind::Lingkaran
    } else if rw > 1.5 * rh && (0.72..0.98).contains(&fill) {
        SymbolKind::Terminal
    } else {
        return None;
    };
    Some((kind, t))
}

/// The outline of a symbol as the path a vector page draws.
fn symbol_path(b: SymbolKind, r: &Piece, t: usize, ke: &impl Fn(f64, f64) -> Point) -> Path {
    let s = t as f64 / 2.0;
    let (x0, y0, x1, y1) = (
        r.x0 as f64 - s,
        r.y0 as f64 - s,
        r.x1 as f64 + s,
        r.y1 as f64 + s,
    );
    let (cx, cy) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
    let rr = (y1 - y0) / 2.0;
    let titik: Vec<(f64, f64)> = match b {
        SymbolKind::Proses | SymbolKind::Dokumen => vec![(x0, y0), (x1, y0), (x1, y1), (x0, y1)],
        SymbolKind::Keputusan => vec![(cx, y0), (x1, cy), (cx, y1), (x0, cy)],
        SymbolKind::Terminal => vec![
            (x0 + rr, y0),
            (x1 - rr, y0),
            (x1, cy),
            (x1 - rr, y1),
            (x0 + rr, y1),
            (x0, cy),
        ],
        SymbolKind::Lingkaran => (0..8)
            .map(|i| {
                let a = i as f64 * std::f64::consts::FRAC_PI_4;
                (
                    cx + (x1 - x0) / 2.0 * a.cos(),
                    cy + (y1 - y0) / 2.0 * a.sin(),
                )
            })
            .collect(),
        SymbolKind::Segilima => {
            let k = y0 + 0.6 * (y1 - y0);
            vec![(x0, y0), (x1, y0), (x1, k), (cx, y1), (x0, k)]
        }
    };
    Path {
        points: titik.into_iter().map(|(x, y)| ke(x, y)).collect(),
        closed: true,
        curved: matches!(b, SymbolKind::Terminal | SymbolKind::Lingkaran),
        straight: b != SymbolKind::Lingkaran,
        filled: false,
        stroked: true,
    }
}

/// Marks the drawing within `jarak` pixels of region `id`: the symbol's
/// outline, which is not a connector.
fn mark_outline(
    r: &Piece,
    id: u32,
    wil: &[u32],
    drawing: &[bool],
    w: usize,
    jarak: usize,
    milik: &mut [bool],
) {
    let h = drawing.len() / w;
    let (x0, y0) = (r.x0.saturating_sub(jarak), r.y0.saturating_sub(jarak));
    let (x1, y1) = ((r.x1 + jarak).min(w), (r.y1 + jarak).min(h));
    for y in y0..y1 {
        for x in x0..x1 {
            let i = y * w + x;
            if !drawing[i] {
                continue;
            }
            let dekat = (y.saturating_sub(jarak)..(y + jarak + 1).min(h)).any(|yy| {
                (x.saturating_sub(jarak)..(x + jarak + 1).min(w)).any(|xx| wil[yy * w + xx] == id)
            });
            if dekat {
                milik[i] = true;
            }
        }
    }
}

// --- lines and arrowheads --------------------------------------------------------

/// Straight runs of `m` at least `min` long and at most `tebal` thick:
/// (horizontal, first row, row past the last, from, to) — for a vertical
/// run the columns and the rows.
fn straight_runs(
    m: &[bool],
    w: usize,
    h: usize,
    min: usize,
    tebal: usize,
) -> Vec<(bool, (usize, usize, usize, usize))> {
    let mut out = Vec::new();
    for mendatar in [true, false] {
        let (panjang, lebar) = if mendatar { (w, h) } else { (h, w) };
        let at = |a: usize, b: usize| if mendatar { m[a * w + b] } else { m[b * w + a] };
        // open bands: (first line, last line, from, to)
        let mut buka: Vec<(usize, usize, usize, usize)> = Vec::new();
        for a in 0..lebar {
            let mut runs = Vec::new();
            let mut b = 0;
            while b < panjang {
                if !at(a, b) {
                    b += 1;
                    continue;
                }
                let s = b;
                while b < panjang && at(a, b) {
                    b += 1;
                }
                if b - s >= min {
                    runs.push((s, b));
                }
            }
            let mut lanjut = Vec::new();
            for (s, e) in runs {
                // a run of about the band's length that overlaps it (the
                // short runs across an arrowhead are no part of its line)
                let pos = buka.iter().position(|o| {
                    o.1 + 1 == a
                        && s.max(o.2) < e.min(o.3)
                        && (e.min(o.3) - s.max(o.2)) * 2 >= (e - s).min(o.3 - o.2)
                        && (e - s).min(o.3 - o.2) * 3 >= (e - s).max(o.3 - o.2)
                });
                match pos {
                    Some(p) => {
                        let mut o = buka.swap_remove(p);
                        o.1 = a;
                        o.2 = o.2.min(s);
                        o.3 = o.3.max(e);
                        lanjut.push(o);
                    }
                    None => lanjut.push((a, a, s, e)),
                }
            }
            for o in buka.drain(..) {
                if o.1 + 1 - o.0 <= tebal {
                    out.push((mendatar, (o.0, o.1 + 1, o.2, o.3)));
                }
            }
            buka = lanjut;
        }
        for o in buka {
            if o.1 + 1 - o.0 <= tebal {
                out.push((mendatar, (o.0, o.1 + 1, o.2, o.3)));
            }
        }
    }
    out
}

/// Solid blobs too thick for a line: a `q`×`q` square fits inside. Each as
/// its box in pixels (x0, y0, x1, y1).
fn arrowheads(m: &[bool], w: usize, h: usize, q: usize, u: f64) -> Vec<(f64, f64, f64, f64)> {
    if w < q || h < q {
        return Vec::new();
    }
    // summed area of the ink
    let mut sum = vec![0u32; (w + 1) * (h + 1)];
    for y in 0..h {
        let mut row = 0u32;
        for x in 0..w {
            row += m[y * w + x] as u32;
            sum[(y + 1) * (w + 1) + x + 1] = sum[y * (w + 1) + x + 1] + row;
        }
    }
    let kotak = |x: usize, y: usize| {
        sum[(y + q) * (w + 1) + x + q] + sum[y * (w + 1) + x]
            - sum[y * (w + 1) + x + q]
            - sum[(y + q) * (w + 1) + x]
    };
    let full = (q * q) as u32;
    let inti: Vec<bool> = (0..w * h)
        .map(|i| {
            let (x, y) = (i % w, i / w);
            x + q <= w && y + q <= h && kotak(x, y) == full
        })
        .collect();
    let Some((_, keping)) = components(&inti, w, h, true) else {
        return Vec::new();
    };
    let ink = |x: usize, y: usize| x < w && y < h && m[y * w + x];
    // how many pixels of ink a column (or a row) has across `a..b`
    let lintang = |tegak: bool, at: usize, a: usize, b: usize| {
        (a..b)
            .filter(|&i| if tegak { ink(at, i) } else { ink(i, at) })
            .count()
    };
    keping
        .iter()
        .filter_map(|k| {
            let (x0, y0, x1, y1) = (k.x0, k.y0, k.x1 + q, k.y1 + q);
            // an arrowhead: small
            if (x1 - x0) as f64 >= 8.5 * u || (y1 - y0) as f64 >= 8.5 * u {
                return None;
            }
            // and the head's point, too thin for the square: where the ink
            // ends in white within a few pixels (a line goes on), so that a
            // head stopping short of its symbol ends where it does
            let ujung = |langkah: &dyn Fn(usize) -> Option<usize>| {
                (0..2 * q).find(|&i| langkah(i).is_none_or(|n| n == 0))
            };
            let kiri = ujung(&|i| x0.checked_sub(i + 1).map(|x| lintang(true, x, y0, y1)));
            let kanan = ujung(&|i| (x1 + i < w).then(|| lintang(true, x1 + i, y0, y1)));
            let atas = ujung(&|i| y0.checked_sub(i + 1).map(|y| lintang(false, y, x0, x1)));
            let bawah = ujung(&|i| (y1 + i < h).then(|| lintang(false, y1 + i, x0, x1)));
            let (x0, y0, x1, y1) = (
                (x0 - kiri.unwrap_or(0)) as f64,
                (y0 - atas.unwrap_or(0)) as f64,
                (x1 + kanan.unwrap_or(0)) as f64,
                (y1 + bawah.unwrap_or(0)) as f64,
            );
            // keep its box at least 2.2 pt across
            let (bw, bh) = (x1 - x0, y1 - y0);
            let (gx, gy) = (
                ((2.3 * u - bw) / 2.0).max(0.0),
                ((2.3 * u - bh) / 2.0).max(0.0),
            );
            Some((x0 - gx, y0 - gy, x1 + gx, y1 + gy))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A mask `w`×`h` with the pixels `isi` says are ink.
    fn mask(w: usize, h: usize, isi: impl Fn(usize, usize) -> bool) -> Vec<bool> {
        (0..w * h).map(|i| isi(i % w, i / w)).collect()
    }

    #[test]
    fn an_arrowhead_reaches_its_thin_point_not_only_its_solid_middle() {
        // a line 2 px thick along y = 20, from x = 5 to 60, ending in a head
        // that narrows from 13 px across at x = 60 to 1 px at its point, x = 72
        let m = mask(100, 40, |x, y| {
            let dy = (y as i64 - 20).abs();
            (5..60).contains(&x) && (19..21).contains(&y)
                || (60..=72).contains(&x) && dy <= (72 - x as i64) / 2
        });
        // (2 px per pt: a picture at 144 ppi)
        let heads = arrowheads(&m, 100, 40, 4, 2.0);
        assert_eq!(heads.len(), 1, "{heads:?}");
        let (x0, y0, x1, y1) = heads[0];
        // the point is the last column of ink: the box ends past it
        assert_eq!(x1, 73.0, "{heads:?}");
        // not along the line
        assert!(x0 >= 58.0, "{heads:?}");
        assert!(y0 >= 13.0 && y1 <= 28.0, "{heads:?}");
    }

    #[test]
    fn a_document_symbol_is_found_among_the_white_regions() {
        // Word's document shape, 2 px lines: square top corners, the bottom a
        // wave, low on the left and risen on the right
        let bawah = |x: usize| {
            let t = (x as f64 - 40.0) / 120.0;
            78.0 + 6.0 * (std::f64::consts::PI * t).sin() - 12.0 * t
        };
        let (w, h) = (200, 120);
        let drawing = mask(w, h, |x, y| {
            let yf = y as f64;
            let sisi = (40..=160).contains(&x);
            sisi && (20..22).contains(&y)
                || (40..42).contains(&x) && yf >= 20.0 && yf <= bawah(x) + 1.0
                || (159..161).contains(&x) && yf >= 20.0 && yf <= bawah(x) + 1.0
                || sisi && (yf - bawah(x)).abs() < 1.0
                // the connector into its top
                || (99..101).contains(&x) && (5..20).contains(&y)
        });
        // the white regions, as `baca` finds the symbols among them
        let kosong: Vec<bool> = drawing.iter().map(|g| !g).collect();
        let (wil, wilayah) = components(&kosong, w, h, false).expect("a few regions");
        let simbol: Vec<(SymbolKind, &Piece)> = wilayah
            .iter()
            .enumerate()
            .filter_map(|(i, r)| {
                let (k, _) = symbol_kind(r, i as u32 + 1, &wil, &drawing, w, h, 2.0)?;
                Some((k, r))
            })
            .collect();
        let [(SymbolKind::Dokumen, r)] = simbol[..] else {
            panic!("one document: {simbol:?}");
        };
        assert_eq!((r.x0, r.y0, r.x1), (42, 22, 159), "{r:?}");
        assert!((78..82).contains(&r.y1), "{r:?}");
    }

    #[test]
    fn pictures_pasted_one_below_the_other_are_read_as_one() {
        let gambar = |h: usize, y: f64| Picture {
            raster: Raster {
                w: 10,
                h,
                dark: vec![0; 10 * h],
            },
            ke_halaman: Affine::new([0.5, 0.0, 0.0, 0.5, 100.0, y]),
        };
        // the second ends where the first begins: order does not matter
        let satu = sambung(vec![gambar(8, 104.0), gambar(8, 100.0)]);
        assert_eq!(satu.len(), 1);
        assert_eq!((satu[0].raster.h, satu[0].raster.dark.len()), (16, 160));
        assert_eq!(satu[0].ke_halaman * Point::ORIGIN, Point::new(100.0, 100.0));
        // a gap of two points between them: two pictures
        assert_eq!(sambung(vec![gambar(8, 100.0), gambar(8, 106.0)]).len(), 2);
    }
}
