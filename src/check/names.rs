//! Names in attributions: where each one is, how to compare them, and how far
//! apart two spellings are.

use super::sub_span;
use crate::model::{Notice, Role, RoleKind, Span};
use crate::parse::trivia::is_space;

/// One name as written in an attribution, with where it is.
#[derive(Debug, Clone, Copy)]
pub(super) struct NameRef<'a> {
    /// The name as written.
    pub name: &'a str,
    /// Where the name is; the whole role when its position cannot be told.
    pub span: Span,
    /// What the role assigns.
    pub kind: RoleKind,
}

impl NameRef<'_> {
    /// True for a name that fills a unit role (牵头, 责任, 配合 or an unknown key).
    pub fn is_unit(&self) -> bool {
        matches!(
            self.kind,
            RoleKind::LeadUnits
                | RoleKind::ResponsibleUnits
                | RoleKind::CooperatingUnits
                | RoleKind::Unknown
        )
    }
}

/// Every name of every attribution in document order (deadlines excluded:
/// they are dates, not names).
pub(super) fn all(notice: &Notice) -> Vec<NameRef<'_>> {
    notice
        .tasks()
        .flat_map(|t| t.task.attribution.iter())
        .flat_map(|attribution| attribution.roles.iter())
        .filter(|role| role.kind != RoleKind::Deadline)
        .flat_map(in_role)
        .collect()
}

/// The names of one role with their spans.
pub(super) fn in_role(role: &Role) -> Vec<NameRef<'_>> {
    let spans = name_spans(role);
    role.names
        .iter()
        .enumerate()
        .map(|(i, name)| NameRef {
            name,
            span: spans
                .as_ref()
                .and_then(|s| s.get(i).copied())
                .unwrap_or(role.span),
            kind: role.kind,
        })
        .collect()
}

/// The separator written after name `i` of a role (`、` unless recorded).
pub(super) fn separator(role: &Role, i: usize) -> &str {
    if role.separators.is_empty() {
        "、"
    } else {
        role.separators.get(i).map_or("", String::as_str)
    }
}

/// The span of each name of `role`, rebuilt from the role as written.
///
/// The model keeps a role's key, delimiter, names and separators but not
/// the whitespace around names, so the positions are exact only when the
/// rebuilt text is exactly as long as the role's span; otherwise `None`.
fn name_spans(role: &Role) -> Option<Vec<Span>> {
    let mut text = format!("{}{}", role.key, role.delimiter);
    let mut ranges = Vec::with_capacity(role.names.len());
    for (i, name) in role.names.iter().enumerate() {
        if i > 0 {
            text.push_str(separator(role, i - 1));
        }
        ranges.push(text.len()..text.len() + name.len());
        text.push_str(name);
    }
    let separators_fit =
        role.separators.is_empty() || role.separators.len() + 1 == role.names.len();
    (separators_fit && text.len() == role.span.end - role.span.start).then(|| {
        ranges
            .into_iter()
            .map(|r| sub_span(role.span, &text, r))
            .collect()
    })
}

/// The form names are compared in: full-width ASCII variants folded to
/// ASCII and padding removed, so `县发改局(粮食局)` written in either width
/// is one name.
pub(super) fn fold(name: &str) -> String {
    name.chars()
        .filter(|&c| !is_space(c))
        .map(|c| match c {
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// Levenshtein distance in chars (a CJK character is one edit).
pub(super) fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let substitute = diagonal + usize::from(ca != cb);
            diagonal = row[j + 1];
            row[j + 1] = substitute.min(row[j] + 1).min(diagonal + 1);
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distance_counts_chars() {
        assert_eq!(edit_distance("市发改局", "市发改局"), 0);
        assert_eq!(edit_distance("市发改局", "市发该局"), 1);
        assert_eq!(edit_distance("退役军人事务局", "市退役军人事务局"), 1);
        assert_eq!(edit_distance("各乡镇", "各乡镇街道"), 2);
        assert_eq!(edit_distance("", "市林业局"), 4);
    }

    #[test]
    fn folding_ignores_width_and_padding() {
        assert_eq!(fold("县发改局\u{ff08}粮食局\u{ff09}"), "县发改局(粮食局)");
        assert_eq!(fold("市 发改局\u{3000}"), "市发改局");
    }

    #[test]
    fn name_spans_are_exact_or_absent() {
        let notice = crate::parse(
            "附件\n标题\n一、目标\n1.做事。(牵头单位:市发改局、市财政局;责任单位:\u{3000}各乡镇)",
        )
        .unwrap();
        let names = all(&notice);
        assert_eq!(names.len(), 3);
        assert_eq!((names[1].name, names[1].span.column), ("市财政局", 17));
        assert_eq!(names[1].span.end_column, 21);
        // The padding before 各乡镇 is not in the model: fall back to the role.
        let role = &notice
            .tasks()
            .next()
            .unwrap()
            .task
            .attribution
            .as_ref()
            .unwrap()
            .roles[1];
        assert_eq!(names[2].span, role.span);
    }
}
