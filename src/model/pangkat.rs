//! Pangkat (rank) and golongan/ruang (grade) of civil servants (PNS): this module owns
//! the PP 99/2000 table that ties the 17 official pangkat names to their golongan/ruang,
//! the grammar of the many ways staff write them in an SOP (`Pembina Utama Muda (IV/c)`,
//! `Penata Tk. I, III/d`, `Pembina Utama Muda / IV c`, ...), and the check that a written
//! golongan agrees with the name. It has no dependencies and never panics on user input;
//! every rejection is a [`PangkatError`] carrying an Indonesian and an English message.

use crate::diag::{Kesalahan, Msg};
use crate::msg;
use std::fmt;
use std::str::FromStr;

/// PP 99/2000 table in career order; the position of an entry is `(golongan - 1) * 4 +
/// ruang`, which [`Golongan::indeks`] relies on (IV/e is the only fifth ruang, last).
const TABEL: [(&str, u8, char); 17] = [
    ("Juru Muda", 1, 'a'),
    ("Juru Muda Tingkat I", 1, 'b'),
    ("Juru", 1, 'c'),
    ("Juru Tingkat I", 1, 'd'),
    ("Pengatur Muda", 2, 'a'),
    ("Pengatur Muda Tingkat I", 2, 'b'),
    ("Pengatur", 2, 'c'),
    ("Pengatur Tingkat I", 2, 'd'),
    ("Penata Muda", 3, 'a'),
    ("Penata Muda Tingkat I", 3, 'b'),
    ("Penata", 3, 'c'),
    ("Penata Tingkat I", 3, 'd'),
    ("Pembina", 4, 'a'),
    ("Pembina Tingkat I", 4, 'b'),
    ("Pembina Utama Muda", 4, 'c'),
    ("Pembina Utama Madya", 4, 'd'),
    ("Pembina Utama", 4, 'e'),
];

/// Words that sometimes precede a written golongan (`Gol. IV/c`, `golongan/ruang IV/c`);
/// they carry no information, so they are dropped rather than rejected.
const KATA_PENGANTAR: [&str; 3] = ["gol", "golongan", "ruang"];

/// Golongan/ruang of a PNS: I–IV with ruang a–d, and IV/e. Only valid values exist.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Golongan {
    golongan: u8,
    ruang: char,
}

impl Golongan {
    /// `None` for a grade PP 99/2000 does not define (`IV/f`, `V/a`, `II/e`).
    pub fn new(golongan: u8, ruang: char) -> Option<Golongan> {
        let ruang = ruang.to_ascii_lowercase();
        let maks = if golongan == 4 { 'e' } else { 'd' };
        ((1..=4).contains(&golongan) && ('a'..=maks).contains(&ruang))
            .then_some(Golongan { golongan, ruang })
    }

    /// 1 to 4.
    pub fn golongan(&self) -> u8 {
        self.golongan
    }

    /// `'a'` to `'e'`, lowercase.
    pub fn ruang(&self) -> char {
        self.ruang
    }

    /// Official pangkat name of this grade, e.g. `Pembina Utama Muda` for IV/c.
    pub fn nama_pangkat(&self) -> &'static str {
        TABEL[self.indeks()].0
    }

    fn indeks(&self) -> usize {
        // Both fields are range-checked in `new`, so this stays within 0..=16.
        usize::from(self.golongan - 1) * 4 + (self.ruang as usize - 'a' as usize)
    }
}

impl fmt::Display for Golongan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", romawi(self.golongan), self.ruang)
    }
}

impl FromStr for Golongan {
    type Err = PangkatError;

    /// Accepts a golongan alone, in any spelling [`parse_pangkat`] accepts.
    fn from_str(s: &str) -> Result<Golongan, PangkatError> {
        let token = tokenisasi(s);
        let (sisa, gol) = pisah_golongan(&token);
        match gol {
            Some(Ok(g)) if sisa.is_empty() => Ok(g),
            Some(Err(tertulis)) if sisa.is_empty() => Err(tidak_dikenal(
                s,
                Sebab::GolonganTidakAda {
                    tertulis,
                    nama: None,
                },
            )),
            _ if token.is_empty() => Err(tidak_dikenal(s, Sebab::Kosong)),
            _ => Err(tidak_dikenal(s, Sebab::NamaTidakDikenal { usulan: None })),
        }
    }
}

fn romawi(g: u8) -> &'static str {
    match g {
        1 => "I",
        2 => "II",
        3 => "III",
        _ => "IV",
    }
}

