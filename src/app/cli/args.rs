//! The command line's arguments, declared with clap: the global `--lang` and
//! one struct per command, which that command's file in `commands/` takes.
//! Their help is written here in Bahasa Indonesia; `help.rs` words the parts
//! clap writes itself.

use crate::app::report::Format;
use crate::diag::Lang;
use crate::paper::{Kertas, Orientasi};
use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

#[derive(Parser)]
#[command(
    name = "sopc",
    version,
    about = "Compiler dan validator SOP pemerintah (Permendagri 52/2011, PermenPAN-RB 35/2012)"
)]
pub struct Cli {
    /// Bahasa pesan: id (Bahasa Indonesia, bawaan) atau en (English)
    #[arg(
        long,
        global = true,
        value_enum,
        default_value = "id",
        hide_possible_values = true,
        hide_default_value = true
    )]
    pub lang: Lang,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Memeriksa berkas SOP atau seluruh direktori
    #[command(display_order = 3)]
    Check(CheckArgs),
    /// Membuat PDF SOP (lembar pengesahan dan tabel prosedur)
    #[command(display_order = 4)]
    Build(BuildArgs),
    /// Sama dengan `build --watch`: membuat ulang PDF setiap kali ada perubahan
    #[command(display_order = 5)]
    Watch(OutputArgs),
    /// Membuat repositori SOP baru (sops/, berkas bawaan, sopc.toml, skema, CI)
    #[command(display_order = 1)]
    Init(InitArgs),
    /// Menulis SOP baru dari templat, dengan usulan nomor berikutnya
    #[command(display_order = 2)]
    New(NewArgs),
    /// Mencetak skrip pelengkapan perintah untuk shell
    #[command(display_order = 10)]
    Completions(CompletionsArgs),
    /// Mencetak halaman manual (roff) sopc, atau menulis semuanya ke direktori
    #[command(display_order = 11)]
    Man(ManArgs),
    /// Mencetak hanya lembar pengesahan untuk ditandatangani
    #[command(display_order = 6)]
    Pengesahan(OutputArgs),
    /// Membuat buku SOP (dokumen SOP): sampul, keputusan, daftar isi, penjelasan, semua SOP
    #[command(display_order = 7)]
    Buku(BukuArgs),
    /// Menjelaskan sebuah kode aturan
    #[command(display_order = 8)]
    Explain(ExplainArgs),
    /// Mencetak JSON Schema bahasa SOP (draft-07)
    #[command(display_order = 9)]
    Schema(SchemaArgs),
    /// Mengimpor SOP dari PDF atau DOCX yang sudah ada (satu berkas atau seluruh direktori)
    #[command(display_order = 12)]
    Impor(ImporArgs),
}

#[derive(Args)]
pub struct ImporArgs {
    /// Berkas .pdf/.docx atau direktori
    pub path: PathBuf,
    /// Berkas .yaml keluaran (satu SOP) atau direktori (bawaan: direktori saat ini)
    #[arg(short, long)]
    pub output: Option<PathBuf>,
}

// The structs below carry no doc comment: clap would take it for the
// command's about text, which the variant above already gives.

#[derive(Args)]
pub struct CheckArgs {
    /// Berkas .yaml atau direktori
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Format keluaran
    #[arg(long, value_enum, default_value = "human")]
    pub format: Format,
    /// Peringatan juga membuat status keluar 1
    #[arg(long)]
    pub deny_warnings: bool,
}

#[derive(Args)]
pub struct BuildArgs {
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Berkas .pdf (untuk satu SOP) atau direktori keluaran
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Ukuran kertas (mengganti sopc.toml)
    #[arg(long, value_enum, ignore_case = true)]
    pub kertas: Option<Kertas>,
    /// Orientasi kertas (mengganti sopc.toml)
    #[arg(long, value_enum, ignore_case = true)]
    pub orientasi: Option<Orientasi>,
    /// Membuat ulang PDF setiap kali YAML, berkas bawaan, logo atau sopc.toml berubah
    #[arg(long)]
    pub watch: bool,
}

// `watch` and `pengesahan` take the same arguments.
#[derive(Args)]
pub struct OutputArgs {
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    #[arg(short, long)]
    pub output: Option<PathBuf>,
}

#[derive(Args)]
pub struct InitArgs {
    /// Direktori repositori (bawaan: direktori saat ini)
    #[arg(default_value = ".")]
    pub dir: PathBuf,
}

#[derive(Args)]
pub struct NewArgs {
    /// Nama SOP, misalnya "Pelayanan Kunjungan Kerja"
    pub nama: String,
    /// Nomor SOP (bawaan: usulan dari pola nomor SOP yang ada)
    #[arg(long)]
    pub nomor: Option<String>,
    /// Direktori tujuan (bawaan: sops/ di akar repositori, atau direktori saat ini)
    #[arg(long)]
    pub dir: Option<PathBuf>,
    /// Nama berkas tujuan (bawaan: dari nama SOP)
    #[arg(long)]
    pub berkas: Option<PathBuf>,
}

#[derive(Args)]
pub struct CompletionsArgs {
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Args)]
pub struct ManArgs {
    /// Direktori untuk sopc.1 dan satu halaman per subperintah
    #[arg(short, long)]
    pub dir: Option<PathBuf>,
}

// `[buku]` in the help texts is the section of sopc.toml, not a link.
#[allow(rustdoc::broken_intra_doc_links)]
#[derive(Args)]
pub struct BukuArgs {
    /// Direktori SOP
    pub dir: PathBuf,
    /// Berkas PDF keluaran (bawaan: DIR/buku.pdf)
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Judul di bawah "STANDAR OPERASIONAL PROSEDUR" (mengganti [buku] judul)
    #[arg(long)]
    pub judul: Option<String>,
    /// Tahun pada sampul (mengganti [buku] tahun)
    #[arg(long)]
    pub tahun: Option<i32>,
    /// Pindaian keputusan: PDF, PNG atau JPEG, di dalam repositori (mengganti [buku] keputusan)
    #[arg(long)]
    pub keputusan: Vec<PathBuf>,
    /// Berkas teks penjelasan (mengganti [buku] penjelasan)
    #[arg(long)]
    pub penjelasan: Option<PathBuf>,
    /// Ukuran kertas (mengganti sopc.toml)
    #[arg(long, value_enum, ignore_case = true)]
    pub kertas: Option<Kertas>,
    /// Orientasi kertas halaman SOP (mengganti sopc.toml)
    #[arg(long, value_enum, ignore_case = true)]
    pub orientasi: Option<Orientasi>,
}

#[derive(Args)]
pub struct ExplainArgs {
    /// Kode aturan, misalnya nip-tanggal-lahir
    pub code: Option<String>,
    /// Daftar semua aturan
    #[arg(long)]
    pub list: bool,
}

#[derive(Args)]
pub struct SchemaArgs {
    /// Skema berkas bawaan `_default.yaml` (tanpa kunci wajib)
    #[arg(long)]
    pub bawaan: bool,
}
