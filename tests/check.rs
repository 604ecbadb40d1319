//! `sopc check` end to end: the example SOPs, every output format, and bad
//! input that must give a clear finding (never a panic).

mod common;

use common::sopc;
use serde_json::Value;
use std::path::Path;

fn check_json(args: &[&str]) -> (i32, Value) {
    let out = sopc()
        .arg("check")
        .arg("--format")
        .arg("json")
        .args(args)
        .output()
        .unwrap();
    let code = out.status.code().unwrap();
    let v: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("json: {e}\n{}", String::from_utf8_lossy(&out.stdout)));
    (code, v)
}

fn file<'a>(v: &'a Value, name: &str) -> &'a Value {
    v["berkas"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["berkas"].as_str().unwrap().ends_with(name))
        .unwrap()
}

fn findings(f: &Value, code: &str) -> Vec<u64> {
    f["temuan"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["kode"] == code)
        .map(|t| t["baris"].as_u64().unwrap())
        .collect()
}

#[test]
fn example_sops_are_clean_with_their_totals() {
    let (code, v) = check_json(&["sops"]);
    assert_eq!(code, 0, "{v:#}");
    assert_eq!(v["galat"], 0);
    let totals = [
        ("kudus-kunjungan-kerja.yaml", "2 hari 1 jam 5 menit", 4),
        ("kalteng-penerimaan-tamu.yaml", "10 menit", 5),
        ("tanjabbar-tamu-pimpinan.yaml", "30 menit", 6),
        ("tanjabbar-tamu-eselon-2-3.yaml", "30 menit", 6),
        ("tanjabbar-tamu-eselon-4-asn.yaml", "27 menit", 5),
        (
            "bps-bengkulu-naskah-dinas.yaml",
            "1 hari 1 jam 15 menit – 2 hari 1 jam 15 menit",
            5,
        ),
        (
            "bps-bengkulu-rekomendasi-statistik.yaml",
            "48 hari 4 jam 20 menit + tidak tercantum",
            8,
        ),
        (
            "bps-bengkulu-supervisi-sakernas.yaml",
            "11 hari 3 jam – 13 hari 3 jam",
            8,
        ),
        ("bps-bengkulu-swakelola-tipe-3.yaml", "25 hari kerja", 15),
        (
            "bps-bengkulu-monev-kinerja.yaml",
            "6 hari 3 jam 25 menit",
            10,
        ),
        ("bps-bengkulu-pengiriman-dokumen.yaml", "3 jam", 8),
        (
            "bps-bengkulu-survei-poldis.yaml",
            "2 bulan 3 minggu 9 hari",
            7,
        ),
        (
            "bps-bengkulu-gratifikasi.yaml",
            "31 hari kerja 27 jam + tidak tercantum",
            7,
        ),
    ];
    for (name, total, steps) in totals {
        let f = file(&v, name);
        assert_eq!(f["hasil"]["jumlah_waktu"], total, "{name}");
        assert_eq!(f["langkah"], steps, "{name}");
    }
    let kalteng = file(&v, "kalteng-penerimaan-tamu.yaml");
    assert_eq!(kalteng["hasil"]["jalur_terpendek"]["waktu"], "9 menit");
    assert_eq!(kalteng["hasil"]["jalur_terpanjang"]["waktu"], "10 menit");
}

#[test]
fn the_originals_rule_breaks_are_reported_where_they_are() {
    let (_, v) = check_json(&["sops"]);
    let kalteng = file(&v, "kalteng-penerimaan-tamu.yaml");
    assert_eq!(findings(kalteng, "nomor-segmen-kosong"), vec![4]);
    assert_eq!(findings(kalteng, "kotak-kosong"), vec![38, 39]);
    let kudus = file(&v, "kudus-kunjungan-kerja.yaml");
    assert_eq!(findings(kudus, "pelaksana-tidak-dipakai").len(), 1);
    assert_eq!(findings(kudus, "peringatan-akibat").len(), 1);
    let tj = file(&v, "tanjabbar-tamu-pimpinan.yaml");
    assert_eq!(findings(tj, "kegiatan-subjek").len(), 6);
}

/// The decisions of a transcribed SOP as `(step, target, exit, label)`,
/// steps numbered from 1 as on the form, in step order.
fn decisions(name: &str) -> Vec<(usize, usize, &'static str, String)> {
    use sopc::model::alur::{Alur, Jenis};
    let path = format!("sops/{name}");
    let text = std::fs::read_to_string(&path).unwrap();
    let sop = sopc::parse::parse_str(&path, &text)
        .sop
        .expect("the SOP parses");
    let alur = Alur::build(&sop);
    alur.edges
        .iter()
        .filter(|e| e.jenis != Jenis::Lanjut)
        .map(|e| {
            let label = sop.steps()[e.from]
                .keputusan
                .as_ref()
                .and_then(|k| k.value.label.as_ref())
                .and_then(|l| match e.jenis {
                    Jenis::Ya => l.value.ya.clone(),
                    _ => l.value.tidak.clone(),
                })
                .map(|l| l.value)
                .unwrap_or_default();
            let exit = if e.jenis == Jenis::Ya { "ya" } else { "tidak" };
            (e.from + 1, e.to + 1, exit, label)
        })
        .collect()
}

