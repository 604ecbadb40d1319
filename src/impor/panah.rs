//! The flow: which symbol each arrow leaves and which it enters, and the
//! words printed beside a decision's exits.
//!
//! Phases, per page: (1) keep the thin ink inside the actor columns that is
//! not a table rule; (2) join pieces into connectors where the end of one
//! touches another (two lines that merely cross stay apart); (3) a symbol
//! touched by an arrowhead of a connector is one of its targets, a symbol
//! touched by a plain end is a source; (4) off-page connector symbols with
//! the same letter join the connectors of two pages; (5) each decision's
//! exits get the nearest printed label and become `ya`/`tidak`.

use super::baca::{Baris, Cabang, Dokumen, Kolom};
use super::geom::{Kind, Sheet, Word};
use kurbo::{Point, Rect};
use std::collections::HashMap;

/// A point closer than this (pt) to something touches it.
const TOUCH: f64 = 4.0;
/// An arrowhead this close (pt) to a symbol points at it.
const TIP: f64 = 4.5;
/// Word stops an arrow up to this far (pt) before the symbol it points at.
const SHORT: f64 = 8.0;

#[derive(Clone, Copy, Debug, PartialEq)]
enum Node {
    /// Row index, symbol index in the row.
    Step(usize, usize),
    /// Off-page or on-page connector: index into the page's connectors.
    Conn(usize),
}

/// One arrow found on a page: from a node (leaving at `exit`) to a node.
#[derive(Clone, Debug)]
struct Edge {
    from: Node,
    to: Node,
    exit: Point,
    /// Points along the connector, for finding the words printed beside it.
    path: Vec<Point>,
    page: usize,
    /// No arrowhead: the direction was taken from the row order.
    guessed: bool,
    /// A diamond's exit followed along its own line to its own head.
    sendiri: bool,
}

pub fn alur(sheets: &[Sheet], pages: &[(usize, Kolom)], d: &mut Dokumen) {
    let mut conns: Vec<(usize, String, Rect)> = Vec::new();
    for (p, k) in pages {
        let s = &sheets[*p];
        for sh in s
            .shapes
            .iter()
            .filter(|sh| sh.kind == Kind::Connector && sh.rect.center().y > k.atas_gambar)
        {
            let huruf = super::geom::join(&s.lines_in(sh.rect.inflate(1.0, 1.0)));
            conns.push((*p, huruf, sh.rect));
        }
    }
    conns.extend(page_breaks(sheets, pages));
    let mut edges: Vec<Edge> = Vec::new();
    for (p, k) in pages {
        let nodes: Vec<(Node, Rect)> = d
            .langkah
            .iter()
            .enumerate()
            .flat_map(|(r, b)| {
                b.simbol
                    .iter()
                    .enumerate()
                    .filter(|(_, s)| s.2 == *p)
                    .map(move |(j, s)| (Node::Step(r, j), s.3))
            })
            .chain(
                conns
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| c.0 == *p)
                    .map(|(i, c)| (Node::Conn(i), c.2)),
            )
            .collect();
        edges.extend(page_edges(&sheets[*p], k, *p, &nodes, d));
    }
    let edges = belah(d, through_connectors(edges, &conns));
    let edges = simpang(d, edges);
    // the exits of every diamond: the lines a label may be printed beside
    let keluar: Vec<Edge> = edges
        .iter()
        .filter(|e| belah_ketupat(d, e.from))
        .cloned()
        .collect();
    for (r, b) in d.langkah.iter_mut().enumerate() {
        apply(r, b, &edges, &keluar, sheets, pages);
    }
    let n = d.langkah.len();
    for b in &mut d.langkah {
        if b.lanjut.is_some_and(|t| t >= n) {
            b.lanjut = None;
        }
    }
}

/// Whether `node` is a decision's diamond.
fn belah_ketupat(d: &Dokumen, node: Node) -> bool {
    match node {
        Node::Step(r, j) => d
            .langkah
            .get(r)
            .and_then(|b| b.simbol.get(j))
            .is_some_and(|s| s.1 == Kind::Decision),
        Node::Conn(_) => false,
    }
}

/// Rows with several diamonds (a chain of approvals drawn in one row, each
/// "no" back to the one before) become one decision step per diamond, as
/// the language gives a step one decision: in the order the arrows take
/// them, the first keeping the row's other symbols and its Mutu Baku, the
/// others the kegiatan text, no time of their own and a note. The edges
/// follow their symbols into the new rows.
fn belah(d: &mut Dokumen, edges: Vec<Edge>) -> Vec<Edge> {
    let mut peta: Vec<Vec<(usize, usize)>> = Vec::new();
    let mut rows: Vec<Baris> = Vec::new();
    for (r, b) in std::mem::take(&mut d.langkah).into_iter().enumerate() {
        let diamonds: Vec<usize> = (0..b.simbol.len())
            .filter(|&j| b.simbol[j].1 == Kind::Decision)
            .collect();
        let base = rows.len();
        if diamonds.len() < 2 {
            peta.push((0..b.simbol.len()).map(|j| (base, j)).collect());
            rows.push(b);
            continue;
        }
        let urut = urutan(r, &b, &diamonds, &edges);
        let mut map = vec![(base, 0); b.simbol.len()];
        let mut first = Baris {
            simbol: Vec::new(),
            ..b.clone()
        };
        for (j, s) in b.simbol.iter().enumerate() {
            if s.1 != Kind::Decision || j == urut[0] {
                map[j] = (base, first.simbol.len());
                first.simbol.push(*s);
            }
        }
        first.catatan.push(format!(
            "baris {} tercetak dengan {} keputusan berurutan dalam satu baris; satu langkah memiliki satu keputusan, maka baris itu menjadi langkah ini dan {} langkah sesudahnya",
            b.nomor,
            urut.len(),
            urut.len() - 1
        ));
        rows.push(first);
        for (i, &j) in urut.iter().enumerate().skip(1) {
            map[j] = (base + i, 0);
            rows.push(salinan(
                &b,
                vec![b.simbol[j]],
                format!(
                    "keputusan ke-{} dari baris {} yang tercetak dalam satu baris; kegiatan disalin dari baris itu, waktu dan Mutu Baku-nya pada langkah keputusan pertama",
                    i + 1,
                    b.nomor
                ),
            ));
        }
        peta.push(map);
    }
    d.langkah = rows;
    let pindah = |n: Node| match n {
        Node::Step(r, j) => {
            let (r, j) = peta
                .get(r)
                .and_then(|m| m.get(j))
                .copied()
                .unwrap_or((r, j));
            Node::Step(r, j)
        }
        Node::Conn(c) => Node::Conn(c),
    };
    edges
        .into_iter()
        .map(|e| Edge {
            from: pindah(e.from),
            to: pindah(e.to),
            ..e
        })
        .collect()
}

