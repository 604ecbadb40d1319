//! Nomor Induk Pegawai (NIP), the 18-digit Indonesian civil-servant number: this
//! module owns its accepted spellings (18 bare digits, or grouped `8 6 1 3` with
//! single spaces), the meaning of its parts (birth date, TMT CPNS year-month,
//! gender digit, serial), the plausibility checks between them, and the
//! [`NipError`] that names the failed rule with a stable code and the byte range
//! of the offending digits in the original text. A [`Nip`] value is always valid.

use crate::diag::{Kesalahan, Msg};
use crate::msg;
use std::fmt;
use std::ops::Range;
use std::str::FromStr;

use crate::model::tanggal::{MONTH_EN, NAMA_BULAN, Tanggal, TanggalError};

/// Number of digits in a NIP.
const PANJANG: usize = 18;

/// Group sizes of the spaced spelling `19681202 198803 1 002`.
const KELOMPOK: [usize; 4] = [8, 6, 1, 3];

/// Earliest plausible birth year. The 18-digit NIP was introduced in 2007; no one
/// born earlier could still have been in service then, so an earlier year is
/// almost always a typo in the century digits.
const TAHUN_LAHIR_MINIMUM: i32 = 1940;

/// Minimum age for appointment as CPNS.
const USIA_MINIMUM_CPNS: i32 = 18;

/// Both accepted spellings, quoted by format errors.
const BENTUK: &str = "18 angka tanpa pemisah (196812021988031002) atau dikelompokkan 8 6 1 3 \
                      dengan satu spasi (19681202 198803 1 002)";
const FORM_EN: &str = "18 digits without separators (196812021988031002) or grouped 8 6 1 3 \
                       with single spaces (19681202 198803 1 002)";

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum JenisKelamin {
    Pria,
    Wanita,
}

/// A valid NIP, decomposed into its parts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Nip {
    lahir: Tanggal,
    tmt_tahun: i32,
    tmt_bulan: u8,
    jenis_kelamin: JenisKelamin,
    urut: u16,
}

/// `Nip::parse`, as a free function.
pub fn parse(s: &str) -> Result<Nip, NipError> {
    Nip::parse(s)
}

/// `Nip::parse_with_today`, as a free function.
pub fn parse_with_today(s: &str, today: Option<Tanggal>) -> Result<Nip, NipError> {
    Nip::parse_with_today(s, today)
}

impl Nip {
    /// Parse without a reference date, so no "in the future" checks are made.
    pub fn parse(s: &str) -> Result<Nip, NipError> {
        Nip::parse_with_today(s, None)
    }

    /// Parse and check; with `today`, a birth date or TMT after it is rejected.
    /// Checks run in the order format, length, birth date, TMT, gender, so the
    /// first reported problem is the most basic one.
    pub fn parse_with_today(s: &str, today: Option<Tanggal>) -> Result<Nip, NipError> {
        let digit = Digit::pindai(s)?;
        let lahir = cek_lahir(&digit, today)?;
        let (tmt_tahun, tmt_bulan) = cek_tmt(&digit, lahir, today)?;
        let jenis_kelamin = cek_jenis_kelamin(&digit)?;
        // Three digits always fit in u16; the fallback is unreachable.
        let urut = u16::try_from(digit.nilai(15..18)).unwrap_or(u16::MAX);
        #[rustfmt::skip]
        let nip = Nip { lahir, tmt_tahun, tmt_bulan, jenis_kelamin, urut };
        Ok(nip)
    }

    pub fn lahir(&self) -> Tanggal {
        self.lahir
    }

    /// TMT CPNS as (year, month).
    pub fn tmt(&self) -> (i32, u8) {
        (self.tmt_tahun, self.tmt_bulan)
    }

    pub fn jenis_kelamin(&self) -> JenisKelamin {
        self.jenis_kelamin
    }

    /// Serial number, digits 16–18.
    pub fn urut(&self) -> u16 {
        self.urut
    }

    /// Canonical spaced spelling `19681202 198803 1 002`.
    pub fn format(&self) -> String {
        let l = self.lahir;
        let jk = match self.jenis_kelamin {
            JenisKelamin::Pria => 1,
            JenisKelamin::Wanita => 2,
        };
        format!(
            "{:04}{:02}{:02} {:04}{:02} {jk} {:03}",
            l.tahun(),
            l.bulan(),
            l.hari(),
            self.tmt_tahun,
            self.tmt_bulan,
            self.urut
        )
    }
}

