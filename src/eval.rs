//! Measuring the parser on notices with hand-checked gold files.
//!
//! A corpus is a folder of notices `NAME.txt` with `gold/NAME.json` beside
//! them (the format of `../shared/corpus/README.md`): the tasks whose
//! attribution is complete in the text, each with its `section` (`一`) and
//! `number` (`1`, `(一)`, or `null` when unreadable), `lead_units`,
//! `responsible_units` (cooperating units included), `leaders` and
//! `deadline`; optionally `min_tasks` / `max_tasks` and `meta`.
//!
//! [`evaluate`] compares one parsed notice with its gold, [`evaluate_dir`]
//! a whole folder. The figures:
//!
//! - **recall**: gold tasks found (same section and number; tasks whose
//!   number is `null` are matched in order within their section);
//! - **precision**: of the tasks the parser reports *with a complete
//!   attribution* (the claim a gold file makes), the share the gold lists.
//!   A task cut off by the end of the text (see [`crate::Code::Truncated`])
//!   or with no attribution makes no such claim; the task count as a whole
//!   is held to `min_tasks` / `max_tasks` instead;
//! - **attribution**: gold tasks found with exactly the gold's lead units,
//!   responsible units (responsible then cooperating), leaders and deadline;
//! - **coverage**: non-blank lines that some element of the model (a
//!   header pair, a letter line, a heading, a task, an unrecognised line)
//!   spans, i.e. text the model did not lose.
//!
//! ```
//! let gold: fenjie::eval::Gold = serde_json::from_str(r#"{"tasks": [
//!   {"number": "1", "section": "一", "lead_units": ["市发改局"], "responsible_units": [], "leaders": [], "deadline": null}
//! ]}"#).unwrap();
//! let text = "附件\n标题\n一、目标\n1.做事。(牵头单位:市发改局)\n";
//! let report = fenjie::eval::evaluate("x", text, &fenjie::parse(text).unwrap(), &gold);
//! assert_eq!((report.matched, report.attribution_exact, report.covered_lines), (1, 1, 4));
//! ```

use std::fmt;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::diagnostic::Code;
use crate::model::{Date, Notice, Span, Task, TaskRef};

/// A gold file: what a correct parser finds in one notice.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Gold {
    /// The tasks whose attribution is complete in the text, in order.
    pub tasks: Vec<GoldTask>,
    /// At least this many tasks should be reported.
    pub min_tasks: Option<usize>,
    /// At most this many tasks should be reported.
    pub max_tasks: Option<usize>,
    /// Header fields that must be read (`index_no`, `doc_no`, `published`,
    /// `validity`, `publisher`, `category`, `name`); `null` means absent.
    pub meta: serde_json::Map<String, serde_json::Value>,
}

/// One task of a gold file.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct GoldTask {
    /// The number as written without trailing punctuation (`1`, `(一)`);
    /// `None` when the text has none or it is unreadable.
    pub number: Option<String>,
    /// The `一、`-level numeral of its section (`一`), if any.
    pub section: Option<String>,
    /// 牵头单位.
    pub lead_units: Vec<String>,
    /// 责任单位 and 配合单位 together.
    pub responsible_units: Vec<String>,
    /// Leaders, without titles.
    pub leaders: Vec<String>,
    /// The deadline as written.
    pub deadline: Option<String>,
}

/// The figures for one notice.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct FileReport {
    /// The notice's file name without extension.
    pub name: String,
    /// Tasks in the gold.
    pub gold_tasks: usize,
    /// Tasks the parser reports, all of them.
    pub parsed_tasks: usize,
    /// Reported tasks with a complete attribution that were not cut off.
    pub claimed_tasks: usize,
    /// Reported tasks, not cut off, with no attribution at all: neither
    /// right nor wrong by the gold, shown so that they stay visible.
    pub unattributed_tasks: usize,
    /// Gold tasks found.
    pub matched: usize,
    /// Claimed tasks that match a gold task.
    pub matched_claimed: usize,
    /// Gold tasks found with exactly the gold's attribution.
    pub attribution_exact: usize,
    /// Non-blank lines.
    pub lines: usize,
    /// Non-blank lines spanned by some model element.
    pub covered_lines: usize,
    /// Non-blank lines kept only as unrecognised.
    pub unrecognized_lines: usize,
    /// What differs from the gold, one line each.
    pub problems: Vec<String>,
}

