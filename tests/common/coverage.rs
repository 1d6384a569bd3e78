//! "Nothing is lost": every non-blank character of the input lies in exactly
//! one line-level element of the model. Shared by the bad-input tests and the
//! fuzz targets (`#[path]`-included there).

use fenjie::Notice;

/// Padding the parser strips from lines: Unicode white space plus the
/// zero-width space and a stray byte-order mark.
pub fn is_padding(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200b}' | '\u{feff}')
}

/// The first character (byte offset, char, times covered) that is not
/// covered as it should be: non-padding exactly once, padding at most once.
pub fn first_uncovered(text: &str, n: &Notice) -> Option<(usize, char, u32)> {
    let mut cover = vec![0u32; text.len() + 1];
    for span in n.line_spans() {
        if span.start > span.end || span.end > text.len() {
            return Some((span.start, '?', u32::MAX));
        }
        for c in &mut cover[span.range()] {
            *c += 1;
        }
    }
    text.char_indices().find_map(|(i, ch)| {
        let ok = if is_padding(ch) {
            cover[i] <= 1
        } else {
            cover[i] == 1
        };
        (!ok).then_some((i, ch, cover[i]))
    })
}

/// Panics naming the first character of `text` that `n` lost or holds twice.
pub fn assert_covered(text: &str, n: &Notice) {
    if let Some((i, ch, times)) = first_uncovered(text, n) {
        let line = text[..i].matches('\n').count() + 1;
        panic!("byte {i} (line {line}, {ch:?}) covered {times} times");
    }
}
