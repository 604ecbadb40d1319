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
    /// touching pair read as one letter (ri as n, ra as m) or a letter
    /// read as another is an edit (in a word of fewer than four letters
    /// read: [`edits`]); a long word may have more, so a touching pair
    /// there is two. Those a letter changed, added or dropped makes come
    /// first.
    pub fn calon(&self, w: &str) -> Vec<&str> {
        let kecil = w.to_lowercase();
        let w: Vec<char> = kecil.chars().collect();
        let n = w.len();
        let batas = if n < 4 { 1 } else { 2.max((n + 1) / 3) };
        let mut out: Vec<(usize, &str)> = Vec::new();
        for len in n.saturating_sub(batas)..=n + batas {
            for k in self.menurut_panjang.get(len).into_iter().flatten() {
                // by Levenshtein's distance; a short word allows one edit,
                // or a touching pair (`mw` for `raw`), which comes after
                let d = strsim::levenshtein(k, &kecil);
                if d <= batas || (n < 4 && edits(&w, &k.chars().collect::<Vec<_>>()) <= batas) {
                    out.push((d, k));
                }
            }
        }
        out.sort_unstable();
        out.into_iter().take(3).map(|(_, k)| k).collect()
    }
}

/// The edits that make reading `a` word `b`: a letter changed, added or
/// dropped, and also one letter read for two touching ones (`m` for `ra`,
/// `n` for `ri`) or two for one, each one edit (Levenshtein's distance
/// with those two steps).
fn edits(a: &[char], b: &[char]) -> usize {
    // the rows of the table for a's first i - 2, i - 1 and i letters
    let mut rows: [Vec<usize>; 3] = [Vec::new(), (0..=b.len()).collect(), Vec::new()];
    for (i, &ca) in a.iter().enumerate() {
        let [dua, satu, baris] = &mut rows;
        baris.clear();
        baris.push(i + 1);
        for (j, &cb) in b.iter().enumerate() {
            let ganti = satu[j] + usize::from(ca != cb);
            let mut v = ganti.min(satu[j + 1] + 1).min(baris[j] + 1);
            // one letter read for the two touching ones it covers
            if j >= 1 {
                v = v.min(satu[j - 1] + 1);
            }
            // two letters read for one
            if i >= 1 {
                v = v.min(dua[j] + 1);
            }
            baris.push(v);
        }
        rows.rotate_left(1);
    }
    rows[1][b.len()]
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

    #[test]
    fn a_touching_pair_read_as_one_letter_is_one_edit() {
        let k = Kamus::dengan(["File raw data"]);
        // `ra` touching reads as `m`: a short word one edit from its reading
        assert!(k.calon("mw").contains(&"raw"));
        let kata = |w: &str| w.chars().collect::<Vec<_>>();
        assert_eq!(edits(&kata("mw"), &kata("raw")), 1);
        assert_eq!(edits(&kata("penenmaan"), &kata("penerimaan")), 1);
        assert_eq!(edits(&kata("data"), &kata("data")), 0);
        assert_eq!(edits(&kata("xq"), &kata("raw")), 2);
    }
}
