//! The contract with the templates. What Rust hands over is the data the
//! template reads from `/data.json` — the SOP turned into plain strings and
//! text cells (already Markdown-parsed), the paper, the column widths and,
//! for the printing pass, the page plan of [`crate::layout`] — as serde
//! structures, every choice an enum; what the template hands back are the
//! labelled anchors of [`Anchor`]. Everything is data; nothing here is
//! Typst source. A test compares the anchors with `templates/*.typ`.

use super::Bagian;
use super::markdown::{self, Blok, Teks};
use crate::kolom::Tata;
use crate::layout::{self, Drawing, Flow, Plan};
use crate::model::tanggal::Tanggal;
use crate::model::{Isi, Keterkaitan, Parsed, Sop};
use crate::paper::{Sheet, lembar};
use crate::parse::repo::SopTerkait;
use serde::Serialize;

/// Which pass a compilation of `sop.typ` is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// The procedure table on endless pages (a piece of rows on each), to
    /// measure its rows.
    Ukur,
    /// The document as printed.
    Cetak,
}

/// The labels of the zero-size anchors the templates place for sopc to read
/// back (`#metadata(…)<sopc-…>`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    /// The top of the procedure table's header.
    Kepala,
    /// The top of the line naming the SOP above the table of a later page.
    Lanjutan,
    /// The top of each step's row; its value is the step's index.
    Baris,
    /// The bottom of the last row of a piece of the measured table; its
    /// value is the step's index.
    Bawah,
    /// The top of the JUMLAH row.
    Jumlah,
    /// The bottom of the JUMLAH row: the end of the table.
    Akhir,
    /// The first page of each part of the book's front matter.
    BukuBagian,
    /// The measuring pass's arrangement of the lembar pengesahan (its
    /// value; see `susun` in pengesahan.typ).
    Pengesahan,
}

impl Anchor {
    pub const ALL: [Anchor; 8] = [
        Anchor::Kepala,
        Anchor::Lanjutan,
        Anchor::Baris,
        Anchor::Bawah,
        Anchor::Jumlah,
        Anchor::Akhir,
        Anchor::BukuBagian,
        Anchor::Pengesahan,
    ];

    /// The label as the templates write it.
    pub fn name(self) -> &'static str {
        match self {
            Anchor::Kepala => "sopc-kepala",
            Anchor::Lanjutan => "sopc-lanjutan",
            Anchor::Baris => "sopc-baris",
            Anchor::Bawah => "sopc-bawah",
            Anchor::Jumlah => "sopc-jumlah",
            Anchor::Akhir => "sopc-akhir",
            Anchor::BukuBagian => "sopc-buku-bagian",
            Anchor::Pengesahan => "sopc-pengesahan",
        }
    }
}

/// What a printed page carries besides its content.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kaki {
    /// "Halaman X dari Y" under every page.
    Halaman,
    /// Nothing of `build`'s: the book numbers its pages itself
    /// ([`Data::halaman_buku`]).
    Tanpa,
}

/// The data of one compilation of `sop.typ`.
#[derive(Serialize)]
pub struct Data<'a> {
    pub mode: Mode,
    pub bagian: Bagian,
    pub kaki: Kaki,
    pub kertas: Sheet,
    pub huruf: &'a [String],
    pub draf: bool,
    pub judul: String,
    pub penulis: String,
    pub identitas: &'a Identitas,
    pub prosedur: &'a Prosedur,
    /// In a book, the number of the SOP's first page (its pages are
    /// numbered at the foot from there); `None` for `sopc build`.
    pub halaman_buku: Option<usize>,
    /// How the lembar pengesahan is arranged, as the measuring pass
    /// decided (`susun` in pengesahan.typ): the print then measures
    /// nothing, which spares Typst a second layout of the document.
    /// `None` in the measuring pass, and in a print without one.
    pub susunan: Option<&'a serde_json::Value>,
}

