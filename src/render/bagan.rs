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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::valid_with;
    use crate::model::alur::Simbol;

    fn flow(src: &str) -> Flow {
        let sop = crate::parse::parse_str("uji.yaml", src)
            .sop
            .expect("the SOP reads");
        bagan(&sop, &Alur::build(&sop))
    }

    #[test]
    fn a_parallel_step_holds_its_leftmost_column_and_the_others_ascending() {
        // Columns: Kepala Dinas 0, Sekretaris 1, Pelaksana 2; written out of order.
        let f = flow(&valid_with(
            "    pelaksana: Sekretaris\n",
            "    pelaksana: [Pelaksana, Kepala Dinas, Sekretaris]\n",
        ));
        assert_eq!(
            f.langkah,
            vec![
                (2, Simbol::Terminator),
                (0, Simbol::Proses),
                (0, Simbol::Keputusan),
                (2, Simbol::Terminator)
            ]
        );
        assert_eq!(f.sejajar, vec![vec![], vec![1, 2], vec![], vec![]]);
        // Still one node: one edge in, one edge on, the jump back lands on it.
        let edges: Vec<(usize, usize)> = f.edges.iter().map(|e| (e.from, e.to)).collect();
        assert_eq!(edges, vec![(0, 1), (1, 2), (2, 3), (2, 1)]);
    }

    #[test]
    fn parallel_terminators_and_unknown_names() {
        // A list on the first step gives several terminators; a name that
        // matches no column (reported by `check`) takes no column.
        let f = flow(&valid_with(
            "    pelaksana: Pelaksana\n",
            "    pelaksana: [Sekretaris, Bendahara, Pelaksana]\n",
        ));
        assert_eq!(f.langkah[0], (1, Simbol::Terminator));
        assert_eq!(f.sejajar[0], vec![2]);
        let f = flow(&valid_with(
            "    pelaksana: Pelaksana\n",
            "    pelaksana: [Bendahara]\n",
        ));
        assert_eq!((f.langkah[0].0, f.sejajar[0].clone()), (0, vec![]));
    }
}
