//! The flowchart of the procedure table, planned in plain Rust: which rows go
//! on which page, where each symbol sits, and the route of every arrow —
//! ports, lanes through the gutters, labels, off-page connectors. The Typst
//! template only draws what this plan says, so every rule of the drawing
//! (no line through a symbol or a label, every edge drawn or paired across
//! pages) is unit-tested here, and checked again on each plan by
//! [`Denah::periksa`].
//!
//! Coordinates are points (1/72 in), relative to the top-left corner of the
//! page's content area (inside the margins), y downwards.

pub mod halaman;
pub mod periksa;
pub mod rute;

use crate::model::alur::{Jenis, Simbol};
use crate::paper::Kolom;
use serde::Serialize;

pub use halaman::{Baris, Halaman, Ukuran};
pub use periksa::Masalah;

/// Fixed sizes of the drawing.
pub mod ukuran {
    use crate::model::alur::Simbol;
    use crate::paper::mm;

    /// Free height above and below a symbol in its cell: room for the
    /// horizontal of an arrow coming in and for a `ya`/`tidak` label.
    pub fn sela() -> f64 {
        mm(4.5)
    }

    pub fn tinggi_simbol(s: Simbol) -> f64 {
        match s {
            Simbol::Terminator => mm(7.0),
            Simbol::Proses => mm(8.0),
            Simbol::Keputusan => mm(10.0),
        }
    }

    /// Smallest height of the actor cell holding a symbol.
    pub fn tinggi_sel(s: Simbol) -> f64 {
        tinggi_simbol(s) + 2.0 * sela()
    }

    /// Extra height on top of a page's first row for the incoming off-page
    /// connector.
    pub fn cadangan() -> f64 {
        mm(9.0)
    }

    /// Side of the (square) off-page connector.
    pub fn konektor() -> f64 {
        mm(6.0)
    }

    /// Font size of the decision labels.
    pub const LABEL_PT: f64 = 7.0;

    /// Conservative size of a label: ~0.56 em per character covers the
    /// embedded serif and common system fonts (Arial).
    pub fn label(teks: &str) -> (f64, f64) {
        let n = teks.chars().count() as f64;
        (n * LABEL_PT * 0.56 + 1.0, LABEL_PT * 1.25)
    }
}

/// A rectangle.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Kotak {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl Kotak {
    pub fn new(x0: f64, y0: f64, x1: f64, y1: f64) -> Kotak {
        Kotak {
            x0: x0.min(x1),
            y0: y0.min(y1),
            x1: x0.max(x1),
            y1: y0.max(y1),
        }
    }

    pub fn tengah(&self) -> Titik {
        Titik((self.x0 + self.x1) / 2.0, (self.y0 + self.y1) / 2.0)
    }

    /// Grown (or, negative, shrunk) by `d` on every side.
    pub fn lebarkan(&self, d: f64) -> Kotak {
        Kotak::new(self.x0 - d, self.y0 - d, self.x1 + d, self.y1 + d)
    }

    pub fn potong(&self, o: &Kotak) -> bool {
        self.x0 < o.x1 && o.x0 < self.x1 && self.y0 < o.y1 && o.y0 < self.y1
    }

    /// Whether the segment a–b (horizontal or vertical) passes through the
    /// inside of this rectangle.
    pub fn dilalui(&self, a: Titik, b: Titik) -> bool {
        let seg = Kotak::new(a.0, a.1, b.0, b.1);
        let buka = |s0: f64, s1: f64, k0: f64, k1: f64| {
            if s0 == s1 {
                k0 < s0 && s0 < k1
            } else {
                s0 < k1 && k0 < s1
            }
        };
        buka(seg.x0, seg.x1, self.x0, self.x1) && buka(seg.y0, seg.y1, self.y0, self.y1)
    }
}

/// A point.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Titik(pub f64, pub f64);

/// The flowchart as the layout needs it.
#[derive(Clone, Debug, Default)]
pub struct Bagan {
    /// Number of actor columns.
    pub aktor: usize,
    /// Per step: its actor column and its symbol.
    pub langkah: Vec<(usize, Simbol)>,
    pub panah: Vec<Panah>,
}

