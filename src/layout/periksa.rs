//! The drawing rules, checked on a finished plan: no line through a symbol,
//! a label or a connector; no two lines on top of each other unless they
//! merge into the same step; every edge drawn, or paired by connectors with
//! the same letter on both pages; every symbol centred in its cell. Used by
//! the tests of this module and of the renderer.

use super::{Bagan, Denah, Garis, Jalur, Kotak, Titik};

#[derive(Clone, Debug, PartialEq)]
pub enum Masalah {
    /// A line passes through a symbol.
    MelewatiSimbol {
        halaman: usize,
        panah: usize,
        langkah: usize,
    },
    /// A line passes through a label.
    MelewatiLabel {
        halaman: usize,
        panah: usize,
        label: usize,
    },
    /// A line passes through a connector that is not its own.
    MelewatiKonektor { halaman: usize, panah: usize },
    /// Two lines of edges to different steps lie on top of each other.
    Bertumpuk {
        halaman: usize,
        panah: (usize, usize),
    },
    /// A label lies on a symbol, a connector or another label.
    LabelTertimpa { halaman: usize, panah: usize },
    /// An edge is neither drawn nor paired by connectors.
    TidakDigambar { panah: usize },
    /// A symbol is not centred in its cell.
    SimbolTidakDiTengah { langkah: usize },
}

const EPS: f64 = 0.05;

impl Denah {
    /// Every violation of the drawing rules in this plan.
    pub fn periksa(&self, bagan: &Bagan) -> Vec<Masalah> {
        let mut out = Vec::new();
        for h in 0..self.gambar.len() {
            self.periksa_halaman(h, bagan, &mut out);
        }
        for e in 0..bagan.panah.len() {
            if !self.tergambar(bagan, e) {
                out.push(Masalah::TidakDigambar { panah: e });
            }
        }
        self.periksa_simbol(bagan, &mut out);
        out
    }

    fn periksa_halaman(&self, h: usize, bagan: &Bagan, out: &mut Vec<Masalah>) {
        let g = &self.gambar[h];
        for garis in &g.garis {
            for w in garis.titik.windows(2) {
                let (a, b) = (w[0], w[1]);
                for s in &g.simbol {
                    if s.kotak.lebarkan(-0.3).dilalui(a, b) {
                        out.push(Masalah::MelewatiSimbol {
                            halaman: h,
                            panah: garis.panah,
                            langkah: s.langkah,
                        });
                    }
                }
                for l in &g.label {
                    if l.kotak.dilalui(a, b) {
                        out.push(Masalah::MelewatiLabel {
                            halaman: h,
                            panah: garis.panah,
                            label: l.panah,
                        });
                    }
                }
                for k in g
                    .konektor
                    .iter()
                    .filter(|k| !k.panah.contains(&garis.panah))
                {
                    if k.kotak.lebarkan(-0.3).dilalui(a, b) {
                        out.push(Masalah::MelewatiKonektor {
                            halaman: h,
                            panah: garis.panah,
                        });
                    }
                }
            }
        }
        for (i, a) in g.garis.iter().enumerate() {
            for b in &g.garis[i + 1..] {
                let ke = |x: &Garis| bagan.panah[x.panah].ke;
                if a.panah != b.panah && ke(a) != ke(b) && bertumpuk(a, b) {
                    out.push(Masalah::Bertumpuk {
                        halaman: h,
                        panah: (a.panah, b.panah),
                    });
                }
            }
        }
        for (i, l) in g.label.iter().enumerate() {
            let tertimpa = g.simbol.iter().any(|s| s.kotak.potong(&l.kotak))
                || g.konektor.iter().any(|k| k.kotak.potong(&l.kotak))
                || g.label[i + 1..].iter().any(|m| m.kotak.potong(&l.kotak));
            if tertimpa {
                out.push(Masalah::LabelTertimpa {
                    halaman: h,
                    panah: l.panah,
                });
            }
        }
    }

