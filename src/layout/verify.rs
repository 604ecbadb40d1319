//! The drawing rules, checked on a finished plan: no line through a symbol,
//! a label or a connector; no two lines on top of each other unless they
//! merge into the same step; every edge drawn, or paired by connectors with
//! the same letter on both pages; every symbol centred in its cell. Used by
//! the tests of this module and of the renderer.

use super::{Flow, Line, Plan, Point, Rect, Route};

#[derive(Clone, Debug, PartialEq)]
pub enum Violation {
    /// A line passes through a symbol.
    LineThroughSymbol {
        page: usize,
        edge: usize,
        langkah: usize,
    },
    /// A line passes through a label.
    LineThroughLabel {
        page: usize,
        edge: usize,
        label: usize,
    },
    /// A line passes through a connector that is not its own.
    LineThroughConnector { page: usize, edge: usize },
    /// Two lines of edges to different steps lie on top of each other.
    Overlap { page: usize, edge: (usize, usize) },
    /// A label lies on a symbol, a connector or another label.
    LabelCovered { page: usize, edge: usize },
    /// An edge is neither drawn nor paired by connectors.
    NotDrawn { edge: usize },
    /// A symbol is not centred in its cell.
    SymbolOffCentre { langkah: usize },
}

const EPS: f64 = 0.05;

impl Plan {
    /// Every violation of the drawing rules in this plan.
    pub fn verify(&self, flow: &Flow) -> Vec<Violation> {
        let mut out = Vec::new();
        for h in 0..self.drawings.len() {
            self.verify_page(h, flow, &mut out);
        }
        for e in 0..flow.edges.len() {
            if !self.is_drawn(flow, e) {
                out.push(Violation::NotDrawn { edge: e });
            }
        }
        self.verify_symbols(flow, &mut out);
        out
    }

    fn verify_page(&self, h: usize, flow: &Flow, out: &mut Vec<Violation>) {
        let g = &self.drawings[h];
        for lines in &g.lines {
            for w in lines.points.windows(2) {
                let (a, b) = (w[0], w[1]);
                for s in &g.symbols {
                    if s.rect.grow(-0.3).crossed_by(a, b) {
                        out.push(Violation::LineThroughSymbol {
                            page: h,
                            edge: lines.edge,
                            langkah: s.langkah,
                        });
                    }
                }
                for l in &g.labels {
                    if l.rect.crossed_by(a, b) {
                        out.push(Violation::LineThroughLabel {
                            page: h,
                            edge: lines.edge,
                            label: l.edge,
                        });
                    }
                }
                for k in g
                    .connectors
                    .iter()
                    .filter(|k| !k.edges.contains(&lines.edge))
                {
                    if k.rect.grow(-0.3).crossed_by(a, b) {
                        out.push(Violation::LineThroughConnector {
                            page: h,
                            edge: lines.edge,
                        });
                    }
                }
            }
        }
        for (i, a) in g.lines.iter().enumerate() {
            for b in &g.lines[i + 1..] {
                let to = |x: &Line| flow.edges[x.edge].to;
                if a.edge != b.edge && to(a) != to(b) && overlap(a, b) {
                    out.push(Violation::Overlap {
                        page: h,
                        edge: (a.edge, b.edge),
                    });
                }
            }
        }
        for (i, l) in g.labels.iter().enumerate() {
            let tertimpa = g.symbols.iter().any(|s| s.rect.intersects(&l.rect))
                || g.connectors.iter().any(|k| k.rect.intersects(&l.rect))
                || g.labels[i + 1..].iter().any(|m| m.rect.intersects(&l.rect));
            if tertimpa {
                out.push(Violation::LabelCovered {
                    page: h,
                    edge: l.edge,
                });
            }
        }
    }

