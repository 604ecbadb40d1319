//! Reading the form: the identity block and the six boxes of the lembar
//! pengesahan, then the procedure table across pages. Labels are found by
//! their printed words (both sopc's wording and the common variants such as
//! `TGL. PEMBUATAN`); each value is the text of the table cell beside or
//! below its label.
//!
//! Phases: (1) find the page holding the identity labels and read each
//! value from its cell; (2) find each box title and split its cell into
//! entries; (3) on every page with a procedure header, find the columns from
//! the rules crossing the header's lower row, and the rows from the rules
//! crossing the Kegiatan column; (4) hand the symbols of each row to
//! [`super::panah`] to recover the flow.

use super::geom::{self, Kind, Line, Sheet, Word, join, lines, paragraphs, sambung};
use crate::model::tanggal::Tanggal;
use kurbo::{Point, Rect};

/// What an imported SOP says, before it becomes YAML. A note beside a
/// value says how it was inferred (it becomes an `# impor:` comment).
#[derive(Clone, Debug, Default)]
pub struct Dokumen {
    pub nomor: Nilai,
    pub nama: Nilai,
    pub pemerintah: Nilai,
    pub instansi: Nilai,
    pub unit: Vec<String>,
    pub alamat: Nilai,
    pub telepon: Nilai,
    pub pembuatan: Nilai,
    pub revisi: Nilai,
    pub efektif: Nilai,
    pub atas_nama: Nilai,
    pub jabatan: Nilai,
    pub pengesah: Nilai,
    pub pangkat: Nilai,
    pub nip: Nilai,
    /// The six boxes, in the order of [`KOTAK`].
    pub kotak: [Vec<String>; 6],
    pub pelaksana: Vec<String>,
    /// The table has a Keterangan column.
    pub keterangan: bool,
    pub langkah: Vec<Baris>,
    /// Notes about the whole document.
    pub catatan: Vec<String>,
}

/// A value read from the page, and how it was inferred (if it was).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Nilai {
    pub teks: String,
    pub catatan: Option<String>,
}

impl Nilai {
    pub(crate) fn dibaca(teks: String) -> Nilai {
        Nilai {
            teks,
            catatan: None,
        }
    }
    pub fn ada(&self) -> bool {
        !self.teks.is_empty()
    }
}

/// How forms label the nama SOP.
const NAMA_SOP: [&str; 3] = ["nama sop", "judul sop", "nama prosedur"];

/// The six boxes: YAML key and the words of their printed titles.
pub const KOTAK: [(&str, &[&str]); 6] = [
    ("dasar_hukum", &["dasar hukum"]),
    ("kualifikasi_pelaksana", &["kualifikasi pelaksana"]),
    ("keterkaitan", &["keterkaitan"]),
    (
        "peralatan_perlengkapan",
        &[
            "peralatan/perlengkapan",
            "peralatan / perlengkapan",
            "peralatan dan perlengkapan",
            "peralatan",
        ],
    ),
    ("peringatan", &["peringatan"]),
    (
        "pencatatan_pendataan",
        &[
            "pencatatan dan pendataan",
            "pencatatan/pendataan",
            "pencatatan",
        ],
    ),
];

/// One procedure row.
#[derive(Clone, Debug, Default)]
pub struct Baris {
    pub nomor: String,
    pub kegiatan: String,
    pub kelengkapan: Isi,
    pub waktu: String,
    pub output: Isi,
    pub keterangan: Isi,
    /// The symbols of the row: (actor column, kind, page, box).
    pub simbol: Vec<(usize, Kind, usize, Rect)>,
    pub keputusan: Option<Cabang>,
    /// Index of the row this one continues to, when not the next.
    pub lanjut: Option<usize>,
    pub catatan: Vec<String>,
}

/// A cell's text: one paragraph or a numbered/bulleted list.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Isi {
    #[default]
    Kosong,
    Teks(String),
    Daftar(Vec<String>),
}

/// A decision's two exits: target row (None = next row), printed label.
#[derive(Clone, Debug, Default)]
pub struct Cabang {
    pub ya: Option<usize>,
    pub tidak: Option<usize>,
    pub label_ya: Option<String>,
    pub label_tidak: Option<String>,
    /// One exit was the only one read (the form prints one, or its line was
    /// missed) and the other's target is inferred (see `panah`), with a note.
    pub disimpulkan: bool,
    pub catatan: Vec<String>,
}

/// Why a document is not an SOP in the expected form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BukanSop {
    /// No page with the procedure table header (Kegiatan / Pelaksana).
    TanpaTabel,
    /// The puskesmas format: Pengertian / Tujuan / Kebijakan.
    FormatLain,
}

/// Reads the whole document.
pub fn baca(sheets: &[Sheet]) -> Result<Dokumen, BukanSop> {
    let mut d = Dokumen::default();
    let tabel: Vec<usize> = (0..sheets.len())
        .filter(|&i| header(&sheets[i]).is_some())
        .collect();
    if tabel.is_empty() {
        let lain = sheets.iter().any(|s| {
            ["pengertian", "tujuan", "kebijakan"].iter().all(|k| {
                s.find(|t| t.to_lowercase().trim_end_matches(':') == *k)
                    .is_some()
            })
        });
        return Err(if lain {
            BukanSop::FormatLain
        } else {
            BukanSop::TanpaTabel
        });
    }
    if let Some(s) = sheets.iter().find(|s| label(s, &NAMA_SOP).is_some()) {
        identitas(s, &mut d);
        for (i, (_, judul)) in KOTAK.iter().enumerate() {
            d.kotak[i] = kotak(s, judul);
        }
    } else {
        d.catatan
            .push("lembar identitas tidak ditemukan; isi identitas dan keenam kotak".into());
    }
    let pages = prosedur(sheets, &tabel, &mut d);
    super::panah::alur(sheets, &pages, &mut d);
    Ok(d)
}

// --- identity -------------------------------------------------------------

