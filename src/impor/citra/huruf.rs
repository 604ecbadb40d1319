//! The printed letters of a picture: each line of text's pieces compared
//! with the embedded Liberation Sans (metric-compatible with Arial, the face
//! of the forms) rendered at the size the line has in the picture.
//!
//! Phases, in order: pieces one above the other become groups (the dot of
//! an i), groups side by side become lines, and each line's size is
//! measured and fitted to a sample of its letters. Each group is explained
//! by the best sequence of templates over its columns ([`explain`]: each
//! letter scored as its width × likeness, less [`per_letter`] so that one
//! letter is not read as two that fit as well), so touching letters come
//! apart. A word read that the lexicon ([`Kamus`]) does not know is read
//! again, from the same pixels, as the lexicon's close words, and taken so
//! when it fits within [`LEKSIKON`] of the best reading. The letters of
//! known words then teach the picture's own glyphs ([`Belajar`]), with
//! which the unknown words are read a second time (kept only where that
//! makes them known). Last, the word around a letter settles the look-alike
//! characters ([`tidy_words`]).

use super::super::pdf::Glyph;
use super::kamus::Kamus;
use super::{Piece, Raster, Reading, TINTA};
use kurbo::{Affine, Point};
use rayon::prelude::*;
use std::collections::HashMap;

/// Letters read from one picture; a table page has a few thousand, more is
/// noise (their recognition is the costly part).
pub(super) const MAX_HURUF: usize = 30_000;
/// The characters compared; a form prints nothing else in its cells.
const AKSARA: &str =
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,:;/-()%&'\"?!+=_";
/// The gap between two words, at least (of the letter size): Arial's
/// space is 0.28 of it, the gaps between letters of a word less than 0.1.
const SPASI: f32 = 0.2;
/// Marks too small to be told from a part of a letter they touch.
const KECIL: &str = ".,:;'\"-_";
/// Templates of one size at most: [`AKSARA`] in four faces.
const TEMPLATES: usize = 4 * AKSARA.len();
/// Below this likeness a letter is a guess.
const RAGU: f32 = 0.62;

/// One character of a face rendered at one size: its coverage, and where
/// its ink lies from the pen's origin on the baseline.
#[derive(Clone)]
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

