//! Decision labels as printed (issues 10 and 11): 8 pt italics, every word
//! inside the box the plan reserved for it, the box in free space beside
//! its exit — in the decision's own column where the paper allows — and a
//! long label on two lines or beside an exit moved to a side where the
//! column is narrow.

mod common;

use common::panjang::Panjang;
use sopc::layout::{Plan, Rect, size};
use sopc::model::Sop;
use sopc::paper::{Kertas, Orientasi, mm};
use sopc::render::{Bagian, RenderOptions, Rendered, Renderer};

fn sop(text: &str) -> Sop {
    sopc::parse::parse_str("uji.yaml", text)
        .sop
        .expect("the SOP parses")
}

fn render(sop: &Sop, kertas: Kertas, orientasi: Orientasi) -> Rendered {
    let r = Renderer::new(&RenderOptions {
        kertas,
        orientasi,
        ..RenderOptions::default()
    });
    common::cetak(&r, sop, None, Bagian::Lengkap).expect("renders")
}

/// Kudus' SOP with step 2 made a decision looping back to step 1, labelled
/// `Lengkap` / `Belum lengkap` (as the impor round trip has it).
fn kudus_dengan_keputusan() -> Sop {
    let src = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sops/kudus-kunjungan-kerja.yaml"),
    )
    .expect("readable");
    let src = src.replacen(
        "    output: Nota dinas, bahan/materi\n",
        "    output: Nota dinas, bahan/materi\n    keputusan:\n      tidak: awal\n      label: {ya: Lengkap, tidak: Belum lengkap}\n",
        1,
    );
    sop(&src.replacen("  - kegiatan:", "  - id: awal\n    kegiatan:", 1))
}

/// Every label of the plan, with the runs of text printed in its box: each
/// run 8 pt italic, inside the box (its baseline too), and together the
/// label's words. Returns, per label, its text and box (plan coordinates)
/// and its decision's column.
fn labels_as_printed(h: &Rendered) -> Vec<(String, Rect, usize, &Plan)> {
    let (plan, flow, first) = h.denah.as_ref().expect("a flowchart");
    let (left, top) = h.margin;
    let mut out = Vec::new();
    for (p, g) in plan.drawings.iter().enumerate() {
        for l in &g.labels {
            let k = l.rect;
            let runs: Vec<_> = h
                .tulisan
                .iter()
                .filter(|t| t.halaman == first + p)
                .filter(|t| {
                    let (x, y) = ((t.x0 + t.x1) / 2.0 - left, t.y - top);
                    k.x0 < x && x < k.x1 && k.y0 < y && y < k.y1
                })
                .collect();
            let words: Vec<&str> = runs.iter().flat_map(|t| t.teks.split(' ')).collect();
            let expected: Vec<&str> = l.text.split_whitespace().collect();
            assert_eq!(words, expected, "the words of {:?}", l.text);
            for t in &runs {
                assert_eq!(t.ukuran, size::LABEL_PT, "{:?}", t.teks);
                assert!(t.miring, "{:?} in italics", t.teks);
                // the text stays in its box (a hair of the box's slack aside)
                assert!(
                    k.x0 - 0.1 <= t.x0 - left && t.x1 - left <= k.x1 + 0.1,
                    "{:?} runs out of its box {k:?}: {t:?}",
                    t.teks
                );
            }
            let from = flow.edges[l.edge].from;
            let kolom = flow.langkah[from].0;
            out.push((l.text.clone(), k, kolom, plan));
        }
    }
    out
}

/// The edge of `flow` labelled `label`.
fn edge_labelled(flow: &sopc::layout::Flow, label: &str) -> usize {
    flow.edges
        .iter()
        .position(|p| p.label.as_deref() == Some(label))
        .unwrap_or_else(|| panic!("an edge labelled {label}"))
}

/// The (first) line of edge `e`.
fn line_of(plan: &Plan, e: usize) -> &sopc::layout::Line {
    plan.drawings
        .iter()
        .flat_map(|g| &g.lines)
        .find(|l| l.edge == e)
        .expect("drawn")
}

fn column_of(plan: &Plan, k: &Rect) -> usize {
    let x = (k.x0 + k.x1) / 2.0;
    ((x - plan.kolom.actors_x) / plan.kolom.actor_width).floor() as usize
}

