//! Routes of the arrows on the pages fixed by [`super::halaman`].
//!
//! Rules (FLOWCHART.md, learned the hard way):
//! - Each row holds one symbol, so a horizontal line inside a step's own row
//!   crosses nothing; horizontals run only in the rows of their ends: at a
//!   symbol's middle (side ports), just above it (the *top track*, where
//!   arrows coming down turn) and just below it (the *bottom track*).
//! - Verticals that pass other rows run in *lanes* inside the gutters beside
//!   the symbols, so they cross only row rules. Each lane holds one line per
//!   height; labels and connectors block the lanes they stand in.
//! - Ports: the bottom carries the exit to the next step (else a forward
//!   jump), the sides carry the other exits and the jumps coming back; the
//!   top takes every arrow coming down. A side is either an exit or an
//!   entry, never both.
//! - When the two ends are on different pages the edge becomes a pair of
//!   off-page connectors with one letter: below the table and on top of the
//!   next page's first row for the ordinary flow, beside the symbols for
//!   jumps (also back to an earlier page).

use super::{
    Bagan, Baris, Gambar, GambarSimbol, Garis, Halaman, Jalur, Konektor, Kotak, Label, Panah,
    Titik, ukuran,
};
use crate::paper::{Kolom, mm};
use std::collections::BTreeMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Sisi {
    Kiri,
    Kanan,
}

