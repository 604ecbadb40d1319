//! Reading an SOP from Word's own structure (`.docx`): the tables of
//! `word/document.xml`, with merged cells laid on the table grid
//! (`gridBefore`, `gridSpan`, `vMerge`), and the flowchart symbols drawn as
//! shapes anchored in the actor cells (DrawingML `prstGeom` or its VML
//! fallback, one branch of `mc:AlternateContent` only) or marked in the
//! cell (a short mark such as `X`, or a shaded cell). The result is the same
//! [`Dokumen`] the PDF reader gives, so writing and checking are shared.
//!
//! Shapes are placed where Word lays them out: in their cell, below the
//! paragraphs (and nested tables) above theirs, the paragraphs pushed under
//! the shapes their text may not flow beside (`Sel::akhir_alinea`);
//! anchored to the page, over the table where the body's layout on its
//! pages puts it (`halaman`).
//!
//! Everything read is bounded: the archive's entry count (from its
//! directory record, before the directory is read), the size of
//! `document.xml` as inflated (whatever the archive claims), the nesting of
//! elements and tables, the cells of a row. A hostile file is refused.

mod halaman;

use super::alinea::{self, Gaya, Jarak, Sifat};
use super::baca::{Baris, Cabang, Dokumen, Isi, KOTAK, Kolom, Nilai, atas_nama_of, nip_of};
use super::gambar::{Acuan, Bentuk, Gambar, Lilit, Lilitan, SelGambar, SisiLilit};
use super::geom::Kind;
use kurbo::Rect;
use quick_xml::events::{BytesStart, Event};
use std::io::Read;

/// A Word document has a few dozen entries.
const MAX_ENTRIES: usize = 10_000;
/// `document.xml` of an SOP is well under a megabyte; 32 MiB inflated is
/// the most read (a zip bomb stops there).
const MAX_XML: u64 = 32 * 1024 * 1024;
/// `settings.xml` is a few kilobytes; only its layout mode is read.
const MAX_SETTINGS: u64 = 1024 * 1024;
/// `styles.xml` is some tens of kilobytes; 4 MiB of it is the most read.
const MAX_STYLES: u64 = 4 * 1024 * 1024;
/// Element nesting; Word nests a few dozen deep.
const MAX_DEPTH: usize = 256;
/// Tables inside tables.
const MAX_TABLES_DEEP: usize = 8;
/// Grid columns of one row (a `gridSpan` counts its columns).
const MAX_COLS: usize = 512;
/// Shapes of one cell that keep its text away, read at most; a cell of a
/// flowchart has a few.
const MAX_LILIT: usize = 64;

/// Why a `.docx` cannot be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cacat {
    /// Not a readable zip archive (or an encrypted one).
    Arsip,
    /// No `word/document.xml`.
    TanpaDokumen,
    /// Over a bound: entries, inflated size, nesting or columns.
    Berlebihan,
    /// `document.xml` is not well-formed XML.
    Xml,
}

/// One table cell: its grid columns, its vertical merge, its paragraphs,
/// the symbols drawn in it, whether it is shaded; its left and right edge
/// (pt, from the table grid) and its row's set height.
#[derive(Clone, Debug, Default)]
struct Sel {
    kolom: usize,
    lebar: usize,
    /// `vMerge` without `restart`: the cell continues the one above.
    lanjutan: bool,
    paragraf: Vec<String>,
    /// Each paragraph's type size (pt; 0 when no run states one).
    ukuran: Vec<f64>,
    /// Each paragraph is an item of a Word list (`w:numPr`).
    bernomor: Vec<bool>,
    /// Each paragraph's spacing.
    jarak: Vec<Jarak>,
    /// Each paragraph's tallest drawing in its text (pt; 0 where none).
    sebaris: Vec<f64>,
    simbol: Vec<Kind>,
    arsir: bool,
    x: (f64, f64),
    tinggi: f64,
    /// The row's height is exactly [`Sel::tinggi`] (`hRule="exact"`): Word
    /// clips what does not fit rather than growing the row.
    tepat: bool,
    /// The table's left cell margin (pt): a shape's `column` offset counts
    /// from the cell's text.
    margin: f64,
    /// The shapes anchored in it, in its coordinates (once the cell is
    /// read; while it is, from the top of their paragraph), and the
    /// paragraph each is anchored in.
    gambar: Vec<Bentuk>,
    gambar_alinea: Vec<usize>,
    /// Where its paragraphs stand in it (`w:vAlign`).
    tegak: Tegak,
    /// The tables nested in it, in order.
    sarang: Vec<Sarang>,
}

/// A top (pt, from a cell's top) and whether it is estimated rather than
/// read.
type Puncak = (f64, bool);

/// A table nested in a cell: the paragraph of the cell it stands before,
/// its index among the tables read, how high it is laid out
/// ([`tata_letak`]) and whether that is estimated.
#[derive(Clone, Copy, Debug)]
struct Sarang {
    alinea: usize,
    tabel: usize,
    tinggi: f64,
    kira: bool,
}

/// A cell's vertical alignment: its paragraphs at its top, in its middle,
/// or at its bottom — and with them the shapes anchored in them.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
enum Tegak {
    #[default]
    Atas,
    Tengah,
    Bawah,
}

impl Sel {
    /// How wide its text is: between its margins.
    fn lebar_teks(&self) -> f64 {
        self.x.1 - self.x.0 - 2.0 * self.margin
    }

    /// Its paragraph `i`'s letters, type size, spacing and tallest
    /// drawing in its text (none and Word's past its last: a shape
    /// anchored outside its paragraphs).
    fn sifat_alinea(&self, i: usize) -> (usize, f64, Jarak, f64) {
        (
            self.paragraf.get(i).map_or(0, |p| p.chars().count()),
            self.ukuran.get(i).copied().unwrap_or(0.0),
            self.jarak.get(i).copied().unwrap_or_default(),
            self.sebaris.get(i).copied().unwrap_or(0.0),
        )
    }

    /// The top of each of its paragraphs, pt from the cell's top, and its
    /// bottom last; each with whether it is estimated (from the text above
    /// it) rather than read.
    fn puncak(&self) -> Vec<(f64, bool)> {
        self.susun().0
    }

    /// Its paragraphs' tops (and its bottom, last), as [`Sel::puncak`];
    /// and the top of each table nested in it (its index among the
    /// tables read), each with whether it is estimated: paragraph after
    /// paragraph, a nested table as high as it is laid out before the
    /// paragraph it stands before.
    fn susun(&self) -> (Vec<Puncak>, Vec<(usize, Puncak)>) {
        let mut lilit = Penghalang::dari(self);
        let mut sarang = self.sarang.iter().peekable();
        let mut atas_sarang = Vec::new();
        let mut y = (0.0, false);
        let mut out = vec![y];
        for i in 0..self.paragraf.len() {
            while let Some(s) = sarang.next_if(|s| s.alinea <= i) {
                atas_sarang.push((s.tabel, y));
                y = (y.0 + s.tinggi, y.1 || s.kira);
            }
            lilit.sampai(i);
            y = self.akhir_alinea(i, y, &lilit.aktif);
            out.push(y);
        }
        // (Word ends a cell with a paragraph; a table after its last, as read)
        for s in sarang {
            atas_sarang.push((s.tabel, y));
            y = (y.0 + s.tinggi, y.1 || s.kira);
        }
        if let Some(akhir) = out.last_mut() {
            *akhir = y;
        }
        (out, atas_sarang)
    }

    /// Where its paragraph `i`, from `awal` (pt from the cell's top, and
    /// whether estimated), ends: as high as its text makes it, below the
    /// shapes `lilit` (laid out in the cell, anchored in it or above it,
    /// by their tops) that its text may not flow past ([`Lilitan`]: only
    /// above and below them, or where the room beside them is narrower
    /// than a letter), and taller where it flows beside one, in the room
    /// left there. Word anchors a shape to where its paragraph starts, not
    /// to where its text is pushed.
    fn akhir_alinea(&self, i: usize, awal: (f64, bool), lilit: &[Lilitan]) -> (f64, bool) {
        let (huruf, ukuran, jarak, sebaris) = self.sifat_alinea(i);
        let lebar = self.lebar_teks();
        let (mut h, mut kira) = alinea::tinggi(huruf, ukuran, &jarak, lebar, sebaris);
        if lilit.is_empty() {
            return (awal.0 + h, awal.1 || kira);
        }
        let satu = alinea::huruf_lebar(ukuran, &jarak);
        // the room its text has beside a shape (none: only above, below)
        let ruang = |l: &Lilitan| {
            let (kiri, kanan) = (l.kotak.x0.max(0.0), (lebar - l.kotak.x1).max(0.0));
            match l.cara {
                Lilit::AtasBawah => 0.0,
                Lilit::Samping(SisiLilit::Kiri) => kiri,
                Lilit::Samping(SisiLilit::Kanan) => kanan,
                Lilit::Samping(_) => kiri.max(kanan),
            }
        };
        // by their tops, once: a shape it is pushed under can only push it
        // onto those whose tops are lower
        let mut y = awal.0;
        for l in lilit {
            if l.kotak.y0 >= y + h {
                break;
            }
            if y < l.kotak.y1 && ruang(l) < satu {
                y = l.kotak.y1;
                // impor: how little room Word leaves text beside a shape is inferred
                kira |= l.cara != Lilit::AtasBawah;
            }
        }
        let sempit = lilit
            .iter()
            .take_while(|l| l.kotak.y0 < y + h)
            .filter(|l| y < l.kotak.y1)
            .map(ruang)
            .fold(lebar, f64::min);
        if sempit < lebar {
            h = alinea::tinggi(huruf, ukuran, &jarak, sempit, sebaris).0;
            kira = true;
        }
        (y + h, awal.1 || kira)
    }

