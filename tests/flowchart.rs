//! The drawing rules hold on generated SOPs: every plan the layout makes
//! for them passes [`sopc::layout::Plan::verify`] — routes 3 mm from the
//! rules and 2 mm from each other, crossings bridged, labels and
//! connectors inside free actor cells, every edge drawn, parallel rows
//! fanned out and in.

mod common;

use common::flowchart::{Kasus, LABEL, kasus};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use sopc::layout::Plan;

fn plan(k: &Kasus) -> (Plan, sopc::layout::Flow) {
    k.plan()
}

/// The generator drawing the same generated SOPs on every run.
fn sequence() -> TestRunner {
    TestRunner::new_with_rng(
        Config::default(),
        TestRng::deterministic_rng(RngAlgorithm::ChaCha),
    )
}

proptest! {
    // A random seed every run: since a plan whose jumps find no lane beside
    // the 9 mm symbols of 16 mm columns is planned again with 8 mm ones,
    // none of 200,000 generated SOPs breaks a rule (README, the drawing
    // rules), and since one that still breaks a rule is planned again in
    // wider actor columns, none of the first 100,000 with the words of the
    // BPS forms either; a case that fails is kept in
    // `flowchart.proptest-regressions` and tried first from then on.
    #![proptest_config(ProptestConfig {
        cases: 400,
        ..ProptestConfig::default()
    })]

    /// Every generated plan keeps every drawing rule, and so names no step
    /// for a `tata-letak-jalur` finding: a quarter of them with the words
    /// of one of the BPS forms on their exits (`Lengkap`/`Belum lengkap`,
    /// `Offline`/`Online`, `valid`/`Belum valid`), the others with
    /// `Ya`/`Tidak`.
    #[test]
    fn every_generated_plan_keeps_the_drawing_rules(k in kasus(), words in 0..12usize) {
        // 0, 1, 2: one of the three forms; 3 to 11: Ya/Tidak
        let k = match LABEL.get(1 + words) {
            Some(&label) => k.with_labels(label),
            None => k,
        };
        let (plan, flow) = plan(&k);
        prop_assert_eq!(plan.verify(&flow), vec![], "{}", k.yaml());
        prop_assert!(plan.cramped.is_empty(), "{:?}", plan.cramped);
    }
}

/// The figures of the README: over 2,000 generated SOPs (the same ones on
/// every run), how many plans break a drawing rule (each a
/// `tata-letak-jalur` finding of `sopc build`): none. `SOPC_BAGAN_N` sets
/// how many, and `SOPC_BAGAN_DARI` how many of the sequence to pass over
/// first, to measure 100,000 in shards (`SOPC_BAGAN_N=100000 cargo test
/// --test flowchart how_often -- --nocapture` names each case that breaks
/// a rule by its place in the sequence).
#[test]
fn how_often_a_generated_flowchart_is_cramped() {
    let mut runner = sequence();
    let (mut broken, mut violations, mut hops, mut parallel) = (0, 0, 0, 0);
    let mut kinds = std::collections::BTreeMap::new();
    // plans drawn with 8 mm symbols so that 16 mm columns hold a lane
    let mut narrowed = 0;
    // plans drawn in wider actor columns, their rows measured again
    let mut widened = 0;
    let mut wider_by = std::collections::BTreeMap::new();
    let knob = |name: &str, default: usize| {
        std::env::var(name)
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    };
    let (total, skip) = (knob("SOPC_BAGAN_N", 2000), knob("SOPC_BAGAN_DARI", 0));
    // the words of the BPS forms on the exits instead of Ya/Tidak
    let form_labels = knob("SOPC_BAGAN_LABEL", 0) == 1;
    for _ in 0..skip {
        kasus().new_tree(&mut runner).expect("a case");
    }
    for i in skip..skip + total {
        let k = kasus().new_tree(&mut runner).expect("a case").current();
        let k = if form_labels { k.with_form_labels() } else { k };
        let (plan, flow) = plan(&k);
        let v = plan.verify(&flow);
        narrowed += usize::from(plan.kolom.symbol_width < k.columns().symbol_width);
        let wider = (plan.kolom.actor_width - k.columns().actor_width) * 25.4 / 72.0;
        if wider > 0.01 {
            widened += 1;
            *wider_by.entry(format!("{wider:.1} mm")).or_insert(0) += 1;
        }
        violations += v.len();
        hops += plan
            .drawings
            .iter()
            .flat_map(|g| &g.lines)
            .map(|l| l.hops.len())
            .sum::<usize>();
        parallel += usize::from(k.kolom.iter().any(|c| c.len() > 1));
        broken += usize::from(!v.is_empty());
        if !v.is_empty() {
            eprintln!("case {i}: {v:?}\n{k:?}");
        }
        for x in &v {
            let kind = format!("{x:?}");
            let kind = kind.split([' ', '{']).next().unwrap_or_default().to_owned();
            *kinds.entry(kind).or_insert(0) += 1;
        }
    }
    eprintln!(
        "{total} cases ({parallel} with parallel rows): {broken} break a rule ({violations} violations: {kinds:?}); {hops} crossings bridged; {narrowed} drawn with narrower symbols, {widened} in wider columns ({wider_by:?})"
    );
    assert_eq!(broken, 0, "{broken} of {total} break a rule: {kinds:?}");
}