/// Decisions whose two exits the page takes to one row by two ways, which
/// the language cannot say (a decision's targets differ): an exit into
/// another symbol of the decision's own row that then goes on to where
/// the other exit goes (BPS 042: "Perlu" into a box beside its diamond,
/// 048: into a process beside it, both then on to the next row) — that
/// symbol becomes a step of its own after the decision; or two exits into
/// two symbols of one row (042: "Butuh" into the next row's process,
/// "Tidak" into the terminator beside it) — the later of the two, in the
/// order their arrows take them, becomes a step of its own after its row;
/// or an exit whose own line enters a box beside the diamond that goes on
/// to no later row (BPS 218, 221) — that box becomes the step after the
/// decision, which arrows from earlier rows enter instead.
fn simpang(d: &mut Dokumen, mut edges: Vec<Edge>) -> Vec<Edge> {
    for _ in 0..d.langkah.len() * 2 {
        let Some((r, js, catatan, maju)) =
            (0..d.langkah.len()).find_map(|r| simpangan(d, r, &edges))
        else {
            break;
        };
        edges = sisip(d, edges, r, &js, catatan);
        if maju {
            // the box a decision's exit enters beside it goes on forward:
            // its lines back to the decision's row or before are a line it
            // shares with earlier rows (218's PJK line), not its own flow
            let baris = |n: Node| match n {
                Node::Step(t, _) => Some(t),
                Node::Conn(_) => None,
            };
            let mundur =
                |e: &Edge| baris(e.from) == Some(r + 1) && baris(e.to).is_some_and(|t| t <= r);
            if edges.iter().any(mundur) {
                d.langkah[r + 1]
                    .catatan
                    .push("garis dari langkah ini ke langkah sebelumnya tidak dibaca sebagai alur; periksa".into());
                edges.retain(|e| !mundur(e));
            }
            // and an arrow from an earlier row into it enters the printed
            // row, whose first step is the decision
            if let Some(jd) = d.langkah[r]
                .simbol
                .iter()
                .position(|s| s.1 == Kind::Decision)
            {
                for e in &mut edges {
                    if baris(e.from).is_some_and(|f| f < r) && baris(e.to) == Some(r + 1) {
                        e.to = Node::Step(r, jd);
                    }
                }
            }
        }
    }
    edges
}

/// The symbols to move out of a row (see [`simpang`]) for the decision of
/// row `r`, if its exits call for it: (the row, its symbols, the note,
/// whether the new step only goes on forward).
fn simpangan(d: &Dokumen, r: usize, edges: &[Edge]) -> Option<(usize, Vec<usize>, String, bool)> {
    let b = &d.langkah[r];
    let mut diamonds = (0..b.simbol.len()).filter(|&j| b.simbol[j].1 == Kind::Decision);
    let (Some(jd), None) = (diamonds.next(), diamonds.next()) else {
        return None;
    };
    let keluar = |n: Node| {
        edges
            .iter()
            .filter(move |e| e.from == n && e.to != n)
            .map(|e| e.to)
    };
    // where a first hop leads, as a row: through another symbol of row r
    // to where it goes (back into the diamond: row r; the next row when
    // nowhere)
    let baris_dari = |hop: Node| match hop {
        Node::Step(t, _) if t != r => t,
        Node::Step(_, j) if j == jd => r,
        Node::Step(..) => keluar(hop)
            .find_map(|n| match n {
                Node::Step(t, _) if t != r => Some(t),
                Node::Step(_, j) if j == jd => Some(r),
                _ => None,
            })
            .unwrap_or(r + 1),
        Node::Conn(_) => usize::MAX,
    };
    // the first hop of each exit, with where it leaves the diamond: one
    // line that forks into a parallel row's symbols is one exit
    let hops: Vec<(Node, Point)> = edges
        .iter()
        .filter(|e| e.from == Node::Step(r, jd) && e.to != e.from)
        .map(|e| (e.to, e.exit))
        .collect();
    // an exit whose own line and head enter a box of the decision's own
    // row in another column, a box no other arrow enters and that goes on
    // to no later row (BPS 218 and 221: `Y` into the PJK box beside the
    // diamond, whose lines go back up the PJK line): that box and the row's other symbols outside
    // the decision's column become a step of their own right after the
    // decision, as a step has a decision or a process, not both
    let kd = b.simbol[jd].0;
    let lain = |j: usize| j != jd && b.simbol[j].0 != kd && b.simbol[j].1 != Kind::Decision;
    let maju = |j: usize| keluar(Node::Step(r, j)).any(|n| matches!(n, Node::Step(t, _) if t > r));
    // entered only by the decision: not the row's process the flow
    // reaches first (117: row 4's box into row 5's, then into the diamond)
    let dimasuki = |j: usize| {
        edges
            .iter()
            .any(|e| e.to == Node::Step(r, j) && e.from != Node::Step(r, jd))
    };
    let masuk = edges.iter().find_map(|e| match (e.from, e.to) {
        (f, Node::Step(t, j))
            if f == Node::Step(r, jd)
                && e.sendiri
                && t == r
                && lain(j)
                && b.simbol[j].1 == Kind::Process
                && !maju(j)
                && !dimasuki(j) =>
        {
            Some(j)
        }
        _ => None,
    });
    if let Some(masuk) = masuk {
        let js: Vec<usize> = (0..b.simbol.len()).filter(|&j| lain(j)).collect();
        let kolom: Vec<String> = js
            .iter()
            .filter_map(|&j| d.pelaksana.get(b.simbol[j].0).cloned())
            .collect();
        return Some((
            r,
            js,
            format!(
                "simbol di kolom {} pada baris {}, tujuan jalan keluar keputusan baris itu (kotak di kolom {}), menjadi langkah tersendiri sesudah keputusan (satu langkah tidak memuat keputusan dan proses sekaligus); kegiatan disalin dari baris itu",
                kolom.join(", "),
                b.nomor,
                d.pelaksana
                    .get(b.simbol[masuk].0)
                    .cloned()
                    .unwrap_or_default()
            ),
            true,
        ));
    }
    for (i, &(a, ea)) in hops.iter().enumerate() {
        for &(c, ec) in &hops[i + 1..] {
            if a == c
                || ea.distance(ec) < TOUCH
                || baris_dari(a) != baris_dari(c)
                || baris_dari(a) == usize::MAX
            {
                continue;
            }
            let kolom = |t: usize, j: usize| {
                d.langkah[t]
                    .simbol
                    .get(j)
                    .and_then(|s| d.pelaksana.get(s.0))
                    .cloned()
                    .unwrap_or_default()
            };
            // through a symbol of the decision's own row
            if let Some(Node::Step(_, x)) = [a, c]
                .into_iter()
                .find(|n| matches!(n, Node::Step(t, j) if *t == r && *j != jd))
            {
                return Some((
                    r,
                    vec![x],
                    format!(
                        "simbol di kolom {} pada baris {}, tujuan satu jalan keluar keputusan baris itu, menjadi langkah tersendiri (jalan keluar yang lain menuju ke tempat yang sama); kegiatan disalin dari baris itu",
                        kolom(r, x),
                        b.nomor
                    ),
                    false,
                ));
            }
            // into two symbols of one other row
            if let (Node::Step(t, j1), Node::Step(_, j2)) = (a, c) {
                let row = &d.langkah[t];
                let bukan_keputusan =
                    |j: usize| row.simbol.get(j).is_some_and(|s| s.1 != Kind::Decision);
                if t == r || !bukan_keputusan(j1) || !bukan_keputusan(j2) {
                    continue;
                }
                let ke =
                    |x: usize, y: usize| keluar(Node::Step(t, x)).any(|n| n == Node::Step(t, y));
                // the one the other's arrow enters, else the lower
                let lower = row.simbol[j1].3.center().y > row.simbol[j2].3.center().y;
                let later = if ke(j1, j2) || (!ke(j2, j1) && !lower) {
                    j2
                } else {
                    j1
                };
                return Some((
                    t,
                    vec![later],
                    format!(
                        "simbol kedua di kolom {} pada baris {}, tujuan jalan keluar lain keputusan baris {}, menjadi langkah tersendiri; kegiatan disalin dari baris itu",
                        kolom(t, later),
                        row.nomor,
                        b.nomor
                    ),
                    false,
                ));
            }
        }
    }
    None
}

