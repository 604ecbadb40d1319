//! Routes of the arrows on the pages fixed by [`super::pages`].
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
    Connector, Drawing, Edge, Flow, Label, Line, Page, Point, Rect, Route, Row, SymbolBox, size,
};
use crate::paper::{Kolom, mm};
use std::collections::BTreeMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Side {
    Left,
    Right,
}

impl Side {
    fn other(self) -> Side {
        match self {
            Side::Left => Side::Right,
            Side::Right => Side::Left,
        }
    }
    /// +1 to the right, −1 to the left.
    fn sign(self) -> f64 {
        match self {
            Side::Left => -1.0,
            Side::Right => 1.0,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Exit {
    Bottom,
    Side(Side),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Entry {
    Top,
    Side(Side),
}

/// Where a step sits on its page.
#[derive(Clone, Copy, Debug)]
struct Placed {
    page: usize,
    kolom: usize,
    rect: Rect,
    rows: Row,
}

impl Placed {
    fn cx(&self) -> f64 {
        (self.rect.x0 + self.rect.x1) / 2.0
    }
    fn mid(&self) -> f64 {
        (self.rect.y0 + self.rect.y1) / 2.0
    }
    fn port(&self, s: Side) -> Point {
        match s {
            Side::Left => Point(self.rect.x0, self.mid()),
            Side::Right => Point(self.rect.x1, self.mid()),
        }
    }
    fn top(&self) -> Point {
        Point(self.cx(), self.rect.y0)
    }
    fn bottom(&self) -> Point {
        Point(self.cx(), self.rect.y1)
    }
    /// Where arrows coming down turn towards this symbol.
    fn top_track(&self) -> f64 {
        self.rect.y0 - size::gap() / 2.0
    }
    /// Where a jump leaving the bottom turns towards its lane.
    fn bottom_track(&self) -> f64 {
        self.rect.y1 + size::gap() / 2.0
    }
}

/// How an edge is drawn.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Way {
    /// Same page, bottom of a step into the top of the next one.
    Straight,
    /// Same page, forward through a lane into the top of the target; out of
    /// the bottom, or out of a side chosen with the lane.
    Forward { bottom: bool },
    /// Same page, back through a lane from a side into a side.
    Back,
    /// A step back to itself: out of a side, into its own top.
    SelfLoop,
    /// Across pages: a pair of connectors.
    OffPage(Exit, Entry),
}

/// What a side of a symbol is used for. A side is an exit or an entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum SideUse {
    Exit,
    /// Entered by lines from lanes (they may share it).
    Entry,
    /// Entered from an off-page connector.
    Connector,
}

/// Plans every route and draws the pages.
pub fn route(flow: &Flow, kolom: &Kolom, pages: &[Page]) -> (Vec<Drawing>, Vec<Route>) {
    let placed = placed(flow, kolom, pages);
    let mut drawings: Vec<Drawing> = pages.iter().map(|_| Drawing::default()).collect();
    for (i, l) in placed.iter().enumerate() {
        drawings[l.page].symbols.push(SymbolBox {
            langkah: i,
            shape: flow.langkah[i].1,
            rect: l.rect,
        });
    }
    let (ways, sides) = ways(flow, kolom, &placed);
    let mut r = Router {
        flow,
        kolom,
        pages,
        placed: &placed,
        ways: &ways,
        sides,
        drawings,
        routes: vec![Route::Line { page: 0 }; flow.edges.len()],
        obstacles: vec![Vec::new(); pages.len()],
        lanes: vec![Vec::new(); pages.len()],
    };
    r.place_fixed_labels();
    r.connectors();
    r.lines();
    (r.drawings, r.routes)
}

/// Symbol boxes: centred in the actor cell, below the connector room.
fn placed(flow: &Flow, kolom: &Kolom, pages: &[Page]) -> Vec<Placed> {
    let mut out = Vec::with_capacity(flow.langkah.len());
    for (h, page) in pages.iter().enumerate() {
        for i in page.from..page.end {
            let (k, shape) = flow.langkah[i];
            let b = page.rows[i - page.from];
            let height = size::symbol_height(shape);
            let top =
                b.top + b.connector_room + (b.bottom - b.top - b.connector_room - height) / 2.0;
            let cx = kolom.tengah(k);
            let w = kolom.simbol_lebar / 2.0;
            out.push(Placed {
                page: h,
                kolom: k,
                rect: Rect::new(cx - w, top, cx + w, top + height),
                rows: b,
            });
        }
    }
    out
}

type SideMap = BTreeMap<(usize, Side), SideUse>;

/// How each edge is drawn, and the sides fixed before any lane is chosen:
/// the bottom goes to the exit into the next step (else to a forward jump on
/// the same page), connectors beside a symbol take the side with more room.
fn ways(flow: &Flow, kolom: &Kolom, placed: &[Placed]) -> (Vec<Way>, SideMap) {
    let n = flow.edges.len();
    let mut sides = SideMap::new();
    let mut exit: Vec<Exit> = vec![Exit::Bottom; n];
    let mut keluar_dari: Vec<Vec<usize>> = vec![Vec::new(); placed.len()];
    for (e, p) in flow.edges.iter().enumerate() {
        keluar_dari[p.from].push(e);
    }
    for s in 0..placed.len() {
        let exits = &keluar_dari[s];
        let same_page = |e: usize| placed[s].page == placed[flow.edges[e].to].page;
        let bottom = exits
            .iter()
            .copied()
            .find(|&e| flow.edges[e].to == s + 1)
            .or_else(|| {
                exits
                    .iter()
                    .copied()
                    .find(|&e| flow.edges[e].to > s + 1 && same_page(e))
            });
        for &e in exits {
            if Some(e) == bottom {
                continue;
            }
            // On-page side exits choose their side with their lane; a
            // connector beside the symbol is fixed now.
            let d = if same_page(e) {
                Side::Right
            } else {
                let wanted = roomier_side(kolom, placed[s].kolom);
                let d = if sides.contains_key(&(s, wanted)) {
                    wanted.other()
                } else {
                    wanted
                };
                sides.insert((s, d), SideUse::Exit);
                d
            };
            exit[e] = Exit::Side(d);
        }
    }
    let mut out = Vec::with_capacity(n);
    for (e, p) in flow.edges.iter().enumerate() {
        let (s, t) = (&placed[p.from], &placed[p.to]);
        let c = if s.page != t.page {
            let entry = if p.to > p.from && t.rows.connector_room > 0.0 {
                Entry::Top
            } else {
                let existing = [Side::Left, Side::Right]
                    .into_iter()
                    .find(|&d| sides.get(&(p.to, d)) == Some(&SideUse::Connector));
                let d = existing.unwrap_or_else(|| {
                    let wanted = roomier_side(kolom, t.kolom);
                    if sides.contains_key(&(p.to, wanted)) {
                        wanted.other()
                    } else {
                        wanted
                    }
                });
                sides.entry((p.to, d)).or_insert(SideUse::Connector);
                Entry::Side(d)
            };
            Way::OffPage(exit[e], entry)
        } else if p.to == p.from {
            Way::SelfLoop
        } else if p.to < p.from {
            Way::Back
        } else if exit[e] == Exit::Bottom && p.to == p.from + 1 {
            Way::Straight
        } else {
            Way::Forward {
                bottom: exit[e] == Exit::Bottom,
            }
        };
        out.push(c);
    }
    (out, sides)
}

/// The side of column `from` facing column `to` (right when the same).
fn facing(from: usize, to: usize) -> Side {
    if to < from { Side::Left } else { Side::Right }
}

/// The side of a column with more free room, for a connector beside it:
/// towards the inner columns.
fn roomier_side(kolom: &Kolom, k: usize) -> Side {
    if k + 1 < kolom.aktor || k == 0 {
        Side::Right
    } else {
        Side::Left
    }
}

/// An obstacle for lanes: a label or a connector, and the edges it belongs to.
#[derive(Clone, Debug)]
struct Obstacle {
    rect: Rect,
    owners: Vec<usize>,
    /// For the line from an incoming connector: its step, which other
    /// lines entering the same step may join.
    entry: Option<usize>,
}

/// One way to route an edge through a lane.
struct Candidate {
    pts: Vec<Point>,
    label: Option<Rect>,
    exit: Option<Side>,
    entry: Option<Side>,
    /// Rules broken (sides shared) and things run into: fewer is better.
    conflicts: usize,
    /// Preference and length: lower is better.
    cost: f64,
}

struct Router<'a> {
    flow: &'a Flow,
    kolom: &'a Kolom,
    pages: &'a [Page],
    placed: &'a [Placed],
    ways: &'a [Way],
    sides: SideMap,
    drawings: Vec<Drawing>,
    routes: Vec<Route>,
    /// Per page.
    obstacles: Vec<Vec<Obstacle>>,
    /// Per page: vertical lines in lanes (x, y0, y1).
    lanes: Vec<Vec<(f64, f64, f64)>>,
}

impl Router<'_> {
    fn edge(&self, e: usize) -> &Edge {
        &self.flow.edges[e]
    }

