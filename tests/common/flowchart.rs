//! Generated flowcharts for the property tests of the drawing (and for
//! benchmarks): 2–8 pelaksana with long names, 1–5 decisions jumping back
//! and forward (across pages too), parallel rows (several terminators at
//! the start or end included), on F4 and A4, landscape and portrait — as
//! many actors as the paper keeps legible (more is `tata-letak-kolom`'s
//! warning). Each case is a layout-level flow with the row heights a
//! measuring pass could report, and the same SOP as YAML for a full render.

use proptest::prelude::*;
use sopc::kolom::kolom_label;
use sopc::layout::{Edge, Flow, Heights, Plan};
use sopc::model::alur::{Jenis, Simbol};
use sopc::paper::{Columns, Kertas, Orientasi, Sheet, mm};

/// One generated SOP.
#[derive(Clone, Debug)]
pub struct Kasus {
    pub kertas: Kertas,
    pub orientasi: Orientasi,
    pub keterangan: bool,
    /// Long jabatan names, one per actor column.
    pub aktor: Vec<String>,
    /// Per step: its columns (leftmost first; several for a parallel row).
    pub kolom: Vec<Vec<usize>>,
    /// Per step: a decision's jump (`ya` when the flag is set, else
    /// `tidak`) to a step; its other exit goes on to the next step.
    pub lompat: Vec<Option<(usize, bool)>>,
    /// Per step: the height of its row's text (mm), as measured.
    pub tinggi: Vec<f64>,
    /// The words on every decision's exits (`ya`, `tidak`): `Ya`/`Tidak`
    /// unless [`Kasus::with_form_labels`] set others.
    pub label: (&'static str, &'static str),
}

/// Words on decisions' exits in the BPS forms, some too wide for a line
/// down a 16 mm column ([`Kasus::with_form_labels`]).
pub const LABEL: [(&str, &str); 4] = [
    ("Ya", "Tidak"),
    ("Lengkap", "Belum lengkap"),
    ("Offline", "Online"),
    ("valid", "Belum valid"),
];

pub const JABATAN: [&str; 8] = [
    "Kepala Badan Pusat Statistik Provinsi",
    "Kepala Bagian Umum",
    "Pejabat Pembuat Komitmen",
    "Kuasa Pengguna Anggaran",
    "Koordinator Fungsi Statistik Distribusi",
    "Pejabat Penandatangan Surat Perintah Membayar",
    "Bendahara Pengeluaran",
    "Pranata Komputer Ahli Pertama",
];

impl Kasus {
    pub fn sheet(&self) -> Sheet {
        Sheet::of(self.kertas, self.orientasi)
    }

    /// The columns the allocation gives: as wide as the paper allows, and
    /// wider for labels other than `Ya`/`Tidak` where Kegiatan keeps its
    /// readable width, as for an SOP's own labels.
    pub fn columns(&self) -> Columns {
        self.columns_for(0.0)
    }

    /// [`Kasus::columns`] with every actor column at least `bagan` pt wide
    /// where the table has the room ([`sopc::paper::Isi::bagan`]): what
    /// [`sopc::layout::Plan::widened`] asks for a plan that broke a rule.
    pub fn columns_for(&self, bagan: f64) -> Columns {
        let lebar = self.sheet().lebar_isi();
        let aktor = if self.label == LABEL[0] {
            0.0
        } else {
            let (ya, tidak) = self.label;
            kolom_label(ya)
                .max(kolom_label(tidak))
                .min(mm(sopc::paper::ACTOR_MAX))
        };
        let isi = sopc::paper::Isi {
            kolom: sopc::paper::JUDUL_BAWAAN.map(mm),
            aktor,
            bagan,
            ..Default::default()
        };
        Columns::untuk(lebar, self.aktor.len(), self.keterangan, &isi)
    }

    /// The plan of this SOP as a render makes it: in wider actor columns,
    /// its rows measured again, where the first plan breaks a rule.
    pub fn plan(&self) -> (Plan, Flow) {
        let flow = self.flow();
        let kolom = self.columns();
        let widen = |w: f64| {
            let k = self.columns_for(w);
            let h = self.heights_in(&k);
            Some((k, h))
        };
        let plan = Plan::widened(&flow, kolom.clone(), &self.heights_in(&kolom), widen)
            .expect("rows fit a page");
        (plan, flow)
    }

