//! The printed letters of a picture: each line of text's pieces compared
//! with the embedded Liberation Sans (metric-compatible with Arial, the face
//! of the forms) rendered at the size the line has in the picture.

use super::super::pdf::Glyph;
use super::{Piece, Raster, Reading, TINTA};
use kurbo::{Affine, Point};
use std::collections::HashMap;

/// Letters read from one picture; a table page has a few thousand, more is
/// noise (their recognition is the costly part).
pub(super) const MAX_HURUF: usize = 30_000;
/// The characters compared; a form prints nothing else in its cells.
const AKSARA: &str =
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,:;/-()%&'\"?!+=_";
/// Below this likeness a letter is a guess.
const RAGU: f32 = 0.62;

/// One character of a face rendered at one size: its coverage, and where
/// its ink lies from the pen's origin on the baseline.
struct Template {
    c: char,
    miring: bool,
    w: usize,
    h: usize,
    /// Ink's left edge and top from the origin (px; top is negative above
    /// the baseline).
    kiri: f32,
    atas: f32,
    maju: f32,
    px: Vec<f32>,
    /// Σpx².
    sbb: f32,
}

/// Every character of [`AKSARA`] in Liberation Sans regular, bold,
/// italic and bold italic (a decision's labels are often italic) at `em`
/// pixels.
fn templates(em: f32) -> Vec<Template> {
    let mut out = Vec::new();
    for (i, data) in crate::huruf::tertanam().iter().take(4).enumerate() {
        let Ok(face) = ttf_parser::Face::parse(data, 0) else {
            continue;
        };
        let skala = em / face.units_per_em() as f32;
        for c in AKSARA.chars() {
            if let Some(mut p) = render_letter(&face, c, skala) {
                p.miring = i >= 2;
                out.push(p);
            }
        }
    }
    out
}

struct Outline(tiny_skia::PathBuilder);

impl ttf_parser::OutlineBuilder for Outline {
    fn move_to(&mut self, x: f32, y: f32) {
        self.0.move_to(x, y);
    }
    fn line_to(&mut self, x: f32, y: f32) {
        self.0.line_to(x, y);
    }
    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        self.0.quad_to(x1, y1, x, y);
    }
    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        self.0.cubic_to(x1, y1, x2, y2, x, y);
    }
    fn close(&mut self) {
        self.0.close();
    }
}

fn render_letter(face: &ttf_parser::Face, c: char, skala: f32) -> Option<Template> {
    let gid = face.glyph_index(c)?;
    let mut jejak = Outline(tiny_skia::PathBuilder::new());
    let kotak = face.outline_glyph(gid, &mut jejak)?;
    let path = jejak.0.finish()?;
    let pad = 2.0;
    let pw = ((kotak.x_max - kotak.x_min) as f32 * skala + 2.0 * pad).ceil() as u32;
    let ph = ((kotak.y_max - kotak.y_min) as f32 * skala + 2.0 * pad).ceil() as u32;
    let mut pix = tiny_skia::Pixmap::new(pw.max(1), ph.max(1))?;
    let tr = tiny_skia::Transform::from_row(
        skala,
        0.0,
        0.0,
        -skala,
        pad - kotak.x_min as f32 * skala,
        pad + kotak.y_max as f32 * skala,
    );
    let mut paint = tiny_skia::Paint::default();
    paint.set_color_rgba8(0, 0, 0, 255);
    paint.anti_alias = true;
    pix.fill_path(&path, &paint, tiny_skia::FillRule::Winding, tr, None);
    let (pw, ph) = (pw as usize, ph as usize);
    let alpha: Vec<f32> = pix
        .pixels()
        .iter()
        .map(|p| p.alpha() as f32 / 255.0)
        .collect();
    // crop to the ink as the picture's threshold sees it
    let on = |x: usize, y: usize| alpha[y * pw + x] >= TINTA as f32 / 255.0;
    let cols: Vec<usize> = (0..pw).filter(|&x| (0..ph).any(|y| on(x, y))).collect();
    let rows: Vec<usize> = (0..ph).filter(|&y| (0..pw).any(|x| on(x, y))).collect();
    let (&x0, &x1) = (cols.first()?, cols.last()?);
    let (&y0, &y1) = (rows.first()?, rows.last()?);
    let (w, h) = (x1 + 1 - x0, y1 + 1 - y0);
    let mut px = Vec::with_capacity(w * h);
    for y in y0..=y1 {
        px.extend_from_slice(&alpha[y * pw + x0..=y * pw + x1]);
    }
    Some(Template {
        c,
        miring: false,
        w,
        h,
        kiri: x0 as f32 - pad + kotak.x_min as f32 * skala,
        atas: y0 as f32 - pad - kotak.y_max as f32 * skala,
        maju: face.glyph_hor_advance(gid)? as f32 * skala,
        sbb: px.iter().map(|v| v * v).sum(),
        px,
    })
}

