//! `--format github`: GitHub Actions workflow commands, which the runner
//! turns into annotations on the pull request's diff.
//!
//! `::error file=F,line=L,col=C,endLine=L,endColumn=C,title=FJ003::message`

use std::io::Write;

use fenjie::Severity;

use super::{Checked, Reporter};

pub(super) struct Github;

impl Reporter for Github {
    fn file(&mut self, out: &mut dyn Write, checked: &Checked) -> std::io::Result<()> {
        for d in &checked.diagnostics {
            let command = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Note => "notice",
            };
            let mut properties = format!("file={}", property(&checked.name));
            let s = d.span;
            // A span of all zeros is no position; the annotation then goes on the file.
            if !s.is_empty() {
                properties += &format!(
                    ",line={},col={},endLine={},endColumn={}",
                    s.line, s.column, s.end_line, s.end_column
                );
            }
            properties += &format!(",title={}", property(d.code.as_str()));
            let mut message = d.message.clone();
            if let Some(help) = &d.help {
                message += &format!("\nhelp: {help}");
            }
            writeln!(out, "::{command} {properties}::{}", data(&message))?;
        }
        out.flush()
    }
}

/// Escapes a command's message (the runner's `escapeData`).
fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value (`escapeProperty`): also `:` and `,`, which
/// separate the properties.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_as_the_runner_expects() {
        assert_eq!(data("50% done\r\nnext"), "50%25 done%0D%0Anext");
        assert_eq!(property("a,b:c%"), "a%2Cb%3Ac%25");
    }
}
