//! `sopc impor`: published SOPs (PDF, DOCX) back into SOP files; the
//! command itself, which prints as it goes, is [`crate::impor::perintah()`].

use crate::app::cli::{Error, args::ImporArgs};
use crate::diag::Lang;
use crate::impor::perintah::Henti;
use std::process::ExitCode;

pub fn run(args: ImporArgs, lang: Lang) -> Result<ExitCode, Error> {
    let mut out = std::io::stdout().lock();
    match crate::impor::perintah(&args.path, args.output.as_deref(), lang, &mut out) {
        Ok(status) => Ok(ExitCode::from(status)),
        Err(Henti::Pesan(m)) => Err(Error::Msg(m)),
        Err(Henti::Keluaran(e)) => Err(Error::Stdout(e)),
    }
}
