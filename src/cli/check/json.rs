//! `--format json`: one JSON object per finding per line.

use std::io::Write;

use fenjie::{Code, Severity};
use serde::Serialize;

use super::{Checked, Reporter};

pub(super) struct Json;

/// One line of output; fields in this order.
#[derive(Serialize)]
struct Line<'a> {
    file: &'a str,
    code: Code,
    severity: Severity,
    message: &'a str,
    help: Option<&'a str>,
    line: u32,
    column: u32,
    end_line: u32,
    end_column: u32,
    start: usize,
    end: usize,
}

impl Reporter for Json {
    fn file(&mut self, out: &mut dyn Write, checked: &Checked) -> std::io::Result<()> {
        for d in &checked.diagnostics {
            let s = d.span;
            let line = Line {
                file: &checked.name,
                code: d.code,
                severity: d.severity,
                message: &d.message,
                help: d.help.as_deref(),
                line: s.line,
                column: s.column,
                end_line: s.end_line,
                end_column: s.end_column,
                start: s.start,
                end: s.end,
            };
            serde_json::to_writer(&mut *out, &line)?;
            out.write_all(b"\n")?;
        }
        out.flush()
    }
}
