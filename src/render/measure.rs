//! Between the passes and after them: the row heights the measuring pass
//! reports through its anchors, and the check that the printed rows sit
//! where the plan put them — so an arrow can never miss its symbol
//! silently.

use super::RenderError;
use super::data::Anchor;
use super::engine::{Dokumen, Penanda};
use crate::layout::{Heights, Plan};
use crate::msg;
use crate::paper::Sheet;

/// Row heights from the measuring pass of an `n`-step SOP. The rows are
/// laid out in pieces, each on a page of its own (see `ukur` in
/// prosedur.typ): a row ends where the next one starts on its page, at its
/// own bottom anchor when it closes a piece, or at the JUMLAH row.
pub fn ukur(doc: &Dokumen, k: &Sheet, n: usize) -> Result<Heights, RenderError> {
    let satu = |anchor| doc.penanda(anchor).into_iter().next();
    // the second header is the table of a later page, below its
    // continuation line
    let kepala = doc.penanda(Anchor::Kepala);
    let (Some(kepala), Some(kepala_lanjutan), Some(lanjutan), Some(jumlah), Some(akhir)) = (
        kepala.first(),
        kepala.get(1),
        satu(Anchor::Lanjutan),
        satu(Anchor::Jumlah),
        satu(Anchor::Akhir),
    ) else {
        return Err(salah_tata_letak(
            "penanda tabel tidak ditemukan",
            "table anchors missing",
        ));
    };
    let (baris, ujung) = (doc.penanda(Anchor::Baris), doc.penanda(Anchor::Bawah));
    let (atas, bawah) = (per_langkah(&baris, n), per_langkah(&ujung, n));
    let rows: Option<Vec<f64>> = (0..n)
        .map(|i| {
            let mulai = atas[i]?;
            let akhir = bawah[i]
                .or_else(|| atas.get(i + 1).copied().flatten())
                .or((i + 1 == n).then_some(&jumlah))?;
            (akhir.halaman == mulai.halaman).then_some(akhir.y - mulai.y)
        })
        .collect();
    let Some(rows) = rows else {
        return Err(salah_tata_letak(
            "penanda baris hilang",
            "row anchors missing",
        ));
    };
    let pertama = atas.first().copied().flatten().unwrap_or(&jumlah);
    Ok(Heights {
        page_height: k.tinggi_isi(),
        title: kepala.y - k.atas,
        continuation: kepala_lanjutan.y - lanjutan.y,
        header: pertama.y - kepala.y,
        rows,
        jumlah: akhir.y - jumlah.y,
    })
}

/// The anchors numbered by step, by their number; `None` for a step
/// without one.
fn per_langkah(penanda: &[Penanda], n: usize) -> Vec<Option<&Penanda>> {
    let mut out = vec![None; n];
    for p in penanda {
        if let Some(slot) = p
            .nomor
            .and_then(|i| usize::try_from(i).ok())
            .and_then(|i| out.get_mut(i))
        {
            *slot = Some(p);
        }
    }
    out
}

/// Compares the rows of one SOP in the printed document (its `sopc-baris`
/// anchors) with the plan; returns the index of the first procedure page.
pub fn periksa_baris(baris: &[Penanda], denah: &Plan, k: &Sheet) -> Result<usize, RenderError> {
    let awal = baris.first().map_or(0, |p| p.halaman);
    for p in baris {
        let Some(i) = p.nomor else { continue };
        let i = usize::try_from(i).unwrap_or(usize::MAX);
        let rencana = denah
            .page_of_step(i)
            .and_then(|h| Some((h, denah.pages[h].row(i)?.top)));
        let cocok = rencana
            .is_some_and(|(h, atas)| h + awal == p.halaman && (atas + k.atas - p.y).abs() < 0.5);
        if !cocok {
            return Err(salah_tata_letak(
                &format!("baris langkah {} bergeser dari rencana", i + 1),
                &format!("the row of step {} moved from its plan", i + 1),
            ));
        }
    }
    Ok(awal)
}

/// An internal error of the page layout: a bug of sopc, never of the SOP.
pub fn salah_tata_letak(id: &str, en: &str) -> RenderError {
    msg!(
        "kesalahan internal sopc saat menata halaman ({id}); mohon laporkan beserta berkas SOP-nya",
        "internal sopc error while laying out the pages ({en}); please report it with the SOP file"
    )
    .into()
}
