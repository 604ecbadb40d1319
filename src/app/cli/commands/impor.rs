//! `sopc impor`: published SOPs (PDF, DOCX) back into SOP files; the
//! command itself, which prints as it goes, is [`crate::impor::perintah`].

use crate::app::cli::{Error, args::ImporArgs};
use crate::diag::Lang;
use std::process::ExitCode;

pub fn run(args: ImporArgs, lang: Lang) -> Result<ExitCode, Error> {
    Ok(ExitCode::from(crate::impor::perintah(
        &args.path,
        args.output.as_deref(),
        lang,
    )))
}
