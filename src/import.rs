//! Reading exported tables back: the CSV task table and JSON Lines.
//!
//! These are the inverses the round-trip tests rely on: the tasks read back
//! are the [`TaskRow`]s that were written.

use std::io::Read;

use crate::export::{TaskRow, LIST_SEPARATOR, TASK_COLUMNS};
use crate::parse::trivia::{closing_partner, is_close_paren};

/// Why a table could not be read back. Every variant that concerns one
/// record names its line.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ImportError {
    /// The input could not be read.
    #[error("cannot read: {0}")]
    Io(#[from] std::io::Error),
    /// A record is not well-formed (unequal field counts, invalid UTF-8).
    #[error("line {line}: {message}")]
    Malformed {
        /// 1-based line where the record starts.
        line: u64,
        /// What is wrong.
        message: String,
    },
    /// The header lacks a column every task table has.
    #[error("line 1: the header has no `{column}` column")]
    MissingColumn {
        /// The missing column's name.
        column: &'static str,
    },
    /// A cell holds something its column cannot.
    #[error("line {line}, column `{column}`: {message}")]
    BadCell {
        /// 1-based line of the record.
        line: u64,
        /// The column's name.
        column: String,
        /// What is wrong.
        message: String,
    },
    /// A JSON Lines record is not a task row; the message names line and column.
    #[error("{0}")]
    Json(#[from] serde_json::Error),
}

/// Reads a task table written by [`crate::export::write_csv`] (or a
/// [`crate::export::CsvWriter`] with a `file` column), with or without a BOM.
///
/// Columns are found by their header names, so a table whose columns were
/// reordered or extended still reads. Multi-valued cells are split on `、`
/// outside brackets and quotes, as the parser splits names (see
/// [`split_list`]). The `targets` cell is kept as the summary text it is.
///
/// ```
/// let notice = fenjie::parse("附件\n分解\n一、目标\n1.做事。(责任领导:张三;牵头单位:县发改局(粮食局、物价局)、市财政局)").unwrap();
/// let mut csv = Vec::new();
/// fenjie::export::write_csv(&notice, &mut csv, &Default::default())?;
/// let rows = fenjie::import::tasks_from_csv(csv.as_slice())?;
/// assert_eq!(rows[0].task, "1");
/// assert_eq!(rows[0].lead_units, ["县发改局(粮食局、物价局)", "市财政局"]);
///
/// let err = fenjie::import::tasks_from_csv("section,task\n".as_bytes()).unwrap_err();
/// assert_eq!(err.to_string(), "line 1: the header has no `section_title` column");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn tasks_from_csv(input: impl Read) -> Result<Vec<TaskRow<String>>, ImportError> {
    let mut reader = csv::Reader::from_reader(input);
    let header = reader.headers().map_err(|e| csv_error(e, None))?.clone();
    let columns = Columns::find(&header)?;
    let mut rows = vec![];
    for record in reader.records() {
        let record = record.map_err(|e| csv_error(e, Some(&header)))?;
        rows.push(columns.row(&record)?);
    }
    Ok(rows)
}

/// Reads task rows written by [`crate::export::write_jsonl`] (or a
/// [`crate::export::JsonlWriter`]).
///
/// ```
/// let notice = fenjie::parse("附件\n分解\n一、目标\n1.做事。(牵头单位:市发改局)").unwrap();
/// let mut jsonl = Vec::new();
/// fenjie::export::write_jsonl(&notice, &mut jsonl)?;
/// let rows = fenjie::import::tasks_from_jsonl(jsonl.as_slice())?;
/// assert_eq!(rows, fenjie::export::task_rows(&notice).collect::<Vec<_>>());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn tasks_from_jsonl(input: impl Read) -> Result<Vec<TaskRow>, ImportError> {
    serde_json::Deserializer::from_reader(std::io::BufReader::new(input))
        .into_iter::<TaskRow>()
        .map(|row| row.map_err(ImportError::from))
        .collect()
}

/// Splits a multi-valued cell on `、`, except inside brackets and quotes:
/// `县发改局(粮食局、物价局)` is one unit, as it is to the parser. An empty
/// cell is an empty list.
///
/// ```
/// use fenjie::import::split_list;
/// assert_eq!(split_list("市发改局、“城乡、园区”办公室"), ["市发改局", "“城乡、园区”办公室"]);
/// assert!(split_list("").is_empty());
/// ```
pub fn split_list(cell: &str) -> Vec<String> {
    if cell.is_empty() {
        return vec![];
    }
    let mut names = vec![];
    // Tracks brackets exactly as the parser's name splitter does, so that
    // what it read as one name is read back as one name.
    let mut closers: Vec<char> = vec![];
    let mut start = 0;
    for (i, c) in cell.char_indices() {
        if let Some(&want) = closers.last() {
            if c == want || (is_close_paren(c) && is_close_paren(want)) {
                closers.pop();
                continue;
            }
        }
        if let Some(close) = closing_partner(c) {
            closers.push(close);
        } else if closers.is_empty() && cell[i..].starts_with(LIST_SEPARATOR) {
            names.push(cell[start..i].to_string());
            start = i + c.len_utf8();
        }
    }
    names.push(cell[start..].to_string());
    names
}

/// How many of [`TASK_COLUMNS`] every task table has; the rest are extras.
const FIXED_COLUMNS: usize = 11;

