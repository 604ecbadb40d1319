//! The rules of Permendagri 52/2011 and PermenPAN-RB 35/2012 that `sopc check`
//! enforces. Each rule lives in its own file under `rules/` with its code, its
//! documentation (printed by `sopc explain`) and its tests; [`rules::REGISTRY`] maps
//! codes to rules. Reading errors (YAML, keys, types, dates, durations) are
//! rules too, so that every code can be explained and configured.

pub mod rules;

use crate::config::{Config, Tingkat};
use crate::diag::{Diagnostic, Lang, Msg, Severity, did_you_mean, suggest};
use crate::model::Sop;
use crate::model::alur::Alur;
use crate::model::durasi::Jumlah;
use crate::model::gambar::Gambar;
use crate::msg;
use crate::parse::repo::{LogoMasalah, RepoIndex};
use crate::source::{Sources, Span};
use std::path::Path;

pub use crate::diag::Rule;

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
        self.out.push(Diagnostic::new(rule, Some(span), message));
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

/// Rules that have a checker, and rules reported while reading or by the
/// layout of `sopc build` (checker `None`).
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

/// `sopc explain CODE`: the rule's code, severity and title, the regulation
/// it comes from, and its documentation, in `lang`.
pub fn explain(rule: &Rule, lang: Lang) -> String {
    static SUMBER: Msg = Msg::fixed("Sumber", "Source");
    let sumber = rule
        .sumber
        .map(|s| format!("{}: {s}\n", SUMBER.get(lang)))
        .unwrap_or_default();
    format!(
        "{} ({}) — {}\n{sumber}\n{}\n",
        rule.code,
        rule.severity.word(lang),
        rule.title.get(lang),
        rule.doc.get(lang)
    )
}

/// `sopc explain --list`: one line per rule.
pub fn list(lang: Lang) -> String {
    all_rules()
        .map(|r| {
            let title = r.title.get(lang);
            format!("{:<26} {:<10} {title}\n", r.code, r.severity.word(lang))
        })
        .collect()
}

