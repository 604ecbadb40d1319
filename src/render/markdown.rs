//! Inline Markdown of the text cells (`*miring*`, `**tebal**`, lists) parsed
//! in Rust into plain data — paragraphs of styled runs and lists — that the
//! template prints with `text(…)`. Nothing the user wrote is ever evaluated:
//! constructs we do not print (HTML, rules, images) come out as their source
//! text, and backslashes print as written.

use crate::kolom::{BARIS_MIN, HURUF_ISI, INDEN_DAFTAR};
use crate::teks::MAKS_TINGKAT_DAFTAR;
use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use serde::Serialize;

/// A run of text in one style. `\n` is a line break.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Run {
    pub t: String,
    #[serde(skip_serializing_if = "is_false")]
    pub i: bool,
    #[serde(skip_serializing_if = "is_false")]
    pub b: bool,
    /// A label in the document the run links to (in a book, the SOP a
    /// `keterkaitan` entry names).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub a: Option<String>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// A block of a text cell.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Blok {
    /// A paragraph.
    P(Vec<Run>),
    /// A list: numbered from `n`, or bulleted when `n` is `None`.
    L { n: Option<u64>, i: Vec<Vec<Blok>> },
}

/// A whole text cell.
pub type Teks = Vec<Blok>;

/// Makes every run of `teks` bold (a header: its Markdown may still make
/// it italic).
pub fn tebalkan(teks: &mut Teks) {
    for blok in teks {
        match blok {
            Blok::P(runs) => runs.iter_mut().for_each(|r| r.b = true),
            Blok::L { i, .. } => i.iter_mut().for_each(tebalkan),
        }
    }
}

/// Makes every run of `teks` a link to the document label `a`.
pub fn tautkan(teks: &mut Teks, a: &str) {
    for blok in teks {
        match blok {
            Blok::P(runs) => runs.iter_mut().for_each(|r| r.a = Some(a.to_owned())),
            Blok::L { i, .. } => i.iter_mut().for_each(|t| tautkan(t, a)),
        }
    }
}

/// Marks where the words of `teks` too wide for a line `lebar` pt long may
/// break (see [`crate::patah`]), measured in the family `huruf` at the
/// table's type size; a list's items have less room.
pub fn muatkan(teks: &mut Teks, lebar: f64, huruf: Option<&str>) {
    muatkan_pada(teks, lebar, HURUF_ISI, INDEN_DAFTAR, huruf);
}

/// [`muatkan`] for text set at `ukuran` pt whose list items are `inden` pt
/// narrower than its lines (a box of the lembar pengesahan).
pub fn muatkan_pada(teks: &mut Teks, lebar: f64, ukuran: f64, inden: f64, huruf: Option<&str>) {
    if lebar < BARIS_MIN {
        return;
    }
    for blok in teks {
        match blok {
            Blok::P(runs) => {
                for r in runs {
                    let ukur = |k: &str| crate::huruf::lebar_teks(k, ukuran, r.b, huruf);
                    r.t = crate::patah::patah_bila(&r.t, |k| ukur(k) <= lebar);
                }
            }
            Blok::L { i, .. } => i
                .iter_mut()
                .for_each(|item| muatkan_pada(item, lebar - inden, ukuran, inden, huruf)),
        }
    }
}

/// One plain paragraph, no Markdown (names, numbers, dates).
pub fn polos(s: &str) -> Teks {
    if s.is_empty() {
        return Vec::new();
    }
    vec![Blok::P(vec![Run {
        t: s.to_owned(),
        i: false,
        b: false,
        a: None,
    }])]
}

/// A numbered list of Markdown items (a YAML list in a cell, the six boxes).
pub fn daftar<'a>(items: impl IntoIterator<Item = &'a str>) -> Teks {
    let items: Vec<Teks> = items.into_iter().map(markdown).collect();
    if items.is_empty() {
        return Vec::new();
    }
    vec![Blok::L {
        n: Some(1),
        i: items,
    }]
}

