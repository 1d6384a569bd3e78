//! `fenjie convert`: a notice to JSON.

use std::io::Write;
use std::process::ExitCode;

use clap::Args;

use super::{input, Failure};

#[derive(Debug, Args)]
pub(crate) struct ConvertArgs {
    /// The notice to convert (`-` for stdin).
    #[arg(default_value = "-")]
    input: String,
    /// Output format.
    #[arg(long = "to", value_enum, default_value_t = Format::Json)]
    to: Format,
    /// Write to this file instead of stdout.
    #[arg(short = 'o', long = "output")]
    output: Option<std::path::PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    /// The whole notice as pretty JSON, diagnostics included.
    Json,
}

pub(crate) fn run(args: ConvertArgs) -> Result<ExitCode, Failure> {
    let notice = input::read_notice(&args.input)?;
    let mut out: Vec<u8> = match args.to {
        Format::Json => serde_json::to_vec_pretty(&notice)?,
    };
    out.push(b'\n');
    write_output(args.output.as_deref(), &out)?;
    Ok(ExitCode::SUCCESS)
}

/// Writes `bytes` to the file, or to stdout when there is none.
pub(crate) fn write_output(path: Option<&std::path::Path>, bytes: &[u8]) -> Result<(), Failure> {
    match path {
        Some(p) => std::fs::write(p, bytes)
            .map_err(|e| Failure(format!("{}: cannot write: {e}", p.display()))),
        None => {
            let mut stdout = std::io::stdout().lock();
            match stdout.write_all(bytes).and_then(|_| stdout.flush()) {
                // A closed pipe (`fenjie convert … | head`) is not an error.
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                    Err(Failure(format!("cannot write to stdout: {e}")))
                }
                _ => Ok(()),
            }
        }
    }
}
