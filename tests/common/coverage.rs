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
/// HTML tags at a line's edges (`</p><p align="left">` from a web page's
/// source) may be left out: the parser keeps them in the line's layout, like
/// its padding, and writes them back.
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
    let edge_markup = edge_markup(text, &cover);
    text.char_indices().find_map(|(i, ch)| {
        let ok = if is_padding(ch) || edge_markup[i] {
            cover[i] <= 1
        } else {
            cover[i] == 1
        };
        (!ok).then_some((i, ch, cover[i]))
    })
}

/// Marks the bytes of tags and padding before the first and after the last
/// covered byte of each line.
fn edge_markup(text: &str, cover: &[u32]) -> Vec<bool> {
    let mut marked = vec![false; text.len() + 1];
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let end = start + line.len();
        let covered = |i: &usize| cover[*i] > 0;
        if let (Some(first), Some(last)) = ((start..end).find(covered), (start..end).rfind(covered))
        {
            mark_tags(text, start..first, &mut marked, false);
            mark_tags(text, last + 1..end, &mut marked, true);
        }
        start = end;
    }
    marked
}

/// Marks `range` when it is nothing but padding and tags, read from its
/// start (or, `from_end`, its end).
fn mark_tags(text: &str, range: std::ops::Range<usize>, marked: &mut [bool], from_end: bool) {
    let mut rest = text[range.clone()].trim_matches(is_padding);
    while !rest.is_empty() {
        let len = if from_end {
            trailing_tag(rest)
        } else {
            leading_tag(rest)
        };
        let Some(len) = len else { return };
        rest = if from_end {
            &rest[..rest.len() - len]
        } else {
            &rest[len..]
        };
        rest = rest.trim_matches(is_padding);
    }
    marked[range].iter_mut().for_each(|m| *m = true);
}

/// Length of a tag (`<p>`, `</p>`, `<p align="left">`, `<br/>`, `<!-- -->`)
/// at the start of `s`: a name of ASCII letters and digits, then `>`, `/>`
/// or attributes after a space.
fn leading_tag(s: &str) -> Option<usize> {
    let rest = s.strip_prefix('<')?;
    let end = rest
        .find(['>', '<'])
        .filter(|&i| rest.as_bytes()[i] == b'>')?;
    let inner = &rest[..end];
    let name = inner.strip_prefix('/').unwrap_or(inner);
    let name_len = name
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(name.len());
    let after = &name[name_len..];
    let is_tag = inner.starts_with('!')
        || (name.starts_with(|c: char| c.is_ascii_alphabetic())
            && (after.is_empty()
                || after == "/"
                || after.starts_with(|c: char| c.is_ascii_whitespace())));
    is_tag.then_some(end + 2)
}

/// Length of a tag at the end of `s`.
fn trailing_tag(s: &str) -> Option<usize> {
    let open = s.rfind('<')?;
    (leading_tag(&s[open..]) == Some(s.len() - open)).then_some(s.len() - open)
}

/// Panics naming the first character of `text` that `n` lost or holds twice.
pub fn assert_covered(text: &str, n: &Notice) {
    if let Some((i, ch, times)) = first_uncovered(text, n) {
        let line = text[..i].matches('\n').count() + 1;
        panic!("byte {i} (line {line}, {ch:?}) covered {times} times");
    }
}
