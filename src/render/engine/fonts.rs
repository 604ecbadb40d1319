//! Fonts: the serif fonts embedded in the binary (from `typst-assets`), so a
//! PDF never depends on the machine that made it — and, only when a
//! repository asks for one (`[cetak] huruf = "Arial"`), one system family.

use std::path::{Path, PathBuf};
use typst::foundations::Bytes;
use typst::text::{Font, FontBook, FontInfo};
use typst::utils::LazyHash;

/// The embedded family used when no system font is asked for. Libertinus
/// Serif is a clean book serif close to the Times-like faces of official
/// forms, with real italics (foreign words) and bold.
pub const BAWAAN: &str = "Libertinus Serif";

/// The fonts of one renderer.
pub struct Huruf {
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
    /// Families in order of preference, as the template's `text(font: …)`.
    keluarga: Vec<String>,
}

impl Huruf {
    /// Embedded fonts only.
    pub fn bawaan() -> Huruf {
        Huruf::dari(embedded(), vec![BAWAAN.to_owned()])
    }

    /// A system family first, the embedded fonts as fallback (for glyphs the
    /// system font lacks). `None` when no installed font has that family.
    pub fn sistem(family: &str) -> Option<Huruf> {
        let wanted = family.trim().to_lowercase();
        let mut fonts = Vec::new();
        let mut name = None;
        for path in font_files() {
            let Ok(data) = std::fs::read(&path) else {
                continue;
            };
            let matches: Vec<u32> = FontInfo::iter(&data)
                .enumerate()
                .filter(|(_, info)| info.family.to_lowercase() == wanted)
                .map(|(i, info)| {
                    name.get_or_insert(info.family);
                    i as u32
                })
                .collect();
            if matches.is_empty() {
                continue;
            }
            let bytes = Bytes::new(data);
            fonts.extend(
                matches
                    .into_iter()
                    .filter_map(|i| Font::new(bytes.clone(), i)),
            );
        }
        let name = name?;
        fonts.extend(embedded());
        Some(Huruf::dari(fonts, vec![name, BAWAAN.to_owned()]))
    }

    fn dari(fonts: Vec<Font>, keluarga: Vec<String>) -> Huruf {
        Huruf {
            book: LazyHash::new(FontBook::from_fonts(&fonts)),
            fonts,
            keluarga,
        }
    }

    pub fn book(&self) -> &LazyHash<FontBook> {
        &self.book
    }

    pub fn font(&self, index: usize) -> Option<Font> {
        self.fonts.get(index).cloned()
    }

    pub fn keluarga(&self) -> &[String] {
        &self.keluarga
    }
}

fn embedded() -> Vec<Font> {
    typst_assets::fonts()
        .flat_map(|data| Font::iter(Bytes::new(data)))
        .collect()
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