    /// Labels of edges that need no lane: they are fixed, lanes go around.
    fn place_fixed_labels(&mut self) {
        for e in 0..self.ways.len() {
            let Some(text) = self.edge(e).label.clone() else {
                continue;
            };
            let p = self.edge(e).clone();
            let s = self.placed[p.from];
            let (w, h) = size::label_size(&text);
            let rect = match self.ways[e] {
                Way::Straight | Way::OffPage(Exit::Bottom, _) => label_below(&s, Side::Right, w, h),
                Way::OffPage(Exit::Side(d), _) => label_beside(&s, d, w, h, true),
                _ => continue,
            };
            self.add_label(s.page, e, text, rect);
        }
    }

    fn add_label(&mut self, h: usize, e: usize, text: String, rect: Rect) {
        self.obstacles[h].push(Obstacle {
            rect,
            owners: vec![e],
            entry: None,
        });
        self.drawings[h].labels.push(Label {
            edge: e,
            text,
            rect,
        });
    }

    /// Off-page connectors: one incoming per target port, carrying every
    /// edge that enters there; one outgoing per edge.
    fn connectors(&mut self) {
        let mut entry: BTreeMap<(usize, Entry), Vec<usize>> = BTreeMap::new();
        for (e, c) in self.ways.iter().enumerate() {
            if let Way::OffPage(_, m) = c {
                entry.entry((self.edge(e).to, *m)).or_default().push(e);
            }
        }
        // Letters in reading order of the first row each pair touches.
        let mut ordered: Vec<((usize, Entry), Vec<usize>)> = entry.into_iter().collect();
        ordered.sort_by_key(|((t, m), es)| {
            let first = es.iter().map(|&e| self.edge(e).from).chain([*t]).min();
            (first, *t, *m)
        });
        for (n, ((t, m), es)) in ordered.into_iter().enumerate() {
            let letter = letter(n);
            let lt = self.placed[t];
            let rect = match m {
                Entry::Top => connector_at(lt.cx(), lt.rows.top + mm(1.2)),
                Entry::Side(d) => connector_beside(&lt, d, mm(3.5)),
            };
            // the line from the connector into the symbol
            let lines = match m {
                Entry::Top => vec![Point(lt.cx(), rect.y1), lt.top()],
                Entry::Side(d) => vec![Point(side_x(&rect, d.other()), lt.mid()), lt.port(d)],
            };
            self.add_connector(lt.page, &letter, rect, &lines, es.clone(), false);
            self.draw(lt.page, es[0], lines);
            for &e in &es {
                self.outgoing_connector(e, &letter);
            }
        }
    }

