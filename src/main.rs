//! The `fenjie` command line: a thin layer over the library.
#![forbid(unsafe_code)]

mod cli;

use std::process::ExitCode;

/// Parsing a notice makes thousands of small strings; mimalloc serves them
/// faster than the system allocator, which matters when converting
/// thousands of notices.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    cli::run()
}
