//! `sopc check`: the findings in the chosen format on standard output;
//! status 1 for errors (and warnings with `--deny-warnings`).

use crate::app::batch::{self, FileReport};
use crate::app::cli::{Error, args::CheckArgs, progress::Bar};
use crate::app::report::{self, Format};
use crate::config::Config;
use crate::diag::{Lang, Msg};
use crate::msg;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

pub fn run(args: CheckArgs, lang: Lang) -> Result<ExitCode, Error> {
    let CheckArgs {
        paths,
        format,
        deny_warnings,
    } = args;
    let config = batch::config_for(&paths[0])?;
    let reports = checked(&paths, &config, lang)?;
    if reports.is_empty() && format == Format::Human {
        let where_ = paths
            .iter()
            .map(|p| p.display().to_string())
            .collect::<Vec<_>>()
            .join(", ");
        let note = msg!(
            "tidak ada berkas SOP (*.yaml) di {where_}; buat satu dengan `sopc new \"Nama SOP\"`",
            "there are no SOP files (*.yaml) in {where_}; make one with `sopc new \"Nama SOP\"`"
        );
        eprintln!("{}", note.get(lang));
    }
    let color = std::io::stdout().is_terminal();
    let text = report::render(format, &reports, lang, color);
    std::io::stdout().lock().write_all(text.as_bytes())?;
    let errors: usize = reports.iter().map(|r| r.errors()).sum();
    let warnings: usize = reports.iter().map(|r| r.warnings()).sum();
    Ok(if errors > 0 || (deny_warnings && warnings > 0) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Checks the files under `paths` with a progress bar.
pub fn checked(paths: &[PathBuf], config: &Config, lang: Lang) -> Result<Vec<FileReport>, Msg> {
    let bar = Bar::new(lang, Msg::fixed("memeriksa", "checking"));
    let reports = batch::check_paths_with_progress(paths, config, &|k| bar.on(k));
    bar.finish();
    reports
}
