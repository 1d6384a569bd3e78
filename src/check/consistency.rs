//! Consistency within one notice: the same task twice with different
//! attributions, names one character away from a more common spelling, and a
//! signing date after the publication date (FJ015–FJ017).

use std::collections::hash_map::Entry;
use std::collections::HashMap;

use super::names::{self, edit_distance, fold, NameRef};
use super::task_label;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::{MetaKey, Notice, RoleKind, Task};
use crate::parse::trivia::TrimSpace;

pub(super) fn check(notice: &Notice, out: &mut Vec<Diagnostic>) {
    conflicting_duplicates(notice, out);
    let all = names::all(notice);
    similar_names(all.iter().filter(|n| n.is_unit()), "unit", out);
    similar_names(
        all.iter().filter(|n| n.kind == RoleKind::Leaders),
        "leader",
        out,
    );
    signed_after_published(notice, out);
}

/// The same task text twice with different attributions: reported at the
/// later task, at the first role that differs.
fn conflicting_duplicates(notice: &Notice, out: &mut Vec<Diagnostic>) {
    let mut first: HashMap<String, &Task> = HashMap::new();
    for task in notice.tasks().map(|t| t.task) {
        let key = fold(task.text.trim_space_end());
        if task.attribution.is_none() || key.is_empty() {
            continue;
        }
        match first.entry(key) {
            Entry::Vacant(v) => {
                v.insert(task);
            }
            Entry::Occupied(o) => {
                if let Some(d) = conflict(o.get(), task) {
                    out.push(d);
                }
            }
        }
    }
}

/// The roles compared, with the key a message names when the later task
/// lacks the role.
const COMPARED: [(RoleKind, &str); 5] = [
    (RoleKind::Leaders, "责任领导"),
    (RoleKind::LeadUnits, "牵头单位"),
    (RoleKind::ResponsibleUnits, "责任单位"),
    (RoleKind::CooperatingUnits, "配合单位"),
    (RoleKind::Deadline, "完成时限"),
];

/// What a task assigns for one kind of role.
fn assigned(task: &Task, kind: RoleKind) -> Vec<String> {
    match kind {
        RoleKind::Leaders => task.leaders.clone(),
        RoleKind::LeadUnits => task.lead_units.clone(),
        RoleKind::ResponsibleUnits => task.responsible_units.clone(),
        RoleKind::CooperatingUnits => task.cooperating_units.clone(),
        RoleKind::Deadline => task.deadline.iter().map(|d| d.text.clone()).collect(),
        RoleKind::Unknown => vec![],
    }
}

/// What `later` assigns differently from `earlier`, as a finding.
fn conflict(earlier: &Task, later: &Task) -> Option<Diagnostic> {
    let (kind, key) = COMPARED.into_iter().find(|&(kind, _)| {
        comparable(assigned(earlier, kind)) != comparable(assigned(later, kind))
    })?;
    let attribution = later.attribution.as_ref()?;
    let role = attribution.roles.iter().find(|r| r.kind == kind);
    let key = role.map_or(key, |r| &*r.key);
    let span = role.map_or(attribution.span, |r| r.span);
    Some(
        Diagnostic::new(
            Code::ConflictingDuplicateTask,
            span,
            format!(
                "task {} repeats task {} (line {}) with a different {key}: {}, not {}",
                task_label(later),
                task_label(earlier),
                earlier.span.line,
                listed(&assigned(later, kind)),
                listed(&assigned(earlier, kind)),
            ),
        )
        .with_help("give both tasks the same attribution, or keep only one of them"),
    )
}

/// A list compared regardless of order and width.
fn comparable(names: Vec<String>) -> Vec<String> {
    let mut folded: Vec<String> = names.iter().map(|n| fold(n)).collect();
    folded.sort();
    folded
}

fn listed(names: &[String]) -> String {
    if names.is_empty() {
        "none".into()
    } else {
        names.join("、")
    }
}

/// Substitutions between these characters make a different name, not a
/// typo: 第一中学 / 第二中学, 东城区 / 西城区, 新区 / 老区.
const CONTRASTING: &str = "一二三四五六七八九十〇零0123456789东西南北中上下前后左右内外大小新老";

