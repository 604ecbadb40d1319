//! The nomor of an SOP (`800/12/DPMD/2023`, `Lampiran II Perbup 75/2017`),
//! read once into the parts every user of it needs: its `/`-segments (for
//! the empty-segment rule and the numbering pattern of `sopc new`) and its
//! order as people read it (for the book). Any text is a nomor; what it
//! holds is found here and nowhere else.

use std::cmp::Ordering;
use std::ops::Range;

/// A nomor as written, with its segments.
#[derive(Clone, Debug)]
pub struct Nomor {
    teks: String,
    segmen: Vec<Range<usize>>,
}

impl Nomor {
    pub fn parse(teks: &str) -> Nomor {
        let mut segmen = Vec::new();
        let mut awal = 0;
        for s in teks.split('/') {
            segmen.push(awal..awal + s.len());
            awal += s.len() + 1;
        }
        Nomor {
            teks: teks.to_owned(),
            segmen,
        }
    }

    pub fn as_str(&self) -> &str {
        &self.teks
    }

    /// The `/`-separated segments, trimmed.
    pub fn segmen(&self) -> impl Iterator<Item = &str> {
        self.segmen.iter().map(|r| self.teks[r.clone()].trim())
    }

    /// The byte range of the first blank segment of a nomor of several
    /// segments (`800/ /DPKPP`): a number left to fill in by hand.
    pub fn segmen_kosong(&self) -> Option<Range<usize>> {
        if self.segmen.len() < 2 {
            return None;
        }
        self.segmen
            .iter()
            .find(|r| self.teks[(*r).clone()].trim().is_empty())
            .cloned()
    }
}

/// Whether a segment is a number (`067`).
pub fn angka(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// Whether a segment is a year (`2024`).
pub fn tahun(s: &str) -> bool {
    s.len() == 4 && s.parse::<i32>().is_ok_and(|y| (1945..=2100).contains(&y))
}

impl PartialEq for Nomor {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Nomor {}

impl PartialOrd for Nomor {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Nomor {
    fn cmp(&self, other: &Self) -> Ordering {
        banding(&self.teks, &other.teks)
    }
}

/// Orders SOP numbers segment by segment, as people read them: numbers by
/// value (`800/2` before `800/10`, `067` = `67`), the Roman numerals of
/// lampiran (`Lampiran II` before `Lampiran IX`) by value, numbers before
/// words, words without regard to case.
fn banding(a: &str, b: &str) -> Ordering {
    let (sa, sb) = (segmen(a), segmen(b));
    for (x, y) in sa.iter().zip(&sb) {
        let o = match (x, y) {
            (Segmen::Angka(x), Segmen::Angka(y)) => x.cmp(y),
            (Segmen::Angka(_), Segmen::Kata(_)) => Ordering::Less,
            (Segmen::Kata(_), Segmen::Angka(_)) => Ordering::Greater,
            (Segmen::Kata(x), Segmen::Kata(y)) => x.cmp(y),
        };
        if o != Ordering::Equal {
            return o;
        }
    }
    sa.len().cmp(&sb.len()).then_with(|| a.cmp(b))
}

#[derive(Debug, PartialEq, Eq)]
enum Segmen {
    Angka(u128),
    Kata(String),
}

/// Runs of digits and runs of letters; everything else separates.
fn segmen(s: &str) -> Vec<Segmen> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let push = |cur: &mut String, out: &mut Vec<Segmen>| {
        if cur.is_empty() {
            return;
        }
        let seg = if cur.bytes().all(|c| c.is_ascii_digit()) {
            // digits beyond u128 compare as the largest number
            Segmen::Angka(cur.parse().unwrap_or(u128::MAX))
        } else if let Some(n) = romawi(cur) {
            Segmen::Angka(n)
        } else {
            Segmen::Kata(cur.to_lowercase())
        };
        out.push(seg);
        cur.clear();
    };
    for c in s.chars() {
        let sama = cur
            .chars()
            .last()
            .is_none_or(|l| l.is_ascii_digit() == c.is_ascii_digit());
        if !c.is_alphanumeric() || !sama {
            push(&mut cur, &mut out);
        }
        if c.is_alphanumeric() {
            cur.push(c);
        }
    }
    push(&mut cur, &mut out);
    out
}

/// The value of an upper-case Roman numeral made of I, V and X (lampiran
/// numbers up to XXXIX), written the usual way.
fn romawi(s: &str) -> Option<u128> {
    if s.is_empty() || !s.chars().all(|c| matches!(c, 'I' | 'V' | 'X')) {
        return None;
    }
    let nilai = |c| match c {
        'I' => 1,
        'V' => 5,
        _ => 10,
    };
    let cs: Vec<i128> = s.chars().map(nilai).collect();
    let mut n: i128 = 0;
    for (i, &v) in cs.iter().enumerate() {
        if cs.get(i + 1).is_some_and(|&w| w > v) {
            n -= v;
        } else {
            n += v;
        }
    }
    let n = u128::try_from(n).ok()?;
    // only the canonical spelling ("IIII", "VX" are words)
    (n > 0 && n < 40 && tulis_romawi(n) == s).then_some(n)
}

fn tulis_romawi(mut n: u128) -> String {
    let mut s = String::new();
    for (v, t) in [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")] {
        while n >= v {
            s.push_str(t);
            n -= v;
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn urut(mut v: Vec<&str>) -> Vec<&str> {
        v.sort_by_key(|n| Nomor::parse(n));
        v
    }

    #[test]
    fn nomor_order_is_segment_wise() {
        assert_eq!(
            urut(vec![
                "800/10",
                "800/2",
                "800/2/a",
                "067.2/1779",
                "800/ /DPKPP"
            ]),
            ["067.2/1779", "800/2", "800/2/a", "800/10", "800/ /DPKPP"]
        );
        assert_eq!(
            urut(vec![
                "Lampiran IX Perbup 75/2017",
                "Lampiran II Perbup 75/2017",
                "Lampiran I Perbup 75/2017",
                "Lampiran X Perbup 75/2017",
            ]),
            [
                "Lampiran I Perbup 75/2017",
                "Lampiran II Perbup 75/2017",
                "Lampiran IX Perbup 75/2017",
                "Lampiran X Perbup 75/2017",
            ]
        );
        assert_eq!(
            Nomor::parse("SOP-01").cmp(&Nomor::parse("sop-1")),
            Ordering::Less
        );
        assert_eq!(urut(vec!["b", "A", "10", "9"]), ["9", "10", "A", "b"]);
    }

    #[test]
    fn roman_numerals_only_when_canonical() {
        assert_eq!(romawi("XIV"), Some(14));
        assert_eq!(romawi("IIII"), None);
        assert_eq!(romawi("DPKPP"), None);
        assert_eq!(romawi("i"), None);
    }

    #[test]
    fn segments_and_the_blank_one() {
        let n = Nomor::parse("800/ /DPKPP-KT/II/2021");
        assert_eq!(
            n.segmen().collect::<Vec<_>>(),
            ["800", "", "DPKPP-KT", "II", "2021"]
        );
        assert_eq!(n.segmen_kosong(), Some(4..5));
        assert_eq!(Nomor::parse("800/12/DPMD").segmen_kosong(), None);
        // one segment is a whole nomor, not a blank segment of one
        assert_eq!(Nomor::parse(" ").segmen_kosong(), None);
        assert!(angka("067") && !angka("") && !angka("1a"));
        assert!(tahun("2024") && !tahun("1800") && !tahun("24"));
    }
}
