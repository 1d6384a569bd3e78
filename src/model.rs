//! The typed model of a responsibility-breakdown notice (责任分解通知).
//!
//! A [`Notice`] is what [`crate::parse`] produces and what the renderer,
//! exporters and checker consume. Every element that came from the input
//! carries a [`Span`]. Elements also carry a [`Layout`] and a few "as written"
//! fields (markers, role keys, punctuation) so that [`crate::render`] can write
//! a parsed notice back byte for byte; a model built in code leaves them empty
//! and renders in the canonical style.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::diagnostic::Diagnostic;
pub use crate::span::Span;

/// A whole notice: title, metadata header, cover letter and attachment.
///
/// ```
/// let notice = fenjie::parse("关于重点工作责任分解的通知\n附件\n责任分解\n一、发展目标\n1.地区生产总值增长11%。(责任领导:张三;牵头单位:市发改局)\n").unwrap();
/// assert_eq!(notice.title.as_ref().unwrap().text, "关于重点工作责任分解的通知");
/// assert_eq!(notice.tasks().count(), 1);
/// ```
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Notice {
    /// The first line: the notice's own title.
    pub title: Option<TextLine>,
    /// The 政府信息公开 metadata header (索引号, 文号, …).
    pub meta: Meta,
    /// The cover letter (通知正文) before the attachment.
    pub letter: Letter,
    /// The attachment (附件) holding the task breakdown, if any.
    pub attachment: Option<Attachment>,
    /// Attachments after the first (`附件2`, `附件3` …), in order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub more_attachments: Vec<Attachment>,
    /// Lines that fit nowhere, kept in input order so nothing is lost.
    pub unrecognized: Vec<TextLine>,
    /// What the parser noticed while reading (see [`crate::Code`]).
    pub diagnostics: Vec<Diagnostic>,
    /// Which of the genre's conventions the parser recognised, so that a
    /// reader sees why the notice parsed as it did (see `docs/dialects.md`).
    pub dialect: Dialect,
    /// How the source was written, for byte-exact rendering.
    pub source: SourceStyle,
}

/// Document-wide facts about how the source text was written.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct SourceStyle {
    /// The text started with a byte-order mark (U+FEFF; for input decoded
    /// from UTF-16, its mark), which renders as UTF-8's.
    pub bom: bool,
    /// Line ending of the first line break (`"\n"` or `"\r\n"`); empty means `"\n"`.
    pub line_ending: String,
    /// The input ended with a line break.
    pub final_newline: bool,
    /// The encoding the input was decoded from (`UTF-8`, `GB18030`,
    /// `UTF-16LE`, …) when it was given as bytes to [`crate::parse_bytes`];
    /// `None` for text given to [`crate::parse`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encoding: Option<String>,
}

/// Whitespace around a line's content, kept for byte-exact rendering.
///
/// Empty for models built in code.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Layout {
    /// Blank lines before this line.
    #[serde(skip_serializing_if = "is_zero")]
    pub blank_before: u32,
    /// Leading whitespace (spaces, U+3000, U+00A0, tabs).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub indent: String,
    /// Whitespace between a marker and the text after it.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub gap: String,
    /// Trailing whitespace.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub trailing: String,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

impl Layout {
    /// True when the line had no extra whitespace.
    pub fn is_empty(&self) -> bool {
        *self == Layout::default()
    }
}

/// A line of free text (title, paragraph, signatory, unrecognised line).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct TextLine {
    /// The text, without surrounding whitespace.
    pub text: String,
    /// Where it came from.
    pub span: Span,
    /// Surrounding whitespace.
    #[serde(skip_serializing_if = "Layout::is_empty")]
    pub layout: Layout,
}

impl TextLine {
    /// A line built in code.
    ///
    /// ```
    /// let line = fenjie::TextLine::new("赤壁市人民政府办公室");
    /// assert!(line.span.is_empty());
    /// ```
    pub fn new(text: impl Into<String>) -> Self {
        TextLine {
            text: text.into(),
            ..TextLine::default()
        }
    }
}

