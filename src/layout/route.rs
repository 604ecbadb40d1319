//! Routes of the arrows on the pages fixed by [`super::pages`].
//!
//! ## Drawing rules
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
//!
//! These rules come from a Typst prototype of the table: a horizontal on the
//! row rule vanishes into it, and a vertical through a symbol or along
//! another line is what readers of web e-SOP tools complain of most.
//!
//! ## The algorithm, in the order [`route`] runs it
//! 1. **Place** every symbol, centred in its actor cell below any connector
//!    room ([`placed`]). Everything after works in page coordinates.
//! 2. **Ways and ports** ([`ways`]): how each edge is drawn (straight down,
//!    forward or back through a lane, a loop to itself, or off-page), and the
//!    ports that do not depend on a lane: the bottom exit and the sides of
//!    off-page connectors. They come first because a side taken now is a
//!    side no lane route may use.
//! 3. **Fixed labels** ([`Router::place_fixed_labels`]): the labels of edges
//!    that need no lane (straight, off-page) are placed before any lane, so
//!    the lanes go around them rather than the labels around the lanes.
//! 4. **Connectors** ([`Router::place_connectors`]): off-page pairs with
//!    their letters in reading order, and their short stubs; they too become
//!    obstacles for the lanes.
//! 5. **Lines** ([`Router::draw_lines`]): straight lines first, then every
//!    lane route, shortest span first so that a short loop takes the lane
//!    nearest its symbols and a longer loop around it goes outside — nested
//!    loops nest instead of crossing. For each edge every lane of every
//!    gutter is tried with every allowed exit side and label place
//!    ([`Router::candidates`]); the winner has the fewest conflicts
//!    ([`Router::conflicts`]: rules broken, things run into), then the lowest
//!    cost (horizontal length plus the preferences below).
//! 6. **Flip labels** ([`Router::flip_labels`]): a label fixed in phase 3
//!    that a lane had to cross moves to the other side of its line when that
//!    side is clear.
//!
//! The finished plan is checked against the drawing rules by
//! [`super::Plan::verify`], in the tests and on every render.

use super::{
    Connector, Drawing, Edge, Flow, Label, Line, Page, Point, Rect, Route, Row, SymbolBox, size,
};
use crate::paper::{Columns, mm};
use std::collections::BTreeMap;

