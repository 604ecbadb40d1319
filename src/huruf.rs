//! The faces sopc prints with, as bytes and metrics: Liberation Sans
//! (metric-compatible with Arial, the face of Pemda SOP templates; SIL OFL
//! 1.1, `fonts/LICENSE`) by default, Libertinus Serif on request, DejaVu
//! Sans Mono for symbols — all embedded in the binary — and the installed
//! family `[cetak] huruf` may name. The checks ask here how wide a word
//! prints and whether a character has a glyph; the renderer
//! (`render/engine/fonts.rs`) builds Typst's font book from the same faces.
//! A leaf: it imports nothing of sopc.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};
use ttf_parser::{Face, name_id};

/// The embedded family used when `[cetak] huruf` names none.
pub const BAWAAN: &str = "Liberation Sans";

/// The embedded serif (`[cetak] huruf = "Libertinus Serif"` or `"serif"`).
pub const SERIF: &str = "Libertinus Serif";

/// Liberation Sans: regular, bold, italic, bold italic.
const SANS: [&[u8]; 4] = [
    include_bytes!("../fonts/LiberationSans-Regular.ttf"),
    include_bytes!("../fonts/LiberationSans-Bold.ttf"),
    include_bytes!("../fonts/LiberationSans-Italic.ttf"),
    include_bytes!("../fonts/LiberationSans-BoldItalic.ttf"),
];

/// The embedded family `huruf` names (case and the aliases `sans`/`serif`
/// aside), or `None` for an installed family.
pub fn keluarga_bawaan(huruf: &str) -> Option<&'static str> {
    match huruf.trim().to_lowercase().as_str() {
        "liberation sans" | "sans" | "sans-serif" => Some(BAWAAN),
        "libertinus serif" | "serif" => Some(SERIF),
        _ => None,
    }
}

/// Every embedded font file: the four Liberation Sans faces, then Typst's
/// Libertinus Serif regular, bold, italic, bold italic and DejaVu Sans Mono.
/// typst-assets is pinned (`=0.15.1`): its first four fonts are those
/// Libertinus faces and its last DejaVu Sans Mono (the renderer's tests
/// hold it to that); choosing by position spares parsing the faces left
/// out (the semibolds, New Computer Modern).
pub fn tertanam() -> &'static [&'static [u8]] {
    static FILES: OnceLock<Vec<&'static [u8]>> = OnceLock::new();
    FILES.get_or_init(|| {
        let assets: Vec<&'static [u8]> = typst_assets::fonts().collect();
        SANS.iter()
            .chain(&assets[..4])
            .chain(assets.last())
            .copied()
            .collect()
    })
}

/// The embedded faces, parsed for their metrics (tables are read lazily).
fn wajah() -> &'static [Face<'static>] {
    static FACES: OnceLock<Vec<Face<'static>>> = OnceLock::new();
    FACES.get_or_init(|| {
        tertanam()
            .iter()
            .filter_map(|data| Face::parse(data, 0).ok())
            .collect()
    })
}

/// Width (pt) of `teks` set at `ukuran` pt, regular or bold, in the embedded
/// face of `huruf` (Liberation Sans, whose metrics are Arial's, stands for
/// an installed family): what the column widths reserve room for. Kerning
/// aside, which only narrows a word.
pub fn lebar_teks(teks: &str, ukuran: f64, tebal: bool, huruf: Option<&str>) -> f64 {
    let serif = huruf.and_then(keluarga_bawaan) == Some(SERIF);
    // regular and bold of each family, in the order of `tertanam()`
    let i = if serif { 4 } else { 0 } + usize::from(tebal);
    lebar_dalam(i, teks, ukuran)
}

/// Width (pt) of `teks` set in italics at `ukuran` pt, in whichever embedded
/// face (Liberation Sans or Libertinus Serif) sets it wider: what the
/// flowchart reserves for a decision label, which the plan places before
/// it knows the face.
pub fn lebar_miring(teks: &str, ukuran: f64) -> f64 {
    // the italic of each family, in the order of `tertanam()`
    lebar_dalam(2, teks, ukuran).max(lebar_dalam(6, teks, ukuran))
}

/// Width (pt) of `teks` at `ukuran` pt in embedded face `i` of `tertanam()`.
fn lebar_dalam(i: usize, teks: &str, ukuran: f64) -> f64 {
    let Some(face) = wajah().get(i) else {
        return teks.chars().count() as f64 * ukuran * 0.6;
    };
    let em = f64::from(face.units_per_em());
    let units: f64 = teks
        .chars()
        .map(|c| {
            face.glyph_index(c)
                .and_then(|g| face.glyph_hor_advance(g))
                .map_or(0.6 * em, f64::from)
        })
        .sum();
    units / em * ukuran
}

/// Cap height of the regular embedded face of `huruf` (em): the height
/// Typst gives a line of text (from the baseline to the top of the
/// capitals) before its leading.
pub fn tinggi_kapital(huruf: Option<&str>) -> f64 {
    let serif = huruf.and_then(keluarga_bawaan) == Some(SERIF);
    wajah()
        .get(if serif { 4 } else { 0 })
        .and_then(|f| Some(f64::from(f.capital_height()?) / f64::from(f.units_per_em())))
        .unwrap_or(0.7)
}

