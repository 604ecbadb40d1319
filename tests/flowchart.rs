//! The drawing rules hold on generated SOPs: every plan the layout makes
//! for them passes [`sopc::layout::Plan::verify`] — routes 3 mm from the
//! rules and 2 mm from each other, crossings bridged, labels and
//! connectors inside free actor cells, every edge drawn, parallel rows
//! fanned out and in.

mod common;

use common::flowchart::{Kasus, kasus};
use proptest::prelude::*;
use sopc::layout::Plan;

fn plan(k: &Kasus) -> (Plan, sopc::layout::Flow) {
    let flow = k.flow();
    let plan = Plan::new(&flow, k.columns(), &k.heights()).expect("rows fit a page");
    (plan, flow)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn generated_flowcharts_keep_every_drawing_rule(k in kasus()) {
        let (plan, flow) = plan(&k);
        let violations = plan.verify(&flow);
        prop_assert!(violations.is_empty(), "{violations:?}\n{}", k.yaml());
    }
}

#[test]
fn dbg_kasus() {
    use sopc::paper::{Kertas, Orientasi};
    let k = Kasus {
        kertas: Kertas::F4,
        orientasi: Orientasi::Lanskap,
        keterangan: false,
        aktor: vec![
            "Kepala Badan Pusat Statistik Provinsi".into(),
            "Kepala Bagian Umum".into(),
        ],
        kolom: vec![vec![1], vec![0], vec![0], vec![0], vec![0]],
        lompat: vec![None, Some((0, false)), None, Some((1, false)), None],
        tinggi: vec![
            19.0,
            43.49831348349217,
            39.82706484665848,
            45.82958209927899,
            19.0,
        ],
    };
    let (d, flow) = plan(&k);
    eprintln!("{:?}", d.verify(&flow));
    eprintln!(
        "rules {:?}",
        (0..=2).map(|c| d.kolom.rule_x(c)).collect::<Vec<_>>()
    );
    for (i, e) in flow.edges.iter().enumerate() {
        eprintln!("edge {i} {e:?} {:?}", d.routes[i]);
    }
    for (h, g) in d.drawings.iter().enumerate() {
        eprintln!(
            "page {h} rows {:?}",
            d.pages[h]
                .rows
                .iter()
                .map(|r| (r.top, r.bottom))
                .collect::<Vec<_>>()
        );
        for c in &g.connectors {
            eprintln!("  conn {} {:?} exit {}", c.letter, c.rect, c.exit);
        }
        for s in &g.symbols {
            eprintln!("  sym {} {:?}", s.langkah, s.rect);
        }
        for l in &g.labels {
            eprintln!("  label {} {:?}", l.edge, l.rect);
        }
        for l in &g.lines {
            eprintln!("  line {} {:?}", l.edge, l.points);
        }
    }
    panic!();
}