/// How many characters two unit names must share before one character of
/// difference reads as a typo. Short names differ in one character all the
/// time (市商务局 / 市税务局, 市财政局 / 市民政局, 市残联 / 市妇联); long
/// ones rarely do.
const MIN_SHARED_UNIT_CHARS: usize = 5;

/// Names one edit away from a more common spelling, reported at each
/// occurrence of the rarer one. `what` is `unit` or `leader`.
fn similar_names<'a>(
    names: impl Iterator<Item = &'a NameRef<'a>>,
    what: &str,
    out: &mut Vec<Diagnostic>,
) {
    // Distinct spellings in order of first appearance, with their occurrences.
    let mut spellings: Vec<(String, Vec<&NameRef<'a>>)> = vec![];
    let mut index: HashMap<String, usize> = HashMap::new();
    for name in names.filter(|n| !n.name.is_empty()) {
        let key = fold(name.name);
        let i = *index.entry(key.clone()).or_insert_with(|| {
            spellings.push((key, vec![]));
            spellings.len() - 1
        });
        spellings[i].1.push(name);
    }
    for (rare, occurrences) in &spellings {
        // The most common candidate; the first written among equals
        // (`max_by_key` keeps the last maximum, so search backwards).
        let common = spellings
            .iter()
            .rev()
            .filter(|(other, seen)| {
                seen.len() > occurrences.len() && similar(rare, other, what == "unit")
            })
            .max_by_key(|(_, seen)| seen.len());
        let Some((_, common)) = common else {
            continue;
        };
        let spelling = common[0].name;
        for name in occurrences {
            out.push(
                Diagnostic::new(
                    Code::SimilarName,
                    name.span,
                    format!("{what} {} is one character away from {spelling}", name.name),
                )
                .with_help(format!(
                    "did you mean {spelling}? (written that way {} times)",
                    common.len()
                )),
            );
        }
    }
}

/// One edit apart, and that edit likely a slip rather than another name.
fn similar(a: &str, b: &str, unit: bool) -> bool {
    let (la, lb) = (a.chars().count(), b.chars().count());
    if la.abs_diff(lb) > 1 || la.min(lb) < 2 || edit_distance(a, b) != 1 {
        return false;
    }
    let shared = if la == lb { la - 1 } else { la.min(lb) };
    if unit && shared < MIN_SHARED_UNIT_CHARS {
        return false;
    }
    let differing = a.chars().zip(b.chars()).find(|(x, y)| x != y);
    !(la == lb
        && differing.is_some_and(|(x, y)| CONTRASTING.contains(x) && CONTRASTING.contains(y)))
}

/// 成文日期 after 发布日期: a notice is published after it is signed.
fn signed_after_published(notice: &Notice, out: &mut Vec<Diagnostic>) {
    let (Some(signed), Some(published)) = (notice.letter.signed, notice.meta.published) else {
        return;
    };
    if signed <= published {
        return;
    }
    let span = notice
        .letter
        .signed_line
        .as_ref()
        .map(|l| l.span)
        .unwrap_or_default();
    let published_line = notice
        .meta
        .fields
        .iter()
        .find(|f| f.field == Some(MetaKey::Published))
        .map_or(String::new(), |f| format!(" (line {})", f.span.line));
    out.push(
        Diagnostic::new(
            Code::SignedAfterPublished,
            span,
            format!("signed {signed}, after its publication date {published}{published_line}"),
        )
        .with_help("correct the 成文日期 under the signature or the header's 发布日期"),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_units_differing_in_one_character_are_different_units() {
        assert!(!similar("市商务局", "市税务局", true));
        assert!(!similar("市城发集团", "市商发集团", true));
        assert!(similar("市自然资源和规划局", "市自然资源规划局", true));
        assert!(similar("退役军人事务局", "市退役军人事务局", true));
        assert!(!similar("赤壁市第一人民医院", "赤壁市第二人民医院", true));
        assert!(similar("洪金虎", "洪今虎", false));
        assert!(!similar("洪金虎", "洪金虎", false));
    }
}