/// A calendar date, serialised as ISO `YYYY-MM-DD`.
///
/// ```
/// let d: fenjie::Date = "2021-07-07".parse().unwrap();
/// assert_eq!(d.to_string(), "2021-07-07");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year, e.g. 2021.
    pub year: u16,
    /// Month 1–12.
    pub month: u8,
    /// Day 1–31.
    pub day: u8,
}

impl Date {
    /// A date, if the day exists in that month.
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (1..=days)
            .contains(&day)
            .then_some(Date { year, month, day })
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl std::str::FromStr for Date {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let mut parts = s.splitn(3, '-').map(str::parse::<u32>);
        let bad = || format!("not an ISO date (YYYY-MM-DD): {s:?}");
        match (parts.next(), parts.next(), parts.next()) {
            (Some(Ok(y)), Some(Ok(m)), Some(Ok(d))) if y <= 9999 && m <= 12 && d <= 31 => {
                Date::new(y as u16, m as u8, d as u8).ok_or_else(bad)
            }
            _ => Err(bad()),
        }
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// The 政府信息公开 metadata header.
///
/// The typed fields are the interpretation; [`Meta::fields`] keeps every
/// key/value pair exactly as written, in order, with its span.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Meta {
    /// 索引号 — the index number.
    pub index_no: Option<String>,
    /// 文号 — the document number; `None` when absent or written 无.
    pub doc_no: Option<String>,
    /// 主题分类 — the subject category.
    pub category: Option<String>,
    /// 发布机构 — the publishing body.
    pub publisher: Option<String>,
    /// 名称 — the document name.
    pub name: Option<String>,
    /// 发布日期 — the publication date.
    pub published: Option<Date>,
    /// 有效性 — validity (有效 / 失效).
    pub validity: Option<String>,
    /// Key/value pairs whose key the parser does not know, in order.
    pub extra: Vec<MetaEntry>,
    /// Every key/value pair as written, in order (known and unknown keys).
    pub fields: Vec<MetaField>,
}

/// An unknown metadata key with its value, kept in [`Meta::extra`].
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct MetaEntry {
    /// The key, with padding removed.
    pub key: String,
    /// The value, trimmed.
    pub value: String,
}

/// Which typed [`Meta`] field a header key fills.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MetaKey {
    /// 索引号
    IndexNo,
    /// 文号
    DocNo,
    /// 主题分类
    Category,
    /// 发布机构
    Publisher,
    /// 名称
    Name,
    /// 发布日期
    Published,
    /// 有效性
    Validity,
}

/// One key/value pair of the header, as written.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct MetaField {
    /// The typed field this pair fills; `None` for an unknown key.
    pub field: Option<MetaKey>,
    /// The key as written, padding included (`文 \u{a0} 号`).
    pub key: String,
    /// Text between key and value, colon included (`" : "`).
    pub separator: String,
    /// The value as written, trimmed.
    pub value: String,
    /// Span of the whole pair.
    pub span: Span,
    /// Span of the value alone.
    pub value_span: Span,
    /// Text before the pair: its line's indent (and a list bullet such as
    /// `• `), or the gap after the previous pair (` | ` in a table row).
    pub before: String,
    /// Text after the value up to the end of its line, when the pair is the
    /// line's last and the line is a table row (` |`).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub after: String,
    /// This pair starts a new line of the header.
    pub starts_line: bool,
    /// Blank lines before this pair's line (only on a pair that starts a line).
    #[serde(skip_serializing_if = "is_zero")]
    pub blank_before: u32,
}

/// The cover letter: addressees, body, requirements, attachment list, signature.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Letter {
    /// 主送 — addressees (`各乡镇人民政府、街道,市政府各部门:` gives three).
    pub addressees: Vec<String>,
    /// The addressee line as written.
    pub addressee_line: Option<TextLine>,
    /// Body paragraphs, in order.
    pub paragraphs: Vec<TextLine>,
    /// The letter's own numbered requirements (`一、加强组织领导。…`).
    pub requirements: Vec<Requirement>,
    /// Attachment references (`附件:…`).
    pub attachments: Vec<TextLine>,
    /// The signing body (落款).
    pub signatory: Option<TextLine>,
    /// The signing date (成文日期).
    pub signed: Option<Date>,
    /// The signing-date line as written.
    pub signed_line: Option<TextLine>,
}