/// The rules table of the README (between `<!-- rules:begin -->` and
/// `<!-- rules:end -->`), generated from the registry so that it cannot drift;
/// `SOPC_BLESS=1 cargo test --test check readme` rewrites it.
pub fn readme_table() -> String {
    let mut out = String::from("| code | severity | what it finds | source |\n|---|---|---|---|\n");
    for r in all_rules() {
        let sumber = r.sumber.unwrap_or("sopc");
        out.push_str(&format!(
            "| `{}` | {} | {} | {sumber} |\n",
            r.code,
            r.severity.word(Lang::Id),
            r.title.get(Lang::Id).replace('|', "\\|")
        ));
    }
    out
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
    /// The SOPs those links name: (entry index, its nama and nomor), for
    /// printing the reference by the related SOP's name.
    pub terkait: Vec<(usize, crate::parse::repo::SopTerkait)>,
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
    let tautan = tautan(sop, sources, repo);
    let terkait = repo.map_or_else(Vec::new, |repo| {
        tautan
            .iter()
            .filter_map(|(i, p)| Some((*i, repo.identitas(p)?.clone())))
            .collect()
    });
    Hasil {
        tautan,
        terkait,
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
    in_order(diags);
}

/// Puts findings in the order of their place in the files.
pub fn in_order(diags: &mut [Diagnostic]) {
    diags.sort_by_key(|d| d.span.map(|s| (s.file, s.start)));
}

#[cfg(test)]
pub(crate) mod testing {
    //! Helpers for rule tests: a clean SOP to start from, checking a text,
    //! and pinning a rule's output.
    use super::Rule;
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
        let path = Path::new("uji.yaml");
        let (diags, sources) = read_and_check(crate::parse::parse_str(path, src), path);
        let file = &sources.files()[0];
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

    /// Reads and checks a loaded SOP: every finding, and the sources they
    /// point into.
    fn read_and_check(
        loaded: crate::parse::Loaded,
        path: &Path,
    ) -> (Vec<crate::diag::Diagnostic>, crate::source::Sources) {
        let mut diags = loaded.diagnostics;
        if let Some(sop) = &loaded.sop {
            let hasil = super::check(sop, &loaded.sources, path, &Config::default(), None);
            diags.extend(hasil.diagnostics);
        }
        (diags, loaded.sources)
    }

    /// Pins the human output, in both languages, of the findings of `rule`
    /// in `src` (read as `uji.yaml`) as `check/snapshots/<code>.snap`; fails
    /// when the rule does not fire. Every rule has one (`every_rule_has_a_snapshot`).
    pub fn snapshot(rule: &'static Rule, src: &str) {
        let path = Path::new("uji.yaml");
        let (diags, sources) = read_and_check(crate::parse::parse_str(path, src), path);
        pin(rule, &diags, &sources, &[]);
    }

    /// [`snapshot`] with the findings `more` makes of the parsed SOP, for
    /// a rule found outside the check (by the layout of `sopc build`).
    pub fn snapshot_with(
        rule: &'static Rule,
        src: &str,
        more: impl Fn(&crate::model::Sop) -> Vec<crate::diag::Diagnostic>,
    ) {
        let path = Path::new("uji.yaml");
        let loaded = crate::parse::parse_str(path, src);
        let found = loaded.sop.as_ref().map(more).unwrap_or_default();
        let (mut diags, sources) = read_and_check(loaded, path);
        diags.extend(found);
        pin(rule, &diags, &sources, &[]);
    }

    /// [`snapshot`] of an SOP file on disk (for findings about bytes, sizes,
    /// links and other files); `dir`, the temporary directory it is in, is shown as
    /// `[dir]`.
    pub fn snapshot_file(rule: &'static Rule, path: &Path, dir: &Path) {
        let defaults = crate::parse::DefaultsCache::default();
        let loaded = crate::parse::load(path, &defaults);
        let (diags, sources) = read_and_check(loaded, path);
        pin(
            rule,
            &diags,
            &sources,
            &[(&dir.display().to_string(), "[dir]")],
        );
    }

    fn pin(
        rule: &'static Rule,
        diags: &[crate::diag::Diagnostic],
        sources: &crate::source::Sources,
        replace: &[(&str, &str)],
    ) {
        use crate::app::report::human_findings;
        use crate::diag::Lang;
        // Paths are replaced in the messages before they are laid out, so
        // the wrapping of the snapshot does not depend on where the
        // repository or the temporary directory is.
        let cwd = std::env::current_dir().map(|d| d.display().to_string());
        let replace: Vec<(&str, &str)> = replace
            .iter()
            .copied()
            .chain(cwd.as_deref().map(|d| (d, "[repo]")))
            .collect();
        let plain = |t: &str| {
            replace
                .iter()
                .fold(t.to_owned(), |t, (from, to)| t.replace(from, to))
        };
        let plain_msg = |m: &crate::diag::Msg| crate::diag::Msg::new(plain(&m.id), plain(&m.en));
        let own: Vec<_> = diags
            .iter()
            .filter(|d| d.code == rule.code)
            .map(|d| {
                let mut d = d.clone();
                d.message = plain_msg(&d.message);
                d.help = d.help.as_ref().map(plain_msg);
                for l in &mut d.labels {
                    l.message = plain_msg(&l.message);
                }
                d
            })
            .collect();
        assert!(
            !own.is_empty(),
            "the fixture of `{}` does not trigger it",
            rule.code
        );
        let text = plain(&format!(
            "{}\n{}",
            human_findings(&own, sources, Lang::Id),
            human_findings(&own, sources, Lang::En)
        ));
        insta::with_settings!({
            snapshot_path => "snapshots",
            prepend_module_to_snapshot => false,
            omit_expression => true,
        }, {
            insta::assert_snapshot!(rule.code, text);
        });
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
    use super::{all_rules, check_aturan};
    use crate::config::Config;
    use crate::diag::{DOC_SECTIONS, Lang};
    use std::collections::BTreeSet;

    #[test]
    fn every_rule_has_a_snapshot() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/check/snapshots");
        let pinned: BTreeSet<String> = std::fs::read_dir(&dir)
            .expect("src/check/snapshots exists")
            .filter_map(|e| {
                e.ok()?
                    .file_name()
                    .to_str()?
                    .strip_suffix(".snap")
                    .map(String::from)
            })
            .collect();
        let codes: BTreeSet<String> = all_rules().map(|r| r.code.to_string()).collect();
        let missing: Vec<_> = codes.difference(&pinned).collect();
        let stale: Vec<_> = pinned.difference(&codes).collect();
        assert!(
            missing.is_empty(),
            "rules without a snapshot (add `snapshot(&RULE, fixture)` to the rule's tests): {missing:?}"
        );
        assert!(stale.is_empty(), "snapshots of no rule: {stale:?}");
    }

    #[test]
    fn codes_are_unique_kebab_case() {
        let mut seen = BTreeSet::new();
        for r in all_rules() {
            assert!(seen.insert(r.code), "`{}` registered twice", r.code);
            assert!(
                r.code.split('-').all(|w| !w.is_empty()
                    && w.chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())),
                "`{}` is not kebab-case",
                r.code
            );
        }
    }

    /// Every rule's documentation has the four sections, in order, each with
    /// text, in both languages.
    #[test]
    fn every_rule_documents_the_same_sections() {
        for r in all_rules() {
            for lang in [Lang::Id, Lang::En] {
                let doc = r.doc.get(lang);
                let headings: Vec<&str> =
                    doc.lines().filter_map(|l| l.strip_prefix("## ")).collect();
                let want: Vec<&str> = DOC_SECTIONS.iter().map(|m| m.get(lang)).collect();
                assert_eq!(headings, want, "{} ({lang:?})", r.code);
                for part in doc.split("## ").skip(1) {
                    let body = part.split_once('\n').map_or("", |(_, b)| b.trim());
                    assert!(
                        !body.is_empty(),
                        "{} ({lang:?}): empty section `{part}`",
                        r.code
                    );
                }
                assert!(!r.title.get(lang).is_empty(), "{} has no title", r.code);
            }
        }
    }

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
