//! sopc: compiler and validator for Indonesian government SOPs
//! (Permendagri 52/2011, PermenPAN-RB 35/2012). The pipeline:
//! `parse` (YAML → spanned tree → typed [`model::Sop`]) → `check` (rules →
//! diagnostics) → `render` (Typst → PDF). The CLI in `main.rs` is a thin layer
//! over [`run`].

pub mod app;
pub mod check;
pub mod config;
pub mod diag;
pub mod layout;
pub mod model;
pub mod paper;
pub mod parse;
pub mod render;
pub mod source;
