//! Starting a repository and a new SOP: `sopc init` writes the files a
//! ready repository needs (never over an existing one), `sopc new` writes an
//! SOP from the template with the defaults it inherits left out and the next
//! free `nomor` when the repository follows a numbering pattern.

use crate::diag::Msg;
use crate::model::nomor::Nomor;
use crate::model::tanggal::Tanggal;
use crate::msg;
use crate::sandbox::{self, Root};
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The GitHub Actions workflow `init` writes, also shown in the README.
pub const GITHUB_WORKFLOW: &str = include_str!("../../templates/init/github.yml");
/// The GitLab CI file `init` writes, also shown in the README.
pub const GITLAB_CI: &str = include_str!("../../templates/init/gitlab-ci.yml");
/// The `sopc.toml` `init` writes.
pub const SOPC_TOML: &str = include_str!("../../templates/init/sopc.toml");
/// The repository defaults `init` writes to `sops/_default.yaml`.
pub const DEFAULTS: &str = include_str!("../../templates/init/_default.yaml");
const VSCODE: &str = include_str!("../../templates/init/vscode-settings.json");
const EDITORCONFIG: &str = include_str!("../../templates/init/editorconfig");
const GITIGNORE: &str = include_str!("../../templates/init/gitignore");
const SOP_BARU: &str = include_str!("../../templates/init/sop-baru.yaml");

/// Where the SOPs of a repository live, relative to its root.
pub const SOPS_DIR: &str = "sops";

/// The files of a new repository: path relative to the root, and content.
pub fn files() -> Vec<(&'static str, Cow<'static, str>)> {
    vec![
        ("sopc.toml", SOPC_TOML.into()),
        ("sops/_default.yaml", DEFAULTS.into()),
        (
            "schema/sop.schema.json",
            crate::model::schema::sop_schema_json().into(),
        ),
        (
            "schema/bawaan.schema.json",
            crate::model::schema::bawaan_schema_json().into(),
        ),
        (".vscode/settings.json", VSCODE.into()),
        (".editorconfig", EDITORCONFIG.into()),
        (".gitignore", GITIGNORE.into()),
        (".github/workflows/sopc.yml", GITHUB_WORKFLOW.into()),
        (".gitlab-ci.yml", GITLAB_CI.into()),
    ]
}

/// What `init` did with one file.
#[derive(Debug, PartialEq, Eq)]
pub enum Tindakan {
    Dibuat(PathBuf),
    /// The file was already there and is left as it was.
    SudahAda(PathBuf),
}

/// Creates a repository in `dir` (made if missing). Existing files are left
/// untouched, so running `init` twice, or in a repository that has some of
/// these files, loses nothing.
pub fn init(dir: &Path) -> Result<Vec<Tindakan>, Msg> {
    if sandbox::exists(dir) && !sandbox::is_dir(dir) {
        let d = dir.display();
        return Err(msg!(
            "{d} sudah ada dan bukan direktori",
            "{d} exists and is not a directory"
        ));
    }
    sandbox::create_output_dir(dir).map_err(|_| {
        let d = dir.display();
        msg!("tidak dapat membuat {d}", "cannot create {d}")
    })?;
    // What init writes stays in `dir`: a link inside it (`schema ->
    // /elsewhere`) is never written through.
    let root = Root::at(dir).map_err(|g| g.pesan_tulis(dir))?;
    let mut done = Vec::new();
    for (rel, content) in files() {
        let path = dir.join(rel);
        if write_new(&root, &path, &content)? {
            done.push(Tindakan::Dibuat(path));
        } else {
            done.push(Tindakan::SudahAda(path));
        }
    }
    Ok(done)
}

/// Writes `content` to `path` inside `root` unless something is there;
/// `false` when it was.
fn write_new(root: &Root, path: &Path, content: &str) -> Result<bool, Msg> {
    root.write_new(path, content.as_bytes())
        .map_err(|g| g.pesan_tulis(path))
}

/// A suggested `nomor` and the pattern it follows (`800/{urut}/DPMD/{tahun}`).
#[derive(Debug, PartialEq, Eq)]
pub struct Usulan {
    pub nomor: String,
    pub pola: String,
}

/// The new SOP `new` wrote.
#[derive(Debug)]
pub struct Baru {
    pub path: PathBuf,
    pub usulan: Option<Usulan>,
    /// The defaults files it inherits `instansi`/`disahkan_oleh` from.
    pub warisan: Vec<PathBuf>,
}

/// Where `new` writes when not told: the `sops/` folder at the root of the
/// repository around the working directory, else the working directory.
pub fn default_new_dir() -> PathBuf {
    let Ok(root) = crate::sandbox::Root::of_dir(Path::new(".")) else {
        return PathBuf::from(".");
    };
    // A `sops` link out of the repository is kept here, and refused when
    // the SOP is written.
    let sops = root.path().join(SOPS_DIR);
    if crate::sandbox::exists(&sops) {
        sops
    } else {
        PathBuf::from(".")
    }
}

