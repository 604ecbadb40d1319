//! The rules of Permendagri 52/2011 and PermenPAN-RB 35/2012 that `sopc check`
//! enforces. Each rule lives in its own file under `rules/` with its code, its
//! documentation (printed by `sopc explain`) and its tests; [`REGISTRY`] maps
//! codes to rules. Reading errors (YAML, keys, types, dates, durations) are
//! rules too, so that every code can be explained and configured.

pub mod rules;

use crate::config::{Config, Tingkat};
use crate::diag::{Diagnostic, Msg, Severity, did_you_mean, suggest};
use crate::model::Sop;
use crate::model::alur::Alur;
use crate::model::durasi::Jumlah;
use crate::model::gambar::Gambar;
use crate::msg;
use crate::parse::repo::{LogoMasalah, RepoIndex};
use crate::source::{Sources, Span};
use std::path::Path;

/// A rule's identity and documentation.
#[derive(Debug)]
pub struct Rule {
    /// Stable code, kebab-case Indonesian (`nip-tanggal-lahir`).
    pub code: &'static str,
    pub severity: Severity,
    /// One line: what the rule finds (Indonesian, English).
    pub title: (&'static str, &'static str),
    /// The regulation it comes from.
    pub sumber: &'static str,
    /// Markdown: what it does, why, an example and what to write instead.
    pub doc: &'static str,
}

/// Everything a rule may look at.
pub struct Ctx<'a> {
    pub sop: &'a Sop,
    pub sources: &'a Sources,
    pub path: &'a Path,
    pub config: &'a Config,
    pub alur: &'a Alur,
    pub repo: Option<&'a RepoIndex>,
    pub jumlah: &'a Jumlah,
    /// The logo as read (`None`: the SOP names none).
    pub logo: Option<&'a Result<Gambar, LogoMasalah>>,
    out: Vec<Diagnostic>,
}

impl Ctx<'_> {
    /// Records a finding of `rule` at `span`.
    pub fn report(&mut self, rule: &'static Rule, span: Span, message: Msg) -> &mut Diagnostic {
        self.out.push(Diagnostic::new(
            rule.code,
            rule.severity,
            Some(span),
            message,
        ));
        self.out.last_mut().expect("a finding was just pushed")
    }

    /// Where to point when something is missing entirely.
    pub fn doc_start(&self) -> Span {
        Span::new(self.sop.span.file, 0, 0)
    }

    pub fn today(&self) -> Option<crate::model::tanggal::Tanggal> {
        self.config.hari_ini
    }

    /// The part of `span` holding `range` of `text`, where `text` is the value
    /// written at `span` (quotes around it are skipped). Falls back to `span`
    /// when the value is not written verbatim (block scalars, escapes).
    pub fn sub_span(&self, span: Span, text: &str, range: std::ops::Range<usize>) -> Span {
        let Some(file) = self.sources.get(span.file) else {
            return span;
        };
        match file.slice(span).find(text) {
            Some(at) if !text.is_empty() => span.part(at + range.start..at + range.end),
            _ => span,
        }
    }
}

/// A function that checks one aspect of an SOP, reporting through [`Ctx`].
pub type Checker = fn(&mut Ctx);

/// Rules that have a checker, and rules reported while reading (checker `None`).
pub fn registry() -> &'static [(&'static [&'static Rule], Option<Checker>)] {
    rules::REGISTRY
}

/// All rules, in registry order.
pub fn all_rules() -> impl Iterator<Item = &'static Rule> {
    registry()
        .iter()
        .flat_map(|(rules, _)| rules.iter().copied())
}

pub fn find_rule(code: &str) -> Option<&'static Rule> {
    all_rules().find(|r| r.code == code)
}

/// Refuses a `sopc.toml` whose `[aturan]` names a rule that does not exist
/// (with the nearest code as a suggestion), or switches off or lowers a
/// reading failure ([`is_fixed`]). Each message names its line and column.
pub fn check_aturan(config: &Config) -> Result<(), Msg> {
    for (code, tingkat) in &config.aturan {
        let (kunci, nilai) = config.aturan_letak.get(code).copied().unwrap_or_default();
        if find_rule(code).is_none() {
            let help = match suggest(code, all_rules().map(|r| r.code)) {
                Some(s) => did_you_mean(s),
                None => msg!(
                    "daftar aturan: `sopc explain --list`",
                    "the rules: `sopc explain --list`"
                ),
            };
            return Err(kunci.pesan(
                msg!(
                    "kode aturan `{code}` tidak ada",
                    "there is no rule `{code}`"
                ),
                help,
            ));
        }
        if *tingkat != Tingkat::Error && is_fixed(code) {
            return Err(nilai.pesan(
                msg!(
                    "aturan `{code}` tidak dapat dimatikan atau diturunkan: berkas yang tidak dapat dibaca tidak boleh lolos pemeriksaan",
                    "rule `{code}` cannot be switched off or lowered: a file that cannot be read must not pass the check"
                ),
                msg!(
                    "hapus baris ini; perbaiki berkas yang dilaporkan",
                    "remove this line; fix the file that is reported"
                ),
            ));
        }
    }
    Ok(())
}