/// The seven of the first 100,000 generated SOPs that still broke a rule
/// in session 5 (3 lines through a symbol, 2 through a connector, 2
/// through a label, all in 16–19 mm columns), and the nine of them that
/// broke one until the layout narrowed symbols (a line through a symbol,
/// or a jump past a row filled in every 16 mm column), found by their place in the sequence
/// `how_often` draws: now they keep every rule — the nine drawn with 8 mm
/// symbols, so that the gutters of their 16 mm columns hold a lane. The
/// last of them, 99664, with `Lengkap`/`Belum lengkap` on its exits, was
/// the one of the first 100,000 with the words of the BPS forms that broke
/// a rule in wider columns too (the connector coming into its decision in
/// the first column on the side its exit leaves by): it keeps them, the
/// connector above the diamond's top track in the next column, its stub
/// joining the line coming into the top.
#[test]
fn the_generated_sops_that_broke_a_rule_keep_them() {
    let mut runner = sequence();
    let seven = [13445, 25162, 42204, 54253, 61353, 75783, 91209];
    let nine = [4724, 6908, 43692, 46009, 73161, 75491, 89590, 94014, 99664];
    let mut checked = 0;
    for i in 0..=nine[8] {
        let tree = kasus().new_tree(&mut runner).expect("a case");
        if !seven.contains(&i) && !nine.contains(&i) {
            continue;
        }
        let k = tree.current();
        let (plan, flow) = plan(&k);
        assert_eq!(plan.verify(&flow), vec![], "{i}: {k:?}");
        let narrowed = plan.kolom.symbol_width < k.columns().symbol_width;
        assert_eq!(narrowed, nine.contains(&i), "{i}: {k:?}");
        if i == 99664 {
            let (plan, flow) = k.clone().with_form_labels().plan();
            assert_eq!(plan.verify(&flow), vec![], "{i}: {k:?}");
        }
        checked += 1;
    }
    assert_eq!(checked, 16);
}

/// With the words of the BPS forms on the exits (`Belum lengkap`,
/// `Online`, `Belum valid`), a label too wide for half its column
/// (`Online` beside a line down a 16 mm column) stands just past the rule
/// in the next column's free cell rather than across the rule, a label
/// still in a line's way once every line is drawn moves along its own
/// line to a free place, a decision whose side exits crowd each other
/// sends the exit into the next step down its bottom, a connector with
/// a label between it and its decision stands on the side with room for
/// both, and a plan that still breaks a rule is planned again in actor
/// columns 2 mm wider each time: none of the first 400 generated SOPs
/// breaks a rule — 92 (a self-loop's label on its diamond) and 249 (a
/// connector off its cell) did before the columns widened.
#[test]
fn the_forms_own_words_stay_inside_a_cell() {
    use sopc::layout::Violation::{ConnectorOffCell, LabelCovered, LabelOffCell};
    let mut runner = sequence();
    let mut broken = Vec::new();
    for i in 0..400 {
        let k = kasus().new_tree(&mut runner).expect("a case").current();
        let (plan, flow) = plan(&k.with_form_labels());
        let v = plan.verify(&flow);
        if !v.is_empty() {
            broken.push((i, v));
        }
    }
    let kinds: Vec<(usize, Vec<&str>)> = broken
        .iter()
        .map(|(i, v)| {
            let kinds = v.iter().map(|x| match x {
                ConnectorOffCell { .. } => "connector",
                LabelCovered { .. } => "covered",
                LabelOffCell { .. } => "off cell",
                _ => "other",
            });
            (*i, kinds.collect())
        })
        .collect();
    assert_eq!(kinds, [], "{broken:?}");
}