/// Where a label is printed: the line of words whose text starts with one of
/// `names` (case-insensitive), as a box.
fn label(s: &Sheet, names: &[&str]) -> Option<Rect> {
    let starts = |t: &str, n: &str| {
        t == n || t.starts_with(&format!("{n} ")) || t.starts_with(&format!("{n}:"))
    };
    let cells = cells(s);
    // a label on one line, possibly followed by its value in the same cell
    let mut lines: Vec<&Line> = cells.iter().flat_map(|c| c.iter()).collect();
    lines.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x0.total_cmp(&b.x0)));
    for l in lines {
        let t = l.text.to_lowercase().replace("/ ", "/").replace(" /", "/");
        let t = t.trim_end_matches(':').trim();
        if let Some(n) = names.iter().find(|n| starts(t, n)) {
            let w = n.chars().count() as f64 / t.chars().count().max(1) as f64;
            let x1 = l.x0 + (l.x1 - l.x0) * w.min(1.0);
            return Some(Rect::new(l.x0, l.y - l.size, x1, l.y));
        }
    }
    // a label wrapped in a narrow cell ("Tanggal / Pembuatan")
    cells.iter().filter(|c| c.len() <= 3).find_map(|c| {
        let t = join(c).to_lowercase().replace("/ ", "/").replace(" /", "/");
        let t = t.trim_end_matches(':').trim();
        names.contains(&t).then(|| {
            let x0 = c.iter().map(|l| l.x0).fold(f64::MAX, f64::min);
            let x1 = c.iter().map(|l| l.x1).fold(f64::MIN, f64::max);
            Rect::new(x0, c[0].y - c[0].size, x1, c[c.len() - 1].y)
        })
    })
}

/// A page's text cell by cell (each a list of lines), so that a label and
/// its value in two cells are never one line.
fn cells(s: &Sheet) -> Vec<Vec<Line>> {
    let mut cells: Vec<(Rect, Vec<&Word>)> = Vec::new();
    for w in &s.words {
        let c = s.cell_at(w.center());
        match cells
            .iter_mut()
            .find(|(r, _)| (r.x0 - c.x0).abs() < 0.5 && (r.y0 - c.y0).abs() < 0.5)
        {
            Some((_, ws)) => ws.push(w),
            None => cells.push((c, vec![w])),
        }
    }
    cells.into_iter().map(|(_, ws)| lines(ws)).collect()
}

/// The cell to the right of a label's cell, as lines (a leading `:` dropped).
fn value_lines(s: &Sheet, at: Rect) -> Vec<Line> {
    let own = s.cell_at(at.center());
    let beside = |l: &Line| l.x0 > at.x1 + 1.0 && (l.y - at.y1).abs() < 2.0;
    let own_lines = s.lines_in(Rect::new(at.x1 + 1.0, own.y0, own.x1, own.y1));
    let mut ls = if own_lines.iter().any(beside) {
        // label and value share a cell ("Nomor SOP : …"): the value runs
        // from the label's line down to the next label in the same column
        let next = s
            .lines_in(Rect::new(own.x0, at.y1 + 1.0, at.x1 + 1.0, own.y1))
            .into_iter()
            .find(|l| (l.x0 - at.x0).abs() < 3.0)
            .map_or(own.y1, |l| l.y - l.size);
        s.lines_in(Rect::new(at.x1 + 1.0, at.y0 - 1.0, own.x1, next))
    } else {
        s.lines_in(beside_cell(s, own.x1, at.center().y, 1.0))
    };
    for l in ls.iter_mut() {
        let t = l.text.trim_start();
        if let Some(rest) = t.strip_prefix(':') {
            l.text = rest.trim().to_owned();
        }
    }
    ls.retain(|l| !l.text.is_empty());
    ls
}

/// The cell beside the edge `x` at height `y`, to the right (`dir` 1) or
/// left (-1). A sliver between two rules (a gap between two tables, the
/// edge of a cell's fill) is passed over.
fn beside_cell(s: &Sheet, x: f64, y: f64, dir: f64) -> Rect {
    let mut x = x;
    let mut cell = s.cell_at(Point::new(x + 2.0 * dir, y));
    for _ in 0..2 {
        if cell.width() >= 12.0 {
            break;
        }
        x = if dir > 0.0 { cell.x1 } else { cell.x0 };
        cell = s.cell_at(Point::new(x + 2.0 * dir, y));
    }
    cell
}

fn value(s: &Sheet, names: &[&str]) -> Nilai {
    match label(s, names) {
        Some(at) => {
            let t = join(&value_lines(s, at));
            Nilai::dibaca(if t == "-" || t == "–" {
                String::new()
            } else {
                t
            })
        }
        None => Nilai::default(),
    }
}

/// A date printed as a month and a year only ("April 2020", as BPS 203
/// prints its tanggal pembuatan) written as the 1st of that month, which
/// the language needs (a real calendar date), with a note; anything else
/// as read.
fn tanpa_hari(v: Nilai) -> Nilai {
    let t = v.teks.trim();
    let bulan_tahun = t.split_whitespace().count() == 2
        && t.split_whitespace()
            .next()
            .is_some_and(|w| w.chars().all(char::is_alphabetic))
        && Tanggal::parse(t).is_err();
    match Tanggal::parse(&format!("1 {t}")) {
        Ok(_) if bulan_tahun && v.catatan.is_none() => Nilai {
            teks: format!("1 {t}"),
            catatan: Some(format!(
                "dicetak tanpa hari (\"{t}\"); sopc memerlukan tanggal lengkap: ditulis tanggal 1, periksa"
            )),
        },
        _ => v,
    }
}

fn identitas(s: &Sheet, d: &mut Dokumen) {
    d.nomor = value(s, &["nomor sop", "no. sop"]);
    d.nama = value(s, &NAMA_SOP);
    d.pembuatan = tanpa_hari(value(
        s,
        &[
            "tanggal pembuatan",
            "tgl. pembuatan",
            "tgl pembuatan",
            "tanggal dibuat",
        ],
    ));
    d.revisi = tanpa_hari(value(s, &["tanggal revisi", "tgl. revisi", "tgl revisi"]));
    d.efektif = tanpa_hari(value(
        s,
        &[
            "tanggal efektif",
            "tgl. efektif",
            "tgl efektif",
            "tanggal berlaku",
            "tanggal pengesahan",
            "tgl. pengesahan",
        ],
    ));
    if let Some(at) = label(s, &["disahkan oleh", "disahkan"]) {
        pengesah(value_lines(s, at), d);
    }
    if let Some(at) = label(s, &["nomor sop", "no. sop"]) {
        let own = s.cell_at(at.center());
        let kiri = beside_cell(s, own.x0, at.center().y, -1.0);
        if kiri.x1 <= own.x0 + 1.0 && kiri.width() > 20.0 {
            instansi(&s.lines_in(kiri), d);
        }
    }
}

/// The jabatan of an "a.n. …" line of the signature block, if it is one.
pub(super) fn atas_nama_of(line: &str) -> Option<&str> {
    let t = line.to_lowercase();
    let an = t.starts_with("a.n.") || t.starts_with("a.n ") || t.starts_with("an. ");
    an.then(|| {
        line.split_once(' ')
            .map_or("", |(_, r)| r)
            .trim()
            .trim_end_matches(',')
    })
}

