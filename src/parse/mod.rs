//! Text → [`Notice`]: one linear pass classifies each line (header, letter,
//! heading, task, unrecognised) with cheap prefix checks; the attribution
//! split and target extraction run only on task lines.

mod attribution;
mod date;
mod marker;
mod meta;
mod numeral;
pub(crate) mod target;
pub(crate) mod trivia;

use std::borrow::Cow;
use std::ops::Range;

use crate::diagnostic::{Code, Diagnostic};
use crate::error::Error;
use crate::model::*;
use crate::span::LineIndex;

pub(crate) use date::parse_date;
use marker::{marker, Marker, MarkerKind};
pub(crate) use numeral::to_chinese_numeral;

/// Options for [`parse_with`]; [`ParseOptions::default`] is what [`crate::parse`] uses.
///
/// ```
/// let options = fenjie::ParseOptions { extract_targets: false };
/// let notice = fenjie::parse_with("附件\n标题\n一、目标\n1.增长11%。(牵头单位:市发改局)", &options).unwrap();
/// assert!(notice.tasks().next().unwrap().task.targets.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseOptions {
    /// Find numeric targets and investments in task texts (on by default).
    pub extract_targets: bool,
}

impl Default for ParseOptions {
    fn default() -> Self {
        ParseOptions {
            extract_targets: true,
        }
    }
}

/// Parses a notice with the default options.
///
/// Accepts `&str` or bytes. Never fails on text: lines that fit nowhere
/// become [`Notice::unrecognized`] with a diagnostic. The only error is input
/// that is not UTF-8 (decode other encodings first, see [`crate::decode`]).
///
/// ```
/// let notice = fenjie::parse("附件\n标题\n一、目标\n1.做事。(责任领导:张三;牵头单位:市发改局)").unwrap();
/// let task = notice.tasks().next().unwrap().task;
/// assert_eq!(task.leaders, ["张三"]);
/// assert_eq!(task.lead_units, ["市发改局"]);
///
/// let err = fenjie::parse(b"\xff\xfe bad").unwrap_err();
/// assert!(err.to_string().contains("byte 0"));
/// ```
pub fn parse(input: impl ParseInput) -> Result<Notice, Error> {
    parse_with(input, &ParseOptions::default())
}

/// Parses a notice with the given options. See [`parse`].
pub fn parse_with(input: impl ParseInput, options: &ParseOptions) -> Result<Notice, Error> {
    Ok(parse_str(input.text()?, options))
}

/// What [`parse`] accepts: text (`&str`, `String`), which is used as is, or
/// bytes (`&[u8]`, `Vec<u8>`, `b"…"`), which must be UTF-8.
///
/// ```
/// use fenjie::ParseInput;
/// assert_eq!("任务".text().unwrap(), "任务");
/// assert!(b"\xff".text().is_err());
/// ```
pub trait ParseInput {
    /// The input as UTF-8 text.
    fn text(&self) -> Result<&str, Error>;
}

impl ParseInput for str {
    fn text(&self) -> Result<&str, Error> {
        Ok(self)
    }
}

impl ParseInput for String {
    fn text(&self) -> Result<&str, Error> {
        Ok(self)
    }
}

impl ParseInput for [u8] {
    fn text(&self) -> Result<&str, Error> {
        std::str::from_utf8(self).map_err(|e| Error::invalid_utf8(self, e.valid_up_to()))
    }
}

impl<const N: usize> ParseInput for [u8; N] {
    fn text(&self) -> Result<&str, Error> {
        self.as_slice().text()
    }
}

impl ParseInput for Vec<u8> {
    fn text(&self) -> Result<&str, Error> {
        self.as_slice().text()
    }
}

impl<T: ParseInput + ?Sized> ParseInput for &T {
    fn text(&self) -> Result<&str, Error> {
        (**self).text()
    }
}

pub(crate) fn parse_str(text: &str, options: &ParseOptions) -> Notice {
    let bom = text.starts_with('\u{feff}');
    let body_start = if bom { '\u{feff}'.len_utf8() } else { 0 };
    let mut builder = Builder::new(text, options);
    builder.notice.source = SourceStyle {
        bom,
        line_ending: if text.contains("\r\n") && text.find('\n') == text.find("\r\n").map(|i| i + 1)
        {
            "\r\n".into()
        } else {
            String::new()
        },
        final_newline: text.ends_with('\n'),
        encoding: None,
    };
    let mut start = body_start;
    while start < text.len() {
        let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        let line_end = if text[..end].ends_with('\r') {
            end - 1
        } else {
            end
        };
        builder.line(start..line_end);
        start = end + 1;
    }
    builder.finish()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    Start,
    Header,
    Letter,
    AttachmentTitle,
    Attachment,
}