/// Findings of one code as `(line, column)`.
fn at(f: &Value, code: &str) -> Vec<(u64, u64)> {
    f["temuan"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["kode"] == code)
        .map(|t| (t["baris"].as_u64().unwrap(), t["kolom"].as_u64().unwrap()))
        .collect()
}

fn path(f: &Value, which: &str) -> (Vec<u64>, String) {
    let j = &f["hasil"][which];
    let steps = j["langkah"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_u64().unwrap())
        .collect();
    (steps, j["waktu"].as_str().unwrap().to_owned())
}

/// The BPS Bengkulu transcriptions (sops/EXPECTED.md): their decisions go
/// where the printed arrows go, with the printed words, the paths through
/// them are the ones the form allows, and the rule breaks of the originals
/// are reported where they are — and nothing else.
#[test]
fn bps_bengkulu_transcriptions_keep_their_decisions_paths_and_rule_breaks() {
    let (_, v) = check_json(&["sops"]);
    let s = |t: &str| t.to_owned();

    let naskah = file(&v, "bps-bengkulu-naskah-dinas.yaml");
    assert_eq!(
        decisions("bps-bengkulu-naskah-dinas.yaml"),
        vec![
            (2, 3, "ya", s("")),
            (2, 1, "tidak", s("")),
            (3, 4, "ya", s("")),
            (3, 2, "tidak", s("")),
        ]
    );
    assert_eq!(
        path(naskah, "jalur_terpendek"),
        (vec![1, 2, 3, 4, 5], s("1 hari 1 jam 15 menit"))
    );
    assert_eq!(at(naskah, "kegiatan-subjek"), vec![(73, 7), (99, 15)]);
    assert_eq!(naskah["peringatan"], 2, "{naskah:#}");

    let rekom = file(&v, "bps-bengkulu-rekomendasi-statistik.yaml");
    assert_eq!(
        decisions("bps-bengkulu-rekomendasi-statistik.yaml"),
        vec![
            (2, 3, "ya", s("Offline")),
            (2, 5, "tidak", s("Online")),
            (6, 7, "ya", s("valid")),
            (6, 5, "tidak", s("Belum valid")),
            (7, 8, "ya", s("lengkap")),
            (7, 6, "tidak", s("Belum lengkap")),
        ]
    );
    assert_eq!(
        path(rekom, "jalur_terpendek"),
        (
            vec![1, 2, 5, 6, 7, 8],
            s("48 hari 10 menit + tidak tercantum")
        )
    );
    assert_eq!(
        path(rekom, "jalur_terpanjang"),
        (
            vec![1, 2, 3, 4, 5, 6, 7, 8],
            s("48 hari 4 jam 20 menit + tidak tercantum")
        )
    );
    assert_eq!(at(rekom, "kotak-kosong"), vec![(48, 23)]);
    assert_eq!(
        at(rekom, "kegiatan-subjek"),
        vec![
            (62, 15),
            (68, 7),
            (87, 15),
            (93, 15),
            (99, 15),
            (107, 7),
            (121, 7),
            (134, 15)
        ]
    );
    assert_eq!(rekom["peringatan"], 9, "{rekom:#}");

    let sakernas = file(&v, "bps-bengkulu-supervisi-sakernas.yaml");
    assert_eq!(
        decisions("bps-bengkulu-supervisi-sakernas.yaml"),
        vec![(2, 3, "ya", s("Y")), (2, 1, "tidak", s("T"))]
    );
    assert_eq!(
        path(sakernas, "jalur_terpanjang"),
        (vec![1, 2, 3, 4, 5, 6, 7, 8], s("13 hari 3 jam"))
    );
    assert_eq!(at(sakernas, "kotak-kosong"), vec![(48, 23)]);
    assert_eq!(sakernas["peringatan"], 1, "{sakernas:#}");

    // Parallel rows: the path names every actor of the row, and the row's
    // waktu counts once.
    let swakelola = file(&v, "bps-bengkulu-swakelola-tipe-3.yaml");
    assert_eq!(decisions("bps-bengkulu-swakelola-tipe-3.yaml"), vec![]);
    let rows = &swakelola["hasil"]["jalur_terpanjang"]["pelaksana"];
    assert_eq!(rows.as_array().unwrap().len(), 15);
    assert_eq!(rows[6], serde_json::json!(["PA/KPA", "Ormas"]));
    assert_eq!(
        rows[13],
        serde_json::json!(["Tim Persiapan", "Tim Pelaksana"])
    );
    assert_eq!(rows[14], serde_json::json!(["PPK", "Tim Pelaksana"]));
    assert_eq!(at(swakelola, "dasar-hukum-jenis"), vec![(26, 5)]);
    assert_eq!(at(swakelola, "peringatan-akibat"), vec![(53, 3)]);
    assert_eq!(
        at(swakelola, "kegiatan-subjek")
            .iter()
            .map(|(l, _)| *l)
            .collect::<Vec<_>>(),
        vec![
            71, 77, 82, 86, 90, 94, 100, 104, 108, 112, 116, 120, 124, 136
        ]
    );
    // Fifteen peralatan items nearly fill the lembar pengesahan, which still
    // prints on one F4 sheet: no warning (the estimate measures the face
    // that prints, and warns exactly when the print needs a second sheet).
    assert_eq!(at(swakelola, "tata-letak-pengesahan"), vec![]);
    assert_eq!(swakelola["peringatan"], 16, "{swakelola:#}");

    let monev = file(&v, "bps-bengkulu-monev-kinerja.yaml");
    assert_eq!(
        decisions("bps-bengkulu-monev-kinerja.yaml"),
        vec![(9, 10, "ya", s("")), (9, 6, "tidak", s(""))]
    );
    let tim = "Tim perencanaan, Penganggaran dan Evaluasi";
    let rows = &monev["hasil"]["jalur_terpanjang"]["pelaksana"];
    assert_eq!(rows[0], serde_json::json!(["Kepala Bagian Umum", tim]));
    assert_eq!(rows[4], serde_json::json!([tim, "Tim SAKIP"]));
    assert_eq!(
        rows[9],
        serde_json::json!(["Kepala BPS Provinsi", "Kepala Bagian Umum", tim])
    );
    assert_eq!(at(monev, "dasar-hukum-urutan"), vec![(28, 5), (29, 5)]);
    assert_eq!(at(monev, "peringatan-akibat"), vec![(49, 3)]);
    assert_eq!(monev["peringatan"], 3, "{monev:#}");

    let kirim = file(&v, "bps-bengkulu-pengiriman-dokumen.yaml");
    assert_eq!(
        decisions("bps-bengkulu-pengiriman-dokumen.yaml"),
        vec![(5, 6, "ya", s("")), (5, 4, "tidak", s(""))]
    );
    let rows = &kirim["hasil"]["jalur_terpanjang"]["pelaksana"];
    assert_eq!(
        rows[3],
        serde_json::json!(["Kepala Bagian Umum", "Sekretaris"])
    );
    assert_eq!(rows[5], serde_json::json!(["Sekretaris", "Layanan Umum"]));
    assert_eq!(kirim["peringatan"], 0, "{kirim:#}");

    // A decision whose "Tidak" comes back to itself, as printed.
    let poldis = file(&v, "bps-bengkulu-survei-poldis.yaml");
    assert_eq!(
        decisions("bps-bengkulu-survei-poldis.yaml"),
        vec![
            (5, 6, "ya", s("")),
            (5, 5, "tidak", s("")),
            (6, 7, "ya", s("")),
            (6, 5, "tidak", s("")),
        ]
    );
    let rows = &poldis["hasil"]["jalur_terpanjang"]["pelaksana"];
    assert_eq!(
        rows[0].as_array().unwrap().len(),
        3,
        "three start terminators"
    );
    assert_eq!(at(poldis, "dasar-hukum-urutan"), vec![(35, 5)]);
    assert_eq!(at(poldis, "kotak-kosong"), vec![(41, 14)]);
    assert_eq!(poldis["peringatan"], 2, "{poldis:#}");

    // A decision that jumps forward past two steps; a row of two actors
    // between a process and the diamond.
    let gratifikasi = file(&v, "bps-bengkulu-gratifikasi.yaml");
    assert_eq!(
        decisions("bps-bengkulu-gratifikasi.yaml"),
        vec![(4, 5, "ya", s("")), (4, 7, "tidak", s(""))]
    );
    assert_eq!(
        path(gratifikasi, "jalur_terpendek"),
        (
            vec![1, 2, 3, 4, 7],
            s("1 hari kerja 27 jam + tidak tercantum")
        )
    );
    let rows = &gratifikasi["hasil"]["jalur_terpendek"]["pelaksana"];
    assert_eq!(
        rows[2],
        serde_json::json!(["Ketua / Anggota UPG", "Anggota UPG"])
    );
    assert_eq!(at(gratifikasi, "dasar-hukum-jenis"), vec![(27, 5)]);
    assert_eq!(at(gratifikasi, "kegiatan-subjek"), vec![(55, 15)]);
    assert_eq!(gratifikasi["peringatan"], 2, "{gratifikasi:#}");
}

