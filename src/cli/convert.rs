//! `fenjie convert`: a notice to JSON, JSON Lines, CSV or Excel.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;
use fenjie::export::{self, CsvOptions};
use fenjie::Notice;

use super::{input, Failure};

#[derive(Debug, Args)]
pub(crate) struct ConvertArgs {
    /// The notice to convert (`-` for stdin).
    #[arg(default_value = "-")]
    input: String,
    /// Output format; without it, taken from the extension of `-o FILE`
    /// (.json .jsonl .csv .xlsx), else JSON.
    #[arg(long = "to", value_enum)]
    to: Option<Format>,
    /// Write to this file instead of stdout.
    #[arg(short = 'o', long = "output")]
    output: Option<PathBuf>,
    /// Start CSV output with a UTF-8 byte-order mark, for Excel on Chinese Windows.
    #[arg(long)]
    bom: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    /// The whole notice as pretty JSON, diagnostics included.
    Json,
    /// One JSON object per task, with its section path.
    Jsonl,
    /// One row per task.
    Csv,
    /// One row per numeric target.
    TargetsCsv,
    /// A workbook with a 任务 (tasks) and a 指标 (targets) sheet; needs -o FILE.
    Xlsx,
}

/// Writes a notice in one of the text formats; CSV options apply to CSV only.
type Encoder = fn(&Notice, &mut Vec<u8>, &CsvOptions) -> std::io::Result<()>;

pub(crate) fn run(args: ConvertArgs) -> Result<ExitCode, Failure> {
    let output = args.output.as_deref();
    let format = format(args.to, output)?;
    if args.bom && !matches!(format, Format::Csv | Format::TargetsCsv) {
        return Err(Failure("--bom applies to CSV output only".into()));
    }
    // Usage errors come before reading input, which may be a waiting stdin.
    let encode: Encoder = match (format, output) {
        (Format::Xlsx, None) => {
            return Err(Failure(
                "xlsx needs -o FILE (a workbook cannot go to stdout)".into(),
            ))
        }
        (Format::Xlsx, Some(path)) => return write_workbook(&args.input, path),
        (Format::Json, _) => |notice, out, _| {
            serde_json::to_writer_pretty(&mut *out, notice)?;
            out.push(b'\n');
            Ok(())
        },
        (Format::Jsonl, _) => |notice, out, _| export::write_jsonl(notice, out),
        (Format::Csv, _) => |notice, out, csv| export::write_csv(notice, out, csv),
        (Format::TargetsCsv, _) => |notice, out, csv| export::write_targets_csv(notice, out, csv),
    };
    let notice = input::read_notice(&args.input)?;
    let csv = CsvOptions {
        bom: args.bom,
        file_column: false,
    };
    let mut out = vec![];
    encode(&notice, &mut out, &csv)?;
    write_output(output, &out)?;
    Ok(ExitCode::SUCCESS)
}

fn write_workbook(input_path: &str, path: &Path) -> Result<ExitCode, Failure> {
    let notice = input::read_notice(input_path)?;
    export::write_xlsx(&notice, path)
        .map_err(|e| Failure(format!("{}: cannot write: {e}", path.display())))?;
    Ok(ExitCode::SUCCESS)
}

/// The format asked for with `--to`, else the one the output file's
/// extension names, else JSON.
fn format(to: Option<Format>, output: Option<&Path>) -> Result<Format, Failure> {
    if let Some(f) = to {
        return Ok(f);
    }
    let Some(path) = output else {
        return Ok(Format::Json);
    };
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("json") => Ok(Format::Json),
        Some("jsonl") => Ok(Format::Jsonl),
        Some("csv") => Ok(Format::Csv),
        Some("xlsx") => Ok(Format::Xlsx),
        _ => Err(Failure(format!(
            "cannot tell the output format from {}: name it .json, .jsonl, .csv or .xlsx, or use --to",
            path.display()
        ))),
    }
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