impl Sisi {
    fn lain(self) -> Sisi {
        match self {
            Sisi::Kiri => Sisi::Kanan,
            Sisi::Kanan => Sisi::Kiri,
        }
    }
    /// +1 to the right, −1 to the left.
    fn arah(self) -> f64 {
        match self {
            Sisi::Kiri => -1.0,
            Sisi::Kanan => 1.0,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Keluar {
    Bawah,
    Sisi(Sisi),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Masuk {
    Atas,
    Sisi(Sisi),
}

/// Where a step sits on its page.
#[derive(Clone, Copy, Debug)]
struct Letak {
    halaman: usize,
    kolom: usize,
    kotak: Kotak,
    baris: Baris,
}

impl Letak {
    fn cx(&self) -> f64 {
        (self.kotak.x0 + self.kotak.x1) / 2.0
    }
    fn mid(&self) -> f64 {
        (self.kotak.y0 + self.kotak.y1) / 2.0
    }
    fn ujung(&self, s: Sisi) -> Titik {
        match s {
            Sisi::Kiri => Titik(self.kotak.x0, self.mid()),
            Sisi::Kanan => Titik(self.kotak.x1, self.mid()),
        }
    }
    fn atas(&self) -> Titik {
        Titik(self.cx(), self.kotak.y0)
    }
    fn bawah(&self) -> Titik {
        Titik(self.cx(), self.kotak.y1)
    }
    /// Where arrows coming down turn towards this symbol.
    fn jalur_atas(&self) -> f64 {
        self.kotak.y0 - ukuran::sela() / 2.0
    }
    /// Where a jump leaving the bottom turns towards its lane.
    fn jalur_bawah(&self) -> f64 {
        self.kotak.y1 + ukuran::sela() / 2.0
    }
}

/// How an edge is drawn.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Cara {
    /// Same page, bottom of a step into the top of the next one.
    Lurus,
    /// Same page, forward through a lane into the top of the target; out of
    /// the bottom, or out of a side chosen with the lane.
    Maju { bawah: bool },
    /// Same page, back through a lane from a side into a side.
    Mundur,
    /// A step back to itself: out of a side, into its own top.
    Diri,
    /// Across pages: a pair of connectors.
    Pindah(Keluar, Masuk),
}

/// What a side of a symbol is used for. A side is an exit or an entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Guna {
    Keluar,
    /// Entered by lines from lanes (they may share it).
    Masuk,
    /// Entered from an off-page connector.
    Konektor,
}

/// Plans every route and draws the pages.
pub fn rute(bagan: &Bagan, kolom: &Kolom, pages: &[Halaman]) -> (Vec<Gambar>, Vec<Jalur>) {
    let letak = letak(bagan, kolom, pages);
    let mut gambar: Vec<Gambar> = pages.iter().map(|_| Gambar::default()).collect();
    for (i, l) in letak.iter().enumerate() {
        gambar[l.halaman].simbol.push(GambarSimbol {
            langkah: i,
            bentuk: bagan.langkah[i].1,
            kotak: l.kotak,
        });
    }
    let (cara, sisi) = cara(bagan, kolom, &letak);
    let mut r = Perute {
        bagan,
        kolom,
        pages,
        letak: &letak,
        cara: &cara,
        sisi,
        gambar,
        jalur: vec![Jalur::Garis { halaman: 0 }; bagan.panah.len()],
        halangan: vec![Vec::new(); pages.len()],
        lajur: vec![Vec::new(); pages.len()],
    };
    r.label_tetap();
    r.konektor();
    r.garis();
    (r.gambar, r.jalur)
}

/// Symbol boxes: centred in the actor cell, below the connector room.
fn letak(bagan: &Bagan, kolom: &Kolom, pages: &[Halaman]) -> Vec<Letak> {
    let mut out = Vec::with_capacity(bagan.langkah.len());
    for (h, page) in pages.iter().enumerate() {
        for i in page.dari..page.sampai {
            let (k, bentuk) = bagan.langkah[i];
            let b = page.baris[i - page.dari];
            let tinggi = ukuran::tinggi_simbol(bentuk);
            let atas = b.atas + b.cadangan + (b.bawah - b.atas - b.cadangan - tinggi) / 2.0;
            let cx = kolom.tengah(k);
            let w = kolom.simbol_lebar / 2.0;
            out.push(Letak {
                halaman: h,
                kolom: k,
                kotak: Kotak::new(cx - w, atas, cx + w, atas + tinggi),
                baris: b,
            });
        }
    }
    out
}

type PetaSisi = BTreeMap<(usize, Sisi), Guna>;

/// How each edge is drawn, and the sides fixed before any lane is chosen:
/// the bottom goes to the exit into the next step (else to a forward jump on
/// the same page), connectors beside a symbol take the side with more room.
fn cara(bagan: &Bagan, kolom: &Kolom, letak: &[Letak]) -> (Vec<Cara>, PetaSisi) {
    let n = bagan.panah.len();
    let mut sisi = PetaSisi::new();
    let mut keluar: Vec<Keluar> = vec![Keluar::Bawah; n];
    let mut keluar_dari: Vec<Vec<usize>> = vec![Vec::new(); letak.len()];
    for (e, p) in bagan.panah.iter().enumerate() {
        keluar_dari[p.dari].push(e);
    }
    for s in 0..letak.len() {
        let exits = &keluar_dari[s];
        let sama = |e: usize| letak[s].halaman == letak[bagan.panah[e].ke].halaman;
        let bawah = exits
            .iter()
            .copied()
            .find(|&e| bagan.panah[e].ke == s + 1)
            .or_else(|| {
                exits
                    .iter()
                    .copied()
                    .find(|&e| bagan.panah[e].ke > s + 1 && sama(e))
            });
        for &e in exits {
            if Some(e) == bawah {
                continue;
            }
            // On-page side exits choose their side with their lane; a
            // connector beside the symbol is fixed now.
            let d = if sama(e) {
                Sisi::Kanan
            } else {
                let mau = sisi_lapang(kolom, letak[s].kolom);
                let d = if sisi.contains_key(&(s, mau)) {
                    mau.lain()
                } else {
                    mau
                };
                sisi.insert((s, d), Guna::Keluar);
                d
            };
            keluar[e] = Keluar::Sisi(d);
        }
    }
    let mut out = Vec::with_capacity(n);
    for (e, p) in bagan.panah.iter().enumerate() {
        let (s, t) = (&letak[p.dari], &letak[p.ke]);
        let c = if s.halaman != t.halaman {
            let masuk = if p.ke > p.dari && t.baris.cadangan > 0.0 {
                Masuk::Atas
            } else {
                let ada = [Sisi::Kiri, Sisi::Kanan]
                    .into_iter()
                    .find(|&d| sisi.get(&(p.ke, d)) == Some(&Guna::Konektor));
                let d = ada.unwrap_or_else(|| {
                    let mau = sisi_lapang(kolom, t.kolom);
                    if sisi.contains_key(&(p.ke, mau)) {
                        mau.lain()
                    } else {
                        mau
                    }
                });
                sisi.entry((p.ke, d)).or_insert(Guna::Konektor);
                Masuk::Sisi(d)
            };
            Cara::Pindah(keluar[e], masuk)
        } else if p.ke == p.dari {
            Cara::Diri
        } else if p.ke < p.dari {
            Cara::Mundur
        } else if keluar[e] == Keluar::Bawah && p.ke == p.dari + 1 {
            Cara::Lurus
        } else {
            Cara::Maju {
                bawah: keluar[e] == Keluar::Bawah,
            }
        };
        out.push(c);
    }
    (out, sisi)
}

/// The side of column `dari` facing column `ke` (right when the same).
fn arah_ke(dari: usize, ke: usize) -> Sisi {
    if ke < dari { Sisi::Kiri } else { Sisi::Kanan }
}

/// The side of a column with more free room, for a connector beside it:
/// towards the inner columns.
fn sisi_lapang(kolom: &Kolom, k: usize) -> Sisi {
    if k + 1 < kolom.aktor || k == 0 {
        Sisi::Kanan
    } else {
        Sisi::Kiri
    }
}

/// An obstacle for lanes: a label or a connector, and the edges it belongs to.
#[derive(Clone, Debug)]
struct Halangan {
    kotak: Kotak,
    milik: Vec<usize>,
    /// For the line from an incoming connector: its step, which other
    /// lines entering the same step may join.
    masuk: Option<usize>,
}

/// One way to route an edge through a lane.
struct Calon {
    pts: Vec<Titik>,
    label: Option<Kotak>,
    keluar: Option<Sisi>,
    masuk: Option<Sisi>,
    /// Rules broken (sides shared) and things run into: fewer is better.
    bentrok: usize,
    /// Preference and length: lower is better.
    biaya: f64,
}

struct Perute<'a> {
    bagan: &'a Bagan,
    kolom: &'a Kolom,
    pages: &'a [Halaman],
    letak: &'a [Letak],
    cara: &'a [Cara],
    sisi: PetaSisi,
    gambar: Vec<Gambar>,
    jalur: Vec<Jalur>,
    /// Per page.
    halangan: Vec<Vec<Halangan>>,
    /// Per page: vertical lines in lanes (x, y0, y1).
    lajur: Vec<Vec<(f64, f64, f64)>>,
}

impl Perute<'_> {
    fn panah(&self, e: usize) -> &Panah {
        &self.bagan.panah[e]
    }

