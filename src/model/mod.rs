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
    /// Judul kolom tabel prosedur yang berbeda dari bawaan, misalnya
    /// `{kelengkapan: "Persyaratan/Kelengkapan"}`; paling sering ditulis di `_default.yaml`.
    pub judul_kolom: Option<Sp<JudulKolom>>,
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
            one(&mut out, &step.kegiatan);
            out.extend(step.pelaksana_nama().map(|v| (v.span, v.as_str())));
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

    /// The lists of plain texts: five of the six boxes (`keterkaitan` holds
    /// references) and the actor columns.
    fn daftar_teks(&self) -> [&Option<Sp<Vec<Sp<String>>>>; 6] {
        [
            &self.dasar_hukum,
            &self.kualifikasi_pelaksana,
            &self.peralatan_perlengkapan,
            &self.peringatan,
            &self.pencatatan_pendataan,
            &self.pelaksana,
        ]
    }

    /// Every text the printed form shows, each where it was written, with
    /// its length in characters: the identity, the items of the six boxes,
    /// the actor headings and every cell of the procedure table. None may be
    /// longer than [`MAX_SEL`].
    pub fn sel(&self) -> Vec<(Span, usize)> {
        let mut out = Vec::new();
        let mut teks = |t: Option<&Sp<String>>| {
            if let Some(t) = t {
                out.push((t.span, panjang_cetak(t)));
            }
        };
        teks(self.nomor.as_ref());
        teks(self.nama.as_ref());
        if let Some(i) = &self.instansi {
            for t in [&i.pemerintah, &i.nama, &i.alamat, &i.telepon] {
                teks(t.as_ref());
            }
            i.unit
                .iter()
                .flat_map(|u| u.iter())
                .for_each(|u| teks(Some(u)));
        }
        if let Some(d) = &self.disahkan_oleh {
            for t in [&d.atas_nama, &d.jabatan, &d.nama, &d.pangkat, &d.nip] {
                teks(t.as_ref());
            }
        }
        for list in self.daftar_teks() {
            list.iter()
                .flat_map(|l| l.iter())
                .for_each(|t| teks(Some(t)));
        }
        for s in self.steps() {
            teks(s.kegiatan.as_ref());
            s.pelaksana_nama().for_each(|p| teks(Some(p)));
            if let Some(label) = s.keputusan.as_ref().and_then(|k| k.label.as_ref()) {
                teks(label.ya.as_ref());
                teks(label.tidak.as_ref());
            }
        }
        let parsed = |p: &Sp<Parsed<_>>| (p.span, panjang_cetak(&p.teks));
        if let Some(t) = &self.tanggal {
            out.extend(
                [&t.pembuatan, &t.revisi, &t.efektif]
                    .into_iter()
                    .flatten()
                    .map(parsed),
            );
        }
        out.extend(
            self.keterkaitan
                .iter()
                .flat_map(|l| l.iter())
                .map(|k| (k.span, panjang_cetak(k.text()))),
        );
        for s in self.steps() {
            out.extend(s.waktu.as_ref().map(|w| (w.span, panjang_cetak(&w.teks))));
            for isi in [&s.kelengkapan, &s.output, &s.keterangan]
                .into_iter()
                .flatten()
            {
                let len = match &isi.value {
                    Isi::Teks(t) => panjang_cetak(t),
                    Isi::Daftar(items) => items.iter().map(|i| panjang_cetak(i) + 1).sum(),
                };
                out.push((isi.span, len));
            }
        }
        out
    }
}

/// Characters of `text` as printed: the indentation of its lines (a nested
/// Markdown list) is layout, not text.
fn panjang_cetak(text: &str) -> usize {
    text.lines()
        .map(|l| l.trim_start().chars().count() + 1)
        .sum::<usize>()
        .saturating_sub(1)
}

/// Most characters of one printed text (a cell of the procedure table, an
/// item of a box, a line of the identity): about what a page-high row holds
/// at the table's 8 pt type in its narrowest text column. Longer texts are
/// never sent to the renderer: laying out one cell of 22 million characters
/// took 8.5 GB.
pub const MAX_SEL: usize = 1200;
/// Most steps of one SOP: a procedure that long is several SOPs, and the
/// renderer lays 500 steps out in well under the 2 s budget of one build.
pub const MAX_LANGKAH: usize = 500;
/// Most items of one list (a box of the lembar pengesahan, `pelaksana`,
/// `unit`, a list in a cell).
pub const MAX_BUTIR: usize = 100;
/// Most characters the whole printed form holds (about 60 dense pages; a
/// real SOP holds 2,000–20,000).
pub const MAX_TEKS_CETAK: usize = 100_000;