#[derive(Serialize)]
pub struct Identitas {
    pub pemerintah: String,
    pub instansi: String,
    pub unit: Vec<String>,
    pub alamat: String,
    pub telepon: String,
    /// Virtual path of the logo, when there is one.
    pub logo: Option<String>,
    pub nomor: String,
    pub nama: String,
    /// Nomor and nama as the identity table prints them: break marks in a
    /// word wider than the cell.
    pub sel: SelIdentitas,
    pub tanggal: TanggalCetak,
    pub disahkan: Option<Pengesah>,
    /// The six boxes, in print order (left, right, left, right, …).
    pub kotak: Vec<Kotak>,
    /// The content area of a page (pt): the lembar is fitted to it.
    pub ruang: Ruang,
    /// What names the SOP on a sheet the lembar continues on.
    pub lanjutan: Lanjutan,
}

#[derive(Clone, Copy, Serialize)]
pub struct Ruang {
    pub lebar: f64,
    pub tinggi: f64,
}

#[derive(Serialize)]
pub struct TanggalCetak {
    pub pembuatan: String,
    pub revisi: String,
    pub efektif: String,
}

#[derive(Serialize)]
pub struct Pengesah {
    pub atas_nama: String,
    pub jabatan: String,
    pub nama: String,
    pub pangkat: String,
    pub nip: String,
}

#[derive(Serialize)]
pub struct SelIdentitas {
    pub nomor: String,
    pub nama: String,
}

#[derive(Serialize)]
pub struct Kotak {
    pub judul: &'static str,
    pub isi: Teks,
}

#[derive(Serialize)]
pub struct Prosedur {
    pub judul: Vec<String>,
    /// What names the SOP above the table of every later page.
    pub lanjutan: Lanjutan,
    /// Widths of the table columns (pt).
    pub kolom: Vec<f64>,
    /// The column headings, the SOP's `judul_kolom` over the defaults, as
    /// printed.
    pub judul_kolom: crate::kolom::Judul,
    /// The pelaksana headings, inline Markdown parsed like every text cell.
    pub aktor: Vec<Teks>,
    /// Type size of the actor names in the header (pt): smaller in narrow columns.
    pub huruf_aktor: f64,
    /// Type size of the other column headings (pt): smaller on narrow pages.
    pub huruf_kepala: f64,
    /// Type size of the decision labels (pt): the size the layout reserved
    /// room for.
    pub huruf_label: f64,
    /// Radius of a hop (pt), where a line bridges another.
    pub hop: f64,
    pub keterangan: bool,
    pub langkah: Vec<Langkah>,
    pub jumlah: String,
    /// The page plan (printing pass only).
    pub halaman: Vec<HalamanCetak>,
}

#[derive(Serialize)]
pub struct Lanjutan {
    /// "SOP " and the nama, never "SOP SOP …".
    pub nama: String,
    pub nomor: String,
}

impl Lanjutan {
    fn dari(sop: &Sop) -> Lanjutan {
        Lanjutan {
            nama: judul_sop(&teks(sop.nama.as_ref())),
            nomor: teks(sop.nomor.as_ref()),
        }
    }
}

#[derive(Serialize)]
pub struct Langkah {
    pub kegiatan: Teks,
    pub kelengkapan: Teks,
    pub waktu: Teks,
    pub output: Teks,
    pub keterangan: Teks,
    /// Actor column of the symbol.
    pub aktor: usize,
    /// Height of the actor cell holding the symbol (pt).
    pub sel: f64,
}

#[derive(Serialize)]
pub struct HalamanCetak {
    pub dari: usize,
    pub sampai: usize,
    pub jumlah: bool,
    /// Height of each row's symbol cell (room for a connector included).
    pub sel: Vec<f64>,
    pub gambar: Drawing,
}

fn teks(s: Option<&crate::source::Sp<String>>) -> String {
    s.map(|s| s.value.trim().to_owned()).unwrap_or_default()
}

fn tanggal(t: Option<&crate::source::Sp<Parsed<Tanggal>>>) -> String {
    t.map(|t| t.ok().map_or_else(|| t.teks.clone(), Tanggal::format_id))
        .unwrap_or_default()
}

fn isi(i: Option<&crate::source::Sp<Isi>>) -> Teks {
    match i.map(|i| &i.value) {
        None => Vec::new(),
        Some(Isi::Teks(t)) => markdown::markdown(t),
        Some(Isi::Daftar(items)) => markdown::daftar(items.iter().map(String::as_str)),
    }
}