impl fmt::Display for Nip {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.format())
    }
}

impl FromStr for Nip {
    type Err = NipError;

    fn from_str(s: &str) -> Result<Nip, NipError> {
        Nip::parse(s)
    }
}

/// The 18 digit values and their byte offsets in the original input, so errors
/// can point at the right characters whichever spelling was used.
struct Digit {
    nilai: [u8; PANJANG],
    posisi: [usize; PANJANG],
}

impl Digit {
    fn pindai(s: &str) -> Result<Digit, NipError> {
        let awal = s.len() - s.trim_start().len();
        let isi = s.trim();
        let semua = 0..s.len();
        let masukan = || isi.to_string();
        let format = |alasan| {
            NipError::baru(
                KesalahanNip::Format {
                    masukan: masukan(),
                    alasan,
                },
                semua.clone(),
            )
        };
        if let Some(c) = isi.chars().find(|&c| !c.is_ascii_digit() && c != ' ') {
            return Err(format(AlasanFormat::Karakter(c)));
        }
        let kelompok: Vec<&str> = isi.split(' ').collect();
        if kelompok.iter().any(|k| k.is_empty()) && !isi.is_empty() {
            return Err(format(AlasanFormat::SpasiGanda));
        }
        // Group count is checked before length (a dotted or oddly split number is
        // a spelling problem), but group sizes after it: `19681202 198803 1 00`
        // has the right shape and is best reported as one digit short.
        if kelompok.len() != 1 && kelompok.len() != KELOMPOK.len() {
            return Err(format(AlasanFormat::Kelompok));
        }
        let jumlah = isi.bytes().filter(u8::is_ascii_digit).count();
        if jumlah != PANJANG {
            return Err(NipError::baru(KesalahanNip::Panjang { jumlah }, semua));
        }
        if kelompok.len() == KELOMPOK.len() && !kelompok.iter().map(|k| k.len()).eq(KELOMPOK) {
            return Err(format(AlasanFormat::Kelompok));
        }
        Ok(Digit::kumpulkan(isi, awal))
    }

    /// Caller has checked that `isi` holds exactly 18 ASCII digits.
    fn kumpulkan(isi: &str, awal: usize) -> Digit {
        let mut d = Digit {
            nilai: [0; PANJANG],
            posisi: [0; PANJANG],
        };
        let angka = isi.bytes().enumerate().filter(|(_, b)| b.is_ascii_digit());
        for (i, (pos, b)) in angka.take(PANJANG).enumerate() {
            d.nilai[i] = b - b'0';
            d.posisi[i] = awal + pos;
        }
        d
    }

    /// Decimal value of digits `r` (at most 8 digits, so no overflow).
    fn nilai(&self, r: Range<usize>) -> u32 {
        self.nilai[r].iter().fold(0, |n, &d| n * 10 + u32::from(d))
    }

    fn teks(&self, r: Range<usize>) -> String {
        self.nilai[r].iter().map(|d| char::from(b'0' + d)).collect()
    }

    /// Byte range in the input covering digits `r`, spaces between included.
    fn rentang(&self, r: Range<usize>) -> Range<usize> {
        self.posisi[r.start]..self.posisi[r.end - 1] + 1
    }
}

fn cek_lahir(d: &Digit, today: Option<Tanggal>) -> Result<Tanggal, NipError> {
    let r = 0..8;
    let (tahun, bulan, hari) = (
        d.nilai(0..4) as i32,
        d.nilai(4..6) as u8,
        d.nilai(6..8) as u8,
    );
    let galat = |k| Err(NipError::baru(k, d.rentang(r.clone())));
    let Some(lahir) = Tanggal::new(tahun, bulan, hari) else {
        let sebab = TanggalError::TidakAda { tahun, bulan, hari };
        return galat(KesalahanNip::LahirTidakAda {
            teks: d.teks(r.clone()),
            sebab,
        });
    };
    if tahun < TAHUN_LAHIR_MINIMUM {
        return galat(KesalahanNip::LahirTerlaluAwal { lahir });
    }
    match today {
        Some(hari_ini) if lahir > hari_ini => {
            galat(KesalahanNip::LahirSetelahHariIni { lahir, hari_ini })
        }
        _ => Ok(lahir),
    }
}

