//! The typed SOP: what one YAML file (plus the repository defaults it inherits)
//! says, with the span of every value. Field names are the YAML keys of
//! SPEC §2; the JSON Schema in `schema/sop.schema.json` is derived from these
//! types, so their doc comments are what editors show while staff type.

pub mod alur;
pub mod durasi;
pub mod gambar;
pub mod nip;
pub mod nomor;
pub mod pangkat;
pub mod regulasi;
pub mod schema;
pub mod tanggal;

use crate::model::durasi::Waktu;
use crate::model::tanggal::Tanggal;
use crate::source::{Sp, Span};
use schemars::JsonSchema;
use serde::Serialize;

/// Standar Operasional Prosedur — satu berkas YAML per SOP
/// (Permendagri 52/2011, PermenPAN-RB 35/2012).
#[derive(Clone, Debug, Default, JsonSchema, Serialize)]
#[schemars(title = "SOP", deny_unknown_fields)]
pub struct Sop {
    /// Nomor SOP, misalnya `067.2/1779/13.01/2023`.
    #[schemars(required)]
    pub nomor: Option<Sp<String>>,
    /// Nama SOP, sebagaimana tercetak pada lembar pengesahan.
    #[schemars(required)]
    pub nama: Option<Sp<String>>,
    /// `draf` (bawaan, dicetak dengan tanda air DRAF) atau `final` (siap ditandatangani).
    pub status: Option<Sp<Status>>,
    /// Identitas instansi pada kepala lembar pengesahan.
    #[schemars(required)]
    pub instansi: Option<Sp<Instansi>>,
    /// Tanggal pembuatan, revisi dan efektif.
    #[schemars(required)]
    pub tanggal: Option<Sp<TanggalSop>>,
    /// Pejabat yang mengesahkan SOP.
    pub disahkan_oleh: Option<Sp<DisahkanOleh>>,
    /// Dasar hukum: satu peraturan per butir, urut menurut hierarki UU 12/2011.
    #[schemars(required)]
    pub dasar_hukum: Option<Sp<Vec<Sp<String>>>>,
    /// Kualifikasi pelaksana.
    #[schemars(required)]
    pub kualifikasi_pelaksana: Option<Sp<Vec<Sp<String>>>>,
    /// SOP lain yang terkait: teks bebas, atau rujukan `{nomor: …}`, `{nama: …}`, `{berkas: …}`.
    #[schemars(required)]
    pub keterkaitan: Option<Sp<Vec<Sp<Keterkaitan>>>>,
    /// Peralatan/perlengkapan.
    #[schemars(required)]
    pub peralatan_perlengkapan: Option<Sp<Vec<Sp<String>>>>,
    /// Peringatan: apa akibatnya bila SOP tidak dilaksanakan.
    #[schemars(required)]
    pub peringatan: Option<Sp<Vec<Sp<String>>>>,
    /// Pencatatan dan pendataan.
    #[schemars(required)]
    pub pencatatan_pendataan: Option<Sp<Vec<Sp<String>>>>,
    /// Kolom pelaksana pada tabel prosedur, dari kiri ke kanan.
    #[schemars(required)]
    pub pelaksana: Option<Sp<Vec<Sp<String>>>>,
    /// Langkah-langkah prosedur, berurutan.
    #[schemars(required)]
    pub langkah: Option<Sp<Vec<Sp<Langkah>>>>,
    /// Jumlah waktu yang dinyatakan; diperiksa terhadap jumlah hasil hitungan.
    pub jumlah_waktu: Option<Sp<Parsed<crate::model::durasi::Jumlah>>>,
    /// Span of the whole document (for findings about missing keys).
    #[serde(skip)]
    #[schemars(skip)]
    pub span: Span,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, JsonSchema, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    #[default]
    Draf,
    Final,
}

impl Sop {
    pub fn status(&self) -> Status {
        self.status.as_ref().map_or(Status::Draf, |s| s.value)
    }

    /// The steps, or none.
    pub fn steps(&self) -> &[Sp<Langkah>] {
        self.langkah.as_ref().map_or(&[], |l| l.value.as_slice())
    }

    /// The declared actor columns, or none.
    pub fn actors(&self) -> &[Sp<String>] {
        self.pelaksana.as_ref().map_or(&[], |l| l.value.as_slice())
    }

    /// Whether any step writes `keterangan` (else the column is left out, as
    /// in the Tanjab Barat lampiran). An empty `keterangan: ""` keeps the
    /// column: that is how a form with an empty Ket column is transcribed.
    pub fn ada_keterangan(&self) -> bool {
        self.steps().iter().any(|s| s.keterangan.is_some())
    }