#[test]
fn every_example_has_the_schema_modeline() {
    for e in std::fs::read_dir("sops").unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "yaml") {
            let text = std::fs::read_to_string(&p).unwrap();
            assert!(
                text.starts_with("# yaml-language-server: $schema=../schema/sop.schema.json"),
                "{}",
                p.display()
            );
        }
    }
}

#[test]
fn committed_schema_is_current() {
    let committed = std::fs::read_to_string("schema/sop.schema.json").unwrap();
    assert_eq!(
        committed,
        sopc::model::schema::sop_schema_json(),
        "run `sopc schema > schema/sop.schema.json`"
    );
}

fn write(dir: &Path, name: &str, text: impl AsRef<[u8]>) -> String {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p.display().to_string()
}

fn valid() -> String {
    std::fs::read_to_string("sops/kudus-kunjungan-kerja.yaml").unwrap()
}

#[test]
fn unknown_key_gets_indonesian_message_line_and_suggestion() {
    let dir = tempfile::tempdir().unwrap();
    let src = valid().replacen("kualifikasi_pelaksana:", "kualifkasi_pelaksana:", 1);
    let line = src[..src.find("kualifkasi").unwrap()].matches('\n').count() + 1;
    let p = write(dir.path(), "a.yaml", &src);
    let out = sopc().args(["check", &p]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("kunci `kualifkasi_pelaksana` tidak dikenal"),
        "{text}"
    );
    assert!(
        text.contains("apakah maksud Anda `kualifikasi_pelaksana`?"),
        "{text}"
    );
    assert!(text.contains(&format!("a.yaml:{line}:1")), "{text}");
    let out = sopc().args(["--lang", "en", "check", &p]).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("did you mean `kualifikasi_pelaksana`?"));
}