    /// Labels of edges that need no lane: they are fixed, lanes go around.
    fn label_tetap(&mut self) {
        for e in 0..self.cara.len() {
            let Some(teks) = self.panah(e).label.clone() else {
                continue;
            };
            let p = self.panah(e).clone();
            let s = self.letak[p.dari];
            let (w, h) = ukuran::label(&teks);
            let kotak = match self.cara[e] {
                Cara::Lurus | Cara::Pindah(Keluar::Bawah, _) => label_bawah(&s, Sisi::Kanan, w, h),
                Cara::Pindah(Keluar::Sisi(d), _) => label_sisi(&s, d, w, h, true),
                _ => continue,
            };
            self.pasang_label(s.halaman, e, teks, kotak);
        }
    }

    fn pasang_label(&mut self, h: usize, e: usize, teks: String, kotak: Kotak) {
        self.halangan[h].push(Halangan {
            kotak,
            milik: vec![e],
            masuk: None,
        });
        self.gambar[h].label.push(Label {
            panah: e,
            teks,
            kotak,
        });
    }

    /// Off-page connectors: one incoming per target port, carrying every
    /// edge that enters there; one outgoing per edge.
    fn konektor(&mut self) {
        let mut masuk: BTreeMap<(usize, Masuk), Vec<usize>> = BTreeMap::new();
        for (e, c) in self.cara.iter().enumerate() {
            if let Cara::Pindah(_, m) = c {
                masuk.entry((self.panah(e).ke, *m)).or_default().push(e);
            }
        }
        // Letters in reading order of the first row each pair touches.
        let mut urut: Vec<((usize, Masuk), Vec<usize>)> = masuk.into_iter().collect();
        urut.sort_by_key(|((t, m), es)| {
            let first = es.iter().map(|&e| self.panah(e).dari).chain([*t]).min();
            (first, *t, *m)
        });
        for (n, ((t, m), es)) in urut.into_iter().enumerate() {
            let huruf = huruf(n);
            let lt = self.letak[t];
            let kotak = match m {
                Masuk::Atas => persegi(lt.cx(), lt.baris.atas + mm(1.2)),
                Masuk::Sisi(d) => samping(&lt, d, mm(3.5)),
            };
            // the line from the connector into the symbol
            let garis = match m {
                Masuk::Atas => vec![Titik(lt.cx(), kotak.y1), lt.atas()],
                Masuk::Sisi(d) => vec![Titik(tepi(&kotak, d.lain()), lt.mid()), lt.ujung(d)],
            };
            self.pasang_konektor(lt.halaman, &huruf, kotak, &garis, es.clone(), false);
            self.tarik(lt.halaman, es[0], garis);
            for &e in &es {
                self.keluar_konektor(e, &huruf);
            }
        }
    }