/// Letters of one line of text: pieces side by side on one baseline.
struct TextLine {
    /// Indices of groups (pieces one above the other: `i`, `:`).
    kelompok: Vec<usize>,
    dasar: usize,
    em: f32,
}

/// A group of pieces read as one or more characters.
#[derive(Clone)]
struct Group {
    x0: usize,
    y0: usize,
    x1: usize,
    y1: usize,
    keping: Vec<u32>,
}

pub(super) fn read_letters(
    c: &Raster,
    label: &[u32],
    keping: &[Piece],
    huruf: &[usize],
    ke_halaman: &Affine,
    hasil: &mut Reading,
) {
    if huruf.is_empty() {
        return;
    }
    let mut tinggi: Vec<usize> = huruf.iter().map(|&i| keping[i].h()).collect();
    tinggi.sort_unstable();
    let hmed = tinggi[tinggi.len() / 2].max(2) as f64;
    // pieces one above the other are one character (the dot of an i)
    let mut urut: Vec<usize> = huruf.to_vec();
    urut.sort_by_key(|&i| (keping[i].x0, keping[i].y0));
    let mut grup: Vec<Group> = Vec::new();
    for &i in &urut {
        let k = &keping[i];
        let sama = grup.iter_mut().rev().take(12).find(|g| {
            let ov = g.x1.min(k.x1) as f64 - g.x0.max(k.x0) as f64;
            let celah = k.y0.max(g.y0) as f64 - k.y1.min(g.y1) as f64;
            let tinggi = (k.y1.max(g.y1) - k.y0.min(g.y0)) as f64;
            // side by side in height (`%`), or a small mark above (the dot
            // of an i or j, the top of `:` or `=`); never the dot of the
            // line below
            let atas_kecil = if k.y0 < g.y0 {
                (k.h() as f64) < 0.45 * hmed
            } else {
                ((g.y1 - g.y0) as f64) < 0.45 * hmed
            };
            ov * 2.0 >= (k.w().min(g.x1 - g.x0)) as f64
                && (celah < 0.0 || (atas_kecil && celah <= 0.8 * hmed))
                && tinggi <= 2.0 * hmed
        });
        match sama {
            Some(g) => {
                g.x0 = g.x0.min(k.x0);
                g.y0 = g.y0.min(k.y0);
                g.x1 = g.x1.max(k.x1);
                g.y1 = g.y1.max(k.y1);
                g.keping.push(i as u32 + 1);
            }
            None => grup.push(Group {
                x0: k.x0,
                y0: k.y0,
                x1: k.x1,
                y1: k.y1,
                keping: vec![i as u32 + 1],
            }),
        }
    }
    grup.sort_by_key(|g| (g.x0, g.y0));
    // lines: groups left to right, each joining the line it sits on
    let mut baris: Vec<TextLine> = Vec::new();
    let mut akhir: Vec<(usize, usize, usize)> = Vec::new(); // last group's x1, band top, band bottom
    for (gi, g) in grup.iter().enumerate() {
        let gh = (g.y1 - g.y0) as f64;
        let kecil = gh < 0.5 * hmed;
        let pos = baris.iter().enumerate().rposition(|(bi, _)| {
            let (x1, t, b) = akhir[bi];
            let dekat = (g.x0 as f64) - (x1 as f64) <= 2.5 * hmed;
            let ov = (g.y1.min(b) as f64) - (g.y0.max(t) as f64);
            let di_baris = if kecil {
                let cy = (g.y0 + g.y1) as f64 / 2.0;
                cy >= t as f64 - 0.3 * hmed && cy <= b as f64 + 0.6 * hmed
            } else {
                ov >= 0.5 * gh.min((b - t) as f64)
            };
            dekat && di_baris
        });
        match pos {
            Some(bi) => {
                baris[bi].kelompok.push(gi);
                akhir[bi].0 = g.x1;
                if !kecil {
                    akhir[bi].1 = akhir[bi]
                        .1
                        .min(g.y0)
                        .max(g.y1.saturating_sub((1.6 * hmed) as usize));
                    akhir[bi].2 = akhir[bi].2.max(g.y1).min(g.y0 + (1.6 * hmed) as usize);
                }
            }
            None => {
                baris.push(TextLine {
                    kelompok: vec![gi],
                    dasar: g.y1,
                    em: 0.0,
                });
                akhir.push((g.x1, g.y0, g.y1));
            }
        }
    }
    // baseline: the bottom most letters share; size: from the tallest
    let mut ems = Vec::new();
    for b in &mut baris {
        let besar: Vec<&Group> = b
            .kelompok
            .iter()
            .map(|&i| &grup[i])
            .filter(|g| (g.y1 - g.y0) as f64 >= 0.5 * hmed)
            .collect();
        if besar.is_empty() {
            continue;
        }
        let mut bawah: Vec<usize> = besar.iter().map(|g| g.y1).collect();
        bawah.sort_unstable();
        b.dasar = bawah[bawah.len() / 2];
        let atas = besar.iter().map(|g| g.y0).min().unwrap_or(b.dasar);
        b.em = (b.dasar.saturating_sub(atas)) as f32 / 0.716;
        if besar.len() >= 4 {
            ems.push(b.em);
        }
    }
    ems.sort_by(f32::total_cmp);
    let Some(&em_umum) = ems.get(ems.len() / 2) else {
        return;
    };
    let mut pola_di: HashMap<u32, Vec<Template>> = HashMap::new();
    let sy = (ke_halaman.as_coeffs()[3]) as f32;
    let em_baris = |b: &TextLine| {
        if b.em >= 0.85 * em_umum && b.em <= 1.2 * em_umum {
            b.em
        } else {
            em_umum
        }
    };
    // the height of the tallest letters overstates the size a little where
    // their edges blur: the size that fits a sample of single letters best
    let contoh: Vec<(usize, usize)> = baris
        .iter()
        .enumerate()
        .flat_map(|(bi, b)| b.kelompok.iter().map(move |&gi| (bi, gi)))
        .filter(|&(bi, gi)| ((grup[gi].x1 - grup[gi].x0) as f32) < 0.6 * em_baris(&baris[bi]))
        .step_by(7)
        .take(40)
        .collect();
    let mut faktor = 1.0;
    let mut terbaik = f32::MIN;
    for f in [0.9, 0.93, 0.96, 1.0, 1.04] {
        let mut jumlah = 0.0;
        for &(bi, gi) in &contoh {
            let b = &baris[bi];
            let em = em_baris(b) * f;
            let Some(ps) = templates_at(&mut pola_di, em) else {
                continue;
            };
            let g = &grup[gi];
            let t = Letters {
                c,
                label,
                g,
                dasar: b.dasar,
                em,
            };
            let j = Window::of(&t, g.x0, g.x1);
            jumlah += ps
                .iter()
                .map(|p| likeness(&j, g.x0, b.dasar, p))
                .fold(0.0, f32::max);
        }
        if jumlah > terbaik {
            (terbaik, faktor) = (jumlah, f);
        }
    }
    for b in &baris {
        let em = em_baris(b) * faktor;
        let Some(ps) = templates_at(&mut pola_di, em) else {
            continue;
        };
        // the upright faces come first: a word mostly upright is read again
        // with them alone (an italic l is a slash)
        let tegak = ps.iter().take_while(|p| !p.miring).count();
        let baca = |g: &Group, ps: &[Template]| {
            let t = Letters {
                c,
                label,
                g,
                dasar: b.dasar,
                em,
            };
            recognise(&t, g.x0, g.x1, ps, 0, &mut HashMap::new()).1
        };
        let mut kata: Vec<Huruf> = Vec::new();
        let ks = &b.kelompok;
        let mut awal = 0;
        while awal < ks.len() {
            let mut akhir = awal + 1;
            while akhir < ks.len()
                && (grup[ks[akhir]].x0 as f32 - grup[ks[akhir - 1]].x1 as f32) <= 0.25 * em
            {
                akhir += 1;
            }
            let mut bacaan: Vec<_> = ks[awal..akhir]
                .iter()
                .map(|&gi| baca(&grup[gi], ps))
                .collect();
            let semua = bacaan.iter().map(Vec::len).sum::<usize>();
            let miring = bacaan.iter().flatten().filter(|h| ps[h.0].miring).count();
            if 2 * miring <= semua {
                for (r, &gi) in bacaan.iter_mut().zip(&ks[awal..akhir]) {
                    if r.iter().any(|h| ps[h.0].miring) {
                        *r = baca(&grup[gi], &ps[..tegak]);
                    }
                }
            }
            for (pi, x, skor) in bacaan.into_iter().flatten() {
                let p = &ps[pi];
                let x0 = x as f32 - p.kiri;
                kata.push((p.c, x0, x0 + p.maju, skor, p.miring));
            }
            awal = akhir;
        }
        tidy_words(&mut kata, em);
        for (ch, x0, x1, skor, miring) in kata {
            hasil.huruf += 1;
            if skor < RAGU {
                hasil.ragu += 1;
            }
            let p0 = *ke_halaman * Point::new(x0 as f64, b.dasar as f64);
            let p1 = *ke_halaman * Point::new(x1 as f64, b.dasar as f64);
            hasil.glyphs.push(Glyph {
                text: ch.to_string(),
                x0: p0.x,
                x1: p1.x,
                y: p0.y,
                size: (em * sy) as f64,
                miring,
            });
        }
    }
}

