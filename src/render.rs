//! Model → text: the one place that writes a notice back.
//!
//! A parsed notice keeps what it was written with (markers, role keys,
//! punctuation, padding, blank lines), and each piece is written from that
//! raw form while it still says what the typed fields say; a piece built or
//! edited in code is written in the canonical style instead: full-width
//! punctuation, `一、` / `(一)` / `1.` markers and the role keys
//! 责任领导 / 牵头单位 / 责任单位 / 配合单位 / 完成时限.

use crate::model::*;
use crate::parse::{parse_date, split_addressees, to_chinese_numeral};

/// Writes a notice as text.
///
/// For a parsed notice the output is the input, byte for byte, as long as
/// the model was not edited; for any model, parsing the output gives the
/// model back (apart from spans and layout).
///
/// ```
/// let text = "通知\n附件\n分解\n一、目标\n1.增长11%。(责任领导:张三;牵头单位:市发改局)";
/// let notice = fenjie::parse(text).unwrap();
/// assert_eq!(fenjie::render(&notice), text);
///
/// let mut edited = notice.clone();
/// edited.attachment.as_mut().unwrap().sections[0].tasks[0].leaders.push("李四".into());
/// // Edited, the clause is written in the canonical full-width style.
/// let clause = "\u{ff08}责任领导\u{ff1a}张三、李四\u{ff1b}牵头单位\u{ff1a}市发改局\u{ff09}";
/// assert!(fenjie::render(&edited).ends_with(clause));
/// ```
pub fn render(notice: &Notice) -> String {
    let mut lines = Lines::default();
    if let Some(title) = &notice.title {
        lines.text_line(title);
    }
    meta(&mut lines, &notice.meta);
    letter(&mut lines, &notice.letter);
    for a in notice.attachments() {
        attachment(&mut lines, a);
    }
    for u in &notice.unrecognized {
        lines.text_line(u);
    }
    lines.finish(&notice.source)
}

/// Rendered lines, each keyed by where it came from so that a parsed
/// notice's lines come out in source order.
#[derive(Default)]
struct Lines {
    lines: Vec<(usize, String)>,
}

impl Lines {
    fn push(&mut self, span: &Span, layout: &Layout, content: &str) {
        // A line built in code follows the line before it.
        let key = if span.is_empty() {
            self.lines.last().map_or(0, |l| l.0)
        } else {
            span.start
        };
        let mut s = String::new();
        for _ in 0..layout.blank_before {
            s.push('\n');
        }
        s.push_str(&layout.indent);
        s.push_str(content);
        s.push_str(&layout.trailing);
        self.lines.push((key, s));
    }

    fn text_line(&mut self, line: &TextLine) {
        self.push(&line.span, &line.layout, &line.text);
    }

    fn finish(mut self, source: &SourceStyle) -> String {
        self.lines.sort_by_key(|l| l.0);
        let eol = if source.line_ending.is_empty() {
            "\n"
        } else {
            &source.line_ending
        };
        let mut out = String::new();
        if source.bom {
            out.push('\u{feff}');
        }
        for (i, (_, line)) in self.lines.iter().enumerate() {
            if i > 0 {
                out.push_str(eol);
            }
            if eol == "\n" {
                out.push_str(line);
            } else {
                out.push_str(&line.replace('\n', eol));
            }
        }
        if source.final_newline {
            out.push_str(eol);
        }
        out
    }
}

