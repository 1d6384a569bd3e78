//! `fenjie convert`: a notice to JSON, JSON Lines, CSV or Excel.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;
use fenjie::export::{self, CsvOptions, CsvWriter, JsonlWriter, Table, XlsxWriter};
use fenjie::Notice;

use super::{files, input, Failure};

#[derive(Debug, Args)]
pub(crate) struct ConvertArgs {
    /// The notice to convert (`-` for stdin). Several files, or a directory
    /// (every `*.txt` under it), make one table with a leading `file` column.
    #[arg(default_value = "-", value_name = "FILE|DIR")]
    inputs: Vec<String>,
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
type Encoder = fn(&Notice, &mut dyn Write, &CsvOptions) -> std::io::Result<()>;

pub(crate) fn run(args: ConvertArgs) -> Result<ExitCode, Failure> {
    let output = args.output.as_deref();
    let format = format(args.to, output)?;
    if args.bom && !matches!(format, Format::Csv | Format::TargetsCsv) {
        return Err(Failure("--bom applies to CSV output only".into()));
    }
    if args.inputs.len() > 1 || files::any_directory(&args.inputs) {
        return run_batch(&args, format);
    }
    let input = &args.inputs[0];
    // Usage errors come before reading input, which may be a waiting stdin.
    let encode: Encoder = match (format, output) {
        (Format::Xlsx, None) => {
            return Err(Failure(
                "xlsx needs -o FILE (a workbook cannot go to stdout)".into(),
            ))
        }
        (Format::Xlsx, Some(path)) => return write_workbook(input, path),
        (Format::Json, _) => |notice, out, _| {
            serde_json::to_writer_pretty(&mut *out, notice)?;
            out.write_all(b"\n")
        },
        (Format::Jsonl, _) => |notice, out, _| export::write_jsonl(notice, out),
        (Format::Csv, _) => |notice, out, csv| export::write_csv(notice, out, csv),
        (Format::TargetsCsv, _) => |notice, out, csv| export::write_targets_csv(notice, out, csv),
    };
    let notice = input::read_notice(input)?;
    let csv = CsvOptions {
        bom: args.bom,
        file_column: false,
    };
    stream_output(output, |out| encode(&notice, out, &csv))?;
    Ok(ExitCode::SUCCESS)
}

fn write_workbook(input_path: &str, path: &Path) -> Result<ExitCode, Failure> {
    let notice = input::read_notice(input_path)?;
    export::write_xlsx(&notice, path).map_err(|e| cannot_write(path, e))?;
    Ok(ExitCode::SUCCESS)
}

/// Many notices into one table, read and encoded in parallel and written in
/// the order given, so memory stays bounded by a few notices, not the batch.
/// A file that cannot be read is reported by name and skipped; the exit
/// code is then 1.
fn run_batch(args: &ConvertArgs, format: Format) -> Result<ExitCode, Failure> {
    let inputs = files::expand(&args.inputs);
    let total = inputs.len();
    let output = args.output.as_deref();
    let mut failed = 0;
    let mut report = |failure: Failure| {
        eprintln!("fenjie: error: {}", failure.0);
        failed += 1;
    };
    match format {
        Format::Json => {
            return Err(Failure(
                "--to json writes one notice; for many files use --to jsonl, csv or xlsx".into(),
            ))
        }
        Format::Xlsx => {
            let path = output.ok_or_else(|| {
                Failure("xlsx needs -o FILE (a workbook cannot go to stdout)".into())
            })?;
            let mut book = XlsxWriter::new(true)?;
            files::for_each_ordered(
                inputs,
                |path| {
                    Ok((
                        input::read_notice(path)?,
                        input::display_name(path).to_string(),
                    ))
                },
                |parsed| {
                    match parsed {
                        Ok((notice, name)) => book.write_notice(&notice, Some(&name))?,
                        Err(failure) => report(failure),
                    }
                    Ok(())
                },
            )?;
            book.save(path).map_err(|e| cannot_write(path, e))?;
        }
        Format::Csv | Format::TargetsCsv | Format::Jsonl => {
            let mut out = open_output(output)?;
            let options = CsvOptions {
                bom: args.bom,
                file_column: true,
            };
            let encode = |path: &str| encode_part(path, format, &options);
            if format != Format::Jsonl {
                let table = if format == Format::Csv {
                    Table::Tasks
                } else {
                    Table::Targets
                };
                out = CsvWriter::new(out, table, &options)?.finish()?;
            }
            files::for_each_ordered(inputs, encode, |part| {
                match part {
                    Ok(bytes) => write_part(&mut out, output, &bytes)?,
                    Err(failure) => report(failure),
                }
                Ok(())
            })?;
            write_part(&mut out, output, &[])?;
        }
    }
    if failed > 0 {
        eprintln!("fenjie: {failed} of {total} files failed; the others were converted");
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// One file's rows, encoded on its own so that files can be encoded in parallel.
fn encode_part(path: &str, format: Format, options: &CsvOptions) -> Result<Vec<u8>, Failure> {
    let notice = input::read_notice(path)?;
    let name = Some(input::display_name(path));
    Ok(match format {
        Format::Jsonl => {
            let mut w = JsonlWriter::new(Vec::new());
            w.write_notice(&notice, name)?;
            w.finish()?
        }
        _ => {
            let table = if format == Format::Csv {
                Table::Tasks
            } else {
                Table::Targets
            };
            let mut w = CsvWriter::rows_only(Vec::new(), table, options);
            w.write_notice(&notice, name)?;
            w.finish()?
        }
    })
}

/// The output file, created now, or stdout; buffered either way.
fn open_output(path: Option<&Path>) -> Result<Box<dyn Write>, Failure> {
    Ok(match path {
        Some(p) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(p).map_err(|e| cannot_write(p, e))?,
        )),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    })
}

/// What a failed write to `path` (or stdout) means: a failure naming the
/// output, or `None` for a closed stdout pipe (`fenjie convert … | head`),
/// which is not an error.
fn write_failure(path: Option<&Path>, e: std::io::Error) -> Option<Failure> {
    match path {
        Some(p) => Some(cannot_write(p, e)),
        None if e.kind() == std::io::ErrorKind::BrokenPipe => None,
        None => Some(Failure(format!("cannot write to stdout: {e}"))),
    }
}

/// A failure to write `path`, with the reason.
fn cannot_write(path: &Path, e: impl std::fmt::Display) -> Failure {
    Failure(format!("{}: cannot write: {e}", path.display()))
}

/// Appends a part (an empty one just flushes); a closed stdout pipe ends
/// the batch quietly.
fn write_part(out: &mut Box<dyn Write>, path: Option<&Path>, bytes: &[u8]) -> Result<(), Failure> {
    let result = if bytes.is_empty() {
        out.flush()
    } else {
        out.write_all(bytes)
    };
    match result.map_err(|e| write_failure(path, e)) {
        Err(None) => std::process::exit(0),
        Err(Some(failure)) => Err(failure),
        Ok(()) => Ok(()),
    }
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

/// Runs `write` on a buffered `path` (or stdout), so output is written as
/// it is produced: the JSON of a large notice is many times its size and is
/// never held whole. The file is created only once the notice has been read.
fn stream_output(
    path: Option<&Path>,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), Failure> {
    let mut out = open_output(path)?;
    match write(&mut out).and_then(|()| out.flush()) {
        Err(e) => write_failure(path, e).map_or(Ok(()), Err),
        Ok(()) => Ok(()),
    }
}

/// Writes `bytes` to the file, or to stdout when there is none.
pub(crate) fn write_output(path: Option<&Path>, bytes: &[u8]) -> Result<(), Failure> {
    stream_output(path, |out| out.write_all(bytes))
}
