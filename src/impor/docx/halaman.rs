//! Where Word lays a document's shapes on its pages: a shape anchored in
//! a cell whose paragraphs stand in its middle or at its bottom moves down
//! with them, one laid out in its cell and aligned down the page stands so
//! in the cell ([`rata_tegak`]); a shape anchored to the page or its margin
//! is placed over the table drawn under it ([`jangkar_halaman`]) once the
//! body is laid on its pages as Word does ([`alur_halaman`]).
//!
//! Phases: (1) the body's paragraphs and tables are laid out top to
//! bottom, page after page, each row's and paragraph's page and top noted,
//! and each table's left rule, a table nested in a cell inside it
//! ([`bersarang`]); (2) the shapes anchored to the page — in a cell, or in
//! a paragraph outside the tables — are taken to the page's coordinates
//! and from there to those of the table under them, the innermost; (3)
//! each goes into the cell it lies over, in that cell's coordinates, as if
//! anchored there, so that the rest of the reading does not tell them
//! apart.

use super::alinea;
use super::{Apung, Blok, Kertas, LetakTabel, Rata, Sel, Tabel, Tegak, Tubuh, at, tata_letak};
use crate::impor::gambar::{Acuan, Bentuk, Pinggir};

/// The shapes anchored in the paragraphs of a cell whose paragraphs stand
/// in its middle or at its bottom (`w:vAlign`) moved down with them: by
/// the room the cell (its rows, merged down too) leaves under its text, or
/// half of it; and the shapes laid out in a cell and aligned or placed by
/// a share down the page or its margin, which for them is the cell
/// (Word's 0 top and bottom cell margins), aligned in its height. Each
/// estimated where the text's height or the rows' are.
pub(super) fn rata_tegak(tabel: &mut [Tabel]) {
    // aligned down the cell (a shape laid out in it, its alignment kept
    // when it was placed in it: [`Sel::letakkan_di_alinea`])
    let jajar = |b: &Bentuk| b.acuan == (Acuan::Teks, Acuan::Teks) && b.jajar.v.is_some();
    let ikut = |b: &Bentuk| b.acuan.1 == Acuan::Teks && b.jajar.v.is_none();
    let geser = |c: &Sel| {
        (c.tegak != Tegak::Atas && c.gambar.iter().any(ikut)) || c.gambar.iter().any(jajar)
    };
    for t in tabel.iter_mut() {
        if !t.iter().flatten().any(geser) {
            continue;
        }
        let (tops, kira_baris) = tata_letak(t);
        for ri in 0..t.len() {
            for ci in 0..t[ri].len() {
                if !geser(&t[ri][ci]) {
                    continue;
                }
                // the rows it spans: down to the first not continuing it
                let kolom = t[ri][ci].kolom;
                let akhir = (ri + 1..t.len())
                    .find(|&j| at(&t[j], kolom).is_none_or(|c| !c.lanjutan))
                    .unwrap_or(t.len());
                let c = &mut t[ri][ci];
                let tinggi = tops[akhir] - tops[ri];
                let kira_sel = kira_baris[ri..akhir].iter().any(|k| *k);
                let (isi, kira_isi) = c.puncak().last().copied().unwrap_or((0.0, false));
                let ruang = (tinggi - isi).max(0.0);
                let tegak = c.tegak;
                let turun = match tegak {
                    Tegak::Atas => 0.0,
                    Tegak::Tengah => ruang / 2.0,
                    Tegak::Bawah => ruang,
                };
                for b in c.gambar.iter_mut() {
                    if jajar(b) {
                        *b = b.clone().jajarkan(None, Some(tinggi));
                        b.kira |= kira_sel;
                    } else if ikut(b) && tegak != Tegak::Atas {
                        *b = b.clone().geser(kurbo::Vec2::new(0.0, turun));
                        b.kira |= kira_isi || kira_sel;
                    }
                }
            }
        }
    }
}

