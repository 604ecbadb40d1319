//! Calendar dates as staff write them in SOP documents: this module owns the
//! [`Tanggal`] value (always a real proleptic-Gregorian date), the grammar of the
//! accepted spellings (ISO `2023-06-05`, Indonesian `5 Juni 2023` with full,
//! abbreviated or old-spelling month names, and day-first `05-06-2023` /
//! `05/06/2023`), the Indonesian formatting back to text, and the [`TanggalError`]
//! explaining every rejection in Bahasa Indonesia and English. It has no
//! dependencies and never panics on user input.

use crate::diag::{Kesalahan, Msg};
use crate::msg;
use std::fmt;
use std::str::FromStr;

/// Indonesian month names, index 0 = January; used for output and messages.
#[rustfmt::skip]
pub const NAMA_BULAN: [&str; 12] = [
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
];

/// English twins of [`NAMA_BULAN`], only for English messages (here and in `nip`).
#[rustfmt::skip]
pub(crate) const MONTH_EN: [&str; 12] = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
];

/// Every lower-case spelling accepted for a month, with its number: full names
/// first (so the closest-name suggestion prefers them on ties), then the old
/// spellings still common in older regulations, then table/letterhead
/// abbreviations.
#[rustfmt::skip]
const EJAAN_BULAN: [(&str, u8); 33] = [
    ("januari", 1), ("februari", 2), ("maret", 3), ("april", 4), ("mei", 5), ("juni", 6),
    ("juli", 7), ("agustus", 8), ("september", 9), ("oktober", 10), ("november", 11),
    ("desember", 12), ("pebruari", 2), ("nopember", 11),
    ("jan", 1), ("feb", 2), ("febr", 2), ("peb", 2), ("pebr", 2), ("mar", 3), ("apr", 4),
    ("jun", 6), ("jul", 7), ("agt", 8), ("agu", 8), ("ags", 8), ("agus", 8), ("sep", 9),
    ("sept", 9), ("okt", 10), ("nop", 11), ("nov", 11), ("des", 12),
];

/// The years an SOP date may have: from the Republic's first year to a
/// horizon no document signed today reaches. A year outside is a typo
/// (`0023`, `20233`→`2023` slips, `9999` as "no end date") that would print on
/// a signed page.
pub const TAHUN_PALING_AWAL: i32 = 1945;
pub const TAHUN_PALING_AKHIR: i32 = 2100;

/// The accepted forms, quoted by format errors so the writer can pick one.
const BENTUK_DITERIMA: &str = "5 Juni 2023, 2023-06-05, atau 05-06-2023 (hari-bulan-tahun)";
const FORMS_ACCEPTED: &str = "5 Juni 2023, 2023-06-05, or 05-06-2023 (day-month-year)";

/// A real calendar date. Fields are ordered year, month, day so the derived
/// `Ord` is chronological.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Tanggal {
    tahun: i32,
    bulan: u8,
    hari: u8,
}

/// Gregorian leap-year rule.
pub fn kabisat(tahun: i32) -> bool {
    (tahun % 4 == 0 && tahun % 100 != 0) || tahun % 400 == 0
}

