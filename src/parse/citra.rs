//! Image files sopc prints — the logo, and the scanned keputusan of the book —
//! judged before Typst sees them: decoded the way the renderer decodes them
//! (so that `check` reports whatever `build` would refuse, in sopc's words),
//! and bounded in pixels and decoded size (so that a small file cannot ask
//! for gigabytes of memory). A 20000×20000 PNG is 1.2 MB on disk and 1.6 GB
//! decoded.
//!
//! Phases, cheapest first: the header's pixel size ([`imagesize`] for PNG and
//! JPEG, usvg's `width`/`height`/`viewBox` for SVG), then a full decode (the
//! `image` crate's PNG and JPEG decoders, as Typst uses them; usvg for SVG,
//! refusing a link to another file and bounding the images it embeds).

use crate::diag::Msg;
use crate::model::gambar::Format;
use crate::msg;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

/// Most pixels of one image (width × height): an A4 or F4 page scanned at
/// 400 dpi is 15.5–17.4 million, a logo a few hundred thousand. Decoded, the
/// bound is about 100 MB.
pub const MAX_PIKSEL: u64 = 25_000_000;

/// Most bytes the streams of a keputusan PDF may decode to, all together:
/// a 20-page scan at 300 dpi is about 200 MB decoded.
pub const MAX_PDF_TERURAI: u64 = 256 * 1024 * 1024;

/// Why an image cannot be printed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cacat {
    /// The file cannot be decoded (damaged, cut short, not what its header says).
    Rusak(Sebab),
    /// More pixels than [`MAX_PIKSEL`].
    TerlaluBesar { lebar: u64, tinggi: u64 },
    /// An SVG that links another file (`<image href="foto.png">`).
    Tautan(String),
    /// A PDF whose streams decode to more than [`MAX_PDF_TERURAI`] bytes.
    PdfTerlaluBesar,
}

/// Why a file cannot be decoded, in the user's words (never the decoder's).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sebab {
    /// The header says no size.
    Kepala,
    /// The data ends early.
    Terpotong,
    /// An encoding the decoder does not know (e.g. 16-bit arithmetic JPEG).
    TidakDidukung,
    /// The data does not match the header.
    Isi,
    /// Not well-formed SVG.
    Svg,
    /// An image embedded in the SVG cannot be read.
    Tersemat,
}

impl Sebab {
    fn teks(self) -> (&'static str, &'static str) {
        match self {
            Sebab::Kepala => ("kepala berkas tidak terbaca", "its header cannot be read"),
            Sebab::Terpotong => ("berkas terpotong", "the file is cut short"),
            Sebab::TidakDidukung => (
                "jenis pengodean tidak didukung",
                "its encoding is not supported",
            ),
            Sebab::Isi => (
                "isi gambar tidak sesuai kepalanya",
                "the image data do not match its header",
            ),
            Sebab::Svg => ("SVG tidak valid", "not valid SVG"),
            Sebab::Tersemat => (
                "gambar tersemat di dalamnya tidak terbaca",
                "an image embedded in it cannot be read",
            ),
        }
    }
}

impl Cacat {
    /// What is wrong, in both languages, about the file named `nama`.
    pub fn pesan(&self, nama: &str) -> Msg {
        match self {
            Cacat::Rusak(sebab) => {
                let (id, en) = sebab.teks();
                msg!(
                    "gambar `{nama}` rusak dan tidak dapat dicetak ({id})",
                    "the image `{nama}` is damaged and cannot be printed ({en})"
                )
            }
            Cacat::TerlaluBesar { lebar, tinggi } => {
                let juta = MAX_PIKSEL / 1_000_000;
                msg!(
                    "gambar `{nama}` berukuran {lebar}×{tinggi} piksel, melebihi batas {juta} juta piksel",
                    "the image `{nama}` is {lebar}×{tinggi} pixels, over the limit of {juta} million pixels"
                )
            }
            Cacat::Tautan(href) => msg!(
                "gambar SVG `{nama}` menautkan berkas lain (`{href}`); sopc hanya membaca berkas gambar itu sendiri",
                "the SVG image `{nama}` links another file (`{href}`); sopc reads only the image file itself"
            ),
            Cacat::PdfTerlaluBesar => {
                let mib = MAX_PDF_TERURAI / (1024 * 1024);
                msg!(
                    "isi PDF `{nama}` setelah diurai melebihi batas {mib} MiB",
                    "the content of the PDF `{nama}` decodes to more than {mib} MiB"
                )
            }
        }
    }

