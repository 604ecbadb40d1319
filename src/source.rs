//! Source files and byte spans: every value sopc reads keeps the place it came
//! from, so a finding can point at the exact line and column — also when the
//! value was inherited from a repository defaults file.

use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Index of a file within one [`Sources`] set (0 is the SOP itself).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub struct FileId(pub u32);

/// A byte range in one source file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct Span {
    pub file: FileId,
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(file: FileId, start: usize, end: usize) -> Span {
        let clamp = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        Span {
            file,
            start: clamp(start),
            end: clamp(end.max(start)),
        }
    }

    pub fn range(&self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }

    /// The smallest span covering both (same file assumed; the first wins otherwise).
    pub fn join(self, other: Span) -> Span {
        if self.file != other.file {
            return self;
        }
        Span {
            file: self.file,
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }

    /// A sub-range of this span, given as byte offsets relative to its start.
    pub fn part(self, rel: std::ops::Range<usize>) -> Span {
        let len = (self.end - self.start) as usize;
        let start = rel.start.min(len);
        let end = rel.end.clamp(start, len);
        Span::new(
            self.file,
            self.start as usize + start,
            self.start as usize + end,
        )
    }
}

/// A value together with where it was written.
#[derive(Clone, Debug, PartialEq)]
pub struct Sp<T> {
    pub value: T,
    pub span: Span,
}

impl<T> Sp<T> {
    pub fn new(value: T, span: Span) -> Sp<T> {
        Sp { value, span }
    }
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Sp<U> {
        Sp {
            value: f(self.value),
            span: self.span,
        }
    }
    pub fn as_ref(&self) -> Sp<&T> {
        Sp {
            value: &self.value,
            span: self.span,
        }
    }
}

impl<T> std::ops::Deref for Sp<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

// The JSON Schema describes what users write, so a spanned value has the schema
// of the value itself.
impl<T: schemars::JsonSchema> schemars::JsonSchema for Sp<T> {
    fn inline_schema() -> bool {
        T::inline_schema()
    }
    fn schema_name() -> std::borrow::Cow<'static, str> {
        T::schema_name()
    }
    fn schema_id() -> std::borrow::Cow<'static, str> {
        T::schema_id()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        T::json_schema(generator)
    }
}

impl<T: serde::Serialize> serde::Serialize for Sp<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.value.serialize(s)
    }
}

/// One source file, its text (without a UTF-8 BOM) and its line starts.
#[derive(Debug)]
pub struct SourceFile {
    pub path: PathBuf,
    pub text: String,
    /// Worked out on the first question about a line: most files checked
    /// have no finding at all. With it, whether the text is all ASCII (a
    /// column is then a byte count, found without counting characters).
    lines: std::sync::OnceLock<(Vec<usize>, bool)>,
}

impl SourceFile {
    pub fn new(path: impl Into<PathBuf>, text: impl Into<String>) -> SourceFile {
        let mut text: String = text.into();
        if text.starts_with('\u{feff}') {
            text.drain(..'\u{feff}'.len_utf8());
        }
        SourceFile {
            path: path.into(),
            text,
            lines: std::sync::OnceLock::new(),
        }
    }

    fn line_starts(&self) -> &[usize] {
        &self.lines().0
    }

    fn lines(&self) -> &(Vec<usize>, bool) {
        self.lines.get_or_init(|| {
            let starts = std::iter::once(0)
                .chain(self.text.match_indices('\n').map(|(i, _)| i + 1))
                .collect();
            (starts, self.text.is_ascii())
        })
    }

    /// 0-based index of the line holding a byte offset (by a binary search
    /// over the line starts, so that a report of many findings stays linear).
    pub fn line_index(&self, offset: usize) -> usize {
        let offset = offset.min(self.text.len());
        match self.line_starts().binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        }
    }

    /// Byte range of a 0-based line, its line end included; the end of the
    /// text for a line past the last.
    pub fn line_range(&self, line: usize) -> std::ops::Range<usize> {
        let starts = self.line_starts();
        let start = starts.get(line).copied().unwrap_or(self.text.len());
        let end = starts.get(line + 1).copied().unwrap_or(self.text.len());
        start..end
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.line_index(offset);
        let start = self.line_starts()[line];
        let col = match self.text.get(start..offset) {
            Some(s) if !self.lines().1 => s.chars().count(),
            _ => offset - start,
        };
        (line + 1, col + 1)
    }

    /// Byte offset of a 1-based line and column (in characters).
    pub fn offset_of(&self, line: usize, col: usize) -> usize {
        let Some(&start) = self.line_starts().get(line.saturating_sub(1)) else {
            return self.text.len();
        };
        let rest = &self.text[start..];
        rest.char_indices()
            .nth(col.saturating_sub(1))
            .map_or(self.text.len(), |(i, _)| start + i)
    }

    pub fn slice(&self, span: Span) -> &str {
        self.text.get(span.range()).unwrap_or("")
    }
}

/// The files one SOP was built from: the SOP itself (id 0) and the repository
/// defaults files it inherits from.
#[derive(Debug, Clone, Default)]
pub struct Sources {
    files: Vec<Arc<SourceFile>>,
}

impl Sources {
    pub fn add(&mut self, file: Arc<SourceFile>) -> FileId {
        if let Some(i) = self.files.iter().position(|f| Arc::ptr_eq(f, &file)) {
            return FileId(i as u32);
        }
        self.files.push(file);
        FileId(self.files.len() as u32 - 1)
    }

    pub fn get(&self, id: FileId) -> Option<&Arc<SourceFile>> {
        self.files.get(id.0 as usize)
    }

    pub fn path(&self, id: FileId) -> &Path {
        self.get(id).map_or(Path::new(""), |f| f.path.as_path())
    }

    pub fn files(&self) -> &[Arc<SourceFile>] {
        &self.files
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters_and_lines() {
        let f = SourceFile::new("a.yaml", "a: 1\nnama: Désa\n");
        assert_eq!(f.line_col(0), (1, 1));
        assert_eq!(f.line_col(5), (2, 1));
        let e = f.text.find('s').unwrap();
        assert_eq!(f.line_col(e), (2, 9));
        assert_eq!(f.offset_of(2, 9), e);
    }

    #[test]
    fn bom_is_dropped() {
        let f = SourceFile::new("a.yaml", "\u{feff}nomor: 1\n");
        assert!(f.text.starts_with("nomor"));
        assert_eq!(f.line_col(0), (1, 1));
    }

    #[test]
    fn sub_span_is_clamped() {
        let s = Span::new(FileId(0), 10, 20);
        assert_eq!(s.part(2..4).range(), 12..14);
        assert_eq!(s.part(8..50).range(), 18..20);
    }
}
