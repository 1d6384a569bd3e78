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

/// Turns byte offsets into [`Span`]s: knows where every line starts and
/// how many chars precede every 8-byte word of the text.
///
/// A position costs a line lookup and one word's count, whatever the order
/// offsets are asked in and however long the line (a 10 MB single line must
/// not cost quadratic time). The counts take one pass over the text and
/// under a fifth of its size: a `u32` per 64-byte block, and a byte per
/// word for the chars before it within its block.
#[derive(Debug)]
pub(crate) struct LineIndex<'a> {
    text: &'a str,
    line_starts: Vec<usize>,
    /// Chars before each block, modulo 2^32: only differences within a
    /// line are used, and a column is a `u32`.
    block_chars: Vec<u32>,
    /// Chars before each word, counted from the start of its block (at
    /// most 56, so a byte holds it).
    word_chars: Vec<u8>,
    /// The line of the last position asked for: most are on the same line.
    last_line: std::cell::Cell<CachedLine>,
}

/// A line of [`LineIndex`]: its bytes, its 0-based number and the chars
/// before it.
#[derive(Debug, Clone, Copy, Default)]
struct CachedLine {
    start: usize,
    /// The next line's start; past the text for the last line.
    end: usize,
    line: usize,
    chars: u32,
}

/// Bytes per block of [`LineIndex::block_chars`].
const BLOCK: usize = 64;

impl<'a> LineIndex<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        // Counting first (memchr-fast) saves growing the vector line by line.
        let lines = memchr::memchr_iter(b'\n', text.as_bytes()).count() + 1;
        let mut line_starts = Vec::with_capacity(lines);
        line_starts.push(0);
        line_starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        let mut block_chars = Vec::with_capacity(text.len() / BLOCK + 1);
        let mut word_counts = Vec::with_capacity(text.len() / 8 + 1);
        let mut chars = 0u32;
        // Whole blocks of whole words first: fixed-size chunks keep this
        // loop, which reads every byte of the input, free of length checks.
        for block in text.as_bytes().chunks_exact(BLOCK) {
            block_chars.push(chars);
            let mut in_block = 0u32;
            for eight in block.chunks_exact(8) {
                // At most 7 words of 8 chars before the last: fits a byte.
                word_counts.push(in_block as u8);
                in_block += word_chars(word(eight), 8);
            }
            chars = chars.wrapping_add(in_block);
        }
        // The last, partial block (or the end): its words' counts too.
        block_chars.push(chars);
        let tail = &text.as_bytes()[text.len() - text.len() % BLOCK..];
        let mut in_block = 0u32;
        for eight in tail.chunks(8) {
            word_counts.push(in_block as u8);
            in_block += word_chars(word(eight), eight.len());
        }
        word_counts.push(in_block as u8);
        LineIndex {
            text,
            line_starts,
            block_chars,
            word_chars: word_counts,
            last_line: std::cell::Cell::default(),
        }
    }

    /// 1-based line and char column of a byte offset.
    // Inlined (as is `chars_before`): it runs for both ends of every span,
    // and the calls cost as much as the cached-line test and word count.
    #[inline]
    pub(crate) fn position(&self, offset: usize) -> (u32, u32) {
        let offset = floor_char_boundary(self.text, offset);
        let mut line = self.last_line.get();
        if !(line.start..line.end).contains(&offset) {
            line = self.line_of(offset, line.line);
            self.last_line.set(line);
        }
        let column = self
            .chars_before(offset)
            .wrapping_sub(line.chars)
            .wrapping_add(1);
        (line.line as u32 + 1, column)
    }

    /// The line holding byte `offset`, the line after `last` (the one last
    /// asked for) tried first: the parser reads forward.
    fn line_of(&self, offset: usize, last: usize) -> CachedLine {
        let starts = &self.line_starts;
        let next_holds = starts.get(last + 1).is_some_and(|&s| s <= offset)
            && starts.get(last + 2).map_or(true, |&next| offset < next);
        let line = if next_holds {
            last + 1
        } else {
            starts.partition_point(|&s| s <= offset) - 1
        };
        CachedLine {
            start: starts[line],
            end: starts.get(line + 1).copied().unwrap_or(usize::MAX),
            line,
            chars: self.chars_before(starts[line]),
        }
    }

    /// Chars before byte `offset` (a char boundary), modulo 2^32: the
    /// block's count, the word's count within it, and the bytes of the word
    /// before `offset`. No branch but the rare word cut off by the end.
    #[inline]
    fn chars_before(&self, offset: usize) -> u32 {
        let before =
            self.block_chars[offset / BLOCK].wrapping_add(u32::from(self.word_chars[offset / 8]));
        let bytes = &self.text.as_bytes()[offset & !7..];
        let w = bytes
            .first_chunk::<8>()
            .map_or_else(|| word(bytes), |eight| u64::from_le_bytes(*eight));
        before.wrapping_add(word_chars(w, offset % 8))
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

/// Up to eight bytes as a little-endian word, zero past the end.
fn word(bytes: &[u8]) -> u64 {
    match <[u8; 8]>::try_from(bytes) {
        Ok(eight) => u64::from_le_bytes(eight),
        Err(_) => {
            let mut padded = [0u8; 8];
            padded[..bytes.len()].copy_from_slice(bytes);
            u64::from_le_bytes(padded)
        }
    }
}

/// The chars started in the first `n` (0–8) bytes of `w`: the bytes that
/// are not continuation bytes (`10xxxxxx`).
fn word_chars(w: u64, n: usize) -> u32 {
    const LOW: u64 = 0x0101_0101_0101_0101;
    let continuation = (w >> 7) & !(w >> 6) & LOW;
    // The low `n` bytes; two shifts, as one by 64 would overflow.
    let keep = !(u64::MAX << (n * 4) << (n * 4));
    // Summing the 0/1 bytes by one multiplication: `count_ones` is a loop
    // on x86-64 without the popcnt feature.
    let continuations = ((continuation & keep).wrapping_mul(LOW) >> 56) as u32;
    n as u32 - continuations
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

    #[test]
    fn columns_agree_with_counting_chars_on_long_lines() {
        // Lines longer than a block, chars straddling block edges.
        let text = format!("{}\n\n{}x\n{}", "任务ab".repeat(40), "é".repeat(70), "一");
        let idx = LineIndex::new(&text);
        let mut offsets: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        offsets.push(text.len());
        // Backwards as well as forwards: no order is assumed.
        for &offset in offsets.iter().rev().chain(&offsets) {
            let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
            let line = text[..offset].matches('\n').count() as u32 + 1;
            let column = text[line_start..offset].chars().count() as u32 + 1;
            assert_eq!(idx.position(offset), (line, column), "offset {offset}");
        }
        // Inside a char: the char's own position.
        assert_eq!(idx.position(1), (1, 1));
    }

    #[test]
    fn the_end_of_every_text_length_has_its_position() {
        // Texts ending on, and just off, word and block edges (8, 64 bytes).
        let long = "任务ab\né1".repeat(20);
        for (end, _) in long.char_indices().chain([(long.len(), ' ')]) {
            let text = &long[..end];
            let idx = LineIndex::new(text);
            let line_start = text.rfind('\n').map_or(0, |i| i + 1);
            let line = text.matches('\n').count() as u32 + 1;
            let column = text[line_start..].chars().count() as u32 + 1;
            assert_eq!(idx.position(end), (line, column), "length {end}");
        }
    }
}