/// One edge of the flow, with the words printed on it.
#[derive(Clone, Debug, PartialEq)]
pub struct Panah {
    pub dari: usize,
    pub ke: usize,
    pub jenis: Jenis,
    /// `Ya`/`Tidak` (or the SOP's own words) on a decision's exits.
    pub label: Option<String>,
}

impl Bagan {
    /// Whether step `i` follows step `i - 1` directly (an edge between them).
    pub fn bersambung(&self, i: usize) -> bool {
        i > 0 && self.panah.iter().any(|p| p.dari + 1 == i && p.ke == i)
    }
}

/// What is drawn on one page.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Gambar {
    pub simbol: Vec<GambarSimbol>,
    pub garis: Vec<Garis>,
    pub label: Vec<Label>,
    pub konektor: Vec<Konektor>,
}

#[derive(Clone, Debug, Serialize)]
pub struct GambarSimbol {
    pub langkah: usize,
    pub bentuk: Simbol,
    pub kotak: Kotak,
}

/// A polyline of one edge, with an arrowhead (a triangle) at its end.
#[derive(Clone, Debug, Serialize)]
pub struct Garis {
    pub panah: usize,
    pub titik: Vec<Titik>,
    pub ujung: Option<[Titik; 3]>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Label {
    pub panah: usize,
    pub teks: String,
    pub kotak: Kotak,
}

/// An off-page connector (pentagon pointing down).
#[derive(Clone, Debug, Serialize)]
pub struct Konektor {
    pub huruf: String,
    pub kotak: Kotak,
    /// The edges it carries (several edges may enter one target).
    pub panah: Vec<usize>,
    /// `true` on the page the flow leaves, `false` where it continues.
    pub keluar: bool,
}

/// How one edge ended up on paper.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub enum Jalur {
    /// A line on one page.
    Garis { halaman: usize },
    /// A pair of connectors with the same letter.
    Konektor {
        keluar: usize,
        masuk: usize,
        huruf: String,
    },
}

/// The whole plan: the pages of the procedure table and their drawings.
#[derive(Clone, Debug, Serialize)]
pub struct Denah {
    pub kolom: Kolom,
    pub halaman: Vec<Halaman>,
    pub gambar: Vec<Gambar>,
    /// Per edge (in the order of [`Bagan::panah`]).
    pub jalur: Vec<Jalur>,
}

/// Why no plan could be made.
#[derive(Clone, Debug, PartialEq)]
pub enum Gagal {
    /// A step's row is taller than a whole page.
    BarisTerlaluTinggi { langkah: usize },
}

impl Denah {
    /// Pages and routes for a flowchart whose rows measured `ukuran`.
    pub fn buat(bagan: &Bagan, kolom: Kolom, ukuran: &Ukuran) -> Result<Denah, Gagal> {
        let halaman = halaman::bagi(bagan, ukuran)?;
        let (gambar, jalur) = rute::rute(bagan, &kolom, &halaman);
        Ok(Denah {
            kolom,
            halaman,
            gambar,
            jalur,
        })
    }

