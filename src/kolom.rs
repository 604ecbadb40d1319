//! The procedure table's columns sized for an SOP's own words: the column
//! headings (the defaults or the SOP's `judul_kolom`: "Kelengkapan" never
//! breaks, "Persyaratan/Kelengkapan" after its slash), Waktu ("10 menit"
//! on one line), the widest word of each pelaksana header — measured with
//! the embedded faces' advance widths at the sizes the template prints —
//! and the one header size of the table (9 pt, 8 pt when a pelaksana word
//! fits only so). The renderer lays the table out with it and prints the
//! headings as it marks them; `tata-letak-kolom` asks it
//! (`check::rules::tata_letak::tata` hands it the SOP's words), so the
//! warning and the print agree. Imports only the leaves `paper`, `huruf`
//! and `patah`.

use crate::huruf::{lebar_miring, lebar_teks};
use crate::paper::{ACTOR_MAX, Columns, Isi, mm};
use crate::patah;
use serde::Serialize;

/// Type size of the table's text (pt), as `templates/prosedur.typ` sets it.
pub const HURUF_ISI: f64 = 9.0;
/// Header sizes (pt) tried in turn; every header prints at the one chosen.
const HURUF_KEPALA: [f64; 2] = [9.0, 8.0];
/// Left plus right inset of a cell (`sel-inset` in the template).
const INSET: f64 = 2.0 * (1.6 * 72.0 / 25.4);
/// Room a list takes from its items' lines: the number and the space after
/// it (pt, at the table's 9 pt; a dash takes less).
pub const INDEN_DAFTAR: f64 = 12.0;
/// Narrowest line worth breaking words for (pt): deeper in a list than that
/// a word overflows whole rather than make the row a line per syllable. A
/// text column never narrows below it (see [`tata`]).
pub const BARIS_MIN: f64 = 27.0;
/// Characters past which a cell's text is a paragraph: its column keeps
/// its usual width (see [`Isi::paragraf`]).
const PARAGRAF: usize = 120;
/// Widest a word of a cell widens its column (mm): past it (a URL, a file
/// name) the word breaks.
const KATA_MAKS: f64 = 25.0;
/// Widest a heading word widens its column (mm): past it the word breaks
/// after its separators, or is hyphenated.
const JUDUL_MAKS: f64 = 40.0;

/// The headings of the table's columns: the SOP's `judul_kolom` over the
/// defaults. In a [`Tata`], as printed: break marks where a word must
/// break.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Judul {
    pub no: String,
    pub kegiatan: String,
    pub pelaksana: String,
    pub mutu_baku: String,
    pub kelengkapan: String,
    pub waktu: String,
    pub output: String,
    pub keterangan: String,
}

impl Default for Judul {
    fn default() -> Judul {
        Judul {
            no: "No".into(),
            kegiatan: "Kegiatan".into(),
            pelaksana: "Pelaksana".into(),
            mutu_baku: "Mutu Baku".into(),
            kelengkapan: "Kelengkapan".into(),
            waktu: "Waktu".into(),
            output: "Output".into(),
            keterangan: "Keterangan".into(),
        }
    }
}