/// The number of a "NIP. …" line of the signature block, if it is one.
pub(super) fn nip_of(line: &str) -> Option<&str> {
    line.to_uppercase().starts_with("NIP").then(|| {
        line.get(3..)
            .unwrap_or("")
            .trim_start_matches(['.', ':', ' '])
            .trim()
    })
}

/// The signature block: jabatan lines, the name, pangkat, NIP.
fn pengesah(mut ls: Vec<Line>, d: &mut Dokumen) {
    if let Some((i, an)) = ls
        .iter()
        .enumerate()
        .find_map(|(i, l)| Some((i, atas_nama_of(&l.text)?.to_owned())))
    {
        ls.remove(i);
        d.atas_nama = Nilai::dibaca(an);
    }
    let mut end = ls.len();
    if let Some((i, angka)) = ls
        .iter()
        .enumerate()
        .find_map(|(i, l)| Some((i, nip_of(&l.text)?)))
    {
        d.nip = Nilai::dibaca(angka.to_owned());
        end = i;
    }
    if end > 0 && crate::model::pangkat::parse_pangkat(ls[end - 1].text.trim()).is_ok() {
        d.pangkat = Nilai::dibaca(ls[end - 1].text.trim().to_owned());
        end -= 1;
    }
    // the signature's space parts the jabatan from the name, which may wrap
    let gap = (1..end)
        .map(|i| (i, ls[i].y - ls[i - 1].y))
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .filter(|(i, g)| *g > 2.5 * ls[*i].size);
    let split = match gap {
        Some((i, _)) => i,
        None => end.saturating_sub(1),
    };
    if split < end {
        d.pengesah = Nilai::dibaca(join(&ls[split..end]));
    }
    if split > 0 {
        let j = join(&ls[..split]);
        let j = j.trim_end_matches(',').trim().to_owned();
        d.jabatan = judul_biasa(&j);
    }
}

/// Words an instansi's name starts with (after the pemerintah line).
const INSTANSI: [&str; 22] = [
    "dinas",
    "badan",
    "sekretariat",
    "kantor",
    "inspektorat",
    "rumah sakit",
    "rsud",
    "kecamatan",
    "kelurahan",
    "satuan",
    "biro",
    "bagian",
    "puskesmas",
    "kementerian",
    "lembaga",
    "dewan",
    "komisi",
    "unit",
    "upt",
    "bidang",
    "perusahaan",
    "pusat",
];

/// Unit words: a line starting with one of these names a unit, not the instansi.
const UNIT: [&str; 14] = [
    "sekretariat",
    "bagian",
    "bidang",
    "sub bagian",
    "subbagian",
    "sub bidang",
    "subbidang",
    "seksi",
    "upt",
    "uptd",
    "tim",
    "unit",
    "balai",
    "kelompok",
];

pub(super) fn instansi(lines: &[Line], d: &mut Dokumen) {
    // the address and telephone close the block in smaller type
    let big = lines.iter().map(|l| l.size).fold(0.0, f64::max);
    let alamatnya = |t: &str| {
        let l = t.to_lowercase();
        t.chars().any(|c| c.is_ascii_digit())
            || [
                "jl", "jalan", "komplek", "kompleks", "gedung", "telp", "email", "e-mail",
                "website",
            ]
            .iter()
            .any(|k| l.starts_with(k))
    };
    let (names, small): (Vec<&Line>, Vec<&Line>) = lines
        .iter()
        .partition(|l| l.size >= 0.95 * big || !alamatnya(&l.text));
    let mut alamat = Vec::new();
    for l in small {
        let t = l.text.trim();
        match t.strip_prefix("Telp.").or_else(|| t.strip_prefix("Telp")) {
            Some(tel) => d.telepon = Nilai::dibaca(tel.trim().to_owned()),
            None => alamat.push(l.clone()),
        }
    }
    d.alamat = Nilai::dibaca(join(&alamat));
    let ls: Vec<String> = names
        .iter()
        .map(|l| l.text.trim().to_owned())
        .filter(|t| !t.is_empty())
        .collect();
    let mut i = 0;
    if ls.first().is_some_and(|t| {
        let t = t.to_lowercase();
        ["pemerintah", "pemkab", "pemkot", "pemprov"]
            .iter()
            .any(|p| t.starts_with(p))
    }) {
        // a long name wraps: its next lines until an instansi word
        let mut p = ls[0].clone();
        i = 1;
        while i < ls.len() && !INSTANSI.iter().any(|k| ls[i].to_lowercase().starts_with(k)) {
            p = format!("{p} {}", ls[i]);
            i += 1;
        }
        if i == ls.len() {
            // nothing looked like an instansi: keep the first line alone
            p = ls[0].clone();
            i = 1;
        }
        d.pemerintah = judul_biasa(&p);
    }
    let is_unit = |t: &str| {
        let l = t.to_lowercase();
        UNIT.iter()
            .any(|u| l == *u || l.starts_with(&format!("{u} ")))
    };
    let mut nama = Vec::new();
    while i < ls.len() && (nama.is_empty() || !is_unit(&ls[i])) {
        nama.push(ls[i].clone());
        i += 1;
    }
    d.instansi = judul_biasa(&nama.join(" "));
    // a unit starts with a unit word; a line without one wraps the unit above
    let mut units: Vec<String> = Vec::new();
    for t in &ls[i..] {
        match units.last_mut() {
            Some(u) if !is_unit(t) => *u = format!("{u} {t}"),
            _ => units.push(t.clone()),
        }
    }
    d.unit.extend(units.iter().map(|u| judul_biasa(u).teks));
}

/// Small words that stay lower case when a capitalised line is turned back
/// into a name.
const KECIL: [&str; 12] = [
    "dan", "di", "ke", "dari", "untuk", "atas", "yang", "pada", "serta", "atau", "dengan",
    "tentang",
];

/// A line printed in capitals turned into a name's usual case ("DINAS
/// PERUMAHAN DAN …" → "Dinas Perumahan dan …"), with a note; other text as is.
fn judul_biasa(t: &str) -> Nilai {
    let letters: Vec<char> = t.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.is_empty() || letters.iter().any(|c| c.is_lowercase()) {
        return Nilai::dibaca(t.to_owned());
    }
    let words: Vec<String> = t
        .split(' ')
        .enumerate()
        .map(|(i, w)| {
            let l = w.to_lowercase();
            let vowel = l.chars().any(|c| "aiueo".contains(c));
            if i > 0 && KECIL.contains(&l.as_str()) {
                l
            } else if !vowel {
                w.to_owned()
            } else {
                let mut cs = l.chars();
                cs.next()
                    .map(|c| c.to_uppercase().chain(cs).collect())
                    .unwrap_or_default()
            }
        })
        .collect();
    Nilai {
        teks: words.join(" "),
        catatan: Some(format!(
            "tercetak kapital \"{t}\"; huruf besar-kecil disimpulkan"
        )),
    }
}

