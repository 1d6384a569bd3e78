//! The flat rows every table format is written from: one [`TaskRow`] per
//! task, one [`TargetRow`] per numeric target.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::model::*;
use crate::parse::to_chinese_numeral;

/// Column names of the task table, in order (`--to csv`, the 任务 sheet).
///
/// The first eleven are the fixed contract; `cooperating_units` (配合单位)
/// and `deadline` (完成时限) are extras, and further extras will only ever be
/// appended. A batch table puts a `file` column before all of them.
pub const TASK_COLUMNS: [&str; 13] = [
    "section",
    "section_title",
    "subsection",
    "subsection_title",
    "task",
    "text",
    "leaders",
    "lead_units",
    "responsible_units",
    "targets",
    "line",
    "cooperating_units",
    "deadline",
];

/// Column names of the target table, in order (`--to targets-csv`, the 指标 sheet).
///
/// `direction` is an extra after the fixed ten; a batch table puts a `file`
/// column first.
pub const TARGET_COLUMNS: [&str; 11] = [
    "task",
    "metric",
    "value",
    "value_max",
    "unit",
    "base_value",
    "comparator",
    "kind",
    "text",
    "line",
    "direction",
];

/// Name of the leading column that says which notice a row came from.
pub(crate) const FILE_COLUMN: &str = "file";

/// Separator of multi-valued cells (leaders, units).
pub const LIST_SEPARATOR: &str = "、";

/// One task as a flat row: where it sits, what it says, who is responsible.
///
/// This is the one row representation behind the CSV, JSON Lines and Excel
/// exports. `targets` is the typed list for an exported row
/// (`TaskRow<Vec<Target>>`, the default) and the summary text for a row read
/// back from CSV (`TaskRow<String>`, see [`crate::import::tasks_from_csv`]).
///
/// ```
/// let notice = fenjie::parse("附件\n分解\n一、目标\n57.做事。(责任领导:张三;牵头单位:市发改局、市财政局)").unwrap();
/// let row = fenjie::export::task_rows(&notice).next().unwrap();
/// assert_eq!((row.section.as_str(), row.task.as_str()), ("一", "57"));
/// assert_eq!(row.lead_units, ["市发改局", "市财政局"]);
/// assert_eq!(row.line, Some(4));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TaskRow<T = Vec<Target>> {
    /// The notice the row came from, in a table of many notices.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// The section's numeral, without `、` (`一`); empty for tasks before any section heading.
    pub section: String,
    /// The section heading after the marker.
    pub section_title: String,
    /// The subsection marker as written (`(一)`); empty outside subsections.
    pub subsection: String,
    /// The subsection heading after the marker.
    pub subsection_title: String,
    /// The task's marker without its trailing dot: `57` for `57.`, `(一)` for `(一)`.
    pub task: String,
    /// The task text, attribution clause excluded.
    pub text: String,
    /// 责任领导 — responsible leaders.
    pub leaders: Vec<String>,
    /// 牵头单位 — lead units.
    pub lead_units: Vec<String>,
    /// 责任单位 — responsible units.
    pub responsible_units: Vec<String>,
    /// The numeric targets: typed when exported, the summary text when read from CSV.
    pub targets: T,
    /// 1-based line of the task in its notice; `None` for a task built in code.
    pub line: Option<u32>,
    /// 配合单位 — cooperating units.
    #[serde(default)]
    pub cooperating_units: Vec<String>,
    /// 完成时限 — the deadline as written.
    #[serde(default)]
    pub deadline: Option<String>,
}

impl<T> TaskRow<T> {
    /// The same row with its targets turned into something else, for
    /// example the CSV summary: `row.map_targets(|t| summarize_targets(&t))`.
    pub fn map_targets<U>(self, f: impl FnOnce(T) -> U) -> TaskRow<U> {
        TaskRow {
            file: self.file,
            section: self.section,
            section_title: self.section_title,
            subsection: self.subsection,
            subsection_title: self.subsection_title,
            task: self.task,
            text: self.text,
            leaders: self.leaders,
            lead_units: self.lead_units,
            responsible_units: self.responsible_units,
            targets: f(self.targets),
            line: self.line,
            cooperating_units: self.cooperating_units,
            deadline: self.deadline,
        }
    }
}