impl Judul {
    /// Every heading with its `judul_kolom` key, mutable.
    pub fn semua(&mut self) -> [(&'static str, &mut String); 8] {
        [
            ("no", &mut self.no),
            ("kegiatan", &mut self.kegiatan),
            ("pelaksana", &mut self.pelaksana),
            ("mutu_baku", &mut self.mutu_baku),
            ("kelengkapan", &mut self.kelengkapan),
            ("waktu", &mut self.waktu),
            ("output", &mut self.output),
            ("keterangan", &mut self.keterangan),
        ]
    }
}

/// The columns of one SOP's table.
#[derive(Clone, Debug, PartialEq)]
pub struct Tata {
    pub kolom: Columns,
    /// Type size of every header (pt).
    pub huruf_kepala: f64,
    /// Pelaksana header words wider than their column even at the smaller
    /// header size: (index of the pelaksana, the word). They print
    /// hyphenated.
    pub sempit: Vec<(usize, String)>,
    /// The pelaksana headers as printed (see [`kepala`]).
    pub kepala: Vec<String>,
    /// The column headings as printed (see [`kepala`]).
    pub judul: Judul,
    /// Heading words wider than their column or span even so: (the
    /// `judul_kolom` key, the word). They print hyphenated.
    pub judul_sempit: Vec<(&'static str, String)>,
    /// The family the words were measured in.
    pub huruf: Option<String>,
}

impl Tata {
    /// The width (pt) a line of text has in table column `i`.
    pub fn lebar_dalam(&self, i: usize) -> f64 {
        self.kolom.widths[i] - INSET
    }
}

/// The words of one SOP that size its table.
#[derive(Clone, Debug, Default)]
pub struct Kata<'a> {
    /// The pelaksana, one per actor column.
    pub pelaksana: Vec<&'a str>,
    /// Every step's `waktu` as written.
    pub waktu: Vec<&'a str>,
    /// Whether the table has a Keterangan column.
    pub keterangan: bool,
    /// Whether every cell of that column is empty.
    pub keterangan_kosong: bool,
    /// The cells of Kelengkapan, Output and Keterangan: each text, and
    /// whether it is a list item.
    pub sel: [Vec<(&'a str, bool)>; 3],
    /// The column headings.
    pub judul: Judul,
    /// The actor column width (pt) the flowchart's decision labels ask
    /// for, to stand beside a line down a column's middle
    /// ([`kolom_label`] of the widest; 0: no decision): granted
    /// where Kegiatan keeps its readable width.
    pub label: f64,
    /// The actor column width (pt) the flowchart asks for a plan that
    /// broke a drawing rule in narrower columns ([`Isi::bagan`]; 0: none).
    pub bagan: f64,
}

/// Type size (pt) of the flowchart's decision labels, in italics, as
/// `templates/prosedur.typ` prints them (issue 11: no smaller than 8 pt).
pub const HURUF_LABEL: f64 = 8.0;
/// Least gap (pt) between a label and the line it stands beside.
pub const LABEL_JARAK_GARIS: f64 = mm(0.45);
/// Gap (pt) a label keeps from the rules of its cell.
pub const LABEL_JARAK_SEL: f64 = mm(0.4);

/// Width (pt) of a label set as the lines of `teks`: its widest line, as
/// the wider of the embedded italics sets it (an installed family stands in
/// with Liberation Sans's, Arial's, widths), and a hair of slack.
pub fn lebar_label(teks: &str) -> f64 {
    teks.lines()
        .map(|l| lebar_miring(l, HURUF_LABEL))
        .fold(0.0, f64::max)
        + 0.5
}

/// A label of several words on two lines, broken at the space that evens
/// them best (`Belum\nlengkap`); `None` for one word.
pub fn dua_baris(teks: &str) -> Option<String> {
    teks.match_indices(' ')
        .map(|(i, _)| format!("{}\n{}", teks[..i].trim_end(), teks[i + 1..].trim_start()))
        .min_by(|a, b| lebar_label(a).total_cmp(&lebar_label(b)))
}

/// The narrowest actor column (pt) in which label `teks`, on one line or
/// two, stands beside a line down the column's middle: what the columns
/// grant the labels where Kegiatan can spare it.
pub fn kolom_label(teks: &str) -> f64 {
    let lebar = dua_baris(teks)
        .map_or(f64::INFINITY, |t| lebar_label(&t))
        .min(lebar_label(teks));
    2.0 * (lebar + LABEL_JARAK_GARIS + LABEL_JARAK_SEL)
}

/// The columns for a table of `aktor` actor columns with these words,
/// `lebar` pt wide, in the family `huruf` (`None`: the embedded default).
pub fn tata(kata: &Kata, aktor: usize, lebar: f64, huruf: Option<&str>) -> Tata {
    let nama = &kata.pelaksana;
    let keterangan = kata.keterangan;
    let waktu = kata
        .waktu
        .iter()
        // "10 menit" on one line
        .map(|w| lebar_teks(w.trim(), HURUF_ISI, false, huruf) + INSET)
        .fold(0.0, f64::max)
        // a long Waktu text wraps rather than eat Kegiatan
        .min(mm(30.0));
    // what Waktu holds when the actor columns need its room: "menit"
    let waktu_kata = kata
        .waktu
        .iter()
        .flat_map(|w| w.split_whitespace())
        .map(|k| lebar_teks(k, HURUF_ISI, false, huruf) + INSET)
        .fold(0.0, f64::max)
        .min(mm(KATA_MAKS));
    // the widest word of a column's cells, a list item's with its number
    let terlebar = |sel: &[(&str, bool)]| {
        sel.iter()
            .flat_map(|&(t, daftar)| t.split_whitespace().map(move |k| (k, daftar)))
            .map(|(k, daftar)| {
                let inden = if daftar { INDEN_DAFTAR } else { 0.0 };
                lebar_teks(k.trim_matches('*'), HURUF_ISI, false, huruf) + INSET + inden
            })
            .fold(0.0, f64::max)
            .min(mm(KATA_MAKS))
    };
    let kata_isi = [
        terlebar(&kata.sel[0]),
        0.0,
        terlebar(&kata.sel[1]),
        terlebar(&kata.sel[2]),
    ];
    // the narrowest a column of text takes where its words still break
    // (a list's items have less room): what it keeps when the actor
    // columns need room
    // (and at least its widest piece that cannot break: `SIMSPH` has no
    // second syllable)
    let lantai = |sel: &[(&str, bool)]| match sel.iter().any(|&(_, daftar)| daftar) {
        _ if sel.iter().all(|(t, _)| t.trim().is_empty()) => 0.0,
        true => BARIS_MIN + INDEN_DAFTAR + INSET,
        false => (BARIS_MIN + INSET).max(
            sel.iter()
                .map(|&(t, _)| utuh_terlebar(t, huruf) + INSET)
                .fold(0.0, f64::max)
                .min(mm(KATA_MAKS)),
        ),
    };
    let lantai = [
        lantai(&kata.sel[0]),
        lantai(&kata.sel[1]),
        lantai(&kata.sel[2]),
    ];
    let paragraf = |sel: &[(&str, bool)]| sel.iter().any(|(t, _)| t.chars().count() > PARAGRAF);
    let paragraf = [
        paragraf(&kata.sel[0]),
        false,
        paragraf(&kata.sel[1]),
        paragraf(&kata.sel[2]),
    ];
    let mut hasil = None;
    for ukuran in HURUF_KEPALA {
        let lebar_kata = |k: &str| lebar_teks(k, ukuran, true, huruf) + INSET;
        // a heading breaks between its words and after the separators of
        // a joined word ("Persyaratan/|Kelengkapan"): its widest piece is
        // what its column must hold
        let judul = |teks: &str| {
            kata_kepala(teks)
                .iter()
                .flat_map(|k| patah::potongan(k).into_iter().map(lebar_kata))
                .fold(0.0, f64::max)
                .min(mm(JUDUL_MAKS))
        };
        let j = &kata.judul;
        let isi = Isi {
            // a joined name wider than the widest column breaks after its
            // separators: its widest piece is what must fit
            aktor: nama
                .iter()
                .flat_map(|n| kata_kepala(n))
                .map(|k| match lebar_kata(&k) {
                    w if w <= mm(ACTOR_MAX) => w,
                    _ => patah::potongan(&k)
                        .into_iter()
                        .map(lebar_kata)
                        .fold(0.0, f64::max),
                })
                .fold(0.0, f64::max)
                // "Pelaksana" over all the actor columns
                .max(judul(&j.pelaksana) / aktor.max(1) as f64),
            kolom: [
                judul(&j.kelengkapan).max(lantai[0]),
                judul(&j.waktu).max(waktu_kata),
                judul(&j.output).max(lantai[1]),
                judul(&j.keterangan).max(lantai[2]),
            ],
            waktu,
            paragraf,
            no: judul(&j.no),
            keterangan_kosong: kata.keterangan_kosong,
            kata: kata_isi,
            bagan: kata.bagan,
        };
        // the header words decide the header size; the labels only widen
        let kepala = isi.aktor;
        let isi = Isi {
            aktor: kepala.max(kata.label.min(mm(ACTOR_MAX))),
            ..isi
        };
        let kolom = Columns::untuk(lebar, aktor, keterangan, &isi);
        // the smaller size also where the larger headings leave the
        // actors narrower than their minimum
        let muat = kolom.actor_width + 0.01 >= kepala && !kolom.narrow;
        hasil = Some((kolom, ukuran));
        if muat {
            break;
        }
    }
    let (kolom, huruf_kepala) = hasil.expect("at least one header size");
    let sempit = nama
        .iter()
        .enumerate()
        .flat_map(|(i, n)| kata_kepala(n).into_iter().map(move |k| (i, k)))
        // a group too wide for the column breaks between its words, a
        // joined name after its separators: only a piece wider than the
        // column is hyphenated
        .flat_map(|(i, k)| k.split(' ').map(|w| (i, w.to_owned())).collect::<Vec<_>>())
        .filter(|(_, k)| {
            let lebih = |p: &str| {
                lebar_teks(p, huruf_kepala, true, huruf) + INSET > kolom.actor_width + 0.01
            };
            patah::potongan(k).into_iter().any(lebih)
        })
        .collect();
    let kepala = nama
        .iter()
        .map(|n| kepala(n, kolom.actor_width, huruf_kepala, huruf))
        .collect();
    let (judul, judul_sempit) = judul(&kata.judul, &kolom, huruf_kepala, huruf);
    Tata {
        kolom,
        huruf_kepala,
        sempit,
        kepala,
        judul,
        judul_sempit,
        huruf: huruf.map(str::to_owned),
    }
}

/// The widest piece of `teks` that no break mark splits, as the cells
/// print it: every word broken wherever [`patah`] may, a piece ending in
/// a soft hyphen with its hyphen.
fn utuh_terlebar(teks: &str, huruf: Option<&str>) -> f64 {
    let ditandai = patah::patah_bila(teks.trim_matches('*'), |_| false);
    ditandai
        .split_whitespace()
        .flat_map(|k| k.split_inclusive([patah::SHY, patah::ZWSP]))
        .map(|p| match p.strip_suffix(patah::SHY) {
            Some(p) => lebar_teks(&format!("{p}-"), HURUF_ISI, false, huruf),
            None => lebar_teks(p.trim_end_matches(patah::ZWSP), HURUF_ISI, false, huruf),
        })
        .fold(0.0, f64::max)
}

/// The column headings as printed in `kolom`, and their words wider than
/// their column or span (which print hyphenated).
fn judul(
    judul: &Judul,
    kolom: &Columns,
    ukuran: f64,
    huruf: Option<&str>,
) -> (Judul, Vec<(&'static str, String)>) {
    let w = &kolom.widths;
    let m = kolom.actors;
    let lebar = |key: &str| match key {
        "no" => w[0],
        "kegiatan" => w[1],
        "pelaksana" => kolom.actor_width * m as f64,
        "mutu_baku" => w[2 + m..5 + m].iter().sum(),
        "kelengkapan" => w[2 + m],
        "waktu" => w[3 + m],
        "output" => w[4 + m],
        // no Keterangan column: its heading is not printed
        _ => w.get(5 + m).copied().unwrap_or(f64::INFINITY),
    };
    let lebih = |p: &str, lebar: f64| lebar_teks(p, ukuran, true, huruf) + INSET > lebar + 0.01;
    let mut cetak = judul.clone();
    let mut sempit = Vec::new();
    for (key, teks) in cetak.semua() {
        let lebar = lebar(key);
        sempit.extend(
            kata_kepala(teks)
                .into_iter()
                .flat_map(|k| k.split(' ').map(str::to_owned).collect::<Vec<_>>())
                .filter(|k| patah::potongan(k).into_iter().any(|p| lebih(p, lebar)))
                .map(|k| (key, k)),
        );
        *teks = kepala(teks, lebar, ukuran, huruf);
    }
    (cetak, sempit)
}

/// A pelaksana header as printed: kept together where a line must not
/// break, long words hyphenated only when they do not fit `lebar` pt.
fn kepala(nama: &str, lebar: f64, ukuran: f64, huruf: Option<&str>) -> String {
    patah::kepala(nama, |k| {
        lebar_teks(k, ukuran, true, huruf) + INSET <= lebar + 0.01
    })
}

/// The pieces of a header that stay on one line when they can ("Petugas
/// 1", "(Satpo, PP)", "Ka.Subbag/Kasi"), as the reader sees them.
fn kata_kepala(nama: &str) -> Vec<String> {
    patah::kepala(nama, |_| true)
        .split(' ')
        .filter(|k| !k.is_empty())
        .map(|k| k.replace('\u{A0}', " "))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::paper::{Kertas, Orientasi, Sheet};

    fn sop<'a>(pelaksana: &[&'a str], waktu: &'a str) -> Kata<'a> {
        Kata {
            pelaksana: pelaksana.to_vec(),
            waktu: vec![waktu],
            keterangan: false,
            keterangan_kosong: false,
            sel: Default::default(),
            judul: Judul::default(),
            label: 0.0,
            bagan: 0.0,
        }
    }

    #[test]
    fn actor_columns_take_their_longest_word() {
        let s = sop(&["Pengadministrasi Umum", "Kasubbag"], "10 menit");
        let lebar = Sheet::of(Kertas::F4, Orientasi::Lanskap).lebar_isi();
        let t = tata(&s, 2, lebar, None);
        let kata = lebar_teks("Pengadministrasi", 9.0, true, None) + INSET;
        assert_eq!(t.huruf_kepala, 9.0);
        assert!(
            t.kolom.actor_width >= kata,
            "{} < {kata}",
            t.kolom.actor_width
        );
        assert!(t.sempit.is_empty());
    }

    #[test]
    fn headers_shrink_then_break_when_nothing_fits() {
        let nama = ["Pengadministrasi Umum"; 7].map(str::to_owned);
        let nama: Vec<String> = nama
            .iter()
            .enumerate()
            .map(|(i, n)| format!("{n} {i}"))
            .collect();
        let nama: Vec<&str> = nama.iter().map(String::as_str).collect();
        let s = sop(&nama, "10 menit");
        let f4 = Sheet::of(Kertas::F4, Orientasi::Lanskap).lebar_isi();
        let t = tata(&s, 7, f4, None);
        assert_eq!(t.huruf_kepala, 8.0);
        assert_eq!(t.sempit.len(), 7, "{:?}", t.sempit);
        assert_eq!(t.sempit[0], (0, "Pengadministrasi".to_owned()));
        let h = kepala(nama[0], t.kolom.actor_width, 8.0, None);
        assert!(h.contains(patah::SHY), "{h:?}");
        // a joined name whose pieces fit breaks after its slashes, unflagged
        let s = sop(
            &["Adc/Agendaris/Bagian", "Pengadministrasi Umum"],
            "10 menit",
        );
        let t = tata(&s, 7, f4, None);
        assert_eq!(t.sempit, [(1, "Pengadministrasi".to_owned())]);
        assert_eq!(
            t.kepala[0].replace(patah::ZWSP, "|"),
            "Adc/|Agendaris/|Bagian"
        );
    }

    #[test]
    fn column_headings_widen_their_column_or_break_after_a_slash() {
        let potret = Sheet::of(Kertas::A4, Orientasi::Potret).lebar_isi();
        let mut s = sop(&["Kasubbag", "Staf"], "10 menit");
        let polos = tata(&s, 2, potret, None);
        s.judul.no = "Nomor".into();
        s.judul.kelengkapan = "Persyaratan/Kelengkapan".into();
        s.judul.pelaksana = "Pelaksana Kegiatan".into();
        let t = tata(&s, 2, potret, None);
        // "Nomor" widens No; the joined heading asks for its widest piece
        let nomor = lebar_teks("Nomor", 9.0, true, None) + INSET;
        assert!(polos.kolom.widths[0] < nomor && t.kolom.widths[0] >= nomor);
        let utuh = lebar_teks("Persyaratan/Kelengkapan", 9.0, true, None) + INSET;
        assert!(t.kolom.widths[4] < utuh);
        assert!(t.kolom.widths[4] >= lebar_teks("Persyaratan/", 9.0, true, None) + INSET);
        // printed: a break after the slash, none inside the words
        assert_eq!(
            t.judul.kelengkapan.replace(patah::ZWSP, "|"),
            "Persyaratan/|Kelengkapan"
        );
        assert_eq!(t.judul.no, "Nomor");
        assert_eq!(t.judul.pelaksana, "Pelaksana Kegiatan");
        assert!(t.judul_sempit.is_empty());
        // a word wider than any column a heading gets is hyphenated, and
        // named
        s.judul.output = "Keluaran".repeat(6);
        let t = tata(&s, 2, potret, None);
        assert_eq!(t.judul_sempit, [("output", "Keluaran".repeat(6))]);
        assert!(t.judul.output.contains(patah::SHY));
    }

    #[test]
    fn a_cells_long_word_widens_its_column_where_there_is_room() {
        let potret = Sheet::of(Kertas::A4, Orientasi::Potret).lebar_isi();
        let mut s = sop(&["Kasubbag", "Staf"], "10 menit");
        let polos = tata(&s, 2, potret, None);
        s.sel[1] = vec![("Form Rencana Aksi dan Pengukuran", true), ("Berkas", true)];
        let t = tata(&s, 2, potret, None);
        let kata = lebar_teks("Pengukuran", HURUF_ISI, false, None) + INSET + INDEN_DAFTAR;
        assert!(polos.kolom.widths[6] < kata);
        assert!(
            (t.kolom.widths[6] - kata).abs() < 1e-6,
            "{:?}",
            t.kolom.widths
        );
        // a URL asks no more than 25 mm: it breaks after its slashes
        s.sel[1] = vec![(
            "https://jdih.bengkulukota.go.id/produk_hukum/2024.pdf",
            false,
        )];
        let t = tata(&s, 2, potret, None);
        assert!(t.kolom.widths[6] <= mm(KATA_MAKS) + 1e-6);
    }

    #[test]
    fn five_pelaksana_keep_their_minimum_on_a4_portrait_seven_warn() {
        use crate::paper::{ACTOR_MIN, KEGIATAN_MIN_SEMPIT, SIMBOL_MIN};
        let potret = Sheet::of(Kertas::A4, Orientasi::Potret).lebar_isi();
        let nama = [
            "Kepala",
            "Kasubbag",
            "Staf",
            "Operator",
            "Bendahara",
            "Sopir",
            "Satpam",
        ];
        let mut s = sop(&nama[..5], "10 menit");
        s.keterangan = true;
        s.sel[2] = vec![("Diparaf", false)];
        let t = tata(&s, 5, potret, None);
        let w = &t.kolom.widths;
        assert!(!t.kolom.narrow, "{w:?}");
        assert!(w[2..7].iter().all(|&a| a >= mm(ACTOR_MIN) - 1e-6), "{w:?}");
        assert!(w[1] >= mm(KEGIATAN_MIN_SEMPIT) - 1e-6, "{w:?}");
        // the headings still print whole, at 8 pt
        assert_eq!(t.huruf_kepala, 8.0);
        assert!(t.judul_sempit.is_empty(), "{:?}", t.judul_sempit);
        assert!((w.iter().sum::<f64>() - potret).abs() < 1e-6);
        // seven: nothing fits; the text keeps its room and the narrower
        // actor columns still hold a capsule
        let s = sop(&nama, "10 menit");
        let t = tata(&s, 7, potret, None);
        assert!(t.kolom.narrow);
        assert!(t.kolom.symbol_width >= mm(SIMBOL_MIN) - 1e-6);
        assert!(t.kolom.widths[1] >= mm(KEGIATAN_MIN_SEMPIT) - 1e-6);
        // a paragraph in a Mutu Baku column keeps that column's width
        let mut s = sop(&nama[..5], "10 menit");
        (s.keterangan, s.sel[2]) = (true, vec![("Diparaf", false)]);
        let pendek = tata(&s, 5, potret, None);
        let panjang = "Registrasi dilakukan melalui buku tamu PST online ".repeat(3);
        s.sel[1] = vec![(&panjang, false)];
        let t = tata(&s, 5, potret, None);
        let output = |t: &Tata| t.kolom.widths[9];
        assert!(
            output(&t) > output(&pendek) + mm(3.0),
            "{:?}",
            t.kolom.widths
        );
    }

    #[test]
    fn the_default_headings_ask_what_the_columns_of_no_words_assume() {
        // `Columns::compute` lays out an SOP of the default headings
        let judul = Judul::default();
        let kolom = [
            judul.kelengkapan,
            judul.waktu,
            judul.output,
            judul.keterangan,
        ];
        for (teks, bawaan) in kolom.iter().zip(crate::paper::JUDUL_BAWAAN) {
            let lebar = lebar_teks(teks, HURUF_KEPALA[1], true, None) + INSET;
            assert!(
                (lebar..lebar + mm(0.1)).contains(&mm(bawaan)),
                "{teks}: {} mm",
                lebar * 25.4 / 72.0
            );
        }
    }

    #[test]
    fn text_columns_keep_their_headers_whole_on_a4_portrait() {
        let s = sop(&["Kasubbag"], "10 menit");
        let potret = Sheet::of(Kertas::A4, Orientasi::Potret).lebar_isi();
        let t = tata(&s, 1, potret, None);
        let n = t.kolom.widths.len();
        let kelengkapan = lebar_teks("Kelengkapan", 9.0, true, None) + INSET;
        assert!(t.kolom.widths[n - 3] >= kelengkapan);
        assert!((t.kolom.widths.iter().sum::<f64>() - potret).abs() < 1e-6);
    }
}