    fn outgoing_connector(&mut self, e: usize, letter: &str) {
        let p = self.edge(e).clone();
        let s = self.placed[p.from];
        let Way::OffPage(k, _) = self.ways[e] else {
            return;
        };
        let (rect, lines) = match k {
            Exit::Bottom => {
                let bottom = self.pages[s.page].bottom;
                let rect = connector_at(s.cx(), bottom + mm(1.5));
                (rect, vec![s.bottom(), Point(s.cx(), rect.y0)])
            }
            Exit::Side(d) => {
                let label = self.drawings[s.page].labels.iter().find(|l| l.edge == e);
                let gap = label.map_or(mm(3.5), |l| (l.rect.x1 - l.rect.x0 + mm(2.4)).max(mm(3.5)));
                let rect = connector_beside(&s, d, gap);
                (
                    rect,
                    vec![s.port(d), Point(side_x(&rect, d.other()), s.mid())],
                )
            }
        };
        self.add_connector(s.page, letter, rect, &lines, vec![e], true);
        self.draw(s.page, e, lines);
        self.routes[e] = Route::Connector {
            from_page: s.page,
            to_page: self.placed[p.to].page,
            letter: letter.to_owned(),
        };
    }

    /// Places a connector; it and its line (arrowhead included) block lanes.
    fn add_connector(
        &mut self,
        h: usize,
        letter: &str,
        rect: Rect,
        lines: &[Point],
        edge: Vec<usize>,
        exit: bool,
    ) {
        let (a, b) = (lines[0], lines[lines.len() - 1]);
        let line_box = Rect::new(a.0, a.1, b.0, b.1).grow(mm(0.9));
        let entry = (!exit).then(|| self.edge(edge[0]).to);
        self.obstacles[h].push(Obstacle {
            rect,
            owners: edge.clone(),
            entry: None,
        });
        self.obstacles[h].push(Obstacle {
            rect: line_box,
            owners: edge.clone(),
            entry,
        });
        self.drawings[h].connectors.push(Connector {
            letter: letter.to_owned(),
            rect,
            edges: edge,
            exit,
        });
    }