fn daftar<'a>(items: impl IntoIterator<Item = &'a str>) -> Teks {
    markdown::daftar(items)
}

/// The title of the box whose entries may name other SOPs.
pub const KETERKAITAN: &str = "Keterkaitan";

fn kotak(judul: &'static str, isi: Teks) -> Kotak {
    Kotak { judul, isi }
}

/// A `keterkaitan` entry as printed: an explicit reference (`{nomor: …}`,
/// `{nama: …}`, `{berkas: …}`) to an SOP of the repository prints that
/// SOP's nama and nomor — never a file name or a bare nomor; plain text
/// prints as written.
fn keterkaitan(i: usize, k: &Keterkaitan, terkait: &[(usize, SopTerkait)]) -> String {
    let target = terkait.iter().find(|(j, _)| *j == i).map(|(_, t)| t);
    match (k, target) {
        (Keterkaitan::Rujukan(_), Some(t)) if !t.nama.is_empty() => {
            let nama = judul_sop(&t.nama);
            if t.nomor.is_empty() {
                nama
            } else {
                format!("{nama} (Nomor {})", t.nomor)
            }
        }
        _ => k.text().to_owned(),
    }
}

/// The largest type size of the lembar pengesahan (pt), as
/// `templates/pengesahan.typ` tries it first: a word that fits a line at it
/// fits at the smaller ones.
const HURUF_LEMBAR: f64 = 10.0;
/// Left plus right inset of a box of the lembar.
const INSET_KOTAK: f64 = 2.0 * lembar::INSET;

/// Marks where the long words of a box (a URL, a joined file name, a long
/// regulation word) may break so that every line stays inside the box, one
/// of two across a sheet `lebar` pt wide, in the family `huruf`.
fn muatkan_kotak(k: &mut Kotak, lebar: f64, huruf: Option<&str>) {
    let butir = k
        .isi
        .iter()
        .map(|b| match b {
            Blok::L { n, i } => (n.unwrap_or(1) + i.len() as u64).saturating_sub(1),
            Blok::P(_) => 0,
        })
        .max()
        .unwrap_or(0);
    let inden = crate::huruf::lebar_teks(&format!("{butir}."), HURUF_LEMBAR, false, huruf)
        + lembar::INDEN_BUTIR * HURUF_LEMBAR;
    markdown::muatkan_pada(
        &mut k.isi,
        lebar / 2.0 - INSET_KOTAK,
        HURUF_LEMBAR,
        inden,
        huruf,
    );
}

/// A value of the identity table (Nomor SOP, Nama SOP) with break marks in
/// a word wider than its cell: the value column (42 % of the sheet) less
/// its insets and the ": " before it.
fn muat_nilai(nilai: &str, kertas: &Sheet, tebal: bool, huruf: Option<&str>) -> String {
    let ukur = |k: &str| crate::huruf::lebar_teks(k, HURUF_LEMBAR, tebal, huruf);
    let lebar = kertas.lebar_isi() * lembar::KOLOM_NILAI
        - INSET_KOTAK
        - ukur(":")
        - lembar::INDEN_BUTIR * HURUF_LEMBAR;
    crate::patah::patah_bila(nilai, |k| ukur(k) <= lebar)
}