/// Days in a month; 0 for a month number outside 1..=12 so callers can reject it.
pub fn hari_dalam_bulan(tahun: i32, bulan: u8) -> u8 {
    match bulan {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if kabisat(tahun) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Tanggal {
    /// `None` unless the date exists (month 1..=12, day within that month).
    pub fn new(tahun: i32, bulan: u8, hari: u8) -> Option<Tanggal> {
        let ada = hari >= 1 && hari <= hari_dalam_bulan(tahun, bulan);
        ada.then_some(Tanggal { tahun, bulan, hari })
    }

    pub fn tahun(&self) -> i32 {
        self.tahun
    }

    pub fn bulan(&self) -> u8 {
        self.bulan
    }

    pub fn hari(&self) -> u8 {
        self.hari
    }

    /// Parse one of the accepted spellings; surrounding whitespace is ignored.
    /// The year must lie in [`TAHUN_PALING_AWAL`]..=[`TAHUN_PALING_AKHIR`].
    pub fn parse(s: &str) -> Result<Tanggal, TanggalError> {
        let kata: Vec<&str> = s.split_whitespace().collect();
        let t = match kata.as_slice() {
            [satu] => parse_angka(satu, s),
            [bulan, tahun] => parse_tanpa_hari(bulan, tahun, s),
            [hari, bulan, tahun] => parse_teks(hari, bulan, tahun, s),
            _ => Err(format_salah(s)),
        }?;
        match (TAHUN_PALING_AWAL..=TAHUN_PALING_AKHIR).contains(&t.tahun) {
            true => Ok(t),
            false => Err(TanggalError::TahunDiLuarRentang { tahun: t.tahun }),
        }
    }

    /// Indonesian long form without leading zero, e.g. `5 Juni 2023`.
    pub fn format_id(&self) -> String {
        format!("{} {} {}", self.hari, self.nama_bulan(), self.tahun)
    }

    /// ISO 8601 form, e.g. `2023-06-05`.
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.tahun, self.bulan, self.hari)
    }

    /// Same day `n` years later (or earlier for negative `n`). 29 February
    /// becomes 28 February in a non-leap year, the usual legal convention for
    /// anniversaries; the year saturates instead of overflowing.
    pub fn tambah_tahun(&self, n: i32) -> Tanggal {
        let tahun = self.tahun.saturating_add(n);
        let hari = self.hari.min(hari_dalam_bulan(tahun, self.bulan));
        Tanggal {
            tahun,
            hari,
            ..*self
        }
    }

    fn nama_bulan(&self) -> &'static str {
        NAMA_BULAN[usize::from(self.bulan - 1)]
    }
}

impl fmt::Display for Tanggal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.format_id())
    }
}

impl FromStr for Tanggal {
    type Err = TanggalError;

    fn from_str(s: &str) -> Result<Tanggal, TanggalError> {
        Tanggal::parse(s)
    }
}

/// Why a text is not a [`Tanggal`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TanggalError {
    /// Month and year (`Januari 2018`) or year alone (`2018`): no day given.
    TidakLengkap,
    /// A word in month position that is no known month spelling.
    BulanTidakDikenal {
        ditemukan: String,
        /// Closest full month name, when one is close enough to be a typo.
        saran: Option<&'static str>,
    },
    /// Well-formed but impossible, e.g. `31 Februari 2023` or month 13.
    TidakAda { tahun: i32, bulan: u8, hari: u8 },
    /// None of the accepted forms.
    FormatTidakDikenal { ditemukan: String },
    /// A real date, but not a year an SOP can be dated.
    TahunDiLuarRentang { tahun: i32 },
}

impl TanggalError {}

impl Kesalahan for TanggalError {
    fn message(&self) -> Msg {
        match self {
            TanggalError::TidakLengkap => Msg::fixed(
                "tanggal tidak lengkap: hari tidak disebut",
                "incomplete date: the day is missing",
            ),
            TanggalError::BulanTidakDikenal { ditemukan: x, .. } => {
                msg!("nama bulan `{x}` tidak dikenal", "unknown month name `{x}`")
            }
            TanggalError::TidakAda { tahun, bulan, hari } => teks_tidak_ada(*tahun, *bulan, *hari),
            TanggalError::FormatTidakDikenal { ditemukan: x } => msg!(
                "format tanggal `{x}` tidak dikenal",
                "unrecognised date format `{x}`"
            ),
            TanggalError::TahunDiLuarRentang { tahun } => msg!(
                "tahun {tahun} tidak mungkin untuk tanggal SOP",
                "the year {tahun} is not possible for an SOP date"
            ),
        }
    }

    fn help(&self) -> Option<Msg> {
        Some(match self {
            TanggalError::TidakLengkap => Msg::fixed(
                "tulis lengkap, misalnya 1 Januari 2018 atau 2018-01-01",
                "write the full date, e.g. 1 Januari 2018 or 2018-01-01",
            ),
            TanggalError::BulanTidakDikenal { saran: Some(b), .. } => {
                msg!("apakah maksud Anda `{b}`?", "did you mean `{b}`?")
            }
            TanggalError::BulanTidakDikenal { saran: None, .. } => {
                let semua = NAMA_BULAN.join(", ");
                msg!(
                    "gunakan nama bulan Indonesia: {semua}",
                    "use an Indonesian month name: {semua}"
                )
            }
            TanggalError::TidakAda { tahun, bulan, hari } => {
                bantuan_tidak_ada(*tahun, *bulan, *hari)
            }
            TanggalError::FormatTidakDikenal { .. } => msg!(
                "gunakan salah satu bentuk: {BENTUK_DITERIMA}",
                "use one of these forms: {FORMS_ACCEPTED}"
            ),
            TanggalError::TahunDiLuarRentang { .. } => msg!(
                "tulis tahun dari {TAHUN_PALING_AWAL} sampai {TAHUN_PALING_AKHIR}",
                "write a year from {TAHUN_PALING_AWAL} to {TAHUN_PALING_AKHIR}"
            ),
        })
    }
}

