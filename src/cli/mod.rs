//! Argument parsing and dispatch. Results go to stdout, messages to stderr;
//! exit codes: 0 success, 1 findings (check) or some inputs failed, 2 usage or I/O error.

mod check;
mod convert;
mod eval;
mod files;
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
    /// Convert a notice to JSON, JSON Lines, CSV or Excel.
    Convert(convert::ConvertArgs),
    /// Write a notice back as text from its JSON model.
    Render(render::RenderArgs),
    /// Check notices for defects and likely mistakes (rules: docs/rules.md).
    Check(check::CheckArgs),
    /// Measure the parser on a folder of notices with gold files.
    Eval(eval::EvalArgs),
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
        Command::Check(args) => check::run(args),
        Command::Eval(args) => eval::run(args),
    };
    match result {
        Ok(code) => code,
        Err(Failure(message)) => {
            eprintln!("fenjie: error: {message}");
            ExitCode::from(2)
        }
    }
}