/// Whether the rule `code` reports a file that cannot be read at all: such a
/// finding can never be switched off or lowered to a warning (`sopc.toml`
/// refuses it), or an unreadable file would pass with exit 0.
pub fn is_fixed(code: &str) -> bool {
    rules::TETAP.iter().any(|r| r.code == code)
}

/// The result of checking one SOP, with the values the check resolved for
/// the stages after it: the flow graph, the total time and the logo.
#[derive(Debug)]
pub struct Hasil {
    pub alur: Alur,
    pub jumlah: Jumlah,
    /// The logo, read, or why it cannot be (`None`: the SOP names none).
    pub logo: Option<Result<Gambar, LogoMasalah>>,
    /// Shortest and longest path through the decisions.
    pub jalur: Option<(crate::model::alur::Jalur, crate::model::alur::Jalur)>,
    /// `keterkaitan` entries that name an SOP of this repository: (entry
    /// index, that SOP's file).
    pub tautan: Vec<(usize, std::path::PathBuf)>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Links from `keterkaitan` entries to SOPs of the repository, by `nomor`,
/// `nama` (with or without a leading "SOP") or file.
fn tautan(
    sop: &Sop,
    sources: &Sources,
    repo: Option<&RepoIndex>,
) -> Vec<(usize, std::path::PathBuf)> {
    use crate::model::{Keterkaitan, Rujukan};
    let (Some(list), Some(repo)) = (&sop.keterkaitan, repo) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (i, entry) in list.iter().enumerate() {
        let found = match &entry.value {
            Keterkaitan::Teks(t) | Keterkaitan::Rujukan(Rujukan::Nama(t)) => {
                repo.find_nama(t).or_else(|| repo.find_nomor(t)).cloned()
            }
            Keterkaitan::Rujukan(Rujukan::Nomor(n)) => repo.find_nomor(n).cloned(),
            Keterkaitan::Rujukan(Rujukan::Berkas(f)) => {
                let base = sources.path(entry.span.file).parent().map(|p| p.join(f));
                base.filter(|p| repo.has_file(p))
            }
        };
        out.extend(found.map(|p| (i, p)));
    }
    out
}

/// Runs every rule on one SOP.
pub fn check(
    sop: &Sop,
    sources: &Sources,
    path: &Path,
    config: &Config,
    repo: Option<&RepoIndex>,
) -> Hasil {
    let alur = Alur::build(sop);
    let waktu = sop.waktu();
    let jumlah: Jumlah = waktu.iter().flatten().copied().collect();
    let jalur = alur.paths(&waktu);
    let logo = rules::logo::read(sop, sources, path);
    let mut cx = Ctx {
        sop,
        sources,
        path,
        config,
        alur: &alur,
        repo,
        jumlah: &jumlah,
        logo: logo.as_ref(),
        out: Vec::new(),
    };
    for (_, checker) in registry() {
        if let Some(run) = checker {
            run(&mut cx);
        }
    }
    // A placeholder value gets only its `isian-contoh` finding.
    let isian = rules::isian::spans(sop);
    let mut diagnostics = cx.out;
    diagnostics.retain(|d| {
        d.code == rules::isian::RULE.code
            || !d.span.is_some_and(|s| {
                isian
                    .iter()
                    .any(|v| v.file == s.file && v.start <= s.start && s.end <= v.end)
            })
    });
    Hasil {
        tautan: tautan(sop, sources, repo),
        alur,
        logo,
        jumlah,
        jalur,
        diagnostics,
    }
}

/// Applies the configured severities (`sopc.toml` `[aturan]`): changes or
/// drops findings, then sorts them by place.
pub fn apply_config(diags: &mut Vec<Diagnostic>, config: &Config) {
    diags.retain_mut(
        |d| match config.aturan.get(d.code).filter(|_| !is_fixed(d.code)) {
            Some(crate::config::Tingkat::Off) => false,
            Some(crate::config::Tingkat::Error) => {
                d.severity = Severity::Error;
                true
            }
            Some(crate::config::Tingkat::Warn) => {
                d.severity = Severity::Warning;
                true
            }
            None => true,
        },
    );
    diags.sort_by_key(|d| d.span.map(|s| (s.file, s.start)));
}

#[cfg(test)]
pub(crate) mod testing {
    //! Helpers for rule tests: a clean SOP to start from, and checking a text.
    use crate::config::Config;
    use std::path::Path;