impl fmt::Display for TanggalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message().id)
    }
}

impl std::error::Error for TanggalError {}

fn format_salah(s: &str) -> TanggalError {
    TanggalError::FormatTidakDikenal {
        ditemukan: s.trim().to_string(),
    }
}

/// Validity is checked here, after the shape is known, so that a well-formed but
/// impossible date gets the precise `TidakAda` explanation.
fn buat(tahun: u16, bulan: u8, hari: u8) -> Result<Tanggal, TanggalError> {
    let tahun = i32::from(tahun);
    Tanggal::new(tahun, bulan, hari).ok_or(TanggalError::TidakAda { tahun, bulan, hari })
}

/// ASCII digits only, with a length in `min..=max`; `char::is_numeric` would let
/// Arabic-Indic or full-width digits through, which no SOP uses.
fn angka(w: &str, min: usize, max: usize) -> Option<u16> {
    let bentuk_ok = (min..=max).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit());
    bentuk_ok.then(|| w.parse().ok()).flatten()
}

fn hari_atau_bulan(w: &str) -> Option<u8> {
    angka(w, 1, 2).and_then(|n| u8::try_from(n).ok())
}

fn tahun(w: &str) -> Option<u16> {
    angka(w, 4, 4)
}

/// A single token: `2018`, `2023-06-05`, `05-06-2023`, `05/06/2023`, `2018-06`.
fn parse_angka(w: &str, asli: &str) -> Result<Tanggal, TanggalError> {
    if tahun(w).is_some() {
        return Err(TanggalError::TidakLengkap);
    }
    // Mixed separators (`05-06/2023`) are rejected: one of them is a typo.
    let pemisah = match (w.contains('-'), w.contains('/')) {
        (true, false) => '-',
        (false, true) => '/',
        _ => return Err(format_salah(asli)),
    };
    let bagian: Vec<&str> = w.split(pemisah).collect();
    match bagian.as_slice() {
        [a, b, c] => parse_tiga_angka(a, b, c).unwrap_or_else(|| Err(format_salah(asli))),
        [a, b] if bulan_tahun_angka(a, b) => Err(TanggalError::TidakLengkap),
        _ => Err(format_salah(asli)),
    }
}

/// Year-first is ISO; otherwise day-first, the Indonesian habit. `None` when the
/// parts fit neither shape.
fn parse_tiga_angka(a: &str, b: &str, c: &str) -> Option<Result<Tanggal, TanggalError>> {
    let bulan = hari_atau_bulan(b)?;
    if let (Some(y), Some(d)) = (tahun(a), hari_atau_bulan(c)) {
        return Some(buat(y, bulan, d));
    }
    let (d, y) = (hari_atau_bulan(a)?, tahun(c)?);
    Some(buat(y, bulan, d))
}

/// `2018-06` or `06/2018`: a month and a year but no day.
fn bulan_tahun_angka(a: &str, b: &str) -> bool {
    let y_dulu = tahun(a).is_some() && hari_atau_bulan(b).is_some();
    y_dulu || (hari_atau_bulan(a).is_some() && tahun(b).is_some())
}

/// Two words: only `Januari 2018` makes sense, and it lacks the day.
fn parse_tanpa_hari(bulan: &str, thn: &str, asli: &str) -> Result<Tanggal, TanggalError> {
    if tahun(thn).is_none() || !mirip_kata(bulan) {
        return Err(format_salah(asli));
    }
    cari_bulan(bulan)?;
    Err(TanggalError::TidakLengkap)
}

/// Three words: `5 Juni 2023`. The month is checked first because a misspelt
/// month is the most common mistake and deserves the specific message.
fn parse_teks(hari: &str, bulan: &str, thn: &str, asli: &str) -> Result<Tanggal, TanggalError> {
    if !mirip_kata(bulan) {
        return Err(format_salah(asli));
    }
    let bulan = cari_bulan(bulan)?;
    match (hari_atau_bulan(hari), tahun(thn)) {
        (Some(d), Some(y)) => buat(y, bulan, d),
        _ => Err(format_salah(asli)),
    }
}