impl TaskRow {
    /// The row of one task.
    pub fn new(t: &TaskRef<'_>) -> Self {
        let task = t.task;
        TaskRow {
            file: None,
            section: section_label(t.section),
            section_title: t.section.title.clone(),
            subsection: t.subsection.map(subsection_label).unwrap_or_default(),
            subsection_title: t.subsection.map(|s| s.title.clone()).unwrap_or_default(),
            task: task_label(task),
            text: task.text.clone(),
            leaders: task.leaders.clone(),
            lead_units: task.lead_units.clone(),
            responsible_units: task.responsible_units.clone(),
            targets: task.targets.clone(),
            line: line_of(&task.span),
            cooperating_units: task.cooperating_units.clone(),
            deadline: task.deadline.as_ref().map(|d| d.text.clone()),
        }
    }
}

/// The cells of one task's row under [`TASK_COLUMNS`], borrowed from the
/// model: the CSV and Excel writers take a notice's rows this way, without
/// copying every text and name into a [`TaskRow`] first. The cells hold
/// what [`TaskRow::new`] does, field for field.
pub(crate) fn task_cells<'a>(t: &TaskRef<'a>) -> Vec<Cell<'a>> {
    let task = t.task;
    vec![
        Cell::Text(section_label(t.section).into()),
        Cell::text(&t.section.title),
        Cell::Text(
            t.subsection
                .map(subsection_label)
                .unwrap_or_default()
                .into(),
        ),
        Cell::text(t.subsection.map_or("", |s| &s.title)),
        Cell::Text(task_label(task).into()),
        Cell::text(&task.text),
        Cell::list(&task.leaders),
        Cell::list(&task.lead_units),
        Cell::list(&task.responsible_units),
        Cell::Text(summarize_targets(&task.targets).into()),
        Cell::line(line_of(&task.span)),
        Cell::list(&task.cooperating_units),
        task.deadline
            .as_ref()
            .map_or(Cell::Empty, |d| Cell::text(&d.text)),
    ]
}

/// One numeric target as a flat row, with the task it belongs to.
///
/// ```
/// use fenjie::{export::TargetRow, Comparator, Target, TargetKind};
/// let mut notice = fenjie::parse("附件\n分解\n一、目标\n1.新增企业20家以上。(牵头单位:市科信局)").unwrap();
/// let task = &mut notice.attachment.as_mut().unwrap().sections[0].tasks[0];
/// task.targets = vec![Target { text: "20家以上".into(), value: 20.0, unit: "家".into(),
///                              comparator: Comparator::Ge, kind: TargetKind::Count, ..Target::default() }];
/// let rows: Vec<TargetRow> = fenjie::export::target_rows(&notice).collect();
/// assert_eq!((rows[0].task.as_str(), rows[0].value, rows[0].line), ("1", 20.0, Some(4)));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TargetRow {
    /// The task's marker without its trailing dot, as in [`TaskRow::task`].
    pub task: String,
    /// What it measures, when the text says.
    pub metric: Option<String>,
    /// The value (the lower bound of a range).
    pub value: f64,
    /// The upper bound of a range.
    pub value_max: Option<f64>,
    /// The unit as written.
    pub unit: String,
    /// The value in the unit's base (亿元 → 元), when the unit carries a scale.
    pub base_value: Option<f64>,
    /// How the value bounds the outcome.
    pub comparator: Comparator,
    /// What sort of quantity it is.
    pub kind: TargetKind,
    /// The exact text the target was read from.
    pub text: String,
    /// 1-based line of the target (of its task when the target has no span).
    pub line: Option<u32>,
    /// Increase or decrease, where the text says.
    pub direction: Option<Direction>,
}

impl TargetRow {
    /// The row of one target of a task.
    pub fn new(task: &Task, target: &Target) -> Self {
        TargetRow {
            task: task_label(task),
            metric: target.metric.clone(),
            value: target.value,
            value_max: target.value_max,
            unit: target.unit.clone(),
            base_value: target.base_value,
            comparator: target.comparator,
            kind: target.kind,
            text: target.text.clone(),
            line: line_of(&target.span).or_else(|| line_of(&task.span)),
            direction: target.direction,
        }
    }

