//! Reading SOP files: bytes → text (UTF-8, BOM and CRLF accepted) → spanned
//! YAML tree → merged with the repository defaults (`_default.yaml` in the
//! SOP's directory and its parents, nearest wins, the SOP's own keys win
//! over all) → typed [`Sop`](crate::model::Sop).

pub mod convert;
mod events;
pub mod repo;
mod sebab;
pub mod tree;
pub mod yaml;

use crate::diag::{Diagnostic, Severity};
use crate::model::Sop;
use crate::msg;
use crate::source::{FileId, SourceFile, Sources, Span};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use tree::{Node, NodeKind};

/// Name of the repository defaults file.
pub const DEFAULTS_FILE: &str = "_default.yaml";
/// The same with the other YAML extension; both in one directory is an error.
pub const DEFAULTS_FILE_YML: &str = "_default.yml";

/// Largest SOP file read; larger ones are refused with a clear message.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

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

/// Reads one SOP file with the defaults that apply to it.
pub fn load(path: &Path, defaults: &DefaultsCache) -> std::io::Result<Loaded> {
    let file = match read_source(path)? {
        Ok(f) => f,
        Err(loaded) => return Ok(loaded),
    };
    let chain = defaults.chain_in(path)?;
    Ok(load_source(file, &chain))
}

/// Reads a file as text, or reports why it is not text.
fn read_source(path: &Path) -> std::io::Result<Result<Arc<SourceFile>, Loaded>> {
    use std::io::Read;
    // One open for the size and the bytes: two system calls fewer per file.
    let mut handle = std::fs::File::open(path)?;
    let meta = handle.metadata()?;
    if meta.len() > MAX_FILE_BYTES {
        let mb = meta.len() / (1024 * 1024);
        let max = MAX_FILE_BYTES / (1024 * 1024);
        return Ok(Err(whole_file_error(
            path,
            "berkas-terlalu-besar",
            msg!(
                "berkas berukuran {mb} MiB, melebihi batas {max} MiB untuk satu SOP",
                "the file is {mb} MiB, over the {max} MiB limit for one SOP"
            ),
            String::new(),
        )));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize + 1);
    handle.read_to_end(&mut bytes)?;
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Ok(Arc::new(SourceFile::new(path, text)))),
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let prefix = String::from_utf8_lossy(&bytes[..valid]).into_owned();
            let (line, col) = SourceFile::new(path, prefix.clone()).line_col(valid);
            Ok(Err(whole_file_error(
                path,
                "bukan-utf8",
                msg!(
                    "berkas bukan teks UTF-8 (byte tidak valid di baris {line}, kolom {col})",
                    "the file is not UTF-8 text (invalid byte at line {line}, column {col})"
                ),
                prefix,
            )))
        }
    }
}

fn whole_file_error(
    path: &Path,
    code: &'static str,
    message: crate::diag::Msg,
    text: String,
) -> Loaded {
    let mut sources = Sources::default();
    let end = text.len();
    let id = sources.add(Arc::new(SourceFile::new(path, text)));
    let d = Diagnostic::new(
        code,
        Severity::Error,
        Some(Span::new(id, end, end)),
        message,
    )
    .with_help(msg!(
        "simpan berkas sebagai teks UTF-8 (di editor: Save with Encoding → UTF-8)",
        "save the file as UTF-8 text (in an editor: Save with Encoding → UTF-8)"
    ));
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
    files: Mutex<HashMap<PathBuf, Option<Arc<DefaultsFile>>>>,
    /// Each directory's chain: finding the repository root asks the file
    /// system about every ancestor, which adds up over thousands of SOPs.
    chains: Mutex<HashMap<PathBuf, Arc<[Arc<DefaultsFile>]>>>,
}

impl DefaultsCache {
    /// [`Self::chain_for`], worked out once for each directory.
    fn chain_in(&self, sop_path: &Path) -> std::io::Result<Arc<[Arc<DefaultsFile>]>> {
        let dir = sop_path.parent().unwrap_or(Path::new("."));
        let chains = || self.chains.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(hit) = chains().get(dir) {
            return Ok(hit.clone());
        }
        let chain: Arc<[_]> = self.chain_for(sop_path)?.into();
        chains().insert(dir.to_owned(), chain.clone());
        Ok(chain)
    }

    /// The defaults files that apply to `sop_path`, from the repository root
    /// down to the SOP's own directory.
    pub fn chain_for(&self, sop_path: &Path) -> std::io::Result<Vec<Arc<DefaultsFile>>> {
        let dir = sop_path.parent().unwrap_or(Path::new("."));
        let root = crate::parse::repo::root_of(dir);
        let mut chain = Vec::new();
        for d in dir.ancestors() {
            let yaml = self.get(&d.join(DEFAULTS_FILE))?;
            let yml = self.get(&d.join(DEFAULTS_FILE_YML))?;
            match (yaml, yml) {
                (Some(f), Some(other)) => {
                    chain.push(f);
                    chain.push(Arc::new(conflict(&other)));
                }
                (Some(f), None) | (None, Some(f)) => chain.push(f),
                (None, None) => {}
            }
            if d == root {
                break;
            }
        }
        chain.reverse();
        Ok(chain)
    }

    fn get(&self, path: &Path) -> std::io::Result<Option<Arc<DefaultsFile>>> {
        if let Some(hit) = self.lock().get(path) {
            return Ok(hit.clone());
        }
        let entry = if path.is_file() {
            Some(Arc::new(read_defaults(path)?))
        } else {
            None
        };
        self.lock().insert(path.to_owned(), entry.clone());
        Ok(entry)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<PathBuf, Option<Arc<DefaultsFile>>>> {
        self.files.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// A second defaults file beside `_default.yaml`: reported, not merged, so
/// that no value silently depends on which of the two is read.
fn conflict(other: &DefaultsFile) -> DefaultsFile {
    let d = Diagnostic::new(
        "bawaan-ganda",
        Severity::Error,
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

fn read_defaults(path: &Path) -> std::io::Result<DefaultsFile> {
    match read_source(path)? {
        Ok(source) => {
            let node = syntax_tree(&source, FileId(0)).and_then(|n| match n.kind {
                NodeKind::Map(_) | NodeKind::Null => Ok(n),
                _ => Err(Box::new(Diagnostic::new(
                    "tipe-salah",
                    Severity::Error,
                    Some(n.span),
                    msg!(
                        "berkas bawaan `{DEFAULTS_FILE}` harus berupa pemetaan (kunci: nilai)",
                        "the defaults file `{DEFAULTS_FILE}` must be a mapping (key: value)"
                    ),
                ))),
            });
            Ok(DefaultsFile { source, node })
        }
        Err(loaded) => Ok(DefaultsFile {
            source: loaded.sources.files()[0].clone(),
            node: Err(Box::new(
                loaded
                    .diagnostics
                    .into_iter()
                    .next()
                    .expect("whole_file_error gives one diagnostic"),
            )),
        }),
    }
}