    /// Each step's `waktu` (none where it is missing or did not parse).
    pub fn waktu(&self) -> Vec<Option<&Waktu>> {
        self.steps()
            .iter()
            .map(|s| s.waktu.as_ref().and_then(|w| w.ok()))
            .collect()
    }

    /// Every text value with its span (a list item of a cell has the
    /// cell's span).
    pub fn teks_semua(&self) -> Vec<(Span, &str)> {
        fn one<'a>(out: &mut Vec<(Span, &'a str)>, v: &'a Option<Sp<String>>) {
            if let Some(v) = v {
                out.push((v.span, v.as_str()));
            }
        }
        let mut out: Vec<(Span, &str)> = Vec::new();
        one(&mut out, &self.nomor);
        one(&mut out, &self.nama);
        if let Some(i) = &self.instansi {
            for v in [&i.pemerintah, &i.nama, &i.alamat, &i.telepon, &i.logo] {
                one(&mut out, v);
            }
        }
        if let Some(d) = &self.disahkan_oleh {
            for v in [&d.atas_nama, &d.jabatan, &d.nama, &d.pangkat, &d.nip] {
                one(&mut out, v);
            }
        }
        let lists = [
            self.instansi.as_ref().and_then(|i| i.unit.as_ref()),
            self.dasar_hukum.as_ref(),
            self.kualifikasi_pelaksana.as_ref(),
            self.peralatan_perlengkapan.as_ref(),
            self.peringatan.as_ref(),
            self.pencatatan_pendataan.as_ref(),
            self.pelaksana.as_ref(),
        ];
        for list in lists.into_iter().flatten() {
            out.extend(list.iter().map(|v| (v.span, v.as_str())));
        }
        if let Some(list) = &self.keterkaitan {
            out.extend(list.iter().map(|v| (v.span, v.text())));
        }
        for step in self.steps() {
            for v in [&step.kegiatan, &step.pelaksana] {
                one(&mut out, v);
            }
            for cell in [&step.kelengkapan, &step.output, &step.keterangan]
                .into_iter()
                .flatten()
            {
                match &cell.value {
                    Isi::Teks(t) => out.push((cell.span, t)),
                    Isi::Daftar(items) => out.extend(items.iter().map(|t| (cell.span, t.as_str()))),
                }
            }
        }
        out
    }

    /// The JUMLAH of all steps' `waktu`.
    pub fn jumlah(&self) -> crate::model::durasi::Jumlah {
        self.waktu().into_iter().flatten().collect()
    }
}

#[derive(Clone, Debug, Default, JsonSchema, Serialize)]
#[schemars(deny_unknown_fields)]
pub struct Instansi {
    /// Pemerintah daerah, misalnya `Pemerintah Kabupaten Kudus`.
    pub pemerintah: Option<Sp<String>>,
    /// Nama instansi/perangkat daerah.
    #[schemars(required)]
    pub nama: Option<Sp<String>>,
    /// Unit kerja di bawah instansi, dari yang tertinggi, misalnya `[Sekretariat, Sub Bagian Umum]`.
    pub unit: Option<Sp<Vec<Sp<String>>>>,
    pub alamat: Option<Sp<String>>,
    pub telepon: Option<Sp<String>>,
    /// Logo (PNG, JPEG atau SVG), relatif terhadap berkas ini, di dalam repositori.
    pub logo: Option<Sp<String>>,
}

#[derive(Clone, Debug, Default, JsonSchema, Serialize)]
#[schemars(deny_unknown_fields)]
pub struct TanggalSop {
    /// Tanggal pembuatan: `2020-07-08` atau `8 Juli 2020`.
    #[schemars(required)]
    pub pembuatan: Option<Sp<Parsed<Tanggal>>>,
    /// Tanggal revisi (tidak sebelum tanggal pembuatan).
    pub revisi: Option<Sp<Parsed<Tanggal>>>,
    /// Tanggal efektif (wajib untuk SOP `final`).
    pub efektif: Option<Sp<Parsed<Tanggal>>>,
}

#[derive(Clone, Debug, Default, JsonSchema, Serialize)]
#[schemars(deny_unknown_fields)]
pub struct DisahkanOleh {
    /// Dicetak sebagai "a.n. …" di atas jabatan, misalnya `BUPATI TANJUNG JABUNG BARAT`.
    pub atas_nama: Option<Sp<String>>,
    pub jabatan: Option<Sp<String>>,
    pub nama: Option<Sp<String>>,
    /// Pangkat, boleh dengan golongan: `Pembina Utama Muda (IV/c)`.
    pub pangkat: Option<Sp<String>>,
    /// NIP 18 angka, boleh berspasi `19681202 198803 1 002`.
    pub nip: Option<Sp<String>>,
}