/// A numbered requirement of the cover letter (not an attachment section).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Requirement {
    /// The marker as written (`一、`).
    pub marker: String,
    /// Its number (一 → 1).
    pub number: u32,
    /// The text after the marker.
    pub text: String,
    /// Where it came from.
    pub span: Span,
    /// Surrounding whitespace.
    #[serde(skip_serializing_if = "Layout::is_empty")]
    pub layout: Layout,
}

/// The attachment (附件) with the task breakdown.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Attachment {
    /// The heading line as written (`附件`, `附件1`).
    pub heading: TextLine,
    /// The attachment's title line.
    pub title: Option<TextLine>,
    /// Sections 一、二、… in order.
    pub sections: Vec<Section>,
}

/// A top-level section (`一、2021年经济社会发展主要预期目标`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Section {
    /// The marker as written (`一、`).
    pub marker: String,
    /// Its number (一 → 1).
    pub number: u32,
    /// The heading text after the marker.
    pub title: String,
    /// Span of the heading line.
    pub span: Span,
    /// Surrounding whitespace.
    #[serde(skip_serializing_if = "Layout::is_empty")]
    pub layout: Layout,
    /// The header row of the table the section's tasks are written in
    /// (序号 / 重点工作 / 责任单位 …), when they are table rows.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table: Option<TableHeader>,
    /// Tasks directly under the section (before any subsection).
    pub tasks: Vec<Task>,
    /// Subsections (一)(二)… in order.
    pub subsections: Vec<Subsection>,
}

/// The header row of a table flattened to text: the column names and what
/// each column holds.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct TableHeader {
    /// What each column holds, one per header cell.
    pub columns: Vec<ColumnKind>,
    /// The header cells as written (their texts are the column names).
    pub row: Row,
    /// Span of the header (all its lines).
    pub span: Span,
    /// Whitespace around a `|` header row.
    #[serde(skip_serializing_if = "Layout::is_empty")]
    pub layout: Layout,
}

/// What a table column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ColumnKind {
    /// 序号 — the task number.
    Number,
    /// 重点工作, 工作任务, 预期目标 — the task text (the first such column).
    #[default]
    Text,
    /// 责任领导 and the other leader keys.
    Leaders,
    /// 牵头单位 and the other lead keys.
    LeadUnits,
    /// 责任单位 and the other responsible keys.
    ResponsibleUnits,
    /// 配合单位 and the other cooperating keys.
    CooperatingUnits,
    /// 完成时限 and the other deadline keys.
    Deadline,
    /// Any further column (a second text column, 备注): kept in the row only.
    Other,
}

/// A table row as written, cell by cell: either one line with `|` between
/// cells, or one cell per line.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Row {
    /// The cells in order.
    pub cells: Vec<Cell>,
    /// Each cell stands on a line of its own.
    #[serde(skip_serializing_if = "is_false")]
    pub cell_per_line: bool,
    /// Text after the last cell of a `|` row (` |`).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub after: String,
}

/// One table cell as written.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Cell {
    /// The cell's text, trimmed.
    pub text: String,
    /// Where it came from.
    pub span: Span,
    /// On a `|` row: the separator and padding before the cell (`| `).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub before: String,
    /// On a line of its own: the line's whitespace.
    #[serde(skip_serializing_if = "Layout::is_empty")]
    pub layout: Layout,
}

/// A subsection heading (`(一)聚力打造六大产业集群`) and its tasks.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Subsection {
    /// The marker as written (`(一)`).
    pub marker: String,
    /// Its number (一 → 1).
    pub number: u32,
    /// The heading text after the marker.
    pub title: String,
    /// Span of the heading line.
    pub span: Span,
    /// Surrounding whitespace.
    #[serde(skip_serializing_if = "Layout::is_empty")]
    pub layout: Layout,
    /// Tasks in order.
    pub tasks: Vec<Task>,
}