/// A line split into padding and content, as byte offsets into the input.
#[derive(Debug, Clone)]
struct Line {
    content: Range<usize>,
    layout: Layout,
}

struct Builder<'a> {
    text: &'a str,
    index: LineIndex<'a>,
    options: &'a ParseOptions,
    notice: Notice,
    phase: Phase,
    blank_lines: u32,
    /// The previous line was pushed as a letter paragraph (a signatory candidate).
    last_was_paragraph: bool,
    /// Offset of the last non-blank content, to tell a cut-off notice from a dropped bracket.
    last_content_end: usize,
    /// Scratch space for splitting attribution clauses, reused across tasks.
    raw_attribution: attribution::RawAttribution,
}

impl<'a> Builder<'a> {
    fn new(text: &'a str, options: &'a ParseOptions) -> Self {
        let last_content_end = text
            .trim_end_matches(|c: char| c.is_whitespace() || trivia::is_space(c))
            .len();
        Builder {
            text,
            index: LineIndex::new(text),
            options,
            notice: Notice::default(),
            phase: Phase::Start,
            blank_lines: 0,
            last_was_paragraph: false,
            last_content_end,
            raw_attribution: attribution::RawAttribution::default(),
        }
    }

    fn span(&self, r: Range<usize>) -> Span {
        self.index.span(r.start, r.end)
    }

    fn text_line(&self, line: &Line) -> TextLine {
        TextLine {
            text: self.text[line.content.clone()].to_string(),
            span: self.span(line.content.clone()),
            layout: line.layout.clone(),
        }
    }

    fn diagnose(&mut self, code: Code, r: Range<usize>, message: String, help: Option<String>) {
        let mut d = Diagnostic::new(code, self.span(r), message);
        d.help = help;
        self.notice.diagnostics.push(d);
    }

    fn line(&mut self, r: Range<usize>) {
        let (indent, content, trailing) = trivia::split_padding(&self.text[r.clone()]);
        if content.is_empty() {
            self.blank_lines += 1;
            return;
        }
        let start = r.start + indent.len();
        let line = Line {
            content: start..start + content.len(),
            layout: Layout {
                blank_before: std::mem::take(&mut self.blank_lines),
                indent: indent.to_string(),
                gap: String::new(),
                trailing: trailing.to_string(),
            },
        };
        let was_paragraph = std::mem::take(&mut self.last_was_paragraph);
        match self.phase {
            Phase::Start => self.start_line(line),
            Phase::Header => self.header_line(line),
            Phase::Letter => self.letter_line(line, was_paragraph),
            Phase::AttachmentTitle => self.attachment_title_line(line),
            Phase::Attachment => self.attachment_line(line),
        }
    }

    fn start_line(&mut self, line: Line) {
        let content = &self.text[line.content.clone()];
        if meta::header_pairs(content).is_some_and(|p| p[0].key.known) {
            self.phase = Phase::Header;
            return self.header_line(line);
        }
        if marker(content).is_some() || is_attachment_heading(content) {
            self.phase = Phase::Letter;
            return self.letter_line(line, false);
        }
        self.notice.title = Some(self.text_line(&line));
        self.phase = Phase::Header;
    }

    fn header_line(&mut self, line: Line) {
        let content = &self.text[line.content.clone()];
        let pairs = match meta::header_pairs(content) {
            // An unknown key opens a header line only inside a header and with a value:
            // `各县区人民政府:` is an addressee line, not a key.
            Some(p)
                if p[0].key.known
                    || (!self.notice.meta.fields.is_empty() && !p[0].value.is_empty()) =>
            {
                p
            }
            _ => {
                self.phase = Phase::Letter;
                return self.letter_line(line, false);
            }
        };
        let base = line.content.start;
        let mut before = line.layout.indent.clone();
        let mut prev_end = 0;
        for (i, pair) in pairs.iter().enumerate() {
            if i > 0 {
                before = content[prev_end..pair.start].to_string();
            }
            prev_end = pair.value.end;
            self.meta_pair(base, content, pair, std::mem::take(&mut before), i == 0);
        }
    }