    /// Every line on a page: straight ones, then the lane routes, shortest
    /// first so that nested loops nest.
    fn lines(&mut self) {
        let mut lanes: Vec<usize> = Vec::new();
        for e in 0..self.ways.len() {
            let p = self.edge(e).clone();
            let (s, t) = (self.placed[p.from], self.placed[p.to]);
            match self.ways[e] {
                Way::Straight => {
                    let y = t.top_track();
                    let pts = vec![s.bottom(), Point(s.cx(), y), Point(t.cx(), y), t.top()];
                    self.draw(s.page, e, pts);
                    self.routes[e] = Route::Line { page: s.page };
                }
                Way::OffPage(..) => {}
                _ => lanes.push(e),
            }
        }
        lanes.sort_by(|&a, &b| {
            let span = |e: usize| {
                let p = self.edge(e);
                (self.placed[p.from].mid() - self.placed[p.to].mid()).abs()
            };
            span(a).total_cmp(&span(b)).then(a.cmp(&b))
        });
        for e in lanes {
            self.route_in_lane(e);
        }
        self.flip_labels();
    }

    /// A label placed before the lanes that a lane still had to cross moves
    /// to the other side of its line when that side is clear.
    fn flip_labels(&mut self) {
        for h in 0..self.drawings.len() {
            for i in 0..self.drawings[h].labels.len() {
                let l = &self.drawings[h].labels[i];
                let e = l.edge;
                if !matches!(self.ways[e], Way::Straight | Way::OffPage(Exit::Bottom, _)) {
                    continue;
                }
                let s = self.placed[self.edge(e).from];
                let (w, height) = (l.rect.x1 - l.rect.x0, l.rect.y1 - l.rect.y0);
                let other = if l.rect.x0 > s.cx() {
                    Side::Left
                } else {
                    Side::Right
                };
                let rect = label_below(&s, other, w, height);
                if self.lines_crossing(h, &l.rect) > 0 && self.lines_crossing(h, &rect) == 0 {
                    self.drawings[h].labels[i].rect = rect;
                }
            }
        }
    }