/// `sopc check` cannot lay the table out, so for generated SOP 249 on A4
/// portrait it warns that `Komitmen` prints hyphenated in its 17 mm
/// column; `sopc build` draws its flowchart in columns 2 mm wider, where
/// the word prints whole, and withdraws that finding — while the PDF is
/// written as ever, and a word too wide for the wider columns too keeps
/// its finding.
#[test]
fn a_build_in_wider_columns_withdraws_the_hyphenated_header_warning() {
    let mut runner = sequence();
    let mut k = None;
    for i in 0..=249 {
        let kasus = kasus().new_tree(&mut runner).expect("a case").current();
        if i == 249 {
            k = Some(kasus.with_form_labels());
        }
    }
    let k = k.expect("case 249");
    assert_eq!(
        (k.kertas, k.orientasi),
        (sopc::paper::Kertas::A4, sopc::paper::Orientasi::Potret)
    );
    let dir = tempfile::tempdir().expect("a folder");
    std::fs::write(dir.path().join("bagan.yaml"), k.yaml()).expect("written");
    std::fs::write(
        dir.path().join("sopc.toml"),
        "[cetak]\nkertas = \"A4\"\norientasi = \"potret\"\n",
    )
    .expect("written");
    let check = common::sopc()
        .current_dir(dir.path())
        .args(["check", "bagan.yaml"])
        .output()
        .expect("sopc check runs");
    let said = String::from_utf8_lossy(&check.stderr).into_owned()
        + &String::from_utf8_lossy(&check.stdout);
    assert!(
        said.contains("tata-letak-kolom") && said.contains("`Komitmen`"),
        "{said}"
    );
    let build = common::sopc()
        .current_dir(dir.path())
        .args(["build", "bagan.yaml"])
        .output()
        .expect("sopc build runs");
    let said = String::from_utf8_lossy(&build.stderr);
    assert!(build.status.success(), "{said}");
    assert!(!said.contains("tata-letak-kolom"), "{said}");
    // the check's other findings stay
    assert!(said.contains("peringatan"), "{said}");
    assert!(dir.path().join("bagan.pdf").is_file());
    // a word no column of the print holds keeps its finding
    let panjang = k.yaml().replace("Komitmen", "Kepengadministrasiumuman");
    std::fs::write(dir.path().join("bagan.yaml"), panjang).expect("written");
    let build = common::sopc()
        .current_dir(dir.path())
        .args(["build", "bagan.yaml"])
        .output()
        .expect("sopc build runs");
    let said = String::from_utf8_lossy(&build.stderr);
    assert!(build.status.success(), "{said}");
    assert!(
        said.contains("tata-letak-kolom") && said.contains("`Kepengadministrasiumuman`"),
        "{said}"
    );
}

/// Writes generated SOPs as YAML into the folder `SOPC_CONTOH_BAGAN`
/// names, to render and look at (`cargo test --test flowchart -- --ignored`):
/// the first 12, or those whose places in the sequence `SOPC_CONTOH_NOMOR`
/// lists (`5457,7823`, as `how_often` names them); with the words of the
/// BPS forms where `SOPC_BAGAN_LABEL=1`.
#[test]
#[ignore = "writes files for a person to look at"]
fn write_generated_sops() {
    let dir = std::env::var("SOPC_CONTOH_BAGAN").expect("SOPC_CONTOH_BAGAN names a folder");
    let places: Vec<usize> = std::env::var("SOPC_CONTOH_NOMOR")
        .map(|v| v.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|_| (0..12).collect());
    let form_labels = std::env::var("SOPC_BAGAN_LABEL").is_ok_and(|v| v == "1");
    let mut runner = sequence();
    for i in 0..=places.iter().copied().max().unwrap_or(0) {
        let k = kasus().new_tree(&mut runner).expect("a case").current();
        if !places.contains(&i) {
            continue;
        }
        let k = if form_labels { k.with_form_labels() } else { k };
        let name = format!("{dir}/bagan-{i:02}-{:?}-{:?}.yaml", k.kertas, k.orientasi);
        std::fs::write(name, k.yaml()).expect("written");
    }
}