/// Parses one text cell.
pub fn markdown(source: &str) -> Teks {
    // A backslash is text, never a Markdown escape.
    let source = source.replace('\\', "\\\\");
    let mut b = Builder::default();
    for (event, range) in Parser::new(&source).into_offset_iter() {
        let raw = || source[range.clone()].replace("\\\\", "\\");
        match event {
            Event::Start(tag) => b.start(tag),
            Event::End(tag) => b.end(tag),
            Event::Text(t) | Event::Code(t) => b.text(&t),
            Event::Html(_)
            | Event::InlineHtml(_)
            | Event::InlineMath(_)
            | Event::DisplayMath(_) => b.text(raw().trim_end_matches('\n')),
            Event::SoftBreak => b.text(" "),
            Event::HardBreak => b.text("\n"),
            Event::Rule => {
                b.flush();
                b.text(raw().trim());
                b.flush();
            }
            Event::FootnoteReference(t) => b.text(&t),
            Event::TaskListMarker(done) => b.text(if done { "[x] " } else { "[ ] " }),
        }
    }
    b.finish()
}

#[derive(Default)]
struct Builder {
    /// Open containers: the document, lists and list items.
    stack: Vec<Wadah>,
    para: Option<Vec<Run>>,
    miring: u32,
    tebal: u32,
    done: Teks,
    /// Lists open past [`crate::teks::MAKS_TINGKAT_DAFTAR`]: their items
    /// print as paragraphs of the deepest printed item, so that the data
    /// handed to Typst stays within its reader's nesting limit.
    rata: usize,
}

enum Wadah {
    List(Option<u64>, Vec<Teks>),
    Item(Teks),
}

impl Builder {
    fn start(&mut self, tag: Tag) {
        match tag {
            Tag::Paragraph | Tag::CodeBlock(_) => self.flush(),
            Tag::Heading { .. } => {
                self.flush();
                self.tebal += 1;
            }
            Tag::List(_) if self.rata > 0 || self.lists() >= MAKS_TINGKAT_DAFTAR => {
                self.flush();
                self.rata += 1;
            }
            Tag::Item if self.rata > 0 => self.flush(),
            Tag::List(n) => {
                self.flush();
                self.stack.push(Wadah::List(n, Vec::new()));
            }
            Tag::Item => {
                self.flush();
                self.stack.push(Wadah::Item(Vec::new()));
            }
            Tag::Emphasis => self.miring += 1,
            Tag::Strong => self.tebal += 1,
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::List(_) if self.rata > 0 => {
                self.flush();
                self.rata -= 1;
            }
            TagEnd::Item if self.rata > 0 => self.flush(),
            TagEnd::Paragraph | TagEnd::CodeBlock => self.flush(),
            TagEnd::Heading(_) => {
                self.flush();
                self.tebal = self.tebal.saturating_sub(1);
            }
            TagEnd::Item => {
                self.flush();
                if let Some(Wadah::Item(blocks)) = self.stack.pop()
                    && let Some(Wadah::List(_, items)) = self.stack.last_mut()
                {
                    items.push(blocks);
                }
            }
            TagEnd::List(_) => {
                self.flush();
                if let Some(Wadah::List(n, items)) = self.stack.pop() {
                    self.push_block(Blok::L { n, i: items });
                }
            }
            TagEnd::Emphasis => self.miring = self.miring.saturating_sub(1),
            TagEnd::Strong => self.tebal = self.tebal.saturating_sub(1),
            _ => {}
        }
    }

    /// Lists open on the stack.
    fn lists(&self) -> usize {
        self.stack
            .iter()
            .filter(|w| matches!(w, Wadah::List(..)))
            .count()
    }

    fn text(&mut self, t: &str) {
        if t.is_empty() {
            return;
        }
        let (i, b) = (self.miring > 0, self.tebal > 0);
        let runs = self.para.get_or_insert_with(Vec::new);
        match runs.last_mut() {
            Some(last) if last.i == i && last.b == b => last.t.push_str(t),
            _ => runs.push(Run {
                t: t.to_owned(),
                i,
                b,
                a: None,
            }),
        }
    }

    /// Closes the open paragraph, dropping trailing spaces and breaks.
    fn flush(&mut self) {
        let Some(mut runs) = self.para.take() else {
            return;
        };
        while let Some(last) = runs.last_mut() {
            let trimmed = last.t.trim_end().len();
            last.t.truncate(trimmed);
            if last.t.is_empty() {
                runs.pop();
            } else {
                break;
            }
        }
        if !runs.is_empty() {
            self.push_block(Blok::P(runs));
        }
    }