/// A place on the pages Word prints: the page, the top (pt from the
/// page's top), and whether that top is estimated.
type Tempat = (usize, f64, bool);

/// Where a table's rows lie on the pages Word prints: the table's left
/// rule (pt from the page's left edge), each row's [`Tempat`], and the
/// page of its section.
struct DiHalaman {
    kiri: f64,
    lebar: f64,
    baris: Vec<Tempat>,
    kertas: Kertas,
}

/// Where the layout is: the page, the top of what comes next on it, and
/// whether that top is estimated.
struct Alur {
    hal: usize,
    y: f64,
    kira: bool,
}

impl Alur {
    /// A new page, its text from `atas`: where one is asked for, its top
    /// is known; where the text above filled the last, it is where the
    /// estimate of that text says.
    fn halaman_baru(&mut self, atas: f64, dipaksa: bool) {
        self.hal += 1;
        self.y = atas;
        if dipaksa {
            self.kira = false;
        }
    }

    /// The rows of table `t` (laid out as `l` says) from here on the
    /// pages of `k`, one under the other: a row that does not fit on the
    /// next page, under the table's header rows repeated there.
    fn baris(&mut self, t: &Tabel, l: &LetakTabel, k: &Kertas) -> Vec<Tempat> {
        let (atas, bawah) = (k.atas, k.tinggi - k.bawah);
        let (tops, kira_baris) = tata_letak(t);
        let tinggi = |r: usize| tops[r + 1] - tops[r];
        let kepala: f64 = (0..t.len())
            .take_while(|r| l.kepala.get(*r).copied().unwrap_or(false))
            .map(tinggi)
            .sum();
        let mut baris = Vec::new();
        for (r, kira_r) in kira_baris.iter().enumerate() {
            let h = tinggi(r);
            if self.y + h > bawah && self.y > atas && !baris.is_empty() {
                self.halaman_baru(atas, false);
                self.y += kepala;
            }
            baris.push((self.hal, self.y, self.kira));
            self.y += h;
            self.kira |= kira_r;
        }
        baris
    }
}

/// The page of each block of the body: that of the section it is in (the
/// section a paragraph's `w:sectPr` ends, or the body's last).
fn kertas_blok(tubuh: &Tubuh) -> Vec<Kertas> {
    let mut kini = tubuh.kertas;
    let mut out: Vec<Kertas> = tubuh
        .blok
        .iter()
        .rev()
        .map(|b| {
            if let Blok::Alinea {
                bagian: Some((k, _)),
                ..
            } = b
            {
                kini = *k;
            }
            kini
        })
        .collect();
    out.reverse();
    out
}