/// Writes a new SOP named `nama` in `dir`, or [`default_new_dir`] (file name
/// from the nama unless `file` is given). `nomor` overrides the suggestion.
pub fn new_sop(
    dir: Option<&Path>,
    nama: &str,
    nomor: Option<&str>,
    file: Option<&Path>,
    today: Tanggal,
) -> Result<Baru, Msg> {
    let nama = nama.trim();
    if nama.is_empty() {
        return Err(msg!("nama SOP kosong", "the SOP nama is empty"));
    }
    for (key, value) in [("nama", Some(nama)), ("nomor", nomor)] {
        if let Some(c) = value.and_then(|v| v.chars().find(|c| c.is_control())) {
            let kode = format!("U+{:04X}", u32::from(c));
            return Err(msg!(
                "{key} SOP memuat karakter kendali {kode} (mis. baris baru); {key} ditulis dalam satu baris",
                "the SOP {key} holds the control character {kode} (e.g. a line break); a {key} is one line"
            ));
        }
    }
    let path = match file {
        Some(f) => f.to_owned(),
        None => {
            let dir = dir.map_or_else(default_new_dir, Path::to_owned);
            dir.join(format!("{}.yaml", slug(nama)))
        }
    };
    let sop_dir = path.parent().unwrap_or(Path::new(".")).to_owned();
    let repo = Root::of_new(&path).map_err(|g| g.pesan_tulis(&path))?;
    let root = repo.path().to_owned();
    let usulan = match nomor {
        Some(_) => None,
        None => usul_nomor(&existing_nomor(&sop_dir, &root), today.tahun()),
    };
    let nomor_text = nomor
        .map(str::to_owned)
        .or_else(|| usulan.as_ref().map(|u| u.nomor.clone()))
        .unwrap_or_else(|| "<Nomor SOP>".into());

    let (warisan_text, warisan) = inherited(&path);
    let schema = root.join("schema/sop.schema.json");
    let mut text = String::new();
    for line in SOP_BARU.lines() {
        if line.starts_with("# yaml-language-server:") && !sandbox::exists(&schema) {
            continue;
        }
        text.push_str(line);
        text.push('\n');
    }
    let text = text
        .replace("{{schema}}", &relative(&sop_dir, &schema))
        .replace("{{nomor}}", &yaml_scalar(&nomor_text))
        .replace("{{nama}}", &yaml_scalar(nama))
        .replace("{{hari_ini}}", &today.iso())
        .replace("{{warisan}}", &warisan_text);
    if !write_new(&repo, &path, &text)? {
        let p = path.display();
        return Err(msg!(
            "{p} sudah ada; pilih nama lain atau berkas lain dengan --berkas",
            "{p} already exists; choose another nama or another file with --berkas"
        ));
    }
    Ok(Baru {
        path,
        usulan,
        warisan,
    })
}

/// The `instansi`/`disahkan_oleh` part of a new SOP: a comment naming the
/// defaults files when they supply both, else placeholders for what is
/// missing.
fn inherited(sop_path: &Path) -> (String, Vec<PathBuf>) {
    let cache = crate::parse::DefaultsCache::default();
    let chain = cache.chain_for(sop_path).unwrap_or_default();
    let supplies = |key: &str| -> Vec<PathBuf> {
        chain
            .iter()
            .filter(|f| f.node.as_ref().is_ok_and(|n| n.get(key).is_some()))
            .map(|f| f.source.path.clone())
            .collect()
    };
    let mut text = String::new();
    let mut from = Vec::new();
    let dir = sop_path.parent().unwrap_or(Path::new("."));
    for key in ["instansi", "disahkan_oleh"] {
        let files = supplies(key);
        if files.is_empty() {
            text.push_str(&template_block(key));
        } else {
            let names: Vec<String> = files.iter().map(|f| relative(dir, f)).collect();
            text.push_str(&format!("# {key}: diwarisi dari {}\n", names.join(", ")));
            from.extend(files);
        }
    }
    from.sort();
    from.dedup();
    (text, from)
}