/// The templates at `em` pixels (to half a pixel), rendered once; none for
/// a size no form prints at.
fn templates_at(cache: &mut HashMap<u32, Vec<Template>>, em: f32) -> Option<&[Template]> {
    if !(4.0..=200.0).contains(&em) {
        return None;
    }
    let kunci = (em * 2.0).round() as u32;
    Some(
        cache
            .entry(kunci)
            .or_insert_with(|| templates(kunci as f32 / 2.0)),
    )
}

/// The ink of a group between two columns, with room around it for a
/// template's placement: darkness 0..1, and whether it is ink.
struct Window {
    x0: i64,
    y0: i64,
    w: usize,
    h: usize,
    v: Vec<f32>,
    /// Σv².
    svv: f32,
}

impl Window {
    fn of(t: &Letters, a: usize, b: usize) -> Window {
        let Letters {
            c,
            label,
            g,
            dasar,
            em,
        } = *t;
        let x0 = a as i64 - 2;
        let y0 = (g.y0 as i64).min(dasar as i64 - em.ceil() as i64) - 3;
        let y1 = (g.y1 as i64).max(dasar as i64 + (0.35 * em).ceil() as i64) + 3;
        let (w, h) = (b - a + 4, (y1 - y0).max(1) as usize);
        let mut v = vec![0.0f32; w * h];
        for (row, yy) in (y0..y1).enumerate() {
            if yy < 0 || yy as usize >= c.h || yy < g.y0 as i64 - 1 || yy > g.y1 as i64 {
                continue;
            }
            for xx in a..b.min(c.w) {
                let i = yy as usize * c.w + xx;
                let l = label[i];
                if l != 0 && !g.keping.contains(&l) {
                    continue;
                }
                v[row * w + (xx as i64 - x0) as usize] =
                    ((c.dark[i] as f32 - 40.0) / 160.0).clamp(0.0, 1.0);
            }
        }
        Window {
            x0,
            y0,
            w,
            h,
            svv: v.iter().map(|x| x * x).sum(),
            v,
        }
    }

