//! Durations of SOP steps: this module owns the grammar of the Indonesian `waktu`
//! strings written by staff (units, decimal comma or dot, `1 x 24 jam` products,
//! ranges, upper-bound qualifiers such as `maksimal`, and non-numeric "variable"
//! texts such as `Sesuai kebutuhan`), the exact arithmetic used to sum the steps,
//! the normalised text of the JUMLAH row, and the comparison of a stated total
//! (`jumlah_waktu`) with the computed one. It has no dependencies and never panics
//! on user input; every rejection is a [`WaktuError`] with a byte range and, when
//! possible, a suggested corrected text.

use crate::diag::{Kesalahan, Msg, did_you_mean};
use crate::msg;
use std::fmt;
use std::ops::{Add, AddAssign, Range};

/// Largest amount one parsed value may have (seconds, or hundredths of a calendar
/// unit). Far below `i64::MAX`, so realistic sums cannot overflow; `Add` still
/// saturates so that even absurd sums never panic.
const BATAS_NILAI: i128 = 10_000_000_000_000;

/// More integer digits than this cannot fit under [`BATAS_NILAI`] in any unit.
const MAKS_DIGIT_BULAT: usize = 15;

/// More fraction digits than this is a typo, not a precision anyone means.
const MAKS_DIGIT_PECAHAN: usize = 9;

/// Exact duration.
///
/// Sub-day units (detik, menit, jam) share one pool of whole seconds so they carry
/// into each other. Calendar units (hari, hari kerja, minggu, bulan) are kept apart,
/// in hundredths, because their length in hours is a matter of policy, not of
/// arithmetic: `7 hari` is never turned into `1 minggu`. Parsed values are rounded
/// to the nearest second (sub-day) or hundredth (calendar); sums are exact.
///
/// Equality is structural on this representation, so `90 menit == 1 jam 30 menit`
/// but `24 jam != 1 hari`; use [`Durasi::normalisasi`] before comparing when a
/// working-day length applies.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Durasi {
    detik: i64,
    hari: i64,
    hari_kerja: i64,
    minggu: i64,
    bulan: i64,
}

impl Durasi {
    /// Negative input is clamped to zero: a duration cannot be negative.
    pub fn from_menit(m: i64) -> Durasi {
        Durasi::from_detik(m.max(0).saturating_mul(60))
    }

    /// Negative input is clamped to zero: a duration cannot be negative.
    pub fn from_detik(s: i64) -> Durasi {
        Durasi {
            detik: s.max(0),
            ..Durasi::default()
        }
    }

    pub fn is_zero(&self) -> bool {
        *self == Durasi::default()
    }

    /// Comparable magnitude for shortest/longest-path reports: hari = 24 jam,
    /// hari kerja = 8 jam, minggu = 7 hari, bulan = 30 hari.
    pub fn nominal_menit(&self) -> f64 {
        self.nominal_detik() as f64 / 60.0
    }

    /// Exact version of [`Durasi::nominal_menit`], in seconds.
    fn nominal_detik(&self) -> i128 {
        i128::from(self.detik)
            + i128::from(self.hari) * 864
            + i128::from(self.hari_kerja) * 288
            + i128::from(self.minggu) * 6048
            + i128::from(self.bulan) * 25_920
    }

    /// Carries whole working days out of the sub-day pool when a working-day length
    /// is configured. The carried days go into `hari`, not `hari kerja`: the setting
    /// says how long an SOP "hari" is, and a separate `hari kerja` column would make
    /// `1 hari` (written) and `8 jam` (carried) print differently. `Some(0)` is
    /// treated as `None`.
    pub fn normalisasi(&self, jam_kerja_per_hari: Option<u32>) -> Durasi {
        let Some(jam) = jam_kerja_per_hari.filter(|&j| j > 0) else {
            return *self;
        };
        let per_hari = i64::from(jam) * 3600;
        let hari = self.detik / per_hari;
        Durasi {
            detik: self.detik % per_hari,
            hari: self.hari.saturating_add(hari.saturating_mul(100)),
            ..*self
        }
    }

    /// Normalised text, largest unit first: bulan, minggu, hari, hari kerja, jam,
    /// menit, detik. Zero parts are omitted; an all-zero duration is `0 menit`.
    pub fn format(&self, jam_kerja_per_hari: Option<u32>) -> String {
        let d = self.normalisasi(jam_kerja_per_hari);
        let mut parts = Vec::new();
        for (nilai, nama) in [
            (d.bulan, "bulan"),
            (d.minggu, "minggu"),
            (d.hari, "hari"),
            (d.hari_kerja, "hari kerja"),
        ] {
            if nilai != 0 {
                parts.push(format!("{} {nama}", format_perseratus(nilai)));
            }
        }
        let (jam, menit, detik) = (d.detik / 3600, d.detik % 3600 / 60, d.detik % 60);
        for (nilai, nama) in [(jam, "jam"), (menit, "menit"), (detik, "detik")] {
            if nilai != 0 {
                parts.push(format!("{nilai} {nama}"));
            }
        }
        if parts.is_empty() {
            return "0 menit".to_string();
        }
        parts.join(" ")
    }

    fn checked_add(self, o: Durasi) -> Option<Durasi> {
        Some(Durasi {
            detik: self.detik.checked_add(o.detik)?,
            hari: self.hari.checked_add(o.hari)?,
            hari_kerja: self.hari_kerja.checked_add(o.hari_kerja)?,
            minggu: self.minggu.checked_add(o.minggu)?,
            bulan: self.bulan.checked_add(o.bulan)?,
        })
    }
}

/// Hundredths with a decimal comma and at most two decimals: `50` → `0,5`.
fn format_perseratus(h: i64) -> String {
    let (bulat, sisa) = (h / 100, h % 100);
    match sisa {
        0 => bulat.to_string(),
        s if s % 10 == 0 => format!("{bulat},{}", s / 10),
        s => format!("{bulat},{s:02}"),
    }
}

/// Saturating, because `Add` cannot report an error and a panic on absurd input is
/// worse than a pinned maximum.
impl Add for Durasi {
    type Output = Durasi;
    fn add(self, o: Durasi) -> Durasi {
        Durasi {
            detik: self.detik.saturating_add(o.detik),
            hari: self.hari.saturating_add(o.hari),
            hari_kerja: self.hari_kerja.saturating_add(o.hari_kerja),
            minggu: self.minggu.saturating_add(o.minggu),
            bulan: self.bulan.saturating_add(o.bulan),
        }
    }
}

impl AddAssign for Durasi {
    fn add_assign(&mut self, o: Durasi) {
        *self = *self + o;
    }
}

impl std::iter::Sum for Durasi {
    fn sum<I: Iterator<Item = Durasi>>(iter: I) -> Durasi {
        iter.fold(Durasi::default(), Add::add)
    }
}

impl fmt::Display for Durasi {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.format(None))
    }
}

/// Parsed `waktu` of one step.
///
/// Upper bounds and approximations (`maksimal 15 menit`, `± 5 menit`) are read as
/// the stated amount for both `min` and `maks`. A text without any digit is
/// `Variabel`; a number is never silently read as variable.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Waktu {
    Tetap { min: Durasi, maks: Durasi },
    Variabel(String),
}

impl Waktu {
    /// Parses one `waktu` string.
    ///
    /// Empty text and text made only of punctuation (a lone `-`) are
    /// [`WaktuErrorKind::Kosong`]: a dash in an SOP table means "not filled in",
    /// and counting it as a variable would print `+ -` in the total. A dot is a
    /// decimal point like the comma (`1.5 jam`), so thousands separators are not
    /// supported.
    ///
    /// # Errors
    ///
    /// Unknown or missing units, malformed numbers, reversed or incomplete ranges,
    /// values too large, stray text, and empty input; see [`WaktuErrorKind`].
    pub fn parse(s: &str) -> Result<Waktu, WaktuError> {
        if !s.chars().any(char::is_numeric) {
            return teks_tanpa_angka(s);
        }
        let mut tokens = lex(s)?;
        while tokens.last().is_some_and(Token::is_trailing_punct) {
            tokens.pop();
        }
        // Suggestions are built from the text the parser saw, so `5 mnt.` → `5 menit`.
        let end = tokens.last().map_or(0, |t| t.span.end);
        Parser::new(&s[..end], tokens).parse()
    }

    pub fn is_variabel(&self) -> bool {
        matches!(self, Waktu::Variabel(_))
    }