/// A parallel row (`pelaksana: [A, B]`) is one step of the path: JSON lists
/// its number once, with all its pelaksana, and counts its waktu once.
#[test]
fn json_path_through_a_parallel_row() {
    let dir = tempfile::tempdir().unwrap();
    let src = valid()
        .replacen(
            "    pelaksana: Pelaksana          # disimpulkan: staf",
            "    pelaksana: [Pelaksana, Sekdin/Kabid, Ka.Subbag/Kasi]   # disimpulkan: staf",
            1,
        )
        .replacen(
            "    pelaksana: Pelaksana          # sesuai contoh",
            "    pelaksana: [Pelaksana, Ka. Dinas]   # sesuai contoh",
            1,
        );
    let p = write(dir.path(), "sejajar.yaml", &src);
    let (code, v) = check_json(&[&p]);
    assert_eq!(code, 0, "{v:#}");
    let f = file(&v, "sejajar.yaml");
    assert_eq!(f["galat"], 0, "{f:#}");
    // Sekdin/Kabid, unused in the original, acts in the parallel row now.
    assert_eq!(findings(f, "pelaksana-tidak-dipakai"), Vec::<u64>::new());
    assert_eq!(f["langkah"], 4);
    assert_eq!(f["hasil"]["jumlah_waktu"], "2 hari 1 jam 5 menit");
    for jalur in ["jalur_terpendek", "jalur_terpanjang"] {
        assert_eq!(
            f["hasil"][jalur],
            serde_json::json!({
                "langkah": [1, 2, 3, 4],
                "pelaksana": [
                    ["Pelaksana", "Ka. Dinas"],
                    ["Ka.Subbag/Kasi"],
                    ["Pelaksana", "Sekdin/Kabid", "Ka.Subbag/Kasi"],
                    ["Ka. Dinas"]
                ],
                "waktu": "2 hari 1 jam 5 menit"
            }),
            "{jalur}"
        );
    }
}

#[test]
fn a_list_of_pelaksana_on_a_decision_is_an_error_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let src = std::fs::read_to_string("sops/kalteng-penerimaan-tamu.yaml").unwrap();
    let at = src.find("keputusan:").expect("kalteng has a decision");
    let before = &src[..at];
    let pel = before
        .rfind("    pelaksana: ")
        .expect("the decision's pelaksana")
        + 15;
    let end = pel + src[pel..].find('\n').unwrap();
    let name = src[pel..end].split('#').next().unwrap().trim();
    let other = if name == "Petugas Piket" {
        "Pimpinan/Pejabat/Pegawai"
    } else {
        "Petugas Piket"
    };
    let src = format!("{}[{name}, {other}]{}", &src[..pel], &src[end..]);
    let line = src[..pel].matches('\n').count() + 1;
    let p = write(dir.path(), "k.yaml", &src);
    let (code, v) = check_json(&[&p]);
    assert_eq!(code, 1);
    let f = file(&v, "k.yaml");
    assert_eq!(
        findings(f, "pelaksana-sejajar-keputusan"),
        vec![line as u64]
    );
    assert_eq!(f["galat"], 1, "{f:#}");
    for (lang, want) in [
        (
            "id",
            format!(
                "langkah `keputusan` memiliki tepat satu pelaksana, bukan 2 (`{name}`, `{other}`)"
            ),
        ),
        (
            "en",
            format!("a `keputusan` step has exactly one pelaksana, not 2 (`{name}`, `{other}`)"),
        ),
    ] {
        let out = sopc()
            .args(["--lang", lang, "check", "--format", "json", &p])
            .output()
            .unwrap();
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        let pesan: Vec<&Value> = file(&v, "k.yaml")["temuan"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|t| t["kode"] == "pelaksana-sejajar-keputusan")
            .map(|t| &t["pesan"])
            .collect();
        assert_eq!(pesan, vec![&Value::from(want)], "{lang}");
    }
}

