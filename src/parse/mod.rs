//! Reading SOP files: bytes → text (UTF-8, BOM and CRLF accepted) → spanned
//! YAML tree → merged with the repository defaults (`_default.yaml` in the
//! SOP's directory and its parents, nearest wins, the SOP's own keys win
//! over all) → typed [`crate::model::Sop`].

pub mod citra;
pub mod convert;
mod events;
pub mod repo;
pub mod rules;
mod sebab;
pub mod tree;
pub mod yaml;

use crate::diag::{Diagnostic, Msg, Rule};
use crate::model::Sop;
use crate::msg;
use crate::sandbox::{self, Galat, Jenis, Root};
use crate::source::{FileId, SourceFile, Sources, Span};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use tree::{Node, NodeKind};

/// Name of the repository defaults file.
pub const DEFAULTS_FILE: &str = "_default.yaml";
/// The same with the other YAML extension; both in one directory is an error.
pub const DEFAULTS_FILE_YML: &str = "_default.yml";

/// One SOP as read: its sources, the SOP (absent when the YAML itself is
/// broken) and what reading found.
#[derive(Debug)]
pub struct Loaded {
    pub sources: Sources,
    pub sop: Option<Sop>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Parses SOP text with no defaults (tests, standard input, editors).
pub fn parse_str(path: impl Into<PathBuf>, text: &str) -> Loaded {
    let file = Arc::new(SourceFile::new(path, text));
    load_source(file, &[])
}

/// Reads one SOP file through the repository sandbox with the defaults
/// that apply to it. A file that cannot be read — vanished, unreadable, a
/// link out of the repository, a FIFO — is a finding, never an abort.
pub fn load(path: &Path, defaults: &DefaultsCache) -> Loaded {
    let (root, chain) = match defaults.chain_in(path) {
        Ok(found) => found,
        Err(galat) => return unreadable(path, galat, Jenis::Sop),
    };
    let file = match read_source(&root, path, Jenis::Sop) {
        Ok(f) => f,
        Err(loaded) => return *loaded,
    };
    load_source(file, &chain)
}

/// The finding for a file that could not be read: its path and why, never
/// a byte of its content.
pub fn unreadable(path: &Path, galat: Galat, jenis: Jenis) -> Loaded {
    whole_file_error(
        path,
        rules::reading_rule(galat),
        galat.pesan(path, jenis),
        galat.saran(),
        String::new(),
    )
}

/// Reads a file as text, or reports why it cannot be read or is not text.
fn read_source(root: &Root, path: &Path, jenis: Jenis) -> Result<Arc<SourceFile>, Box<Loaded>> {
    let bytes = root
        .read(path, jenis)
        .map_err(|g| Box::new(unreadable(path, g, jenis)))?;
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Arc::new(SourceFile::new(path, text))),
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let prefix = String::from_utf8_lossy(&bytes[..valid]).into_owned();
            let (line, col) = SourceFile::new(path, prefix.clone()).line_col(valid);
            Err(Box::new(whole_file_error(
                path,
                &rules::BUKAN_UTF8,
                msg!(
                    "berkas bukan teks UTF-8 (byte tidak valid di baris {line}, kolom {col})",
                    "the file is not UTF-8 text (invalid byte at line {line}, column {col})"
                ),
                msg!(
                    "simpan berkas sebagai teks UTF-8 (di editor: Save with Encoding → UTF-8)",
                    "save the file as UTF-8 text (in an editor: Save with Encoding → UTF-8)"
                ),
                prefix,
            )))
        }
    }
}

fn whole_file_error(
    path: &Path,
    rule: &'static Rule,
    message: Msg,
    help: Msg,
    text: String,
) -> Loaded {
    let mut sources = Sources::default();
    let end = text.len();
    let id = sources.add(Arc::new(SourceFile::new(path, text)));
    let d = Diagnostic::new(rule, Some(Span::new(id, end, end)), message).with_help(help);
    Loaded {
        sources,
        sop: None,
        diagnostics: vec![d],
    }
}

