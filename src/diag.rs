//! Diagnostics: one value per finding — stable code, severity, a message in
//! Bahasa Indonesia and English, a `help:` and the exact span — from which every
//! output format (human, JSON, GitHub, SARIF) is rendered.

use crate::source::Span;
use serde::Serialize;
use std::borrow::Cow;

/// Language of the messages a user reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Lang {
    /// Bahasa Indonesia (default)
    #[default]
    Id,
    /// English
    En,
}

/// A text in both languages: the one type for every word a user reads, from
/// a rule's title to a parser's `help:`. Written side by side so the twins
/// stay in step; fixed texts are `const` ([`Msg::fixed`]), formatted ones come
/// from [`msg!`](crate::msg).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Msg {
    pub id: Cow<'static, str>,
    pub en: Cow<'static, str>,
}

impl Msg {
    pub fn new(id: impl Into<Cow<'static, str>>, en: impl Into<Cow<'static, str>>) -> Msg {
        Msg {
            id: id.into(),
            en: en.into(),
        }
    }

    /// A fixed text, usable in a `static` (a rule's title and documentation).
    pub const fn fixed(id: &'static str, en: &'static str) -> Msg {
        Msg {
            id: Cow::Borrowed(id),
            en: Cow::Borrowed(en),
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Id => &self.id,
            Lang::En => &self.en,
        }
    }

    /// This text inside a frame written once for both languages
    /// (`tanggal.efektif: {}`), e.g. to prefix the key a parser error is about.
    pub fn within(&self, frame: impl Fn(&str) -> String) -> Msg {
        Msg::new(frame(&self.id), frame(&self.en))
    }
}

/// `msg!("… {x} …", "… {x} …")`: a [`Msg`] from two format strings.
#[macro_export]
macro_rules! msg {
    ($id:expr, $en:expr $(,)?) => {
        $crate::diag::Msg::new(format!($id), format!($en))
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
        static GALAT: Msg = Msg::fixed("galat", "error");
        static PERINGATAN: Msg = Msg::fixed("peringatan", "warning");
        match self {
            Severity::Error => &GALAT,
            Severity::Warning => &PERINGATAN,
        }
        .get(lang)
    }
}

/// A rule: its stable code, default severity and documentation. Every
/// finding is made under one (`Diagnostic::new` takes the rule, never a bare
/// code), and `check`'s registry lists them all, the way rustc's
/// `rustc_error_codes` does; the rules themselves live beside the code that
/// finds them (`check/rules/`, and the reading rules in `parse/rules.rs`).
#[derive(Debug)]
pub struct Rule {
    /// Stable code, kebab-case Indonesian (`nip-tanggal-lahir`).
    pub code: &'static str,
    pub severity: Severity,
    /// One line: what the rule finds.
    pub title: Msg,
    /// The regulation or standard it comes from; `None` for sopc's own
    /// safeguards (its *Mengapa* says why).
    pub sumber: Option<&'static str>,
    /// Markdown in the sections of [`DOC_SECTIONS`], written with
    /// [`rule_doc!`](crate::rule_doc).
    pub doc: Msg,
}

/// A rule's documentation ([`Rule::doc`]) from its four sections, each in
/// both languages; a section's example (`code:`, a fenced block) is written
/// once and shown in both. The headings are those of [`DOC_SECTIONS`], so a
/// rule cannot leave one out (`every_rule_documents_the_same_sections`
/// checks the result).
///
/// ```ignore
/// doc: rule_doc! {
///     apa: { id: "…", en: "…" },
///     mengapa: { id: "…", en: "…" },
///     contoh: { code: "```yaml\nnip: \"1968\"\n```" },
///     perbaikan: { id: "…", en: "…", code: "```yaml\n…\n```" },
/// },
/// ```
#[macro_export]
macro_rules! rule_doc {
    (
        apa: { $($apa:tt)* },
        mengapa: { $($mengapa:tt)* },
        contoh: { $($contoh:tt)* },
        perbaikan: { $($perbaikan:tt)* } $(,)?
    ) => {
        $crate::diag::Msg::fixed(
            concat!(
                "## Apa yang diperiksa\n\n", $crate::rule_doc!(@id $($apa)*),
                "\n\n## Mengapa\n\n", $crate::rule_doc!(@id $($mengapa)*),
                "\n\n## Contoh\n\n", $crate::rule_doc!(@id $($contoh)*),
                "\n\n## Perbaikan\n\n", $crate::rule_doc!(@id $($perbaikan)*),
            ),
            concat!(
                "## What it checks\n\n", $crate::rule_doc!(@en $($apa)*),
                "\n\n## Why\n\n", $crate::rule_doc!(@en $($mengapa)*),
                "\n\n## Example\n\n", $crate::rule_doc!(@en $($contoh)*),
                "\n\n## Fix\n\n", $crate::rule_doc!(@en $($perbaikan)*),
            ),
        )
    };
    (@id id: $id:literal, en: $en:literal $(,)?) => { $id };
    (@en id: $id:literal, en: $en:literal $(,)?) => { $en };
    (@id id: $id:literal, en: $en:literal, code: $code:literal $(,)?) => { concat!($id, "\n", $code) };
    (@en id: $id:literal, en: $en:literal, code: $code:literal $(,)?) => { concat!($en, "\n", $code) };
    (@id code: $code:literal $(,)?) => { $code };
    (@en code: $code:literal $(,)?) => { $code };
}

/// The headings every rule's documentation has, in this order.
pub static DOC_SECTIONS: [Msg; 4] = [
    Msg::fixed("Apa yang diperiksa", "What it checks"),
    Msg::fixed("Mengapa", "Why"),
    Msg::fixed("Contoh", "Example"),
    Msg::fixed("Perbaikan", "Fix"),
];

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
    /// A finding of `rule`, at its default severity.
    pub fn new(rule: &'static Rule, span: Option<Span>, message: Msg) -> Self {
        Diagnostic {
            code: rule.code,
            severity: rule.severity,
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

/// An error of a domain parser (NIP, pangkat, dasar hukum, tanggal, waktu):
/// what is wrong and how to fix it.
pub trait Kesalahan {
    /// The message of a diagnostic.
    fn message(&self) -> Msg;
    /// The `help:` of a diagnostic, when there is a fix to offer.
    fn help(&self) -> Option<Msg>;
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
pub fn gagal_io(verb: Msg, what: impl std::fmt::Display, e: &std::io::Error) -> Msg {
    let why = sebab_io(e);
    let (verb_id, verb_en, why_id, why_en) = (&verb.id, &verb.en, &why.id, &why.en);
    msg!(
        "tidak dapat {verb_id} {what}: {why_id}",
        "cannot {verb_en} {what}: {why_en}"
    )
}

pub const MEMBACA: Msg = Msg::fixed("membaca", "read");
pub const MENULIS: Msg = Msg::fixed("menulis", "write");
pub const MEMBUAT: Msg = Msg::fixed("membuat", "create");

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