#[test]
fn github_and_sarif_outputs() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(
        dir.path(),
        "a.yaml",
        valid().replacen(
            "nip: \"19681202 198803 1 002\"",
            "nip: \"19681302 198803 1 002\"",
            1,
        ),
    );
    let summary = dir.path().join("summary.md");
    let out = sopc()
        .args(["check", "--format", "github", &p])
        .env("GITHUB_STEP_SUMMARY", &summary)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.lines()
            .any(|l| l.starts_with("::error file=") && l.contains("title=nip-tanggal-lahir")),
        "{text}"
    );
    assert!(
        std::fs::read_to_string(&summary)
            .unwrap()
            .contains("`nip-tanggal-lahir`")
    );
    let out = sopc()
        .args(["check", "--format", "sarif", &p])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["version"], "2.1.0");
    let results = v["runs"][0]["results"].as_array().unwrap();
    assert!(results.iter().any(|r| r["ruleId"] == "nip-tanggal-lahir"));
}

#[test]
fn warnings_fail_only_with_deny_warnings() {
    let out = sopc()
        .args([
            "check",
            "sops/kudus-kunjungan-kerja.yaml",
            "--deny-warnings",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let out = sopc()
        .args(["check", "sops/kudus-kunjungan-kerja.yaml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn missing_path_and_bad_usage_exit_2() {
    let out = sopc().args(["check", "tidak/ada.yaml"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("tidak dapat membaca tidak/ada.yaml: tidak ada"),
        "{err}"
    );
    assert!(
        !err.contains("os error"),
        "the system's English stays out: {err}"
    );
    let out = sopc()
        .args(["check", "--format", "xml", "sops"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

/// (code, line) of every finding for one file.
fn codes(path: &str) -> (i32, Vec<(String, u64)>) {
    let (code, v) = check_json(&[path]);
    let f = &v["berkas"][0];
    let list = f["temuan"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            (
                t["kode"].as_str().unwrap().to_owned(),
                t["baris"].as_u64().unwrap(),
            )
        })
        .collect();
    (code, list)
}

#[test]
fn bad_input_gives_findings_never_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    assert_eq!(
        codes(&write(d, "kosong.yaml", "")),
        (1, vec![("berkas-kosong".into(), 1)])
    );
    assert_eq!(
        codes(&write(d, "latin1.yaml", b"nama: Desa \xe9\n")).1,
        vec![("bukan-utf8".to_string(), 1)]
    );
    let (c, l) = codes(&write(d, "tab.yaml", "instansi:\n\tnama: x\n"));
    assert_eq!((c, l[0].0.as_str()), (1, "yaml-sintaks"));
    let (c, l) = codes(&write(d, "dup.yaml", "nomor: 1\nnama: a\nnomor: 2\n"));
    assert_eq!(c, 1);
    assert!(l.contains(&("kunci-ganda".to_string(), 3)), "{l:?}");
    let mut bomb = String::from("a: &a [x,x,x,x,x,x,x,x,x]\n");
    for (p, n) in ["a", "b", "c", "d", "e", "f", "g"]
        .iter()
        .zip(["b", "c", "d", "e", "f", "g", "h"])
    {
        bomb.push_str(&format!(
            "{n}: &{n} [{}]\n",
            vec![format!("*{p}"); 9].join(",")
        ));
    }
    assert_eq!(
        codes(&write(d, "bomb.yaml", &bomb)).1[0].0,
        "yaml-terlalu-besar"
    );
    let deep = format!("{}x{}", "[".repeat(200), "]".repeat(200));
    let (c, l) = codes(&write(d, "deep.yaml", format!("nama: {deep}\n")));
    assert_eq!(c, 1);
    assert!(l[0].0.starts_with("yaml-"), "{l:?}");
    let big = format!("nama: \"{}\"\n", "a".repeat(10 * 1024 * 1024));
    let (c, _) = codes(&write(d, "big.yaml", big));
    assert_eq!(c, 1);
}

#[test]
fn bom_and_crlf_are_accepted() {
    let dir = tempfile::tempdir().unwrap();
    let text = format!("\u{feff}{}", valid().replace('\n', "\r\n"));
    let (code, v) = check_json(&[&write(dir.path(), "crlf.yaml", text)]);
    assert_eq!(code, 0, "{v:#}");
    assert_eq!(
        v["berkas"][0]["hasil"]["jumlah_waktu"],
        "2 hari 1 jam 5 menit"
    );
}

#[test]
fn a_2000_step_sop_is_checked() {
    let dir = tempfile::tempdir().unwrap();
    let head = valid();
    let head = &head[..head.find("langkah:").unwrap()];
    let mut s = format!("{head}langkah:\n");
    for i in 0..2000 {
        let actor = ["Ka. Dinas", "Pelaksana"][i % 2];
        s.push_str(&format!("  - kegiatan: Memeriksa berkas {i}\n    pelaksana: {actor}\n    waktu: 1 menit\n    output: Berkas {i}\n"));
    }
    let (_, v) = check_json(&[&write(dir.path(), "besar.yaml", s)]);
    assert_eq!(v["berkas"][0]["langkah"], 2000);
    assert_eq!(v["berkas"][0]["hasil"]["jumlah_waktu"], "33 jam 20 menit");
}

#[test]
fn defaults_file_fills_in_and_findings_point_into_it() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("sopc.toml"), "").unwrap();
    let src = valid();
    let start = src.find("disahkan_oleh:").unwrap();
    let end = src.find("dasar_hukum:").unwrap();
    let block = &src[start..end];
    std::fs::write(
        d.join("_default.yaml"),
        block.replace("19681202 198803 1 002", "19681302 198803 1 002"),
    )
    .unwrap();
    let sop = format!("{}{}", &src[..start], &src[end..]);
    let (code, v) = check_json(&[&write(d, "a.yaml", sop)]);
    assert_eq!(code, 1);
    let temuan = v["berkas"][0]["temuan"].as_array().unwrap();
    let t = temuan
        .iter()
        .find(|t| t["kode"] == "nip-tanggal-lahir")
        .expect("the NIP finding");
    assert!(
        t["berkas"].as_str().unwrap().ends_with("_default.yaml"),
        "{t}"
    );
    assert_eq!(t["baris"], 6);
}

#[test]
fn explain_prints_rule_docs() {
    let out = sopc()
        .args(["explain", "kegiatan-subjek"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("PermenPAN-RB 35/2012"));
    let out = sopc().args(["explain", "kegiatan-subjk"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("kegiatan-subjek"));
}

#[test]
fn working_hours_from_sopc_toml_carry_hours_into_days() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(
        d.join("sopc.toml"),
        "[waktu]\njam_kerja_per_hari = 8\n[aturan]\nkegiatan-subjek = \"off\"\n",
    )
    .unwrap();
    let src = valid().replace("waktu: 60 menit", "waktu: 10 jam");
    let (_, v) = check_json(&[&write(d, "a.yaml", src)]);
    assert_eq!(
        v["berkas"][0]["hasil"]["jumlah_waktu"],
        "3 hari 2 jam 5 menit"
    );
    assert!(findings(&v["berkas"][0], "kegiatan-subjek").is_empty());
    std::fs::write(d.join("sopc.toml"), "[aturan]\nkegiatan-subjk = \"off\"\n").unwrap();
    let out = sopc()
        .args(["check", &d.join("a.yaml").display().to_string()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("apakah maksud Anda `kegiatan-subjek`?"));
}

#[test]
fn keterkaitan_links_sops_of_the_same_repository() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let a = valid();
    let b = a
        .replacen(
            "nomor: 067.2/1779/13.01/2023",
            "nomor: 067.2/1780/13.01/2023",
            1,
        )
        .replacen(
            "nama: Pelayanan Kunjungan Kerja/Audiensi/Kegiatan Sejenis",
            "nama: Pelayanan Kunjungan Tamu",
            1,
        );
    write(d, "a.yaml", &a);
    write(d, "b.yaml", &b);
    let (code, v) = check_json(&[&d.display().to_string()]);
    assert_eq!(code, 0, "{v:#}");
    let links = &file(&v, "a.yaml")["hasil"]["keterkaitan"];
    assert_eq!(links[0]["butir"], 1);
    assert!(
        links[0]["berkas"].as_str().unwrap().ends_with("b.yaml"),
        "{links}"
    );
    let c = a.replacen(
        "  - SOP Pelayanan Kunjungan Tamu",
        "  - nomor: 999/TIDAK/ADA",
        1,
    );
    write(d, "a.yaml", &c);
    let (code, v) = check_json(&[&d.display().to_string()]);
    assert_eq!(code, 1);
    assert_eq!(
        findings(file(&v, "a.yaml"), "keterkaitan-tidak-ada").len(),
        1
    );
}

#[test]
fn an_explicit_reference_is_found_when_one_file_is_checked() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("sopc.toml"), "").unwrap();
    std::fs::create_dir(d.join("lain")).unwrap();
    let a = valid().replacen(
        "  - SOP Pelayanan Kunjungan Tamu",
        "  - nomor: 067.2/1780/13.01/2023",
        1,
    );
    let b = valid().replacen(
        "nomor: 067.2/1779/13.01/2023",
        "nomor: 067.2/1780/13.01/2023",
        1,
    );
    write(&d.join("lain"), "b.yaml", &b);
    let (code, v) = check_json(&[&write(d, "a.yaml", &a)]);
    assert_eq!(code, 0, "{v:#}");
}

/// The README's rules table is the one the registry generates;
/// `SOPC_BLESS=1` rewrites it.
#[test]
fn the_readme_rules_table_is_generated_from_the_registry() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let readme = std::fs::read_to_string(&path).unwrap();
    let (begin, end) = ("<!-- rules:begin -->\n", "<!-- rules:end -->");
    let start = readme
        .find(begin)
        .expect("README has the rules:begin marker")
        + begin.len();
    let stop = readme.find(end).expect("README has the rules:end marker");
    let table = sopc::check::readme_table();
    if std::env::var_os("SOPC_BLESS").is_some() {
        let fresh = format!("{}{table}{}", &readme[..start], &readme[stop..]);
        std::fs::write(&path, fresh).unwrap();
        return;
    }
    assert_eq!(
        readme[start..stop],
        table,
        "README rules table is stale: run `SOPC_BLESS=1 cargo test --test check readme`"
    );
}

#[test]
fn explain_speaks_english_with_lang_en() {
    let out = sopc()
        .args(["--lang", "en", "explain", "nip-tmt"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.starts_with("nip-tmt (error) — NIP digits 9–14 are not a possible TMT\n"),
        "{text}"
    );
    for heading in ["## What it checks", "## Why", "## Example", "## Fix"] {
        assert!(text.contains(heading), "{heading} in {text}");
    }
    assert!(!text.contains("Apa yang diperiksa"), "{text}");
}

#[test]
fn command_line_mistakes_are_explained_in_indonesian_with_a_suggestion() {
    for (args, expected) in [
        (
            &["chek", "sops"][..],
            "perintah `chek` tidak dikenal (apakah maksud Anda",
        ),
        (
            &["check", "--frmat", "json", "sops"][..],
            "opsi `--frmat` tidak dikenal (apakah maksud Anda `--format`?)",
        ),
        (
            &["check", "--format", "jsn", "sops"][..],
            "nilai `jsn` tidak berlaku untuk --format",
        ),
        (&["new"][..], "argumen wajib tidak diberikan: <NAMA>"),
    ] {
        let out = sopc().args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(expected), "{args:?}: {err}");
    }
    let out = sopc().args(["--lang", "en", "chek"]).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown command `chek`"));
    let out = sopc().arg("--help").output().unwrap();
    assert!(out.status.success());
    let help = String::from_utf8_lossy(&out.stdout);
    for heading in [
        "Penggunaan:",
        "Perintah:",
        "Opsi:",
        "Menampilkan bantuan ini",
    ] {
        assert!(help.contains(heading), "{help}");
    }
    assert!(
        !help.contains("Usage:") && !help.contains("Print help"),
        "{help}"
    );
}

#[test]
fn a_directory_without_sops_says_so_and_several_files_get_a_total() {
    let dir = tempfile::tempdir().unwrap();
    let out = sopc().arg("check").arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stderr).contains("tidak ada berkas SOP"));
    let out = sopc().args(["check", "sops"]).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    let last = text.lines().last().unwrap();
    let n = common::contoh_sops().len();
    assert!(n >= 10, "the seeds and the BPS Bengkulu transcriptions");
    assert!(
        last.starts_with(&format!("{n} SOP diperiksa: 0 galat, ")),
        "{last}"
    );
}

