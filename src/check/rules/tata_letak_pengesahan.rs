//! `tata-letak-pengesahan`: a lembar pengesahan that does not fit one sheet
//! at the smallest type size it prints at (9 pt), so that a box continues
//! on the next sheet.
//!
//! The check never lays text out (that is the renderer's, with Typst); it
//! measures the printed height as the template sets it: each item wrapped
//! into lines of its box's width with the advance widths of the face
//! `[cetak] huruf` selects (the embedded sans, whose metrics are Arial's,
//! or the serif), every line that face's cap height plus the leading,
//! every cell its padding, the room left to sign. Tested to warn exactly
//! when the printed lembar needs a second sheet, line by line, in both
//! faces (`tests/formulir.rs`).

use crate::check::{Ctx, Rule};
use crate::diag::Msg;
use crate::diag::Severity::Warning;
use crate::model::{DisahkanOleh, Sop};
use crate::msg;
use crate::paper::{Sheet, lembar, mm};
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
/// The leading between two lines (pt), which the template narrows to
/// 0.45 em at 9 pt before it splits; the signing block keeps 0.5 em.
const LEADING: f64 = 0.45 * UKURAN;
const LEADING_TANDA: f64 = 0.5 * UKURAN;
/// The space between a box's heading and its list (pt): Typst's block
/// spacing.
const ANTARA: f64 = 1.2 * UKURAN;
/// The gap between an item's number and its text (pt; the template's
/// `body-indent`).
const INDEN_BUTIR: f64 = lembar::INDEN_BUTIR * UKURAN;
/// The space left to sign in (mm), as the template keeps it.
const RUANG_TANDA: f64 = 20.0;

/// The lembar measured in the face `[cetak] huruf` selects: the embedded
/// sans (Arial's metrics, which stand for an installed family too) or the
/// serif, whose narrower letters and shorter capitals fit more on a sheet.
struct Ukur<'a> {
    huruf: Option<&'a str>,
    /// The height of a line before its leading (pt): the cap height.
    kapital: f64,
}