    /// How many lines of page `h` cross `rect`.
    fn lines_crossing(&self, h: usize, rect: &Rect) -> usize {
        self.drawings[h]
            .lines
            .iter()
            .filter(|g| g.points.windows(2).any(|w| rect.crossed_by(w[0], w[1])))
            .count()
    }

    /// Picks the best lane (and sides, and label place) for edge `e`.
    fn route_in_lane(&mut self, e: usize) {
        let p = self.edge(e).clone();
        let s = self.placed[p.from];
        let h = s.page;
        let mut best: Option<Candidate> = None;
        for k in 0..=self.kolom.aktor {
            for x in self.kolom.lajur(k) {
                for mut c in self.candidates(e, k, x) {
                    c.conflicts += self.conflicts(h, e, &c);
                    let better = best
                        .as_ref()
                        .is_none_or(|b| (c.conflicts, c.cost) < (b.conflicts, b.cost - 1e-6));
                    if better {
                        best = Some(c);
                    }
                }
            }
        }
        let Some(c) = best else { return };
        if let Some(v) = vertical(&c.pts) {
            self.lanes[h].push(v);
        }
        if let Some(d) = c.exit {
            self.sides.insert((p.from, d), SideUse::Exit);
        }
        if let Some(d) = c.entry {
            self.sides.entry((p.to, d)).or_insert(SideUse::Entry);
        }
        if let (Some(rect), Some(text)) = (c.label, p.label.clone()) {
            self.add_label(h, e, text, rect);
        }
        self.draw(h, e, c.pts);
        self.routes[e] = Route::Line { page: h };
    }

    /// The routes of `e` through lane `x` of channel `k`: every allowed exit
    /// side and label place.
    fn candidates(&self, e: usize, k: usize, x: f64) -> Vec<Candidate> {
        let p = self.edge(e);
        let (s, t) = (self.placed[p.from], self.placed[p.to]);
        let right_of = |l: &Placed| k > l.kolom; // lane right of that symbol
        let lane_side = |l: &Placed| {
            if right_of(l) { Side::Right } else { Side::Left }
        };
        let enter_top = |pts: &mut Vec<Point>| {
            let y = t.top_track();
            pts.extend([Point(x, y), Point(t.cx(), y), t.top()]);
        };
        let label = p.label.as_deref().map(size::label_size);
        let mut out = Vec::new();
        match self.ways[e] {
            Way::Forward { bottom: true } => {
                if lane_side(&s) != facing(s.kolom, t.kolom) {
                    return out;
                }
                let y = s.bottom_track();
                let mut pts = vec![s.bottom(), Point(s.cx(), y), Point(x, y)];
                enter_top(&mut pts);
                // the label beside the line leaving the bottom, away from its turn
                let rect = label.map(|(w, h)| label_below(&s, lane_side(&s).other(), w, h));
                out.push(self.candidate(pts, rect, None, None, 0.0));
            }
            Way::Forward { bottom: false } | Way::SelfLoop | Way::Back => {
                let d = lane_side(&s);
                let mut pts = vec![s.port(d), Point(x, s.mid())];
                let mut entry = None;
                match self.ways[e] {
                    Way::Forward { .. } => enter_top(&mut pts),
                    Way::SelfLoop => {
                        let y = s.top_track();
                        pts.extend([Point(x, y), Point(s.cx(), y), s.top()]);
                    }
                    _ => {
                        // into the side facing the lane; into the top when
                        // that side is taken
                        let m = lane_side(&t);
                        let free = !matches!(
                            self.sides.get(&(p.to, m)),
                            Some(SideUse::Exit | SideUse::Connector)
                        );
                        if free {
                            pts.extend([Point(x, t.mid()), t.port(m)]);
                            entry = Some(m);
                        } else {
                            let y = t.top_track();
                            pts.extend([Point(x, y), Point(t.cx(), y), t.top()]);
                        }
                    }
                }
                let down = matches!(self.ways[e], Way::Forward { .. });
                // the side facing the target costs nothing extra
                let wanted = if matches!(self.ways[e], Way::SelfLoop) {
                    Side::Right
                } else {
                    facing(s.kolom, t.kolom)
                };
                let cost = if d == wanted { 0.0 } else { mm(5.0) };
                match label {
                    None => out.push(self.candidate(pts, None, Some(d), entry, cost)),
                    Some((w, h)) => {
                        for top in [down, !down] {
                            let rect = label_beside(&s, d, w, h, top);
                            let other = if top == down { 0.0 } else { mm(2.0) };
                            out.push(self.candidate(
                                pts.clone(),
                                Some(rect),
                                Some(d),
                                entry,
                                cost + other,
                            ));
                        }
                    }
                }
            }
            _ => {}
        }
        out
    }