/// The body laid on its pages as Word does, top to bottom: a paragraph
/// as high as [`alinea::tinggi`] makes it, a table's rows as
/// [`tata_letak`] does, each on the page of its section, a new page where
/// one is asked for (before a paragraph or a table's first row, inside a
/// paragraph, after a section) or where what comes does not fit (a row as
/// a whole; a table's header rows repeated at the next page's top).
/// Returns where each top-level table lies, and each paragraph's place
/// and the page of its section.
fn alur_halaman(tubuh: &Tubuh) -> (Vec<Option<DiHalaman>>, Vec<(Tempat, Kertas)>) {
    let mut tabel: Vec<Option<DiHalaman>> = (0..tubuh.tabel.len()).map(|_| None).collect();
    let mut alinea = Vec::new();
    let kertas = kertas_blok(tubuh);
    let mut a = Alur {
        hal: 0,
        y: kertas.first().map_or(tubuh.kertas.atas, |k| k.atas),
        kira: false,
    };
    for (blok, k) in tubuh.blok.iter().zip(kertas) {
        let (atas, bawah) = (k.atas, k.tinggi - k.bawah);
        let lebar = k.lebar - k.kiri - k.kanan;
        match blok {
            Blok::Alinea {
                huruf,
                ukuran,
                jarak,
                sebaris,
                putus_sebelum,
                putus,
                bagian,
                ..
            } => {
                if *putus_sebelum && a.y > atas {
                    a.halaman_baru(atas, true);
                }
                let (h, kira) = alinea::tinggi(*huruf, *ukuran, jarak, lebar, *sebaris);
                if a.y + h > bawah && a.y > atas {
                    a.halaman_baru(atas, false);
                }
                alinea.push(((a.hal, a.y, a.kira), k));
                a.y += h;
                a.kira |= kira;
                if *putus || bagian.is_some_and(|b| b.1) {
                    a.halaman_baru(atas, true);
                }
            }
            Blok::Tabel(i) => {
                let (Some(t), Some(l)) = (tubuh.tabel.get(*i), tubuh.letak.get(*i)) else {
                    continue;
                };
                if l.putus && a.y > atas {
                    a.halaman_baru(atas, true);
                }
                if let Some(apung) = l.apung {
                    let d = mengapung(t, l, &apung, &k, &mut a);
                    bersarang(tubuh, *i, &d, &mut tabel, 0);
                    tabel[*i] = Some(d);
                    continue;
                }
                let baris = a.baris(t, l, &k);
                let d = DiHalaman {
                    kiri: k.kiri + kiri_tabel(l, lebar, tubuh.baru),
                    lebar: l.lebar,
                    baris,
                    kertas: k,
                };
                bersarang(tubuh, *i, &d, &mut tabel, 0);
                tabel[*i] = Some(d);
            }
        }
    }
    (tabel, alinea)
}

/// A table's left rule from the left of the text it stands in, `lebar`
/// pt wide: set in by `w:tblInd`, less its cell margin unless under Word
/// 2013's layout (`baru`), or centred or right (`w:jc`).
fn kiri_tabel(l: &LetakTabel, lebar: f64, baru: bool) -> f64 {
    let geser = if baru { 0.0 } else { l.margin };
    match l.rata {
        Rata::Kiri => l.ind - geser,
        Rata::Tengah => (lebar - l.lebar) / 2.0,
        Rata::Kanan => lebar - l.lebar,
    }
}

/// The tables nested in the cells of table `ti` (laid on its pages as
/// `d` says), and those nested in theirs, on the pages: each from the
/// top of the cell's text below what stands above it in the cell
/// ([`Sel::susun`]), across from the cell's text as a table from the
/// page's text ([`kiri_tabel`]), its rows one under the other, a row that
/// does not fit on the page on the next (its header rows repeated there).
fn bersarang(
    tubuh: &Tubuh,
    ti: usize,
    d: &DiHalaman,
    tabel: &mut [Option<DiHalaman>],
    dalam: usize,
) {
    let Some(t) = tubuh.tabel.get(ti) else { return };
    if dalam >= super::MAX_TABLES_DEEP {
        return;
    }
    let k = d.kertas;
    for (r, &(hal, y_baris, kira_baris)) in t.iter().zip(&d.baris) {
        for c in r.iter().filter(|c| !c.sarang.is_empty()) {
            let lebar = c.x.1 - c.x.0 - 2.0 * c.margin;
            for (tn, (y, kira)) in c.susun().1 {
                let (Some(n), Some(l)) = (tubuh.tabel.get(tn), tubuh.letak.get(tn)) else {
                    continue;
                };
                let mut a = Alur {
                    hal,
                    y: y_baris + y,
                    kira: kira_baris || kira,
                };
                let baris = a.baris(n, l, &k);
                let dn = DiHalaman {
                    kiri: d.kiri + c.x.0 + c.margin + kiri_tabel(l, lebar, tubuh.baru),
                    lebar: l.lebar,
                    baris,
                    kertas: k,
                };
                bersarang(tubuh, tn, &dn, tabel, dalam + 1);
                if let Some(slot) = tabel.get_mut(tn) {
                    *slot = Some(dn);
                }
            }
        }
    }
}