/// Parses the text of `source` (registered as `file`) into a [`Node`].
/// An empty document gives a `Null` node; callers decide what that means.
/// Plain YAML takes the direct road of `events`; the rest, and every
/// error, goes through serde-saphyr ([`yaml`]).
pub fn syntax_tree(source: &SourceFile, file: FileId) -> Result<Node, Box<Diagnostic>> {
    if !source.text.trim().is_empty()
        && let Some(node) = events::parse(source, file)
    {
        return Ok(node);
    }
    yaml::parse(source, file)
}

fn load_source(file: Arc<SourceFile>, chain: &[Arc<DefaultsFile>]) -> Loaded {
    let mut sources = Sources::default();
    let id = sources.add(file.clone());
    let mut diagnostics = Vec::new();
    let mut root = match syntax_tree(&file, id) {
        Ok(n) => n,
        Err(d) => {
            return Loaded {
                sources,
                sop: None,
                diagnostics: vec![*d],
            };
        }
    };
    // Nearest defaults first: each fills only what is still missing.
    for defaults in chain.iter().rev() {
        match &defaults.node {
            Ok(node) => {
                let fid = sources.add(defaults.source.clone());
                let mut node = node.clone();
                set_file(&mut node, fid);
                merge_missing(&mut root, node);
            }
            Err(d) => {
                let fid = sources.add(defaults.source.clone());
                let mut d = (**d).clone();
                if let Some(s) = d.span.as_mut() {
                    s.file = fid;
                }
                diagnostics.push(d);
            }
        }
    }
    let sop = convert::sop(&root, &mut diagnostics);
    // A document that is not a mapping has nothing for the rules to check.
    let is_map = matches!(root.kind, NodeKind::Map(_));
    Loaded {
        sources,
        sop: is_map.then_some(sop),
        diagnostics,
    }
}

/// Adds the keys of `defaults` that `target` lacks; mappings merge key by key,
/// anything else in `target` wins whole.
fn merge_missing(target: &mut Node, defaults: Node) {
    if let (NodeKind::Map(entries), NodeKind::Map(def_entries)) = (&mut target.kind, defaults.kind)
    {
        for (key, value) in def_entries {
            match entries.iter_mut().find(|(k, _)| k.name == key.name) {
                Some((_, existing)) => merge_missing(existing, value),
                None => entries.push((key, value)),
            }
        }
    }
}

fn set_file(node: &mut Node, file: FileId) {
    node.span.file = file;
    match &mut node.kind {
        NodeKind::Seq(items) => items.iter_mut().for_each(|n| set_file(n, file)),
        NodeKind::Map(entries) => entries.iter_mut().for_each(|(k, v)| {
            k.span.file = file;
            set_file(v, file);
        }),
        _ => {}
    }
}

/// A parsed defaults file.
#[derive(Debug)]
pub struct DefaultsFile {
    pub source: Arc<SourceFile>,
    /// The tree (spans in file 0), or why it could not be read.
    pub node: Result<Node, Box<Diagnostic>>,
}

/// Defaults files, each read once however many SOPs inherit from it.
#[derive(Debug, Default)]
pub struct DefaultsCache {
    /// By canonical path.
    files: Mutex<HashMap<PathBuf, Option<Arc<DefaultsFile>>>>,
    /// Each directory's repository root and chain: finding the root asks the
    /// file system about every ancestor, which adds up over thousands of
    /// SOPs.
    chains: Mutex<HashMap<PathBuf, Chain>>,
}

/// A directory's repository root and the defaults that apply in it.
type Chain = (Root, Arc<[Arc<DefaultsFile>]>);

impl DefaultsCache {
    /// The root and the defaults chain of an SOP, worked out once for each
    /// directory.
    fn chain_in(&self, sop_path: &Path) -> Result<Chain, Galat> {
        let dir = sop_path.parent().unwrap_or(Path::new("."));
        let chains = || self.chains.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(hit) = chains().get(dir) {
            return Ok(hit.clone());
        }
        let (root, chain) = self.chain_at(dir)?;
        let found: Chain = (root, chain.into());
        chains().insert(dir.to_owned(), found.clone());
        Ok(found)
    }

    /// The defaults files that apply to `sop_path`, from the repository root
    /// down to the SOP's own directory.
    pub fn chain_for(&self, sop_path: &Path) -> Result<Vec<Arc<DefaultsFile>>, Galat> {
        let dir = sop_path.parent().unwrap_or(Path::new("."));
        Ok(self.chain_at(dir)?.1)
    }

