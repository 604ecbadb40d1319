//! Where a line of a table cell may break, marked in the text before Typst
//! sees it, so every word fits its cell: soft hyphens (U+00AD) between the
//! syllables of long Indonesian words (Typst 0.15 has no Indonesian
//! hyphenation patterns, and Indonesian syllables follow a few regular
//! rules), zero-width spaces (U+200B) after the slashes, dots and underscores
//! of URLs and joined file names, and no break inside a short parenthesis of
//! a header ("Petugas 1 (Satpo, PP)" never ends a line at "(Satpo,").
//! Typst prints a hyphen only where it does break at a soft hyphen; neither
//! mark prints otherwise. A leaf: it imports nothing of sopc.

/// Soft hyphen: a break that prints a hyphen.
pub const SHY: char = '\u{AD}';
/// Zero-width space: a break that prints nothing.
pub const ZWSP: char = '\u{200B}';
const NBSP: char = '\u{A0}';

/// Shortest word hyphenated (letters); only a word too wide for a line of
/// its cell is.
const KATA_MIN: usize = 4;
/// Letters kept together at each end of a hyphenated word.
const TEPI: usize = 2;
/// Longest run of characters with no break at all that is left whole.
const RUNTUN_MAKS: usize = 12;

/// `teks` with break marks in the words too wide for a line of their cell
/// (`muat` false), and only in those: the text of a PDF stays as written
/// wherever a word fits.
pub fn patah_bila(teks: &str, muat: impl Fn(&str) -> bool) -> String {
    let mut out = String::with_capacity(teks.len() + 8);
    let mut awal = 0;
    let batas = teks.char_indices().filter(|(_, c)| c.is_whitespace());
    for (i, c) in batas.chain([(teks.len(), ' ')]) {
        tandai(&teks[awal..i], &muat, &mut out);
        if i < teks.len() {
            out.push(c);
        }
        awal = i + c.len_utf8();
    }
    out
}

/// One word: as written when it fits a line (`muat`); else with breaks
/// after the separators of a joined name when its pieces fit
/// (`Ka.Subbag/Kasi`), else with its syllables and every separator marked.
fn tandai(kata: &str, muat: &impl Fn(&str) -> bool, out: &mut String) {
    if muat(kata) {
        out.push_str(kata);
    } else if potongan(kata).iter().all(|p| muat(p)) {
        token_patah(kata, UTUH, out);
    } else {
        token_patah(kata, KATA_MIN, out);
    }
}

/// A word cut after the separators of joined names (`/ _ . ? & = @ \ :`)
/// where more text follows: the pieces a line may end with.
pub fn potongan(kata: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut awal = 0;
    let mut chars = kata.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let lanjut = chars.peek().is_some_and(|(_, n)| n.is_alphanumeric());
        if pemisah(c) && lanjut {
            out.push(&kata[awal..i + c.len_utf8()]);
            awal = i + c.len_utf8();
        }
    }
    out.push(&kata[awal..]);
    out
}

/// Separators of URLs and joined names (after `-` a line may break
/// already).
fn pemisah(c: char) -> bool {
    matches!(c, '/' | '_' | '.' | '?' | '&' | '=' | '@' | '\\' | ':')
}

/// `kata_min` for words kept whole: no hyphen, no forced break, only the
/// breaks after the separators of joined names.
const UTUH: usize = usize::MAX;

/// A header: no break inside a parenthesis of up to 16 characters or
/// between a word and the short number after it ("Petugas 1"), and only the
/// words too wide for a line of their own (`muat` false) broken like any
/// cell's.
pub fn kepala(teks: &str, muat: impl Fn(&str) -> bool) -> String {
    let mut rapat = String::with_capacity(teks.len());
    let mut dalam_kurung: Option<usize> = None;
    let chars: Vec<char> = teks.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '(' => {
                let tutup = chars[i..].iter().position(|&c| c == ')');
                dalam_kurung = tutup.filter(|&n| n <= 16).map(|n| i + n);
            }
            ')' => dalam_kurung = None,
            _ => {}
        }
        let angka_pendek = || {
            let sesudah: String = chars[i + 1..]
                .iter()
                .take_while(|c| !c.is_whitespace())
                .collect();
            !sesudah.is_empty() && sesudah.len() <= 3 && sesudah.chars().all(|c| c.is_ascii_digit())
        };
        if c == ' ' && (dalam_kurung.is_some() || angka_pendek()) {
            rapat.push(NBSP);
        } else {
            rapat.push(c);
        }
    }
    // a group too wide for a line of its own breaks between its words
    let mut out = String::with_capacity(rapat.len() + 8);
    for (i, kelompok) in rapat.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        if muat(&kelompok.replace(NBSP, " ")) {
            out.push_str(kelompok);
            continue;
        }
        for (j, kata) in kelompok.split(NBSP).enumerate() {
            if j > 0 {
                out.push(' ');
            }
            tandai(kata, &muat, &mut out);
        }
    }
    out
}

