//! One file per command, glue only: each takes its arguments from
//! [`super::args`], calls the library and prints the outcome.

pub mod build;
pub mod buku;
pub mod check;
pub mod completions;
pub mod explain;
pub mod impor;
pub mod init;
pub mod man;
pub mod new;
pub mod pengesahan;
pub mod schema;
pub mod watch;