    /// The chain of the canonical `dir`: however the SOP's path is spelled
    /// and wherever sopc runs, the same files, and none above the root.
    fn chain_at(&self, dir: &Path) -> Result<(Root, Vec<Arc<DefaultsFile>>), Galat> {
        let real = sandbox::canonical(dir)?;
        let root = Root::of_dir(&real)?;
        let mut chain = Vec::new();
        for d in real.ancestors() {
            let yaml = self.get(&root, &d.join(DEFAULTS_FILE));
            let yml = self.get(&root, &d.join(DEFAULTS_FILE_YML));
            match (yaml, yml) {
                (Some(f), Some(other)) => {
                    chain.push(f);
                    chain.push(Arc::new(conflict(&other)));
                }
                (Some(f), None) | (None, Some(f)) => chain.push(f),
                (None, None) => {}
            }
            if d == root.path() {
                break;
            }
        }
        chain.reverse();
        Ok((root, chain))
    }

    fn get(&self, root: &Root, path: &Path) -> Option<Arc<DefaultsFile>> {
        if let Some(hit) = self.lock().get(path) {
            return hit.clone();
        }
        // A link counts as there, wherever it points: the sandbox then
        // refuses it with a finding instead of skipping it silently.
        let entry = sandbox::exists(path).then(|| Arc::new(read_defaults(root, path)));
        self.lock().insert(path.to_owned(), entry.clone());
        entry
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<PathBuf, Option<Arc<DefaultsFile>>>> {
        self.files.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// A path as shown to the user: relative to the working directory when it
/// lies below it (`sops/_default.yaml` beside `sops/a.yaml`), else absolute.
fn shown(path: &Path) -> PathBuf {
    let cwd = std::env::current_dir().and_then(|d| d.canonicalize());
    match cwd {
        Ok(cwd) if cwd.parent().is_some() => path.strip_prefix(&cwd).unwrap_or(path).to_owned(),
        _ => path.to_owned(),
    }
}

/// A second defaults file beside `_default.yaml`: reported, not merged, so
/// that no value silently depends on which of the two is read.
fn conflict(other: &DefaultsFile) -> DefaultsFile {
    let d = Diagnostic::new(
        &rules::BAWAAN_GANDA,
        Some(Span::new(FileId(0), 0, 0)),
        msg!(
            "ada dua berkas bawaan di direktori ini, `{DEFAULTS_FILE}` dan `{DEFAULTS_FILE_YML}`; berkas ini tidak dipakai",
            "there are two defaults files in this directory, `{DEFAULTS_FILE}` and `{DEFAULTS_FILE_YML}`; this one is not used"
        ),
    )
    .with_help(msg!(
        "gabungkan isinya ke `{DEFAULTS_FILE}` lalu hapus berkas ini",
        "merge its content into `{DEFAULTS_FILE}`, then delete this file"
    ));
    DefaultsFile {
        source: other.source.clone(),
        node: Err(Box::new(d)),
    }
}

fn read_defaults(root: &Root, path: &Path) -> DefaultsFile {
    let path = &shown(path);
    match read_source(root, path, Jenis::Bawaan) {
        Ok(source) => {
            let node = syntax_tree(&source, FileId(0)).and_then(|n| match n.kind {
                NodeKind::Map(_) | NodeKind::Null => Ok(n),
                _ => Err(Box::new(Diagnostic::new(
                    &rules::TIPE_SALAH,
                    Some(n.span),
                    msg!(
                        "berkas bawaan `{DEFAULTS_FILE}` harus berupa pemetaan (kunci: nilai)",
                        "the defaults file `{DEFAULTS_FILE}` must be a mapping (key: value)"
                    ),
                ))),
            });
            DefaultsFile { source, node }
        }
        Err(loaded) => {
            let Loaded {
                sources,
                diagnostics,
                ..
            } = *loaded;
            DefaultsFile {
                source: sources.files()[0].clone(),
                node: Err(Box::new(
                    diagnostics
                        .into_iter()
                        .next()
                        .expect("whole_file_error gives one diagnostic"),
                )),
            }
        }
    }
}
