//! The drawing rules, checked on a finished plan against the table it is
//! drawn on (its column and row rules, the text columns beside the actor
//! columns): no line through a symbol, a label or a connector; every route
//! 3 mm from the rules it runs along, 1 mm from the symbols' sides it runs
//! along, and 2 mm from the routes it runs beside (unless both merge into
//! the same step); every crossing bridged;
//! every label and connector inside one actor cell, clear of rules, text,
//! symbols and each other; every edge drawn, or paired by connectors with
//! the same letter on both pages; every symbol centred in its cell. Used by
//! the tests of this module and of the renderer.

use super::route::{crossing, in_actor_cell, rules_too_near, symbols_too_near, too_close};
use super::{Flow, Plan, Point, Rect, Route};

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
    /// Two lines of edges to different steps lie on top of each other, or
    /// run side by side nearer than 2 mm.
    TooClose { page: usize, edge: (usize, usize) },
    /// A line runs along a table rule nearer than 3 mm.
    NearRule { page: usize, edge: usize },
    /// A line runs along a symbol's side nearer than a gutter lane's 1 mm.
    NearSymbol { page: usize, edge: usize },
    /// Two lines cross with no bridge on either.
    Unbridged { page: usize, edge: (usize, usize) },
    /// A label lies on a symbol, a connector or another label.
    LabelCovered { page: usize, edge: usize },
    /// A label is cut by a table rule or stands over another column's text.
    LabelOffCell { page: usize, edge: usize },
    /// A connector is on a rule, over text, or on a symbol or another
    /// connector.
    ConnectorOffCell { page: usize, letter: String },
    /// An edge is neither drawn nor paired by connectors.
    NotDrawn { edge: usize },
    /// A symbol is not centred in its cell.
    SymbolOffCentre { langkah: usize },
}

impl Violation {
    /// The edge whose line breaks the rule (of two lines too close or
    /// crossing unbridged, the one drawn later).
    pub fn edge(&self) -> Option<usize> {
        match self {
            Violation::LineThroughSymbol { edge, .. }
            | Violation::LineThroughLabel { edge, .. }
            | Violation::LineThroughConnector { edge, .. }
            | Violation::NearRule { edge, .. }
            | Violation::NearSymbol { edge, .. }
            | Violation::LabelCovered { edge, .. }
            | Violation::LabelOffCell { edge, .. }
            | Violation::NotDrawn { edge } => Some(*edge),
            Violation::TooClose { edge, .. } | Violation::Unbridged { edge, .. } => Some(edge.1),
            Violation::ConnectorOffCell { .. } | Violation::SymbolOffCentre { .. } => None,
        }
    }

    /// The step whose line, label or connector breaks the rule.
    pub fn langkah(&self, plan: &Plan, flow: &Flow) -> Option<usize> {
        let from = |e: usize| flow.edges.get(e).map(|p| p.from);
        match self {
            Violation::ConnectorOffCell { page, letter } => plan.drawings[*page]
                .connectors
                .iter()
                .find(|k| &k.letter == letter)
                .and_then(|k| k.edges.first().copied())
                .and_then(from),
            Violation::SymbolOffCentre { langkah } => Some(*langkah),
            _ => self.edge().and_then(from),
        }
    }
}

