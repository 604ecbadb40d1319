//! The reading rules: findings made while reading a file (bytes, YAML
//! syntax, keys, types, dates, durations). `parse` reports them through these
//! statics, and `check`'s registry lists them with the other rules so that
//! `sopc explain` and `sopc.toml` know them.

use crate::diag::Msg;
use crate::diag::Rule;
use crate::diag::Severity::Error;
use crate::rule_doc;
use crate::sandbox::Galat;

pub static YAML_SINTAKS: Rule = Rule {
    code: "yaml-sintaks",
    severity: Error,
    title: Msg::fixed("YAML tidak valid", "invalid YAML"),
    sumber: Some("YAML 1.2"),
    doc: rule_doc! {
        apa: {
            id: "Berkas tidak dapat dibaca sebagai YAML.",
            en: "The file cannot be read as YAML.",
        },
        mengapa: {
            id: "Tanpa struktur YAML yang sah, sopc tidak tahu kunci mana berisi apa; indentasi tidak rata, titik dua yang hilang, tanda kutip yang tidak ditutup atau tab untuk indentasi adalah penyebab yang biasa.",
            en: "Without valid YAML structure sopc cannot tell which key holds what; uneven indentation, a missing colon, an unclosed quote or a tab used for indentation are the usual causes.",
        },
        contoh: { code: r#"```yaml
instansi:
	nama: Dinas X   # tab
```"# },
        perbaikan: {
            id: "Gunakan spasi untuk indentasi dan tutup setiap tanda kutip:",
            en: "Indent with spaces and close every quote:",
            code: r#"```yaml
instansi:
  nama: Dinas X
```"#,
        },
    },
};

pub static YAML_TERLALU_BESAR: Rule = Rule {
    code: "yaml-terlalu-besar",
    severity: Error,
    title: Msg::fixed(
        "YAML terlalu besar atau alias berlebihan",
        "YAML too large or too many aliases",
    ),
    sumber: None,
    doc: rule_doc! {
        apa: {
            id: "Jumlah simpul dan perluasan alias (`&a` / `*a`) dalam satu berkas.",
            en: "The number of nodes and alias expansions (`&a` / `*a`) in one file.",
        },
        mengapa: {
            id: r#"Berkas yang keliru atau berbahaya ("bom alias") dapat menghabiskan memori; sopc membatasinya agar tidak pernah macet. SOP tidak memerlukan alias."#,
            en: r#"A mistaken or hostile file (an "alias bomb") can exhaust memory; sopc bounds it so that it never hangs. An SOP needs no aliases."#,
        },
        contoh: {
            id: r#"```yaml
a: &a [x, x, x, x, x, x, x, x, x]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
# … setiap baris berikutnya mengalikan jumlah nilai sembilan kali
```"#,
            en: r#"```yaml
a: &a [x, x, x, x, x, x, x, x, x]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
# … every further line multiplies the number of values by nine
```"#,
        },
        perbaikan: {
            id: "Tulis nilainya langsung, tanpa `&` dan `*`.",
            en: "Write the values out, without `&` and `*`.",
        },
    },
};

pub static BERKAS_KOSONG: Rule = Rule {
    code: "berkas-kosong",
    severity: Error,
    title: Msg::fixed("berkas SOP kosong", "empty SOP file"),
    sumber: Some("Permendagri 52/2011"),
    doc: rule_doc! {
        apa: {
            id: "Berkas SOP yang tidak berisi apa pun (atau hanya komentar).",
            en: "An SOP file that holds nothing (or only comments).",
        },
        mengapa: {
            id: "SOP tanpa isi tidak dapat diperiksa atau dicetak; berkas kosong biasanya tersimpan tidak sengaja.",
            en: "An SOP without content can be neither checked nor printed; an empty file is usually saved by accident.",
        },
        contoh: {
            id: "Berkas `pelayanan.yaml` yang kosong.",
            en: "An empty `pelayanan.yaml`.",
        },
        perbaikan: {
            id: r#"Mulailah dari kerangka `sopc new "Nama SOP"`, atau hapus berkasnya."#,
            en: r#"Start from the skeleton of `sopc new "Nama SOP"`, or delete the file."#,
        },
    },
};

pub static BAWAAN_GANDA: Rule = Rule {
    code: "bawaan-ganda",
    severity: Error,
    title: Msg::fixed(
        "dua berkas bawaan dalam satu direktori",
        "two defaults files in one directory",
    ),
    sumber: None,
    doc: rule_doc! {
        apa: {
            id: "Satu direktori yang memiliki `_default.yaml` dan `_default.yml` sekaligus.",
            en: "A directory that has both `_default.yaml` and `_default.yml`.",
        },
        mengapa: {
            id: "Bila keduanya dipakai, nilai bawaan akan bergantung pada berkas mana yang terbaca lebih dulu. sopc memakai `_default.yaml` saja dan melaporkan `_default.yml`.",
            en: "If both were used, the defaults would depend on which file is read first. sopc uses `_default.yaml` only and reports `_default.yml`.",
        },
        contoh: { code: r#"```
sops/_default.yaml
sops/_default.yml
```"# },
        perbaikan: {
            id: "Gabungkan isi `_default.yml` ke `_default.yaml`, lalu hapus `_default.yml`.",
            en: "Merge the content of `_default.yml` into `_default.yaml`, then delete `_default.yml`.",
        },
    },
};

pub static BUKAN_UTF8: Rule = Rule {
    code: "bukan-utf8",
    severity: Error,
    title: Msg::fixed("berkas bukan teks UTF-8", "file is not UTF-8 text"),
    sumber: Some("YAML 1.2"),
    doc: rule_doc! {
        apa: {
            id: "Byte yang bukan UTF-8 dalam berkas (misalnya berkas yang disimpan sebagai Windows-1252).",
            en: "Bytes in the file that are not UTF-8 (for example a file saved as Windows-1252).",
        },
        mengapa: {
            id: "YAML adalah teks UTF-8; menebak penyandian lain dapat mengubah huruf seperti `é` atau `–` tanpa terlihat pada dokumen yang ditandatangani.",
            en: "YAML is UTF-8 text; guessing another encoding could silently change letters such as `é` or `–` on a signed document.",
        },
        contoh: {
            id: r#"`nama: Pelayanan Caf\xe9` disimpan sebagai Windows-1252."#,
            en: r#"`nama: Pelayanan Caf\xe9` saved as Windows-1252."#,
        },
        perbaikan: {
            id: "Simpan ulang berkas sebagai UTF-8 (di editor: *Save with Encoding → UTF-8*). BOM UTF-8 dan akhir baris CRLF diterima.",
            en: "Save the file again as UTF-8 (in an editor: *Save with Encoding → UTF-8*). A UTF-8 BOM and CRLF line ends are accepted.",
        },
    },
};

pub static BERKAS_TERLALU_BESAR: Rule = Rule {
    code: "berkas-terlalu-besar",
    severity: Error,
    title: Msg::fixed("berkas terlalu besar", "file too large"),
    sumber: None,
    doc: rule_doc! {
        apa: {
            id: "Ukuran setiap berkas yang dibaca sopc: SOP dan logo paling besar 16 MiB, berkas bawaan (`_default.yaml`), `sopc.toml` dan penjelasan 1 MiB, pindaian keputusan 64 MiB.",
            en: "The size of every file sopc reads: an SOP or a logo at most 16 MiB, a defaults file (`_default.yaml`), `sopc.toml` or the penjelasan 1 MiB, a keputusan scan 64 MiB.",
        },
        mengapa: {
            id: "Berkas sebesar itu hampir pasti keliru (misalnya gambar yang tersimpan dengan akhiran `.yaml`); membatasinya menjaga sopc tetap cepat dan hemat memori. Temuan ini tidak dapat dimatikan di `sopc.toml`.",
            en: "A file that large is almost certainly a mistake (for example an image saved with a `.yaml` extension); the bound keeps sopc fast and its memory small. This finding cannot be switched off in `sopc.toml`.",
        },
        contoh: {
            id: "`pelayanan.yaml` berukuran 20 MiB.",
            en: "A 20 MiB `pelayanan.yaml`.",
        },
        perbaikan: {
            id: "Pecah prosedur yang sangat panjang menjadi beberapa SOP yang saling terkait (`keterkaitan`); perkecil gambar atau pindaian.",
            en: "Split a very long procedure into several SOPs linked by `keterkaitan`; shrink the image or the scan.",
        },
    },
};

pub static BERKAS_TIDAK_TERBACA: Rule = Rule {
    code: "berkas-tidak-terbaca",
    severity: Error,
    title: Msg::fixed("berkas tidak dapat dibaca", "file cannot be read"),
    sumber: None,
    doc: rule_doc! {
        apa: {
            id: "Berkas yang hilang saat sopc berjalan, tidak boleh dibaca (izin), atau bukan berkas biasa: direktori, pipa bernama (FIFO), berkas perangkat seperti `/dev/zero`, atau soket.",
            en: "A file that vanished while sopc ran, may not be read (permissions), or is not a regular file: a directory, a named pipe (FIFO), a device such as `/dev/zero`, or a socket.",
        },
        mengapa: {
            id: "Membaca berkas semacam itu bisa menunggu selamanya atau tak berujung; sopc tidak membukanya, melaporkannya, lalu tetap memeriksa berkas lain. Temuan ini tidak dapat dimatikan di `sopc.toml`: berkas yang tidak terbaca tidak pernah lolos pemeriksaan.",
            en: "Reading such a file could wait forever or never end; sopc does not open it, reports it, and goes on checking the other files. This finding cannot be switched off in `sopc.toml`: a file that cannot be read never passes the check.",
        },
        contoh: {
            id: "`_default.yaml` berupa tautan ke `/dev/zero`, atau SOP yang izinnya `000`.",
            en: "A `_default.yaml` that links to `/dev/zero`, or an SOP with permissions `000`.",
        },
        perbaikan: {
            id: "Pastikan berkas itu ada, berupa berkas biasa, dan dapat dibaca.",
            en: "Make sure the file exists, is a regular file and is readable.",
        },
    },
};

pub static BERKAS_DI_LUAR: Rule = Rule {
    code: "berkas-di-luar",
    severity: Error,
    title: Msg::fixed("berkas di luar repositori", "file outside the repository"),
    sumber: None,
    doc: rule_doc! {
        apa: {
            id: "Berkas yang berada di luar repositori (direktori terdekat yang memuat `sopc.toml` atau `.git`), secara langsung atau lewat tautan simbolik, atau di bagian tersembunyi repositori: `.git`, `.env`, dan setiap nama yang diawali titik.",
            en: "A file outside the repository (the nearest directory holding `sopc.toml` or `.git`), directly or through a symbolic link, or in a hidden part of the repository: `.git`, `.env`, and every name that starts with a dot.",
        },
        mengapa: {
            id: "sopc hanya membaca berkas biasa di dalam repositori, agar SOP dari sebuah pull request tidak dapat mencetak berkas komputer atau rahasia CI (actions/checkout menyimpan token di `.git/config`). Berkas itu ditolak tanpa dibuka dan isinya tidak pernah dicetak. Temuan ini tidak dapat dimatikan di `sopc.toml`.",
            en: "sopc reads only regular files inside the repository, so that an SOP from a pull request cannot print the computer's files or CI secrets (actions/checkout keeps the token in `.git/config`). The file is refused without being opened and its content is never printed. This finding cannot be switched off in `sopc.toml`.",
        },
        contoh: {
            id: "`sops/_default.yaml` berupa tautan simbolik ke `/etc/passwd`.",
            en: "`sops/_default.yaml` is a symbolic link to `/etc/passwd`.",
        },
        perbaikan: {
            id: "Simpan berkas itu di dalam repositori sebagai berkas biasa, di luar direktori yang namanya diawali titik.",
            en: "Keep the file inside the repository as a regular file, outside any directory whose name starts with a dot.",
        },
    },
};

/// The rule of a sandbox refusal: one the system refused or that is not a
/// regular file, one sopc may not read, or one over its cap. All are
/// reading failures that `[aturan]` cannot lower (`check::is_fixed`).
pub fn reading_rule(galat: Galat) -> &'static Rule {
    match galat {
        Galat::TidakAda | Galat::BukanBerkasBiasa(_) | Galat::TidakTerbaca(_) => {
            &BERKAS_TIDAK_TERBACA
        }
        Galat::DiLuar | Galat::Tersembunyi => &BERKAS_DI_LUAR,
        Galat::TerlaluBesar { .. } => &BERKAS_TERLALU_BESAR,
    }
}

pub static KUNCI_TIDAK_DIKENAL: Rule = Rule {
    code: "kunci-tidak-dikenal",
    severity: Error,
    title: Msg::fixed("kunci tidak dikenal", "unknown key"),
    sumber: None,
    doc: rule_doc! {
        apa: {
            id: "Kunci yang tidak termasuk bahasa SOP sopc.",
            en: "A key that is not part of sopc's SOP language.",
        },
        mengapa: {
            id: "Kunci yang tidak dikenal hampir selalu salah ketik, dan isinya akan hilang dari dokumen cetak tanpa disadari.",
            en: "An unknown key is almost always a typo, and its content would silently be missing from the printed document.",
        },
        contoh: { code: r#"```yaml
kualifkasi_pelaksana:
  - Memahami tata naskah dinas
```"# },
        perbaikan: {
            id: "Tulis kunci yang disarankan:",
            en: "Write the suggested key:",
            code: r#"```yaml
kualifikasi_pelaksana:
  - Memahami tata naskah dinas
```"#,
        },
    },
};

pub static KUNCI_GANDA: Rule = Rule {
    code: "kunci-ganda",
    severity: Error,
    title: Msg::fixed("kunci ditulis dua kali", "duplicate key"),
    sumber: Some("YAML 1.2"),
    doc: rule_doc! {
        apa: {
            id: "Kunci yang sama ditulis dua kali dalam satu pemetaan.",
            en: "The same key written twice in one mapping.",
        },
        mengapa: {
            id: "YAML tidak mengizinkannya, dan sopc tidak pernah menggabungkan atau memilih salah satunya diam-diam.",
            en: "YAML does not allow it, and sopc never merges the two or silently picks one.",
        },
        contoh: { code: r#"```yaml
nama: Pelayanan Surat Masuk
nama: Pelayanan Surat Keluar
```"# },
        perbaikan: {
            id: "Hapus salah satunya.",
            en: "Delete one of them.",
        },
    },
};

pub static TIPE_SALAH: Rule = Rule {
    code: "tipe-salah",
    severity: Error,
    title: Msg::fixed("nilai bertipe salah", "value of the wrong type"),
    sumber: None,
    doc: rule_doc! {
        apa: {
            id: "Nilai yang bukan jenis yang diharapkan kuncinya: daftar di tempat teks, teks di tempat pemetaan, dan sebagainya.",
            en: "A value that is not of the kind its key expects: a list where text belongs, text where a mapping belongs, and so on.",
        },
        mengapa: {
            id: "sopc tidak menebak maksud nilai yang bentuknya salah; menebak dapat mencetak dokumen yang keliru.",
            en: "sopc does not guess what a value of the wrong shape means; a guess could print a wrong document.",
        },
        contoh: { code: r#"```yaml
nomor: [800, 12]
instansi: Dinas X
```"# },
        perbaikan: { code: r#"```yaml
nomor: 800/12/DPMD/2023
instansi:
  nama: Dinas X
```"# },
    },
};

pub static STATUS_TIDAK_DIKENAL: Rule = Rule {
    code: "status-tidak-dikenal",
    severity: Error,
    title: Msg::fixed("status tidak dikenal", "unknown status"),
    sumber: None,
    doc: rule_doc! {
        apa: {
            id: "Nilai `status` selain `draf` dan `final`.",
            en: "A `status` other than `draf` and `final`.",
        },
        mengapa: {
            id: "`draf` dicetak dengan tanda air DRAF, `final` siap ditandatangani dan diperiksa lebih ketat; status lain tidak jelas maksudnya.",
            en: "`draf` is printed with a DRAF watermark, `final` is ready to sign and checked more strictly; any other status has no clear meaning.",
        },
        contoh: { code: r#"```yaml
status: finall
```"# },
        perbaikan: { code: r#"```yaml
status: final
```"# },
    },
};

pub static TANGGAL_TIDAK_VALID: Rule = Rule {
    code: "tanggal-tidak-valid",
    severity: Error,
    title: Msg::fixed("tanggal tidak valid", "invalid date"),
    sumber: Some("Permendagri 52/2011"),
    doc: rule_doc! {
        apa: {
            id: "Tanggal pembuatan, revisi dan efektif: bentuknya `2023-06-05` atau `5 Juni 2023`, tanggalnya ada, dan tahunnya antara 1945 dan 2100.",
            en: "The dates of creation, revision and effect: written `2023-06-05` or `5 Juni 2023`, a day that exists, and a year between 1945 and 2100.",
        },
        mengapa: {
            id: "Tanggal tercetak pada lembar pengesahan yang ditandatangani; tanggal yang tidak lengkap (`Januari 2018`) atau tidak ada (`31 Februari 2023`) membuat dokumen cacat. Tahun `0023` atau `9999` hampir pasti salah ketik.",
            en: "Dates are printed on the signed lembar pengesahan; an incomplete date (`Januari 2018`) or one that does not exist (`31 Februari 2023`) makes the document defective. A year `0023` or `9999` is almost certainly a typo.",
        },
        contoh: { code: r#"```yaml
tanggal:
  pembuatan: 31 Februari 2023
```"# },
        perbaikan: { code: r#"```yaml
tanggal:
  pembuatan: 28 Februari 2023
```"# },
    },
};

pub static WAKTU_TIDAK_VALID: Rule = Rule {
    code: "waktu-tidak-valid",
    severity: Error,
    title: Msg::fixed("waktu tidak valid", "invalid duration"),
    sumber: Some("PermenPAN-RB 35/2012 (mutu baku)"),
    doc: rule_doc! {
        apa: {
            id: "`waktu` setiap langkah (dan `jumlah_waktu`): angka dengan satuan `detik`, `menit`, `jam`, `hari`, `hari kerja`, `minggu` atau `bulan` (`1 jam 30 menit`, `1,5 jam`, `1-2 hari`, `maksimal 15 menit`), atau teks tanpa angka seperti `Sesuai kebutuhan`.",
            en: "Each step's `waktu` (and `jumlah_waktu`): a number with a unit `detik`, `menit`, `jam`, `hari`, `hari kerja`, `minggu` or `bulan` (`1 jam 30 menit`, `1,5 jam`, `1-2 hari`, `maksimal 15 menit`), or text without a number such as `Sesuai kebutuhan`.",
        },
        mengapa: {
            id: r#"Waktu adalah mutu baku yang dijumlahkan pada baris JUMLAH. Angka dengan satuan yang tidak dikenal (`5 menitan`, `2 jm`) tidak pernah dianggap "sesuai kebutuhan", karena jumlahnya akan salah tanpa terlihat. Titik sebelum tepat tiga angka (`1.500 menit`) ditolak karena bermakna ganda: dalam bahasa Indonesia titik memisahkan ribuan (1500), dalam bahasa Inggris menandai desimal (1,5); tulis `1500 menit` atau `1,5 menit`."#,
            en: r#"Time is a mutu baku summed on the JUMLAH row. A number with an unknown unit (`5 menitan`, `2 jm`) is never taken as "as needed", since the total would silently be wrong. A dot before exactly three digits (`1.500 menit`) is refused as ambiguous: in Indonesian the dot separates thousands (1500), in English it marks decimals (1.5); write `1500 menit` or `1,5 menit`."#,
        },
        contoh: { code: r#"```yaml
    waktu: 10 menitan
```"# },
        perbaikan: { code: r#"```yaml
    waktu: 10 menit
```"# },
    },
};

#[cfg(test)]
mod tests {
    use crate::check::testing::*;

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

    #[test]
    fn output_is_pinned() {
        use super::*;
        snapshot(&YAML_SINTAKS, "nomor: [1\nnama: x\n");
        snapshot(
            &YAML_TERLALU_BESAR,
            &crate::parse::yaml::tests::alias_bomb(),
        );
        snapshot(&BERKAS_KOSONG, "# belum diisi\n");
        snapshot(
            &KUNCI_TIDAK_DIKENAL,
            &valid_with("kualifikasi_pelaksana:", "kualifkasi_pelaksana:"),
        );
        snapshot(
            &KUNCI_GANDA,
            &valid_with(
                "nama: Pelayanan Surat Masuk\n",
                "nama: Pelayanan Surat Masuk\nnama: Lagi\n",
            ),
        );
        snapshot(
            &TIPE_SALAH,
            &valid_with("nomor: 800/12/DPMD/2023", "nomor: [800, 12]"),
        );
        snapshot(
            &STATUS_TIDAK_DIKENAL,
            &valid_with("status: final", "status: finall"),
        );
        snapshot(
            &TANGGAL_TIDAK_VALID,
            &valid_with("pembuatan: 2020-07-08", "pembuatan: 31 Februari 2020"),
        );
        snapshot(
            &WAKTU_TIDAK_VALID,
            &valid_with("    waktu: 10 menit", "    waktu: 10 menitan"),
        );
    }

    #[test]
    fn output_about_files_is_pinned() {
        use super::*;
        let dir = tempfile::tempdir().expect("a temporary directory");
        let sop = dir.path().join("sop.yaml");
        std::fs::write(&sop, b"nomor: 800/12/DPMD/2023\nnama: Pelayanan Caf\xe9\n")
            .expect("written");
        snapshot_file(&BUKAN_UTF8, &sop, dir.path());
        let big = std::fs::File::create(&sop).expect("created");
        let cap = crate::sandbox::Jenis::Sop.batas();
        big.set_len(cap + 1).expect("a sparse file");
        snapshot_file(&BERKAS_TERLALU_BESAR, &sop, dir.path());
        let folder = dir.path().join("folder.yaml");
        std::fs::create_dir(&folder).expect("created");
        snapshot_file(&BERKAS_TIDAK_TERBACA, &folder, dir.path());
        std::fs::write(&sop, VALID).expect("written");
        std::fs::write(dir.path().join("_default.yaml"), "status: draf\n").expect("written");
        std::fs::write(dir.path().join("_default.yml"), "status: final\n").expect("written");
        snapshot_file(&BAWAAN_GANDA, &sop, dir.path());
    }

    #[cfg(unix)]
    #[test]
    fn output_about_a_link_out_is_pinned() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let outside = tempfile::tempdir().expect("a temporary directory");
        std::fs::create_dir(dir.path().join(".git")).expect("a repository root");
        let target = outside.path().join("rahasia.yaml");
        std::fs::write(&target, "nama: rahasia\n").expect("written");
        let sop = dir.path().join("sop.yaml");
        std::os::unix::fs::symlink(&target, &sop).expect("a link");
        snapshot_file(&super::BERKAS_DI_LUAR, &sop, dir.path());
    }

    /// Every refusal of the sandbox is a reading failure that `[aturan]`
    /// cannot lower.
    #[test]
    fn every_sandbox_refusal_is_a_fixed_reading_rule() {
        use crate::sandbox::{Galat, Macam};
        for g in [
            Galat::TidakAda,
            Galat::DiLuar,
            Galat::Tersembunyi,
            Galat::BukanBerkasBiasa(Macam::Fifo),
            Galat::TerlaluBesar { batas: 1 },
            Galat::TidakTerbaca(std::io::ErrorKind::PermissionDenied),
        ] {
            assert!(crate::check::is_fixed(super::reading_rule(g).code), "{g:?}");
        }
    }
}