#[test]
fn a_reading_rule_switched_off_is_refused_not_a_pass() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for (code, name, text) in [
        ("yaml-sintaks", "rusak.yaml", &b"nama: [a, b\n"[..]),
        ("berkas-kosong", "kosong.yaml", b""),
        ("bukan-utf8", "latin1.yaml", b"nama: Desa \xe9\n"),
    ] {
        write(d, "sopc.toml", format!("[aturan]\n{code} = \"off\"\n"));
        let p = write(d, name, text);
        let out = sopc().args(["check", &p]).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{code}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains(&format!(
                "baris 2, kolom {}: aturan `{code}` tidak dapat dimatikan atau diturunkan",
                code.len() + 4
            )),
            "{code}: {err}"
        );
        std::fs::remove_file(&p).unwrap();
    }
}

#[test]
fn working_hours_of_zero_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "sopc.toml", "[waktu]\njam_kerja_per_hari = 0\n");
    let p = write(dir.path(), "a.yaml", valid());
    let out = sopc().args(["check", &p]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(
            "baris 2, kolom 22: `jam_kerja_per_hari` harus berupa bilangan bulat dari 1 sampai 24"
        ),
        "{err}"
    );
}

/// (line, message, help) of the one finding `text` gives, in `lang`.
fn one_finding(text: &str, lang: &str) -> (u64, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "a.yaml", text);
    let out = sopc()
        .args(["--lang", lang, "check", "--format", "json", &p])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let t = &v["berkas"][0]["temuan"][0];
    (
        t["baris"].as_u64().unwrap(),
        t["pesan"].as_str().unwrap().to_owned(),
        t["bantuan"].as_str().unwrap_or("").to_owned(),
    )
}

