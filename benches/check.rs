//! Benchmark: `sopc check` over 10,000 generated SOP files of 10–30 steps,
//! through the library (parallel over files, as the CLI does). Run with
//! `cargo bench --bench check`; prints wall time and files per second.
//! With `SOPC_BENCH_DIR=DIR` the files are written once to DIR and kept.

use std::time::Instant;

fn sop(i: usize) -> String {
    let steps = 10 + i % 21;
    let mut s = format!(
        "nomor: 800/{i}/DPMD/2023\nnama: SOP Uji {i}\nstatus: final\ninstansi:\n  pemerintah: Pemerintah Kabupaten Kudus\n  nama: Dinas Uji\ntanggal:\n  pembuatan: 2020-07-08\n  efektif: 8 Juli 2020\ndisahkan_oleh:\n  jabatan: Kepala Dinas\n  nama: Drs. ADI SADHONO\n  pangkat: Pembina Utama Muda (IV/c)\n  nip: \"19681202 198803 1 002\"\ndasar_hukum:\n  - Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik\n  - Peraturan Menteri Dalam Negeri Nomor 52 Tahun 2011 tentang Standar Operasional Prosedur\nkualifikasi_pelaksana: [Memahami tata naskah dinas]\nketerkaitan: [SOP Uji {}]\nperalatan_perlengkapan: [Komputer]\nperingatan: [Apabila SOP tidak dilaksanakan, layanan terhambat]\npencatatan_pendataan: [Buku agenda]\npelaksana: [Kepala Dinas, Sekretaris, Pelaksana]\nlangkah:\n",
        i + 1
    );
    for k in 0..steps {
        let actor = ["Pelaksana", "Sekretaris", "Kepala Dinas"][k % 3];
        s.push_str(&format!("  - id: l{k}\n    kegiatan: Memeriksa berkas nomor {k}\n    pelaksana: {actor}\n    waktu: {} menit\n    output: Berkas {k}\n", 5 + k));
        if k == steps / 2 {
            s.push_str("    keputusan:\n      tidak: l1\n");
        }
    }
    s
}

fn main() {
    let n = 10_000;
    // SOPC_BENCH_DIR keeps the files between runs (for profiling the check
    // alone); otherwise they go to a temporary directory.
    let temp = tempfile::tempdir().expect("a temporary directory");
    let dir = std::env::var_os("SOPC_BENCH_DIR").map_or_else(|| temp.path().to_owned(), Into::into);
    std::fs::create_dir_all(&dir).expect("the benchmark directory");
    for i in 0..n {
        let path = dir.join(format!("sop-{i:05}.yaml"));
        if !path.exists() {
            std::fs::write(path, sop(i)).expect("write");
        }
    }
    let config = sopc::config::Config::default();
    let paths = vec![dir];
    for run in 1..=3 {
        let t = Instant::now();
        let reports = sopc::app::batch::check_paths(&paths, &config).expect("check");
        let secs = t.elapsed().as_secs_f64();
        let errors: usize = reports.iter().map(|r| r.errors()).sum();
        assert_eq!(reports.len(), n);
        assert_eq!(errors, 0, "generated SOPs are clean");
        println!(
            "run {run}: checked {n} SOP files in {secs:.2} s ({:.0} files/s, {} threads)",
            n as f64 / secs,
            rayon::current_num_threads()
        );
    }
}