/// The outline of glyph `gid` of `face` as a path in the face's units (y
/// up), with its bounding box; `None` for a glyph without an outline.
pub fn jalur_huruf(
    face: &ttf_parser::Face,
    gid: ttf_parser::GlyphId,
) -> Option<(tiny_skia::Path, ttf_parser::Rect)> {
    let mut jejak = Outline(tiny_skia::PathBuilder::new());
    let kotak = face.outline_glyph(gid, &mut jejak)?;
    Some((jejak.0.finish()?, kotak))
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
    let (path, kotak) = jalur_huruf(face, gid)?;
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
    kamus: &Kamus,
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
                ov >= 0.5 * gh.min(b.saturating_sub(t) as f64)
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
    // the factor's five sizes weighed side by side, each over the same
    // sample in the same order (so the sums, and the choice, are those of
    // one size after another), their templates made beforehand
    const FAKTOR: [f32; 5] = [0.9, 0.93, 0.96, 1.0, 1.04];
    let em_contoh: Vec<f32> = contoh.iter().map(|&(bi, _)| em_baris(&baris[bi])).collect();
    siapkan(
        &mut pola_di,
        FAKTOR
            .iter()
            .flat_map(|f| em_contoh.iter().map(move |em| em * f)),
    );
    let jumlah: Vec<f32> = FAKTOR
        .par_iter()
        .map(|f| {
            let mut jumlah = 0.0;
            for &(bi, gi) in &contoh {
                let b = &baris[bi];
                let em = em_baris(b) * f;
                let Some(ps) = pola_siap(&pola_di, em) else {
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
            jumlah
        })
        .collect();
    let mut faktor = 1.0;
    let mut terbaik = f32::MIN;
    for (f, jumlah) in FAKTOR.into_iter().zip(jumlah) {
        if jumlah > terbaik {
            (terbaik, faktor) = (jumlah, f);
        }
    }
    // first reading, with Liberation Sans; the letters of words the
    // lexicon knows are the picture's own glyphs, and teach templates
    let gambar = Gambar {
        c,
        label,
        grup: &grup,
    };
    // the lines are read in parallel, each with the templates of its own
    // size made beforehand; what the lexicon's words teach is gathered
    // after, line by line in order, so the reading is the same as one
    // line after another
    siapkan(&mut pola_di, baris.iter().map(|b| em_baris(b) * faktor));
    let pola = |em: f32| pola_siap(&pola_di, em);
    let mut dibaca: Vec<Vec<Run>> = baris
        .par_iter()
        .map(|b| {
            let em = em_baris(b) * faktor;
            let Some(ps) = pola(em) else {
                return Vec::new();
            };
            runs_of(&grup, &b.kelompok, em)
                .map(|ks| read_run(&gambar, ks, b.dasar, em, ps, kamus))
                .collect()
        })
        .collect();
    let mut belajar = Belajar::default();
    for (b, runs) in baris.iter().zip(&dibaca) {
        let em = em_baris(b) * faktor;
        let Some(ps) = pola(em) else {
            continue;
        };
        for r in runs.iter().filter(|r| r.dikenal) {
            belajar.add(&gambar, b.dasar, em, ps, r);
        }
    }
    // second reading of the words the lexicon did not know, with the
    // picture's own glyphs where it has enough of them
    let mut sendiri: HashMap<u32, Vec<Template>> = HashMap::new();
    for b in &baris {
        let em = em_baris(b) * faktor;
        if let Some(ps) = pola(em)
            && belajar.taught(kunci(em))
        {
            sendiri
                .entry(kunci(em))
                .or_insert_with(|| belajar.adapt(ps, kunci(em)));
        }
    }
    baris
        .par_iter()
        .zip(dibaca.par_iter_mut())
        .for_each(|(b, runs)| {
            let em = em_baris(b) * faktor;
            let Some(ps) = sendiri.get(&kunci(em)) else {
                return;
            };
            for (ks, r) in runs_of(&grup, &b.kelompok, em).zip(runs.iter_mut()) {
                if r.dikenal {
                    continue;
                }
                let lagi = read_run(&gambar, ks, b.dasar, em, ps, kamus);
                // only where they make a word the lexicon knows: a face's
                // glyph and a learnt one are not weighed alike elsewhere
                if lagi.dikenal {
                    *r = lagi;
                }
            }
        });
    for (b, runs) in baris.iter().zip(dibaca) {
        let em = em_baris(b) * faktor;
        let mut kata: Vec<Huruf> = runs.into_iter().flat_map(|r| r.huruf).collect();
        faint_marks(&gambar, keping, b.dasar, em, &mut kata);
        let awal_kata = tidy_words(&mut kata, em, kamus);
        let mut sebelum: Option<f32> = None;
        for ((ch, x0, x1, skor, miring), baru) in kata.into_iter().zip(awal_kata) {
            hasil.huruf += 1;
            if skor < RAGU {
                hasil.ragu += 1;
            }
            // a space where the picture's own pixels part two words
            // ([`word_starts`]): on a page that stretches the picture
            // unevenly the gap alone may seem too narrow for one
            if let Some(x) = sebelum.filter(|_| baru) {
                let (p0, p1) = (
                    *ke_halaman * Point::new(x as f64, b.dasar as f64),
                    *ke_halaman * Point::new(x0 as f64, b.dasar as f64),
                );
                hasil.glyphs.push(Glyph {
                    text: " ".to_owned(),
                    x0: p0.x,
                    x1: p1.x,
                    y: p0.y,
                    size: (em * sy) as f64,
                    miring: false,
                });
            }
            sebelum = Some(x1);
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

/// The picture, its pieces' labels and the groups of its letters.
struct Gambar<'a> {
    c: &'a Raster,
    label: &'a [u32],
    grup: &'a [Group],
}

/// The runs of a line's groups set close (a word, or words whose space
/// the picture lost), each as the groups' indices.
fn runs_of<'a>(grup: &'a [Group], ks: &'a [usize], em: f32) -> impl Iterator<Item = &'a [usize]> {
    ks.chunk_by(move |&a, &b| (grup[b].x0 as f32 - grup[a].x1 as f32) <= 0.25 * em)
}

/// A run of groups read: its letters, whether the lexicon knows its word,
/// and its placements (to learn from).
struct Run {
    huruf: Vec<Huruf>,
    dikenal: bool,
    /// The groups read (a stroke joined to its neighbour) and, per letter,
    /// its placement on the group it lies on.
    grup: Vec<Group>,
    letak: Vec<(Letak, usize)>,
}

/// The groups `ks` of a run, a narrow stroke joined to the group it
/// (nearly) touches: a letter whose thin part the threshold lost is two
/// pieces (the left stem of an M read as `/`).
fn joined(grup: &[Group], ks: &[usize], em: f32) -> Vec<Group> {
    let mut out: Vec<Group> = Vec::new();
    for &gi in ks {
        let g = &grup[gi];
        match out.last_mut() {
            Some(h) if g.x0 <= h.x1 + 1 && ((h.x1 - h.x0) as f32) < 0.2 * em => {
                h.x0 = h.x0.min(g.x0);
                h.y0 = h.y0.min(g.y0);
                h.x1 = h.x1.max(g.x1);
                h.y1 = h.y1.max(g.y1);
                h.keping.extend_from_slice(&g.keping);
            }
            _ => out.push(g.clone()),
        }
    }
    out
}

/// Reads the run of groups `ks` on baseline `dasar` with templates `ps`.
fn read_run(
    gambar: &Gambar,
    ks: &[usize],
    dasar: usize,
    em: f32,
    ps: &[Template],
    kamus: &Kamus,
) -> Run {
    let gabung = joined(gambar.grup, ks, em);
    let mut inks: Vec<Ink> = gabung
        .iter()
        .filter_map(|g| {
            Ink::of(Letters {
                c: gambar.c,
                label: gambar.label,
                g,
                dasar,
                em,
            })
        })
        .collect();
    // the upright faces come first: a word is read upright, and in italic
    // too when it reads poorly so, and taken so when most of its letters
    // are italic (an italic l is a slash)
    let tegak = ps.iter().take_while(|p| !p.miring).count();
    let mut pakai = &ps[..tegak];
    let mut bacaan: Vec<Urai> = inks.iter_mut().map(|ink| read_group(ink, pakai)).collect();
    let lebar: f32 = inks.iter().map(|i| (i.ib - i.ia) as f32).sum();
    // an italic word may read well enough upright (`feedback` as
    // `feeocacx`): a word the lexicon does not know is read in italic too
    let dikenal_tegak = {
        let teks: String = bacaan
            .iter()
            .flat_map(|u| u.1.iter().map(|l| ps[l.pi].c))
            .collect();
        teks.split(|c: char| !c.is_alphabetic())
            .filter(|w| w.len() >= 3)
            .all(|w| kamus.berisi(w))
    };
    let buruk = likeness_of(&bacaan, em) < 0.7 * lebar;
    if buruk || !dikenal_tegak {
        let semua: Vec<Urai> = inks.iter_mut().map(|ink| read_group(ink, ps)).collect();
        let n = semua.iter().map(|u| u.1.len()).sum::<usize>();
        let miring = semua
            .iter()
            .flat_map(|u| &u.1)
            .filter(|h| ps[h.pi].miring)
            .count();
        // read well upright, a word is taken in italic only where that
        // reads it clearly better
        let lebih_baik = likeness_of(&semua, em) >= likeness_of(&bacaan, em) + 0.05 * lebar;
        if 2 * miring > n && (buruk || lebih_baik) {
            (bacaan, pakai) = (semua, ps);
        }
    }
    small_within(&mut inks, pakai, &mut bacaan);
    // the lexicon word by word: a run may hold two whose gap the picture
    // narrowed (`2 minggu`)
    let mut dikenal = true;
    let mut awal = 0;
    for akhir in 1..=inks.len() {
        if akhir < inks.len() {
            let kiri = bacaan[akhir - 1]
                .1
                .last()
                .map(|l| l.x as f32 - ps[l.pi].kiri + ps[l.pi].maju);
            let kanan = bacaan[akhir]
                .1
                .first()
                .map(|_| inks[akhir].ia as f32 - ps[bacaan[akhir].1[0].pi].kiri);
            // a slash of its own parts words too (`Kab/Kota`), and so does
            // a slash or a bracket opening that ends a group: a word's letter
            // touching the stroke of a slash (`Kab(Kcta`)
            let garis = |u: &Urai| matches!(&u.1[..], [l] if ps[l.pi].c == '/');
            let buka = bacaan[akhir - 1]
                .1
                .last()
                .is_some_and(|l| matches!(ps[l.pi].c, '/' | '('));
            let pisah = matches!((kiri, kanan), (Some(a), Some(b)) if b - a > SPASI * em)
                || garis(&bacaan[akhir])
                || garis(&bacaan[akhir - 1])
                || buka;
            if !pisah {
                continue;
            }
        }
        dikenal &= by_lexicon(
            kamus,
            &mut inks[awal..akhir],
            pakai,
            &mut bacaan[awal..akhir],
        );
        awal = akhir;
    }
    let mut run = Run {
        huruf: Vec::new(),
        dikenal,
        grup: inks.iter().map(|i| i.t.g.clone()).collect(),
        letak: Vec::new(),
    };
    for (gi, (ink, (_, huruf))) in inks.iter().zip(bacaan).enumerate() {
        for (i, l) in huruf.into_iter().enumerate() {
            let p = &ps[l.pi];
            // a template may lie a column before its group's ink: the gap
            // to the word before is measured from the ink
            let x0 = if i == 0 { ink.ia } else { l.x } as f32 - p.kiri;
            let skor = likeness_of_letter(ink, &l, ps);
            run.huruf.push((p.c, x0, x0 + p.maju, skor, p.miring));
            run.letak.push((l, gi));
        }
    }
    run
}

/// The pixels in columns `x0..x1` and rows `y0..y1` of pieces of one
/// pixel, which no group holds: what the threshold leaves of a faint
/// comma or the dot of a semicolon.
fn specks(gambar: &Gambar, keping: &[Piece], x: (f32, f32), y: (f32, f32)) -> Vec<(usize, usize)> {
    let c = gambar.c;
    let (x0, x1) = (
        x.0.floor().max(0.0) as usize,
        (x.1.ceil() as usize).min(c.w),
    );
    let (y0, y1) = (
        y.0.floor().max(0.0) as usize,
        (y.1.ceil() as usize).min(c.h),
    );
    (y0..y1)
        .flat_map(|y| (x0..x1).map(move |x| (x, y)))
        .filter(|&(x, y)| {
            let l = gambar.label[y * c.w + x];
            l != 0 && keping[l as usize - 1].n == 1
        })
        .collect()
}

/// The rows (top, bottom exclusive) of the small pieces of ink in columns
/// `x` near the baseline `dasar`: those of a stop read there; none where
/// there are none.
fn ink_rows(
    gambar: &Gambar,
    keping: &[Piece],
    x: (f32, f32),
    dasar: f32,
    em: f32,
) -> Option<(usize, usize)> {
    let c = gambar.c;
    let (x0, x1) = (
        x.0.floor().max(0.0) as usize,
        (x.1.ceil() as usize).min(c.w),
    );
    let y0 = (dasar - 0.3 * em).max(0.0) as usize;
    let y1 = ((dasar + 0.35 * em).ceil() as usize).min(c.h);
    let mut rows: Option<(usize, usize)> = None;
    for y in y0..y1 {
        for x in x0..x1 {
            let l = gambar.label[y * c.w + x];
            if l == 0 {
                continue;
            }
            let k = &keping[l as usize - 1];
            if k.n >= 2 && (k.w() as f32) <= 0.3 * em && (k.h() as f32) <= 0.45 * em {
                rows = Some(rows.map_or((k.y0, k.y1), |(a, b)| (a.min(k.y0), b.max(k.y1))));
            }
        }
    }
    rows
}

/// A comma, or the dot of a semicolon, that the threshold broke into
/// single pixels (read from no group): after a letter, specks that reach
/// below the baseline are a comma (`Internet, PC`), and a comma with a
/// speck above it at the middle of the small letters is a semicolon.
fn faint_marks(gambar: &Gambar, keping: &[Piece], dasar: usize, em: f32, kata: &mut Vec<Huruf>) {
    let dasar = dasar as f32;
    let mut i = 0;
    while i < kata.len() {
        let k = kata[i];
        let kanan = kata.get(i + 1).map_or(k.2 + 0.3 * em, |n| n.1);
        let tanda = kata.get(i + 1).is_some_and(|n| !n.0.is_alphanumeric());
        if k.0.is_alphanumeric() && !tanda {
            let titik = specks(
                gambar,
                keping,
                (k.2 - 0.2 * em, kanan),
                (dasar - 0.15 * em, dasar + 0.35 * em),
            );
            let turun = titik.iter().any(|p| p.1 as f32 >= dasar + 1.0);
            let naik = titik.iter().any(|p| (p.1 as f32) < dasar + 1.0);
            let (xa, xb) = titik
                .iter()
                .fold((usize::MAX, 0), |(a, b), p| (a.min(p.0), b.max(p.0)));
            if titik.len() >= 2 && turun && naik && ((xb - xa) as f32) < 0.2 * em {
                let x0 = xa as f32 - 0.09 * em;
                kata.insert(i + 1, (',', x0, x0 + 0.278 * em, RAGU, false));
                i += 1;
            }
        }
        i += 1;
    }
    // a stop's ink sits on the baseline: one reaching two rows below it is
    // a comma (`POK, MFD`), one wholly below it the tail of a bracket the
    // threshold broke off (`Bulanan)`)
    let mut i = 0;
    while i < kata.len() {
        let rows = (kata[i].0 == '.')
            .then(|| ink_rows(gambar, keping, (kata[i].1, kata[i].2), dasar, em))
            .flatten();
        // a stop read in a bracket's own ink, with no piece of its own,
        // is the bracket's tail (`Bulanan).`)
        if kata[i].0 == '.' && rows.is_none() && i > 0 && kata[i - 1].0 == ')' {
            kata.remove(i);
            continue;
        }
        if let Some((y0, y1)) = rows {
            if y0 as f32 >= dasar + 1.0 {
                kata.remove(i);
                continue;
            }
            if y1 as f32 >= dasar + 2.0 {
                kata[i].0 = ',';
            }
        }
        i += 1;
    }
    for k in kata.iter_mut().filter(|k| k.0 == ',') {
        let atas = (dasar - 0.65 * em, dasar - 0.35 * em);
        if !specks(gambar, keping, (k.1, k.2), atas).is_empty() {
            k.0 = ';';
        }
    }
}

/// Below this likeness a letter of a known word is not learnt from.
const CONTOH: f32 = 0.7;
/// Samples of a character before the picture's own glyph replaces the
/// face's.
const CUKUP: u32 = 2;

/// The picture's own glyphs, learnt from the letters of known words: per
/// size and template, the sum of their darkness around the template's box
/// (a pixel more each side), and how many.
#[derive(Default)]
struct Belajar {
    jumlah: HashMap<(u32, usize), (Vec<f32>, u32)>,
}

impl Belajar {
    fn add(&mut self, gambar: &Gambar, dasar: usize, em: f32, ps: &[Template], r: &Run) {
        for (h, &(l, gi)) in r.huruf.iter().zip(&r.letak) {
            if h.3 < CONTOH {
                continue;
            }
            let p = &ps[l.pi];
            let t = Letters {
                c: gambar.c,
                label: gambar.label,
                g: &r.grup[gi],
                dasar,
                em,
            };
            let (w, hh) = (p.w + 2, p.h + 2);
            let e = self
                .jumlah
                .entry((kunci(em), l.pi))
                .or_insert_with(|| (vec![0.0; w * hh], 0));
            for ty in 0..hh {
                for tx in 0..w {
                    let (x, y) = (l.x as i64 - 1 + tx as i64, l.y - 1 + ty as i64);
                    if x < 0 || y < 0 || x as usize >= gambar.c.w || y as usize >= gambar.c.h {
                        continue;
                    }
                    let (x, y) = (x as usize, y as usize);
                    if t.ink(x, y) || gambar.label[y * gambar.c.w + x] == 0 {
                        e.0[ty * w + tx] += darkness(gambar.c.dark[y * gambar.c.w + x]);
                    }
                }
            }
            e.1 += 1;
        }
    }

    /// Whether any glyph of size `kunci` was learnt.
    fn taught(&self, kunci: u32) -> bool {
        self.jumlah
            .iter()
            .any(|(k, v)| k.0 == kunci && v.1 >= CUKUP)
    }

    /// `ps` with the picture's own glyph in place of each template it has
    /// enough samples of.
    fn adapt(&self, ps: &[Template], kunci: u32) -> Vec<Template> {
        let mut out = ps.to_vec();
        for (pi, p) in out.iter_mut().enumerate() {
            let Some((sum, n)) = self.jumlah.get(&(kunci, pi)).filter(|v| v.1 >= CUKUP) else {
                continue;
            };
            let (w, h) = (p.w + 2, p.h + 2);
            let rata: Vec<f32> = sum.iter().map(|v| v / *n as f32).collect();
            let on = |x: usize, y: usize| rata[y * w + x] >= TINTA as f32 / 255.0;
            let cols: Vec<usize> = (0..w).filter(|&x| (0..h).any(|y| on(x, y))).collect();
            let rows: Vec<usize> = (0..h).filter(|&y| (0..w).any(|x| on(x, y))).collect();
            let (Some(&x0), Some(&x1), Some(&y0), Some(&y1)) =
                (cols.first(), cols.last(), rows.first(), rows.last())
            else {
                continue;
            };
            let mut px = Vec::with_capacity((x1 + 1 - x0) * (y1 + 1 - y0));
            for y in y0..=y1 {
                px.extend_from_slice(&rata[y * w + x0..=y * w + x1]);
            }
            p.kiri += x0 as f32 - 1.0;
            p.atas = p.atas.round() + y0 as f32 - 1.0;
            p.w = x1 + 1 - x0;
            p.h = y1 + 1 - y0;
            p.sbb = px.iter().map(|v| v * v).sum();
            p.px = px;
        }
        out
    }
}

/// A pixel's darkness as the matching weighs it: 0 for paper, 1 for ink.
fn darkness(d: u8) -> f32 {
    ((d as f32 - 40.0) / 160.0).clamp(0.0, 1.0)
}

/// The key of a letter size in the template caches (half pixels).
fn kunci(em: f32) -> u32 {
    (em * 2.0).round() as u32
}

/// The templates at `em` pixels (to half a pixel), rendered once; none for
/// a size no form prints at.
/// The templates of every size in `ems` (4 to 200 px an em; keyed by
/// [`kunci`]), made side by side and kept in `cache`, so that readers on several
/// threads can take them with [`pola_siap`].
fn siapkan(cache: &mut HashMap<u32, Vec<Template>>, ems: impl Iterator<Item = f32>) {
    let mut kurang: Vec<u32> = ems
        .filter(|em| (4.0..=200.0).contains(em))
        .map(kunci)
        .filter(|k| !cache.contains_key(k))
        .collect();
    kurang.sort_unstable();
    kurang.dedup();
    let dibuat: Vec<(u32, Vec<Template>)> = kurang
        .into_par_iter()
        .map(|k| (k, templates(k as f32 / 2.0)))
        .collect();
    cache.extend(dibuat);
}

/// The templates of size `em` made by [`siapkan`]: none outside 4 to 200
/// px an em.
fn pola_siap(cache: &HashMap<u32, Vec<Template>>, em: f32) -> Option<&[Template]> {
    if !(4.0..=200.0).contains(&em) {
        return None;
    }
    cache.get(&kunci(em)).map(Vec::as_slice)
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
                v[row * w + (xx as i64 - x0) as usize] = darkness(c.dark[i]);
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

/// A letter placed by the matching: its template, the column its ink's
/// left edge lies at, and Σab of its placement.
#[derive(Clone, Copy, Debug)]
struct Letak {
    pi: usize,
    x: usize,
    /// The template's top row (its best placement up or down).
    y: i64,
    sab: f32,
}

/// A template placed on a group's ink: what it costs the reading (minus
/// its width × likeness), Σab, and its top row.
#[derive(Clone, Copy, Debug)]
struct Cocok {
    biaya: f32,
    sab: f32,
    y: i64,
}

/// The ink of one group as the segmentation sees it: its window and, per
/// column of the ink, Σa² and the ink's top and bottom row.
struct Ink<'a> {
    t: Letters<'a>,
    j: Window,
    ia: usize,
    ib: usize,
    aa: Vec<f32>,
    atas: Vec<usize>,
    bawah: Vec<usize>,
    /// Per column of the ink, the blank row between a dot and the stem
    /// below it ([`dot_gap`]), where there is one.
    celah_titik: Vec<Option<usize>>,
    /// The cost of each placement tried, by (column - ia + 1, template).
    biaya: Vec<Option<Option<Cocok>>>,
}

impl<'a> Ink<'a> {
    /// The ink of group `t.g`; none when it holds no ink.
    fn of(t: Letters<'a>) -> Option<Ink<'a>> {
        let g = t.g;
        let mut atas = Vec::new();
        let mut bawah = Vec::new();
        let mut celah_titik = Vec::new();
        for x in g.x0..g.x1 {
            let rows = (g.y0..g.y1).filter(|&y| t.ink(x, y));
            let (a, b) = rows.fold((usize::MAX, 0), |(a, b), y| (a.min(y), b.max(y + 1)));
            atas.push(a);
            bawah.push(b);
            celah_titik.push(dot_gap(&t, x));
        }
        let kiri = bawah.iter().position(|&b| b > 0)?;
        let kanan = bawah.iter().rposition(|&b| b > 0)?;
        let (ia, ib) = (g.x0 + kiri, g.x0 + kanan + 1);
        let j = Window::of(&t, ia, ib);
        let aa = (ia..ib)
            .map(|x| {
                (0..j.h)
                    .map(|r| j.at(x as i64, j.y0 + r as i64).powi(2))
                    .sum()
            })
            .collect();
        Some(Ink {
            t,
            j,
            ia,
            ib,
            aa,
            atas: atas[kiri..=kanan].to_vec(),
            bawah: bawah[kiri..=kanan].to_vec(),
            celah_titik: celah_titik[kiri..=kanan].to_vec(),
            biaya: Vec::new(),
        })
    }

    /// Σa² of the ink's columns `a..b`.
    fn aa_between(&self, a: usize, b: usize) -> f32 {
        let (a, b) = (a.max(self.ia), b.min(self.ib));
        if a >= b {
            return 0.0;
        }
        self.aa[a - self.ia..b - self.ia].iter().sum()
    }

    /// Template `p` (index `pi`) with its ink's left edge at column `x`:
    /// Σb² − 2Σab (the squared error it leaves, less the ink's own Σa²)
    /// and Σab, at the best of a pixel up or down; none where the ink
    /// under it is not of its height and place.
    fn place(&mut self, pi: usize, p: &Template, x: usize) -> Option<Cocok> {
        // by column, then template: a group is read a few times over (in
        // italic, by the lexicon's words), each placement measured once
        let i = (x + 1 - self.ia) * TEMPLATES + pi;
        if i >= self.biaya.len() {
            self.biaya.resize(i + 1, None);
        }
        if let Some(b) = self.biaya[i] {
            return b;
        }
        let b = self.measure(p, x);
        self.biaya[i] = Some(b);
        b
    }

    fn measure(&self, p: &Template, x: usize) -> Option<Cocok> {
        let Letters { dasar, em, .. } = self.t;
        let e = x + p.w;
        if x + 1 < self.ia || e > self.ib + 1 {
            return None;
        }
        // the ink under the template, its first and last column left out
        // where a neighbour may touch (not at the group's own edge: the
        // thin stem of a k or F is all its first column holds)
        let (mut a, mut b) = if p.w > 3 { (x + 1, e - 1) } else { (x, e) };
        if x <= self.ia {
            a = self.ia;
        }
        if e >= self.ib {
            b = self.ib;
        }
        a = a.max(self.ia);
        b = b.min(self.ib);
        if a >= b {
            return None;
        }
        let y0 = self.atas[a - self.ia..b - self.ia].iter().min()?;
        let y1 = self.bawah[a - self.ia..b - self.ia].iter().max()?;
        if y1 <= y0 {
            return None;
        }
        let tinggi = (y1 - y0) as f32;
        // an i or j whose dot was too faint to be ink is shorter than its template
        let titik = if matches!(p.c, 'i' | 'j') {
            0.3 * em
        } else {
            0.0
        };
        // so is a descender too faint below the line (a g read as o)
        let ekor = if p.atas + p.h as f32 > 0.12 * em {
            0.25 * em
        } else {
            0.0
        };
        // a j's descender is ink, or faint below the line: without it, it
        // is an i (whose dot is a j's too)
        if p.c == 'j' && *y1 <= dasar && !self.faint_tail(a, b) {
            return None;
        }
        // an E has a bar at its foot, joined to its stem; an F none (a
        // mark after it may lie where the E's bar would)
        if p.c == 'E' && !self.bar_at_foot(x, e) {
            return None;
        }
        // an o is open across its middle; an e is barred there
        if p.c == 'o' && self.bar_across(x, e) {
            return None;
        }
        // a c is open on its right; an o closed there
        if p.c == 'c' && self.closed_right(a, b) {
            return None;
        }
        // an f hooks right at its top; a t of a hinted screenshot may
        // reach as high, but turns right at its foot only
        if p.c == 'f' && !self.hooks_right(x, e) {
            return None;
        }
        let lebih = p.h as f32 - tinggi;
        let cocok_tinggi = lebih <= (0.3 * tinggi).max(2.0) + titik + ekor
            && -lebih <= (0.3 * tinggi).max(2.0) + titik;
        let top = dasar as f32 + p.atas;
        let cocok_letak = (top - *y0 as f32).abs() <= (0.2 * em).max(2.0) + titik;
        // a small letter without an ascender is not read over one (the b
        // of `dibaca` as an o, the k of `berikut` as an x): the ascender
        // rises a fifth of the size above it, a blurred edge a pixel
        let tanpa_tangkai = p.atas > -0.6 * em && !KECIL.contains(p.c);
        let di_atas = top - *y0 as f32 > (0.12 * em).max(1.5);
        if !(cocok_tinggi && cocok_letak) || (tanpa_tangkai && di_atas) {
            return None;
        }
        let top0 = dasar as i64 + p.atas.round() as i64;
        if !self.dots_fit(p, a, b) {
            return None;
        }
        let (mut best, mut y) = (f32::MIN, top0);
        for dy in -1..=1i64 {
            let mut sab = 0.0;
            for ty in 0..p.h {
                let row = &p.px[ty * p.w..(ty + 1) * p.w];
                for (tx, v) in row.iter().enumerate() {
                    if *v > 0.0 {
                        sab += v * self.j.at((x + tx) as i64, top0 + dy + ty as i64);
                    }
                }
            }
            if sab > best {
                (best, y) = (sab, top0 + dy);
            }
        }
        let likeness = 2.0 * best / (p.sbb + self.aa_between(x, e)).max(1e-3);
        let lebar = e.min(self.ib) - x.max(self.ia);
        Some(Cocok {
            biaya: -(lebar as f32) * likeness,
            sab: best,
            y,
        })
    }
}

impl Ink<'_> {
    /// Whether template `p` over the ink's columns `a..b` agrees with their
    /// dots: an i or j only on a stem with a dot above it (not on the last
    /// stroke of a w: `vi`), and no other letter over a dot — a dot is ink
    /// only an i or j explains: an h over a touching `ti`, a t over the
    /// stem of an i, a `/` or l over an i leave it unexplained or fill the
    /// blank below it.
    fn dots_fit(&self, p: &Template, a: usize, b: usize) -> bool {
        let titik = self.celah_titik[a - self.ia..b - self.ia]
            .iter()
            .any(Option::is_some);
        if matches!(p.c, 'i' | 'j') {
            // a dot merged with its stem is read as an l, and the
            // lexicon's i ([`i_or_l`])
            titik || self.faint_dot(a, b)
        } else {
            !titik
        }
    }
}

impl Ink<'_> {
    /// Whether the picture holds a dot above the x-height over columns
    /// `a..b`, however faint: too faint to be ink, it is no piece of the
    /// group, but no stroke without a dot is that dark there.
    fn faint_dot(&self, a: usize, b: usize) -> bool {
        let Letters { c, dasar, em, .. } = self.t;
        let d = dasar as f32;
        let (y0, y1) = (
            (d - 0.85 * em).max(0.0) as usize,
            (d - 0.45 * em).max(0.0) as usize,
        );
        // each row's darkest pixel, top down: a dark one, then a lighter
        // one (the blank above the stem; a t's stem has none)
        let mut titik = 0u8;
        for y in y0..y1.min(c.h) {
            let m = (a..b.min(c.w))
                .map(|x| c.dark[y * c.w + x])
                .max()
                .unwrap_or(0);
            if titik >= TITIK_SAMAR && (m as f32) < 0.6 * titik as f32 {
                return true;
            }
            titik = titik.max(m);
        }
        false
    }
}

impl Ink<'_> {
    /// Whether the ink over columns `x..e` reaches right of its stem at
    /// its top, as an f's hook does: the stem is the first run of ink a
    /// third of the way up from the baseline (below an f's or t's
    /// crossbar), the top the highest ink from the stem on.
    fn hooks_right(&self, x: usize, e: usize) -> bool {
        let Letters { dasar, em, .. } = self.t;
        let (a, b) = (x.max(self.ia), e.min(self.ib));
        let y = dasar.saturating_sub((0.3 * em).round() as usize);
        let Some(s0) = (a..b).find(|&c| self.t.ink(c, y)) else {
            return true;
        };
        let s1 = (s0..b)
            .take_while(|&c| self.t.ink(c, y))
            .last()
            .unwrap_or(s0);
        let Some(&atas) = self.atas[s0 - self.ia..b - self.ia].iter().min() else {
            return true;
        };
        let turun = (0.12 * em).round().max(2.0) as usize;
        let kait = (0.08 * em).round().max(1.0) as usize;
        (atas..atas + turun)
            .filter_map(|y| (s1 + 1..b).rev().find(|&c| self.t.ink(c, y)))
            .any(|c| c >= s1 + kait)
    }
}

impl Ink<'_> {
    /// Whether the ink over columns `x..e` is barred across its middle, as
    /// an e is: in a row a quarter to a third of the letter size above the
    /// baseline, one run of ink from its first column to its last, at
    /// least three wide.
    fn bar_across(&self, x: usize, e: usize) -> bool {
        let Letters { dasar, em, .. } = self.t;
        let (a, b) = (x.max(self.ia), e.min(self.ib));
        let y0 = dasar.saturating_sub((0.35 * em).round() as usize);
        let y1 = dasar.saturating_sub((0.2 * em).round() as usize);
        (y0..=y1).any(|y| {
            let (Some(s0), Some(s1)) = (
                (a..b).find(|&c| self.t.ink(c, y)),
                (a..b).rev().find(|&c| self.t.ink(c, y)),
            ) else {
                return false;
            };
            s1 >= s0 + 2 && (s0..=s1).all(|c| self.t.ink(c, y))
        })
    }

    /// Whether the ink over columns `a..b` is closed on its right across
    /// its middle, as an o is: in every row a quarter to a third of the
    /// letter size above the baseline, ink in its last column apart from
    /// the ink at its left.
    fn closed_right(&self, a: usize, b: usize) -> bool {
        let Letters { dasar, em, .. } = self.t;
        let y0 = dasar.saturating_sub((0.35 * em).round() as usize);
        let y1 = dasar.saturating_sub((0.2 * em).round() as usize);
        b >= a + 3
            && (y0..=y1).all(|y| {
                let kiri = self.t.ink(a, y) || self.t.ink(a + 1, y);
                let kanan = self.t.ink(b - 1, y);
                let celah = (a + 1..b - 1).any(|c| !self.t.ink(c, y));
                kiri && kanan && celah
            })
    }

    /// Whether the ink over columns `x..e` has a bar at its foot: in one
    /// of its two bottom rows a run of ink from its first column on, a
    /// quarter of the letter size long.
    fn bar_at_foot(&self, x: usize, e: usize) -> bool {
        let Letters { dasar, em, .. } = self.t;
        let (a, b) = (x.max(self.ia), e.min(self.ib));
        let panjang = (0.25 * em).round() as usize;
        (dasar.saturating_sub(2)..dasar).any(|y| {
            let Some(s0) = (a..b).find(|&c| self.t.ink(c, y)) else {
                return false;
            };
            (s0..b).take_while(|&c| self.t.ink(c, y)).count() >= panjang
        })
    }
}

impl Ink<'_> {
    /// Whether the picture holds a descender below the baseline under
    /// columns `a..b`, however faint (the tail of a j the threshold lost).
    fn faint_tail(&self, a: usize, b: usize) -> bool {
        let Letters { c, dasar, em, .. } = self.t;
        let y1 = (dasar + (0.25 * em).ceil() as usize).min(c.h);
        (dasar..y1).any(|y| (a..b.min(c.w)).any(|x| c.dark[y * c.w + x] >= EKOR_SAMAR))
    }
}