    /// Normalised text; a range prints as `min – max` only when they differ.
    pub fn format(&self, jam_kerja_per_hari: Option<u32>) -> String {
        match self {
            Waktu::Tetap { min, maks } => format_rentang(min, maks, jam_kerja_per_hari),
            Waktu::Variabel(teks) => teks.clone(),
        }
    }
}

fn format_rentang(min: &Durasi, maks: &Durasi, jam_kerja_per_hari: Option<u32>) -> String {
    let (a, b) = (
        min.format(jam_kerja_per_hari),
        maks.format(jam_kerja_per_hari),
    );
    if a == b { a } else { format!("{a} – {b}") }
}

fn teks_tanpa_angka(s: &str) -> Result<Waktu, WaktuError> {
    if !s.chars().any(char::is_alphabetic) {
        return Err(WaktuError::new(WaktuErrorKind::Kosong, 0..s.len()));
    }
    let teks = s
        .trim()
        .trim_end_matches(['.', ',', ';', ':', '!'])
        .trim_end();
    Ok(Waktu::Variabel(teks.to_string()))
}

/// What went wrong; the offending text is `WaktuError::range` of the input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WaktuErrorKind {
    /// A number followed by a word that is not a time unit (`5 menitan`).
    SatuanTidakDikenal {
        ditemukan: String,
        saran: Option<&'static str>,
    },
    /// A number without any unit (`5`).
    SatuanHilang,
    /// Empty text or punctuation only.
    Kosong,
    /// The upper end of a range is shorter than the lower end (`2-1 hari`).
    RentangTerbalik,
    /// A range separator with nothing after it (`1 -`).
    RentangTidakLengkap,
    /// A malformed or negative number (`1,,5`, `-5`).
    AngkaTidakValid,
    /// A value too large to represent (`99999999999999999999 jam`).
    TerlaluBesar,
    /// A dot followed by three digits (`1.500 menit`): in Indonesian the dot
    /// groups thousands (1500), in English it is a decimal point (1.5). Either
    /// reading silently changes the total by a factor of a thousand, so it is
    /// refused. `bulat` and `pecahan` are the two readings' digits.
    TitikAmbigu { bulat: String, pecahan: String },
    /// Text around the duration that belongs to no known form (`5 menit per berkas`).
    TeksTidakDikenal { ditemukan: String },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WaktuError {
    pub kind: WaktuErrorKind,
    /// Byte range of the offending part inside the parsed string.
    pub range: Range<usize>,
    /// The whole input rewritten with the fix applied, e.g. `5 menit`.
    pub saran: Option<String>,
}

impl WaktuError {
    fn new(kind: WaktuErrorKind, range: Range<usize>) -> WaktuError {
        WaktuError {
            kind,
            range,
            saran: None,
        }
    }

    fn with_saran(mut self, saran: String) -> WaktuError {
        self.saran = Some(saran);
        self
    }

    /// Re-bases an error from a slice `bagian` of `s` onto `s` itself.
    fn geser(mut self, s: &str, bagian: Range<usize>) -> WaktuError {
        self.range = self.range.start + bagian.start..self.range.end + bagian.start;
        self.saran = self.saran.map(|saran| sambung(s, bagian, &saran));
        self
    }
}

impl Kesalahan for WaktuError {
    fn message(&self) -> Msg {
        use WaktuErrorKind as K;
        let dasar = match &self.kind {
            K::SatuanTidakDikenal { ditemukan, saran } => {
                let petunjuk = match saran {
                    Some(_) => Msg::fixed("", ""),
                    None => Msg::fixed(
                        "; gunakan detik, menit, jam, hari, hari kerja, minggu, atau bulan",
                        "; use detik (seconds), menit (minutes), jam (hours), hari (days), \
                         hari kerja (working days), minggu (weeks) or bulan (months)",
                    ),
                };
                let (pid, pen) = (petunjuk.id, petunjuk.en);
                msg!(
                    "satuan waktu \"{ditemukan}\" tidak dikenal{pid}",
                    "unknown time unit \"{ditemukan}\"{pen}"
                )
            }
            K::SatuanHilang => Msg::fixed("angka tanpa satuan waktu", "number without a time unit"),
            K::Kosong => Msg::fixed(
                "waktu kosong; isi durasi (mis. \"5 menit\") atau tulis \"sesuai kebutuhan\"",
                "empty duration; write a duration (e.g. \"5 menit\") \
                 or \"sesuai kebutuhan\" (as needed)",
            ),
            K::RentangTerbalik => Msg::fixed(
                "batas atas rentang waktu lebih kecil daripada batas bawahnya",
                "the upper bound of the range is smaller than its lower bound",
            ),
            K::RentangTidakLengkap => Msg::fixed(
                "rentang waktu tidak lengkap: batas atasnya tidak ada",
                "incomplete range: the upper bound is missing",
            ),
            K::AngkaTidakValid => Msg::fixed(
                "angka tidak valid; gunakan angka positif dengan koma desimal, mis. \"1,5 jam\"",
                "invalid number; use a positive number with a decimal comma, e.g. \"1,5 jam\"",
            ),
            K::TerlaluBesar => Msg::fixed("nilai waktu terlalu besar", "duration value too large"),
            K::TitikAmbigu { bulat, pecahan } => msg!(
                "angka \"{bulat}.{pecahan}\" bermakna ganda: titik memisahkan ribuan \
                 ({bulat}{pecahan}) atau menandai desimal ({bulat},{pecahan}); \
                 tulis \"{bulat}{pecahan}\" atau \"{bulat},{pecahan}\"",
                "the number \"{bulat}.{pecahan}\" is ambiguous: the dot groups thousands \
                 ({bulat}{pecahan}) in Indonesian or marks decimals ({bulat},{pecahan}); \
                 write \"{bulat}{pecahan}\" or \"{bulat},{pecahan}\""
            ),
            K::TeksTidakDikenal { ditemukan } => msg!(
                "teks \"{ditemukan}\" bukan bagian dari durasi yang dikenal",
                "text \"{ditemukan}\" is not part of a recognised duration"
            ),
        };
        match &self.saran {
            Some(saran) => {
                let (id, en) = (dasar.id, dasar.en);
                msg!(
                    "{id}; apakah maksud Anda \"{saran}\"?",
                    "{en}; did you mean \"{saran}\"?"
                )
            }
            None => dasar,
        }
    }

    fn help(&self) -> Option<Msg> {
        self.saran.as_deref().map(did_you_mean)
    }
}

impl fmt::Display for WaktuError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message().id)
    }
}

impl std::error::Error for WaktuError {}

/// Sum of the steps of an SOP (or a stated total). `min` and `maks` are summed
/// separately so ranges survive; `variabel` holds the variable texts, lowercased,
/// whitespace-collapsed, deduplicated, in first-seen order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Jumlah {
    pub min: Durasi,
    pub maks: Durasi,
    pub variabel: Vec<String>,
}

impl Jumlah {
    pub fn tambah(&mut self, w: &Waktu) {
        match w {
            Waktu::Tetap { min, maks } => {
                self.min += *min;
                self.maks += *maks;
            }
            Waktu::Variabel(teks) => self.tambah_variabel(teks),
        }
    }

    fn tambah_variabel(&mut self, teks: &str) {
        let teks = teks.split_whitespace().collect::<Vec<_>>().join(" ");
        let teks = teks.to_lowercase();
        if !teks.is_empty() && !self.variabel.iter().any(|v| v.to_lowercase() == teks) {
            self.variabel.push(teks);
        }
    }

    pub fn is_variabel(&self) -> bool {
        !self.variabel.is_empty()
    }

    /// JUMLAH text, e.g. `3 jam 40 menit`, `1 hari – 2 hari`,
    /// `25 menit + sesuai kebutuhan`. When every step is variable only the
    /// variable texts are printed, since `0 menit + …` says nothing.
    pub fn format(&self, jam_kerja_per_hari: Option<u32>) -> String {
        let tetap = format_rentang(&self.min, &self.maks, jam_kerja_per_hari);
        if self.variabel.is_empty() {
            return tetap;
        }
        let variabel = self.variabel.join(" + ");
        if self.min.is_zero() && self.maks.is_zero() {
            return variabel;
        }
        format!("{tetap} + {variabel}")
    }

