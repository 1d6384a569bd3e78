//! CSV: the task table and the target table, RFC 4180 quoting by the `csv` crate.

use std::io::Write;

use super::row::task_cells;
use super::row::{Cell, FILE_COLUMN, TARGET_COLUMNS, TASK_COLUMNS};
use super::{target_rows, Table};
use crate::model::Notice;

/// The UTF-8 byte-order mark `--bom` writes first.
const UTF8_BOM: &[u8] = b"\xef\xbb\xbf";

/// How to write a CSV table.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CsvOptions {
    /// Start with a UTF-8 byte-order mark, so that Excel on Chinese Windows
    /// reads the file as UTF-8 instead of GBK. Leave it off for programs
    /// (pandas, DuckDB, csvkit) that read UTF-8 anyway.
    pub bom: bool,
    /// Put a `file` column first, naming the notice each row came from
    /// (for a table of many notices, see [`CsvWriter::write_notice`]).
    pub file_column: bool,
}

/// Writes notices one after another into one CSV table.
///
/// The header is written when the writer is made, so notices can be
/// streamed in without holding them all.
///
/// ```
/// use fenjie::export::{CsvOptions, CsvWriter, Table};
/// let a = fenjie::parse("附件\n分解\n一、目标\n1.做事。(牵头单位:市发改局)").unwrap();
/// let b = fenjie::parse("附件\n分解\n一、目标\n1.办事。(牵头单位:市财政局)").unwrap();
/// let options = CsvOptions { file_column: true, ..CsvOptions::default() };
/// let mut w = CsvWriter::new(Vec::new(), Table::Tasks, &options)?;
/// w.write_notice(&a, Some("a.txt"))?;
/// w.write_notice(&b, Some("b.txt"))?;
/// let csv = String::from_utf8(w.finish()?).unwrap();
/// let lines: Vec<&str> = csv.lines().collect();
/// assert!(lines[0].starts_with("file,section,section_title,"));
/// assert!(lines[2].starts_with("b.txt,一,目标,,,1,办事。,,市财政局,"));
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Debug)]
pub struct CsvWriter<W: Write> {
    csv: csv::Writer<W>,
    table: Table,
    file_column: bool,
}

impl<W: Write> CsvWriter<W> {
    /// A writer of `table` into `out`; writes the BOM (if asked) and the header.
    pub fn new(mut out: W, table: Table, options: &CsvOptions) -> std::io::Result<Self> {
        if options.bom {
            out.write_all(UTF8_BOM)?;
        }
        let mut csv = csv::Writer::from_writer(out);
        let columns: &[&str] = match table {
            Table::Tasks => &TASK_COLUMNS,
            Table::Targets => &TARGET_COLUMNS,
        };
        let file = options.file_column.then_some(FILE_COLUMN);
        csv.write_record(file.iter().chain(columns))?;
        Ok(CsvWriter {
            csv,
            table,
            file_column: options.file_column,
        })
    }

    /// A writer of rows only, for part of a table whose BOM and header were
    /// written by [`CsvWriter::new`] elsewhere: lets a batch encode files in
    /// parallel and concatenate the parts in order.
    ///
    /// ```
    /// use fenjie::export::{CsvOptions, CsvWriter, Table};
    /// let notice = fenjie::parse("附件\n分解\n一、目标\n1.做事。(牵头单位:市发改局)").unwrap();
    /// let mut part = CsvWriter::rows_only(Vec::new(), Table::Tasks, &CsvOptions::default());
    /// part.write_notice(&notice, None)?;
    /// let rows = String::from_utf8(part.finish()?).unwrap();
    /// assert!(rows.starts_with("一,目标,,,1,做事。"));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn rows_only(out: W, table: Table, options: &CsvOptions) -> Self {
        CsvWriter {
            csv: csv::Writer::from_writer(out),
            table,
            file_column: options.file_column,
        }
    }

    /// Appends the rows of one notice; `file` fills the `file` column (when
    /// the writer has one) and is ignored otherwise.
    pub fn write_notice(&mut self, notice: &Notice, file: Option<&str>) -> std::io::Result<()> {
        let file = self.file_column.then(|| file.unwrap_or_default());
        match self.table {
            Table::Tasks => {
                for task in notice.tasks() {
                    self.write_cells(file, &task_cells(&task))?;
                }
            }
            Table::Targets => {
                for row in target_rows(notice) {
                    self.write_cells(file, &row.cells())?;
                }
            }
        }
        Ok(())
    }

    fn write_cells(&mut self, file: Option<&str>, cells: &[Cell<'_>]) -> std::io::Result<()> {
        if let Some(file) = file {
            self.csv.write_field(file)?;
        }
        for cell in cells {
            self.csv.write_field(cell.to_text().as_bytes())?;
        }
        // An empty record ends the one the fields above began.
        self.csv.write_record(None::<&[u8]>)?;
        Ok(())
    }

    /// Flushes the table and gives back the output.
    pub fn finish(self) -> std::io::Result<W> {
        self.csv.into_inner().map_err(|e| e.into_error())
    }
}

/// Writes a notice's task table as CSV: one row per task under
/// [`TASK_COLUMNS`](super::TASK_COLUMNS).
///
/// ```
/// let notice = fenjie::parse("附件\n分解\n一、目标\n(一)做事。(责任领导:张三;牵头单位:市发改局)").unwrap();
/// let mut out = Vec::new();
/// fenjie::export::write_csv(&notice, &mut out, &Default::default())?;
/// let csv = String::from_utf8(out).unwrap();
/// assert_eq!(csv.lines().nth(1), Some("一,目标,,,(一),做事。,张三,市发改局,,,4,,"));
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn write_csv(notice: &Notice, out: impl Write, options: &CsvOptions) -> std::io::Result<()> {
    write_table(notice, out, Table::Tasks, options)
}

/// Writes a notice's target table as CSV: one row per numeric target under
/// [`TARGET_COLUMNS`](super::TARGET_COLUMNS).
pub fn write_targets_csv(
    notice: &Notice,
    out: impl Write,
    options: &CsvOptions,
) -> std::io::Result<()> {
    write_table(notice, out, Table::Targets, options)
}

fn write_table(
    notice: &Notice,
    out: impl Write,
    table: Table,
    options: &CsvOptions,
) -> std::io::Result<()> {
    let mut w = CsvWriter::new(out, table, options)?;
    w.write_notice(notice, None)?;
    w.finish().map(drop)
}
