//! The 政府信息公开 header: required fields present, values well-formed (FJ018).
//!
//! A 发布日期 that is not a date is reported by the parser, which reads it.
//! A notice without a header (many are published without one) is not asked
//! for its fields: a header is two or more of the known fields, so a lone
//! `发布日期:` byline copied from a web page does not count as one.

use std::collections::HashSet;

use crate::diagnostic::{Code, Diagnostic};
use crate::model::{MetaField, MetaKey, Notice};
use crate::parse::trivia::is_space;

/// Fields every header must have, with the key to write.
const REQUIRED: &[(MetaKey, &str)] = &[
    (MetaKey::IndexNo, "索引号"),
    (MetaKey::Publisher, "发布机构"),
    (MetaKey::Published, "发布日期"),
];

pub(super) fn check(notice: &Notice, out: &mut Vec<Diagnostic>) {
    let fields = &notice.meta.fields;
    let present: HashSet<MetaKey> = fields.iter().filter_map(|f| f.field).collect();
    let Some(first) = fields.first() else {
        return;
    };
    if present.len() < 2 {
        return;
    }
    for &(key, written) in REQUIRED {
        if !present.contains(&key) {
            out.push(
                Diagnostic::new(
                    Code::MalformedMeta,
                    first.span,
                    format!("the header has no {written}"),
                )
                .with_help(format!("add `{written}: …` to the header")),
            );
        }
    }
    for field in fields {
        empty_value(field, out);
        if field.field == Some(MetaKey::IndexNo) {
            index_no(field, out);
        }
    }
}

/// A known key written with nothing after it; an empty 文号 means "none".
fn empty_value(field: &MetaField, out: &mut Vec<Diagnostic>) {
    let known = field.field.is_some_and(|k| k != MetaKey::DocNo);
    if known && field.value.is_empty() {
        let key: String = field.key.chars().filter(|&c| !is_space(c)).collect();
        out.push(
            Diagnostic::new(
                Code::MalformedMeta,
                field.span,
                format!("{key} has no value"),
            )
            .with_help(format!("fill in {key}, or remove the key")),
        );
    }
}

/// An index number is an ASCII code such as `011346509/2021-22221`.
fn index_no(field: &MetaField, out: &mut Vec<Diagnostic>) {
    let v = &field.value;
    let well_formed = v
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '/' | '-' | '_' | '.'))
        && v.chars().any(|c| c.is_ascii_digit());
    if !v.is_empty() && !well_formed {
        out.push(
            Diagnostic::new(
                Code::MalformedMeta,
                field.value_span,
                format!("索引号 {v:?} is not an index number"),
            )
            .with_help(
                "an index number is ASCII letters, digits and / - _ . such as 011346509/2021-22221",
            ),
        );
    }
}
