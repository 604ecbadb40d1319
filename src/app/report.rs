//! Output formats of `sopc check`, all rendered from the same diagnostics:
//! human (miette, with source snippets), JSON (stable, documented in the
//! README), GitHub workflow annotations, GitLab Code Quality and SARIF 2.1.0.

use crate::app::batch::FileReport;
use crate::diag::{Diagnostic, Lang, Msg, Severity};
use crate::msg;
use crate::source::{SourceFile, Sources};
use serde_json::{Value, json};
use std::fmt::Write as _;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// teks dengan cuplikan sumber (bawaan)
    Human,
    /// JSON yang stabil (`"versi": 1`)
    Json,
    /// anotasi GitHub Actions (dan ringkasan di $GITHUB_STEP_SUMMARY)
    Github,
    /// laporan Code Quality GitLab (`artifacts:reports:codequality`)
    Gitlab,
    /// SARIF 2.1.0
    Sarif,
}

/// The report of `reports` in `format`, as `sopc check` prints it. With
/// `github`, the Markdown summary also goes to the file
/// `$GITHUB_STEP_SUMMARY` names, when it is set.
pub fn render(format: Format, reports: &[FileReport], lang: Lang, color: bool) -> String {
    match format {
        Format::Human => human(reports, lang, color),
        Format::Json => json(reports, lang),
        Format::Github => {
            append_step_summary(reports, lang);
            github(reports, lang)
        }
        Format::Gitlab => gitlab(reports, lang),
        Format::Sarif => sarif(reports, lang),
    }
}

/// Appends [`github_summary`] to the job summary file GitHub Actions names.
/// Best effort: a summary that cannot be written never fails the check,
/// whose annotations already carry every finding.
fn append_step_summary(reports: &[FileReport], lang: Lang) {
    let Some(summary) = std::env::var_os("GITHUB_STEP_SUMMARY") else {
        return;
    };
    let md = github_summary(reports, lang);
    let _ = crate::sandbox::append_to(std::path::Path::new(&summary), &md);
}

/// Place of a diagnostic: path, line and column (1-based) of start and end.
pub struct Place {
    pub path: String,
    pub line: usize,
    pub col: usize,
    pub end_line: usize,
    pub end_col: usize,
}

pub fn place(d: &Diagnostic, sources: &Sources, fallback: &std::path::Path) -> Place {
    let Some((span, file)) = d.span.and_then(|s| Some((s, sources.get(s.file)?))) else {
        // no span, or one into an unknown file: the start of the SOP
        return Place {
            path: fallback.display().to_string(),
            line: 1,
            col: 1,
            end_line: 1,
            end_col: 1,
        };
    };
    let (line, col) = file.line_col(span.start as usize);
    let (end_line, end_col) = file.line_col(span.end as usize);
    Place {
        path: file.path.display().to_string(),
        line,
        col,
        end_line,
        end_col,
    }
}

/// Human output: each finding with its snippet, then a summary per file.
pub fn human(reports: &[FileReport], lang: Lang, color: bool) -> String {
    let handler = handler(color);
    let mut out = String::new();
    // A finding in a defaults file is the same for every SOP that inherits
    // it: shown once, then only counted.
    let mut shown = std::collections::HashSet::new();
    let mut repeated = 0;
    for r in reports {
        for d in &r.diagnostics {
            if inherited(d, r).is_some_and(|key| !shown.insert(key)) {
                repeated += 1;
                continue;
            }
            finding(&handler, d, &r.sources, lang, &mut out);
        }
        let _ = writeln!(out, "{}", summary_line(r, lang));
    }
    if repeated > 0 {
        let note = msg!(
            "({repeated} temuan di berkas bawaan yang sama tidak diulang)",
            "({repeated} findings in the same defaults file not repeated)"
        );
        let _ = writeln!(out, "{}", note.get(lang));
    }
    if reports.len() > 1 {
        let n = reports.len();
        let e: usize = reports.iter().map(FileReport::errors).sum();
        let w: usize = reports.iter().map(FileReport::warnings).sum();
        let total = msg!(
            "{n} SOP diperiksa: {e} galat, {w} peringatan",
            "{n} SOPs checked: {e} errors, {w} warnings"
        );
        let _ = writeln!(out, "{}", total.get(lang));
    }
    out
}