    /// The same SOP with the words of one of the BPS forms on its
    /// decisions' exits, chosen by its number of steps (so the sequence of
    /// generated SOPs stays the same): `SOPC_BAGAN_LABEL=1` in
    /// `how_often_a_generated_flowchart_is_cramped`.
    pub fn with_form_labels(self) -> Kasus {
        let label = LABEL[self.kolom.len() % LABEL.len()];
        self.with_labels(label)
    }

    /// The same SOP with `label` (`ya`, `tidak`) on its decisions' exits.
    pub fn with_labels(self, label: (&'static str, &'static str)) -> Kasus {
        Kasus { label, ..self }
    }

    /// The flow as the layout sees it.
    pub fn flow(&self) -> Flow {
        let n = self.kolom.len();
        let mut edges = Vec::new();
        for i in 0..n {
            match self.lompat[i] {
                Some((t, ya)) => {
                    let (jump, on) = if ya {
                        (Jenis::Ya, Jenis::Tidak)
                    } else {
                        (Jenis::Tidak, Jenis::Ya)
                    };
                    for (to, kind) in [(t, jump), (i + 1, on)] {
                        let label = if kind == Jenis::Ya {
                            self.label.0
                        } else {
                            self.label.1
                        };
                        edges.push(Edge {
                            from: i,
                            to,
                            kind,
                            label: Some(label.into()),
                        });
                    }
                }
                None if i + 1 < n => edges.push(Edge {
                    from: i,
                    to: i + 1,
                    kind: Jenis::Lanjut,
                    label: None,
                }),
                None => {}
            }
        }
        Flow {
            actors: self.aktor.len(),
            langkah: (0..n).map(|i| (self.kolom[i][0], self.simbol(i))).collect(),
            sejajar: self.kolom.iter().map(|k| k[1..].to_vec()).collect(),
            edges,
        }
    }

    pub fn simbol(&self, i: usize) -> Simbol {
        if i == 0 || i + 1 == self.kolom.len() {
            Simbol::Terminator
        } else if self.lompat[i].is_some() {
            Simbol::Keputusan
        } else {
            Simbol::Proses
        }
    }

    /// The row heights a measuring pass reports: the text, but never less
    /// than the symbol's cell; the header grows with the long names.
    pub fn heights(&self) -> Heights {
        self.heights_in(&self.columns())
    }

    /// [`Kasus::heights`] in the columns `kolom`.
    pub fn heights_in(&self, kolom: &Columns) -> Heights {
        let flow = self.flow();
        let longest = self.aktor.iter().map(|a| a.len()).max().unwrap_or(0) as f64;
        let per_line = (kolom.actor_width / mm(1.6)).max(4.0);
        let header = mm(8.0) + mm(3.6) * (longest / per_line).ceil();
        Heights {
            page_height: self.sheet().tinggi_isi(),
            title: mm(22.0),
            // the line naming the SOP above the table on later pages
            continuation: mm(9.0),
            header,
            rows: (0..self.kolom.len())
                .map(|i| mm(self.tinggi[i]).max(flow.cell_height(i)))
                .collect(),
            jumlah: mm(7.0),
        }
    }

    /// The same SOP as YAML, for a full render.
    pub fn yaml(&self) -> String {
        let mut o = kepala(&self.aktor);
        let n = self.kolom.len();
        for i in 0..n {
            let pelaksana: Vec<&str> = self.kolom[i]
                .iter()
                .map(|&k| self.aktor[k].as_str())
                .collect();
            let pelaksana = if pelaksana.len() == 1 {
                pelaksana[0].to_owned()
            } else {
                format!("[{}]", pelaksana.join(", "))
            };
            // text long enough to give the row its measured height
            let words = ((self.tinggi[i] - 15.0).max(0.0) * 2.0) as usize;
            let kegiatan = format!(
                "Memeriksa berkas {} {}",
                i + 1,
                "dan mencatat ".repeat(words / 5).trim()
            );
            o += &format!(
                "  - id: l{}\n    kegiatan: {kegiatan}\n    pelaksana: {pelaksana}\n",
                i + 1
            );
            o += "    waktu: 10 menit\n    output: Berkas\n";
            if self.keterangan {
                o += "    keterangan: Catatan\n";
            }
            if let Some((t, ya)) = self.lompat[i] {
                let (jump, on) = if ya { ("ya", "tidak") } else { ("tidak", "ya") };
                o += &format!(
                    "    keputusan:\n      {jump}: l{}\n      {on}: l{}\n",
                    t + 1,
                    i + 2
                );
                if self.label != LABEL[0] {
                    let (ya, tidak) = self.label;
                    o += &format!("      label: {{ya: {ya}, tidak: {tidak}}}\n");
                }
            }
        }
        o
    }
}

