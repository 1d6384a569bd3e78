//! Source positions: byte ranges into the decoded input, with 1-based line and
//! column numbers (columns counted in `char`s, so a CJK character is one column).

use serde::{Deserialize, Serialize};

/// Where a model element came from in the input.
///
/// `start..end` is a byte range into the text that was parsed (for input that
/// was not UTF-8, the decoded UTF-8 text). `line`/`column` locate `start`,
/// `end_line`/`end_column` locate `end`; both are 1-based and columns count
/// `char`s. A span of all zeros means "not from any source" (a model built in
/// code); [`Span::is_empty`] tells.
///
/// ```
/// let notice = fenjie::parse("通知\n附件\n标题\n一、目标\n1.做事。(牵头单位:市发改局)").unwrap();
/// let task = notice.tasks().next().unwrap().task;
/// assert_eq!((task.span.line, task.span.column), (5, 1));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, Hash)]
pub struct Span {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// 1-based line of `start`.
    pub line: u32,
    /// 1-based column (in chars) of `start`.
    pub column: u32,
    /// 1-based line of `end`.
    pub end_line: u32,
    /// 1-based column (in chars) of `end` (one past the last char).
    pub end_column: u32,
}

impl Span {
    /// True for the zero span of an element that was built in code.
    pub fn is_empty(&self) -> bool {
        *self == Span::default()
    }

    /// The byte range, for slicing the source.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }
}

/// Turns byte offsets into [`Span`]s: knows where every line starts.
///
/// Columns are counted from the line start on demand; callers that ask for
/// offsets left to right within one line pay for each byte once, because the
/// last position is cached (a 10 MB single line must not cost quadratic time).
#[derive(Debug)]
pub(crate) struct LineIndex<'a> {
    text: &'a str,
    line_starts: Vec<usize>,
    cache: std::cell::Cell<(usize, usize, u32)>, // (line index, byte offset, column)
}

impl<'a> LineIndex<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        let newlines = memchr::memchr_iter(b'\n', text.as_bytes());
        let mut line_starts = Vec::with_capacity(newlines.size_hint().0 + 1);
        line_starts.push(0);
        line_starts.extend(newlines.map(|i| i + 1));
        LineIndex {
            text,
            line_starts,
            cache: std::cell::Cell::new((0, 0, 1)),
        }
    }

    /// 1-based line and char column of a byte offset.
    pub(crate) fn position(&self, offset: usize) -> (u32, u32) {
        let offset = floor_char_boundary(self.text, offset);
        let (cached_line, cached_offset, cached_col) = self.cache.get();
        let line_start = |line: usize| self.line_starts[line];
        let line = if cached_line + 1 < self.line_starts.len()
            && line_start(cached_line) <= offset
            && offset < line_start(cached_line + 1)
        {
            cached_line
        } else {
            self.line_starts.partition_point(|&s| s <= offset) - 1
        };
        // Count from whichever known position is nearest: the line start, or
        // the last position asked for (before or after this one).
        let start = line_start(line);
        let col = if cached_line == line
            && cached_offset <= offset
            && offset - cached_offset < offset - start
        {
            cached_col + self.text[cached_offset..offset].chars().count() as u32
        } else if cached_line == line
            && offset < cached_offset
            && cached_offset - offset < offset - start
        {
            cached_col - self.text[offset..cached_offset].chars().count() as u32
        } else {
            1 + self.text[start..offset].chars().count() as u32
        };
        self.cache.set((line, offset, col));
        (line as u32 + 1, col)
    }

    /// The span of `start..end`.
    pub(crate) fn span(&self, start: usize, end: usize) -> Span {
        let (line, column) = self.position(start);
        let (end_line, end_column) = self.position(end);
        Span {
            start,
            end,
            line,
            column,
            end_line,
            end_column,
        }
    }
}

/// The largest char boundary at or below `offset` (clamped to the text).
fn floor_char_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_chars_not_bytes() {
        let idx = LineIndex::new("ab\n任务x\n");
        assert_eq!(idx.position(0), (1, 1));
        assert_eq!(idx.position(3), (2, 1));
        assert_eq!(idx.position(3 + "任务".len()), (2, 3));
        // Asking for an earlier offset after a later one still works.
        assert_eq!(idx.position(3 + "任".len()), (2, 2));
        assert_eq!(idx.position(3), (2, 1));
        assert_eq!(idx.position(2), (1, 3));
        assert_eq!(idx.position(99), (3, 1));
        let s = idx.span(3, 3 + "任务x".len());
        assert_eq!((s.line, s.column, s.end_line, s.end_column), (2, 1, 2, 4));
    }
}
