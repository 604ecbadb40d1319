//! Repository configuration, `sopc.toml` at the repository root: paper and
//! font for printing, working hours per day for durations, per-rule
//! severities, and the book of SOPs. Every key is optional; unknown keys are
//! errors, with a suggestion.

use crate::diag::{Msg, did_you_mean, suggest};
use crate::model::tanggal::Tanggal;
use crate::msg;
use crate::paper::{Kertas, Orientasi};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

pub const CONFIG_FILE: &str = "sopc.toml";

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

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    cetak: Cetak,
    #[serde(default)]
    waktu: WaktuCfg,
    #[serde(default)]
    aturan: BTreeMap<String, Tingkat>,
    #[serde(default)]
    buku: BukuCfg,
}

/// The effective configuration.
#[derive(Clone, Debug, Default)]
pub struct Config {
    pub cetak: Cetak,
    pub jam_kerja_per_hari: Option<u32>,
    pub aturan: BTreeMap<String, Tingkat>,
    pub buku: BukuCfg,
    /// Today, for checks such as "TMT in the future". Never reaches a PDF.
    pub hari_ini: Option<Tanggal>,
}

impl Config {
    /// Reads `sopc.toml` from `root` if there is one. The rule codes of
    /// `[aturan]` are judged by the rule registry, above this module:
    /// [`crate::check::check_aturan`].
    pub fn load(root: &Path) -> Result<Config, Msg> {
        let path = root.join(CONFIG_FILE);
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Config::default()),
            Err(e) => {
                let p = path.display();
                return Err(msg!("tidak dapat membaca {p}: {e}", "cannot read {p}: {e}"));
            }
        };
        Config::parse(&text).map_err(|m| in_file(root, m))
    }

    pub fn parse(text: &str) -> Result<Config, Msg> {
        let file: File = toml::from_str(text).map_err(|e| {
            let detail = e.to_string();
            let (hid, hen) = saran_kunci(&detail)
                .map(|s| {
                    let h = did_you_mean(s);
                    (format!("\n{}", h.id), format!("\n{}", h.en))
                })
                .unwrap_or_default();
            msg!(
                "sopc.toml tidak valid: {detail}{hid}",
                "invalid sopc.toml: {detail}{hen}"
            )
        })?;
        Ok(Config {
            cetak: file.cetak,
            jam_kerja_per_hari: file.waktu.jam_kerja_per_hari,
            aturan: file.aturan,
            buku: file.buku,
            hari_ini: None,
        })
    }
}

/// `m` about the `sopc.toml` of `root`, prefixed with the file's path.
pub fn in_file(root: &Path, m: Msg) -> Msg {
    let p = root.join(CONFIG_FILE);
    let p = p.display();
    Msg::new(format!("{p}: {}", m.id), format!("{p}: {}", m.en))
}

/// The key an "unknown field `x`, expected one of `a`, `b`" error of a
/// section probably meant.
fn saran_kunci(detail: &str) -> Option<&str> {
    let (_, rest) = detail.split_once("unknown field `")?;
    let (kunci, rest) = rest.split_once('`')?;
    let (_, calon) = rest.split_once("expected")?;
    suggest(kunci, calon.split('`').skip(1).step_by(2))
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
        assert!(Config::parse("[cetak]\nkertass = \"A4\"\n").is_err());
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