    /// Whether edge `e` leaves its source and arrives at its target on
    /// paper: one line from symbol to symbol, or source → connector and
    /// connector → target with the same letter.
    fn is_drawn(&self, flow: &Flow, e: usize) -> bool {
        let p = &flow.edges[e];
        let rect = |i: usize| {
            let h = self.page_of_step(i)?;
            self.drawings[h]
                .symbols
                .iter()
                .find(|s| s.langkah == i)
                .map(|s| (h, s.rect))
        };
        let (Some((hs, ks)), Some((ht, kt))) = (rect(p.from), rect(p.to)) else {
            return false;
        };
        let lines = |h: usize| self.drawings[h].lines.iter().filter(move |g| g.edge == e);
        match &self.routes[e] {
            Route::Line { page } => {
                *page == hs
                    && hs == ht
                    && lines(hs).any(|g| {
                        on_edge(&ks, g.points[0])
                            && on_edge(&kt, *g.points.last().expect("lines have points"))
                            && g.arrowhead.is_some()
                    })
            }
            Route::Connector {
                from_page,
                to_page,
                letter,
            } => {
                let connectors = |h: usize, outgoing: bool| {
                    self.drawings[h]
                        .connectors
                        .iter()
                        .find(|k| k.exit == outgoing && &k.letter == letter && k.edges.contains(&e))
                };
                let (Some(ko), Some(km)) =
                    (connectors(*from_page, true), connectors(*to_page, false))
                else {
                    return false;
                };
                let leaves = lines(hs).any(|g| {
                    on_edge(&ks, g.points[0])
                        && on_edge(&ko.rect, *g.points.last().expect("lines have points"))
                });
                let arrives = self.drawings[ht].lines.iter().any(|g| {
                    km.edges.contains(&g.edge)
                        && on_edge(&km.rect, g.points[0])
                        && on_edge(&kt, *g.points.last().expect("lines have points"))
                });
                *from_page == hs && *to_page == ht && hs != ht && leaves && arrives
            }
        }
    }

    fn verify_symbols(&self, flow: &Flow, out: &mut Vec<Violation>) {
        for (h, page) in self.pages.iter().enumerate() {
            for s in &self.drawings[h].symbols {
                let Some(b) = page.row(s.langkah) else {
                    out.push(Violation::SymbolOffCentre { langkah: s.langkah });
                    continue;
                };
                let k = flow.langkah[s.langkah].0;
                let cx = self.kolom.center(k);
                let top = s.rect.y0 - (b.top + b.connector_room);
                let bottom = b.bottom - s.rect.y1;
                let ok = ((s.rect.x0 + s.rect.x1) / 2.0 - cx).abs() < EPS
                    && (top - bottom).abs() < EPS
                    && top > 0.0
                    && s.rect.x0 > self.kolom.rule_x(k)
                    && s.rect.x1 < self.kolom.rule_x(k + 1);
                if !ok {
                    out.push(Violation::SymbolOffCentre { langkah: s.langkah });
                }
            }
        }
    }
}

/// Whether point `p` lies on the border of `k`.
fn on_edge(k: &Rect, p: Point) -> bool {
    let dalam = p.0 > k.x0 - EPS && p.0 < k.x1 + EPS && p.1 > k.y0 - EPS && p.1 < k.y1 + EPS;
    let side_x = (p.0 - k.x0).abs() < EPS
        || (p.0 - k.x1).abs() < EPS
        || (p.1 - k.y0).abs() < EPS
        || (p.1 - k.y1).abs() < EPS;
    dalam && side_x
}

/// Whether two polylines share a stretch of the same line.
fn overlap(a: &Line, b: &Line) -> bool {
    let seg = |g: &Line| {
        g.points
            .windows(2)
            .map(|w| (w[0], w[1]))
            .collect::<Vec<_>>()
    };
    seg(a).iter().any(|(a0, a1)| {
        seg(b).iter().any(|(b0, b1)| {
            let vertical_seg = |p: &Point, q: &Point| (p.0 - q.0).abs() < EPS;
            let horizontal_seg = |p: &Point, q: &Point| (p.1 - q.1).abs() < EPS;
            let tumpang = |x0: f64, x1: f64, y0: f64, y1: f64| {
                x0.min(x1).max(y0.min(y1)) + 0.5 < x0.max(x1).min(y0.max(y1))
            };
            (vertical_seg(a0, a1)
                && vertical_seg(b0, b1)
                && (a0.0 - b0.0).abs() < 0.3
                && tumpang(a0.1, a1.1, b0.1, b1.1))
                || (horizontal_seg(a0, a1)
                    && horizontal_seg(b0, b1)
                    && (a0.1 - b0.1).abs() < 0.3
                    && tumpang(a0.0, a1.0, b0.0, b1.0))
        })
    })
}