// --- the six boxes ----------------------------------------------------------

fn kotak(s: &Sheet, judul: &[&str]) -> Vec<String> {
    let Some(at) = label(s, judul) else {
        return Vec::new();
    };
    let cell = s.cell_at(at.center());
    let mut area = Rect::new(cell.x0, at.y1 + 1.0, cell.x1, cell.y1);
    if s.lines_in(area).is_empty() {
        // the title has a cell of its own; the entries are in the cell below
        let below = s.cell_at(Point::new(at.center().x, cell.y1 + 3.0));
        if below.y0 >= cell.y1 - 1.0 && below.y1 < s.height {
            area = below;
        }
    }
    let words = s.words_in(area);
    kolom_nomor(&words).unwrap_or_else(|| daftar(&lines(words.clone()), &words, (cell.x0, cell.x1)))
}

/// A number or bullet that starts an entry, and the text after it.
pub(super) fn penanda(t: &str) -> Option<&str> {
    let t = t.trim_start();
    for b in ["-", "–", "•", "·", "*"] {
        if let Some(r) = t.strip_prefix(b)
            && (r.is_empty() || r.starts_with(' '))
        {
            return Some(r.trim_start());
        }
    }
    let digits = t.chars().take_while(|c| c.is_ascii_digit()).count();
    let letter =
        usize::from(digits == 0 && t.chars().next().is_some_and(|c| c.is_ascii_lowercase()));
    let n = digits + letter;
    if n == 0 || n > 3 {
        return None;
    }
    let rest = &t[n..];
    // "1," for "1." (a slip of the typist) when a capital starts the entry
    let comma = (digits > 0)
        .then(|| rest.strip_prefix(", "))
        .flatten()
        .filter(|r| r.starts_with(char::is_uppercase))
        .map(|r| &rest[rest.len() - r.len() - 1..]);
    let rest = rest
        .strip_prefix('.')
        .or_else(|| rest.strip_prefix(')'))
        .or(comma)?;
    (rest.is_empty() || rest.starts_with(' ')).then(|| rest.trim_start())
}

/// Lines to entries: a number or bullet starts an entry, a line that
/// stopped well short of the cell's right edge ends one, other lines wrap
/// (joined as the widths of their `words` in the `cell` tell, see
/// [`geom::putus`]).
fn daftar(ls: &[Line], words: &[&Word], cell: (f64, f64)) -> Vec<String> {
    let right = cell.1;
    let ls: Vec<&Line> = ls
        .iter()
        .filter(|l| !matches!(l.text.trim(), "–" | "-"))
        .collect();
    let marked = ls.iter().any(|l| penanda(&l.text).is_some());
    let width = ls
        .iter()
        .map(|l| l.x1)
        .fold(0.0, f64::max)
        .max(right - 20.0);
    let left = ls.first().map_or(0.0, |l| l.x0);
    // the text's right edge keeps the inset its left edge keeps
    let right_text = right - (left - cell.0).max(0.0);
    let mut out: Vec<String> = Vec::new();
    let mut open = false;
    let mut prev: Option<&Line> = None;
    for l in ls {
        let t = l.markdown().trim();
        let (text, new) = match penanda(t) {
            Some(r) => (r, true),
            // in a numbered list every other line wraps; without numbers a
            // line that stopped short ended its entry
            None => (t, !marked && !open),
        };
        if new || out.is_empty() {
            out.push(String::new());
        }
        let putus = match prev {
            Some(a) if !new => geom::putus_antara(a, l, words, right_text - l.x0),
            _ => geom::Putus::Teks,
        };
        if let Some(last) = out.last_mut() {
            geom::sambung_putus(last, text, putus);
        }
        prev = Some(l);
        open = text.is_empty() || l.x1 >= width - 0.25 * (width - left).max(1.0);
    }
    out.iter_mut().for_each(super::geom::selesai);
    out.retain(|e| !e.is_empty());
    out
}

/// Numbers printed in a column of their own, centred on their entries
/// (a list laid out as a table): a number between two text lines is no
/// line's start, so every text line belongs to the nearest number, the
/// boundary lying halfway between two numbers.
fn kolom_nomor(words: &[&Word]) -> Option<Vec<String>> {
    let lone = |w: &Word| penanda(&w.text).is_some_and(str::is_empty);
    let (marks, text): (Vec<&Word>, Vec<&Word>) = words.iter().partition(|w| lone(w));
    let text_x = text.iter().map(|w| w.x0).fold(f64::MAX, f64::min);
    let centred = marks
        .iter()
        .any(|m| !text.iter().any(|w| (w.y - m.y).abs() < 1.0));
    if marks.len() < 2 || !centred || marks.iter().any(|m| m.x1 > text_x + 0.5) {
        return None;
    }
    let mut marks = marks;
    marks.sort_by(|a, b| a.y.total_cmp(&b.y));
    let mut items = vec![String::new(); marks.len()];
    for l in lines(text) {
        let i = marks
            .windows(2)
            .position(|w| l.y < (w[0].y + w[1].y) / 2.0)
            .unwrap_or(marks.len() - 1);
        sambung(&mut items[i], &l.text);
    }
    items.iter_mut().for_each(super::geom::selesai);
    items.retain(|e| !e.is_empty());
    Some(items)
}

// --- the procedure table ---------------------------------------------------------

/// The columns of a procedure table.
#[derive(Clone, Debug, Default)]
pub struct Kolom {
    pub no: Option<(f64, f64)>,
    pub kegiatan: (f64, f64),
    pub aktor: Vec<(f64, f64)>,
    pub nama_aktor: Vec<String>,
    pub kelengkapan: Option<(f64, f64)>,
    pub waktu: Option<(f64, f64)>,
    pub output: Option<(f64, f64)>,
    pub keterangan: Option<(f64, f64)>,
    /// Bottom of the header.
    pub bawah: f64,
    /// Row boundaries below the header.
    pub baris: Vec<f64>,
    /// Where the flowchart may start: the header's bottom, or the top of a
    /// page that continues the table (its connectors stand above the rows).
    pub atas_gambar: f64,
}

