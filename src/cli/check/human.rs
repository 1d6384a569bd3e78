//! `--format human`: rustc-style reports rendered by miette — the source
//! line, the span underlined (miette measures CJK characters as two
//! columns), the code with its severity, and the help line.

use std::fmt;
use std::io::Write;

use fenjie::Diagnostic;
use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents,
    SourceCode, SourceSpan, SpanContents,
};

use super::{Checked, Reporter};

pub(super) struct Human {
    handler: GraphicalReportHandler,
}

impl Human {
    pub fn new(colour: bool) -> Self {
        let theme = if colour {
            GraphicalTheme::unicode()
        } else {
            GraphicalTheme::unicode_nocolor()
        };
        Human {
            handler: GraphicalReportHandler::new_themed(theme)
                .with_links(false)
                // Task lines run to hundreds of columns; wrapping them would
                // move the underline away from its text.
                .with_wrap_lines(false)
                // The line itself is the context: neighbouring tasks are noise.
                .with_context_lines(0),
        }
    }
}

impl Reporter for Human {
    fn file(&mut self, out: &mut dyn Write, checked: &Checked) -> std::io::Result<()> {
        let source = Source {
            name: &checked.name,
            text: &checked.source,
        };
        for d in &checked.diagnostics {
            let mut text = String::new();
            self.handler
                .render_report(&mut text, &Finding { d, source: &source })
                .map_err(std::io::Error::other)?;
            writeln!(out, "{text}")?;
        }
        out.flush()
    }
}

/// A diagnostic with its file, as miette wants it.
struct Finding<'a> {
    d: &'a Diagnostic,
    source: &'a Source<'a>,
}

impl fmt::Debug for Finding<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.d, f)
    }
}

impl fmt::Display for Finding<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.d.message)
    }
}

impl std::error::Error for Finding<'_> {}

impl miette::Diagnostic for Finding<'_> {
    /// `warning[FJ003]`, as rustc writes it.
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(format!("{}[{}]", self.d.severity, self.d.code)))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.d.severity {
            fenjie::Severity::Error => miette::Severity::Error,
            fenjie::Severity::Warning => miette::Severity::Warning,
            fenjie::Severity::Note => miette::Severity::Advice,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.d
            .help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let span = self.d.span;
        // A span of all zeros is no position: show the message alone.
        if span.is_empty() {
            return None;
        }
        let label = LabeledSpan::new(
            Some(self.d.code.name().to_string()),
            span.start,
            span.end - span.start,
        );
        Some(Box::new(std::iter::once(label)))
    }
}

/// A file's text as miette reads it, with two corrections to miette's
/// reading of `str`: a span always comes with its whole lines (without
/// context lines miette shows only the span's own text), and the column in
/// the `file:line:column` header counts characters, as fenjie's spans do,
/// not bytes (a CJK character is three).
struct Source<'a> {
    name: &'a str,
    text: &'a str,
}

impl SourceCode for Source<'_> {
    fn read_span<'b>(
        &'b self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'b> + 'b>, MietteError> {
        let start = span.offset();
        let end = start + span.len();
        let text = self.text;
        let prefix = text.get(..start).ok_or(MietteError::OutOfBounds)?;
        let line_start = prefix.rfind('\n').map_or(0, |i| i + 1);
        // The line holding the span's last byte; a span that ends with a line
        // break ends on that line. (Bytes: `\n` is never inside a character.)
        let last = end.saturating_sub(1).max(start).min(text.len());
        let line_end = text.as_bytes()[last..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(text.len(), |i| last + i);
        let lines = SourceSpan::from(line_start..line_end.max(line_start));
        let contents = text.read_span(&lines, before, after)?;
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.to_string(),
            contents.data(),
            *contents.span(),
            contents.line(),
            prefix[line_start..].chars().count(),
            contents.line_count(),
        )))
    }
}
