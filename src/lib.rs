//! sopc: compiler and validator for Indonesian government SOPs
//! (Permendagri 52/2011, PermenPAN-RB 35/2012). The pipeline:
//! `parse` (YAML → spanned tree → typed [`model::Sop`]) → `check` (rules →
//! diagnostics) → `render` (Typst → PDF). The CLI in `main.rs` is a thin layer
//! over [`run`].

pub mod alur;
pub mod buku;
pub mod check;
pub mod config;
pub mod diag;
pub mod durasi;
pub mod init;
pub mod layout;
pub mod model;
pub mod nip;
pub mod pangkat;
pub mod parse;
pub mod regulasi;
pub mod render;
pub mod repo;
pub mod report;
pub mod run;
pub mod schema;
pub mod source;
pub mod tanggal;
pub mod watch;
