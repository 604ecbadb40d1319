//! The common road of [`super::syntax_tree`]: plain YAML — mappings, lists
//! and untagged scalars in one document, without anchors — read straight from
//! the events of granit-parser (the parser under serde-saphyr) into a
//! [`Node`]. Going through serde costs several times more (a location struct
//! deserialized per value, an event layer for aliases and comments), and SOP
//! files are almost always plain YAML.
//!
//! Anything else — a syntax error, an anchor or alias, a tag, a merge key, a
//! key that YAML reads as a number, a limit coming near — gives `None`, and
//! the caller reads the text again through serde-saphyr, which owns every
//! message about bad YAML. For the input this road accepts, both roads build
//! the same tree; the tests below compare them.

use super::tree::{Key, Node, NodeKind};
use super::yaml::MAX_TEXT_BYTES;
use crate::source::{FileId, SourceFile, Span};
use serde_saphyr::granit_parser::{self, Event, Parser, ScalarStyle, StrInput};

/// Nesting this road accepts: well below serde-saphyr's depth budget (64),
/// so that a document near it is judged, and reported, by serde-saphyr.
const MAX_DEPTH: usize = 48;
/// Events this road accepts: no more than the node limit of
/// [`super::yaml`] (every node is at least one event), so that what this
/// road accepts serde-saphyr accepts too.
const MAX_EVENTS: usize = super::yaml::MAX_NODES;

/// A collection being read: its opening span and what it holds so far.
enum Open {
    Seq(Span, Vec<Node>),
    /// The key read last waits for its value.
    Map(Span, Vec<(Key, Node)>, Option<Key>),
}

/// Reads `source` as plain YAML, or gives `None` for serde-saphyr to decide.
pub fn parse(source: &SourceFile, file: FileId) -> Option<Node> {
    let mut parser = Parser::with_options(StrInput::new(&source.text), parser_options());
    let mut open: Vec<Open> = Vec::with_capacity(8);
    let mut root = None;
    let mut events = 0;
    let mut text = 0;
    while let Some(next) = parser.next_event() {
        let (event, marks) = next.ok()?;
        events += 1;
        if events > MAX_EVENTS {
            return None;
        }
        match event {
            Event::StreamStart | Event::StreamEnd | Event::DocumentEnd => {}
            Event::Comment(..) => {}
            // A second document is serde-saphyr's to judge.
            Event::DocumentStart(..) if root.is_some() => return None,
            Event::DocumentStart(..) => {}
            Event::Scalar(value, style, anchor, tag) => {
                text += value.len();
                if anchor != 0 || tag.is_some() || text > MAX_TEXT_BYTES {
                    return None;
                }
                let span = span(&marks, source, file)?;
                if let Some(Open::Map(_, _, pending @ None)) = open.last_mut() {
                    *pending = Some(Key {
                        name: key_name(value, style)?,
                        span,
                    });
                    continue;
                }
                let kind = scalar(value, style)?;
                close(&mut open, &mut root, Node { kind, span })?;
            }
            Event::SequenceStart(_, anchor, ref tag) | Event::MappingStart(_, anchor, ref tag) => {
                let key_expected = matches!(open.last(), Some(Open::Map(_, _, None)));
                if anchor != 0 || tag.is_some() || key_expected || open.len() >= MAX_DEPTH {
                    return None;
                }
                let span = span(&marks, source, file)?;
                open.push(match event {
                    Event::SequenceStart(..) => Open::Seq(span, Vec::new()),
                    _ => Open::Map(span, Vec::new(), None),
                });
            }
            Event::SequenceEnd => {
                let Some(Open::Seq(span, items)) = open.pop() else {
                    return None;
                };
                let span = items.iter().fold(span, |s, n| s.join(n.span));
                let node = Node {
                    kind: NodeKind::Seq(items),
                    span,
                };
                close(&mut open, &mut root, node)?;
            }
            Event::MappingEnd => {
                let Some(Open::Map(span, entries, None)) = open.pop() else {
                    return None;
                };
                let span = entries
                    .iter()
                    .fold(span, |s, (k, v)| s.join(k.span).join(v.span));
                let node = Node {
                    kind: NodeKind::Map(entries),
                    span,
                };
                close(&mut open, &mut root, node)?;
            }
            // Aliases, anchors and anything newer.
            _ => return None,
        }
    }
    root
}

