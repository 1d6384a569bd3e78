//! "Nothing is lost": every non-blank character of the input lies in exactly
//! one line-level element of the model. Shared by the bad-input tests and the
//! fuzz targets (`#[path]`-included there).

use fenjie::{Notice, Span};

/// Spans of the elements that stand for whole lines (or, in the header, whole pairs).
pub fn line_spans(n: &Notice) -> Vec<Span> {
    let mut spans = vec![];
    spans.extend(n.title.iter().map(|t| t.span));
    spans.extend(n.meta.fields.iter().map(|f| f.span));
    let l = &n.letter;
    spans.extend(l.addressee_line.iter().map(|t| t.span));
    spans.extend(l.paragraphs.iter().map(|t| t.span));
    spans.extend(l.requirements.iter().map(|t| t.span));
    spans.extend(l.attachments.iter().map(|t| t.span));
    spans.extend(l.signatory.iter().map(|t| t.span));
    spans.extend(l.signed_line.iter().map(|t| t.span));
    for a in n.attachments() {
        if !a.heading.span.is_empty() {
            spans.push(a.heading.span);
        }
        spans.extend(a.title.iter().map(|t| t.span));
        for s in &a.sections {
            if !s.span.is_empty() {
                spans.push(s.span);
            }
            spans.extend(s.tasks.iter().map(|t| t.span));
            for sub in &s.subsections {
                spans.push(sub.span);
                sub.tasks.iter().for_each(|t| spans.push(t.span));
            }
        }
    }
    spans.extend(n.unrecognized.iter().map(|t| t.span));
    spans
}

/// Padding the parser strips from lines: Unicode white space plus the
/// zero-width space and a stray byte-order mark.
pub fn is_padding(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200b}' | '\u{feff}')
}

/// The first character (byte offset, char, times covered) that is not
/// covered as it should be: non-padding exactly once, padding at most once.
pub fn first_uncovered(text: &str, n: &Notice) -> Option<(usize, char, u32)> {
    let mut cover = vec![0u32; text.len() + 1];
    for span in line_spans(n) {
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