/// The darkness of a faint descender's darkest pixel.
const EKOR_SAMAR: u8 = 30;

/// The darkness of a faint dot's darkest pixel (ink is [`TINTA`]).
const TITIK_SAMAR: u8 = 56;

/// The blank row between the dot of an i or j and its stem in column `x`
/// of the group: the column's ink is a short run above the x-height, a
/// blank, and a stem of another piece from about the x-height down to the
/// baseline.
fn dot_gap(t: &Letters, x: usize) -> Option<usize> {
    let Letters { g, dasar, em, .. } = *t;
    let d = dasar as f32;
    let mut y = g.y0;
    let mut runs: [(usize, usize); 2] = [(0, 0); 2];
    for run in &mut runs {
        while y < g.y1 && !t.ink(x, y) {
            y += 1;
        }
        let awal = y;
        while y < g.y1 && t.ink(x, y) {
            y += 1;
        }
        if awal == y {
            return None;
        }
        *run = (awal, y);
    }
    let [(t0, t1), (s0, s1)] = runs;
    // a piece of its own, not a stroke bending back (the top of an M)
    let label = |y: usize| t.label[y * t.c.w + x];
    if label(t0) == label(s0) {
        return None;
    }
    let titik = (t1 - t0) as f32 <= 0.3 * em && (t0 as f32) >= d - 0.9 * em;
    let batang =
        (s0 as f32) >= d - 0.7 * em && (s0 as f32) <= d - 0.4 * em && (s1 as f32) >= d - 0.12 * em;
    (titik && batang && !t_stub(t, x, label(t0), (t0, t1), (label(s0), s0))).then_some(t1)
}

