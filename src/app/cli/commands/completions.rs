//! `sopc completions SHELL`: the shell completion script.

use crate::app::cli::{Error, args::CompletionsArgs, help};
use std::io::Write;
use std::process::ExitCode;

pub fn run(args: CompletionsArgs) -> Result<ExitCode, Error> {
    // Generated into memory: clap_complete panics when its writer fails.
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut help::command(), "sopc", &mut script);
    std::io::stdout().lock().write_all(&script)?;
    Ok(ExitCode::SUCCESS)
}