/// Only alphabetic words are treated as attempted month names; `5 06 2023` is a
/// format problem, not a misspelt month.
fn mirip_kata(w: &str) -> bool {
    w.chars().any(char::is_alphabetic)
}

/// Look a month spelling up case-insensitively; a trailing dot (`Jan.`) is fine.
fn cari_bulan(w: &str) -> Result<u8, TanggalError> {
    let kecil = w.strip_suffix('.').unwrap_or(w).to_lowercase();
    EJAAN_BULAN
        .iter()
        .find(|(ejaan, _)| *ejaan == kecil)
        .map(|&(_, nomor)| nomor)
        .ok_or_else(|| TanggalError::BulanTidakDikenal {
            ditemukan: w.to_string(),
            saran: bulan_terdekat(&kecil),
        })
}

/// Closest month by edit distance over every accepted spelling. A match counts
/// only if at most two edits and at most half the spelling changed, so `ab` does
/// not become `April` but `Juil` becomes `Juli`.
fn bulan_terdekat(kecil: &str) -> Option<&'static str> {
    // Bound the work on absurd input: no month name is anywhere near this long.
    if kecil.chars().count() > 20 {
        return None;
    }
    let (_, nomor) = EJAAN_BULAN
        .iter()
        .map(|&(ejaan, nomor)| (strsim::levenshtein(kecil, ejaan), nomor, ejaan))
        .filter(|&(d, _, ejaan)| d <= 2 && d * 2 <= ejaan.len())
        .map(|(d, nomor, _)| (d, nomor))
        .min_by_key(|&(d, _)| d)?;
    Some(NAMA_BULAN[usize::from(nomor - 1)])
}

fn teks_tidak_ada(tahun: i32, bulan: u8, hari: u8) -> Msg {
    if !(1..=12).contains(&bulan) {
        return msg!(
            "bulan {bulan} tidak ada (bulan hanya 1 sampai 12)",
            "month {bulan} does not exist (months run from 1 to 12)"
        );
    }
    if hari == 0 {
        return Msg::fixed(
            "tanggal 0 tidak ada (tanggal dimulai dari 1)",
            "day 0 does not exist (days start at 1)",
        );
    }
    if bulan == 2 && hari == 29 {
        return msg!(
            "tanggal 29 Februari {tahun} tidak ada ({tahun} bukan tahun kabisat)",
            "29 February {tahun} does not exist ({tahun} is not a leap year)"
        );
    }
    let (nama, name) = (
        NAMA_BULAN[usize::from(bulan - 1)],
        MONTH_EN[usize::from(bulan - 1)],
    );
    let maks = hari_dalam_bulan(tahun, bulan);
    msg!(
        "tanggal {hari} {nama} {tahun} tidak ada ({nama} {tahun} hanya {maks} hari)",
        "{hari} {name} {tahun} does not exist ({name} {tahun} has only {maks} days)"
    )
}

