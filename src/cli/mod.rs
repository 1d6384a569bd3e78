//! Argument parsing and dispatch. Results go to stdout, messages to stderr;
//! exit codes: 0 success, 1 findings (check) or some inputs failed, 2 usage or I/O error.

mod convert;
mod input;
mod render;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// fenjie (分解): parse, convert, render and check government work-report
/// responsibility-breakdown notices.
#[derive(Debug, Parser)]
#[command(name = "fenjie", version, about, long_about = None)]
pub(crate) struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Encoding of the input notices (utf-8, gb18030, gbk, utf-16le, …);
    /// detected when not given. A byte-order mark overrides it.
    #[arg(long, global = true, value_name = "NAME")]
    encoding: Option<String>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Convert a notice to JSON (and other formats).
    Convert(convert::ConvertArgs),
    /// Write a notice back as text from its JSON model.
    Render(render::RenderArgs),
}

/// An error that ends the command with exit code 2 and a one-line message.
#[derive(Debug)]
pub(crate) struct Failure(pub String);

impl<E: std::fmt::Display> From<E> for Failure {
    fn from(e: E) -> Self {
        Failure(e.to_string())
    }
}

pub(crate) fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    if let Some(Err(Failure(message))) = cli.encoding.as_deref().map(input::force_encoding) {
        eprintln!("fenjie: error: {message}");
        return ExitCode::from(2);
    }
    let result = match cli.command {
        Command::Convert(args) => convert::run(args),
        Command::Render(args) => render::run(args),
    };
    match result {
        Ok(code) => code,
        Err(Failure(message)) => {
            eprintln!("fenjie: error: {message}");
            ExitCode::from(2)
        }
    }
}