/// One task (任务) with its attribution.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Task {
    /// The marker as written (`57.`, `(一)`).
    pub marker: String,
    /// The number in the marker (`57.` → 57, `(十)` → 10).
    pub number: u32,
    /// The task text without marker and attribution, exactly as written.
    pub text: String,
    /// 责任领导 — responsible leaders, in document order.
    pub leaders: Vec<String>,
    /// 牵头单位 — lead units, in document order.
    pub lead_units: Vec<String>,
    /// 责任单位 — responsible units, in document order.
    pub responsible_units: Vec<String>,
    /// 配合单位 / 协办单位 — cooperating units, in document order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub cooperating_units: Vec<String>,
    /// 完成时限 — the deadline, when the notice gives one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deadline: Option<Deadline>,
    /// Numeric targets found in the text (增长11%, 20家以上).
    pub targets: Vec<Target>,
    /// Project investment sizes found in the text (投资13亿元的…项目).
    pub investments: Vec<Investment>,
    /// The attribution clause as written, if the task has one.
    pub attribution: Option<Attribution>,
    /// The cells as written, when the task is a table row.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub row: Option<Row>,
    /// Span of the whole task (all its lines).
    pub span: Span,
    /// Span of `text`.
    pub text_span: Span,
    /// Surrounding whitespace.
    #[serde(skip_serializing_if = "Layout::is_empty")]
    pub layout: Layout,
}

/// A deadline (完成时限) as written and, where it reads as one, a date.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Deadline {
    /// As written (`2021年12月底前`, `长期坚持`).
    pub text: String,
    /// The last day it allows, when the text names a month or day.
    pub date: Option<Date>,
}

/// The attribution clause `(责任领导:A;牵头单位:X、Y;责任单位:Z)` as written.
///
/// The task's `leaders`, `lead_units`, … are the interpretation; this keeps
/// the roles in their written order with their keys, spans and punctuation.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Attribution {
    /// The roles in written order.
    pub roles: Vec<Role>,
    /// Opening bracket as written (`(`, `(`, `[`).
    pub open: Cow<'static, str>,
    /// Closing bracket as written, after any role separator that ends the
    /// clause (`;)`); empty when the clause was cut off.
    pub close: Cow<'static, str>,
    /// Separator between roles as written (`;`, `;`).
    pub role_separator: Cow<'static, str>,
    /// Every separator between roles as written, one before each role
    /// after the first, when they are not all `role_separator`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub role_separators: Vec<String>,
    /// The first unit named leads, by a rule the notice states
    /// (排名第一的为牵头单位, 首位单位为牵头单位): the first name of the first
    /// unit list is read as the lead unit, the rest as responsible units.
    #[serde(skip_serializing_if = "is_false")]
    pub first_is_lead: bool,
    /// Text inside the clause after its roles that names no one itself
    /// (`。排名第一的为牵头单位,下同`).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub remark: String,
    /// Span of the whole clause, brackets included.
    pub span: Span,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// What an attribution assigns, in the terms of a task's typed fields:
/// owned names (`Assignment`) or names borrowed from the roles
/// (`Assignment<&str>`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assignment<S = String> {
    /// 责任领导.
    pub leaders: Vec<S>,
    /// 牵头单位.
    pub lead_units: Vec<S>,
    /// 责任单位.
    pub responsible_units: Vec<S>,
    /// 配合单位.
    pub cooperating_units: Vec<S>,
    /// 完成时限, as written.
    pub deadline: Option<String>,
}

impl<S> Default for Assignment<S> {
    fn default() -> Self {
        Assignment {
            leaders: vec![],
            lead_units: vec![],
            responsible_units: vec![],
            cooperating_units: vec![],
            deadline: None,
        }
    }
}

impl Attribution {
    /// What the roles assign: each role's names go to the field of its
    /// kind, except that under [`Attribution::first_is_lead`] the first name
    /// of the first responsible list leads. The parser fills a task's
    /// fields from this; the renderer writes the clause as written only
    /// while the task's fields still equal it.
    ///
    /// ```
    /// let notice = fenjie::parse("附件\n标题\n一、目标\n1.做事。(牵头单位:甲局;配合单位:乙局)").unwrap();
    /// let task = notice.tasks().next().unwrap().task;
    /// let a = task.attribution.as_ref().unwrap().assignment();
    /// assert_eq!((a.lead_units, a.cooperating_units), (vec!["甲局".to_string()], vec!["乙局".to_string()]));
    /// ```
    pub fn assignment(&self) -> Assignment {
        self.assign(String::clone)
    }

