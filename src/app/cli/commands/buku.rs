//! `sopc buku`: the book of a repository's SOPs; status 1 when an SOP has
//! errors or the PDF could not be made, 2 for a missing or unusable input.

use crate::app::batch::{self, PaperOverride};
use crate::app::buku::{self, Gagal, Pilihan};
use crate::app::cli::{Error, args::BukuArgs, commands, help, progress::Bar};
use crate::app::report;
use crate::diag::{Lang, Msg};
use crate::msg;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

pub fn run(args: BukuArgs, lang: Lang) -> Result<ExitCode, Error> {
    let BukuArgs {
        dir,
        output,
        judul,
        tahun,
        keputusan,
        penjelasan,
        kertas,
        orientasi,
    } = args;
    let pilihan = Pilihan {
        judul,
        tahun,
        keputusan,
        penjelasan,
    };
    let config = batch::config_for_print(&dir, PaperOverride { kertas, orientasi })?;
    let reports = commands::check::checked(std::slice::from_ref(&dir), &config, lang)?;
    let bar = Bar::new(lang, Msg::fixed("menyiapkan SOP", "preparing SOPs"));
    let made = buku::buat(&dir, output.as_deref(), &config, &reports, &pilihan, &|k| {
        bar.on(k)
    });
    bar.finish();
    match made {
        Ok(l) => {
            let pages = Msg::new("halaman", "pages");
            let (n, pdf, halaman) = (l.sop.len(), l.pdf.display(), l.halaman);
            writeln!(
                std::io::stdout().lock(),
                "{n} SOP → {pdf} ({halaman} {})",
                pages.get(lang)
            )?;
            Ok(ExitCode::SUCCESS)
        }
        Err(Gagal::SopBergalat(files)) => {
            let color = std::io::stderr().is_terminal();
            eprint!("{}", report::human(&reports, lang, color));
            let head = msg!(
                "buku tidak dibuat; SOP berikut memiliki galat:",
                "no book was made; these SOPs have errors:"
            );
            let tail = msg!(
                "perbaiki dulu (lihat `sopc check`)",
                "fix them first (see `sopc check`)"
            );
            eprintln!("{}", head.get(lang));
            for f in &files {
                eprintln!("  {}", f.display());
            }
            eprintln!("{}", tail.get(lang));
            Ok(ExitCode::from(1))
        }
        Err(Gagal::Masukan(m)) => Err(m.into()),
        Err(Gagal::Cetak(m)) => {
            eprintln!("{}: {}", help::error_word(lang), m.get(lang));
            Ok(ExitCode::from(1))
        }
    }
}
