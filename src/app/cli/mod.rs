//! The `sopc` command line, laid out as ripgrep's `flags` and ruff's
//! `commands`: `args` declares the arguments, `help` words what clap
//! writes itself (help, usage errors) in Bahasa Indonesia, `progress`
//! draws the progress bar, and `commands/` holds one file of glue per
//! command: read its arguments, call the library (`batch`, `buku`, `init`,
//! `watch`, `report`), print what came back, choose the exit status — 0
//! clean or warnings only, 1 findings, 2 usage or I/O.

mod args;
mod commands;
mod help;
mod progress;

use crate::diag::{Lang, Msg};
use args::Command;
use std::io::Write;
use std::process::ExitCode;

/// Reads the command line and runs its command. `Ok` carries the exit
/// status of a command that ran; `Err` one that stopped early, for `main`
/// to report.
pub fn run() -> Result<ExitCode, Failure> {
    let cli = match help::parse() {
        Ok(cli) => cli,
        Err(status) => return Ok(status),
    };
    let lang = cli.lang;
    dispatch(cli.command, lang)
        .and_then(|status| {
            std::io::stdout().flush()?;
            Ok(status)
        })
        .map_err(|error| Failure { lang, error })
}

fn dispatch(command: Command, lang: Lang) -> Result<ExitCode, Error> {
    match command {
        Command::Check(a) => commands::check::run(a, lang),
        Command::Build(a) => commands::build::run(a, lang),
        Command::Watch(a) => commands::watch::run(a, lang),
        Command::Pengesahan(a) => commands::pengesahan::run(a, lang),
        Command::Buku(a) => commands::buku::run(a, lang),
        Command::Init(a) => commands::init::run(a, lang),
        Command::New(a) => commands::new::run(a, lang),
        Command::Explain(a) => commands::explain::run(a, lang),
        Command::Schema(a) => commands::schema::run(a),
        Command::Completions(a) => commands::completions::run(a),
        Command::Man(a) => commands::man::run(a),
        Command::Impor(a) => commands::impor::run(a, lang),
    }
}

/// Why a command stopped before its work was done.
#[derive(Debug)]
pub enum Error {
    /// A path, file or setting it could not use, worded for the user.
    Msg(Msg),
    /// Standard output could not be written to.
    Stdout(std::io::Error),
}

impl From<Msg> for Error {
    fn from(m: Msg) -> Error {
        Error::Msg(m)
    }
}

/// `?` on a write to standard output; the commands write nothing else with
/// `std::io` (files go through the library, which words its own errors).
impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Error {
        Error::Stdout(e)
    }
}

impl Error {
    fn message(&self) -> Msg {
        match self {
            Error::Msg(m) => m.clone(),
            Error::Stdout(e) => {
                let why = crate::diag::sebab_io(e);
                Msg::new(
                    format!("tidak dapat menulis ke keluaran standar: {}", why.id),
                    format!("cannot write to standard output: {}", why.en),
                )
            }
        }
    }
}

/// An [`Error`] with the language of the command line it came from.
#[derive(Debug)]
pub struct Failure {
    lang: Lang,
    error: Error,
}

impl Failure {
    /// The reader of standard output went away (`sopc check sops/ | head
    /// -1`): it has what it wanted, so this is no failure.
    pub fn is_closed_pipe(&self) -> bool {
        matches!(&self.error, Error::Stdout(e) if e.kind() == std::io::ErrorKind::BrokenPipe)
    }

    /// Prints `galat: …` on standard error; exit status 2.
    pub fn report(&self) -> ExitCode {
        let word = help::error_word(self.lang);
        eprintln!("{word}: {}", self.error.message().get(self.lang));
        ExitCode::from(2)
    }
}
