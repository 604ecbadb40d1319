//! `sopc man`: the roff manual page on standard output, or every page
//! (`sopc.1` and one per command) written to a directory.

use crate::app::cli::{Error, args::ManArgs, help};
use crate::diag::Msg;
use std::io::Write;
use std::process::ExitCode;

pub fn run(args: ManArgs) -> Result<ExitCode, Error> {
    let io = |e: std::io::Error| {
        let why = crate::diag::sebab_io(&e);
        Msg::new(
            format!("tidak dapat menulis halaman manual: {}", why.id),
            format!("cannot write the manual pages: {}", why.en),
        )
    };
    let cmd = help::command();
    match args.dir {
        Some(d) => {
            crate::sandbox::create_output_dir(&d).map_err(io)?;
            clap_mangen::generate_to(cmd, &d).map_err(io)?;
        }
        None => {
            let mut page = Vec::new();
            clap_mangen::Man::new(cmd).render(&mut page).map_err(io)?;
            std::io::stdout().lock().write_all(&page)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