    fn at(&self, x: i64, y: i64) -> f32 {
        let (i, j) = (x - self.x0, y - self.y0);
        if i < 0 || j < 0 || i as usize >= self.w || j as usize >= self.h {
            0.0
        } else {
            self.v[j as usize * self.w + i as usize]
        }
    }
}

/// The likeness of template `p` placed with its ink's left edge at `x` on
/// baseline `dasar` to the ink of window `j`: 2·Σab / (Σa² + Σb²) over the
/// darkness, the best of a pixel's shift each way.
fn likeness(j: &Window, x: usize, dasar: usize, p: &Template) -> f32 {
    let mut best = 0.0f32;
    let top0 = dasar as i64 + p.atas.round() as i64;
    for dy in -1..=1i64 {
        for dx in -1..=1i64 {
            let (ox, oy) = (x as i64 + dx, top0 + dy);
            let mut sab = 0.0;
            for ty in 0..p.h {
                let row = &p.px[ty * p.w..(ty + 1) * p.w];
                for (tx, v) in row.iter().enumerate() {
                    if *v > 0.0 {
                        sab += v * j.at(ox + tx as i64, oy + ty as i64);
                    }
                }
            }
            best = best.max(2.0 * sab / (j.svv + p.sbb).max(1e-3));
        }
    }
    best
}