/// Month > 12 with a day <= 12 is usually day and month swapped (`2023-13-01`
/// meant as 13 January); say so, since that is the likely fix.
fn bantuan_tidak_ada(tahun: i32, bulan: u8, hari: u8) -> Msg {
    match (bulan > 12)
        .then(|| Tanggal::new(tahun, hari, bulan))
        .flatten()
    {
        Some(t) => {
            let iso = t.iso();
            msg!(
                "mungkin hari dan bulan tertukar; maksudnya {t} ({iso})?",
                "day and month may be swapped; did you mean {iso}?"
            )
        }
        None => Msg::fixed(
            "periksa kembali tanggal, bulan, dan tahunnya",
            "check the day, month and year again",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(y: i32, m: u8, d: u8) -> Tanggal {
        Tanggal::new(y, m, d).expect("test date must exist")
    }

    fn gagal(s: &str) -> TanggalError {
        Tanggal::parse(s).expect_err(s)
    }

    /// `|`-separated lists keep the case tables readable under rustfmt.
    fn daftar(s: &str) -> impl Iterator<Item = &str> {
        s.split('|')
    }

    #[test]
    fn new_checks_calendar_and_orders_by_date() {
        assert!(Tanggal::new(2024, 2, 29).is_some() && Tanggal::new(2000, 2, 29).is_some());
        let bad = [
            (2023, 2, 29),
            (1900, 2, 29),
            (2023, 4, 31),
            (2023, 13, 1),
            (2023, 0, 1),
        ];
        for (y, m, d) in bad {
            assert_eq!(Tanggal::new(y, m, d), None, "{y}-{m}-{d}");
        }
        let d = t(2023, 6, 5);
        assert_eq!((d.tahun(), d.bulan(), d.hari()), (2023, 6, 5));
        assert!(t(2022, 12, 31) < t(2023, 1, 1) && t(2023, 1, 31) < t(2023, 2, 1));
    }

    #[test]
    fn parses_all_forms() {
        let cases = "2023-06-05=2023-06-05|8 Juli 2020=2020-07-08|04 Januari 2015=2015-01-04|\
            5 Juni 2023=2023-06-05|05-06-2023=2023-06-05|05/06/2023=2023-06-05|  5   JUNI 2023 =2023-06-05|\
            17 agt 1945=1945-08-17|17 Agu 1945=1945-08-17|17 Ags 1945=1945-08-17|1 Sept 2020=2020-09-01|\
            1 Sep 2020=2020-09-01|3 Pebruari 1999=1999-02-03|10 Nopember 1945=1945-11-10|\
            10 Nop 1945=1945-11-10|2 Mei 2021=2021-05-02|31 Des. 2021=2021-12-31|1 Okt 2010=2010-10-01|\
            29 Februari 2024=2024-02-29|9 feb 2011=2011-02-09|9 Mar 2011=2011-03-09|9 APR 2011=2011-04-09";
        for case in daftar(cases) {
            let (s, iso) = case.split_once('=').expect("case has =");
            assert_eq!(
                s.parse::<Tanggal>().map(|d| d.iso()).as_deref(),
                Ok(iso),
                "{s}"
            );
        }
    }

    #[test]
    fn incomplete_dates() {
        for s in daftar("Januari 2018|2018|2018-06|06/2018|jan 2018") {
            assert_eq!(Tanggal::parse(s), Err(TanggalError::TidakLengkap), "{s}");
        }
        let e = TanggalError::TidakLengkap;
        assert_eq!(e.message().id, "tanggal tidak lengkap: hari tidak disebut");
        let fix = "tulis lengkap, misalnya 1 Januari 2018 atau 2018-01-01";
        assert_eq!(e.help().map(|h| h.id).as_deref(), Some(fix));
        assert_eq!(e.message().en, "incomplete date: the day is missing");
    }

    #[test]
    fn unknown_month_suggests_closest() {
        let cases = "5 Juil 2023=Juli|5 Agustis 2023=Agustus|5 Oktobr 2023=Oktober|\
                     5 Desmber 2023=Desember|Juil 2018=Juli|5 Xyzzy 2023=";
        for case in daftar(cases) {
            let (s, want) = case.split_once('=').expect("case has =");
            let want = Some(want).filter(|w| !w.is_empty());
            let e = gagal(s);
            let ok = matches!(e, TanggalError::BulanTidakDikenal { saran, .. } if saran == want);
            assert!(ok, "{s}: {e:?}");
        }
        let e = gagal("5 Agustis 2023");
        assert_eq!(e.message().id, "nama bulan `Agustis` tidak dikenal");
        assert_eq!(
            e.help().map(|h| h.id).as_deref(),
            Some("apakah maksud Anda `Agustus`?")
        );
        assert_eq!(
            e.help().map(|h| h.en).as_deref(),
            Some("did you mean `Agustus`?")
        );
        assert_eq!(
            (
                strsim::levenshtein("juil", "juli"),
                strsim::levenshtein("", "mei")
            ),
            (2, 3)
        );
    }

    #[test]
    fn impossible_dates() {
        let e = gagal("2023-02-29");
        let feb29 = TanggalError::TidakAda {
            tahun: 2023,
            bulan: 2,
            hari: 29,
        };
        assert_eq!(e, feb29);
        let msg = "tanggal 29 Februari 2023 tidak ada (2023 bukan tahun kabisat)";
        assert_eq!(e.message().id, msg);
        let msg = "29 February 2023 does not exist (2023 is not a leap year)";
        assert_eq!(e.message().en, msg);
        let msg = "tanggal 31 Februari 2023 tidak ada (Februari 2023 hanya 28 hari)";
        assert_eq!(gagal("31 Februari 2023").message().id, msg);
        let e = gagal("2023-13-01");
        assert_eq!(
            e.message().id,
            "bulan 13 tidak ada (bulan hanya 1 sampai 12)"
        );
        let swapped = "mungkin hari dan bulan tertukar; maksudnya 13 Januari 2023 (2023-01-13)?";
        assert_eq!(e.help().map(|h| h.id).as_deref(), Some(swapped));
        let msg = "tanggal 0 tidak ada (tanggal dimulai dari 1)";
        assert_eq!(gagal("0 Juni 2023").message().id, msg);
        let apr31 = TanggalError::TidakAda {
            tahun: 2023,
            bulan: 4,
            hari: 31,
        };
        assert_eq!(gagal("31/04/2023"), apr31);
    }

    #[test]
    fn unrecognised_formats() {
        let cases = "|   |5 06 2023|05-06/2023|2023.06.05|5 Juni 23|Senin 5 Juni 2023|5 Juni 2023,|\
                     123-06-05|05-06-20233|x|2023-06-05-01|五 Juni 2023|5-Juni-2023";
        for s in daftar(cases) {
            assert!(
                matches!(gagal(s), TanggalError::FormatTidakDikenal { .. }),
                "{s}"
            );
        }
        let e = gagal("2023.06.05");
        assert_eq!(e.message().id, "format tanggal `2023.06.05` tidak dikenal");
        let forms = "gunakan salah satu bentuk: \
                     5 Juni 2023, 2023-06-05, atau 05-06-2023 (hari-bulan-tahun)";
        assert_eq!(e.help().map(|h| h.id).as_deref(), Some(forms));
    }

    #[test]
    fn formatting_and_years() {
        assert_eq!(t(2023, 6, 5).format_id(), "5 Juni 2023");
        assert_eq!(t(2023, 6, 5).iso(), "2023-06-05");
        assert_eq!(t(1945, 12, 31).to_string(), "31 Desember 1945");
        for d in [t(2023, 6, 5), t(2024, 2, 29), t(1999, 11, 30)] {
            assert_eq!(Tanggal::parse(&d.format_id()), Ok(d));
            assert_eq!(Tanggal::parse(&d.iso()), Ok(d));
        }
        assert_eq!(t(2024, 2, 29).tambah_tahun(1), t(2025, 2, 28));
        assert_eq!(t(2024, 2, 29).tambah_tahun(4), t(2028, 2, 29));
        assert_eq!(t(1968, 12, 2).tambah_tahun(18), t(1986, 12, 2));
        assert_eq!(t(2020, 6, 5).tambah_tahun(-3), t(2017, 6, 5));
        assert_eq!(t(2020, 6, 5).tambah_tahun(i32::MAX).tahun(), i32::MAX);
    }

    #[test]
    fn odd_inputs_never_panic() {
        let huge = "9".repeat(10_000);
        let long_word = format!("1 {} 2020", "a".repeat(10_000));
        let odd = " |\t\n|-|/|--|//|1-|-1-|0-0-0|00-00-0000|0000-00-00|99-99-9999|9999-99-99|\
                   4294967296-1-1|１-２-２０２３|٥ Juni ٢٠٢٣|5 Júni 2023|5 🎉 2023|ß|İ|5 Jan. 2023.|.|\
                   5 . 2023|255 Juni 2023|256-01-2023|0000-01-01|";
        for s in daftar(odd).chain([huge.as_str(), long_word.as_str()]) {
            if let Err(e) = Tanggal::parse(s) {
                assert!(!e.message().id.is_empty() && !e.message().en.is_empty());
                assert!(e.help().map(|h| h.id).is_some() && e.help().map(|h| h.en).is_some());
            }
        }
    }

    #[test]
    fn years_outside_the_range_of_sop_dates_are_refused() {
        for (s, tahun) in [
            ("9999-12-31", 9999),
            ("0000-01-01", 0),
            ("1 Januari 1944", 1944),
            ("01-01-2101", 2101),
        ] {
            let e = gagal(s);
            assert_eq!(e, TanggalError::TahunDiLuarRentang { tahun }, "{s}");
            assert_eq!(
                e.message().id,
                format!("tahun {tahun} tidak mungkin untuk tanggal SOP")
            );
            assert_eq!(
                e.help().map(|h| h.id).as_deref(),
                Some("tulis tahun dari 1945 sampai 2100")
            );
        }
        assert_eq!(Tanggal::parse("17 Agustus 1945"), Ok(t(1945, 8, 17)));
        assert_eq!(Tanggal::parse("2100-12-31"), Ok(t(2100, 12, 31)));
    }
}
