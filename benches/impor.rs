//! `sopc impor` on a folder of real SOP PDFs (`cargo bench --bench impor`
//! with `SOPC_IMPOR_CORPUS=DIR`; without it the benchmark says so and does
//! nothing). Prints per file and in total what was recovered — identity
//! fields, rows, rows with a pelaksana, decisions with both targets, check
//! errors of the written YAML — and the reading time per SOP. The folder is
//! only read; the YAML goes to a temporary directory.
//!
//! Then the agreement with hand transcriptions: every SOP of `sops/` (or of
//! `SOPC_IMPOR_TRANSKRIPSI=DIR`) with a comment line `# Sumber:
//! bps-bengkulu/<file>.pdf` whose PDF lies in the corpus folder is imported
//! and compared field by field with what the staffer typed.
//!
//! "Imported without a reading error" is counted per SOP, and says what it
//! means: a table read from text, when every row has a pelaksana (a symbol
//! in an actor column) and every decision both its exits (no `# impor:`
//! note that a value could not be read: a row without symbol, an exit not
//! read, a connector whose pair was not found; a decision whose form
//! prints one exit, the other inferred as the forms draw it with a note,
//! counts as read and is listed apart); a table read from a
//! picture, only when it agrees exactly with its hand transcription — the
//! same number of steps, pelaksana per step, flow (every `ya`, `tidak` and
//! `lanjut` edge), waktu as printed, and kegiatan, kelengkapan, output and
//! keterangan text identical once whitespace is normalised. A picture SOP
//! without a transcription does not count.

use sopc::impor::{Dokumen, dari_berkas, tulis};
use sopc::model::alur::{Alur, decision_targets};
use sopc::model::{Isi, Langkah, Sop};
use sopc::source::Sp;
use std::fmt::Debug;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Identity fields recovered, of 9: nomor, nama, instansi, three dates,
/// jabatan, nama and NIP of the signer.
fn identitas(d: &Dokumen) -> usize {
    [
        &d.nomor,
        &d.nama,
        &d.instansi,
        &d.pembuatan,
        &d.revisi,
        &d.efektif,
        &d.jabatan,
        &d.pengesah,
        &d.nip,
    ]
    .iter()
    .filter(|v| v.ada())
    .count()
}

fn main() {
    let Some(dir) = std::env::var_os("SOPC_IMPOR_CORPUS").map(PathBuf::from) else {
        println!("SOPC_IMPOR_CORPUS tidak diisi: tidak ada yang diukur");
        return;
    };
    let sops = std::env::var_os("SOPC_IMPOR_TRANSKRIPSI").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("sops"),
        PathBuf::from,
    );
    let transkripsi = transkripsi(&sops);
    korpus(&dir, &transkripsi);
    kesesuaian(&dir, &sops, &transkripsi);
}

/// A hand transcription of a corpus file.
struct Transkripsi {
    /// Its file name in `sops/`.
    nama: String,
    /// The corpus file its `# Sumber:` line names.
    pdf: String,
    yaml: String,
    sop: Sop,
}

/// The transcriptions of `sops` that name their corpus file, by name.
fn transkripsi(sops: &Path) -> Vec<Transkripsi> {
    let Ok(entries) = std::fs::read_dir(sops) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.sort();
    files
        .iter()
        .filter_map(|f| {
            let yaml = std::fs::read_to_string(f).ok()?;
            let pdf = sumber(&yaml)?.to_owned();
            let sop = sopc::parse::parse_str(f, &yaml).sop?;
            let nama = f.file_name()?.to_string_lossy().into_owned();
            Some(Transkripsi {
                nama,
                pdf,
                yaml,
                sop,
            })
        })
        .collect()
}

/// Why a document imported from a text table has a reading error: a row
/// without a pelaksana, a decision with an exit not read (or leading to a
/// connector without its pair). Empty when it has none.
fn galat_baca(d: &Dokumen) -> Vec<String> {
    let mut out = Vec::new();
    for (i, b) in d.langkah.iter().enumerate() {
        if b.simbol.is_empty() {
            out.push(format!("baris {} tanpa pelaksana", i + 1));
        }
        // an exit not read is written as the next step with a note: read,
        // or one read and the other inferred as the forms draw it (counted
        // apart), both are set (`usize::MAX`: to a connector without its
        // pair)
        let dibaca = |t: Option<usize>| t.is_some_and(|t| t != usize::MAX);
        if let Some(c) = &b.keputusan
            && !(dibaca(c.ya) && dibaca(c.tidak))
        {
            out.push(format!(
                "keputusan baris {}: jalan keluar tidak terbaca",
                i + 1
            ));
        }
    }
    out
}

