//! Text → [`Notice`]: one linear pass classifies each line (header, letter,
//! heading, task, table cell, unrecognised) with cheap prefix checks; the
//! attribution split and target extraction run only on task lines.
//!
//! The reference notice's convention is the fast path. The genre's other
//! conventions (`docs/dialects.md`) are tried only on lines that convention
//! would not accept, so a seed-like notice pays little for them:
//!
//! - `letter.rs`: the cover letter, and letters that carry the breakdown
//!   themselves (no `附件` line);
//! - `body.rs`: the attachment — headings, tasks, attribution lines below a
//!   task;
//! - `table.rs`: tasks written as table rows;
//! - `clause.rs`: attribution clauses into roles and typed fields;
//! - `attribution.rs`, `prose.rs`, `names.rs`: the grammar of clauses, prose
//!   phrases and name lists; `meta.rs`, `marker.rs`, `date.rs`, `noise.rs`:
//!   header pairs, numbering markers, dates and deadlines, web-page text;
//! - `dialect.rs`: which conventions were met, for the dialect report.

mod attribution;
mod body;
mod clause;
mod date;
mod dialect;
mod letter;
mod marker;
mod meta;
mod names;
mod noise;
mod numeral;
mod prose;
mod table;
pub(crate) mod target;
pub(crate) mod trivia;

use std::borrow::Cow;
use std::ops::Range;

use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::error::Error;
use crate::model::*;
use crate::span::LineIndex;

