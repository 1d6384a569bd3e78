//! `fenjie eval DIR`: measures the parser on notices with gold files.

use std::process::ExitCode;

use clap::Args;
use fenjie::eval::{evaluate_dir, CorpusReport, FileReport, Thresholds};

use super::Failure;

#[derive(Debug, Args)]
pub(crate) struct EvalArgs {
    /// A folder of notices `NAME.txt` with `gold/NAME.json` beside them.
    dir: std::path::PathBuf,
    /// Print the report as JSON instead of a table.
    #[arg(long)]
    json: bool,
    /// Exit with 1 unless recall and precision reach 0.95, attribution
    /// 0.90, every line is covered and the gold's bounds and header
    /// fields are met.
    #[arg(long)]
    check: bool,
}

pub(crate) fn run(args: EvalArgs) -> Result<ExitCode, Failure> {
    let report = evaluate_dir(&args.dir)?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&with_ratios(&report)?)?);
    } else {
        print!("{report}");
    }
    let shortfalls = report.shortfalls(&Thresholds::default());
    if args.check && !shortfalls.is_empty() {
        for s in &shortfalls {
            eprintln!("fenjie: eval: {s}");
        }
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// The report as JSON, each file (and the total) with its four figures
/// beside the counts they come from.
fn with_ratios(report: &CorpusReport) -> Result<serde_json::Value, Failure> {
    let one = |r: &FileReport| -> Result<serde_json::Value, Failure> {
        let mut v = serde_json::to_value(r)?;
        if let Some(o) = v.as_object_mut() {
            o.insert("recall".into(), r.recall().into());
            o.insert("precision".into(), r.precision().into());
            o.insert("attribution".into(), r.attribution().into());
            o.insert("coverage".into(), r.coverage().into());
        }
        Ok(v)
    };
    let files = report
        .files
        .iter()
        .map(one)
        .collect::<Result<Vec<_>, _>>()?;
    Ok(serde_json::json!({ "files": files, "total": one(&report.total)? }))
}