/// The findings alone, as `human` shows them, without colour (the rule
/// snapshots pin this text).
pub fn human_findings(diags: &[Diagnostic], sources: &Sources, lang: Lang) -> String {
    let handler = handler(false);
    let mut out = String::new();
    for d in diags {
        finding(&handler, d, sources, lang, &mut out);
    }
    out
}

fn handler(color: bool) -> miette::GraphicalReportHandler {
    miette::GraphicalReportHandler::new_themed(if color {
        miette::GraphicalTheme::unicode()
    } else {
        miette::GraphicalTheme::unicode_nocolor()
    })
    .with_width(100)
}

/// One finding with its snippet, then a blank line.
fn finding(
    handler: &miette::GraphicalReportHandler,
    d: &Diagnostic,
    sources: &Sources,
    lang: Lang,
    out: &mut String,
) {
    let diag = to_miette(d, sources, lang);
    let _ = handler.render_report(out, diag.as_ref());
    out.push('\n');
}

/// For a finding in another file than the SOP itself (a defaults file):
/// that file, the span and the code, which identify it across SOPs.
fn inherited(
    d: &Diagnostic,
    r: &FileReport,
) -> Option<(std::path::PathBuf, u32, u32, &'static str)> {
    let span = d.span?;
    let file = r.sources.get(span.file)?;
    (file.path != r.path).then(|| (file.path.clone(), span.start, span.end, d.code))
}

fn summary_line(r: &FileReport, lang: Lang) -> String {
    let path = r.path.display();
    let (e, w) = (r.errors(), r.warnings());
    let Some(h) = &r.hasil else {
        return msg!("{path}: {e} galat", "{path}: {e} errors")
            .get(lang)
            .to_owned();
    };
    let jam = r.jam_kerja_per_hari;
    let total = h.jumlah.format(jam);
    let steps = r.sop.as_ref().map_or(0, |s| s.steps().len());
    let paths = h
        .jalur
        .as_ref()
        .map(|(s, l)| (s.format(jam), l.format(jam)));
    let jalur = paths.map_or(Msg::fixed("", ""), |(a, b)| {
        msg!(
            " (jalur terpendek {a}, terpanjang {b})",
            " (shortest path {a}, longest {b})"
        )
    });
    let (jalur_id, jalur_en) = (&jalur.id, &jalur.en);
    msg!(
        "{path}: {steps} langkah, JUMLAH {total}{jalur_id}; {e} galat, {w} peringatan",
        "{path}: {steps} steps, total {total}{jalur_en}; {e} errors, {w} warnings"
    )
    .get(lang)
    .to_owned()
}

fn to_miette(
    d: &Diagnostic,
    sources: &Sources,
    lang: Lang,
) -> Box<dyn miette::Diagnostic + Send + Sync> {
    let mut m = miette::MietteDiagnostic::new(d.message.get(lang).to_owned())
        .with_code(d.code)
        .with_severity(match d.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
        });
    if let Some(h) = &d.help {
        m = m.with_help(h.get(lang).to_owned());
    }
    let Some(span) = d.span else {
        return Box::new(m);
    };
    let Some(file) = sources.get(span.file) else {
        return Box::new(m);
    };
    let mut labels = vec![miette::LabeledSpan::new_primary_with_span(
        None,
        shown(file, span.range()),
    )];
    for l in d.labels.iter().filter(|l| l.span.file == span.file) {
        labels.push(miette::LabeledSpan::new_with_span(
            Some(l.message.get(lang).to_owned()),
            shown(file, l.span.range()),
        ));
    }
    m = m.with_labels(labels);
    Box::new(WithSource {
        inner: m,
        src: Snippet {
            name: file.path.display().to_string(),
            file: file.clone(),
        },
    })
}

/// Most bytes of a span that a snippet underlines: a finding about a whole
/// list or a huge value shows its beginning, so that the output of one
/// finding stays small whatever the file.
const MAX_SHOWN: usize = 1024;
/// Bytes of a long line shown on either side of a finding.
const WINDOW: usize = 120;