    /// The cells under [`TARGET_COLUMNS`].
    pub(crate) fn cells(&self) -> Vec<Cell<'_>> {
        vec![
            Cell::text(&self.task),
            self.metric.as_deref().map_or(Cell::Empty, Cell::text),
            Cell::Number(self.value),
            self.value_max.map_or(Cell::Empty, Cell::Number),
            Cell::text(&self.unit),
            self.base_value.map_or(Cell::Empty, Cell::Number),
            Cell::text(comparator_name(self.comparator)),
            Cell::text(kind_name(self.kind)),
            Cell::text(&self.text),
            Cell::line(self.line),
            self.direction
                .map_or(Cell::Empty, |d| Cell::text(direction_name(d))),
        ]
    }
}

/// The rows of all tasks of a notice, in document order.
///
/// ```
/// let seed = std::fs::read_to_string("seeds/000_1c8cb5f34e52814e.txt").unwrap();
/// let notice = fenjie::parse(&seed).unwrap();
/// assert_eq!(fenjie::export::task_rows(&notice).count(), 124);
/// ```
pub fn task_rows(notice: &Notice) -> impl Iterator<Item = TaskRow> + '_ {
    notice.tasks().map(|t| TaskRow::new(&t))
}

/// The rows of all targets of a notice, task by task in document order.
pub fn target_rows(notice: &Notice) -> impl Iterator<Item = TargetRow> + '_ {
    notice.tasks().flat_map(|t| {
        t.task
            .targets
            .iter()
            .map(move |g| TargetRow::new(t.task, g))
    })
}

/// The compact human form of a task's targets, as in the CSV `targets`
/// column: `增长11%; ≥20家; 3–5个`.
///
/// Growth targets get their direction (增长 / 下降); bounds become
/// `≥ > ≤ < ≈`; a range is written `low–high` with an en dash. It is a
/// summary for people: the typed values are in the targets table.
///
/// ```
/// use fenjie::{Comparator, Direction, Target, TargetKind};
/// let growth = Target { value: 11.0, unit: "%".into(), kind: TargetKind::Growth,
///                       direction: Some(Direction::Increase), ..Target::default() };
/// let count = Target { value: 20.0, unit: "家".into(), comparator: Comparator::Ge,
///                      kind: TargetKind::Count, ..Target::default() };
/// let range = Target { value: 3.0, value_max: Some(5.0), unit: "个".into(),
///                      comparator: Comparator::Range, ..Target::default() };
/// assert_eq!(fenjie::export::summarize_targets(&[growth, count, range]), "增长11%; ≥20家; 3–5个");
/// ```
pub fn summarize_targets(targets: &[Target]) -> String {
    targets
        .iter()
        .map(summarize_target)
        .collect::<Vec<_>>()
        .join("; ")
}

fn summarize_target(t: &Target) -> String {
    // A direction word only reads right on a rate of change: `提高到15%` is
    // an Increase but its 15% is a level, not growth.
    let direction = match (t.kind, t.direction) {
        (TargetKind::Growth, Some(Direction::Increase)) => "增长",
        (TargetKind::Growth, Some(Direction::Decrease)) => "下降",
        _ => "",
    };
    let bound = match t.comparator {
        Comparator::Ge => "≥",
        Comparator::Gt => ">",
        Comparator::Le => "≤",
        Comparator::Lt => "<",
        Comparator::Approx => "≈",
        Comparator::Eq | Comparator::Range => "",
    };
    let max = t.value_max.map_or(String::new(), |m| format!("–{m}"));
    format!("{direction}{bound}{}{max}{}", t.value, t.unit)
}

/// The serde name of a comparator (`ge`), for the targets table.
fn comparator_name(c: Comparator) -> &'static str {
    match c {
        Comparator::Eq => "eq",
        Comparator::Ge => "ge",
        Comparator::Gt => "gt",
        Comparator::Le => "le",
        Comparator::Lt => "lt",
        Comparator::Approx => "approx",
        Comparator::Range => "range",
    }
}

fn kind_name(k: TargetKind) -> &'static str {
    match k {
        TargetKind::Growth => "growth",
        TargetKind::Level => "level",
        TargetKind::Count => "count",
    }
}

fn direction_name(d: Direction) -> &'static str {
    match d {
        Direction::Increase => "increase",
        Direction::Decrease => "decrease",
    }
}

/// `一` for `一、`. A section built in code has no marker and is labelled
/// from its number; the unnamed section (tasks before any heading) gets none.
fn section_label(s: &Section) -> String {
    if !s.marker.is_empty() {
        s.marker.trim_end_matches('、').to_string()
    } else if s.number == 0 {
        String::new()
    } else {
        to_chinese_numeral(s.number)
    }
}