/// A bound of the printed form that an SOP passes (none does, once
/// `sopc check` is clean): the reason the renderer refuses it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lampau {
    /// One text of this many characters, past [`MAX_SEL`].
    Sel(usize),
    /// This many steps, past [`MAX_LANGKAH`].
    Langkah(usize),
    /// A list of this many items, past [`MAX_BUTIR`].
    Butir(usize),
    /// Printed text past [`MAX_TEKS_CETAK`] characters from here on.
    Teks,
}

impl Lampau {
    pub fn pesan(self) -> crate::diag::Msg {
        use crate::msg;
        match self {
            Lampau::Sel(len) => msg!(
                "teks ini panjangnya {len} karakter, melebihi batas {MAX_SEL} karakter satu sel; barisnya lebih tinggi dari satu halaman dan tidak dicetak",
                "this text has {len} characters, over the limit of {MAX_SEL} for one cell; its row is taller than a page and is not printed"
            ),
            Lampau::Langkah(n) => msg!(
                "SOP ini memiliki {n} langkah, melebihi batas {MAX_LANGKAH} langkah; tidak dicetak",
                "this SOP has {n} steps, over the limit of {MAX_LANGKAH}; it is not printed"
            ),
            Lampau::Butir(n) => msg!(
                "daftar ini memiliki {n} butir, melebihi batas {MAX_BUTIR} butir; tidak dicetak",
                "this list has {n} items, over the limit of {MAX_BUTIR}; it is not printed"
            ),
            Lampau::Teks => msg!(
                "teks SOP ini sampai di sini melebihi batas {MAX_TEKS_CETAK} karakter untuk satu SOP; tidak dicetak",
                "the text of this SOP passes the limit of {MAX_TEKS_CETAK} characters for one SOP here; it is not printed"
            ),
        }
    }

    pub fn bantuan(self) -> crate::diag::Msg {
        use crate::msg;
        match self {
            Lampau::Sel(_) => msg!(
                "pecah langkah ini atau persingkat teksnya (paling banyak {MAX_SEL} karakter)",
                "split this step or shorten its text ({MAX_SEL} characters at most)"
            ),
            Lampau::Langkah(_) | Lampau::Teks => msg!(
                "pecah prosedur ini menjadi beberapa SOP yang saling dirujuk lewat `keterkaitan`",
                "split the procedure into several SOPs that name each other in `keterkaitan`"
            ),
            Lampau::Butir(_) => msg!(
                "gabungkan butir yang sejenis atau pindahkan rinciannya ke dokumen lain",
                "merge similar items or move the details to another document"
            ),
        }
    }
}

