//! The pipeline flows one way: a module may import its own layer and the
//! layers below it, never one above. This test reads every `src/**/*.rs` and
//! fails on a `crate::…` path (a `use` or an inline path, outside comments,
//! strings and `#[cfg(test)]` items) that reaches up, the way rustc's `tidy`
//! keeps its leaf crates leaves. Unit tests may borrow fixtures from a higher
//! layer; the library itself may not.

use std::path::{Path, PathBuf};

/// Bottom to top. A new module must be given a place here.
const LAYERS: &[(&str, &[&str])] = &[
    // Leaves: spans, diagnostics, paper and column geometry, file access;
    // `msg` and `rule_doc` are diag's macros, exported at the crate root.
    (
        "base",
        &[
            "source", "diag", "paper", "sandbox", "msg", "rule_doc", "teks", "huruf", "patah",
            "kolom",
        ],
    ),
    // The typed SOP and its value grammars.
    ("model", &["model"]),
    // `sopc.toml`; it holds a `Tanggal` (today, for checks), so it sits
    // above the model and below every stage.
    ("config", &["config"]),
    ("parse", &["parse"]),
    ("check", &["check"]),
    ("layout", &["layout"]),
    ("render", &["render"]),
    // `impor` reads published PDFs and Word files back into SOP files: a
    // command like the rest of `app`.
    ("app", &["app", "impor"]),
    // The command line on top of the commands: the library's commands
    // (batch, buku, init, watch, report) never reach into it.
    ("cli", &["app::cli"]),
];

/// The files that sit on top of everything (the binary, the crate root).
const TOP: &[&str] = &["main.rs", "lib.rs"];

/// The layer of a module path (`app::cli::args`): the one naming its
/// longest prefix (`app::cli` rather than `app`).
fn layer_of_module(path: &str) -> Option<usize> {
    let within = |m: &str| path == m || path.starts_with(&format!("{m}::"));
    LAYERS
        .iter()
        .enumerate()
        .flat_map(|(i, (_, mods))| mods.iter().filter(|m| within(m)).map(move |m| (m.len(), i)))
        .max()
        .map(|(_, i)| i)
}

/// The layer of a file under `src/`, by its module path
/// (`check/rules/nip.rs` → `check::rules::nip`, `app/cli/mod.rs` → `app::cli`).
fn layer_of_file(rel: &Path) -> Option<usize> {
    let mut path = Vec::new();
    for c in rel.components() {
        let c = c.as_os_str().to_str()?;
        path.push(c.strip_suffix(".rs").unwrap_or(c));
    }
    if path.last() == Some(&"mod") {
        path.pop();
    }
    layer_of_module(&path.join("::"))
}

/// One `crate::…` path: the line it is on, its first segment and the whole
/// path up to a group or an item's end (`app::cli` of `crate::app::cli::{…}`).
#[derive(Debug, PartialEq)]
struct Import {
    line: usize,
    module: String,
    path: String,
}

impl Import {
    fn new(line: usize, path: &str) -> Import {
        let path = path.trim_end_matches(':').to_owned();
        let module = path.split("::").next().unwrap_or_default().to_owned();
        Import { line, module, path }
    }
}