pub(crate) use date::parse_date;
pub(crate) use letter::split_addressees;
use marker::{marker, Marker, MarkerKind};
pub(crate) use numeral::to_chinese_numeral;
use trivia::TrimSpace;

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
/// that is not UTF-8 (decode other encodings to UTF-8 first).
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
        simdutf8::compat::from_utf8(self).map_err(|e| Error::invalid_utf8(self, e.valid_up_to()))
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
        // CRLF when the first line ends so: the first `\r\n` is then the
        // first `\n`, as it must be for the text to be CRLF throughout.
        line_ending: match memchr::memchr(b'\n', text.as_bytes()) {
            Some(i) if i > 0 && text.as_bytes()[i - 1] == b'\r' => "\r\n".into(),
            _ => String::new(),
        },
        final_newline: text.ends_with('\n'),
        encoding: None,
    };
    let mut start = body_start;
    while start < text.len() {
        let end =
            memchr::memchr(b'\n', &text.as_bytes()[start..]).map_or(text.len(), |i| start + i);
        // A `\r` ends a line only before `\n`: a last line's `\r` is
        // trailing whitespace, kept and written back (fuzz: roundtrip).
        let line_end = if end < text.len() && text[..end].ends_with('\r') {
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
    /// Letter lines that become the first headings (and task) should the
    /// letter turn out to carry the breakdown itself.
    pending: Vec<letter::Pending>,
    /// A first-is-lead rule is in force (排名第一的为牵头单位,下同).
    lead_rule: bool,
    /// The table being read, if any.
    table: Option<table::Table>,
    /// Reading header values that stand alone on their lines.
    keyless_header: bool,
    /// Conventions met so far.
    dialect: dialect::Tracker,
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
            pending: vec![],
            lead_rule: false,
            table: None,
            keyless_header: false,
            dialect: dialect::Tracker::default(),
        }
    }

    fn span(&self, r: Range<usize>) -> Span {
        self.index.span(r.start, r.end)
    }

    /// The content of `line`.
    fn content(&self, line: &Line) -> &'a str {
        let text: &'a str = self.text;
        &text[line.content.clone()]
    }

    fn text_line(&self, line: &Line) -> TextLine {
        TextLine {
            text: self.content(line).to_string(),
            span: self.span(line.content.clone()),
            layout: line.layout.clone(),
        }
    }

    fn diagnose(&mut self, code: Code, r: Range<usize>, message: String, help: Option<String>) {
        let mut d = Diagnostic::new(code, self.span(r), message);
        d.help = help;
        self.notice.diagnostics.push(d);
    }

    /// Notes that the notice uses `convention`, first seen at byte `at`.
    fn saw(&mut self, convention: Convention, at: usize) {
        if !self.dialect.has(convention) {
            let line = self.index.position(at).0;
            self.dialect.saw(convention, line);
        }
    }

    /// Notes a first-is-lead rule stated in free text (a title, a note line).
    fn note_lead_rule(&mut self, line: &Line) {
        if prose::lead_rule(self.content(line)).is_some() {
            self.lead_rule = true;
            self.saw(Convention::LeadRuleFirstListed, line.content.start);
        }
    }

    fn line(&mut self, r: Range<usize>) {
        let raw = &self.text[r.clone()];
        let (mut indent, mut content, mut trailing, markup) = trivia::split_line(raw);
        if content.is_empty() && markup {
            // A line of tags alone is kept as a line, not dropped as blank.
            (indent, content, trailing) = trivia::split_padding(raw);
        }
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
        if markup {
            self.saw(Convention::NoiseHtml, start);
        }
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
        let content = self.content(&line);
        // Page navigation above the notice is not its title.
        if noise::is_navigation(content) {
            return self.noise(line, Convention::NoiseNavigation);
        }
        if meta::header_pairs(content).is_some_and(|p| p[0].key.known) {
            self.phase = Phase::Header;
            return self.header_line(line);
        }
        if marker(content).is_some() || letter::is_attachment_heading(content) {
            self.phase = Phase::Letter;
            return self.letter_line(line, false);
        }
        self.notice.title = Some(self.text_line(&line));
        self.phase = Phase::Header;
    }

    fn header_line(&mut self, line: Line) {
        let content = self.content(&line);
        if noise::is_navigation(content) {
            return self.noise(line, Convention::NoiseNavigation);
        }
        let pairs = match meta::header_pairs(content) {
            // An unknown key opens a header line only inside a header and with a value:
            // `各县区人民政府:` is an addressee line, not a key.
            Some(p)
                if p[0].key.known
                    || (!self.notice.meta.fields.is_empty() && !p[0].value.is_empty()) =>
            {
                p
            }
            _ => return self.keyless_or_letter(line),
        };
        let layout = if content.contains('|') {
            Convention::HeaderPipeTable
        } else if pairs[0].start > 0 {
            Convention::HeaderBullets
        } else {
            Convention::HeaderKeyValue
        };
        self.saw(layout, line.content.start);
        let base = line.content.start;
        let last = pairs.len() - 1;
        let mut prev_end = 0;
        for (i, pair) in pairs.iter().enumerate() {
            let before = if i == 0 {
                format!("{}{}", line.layout.indent, &content[..pair.start])
            } else {
                content[prev_end..pair.start].to_string()
            };
            prev_end = pair.value.end;
            // The line's last pair keeps what follows its value: a table
            // row's closing `|` and the line's trailing whitespace.
            let after = if i == last {
                format!("{}{}", &content[pair.value.end..], line.layout.trailing)
            } else {
                String::new()
            };
            let blank_before = (i == 0).then_some(line.layout.blank_before);
            self.meta_pair(base, content, pair, before, after, blank_before);
        }
    }

    /// A header value alone on its line (an index number, a date under the
    /// title), or else the letter's first line.
    fn keyless_or_letter(&mut self, line: Line) {
        let content = self.content(&line);
        let field = meta::keyless_field(content);
        // `附件` and numbered lines open the letter's parts, never a header value.
        let structural = letter::is_attachment_heading(content) || marker(content).is_some();
        let keyless = self.notice.title.is_some()
            && !structural
            && (self.keyless_header || self.notice.meta.fields.is_empty())
            && (field.is_some() || (self.keyless_header && meta::is_short_value(content)));
        if !keyless {
            self.phase = Phase::Letter;
            return self.letter_line(line, false);
        }
        self.keyless_header = true;
        self.saw(Convention::HeaderKeylessValues, line.content.start);
        let span = self.span(line.content.clone());
        let field = MetaField {
            field,
            key: String::new(),
            separator: String::new(),
            value: content.to_string(),
            span,
            value_span: span,
            before: line.layout.indent.clone(),
            after: line.layout.trailing.clone(),
            starts_line: true,
            blank_before: line.layout.blank_before,
        };
        self.set_meta(field);
    }

    fn meta_pair(
        &mut self,
        base: usize,
        content: &str,
        pair: &meta::RawPair,
        before: String,
        after: String,
        blank_before: Option<u32>,
    ) {
        let key = &content[pair.start..pair.start + pair.key.key_len];
        let value = &content[pair.value.clone()];
        // Between pairs, a table row's `|` in `before` belongs to the pair
        // after it (fuzz: a bar between pairs was in no span).
        let bar = before.trim_space_start().len();
        let pair_start = base
            + if blank_before.is_some() {
                0
            } else if before.trim_space().is_empty() {
                pair.start
            } else {
                pair.start - bar
            };
        // `after` holds the line's trailing whitespace too, which no span covers.
        let pair_end = if after.trim_space_end().is_empty() {
            base + pair.value.end
        } else {
            base + content.len()
        };
        let field = MetaField {
            field: pair.key.field,
            key: key.to_string(),
            separator: content[pair.start + pair.key.key_len..pair.start + pair.key.len]
                .to_string(),
            value: value.to_string(),
            // A line's first pair covers what comes before its key too (a
            // bullet `• `, a table row's `| `), a later pair the bar before
            // it, and the last pair what comes after its value (a closing
            // `|`), so that nothing is lost.
            span: self.span(pair_start..pair_end),
            value_span: self.span(base + pair.value.start..base + pair.value.end),
            before,
            after,
            starts_line: blank_before.is_some(),
            blank_before: blank_before.unwrap_or(0),
        };
        let unpadded = |k: &str| {
            k.chars()
                .filter(|&c| !trivia::is_space(c))
                .collect::<Vec<_>>()
        };
        // Only a key the header already has can repeat it; most keys are new.
        let again = || {
            let key = unpadded(key);
            self.notice
                .meta
                .fields
                .iter()
                .any(|f| !f.key.is_empty() && unpadded(&f.key) == key)
        };
        if !self.dialect.has(Convention::HeaderRepeated) && field.field.is_some() && again() {
            self.saw(Convention::HeaderRepeated, base);
        }
        self.set_meta(field);
    }

    /// Records a header field; a typed field keeps its first non-empty value
    /// (pages that give the header twice give it again in another layout).
    fn set_meta(&mut self, field: MetaField) {
        let value = field.value.as_str();
        let meta = &mut self.notice.meta;
        let value_opt = (!value.is_empty()).then(|| value.to_string());
        let set = |slot: &mut Option<String>, v: Option<String>| {
            if slot.is_none() {
                *slot = v;
            }
        };
        match field.field {
            Some(MetaKey::IndexNo) => set(&mut meta.index_no, value_opt),
            Some(MetaKey::DocNo) => set(&mut meta.doc_no, value_opt.filter(|v| v != "无")),
            Some(MetaKey::Category) => set(&mut meta.category, value_opt),
            Some(MetaKey::Publisher) => set(&mut meta.publisher, value_opt),
            Some(MetaKey::Name) => set(&mut meta.name, value_opt),
            Some(MetaKey::Validity) => set(&mut meta.validity, value_opt),
            Some(MetaKey::Published) if meta.published.is_none() => {
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
            Some(MetaKey::Published) => {}
            None => meta.extra.push(MetaEntry {
                key: strip_key(&field.key),
                value: value.to_string(),
            }),
        }
        self.notice.meta.fields.push(field);
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

    /// Web-page text around the notice: unrecognised, with a note rather
    /// than a warning, since nothing of the notice is lost.
    fn noise(&mut self, line: Line, convention: Convention) {
        // It also ends a numbered letter paragraph waiting for its role
        // lines: a role line after it would make that task's span reach
        // over the noise line.
        self.pending.clear();
        self.saw(convention, line.content.start);
        let l = self.text_line(&line);
        let mut d = Diagnostic::new(
            Code::UnrecognizedLine,
            l.span,
            "web-page text around the notice (navigation, a repeated title); kept as unrecognised",
        );
        d.severity = Severity::Note;
        self.notice.diagnostics.push(d);
        self.notice.unrecognized.push(l);
    }

    /// The year the notice is about, for deadlines that name only a month.
    fn year(&self) -> Option<u16> {
        let n = &self.notice;
        n.meta
            .published
            .or(n.letter.signed)
            .map(|d| d.year)
            .or_else(|| n.title.as_ref().and_then(|t| year_in(&t.text)))
    }

    fn finish(mut self) -> Notice {
        self.note_truncation();
        if self.notice.tasks().next().is_none() {
            if let Some(r) = self.notice.letter.requirements.first() {
                let at = r.span.start;
                self.saw(Convention::LetterOnly, at);
            }
        }
        let tracker = std::mem::take(&mut self.dialect);
        self.notice.dialect = tracker.finish(&self.notice);
        self.notice
    }

    /// True when the notice's last line is a heading (附件, the attachment's
    /// title, a section or subsection heading): headings carry no stop, and
    /// one that ends a notice is whole, however little follows it.
    fn ends_on_heading(&self, end: usize) -> bool {
        let Some(a) = self.notice.attachments().last() else {
            return false;
        };
        let section = a.sections.last();
        let spans = [
            Some(a.heading.span),
            a.title.as_ref().map(|t| t.span),
            section.map(|s| s.span),
            section.and_then(|s| s.subsections.last()).map(|s| s.span),
        ];
        spans.iter().flatten().any(|span| span.end == end)
    }

    /// Says where a notice that stops mid-sentence was cut (FJ021), unless
    /// an attribution clause already said so.
    fn note_truncation(&mut self) {
        if self
            .notice
            .diagnostics
            .iter()
            .any(|d| d.code == Code::Truncated)
        {
            let at = self.last_content_end;
            return self.saw(Convention::Truncated, at.saturating_sub(1));
        }
        let body = &self.text[..self.last_content_end];
        let line_start = body.rfind('\n').map_or(0, |i| i + 1);
        // The last line without the tags a page's source wraps it in.
        let (lead, last_line, _, _) = trivia::split_line(&body[line_start..]);
        let end = line_start + lead.len() + last_line.len();
        let Some(last) = last_line.chars().next_back() else {
            return;
        };
        let in_body = matches!(self.phase, Phase::Attachment | Phase::AttachmentTitle);
        // A title, a signatory or a date ends without a stop and is whole;
        // so do a page's buttons under the notice.
        let short_line = parse_date(last_line).is_some() || last_line.chars().count() <= 20;
        if is_terminal(last)
            || noise::is_navigation(last_line)
            || (!in_body && short_line)
            || (in_body && (self.row_is_full() || self.ends_on_heading(end)))
        {
            return;
        }
        let cut_role_line = self.is_cut_role_line(line_start);
        let at = end - last.len_utf8()..end;
        let message = match self.notice.tasks().last().map(|t| t.task) {
            Some(t) if cut_role_line || (t.span.start <= at.start && at.end <= t.span.end) => {
                format!(
                    "the notice ends here, inside task {}; what it has is kept",
                    if t.marker.is_empty() {
                        "(unnumbered)"
                    } else {
                        t.marker.as_str()
                    }
                )
            }
            _ => "the notice ends here, mid-sentence; what it has is kept".to_string(),
        };
        let start = at.start;
        self.diagnose(Code::Truncated, at, message, None);
        self.saw(Convention::Truncated, start);
    }

    /// A role line cut off below a task whose roles stand on lines of their
    /// own (`牵头责任` at the very end) belongs to that task. The line is kept
    /// where it was read (an unrecognised line); the task's span is not
    /// stretched over it, which covered it twice (fuzz: parse_bytes).
    fn is_cut_role_line(&self, line_start: usize) -> bool {
        let Some(task) = self.notice.tasks().last().map(|t| t.task) else {
            return false;
        };
        let own_lines = task
            .attribution
            .as_ref()
            .is_some_and(|a| a.roles.iter().any(|r| r.line.is_some()));
        let gap = self.text.get(task.span.end..line_start).unwrap_or("x");
        own_lines && gap.chars().all(char::is_whitespace)
    }
}

/// A key without its padding (`文 号` → `文号`).
fn strip_key(key: &str) -> String {
    key.chars().filter(|&c| !trivia::is_space(c)).collect()
}

/// Punctuation a complete sentence, clause, row or heading may end with.
fn is_terminal(c: char) -> bool {
    matches!(
        c,
        '。' | '！'
            | '？'
            | '!'
            | '?'
            | ')'
            | '\u{ff09}'
            | ']'
            | '】'
            | '\u{ff3d}'
            | '」'
            | '』'
            | '”'
            | '’'
            | '》'
            | ';'
            | '\u{ff1b}'
            | ':'
            | '\u{ff1a}'
            | '…'
            | '|'
            | '.'
            | '\u{ff0e}'
    )
}

/// The first `2021年` in `text`.
fn year_in(text: &str) -> Option<u16> {
    let at = text.find('年')?;
    let digits = text[..at].get(at.checked_sub(4)?..)?;
    digits
        .bytes()
        .all(|b| b.is_ascii_digit())
        .then(|| digits.parse().ok())
        .flatten()
}

/// Punctuation and role keys as written, without allocating for the common ones.
fn interned(s: &str) -> Cow<'static, str> {
    // Called for every role and clause: punctuation is short, keys are
    // looked up among those with the same first character.
    let found = if s.len() <= 3 {
        common(s)
    } else {
        attribution::static_key(s)
            .or_else(|| prose::PROSE_KEYS.iter().map(|&(k, _)| k).find(|&k| k == s))
    };
    found.map_or_else(|| Cow::Owned(s.to_string()), Cow::Borrowed)
}

