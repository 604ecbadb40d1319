//! The registry: every rule file and the line that registers it.

pub mod daftar;
pub mod dasar_hukum;
pub mod huruf;
pub mod id_langkah;
pub mod isian;
pub mod jumlah_waktu;
pub mod karakter;
pub mod kegiatan_subjek;
pub mod keterkaitan;
pub mod kotak_kosong;
pub mod langkah_kosong;
pub mod logo;
pub mod lompatan;
pub mod nip;
pub mod nomor_segmen;
pub mod pangkat;
pub mod pelaksana;
pub mod peringatan_akibat;
pub mod tata_letak;
pub mod tata_letak_pengesahan;
pub mod terjangkau;
pub mod ukuran;
pub mod urutan_tanggal;
pub mod wajib_ada;

use super::{Checker, Rule};
use crate::parse::rules as baca;

/// Findings that mean the file cannot be read; see
/// [`super::is_fixed`].
pub static TETAP: &[&Rule] = &[
    &baca::YAML_SINTAKS,
    &baca::YAML_TERLALU_BESAR,
    &baca::BERKAS_KOSONG,
    &baca::BUKAN_UTF8,
    &baca::BERKAS_TERLALU_BESAR,
    &baca::BERKAS_TIDAK_TERBACA,
    &baca::BERKAS_DI_LUAR,
];

#[rustfmt::skip]
pub static REGISTRY: &[(&[&Rule], Option<Checker>)] = &[
    (&[&baca::YAML_SINTAKS, &baca::YAML_TERLALU_BESAR, &baca::BERKAS_KOSONG, &baca::BUKAN_UTF8,
       &baca::BERKAS_TERLALU_BESAR, &baca::KUNCI_TIDAK_DIKENAL, &baca::KUNCI_GANDA, &baca::TIPE_SALAH,
       &baca::STATUS_TIDAK_DIKENAL, &baca::TANGGAL_TIDAK_VALID, &baca::WAKTU_TIDAK_VALID, &baca::BAWAAN_GANDA,
       &baca::BERKAS_TIDAK_TERBACA, &baca::BERKAS_DI_LUAR], None),
    (&[&karakter::RULE], Some(karakter::check)),
    (&[&huruf::RULE], Some(huruf::check)),
    (&[&isian::RULE], Some(isian::check)),
    (&[&wajib_ada::RULE], Some(wajib_ada::check)),
    (&[&urutan_tanggal::RULE], Some(urutan_tanggal::check)),
    (&[&nip::FORMAT, &nip::PANJANG, &nip::TANGGAL_LAHIR, &nip::TMT, &nip::JENIS_KELAMIN], Some(nip::check)),
    (&[&pangkat::GOLONGAN, &pangkat::TIDAK_DIKENAL], Some(pangkat::check)),
    (&[&kotak_kosong::RULE], Some(kotak_kosong::check)),
    (&[&dasar_hukum::FORMAT, &dasar_hukum::JENIS, &dasar_hukum::TAHUN, &dasar_hukum::GANDA,
       &dasar_hukum::URUTAN], Some(dasar_hukum::check)),
    (&[&keterkaitan::RULE, &keterkaitan::DI_LUAR], Some(keterkaitan::check)),
    (&[&kegiatan_subjek::RULE], Some(kegiatan_subjek::check)),
    (&[&pelaksana::TIDAK_DIKENAL, &pelaksana::TIDAK_DIPAKAI, &pelaksana::KURANG, &pelaksana::GANDA,
       &pelaksana::SEJAJAR_KEPUTUSAN, &pelaksana::SEJAJAR_GANDA], Some(pelaksana::check)),
    (&[&peringatan_akibat::RULE], Some(peringatan_akibat::check)),
    (&[&nomor_segmen::RULE], Some(nomor_segmen::check)),
    (&[&langkah_kosong::RULE], Some(langkah_kosong::check)),
    (&[&id_langkah::RULE], Some(id_langkah::check)),
    (&[&lompatan::TIDAK_ADA, &lompatan::KEPUTUSAN_SAMA, &lompatan::LANJUT_KEPUTUSAN,
       &lompatan::TERMINATOR_KEPUTUSAN], Some(lompatan::check)),
    (&[&terjangkau::TAK_TERJANGKAU, &terjangkau::JALAN_BUNTU], Some(terjangkau::check)),
    (&[&jumlah_waktu::RULE], Some(jumlah_waktu::check)),
    (&[&logo::TIDAK_ADA, &logo::FORMAT, &logo::DI_LUAR, &logo::RUSAK, &logo::TERLALU_BESAR],
       Some(logo::check)),
    (&[&tata_letak::KOLOM, &tata_letak::TEKS], Some(tata_letak::check)),
    // found by the layout of `sopc build` ([`tata_letak::jalur`])
    (&[&tata_letak::JALUR], None),
    (&[&tata_letak_pengesahan::RULE], Some(tata_letak_pengesahan::check)),
    (&[&daftar::RULE], Some(daftar::check)),
    (&[&ukuran::RULE], Some(ukuran::check)),
];
