//! `sopc impor` on a folder of real SOP PDFs (`cargo bench --bench impor`
//! with `SOPC_IMPOR_CORPUS=DIR`; without it the benchmark says so and does
//! nothing). Prints per file and in total what was recovered — identity
//! fields, rows, rows with a pelaksana, decisions with both targets, check
//! errors of the written YAML — and the reading time per SOP. The folder is
//! only read; the YAML goes to a temporary directory.

use sopc::impor::{Dokumen, dari_berkas, tulis};
use std::path::PathBuf;
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
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
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
    let mut sums = [0usize; 7];
    let mut refused = Vec::new();
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
            .filter(|c| c.ya.is_some() && c.tidak.is_some())
            .count();
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
        let id = identitas(&d);
        for (s, v) in sums
            .iter_mut()
            .zip([id, rows, with_actor, decisions, both, errors, pair])
        {
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
        "identitas {}/{} · baris {} · baris berpelaksana {} ({:.1} %) · keputusan {}: kedua panah terbaca {}, pasangan tujuan sah {} · galat check {}",
        sums[0],
        9 * ok,
        sums[1],
        sums[2],
        100.0 * sums[2] as f64 / sums[1].max(1) as f64,
        sums[3],
        sums[4],
        sums[6],
        sums[5]
    );
    println!(
        "waktu baca rata-rata {:.1} ms per SOP, terlama {:.1} ms",
        total_time.as_secs_f64() * 1000.0 / n as f64,
        slowest.as_secs_f64() * 1000.0
    );
}