/// `range` cut to [`MAX_SHOWN`] bytes, on a character boundary.
fn shown(file: &SourceFile, range: std::ops::Range<usize>) -> std::ops::Range<usize> {
    let start = range.start.min(file.text.len());
    let end = range
        .end
        .clamp(start, (start + MAX_SHOWN).min(file.text.len()));
    start..file.text.floor_char_boundary(end)
}

#[derive(Debug)]
struct WithSource {
    inner: miette::MietteDiagnostic,
    src: Snippet,
}

/// The source of a finding for miette. miette's own reading of a text scans
/// it from the start for every finding (quadratic in the number of
/// findings) and prints whole lines (one-line JSON prints the whole file,
/// and a column past 65,535 overflows its formatting); this one finds the
/// lines by the file's line index and shows at most [`WINDOW`] bytes of a
/// long line around the finding.
#[derive(Debug)]
struct Snippet {
    name: String,
    file: std::sync::Arc<SourceFile>,
}

impl Snippet {
    /// Where a snippet starts: `before` context lines above the line of
    /// `start`, as long as they are short, and never more than [`WINDOW`]
    /// bytes before `start` on its own line; `start` itself without context.
    fn start(&self, start: usize, before: usize) -> usize {
        if before == 0 {
            // miette asks so for the line and column of the header
            return start;
        }
        let f = &self.file;
        let line = f.line_index(start);
        let own = f.line_range(line).start;
        if start - own > WINDOW {
            return f.text.floor_char_boundary(start - WINDOW);
        }
        let mut from = own;
        for l in (line.saturating_sub(before)..line).rev() {
            let r = f.line_range(l);
            if r.len() > WINDOW {
                break;
            }
            from = r.start;
        }
        from
    }

    /// Where a snippet ends: the end of the line of `end` and `after` short
    /// lines below it, or [`WINDOW`] bytes after `end` on a long line.
    fn end(&self, end: usize, after: usize) -> usize {
        let f = &self.file;
        let line = f.line_index(end.saturating_sub(1));
        let own = f.line_range(line).end;
        if own.saturating_sub(end) > WINDOW {
            return f.text.ceil_char_boundary(end + WINDOW);
        }
        let mut to = own.max(end);
        for l in line + 1..=line + after {
            let r = f.line_range(l);
            if r.is_empty() || r.len() > WINDOW {
                break;
            }
            to = r.end;
        }
        to
    }
}

impl miette::SourceCode for Snippet {
    fn read_span<'a>(
        &'a self,
        span: &miette::SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn miette::SpanContents<'a> + 'a>, miette::MietteError> {
        let text = &self.file.text;
        let (start, end) = (span.offset(), span.offset() + span.len());
        if end > text.len() || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            return Err(miette::MietteError::OutOfBounds);
        }
        let from = self.start(start, context_lines_before);
        let to = self.end(end, context_lines_after).max(from);
        let (line, col) = self.file.line_col(from);
        let lines = self.file.line_index(to) + 1 - (line - 1);
        Ok(Box::new(miette::MietteSpanContents::new_named(
            self.name.clone(),
            &text.as_bytes()[from..to],
            (from, to - from).into(),
            line - 1,
            col - 1,
            lines,
        )))
    }
}

impl std::fmt::Display for WithSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.inner.fmt(f)
    }
}
impl std::error::Error for WithSource {}
impl miette::Diagnostic for WithSource {
    fn code<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
        self.inner.code()
    }
    fn severity(&self) -> Option<miette::Severity> {
        self.inner.severity()
    }
    fn help<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
        self.inner.help()
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = miette::LabeledSpan> + '_>> {
        self.inner.labels()
    }
    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(&self.src)
    }
}

/// One path for the JSON output: its steps (numbered from 1), who carries
/// out each — a list for every step, of several names for a parallel row,
/// which is one step of the path and counts its `waktu` once — and its total.
fn jalur_json(j: &crate::model::alur::Jalur, r: &FileReport) -> Value {
    let steps = r.sop.as_ref().map_or(&[][..], |s| s.steps());
    let pelaksana: Vec<Vec<&str>> = j
        .langkah
        .iter()
        .map(|&i| {
            steps
                .get(i)
                .map(|s| s.pelaksana_nama().map(|p| p.as_str()).collect())
                .unwrap_or_default()
        })
        .collect();
    json!({
        "langkah": j.langkah.iter().map(|i| i + 1).collect::<Vec<_>>(),
        "pelaksana": pelaksana,
        "waktu": j.format(r.jam_kerja_per_hari),
    })
}