fn token_patah(token: &str, kata_min: usize, out: &mut String) {
    // A hyphen inside a URL or a file name would read as part of it: there
    // syllables break without one. Words joined by `/` hyphenate as words.
    let alamat =
        token.contains(['_', '@', '\\']) || token.contains("://") || token.contains("www.");
    let tanda = if alamat { ZWSP } else { SHY };
    let paksa = kata_min != UTUH;
    let mut runtun = 0;
    let mut kata = String::new();
    let mut chars = token.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_alphabetic() {
            kata.push(c);
            continue;
        }
        runtun = tulis_kata(&kata, kata_min, tanda, runtun, out);
        kata.clear();
        out.push(c);
        runtun += 1;
        // URLs and joined names break after their separators, but only
        // before more text (never "/ " or a final dot).
        if pemisah(c) && chars.peek().is_some_and(|n| n.is_alphanumeric()) {
            out.push(ZWSP);
            runtun = 0;
        } else if c.is_whitespace() || c == '-' {
            runtun = 0;
        } else if paksa && runtun >= RUNTUN_MAKS && chars.peek().is_some() {
            out.push(ZWSP);
            runtun = 0;
        }
    }
    tulis_kata(&kata, kata_min, tanda, runtun, out);
}

/// Writes one word, with `tanda` between its syllables when it has
/// `kata_min` letters or more, and past [`RUNTUN_MAKS`] letters without a
/// break a plain one (never for [`UTUH`]); returns the characters since the
/// last break.
fn tulis_kata(
    kata: &str,
    kata_min: usize,
    tanda: char,
    mut runtun: usize,
    out: &mut String,
) -> usize {
    let huruf: Vec<char> = kata.chars().collect();
    let batas = if huruf.len() >= kata_min {
        suku_kata(&huruf)
    } else {
        Vec::new()
    };
    for (i, &c) in huruf.iter().enumerate() {
        if batas.contains(&i) {
            out.push(tanda);
            runtun = 0;
        } else if kata_min != UTUH && runtun >= RUNTUN_MAKS {
            out.push(ZWSP);
            runtun = 0;
        }
        out.push(c);
        runtun += 1;
    }
    runtun
}

fn vokal(c: char) -> bool {
    matches!(
        c.to_ascii_lowercase(),
        'a' | 'i' | 'u' | 'e' | 'o' | 'é' | 'è'
    )
}

/// Consonants written with two letters and spoken as one.
fn digraf(a: char, b: char) -> bool {
    matches!(
        (a.to_ascii_lowercase(), b.to_ascii_lowercase()),
        ('n', 'g') | ('n', 'y') | ('k', 'h') | ('s', 'y')
    )
}

