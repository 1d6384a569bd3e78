//! Tables flattened to text: a header row naming the columns
//! (序号 / 重点工作 / 责任领导 / 责任单位 / 完成时限), then one row per task,
//! either on one line with `|` between cells or one cell per line (a page
//! copied from a Word table often leaves blank lines between the cells).

use std::ops::Range;

use super::attribution::ROLE_KEYS;
use crate::model::{ColumnKind, RoleKind};

/// A table being read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Table {
    /// What each column holds.
    pub columns: Vec<ColumnKind>,
    /// The columns' names as written (role keys for the task's roles).
    pub names: Vec<String>,
    /// One cell per line (else `|` rows).
    pub cell_per_line: bool,
    /// Still reading header cells (one cell per line only).
    pub in_header: bool,
    /// Cells of the current row read so far; 0 before the first row.
    pub row_cells: usize,
}

impl Table {
    /// A table whose header starts with the number column `name`.
    pub(crate) fn new(cell_per_line: bool) -> Table {
        Table {
            columns: vec![],
            names: vec![],
            cell_per_line,
            in_header: cell_per_line,
            row_cells: 0,
        }
    }

    /// Adds a column named `name`.
    pub(crate) fn push_column(&mut self, name: &str) {
        let text_seen = self.columns.contains(&ColumnKind::Text);
        self.columns.push(column_kind(name, text_seen));
        self.names.push(name.to_string());
    }

    /// The column the next cell of the current row falls in, if the row has room.
    pub(crate) fn next_column(&self) -> Option<usize> {
        (self.row_cells > 0 && self.row_cells < self.columns.len()).then_some(self.row_cells)
    }
}

/// `序号` (or 编号): the first cell of a header row.
pub(crate) fn is_number_header(cell: &str) -> bool {
    matches!(cell, "序号" | "序 号" | "编号" | "序號" | "編號")
}

/// What a column named `name` holds; the first column that is not a number
/// or a role is the task text, later ones are kept in the row only.
pub(crate) fn column_kind(name: &str, text_seen: bool) -> ColumnKind {
    if is_number_header(name) {
        return ColumnKind::Number;
    }
    let kind = ROLE_KEYS
        .iter()
        .find(|(key, _)| *key == name)
        .map(|&(_, kind)| kind)
        .or_else(|| kind_by_word(name));
    match kind {
        Some(RoleKind::Leaders) => ColumnKind::Leaders,
        Some(RoleKind::LeadUnits) => ColumnKind::LeadUnits,
        Some(RoleKind::ResponsibleUnits) => ColumnKind::ResponsibleUnits,
        Some(RoleKind::CooperatingUnits) => ColumnKind::CooperatingUnits,
        Some(RoleKind::Deadline) => ColumnKind::Deadline,
        _ if text_seen => ColumnKind::Other,
        _ => ColumnKind::Text,
    }
}

/// A column name that is no role key but says what it holds (责任领导(分管)).
fn kind_by_word(name: &str) -> Option<RoleKind> {
    let has = |words: &[&str]| words.iter().any(|w| name.contains(w));
    if has(&["领导", "領導", "责任人", "責任人"]) {
        Some(RoleKind::Leaders)
    } else if has(&["牵头", "牽頭"]) {
        Some(RoleKind::LeadUnits)
    } else if has(&["配合", "协办", "協辦", "参与", "參與", "协助"]) {
        Some(RoleKind::CooperatingUnits)
    } else if has(&[
        "责任单位",
        "责任部门",
        "責任單位",
        "負責單位",
        "负责单位",
        "承办单位",
    ]) {
        Some(RoleKind::ResponsibleUnits)
    } else if has(&["时限", "時限", "时间", "時間", "节点", "節點"]) {
        Some(RoleKind::Deadline)
    } else {
        None
    }
}

/// A row's number cell: 1–4 digits.
pub(crate) fn row_number(cell: &str) -> Option<u32> {
    (1..=4)
        .contains(&cell.len())
        .then(|| cell.parse().ok())
        .flatten()
}

/// A cell of a `|` row: its trimmed text and what comes before it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PipeCell {
    /// The trimmed text (empty for an empty cell).
    pub text: Range<usize>,
    /// Padding and the `|` before the text.
    pub before: Range<usize>,
}

/// Splits a `|` row into cells and the text after the last one; `None`
/// when the line has no `|`. A `|` at either end opens or closes the row
/// rather than making an empty cell.
pub(crate) fn split_pipes(line: &str) -> Option<(Vec<PipeCell>, Range<usize>)> {
    memchr::memchr(b'|', line.as_bytes())?;
    let mut cells = vec![];
    let mut pos = 0;
    let mut prev_end = 0;
    let bytes = line.as_bytes();
    let start = usize::from(line.starts_with('|'));
    pos += start;
    loop {
        let end = memchr::memchr(b'|', &bytes[pos..]).map_or(line.len(), |i| pos + i);
        let raw = &line[pos..end];
        let lead = raw.len() - raw.trim_start_matches(super::trivia::is_space).len();
        let text = raw.trim_matches(super::trivia::is_space);
        let text_start = pos + lead;
        let last = end == line.len();
        // A row closed with `|` leaves an empty piece at the end: not a cell.
        if !(last && text.is_empty() && !cells.is_empty()) {
            cells.push(PipeCell {
                text: text_start..text_start + text.len(),
                before: prev_end..text_start,
            });
            prev_end = text_start + text.len();
        }
        if last {
            break;
        }
        pos = end + 1;
    }
    Some((cells, prev_end..line.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_named_by_keys_or_words() {
        let kinds: Vec<ColumnKind> = [
            "序号",
            "重点工作",
            "责任领导",
            "牵头单位",
            "配合单位",
            "完成时限",
            "备注",
        ]
        .iter()
        .scan(false, |text_seen, name| {
            let k = column_kind(name, *text_seen);
            *text_seen |= k == ColumnKind::Text;
            Some(k)
        })
        .collect();
        assert_eq!(
            kinds,
            [
                ColumnKind::Number,
                ColumnKind::Text,
                ColumnKind::Leaders,
                ColumnKind::LeadUnits,
                ColumnKind::CooperatingUnits,
                ColumnKind::Deadline,
                ColumnKind::Other
            ]
        );
        assert_eq!(column_kind("2022年预期目标", false), ColumnKind::Text);
    }

    #[test]
    fn pipe_rows_split_into_cells() {
        let line = "| 1 | 做事 |  | 市发改局 |";
        let (cells, after) = split_pipes(line).unwrap();
        let texts: Vec<&str> = cells.iter().map(|c| &line[c.text.clone()]).collect();
        assert_eq!(texts, ["1", "做事", "", "市发改局"]);
        assert_eq!(&line[cells[0].before.clone()], "| ");
        assert_eq!(&line[cells[1].before.clone()], " | ");
        assert_eq!(&line[after], " |");
        let (cells, after) = split_pipes("1|做事|市发改局").unwrap();
        assert_eq!(cells.len(), 3);
        assert!(after.is_empty());
        assert!(split_pipes("没有竖线").is_none());
    }

    #[test]
    fn row_numbers_are_short_digit_runs() {
        assert_eq!(row_number("10"), Some(10));
        assert_eq!(row_number("2022"), Some(2022));
        assert_eq!(row_number("20221"), None);
        assert_eq!(row_number("1."), None);
    }
}