impl<'a> Ukur<'a> {
    fn new(huruf: Option<&'a str>) -> Ukur<'a> {
        Ukur {
            huruf,
            kapital: crate::huruf::tinggi_kapital(huruf) * UKURAN,
        }
    }

    /// The width of `s` in pt at the lembar's smallest size.
    fn lebar(&self, s: &str, tebal: bool) -> f64 {
        crate::huruf::lebar_teks(s, UKURAN, tebal, self.huruf)
    }

    /// Lines `text` takes in a column `lebar` pt wide: words wrap whole,
    /// a word wider than the column breaks where it must.
    fn baris(&self, text: &str, lebar: f64, tebal: bool) -> usize {
        let spasi = self.lebar(" ", tebal);
        let mut n = 0;
        for paragraf in text.lines() {
            // the width used on the current line
            let mut isi = 0.0;
            n += 1;
            for kata in paragraf.split_whitespace() {
                let k = self.lebar(kata, tebal);
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

    /// `n` lines `leading` apart.
    fn tinggi(&self, n: usize, leading: f64) -> f64 {
        self.kapital + n.saturating_sub(1) as f64 * (self.kapital + leading)
    }

    /// The height of one of the six boxes, `lebar` pt wide: its heading,
    /// then its numbered items.
    fn kotak(&self, judul: &str, butir: &[&str], lebar: f64) -> f64 {
        let dalam = lebar - 2.0 * lembar::INSET;
        let nomor = self.lebar(&format!("{}.", butir.len().max(1)), false) + INDEN_BUTIR;
        let kepala = self.baris(&format!("{}:", judul.to_uppercase()), dalam, true);
        let n: usize = butir
            .iter()
            .map(|b| self.baris(b, dalam - nomor, false))
            .sum();
        2.0 * lembar::INSET
            + self.tinggi(kepala, LEADING)
            + mm(0.8)
            + ANTARA
            + self.tinggi(n.max(1), LEADING)
    }
}

fn teks(s: Option<&Sp<String>>) -> &str {
    s.map_or("", |s| s.value.as_str())
}

/// The identity part, `lebar` pt wide: the instansi block beside the rows
/// of nomor, dates, signature and nama.
fn tinggi_atas(sop: &Sop, lebar: f64, u: &Ukur) -> f64 {
    let pad = mm(2.0);
    let label = lebar * lembar::KOLOM_LABEL - 2.0 * lembar::INSET;
    // the value after ": "
    let nilai =
        lebar * lembar::KOLOM_NILAI - 2.0 * lembar::INSET - u.lebar(":", false) - INDEN_BUTIR;
    let baris = |l: &str, v: &str, tebal: bool| {
        2.0 * pad
            + u.tinggi(
                u.baris(l, label, false).max(u.baris(v, nilai, tebal)),
                LEADING,
            )
    };
    // a date ("8 Juli 2020") never wraps
    let kanan = baris("Nomor SOP", teks(sop.nomor.as_ref()), false)
        + baris("Tanggal Pembuatan", "", false)
        + baris("Tanggal Revisi", "", false)
        + baris("Tanggal Efektif", "", false)
        + baris("Nama SOP", teks(sop.nama.as_ref()), true)
        + tanda_tangan(sop, nilai, u, pad);
    let ins = sop.instansi.as_ref().map(|i| &i.value);
    let kiri_lebar = lebar * lembar::KOLOM_INSTANSI - 2.0 * lembar::INSET;
    let kiri = ins.map_or(0.0, |i| {
        let logo = if i.logo.is_some() { mm(27.0) } else { 0.0 };
        let unit = i.unit.as_ref().map_or(0, |u| u.len());
        let n = u.baris(teks(i.pemerintah.as_ref()), kiri_lebar, true)
            + u.baris(teks(i.nama.as_ref()), kiri_lebar, true)
            + unit
            + u.baris(teks(i.alamat.as_ref()), kiri_lebar, false)
            + 1;
        logo + (2.0 * pad + u.tinggi(n, 0.5 * UKURAN)) * 1.08
    });
    kanan.max(kiri)
}

/// The signing row: a.n., jabatan, the room to sign, nama, pangkat, NIP.
fn tanda_tangan(sop: &Sop, nilai: f64, u: &Ukur, pad: f64) -> f64 {
    let tanda = sop.disahkan_oleh.as_ref().map(|d| &d.value);
    let baris = |f: fn(&DisahkanOleh) -> Option<&Sp<String>>, tebal: bool| {
        tanda.map_or(1, |d| u.baris(teks(f(d)), nilai, tebal))
    };
    let atas = tanda.map_or(0, |d| usize::from(d.atas_nama.is_some()))
        + baris(|d| d.jabatan.as_ref(), false);
    let pangkat = tanda.map_or(0, |d| usize::from(d.pangkat.is_some()));
    let bawah = baris(|d| d.nama.as_ref(), true) + pangkat + 1;
    // the room to sign parts two paragraphs, a block's spacing apart
    2.0 * pad
        + u.tinggi(atas, LEADING_TANDA)
        + mm(RUANG_TANDA)
        + ANTARA
        + u.tinggi(bawah, LEADING_TANDA)
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

/// The first box that crosses the bottom of sheet one at 9 pt, measured
/// in the face `huruf` selects (`None`: the embedded default): its YAML
/// key, printed title and span.
pub fn meluap(
    sop: &Sop,
    sheet: &Sheet,
    huruf: Option<&str>,
) -> Option<(&'static str, &'static str, Option<Span>)> {
    let u = Ukur::new(huruf);
    let lebar = sheet.lebar_isi();
    let mut sisa = sheet.tinggi_isi() - tinggi_atas(sop, lebar, &u);
    let tinggi = |k: &KotakTeks| u.kotak(k.judul, &k.butir, lebar / 2.0);
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
    let huruf = cx.config.cetak.huruf.clone();
    let Some((key, judul, span)) = meluap(cx.sop, &sheet, huruf.as_deref()) else {
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
        let u = super::Ukur::new(None);
        let lebar = u.lebar("satu dua", false);
        let baris = |t: &str| u.baris(t, lebar, false);
        assert_eq!(baris(""), 1);
        assert_eq!(baris("satu dua"), 1);
        assert_eq!(baris("satu dua tiga"), 2);
        assert_eq!(baris("satu\ndua"), 2);
        // a word longer than the line breaks where it must
        assert_eq!(baris(&"satu".repeat(5)), 3);
        // capitals are wider than small letters, the serif narrower
        assert!(u.lebar("NOMOR", false) > u.lebar("nomor", false));
        let serif = super::Ukur::new(Some("serif"));
        assert!(serif.lebar("nomor", false) < u.lebar("nomor", false));
        assert!(serif.kapital < u.kapital);
    }

    #[test]
    fn output_is_pinned() {
        snapshot(&super::RULE, &dasar_hukum(12));
    }
}