/// Where each column is in the records.
struct Columns {
    required: [usize; FIXED_COLUMNS],
    file: Option<usize>,
    cooperating_units: Option<usize>,
    deadline: Option<usize>,
}

impl Columns {
    fn find(header: &csv::StringRecord) -> Result<Self, ImportError> {
        let index = |name: &str| header.iter().position(|h| h == name);
        let mut required = [0; FIXED_COLUMNS];
        for (slot, &column) in required.iter_mut().zip(&TASK_COLUMNS[..FIXED_COLUMNS]) {
            *slot = index(column).ok_or(ImportError::MissingColumn { column })?;
        }
        Ok(Columns {
            required,
            file: index("file"),
            cooperating_units: index("cooperating_units"),
            deadline: index("deadline"),
        })
    }

    fn row(&self, record: &csv::StringRecord) -> Result<TaskRow<String>, ImportError> {
        let line = record.position().map_or(0, csv::Position::line);
        let cell = |i: usize| record.get(i).unwrap_or_default().to_string();
        let [section, section_title, subsection, subsection_title, task, text, leaders, lead_units, responsible_units, targets, line_cell] =
            self.required.map(cell);
        let optional = |i: Option<usize>| i.map(cell).filter(|s| !s.is_empty());
        Ok(TaskRow {
            file: optional(self.file),
            section,
            section_title,
            subsection,
            subsection_title,
            task,
            text,
            leaders: split_list(&leaders),
            lead_units: split_list(&lead_units),
            responsible_units: split_list(&responsible_units),
            targets,
            line: line_number(&line_cell, line)?,
            cooperating_units: split_list(&optional(self.cooperating_units).unwrap_or_default()),
            deadline: optional(self.deadline),
        })
    }
}

/// The `line` cell: empty for a task built in code, else a positive number.
fn line_number(cell: &str, record_line: u64) -> Result<Option<u32>, ImportError> {
    if cell.is_empty() {
        return Ok(None);
    }
    cell.parse().map(Some).map_err(|_| ImportError::BadCell {
        line: record_line,
        column: "line".into(),
        message: format!("expected a line number, found {cell:?}"),
    })
}

/// The `csv` crate's error, said without repeating the position it carries.
fn csv_error(e: csv::Error, header: Option<&csv::StringRecord>) -> ImportError {
    let line = e.position().map_or(0, csv::Position::line);
    match e.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => {
            return ImportError::Malformed {
                line,
                message: format!("{len} fields where the header has {expected_len}"),
            }
        }
        csv::ErrorKind::Utf8 { err, .. } => {
            if let Some(column) = header.and_then(|h| h.get(err.field())) {
                return ImportError::BadCell {
                    line,
                    column: column.to_string(),
                    message: "not valid UTF-8".into(),
                };
            }
        }
        _ => {}
    }
    let message = e.to_string();
    match e.into_kind() {
        csv::ErrorKind::Io(io) => ImportError::Io(io),
        _ => ImportError::Malformed { line, message },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_split_like_the_parser_splits_names() {
        assert_eq!(split_list("甲、乙"), ["甲", "乙"]);
        assert_eq!(split_list("甲、、乙"), ["甲", "", "乙"]);
        assert_eq!(split_list("、甲"), ["", "甲"]);
        assert_eq!(
            split_list("县(发改局、粮食局\u{ff09}、乙"),
            ["县(发改局、粮食局\u{ff09}", "乙"]
        );
        assert_eq!(split_list("《甲、乙》办公室"), ["《甲、乙》办公室"]);
    }

    #[test]
    fn a_bad_line_cell_names_line_and_column() {
        let mut csv = TASK_COLUMNS[..FIXED_COLUMNS].join(",");
        csv.push_str("\n一,目标,,,1,做事,,,,,x\n");
        let err = tasks_from_csv(csv.as_bytes()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "line 2, column `line`: expected a line number, found \"x\""
        );
    }

    #[test]
    fn a_short_record_names_its_line() {
        let mut csv = TASK_COLUMNS[..FIXED_COLUMNS].join(",");
        csv.push_str("\n一,目标\n");
        let err = tasks_from_csv(csv.as_bytes()).unwrap_err();
        assert_eq!(err.to_string(), "line 2: 2 fields where the header has 11");
    }

    #[test]
    fn a_cell_that_is_not_utf8_names_its_column() {
        let mut csv = TASK_COLUMNS[..FIXED_COLUMNS].join(",").into_bytes();
        csv.extend_from_slice(b"\n\xe4,,,,1,x,,,,,3\n");
        let err = tasks_from_csv(csv.as_slice()).unwrap_err();
        assert_eq!(err.to_string(), "line 2, column `section`: not valid UTF-8");
    }

    #[test]
    fn a_bom_is_not_part_of_the_first_column_name() {
        let mut csv = b"\xef\xbb\xbf".to_vec();
        csv.extend_from_slice(TASK_COLUMNS[..FIXED_COLUMNS].join(",").as_bytes());
        csv.extend_from_slice("\n一,目标,,,1,做事,,,,,3\n".as_bytes());
        let rows = tasks_from_csv(csv.as_slice()).unwrap();
        assert_eq!((rows[0].section.as_str(), rows[0].line), ("一", Some(3)));
    }
}
