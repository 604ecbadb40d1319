//! Routes of the arrows on the pages fixed by [`super::pages`].
//!
//! ## Drawing rules
//! - A row holds the symbols of one step: one, or one per column for a
//!   parallel step. Horizontals run only in the rows of their ends: at a
//!   symbol's middle (side ports), just above the symbols (the *top track*,
//!   where arrows coming down turn and fan out) and just below them (the
//!   *bottom track*, where the lines of a parallel step join); a line that
//!   changes lanes does so on those tracks of a row it passes, or 3 mm
//!   inside the rules of a row taller than its symbol needs.
//! - Verticals that pass other rows run in *lanes*: in the gutters beside
//!   the symbols, 3 mm from the column rule and 2 mm from each other
//!   ([`Columns::lanes`]), or inside a column over rows where it holds no
//!   symbol ([`Columns::inner_lanes`]). A route keeps 3 mm from every table
//!   rule it runs along, 1 mm from the side of a symbol it passes (as far
//!   as a gutter lane keeps; an inner lane just past a symbol's side may
//!   not serve that row) and 2 mm from every other route it runs beside,
//!   unless both enter the same arrowhead.
//! - Ports: the bottom carries the exit to the next step (else a forward
//!   jump) unless its label is too wide to stand beside a line down the
//!   column's middle — but not below the turn of a line into the next
//!   step's other column, on the bottom track, where the row has room for
//!   it ([`Router::turns_below`]) — the sides carry the other exits and
//!   the jumps coming back; the
//!   top takes every arrow coming down. A side is either an exit or an
//!   entry, never both. A parallel step leaves only by its bottoms (its
//!   lines join on the bottom track) and is entered only from the top
//!   (the line fans out on the top track), one arrowhead per symbol.
//! - A crossing that remains is drawn as a small bridge on the horizontal
//!   line ([`super::Line::hops`]).
//! - Labels and connectors stand inside one actor cell: never on a rule,
//!   never over the text of another column. A label (8 pt italics,
//!   measured) stands in its decision's own cell where a place is free —
//!   beside the line going down, or above or below a side exit, over the
//!   diamond's free corner but with no word in its box — set on two lines
//!   when it has several words and one line finds no place; only then in
//!   the next column, beside its own line ([`label_spots`] and their
//!   costs).
//! - When the two ends are on different pages the edge becomes a pair of
//!   off-page connectors with one letter: below the table and on top of the
//!   next page's first row for the ordinary flow, beside the symbols (in the
//!   nearest free actor cell) for jumps, also back to an earlier page.
//!
//! These rules come from a Typst prototype of the table and from the signed
//! SOPs of offices: a horizontal on the row rule vanishes into it, a lane
//! 1 mm from a rule reads as a doubled rule, and a vertical through a symbol
//! or along another line is what readers of web e-SOP tools complain of
//! most.
//!
//! ## The algorithm, in the order [`route`] runs it
//! 1. **Place** every symbol, centred in its actor cell below any connector
//!    room ([`placed`]). Everything after works in page coordinates.
//! 2. **Ways and ports** ([`ways`]): how each edge is drawn (straight down,
//!    forward or back through a lane, a loop to itself, or off-page), and the
//!    ports that do not depend on a lane: the bottom exit and the sides of
//!    off-page connectors. They come first because a side taken now is a
//!    side no lane route may use.
//! 3. **Straight lines** ([`Router::straight_lines`]): from one row into the
//!    next, fans of parallel rows included; everything after goes around
//!    them.
//! 4. **Fixed labels** ([`Router::place_fixed_labels`]): the labels of
//!    straight edges are placed before any lane, so the lanes go around
//!    them rather than the labels around the lanes; a label placed later
//!    that needs such a label's spot ([`Router::make_room`]), or a lane
//!    whose only way passes it ([`Router::make_way`]), moves it to another
//!    free place beside its line: the other side, beside the diamond's
//!    lower corner, or below the bottom track.
//! 5. **Connectors** ([`Router::connectors`]): off-page pairs with their
//!    letters in reading order, each in the nearest free actor cell of its
//!    row (or on top of a row kept for it), with their stubs and labels;
//!    they too become obstacles for the lanes.
//! 6. **Lanes** ([`Router::lines`]): every other route, shortest span first
//!    so that a short loop takes the lane nearest its symbols and a longer
//!    loop around it goes outside — nested loops nest instead of crossing.
//!    For each edge every lane is tried with its exit side and label places
//!    ([`Router::route_in_lane`]); the winner has the fewest conflicts
//!    ([`Router::conflicts`]: sides shared, symbols, labels and connectors
//!    run into, routes nearer than 2 mm, rules nearer than 3 mm, symbols'
//!    sides nearer than 1 mm; a fixed label that can move away is a cost,
//!    not a conflict), then the lowest cost (length, crossings and the
//!    preferences below).
//! 7. **Flip labels** ([`Router::flip_labels`]): a label fixed in phase 4
//!    that a lane had to cross moves to the other side of its line when that
//!    side is clear.
//! 8. **Settle labels** ([`Router::settle_labels`]): a label that still
//!    breaks a rule (a line through it, on a symbol, a connector or another
//!    label, cut by a rule) moves to the nearest free place beside its own
//!    line.
//! 9. **Hops** ([`hops`]): every crossing left gets a bridge on its
//!    horizontal line.
//!
//! The finished plan is checked against the drawing rules by
//! [`super::Plan::verify`], in the tests and on every render. A plan that
//! breaks one is routed again ([`super::Plan::new`]) with the breaking
//! lines first ([`Order`]): first among the lanes of phase 6, then before
//! phases 4 and 5, so that the connectors and fixed labels keep out of the
//! only way such a line has.

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
/// Conflicts counted for a label or connector on a rule or over text: more
/// than running near a stub, which only looks crowded.
const OFF_CELL_CONFLICTS: usize = 3;
/// Vertical distance two lines in the same lane must keep, so a reader sees
/// where one ends and the other begins.
const LANE_CLEARANCE: f64 = mm(1.5);
/// Margin around a label or connector that a route must not enter: the line
/// width plus a hair, so a line never touches the text.
const OBSTACLE_MARGIN: f64 = mm(0.6);
/// Margin around a label candidate when testing it against lines.
const LABEL_MARGIN: f64 = mm(0.3);
/// Margin a label or connector keeps from the rules of its cell.
pub const CELL_MARGIN: f64 = mm(0.4);
/// Margin around a connector's stub; lanes keep clear of it.
const CONNECTOR_STUB_MARGIN: f64 = mm(0.9);
/// Cost of leaving by the side away from the target: worth 5 mm of extra
/// horizontal line, so a shorter route the other way round still wins.
const AWAY_SIDE_COST: f64 = mm(5.0);
/// Cost of a crossing: worth 12 mm of line, so a route goes a little way
/// round rather than cross, but never far.
const CROSSING_COST: f64 = mm(12.0);
/// Cost of a millimetre of vertical line, against a millimetre of
/// horizontal (1): small, so that among lanes of equal horizontal length
/// the one that does not run on past its rows wins.
const VERTICAL_COST: f64 = 0.05;
/// Cost of putting a label at the far end of its exit (below a route going
/// down, above one going up), or further along its line: a small
/// preference, since either place reads.
const LABEL_FAR_END_COST: f64 = mm(2.0);
/// Gap between a symbol and an off-page connector beside it in its own cell.
const CONNECTOR_GAP: f64 = mm(1.5);
/// Cost of a label over a decision's free corner, inside its box: worth
/// 20 mm, so a label clear of the box wins wherever one fits (a reader, and
/// `sopc impor`, takes text inside a symbol's box for the symbol's own).
const LABEL_CORNER_COST: f64 = mm(20.0);
/// Most routes that change lanes weighed for one edge ([`Router::jogs`]):
/// enough for every way round a few symbols, few enough that a plan with
/// an edge no way serves stays quick.
const JOG_BUDGET: usize = 20_000;
/// Cost of a lane that a straight exit's label must move away for: worth
/// 10 mm of line, so a lane clear of it wins wherever one is as short.
const LABEL_MOVED_COST: f64 = mm(10.0);
/// Gap left between a label and its line, or the connector beyond it.
const LABEL_GAP: f64 = mm(0.8);
/// Cost of setting a label on two lines: worth 3 mm of line, so one line
/// wins wherever it fits as well.
const TWO_LINES_COST: f64 = mm(3.0);
/// Cost of a label across the rule past its line's turn, in the next
/// column: worth 15 mm, so a label beside its exit (on two lines if need
/// be) wins wherever it fits — one column away it reads as another's.
const LABEL_BEYOND_COST: f64 = mm(15.0);
/// Cost of a label in another column than its decision's, beside its
/// line past a rule: worth 8 mm, so a place in the decision's own cell wins
/// wherever one is free.
const LABEL_OTHER_CELL_COST: f64 = mm(8.0);
/// Cost of a label reaching into its decision's top track, where a line
/// routed later may come in: worth 10 mm.
const LABEL_TRACK_COST: f64 = mm(10.0);
/// Least distance from a decision's axis of a label below a side exit
/// when a line leaves the decision's bottom: twice the gap of that line's
/// own label, so the two do not read as a pair flanking the same line.
const SIDE_LABEL_OFF_AXIS: f64 = mm(1.6);
/// Cost of a side exit's label nearer the axis than that: worth 12 mm, more
/// than a place in the next column beside its own line, less than one past
/// the line's turn; in a narrow column it may be the only free place.
const LABEL_AXIS_COST: f64 = mm(12.0);
/// How far along its line from the decision a label that finds no free
/// place where it was set may move ([`Router::settle_labels`]).
const SETTLE_REACH: f64 = mm(20.0);
/// Least gap between a label and the line beside it, where a narrow cell
/// leaves no more: the text still stands clear of the 0.6 pt line.
const LABEL_GAP_LEAST: f64 = crate::kolom::LABEL_JARAK_GARIS;

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
    /// The side of `from` that faces `x`.
    fn towards(from: f64, x: f64) -> Side {
        if x < from { Side::Left } else { Side::Right }
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

/// Where a symbol sits on its page.
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
        self.rect.y0 - size::track()
    }
    /// Where a jump leaving the bottom turns towards its lane.
    fn bottom_track(&self) -> f64 {
        self.rect.y1 + size::track()
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
    /// Same page, back through a lane into a side (or the top); out of a
    /// side, or out of the bottom for a parallel step.
    Back { bottom: bool },
    /// A step back to itself: out of a side, into its own top.
    SelfLoop,
    /// Across pages: a pair of connectors.
    OffPage(Exit, Entry),
}

/// What a side of a symbol is used for. A side is an exit or an entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum SideUse {
    Exit,
    /// Kept before any lane is chosen for the exit of this edge: the only
    /// side of its step with a lane beyond it, which no entry may take.
    ExitOf(usize),
    /// Entered by lines from lanes (they may share it).
    Entry,
    /// Entered from an off-page connector.
    Connector,
}

/// The drawing of every page and the route of every edge.
pub struct Routed {
    pub drawings: Vec<Drawing>,
    pub routes: Vec<Route>,
}

/// Which lane routes go before the others, to retry a plan whose later
/// routes found no room around the earlier ones.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Order {
    /// Edges whose lane routes go first, in this order.
    pub first: Vec<usize>,
    /// Whether they go even before the fixed labels and the connectors
    /// (phases 4 and 5), which then keep out of their lanes: for a jump
    /// whose only way in a connector or label placed earlier would block.
    pub before_connectors: bool,
    /// Whether the exit into the next step leaves by the bottom even where
    /// its label is too wide to stand beside a line down the column: for a
    /// plan whose side exits found no side of their own.
    pub next_by_bottom: bool,
    /// Whether a connector coming in beside a single symbol stands instead
    /// in a free cell of its row above the symbol's top track, its stub
    /// joining the line into the symbol's top: for a plan whose decision
    /// has no side left for it (in the first column, Kegiatan's text
    /// beyond the left side, its exit and label taking the right).
    pub connectors_on_top: bool,
}

