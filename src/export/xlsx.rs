//! Excel: a workbook with a 任务 (tasks) sheet and a 指标 (targets) sheet.

use std::path::Path;

use rust_xlsxwriter::{ColNum, Format, RowNum, Workbook, Worksheet, XlsxError};

use super::row::task_cells;
use super::row::{Cell, FILE_COLUMN, TARGET_COLUMNS, TASK_COLUMNS};
use super::target_rows;
use crate::model::Notice;

/// Name of the sheet with one row per task.
pub const TASKS_SHEET: &str = "任务";
/// Name of the sheet with one row per numeric target.
pub const TARGETS_SHEET: &str = "指标";

/// Column widths are fitted to the content but kept between these (in
/// Excel's character units), so a 300-character task text does not make a
/// column wider than the screen.
const MIN_WIDTH: usize = 6;
const MAX_WIDTH: usize = 60;

/// Writes notices one after another into one workbook.
///
/// Each sheet has a bold header row that stays in view when scrolling, an
/// autofilter over the whole table, and column widths fitted to the content
/// (a Chinese character counts twice, as Excel draws it).
///
/// ```
/// let notice = fenjie::parse("附件\n分解\n一、目标\n1.做事。(牵头单位:市发改局)").unwrap();
/// let mut w = fenjie::export::XlsxWriter::new(true)?;
/// w.write_notice(&notice, Some("a.txt"))?;
/// let bytes = w.into_bytes()?;
/// assert!(bytes.starts_with(b"PK")); // an xlsx file is a zip archive
/// # Ok::<(), rust_xlsxwriter::XlsxError>(())
/// ```
pub struct XlsxWriter {
    tasks: Sheet,
    targets: Sheet,
    file_column: bool,
}

impl XlsxWriter {
    /// A workbook with both sheets and their headers; `file_column` puts a
    /// `file` column first, naming the notice each row came from.
    pub fn new(file_column: bool) -> Result<Self, XlsxError> {
        let file = file_column.then_some(FILE_COLUMN);
        let header = |columns: &[&'static str]| -> Vec<&'static str> {
            file.iter().chain(columns).copied().collect()
        };
        Ok(XlsxWriter {
            tasks: Sheet::new(TASKS_SHEET, &header(&TASK_COLUMNS))?,
            targets: Sheet::new(TARGETS_SHEET, &header(&TARGET_COLUMNS))?,
            file_column,
        })
    }

    /// Appends the tasks and targets of one notice; `file` fills the `file`
    /// column (when the workbook has one) and is ignored otherwise.
    pub fn write_notice(&mut self, notice: &Notice, file: Option<&str>) -> Result<(), XlsxError> {
        let file = self.file_column.then(|| file.unwrap_or_default());
        for task in notice.tasks() {
            self.tasks.row(file, &task_cells(&task))?;
        }
        for row in target_rows(notice) {
            self.targets.row(file, &row.cells())?;
        }
        Ok(())
    }

    /// Writes the workbook to `path`.
    pub fn save(self, path: impl AsRef<Path>) -> Result<(), XlsxError> {
        self.into_workbook()?.save(path)
    }

    /// The workbook as the bytes of an `.xlsx` file.
    pub fn into_bytes(self) -> Result<Vec<u8>, XlsxError> {
        self.into_workbook()?.save_to_buffer()
    }

    fn into_workbook(self) -> Result<Workbook, XlsxError> {
        let mut workbook = Workbook::new();
        workbook.push_worksheet(self.tasks.finish()?);
        workbook.push_worksheet(self.targets.finish()?);
        Ok(workbook)
    }
}

/// Writes a notice as an Excel workbook at `path` (sheets 任务 and 指标).
///
/// ```no_run
/// let notice = fenjie::parse(std::fs::read("seeds/000_1c8cb5f34e52814e.txt")?)?;
/// fenjie::export::write_xlsx(&notice, "seed.xlsx")?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn write_xlsx(notice: &Notice, path: impl AsRef<Path>) -> Result<(), XlsxError> {
    let mut w = XlsxWriter::new(false)?;
    w.write_notice(notice, None)?;
    w.save(path)
}

