//! `sopc explain`: one rule's documentation, or the list of all rules.

use crate::app::cli::{Error, args::ExplainArgs};
use crate::check;
use crate::diag::{self, Lang};
use crate::msg;
use std::io::Write;
use std::process::ExitCode;

pub fn run(args: ExplainArgs, lang: Lang) -> Result<ExitCode, Error> {
    let mut out = std::io::stdout().lock();
    let code = match args.code {
        Some(code) if !args.list => code,
        _ => {
            out.write_all(check::list(lang).as_bytes())?;
            return Ok(ExitCode::SUCCESS);
        }
    };
    let Some(r) = check::find_rule(&code) else {
        let hint = diag::suggest(&code, check::all_rules().map(|r| r.code))
            .map(|s| format!(" ({})", diag::did_you_mean(s).get(lang)))
            .unwrap_or_default();
        let unknown = msg!(
            "tidak ada aturan `{code}`{hint}; lihat `sopc explain --list`",
            "there is no rule `{code}`{hint}; see `sopc explain --list`"
        );
        return Err(unknown.into());
    };
    out.write_all(check::explain(r, lang).as_bytes())?;
    Ok(ExitCode::SUCCESS)
}
