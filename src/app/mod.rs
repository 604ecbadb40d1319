//! The commands as library calls: the batch driver (`batch`), the book
//! (`buku`), `init` and `new`, `watch`, and the output formats (`report`).
//! The only layer that may use every stage below it.

pub mod batch;
pub mod buku;
pub mod init;
pub mod report;
pub mod watch;
