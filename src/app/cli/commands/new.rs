//! `sopc new`: a new SOP from the template; prints the file written (from
//! the working directory), the suggested nomor and the defaults inherited.

use crate::app::cli::{Error, args::NewArgs};
use crate::app::init;
use crate::diag::{Lang, Msg};
use crate::msg;
use std::io::Write;
use std::process::ExitCode;

pub fn run(args: NewArgs, lang: Lang) -> Result<ExitCode, Error> {
    let today = crate::config::today()
        .ok_or_else(|| msg!("jam sistem tidak valid", "the system clock is invalid"))?;
    let baru = init::new_sop(
        args.dir.as_deref(),
        &args.nama,
        args.nomor.as_deref(),
        args.berkas.as_deref(),
        today,
    )?;
    let cwd = std::env::current_dir().unwrap_or_default();
    let shown = baru.path.strip_prefix(&cwd).unwrap_or(&baru.path);
    let mut out = std::io::stdout().lock();
    let made = Msg::new("dibuat", "created");
    writeln!(out, "{}  {}", made.get(lang), shown.display())?;
    if let Some(u) = &baru.usulan {
        let (n, pola) = (&u.nomor, &u.pola);
        let text = msg!(
            "nomor usulan: {n} (pola {pola}); ubah bila perlu",
            "suggested nomor: {n} (pattern {pola}); change it if needed"
        );
        writeln!(out, "{}", text.get(lang))?;
    }
    for f in &baru.warisan {
        let d = f.strip_prefix(&cwd).unwrap_or(f).display();
        let text = msg!("mewarisi dari {d}", "inherits from {d}");
        writeln!(out, "{}", text.get(lang))?;
    }
    Ok(ExitCode::SUCCESS)
}
