//! The `sopc` command line: parse arguments, call the library, map results to
//! exit codes (0 clean or warnings, 1 findings, 2 usage or I/O).

use clap::{Parser, Subcommand};
use sopc::app::report::Format;
use sopc::diag::{Lang, Msg};
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
    /// Bahasa pesan: id (Bahasa Indonesia, bawaan) atau en (English)
    #[arg(
        long,
        global = true,
        value_enum,
        default_value = "id",
        hide_possible_values = true,
        hide_default_value = true
    )]
    lang: Lang,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Memeriksa berkas SOP atau seluruh direktori
    #[command(display_order = 3)]
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
    #[command(display_order = 4)]
    Build {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Berkas .pdf (untuk satu SOP) atau direktori keluaran
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Ukuran kertas (mengganti sopc.toml)
        #[arg(long, value_enum, ignore_case = true)]
        kertas: Option<sopc::paper::Kertas>,
        /// Orientasi kertas (mengganti sopc.toml)
        #[arg(long, value_enum, ignore_case = true)]
        orientasi: Option<sopc::paper::Orientasi>,
        /// Membuat ulang PDF setiap kali YAML, berkas bawaan, logo atau sopc.toml berubah
        #[arg(long)]
        watch: bool,
    },
    /// Sama dengan `build --watch`: membuat ulang PDF setiap kali ada perubahan
    #[command(display_order = 5)]
    Watch {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Membuat repositori SOP baru (sops/, berkas bawaan, sopc.toml, skema, CI)
    #[command(display_order = 1)]
    Init {
        /// Direktori repositori (bawaan: direktori saat ini)
        #[arg(default_value = ".")]
        dir: PathBuf,
    },
    /// Menulis SOP baru dari templat, dengan usulan nomor berikutnya
    #[command(display_order = 2)]
    New {
        /// Nama SOP, misalnya "Pelayanan Kunjungan Kerja"
        nama: String,
        /// Nomor SOP (bawaan: usulan dari pola nomor SOP yang ada)
        #[arg(long)]
        nomor: Option<String>,
        /// Direktori tujuan (bawaan: sops/ di akar repositori, atau direktori saat ini)
        #[arg(long)]
        dir: Option<PathBuf>,
        /// Nama berkas tujuan (bawaan: dari nama SOP)
        #[arg(long)]
        berkas: Option<PathBuf>,
    },
    /// Mencetak skrip pelengkapan perintah untuk shell
    #[command(display_order = 10)]
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Mencetak halaman manual (roff) sopc, atau menulis semuanya ke direktori
    #[command(display_order = 11)]
    Man {
        /// Direktori untuk sopc.1 dan satu halaman per subperintah
        #[arg(short, long)]
        dir: Option<PathBuf>,
    },
    /// Mencetak hanya lembar pengesahan untuk ditandatangani
    #[command(display_order = 6)]
    Pengesahan {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Membuat buku SOP (dokumen SOP): sampul, keputusan, daftar isi, penjelasan, semua SOP
    #[command(display_order = 7)]
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
        #[arg(long, value_enum, ignore_case = true)]
        kertas: Option<sopc::paper::Kertas>,
        /// Orientasi kertas halaman SOP (mengganti sopc.toml)
        #[arg(long, value_enum, ignore_case = true)]
        orientasi: Option<sopc::paper::Orientasi>,
    },
    /// Menjelaskan sebuah kode aturan
    #[command(display_order = 8)]
    Explain {
        /// Kode aturan, misalnya nip-tanggal-lahir
        code: Option<String>,
        /// Daftar semua aturan
        #[arg(long)]
        list: bool,
    },
    /// Mengimpor SOP dari PDF yang sudah terbit (satu berkas atau seluruh direktori)
    #[command(display_order = 12)]
    Impor {
        /// Berkas .pdf atau direktori
        path: PathBuf,
        /// Berkas .yaml keluaran (satu SOP) atau direktori (bawaan: direktori saat ini)
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Mencetak JSON Schema bahasa SOP (draft-07)
    #[command(display_order = 9)]
    Schema {
        /// Skema berkas bawaan `_default.yaml` (tanpa kunci wajib)
        #[arg(long)]
        bawaan: bool,
    },
}

fn main() -> ExitCode {
    let parsed = command()
        .try_get_matches()
        .and_then(|m| <Cli as clap::FromArgMatches>::from_arg_matches(&m));
    let cli = match parsed {
        Ok(c) => c,
        Err(e) => return usage_error(&e),
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
            watch,
        } => {
            let cetak = Cetak {
                output,
                kertas,
                orientasi,
                bagian: sopc::app::run::Bagian::Lengkap,
            };
            if watch {
                watch_build(&paths, &cetak, lang)
            } else {
                build(&paths, &cetak, lang)
            }
        }
        Command::Watch { paths, output } => watch_build(
            &paths,
            &Cetak {
                output,
                kertas: None,
                orientasi: None,
                bagian: sopc::app::run::Bagian::Lengkap,
            },
            lang,
        ),
        Command::Init { dir } => init(&dir, lang),
        Command::New {
            nama,
            nomor,
            dir,
            berkas,
        } => new(&nama, nomor.as_deref(), dir, berkas, lang),
        Command::Completions { shell } => {
            let mut cmd = command();
            clap_complete::generate(shell, &mut cmd, "sopc", &mut std::io::stdout());
            Ok(ExitCode::SUCCESS)
        }
        Command::Man { dir } => man(dir.as_deref()),
        Command::Pengesahan { paths, output } => build(
            &paths,
            &Cetak {
                output,
                kertas: None,
                orientasi: None,
                bagian: sopc::app::run::Bagian::Pengesahan,
            },
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
            sopc::app::buku::Pilihan {
                judul,
                tahun,
                keputusan,
                penjelasan,
            },
            (kertas, orientasi),
            lang,
        ),
        Command::Explain { code, list } => explain(code.as_deref(), list, lang),
        Command::Impor { path, output } => Ok(ExitCode::from(sopc::impor::perintah(
            &path,
            output.as_deref(),
            lang,
        ))),
        Command::Schema { bawaan } => {
            if bawaan {
                print!("{}", sopc::model::schema::bawaan_schema_json());
            } else {
                print!("{}", sopc::model::schema::sop_schema_json());
            }
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
    let config = sopc::app::run::config_for(&paths[0])?;
    let reports = checked(paths, &config, lang)?;
    if reports.is_empty() && format == Format::Human {
        let where_ = paths
            .iter()
            .map(|p| p.display().to_string())
            .collect::<Vec<_>>()
            .join(", ");
        let note = sopc::msg!(
            "tidak ada berkas SOP (*.yaml) di {where_}; buat satu dengan `sopc new \"Nama SOP\"`",
            "there are no SOP files (*.yaml) in {where_}; make one with `sopc new \"Nama SOP\"`"
        );
        eprintln!("{}", note.get(lang));
    }
    let text = match format {
        Format::Human => sopc::app::report::human(&reports, lang, std::io::stdout().is_terminal()),
        Format::Json => sopc::app::report::json(&reports, lang),
        Format::Github => {
            if let Ok(summary) = std::env::var("GITHUB_STEP_SUMMARY") {
                let md = sopc::app::report::github_summary(&reports, lang);
                let _ = sopc::sandbox::append_to(std::path::Path::new(&summary), &md);
            }
            sopc::app::report::github(&reports, lang)
        }
        Format::Gitlab => sopc::app::report::gitlab(&reports, lang),
        Format::Sarif => sopc::app::report::sarif(&reports, lang),
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

/// Checks the files under `paths` with a progress bar.
fn checked(
    paths: &[PathBuf],
    config: &sopc::config::Config,
    lang: Lang,
) -> Result<Vec<sopc::app::run::FileReport>, Msg> {
    let bar = Bar::new(lang, "memeriksa", "checking");
    let reports = sopc::app::run::check_paths_with_progress(paths, config, &|k| bar.on(k));
    bar.finish();
    reports
}

/// What to print and where: the options `build`, `watch` and `pengesahan`
/// share.
struct Cetak {
    output: Option<PathBuf>,
    kertas: Option<sopc::paper::Kertas>,
    orientasi: Option<sopc::paper::Orientasi>,
    bagian: sopc::app::run::Bagian,
}

fn build(paths: &[PathBuf], cetak: &Cetak, lang: Lang) -> Result<ExitCode, Msg> {
    let mut config = sopc::app::run::config_for(&paths[0])?;
    config.cetak.kertas = cetak.kertas.or(config.cetak.kertas);
    config.cetak.orientasi = cetak.orientasi.or(config.cetak.orientasi);
    let reports = checked(paths, &config, lang)?;
    if let Some(o) = &cetak.output
        && (reports.len() > 1 || o.extension().is_none_or(|e| e != "pdf"))
    {
        sopc::sandbox::create_output_dir(o).map_err(|e| {
            let d = o.display();
            sopc::diag::gagal_io(sopc::diag::MEMBUAT, d, &e)
        })?;
    }
    if reports.iter().any(|r| !r.diagnostics.is_empty()) {
        eprint!(
            "{}",
            sopc::app::report::human(&reports, lang, std::io::stderr().is_terminal())
        );
    }
    let bar = Bar::new(lang, "membuat PDF", "building PDFs");
    bar.on(sopc::app::run::Kemajuan::Mulai(reports.len()));
    let outcomes = sopc::app::run::build_with_progress(
        &reports,
        &config,
        cetak.output.as_deref(),
        cetak.bagian,
        &|| bar.on(sopc::app::run::Kemajuan::Satu),
    );
    bar.finish();
    let mut failed = false;
    for (r, o) in reports.iter().zip(&outcomes) {
        match o {
            sopc::app::run::BuildOutcome::Written(p) => {
                println!("{} → {}", r.path.display(), p.display())
            }
            sopc::app::run::BuildOutcome::Skipped(m) | sopc::app::run::BuildOutcome::Failed(m) => {
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

/// Builds, then rebuilds whenever a YAML file, a defaults file, a logo or
/// `sopc.toml` changes, until interrupted. An SOP with errors is not built,
/// so its last good PDF stays.
fn watch_build(paths: &[PathBuf], cetak: &Cetak, lang: Lang) -> Result<ExitCode, Msg> {
    if let Some(p) = paths.iter().find(|p| !sopc::sandbox::exists(p)) {
        let d = p.display();
        return Err(sopc::msg!("{d} tidak ada", "{d} does not exist"));
    }
    sopc::app::watch::watch(paths, |change| {
        for gone in &change.dihapus {
            let d = gone.display();
            let text = sopc::msg!(
                "{d} dihapus; PDF terakhirnya dibiarkan",
                "{d} was deleted; its last PDF is kept"
            );
            eprintln!("{}", text.get(lang));
        }
        if !change.sop.is_empty() {
            if let Err(m) = build(&change.sop, cetak, lang) {
                eprintln!("{}", m.get(lang));
            }
            let waiting = sopc::msg!(
                "menunggu perubahan… (Ctrl-C untuk berhenti)",
                "waiting for changes… (Ctrl-C to stop)"
            );
            eprintln!("{}", waiting.get(lang));
        }
    })?;
    Ok(ExitCode::SUCCESS)
}

fn init(dir: &std::path::Path, lang: Lang) -> Result<ExitCode, Msg> {
    use sopc::app::init::Tindakan;
    for t in sopc::app::init::init(dir)? {
        match t {
            Tindakan::Dibuat(p) => {
                println!("{}  {}", word(lang, "dibuat ", "created"), p.display())
            }
            Tindakan::SudahAda(p) => println!(
                "{}  {}",
                word(lang, "sudah ada, dibiarkan", "exists, left as is"),
                p.display()
            ),
        }
    }
    let next = Msg::new(
        "Langkah berikutnya: isi sops/_default.yaml, lalu `sopc new \"Nama SOP\"`.".to_owned(),
        "Next: fill in sops/_default.yaml, then `sopc new \"Nama SOP\"`.".to_owned(),
    );
    println!("\n{}", next.get(lang));
    Ok(ExitCode::SUCCESS)
}

fn new(
    nama: &str,
    nomor: Option<&str>,
    dir: Option<PathBuf>,
    berkas: Option<PathBuf>,
    lang: Lang,
) -> Result<ExitCode, Msg> {
    let dir = dir.unwrap_or_else(|| {
        let Ok(root) = sopc::sandbox::Root::of_dir(std::path::Path::new(".")) else {
            return PathBuf::from(".");
        };
        // A `sops` link out of the repository is kept here, and refused
        // when the SOP is written.
        let sops = root.path().join(sopc::app::init::SOPS_DIR);
        if sopc::sandbox::exists(&sops) {
            sops
        } else {
            PathBuf::from(".")
        }
    });
    let today = sopc::config::today()
        .ok_or_else(|| sopc::msg!("jam sistem tidak valid", "the system clock is invalid"))?;
    let baru = sopc::app::init::new_sop(&dir, nama, nomor, berkas.as_deref(), today)?;
    let cwd = std::env::current_dir().unwrap_or_default();
    let shown = baru.path.strip_prefix(&cwd).unwrap_or(&baru.path);
    println!("{}  {}", word(lang, "dibuat", "created"), shown.display());
    if let Some(u) = &baru.usulan {
        let (n, pola) = (&u.nomor, &u.pola);
        let text = Msg::new(
            format!("nomor usulan: {n} (pola {pola}); ubah bila perlu"),
            format!("suggested nomor: {n} (pattern {pola}); change it if needed"),
        );
        println!("{}", text.get(lang));
    }
    for f in &baru.warisan {
        let d = f.strip_prefix(&cwd).unwrap_or(f).display();
        let text = Msg::new(format!("mewarisi dari {d}"), format!("inherits from {d}"));
        println!("{}", text.get(lang));
    }
    Ok(ExitCode::SUCCESS)
}

fn man(dir: Option<&std::path::Path>) -> Result<ExitCode, Msg> {
    let io = |e: std::io::Error| {
        let why = sopc::diag::sebab_io(&e);
        Msg::new(
            format!("tidak dapat menulis halaman manual: {}", why.id),
            format!("cannot write the manual pages: {}", why.en),
        )
    };
    let cmd = command();
    match dir {
        Some(d) => {
            sopc::sandbox::create_output_dir(d).map_err(io)?;
            clap_mangen::generate_to(cmd, d).map_err(io)?;
        }
        None => {
            let mut out = Vec::new();
            clap_mangen::Man::new(cmd).render(&mut out).map_err(io)?;
            std::io::stdout().write_all(&out).map_err(io)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The command line definition with its help in Bahasa Indonesia: section
/// headings and the help and version flags (clap words them in English).
/// Parsing, completions and the man page all use it.
fn command() -> clap::Command {
    let cmd = <Cli as clap::CommandFactory>::command()
        .disable_help_subcommand(true)
        .disable_version_flag(true)
        .arg(
            clap::Arg::new("version")
                .short('V')
                .long("version")
                .action(clap::ArgAction::Version)
                .help("Menampilkan versi"),
        );
    indonesian_help(cmd, true)
}

fn indonesian_help(cmd: clap::Command, top: bool) -> clap::Command {
    let mut template = String::from("{about-with-newline}\nPenggunaan: {usage}\n");
    if top {
        template.push_str("\nPerintah:\n{subcommands}\n");
    }
    if cmd.get_positionals().next().is_some() {
        template.push_str("\nArgumen:\n{positionals}\n");
    }
    template.push_str("\nOpsi:\n{options}\n{after-help}");
    let cmd = cmd.help_template(template).disable_help_flag(true).arg(
        clap::Arg::new("help")
            .short('h')
            .long("help")
            .action(clap::ArgAction::Help)
            .global(top)
            .help("Menampilkan bantuan ini"),
    );
    if top {
        cmd.mut_subcommands(|sub| indonesian_help(sub, false))
    } else {
        cmd
    }
}

/// A command line clap could not read: the common mistakes in Bahasa
/// Indonesia (English with `--lang en`) with clap's suggestion, the rest
/// as clap words them; exit status 2. Help and version go to standard
/// output with status 0.
fn usage_error(e: &clap::Error) -> ExitCode {
    use clap::error::{ContextKind as K, ErrorKind};
    if !e.use_stderr() {
        let _ = e.print();
        return ExitCode::SUCCESS;
    }
    let args: Vec<String> = std::env::args().collect();
    let lang = if args.iter().any(|a| a == "--lang=en")
        || args.windows(2).any(|w| w[0] == "--lang" && w[1] == "en")
    {
        Lang::En
    } else {
        Lang::Id
    };
    let get = |k| e.get(k).map(|v| v.to_string()).unwrap_or_default();
    let hint = |k| {
        e.get(k)
            .map(|v| v.to_string())
            .filter(|v| !v.is_empty())
            .map(|v| {
                let (id, en) = (v.replace(", ", "` atau `"), v.replace(", ", "` or `"));
                sopc::msg!(" (apakah maksud Anda `{id}`?)", " (did you mean `{en}`?)")
            })
            .map(|m| m.get(lang).to_owned())
            .unwrap_or_default()
    };
    let m = match e.kind() {
        ErrorKind::InvalidSubcommand => {
            let (s, h) = (get(K::InvalidSubcommand), hint(K::SuggestedSubcommand));
            Some(sopc::msg!(
                "perintah `{s}` tidak dikenal{h}",
                "unknown command `{s}`{h}"
            ))
        }
        ErrorKind::UnknownArgument => {
            let (a, h) = (get(K::InvalidArg), hint(K::SuggestedArg));
            Some(sopc::msg!(
                "opsi `{a}` tidak dikenal{h}",
                "unknown option `{a}`{h}"
            ))
        }
        ErrorKind::InvalidValue => {
            let (a, v, ok) = (get(K::InvalidArg), get(K::InvalidValue), get(K::ValidValue));
            Some(sopc::msg!(
                "nilai `{v}` tidak berlaku untuk {a}; pilihan: {ok}",
                "`{v}` is not a valid value for {a}; possible values: {ok}"
            ))
        }
        ErrorKind::MissingRequiredArgument => {
            let a = get(K::InvalidArg);
            Some(sopc::msg!(
                "argumen wajib tidak diberikan: {a}",
                "a required argument is missing: {a}"
            ))
        }
        _ => None,
    };
    match m {
        Some(m) => {
            let (word, more) = match lang {
                Lang::Id => ("galat", "lihat `sopc --help`"),
                Lang::En => ("error", "see `sopc --help`"),
            };
            eprintln!(
                "{word}: {}

{more}",
                m.get(lang)
            );
        }
        None => {
            let _ = e.print();
        }
    }
    ExitCode::from(2)
}

fn word(lang: Lang, id: &'static str, en: &'static str) -> &'static str {
    if lang == Lang::Id { id } else { en }
}

/// A progress bar on standard error for batch work: drawn only on a
/// terminal, never on CI (`CI` set) or when standard error is piped, and only
/// for more than one item.
struct Bar(indicatif::ProgressBar);

impl Bar {
    fn new(lang: Lang, id: &str, en: &str) -> Bar {
        let shown = std::io::stderr().is_terminal() && std::env::var_os("CI").is_none();
        if !shown {
            return Bar(indicatif::ProgressBar::hidden());
        }
        let bar = indicatif::ProgressBar::new(0);
        let label = if lang == Lang::Id { id } else { en };
        if let Ok(style) = indicatif::ProgressStyle::with_template(&format!(
            "{label} {{bar:30}} {{pos}}/{{len}} ({{eta}})"
        )) {
            bar.set_style(style);
        }
        Bar(bar)
    }

    fn on(&self, k: sopc::app::run::Kemajuan) {
        match k {
            sopc::app::run::Kemajuan::Mulai(n) if n > 1 => self.0.set_length(n as u64),
            sopc::app::run::Kemajuan::Mulai(_) => self
                .0
                .set_draw_target(indicatif::ProgressDrawTarget::hidden()),
            sopc::app::run::Kemajuan::Satu => self.0.inc(1),
        }
    }

    fn finish(&self) {
        self.0.finish_and_clear();
    }
}

fn buku(
    dir: &std::path::Path,
    output: Option<PathBuf>,
    pilihan: sopc::app::buku::Pilihan,
    (kertas, orientasi): (Option<sopc::paper::Kertas>, Option<sopc::paper::Orientasi>),
    lang: Lang,
) -> Result<ExitCode, Msg> {
    use sopc::app::buku::Gagal;
    let mut config = sopc::app::run::config_for(dir)?;
    config.cetak.kertas = kertas.or(config.cetak.kertas);
    config.cetak.orientasi = orientasi.or(config.cetak.orientasi);
    let reports = checked(&[dir.to_owned()], &config, lang)?;
    let out = output.unwrap_or_else(|| {
        if sopc::sandbox::is_dir(dir) {
            dir.join("buku.pdf")
        } else {
            dir.with_file_name("buku.pdf")
        }
    });
    let bar = Bar::new(lang, "menyiapkan SOP", "preparing SOPs");
    let made = sopc::app::buku::buat(dir, &out, &config, &reports, &pilihan, &|k| bar.on(k));
    bar.finish();
    match made {
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
                sopc::app::report::human(&reports, lang, std::io::stderr().is_terminal())
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