/// The first segment of every `crate::…` path in `text` outside comments,
/// string and char literals and `#[cfg(test)]` items. A group
/// (`crate::{a, b::c}`) gives each of its members.
fn imports(text: &str) -> Vec<Import> {
    let s: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let (mut i, mut line) = (0, 1);
    let mut depth = 0usize;
    // Brace depth at which a `#[cfg(test)]` item started, while inside it.
    let mut test_item: Option<usize> = None;
    let mut cfg_test_pending = false;
    let at = |i: usize, pat: &str| {
        pat.chars()
            .enumerate()
            .all(|(k, c)| s.get(i + k) == Some(&c))
    };
    let ident = |c: char| c.is_alphanumeric() || c == '_';
    while i < s.len() {
        let c = s[i];
        if c == '\n' {
            line += 1;
            i += 1;
        } else if at(i, "//") {
            while i < s.len() && s[i] != '\n' {
                i += 1;
            }
        } else if at(i, "/*") {
            let mut nest = 0;
            while i < s.len() {
                if at(i, "/*") {
                    nest += 1;
                    i += 2;
                } else if at(i, "*/") {
                    nest -= 1;
                    i += 2;
                    if nest == 0 {
                        break;
                    }
                } else {
                    line += usize::from(s[i] == '\n');
                    i += 1;
                }
            }
        } else if (c == 'r' || c == 'b')
            && (i == 0 || !ident(s[i - 1]))
            && raw_start(&s, i).is_some()
        {
            let (hashes, body) = raw_start(&s, i).unwrap_or_default();
            let close: String = std::iter::once('"')
                .chain(std::iter::repeat_n('#', hashes))
                .collect();
            i = body;
            while i < s.len() && !at(i, &close) {
                line += usize::from(s[i] == '\n');
                i += 1;
            }
            i += close.len();
        } else if c == '"' {
            i += 1;
            while i < s.len() && s[i] != '"' {
                if s[i] == '\\' {
                    i += 1;
                }
                line += usize::from(s.get(i) == Some(&'\n'));
                i += 1;
            }
            i += 1;
        } else if c == '\'' {
            // A char literal ('x', '\n', '{') or a lifetime ('a).
            if s.get(i + 1) == Some(&'\\') {
                i += 3;
                while i < s.len() && s[i] != '\'' {
                    i += 1;
                }
                i += 1;
            } else if s.get(i + 2) == Some(&'\'') {
                i += 3;
            } else {
                i += 1;
            }
        } else if at(i, "#[cfg(test)]") {
            cfg_test_pending = true;
            i += "#[cfg(test)]".len();
        } else if c == '{' {
            if cfg_test_pending && test_item.is_none() {
                test_item = Some(depth);
            }
            cfg_test_pending = false;
            depth += 1;
            i += 1;
        } else if c == '}' {
            depth = depth.saturating_sub(1);
            if test_item == Some(depth) {
                test_item = None;
            }
            i += 1;
        } else if c == ';' {
            // `#[cfg(test)] use …;` or `mod tests;`: the item ends here.
            cfg_test_pending = false;
            i += 1;
        } else if ident(c) && (i == 0 || !(ident(s[i - 1]) || s[i - 1] == ':')) {
            let start = i;
            while i < s.len() && ident(s[i]) {
                i += 1;
            }
            let word: String = s[start..i].iter().collect();
            if word == "crate" && at(i, "::") && test_item.is_none() && !cfg_test_pending {
                let mut j = i + 2;
                let path_char = |c: &char| ident(*c) || *c == ':';
                let prefix: String = s[j..].iter().take_while(|c| path_char(c)).collect();
                j += prefix.len();
                if s.get(j) == Some(&'{') {
                    // Members at the group's top level: `a`, `b::{c, d}`.
                    let mut members = vec![(line, String::new())];
                    let mut nest = 0;
                    j += 1;
                    while j < s.len() && !(nest == 0 && s[j] == '}') {
                        match s[j] {
                            '{' => nest += 1,
                            '}' => nest -= 1,
                            ',' if nest == 0 => members.push((line, String::new())),
                            '\n' => line += 1,
                            c => {
                                let last = members.len() - 1;
                                let (at, m) = &mut members[last];
                                if m.trim().is_empty() {
                                    *at = line;
                                }
                                m.push(c);
                            }
                        }
                        j += 1;
                    }
                    for (at, m) in members {
                        let m: String = m.trim().chars().take_while(path_char).collect();
                        let path = match m.as_str() {
                            "" => continue,
                            "self" => prefix.clone(),
                            _ => format!("{prefix}{m}"),
                        };
                        if !path.is_empty() {
                            out.push(Import::new(at, &path));
                        }
                    }
                } else {
                    out.push(Import::new(line, &prefix));
                }
                i = j;
            }
        } else {
            i += 1;
        }
    }
    out
}