/// A ratio that is 1 when there is nothing to count.
fn ratio(num: usize, den: usize) -> f64 {
    if den == 0 {
        1.0
    } else {
        num as f64 / den as f64
    }
}

impl FileReport {
    /// Gold tasks found / gold tasks.
    pub fn recall(&self) -> f64 {
        ratio(self.matched, self.gold_tasks)
    }

    /// Claimed tasks in the gold / claimed tasks.
    pub fn precision(&self) -> f64 {
        ratio(self.matched_claimed, self.claimed_tasks)
    }

    /// Gold tasks found with the exact attribution / gold tasks.
    pub fn attribution(&self) -> f64 {
        ratio(self.attribution_exact, self.gold_tasks)
    }

    /// Covered non-blank lines / non-blank lines.
    pub fn coverage(&self) -> f64 {
        ratio(self.covered_lines, self.lines)
    }

    fn add(&mut self, other: &FileReport) {
        self.gold_tasks += other.gold_tasks;
        self.parsed_tasks += other.parsed_tasks;
        self.claimed_tasks += other.claimed_tasks;
        self.unattributed_tasks += other.unattributed_tasks;
        self.matched += other.matched;
        self.matched_claimed += other.matched_claimed;
        self.attribution_exact += other.attribution_exact;
        self.lines += other.lines;
        self.covered_lines += other.covered_lines;
        self.unrecognized_lines += other.unrecognized_lines;
        self.problems.extend(
            other
                .problems
                .iter()
                .map(|p| format!("{}: {p}", other.name)),
        );
    }
}

/// The figures for a folder: each file and the totals (counts summed over
/// files, so ratios weigh every task and line equally).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct CorpusReport {
    /// One report per notice, by file name.
    pub files: Vec<FileReport>,
    /// All files together; its `problems` name their file.
    pub total: FileReport,
}

/// Lower bounds a corpus report is held to.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Thresholds {
    /// Minimum task recall.
    pub recall: f64,
    /// Minimum task precision.
    pub precision: f64,
    /// Minimum attribution exact-match rate.
    pub attribution: f64,
    /// Minimum line coverage.
    pub coverage: f64,
}

impl Default for Thresholds {
    /// The bar of the dialects issue: 0.95, 0.95, 0.90 and every line.
    fn default() -> Self {
        Thresholds {
            recall: 0.95,
            precision: 0.95,
            attribution: 0.90,
            coverage: 1.0,
        }
    }
}

impl CorpusReport {
    /// Why the report falls short of `t`: one line per missed threshold and
    /// per gold bound or header field not met; empty when it passes.
    pub fn shortfalls(&self, t: &Thresholds) -> Vec<String> {
        let total = &self.total;
        let mut out = vec![];
        let checks = [
            ("recall", total.recall(), t.recall),
            ("precision", total.precision(), t.precision),
            ("attribution", total.attribution(), t.attribution),
            ("coverage", total.coverage(), t.coverage),
        ];
        for (name, got, want) in checks {
            if got < want {
                out.push(format!("{name} {got:.3} < {want:.3}"));
            }
        }
        out.extend(
            total
                .problems
                .iter()
                .filter(|p| p.contains("tasks reported") || p.contains("meta "))
                .cloned(),
        );
        out
    }
}

impl fmt::Display for CorpusReport {
    /// A table: one row per file, then the totals, then the problems.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{:<24} {:>4} {:>5} {:>6} {:>7} {:>9} {:>11} {:>8} {:>5} {:>5}",
            "file",
            "gold",
            "tasks",
            "noattr",
            "recall",
            "precision",
            "attribution",
            "coverage",
            "unrec",
            "lines"
        )?;
        for r in self.files.iter().chain(std::iter::once(&self.total)) {
            writeln!(
                f,
                "{:<24} {:>4} {:>5} {:>6} {:>7.3} {:>9.3} {:>11.3} {:>8.3} {:>5} {:>5}",
                r.name,
                r.gold_tasks,
                r.parsed_tasks,
                r.unattributed_tasks,
                r.recall(),
                r.precision(),
                r.attribution(),
                r.coverage(),
                r.unrecognized_lines,
                r.lines
            )?;
        }
        for p in &self.total.problems {
            writeln!(f, "  {p}")?;
        }
        Ok(())
    }
}

