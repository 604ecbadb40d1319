//! `sopc build`: check, then write the PDFs of the SOPs without errors; one
//! line `yaml → pdf` per PDF on standard output, status 1 when one was not
//! made. `--watch` hands over to `watch`.

use crate::app::batch::{self, Bagian, BuildOutcome, Kemajuan, PaperOverride};
use crate::app::cli::{Error, args::BuildArgs, commands, progress::Bar};
use crate::app::report;
use crate::check;
use crate::diag::{Lang, Msg};
use crate::msg;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

pub fn run(args: BuildArgs, lang: Lang) -> Result<ExitCode, Error> {
    let job = PrintJob {
        output: args.output,
        paper: PaperOverride {
            kertas: args.kertas,
            orientasi: args.orientasi,
        },
        bagian: Bagian::Lengkap,
    };
    if args.watch {
        commands::watch::watch_build(&args.paths, &job, lang)
    } else {
        build(&args.paths, &job, lang)
    }
}

/// What to print and where: the options `build`, `watch` and `pengesahan`
/// share.
pub struct PrintJob {
    pub output: Option<PathBuf>,
    pub paper: PaperOverride,
    pub bagian: Bagian,
}

impl PrintJob {
    /// For `watch` and `pengesahan`, which take no paper options: the paper
    /// of sopc.toml.
    pub fn with_configured_paper(output: Option<PathBuf>, bagian: Bagian) -> PrintJob {
        PrintJob {
            output,
            paper: PaperOverride::default(),
            bagian,
        }
    }
}

/// Checks `paths`, builds the SOPs without errors as `job` says, then
/// reports the findings of the check and of the layout (`tata-letak-jalur`)
/// on standard error; status 1 when a PDF was not made.
pub fn build(paths: &[PathBuf], job: &PrintJob, lang: Lang) -> Result<ExitCode, Error> {
    let config = batch::config_for_print(&paths[0], job.paper)?;
    let mut reports = commands::check::checked(paths, &config, lang)?;
    batch::prepare_output(job.output.as_deref(), reports.len())?;
    let bar = Bar::new(lang, Msg::fixed("membuat PDF", "building PDFs"));
    bar.on(Kemajuan::Mulai(reports.len()));
    let outcomes = batch::build_with_progress(
        &reports,
        &config,
        job.output.as_deref(),
        job.bagian,
        &|| bar.on(Kemajuan::Satu),
    );
    bar.finish();
    for (r, o) in reports.iter_mut().zip(&outcomes) {
        if let BuildOutcome::Written(_, _, lepas) = o {
            // a header word the wider columns of the flowchart print whole
            r.diagnostics.retain(|d| {
                d.code != check::rules::tata_letak::KOLOM.code
                    || !d.span.is_some_and(|s| lepas.contains(&s))
            });
        }
        if let BuildOutcome::Written(_, found, _) | BuildOutcome::Refused(found) = o {
            // the layout's findings come with `[aturan]` applied
            r.diagnostics.extend(found.iter().cloned());
            check::in_order(&mut r.diagnostics);
        }
    }
    if reports.iter().any(|r| !r.diagnostics.is_empty()) {
        let color = std::io::stderr().is_terminal();
        eprint!("{}", report::human(&reports, lang, color));
    }
    let mut out = std::io::stdout().lock();
    let mut failed = false;
    for (r, o) in reports.iter().zip(&outcomes) {
        match o {
            BuildOutcome::Written(p, ..) => {
                writeln!(out, "{} → {}", r.path.display(), p.display())?
            }
            BuildOutcome::Refused(_) => {
                failed = true;
                let m = msg!(
                    "PDF tidak ditulis: diagram alirnya melanggar aturan gambar yang dijadikan galat di `[aturan]`",
                    "PDF not written: its flowchart breaks a drawing rule that `[aturan]` makes an error"
                );
                eprintln!("{}: {}", r.path.display(), m.get(lang));
            }
            BuildOutcome::Skipped(m) | BuildOutcome::Failed(m) => {
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