    /// Its shapes across, in its coordinates (see
    /// [`Sel::letakkan_di_alinea`]); for each, whether its offset down
    /// counts from its paragraph.
    fn letakkan_melintang(&mut self, baru: bool) -> Vec<bool> {
        let lebar = self.lebar_teks();
        let lebar_sel = self.x.1 - self.x.0;
        let margin = self.margin;
        self.gambar
            .iter_mut()
            .map(|b| {
                let di_sel = b.di_sel || baru;
                let (h, v) = b.acuan;
                // (a strip outside the margin, in a cell: the cell's edge)
                if di_sel && matches!(h, Acuan::Halaman | Acuan::Pinggir(_)) {
                    *b = b.clone().jajarkan(Some(lebar_sel), None);
                    *b = b.clone().geser(kurbo::Vec2::new(-margin, 0.0));
                }
                if di_sel {
                    b.acuan = (Acuan::Teks, Acuan::Teks);
                } else {
                    b.lilit = None;
                }
                // aligned across the cell's text (`wp:align` from the column)
                if b.acuan.0 == Acuan::Teks && b.jajar.h.is_some() {
                    *b = b.clone().jajarkan(Some(lebar), None);
                }
                v == Acuan::Teks
            })
            .collect()
    }

    /// Its shapes, once it is read, in its coordinates: across, aligned
    /// in its text's width where they are aligned across its column; a
    /// shape laid out in its cell (`layoutInCell`, and every shape under
    /// Word 2013's layout, `baru`) counts "page" from the cell's edge and
    /// top, "margin" from its text and top, as Word does, and keeps its
    /// text away (a shape not laid out in it does not); down, paragraph
    /// after paragraph, from the top of the paragraph each is anchored
    /// in, below the paragraphs above it (and the shapes that push them
    /// down, [`Sel::akhir_alinea`]), aligned down its first line where it
    /// is aligned so (`wp:align` from the `line`); each moved by an
    /// estimate marked so.
    fn letakkan_di_alinea(&mut self, baru: bool) {
        let dari_alinea = self.letakkan_melintang(baru);
        // by paragraph: each placed once its paragraph's top is known
        let mut urut: Vec<usize> = (0..self.gambar.len()).collect();
        urut.sort_by_key(|&k| self.gambar_alinea.get(k).copied().unwrap_or(0));
        let mut urut = urut.into_iter().peekable();
        let mut lilit = Penghalang::default();
        let mut sarang = self.sarang.iter().peekable();
        let mut y = (0.0, false);
        for i in 0..=self.paragraf.len() {
            while let Some(s) = sarang.next_if(|s| s.alinea <= i) {
                y = (y.0 + s.tinggi, y.1 || s.kira);
            }
            let (_, ukuran, jarak, _) = self.sifat_alinea(i);
            let (garis, tepat) = alinea::baris(ukuran, &jarak);
            while let Some(k) = urut.next_if(|&k| self.gambar_alinea.get(k) == Some(&i)) {
                let Some(b) = self.gambar.get_mut(k) else {
                    continue;
                };
                if dari_alinea[k] {
                    let (mut turun, mut kira) = y;
                    if b.jajar.v.is_some() {
                        *b = b.clone().jajarkan(None, Some(garis));
                        turun += jarak.sebelum;
                        kira |= !tepat;
                    }
                    *b = b.clone().geser(kurbo::Vec2::new(0.0, turun));
                    b.kira |= kira;
                }
                // (one aligned down the cell stands where it does once the
                // row's height is known: it keeps no text away)
                if b.jajar.v.is_some() {
                    b.lilit = None;
                }
                if let Some(l) = b.lilit.filter(|_| b.acuan == (Acuan::Teks, Acuan::Teks)) {
                    lilit.tambah(l);
                }
            }
            if i < self.paragraf.len() {
                y = self.akhir_alinea(i, y, &lilit.aktif);
            }
        }
    }

    /// Its paragraphs as one line.
    fn teks(&self) -> String {
        self.gabung(" ")
    }
    /// Its paragraphs that say something, joined by `antara`.
    fn gabung(&self, antara: &str) -> String {
        self.paragraf
            .iter()
            .map(|p| p.trim())
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join(antara)
    }
    fn label(&self) -> String {
        let t = self.teks().to_lowercase();
        t.trim().trim_end_matches(':').trim().to_owned()
    }
}

/// The shapes of a cell that keep its text away ([`Lilitan`]), taken in
/// paragraph by paragraph as the cell is laid out: those anchored in the
/// paragraphs so far, by their tops. A cell's first [`MAX_LILIT`] are
/// read.
#[derive(Default)]
struct Penghalang {
    /// Each with the paragraph it is anchored in, by paragraph, not yet
    /// taken in.
    sisa: std::collections::VecDeque<(usize, Lilitan)>,
    aktif: Vec<Lilitan>,
}

impl Penghalang {
    /// Those of `sel`'s shapes as they stand.
    fn dari(sel: &Sel) -> Penghalang {
        let mut sisa: Vec<(usize, Lilitan)> = sel
            .gambar
            .iter()
            .zip(&sel.gambar_alinea)
            .filter(|(b, _)| b.acuan == (Acuan::Teks, Acuan::Teks))
            .filter_map(|(b, i)| Some((*i, b.lilit?)))
            .take(MAX_LILIT)
            .collect();
        sisa.sort_by_key(|l| l.0);
        Penghalang {
            sisa: sisa.into(),
            aktif: Vec::new(),
        }
    }

    /// Those anchored in paragraph `i` or above taken in.
    fn sampai(&mut self, i: usize) {
        while self.sisa.front().is_some_and(|l| l.0 <= i) {
            if let Some((_, l)) = self.sisa.pop_front() {
                self.tambah(l);
            }
        }
    }

    /// One more taken in, in its place by its top.
    fn tambah(&mut self, l: Lilitan) {
        if self.aktif.len() < MAX_LILIT {
            let at = self.aktif.partition_point(|a| a.kotak.y0 <= l.kotak.y0);
            self.aktif.insert(at, l);
        }
    }
}

type Tabel = Vec<Vec<Sel>>;

/// Reads one SOP from the bytes of a `.docx`.
pub fn baca(bytes: &[u8]) -> Result<Result<Dokumen, super::BukanSop>, Cacat> {
    let (xml, baru, gaya) = document_xml(bytes)?;
    let mut tubuh = tables(&xml, gaya, baru)?;
    tubuh.baru = baru;
    halaman::rata_tegak(&mut tubuh.tabel);
    halaman::jangkar_halaman(&mut tubuh);
    Ok(dokumen(&tubuh.tabel, &tubuh.lepas))
}

/// The entry count an archive's end-of-directory record states, so that a
/// directory of millions of entries is refused before it is read.
fn entries_stated(bytes: &[u8]) -> Option<usize> {
    let tail = bytes.len().saturating_sub(22 + 65_535);
    let at = (tail..bytes.len().saturating_sub(21))
        .rev()
        .find(|&i| bytes[i..].starts_with(b"PK\x05\x06"))?;
    let n = u16::from_le_bytes([bytes[at + 10], bytes[at + 11]]);
    Some(usize::from(n))
}

