//! Findings made while reading a file (YAML syntax, keys, types, dates,
//! durations). They have no checker of their own: `parse` reports them under
//! these codes, and they are listed here so that `sopc explain` and
//! `sopc.toml` know them.

use crate::check::Rule;
use crate::diag::Severity::Error;
use crate::sandbox::{self, Galat};

pub static YAML_SINTAKS: Rule = Rule {
    code: "yaml-sintaks",
    severity: Error,
    title: ("YAML tidak valid", "invalid YAML"),
    sumber: "YAML 1.2",
    doc: "Berkas tidak dapat dibaca sebagai YAML: indentasi tidak rata, titik dua hilang, \
tanda kutip tidak ditutup, atau karakter tab dipakai untuk indentasi.\n\n\
Contoh salah:\n```yaml\ninstansi:\n\tnama: Dinas X   # tab\n```\nGunakan spasi:\n```yaml\ninstansi:\n  nama: Dinas X\n```",
};

pub static YAML_TERLALU_BESAR: Rule = Rule {
    code: "yaml-terlalu-besar",
    severity: Error,
    title: (
        "YAML terlalu besar atau alias berlebihan",
        "YAML too large or too many aliases",
    ),
    sumber: "keamanan sopc",
    doc: "sopc membatasi jumlah simpul dan perluasan alias (`&a` / `*a`) per berkas agar \
berkas yang keliru atau berbahaya (\"bom alias\") tidak menghabiskan memori. SOP tidak \
memerlukan alias: tulis nilainya langsung.",
};

pub static BERKAS_KOSONG: Rule = Rule {
    code: "berkas-kosong",
    severity: Error,
    title: ("berkas SOP kosong", "empty SOP file"),
    sumber: "Permendagri 52/2011",
    doc: "Berkas tidak berisi apa pun. Mulailah dari kerangka `sopc new \"Nama SOP\"`.",
};

pub static BAWAAN_GANDA: Rule = Rule {
    code: "bawaan-ganda",
    severity: Error,
    title: (
        "dua berkas bawaan dalam satu direktori",
        "two defaults files in one directory",
    ),
    sumber: "sopc (nilai bawaan repositori)",
    doc: "Satu direktori hanya boleh memiliki satu berkas bawaan: `_default.yaml` atau \
`_default.yml`. Bila keduanya ada, `_default.yml` tidak dipakai dan dilaporkan, agar tidak \
ada nilai yang diam-diam bergantung pada berkas mana yang terbaca. Gabungkan isinya ke \
`_default.yaml`.",
};

pub static BUKAN_UTF8: Rule = Rule {
    code: "bukan-utf8",
    severity: Error,
    title: ("berkas bukan teks UTF-8", "file is not UTF-8 text"),
    sumber: "YAML 1.2",
    doc: "Berkas memuat byte yang bukan UTF-8 (misalnya disimpan sebagai Windows-1252). \
Simpan ulang sebagai UTF-8; BOM UTF-8 dan akhir baris CRLF diterima.",
};

pub static BERKAS_TERLALU_BESAR: Rule = Rule {
    code: sandbox::KODE_TERLALU_BESAR,
    severity: Error,
    title: ("berkas terlalu besar", "file too large"),
    sumber: "keamanan sopc",
    doc: "sopc membaca setiap berkas dengan batas ukuran: SOP dan logo 16 MiB, berkas bawaan \
(`_default.yaml`), `sopc.toml` dan penjelasan 1 MiB, pindaian keputusan 64 MiB. SOP \
sebesar itu hampir pasti keliru; pecah prosedur yang sangat panjang menjadi beberapa SOP \
yang saling terkait (`keterkaitan`). Temuan ini tidak dapat dimatikan di `sopc.toml`.",
};

pub static BERKAS_TIDAK_TERBACA: Rule = Rule {
    code: sandbox::KODE_TIDAK_TERBACA,
    severity: Error,
    title: ("berkas tidak dapat dibaca", "file cannot be read"),
    sumber: "keamanan sopc",
    doc: "Berkas hilang saat sopc berjalan, tidak boleh dibaca (izin), atau bukan berkas \
biasa: direktori, pipa bernama (FIFO), berkas perangkat seperti `/dev/zero`, atau soket. \
sopc tidak membuka berkas semacam itu (membacanya bisa menunggu selamanya atau tak \
berujung), melaporkannya, lalu tetap memeriksa berkas lain. Temuan ini tidak dapat \
dimatikan di `sopc.toml`: berkas yang tidak terbaca tidak pernah lolos pemeriksaan.",
};

pub static BERKAS_DI_LUAR: Rule = Rule {
    code: sandbox::KODE_DI_LUAR,
    severity: Error,
    title: ("berkas di luar repositori", "file outside the repository"),
    sumber: "keamanan sopc",
    doc: "sopc hanya membaca berkas biasa di dalam repositori (direktori terdekat yang \
memuat `sopc.toml` atau `.git`). Tautan simbolik yang menunjuk ke luar — misalnya \
`_default.yaml -> /etc/passwd` dalam sebuah pull request — ditolak tanpa dibuka, dan isinya \
tidak pernah dicetak. Begitu pula bagian tersembunyi repositori — `.git` (tempat CI \
menyimpan token), `.env`, dan setiap nama yang diawali titik. Simpan berkas itu di dalam \
repositori sebagai berkas biasa. Temuan ini tidak dapat dimatikan di `sopc.toml`.",
};