    fn candidate(
        &self,
        pts: Vec<Point>,
        label: Option<Rect>,
        exit: Option<Side>,
        entry: Option<Side>,
        cost: f64,
    ) -> Candidate {
        Candidate {
            cost: cost + horizontal_length(&pts),
            pts,
            label,
            exit,
            entry,
            conflicts: 0,
        }
    }

    /// How many rules candidate `c` of edge `e` breaks on page `h`: sides
    /// already used, lanes taken, labels, connectors and lines run into.
    fn conflicts(&self, h: usize, e: usize, c: &Candidate) -> usize {
        let p = self.edge(e);
        let mut n = 0;
        if let Some(d) = c.exit
            && self.sides.contains_key(&(p.from, d))
        {
            n += 10;
        }
        if let Some(d) = c.entry
            && matches!(
                self.sides.get(&(p.to, d)),
                Some(SideUse::Exit | SideUse::Connector)
            )
        {
            n += 10;
        }
        if let Some((x, y0, y1)) = vertical(&c.pts) {
            let gap = mm(1.5);
            n += self.lanes[h]
                .iter()
                .filter(|(x2, a, b)| (x2 - x).abs() < 0.5 && a - gap < y1 && y0 < b + gap)
                .count();
        }
        let crosses = |k: &Rect, pts: &[Point]| pts.windows(2).any(|w| k.crossed_by(w[0], w[1]));
        n += self.obstacles[h]
            .iter()
            .filter(|o| !o.owners.contains(&e) && o.entry != Some(p.to))
            .filter(|o| crosses(&o.rect.grow(mm(0.6)), &c.pts))
            .count();
        if let Some(label) = c.label {
            let k = label.grow(mm(0.3));
            n += usize::from(crosses(&k, &c.pts));
            n += self.drawings[h]
                .lines
                .iter()
                .filter(|g| crosses(&k, &g.points))
                .count();
            n += self.drawings[h]
                .symbols
                .iter()
                .filter(|s| s.rect.intersects(&label))
                .count();
            n += self.obstacles[h]
                .iter()
                .filter(|o| o.rect.intersects(&label))
                .count();
        }
        n
    }

    /// Draws a polyline of edge `e` on page `h`, arrowhead at its end.
    fn draw(&mut self, h: usize, e: usize, pts: Vec<Point>) {
        let points = simplify(pts);
        let arrowhead = arrowhead_of(&points);
        self.drawings[h].lines.push(Line {
            edge: e,
            points,
            arrowhead,
        });
    }
}

/// A label beside the line leaving the bottom of `s`, on side `d` of it.
fn label_below(s: &Placed, d: Side, w: f64, h: f64) -> Rect {
    let x0 = s.cx() + d.sign() * mm(0.8);
    let y0 = s.rect.y1 + mm(0.5);
    Rect::new(x0, y0, x0 + d.sign() * w, y0 + h)
}