fn cek_tmt(d: &Digit, lahir: Tanggal, today: Option<Tanggal>) -> Result<(i32, u8), NipError> {
    let r = 8..14;
    let tmt = (d.nilai(8..12) as i32, d.nilai(12..14) as u8);
    let galat = |k| Err(NipError::baru(k, d.rentang(r.clone())));
    if !(1..=12).contains(&tmt.1) {
        return galat(KesalahanNip::TmtTidakAda {
            teks: d.teks(r.clone()),
            bulan: tmt.1,
        });
    }
    // Compared by month only: the NIP does not record the TMT day.
    let dewasa = lahir.tambah_tahun(USIA_MINIMUM_CPNS);
    let paling_awal = (dewasa.tahun(), dewasa.bulan());
    if tmt < paling_awal {
        return galat(KesalahanNip::TmtSebelumDewasa {
            lahir,
            tmt,
            paling_awal,
        });
    }
    match today {
        Some(hari_ini) if tmt > (hari_ini.tahun(), hari_ini.bulan()) => {
            galat(KesalahanNip::TmtSetelahHariIni { tmt, hari_ini })
        }
        _ => Ok(tmt),
    }
}

fn cek_jenis_kelamin(d: &Digit) -> Result<JenisKelamin, NipError> {
    match d.nilai[14] {
        1 => Ok(JenisKelamin::Pria),
        2 => Ok(JenisKelamin::Wanita),
        n => Err(NipError::baru(
            KesalahanNip::JenisKelamin { digit: n },
            d.rentang(14..15),
        )),
    }
}

/// Why the spelling of a NIP was rejected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AlasanFormat {
    /// A character other than an ASCII digit or a space.
    Karakter(char),
    /// Two spaces in a row.
    SpasiGanda,
    /// Spaces that do not split the digits as 8 6 1 3.
    Kelompok,
}

/// The rule a NIP broke; `check::rules::nip::rule_for` gives its stable code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KesalahanNip {
    Format {
        masukan: String,
        alasan: AlasanFormat,
    },
    Panjang {
        jumlah: usize,
    },
    LahirTidakAda {
        teks: String,
        sebab: TanggalError,
    },
    LahirTerlaluAwal {
        lahir: Tanggal,
    },
    LahirSetelahHariIni {
        lahir: Tanggal,
        hari_ini: Tanggal,
    },
    TmtTidakAda {
        teks: String,
        bulan: u8,
    },
    TmtSebelumDewasa {
        lahir: Tanggal,
        tmt: (i32, u8),
        paling_awal: (i32, u8),
    },
    TmtSetelahHariIni {
        tmt: (i32, u8),
        hari_ini: Tanggal,
    },
    JenisKelamin {
        digit: u8,
    },
}

/// A rejected NIP: what is wrong and where in the input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NipError {
    kind: KesalahanNip,
    range: Range<usize>,
}

/// `Desember 1986` / `December 1986`; the month is already validated.
fn bulan_tahun((tahun, bulan): (i32, u8)) -> Msg {
    let i = usize::from(bulan.clamp(1, 12) - 1);
    let (bulan, month) = (NAMA_BULAN[i], MONTH_EN[i]);
    msg!("{bulan} {tahun}", "{month} {tahun}")
}

impl NipError {
    fn baru(kind: KesalahanNip, range: Range<usize>) -> NipError {
        NipError { kind, range }
    }

    pub fn kind(&self) -> &KesalahanNip {
        &self.kind
    }

    /// Byte range in the input string of the offending characters.
    pub fn range(&self) -> Range<usize> {
        self.range.clone()
    }
}