    fn keluar_konektor(&mut self, e: usize, huruf: &str) {
        let p = self.panah(e).clone();
        let s = self.letak[p.dari];
        let Cara::Pindah(k, _) = self.cara[e] else {
            return;
        };
        let (kotak, garis) = match k {
            Keluar::Bawah => {
                let bawah = self.pages[s.halaman].bawah;
                let kotak = persegi(s.cx(), bawah + mm(1.5));
                (kotak, vec![s.bawah(), Titik(s.cx(), kotak.y0)])
            }
            Keluar::Sisi(d) => {
                let label = self.gambar[s.halaman].label.iter().find(|l| l.panah == e);
                let jarak = label.map_or(mm(3.5), |l| {
                    (l.kotak.x1 - l.kotak.x0 + mm(2.4)).max(mm(3.5))
                });
                let kotak = samping(&s, d, jarak);
                (
                    kotak,
                    vec![s.ujung(d), Titik(tepi(&kotak, d.lain()), s.mid())],
                )
            }
        };
        self.pasang_konektor(s.halaman, huruf, kotak, &garis, vec![e], true);
        self.tarik(s.halaman, e, garis);
        self.jalur[e] = Jalur::Konektor {
            keluar: s.halaman,
            masuk: self.letak[p.ke].halaman,
            huruf: huruf.to_owned(),
        };
    }

    /// Places a connector; it and its line (arrowhead included) block lanes.
    fn pasang_konektor(
        &mut self,
        h: usize,
        huruf: &str,
        kotak: Kotak,
        garis: &[Titik],
        panah: Vec<usize>,
        keluar: bool,
    ) {
        let (a, b) = (garis[0], garis[garis.len() - 1]);
        let tepi_garis = Kotak::new(a.0, a.1, b.0, b.1).lebarkan(mm(0.9));
        let masuk = (!keluar).then(|| self.panah(panah[0]).ke);
        self.halangan[h].push(Halangan {
            kotak,
            milik: panah.clone(),
            masuk: None,
        });
        self.halangan[h].push(Halangan {
            kotak: tepi_garis,
            milik: panah.clone(),
            masuk,
        });
        self.gambar[h].konektor.push(Konektor {
            huruf: huruf.to_owned(),
            kotak,
            panah,
            keluar,
        });
    }

