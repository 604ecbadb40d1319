//! Diagnostics: one value per finding — stable code, severity, a message in
//! Bahasa Indonesia and English, a `help:` and the exact span — from which every
//! output format (human, JSON, GitHub, SARIF) is rendered.

use crate::source::Span;
use serde::Serialize;

/// Language of the messages a user reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Lang {
    /// Bahasa Indonesia (default)
    #[default]
    Id,
    /// English
    En,
}

/// A text in both languages.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Msg {
    pub id: String,
    pub en: String,
}

impl Msg {
    pub fn new(id: impl Into<String>, en: impl Into<String>) -> Msg {
        Msg {
            id: id.into(),
            en: en.into(),
        }
    }
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Id => &self.id,
            Lang::En => &self.en,
        }
    }
}

/// `msg!("… {x} …", "… {x} …")`: a [`Msg`] from two format strings.
#[macro_export]
macro_rules! msg {
    ($id:expr, $en:expr $(,)?) => {
        $crate::diag::Msg {
            id: format!($id),
            en: format!($en),
        }
    };
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

impl Severity {
    pub fn word(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Severity::Error, Lang::Id) => "galat",
            (Severity::Warning, Lang::Id) => "peringatan",
            (Severity::Error, Lang::En) => "error",
            (Severity::Warning, Lang::En) => "warning",
        }
    }
}

/// A secondary place that explains the finding ("first written here").
#[derive(Clone, Debug, PartialEq)]
pub struct Label {
    pub span: Span,
    pub message: Msg,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    /// Stable rule code, e.g. `nip-tanggal-lahir`.
    pub code: &'static str,
    pub severity: Severity,
    pub message: Msg,
    pub help: Option<Msg>,
    /// Where the finding is; `None` only for findings about a file as a whole.
    pub span: Option<Span>,
    pub labels: Vec<Label>,
}

impl Diagnostic {
    pub fn new(code: &'static str, severity: Severity, span: Option<Span>, message: Msg) -> Self {
        Diagnostic {
            code,
            severity,
            message,
            help: None,
            span,
            labels: Vec::new(),
        }
    }

    pub fn with_help(mut self, help: Msg) -> Self {
        self.help = Some(help);
        self
    }

    pub fn with_label(mut self, span: Span, message: Msg) -> Self {
        self.labels.push(Label { span, message });
        self
    }

    /// Adds a secondary label in place (for findings built through `Ctx::report`).
    pub fn with_label_mut(&mut self, span: Span, message: Msg) -> &mut Self {
        self.labels.push(Label { span, message });
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Closest candidate to a misspelt word, when it is close enough to be a
/// plausible typo ("apakah maksud Anda …?").
pub fn suggest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let lower = word.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(&lower, &c.to_lowercase()), c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// An error of a domain parser (NIP, pangkat, dasar hukum, tanggal): its
/// message and its fix, each in Bahasa Indonesia and English built side by
/// side so the twins stay in step.
pub trait Kesalahan {
    /// (Indonesian, English) message.
    fn teks(&self) -> (String, String);
    /// (Indonesian, English) fix.
    fn petunjuk(&self) -> (String, String);

    /// Message in Bahasa Indonesia.
    fn pesan(&self) -> String {
        self.teks().0
    }
    /// Message in English.
    fn message_en(&self) -> String {
        self.teks().1
    }
    /// How to fix it, in Bahasa Indonesia.
    fn saran(&self) -> Option<String> {
        Some(self.petunjuk().0)
    }
    /// How to fix it, in English.
    fn help_en(&self) -> Option<String> {
        Some(self.petunjuk().1)
    }
    /// The message of a diagnostic.
    fn msg(&self) -> Msg {
        let (id, en) = self.teks();
        Msg::new(id, en)
    }
    /// The `help:` of a diagnostic.
    fn help(&self) -> Option<Msg> {
        let (id, en) = self.petunjuk();
        Some(Msg::new(id, en))
    }
}

/// A `help:` from a parser error's Indonesian hint and its English twin
/// (the Indonesian text stands in when there is no twin).
pub fn bantuan(id: Option<String>, en: Option<String>) -> Option<Msg> {
    id.map(|id| {
        let en = en.unwrap_or_else(|| id.clone());
        Msg::new(id, en)
    })
}

/// The standard "did you mean" help.
pub fn did_you_mean(candidate: &str) -> Msg {
    msg!(
        "apakah maksud Anda `{candidate}`?",
        "did you mean `{candidate}`?"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_keys_only() {
        let keys = ["kualifikasi_pelaksana", "keterkaitan", "peringatan"];
        assert_eq!(
            suggest("kualifkasi_pelaksana", keys),
            Some("kualifikasi_pelaksana")
        );
        assert_eq!(suggest("xyz", keys), None);
    }
}