impl Identitas {
    /// The lembar's data for a sheet `kertas`, measured in the family
    /// `huruf` (`None`: the embedded default).
    pub fn dari(
        sop: &Sop,
        kertas: &Sheet,
        huruf: Option<&str>,
        logo: Option<String>,
        terkait: &[(usize, SopTerkait)],
    ) -> Identitas {
        let ins = sop.instansi.as_ref().map(|i| &i.value);
        let list = |l: &Option<crate::source::Sp<Vec<crate::source::Sp<String>>>>| -> Vec<String> {
            l.as_ref()
                .map(|l| l.iter().map(|s| s.value.clone()).collect())
                .unwrap_or_default()
        };
        let tgl = sop.tanggal.as_ref().map(|t| &t.value);
        let kotak_list = |judul, l: &Option<crate::source::Sp<Vec<crate::source::Sp<String>>>>| {
            kotak(
                judul,
                daftar(l.iter().flat_map(|l| l.iter()).map(|s| s.value.as_str())),
            )
        };
        let keterkaitan: Vec<String> = sop
            .keterkaitan
            .iter()
            .flat_map(|l| l.iter())
            .enumerate()
            .map(|(i, k)| keterkaitan(i, &k.value, terkait))
            .collect();
        let keterkaitan = daftar(keterkaitan.iter().map(String::as_str));
        Identitas {
            pemerintah: teks(ins.and_then(|i| i.pemerintah.as_ref())),
            instansi: teks(ins.and_then(|i| i.nama.as_ref())),
            unit: ins.map(|i| list(&i.unit)).unwrap_or_default(),
            alamat: teks(ins.and_then(|i| i.alamat.as_ref())),
            telepon: teks(ins.and_then(|i| i.telepon.as_ref())),
            logo,
            nomor: teks(sop.nomor.as_ref()),
            nama: teks(sop.nama.as_ref()),
            sel: SelIdentitas {
                nomor: muat_nilai(&teks(sop.nomor.as_ref()), kertas, false, huruf),
                nama: muat_nilai(&teks(sop.nama.as_ref()), kertas, true, huruf),
            },
            tanggal: TanggalCetak {
                pembuatan: tanggal(tgl.and_then(|t| t.pembuatan.as_ref())),
                // an SOP never revised prints "-", as the signed forms do
                revisi: Some(tanggal(tgl.and_then(|t| t.revisi.as_ref())))
                    .filter(|t| !t.is_empty())
                    .unwrap_or_else(|| "-".to_owned()),
                efektif: tanggal(tgl.and_then(|t| t.efektif.as_ref())),
            },
            disahkan: sop.disahkan_oleh.as_ref().map(|d| Pengesah {
                atas_nama: teks(d.atas_nama.as_ref()),
                jabatan: teks(d.jabatan.as_ref()),
                nama: teks(d.nama.as_ref()),
                pangkat: teks(d.pangkat.as_ref()),
                nip: teks(d.nip.as_ref()),
            }),
            kotak: [
                kotak_list("Dasar Hukum", &sop.dasar_hukum),
                kotak_list("Kualifikasi Pelaksana", &sop.kualifikasi_pelaksana),
                kotak(KETERKAITAN, keterkaitan),
                kotak_list("Peralatan/Perlengkapan", &sop.peralatan_perlengkapan),
                kotak_list("Peringatan", &sop.peringatan),
                kotak_list("Pencatatan dan Pendataan", &sop.pencatatan_pendataan),
            ]
            .into_iter()
            .map(|mut k| {
                muatkan_kotak(&mut k, kertas.lebar_isi(), huruf);
                k
            })
            .collect(),
            ruang: Ruang {
                lebar: kertas.lebar_isi(),
                tinggi: kertas.tinggi_isi(),
            },
            lanjutan: Lanjutan::dari(sop),
        }
    }
}

/// The nama without a leading "SOP " or "Standar Operasional Prosedur "
/// (any case), for the places that print "SOP" or "STANDAR OPERASIONAL
/// PROSEDUR" before it themselves.
pub fn tanpa_awalan_sop(nama: &str) -> &str {
    for awalan in ["sop ", "standar operasional prosedur "] {
        match nama.get(..awalan.len()) {
            Some(awal) if awal.eq_ignore_ascii_case(awalan) => {
                return nama[awalan.len()..].trim_start();
            }
            _ => {}
        }
    }
    nama
}

/// "SOP " and the nama, never "SOP SOP …" — as the PDF's title and the
/// continuation line say it.
pub fn judul_sop(nama: &str) -> String {
    format!("SOP {}", tanpa_awalan_sop(nama.trim()))
        .trim()
        .to_owned()
}