impl Kesalahan for NipError {
    fn message(&self) -> Msg {
        use KesalahanNip as K;
        match &self.kind {
            K::Format { masukan, alasan } => teks_format(masukan, alasan),
            K::Panjang { jumlah: n } => msg!(
                "NIP harus {PANJANG} angka, ditemukan {n}",
                "a NIP has {PANJANG} digits, found {n}"
            ),
            K::LahirTidakAda { teks: x, sebab: e } => {
                let Msg { id, en } = e.message();
                msg!(
                    "digit 1–8 NIP (`{x}`) bukan tanggal lahir yang sah: {id}",
                    "NIP digits 1–8 (`{x}`) are not a valid birth date: {en}"
                )
            }
            K::LahirTerlaluAwal { lahir: l } => {
                let (min, iso) = (TAHUN_LAHIR_MINIMUM, l.iso());
                msg!(
                    "tanggal lahir pada NIP ({l}) terlalu awal: paling awal tahun {min}",
                    "birth date in the NIP ({iso}) is before {min}"
                )
            }
            K::LahirSetelahHariIni {
                lahir: l,
                hari_ini: h,
            } => {
                let (l_iso, h_iso) = (l.iso(), h.iso());
                msg!(
                    "tanggal lahir pada NIP ({l}) setelah hari ini ({h})",
                    "birth date in the NIP ({l_iso}) is after today ({h_iso})"
                )
            }
            K::TmtTidakAda { teks: x, bulan: b } => msg!(
                "digit 9–14 NIP (`{x}`) bukan tahun-bulan TMT yang sah: bulan {b} tidak ada",
                "NIP digits 9–14 (`{x}`) are not a valid TMT year-month: no month {b}"
            ),
            K::TmtSebelumDewasa {
                lahir: l,
                tmt,
                paling_awal: a,
            } => teks_belum_dewasa(*l, *tmt, *a),
            K::TmtSetelahHariIni { tmt, hari_ini: h } => {
                let Msg { id, en } = bulan_tahun(*tmt);
                let iso = h.iso();
                msg!(
                    "TMT CPNS {id} setelah hari ini ({h})",
                    "TMT CPNS {en} is after today ({iso})"
                )
            }
            K::JenisKelamin { digit: d } => msg!(
                "digit ke-15 NIP (`{d}`) harus 1 (pria) atau 2 (wanita)",
                "NIP digit 15 (`{d}`) must be 1 (male) or 2 (female)"
            ),
        }
    }

    fn help(&self) -> Option<Msg> {
        use KesalahanNip as K;
        let Msg { id, en } = match &self.kind {
            K::Format { .. } => {
                return Some(msg!(
                    "tulis NIP sebagai {BENTUK}",
                    "write the NIP as {FORM_EN}"
                ));
            }
            K::Panjang { jumlah: n } if *n < PANJANG => {
                let k = PANJANG - n;
                msg!("ada {k} angka yang kurang", "{k} digit(s) missing")
            }
            K::Panjang { jumlah: n } => {
                let k = n - PANJANG;
                msg!("ada {k} angka yang berlebih", "{k} digit(s) too many")
            }
            K::LahirTidakAda { .. }
            | K::LahirTerlaluAwal { .. }
            | K::LahirSetelahHariIni { .. } => Msg::fixed(
                "digit 1–8 adalah tanggal lahir TTTTBBHH (tahun, bulan, hari)",
                "digits 1–8 are the birth date YYYYMMDD",
            ),
            K::TmtTidakAda { .. } | K::TmtSetelahHariIni { .. } => Msg::fixed(
                "digit 9–14 adalah TMT CPNS TTTTBB (tahun, bulan)",
                "digits 9–14 are the TMT CPNS YYYYMM",
            ),
            K::TmtSebelumDewasa { .. } => Msg::fixed(
                "periksa digit 1–8 (tanggal lahir) dan 9–14 (TMT CPNS)",
                "check digits 1–8 (birth date) and 9–14 (TMT CPNS)",
            ),
            K::JenisKelamin { .. } => Msg::fixed(
                "digit ke-15 adalah 1 untuk pria, 2 untuk wanita",
                "digit 15 is 1 for male, 2 for female",
            ),
        };
        // The decree or employee card is where the true number can be read.
        Some(msg!(
            "{id}; periksa kembali NIP pada SK atau kartu pegawai",
            "{en}; check the NIP against the appointment decree or employee card"
        ))
    }
}

fn teks_format(masukan: &str, alasan: &AlasanFormat) -> Msg {
    match alasan {
        AlasanFormat::Karakter(c) => {
            let c = c.escape_debug();
            msg!(
                "NIP `{masukan}` memuat karakter `{c}` yang tidak diizinkan",
                "NIP `{masukan}` contains the character `{c}`, which is not allowed"
            )
        }
        AlasanFormat::SpasiGanda => msg!(
            "NIP `{masukan}` memuat spasi ganda",
            "NIP `{masukan}` contains a double space"
        ),
        AlasanFormat::Kelompok => msg!(
            "pengelompokan angka NIP `{masukan}` tidak sesuai (harus 8 6 1 3)",
            "NIP `{masukan}` is grouped wrongly (must be 8 6 1 3)"
        ),
    }
}

fn teks_belum_dewasa(lahir: Tanggal, tmt: (i32, u8), paling_awal: (i32, u8)) -> Msg {
    let (
        Msg {
            id: tmt_id,
            en: tmt_en,
        },
        Msg {
            id: awal_id,
            en: awal_en,
        },
    ) = (bulan_tahun(tmt), bulan_tahun(paling_awal));
    let (u, iso) = (USIA_MINIMUM_CPNS, lahir.iso());
    msg!(
        "TMT CPNS {tmt_id} sebelum pegawai berusia {u} tahun (lahir {lahir}, TMT paling awal {awal_id})",
        "TMT CPNS {tmt_en} is before the employee turned {u} (born {iso}, earliest TMT {awal_en})"
    )
}

