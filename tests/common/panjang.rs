//! Long SOPs written as YAML, for the tests and benchmarks that need many
//! steps: four actors taking turns, a waktu per step, and decisions every
//! few steps — some looping back, some jumping ahead with printed labels.
//! Shared by `tests/impor.rs` (round trip through the PDF) and
//! `benches/render.rs` (render speed), so that both measure the same SOP.

/// The actors, in column order.
pub const AKTOR: [&str; 4] = [
    "Petugas Loket",
    "Kasubbag Umum",
    "Sekretaris",
    "Kepala Dinas",
];

/// How a generated SOP is made.
#[derive(Clone, Copy, Debug)]
pub struct Panjang {
    /// Number of steps.
    pub langkah: usize,
    /// A decision at every step `i` with `i % tiap == tiap - 4`, from the
    /// fourth step on and never the last: `tiap` 12 gives one decision in
    /// twelve steps.
    pub tiap: usize,
    /// Every other decision jumps ahead (`ya` two steps on, with the labels
    /// `Lengkap` / `Belum lengkap`) instead of looping back.
    pub maju: bool,
    /// Written into every kegiatan, so that one render cannot reuse Typst's
    /// memoised layout of another (as in a batch of different SOPs).
    pub varian: Option<usize>,
}

impl Panjang {
    /// `n` steps, a decision looping back every 12.
    pub fn new(n: usize) -> Panjang {
        Panjang {
            langkah: n,
            tiap: 12,
            maju: false,
            varian: None,
        }
    }

    /// The SOP as YAML.
    pub fn yaml(&self) -> String {
        let mut y = String::from(
            "nomor: 800/1/2024\nnama: Pelayanan Uji Panjang\nstatus: final\n\
             instansi: {pemerintah: Pemerintah Kabupaten Uji, nama: Dinas Uji}\n\
             tanggal: {pembuatan: 2024-01-15, efektif: 2024-02-01}\n\
             disahkan_oleh: {jabatan: Kepala Dinas Uji, nama: Drs. PENGUJI, pangkat: Pembina, nip: \"19681202 198803 1 002\"}\n\
             dasar_hukum: [Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik]\n\
             kualifikasi_pelaksana: [Memahami tata naskah dinas]\nketerkaitan: [SOP Arsip]\n\
             peralatan_perlengkapan: [Komputer, Alat tulis kantor]\nperingatan: [Bila tidak dilaksanakan, pelayanan terlambat]\n\
             pencatatan_pendataan: [Buku register]\npelaksana:\n",
        );
        for a in AKTOR {
            y += &format!("  - {a}\n");
        }
        y += "langkah:\n";
        let n = self.langkah;
        let mut keputusan = 0;
        for i in 0..n {
            let nomor = match self.varian {
                Some(v) => format!("{}/{v}", i + 1),
                None => (i + 1).to_string(),
            };
            y += &format!(
                "  - id: s{i}\n    kegiatan: Memeriksa kelengkapan berkas permohonan nomor {nomor} dan mencatatnya dalam buku agenda\n    pelaksana: {}\n    kelengkapan: [Berkas permohonan, Buku agenda]\n    waktu: {} menit\n    output: Berkas {} diperiksa\n",
                AKTOR[(i * 5 / 3) % 4],
                1 + i % 7,
                i + 1
            );
            if i % self.tiap == self.tiap.saturating_sub(4) && i >= 3 && i + 1 < n {
                y += &if self.maju && keputusan % 2 == 1 && i + 2 < n {
                    format!(
                        "    keputusan:\n      ya: s{}\n      label: {{ya: Lengkap, tidak: Belum lengkap}}\n",
                        i + 2
                    )
                } else {
                    format!("    keputusan: {{tidak: s{}}}\n", i - 3)
                };
                keputusan += 1;
            }
        }
        y
    }
}