#[test]
fn yaml_errors_are_sopcs_own_words_at_their_line() {
    let cases: &[(&str, u64, &str)] = &[
        (
            "nomor: 1\n---\nnomor: 2\n",
            2,
            "satu berkas SOP berisi satu dokumen YAML",
        ),
        (
            "nomor: 1\nnama: !!binary /w==\n",
            2,
            "tag YAML (`!`, `!!binary`) atau direktif (`%`)",
        ),
        (
            "nomor: 1\nnama: !!int lima\n",
            2,
            "tag YAML (`!`, `!!binary`) atau direktif (`%`)",
        ),
        (
            "nomor: 1\nnama: a\nx\n",
            3,
            "kunci atau titik dua `:` tidak pada tempatnya",
        ),
        (
            "nomor: 1\nnama: Desa\u{7}Maju\n",
            2,
            "karakter tak terlihat U+0007 (karakter kendali) tidak boleh ada",
        ),
        ("nomor: 1\nnama: [a, b]]\n", 2, "`]` atau `}` tanpa pembuka"),
        (
            "nomor: 1\nnama: Dinas: Umum\n",
            2,
            "kunci atau titik dua `:` tidak pada tempatnya",
        ),
        (
            "nomor: 1\nnama: \"Dinas\n",
            2,
            "tanda kutip dibuka tetapi tidak ditutup",
        ),
        (
            "nomor: 1\nnama: [a, b\n",
            2,
            "`[` dibuka tetapi tidak ditutup dengan `]`",
        ),
        ("nomor: 1\nnama: [a, b}\n", 2, "`[` ditutup dengan `}`"),
        (
            "nomor: 1\nnama: *Front Desk* menerima\n",
            2,
            "`*` di awal nilai dibaca sebagai alias YAML",
        ),
        (
            "nomor: 1\nnama: \"C:\\Data\"\n",
            2,
            "garis miring terbalik `\\` di dalam tanda kutip ganda",
        ),
        (
            "nomor: 1\nnama: @dinas\n",
            2,
            "karakter `@` (U+0040) tidak boleh mengawali nilai",
        ),
        (
            "nomor: 1\nnama: 'Dinas' Umum\n",
            2,
            "ada teks setelah tanda kutip penutup",
        ),
        (
            "instansi:\n  nama: a\n pemerintah: b\n",
            3,
            "indentasi tidak rata",
        ),
        (
            "nomor: 1\ninstansi:\n\tnama: x\n",
            3,
            "karakter tab dipakai untuk indentasi",
        ),
        (
            "nomor: 1\n? [a, b]\n: c\n",
            2,
            "daftar atau pemetaan tidak dapat menjadi kunci",
        ),
        (
            "nomor: 1\nnama: a\n...\nx: 1\n",
            3,
            "satu berkas SOP berisi satu dokumen YAML",
        ),
        (
            "nomor: 1\nnama: {a: 1 b: 2}\n",
            2,
            "koma atau kurung penutup diharapkan di sini",
        ),
        (
            "nomor: 1\nnama: \"a\"#x\n",
            2,
            "`#` memulai komentar di tempat yang salah",
        ),
        (
            "nomor: 1\nnama: &\n",
            2,
            "`&` atau `*` di awal nilai memulai jangkar atau alias YAML tanpa nama",
        ),
        (
            "nomor: 1\nnama: |x\n  teks\n",
            2,
            "setelah `|` atau `>` hanya boleh ada",
        ),
        (
            "nomor: 1\nnama: !<x\n",
            2,
            "tag YAML (`!`, `!!binary`) atau direktif (`%`)",
        ),
    ];
    // words of serde-saphyr's and granit-parser's messages
    let english = [
        "from_str",
        "Options",
        "simple key",
        "expected",
        "while parsing",
        "found",
        "scalar",
        "unexpected",
        "invalid",
        "did not",
    ];
    for &(text, line, pesan) in cases {
        let (l, m, h) = one_finding(text, "id");
        assert_eq!(l, line, "{text:?}: {m}");
        assert!(
            m.starts_with(&format!("YAML tidak valid: {pesan}")),
            "{text:?}: {m}"
        );
        assert!(!h.is_empty(), "{text:?}");
        for word in english {
            assert!(
                !m.contains(word) && !h.contains(word),
                "{text:?}: {m} / {h}"
            );
        }
        let (_, m_en, h_en) = one_finding(text, "en");
        assert!(m_en.starts_with("invalid YAML: "), "{text:?}: {m_en}");
        assert_ne!(h_en, h, "{text:?}: the help has its English twin");
    }
    // nested deeper than the parser's budget: not "too many aliases"
    let deep = format!("nomor: 1\nnama: {}x{}\n", "[".repeat(200), "]".repeat(200));
    let (l, m, _) = one_finding(&deep, "id");
    assert_eq!(
        (l, m.as_str()),
        (2, "YAML tidak valid: struktur YAML bersarang terlalu dalam")
    );
}

#[test]
fn sarif_uris_are_percent_encoded_relative_references() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("SOP Umum");
    std::fs::create_dir(&sub).unwrap();
    write(
        &sub,
        "Tamu #2 (revisi).yaml",
        valid().replacen("19681202", "19681302", 1),
    );
    let out = sopc()
        .current_dir(dir.path())
        .args([
            "check",
            "--format",
            "sarif",
            "SOP Umum/Tamu #2 (revisi).yaml",
        ])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let uris: Vec<&str> = v["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .unwrap()
        })
        .collect();
    assert!(!uris.is_empty());
    for uri in uris {
        assert_eq!(uri, "SOP%20Umum/Tamu%20%232%20%28revisi%29.yaml");
    }
}

#[test]
fn sopc_new_refuses_a_line_break_in_the_name() {
    let dir = tempfile::tempdir().unwrap();
    let out = sopc()
        .args(["new", "Pelayanan Tamu\nstatus: final", "--dir"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("nama SOP memuat karakter kendali U+000A"),
        "{err}"
    );
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}
