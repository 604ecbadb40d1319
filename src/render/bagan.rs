//! The model → layout adapter: the checked SOP and its flow graph as the
//! flowchart planner sees them (actor columns, symbols, labelled arrows).

use crate::layout::{Edge, Flow};
use crate::model::alur::{Alur, Jenis};
use crate::model::{Langkah, Sop};
use crate::teks::tampak;

/// The flowchart of `sop` as the layout sees it.
pub fn bagan(sop: &Sop, alur: &Alur) -> Flow {
    // Matched as `check` matches them: as they print.
    let aktor: Vec<String> = sop.actors().iter().map(|a| tampak(a)).collect();
    let kolom: Vec<Vec<usize>> = sop
        .steps()
        .iter()
        .map(|s| kolom_langkah(s, &aktor))
        .collect();
    let langkah = kolom
        .iter()
        .enumerate()
        .map(|(i, k)| (k.first().copied().unwrap_or(0), alur.simbol(sop, i)))
        .collect();
    let sejajar = kolom
        .into_iter()
        .map(|k| k.into_iter().skip(1).collect())
        .collect();
    let panah = alur
        .edges
        .iter()
        .map(|e| {
            let kata = sop.steps()[e.from]
                .keputusan
                .as_ref()
                .and_then(|k| k.label.as_ref());
            let label = match e.jenis {
                Jenis::Lanjut => None,
                Jenis::Ya => Some(
                    kata.and_then(|k| k.ya.as_ref())
                        .map_or("Ya".to_owned(), |s| s.value.clone()),
                ),
                Jenis::Tidak => Some(
                    kata.and_then(|k| k.tidak.as_ref())
                        .map_or("Tidak".to_owned(), |s| s.value.clone()),
                ),
            };
            Edge {
                from: e.from,
                to: e.to,
                kind: e.jenis,
                label,
            }
        })
        .collect();
    Flow {
        actors: aktor.len().max(1),
        langkah,
        sejajar,
        edges: panah,
    }
}

/// The actor columns of one step, ascending and each once: the column of
/// each name in its `pelaksana` that matches a declared actor. A step whose
/// names match none (`check` reported it) is drawn in the first column.
fn kolom_langkah(s: &Langkah, aktor: &[String]) -> Vec<usize> {
    let mut kolom: Vec<usize> = s
        .pelaksana_nama()
        .filter_map(|p| {
            let p = tampak(p);
            aktor.iter().position(|a| *a == p)
        })
        .collect();
    kolom.sort_unstable();
    kolom.dedup();
    if kolom.is_empty() {
        kolom.push(0);
    }
    kolom
}