/// A parsed pangkat: the official name, plus the golongan if one was written next to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Pangkat {
    indeks: usize,
    tertulis: Option<Golongan>,
}

impl Pangkat {
    /// The pangkat a grade implies, with no golongan "written".
    pub fn dari_golongan(g: Golongan) -> Pangkat {
        Pangkat {
            indeks: g.indeks(),
            tertulis: None,
        }
    }

    /// Golongan implied by the name (PP 99/2000).
    pub fn golongan(&self) -> Golongan {
        let (_, golongan, ruang) = TABEL[self.indeks];
        Golongan { golongan, ruang }
    }

    /// Golongan written next to the name; when present it equals [`Pangkat::golongan`],
    /// because a disagreeing one is rejected by [`parse_pangkat`].
    pub fn golongan_tertulis(&self) -> Option<Golongan> {
        self.tertulis
    }

    pub fn nama_resmi(&self) -> &'static str {
        TABEL[self.indeks].0
    }

    /// Canonical text, e.g. `Pembina Utama Muda (IV/c)`.
    pub fn format(&self) -> String {
        format!("{} ({})", self.nama_resmi(), self.golongan())
    }
}

impl fmt::Display for Pangkat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.format())
    }
}

/// Why a text is not a known pangkat.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Sebab {
    Kosong,
    /// The name matches no official name; `usulan` is the closest one, if close enough.
    NamaTidakDikenal {
        usulan: Option<&'static str>,
    },
    /// Only a golongan was written (`IV/c`).
    NamaTidakAda {
        golongan: Golongan,
    },
    /// A golongan PP 99/2000 does not define (`IV/f`, `V/a`); `nama` is the pangkat name
    /// written with it, when that one is known.
    GolonganTidakAda {
        tertulis: String,
        nama: Option<&'static str>,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PangkatError {
    /// Both name and golongan are written and they disagree.
    TidakCocok {
        nama: &'static str,
        seharusnya: Golongan,
        tertulis: Golongan,
    },
    TidakDikenal {
        tertulis: String,
        sebab: Sebab,
    },
}

fn tidak_dikenal(s: &str, sebab: Sebab) -> PangkatError {
    PangkatError::TidakDikenal {
        tertulis: s.split_whitespace().collect::<Vec<_>>().join(" "),
        sebab,
    }
}

impl PangkatError {
    /// Corrected text to offer as a fix, when one can be derived.
    pub fn usulan(&self) -> Option<String> {
        let sebab = match self {
            PangkatError::TidakCocok {
                nama, seharusnya, ..
            } => return Some(format!("{nama} ({seharusnya})")),
            PangkatError::TidakDikenal { sebab, .. } => sebab,
        };
        match sebab {
            Sebab::Kosong => None,
            Sebab::NamaTidakDikenal { usulan } => usulan.map(str::to_string),
            Sebab::NamaTidakAda { golongan } => Some(Pangkat::dari_golongan(*golongan).format()),
            Sebab::GolonganTidakAda { nama, .. } => nama.and_then(cari_nama).map(|indeks| {
                Pangkat {
                    indeks,
                    tertulis: None,
                }
                .format()
            }),
        }
    }
}

impl Kesalahan for PangkatError {
    fn message(&self) -> Msg {
        let (tertulis, sebab) = match self {
            PangkatError::TidakCocok {
                nama,
                seharusnya: benar,
                tertulis: t,
            } => {
                return msg!(
                    "pangkat {nama} adalah golongan {benar}, bukan {t}",
                    "pangkat {nama} is golongan {benar}, not {t}"
                );
            }
            PangkatError::TidakDikenal { tertulis, sebab } => (tertulis, sebab),
        };
        match sebab {
            Sebab::Kosong => Msg::fixed("pangkat kosong", "empty pangkat"),
            Sebab::NamaTidakDikenal { .. } => msg!(
                "pangkat `{tertulis}` tidak dikenal",
                "unknown pangkat `{tertulis}`"
            ),
            Sebab::NamaTidakAda { golongan: g } => msg!(
                "hanya golongan {g} yang ditulis; nama pangkatnya tidak ada",
                "only golongan {g} is written; the pangkat name is missing"
            ),
            Sebab::GolonganTidakAda { tertulis: g, .. } => msg!(
                "golongan {g} tidak ada: golongan I–III memiliki ruang a–d, {IV_E}",
                "golongan {g} does not exist: golongan I–III have ruang a–d, {IV_E}"
            ),
        }
    }