/// A floating table (`w:tblpPr`) on the page the layout is at: its left
/// rule and top where it says (its rows one under the other, on that
/// page), the text after it below it. impor: which rule `tblpX` and
/// `tblpY` place is Word's to say; every row is marked estimated.
fn mengapung(t: &Tabel, l: &LetakTabel, apung: &Apung, k: &Kertas, a: &mut Alur) -> DiHalaman {
    let lebar = k.lebar - k.kiri - k.kanan;
    let (x0, ruang) = match apung.h {
        Acuan::Halaman | Acuan::Pinggir(_) => (0.0, k.lebar),
        Acuan::Margin | Acuan::Teks => (k.kiri, lebar),
    };
    let kiri = x0
        + match apung.rata {
            None => apung.x,
            Some(Rata::Kiri) => 0.0,
            Some(Rata::Tengah) => (ruang - l.lebar) / 2.0,
            Some(Rata::Kanan) => ruang - l.lebar,
        };
    let mut y = apung.y
        + match apung.v {
            Acuan::Teks => a.y,
            v => asal(v, k, true),
        };
    let (tops, _) = tata_letak(t);
    let mut baris = Vec::new();
    for r in 0..t.len() {
        baris.push((a.hal, y, true));
        y += tops[r + 1] - tops[r];
    }
    a.y = a.y.max(y);
    a.kira = true;
    DiHalaman {
        kiri,
        lebar: l.lebar,
        baris,
        kertas: *k,
    }
}

/// Shapes anchored to the page or its margin — in a paragraph outside the
/// tables, or in a cell — moved into the cell of the table they are drawn
/// over (the innermost, where one is nested in another), in its
/// coordinates, as if anchored there: a drafter draws the flowchart over
/// the table. Where the table's place on its page came from the estimate
/// of the text above it, the shapes are marked so.
pub(super) fn jangkar_halaman(tubuh: &mut Tubuh) {
    let lepas = tubuh.blok.iter().any(|b| match b {
        Blok::Alinea { gambar, .. } => !gambar.is_empty(),
        Blok::Tabel(_) => false,
    });
    let di_sel = tubuh
        .tabel
        .iter()
        .flatten()
        .flatten()
        .any(|c| c.gambar.iter().any(ke_halaman));
    if !lepas && !di_sel {
        return;
    }
    let (letak, alinea) = alur_halaman(tubuh);
    let tops: Vec<Vec<f64>> = tubuh.tabel.iter().map(|t| tata_letak(t).0).collect();
    let mut di_halaman = dari_sel(tubuh, &letak);
    di_halaman.extend(dari_alinea(tubuh, &alinea));
    for (hal, b) in di_halaman {
        if let Some((ti, b)) = ke_tabel(&letak, &tops, hal, b) {
            taruh(&mut tubuh.tabel[ti], &tops[ti], b);
        }
    }
}

/// A shape whose offset counts from the page or its margin, on either axis.
fn ke_halaman(b: &Bentuk) -> bool {
    b.acuan != (Acuan::Teks, Acuan::Teks)
}

/// The shapes of the laid-out tables' cells anchored to the page or its
/// margin, taken out of their cells, each with its page and in that
/// page's coordinates (pt from its left edge and top).
fn dari_sel(tubuh: &mut Tubuh, letak: &[Option<DiHalaman>]) -> Vec<(usize, Bentuk)> {
    let mut pindah = Vec::new();
    for (ti, t) in tubuh.tabel.iter_mut().enumerate() {
        let Some(d) = &letak[ti] else { continue };
        let k = d.kertas;
        for (ri, r) in t.iter_mut().enumerate() {
            let Some(&(hal, y_hal, kira)) = d.baris.get(ri) else {
                continue;
            };
            for c in r.iter_mut() {
                let semua = std::mem::take(&mut c.gambar);
                let alinea = std::mem::take(&mut c.gambar_alinea);
                for (b, i) in semua.into_iter().zip(alinea) {
                    if !ke_halaman(&b) {
                        c.gambar.push(b);
                        c.gambar_alinea.push(i);
                        continue;
                    }
                    let (h, v) = b.acuan;
                    let b = b.jajarkan(ruang(h, &k, false), ruang(v, &k, true));
                    let teks = (d.kiri + c.x.0 + c.margin, y_hal, kira);
                    pindah.push((hal, pada_halaman(b, &k, teks)));
                }
            }
        }
    }
    pindah
}

