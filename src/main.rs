//! The `sopc` command line: parse arguments, call the library, map results to
//! exit codes (0 clean or warnings, 1 findings, 2 usage or I/O).

use clap::{Parser, Subcommand};
use sopc::diag::{Lang, Msg};
use sopc::report::Format;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "sopc",
    version,
    about = "Compiler dan validator SOP pemerintah (Permendagri 52/2011, PermenPAN-RB 35/2012)"
)]
struct Cli {
    /// Bahasa pesan: id (Bahasa Indonesia) atau en (English)
    #[arg(long, global = true, value_enum, default_value = "id")]
    lang: Lang,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Memeriksa berkas SOP atau seluruh direktori
    Check {
        /// Berkas .yaml atau direktori
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Format keluaran
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
        /// Peringatan juga membuat status keluar 1
        #[arg(long)]
        deny_warnings: bool,
    },
    /// Membuat PDF SOP (lembar pengesahan dan tabel prosedur)
    Build {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Berkas .pdf (untuk satu SOP) atau direktori keluaran
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Ukuran kertas (mengganti sopc.toml)
        #[arg(long, value_enum)]
        kertas: Option<sopc::config::Kertas>,
        /// Orientasi kertas (mengganti sopc.toml)
        #[arg(long, value_enum)]
        orientasi: Option<sopc::config::Orientasi>,
    },
    /// Mencetak hanya lembar pengesahan untuk ditandatangani
    Pengesahan {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Membuat buku SOP (dokumen SOP): sampul, keputusan, daftar isi, penjelasan, semua SOP
    Buku {
        /// Direktori SOP
        dir: PathBuf,
        /// Berkas PDF keluaran (bawaan: DIR/buku.pdf)
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Judul di bawah "STANDAR OPERASIONAL PROSEDUR" (mengganti [buku] judul)
        #[arg(long)]
        judul: Option<String>,
        /// Tahun pada sampul (mengganti [buku] tahun)
        #[arg(long)]
        tahun: Option<i32>,
        /// Pindaian keputusan: PDF, PNG atau JPEG, di dalam repositori (mengganti [buku] keputusan)
        #[arg(long)]
        keputusan: Vec<PathBuf>,
        /// Berkas teks penjelasan (mengganti [buku] penjelasan)
        #[arg(long)]
        penjelasan: Option<PathBuf>,
        /// Ukuran kertas (mengganti sopc.toml)
        #[arg(long, value_enum)]
        kertas: Option<sopc::config::Kertas>,
        /// Orientasi kertas halaman SOP (mengganti sopc.toml)
        #[arg(long, value_enum)]
        orientasi: Option<sopc::config::Orientasi>,
    },
    /// Menjelaskan sebuah kode aturan
    Explain {
        /// Kode aturan, misalnya nip-tanggal-lahir
        code: Option<String>,
        /// Daftar semua aturan
        #[arg(long)]
        list: bool,
    },
    /// Mencetak JSON Schema bahasa SOP (draft-07)
    Schema,
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    let lang = cli.lang;
    let result = match cli.command {
        Command::Check {
            paths,
            format,
            deny_warnings,
        } => check(&paths, format, deny_warnings, lang),
        Command::Build {
            paths,
            output,
            kertas,
            orientasi,
        } => build(
            &paths,
            output,
            kertas,
            orientasi,
            sopc::run::Bagian::Lengkap,
            lang,
        ),
        Command::Pengesahan { paths, output } => build(
            &paths,
            output,
            None,
            None,
            sopc::run::Bagian::Pengesahan,
            lang,
        ),
        Command::Buku {
            dir,
            output,
            judul,
            tahun,
            keputusan,
            penjelasan,
            kertas,
            orientasi,
        } => buku(
            &dir,
            output,
            sopc::buku::Pilihan {
                judul,
                tahun,
                keputusan,
                penjelasan,
            },
            (kertas, orientasi),
            lang,
        ),
        Command::Explain { code, list } => explain(code.as_deref(), list, lang),
        Command::Schema => {
            print!("{}", sopc::schema::sop_schema_json());
            Ok(ExitCode::SUCCESS)
        }
    };
    match result {
        Ok(code) => code,
        Err(m) => {
            let word = if lang == Lang::Id { "galat" } else { "error" };
            eprintln!("{word}: {}", m.get(lang));
            ExitCode::from(2)
        }
    }
}

fn check(
    paths: &[PathBuf],
    format: Format,
    deny_warnings: bool,
    lang: Lang,
) -> Result<ExitCode, Msg> {
    let config = sopc::run::config_for(&paths[0])?;
    let reports = sopc::run::check_paths(paths, &config)?;
    let text = match format {
        Format::Human => sopc::report::human(&reports, lang, std::io::stdout().is_terminal()),
        Format::Json => sopc::report::json(&reports, lang),
        Format::Github => {
            if let Ok(summary) = std::env::var("GITHUB_STEP_SUMMARY") {
                let md = sopc::report::github_summary(&reports, lang);
                let _ = std::fs::OpenOptions::new()
                    .append(true)
                    .create(true)
                    .open(summary)
                    .and_then(|mut f| f.write_all(md.as_bytes()));
            }
            sopc::report::github(&reports, lang)
        }
        Format::Sarif => sopc::report::sarif(&reports, lang),
    };
    print!("{text}");
    let errors: usize = reports.iter().map(|r| r.errors()).sum();
    let warnings: usize = reports.iter().map(|r| r.warnings()).sum();
    Ok(if errors > 0 || (deny_warnings && warnings > 0) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn build(
    paths: &[PathBuf],
    output: Option<PathBuf>,
    kertas: Option<sopc::config::Kertas>,
    orientasi: Option<sopc::config::Orientasi>,
    bagian: sopc::run::Bagian,
    lang: Lang,
) -> Result<ExitCode, Msg> {
    let mut config = sopc::run::config_for(&paths[0])?;
    config.cetak.kertas = kertas.or(config.cetak.kertas);
    config.cetak.orientasi = orientasi.or(config.cetak.orientasi);
    let reports = sopc::run::check_paths(paths, &config)?;
    if let Some(o) = &output
        && (reports.len() > 1 || o.extension().is_none_or(|e| e != "pdf"))
    {
        std::fs::create_dir_all(o).map_err(|e| {
            let d = o.display();
            Msg::new(
                format!("tidak dapat membuat {d}: {e}"),
                format!("cannot create {d}: {e}"),
            )
        })?;
    }
    let with_findings: Vec<_> = reports
        .iter()
        .filter(|r| !r.diagnostics.is_empty())
        .collect();
    if !with_findings.is_empty() {
        let owned: Vec<_> = reports
            .iter()
            .filter(|r| !r.diagnostics.is_empty())
            .collect();
        let _ = owned;
        eprint!(
            "{}",
            sopc::report::human(&reports, lang, std::io::stderr().is_terminal())
        );
    }
    let outcomes = sopc::run::build(&reports, &config, output.as_deref(), bagian);
    let mut failed = false;
    for (r, o) in reports.iter().zip(&outcomes) {
        match o {
            sopc::run::BuildOutcome::Written(p) => {
                println!("{} → {}", r.path.display(), p.display())
            }
            sopc::run::BuildOutcome::Skipped(m) | sopc::run::BuildOutcome::Failed(m) => {
                failed = true;
                eprintln!("{}: {}", r.path.display(), m.get(lang));
            }
        }
    }
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn buku(
    dir: &std::path::Path,
    output: Option<PathBuf>,
    pilihan: sopc::buku::Pilihan,
    (kertas, orientasi): (
        Option<sopc::config::Kertas>,
        Option<sopc::config::Orientasi>,
    ),
    lang: Lang,
) -> Result<ExitCode, Msg> {
    use sopc::buku::Gagal;
    let mut config = sopc::run::config_for(dir)?;
    config.cetak.kertas = kertas.or(config.cetak.kertas);
    config.cetak.orientasi = orientasi.or(config.cetak.orientasi);
    let reports = sopc::run::check_paths(&[dir.to_owned()], &config)?;
    let out = output.unwrap_or_else(|| dir.join("buku.pdf"));
    match sopc::buku::buat(dir, &out, &config, &reports, &pilihan) {
        Ok(l) => {
            println!(
                "{} SOP → {} ({} {})",
                l.sop.len(),
                l.pdf.display(),
                l.halaman,
                if lang == Lang::Id { "halaman" } else { "pages" }
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(Gagal::SopBergalat(files)) => {
            eprint!(
                "{}",
                sopc::report::human(&reports, lang, std::io::stderr().is_terminal())
            );
            let (head, tail) = match lang {
                Lang::Id => (
                    "buku tidak dibuat; SOP berikut memiliki galat:",
                    "perbaiki dulu (lihat `sopc check`)",
                ),
                Lang::En => (
                    "no book was made; these SOPs have errors:",
                    "fix them first (see `sopc check`)",
                ),
            };
            eprintln!("{head}");
            for f in &files {
                eprintln!("  {}", f.display());
            }
            eprintln!("{tail}");
            Ok(ExitCode::from(1))
        }
        Err(Gagal::Masukan(m)) => Err(m),
        Err(Gagal::Cetak(m)) => {
            let word = if lang == Lang::Id { "galat" } else { "error" };
            eprintln!("{word}: {}", m.get(lang));
            Ok(ExitCode::from(1))
        }
    }
}

fn explain(code: Option<&str>, list: bool, lang: Lang) -> Result<ExitCode, Msg> {
    if list || code.is_none() {
        for r in sopc::check::all_rules() {
            let title = if lang == Lang::Id {
                r.title.0
            } else {
                r.title.1
            };
            println!("{:<26} {:<10} {title}", r.code, r.severity.word(lang));
        }
        return Ok(ExitCode::SUCCESS);
    }
    let code = code.unwrap_or_default();
    let Some(r) = sopc::check::find_rule(code) else {
        let hint = sopc::diag::suggest(code, sopc::check::all_rules().map(|r| r.code))
            .map(|s| format!(" ({})", sopc::diag::did_you_mean(s).get(lang)))
            .unwrap_or_default();
        return Err(Msg::new(
            format!("tidak ada aturan `{code}`{hint}; lihat `sopc explain --list`"),
            format!("there is no rule `{code}`{hint}; see `sopc explain --list`"),
        ));
    };
    let title = if lang == Lang::Id {
        r.title.0
    } else {
        r.title.1
    };
    println!(
        "{} ({}) — {title}\nSumber: {}\n\n{}",
        r.code,
        r.severity.word(lang),
        r.sumber,
        r.doc
    );
    Ok(ExitCode::SUCCESS)
}