/// A side-exit label: just outside the tip, above or below the line.
fn label_beside(s: &Placed, d: Side, w: f64, h: f64, top: bool) -> Rect {
    let tip = s.port(d);
    let x0 = tip.0 + d.sign() * mm(0.8);
    let x1 = x0 + d.sign() * w;
    let (y0, y1) = if top {
        (tip.1 - mm(0.6) - h, tip.1 - mm(0.6))
    } else {
        (tip.1 + mm(0.6), tip.1 + mm(0.6) + h)
    };
    Rect::new(x0, y0, x1, y1)
}

/// A connector centred on x, its top at y.
fn connector_at(cx: f64, y0: f64) -> Rect {
    let k = size::connector_side();
    Rect::new(cx - k / 2.0, y0, cx + k / 2.0, y0 + k)
}

/// A connector beside a symbol, `gap` away from its tip.
fn connector_beside(l: &Placed, d: Side, gap: f64) -> Rect {
    let k = size::connector_side();
    let tip = l.port(d);
    let dekat = tip.0 + d.sign() * gap;
    let jauh = dekat + d.sign() * k;
    // the line meets the pentagon's square part
    Rect::new(dekat, tip.1 - k * 0.3, jauh, tip.1 + k * 0.7)
}

fn side_x(k: &Rect, d: Side) -> f64 {
    match d {
        Side::Left => k.x0,
        Side::Right => k.x1,
    }
}

/// A, B, …, Z, AA, AB, …
fn letter(mut n: usize) -> String {
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
fn vertical(pts: &[Point]) -> Option<(f64, f64, f64)> {
    pts.windows(2)
        .filter(|w| w[0].0 == w[1].0)
        .map(|w| (w[0].0, w[0].1.min(w[1].1), w[0].1.max(w[1].1)))
        .filter(|v| v.2 - v.1 > 0.0)
        .max_by(|a, b| (a.2 - a.1).total_cmp(&(b.2 - b.1)))
}

fn horizontal_length(pts: &[Point]) -> f64 {
    pts.windows(2).map(|w| (w[0].0 - w[1].0).abs()).sum()
}

/// Drops repeated points and points in the middle of a straight run.
fn simplify(pts: Vec<Point>) -> Vec<Point> {
    let mut out: Vec<Point> = Vec::with_capacity(pts.len());
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
fn arrowhead_of(pts: &[Point]) -> Option<[Point; 3]> {
    let [.., a, b] = pts else { return None };
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len = (dx * dx + dy * dy).sqrt();
    if len < 1e-6 {
        return None;
    }
    let (ux, uy) = (dx / len, dy / len);
    let (l, w) = (mm(1.6), mm(0.8));
    let base = Point(b.0 - ux * l, b.1 - uy * l);
    Some([
        *b,
        Point(base.0 - uy * w, base.1 + ux * w),
        Point(base.0 + uy * w, base.1 - ux * w),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_run_past_z() {
        assert_eq!(letter(0), "A");
        assert_eq!(letter(25), "Z");
        assert_eq!(letter(26), "AA");
        assert_eq!(letter(27), "AB");
        assert_eq!(letter(26 + 26 * 26), "AAA");
    }

    #[test]
    fn straight_runs_are_merged() {
        let p = simplify(vec![
            Point(0.0, 0.0),
            Point(0.0, 5.0),
            Point(0.0, 10.0),
            Point(3.0, 10.0),
            Point(3.0, 10.0),
        ]);
        assert_eq!(p, vec![Point(0.0, 0.0), Point(0.0, 10.0), Point(3.0, 10.0)]);
    }

    #[test]
    fn arrowheads_point_along_the_last_segment() {
        let [tip, a, b] = arrowhead_of(&[Point(0.0, 0.0), Point(0.0, 20.0)]).unwrap();
        assert_eq!(tip, Point(0.0, 20.0));
        assert!(a.1 < 20.0 && b.1 < 20.0 && (a.0 + b.0).abs() < 1e-9);
    }
}