    /// [`Attribution::assignment`] with the names borrowed from the roles.
    pub fn assigned_names(&self) -> Assignment<&str> {
        self.assign(String::as_str)
    }

    fn assign<'a, S>(&'a self, name: impl Fn(&'a String) -> S) -> Assignment<S> {
        // Sized up front: this runs for every task, and growing four
        // vectors name by name was a good part of parsing's allocations.
        // One count per kind, `Unknown` (the last) included.
        let mut names = [0usize; RoleKind::Unknown as usize + 1];
        for r in &self.roles {
            names[r.kind as usize] += r.names.len();
        }
        let names = |kind: RoleKind| names[kind as usize];
        let mut a = Assignment {
            leaders: Vec::with_capacity(names(RoleKind::Leaders)),
            lead_units: Vec::with_capacity(
                names(RoleKind::LeadUnits) + usize::from(self.first_is_lead),
            ),
            responsible_units: Vec::with_capacity(names(RoleKind::ResponsibleUnits)),
            cooperating_units: Vec::with_capacity(names(RoleKind::CooperatingUnits)),
            deadline: None,
        };
        let mut first_leads = self.first_is_lead;
        for r in &self.roles {
            let names = r.names.iter().map(&name);
            match r.kind {
                RoleKind::Leaders => a.leaders.extend(names),
                RoleKind::LeadUnits => a.lead_units.extend(names),
                RoleKind::ResponsibleUnits if first_leads => {
                    first_leads = false;
                    let mut names = names;
                    a.lead_units.extend(names.next());
                    a.responsible_units.extend(names);
                }
                RoleKind::ResponsibleUnits => a.responsible_units.extend(names),
                RoleKind::CooperatingUnits => a.cooperating_units.extend(names),
                RoleKind::Deadline => a.deadline = Some(r.names_as_written()),
                RoleKind::Unknown => {}
            }
        }
        a
    }
}

/// How a role is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RoleForm {
    /// Key, delimiter, names: `牵头单位:市发改局`.
    #[default]
    Keyed,
    /// Names, then the word that assigns them: `市发改局牵头`, `市财政局配合`,
    /// `由王丹副市长负责`. The key is that word.
    Prose,
    /// Names alone: a table cell (the key is the column's name) or a bare
    /// list under a first-is-lead rule (the key is empty).
    Bare,
}

impl RoleForm {
    /// True for the default `key:names` form.
    pub fn is_keyed(&self) -> bool {
        *self == RoleForm::Keyed
    }
}

/// What a role key assigns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RoleKind {
    /// 责任领导, 牵头领导, 分管领导, 责任人 → `leaders`.
    Leaders,
    /// 牵头单位 → `lead_units`.
    LeadUnits,
    /// 责任单位 → `responsible_units`.
    ResponsibleUnits,
    /// 配合单位, 协办单位, 参与单位 → `cooperating_units`.
    CooperatingUnits,
    /// 完成时限, 时间节点, 完成时间 → `deadline`.
    Deadline,
    /// A key the parser does not know (负责单位): kept here only.
    #[default]
    Unknown,
}

/// One role of an attribution clause (`牵头单位:市发改局、市住建局`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Role {
    /// The key as written (`牵头单位`).
    pub key: Cow<'static, str>,
    /// What the key assigns.
    pub kind: RoleKind,
    /// Punctuation between key and names as written (`:`, `:`, or a slip like `;`).
    pub delimiter: Cow<'static, str>,
    /// The names, exactly as written.
    pub names: Vec<String>,
    /// Separators between names as written, when any is not `、`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub separators: Vec<String>,
    /// Span of key, delimiter and names.
    pub span: Span,
    /// How the role is written (omitted for the usual `key:names`).
    #[serde(skip_serializing_if = "RoleForm::is_keyed")]
    pub form: RoleForm,
    /// The role stands on a line of its own below its task
    /// (`牵头单位:区发改局`), with this whitespace. Boxed, as most roles
    /// share their task's line and roles are among the model's most
    /// numerous values.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<Box<Layout>>,
    /// What follows a role on a line of its own: the separator before the
    /// next role on that line (`;`), or, for the line's last role, what
    /// closes the line: its `。`, after a rule the line states
    /// (`。排名第一的为牵头单位`) if any.
    #[serde(skip_serializing_if = "str::is_empty")]
    pub end: Cow<'static, str>,
    /// The role exactly as written, when key, delimiter, names and
    /// separators alone cannot rebuild it: names read out of a longer
    /// phrase (a leader's title, a list tail such as `等部门`), or prose.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub written: String,
}