// `Worksheet` has no `Debug`; the row counts are what a reader wants to see.
impl std::fmt::Debug for XlsxWriter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("XlsxWriter")
            .field("task_rows", &(self.tasks.next_row - 1))
            .field("target_rows", &(self.targets.next_row - 1))
            .field("file_column", &self.file_column)
            .finish()
    }
}

/// One sheet being filled, with the widest cell seen in each column.
struct Sheet {
    worksheet: Worksheet,
    next_row: RowNum,
    widths: Vec<usize>,
}

impl Sheet {
    fn new(name: &str, header: &[&str]) -> Result<Self, XlsxError> {
        let mut worksheet = Worksheet::new();
        worksheet.set_name(name)?;
        let bold = Format::new().set_bold();
        for (col, title) in (0..).zip(header) {
            worksheet.write_string_with_format(0, col, *title, &bold)?;
        }
        Ok(Sheet {
            worksheet,
            next_row: 1,
            widths: header.iter().map(|h| display_width(h)).collect(),
        })
    }

    fn row(&mut self, file: Option<&str>, cells: &[Cell<'_>]) -> Result<(), XlsxError> {
        let row = self.next_row;
        let file = file.map(|f| Cell::Text(f.into()));
        for (col, cell) in (0..).zip(file.iter().chain(cells)) {
            self.cell(row, col, cell)?;
        }
        self.next_row += 1;
        Ok(())
    }

    fn cell(&mut self, row: RowNum, col: ColNum, cell: &Cell<'_>) -> Result<(), XlsxError> {
        match cell {
            Cell::Text(s) if !s.is_empty() => {
                self.worksheet.write_string(row, col, s.as_ref())?;
            }
            Cell::Number(n) => {
                self.worksheet.write_number(row, col, *n)?;
            }
            Cell::Text(_) | Cell::Empty => return Ok(()),
        }
        let width = display_width(&cell.to_text());
        if let Some(w) = self.widths.get_mut(usize::from(col)) {
            *w = (*w).max(width);
        }
        Ok(())
    }

    fn finish(mut self) -> Result<Worksheet, XlsxError> {
        let last_row = self.next_row - 1;
        let last_col = ColNum::try_from(self.widths.len().saturating_sub(1)).unwrap_or(0);
        self.worksheet.set_freeze_panes(1, 0)?;
        self.worksheet.autofilter(0, 0, last_row, last_col)?;
        for (col, width) in (0..).zip(&self.widths) {
            // +2 leaves room for the autofilter button in the header.
            let width = (width + 2).clamp(MIN_WIDTH, MAX_WIDTH);
            self.worksheet.set_column_width(col, width as f64)?;
        }
        Ok(self.worksheet)
    }
}

/// Width of `s` in Excel character units: East Asian wide characters count
/// two. Stops counting past [`MAX_WIDTH`], which is as wide as a column gets.
fn display_width(s: &str) -> usize {
    let mut width = 0;
    for c in s.chars() {
        width += if is_wide(c) { 2 } else { 1 };
        if width > MAX_WIDTH {
            break;
        }
    }
    width
}

/// The East Asian Wide and Fullwidth blocks a notice uses: CJK ideographs
/// and punctuation, full-width forms, Hangul, kana.
fn is_wide(c: char) -> bool {
    matches!(c,
        '\u{1100}'..='\u{115f}'
        | '\u{2e80}'..='\u{a4cf}'
        | '\u{ac00}'..='\u{d7a3}'
        | '\u{f900}'..='\u{faff}'
        | '\u{fe30}'..='\u{fe4f}'
        | '\u{ff00}'..='\u{ff60}'
        | '\u{ffe0}'..='\u{ffe6}'
        | '\u{20000}'..='\u{3fffd}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_characters_count_double() {
        assert_eq!(display_width("line"), 4);
        assert_eq!(display_width("市发改局"), 8);
        assert_eq!(display_width("\u{ff08}一\u{ff09}"), 6);
        assert_eq!(display_width(&"长".repeat(1000)), MAX_WIDTH + 2);
    }
}
