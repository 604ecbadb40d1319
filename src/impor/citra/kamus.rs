//! The words the letters of a picture are likely to spell, used only to
//! choose between readings the pixels leave close: a word list of
//! Indonesian SOP vocabulary committed beside this file (`kata.txt`: the
//! words of the SOPs in `sops/` as they stood before any picture SOP was
//! transcribed, the form's headings, units of time, months and generic
//! administrative words), and the words the document prints as text (its
//! identity page names the survey, the unit, the statistics it makes).

use std::collections::HashSet;

/// The committed word list, one lowercase word a line.
const KATA: &str = include_str!("kata.txt");

/// Words of at least three letters, lowercase, by length.
#[derive(Debug, Default)]
pub struct Kamus {
    kata: HashSet<String>,
    menurut_panjang: Vec<Vec<String>>,
}

impl Kamus {
    /// The committed word list and the words of `teks` (the document's
    /// own text).
    pub fn dengan<'a>(teks: impl IntoIterator<Item = &'a str>) -> Kamus {
        let mut k = Kamus::default();
        for w in KATA.lines() {
            k.tambah(w);
        }
        for t in teks {
            for w in t.split(|c: char| !c.is_alphabetic()) {
                k.tambah(w);
            }
        }
        k
    }

    fn tambah(&mut self, w: &str) {
        let w = w.trim().to_lowercase();
        let n = w.chars().count();
        if n < 3 || self.kata.contains(&w) {
            return;
        }
        if self.menurut_panjang.len() <= n {
            self.menurut_panjang.resize(n + 1, Vec::new());
        }
        self.menurut_panjang[n].push(w.clone());
        self.kata.insert(w);
    }

    /// Whether `w` (any case) is a word of the list.
    pub fn berisi(&self, w: &str) -> bool {
        self.kata.contains(&w.to_lowercase())
    }

    /// The words a reading `w` may be, closest first (at most three): a
    /// touching pair read as one letter (ri as n) or a letter read as
    /// another is an edit or two; a long word may have more.
    pub fn calon(&self, w: &str) -> Vec<&str> {
        let w = w.to_lowercase();
        let n = w.chars().count();
        let batas = if n < 4 { 1 } else { 2.max((n + 1) / 3) };
        let mut out: Vec<(usize, &str)> = Vec::new();
        for len in n.saturating_sub(batas)..=n + batas {
            for k in self.menurut_panjang.get(len).into_iter().flatten() {
                let d = strsim::levenshtein(k, &w);
                if d <= batas {
                    out.push((d, k));
                }
            }
        }
        out.sort_unstable();
        out.into_iter().take(3).map(|(_, k)| k).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_misread_word_finds_the_words_it_may_be() {
        let k = Kamus::dengan(["Survei Pertanian Hortikultura"]);
        assert!(k.berisi("Hortikultura"));
        assert_eq!(k.calon("Hordkultura")[0], "hortikultura");
        assert_eq!(k.calon("Pemedksaan")[0], "pemeriksaan");
        assert!(k.calon("umuk").contains(&"untuk"));
        assert!(k.calon("xq").is_empty());
    }
}
