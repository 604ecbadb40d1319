//! The `sopc` binary. Everything about the command line lives in
//! [`sopc::app::cli`]; this file only turns its outcome into the exit status
//! (0 clean or warnings, 1 findings, 2 usage or I/O). A reader that closes
//! standard output early (`sopc check sops/ | head -1`) has had what it
//! wanted, so that is exit status 0, as in ripgrep and ruff, not a panic.

use std::process::ExitCode;

/// Typst allocates and frees small objects at a high rate from both
/// workers of a batch; with the system allocator a fifth of `sopc build`'s
/// time went into malloc and free.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    match sopc::app::cli::run() {
        Ok(status) => status,
        Err(failure) if failure.is_closed_pipe() => ExitCode::SUCCESS,
        Err(failure) => failure.report(),
    }
}
