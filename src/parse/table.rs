//! Tables flattened to text: a header row naming the columns
//! (序号 / 重点工作 / 责任领导 / 责任单位 / 完成时限), then one row per task,
//! either on one line with `|` between cells or one cell per line (a page
//! copied from a Word table often leaves blank lines between the cells).

use super::attribution::ROLE_KEYS;
use super::*;

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
    /// A table with no columns yet, written one cell per line or in `|` rows.
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

impl Builder<'_> {
    /// `序号` alone (one cell per line) or `序号 | 重点工作 | …` (a `|` row).
    pub(super) fn table_header(&mut self, line: Line) {
        let content = self.content(&line);
        let base = line.content.start;
        let (table, row) = match table::split_pipes(content) {
            Some((cells, after)) => {
                self.saw(Convention::TablePipeRows, base);
                let mut table = table::Table::new(false);
                for c in &cells {
                    table.push_column(&content[c.text.clone()]);
                }
                let row = self.pipe_row(content, base, &cells, after);
                (table, row)
            }
            None => {
                self.saw(Convention::TableCellPerLine, base);
                let mut table = table::Table::new(true);
                table.push_column(content);
                let row = Row {
                    cells: vec![self.cell(&line)],
                    cell_per_line: true,
                    after: String::new(),
                };
                (table, row)
            }
        };
        let layout = if table.cell_per_line {
            Layout::default()
        } else {
            line.layout.clone()
        };
        let header = TableHeader {
            columns: table.columns.clone(),
            row,
            span: self.span(line.content.clone()),
            layout,
        };
        // A second header in one section (its table's heading opened no
        // attachment or section) starts a section of its own: a section
        // holds one header, and overwriting the first lost it (fuzz).
        if self.current_section().table.is_some() {
            self.push_section(Section::default());
        }
        self.current_section().table = Some(header);
        self.table = Some(table);
    }

    /// A `|` row's cells as written.
    fn pipe_row(
        &self,
        content: &str,
        base: usize,
        cells: &[table::PipeCell],
        after: Range<usize>,
    ) -> Row {
        Row {
            cells: cells
                .iter()
                .map(|c| Cell {
                    text: content[c.text.clone()].to_string(),
                    span: self.span(base + c.text.start..base + c.text.end),
                    before: content[c.before.clone()].to_string(),
                    layout: Layout::default(),
                })
                .collect(),
            cell_per_line: false,
            after: content[after].to_string(),
        }
    }

    /// A cell standing on a line of its own.
    fn cell(&self, line: &Line) -> Cell {
        Cell {
            text: self.content(line).to_string(),
            span: self.span(line.content.clone()),
            before: String::new(),
            layout: line.layout.clone(),
        }
    }

    /// A line while a table is open; false when it is not part of the table.
    pub(super) fn table_line(&mut self, line: &Line) -> bool {
        let content = self.content(line);
        let Some(table) = self.table.as_mut() else {
            return false;
        };
        if !table.cell_per_line {
            return match table::split_pipes(content) {
                Some((cells, after))
                    if cells
                        .first()
                        .is_some_and(|c| table::row_number(&content[c.text.clone()]).is_some()) =>
                {
                    self.pipe_task(line, &cells, after);
                    true
                }
                _ => false,
            };
        }
        if let Some(number) = table::row_number(content) {
            table.in_header = false;
            table.row_cells = 1;
            self.row_task(line, number);
            return true;
        }
        if table.in_header {
            table.push_column(content);
            let cell = self.cell(line);
            self.extend_table_header(cell);
            return true;
        }
        match table.next_column() {
            Some(column) => {
                table.row_cells += 1;
                self.row_cell(line, column);
                true
            }
            // The row is full: what follows is no longer the table, unless it
            // is a heading inside it.
            None => {
                if marker(content).is_none() {
                    self.table = None;
                }
                false
            }
        }
    }

    fn extend_table_header(&mut self, cell: Cell) {
        let columns = self.table.as_ref().map(|t| t.columns.clone());
        let end = cell.span.end;
        let Some(header) = self.current_section().table.as_mut() else {
            return;
        };
        let start = header.span.start;
        header.row.cells.push(cell);
        if let Some(columns) = columns {
            header.columns = columns;
        }
        let span = self.span(start..end);
        if let Some(header) = self.current_section().table.as_mut() {
            header.span = span;
        }
    }

    /// The number cell of a row written one cell per line: a new task.
    fn row_task(&mut self, line: &Line, number: u32) {
        let task = Task {
            marker: self.content(line).to_string(),
            number,
            span: self.span(line.content.clone()),
            layout: line.layout.clone(),
            row: Some(Row {
                cells: vec![self.cell(line)],
                cell_per_line: true,
                after: String::new(),
            }),
            ..Task::default()
        };
        self.push_task(task);
    }

    /// A further cell of a row written one cell per line.
    fn row_cell(&mut self, line: &Line, column: usize) {
        let cell = self.cell(line);
        let Some(mut task) = self.take_last_task() else {
            return;
        };
        task.span = self.span(task.span.start..line.content.end);
        self.fill_cell(&mut task, column, &cell);
        if let Some(row) = task.row.as_mut() {
            row.cells.push(cell);
        }
        self.push_task(task);
    }

    /// A whole `|` row: a task.
    fn pipe_task(&mut self, line: &Line, cells: &[table::PipeCell], after: Range<usize>) {
        let content = self.content(line);
        let base = line.content.start;
        let row = self.pipe_row(content, base, cells, after);
        let mut task = Task {
            marker: row.cells[0].text.clone(),
            number: table::row_number(&row.cells[0].text).unwrap_or(0),
            span: self.span(line.content.clone()),
            layout: line.layout.clone(),
            ..Task::default()
        };
        for (column, cell) in row.cells.iter().enumerate().skip(1) {
            self.fill_cell(&mut task, column, cell);
        }
        task.row = Some(row);
        self.push_task(task);
    }

    /// What a cell in `column` says about its task: the text, or a role.
    fn fill_cell(&mut self, task: &mut Task, column: usize, cell: &Cell) {
        let Some(table) = self.table.as_ref() else {
            return;
        };
        let kind = match table.columns.get(column) {
            Some(ColumnKind::Text) => {
                task.text = cell.text.clone();
                task.text_span = cell.span;
                return self.extract_targets(task);
            }
            Some(ColumnKind::Leaders) => RoleKind::Leaders,
            Some(ColumnKind::LeadUnits) => RoleKind::LeadUnits,
            Some(ColumnKind::ResponsibleUnits) => RoleKind::ResponsibleUnits,
            Some(ColumnKind::CooperatingUnits) => RoleKind::CooperatingUnits,
            Some(ColumnKind::Deadline) => RoleKind::Deadline,
            _ => return,
        };
        if cell.text.is_empty() {
            return;
        }
        let key = interned(&table.names[column]);
        let mut raw = std::mem::take(&mut self.raw_attribution);
        raw.push_cell(&cell.text, kind);
        let mut roles = self.roles(&raw, &cell.text, cell.span.start);
        self.raw_attribution = raw;
        for role in &mut roles {
            role.key = key.clone();
        }
        let (start, end) = (cell.span.start, cell.span.end);
        let clause_start = task.attribution.as_ref().map_or(start, |a| a.span.start);
        let span = self.span(clause_start..end);
        let a = task.attribution.get_or_insert_with(Attribution::default);
        a.span = span;
        a.roles.extend(roles);
        clause::apply_assignment(task, self.lead_rule, self.year());
    }

    fn take_last_task(&mut self) -> Option<Task> {
        self.current_tasks()?.pop()
    }

    /// The table's last row has all its cells (a table may end without a stop).
    pub(super) fn row_is_full(&self) -> bool {
        self.table
            .as_ref()
            .is_some_and(|t| !t.cell_per_line || t.row_cells >= t.columns.len())
    }
}

/// A table's header row: `序号` alone, or a `|` row starting with it.
pub(super) fn is_table_header(content: &str) -> bool {
    if table::is_number_header(content) {
        return true;
    }
    table::split_pipes(content).is_some_and(|(cells, _)| {
        cells.len() >= 3
            && cells
                .first()
                .is_some_and(|c| table::is_number_header(&content[c.text.clone()]))
    })
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
