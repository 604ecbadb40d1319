//! The flow of an SOP as a graph: one node per step, edges from `keputusan`
//! exits, `lanjut` and plain succession. Shared by the checks (reachability,
//! dead ends, shortest and longest path) and by the flowchart layout.

use crate::model::Sop;
use crate::model::durasi::{Durasi, Jumlah, Waktu};
use serde::Serialize;
use std::collections::HashMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Simbol {
    /// First and last step (capsule).
    Terminator,
    Proses,
    Keputusan,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Jenis {
    /// Ordinary succession or `lanjut`.
    Lanjut,
    Ya,
    Tidak,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Edge {
    pub from: usize,
    pub to: usize,
    pub jenis: Jenis,
}

/// Where a jump names a target: the step index, or the name that matched nothing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    Next,
    Step(usize),
    Missing(String),
}

#[derive(Clone, Debug, Default)]
pub struct Alur {
    pub n: usize,
    pub edges: Vec<Edge>,
}

impl Alur {
    /// Builds the graph; jumps to names that do not exist are left out (the
    /// checks report them).
    pub fn build(sop: &Sop) -> Alur {
        let steps = sop.steps();
        let n = steps.len();
        let ids = step_ids(sop);
        let mut edges = Vec::new();
        for (i, s) in steps.iter().enumerate() {
            let mut push = |target: Target, jenis| {
                let to = match target {
                    Target::Next if i + 1 < n => i + 1,
                    Target::Step(t) => t,
                    _ => return,
                };
                edges.push(Edge { from: i, to, jenis });
            };
            if let Some(k) = &s.keputusan {
                push(resolve(k.ya.as_ref().map(|t| t.as_str()), &ids), Jenis::Ya);
                push(
                    resolve(k.tidak.as_ref().map(|t| t.as_str()), &ids),
                    Jenis::Tidak,
                );
            } else {
                push(
                    resolve(s.lanjut.as_ref().map(|t| t.as_str()), &ids),
                    Jenis::Lanjut,
                );
            }
        }
        Alur { n, edges }
    }

    pub fn simbol(&self, sop: &Sop, i: usize) -> Simbol {
        if i == 0 || i + 1 == self.n {
            Simbol::Terminator
        } else if sop.steps()[i].keputusan.is_some() {
            Simbol::Keputusan
        } else {
            Simbol::Proses
        }
    }

    /// The edges leaving step `i`. [`Alur::build`] pushes edges in step
    /// order, so they are found by a binary search: a scan per step made
    /// the path search quadratic (3.5 s for 7,000 steps).
    pub fn successors(&self, i: usize) -> impl Iterator<Item = &Edge> {
        let start = self.edges.partition_point(|e| e.from < i);
        self.edges[start..].iter().take_while(move |e| e.from == i)
    }

    /// Steps reachable from the first step.
    pub fn reachable_from_start(&self) -> Vec<bool> {
        self.search(0, |e| (e.from, e.to))
    }

    /// Steps from which the last step can be reached.
    pub fn reaching_end(&self) -> Vec<bool> {
        match self.n {
            0 => Vec::new(),
            n => self.search(n - 1, |e| (e.to, e.from)),
        }
    }

    fn search(&self, start: usize, dir: impl Fn(&Edge) -> (usize, usize)) -> Vec<bool> {
        let mut seen = vec![false; self.n];
        if start >= self.n {
            return seen;
        }
        let mut adj: Vec<Vec<usize>> = vec![Vec::new(); self.n];
        for e in &self.edges {
            let (a, b) = dir(e);
            adj[a].push(b);
        }
        let mut stack = vec![start];
        seen[start] = true;
        while let Some(i) = stack.pop() {
            for &j in &adj[i] {
                if !seen[j] {
                    seen[j] = true;
                    stack.push(j);
                }
            }
        }
        seen
    }

    /// Shortest and longest path from the first to the last step, by duration.
    /// Jumps back are not followed, so a loop counts once. Variable durations
    /// count as zero and are kept as texts beside the total. `None` when the
    /// last step cannot be reached going forward.
    pub fn paths(&self, waktu: &[Option<&Waktu>]) -> Option<(Jalur, Jalur)> {
        if self.n == 0 {
            return None;
        }
        let cost = |i: usize, longest: bool| match waktu.get(i).copied().flatten() {
            Some(Waktu::Tetap { min, maks }) => {
                if longest {
                    *maks
                } else {
                    *min
                }
            }
            _ => Durasi::default(),
        };
        let variabel = |mut j: Jalur| {
            let mut jumlah = Jumlah::default();
            for w in j
                .langkah
                .iter()
                .filter_map(|&i| waktu.get(i).copied().flatten())
            {
                if matches!(w, Waktu::Variabel(_)) {
                    jumlah.tambah(w);
                }
            }
            j.variabel = jumlah.variabel;
            j
        };
        let shortest = self.best_path(|i| cost(i, false), |a, b| a < b)?;
        let longest = self.best_path(|i| cost(i, true), |a, b| a > b)?;
        Some((variabel(shortest), variabel(longest)))
    }

    /// Dynamic programming over forward edges (a DAG in step order).
    fn best_path(
        &self,
        cost: impl Fn(usize) -> Durasi,
        better: impl Fn(f64, f64) -> bool,
    ) -> Option<Jalur> {
        let mut best: Vec<Option<(Durasi, usize)>> = vec![None; self.n];
        best[0] = Some((cost(0), usize::MAX));
        for i in 0..self.n {
            let Some((d, _)) = best[i] else { continue };
            for e in self.successors(i).filter(|e| e.to > i) {
                let cand = d + cost(e.to);
                let replace = match best[e.to] {
                    None => true,
                    Some((old, _)) => better(cand.nominal_menit(), old.nominal_menit()),
                };
                if replace {
                    best[e.to] = Some((cand, i));
                }
            }
        }
        let (total, _) = best[self.n - 1]?;
        let mut langkah = vec![self.n - 1];
        let mut at = self.n - 1;
        while let Some((_, prev)) = best[at] {
            if prev == usize::MAX {
                break;
            }
            langkah.push(prev);
            at = prev;
        }
        langkah.reverse();
        Some(Jalur {
            langkah,
            total,
            variabel: Vec::new(),
        })
    }
}

/// One path through the procedure: step indices and its total duration.
#[derive(Clone, Debug, PartialEq)]
pub struct Jalur {
    pub langkah: Vec<usize>,
    pub total: Durasi,
    /// The variable `waktu` texts of its steps (`tidak tercantum`, `sesuai
    /// kebutuhan`), which the total cannot count, as in [`Jumlah`].
    pub variabel: Vec<String>,
}

impl Jalur {
    /// The path's time as JUMLAH prints it: `2 jam + tidak tercantum`.
    pub fn format(&self, jam_kerja_per_hari: Option<u32>) -> String {
        Jumlah {
            min: self.total,
            maks: self.total,
            variabel: self.variabel.clone(),
        }
        .format(jam_kerja_per_hari)
    }
}

/// Step `id` → index (the first one, when an id repeats).
pub fn step_ids(sop: &Sop) -> HashMap<&str, usize> {
    let mut ids = HashMap::new();
    for (i, s) in sop.steps().iter().enumerate() {
        if let Some(id) = &s.id {
            ids.entry(id.as_str()).or_insert(i);
        }
    }
    ids
}

/// Where step `i`'s decision goes, (ya, tidak) as step indices: the next
/// step for an absent target, `usize::MAX` for an id no step has. `None`
/// when step `i` is no decision. For comparing flows (impor's round trips).
pub fn decision_targets(sop: &Sop, i: usize) -> Option<(usize, usize)> {
    let k = &sop.steps().get(i)?.keputusan.as_ref()?.value;
    let ids = step_ids(sop);
    let index = |t: Option<&str>| match resolve(t, &ids) {
        Target::Next => i + 1,
        Target::Step(j) => j,
        Target::Missing(_) => usize::MAX,
    };
    Some((
        index(k.ya.as_ref().map(|t| t.as_str())),
        index(k.tidak.as_ref().map(|t| t.as_str())),
    ))
}

pub fn resolve(target: Option<&str>, ids: &HashMap<&str, usize>) -> Target {
    match target.map(str::trim) {
        None | Some("") => Target::Next,
        Some(t) => match ids.get(t) {
            Some(&i) => Target::Step(i),
            None => Target::Missing(t.to_owned()),
        },
    }
}