/// Every example of `sops/` keeps every drawing rule on all four papers —
/// rekomendasi statistik on portrait too, whose five pelaksana get 15.2
/// mm columns, below the 16 mm minimum (warned by `tata-letak-kolom`).
#[test]
fn every_example_keeps_the_drawing_rules() {
    use sopc::paper::{Kertas, Orientasi};
    use sopc::render::{Bagian, RenderOptions, Renderer};
    let mut checked = 0;
    for (kertas, orientasi) in [
        (Kertas::F4, Orientasi::Lanskap),
        (Kertas::A4, Orientasi::Lanskap),
        (Kertas::F4, Orientasi::Potret),
        (Kertas::A4, Orientasi::Potret),
    ] {
        let r = Renderer::new(&RenderOptions {
            kertas,
            orientasi,
            ..RenderOptions::default()
        });
        for path in common::contoh_sops() {
            let name = path.file_name().expect("a file").to_string_lossy();
            let src = std::fs::read_to_string(&path).expect("readable");
            let sop = sopc::parse::parse_str(name.as_ref(), &src)
                .sop
                .expect("the SOP parses");
            let h = common::cetak(&r, &sop, None, Bagian::Lengkap).expect("renders");
            let (plan, flow, _) = h.denah.as_ref().expect("a flowchart");
            assert_eq!(plan.verify(flow), vec![], "{name} {kertas:?} {orientasi:?}");
            assert!(plan.cramped.is_empty(), "{name} {kertas:?} {orientasi:?}");
            checked += 1;
        }
    }
    assert!(
        checked >= 52,
        "13 examples or more on four papers: {checked}"
    );
}

/// A render whose first plan breaks a rule is planned again in actor
/// columns 2 mm wider each time, its rows measured in them, and the table
/// printed in the columns of the plan it keeps: of the first 1,000
/// generated SOPs printed with the words of the BPS forms, three first
/// planned one that broke a rule (159, 249, 834, before the connector
/// above a decision's top track) and keep every rule in columns 2 mm
/// wider than the allocation gave them — here 249, whose
/// connector stood off its cell (once a named exception of
/// `the_forms_own_words_stay_inside_a_cell`), on A4 portrait.
#[test]
fn a_render_that_breaks_a_rule_widens_the_actor_columns() {
    use sopc::render::{Bagian, RenderOptions, Renderer};
    let places = [249];
    let mut runner = sequence();
    let mut checked = Vec::new();
    for i in 0..=places[0] {
        let k = kasus().new_tree(&mut runner).expect("a case").current();
        if !places.contains(&i) {
            continue;
        }
        let k = k.with_form_labels();
        let r = Renderer::new(&RenderOptions {
            kertas: k.kertas,
            orientasi: k.orientasi,
            ..RenderOptions::default()
        });
        let sop = sopc::parse::parse_str("bagan.yaml", &k.yaml())
            .sop
            .expect("the SOP parses");
        let h = common::cetak(&r, &sop, None, Bagian::Lengkap).expect("renders");
        let (plan, flow, _) = h.denah.as_ref().expect("a flowchart");
        assert_eq!(plan.verify(flow), vec![], "{i}");
        assert!(plan.cramped.is_empty(), "{i}");
        let sheet = sopc::paper::Sheet::of(k.kertas, k.orientasi);
        let first = sopc::check::rules::tata_letak::tata(&sop, flow.actors, &sheet, None);
        let wider = (plan.kolom.actor_width - first.kolom.actor_width) * 25.4 / 72.0;
        checked.push((i, (wider * 10.0).round() / 10.0));
    }
    assert_eq!(checked, [(249, 2.0)]);
}