impl fmt::Display for NipError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message().id)
    }
}

impl std::error::Error for NipError {}

#[cfg(test)]
mod tests {
    use super::*;

    /// The code the `check` stage reports this error under.
    trait Code {
        fn code(&self) -> &'static str;
    }
    impl Code for NipError {
        fn code(&self) -> &'static str {
            crate::check::rules::nip::rule_for(self).code
        }
    }

    fn t(y: i32, m: u8, d: u8) -> Tanggal {
        Tanggal::new(y, m, d).expect("test date must exist")
    }

    fn gagal(s: &str) -> NipError {
        Nip::parse(s).expect_err(s)
    }

    /// (code, range) of the error for `s`, checked against `today` when given.
    fn kode(s: &str, today: Option<Tanggal>) -> (&'static str, Range<usize>) {
        let e = Nip::parse_with_today(s, today).expect_err(s);
        (e.code(), e.range())
    }

    #[test]
    fn valid_nips() {
        let cases = [
            "19681202 198803 1 002",
            "19590527 198503 1 009",
            "19660315 199203 1 010",
            "19700414 199803 1 005",
        ];
        for s in cases {
            let n = Nip::parse(s).expect(s);
            assert_eq!(n.format(), s);
            assert_eq!(Nip::parse(&s.replace(' ', "")), Ok(n));
        }
        let n = Nip::parse("196812021988031002").expect("valid");
        assert_eq!(
            (n.lahir(), n.tmt(), n.urut()),
            (t(1968, 12, 2), (1988, 3), 2)
        );
        assert_eq!(n.jenis_kelamin(), JenisKelamin::Pria);
        assert_eq!(n.to_string(), "19681202 198803 1 002");
        assert_eq!(Nip::parse("  19681202 198803 1 002\n"), Ok(n));
        let w: Nip = "19700414 199803 2 105".parse().expect("valid");
        assert_eq!((w.jenis_kelamin(), w.urut()), (JenisKelamin::Wanita, 105));
        assert_eq!(
            parse_with_today("19700414 199803 2 105", Some(t(2024, 1, 1))),
            Ok(w)
        );
    }

    #[test]
    fn bad_birth_date() {
        let e = gagal("19681302 198803 1 002");
        assert_eq!((e.code(), e.range()), ("nip-tanggal-lahir", 0..8));
        let msg = "digit 1–8 NIP (`19681302`) bukan tanggal lahir yang sah: \
                   bulan 13 tidak ada (bulan hanya 1 sampai 12)";
        assert_eq!(e.message().id, msg);
        assert_eq!(
            kode("19690229 198803 1 002", None),
            ("nip-tanggal-lahir", 0..8)
        );
        let e = gagal("19391202 198803 1 002");
        let msg = "tanggal lahir pada NIP (2 Desember 1939) terlalu awal: paling awal tahun 1940";
        assert_eq!((e.code(), &*e.message().id), ("nip-tanggal-lahir", msg));
        let today = Some(t(1968, 12, 1));
        assert_eq!(
            kode("19681202 198803 1 002", today),
            ("nip-tanggal-lahir", 0..8)
        );
    }

    #[test]
    fn bad_tmt() {
        let e = gagal("19681202 198013 1 002");
        assert_eq!((e.code(), e.range()), ("nip-tmt", 9..15));
        let msg = "digit 9–14 NIP (`198013`) bukan tahun-bulan TMT yang sah: bulan 13 tidak ada";
        assert_eq!(e.message().id, msg);
        assert_eq!(kode("196812021980001002", None), ("nip-tmt", 8..14));

        let e = gagal("19681202 198012 1 002");
        assert_eq!((e.code(), e.range()), ("nip-tmt", 9..15));
        let msg = "TMT CPNS Desember 1980 sebelum pegawai berusia 18 tahun \
                   (lahir 2 Desember 1968, TMT paling awal Desember 1986)";
        assert_eq!(e.message().id, msg);
        let msg = "TMT CPNS December 1980 is before the employee turned 18 \
                   (born 1968-12-02, earliest TMT December 1986)";
        assert_eq!(e.message().en, msg);
        // The month of the 18th birthday itself is allowed.
        assert!(Nip::parse("19681202 198612 1 002").is_ok());
        assert_eq!(kode("19681202 198611 1 002", None), ("nip-tmt", 9..15));

        assert_eq!(
            kode("19681202 198803 1 002", Some(t(1988, 2, 29))),
            ("nip-tmt", 9..15)
        );
        assert!(Nip::parse_with_today("19681202 198803 1 002", Some(t(1988, 3, 1))).is_ok());
    }

    #[test]
    fn bad_gender() {
        let e = gagal("19681202 198803 3 002");
        assert_eq!((e.code(), e.range()), ("nip-jenis-kelamin", 16..17));
        assert_eq!(
            e.message().id,
            "digit ke-15 NIP (`3`) harus 1 (pria) atau 2 (wanita)"
        );
        assert_eq!(
            kode("196812021988030002", None),
            ("nip-jenis-kelamin", 14..15)
        );
        assert_eq!(
            kode(" 196812021988039002", None),
            ("nip-jenis-kelamin", 15..16)
        );
    }

    #[test]
    fn bad_length() {
        let e = gagal("1968120219880310");
        assert_eq!((e.code(), e.range()), ("nip-panjang", 0..16));
        assert_eq!(e.message().id, "NIP harus 18 angka, ditemukan 16");
        assert_eq!(e.message().en, "a NIP has 18 digits, found 16");
        assert!(
            e.help()
                .map(|h| h.id)
                .is_some_and(|s| s.starts_with("ada 2 angka yang kurang; periksa"))
        );
        let e = gagal("19681202 198803 1 00");
        assert_eq!(
            (e.code(), &*e.message().id),
            ("nip-panjang", "NIP harus 18 angka, ditemukan 17")
        );
        assert_eq!(kode("1968120219880310021", None), ("nip-panjang", 0..19));
        assert_eq!(kode("", None), ("nip-panjang", 0..0));
    }

    #[test]
    fn bad_format() {
        let e = gagal("19681202.198803.1.002");
        assert_eq!((e.code(), e.range()), ("nip-format", 0..21));
        assert_eq!(
            e.message().id,
            "NIP `19681202.198803.1.002` memuat karakter `.` yang tidak diizinkan"
        );
        let fix = "tulis NIP sebagai 18 angka tanpa pemisah (196812021988031002) atau dikelompokkan \
                   8 6 1 3 dengan satu spasi (19681202 198803 1 002)";
        assert_eq!(e.help().map(|h| h.id).as_deref(), Some(fix));
        let e = gagal("19681202  198803 1 002");
        assert_eq!((e.code(), e.range()), ("nip-format", 0..22));
        assert_eq!(
            e.message().id,
            "NIP `19681202  198803 1 002` memuat spasi ganda"
        );
        let cases = "19681202-198803-1-002|1968 1202 1988 031002|19681202 1988031002|\
                     NIP 19681202 198803 1 002|19681202\t198803 1 002|１９６８１２０２ 198803 1 002";
        for s in cases.split('|') {
            assert_eq!(gagal(s).code(), "nip-format", "{s}");
        }
    }

    #[test]
    fn check_order() {
        // Bad birth date, TMT and gender at once: the birth date is reported.
        assert_eq!(gagal("19681302 198013 3 002").code(), "nip-tanggal-lahir");
        assert_eq!(gagal("19681202 198013 3 002").code(), "nip-tmt");
        assert_eq!(gagal("19681302.198013").code(), "nip-format");
        assert_eq!(gagal("  19681302 198803 1 002").range(), 2..10);
    }

    #[test]
    fn odd_inputs_never_panic() {
        let huge = "9".repeat(10_000);
        let odd = " |  |\n|0|000000000000000000|999999999999999999|00000000 000000 0 000|\
                   99999999 999999 9 999|19681202 198803 1 002 | 19681202 198803 1 002|é|\
                   19681202 198803 1 ٠٠٢|🎉|1 2 3 4|        |";
        for s in odd.split('|').chain([huge.as_str()]) {
            match Nip::parse_with_today(s, Some(t(2024, 1, 1))) {
                Ok(n) => assert_eq!(Nip::parse(&n.format()), Ok(n)),
                Err(e) => {
                    assert!(s.get(e.range()).is_some(), "range off a char boundary: {s}");
                    assert!(!e.message().id.is_empty() && !e.message().en.is_empty());
                    assert!(e.help().map(|h| h.id).is_some() && e.help().map(|h| h.en).is_some());
                }
            }
        }
    }
}