impl Role {
    /// The names joined by their separators as written (`、` where none
    /// were recorded).
    pub fn names_as_written(&self) -> String {
        let mut s = String::new();
        let written = self.separators.len() + 1 == self.names.len();
        for (i, name) in self.names.iter().enumerate() {
            if i > 0 {
                s.push_str(
                    self.separators
                        .get(i - 1)
                        .filter(|_| written)
                        .map_or("、", String::as_str),
                );
            }
            s.push_str(name);
        }
        s
    }
}

/// A quantified commitment found in a task's text.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Target {
    /// The exact substring it came from (`增长11%`, `20家以上`).
    pub text: String,
    /// Where `text` is in the input.
    pub span: Span,
    /// What it measures (`地区生产总值`), when the text says.
    pub metric: Option<String>,
    /// The value (the lower bound of a range).
    pub value: f64,
    /// The upper bound of a range (`3-5家` → 5).
    pub value_max: Option<f64>,
    /// The unit as written (`%`, `亿元`, `家`).
    pub unit: String,
    /// The value in the unit's base (`12.8亿元` → 1.28e9 元), when the unit carries a scale.
    pub base_value: Option<f64>,
    /// How the value bounds the outcome.
    pub comparator: Comparator,
    /// What sort of quantity it is.
    pub kind: TargetKind,
    /// Increase or decrease, where the text says.
    pub direction: Option<Direction>,
}

/// How a target's value bounds the outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Comparator {
    /// Exactly (no comparator word).
    #[default]
    Eq,
    /// At least: 以上, 不低于, 不少于, 至少.
    Ge,
    /// More than: 超过, 高于.
    Gt,
    /// At most: 以内, 以下, 不超过, 控制在…以内.
    Le,
    /// Less than: 低于, 少于.
    Lt,
    /// About: 左右, 约.
    Approx,
    /// Between `value` and `value_max`: 3-5家, 3至5家.
    Range,
}

/// What sort of quantity a target is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetKind {
    /// A rate of change: 增长11%, 下降5%.
    Growth,
    /// An amount, area, length or share to reach or keep: 620亿元, 达到15%.
    #[default]
    Level,
    /// How many discrete things: 20家, 320个.
    Count,
}

/// The direction of change a target states.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// 增长, 提高.
    Increase,
    /// 下降, 减少, 核减.
    Decrease,
}

/// A project's investment size (`投资13亿元的…项目`), kept apart from targets.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Investment {
    /// The exact substring (`投资13亿元`).
    pub text: String,
    /// Where `text` is in the input.
    pub span: Span,
    /// The amount in `unit`.
    pub amount: f64,
    /// The unit as written (`亿元`, `万元`).
    pub unit: String,
    /// The amount in 元.
    pub base_value: f64,
    /// The project the amount belongs to, as a phrase from the text.
    pub project: Option<String>,
}

/// Which of the genre's conventions a notice is written in, as the parser
/// recognised them, so that a reader sees why it parsed as it did. Every
/// value is described in `docs/dialects.md`.
///
/// ```
/// let notice = fenjie::parse("附件\n标题\n一、目标\n1.做事。(市发改委牵头,市财政局配合)").unwrap();
/// assert!(notice.dialect.has(fenjie::Convention::AttributionProse));
/// assert_eq!(notice.dialect.punctuation, Some(fenjie::Punctuation::Ascii));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Dialect {
    /// Width of the structural punctuation of markers and attributions.
    pub punctuation: Option<Punctuation>,
    /// Character set of the role keys (牵头单位 or 牽頭單位).
    pub script: Option<Script>,
    /// Whether task numbers run on across sections or restart in each.
    pub numbering: Option<Numbering>,
    /// Each convention recognised, with the line where it was first seen, in
    /// the order first seen.
    pub conventions: Vec<Seen>,
}