/// Moves the symbols `js` of row `r` into a new step right after it: the
/// row's kegiatan text with `catatan`, no time of its own, output `-`.
/// The edges follow their symbols.
fn sisip(d: &mut Dokumen, edges: Vec<Edge>, r: usize, js: &[usize], catatan: String) -> Vec<Edge> {
    let b = &mut d.langkah[r];
    let mut peta: Vec<(usize, usize)> = Vec::new();
    let (mut tetap, mut pindah) = (Vec::new(), Vec::new());
    for (j, s) in b.simbol.iter().enumerate() {
        if js.contains(&j) {
            peta.push((r + 1, pindah.len()));
            pindah.push(*s);
        } else {
            peta.push((r, tetap.len()));
            tetap.push(*s);
        }
    }
    b.simbol = tetap;
    let baru = salinan(b, pindah, catatan);
    d.langkah.insert(r + 1, baru);
    let geser = |n: Node| match n {
        Node::Step(t, j) if t == r => {
            let (t, j) = peta.get(j).copied().unwrap_or((t, j));
            Node::Step(t, j)
        }
        Node::Step(t, j) if t > r => Node::Step(t + 1, j),
        n => n,
    };
    edges
        .into_iter()
        .map(|e| Edge {
            from: geser(e.from),
            to: geser(e.to),
            ..e
        })
        .collect()
}

/// A step of `simbol` taken out of row `b`: its kegiatan text and
/// number, no time of its own (`0 menit`: the row's is on the row's first
/// step), output `-` (both are required), and `catatan` saying so.
fn salinan(b: &Baris, simbol: Vec<(usize, Kind, usize, Rect)>, catatan: String) -> Baris {
    Baris {
        nomor: b.nomor.clone(),
        kegiatan: b.kegiatan.clone(),
        waktu: "0 menit".into(),
        output: super::baca::Isi::Teks("-".into()),
        simbol,
        catatan: vec![catatan],
        ..Baris::default()
    }
}

/// The order the arrows take the `diamonds` of row `r`: first the one an
/// arrow enters from outside them (the step before, a symbol of the row
/// that is not a diamond), then each one the last leads into; left to
/// right where the arrows do not tell.
fn urutan(r: usize, b: &Baris, diamonds: &[usize], edges: &[Edge]) -> Vec<usize> {
    let mut sisa = diamonds.to_vec();
    sisa.sort_by(|&x, &y| b.simbol[x].3.x0.total_cmp(&b.simbol[y].3.x0));
    let masuk = |j: usize| {
        edges
            .iter()
            .filter(move |e| e.to == Node::Step(r, j) && e.from != e.to)
            .map(|e| e.from)
    };
    let dari_luar = |j: usize| {
        masuk(j).any(|f| !matches!(f, Node::Step(rr, jj) if rr == r && diamonds.contains(&jj)))
    };
    let mut out = vec![sisa.remove(sisa.iter().position(|&j| dari_luar(j)).unwrap_or(0))];
    while !sisa.is_empty() {
        let last = out[out.len() - 1];
        let next = sisa
            .iter()
            .position(|&j| masuk(j).any(|f| f == Node::Step(r, last)))
            .unwrap_or(0);
        out.push(sisa.remove(next));
    }
    out
}

/// Lines a page break cuts without off-page connectors: a loose end on the
/// last rule of one page and one on the first rule of the next, in the same
/// column, become a pair of connectors with a letter of their own.
fn page_breaks(sheets: &[Sheet], pages: &[(usize, Kolom)]) -> Vec<(usize, String, Rect)> {
    let mut out = Vec::new();
    for w in pages.windows(2) {
        let ((p, kp), (q, kq)) = (&w[0], &w[1]);
        let (Some(bottom), Some(top)) = (kp.baris.last(), kq.baris.first()) else {
            continue;
        };
        if *q != p + 1 {
            continue;
        }
        let at = |s: &Sheet, k: &Kolom, y: f64| -> Vec<Point> {
            pieces(s, k)
                .into_iter()
                .flat_map(|(_, ends)| ends)
                .filter(|e| (e.y - y).abs() < 3.0)
                .collect()
        };
        let high = at(&sheets[*q], kq, *top);
        for a in at(&sheets[*p], kp, *bottom) {
            let Some(b) = high
                .iter()
                .filter(|b| (b.x - a.x).abs() < 6.0)
                .min_by(|x, y| (x.x - a.x).abs().total_cmp(&(y.x - a.x).abs()))
            else {
                continue;
            };
            // a letter no printed connector has
            let huruf = format!("\u{1}{}", out.len());
            out.push((*p, huruf.clone(), Rect::from_center_size(a, (3.0, 3.0))));
            out.push((*q, huruf, Rect::from_center_size(*b, (3.0, 3.0))));
        }
    }
    out
}

/// The ink pieces of the page that can be connector lines, with their ends.
fn pieces(s: &Sheet, k: &Kolom) -> Vec<(Vec<Point>, Vec<Point>)> {
    let (Some(first), Some(last)) = (k.aktor.first(), k.aktor.last()) else {
        return Vec::new();
    };
    let area = Rect::new(
        first.0 - 1.0,
        k.atas_gambar - 1.0,
        last.1 + 1.0,
        k.baris.last().copied().unwrap_or(s.height) + 40.0,
    );
    let mut xs: Vec<f64> = k.aktor.iter().flat_map(|c| [c.0, c.1]).collect();
    xs.dedup();
    let on_rule = |pts: &[Point]| {
        pts.iter()
            .all(|p| k.baris.iter().any(|y| (p.y - y).abs() < 1.3))
            || pts.iter().all(|p| xs.iter().any(|x| (p.x - x).abs() < 1.3))
    };
    s.ink
        .iter()
        .filter(|pts| pts.iter().all(|p| area.contains(*p)) && !on_rule(pts))
        .map(|pts| (pts.clone(), ends(pts)))
        .collect()
}

/// The ends of a piece: the first and last point of an open line; for a
/// filled thin outline, the middles of its caps — the short edges that
/// turn the outline back along the stroke (the edge before and the edge
/// after run opposite ways). A bend's corner, square or rounded into
/// short edges, turns it aside and is no end; a cap is as long as the
/// line is thick (Word draws some lines 2.5 pt thick).
fn ends(pts: &[Point]) -> Vec<Point> {
    let (Some(a), Some(b)) = (pts.first(), pts.last()) else {
        return Vec::new();
    };
    if a.distance(*b) > 0.5 {
        return vec![*a, *b];
    }
    // a closed outline sampled every pt: its straight runs
    let n = pts.len();
    let mut runs: Vec<(Point, Point)> = Vec::new();
    let mut i = 0;
    while i + 1 < n {
        let mut j = i + 1;
        let dir = pts[j] - pts[i];
        while j + 1 < n {
            let nd = pts[j + 1] - pts[j];
            if (nd.x * dir.y - nd.y * dir.x).abs() > 0.05 * nd.hypot() * dir.hypot() {
                break;
            }
            j += 1;
        }
        if pts[i].distance(pts[j]) > 0.2 {
            runs.push((pts[i], pts[j]));
        }
        i = j;
    }
    let m = runs.len();
    let len = |r: &(Point, Point)| r.0.distance(r.1);
    let mut out = Vec::new();
    for (k, r) in runs.iter().enumerate() {
        if len(r) >= CAP || m < 3 {
            continue;
        }
        // the nearest long runs either side: the stroke's two sides
        let before = (1..m)
            .map(|d| &runs[(k + m - d) % m])
            .find(|q| len(q) >= CAP);
        let after = (1..m).map(|d| &runs[(k + d) % m]).find(|q| len(q) >= CAP);
        let (Some(p), Some(q)) = (before, after) else {
            continue;
        };
        let (u, v) = (p.1 - p.0, q.1 - q.0);
        if (u.x * v.x + u.y * v.y) < -0.9 * u.hypot() * v.hypot() {
            out.push(r.0.midpoint(r.1));
        }
    }
    if out.is_empty() {
        out.push(*a);
    }
    out
}