/// A part's likeness and its characters: (template, left edge, likeness).
type Bacaan = (f32, Vec<(usize, usize, f32)>);

/// A character read: itself, its left and right edge (by its advance),
/// likeness, italic.
type Huruf = (char, f32, f32, f32, bool);

/// One group of ink on a line of letters, as the letter matching sees it:
/// the picture and its pieces' labels, the group, the line's baseline and
/// letter size.
#[derive(Clone, Copy)]
struct Letters<'a> {
    c: &'a Raster,
    label: &'a [u32],
    g: &'a Group,
    dasar: usize,
    em: f32,
}

impl Letters<'_> {
    /// Whether pixel (x, y) is ink of the group.
    fn ink(&self, x: usize, y: usize) -> bool {
        let l = self.label[y * self.c.w + x];
        l != 0 && self.g.keping.contains(&l)
    }
}

/// The characters of the group between columns `a..b`: one template, or
/// split where the ink is thinnest into parts read the same way.
fn recognise(
    t: &Letters,
    a: usize,
    b: usize,
    ps: &[Template],
    dalam: usize,
    memo: &mut HashMap<(usize, usize), Bacaan>,
) -> Bacaan {
    let Letters { g, dasar, em, .. } = *t;
    if let Some(m) = memo.get(&(a, b)) {
        return m.clone();
    }
    // the ink of the part: its columns and rows
    let kolom: Vec<u32> = (a..b)
        .map(|x| (g.y0..g.y1).filter(|&y| t.ink(x, y)).count() as u32)
        .collect();
    let Some(kiri) = kolom.iter().position(|&n| n > 0) else {
        return (0.0, Vec::new());
    };
    let kanan = kolom.iter().rposition(|&n| n > 0).unwrap_or(kiri);
    let (ia, ib) = (a + kiri, a + kanan + 1);
    let lebar = ib - ia;
    let (y0, y1) = {
        let rows: Vec<usize> = (g.y0..g.y1)
            .filter(|&y| (ia..ib).any(|x| t.ink(x, y)))
            .collect();
        (
            *rows.first().unwrap_or(&g.y0),
            rows.last().map_or(g.y1, |r| r + 1),
        )
    };
    let tinggi = y1 - y0;
    let mut terbaik: Bacaan = (0.0, Vec::new());
    let mut jendela = None;
    for (pi, p) in ps.iter().enumerate() {
        let cocok_lebar = (p.w as f32 - lebar as f32).abs() <= (0.35 * lebar as f32).max(2.0);
        // an i or j whose dot was too faint to be ink is shorter than its template
        let titik = if matches!(p.c, 'i' | 'j') {
            0.3 * em
        } else {
            0.0
        };
        let cocok_tinggi =
            (p.h as f32 - tinggi as f32).abs() <= (0.3 * tinggi as f32).max(2.0) + titik;
        let atas = dasar as f32 + p.atas;
        let cocok_letak = (atas - y0 as f32).abs() <= (0.2 * em).max(2.0) + titik;
        if !(cocok_lebar && cocok_tinggi && cocok_letak) {
            continue;
        }
        let s = likeness(
            jendela.get_or_insert_with(|| Window::of(t, ia, ib)),
            ia,
            dasar,
            p,
        );
        if s > terbaik.0 {
            terbaik = (s, vec![(pi, ia, s)]);
        }
    }
    // wider than a letter or unlike every one: try two parts
    let sempit = 0.22 * em;
    if dalam < 4 && lebar as f32 >= 2.0 * sempit && (terbaik.0 < 0.8 || lebar as f32 > 0.75 * em) {
        let mut potong: Vec<(u32, usize)> = (kiri + 2..kanan.saturating_sub(1))
            .filter(|&i| i > 0 && i + 1 < kolom.len())
            .filter(|&i| kolom[i] <= kolom[i - 1] && kolom[i] <= kolom[i + 1])
            .filter(|&i| (i - kiri) as f32 >= 0.6 * sempit && (kanan - i) as f32 >= 0.6 * sempit)
            .map(|i| (kolom[i], a + i))
            .collect();
        potong.sort_unstable();
        for &(_, x) in potong.iter().take(3) {
            let l = recognise(t, ia, x, ps, dalam + 1, memo);
            let r = recognise(t, x, ib, ps, dalam + 1, memo);
            if l.1.is_empty() || r.1.is_empty() {
                continue;
            }
            let (wl, wr) = ((x - ia) as f32, (ib - x) as f32);
            let s = (l.0 * wl + r.0 * wr) / (wl + wr) - 0.06;
            if s > terbaik.0 {
                let mut v = l.1;
                v.extend(r.1);
                terbaik = (s, v);
            }
        }
    }
    memo.insert((a, b), terbaik.clone());
    terbaik
}

