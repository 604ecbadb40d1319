//! Why a YAML file could not be read, in sopc's own words. serde-saphyr and
//! granit-parser describe an error for a programmer ("simple key expected",
//! "use from_str_multiple"); every kind is mapped here, by its enum variant
//! and never by its text, to a [`Sebab`] that says what the writer of an SOP
//! did and how to fix it. A kind sopc does not know yet reads as "not valid
//! YAML here", never as the library's wording.

use super::rules;
use crate::diag::{Msg, Rule};
use crate::msg;
use serde_saphyr::Error;
use serde_saphyr::budget::BudgetBreach;
use serde_saphyr::granit_parser::ErrorKind;

/// Texts of the errors sopc's own visitors raise (reading keys), so that
/// they can be recognised and worded like the others.
pub const KUNCI_DAFTAR: &str = "sopc: a list cannot be a key";
pub const KUNCI_PEMETAAN: &str = "sopc: a mapping cannot be a key";

/// What went wrong, as the writer of an SOP would put it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Sebab {
    /// Too big, too many aliases, or nested too deep for the parser.
    TerlaluBesar,
    /// Nested deeper than the parser's bound.
    TerlaluDalam,
    /// A tab used as indentation.
    Tab,
    /// Indentation that does not line up.
    Indentasi,
    /// `kunci: nilai` broken: a colon where none may stand, or a key without one.
    TitikDua,
    /// A quote opened and never closed.
    KutipTerbuka,
    /// Text after the closing quote.
    SetelahKutip,
    /// `[` or `{` never closed.
    KurungTerbuka(char),
    /// `[` closed by `}` or the other way round.
    KurungTertukar { buka: char, tutup: char },
    /// A `]` or `}` with no opening bracket.
    KurungTanpaPembuka,
    /// A comma or the closing bracket was expected in a `[...]`/`{...}`.
    KomaHilang,
    /// The file ends in the middle of a value.
    BerakhirTerlaluCepat,
    /// A backslash escape that YAML does not know inside `"..."`.
    Escape,
    /// `*name` with no `&name`: usually text starting with `*` (Markdown italics).
    AliasTakDikenal,
    /// `&` or `*` with no name after it.
    JangkarTanpaNama,
    /// Text after `|` or `>` on the line that opens a block of text.
    KepalaBlok,
    /// A character that cannot start a plain value (`@`, `` ` ``, …).
    KarakterAwal(char),
    /// A character YAML does not allow in a file at all (a control
    /// character, a byte-order mark inside the text).
    TakTerlihat(crate::teks::TakTerlihat),
    /// A `#` comment glued to the text before it, or cutting a value.
    Komentar,
    /// YAML tags (`!!binary`, `!x`) and directives (`%YAML`): SOPs use neither.
    TagAtauDirektif,
    /// `---` or `...` where a value was expected; several documents in one file.
    Dokumen,
    /// A list or a mapping written as a key.
    KunciBukanTeks,
    /// Anything else.
    Lain,
}

impl Sebab {
    /// The cause of a serde-saphyr error.
    pub fn dari(e: &Error) -> Sebab {
        match e.without_snippet() {
            Error::AliasError { error, .. } => Sebab::dari(error),
            Error::ExternalMessage { source, .. } => match source.as_ref() {
                serde_saphyr::ExternalMessageSource::Parser(scan) => Sebab::pemindai(scan.kind()),
                _ => Sebab::Lain,
            },
            Error::Budget { breach, .. } => match breach {
                BudgetBreach::Depth { .. } => Sebab::TerlaluDalam,
                BudgetBreach::Documents { .. } => Sebab::Dokumen,
                _ => Sebab::TerlaluBesar,
            },
            Error::AliasReplayCounterOverflow { .. }
            | Error::AliasReplayLimitExceeded { .. }
            | Error::AliasExpansionLimitExceeded { .. }
            | Error::AliasReplayStackDepthExceeded { .. } => Sebab::TerlaluBesar,
            Error::Eof { .. } => Sebab::BerakhirTerlaluCepat,
            Error::MultipleDocuments { .. } => Sebab::Dokumen,
            Error::UnknownAnchor { .. } => Sebab::AliasTakDikenal,
            Error::InvalidBinaryBase64 { .. }
            | Error::BinaryNotUtf8 { .. }
            | Error::TaggedScalarCannotDeserializeIntoString { .. }
            | Error::BytesNotSupportedMissingBinaryTag { .. }
            | Error::TaggedEnumMismatch { .. }
            | Error::InvalidScalar { .. }
            | Error::SerdeInvalidType { .. } => Sebab::TagAtauDirektif,
            Error::Message { msg, .. } if msg == KUNCI_DAFTAR || msg == KUNCI_PEMETAAN => {
                Sebab::KunciBukanTeks
            }
            _ => Sebab::Lain,
        }
    }