    /// Parses a stated total such as `3 jam 40 menit`, `1 hari – 2 hari` or
    /// `25 menit + sesuai kebutuhan`. Every `+`-separated part is read like a step
    /// `waktu` and summed, so `2 jam + 1 jam` is accepted too. A `+` that starts
    /// `+/-` is not a separator.
    ///
    /// # Errors
    ///
    /// The first part that [`Waktu::parse`] rejects, or [`WaktuErrorKind::Kosong`]
    /// for blank text or an empty part (`3 jam +`). Ranges and suggestions refer to
    /// the whole of `s`.
    pub fn parse_stated(s: &str) -> Result<Jumlah, WaktuError> {
        if s.trim().is_empty() {
            return Err(WaktuError::new(WaktuErrorKind::Kosong, 0..s.len()));
        }
        let mut jumlah = Jumlah::default();
        for bagian in pisah_plus(s) {
            let bagian = pangkas(s, bagian);
            let w = Waktu::parse(&s[bagian.clone()]).map_err(|e| e.geser(s, bagian))?;
            jumlah.tambah(&w);
        }
        Ok(jumlah)
    }

    /// True when both totals normalise to the same `min` and `maks` and either both
    /// or neither have a variable part (which words does not matter).
    pub fn sama_dengan(&self, other: &Jumlah, jam_kerja_per_hari: Option<u32>) -> bool {
        let j = jam_kerja_per_hari;
        self.min.normalisasi(j) == other.min.normalisasi(j)
            && self.maks.normalisasi(j) == other.maks.normalisasi(j)
            && self.variabel.is_empty() == other.variabel.is_empty()
    }
}

impl<'a> Extend<&'a Waktu> for Jumlah {
    fn extend<I: IntoIterator<Item = &'a Waktu>>(&mut self, iter: I) {
        for w in iter {
            self.tambah(w);
        }
    }
}

impl<'a> FromIterator<&'a Waktu> for Jumlah {
    fn from_iter<I: IntoIterator<Item = &'a Waktu>>(iter: I) -> Jumlah {
        let mut jumlah = Jumlah::default();
        jumlah.extend(iter);
        jumlah
    }
}

/// Byte ranges of the `+`-separated parts of `s`.
fn pisah_plus(s: &str) -> Vec<Range<usize>> {
    let mut parts = Vec::new();
    let mut start = 0;
    for (i, c) in s.char_indices() {
        let next = s[i + c.len_utf8()..].chars().next();
        if c == '+' && !matches!(next, Some('/' | '-' | '–')) {
            parts.push(start..i);
            start = i + 1;
        }
    }
    parts.push(start..s.len());
    parts
}

/// `r` without its surrounding whitespace.
fn pangkas(s: &str, r: Range<usize>) -> Range<usize> {
    let bagian = &s[r.clone()];
    let awal = r.start + (bagian.len() - bagian.trim_start().len());
    let akhir = r.start + bagian.trim_end().len();
    awal..akhir.max(awal)
}

/// `s` with `r` replaced by `ganti`, trimmed.
fn sambung(s: &str, r: Range<usize>, ganti: &str) -> String {
    format!("{}{ganti}{}", &s[..r.start], &s[r.end..])
        .trim()
        .to_string()
}

// ---------------------------------------------------------------------------
// Units and exact numbers
// ---------------------------------------------------------------------------

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    WorkDay,
    Week,
    Month,
}

impl Unit {
    fn name(self) -> &'static str {
        match self {
            Unit::Second => "detik",
            Unit::Minute => "menit",
            Unit::Hour => "jam",
            Unit::Day => "hari",
            Unit::WorkDay => "hari kerja",
            Unit::Week => "minggu",
            Unit::Month => "bulan",
        }
    }

    /// The unit a bare number after this one most likely meant (`1 jam 30`).
    fn next_smaller(self) -> Unit {
        match self {
            Unit::Month => Unit::Week,
            Unit::Week => Unit::Day,
            Unit::Day | Unit::WorkDay => Unit::Hour,
            Unit::Hour => Unit::Minute,
            Unit::Minute | Unit::Second => Unit::Second,
        }
    }

    /// `value` of this unit as an exact duration; `None` when too large.
    fn amount(self, value: Angka) -> Option<Durasi> {
        let (scale, mut d) = (self.scale(), Durasi::default());
        let n = i64::try_from(value.scaled_round(scale)?)
            .ok()
            .filter(|&n| i128::from(n) <= BATAS_NILAI)?;
        *match self {
            Unit::Second | Unit::Minute | Unit::Hour => &mut d.detik,
            Unit::Day => &mut d.hari,
            Unit::WorkDay => &mut d.hari_kerja,
            Unit::Week => &mut d.minggu,
            Unit::Month => &mut d.bulan,
        } = n;
        Some(d)
    }

    /// Seconds per unit for sub-day units, hundredths for calendar units.
    fn scale(self) -> i128 {
        match self {
            Unit::Second => 1,
            Unit::Minute => 60,
            Unit::Hour => 3600,
            Unit::Day | Unit::WorkDay | Unit::Week | Unit::Month => 100,
        }
    }
}

/// Recognises a unit word, possibly followed by a qualifying second word.
fn unit_word(w: &str, next: Option<&str>) -> Option<(Unit, usize)> {
    let unit = match w {
        "detik" => Unit::Second,
        "menit" => Unit::Minute,
        "jam" => Unit::Hour,
        "hari" => Unit::Day,
        "hari-kerja" => return Some((Unit::WorkDay, 1)),
        "minggu" | "pekan" => Unit::Week,
        "bulan" => Unit::Month,
        _ => return None,
    };
    match (unit, next) {
        (Unit::Day, Some("kerja")) => Some((Unit::WorkDay, 2)),
        (Unit::Day, Some("kalender")) | (Unit::Hour, Some("kerja")) => Some((unit, 2)),
        _ => Some((unit, 1)),
    }
}

/// Exact decimal `num / den`, `den` a power of ten (or a product of them).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Angka {
    num: i128,
    den: i128,
}

impl Angka {
    fn times(self, o: Angka) -> Option<Angka> {
        Some(Angka {
            num: self.num.checked_mul(o.num)?,
            den: self.den.checked_mul(o.den)?,
        })
    }

    /// `self * scale`, rounded half up to an integer.
    fn scaled_round(self, scale: i128) -> Option<i128> {
        let twice = self.num.checked_mul(scale)?.checked_mul(2)?;
        Some(twice.checked_add(self.den)? / self.den.checked_mul(2)?)
    }
}

fn parse_angka(text: &str) -> Result<Angka, WaktuErrorKind> {
    if let Some((bulat, pecahan)) = text.split_once('.')
        && pecahan.len() == 3
        && !bulat.is_empty()
        && (bulat.len() > 1 || bulat != "0")
        && bulat
            .bytes()
            .chain(pecahan.bytes())
            .all(|b| b.is_ascii_digit())
    {
        return Err(WaktuErrorKind::TitikAmbigu {
            bulat: bulat.to_owned(),
            pecahan: pecahan.to_owned(),
        });
    }
    let mut parts = text.split([',', '.']);
    let bulat = parts.next().unwrap_or_default();
    let pecahan = parts.next().unwrap_or_default();
    let separator_tanpa_pecahan = text.len() > bulat.len() && pecahan.is_empty();
    if parts.next().is_some() || bulat.is_empty() || separator_tanpa_pecahan {
        return Err(WaktuErrorKind::AngkaTidakValid);
    }
    let bulat = bulat.trim_start_matches('0');
    if bulat.len() > MAKS_DIGIT_BULAT {
        return Err(WaktuErrorKind::TerlaluBesar);
    }
    if pecahan.len() > MAKS_DIGIT_PECAHAN {
        return Err(WaktuErrorKind::AngkaTidakValid);
    }
    let digits = format!("0{bulat}{pecahan}");
    let num = digits
        .parse::<i128>()
        .map_err(|_| WaktuErrorKind::AngkaTidakValid)?;
    let den = pecahan.bytes().fold(1, |d, _| d * 10);
    Ok(Angka { num, den })
}

// ---------------------------------------------------------------------------
// Suggestions for unknown units
// ---------------------------------------------------------------------------