/// Conflicts counted for using a side that is already an exit, an entry or a
/// connector's. More than any count of obstacles a route can cross on one
/// page, so a side is shared only when nothing else is possible: a side that
/// is both an exit and an entry makes the direction of the flow unreadable.
const SIDE_TAKEN_CONFLICTS: usize = 10;
/// Vertical distance two lines in the same lane must keep, so a reader sees
/// where one ends and the other begins.
const LANE_CLEARANCE: f64 = mm(1.5);
/// Margin around a label or connector that a route must not enter: the line
/// width plus a hair, so a line never touches the text.
const OBSTACLE_MARGIN: f64 = mm(0.6);
/// Margin around a label candidate when testing it against lines.
const LABEL_MARGIN: f64 = mm(0.3);
/// Margin around a connector's stub; lanes keep clear of it.
const CONNECTOR_STUB_MARGIN: f64 = mm(0.9);
/// Cost of leaving by the side away from the target: worth 5 mm of extra
/// horizontal line, so a shorter route the other way round still wins.
const AWAY_SIDE_COST: f64 = mm(5.0);
/// Cost of putting a label at the far end of its exit (below a route going
/// down, above one going up): a small preference, since either place reads.
const LABEL_FAR_END_COST: f64 = mm(2.0);
/// Gap between a symbol and an off-page connector beside it.
const CONNECTOR_GAP: f64 = mm(3.5);
/// Gap left between a label and the connector beyond it.
const LABEL_CONNECTOR_GAP: f64 = mm(2.4);

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
    row: Row,
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
pub fn route(flow: &Flow, kolom: &Columns, pages: &[Page]) -> (Vec<Drawing>, Vec<Route>) {
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
fn placed(flow: &Flow, kolom: &Columns, pages: &[Page]) -> Vec<Placed> {
    let mut out = Vec::with_capacity(flow.langkah.len());
    for (h, page) in pages.iter().enumerate() {
        for i in page.from..page.end {
            let (k, shape) = flow.langkah[i];
            let b = page.rows[i - page.from];
            let height = size::symbol_height(shape);
            let top =
                b.top + b.connector_room + (b.bottom - b.top - b.connector_room - height) / 2.0;
            let cx = kolom.center(k);
            let w = kolom.symbol_width / 2.0;
            out.push(Placed {
                page: h,
                kolom: k,
                rect: Rect::new(cx - w, top, cx + w, top + height),
                row: b,
            });
        }
    }
    out
}

type SideMap = BTreeMap<(usize, Side), SideUse>;

/// How each edge is drawn (phase 2), and the sides fixed before any lane is
/// chosen.
fn ways(flow: &Flow, kolom: &Columns, placed: &[Placed]) -> (Vec<Way>, SideMap) {
    let mut sides = SideMap::new();
    let exit = exit_ports(flow, kolom, placed, &mut sides);
    let ways = flow
        .edges
        .iter()
        .enumerate()
        .map(|(e, p)| {
            let (s, t) = (&placed[p.from], &placed[p.to]);
            if s.page != t.page {
                Way::OffPage(exit[e], entry_port(p, t, kolom, &mut sides))
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
            }
        })
        .collect();
    (ways, sides)
}

/// The port each edge leaves its symbol by. The bottom goes to the exit into
/// the next step, else to a forward jump on the same page; every other exit
/// leaves by a side. On-page side exits choose their side later, with their
/// lane (right for now); a connector beside the symbol takes the side with
/// more room now, and claims it.
fn exit_ports(flow: &Flow, kolom: &Columns, placed: &[Placed], sides: &mut SideMap) -> Vec<Exit> {
    let mut exit: Vec<Exit> = vec![Exit::Bottom; flow.edges.len()];
    let mut exits_of: Vec<Vec<usize>> = vec![Vec::new(); placed.len()];
    for (e, p) in flow.edges.iter().enumerate() {
        exits_of[p.from].push(e);
    }
    for (s, exits) in exits_of.iter().enumerate() {
        let same_page = |e: usize| placed[s].page == placed[flow.edges[e].to].page;
        let to = |e: usize| flow.edges[e].to;
        let bottom = exits.iter().copied().find(|&e| to(e) == s + 1).or_else(|| {
            exits
                .iter()
                .copied()
                .find(|&e| to(e) > s + 1 && same_page(e))
        });
        for &e in exits.iter().filter(|&&e| Some(e) != bottom) {
            let d = if same_page(e) {
                Side::Right
            } else {
                let d = free_side(sides, s, roomier_side(kolom, placed[s].kolom));
                sides.insert((s, d), SideUse::Exit);
                d
            };
            exit[e] = Exit::Side(d);
        }
    }
    exit
}

/// Where an edge from another page comes in: on top of the target when its
/// row kept connector room (the ordinary flow continuing), else beside it,
/// sharing the side of a connector already there.
fn entry_port(p: &Edge, t: &Placed, kolom: &Columns, sides: &mut SideMap) -> Entry {
    if p.to > p.from && t.row.connector_room > 0.0 {
        return Entry::Top;
    }
    let existing = [Side::Left, Side::Right]
        .into_iter()
        .find(|&d| sides.get(&(p.to, d)) == Some(&SideUse::Connector));
    let d = existing.unwrap_or_else(|| free_side(sides, p.to, roomier_side(kolom, t.kolom)));
    sides.entry((p.to, d)).or_insert(SideUse::Connector);
    Entry::Side(d)
}

/// `wanted`, unless that side of step `s` is already used.
fn free_side(sides: &SideMap, s: usize, wanted: Side) -> Side {
    if sides.contains_key(&(s, wanted)) {
        wanted.other()
    } else {
        wanted
    }
}

/// The side of column `from` facing column `to` (right when the same).
fn facing(from: usize, to: usize) -> Side {
    if to < from { Side::Left } else { Side::Right }
}

/// The side of a column with more free room, for a connector beside it:
/// towards the inner columns.
fn roomier_side(kolom: &Columns, k: usize) -> Side {
    if k + 1 < kolom.actors || k == 0 {
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
    kolom: &'a Columns,
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
                Entry::Top => connector_at(lt.cx(), lt.row.top + mm(1.2)),
                Entry::Side(d) => connector_beside(&lt, d, CONNECTOR_GAP),
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
                let gap = label.map_or(CONNECTOR_GAP, |l| {
                    (l.rect.x1 - l.rect.x0 + LABEL_CONNECTOR_GAP).max(CONNECTOR_GAP)
                });
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
        let line_box = Rect::new(a.0, a.1, b.0, b.1).grow(CONNECTOR_STUB_MARGIN);
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
        for k in 0..=self.kolom.actors {
            for x in self.kolom.lanes(k) {
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

    /// The routes of `e` through lane `x` of channel `k` (phase 5): every
    /// allowed exit side and label place.
    fn candidates(&self, e: usize, k: usize, x: f64) -> Vec<Candidate> {
        let p = self.edge(e);
        let (s, t) = (self.placed[p.from], self.placed[p.to]);
        // the side of a symbol that faces the lane
        let lane_side = |l: &Placed| if k > l.kolom { Side::Right } else { Side::Left };
        let label = p.label.as_deref().map(size::label_size);
        match self.ways[e] {
            Way::Forward { bottom: true } => {
                if lane_side(&s) != facing(s.kolom, t.kolom) {
                    return Vec::new();
                }
                let y = s.bottom_track();
                let mut pts = vec![s.bottom(), Point(s.cx(), y), Point(x, y)];
                pts.extend(into_top(&t, x));
                // the label beside the line leaving the bottom, away from its turn
                let rect = label.map(|(w, h)| label_below(&s, lane_side(&s).other(), w, h));
                vec![self.candidate(pts, rect, None, None, 0.0)]
            }
            Way::Forward { bottom: false } | Way::SelfLoop | Way::Back => {
                let d = lane_side(&s);
                let mut pts = vec![s.port(d), Point(x, s.mid())];
                let entry = match self.ways[e] {
                    Way::Forward { .. } => {
                        pts.extend(into_top(&t, x));
                        None
                    }
                    Way::SelfLoop => {
                        pts.extend(into_top(&s, x));
                        None
                    }
                    _ => self.back_into(&t, p.to, lane_side(&t), x, &mut pts),
                };
                self.side_candidates(e, &s, &t, d, pts, entry, label)
            }
            _ => Vec::new(),
        }
    }

    /// A jump back enters the side of its target facing the lane, or its top
    /// when that side is an exit or a connector's; returns the side entered.
    fn back_into(
        &self,
        t: &Placed,
        step: usize,
        m: Side,
        x: f64,
        pts: &mut Vec<Point>,
    ) -> Option<Side> {
        let taken = matches!(
            self.sides.get(&(step, m)),
            Some(SideUse::Exit | SideUse::Connector)
        );
        if taken {
            pts.extend(into_top(t, x));
            None
        } else {
            pts.extend([Point(x, t.mid()), t.port(m)]);
            Some(m)
        }
    }

    /// The candidates of a route leaving symbol `s` by side `d`: one per
    /// label place (above or below the exit).
    #[allow(clippy::too_many_arguments)]
    fn side_candidates(
        &self,
        e: usize,
        s: &Placed,
        t: &Placed,
        d: Side,
        pts: Vec<Point>,
        entry: Option<Side>,
        label: Option<(f64, f64)>,
    ) -> Vec<Candidate> {
        let wanted = if matches!(self.ways[e], Way::SelfLoop) {
            Side::Right
        } else {
            facing(s.kolom, t.kolom)
        };
        let cost = if d == wanted { 0.0 } else { AWAY_SIDE_COST };
        let Some((w, h)) = label else {
            return vec![self.candidate(pts, None, Some(d), entry, cost)];
        };
        // a route going down keeps its label above the exit, one going up below
        let down = matches!(self.ways[e], Way::Forward { .. });
        [down, !down]
            .into_iter()
            .map(|top| {
                let rect = label_beside(s, d, w, h, top);
                let extra = if top == down { 0.0 } else { LABEL_FAR_END_COST };
                self.candidate(pts.clone(), Some(rect), Some(d), entry, cost + extra)
            })
            .collect()
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
            n += SIDE_TAKEN_CONFLICTS;
        }
        if let Some(d) = c.entry
            && matches!(
                self.sides.get(&(p.to, d)),
                Some(SideUse::Exit | SideUse::Connector)
            )
        {
            n += SIDE_TAKEN_CONFLICTS;
        }
        if let Some((x, y0, y1)) = vertical(&c.pts) {
            n += self.lanes[h]
                .iter()
                .filter(|(x2, a, b)| {
                    (x2 - x).abs() < 0.5 && a - LANE_CLEARANCE < y1 && y0 < b + LANE_CLEARANCE
                })
                .count();
        }
        let crosses = |k: &Rect, pts: &[Point]| pts.windows(2).any(|w| k.crossed_by(w[0], w[1]));
        n += self.obstacles[h]
            .iter()
            .filter(|o| !o.owners.contains(&e) && o.entry != Some(p.to))
            .filter(|o| crosses(&o.rect.grow(OBSTACLE_MARGIN), &c.pts))
            .count();
        if let Some(label) = c.label {
            let k = label.grow(LABEL_MARGIN);
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

/// From lane `x` along the top track of `t` into its top.
fn into_top(t: &Placed, x: f64) -> [Point; 3] {
    let y = t.top_track();
    [Point(x, y), Point(t.cx(), y), t.top()]
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
    let near = tip.0 + d.sign() * gap;
    let far = near + d.sign() * k;
    // the line meets the pentagon's square part
    Rect::new(near, tip.1 - k * 0.3, far, tip.1 + k * 0.7)
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
            let straight_flow = ((a.0 - b.0).abs() < 1e-6 && (b.0 - p.0).abs() < 1e-6)
                || ((a.1 - b.1).abs() < 1e-6 && (b.1 - p.1).abs() < 1e-6);
            if straight_flow {
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