/// The header of a procedure table: the `Kegiatan` word and a lower
/// header row (`Waktu`, `Output`, `Kelengkapan`) to its right.
fn header(s: &Sheet) -> Option<(&Word, f64)> {
    s.words
        .iter()
        .filter(|w| {
            let t = w.text.trim_end_matches([':', '.']).to_lowercase();
            t.split('/').any(|p| KEPALA_KEGIATAN.contains(&p))
                // a heading stands alone in its cell, not inside a sentence
                && join(&s.lines_in(s.cell_at(w.center()))).chars().count() <= 30
        })
        .find_map(|keg| {
            let low = s
                .words
                .iter()
                .filter(|w| w.x0 > keg.x1 && (w.y - keg.y).abs() < 40.0)
                .filter(|w| {
                    let t = w.text.to_lowercase();
                    t.starts_with("waktu")
                        || t.starts_with("output")
                        || t.starts_with("kelengkapan")
                })
                .map(|w| w.cy())
                .reduce(f64::max)?;
            Some((keg, low))
        })
}

/// Headings of the Kegiatan column seen on real forms.
const KEPALA_KEGIATAN: [&str; 6] = [
    "kegiatan",
    "aktivitas",
    "uraian",
    "prosedur",
    "langkah",
    "tahapan",
];

fn kolom(s: &Sheet) -> Option<Kolom> {
    let (keg, low) = header(s)?;
    let mut xs: Vec<f64> = s
        .vrules
        .iter()
        .filter(|r| r.spans(low))
        .map(|r| r.at)
        .collect();
    xs.sort_by(f64::total_cmp);
    xs.dedup_by(|a, b| (*a - *b).abs() < 1.5);
    if xs.len() < 4 {
        return None;
    }
    let top = s.rule_above(keg.center()).unwrap_or(keg.y - 30.0);
    let bawah = s.rule_below(Point::new(keg.cx(), low))?;
    let cols: Vec<(f64, f64)> = xs.windows(2).map(|w| (w[0], w[1])).collect();
    let text_of = |c: (f64, f64)| -> String { join(&s.lines_in(Rect::new(c.0, top, c.1, bawah))) };
    let mut k = Kolom {
        bawah,
        ..Kolom::default()
    };
    let ki = cols
        .iter()
        .position(|c| c.0 <= keg.cx() && keg.cx() <= c.1)?;
    k.kegiatan = cols[ki];
    if ki > 0 {
        k.no = Some(cols[ki - 1]);
    }
    // the Mutu Baku group: between the rules left and right of its title
    let mutu = s
        .words
        .iter()
        .find(|w| w.text.eq_ignore_ascii_case("mutu") && w.y > top && w.y < bawah)
        .and_then(|w| Some((s.rule_left(w.center())?, s.rule_right(w.center())?)));
    let mut first_mutu = cols.len();
    for (i, c) in cols.iter().enumerate().skip(ki + 1) {
        let t = text_of(*c).to_lowercase();
        let in_mutu = mutu.is_some_and(|m| m.0 - 1.5 <= c.0 && c.1 <= m.1 + 1.5);
        if t.trim_end_matches('.') == "ket" || t.starts_with("keterangan") {
            k.keterangan = Some(*c);
        } else if t.contains("waktu") {
            k.waktu = Some(*c);
        } else if t.contains("output") || t.contains("out put") || t.starts_with("hasil") {
            k.output = Some(*c);
        } else if in_mutu || t.contains("kelengkapan") || t.contains("persyaratan") {
            if k.kelengkapan.is_none() {
                k.kelengkapan = Some(*c);
            }
        } else if i + 1 == cols.len() && i > first_mutu && t.trim().is_empty() {
            // the last column, after the Mutu Baku group, printed without a
            // heading: what a form keeps there is the Keterangan
            if k.keterangan.is_none() {
                k.keterangan = Some(*c);
            }
        } else {
            k.aktor.push(*c);
            continue;
        }
        first_mutu = first_mutu.min(i);
    }
    // a Mutu Baku column whose heading was not read (a picture's `Wakm`):
    // the one column between Kelengkapan and Output is Waktu
    if let (None, Some(kl), Some(o)) = (k.waktu, k.kelengkapan, k.output)
        && let [c] = cols
            .iter()
            .filter(|c| c.0 >= kl.1 - 0.5 && c.1 <= o.0 + 0.5)
            .collect::<Vec<_>>()[..]
    {
        k.waktu = Some(*c);
    }
    k.aktor
        .retain(|c| c.0 < cols.get(first_mutu).map_or(f64::MAX, |m| m.0));
    if k.no.is_none() {
        nomor_tanpa_judul(s, &mut k);
    }
    k.baris = baris(s, &k, bawah + 1.0);
    k.baris.insert(0, bawah);
    k.baris.dedup_by(|a, b| (*a - *b).abs() < 2.0);
    // the columns' numbers in a row of their own under the header ("(1)
    // (2) …", or "1 2 3 …" plainly as BPS prints them): a row of the
    // header, and where two numbers share an actor column with no rule
    // between them, the column is two
    if let [atas, bawah_nomor, ..] = k.baris[..]
        && let Some(nomor) = nomor_kolom(s, (xs[0], xs[xs.len() - 1]), atas, bawah_nomor)
    {
        k.baris.remove(0);
        k.bawah = bawah_nomor;
        k.aktor = k.aktor.iter().flat_map(|c| dibagi(&nomor, *c)).collect();
    }
    // actor names: the header text under the "Pelaksana" rule (a title
    // alone in its cell, not the word in a column named "Tim Pelaksana")
    let pel = s
        .words
        .iter()
        .filter(|w| w.text.eq_ignore_ascii_case("pelaksana") && w.y > top && w.y < bawah)
        .find(|w| {
            join(&s.lines_in(s.cell_at(w.center())))
                .to_lowercase()
                .trim_end_matches(':')
                == "pelaksana"
        })
        .and_then(|w| s.rule_below(w.center()));
    for c in &k.aktor {
        let from = pel.unwrap_or(top);
        // a group heading over several actor columns ("BPS Provinsi" over
        // its two teams) stands in a cell wider than the column, ended by a
        // rule above the header's bottom: not a name
        let kata = s
            .words_in(Rect::new(c.0, from, c.1, bawah))
            .into_iter()
            .filter(|w| {
                let sel = s.cell_at(w.center());
                sel.width() <= c.1 - c.0 + 3.0 || sel.y1 >= bawah - 2.0
            })
            .collect();
        k.nama_aktor.push(join(&lines(kata)));
    }
    k.atas_gambar = k.bawah;
    Some(k)
}

/// The middles of the columns' numbers when the row from `y0` to `y1`
/// across the table (`x` its left and right edges) holds only those: at
/// least three words, each a number, in brackets or not (in italics `*2*`;
/// 257 prints its `(7)` and `(8)` out of order).
fn nomor_kolom(s: &Sheet, x: (f64, f64), y0: f64, y1: f64) -> Option<Vec<f64>> {
    let ws = s.words_in(Rect::new(x.0, y0, x.1, y1));
    let nomor = ws.len() >= 3
        && ws.iter().all(|w| {
            let t = w.text.trim_matches('*');
            let t = t
                .strip_prefix('(')
                .and_then(|t| t.strip_suffix(')'))
                .unwrap_or(t);
            t.parse::<u32>().is_ok()
        });
    nomor.then(|| ws.iter().map(|w| w.cx()).collect())
}

