//! `fenjie render`: a notice's JSON model back to text.

use std::process::ExitCode;

use clap::Args;

use super::convert::write_output;
use super::{input, Failure};

#[derive(Debug, Args)]
pub(crate) struct RenderArgs {
    /// The JSON model, as written by `fenjie convert --to json` (`-` for stdin).
    #[arg(default_value = "-")]
    input: String,
    /// Write to this file instead of stdout.
    #[arg(short = 'o', long = "output")]
    output: Option<std::path::PathBuf>,
}

pub(crate) fn run(args: RenderArgs) -> Result<ExitCode, Failure> {
    let bytes = input::read_bytes(&args.input)?;
    let name = input::display_name(&args.input);
    let notice: fenjie::Notice = serde_json::from_slice(&bytes)
        .map_err(|e| Failure(format!("{name}: not a fenjie JSON model: {e}")))?;
    write_output(args.output.as_deref(), fenjie::render(&notice).as_bytes())?;
    Ok(ExitCode::SUCCESS)
}
