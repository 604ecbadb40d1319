//! Dasar hukum (legal bases) of an SOP: this module owns the grammar of one entry as staff
//! write it (`Peraturan Pemerintah Nomor 96 Tahun 2012 tentang ...`, `UU No 25 Tahun 2009`,
//! `Perbup Kudus Nomor 5 Tahun 2014`, `PermenPAN-RB Nomor 35 Tahun 2012`, ...), the
//! classification of the entry into the hierarchy of UU 12/2011 ([`Jenis`]), and the
//! checks over a whole list: repeated entries and entries out of hierarchy order. It has
//! no dependencies and never panics on user input; all its findings are warnings.

use crate::diag::{Kesalahan, Msg};
use crate::msg;
use std::fmt;

/// Kind of regulation, declared in hierarchy order (UU 12/2011 Pasal 7, then the
/// Pasal 8 regulations the spec ranks below it, then non-regulation instruments).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Jenis {
    Uud,
    TapMpr,
    /// Undang-Undang and Perppu (same rank, UU 12/2011 Pasal 7 ayat 1 huruf c).
    Uu,
    Pp,
    Perpres,
    /// Peraturan menteri or kepala lembaga (Permendagri, PermenPAN-RB, Peraturan BKN...).
    Permen,
    PerdaProvinsi,
    PerdaKabKota,
    /// `Peraturan Daerah` whose level is not written.
    PerdaTanpaTingkat,
    Pergub,
    PerbupPerwal,
    /// Keputusan, instruksi, surat edaran: not regulations, so the lowest.
    Keputusan,
}

impl Jenis {
    /// Rank in the hierarchy; lower = higher. A Perda whose level is not written ranks
    /// with Perda Provinsi: the level is usually omitted where the issuer is obvious,
    /// most often in provincial SOPs, and at that rank it still precedes every Pergub
    /// and Perbup, so the only order it can be misjudged against is a Perda Kabupaten/Kota
    /// written before it, which in practice never shares a list with an unnamed Perda.
    pub fn peringkat(&self) -> u8 {
        match self {
            Jenis::Uud => 1,
            Jenis::TapMpr => 2,
            Jenis::Uu => 3,
            Jenis::Pp => 4,
            Jenis::Perpres => 5,
            Jenis::Permen => 6,
            Jenis::PerdaProvinsi | Jenis::PerdaTanpaTingkat => 7,
            Jenis::PerdaKabKota => 8,
            Jenis::Pergub => 9,
            Jenis::PerbupPerwal => 10,
            Jenis::Keputusan => 11,
        }
    }

    pub fn nama(&self) -> &'static str {
        match self {
            Jenis::Uud => "Undang-Undang Dasar",
            Jenis::TapMpr => "Ketetapan MPR",
            Jenis::Uu => "Undang-Undang",
            Jenis::Pp => "Peraturan Pemerintah",
            Jenis::Perpres => "Peraturan Presiden",
            Jenis::Permen => "Peraturan Menteri",
            Jenis::PerdaProvinsi => "Peraturan Daerah Provinsi",
            Jenis::PerdaKabKota => "Peraturan Daerah Kabupaten/Kota",
            Jenis::PerdaTanpaTingkat => "Peraturan Daerah",
            Jenis::Pergub => "Peraturan Gubernur",
            Jenis::PerbupPerwal => "Peraturan Bupati/Wali Kota",
            Jenis::Keputusan => "Keputusan/Instruksi/Surat Edaran",
        }
    }
}

impl fmt::Display for Jenis {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.nama())
    }
}

/// Opening words of each jenis, `|`-separated alternatives over lowercase words split at
/// spaces and hyphens (so `Undang-Undang` and `Undang Undang` read alike). A trailing `*`
/// matches a prefix, for the open family `Permendagri`, `PermenPAN`, `Permenkes`, ... The
/// longest match wins, which is what separates `Undang-Undang Dasar` from `Undang-Undang`
/// and `Peraturan Pemerintah Pengganti Undang-Undang` from `Peraturan Pemerintah`.
fn pola(jenis: Jenis) -> &'static str {
    match jenis {
        Jenis::Uud => "undang undang dasar|uud",
        Jenis::TapMpr => "ketetapan majelis permusyawaratan rakyat|ketetapan mpr|tap mpr",
        Jenis::Uu => "peraturan pemerintah pengganti undang undang|perppu|perpu|undang undang|uu",
        Jenis::Pp => "peraturan pemerintah|pp",
        Jenis::Perpres => "peraturan presiden|perpres",
        Jenis::Permen => {
            "peraturan menteri|peraturan kepala|peraturan badan|peraturan lembaga|permen*"
        }
        Jenis::PerdaProvinsi => {
            "peraturan daerah provinsi|peraturan daerah propinsi|peraturan daerah prov|\
             perda provinsi|perda propinsi|perda prov|qanun aceh"
        }
        Jenis::PerdaKabKota => {
            "peraturan daerah kabupaten|peraturan daerah kab|peraturan daerah kota|\
             perda kabupaten|perda kab|perda kota|qanun kabupaten|qanun kota"
        }
        Jenis::PerdaTanpaTingkat => "peraturan daerah|perda|qanun",
        Jenis::Pergub => "peraturan gubernur|pergub",
        Jenis::PerbupPerwal => {
            "peraturan bupati|peraturan walikota|peraturan wali kota|perbup|perwal|perwali|perwako"
        }
        Jenis::Keputusan => {
            "keputusan|instruksi|surat edaran|kepmen*|keppres|kepres|inpres|kepgub|kepbup|se"
        }
    }
}