/// Plans every route and draws the pages, the lane routes in `order`.
pub fn route(flow: &Flow, kolom: &Columns, pages: &[Page], order: &Order) -> Routed {
    let placed = placed(flow, kolom, pages);
    let mut drawings: Vec<Drawing> = pages.iter().map(|_| Drawing::default()).collect();
    for (i, l) in placed.iter().enumerate() {
        for s in l {
            drawings[s.page].symbols.push(SymbolBox {
                langkah: i,
                kolom: s.kolom,
                shape: flow.langkah[i].1,
                rect: s.rect,
            });
        }
    }
    let (ways, sides) = ways(flow, kolom, &placed, order.next_by_bottom);
    let lanes = all_lanes(kolom);
    let mut r = Router {
        flow,
        kolom,
        pages,
        placed: &placed,
        ways: &ways,
        lanes: &lanes,
        sides,
        drawings,
        routes: vec![Route::Line { page: 0 }; flow.edges.len()],
        obstacles: vec![Vec::new(); pages.len()],
        first: &order.first,
        connectors_on_top: order.connectors_on_top,
        forms: flow
            .edges
            .iter()
            .map(|p| p.label.as_deref().map_or_else(Vec::new, forms))
            .collect(),
    };
    r.straight_lines();
    if order.before_connectors {
        for &e in &order.first {
            if r.is_lane(e) {
                r.route_in_lane(e);
            }
        }
    }
    r.place_fixed_labels();
    r.connectors();
    r.lines(if order.before_connectors {
        &order.first
    } else {
        &[]
    });
    r.settle_labels();
    for g in &mut r.drawings {
        hops(g, flow);
    }
    Routed {
        drawings: r.drawings,
        routes: r.routes,
    }
}

/// Symbol boxes of every step, its leftmost column first: centred in the
/// actor cell, below the connector room.
fn placed(flow: &Flow, kolom: &Columns, pages: &[Page]) -> Vec<Vec<Placed>> {
    let mut out = Vec::with_capacity(flow.langkah.len());
    for (h, page) in pages.iter().enumerate() {
        for i in page.from..page.end {
            let shape = flow.langkah[i].1;
            let b = page.rows[i - page.from];
            let height = size::symbol_height(shape);
            let top =
                b.top + b.connector_room + (b.bottom - b.top - b.connector_room - height) / 2.0;
            let w = kolom.symbol_width / 2.0;
            out.push(
                flow.columns(i)
                    .map(|k| {
                        let cx = kolom.center(k);
                        Placed {
                            page: h,
                            kolom: k,
                            rect: Rect::new(cx - w, top, cx + w, top + height),
                            row: b,
                        }
                    })
                    .collect(),
            );
        }
    }
    out
}

/// Every lane of the table: the gutters' and the columns' own.
fn all_lanes(kolom: &Columns) -> Vec<f64> {
    let mut out: Vec<f64> = (0..=kolom.actors).flat_map(|k| kolom.lanes(k)).collect();
    out.extend((0..kolom.actors).flat_map(|k| kolom.inner_lanes(k)));
    out
}

type SideMap = BTreeMap<(usize, Side), SideUse>;

