//! The budget of one SOP (`cargo bench --bench batas`, release build): the
//! largest files the bounds of the README accept — each bound in turn at its
//! limit — check in under 1 s and build in under 2 s with under 500 MB.
//! Each case runs in a fresh process (this binary again, with `--kasus N`),
//! so its peak memory (VmHWM) is its own. Prints one line per case and exits
//! non-zero when a budget is missed.

use sopc::model::{MAX_BUTIR, MAX_LANGKAH, MAX_SEL, MAX_TEKS_CETAK};
use std::path::Path;
use std::time::Instant;

const HEAD: &str = "nomor: 800/1/DPMD/2024\nnama: SOP Uji Batas\nstatus: draf\n\
instansi:\n  pemerintah: Pemerintah Kabupaten Kudus\n  nama: Dinas Uji\n  logo: logo.png\n\
tanggal:\n  pembuatan: 2020-07-08\n  efektif: 2020-07-08\n\
disahkan_oleh:\n  jabatan: Kepala Dinas\n  nama: Drs. ADI SADHONO\n  pangkat: Pembina Utama Muda (IV/c)\n  nip: \"19681202 198803 1 002\"\n";

const BOXES: [&str; 6] = [
    "dasar_hukum",
    "kualifikasi_pelaksana",
    "keterkaitan",
    "peralatan_perlengkapan",
    "peringatan",
    "pencatatan_pendataan",
];

/// `n` characters of words.
fn words(n: usize) -> String {
    let mut s = "kata ".repeat(n / 5 + 1);
    s.truncate(n);
    s.trim_end().to_owned()
}

/// The six boxes, `items` each of about `len` characters.
fn boxes(items: usize, len: usize) -> String {
    let mut s = String::new();
    for b in BOXES {
        s += &format!("{b}:\n");
        for i in 0..items {
            s += &format!("  - Butir {i} {}\n", words(len.saturating_sub(10)));
        }
    }
    s
}

/// `n` steps over `actors` columns, each step's kegiatan `len` characters,
/// a decision looping back every 12 steps.
fn steps(n: usize, actors: usize, len: usize) -> String {
    let mut s = String::from("pelaksana:\n");
    for a in 0..actors {
        s += &format!("  - Pelaksana {a}\n");
    }
    s += "langkah:\n";
    for k in 0..n {
        s += &format!(
            "  - id: l{k}\n    kegiatan: Memeriksa {}\n    pelaksana: Pelaksana {}\n    waktu: 5 menit\n    output: Berkas {k}\n",
            words(len.saturating_sub(10)),
            k % actors
        );
        if k % 12 == 6 && k + 1 < n {
            s += &format!("    keputusan:\n      tidak: l{}\n", k - 5);
        }
    }
    s
}

/// The worst cases: (name, SOP text).
fn cases() -> Vec<(&'static str, String)> {
    let per_step = MAX_TEKS_CETAK / MAX_LANGKAH - 40;
    vec![
        (
            "500 langkah, teks penuh",
            format!("{HEAD}{}{}", boxes(2, 40), steps(MAX_LANGKAH, 4, per_step)),
        ),
        (
            "sel 1200 karakter, teks penuh",
            format!(
                "{HEAD}{}{}",
                boxes(2, 40),
                steps(MAX_TEKS_CETAK / MAX_SEL - 4, 4, MAX_SEL)
            ),
        ),
        (
            "6 kotak × 100 butir, teks penuh",
            format!(
                "{HEAD}{}{}",
                boxes(MAX_BUTIR, MAX_TEKS_CETAK / (6 * MAX_BUTIR) - 10),
                steps(5, 4, 40)
            ),
        ),
        (
            "100 pelaksana",
            format!("{HEAD}{}{}", boxes(2, 40), steps(MAX_BUTIR, MAX_BUTIR, 40)),
        ),
        (
            "16 MiB dengan komentar",
            format!(
                "{HEAD}{}{}{}",
                "# komentar yang panjang sekali\n".repeat(15 * 1024 * 1024 / 31),
                boxes(2, 40),
                steps(20, 4, 40)
            ),
        ),
    ]
}

/// A logo at the pixel bound: 5000×5000 in colour, in blocks so that the
/// file stays under the sandbox's 16 MiB cap for a logo.
fn logo(dir: &Path) {
    let img = image::RgbImage::from_fn(5000, 5000, |x, y| {
        let (bx, by) = ((x / 50) as u8, (y / 50) as u8);
        image::Rgb([bx.wrapping_mul(7), by.wrapping_mul(5), bx ^ by])
    });
    img.save(dir.join("logo.png")).expect("the logo");
}