/// Common abbreviations and English words, which edit distance alone gets wrong
/// (`min` is closer to `minggu` as a subsequence but means minutes).
const ALIAS_SATUAN: &[(&str, &str)] = &[
    ("m", "menit"),
    ("mn", "menit"),
    ("mnt", "menit"),
    ("mnit", "menit"),
    ("min", "menit"),
    ("mins", "menit"),
    ("minute", "menit"),
    ("minutes", "menit"),
    ("dt", "detik"),
    ("dtk", "detik"),
    ("det", "detik"),
    ("s", "detik"),
    ("sec", "detik"),
    ("second", "detik"),
    ("seconds", "detik"),
    ("j", "jam"),
    ("jm", "jam"),
    ("hour", "jam"),
    ("hours", "jam"),
    ("hr", "hari"),
    ("hri", "hari"),
    ("day", "hari"),
    ("days", "hari"),
    ("hk", "hari kerja"),
    ("harikerja", "hari kerja"),
    ("mg", "minggu"),
    ("mgg", "minggu"),
    ("week", "minggu"),
    ("weeks", "minggu"),
    ("bl", "bulan"),
    ("bln", "bulan"),
    ("month", "bulan"),
    ("months", "bulan"),
];

const SATUAN_TUNGGAL: [&str; 6] = ["detik", "menit", "jam", "hari", "minggu", "bulan"];

fn saran_satuan(word: &str) -> Option<&'static str> {
    let w = word.to_lowercase();
    ALIAS_SATUAN
        .iter()
        .find(|(alias, _)| *alias == w)
        .map(|(_, unit)| *unit)
        .or_else(|| saran_awalan(&w))
        .or_else(|| saran_edit(&w))
        .or_else(|| saran_subsekuens(&w))
}

/// `menitan` → `menit`, `harian` → `hari`.
fn saran_awalan(w: &str) -> Option<&'static str> {
    SATUAN_TUNGGAL
        .iter()
        .filter(|u| w.starts_with(**u))
        .max_by_key(|u| u.len())
        .copied()
}

/// `mingu` → `minggu`, `jem` → `jam`.
fn saran_edit(w: &str) -> Option<&'static str> {
    let batas = if w.chars().count() <= 3 { 1 } else { 2 };
    SATUAN_TUNGGAL
        .iter()
        .map(|u| (strsim::levenshtein(w, u), *u))
        .filter(|(d, _)| *d <= batas)
        .min_by_key(|(d, _)| *d)
        .map(|(_, u)| u)
}

/// Abbreviations that drop vowels: `mnt` → `menit`, `bln` → `bulan`.
fn saran_subsekuens(w: &str) -> Option<&'static str> {
    if w.chars().count() < 2 {
        return None;
    }
    SATUAN_TUNGGAL
        .iter()
        .filter(|u| u.chars().next() == w.chars().next() && is_subsequence(w, u))
        .min_by_key(|u| u.len())
        .copied()
}

fn is_subsequence(needle: &str, hay: &str) -> bool {
    let mut hay = hay.chars();
    needle.chars().all(|c| hay.any(|h| h == c))
}

// ---------------------------------------------------------------------------
// Lexer
// ---------------------------------------------------------------------------

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Num(Angka),
    /// Lowercased run of letters, with inner hyphens (`kira-kira`).
    Word(String),
    Times,
    Dash,
    /// `5'` (minutes) or `30"` (seconds).
    Prime(Unit),
    Sym(char),
    Punct(char),
    Other(char),
}

#[derive(Clone, Debug)]
struct Token {
    tok: Tok,
    span: Range<usize>,
}

impl Token {
    fn is_trailing_punct(&self) -> bool {
        matches!(
            self.tok,
            Tok::Punct('.' | ',' | ';' | ':' | '!' | '?' | ')')
        )
    }
}

fn lex(src: &str) -> Result<Vec<Token>, WaktuError> {
    let mut tokens = Vec::new();
    let mut pos = 0;
    while let Some(c) = src[pos..].chars().next() {
        if c.is_whitespace() {
            pos += c.len_utf8();
            continue;
        }
        let (tok, end) = if c.is_ascii_digit() {
            lex_number(src, pos)?
        } else if c.is_alphabetic() {
            lex_word(src, pos)
        } else {
            lex_symbol(src, pos, c)
        };
        tokens.push(Token {
            tok,
            span: pos..end,
        });
        pos = end;
    }
    Ok(tokens)
}

fn lex_number(src: &str, start: usize) -> Result<(Tok, usize), WaktuError> {
    let bytes = src.as_bytes();
    let mut end = start;
    while bytes
        .get(end)
        .is_some_and(|b| b.is_ascii_digit() || matches!(b, b',' | b'.'))
    {
        end += 1;
    }
    // A separator that ends the number is punctuation: `5 menit.`, `1,5.`
    while end > start + 1 && matches!(bytes[end - 1], b',' | b'.') {
        end -= 1;
    }
    let angka = parse_angka(&src[start..end]).map_err(|k| WaktuError::new(k, start..end))?;
    Ok((Tok::Num(angka), end))
}

fn lex_word(src: &str, start: usize) -> (Tok, usize) {
    let mut end = start;
    let mut chars = src[start..].char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let hyphen_inside = c == '-' && chars.peek().is_some_and(|(_, n)| n.is_alphabetic());
        if c.is_alphabetic() {
            end = start + i + c.len_utf8();
        } else if !hyphen_inside {
            break;
        }
    }
    (Tok::Word(src[start..end].to_lowercase()), end)
}

fn is_prime(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | '′' | '`' | '´')
}

fn lex_symbol(src: &str, start: usize, c: char) -> (Tok, usize) {
    let end = start + c.len_utf8();
    let tok = match c {
        '-' | '–' | '—' | '‒' | '−' => Tok::Dash,
        '*' | '×' | '✕' | '⨯' => Tok::Times,
        '"' | '″' | '“' | '”' => Tok::Prime(Unit::Second),
        c if is_prime(c) => {
            return match src[end..].chars().next() {
                Some(n) if is_prime(n) => (Tok::Prime(Unit::Second), end + n.len_utf8()),
                _ => (Tok::Prime(Unit::Minute), end),
            };
        }
        '.' | ',' | ';' | ':' | '!' | '?' | '(' | ')' => Tok::Punct(c),
        '±' | '≤' | '≦' | '⩽' | '<' | '=' | '≈' | '~' | '>' | '≥' | '+' | '/' => {
            Tok::Sym(c)
        }
        _ => Tok::Other(c),
    };
    (tok, end)
}

// ---------------------------------------------------------------------------
// Parser
// ---------------------------------------------------------------------------

/// Words that only qualify the amount; the amount itself is what counts.
/// Multi-word entries come before their prefixes.
const KUALIFIKASI: &[&[&str]] = &[
    &["tidak", "lebih", "dari"],
    &["tidak", "melebihi"],
    &["paling", "lama"],
    &["paling", "lambat"],
    &["paling", "cepat"],
    &["kurang", "dari"],
    &["kurang", "lebih"],
    &["lebih", "kurang"],
    &["lebih", "dari"],
    &["dalam", "waktu"],
    &["dalam"],
    &["selama"],
    &["waktu"],
    &["maksimal"],
    &["maksimum"],
    &["maks"],
    &["max"],
    &["maximal"],
    &["maximum"],
    &["minimal"],
    &["minimum"],
    &["min"],
    &["sekitar"],
    &["kira-kira"],
    &["kurang-lebih"],
    &["selambat-lambatnya"],
    &["secepat-cepatnya"],
    &["sekurang-kurangnya"],
    &["setidaknya"],
    &["setidak-tidaknya"],
    &["estimasi"],
    &["perkiraan"],
];

const SIMBOL_KUALIFIKASI: &[char] = &['±', '≤', '≦', '⩽', '<', '=', '≈', '~', '>', '≥'];

/// `first × rest`; `rest` is kept apart so `1-2 x 24 jam` can lend `x 24` to `1`.
#[derive(Clone, Debug)]
struct Product {
    first: Angka,
    rest: Option<Angka>,
    span: Range<usize>,
}

impl Product {
    fn value(&self) -> Option<Angka> {
        match self.rest {
            Some(rest) => self.first.times(rest),
            None => Some(self.first),
        }
    }
}

#[derive(Clone, Debug)]
struct Term {
    product: Product,
    unit: Unit,
}

/// One side of a range: terms with units, then possibly a number waiting for the
/// unit of the other side (`1` in `1-2 hari`).
#[derive(Default)]
struct Side {
    terms: Vec<Term>,
    bare: Option<Product>,
}

impl Side {
    fn is_empty(&self) -> bool {
        self.terms.is_empty() && self.bare.is_none()
    }