/// The shapes anchored in paragraphs outside the tables, each with its
/// paragraph's page and in that page's coordinates.
fn dari_alinea(tubuh: &Tubuh, alinea: &[(Tempat, Kertas)]) -> Vec<(usize, Bentuk)> {
    let paragraf = tubuh.blok.iter().filter_map(|b| match b {
        Blok::Alinea {
            gambar,
            ukuran,
            jarak,
            ..
        } => Some((gambar, alinea::baris(*ukuran, jarak), jarak.sebelum)),
        Blok::Tabel(_) => None,
    });
    let mut pindah = Vec::new();
    for ((gambar, (garis, tepat), sebelum), &((hal, y_alinea, kira_alinea), k)) in
        paragraf.zip(alinea)
    {
        for b in gambar {
            // on the page: across from the page's edge, down from its top
            // (aligned across the column: between the margins; down its
            // paragraph's first line)
            let lebar = match b.acuan.0 {
                Acuan::Teks => Some(k.lebar - k.kiri - k.kanan),
                a => ruang(a, &k, false),
            };
            let segaris = b.acuan.1 == Acuan::Teks && b.jajar.v.is_some();
            let tinggi = match b.acuan.1 {
                Acuan::Teks => Some(garis),
                a => ruang(a, &k, true),
            };
            let b = b.clone().jajarkan(lebar, tinggi);
            let teks = if segaris {
                (k.kiri, y_alinea + sebelum, kira_alinea || !tepat)
            } else {
                (k.kiri, y_alinea, kira_alinea)
            };
            pindah.push((hal, pada_halaman(b, &k, teks)));
        }
    }
    pindah
}

/// Aligned shape `b` put on its page `k`: across from `teks.0` where its
/// offset counts from the text, else from the page's or margin's edge; down
/// from `teks.1` likewise, marked estimated where that is (`teks.2`).
fn pada_halaman(b: Bentuk, k: &Kertas, teks: (f64, f64, bool)) -> Bentuk {
    let (x_teks, y_teks, kira_teks) = teks;
    let x = match b.acuan.0 {
        Acuan::Teks => x_teks,
        h => asal(h, k, false),
    };
    let (y, kira) = match b.acuan.1 {
        Acuan::Teks => (y_teks, kira_teks),
        v => (asal(v, k, true), false),
    };
    let mut b = b.geser(kurbo::Vec2::new(x, y));
    b.kira |= kira;
    b
}

/// A shape on page `hal`, in its coordinates, into the coordinates of the
/// table it is drawn over ([`tabel_di`]), with that table's index; marked
/// estimated where the place on the page of the row it lands in is.
fn ke_tabel(
    letak: &[Option<DiHalaman>],
    tops: &[Vec<f64>],
    hal: usize,
    b: Bentuk,
) -> Option<(usize, Bentuk)> {
    let (ti, r) = tabel_di(letak, tops, hal, b.kotak.center())?;
    let d = letak[ti].as_ref()?;
    let turun = tops[ti][r] - d.baris[r].1;
    let mut b = b.geser(kurbo::Vec2::new(-d.kiri, turun));
    // estimated where the row it lands in lies so
    let y = b.kotak.center().y;
    let di = (r..d.baris.len()).rfind(|&i| tops[ti][i] <= y).unwrap_or(r);
    b.kira |= d.baris[di].2;
    Some((ti, b))
}