/// Whether the piece `atas` (rows `t0..t1` of column `x`) over the piece
/// `batang` (from row `s0`) is the top of a t parted from its crossbar in
/// a light raster, not the dot of an i: twice as tall as wide, or the piece
/// below it a crossbar at its top, reaching past it on both sides by more
/// than a blurred edge (the stem of an i is no wider than its dot).
fn t_stub(
    t: &Letters,
    x: usize,
    atas: u32,
    (t0, t1): (usize, usize),
    (batang, s0): (u32, usize),
) -> bool {
    let Letters {
        c, label, g, em, ..
    } = *t;
    let jangkau = (0.4 * em).ceil() as usize;
    let (x0, x1) = (
        x.saturating_sub(jangkau).max(g.x0),
        (x + jangkau + 1).min(g.x1),
    );
    let of = |l: u32, y: usize, x: usize| label[y * c.w + x] == l;
    // the dot's columns
    let kolom: Vec<usize> = (x0..x1)
        .filter(|&cx| (t0..t1).any(|y| of(atas, y, cx)))
        .collect();
    let (Some(&d0), Some(&d1)) = (kolom.first(), kolom.last()) else {
        return false;
    };
    let lebar = d1 + 1 - d0;
    if t1 - t0 > 2 * lebar + 1 {
        return true;
    }
    // the piece below, its top rows: the run through column x
    let lebih = (0.1 * em).max(2.0);
    (s0..(s0 + 2).min(g.y1)).any(|y| {
        let kiri = (x0..=x).rev().take_while(|&cx| of(batang, y, cx)).last();
        let kanan = (x..x1).take_while(|&cx| of(batang, y, cx)).last();
        let (Some(k0), Some(k1)) = (kiri, kanan) else {
            return false;
        };
        k0 < d0 && k1 > d1 && (k1 + 1 - k0) as f32 >= lebar as f32 + lebih
    })
}

/// What one more letter costs: a letter is not read as two that fit its
/// ink about as well (an m as rn).
fn per_letter(em: f32) -> f32 {
    0.04 * em
}

/// A reading of a group: the cost of its squared error (less its ink's
/// Σa²), and its letters.
type Urai = (f32, Vec<Letak>);

/// The cheapest sequences of templates that explain the ink left to right,
/// each letter touching the one before or a column from it (dynamic
/// programming over the columns). Without `seq`, any characters: one
/// reading, at index 0. With it, the characters of `seq` in order: the
/// reading that uses `n` of them at index `n`, where there is one.
fn explain(ink: &mut Ink, ps: &[Template], seq: Option<&[char]>) -> Vec<Option<Urai>> {
    let (ia, ib) = (ink.ia, ink.ib);
    let k_max = seq.map_or(0, <[char]>::len);
    let lebar = ib + 2 - ia;
    let tambah = per_letter(ink.t.em);
    // state (column + 1 - ia, characters used): cost, and where it came from
    type Dari = Option<(usize, usize, Letak)>;
    let mut dp: Vec<Vec<Option<(f32, Dari)>>> = vec![vec![None; k_max + 1]; lebar + 1];
    let mut akhir: Vec<Option<(f32, Dari)>> = vec![None; k_max + 1];
    // the first letter's ink begins a column before the group's, at it, or
    // a column after
    for (si, d) in dp.iter_mut().enumerate().take(3) {
        if si + ia >= 1 {
            d[0] = Some((0.0, None));
        }
    }
    // the templates each state may place: any, or those of its character
    let semua: Vec<usize> = (0..ps.len()).collect();
    let boleh: Vec<Vec<usize>> = match seq {
        None => vec![semua],
        Some(q) => q
            .iter()
            .map(|&c| (0..ps.len()).filter(|&pi| ps[pi].c == c).collect())
            .collect(),
    };
    for si in 0..lebar {
        let x = si + ia - 1;
        for k in 0..=k_max {
            let Some((c0, _)) = dp[si][k] else {
                continue;
            };
            let Some(calon) = boleh.get(if seq.is_some() { k } else { 0 }) else {
                continue;
            };
            for &pi in calon {
                let p = &ps[pi];
                // a stop or a dash touching letters is a letter's foot or
                // bar; but a hyphen may touch the letter after or before it
                // (`H-S`: a bar at the middle of the small letters, its
                // height and place are [`Ink::measure`]'s)
                let tepi = x <= ia || x + p.w + 1 >= ib;
                if KECIL.contains(p.c) && ib - ia > p.w + 2 && !(p.c == '-' && tepi) {
                    continue;
                }
                let Some(Cocok { biaya, sab, y }) = ink.place(pi, p, x) else {
                    continue;
                };
                let c = c0 + biaya + tambah;
                let k2 = if seq.is_some() { k + 1 } else { 0 };
                let dari = Some((si, k, Letak { pi, x, y, sab }));
                let e = x + p.w;
                if e + 1 >= ib && akhir[k2].is_none_or(|(b, _)| c < b) {
                    akhir[k2] = Some((c, dari));
                }
                // the next letter's ink begins where this one's ends, or a
                // column on (letters sharing a column read worse in the
                // BPS screenshots: two thin letters in one)
                for x2 in e..=e + 1 {
                    if x2 < ib {
                        let s2 = x2 + 1 - ia;
                        if dp[s2][k2].is_none_or(|(b, _)| c < b) {
                            dp[s2][k2] = Some((c, dari));
                        }
                    }
                }
            }
        }
    }
    akhir
        .into_iter()
        .map(|a| {
            let (c, mut dari) = a?;
            let mut huruf = Vec::new();
            while let Some((si, k, l)) = dari {
                huruf.push(l);
                dari = dp[si][k].and_then(|d| d.1);
            }
            huruf.reverse();
            Some((c, huruf))
        })
        .collect()
}

/// Σ width × likeness of the letters of `bacaan`.
fn likeness_of(bacaan: &[Urai], em: f32) -> f32 {
    bacaan
        .iter()
        .map(|u| u.1.len() as f32 * per_letter(em) - u.0)
        .sum()
}

/// The best reading of a group by any characters.
fn read_group(ink: &mut Ink, ps: &[Template]) -> Urai {
    explain(ink, ps, None)
        .into_iter()
        .next()
        .flatten()
        .unwrap_or((0.0, Vec::new()))
}

