//! sopc: compiler and validator for Indonesian government SOPs
//! (Permendagri 52/2011, PermenPAN-RB 35/2012). Data flows one way, and the
//! modules are layered in that order; a module imports only its own layer and
//! those below it (`tests/layers.rs` keeps it so):
//!
//! - base leaves: [`source`] (files and spans), [`diag`] (diagnostics and
//!   bilingual messages), [`paper`] (paper and column geometry), [`teks`]
//!   (text as a reader sees it: invisible characters, list nesting),
//!   [`sandbox`] (the only way a file is opened);
//! - [`model`] — the typed [`model::Sop`] and its value grammars (durasi,
//!   tanggal, nip, pangkat, regulasi, nomor, the flow graph `alur`, images
//!   `gambar`);
//! - [`config`] — `sopc.toml`;
//! - [`parse`] — YAML → spanned tree → typed SOP, defaults, the repository
//!   and the images it names (bounded and decoded as the renderer would);
//! - [`check`] — rules → diagnostics;
//! - [`layout`] — the flowchart plan, pure Rust;
//! - [`render`] — the two-pass recipe → PDF, Typst behind `render/engine`
//!   (nothing else knows Typst);
//! - [`app`] — the commands (batch driver, buku, init, watch, output formats),
//!   with the command line ([`app::cli`]) on top; `main.rs` only maps its
//!   outcome to the exit status.

// The module documentation names private items on purpose: it is read
// with `cargo doc --document-private-items`, where those links resolve.
#![allow(rustdoc::private_intra_doc_links)]

pub mod app;
pub mod check;
pub mod config;
pub mod diag;
pub mod huruf;
pub mod impor;
pub mod kolom;
pub mod layout;
pub mod model;
pub mod paper;
pub mod parse;
pub mod patah;
pub mod render;
pub mod sandbox;
pub mod source;
pub mod teks;