/// `word/document.xml`, whether `word/settings.xml` asks for Word 2013's
/// layout (`compatibilityMode` 15 or more; an older mode, or none stated,
/// lays a table's text, not its rule, at the margin), and the styles of
/// `word/styles.xml` that say how high a paragraph is.
fn document_xml(bytes: &[u8]) -> Result<(Vec<u8>, bool, Gaya), Cacat> {
    // 0xFFFF: a ZIP64 directory, which no Word document needs.
    match entries_stated(bytes) {
        None => return Err(Cacat::Arsip),
        Some(n) if n > MAX_ENTRIES || n == 0xFFFF => return Err(Cacat::Berlebihan),
        Some(_) => {}
    }
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|_| Cacat::Arsip)?;
    if zip.len() > MAX_ENTRIES {
        return Err(Cacat::Berlebihan);
    }
    let entry = match zip.by_name("word/document.xml") {
        Ok(e) => e,
        Err(zip::result::ZipError::FileNotFound) => return Err(Cacat::TanpaDokumen),
        Err(_) => return Err(Cacat::Arsip),
    };
    let mut xml = Vec::new();
    entry
        .take(MAX_XML + 1)
        .read_to_end(&mut xml)
        .map_err(|_| Cacat::Arsip)?;
    if xml.len() as u64 > MAX_XML {
        return Err(Cacat::Berlebihan);
    }
    // a damaged or missing part only loses the layout mode, or the styles
    let mut bagian = |nama: &str, batas: u64| {
        let mut isi = Vec::new();
        if let Ok(e) = zip.by_name(nama) {
            let _ = e.take(batas).read_to_end(&mut isi);
        }
        isi
    };
    let settings = bagian("word/settings.xml", MAX_SETTINGS);
    let styles = bagian("word/styles.xml", MAX_STYLES);
    Ok((xml, mode_baru(&settings), Gaya::baca(&styles)))
}