/// The parser as serde-saphyr sets it up, so that both roads accept and
/// refuse the same text.
fn parser_options() -> granit_parser::Options {
    let budget = serde_saphyr::Budget::default();
    let mut o = granit_parser::Options::default();
    o.simple_key_max_lookahead = budget.simple_key_max_lookahead;
    o.flow_nesting_limit = budget.flow_nesting_limit;
    o.block_nesting_limit = o
        .block_nesting_limit
        .max(budget.max_depth.saturating_add(1));
    o.emit_comments = true;
    o.max_buffered_comment_events = budget.max_buffered_comment_events;
    o.strict_indentation = false;
    o
}

/// Puts a finished node into the collection around it, or makes it the
/// document. `None` when the document already has one.
fn close(open: &mut [Open], root: &mut Option<Node>, node: Node) -> Option<()> {
    match open.last_mut() {
        Some(Open::Seq(_, items)) => items.push(node),
        Some(Open::Map(_, entries, pending)) => entries.push((pending.take()?, node)),
        None if root.is_none() => *root = Some(node),
        None => return None,
    }
    Some(())
}

/// The byte span of an event, as serde-saphyr's locations give it.
fn span(marks: &granit_parser::Span, source: &SourceFile, file: FileId) -> Option<Span> {
    let start = marks.start.byte_offset()?;
    let end = marks.end.byte_offset()?;
    let len = end.saturating_sub(start);
    Some(Span::new(file, start, (start + len).min(source.text.len())))
}

fn is_null(value: &str, style: ScalarStyle) -> bool {
    style == ScalarStyle::Plain && matches!(value, "" | "~" | "null" | "Null" | "NULL")
}

/// A value. Plain numbers and booleans keep their spelling, which for a plain
/// scalar is its text; a plain infinity or NaN is left to serde-saphyr, which
/// refuses non-finite numbers.
fn scalar(value: std::borrow::Cow<'_, str>, style: ScalarStyle) -> Option<NodeKind> {
    if is_null(&value, style) {
        return Some(NodeKind::Null);
    }
    if style == ScalarStyle::Plain && may_be_non_finite(&value) {
        return None;
    }
    Some(NodeKind::Scalar(value.into_owned()))
}

fn may_be_non_finite(value: &str) -> bool {
    let unsigned = value.strip_prefix(['+', '-']).unwrap_or(value);
    let word = unsigned.strip_prefix('.').unwrap_or(unsigned);
    if ["inf", "infinity", "nan"]
        .iter()
        .any(|w| word.eq_ignore_ascii_case(w))
    {
        return true;
    }
    let numeric = unsigned
        .bytes()
        .next()
        .is_some_and(|b| b.is_ascii_digit() || b == b'.');
    numeric
        && !value.contains(char::is_whitespace)
        && value
            .replace('_', "")
            .parse::<f64>()
            .is_ok_and(|v| !v.is_finite())
}

/// A key as text. Plain keys that YAML reads as something else (a number,
/// a boolean, null) or that merge (`<<`) are left to serde-saphyr.
fn key_name(value: std::borrow::Cow<'_, str>, style: ScalarStyle) -> Option<String> {
    if value == "<<" {
        return None;
    }
    if style == ScalarStyle::Plain {
        let first = value.bytes().next()?;
        let numeric = first.is_ascii_digit() || matches!(first, b'+' | b'-' | b'.' | b'~');
        let word = ["true", "false", "yes", "no", "y", "n", "on", "off", "null"]
            .iter()
            .any(|w| value.eq_ignore_ascii_case(w));
        if numeric || word {
            return None;
        }
    }
    Some(value.into_owned())
}

#[cfg(test)]
mod tests {
    use super::super::yaml;
    use super::*;