    /// Every line on a page: straight ones, then the lane routes, shortest
    /// first so that nested loops nest.
    fn garis(&mut self) {
        let mut lajur: Vec<usize> = Vec::new();
        for e in 0..self.cara.len() {
            let p = self.panah(e).clone();
            let (s, t) = (self.letak[p.dari], self.letak[p.ke]);
            match self.cara[e] {
                Cara::Lurus => {
                    let y = t.jalur_atas();
                    let pts = vec![s.bawah(), Titik(s.cx(), y), Titik(t.cx(), y), t.atas()];
                    self.tarik(s.halaman, e, pts);
                    self.jalur[e] = Jalur::Garis { halaman: s.halaman };
                }
                Cara::Pindah(..) => {}
                _ => lajur.push(e),
            }
        }
        lajur.sort_by(|&a, &b| {
            let span = |e: usize| {
                let p = self.panah(e);
                (self.letak[p.dari].mid() - self.letak[p.ke].mid()).abs()
            };
            span(a).total_cmp(&span(b)).then(a.cmp(&b))
        });
        for e in lajur {
            self.lewat_lajur(e);
        }
        self.balik_label();
    }

    /// A label placed before the lanes that a lane still had to cross moves
    /// to the other side of its line when that side is clear.
    fn balik_label(&mut self) {
        for h in 0..self.gambar.len() {
            for i in 0..self.gambar[h].label.len() {
                let l = &self.gambar[h].label[i];
                let e = l.panah;
                if !matches!(self.cara[e], Cara::Lurus | Cara::Pindah(Keluar::Bawah, _)) {
                    continue;
                }
                let s = self.letak[self.panah(e).dari];
                let (w, tinggi) = (l.kotak.x1 - l.kotak.x0, l.kotak.y1 - l.kotak.y0);
                let lain = if l.kotak.x0 > s.cx() {
                    Sisi::Kiri
                } else {
                    Sisi::Kanan
                };
                let kotak = label_bawah(&s, lain, w, tinggi);
                if self.dilintasi(h, &l.kotak) > 0 && self.dilintasi(h, &kotak) == 0 {
                    self.gambar[h].label[i].kotak = kotak;
                }
            }
        }
    }

    /// How many lines of page `h` cross `kotak`.
    fn dilintasi(&self, h: usize, kotak: &Kotak) -> usize {
        self.gambar[h]
            .garis
            .iter()
            .filter(|g| g.titik.windows(2).any(|w| kotak.dilalui(w[0], w[1])))
            .count()
    }

    /// Picks the best lane (and sides, and label place) for edge `e`.
    fn lewat_lajur(&mut self, e: usize) {
        let p = self.panah(e).clone();
        let s = self.letak[p.dari];
        let h = s.halaman;
        let mut best: Option<Calon> = None;
        for k in 0..=self.kolom.aktor {
            for x in self.kolom.lajur(k) {
                for mut c in self.calon(e, k, x) {
                    c.bentrok += self.bentrok(h, e, &c);
                    let lebih_baik = best
                        .as_ref()
                        .is_none_or(|b| (c.bentrok, c.biaya) < (b.bentrok, b.biaya - 1e-6));
                    if lebih_baik {
                        best = Some(c);
                    }
                }
            }
        }
        let Some(c) = best else { return };
        if let Some(v) = vertikal(&c.pts) {
            self.lajur[h].push(v);
        }
        if let Some(d) = c.keluar {
            self.sisi.insert((p.dari, d), Guna::Keluar);
        }
        if let Some(d) = c.masuk {
            self.sisi.entry((p.ke, d)).or_insert(Guna::Masuk);
        }
        if let (Some(kotak), Some(teks)) = (c.label, p.label.clone()) {
            self.pasang_label(h, e, teks, kotak);
        }
        self.tarik(h, e, c.pts);
        self.jalur[e] = Jalur::Garis { halaman: h };
    }