    fn lend_unit(self, from: &Term) -> Vec<Term> {
        let mut terms = self.terms;
        if let Some(mut bare) = self.bare {
            if bare.rest.is_none() {
                bare.rest = from.product.rest;
            }
            terms.push(Term {
                product: bare,
                unit: from.unit,
            });
        }
        terms
    }
}

struct Parser<'a> {
    src: &'a str,
    toks: Vec<Token>,
    pos: usize,
}

impl<'a> Parser<'a> {
    fn new(src: &'a str, toks: Vec<Token>) -> Parser<'a> {
        Parser { src, toks, pos: 0 }
    }

    fn tok(&self, k: usize) -> Option<&Tok> {
        self.toks.get(self.pos + k).map(|t| &t.tok)
    }

    fn word(&self, k: usize) -> Option<&str> {
        match self.tok(k) {
            Some(Tok::Word(w)) => Some(w),
            _ => None,
        }
    }

    fn span(&self, k: usize) -> Range<usize> {
        match self.toks.get(self.pos + k) {
            Some(t) => t.span.clone(),
            None => self.src.len()..self.src.len(),
        }
    }

    fn is_num(&self, k: usize) -> bool {
        matches!(self.tok(k), Some(Tok::Num(_)))
    }

    fn parse(mut self) -> Result<Waktu, WaktuError> {
        let start = self.span(0).start;
        let a = self.parse_side()?;
        if a.is_empty() {
            return Err(self.unexpected(false));
        }
        let Some(n) = self.range_sep_len() else {
            return self.finish_single(&a);
        };
        let sep = self.span(0).start..self.span(n - 1).end;
        self.pos += n;
        let b = self.parse_side()?;
        let first_b = match (&b.bare, b.terms.first()) {
            (Some(bare), _) => return Err(self.missing_unit(bare, &b.terms)),
            (None, Some(first)) => first.clone(),
            (None, None) if self.pos >= self.toks.len() => {
                return Err(WaktuError::new(WaktuErrorKind::RentangTidakLengkap, sep));
            }
            (None, None) => return Err(self.unexpected(false)),
        };
        self.expect_end()?;
        let min = durasi(&a.lend_unit(&first_b))?;
        let maks = durasi(&b.terms)?;
        if maks.nominal_detik() < min.nominal_detik() {
            let span = start..self.src.len();
            return Err(WaktuError::new(WaktuErrorKind::RentangTerbalik, span));
        }
        Ok(Waktu::Tetap { min, maks })
    }

    fn finish_single(&mut self, a: &Side) -> Result<Waktu, WaktuError> {
        if let Some(bare) = &a.bare {
            return Err(self.missing_unit(bare, &a.terms));
        }
        self.expect_end()?;
        let d = durasi(&a.terms)?;
        Ok(Waktu::Tetap { min: d, maks: d })
    }

    fn parse_side(&mut self) -> Result<Side, WaktuError> {
        self.skip_qualifiers();
        let mut side = Side::default();
        while self.is_num(0) {
            let product = self.parse_product()?;
            let Some((unit, n)) = self.unit_at() else {
                return self.bare_number(side, product);
            };
            let unit_span = self.span(0).start..self.span(n - 1).end;
            self.pos += n;
            self.check_kerja_typo(unit, unit_span)?;
            side.terms.push(Term { product, unit });
            let joiner = self.word(0) == Some("dan") || self.tok(0) == Some(&Tok::Punct(','));
            if joiner && self.is_num(1) {
                self.pos += 1;
            }
        }
        Ok(side)
    }

    /// A number not followed by a unit: fine before a range separator, an unknown
    /// unit when a word follows, otherwise left for the caller to reject.
    fn bare_number(&self, mut side: Side, product: Product) -> Result<Side, WaktuError> {
        if self.range_sep_len().is_none()
            && let Some(w) = self.word(0)
        {
            return Err(self.unknown_unit(self.span(0), w));
        }
        side.bare = Some(product);
        Ok(side)
    }

    /// `1 hari krj` is a misspelt `hari kerja`, not stray text after `1 hari`.
    fn check_kerja_typo(&self, unit: Unit, unit_span: Range<usize>) -> Result<(), WaktuError> {
        if unit != Unit::Day || self.range_sep_len().is_some() {
            return Ok(());
        }
        let Some(w) = self.word(0) else {
            return Ok(());
        };
        if w.chars().count() < 3 || strsim::levenshtein(w, "kerja") > 2 {
            return Ok(());
        }
        let span = unit_span.start..self.span(0).end;
        let kind = WaktuErrorKind::SatuanTidakDikenal {
            ditemukan: self.src[span.clone()].to_string(),
            saran: Some("hari kerja"),
        };
        let saran = sambung(self.src, span.clone(), "hari kerja");
        Err(WaktuError::new(kind, span).with_saran(saran))
    }

    fn parse_product(&mut self) -> Result<Product, WaktuError> {
        let start = self.span(0).start;
        let first = self.take_num();
        let mut rest: Option<Angka> = None;
        loop {
            let times = self.tok(0) == Some(&Tok::Times) || self.word(0) == Some("x");
            if !(times && self.is_num(1)) {
                break;
            }
            self.pos += 1;
            let span = start..self.span(0).end;
            let factor = self.take_num();
            rest = match rest {
                None => Some(factor),
                Some(r) => Some(r.times(factor).ok_or_else(|| terlalu_besar(span))?),
            };
        }
        let span = start..self.toks[self.pos - 1].span.end;
        let product = Product { first, rest, span };
        match product.value() {
            Some(_) => Ok(product),
            None => Err(terlalu_besar(product.span)),
        }
    }

    /// Only called when the current token is a number.
    fn take_num(&mut self) -> Angka {
        let angka = match self.tok(0) {
            Some(Tok::Num(a)) => *a,
            _ => Angka { num: 0, den: 1 },
        };
        self.pos += 1;
        angka
    }

    fn unit_at(&self) -> Option<(Unit, usize)> {
        match self.tok(0)? {
            Tok::Prime(u) => Some((*u, 1)),
            Tok::Word(w) => unit_word(w, self.word(1)),
            _ => None,
        }
    }

    fn range_sep_len(&self) -> Option<usize> {
        match self.tok(0)? {
            Tok::Dash | Tok::Sym('~') => Some(1),
            Tok::Word(w) => match w.as_str() {
                "sampai" if matches!(self.word(1), Some("dengan" | "dgn")) => Some(2),
                "sampai" | "hingga" | "sd" | "atau" => Some(1),
                "s" => self.s_d_len(),
                _ => None,
            },
            _ => None,
        }
    }

    /// `s.d.`, `s.d`, `s/d`.
    fn s_d_len(&self) -> Option<usize> {
        let sep = matches!(self.tok(1), Some(Tok::Punct('.') | Tok::Sym('/')));
        if !sep || self.word(2) != Some("d") {
            return None;
        }
        Some(if self.tok(3) == Some(&Tok::Punct('.')) {
            4
        } else {
            3
        })
    }

    fn skip_qualifiers(&mut self) {
        while let Some(n) = self.qualifier_len() {
            self.pos += n;
        }
    }

    fn qualifier_len(&self) -> Option<usize> {
        match self.tok(0)? {
            Tok::Sym('+') => self.plus_minus_len(),
            Tok::Sym(c) if SIMBOL_KUALIFIKASI.contains(c) => Some(1),
            Tok::Punct('(') => Some(1),
            Tok::Word(_) => self.qualifier_words_len(),
            _ => None,
        }
    }

    /// `+/-` and `+-`, the ASCII spellings of `±`.
    fn plus_minus_len(&self) -> Option<usize> {
        match (self.tok(1)?, self.tok(2)) {
            (Tok::Dash, _) => Some(2),
            (Tok::Sym('/'), Some(Tok::Dash)) => Some(3),
            _ => None,
        }
    }

    fn qualifier_words_len(&self) -> Option<usize> {
        let words = KUALIFIKASI
            .iter()
            .find(|q| q.iter().enumerate().all(|(i, w)| self.word(i) == Some(*w)))?;
        let n = words.len();
        Some(if self.tok(n) == Some(&Tok::Punct('.')) {
            n + 1
        } else {
            n
        })
    }

    fn expect_end(&self) -> Result<(), WaktuError> {
        if self.pos < self.toks.len() {
            return Err(self.unexpected(true));
        }
        Ok(())
    }

    /// Rejects everything from the current token on. When what came before is a
    /// complete duration, suggests dropping the rest (`5 menit per berkas`).
    fn unexpected(&self, complete: bool) -> WaktuError {
        if self.pos >= self.toks.len() {
            let n = self.src.len();
            return WaktuError::new(WaktuErrorKind::Kosong, n..n);
        }
        let span = self.span(0).start..self.toks.last().map_or(0, |t| t.span.end);
        if self.tok(0) == Some(&Tok::Dash) && self.is_num(1) {
            let span = span.start..self.span(1).end;
            return WaktuError::new(WaktuErrorKind::AngkaTidakValid, span);
        }
        let ditemukan = self.src[span.clone()].to_string();
        let err = WaktuError::new(WaktuErrorKind::TeksTidakDikenal { ditemukan }, span.clone());
        if complete && self.pos > 0 {
            return err.with_saran(self.src[..span.start].trim().to_string());
        }
        err
    }

    fn unknown_unit(&self, span: Range<usize>, word: &str) -> WaktuError {
        let saran = saran_satuan(word);
        let kind = WaktuErrorKind::SatuanTidakDikenal {
            ditemukan: self.src[span.clone()].to_string(),
            saran,
        };
        let err = WaktuError::new(kind, span.clone());
        match saran {
            Some(unit) => err.with_saran(sambung(self.src, span, unit)),
            None => err,
        }
    }

    fn missing_unit(&self, bare: &Product, before: &[Term]) -> WaktuError {
        let unit = before
            .last()
            .map_or(Unit::Minute, |t| t.unit.next_smaller());
        let end = bare.span.end;
        let err = WaktuError::new(WaktuErrorKind::SatuanHilang, bare.span.clone());
        // Before other text (`1:30 jam`) an inserted unit would only add confusion.
        if self.pos < self.toks.len() {
            return err;
        }
        err.with_saran(sambung(self.src, end..end, &format!(" {}", unit.name())))
    }
}

fn durasi(terms: &[Term]) -> Result<Durasi, WaktuError> {
    terms.iter().try_fold(Durasi::default(), |acc, term| {
        term.product
            .value()
            .and_then(|v| term.unit.amount(v))
            .and_then(|d| acc.checked_add(d))
            .ok_or_else(|| terlalu_besar(term.product.span.clone()))
    })
}

fn terlalu_besar(span: Range<usize>) -> WaktuError {
    WaktuError::new(WaktuErrorKind::TerlaluBesar, span)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tetap(s: &str) -> (Durasi, Durasi) {
        match Waktu::parse(s) {
            Ok(Waktu::Tetap { min, maks }) => (min, maks),
            other => panic!("{s:?} parsed as {other:?}"),
        }
    }

    /// Formats a non-range value.
    fn teks(s: &str, jam_kerja: Option<u32>) -> String {
        let (min, maks) = tetap(s);
        assert_eq!(min, maks, "{s:?} should not be a range");
        min.format(jam_kerja)
    }

    fn err(s: &str) -> WaktuError {
        match Waktu::parse(s) {
            Err(e) => e,
            Ok(w) => panic!("{s:?} should fail, parsed as {w:?}"),
        }
    }

    fn jumlah(steps: &[&str]) -> Jumlah {
        let mut j = Jumlah::default();
        for s in steps {
            match Waktu::parse(s) {
                Ok(w) => j.tambah(&w),
                Err(e) => panic!("{s:?}: {}", e.message().id),
            }
        }
        j
    }

    #[test]
    fn each_unit() {
        assert_eq!(teks("30 detik", None), "30 detik");
        assert_eq!(teks("5 menit", None), "5 menit");
        assert_eq!(teks("2 jam", None), "2 jam");
        assert_eq!(teks("3 hari", None), "3 hari");
        assert_eq!(teks("14 hari kerja", None), "14 hari kerja");
        assert_eq!(teks("1 minggu", None), "1 minggu");
        assert_eq!(teks("2 pekan", None), "2 minggu");
        assert_eq!(teks("1 bulan", None), "1 bulan");
        assert_eq!(teks("3 hari kalender", None), "3 hari");
    }

    #[test]
    fn case_whitespace_and_punctuation() {
        assert_eq!(teks("5 Menit", None), "5 menit");
        assert_eq!(teks("2 HARI KERJA", None), "2 hari kerja");
        assert_eq!(teks("  5   menit.  ", None), "5 menit");
        assert_eq!(teks("5menit", None), "5 menit");
        assert_eq!(teks("5\u{a0}menit;", None), "5 menit");
        assert_eq!(teks("(5 menit)", None), "5 menit");
    }

    #[test]
    fn minute_and_second_marks() {
        assert_eq!(teks("5'", None), "5 menit");
        assert_eq!(teks("5’", None), "5 menit");
        assert_eq!(teks("30\"", None), "30 detik");
        assert_eq!(teks("2' 30''", None), "2 menit 30 detik");
    }

    #[test]
    fn combinations() {
        assert_eq!(teks("1 jam 30 menit", None), "1 jam 30 menit");
        assert_eq!(teks("1 jam dan 30 menit", None), "1 jam 30 menit");
        assert_eq!(teks("1 jam, 30 menit", None), "1 jam 30 menit");
        assert_eq!(teks("2 hari 3 jam", None), "2 hari 3 jam");
        assert_eq!(teks("60 menit", None), "1 jam");
        assert_eq!(teks("90 menit", None), "1 jam 30 menit");
        assert_eq!(teks("125 detik", None), "2 menit 5 detik");
        assert_eq!(
            teks("1 bulan 3 minggu 1 jam", None),
            "1 bulan 3 minggu 1 jam"
        );
    }

    #[test]
    fn decimals() {
        assert_eq!(teks("1,5 jam", None), "1 jam 30 menit");
        assert_eq!(teks("1.5 jam", None), "1 jam 30 menit");
        assert_eq!(teks("2,5 menit", None), "2 menit 30 detik");
        assert_eq!(teks("0,5 hari", None), "0,5 hari");
        assert_eq!(teks("1,25 minggu", None), "1,25 minggu");
        assert_eq!(teks("1,50 bulan", None), "1,5 bulan");
        assert_eq!(tetap("1,5 jam"), tetap("1 jam 30 menit"));
    }

    #[test]
    fn a_dot_before_three_digits_is_ambiguous() {
        for (s, range) in [
            ("1.500 menit", 0..5),
            ("maksimal 2.000 jam", 9..14),
            ("1-1.500 menit", 2..7),
        ] {
            let e = err(s);
            assert_eq!(
                e.kind,
                WaktuErrorKind::TitikAmbigu {
                    bulat: s[range.clone()].split('.').next().unwrap().to_owned(),
                    pecahan: s[range.clone()].split('.').nth(1).unwrap().to_owned(),
                },
                "{s}"
            );
            assert_eq!(e.range, range, "{s}");
        }
        assert_eq!(
            err("1.500 menit").message().id,
            "angka \"1.500\" bermakna ganda: titik memisahkan ribuan (1500) atau menandai \
             desimal (1,500); tulis \"1500\" atau \"1,500\""
        );
        assert!(err("1.500 menit").message().en.contains("is ambiguous"));
        // one reading only: thousands need three digits, and 0.5 has no thousands
        assert_eq!(teks("1500 menit", None), "25 jam");
        assert_eq!(teks("1,500 jam", None), "1 jam 30 menit");
        assert_eq!(teks("1.50 jam", None), "1 jam 30 menit");
        assert_eq!(teks("0.500 jam", None), "30 menit");
    }

    #[test]
    fn products() {
        assert_eq!(teks("1 x 24 jam", None), "24 jam");
        assert_eq!(teks("1x24 jam", None), "24 jam");
        assert_eq!(teks("1X24Jam", None), "24 jam");
        assert_eq!(teks("2 × 24 jam", None), "48 jam");
        assert_eq!(teks("3 * 8 jam", None), "24 jam");
        assert_eq!(teks("1 x 24 jam", Some(8)), "3 hari");
        assert_eq!(teks("2 × 24 jam", Some(24)), "2 hari");
    }

    #[test]
    fn ranges() {
        let hari = |n: i64| Durasi {
            hari: n * 100,
            ..Durasi::default()
        };
        for s in [
            "1-2 hari",
            "1 - 2 hari",
            "1 – 2 hari",
            "1 s.d. 2 hari",
            "1 s.d 2 hari",
            "1 s/d 2 hari",
            "1 sd 2 hari",
            "1 sampai 2 hari",
            "1 sampai dengan 2 hari",
            "1 hingga 2 hari",
            "1 hari - 2 hari",
        ] {
            assert_eq!(tetap(s), (hari(1), hari(2)), "{s}");
        }
        assert_eq!(
            tetap("10 menit - 1 jam"),
            (Durasi::from_menit(10), Durasi::from_menit(60))
        );
        assert_eq!(
            tetap("1-2 x 24 jam"),
            (Durasi::from_menit(1440), Durasi::from_menit(2880))
        );
        assert_eq!(
            Waktu::parse("1-2 hari").map(|w| w.format(None)),
            Ok("1 hari – 2 hari".to_string())
        );
        assert_eq!(tetap("2-2 hari"), (hari(2), hari(2)));
    }

    #[test]
    fn bad_ranges() {
        let e = err("2-1 hari");
        assert_eq!(e.kind, WaktuErrorKind::RentangTerbalik);
        assert_eq!(e.range, 0..8);
        assert_eq!(
            err("1 jam - 10 menit").kind,
            WaktuErrorKind::RentangTerbalik
        );
        assert_eq!(err("1-").kind, WaktuErrorKind::RentangTidakLengkap);
        assert_eq!(err("1 hari s.d.").kind, WaktuErrorKind::RentangTidakLengkap);
    }

    #[test]
    fn upper_bounds_and_approximations() {
        for s in [
            "maksimal 15 menit",
            "Maksimal 15 Menit",
            "maks. 15 menit",
            "maks 15 menit",
            "max. 15 menit",
            "paling lama 15 menit",
            "paling lambat 15 menit",
            "kurang dari 15 menit",
            "≤ 15 menit",
            "<= 15 menit",
            "< 15 menit",
            "sekitar 15 menit",
            "± 15 menit",
            "±15 menit",
            "+/- 15 menit",
            "kurang lebih 15 menit",
            "kira-kira 15 menit",
            "selambat-lambatnya 15 menit",
            "dalam waktu 15 menit",
        ] {
            assert_eq!(teks(s, None), "15 menit", "{s}");
        }
        assert_eq!(teks("paling lambat 1 minggu", None), "1 minggu");
        assert_eq!(teks("kurang dari 1 bulan", None), "1 bulan");
    }

    #[test]
    fn variable_texts() {
        for s in [
            "Sesuai kebutuhan",
            "Tentatif",
            "Menyesuaikan",
            "Sesuai jadwal",
        ] {
            assert_eq!(Waktu::parse(s), Ok(Waktu::Variabel(s.to_string())));
        }
        assert_eq!(
            Waktu::parse("  sesuai kebutuhan. "),
            Ok(Waktu::Variabel("sesuai kebutuhan".to_string()))
        );
        assert!(Waktu::parse("Tentatif").is_ok_and(|w| w.is_variabel()));
    }

    #[test]
    fn empty() {
        for s in ["", "   ", "-", " – ", "..."] {
            let e = err(s);
            assert_eq!(e.kind, WaktuErrorKind::Kosong, "{s:?}");
            assert_eq!(e.range, 0..s.len());
        }
        assert!(err("").message().id.starts_with("waktu kosong"));
    }

    #[test]
    fn unknown_units_with_suggestions() {
        let e = err("5 menitan");
        assert_eq!(
            e.kind,
            WaktuErrorKind::SatuanTidakDikenal {
                ditemukan: "menitan".to_string(),
                saran: Some("menit"),
            }
        );
        assert_eq!(e.range, 2..9);
        assert_eq!(e.saran.as_deref(), Some("5 menit"));
        assert_eq!(
            e.message().id,
            "satuan waktu \"menitan\" tidak dikenal; apakah maksud Anda \"5 menit\"?"
        );
        assert_eq!(
            e.message().en,
            "unknown time unit \"menitan\"; did you mean \"5 menit\"?"
        );
        for (s, saran) in [
            ("2 jm", "2 jam"),
            ("3 mnt", "3 menit"),
            ("1 hri", "1 hari"),
            ("2 mingu", "2 minggu"),
            ("2 Mingu", "2 minggu"),
            ("1 bln", "1 bulan"),
            ("10 dtk", "10 detik"),
            ("5 min", "5 menit"),
            ("3 hk", "3 hari kerja"),
            ("1 jam 30 mnt", "1 jam 30 menit"),
            ("5 mnt.", "5 menit"),
            ("1-2 hr", "1-2 hari"),
            ("2 harian", "2 hari"),
            ("2 jem", "2 jam"),
            ("1 hari krj", "1 hari kerja"),
        ] {
            let e = err(s);
            assert!(
                matches!(e.kind, WaktuErrorKind::SatuanTidakDikenal { .. }),
                "{s}: {e:?}"
            );
            assert_eq!(e.saran.as_deref(), Some(saran), "{s}");
        }
    }

    #[test]
    fn unknown_unit_without_suggestion() {
        let e = err("5 gelas");
        assert_eq!(
            e.kind,
            WaktuErrorKind::SatuanTidakDikenal {
                ditemukan: "gelas".to_string(),
                saran: None,
            }
        );
        assert_eq!(e.saran, None);
        assert!(e.message().id.contains("gunakan detik, menit, jam"));
    }

    #[test]
    fn bare_numbers() {
        let e = err("5");
        assert_eq!(e.kind, WaktuErrorKind::SatuanHilang);
        assert_eq!(e.range, 0..1);
        assert_eq!(e.saran.as_deref(), Some("5 menit"));
        assert_eq!(
            e.message().id,
            "angka tanpa satuan waktu; apakah maksud Anda \"5 menit\"?"
        );
        assert_eq!(err("1 jam 30").saran.as_deref(), Some("1 jam 30 menit"));
        assert_eq!(err("1-2").saran.as_deref(), Some("1-2 menit"));
        assert_eq!(
            err("maksimal 15").saran.as_deref(),
            Some("maksimal 15 menit")
        );
        assert_eq!(err("1 x 24").kind, WaktuErrorKind::SatuanHilang);
        assert_eq!(err("1:30 jam").kind, WaktuErrorKind::SatuanHilang);
        assert_eq!(err("1:30 jam").saran, None);
    }

    #[test]
    fn stray_text() {
        let e = err("5 menit per berkas");
        assert_eq!(
            e.kind,
            WaktuErrorKind::TeksTidakDikenal {
                ditemukan: "per berkas".to_string()
            }
        );
        assert_eq!(e.range, 8..18);
        assert_eq!(e.saran.as_deref(), Some("5 menit"));
        assert!(matches!(
            err("sesuai jadwal, 2 hari").kind,
            WaktuErrorKind::TeksTidakDikenal { .. }
        ));
    }

    #[test]
    fn invalid_numbers() {
        assert_eq!(err("1,,5 jam").kind, WaktuErrorKind::AngkaTidakValid);
        assert_eq!(err("1,,5 jam").range, 0..4);
        assert_eq!(err("1.2.3 jam").kind, WaktuErrorKind::AngkaTidakValid);
        assert_eq!(err("-5 menit").kind, WaktuErrorKind::AngkaTidakValid);
    }

    #[test]
    fn overflow_is_an_error() {
        let e = err("99999999999999999999 jam");
        assert_eq!(e.kind, WaktuErrorKind::TerlaluBesar);
        assert_eq!(e.range, 0..20);
        for s in [
            "999999999999999 jam",
            "999999999999999 x 999999999999999 x 999999999999999 bulan",
            "999999999 x 999999999 x 999999999 x 999999999 x 999999999 menit",
            "0,000000001 x 0,000000001 x 0,000000001 x 0,000000001 x 0,000000001 jam",
        ] {
            assert_eq!(err(s).kind, WaktuErrorKind::TerlaluBesar, "{s}");
        }
        let big = Durasi {
            detik: i64::MAX,
            ..Durasi::default()
        };
        assert_eq!((big + big).detik, i64::MAX);
    }

    #[test]
    fn example_sum() {
        let j = jumlah(&["2 jam", "1 jam", "20 menit", "20 menit"]);
        assert_eq!(j.format(None), "3 jam 40 menit");
    }

    #[test]
    fn calendar_units_kept_separate() {
        let j = jumlah(&["1 bulan", "3 minggu", "1 jam"]);
        assert_eq!(j.format(None), "1 bulan 3 minggu 1 jam");
        assert_eq!(jumlah(&["3 hari", "4 hari"]).format(None), "7 hari");
        let j = jumlah(&["3 hari kerja", "1 bulan", "4 jam", "2 hari"]);
        assert_eq!(j.format(None), "1 bulan 2 hari 3 hari kerja 4 jam");
    }

    #[test]
    fn tanjab_barat_lampiran_1() {
        let j = jumlah(&[
            "3 menit", "2 Menit", "10 Menit", "3 Menit", "10 Menit", "2 Menit",
        ]);
        assert_eq!(j.format(None), "30 menit");
    }

    #[test]
    fn kudus() {
        let j = jumlah(&["5 menit", "1 hari", "1 hari", "60 menit"]);
        assert_eq!(j.format(None), "2 hari 1 jam 5 menit");
    }

    #[test]
    fn working_day_carry() {
        assert_eq!(teks("10 jam", Some(8)), "1 hari 2 jam");
        assert_eq!(teks("10 jam", None), "10 jam");
        assert_eq!(teks("10 jam", Some(0)), "10 jam");
        assert_eq!(teks("1 hari 9 jam", Some(8)), "2 hari 1 jam");
        assert_eq!(Durasi::default().format(None), "0 menit");
        assert_eq!(teks("0 menit", None), "0 menit");
    }

    #[test]
    fn variable_total() {
        let j = jumlah(&[
            "10 menit",
            "Sesuai kebutuhan",
            "15 menit",
            "sesuai  Kebutuhan",
            "Tentatif",
        ]);
        assert_eq!(j.format(None), "25 menit + sesuai kebutuhan + tentatif");
        let j = jumlah(&["10 menit", "Sesuai kebutuhan", "15 menit"]);
        assert_eq!(j.format(None), "25 menit + sesuai kebutuhan");
        assert_eq!(jumlah(&["Tentatif"]).format(None), "tentatif");
    }

    #[test]
    fn range_total() {
        let j = jumlah(&["1-2 hari", "30 menit"]);
        assert_eq!(j.format(None), "1 hari 30 menit – 2 hari 30 menit");
        let j = jumlah(&["1-2 hari", "Sesuai kebutuhan"]);
        assert_eq!(j.format(None), "1 hari – 2 hari + sesuai kebutuhan");
        let j = jumlah(&["40-60 menit", "30 menit"]);
        assert_eq!(j.format(None), "1 jam 10 menit – 1 jam 30 menit");
    }

    #[test]
    fn stated_total_comparison() {
        let computed = jumlah(&["2 jam", "1 jam", "20 menit", "20 menit"]);
        let ok = |s: &str| Jumlah::parse_stated(s).map(|j| computed.sama_dengan(&j, None));
        assert_eq!(ok("3 jam 40 menit"), Ok(true));
        assert_eq!(ok("220 menit"), Ok(true));
        assert_eq!(ok("3 Jam 40 Menit."), Ok(true));
        assert_eq!(ok("3 jam 30 menit"), Ok(false));
        assert_eq!(ok("3 jam 40 menit + sesuai kebutuhan"), Ok(false));

        let variable = jumlah(&["10 menit", "Sesuai kebutuhan", "15 menit"]);
        let stated = Jumlah::parse_stated("25 Menit + tergantung kondisi");
        assert_eq!(stated.map(|j| j.sama_dengan(&variable, None)), Ok(true));
        let stated = Jumlah::parse_stated("25 menit");
        assert_eq!(stated.map(|j| j.sama_dengan(&variable, None)), Ok(false));
    }

    #[test]
    fn stated_range_and_working_days() {
        let computed = jumlah(&["1-2 hari", "30 menit"]);
        let stated = Jumlah::parse_stated(&computed.format(None));
        assert_eq!(stated.map(|j| j.sama_dengan(&computed, None)), Ok(true));
        let stated = Jumlah::parse_stated("1 hari 30 menit");
        assert_eq!(stated.map(|j| j.sama_dengan(&computed, None)), Ok(false));

        let computed = jumlah(&["6 jam", "4 jam"]);
        let stated = Jumlah::parse_stated("1 hari 2 jam");
        assert_eq!(
            stated.clone().map(|j| j.sama_dengan(&computed, Some(8))),
            Ok(true)
        );
        assert_eq!(stated.map(|j| j.sama_dengan(&computed, None)), Ok(false));
    }

    #[test]
    fn stated_total_errors_refer_to_whole_text() {
        let e = Jumlah::parse_stated("3 jam + 5 mnt");
        let e = e.err();
        assert_eq!(e.as_ref().map(|e| e.range.clone()), Some(10..13));
        assert_eq!(e.and_then(|e| e.saran).as_deref(), Some("3 jam + 5 menit"));
        let e = Jumlah::parse_stated("   ").err().map(|e| e.kind);
        assert_eq!(e, Some(WaktuErrorKind::Kosong));
        let e = Jumlah::parse_stated("3 jam +").err().map(|e| e.kind);
        assert_eq!(e, Some(WaktuErrorKind::Kosong));
        let j = Jumlah::parse_stated("+/- 5 menit").map(|j| j.format(None));
        assert_eq!(j, Ok("5 menit".to_string()));
    }

    #[test]
    fn nominal_and_arithmetic() {
        assert_eq!(Durasi::from_menit(90).nominal_menit(), 90.0);
        let (d, _) = tetap("1 bulan 1 minggu 1 hari 1 hari kerja 1 jam");
        assert_eq!(
            d.nominal_menit(),
            43_200.0 + 10_080.0 + 1_440.0 + 480.0 + 60.0
        );
        assert_eq!(tetap("0,5 hari").0.nominal_menit(), 720.0);
        let mut sum = Durasi::default();
        sum += Durasi::from_menit(20);
        let copy = sum;
        assert_eq!(copy + sum, Durasi::from_menit(40));
        assert!(Durasi::default().is_zero());
        assert!(!sum.is_zero());
        assert_eq!(Durasi::from_menit(-5), Durasi::default());
        let total: Durasi = [Durasi::from_menit(1), Durasi::from_detik(30)]
            .into_iter()
            .sum();
        assert_eq!(total.to_string(), "1 menit 30 detik");
    }

    #[test]
    fn collect_into_jumlah() {
        let steps: Vec<Waktu> = ["5 menit", "Tentatif", "5 menit"]
            .iter()
            .filter_map(|s| Waktu::parse(s).ok())
            .collect();
        let j: Jumlah = steps.iter().collect();
        assert_eq!(j.format(None), "10 menit + tentatif");
    }

    #[test]
    fn english_messages() {
        assert_eq!(
            err("5").message().en,
            "number without a time unit; did you mean \"5 menit\"?"
        );
        assert_eq!(
            err("2-1 hari").message().en,
            "the upper bound of the range is smaller than its lower bound"
        );
        assert_eq!(err("2 jm").to_string(), err("2 jm").message().id);
    }

    #[test]
    fn no_panics_on_odd_input() {
        let fragments = [
            "",
            "-",
            "1-",
            "x 24 jam",
            "99999999999999999999 jam",
            "1,,5 jam",
            "1,",
            ",5",
            "1.",
            "s.d.",
            "s/d",
            "+",
            "+/-",
            "±",
            "'",
            "''",
            "\"",
            "×",
            "x",
            "X",
            "jam",
            "hari",
            "kerja",
            "maks.",
            "0",
            "00000000000000000000000000001",
            "1,0000000001",
            "½",
            "٣",
            "５",
            "🕐",
            "é",
            "İ",
            "ß",
            "\u{0}",
            "\t",
            "\u{a0}",
            "(",
            ")",
            "–",
            "—",
            "~",
            "dan",
            ",",
            "menitan",
            "sampai",
            "dengan",
            "9",
        ];
        for a in fragments {
            for b in fragments {
                for c in ["", " ", "1", "jam", "-", "x"] {
                    let s = format!("{a}{c}{b}");
                    check_no_panic(&s);
                    check_no_panic(&format!("{a} {b} {c}"));
                }
            }
        }
    }

    fn check_no_panic(s: &str) {
        if let Err(e) = Waktu::parse(s) {
            assert!(s.get(e.range.clone()).is_some(), "{s:?}: {e:?}");
            let _ = (e.message().id, e.message().en);
        }
        match Jumlah::parse_stated(s) {
            Ok(j) => {
                let _ = j.format(Some(8));
            }
            Err(e) => assert!(s.get(e.range.clone()).is_some(), "{s:?}: {e:?}"),
        }
    }
}