    fn meta_pair(
        &mut self,
        base: usize,
        content: &str,
        pair: &meta::RawPair,
        before: String,
        first: bool,
    ) {
        let key = &content[pair.start..pair.start + pair.key.key_len];
        let value = &content[pair.value.clone()];
        let field = MetaField {
            field: pair.key.field,
            key: key.to_string(),
            separator: content[pair.start + pair.key.key_len..pair.start + pair.key.len]
                .to_string(),
            value: value.to_string(),
            span: self.span(base + pair.start..base + pair.value.end),
            value_span: self.span(base + pair.value.start..base + pair.value.end),
            before,
            starts_line: first,
        };
        let meta = &mut self.notice.meta;
        let value_opt = (!value.is_empty()).then(|| value.to_string());
        match pair.key.field {
            Some(MetaKey::IndexNo) => meta.index_no = value_opt,
            Some(MetaKey::DocNo) => meta.doc_no = value_opt.filter(|v| v != "无"),
            Some(MetaKey::Category) => meta.category = value_opt,
            Some(MetaKey::Publisher) => meta.publisher = value_opt,
            Some(MetaKey::Name) => meta.name = value_opt,
            Some(MetaKey::Validity) => meta.validity = value_opt,
            Some(MetaKey::Published) => {
                meta.published = parse_date(value);
                if meta.published.is_none() && !value.is_empty() {
                    let span = field.value_span;
                    self.notice.diagnostics.push(
                        Diagnostic::new(
                            Code::MalformedMeta,
                            span,
                            format!("发布日期 value {value:?} is not a date"),
                        )
                        .with_help("write the date as 2021年07月07日 or 2021-07-07"),
                    );
                }
            }
            None => meta.extra.push(MetaEntry {
                key: key.chars().filter(|&c| !trivia::is_space(c)).collect(),
                value: value.to_string(),
            }),
        }
        self.notice.meta.fields.push(field);
    }

    fn letter_line(&mut self, line: Line, was_paragraph: bool) {
        self.phase = Phase::Letter;
        let content = &self.text[line.content.clone()];
        if is_attachment_heading(content) {
            self.notice.attachment = Some(Attachment {
                heading: self.text_line(&line),
                title: None,
                sections: vec![],
            });
            self.phase = Phase::AttachmentTitle;
            return;
        }
        let letter_is_empty = {
            let l = &self.notice.letter;
            l.addressee_line.is_none() && l.paragraphs.is_empty() && l.requirements.is_empty()
        };
        if let Some(date) = parse_date(content).filter(|_| self.notice.letter.signed.is_none()) {
            if was_paragraph
                && is_signatory(
                    self.notice
                        .letter
                        .paragraphs
                        .last()
                        .map_or("", |p| p.text.as_str()),
                )
            {
                self.notice.letter.signatory = self.notice.letter.paragraphs.pop();
            }
            self.notice.letter.signed = Some(date);
            self.notice.letter.signed_line = Some(self.text_line(&line));
            return;
        }
        if letter_is_empty && is_addressee_line(content) {
            self.notice.letter.addressees = split_addressees(content);
            self.notice.letter.addressee_line = Some(self.text_line(&line));
            return;
        }
        if is_attachment_reference(content) {
            let l = self.text_line(&line);
            self.notice.letter.attachments.push(l);
            return;
        }
        match marker(content) {
            Some(m) if m.kind == MarkerKind::Numeral => {
                let (text, gap) = after_marker(content, m);
                self.notice.letter.requirements.push(Requirement {
                    marker: m.text.to_string(),
                    number: m.number,
                    text: text.to_string(),
                    span: self.span(line.content.clone()),
                    layout: Layout {
                        gap: gap.to_string(),
                        ..line.layout
                    },
                });
            }
            // A numbered task with an attribution but no 附件 line: the letter
            // itself carries the breakdown (a convention of some counties).
            Some(m) if m.kind == MarkerKind::Arabic && has_clause(content, m) => {
                self.notice.attachment = Some(Attachment::default());
                self.phase = Phase::Attachment;
                self.attachment_line(line);
            }
            _ => {
                let p = self.text_line(&line);
                self.notice.letter.paragraphs.push(p);
                self.last_was_paragraph = true;
            }
        }
    }