    fn help(&self) -> Option<Msg> {
        Some(match (self, self.usulan()) {
            (PangkatError::TidakCocok { .. }, Some(u)) => msg!(
                "tulis `{u}`, atau periksa pangkat pada SK terakhir",
                "write `{u}`, or check the pangkat in the latest SK (decree)"
            ),
            (
                PangkatError::TidakDikenal {
                    sebab: Sebab::NamaTidakDikenal { .. },
                    ..
                },
                Some(u),
            ) => msg!("mungkin maksudnya `{u}`?", "did you mean `{u}`?"),
            (_, Some(u)) => msg!("tulis `{u}`", "write `{u}`"),
            (
                PangkatError::TidakDikenal {
                    sebab: Sebab::GolonganTidakAda { .. },
                    ..
                },
                None,
            ) => Msg::fixed(
                "periksa golongan/ruang pada SK terakhir",
                "check the golongan/ruang in the latest SK (decree)",
            ),
            (_, None) => msg!(
                "tulis nama pangkat resmi (PP 99/2000), mis. {CONTOH}",
                "write an official pangkat name (PP 99/2000), e.g. {CONTOH}"
            ),
        })
    }
}

const CONTOH: &str = "`Penata Muda (III/a)`";
const IV_E: &str = "IV a–e";

impl fmt::Display for PangkatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message().id)
    }
}

impl std::error::Error for PangkatError {}

/// Parses a pangkat written as a name, optionally followed by its golongan.
pub fn parse_pangkat(s: &str) -> Result<Pangkat, PangkatError> {
    let token = tokenisasi(s);
    if token.is_empty() {
        return Err(tidak_dikenal(s, Sebab::Kosong));
    }
    let (nama_token, gol) = pisah_golongan(&token);
    let nama = normalisasi_nama(nama_token);
    let indeks = match (nama.is_empty(), gol) {
        (true, Some(Ok(golongan))) => {
            return Err(tidak_dikenal(s, Sebab::NamaTidakAda { golongan }));
        }
        (true, Some(Err(tertulis))) => {
            let sebab = Sebab::GolonganTidakAda {
                tertulis,
                nama: None,
            };
            return Err(tidak_dikenal(s, sebab));
        }
        (_, gol) => match cari_nama(&nama) {
            Some(i) => (i, gol),
            None => {
                let usulan = nama_terdekat(&nama).or_else(|| match gol {
                    Some(Ok(g)) => Some(g.nama_pangkat()),
                    _ => None,
                });
                return Err(tidak_dikenal(s, Sebab::NamaTidakDikenal { usulan }));
            }
        },
    };
    cocokkan(s, indeks.0, indeks.1)
}

/// Joins a known name with the golongan written beside it, if any.
fn cocokkan(
    s: &str,
    indeks: usize,
    gol: Option<Result<Golongan, String>>,
) -> Result<Pangkat, PangkatError> {
    let pangkat = Pangkat {
        indeks,
        tertulis: None,
    };
    match gol {
        None => Ok(pangkat),
        Some(Ok(g)) if g == pangkat.golongan() => Ok(Pangkat {
            tertulis: Some(g),
            ..pangkat
        }),
        Some(Ok(g)) => Err(PangkatError::TidakCocok {
            nama: pangkat.nama_resmi(),
            seharusnya: pangkat.golongan(),
            tertulis: g,
        }),
        Some(Err(tertulis)) => {
            let nama = Some(pangkat.nama_resmi());
            Err(tidak_dikenal(s, Sebab::GolonganTidakAda { tertulis, nama }))
        }
    }
}