/// Why a folder could not be evaluated.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// A file or folder could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The path.
        path: String,
        /// What went wrong.
        source: std::io::Error,
    },
    /// A gold file is not valid JSON of the expected shape.
    #[error("{path}: {source}")]
    Gold {
        /// The path.
        path: String,
        /// What went wrong.
        source: serde_json::Error,
    },
    /// A notice is not text.
    #[error("{path}: {source}")]
    Parse {
        /// The path.
        path: String,
        /// What went wrong.
        source: crate::Error,
    },
}

/// Evaluates every `NAME.txt` in `dir` that has a `gold/NAME.json`, in
/// file-name order.
pub fn evaluate_dir(dir: &Path) -> Result<CorpusReport, EvalError> {
    let io = |path: &Path| {
        let path = path.display().to_string();
        move |source| EvalError::Io { path, source }
    };
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map_err(io(dir))?
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.strip_suffix(".txt").map(str::to_string)
        })
        .filter(|name| dir.join("gold").join(format!("{name}.json")).is_file())
        .collect();
    names.sort();
    let mut report = CorpusReport {
        total: FileReport {
            name: "total".into(),
            ..FileReport::default()
        },
        ..CorpusReport::default()
    };
    for name in names {
        let text_path = dir.join(format!("{name}.txt"));
        let gold_path = dir.join("gold").join(format!("{name}.json"));
        let bytes = std::fs::read(&text_path).map_err(io(&text_path))?;
        let gold_text = std::fs::read_to_string(&gold_path).map_err(io(&gold_path))?;
        let gold: Gold = serde_json::from_str(&gold_text).map_err(|source| EvalError::Gold {
            path: gold_path.display().to_string(),
            source,
        })?;
        let notice = crate::parse(&bytes).map_err(|source| EvalError::Parse {
            path: text_path.display().to_string(),
            source,
        })?;
        let text = String::from_utf8_lossy(&bytes);
        let file = evaluate(&name, &text, &notice, &gold);
        report.total.add(&file);
        report.files.push(file);
    }
    Ok(report)
}

/// Compares `notice`, parsed from `text`, with its gold.
pub fn evaluate(name: &str, text: &str, notice: &Notice, gold: &Gold) -> FileReport {
    let parsed: Vec<TaskRef<'_>> = notice.tasks().collect();
    let cut = cut_off_task(notice, &parsed);
    let claimed: Vec<bool> = parsed
        .iter()
        .enumerate()
        .map(|(i, t)| Some(i) != cut && has_complete_attribution(t.task))
        .collect();
    let mut report = FileReport {
        name: name.to_string(),
        gold_tasks: gold.tasks.len(),
        parsed_tasks: parsed.len(),
        claimed_tasks: claimed.iter().filter(|&&c| c).count(),
        unattributed_tasks: parsed
            .iter()
            .enumerate()
            .filter(|(i, t)| Some(*i) != cut && t.task.attribution.is_none())
            .count(),
        ..FileReport::default()
    };
    let mut used = vec![false; parsed.len()];
    for g in &gold.tasks {
        let found = parsed
            .iter()
            .enumerate()
            .find(|(i, t)| !used[*i] && same_place(g, t));
        let Some((i, t)) = found else {
            report.problems.push(format!(
                "missed task {} in section {}",
                g.number.as_deref().unwrap_or("(no number)"),
                g.section.as_deref().unwrap_or("(none)")
            ));
            continue;
        };
        used[i] = true;
        report.matched += 1;
        if claimed[i] {
            report.matched_claimed += 1;
        }
        match attribution_difference(g, t.task) {
            None => report.attribution_exact += 1,
            Some(diff) => report.problems.push(format!(
                "task {} attribution differs: {diff}",
                task_number(t.task).unwrap_or_default()
            )),
        }
    }
    for (i, t) in parsed.iter().enumerate() {
        if claimed[i] && !used[i] {
            report.problems.push(format!(
                "task {:?} (line {}) is not in the gold",
                task_number(t.task).unwrap_or_default(),
                t.task.span.line
            ));
        }
    }
    check_bounds(&mut report, gold);
    check_meta(&mut report, notice, gold);
    count_lines(&mut report, text, notice);
    report
}