    /// The cause of a granit-parser scan error.
    fn pemindai(kind: &ErrorKind) -> Sebab {
        use ErrorKind as K;
        match kind {
            K::RecursionLimitExceeded => Sebab::TerlaluDalam,
            K::InputByteLimitExceeded { .. } | K::AnchorCountOverflow => Sebab::TerlaluBesar,
            K::TabInIndentation
            | K::TabInBlockIndentation
            | K::TabNotAllowed
            | K::TabAtBlockScalarStart
            | K::TabInPlainScalar => Sebab::Tab,
            K::InvalidIndentation
            | K::ExpectedBlockSequenceEntry
            | K::BlockSequenceEntryNotAllowed
            | K::InvalidBlockScalarIndent
            | K::InvalidFlowScalarIndent
            | K::InvalidQuotedScalarIndent
            | K::ZeroBlockScalarIndent => Sebab::Indentasi,
            K::SimpleKeyExpected
            | K::InvalidSimpleKey
            | K::MappingValueNotAllowed
            | K::MappingKeyNotAllowed
            | K::ExpectedBlockMappingKey
            | K::InvalidMappingValueWhitespace
            | K::InvalidColonPlacement
            | K::FlowMappingValueAdjacentCollection => Sebab::TitikDua,
            K::UnclosedQuotedScalar => Sebab::KutipTerbuka,
            K::InvalidTrailingSingleQuotedScalar | K::InvalidTrailingDoubleQuotedScalar => {
                Sebab::SetelahKutip
            }
            K::UnclosedFlowCollection { open } => Sebab::KurungTerbuka(*open),
            K::UnexpectedEofFlowSequence => Sebab::KurungTerbuka('['),
            K::UnexpectedEofFlowMapping | K::UnexpectedEofImplicitFlowMapping => {
                Sebab::KurungTerbuka('{')
            }
            K::MismatchedFlowCollectionEnd { open, close } => Sebab::KurungTertukar {
                buka: *open,
                tutup: *close,
            },
            K::MisplacedFlowCollectionEnd => Sebab::KurungTanpaPembuka,
            K::ExpectedFlowSequenceSeparator
            | K::ExpectedFlowMappingSeparator
            | K::BlockEntryInFlowCollection => Sebab::KomaHilang,
            K::UnexpectedEof
            | K::UnexpectedEofBlockSequence
            | K::UnexpectedEofBlockMapping
            | K::ExpectedNodeContent
            | K::UnexpectedEndOfPlainScalar => Sebab::BerakhirTerlaluCepat,
            K::UnknownQuotedScalarEscape
            | K::InvalidQuotedScalarHexEscape
            | K::InvalidLowSurrogateHexEscape
            | K::InvalidLowSurrogate
            | K::MissingLowSurrogate
            | K::UnpairedLowSurrogate
            | K::InvalidUnicodeEscape => Sebab::Escape,
            K::UnknownAnchor => Sebab::AliasTakDikenal,
            K::MissingAnchorOrAliasName => Sebab::JangkarTanpaNama,
            K::InvalidBlockScalarHeader => Sebab::KepalaBlok,
            K::UnexpectedCharacter { character } => match crate::teks::tak_terlihat(*character) {
                Some(t) => Sebab::TakTerlihat(t),
                None => Sebab::KarakterAwal(*character),
            },
            K::BomInsideDocument => Sebab::TakTerlihat(
                crate::teks::tak_terlihat('\u{FEFF}').expect("U+FEFF is an invisible character"),
            ),
            K::CommentNotSeparated | K::CommentInterceptedScalar => Sebab::Komentar,
            K::ExpectedTagBang
            | K::ExpectedTagDirectiveBang
            | K::InvalidGlobalTagCharacter
            | K::UndeclaredTagHandle
            | K::InvalidTagTerminator
            | K::MissingTagUri
            | K::UnclosedVerbatimTag
            | K::InvalidTagEscape
            | K::InvalidTagUtf8LeadingByte
            | K::InvalidTagUtf8TrailingByte
            | K::InvalidTagUtf8
            | K::DuplicateVersionDirective
            | K::UnsupportedYamlMajorVersion
            | K::DuplicateTagDirective
            | K::InvalidDirectiveTerminator
            | K::DirectiveDisallowed
            | K::MissingYamlVersionSeparator
            | K::MissingDirectiveName
            | K::InvalidDirectiveName
            | K::DirectiveByteLimitExceeded { .. }
            | K::TooManyReservedDirectiveParams { .. }
            | K::YamlVersionTooLong
            | K::MissingYamlVersion
            | K::InvalidTagDirectiveTerminator => Sebab::TagAtauDirektif,
            K::InvalidDocumentEnd
            | K::ExpectedDocumentStart
            | K::MissingDocumentEndBeforeDirective
            | K::DocumentIndicatorInQuotedScalar
            | K::MultipleDocumentsUnsupported => Sebab::Dokumen,
            _ => Sebab::Lain,
        }
    }