    /// Whether edge `e` leaves its source and arrives at its target on
    /// paper: one line from symbol to symbol, or source → connector and
    /// connector → target with the same letter.
    fn tergambar(&self, bagan: &Bagan, e: usize) -> bool {
        let p = &bagan.panah[e];
        let kotak = |i: usize| {
            let h = self.halaman_langkah(i)?;
            self.gambar[h]
                .simbol
                .iter()
                .find(|s| s.langkah == i)
                .map(|s| (h, s.kotak))
        };
        let (Some((hs, ks)), Some((ht, kt))) = (kotak(p.dari), kotak(p.ke)) else {
            return false;
        };
        let garis = |h: usize| self.gambar[h].garis.iter().filter(move |g| g.panah == e);
        match &self.jalur[e] {
            Jalur::Garis { halaman } => {
                *halaman == hs
                    && hs == ht
                    && garis(hs).any(|g| {
                        di_tepi(&ks, g.titik[0])
                            && di_tepi(&kt, *g.titik.last().expect("lines have points"))
                            && g.ujung.is_some()
                    })
            }
            Jalur::Konektor {
                keluar,
                masuk,
                huruf,
            } => {
                let konektor = |h: usize, kel: bool| {
                    self.gambar[h]
                        .konektor
                        .iter()
                        .find(|k| k.keluar == kel && &k.huruf == huruf && k.panah.contains(&e))
                };
                let (Some(ko), Some(km)) = (konektor(*keluar, true), konektor(*masuk, false))
                else {
                    return false;
                };
                let berangkat = garis(hs).any(|g| {
                    di_tepi(&ks, g.titik[0])
                        && di_tepi(&ko.kotak, *g.titik.last().expect("lines have points"))
                });
                let tiba = self.gambar[ht].garis.iter().any(|g| {
                    km.panah.contains(&g.panah)
                        && di_tepi(&km.kotak, g.titik[0])
                        && di_tepi(&kt, *g.titik.last().expect("lines have points"))
                });
                *keluar == hs && *masuk == ht && hs != ht && berangkat && tiba
            }
        }
    }

    fn periksa_simbol(&self, bagan: &Bagan, out: &mut Vec<Masalah>) {
        for (h, page) in self.halaman.iter().enumerate() {
            for s in &self.gambar[h].simbol {
                let Some(b) = page.baris(s.langkah) else {
                    out.push(Masalah::SimbolTidakDiTengah { langkah: s.langkah });
                    continue;
                };
                let k = bagan.langkah[s.langkah].0;
                let cx = self.kolom.tengah(k);
                let atas = s.kotak.y0 - (b.atas + b.cadangan);
                let bawah = b.bawah - s.kotak.y1;
                let ok = ((s.kotak.x0 + s.kotak.x1) / 2.0 - cx).abs() < EPS
                    && (atas - bawah).abs() < EPS
                    && atas > 0.0
                    && s.kotak.x0 > self.kolom.garis(k)
                    && s.kotak.x1 < self.kolom.garis(k + 1);
                if !ok {
                    out.push(Masalah::SimbolTidakDiTengah { langkah: s.langkah });
                }
            }
        }
    }
}

/// Whether point `p` lies on the border of `k`.
fn di_tepi(k: &Kotak, p: Titik) -> bool {
    let dalam = p.0 > k.x0 - EPS && p.0 < k.x1 + EPS && p.1 > k.y0 - EPS && p.1 < k.y1 + EPS;
    let tepi = (p.0 - k.x0).abs() < EPS
        || (p.0 - k.x1).abs() < EPS
        || (p.1 - k.y0).abs() < EPS
        || (p.1 - k.y1).abs() < EPS;
    dalam && tepi
}

/// Whether two polylines share a stretch of the same line.
fn bertumpuk(a: &Garis, b: &Garis) -> bool {
    let seg = |g: &Garis| g.titik.windows(2).map(|w| (w[0], w[1])).collect::<Vec<_>>();
    seg(a).iter().any(|(a0, a1)| {
        seg(b).iter().any(|(b0, b1)| {
            let tegak = |p: &Titik, q: &Titik| (p.0 - q.0).abs() < EPS;
            let datar = |p: &Titik, q: &Titik| (p.1 - q.1).abs() < EPS;
            let tumpang = |x0: f64, x1: f64, y0: f64, y1: f64| {
                x0.min(x1).max(y0.min(y1)) + 0.5 < x0.max(x1).min(y0.max(y1))
            };
            (tegak(a0, a1)
                && tegak(b0, b1)
                && (a0.0 - b0.0).abs() < 0.3
                && tumpang(a0.1, a1.1, b0.1, b1.1))
                || (datar(a0, a1)
                    && datar(b0, b1)
                    && (a0.1 - b0.1).abs() < 0.3
                    && tumpang(a0.0, a1.0, b0.0, b1.0))
        })
    })
}