/// The longest edge a filled line's cap has (pt): its thickness.
const CAP: f64 = 3.5;

fn page_edges(s: &Sheet, k: &Kolom, page: usize, nodes: &[(Node, Rect)], d: &Dokumen) -> Vec<Edge> {
    let ps = pieces(s, k);
    let heads: Vec<Rect> = s
        .heads
        .iter()
        .filter(|h| h.center().y > k.atas_gambar)
        .copied()
        .collect();
    let n = ps.len();
    // union-find over pieces then heads
    let mut parent: Vec<usize> = (0..n + heads.len()).collect();
    fn find(p: &mut [usize], mut i: usize) -> usize {
        while p[i] != i {
            p[i] = p[p[i]];
            i = p[i];
        }
        i
    }
    let cell = |p: Point| ((p.x / 2.0).floor() as i64, (p.y / 2.0).floor() as i64);
    let mut grid: HashMap<(i64, i64), Vec<usize>> = HashMap::new();
    for (i, (pts, _)) in ps.iter().enumerate() {
        for p in pts {
            let v = grid.entry(cell(*p)).or_default();
            if v.last() != Some(&i) {
                v.push(i);
            }
        }
    }
    let near = |p: Point, grid: &HashMap<(i64, i64), Vec<usize>>| -> Vec<usize> {
        let (cx, cy) = cell(p);
        let mut out = Vec::new();
        for dx in -1..=1 {
            for dy in -1..=1 {
                if let Some(v) = grid.get(&(cx + dx, cy + dy)) {
                    for &i in v {
                        if !out.contains(&i) && ps[i].0.iter().any(|q| q.distance(p) < 2.0) {
                            out.push(i);
                        }
                    }
                }
            }
        }
        out
    };
    for (i, (_, es)) in ps.iter().enumerate() {
        for e in es {
            for j in near(*e, &grid) {
                let (a, b) = (find(&mut parent, i), find(&mut parent, j));
                parent[a] = b;
            }
        }
    }
    for (h, r) in heads.iter().enumerate() {
        let big = r.inflate(1.5, 1.5);
        // the shaft that ends at the head; else any line through it (two
        // arrows side by side, one each way, are two arrows, not one net)
        let mut shafts: Vec<usize> = (0..n)
            .filter(|&i| ps[i].1.iter().any(|p| big.contains(*p)))
            .collect();
        if shafts.is_empty() {
            shafts = (0..n)
                .filter(|&i| ps[i].0.iter().any(|p| big.contains(*p)))
                .collect();
        }
        for i in shafts {
            let (a, b) = (find(&mut parent, n + h), find(&mut parent, i));
            parent[a] = b;
        }
    }
    // group
    let mut nets: HashMap<usize, (Vec<usize>, Vec<usize>)> = HashMap::new();
    for i in 0..n {
        let root = find(&mut parent, i);
        nets.entry(root).or_default().0.push(i);
    }
    for h in 0..heads.len() {
        let root = find(&mut parent, n + h);
        nets.entry(root).or_default().1.push(h);
    }
    let touches = |r: &Rect, p: Point| {
        let big = r.inflate(TOUCH, TOUCH);
        big.contains(p)
    };
    let diamond = |node: Node| belah_ketupat(d, node);
    let row_of = |node: Node| match node {
        Node::Step(r, _) => r as f64,
        Node::Conn(_) => f64::MAX,
    };
    let mut out = Vec::new();
    let mut keys: Vec<usize> = nets.keys().copied().collect();
    keys.sort();
    for key in keys {
        let (members, hs) = &nets[&key];
        if members.is_empty() {
            continue;
        }
        // the symbols a plain end of this connector touches: its sources,
        // never the target of a head that falls short
        let ended: Vec<Node> = members
            .iter()
            .flat_map(|&m| &ps[m].1)
            .filter(|e| !hs.iter().any(|&h| heads[h].inflate(1.5, 1.5).contains(**e)))
            .flat_map(|e| nodes.iter().filter(|(_, r)| touches(r, *e)).map(|n| n.0))
            .collect();
        let mut targets: Vec<Node> = Vec::new();
        // the symbol each head of the net points at
        let mut tuju: HashMap<usize, Node> = HashMap::new();
        for &h in hs {
            let tip = heads[h];
            // the symbol the tip touches, else one it falls short of; never
            // the symbol the connector starts from
            let nearest = |reach: f64, own: bool| {
                nodes
                    .iter()
                    .filter(|(n, r)| gap(*r, tip) <= reach && (own || !ended.contains(n)))
                    .min_by(|a, b| {
                        (gap(a.1, tip), dist(a.1, tip))
                            .partial_cmp(&(gap(b.1, tip), dist(b.1, tip)))
                            .unwrap_or(std::cmp::Ordering::Equal)
                    })
            };
            // the point of its line nearest the head outside it: whence the
            // head points
            let big = tip.inflate(1.5, 1.5);
            let behind = members
                .iter()
                .flat_map(|&m| &ps[m].0)
                .filter(|p| !big.contains(**p))
                .min_by(|a, b| {
                    a.distance(tip.center())
                        .total_cmp(&b.distance(tip.center()))
                });
            let pointed = || {
                let n = tujuan(tip, *behind?, nodes)?;
                (!ended.contains(&n)).then_some(n)
            };
            if let Some(node) = nearest(TIP, false)
                .or_else(|| nearest(SHORT, false))
                // a loop back into the symbol it leaves
                .or_else(|| nearest(TIP, true))
                .map(|n| n.0)
                .or_else(pointed)
            {
                tuju.insert(h, node);
                if !targets.contains(&node) {
                    targets.push(node);
                }
            }
        }
        let mut sources: Vec<(Node, Point)> = Vec::new();
        for &m in members {
            for e in &ps[m].1 {
                for (node, r) in nodes {
                    if touches(r, *e)
                        && !targets.contains(node)
                        && !sources.iter().any(|(s, _)| s == node)
                    {
                        sources.push((*node, *e));
                    }
                }
            }
        }
        // a diamond that is a target and also has a plain end of this net
        // at another of its corners: an exit that joins the line into it,
        // a loop back into itself (sopc draws the loop up into the line
        // that enters the diamond from the step before)
        let kembali: Vec<(Node, Point)> = members
            .iter()
            .flat_map(|&m| &ps[m].1)
            .filter(|e| {
                !hs.iter().any(|&h| {
                    heads[h].center().distance(**e) < 6.0
                        || heads[h].inflate(1.5, 1.5).contains(**e)
                })
            })
            .flat_map(|e| {
                nodes
                    .iter()
                    .filter(|(n, r)| targets.contains(n) && touches(r, *e) && diamond(*n))
                    .map(|(n, _)| (*n, *e))
            })
            .fold(Vec::new(), |mut v, (n, e)| {
                if !v.iter().any(|(m, _)| *m == n) {
                    v.push((n, e));
                }
                v
            });
        let looped = sources.is_empty() && targets.len() == 1 && ended.contains(&targets[0]);
        if looped {
            let t = targets[0];
            let at = nodes
                .iter()
                .find(|n| n.0 == t)
                .map_or(Point::ORIGIN, |n| n.1.center());
            sources.push((t, at));
        }
        if sources.is_empty() && !targets.is_empty() {
            // Word may start a line a little away from its symbol too
            let start = members
                .iter()
                .flat_map(|&m| &ps[m].1)
                .filter(|e| !hs.iter().any(|&h| heads[h].inflate(1.5, 1.5).contains(**e)))
                .flat_map(|e| {
                    nodes
                        .iter()
                        .map(move |(n, r)| (gap(*r, Rect::from_points(*e, *e)), *n, *e))
                })
                .filter(|(g, n, _)| *g <= SHORT && !targets.contains(n))
                .min_by(|a, b| a.0.total_cmp(&b.0));
            sources.extend(start.map(|(_, n, e)| (n, e)));
        }
        let mut guessed = false;
        if targets.is_empty() && sources.len() == 2 {
            // no arrowhead: from the earlier row to the later
            sources.sort_by(|a, b| row_of(a.0).total_cmp(&row_of(b.0)));
            targets.push(sources.pop().map(|s| s.0).expect("two sources"));
            guessed = true;
        }
        let path: Vec<Point> = members
            .iter()
            .flat_map(|&m| ps[m].0.iter().step_by(2).copied())
            .collect();
        // a diamond's exit followed along its own line to its own head:
        // one target, not every target of a net its line joins (BPS 218
        // and 221 join their decision's exits to a line that links many
        // boxes)
        let jejak = |from: Node, exit: Point| {
            let (h, arah) = ujung(&ps, members, hs, &heads, exit)?;
            let to = tuju.get(&h).copied().or_else(|| {
                let dari = |n: &Node| *n != from;
                let bersih: Vec<(Node, Rect)> = nodes
                    .iter()
                    .filter(|(n, _)| {
                        dari(n) && (targets.contains(n) || sources.iter().any(|s| s.0 == *n))
                    })
                    .copied()
                    .collect();
                pada_garis(heads[h], arah, &bersih)
            })?;
            (to != from).then_some(to)
        };
        for (from, exit) in &sources {
            if diamond(*from)
                && let Some(to) = jejak(*from, *exit)
            {
                out.push(Edge {
                    from: *from,
                    to,
                    exit: *exit,
                    path: path.clone(),
                    page,
                    guessed,
                    sendiri: true,
                });
                continue;
            }
            for to in &targets {
                if from != to || looped {
                    out.push(Edge {
                        from: *from,
                        to: *to,
                        exit: *exit,
                        path: path.clone(),
                        page,
                        guessed,
                        sendiri: false,
                    });
                }
            }
        }
        if !looped {
            out.extend(kembali.iter().map(|(n, exit)| {
                let to = jejak(*n, *exit);
                Edge {
                    from: *n,
                    to: to.unwrap_or(*n),
                    exit: *exit,
                    path: path.clone(),
                    page,
                    guessed: false,
                    sendiri: to.is_some(),
                }
            }));
        }
    }
    out
}