    /// The message and its `help:`.
    pub fn pesan(&self) -> (Msg, Msg) {
        match self {
            Sebab::TerlaluBesar => (
                msg!(
                    "berkas YAML terlalu besar atau memakai alias (`*`) berlebihan; pemeriksaan dihentikan",
                    "the YAML file is too large or expands aliases (`*`) excessively; parsing stopped"
                ),
                msg!(
                    "tulis nilai secara langsung; SOP tidak memerlukan alias YAML",
                    "write values out directly; an SOP needs no YAML aliases"
                ),
            ),
            Sebab::TerlaluDalam => (
                msg!(
                    "struktur YAML bersarang terlalu dalam",
                    "YAML nesting is too deep"
                ),
                msg!(
                    "SOP paling dalam lima tingkat; periksa tanda `[`, `{{` dan `-` yang berlebih",
                    "an SOP is at most five levels deep; look for extra `[`, `{{` and `-`"
                ),
            ),
            Sebab::Tab => (
                msg!(
                    "karakter tab dipakai untuk indentasi",
                    "a tab character is used for indentation"
                ),
                msg!(
                    "YAML tidak mengizinkan karakter tab untuk indentasi; gunakan spasi",
                    "YAML does not allow tab characters for indentation; use spaces"
                ),
            ),
            Sebab::Indentasi => (
                msg!("indentasi tidak rata", "the indentation does not line up"),
                msg!(
                    "butir yang setingkat ditulis dengan jumlah spasi yang sama di awal baris",
                    "entries of one level start with the same number of spaces"
                ),
            ),
            Sebab::TitikDua => (
                msg!(
                    "kunci atau titik dua `:` tidak pada tempatnya",
                    "a key or a colon `:` is out of place"
                ),
                msg!(
                    "setiap baris pemetaan ditulis `kunci: nilai`; teks yang memuat `: ` diapit tanda kutip (\"...\")",
                    "each mapping line is `key: value`; text that holds `: ` goes between quotes (\"...\")"
                ),
            ),
            Sebab::KutipTerbuka => (
                msg!(
                    "tanda kutip dibuka tetapi tidak ditutup",
                    "a quote is opened but never closed"
                ),
                msg!(
                    "tutup tanda kutip di akhir nilai",
                    "close the quote at the end of the value"
                ),
            ),
            Sebab::SetelahKutip => (
                msg!(
                    "ada teks setelah tanda kutip penutup",
                    "there is text after the closing quote"
                ),
                msg!(
                    "apit seluruh nilai dengan tanda kutip, atau hapus tanda kutipnya",
                    "put the whole value between quotes, or remove the quotes"
                ),
            ),
            Sebab::KurungTerbuka(buka) => {
                let tutup = penutup(*buka);
                (
                    msg!(
                        "`{buka}` dibuka tetapi tidak ditutup dengan `{tutup}`",
                        "`{buka}` is opened but never closed with `{tutup}`"
                    ),
                    msg!(
                        "tambahkan `{tutup}` di akhir daftar, atau apit teks yang diawali `{buka}` dengan tanda kutip",
                        "add `{tutup}` at the end of the list, or quote text that starts with `{buka}`"
                    ),
                )
            }
            Sebab::KurungTertukar { buka, tutup } => {
                let benar = penutup(*buka);
                (
                    msg!(
                        "`{buka}` ditutup dengan `{tutup}`",
                        "`{buka}` is closed with `{tutup}`"
                    ),
                    msg!("tutup dengan `{benar}`", "close it with `{benar}`"),
                )
            }
            Sebab::KurungTanpaPembuka => (
                msg!(
                    "`]` atau `}}` tanpa pembuka",
                    "`]` or `}}` without an opening bracket"
                ),
                msg!(
                    "hapus kurung ini, atau apit teksnya dengan tanda kutip",
                    "remove the bracket, or quote the text"
                ),
            ),
            Sebab::KomaHilang => (
                msg!(
                    "koma atau kurung penutup diharapkan di sini",
                    "a comma or the closing bracket is expected here"
                ),
                msg!(
                    "pisahkan butir `[a, b]` dengan koma; teks yang memuat koma atau titik dua diapit tanda kutip",
                    "separate the entries of `[a, b]` with commas; quote text holding a comma or a colon"
                ),
            ),
            Sebab::BerakhirTerlaluCepat => (
                msg!(
                    "nilai terputus: berkas atau baris berakhir sebelum nilai selesai",
                    "a value is cut short: the file or line ends before it is complete"
                ),
                msg!(
                    "lengkapi nilai pada baris ini, atau apit teksnya dengan tanda kutip",
                    "complete the value on this line, or quote the text"
                ),
            ),
            Sebab::Escape => (
                msg!(
                    "garis miring terbalik `\\` di dalam tanda kutip ganda memulai kode escape yang tidak dikenal",
                    "a backslash `\\` inside double quotes starts an unknown escape"
                ),
                msg!(
                    "pakai tanda kutip tunggal ('...'), atau tulis `\\\\` untuk satu garis miring terbalik",
                    "use single quotes ('...'), or write `\\\\` for one backslash"
                ),
            ),
            Sebab::AliasTakDikenal => (
                msg!(
                    "`*` di awal nilai dibaca sebagai alias YAML yang tidak ada",
                    "a `*` at the start of a value reads as a YAML alias that does not exist"
                ),
                msg!(
                    "apit teks yang diawali `*` (mis. huruf miring *Front Desk*) dengan tanda kutip",
                    "quote text that starts with `*` (e.g. italics *Front Desk*)"
                ),
            ),
            Sebab::JangkarTanpaNama => (
                msg!(
                    "`&` atau `*` di awal nilai memulai jangkar atau alias YAML tanpa nama",
                    "a `&` or `*` at the start of a value begins a YAML anchor or alias with no name"
                ),
                msg!(
                    "apit teks yang diawali `&` atau `*` dengan tanda kutip",
                    "quote text that starts with `&` or `*`"
                ),
            ),
            Sebab::KepalaBlok => (
                msg!(
                    "setelah `|` atau `>` hanya boleh ada `-`, `+`, angka indentasi atau komentar",
                    "after `|` or `>` only `-`, `+`, an indentation digit or a comment may follow"
                ),
                msg!(
                    "mulai teksnya pada baris berikutnya, menjorok ke dalam",
                    "start the text on the next line, indented"
                ),
            ),
            Sebab::KarakterAwal(c) => {
                let kode = format!("U+{:04X}", u32::from(*c));
                (
                    msg!(
                        "karakter `{c}` ({kode}) tidak boleh mengawali nilai tanpa tanda kutip",
                        "the character `{c}` ({kode}) cannot start a value without quotes"
                    ),
                    msg!(
                        "apit nilainya dengan tanda kutip (\"...\")",
                        "put the value between quotes (\"...\")"
                    ),
                )
            }
            Sebab::TakTerlihat(t) => {
                let (id, en) = t.sebut();
                (
                    msg!(
                        "karakter tak terlihat {id} tidak boleh ada dalam berkas YAML",
                        "the invisible character {en} is not allowed in a YAML file"
                    ),
                    msg!(
                        "hapus karakter ini; biasanya terbawa saat menyalin dari pengolah kata",
                        "delete this character; it usually comes with text copied from a word processor"
                    ),
                )
            }
            Sebab::Komentar => (
                msg!(
                    "`#` memulai komentar di tempat yang salah",
                    "a `#` starts a comment in the wrong place"
                ),
                msg!(
                    "beri spasi sebelum `#` komentar, atau apit teks yang memuat ` #` dengan tanda kutip",
                    "put a space before a `#` comment, or quote text that holds ` #`"
                ),
            ),
            Sebab::TagAtauDirektif => (
                msg!(
                    "tag YAML (`!`, `!!binary`) atau direktif (`%`) tidak dipakai dalam SOP",
                    "YAML tags (`!`, `!!binary`) and directives (`%`) are not used in an SOP"
                ),
                msg!(
                    "tulis nilainya sebagai teks biasa; apit teks yang diawali `!` atau `%` dengan tanda kutip",
                    "write the value as plain text; quote text that starts with `!` or `%`"
                ),
            ),
            Sebab::Dokumen => (
                msg!(
                    "satu berkas SOP berisi satu dokumen YAML; `---` atau `...` di sini memulai atau mengakhiri dokumen",
                    "one SOP file holds one YAML document; `---` or `...` here starts or ends a document"
                ),
                msg!(
                    "satu SOP per berkas: pindahkan SOP berikutnya ke berkasnya sendiri, atau apit teks `---` dengan tanda kutip",
                    "one SOP per file: move the next SOP to a file of its own, or quote the text `---`"
                ),
            ),
            Sebab::KunciBukanTeks => (
                msg!(
                    "daftar atau pemetaan tidak dapat menjadi kunci",
                    "a list or a mapping cannot be a key"
                ),
                msg!(
                    "kunci adalah teks sebelum `:`; apit teks yang diawali `[`, `{{` atau `?` dengan tanda kutip",
                    "a key is the text before `:`; quote text that starts with `[`, `{{` or `?`"
                ),
            ),
            Sebab::Lain => (
                msg!(
                    "susunan YAML tidak valid di sini",
                    "the YAML structure is not valid here"
                ),
                msg!(
                    "periksa indentasi, titik dua setelah kunci, dan tanda kutip pada baris ini",
                    "check the indentation, the colon after each key and the quotes on this line"
                ),
            ),
        }
    }