    fn push_block(&mut self, block: Blok) {
        match self.stack.last_mut() {
            Some(Wadah::Item(blocks)) => blocks.push(block),
            // Text directly inside a list (not in an item) cannot happen in
            // CommonMark; keep it rather than lose it.
            Some(Wadah::List(_, items)) => items.push(vec![block]),
            None => self.done.push(block),
        }
    }

    fn finish(mut self) -> Teks {
        self.flush();
        while let Some(w) = self.stack.pop() {
            match w {
                Wadah::Item(blocks) => blocks.into_iter().for_each(|b| self.push_block(b)),
                Wadah::List(n, i) => self.push_block(Blok::L { n, i }),
            }
        }
        self.done
    }
}

/// All the text of a cell.
#[cfg(test)]
fn plain(teks: &[Blok]) -> String {
    let mut out = String::new();
    for b in teks {
        match b {
            Blok::P(runs) => runs.iter().for_each(|r| out.push_str(&r.t)),
            Blok::L { i, .. } => i.iter().for_each(|item| out.push_str(&plain(item))),
        }
        out.push(' ');
    }
    out.trim_end().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(t: &str, i: bool, b: bool) -> Run {
        Run {
            t: t.into(),
            i,
            b,
            a: None,
        }
    }

    #[test]
    fn italic_and_bold_runs() {
        assert_eq!(
            markdown("Menerima tamu di *Front Desk* dan **segera** mencatat"),
            vec![Blok::P(vec![
                run("Menerima tamu di ", false, false),
                run("Front Desk", true, false),
                run(" dan ", false, false),
                run("segera", false, true),
                run(" mencatat", false, false),
            ])]
        );
    }

    #[test]
    fn lists_inside_a_cell() {
        let t = markdown("Berkas:\n\n1. KTP\n2. *Kartu* keluarga\n");
        assert_eq!(t.len(), 2);
        let Blok::L { n, i } = &t[1] else {
            panic!("{t:?}")
        };
        assert_eq!(*n, Some(1));
        assert_eq!(i.len(), 2);
        assert_eq!(
            i[1],
            vec![Blok::P(vec![
                run("Kartu", true, false),
                run(" keluarga", false, false)
            ])]
        );
        let bullets = markdown("- a\n- b");
        assert!(matches!(&bullets[0], Blok::L { n: None, i } if i.len() == 2));
    }

    #[test]
    fn lists_past_the_bound_print_flat_and_lose_nothing() {
        let source: String = (0..30)
            .map(|i| format!("{}- tingkat {}\n", "  ".repeat(i), i + 1))
            .collect();
        let t = markdown(&source);
        fn depth(t: &[Blok]) -> usize {
            t.iter()
                .map(|b| match b {
                    Blok::P(_) => 0,
                    Blok::L { i, .. } => 1 + i.iter().map(|x| depth(x)).max().unwrap_or(0),
                })
                .max()
                .unwrap_or(0)
        }
        assert_eq!(depth(&t), MAKS_TINGKAT_DAFTAR);
        let words: Vec<String> = (1..=30).map(|i| format!("tingkat {i}")).collect();
        assert_eq!(plain(&t), words.join(" "));
        // and Typst reads it: the data nests well within its limit
        let json = serde_json::to_string(&t).unwrap();
        let mut open = 0usize;
        let mut most = 0;
        for c in json.chars() {
            match c {
                '[' | '{' => {
                    open += 1;
                    most = most.max(open);
                }
                ']' | '}' => open -= 1,
                _ => {}
            }
        }
        assert!(most < 64, "{most}");
    }

    #[test]
    fn typst_syntax_and_html_stay_literal() {
        for s in [
            "#read(\"/etc/passwd\")",
            "$x$ dan #set page(width: 1cm)",
            "<label> @ref",
            "a \\ b \\* c \\\\",
            "<b>tebal</b>",
        ] {
            assert_eq!(plain(&markdown(s)), s, "{s}");
        }
    }

    #[test]
    fn rules_and_images_print_their_source() {
        assert_eq!(plain(&markdown("---")), "---");
        assert_eq!(plain(&markdown("![logo](/etc/passwd)")), "logo");
    }

    #[test]
    fn hard_breaks_and_soft_breaks() {
        assert_eq!(
            markdown("a\nb"),
            vec![Blok::P(vec![run("a b", false, false)])]
        );
        assert_eq!(
            markdown("a  \nb"),
            vec![Blok::P(vec![run("a\nb", false, false)])]
        );
    }
}