/// The last task, when the text is cut off inside or after it.
fn cut_off_task(notice: &Notice, tasks: &[TaskRef<'_>]) -> Option<usize> {
    let last = tasks.len().checked_sub(1)?;
    let start = tasks[last].task.span.start;
    notice
        .diagnostics
        .iter()
        .any(|d| d.code == Code::Truncated && d.span.start >= start)
        .then_some(last)
}

/// The task names someone, and its clause (if bracketed) is closed.
fn has_complete_attribution(t: &Task) -> bool {
    let Some(a) = &t.attribution else {
        return false;
    };
    let names_someone = !(t.leaders.is_empty()
        && t.lead_units.is_empty()
        && t.responsible_units.is_empty()
        && t.cooperating_units.is_empty());
    names_someone && (a.open.is_empty() || !a.close.is_empty())
}

/// Full-width ASCII variants folded to ASCII.
fn fold_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
            c => c,
        })
        .collect()
}

/// A marker without its trailing punctuation and padding, as the gold writes it.
fn bare_marker(marker: &str) -> Option<String> {
    let m = fold_width(marker);
    let m = m.trim_end_matches(['.', '、', ' ', '\u{3000}', '\t']);
    (!m.is_empty()).then(|| m.to_string())
}

fn task_number(t: &Task) -> Option<String> {
    bare_marker(&t.marker)
}

fn same_place(g: &GoldTask, t: &TaskRef<'_>) -> bool {
    let section = bare_marker(&t.section.marker);
    let gold_section = g.section.as_deref().map(fold_width);
    let gold_number = g.number.as_deref().map(fold_width);
    section == gold_section && task_number(t.task) == gold_number
}

/// What differs between the gold's attribution and the task's, if anything.
fn attribution_difference(g: &GoldTask, t: &Task) -> Option<String> {
    let responsible: Vec<String> = t
        .responsible_units
        .iter()
        .chain(&t.cooperating_units)
        .cloned()
        .collect();
    let deadline = t.deadline.as_ref().map(|d| d.text.clone());
    let mut diffs = vec![];
    if t.lead_units != g.lead_units {
        diffs.push(format!(
            "lead {:?} vs gold {:?}",
            t.lead_units, g.lead_units
        ));
    }
    if responsible != g.responsible_units {
        diffs.push(format!(
            "responsible {responsible:?} vs gold {:?}",
            g.responsible_units
        ));
    }
    if t.leaders != g.leaders {
        diffs.push(format!("leaders {:?} vs gold {:?}", t.leaders, g.leaders));
    }
    if deadline != g.deadline {
        diffs.push(format!("deadline {deadline:?} vs gold {:?}", g.deadline));
    }
    (!diffs.is_empty()).then(|| diffs.join("; "))
}

fn check_bounds(report: &mut FileReport, gold: &Gold) {
    let n = report.parsed_tasks;
    if let Some(min) = gold.min_tasks.filter(|&min| n < min) {
        report
            .problems
            .push(format!("{n} tasks reported, gold wants at least {min}"));
    }
    if let Some(max) = gold.max_tasks.filter(|&max| n > max) {
        report
            .problems
            .push(format!("{n} tasks reported, gold wants at most {max}"));
    }
}

fn check_meta(report: &mut FileReport, notice: &Notice, gold: &Gold) {
    let m = &notice.meta;
    for (key, want) in &gold.meta {
        let want = want.as_str();
        let ok = match key.as_str() {
            "index_no" => m.index_no.as_deref() == want,
            "doc_no" => m.doc_no.as_deref() == want,
            "category" => m.category.as_deref() == want,
            "publisher" => m.publisher.as_deref() == want,
            "name" => m.name.as_deref() == want,
            "validity" => m.validity.as_deref() == want,
            // The gold may give a time after the date; the model keeps the date.
            "published" => {
                let date = want
                    .and_then(|w| w.get(..10))
                    .and_then(|d| d.parse::<Date>().ok());
                m.published == date
            }
            _ => false,
        };
        if !ok {
            report
                .problems
                .push(format!("meta {key}: gold {want:?}, parsed differently"));
        }
    }
}

