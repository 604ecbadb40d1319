//! Repository configuration, `sopc.toml` at the repository root: paper and
//! font for printing, working hours per day for durations, per-rule
//! severities, and the book of SOPs. Every key is optional; unknown keys are
//! errors, with a suggestion.

use crate::diag::{Msg, did_you_mean, suggest};
use crate::model::tanggal::Tanggal;
use crate::msg;
use crate::paper::{Kertas, Orientasi};
use crate::sandbox::{Jenis, Root};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;
use toml::Spanned;
use toml::de::{DeString, DeValue};

pub use crate::sandbox::CONFIG_FILE;

/// Severity set for a rule in `[aturan]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Tingkat {
    Error,
    Warn,
    Off,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cetak {
    pub kertas: Option<Kertas>,
    pub orientasi: Option<Orientasi>,
    /// A system font family to use instead of the embedded fonts.
    pub huruf: Option<String>,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WaktuCfg {
    pub jam_kerja_per_hari: Option<u32>,
}

/// `[buku]`: the book of SOPs (`sopc buku`). Paths are relative to the
/// repository root and must stay inside it.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BukuCfg {
    /// Printed under "STANDAR OPERASIONAL PROSEDUR" on the cover.
    pub judul: Option<String>,
    /// Cover lines; default: the value all SOPs share.
    pub pemerintah: Option<String>,
    pub instansi: Option<String>,
    /// Default: the year of the latest `tanggal.efektif`.
    pub tahun: Option<i32>,
    /// Cover logo; default: the logo all SOPs share.
    pub logo: Option<String>,
    /// The signed keputusan: a PDF, PNG or JPEG, or a list of them.
    pub keputusan: Option<SatuAtauBanyak>,
    /// A text file (inline Markdown); default: sopc's own penjelasan.
    pub penjelasan: Option<String>,
    /// SOP file names or nomor, in the order of the book; the SOPs not
    /// named follow in order of nomor.
    #[serde(default)]
    pub urutan: Vec<String>,
}

/// A key that takes one path or a list of them.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum SatuAtauBanyak {
    Satu(String),
    Banyak(Vec<String>),
}

impl SatuAtauBanyak {
    pub fn semua(&self) -> Vec<String> {
        match self {
            SatuAtauBanyak::Satu(s) => vec![s.clone()],
            SatuAtauBanyak::Banyak(v) => v.clone(),
        }
    }
}

/// The effective configuration.
#[derive(Clone, Debug, Default)]
pub struct Config {
    pub cetak: Cetak,
    pub jam_kerja_per_hari: Option<u32>,
    pub aturan: BTreeMap<String, Tingkat>,
    /// Where each `[aturan]` entry's code and value are written, for
    /// messages about them.
    pub aturan_letak: BTreeMap<String, (Letak, Letak)>,
    pub buku: BukuCfg,
    /// Today, for checks such as "TMT in the future". Never reaches a PDF.
    pub hari_ini: Option<Tanggal>,
}

impl Config {
    /// Reads `sopc.toml` from `root` if there is one, through the sandbox:
    /// a link out of the repository, a FIFO or a device is refused with a
    /// message naming the path, never a byte of what it points at. The rule
    /// codes of `[aturan]` are judged by the rule registry, above this
    /// module: [`crate::check::check_aturan`].
    pub fn load(root: &Root) -> Result<Config, Msg> {
        let path = root.path().join(CONFIG_FILE);
        if !crate::sandbox::exists(&path) {
            return Ok(Config::default());
        }
        let bytes = root
            .read(&path, Jenis::Konfigurasi)
            .map_err(|g| g.pesan(&path, Jenis::Konfigurasi))?;
        let text = String::from_utf8(bytes).map_err(|_| {
            in_file(
                root.path(),
                msg!("berkas bukan teks UTF-8", "the file is not UTF-8 text"),
            )
        })?;
        Config::parse(&text).map_err(|m| in_file(root.path(), m))
    }

