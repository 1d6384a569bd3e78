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
    if let Some(a) = &notice.attachment {
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
    let mut current: Option<(Span, String)> = None;
    // A key can repeat (a header pasted twice, notices concatenated); the
    // typed field holds the last pair's value, so only the last pair of a key
    // is written from the typed field, the earlier ones as they were.
    let mut last_of_key: Vec<(MetaKey, usize)> = vec![];
    for (i, f) in meta.fields.iter().enumerate() {
        if let Some(key) = f.field {
            last_of_key.retain(|&(k, _)| k != key);
            last_of_key.push((key, i));
        }
    }
    for (i, field) in meta.fields.iter().enumerate() {
        let value = match field.field {
            Some(key) if !last_of_key.contains(&(key, i)) => field.value.clone(),
            _ => meta_value(meta, field),
        };
        if field.starts_line {
            if let Some((span, text)) = current.take() {
                lines.push(&span, &Layout::default(), &text);
            }
            current = Some((field.span, String::new()));
        }
        let (_, text) = current.get_or_insert_with(|| (field.span, String::new()));
        text.push_str(&field.before);
        text.push_str(&field.key);
        text.push_str(if field.separator.is_empty() {
            ":"
        } else {
            &field.separator
        });
        text.push_str(&value);
    }
    if let Some((span, text)) = current {
        lines.push(&span, &Layout::default(), &text);
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
    let raw_opt = (!raw.is_empty()).then(|| raw.clone());
    let typed = typed_meta(meta)
        .into_iter()
        .find(|t| t.0 == key)
        .and_then(|t| t.2);
    let consistent = match key {
        MetaKey::Published => parse_date(raw) == meta.published,
        MetaKey::DocNo => raw_opt.filter(|v| v != "无") == meta.doc_no,
        _ => raw_opt == typed,
    };
    match (consistent, typed) {
        (true, _) => raw.clone(),
        (false, Some(v)) => v,
        (false, None) if key == MetaKey::DocNo => "无".into(),
        (false, None) => String::new(),
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
    let marker = if t.marker.is_empty() {
        format!("{}.", t.number)
    } else {
        t.marker.clone()
    };
    let clause = match &t.attribution {
        Some(a) if attribution_is_current(t, a) => written_clause(a),
        _ => canonical_clause(t),
    };
    lines.push(
        &t.span,
        &t.layout,
        &format!("{marker}{}{}{clause}", t.layout.gap, t.text),
    );
}

/// True while the clause as written still says what the task's typed fields say.
fn attribution_is_current(t: &Task, a: &Attribution) -> bool {
    let of = |kind: RoleKind| -> Vec<&str> {
        a.roles
            .iter()
            .filter(|r| r.kind == kind)
            .flat_map(|r| r.names.iter().map(String::as_str))
            .collect()
    };
    let deadline: Vec<String> = a
        .roles
        .iter()
        .filter(|r| r.kind == RoleKind::Deadline)
        .map(join_names)
        .collect();
    of(RoleKind::Leaders) == t.leaders
        && of(RoleKind::LeadUnits) == t.lead_units
        && of(RoleKind::ResponsibleUnits) == t.responsible_units
        && of(RoleKind::CooperatingUnits) == t.cooperating_units
        && deadline.last().map(String::as_str) == t.deadline.as_ref().map(|d| d.text.as_str())
}

fn join_names(r: &Role) -> String {
    let mut s = String::new();
    for (i, name) in r.names.iter().enumerate() {
        if i > 0 {
            s.push_str(
                r.separators
                    .get(i - 1)
                    .filter(|_| r.separators.len() + 1 == r.names.len())
                    .map_or("、", |x| x),
            );
        }
        s.push_str(name);
    }
    s
}

fn written_clause(a: &Attribution) -> String {
    let sep = if a.role_separator.is_empty() {
        "\u{ff1b}"
    } else {
        &a.role_separator
    };
    let roles: Vec<String> = a
        .roles
        .iter()
        .map(|r| {
            let delimiter = if r.delimiter.is_empty() {
                "\u{ff1a}"
            } else {
                &r.delimiter
            };
            format!("{}{delimiter}{}", r.key, join_names(r))
        })
        .collect();
    let open = if a.open.is_empty() {
        "\u{ff08}"
    } else {
        &a.open
    };
    // `close` is empty both for a clause cut off in the source and for one
    // built in code; only the first has an opening bracket as written.
    let close = if a.open.is_empty() {
        "\u{ff09}"
    } else {
        &a.close
    };
    format!("{open}{}{close}", roles.join(sep))
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