    /// The routes of `e` through lane `x` of channel `k`: every allowed exit
    /// side and label place.
    fn calon(&self, e: usize, k: usize, x: f64) -> Vec<Calon> {
        let p = self.panah(e);
        let (s, t) = (self.letak[p.dari], self.letak[p.ke]);
        let kanan_dari = |l: &Letak| k > l.kolom; // lane right of that symbol
        let sisi_lajur = |l: &Letak| {
            if kanan_dari(l) {
                Sisi::Kanan
            } else {
                Sisi::Kiri
            }
        };
        let masuk_atas = |pts: &mut Vec<Titik>| {
            let y = t.jalur_atas();
            pts.extend([Titik(x, y), Titik(t.cx(), y), t.atas()]);
        };
        let label = p.label.as_deref().map(ukuran::label);
        let mut out = Vec::new();
        match self.cara[e] {
            Cara::Maju { bawah: true } => {
                if sisi_lajur(&s) != arah_ke(s.kolom, t.kolom) {
                    return out;
                }
                let y = s.jalur_bawah();
                let mut pts = vec![s.bawah(), Titik(s.cx(), y), Titik(x, y)];
                masuk_atas(&mut pts);
                // the label beside the line leaving the bottom, away from its turn
                let kotak = label.map(|(w, h)| label_bawah(&s, sisi_lajur(&s).lain(), w, h));
                out.push(self.calon_baru(pts, kotak, None, None, 0.0));
            }
            Cara::Maju { bawah: false } | Cara::Diri | Cara::Mundur => {
                let d = sisi_lajur(&s);
                let mut pts = vec![s.ujung(d), Titik(x, s.mid())];
                let mut masuk = None;
                match self.cara[e] {
                    Cara::Maju { .. } => masuk_atas(&mut pts),
                    Cara::Diri => {
                        let y = s.jalur_atas();
                        pts.extend([Titik(x, y), Titik(s.cx(), y), s.atas()]);
                    }
                    _ => {
                        // into the side facing the lane; into the top when
                        // that side is taken
                        let m = sisi_lajur(&t);
                        let bebas = !matches!(
                            self.sisi.get(&(p.ke, m)),
                            Some(Guna::Keluar | Guna::Konektor)
                        );
                        if bebas {
                            pts.extend([Titik(x, t.mid()), t.ujung(m)]);
                            masuk = Some(m);
                        } else {
                            let y = t.jalur_atas();
                            pts.extend([Titik(x, y), Titik(t.cx(), y), t.atas()]);
                        }
                    }
                }
                let turun = matches!(self.cara[e], Cara::Maju { .. });
                // the side facing the target costs nothing extra
                let mau = if matches!(self.cara[e], Cara::Diri) {
                    Sisi::Kanan
                } else {
                    arah_ke(s.kolom, t.kolom)
                };
                let biaya = if d == mau { 0.0 } else { mm(5.0) };
                match label {
                    None => out.push(self.calon_baru(pts, None, Some(d), masuk, biaya)),
                    Some((w, h)) => {
                        for atas in [turun, !turun] {
                            let kotak = label_sisi(&s, d, w, h, atas);
                            let lain = if atas == turun { 0.0 } else { mm(2.0) };
                            out.push(self.calon_baru(
                                pts.clone(),
                                Some(kotak),
                                Some(d),
                                masuk,
                                biaya + lain,
                            ));
                        }
                    }
                }
            }
            _ => {}
        }
        out
    }