/// Actor column `c` parted where the columns' numbers under the header
/// (`nomor`, their middles) say it holds two or more columns that no rule
/// parts (002 prints two pelaksana side by side with no rule between them,
/// in the header or below it): each number stands in the middle of its
/// column, so each boundary lies as far past a number as the one before
/// lies short of it.
fn dibagi(nomor: &[f64], c: (f64, f64)) -> Vec<(f64, f64)> {
    let mut angka: Vec<f64> = nomor
        .iter()
        .copied()
        .filter(|x| *x > c.0 && *x < c.1)
        .collect();
    angka.sort_by(f64::total_cmp);
    if angka.len() < 2 {
        return vec![c];
    }
    let mut edges = vec![c.0];
    for x in &angka[..angka.len() - 1] {
        let prev = edges[edges.len() - 1];
        edges.push(2.0 * x - prev);
    }
    edges.push(c.1);
    // a number not in its column's middle: no parting to trust
    if edges.windows(2).any(|w| w[1] - w[0] < 15.0) {
        return vec![c];
    }
    edges.windows(2).map(|w| (w[0], w[1])).collect()
}

/// The row boundaries below `from`: rules crossing the Kegiatan column and
/// going on into the No column or the first actor's, so that a Kegiatan
/// cell split into parts by rules of its own (one part per exit of a
/// decision) stays one row.
fn baris(s: &Sheet, k: &Kolom, from: f64) -> Vec<f64> {
    let cx = (k.kegiatan.0 + k.kegiatan.1) / 2.0;
    let beyond = [k.no.map(|n| (n.0 + n.1) / 2.0), Some(k.kegiatan.1 + 5.0)];
    let mut ys: Vec<f64> = s
        .hrules
        .iter()
        .filter(|r| r.at > from && r.spans(cx) && beyond.iter().flatten().any(|x| r.spans(*x)))
        .map(|r| r.at)
        .collect();
    ys.sort_by(f64::total_cmp);
    ys.dedup_by(|a, b| (*a - *b).abs() < 2.0);
    ys
}

/// A No column under a heading that spans it and Kegiatan ("Uraian
/// Prosedur" over both): a rule below the header parts the Kegiatan column
/// near its left edge, and the row numbers stand left of it.
fn nomor_tanpa_judul(s: &Sheet, k: &mut Kolom) {
    let (x0, x1) = k.kegiatan;
    let Some(at) = s
        .vrules
        .iter()
        .filter(|r| r.from >= k.bawah - 2.0 && r.to - r.from > 10.0)
        .map(|r| r.at)
        .find(|&x| x > x0 + 5.0 && x < x0 + 0.25 * (x1 - x0))
    else {
        return;
    };
    let numbers = s
        .words_in(Rect::new(x0, k.bawah, at, s.height))
        .iter()
        .filter(|w| {
            w.text
                .trim_end_matches('.')
                .chars()
                .all(|c| c.is_ascii_digit())
        })
        .count();
    if numbers >= 2 {
        k.no = Some((x0, at));
        k.kegiatan = (at, x1);
    }
}

/// A page that continues the table without repeating its header: the
/// previous page's columns, when its rules stand at the same places.
fn lanjutan(s: &Sheet, prev: &Kolom) -> Option<Kolom> {
    let mut xs: Vec<f64> = prev.aktor.iter().map(|c| c.0).collect();
    xs.extend([prev.kegiatan.0, prev.kegiatan.1]);
    let found = xs
        .iter()
        .filter(|x| {
            s.vrules
                .iter()
                .any(|r| (r.at - **x).abs() < 1.5 && r.to - r.from > 10.0)
        })
        .count();
    if found + 1 < xs.len() {
        return None;
    }
    let ys = baris(s, prev, f64::MIN);
    if ys.len() < 2 {
        return None;
    }
    Some(Kolom {
        bawah: ys[0],
        baris: ys,
        atas_gambar: 0.0,
        ..prev.clone()
    })
}

/// The words the cells of a page's procedure table hold: all but those of
/// a flowchart label that runs on past the actor columns into a Mutu Baku
/// column (the rest of "Belum lengkap" is not the kelengkapan of its row).
fn isi_sel<'a>(s: &'a Sheet, k: &Kolom) -> Vec<&'a Word> {
    let (Some(first), Some(last)) = (k.aktor.first(), k.aktor.last()) else {
        return s.words.iter().collect();
    };
    let mut spill = vec![false; s.words.len()];
    let mut todo: Vec<usize> = (0..s.words.len())
        .filter(|&i| {
            let w = &s.words[i];
            w.cx() > first.0 && w.cx() < last.1 && w.cy() > k.atas_gambar
        })
        .collect();
    while let Some(i) = todo.pop() {
        let w = &s.words[i];
        for (j, v) in s.words.iter().enumerate() {
            let runs_on = v.cx() > last.1
                && (v.y - w.y).abs() < 1.0
                && (v.size - w.size).abs() < 0.3
                && (-v.size..v.size * 0.8).contains(&(v.x0 - w.x1));
            if runs_on && !spill[j] {
                spill[j] = true;
                todo.push(j);
            }
        }
    }
    s.words
        .iter()
        .zip(spill)
        .filter(|(_, spilt)| !spilt)
        .map(|(w, _)| w)
        .collect()
}

/// The lines of `words` whose middle lies in column `c` between `y0` and `y1`.
fn lines_at(words: &[&Word], c: (f64, f64), y0: f64, y1: f64) -> Vec<Line> {
    let r = Rect::new(c.0, y0, c.1, y1);
    lines(
        words
            .iter()
            .filter(|w| r.contains(w.center()))
            .copied()
            .collect(),
    )
}

fn isi(
    words: &[&Word],
    c: Option<(f64, f64)>,
    y0: f64,
    y1: f64,
    pitch: Option<geom::Jarak>,
) -> Isi {
    let Some(c) = c else {
        return Isi::Kosong;
    };
    let ls = lines_at(words, c, y0, y1);
    match ls.as_slice() {
        [] => Isi::Kosong,
        // a dash alone says "nothing here" (sopc prints `-` as `–`)
        [one] if matches!(one.text.trim(), "-" | "–") => Isi::Teks("-".into()),
        [first, ..] if penanda(&first.text).is_some() => Isi::Daftar(daftar(&ls, words, c)),
        _ => Isi::Teks(paragraphs(&ls, words, c, pitch)),
    }
}

