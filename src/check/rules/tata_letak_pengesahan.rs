//! `tata-letak-pengesahan`: a lembar pengesahan that does not fit one sheet
//! at the smallest type size it prints at (9 pt), so that a box continues
//! on the next sheet.
//!
//! The check never lays text out (that is the renderer's, with Typst); it
//! estimates the printed height the way a typist would: each item wrapped
//! into lines of its box's width at an average advance per character wide
//! enough for Arial-like faces, every line one line pitch, every cell its
//! padding. The estimate leans towards warning: a sheet it calls full may
//! still fit by a line or two, a sheet the renderer splits is always named.

use crate::check::{Ctx, Rule};
use crate::diag::Msg;
use crate::diag::Severity::Warning;
use crate::model::{DisahkanOleh, Sop};
use crate::msg;
use crate::paper::{Sheet, mm};
use crate::rule_doc;
use crate::source::{Sp, Span};

pub static RULE: Rule = Rule {
    code: "tata-letak-pengesahan",
    severity: Warning,
    title: Msg::fixed(
        "lembar pengesahan tidak muat pada satu lembar",
        "the lembar pengesahan does not fit one sheet",
    ),
    sumber: Some("Permendagri 52/2011, Lampiran (lembar pengesahan)"),
    doc: rule_doc! {
        apa: {
            id: "Lembar pengesahan — identitas, tanda tangan dan enam kotak — yang tidak muat pada satu lembar kertas bahkan dengan huruf 9 pt, ukuran terkecil yang masih terbaca. sopc lalu mencetak sisa kotak itu pada lembar berikutnya di bawah judul \"(lanjutan)\".",
            en: "A lembar pengesahan — identity, signature and the six boxes — that does not fit one sheet of paper even at 9 pt, the smallest legible type size. sopc then prints the rest of that box on the next sheet under \"(lanjutan)\".",
        },
        mengapa: {
            id: "Lembar pengesahan ditandatangani sebagai satu lembar: kotak yang berlanjut ke lembar kedua mudah terpisah dari tanda tangannya. Huruf yang lebih kecil dari 9 pt tidak lagi terbaca pada cetakan, jadi sopc tidak mengecilkannya lebih jauh.",
            en: "The lembar pengesahan is signed as one sheet: a box continued on a second sheet is easily separated from its signature. Type smaller than 9 pt no longer reads well in print, so sopc does not shrink it further.",
        },
        contoh: {
            id: r#"```yaml
dasar_hukum:   # dua belas peraturan, masing-masing dengan nomor Lembaran Negara dan Tambahan Lembaran Negara
  - Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah (Lembaran Negara Republik Indonesia Tahun 2014 Nomor 244, Tambahan Lembaran Negara Republik Indonesia Nomor 5587)
  - …
```"#,
            en: r#"```yaml
dasar_hukum:   # twelve regulations, each with its Lembaran Negara and Tambahan Lembaran Negara numbers
  - Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah (Lembaran Negara Republik Indonesia Tahun 2014 Nomor 244, Tambahan Lembaran Negara Republik Indonesia Nomor 5587)
  - …
```"#,
        },
        perbaikan: {
            id: "Persingkat isi kotak yang disebut (misalnya tanpa nomor Lembaran Negara), sebut hanya peraturan pokoknya, atau cetak pada kertas yang lebih besar (`[cetak] kertas` di `sopc.toml`).",
            en: "Shorten the box named (for example without the Lembaran Negara numbers), cite only the main regulations, or print on larger paper (`[cetak] kertas` in `sopc.toml`).",
        },
    },
};

/// The smallest type size of the lembar (pt); the template never goes below.
const UKURAN: f64 = 9.0;
/// Baseline to baseline of two lines (pt): a cap height and the leading,
/// which the template narrows to 0.45 em at 9 pt before it splits.
const BARIS: f64 = 1.15 * UKURAN;
/// The space between a box's heading and its list (pt): Typst's block
/// spacing.
const ANTARA: f64 = 1.2 * UKURAN;
/// The first line of a cell (pt): its cap height, no leading.
const HURUF_BESAR: f64 = 0.75 * UKURAN;

/// A cell of `n` lines, padded by `inset` above and below.
fn sel(n: usize, inset: f64) -> f64 {
    2.0 * inset + HURUF_BESAR + n.saturating_sub(1) as f64 * BARIS
}

fn inset() -> f64 {
    mm(2.2)
}

/// The advance of a character in em: Arial's metrics (which Liberation
/// Sans and Arimo share), so the estimate holds for the Arial-like faces
/// Pemda templates use and leaves room to spare with the narrower serif.
fn advance(c: char) -> f64 {
    match c {
        'i' | 'j' | 'l' => 0.222,
        ' ' | 'f' | 't' | 'I' | '.' | ',' | ':' | ';' | '/' | '!' | '\'' => 0.278,
        'r' | '-' | '(' | ')' | '"' => 0.333,
        'c' | 'k' | 's' | 'v' | 'x' | 'y' | 'z' | 'J' => 0.5,
        'L' => 0.556,
        'F' | 'T' | 'Z' => 0.611,
        'A' | 'B' | 'E' | 'K' | 'P' | 'S' | 'V' | 'X' | 'Y' => 0.667,
        'w' | 'C' | 'D' | 'H' | 'N' | 'R' | 'U' => 0.722,
        'G' | 'O' | 'Q' => 0.778,
        'm' | 'M' => 0.833,
        'W' => 0.944,
        _ => 0.556,
    }
}

/// The width of `s` in pt at the lembar's smallest size.
fn lebar_teks(s: &str) -> f64 {
    s.chars().map(advance).sum::<f64>() * UKURAN
}

/// Lines `text` takes in a column `lebar` pt wide: words wrap whole, a word
/// wider than the column breaks where it must.
fn baris(text: &str, lebar: f64) -> usize {
    let spasi = lebar_teks(" ");
    let mut n = 0;
    for paragraf in text.lines() {
        // the width used on the current line
        let mut isi = 0.0;
        n += 1;
        for kata in paragraf.split_whitespace() {
            let k = lebar_teks(kata);
            let perlu = if isi == 0.0 { k } else { isi + spasi + k };
            if perlu <= lebar {
                isi = perlu;
                continue;
            }
            let penuh = (k / lebar).ceil().max(1.0);
            n += usize::from(isi > 0.0) + penuh as usize - 1;
            isi = k - (penuh - 1.0) * lebar;
        }
    }
    n.max(1)
}

/// The height of one of the six boxes: its heading, then its items.
fn tinggi_kotak(butir: &[&str], lebar: f64) -> f64 {
    // the item's number and the gap after it
    let teks = lebar - 2.0 * inset() - 1.5 * UKURAN;
    let n: usize = butir.iter().map(|b| baris(b, teks)).sum();
    // the heading, then the list a block's spacing below it
    sel(n.max(1), inset()) + HURUF_BESAR + mm(0.8) + ANTARA
}

fn teks(s: Option<&Sp<String>>) -> &str {
    s.map_or("", |s| s.value.as_str())
}

/// The identity part: the instansi block beside the rows of nomor, dates,
/// signature and nama.
fn tinggi_atas(sop: &Sop, lebar: f64) -> f64 {
    let pad = mm(2.0);
    let nilai = lebar * 0.42 - 2.0 * inset();
    let tanda = sop.disahkan_oleh.as_ref().map(|d| &d.value);
    let tanda_baris =
        |f: fn(&DisahkanOleh) -> Option<&Sp<String>>| tanda.map_or(1, |d| baris(teks(f(d)), nilai));
    let disahkan = tanda_baris(|d| d.jabatan.as_ref())
        + tanda_baris(|d| d.nama.as_ref())
        + tanda_baris(|d| d.pangkat.as_ref())
        + 1
        + tanda.map_or(0, |d| usize::from(d.atas_nama.is_some()));
    let nama = baris(teks(sop.nama.as_ref()), nilai);
    let kanan = 4.0 * sel(1, pad) + sel(disahkan, pad) + mm(20.0) + sel(nama, pad);
    let ins = sop.instansi.as_ref().map(|i| &i.value);
    let kiri_lebar = lebar * 0.4 - 2.0 * inset();
    let kiri = ins.map_or(0.0, |i| {
        let logo = if i.logo.is_some() { mm(27.0) } else { 0.0 };
        let unit = i.unit.as_ref().map_or(0, |u| u.len());
        let n = baris(teks(i.pemerintah.as_ref()), kiri_lebar)
            + baris(teks(i.nama.as_ref()), kiri_lebar)
            + unit
            + baris(teks(i.alamat.as_ref()), kiri_lebar)
            + 1;
        logo + sel(n, pad) * 1.08
    });
    kanan.max(kiri)
}

/// One of the six boxes as the rule sees it.
struct KotakTeks<'a> {
    key: &'static str,
    judul: &'static str,
    span: Option<Span>,
    butir: Vec<&'a str>,
}

/// The six boxes in print order.
fn kotak(sop: &Sop) -> [KotakTeks<'_>; 6] {
    fn daftar<'a>(
        key: &'static str,
        judul: &'static str,
        l: &'a Option<Sp<Vec<Sp<String>>>>,
    ) -> KotakTeks<'a> {
        KotakTeks {
            key,
            judul,
            span: l.as_ref().map(|l| l.span),
            butir: l
                .iter()
                .flat_map(|l| l.iter())
                .map(|s| s.value.as_str())
                .collect(),
        }
    }
    let terkait = KotakTeks {
        key: "keterkaitan",
        judul: "Keterkaitan",
        span: sop.keterkaitan.as_ref().map(|l| l.span),
        butir: sop
            .keterkaitan
            .iter()
            .flat_map(|l| l.iter())
            .map(|k| k.value.text())
            .collect(),
    };
    [
        daftar("dasar_hukum", "Dasar Hukum", &sop.dasar_hukum),
        daftar(
            "kualifikasi_pelaksana",
            "Kualifikasi Pelaksana",
            &sop.kualifikasi_pelaksana,
        ),
        terkait,
        daftar(
            "peralatan_perlengkapan",
            "Peralatan/Perlengkapan",
            &sop.peralatan_perlengkapan,
        ),
        daftar("peringatan", "Peringatan", &sop.peringatan),
        daftar(
            "pencatatan_pendataan",
            "Pencatatan dan Pendataan",
            &sop.pencatatan_pendataan,
        ),
    ]
}

/// The first box that crosses the bottom of sheet one at 9 pt: its YAML
/// key, printed title and span.
pub fn meluap(sop: &Sop, sheet: &Sheet) -> Option<(&'static str, &'static str, Option<Span>)> {
    let lebar = sheet.lebar_isi();
    let mut sisa = sheet.tinggi_isi() - tinggi_atas(sop, lebar);
    let tinggi = |k: &KotakTeks| tinggi_kotak(&k.butir, lebar / 2.0);
    for pasangan in kotak(sop).chunks(2) {
        let h = pasangan.iter().map(tinggi).fold(0.0, f64::max);
        if h > sisa {
            let k = pasangan
                .iter()
                .find(|k| tinggi(k) > sisa)
                .expect("the tallest box of the row is taller than the room");
            return Some((k.key, k.judul, k.span));
        }
        sisa -= h;
    }
    None
}

pub fn check(cx: &mut Ctx) {
    let kertas = cx.config.cetak.kertas.unwrap_or_default();
    let orientasi = cx.config.cetak.orientasi.unwrap_or_default();
    let sheet = Sheet::of(kertas, orientasi);
    let Some((key, judul, span)) = meluap(cx.sop, &sheet) else {
        return;
    };
    let span = span.unwrap_or_else(|| cx.doc_start());
    cx.report(
        &RULE,
        span,
        msg!(
            "kotak {judul} (`{key}`) tidak muat pada lembar pengesahan kertas {kertas:?} {orientasi:?}, bahkan dengan huruf 9 pt; sisanya dicetak pada lembar berikutnya",
            "the {judul} box (`{key}`) does not fit the lembar pengesahan on {kertas:?} {orientasi:?} paper, even at 9 pt; the rest prints on the next sheet"
        ),
    )
    .help = Some(msg!(
        "persingkat isinya (misalnya tanpa nomor Lembaran Negara) atau sebut hanya peraturan pokoknya",
        "shorten it (for example without the Lembaran Negara numbers) or cite only the main regulations"
    ));
}
#[cfg(test)]
mod tests {
    use crate::check::testing::*;

    /// `VALID` with `n` dasar hukum citing their Lembaran Negara numbers.
    fn dasar_hukum(n: usize) -> String {
        let dasar: String = (0..n)
            .map(|i| {
                format!(
                    "  - Undang-Undang Nomor {} Tahun {} tentang Pemerintahan Daerah dan Pelayanan Publik di Lingkungan Pemerintah Provinsi dan Kabupaten/Kota (Lembaran Negara Republik Indonesia Tahun {} Nomor {}, Tambahan Lembaran Negara Republik Indonesia Nomor {})\n",
                    i + 1,
                    2000 + i,
                    2000 + i,
                    100 + i,
                    5000 + i
                )
            })
            .collect();
        valid_with(
            "  - Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik\n  - Peraturan Menteri Dalam Negeri Nomor 52 Tahun 2011 tentang Standar Operasional Prosedur di Lingkungan Pemerintah Provinsi dan Kabupaten/Kota\n",
            &dasar,
        )
    }

    #[test]
    fn twelve_long_citations_overflow_the_dasar_hukum_box() {
        let src = dasar_hukum(12);
        assert_eq!(
            lines_of(&src, "tata-letak-pengesahan"),
            vec![line_of(&src, "Undang-Undang Nomor 1 Tahun")]
        );
        assert!(lines_of(&dasar_hukum(3), "tata-letak-pengesahan").is_empty());
        assert!(lines_of(VALID, "tata-letak-pengesahan").is_empty());
    }

    #[test]
    fn the_box_named_is_the_one_crossing_the_bottom() {
        // a long last box: the first four fit, pencatatan does not
        let catatan: String = (0..40)
            .map(|i| format!("  - Catatan {i} disimpan dalam arsip\n"))
            .collect();
        let src = valid_with("  - Buku agenda surat masuk\n", &catatan);
        assert_eq!(
            lines_of(&src, "tata-letak-pengesahan"),
            vec![line_of(&src, "Catatan 0")]
        );
    }

    #[test]
    fn lines_wrap_at_words() {
        use super::{baris, lebar_teks};
        let lebar = lebar_teks("satu dua");
        assert_eq!(baris("", lebar), 1);
        assert_eq!(baris("satu dua", lebar), 1);
        assert_eq!(baris("satu dua tiga", lebar), 2);
        assert_eq!(baris("satu\ndua", lebar), 2);
        // a word longer than the line breaks where it must
        assert_eq!(baris(&"satu".repeat(5), lebar), 3);
        // capitals are wider than small letters
        assert!(lebar_teks("NOMOR") > lebar_teks("nomor"));
    }

    #[test]
    fn output_is_pinned() {
        snapshot(&super::RULE, &dasar_hukum(12));
    }
}