    /// Reads the text of a `sopc.toml`. Every message is sopc's own and
    /// names the line: the TOML library's wording never reaches a user.
    pub fn parse(text: &str) -> Result<Config, Msg> {
        let doc = toml::de::DeTable::parse(text).map_err(|e| {
            let at = Letak::of(text, e.span().map_or(0, |s| s.start));
            at.pesan(
                msg!(
                    "sopc.toml bukan TOML yang valid",
                    "sopc.toml is not valid TOML"
                ),
                msg!(
                    "periksa tanda kutip, tanda `=`, kunci yang ditulis dua kali dan nama bagian `[...]` pada baris ini",
                    "check the quotes, the `=`, keys written twice and the `[...]` section names on this line"
                ),
            )
        })?;
        let baca = Baca { text };
        let mut config = Config::default();
        for (key, value) in sorted(doc.get_ref()) {
            let name = key.get_ref().as_ref();
            let table = || baca.table(name, value);
            match name {
                "cetak" => config.cetak = baca.cetak(table()?)?,
                "waktu" => config.jam_kerja_per_hari = baca.waktu(table()?)?,
                "aturan" => baca.aturan(table()?, &mut config)?,
                "buku" => config.buku = baca.buku(table()?)?,
                _ => return Err(baca.unknown(key, None, &["cetak", "waktu", "aturan", "buku"])),
            }
        }
        Ok(config)
    }
}

/// `m` about the `sopc.toml` of `root`, prefixed with the file's path.
pub fn in_file(root: &Path, m: Msg) -> Msg {
    let p = root.join(CONFIG_FILE);
    let p = p.display();
    m.within(|text| format!("{p}: {text}"))
}

/// The kind of a TOML value, in words.
fn jenis(value: &DeValue) -> Msg {
    match value {
        DeValue::String(_) => Msg::fixed("teks", "text"),
        DeValue::Integer(_) => Msg::fixed("bilangan bulat", "a whole number"),
        DeValue::Float(_) => Msg::fixed("bilangan pecahan", "a fraction"),
        DeValue::Boolean(_) => Msg::fixed("nilai benar/salah", "a true/false value"),
        DeValue::Datetime(_) => Msg::fixed("tanggal", "a date"),
        DeValue::Array(_) => Msg::fixed("daftar", "a list"),
        DeValue::Table(_) => Msg::fixed("tabel", "a table"),
    }
}

/// Entries in the order they are written (the parser keeps them sorted by
/// name), so the first problem reported is the first in the file.
fn sorted<'a, 'i>(
    table: &'a toml::de::DeTable<'i>,
) -> Vec<(&'a Spanned<DeString<'i>>, &'a Spanned<DeValue<'i>>)> {
    let mut entries: Vec<_> = table.iter().collect();
    entries.sort_by_key(|(k, _)| k.span().start);
    entries
}

/// A line and column of `sopc.toml`, 1-based.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Letak {
    pub line: usize,
    pub col: usize,
}

impl Letak {
    fn of(text: &str, offset: usize) -> Letak {
        // SourceFile drops a byte-order mark (Notepad writes one); the
        // parser's offsets count it.
        let bom = if text.starts_with('\u{feff}') {
            '\u{feff}'.len_utf8()
        } else {
            0
        };
        let offset = text.floor_char_boundary(offset).saturating_sub(bom);
        let (line, col) = crate::source::SourceFile::new(CONFIG_FILE, text).line_col(offset);
        Letak { line, col }
    }

    /// `message` at this place, then `help`.
    pub fn pesan(&self, message: Msg, help: Msg) -> Msg {
        let (l, c) = (self.line, self.col);
        let (m_id, m_en, h_id, h_en) = (&message.id, &message.en, &help.id, &help.en);
        msg!(
            "baris {l}, kolom {c}: {m_id}\n{h_id}",
            "line {l}, column {c}: {m_en}\n{h_en}"
        )
    }
}

/// Reads the sections of a parsed `sopc.toml`, pointing each message at its
/// line.
struct Baca<'t> {
    text: &'t str,
}

type Entri<'i> = Spanned<DeValue<'i>>;