/// The head a line reaches from its end `start`, followed piece by piece
/// through the ends that meet (never through a junction: where the line
/// forks or runs into the middle of another, None), with the direction
/// its last piece runs.
fn ujung(
    ps: &[(Vec<Point>, Vec<Point>)],
    members: &[usize],
    hs: &[usize],
    heads: &[Rect],
    start: Point,
) -> Option<(usize, Point)> {
    let near = |a: Point, b: Point| a.distance(b) < 2.0;
    // a head's own outline is no line of its own
    let kepala = |m: usize| {
        ps[m]
            .0
            .iter()
            .all(|p| hs.iter().any(|&h| heads[h].inflate(1.5, 1.5).contains(*p)))
    };
    let mut cur = *members
        .iter()
        .find(|&&m| ps[m].1.len() == 2 && ps[m].1.iter().any(|e| near(*e, start)))?;
    let mut masuk = start;
    for _ in 0..members.len() {
        let es = &ps[cur].1;
        let jauh = if es[0].distance(masuk) < es[1].distance(masuk) {
            es[1]
        } else {
            es[0]
        };
        // another line that starts on this one between its ends: a fork
        // (106: one line from the diamond, then `T` up and `Y` down)
        let cabang = members.iter().any(|&m| {
            m != cur
                && !kepala(m)
                && ps[m].1.iter().any(|e| {
                    !near(*e, masuk) && !near(*e, jauh) && ps[cur].0.iter().any(|p| near(*p, *e))
                })
        });
        if cabang {
            return None;
        }
        let arah = jauh - masuk;
        if let Some(&h) = hs
            .iter()
            .find(|&&h| heads[h].inflate(1.5, 1.5).contains(jauh))
        {
            return Some((h, Point::new(arah.x, arah.y)));
        }
        let lanjut: Vec<usize> = members
            .iter()
            .copied()
            .filter(|&m| m != cur && !kepala(m) && ps[m].0.iter().any(|p| near(*p, jauh)))
            .collect();
        let [m] = lanjut.as_slice() else {
            return None;
        };
        let e = ps[*m].1.iter().find(|e| near(**e, jauh))?;
        if ps[*m].1.len() != 2 {
            return None;
        }
        masuk = *e;
        cur = *m;
    }
    None
}

/// The symbol a head that ends on a line (no symbol at its tip) leads to:
/// the nearest of `nodes` ahead of it, across whose span it points (an
/// arrow into a line beside a box, BPS 218's `T`).
fn pada_garis(tip: Rect, arah: Point, nodes: &[(Node, Rect)]) -> Option<Node> {
    let c = tip.center();
    nodes
        .iter()
        .filter_map(|(n, r)| {
            let (d, lintang) = if arah.x.abs() > arah.y.abs() {
                let d = if arah.x > 0.0 { r.x0 - c.x } else { c.x - r.x1 };
                (d, r.y0 <= c.y && c.y <= r.y1)
            } else {
                let d = if arah.y > 0.0 { r.y0 - c.y } else { c.y - r.y1 };
                (d, r.x0 <= c.x && c.x <= r.x1)
            };
            (lintang && d >= -TOUCH).then_some((d, *n))
        })
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .map(|x| x.1)
}

/// How far (pt) past its tip an arrowhead that stops short still reaches
/// the symbol it points at (BPS 032 stops its arrows 8–10 pt before their
/// symbols).
const REACH: f64 = 12.0;

/// The symbol an arrowhead `tip` points at, its line coming from `behind`:
/// the nearest within [`REACH`] past the tip along the line (the head of a
/// line drawn by hand that stops short of its symbol).
fn tujuan(tip: Rect, behind: Point, nodes: &[(Node, Rect)]) -> Option<Node> {
    let v = tip.center() - behind;
    let c = tip.center();
    // along one axis, as a flowchart's lines run; from the tip onward
    let ray = if v.x.abs() > v.y.abs() {
        let x = if v.x > 0.0 { tip.x1 } else { tip.x0 };
        Rect::new(x, c.y - 1.0, x + REACH * v.x.signum(), c.y + 1.0)
    } else {
        let y = if v.y > 0.0 { tip.y1 } else { tip.y0 };
        Rect::new(c.x - 1.0, y, c.x + 1.0, y + REACH * v.y.signum())
    };
    if v.hypot() < 0.5 {
        return None;
    }
    let ray = ray.abs();
    nodes
        .iter()
        .filter(|(_, r)| r.overlaps(ray))
        .min_by(|a, b| gap(a.1, tip).total_cmp(&gap(b.1, tip)))
        .map(|n| n.0)
}