/// Lowercase alphanumeric runs. Every punctuation mark is a separator, which is what
/// makes `(IV/c)`, `IV.c`, `IV-c`, `Tk.I` and `, IV/c` all read alike.
fn tokenisasi(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Splits a trailing golongan off the tokens: `Ok` for a valid grade, `Err(text)` for a
/// grade-shaped pair that PP 99/2000 does not define (so it can be reported as such).
fn pisah_golongan(token: &[String]) -> (&[String], Option<Result<Golongan, String>>) {
    let n = token.len();
    // Two tokens (`iv`, `c`): the roman part must look roman and the ruang be one letter.
    // `Tingkat I` never matches, because `tingkat` is not roman.
    if n >= 2
        && tampak_romawi(&token[n - 2])
        && let Some(ruang) = satu_huruf(&token[n - 1])
    {
        return (
            buang_pengantar(&token[..n - 2]),
            Some(golongan_dari(&token[n - 2], ruang)),
        );
    }
    // One token (`ivc`, `IIIa`): the ruang is limited to a–h so that `ii`, `iv`, `vi`
    // are never split into a roman part and a "ruang" i or v.
    if let Some(akhir) = token.last() {
        let mut huruf = akhir.chars();
        if let Some(ruang) = huruf.next_back().filter(|c| ('a'..='h').contains(c)) {
            let romawi = huruf.as_str();
            if !romawi.is_empty() && tampak_romawi(romawi) {
                return (
                    buang_pengantar(&token[..n - 1]),
                    Some(golongan_dari(romawi, ruang)),
                );
            }
        }
    }
    (token, None)
}

fn buang_pengantar(token: &[String]) -> &[String] {
    let mut akhir = token.len();
    while akhir > 0 && KATA_PENGANTAR.contains(&token[akhir - 1].as_str()) {
        akhir -= 1;
    }
    &token[..akhir]
}

fn tampak_romawi(t: &str) -> bool {
    !t.is_empty() && t.len() <= 4 && t.chars().all(|c| matches!(c, 'i' | 'v' | 'x'))
}

fn satu_huruf(t: &str) -> Option<char> {
    let mut c = t.chars();
    match (c.next(), c.next()) {
        (Some(h), None) if h.is_ascii_alphabetic() => Some(h),
        _ => None,
    }
}

fn golongan_dari(romawi: &str, ruang: char) -> Result<Golongan, String> {
    let angka = match romawi {
        "i" => 1,
        "ii" => 2,
        "iii" => 3,
        "iv" => 4,
        _ => 0,
    };
    Golongan::new(angka, ruang).ok_or_else(|| format!("{}/{ruang}", romawi.to_uppercase()))
}

/// Name tokens in the spelling of [`TABEL`] (lowercase): `tk` is `tingkat`, and `Tingkat 1`
/// is `Tingkat I`.
fn normalisasi_nama(token: &[String]) -> String {
    let mut hasil: Vec<&str> = Vec::with_capacity(token.len());
    for t in token {
        let kata = match t.as_str() {
            "tk" | "tkt" => "tingkat",
            "1" if hasil.last() == Some(&"tingkat") => "i",
            lain => lain,
        };
        hasil.push(kata);
    }
    hasil.join(" ")
}

/// Exact match only: because the whole remaining text must equal a name, `Pembina
/// Tingkat I` can never be read as `Pembina` (the longest name always wins).
fn cari_nama(nama: &str) -> Option<usize> {
    TABEL
        .iter()
        .position(|(resmi, _, _)| resmi.to_lowercase() == nama.to_lowercase())
}

/// Closest official name, if it is plausibly a typo of it (a quarter of its length, at
/// least 2 edits); otherwise `None`, since a far-fetched suggestion misleads.
fn nama_terdekat(nama: &str) -> Option<&'static str> {
    if nama.is_empty() {
        return None;
    }
    TABEL
        .iter()
        .map(|(resmi, _, _)| (strsim::levenshtein(nama, &resmi.to_lowercase()), *resmi))
        .filter(|(jarak, resmi)| *jarak <= (resmi.chars().count() / 4).max(2))
        .min_by_key(|(jarak, _)| *jarak)
        .map(|(_, resmi)| resmi)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The code the `check` stage reports this error under.
    trait Code {
        fn code(&self) -> &'static str;
    }
    impl Code for PangkatError {
        fn code(&self) -> &'static str {
            crate::check::rules::pangkat::rule_for(self).code
        }
    }

    fn gol(g: u8, r: char) -> Golongan {
        Golongan::new(g, r).expect("valid golongan in test")
    }

    #[test]
    fn tabel_konsisten_dengan_indeks() {
        for (i, (nama, g, r)) in TABEL.iter().enumerate() {
            let golongan = gol(*g, *r);
            assert_eq!(golongan.indeks(), i);
            assert_eq!(golongan.nama_pangkat(), *nama);
            let p = parse_pangkat(nama).expect("official name parses");
            assert_eq!(p.golongan(), golongan);
            assert_eq!(p.nama_resmi(), *nama);
            let lengkap = parse_pangkat(&p.format()).expect("format round-trips");
            assert_eq!(lengkap.golongan_tertulis(), Some(golongan));
        }
    }

    #[test]
    fn golongan_valid_dan_display() {
        assert_eq!(gol(4, 'c').to_string(), "IV/c");
        assert_eq!(gol(1, 'A').to_string(), "I/a");
        assert_eq!(gol(4, 'e').to_string(), "IV/e");
        assert!(Golongan::new(3, 'e').is_none());
        assert!(Golongan::new(4, 'f').is_none());
        assert!(Golongan::new(5, 'a').is_none());
        assert!(Golongan::new(0, 'a').is_none());
        assert!(gol(3, 'd') < gol(4, 'a'));
        assert_eq!("III-b".parse::<Golongan>(), Ok(gol(3, 'b')));
        assert_eq!("iv.e".parse::<Golongan>(), Ok(gol(4, 'e')));
        assert!("IV/f".parse::<Golongan>().is_err());
        assert!("Penata".parse::<Golongan>().is_err());
    }

    #[test]
    fn bentuk_penulisan_golongan() {
        for s in [
            "Pembina Utama Muda",
            "Pembina Utama Muda (IV/c)",
            "Pembina Utama Muda, IV/c",
            "Pembina Utama Muda - IV/c",
            "Pembina Utama Muda IV/c",
            "Pembina Utama Muda / IV c",
            "Pembina Utama Muda IV.c",
            "Pembina Utama Muda IV-c",
            "Pembina Utama Muda IV c",
            "pembina utama muda (IV/C)",
            "  PEMBINA   UTAMA  MUDA  (  IV / c )  ",
            "Pembina Utama Muda, Gol. IV/c",
            "Pembina Utama Muda IVc",
        ] {
            let p = parse_pangkat(s).unwrap_or_else(|e| panic!("{s}: {e}"));
            assert_eq!(p.nama_resmi(), "Pembina Utama Muda", "{s}");
            assert_eq!(p.golongan(), gol(4, 'c'), "{s}");
            assert_eq!(p.format(), "Pembina Utama Muda (IV/c)");
        }
        assert_eq!(
            parse_pangkat("Pembina Utama Muda").map(|p| p.golongan_tertulis()),
            Ok(None)
        );
    }

    #[test]
    fn ejaan_tingkat_i() {
        for s in [
            "Penata Tingkat I",
            "Penata Tk. I",
            "Penata Tk.I",
            "Penata Tk I",
            "PENATA TK.I",
            "Penata Tingkat 1",
            "Penata Tk I (III/d)",
            "Penata Tk.I III/d",
            "Penata Tk. I, III.d",
        ] {
            let p = parse_pangkat(s).unwrap_or_else(|e| panic!("{s}: {e}"));
            assert_eq!(p.nama_resmi(), "Penata Tingkat I", "{s}");
            assert_eq!(p.golongan(), gol(3, 'd'), "{s}");
        }
    }

    #[test]
    fn nama_terpanjang_dan_i_romawi() {
        assert_eq!(
            parse_pangkat("Pembina").map(|p| p.golongan()),
            Ok(gol(4, 'a'))
        );
        assert_eq!(
            parse_pangkat("Pembina Tingkat I").map(|p| p.golongan()),
            Ok(gol(4, 'b'))
        );
        assert_eq!(
            parse_pangkat("Pembina Utama").map(|p| p.golongan()),
            Ok(gol(4, 'e'))
        );
        let juru = parse_pangkat("Juru Tingkat I (I/d)").expect("Juru Tk I");
        assert_eq!(
            (juru.nama_resmi(), juru.golongan_tertulis()),
            ("Juru Tingkat I", Some(gol(1, 'd')))
        );
        let muda = parse_pangkat("Juru Muda Tk.I I/b").expect("Juru Muda Tk I");
        assert_eq!(muda.golongan(), gol(1, 'b'));
        assert_eq!(
            parse_pangkat("Juru, I/c").map(|p| p.nama_resmi()),
            Ok("Juru")
        );
    }

    #[test]
    fn tidak_cocok() {
        let e = parse_pangkat("Pembina Utama Muda (IV/b)").expect_err("mismatch");
        assert_eq!(e.code(), "pangkat-golongan");
        assert_eq!(
            e.message().id,
            "pangkat Pembina Utama Muda adalah golongan IV/c, bukan IV/b"
        );
        assert_eq!(
            e.help().map(|h| h.id).as_deref(),
            Some("tulis `Pembina Utama Muda (IV/c)`, atau periksa pangkat pada SK terakhir")
        );
        assert_eq!(
            e.message().en,
            "pangkat Pembina Utama Muda is golongan IV/c, not IV/b"
        );
        assert!(
            e.help()
                .map(|h| h.en)
                .is_some_and(|h| h.contains("`Pembina Utama Muda (IV/c)`"))
        );
        let e = parse_pangkat("Pembina IV/b").expect_err("Pembina is IV/a");
        assert_eq!(e.usulan().as_deref(), Some("Pembina (IV/a)"));
    }

    #[test]
    fn tidak_dikenal_dengan_usulan() {
        let e = parse_pangkat("Pembina Utama Mud").expect_err("typo");
        assert_eq!(e.code(), "pangkat-tidak-dikenal");
        assert_eq!(e.message().id, "pangkat `Pembina Utama Mud` tidak dikenal");
        assert_eq!(e.usulan().as_deref(), Some("Pembina Utama Muda"));
        assert_eq!(
            e.help().map(|h| h.id).as_deref(),
            Some("mungkin maksudnya `Pembina Utama Muda`?")
        );
        assert_eq!(
            e.help().map(|h| h.en).as_deref(),
            Some("did you mean `Pembina Utama Muda`?")
        );
        let e = parse_pangkat("Penata Mda (III/a)").expect_err("typo");
        assert_eq!(e.usulan().as_deref(), Some("Penata Muda"));
        let e = parse_pangkat("Kepala Seksi").expect_err("not a pangkat");
        assert_eq!(e.usulan(), None);
        assert!(
            e.help()
                .map(|h| h.id)
                .is_some_and(|s| s.contains("PP 99/2000"))
        );
        let e = parse_pangkat("Kepala Seksi (III/d)").expect_err("not a pangkat");
        assert_eq!(e.usulan().as_deref(), Some("Penata Tingkat I"));
    }

    #[test]
    fn golongan_saja() {
        let e = parse_pangkat("IV/c").expect_err("name missing");
        assert_eq!(e.code(), "pangkat-tidak-dikenal");
        assert!(
            e.message().id.contains("nama pangkatnya tidak ada"),
            "{}",
            e.message().id
        );
        assert!(e.message().en.contains("name is missing"));
        assert_eq!(
            e.help().map(|h| h.id).as_deref(),
            Some("tulis `Pembina Utama Muda (IV/c)`")
        );
        assert_eq!(
            e.help().map(|h| h.en).as_deref(),
            Some("write `Pembina Utama Muda (IV/c)`")
        );
    }

    #[test]
    fn golongan_tidak_ada() {
        for (s, tertulis) in [
            ("IV/f", "IV/f"),
            ("V/a", "V/a"),
            ("Penata (III/e)", "III/e"),
        ] {
            let e = parse_pangkat(s).expect_err(s);
            assert_eq!(e.code(), "pangkat-tidak-dikenal", "{s}");
            assert!(
                e.message()
                    .id
                    .starts_with(&format!("golongan {tertulis} tidak ada")),
                "{}",
                e.message().id
            );
        }
        let e = parse_pangkat("V/a").expect_err("no such golongan");
        assert_eq!(
            e.help().map(|h| h.id).as_deref(),
            Some("periksa golongan/ruang pada SK terakhir")
        );
        let e = parse_pangkat("Penata (III/e)").expect_err("no such golongan");
        assert_eq!(
            e.help().map(|h| h.id).as_deref(),
            Some("tulis `Penata (III/c)`")
        );
    }

    #[test]
    fn kosong() {
        for s in ["", "   ", "()", "-/-"] {
            let e = parse_pangkat(s).expect_err("empty");
            assert_eq!(e.message().id, "pangkat kosong");
            assert_eq!(e.message().en, "empty pangkat");
        }
    }

    #[test]
    fn masukan_aneh_tidak_panik() {
        let panjang = "IV/c ".repeat(10_000);
        let angka = "9".repeat(500);
        for s in [
            "",
            "I",
            "i",
            "I/",
            "/a",
            "IV",
            "Tingkat I",
            "Tk",
            "ⅣⅠ",
            "Penata 🙂",
            "ĲV/c",
            "Pembina Utama Muda (IV/c) (IV/c)",
            "xxxx/z",
            "iiiii a",
            "I I I I",
            "\u{0}",
            &panjang,
            &angka,
            "99999999999999999999/a",
            "Penata Tingkat 99999999999999999",
            "ß",
            "İV/c",
            "Pembina\u{200b}Utama",
            "IV/é",
            "ⅰⅴ/c",
        ] {
            let hasil = parse_pangkat(s);
            if let Err(e) = &hasil {
                let _ = (e.code(), e.message(), e.help(), e.usulan());
            }
            let _ = s.parse::<Golongan>();
        }
    }
}