#[test]
fn labels_print_at_8_pt_in_their_boxes_beside_their_decision() {
    let s = kudus_dengan_keputusan();
    // F4 landscape: 27 mm columns, both labels in the decision's column
    let h = render(&s, Kertas::F4, Orientasi::Lanskap);
    let labels = labels_as_printed(&h);
    assert_eq!(labels.len(), 2);
    for (text, k, kolom, plan) in &labels {
        assert_eq!(column_of(plan, k), *kolom, "{text:?} beside its decision");
    }
    let (plan, flow, _) = h.denah.as_ref().unwrap();
    assert_eq!(
        plan.verify(flow),
        vec![],
        "no label on a rule, line or symbol"
    );
    // A4 portrait: 16 mm columns; `Belum lengkap` (10 mm even on two lines)
    // cannot stand beside a line down the middle, so its exit leaves by a
    // side, and the label is set on two lines beside that line
    let h = render(&s, Kertas::A4, Orientasi::Potret);
    let labels = labels_as_printed(&h);
    let belum = labels
        .iter()
        .find(|(t, ..)| t.starts_with("Belum"))
        .expect("Belum lengkap printed");
    assert_eq!(belum.0, "Belum\nlengkap");
}

/// The generated 23-step SOP on A4 portrait (17.4 mm columns): step 15's
/// `Belum lengkap` goes on to step 16 by a side exit with its label beside
/// that exit's line, not over the Kelengkapan column (the defect that set
/// its impor round trip aside); the F4 landscape print keeps every label in
/// its decision's column.
#[test]
fn a_long_label_in_a_narrow_column_moves_its_exit_to_a_side() {
    let bentuk = Panjang {
        langkah: 23,
        tiap: 6,
        maju: true,
        varian: None,
    };
    let s = sop(&bentuk.yaml());
    let h = render(&s, Kertas::A4, Orientasi::Potret);
    let (plan, flow, _) = h.denah.as_ref().unwrap();
    assert_eq!(plan.verify(flow), vec![]);
    assert!(plan.kolom.actor_width < mm(18.0));
    let labels = labels_as_printed(&h);
    let (_, k, kolom, _) = labels
        .iter()
        .find(|(t, ..)| t.contains("lengkap") && t.starts_with("Belum"))
        .expect("Belum lengkap printed");
    // beside the horizontal, in a neighbouring actor column, inside the
    // actor area
    let c = column_of(plan, k);
    assert!(c + 1 == *kolom || c == kolom + 1, "{c} beside {kolom}");
    assert!(k.x1 <= plan.kolom.rule_x(plan.kolom.actors));
    // its exit is not the line down from the diamond: the line leaving the
    // decision towards the next step starts at a corner
    let e = edge_labelled(flow, "Belum lengkap");
    let line = line_of(plan, e);
    let (a, b) = (line.points[0], line.points[1]);
    assert!(
        (a.1 - b.1).abs() < 1e-6,
        "leaves by a side: {:?}",
        line.points
    );

    let h = render(&s, Kertas::F4, Orientasi::Lanskap);
    for (text, k, kolom, plan) in labels_as_printed(&h) {
        assert_eq!(column_of(plan, &k), kolom, "{text:?} beside its decision");
    }
}

/// Rekomendasi on A4 portrait: five pelaksana, Keterangan paragraphs. The
/// columns give the actors what the text can spare (15.2 mm, 12 before);
/// step 2's diamond, in the first column, sends `Online` to a later page:
/// its connector stands right of the diamond inside the actor columns,
/// never over the Uraian text left of it. Its `Offline` label, 8.3 mm,
/// finds no room beside a line down a 15.2 mm column: that exit turns
/// towards step 3 on the diamond's bottom track, its label below the turn
/// in the diamond's own cell, and the plan keeps every rule (on F4
/// portrait too). Step 7's `lengkap` into step 8 likewise.
#[test]
fn a_first_column_decision_sends_its_connector_away_from_the_kegiatan_text() {
    let src = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("sops/bps-bengkulu-rekomendasi-statistik.yaml"),
    )
    .expect("readable");
    let h = render(&sop(&src), Kertas::A4, Orientasi::Potret);
    let (plan, flow, _) = h.denah.as_ref().unwrap();
    let lebar = plan.kolom.actor_width * 25.4 / 72.0;
    assert!((15.0..16.0).contains(&lebar), "{lebar} mm");
    let online = edge_labelled(flow, "Online");
    let a = plan
        .drawings
        .iter()
        .flat_map(|g| &g.connectors)
        .find(|k| k.exit && k.edges.contains(&online))
        .expect("Online leaves by a connector");
    assert!(
        a.rect.x0 >= plan.kolom.actors_x + plan.kolom.actor_width,
        "right of the first column: {:?}",
        a.rect
    );
    let offline = edge_labelled(flow, "Offline");
    assert_eq!(plan.verify(flow), vec![]);
    assert!(plan.cramped.is_empty(), "{:?}", plan.cramped);
    let diamond = plan
        .drawings
        .iter()
        .flat_map(|g| &g.symbols)
        .find(|s| s.langkah == 1)
        .expect("step 2 drawn");
    let label = plan
        .drawings
        .iter()
        .flat_map(|g| &g.labels)
        .find(|l| l.edge == offline)
        .expect("Offline printed");
    let line = line_of(plan, offline);
    let track = diamond.rect.y1 + mm(2.5);
    assert!(
        (line.points[1].1 - track).abs() < 1e-6,
        "turns on the bottom track: {:?}",
        line.points
    );
    assert!(label.rect.y0 > track, "below the turn: {:?}", label.rect);
    assert!(
        label.rect.y1 < diamond.rect.y1 + mm(8.0),
        "{:?}",
        label.rect
    );
    assert!(label.rect.x0 >= plan.kolom.rule_x(0) && label.rect.x1 <= plan.kolom.rule_x(1));
    // step 7's `lengkap`, too wide for the column as well, goes down into
    // step 8 the same way (its `Belum lengkap` leaves by a side to another
    // page), not round by the other side: its label in its own column
    let lengkap = edge_labelled(flow, "lengkap");
    assert_eq!(line_of(plan, lengkap).points.len(), 4);
    let labels = labels_as_printed(&h);
    let (_, k, kolom, _) = labels
        .iter()
        .find(|(t, ..)| t == "lengkap")
        .expect("lengkap printed");
    assert_eq!(column_of(plan, k), *kolom);

    let h = render(&sop(&src), Kertas::F4, Orientasi::Potret);
    let (plan, flow, _) = h.denah.as_ref().unwrap();
    assert_eq!(plan.verify(flow), vec![]);
    assert!(plan.cramped.is_empty(), "{:?}", plan.cramped);
}

