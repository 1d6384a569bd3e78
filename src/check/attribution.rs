//! Attributions: a task without one, without a lead unit or leader, and
//! lists with empty or repeated names (FJ007–FJ009, FJ011–FJ013).
//!
//! FJ003 (a recovered `责任单位;` slip) and FJ010 (an unknown role key) are
//! found by the parser, which sees the punctuation; they arrive with the
//! notice's own diagnostics.

use std::collections::HashSet;

use super::names::{self, fold, NameRef};
use super::{marker_span, task_label};
use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Attribution, Notice, Role, RoleKind, Span, Task};

pub(super) fn check(notice: &Notice, out: &mut Vec<Diagnostic>) {
    let convention = Convention::of(notice);
    for t in notice.tasks() {
        let task = t.task;
        let Some(attribution) = &task.attribution else {
            out.push(missing_attribution(task));
            continue;
        };
        // A clause that never closes is reported by the parser (FJ002/FJ021);
        // whatever was cut off is not missing from the notice.
        if !attribution.close.is_empty() {
            missing_roles(task, attribution, convention, out);
        }
        for role in &attribution.roles {
            empty_names(role, out);
            if role.kind != RoleKind::Deadline {
                repeated_names(role, out);
            }
        }
        lead_also_responsible(task, out);
    }
}

/// What the notice does in most tasks, so that a task is held to its own
/// document's habits: a notice that never names leaders is not missing one.
#[derive(Debug, Clone, Copy)]
struct Convention {
    /// Some task names a lead unit (牵头单位).
    lead_units: bool,
    /// Most attributed tasks name a leader (责任领导).
    leaders: bool,
}

impl Convention {
    fn of(notice: &Notice) -> Convention {
        let attributed: Vec<&Task> = notice
            .tasks()
            .map(|t| t.task)
            .filter(|t| t.attribution.is_some())
            .collect();
        let with_leaders = attributed.iter().filter(|t| !t.leaders.is_empty()).count();
        Convention {
            lead_units: attributed.iter().any(|t| !t.lead_units.is_empty()),
            leaders: with_leaders * 2 > attributed.len(),
        }
    }
}

fn missing_attribution(task: &Task) -> Diagnostic {
    Diagnostic::new(
        Code::MissingAttribution,
        marker_span(task),
        format!("task {} has no attribution clause", task_label(task)),
    )
    .with_help("end the task with its attribution, e.g. (责任领导:…;牵头单位:…;责任单位:…)")
}

fn missing_roles(
    task: &Task,
    attribution: &Attribution,
    convention: Convention,
    out: &mut Vec<Diagnostic>,
) {
    let label = task_label(task);
    if task.lead_units.is_empty() && convention.lead_units {
        out.push(
            Diagnostic::new(
                Code::MissingLeadUnit,
                attribution.span,
                format!("task {label} names no lead unit (牵头单位)"),
            )
            .with_help("add 牵头单位:… to the attribution"),
        );
    }
    if task.leaders.is_empty() && convention.leaders {
        out.push(
            Diagnostic::new(
                Code::MissingLeader,
                attribution.span,
                format!("task {label} names no leader (责任领导), unlike most tasks"),
            )
            .with_help("add 责任领导:… to the attribution"),
        );
    }
}

/// `责任单位:` with nothing after it, or `、、`.
fn empty_names(role: &Role, out: &mut Vec<Diagnostic>) {
    let key = &role.key;
    if role.names.is_empty() || role.names.iter().all(String::is_empty) {
        out.push(
            Diagnostic::new(Code::EmptyName, role.span, format!("{key} lists no names")).with_help(
                format!("name who is responsible after {key}, or drop {key}"),
            ),
        );
        return;
    }
    for (i, name) in names::in_role(role).iter().enumerate() {
        if name.name.is_empty() {
            out.push(
                Diagnostic::new(
                    Code::EmptyName,
                    with_separators(role, i, name.span),
                    format!("empty name in the {key} list"),
                )
                .with_help("remove the extra separator"),
            );
        }
    }
}

/// An empty name's span widened to the separators on either side, so that
/// `、、` is underlined rather than the point between them.
fn with_separators(role: &Role, i: usize, span: Span) -> Span {
    if span.is_empty() || span.start != span.end {
        // Built in code, or the name's position was not known (the span is
        // then the whole role): nothing to widen.
        return span;
    }
    let before = if i > 0 {
        names::separator(role, i - 1)
    } else {
        ""
    };
    let after = if i + 1 < role.names.len() {
        names::separator(role, i)
    } else {
        ""
    };
    Span {
        start: span.start.saturating_sub(before.len()),
        end: span.end + after.len(),
        column: span.column.saturating_sub(before.chars().count() as u32),
        end_column: span.end_column + after.chars().count() as u32,
        ..span
    }
}

/// The same name twice in one list: reported at the second.
fn repeated_names(role: &Role, out: &mut Vec<Diagnostic>) {
    let mut seen = HashSet::new();
    for name in names::in_role(role) {
        if !name.name.is_empty() && !seen.insert(fold(name.name)) {
            out.push(
                Diagnostic::new(
                    Code::DuplicateName,
                    name.span,
                    format!("{} appears twice in the {} list", name.name, role.key),
                )
                .with_help(format!("remove the second {}", name.name)),
            );
        }
    }
}

/// A unit listed as lead and again as responsible (or cooperating) unit.
fn lead_also_responsible(task: &Task, out: &mut Vec<Diagnostic>) {
    let leads: HashSet<String> = task.lead_units.iter().map(|n| fold(n)).collect();
    let Some(attribution) = &task.attribution else {
        return;
    };
    let others = attribution.roles.iter().filter(|r| {
        matches!(
            r.kind,
            RoleKind::ResponsibleUnits | RoleKind::CooperatingUnits
        )
    });
    for role in others {
        let repeated = names::in_role(role)
            .into_iter()
            .filter(|n: &NameRef<'_>| !n.name.is_empty() && leads.contains(&fold(n.name)));
        for name in repeated {
            out.push(
                Diagnostic::new(
                    Code::LeadAlsoResponsible,
                    name.span,
                    format!("{} is both 牵头单位 and {}", name.name, role.key),
                )
                .with_help(format!("list {} under 牵头单位 only", name.name)),
            );
        }
    }
}