    /// How to fix it.
    pub fn bantuan(&self) -> Msg {
        match self {
            Cacat::Rusak(_) => msg!(
                "buka gambar itu di penyunting gambar dan simpan ulang sebagai PNG atau JPEG",
                "open the image in an image editor and save it again as PNG or JPEG"
            ),
            Cacat::TerlaluBesar { .. } => msg!(
                "perkecil gambar (logo cukup 1000 piksel, pindaian cukup 300 dpi) lalu simpan ulang",
                "scale the image down (1000 pixels are plenty for a logo, 300 dpi for a scan) and save it again"
            ),
            Cacat::Tautan(_) => msg!(
                "sematkan gambar itu ke dalam SVG (data: URL) atau ekspor logo sebagai PNG",
                "embed that image in the SVG (a data: URL) or export the logo as PNG"
            ),
            Cacat::PdfTerlaluBesar => msg!(
                "pindai ulang keputusan pada 300 dpi, atau simpan PDF-nya dengan kompresi gambar",
                "scan the keputusan again at 300 dpi, or save the PDF with compressed images"
            ),
        }
    }
}

/// Checks an image of a known format as the renderer would read it; gives
/// its size in pixels.
pub fn periksa(bytes: &[u8], format: Format) -> Result<(u64, u64), Cacat> {
    match format {
        Format::Png | Format::Jpeg => raster(bytes, format),
        Format::Svg => svg(bytes),
    }
}

/// [`periksa`] of the image read from `path`, decoded once per process for
/// each version of a file (by path and content): most SOPs of a repository
/// share one logo, and reading it is cheap where decoding it is not.
pub fn periksa_sekali(path: &Path, bytes: &[u8], format: Format) -> Result<(), Cacat> {
    use std::hash::{Hash, Hasher};
    type Kunci = (PathBuf, u64);
    static DIPERIKSA: OnceLock<Mutex<HashMap<Kunci, Result<(), Cacat>>>> = OnceLock::new();
    let cache = || {
        DIPERIKSA
            .get_or_init(Mutex::default)
            .lock()
            .unwrap_or_else(|e| e.into_inner())
    };
    let mut h = std::collections::hash_map::DefaultHasher::new();
    bytes.hash(&mut h);
    let kunci = (path.to_owned(), h.finish());
    if let Some(hasil) = cache().get(&kunci) {
        return hasil.clone();
    }
    let hasil = periksa(bytes, format).map(|_| ());
    cache().insert(kunci, hasil.clone());
    hasil
}

fn batas(lebar: u64, tinggi: u64) -> Result<(u64, u64), Cacat> {
    if lebar.saturating_mul(tinggi) > MAX_PIKSEL {
        return Err(Cacat::TerlaluBesar { lebar, tinggi });
    }
    Ok((lebar, tinggi))
}

/// The header first (cheap, and what bounds memory), then the full decode.
fn raster(bytes: &[u8], format: Format) -> Result<(u64, u64), Cacat> {
    let size = imagesize::blob_size(bytes).map_err(|_| Cacat::Rusak(Sebab::Kepala))?;
    let dims = batas(size.width as u64, size.height as u64)?;
    let format = match format {
        Format::Jpeg => image::ImageFormat::Jpeg,
        _ => image::ImageFormat::Png,
    };
    let mut reader = image::ImageReader::with_format(std::io::Cursor::new(bytes), format);
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(u32::try_from(dims.0).unwrap_or(u32::MAX));
    limits.max_image_height = Some(u32::try_from(dims.1).unwrap_or(u32::MAX));
    reader.limits(limits);
    reader.decode().map_err(|e| {
        Cacat::Rusak(match e {
            image::ImageError::Unsupported(_) => Sebab::TidakDidukung,
            image::ImageError::IoError(_) => Sebab::Terpotong,
            _ => Sebab::Isi,
        })
    })?;
    Ok(dims)
}