    /// A complete `final` SOP on which no rule fires.
    pub const VALID: &str = r#"nomor: 800/12/DPMD/2023
nama: Pelayanan Surat Masuk
status: final
instansi:
  pemerintah: Pemerintah Kabupaten Kudus
  nama: Dinas Pemberdayaan Masyarakat dan Desa
tanggal:
  pembuatan: 2020-07-08
  revisi: 2023-06-05
  efektif: 2023-06-05
disahkan_oleh:
  jabatan: Kepala Dinas
  nama: Drs. ADI SADHONO MURWANTO, M.M
  pangkat: Pembina Utama Muda (IV/c)
  nip: "19681202 198803 1 002"
dasar_hukum:
  - Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik
  - Peraturan Menteri Dalam Negeri Nomor 52 Tahun 2011 tentang Standar Operasional Prosedur di Lingkungan Pemerintah Provinsi dan Kabupaten/Kota
kualifikasi_pelaksana:
  - Memahami tata naskah dinas
keterkaitan:
  - SOP Pengarsipan
peralatan_perlengkapan:
  - Komputer
peringatan:
  - Bila SOP tidak dilaksanakan, surat dapat hilang atau terlambat ditindaklanjuti
pencatatan_pendataan:
  - Buku agenda surat masuk
pelaksana:
  - Kepala Dinas
  - Sekretaris
  - Pelaksana
langkah:
  - kegiatan: Menerima dan mencatat surat masuk
    pelaksana: Pelaksana
    waktu: 5 menit
    output: Surat tercatat
  - id: periksa
    kegiatan: Memeriksa surat
    pelaksana: Sekretaris
    waktu: 10 menit
    output: Surat diperiksa
  - kegiatan: Memutuskan disposisi
    pelaksana: Kepala Dinas
    waktu: 15 menit
    output: Disposisi
    keputusan:
      tidak: periksa
  - kegiatan: Mengarsipkan surat
    pelaksana: Pelaksana
    waktu: 1 jam
    output: Surat diarsipkan
"#;

    /// `VALID` with the first occurrence of `from` replaced by `to`.
    pub fn valid_with(from: &str, to: &str) -> String {
        assert!(VALID.contains(from), "VALID has no `{from}`");
        VALID.replacen(from, to, 1)
    }

    /// 1-based line of the first occurrence of `needle`.
    pub fn line_of(src: &str, needle: &str) -> usize {
        let at = src
            .find(needle)
            .unwrap_or_else(|| panic!("no `{needle}` in source"));
        src[..at].matches('\n').count() + 1
    }

    /// Every finding of reading and checking `src`, each with its 1-based
    /// line and column (0, 0 without a span).
    pub fn diagnostics(src: &str) -> Vec<(crate::diag::Diagnostic, (usize, usize))> {
        let loaded = crate::parse::parse_str("uji.yaml", src);
        let mut diags = loaded.diagnostics;
        if let Some(sop) = &loaded.sop {
            let config = Config::default();
            let hasil = super::check(sop, &loaded.sources, Path::new("uji.yaml"), &config, None);
            diags.extend(hasil.diagnostics);
        }
        let file = &loaded.sources.files()[0];
        diags
            .into_iter()
            .map(|d| {
                let at = d.span.map_or((0, 0), |s| file.line_col(s.start as usize));
                (d, at)
            })
            .collect()
    }

    /// All findings of reading and checking `src`, as (code, line).
    pub fn findings(src: &str) -> Vec<(&'static str, usize)> {
        diagnostics(src)
            .into_iter()
            .map(|(d, (line, _))| (d.code, line))
            .collect()
    }

    /// Findings with one code.
    pub fn lines_of(src: &str, code: &str) -> Vec<usize> {
        findings(src)
            .into_iter()
            .filter(|(c, _)| *c == code)
            .map(|(_, l)| l)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::check_aturan;
    use crate::config::Config;

    #[test]
    fn unknown_rule_code_is_refused_with_a_suggestion() {
        let config = Config::parse("[aturan]\nkegiatan-subjk = \"off\"\n").unwrap();
        let e = check_aturan(&config).unwrap_err();
        assert_eq!(
            e.id,
            "baris 2, kolom 1: kode aturan `kegiatan-subjk` tidak ada\n\
             apakah maksud Anda `kegiatan-subjek`?"
        );
        let known = Config::parse("[aturan]\nkegiatan-subjek = \"off\"\n").unwrap();
        assert_eq!(check_aturan(&known), Ok(()));
    }

    #[test]
    fn reading_failures_cannot_be_switched_off_or_lowered() {
        let codes = [
            "yaml-sintaks",
            "yaml-terlalu-besar",
            "berkas-kosong",
            "bukan-utf8",
            "berkas-terlalu-besar",
            "berkas-tidak-terbaca",
            "berkas-di-luar",
        ];
        for code in codes {
            for tingkat in ["off", "warn"] {
                let text = format!("[aturan]\n{code} = \"{tingkat}\"\n");
                let e = check_aturan(&Config::parse(&text).unwrap()).unwrap_err();
                let col = code.len() + 4;
                assert_eq!(
                    e.id,
                    format!(
                        "baris 2, kolom {col}: aturan `{code}` tidak dapat dimatikan atau \
                         diturunkan: berkas yang tidak dapat dibaca tidak boleh lolos \
                         pemeriksaan\nhapus baris ini; perbaiki berkas yang dilaporkan"
                    )
                );
                assert!(
                    e.en.contains("cannot be switched off or lowered"),
                    "{}",
                    e.en
                );
            }
            let text = format!("[aturan]\n{code} = \"error\"\n");
            assert_eq!(check_aturan(&Config::parse(&text).unwrap()), Ok(()));
        }
    }
}