/// `r"`, `r#"`, `br"`…: the number of `#` and where the body starts.
fn raw_start(s: &[char], i: usize) -> Option<(usize, usize)> {
    let mut j = i;
    if s.get(j) == Some(&'b') {
        j += 1;
    }
    if s.get(j) != Some(&'r') {
        return None;
    }
    j += 1;
    let hashes = s[j..].iter().take_while(|&&c| c == '#').count();
    j += hashes;
    (s.get(j) == Some(&'"')).then_some((hashes, j + 1))
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("src/ is readable")
        .map(|e| e.expect("src/ entries are readable").path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

/// Every upward import (and every file or path without a layer) under `src`.
fn violations(src: &Path) -> Vec<String> {
    let order: Vec<&str> = LAYERS.iter().map(|(n, _)| *n).collect();
    let order = order.join(" < ");
    let mut files = Vec::new();
    rust_files(src, &mut files);
    let mut found = Vec::new();
    for path in files {
        let rel = path.strip_prefix(src).expect("the file lies under src/");
        let shown = Path::new("src").join(rel);
        if rel.to_str().is_some_and(|r| TOP.contains(&r)) || rel.starts_with("bin") {
            continue;
        }
        let Some(from) = layer_of_file(rel) else {
            found.push(format!(
                "{}: this module has no layer; add it to LAYERS in tests/layers.rs ({order})",
                shown.display()
            ));
            continue;
        };
        let text = std::fs::read_to_string(&path).expect("source files are UTF-8");
        for imp in imports(&text) {
            match layer_of_module(&imp.path) {
                None => found.push(format!(
                    "{}:{}: `crate::{}` names no module in LAYERS of tests/layers.rs",
                    shown.display(),
                    imp.line,
                    imp.module
                )),
                Some(to) if to > from => found.push(format!(
                    "{}:{}: layer `{}` imports `crate::{}` of the higher layer `{}` ({order})",
                    shown.display(),
                    imp.line,
                    LAYERS[from].0,
                    imp.path,
                    LAYERS[to].0
                )),
                Some(_) => {}
            }
        }
    }
    found
}

#[test]
fn no_module_imports_a_higher_layer() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let found = violations(&src);
    assert!(found.is_empty(), "upward imports:\n{}", found.join("\n"));
}

#[test]
fn the_scan_sees_paths_and_skips_comments_strings_and_tests() {
    let text = r##"//! See [`crate::app`].
use crate::diag::Msg;
use crate::{
    model::Sop,
    parse::{self, load},
};
/* crate::render in a comment */
fn f() -> char { let _ = "crate::app"; let _ = r#"crate::app "{"#; '{' }
fn g<'a>(x: &'a str) { crate::check::run(x) }
#[cfg(test)]
mod tests {
    use crate::app::run;
    fn h() { if true { crate::render::x(); } }
}
#[cfg(test)]
use crate::layout::Columns;
fn last() { crate::layout::mm(1.0); }
"##;
    let got: Vec<String> = imports(text)
        .iter()
        .map(|i| format!("{}:{}", i.line, i.module))
        .collect();
    assert_eq!(
        got,
        ["2:diag", "4:model", "5:parse", "9:check", "17:layout"]
    );
}

#[test]
fn an_upward_import_is_named_with_file_line_and_layers() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let src = dir.path();
    std::fs::create_dir_all(src.join("check/rules")).expect("mkdir");
    std::fs::write(
        src.join("check/rules/x.rs"),
        "use crate::diag::Msg;\n\nuse crate::render::RenderOptions;\n",
    )
    .expect("write");
    std::fs::write(src.join("extra.rs"), "").expect("write");
    std::fs::write(src.join("main.rs"), "use crate::app::run;\n").expect("write");
    std::fs::create_dir_all(src.join("app/cli/commands")).expect("mkdir");
    std::fs::write(
        src.join("app/cli/commands/check.rs"),
        "use crate::app::{batch, cli::Error, report::{self, Format}};\n",
    )
    .expect("write");
    std::fs::write(
        src.join("app/batch.rs"),
        "use crate::app::report;\nuse crate::app::{self, cli::progress::Bar};\n",
    )
    .expect("write");
    let order = "(base < model < config < parse < check < layout < render < app < cli)";
    assert_eq!(
        violations(src),
        [
            format!(
                "src/app/batch.rs:2: layer `app` imports `crate::app::cli::progress::Bar` of the \
                 higher layer `cli` {order}"
            ),
            format!(
                "src/check/rules/x.rs:3: layer `check` imports `crate::render::RenderOptions` of \
                 the higher layer `render` {order}"
            ),
            format!(
                "src/extra.rs: this module has no layer; add it to LAYERS in tests/layers.rs \
                 {order}"
            ),
        ]
    );
}
