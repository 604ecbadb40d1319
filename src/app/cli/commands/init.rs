//! `sopc init`: a new SOP repository; one line per file, made or left as
//! it was.

use crate::app::cli::{Error, args::InitArgs};
use crate::app::init::{self, Tindakan};
use crate::diag::{Lang, Msg};
use std::io::Write;
use std::process::ExitCode;

pub fn run(args: InitArgs, lang: Lang) -> Result<ExitCode, Error> {
    let mut out = std::io::stdout().lock();
    let made = Msg::new("dibuat ", "created");
    let kept = Msg::new("sudah ada, dibiarkan", "exists, left as is");
    for t in init::init(&args.dir)? {
        match t {
            Tindakan::Dibuat(p) => writeln!(out, "{}  {}", made.get(lang), p.display())?,
            Tindakan::SudahAda(p) => writeln!(out, "{}  {}", kept.get(lang), p.display())?,
        }
    }
    let next = Msg::new(
        "Langkah berikutnya: isi sops/_default.yaml, lalu `sopc new \"Nama SOP\"`.",
        "Next: fill in sops/_default.yaml, then `sopc new \"Nama SOP\"`.",
    );
    writeln!(out, "\n{}", next.get(lang))?;
    Ok(ExitCode::SUCCESS)
}