/// What a word around a character tells: `l`/`I`/`1` and `o`/`O`/`0` look
/// alike, the word's other characters say which it is.
fn tidy_words(kata: &mut Vec<Huruf>, em: f32) {
    let mut awal = 0;
    let mut out = Vec::with_capacity(kata.len());
    for i in 1..=kata.len() {
        if i < kata.len() && kata[i].1 - kata[i - 1].2 <= 0.2 * em {
            continue;
        }
        let w = &mut kata[awal..i];
        let angka = w.iter().filter(|k| k.0.is_ascii_digit()).count();
        let kecil = w.iter().filter(|k| k.0.is_ascii_lowercase()).count();
        let besar = w.iter().filter(|k| k.0.is_ascii_uppercase()).count();
        for k in w.iter_mut() {
            k.0 = match k.0 {
                'I' | 'l' | '|' if angka + 1 > kecil + besar => '1',
                'O' | 'o' if angka + 1 > kecil + besar => '0',
                'I' | '1' if kecil > besar && kecil > angka => 'l',
                '8' | '5' if kecil + besar > angka => 'S',
                // a lone stroke among digits: the 1 of `1.`, `1-5`, `1 minggu`
                't' | 'f' | 'l' | 'I' if kecil + besar == 1 => '1',
                'l' if besar > kecil + 1 => 'I',
                '0' if kecil + besar > angka => {
                    if kecil > besar {
                        'o'
                    } else {
                        'O'
                    }
                }
                ch => ch,
            };
        }
        // a word is set in one face: italic when most of its letters look it
        let miring = 2 * kata[awal..i].iter().filter(|k| k.4).count() > i - awal;
        out.extend(
            heading_word(&kata[awal..i])
                .into_iter()
                .map(|k| (k.0, k.1, k.2, k.3, miring)),
        );
        awal = i;
    }
    *kata = out;
}

/// The headings a procedure table is found by: a word one letter (two, in
/// a long word) from exactly one of them is that heading. Only these: a
/// wider list turns real words into others (penerima into menerima).
const KEPALA: &[&str] = &[
    "aktivitas",
    "kegiatan",
    "uraian",
    "prosedur",
    "pelaksana",
    "mutu",
    "baku",
    "persyaratan",
    "kelengkapan",
    "waktu",
    "output",
    "keterangan",
];

fn heading_word(kata: &[Huruf]) -> Vec<Huruf> {
    let huruf: String = kata.iter().map(|k| k.0.to_ascii_lowercase()).collect();
    let n = kata.len();
    if n < 4 || !huruf.chars().all(|c| c.is_ascii_alphabetic()) || KEPALA.contains(&huruf.as_str())
    {
        return kata.to_vec();
    }
    let batas = if n >= 7 { 2 } else { 1 };
    let dekat: Vec<&str> = KEPALA
        .iter()
        .copied()
        .filter(|k| strsim::levenshtein(k, &huruf) <= batas)
        .collect();
    let [k] = dekat[..] else {
        return kata.to_vec();
    };
    // the word's letters spread over its width, its capitals kept
    let (x0, x1) = (kata[0].1, kata[n - 1].2);
    let langkah = (x1 - x0) / k.len() as f32;
    let skor = kata.iter().map(|h| h.3).fold(f32::MAX, f32::min);
    k.chars()
        .enumerate()
        .map(|(i, c)| {
            let besar = kata.get(i).is_some_and(|h| h.0.is_ascii_uppercase());
            let c = if besar { c.to_ascii_uppercase() } else { c };
            let a = x0 + i as f32 * langkah;
            (c, a, a + langkah, skor, kata[0].4)
        })
        .collect()
}
