//! The progress bar on standard error for batch work (checking, building,
//! preparing the book's SOPs).

use crate::app::batch::Kemajuan;
use crate::diag::{Lang, Msg};
use std::io::IsTerminal;

/// Drawn only on a terminal, never on CI (`CI` set) or when standard error
/// is piped, and only for more than one item.
pub struct Bar(indicatif::ProgressBar);

impl Bar {
    pub fn new(lang: Lang, label: Msg) -> Bar {
        let shown = std::io::stderr().is_terminal() && std::env::var_os("CI").is_none();
        if !shown {
            return Bar(indicatif::ProgressBar::hidden());
        }
        let bar = indicatif::ProgressBar::new(0);
        let label = label.get(lang);
        if let Ok(style) = indicatif::ProgressStyle::with_template(&format!(
            "{label} {{bar:30}} {{pos}}/{{len}} ({{eta}})"
        )) {
            bar.set_style(style);
        }
        Bar(bar)
    }

    pub fn on(&self, k: Kemajuan) {
        match k {
            Kemajuan::Mulai(n) if n > 1 => self.0.set_length(n as u64),
            Kemajuan::Mulai(_) => self
                .0
                .set_draw_target(indicatif::ProgressDrawTarget::hidden()),
            Kemajuan::Satu => self.0.inc(1),
        }
    }

    pub fn finish(&self) {
        self.0.finish_and_clear();
    }
}
