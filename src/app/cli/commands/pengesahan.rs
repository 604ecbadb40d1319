//! `sopc pengesahan`: `build`, with only the lembar pengesahan for signing.

use crate::app::batch::Bagian;
use crate::app::cli::commands::build::{PrintJob, build};
use crate::app::cli::{Error, args::OutputArgs};
use crate::diag::Lang;
use std::process::ExitCode;

pub fn run(args: OutputArgs, lang: Lang) -> Result<ExitCode, Error> {
    let job = PrintJob::with_configured_paper(args.output, Bagian::Pengesahan);
    build(&args.paths, &job, lang)
}