    fn attachment_title_line(&mut self, line: Line) {
        self.phase = Phase::Attachment;
        let content = &self.text[line.content.clone()];
        if marker(content).is_some() {
            return self.attachment_line(line);
        }
        let title = self.text_line(&line);
        if let Some(a) = self.notice.attachment.as_mut() {
            a.title = Some(title);
        }
    }

    fn attachment_line(&mut self, line: Line) {
        let content = &self.text[line.content.clone()];
        let Some(m) = marker(content) else {
            return self.unrecognized(line);
        };
        let (title, gap) = after_marker(content, m);
        let heading = |b: &Self| {
            (
                m.text.to_string(),
                m.number,
                title.to_string(),
                b.span(line.content.clone()),
            )
        };
        match m.kind {
            MarkerKind::Numeral if !has_clause(content, m) => {
                let (marker, number, title, span) = heading(self);
                self.sections().push(Section {
                    marker,
                    number,
                    title,
                    span,
                    layout: Layout {
                        gap: gap.to_string(),
                        ..line.layout
                    },
                    tasks: vec![],
                    subsections: vec![],
                });
            }
            MarkerKind::ParenNumeral if !has_clause(content, m) => {
                let (marker, number, title, span) = heading(self);
                let sub = Subsection {
                    marker,
                    number,
                    title,
                    span,
                    layout: Layout {
                        gap: gap.to_string(),
                        ..line.layout
                    },
                    tasks: vec![],
                };
                self.current_section().subsections.push(sub);
            }
            _ => {
                let task = self.task(&line, m);
                let section = self.current_section();
                match section.subsections.last_mut() {
                    Some(sub) => sub.tasks.push(task),
                    None => section.tasks.push(task),
                }
            }
        }
    }

    fn sections(&mut self) -> &mut Vec<Section> {
        &mut self
            .notice
            .attachment
            .get_or_insert_with(Attachment::default)
            .sections
    }

    /// The section tasks go into; a notice whose tasks come before any
    /// `一、` heading gets one unnamed section (marker and title empty).
    fn current_section(&mut self) -> &mut Section {
        let sections = self.sections();
        if sections.is_empty() {
            sections.push(Section::default());
        }
        sections.last_mut().expect("just ensured non-empty")
    }

    fn unrecognized(&mut self, line: Line) {
        let l = self.text_line(&line);
        self.diagnose(
            Code::UnrecognizedLine,
            line.content.clone(),
            "line fits no part of the notice structure; kept as unrecognised".into(),
            Some(
                "a task starts with a marker such as `1.` or `(一)`; a section with `一、`".into(),
            ),
        );
        self.notice.unrecognized.push(l);
    }

    fn task(&mut self, line: &Line, m: Marker<'_>) -> Task {
        let content = &self.text[line.content.clone()];
        let (body, gap) = after_marker(content, m);
        let body_start = line.content.start + (content.len() - body.len());
        let clause = attribution::find_clause(body);
        let text_end = clause.as_ref().map_or(body.len(), |c| c.open);
        let text_range = body_start..body_start + text_end;
        let mut task = Task {
            marker: m.text.to_string(),
            number: m.number,
            text: self.text[text_range.clone()].to_string(),
            span: self.span(line.content.clone()),
            text_span: self.span(text_range.clone()),
            layout: Layout {
                gap: gap.to_string(),
                ..line.layout.clone()
            },
            ..Task::default()
        };
        if let Some(clause) = clause {
            self.attribution(&mut task, body_start, body, &clause);
        }
        if self.options.extract_targets {
            let (targets, investments) = target::extract(&task.text, text_range.start, &self.index);
            task.targets = targets;
            task.investments = investments;
        }
        task
    }

    fn attribution(
        &mut self,
        task: &mut Task,
        base: usize,
        body: &str,
        clause: &attribution::ClauseSpan,
    ) {
        let open_len = body[clause.open..].chars().next().map_or(0, char::len_utf8);
        let inner_start = clause.open + open_len;
        let inner_end = clause.close.unwrap_or(body.len());
        let inner = &body[inner_start..inner_end];
        let mut raw = std::mem::take(&mut self.raw_attribution);
        if attribution::parse_roles(inner, &mut raw) {
            // A role separator with no role after it (`…;)`, or `…);` where
            // the clause is read as cut off) goes to `close`: parsed as a
            // separator it would be dropped from the model and the rendering.
            let inner = &inner[..raw.trailing_separator.unwrap_or(inner.len())];
            self.build_attribution(task, base, body, clause, inner_start, inner, &raw);
        }
        self.raw_attribution = raw;
    }