fn teks(words: &[&Word], c: Option<(f64, f64)>, y0: f64, y1: f64) -> String {
    c.map(|c| join(&lines_at(words, c, y0, y1)))
        .unwrap_or_default()
}

/// `prev` goes on with `row`, its part on the next page: every cell's
/// text joined as one wrapped line joins the next (a list's last entry goes
/// on, unless the part starts a new one) — or, where the cell's text on the
/// previous page ended a paragraph (`alinea`, per [`teks_kolom`]), as the
/// next paragraph.
fn lanjutkan(prev: &mut Baris, row: Baris, alinea: [bool; 4]) {
    fn teks(a: &mut String, b: &str, alinea: bool) {
        if b.is_empty() {
        } else if alinea && !a.is_empty() {
            a.push_str("\n\n");
            a.push_str(b);
        } else {
            sambung(a, b);
            geom::selesai(a);
        }
    }
    fn isi(a: &mut Isi, b: Isi, alinea: bool) {
        match (&mut *a, b) {
            (_, Isi::Kosong) => {}
            (Isi::Kosong, b) => *a = b,
            (Isi::Teks(x), Isi::Teks(y)) => teks(x, &y, alinea),
            (Isi::Daftar(xs), Isi::Teks(y)) => match xs.last_mut() {
                Some(x) => teks(x, &y, alinea),
                None => xs.push(y),
            },
            (Isi::Daftar(xs), Isi::Daftar(ys)) => xs.extend(ys),
            (Isi::Teks(x), Isi::Daftar(ys)) => {
                *a = Isi::Daftar(std::iter::once(std::mem::take(x)).chain(ys).collect());
            }
        }
    }
    let [kegiatan, kelengkapan, output, keterangan] = alinea;
    teks(&mut prev.kegiatan, &row.kegiatan, kegiatan);
    teks(&mut prev.waktu, &row.waktu, false);
    isi(&mut prev.kelengkapan, row.kelengkapan, kelengkapan);
    isi(&mut prev.output, row.output, output);
    isi(&mut prev.keterangan, row.keterangan, keterangan);
}

/// The columns of a procedure table whose cells hold paragraphs:
/// Kegiatan, Kelengkapan, Output, Keterangan.
fn teks_kolom(k: &Kolom) -> [Option<(f64, f64)>; 4] {
    [Some(k.kegiatan), k.kelengkapan, k.output, k.keterangan]
}

/// The last line of each text cell ([`teks_kolom`]) of a row's part, with
/// the right edge of the cell's text.
type Akhir = [Option<(Line, f64)>; 4];

fn akhir_sel(words: &[&Word], k: &Kolom, y0: f64, y1: f64) -> Akhir {
    teks_kolom(k).map(|c| {
        let c = c?;
        let ls = lines_at(words, c, y0, y1);
        let right = geom::tepi_kanan(&ls, c);
        Some((ls.last()?.clone(), right))
    })
}

/// Per text cell of a row's part that starts a page, whether the row's
/// text on the page before (`akhir`) ended a paragraph there: its last
/// line stopped short of what the first word here needed.
fn alinea_baru(akhir: &Akhir, words: &[&Word], k: &Kolom, y0: f64, y1: f64) -> [bool; 4] {
    let kolom = teks_kolom(k);
    std::array::from_fn(|i| {
        let (Some((a, right)), Some(c)) = (&akhir[i], kolom[i]) else {
            return false;
        };
        let ls = lines_at(words, c, y0, y1);
        ls.first()
            .is_some_and(|b| geom::berhenti(a, geom::kata_awal(b, words), *right))
    })
}

/// The distance of two lines of one paragraph in the text cells of a
/// page's procedure table (see [`geom::Jarak`]).
fn jarak_baris(words: &[&Word], k: &Kolom) -> Option<geom::Jarak> {
    let columns = teks_kolom(k);
    let cells: Vec<Vec<Line>> = k
        .baris
        .windows(2)
        .flat_map(|w| {
            columns
                .iter()
                .flatten()
                .map(move |&c| lines_at(words, c, w[0], w[1]))
        })
        .collect();
    geom::Jarak::of(cells.iter().map(Vec::as_slice))
}