/// Punctuation written between the parts of a clause, as a `'static`
/// string. A `match` on literals compiles to a few loads; searching a
/// table called `memcmp` once per entry.
fn common(s: &str) -> Option<&'static str> {
    Some(match s {
        "" => "",
        "(" => "(",
        ")" => ")",
        ":" => ":",
        ";" => ";",
        "," => ",",
        "[" => "[",
        "]" => "]",
        "【" => "【",
        "】" => "】",
        "\u{ff08}" => "\u{ff08}",
        "\u{ff09}" => "\u{ff09}",
        "\u{ff1a}" => "\u{ff1a}",
        "\u{ff1b}" => "\u{ff1b}",
        "\u{ff0c}" => "\u{ff0c}",
        "\u{ff3b}" => "\u{ff3b}",
        "\u{ff3d}" => "\u{ff3d}",
        "。" => "。",
        _ => return None,
    })
}

/// The text after a marker and the whitespace between them.
fn after_marker<'s>(content: &'s str, m: Marker<'_>) -> (&'s str, &'s str) {
    let rest = &content[m.text.len()..];
    let text = rest.trim_space_start();
    (text, &rest[..rest.len() - text.len()])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_are_read_from_titles() {
        assert_eq!(year_in("关于2021年重点工作责任分解的通知"), Some(2021));
        assert_eq!(year_in("年度工作"), None);
        assert_eq!(year_in("关于重点工作"), None);
    }

    #[test]
    fn stops_are_terminal() {
        assert!(is_terminal('。'));
        assert!(is_terminal('\u{ff09}'));
        assert!(!is_terminal('市'));
    }
}