/// Peak resident memory of this process, in MB (Linux).
fn peak_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let kb: f64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))?
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()?;
    Some(kb / 1024.0)
}

/// One case in this process: check, then build; prints
/// `check_s build_s peak_mb errors`.
fn run_case(i: usize, dir: &Path) {
    let (_, text) = &cases()[i];
    let path = dir.join(format!("kasus-{i}.yaml"));
    std::fs::write(&path, text).expect("the SOP");
    let config = sopc::config::Config::default();
    let t = Instant::now();
    let reports =
        sopc::app::batch::check_paths(std::slice::from_ref(&path), &config).expect("check");
    let check = t.elapsed().as_secs_f64();
    let errors = reports[0].errors();
    for d in reports[0].diagnostics.iter().filter(|d| d.is_error()) {
        eprintln!("{}: {}", d.code, d.message.id);
    }
    let t = Instant::now();
    let out = sopc::app::batch::build(
        &reports,
        &config,
        Some(&dir.join("out.pdf")),
        sopc::app::batch::Bagian::Lengkap,
    );
    let build = t.elapsed().as_secs_f64();
    let built = matches!(
        out.first(),
        Some(sopc::app::batch::BuildOutcome::Written(..))
    );
    println!(
        "{check:.3} {build:.3} {:.0} {errors} {built}",
        peak_mb().unwrap_or(f64::NAN)
    );
}

/// Human output of 10,000 findings (500 steps with 20 unknown keys each)
/// against JSON output of the same: both linear in the findings. Before,
/// miette re-read the source from its start for every finding: 14.8 s for
/// human output against 0.13 s for JSON. Returns whether it is under 1 s.
fn human_output(dir: &Path) -> bool {
    let mut text = format!("{HEAD}{}pelaksana: [A, B]\nlangkah:\n", boxes(2, 40));
    for k in 0..MAX_LANGKAH {
        text += &format!(
            "  - kegiatan: Memeriksa {k}\n    pelaksana: A\n    waktu: 5 menit\n    output: Berkas\n"
        );
        for x in 0..20 {
            text += &format!("    kunci_{x}: nilai\n");
        }
    }
    let path = dir.join("temuan.yaml");
    std::fs::write(&path, &text).expect("the SOP");
    let config = sopc::config::Config::default();
    let reports = sopc::app::batch::check_paths(&[path], &config).expect("check");
    let n = reports[0].diagnostics.len();
    let t = Instant::now();
    let human = sopc::app::report::human(&reports, sopc::diag::Lang::Id, false);
    let h = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let json = sopc::app::report::json(&reports, sopc::diag::Lang::Id);
    let j = t.elapsed().as_secs_f64();
    let ok = h < 1.0;
    println!(
        "human output of {n} findings: {h:.2} s ({} KB), JSON {j:.2} s ({} KB){}",
        human.len() / 1024,
        json.len() / 1024,
        if ok { "" } else { "  <-- budget missed" }
    );
    ok
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--kasus") {
        let n: usize = args[i + 1].parse().expect("a case number");
        run_case(n, Path::new(&args[i + 2]));
        return;
    }
    let dir = tempfile::tempdir().expect("a temporary directory");
    std::fs::write(dir.path().join("sopc.toml"), "").expect("sopc.toml");
    logo(dir.path());
    let exe = std::env::current_exe().expect("this benchmark");
    let mut missed = false;
    for (i, (name, text)) in cases().iter().enumerate() {
        let out = std::process::Command::new(&exe)
            .arg("--kasus")
            .arg(i.to_string())
            .arg(dir.path())
            .output()
            .expect("the case runs");
        let line = String::from_utf8_lossy(&out.stdout);
        let f: Vec<&str> = line.split_whitespace().collect();
        let [check, build, peak, errors, built] = f[..] else {
            println!("{name}: failed: {}", String::from_utf8_lossy(&out.stderr));
            missed = true;
            continue;
        };
        let (c, b, p): (f64, f64, f64) = (
            check.parse().unwrap_or(f64::NAN),
            build.parse().unwrap_or(f64::NAN),
            peak.parse().unwrap_or(f64::NAN),
        );
        let ok = c < 1.0 && b < 2.0 && p < 500.0 && errors == "0" && built == "true";
        missed |= !ok;
        println!(
            "{name} ({} KB): check {c:.2} s, build {b:.2} s, peak {p:.0} MB, {errors} errors, built {built}{}",
            text.len() / 1024,
            if ok { "" } else { "  <-- budget missed" }
        );
        if !ok {
            print!("{}", String::from_utf8_lossy(&out.stderr));
        }
    }
    missed |= !human_output(dir.path());
    if missed {
        std::process::exit(1);
    }
}
