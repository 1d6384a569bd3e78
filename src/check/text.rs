//! Task text: brackets and quotes that do not pair up, and the full stop
//! before the attribution (FJ002, FJ014).
//!
//! FJ001 (a line that fits nowhere) and the attribution clause that never
//! closes (FJ002) are found by the parser and arrive with the notice.

use std::ops::Range;

use super::names;
use super::{sub_span, task_label};
use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Notice, Span, Task};
use crate::parse::trivia::{first_unbalanced, TrimSpace};

pub(super) fn check(notice: &Notice, out: &mut Vec<Diagnostic>) {
    for t in notice.tasks() {
        unbalanced(t.task, out);
        if t.task.attribution.is_some() {
            full_stop(t.task, out);
        }
    }
}

/// An opening bracket or quote without its partner, in the text or in a
/// name (`县发改局(粮食局`).
fn unbalanced(task: &Task, out: &mut Vec<Diagnostic>) {
    if let Some(at) = first_unbalanced(&task.text) {
        let (range, c) = char_at(&task.text, at);
        let span = sub_span(task.text_span, &task.text, range);
        out.push(bracket(task, c, span, "text"));
    }
    let Some(attribution) = &task.attribution else {
        return;
    };
    // In a clause that never closes the parser has reported the bracket already.
    if attribution.close.is_empty() {
        return;
    }
    for role in &attribution.roles {
        for name in names::in_role(role) {
            if let Some(at) = first_unbalanced(name.name) {
                let (range, c) = char_at(name.name, at);
                // Without the name's own position, the role's span is the best there is.
                let span = if name.span == role.span {
                    name.span
                } else {
                    sub_span(name.span, name.name, range)
                };
                out.push(bracket(task, c, span, "name"));
            }
        }
    }
}

fn bracket(task: &Task, c: char, span: Span, what: &str) -> Diagnostic {
    Diagnostic::new(
        Code::UnbalancedBracket,
        span,
        format!(
            "`{c}` in the {what} of task {} has no partner",
            task_label(task)
        ),
    )
    .with_help("close every “ ” 《 》 ( ) that the task opens, and open every one it closes")
}

/// The byte range of the char at `at`, and the char.
fn char_at(text: &str, at: usize) -> (Range<usize>, char) {
    let c = text.get(at..).and_then(|s| s.chars().next()).unwrap_or(' ');
    (at..at + c.len_utf8(), c)
}

/// Task text that does not end in 。 before its attribution; a closing
/// quote or bracket after the 。 (`……“只减不增”。` or `……。”`) is fine.
fn full_stop(task: &Task, out: &mut Vec<Diagnostic>) {
    let text = task.text.trim_space_end();
    let body = text.trim_end_matches(['”', '’', '》', ')', '\u{ff09}']);
    let Some((at, last)) = text.char_indices().next_back() else {
        return;
    };
    if body.ends_with('。') {
        return;
    }
    out.push(
        Diagnostic::new(
            Code::MissingFullStop,
            sub_span(task.text_span, &task.text, at..at + last.len_utf8()),
            format!(
                "task {} ends in `{last}`, not `。`, before its attribution",
                task_label(task)
            ),
        )
        .with_help("end the task text with 。"),
    );
}
