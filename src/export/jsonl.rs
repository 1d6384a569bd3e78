//! JSON Lines: one [`TaskRow`](super::TaskRow) object per line, for jq, DuckDB and pandas.

use std::io::Write;

use super::task_rows;
use crate::model::Notice;

/// Writes notices one after another as JSON Lines, one task per line.
///
/// A row gets a `file` member when [`JsonlWriter::write_notice`] is given a
/// name, so a stream of many notices says where each row came from.
///
/// ```
/// let notice = fenjie::parse("附件\n分解\n一、目标\n1.做事。(牵头单位:市发改局)").unwrap();
/// let mut w = fenjie::export::JsonlWriter::new(Vec::new());
/// w.write_notice(&notice, Some("a.txt"))?;
/// let out = String::from_utf8(w.finish()?).unwrap();
/// let row: serde_json::Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
/// assert_eq!(row["file"], "a.txt");
/// assert_eq!(row["section"], "一");
/// assert_eq!(row["lead_units"][0], "市发改局");
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Debug)]
pub struct JsonlWriter<W: Write> {
    out: W,
}

impl<W: Write> JsonlWriter<W> {
    /// A writer into `out`.
    pub fn new(out: W) -> Self {
        JsonlWriter { out }
    }

    /// Appends one line per task of `notice`, each naming `file` if given.
    pub fn write_notice(&mut self, notice: &Notice, file: Option<&str>) -> std::io::Result<()> {
        for mut row in task_rows(notice) {
            row.file = file.map(str::to_string);
            serde_json::to_writer(&mut self.out, &row)?;
            self.out.write_all(b"\n")?;
        }
        Ok(())
    }

    /// Flushes and gives back the output.
    pub fn finish(mut self) -> std::io::Result<W> {
        self.out.flush()?;
        Ok(self.out)
    }
}

/// Writes a notice's tasks as JSON Lines.
///
/// ```
/// let notice = fenjie::parse("附件\n分解\n一、目标\n1.做事。(牵头单位:市发改局)\n2.办事。").unwrap();
/// let mut out = Vec::new();
/// fenjie::export::write_jsonl(&notice, &mut out)?;
/// assert_eq!(String::from_utf8(out).unwrap().lines().count(), 2);
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn write_jsonl(notice: &Notice, out: impl Write) -> std::io::Result<()> {
    let mut w = JsonlWriter::new(out);
    w.write_notice(notice, None)?;
    w.finish().map(drop)
}