/// The distance between two boxes (0 when they overlap).
fn gap(a: Rect, b: Rect) -> f64 {
    let dx = (a.x0 - b.x1).max(b.x0 - a.x1).max(0.0);
    let dy = (a.y0 - b.y1).max(b.y0 - a.y1).max(0.0);
    dx.hypot(dy)
}

fn dist(a: Rect, b: Rect) -> f64 {
    a.center().distance(b.center())
}

/// Arrows into an off-page connector continue from the connector with the
/// same letter on another page.
fn through_connectors(edges: Vec<Edge>, conns: &[(usize, String, Rect)]) -> Vec<Edge> {
    let mut out: Vec<Edge> = Vec::new();
    for e in &edges {
        match (e.from, e.to) {
            (Node::Step(..), Node::Step(..)) => out.push(e.clone()),
            (Node::Step(..), Node::Conn(c)) => {
                let huruf = &conns[c].1;
                for (j, other) in conns.iter().enumerate() {
                    if j == c || &other.1 != huruf || huruf.is_empty() {
                        continue;
                    }
                    for e2 in edges.iter().filter(|e2| e2.from == Node::Conn(j)) {
                        if let Node::Step(..) = e2.to {
                            out.push(Edge {
                                to: e2.to,
                                guessed: e.guessed && e2.guessed,
                                ..e.clone()
                            });
                        }
                    }
                }
                // an on-page connector: arrows leaving the same symbol
                for e2 in edges.iter().filter(|e2| e2.from == Node::Conn(c)) {
                    if let Node::Step(..) = e2.to {
                        out.push(Edge {
                            to: e2.to,
                            guessed: e.guessed && e2.guessed,
                            ..e.clone()
                        });
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// Words that mean "no" on a decision's exit (`T` is BPS's short "Tidak").
const TIDAK: [&str; 13] = [
    "tidak", "tdk", "t", "no", "n", "belum", "ditolak", "tolak", "gagal", "salah", "kurang", "x",
    "revisi",
];
/// Words that mean "yes" on a decision's exit.
const YA: [&str; 17] = [
    "ya",
    "y",
    "yes",
    "ok",
    "oke",
    "sesuai",
    "lengkap",
    "valid",
    "benar",
    "setuju",
    "disetujui",
    "diterima",
    "terima",
    "sudah",
    "layak",
    "lolos",
    "berhasil",
];

/// What a printed exit label says: `Some(false)` for "no", `Some(true)`
/// for "yes", `None` for anything else (`Online`, `Offline`).
fn arti(label: &str) -> Option<bool> {
    let t = label.to_lowercase();
    let t = t.trim_end_matches(['.', ':', '?']);
    let is = |w: &&str| t == *w || t.starts_with(&format!("{w} "));
    if TIDAK.iter().any(is) {
        Some(false)
    } else if YA.iter().any(is) {
        Some(true)
    } else {
        None
    }
}

/// The flow of row `r` from the arrows (`edges`; `keluar` the exits of
/// every diamond): its `lanjut`, or its decision's targets and labels.
fn apply(
    r: usize,
    b: &mut Baris,
    edges: &[Edge],
    keluar: &[Edge],
    sheets: &[Sheet],
    pages: &[(usize, Kolom)],
) {
    let outs: Vec<&Edge> = edges
        .iter()
        .filter(|e| matches!(e.from, Node::Step(rr, _) if rr == r))
        .filter(|e| !matches!(e.to, Node::Step(rr, _) if rr == r))
        .collect();
    let target = |e: &Edge| match e.to {
        Node::Step(t, _) => t,
        Node::Conn(_) => usize::MAX,
    };
    let decision = b.simbol.iter().any(|s| s.1 == Kind::Decision);
    if !decision {
        let mut ts: Vec<usize> = outs.iter().map(|e| target(e)).collect();
        ts.sort();
        ts.dedup();
        if !ts.is_empty() && !ts.contains(&(r + 1)) {
            b.lanjut = Some(ts[0]);
            if ts.len() > 1 {
                b.catatan.push(format!(
                    "panah ke beberapa langkah ({}); `lanjut` ke yang pertama",
                    ts.iter()
                        .map(|t| (t + 1).to_string())
                        .collect::<Vec<_>>()
                        .join(", ")
                ));
            }
            if outs.iter().any(|e| e.guessed) {
                b.catatan
                    .push("arah panah tanpa mata panah disimpulkan dari urutan baris".into());
            }
        }
        return;
    }
    // a decision: the exits of its diamond, one per target, each with its
    // nearest label; an exit into another symbol of the same row goes on
    // where that symbol goes
    let diamonds: Vec<usize> = (0..b.simbol.len())
        .filter(|&j| b.simbol[j].1 == Kind::Decision)
        .collect();
    let mut exits: Vec<(usize, &Edge)> = Vec::new();
    for e in edges
        .iter()
        .filter(|e| matches!(e.from, Node::Step(rr, j) if rr == r && diamonds.contains(&j)))
    {
        let ts = if e.to == e.from {
            // an arrow from the diamond back into itself: ask again
            vec![r]
        } else {
            onward(r, e.to, edges, &diamonds, 0)
        };
        for t in ts {
            if !exits.iter().any(|x| x.0 == t) {
                exits.push((t, e));
            }
        }
    }
    let mut c = Cabang::default();
    let lain: Vec<Edge> = keluar
        .iter()
        .filter(|e| !matches!(e.from, Node::Step(rr, _) if rr == r))
        .cloned()
        .collect();
    let labels = labels(&exits, &lain, sheets, pages);
    let labelled: Vec<(usize, Option<String>)> = exits
        .iter()
        .zip(labels)
        .map(|((t, _), l)| (*t, l))
        .collect();
    let said = |yes: bool| {
        labelled
            .iter()
            .position(|(_, l)| l.as_deref().and_then(arti) == Some(yes))
    };
    // two labels that say the same (032 prints `T` beside both exits of a
    // diamond) name neither
    let sama = labelled.len() == 2
        && labelled[0].1.as_deref().and_then(arti).is_some()
        && labelled[0].1.as_deref().and_then(arti) == labelled[1].1.as_deref().and_then(arti);
    // a "no" label names the tidak exit; a "yes" label alone names the other
    let no = if sama {
        None
    } else {
        said(false).or_else(|| match (labelled.len(), said(true)) {
            (2, Some(y)) => Some(1 - y),
            _ => None,
        })
    };
    match (labelled.len(), no) {
        (0, _) => c
            .catatan
            .push("jalan keluar keputusan tidak terbaca; isi `ya` dan `tidak`".into()),
        (1, _) => satu_jalan_keluar(r, &labelled[0], said(false).is_some(), &mut c),
        (_, n) => {
            let ni = match n {
                Some(i) => i,
                None => {
                    c.catatan.push(if sama {
                        format!(
                            "kedua jalan keluar berlabel sama ({}); panah ke langkah sesudahnya dianggap `ya`",
                            labelled[0].1.as_deref().unwrap_or_default()
                        )
                    } else {
                        "label ya/tidak tidak terbaca; panah ke langkah sesudahnya dianggap `ya`"
                            .into()
                    });
                    labelled.iter().position(|(t, _)| *t != r + 1).unwrap_or(1)
                }
            };
            let yi = (0..labelled.len()).find(|&i| i != ni).unwrap_or(0);
            c.tidak = Some(labelled[ni].0);
            c.label_tidak = labelled[ni].1.clone();
            c.ya = Some(labelled[yi].0);
            c.label_ya = labelled[yi].1.clone();
            if labelled.len() > 2 {
                c.catatan
                    .push(format!("{} panah keluar; dua dipakai", labelled.len()));
            }
        }
    }
    if exits.iter().any(|x| x.1.guessed) {
        c.catatan
            .push("arah panah tanpa mata panah disimpulkan dari urutan baris".into());
    }
    if c.ya.is_some_and(|t| t == usize::MAX) || c.tidak.is_some_and(|t| t == usize::MAX) {
        c.catatan
            .push("panah menuju penghubung yang pasangannya tidak ditemukan".into());
    }
    b.keputusan = Some(c);
}

/// The decision of row `r` when only one of its exits was read, into step
/// `keluar.0` with label `keluar.1` (`tidak` when the label says "no"):
/// the other exit is inferred as the forms draw it — to the next step, or,
/// when the one read goes there, back to the step before (each of the 51
/// decisions of the BPS corpus read with both exits takes one to the next
/// step, and 44 the other back to an earlier step or the decision itself,
/// 33 of them to the step just before). Unlabelled, the exit to the next
/// step is `ya`. Nothing is inferred for an exit into a
/// connector without its pair, nor for a first step whose one exit is
/// the next.
fn satu_jalan_keluar(r: usize, keluar: &(usize, Option<String>), tidak: bool, c: &mut Cabang) {
    let (t, label) = keluar;
    let lain = if *t != r + 1 {
        Some(r + 1)
    } else {
        r.checked_sub(1)
    };
    let Some(lain) = lain.filter(|_| *t != usize::MAX) else {
        c.ya = Some(*t);
        c.label_ya = label.clone();
        c.catatan.push(if *t == r + 1 {
            // the next step cannot be both exits
            "hanya satu panah keluar terbaca, ke langkah berikutnya; isi `tidak`".into()
        } else {
            "hanya satu panah keluar terbaca; isi `tidak`".into()
        });
        return;
    };
    // the one read is `tidak` when its label says so, or, unlabelled, when
    // the other goes on to the next step
    let dibaca_tidak = tidak || (label.as_deref().and_then(arti).is_none() && lain == r + 1);
    let (k, ya, no) = if dibaca_tidak {
        ("ya", lain, *t)
    } else {
        ("tidak", *t, lain)
    };
    c.ya = Some(ya);
    c.tidak = Some(no);
    if dibaca_tidak {
        c.label_tidak = label.clone();
    } else {
        c.label_ya = label.clone();
    }
    c.disimpulkan = true;
    let arah = if lain == r + 1 {
        "langkah berikutnya"
    } else {
        "langkah sebelumnya"
    };
    c.catatan.push(format!(
        "hanya satu jalan keluar tercetak atau terbaca, ke {}; `{k}` ke {} ({arah}) disimpulkan seperti pada kebanyakan keputusan formulir ini; periksa",
        super::tulis::id(*t),
        super::tulis::id(lain),
    ));
}

/// Where an arrow into `to` leads, seen from row `r`: that row, or, for
/// another symbol of row `r` itself, wherever that symbol's arrows go (the
/// next row when none leaves it, row `r` when they lead back into its
/// diamond).
fn onward(r: usize, to: Node, edges: &[Edge], diamonds: &[usize], depth: usize) -> Vec<usize> {
    match to {
        Node::Conn(_) => vec![usize::MAX],
        Node::Step(t, _) if t != r => vec![t],
        // back into the diamond through a symbol of its own row: this step
        // again
        Node::Step(_, j) if diamonds.contains(&j) => vec![r],
        Node::Step(..) if depth > 3 => Vec::new(),
        Node::Step(..) => {
            let mut out: Vec<usize> = edges
                .iter()
                .filter(|e| e.from == to && e.to != to)
                .flat_map(|e| onward(r, e.to, edges, diamonds, depth + 1))
                .collect();
            if out.is_empty() {
                out.push(r + 1);
            }
            out
        }
    }
}

/// The words printed beside each exit of a decision: a label in the actor
/// columns, outside every symbol, close to the exit's line near where it
/// leaves and no closer to an exit of another decision (`semua`), which it
/// labels; each label serves one exit, the closest pairs first.
fn labels(
    exits: &[(usize, &Edge)],
    semua: &[Edge],
    sheets: &[Sheet],
    pages: &[(usize, Kolom)],
) -> Vec<Option<String>> {
    let mut pairs: Vec<(f64, usize, (usize, usize))> = Vec::new();
    let mut blocks: HashMap<usize, Vec<Label>> = HashMap::new();
    // per page, each label's distance to the nearest line of the page
    let mut milik: HashMap<usize, Vec<f64>> = HashMap::new();
    for (i, (_, e)) in exits.iter().enumerate() {
        let Some((_, k)) = pages.iter().find(|(p, _)| *p == e.page) else {
            continue;
        };
        let on_page = blocks
            .entry(e.page)
            .or_insert_with(|| label_blocks(&sheets[e.page], k));
        let terdekat = milik.entry(e.page).or_insert_with(|| {
            on_page
                .iter()
                .map(|l| {
                    jarak(
                        semua
                            .iter()
                            .filter(|x| x.page == e.page)
                            .flat_map(|x| &x.path),
                        l,
                    )
                })
                .collect()
        });
        let near: Vec<Point> = e
            .path
            .iter()
            .copied()
            .filter(|p| p.distance(e.exit) < 50.0)
            .chain([e.exit])
            .collect();
        for (j, l) in on_page.iter().enumerate() {
            let d = jarak(&near, l);
            let sendiri = jarak(&e.path, l);
            if d < 25.0 && sendiri <= terdekat[j] + MILIK {
                pairs.push((d, i, (e.page, j)));
            }
        }
    }
    let mut pilihan = pasangkan(exits.len(), &pairs);
    // the one exit left without a label takes the nearest label still free
    // a little further from where it leaves (a label set under the diamond)
    if let [sendiri] = (0..exits.len())
        .filter(|&i| pilihan[i].is_none())
        .collect::<Vec<_>>()[..]
        && exits.len() > 1
    {
        let e = exits[sendiri].1;
        let bebas = blocks.get(&e.page).and_then(|ls| {
            let terdekat = milik.get(&e.page)?;
            ls.iter()
                .enumerate()
                .filter(|(j, _)| !pilihan.contains(&Some((e.page, *j))))
                .filter(|(j, l)| jarak(&e.path, l) <= terdekat[*j] + MILIK)
                .map(|(j, l)| (jarak([&e.exit], l), j))
                .filter(|(d, _)| *d < 45.0)
                .min_by(|a, b| a.0.total_cmp(&b.0))
        });
        if let Some((_, j)) = bebas {
            pilihan[sendiri] = Some((e.page, j));
        }
    }
    // an exit still without one takes a label set on its own line further
    // along (Word users put it mid-line): one no other line is nearer to
    for (i, (_, e)) in exits.iter().enumerate() {
        if pilihan[i].is_some() {
            continue;
        }
        let (Some(ls), Some(terdekat)) = (blocks.get(&e.page), milik.get(&e.page)) else {
            continue;
        };
        let di_garis = ls
            .iter()
            .enumerate()
            .filter(|(j, _)| !pilihan.contains(&Some((e.page, *j))))
            .map(|(j, l)| (jarak(&e.path, l), j))
            .filter(|&(d, j)| d < DI_GARIS && d <= terdekat[j] + MILIK)
            .min_by(|a, b| a.0.total_cmp(&b.0));
        if let Some((_, j)) = di_garis {
            pilihan[i] = Some((e.page, j));
        }
    }
    pilihan
        .into_iter()
        .map(|j| j.map(|j: (usize, usize)| blocks[&j.0][j.1].text.clone()))
        .collect()
}

/// The least distance (pt) between the points `pts` and the words of the
/// label `l`.
fn jarak<'a>(pts: impl IntoIterator<Item = &'a Point>, l: &Label) -> f64 {
    pts.into_iter()
        .flat_map(|p| l.centers.iter().map(move |c| p.distance(*c)))
        .fold(f64::MAX, f64::min)
}

/// How much further (pt) than the nearest line of its page a label may
/// stand from the exit it labels.
const MILIK: f64 = 3.0;

/// How far (pt) from its line a label set along it stands at most.
const DI_GARIS: f64 = 10.0;

/// Which label (page, index) each of `n` exits gets from the candidate
/// `pairs` (distance, exit, label): each label serves one exit, as many
/// exits as can get one do, and of those assignments the one nearest in
/// all (two labels beside one exit go one to each exit, the nearer one to
/// the exit the other is far from). Tried in full for a few exits and
/// labels, else the closest pairs first.
fn pasangkan(n: usize, pairs: &[(f64, usize, (usize, usize))]) -> Vec<Option<(usize, usize)>> {
    let mut labels: Vec<(usize, usize)> = pairs.iter().map(|p| p.2).collect();
    labels.sort();
    labels.dedup();
    if n > 4 || labels.len() > 6 {
        let mut sorted = pairs.to_vec();
        sorted.sort_by(|a, b| a.0.total_cmp(&b.0));
        let mut out = vec![None; n];
        for (_, i, j) in sorted {
            if out[i].is_none() && !out.contains(&Some(j)) {
                out[i] = Some(j);
            }
        }
        return out;
    }
    let jarak = |i: usize, j: (usize, usize)| {
        pairs
            .iter()
            .filter(|p| p.1 == i && p.2 == j)
            .map(|p| p.0)
            .reduce(f64::min)
    };
    // (labels given, their distances summed), best first
    fn cari(
        i: usize,
        n: usize,
        labels: &[(usize, usize)],
        jarak: &dyn Fn(usize, (usize, usize)) -> Option<f64>,
        now: &mut Vec<Option<(usize, usize)>>,
        best: &mut (usize, f64, Vec<Option<(usize, usize)>>),
    ) {
        if i == n {
            let given = now.iter().flatten().count();
            let sum: f64 = now
                .iter()
                .enumerate()
                .filter_map(|(e, j)| j.and_then(|j| jarak(e, j)))
                .sum();
            if given > best.0 || (given == best.0 && sum < best.1) {
                *best = (given, sum, now.clone());
            }
            return;
        }
        now.push(None);
        cari(i + 1, n, labels, jarak, now, best);
        now.pop();
        for &j in labels {
            if jarak(i, j).is_some() && !now.contains(&Some(j)) {
                now.push(Some(j));
                cari(i + 1, n, labels, jarak, now, best);
                now.pop();
            }
        }
    }
    let mut best = (0, f64::MAX, vec![None; n]);
    cari(0, n, &labels, &jarak, &mut Vec::new(), &mut best);
    best.2
}

/// A label printed in the flowchart: its text and the middles of its words.
struct Label {
    text: String,
    centers: Vec<Point>,
    size: f64,
    y: f64,
    x0: f64,
    x1: f64,
}

/// The labels of a page's flowchart: words in the actor columns outside
/// every symbol, run together along a line (a label may run past its
/// column) and down a short stack of lines in the same type ("Belum" over
/// "valid").
/// Whether `p` lies inside the symbol `sh`: for a diamond inside its four
/// sides, not merely its box (a label is set in the box's corner beside
/// an exit).
fn di_dalam(sh: &super::geom::Shape, p: Point) -> bool {
    let r = sh.rect;
    if sh.kind != Kind::Decision {
        return r.contains(p);
    }
    let (hw, hh) = (r.width() / 2.0, r.height() / 2.0);
    let c = r.center();
    hw > 0.0 && hh > 0.0 && (p.x - c.x).abs() / hw + (p.y - c.y).abs() / hh <= 1.0
}

fn label_blocks(s: &Sheet, k: &Kolom) -> Vec<Label> {
    let (Some(first), Some(last)) = (k.aktor.first(), k.aktor.last()) else {
        return Vec::new();
    };
    let mut ws: Vec<&Word> = s
        .words
        .iter()
        .filter(|w| w.cy() > k.atas_gambar)
        .filter(|w| !s.shapes.iter().any(|sh| di_dalam(sh, w.center())))
        .collect();
    ws.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    // a connector between two words parts two labels ("lengkap" on one
    // side of an exit, "Belum lengkap" on the other)
    let parted = |x0: f64, x1: f64, w: &Word| {
        s.ink
            .iter()
            .flatten()
            .any(|p| p.x > x0 && p.x < x1 && p.y > w.y - w.size && p.y < w.y + 0.2 * w.size)
    };
    // runs along a line
    let mut runs: Vec<Label> = Vec::new();
    for w in ws {
        let run = runs.iter_mut().find(|r| {
            (r.y - w.y).abs() < 1.0
                && (r.size - w.size).abs() < 0.3
                && (-w.size..w.size * 0.8).contains(&(w.x0 - r.x1))
                // (only a run that can be a label is worth the look)
                && !(r.centers[0].x > first.0 && r.centers[0].x < last.1 && parted(r.x1, w.x0, w))
        });
        match run {
            Some(r) => {
                r.text = format!("{} {}", r.text, w.text);
                r.centers.push(w.center());
                r.x1 = w.x1;
            }
            None => runs.push(Label {
                text: w.text.clone(),
                centers: vec![w.center()],
                size: w.size,
                y: w.y,
                x0: w.x0,
                x1: w.x1,
            }),
        }
    }
    // a label starts in the actor columns
    runs.retain(|r| {
        let x = r.centers[0].x;
        x > first.0 && x < last.1
    });
    // stacks of lines
    runs.sort_by(|a, b| a.y.total_cmp(&b.y));
    let mut out: Vec<Label> = Vec::new();
    for r in runs {
        let above = out.iter_mut().rev().find(|o| {
            (o.size - r.size).abs() < 0.3
                && r.y - o.y > 0.5 * r.size
                && r.y - o.y < 1.6 * r.size
                && r.x0 < o.x1 + 2.0
                && o.x0 < r.x1 + 2.0
        });
        match above {
            Some(o) => {
                o.text = format!("{} {}", o.text, r.text);
                o.centers.extend(r.centers);
                o.y = r.y;
                o.x0 = o.x0.min(r.x0);
                o.x1 = o.x1.max(r.x1);
            }
            None => out.push(r),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_labels_beside_one_exit_go_one_to_each_exit() {
        // "Belum lengkap" (label 0) stands right beside the bottom exit
        // (exit 0) and 21 pt from the side exit (exit 1); "lengkap"
        // (label 1) beside the bottom exit only
        let pairs = [(1.0, 0, (0, 0)), (21.0, 1, (0, 0)), (3.0, 0, (0, 1))];
        assert_eq!(pasangkan(2, &pairs), vec![Some((0, 1)), Some((0, 0))]);
        // one label for two exits: the nearer exit gets it
        assert_eq!(
            pasangkan(2, &[(4.0, 0, (0, 0)), (9.0, 1, (0, 0))]),
            vec![Some((0, 0)), None]
        );
    }
}