impl Dialect {
    /// True when the notice uses `convention`.
    pub fn has(&self, convention: Convention) -> bool {
        self.conventions.iter().any(|s| s.convention == convention)
    }
}

/// Width of structural punctuation: `( : ;` or `\u{ff08} \u{ff1a} \u{ff1b}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Punctuation {
    /// ASCII `( ) : ;`.
    Ascii,
    /// Full-width `\u{ff08} \u{ff09} \u{ff1a} \u{ff1b}`.
    FullWidth,
    /// Both.
    Mixed,
}

/// Character set of the role keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Script {
    /// 牵头单位, 责任单位.
    Simplified,
    /// 牽頭單位, 責任單位.
    Traditional,
    /// Both.
    Mixed,
}

/// How tasks are numbered across sections.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Numbering {
    /// 1, 2, … run on from one section to the next.
    Continuous,
    /// Each section starts again at 1.
    PerSection,
}

/// A convention and the line (1-based) where it was first seen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Seen {
    /// The convention.
    pub convention: Convention,
    /// The line where it was first seen.
    pub line: u32,
}

/// A convention of the genre the parser recognises. Serialised in kebab
/// case (`attribution-prose`); `docs/dialects.md` has an example of each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Convention {
    /// `索引号: … 文号: …` pairs, several to a line.
    HeaderKeyValue,
    /// Header pairs in a table row with `|` between cells.
    HeaderPipeTable,
    /// Header pairs as a bullet list (`• 索引号:…`).
    HeaderBullets,
    /// Header values on lines of their own without keys (an index number,
    /// a document number, a date, 有效).
    HeaderKeylessValues,
    /// The header given twice.
    HeaderRepeated,
    /// `第一部分` section markers.
    MarkerPart,
    /// `一、` section markers.
    MarkerNumeral,
    /// `(一)` subsection or task markers.
    MarkerParenNumeral,
    /// `1.` task markers.
    MarkerArabicDot,
    /// `1、` task markers.
    MarkerArabicComma,
    /// `(1)` task markers.
    MarkerParenArabic,
    /// `①` task markers.
    MarkerCircled,
    /// A task whose number cannot be read (garbled), found by its attribution.
    MarkerUnreadable,
    /// `(责任领导:A;牵头单位:X;责任单位:Y)`: keys in brackets.
    AttributionKeys,
    /// Keys beyond 责任领导 / 牵头单位 / 责任单位 (配合单位, 完成时限, 牵头负责领导 …).
    AttributionExtraKeys,
    /// `[牵头单位:…]` or `【牵头单位:…】`: square brackets, because a unit
    /// name contains parentheses.
    AttributionSquareBrackets,
    /// `牵头单位:区发改局` on a line of its own after the task.
    AttributionOwnLines,
    /// `(市发改委牵头,市财政局配合)`: names, then the word that assigns them.
    AttributionProse,
    /// `由王丹副市长负责,市工信委牵头` at the end of the task, without brackets.
    AttributionUnbracketed,
    /// `(市发改委、市财政局)`: a bare list, read under a first-is-lead rule.
    AttributionBareList,
    /// A deadline (完成时限) given for tasks.
    Deadlines,
    /// A stated rule that the first unit named leads (排名第一的为牵头单位).
    LeadRuleFirstListed,
    /// Tasks as table rows, one cell per line.
    TableCellPerLine,
    /// Tasks as table rows with `|` between cells.
    TablePipeRows,
    /// The letter carries the breakdown itself: tasks with no `附件` line.
    BreakdownInLetter,
    /// A letter with no tasks at all.
    LetterOnly,
    /// More than one attachment (`附件1`, `附件2`).
    SeveralAttachments,
    /// Web-page navigation text (字号: 大 中 小, 打印整页, 关闭窗口).
    NoiseNavigation,
    /// A title or header line repeated by the web page.
    NoiseRepeatedHeader,
    /// HTML tags around lines (`<p>`, `</p>`) and escaped quotes from a database dump.
    NoiseHtml,
    /// The notice is cut off.
    Truncated,
}