    fn calon_baru(
        &self,
        pts: Vec<Titik>,
        label: Option<Kotak>,
        keluar: Option<Sisi>,
        masuk: Option<Sisi>,
        biaya: f64,
    ) -> Calon {
        Calon {
            biaya: biaya + panjang_mendatar(&pts),
            pts,
            label,
            keluar,
            masuk,
            bentrok: 0,
        }
    }

    /// How many rules candidate `c` of edge `e` breaks on page `h`: sides
    /// already used, lanes taken, labels, connectors and lines run into.
    fn bentrok(&self, h: usize, e: usize, c: &Calon) -> usize {
        let p = self.panah(e);
        let mut n = 0;
        if let Some(d) = c.keluar
            && self.sisi.contains_key(&(p.dari, d))
        {
            n += 10;
        }
        if let Some(d) = c.masuk
            && matches!(
                self.sisi.get(&(p.ke, d)),
                Some(Guna::Keluar | Guna::Konektor)
            )
        {
            n += 10;
        }
        if let Some((x, y0, y1)) = vertikal(&c.pts) {
            let jarak = mm(1.5);
            n += self.lajur[h]
                .iter()
                .filter(|(x2, a, b)| (x2 - x).abs() < 0.5 && a - jarak < y1 && y0 < b + jarak)
                .count();
        }
        let lewat = |k: &Kotak, pts: &[Titik]| pts.windows(2).any(|w| k.dilalui(w[0], w[1]));
        n += self.halangan[h]
            .iter()
            .filter(|o| !o.milik.contains(&e) && o.masuk != Some(p.ke))
            .filter(|o| lewat(&o.kotak.lebarkan(mm(0.6)), &c.pts))
            .count();
        if let Some(label) = c.label {
            let k = label.lebarkan(mm(0.3));
            n += usize::from(lewat(&k, &c.pts));
            n += self.gambar[h]
                .garis
                .iter()
                .filter(|g| lewat(&k, &g.titik))
                .count();
            n += self.gambar[h]
                .simbol
                .iter()
                .filter(|s| s.kotak.potong(&label))
                .count();
            n += self.halangan[h]
                .iter()
                .filter(|o| o.kotak.potong(&label))
                .count();
        }
        n
    }

    /// Draws a polyline of edge `e` on page `h`, arrowhead at its end.
    fn tarik(&mut self, h: usize, e: usize, pts: Vec<Titik>) {
        let titik = sederhanakan(pts);
        let ujung = ujung_panah(&titik);
        self.gambar[h].garis.push(Garis {
            panah: e,
            titik,
            ujung,
        });
    }
}

/// A label beside the line leaving the bottom of `s`, on side `d` of it.
fn label_bawah(s: &Letak, d: Sisi, w: f64, h: f64) -> Kotak {
    let x0 = s.cx() + d.arah() * mm(0.8);
    let y0 = s.kotak.y1 + mm(0.5);
    Kotak::new(x0, y0, x0 + d.arah() * w, y0 + h)
}

/// A side-exit label: just outside the tip, above or below the line.
fn label_sisi(s: &Letak, d: Sisi, w: f64, h: f64, atas: bool) -> Kotak {
    let tip = s.ujung(d);
    let x0 = tip.0 + d.arah() * mm(0.8);
    let x1 = x0 + d.arah() * w;
    let (y0, y1) = if atas {
        (tip.1 - mm(0.6) - h, tip.1 - mm(0.6))
    } else {
        (tip.1 + mm(0.6), tip.1 + mm(0.6) + h)
    };
    Kotak::new(x0, y0, x1, y1)
}

/// A connector centred on x, its top at y.
fn persegi(cx: f64, y0: f64) -> Kotak {
    let k = ukuran::konektor();
    Kotak::new(cx - k / 2.0, y0, cx + k / 2.0, y0 + k)
}

/// A connector beside a symbol, `jarak` away from its tip.
fn samping(l: &Letak, d: Sisi, jarak: f64) -> Kotak {
    let k = ukuran::konektor();
    let tip = l.ujung(d);
    let dekat = tip.0 + d.arah() * jarak;
    let jauh = dekat + d.arah() * k;
    // the line meets the pentagon's square part
    Kotak::new(dekat, tip.1 - k * 0.3, jauh, tip.1 + k * 0.7)
}