/// Spellings offered when no jenis is recognised (`|`-separated); each is recognised.
const USULAN_JENIS: &str = "Undang-Undang Dasar|Undang-Undang|\
    Peraturan Pemerintah Pengganti Undang-Undang|Peraturan Pemerintah|Peraturan Presiden|\
    Peraturan Menteri|Peraturan Daerah Provinsi|Peraturan Daerah Kabupaten|\
    Peraturan Daerah Kota|Peraturan Daerah|Peraturan Gubernur|Peraturan Bupati|\
    Peraturan Wali Kota|Keputusan|Instruksi|Surat Edaran|Ketetapan MPR|Permendagri|\
    Perpres|Perda|Pergub|Perbup|Perwal";

const SEMUA: [Jenis; 12] = [
    Jenis::Uud,
    Jenis::TapMpr,
    Jenis::Uu,
    Jenis::Pp,
    Jenis::Perpres,
    Jenis::Permen,
    Jenis::PerdaProvinsi,
    Jenis::PerdaKabKota,
    Jenis::PerdaTanpaTingkat,
    Jenis::Pergub,
    Jenis::PerbupPerwal,
    Jenis::Keputusan,
];

const KATA_NOMOR: [&str; 4] = ["nomor", "no", "nomer", "nmr"];
const KATA_TAHUN: [&str; 2] = ["tahun", "thn"];
const TAHUN_MIN: i32 = 1945;
const TAHUN_MAKS: i32 = 2100;

/// One parsed dasar hukum entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Regulasi {
    pub jenis: Jenis,
    pub nomor: Option<String>,
    pub tahun: Option<i32>,
    pub tentang: Option<String>,
}

impl fmt::Display for Regulasi {
    /// Short reference for messages, e.g. `Peraturan Pemerintah Nomor 96 Tahun 2012`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.jenis.nama())?;
        if let Some(nomor) = &self.nomor {
            write!(f, " Nomor {nomor}")?;
        }
        if let Some(tahun) = self.tahun {
            write!(f, " Tahun {tahun}")?;
        }
        Ok(())
    }
}

/// Which part of an entry could not be found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bagian {
    Nomor,
    Tahun,
    NomorDanTahun,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TahunSalah {
    BukanEmpatAngka,
    DiLuarRentang,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RegulasiError {
    Kosong,
    /// `awal` is the first words as written; `koreksi` the entry with the suggested jenis.
    JenisTidakDikenal {
        awal: String,
        usulan: Option<&'static str>,
        koreksi: Option<String>,
    },
    /// `awal` is the jenis (and issuer) as written, e.g. `Peraturan Bupati Kudus`.
    Format {
        jenis: Jenis,
        awal: String,
        kurang: Bagian,
    },
    Tahun {
        jenis: Jenis,
        tertulis: String,
        sebab: TahunSalah,
    },
}

impl Kesalahan for RegulasiError {
    fn message(&self) -> Msg {
        match self {
            RegulasiError::Kosong => Msg::fixed(
                "entri dasar hukum kosong",
                "empty dasar hukum (legal basis) entry",
            ),
            RegulasiError::JenisTidakDikenal { awal, .. } => msg!(
                "jenis peraturan pada `{awal}` tidak dikenal",
                "unknown kind of regulation in `{awal}`"
            ),
            RegulasiError::Format { jenis, kurang, .. } => {
                let (id, en) = match kurang {
                    Bagian::Nomor => ("nomornya", "its nomor (number) is"),
                    Bagian::Tahun => ("tahunnya", "its tahun (year) is"),
                    Bagian::NomorDanTahun => (
                        "nomor dan tahunnya",
                        "its nomor (number) and tahun (year) are",
                    ),
                };
                msg!(
                    "{jenis} dikenali, tetapi {id} tidak ditemukan",
                    "{jenis} is recognised, but {en} missing"
                )
            }
            RegulasiError::Tahun {
                tertulis: t,
                sebab: TahunSalah::BukanEmpatAngka,
                ..
            } => msg!("tahun `{t}` harus 4 angka", "year `{t}` must have 4 digits"),
            RegulasiError::Tahun { tertulis: t, .. } => msg!(
                "tahun {t} tidak masuk akal (harus antara {TAHUN_MIN} dan {TAHUN_MAKS})",
                "year {t} is implausible (must be between {TAHUN_MIN} and {TAHUN_MAKS})"
            ),
        }
    }

    fn help(&self) -> Option<Msg> {
        Some(match self {
            RegulasiError::Kosong => Msg::fixed(
                "hapus baris kosong ini atau isi dasar hukumnya",
                "remove this empty line or fill in the legal basis",
            ),
            RegulasiError::JenisTidakDikenal {
                usulan: Some(u),
                koreksi,
                ..
            } => {
                let k = koreksi.as_deref().unwrap_or(u);
                msg!(
                    "mungkin maksudnya `{u}`: `{k}`",
                    "did you mean `{u}`: `{k}`"
                )
            }
            RegulasiError::JenisTidakDikenal { .. } => msg!(
                "awali dengan jenis peraturan, mis. {CONTOH_JENIS}",
                "start with the kind of regulation, e.g. {CONTOH_JENIS}"
            ),
            RegulasiError::Format { awal, .. } => msg!(
                "tulis dengan pola `{awal} Nomor … Tahun … tentang …`",
                "follow the pattern `{awal} Nomor … Tahun … tentang …`"
            ),
            RegulasiError::Tahun { .. } => Msg::fixed(
                "periksa tahun pengundangan; tulis 4 angka, mis. `Tahun 2012`",
                "check the year of enactment; write 4 digits, e.g. `Tahun 2012`",
            ),
        })
    }
}

const CONTOH_JENIS: &str =
    "`Undang-Undang`, `Peraturan Pemerintah`, `Peraturan Menteri`, `Peraturan Daerah`";

impl fmt::Display for RegulasiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message().id)
    }
}

