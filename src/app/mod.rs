//! The commands as library calls: the batch driver (`batch`), the book
//! (`buku`), `init` and `new`, `watch`, and the output formats (`report`);
//! on top of them the command line (`cli`: arguments, help, progress bar,
//! one file of glue per command). The only layer that may use every stage
//! below it.

pub mod atomic;
pub mod batch;
pub mod buku;
pub mod cli;
pub mod init;
pub mod report;
pub mod watch;
