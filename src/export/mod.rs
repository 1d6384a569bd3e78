//! Exporters: a notice as the flat tables analysts and other programs read.
//!
//! | format | one record per | function | streaming writer |
//! |---|---|---|---|
//! | CSV (`--to csv`) | task | [`write_csv`] | [`CsvWriter`] with [`Table::Tasks`] |
//! | CSV (`--to targets-csv`) | numeric target | [`write_targets_csv`] | [`CsvWriter`] with [`Table::Targets`] |
//! | JSON Lines (`--to jsonl`) | task | [`write_jsonl`] | [`JsonlWriter`] |
//! | Excel (`--to xlsx`, feature `xlsx`) | task (任务) and target (指标) | `write_xlsx` | `XlsxWriter` |
//!
//! Every format is written from the same rows, [`TaskRow`] and [`TargetRow`],
//! so a column means the same thing everywhere. The streaming writers take
//! notices one at a time, optionally with a file name for a leading `file`
//! column, so one table can hold many notices.
//!
//! ```
//! let notice = fenjie::parse("附件\n分解\n一、目标\n1.做事。(责任领导:张三;牵头单位:市发改局、市财政局)").unwrap();
//! let mut csv = Vec::new();
//! fenjie::export::write_csv(&notice, &mut csv, &fenjie::export::CsvOptions::default())?;
//! let csv = String::from_utf8(csv).unwrap();
//! assert_eq!(csv.lines().next(), Some(
//!     "section,section_title,subsection,subsection_title,task,text,leaders,lead_units,\
//!      responsible_units,targets,line,cooperating_units,deadline"));
//! assert_eq!(csv.lines().nth(1), Some("一,目标,,,1,做事。,张三,市发改局、市财政局,,,4,,"));
//! # Ok::<(), std::io::Error>(())
//! ```

mod csv;
mod jsonl;
mod row;
#[cfg(feature = "xlsx")]
mod xlsx;

pub use self::csv::{write_csv, write_targets_csv, CsvOptions, CsvWriter};
pub use jsonl::{write_jsonl, JsonlWriter};
pub use row::{
    summarize_targets, target_rows, task_rows, TargetRow, TaskRow, LIST_SEPARATOR, TARGET_COLUMNS,
    TASK_COLUMNS,
};
#[cfg(feature = "xlsx")]
pub use xlsx::{write_xlsx, XlsxWriter, TARGETS_SHEET, TASKS_SHEET};

/// Which table a [`CsvWriter`] writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Table {
    /// One row per task ([`TASK_COLUMNS`]).
    Tasks,
    /// One row per numeric target ([`TARGET_COLUMNS`]).
    Targets,
}