/// The rule of a sandbox refusal; all are reading failures
/// ([`super::TETAP`]), whatever `[aturan]` says.
pub fn reading_rule(galat: Galat) -> &'static Rule {
    super::TETAP
        .iter()
        .copied()
        .find(|r| r.code == galat.kode())
        .expect("every sandbox code is a reading rule (tested below)")
}

pub static KUNCI_TIDAK_DIKENAL: Rule = Rule {
    code: "kunci-tidak-dikenal",
    severity: Error,
    title: ("kunci tidak dikenal", "unknown key"),
    sumber: "bahasa SOP sopc",
    doc: "Kunci yang tidak dikenal hampir selalu salah ketik, dan isinya akan hilang \
dari dokumen cetak. sopc menolaknya dan menyarankan kunci terdekat.\n\n\
Contoh salah: `kualifkasi_pelaksana:` — tulis `kualifikasi_pelaksana:`.",
};

pub static KUNCI_GANDA: Rule = Rule {
    code: "kunci-ganda",
    severity: Error,
    title: ("kunci ditulis dua kali", "duplicate key"),
    sumber: "YAML 1.2",
    doc: "Kunci yang sama ditulis dua kali dalam satu pemetaan. sopc tidak pernah \
menggabungkan atau memilih salah satunya diam-diam: hapus salah satunya.",
};

pub static TIPE_SALAH: Rule = Rule {
    code: "tipe-salah",
    severity: Error,
    title: ("nilai bertipe salah", "value of the wrong type"),
    sumber: "bahasa SOP sopc",
    doc: "Nilai tidak sesuai jenis yang diharapkan, misalnya daftar di tempat teks \
(`nomor: [1, 2]`) atau teks di tempat pemetaan (`instansi: Dinas X`).",
};

pub static STATUS_TIDAK_DIKENAL: Rule = Rule {
    code: "status-tidak-dikenal",
    severity: Error,
    title: ("status tidak dikenal", "unknown status"),
    sumber: "bahasa SOP sopc",
    doc: "`status` adalah `draf` (bawaan; dicetak dengan tanda air DRAF) atau `final` \
(siap ditandatangani; diperiksa lebih ketat).",
};

pub static TANGGAL_TIDAK_VALID: Rule = Rule {
    code: "tanggal-tidak-valid",
    severity: Error,
    title: ("tanggal tidak valid", "invalid date"),
    sumber: "Permendagri 52/2011",
    doc: "Tanggal ditulis `2023-06-05` atau `5 Juni 2023`. Tanggal yang tidak lengkap \
(`Januari 2018`) atau tidak ada (`31 Februari 2023`) ditolak, karena akan tercetak pada \
dokumen yang ditandatangani. Tahunnya antara 1945 dan 2100: `0023` atau `9999` hampir \
pasti salah ketik.",
};

pub static WAKTU_TIDAK_VALID: Rule = Rule {
    code: "waktu-tidak-valid",
    severity: Error,
    title: ("waktu tidak valid", "invalid duration"),
    sumber: "PermenPAN-RB 35/2012 (mutu baku)",
    doc: "`waktu` berupa angka dengan satuan `detik`, `menit`, `jam`, `hari`, `hari kerja`, \
`minggu` atau `bulan` (`1 jam 30 menit`, `1,5 jam`, `1-2 hari`, `maksimal 15 menit`), \
atau teks tanpa angka seperti `Sesuai kebutuhan`. Angka dengan satuan yang tidak dikenal \
(`5 menitan`, `2 jm`) ditolak dengan saran, tidak pernah dianggap \"sesuai kebutuhan\". \
Titik sebelum tepat tiga angka (`1.500 menit`) ditolak karena bermakna ganda: dalam bahasa \
Indonesia titik memisahkan ribuan (1500), dalam bahasa Inggris menandai desimal (1,5); \
tulis `1500 menit` atau `1,5 menit`.",
};

#[cfg(test)]
mod tests {
    use crate::check::testing::*;
    use crate::sandbox::{Galat, Macam};

    #[test]
    fn every_sandbox_refusal_has_its_reading_rule() {
        let all = [
            Galat::TidakAda,
            Galat::DiLuar,
            Galat::Tersembunyi,
            Galat::BukanBerkasBiasa(Macam::Fifo),
            Galat::TerlaluBesar { batas: 1 },
            Galat::TidakTerbaca(std::io::ErrorKind::PermissionDenied),
        ];
        for g in all {
            assert_eq!(super::reading_rule(g).code, g.kode());
        }
    }

    #[test]
    fn reading_findings_point_at_their_line() {
        let src = valid_with("status: final", "status: finall");
        assert_eq!(lines_of(&src, "status-tidak-dikenal"), vec![3]);
        let src = valid_with("nomor: 800/12/DPMD/2023", "nomor: [800, 12]");
        assert_eq!(lines_of(&src, "tipe-salah"), vec![1]);
        let src = valid_with("    waktu: 10 menit", "    waktu: 10 menitan");
        assert_eq!(
            lines_of(&src, "waktu-tidak-valid"),
            vec![line_of(&src, "10 menitan")]
        );
        let src = valid_with("kualifikasi_pelaksana:", "kualifkasi_pelaksana:");
        assert_eq!(lines_of(&src, "kunci-tidak-dikenal"), vec![19]);
        let src = valid_with(
            "nama: Pelayanan Surat Masuk\n",
            "nama: Pelayanan Surat Masuk\nnama: Lagi\n",
        );
        assert_eq!(lines_of(&src, "kunci-ganda"), vec![3]);
        assert_eq!(lines_of("nomor: [1\n", "yaml-sintaks").len(), 1);
    }
}