/// Whether `settings.xml` states `compatibilityMode` 15 or more.
fn mode_baru(settings: &[u8]) -> bool {
    let mut r = quick_xml::Reader::from_reader(settings);
    let mut buf = Vec::new();
    while let Ok(ev) = r.read_event_into(&mut buf) {
        match ev {
            Event::Empty(e) | Event::Start(e)
                if e.name().as_ref() == b"w:compatSetting"
                    && attr(&e, b"w:name").is_some_and(|n| n == "compatibilityMode") =>
            {
                return attr(&e, b"w:val")
                    .and_then(|v| v.parse::<u32>().ok())
                    .is_some_and(|v| v >= 15);
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    false
}

fn attr(e: &BytesStart, name: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .map(|a| String::from_utf8_lossy(&a.value).into_owned())
}

/// The flowchart symbol a DrawingML preset or a VML shape type names. A
/// plain rectangle is not one: Word draws the "Ya"/"Tidak" labels beside
/// a decision as rectangular text boxes.
pub(super) fn kind_of(name: &str) -> Option<Kind> {
    Some(match name {
        "flowChartTerminator" | "_x0000_t116" => Kind::Terminator,
        "flowChartProcess" | "_x0000_t109" => Kind::Process,
        "flowChartDecision" | "_x0000_t110" => Kind::Decision,
        "flowChartOffpageConnector" | "_x0000_t177" | "flowChartConnector" | "_x0000_t120" => {
            Kind::Connector
        }
        _ => return None,
    })
}

/// A table being read.
#[derive(Default)]
struct Meja {
    tabel: Tabel,
    baris: Vec<Sel>,
    /// Grid column of the next cell.
    kolom: usize,
    /// The grid's column widths (pt).
    grid: Vec<f64>,
    /// The current row's set height (pt), and whether it is exact.
    tinggi: f64,
    tepat: bool,
    /// The left cell margin (`w:tblCellMar`), Word's 5.4 pt unless stated.
    margin: f64,
    /// Inside `w:tblCellMar`.
    in_margin: bool,
    /// Inside `w:tblPr`.
    in_tblpr: bool,
    /// Where it lies across the page and whether it starts one.
    letak: LetakTabel,
    /// The current row repeats at the top of each page (`w:tblHeader`).
    kepala: bool,
    /// Its style (`w:tblStyle`).
    gaya: Option<String>,
}

/// How a table lies across the page (`w:tblInd`, `w:jc`), which of its
/// rows repeat at the top of each page, and whether a page starts before
/// it (`w:pageBreakBefore` in its first row).
#[derive(Clone, Debug, Default)]
struct LetakTabel {
    ind: f64,
    rata: Rata,
    /// Its left cell margin: Word before 2013 sets the table out by it.
    margin: f64,
    lebar: f64,
    kepala: Vec<bool>,
    putus: bool,
    /// A floating table (`w:tblpPr`): where it stands.
    apung: Option<Apung>,
}

/// Where a floating table stands (`w:tblpPr`): across, from the page, the
/// margin or the text column (`horzAnchor`), `tblpX` or aligned there
/// (`tblpXSpec`); down, from the page, the margin or the paragraph
/// (`vertAnchor`), `tblpY`.
#[derive(Clone, Copy, Debug)]
struct Apung {
    h: Acuan,
    x: f64,
    rata: Option<Rata>,
    v: Acuan,
    y: f64,
}

/// A table's alignment between the page's margins.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
enum Rata {
    #[default]
    Kiri,
    Tengah,
    Kanan,
}

/// The page of a section (`w:pgSz`, `w:pgMar`), pt: Word's A4 with
/// margins of an inch unless stated.
#[derive(Clone, Copy, Debug)]
struct Kertas {
    lebar: f64,
    tinggi: f64,
    atas: f64,
    bawah: f64,
    kiri: f64,
    kanan: f64,
}

impl Default for Kertas {
    fn default() -> Kertas {
        Kertas {
            lebar: 595.3,
            tinggi: 841.9,
            atas: 72.0,
            bawah: 72.0,
            kiri: 72.0,
            kanan: 72.0,
        }
    }
}

/// What the body holds, in order: a paragraph outside every table (its
/// letters, type size, spacing, page breaks, and the shapes anchored in
/// it) or a table (its index among the tables read).
#[derive(Clone, Debug)]
enum Blok {
    Alinea {
        huruf: usize,
        ukuran: f64,
        jarak: Jarak,
        /// Its tallest drawing in its text (pt).
        sebaris: f64,
        /// `w:pageBreakBefore`; a `w:br w:type="page"` in it.
        putus_sebelum: bool,
        putus: bool,
        gambar: Vec<Bentuk>,
        /// The section it ends (`w:sectPr` in its properties): its page,
        /// and whether the next starts on a new page (not `continuous`).
        bagian: Option<(Kertas, bool)>,
    },
    Tabel(usize),
}

/// The document as read: its tables (nested ones after their parent) and
/// how each lies, the paragraphs outside tables, the body's blocks, its
/// page, and whether Word lays it out as Word 2013 on does
/// (`compatibilityMode` 15 or more).
#[derive(Default)]
struct Tubuh {
    tabel: Vec<Tabel>,
    letak: Vec<LetakTabel>,
    lepas: Vec<String>,
    blok: Vec<Blok>,
    kertas: Kertas,
    baru: bool,
}

/// Where the reader is: the tables being built, innermost last.
#[derive(Default)]
struct Baca {
    tables: Vec<Meja>,
    cell: Vec<Option<Sel>>,
    done: Vec<Tabel>,
    /// Paragraphs outside every table (the title lines above a form).
    lepas: Vec<String>,
    para: Option<String>,
    /// The largest type size a run of the paragraph states (pt).
    ukuran: f64,
    /// The paragraph is an item of a Word list.
    bernomor: bool,
    /// Inside a cell's own margins (`w:tcMar`).
    in_tc_margin: bool,
    /// Inside a paragraph's properties (`w:pPr`), inside a run (`w:r`).
    in_ppr: bool,
    in_run: bool,
    /// The run's text is in italics; the paragraph has an italic run open
    /// (a `*` written, its closing one not yet).
    miring: bool,
    miring_buka: bool,
    /// Inside a shape's own text (`txbxContent`): not the cell's text.
    in_shape_text: usize,
    /// Inside a text run's `w:t`.
    in_t: bool,
    gambar: Gambar,
    /// Word 2013's layout (`compatibilityMode` 15): every shape in a cell
    /// is laid out in it.
    baru: bool,
    /// The document's styles; what the paragraph states of its spacing
    /// and its style; a page starts before it, or inside it.
    gaya: Gaya,
    sifat: Sifat,
    gaya_alinea: Option<String>,
    putus_sebelum: bool,
    putus: bool,
    /// Shapes anchored in the paragraph, outside every table.
    gambar_lepas: Vec<Bentuk>,
    blok: Vec<Blok>,
    letak: Vec<LetakTabel>,
    /// The last section's page; the section being read (`w:sectPr`): its
    /// page and whether the next starts on a new page; the section the
    /// paragraph being read ends.
    kertas: Kertas,
    bagian: Option<(Kertas, bool)>,
    bagian_akhir: Option<(Kertas, bool)>,
}

/// Every table of the document in order (nested ones after their parent),
/// the paragraphs outside tables, and what the body's layout needs.
fn tables(xml: &[u8], gaya: Gaya, baru: bool) -> Result<Tubuh, Cacat> {
    let mut r = quick_xml::Reader::from_reader(xml);
    let mut st = Baca {
        gaya,
        baru,
        ..Baca::default()
    };
    let mut depth = 0usize;
    // Alternate content: per open `mc:AlternateContent`, whether a branch
    // was read; `skip` > 0 while inside a branch not read.
    let mut alternates: Vec<bool> = Vec::new();
    let mut skip = 0usize;
    let mut buf = Vec::new();
    loop {
        let ev = r.read_event_into(&mut buf).map_err(|_| Cacat::Xml)?;
        match ev {
            Event::Start(e) => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(Cacat::Berlebihan);
                }
                if skip > 0 {
                    skip += 1;
                } else {
                    let name = e.name().as_ref().to_owned();
                    match name.as_slice() {
                        b"mc:AlternateContent" => alternates.push(false),
                        b"mc:Choice" | b"mc:Fallback" => match alternates.last_mut() {
                            Some(taken) if !*taken => *taken = true,
                            _ => skip = 1,
                        },
                        _ => open(&mut st, &e)?,
                    }
                }
            }
            Event::Empty(e) if skip == 0 => {
                open(&mut st, &e)?;
                close(&mut st, e.name().as_ref())?;
            }
            Event::End(e) => {
                depth = depth.saturating_sub(1);
                if skip > 0 {
                    skip -= 1;
                } else if e.name().as_ref() == b"mc:AlternateContent" {
                    alternates.pop();
                } else {
                    close(&mut st, e.name().as_ref())?;
                }
            }
            Event::Text(t) if skip == 0 && st.in_t && st.in_shape_text == 0 => {
                let s = t.decode().map_err(|_| Cacat::Xml)?;
                let s = quick_xml::escape::unescape(&s).map_err(|_| Cacat::Xml)?;
                tulis(&mut st, &s);
            }
            // an anchor's offset, the words of a text box
            Event::Text(t) if skip == 0 && (st.in_t || st.in_shape_text == 0) => {
                let s = t.decode().map_err(|_| Cacat::Xml)?;
                st.gambar.teks(&s);
            }
            Event::GeneralRef(g) if skip == 0 && st.in_t && st.in_shape_text == 0 => {
                let s = String::from_utf8_lossy(&g);
                let c = match s.as_ref() {
                    "amp" => Some('&'),
                    "lt" => Some('<'),
                    "gt" => Some('>'),
                    "quot" => Some('"'),
                    "apos" => Some('\''),
                    _ => g.resolve_char_ref().ok().flatten(),
                };
                if let Some(c) = c {
                    tulis(&mut st, c.encode_utf8(&mut [0; 4]));
                }
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(Tubuh {
        tabel: st.done,
        letak: st.letak,
        lepas: st.lepas,
        blok: st.blok,
        kertas: st.kertas,
        baru: false,
    })
}

/// Text of a run into the paragraph: an italic run between `*`, as the
/// language writes it (one `*…*` over consecutive italic runs, the spaces
/// at its ends outside it).
fn tulis(st: &mut Baca, s: &str) {
    let Some(p) = st.para.as_mut() else { return };
    if st.miring != st.miring_buka && !s.trim().is_empty() {
        if st.miring {
            let isi = s.trim_start();
            p.push_str(&s[..s.len() - isi.len()]);
            p.push('*');
            p.push_str(isi);
            st.miring_buka = true;
            return;
        }
        tutup_miring(p);
        st.miring_buka = false;
    }
    p.push_str(s);
}

/// Closes an italic run at the end of `p`, before its trailing spaces.
fn tutup_miring(p: &mut String) {
    let isi = p.trim_end().len();
    let spasi = p.split_off(isi);
    p.push('*');
    p.push_str(&spasi);
}

fn open(st: &mut Baca, e: &BytesStart) -> Result<(), Cacat> {
    match e.name().as_ref() {
        b"w:tbl" => {
            if st.tables.len() >= MAX_TABLES_DEEP {
                return Err(Cacat::Berlebihan);
            }
            st.tables.push(Meja {
                margin: super::gambar::MARGIN_SEL,
                ..Meja::default()
            });
        }
        b"w:tblPr" => {
            if let Some(t) = st.tables.last_mut() {
                t.in_tblpr = true;
            }
        }
        b"w:tblpPr" => {
            if let Some(t) = st.tables.last_mut().filter(|t| t.in_tblpr) {
                t.letak.apung = apung(e);
            }
        }
        b"w:tblInd" => {
            if let Some(t) = st.tables.last_mut().filter(|t| t.in_tblpr) {
                t.letak.ind = alinea::twip(e, b"w:w").unwrap_or(0.0);
            }
        }
        b"w:jc" => {
            if let Some(t) = st.tables.last_mut().filter(|t| t.in_tblpr) {
                t.letak.rata = match attr(e, b"w:val").as_deref() {
                    Some("center") => Rata::Tengah,
                    Some("right" | "end") => Rata::Kanan,
                    _ => Rata::Kiri,
                };
            }
        }
        b"w:tblHeader" => {
            if let Some(t) = st.tables.last_mut() {
                t.kepala = benar(e);
            }
        }
        b"w:sectPr" => st.bagian = Some((Kertas::default(), true)),
        b"w:type" => {
            if let Some((_, baru)) = st.bagian.as_mut() {
                *baru = attr(e, b"w:val").is_none_or(|v| v != "continuous");
            }
        }
        b"w:pgSz" | b"w:pgMar" => {
            if let Some((k, _)) = st.bagian.as_mut() {
                halaman_bagian(k, e);
            }
        }
        // (a run's `w:spacing` is its letters', with `w:val`)
        b"w:spacing" if st.in_ppr && st.in_shape_text == 0 && attr(e, b"w:val").is_none() => {
            st.sifat.spasi(e);
        }
        b"w:pStyle" if st.in_ppr && st.in_shape_text == 0 => st.gaya_alinea = attr(e, b"w:val"),
        b"w:tblStyle" => {
            if let Some(t) = st.tables.last_mut().filter(|t| t.in_tblpr) {
                t.gaya = attr(e, b"w:val");
            }
        }
        b"w:pageBreakBefore" if st.in_ppr && st.in_shape_text == 0 => {
            st.putus_sebelum = benar(e);
        }
        b"w:br" if st.in_shape_text == 0 && st.para.is_some() => {
            st.putus |= attr(e, b"w:type").is_some_and(|t| t == "page");
        }
        b"w:gridCol" => {
            if let Some(t) = st.tables.last_mut()
                && t.grid.len() < MAX_COLS
            {
                t.grid.push(twip(e));
            }
        }
        b"w:tr" => {
            if let Some(t) = st.tables.last_mut() {
                t.baris.clear();
                t.kolom = 0;
                t.tinggi = 0.0;
                t.tepat = false;
                t.kepala = false;
            }
        }
        b"w:trHeight" => {
            if let Some(t) = st.tables.last_mut() {
                t.tinggi = twip(e);
                t.tepat = attr(e, b"w:hRule").is_some_and(|r| r == "exact");
            }
        }
        b"w:tblCellMar" => {
            if let Some(t) = st.tables.last_mut() {
                t.in_margin = true;
            }
        }
        b"w:tcMar" => st.in_tc_margin = true,
        // LibreOffice writes the bidi-neutral `w:start`, Word `w:left`; a
        // cell's own margin before its table's
        b"w:left" | b"w:start" => {
            if st.in_tc_margin {
                if let Some(Some(c)) = st.cell.last_mut() {
                    c.margin = twip(e);
                }
            } else if let Some(t) = st.tables.last_mut().filter(|t| t.in_margin) {
                t.margin = twip(e);
            }
        }
        b"w:gridBefore" => {
            if let (Some(t), Some(n)) = (st.tables.last_mut(), val(e)) {
                t.kolom = t.kolom.saturating_add(n);
            }
        }
        b"w:tc" => {
            let (kolom, tinggi, tepat, margin) = st
                .tables
                .last()
                .map_or((0, 0.0, false, super::gambar::MARGIN_SEL), |t| {
                    (t.kolom, t.tinggi, t.tepat, t.margin)
                });
            st.cell.push(Some(Sel {
                kolom,
                lebar: 1,
                tinggi,
                tepat,
                margin,
                ..Sel::default()
            }));
        }
        b"w:gridSpan" => {
            if let (Some(Some(c)), Some(n)) = (st.cell.last_mut(), val(e)) {
                c.lebar = n.clamp(1, MAX_COLS);
            }
        }
        b"w:vAlign" if st.in_shape_text == 0 && st.para.is_none() => {
            if let Some(Some(c)) = st.cell.last_mut() {
                c.tegak = match attr(e, b"w:val").as_deref() {
                    Some("center") => Tegak::Tengah,
                    Some("bottom") => Tegak::Bawah,
                    _ => Tegak::Atas,
                };
            }
        }
        b"w:vMerge" => {
            if let Some(Some(c)) = st.cell.last_mut() {
                c.lanjutan = attr(e, b"w:val").is_none_or(|v| v != "restart");
            }
        }
        b"w:shd" => {
            if let Some(Some(c)) = st.cell.last_mut()
                && st.in_shape_text == 0
                && st.para.is_none()
            {
                let fill = attr(e, b"w:fill").unwrap_or_default().to_lowercase();
                c.arsir = !matches!(fill.as_str(), "" | "auto" | "ffffff");
            }
        }
        b"w:txbxContent" | b"v:textbox" => st.in_shape_text += 1,
        b"w:tab" if st.in_shape_text == 0 => {
            if let Some(p) = st.para.as_mut() {
                p.push(' ');
            }
        }
        b"w:p" | b"w:pPr" | b"w:numPr" | b"w:r" | b"w:i" | b"w:sz" => paragraf(st, e),
        b"w:t" => st.in_t = true,
        b"a:prstGeom" => symbol(st, attr(e, b"prst")),
        b"v:shape" => symbol(
            st,
            attr(e, b"type").map(|t| t.trim_start_matches('#').to_owned()),
        ),
        _ => {}
    }
    st.gambar.buka(e);
    Ok(())
}

/// A paragraph's and its runs' properties: its type size, whether it is an
/// item of a Word list, whether a run is in italics.
fn paragraf(st: &mut Baca, e: &BytesStart) {
    match e.name().as_ref() {
        b"w:p" if st.in_shape_text == 0 => {
            st.para = Some(String::new());
            st.ukuran = 0.0;
            st.bernomor = false;
            st.miring_buka = false;
            st.sifat = Sifat::default();
            st.gaya_alinea = None;
            st.putus_sebelum = false;
            st.putus = false;
        }
        b"w:pPr" => st.in_ppr = true,
        b"w:numPr" if st.in_ppr && st.in_shape_text == 0 => st.bernomor = true,
        b"w:r" => {
            st.in_run = true;
            st.miring = false;
        }
        b"w:i" if st.in_run && !st.in_ppr => {
            st.miring =
                attr(e, b"w:val").is_none_or(|v| !matches!(v.as_str(), "0" | "false" | "off"));
        }
        // a run's size in half-points (`w:szCs` is the complex script's)
        b"w:sz" if st.in_shape_text == 0 && st.para.is_some() => {
            let pt = attr(e, b"w:val")
                .and_then(|v| v.parse::<f64>().ok())
                .filter(|v| v.is_finite() && (0.0..10_000.0).contains(v))
                .map_or(0.0, |v| v / 2.0);
            st.ukuran = st.ukuran.max(pt);
        }
        _ => {}
    }
}

/// Where a floating table stands (`w:tblpPr`), as Word reads it: across
/// from the text column and down from the margin unless stated, its
/// offsets a twip less than written (Word writes them a twip more, so that
/// 0 is not read as absent), and not floating at all when nothing is
/// stated or when it is at 0, 0 from the text column and not from the
/// text down.
fn apung(e: &BytesStart) -> Option<Apung> {
    let dari = |n: &[u8], bawaan: Acuan| match attr(e, n).as_deref() {
        Some("page") => Acuan::Halaman,
        Some("margin") => Acuan::Margin,
        Some("text") => Acuan::Teks,
        _ => bawaan,
    };
    let (h, v) = (
        dari(b"w:horzAnchor", Acuan::Teks),
        dari(b"w:vertAnchor", Acuan::Margin),
    );
    let jarak = |n: &[u8]| alinea::twip(e, n).map(|v| (v - 0.05).max(0.0));
    let (x, y) = (jarak(b"w:tblpX"), jarak(b"w:tblpY"));
    let rata = match attr(e, b"w:tblpXSpec").as_deref() {
        Some("left" | "inside") => Some(Rata::Kiri),
        Some("center") => Some(Rata::Tengah),
        Some("right" | "outside") => Some(Rata::Kanan),
        _ => None,
    };
    let kosong = e.attributes().flatten().next().is_none();
    let diam =
        x.unwrap_or(0.0) == 0.0 && y.unwrap_or(0.0) == 0.0 && h == Acuan::Teks && v != Acuan::Teks;
    (!kosong && !diam).then_some(Apung {
        h,
        x: x.unwrap_or(0.0),
        rata,
        v,
        y: y.unwrap_or(0.0),
    })
}

/// A section's page size (`w:pgSz`) or margins (`w:pgMar`) into `k`.
fn halaman_bagian(k: &mut Kertas, e: &BytesStart) {
    if e.name().as_ref() == b"w:pgSz" {
        k.lebar = alinea::twip(e, b"w:w")
            .filter(|v| *v > 0.0)
            .unwrap_or(k.lebar);
        k.tinggi = alinea::twip(e, b"w:h")
            .filter(|v| *v > 0.0)
            .unwrap_or(k.tinggi);
        return;
    }
    for (n, v) in [
        (&b"w:top"[..], &mut k.atas),
        (b"w:bottom", &mut k.bawah),
        (b"w:left", &mut k.kiri),
        (b"w:right", &mut k.kanan),
    ] {
        // a negative top or bottom margin is its size too
        *v = alinea::twip(e, n).map_or(*v, f64::abs);
    }
}

/// An on/off property: on unless its `w:val` says off.
fn benar(e: &BytesStart) -> bool {
    attr(e, b"w:val").is_none_or(|v| !matches!(v.as_str(), "0" | "false" | "off"))
}

/// A length in twips (`w:w`, `w:val`) in pt.
fn twip(e: &BytesStart) -> f64 {
    attr(e, b"w:w")
        .or_else(|| attr(e, b"w:val"))
        .and_then(|v| v.parse::<f64>().ok())
        .filter(|v| v.is_finite() && (0.0..1e7).contains(v))
        .map_or(0.0, |v| v / 20.0)
}

fn val(e: &BytesStart) -> Option<usize> {
    attr(e, b"w:val")?
        .parse::<usize>()
        .ok()
        .map(|n| n.min(MAX_COLS))
}

fn symbol(st: &mut Baca, name: Option<String>) {
    if let (Some(k), Some(Some(c))) = (name.as_deref().and_then(kind_of), st.cell.last_mut()) {
        c.simbol.push(k);
    }
}

fn close(st: &mut Baca, name: &[u8]) -> Result<(), Cacat> {
    let bentuk = st.gambar.tutup(name);
    if let Some(Some(c)) = st.cell.last_mut() {
        let alinea = c.paragraf.len();
        c.gambar_alinea
            .extend(std::iter::repeat_n(alinea, bentuk.len()));
        c.gambar.extend(bentuk);
    } else if st.tables.is_empty() {
        st.gambar_lepas.extend(bentuk);
    }
    match name {
        b"w:t" => st.in_t = false,
        b"w:pPr" => st.in_ppr = false,
        b"w:r" => st.in_run = false,
        b"w:txbxContent" | b"v:textbox" => st.in_shape_text = st.in_shape_text.saturating_sub(1),
        b"w:p" if st.in_shape_text == 0 => {
            if let Some(mut p) = st.para.take() {
                let tabel = st.tables.last().and_then(|t| t.gaya.as_deref());
                let jarak = st.gaya.jarak(st.sifat, st.gaya_alinea.as_deref(), tabel);
                if st.miring_buka {
                    tutup_miring(&mut p);
                    st.miring_buka = false;
                }
                let sebaris = std::mem::take(&mut st.gambar.sebaris);
                match st.cell.last_mut() {
                    Some(Some(c)) => {
                        c.paragraf.push(p);
                        c.ukuran.push(st.ukuran);
                        c.bernomor.push(st.bernomor);
                        c.jarak.push(jarak);
                        c.sebaris.push(sebaris);
                        if let Some(t) = st.tables.last_mut().filter(|t| t.tabel.is_empty()) {
                            t.letak.putus |= st.putus_sebelum;
                        }
                    }
                    _ if st.tables.is_empty() => {
                        st.blok.push(Blok::Alinea {
                            huruf: p.chars().count(),
                            ukuran: st.ukuran,
                            jarak,
                            sebaris,
                            putus_sebelum: st.putus_sebelum,
                            putus: st.putus,
                            gambar: std::mem::take(&mut st.gambar_lepas),
                            bagian: st.bagian_akhir.take(),
                        });
                        st.lepas.push(p);
                    }
                    _ => {}
                }
            }
        }
        b"w:tc" => {
            if let (Some(Some(mut c)), Some(t)) = (st.cell.pop(), st.tables.last_mut()) {
                t.kolom = c.kolom + c.lebar;
                if t.kolom > MAX_COLS {
                    return Err(Cacat::Berlebihan);
                }
                let x = |g: usize| t.grid.iter().take(g).sum::<f64>();
                c.x = (x(c.kolom), x(t.kolom));
                c.letakkan_di_alinea(st.baru);
                t.baris.push(c);
            }
        }
        b"w:tr" => {
            if let Some(t) = st.tables.last_mut() {
                let row = std::mem::take(&mut t.baris);
                t.tabel.push(row);
                t.letak.kepala.push(t.kepala);
            }
        }
        b"w:tblCellMar" => {
            if let Some(t) = st.tables.last_mut() {
                t.in_margin = false;
            }
        }
        b"w:tcMar" => st.in_tc_margin = false,
        b"w:tblPr" => {
            if let Some(t) = st.tables.last_mut() {
                t.in_tblpr = false;
            }
        }
        // a paragraph's ends its section there; the body's is the last
        b"w:sectPr" => match st.bagian.take() {
            Some(b) if st.para.is_some() => st.bagian_akhir = Some(b),
            Some((k, _)) => st.kertas = k,
            None => {}
        },
        b"w:tbl" => {
            if let Some(t) = st.tables.pop() {
                // nested: the cell it is in grows by it
                if let (false, Some(Some(c))) = (st.tables.is_empty(), st.cell.last_mut()) {
                    let (tops, kira) = tata_letak(&t.tabel);
                    c.sarang.push(Sarang {
                        alinea: c.paragraf.len(),
                        tabel: st.done.len(),
                        tinggi: tops.last().copied().unwrap_or(0.0),
                        kira: kira.iter().any(|k| *k),
                    });
                }
                st.done.push(t.tabel);
                st.letak.push(LetakTabel {
                    margin: t.margin,
                    lebar: t.grid.iter().sum(),
                    ..t.letak
                });
                if st.tables.is_empty() {
                    st.blok.push(Blok::Tabel(st.done.len() - 1));
                }
            }
        }
        _ => {}
    }
    Ok(())
}

/// The cell of `row` covering grid column `col`.
fn at(row: &[Sel], col: usize) -> Option<&Sel> {
    row.iter()
        .find(|c| c.kolom <= col && col < c.kolom + c.lebar)
}

/// What a column of the procedure table holds.
#[derive(Clone, Debug, PartialEq)]
enum Peran {
    No,
    Kegiatan,
    Pelaksana(String),
    Kelengkapan,
    Waktu,
    Output,
    Keterangan,
    Lain,
}

fn peran(atas: &str, bawah: &str) -> Peran {
    let has = |t: &str, w: &[&str]| w.iter().any(|w| t.contains(w));
    if atas == "no" || atas == "no." || atas == "nomor" {
        return Peran::No;
    }
    if has(atas, &["kegiatan", "aktivitas", "uraian"]) {
        return Peran::Kegiatan;
    }
    if atas.contains("pelaksana") {
        return Peran::Pelaksana(bawah.to_owned());
    }
    let t = if bawah.is_empty() { atas } else { bawah };
    if has(t, &["waktu"]) {
        Peran::Waktu
    } else if has(t, &["output", "hasil", "keluaran"]) {
        Peran::Output
    } else if has(t, &["keterangan", "ket."]) {
        Peran::Keterangan
    } else if has(t, &["kelengkapan", "persyaratan", "sumber data", "syarat"])
        || atas.contains("mutu baku")
    {
        Peran::Kelengkapan
    } else {
        Peran::Lain
    }
}

/// The procedure table's columns: for each logical column its role and its
/// grid columns; and how many header rows it has.
fn kolom(t: &Tabel, h: usize) -> (Vec<(Peran, Vec<usize>)>, usize) {
    let lebar = t
        .iter()
        .flat_map(|r| r.iter().map(|c| c.kolom + c.lebar))
        .max()
        .unwrap_or(0);
    // a second header row: the row under a header cell spanning columns
    // (Pelaksana, Mutu Baku) or continuing a merged one
    let dua = t.get(h + 1).is_some_and(|r| {
        let no = r.first().map(Sel::teks).unwrap_or_default();
        no.parse::<u32>().is_err() && r.iter().any(|c| c.lanjutan)
    }) || t[h]
        .iter()
        .any(|c| c.lebar > 1 && c.label().contains("pelaksana"));
    let mut cols: Vec<(Peran, Vec<usize>)> = Vec::new();
    let mut keys: Vec<(usize, usize)> = Vec::new();
    for g in 0..lebar {
        let Some(a) = at(&t[h], g) else { continue };
        let b = if dua {
            t.get(h + 1).and_then(|r| at(r, g))
        } else {
            None
        };
        let sub = b.filter(|c| !c.lanjutan);
        let key = (a.kolom, sub.map_or(usize::MAX, |c| c.kolom));
        let p = match peran(&a.label(), &sub.map(Sel::label).unwrap_or_default()) {
            // the name as printed, not lowercased
            Peran::Pelaksana(_) => Peran::Pelaksana(sub.unwrap_or(a).teks()),
            p => p,
        };
        match keys.iter().position(|k| *k == key) {
            Some(i) => cols[i].1.push(g),
            None => {
                keys.push(key);
                cols.push((p, vec![g]));
            }
        }
    }
    (cols, if dua { 2 } else { 1 })
}

/// A cell headed as the Kegiatan column: a heading of a few words, not a
/// step's kegiatan that happens to say "kegiatan".
fn judul_kegiatan(c: &Sel) -> bool {
    let l = c.label();
    peran(&l, "") == Peran::Kegiatan && l.split_whitespace().count() <= 3
}

/// A mark standing for a symbol in an actor cell without a drawn shape.
fn tanda(c: &Sel) -> Option<Kind> {
    let t = c.teks();
    let t = t.trim();
    match t {
        "◇" | "◆" | "♦" => Some(Kind::Decision),
        "⬭" | "⬬" => Some(Kind::Terminator),
        _ if !t.is_empty() && t.chars().count() <= 2 => Some(Kind::Process),
        "" if c.arsir => Some(Kind::Process),
        _ => None,
    }
}

/// A cell's text: a list when its first paragraph is an entry (numbered
/// or bulleted as typed, or an item of a Word list), each entry then
/// starting at such a paragraph; else its paragraphs, apart.
fn isi(c: Option<&Sel>) -> Isi {
    let Some(c) = c else { return Isi::Kosong };
    let ps: Vec<(&str, bool)> = c
        .paragraf
        .iter()
        .zip(c.bernomor.iter().chain(std::iter::repeat(&false)))
        .map(|(p, n)| (p.trim(), *n || super::baca::penanda(p).is_some()))
        .filter(|(p, _)| !p.is_empty())
        .collect();
    match ps.as_slice() {
        [] => Isi::Kosong,
        // a dash alone says "nothing here"
        [("-" | "–", _)] => Isi::Teks("-".into()),
        [(_, true), ..] => {
            let mut out: Vec<String> = Vec::new();
            for (p, entri) in &ps {
                match out.last_mut() {
                    Some(last) if !entri => {
                        last.push(' ');
                        last.push_str(p);
                    }
                    _ => out.push(butir(p)),
                }
            }
            Isi::Daftar(out)
        }
        _ => Isi::Teks(alinea(c)),
    }
}

/// A cell's paragraphs as the language writes paragraphs: a blank line
/// apart.
fn alinea(c: &Sel) -> String {
    c.gabung("\n\n")
}

/// A list item without its number or bullet.
fn butir(p: &str) -> String {
    let t = p.trim();
    super::baca::penanda(t).unwrap_or(t).trim().to_owned()
}

fn dokumen(tables: &[Tabel], lepas: &[String]) -> Result<Dokumen, super::BukanSop> {
    let mut d = Dokumen::default();
    let header = |t: &Tabel| {
        t.iter().position(|r| {
            r.iter().any(judul_kegiatan) && r.iter().any(|c| c.label().contains("pelaksana"))
        })
    };
    let prosedur: Vec<(&Tabel, usize)> = tables
        .iter()
        .filter_map(|t| header(t).map(|h| (t, h)))
        .collect();
    if prosedur.is_empty() {
        let all: Vec<String> = tables
            .iter()
            .flatten()
            .flatten()
            .map(Sel::label)
            .chain(lepas.iter().map(|p| p.trim().to_lowercase()))
            .collect();
        let lain = ["pengertian", "tujuan", "kebijakan"]
            .iter()
            .all(|k| all.iter().any(|t| t.trim_end_matches(':') == *k));
        return Err(if lain {
            super::BukanSop::FormatLain
        } else {
            super::BukanSop::TanpaTabel
        });
    }
    identitas(tables, &mut d);
    let mut pelaksana: Vec<String> = Vec::new();
    let mut halaman: Vec<Halaman> = Vec::new();
    for (t, h) in prosedur {
        let page = halaman.len();
        let (cols, n) = kolom(t, h);
        let (atas, kira) = tata_letak(t);
        let perkiraan = kira.iter().any(|k| *k);
        let digambar = t.iter().flatten().any(|c| !c.gambar.is_empty());
        let catatan = "letak baris tabel prosedur sebagian diperkirakan dari panjang teksnya (tinggi barisnya tidak tetap): periksa `pelaksana`, `keputusan` dan `lanjut`";
        if perkiraan && digambar && !d.catatan.iter().any(|c| c == catatan) {
            d.catatan.push(catatan.into());
        }
        let aktor: Vec<(usize, &Vec<usize>)> = cols
            .iter()
            .filter_map(|(p, g)| match p {
                Peran::Pelaksana(nama) => {
                    let i = match pelaksana.iter().position(|x| x == nama) {
                        Some(i) => i,
                        None => {
                            pelaksana.push(nama.clone());
                            pelaksana.len() - 1
                        }
                    };
                    Some((i, g))
                }
                _ => None,
            })
            .collect();
        d.keterangan |= cols.iter().any(|(p, _)| *p == Peran::Keterangan);
        let cell = |r: &[Sel], want: Peran| -> Option<Sel> {
            let g = cols.iter().find(|(p, _)| *p == want)?.1.first().copied()?;
            at(r, g).filter(|c| !c.lanjutan).cloned()
        };
        let letak = letak_simbol(t, h + n, &atas, &aktor);
        let mut baris_y: Vec<f64> = Vec::new();
        for (ri, r) in t.iter().enumerate().skip(h + n) {
            // a header row repeated below (not a kegiatan that says "kegiatan")
            if r.iter().any(judul_kegiatan) {
                continue;
            }
            let y_row = atas[ri];
            let kegiatan = cell(r, Peran::Kegiatan)
                .map(|c| alinea(&c))
                .unwrap_or_default();
            let mut simbol = Vec::new();
            let kira = letak.iter().any(|l| l.0 == ri && l.4);
            for (i, gs) in &aktor {
                // the shapes drawn in this row and column, wherever anchored
                let mut kinds: Vec<(Kind, Rect)> = letak
                    .iter()
                    .filter(|l| l.0 == ri && l.1 == *i)
                    .map(|l| (l.2, l.3))
                    .collect();
                // and a symbol with no place of its own: a shape without an
                // anchor's offset, a mark or shading in the cell
                let mut seen: Vec<usize> = Vec::new();
                for g in gs.iter() {
                    let Some(c) = at(r, *g) else { continue };
                    if seen.contains(&c.kolom) || c.gambar.iter().any(|b| b.simbol().is_some()) {
                        continue;
                    }
                    seen.push(c.kolom);
                    if c.simbol.is_empty() {
                        kinds.extend(tanda(c).map(|k| (k, Rect::ZERO)));
                    } else {
                        kinds.extend(c.simbol.iter().map(|k| (*k, Rect::ZERO)));
                    }
                }
                // one symbol per actor: a decision over a process drawn beside it
                if let Some((k, kotak)) = kinds
                    .iter()
                    .find(|k| k.0 == Kind::Decision)
                    .or_else(|| kinds.iter().find(|k| k.0 != Kind::Connector))
                {
                    simbol.push((*i, *k, page, *kotak));
                }
            }
            if kegiatan.is_empty() && simbol.is_empty() {
                continue;
            }
            let nomor = cell(r, Peran::No).map(|c| c.teks()).unwrap_or_default();
            let waktu = cell(r, Peran::Waktu).map(|c| c.teks()).unwrap_or_default();
            let mut b = Baris {
                nomor: nomor.trim_end_matches('.').to_owned(),
                kegiatan,
                kelengkapan: isi(cell(r, Peran::Kelengkapan).as_ref()),
                waktu,
                output: isi(cell(r, Peran::Output).as_ref()),
                keterangan: isi(cell(r, Peran::Keterangan).as_ref()),
                simbol,
                ..Baris::default()
            };
            if b.simbol.is_empty() {
                b.catatan
                    .push("tidak ada simbol pada kolom pelaksana; isi `pelaksana`".into());
            } else if kira {
                b.catatan.push(
                    "letak simbolnya diperkirakan dari tinggi teks di atasnya (tidak tertulis tetap di DOCX): periksa `pelaksana`, `keputusan` dan `lanjut`"
                        .into(),
                );
            }
            if b.simbol.iter().any(|s| s.1 == Kind::Decision) {
                b.keputusan = Some(keputusan(&b));
            }
            baris_y.push(y_row);
            d.langkah.push(b);
        }
        baris_y.push(atas[t.len()]);
        halaman.push(gambar(t, h + n, &atas, &aktor, baris_y));
    }
    d.pelaksana = pelaksana;
    arah(&mut d, halaman);
    Ok(d)
}

/// The symbols anchored in the cells of `t`'s rows from `data` on, each
/// in the row and actor column (index into `aktor`) its middle lies in,
/// with its box on the page and whether that place was estimated: Word anchors a shape in the cell the cursor
/// was in, which need not be the cell it is drawn over (a decision grouped
/// with a label left of it is anchored in the label's column; a drafter may
/// anchor every shape of a row in its Kegiatan cell).
fn letak_simbol(
    t: &Tabel,
    data: usize,
    atas: &[f64],
    aktor: &[(usize, &Vec<usize>)],
) -> Vec<(usize, usize, Kind, Rect, bool)> {
    let kolom: Vec<Option<(f64, f64)>> = aktor.iter().map(|(_, gs)| rentang(t, gs)).collect();
    let mut out = Vec::new();
    for (ri, r) in t.iter().enumerate().skip(data) {
        // any cell of the row: a shape may be anchored in the Kegiatan cell
        for c in r {
            let sendiri = aktor.iter().position(|(_, gs)| gs.contains(&c.kolom));
            for (k, b) in c.gambar.iter().filter_map(|b| Some((b.simbol()?, b))) {
                let kotak = b.kotak + kurbo::Vec2::new(c.x.0 + c.margin, atas[ri]);
                let m = kotak.center();
                // impor: the row and pelaksana of a shape from where it is
                // drawn, not the cell its anchor is in
                let baris = (data..t.len())
                    .find(|&j| atas[j] <= m.y && m.y < atas[j + 1])
                    .unwrap_or(ri);
                let kol = kolom
                    .iter()
                    .position(|x| x.is_some_and(|x| x.0 <= m.x && m.x < x.1))
                    .or(sendiri);
                // (a shape over no actor column is no step's symbol)
                if let Some(kol) = kol {
                    out.push((baris, kol, k, kotak, b.kira));
                }
            }
        }
    }
    out
}

/// The left and right edge of the grid columns `gs` (pt).
fn rentang(t: &Tabel, gs: &[usize]) -> Option<(f64, f64)> {
    let x = |g: usize| {
        t.iter()
            .find_map(|r| r.iter().find(|c| c.kolom == g && c.lebar == 1))
            .map(|c| c.x)
    };
    let xs: Vec<(f64, f64)> = gs.iter().filter_map(|g| x(*g)).collect();
    let x0 = xs.iter().map(|x| x.0).reduce(f64::min)?;
    let x1 = xs.iter().map(|x| x.1).reduce(f64::max)?;
    Some((x0, x1))
}

/// The top of each row of `t` (and the table's bottom, last) as Word lays
/// it out: a row is as high as it is set (`w:trHeight`) or as its text
/// needs, whichever is more, or exactly as set when its height rule is
/// `exact` (a LibreOffice table keeps its rows so); and for each row
/// whether its height came from the estimate of its text
/// ([`alinea::tinggi`]).
fn tata_letak(t: &Tabel) -> (Vec<f64>, Vec<bool>) {
    let mut kira = Vec::new();
    let mut atas = vec![0.0];
    for r in t {
        let teks = r
            .iter()
            .map(|c| c.puncak().last().map_or(0.0, |p| p.0))
            .fold(0.0, f64::max);
        let tinggi = match r.first() {
            Some(c) if c.tepat => {
                kira.push(false);
                c.tinggi
            }
            c => {
                let set = c.map_or(0.0, |c| c.tinggi);
                kira.push(teks > set);
                set.max(teks)
            }
        };
        atas.push(atas.last().copied().unwrap_or(0.0) + tinggi);
    }
    (atas, kira)
}

/// One procedure table as the PDF reader would see its page: the page,
/// its columns, and the boxes of the symbols whose lines had no arrowhead
/// (their flow inferred from how the lines meet them).
type Halaman = (super::geom::Sheet, Kolom, Vec<Rect>);

/// The page of one procedure table as the PDF reader would see it, and its
/// columns: the actor columns and the rows' tops from `data` on.
fn gambar(
    t: &Tabel,
    data: usize,
    atas: &[f64],
    aktor: &[(usize, &Vec<usize>)],
    baris: Vec<f64>,
) -> Halaman {
    let sel: Vec<SelGambar> = t
        .iter()
        .enumerate()
        .flat_map(|(ri, r)| {
            r.iter()
                .filter(|c| !c.gambar.is_empty())
                .map(move |c| SelGambar {
                    kotak: Rect::new(c.x.0, atas[ri], c.x.1, atas[ri + 1]),
                    margin: c.margin,
                    bentuk: &c.gambar,
                })
        })
        .collect();
    let aktor = aktor.iter().filter_map(|(_, gs)| rentang(t, gs)).collect();
    let kolom = Kolom {
        aktor,
        atas_gambar: atas.get(data).copied().unwrap_or(0.0),
        baris,
        ..Kolom::default()
    };
    let (sheet, tanpa_kepala) = super::gambar::halaman(&sel);
    (sheet, kolom, tanpa_kepala)
}

/// The flow from the connectors Word draws, traced as on a printed page
/// ([`super::panah`]); a decision whose exits no arrow gives keeps what its
/// Keterangan said.
fn arah(d: &mut Dokumen, halaman: Vec<Halaman>) {
    if !halaman.iter().any(|(s, ..)| !s.ink.is_empty()) {
        return;
    }
    let tertulis: Vec<Option<Cabang>> = d.langkah.iter().map(|b| b.keputusan.clone()).collect();
    let mut sheets = Vec::new();
    let mut pages: Vec<(usize, Kolom)> = Vec::new();
    let mut tanpa_kepala: Vec<(usize, Rect)> = Vec::new();
    for (p, (s, k, t)) in halaman.into_iter().enumerate() {
        sheets.push(s);
        pages.push((p, k));
        tanpa_kepala.extend(t.into_iter().map(|r| (p, r)));
    }
    super::panah::alur(&sheets, &pages, d);
    for b in &mut d.langkah {
        if b.simbol.iter().any(|s| {
            tanpa_kepala
                .iter()
                .any(|(p, r)| *p == s.2 && r.overlaps(s.3))
        }) {
            b.catatan.push(
                "garis keluar tanpa mata panah; arahnya disimpulkan dari letak ujungnya (keluar dari bawah atau sudut belah ketupat, masuk dari atas atau sisi)"
                    .into(),
            );
        }
    }
    for (b, k) in d.langkah.iter_mut().zip(tertulis) {
        let kosong = b
            .keputusan
            .as_ref()
            .is_some_and(|c| c.ya.is_none() && c.tidak.is_none());
        if kosong
            && k.as_ref()
                .is_some_and(|k| k.ya.is_some() || k.tidak.is_some())
        {
            b.keputusan = k;
        }
    }
}

/// A decision's exits from its Keterangan: "Ya: ke langkah 5", "Tidak:
/// kembali ke langkah 2" (the arrows Word draws are not read).
fn keputusan(b: &Baris) -> Cabang {
    let mut c = Cabang::default();
    let text = match &b.keterangan {
        Isi::Teks(t) => vec![t.clone()],
        Isi::Daftar(ts) => ts.clone(),
        Isi::Kosong => Vec::new(),
    };
    for t in text.iter().flat_map(|t| t.split([';', ','])) {
        let l = t.trim().to_lowercase();
        let target = l
            .split(|ch: char| !ch.is_ascii_digit())
            .rfind(|s| !s.is_empty())
            .and_then(|s| s.parse::<usize>().ok())
            .filter(|n| *n > 0)
            .map(|n| n - 1);
        if l.starts_with("ya") {
            c.ya = target;
        } else if l.starts_with("tidak") {
            c.tidak = target;
        }
    }
    if c.ya.is_none() && c.tidak.is_none() {
        c.catatan
            .push("jalan keluar keputusan tidak terbaca dari DOCX; isi `ya` dan `tidak`".into());
    }
    c
}

/// The identity: each label's value in the next cell of its row; the six
/// boxes from the cell under each title; the instansi from the cell left of
/// the identity labels.
fn identitas(tables: &[Tabel], d: &mut Dokumen) {
    let cells = || {
        tables
            .iter()
            .flat_map(|t| t.iter().enumerate().map(move |(i, r)| (t, i, r)))
    };
    let value = |names: &[&str]| -> Option<Sel> {
        cells().find_map(|(_, _, r)| {
            let i = r.iter().position(|c| names.contains(&c.label().as_str()))?;
            r.get(i + 1).cloned()
        })
    };
    let nilai = |names: &[&str]| {
        let t = value(names).map(|c| c.teks()).unwrap_or_default();
        let t = t.trim_start_matches(':').trim();
        Nilai {
            teks: if t == "-" {
                String::new()
            } else {
                t.to_owned()
            },
            catatan: None,
        }
    };
    d.nomor = nilai(&["nomor sop", "no. sop", "nomor"]);
    d.nama = nilai(&["nama sop", "judul sop", "nama prosedur"]);
    d.pembuatan = nilai(&["tanggal pembuatan", "tgl. pembuatan", "tgl pembuatan"]);
    d.revisi = nilai(&["tanggal revisi", "tgl. revisi", "tgl revisi"]);
    d.efektif = nilai(&[
        "tanggal efektif",
        "tgl. efektif",
        "tgl efektif",
        "tanggal pengesahan",
    ]);
    if let Some(c) = value(&["disahkan oleh", "disahkan"]) {
        pengesah(&c.paragraf, d);
    }
    // the instansi: the cell left of the nomor label
    if let Some(c) = cells().find_map(|(t, i, r)| {
        let l = r
            .iter()
            .position(|c| ["nomor sop", "no. sop"].contains(&c.label().as_str()))?;
        let g = r.get(l.checked_sub(1)?)?.kolom;
        // the restart cell above when this one continues a merge
        (0..=i)
            .rev()
            .find_map(|j| at(&t[j], g).filter(|c| !c.lanjutan).cloned())
    }) {
        // read as a printed kop is: its lines and their type sizes (the
        // address and telephone smaller), one line per paragraph
        let lines: Vec<super::geom::Line> = c
            .paragraf
            .iter()
            .zip(&c.ukuran)
            .filter(|(p, _)| !p.trim().is_empty())
            .enumerate()
            .map(|(i, (p, size))| super::geom::Line {
                text: p.trim().to_owned(),
                x0: 0.0,
                x1: 0.0,
                y: i as f64,
                size: *size,
                md: None,
            })
            .collect();
        super::baca::instansi(&lines, d);
    }
    for (k, (_, judul)) in KOTAK.iter().enumerate() {
        let found = cells().find_map(|(t, i, r)| {
            let c = r.iter().find(|c| {
                let l = c.label().replace(" / ", "/");
                judul.contains(&l.as_str())
            })?;
            at(t.get(i + 1)?, c.kolom).cloned()
        });
        if let Some(c) = found {
            d.kotak[k] = c
                .paragraf
                .iter()
                .map(|p| butir(p))
                .filter(|p| !p.is_empty())
                .collect();
        }
    }
}

/// The signature block: a.n. line, jabatan lines, an empty space for the
/// signature, the name, pangkat, NIP.
fn pengesah(ps: &[String], d: &mut Dokumen) {
    let mut ls: Vec<&str> = ps
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .collect();
    if let Some(an) = ambil(&mut ls, atas_nama_of) {
        d.atas_nama = Nilai::dibaca(an.to_owned());
    }
    if let Some(angka) = ambil(&mut ls, nip_of) {
        d.nip = Nilai::dibaca(angka.to_owned());
    }
    if let Some(l) = ls.last()
        && crate::model::pangkat::parse_pangkat(l).is_ok()
    {
        d.pangkat = Nilai::dibaca(l.to_string());
        ls.pop();
    }
    if let Some(n) = ls.pop() {
        d.pengesah = Nilai::dibaca(n.to_string());
    }
    d.jabatan = Nilai::dibaca(ls.join(" "));
}

/// The first line of `ls` that `baca` reads (the a.n. line, the NIP
/// line), taken out of `ls`, and what `baca` read of it.
fn ambil<'a>(ls: &mut Vec<&'a str>, baca: fn(&'a str) -> Option<&'a str>) -> Option<&'a str> {
    let (i, isi) = ls
        .iter()
        .enumerate()
        .find_map(|(i, l)| Some((i, baca(l)?)))?;
    ls.remove(i);
    Some(isi)
}