impl Prosedur {
    pub fn dari(sop: &Sop, bagan: &Flow, tata: &Tata, jumlah: String) -> Prosedur {
        let kolom = &tata.kolom;
        let keterangan = kolom.widths.len() > 5 + kolom.actors;
        // headers as the columns were sized for them, then their Markdown
        let mut aktor: Vec<Teks> = tata
            .kepala
            .iter()
            .map(|a| {
                let mut t = markdown::markdown(a.trim());
                markdown::tebalkan(&mut t);
                t
            })
            .collect();
        if aktor.is_empty() {
            aktor.push(Teks::new());
        }
        let mut langkah: Vec<Langkah> = sop
            .steps()
            .iter()
            .zip(&bagan.langkah)
            .enumerate()
            .map(|(i, (s, &(k, _)))| Langkah {
                kegiatan: s
                    .kegiatan
                    .as_ref()
                    .map(|k| markdown::markdown(k))
                    .unwrap_or_default(),
                kelengkapan: isi(s.kelengkapan.as_ref()),
                waktu: markdown::polos(s.waktu.as_ref().map_or("", |w| w.teks.trim())),
                output: isi(s.output.as_ref()),
                keterangan: if keterangan {
                    isi(s.keterangan.as_ref())
                } else {
                    Vec::new()
                },
                aktor: k,
                sel: bagan.cell_height(i),
            })
            .collect();
        // every word fits its cell: the long ones get their break marks
        let m = kolom.actors;
        let huruf = tata.huruf.as_deref();
        for l in &mut langkah {
            let sel = [
                (&mut l.kegiatan, 1),
                (&mut l.kelengkapan, 2 + m),
                (&mut l.output, 4 + m),
                (&mut l.keterangan, 5 + m),
            ];
            for (teks, i) in sel.into_iter().filter(|(_, i)| *i < kolom.widths.len()) {
                markdown::muatkan(teks, tata.lebar_dalam(i), huruf);
            }
        }
        let instansi = sop.instansi.as_ref().map(|i| &i.value);
        // "SOP Penerima Tamu" must not print as "… PROSEDUR SOP PENERIMA TAMU".
        let nama = teks(sop.nama.as_ref());
        let nama = tanpa_awalan_sop(&nama);
        let mut judul = vec![format!(
            "STANDAR OPERASIONAL PROSEDUR {}",
            nama.to_uppercase()
        )];
        for baris in [
            instansi.and_then(|i| i.nama.as_ref()),
            instansi.and_then(|i| i.pemerintah.as_ref()),
        ]
        .into_iter()
        .flatten()
        {
            judul.push(baris.value.trim().to_uppercase());
        }
        Prosedur {
            judul,
            lanjutan: Lanjutan::dari(sop),
            judul_kolom: tata.judul.clone(),
            kolom: kolom.widths.clone(),
            aktor,
            // every header at one size, chosen with the widths
            huruf_aktor: tata.huruf_kepala,
            huruf_kepala: tata.huruf_kepala,
            huruf_label: layout::size::LABEL_PT,
            hop: layout::size::hop(),
            keterangan,
            langkah,
            jumlah,
            halaman: Vec::new(),
        }
    }