/// An SVG as usvg reads it for Typst: linked files are refused (Typst's
/// world holds no other file), embedded images bounded like a raster.
fn svg(bytes: &[u8]) -> Result<(u64, u64), Cacat> {
    let tautan = std::sync::Mutex::new(None::<String>);
    let opts = usvg::Options {
        image_href_resolver: usvg::ImageHrefResolver {
            resolve_data: usvg::ImageHrefResolver::default_data_resolver(),
            resolve_string: Box::new(|href, _| {
                let mut t = tautan.lock().unwrap_or_else(|e| e.into_inner());
                t.get_or_insert_with(|| href.to_owned());
                None
            }),
        },
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_data(bytes, &opts).map_err(|_| Cacat::Rusak(Sebab::Svg));
    drop(opts);
    if let Some(href) = tautan.into_inner().unwrap_or_else(|e| e.into_inner()) {
        return Err(Cacat::Tautan(href));
    }
    let tree = tree?;
    let size = tree.size();
    let dims = batas(size.width().ceil() as u64, size.height().ceil() as u64)?;
    tersemat(tree.root())?;
    Ok(dims)
}

/// The images embedded in an SVG (data: URLs), each within the bound.
fn tersemat(group: &usvg::Group) -> Result<(), Cacat> {
    for node in group.children() {
        match node {
            usvg::Node::Group(g) => tersemat(g)?,
            usvg::Node::Image(img) => match img.kind() {
                usvg::ImageKind::SVG(tree) => tersemat(tree.root())?,
                usvg::ImageKind::PNG(data)
                | usvg::ImageKind::JPEG(data)
                | usvg::ImageKind::GIF(data)
                | usvg::ImageKind::WEBP(data) => {
                    let size =
                        imagesize::blob_size(data).map_err(|_| Cacat::Rusak(Sebab::Tersemat))?;
                    batas(size.width as u64, size.height as u64)?;
                }
            },
            _ => {}
        }
        node.subroots(|sub| {
            let _ = tersemat(sub);
        });
    }
    Ok(())
}

/// A keputusan PDF: every image within [`MAX_PIKSEL`], and all streams
/// together within [`MAX_PDF_TERURAI`] bytes once decoded (counted while
/// decoding, never held). `pdf` is the file hayro-syntax already opened.
pub fn periksa_pdf(pdf: &hayro_syntax::Pdf) -> Result<(), Cacat> {
    use hayro_syntax::object::{Object, Stream};
    use std::io::Read;
    let mut sisa = MAX_PDF_TERURAI;
    for obj in pdf.objects() {
        let Object::Stream(s) = obj else { continue };
        let s: Stream = s;
        let dict = s.dict();
        if let (Some(w), Some(h)) = (dict.get::<u32>(b"Width"), dict.get::<u32>(b"Height")) {
            batas(u64::from(w), u64::from(h))?;
        }
        let raw = s.raw_data();
        let n = if s.filters().first() == Some(&hayro_syntax::Filter::FlateDecode) {
            let mut dec = flate2::read::ZlibDecoder::new(&raw[..]).take(sisa + 1);
            std::io::copy(&mut dec, &mut std::io::sink()).unwrap_or(0)
        } else {
            raw.len() as u64
        };
        sisa = sisa.checked_sub(n).ok_or(Cacat::PdfTerlaluBesar)?;
    }
    Ok(())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A grey PNG of `w`×`h` pixels.
    pub(crate) fn png(w: u32, h: u32) -> Vec<u8> {
        let mut out = std::io::Cursor::new(Vec::new());
        image::GrayImage::from_pixel(w, h, image::Luma([128]))
            .write_to(&mut out, image::ImageFormat::Png)
            .expect("a PNG in memory");
        out.into_inner()
    }

    #[test]
    fn a_small_png_passes_with_its_size() {
        assert_eq!(periksa(&png(30, 20), Format::Png), Ok((30, 20)));
    }

    #[test]
    fn a_huge_png_is_refused_from_its_header() {
        // 20000×20000: only the header is read, so the test is quick.
        let mut bytes = png(2, 2);
        bytes[16..20].copy_from_slice(&20_000u32.to_be_bytes());
        bytes[20..24].copy_from_slice(&20_000u32.to_be_bytes());
        assert_eq!(
            periksa(&bytes, Format::Png),
            Err(Cacat::TerlaluBesar {
                lebar: 20_000,
                tinggi: 20_000
            })
        );
    }

    #[test]
    fn a_cut_png_is_damaged() {
        let bytes = png(64, 64);
        let cut = &bytes[..bytes.len() - 30];
        assert!(matches!(periksa(cut, Format::Png), Err(Cacat::Rusak(_))));
    }

    #[test]
    fn svg_size_links_and_damage() {
        let ok = br#"<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50"><rect width="10" height="10"/></svg>"#;
        assert_eq!(periksa(ok, Format::Svg), Ok((100, 50)));
        let huge = br#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 20000 20000"><rect width="10" height="10"/></svg>"#;
        assert!(matches!(
            periksa(huge, Format::Svg),
            Err(Cacat::TerlaluBesar { .. })
        ));
        let linked = br#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10"><image href="foto.png" width="10" height="10"/></svg>"#;
        assert_eq!(
            periksa(linked, Format::Svg),
            Err(Cacat::Tautan("foto.png".into()))
        );
        assert!(matches!(
            periksa(b"<svg", Format::Svg),
            Err(Cacat::Rusak(_))
        ));
    }

    /// A one-page PDF whose content stream is `stream` (FlateDecode), with
    /// a correct cross-reference table.
    fn pdf(stream: &[u8]) -> Vec<u8> {
        let mut out = b"%PDF-1.7\n".to_vec();
        let mut offsets = Vec::new();
        let objects: [Vec<u8>; 4] = [
            b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 100 100] /Contents 4 0 R >>".to_vec(),
            [
                format!(
                    "<< /Length {} /Filter /FlateDecode >>\nstream\n",
                    stream.len()
                )
                .into_bytes(),
                stream.to_vec(),
                b"\nendstream".to_vec(),
            ]
            .concat(),
        ];
        for (i, body) in objects.iter().enumerate() {
            offsets.push(out.len());
            out.extend(format!("{} 0 obj\n", i + 1).bytes());
            out.extend(body);
            out.extend(b"\nendobj\n");
        }
        let xref = out.len();
        out.extend(b"xref\n0 5\n0000000000 65535 f \n");
        for o in offsets {
            out.extend(format!("{o:010} 00000 n \n").bytes());
        }
        out.extend(
            format!("trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n").bytes(),
        );
        out
    }

    fn zlib(len: usize) -> Vec<u8> {
        use std::io::Write;
        let mut enc = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
        let chunk = vec![b' '; 1 << 20];
        for _ in 0..len >> 20 {
            enc.write_all(&chunk).expect("in memory");
        }
        enc.finish().expect("in memory")
    }

    #[test]
    fn a_pdf_is_bounded_by_what_its_streams_decode_to() {
        let load = |b: Vec<u8>| hayro_syntax::Pdf::new(std::sync::Arc::new(b)).expect("a PDF");
        assert_eq!(periksa_pdf(&load(pdf(&zlib(1 << 20)))), Ok(()));
        // 300 MiB of spaces: about 300 KB compressed, counted as it decodes
        let bomb = load(pdf(&zlib(300 << 20)));
        assert_eq!(periksa_pdf(&bomb), Err(Cacat::PdfTerlaluBesar));
    }

    #[test]
    fn messages_name_the_file_in_both_languages() {
        let m = Cacat::TerlaluBesar {
            lebar: 20_000,
            tinggi: 20_000,
        }
        .pesan("logo.png");
        assert!(m.id.contains("20000×20000 piksel"), "{}", m.id);
        assert!(m.en.contains("20000×20000 pixels"), "{}", m.en);
    }
}