/// JSON output (schema documented in README, `"versi": 1`).
pub fn json(reports: &[FileReport], lang: Lang) -> String {
    let files: Vec<Value> = reports
        .iter()
        .map(|r| {
            let diags: Vec<Value> = r
                .diagnostics
                .iter()
                .map(|d| {
                    let p = place(d, &r.sources, &r.path);
                    json!({
                        "kode": d.code,
                        "tingkat": d.severity,
                        "pesan": d.message.get(lang),
                        "bantuan": d.help.as_ref().map(|h| h.get(lang)),
                        "berkas": p.path,
                        "baris": p.line, "kolom": p.col,
                        "baris_akhir": p.end_line, "kolom_akhir": p.end_col,
                    })
                })
                .collect();
            let hasil = r.hasil.as_ref().map(|h| {
                json!({
                    "keterkaitan": h.tautan.iter().map(|(i, p)| json!({"butir": i + 1, "berkas": p.display().to_string()})).collect::<Vec<_>>(),
                    "jumlah_waktu": h.jumlah.format(r.jam_kerja_per_hari),
                    "jalur_terpendek": h.jalur.as_ref().map(|(s, _)| jalur_json(s, r)),
                    "jalur_terpanjang": h.jalur.as_ref().map(|(_, l)| jalur_json(l, r)),
                })
            });
            json!({
                "berkas": r.path.display().to_string(),
                "nomor": r.sop.as_ref().and_then(|s| s.nomor.as_ref()).map(|n| n.as_str()),
                "nama": r.sop.as_ref().and_then(|s| s.nama.as_ref()).map(|n| n.as_str()),
                "langkah": r.sop.as_ref().map(|s| s.steps().len()),
                "hasil": hasil,
                "galat": r.errors(),
                "peringatan": r.warnings(),
                "temuan": diags,
            })
        })
        .collect();
    let errors: usize = reports.iter().map(FileReport::errors).sum();
    let warnings: usize = reports.iter().map(FileReport::warnings).sum();
    let v = json!({"versi": 1, "berkas": files, "galat": errors, "peringatan": warnings});
    serde_json::to_string_pretty(&v).expect("JSON values serialise") + "\n"
}

/// GitHub workflow commands, one per finding.
pub fn github(reports: &[FileReport], lang: Lang) -> String {
    let mut out = String::new();
    let mut shown = std::collections::HashSet::new();
    for r in reports {
        for d in &r.diagnostics {
            // one annotation for a defaults-file line, however many SOPs inherit it
            if inherited(d, r).is_some_and(|key| !shown.insert(key)) {
                continue;
            }
            let p = place(d, &r.sources, &r.path);
            let kind = if d.severity == Severity::Error {
                "error"
            } else {
                "warning"
            };
            let mut text = d.message.get(lang).to_owned();
            if let Some(h) = &d.help {
                let _ = write!(text, " — {}", h.get(lang));
            }
            let _ = writeln!(
                out,
                "::{kind} file={},line={},col={},endLine={},endColumn={},title={}::{}",
                escape_prop(&p.path),
                p.line,
                p.col,
                p.end_line,
                p.end_col,
                escape_prop(d.code),
                escape_data(&text)
            );
        }
    }
    out
}

/// A Markdown table of all findings, for `$GITHUB_STEP_SUMMARY` (GitHub shows
/// only 10 annotations per step).
pub fn github_summary(reports: &[FileReport], lang: Lang) -> String {
    let errors: usize = reports.iter().map(FileReport::errors).sum();
    let warnings: usize = reports.iter().map(FileReport::warnings).sum();
    let n = reports.len();
    let mut out = msg!(
        "## sopc check\n\n{n} berkas, {errors} galat, {warnings} peringatan\n\n| berkas | baris | tingkat | kode | pesan |\n|---|---|---|---|---|\n",
        "## sopc check\n\n{n} files, {errors} errors, {warnings} warnings\n\n| file | line | severity | code | message |\n|---|---|---|---|---|\n"
    )
    .get(lang)
    .to_owned();
    for r in reports {
        for d in &r.diagnostics {
            let p = place(d, &r.sources, &r.path);
            let _ = writeln!(
                out,
                "| {} | {} | {} | `{}` | {} |",
                markdown_cell(&p.path),
                p.line,
                d.severity.word(lang),
                d.code,
                markdown_cell(d.message.get(lang))
            );
        }
    }
    out
}

