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

/// Why a file operation failed, in sopc's words: the operating system's
/// English text ("No such file or directory (os error 2)") never reaches a
/// user.
pub fn sebab_io(e: &std::io::Error) -> Msg {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::NotFound => msg!("tidak ada", "it does not exist"),
        K::PermissionDenied => msg!("tidak ada izin", "permission denied"),
        K::AlreadyExists => msg!("sudah ada", "it already exists"),
        K::IsADirectory => msg!(
            "berupa direktori, bukan berkas",
            "it is a directory, not a file"
        ),
        K::NotADirectory => msg!(
            "salah satu bagian jalurnya bukan direktori",
            "a part of the path is not a directory"
        ),
        K::ReadOnlyFilesystem => msg!(
            "sistem berkas hanya dapat dibaca",
            "the file system is read-only"
        ),
        K::StorageFull | K::QuotaExceeded => {
            msg!("ruang penyimpanan penuh", "no space left on the device")
        }
        K::InvalidFilename => msg!("nama berkas tidak valid", "invalid file name"),
        K::InvalidData => msg!("isinya tidak dapat dibaca", "its content cannot be read"),
        K::Interrupted | K::TimedOut | K::WouldBlock => msg!(
            "pembacaan terputus; coba lagi",
            "the operation was interrupted; try again"
        ),
        _ => match e.raw_os_error() {
            Some(n) => msg!(
                "galat sistem operasi (kode {n})",
                "operating system error (code {n})"
            ),
            None => msg!("galat masukan/keluaran", "input/output error"),
        },
    }
}

/// "tidak dapat {verb} {what}: {why}", the why from [`sebab_io`]; `verb` is
/// one of [`MEMBACA`], [`MENULIS`], [`MEMBUAT`].
pub fn gagal_io(verb: (&str, &str), what: impl std::fmt::Display, e: &std::io::Error) -> Msg {
    let why = sebab_io(e);
    Msg::new(
        format!("tidak dapat {} {what}: {}", verb.0, why.id),
        format!("cannot {} {what}: {}", verb.1, why.en),
    )
}

pub const MEMBACA: (&str, &str) = ("membaca", "read");
pub const MENULIS: (&str, &str) = ("menulis", "write");
pub const MEMBUAT: (&str, &str) = ("membuat", "create");

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
    fn io_errors_in_sopcs_words() {
        let e = std::io::Error::from(std::io::ErrorKind::NotFound);
        let m = gagal_io(MEMBACA, "sops/a.yaml", &e);
        assert_eq!(m.id, "tidak dapat membaca sops/a.yaml: tidak ada");
        assert_eq!(m.en, "cannot read sops/a.yaml: it does not exist");
        let e = std::io::Error::from_raw_os_error(1234);
        assert_eq!(sebab_io(&e).id, "galat sistem operasi (kode 1234)");
    }

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