impl Sop {
    /// Every bound of the printed form this SOP passes, each where it is
    /// passed: the same list for `sopc check` and for the renderer.
    pub fn lampau(&self) -> Vec<(Span, Lampau)> {
        let sel = self.sel();
        let mut out: Vec<(Span, Lampau)> = sel
            .iter()
            .filter(|(_, n)| *n > MAX_SEL)
            .map(|&(span, n)| (span, Lampau::Sel(n)))
            .collect();
        if let Some(s) = self.steps().get(MAX_LANGKAH) {
            out.push((s.span, Lampau::Langkah(self.steps().len())));
        }
        let ins = self.instansi.as_ref();
        let lists = self
            .daftar_teks()
            .into_iter()
            .chain(ins.map(|i| &i.unit))
            .flatten()
            .filter_map(|l| Some((l.get(MAX_BUTIR)?.span, l.len())));
        let keterkaitan = self
            .keterkaitan
            .iter()
            .filter_map(|l| Some((l.get(MAX_BUTIR)?.span, l.len())));
        let cells = self
            .steps()
            .iter()
            .flat_map(|s| [&s.kelengkapan, &s.output, &s.keterangan])
            .flatten()
            .filter_map(|isi| match &isi.value {
                Isi::Daftar(items) if items.len() > MAX_BUTIR => Some((isi.span, items.len())),
                _ => None,
            });
        out.extend(
            lists
                .chain(keterkaitan)
                .chain(cells)
                .map(|(span, n)| (span, Lampau::Butir(n))),
        );
        let mut total = 0;
        if let Some(&(span, _)) = sel.iter().find(|(_, n)| {
            total += n;
            total > MAX_TEKS_CETAK
        }) {
            out.push((span, Lampau::Teks));
        }
        out
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

/// Judul kolom tabel prosedur; kolom yang tidak disebut memakai judul bawaan.
#[derive(Clone, Debug, Default, JsonSchema, Serialize)]
#[schemars(deny_unknown_fields)]
pub struct JudulKolom {
    /// Bawaan `No`.
    pub no: Option<Sp<String>>,
    /// Bawaan `Kegiatan`.
    pub kegiatan: Option<Sp<String>>,
    /// Bawaan `Pelaksana`.
    pub pelaksana: Option<Sp<String>>,
    /// Bawaan `Mutu Baku`.
    pub mutu_baku: Option<Sp<String>>,
    /// Bawaan `Kelengkapan`; misalnya `Persyaratan/Kelengkapan`.
    pub kelengkapan: Option<Sp<String>>,
    /// Bawaan `Waktu`.
    pub waktu: Option<Sp<String>>,
    /// Bawaan `Output`.
    pub output: Option<Sp<String>>,
    /// Bawaan `Keterangan`; misalnya `Ket`.
    pub keterangan: Option<Sp<String>>,
}

impl JudulKolom {
    /// The heading of the `judul_kolom` key `key`, when the SOP sets it.
    pub fn kunci(&self, key: &str) -> Option<&Sp<String>> {
        match key {
            "no" => self.no.as_ref(),
            "kegiatan" => self.kegiatan.as_ref(),
            "pelaksana" => self.pelaksana.as_ref(),
            "mutu_baku" => self.mutu_baku.as_ref(),
            "kelengkapan" => self.kelengkapan.as_ref(),
            "waktu" => self.waktu.as_ref(),
            "output" => self.output.as_ref(),
            "keterangan" => self.keterangan.as_ref(),
            _ => None,
        }
    }
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
    /// Satu pelaksana dari daftar `pelaksana`, atau beberapa (`[PPK, KPA]`) yang melaksanakan kegiatan yang sama bersamaan.
    #[schemars(required)]
    pub pelaksana: Option<Sp<PelaksanaLangkah>>,
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

/// Who carries out one step: one declared actor, or several carrying out
/// the same kegiatan at once (a parallel row: one symbol in each of their
/// columns, one row of the table, its `waktu` counted once).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PelaksanaLangkah {
    /// Each name with its own span, in the order written; one entry for the
    /// plain form `pelaksana: PPK`, none for an empty list `[]`.
    pub nama: Vec<Sp<String>>,
    /// Written as a list (`[PPK, KPA]`), even of one entry.
    pub daftar: bool,
}

impl PelaksanaLangkah {
    /// The plain form: one name, written as text.
    pub fn satu(nama: Sp<String>) -> PelaksanaLangkah {
        PelaksanaLangkah {
            nama: vec![nama],
            daftar: false,
        }
    }

    /// Whether several actors carry the step out at once.
    pub fn sejajar(&self) -> bool {
        self.nama.len() > 1
    }

    /// The names as written.
    pub fn iter(&self) -> impl Iterator<Item = &Sp<String>> {
        self.nama.iter()
    }
}

/// As written: a text for the plain form, a list for the list form.
impl Serialize for PelaksanaLangkah {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.nama.as_slice() {
            [one] if !self.daftar => one.serialize(s),
            all => all.serialize(s),
        }
    }
}

impl JsonSchema for PelaksanaLangkah {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "PelaksanaLangkah".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "anyOf": [
                {
                    "description": "Satu pelaksana dari daftar `pelaksana`.",
                    "type": "string"
                },
                {
                    "description": "Beberapa pelaksana yang melaksanakan kegiatan yang sama bersamaan (langkah sejajar), masing-masing dari daftar `pelaksana`; bukan untuk langkah `keputusan`.",
                    "type": "array",
                    "items": { "type": "string" },
                    "minItems": 1,
                    "uniqueItems": true
                }
            ]
        })
    }
}

impl Langkah {
    /// The names in `pelaksana`, each with its span (none when it is absent).
    pub fn pelaksana_nama(&self) -> impl Iterator<Item = &Sp<String>> {
        self.pelaksana.iter().flat_map(|p| p.iter())
    }
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
