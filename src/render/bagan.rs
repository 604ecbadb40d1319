//! The model → layout adapter: the checked SOP and its flow graph as the
//! flowchart planner sees them (actor columns, symbols, labelled arrows).

use crate::layout::{Edge, Flow};
use crate::model::Sop;
use crate::model::alur::{Alur, Jenis};
use crate::teks::tampak;

/// The flowchart of `sop` as the layout sees it.
pub fn bagan(sop: &Sop, alur: &Alur) -> Flow {
    // Matched as `check` matches them: as they print.
    let aktor: Vec<String> = sop.actors().iter().map(|a| tampak(a)).collect();
    let langkah = sop
        .steps()
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let kolom = s
                .pelaksana
                .as_ref()
                .and_then(|p| aktor.iter().position(|a| *a == tampak(p)))
                .unwrap_or(0);
            (kolom, alur.simbol(sop, i))
        })
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
        edges: panah,
    }
}