    /// Both roads agree wherever the direct one answers.
    fn same(text: &str) -> bool {
        let source = SourceFile::new("t.yaml", text);
        let Some(direct) = parse(&source, FileId(0)) else {
            return false;
        };
        match yaml::parse(&source, FileId(0)) {
            Ok(slow) => assert_eq!(direct, slow, "the roads differ on {text:?}"),
            Err(e) => panic!("serde-saphyr refuses what the direct road read: {text:?}: {e:?}"),
        }
        true
    }

    fn examples() -> Vec<String> {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/sops");
        let mut out: Vec<String> = std::fs::read_dir(dir)
            .expect("the example SOPs")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
            .map(|p| std::fs::read_to_string(p).expect("an example SOP"))
            .collect();
        out.sort();
        out.push(crate::check::testing::VALID.to_owned());
        out
    }

    #[test]
    fn examples_take_the_direct_road_and_agree() {
        for text in examples() {
            assert!(same(&text), "an example SOP left the direct road");
            assert!(same(&text.replace('\n', "\r\n")));
        }
    }

    #[test]
    fn plain_yaml_agrees() {
        let cases = [
            "a: 1\nb: 1.50\nc: 0291\nd: -5\ne: 0x1F\nf: 1e3\ng: true\nh: no\ni: ~\nj: null\nk:\n",
            "a: 'x'\nb: \"y\\tz\"\nc: \"null\"\n'd': 1\n\"e f\": [1, 'two', {g: h}]\n",
            "a: |\n  line one\n  line two\nb: >-\n  folded\n  text\n\nc: last\n",
            "a: plain text\n  continued here\nb: x # comment\n# whole line\nc: [ ]\nd: {}\n",
            "---\na: 1\n...\n",
            "- a\n- b: c\n  d: e\n-\n- - nested\n  - list\n",
            "just a scalar\n",
            "a:\n- x\n- y\nb:\n  - z\n",
            "nama: Désa Ünïcode — teks\nwaktu: 5 menit  \n",
            "a: 1\nb: 2\na: 3\n",
            "a: {b: [c, d], e: ~}\n",
            "a: x\tb\n",
            "a: 2020-07-08\nb: 12:30\nc: 1_000\nd: +5\ne: .5\n",
            "langkah:\n  - pelaksana: [PPK, 'KPA', \"Bendahara\"]\n  - pelaksana:\n    - PPK\n    - KPA\n  - pelaksana: []\n",
        ];
        for case in cases {
            assert!(same(case), "left the direct road: {case:?}");
        }
    }

    #[test]
    fn unusual_yaml_goes_to_serde_saphyr() {
        for case in [
            "a: &x 1\nb: *x\n",
            "a: !!str 1\n",
            "<<: {a: 1}\n",
            "1: a\n",
            "true: a\n",
            "a: .inf\n",
            "a: 1e999\n",
            "a: 1\n---\nb: 2\n",
            "# only a comment\n",
            "a: [1, 2\n",
            "instansi:\n\tnama: x\n",
        ] {
            assert!(!same(case), "took the direct road: {case:?}");
        }
        let deep = format!("a: {}x{}\n", "[".repeat(60), "]".repeat(60));
        assert!(!same(&deep));
    }

    /// Small edits of real SOPs (a character removed or put in) give either
    /// the same tree on both roads or the serde-saphyr road alone.
    #[test]
    fn edited_examples_agree() {
        let inserts = [
            ":", "-", " ", "\n", "'", "\"", "[", "{", "#", "&a ", "*a", "!", "~", "\t", "? ", "|",
        ];
        let mut direct = 0;
        for text in examples().iter().take(3) {
            let cuts: Vec<usize> = text.char_indices().map(|(i, _)| i).step_by(37).collect();
            for (n, &at) in cuts.iter().enumerate() {
                let mut removed = text.clone();
                removed.remove(at);
                direct += usize::from(same(&removed));
                let mut inserted = text.clone();
                inserted.insert_str(at, inserts[n % inserts.len()]);
                direct += usize::from(same(&inserted));
            }
        }
        assert!(direct > 50, "too few edits took the direct road: {direct}");
    }
}