    /// Adds the page plan for the printing pass.
    pub fn pasang_denah(&mut self, denah: &Plan, bagan: &Flow) {
        self.halaman = denah
            .pages
            .iter()
            .zip(&denah.drawings)
            .map(|(h, g)| HalamanCetak {
                dari: h.from,
                sampai: h.end,
                jumlah: h.jumlah,
                sel: (h.from..h.end)
                    .zip(&h.rows)
                    .map(|(i, b)| bagan.cell_height(i) + b.connector_room)
                    .collect(),
                gambar: g.clone(),
            })
            .collect();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The `sopc-…` labels a template file writes: `<sopc-…>` and
    /// `label("sopc-…")` (possibly completed by `+ …`).
    fn labels(typ: &str) -> Vec<String> {
        let mut out = Vec::new();
        for (open, close) in [("<sopc-", '>'), ("label(\"sopc-", '"')] {
            for (i, _) in typ.match_indices(open) {
                let from = i + open.len() - "sopc-".len();
                let rest = &typ[from..];
                let end = rest.find(close).expect("a label is closed");
                out.push(rest[..end].to_owned());
            }
        }
        out
    }

    #[test]
    fn every_label_of_the_templates_is_an_anchor_and_every_anchor_is_used() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
        let mut used = Vec::new();
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "typ") {
                used.extend(labels(&std::fs::read_to_string(&path).unwrap()));
            }
        }
        assert!(used.len() >= 7, "{used:?}");
        for l in &used {
            assert!(
                Anchor::ALL.iter().any(|a| a.name() == l),
                "templates use the label `{l}`, which is no `Anchor`"
            );
        }
        for a in Anchor::ALL {
            assert!(used.iter().any(|l| l == a.name()), "{a:?} is unused");
        }
    }

    #[test]
    fn labels_are_read_from_both_spellings() {
        let typ = "penanda(i, <sopc-baris>)\n[#metadata(i)#label(\"sopc-sop-\" + str(i))]";
        assert_eq!(labels(typ), vec!["sopc-baris", "sopc-sop-"]);
    }

    #[test]
    fn a_resolved_reference_prints_the_sops_nama_and_nomor_and_text_prints_as_written() {
        use crate::model::Rujukan;
        let terkait = |nomor: &str, nama: &str| SopTerkait {
            nomor: nomor.into(),
            nama: nama.into(),
        };
        let daftar = [
            (0, terkait("800/7/SETDA/2024", "SOP Pelayanan Tamu")),
            (1, terkait("", "Pengarsipan")),
            (2, terkait("800/9/SETDA/2024", "Disposisi")),
        ];
        let berkas = Keterkaitan::Rujukan(Rujukan::Berkas("pelayanan-tamu.yaml".into()));
        assert_eq!(
            keterkaitan(0, &berkas, &daftar),
            "SOP Pelayanan Tamu (Nomor 800/7/SETDA/2024)"
        );
        let nama = Keterkaitan::Rujukan(Rujukan::Nama("pengarsipan".into()));
        assert_eq!(keterkaitan(1, &nama, &daftar), "SOP Pengarsipan");
        // text is what the author wants printed, even when it names an SOP
        let teks = Keterkaitan::Teks("SOP Disposisi Surat".into());
        assert_eq!(keterkaitan(2, &teks, &daftar), "SOP Disposisi Surat");
        // a reference the check did not resolve prints its key
        let nomor = Keterkaitan::Rujukan(Rujukan::Nomor("800/1/X/2024".into()));
        assert_eq!(keterkaitan(3, &nomor, &daftar), "800/1/X/2024");
    }

    #[test]
    fn a_nama_that_says_sop_is_not_prefixed_twice() {
        use super::{judul_sop, tanpa_awalan_sop};
        assert_eq!(judul_sop("Penerima Tamu"), "SOP Penerima Tamu");
        assert_eq!(judul_sop("sop Penerima Tamu"), "SOP Penerima Tamu");
        assert_eq!(
            judul_sop("STANDAR OPERASIONAL PROSEDUR PERSIAPAN SWAKELOLA TIPE III"),
            "SOP PERSIAPAN SWAKELOLA TIPE III"
        );
        assert_eq!(
            tanpa_awalan_sop("Standar Operasional Prosedur Tamu"),
            "Tamu"
        );
        // a word that only starts alike stays
        assert_eq!(tanpa_awalan_sop("Sopir Dinas"), "Sopir Dinas");
    }

    #[test]
    fn modes_and_parts_are_the_strings_the_template_compares() {
        let json = serde_json::to_string;
        assert_eq!(json(&Mode::Ukur).unwrap(), "\"ukur\"");
        assert_eq!(json(&Mode::Cetak).unwrap(), "\"cetak\"");
        let json = serde_json::to_string;
        assert_eq!(json(&Bagian::Lengkap).unwrap(), "\"lengkap\"");
        assert_eq!(json(&Bagian::Pengesahan).unwrap(), "\"pengesahan\"");
        assert_eq!(
            serde_json::to_string(&Kaki::Halaman).unwrap(),
            "\"halaman\""
        );
        assert_eq!(serde_json::to_string(&Kaki::Tanpa).unwrap(), "\"tanpa\"");
        let sop = include_str!("../../templates/sop.typ");
        assert!(sop.contains("data.kaki == \"halaman\""));
    }
}