/// The subsection marker as written, or the canonical one the renderer would write.
fn subsection_label(s: &Subsection) -> String {
    if s.marker.is_empty() {
        format!("\u{ff08}{}\u{ff09}", to_chinese_numeral(s.number))
    } else {
        s.marker.clone()
    }
}

/// `57` for `57.` / `57\u{ff0e}` / `57、`; a paren marker `(一)` stays as it is.
fn task_label(t: &Task) -> String {
    if t.marker.is_empty() {
        t.number.to_string()
    } else {
        t.marker
            .trim_end_matches(['.', '\u{ff0e}', '、'])
            .to_string()
    }
}

fn line_of(span: &Span) -> Option<u32> {
    (!span.is_empty()).then_some(span.line)
}

/// A cell of a table row: CSV writes it as text, Excel keeps numbers as numbers.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Cell<'a> {
    Text(Cow<'a, str>),
    Number(f64),
    Empty,
}

impl<'a> Cell<'a> {
    fn text(s: &'a str) -> Self {
        Cell::Text(Cow::Borrowed(s))
    }

    fn list(names: &[String]) -> Self {
        Cell::Text(Cow::Owned(names.join(LIST_SEPARATOR)))
    }

    fn line(line: Option<u32>) -> Self {
        line.map_or(Cell::Empty, |l| Cell::Number(f64::from(l)))
    }

    /// The cell as CSV text: numbers without a trailing `.0`.
    pub(crate) fn to_text(&self) -> Cow<'_, str> {
        match self {
            Cell::Text(s) => Cow::Borrowed(s),
            // Whole numbers (line numbers, most values) take the integer
            // formatter: the same text, without the float algorithm's cost.
            Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 && !n.is_sign_negative() => {
                Cow::Owned((*n as u64).to_string())
            }
            Cell::Number(n) => Cow::Owned(n.to_string()),
            Cell::Empty => Cow::Borrowed(""),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_numbers_read_as_the_float_formatter_writes_them() {
        let values = [
            0.0, -0.0, 1.0, 17.0, 124.0, 58.42, 1.28e9, 0.5, -3.0, 1e15, 1e20, 999_999.0,
        ];
        for n in values {
            assert_eq!(Cell::Number(n).to_text(), n.to_string(), "{n}");
        }
    }

    #[test]
    fn task_labels_drop_the_trailing_dot_only() {
        let label = |marker: &str| {
            task_label(&Task {
                marker: marker.into(),
                ..Task::default()
            })
        };
        assert_eq!(label("57."), "57");
        assert_eq!(label("57\u{ff0e}"), "57");
        assert_eq!(label("3、"), "3");
        assert_eq!(label("(一)"), "(一)");
        assert_eq!(
            task_label(&Task {
                number: 8,
                ..Task::default()
            }),
            "8"
        );
    }

    #[test]
    fn sections_are_labelled_by_numeral() {
        let s = |marker: &str, number| Section {
            marker: marker.into(),
            number,
            ..Section::default()
        };
        assert_eq!(section_label(&s("十、", 10)), "十");
        assert_eq!(section_label(&s("", 3)), "三");
        assert_eq!(section_label(&s("", 0)), "");
    }

    #[test]
    fn summaries_cover_every_comparator() {
        let t = |comparator, value_max| Target {
            value: 4.5,
            value_max,
            unit: "%".into(),
            comparator,
            ..Target::default()
        };
        let all = [
            t(Comparator::Eq, None),
            t(Comparator::Gt, None),
            t(Comparator::Le, None),
            t(Comparator::Lt, None),
            t(Comparator::Approx, None),
            t(Comparator::Range, Some(6.0)),
        ];
        assert_eq!(
            summarize_targets(&all),
            "4.5%; >4.5%; ≤4.5%; <4.5%; ≈4.5%; 4.5–6%"
        );
        let down = Target {
            value: 5.0,
            unit: "%".into(),
            kind: TargetKind::Growth,
            direction: Some(Direction::Decrease),
            ..Target::default()
        };
        assert_eq!(summarize_target(&down), "下降5%");
        assert_eq!(summarize_targets(&[]), "");
    }

    #[test]
    fn numbers_are_written_without_a_trailing_zero() {
        assert_eq!(Cell::Number(29.0).to_text(), "29");
        assert_eq!(Cell::Number(1.28e9).to_text(), "1280000000");
        assert_eq!(Cell::Number(4.5).to_text(), "4.5");
    }
}
