//! Page breaks of the procedure table, chosen here from the row heights the
//! first (measuring) pass of Typst reported: a row never splits, the JUMLAH
//! row stays with the last step, and a page's first row that continues the
//! flow of the previous page gets room on top for the incoming connector.
//! Because the breaks are fixed before the drawing is made, the drawing can
//! never move a row to another page.

use super::{Bagan, ukuran};
use crate::paper::mm;
use serde::Serialize;

/// Heights measured by the first pass (pt).
#[derive(Clone, Debug, PartialEq)]
pub struct Ukuran {
    /// Height of a page's content area.
    pub tinggi_halaman: f64,
    /// Top of the table on its first page (below the title).
    pub judul: f64,
    /// The table header (repeated on every page).
    pub kepala: f64,
    /// Every step's row.
    pub baris: Vec<f64>,
    /// The JUMLAH row.
    pub jumlah: f64,
}

/// One page of the procedure table.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Halaman {
    /// Steps `dari..sampai` are on this page.
    pub dari: usize,
    pub sampai: usize,
    /// Whether the JUMLAH row closes the table on this page.
    pub jumlah: bool,
    /// Top of the table (its header).
    pub atas: f64,
    pub baris: Vec<Baris>,
    /// Bottom of the table.
    pub bawah: f64,
}

/// One row on its page.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Baris {
    pub atas: f64,
    pub bawah: f64,
    /// Room kept at the top for an incoming off-page connector.
    pub cadangan: f64,
}

impl Halaman {
    pub fn baris(&self, langkah: usize) -> Option<&Baris> {
        self.baris.get(langkah.checked_sub(self.dari)?)
    }
}

/// Slack left at the bottom of every page against rounding.
fn kelonggaran() -> f64 {
    mm(0.5)
}

/// Splits the rows into pages.
pub fn bagi(bagan: &Bagan, u: &Ukuran) -> Result<Vec<Halaman>, super::Gagal> {
    let n = u.baris.len();
    let batas = u.tinggi_halaman - kelonggaran();
    let mut pages = Vec::new();
    let mut page = Halaman::kosong(0, u.judul, u.kepala);
    let mut bersambung = vec![false; n];
    for p in bagan
        .panah
        .iter()
        .filter(|p| p.ke == p.dari + 1 && p.ke < n)
    {
        bersambung[p.ke] = true;
    }
    let mut i = 0;
    while i < n {
        let pertama = page.baris.is_empty();
        let cadangan = if pertama && !pages.is_empty() && bersambung[i] {
            ukuran::cadangan()
        } else {
            0.0
        };
        let sel = bagan
            .langkah
            .get(i)
            .map_or(0.0, |(_, s)| ukuran::tinggi_sel(*s));
        let tinggi = if cadangan > 0.0 {
            u.baris[i].max(sel + cadangan)
        } else {
            u.baris[i]
        };
        let ekor = if i + 1 == n { u.jumlah } else { 0.0 };
        if page.bawah + tinggi + ekor > batas {
            if pertama {
                return Err(super::Gagal::BarisTerlaluTinggi { langkah: i });
            }
            let dari = page.sampai;
            pages.push(std::mem::replace(
                &mut page,
                Halaman::kosong(dari, 0.0, u.kepala),
            ));
            continue;
        }
        page.baris.push(Baris {
            atas: page.bawah,
            bawah: page.bawah + tinggi,
            cadangan,
        });
        page.bawah += tinggi;
        page.sampai = i + 1;
        i += 1;
    }
    page.jumlah = true;
    page.bawah += u.jumlah;
    pages.push(page);
    Ok(pages)
}

impl Halaman {
    fn kosong(dari: usize, atas: f64, kepala: f64) -> Halaman {
        Halaman {
            dari,
            sampai: dari,
            jumlah: false,
            atas,
            baris: Vec::new(),
            bawah: atas + kepala,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::Panah;
    use crate::model::alur::{Jenis, Simbol};

    fn lurus(n: usize) -> Bagan {
        Bagan {
            aktor: 2,
            langkah: (0..n).map(|i| (i % 2, Simbol::Proses)).collect(),
            panah: (1..n)
                .map(|i| Panah {
                    dari: i - 1,
                    ke: i,
                    jenis: Jenis::Lanjut,
                    label: None,
                })
                .collect(),
        }
    }

    fn ukuran(n: usize, h: f64) -> Ukuran {
        Ukuran {
            tinggi_halaman: mm(180.0),
            judul: mm(20.0),
            kepala: mm(12.0),
            baris: vec![mm(h); n],
            jumlah: mm(8.0),
        }
    }

    #[test]
    fn rows_fill_pages_and_jumlah_stays_with_the_last_step() {
        let u = ukuran(30, 20.0);
        let pages = bagi(&lurus(30), &u).unwrap();
        // page 1: 180 - 20 - 12 = 148 mm → 7 rows; later pages 168 mm minus
        // the connector room on the first row (9 mm) → 7 rows.
        assert_eq!(pages[0].sampai, 7);
        assert_eq!(pages[1].dari, 7);
        assert!(pages.iter().all(|p| p.bawah <= u.tinggi_halaman));
        let last = pages.last().unwrap();
        assert!(last.jumlah && last.sampai == 30);
        assert!(pages[..pages.len() - 1].iter().all(|p| !p.jumlah));
        // every step on exactly one page, in order
        let mut next = 0;
        for p in &pages {
            assert_eq!(p.dari, next);
            assert_eq!(p.baris.len(), p.sampai - p.dari);
            next = p.sampai;
        }
    }

    #[test]
    fn first_rows_that_continue_the_flow_get_connector_room() {
        let u = ukuran(30, 20.0);
        let pages = bagi(&lurus(30), &u).unwrap();
        assert_eq!(pages[0].baris[0].cadangan, 0.0);
        for p in &pages[1..] {
            let b = p.baris[0];
            assert!(b.cadangan > 0.0);
            // a 20 mm row already has room for 9 mm + a 16 mm symbol cell? no: it grows
            assert!(
                b.bawah - b.atas >= ukuran::cadangan() + ukuran::tinggi_sel(Simbol::Proses) - 1e-9
            );
            assert!(p.baris[1..].iter().all(|b| b.cadangan == 0.0));
        }
    }

    #[test]
    fn no_room_when_the_previous_step_does_not_lead_here() {
        let mut bagan = lurus(30);
        let u = ukuran(30, 20.0);
        let first = bagi(&bagan, &u).unwrap()[1].dari;
        bagan.panah.retain(|p| p.ke != first);
        let pages = bagi(&bagan, &u).unwrap();
        assert_eq!(pages[1].dari, first);
        assert_eq!(pages[1].baris[0].cadangan, 0.0);
    }

    #[test]
    fn a_row_taller_than_a_page_is_refused() {
        let mut u = ukuran(3, 20.0);
        u.baris[1] = mm(400.0);
        assert_eq!(
            bagi(&lurus(3), &u),
            Err(crate::layout::Gagal::BarisTerlaluTinggi { langkah: 1 })
        );
    }

    #[test]
    fn jumlah_that_does_not_fit_takes_the_last_step_along() {
        // 7 rows fit on page 1 exactly (148 mm / 20 mm); with 7 steps the
        // JUMLAH row does not, so the 7th step moves with it.
        let u = ukuran(7, 20.0);
        let pages = bagi(&lurus(7), &u).unwrap();
        assert_eq!(pages.len(), 2);
        assert_eq!((pages[1].dari, pages[1].sampai), (6, 7));
        assert!(pages[1].jumlah);
    }
}