    /// The rule the finding is reported under: only a bound breached is
    /// `yaml-terlalu-besar` (a file nested too deep is a shape no SOP has,
    /// so a syntax finding).
    pub fn rule(&self) -> &'static Rule {
        match self {
            Sebab::TerlaluBesar => &rules::YAML_TERLALU_BESAR,
            Sebab::TerlaluDalam
            | Sebab::Tab
            | Sebab::Indentasi
            | Sebab::TitikDua
            | Sebab::KutipTerbuka
            | Sebab::SetelahKutip
            | Sebab::KurungTerbuka(_)
            | Sebab::KurungTertukar { .. }
            | Sebab::KurungTanpaPembuka
            | Sebab::KomaHilang
            | Sebab::BerakhirTerlaluCepat
            | Sebab::Escape
            | Sebab::AliasTakDikenal
            | Sebab::JangkarTanpaNama
            | Sebab::KepalaBlok
            | Sebab::KarakterAwal(_)
            | Sebab::TakTerlihat(_)
            | Sebab::Komentar
            | Sebab::TagAtauDirektif
            | Sebab::Dokumen
            | Sebab::KunciBukanTeks
            | Sebab::Lain => &rules::YAML_SINTAKS,
        }
    }
}

fn penutup(buka: char) -> char {
    match buka {
        '{' => '}',
        _ => ']',
    }
}