/// How each edge is drawn (phase 2), and the sides fixed before any lane is
/// chosen.
fn ways(
    flow: &Flow,
    kolom: &Columns,
    placed: &[Vec<Placed>],
    next_by_bottom: bool,
) -> (Vec<Way>, SideMap) {
    let mut sides = SideMap::new();
    let exit = exit_ports(flow, kolom, placed, &mut sides, next_by_bottom);
    let ways = flow
        .edges
        .iter()
        .enumerate()
        .map(|(e, p)| {
            let (s, t) = (&placed[p.from][0], &placed[p.to][0]);
            if s.page != t.page {
                Way::OffPage(exit[e], entry_port(flow, p, t, kolom, &mut sides))
            } else if p.to == p.from {
                Way::SelfLoop
            } else if p.to < p.from {
                Way::Back {
                    bottom: exit[e] == Exit::Bottom,
                }
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
/// the next step, else to a forward jump on the same page — unless its
/// label is too wide to stand beside a line going down the column's middle
/// (`Belum lengkap` in a narrow column): that exit leaves by a side, where
/// its label can stand beside the horizontal, across the rule if need be —
/// if the exits then leaving by a side can each have a side of their own.
/// Where no exit's label fits so, an exit into the next step in another
/// column keeps the bottom when its label stands below the line's turn in
/// the decision's own cell (the row tall enough below the diamond).
/// Every other exit leaves by a side. A parallel step leaves by its bottoms
/// on its page. On-page side exits choose their side later, with their lane
/// (right for now), unless only one side of the symbol has a lane beyond it
/// that no symbol blocks between the two rows (in narrow columns the only
/// lanes are inside the columns): that side is kept for the exit now,
/// before any entry or connector can take it. A connector beside the
/// symbol takes the side with more room now, and claims it. With
/// `next_by_bottom` the exit into the next step keeps the bottom whatever
/// its label's width, the label placed where it finds room
/// ([`Router::settle_labels`]).
fn exit_ports(
    flow: &Flow,
    kolom: &Columns,
    placed: &[Vec<Placed>],
    sides: &mut SideMap,
    next_by_bottom: bool,
) -> Vec<Exit> {
    let mut exit: Vec<Exit> = vec![Exit::Bottom; flow.edges.len()];
    let mut exits_of: Vec<Vec<usize>> = vec![Vec::new(); placed.len()];
    for (e, p) in flow.edges.iter().enumerate() {
        exits_of[p.from].push(e);
    }
    for (s, exits) in exits_of.iter().enumerate() {
        let same_page = |e: usize| placed[s][0].page == placed[flow.edges[e].to][0].page;
        let to = |e: usize| flow.edges[e].to;
        let fits = |e: usize| {
            next_by_bottom
                || flow.edges[e]
                    .label
                    .as_deref()
                    .is_none_or(|t| fits_below(kolom, t))
        };
        // a label too wide for a line down the column's middle still
        // stands in the decision's cell below the turn of a line into the
        // next step's other column, where the row has room below the
        // diamond ([`Router::turns_below`])
        let turns = |e: usize| {
            let (from, next) = (&placed[s][0], placed.get(s + 1).map(|t| &t[0]));
            let text = flow.edges[e].label.as_deref().unwrap_or_default();
            to(e) == s + 1
                && same_page(e)
                && !flow.is_parallel(s)
                && !flow.is_parallel(s + 1)
                && next.is_some_and(|t| {
                    let cell = Rect::new(
                        kolom.rule_x(from.kolom),
                        from.row.top,
                        kolom.rule_x(from.kolom + 1),
                        from.row.bottom,
                    )
                    .grow(-CELL_MARGIN);
                    t.kolom != from.kolom
                        && forms(text).iter().any(|f| {
                            let below = labels_past_turn(kolom, from, t, f.size)[0].0;
                            cell.x0 <= below.x0 && below.x1 <= cell.x1 && below.y1 <= cell.y1
                        })
                })
        };
        let first = exits.iter().copied().find(|&e| to(e) == s + 1).or_else(|| {
            exits
                .iter()
                .copied()
                .find(|&e| to(e) > s + 1 && same_page(e))
        });
        let fitting = first
            .filter(|&e| fits(e))
            .or_else(|| {
                exits
                    .iter()
                    .copied()
                    .find(|&e| to(e) > s + 1 && same_page(e) && fits(e))
            })
            .or_else(|| first.filter(|&e| turns(e)));
        // the exits then leaving by a side must find a side each, with a
        // lane beyond it on their page
        let can = |e: usize, d: Side| match same_page(e) {
            true => open_lane(kolom, placed, s, to(e), d),
            false => connector_room(kolom, &placed[s][0], d),
        };
        let beside: Vec<usize> = exits
            .iter()
            .copied()
            .filter(|&e| Some(e) != fitting)
            .collect();
        let apart = match beside[..] {
            [] | [_] => true,
            [a, b] => {
                (can(a, Side::Left) && can(b, Side::Right))
                    || (can(a, Side::Right) && can(b, Side::Left))
            }
            _ => false,
        };
        let bottom = if apart || flow.is_parallel(s) {
            fitting
        } else {
            first
        };
        for &e in exits.iter().filter(|&&e| Some(e) != bottom) {
            if flow.is_parallel(s) && same_page(e) {
                continue;
            }
            let d = if same_page(e) {
                let both = [Side::Right, Side::Left];
                let mut reach = both.map(|d| open_lane(kolom, placed, s, to(e), d));
                if reach == [false, false] {
                    // no lane runs clear: the route will change lanes, out
                    // of the side that has lanes at all
                    reach = both.map(|d| any_lane(kolom, &placed[s][0], d));
                }
                match reach {
                    [true, false] | [false, true] => {
                        let d = if reach[0] { Side::Right } else { Side::Left };
                        sides.entry((s, d)).or_insert(SideUse::ExitOf(e));
                        d
                    }
                    _ => Side::Right,
                }
            } else {
                let label = flow.edges[e].label.as_deref();
                let d = free_side(sides, s, connector_side(kolom, &placed[s][0], label));
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
fn entry_port(flow: &Flow, p: &Edge, t: &Placed, kolom: &Columns, sides: &mut SideMap) -> Entry {
    if t.row.connector_room > 0.0 && (p.to > p.from || flow.is_parallel(p.to)) {
        return Entry::Top;
    }
    let existing = [Side::Left, Side::Right]
        .into_iter()
        .find(|&d| sides.get(&(p.to, d)) == Some(&SideUse::Connector));
    let wanted = if flow.is_parallel(p.to) {
        Side::Left
    } else {
        roomier_side(kolom, t.kolom)
    };
    let d = existing.unwrap_or_else(|| free_side(sides, p.to, wanted));
    sides.entry((p.to, d)).or_insert(SideUse::Connector);
    Entry::Side(d)
}

/// Whether a lane beyond side `d` of step `s` runs from its row to the top
/// track of step `t` with no symbol in the way.
fn open_lane(kolom: &Columns, placed: &[Vec<Placed>], s: usize, t: usize, d: Side) -> bool {
    let (l, m) = (&placed[s][0], &placed[t][0]);
    let (y0, y1) = min_max(l.mid(), m.top_track());
    all_lanes(kolom)
        .into_iter()
        .filter(|x| (x - side_x(&l.rect, d)) * d.sign() > mm(0.5))
        .any(|x| {
            placed
                .iter()
                .flatten()
                .filter(|p| p.page == l.page && p.rect != l.rect)
                .all(|p| !p.rect.grow(-0.3).crossed_by(Point(x, y0), Point(x, y1)))
        })
}

/// Whether any lane of the table lies beyond side `d` of `l` (none left of
/// the first column or right of the last when their gutters hold none).
fn any_lane(kolom: &Columns, l: &Placed, d: Side) -> bool {
    all_lanes(kolom)
        .into_iter()
        .any(|x| (x - side_x(&l.rect, d)) * d.sign() > mm(0.5))
}

/// Whether a connector stands beside side `d` of `l` inside the actor
/// columns: a column beyond that side, or room in its own (beside the
/// first column's symbol on the left lies Kegiatan's text).
fn connector_room(kolom: &Columns, l: &Placed, d: Side) -> bool {
    let beyond = match d {
        Side::Left => l.kolom > 0,
        Side::Right => l.kolom + 1 < kolom.actors,
    };
    let rule = kolom.rule_x(l.kolom + usize::from(d == Side::Right));
    let room = (rule - side_x(&l.rect, d)).abs() - CONNECTOR_GAP - CELL_MARGIN;
    beyond || room >= size::connector_side()
}

/// `wanted`, unless that side of step `s` is already used.
fn free_side(sides: &SideMap, s: usize, wanted: Side) -> Side {
    if sides.contains_key(&(s, wanted)) {
        wanted.other()
    } else {
        wanted
    }
}

/// The side of `l` for an outgoing connector beside it with `label`
/// between them: the roomier side of its column ([`roomier_side`]), unless
/// only the other has room up to the last rule for the connector and the
/// label on one line or two.
fn connector_side(kolom: &Columns, l: &Placed, label: Option<&str>) -> Side {
    let wanted = roomier_side(kolom, l.kolom);
    let Some(text) = label else {
        return wanted;
    };
    let width = forms(text)
        .iter()
        .map(|f| f.size.0)
        .fold(f64::INFINITY, f64::min);
    let needed = size::connector_side() + CONNECTOR_GAP + width + 2.0 * (LABEL_GAP + CELL_MARGIN);
    let room = |d: Side| {
        let end = kolom.rule_x(if d == Side::Left { 0 } else { kolom.actors });
        (end - side_x(&l.rect, d)).abs()
    };
    if room(wanted) < needed && room(wanted.other()) >= needed {
        wanted.other()
    } else {
        wanted
    }
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

/// A connector beside a symbol: its box, its stub, its label's lines and
/// place, and its conflicts.
type Beside = (Rect, Vec<Point>, Option<(String, Rect)>, usize);

/// A connector on top of a row: its box, its stub, and the symbol the stub
/// enters.
type TopSpot = (Rect, Vec<Point>, usize);

/// An obstacle for lanes: a label or a connector, and the edges it belongs to.
#[derive(Clone, Debug)]
struct Obstacle {
    rect: Rect,
    owners: Vec<usize>,
    /// For the line from an incoming connector: its step, which other
    /// lines entering the same step may join.
    entry: Option<usize>,
    /// For the label of a straight exit: the other places beside its line,
    /// the other side's first, where it moves to make room for a label
    /// placed later that needs its spot (a side exit's label below a narrow
    /// diamond) or for a lane whose only way passes it.
    others: Vec<Rect>,
}

/// One way to route an edge through a lane.
struct Candidate {
    pts: Vec<Point>,
    /// The label's lines and place.
    label: Option<(String, Rect)>,
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
    /// Per step: its symbols, leftmost first.
    placed: &'a [Vec<Placed>],
    ways: &'a [Way],
    lanes: &'a [f64],
    sides: SideMap,
    drawings: Vec<Drawing>,
    routes: Vec<Route>,
    /// Per page.
    obstacles: Vec<Vec<Obstacle>>,
    /// Per edge: the ways to set its label (none without one).
    forms: Vec<Vec<Form>>,
    /// Edges whose lane routes go before the others.
    first: &'a [usize],
    /// [`Order::connectors_on_top`].
    connectors_on_top: bool,
}

impl Router<'_> {
    fn edge(&self, e: usize) -> &Edge {
        &self.flow.edges[e]
    }

    /// The first (leftmost) symbol of step `i`.
    fn at(&self, i: usize) -> Placed {
        self.placed[i][0]
    }

    /// Labels of straight edges: fixed before the lanes, which go around.
    fn place_fixed_labels(&mut self) {
        for e in 0..self.ways.len() {
            let labelled = self.edge(e).label.is_some();
            if !labelled || !matches!(self.ways[e], Way::Straight | Way::OffPage(Exit::Bottom, _)) {
                continue;
            }
            let s = self.at(self.edge(e).from);
            if self.turns_below(e) {
                let t = self.at(self.edge(e).to);
                let spots: Vec<(Form, Rect, f64)> = self.forms[e]
                    .iter()
                    .flat_map(|f| {
                        labels_past_turn(self.kolom, &s, &t, f.size)
                            .into_iter()
                            .map(|(k, cost)| (f.clone(), k, f.cost + cost))
                    })
                    .collect();
                let (f, rect, _) = spots
                    .into_iter()
                    .min_by(|a, b| {
                        let n = |k: &Rect| self.label_conflicts(s.page, e, k, &[]);
                        (n(&a.1), a.2).partial_cmp(&(n(&b.1), b.2)).expect("finite")
                    })
                    .expect("one spot at least");
                self.add_label(s.page, e, f.text, rect);
                continue;
            }
            // right or left of the line, on one line before two
            let mut best: Option<(usize, f64, Form, Rect, Rect)> = None;
            let page = &self.pages[s.page];
            let too_wide = self.forms[e].iter().all(|f| {
                [Side::Right, Side::Left]
                    .iter()
                    .flat_map(|&d| labels_below(self.kolom, &s, d, f.size))
                    .all(|k| !in_actor_cell(self.kolom, page, &k, CELL_MARGIN))
            });
            for f in self.forms[e].clone() {
                let [right, left] =
                    [Side::Right, Side::Left].map(|d| labels_below(self.kolom, &s, d, f.size));
                let pairs = right
                    .iter()
                    .zip(&left)
                    .flat_map(|(&r, &l)| [(r, l), (l, r)]);
                // where half the column is too narrow for it in every
                // form (`Online` beside a line down a 16 mm column), just
                // past the rule in the next column, level with the first
                // places; never where it fits its own cell, however
                // crowded, so that it reads as its own line's
                let past = [(Side::Right, left[0]), (Side::Left, right[0])]
                    .map(|(d, other)| (labels_past_rule(self.kolom, &s, d, f.size), other))
                    .into_iter()
                    .filter(|_| too_wide);
                let pairs = pairs.chain(past);
                for (n, (rect, other)) in pairs.enumerate() {
                    let cost = match n {
                        0..4 => f.cost + (n / 2) as f64 * LABEL_FAR_END_COST,
                        _ => f.cost + LABEL_OTHER_CELL_COST,
                    };
                    let conflicts = self.label_conflicts(s.page, e, &rect, &[]);
                    if best.as_ref().is_none_or(|b| (conflicts, cost) < (b.0, b.1)) {
                        best = Some((conflicts, cost, f.clone(), rect, other));
                    }
                }
            }
            let (_, _, f, rect, other) = best.expect("one spot at least");
            self.add_label(s.page, e, f.text, rect);
            // then the other places beside the line, both sides, and
            // below the bottom track, where a lane may have to pass
            let size = (rect.x1 - rect.x0, rect.y1 - rect.y0);
            let mut others = vec![other];
            for d in [Side::Right, Side::Left] {
                let spots = labels_below(self.kolom, &s, d, size);
                let low = spots.first().map(|k| {
                    let y0 = s.bottom_track() + OBSTACLE_MARGIN + LABEL_MARGIN;
                    Rect::new(k.x0, y0, k.x1, y0 + size.1)
                });
                others.extend(spots.into_iter().chain(low));
            }
            others.retain(|k| *k != rect);
            others.dedup();
            if let Some(o) = self.obstacles[s.page].last_mut() {
                o.others = others;
            }
        }
    }

    /// The spot with the fewest conflicts for a label of edge `e` whose own
    /// line is `pts`, and that count; the first spot wins a tie.
    fn best_label(&self, h: usize, e: usize, spots: &[Rect], pts: &[Point]) -> (Rect, usize) {
        spots
            .iter()
            .map(|k| (*k, self.label_conflicts(h, e, k, pts)))
            .min_by_key(|(_, n)| *n)
            .expect("at least one spot")
    }

    fn add_label(&mut self, h: usize, e: usize, text: String, rect: Rect) {
        self.make_room(h, &rect);
        self.obstacles[h].push(Obstacle {
            rect,
            owners: vec![e],
            entry: None,
            others: Vec::new(),
        });
        let flush_right = self.left_of_line(e, &rect);
        self.drawings[h].labels.push(Label {
            edge: e,
            text,
            rect,
            flush_right,
        });
    }

    /// Whether a label at `k` for a side exit of decision `s` would stand
    /// beside the line leaving its bottom, where it reads as that exit's:
    /// below the diamond's middle, nearer its axis than
    /// [`SIDE_LABEL_OFF_AXIS`].
    fn beside_bottom_exit(&self, s: &Placed, k: &Rect) -> bool {
        let i = self.placed.iter().position(|p| p[0].rect == s.rect);
        let bottom = self.flow.edges.iter().enumerate().any(|(e, p)| {
            Some(p.from) == i
                && matches!(
                    self.ways[e],
                    Way::Straight
                        | Way::OffPage(Exit::Bottom, _)
                        | Way::Forward { bottom: true }
                        | Way::Back { bottom: true }
                )
        });
        let near = (k.x0 - s.cx()).abs().min((k.x1 - s.cx()).abs());
        let across = k.x0 < s.cx() && s.cx() < k.x1;
        bottom && k.y0 > s.mid() && (across || near < SIDE_LABEL_OFF_AXIS)
    }

    /// How high a label beside a side exit of decision `s` may reach: clear
    /// of its top track when a line not yet drawn may come in there (a jump
    /// or an off-page connector into its top), else anywhere.
    fn label_ceiling(&self, s: &Placed) -> f64 {
        let i = self.placed.iter().position(|p| p[0].rect == s.rect);
        let later =
            self.flow.edges.iter().enumerate().any(|(e, p)| {
                Some(p.to) == i && Some(p.from) != i && self.ways[e] != Way::Straight
            });
        if later {
            s.top_track() + OBSTACLE_MARGIN
        } else {
            f64::NEG_INFINITY
        }
    }

    /// Whether label `rect` of edge `e` stands left of the line it names
    /// (so its text hugs the right of its box).
    fn left_of_line(&self, e: usize, rect: &Rect) -> bool {
        rect.center().0 < self.at(self.edge(e).from).cx()
    }

    /// Moves every straight exit's label that lies on `rect` to another
    /// place beside its line, where one is free.
    fn make_room(&mut self, h: usize, rect: &Rect) {
        for i in 0..self.obstacles[h].len() {
            if self.obstacles[h][i].rect.intersects(rect)
                && let Some(to) = self.free_place(h, i, Some(rect), &[])
            {
                self.move_label(h, i, to);
            }
        }
    }

    /// Moves every straight exit's label that line `pts` of page `h` runs
    /// into to another place beside its own line, where one is free.
    fn make_way(&mut self, h: usize, pts: &[Point]) {
        for i in 0..self.obstacles[h].len() {
            if crosses(&self.obstacles[h][i].rect.grow(OBSTACLE_MARGIN), pts)
                && let Some(to) = self.free_place(h, i, None, pts)
            {
                self.move_label(h, i, to);
            }
        }
    }

    /// The first other place of obstacle `i` of page `h` (a straight exit's
    /// label) that [`Router::can_move`] allows.
    fn free_place(&self, h: usize, i: usize, k: Option<&Rect>, pts: &[Point]) -> Option<Rect> {
        self.obstacles[h][i]
            .others
            .iter()
            .copied()
            .find(|to| self.can_move(h, i, to, k, pts))
    }

    /// Moves the label of obstacle `i` of page `h` to `to`; its old place
    /// becomes one of its others.
    fn move_label(&mut self, h: usize, i: usize, to: Rect) {
        let (old, e) = (self.obstacles[h][i].rect, self.obstacles[h][i].owners[0]);
        let flush_right = self.left_of_line(e, &to);
        if let Some(l) = self.drawings[h]
            .labels
            .iter_mut()
            .find(|l| l.edge == e && l.rect == old)
        {
            l.rect = to;
            l.flush_right = flush_right;
        }
        let o = &mut self.obstacles[h][i];
        o.rect = to;
        o.others.retain(|k| *k != to);
        o.others.insert(0, old);
    }

    /// Whether obstacle `i` of page `h` (a straight exit's label) may move
    /// to `to`, making room for a label at `k` whose line is `pts` (or for
    /// line `pts` alone): in its cell, clear of `k`, of every line, symbol
    /// and other obstacle (but its own edge's).
    fn can_move(&self, h: usize, i: usize, to: &Rect, k: Option<&Rect>, pts: &[Point]) -> bool {
        let grown = to.grow(LABEL_MARGIN);
        // its own stub to a connector below the table is no obstacle
        let e = self.obstacles[h][i].owners[0];
        in_actor_cell(self.kolom, &self.pages[h], to, CELL_MARGIN)
            && k.is_none_or(|k| !to.intersects(k))
            && !crosses(&grown, pts)
            && self.lines_crossing(h, &grown) == 0
            && !self.drawings[h].symbols.iter().any(|s| s.touches(&grown))
            && !self.obstacles[h]
                .iter()
                .enumerate()
                .any(|(j, o)| j != i && !o.owners.contains(&e) && o.rect.intersects(to))
    }

    /// Off-page connectors: one incoming per target port (per symbol of a
    /// parallel target entered beside), carrying every edge that enters
    /// there; one outgoing per edge and source symbol.
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
            match m {
                Entry::Top => {
                    let (rect, stub, root) = self.top_connector(t);
                    let h = self.at(t).page;
                    self.add_connector(h, &letter, rect, &stub, es.clone(), false);
                    self.draw(h, es[0], stub);
                    self.fan_in(es[0], t, root);
                }
                Entry::Side(d) if self.connectors_on_top && self.placed[t].len() == 1 => {
                    let lt = self.at(t);
                    let (rect, stub) = match self.over_top_track(t) {
                        Some(spot) => {
                            // the side is left to the exits
                            if self.sides.get(&(t, d)) == Some(&SideUse::Connector) {
                                self.sides.remove(&(t, d));
                            }
                            spot
                        }
                        None => {
                            let (rect, mut stub, _, _) = self.connector_beside(&lt, d, None);
                            stub.reverse();
                            (rect, stub)
                        }
                    };
                    self.add_connector(lt.page, &letter, rect, &stub, es.clone(), false);
                    self.draw(lt.page, es[0], stub);
                }
                Entry::Side(d) => {
                    for lt in self.placed[t].clone() {
                        let mut found = self.connector_beside(&lt, d, None);
                        let other = d.other();
                        if found.3 > 0 && !self.sides.contains_key(&(t, other)) {
                            let there = self.connector_beside(&lt, other, None);
                            if there.3 < found.3 {
                                self.sides.remove(&(t, d));
                                self.sides.insert((t, other), SideUse::Connector);
                                found = there;
                            }
                        }
                        let (rect, mut stub, _, _) = found;
                        stub.reverse();
                        self.add_connector(lt.page, &letter, rect, &stub, es.clone(), false);
                        self.draw(lt.page, es[0], stub);
                    }
                }
            }
            for &e in &es {
                self.outgoing_connector(e, &letter);
            }
        }
    }

    /// The incoming connector on top of step `t`'s row (in its connector
    /// room), its stub and the symbol the stub enters: above a symbol if no
    /// line comes down there, else in a free column, else beside the line
    /// coming down.
    fn top_connector(&self, t: usize) -> TopSpot {
        let targets = &self.placed[t];
        let row = targets[0].row;
        let h = targets[0].page;
        let y0 = row.top + mm(1.2);
        let track = targets[0].top_track();
        let nearest = |x: f64| {
            (0..targets.len())
                .min_by(|&a, &b| {
                    (targets[a].cx() - x)
                        .abs()
                        .total_cmp(&(targets[b].cx() - x).abs())
                })
                .expect("a step has a symbol")
        };
        let mut spots: Vec<TopSpot> = Vec::new();
        let via_track = |x: f64, r: usize, rect: &Rect| {
            let l = &targets[r];
            vec![
                Point(x, rect.y1),
                Point(x, track),
                Point(l.cx(), track),
                l.top(),
            ]
        };
        for (r, l) in targets.iter().enumerate() {
            let rect = connector_at(l.cx(), y0);
            spots.push((rect, vec![Point(l.cx(), rect.y1), l.top()], r));
        }
        for c in (0..self.kolom.actors).filter(|&c| targets.iter().all(|l| l.kolom != c)) {
            let x = self.kolom.center(c);
            let rect = connector_at(x, y0);
            let r = nearest(x);
            spots.push((rect, via_track(x, r, &rect), r));
        }
        let shift = size::connector_side() / 2.0 + mm(1.0);
        for (r, l) in targets.iter().enumerate() {
            for x in [l.cx() + shift, l.cx() - shift] {
                let rect = connector_at(x, y0);
                spots.push((rect, via_track(x, r, &rect), r));
            }
        }
        let mut best: Option<(usize, TopSpot)> = None;
        for spot in spots {
            let n = self.connector_conflicts(h, &spot.0, &spot.1);
            if best.as_ref().is_none_or(|b| n < b.0) {
                best = Some((n, spot));
            }
            if n == 0 {
                break;
            }
        }
        best.expect("one spot at least").1
    }

    /// An incoming connector of step `t` (one symbol) in a free cell of its
    /// row, 1 mm above the symbol's top track, and its stub along that
    /// track into the symbol's top (joining the line coming in there):
    /// the nearest such place that runs into nothing, if any.
    fn over_top_track(&self, t: usize) -> Option<(Rect, Vec<Point>)> {
        let l = self.at(t);
        let track = l.top_track();
        let y0 = track - mm(1.0) - size::connector_side();
        if y0 < l.row.top + CELL_MARGIN {
            return None;
        }
        let shift = size::connector_side() / 2.0 + mm(1.0);
        let mut xs: Vec<f64> = (0..self.kolom.actors)
            .filter(|&c| c != l.kolom)
            .map(|c| self.kolom.center(c))
            .chain([l.cx() + shift, l.cx() - shift])
            .collect();
        xs.sort_by(|a, b| (a - l.cx()).abs().total_cmp(&(b - l.cx()).abs()));
        xs.into_iter().find_map(|x| {
            let rect = connector_at(x, y0);
            let stub = vec![
                Point(x, rect.y1),
                Point(x, track),
                Point(l.cx(), track),
                l.top(),
            ];
            (self.connector_conflicts(l.page, &rect, &stub) == 0).then_some((rect, stub))
        })
    }

    /// The place of a connector beside `l` on side `d`: in its own cell when
    /// it fits, else in the nearest free actor cell of the row that way
    /// (then the other way); and its stub, from the port to the connector.
    /// With `label` (its edge and words), room for it is kept between port
    /// and connector, and the label's lines and place are returned too.
    fn connector_beside(&mut self, l: &Placed, d: Side, label: Option<(usize, &str)>) -> Beside {
        let k = size::connector_side();
        let port = l.port(d);
        let forms = label.map_or_else(Vec::new, |(e, _)| self.forms[e].clone());
        // near the port, with room for the label on one line, or two
        let rooms: Vec<f64> = match label {
            None => vec![0.0],
            Some(_) => forms.iter().map(|f| f.size.0 + 2.0 * LABEL_GAP).collect(),
        };
        let mut spots: Vec<Rect> = rooms
            .iter()
            .map(|room| connector_near(l, port.0 + d.sign() * (CONNECTOR_GAP + room), d))
            .collect();
        for dir in [d, d.other()] {
            let mut c = l.kolom as isize + dir.sign() as isize;
            while c >= 0 && (c as usize) < self.kolom.actors {
                let cx = self.kolom.center(c as usize);
                if dir == d {
                    spots.push(connector_near(l, cx - d.sign() * k / 2.0, d));
                    // at the far end of the cell, leaving room for a label
                    let far = self
                        .kolom
                        .rule_x(c as usize + usize::from(d == Side::Right));
                    let near = far - d.sign() * (k + CELL_MARGIN + mm(0.3));
                    spots.push(connector_near(l, near, d));
                }
                c += dir.sign() as isize;
            }
        }
        let mut stubs: Vec<(Rect, Vec<Point>)> = spots
            .into_iter()
            .map(|rect| (rect, vec![port, Point(side_x(&rect, d.other()), port.1)]))
            .collect();
        if label.is_none() {
            // an incoming connector may also stand in a free cell of the
            // row either way and come in by the top track
            let y = l.top_track();
            let shift = k / 2.0 + mm(1.0);
            for c in (0..self.kolom.actors).filter(|&c| c != l.kolom) {
                let dir = Side::towards(l.cx(), self.kolom.center(c));
                // centred, or beside a line coming down the column's middle
                for cx in [0.0, shift, -shift].map(|s| self.kolom.center(c) + s) {
                    let rect = Rect::new(cx - k / 2.0, y - k * 0.3, cx + k / 2.0, y + k * 0.7);
                    let stub = vec![
                        l.top(),
                        Point(l.cx(), y),
                        Point(side_x(&rect, dir.other()), y),
                    ];
                    stubs.push((rect, stub));
                }
            }
        }
        let h = l.page;
        let mut best: Option<(usize, Beside)> = None;
        for (rect, stub) in stubs {
            let mut n = self.connector_conflicts(h, &rect, &stub);
            let mut spot = None;
            if let Some((e, _)) = label {
                // the form with the fewest conflicts, one line on a tie
                let mut found: Option<(usize, String, Rect)> = None;
                for f in &forms {
                    let spots: Vec<Rect> = label_spots(self.kolom, l, stub[1], d, f.size, false)
                        .into_iter()
                        .map(|(k, _)| k)
                        .filter(|k| !k.intersects(&rect.grow(LABEL_MARGIN)))
                        .filter(|k| k.y0 >= self.label_ceiling(l))
                        .filter(|k| !self.beside_bottom_exit(l, k))
                        .collect();
                    if spots.is_empty() {
                        continue;
                    }
                    let (k, m) = self.best_label(h, e, &spots, &stub);
                    if found.as_ref().is_none_or(|b| m < b.0) {
                        found = Some((m, f.text.clone(), k));
                    }
                }
                match found {
                    None => n += 1,
                    Some((m, text, k)) => {
                        spot = Some((text, k));
                        n += m;
                    }
                }
            }
            if best.as_ref().is_none_or(|b| n < b.0) {
                best = Some((n, (rect, stub, spot, n)));
            }
            if n == 0 {
                break;
            }
        }
        best.expect("one spot at least").1
    }

    /// What a connector at `rect` with its `stub` runs into: rules, text,
    /// symbols, labels and other connectors.
    fn connector_conflicts(&self, h: usize, rect: &Rect, stub: &[Point]) -> usize {
        let mut n = OFF_CELL_CONFLICTS
            * usize::from(!in_actor_cell(
                self.kolom,
                &self.pages[h],
                rect,
                CELL_MARGIN,
            ));
        n += self.drawings[h]
            .symbols
            .iter()
            .filter(|s| s.rect.grow(mm(0.5)).intersects(rect))
            .count();
        n += self.drawings[h]
            .symbols
            .iter()
            .filter(|s| crosses(&s.rect.grow(-0.3), stub))
            .count();
        n += self.obstacles[h]
            .iter()
            .filter(|o| o.rect.intersects(rect) || crosses(&o.rect, stub))
            .count();
        n + self.drawings[h]
            .lines
            .iter()
            .filter(|g| crosses(&rect.grow(OBSTACLE_MARGIN), &g.points))
            .count()
    }

    fn outgoing_connector(&mut self, e: usize, letter: &str) {
        let p = self.edge(e).clone();
        let Way::OffPage(k, _) = self.ways[e] else {
            return;
        };
        for s in self.placed[p.from].clone() {
            let (rect, lines) = match k {
                Exit::Bottom => {
                    let bottom = self.pages[s.page].bottom;
                    let rect = connector_at(s.cx(), bottom + mm(1.5));
                    (rect, vec![s.bottom(), Point(s.cx(), rect.y0)])
                }
                Exit::Side(d) => {
                    let label = p.label.as_deref().map(|t| (e, t));
                    let (rect, stub, spot, _) = self.connector_beside(&s, d, label);
                    if let Some((text, spot)) = spot {
                        self.add_label(s.page, e, text, spot);
                    }
                    (rect, stub)
                }
            };
            self.add_connector(s.page, letter, rect, &lines, vec![e], true);
            self.draw(s.page, e, lines);
        }
        let s = self.at(p.from);
        self.routes[e] = Route::Connector {
            from_page: s.page,
            to_page: self.at(p.to).page,
            letter: letter.to_owned(),
        };
    }

    /// Places a connector; it and the segment of its line at the symbol
    /// (the arrowhead of an incoming one) block lanes. The rest of a longer
    /// line (along a top track from a free cell) is a line like any other:
    /// lanes keep their distance from it and cross it with a bridge.
    fn add_connector(
        &mut self,
        h: usize,
        letter: &str,
        rect: Rect,
        lines: &[Point],
        edge: Vec<usize>,
        exit: bool,
    ) {
        let n = lines.len();
        let (a, b) = if exit {
            (lines[0], lines[1.min(n - 1)])
        } else {
            (lines[n.saturating_sub(2)], lines[n - 1])
        };
        let line_box = Rect::new(a.0, a.1, b.0, b.1).grow(CONNECTOR_STUB_MARGIN);
        let entry = (!exit).then(|| self.edge(edge[0]).to);
        self.obstacles[h].push(Obstacle {
            rect,
            owners: edge.clone(),
            entry: None,
            others: Vec::new(),
        });
        self.obstacles[h].push(Obstacle {
            rect: line_box,
            owners: edge.clone(),
            entry,
            others: Vec::new(),
        });
        self.drawings[h].connectors.push(Connector {
            letter: letter.to_owned(),
            rect,
            edges: edge,
            exit,
        });
    }

    /// Whether edge `e` is routed through a lane (phase 6).
    fn is_lane(&self, e: usize) -> bool {
        !matches!(self.ways[e], Way::Straight | Way::OffPage(..))
    }

    /// The lane routes but those `done` already, shortest first so that
    /// nested loops nest (those of [`Router::first`] before all, in its
    /// order).
    fn lines(&mut self, done: &[usize]) {
        let mut lanes: Vec<usize> = (0..self.ways.len())
            .filter(|&e| self.is_lane(e) && !done.contains(&e))
            .collect();
        lanes.sort_by(|&a, &b| {
            let span = |e: usize| {
                let p = self.edge(e);
                (self.at(p.from).mid() - self.at(p.to).mid()).abs()
            };
            // in the order of `first`, then the rest
            let place = |e: usize| {
                let at = self.first.iter().position(|&f| f == e);
                at.unwrap_or(self.first.len())
            };
            place(a)
                .cmp(&place(b))
                .then(span(a).total_cmp(&span(b)))
                .then(a.cmp(&b))
        });
        for e in lanes {
            self.route_in_lane(e);
        }
        self.flip_labels();
    }

    /// The lines between consecutive rows: drawn first, as everything else
    /// goes around them.
    fn straight_lines(&mut self) {
        let placed = self.placed;
        for e in 0..self.ways.len() {
            if self.ways[e] != Way::Straight {
                continue;
            }
            // every source symbol into every target symbol: a parallel step
            // fans out and in on the target's top track
            let p = self.edge(e).clone();
            for s in &placed[p.from] {
                for t in &placed[p.to] {
                    let y = match self.turns_below(e) {
                        true => s.bottom_track(),
                        false => t.top_track(),
                    };
                    let pts = vec![s.bottom(), Point(s.cx(), y), Point(t.cx(), y), t.top()];
                    self.draw(s.page, e, pts);
                }
            }
            self.routes[e] = Route::Line {
                page: placed[p.from][0].page,
            };
        }
    }

    /// Whether straight exit `e` turns towards its target on the bottom
    /// track of its decision rather than on the target's top track: its
    /// label finds no room beside a line down the middle of the column
    /// (`Offline` in a 15 mm column, [`fits_below`]) and the target stands
    /// in another column, so the label stands beside that horizontal, in
    /// the decision's row ([`labels_past_turn`]).
    fn turns_below(&self, e: usize) -> bool {
        let p = self.edge(e);
        self.ways[e] == Way::Straight
            && !self.flow.is_parallel(p.from)
            && !self.flow.is_parallel(p.to)
            && self.at(p.from).kolom != self.at(p.to).kolom
            && p.label
                .as_deref()
                .is_some_and(|t| !fits_below(self.kolom, t))
    }

    /// A label placed before the lanes that a lane still had to cross moves
    /// to the other side of its line when that side is clear.
    fn flip_labels(&mut self) {
        for h in 0..self.drawings.len() {
            for i in 0..self.drawings[h].labels.len() {
                let l = &self.drawings[h].labels[i];
                let e = l.edge;
                if !matches!(self.ways[e], Way::Straight | Way::OffPage(Exit::Bottom, _))
                    || self.turns_below(e)
                {
                    continue;
                }
                let s = self.at(self.edge(e).from);
                let (w, height) = (l.rect.x1 - l.rect.x0, l.rect.y1 - l.rect.y0);
                let other = if l.rect.x0 > s.cx() {
                    Side::Left
                } else {
                    Side::Right
                };
                // the same place on the other side of the line
                let raised = l.rect.y0 < s.rect.y1;
                let spots = labels_below(self.kolom, &s, other, (w, height));
                let Some(&rect) = spots.get(usize::from(raised)).or(spots.first()) else {
                    continue;
                };
                let g = &self.drawings[h];
                let clear = in_actor_cell(self.kolom, &self.pages[h], &rect, CELL_MARGIN)
                    && self.lines_crossing(h, &rect) == 0
                    && !g.symbols.iter().any(|s| s.rect.intersects(&rect))
                    && !g.connectors.iter().any(|k| k.rect.intersects(&rect))
                    && !g
                        .labels
                        .iter()
                        .enumerate()
                        .any(|(j, m)| j != i && m.rect.intersects(&rect));
                if self.lines_crossing(h, &l.rect) > 0 && clear {
                    let flush_right = self.left_of_line(e, &rect);
                    let l = &mut self.drawings[h].labels[i];
                    (l.rect, l.flush_right) = (rect, flush_right);
                }
            }
        }
    }

    /// A label that, with every line drawn, is still crossed by a line,
    /// lies on a symbol, a connector or another label, or off its cell,
    /// moves to the nearest free place beside its own line: along the
    /// line's first [`SETTLE_REACH`], on either side, one line or two.
    fn settle_labels(&mut self) {
        for h in 0..self.drawings.len() {
            for i in 0..self.drawings[h].labels.len() {
                let l = &self.drawings[h].labels[i];
                if self.label_free(h, i, &l.rect, super::verify::CELL_SLACK, 0.0) {
                    continue;
                }
                let e = l.edge;
                if let Some((text, rect)) = self.settled_place(h, i, e) {
                    let flush_right = self.left_of_line(e, &rect);
                    let l = &mut self.drawings[h].labels[i];
                    (l.text, l.rect, l.flush_right) = (text, rect, flush_right);
                }
            }
        }
    }

    /// Whether label `i` of page `h` at `k` keeps every rule, each by
    /// `margin` (none: as [`super::Plan::verify`] checks them): inside an
    /// actor cell (`cell` from its rules), no line through it, clear of
    /// symbols, connectors and the other labels.
    fn label_free(&self, h: usize, i: usize, k: &Rect, cell: f64, margin: f64) -> bool {
        let g = &self.drawings[h];
        let grown = k.grow(margin);
        in_actor_cell(self.kolom, &self.pages[h], k, cell)
            && !g.lines.iter().any(|l| crosses(&grown, &l.points))
            && !g.symbols.iter().any(|s| s.touches(&grown))
            && !g.connectors.iter().any(|c| c.rect.intersects(&grown))
            && !g
                .labels
                .iter()
                .enumerate()
                .any(|(j, m)| j != i && m.rect.intersects(&grown))
    }

    /// The free place nearest its decision for label `i` (of edge `e`) of
    /// page `h` beside the lines of `e` leaving the decision: sliding
    /// along each segment millimetre by millimetre, on either side of it.
    fn settled_place(&self, h: usize, i: usize, e: usize) -> Option<(String, Rect)> {
        let s = self.at(self.edge(e).from);
        let own =
            |k: &Rect| self.kolom.rule_x(s.kolom) <= k.x0 && k.x1 <= self.kolom.rule_x(s.kolom + 1);
        let mut best: Option<(f64, String, Rect)> = None;
        let lines = self.drawings[h].lines.iter().filter(|l| l.edge == e);
        for l in lines.filter(|l| s.page == h && super::verify::on_edge(&s.rect, l.points[0])) {
            let mut along = 0.0;
            for w in l.points.windows(2) {
                let (a, b) = (w[0], w[1]);
                let length = (b.0 - a.0).abs() + (b.1 - a.1).abs();
                let (dx, dy) = (
                    (b.0 - a.0) / length.max(1e-9),
                    (b.1 - a.1) / length.max(1e-9),
                );
                let mut t = 0.0;
                while t <= length && along + t <= SETTLE_REACH {
                    let p = Point(a.0 + dx * t, a.1 + dy * t);
                    for f in &self.forms[e] {
                        let (fw, fh) = f.size;
                        for (gap, extra) in [(LABEL_GAP, 0.0), (LABEL_GAP_LEAST, mm(0.3))] {
                            // beside the segment, from `p` the way the
                            // line runs or back
                            let ways = [(-1.0, 1.0), (1.0, 1.0), (-1.0, -1.0), (1.0, -1.0)];
                            for (side, way) in ways {
                                let k = if dy.abs() > 0.5 {
                                    let x = p.0 + side * gap;
                                    let y = p.1 + way * dy.signum() * fh;
                                    Rect::new(x, p.1, x + side * fw, y)
                                } else {
                                    let x = p.0 + way * dx.signum() * fw;
                                    let y = p.1 + side * gap;
                                    Rect::new(p.0, y, x, y + side * fh)
                                };
                                let mut cost = along + t + f.cost + extra;
                                if !own(&k) {
                                    cost += LABEL_OTHER_CELL_COST;
                                }
                                if words_inside(f, &k, &s.rect) {
                                    cost += LABEL_CORNER_COST;
                                }
                                if best.as_ref().is_some_and(|b| b.0 <= cost)
                                    || !self.label_free(h, i, &k, CELL_MARGIN, LABEL_MARGIN)
                                {
                                    continue;
                                }
                                best = Some((cost, f.text.clone(), k));
                            }
                        }
                    }
                    t += mm(1.0);
                }
                along += length;
            }
        }
        best.map(|(_, text, k)| (text, k))
    }

    /// How many lines of page `h` cross `rect`.
    fn lines_crossing(&self, h: usize, rect: &Rect) -> usize {
        self.drawings[h]
            .lines
            .iter()
            .filter(|g| crosses(rect, &g.points))
            .count()
    }

    /// Picks the best lane (and sides, and label place) for edge `e`, draws
    /// it and the fans of a parallel source or target.
    fn route_in_lane(&mut self, e: usize) {
        let p = self.edge(e).clone();
        let h = self.at(p.from).page;
        let mut best: Option<Candidate> = None;
        for &x in self.lanes {
            self.consider(e, x, &[], &mut best);
        }
        if best.as_ref().is_some_and(|b| b.conflicts > 0) {
            // no lane runs clear all the way: change lanes on tracks
            // between the rows
            self.jogs(e, &mut best);
        }
        let Some(c) = best else {
            return;
        };
        if let Some(d) = c.exit {
            self.sides.insert((p.from, d), SideUse::Exit);
        }
        if let Some(d) = c.entry {
            self.sides.entry((p.to, d)).or_insert(SideUse::Entry);
        }
        self.make_way(h, &c.pts);
        if let Some((text, rect)) = c.label {
            self.add_label(h, e, text, rect);
        }
        let top_entry = c.entry.is_none();
        self.draw(h, e, c.pts);
        self.fan_out(e, p.from);
        if top_entry {
            self.fan_in(e, p.to, 0);
        }
        self.routes[e] = Route::Line { page: h };
    }

    /// Routes of `e` that change lanes once, then (if every one still
    /// breaks a rule) twice, on tracks between its rows in the order the
    /// line passes them. Only routes whose every vertical is clear of
    /// symbols are weighed, at most [`JOG_BUDGET`] of them.
    fn jogs(&self, e: usize, best: &mut Option<Candidate>) {
        let p = self.edge(e);
        let (s, t) = (self.at(p.from), self.at(p.to));
        let h = s.page;
        let up = t.mid() < s.mid();
        // where the last vertical ends: beside a target above, on the top
        // track of one below
        let end = if up { t.mid() } else { t.top_track() };
        let clear = |x: f64, a: f64, b: f64| {
            let (a, b) = min_max(a, b);
            self.symbols_crossed(h, &[Point(x, a), Point(x, b)]) == 0
        };
        let lanes = |a: f64, b: f64| -> Vec<f64> {
            self.lanes
                .iter()
                .copied()
                .filter(|&x| clear(x, a, b))
                .collect()
        };
        let tracks = self.jog_tracks(e);
        let mut budget = JOG_BUDGET;
        let mut weigh = |x: f64, jogs: &[(f64, f64)], best: &mut Option<Candidate>| {
            budget = budget.saturating_sub(1);
            self.consider(e, x, jogs, best);
            budget > 0
        };
        let last: Vec<Vec<f64>> = tracks.iter().map(|&y| lanes(y, end)).collect();
        for (k, &y) in tracks.iter().enumerate() {
            for x in lanes(s.mid(), y) {
                for &to in last[k].iter().filter(|&&to| to != x) {
                    if !weigh(x, &[(y, to)], best) {
                        return;
                    }
                }
            }
        }
        if best.as_ref().is_none_or(|b| b.conflicts == 0) {
            return;
        }
        for &y1 in &tracks {
            let first = lanes(s.mid(), y1);
            for (k, &y2) in tracks.iter().enumerate() {
                if y1 == y2 || (y1 > y2) != up {
                    continue;
                }
                for m in lanes(y1, y2) {
                    for &x in first.iter().filter(|&&x| x != m) {
                        for &to in last[k].iter().filter(|&&to| to != m) {
                            if !weigh(x, &[(y1, m), (y2, to)], best) {
                                return;
                            }
                        }
                    }
                }
            }
        }
    }

    /// Weighs the route of `e` through lane `x` (changing lanes on tracks,
    /// with `jogs`) against `best`, and keeps the better one.
    fn consider(&self, e: usize, x: f64, jogs: &[(f64, f64)], best: &mut Option<Candidate>) {
        let Some(mut c) = self.candidate(e, x, jogs) else {
            return;
        };
        let h = self.at(self.edge(e).from).page;
        if !jogs.is_empty() && self.symbols_crossed(h, &c.pts) > 0 {
            // a change of lanes is for going round symbols, never through
            return;
        }
        let n = self.conflicts(h, e, &mut c);
        c.conflicts += n;
        let beats = |c: &Candidate, best: &Option<Candidate>| {
            best.as_ref()
                .is_none_or(|b| (c.conflicts, c.cost) < (b.conflicts, b.cost - 1e-6))
        };
        if !beats(&c, best) {
            return;
        }
        if self.edge(e).label.is_some() {
            let (lines, rect, n, extra) = self.label_for(e, &c);
            c.label = Some((lines, rect));
            c.conflicts += n;
            c.cost += extra;
        }
        if beats(&c, best) {
            *best = Some(c);
        }
    }

    /// The tracks where a route of `e` may change lanes: the top and
    /// bottom tracks of its rows and the rows between, where they lie
    /// between its exit and the top track of its target; then, in a row
    /// taller than its symbol needs, its edges 3 mm inside the row rules,
    /// where they keep 2 mm from those tracks (two routes crossing between
    /// the same rows in opposite directions need two tracks there).
    fn jog_tracks(&self, e: usize) -> Vec<f64> {
        let p = self.edge(e);
        let (s, t) = (self.at(p.from), self.at(p.to));
        let (lo, hi) = min_max(s.mid(), t.top_track());
        let rows: Vec<Placed> = (p.from.min(p.to)..=p.from.max(p.to))
            .map(|i| self.at(i))
            .filter(|l| l.page == s.page)
            .collect();
        let tracks = rows.iter().flat_map(|l| [l.top_track(), l.bottom_track()]);
        let edges = rows.iter().flat_map(|l| {
            let top = l.row.top + l.row.connector_room + size::RULE_CLEARANCE;
            let bottom = l.row.bottom - size::RULE_CLEARANCE;
            let apart = size::ROUTE_CLEARANCE;
            [
                (top < l.top_track() - apart).then_some(top),
                (bottom > l.bottom_track() + apart).then_some(bottom),
            ]
            .into_iter()
            .flatten()
        });
        tracks
            .chain(edges)
            .filter(|&y| lo + 1.0 < y && y < hi - 1.0)
            .collect()
    }

    /// How many symbols of page `h` the polyline `pts` passes through.
    fn symbols_crossed(&self, h: usize, pts: &[Point]) -> usize {
        self.drawings[h]
            .symbols
            .iter()
            .filter(|s| crosses(&s.rect.grow(-0.3), pts))
            .count()
    }

    /// The lines joining the further symbols of a parallel source to its
    /// first one, on the bottom track.
    fn fan_out(&mut self, e: usize, from: usize) {
        let s = self.at(from);
        let placed = self.placed;
        for o in &placed[from][1..] {
            let y = o.bottom_track();
            let pts = vec![o.bottom(), Point(o.cx(), y), Point(s.cx(), y)];
            self.draw_plain(o.page, e, pts);
        }
    }

    /// The lines from the top track of a parallel target's symbol `root`
    /// into each other one.
    fn fan_in(&mut self, e: usize, to: usize, root: usize) {
        let t = self.placed[to][root];
        let others: Vec<Placed> = (0..self.placed[to].len())
            .filter(|&r| r != root)
            .map(|r| self.placed[to][r])
            .collect();
        for o in others {
            let y = t.top_track();
            let pts = vec![Point(t.cx(), y), Point(o.cx(), y), o.top()];
            self.draw(o.page, e, pts);
        }
    }

    /// The route of `e` through lane `x`, with its sides; at each of
    /// `jogs` `(y, to)` it changes on track `y` to lane `to` for the rest of
    /// its way. `None` when the lane cannot serve it (through its own
    /// symbol).
    fn candidate(&self, e: usize, x: f64, jogs: &[(f64, f64)]) -> Option<Candidate> {
        let p = self.edge(e);
        let (s, t) = (self.at(p.from), self.at(p.to));
        let inside =
            |l: &Placed, x: f64| (x - l.cx()).abs() < self.kolom.symbol_width / 2.0 + mm(0.5);
        let parallel_target = self.flow.is_parallel(p.to);
        let (mut pts, exit) = match self.ways[e] {
            Way::Forward { bottom: true } | Way::Back { bottom: true } => {
                if matches!(self.ways[e], Way::Back { .. }) && inside(&s, x) {
                    return None;
                }
                let y = s.bottom_track();
                (vec![s.bottom(), Point(s.cx(), y), Point(x, y)], None)
            }
            _ => {
                if inside(&s, x) {
                    return None;
                }
                let d = Side::towards(s.cx(), x);
                (vec![s.port(d), Point(x, s.mid())], Some(d))
            }
        };
        // the lane the route reaches its target by
        let mut x = x;
        for &(y, to) in jogs {
            pts.extend([Point(x, y), Point(to, y)]);
            x = to;
        }
        let entry = match self.ways[e] {
            Way::Forward { .. } => {
                pts.extend(into_top(&t, x));
                None
            }
            Way::SelfLoop => {
                pts.extend(into_top(&s, x));
                None
            }
            _ => {
                let m = Side::towards(t.cx(), x);
                let taken = matches!(
                    self.sides.get(&(p.to, m)),
                    Some(SideUse::Exit | SideUse::ExitOf(_) | SideUse::Connector)
                );
                // a side entry needs room for its arrowhead
                let near = (x - side_x(&t.rect, m)).abs() < mm(2.0);
                if taken || parallel_target || near || inside(&t, x) {
                    pts.extend(into_top(&t, x));
                    None
                } else {
                    pts.extend([Point(x, t.mid()), t.port(m)]);
                    Some(m)
                }
            }
        };
        let wanted = match self.ways[e] {
            Way::SelfLoop => Side::Right,
            _ => Side::towards(s.cx(), t.cx()),
        };
        let cost = match exit {
            Some(d) if d != wanted => AWAY_SIDE_COST,
            _ => 0.0,
        };
        let pts = simplify(pts);
        Some(Candidate {
            cost: cost + horizontal_length(&pts) + VERTICAL_COST * vertical_length(&pts),
            pts,
            label: None,
            exit,
            entry,
            conflicts: 0,
        })
    }

    /// The best place and form for the label of `e` on candidate `c`: its
    /// lines, its rectangle, its conflicts and its cost.
    fn label_for(&self, e: usize, c: &Candidate) -> (String, Rect, usize, f64) {
        let s = self.at(self.edge(e).from);
        let page = s.page;
        let down = matches!(self.ways[e], Way::Forward { .. });
        let mut spots: Vec<(&Form, Rect, f64)> = Vec::new();
        for f in &self.forms[e] {
            match c.exit {
                Some(d) => {
                    let end = c.pts[1];
                    let places = label_spots(self.kolom, &s, end, d, f.size, true);
                    let ceiling = self.label_ceiling(&s);
                    for (k, cost) in places {
                        let axis = if self.beside_bottom_exit(&s, &k) {
                            LABEL_AXIS_COST
                        } else {
                            0.0
                        };
                        let track = if k.y0 < ceiling {
                            LABEL_TRACK_COST
                        } else {
                            0.0
                        };
                        let above = k.y1 <= s.mid();
                        let far = if above == down {
                            0.0
                        } else {
                            LABEL_FAR_END_COST
                        };
                        let corner = if words_inside(f, &k, &s.rect) {
                            LABEL_CORNER_COST
                        } else {
                            0.0
                        };
                        spots.push((f, k, f.cost + far + corner + track + axis + cost));
                    }
                }
                None => {
                    // away from the lane the line turns into on the bottom
                    // track; a line straight down the column has none
                    let lane = c.pts.get(2).map_or(s.cx(), |p| p.0);
                    let away = Side::towards(lane, s.cx());
                    for (n, d) in [away, away.other()].into_iter().enumerate() {
                        for (m, k) in labels_below(self.kolom, &s, d, f.size)
                            .into_iter()
                            .enumerate()
                        {
                            let along = (n + 2 * m) as f64 * LABEL_FAR_END_COST;
                            spots.push((f, k, f.cost + along));
                        }
                    }
                }
            }
        }
        let (f, k, n, cost) = spots
            .into_iter()
            .map(|(f, k, cost)| (f, k, self.label_conflicts(page, e, &k, &c.pts), cost))
            .min_by(|a, b| (a.2, a.3).partial_cmp(&(b.2, b.3)).expect("finite costs"))
            .expect("one spot at least");
        (f.text.clone(), k, n, cost)
    }

    /// What a label at `k` for edge `e` (whose line is `pts`) runs into.
    fn label_conflicts(&self, h: usize, e: usize, k: &Rect, pts: &[Point]) -> usize {
        let grown = k.grow(LABEL_MARGIN);
        let mut n = OFF_CELL_CONFLICTS
            * usize::from(!in_actor_cell(self.kolom, &self.pages[h], k, CELL_MARGIN));
        n += usize::from(crosses(&grown, pts));
        n += self.drawings[h]
            .lines
            .iter()
            .filter(|g| crosses(&grown, &g.points))
            .count();
        n += self.drawings[h]
            .symbols
            .iter()
            .filter(|s| s.touches(&k.grow(LABEL_MARGIN)))
            .count();
        n + self.obstacles[h]
            .iter()
            .enumerate()
            .filter(|(_, o)| !(o.owners.contains(&e) && o.entry.is_none() && o.rect == *k))
            .filter(|(_, o)| o.rect.intersects(k))
            .filter(|(i, _)| self.free_place(h, *i, Some(k), pts).is_none())
            .count()
    }

    /// How many rules candidate `c` of edge `e` breaks on page `h`: sides
    /// already used, symbols, labels, connectors run into, routes run
    /// beside too close; each crossing adds to its cost.
    fn conflicts(&self, h: usize, e: usize, c: &mut Candidate) -> usize {
        let p = self.edge(e);
        let mut n = 0;
        if let Some(d) = c.exit
            && self
                .sides
                .get(&(p.from, d))
                .is_some_and(|u| *u != SideUse::ExitOf(e))
        {
            n += SIDE_TAKEN_CONFLICTS;
        }
        if let Some(d) = c.entry
            && matches!(
                self.sides.get(&(p.to, d)),
                Some(SideUse::Exit | SideUse::ExitOf(_) | SideUse::Connector)
            )
        {
            n += SIDE_TAKEN_CONFLICTS;
        }
        n += self.drawings[h]
            .symbols
            .iter()
            .filter(|s| crosses(&s.rect.grow(-0.3), &c.pts))
            .count();
        // a label that can move out of the way is no conflict, but a cost
        for (i, o) in self.obstacles[h].iter().enumerate() {
            if o.owners.contains(&e)
                || o.entry == Some(p.to)
                || !crosses(&o.rect.grow(OBSTACLE_MARGIN), &c.pts)
            {
                continue;
            }
            if self.free_place(h, i, None, &c.pts).is_some() {
                c.cost += LABEL_MOVED_COST;
            } else {
                n += 1;
            }
        }
        n += rules_too_near(self.kolom, &self.pages[h], &c.pts);
        n += symbols_too_near(&self.drawings[h].symbols, &c.pts);
        for g in &self.drawings[h].lines {
            if g.edge == e || self.edge(g.edge).to == p.to {
                continue;
            }
            for a in c.pts.windows(2) {
                for b in g.points.windows(2) {
                    if too_close(a, b, LANE_CLEARANCE) {
                        n += 1;
                    } else if crossing(a, b).is_some() {
                        c.cost += CROSSING_COST;
                    }
                }
            }
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
            hops: Vec::new(),
        });
    }

    /// Draws a polyline of edge `e` that joins another line of its edge:
    /// no arrowhead.
    fn draw_plain(&mut self, h: usize, e: usize, pts: Vec<Point>) {
        self.drawings[h].lines.push(Line {
            edge: e,
            points: simplify(pts),
            arrowhead: None,
            hops: Vec::new(),
        });
    }
}

/// Whether a polyline passes through the inside of `k`.
fn crosses(k: &Rect, pts: &[Point]) -> bool {
    pts.windows(2).any(|w| k.crossed_by(w[0], w[1]))
}

/// Whether segments `a` and `b` run side by side (both vertical or both
/// horizontal) nearer than [`size::ROUTE_CLEARANCE`], or on one line with
/// less than `gap` between their ends.
pub(super) fn too_close(a: &[Point], b: &[Point], gap: f64) -> bool {
    let eps = 0.05;
    let vertical = |s: &[Point]| (s[0].0 - s[1].0).abs() < eps && (s[0].1 - s[1].1).abs() > eps;
    let horizontal = |s: &[Point]| (s[0].1 - s[1].1).abs() < eps && (s[0].0 - s[1].0).abs() > eps;
    type Coordinate = fn(&Point) -> f64;
    let (across, along): (Coordinate, Coordinate) = if vertical(a) && vertical(b) {
        (|p| p.0, |p| p.1)
    } else if horizontal(a) && horizontal(b) {
        (|p| p.1, |p| p.0)
    } else {
        return false;
    };
    let distance = (across(&a[0]) - across(&b[0])).abs();
    if distance >= size::ROUTE_CLEARANCE - eps {
        return false;
    }
    let grow = if distance < eps { gap } else { 0.0 };
    let (a0, a1) = min_max(along(&a[0]), along(&a[1]));
    let (b0, b1) = min_max(along(&b[0]), along(&b[1]));
    a0.max(b0) < a1.min(b1) + grow - eps
}

fn min_max(a: f64, b: f64) -> (f64, f64) {
    (a.min(b), a.max(b))
}

/// Where a horizontal and a vertical segment cross, inside both (not at an
/// end of either): the crossing point.
pub(super) fn crossing(a: &[Point], b: &[Point]) -> Option<Point> {
    let eps = 0.1;
    let horizontal = |s: &[Point]| (s[0].1 - s[1].1).abs() < 1e-6;
    let (hz, vt) = if horizontal(a) && !horizontal(b) {
        (a, b)
    } else if horizontal(b) && !horizontal(a) {
        (b, a)
    } else {
        return None;
    };
    let (x, y) = (vt[0].0, hz[0].1);
    let (x0, x1) = min_max(hz[0].0, hz[1].0);
    let (y0, y1) = min_max(vt[0].1, vt[1].1);
    (x0 + eps < x && x < x1 - eps && y0 + eps < y && y < y1 - eps).then_some(Point(x, y))
}

/// How many segments of a route run along a table rule nearer than
/// [`size::RULE_CLEARANCE`]: column rules of the actor area, row rules.
pub(super) fn rules_too_near(kolom: &Columns, page: &Page, pts: &[Point]) -> usize {
    let eps = 0.05;
    let near = |v: f64, rule: f64| (v - rule).abs() < size::RULE_CLEARANCE - eps;
    let xs: Vec<f64> = (0..=kolom.actors).map(|k| kolom.rule_x(k)).collect();
    let ys: Vec<f64> = page.rows.iter().flat_map(|r| [r.top, r.bottom]).collect();
    pts.windows(2)
        .filter(|w| {
            let (a, b) = (w[0], w[1]);
            if (a.0 - b.0).abs() < eps && (a.1 - b.1).abs() > eps {
                // vertical: along a column rule within the table
                xs.iter().any(|&x| near(a.0, x)) && a.1.max(b.1) > page.top
            } else if (a.1 - b.1).abs() < eps && (a.0 - b.0).abs() > eps {
                ys.iter().any(|&y| near(a.1, y))
            } else {
                false
            }
        })
        .count()
}

/// How many segments of a route run along a side of one of `symbols`
/// (outside it) nearer than [`size::SYMBOL_CLEARANCE`]: a vertical beside
/// its left or right side, a horizontal above or below it.
pub(super) fn symbols_too_near(symbols: &[SymbolBox], pts: &[Point]) -> usize {
    let eps = 0.05;
    let beside = |along: (f64, f64), across: f64, side: (f64, f64), span: (f64, f64)| {
        let (a0, a1) = min_max(along.0, along.1);
        let gap = (side.0 - across).max(across - side.1);
        a0.max(span.0) < a1.min(span.1) - eps && gap > -eps && gap < size::SYMBOL_CLEARANCE - eps
    };
    pts.windows(2)
        .filter(|w| {
            let (a, b) = (w[0], w[1]);
            symbols.iter().any(|s| {
                let k = &s.rect;
                if (a.0 - b.0).abs() < eps && (a.1 - b.1).abs() > eps {
                    beside((a.1, b.1), a.0, (k.x0, k.x1), (k.y0, k.y1))
                } else if (a.1 - b.1).abs() < eps && (a.0 - b.0).abs() > eps {
                    beside((a.0, b.0), a.1, (k.y0, k.y1), (k.x0, k.x1))
                } else {
                    false
                }
            })
        })
        .count()
}

/// Whether `k` lies inside one actor cell of `page` (with `margin` to its
/// rules): off every rule and off the text of the other columns. A box
/// below the table (an outgoing connector in the bottom margin) need only
/// keep within its column.
pub(super) fn in_actor_cell(kolom: &Columns, page: &Page, k: &Rect, margin: f64) -> bool {
    // a hair of slack for rounding: a row kept exactly tall enough for a
    // label below its diamond (`Flow::cell_height`) holds it
    let margin = margin - 0.01;
    let column = (0..kolom.actors)
        .any(|c| kolom.rule_x(c) + margin <= k.x0 && k.x1 <= kolom.rule_x(c + 1) - margin);
    let below = k.y0 >= page.bottom;
    let row = page
        .rows
        .iter()
        .any(|r| r.top + margin <= k.y0 && k.y1 <= r.bottom - margin);
    column && (row || below)
}

/// Every crossing of two lines of different edges into different targets
/// gets a hop on its horizontal line.
fn hops(g: &mut Drawing, flow: &Flow) {
    let mut found: Vec<(usize, Point)> = Vec::new();
    for (i, a) in g.lines.iter().enumerate() {
        for b in &g.lines {
            if a.edge == b.edge || flow.edges[a.edge].to == flow.edges[b.edge].to {
                continue;
            }
            for sa in a.points.windows(2) {
                let horizontal = (sa[0].1 - sa[1].1).abs() < 1e-6;
                if !horizontal {
                    continue;
                }
                for sb in b.points.windows(2) {
                    if let Some(p) = crossing(sa, sb) {
                        found.push((i, p));
                    }
                }
            }
        }
    }
    for (i, p) in found {
        g.lines[i].hops.push(p);
    }
    for l in &mut g.lines {
        l.hops.sort_by(|a, b| a.0.total_cmp(&b.0));
        l.hops
            .dedup_by(|a, b| (a.0 - b.0).abs() < 1e-6 && (a.1 - b.1).abs() < 1e-6);
    }
}

/// The places for a label of the exit leaving decision `s` by side `d`
/// along the horizontal to `end`, each with its cost: in the decision's own
/// cell just outside the port, drawn back over the diamond's free corner,
/// or as far back as the cell allows; then, in the next columns, just past
/// each rule the line crosses and just before its end; with `beyond`, last,
/// across the rule past the end (beside the lane the line turns into; not
/// past a connector, where the label would name nothing). Each above and
/// below the line: close to it, a little off it, and as far off as clears
/// the diamond's slanting side, where a narrow gutter leaves room only over
/// its free corner.
fn label_spots(
    kolom: &Columns,
    s: &Placed,
    end: Point,
    d: Side,
    (w, h): (f64, f64),
    beyond: bool,
) -> Vec<(Rect, f64)> {
    let port = s.port(d);
    let own = kolom.rule_x(s.kolom + usize::from(d == Side::Right));
    // left edges (for `d` right; right edges for `d` left) with their cost
    let mut starts: Vec<(f64, f64)> = [0.0, 1.0, 2.0, 3.0]
        .iter()
        .map(|back| (port.0 + d.sign() * (LABEL_GAP - mm(*back)), mm(*back) / 4.0))
        .collect();
    starts.push((own - d.sign() * (CELL_MARGIN + mm(0.1) + w), mm(1.0)));
    let (lo, hi) = min_max(port.0, end.0);
    let mut crossed: Vec<f64> = (0..=kolom.actors)
        .map(|k| kolom.rule_x(k))
        .filter(|&x| lo < x && x < hi)
        .collect();
    // nearest the port first
    crossed.sort_by(|a, b| (a - port.0).abs().total_cmp(&(b - port.0).abs()));
    starts.extend(crossed.iter().enumerate().map(|(n, x)| {
        let cost = LABEL_OTHER_CELL_COST + n as f64 * LABEL_FAR_END_COST;
        (x + d.sign() * (CELL_MARGIN + mm(0.2)), cost)
    }));
    let before_end = end.0 - d.sign() * (LABEL_GAP + w);
    let in_own =
        (before_end - own) * d.sign() <= 0.0 && (before_end + d.sign() * w - own) * d.sign() <= 0.0;
    let cost = if in_own {
        mm(1.5)
    } else {
        LABEL_OTHER_CELL_COST + LABEL_FAR_END_COST
    };
    starts.push((before_end, cost));
    // beyond the line's turn, across the next rule: beside the exit's
    // horizontal and the lane it turns into, in the next cell
    let next = (0..=kolom.actors)
        .map(|k| kolom.rule_x(k))
        .filter(|&x| (x - end.0) * d.sign() > 0.0)
        .min_by(|a, b| (a - end.0).abs().total_cmp(&(b - end.0).abs()));
    if let Some(x) = next.filter(|_| beyond) {
        starts.push((x + d.sign() * (CELL_MARGIN + mm(0.2)), LABEL_BEYOND_COST));
    }
    let (hw, hh) = ((s.rect.x1 - s.rect.x0) / 2.0, (s.rect.y1 - s.rect.y0) / 2.0);
    let mut out = Vec::new();
    for (x0, cost) in starts {
        let (a, b) = min_max(x0, x0 + d.sign() * w);
        // the label's distance from the diamond's middle, across
        let near = if a <= s.cx() && s.cx() <= b {
            0.0
        } else {
            (a - s.cx()).abs().min((b - s.cx()).abs())
        };
        let clear = hh * (1.0 - (near - LABEL_MARGIN) / hw) + LABEL_MARGIN + mm(0.1);
        // the least gap last: between the exit and a track 2.5 mm off the
        // symbol, where a two-line label has no more room
        let mut gaps = vec![
            (mm(0.6), 0.0),
            (mm(2.2), mm(0.5)),
            (LABEL_GAP_LEAST, mm(0.3)),
        ];
        if clear > mm(2.2) {
            gaps.push((clear, mm(1.0)));
        }
        for (gap, off) in gaps {
            for above in [true, false] {
                let (y0, y1) = if above {
                    (port.1 - gap - h, port.1 - gap)
                } else {
                    (port.1 + gap, port.1 + gap + h)
                };
                out.push((Rect::new(x0, y0, x0 + d.sign() * w, y1), cost + off));
            }
        }
    }
    out
}

/// Whether a word of label form `f` set at `k` has its middle inside
/// `symbol`'s box, where a reader (and `sopc impor`) takes it for the
/// symbol's own text. The words hug the side of the box nearer the symbol
/// (as [`Label::flush_right`] sets them).
fn words_inside(f: &Form, k: &Rect, symbol: &Rect) -> bool {
    let flush_right = k.center().0 < symbol.center().0;
    f.words.iter().any(|&(line, middle, width)| {
        let y = k.y0 + (k.y1 - k.y0) * line;
        let x = if flush_right {
            k.x1 - width + middle
        } else {
            k.x0 + middle
        };
        symbol.x0 < x && x < symbol.x1 && symbol.y0 < y && y < symbol.y1
    })
}

/// Whether label `text` (on one line or two) stands in half an actor
/// column beside a line down its middle.
fn fits_below(kolom: &Columns, text: &str) -> bool {
    crate::kolom::kolom_label(text) <= kolom.actor_width
}

/// One way to set a label: its lines, its size, what it costs, and its
/// words: for each, the height of its line (as a fraction of the label's)
/// and its middle along the line, from the line's start, with the line's
/// width.
#[derive(Clone, Debug)]
struct Form {
    text: String,
    size: (f64, f64),
    cost: f64,
    words: Vec<(f64, f64, f64)>,
}

impl Form {
    fn new(text: String, cost: f64) -> Form {
        let width = |t: &str| crate::huruf::lebar_miring(t, size::LABEL_PT);
        let space = width(" ");
        let n = text.lines().count().max(1) as f64;
        let mut words = Vec::new();
        for (i, line) in text.lines().enumerate() {
            let (mut x, line_width) = (0.0, width(line));
            for word in line.split(' ') {
                let w = width(word);
                words.push(((i as f64 + 0.5) / n, x + w / 2.0, line_width));
                x += w + space;
            }
        }
        Form {
            size: size::label_size(&text),
            text,
            cost,
            words,
        }
    }
}

/// The ways to set label `text`: on one line, and, if it has several
/// words, on two lines broken at the space that evens them best (`Belum`
/// over `lengkap`), at [`TWO_LINES_COST`].
fn forms(text: &str) -> Vec<Form> {
    let two = crate::kolom::dua_baris(text).map(|t| Form::new(t, TWO_LINES_COST));
    let mut out = vec![Form::new(text.to_owned(), 0.0)];
    out.extend(two);
    out
}

/// A connector beside `l` on side `d` whose near edge is at `near`, level
/// with its port.
fn connector_near(l: &Placed, near: f64, d: Side) -> Rect {
    let k = size::connector_side();
    let tip = l.port(d);
    Rect::new(near, tip.1 - k * 0.3, near + d.sign() * k, tip.1 + k * 0.7)
}

/// From lane `x` along the top track of `t` into its top.
fn into_top(t: &Placed, x: f64) -> [Point; 3] {
    let y = t.top_track();
    [Point(x, y), Point(t.cx(), y), t.top()]
}

/// The places for a label beside the line leaving the bottom of `s`, on
/// side `d` of it: below the symbol, [`LABEL_GAP`] from the line or nearer
/// (down to [`LABEL_GAP_LEAST`]) where the half cell is narrow; and raised
/// beside the diamond's lower corner as far out as the cell allows,
/// where a short row leaves too little room below it.
fn labels_below(kolom: &Columns, s: &Placed, d: Side, (w, h): (f64, f64)) -> Vec<Rect> {
    let rule = kolom.rule_x(s.kolom + usize::from(d == Side::Right));
    let room = (rule - s.cx()).abs() - CELL_MARGIN - w;
    let x0 = s.cx() + d.sign() * room.clamp(LABEL_GAP_LEAST, LABEL_GAP);
    let y0 = s.rect.y1 + mm(0.5);
    let mut out = vec![Rect::new(x0, y0, x0 + d.sign() * w, y0 + h)];
    let (hw, hh) = ((s.rect.x1 - s.rect.x0) / 2.0, (s.rect.y1 - s.rect.y0) / 2.0);
    let near = room - mm(0.1);
    if near > LABEL_GAP_LEAST {
        let raised = s.mid() + hh * (1.0 - (near - LABEL_MARGIN) / hw) + LABEL_MARGIN + mm(0.1);
        let x0 = s.cx() + d.sign() * near;
        if raised < y0 {
            out.push(Rect::new(x0, raised, x0 + d.sign() * w, raised + h));
        }
    }
    out
}

/// The place for a label of the line leaving the bottom of `s` too wide
/// for half its column: in the next column on side `d`, just inside the
/// rule, level with the first place of [`labels_below`].
fn labels_past_rule(kolom: &Columns, s: &Placed, d: Side, (w, h): (f64, f64)) -> Rect {
    let rule = kolom.rule_x(s.kolom + usize::from(d == Side::Right));
    let x0 = rule + d.sign() * (CELL_MARGIN + mm(0.2));
    let y0 = s.rect.y1 + mm(0.5);
    Rect::new(x0, y0, x0 + d.sign() * w, y0 + h)
}

/// The places, with their costs, for the label of a straight exit of `s`
/// that turns towards `t` on the bottom track of `s`
/// ([`Router::turns_below`]): below that horizontal, under the turn, in
/// the decision's own cell (the line down from the diamond stops at the
/// track); and above it just past the rule it crosses, in the target's
/// column, where a short row leaves no room below.
fn labels_past_turn(
    kolom: &Columns,
    s: &Placed,
    t: &Placed,
    (w, h): (f64, f64),
) -> Vec<(Rect, f64)> {
    let d = Side::towards(s.cx(), t.cx());
    let rule = kolom.rule_x(s.kolom + usize::from(d == Side::Right));
    let (y, gap, inset) = (s.bottom_track(), mm(0.6), CELL_MARGIN + mm(0.2));
    let before = rule - d.sign() * inset;
    let past = rule + d.sign() * inset;
    vec![
        (
            Rect::new(before, y + gap, before - d.sign() * w, y + gap + h),
            0.0,
        ),
        (
            Rect::new(past, y - gap - h, past + d.sign() * w, y - gap),
            LABEL_OTHER_CELL_COST,
        ),
    ]
}

/// A connector centred on x, its top at y.
fn connector_at(cx: f64, y0: f64) -> Rect {
    let k = size::connector_side();
    Rect::new(cx - k / 2.0, y0, cx + k / 2.0, y0 + k)
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

fn horizontal_length(pts: &[Point]) -> f64 {
    pts.windows(2).map(|w| (w[0].0 - w[1].0).abs()).sum()
}

fn vertical_length(pts: &[Point]) -> f64 {
    pts.windows(2).map(|w| (w[0].1 - w[1].1).abs()).sum()
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

    #[test]
    fn a_label_of_several_words_may_take_two_lines_broken_evenly() {
        assert_eq!(forms("Tidak").len(), 1);
        let f = forms("Tidak sesuai ketentuan");
        assert_eq!(f.len(), 2);
        assert_eq!(f[1].text, "Tidak sesuai\nketentuan");
        assert!(f[1].size.0 < f[0].size.0 && f[1].size.1 > f[0].size.1);
        assert_eq!(f[1].cost, TWO_LINES_COST);
        // its words' middles: two on the first line, one on the second
        let lines: Vec<f64> = f[1].words.iter().map(|w| w.0).collect();
        assert_eq!(lines, [0.25, 0.25, 0.75]);
    }

    #[test]
    fn the_default_labels_need_no_wider_column_than_the_narrowest() {
        use crate::kolom::kolom_label;
        let least = mm(crate::paper::ACTOR_MIN);
        assert!(kolom_label("Tidak") <= least, "{}", kolom_label("Tidak"));
        assert!(kolom_label("Ya") <= least);
        // Belum lengkap, on two lines, asks for 22 mm; Lengkap for 24 mm
        assert!((mm(21.5)..mm(22.5)).contains(&kolom_label("Belum lengkap")));
        assert!((mm(23.0)..mm(24.5)).contains(&kolom_label("Lengkap")));
        // the columns reserve what the layout keeps from the cell's rules
        assert_eq!(crate::kolom::LABEL_JARAK_SEL, CELL_MARGIN);
        // and a label in such a column stands beside the line
        let kolom = Columns::compute(mm(295.0), 8, false);
        assert!(kolom.actor_width >= kolom_label("Tidak"));
        assert!(fits_below(&kolom, "Tidak") && !fits_below(&kolom, "Lengkap"));
    }
}