fn tepi(k: &Kotak, d: Sisi) -> f64 {
    match d {
        Sisi::Kiri => k.x0,
        Sisi::Kanan => k.x1,
    }
}

/// A, B, …, Z, AA, AB, …
fn huruf(mut n: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (n % 26) as u8);
        if n < 26 {
            break;
        }
        n = n / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).expect("ASCII letters")
}

/// The longest vertical segment of a lane route (its lane).
fn vertikal(pts: &[Titik]) -> Option<(f64, f64, f64)> {
    pts.windows(2)
        .filter(|w| w[0].0 == w[1].0)
        .map(|w| (w[0].0, w[0].1.min(w[1].1), w[0].1.max(w[1].1)))
        .filter(|v| v.2 - v.1 > 0.0)
        .max_by(|a, b| (a.2 - a.1).total_cmp(&(b.2 - b.1)))
}

fn panjang_mendatar(pts: &[Titik]) -> f64 {
    pts.windows(2).map(|w| (w[0].0 - w[1].0).abs()).sum()
}

/// Drops repeated points and points in the middle of a straight run.
fn sederhanakan(pts: Vec<Titik>) -> Vec<Titik> {
    let mut out: Vec<Titik> = Vec::with_capacity(pts.len());
    for p in pts {
        if out
            .last()
            .is_some_and(|q| (q.0 - p.0).abs() < 1e-6 && (q.1 - p.1).abs() < 1e-6)
        {
            continue;
        }
        if out.len() >= 2 {
            let (a, b) = (out[out.len() - 2], out[out.len() - 1]);
            let lurus = ((a.0 - b.0).abs() < 1e-6 && (b.0 - p.0).abs() < 1e-6)
                || ((a.1 - b.1).abs() < 1e-6 && (b.1 - p.1).abs() < 1e-6);
            if lurus {
                out.pop();
            }
        }
        out.push(p);
    }
    out
}

/// A filled triangle at the last point, pointing along the last segment.
fn ujung_panah(pts: &[Titik]) -> Option<[Titik; 3]> {
    let [.., a, b] = pts else { return None };
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len = (dx * dx + dy * dy).sqrt();
    if len < 1e-6 {
        return None;
    }
    let (ux, uy) = (dx / len, dy / len);
    let (l, w) = (mm(1.6), mm(0.8));
    let base = Titik(b.0 - ux * l, b.1 - uy * l);
    Some([
        *b,
        Titik(base.0 - uy * w, base.1 + ux * w),
        Titik(base.0 + uy * w, base.1 - ux * w),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_run_past_z() {
        assert_eq!(huruf(0), "A");
        assert_eq!(huruf(25), "Z");
        assert_eq!(huruf(26), "AA");
        assert_eq!(huruf(27), "AB");
        assert_eq!(huruf(26 + 26 * 26), "AAA");
    }

    #[test]
    fn straight_runs_are_merged() {
        let p = sederhanakan(vec![
            Titik(0.0, 0.0),
            Titik(0.0, 5.0),
            Titik(0.0, 10.0),
            Titik(3.0, 10.0),
            Titik(3.0, 10.0),
        ]);
        assert_eq!(p, vec![Titik(0.0, 0.0), Titik(0.0, 10.0), Titik(3.0, 10.0)]);
    }

    #[test]
    fn arrowheads_point_along_the_last_segment() {
        let [tip, a, b] = ujung_panah(&[Titik(0.0, 0.0), Titik(0.0, 20.0)]).unwrap();
        assert_eq!(tip, Titik(0.0, 20.0));
        assert!(a.1 < 20.0 && b.1 < 20.0 && (a.0 + b.0).abs() < 1e-9);
    }
}