    #[allow(clippy::too_many_arguments)]
    fn build_attribution(
        &mut self,
        task: &mut Task,
        base: usize,
        body: &str,
        clause: &attribution::ClauseSpan,
        inner_start: usize,
        inner: &str,
        raw: &attribution::RawAttribution,
    ) {
        let inner_end = inner_start + inner.len();
        let at = |r: &Range<usize>| base + inner_start + r.start..base + inner_start + r.end;
        let clause_end = clause.close.map_or(body.len(), |c| {
            c + body[c..].chars().next().map_or(0, char::len_utf8)
        });
        let mut attribution = Attribution {
            roles: vec![],
            open: interned(&body[clause.open..inner_start]),
            close: interned(&body[inner_end..clause_end]),
            role_separator: raw
                .role_separator
                .as_ref()
                .map_or(Cow::Borrowed(""), |r| interned(&inner[r.clone()])),
            span: self.span(base + clause.open..base + clause_end),
        };
        for role in &raw.roles {
            let name_ranges = raw.names_of(role);
            let names: Vec<String> = name_ranges
                .iter()
                .map(|r| inner[r.clone()].to_string())
                .collect();
            // Separators are recorded only when one is not the usual `、`.
            let separators: Vec<String> = if raw
                .separators_of(role)
                .iter()
                .all(|r| &inner[r.clone()] == "、")
            {
                vec![]
            } else {
                raw.separators_of(role)
                    .iter()
                    .map(|r| inner[r.clone()].to_string())
                    .collect()
            };
            let key = &inner[role.key.clone()];
            let end = name_ranges
                .last()
                .map_or(role.delimiter.end, |n| n.end.max(role.delimiter.end));
            let span = self.span(at(&(role.key.start..end)));
            if role.slipped {
                let delim = &inner[role.delimiter.clone()];
                self.diagnose(
                    Code::RecoveredSlip,
                    at(&role.delimiter),
                    format!("`{delim}` after role key {key} where a colon belongs; read as {key}:"),
                    Some(format!("write `{key}:`")),
                );
            }
            if role.kind == RoleKind::Unknown {
                self.diagnose(
                    Code::UnknownRoleKey,
                    at(&role.key),
                    format!("unknown role key {key}; its names are kept in the attribution only"),
                    Some("known keys: 责任领导, 牵头单位, 责任单位, 配合单位, 完成时限 (see docs/dialects.md)".into()),
                );
            }
            match role.kind {
                RoleKind::Leaders => task.leaders.extend(names.iter().cloned()),
                RoleKind::LeadUnits => task.lead_units.extend(names.iter().cloned()),
                RoleKind::ResponsibleUnits => task.responsible_units.extend(names.iter().cloned()),
                RoleKind::CooperatingUnits => task.cooperating_units.extend(names.iter().cloned()),
                RoleKind::Deadline => {
                    let text = deadline_text(&names, raw, role, inner);
                    task.deadline = Some(Deadline { date: None, text });
                }
                RoleKind::Unknown => {}
            }
            attribution.roles.push(Role {
                key: interned(key),
                kind: role.kind,
                delimiter: interned(&inner[role.delimiter.clone()]),
                names,
                separators,
                span,
            });
        }
        if clause.close.is_none() {
            let open_range = base + clause.open..base + inner_start;
            if base + body.len() >= self.last_content_end {
                self.diagnose(
                    Code::Truncated,
                    open_range,
                    "the notice ends inside this attribution clause; it is kept as far as it goes"
                        .into(),
                    None,
                );
            } else {
                let close = if attribution.open == "(" {
                    ")"
                } else {
                    "\u{ff09}"
                };
                self.diagnose(
                    Code::UnbalancedBracket,
                    open_range,
                    format!(
                        "attribution clause opened with `{}` is never closed",
                        attribution.open
                    ),
                    Some(format!("add `{close}` at the end of the line")),
                );
            }
        }
        task.attribution = Some(attribution);
    }