/// A draft SOP's YAML up to its steps: every box empty, `aktor` the
/// pelaksana; `langkah:` last, for the steps to follow.
pub fn kepala(aktor: &[impl AsRef<str>]) -> String {
    let mut o = String::from(
        "nomor: 800/40/2024\nnama: Uji Bagan\nstatus: draf\n\
         instansi: {pemerintah: Pemerintah Kabupaten Uji, nama: Dinas Uji}\n\
         tanggal: {pembuatan: 2024-01-15}\ndasar_hukum: []\nkualifikasi_pelaksana: []\n\
         keterkaitan: []\nperalatan_perlengkapan: []\nperingatan: []\n\
         pencatatan_pendataan: []\npelaksana:\n",
    );
    for a in aktor {
        o += &format!("  - {}\n", a.as_ref());
    }
    o + "langkah:\n"
}

/// Ascending distinct columns of a parallel row: `first` and `more` others.
fn sejajar(actors: usize, first: usize, more: usize, pick: &[usize]) -> Vec<usize> {
    let mut k = vec![first];
    for &p in pick.iter().take(more) {
        let c = p % actors;
        if !k.contains(&c) {
            k.push(c);
        }
    }
    k.sort_unstable();
    k
}

/// Generated SOPs.
pub fn kasus() -> impl Strategy<Value = Kasus> {
    let paper = (
        prop_oneof![Just(Kertas::F4), Just(Kertas::A4)],
        prop_oneof![Just(Orientasi::Lanskap), Just(Orientasi::Potret)],
        any::<bool>(),
    );
    (paper, 2usize..=8, 5usize..=40)
        .prop_flat_map(|((kertas, orientasi, keterangan), actors, n)| {
            let sheet = Sheet::of(kertas, orientasi);
            let legible = (1..=actors)
                .take_while(|&m| !Columns::compute(sheet.lebar_isi(), m, keterangan).narrow)
                .last()
                .unwrap_or(1)
                .max(2);
            let actors = actors.min(legible);
            (
                Just((kertas, orientasi, keterangan, actors, n)),
                proptest::collection::vec(0..actors, n),
                proptest::collection::vec((1..n - 1, 0..n, any::<bool>()), 1..=5),
                proptest::collection::vec(
                    (0..n, 1usize..=3, proptest::collection::vec(0..actors, 3)),
                    0..=3,
                ),
                proptest::collection::vec(19.0f64..60.0, n),
            )
        })
        .prop_map(
            |((kertas, orientasi, keterangan, actors, n), kolom, keputusan, paralel, tinggi)| {
                let mut lompat: Vec<Option<(usize, bool)>> = vec![None; n];
                for (s, t, ya) in keputusan {
                    // a decision jumps anywhere but to the step after it
                    if t != s + 1 {
                        lompat[s] = Some((t, ya));
                    }
                }
                let mut kolom: Vec<Vec<usize>> = kolom.into_iter().map(|k| vec![k]).collect();
                for (i, more, pick) in paralel {
                    if lompat[i].is_none() {
                        kolom[i] = sejajar(actors, kolom[i][0], more, &pick);
                    }
                }
                Kasus {
                    kertas,
                    orientasi,
                    keterangan,
                    aktor: JABATAN[..actors].iter().map(|s| (*s).to_owned()).collect(),
                    kolom,
                    lompat,
                    tinggi,
                    label: LABEL[0],
                }
            },
        )
}