impl Baca<'_> {
    fn at(&self, span: std::ops::Range<usize>, message: Msg, help: Msg) -> Msg {
        Letak::of(self.text, span.start).pesan(message, help)
    }

    /// An unknown section (`section` None) or key, with the closest known one.
    fn unknown(&self, key: &Spanned<DeString>, section: Option<&str>, known: &[&str]) -> Msg {
        let name = key.get_ref();
        let message = match section {
            None => msg!(
                "bagian `[{name}]` tidak dikenal",
                "unknown section `[{name}]`"
            ),
            Some(s) => msg!(
                "kunci `{name}` tidak dikenal di bagian `[{s}]`",
                "unknown key `{name}` in section `[{s}]`"
            ),
        };
        let help = match suggest(name, known.iter().copied()) {
            Some(s) => did_you_mean(s),
            None => {
                let list = known.join("`, `");
                msg!("yang dikenal: `{list}`", "known: `{list}`")
            }
        };
        self.at(key.span(), message, help)
    }

    fn table<'a, 'i>(
        &self,
        name: &str,
        value: &'a Entri<'i>,
    ) -> Result<&'a toml::de::DeTable<'i>, Msg> {
        value.get_ref().as_table().ok_or_else(|| {
            self.at(
                value.span(),
                msg!(
                    "`{name}` harus berupa bagian `[{name}]`",
                    "`{name}` must be a section `[{name}]`"
                ),
                msg!(
                    "tulis `[{name}]` pada barisnya sendiri, lalu kuncinya di bawahnya",
                    "write `[{name}]` on a line of its own, then its keys below it"
                ),
            )
        })
    }

    fn text(&self, key: &str, value: &Entri) -> Result<String, Msg> {
        match value.get_ref().as_str() {
            Some(s) => Ok(s.to_owned()),
            None => Err(self.at(
                value.span(),
                msg!("`{key}` harus berupa teks", "`{key}` must be text"),
                msg!(
                    "tulis nilainya di antara tanda kutip: {key} = \"...\"",
                    "write the value between quotes: {key} = \"...\""
                ),
            )),
        }
    }

    fn texts(&self, key: &str, value: &Entri) -> Result<Vec<String>, Msg> {
        match value.get_ref().as_array() {
            Some(items) => items.iter().map(|v| self.text(key, v)).collect(),
            None => Err(self.at(
                value.span(),
                msg!(
                    "`{key}` harus berupa daftar teks",
                    "`{key}` must be a list of texts"
                ),
                msg!(
                    "tulis {key} = [\"...\", \"...\"]",
                    "write {key} = [\"...\", \"...\"]"
                ),
            )),
        }
    }

    /// A whole number in `range`.
    fn number(
        &self,
        key: &str,
        value: &Entri,
        range: std::ops::RangeInclusive<i64>,
    ) -> Result<i64, Msg> {
        let (lo, hi) = (range.start(), range.end());
        let n = value
            .get_ref()
            .as_integer()
            .and_then(|i| i64::from_str_radix(&i.as_str().replace('_', ""), i.radix()).ok());
        match n {
            Some(n) if range.contains(&n) => Ok(n),
            _ => Err(self.at(
                value.span(),
                msg!(
                    "`{key}` harus berupa bilangan bulat dari {lo} sampai {hi}",
                    "`{key}` must be a whole number from {lo} to {hi}"
                ),
                msg!(
                    "tulis angka tanpa tanda kutip, mis. {key} = {hi}",
                    "write a number without quotes, e.g. {key} = {hi}"
                ),
            )),
        }
    }

    /// One of `choices`, whatever its case.
    fn choice<T: Copy>(&self, key: &str, value: &Entri, choices: &[(&str, T)]) -> Result<T, Msg> {
        let written = value.get_ref().as_str();
        if let Some((_, v)) = written.and_then(|w| {
            choices
                .iter()
                .find(|(name, _)| name.eq_ignore_ascii_case(w.trim()))
        }) {
            return Ok(*v);
        }
        let list = choices
            .iter()
            .map(|(name, _)| format!("\"{name}\""))
            .collect::<Vec<_>>()
            .join(", ");
        let message = match written {
            Some(w) => msg!(
                "nilai \"{w}\" tidak dikenal untuk `{key}`",
                "unknown value \"{w}\" for `{key}`"
            ),
            None => {
                let Msg { id, en } = jenis(value.get_ref());
                msg!(
                    "`{key}` harus berupa teks, bukan {id}",
                    "`{key}` must be text, not {en}"
                )
            }
        };
        Err(self.at(
            value.span(),
            message,
            msg!("pilih salah satu: {list}", "choose one of: {list}"),
        ))
    }

    fn cetak(&self, table: &toml::de::DeTable) -> Result<Cetak, Msg> {
        let mut cetak = Cetak::default();
        for (key, value) in sorted(table) {
            match key.get_ref().as_ref() {
                "kertas" => {
                    cetak.kertas = Some(self.choice(
                        "kertas",
                        value,
                        &[("F4", Kertas::F4), ("A4", Kertas::A4)],
                    )?)
                }
                "orientasi" => {
                    cetak.orientasi = Some(self.choice(
                        "orientasi",
                        value,
                        &[
                            ("lanskap", Orientasi::Lanskap),
                            ("potret", Orientasi::Potret),
                        ],
                    )?)
                }
                "huruf" => cetak.huruf = Some(self.text("huruf", value)?),
                _ => {
                    return Err(self.unknown(
                        key,
                        Some("cetak"),
                        &["kertas", "orientasi", "huruf"],
                    ));
                }
            }
        }
        Ok(cetak)
    }

    /// `[waktu]`: working hours per day, 1 to 24. Zero would silently carry
    /// nothing, so it is refused like any other impossible day.
    fn waktu(&self, table: &toml::de::DeTable) -> Result<Option<u32>, Msg> {
        let mut jam = None;
        for (key, value) in sorted(table) {
            match key.get_ref().as_ref() {
                "jam_kerja_per_hari" => {
                    let n = self.number("jam_kerja_per_hari", value, 1..=24)?;
                    jam = Some(u32::try_from(n).expect("1..=24 fits in u32"));
                }
                _ => return Err(self.unknown(key, Some("waktu"), &["jam_kerja_per_hari"])),
            }
        }
        Ok(jam)
    }

    /// `[aturan]` as written, with where each entry stands; the codes are
    /// judged by the rule registry ([`crate::check::check_aturan`]).
    fn aturan(&self, table: &toml::de::DeTable, config: &mut Config) -> Result<(), Msg> {
        for (key, value) in sorted(table) {
            let code = key.get_ref().as_ref();
            let tingkat = self.choice(
                code,
                value,
                &[
                    ("error", Tingkat::Error),
                    ("warn", Tingkat::Warn),
                    ("off", Tingkat::Off),
                ],
            )?;
            config.aturan.insert(code.to_owned(), tingkat);
            let letak = (
                Letak::of(self.text, key.span().start),
                Letak::of(self.text, value.span().start),
            );
            config.aturan_letak.insert(code.to_owned(), letak);
        }
        Ok(())
    }

    fn buku(&self, table: &toml::de::DeTable) -> Result<BukuCfg, Msg> {
        let mut buku = BukuCfg::default();
        for (key, value) in sorted(table) {
            let name = key.get_ref().as_ref();
            match name {
                "judul" => buku.judul = Some(self.text(name, value)?),
                "pemerintah" => buku.pemerintah = Some(self.text(name, value)?),
                "instansi" => buku.instansi = Some(self.text(name, value)?),
                "logo" => buku.logo = Some(self.text(name, value)?),
                "penjelasan" => buku.penjelasan = Some(self.text(name, value)?),
                "tahun" => {
                    let (lo, hi) = (
                        crate::model::tanggal::TAHUN_PALING_AWAL,
                        crate::model::tanggal::TAHUN_PALING_AKHIR,
                    );
                    let n = self.number(name, value, i64::from(lo)..=i64::from(hi))?;
                    buku.tahun = Some(i32::try_from(n).expect("a year in range fits in i32"));
                }
                "keputusan" => {
                    buku.keputusan = Some(match value.get_ref().is_array() {
                        true => SatuAtauBanyak::Banyak(self.texts(name, value)?),
                        false => SatuAtauBanyak::Satu(self.text(name, value)?),
                    })
                }
                "urutan" => buku.urutan = self.texts(name, value)?,
                _ => {
                    return Err(self.unknown(
                        key,
                        Some("buku"),
                        &[
                            "judul",
                            "pemerintah",
                            "instansi",
                            "tahun",
                            "logo",
                            "keputusan",
                            "penjelasan",
                            "urutan",
                        ],
                    ));
                }
            }
        }
        Ok(buku)
    }
}