fn meta(lines: &mut Lines, meta: &Meta) {
    let mut current: Option<(Span, Layout, String)> = None;
    // The pair a typed field stands for is the first of its key with a
    // value; a header given twice writes its other pairs as they were.
    // (When no pair says what the typed field holds — it was edited — the
    // first pair with a value is written from it.)
    let supplier = |key: MetaKey| {
        let of_key = |f: &&MetaField| f.field == Some(key);
        let fields = || meta.fields.iter().enumerate();
        fields()
            .find(|(_, f)| of_key(f) && says_typed(meta, key, f))
            .or_else(|| fields().find(|(_, f)| of_key(f) && !f.value.is_empty()))
            .or_else(|| fields().find(|(_, f)| of_key(f)))
            .map(|(i, _)| i)
    };
    for (i, field) in meta.fields.iter().enumerate() {
        let value = match field.field {
            Some(key) if supplier(key) != Some(i) => field.value.clone(),
            _ => meta_value(meta, field),
        };
        if field.starts_line {
            if let Some((span, layout, text)) = current.take() {
                lines.push(&span, &layout, &text);
            }
            let layout = Layout {
                blank_before: field.blank_before,
                ..Layout::default()
            };
            current = Some((field.span, layout, String::new()));
        }
        let (_, _, text) =
            current.get_or_insert_with(|| (field.span, Layout::default(), String::new()));
        text.push_str(&field.before);
        text.push_str(&field.key);
        // A value written without its key (a bare date under the title) has no colon either.
        if !field.key.is_empty() {
            text.push_str(if field.separator.is_empty() {
                ":"
            } else {
                &field.separator
            });
        }
        text.push_str(&value);
        text.push_str(&field.after);
    }
    if let Some((span, layout, text)) = current {
        lines.push(&span, &layout, &text);
    }
    // Typed fields set in code with no pair as written get a line of their own.
    let written = |key: MetaKey| meta.fields.iter().any(|f| f.field == Some(key));
    for (key, label, value) in typed_meta(meta) {
        if let Some(value) = value.filter(|_| !written(key)) {
            lines.push(
                &Span::default(),
                &Layout::default(),
                &format!("{label}:{value}"),
            );
        }
    }
    for extra in &meta.extra {
        if !meta
            .fields
            .iter()
            .any(|f| f.field.is_none() && f.value == extra.value && strip(&f.key) == extra.key)
        {
            lines.push(
                &Span::default(),
                &Layout::default(),
                &format!("{}:{}", extra.key, extra.value),
            );
        }
    }
}

fn strip(key: &str) -> String {
    key.chars()
        .filter(|&c| !crate::parse::trivia::is_space(c))
        .collect()
}