/// Whether some font a document in `huruf` (`None`: the default) falls back
/// on has a glyph for `c`: the embedded faces, and the installed family when
/// one is configured (and installed). Typst picks any face of its book that
/// covers a character, so this is what prints as a glyph rather than an
/// empty box.
pub fn ada_glyph(c: char, huruf: Option<&str>) -> bool {
    // Latin (with its extensions) and the general punctuation every
    // embedded face has: no font needs to be read for them.
    if (c as u32) < 0x0250 || ('\u{2010}'..='\u{2027}').contains(&c) {
        return true;
    }
    if wajah().iter().any(|f| f.glyph_index(c).is_some()) {
        return true;
    }
    let Some(family) = huruf.filter(|h| keluarga_bawaan(h).is_none()) else {
        return false;
    };
    // The installed family's files, read once per process and family.
    type Terpasang = Vec<(String, Vec<(&'static [u8], u32)>)>;
    static SISTEM: OnceLock<Mutex<Terpasang>> = OnceLock::new();
    let mut cache = SISTEM
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    let wanted = family.trim().to_lowercase();
    if !cache.iter().any(|(f, _)| *f == wanted) {
        // leaked once per family asked for: the bytes live as long as the
        // process, like the embedded ones
        let faces = sistem(family).map_or_else(Vec::new, |(_, faces)| {
            faces
                .into_iter()
                .map(|(data, i)| (&*Box::leak(data.into_boxed_slice()), i))
                .collect()
        });
        cache.push((wanted.clone(), faces));
    }
    cache
        .iter()
        .find(|(f, _)| *f == wanted)
        .is_some_and(|(_, faces)| {
            faces
                .iter()
                .any(|(data, i)| Face::parse(data, *i).is_ok_and(|f| f.glyph_index(c).is_some()))
        })
}

/// One face of an installed font: the file's bytes and its index in the file.
pub type Wajah = (Vec<u8>, u32);

/// The installed faces of `family` and the family's name as the fonts spell
/// it; `None` when none is installed.
pub fn sistem(family: &str) -> Option<(String, Vec<Wajah>)> {
    let wanted = family.trim().to_lowercase();
    let mut faces = Vec::new();
    let mut name = None;
    for path in font_files() {
        let Ok(data) = std::fs::read(&path) else {
            continue;
        };
        let n = ttf_parser::fonts_in_collection(&data).unwrap_or(1);
        let matches: Vec<(u32, String)> = (0..n)
            .filter_map(|i| {
                let face = Face::parse(&data, i).ok()?;
                let f = keluarga(&face)?;
                (f.to_lowercase() == wanted).then_some((i, f))
            })
            .collect();
        if let Some((_, f)) = matches.first() {
            name.get_or_insert_with(|| f.clone());
            faces.extend(matches.iter().map(|(i, _)| (data.clone(), *i)));
        }
    }
    Some((name?, faces))
}

/// A face's family: the typographic family when it names one (as Typst
/// reads it), else the legacy family.
fn keluarga(face: &Face) -> Option<String> {
    let name = |id| {
        face.names()
            .into_iter()
            .filter(|n| n.name_id == id && n.is_unicode())
            .find_map(|n| n.to_string())
    };
    name(name_id::TYPOGRAPHIC_FAMILY).or_else(|| name(name_id::FAMILY))
}

/// Font files in the usual system and user font directories, in a stable
/// order so the same machine always picks the same faces.
fn font_files() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = [
        "/usr/share/fonts",
        "/usr/local/share/fonts",
        "/Library/Fonts",
        "/System/Library/Fonts",
        "C:\\Windows\\Fonts",
    ]
    .iter()
    .map(PathBuf::from)
    .collect();
    if let Some(home) = std::env::var_os("HOME") {
        let home = Path::new(&home);
        dirs.push(home.join(".fonts"));
        dirs.push(home.join(".local/share/fonts"));
        dirs.push(home.join("Library/Fonts"));
    }
    if let Some(local) = std::env::var_os("LOCALAPPDATA") {
        dirs.push(Path::new(&local).join("Microsoft\\Windows\\Fonts"));
    }
    let mut files: Vec<PathBuf> = dirs
        .iter()
        .flat_map(|d| {
            walkdir::WalkDir::new(d)
                .follow_links(true)
                .into_iter()
                .flatten()
        })
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .filter(|p| {
            let ext = p
                .extension()
                .and_then(|e| e.to_str())
                .unwrap_or("")
                .to_lowercase();
            matches!(ext.as_str(), "ttf" | "otf" | "ttc" | "otc")
        })
        .collect();
    files.sort();
    files.dedup();
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_families_by_name() {
        assert_eq!(keluarga_bawaan(" liberation SANS "), Some(BAWAAN));
        assert_eq!(keluarga_bawaan("serif"), Some(SERIF));
        assert_eq!(keluarga_bawaan("Arial"), None);
        let names: Vec<String> = wajah().iter().filter_map(keluarga).collect();
        let mut expected = vec![BAWAAN; 4];
        expected.extend([SERIF; 4]);
        expected.push("DejaVu Sans Mono");
        assert_eq!(names, expected);
    }

    #[test]
    fn text_widths_are_the_fonts_own() {
        // Liberation Sans is Arial's metrics: "Kelengkapan" bold at 9 pt
        let w = lebar_teks("Kelengkapan", 9.0, true, None);
        assert!((w - 56.0).abs() < 0.1, "{w}");
        assert!(lebar_teks("Kelengkapan", 9.0, false, None) < w);
        assert!(lebar_teks("Kelengkapan", 9.0, true, Some("serif")) < w);
    }

    #[test]
    fn glyph_coverage() {
        for c in ['a', 'é', '–', '“', '€', 'Ω', 'Ж', '→'] {
            assert!(ada_glyph(c, None), "{c}");
        }
        // emoji, CJK, Aksara Jawa, Aksara Bali
        for c in ['😀', '中', 'ꦲ', 'ᬅ'] {
            assert!(!ada_glyph(c, None), "{c}");
        }
        // a family that is not installed adds nothing
        assert!(!ada_glyph('中', Some("Tidak Ada Huruf Ini")));
    }
}