    /// Page (index into `halaman`) of each step.
    pub fn halaman_langkah(&self, i: usize) -> Option<usize> {
        self.halaman
            .iter()
            .position(|h| (h.dari..h.sampai).contains(&i))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::paper::mm;

    /// A flow over `kolom` (actor of each step); every step continues to the
    /// next unless `lompat` gives a decision's exits (`ya`, `tidak`).
    fn bagan(
        aktor: usize,
        kolom: &[usize],
        lompat: &[(usize, Option<usize>, Option<usize>)],
    ) -> Bagan {
        let n = kolom.len();
        let mut panah = Vec::new();
        let mut langkah = Vec::new();
        for (i, &k) in kolom.iter().enumerate() {
            let keputusan = lompat.iter().find(|(s, _, _)| *s == i);
            let simbol = if i == 0 || i + 1 == n {
                Simbol::Terminator
            } else if keputusan.is_some() {
                Simbol::Keputusan
            } else {
                Simbol::Proses
            };
            langkah.push((k, simbol));
            match keputusan {
                Some((_, ya, tidak)) => {
                    for (t, jenis, label) in [(ya, Jenis::Ya, "Ya"), (tidak, Jenis::Tidak, "Tidak")]
                    {
                        let ke = t.unwrap_or(i + 1);
                        if ke < n {
                            panah.push(Panah {
                                dari: i,
                                ke,
                                jenis,
                                label: Some(label.into()),
                            });
                        }
                    }
                }
                None if i + 1 < n => panah.push(Panah {
                    dari: i,
                    ke: i + 1,
                    jenis: Jenis::Lanjut,
                    label: None,
                }),
                None => {}
            }
        }
        Bagan {
            aktor,
            langkah,
            panah,
        }
    }

    fn ukuran(n: usize, tinggi: impl Fn(usize) -> f64) -> Ukuran {
        Ukuran {
            tinggi_halaman: mm(180.0),
            judul: mm(18.0),
            kepala: mm(13.0),
            baris: (0..n).map(|i| mm(tinggi(i))).collect(),
            jumlah: mm(7.0),
        }
    }

    fn denah(b: &Bagan, u: &Ukuran) -> Denah {
        let kolom = Kolom::hitung(mm(295.0), b.aktor, true);
        let d = Denah::buat(b, kolom, u).expect("rows fit");
        let masalah = d.periksa(b);
        assert!(masalah.is_empty(), "{masalah:#?}");
        d
    }

    fn garis(d: &Denah, e: usize) -> &Garis {
        d.gambar
            .iter()
            .flat_map(|g| &g.garis)
            .find(|g| g.panah == e)
            .expect("drawn")
    }

    #[test]
    fn straight_flow_goes_bottom_to_top_through_the_top_track() {
        let b = bagan(3, &[2, 2, 0, 1, 2], &[]);
        let d = denah(&b, &ukuran(5, |_| 18.0));
        assert_eq!(d.halaman.len(), 1);
        // same column: one straight segment
        assert_eq!(garis(&d, 0).titik.len(), 2);
        // other columns: down, across inside the target row, down
        let g = garis(&d, 1);
        assert_eq!(g.titik.len(), 4);
        let row = d.halaman[0].baris[2];
        assert!(g.titik[1].1 > row.atas && g.titik[1].1 < d.gambar[0].simbol[2].kotak.y0);
    }

    #[test]
    fn a_loop_back_runs_in_a_lane_and_enters_the_side() {
        // 0 → 1 → 2 → 3 (decision: tidak back to 1) → 4
        let b = bagan(3, &[0, 1, 2, 1, 0], &[(3, None, Some(1))]);
        let d = denah(&b, &ukuran(5, |_| 20.0));
        let e = b
            .panah
            .iter()
            .position(|p| p.jenis == Jenis::Tidak)
            .unwrap();
        let g = garis(&d, e);
        let target = d.gambar[0].simbol[1].kotak;
        let last = *g.titik.last().unwrap();
        assert!(
            last.0 == target.x0 || last.0 == target.x1,
            "enters a side: {g:?}"
        );
        // the lane is in a gutter, between rule and symbol
        let lane = g.titik[1].0;
        assert!((0..=3).any(|k| (lane - d.kolom.garis(k)).abs() < d.kolom.gutter));
        // both labels drawn
        assert_eq!(d.gambar[0].label.len(), 2);
    }

    #[test]
    fn nested_loops_do_not_cross() {
        // 1 → … → 4 back to 2, 6 back to 1, all in one column
        let b = bagan(
            2,
            &[0, 0, 0, 0, 0, 0, 0, 0],
            &[(4, None, Some(2)), (6, None, Some(1))],
        );
        let d = denah(&b, &ukuran(8, |_| 17.0));
        let lane = |e: usize| garis(&d, e).titik[1].0;
        let inner = b
            .panah
            .iter()
            .position(|p| p.dari == 4 && p.ke == 2)
            .unwrap();
        let outer = b
            .panah
            .iter()
            .position(|p| p.dari == 6 && p.ke == 1)
            .unwrap();
        let cx = d.kolom.tengah(0);
        // on opposite sides they cannot cross; on one side the inner loop
        // runs nearer to the symbols
        let (i, o) = (lane(inner) - cx, lane(outer) - cx);
        assert!(i.signum() != o.signum() || i.abs() < o.abs(), "{i} {o}");
    }

    #[test]
    fn forward_jumps_and_self_loops_are_routed() {
        let b = bagan(
            4,
            &[0, 1, 2, 3, 2, 1, 0, 3],
            &[(1, Some(5), None), (3, None, Some(3)), (5, None, Some(0))],
        );
        denah(&b, &ukuran(8, |i| 16.0 + (i % 3) as f64 * 7.0));
    }

    #[test]
    fn forty_steps_cross_pages_with_lettered_connectors() {
        let kolom: Vec<usize> = (0..40).map(|i| (i * 7 / 3) % 4).collect();
        // a jump back to an earlier page, a forward jump to a later page
        let b = bagan(
            4,
            &kolom,
            &[
                (30, None, Some(3)),
                (5, Some(33), None),
                (12, None, Some(10)),
            ],
        );
        let d = denah(&b, &ukuran(40, |i| 16.0 + (i % 4) as f64 * 4.0));
        assert!(d.halaman.len() >= 4, "{}", d.halaman.len());
        let pairs: Vec<&Jalur> = d
            .jalur
            .iter()
            .filter(|j| matches!(j, Jalur::Konektor { .. }))
            .collect();
        // every page break on the straight flow + the two long jumps
        assert!(pairs.len() >= d.halaman.len() - 1 + 2, "{pairs:?}");
        let back = b
            .panah
            .iter()
            .position(|p| p.dari == 30 && p.ke == 3)
            .unwrap();
        let Jalur::Konektor {
            keluar,
            masuk,
            huruf,
        } = &d.jalur[back]
        else {
            panic!()
        };
        assert!(masuk < keluar);
        let count = |h: usize| {
            d.gambar[h]
                .konektor
                .iter()
                .filter(|k| &k.huruf == huruf)
                .count()
        };
        assert_eq!((count(*keluar), count(*masuk)), (1, 1));
        // letters are unique per destination
        let mut letters: Vec<&str> = d
            .gambar
            .iter()
            .flat_map(|g| &g.konektor)
            .filter(|k| !k.keluar)
            .map(|k| k.huruf.as_str())
            .collect();
        let all = letters.len();
        letters.dedup();
        assert_eq!(letters.len(), all);
    }

    #[test]
    fn the_checker_catches_a_line_through_a_symbol() {
        let b = bagan(2, &[0, 1, 0], &[]);
        let mut d = denah(&b, &ukuran(3, |_| 18.0));
        let s = d.gambar[0].simbol[1].kotak;
        d.gambar[0].garis.push(Garis {
            panah: 0,
            titik: vec![
                Titik(s.x0 - 5.0, (s.y0 + s.y1) / 2.0),
                Titik(s.x1 + 5.0, (s.y0 + s.y1) / 2.0),
            ],
            ujung: None,
        });
        assert!(
            d.periksa(&b)
                .iter()
                .any(|m| matches!(m, Masalah::MelewatiSimbol { langkah: 1, .. }))
        );
        let mut d = denah(&b, &ukuran(3, |_| 18.0));
        d.gambar[0].garis.retain(|g| g.panah != 1);
        assert_eq!(d.periksa(&b), vec![Masalah::TidakDigambar { panah: 1 }]);
    }

    /// Deterministic pseudo-random flows, far denser in jumps than real
    /// SOPs: the drawing rules hold. (Over 30 000 such flows about one in
    /// 2 500 still puts a label in the only free lane; single-actor charts,
    /// which the checks warn about, have too few lanes to be included.)
    #[test]
    fn random_flows_keep_the_rules() {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut rnd = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        for _ in 0..500 {
            let aktor = 2 + rnd(6);
            let n = 2 + rnd(45);
            let kolom: Vec<usize> = (0..n).map(|_| rnd(aktor)).collect();
            let mut lompat = Vec::new();
            for i in 1..n.saturating_sub(1) {
                if rnd(5) == 0 {
                    let t = rnd(n);
                    if t != i + 1 {
                        if rnd(2) == 0 {
                            lompat.push((i, None, Some(t)))
                        } else {
                            lompat.push((i, Some(t), None))
                        }
                    }
                }
            }
            let b = bagan(aktor, &kolom, &lompat);
            let tinggi: Vec<f64> = (0..n).map(|_| 16.0 + rnd(30) as f64).collect();
            let u = ukuran(n, |i| tinggi[i]);
            let kolom = Kolom::hitung(mm(262.0), aktor, rnd(2) == 0);
            let d = Denah::buat(&b, kolom, &u).expect("rows fit");
            let masalah = d.periksa(&b);
            if !masalah.is_empty() {
                for h in 0..d.halaman.len() {
                    let _ = std::fs::write(format!("/tmp/denah-{h}.svg"), svg(&d, &b, h));
                }
            }
            assert!(
                masalah.is_empty(),
                "aktor {aktor}, kolom {:?}, lompat {lompat:?}: {masalah:#?}",
                b.langkah
            );
        }
    }

    /// A box with a caption near its lower left corner, inset by `(dx, dy)`.
    fn kotak(k: Kotak, style: &str, size: u8, (dx, dy): (f64, f64), caption: &str) -> String {
        format!(
            "<rect x='{}' y='{}' width='{}' height='{}' {style}/><text x='{}' y='{}' font-size='{size}'>{caption}</text>",
            k.x0,
            k.y0,
            k.x1 - k.x0,
            k.y1 - k.y0,
            k.x0 + dx,
            k.y1 - dy,
        )
    }

    /// A picture of one page of a plan, for debugging failures.
    fn svg(d: &Denah, b: &Bagan, h: usize) -> String {
        let mut o = String::from(
            "<svg xmlns='http://www.w3.org/2000/svg' width='1000' height='620' viewBox='0 0 860 560'>",
        );
        o += "<rect width='860' height='560' fill='white'/>";
        let page = &d.halaman[h];
        for r in &page.baris {
            o += &format!(
                "<line x1='0' x2='840' y1='{}' y2='{}' stroke='#ccc'/>",
                r.atas, r.atas
            );
        }
        for k in 0..=d.kolom.aktor {
            let x = d.kolom.garis(k);
            o += &format!("<line x1='{x}' x2='{x}' y1='0' y2='560' stroke='#ccc'/>");
        }
        let g = &d.gambar[h];
        for s in &g.simbol {
            o += &kotak(
                s.kotak,
                "fill='none' stroke='black'",
                7,
                (2.0, 2.0),
                &s.langkah.to_string(),
            );
        }
        for l in &g.label {
            o += &kotak(
                l.kotak,
                "fill='#fdd'",
                6,
                (0.0, 1.0),
                &format!("{}{}", l.teks, l.panah),
            );
        }
        for c in &g.konektor {
            o += &kotak(c.kotak, "fill='#ddf'", 6, (1.0, 3.0), &c.huruf.to_string());
        }
        for l in &g.garis {
            let pts: Vec<String> = l.titik.iter().map(|t| format!("{},{}", t.0, t.1)).collect();
            let p = &b.panah[l.panah];
            o += &format!(
                "<polyline points='{}' fill='none' stroke='blue' stroke-width='0.6'><title>{} {}-{}</title></polyline>",
                pts.join(" "),
                l.panah,
                p.dari,
                p.ke
            );
            let m = l.titik[l.titik.len() / 2];
            o += &format!(
                "<text x='{}' y='{}' font-size='5' fill='blue'>e{}</text>",
                m.0 + 1.0,
                m.1 - 1.0,
                l.panah
            );
        }
        o + "</svg>"
    }
}
