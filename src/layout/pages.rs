//! Page breaks of the procedure table, chosen here from the row heights the
//! first (measuring) pass of Typst reported: a row never splits, the JUMLAH
//! row stays with the last step, and a page's first row that continues the
//! flow of the previous page gets room on top for the incoming connector.
//! Because the breaks are fixed before the drawing is made, the drawing can
//! never move a row to another page.
//!
//! Two passes: rows fill each page greedily; then, when the last page would
//! hold JUMLAH and a single step, the break before the last page moves one
//! row earlier, if that keeps the page count (an official would send back a
//! sheet that holds nothing but the total).

use super::{Flow, size};
use crate::paper::mm;
use serde::Serialize;

/// Heights measured by the first pass (pt).
#[derive(Clone, Debug, PartialEq)]
pub struct Heights {
    /// Height of a page's content area.
    pub page_height: f64,
    /// Top of the table on its first page (below the title).
    pub title: f64,
    /// Top of the table on every later page: below the line that names the
    /// SOP the sheet belongs to.
    pub continuation: f64,
    /// The table header (repeated on every page).
    pub header: f64,
    /// Every step's row.
    pub rows: Vec<f64>,
    /// The JUMLAH row.
    pub jumlah: f64,
}

/// One page of the procedure table.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Page {
    /// Steps `from..end` are on this page.
    pub from: usize,
    pub end: usize,
    /// Whether the JUMLAH row closes the table on this page.
    pub jumlah: bool,
    /// Top of the table (its header).
    pub top: f64,
    pub rows: Vec<Row>,
    /// Bottom of the table.
    pub bottom: f64,
}

/// One row on its page.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Row {
    pub top: f64,
    pub bottom: f64,
    /// Room kept at the top for an incoming off-page connector.
    pub connector_room: f64,
}

impl Page {
    pub fn row(&self, langkah: usize) -> Option<&Row> {
        self.rows.get(langkah.checked_sub(self.from)?)
    }
}

/// Slack left at the bottom of every page against rounding.
fn slack() -> f64 {
    mm(0.5)
}

/// Splits the rows into pages.
pub fn paginate(flow: &Flow, u: &Heights) -> Result<Vec<Page>, super::PlanError> {
    let pages = fill(flow, u, None)?;
    let n = u.rows.len();
    let lone_last_step = match pages.as_slice() {
        [.., before, last] => last.end - last.from == 1 && before.end - before.from >= 2,
        _ => false,
    };
    if lone_last_step
        && let Ok(moved) = fill(flow, u, Some(n - 2))
        && moved.len() == pages.len()
    {
        return Ok(moved);
    }
    Ok(pages)
}

/// Fills pages greedily, with a page break before step `break_before`
/// whether or not the page is full.
fn fill(
    flow: &Flow,
    u: &Heights,
    break_before: Option<usize>,
) -> Result<Vec<Page>, super::PlanError> {
    let n = u.rows.len();
    let limit = u.page_height - slack();
    let mut pages = Vec::new();
    let mut page = Page::empty(0, u.title, u.header);
    let mut continues = vec![false; n];
    for p in flow.edges.iter().filter(|p| p.to == p.from + 1 && p.to < n) {
        continues[p.to] = true;
    }
    let mut i = 0;
    while i < n {
        let first = page.rows.is_empty();
        // a parallel row entered by a jump is entered from the top, where
        // a connector may have to stand
        let jumped_parallel =
            flow.is_parallel(i) && flow.edges.iter().any(|p| p.to == i && p.from + 1 != i);
        let connector_room = if (first && !pages.is_empty() && continues[i]) || jumped_parallel {
            size::connector_room()
        } else {
            0.0
        };
        let cell = flow.cell_height(i);
        let height = if connector_room > 0.0 {
            u.rows[i].max(cell + connector_room)
        } else {
            u.rows[i]
        };
        let tail = if i + 1 == n { u.jumlah } else { 0.0 };
        let forced = break_before == Some(i) && !first;
        if forced || page.bottom + height + tail > limit {
            if first {
                return Err(super::PlanError::RowTooTall { langkah: i });
            }
            let from = page.end;
            pages.push(std::mem::replace(
                &mut page,
                Page::empty(from, u.continuation, u.header),
            ));
            continue;
        }
        page.rows.push(Row {
            top: page.bottom,
            bottom: page.bottom + height,
            connector_room,
        });
        page.bottom += height;
        page.end = i + 1;
        i += 1;
    }
    page.jumlah = true;
    page.bottom += u.jumlah;
    pages.push(page);
    Ok(pages)
}