/// survei POLDIS' step 5 is a decision whose `tidak` loops back to itself
/// and whose `ya` goes on to step 6 (issue 10): both labels print, each
/// beside its own exit — "Tidak" just above or below the loop's first
/// stretch, between the diamond's corner and the lane it rises in, "Ya"
/// beside the line going down, below the diamond — on F4 landscape (both
/// in the decision's column) and on A4 portrait.
#[test]
fn a_decision_looping_to_itself_prints_both_its_labels() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sops/bps-bengkulu-survei-poldis.yaml");
    let s = sop(&std::fs::read_to_string(path).expect("readable"));
    for (kertas, orientasi) in [
        (Kertas::F4, Orientasi::Lanskap),
        (Kertas::A4, Orientasi::Potret),
    ] {
        let h = render(&s, kertas, orientasi);
        let printed = labels_as_printed(&h);
        let (plan, flow, _) = h.denah.as_ref().expect("a flowchart");
        assert_eq!(plan.verify(flow), vec![]);
        let langkah = 4;
        let exit = |to: usize| {
            let e = flow
                .edges
                .iter()
                .position(|p| p.from == langkah && p.to == to)
                .expect("the exit");
            let line = line_of(plan, e).points.clone();
            let label = plan
                .drawings
                .iter()
                .flat_map(|g| &g.labels)
                .find(|l| l.edge == e)
                .unwrap_or_else(|| panic!("the label of {:?}", flow.edges[e]));
            (line, label.text.clone(), label.rect)
        };
        let diamond = plan
            .drawings
            .iter()
            .flat_map(|g| &g.symbols)
            .find(|k| k.langkah == langkah)
            .expect("the diamond")
            .rect;
        let kolom = flow.langkah[langkah].0;
        for to in [langkah, langkah + 1] {
            let (_, text, k) = exit(to);
            assert!(
                printed.iter().any(|(t, r, ..)| *t == text && *r == k),
                "{text} printed ({kertas:?} {orientasi:?})"
            );
            // in a 16.7 mm column (A4 portrait) no gutter lane runs beside
            // the diamond: the loop rises in the next column, and its label
            // stands beside it there
            if kertas == Kertas::F4 {
                assert_eq!(column_of(plan, &k), kolom, "{text} in its column");
            }
        }
        // the loop: out of a corner, along a horizontal, up its lane
        let (loop_, text, k) = exit(langkah);
        assert_eq!(text, "Tidak");
        let (port, turn) = (loop_[0], loop_[1]);
        assert!((port.1 - turn.1).abs() < 1e-6, "{loop_:?}");
        assert!((port.1 - diamond.center().1).abs() < 1e-6);
        let (x0, x1) = (port.0.min(turn.0), port.0.max(turn.0));
        assert!(k.x0 < x1 && x0 < k.x1, "{k:?} along {loop_:?}");
        let off = (k.y0 - port.1).max(port.1 - k.y1);
        assert!((0.0..mm(2.5)).contains(&off), "{k:?} by {loop_:?}");
        // on: down from the bottom corner, the label beside it
        let (on, text, k) = exit(langkah + 1);
        assert_eq!(text, "Ya");
        let x = on[0].0;
        assert!((on[0].1 - diamond.y1).abs() < 1e-6, "{on:?}");
        let gap = (k.x0 - x).max(x - k.x1);
        assert!((0.0..mm(1.0)).contains(&gap), "{k:?} beside {on:?}");
        assert!(
            k.y0 >= diamond.y1 - mm(3.0) && k.y1 <= on[1].1,
            "{k:?} below"
        );
    }
}