/// The best reading of a word's groups as the characters `seq`, every
/// group one or more of them in order; none where they do not fit.
fn read_as(inks: &mut [Ink], ps: &[Template], seq: &[char]) -> Option<Vec<Urai>> {
    // after each group: (cost, readings so far) by characters used
    let mut terbaik: Vec<Option<(f32, Vec<Urai>)>> = vec![None; seq.len() + 1];
    terbaik[0] = Some((0.0, Vec::new()));
    for ink in inks.iter_mut() {
        let mut baru: Vec<Option<(f32, Vec<Urai>)>> = vec![None; seq.len() + 1];
        for k0 in 0..seq.len() {
            let Some((c0, sebelum)) = &terbaik[k0] else {
                continue;
            };
            for (n, r) in explain(ink, ps, Some(&seq[k0..])).into_iter().enumerate() {
                let Some((c, huruf)) = r else {
                    continue;
                };
                if n == 0 || baru[k0 + n].as_ref().is_some_and(|(b, _)| *b <= c0 + c) {
                    continue;
                }
                let mut v = sebelum.clone();
                v.push((c, huruf));
                baru[k0 + n] = Some((c0 + c, v));
            }
        }
        terbaik = baru;
    }
    terbaik.pop().flatten().map(|(_, v)| v)
}

/// A capital between two small letters (`didistribusiLan`) is read again
/// as each small letter, and taken as the one that fits best when it fits
/// nearly as well ([`LEKSIKON`] of its width): a form sets no capital
/// inside a word, and a thin stem makes a k an L.
fn small_within(inks: &mut [Ink], ps: &[Template], bacaan: &mut [Urai]) {
    let letak: Vec<(usize, usize)> = bacaan
        .iter()
        .enumerate()
        .flat_map(|(g, u)| (0..u.1.len()).map(move |i| (g, i)))
        .collect();
    let huruf: Vec<char> = letak
        .iter()
        .map(|&(g, i)| ps[bacaan[g].1[i].pi].c)
        .collect();
    for k in 1..huruf.len().saturating_sub(1) {
        if !(huruf[k].is_uppercase() && huruf[k - 1].is_lowercase() && huruf[k + 1].is_lowercase())
        {
            continue;
        }
        let (g, i) = letak[k];
        let mut seq: Vec<char> = bacaan[g].1.iter().map(|l| ps[l.pi].c).collect();
        let batas = bacaan[g].0 + LEKSIKON * ps[bacaan[g].1[i].pi].w as f32;
        let mut pilih: Option<Urai> = None;
        for kecil in 'a'..='z' {
            seq[i] = kecil;
            let Some(Some(r)) = explain(&mut inks[g], ps, Some(&seq)).pop() else {
                continue;
            };
            if r.0 <= batas && pilih.as_ref().is_none_or(|b| r.0 < b.0) {
                pilih = Some(r);
            }
        }
        if let Some(r) = pilih {
            bacaan[g] = r;
        }
    }
}

/// How much worse in the pixels a word of the lexicon may read than the
/// best reading of any characters and still be taken: the likeness its
/// letters may lose on average over the word's width. Touching letters
/// read apart as the word spells them lose a little; a word the pixels
/// clearly say otherwise loses more.
const LEKSIKON: f32 = 0.1;

/// A word read is not in the lexicon: the lexicon's words it may be are
/// read from the same pixels (each group of ink one or more of their
/// characters in order), and the best of them is taken when its pixels
/// fit nearly as well as the reading of any characters. Whether the word
/// is now one of the lexicon.
fn by_lexicon(kamus: &Kamus, inks: &mut [Ink], ps: &[Template], bacaan: &mut [Urai]) -> bool {
    let teks: Vec<char> = bacaan
        .iter()
        .flat_map(|u| u.1.iter().map(|l| ps[l.pi].c))
        .collect();
    let (Some(a), Some(b)) = (
        teks.iter().position(|c| c.is_alphanumeric()),
        teks.iter().rposition(|c| c.is_alphanumeric()),
    ) else {
        return false;
    };
    let inti: String = teks[a..=b].iter().collect();

    if teks[a..=b].iter().filter(|c| c.is_alphabetic()).count() < 2 {
        return false;
    }
    if kamus.berisi(&inti) {
        return true;
    }
    let bebas: f32 = bacaan.iter().map(|u| u.0).sum();
    // the characters as read, each with its likeness
    let dibaca: Vec<(char, f32)> = bacaan
        .iter()
        .zip(inks.iter())
        .flat_map(|(u, ink)| {
            u.1.iter()
                .map(|l| (ps[l.pi].c, likeness_of_letter(ink, l, ps)))
        })
        .collect();
    let tinta: f32 = inks.iter().map(|i| (i.ib - i.ia) as f32).sum();
    let mut pilih: Option<(f32, Vec<Urai>)> = None;
    // the word's case as read: capitals, a capital first, or none (an l
    // first may be a capital I)
    let huruf: Vec<char> = teks[a..=b]
        .iter()
        .copied()
        .filter(|c| c.is_alphabetic())
        .collect();
    let besar = huruf.iter().filter(|c| c.is_uppercase()).count();
    let mut bentuk: Vec<fn(&str) -> String> = Vec::new();
    // a word in capitals is often an abbreviation (ATAP is no misread
    // ATAS): it must fit twice as closely
    let kapital = 3 * besar >= 2 * huruf.len();
    if kapital {
        bentuk.push(str::to_uppercase);
    } else {
        // a capital broken apart reads as a stroke and a lowercase letter
        if huruf[0].is_uppercase()
            || a > 0
            || matches!(teks[a], 'l' | '1' | 'f' | 'I' | 't' | '3' | '5' | '8')
        {
            bentuk.push(capitalised);
        }
        if !huruf[0].is_uppercase() {
            bentuk.push(str::to_owned);
        }
    }
    // a stroke before or after the word may be a part of its first or
    // last letter (the left leg of an M read as `/`)
    let (depan, belakang) = (&teks[..a], &teks[b + 1..]);
    let tepi: &[(&[char], &[char])] = if depan.is_empty() {
        &[(depan, belakang)]
    } else {
        &[(depan, belakang), (&[], belakang)]
    };
    for calon in kamus.calon(&inti) {
        for (eja, &(depan, belakang)) in
            bentuk.iter().flat_map(|e| tepi.iter().map(move |t| (e, t)))
        {
            let seq: Vec<char> = depan
                .iter()
                .copied()
                .chain(eja(calon).chars())
                .chain(belakang.iter().copied())
                .collect();
            let Some(v) = read_as(inks, ps, &seq) else {
                continue;
            };
            let c: f32 = v.iter().map(|u| u.0).sum();
            // a letter read clearly is made another only where the pixels
            // fit both about alike (the headings the form is found by
            // excepted: heading_word does as much)
            if c - bebas > JELAS_LEKSIKON * tinta
                && !KEPALA.contains(&calon)
                && overrides(&dibaca, &seq)
            {
                continue;
            }
            if pilih.as_ref().is_none_or(|(b, _)| c < *b) {
                pilih = Some((c, v));
            }
        }
    }
    match pilih {
        Some((c, v)) if c - bebas <= LEKSIKON * tinta / if kapital { 2.0 } else { 1.0 } => {
            bacaan.clone_from_slice(&v);
            true
        }
        _ => false,
    }
}

/// The likeness of letter `l` placed on `ink`: 2Σab / (Σa² + Σb²) over
/// the template and the ink's columns under it.
fn likeness_of_letter(ink: &Ink, l: &Letak, ps: &[Template]) -> f32 {
    let p = &ps[l.pi];
    2.0 * l.sab / (p.sbb + ink.aa_between(l.x, l.x + p.w)).max(1e-3)
}

/// Characters of one shape at the sizes of a screenshot, which its pixels
/// alone may not tell apart: a stem with a small mark (i, l, t, f, r), a
/// bowl with or without a stem (o, d, b, p, q), an arch (n, h, r), a small
/// a and o in bold, a t whose crossbar runs into the next letter's top (a
/// z's top bar), and the capitals and digits alike.
const MIRIP: &[&str] = &[
    "ilI1j!|ftr()/",
    "odbpqg",
    "bh",
    "oec",
    "oa",
    "tz",
    "ou",
    "nhrmu",
    "uvwy",
    "CGOQDU0",
    "S583B",
    "BDEFHKPR",
    "XxKk",
];

/// Whether `a` and `b` are one letter in two cases or two letters of one
/// shape ([`MIRIP`]).
/// A t is one way round: an f's stem rises as high as an l, a t's less,
/// so a t read clearly is no f (`Stat` is not `Staf`).
fn alike(a: char, b: char) -> bool {
    a.to_lowercase().eq(b.to_lowercase())
        || (MIRIP.iter().any(|m| m.contains(a) && m.contains(b)) && (a, b) != ('t', 'f'))
}

/// A letter read at least this alike its template is read clearly: the
/// lexicon does not make it a letter of another shape.
const JELAS: f32 = 0.7;
/// How much worse in the pixels a word of the lexicon that changes a
/// letter read clearly ([`overrides`]) may read than the best reading of
/// any characters, like [`LEKSIKON`].
const JELAS_LEKSIKON: f32 = 0.005;

/// Whether spelling `seq` would replace a letter the pixels read clearly
/// (`dibaca`: each character read and its likeness) with one of another
/// shape: `propinsi` is no misread `provinsi`, nor `ATAP` a misread
/// `ATAS`. A letter changed next to one added or dropped is not counted:
/// touching letters read as others (`rn` as `m`) are parted so.
fn overrides(dibaca: &[(char, f32)], seq: &[char]) -> bool {
    let (n, m) = (dibaca.len(), seq.len());
    // edit distance, then the edits along one cheapest path
    let mut d = vec![vec![0usize; m + 1]; n + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, v) in d[0].iter_mut().enumerate() {
        *v = j;
    }
    for i in 1..=n {
        for j in 1..=m {
            let ganti = usize::from(dibaca[i - 1].0 != seq[j - 1]);
            d[i][j] = (d[i - 1][j - 1] + ganti)
                .min(d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1);
        }
    }
    // the path's steps: a character kept or changed (both indices), or
    // one added or dropped (one of them)
    let mut langkah: Vec<(Option<usize>, Option<usize>)> = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        if i > 0 && j > 0 && d[i][j] == d[i - 1][j - 1] + usize::from(dibaca[i - 1].0 != seq[j - 1])
        {
            langkah.push((Some(i - 1), Some(j - 1)));
            (i, j) = (i - 1, j - 1);
        } else if i > 0 && d[i][j] == d[i - 1][j] + 1 {
            langkah.push((Some(i - 1), None));
            i -= 1;
        } else {
            langkah.push((None, Some(j - 1)));
            j -= 1;
        }
    }
    langkah.reverse();
    let tetap = |s: usize| {
        langkah
            .get(s)
            .is_none_or(|l| l.0.is_some() && l.1.is_some())
    };
    (0..langkah.len()).any(|s| {
        let (Some(i), Some(j)) = langkah[s] else {
            return false;
        };
        let ((a, skor), b) = (dibaca[i], seq[j]);
        let sendiri = s.checked_sub(1).is_none_or(tetap) && tetap(s + 1);
        a != b && sendiri && skor >= JELAS && !alike(a, b)
    })
}