fn prosedur(sheets: &[Sheet], halaman: &[usize], d: &mut Dokumen) -> Vec<(usize, Kolom)> {
    let mut first: Option<Kolom> = None;
    let mut pages: Vec<(usize, Kolom)> = Vec::new();
    let start = halaman.first().copied().unwrap_or(sheets.len());
    for (p, sheet) in sheets.iter().enumerate().skip(start) {
        let k = match (kolom(sheet), pages.last()) {
            (Some(k), _) => k,
            (None, Some((_, prev))) => match lanjutan(sheet, prev) {
                Some(k) => k,
                None => continue,
            },
            (None, None) => continue,
        };
        if first.is_none() {
            d.pelaksana = k.nama_aktor.clone();
            d.keterangan = k.keterangan.is_some();
            first = Some(k.clone());
        }
        pages.push((p, k));
    }
    // the last lines of the last row read, for a row a page break cuts
    let mut akhir: Akhir = Default::default();
    for (p, k) in &pages {
        let s = &sheets[*p];
        let same_actors = k.nama_aktor.len() == d.pelaksana.len();
        if !same_actors {
            d.catatan.push(format!(
                "halaman {} memiliki {} kolom pelaksana, halaman pertama tabel {}",
                p + 1,
                k.nama_aktor.len(),
                d.pelaksana.len()
            ));
        }
        let words = isi_sel(s, k);
        let pitch = jarak_baris(&words, k);
        for w in k.baris.windows(2) {
            let (y0, y1) = (w[0], w[1]);
            if y1 - y0 < 4.0 {
                continue;
            }
            let nomor = teks(&words, k.no, y0, y1);
            let kegiatan = paragraphs(
                &lines_at(&words, k.kegiatan, y0, y1),
                &words,
                k.kegiatan,
                pitch,
            );
            let simbol: Vec<(usize, Kind, usize, Rect)> = s
                .shapes
                .iter()
                .filter(|sh| sh.kind != Kind::Connector)
                .filter(|sh| y0 < sh.rect.center().y && sh.rect.center().y < y1)
                .filter_map(|sh| {
                    let x = sh.rect.center().x;
                    let a = k.aktor.iter().position(|c| c.0 < x && x < c.1)?;
                    Some((
                        a.min(d.pelaksana.len().saturating_sub(1)),
                        sh.kind,
                        *p,
                        sh.rect,
                    ))
                })
                .collect();
            if kegiatan.is_empty() && simbol.is_empty() {
                continue;
            }
            let baris_jumlah = kegiatan.is_empty() && nomor.to_uppercase().contains("JUMLAH");
            if baris_jumlah || (nomor.is_empty() && kegiatan.to_uppercase() == "JUMLAH") {
                continue;
            }
            let row = Baris {
                nomor: nomor.trim_end_matches('.').to_owned(),
                kegiatan,
                kelengkapan: isi(&words, k.kelengkapan, y0, y1, pitch),
                waktu: teks(&words, k.waktu, y0, y1),
                output: isi(&words, k.output, y0, y1, pitch),
                keterangan: isi(&words, k.keterangan, y0, y1, pitch),
                simbol,
                ..Baris::default()
            };
            // a row broken over a page continues without a number
            if row.nomor.is_empty()
                && w[0] == k.baris[0]
                && !d.langkah.is_empty()
                && row.simbol.is_empty()
            {
                if let Some(prev) = d.langkah.last_mut() {
                    let alinea = alinea_baru(&akhir, &words, k, y0, y1);
                    lanjutkan(prev, row, alinea);
                }
                akhir = akhir_sel(&words, k, y0, y1);
                continue;
            }
            akhir = akhir_sel(&words, k, y0, y1);
            d.langkah.push(row);
        }
    }
    pages
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::impor::geom::Word;

    fn line(text: &str, x0: f64, x1: f64, y: f64) -> Line {
        Line {
            text: text.into(),
            x0,
            x1,
            y,
            size: 9.0,
            md: None,
        }
    }

    fn word(text: &str, x0: f64, y: f64) -> Word {
        Word {
            text: text.into(),
            x0,
            x1: x0 + 6.0 * text.len() as f64,
            y,
            size: 9.0,
            md: None,
        }
    }

    #[test]
    fn numbers_and_bullets_start_entries() {
        assert_eq!(penanda("1. Undang-Undang"), Some("Undang-Undang"));
        assert_eq!(penanda("12) Peraturan"), Some("Peraturan"));
        assert_eq!(penanda("a. huruf"), Some("huruf"));
        assert_eq!(penanda("– satu"), Some("satu"));
        assert_eq!(penanda("4."), Some(""));
        assert_eq!(penanda("2 menit"), None);
        assert_eq!(penanda("1.5 jam"), None);
        assert_eq!(penanda("1, Undang-Undang"), Some("Undang-Undang"));
        assert_eq!(penanda("2, 3 dan 4"), None);
        assert_eq!(penanda("Undang-Undang"), None);
    }

    #[test]
    fn a_numbered_list_joins_its_wrapped_lines() {
        let ls = [
            line(
                "1. Peraturan Pemerintah Nomor 28 Tahun 2012 tentang",
                10.0,
                300.0,
                10.0,
            ),
            line("Kearsipan;", 20.0, 60.0, 20.0),
            line("2. Komputer", 10.0, 60.0, 30.0),
        ];
        assert_eq!(
            daftar(&ls, &[], (0.0, 300.0)),
            [
                "Peraturan Pemerintah Nomor 28 Tahun 2012 tentang Kearsipan;",
                "Komputer"
            ]
        );
    }

    #[test]
    fn without_numbers_a_short_line_ends_its_entry() {
        let ls = [
            line(
                "Apabila SOP ini tidak dilaksanakan, pelayanan kepada",
                10.0,
                298.0,
                10.0,
            ),
            line("tamu terlambat", 10.0, 80.0, 20.0),
            line("Buku tamu", 10.0, 60.0, 30.0),
        ];
        assert_eq!(
            daftar(&ls, &[], (0.0, 300.0)),
            [
                "Apabila SOP ini tidak dilaksanakan, pelayanan kepada tamu terlambat",
                "Buku tamu"
            ]
        );
    }

    #[test]
    fn numbers_centred_on_their_entries_take_the_lines_around_them() {
        // "4." sits between the two lines of its entry, "5." on its one line
        let (w1, n4, w2, n5, w3) = (
            word("Peraturan", 30.0, 100.0),
            word("4.", 10.0, 105.0),
            word("Kearsipan;", 30.0, 110.0),
            word("5.", 10.0, 125.0),
            word("Komputer", 30.0, 125.0),
        );
        let ws = [&w1, &n4, &w2, &n5, &w3];
        assert_eq!(
            kolom_nomor(&ws),
            Some(vec![
                "Peraturan Kearsipan;".to_owned(),
                "Komputer".to_owned()
            ])
        );
        // numbers on the lines they start are the usual list, read line by line
        let n1 = word("1.", 10.0, 100.0);
        assert_eq!(kolom_nomor(&[&n1, &w1, &n5, &w3]), None);
    }

    #[test]
    fn a_name_printed_in_capitals_gets_its_usual_case_with_a_note() {
        let n = judul_biasa("DINAS PERUMAHAN, KAWASAN PERMUKIMAN DAN PERTANAHAN");
        assert_eq!(n.teks, "Dinas Perumahan, Kawasan Permukiman dan Pertanahan");
        assert!(n.catatan.is_some());
        assert_eq!(
            judul_biasa("KEPALA BPS PROVINSI").teks,
            "Kepala BPS Provinsi"
        );
        let as_printed = judul_biasa("Kepala BPS Provinsi Bengkulu");
        assert_eq!(
            (as_printed.teks.as_str(), as_printed.catatan),
            ("Kepala BPS Provinsi Bengkulu", None)
        );
    }

    #[test]
    fn a_row_cut_by_a_page_break_keeps_every_cell_of_its_second_part() {
        let mut prev = Baris {
            kegiatan: "Memeriksa kelengkapan".into(),
            kelengkapan: Isi::Daftar(vec!["Surat".into(), "KTP".into()]),
            output: Isi::Teks("Berkas yang su-".into()),
            ..Baris::default()
        };
        lanjutkan(
            &mut prev,
            Baris {
                kegiatan: "berkas permohonan".into(),
                kelengkapan: Isi::Daftar(vec!["KK".into()]),
                output: Isi::Teks("dah diperiksa".into()),
                keterangan: Isi::Teks("Lihat SOP lain".into()),
                ..Baris::default()
            },
            [false; 4],
        );
        assert_eq!(prev.kegiatan, "Memeriksa kelengkapan berkas permohonan");
        assert_eq!(
            prev.kelengkapan,
            Isi::Daftar(vec!["Surat".into(), "KTP".into(), "KK".into()])
        );
        assert_eq!(prev.output, Isi::Teks("Berkas yang sudah diperiksa".into()));
        assert_eq!(prev.keterangan, Isi::Teks("Lihat SOP lain".into()));
    }
}
