//! The words clap writes itself, in Bahasa Indonesia: the help template's
//! section headings, the help and version flags, and the common usage errors
//! (English with `--lang en`).

use super::args::Cli;
use crate::diag::Lang;
use crate::msg;
use clap::{CommandFactory, FromArgMatches};
use std::process::ExitCode;

/// Reads the command line. When there is nothing to run — help or version
/// asked for (printed, status 0), or a command line clap could not read
/// (reported, status 2) — gives the exit status instead.
pub fn parse() -> Result<Cli, ExitCode> {
    command()
        .try_get_matches()
        .and_then(|m| Cli::from_arg_matches(&m))
        .map_err(|e| usage_error(&e))
}

/// The command line definition with its help in Bahasa Indonesia: section
/// headings and the help and version flags (clap words them in English).
/// Parsing, completions and the man page all use it.
pub fn command() -> clap::Command {
    let cmd = Cli::command()
        .disable_help_subcommand(true)
        .disable_version_flag(true)
        .arg(
            clap::Arg::new("version")
                .short('V')
                .long("version")
                .action(clap::ArgAction::Version)
                .help("Menampilkan versi"),
        );
    indonesian_help(cmd, true)
}

fn indonesian_help(cmd: clap::Command, top: bool) -> clap::Command {
    let mut template = String::from("{about-with-newline}\nPenggunaan: {usage}\n");
    if top {
        template.push_str("\nPerintah:\n{subcommands}\n");
    }
    if cmd.get_positionals().next().is_some() {
        template.push_str("\nArgumen:\n{positionals}\n");
    }
    template.push_str("\nOpsi:\n{options}\n{after-help}");
    let cmd = cmd.help_template(template).disable_help_flag(true).arg(
        clap::Arg::new("help")
            .short('h')
            .long("help")
            .action(clap::ArgAction::Help)
            .global(top)
            .help("Menampilkan bantuan ini"),
    );
    if top {
        cmd.mut_subcommands(|sub| indonesian_help(sub, false))
    } else {
        cmd
    }
}

/// A command line clap could not read: the common mistakes in Bahasa
/// Indonesia (English with `--lang en`) with clap's suggestion, the rest
/// as clap words them; exit status 2. Help and version go to standard
/// output with status 0.
fn usage_error(e: &clap::Error) -> ExitCode {
    use clap::error::{ContextKind as K, ErrorKind};
    if !e.use_stderr() {
        let _ = e.print();
        return ExitCode::SUCCESS;
    }
    let args: Vec<String> = std::env::args().collect();
    let lang = if args.iter().any(|a| a == "--lang=en")
        || args.windows(2).any(|w| w[0] == "--lang" && w[1] == "en")
    {
        Lang::En
    } else {
        Lang::Id
    };
    let get = |k| e.get(k).map(|v| v.to_string()).unwrap_or_default();
    let hint = |k| {
        e.get(k)
            .map(|v| v.to_string())
            .filter(|v| !v.is_empty())
            .map(|v| {
                let (id, en) = (v.replace(", ", "` atau `"), v.replace(", ", "` or `"));
                msg!(" (apakah maksud Anda `{id}`?)", " (did you mean `{en}`?)")
            })
            .map(|m| m.get(lang).to_owned())
            .unwrap_or_default()
    };
    let m = match e.kind() {
        ErrorKind::InvalidSubcommand => {
            let (s, h) = (get(K::InvalidSubcommand), hint(K::SuggestedSubcommand));
            Some(msg!(
                "perintah `{s}` tidak dikenal{h}",
                "unknown command `{s}`{h}"
            ))
        }
        ErrorKind::UnknownArgument => {
            let (a, h) = (get(K::InvalidArg), hint(K::SuggestedArg));
            Some(msg!(
                "opsi `{a}` tidak dikenal{h}",
                "unknown option `{a}`{h}"
            ))
        }
        ErrorKind::InvalidValue => {
            let (a, v, ok) = (get(K::InvalidArg), get(K::InvalidValue), get(K::ValidValue));
            Some(msg!(
                "nilai `{v}` tidak berlaku untuk {a}; pilihan: {ok}",
                "`{v}` is not a valid value for {a}; possible values: {ok}"
            ))
        }
        ErrorKind::MissingRequiredArgument => {
            let a = get(K::InvalidArg);
            Some(msg!(
                "argumen wajib tidak diberikan: {a}",
                "a required argument is missing: {a}"
            ))
        }
        _ => None,
    };
    match m {
        Some(m) => {
            let more = msg!("lihat `sopc --help`", "see `sopc --help`");
            eprintln!(
                "{}: {}\n\n{}",
                error_word(lang),
                m.get(lang),
                more.get(lang)
            );
        }
        None => {
            let _ = e.print();
        }
    }
    ExitCode::from(2)
}

/// The word that starts an error line on standard error.
pub fn error_word(lang: Lang) -> &'static str {
    crate::diag::Severity::Error.word(lang)
}