/// Imports every PDF and DOCX of `dir` and prints what was recovered.
fn korpus(dir: &Path, transkripsi: &[Transkripsi]) {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("the corpus folder can be read")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("pdf") || e.eq_ignore_ascii_case("docx"))
        })
        .collect();
    files.sort();
    let out = tempfile::tempdir().expect("a temporary directory");
    let config = sopc::config::Config::default();
    println!(
        "{:<62} {:>5} {:>5} {:>6} {:>7} {:>6} {:>7}",
        "berkas", "ident", "baris", "+pelak", "keput.", "galat", "ms"
    );
    let (mut ok, mut total_time, mut slowest) = (0usize, Duration::ZERO, Duration::ZERO);
    let mut sums = [0usize; 8];
    // the files whose procedure table was read from a picture:
    // files, rows, rows with a pelaksana, decisions, both exits, time
    let (mut gambar, mut gambar_waktu) = ([0usize; 5], Duration::ZERO);
    let mut refused = Vec::new();
    // imported without a reading error: text tables (of how many), picture
    // tables (of how many), and the picture SOPs' lines to print after
    let (mut teks_ok, mut teks_n, mut gambar_ok) = (0usize, 0usize, 0usize);
    let (mut laporan_gambar, mut laporan_teks) = (Vec::new(), Vec::new());
    // the decisions with one exit inferred, per file
    let mut laporan_simpul: Vec<String> = Vec::new();
    // characters of the picture SOPs' texts read wrong, of how many
    let mut huruf_gambar = (0usize, 0usize);
    for f in &files {
        let name = f
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let t = Instant::now();
        let r = dari_berkas(f);
        let dt = t.elapsed();
        total_time += dt;
        slowest = slowest.max(dt);
        let d = match r {
            Ok(d) => d,
            Err(e) => {
                println!("{name:<62} DITOLAK: {}", e.pesan().id);
                refused.push(name);
                continue;
            }
        };
        ok += 1;
        let yaml = out.path().join(format!("{ok}.yaml"));
        std::fs::write(&yaml, tulis::yaml(&d, None, &name)).expect("the YAML is written");
        let errors = sopc::app::batch::check_paths(&[yaml], &config)
            .map(|r| r.iter().map(|r| r.errors()).sum::<usize>())
            .unwrap_or(usize::MAX);
        let rows = d.langkah.len();
        let with_actor = d.langkah.iter().filter(|b| !b.simbol.is_empty()).count();
        let decisions = d.langkah.iter().filter(|b| b.keputusan.is_some()).count();
        let both = d
            .langkah
            .iter()
            .filter_map(|b| b.keputusan.as_ref())
            .filter(|c| c.ya.is_some() && c.tidak.is_some() && !c.disimpulkan)
            .count();
        // one exit read, the other inferred as the forms draw it
        let inferred: Vec<usize> = d
            .langkah
            .iter()
            .enumerate()
            .filter(|(_, b)| b.keputusan.as_ref().is_some_and(|c| c.disimpulkan))
            .map(|(i, _)| i + 1)
            .collect();
        if !inferred.is_empty() {
            laporan_simpul.push(format!("{name}: langkah {inferred:?}"));
        }
        // a pair sopc accepts: two different targets, an exit not read
        // standing for the next step
        let pair = d
            .langkah
            .iter()
            .enumerate()
            .filter_map(|(i, b)| Some((i, b.keputusan.as_ref()?)))
            .filter(|(i, c)| {
                let t = |x: Option<usize>| x.unwrap_or(i + 1);
                (c.ya.is_some() || c.tidak.is_some())
                    && t(c.ya) != t(c.tidak)
                    && t(c.ya) != usize::MAX
                    && t(c.tidak) != usize::MAX
            })
            .count();
        let dari_gambar = d.catatan.iter().any(|c| c.contains("dibaca dari gambar"));
        if dari_gambar {
            let t = transkripsi.iter().find(|t| t.pdf == name);
            let impor = sopc::parse::parse_str("impor.yaml", &tulis::yaml(&d, None, &name)).sop;
            let (beda, salah, huruf) = match (t, &impor) {
                (Some(t), Some(impor)) => persis(t, impor),
                (None, _) => (vec!["tidak ada transkripsi".to_owned()], 0, 0),
                (_, None) => (vec!["hasil impor tidak terbaca".to_owned()], 0, 0),
            };
            huruf_gambar.0 += salah;
            huruf_gambar.1 += huruf;
            let akurasi = 1.0 - salah as f64 / huruf.max(1) as f64;
            gambar_ok += usize::from(beda.is_empty());
            laporan_gambar.push((name.clone(), t.map(|t| t.nama.clone()), beda, akurasi));
        } else {
            teks_n += 1;
            let galat = galat_baca(&d);
            teks_ok += usize::from(galat.is_empty());
            if !galat.is_empty() {
                laporan_teks.push(format!("{name}: {}", galat.join("; ")));
            }
        }
        if dari_gambar {
            for (s, v) in gambar
                .iter_mut()
                .zip([1, rows, with_actor, decisions, both])
            {
                *s += v;
            }
            gambar_waktu += dt;
        }
        let id = identitas(&d);
        for (s, v) in sums.iter_mut().zip([
            id,
            rows,
            with_actor,
            decisions,
            both,
            errors,
            pair,
            inferred.len(),
        ]) {
            *s += v;
        }
        println!(
            "{name:<62} {id:>3}/9 {rows:>5} {with_actor:>6} {both:>3}/{decisions:<3} {errors:>6} {:>7.1}",
            dt.as_secs_f64() * 1000.0
        );
    }
    let n = files.len().max(1);
    println!(
        "\n{} berkas: {ok} diimpor ({:.1} %), {} ditolak",
        files.len(),
        100.0 * ok as f64 / n as f64,
        refused.len()
    );
    println!(
        "identitas {}/{} · baris {} · baris berpelaksana {} ({:.1} %) · keputusan {}: kedua panah terbaca {}, satu jalan keluar disimpulkan {}, pasangan tujuan sah {} · galat check {}",
        sums[0],
        9 * ok,
        sums[1],
        sums[2],
        100.0 * sums[2] as f64 / sums[1].max(1) as f64,
        sums[3],
        sums[4],
        sums[7],
        sums[6],
        sums[5]
    );
    for l in &laporan_simpul {
        println!("  satu jalan keluar disimpulkan: {l}");
    }
    println!(
        "tabel dari gambar: {} berkas · baris {} · berpelaksana {} · keputusan {}: kedua panah terbaca {} · rata-rata {:.1} ms",
        gambar[0],
        gambar[1],
        gambar[2],
        gambar[3],
        gambar[4],
        gambar_waktu.as_secs_f64() * 1000.0 / gambar[0].max(1) as f64
    );
    println!(
        "diimpor tanpa galat baca: {} dari {} ({:.1} %): tabel teks {teks_ok} dari {teks_n} (setiap baris berpelaksana, setiap keputusan kedua jalan keluarnya), tabel gambar {gambar_ok} dari {} (sama persis dengan transkripsinya)",
        teks_ok + gambar_ok,
        files.len(),
        100.0 * (teks_ok + gambar_ok) as f64 / n as f64,
        gambar[0]
    );
    println!(
        "  teks tabel gambar: akurasi huruf {:.1} % ({} dari {} huruf transkripsi salah terbaca)",
        100.0 * (1.0 - huruf_gambar.0 as f64 / huruf_gambar.1.max(1) as f64),
        huruf_gambar.0,
        huruf_gambar.1
    );
    for l in &laporan_teks {
        println!("  {l}");
    }
    for (name, t, beda, akurasi) in &laporan_gambar {
        println!(
            "  {name} ({}): akurasi huruf {:.1} %, {}",
            t.as_deref().unwrap_or("-"),
            100.0 * akurasi,
            if beda.is_empty() {
                "sama persis".to_owned()
            } else {
                format!("{} beda", beda.len())
            }
        );
        for b in beda {
            println!("    {b}");
        }
    }
    println!(
        "waktu baca rata-rata {:.1} ms per SOP, terlama {:.1} ms",
        total_time.as_secs_f64() * 1000.0 / n as f64,
        slowest.as_secs_f64() * 1000.0
    );
}