/// `w` with its first letter a capital.
fn capitalised(w: &str) -> String {
    let mut c = w.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// What a word around a character tells: `l`/`I`/`1` and `o`/`O`/`0` look
/// alike, the word's other characters say which it is.
/// Returns, per character left, whether it begins a word.
fn tidy_words(kata: &mut Vec<Huruf>, em: f32, kamus: &Kamus) -> Vec<bool> {
    let mulai = word_starts(kata, em, kamus);
    let mut awal = 0;
    let mut out = Vec::with_capacity(kata.len());
    let mut awal_kata = Vec::with_capacity(kata.len());
    for i in 1..=kata.len() {
        if i < kata.len() && !mulai[i] {
            continue;
        }
        // a stroke with a foot between two letters is an l (a `!` is no
        // letter of a word)
        for j in awal + 1..i.saturating_sub(1) {
            if kata[j].0 == '!' && kata[j - 1].0.is_alphabetic() && kata[j + 1].0.is_alphabetic() {
                kata[j].0 = 'l';
            }
        }
        let w = &mut kata[awal..i];
        let angka = w.iter().filter(|k| k.0.is_ascii_digit()).count();
        let kecil = w.iter().filter(|k| k.0.is_ascii_lowercase()).count();
        let besar = w.iter().filter(|k| k.0.is_ascii_uppercase()).count();
        // a capital I opening a word looks like an l: the lexicon says which
        let sisa: String = w.iter().skip(1).map(|k| k.0).collect();
        // the word without the marks after it (`Internet,`)
        let sisa = sisa.trim_end_matches(|c: char| !c.is_alphanumeric());
        let kapital = matches!(w.first().map(|k| k.0), Some('I' | 'l' | '1'))
            && kamus.berisi(&format!("i{sisa}"))
            && !kamus.berisi(&format!("l{sisa}"));
        let w_len = w.len();
        let w_l = w.iter().filter(|k| k.0 == 'l').count();
        // a digit next, or a dash and a digit (`1-5`)
        let digit_after: Vec<bool> = (0..w.len())
            .map(|i| match w.get(i + 1).map(|k| k.0) {
                Some('-') => w.get(i + 2).is_some_and(|k| k.0.is_ascii_digit()),
                c => c.is_some_and(|c| c.is_ascii_digit()),
            })
            .collect();
        // nothing opened a bracket this line closes
        let buka = out.iter().any(|k: &Huruf| k.0 == '(');
        for (i, k) in w.iter_mut().enumerate() {
            let next_digit = digit_after[i];
            k.0 = match k.0 {
                _ if i == 0 && kapital => 'I',
                // the 1 of `100` or `1 minggu` in a hinted face: its flag
                // short, its foot gone
                ')' if next_digit || (w_len == 1 && !buka) => '1',
                'I' | 'l' | '|' if angka + 1 > kecil + besar => '1',
                'O' | 'o' if angka + 1 > kecil + besar => '0',
                'I' | '1' if kecil > besar && kecil > angka => 'l',
                '8' | '5' if kecil + besar > angka => 'S',
                // a lone stroke among digits: the 1 of `1.`, `1-5`, `1 minggu`
                't' | 'f' | 'l' | 'I' if kecil + besar == 1 => '1',
                // a lone capital beside a stop or a dash: a row's number
                'Z' if kecil + besar == 1 && w_len > 1 => '2',
                'S' if kecil + besar == 1 && w_len > 1 => '5',
                'B' if kecil + besar == 1 && w_len > 1 => '8',
                'G' if kecil + besar == 1 && w_len > 1 => '6',
                // a stroke among capitals is an I, however its serif or
                // flag read (`SfMSPH`, `StMSPH`)
                'l' | 't' | 'f' if besar > kecil + 1 => 'I',
                // the only small letters of a word of capitals are l: they
                // are I (`RI`)
                'l' if besar > 0 && w_l == kecil => 'I',
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
        slash(&mut kata[awal..i], kamus);
        // each piece between marks: `entri)/memberikan`
        for bagian in kata[awal..i].split_mut(|k| !k.0.is_alphanumeric()) {
            i_or_l(bagian, kamus);
        }
        // a word is set in one face: italic when most of its letters look it
        let miring = 2 * kata[awal..i].iter().filter(|k| k.4).count() > i - awal;
        // the flag of a 1 read apart from its stem
        let lepas =
            kata[awal].0 == '\'' && kata.get(awal + 1).is_some_and(|k| k.0.is_ascii_digit());
        // a speck after a word (what a spelling checker's squiggle leaves)
        // is read as `!`, which a form's cells do not print
        let n = out.len();
        out.extend(
            heading_word(&kata[awal + usize::from(lepas && i > awal + 1)..i], kamus)
                .into_iter()
                .filter(|k| k.0 != '!')
                .map(|k| (k.0, k.1, k.2, k.3, miring)),
        );
        awal_kata.extend((n..out.len()).map(|j| j == n));
        awal = i;
    }
    *kata = out;
    awal_kata
}

/// How much wider than the line's median gap between letters a gap must
/// be to part two words (of the letter size): a hinted screenshot sets
/// letters a pixel closer or wider than the face, but its spaces (0.28)
/// stay wide of them.
const SPASI_LEBIH: f32 = 0.13;
/// The narrowest gap between words, at least (of the letter size).
const SPASI_MIN: f32 = 0.11;
/// The spread of a line's middle half of gaps (of the letter size) up to
/// which its letters are set evenly enough to tell words by.
const SEBARAN: f32 = 0.06;
/// The same in pixels, for small letters: a hinted screenshot rounds each
/// letter's place to the pixel.
const SEBARAN_PX: f32 = 1.3;
/// Gaps of a line of letters from which its median says how it is set;
/// fewer, and the face's own spacing is assumed.
const CELAH_CUKUP: usize = 6;

/// Per character of a line, whether it begins a word: where its gap from
/// the one before is wider than the line's own gaps between letters by
/// [`SPASI_LEBIH`] (at most [`SPASI`]); between two capitals of a run of
/// them, [`SPASI`] (a hinted face spaces its capitals wider: `BPS`). A
/// run the lexicon does not know is parted at its widest gap wider than
/// the line's letters when that makes words of it (`BPSRI`).
fn word_starts(kata: &[Huruf], em: f32, kamus: &Kamus) -> Vec<bool> {
    let celah: Vec<f32> = kata.windows(2).map(|w| w[1].1 - w[0].2).collect();
    // the gaps between letters: those wider than a space are between
    // words, and would make a line of short words seem set unevenly
    let mut urut: Vec<f32> = celah.iter().copied().filter(|&c| c <= SPASI * em).collect();
    urut.sort_by(f32::total_cmp);
    let median = if urut.len() >= CELAH_CUKUP {
        urut[urut.len() / 2]
    } else {
        0.0
    };
    // letters set unevenly (a face other than the one compared with) say
    // too little of where words part: the face's own space then
    let rata = urut.len() >= CELAH_CUKUP
        && urut[3 * urut.len() / 4] - urut[urut.len() / 4] <= (SEBARAN * em).max(SEBARAN_PX);
    let batas = if rata {
        (median + SPASI_LEBIH * em).clamp(SPASI_MIN * em, SPASI * em)
    } else {
        SPASI * em
    };
    let besar = |i: usize| kata.get(i).is_some_and(|k| k.0.is_ascii_uppercase());
    let mut mulai: Vec<bool> = (0..kata.len())
        .map(|i| {
            i > 0 && {
                let kapital = besar(i - 1) && besar(i) && (i + 1 == kata.len() || besar(i + 1));
                celah[i - 1] > if kapital { SPASI * em } else { batas }
            }
        })
        .collect();
    // a comma or a semicolon between two words is followed by a space;
    // so is a bracket a line opened and closed before a word, whose
    // advance leaves a narrower gap (`(80-100%) ATAP`)
    for i in 2..kata.len() {
        let koma = matches!(kata[i - 1].0, ',' | ';') && kata[i - 2].0.is_alphabetic();
        let kurung = kata[i - 1].0 == ')'
            && kata[..i - 1].iter().any(|k| k.0 == '(')
            && celah[i - 1] > SPASI_MIN * em;
        if (koma || kurung) && kata[i].0.is_alphabetic() {
            mulai[i] = true;
        }
    }
    // runs the lexicon does not know, parted into two it does
    let lebih = (median + 0.5 * SPASI_LEBIH * em).max(0.5 * SPASI_MIN * em);
    let mut awal = 0;
    for i in 1..=kata.len() {
        if i < kata.len() && !mulai[i] {
            continue;
        }
        if let Some(j) = word_split(&kata[awal..i], &celah[awal..i - 1], lebih, kamus) {
            mulai[awal + j] = true;
        }
        awal = i;
    }
    // a capital a word opens with is set wide of it (`W eb`): one word
    // where together they are one the lexicon knows
    for i in 1..kata.len() {
        let sendiri = mulai[i] && (i == 1 || mulai[i - 1]) && besar(i - 1);
        if sendiri && celah[i - 1] <= SPASI * em {
            let akhir = (i + 1..kata.len())
                .find(|&j| mulai[j])
                .unwrap_or(kata.len());
            let teks: String = kata[i - 1..akhir].iter().map(|k| k.0).collect();
            if kamus.berisi(teks.trim_matches(|c: char| !c.is_alphanumeric())) {
                mulai[i] = false;
            }
        }
    }
    mulai
}

/// Words of two letters the lexicon (of three and more) leaves out.
const KATA_PENDEK: &[&str] = &["ke", "di", "ya"];

/// Where a run of characters `kata` (its gaps `celah`) not a word of the
/// lexicon is two: at its widest gap wider than `lebih` whose two sides are
/// each words of the lexicon or capitals (an abbreviation: `RI`), one of
/// them a word.
fn word_split(kata: &[Huruf], celah: &[f32], lebih: f32, kamus: &Kamus) -> Option<usize> {
    let teks: String = kata.iter().map(|k| k.0).collect();
    let inti = teks.trim_matches(|c: char| !c.is_alphanumeric());
    if kata.len() < 4 || kamus.berisi(inti) || !inti.chars().any(char::is_alphabetic) {
        return None;
    }
    // capitals, the I of one read as the stroke it looks like before
    // tidy_words says which it is (`RI` read `Rl`)
    let singkatan = |b: &str| {
        b.starts_with(|c: char| c.is_ascii_uppercase())
            && b.chars()
                .all(|c| c.is_ascii_uppercase() || matches!(c, 'l' | '1' | '|'))
    };
    // each piece between marks a word, or a capital abbreviation
    let kata_atau_singkatan = |s: &str| {
        let bagian: Vec<&str> = s
            .split(|c: char| !c.is_alphanumeric())
            .filter(|b| !b.is_empty())
            .collect();
        let kenal = bagian.iter().any(|b| kamus.berisi(b));
        let semua = !bagian.is_empty()
            && bagian.iter().all(|b| {
                kamus.berisi(b)
                    || (b.len() <= 4 && singkatan(b))
                    || KATA_PENDEK.contains(&b.to_lowercase().as_str())
            });
        (semua, kenal)
    };
    let mut urut: Vec<usize> = (0..celah.len()).filter(|&j| celah[j] > lebih).collect();
    urut.sort_by(|&a, &b| celah[b].total_cmp(&celah[a]));
    urut.into_iter().map(|j| j + 1).find(|&j| {
        // a hyphen or a slash joins the words it stands between
        // (`SPH-SBS`, `Kab/Kota`)
        if matches!(kata[j - 1].0, '-' | '/') || matches!(kata[j].0, '-' | '/') {
            return false;
        }
        let (kiri, kanan): (String, String) = (
            kata[..j].iter().map(|k| k.0).collect(),
            kata[j..].iter().map(|k| k.0).collect(),
        );
        let ((a, ka), (b, kb)) = (kata_atau_singkatan(&kiri), kata_atau_singkatan(&kanan));
        a && b && (ka || kb)
    })
}

/// Strokes a slash touching its neighbours is read as (the slant of a
/// hinted `/` is a pixel or two: a bracket, a stem, a 7's).
const GARIS_MIRING: &str = "f(|!1lIt)7";

/// A stroke between two words of the lexicon, the second a capital, is a
/// slash: `Kab/Kota`, `ASEM/ATAP`.
fn slash(w: &mut [Huruf], kamus: &Kamus) {
    let teks: Vec<char> = w.iter().map(|k| k.0).collect();
    let huruf = |a: &[char]| a.len() >= 2 && a.iter().all(|c| c.is_alphabetic());
    for i in 2..teks.len().saturating_sub(2) {
        if !GARIS_MIRING.contains(teks[i]) || !teks[i + 1].is_uppercase() {
            continue;
        }
        let (kiri, kanan) = (&teks[..i], &teks[i + 1..]);
        let kanan = &kanan[..kanan
            .iter()
            .position(|c| !c.is_alphabetic())
            .unwrap_or(kanan.len())];
        let kenal = |a: &[char]| kamus.berisi(&a.iter().collect::<String>());
        let kapital = |a: &[char]| a.iter().all(|c| c.is_uppercase());
        // never a letter of the word before (`Output` before a capital);
        // between capitals, a mark only (an I in `GRATIFIKASI` is a letter)
        let tanda = !teks[i].is_alphabetic();
        if huruf(kiri)
            && huruf(kanan)
            && !kenal(&teks[..=i])
            && !kenal(&teks[..i + 1 + kanan.len()])
            && ((kenal(kiri) && kenal(kanan)) || (tanda && kapital(kiri) && kapital(kanan)))
        {
            w[i].0 = '/';
            return;
        }
    }
}

/// A stroke in a word is an i whose dot merged, an l, or a capital I:
/// where the word as read is not one the lexicon knows but one of the
/// readings of its strokes as i or l is, that reading.
fn i_or_l(w: &mut [Huruf], kamus: &Kamus) {
    // the word between the marks around it: `(jika`, `entri)`
    let (Some(a), Some(b)) = (
        w.iter().position(|k| k.0.is_alphanumeric()),
        w.iter().rposition(|k| k.0.is_alphanumeric()),
    ) else {
        return;
    };
    let eja: Vec<char> = w[a..=b].iter().map(|k| k.0).collect();
    let teks: String = eja.iter().collect();
    let batang: Vec<usize> = (1..eja.len())
        .filter(|&i| matches!(eja[i], 'i' | 'l' | 'I' | '1'))
        .collect();
    let huruf = eja.iter().filter(|c| c.is_alphabetic()).count();
    if batang.is_empty() || batang.len() > 4 || huruf < 3 || kamus.berisi(&teks) {
        return;
    }
    for pola in 0..1u32 << batang.len() {
        let mut coba = eja.clone();
        for (b, &i) in batang.iter().enumerate() {
            coba[i] = if pola >> b & 1 == 1 { 'l' } else { 'i' };
        }
        if kamus.berisi(&coba.iter().collect::<String>()) {
            let w = &mut w[a..=b];
            for &i in &batang {
                w[i].0 = coba[i];
            }
            return;
        }
    }
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

fn heading_word(kata: &[Huruf], kamus: &Kamus) -> Vec<Huruf> {
    let huruf: String = kata.iter().map(|k| k.0.to_ascii_lowercase()).collect();
    let n = kata.len();
    // a word of its own (pelaksanaan) is not a heading one letter off
    if n < 4
        || !huruf.chars().all(|c| c.is_ascii_alphabetic())
        || KEPALA.contains(&huruf.as_str())
        || kamus.berisi(&huruf)
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

#[cfg(test)]
mod tests {
    use super::super::Raster;
    use super::*;

    /// `teks` in Liberation Sans at `em` pixels, each letter `rapat` pixels
    /// nearer the one before than the face spaces it, as darkness.
    fn set(teks: &str, em: f32, rapat: f32) -> Raster {
        let ps = templates(em);
        let (w, h) = ((teks.len() as f32 * em) as usize + 20, (2.0 * em) as usize);
        let mut dark = vec![0u8; w * h];
        let dasar = 1.4 * em;
        let mut pena = 10.0;
        for c in teks.chars() {
            let Some(p) = ps.iter().find(|p| p.c == c) else {
                pena += 0.28 * em;
                continue;
            };
            let (x0, y0) = (
                (pena + p.kiri).round() as usize,
                (dasar + p.atas).round() as usize,
            );
            for y in 0..p.h {
                for x in 0..p.w {
                    let d = &mut dark[(y0 + y) * w + x0 + x];
                    *d = (*d).max((p.px[y * p.w + x] * 255.0) as u8);
                }
            }
            pena += p.maju - rapat;
        }
        Raster { w, h, dark }
    }

    /// The letters the segmentation reads in `teks` set touching, as one
    /// group, at a known size: (character, ink's left column) each.
    fn read_touching(teks: &str) -> Vec<(char, usize, usize)> {
        let em = 22.0;
        let r = set(teks, em, 1.0);
        let (label, g) = one_group(&r);
        let ps = templates(em);
        let tegak = ps.iter().take_while(|p| !p.miring).count();
        let mut ink = ink_of(&r, &label, &g, em);
        let (_, huruf) = read_group(&mut ink, &ps[..tegak]);
        huruf
            .iter()
            .map(|l| (ps[l.pi].c, l.x, l.x + ps[l.pi].w))
            .collect()
    }

    /// The ink of raster `r` as one group of its pieces (4-connected):
    /// their labels, and the group.
    fn one_group(r: &Raster) -> (Vec<u32>, Group) {
        let mut label = vec![0u32; r.dark.len()];
        let mut n = 0;
        for i in 0..label.len() {
            if r.dark[i] < TINTA || label[i] != 0 {
                continue;
            }
            n += 1;
            let mut tumpuk = vec![i];
            label[i] = n;
            while let Some(j) = tumpuk.pop() {
                let (x, y) = (j % r.w, j / r.w);
                let tetangga = [
                    (x > 0).then(|| j - 1),
                    (x + 1 < r.w).then(|| j + 1),
                    (y > 0).then(|| j - r.w),
                    (y + 1 < r.h).then(|| j + r.w),
                ];
                for k in tetangga.into_iter().flatten() {
                    if r.dark[k] >= TINTA && label[k] == 0 {
                        label[k] = n;
                        tumpuk.push(k);
                    }
                }
            }
        }
        let (x0, x1) = (0..r.w)
            .filter(|&x| (0..r.h).any(|y| label[y * r.w + x] != 0))
            .fold((usize::MAX, 0), |(a, b), x| (a.min(x), b.max(x + 1)));
        let g = Group {
            x0,
            y0: 0,
            x1,
            y1: r.h,
            keping: (1..=n).collect(),
        };
        (label, g)
    }

    /// The ink of group `g` of a raster [`set`] at `em`.
    fn ink_of<'a>(r: &'a Raster, label: &'a [u32], g: &'a Group, em: f32) -> Ink<'a> {
        Ink::of(Letters {
            c: r,
            label,
            g,
            dasar: (1.4 * em).round() as usize,
            em,
        })
        .expect("the letters are ink")
    }

    /// Which of the stems `cs` fit at the ink's first column of `teks` set
    /// at 22 px, by their placement's height and dots alone.
    fn stems_fitting(teks: &str, cs: &str) -> String {
        stems_fitting_raster(&set(teks, 22.0, 0.0), 22.0, cs)
    }

    /// Which of the stems `cs` fit at the first column of the ink of `r`,
    /// its letters `em` px.
    fn stems_fitting_raster(r: &Raster, em: f32, cs: &str) -> String {
        let (label, g) = one_group(r);
        let ink = ink_of(r, &label, &g, em);
        let ps = templates(em);
        cs.chars()
            .filter(|&c| {
                let p = ps.iter().find(|p| p.c == c).expect("a template");
                (ink.ia.saturating_sub(1)..=ink.ia + 1).any(|x| ink.measure(p, x).is_some())
            })
            .collect()
    }

    #[test]
    fn a_stem_is_an_i_by_its_dot_and_no_other_stem_is() {
        // an i: its dot, a blank, a stem from the x-height to the baseline
        assert_eq!(stems_fitting("i", "itlIf"), "i");
        // no dot above the first stem of an n or u: not an i
        assert_eq!(stems_fitting("n", "i"), "");
        assert_eq!(stems_fitting("u", "i"), "");
        // a t and an l are what they are, never an i
        assert_eq!(stems_fitting("t", "it"), "t");
        assert_eq!(stems_fitting("l", "lI"), "lI");
    }

    /// Whether a template of `c` can be placed anywhere on the ink of
    /// `teks` set touching at 22 px.
    fn placeable(teks: &str, c: char) -> bool {
        let em = 22.0;
        let r = set(teks, em, 1.0);
        let (label, g) = one_group(&r);
        let ink = ink_of(&r, &label, &g, em);
        let ps = templates(em);
        let p = ps.iter().find(|p| p.c == c).expect("a template");
        (ink.ia - 1..ink.ib).any(|x| ink.measure(p, x).is_some())
    }

    #[test]
    fn a_dot_is_ink_only_an_i_explains() {
        // a touching ti is a t and an i, no h whose arch lies under the dot
        let huruf: String = read_touching("ti").iter().map(|h| h.0).collect();
        assert_eq!(huruf, "ti");
        // a j reaches below the line: an i is no j
        assert!(!placeable("i", 'j'));
        assert!(placeable("j", 'j'));
    }

    #[test]
    fn the_parted_top_of_a_t_is_no_dot() {
        let em = 22.0;
        let mut r = set("t", em, 0.0);
        // the crossbar: the first row wider than the stem; the row above
        // it blanked, as a light raster parts the t's top from it
        let lebar =
            |r: &Raster, y: usize| (0..r.w).filter(|&x| r.dark[y * r.w + x] >= TINTA).count();
        let atas = (0..r.h).find(|&y| lebar(&r, y) > 0).expect("ink");
        let batang = lebar(&r, atas + 1);
        let palang = (atas..r.h)
            .find(|&y| lebar(&r, y) > batang + 2)
            .expect("a crossbar");
        r.dark[(palang - 1) * r.w..palang * r.w].fill(0);
        let (label, g) = one_group(&r);
        assert_eq!(g.keping.len(), 2, "the top parted from the crossbar");
        let mut ink = ink_of(&r, &label, &g, em);
        assert!(ink.celah_titik.iter().all(Option::is_none));
        assert!(stems_fitting_raster(&r, em, "t").contains('t'));
        let ps = templates(em);
        let tegak = ps.iter().take_while(|p| !p.miring).count();
        let (_, huruf) = read_group(&mut ink, &ps[..tegak]);
        let dibaca: String = huruf.iter().map(|l| ps[l.pi].c).collect();
        assert_eq!(dibaca, "t");
        // an i's dot over its stem is one
        let r = set("i", em, 0.0);
        let (label, g) = one_group(&r);
        let ink = ink_of(&r, &label, &g, em);
        assert!(ink.celah_titik.iter().any(Option::is_some));
    }

    /// `teks` as letters read, each `lebar` wide (of `em` 10) and the gap
    /// before each given by `celah` (the gap before letter i, by index;
    /// others 0).
    fn letters(teks: &str, celah: &[(usize, f32)]) -> Vec<Huruf> {
        let mut x = 0.0;
        teks.chars()
            .enumerate()
            .map(|(i, c)| {
                x += celah.iter().find(|g| g.0 == i).map_or(0.0, |g| g.1);
                let k = (c, x, x + 5.0, 0.9, false);
                x += 5.0;
                k
            })
            .collect()
    }

    fn words(kata: &[Huruf], mulai: &[bool]) -> String {
        let mut s = String::new();
        for (k, &m) in kata.iter().zip(mulai) {
            if m {
                s.push(' ');
            }
            s.push(k.0);
        }
        s
    }

    #[test]
    fn a_word_gap_is_measured_against_the_lines_own_letter_gaps() {
        let kamus = Kamus::dengan([]);
        // letters set a little tight, words 1.6 apart at size 10: narrower
        // than a fifth of the size, still a space
        let teks = "kirim ke BPS Kab/Kota tiap bulan";
        let mut celah = Vec::new();
        let mut tanpa_spasi = String::new();
        for (i, w) in teks.split(' ').enumerate() {
            if i > 0 {
                celah.push((tanpa_spasi.chars().count(), 2.0));
            }
            tanpa_spasi.push_str(w);
        }
        // every letter 0.4 closer than the face sets it
        let mut kata = letters(&tanpa_spasi, &celah);
        for (i, k) in kata.iter_mut().enumerate() {
            k.1 -= 0.4 * i as f32;
            k.2 -= 0.4 * i as f32;
        }
        let mulai = word_starts(&kata, 10.0, &kamus);
        assert_eq!(words(&kata, &mulai), teks);
        // the same gap without the line's tight letters is no space
        let longgar = letters("kirimke", &[(5, 1.0)]);
        assert!(!word_starts(&longgar, 10.0, &kamus)[5]);
    }

    #[test]
    fn a_run_the_lexicon_does_not_know_is_parted_where_it_makes_words() {
        let kamus = Kamus::dengan([]);
        // the gap between S and R wider than the letters', narrower than a
        // space: BPS and the capitals RI; the gap in `buLan` parts nothing
        let kata = letters("kirimBPSRI", &[(5, 2.5), (8, 1.0)]);
        let mulai = word_starts(&kata, 10.0, &kamus);
        assert_eq!(words(&kata, &mulai), "kirim BPS RI");
        let kata = letters("buLanan", &[(2, 1.0)]);
        assert_eq!(words(&kata, &word_starts(&kata, 10.0, &kamus)), "buLanan");
    }

    #[test]
    fn the_lexicon_changes_no_letter_the_pixels_read_clearly() {
        let dibaca =
            |w: &str, skor: f32| -> Vec<(char, f32)> { w.chars().map(|c| (c, skor)).collect() };
        let seq = |w: &str| -> Vec<char> { w.chars().collect() };
        // a p read clearly is no v, an a no e, a t no f
        assert!(overrides(&dibaca("propinsi", 0.9), &seq("provinsi")));
        assert!(overrides(&dibaca("olah", 0.9), &seq("oleh")));
        assert!(overrides(&dibaca("Stat", 0.9), &seq("Staf")));
        // letters of one shape, or read poorly, may be the lexicon's
        assert!(!overrides(&dibaca("Pefaksana", 0.9), &seq("Pelaksana")));
        assert!(!overrides(&dibaca("oata", 0.9), &seq("data")));
        assert!(!overrides(&dibaca("propinsi", 0.5), &seq("provinsi")));
        // touching letters parted otherwise (ri read as n)
        assert!(!overrides(&dibaca("penenmaan", 0.9), &seq("penerimaan")));
    }

    #[test]
    fn a_stroke_between_two_words_before_a_capital_is_a_slash() {
        let kamus = Kamus::dengan([]);
        for (dibaca, benar) in [
            ("KabfKota", "Kab/Kota"),
            ("Kab(Kota", "Kab/Kota"),
            ("ASEM(ATAP", "ASEM/ATAP"),
            ("KablKota", "Kab/Kota"),
            ("Statistik", "Statistik"),
            ("GRATIFIKASI", "GRATIFIKASI"),
            ("fileKota", "fileKota"),
        ] {
            let mut w = letters(dibaca, &[]);
            slash(&mut w, &kamus);
            assert_eq!(w.iter().map(|k| k.0).collect::<String>(), benar);
        }
    }

    #[test]
    fn a_touching_pair_is_explained_by_two_templates() {
        // (ri, rn and tt fused this tightly still read as n, m and tr: the
        // lexicon takes them apart inside a word)
        for pair in ["rt", "ti", "nt", "fi"] {
            let dibaca = read_touching(pair);
            let teks: String = dibaca.iter().map(|h| h.0).collect();
            assert_eq!(teks, pair);
            // the second begins where the first's ink ends, give or take
            // a column
            assert!(dibaca[1].1.abs_diff(dibaca[0].2) <= 1, "{pair}: {dibaca:?}");
        }
    }

    #[test]
    fn a_hyphen_touching_a_letter_is_a_hyphen() {
        // (a stop or a dash elsewhere in touching letters is a letter's foot
        // or bar: `e` is no `c` and a dash)
        for (teks, benar) in [("-S", "-S"), ("H-", "H-"), ("e", "e")] {
            let dibaca: String = read_touching(teks).iter().map(|h| h.0).collect();
            assert_eq!(dibaca, benar);
        }
    }

    #[test]
    fn a_hyphen_joins_and_a_comma_or_a_closing_bracket_parts_words() {
        let kamus = Kamus::dengan([]);
        // the widest gap of `SPH-SBS`, wider than its letters', is beside
        // its hyphen: no space there (`SPH` and `SBS` are capitals)
        let kata = letters("SPH-SBS", &[(4, 1.0)]);
        assert_eq!(words(&kata, &word_starts(&kata, 10.0, &kamus)), "SPH-SBS");
        let kata = letters("kirimBPSRl", &[(5, 2.5), (8, 1.0)]);
        assert_eq!(
            words(&kata, &word_starts(&kata, 10.0, &kamus)),
            "kirim BPS Rl"
        );
        let kata = letters("Kab/Kota", &[(3, 1.0)]);
        assert_eq!(words(&kata, &word_starts(&kata, 10.0, &kamus)), "Kab/Kota");
        // a comma, a semicolon, a bracket closed set close to the next word
        let kata = letters("Internet,PC;raw", &[(9, 0.5), (12, 0.5)]);
        assert_eq!(
            words(&kata, &word_starts(&kata, 10.0, &kamus)),
            "Internet, PC; raw"
        );
        // (letters 0.6 apart: a gap of 1.5 is no space of its own)
        let renggang = |teks: &str, lebar: &[(usize, f32)]| {
            let celah: Vec<(usize, f32)> = (1..teks.len())
                .map(|i| lebar.iter().find(|g| g.0 == i).copied().unwrap_or((i, 0.6)))
                .collect();
            letters(teks, &celah)
        };
        let kata = renggang("ASEM(80%)ATAP", &[(4, 3.0), (9, 1.5)]);
        assert_eq!(
            words(&kata, &word_starts(&kata, 10.0, &kamus)),
            "ASEM (80%) ATAP"
        );
        // a bracket no bracket opened (a 1 read so) parts nothing
        let kata = renggang("abcde)fghij", &[(6, 1.5)]);
        assert_eq!(
            words(&kata, &word_starts(&kata, 10.0, &kamus)),
            "abcde)fghij"
        );
    }

    #[test]
    fn a_line_of_short_words_is_set_evenly_by_its_letters_gaps() {
        let kamus = Kamus::dengan([]);
        // the gaps of `1-5 di awal bulan` in a screenshot at size 16.76:
        // its three word gaps are no letters' gaps, and without them the
        // line is set evenly, so the narrower gap of `awal bulan` (less
        // than a fifth of the size) is a space
        let celah = [
            1.6, 0.4, 4.5, 0.1, 3.8, 0.3, 0.0, 0.1, 3.3, -0.4, 0.5, -0.3, 0.2,
        ];
        let celah: Vec<(usize, f32)> = celah.iter().enumerate().map(|(i, &c)| (i + 1, c)).collect();
        let kata = letters("1-5diawalbulan", &celah);
        assert_eq!(
            words(&kata, &word_starts(&kata, 16.76, &kamus)),
            "1-5 di awal bulan"
        );
    }

    #[test]
    fn a_stem_among_capitals_is_an_i() {
        let kamus = Kamus::dengan([]);
        for (dibaca, benar) in [("SfMSPH", "SIMSPH"), ("BPSRl", "BPSRI"), ("file", "file")] {
            let mut kata = letters(dibaca, &[]);
            tidy_words(&mut kata, 10.0, &kamus);
            assert_eq!(kata.iter().map(|k| k.0).collect::<String>(), benar);
        }
    }

    #[test]
    fn a_comma_the_threshold_broke_into_pixels_is_read() {
        // `ab` on baseline 20 at size 20, then two pixels of a comma below
        // it, one of a semicolon's dot above one read comma
        let (w, h) = (60, 30);
        let mut dark = vec![0u8; w * h];
        let mut label = vec![0u32; w * h];
        let mut keping = Vec::new();
        for (x, y) in [(31, 19), (30, 21), (50, 10)] {
            dark[y * w + x] = 200;
            keping.push(Piece {
                x0: x,
                y0: y,
                x1: x + 1,
                y1: y + 1,
                n: 1,
            });
            label[y * w + x] = keping.len() as u32;
        }
        let c = Raster { w, h, dark };
        let gambar = Gambar {
            c: &c,
            label: &label,
            grup: &[],
        };
        let mut kata = vec![
            ('a', 10.0, 21.0, 0.9, false),
            ('b', 21.0, 32.0, 0.9, false),
            ('c', 36.0, 47.0, 0.9, false),
            (',', 48.0, 53.0, 0.9, false),
        ];
        faint_marks(&gambar, &keping, 20, 20.0, &mut kata);
        let teks: String = kata.iter().map(|k| k.0).collect();
        assert_eq!(teks, "ab,c;");
        // a speck on the baseline alone is no comma
        let mut kata = vec![('a', 10.0, 21.0, 0.9, false), ('b', 21.0, 32.0, 0.9, false)];
        let mut keping1 = keping.clone();
        keping1[1].n = 2;
        faint_marks(&gambar, &keping1, 20, 20.0, &mut kata);
        assert_eq!(kata.len(), 2);
        // a stop read after a bracket, with no ink of its own there, is the
        // bracket's tail
        let mut kata = vec![
            ('a', 10.0, 21.0, 0.9, false),
            (')', 21.0, 27.0, 0.9, false),
            ('.', 26.0, 31.0, 0.9, false),
        ];
        faint_marks(&gambar, &keping, 20, 20.0, &mut kata);
        assert_eq!(kata.iter().map(|k| k.0).collect::<String>(), "a)");
    }
}