/// The typed header fields with their canonical labels.
fn typed_meta(meta: &Meta) -> [(MetaKey, &'static str, Option<String>); 7] {
    [
        (MetaKey::IndexNo, "索引号", meta.index_no.clone()),
        (MetaKey::DocNo, "文号", meta.doc_no.clone()),
        (MetaKey::Category, "主题分类", meta.category.clone()),
        (MetaKey::Publisher, "发布机构", meta.publisher.clone()),
        (MetaKey::Name, "名称", meta.name.clone()),
        (
            MetaKey::Published,
            "发布日期",
            meta.published.map(|d| cn_date(&d)),
        ),
        (MetaKey::Validity, "有效性", meta.validity.clone()),
    ]
}

/// A pair's value: as written while it still means the typed field, else the typed field.
fn meta_value(meta: &Meta, field: &MetaField) -> String {
    let Some(key) = field.field else {
        return field.value.clone();
    };
    let raw = &field.value;
    let typed = typed_meta(meta)
        .into_iter()
        .find(|t| t.0 == key)
        .and_then(|t| t.2);
    match (says_typed(meta, key, field), typed) {
        (true, _) => raw.clone(),
        (false, Some(v)) => v,
        (false, None) if key == MetaKey::DocNo => "无".into(),
        (false, None) => String::new(),
    }
}

/// True when a pair as written means what the typed field holds.
fn says_typed(meta: &Meta, key: MetaKey, field: &MetaField) -> bool {
    let raw = &field.value;
    let raw_opt = (!raw.is_empty()).then(|| raw.clone());
    match key {
        MetaKey::Published => parse_date(raw) == meta.published,
        MetaKey::DocNo => raw_opt.filter(|v| v != "无") == meta.doc_no,
        _ => {
            raw_opt
                == typed_meta(meta)
                    .into_iter()
                    .find(|t| t.0 == key)
                    .and_then(|t| t.2)
        }
    }
}

fn cn_date(d: &Date) -> String {
    format!("{}年{}月{}日", d.year, d.month, d.day)
}

fn letter(lines: &mut Lines, letter: &Letter) {
    match &letter.addressee_line {
        Some(line) if split_addressees(&line.text) == letter.addressees => lines.text_line(line),
        line if !letter.addressees.is_empty() => {
            let line = line.clone().unwrap_or_default();
            lines.push(
                &line.span,
                &line.layout,
                &format!("{}\u{ff1a}", letter.addressees.join("、")),
            );
        }
        _ => {}
    }
    for p in &letter.paragraphs {
        lines.text_line(p);
    }
    for r in &letter.requirements {
        let marker = numeral_marker(&r.marker, r.number, "、");
        lines.push(
            &r.span,
            &r.layout,
            &format!("{marker}{}{}", r.layout.gap, r.text),
        );
    }
    for a in &letter.attachments {
        lines.text_line(a);
    }
    if let Some(s) = &letter.signatory {
        lines.text_line(s);
    }
    match (&letter.signed_line, letter.signed) {
        (Some(line), signed) if parse_date(&line.text) == signed => lines.text_line(line),
        (line, Some(date)) => {
            let line = line.clone().unwrap_or_default();
            lines.push(&line.span, &line.layout, &cn_date(&date));
        }
        (Some(line), None) => lines.text_line(line),
        (None, None) => {}
    }
}

/// The marker as written, or a canonical one for a model built in code.
fn numeral_marker(written: &str, number: u32, suffix: &str) -> String {
    if written.is_empty() {
        format!("{}{suffix}", to_chinese_numeral(number))
    } else {
        written.to_string()
    }
}

fn attachment(lines: &mut Lines, a: &Attachment) {
    // An attachment with no heading line is one the parser opened at the
    // first task of a letter that carries its own breakdown.
    if !a.heading.text.is_empty() {
        lines.text_line(&a.heading);
    }
    if let Some(t) = &a.title {
        lines.text_line(t);
    }
    for s in &a.sections {
        if !(s.marker.is_empty() && s.title.is_empty() && s.number == 0) {
            let marker = numeral_marker(&s.marker, s.number, "、");
            lines.push(
                &s.span,
                &s.layout,
                &format!("{marker}{}{}", s.layout.gap, s.title),
            );
        }
        if let Some(table) = &s.table {
            row(lines, &table.row, &table.span, &table.layout);
        }
        s.tasks.iter().for_each(|t| task(lines, t));
        for sub in &s.subsections {
            let marker = if sub.marker.is_empty() {
                format!("\u{ff08}{}\u{ff09}", to_chinese_numeral(sub.number))
            } else {
                sub.marker.clone()
            };
            lines.push(
                &sub.span,
                &sub.layout,
                &format!("{marker}{}{}", sub.layout.gap, sub.title),
            );
            sub.tasks.iter().for_each(|t| task(lines, t));
        }
    }
}

fn task(lines: &mut Lines, t: &Task) {
    // A task whose number could not be read is written without one.
    let marker = match (t.marker.is_empty(), t.number) {
        (false, _) => t.marker.clone(),
        (true, 0) => String::new(),
        (true, n) => format!("{n}."),
    };
    let current = t
        .attribution
        .as_ref()
        .filter(|a| attribution_is_current(t, a));
    let unassigned = t.attribution.is_none()
        && t.leaders.is_empty()
        && t.lead_units.is_empty()
        && t.responsible_units.is_empty()
        && t.cooperating_units.is_empty()
        && t.deadline.is_none();
    if let Some(r) = t.row.as_ref().filter(|r| row_is_current(t, r)) {
        if current.is_some() || unassigned {
            row(lines, r, &t.span, &t.layout);
            // Roles on lines of their own may follow a table row too.
            if let Some(a) = current {
                own_line_roles(lines, a);
            }
            return;
        }
    }
    let clause = match current {
        Some(a) => written_clause(a),
        None => canonical_clause(t),
    };
    lines.push(
        &t.span,
        &t.layout,
        &format!("{marker}{}{}{clause}", t.layout.gap, t.text),
    );
    if let Some(a) = current {
        own_line_roles(lines, a);
    }
}

/// Roles written on lines of their own below the task; roles that shared a
/// line in the source share it again.
fn own_line_roles(lines: &mut Lines, a: &Attribution) {
    let own: Vec<&Role> = a.roles.iter().filter(|r| r.line.is_some()).collect();
    let same_line = |x: &&Role, y: &&Role| !x.span.is_empty() && x.span.line == y.span.line;
    for group in own.chunk_by(same_line) {
        let Some(first) = group.first() else {
            continue;
        };
        let mut text = String::new();
        for (i, r) in group.iter().enumerate() {
            text.push_str(&written_role(r));
            // A role built in code, not last on its line, has no separator
            // of its own yet.
            let end = if r.end.is_empty() && i + 1 < group.len() {
                role_separator(a)
            } else {
                &r.end
            };
            text.push_str(end);
        }
        let layout = first.line.as_deref().cloned().unwrap_or_default();
        lines.push(&first.span, &layout, &text);
    }
}

/// The separator written between an attribution's roles: as parsed, or
/// the full-width `;` for one built in code.
fn role_separator(a: &Attribution) -> &str {
    if a.role_separator.is_empty() {
        "\u{ff1b}"
    } else {
        &a.role_separator
    }
}

/// A table row as written: one line with `|` between cells, or one line per cell.
fn row(lines: &mut Lines, r: &Row, span: &Span, layout: &Layout) {
    if r.cell_per_line {
        for c in &r.cells {
            lines.push(&c.span, &c.layout, &c.text);
        }
        return;
    }
    let mut text = String::new();
    for c in &r.cells {
        text.push_str(&c.before);
        text.push_str(&c.text);
    }
    text.push_str(&r.after);
    lines.push(span, layout, &text);
}

/// The row's cells still say the task's number and text.
fn row_is_current(t: &Task, r: &Row) -> bool {
    r.cells.first().is_some_and(|c| c.text == t.marker)
        && (t.text.is_empty() || r.cells.iter().any(|c| c.text == t.text))
}

/// True while the clause as written still says what the task's typed fields say.
fn attribution_is_current(t: &Task, a: &Attribution) -> bool {
    let assigned = a.assigned_names();
    assigned.leaders == t.leaders
        && assigned.lead_units == t.lead_units
        && assigned.responsible_units == t.responsible_units
        && assigned.cooperating_units == t.cooperating_units
        && assigned.deadline.as_deref() == t.deadline.as_ref().map(|d| d.text.as_str())
}

/// A role as written: the text it was read from while that still holds
/// every name, else built from key, delimiter and names in its form.
fn written_role(r: &Role) -> String {
    let names = r.names_as_written();
    if !r.written.is_empty() && holds_in_order(&r.written, &r.names) {
        return r.written.clone();
    }
    match r.form {
        RoleForm::Keyed => {
            let delimiter = if r.delimiter.is_empty() {
                "\u{ff1a}"
            } else {
                &r.delimiter
            };
            format!("{}{delimiter}{names}", r.key)
        }
        RoleForm::Prose => format!("{names}{}", r.key),
        RoleForm::Bare => names,
    }
}

/// `names` occur in `text` in order.
fn holds_in_order(text: &str, names: &[String]) -> bool {
    let mut rest = text;
    names.iter().all(|n| match rest.find(n.as_str()) {
        Some(i) => {
            rest = &rest[i + n.len()..];
            true
        }
        None => false,
    })
}

fn written_clause(a: &Attribution) -> String {
    let inline: Vec<String> = a
        .roles
        .iter()
        .filter(|r| r.line.is_none())
        .map(written_role)
        .collect();
    if inline.is_empty() && a.remark.is_empty() {
        return String::new();
    }
    let sep = role_separator(a);
    // Separators that differ from role to role are each written as they were.
    let roles = if a.role_separators.len() + 1 == inline.len() {
        let mut joined = inline[0].clone();
        for (s, role) in a.role_separators.iter().zip(&inline[1..]) {
            joined.push_str(s);
            joined.push_str(role);
        }
        joined
    } else {
        inline.join(sep)
    };
    // A clause built in code (no span) gets canonical brackets; a parsed one
    // its own, which may be none (`由…负责` closing the task's last sentence)
    // or no closing one (cut off in the source).
    let built = a.span.is_empty();
    let open = if built && a.open.is_empty() {
        "\u{ff08}"
    } else {
        &a.open
    };
    let close = if built && a.close.is_empty() {
        "\u{ff09}"
    } else {
        &a.close
    };
    format!("{open}{roles}{}{close}", a.remark)
}

fn canonical_clause(t: &Task) -> String {
    let deadline: Vec<String> = t.deadline.iter().map(|d| d.text.clone()).collect();
    let roles: Vec<String> = [
        ("责任领导", &t.leaders),
        ("牵头单位", &t.lead_units),
        ("责任单位", &t.responsible_units),
        ("配合单位", &t.cooperating_units),
        ("完成时限", &deadline),
    ]
    .iter()
    .filter(|(_, names)| !names.is_empty())
    .map(|(key, names)| format!("{key}\u{ff1a}{}", names.join("、")))
    .collect();
    if roles.is_empty() {
        String::new()
    } else {
        format!("\u{ff08}{}\u{ff09}", roles.join("\u{ff1b}"))
    }
}