/// How wide (or, `tegak`, how high) what an offset counts from is, where
/// it is the page, its margin or a strip outside it: the room a shape
/// aligned in it (`wp:align`) or placed by a share of it (`wp14:pctPos…`)
/// is placed in.
fn ruang(acuan: Acuan, k: &Kertas, tegak: bool) -> Option<f64> {
    Some(match (acuan, tegak) {
        (Acuan::Halaman, false) => k.lebar,
        (Acuan::Halaman, true) => k.tinggi,
        (Acuan::Margin, false) => k.lebar - k.kiri - k.kanan,
        (Acuan::Margin, true) => k.tinggi - k.atas - k.bawah,
        (Acuan::Pinggir(Pinggir::Kiri), _) => k.kiri,
        (Acuan::Pinggir(Pinggir::Kanan), _) => k.kanan,
        (Acuan::Pinggir(Pinggir::Atas), _) => k.atas,
        (Acuan::Pinggir(Pinggir::Bawah), _) => k.bawah,
        (Acuan::Teks, _) => return None,
    })
}

/// Where what an offset counts from starts on the page, across (pt from
/// its left edge) or, `tegak`, down (from its top), where it is the page,
/// its margin or a strip outside it; the anchor's text starts where the
/// margin does.
fn asal(acuan: Acuan, k: &Kertas, tegak: bool) -> f64 {
    match (acuan, tegak) {
        (Acuan::Margin | Acuan::Teks, false) => k.kiri,
        (Acuan::Margin | Acuan::Teks, true) => k.atas,
        (Acuan::Pinggir(Pinggir::Kanan), _) => k.lebar - k.kanan,
        (Acuan::Pinggir(Pinggir::Bawah), _) => k.tinggi - k.bawah,
        (Acuan::Halaman | Acuan::Pinggir(_), _) => 0.0,
    }
}

/// The table on page `hal` nearest the point `m` there (pt from the
/// page's left edge and top) — of those it lies in, the innermost (the
/// least high there) — and its first row on that page.
fn tabel_di(
    letak: &[Option<DiHalaman>],
    tops: &[Vec<f64>],
    hal: usize,
    m: kurbo::Point,
) -> Option<(usize, usize)> {
    letak
        .iter()
        .enumerate()
        .filter_map(|(ti, d)| {
            let d = d.as_ref()?;
            let r = d.baris.iter().position(|b| b.0 == hal)?;
            let akhir = d.baris.iter().rposition(|b| b.0 == hal)?;
            let y0 = d.baris[r].1;
            let y1 = d.baris[akhir].1 + tops[ti][akhir + 1] - tops[ti][akhir];
            let (x0, x1) = (d.kiri, d.kiri + d.lebar);
            let jauh = (y0 - m.y).max(m.y - y1).max(0.0) + (x0 - m.x).max(m.x - x1).max(0.0);
            Some(((jauh, y1 - y0), ti, r))
        })
        .min_by(|a, b| a.0.0.total_cmp(&b.0.0).then(a.0.1.total_cmp(&b.0.1)))
        .map(|(_, ti, r)| (ti, r))
}

/// A shape (in table coordinates) into the cell it lies over — the row
/// of its middle, the cell of that row whose columns hold its middle or
/// the nearest — in that cell's coordinates.
fn taruh(t: &mut Tabel, tops: &[f64], mut b: Bentuk) {
    let m = b.kotak.center();
    let ri = (0..t.len()).rfind(|&r| tops[r] <= m.y).unwrap_or(0);
    let Some(r) = t.get_mut(ri) else { return };
    let jauh = |c: &Sel| (c.x.0 - m.x).max(m.x - c.x.1).max(0.0);
    let Some(c) = r.iter_mut().min_by(|a, b| jauh(a).total_cmp(&jauh(b))) else {
        return;
    };
    b.acuan = (Acuan::Teks, Acuan::Teks);
    // (laid over the table, not in its cell's text: it pushes none of it)
    b.lilit = None;
    c.gambar
        .push(b.geser(kurbo::Vec2::new(-(c.x.0 + c.margin), -tops[ri])));
    c.gambar_alinea.push(0);
}