/// A task together with where it sits, as yielded by [`Notice::tasks`].
#[derive(Debug, Clone, Copy)]
pub struct TaskRef<'a> {
    /// The section holding the task.
    pub section: &'a Section,
    /// The subsection holding the task, if any.
    pub subsection: Option<&'a Subsection>,
    /// The task.
    pub task: &'a Task,
}

impl Notice {
    /// All tasks in document order, each with its section and subsection,
    /// across all attachments.
    ///
    /// ```
    /// let seed = std::fs::read_to_string("seeds/000_1c8cb5f34e52814e.txt").unwrap();
    /// let notice = fenjie::parse(&seed).unwrap();
    /// assert_eq!(notice.tasks().count(), 124);
    /// ```
    pub fn tasks(&self) -> impl Iterator<Item = TaskRef<'_>> {
        self.attachments()
            .flat_map(|a| a.sections.iter())
            .flat_map(|section| {
                let direct = section.tasks.iter().map(move |task| TaskRef {
                    section,
                    subsection: None,
                    task,
                });
                let nested = section.subsections.iter().flat_map(move |sub| {
                    sub.tasks.iter().map(move |task| TaskRef {
                        section,
                        subsection: Some(sub),
                        task,
                    })
                });
                direct.chain(nested)
            })
    }

    /// The spans of the elements that stand for whole lines (or, in the
    /// header, for key/value pairs): title, header pairs, letter lines,
    /// headings, tables, tasks and unrecognised lines. Every non-blank line
    /// of the input is covered by them.
    ///
    /// ```
    /// let text = "通知\n附件\n标题\n一、目标\n1.做事。(牵头单位:市发改局)";
    /// let notice = fenjie::parse(text).unwrap();
    /// assert_eq!(notice.line_spans().len(), 5);
    /// ```
    pub fn line_spans(&self) -> Vec<Span> {
        let n = self;
        let mut spans: Vec<Span> = vec![];
        spans.extend(n.title.iter().map(|t| t.span));
        spans.extend(n.meta.fields.iter().map(|f| f.span));
        let l = &n.letter;
        spans.extend(l.addressee_line.iter().map(|t| t.span));
        spans.extend(l.paragraphs.iter().map(|t| t.span));
        spans.extend(l.requirements.iter().map(|t| t.span));
        spans.extend(l.attachments.iter().map(|t| t.span));
        spans.extend(l.signatory.iter().map(|t| t.span));
        spans.extend(l.signed_line.iter().map(|t| t.span));
        for a in n.attachments() {
            spans.push(a.heading.span);
            spans.extend(a.title.iter().map(|t| t.span));
            for s in &a.sections {
                spans.push(s.span);
                spans.extend(s.table.iter().map(|t| t.span));
                spans.extend(s.tasks.iter().map(|t| t.span));
                for sub in &s.subsections {
                    spans.push(sub.span);
                    spans.extend(sub.tasks.iter().map(|t| t.span));
                }
            }
        }
        spans.extend(n.unrecognized.iter().map(|t| t.span));
        spans.retain(|s| !s.is_empty());
        spans
    }

    /// All attachments in order: [`Notice::attachment`], then
    /// [`Notice::more_attachments`].
    pub fn attachments(&self) -> impl Iterator<Item = &Attachment> {
        self.attachment.iter().chain(&self.more_attachments)
    }

    /// The sections of the (first) attachment (empty when there is none).
    pub fn sections(&self) -> &[Section] {
        self.attachment.as_ref().map_or(&[], |a| &a.sections)
    }

    /// A copy without spans or layout: what the notice says, not where or
    /// how it was written. Two parses of the same content in different
    /// punctuation widths, line endings or padding compare equal after this.
    ///
    /// ```
    /// let a = fenjie::parse("附件\n标题\n一、目标\n1.做事。(牵头单位:市发改局)").unwrap();
    /// let b = fenjie::parse("附件\r\n标题\r\n一、目标\r\n1.做事。(牵头单位:市发改局)").unwrap();
    /// assert_ne!(a, b);
    /// assert_eq!(a.without_source(), b.without_source());
    /// ```
    pub fn without_source(&self) -> Notice {
        let mut n = self.clone();
        crate::visit::strip_source(&mut n);
        n
    }
}