impl Page {
    fn empty(from: usize, top: f64, header: f64) -> Page {
        Page {
            from,
            end: from,
            jumlah: false,
            top,
            rows: Vec::new(),
            bottom: top + header,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::Edge;
    use crate::model::alur::{Jenis, Simbol};

    fn straight_flow(n: usize) -> Flow {
        Flow {
            actors: 2,
            langkah: (0..n).map(|i| (i % 2, Simbol::Proses)).collect(),
            sejajar: vec![Vec::new(); n],
            edges: (1..n)
                .map(|i| Edge {
                    from: i - 1,
                    to: i,
                    kind: Jenis::Lanjut,
                    label: None,
                })
                .collect(),
        }
    }

    fn heights(n: usize, h: f64) -> Heights {
        Heights {
            page_height: mm(180.0),
            title: mm(20.0),
            continuation: mm(8.0),
            header: mm(12.0),
            rows: vec![mm(h); n],
            jumlah: mm(8.0),
        }
    }

    #[test]
    fn rows_fill_pages_and_jumlah_stays_with_the_last_step() {
        let u = heights(30, 20.0);
        let pages = paginate(&straight_flow(30), &u).unwrap();
        // page 1: 180 - 20 - 12 = 148 mm → 7 rows; later pages 168 mm minus
        // the connector room on the first row (9 mm) → 7 rows.
        assert_eq!(pages[0].end, 7);
        assert_eq!(pages[1].from, 7);
        assert!(pages.iter().all(|p| p.bottom <= u.page_height));
        let last = pages.last().unwrap();
        assert!(last.jumlah && last.end == 30);
        assert!(pages[..pages.len() - 1].iter().all(|p| !p.jumlah));
        // every step on exactly one page, in order
        let mut next = 0;
        for p in &pages {
            assert_eq!(p.from, next);
            assert_eq!(p.rows.len(), p.end - p.from);
            next = p.end;
        }
    }

    #[test]
    fn first_rows_that_continue_the_flow_get_connector_room() {
        let u = heights(30, 20.0);
        let pages = paginate(&straight_flow(30), &u).unwrap();
        assert_eq!(pages[0].rows[0].connector_room, 0.0);
        for p in &pages[1..] {
            let b = p.rows[0];
            assert!(b.connector_room > 0.0);
            // a 20 mm row already has room for 9 mm + a 16 mm symbol cell? no: it grows
            assert!(
                b.bottom - b.top
                    >= size::connector_room() + size::cell_height(Simbol::Proses) - 1e-9
            );
            assert!(p.rows[1..].iter().all(|b| b.connector_room == 0.0));
        }
    }

    #[test]
    fn no_room_when_the_previous_step_does_not_lead_here() {
        let mut flow = straight_flow(30);
        let u = heights(30, 20.0);
        let first = paginate(&flow, &u).unwrap()[1].from;
        flow.edges.retain(|p| p.to != first);
        let pages = paginate(&flow, &u).unwrap();
        assert_eq!(pages[1].from, first);
        assert_eq!(pages[1].rows[0].connector_room, 0.0);
    }

    #[test]
    fn a_row_taller_than_a_page_is_refused() {
        let mut u = heights(3, 20.0);
        u.rows[1] = mm(400.0);
        assert_eq!(
            paginate(&straight_flow(3), &u),
            Err(crate::layout::PlanError::RowTooTall { langkah: 1 })
        );
    }

    #[test]
    fn jumlah_never_stands_with_a_lone_step_when_one_more_row_can_move() {
        // 7 rows fit on page 1 exactly (148 mm / 20 mm); with 7 steps the
        // JUMLAH row does not, and the 7th step alone with JUMLAH would make
        // a near-empty last sheet, so the 6th step moves along.
        let u = heights(7, 20.0);
        let pages = paginate(&straight_flow(7), &u).unwrap();
        assert_eq!(pages.len(), 2);
        assert_eq!((pages[0].from, pages[0].end), (0, 5));
        assert_eq!((pages[1].from, pages[1].end), (5, 7));
        assert!(pages[1].jumlah && !pages[0].jumlah);
    }

    #[test]
    fn a_lone_step_stays_when_moving_a_row_would_add_a_page() {
        // Page 2 holds the 140 mm step 7 and JUMLAH (8 + 12 + 140 + 8 mm);
        // step 6 (26 mm with its connector room) no longer fits beside them.
        let mut u = heights(7, 20.0);
        u.rows[6] = mm(140.0);
        let pages = paginate(&straight_flow(7), &u).unwrap();
        assert_eq!(pages.len(), 2);
        assert_eq!((pages[1].from, pages[1].end), (6, 7));
    }

    #[test]
    fn later_pages_start_below_the_continuation_line() {
        let u = heights(30, 20.0);
        let pages = paginate(&straight_flow(30), &u).unwrap();
        assert_eq!(pages[0].top, u.title);
        assert!(pages.len() > 2);
        for p in &pages[1..] {
            assert_eq!(p.top, u.continuation);
            assert_eq!(p.rows[0].top, u.continuation + u.header);
            assert!(p.bottom <= u.page_height);
        }
    }
}