    fn finish(self) -> Notice {
        self.notice
    }
}

/// Punctuation and role keys as written, without allocating for the common ones.
fn interned(s: &str) -> Cow<'static, str> {
    const COMMON: &[&str] = &[
        "", "(", ")", ":", ";", ",", "[", "]", "【", "】", "\u{ff08}", "\u{ff09}", "\u{ff1a}",
        "\u{ff1b}", "\u{ff0c}", "\u{ff3b}", "\u{ff3d}",
    ];
    COMMON
        .iter()
        .chain(attribution::ROLE_KEYS.iter().map(|(k, _)| k))
        .find(|&&c| c == s)
        .map_or_else(|| Cow::Owned(s.to_string()), |&c| Cow::Borrowed(c))
}

/// A deadline's text: its names joined by their separators, as the renderer
/// writes the role back. (The raw slice also held the padding around them,
/// which made an unedited clause look edited and rendered it in the
/// canonical style, losing its keys as written and its unknown roles.)
fn deadline_text(
    names: &[String],
    raw: &attribution::RawAttribution,
    role: &attribution::RawRole,
    inner: &str,
) -> String {
    let separators = raw.separators_of(role);
    let aligned = separators.len() + 1 == names.len();
    let mut text = String::new();
    for (i, name) in names.iter().enumerate() {
        if i > 0 {
            text.push_str(if aligned {
                &inner[separators[i - 1].clone()]
            } else {
                "、"
            });
        }
        text.push_str(name);
    }
    text
}

/// The text after a marker and the whitespace between them.
fn after_marker<'s>(content: &'s str, m: Marker<'_>) -> (&'s str, &'s str) {
    let rest = &content[m.text.len()..];
    let text = rest.trim_start_matches(trivia::is_space);
    (text, &rest[..rest.len() - text.len()])
}

fn has_clause(content: &str, m: Marker<'_>) -> bool {
    attribution::find_clause(after_marker(content, m).0).is_some()
}

/// `附件`, `附件1`, `附件:` alone on a line: the attachment starts here.
fn is_attachment_heading(content: &str) -> bool {
    let rest = content.strip_prefix("附件").unwrap_or("-");
    let rest = rest.trim_start_matches(|c: char| c.is_ascii_digit());
    rest.chars()
        .all(|c| trivia::is_colon(c) || trivia::is_space(c))
}

/// `附件:…` / `附件1:…`: the letter lists an attachment.
fn is_attachment_reference(content: &str) -> bool {
    content
        .strip_prefix("附件")
        .map(|r| r.trim_start_matches(|c: char| c.is_ascii_digit()))
        .is_some_and(|r| r.starts_with(trivia::is_colon))
}

/// `各乡镇人民政府、街道,市政府各部门:` — short, ends in a colon, no sentence.
fn is_addressee_line(content: &str) -> bool {
    content.ends_with(trivia::is_colon) && !content.contains('。') && content.chars().count() <= 80
}

/// Splits the addressee line on `、` and commas, dropping the final colon.
pub(crate) fn split_addressees(content: &str) -> Vec<String> {
    content
        .trim_end_matches(trivia::is_colon)
        .split(trivia::is_name_separator)
        .map(|s| s.trim_matches(trivia::is_space).to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

/// The line before the signing date is the signatory when it is short and
/// not a sentence (`赤壁市人民政府办公室`).
fn is_signatory(text: &str) -> bool {
    !text.is_empty() && text.chars().count() <= 40 && !text.contains(['。', ',', ',', ':', ':'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attachment_lines_are_told_apart() {
        assert!(is_attachment_heading("附件"));
        assert!(is_attachment_heading("附件1"));
        assert!(is_attachment_heading("附件:"));
        assert!(!is_attachment_heading(
            "附件:《政府工作报告》确定的2021年重点工作责任分解"
        ));
        assert!(is_attachment_reference(
            "附件:《政府工作报告》确定的2021年重点工作责任分解"
        ));
        assert!(!is_attachment_reference("附件"));
    }

    #[test]
    fn addressees_split_on_both_separators() {
        assert_eq!(
            split_addressees("各乡镇人民政府、街道,市政府各部门:"),
            ["各乡镇人民政府", "街道", "市政府各部门"]
        );
    }
}