/// The block of `key` in the defaults template (its line and the indented
/// lines below it, comments left out): the same placeholders `init` writes.
fn template_block(key: &str) -> String {
    let mut out = String::new();
    let mut inside = false;
    for line in DEFAULTS.lines() {
        if !line.starts_with(' ') {
            inside = line.strip_suffix(':') == Some(key);
        }
        if inside && !line.trim_start().starts_with('#') {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// The `nomor` of the SOPs beside the new one, or of the whole repository
/// when there are none.
fn existing_nomor(dir: &Path, root: &Path) -> Vec<String> {
    let read = |d: &Path| -> Vec<String> {
        let cache = crate::parse::DefaultsCache::default();
        crate::parse::repo::sop_files(d)
            .unwrap_or_default()
            .iter()
            .flatten()
            .map(|p| crate::parse::load(p, &cache))
            .filter_map(|l| l.sop.and_then(|s| s.nomor).map(|n| n.value))
            .collect()
    };
    let here = if sandbox::is_dir(dir) {
        read(dir)
    } else {
        Vec::new()
    };
    if here.is_empty() && sandbox::is_dir(root) {
        read(root)
    } else {
        here
    }
}

/// The next free `nomor` when the existing ones follow a pattern: the most
/// common shape (the same `/`-segments up to their numbers) among at least
/// two, with a
/// numeric segment that counts up. That segment becomes the highest value
/// plus one (zero padding kept); a year segment becomes `tahun`; other
/// segments keep their most common value.
pub fn usul_nomor(existing: &[String], tahun: i32) -> Option<Usulan> {
    use crate::model::nomor::{angka as numeric, tahun as year};
    let existing: Vec<Nomor> = existing.iter().map(|n| Nomor::parse(n)).collect();
    // Shape: the segments with every number replaced by `#`.
    let mut shapes: BTreeMap<String, Vec<Vec<&str>>> = BTreeMap::new();
    for n in &existing {
        let segs: Vec<&str> = n.segmen().collect();
        let shape: Vec<&str> = segs
            .iter()
            .map(|s| if numeric(s) { "#" } else { s })
            .collect();
        shapes.entry(shape.join("/")).or_default().push(segs);
    }
    let group = shapes
        .into_values()
        .filter(|g| g.len() >= 2)
        .max_by_key(|g| g.len())?;
    let width = group[0].len();
    let column = |i: usize| group.iter().map(move |segs| segs[i]);
    let distinct = |i: usize| {
        let mut v: Vec<&str> = column(i).collect();
        v.sort_unstable();
        v.dedup();
        v.len()
    };
    let urut = (0..width)
        .filter(|&i| column(i).all(numeric) && !column(i).all(year) && distinct(i) > 1)
        .max_by_key(|&i| (distinct(i), std::cmp::Reverse(i)))?;
    let mut nomor = Vec::with_capacity(width);
    let mut pola = Vec::with_capacity(width);
    for i in 0..width {
        if i == urut {
            let next = column(i).filter_map(|s| s.parse::<u64>().ok()).max()? + 1;
            let pad = column(i)
                .filter(|s| s.starts_with('0'))
                .map(str::len)
                .max()
                .unwrap_or(0);
            nomor.push(format!("{next:0pad$}"));
            pola.push("{urut}".to_owned());
        } else if column(i).all(year) {
            nomor.push(tahun.to_string());
            pola.push("{tahun}".to_owned());
        } else {
            let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
            for s in column(i) {
                *counts.entry(s).or_default() += 1;
            }
            let common = counts.iter().max_by_key(|(_, c)| **c).map(|(s, _)| *s)?;
            nomor.push(common.to_owned());
            pola.push(common.to_owned());
        }
    }
    Some(Usulan {
        nomor: nomor.join("/"),
        pola: pola.join("/"),
    })
}

/// A file name from an SOP nama: lowercase letters and digits joined by `-`.
pub fn slug(nama: &str) -> String {
    let mut out = String::new();
    for c in nama.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
        if out.len() >= 60 {
            break;
        }
    }
    let out = out.trim_end_matches('-');
    if out.is_empty() {
        "sop-baru".into()
    } else {
        out.into()
    }
}

/// `to` relative to the directory `from`, with `/` separators (for the
/// schema modeline and comments).
pub(crate) fn relative(from: &Path, to: &Path) -> String {
    let (from, to) = (sandbox::absolute(from), sandbox::absolute(to));
    let common = from
        .components()
        .zip(to.components())
        .take_while(|(a, b)| a == b)
        .count();
    let ups = from.components().count() - common;
    let parts: Vec<String> = std::iter::repeat_n("..".to_owned(), ups)
        .chain(
            to.components()
                .skip(common)
                .map(|c| c.as_os_str().to_string_lossy().into_owned()),
        )
        .collect();
    parts.join("/")
}

/// A YAML scalar for `s`: plain when that reads back as the same string,
/// else double-quoted (JSON's escapes are YAML's).
pub(crate) fn yaml_scalar(s: &str) -> String {
    let plain = !s.is_empty()
        && !s.contains(|c: char| c.is_control())
        && !s.starts_with(|c: char| "-?:,[]{}#&*!|>'\"%@`".contains(c) || c.is_whitespace())
        && !s.contains(": ")
        && !s.contains(" #")
        && !s.ends_with([':', ' '])
        && !matches!(
            s.to_ascii_lowercase().as_str(),
            "true" | "false" | "yes" | "no" | "null" | "~" | "on" | "off"
        )
        && s.parse::<f64>().is_err();
    if plain {
        s.to_owned()
    } else {
        serde_json::to_string(s).expect("a string serialises")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn usul(nomor: &[&str]) -> Option<(String, String)> {
        let v: Vec<String> = nomor.iter().map(|s| s.to_string()).collect();
        usul_nomor(&v, 2026).map(|u| (u.nomor, u.pola))
    }

    #[test]
    fn the_serial_segment_counts_up_and_the_year_is_this_year() {
        assert_eq!(
            usul(&["800/1/DPMD/2023", "800/12/DPMD/2024", "800/3/DPMD/2023"]),
            Some(("800/13/DPMD/2026".into(), "800/{urut}/DPMD/{tahun}".into()))
        );
    }

    #[test]
    fn zero_padding_is_kept() {
        assert_eq!(
            usul(&["SOP/DPMD/001", "SOP/DPMD/002", "SOP/DPMD/009"]),
            Some(("SOP/DPMD/010".into(), "SOP/DPMD/{urut}".into()))
        );
    }

    #[test]
    fn no_pattern_no_suggestion() {
        assert_eq!(usul(&[]), None);
        assert_eq!(usul(&["800/1/DPMD/2023"]), None);
        assert_eq!(usul(&["800/1/DPMD/2023", "800/1/DPMD/2024"]), None);
        assert_eq!(usul(&["A/B", "C/D"]), None);
    }

    #[test]
    fn the_largest_shape_wins() {
        assert_eq!(
            usul(&[
                "067.2/1779/13.01/2023",
                "067.2/1780/13.02/2023",
                "800/5/A/2023",
                "800/7/A/2023",
                "800/6/A/2024"
            ])
            .map(|u| u.0),
            Some("800/8/A/2026".into())
        );
    }

    #[test]
    fn placeholder_blocks_come_from_the_defaults_template() {
        assert_eq!(
            template_block("disahkan_oleh"),
            "disahkan_oleh:\n  jabatan: Kepala <Nama Perangkat Daerah>\n  nama: <NAMA LENGKAP DAN GELAR>\n  pangkat: <Pangkat (golongan/ruang)>\n  nip: <NIP 18 angka>\n"
        );
        let instansi = template_block("instansi");
        assert!(
            instansi.starts_with("instansi:\n  pemerintah: Pemerintah <"),
            "{instansi}"
        );
        assert!(
            instansi.ends_with("  telepon: <Nomor telepon>\n"),
            "{instansi}"
        );
    }

    #[test]
    fn slugs() {
        assert_eq!(
            slug("Pelayanan Kunjungan Kerja/Audiensi"),
            "pelayanan-kunjungan-kerja-audiensi"
        );
        assert_eq!(slug("  ?? "), "sop-baru");
    }

    #[test]
    fn scalars_read_back() {
        assert_eq!(yaml_scalar("800/1/DPMD/2026"), "800/1/DPMD/2026");
        assert_eq!(yaml_scalar("<Nomor SOP>"), "<Nomor SOP>");
        assert_eq!(yaml_scalar("Nama: Sub"), "\"Nama: Sub\"");
        assert_eq!(yaml_scalar("2026"), "\"2026\"");
        assert_eq!(yaml_scalar("- x"), "\"- x\"");
        assert_eq!(yaml_scalar("a\nb"), "\"a\\nb\"");
    }

    #[test]
    fn a_line_break_in_nama_or_nomor_is_refused_and_nothing_is_written() {
        let dir = tempfile::tempdir().unwrap();
        let today = Tanggal::new(2026, 1, 2).unwrap();
        let berkas = dir.path().join("x.yaml");
        let e = new_sop(
            Some(dir.path()),
            "Pelayanan\nnomor: 1",
            None,
            Some(&berkas),
            today,
        )
        .unwrap_err();
        assert_eq!(
            e.id,
            "nama SOP memuat karakter kendali U+000A (mis. baris baru); nama ditulis dalam satu baris"
        );
        let e = new_sop(
            Some(dir.path()),
            "Pelayanan",
            Some("800/1\r"),
            Some(&berkas),
            today,
        )
        .unwrap_err();
        assert!(
            e.id.starts_with("nomor SOP memuat karakter kendali U+000D"),
            "{}",
            e.id
        );
        assert!(!berkas.exists());
    }

    #[test]
    fn relative_paths() {
        assert_eq!(
            relative(
                Path::new("/r/sops/a"),
                Path::new("/r/schema/sop.schema.json")
            ),
            "../../schema/sop.schema.json"
        );
    }
}