fn count_lines(report: &mut FileReport, text: &str, notice: &Notice) {
    let mut spans = notice.line_spans();
    spans.sort_by_key(|s| s.start);
    let unrecognized: Vec<Span> = notice.unrecognized.iter().map(|t| t.span).collect();
    let overlaps = |spans: &[Span], start: usize, end: usize| {
        // Spans are few per line; a scan from the first that may reach is enough.
        let from = spans.partition_point(|s| s.end <= start);
        spans[from..]
            .iter()
            .take_while(|s| s.start < end)
            .any(|s| s.end > start)
    };
    let mut start = 0;
    for line in text.split('\n') {
        let end = start + line.len();
        if !line.trim().is_empty() {
            report.lines += 1;
            if overlaps(&spans, start, end) {
                report.covered_lines += 1;
            } else {
                report.problems.push(format!(
                    "line {} is not covered",
                    text[..start].matches('\n').count() + 1
                ));
            }
            if overlaps(&unrecognized, start, end) {
                report.unrecognized_lines += 1;
            }
        }
        start = end + 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_are_compared_without_punctuation_and_width() {
        assert_eq!(bare_marker("1."), Some("1".into()));
        assert_eq!(bare_marker("\u{ff08}一\u{ff09}"), Some("(一)".into()));
        assert_eq!(bare_marker("一、"), Some("一".into()));
        assert_eq!(bare_marker(""), None);
    }

    fn gold(json: &str) -> Gold {
        serde_json::from_str(json).expect("test gold is valid")
    }

    #[test]
    fn precision_counts_only_complete_attributions() {
        let text = "附件\n分解\n一、目标\n1.甲。(牵头单位:甲局)\n2.乙。(牵头单位:乙局)\n3.丙。\n4.丁。(牵头单位:丁";
        let g = gold(
            r#"{"tasks": [{"number": "1", "section": "一", "lead_units": ["甲局"]}], "min_tasks": 4}"#,
        );
        let r = evaluate("x", text, &crate::parse(text).unwrap(), &g);
        // Task 2 is reported with an attribution the gold lacks; 3 has none,
        // 4 is cut off: neither claims an attribution.
        assert_eq!(
            (r.parsed_tasks, r.claimed_tasks, r.matched_claimed),
            (4, 2, 1)
        );
        assert_eq!(
            (r.recall(), r.precision(), r.attribution()),
            (1.0, 0.5, 1.0)
        );
        assert!(r.problems.iter().any(|p| p.contains("not in the gold")));
    }

    #[test]
    fn bounds_and_header_fields_are_checked() {
        let text = "索引号: 1/2021-1\n发布日期: 2021-07-07 10:00\n通知\n";
        let g = gold(
            r#"{"max_tasks": 0, "min_tasks": 1, "meta": {"index_no": "1/2021-1", "published": "2021-07-07 10:00", "doc_no": "x"}}"#,
        );
        let r = evaluate("x", text, &crate::parse(text).unwrap(), &g);
        assert_eq!(r.problems.len(), 2, "{:?}", r.problems);
        assert!(r.problems[0].contains("at least 1"));
        assert!(r.problems[1].contains("meta doc_no"));
    }

    #[test]
    fn unnumbered_gold_tasks_match_in_order() {
        let text = "附件\n分解\n一、目标\n?做甲。(牵头单位:甲局)\n?做乙。(牵头单位:乙局)\n";
        let g = gold(
            r#"{"tasks": [{"section": "一", "lead_units": ["甲局"]}, {"section": "一", "lead_units": ["乙局"]}]}"#,
        );
        let r = evaluate("x", text, &crate::parse(text).unwrap(), &g);
        assert_eq!((r.matched, r.attribution_exact), (2, 2));
    }

    #[test]
    fn an_empty_gold_is_perfect_for_a_letter() {
        let text = "通知\n各部门:\n一、加强领导。\n";
        let r = evaluate("x", text, &crate::parse(text).unwrap(), &Gold::default());
        assert_eq!((r.recall(), r.precision(), r.coverage()), (1.0, 1.0, 1.0));
    }
}
