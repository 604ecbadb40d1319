//! `tata-letak-*`: layouts that make the printed form unreadable.

use crate::check::{Ctx, Rule};
use crate::diag::Severity::Warning;
use crate::diag::{Diagnostic, Msg};
use crate::kolom;
use crate::model::{Isi, Langkah, Sop};
use crate::msg;
use crate::paper::Sheet;
use crate::rule_doc;
use crate::source::Sp;

const SUMBER: &str = "Permendagri 52/2011, Lampiran (format tabel prosedur)";

pub static KOLOM: Rule = Rule {
    code: "tata-letak-kolom",
    severity: Warning,
    title: Msg::fixed(
        "terlalu banyak kolom pelaksana untuk kertas",
        "too many actor columns for the paper",
    ),
    sumber: Some(SUMBER),
    doc: rule_doc! {
        apa: {
            id: "Jumlah kolom pelaksana yang masing-masing tetap selebar 16 mm — lebar simbol dan lajur garis diagram alir — setelah Uraian/Kegiatan menyempit sampai 22 mm serta Kelengkapan, Waktu, Output dan Keterangan sampai judulnya (paling sempit 12 mm): dengan judul kolom bawaan F4 lanskap paling banyak 12 bila ada kolom Keterangan (13 tanpa Keterangan), A4 lanskap 10 (11), F4 potret 5 (6), A4 potret 5 (6); dan setiap kata kepala kolom pelaksana yang muat di kolomnya tanpa dipenggal, pada huruf kepala 9 pt atau 8 pt; dan setiap kata judul kolom (`judul_kolom`) yang muat di kolomnya, yang boleh melebar atau berganti baris setelah garis miring (`Persyaratan/` `Kelengkapan`) — lebar kolom yang sama dengan yang dipakai saat mencetak, diukur dengan huruf yang dicetak.",
            en: "The number of actor columns that each keep 16 mm — the flowchart's symbol and lanes — once Kegiatan has narrowed to 22 mm and Kelengkapan, Waktu, Output and Keterangan to their headings (12 mm at least): with the default headings F4 landscape at most 12 with a Keterangan column (13 without), A4 landscape 10 (11), F4 portrait 5 (6), A4 portrait 5 (6); and every word of a pelaksana header that fits its column unhyphenated, at a 9 pt or 8 pt header size; and every word of a column heading (`judul_kolom`) that fits its column, which may widen or break after a slash (`Persyaratan/` `Kelengkapan`) — the same column widths as printing uses, measured in the font that prints.",
        },
        mengapa: {
            id: "Setiap kolom pelaksana memerlukan lebar minimum agar simbol diagram alir dan panah balik di sampingnya terbaca. Nama jabatan yang katanya lebih lebar dari kolom tercetak terpenggal (`Pengadminis-trasi`), dan sulit dibaca pada kepala tabel.",
            en: "Every actor column needs a minimum width for the flowchart symbols and the return arrows beside them to stay legible. A job title with a word wider than its column prints hyphenated (`Pengadminis-trasi`), which reads badly in a table header.",
        },
        contoh: { code: r#"```yaml
pelaksana: [Bupati, Sekda, Asisten, Kepala Dinas, Sekretaris, Kabid, Kasi, Staf, Operator, Bendahara, Pengadministrasi]
```"# },
        perbaikan: {
            id: "Gabungkan pelaksana yang setara, pecah SOP, singkat nama jabatan yang panjang (`Pengadm. Umum`), atau cetak pada kertas yang lebih lebar.",
            en: "Merge equivalent actors, split the SOP, abbreviate a long job title (`Pengadm. Umum`), or print on wider paper.",
        },
    },
};

pub static TEKS: Rule = Rule {
    code: "tata-letak-teks",
    severity: Warning,
    title: Msg::fixed(
        "teks langkah terlalu panjang untuk satu baris tabel",
        "step text too long for one table row",
    ),
    sumber: Some(SUMBER),
    doc: rule_doc! {
        apa: {
            id: "Teks langkah yang muat dalam satu baris tabel pada satu halaman.",
            en: "Step text that fits one table row on one page.",
        },
        mengapa: {
            id: "Satu langkah tidak pernah dipecah ke dua halaman; teks yang sangat panjang membuat barisnya lebih tinggi dari halaman, dan `sopc build` menolak SOP itu. Banyak baris pendek (paragraf, butir daftar) sama tingginya: setiap baris memakan satu baris cetak, sekitar 40 baris mengisi satu halaman.",
            en: "A step is never split over two pages; very long text makes its row taller than the page, and `sopc build` refuses the SOP. Many short lines (paragraphs, list items) are as tall: each takes one printed line, and about 40 lines fill a page.",
        },
        contoh: {
            id: r#"```yaml
  - kegiatan: Memeriksa kelengkapan berkas permohonan … (ratusan kata)
```"#,
            en: r#"```yaml
  - kegiatan: Memeriksa kelengkapan berkas permohonan … (hundreds of words)
```"#,
        },
        perbaikan: {
            id: "Pecah langkah itu menjadi beberapa langkah, atau pindahkan rinciannya ke `keterangan`.",
            en: "Split the step into several steps, or move its details to `keterangan`.",
        },
    },
};

pub static JALUR: Rule = Rule {
    code: "tata-letak-jalur",
    severity: Warning,
    title: Msg::fixed(
        "garis diagram alir suatu langkah tidak mendapat tempat yang bebas",
        "the flowchart lines of a step find no free place",
    ),
    sumber: Some(SUMBER),
    doc: rule_doc! {
        apa: {
            id: "Langkah yang garis, label atau konektornya tidak dapat digambar menurut aturan gambar diagram alir: garis 3 mm dari garis tabel dan 2 mm dari garis lain, tidak menembus simbol, label atau konektor, label dan konektor di dalam sel pelaksana. Ditemukan saat `sopc build` menata halaman (pemeriksaan tanpa tata letak tidak dapat melihatnya); langkah itu tetap digambar sebaik mungkin. Contohnya lima pelaksana pada F4 potret (kolom 16 mm, tanpa lajur di sisi simbol), satu langkah yang dilaksanakan kelimanya, dan lompatan balik yang melewatinya.",
            en: "A step whose lines, labels or connectors cannot be drawn by the flowchart drawing rules: lines 3 mm from the table rules and 2 mm from other lines, never through a symbol, label or connector, labels and connectors inside an actor cell. Found when `sopc build` lays the pages out (a check without the layout cannot see it); the step is still drawn as well as it can be. For example five pelaksana on F4 portrait (16 mm columns, no lane beside a symbol), a step all five carry out, and a jump back across it.",
        },
        mengapa: {
            id: "Garis yang menempel pada garis tabel terbaca sebagai garis ganda, garis yang berimpitan atau menembus simbol membuat arah alur tidak dapat diikuti — keluhan yang paling sering dari pengguna aplikasi e-SOP.",
            en: "A line close to a table rule reads as a doubled rule, and lines on top of each other or through a symbol make the flow impossible to follow — the complaint users of e-SOP tools make most.",
        },
        contoh: { code: r#"```yaml
# F4 potret
pelaksana: [Kepala Dinas, Sekretaris, Kabid, Kasi, Staf]
langkah:
  - id: siapkan
    pelaksana: Kabid
  - id: rapat
    pelaksana: [Kepala Dinas, Sekretaris, Kabid, Kasi, Staf]
  - id: periksa
    pelaksana: Sekretaris
    keputusan: {ya: siapkan, tidak: selesai}
```"# },
        perbaikan: {
            id: "Kurangi kolom pelaksana atau lompatan di sekitar langkah itu, pindahkan langkah ke pelaksana di kolom lain, atau cetak pada kertas lanskap.",
            en: "Use fewer pelaksana columns or fewer jumps around that step, move the step to a pelaksana in another column, or print on landscape paper.",
        },
    },
};

/// The `tata-letak-jalur` findings of a laid-out SOP: one per step (index
/// into its steps) whose drawing broke a rule, at the step's line (its
/// `id`, else its `kegiatan`, else the step).
pub fn jalur(sop: &Sop, langkah: &[usize]) -> Vec<Diagnostic> {
    langkah
        .iter()
        .filter_map(|&i| Some((i, sop.steps().get(i)?)))
        .map(|(i, s)| {
            let no = i + 1;
            let span = s
                .id
                .as_ref()
                .map(|x| x.span)
                .or(s.kegiatan.as_ref().map(|k| k.span))
                .unwrap_or(s.span);
            Diagnostic::new(&JALUR, Some(span), msg!(
                "garis atau label langkah {no} tidak mendapat tempat yang bebas di diagram alir",
                "the lines or labels of step {no} found no free place in the flowchart"
            ))
            .with_help(msg!(
                "kurangi kolom pelaksana atau lompatan di sekitarnya, atau cetak pada kertas lanskap",
                "use fewer actor columns or jumps around it, or print landscape"
            ))
        })
        .collect()
}

/// Characters of one cell that still fit a page-high row (a conservative
/// estimate at the table's 8 pt type in the narrowest text column); past
/// it a text is never printed (`sop-terlalu-besar`).
pub const MAX_SEL: usize = crate::model::MAX_SEL;

/// Most actor columns that keep their minimum width: the widest table the
/// renderer lays out with the words `kata` on `sheet` in the family `huruf`
/// (the same computation as the PDF's, so the warning and the print agree).
pub fn max_kolom(kata: &kolom::Kata, sheet: &Sheet, huruf: Option<&str>) -> usize {
    (1..=64)
        .take_while(|&n| !kolom::tata(kata, n, sheet.lebar_isi(), huruf).kolom.narrow)
        .last()
        .unwrap_or(1)
}

/// The columns the renderer lays `sop`'s table out in, with `aktor` actor
/// columns on `sheet` in the family `huruf`: the one computation the
/// print and this rule share.
pub fn tata(sop: &Sop, aktor: usize, sheet: &Sheet, huruf: Option<&str>) -> kolom::Tata {
    tata_bagan(sop, aktor, sheet, huruf, 0.0)
}

/// [`tata`] with every actor column at least `bagan` pt wide where the
/// table has the room: the columns of a flowchart plan that broke a
/// drawing rule in narrower ones ([`crate::layout::Plan::widened`]).
pub fn tata_bagan(
    sop: &Sop,
    aktor: usize,
    sheet: &Sheet,
    huruf: Option<&str>,
    bagan: f64,
) -> kolom::Tata {
    let kata = kolom::Kata { bagan, ..kata(sop) };
    kolom::tata(&kata, aktor, sheet.lebar_isi(), huruf)
}

/// The words of `sop` that size its table.
fn kata(sop: &Sop) -> kolom::Kata<'_> {
    kolom::Kata {
        pelaksana: sop.actors().iter().map(|a| a.value.as_str()).collect(),
        waktu: sop
            .steps()
            .iter()
            .filter_map(|s| s.waktu.as_ref())
            .map(|w| w.teks.as_str())
            .collect(),
        keterangan: sop.ada_keterangan(),
        keterangan_kosong: sop
            .steps()
            .iter()
            .filter_map(|s| s.keterangan.as_ref())
            .all(|k| k.plain_len() == 0),
        sel: [
            sel(sop, |s| s.kelengkapan.as_ref()),
            sel(sop, |s| s.output.as_ref()),
            sel(sop, |s| s.keterangan.as_ref()),
        ],
        judul: judul(sop),
        label: label(sop),
        bagan: 0.0,
    }
}

/// The actor column width the decision labels of `sop` ask for, as they
/// print (`Ya`/`Tidak` unless the SOP words them).
fn label(sop: &Sop) -> f64 {
    sop.steps()
        .iter()
        .filter_map(|s| s.keputusan.as_ref())
        .flat_map(|k| {
            let kata = k.label.as_ref();
            let ya = kata
                .and_then(|k| k.ya.as_ref())
                .map_or("Ya", |s| s.value.as_str());
            let tidak = kata
                .and_then(|k| k.tidak.as_ref())
                .map_or("Tidak", |s| s.value.as_str());
            [ya, tidak]
        })
        .map(kolom::kolom_label)
        .fold(0.0, f64::max)
}

/// The cells of one text column, each with whether it is a list item.
fn sel<'a>(
    sop: &'a Sop,
    kolom: impl Fn(&'a Langkah) -> Option<&'a Sp<Isi>>,
) -> Vec<(&'a str, bool)> {
    sop.steps()
        .iter()
        .filter_map(|s| kolom(s))
        .flat_map(|isi| match &isi.value {
            Isi::Teks(t) => vec![(t.as_str(), false)],
            Isi::Daftar(butir) => butir.iter().map(|b| (b.as_str(), true)).collect(),
        })
        .collect()
}

/// The column headings: the SOP's `judul_kolom` (its own or from
/// `_default.yaml`) over the defaults.
fn judul(sop: &Sop) -> kolom::Judul {
    let mut judul = kolom::Judul::default();
    let Some(j) = sop.judul_kolom.as_ref().map(|j| &j.value) else {
        return judul;
    };
    for (key, teks) in judul.semua() {
        if let Some(t) = j
            .kunci(key)
            .map(|t| t.value.trim())
            .filter(|t| !t.is_empty())
        {
            *teks = t.to_owned();
        }
    }
    judul
}

pub fn check(cx: &mut Ctx) {
    let kertas = cx.config.cetak.kertas.unwrap_or_default();
    let orientasi = cx.config.cetak.orientasi.unwrap_or_default();
    let sheet = Sheet::of(kertas, orientasi);
    let n = cx.sop.actors().len();
    let huruf = cx.config.cetak.huruf.clone();
    // the renderer's own widths, the SOP's words included
    let tata = tata(cx.sop, n.max(1), &sheet, huruf.as_deref());
    if n > 1 && tata.kolom.narrow {
        let max = max_kolom(&kata(cx.sop), &sheet, huruf.as_deref());
        let span = cx.sop.pelaksana.as_ref().map_or(cx.doc_start(), |p| p.span);
        cx.report(&KOLOM, span, msg!(
            "{n} kolom pelaksana melebihi {max} yang terbaca pada kertas {kertas:?} {orientasi:?}",
            "{n} actor columns exceed the {max} that stay legible on {kertas:?} {orientasi:?} paper"
        ))
        .help = Some(msg!(
            "gabungkan pelaksana yang setara atau pecah SOP menjadi beberapa SOP",
            "merge equivalent actors or split the SOP"
        ));
    } else if n > 0 {
        let lebar = tata.kolom.actor_width * 25.4 / 72.0;
        for (i, kata) in tata.sempit {
            let pelaksana = &cx.sop.actors()[i];
            let (span, nama) = (pelaksana.span, pelaksana.value.clone());
            cx.report(&KOLOM, span, msg!(
                "kata `{kata}` pada kepala kolom pelaksana `{nama}` lebih lebar dari kolomnya ({lebar:.0} mm pada kertas {kertas:?} {orientasi:?}) dan tercetak terpenggal",
                "the word `{kata}` of the pelaksana header `{nama}` is wider than its column ({lebar:.0} mm on {kertas:?} {orientasi:?} paper) and prints hyphenated"
            ))
            .help = Some(msg!(
                "singkat nama jabatan itu, kurangi jumlah pelaksana, atau cetak pada kertas lanskap",
                "abbreviate the job title, use fewer pelaksana, or print on landscape paper"
            ));
        }
        for (key, kata) in tata.judul_sempit {
            let judul = cx.sop.judul_kolom.as_ref();
            let span = judul
                .and_then(|j| j.value.kunci(key))
                .map(|t| t.span)
                .or(judul.map(|j| j.span))
                .unwrap_or_else(|| cx.doc_start());
            cx.report(&KOLOM, span, msg!(
                "kata `{kata}` pada judul kolom `{key}` lebih lebar dari kolomnya pada kertas {kertas:?} {orientasi:?} dan tercetak terpenggal",
                "the word `{kata}` of the column heading `{key}` is wider than its column on {kertas:?} {orientasi:?} paper and prints hyphenated"
            ))
            .help = Some(msg!(
                "singkat judul kolom itu di `judul_kolom`",
                "shorten that heading in `judul_kolom`"
            ));
        }
    }
    for (i, s) in cx.sop.steps().iter().enumerate() {
        let no = i + 1;
        let fullest = [
            s.kegiatan
                .as_ref()
                .map(|k| (beban(k), k.chars().count(), k.span)),
            s.kelengkapan
                .as_ref()
                .map(|k| (beban_isi(k), k.plain_len(), k.span)),
            s.output
                .as_ref()
                .map(|k| (beban_isi(k), k.plain_len(), k.span)),
            s.keterangan
                .as_ref()
                .map(|k| (beban_isi(k), k.plain_len(), k.span)),
        ]
        .into_iter()
        .flatten()
        .max_by_key(|(beban, _, _)| *beban);
        let Some((beban, len, span)) = fullest.filter(|(beban, _, _)| *beban > MAX_SEL) else {
            continue;
        };
        let message = if len > MAX_SEL {
            msg!(
                "teks langkah {no} panjangnya {len} karakter; barisnya bisa lebih tinggi dari satu halaman",
                "step {no} has {len} characters of text; its row may be taller than a page"
            )
        } else {
            let baris = beban / LEBAR_BARIS;
            msg!(
                "teks langkah {no} tercetak sekitar {baris} baris; barisnya bisa lebih tinggi dari satu halaman",
                "the text of step {no} prints on about {baris} lines; its row may be taller than a page"
            )
        };
        cx.report(&TEKS, span, message).help = Some(msg!(
            "pecah langkah ini atau persingkat teksnya (paling banyak sekitar {MAX_SEL} karakter atau {BARIS_SEL} baris)",
            "split this step or shorten its text (about {MAX_SEL} characters or {BARIS_SEL} lines at most)"
        ));
    }
}

/// Lines of the narrowest text column in a page-high row, and the
/// characters one of them holds: [`MAX_SEL`] spread over those lines.
const BARIS_SEL: usize = 40;
const LEBAR_BARIS: usize = MAX_SEL / BARIS_SEL;

/// How much of a page-high row `text` fills, in characters: each of its
/// lines (a paragraph, a list item, a line break) starts a new printed line,
/// so a short line costs a whole one. Long prose counts about its length.
fn beban(text: &str) -> usize {
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.chars().count().div_ceil(LEBAR_BARIS).max(1) * LEBAR_BARIS)
        .sum()
}

fn beban_isi(isi: &crate::model::Isi) -> usize {
    match isi {
        crate::model::Isi::Teks(t) => beban(t),
        crate::model::Isi::Daftar(items) => items.iter().map(|t| beban(t)).sum(),
    }
}

#[cfg(test)]
mod tests {
    use crate::check::testing::*;

    #[test]
    fn column_limits_follow_the_renderer() {
        use super::max_kolom;
        use crate::paper::{Kertas, Orientasi, Sheet};
        // an SOP of the default headings, "10 menit", short pelaksana
        let kata = |keterangan| crate::kolom::Kata {
            pelaksana: vec!["Staf"],
            waktu: vec!["10 menit"],
            keterangan,
            ..Default::default()
        };
        let limits = |ket| {
            [
                (Kertas::F4, Orientasi::Lanskap),
                (Kertas::A4, Orientasi::Lanskap),
                (Kertas::F4, Orientasi::Potret),
                (Kertas::A4, Orientasi::Potret),
            ]
            .map(|(k, o)| max_kolom(&kata(ket), &Sheet::of(k, o), None))
        };
        assert_eq!(limits(true), [12, 10, 5, 5]);
        assert_eq!(limits(false), [13, 11, 6, 6]);
    }

    #[test]
    fn too_many_columns_and_long_text() {
        let extra: String = (1..=12).map(|i| format!("  - Tambahan {i}\n")).collect();
        let src = valid_with("  - Pelaksana\n", &format!("  - Pelaksana\n{extra}"));
        assert_eq!(
            lines_of(&src, "tata-letak-kolom"),
            vec![line_of(&src, "\npelaksana:\n") + 2]
        );
        let long = "kata ".repeat(300);
        let src = valid_with("Memeriksa surat", &format!("Memeriksa surat {long}"));
        assert_eq!(
            lines_of(&src, "tata-letak-teks"),
            vec![line_of(&src, "Memeriksa surat")]
        );
    }

    #[test]
    fn header_words_wider_than_their_column() {
        // 7 pelaksana on F4 landscape: "Pengadministrasi" (8 pt bold) is
        // wider than the 25 mm the columns get; "Kasubbag" fits
        let extra: String = (1..=4)
            .map(|i| format!("  - Pengadministrasi Umum {i}\n"))
            .collect();
        let src = valid_with("  - Pelaksana\n", &format!("  - Pelaksana\n{extra}"));
        let baris: Vec<usize> = (1..=4)
            .map(|i| line_of(&src, &format!("Pengadministrasi Umum {i}")))
            .collect();
        assert_eq!(lines_of(&src, "tata-letak-kolom"), baris);
        let pesan: Vec<String> = diagnostics(&src)
            .into_iter()
            .filter(|(d, _)| d.code == "tata-letak-kolom")
            .map(|(d, _)| d.message.id.to_string())
            .collect();
        assert!(
            pesan[0].starts_with("kata `Pengadministrasi` pada kepala kolom pelaksana `Pengadministrasi Umum 1` lebih lebar dari kolomnya"),
            "{pesan:?}"
        );
        // the same SOP with short titles is clean
        let extra: String = (1..=4).map(|i| format!("  - Kasubbag {i}\n")).collect();
        let src = valid_with("  - Pelaksana\n", &format!("  - Pelaksana\n{extra}"));
        assert!(lines_of(&src, "tata-letak-kolom").is_empty());
    }

    #[test]
    fn heading_words_wider_than_their_column() {
        // a heading breaks after its slash and widens No: no warning; a
        // 45-letter word is wider than any column sopc gives a heading
        let judul = "judul_kolom:\n  \"no\": Nomor\n  kelengkapan: Persyaratan/Kelengkapan\n";
        let src = format!("{VALID}{judul}");
        assert!(lines_of(&src, "tata-letak-kolom").is_empty());
        let src = format!("{VALID}{judul}  output: {}\n", "Keluaran".repeat(6));
        assert_eq!(
            lines_of(&src, "tata-letak-kolom"),
            vec![line_of(&src, "  output: Keluaran")]
        );
        let pesan = diagnostics(&src)
            .into_iter()
            .find(|(d, _)| d.code == "tata-letak-kolom")
            .map(|(d, _)| d.message.id.to_string())
            .unwrap();
        assert!(pesan.starts_with("kata `KeluaranKeluaran"), "{pesan}");
        assert!(pesan.contains("judul kolom `output`"), "{pesan}");
    }

    #[test]
    fn many_short_lines_fill_a_row_too() {
        // 45 short paragraphs: 450 characters, but taller than an F4 page
        // (the build refuses the row from 45 on; 40 still print)
        let lines =
            |n: usize| -> String { (0..n).map(|i| format!("      Catatan {i}\n\n")).collect() };
        let with = |n: usize| {
            valid_with(
                "    output: Surat diperiksa\n",
                &format!(
                    "    output: Surat diperiksa\n    keterangan: |\n{}",
                    lines(n)
                ),
            )
        };
        let src = with(45);
        assert_eq!(
            lines_of(&src, "tata-letak-teks"),
            vec![line_of(&src, "Catatan 0")]
        );
        assert!(lines_of(&with(40), "tata-letak-teks").is_empty());
    }

    #[test]
    fn a_cramped_step_is_named_at_its_line() {
        use super::jalur;
        let path = std::path::Path::new("uji.yaml");
        let sop = crate::parse::parse_str(path, VALID).sop.expect("parses");
        let found = jalur(&sop, &[1, 99]);
        assert_eq!(found.len(), 1, "a step past the last is no finding");
        assert_eq!(found[0].code, "tata-letak-jalur");
        let span = found[0].span.expect("a place");
        let line = VALID[..span.start as usize].matches('\n').count() + 1;
        assert_eq!(line, line_of(VALID, "- id: periksa"));
        assert!(
            found[0].message.id.contains("langkah 2"),
            "{:?}",
            found[0].message
        );
        assert!(
            found[0].message.en.contains("step 2"),
            "{:?}",
            found[0].message
        );
    }

    #[test]
    fn output_is_pinned() {
        use super::*;
        let extra: String = (1..=12).map(|i| format!("  - Tambahan {i}\n")).collect();
        snapshot(
            &KOLOM,
            &valid_with("  - Pelaksana\n", &format!("  - Pelaksana\n{extra}")),
        );
        let long = "kata ".repeat(300);
        snapshot(
            &TEKS,
            &valid_with("Memeriksa surat", &format!("Memeriksa surat {long}")),
        );
        snapshot_with(&JALUR, VALID, |sop| jalur(sop, &[1]));
    }
}
