//! `sopc watch` (and `build --watch`): build, then rebuild on every change
//! until interrupted.

use crate::app::batch::Bagian;
use crate::app::cli::commands::build::{PrintJob, build};
use crate::app::cli::{Error, args::OutputArgs};
use crate::diag::Lang;
use crate::msg;
use std::path::PathBuf;
use std::process::ExitCode;

pub fn run(args: OutputArgs, lang: Lang) -> Result<ExitCode, Error> {
    let job = PrintJob::with_configured_paper(args.output, Bagian::Lengkap);
    watch_build(&args.paths, &job, lang)
}

/// Builds, then rebuilds whenever a YAML file, a defaults file, a logo or
/// `sopc.toml` changes, until interrupted. An SOP with errors is not built,
/// so its last good PDF stays.
pub fn watch_build(paths: &[PathBuf], job: &PrintJob, lang: Lang) -> Result<ExitCode, Error> {
    if let Some(p) = paths.iter().find(|p| !crate::sandbox::exists(p)) {
        let d = p.display();
        return Err(msg!("{d} tidak ada", "{d} does not exist").into());
    }
    crate::app::watch::watch(paths, |change| {
        for gone in &change.dihapus {
            let d = gone.display();
            let text = msg!(
                "{d} dihapus; PDF terakhirnya dibiarkan",
                "{d} was deleted; its last PDF is kept"
            );
            eprintln!("{}", text.get(lang));
        }
        if !change.sop.is_empty() {
            if let Err(e) = build(&change.sop, job, lang) {
                eprintln!("{}", e.message().get(lang));
            }
            let waiting = msg!(
                "menunggu perubahan… (Ctrl-C untuk berhenti)",
                "waiting for changes… (Ctrl-C to stop)"
            );
            eprintln!("{}", waiting.get(lang));
        }
    })?;
    Ok(ExitCode::SUCCESS)
}