/// A value as the text of one Markdown table cell: a line break cannot end
/// the row and no character starts Markdown or HTML (a file name or a value
/// quoted in a message comes from the pull request).
fn markdown_cell(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}') {
            out.push(' ');
        } else {
            if c.is_ascii_punctuation() {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out
}

fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_prop(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// GitLab Code Quality report: a JSON array of Code Climate issues. The
/// fingerprint hashes path, code, line and message, so an unchanged finding
/// keeps its identity between pipelines.
pub fn gitlab(reports: &[FileReport], lang: Lang) -> String {
    let issues: Vec<Value> = reports
        .iter()
        .flat_map(|r| r.diagnostics.iter().map(move |d| (r, d)))
        .map(|(r, d)| {
            let p = place(d, &r.sources, &r.path);
            let path = p.path.replace('\\', "/");
            let message = d.message.get(lang);
            let fingerprint = fnv1a(&[&path, d.code, &p.line.to_string(), message]);
            json!({
                "description": message,
                "check_name": d.code,
                "fingerprint": format!("{fingerprint:016x}"),
                "severity": if d.severity == Severity::Error { "major" } else { "minor" },
                "location": {"path": path, "lines": {"begin": p.line, "end": p.end_line}},
            })
        })
        .collect();
    serde_json::to_string_pretty(&Value::Array(issues)).expect("JSON values serialise") + "\n"
}

/// FNV-1a over the parts, separated by a zero byte: stable across Rust
/// releases, unlike `DefaultHasher`.
fn fnv1a(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in parts.iter().flat_map(|p| p.bytes().chain([0])) {
        h = (h ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Bytes kept as they are in a relative URI reference: RFC 3986's unreserved
/// characters and the `/` between segments. Everything else — spaces, `#`,
/// `?`, `%`, `:` (which would read as a scheme), non-ASCII — is
/// percent-encoded as UTF-8.
const URI_PATH: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~')
    .remove(b'/');

/// A file path as a relative URI reference (SARIF `artifactLocation.uri`).
fn uri_reference(path: &str) -> String {
    percent_encoding::utf8_percent_encode(&path.replace('\\', "/"), URI_PATH).to_string()
}

/// SARIF 2.1.0 log.
pub fn sarif(reports: &[FileReport], lang: Lang) -> String {
    let rules: Vec<Value> = crate::check::all_rules()
        .map(|r| {
            json!({
                "id": r.code,
                "shortDescription": {"text": r.title.get(lang)},
                "fullDescription": {"text": r.doc.get(lang)},
                "defaultConfiguration": {"level": if r.severity == Severity::Error { "error" } else { "warning" }},
                "properties": {"sumber": r.sumber},
            })
        })
        .collect();
    let results: Vec<Value> = reports
        .iter()
        .flat_map(|r| r.diagnostics.iter().map(move |d| (r, d)))
        .map(|(r, d)| {
            let p = place(d, &r.sources, &r.path);
            json!({
                "ruleId": d.code,
                "level": if d.severity == Severity::Error { "error" } else { "warning" },
                "message": {"text": d.message.get(lang)},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": uri_reference(&p.path)},
                    "region": {"startLine": p.line, "startColumn": p.col, "endLine": p.end_line, "endColumn": p.end_col}
                }}]
            })
        })
        .collect();
    let v = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{"tool": {"driver": {"name": "sopc", "version": env!("CARGO_PKG_VERSION"), "rules": rules}}, "results": results}]
    });
    serde_json::to_string_pretty(&v).expect("JSON values serialise") + "\n"
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_markdown_cell_cannot_end_its_row_or_start_markdown() {
        assert_eq!(
            super::markdown_cell("a\n| x |\r\n# <b>[l](u)"),
            "a \\| x \\|  \\# \\<b\\>\\[l\\]\\(u\\)"
        );
    }
}