const EPS: f64 = 0.05;
/// Least distance of a label or connector from the rules of its cell.
pub(super) const CELL_SLACK: f64 = 0.5;

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
        let page = &self.pages[h];
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
        self.verify_clearances(h, flow, out);
        for (i, l) in g.labels.iter().enumerate() {
            if !in_actor_cell(&self.kolom, page, &l.rect, CELL_SLACK) {
                out.push(Violation::LabelOffCell {
                    page: h,
                    edge: l.edge,
                });
            }
            let tertimpa = g.symbols.iter().any(|s| s.touches(&l.rect))
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

    /// Routes against rules and each other: 3 mm from rules, 2 mm apart,
    /// crossings bridged.
    fn verify_clearances(&self, h: usize, flow: &Flow, out: &mut Vec<Violation>) {
        let g = &self.drawings[h];
        let page = &self.pages[h];
        for l in &g.lines {
            if rules_too_near(&self.kolom, page, &l.points) > 0 {
                out.push(Violation::NearRule {
                    page: h,
                    edge: l.edge,
                });
            }
            if symbols_too_near(&g.symbols, &l.points) > 0 {
                out.push(Violation::NearSymbol {
                    page: h,
                    edge: l.edge,
                });
            }
        }
        for (i, a) in g.lines.iter().enumerate() {
            for b in &g.lines[i + 1..] {
                if a.edge == b.edge || flow.edges[a.edge].to == flow.edges[b.edge].to {
                    continue;
                }
                let edge = (a.edge, b.edge);
                let sa: Vec<&[Point]> = a.points.windows(2).collect();
                let sb: Vec<&[Point]> = b.points.windows(2).collect();
                if sa.iter().any(|p| sb.iter().any(|q| too_close(p, q, 0.0))) {
                    out.push(Violation::TooClose { page: h, edge });
                }
                let bridged = |p: Point| {
                    let on = |q: &Point| (q.0 - p.0).abs() < EPS && (q.1 - p.1).abs() < EPS;
                    a.hops.iter().any(on) || b.hops.iter().any(on)
                };
                let unbridged = sa
                    .iter()
                    .flat_map(|p| sb.iter().filter_map(move |q| crossing(p, q)))
                    .any(|p| !bridged(p));
                if unbridged {
                    out.push(Violation::Unbridged { page: h, edge });
                }
            }
        }
        for (i, k) in g.connectors.iter().enumerate() {
            let covered = g.symbols.iter().any(|s| s.rect.intersects(&k.rect))
                || g.connectors[i + 1..]
                    .iter()
                    .any(|m| m.rect.intersects(&k.rect));
            if covered || !in_actor_cell(&self.kolom, page, &k.rect, CELL_SLACK) {
                out.push(Violation::ConnectorOffCell {
                    page: h,
                    letter: k.letter.clone(),
                });
            }
        }
    }

    /// Whether edge `e` leaves its source and arrives at its target on
    /// paper: one line from symbol to symbol, or source → connector and
    /// connector → target with the same letter. A parallel step needs a line
    /// of the edge leaving each of its symbols (as source), and one with an
    /// arrowhead entering each (as target).
    fn is_drawn(&self, flow: &Flow, e: usize) -> bool {
        let p = &flow.edges[e];
        let boxes = |i: usize| -> Option<(usize, Vec<Rect>)> {
            let h = self.page_of_step(i)?;
            let k: Vec<Rect> = self.drawings[h]
                .symbols
                .iter()
                .filter(|s| s.langkah == i)
                .map(|s| s.rect)
                .collect();
            (k.len() == flow.columns(i).count()).then_some((h, k))
        };
        let (Some((hs, ks)), Some((ht, kt))) = (boxes(p.from), boxes(p.to)) else {
            return false;
        };
        let lines = |h: usize| self.drawings[h].lines.iter().filter(move |g| g.edge == e);
        let first = |g: &super::Line| g.points[0];
        let last = |g: &super::Line| *g.points.last().expect("lines have points");
        match &self.routes[e] {
            Route::Line { page } => {
                let leaves = ks.iter().all(|k| lines(hs).any(|g| on_edge(k, first(g))));
                let arrives = kt
                    .iter()
                    .all(|k| lines(ht).any(|g| on_edge(k, last(g)) && g.arrowhead.is_some()));
                let single = ks.len() == 1 && kt.len() == 1;
                let joined = !single
                    || lines(hs).any(|g| {
                        on_edge(&ks[0], first(g))
                            && on_edge(&kt[0], last(g))
                            && g.arrowhead.is_some()
                    });
                *page == hs && hs == ht && leaves && arrives && joined
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
                        .filter(move |k| {
                            k.exit == outgoing && &k.letter == letter && k.edges.contains(&e)
                        })
                        .collect::<Vec<_>>()
                };
                let (ko, km) = (connectors(*from_page, true), connectors(*to_page, false));
                let leaves = ks.iter().all(|k| {
                    lines(hs).any(|g| {
                        on_edge(k, first(g)) && ko.iter().any(|c| on_edge(&c.rect, last(g)))
                    })
                });
                let arrives = !km.is_empty()
                    && kt.iter().all(|k| {
                        self.drawings[ht].lines.iter().any(|g| {
                            km.iter().any(|c| c.edges.contains(&g.edge))
                                && on_edge(k, last(g))
                                && g.arrowhead.is_some()
                        })
                    })
                    && km.iter().all(|c| {
                        self.drawings[ht]
                            .lines
                            .iter()
                            .any(|g| c.edges.contains(&g.edge) && on_edge(&c.rect, first(g)))
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
                let k = s.kolom;
                if !flow.columns(s.langkah).any(|c| c == k) {
                    out.push(Violation::SymbolOffCentre { langkah: s.langkah });
                    continue;
                }
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
pub(super) fn on_edge(k: &Rect, p: Point) -> bool {
    let dalam = p.0 > k.x0 - EPS && p.0 < k.x1 + EPS && p.1 > k.y0 - EPS && p.1 < k.y1 + EPS;
    let side_x = (p.0 - k.x0).abs() < EPS
        || (p.0 - k.x1).abs() < EPS
        || (p.1 - k.y0).abs() < EPS
        || (p.1 - k.y1).abs() < EPS;
    dalam && side_x
}