/// Where a word of Indonesian letters may be hyphenated: the indices of the
/// letters that start a syllable, by the rules of the Ejaan (EYD): a
/// consonant between vowels starts the next syllable (ba-ca), of two
/// consonants the second does (ker-ja), of three the last two do
/// (in-stru-men), ng ny kh sy count as one consonant (pe-nga-wa-san). Never
/// between two vowels (diphthongs like "ai" stay whole), and never within
/// [`TEPI`] letters of either end.
pub fn suku_kata(huruf: &[char]) -> Vec<usize> {
    let n = huruf.len();
    if n < KATA_MIN || !huruf.iter().all(|c| c.is_alphabetic()) || !huruf.iter().any(|&c| vokal(c))
    {
        return Vec::new();
    }
    // The word as consonant units (a digraph is one unit) and vowels.
    let mut units: Vec<(usize, bool)> = Vec::new(); // (start index, is vowel)
    let mut i = 0;
    while i < n {
        units.push((i, vokal(huruf[i])));
        i += if i + 1 < n && !vokal(huruf[i]) && digraf(huruf[i], huruf[i + 1]) {
            2
        } else {
            1
        };
    }
    let mut out = Vec::new();
    let mut u = 0;
    while u < units.len() {
        if !units[u].1 {
            u += 1;
            continue;
        }
        // a vowel: count the consonant units up to the next vowel
        let next = units[u + 1..].iter().position(|x| x.1).map(|p| u + 1 + p);
        let Some(v) = next else { break };
        let konsonan = v - u - 1;
        let awal = match konsonan {
            0 => None,
            1 => Some(units[u + 1].0),
            2 => Some(units[u + 2].0),
            _ => Some(units[u + 2].0),
        };
        if let Some(a) = awal
            && a >= TEPI
            && n - a >= TEPI
        {
            out.push(a);
        }
        u = v;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every word marked, as if no word fitted its line.
    fn patah(teks: &str) -> String {
        patah_bila(teks, |_| false)
    }

    fn suku(kata: &str) -> String {
        patah(kata).replace(SHY, "-")
    }

    #[test]
    fn indonesian_syllables() {
        for (kata, suku_kata) in [
            ("didistribusikan", "di-dis-tri-bu-si-kan"),
            ("Pengadministrasi", "Pe-ngad-mi-nis-tra-si"),
            ("pengawasan", "pe-nga-wa-san"),
            ("instrumen", "in-stru-men"),
            ("permohonan", "per-mo-ho-nan"),
            ("petugas", "pe-tu-gas"),
            ("perbaikan", "per-bai-kan"),
            ("tamu", "ta-mu"),
            ("apa", "apa"),
        ] {
            assert_eq!(suku(kata), suku_kata);
        }
    }

    #[test]
    fn only_words_wider_than_their_line_are_marked() {
        let muat = |k: &str| k.chars().count() <= 10;
        assert_eq!(
            patah_bila("Berkas permohonan yang didistribusikan\nke bidang", muat).replace(SHY, "-"),
            "Berkas permohonan yang di-dis-tri-bu-si-kan\nke bidang"
        );
        // a joined name whose pieces fit breaks only after its separators
        assert_eq!(
            patah_bila("Ka.Subbag/Kasi", muat).replace(ZWSP, "|"),
            "Ka.|Subbag/|Kasi"
        );
    }

    #[test]
    fn urls_and_joined_names_break_after_their_separators() {
        let url = patah("https://jdih.bengkulu.go.id/produk_hukum");
        assert_eq!(
            url.replace(ZWSP, "|"),
            "https://|jdih.|beng|ku|lu.|go.|id/|pro|duk_|hu|kum"
        );
        assert_eq!(
            url.replace(ZWSP, ""),
            "https://jdih.bengkulu.go.id/produk_hukum"
        );
        // no hyphen inside a file name: its syllables break unmarked
        let nama = patah("laporan_pengelolaan_arsip.pdf");
        assert_eq!(
            nama.replace(ZWSP, "|"),
            "la|po|ran_|pe|nge|lo|laan_|ar|sip.|pdf"
        );
        // a sentence's final dot is no separator
        assert_eq!(patah("menit.").replace(SHY, "-"), "me-nit.");
    }

    #[test]
    fn long_runs_without_a_break_get_one() {
        let nomor = patah("1234567890123456789012345");
        assert!(
            nomor.split(ZWSP).all(|s| s.chars().count() <= RUNTUN_MAKS),
            "{nomor:?}"
        );
    }

    #[test]
    fn headers_wrap_at_sensible_points() {
        assert_eq!(
            kepala("Petugas 1 (Satpo, PP)", |_| true),
            "Petugas\u{A0}1 (Satpo,\u{A0}PP)"
        );
        assert_eq!(
            kepala("Adc/Agendaris/Bagian", |_| true),
            "Adc/Agendaris/Bagian"
        );
        assert_eq!(
            kepala("Adc/Agendaris/Bagian", |k| k.chars().count() <= 10).replace(ZWSP, "|"),
            "Adc/|Agendaris/|Bagian"
        );
        // a group wider than the column breaks between its words
        assert_eq!(
            kepala("Petugas 1 (Satpol, PP)", |k| k.chars().count() <= 8),
            "Petugas 1 (Satpol, PP)"
        );
        let muat = |kata: &str| kata.chars().count() <= 6;
        assert_eq!(
            kepala("Kepala Petugas", muat).replace(SHY, "-"),
            "Kepala Pe-tu-gas"
        );
    }
}
