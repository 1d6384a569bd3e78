//! `fenjie check`: validate notices and report what is wrong, where, and how
//! badly, for people (`human`) and for CI (`json`, `github`, `sarif`).
//!
//! Exit codes: 0 no errors (warnings allowed), 1 errors found (or warnings
//! with `--deny warnings`), 2 usage, configuration or I/O error.

mod config;
mod github;
mod human;
mod json;
mod sarif;

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;
use fenjie::check::CheckOptions;
use fenjie::{Code, Diagnostic, Severity};

use super::{files, input, Failure};

#[derive(Debug, Args)]
pub(crate) struct CheckArgs {
    /// Notices to check (`-` for stdin); a directory means every `*.txt` in it.
    #[arg(required = true, value_name = "FILE")]
    files: Vec<String>,
    /// How to report findings.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Also fail (exit 1) on warnings: `--deny warnings`.
    #[arg(long, value_enum, value_name = "WHAT")]
    deny: Vec<Deny>,
    /// Do not report this code (repeatable): `--allow FJ014`.
    #[arg(long, value_name = "CODE", value_parser = parse_code)]
    allow: Vec<Code>,
    /// Known unit names, one per line; other units are reported (FJ019).
    #[arg(long, value_name = "FILE")]
    units: Option<PathBuf>,
    /// Known leader names, one per line; other leaders are reported (FJ020).
    #[arg(long, value_name = "FILE")]
    leaders: Option<PathBuf>,
    /// Configuration file [default: fenjie.toml in the current directory, if any].
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
}

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    /// rustc-style: the source line with the span underlined, code and help.
    Human,
    /// One JSON object per finding per line.
    Json,
    /// GitHub Actions workflow commands (annotations on the pull request).
    Github,
    /// One SARIF 2.1.0 log for all files (code-scanning dashboards).
    Sarif,
}

/// What `--deny` can make fatal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Deny {
    /// Warnings fail the check as errors do.
    Warnings,
}

fn parse_code(s: &str) -> Result<Code, String> {
    s.parse()
}

/// One file, checked.
pub(crate) struct Checked {
    /// The file as named on the command line (`<stdin>` for `-`).
    pub name: String,
    /// Its text, for showing source lines.
    pub source: String,
    /// The findings, in position order.
    pub diagnostics: Vec<Diagnostic>,
}

/// Writes findings in one format. `file` is called once per file in the
/// order given; `finish` once at the end (SARIF writes its one log there).
trait Reporter {
    fn file(&mut self, out: &mut dyn Write, checked: &Checked) -> std::io::Result<()>;
    fn finish(&mut self, _out: &mut dyn Write) -> std::io::Result<()> {
        Ok(())
    }
}

/// Everything that decides how files are checked and when the check fails.
#[derive(Debug)]
struct Settings {
    options: CheckOptions,
    deny_warnings: bool,
}

impl Settings {
    /// The configuration file, overridden and extended by the flags.
    fn new(args: &CheckArgs) -> Result<Settings, Failure> {
        let config = config::Config::load(args.config.as_deref())?;
        let mut options = CheckOptions {
            allow: config.allow.iter().chain(&args.allow).copied().collect(),
            severities: config.severity.clone(),
            ..CheckOptions::default()
        };
        let units = args.units.as_ref().or(config.units.as_ref());
        options.units = units.map(|p| read_names(p)).transpose()?;
        let leaders = args.leaders.as_ref().or(config.leaders.as_ref());
        options.leaders = leaders.map(|p| read_names(p)).transpose()?;
        Ok(Settings {
            options,
            deny_warnings: config.deny_warnings || args.deny.contains(&Deny::Warnings),
        })
    }
}

/// A registry file: one name per line; blank lines and `#` comments skipped.
fn read_names(path: &Path) -> Result<Vec<String>, Failure> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| Failure(format!("{}: cannot read name list: {e}", path.display())))?;
    Ok(text
        .lines()
        .map(|l| l.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}'))
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(String::from)
        .collect())
}

pub(crate) fn run(args: CheckArgs) -> Result<ExitCode, Failure> {
    let settings = Settings::new(&args)?;
    let mut reporter: Box<dyn Reporter> = match args.format {
        Format::Human => Box::new(human::Human::new(use_colour())),
        Format::Json => Box::new(json::Json),
        Format::Github => Box::new(github::Github),
        Format::Sarif => Box::new(sarif::Sarif::default()),
    };
    let mut out = std::io::stdout().lock();
    let mut totals = Totals::default();
    let mut failed = false;
    // Files are checked in parallel; findings are reported in the order given.
    let inputs = files::expand(&args.files);
    files::for_each_ordered(
        inputs,
        |path| check_file(path, &settings.options),
        |checked| {
            match checked {
                Ok(checked) => {
                    totals.add(&checked.diagnostics);
                    written(reporter.file(&mut out, &checked))?;
                }
                Err(Failure(message)) => {
                    eprintln!("fenjie: error: {message}");
                    failed = true;
                }
            }
            Ok(())
        },
    )?;
    written(reporter.finish(&mut out))?;
    if args.format == Format::Human {
        eprintln!("{totals}");
    }
    Ok(if failed {
        ExitCode::from(2)
    } else if totals.errors > 0 || (settings.deny_warnings && totals.warnings > 0) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Reads, parses and checks one file. Independent of every other file, so
/// that the loop over files can run in parallel.
pub(crate) fn check_file(path: &str, options: &CheckOptions) -> Result<Checked, Failure> {
    let (notice, source) = input::read_notice_and_text(path)?;
    let name = input::display_name(path).to_string();
    Ok(Checked {
        source,
        diagnostics: fenjie::check::check(&notice, options),
        name,
    })
}

/// Colour only for a person at a terminal, and never when `NO_COLOR` is set
/// (<https://no-color.org>: any non-empty value).
fn use_colour() -> bool {
    let no_colour = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    !no_colour && std::io::stdout().is_terminal()
}

/// A closed pipe (`fenjie check … | head`) ends the output, not the check.
fn written(result: std::io::Result<()>) -> Result<(), Failure> {
    match result {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(Failure(format!("cannot write to stdout: {e}")))
        }
        _ => Ok(()),
    }
}

/// Counts for the summary line.
#[derive(Debug, Default)]
struct Totals {
    files: usize,
    errors: usize,
    warnings: usize,
    notes: usize,
}

impl Totals {
    fn add(&mut self, diagnostics: &[Diagnostic]) {
        self.files += 1;
        for d in diagnostics {
            match d.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                Severity::Note => self.notes += 1,
            }
        }
    }
}

impl std::fmt::Display for Totals {
    /// `3 files, 2 errors, 5 warnings` (notes only when there are any).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let counted = |n: usize, what: &str| format!("{n} {what}{}", if n == 1 { "" } else { "s" });
        write!(
            f,
            "{}, {}, {}",
            counted(self.files, "file"),
            counted(self.errors, "error"),
            counted(self.warnings, "warning")
        )?;
        if self.notes > 0 {
            write!(f, ", {}", counted(self.notes, "note"))?;
        }
        Ok(())
    }
}