/// Today's date from the system clock (UTC), for checks only.
pub fn today() -> Option<Tanggal> {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?
        .as_secs();
    let (y, m, d) = civil_from_days((secs / 86_400) as i64);
    Tanggal::new(y as i32, m as u8, d as u8)
}

/// Days since 1970-01-01 → (year, month, day); H. Hinnant's algorithm.
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(19_723), (2024, 1, 1));
        assert_eq!(civil_from_days(20_415), (2025, 11, 23));
    }

    #[test]
    fn unknown_key_is_refused() {
        let e = Config::parse("[cetak]\nkertass = \"A4\"\n").unwrap_err();
        assert_eq!(
            e.id,
            "baris 2, kolom 1: kunci `kertass` tidak dikenal di bagian `[cetak]`\napakah maksud Anda `kertas`?"
        );
        let e = Config::parse("[cetk]\n").unwrap_err();
        assert_eq!(
            e.id,
            "baris 1, kolom 2: bagian `[cetk]` tidak dikenal\napakah maksud Anda `cetak`?"
        );
    }

    #[test]
    fn aturan_is_read_as_written_with_its_places() {
        let c = Config::parse("[aturan]\nkegiatan-subjek = \"OFF\"\n").unwrap();
        assert_eq!(c.aturan.get("kegiatan-subjek"), Some(&Tingkat::Off));
        let (kunci, nilai) = c.aturan_letak["kegiatan-subjek"];
        assert_eq!(
            (kunci.line, kunci.col, nilai.line, nilai.col),
            (2, 1, 2, 19)
        );
        let e = Config::parse("[aturan]\nkegiatan-subjek = \"mati\"\n").unwrap_err();
        assert!(
            e.id.contains("nilai \"mati\" tidak dikenal untuk `kegiatan-subjek`"),
            "{}",
            e.id
        );
    }

    #[test]
    fn working_hours_must_be_a_possible_day() {
        for bad in ["0", "25", "-8", "\"8\"", "7.5"] {
            let e = Config::parse(&format!("[waktu]\njam_kerja_per_hari = {bad}\n")).unwrap_err();
            assert_eq!(
                e.id,
                "baris 2, kolom 22: `jam_kerja_per_hari` harus berupa bilangan bulat dari 1 sampai 24\n\
                 tulis angka tanpa tanda kutip, mis. jam_kerja_per_hari = 24",
                "{bad}"
            );
        }
        let c = Config::parse("[waktu]\njam_kerja_per_hari = 24\n").unwrap();
        assert_eq!(c.jam_kerja_per_hari, Some(24));
    }

    #[test]
    fn a_byte_order_mark_and_crlf_keep_the_places_right() {
        let c = Config::parse("\u{feff}[cetak]\r\nkertas = \"a4\"\r\n").unwrap();
        assert_eq!(c.cetak.kertas, Some(Kertas::A4));
        let e = Config::parse("\u{feff}[cetak]\r\nkertass = \"A4\"\r\n").unwrap_err();
        assert!(e.id.starts_with("baris 2, kolom 1: "), "{}", e.id);
    }

    #[test]
    fn paper_and_orientation_in_any_case() {
        for (text, kertas) in [
            ("A4", Kertas::A4),
            ("a4", Kertas::A4),
            ("f4", Kertas::F4),
            ("F4", Kertas::F4),
        ] {
            let c = Config::parse(&format!(
                "[cetak]\nkertas = \"{text}\"\norientasi = \"Potret\"\n"
            ))
            .unwrap();
            assert_eq!(c.cetak.kertas, Some(kertas), "{text}");
            assert_eq!(c.cetak.orientasi, Some(Orientasi::Potret));
        }
        let e = Config::parse("[cetak]\nkertas = \"Letter\"\n").unwrap_err();
        assert_eq!(
            e.id,
            "baris 2, kolom 10: nilai \"Letter\" tidak dikenal untuk `kertas`\npilih salah satu: \"F4\", \"A4\""
        );
        let e = Config::parse("[cetak]\nkertas = 4\n").unwrap_err();
        assert!(
            e.id.contains("`kertas` harus berupa teks, bukan bilangan bulat"),
            "{}",
            e.id
        );
        assert!(
            e.en.contains("`kertas` must be text, not a whole number"),
            "{}",
            e.en
        );
    }

    #[test]
    fn toml_errors_are_sopcs_own_words_at_their_line() {
        for (text, line) in [
            ("[cetak\nkertas = \"A4\"\n", 1),
            ("[cetak]\nkertas = \"A4\n", 2),
            ("[cetak]\nkertas = \"A4\"\nkertas = \"F4\"\n", 3),
            ("[cetak]\n\nkertas A4\n", 3),
        ] {
            let e = Config::parse(text).unwrap_err();
            assert!(
                e.id.starts_with(&format!("baris {line}, kolom "))
                    && e.id.contains(": sopc.toml bukan TOML yang valid\n"),
                "{text:?}: {}",
                e.id
            );
            assert!(e.en.contains("sopc.toml is not valid TOML"), "{}", e.en);
            for english in ["expected", "invalid", "duplicate", "TOML parse error"] {
                assert!(!e.id.contains(english), "{text:?}: {}", e.id);
            }
        }
        let e = Config::parse("[buku]\nurutan = \"a.yaml\"\n").unwrap_err();
        assert!(
            e.id.contains("`urutan` harus berupa daftar teks"),
            "{}",
            e.id
        );
        let e = Config::parse("[buku]\ntahun = 20245\n").unwrap_err();
        assert!(
            e.id.contains("`tahun` harus berupa bilangan bulat dari 1945 sampai 2100"),
            "{}",
            e.id
        );
        let e = Config::parse("cetak = 1\n").unwrap_err();
        assert!(
            e.id.contains("`cetak` harus berupa bagian `[cetak]`"),
            "{}",
            e.id
        );
    }

    #[test]
    fn unknown_key_in_buku_is_refused_with_a_suggestion() {
        let e = Config::parse("[buku]\njudull = \"Sekretariat Daerah\"\n").unwrap_err();
        assert!(e.id.contains("apakah maksud Anda `judul`?"), "{}", e.id);
        assert!(e.en.contains("did you mean `judul`?"), "{}", e.en);
    }

    #[test]
    fn reads_the_book() {
        let c = Config::parse(
            "[buku]\njudul = \"Bagian Umum\"\ntahun = 2024\nkeputusan = \"kep.pdf\"\nurutan = [\"b.yaml\", \"800/2\"]\n",
        )
        .unwrap();
        assert_eq!(c.buku.judul.as_deref(), Some("Bagian Umum"));
        assert_eq!(c.buku.tahun, Some(2024));
        assert_eq!(
            c.buku.keputusan.map(|k| k.semua()),
            Some(vec!["kep.pdf".to_owned()])
        );
        assert_eq!(c.buku.urutan, ["b.yaml", "800/2"]);
        let c = Config::parse("[buku]\nkeputusan = [\"1.png\", \"2.png\"]\n").unwrap();
        assert_eq!(c.buku.keputusan.map(|k| k.semua()).unwrap().len(), 2);
    }

    #[test]
    fn reads_everything() {
        let c = Config::parse(
            "[cetak]\nkertas = \"A4\"\norientasi = \"potret\"\n[waktu]\njam_kerja_per_hari = 8\n[aturan]\nkegiatan-subjek = \"off\"\n",
        )
        .unwrap();
        assert_eq!(c.cetak.kertas, Some(Kertas::A4));
        assert_eq!(c.cetak.orientasi, Some(Orientasi::Potret));
        assert_eq!(c.jam_kerja_per_hari, Some(8));
        assert_eq!(c.aturan.get("kegiatan-subjek"), Some(&Tingkat::Off));
    }
}