/// A related SOP.
#[derive(Clone, Debug, PartialEq, JsonSchema, Serialize)]
#[serde(untagged)]
pub enum Keterkaitan {
    /// Plain text naming an SOP (possibly of another office).
    Teks(String),
    /// An explicit reference that must exist in the repository.
    Rujukan(Rujukan),
}

#[derive(Clone, Debug, PartialEq, JsonSchema, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Rujukan {
    /// Nomor SOP lain dalam repositori.
    Nomor(String),
    /// Nama SOP lain dalam repositori.
    Nama(String),
    /// Berkas YAML SOP lain, relatif terhadap berkas ini.
    Berkas(String),
}

impl Keterkaitan {
    pub fn text(&self) -> &str {
        match self {
            Keterkaitan::Teks(t) => t,
            Keterkaitan::Rujukan(Rujukan::Nomor(t) | Rujukan::Nama(t) | Rujukan::Berkas(t)) => t,
        }
    }
}

/// A text cell: one paragraph, or a list printed as a numbered list.
#[derive(Clone, Debug, PartialEq, JsonSchema, Serialize)]
#[serde(untagged)]
pub enum Isi {
    Teks(String),
    Daftar(Vec<String>),
}

impl Isi {
    /// All the text, for length estimates and searches.
    pub fn plain_len(&self) -> usize {
        match self {
            Isi::Teks(t) => t.chars().count(),
            Isi::Daftar(items) => items.iter().map(|i| i.chars().count() + 4).sum(),
        }
    }
}

/// One row of the procedure table.
#[derive(Clone, Debug, Default, JsonSchema, Serialize)]
#[schemars(deny_unknown_fields)]
pub struct Langkah {
    /// Nama langkah untuk dirujuk oleh `keputusan` atau `lanjut`.
    pub id: Option<Sp<String>>,
    /// Kegiatan, diawali kata kerja aktif tanpa subjek: "Memverifikasi berkas".
    #[schemars(required)]
    pub kegiatan: Option<Sp<String>>,
    /// Satu pelaksana dari daftar `pelaksana`.
    #[schemars(required)]
    pub pelaksana: Option<Sp<String>>,
    /// Mutu baku: persyaratan/kelengkapan.
    pub kelengkapan: Option<Sp<Isi>>,
    /// Mutu baku: waktu, misalnya `15 menit`, `1-2 hari`, `Sesuai kebutuhan`.
    #[schemars(required)]
    pub waktu: Option<Sp<Parsed<Waktu>>>,
    /// Mutu baku: output.
    #[schemars(required)]
    pub output: Option<Sp<Isi>>,
    /// Keterangan.
    pub keterangan: Option<Sp<Isi>>,
    /// Menjadikan langkah ini keputusan (belah ketupat) dengan dua jalan keluar.
    pub keputusan: Option<Sp<Keputusan>>,
    /// `id` langkah berikutnya bila bukan langkah sesudahnya.
    pub lanjut: Option<Sp<String>>,
}

#[derive(Clone, Debug, Default, JsonSchema, Serialize)]
#[schemars(deny_unknown_fields)]
pub struct Keputusan {
    /// `id` tujuan bila "ya"; kosong = langkah berikutnya.
    pub ya: Option<Sp<String>>,
    /// `id` tujuan bila "tidak"; kosong = langkah berikutnya.
    pub tidak: Option<Sp<String>>,
    /// Kata pada kedua jalan keluar, bawaan `Ya`/`Tidak`.
    pub label: Option<Sp<LabelKeputusan>>,
}

#[derive(Clone, Debug, Default, JsonSchema, Serialize)]
#[schemars(deny_unknown_fields)]
pub struct LabelKeputusan {
    pub ya: Option<Sp<String>>,
    pub tidak: Option<Sp<String>>,
}

/// A text that was also parsed into a value (a date, a duration). `nilai` is
/// `None` when the text did not parse; that was reported when reading.
#[derive(Clone, Debug, PartialEq)]
pub struct Parsed<T> {
    pub teks: String,
    pub nilai: Option<T>,
}

impl<T> Parsed<T> {
    pub fn ok(&self) -> Option<&T> {
        self.nilai.as_ref()
    }
}

impl<T> JsonSchema for Parsed<T> {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Teks".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": ["string", "number"] })
    }
}

impl<T> Serialize for Parsed<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.teks)
    }
}
