//! An image the repository names (the `instansi.logo` of an SOP, the
//! cover logo and the scanned keputusan of the book): read once, its format
//! sniffed from its bytes (never from its name), and passed on as one value
//! to everything that prints it.

use std::path::{Path, PathBuf};

/// The image formats sopc prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Png,
    Jpeg,
    Svg,
}

impl Format {
    /// The format of an image by its first bytes; `None` for anything else.
    pub fn sniff(bytes: &[u8]) -> Option<Format> {
        if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            return Some(Format::Png);
        }
        if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            return Some(Format::Jpeg);
        }
        // SVG is text: its root element within the first kilobyte.
        let head = &bytes[..bytes.len().min(1024)];
        String::from_utf8_lossy(head)
            .contains("<svg")
            .then_some(Format::Svg)
    }

    /// The format a file name suggests (`png`, `jpg`, `jpeg`, `svg`), to
    /// tell which changed files may be images before reading them.
    pub fn dari_ekstensi(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "png" => Some(Format::Png),
            "jpg" | "jpeg" => Some(Format::Jpeg),
            "svg" => Some(Format::Svg),
            _ => None,
        }
    }

    /// The file extension of the format.
    pub fn ekstensi(self) -> &'static str {
        match self {
            Format::Png => "png",
            Format::Jpeg => "jpg",
            Format::Svg => "svg",
        }
    }
}

/// An image file, read: where it is, what it is, and its bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Gambar {
    pub path: PathBuf,
    pub format: Format,
    /// Width and height in pixels, when the header says (PNG, JPEG).
    pub ukuran: Option<(usize, usize)>,
    pub bytes: Vec<u8>,
}

impl Gambar {
    /// The image in `bytes`, read from `path`; `None` when it is not a PNG,
    /// JPEG or SVG image.
    pub fn baca(path: PathBuf, bytes: Vec<u8>) -> Option<Gambar> {
        let format = Format::sniff(&bytes)?;
        let ukuran = match format {
            Format::Svg => None,
            Format::Png | Format::Jpeg => imagesize::blob_size(&bytes)
                .ok()
                .map(|s| (s.width, s.height)),
        };
        Some(Gambar {
            path,
            format,
            ukuran,
            bytes,
        })
    }

    /// Whether two files hold the same image (wherever they lie).
    pub fn sama(&self, other: &Gambar) -> bool {
        self.format == other.format && self.bytes == other.bytes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A 2×3 PNG header (no pixel data needed to sniff and measure).
    const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00\x00\x00\x02\x00\x00\x00\x03\x08\x02\x00\x00\x00";

    #[test]
    fn formats_are_sniffed_from_the_bytes_not_the_name() {
        let g = Gambar::baca("logo.svg".into(), PNG.to_vec()).unwrap();
        assert_eq!((g.format, g.ukuran), (Format::Png, Some((2, 3))));
        let svg = br#"<?xml version="1.0"?><svg width="10"/>"#.to_vec();
        let g = Gambar::baca("logo.png".into(), svg).unwrap();
        assert_eq!((g.format, g.ukuran), (Format::Svg, None));
        assert_eq!(Format::sniff(&[0xFF, 0xD8, 0xFF, 0xE0]), Some(Format::Jpeg));
        assert_eq!(Gambar::baca("a.png".into(), b"not an image".to_vec()), None);
        assert_eq!(Format::sniff(b""), None);
    }

    #[test]
    fn formats_by_extension() {
        assert_eq!(
            Format::dari_ekstensi(Path::new("a/Logo.PNG")),
            Some(Format::Png)
        );
        assert_eq!(
            Format::dari_ekstensi(Path::new("a.jpeg")),
            Some(Format::Jpeg)
        );
        assert_eq!(Format::dari_ekstensi(Path::new("a.gif")), None);
    }
}