impl std::error::Error for RegulasiError {}

/// A whitespace-separated token with its byte end in the source, so that the `tentang`
/// text and the written jenis can be sliced from the original spelling.
struct Token<'a> {
    teks: &'a str,
    akhir: usize,
}

fn tokenisasi(s: &str) -> Vec<Token<'_>> {
    s.split_whitespace()
        .map(|teks| Token {
            teks,
            // `teks` is a subslice of `s`, so the pointer difference is its byte offset.
            akhir: teks.as_ptr() as usize - s.as_ptr() as usize + teks.len(),
        })
        .collect()
}

/// Whether the token, stripped of punctuation, is one of `kata` (lowercase).
fn adalah(t: &Token<'_>, kata: &[&str]) -> bool {
    kata.contains(&bersih(t.teks).as_str())
}

/// Lowercase word without surrounding punctuation (`No.` → `no`, `(UU)` → `uu`).
fn bersih(t: &str) -> String {
    t.trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

/// Parses one dasar hukum entry.
pub fn parse(s: &str) -> Result<Regulasi, RegulasiError> {
    let token = tokenisasi(s);
    if token.iter().all(|t| bersih(t.teks).is_empty()) {
        return Err(RegulasiError::Kosong);
    }
    let Some((jenis, mulai)) = kenali_jenis(&token) else {
        return Err(jenis_tidak_dikenal(s, &token));
    };
    // The head (issuer, nomor, tahun) ends at the first `tentang`: searching past it would
    // pick up the nomor of a law quoted in the title (`... tentang Pelaksanaan UU Nomor 25`).
    let batas = token[mulai..]
        .iter()
        .position(|t| bersih(t.teks) == "tentang")
        .map_or(token.len(), |p| mulai + p);
    let tentang = token
        .get(batas)
        .and_then(|t| rapikan_tentang(&s[t.akhir..]));
    let kepala = &token[mulai..batas];
    let tahun_err = |(tertulis, sebab)| RegulasiError::Tahun {
        jenis,
        tertulis,
        sebab,
    };
    if jenis == Jenis::Uud {
        // The Constitution has no nomor; its year is often written bare (`UUD 1945`).
        let tahun = match cari_tahun(kepala, 0).map_err(tahun_err)? {
            Some(t) => Some(t),
            None => kepala
                .iter()
                .find_map(|t| tahun_dari(t.teks).ok().flatten()),
        };
        return Ok(Regulasi {
            jenis,
            nomor: None,
            tahun,
            tentang,
        });
    }
    let (mut nomor, sesudah_nomor) = match cari_nomor(kepala) {
        Some((n, i)) => (Some(n), i + 1),
        None => (None, 0),
    };
    let mut tahun = cari_tahun(kepala, sesudah_nomor).map_err(tahun_err)?;
    if nomor.is_none() {
        nomor = nomor_sebelum_tahun(kepala);
    }
    if tahun.is_none()
        && let Some((n, t)) = nomor.as_deref().and_then(tahun_dalam_nomor)
    {
        nomor = Some(n);
        tahun = Some(t);
    }
    let kurang = match (&nomor, tahun) {
        (Some(_), Some(_)) => None,
        (None, Some(_)) => Some(Bagian::Nomor),
        (Some(_), None) => Some(Bagian::Tahun),
        (None, None) => Some(Bagian::NomorDanTahun),
    };
    if let Some(kurang) = kurang {
        // The issuer stays in the suggested pattern (`Peraturan Bupati Kudus Nomor …`).
        let penerbit = kepala
            .iter()
            .take_while(|t| !adalah(t, &KATA_NOMOR) && !adalah(t, &KATA_TAHUN))
            .take_while(|t| !t.teks.chars().any(|c| c.is_ascii_digit()))
            .last();
        let akhir = penerbit.unwrap_or(&token[mulai - 1]).akhir;
        let awal = s[..akhir].trim().to_string();
        return Err(RegulasiError::Format {
            jenis,
            awal,
            kurang,
        });
    }
    Ok(Regulasi {
        jenis,
        nomor,
        tahun,
        tentang,
    })
}

/// Longest [`pola`] matching the opening words; returns the jenis and how many tokens
/// it spans (at least 1).
fn kenali_jenis(token: &[Token<'_>]) -> Option<(Jenis, usize)> {
    // Words of the first few tokens only: no pattern is longer than five words.
    let kata: Vec<(String, usize)> = token
        .iter()
        .take(6)
        .enumerate()
        .flat_map(|(i, t)| t.teks.split(['-', '–']).map(move |k| (bersih(k), i)))
        .filter(|(k, _)| !k.is_empty())
        .collect();
    SEMUA
        .iter()
        .flat_map(|jenis| pola(*jenis).split('|').map(move |p| (*jenis, p)))
        .map(|(jenis, pola)| (jenis, pola.split(' ').collect::<Vec<_>>()))
        .filter(|(_, pola)| {
            pola.len() <= kata.len()
                && pola
                    .iter()
                    .zip(&kata)
                    .all(|(p, (k, _))| match p.strip_suffix('*') {
                        Some(awalan) => k.starts_with(awalan),
                        None => p == k,
                    })
        })
        .max_by_key(|(_, pola)| pola.len())
        .map(|(jenis, pola)| (jenis, kata[pola.len() - 1].1 + 1))
}

/// The nomor and the index (in `kepala`) of the token holding it. Accepts `Nomor 12`,
/// `No. 12`, `Nomor : 12` and the glued `No.12`, `Nomor:12`.
fn cari_nomor(kepala: &[Token<'_>]) -> Option<(String, usize)> {
    for (i, t) in kepala.iter().enumerate() {
        if adalah(t, &KATA_NOMOR) {
            // Skip lone separators such as `:`; stop at `Tahun` (the nomor is missing).
            let (j, nilai) = kepala
                .iter()
                .enumerate()
                .skip(i + 1)
                .find(|(_, t)| t.teks.chars().any(char::is_alphanumeric))?;
            if adalah(nilai, &KATA_TAHUN) {
                return None;
            }
            return rapikan_nomor(nilai.teks).map(|n| (n, j));
        }
        for awalan in ["nomor:", "nomor.", "no.", "no:"] {
            let tempel = t
                .teks
                .get(..awalan.len())
                .is_some_and(|a| a.eq_ignore_ascii_case(awalan));
            if let Some(n) = tempel
                .then(|| rapikan_nomor(&t.teks[awalan.len()..]))
                .flatten()
            {
                return Some((n, i));
            }
        }
    }
    None
}

fn rapikan_nomor(t: &str) -> Option<String> {
    let n = t
        .trim_start_matches([':', '('])
        .trim_end_matches(['.', ',', ';', ':', ')']);
    n.chars().any(char::is_alphanumeric).then(|| n.to_string())
}

/// `UU 25 Tahun 2009`: without the word `Nomor`, the token just before `Tahun` is the
/// nomor when it contains a digit (so `Kudus Tahun 2014` does not yield a nomor).
fn nomor_sebelum_tahun(kepala: &[Token<'_>]) -> Option<String> {
    let k = kepala.iter().position(|t| adalah(t, &KATA_TAHUN))?;
    let calon = kepala.get(k.checked_sub(1)?)?;
    calon
        .teks
        .chars()
        .any(|c| c.is_ascii_digit())
        .then(|| rapikan_nomor(calon.teks))
        .flatten()
}

/// Year after the word `Tahun` (searched from `dari`): `Ok(None)` when there is no such
/// word or no number after it, `Err` when the number is not a plausible year.
fn cari_tahun(kepala: &[Token<'_>], dari: usize) -> Result<Option<i32>, (String, TahunSalah)> {
    let Some(k) = kepala
        .iter()
        .skip(dari)
        .position(|t| adalah(t, &KATA_TAHUN))
    else {
        return Ok(None);
    };
    match kepala.get(dari + k + 1) {
        Some(t) => tahun_dari(t.teks),
        None => Ok(None),
    }
}

/// Leading digits of a token as a year; `Ok(None)` when it does not start with a digit.
fn tahun_dari(t: &str) -> Result<Option<i32>, (String, TahunSalah)> {
    let t = t.trim_matches(|c: char| !c.is_alphanumeric());
    let angka_akhir = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let angka = &t[..angka_akhir];
    if angka.is_empty() {
        return Ok(None);
    }
    // Length is checked before parsing, so huge numbers never reach `parse`.
    let tahun = match angka.len() {
        4 => angka.parse::<i32>().ok(),
        _ => None,
    };
    match tahun {
        None => Err((angka.to_string(), TahunSalah::BukanEmpatAngka)),
        Some(y) if !(TAHUN_MIN..=TAHUN_MAKS).contains(&y) => {
            Err((angka.to_string(), TahunSalah::DiLuarRentang))
        }
        Some(y) => Ok(Some(y)),
    }
}

/// Year carried by the nomor itself when no `Tahun` is written: `PER/21/M.PAN/11/2008`
/// keeps its full nomor (the year is part of it), while the shorthand `25/2009` is split
/// into nomor `25` and year 2009.
fn tahun_dalam_nomor(nomor: &str) -> Option<(String, i32)> {
    let (depan, akhir) = nomor.rsplit_once('/')?;
    let tahun = match tahun_dari(akhir) {
        Ok(Some(t)) if akhir.len() == 4 => t,
        _ => return None,
    };
    let singkat = !depan.contains('/') && depan.chars().all(|c| c.is_ascii_digit());
    Some((if singkat { depan } else { nomor }.to_string(), tahun))
}

fn rapikan_tentang(s: &str) -> Option<String> {
    let t = s.trim().trim_end_matches(['.', ';', ' ', '…']).trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// Builds the `dasar-hukum-jenis` error, suggesting the closest jenis spelling for the
/// first 1–4 words. Ties go to the longer span, so `Peraturn Daerah Provinsi` is
/// corrected as a whole rather than as `Peraturan Daerah` + `Provinsi`.
fn jenis_tidak_dikenal(s: &str, token: &[Token<'_>]) -> RegulasiError {
    let mut terbaik: Option<(usize, usize, &'static str)> = None;
    for n in 1..=token.len().min(4) {
        let awal = token[..n]
            .iter()
            .map(|t| bersih(t.teks))
            .collect::<Vec<_>>()
            .join(" ");
        for calon in USULAN_JENIS.split('|') {
            let jarak = strsim::levenshtein(&awal, &calon.to_lowercase());
            let batas = (calon.chars().count() / 5).clamp(1, 3);
            let lebih_baik = terbaik.is_none_or(|(j, m, _)| jarak < j || (jarak == j && n > m));
            if jarak <= batas && lebih_baik {
                terbaik = Some((jarak, n, calon));
            }
        }
    }
    let awal_tertulis = s[..token[token.len().min(4) - 1].akhir].trim().to_string();
    match terbaik {
        Some((_, n, calon)) => RegulasiError::JenisTidakDikenal {
            awal: awal_tertulis,
            usulan: Some(calon),
            koreksi: Some(
                format!("{calon}{}", &s[token[n - 1].akhir..])
                    .trim()
                    .to_string(),
            ),
        },
        None => RegulasiError::JenisTidakDikenal {
            awal: awal_tertulis,
            usulan: None,
            koreksi: None,
        },
    }
}

/// What is wrong with an entry of the dasar hukum list as a whole.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TemuanKind {
    /// The same regulation as an earlier entry.
    Ganda,
    /// Written after an entry it outranks.
    Urutan,
}

/// A finding over the whole dasar hukum list (a warning).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Temuan {
    pub kind: TemuanKind,
    pub index: usize,
    pub pertama: Option<usize>,
    pub message: Msg,
    pub help: Msg,
}

/// Checks a list of entries (`None` = an entry that did not parse, skipped) for repeated
/// entries and for entries written after one they outrank.
pub fn periksa_daftar(entries: &[Option<Regulasi>]) -> Vec<Temuan> {
    let mut temuan = Vec::new();
    for (i, r) in entries.iter().enumerate() {
        let Some(r) = r else { continue };
        let sebelum = || entries[..i].iter().enumerate();
        let ganda = sebelum().find(|(_, e)| e.as_ref().is_some_and(|e| sama(e, r)));
        if let Some((p, _)) = ganda {
            // A repeat is only reported as such: its fix (delete it) also fixes its order.
            temuan.push(temuan_ganda(i, p, r));
            continue;
        }
        let lebih_rendah = sebelum().find_map(|(j, e)| {
            e.as_ref()
                .filter(|e| e.jenis.peringkat() > r.jenis.peringkat())
                .map(|e| (j, e))
        });
        if let Some((j, e)) = lebih_rendah {
            temuan.push(temuan_urutan(i, j, r, e));
        }
    }
    temuan
}

/// Same jenis, nomor and tahun. Two titles that are both written and differ mean two
/// instruments that happen to share a number (e.g. two ministries' Permen 12/2017).
fn sama(a: &Regulasi, b: &Regulasi) -> bool {
    let kunci = |o: &Option<String>| {
        o.as_deref().map(|t| {
            t.split_whitespace()
                .collect::<String>()
                .trim_end_matches(['.', ';'])
                .to_lowercase()
        })
    };
    let judul_beda = matches!((kunci(&a.tentang), kunci(&b.tentang)), (Some(x), Some(y)) if x != y);
    a.jenis == b.jenis && kunci(&a.nomor) == kunci(&b.nomor) && a.tahun == b.tahun && !judul_beda
}

fn temuan_ganda(index: usize, pertama: usize, r: &Regulasi) -> Temuan {
    let n = pertama + 1;
    Temuan {
        kind: TemuanKind::Ganda,
        index,
        pertama: Some(pertama),
        message: msg!(
            "{r} sudah ditulis pada entri ke-{n}",
            "{r} is already listed as entry {n}"
        ),
        help: Msg::fixed(
            "hapus entri yang berulang ini",
            "delete this repeated entry",
        ),
    }
}

fn temuan_urutan(index: usize, pertama: usize, r: &Regulasi, e: &Regulasi) -> Temuan {
    let (atas, bawah) = (r.jenis.nama(), e.jenis.nama());
    let n = pertama + 1;
    Temuan {
        kind: TemuanKind::Urutan,
        index,
        pertama: Some(pertama),
        message: msg!(
            "{atas} sebaiknya ditulis sebelum {bawah} (urutan hierarki UU 12/2011)",
            "{atas} should be listed before {bawah} (hierarchy order of UU 12/2011)"
        ),
        help: msg!(
            "pindahkan entri ini ke atas entri ke-{n}",
            "move this entry above entry {n}"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The code the `check` stage reports an error or a finding under.
    trait Code {
        fn code(&self) -> &'static str;
    }
    impl Code for RegulasiError {
        fn code(&self) -> &'static str {
            crate::check::rules::dasar_hukum::rule_for(self).code
        }
    }
    impl Code for Temuan {
        fn code(&self) -> &'static str {
            crate::check::rules::dasar_hukum::rule_for_temuan(self.kind).code
        }
    }

    fn ok(s: &str) -> Regulasi {
        parse(s).unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    /// Each case is `Jenis|nomor|tahun|text`, `-` for an absent nomor or tahun.
    fn cek_semua(kasus: &[&str]) {
        for k in kasus {
            let b: Vec<&str> = k.splitn(4, '|').collect();
            let r = ok(b[3]);
            let opsi = |x: &str| (x != "-").then(|| x.to_string());
            assert_eq!(format!("{:?}", r.jenis), b[0], "{k}");
            assert_eq!(r.nomor, opsi(b[1]), "{k}");
            assert_eq!(r.tahun.map(|t| t.to_string()), opsi(b[2]), "{k}");
        }
    }

    #[test]
    fn contoh_dari_spesifikasi() {
        cek_semua(&[
            "Pp|96|2012|Peraturan Pemerintah Nomor 96 Tahun 2012 tentang Pelaksanaan Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik",
            "Uu|25|2009|UU No 25 Tahun 2009 tentang Pelayanan Publik.",
            "Uu|25|2009|Undang-Undang Republik Indonesia Nomor 25 Tahun 2009 tentang Pelayanan Publik",
            "Permen|52|2011|Peraturan Menteri Dalam Negeri Nomor 52 Tahun 2011 tentang Standar Operasional Prosedur",
            "Permen|35|2012|Peraturan Menteri Pendayagunaan Aparatur Negara Dan Reformasi Birokrasi Republik Indonesia Nomor 35 Tahun 2012 Tentang Pedoman Penyusunan SOP",
            "PerdaTanpaTingkat|4|2016|Peraturan Daerah Nomor 4 Tahun 2016 Tentang Pembentukan Perangkat Daerah",
            "PerdaProvinsi|9|2016|Peraturan Daerah Provinsi Jawa Tengah Nomor 9 Tahun 2016 tentang Perangkat Daerah",
            "PerdaKabKota|12|2016|Peraturan Daerah Kabupaten Kudus Nomor 12 Tahun 2016 tentang Perangkat Daerah",
            "Pergub|33|2016|Peraturan Gubernur Kalimantan Tengah Nomor 33 Tahun 2016 Tentang Kedudukan, Tugas dan Fungsi",
            "Pergub|29|2018|Peraturan Gubernur No. 29 tahun 2018 tentang perubahan atas ...",
            "PerbupPerwal|5|2014|Peraturan Bupati Kudus Nomor 5 Tahun 2014 tentang Standar Pelayanan",
            "PerbupPerwal|7|2019|Peraturan Wali Kota Semarang Nomor 7 Tahun 2019 tentang Tata Naskah Dinas",
            "PerbupPerwal|15|2017|Peraturan Walikota Surakarta Nomor 15 Tahun 2017 tentang Tata Kerja",
            "Uud|-|1945|Undang-Undang Dasar Negara Republik Indonesia Tahun 1945",
            "Perpres|81|2010|Peraturan Presiden Nomor 81 Tahun 2010 tentang Grand Design Reformasi Birokrasi",
            "Perpres|95|2018|Perpres No. 95 Tahun 2018 tentang Sistem Pemerintahan Berbasis Elektronik",
            "Permen|52|2011|Permendagri Nomor 52 Tahun 2011 tentang SOP",
            "Permen|35|2012|PermenPAN-RB Nomor 35 Tahun 2012 tentang Pedoman Penyusunan SOP AP",
            "Pp|18|2016|PP Nomor 18 Tahun 2016 tentang Perangkat Daerah",
            "PerdaTanpaTingkat|4|2016|Perda Nomor 4 Tahun 2016 tentang Perangkat Daerah",
            "Pergub|2|2018|Pergub Nomor 2 Tahun 2018 tentang Tata Kerja",
            "PerbupPerwal|5|2014|Perbup Kudus Nomor 5 Tahun 2014",
            "PerbupPerwal|10|2020|Perwal Nomor 10 Tahun 2020 tentang Uraian Tugas",
            "Uu|1|2020|Peraturan Pemerintah Pengganti Undang-Undang Nomor 1 Tahun 2020 tentang Keuangan Negara",
            "Keputusan|100|2020|Keputusan Bupati Kudus Nomor 100 Tahun 2020 tentang Tim SOP",
            "Keputusan|3|2003|Instruksi Presiden Nomor 3 Tahun 2003 tentang Pengembangan E-Government",
            "Keputusan|8|2021|Surat Edaran Menteri PANRB Nomor 8 Tahun 2021 tentang Sistem Kerja",
            "Permen|PER/21/M.PAN/11/2008|2008|Peraturan Menteri Negara PAN Nomor PER/21/M.PAN/11/2008 tentang Pedoman SOP",
            "Keputusan|061/1234/2020|2020|Surat Edaran Sekretaris Daerah Nomor 061/1234/2020 tentang SOP",
            "Keputusan|061/1234/2020|2020|Keputusan Gubernur Nomor 061/1234/2020 Tahun 2020",
        ]);
    }

    #[test]
    fn bentuk_lain() {
        cek_semua(&[
            "Uud|-|1945|UUD 1945",
            "Uud|-|-|Undang-Undang Dasar Negara Republik Indonesia",
            "Uu|23|2014|Undang Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah",
            "Uu|25|2009|UU 25 Tahun 2009",
            "Uu|25|2009|UU No. 25/2009 tentang Pelayanan Publik",
            "Perpres|95|2018|Perpres No.95 Tahun 2018",
            "PerdaTanpaTingkat|4|2016|Peraturan Daerah Nomor : 4 Tahun 2016",
            "TapMpr|XI/MPR/1998|1998|Ketetapan MPR Nomor XI/MPR/1998 tentang Penyelenggara Negara",
            "PerdaKabKota|12|2016|Perda Kab. Kudus Nomor 12 Tahun 2016",
            "Permen|7|2013|Peraturan Kepala Badan Kepegawaian Negara Nomor 7 Tahun 2013",
            "Uu|1|2020|Perppu Nomor 1 Tahun 2020",
        ]);
    }

    #[test]
    fn tentang_dipotong_dengan_benar() {
        let tentang = |s: &str| ok(s).tentang;
        assert_eq!(
            tentang("PP Nomor 96 Tahun 2012 tentang Pelaksanaan UU Nomor 25 Tahun 2009 tentang X"),
            Some("Pelaksanaan UU Nomor 25 Tahun 2009 tentang X".into())
        );
        let publik = Some("Pelayanan Publik".to_string());
        assert_eq!(
            tentang("UU No 25 Tahun 2009 tentang Pelayanan Publik."),
            publik
        );
        assert_eq!(
            tentang("UU No 25 Tahun 2009 TENTANG Pelayanan Publik;"),
            publik
        );
        assert_eq!(
            tentang("Pergub No. 29 tahun 2018 tentang perubahan atas ..."),
            Some("perubahan atas".into())
        );
        assert_eq!(tentang("Perbup Kudus Nomor 5 Tahun 2014"), None);
        assert_eq!(tentang("Perbup Kudus Nomor 5 Tahun 2014 tentang "), None);
    }

    #[test]
    fn peringkat_dan_nama() {
        assert!(Jenis::Uud.peringkat() < Jenis::Uu.peringkat());
        assert!(Jenis::Permen.peringkat() < Jenis::PerdaProvinsi.peringkat());
        assert_eq!(
            Jenis::PerdaTanpaTingkat.peringkat(),
            Jenis::PerdaProvinsi.peringkat()
        );
        assert!(Jenis::PerbupPerwal.peringkat() < Jenis::Keputusan.peringkat());
        assert_eq!(
            (Jenis::Uu.nama(), Jenis::Permen.nama()),
            ("Undang-Undang", "Peraturan Menteri")
        );
        assert_eq!(
            ok("PP Nomor 18 Tahun 2016").to_string(),
            "Peraturan Pemerintah Nomor 18 Tahun 2016"
        );
    }

    #[test]
    fn galat_format() {
        let e = parse("Peraturan Pemerintah tentang Pelayanan").expect_err("no nomor/tahun");
        assert_eq!(e.code(), "dasar-hukum-format");
        assert_eq!(
            e.message().id,
            "Peraturan Pemerintah dikenali, tetapi nomor dan tahunnya tidak ditemukan"
        );
        let pola = "tulis dengan pola `Peraturan Pemerintah Nomor … Tahun … tentang …`";
        assert_eq!(e.help().map(|h| h.id).as_deref(), Some(pola));
        let e = parse("Peraturan Bupati Kudus Tahun 2014 tentang SOP").expect_err("no nomor");
        let awal = "Peraturan Bupati Kudus".to_string();
        assert_eq!(
            e,
            RegulasiError::Format {
                jenis: Jenis::PerbupPerwal,
                awal,
                kurang: Bagian::Nomor
            }
        );
        assert_eq!(
            e.message().en,
            "Peraturan Bupati/Wali Kota is recognised, but its nomor (number) is missing"
        );
        let e = parse("Permendagri Nomor 52 tentang SOP").expect_err("no tahun");
        assert!(matches!(
            e,
            RegulasiError::Format {
                kurang: Bagian::Tahun,
                ..
            }
        ));
        assert!(e.message().id.ends_with("tahunnya tidak ditemukan"));
        let e = parse("Surat Edaran Menteri ... Nomor ... Tahun ...").expect_err("placeholders");
        assert!(matches!(
            e,
            RegulasiError::Format {
                kurang: Bagian::NomorDanTahun,
                ..
            }
        ));
    }

    #[test]
    fn galat_jenis() {
        let e = parse("Peraturn Pemerintah Nomor 96 Tahun 2012").expect_err("typo");
        assert_eq!(e.code(), "dasar-hukum-jenis");
        let koreksi = Some("Peraturan Pemerintah Nomor 96 Tahun 2012".to_string());
        let awal = "Peraturn Pemerintah Nomor 96".to_string();
        assert_eq!(
            e,
            RegulasiError::JenisTidakDikenal {
                awal,
                usulan: Some("Peraturan Pemerintah"),
                koreksi
            }
        );
        assert_eq!(
            e.help().map(|h| h.id).as_deref(),
            Some(
                "mungkin maksudnya `Peraturan Pemerintah`: `Peraturan Pemerintah Nomor 96 Tahun 2012`"
            )
        );
        let usulan = |s: &str| match parse(s) {
            Err(RegulasiError::JenisTidakDikenal { usulan, .. }) => usulan,
            lain => panic!("{s}: {lain:?}"),
        };
        assert_eq!(
            usulan("Peraturn Daerah Provinsi Jawa Tengah Nomor 9 Tahun 2016"),
            Some("Peraturan Daerah Provinsi")
        );
        assert_eq!(
            usulan("Pemendagri Nomor 52 Tahun 2011"),
            Some("Permendagri")
        );
        assert_eq!(
            usulan("Undang-Undng Nomor 25 Tahun 2009"),
            Some("Undang-Undang")
        );
        assert_eq!(usulan("Nota Dinas Kepala Bagian"), None);
        let e = parse("Nota Dinas Kepala Bagian Umum").expect_err("unknown");
        assert_eq!(
            e.message().id,
            "jenis peraturan pada `Nota Dinas Kepala Bagian` tidak dikenal"
        );
        assert!(
            e.help()
                .map(|h| h.en)
                .is_some_and(|h| h.contains("`Peraturan Pemerintah`"))
        );
        assert_eq!(parse(" ; ").map_err(|e| e.code()), Err("dasar-hukum-jenis"));
    }

    #[test]
    fn galat_tahun() {
        let e = parse("PP Nomor 18 Tahun 1850").expect_err("too old");
        assert_eq!(e.code(), "dasar-hukum-tahun");
        assert_eq!(
            e.message().id,
            "tahun 1850 tidak masuk akal (harus antara 1945 dan 2100)"
        );
        let e = parse("PP Nomor 18 Tahun 16").expect_err("two digits");
        let tertulis = "16".to_string();
        assert_eq!(
            e,
            RegulasiError::Tahun {
                jenis: Jenis::Pp,
                tertulis,
                sebab: TahunSalah::BukanEmpatAngka
            }
        );
        assert_eq!(e.message().en, "year `16` must have 4 digits");
        assert_eq!(
            parse("PP Nomor 18 Tahun 2101").map_err(|e| e.code()),
            Err("dasar-hukum-tahun")
        );
        assert_eq!(
            parse("PP Nomor 18 Tahun 1945").map(|r| r.tahun),
            Ok(Some(1945))
        );
    }

    fn daftar(teks: &[&str]) -> Vec<Option<Regulasi>> {
        teks.iter().map(|s| Some(ok(s))).collect()
    }

    fn ringkas(d: &[Option<Regulasi>]) -> Vec<(&'static str, usize, Option<usize>)> {
        periksa_daftar(d)
            .into_iter()
            .map(|t| (t.code(), t.index, t.pertama))
            .collect()
    }

    #[test]
    fn daftar_kudus_dan_kalteng_bersih() {
        let kudus = daftar(&[
            "Peraturan Pemerintah Nomor 96 Tahun 2012 tentang Pelaksanaan Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik",
            "Peraturan Menteri Dalam Negeri Nomor 52 Tahun 2011 tentang Standar Operasional Prosedur",
            "Peraturan Bupati Kudus Nomor 5 Tahun 2014 tentang Standar Pelayanan",
        ]);
        assert_eq!(periksa_daftar(&kudus), vec![]);
        let kalteng = daftar(&[
            "Peraturan Daerah Nomor 4 Tahun 2016 Tentang Pembentukan dan Susunan Perangkat Daerah",
            "Peraturan Gubernur Kalimantan Tengah Nomor 33 Tahun 2016 Tentang Kedudukan",
            "Peraturan Gubernur No. 29 tahun 2018 tentang perubahan atas Peraturan Gubernur Nomor 33 Tahun 2016",
            "Peraturan Gubernur Nomor 2 Tahun 2018 tentang Tata Kerja",
        ]);
        assert_eq!(periksa_daftar(&kalteng), vec![]);
    }

    #[test]
    fn urutan_hierarki() {
        let t = periksa_daftar(&daftar(&[
            "Permendagri Nomor 52 Tahun 2011",
            "UU Nomor 25 Tahun 2009",
        ]));
        assert_eq!(t.len(), 1);
        assert_eq!(
            (t[0].code(), t[0].index, t[0].pertama),
            ("dasar-hukum-urutan", 1, Some(0))
        );
        let pesan = "Undang-Undang sebaiknya ditulis sebelum Peraturan Menteri (urutan hierarki UU 12/2011)";
        assert_eq!(t[0].message.id, pesan);
        assert!(
            t[0].message
                .en
                .contains("should be listed before Peraturan Menteri")
        );
        assert_eq!(
            Some(&*t[0].help.id),
            Some("pindahkan entri ini ke atas entri ke-1")
        );
        // Once per entry, against the first entry it outranks.
        let d = daftar(&[
            "Perbup Nomor 1 Tahun 2020",
            "Pergub Nomor 2 Tahun 2019",
            "PP Nomor 3 Tahun 2018",
            "PP Nomor 4 Tahun 2018",
        ]);
        let u = "dasar-hukum-urutan";
        assert_eq!(
            ringkas(&d),
            vec![(u, 1, Some(0)), (u, 2, Some(0)), (u, 3, Some(0))]
        );
        // None entries are skipped; equal ranks are fine.
        let mut d = daftar(&[
            "Pergub Nomor 2 Tahun 2019",
            "Perda Provinsi Nomor 1 Tahun 2010",
            "Perda Nomor 1 Tahun 2011",
        ]);
        d.insert(1, None);
        assert_eq!(ringkas(&d), vec![(u, 2, Some(0)), (u, 3, Some(0))]);
    }

    #[test]
    fn entri_ganda() {
        let d = daftar(&[
            "UU Nomor 25 Tahun 2009 tentang Pelayanan Publik",
            "PP Nomor 96 Tahun 2012",
            "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik.",
        ]);
        let t = periksa_daftar(&d);
        assert_eq!(ringkas(&d), vec![("dasar-hukum-ganda", 2, Some(0))]);
        assert_eq!(
            t[0].message.id,
            "Undang-Undang Nomor 25 Tahun 2009 sudah ditulis pada entri ke-1"
        );
        assert_eq!(
            t[0].message.en,
            "Undang-Undang Nomor 25 Tahun 2009 is already listed as entry 1"
        );
        // Same number and year but different titles: two different instruments.
        let d = daftar(&[
            "Permendagri Nomor 12 Tahun 2017 tentang A",
            "PermenPAN-RB Nomor 12 Tahun 2017 tentang B",
        ]);
        assert_eq!(periksa_daftar(&d), vec![]);
    }

    #[test]
    fn masukan_aneh_tidak_panik() {
        let panjang = "Peraturan ".repeat(5_000);
        let angka = format!("PP Nomor {0} Tahun {0}", "9".repeat(400));
        for s in [
            "",
            " ",
            ".",
            "-",
            "–",
            "Nomor",
            "Tahun",
            "tentang",
            "UU",
            "UU Nomor",
            "UU Nomor Tahun",
            "UU Tahun",
            "UU No.",
            "No.12",
            "UUD",
            "Peraturan",
            "PP 🙂 Tahun 🙂",
            "Perda Tahun ٢٠١٦",
            "Perpres Nomor 1 Tahun 2O18",
            "ÜÜ Nomor 1 Tahun 2000",
            "İnstruksi Nomor 1 Tahun 2000",
            "PP Nomor 1/ Tahun",
            "PP Nomor /2020",
            "UU Nomor 1 Tahun -2009",
            "\u{0}\u{200b}",
            "Perbup Nomor ::: Tahun :::",
            "UU\tNomor\n1\r\nTahun\u{a0}2009",
            &panjang,
            &angka,
        ] {
            if let Err(e) = parse(s) {
                let _ = (e.code(), e.message(), e.help());
            }
        }
        let ulang = ["", "UU Nomor 1 Tahun 2000"].iter().cycle().take(200);
        let semua: Vec<_> = ulang.map(|s| parse(s).ok()).collect();
        assert_eq!(periksa_daftar(&semua).len(), 99);
        assert_eq!(
            parse(&angka).map_err(|e| e.code()),
            Err("dasar-hukum-tahun")
        );
    }
}
