//! Checking a parsed notice: what a published notice must not have, and what
//! is probably a mistake.
//!
//! [`check`] reads the model (it never re-parses text) and returns the
//! parser's own diagnostics together with what the rules find, each with a
//! stable [`Code`], a [`Severity`], the [`Span`] of the most specific element
//! (a marker, a role, a name) and, where it helps, a `help` line. Every code
//! is documented with a bad and a good example in `docs/rules.md`.
//!
//! The rule families, one module each:
//! - numbering: 一、二、… sections, (一)(二)… subsections, task numbers;
//! - attribution: missing clause, lead unit or leader, empty and repeated names;
//! - text: brackets and quotes, the full stop before the attribution;
//! - consistency: conflicting duplicate tasks, near-identical names, dates;
//! - meta: the 政府信息公开 header;
//! - registry: names missing from a list of known units or leaders.
//!
//! ```
//! use fenjie::check::{check, CheckOptions};
//! use fenjie::{Code, Severity};
//!
//! let text = "附件\n标题\n一、目标\n1.做事。(责任领导:张三;牵头单位:市发改局)\n3.再做事。(责任领导:张三;牵头单位:市财政局)\n";
//! let notice = fenjie::parse(text)?;
//! let findings = check(&notice, &CheckOptions::default());
//! assert_eq!(findings.len(), 1);
//! assert_eq!(findings[0].code, Code::TaskNumbering);
//! assert_eq!(findings[0].severity, Severity::Error);
//! assert_eq!((findings[0].span.line, findings[0].span.column), (5, 1));
//! # Ok::<(), fenjie::Error>(())
//! ```

mod attribution;
mod consistency;
mod meta;
mod names;
mod numbering;
mod registry;
mod text;

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::model::{Notice, Span, Task};

/// What to report and how loudly; [`CheckOptions::default`] reports every
/// code at its default severity and checks no registry.
///
/// ```
/// use fenjie::check::{check, CheckOptions};
/// use fenjie::{Code, Severity};
///
/// let notice = fenjie::parse("附件\n标题\n一、目标\n1.做事(牵头单位:市发改局)\n")?;
/// let mut options = CheckOptions::default();
/// options.severities.insert(Code::MissingFullStop, Severity::Error);
/// assert_eq!(check(&notice, &options)[0].severity, Severity::Error);
///
/// options.allow.insert(Code::MissingFullStop);
/// assert!(check(&notice, &options).is_empty());
///
/// options.units = Some(vec!["市财政局".into()]);
/// let findings = check(&notice, &options);
/// assert_eq!(findings[0].code, Code::UnknownUnit);
/// assert_eq!(findings[0].help.as_deref(), Some("closest known unit: 市财政局"));
/// # Ok::<(), fenjie::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CheckOptions {
    /// Codes not to report at all (`--allow FJ014`).
    pub allow: BTreeSet<Code>,
    /// Severities that replace a code's default (`[severity] FJ009 = "error"`).
    pub severities: BTreeMap<Code, Severity>,
    /// Known unit names (`--units FILE`); when given, any other unit is
    /// reported as [`Code::UnknownUnit`].
    pub units: Option<Vec<String>>,
    /// Known leader names (`--leaders FILE`); when given, any other leader is
    /// reported as [`Code::UnknownLeader`].
    pub leaders: Option<Vec<String>>,
}

/// Checks a notice: its parse diagnostics plus every rule's findings, with
/// allowed codes dropped and configured severities applied, sorted by
/// position (then by code).
///
/// See the [module documentation](self) for an example.
pub fn check(notice: &Notice, options: &CheckOptions) -> Vec<Diagnostic> {
    let mut found = notice.diagnostics.clone();
    numbering::check(notice, &mut found);
    attribution::check(notice, &mut found);
    text::check(notice, &mut found);
    consistency::check(notice, &mut found);
    meta::check(notice, &mut found);
    registry::check(notice, options, &mut found);

    found.retain(|d| !options.allow.contains(&d.code));
    for d in &mut found {
        if let Some(&severity) = options.severities.get(&d.code) {
            d.severity = severity;
        }
    }
    found.sort_by_key(|d| (d.span.start, d.span.end, d.code));
    found
}

/// The span of `range`, a byte range into `text`, where `text` is the source
/// text that `span` starts at (it may be a prefix of what `span` covers).
///
/// Falls back to `span` itself when the range does not fit `text`, and stays
/// empty for an element built in code (it has no position to refine).
fn sub_span(span: Span, text: &str, range: Range<usize>) -> Span {
    let (Some(before), Some(inside)) = (text.get(..range.start), text.get(range.clone())) else {
        return span;
    };
    if span.is_empty() {
        return span;
    }
    let (line, column) = advance((span.line, span.column), before);
    let (end_line, end_column) = advance((line, column), inside);
    Span {
        start: span.start + range.start,
        end: span.start + range.end,
        line,
        column,
        end_line,
        end_column,
    }
}

/// The line and column reached from `at` after reading `passed`.
fn advance((line, column): (u32, u32), passed: &str) -> (u32, u32) {
    match passed.rfind('\n') {
        Some(i) => {
            let lines = passed.matches('\n').count() as u32;
            (line + lines, passed[i + 1..].chars().count() as u32 + 1)
        }
        None => (line, column + passed.chars().count() as u32),
    }
}

/// The span of a task's marker (`57.`, `(十)`): it opens the task's line.
fn marker_span(task: &Task) -> Span {
    sub_span(task.span, &task.marker, 0..task.marker.len())
}

/// How messages name a task: its marker without the trailing dot (`57`, `(十)`).
fn task_label(task: &Task) -> &str {
    let label = task.marker.trim_end_matches(['.', '\u{ff0e}', '、']).trim();
    if label.is_empty() {
        "without a marker"
    } else {
        label
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sub_spans_count_chars_and_lines() {
        let base = Span {
            start: 10,
            end: 30,
            line: 3,
            column: 5,
            end_line: 3,
            end_column: 12,
        };
        let text = "任务x、市发改局";
        let at = text.find("市").unwrap();
        let s = sub_span(base, text, at..text.len());
        assert_eq!(
            (s.start, s.line, s.column, s.end_column),
            (10 + at, 3, 9, 13)
        );
        let s = sub_span(base, "a\n任务", 2.."a\n任务".len());
        assert_eq!((s.line, s.column, s.end_line, s.end_column), (4, 1, 4, 3));
    }

    #[test]
    fn sub_spans_never_panic() {
        let base = Span {
            line: 1,
            column: 1,
            end_line: 1,
            end_column: 3,
            start: 0,
            end: 6,
        };
        // A range outside the text or inside a char falls back to the whole span.
        assert_eq!(sub_span(base, "任务", 0..99), base);
        assert_eq!(sub_span(base, "任务", 1..3), base);
        assert_eq!(sub_span(Span::default(), "任务", 0..3), Span::default());
    }
}