/// A cell's text as printed, whitespace normalised: list items joined by
/// a space, `*` of the transcription's italics dropped (a picture has no
/// markup).
fn cetak(isi: &Option<Sp<Isi>>) -> String {
    let t = match isi.as_ref().map(|i| &i.value) {
        None => String::new(),
        Some(Isi::Teks(t)) => t.clone(),
        Some(Isi::Daftar(items)) => items.join(" "),
    };
    spasi(&t)
}

fn spasi(t: &str) -> String {
    t.replace('*', "")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A step's waktu as printed: a transcription writes what sopc cannot sum
/// (`7 hari terakhir setiap bulan`) as a duration with the printed text in
/// a comment `# dicetak "…"` on its line.
fn waktu_tercetak(st: &Langkah, yaml: &str) -> String {
    let Some(w) = &st.waktu else {
        return String::new();
    };
    let awal = (w.span.start as usize).min(yaml.len());
    let baris = yaml[awal..].lines().next().unwrap_or_default();
    let dicetak = baris
        .split_once("# dicetak \"")
        .and_then(|(_, r)| r.split_once('"'))
        .map(|(t, _)| t);
    spasi(dicetak.unwrap_or(&w.value.teks))
}

/// Compares a picture SOP's import with its transcription exactly: the
/// differences, and the share of the transcription's characters (kegiatan,
/// kelengkapan, waktu, output, keterangan) read wrong, of how many.
fn persis(t: &Transkripsi, impor: &Sop) -> (Vec<String>, usize, usize) {
    let mut beda = Vec::new();
    let (a, b) = (t.sop.steps(), impor.steps());
    if a.len() != b.len() {
        beda.push(format!(
            "jumlah langkah: transkripsi {}, impor {}",
            a.len(),
            b.len()
        ));
    }
    let nama =
        |st: &Langkah| -> Vec<String> { st.pelaksana_nama().map(|p| spasi(&p.value)).collect() };
    let (mut salah, mut huruf) = (0usize, 0usize);
    for i in 0..a.len().max(b.len()) {
        let n = i + 1;
        let (x, y) = (a.get(i).map(|s| &s.value), b.get(i).map(|s| &s.value));
        let medan = |st: Option<&Langkah>, yaml: &str| -> [String; 5] {
            st.map_or_else(Default::default, |st| {
                [
                    st.kegiatan
                        .as_ref()
                        .map(|k| spasi(&k.value))
                        .unwrap_or_default(),
                    cetak(&st.kelengkapan),
                    waktu_tercetak(st, yaml),
                    cetak(&st.output),
                    cetak(&st.keterangan),
                ]
            })
        };
        let (mx, my) = (medan(x, &t.yaml), medan(y, ""));
        for ((p, q), apa) in
            mx.iter()
                .zip(&my)
                .zip(["kegiatan", "kelengkapan", "waktu", "output", "keterangan"])
        {
            huruf += p.chars().count();
            salah += strsim::levenshtein(p, q);
            if p != q {
                beda.push(format!("{n} {apa}: transkripsi {p:?}, impor {q:?}"));
            }
        }
        let (px, py) = (
            x.map(nama).unwrap_or_default(),
            y.map(nama).unwrap_or_default(),
        );
        if px != py {
            beda.push(format!("{n} pelaksana: transkripsi {px:?}, impor {py:?}"));
        }
    }
    let alur = |s: &Sop| {
        let mut e: Vec<String> = Alur::build(s)
            .edges
            .iter()
            .map(|e| format!("{}→{} {:?}", e.from + 1, e.to + 1, e.jenis))
            .collect();
        e.sort();
        e
    };
    let (ax, ay) = (alur(&t.sop), alur(impor));
    let kurang: Vec<&String> = ax.iter().filter(|e| !ay.contains(e)).collect();
    let lebih: Vec<&String> = ay.iter().filter(|e| !ax.contains(e)).collect();
    if !kurang.is_empty() || !lebih.is_empty() {
        beda.push(format!(
            "alur: tidak terbaca {kurang:?}, tidak tercetak {lebih:?}"
        ));
    }
    (beda, salah.min(huruf), huruf)
}

// --- agreement with hand transcriptions ------------------------------------------

/// The corpus file a transcription names in its `# Sumber: …` line.
fn sumber(yaml: &str) -> Option<&str> {
    yaml.lines()
        .filter_map(|l| l.trim().strip_prefix('#')?.trim().strip_prefix("Sumber:"))
        .map(|s| s.trim())
        .find(|s| !s.is_empty())
        .and_then(|s| s.rsplit('/').next())
}

/// A text as a reader compares it: case, spacing and a break after `/`
/// or a closing `;` do not count.
fn norma(t: &str) -> String {
    t.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace("/ ", "/")
        .trim_end_matches([';', '.', ','])
        .to_lowercase()
}

fn teks(v: &Option<Sp<String>>) -> String {
    v.as_ref().map(|s| norma(&s.value)).unwrap_or_default()
}

/// The names of a step's pelaksana (several for a parallel step), joined.
fn pelaksana(st: &Langkah) -> String {
    st.pelaksana_nama()
        .map(|p| norma(&p.value))
        .collect::<Vec<_>>()
        .join(", ")
}

fn waktu(st: &Langkah) -> String {
    st.waktu
        .as_ref()
        .map(|w| norma(&w.value.teks))
        .unwrap_or_default()
}

/// Agreement counts of one field: (agreeing, compared).
#[derive(Clone, Copy, Default)]
struct Skor(usize, usize);

impl Skor {
    fn add(&mut self, ok: bool) {
        self.0 += usize::from(ok);
        self.1 += 1;
    }
    fn plus(&mut self, o: Skor) {
        self.0 += o.0;
        self.1 += o.1;
    }
    fn show(self) -> String {
        if self.1 == 0 {
            return "–".into();
        }
        format!(
            "{}/{} ({:.0} %)",
            self.0,
            self.1,
            100.0 * self.0 as f64 / self.1 as f64
        )
    }
}

/// The fields compared, in the order printed.
const MEDAN: [&str; 8] = [
    "identitas",
    "dasar hukum",
    "jumlah langkah",
    "pelaksana",
    "kegiatan ≥ 0,9",
    "waktu",
    "tujuan keputusan",
    "keputusan (pasangan)",
];

/// Counts one field, listing it in `beda` when the two differ.
fn sama(beda: &mut Vec<String>, skor: &mut Skor, apa: String, a: &dyn Debug, b: &dyn Debug) {
    let (a, b) = (format!("{a:?}"), format!("{b:?}"));
    if a != b {
        beda.push(format!("{apa}: transkripsi {a}, impor {b}"));
    }
    skor.add(a == b);
}

/// Compares an imported SOP with its transcription, field by field; the
/// disagreements are listed in `beda`.
/// `yaml` is the transcription's text (for the waktu as printed).
fn banding(asli: &Sop, yaml: &str, impor: &Sop, beda: &mut Vec<String>) -> ([Skor; 8], f64) {
    let mut s = [Skor::default(); 8];

    let ins = |x: &Sop| {
        x.instansi
            .as_ref()
            .map(|i| teks(&i.value.nama))
            .unwrap_or_default()
    };
    let tgl = |x: &Sop| {
        let t = x.tanggal.as_ref().map(|t| &t.value);
        [
            t.and_then(|t| t.pembuatan.as_ref()),
            t.and_then(|t| t.revisi.as_ref()),
            t.and_then(|t| t.efektif.as_ref()),
        ]
        .map(|d| format!("{:?}", d.and_then(|d| d.value.ok())))
    };
    let sah = |x: &Sop| {
        let d = x.disahkan_oleh.as_ref().map(|d| &d.value);
        [
            d.map(|d| teks(&d.jabatan)).unwrap_or_default(),
            d.map(|d| teks(&d.nama)).unwrap_or_default(),
            d.map(|d| teks(&d.nip).replace(' ', "")).unwrap_or_default(),
        ]
    };
    sama(
        beda,
        &mut s[0],
        "nomor".into(),
        &teks(&asli.nomor),
        &teks(&impor.nomor),
    );
    sama(
        beda,
        &mut s[0],
        "nama".into(),
        &teks(&asli.nama),
        &teks(&impor.nama),
    );
    sama(beda, &mut s[0], "instansi".into(), &ins(asli), &ins(impor));
    for ((a, b), apa) in
        tgl(asli)
            .iter()
            .zip(tgl(impor).iter())
            .zip(["pembuatan", "revisi", "efektif"])
    {
        sama(beda, &mut s[0], apa.into(), a, b);
    }
    for ((a, b), apa) in sah(asli)
        .iter()
        .zip(sah(impor).iter())
        .zip(["jabatan", "pengesah", "nip"])
    {
        sama(beda, &mut s[0], apa.into(), a, b);
    }
    let dasar = |x: &Sop| -> Vec<String> {
        x.dasar_hukum
            .iter()
            .flat_map(|l| l.value.iter())
            .map(|d| norma(&d.value))
            .collect()
    };
    let dasar_impor = dasar(impor);
    for d in dasar(asli) {
        let ada = dasar_impor.contains(&d);
        if !ada {
            beda.push(format!("dasar hukum tidak terbaca sama: {d:?}"));
        }
        s[1].add(ada);
    }
    let (a, b) = (asli.steps(), impor.steps());
    sama(beda, &mut s[2], "jumlah langkah".into(), &a.len(), &b.len());
    let mut mirip = 0.0;
    for (i, (x, y)) in a.iter().zip(b).enumerate() {
        let n = i + 1;
        sama(
            beda,
            &mut s[3],
            format!("{n} pelaksana"),
            &pelaksana(&x.value),
            &pelaksana(&y.value),
        );
        let (kx, ky) = (teks(&x.value.kegiatan), teks(&y.value.kegiatan));
        let sim = strsim::normalized_levenshtein(&kx, &ky);
        mirip += sim;
        if sim < 0.9 {
            beda.push(format!(
                "{n} kegiatan ({sim:.2}): transkripsi {kx:?}, impor {ky:?}"
            ));
        }
        s[4].add(sim >= 0.9);
        sama(
            beda,
            &mut s[5],
            format!("{n} waktu"),
            &norma(&waktu_tercetak(&x.value, yaml)),
            &waktu(&y.value),
        );
        if let Some((ya, tidak)) = decision_targets(asli, i) {
            let got = decision_targets(impor, i);
            let ke = |t: usize| t.saturating_add(1);
            let show = |g: Option<(usize, usize)>| g.map(|(y, t)| (ke(y), ke(t)));
            if got != Some((ya, tidak)) {
                beda.push(format!(
                    "{n} keputusan (ya, tidak): transkripsi {:?}, impor {:?}",
                    show(Some((ya, tidak))),
                    show(got)
                ));
            }
            s[6].add(got.is_some_and(|g| g.0 == ya));
            s[6].add(got.is_some_and(|g| g.1 == tidak));
            // the same two targets, whichever exit the printed words name
            s[7].add(got.is_some_and(|g| g == (ya, tidak) || g == (tidak, ya)));
        }
    }
    (s, mirip / a.len().max(1) as f64)
}

/// Imports the corpus PDF of every transcription in `sops` that names one,
/// and prints the agreement per file and in total.
fn kesesuaian(dir: &Path, sops: &Path, transkripsi: &[Transkripsi]) {
    println!(
        "\nkesesuaian dengan transkripsi tangan ({}):",
        sops.display()
    );
    let mut total = [Skor::default(); 8];
    let (mut n, mut mirip) = (0usize, 0.0);
    for t in transkripsi {
        let pdf = dir.join(&t.pdf);
        if !pdf.is_file() {
            continue;
        }
        let (name, asli) = (&t.nama, &t.sop);
        let d = match dari_berkas(&pdf) {
            Ok(d) => d,
            Err(e) => {
                println!("{name}: DITOLAK: {}", e.pesan().id);
                continue;
            }
        };
        let Some(impor) = sopc::parse::parse_str("impor.yaml", &tulis::yaml(&d, None, "x.pdf")).sop
        else {
            println!("{name}: hasil impor tidak terbaca");
            continue;
        };
        let mut beda = Vec::new();
        let (s, m) = banding(asli, &t.yaml, &impor, &mut beda);
        println!("{name}");
        for b in &beda {
            println!("  beda: {b}");
        }
        for (medan, skor) in MEDAN.iter().zip(s) {
            println!("  {medan:<22} {}", skor.show());
        }
        println!("  {:<22} {:.3}", "kemiripan kegiatan", m);
        for (t, x) in total.iter_mut().zip(s) {
            t.plus(x);
        }
        n += 1;
        mirip += m;
    }
    if n == 0 {
        println!("  tidak ada transkripsi dengan baris `# Sumber:` yang PDF-nya ada di korpus");
        return;
    }
    println!("jumlah ({n} SOP):");
    for (medan, skor) in MEDAN.iter().zip(total) {
        println!("  {medan:<22} {}", skor.show());
    }
    println!("  {:<22} {:.3}", "kemiripan kegiatan", mirip / n as f64);
}
