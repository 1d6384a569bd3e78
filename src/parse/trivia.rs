//! Whitespace and punctuation in both widths.
//!
//! Published notices mix ASCII `( ) , : ;` with full-width `( ) , : ;`, pad
//! with U+00A0 and U+3000 copied from web pages and Word, and sometimes carry
//! zero-width spaces. Everything here accepts all of them.

use std::ops::Range;

/// The low twelve bits of a three-byte UTF-8 character, from its last two
/// bytes: the index the byte scanners' 4 096-entry tables use to rule out
/// most characters without decoding them.
pub(crate) const fn low_bits(b1: u8, b2: u8) -> usize {
    (((b1 & 0x3f) as usize) << 6) | ((b2 & 0x3f) as usize)
}

/// The character of a three-byte UTF-8 sequence (first byte `1110xxxx`),
/// for scanners that read bytes and decode only the characters they stop at.
pub(crate) fn decode3(b0: u8, b1: u8, b2: u8) -> Option<char> {
    char::from_u32(u32::from(b0 & 0x0f) << 12 | u32::from(b1 & 0x3f) << 6 | u32::from(b2 & 0x3f))
}

/// Spaces a notice may pad with: ASCII space, tab, NBSP, ideographic space,
/// zero-width space, a stray BOM, and a carriage return that is not part of
/// a line ending (`\r\r\n` from CRLF text converted once more).
pub(crate) fn is_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t'
            | '\r'
            | '\u{a0}'
            | '\u{3000}'
            | '\u{200b}'
            | '\u{feff}'
            | '\u{2002}'
            | '\u{2003}'
    )
}

/// Trimming [`is_space`] padding. Most strings the parser trims start and
/// end with a Han character or ASCII text, which one byte rules out: the
/// `str` methods would decode a character and test nine for each call.
pub(crate) trait TrimSpace {
    /// The string without leading padding.
    fn trim_space_start(&self) -> &str;
    /// The string without trailing padding.
    fn trim_space_end(&self) -> &str;
    /// The string without padding at either end.
    fn trim_space(&self) -> &str {
        self.trim_space_start().trim_space_end()
    }
}

impl TrimSpace for str {
    fn trim_space_start(&self) -> &str {
        // The first bytes of the characters of `is_space`.
        match self.as_bytes().first() {
            Some(b' ' | b'\t' | b'\r' | 0xc2 | 0xe2 | 0xe3 | 0xef) => {
                self.trim_start_matches(is_space)
            }
            _ => self,
        }
    }

    fn trim_space_end(&self) -> &str {
        // The last bytes of the characters of `is_space`.
        match self.as_bytes().last() {
            Some(b' ' | b'\t' | b'\r' | 0x80 | 0x82 | 0x83 | 0x8b | 0xa0 | 0xbf) => {
                self.trim_end_matches(is_space)
            }
            _ => self,
        }
    }
}

/// The value of an ASCII or full-width digit (`7`, `\u{ff17}`): notices
/// typed with the input method in full-width mode write `\u{ff11}\u{ff11}\u{ff17}.`.
pub(crate) fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => c.to_digit(10),
        '\u{ff10}'..='\u{ff19}' => Some(c as u32 - 0xff10),
        _ => None,
    }
}

/// The range `r` of `s` without the padding at either end.
pub(crate) fn trimmed(s: &str, r: Range<usize>) -> Range<usize> {
    let (lead, content, _) = split_padding(&s[r.clone()]);
    let start = r.start + lead.len();
    start..start + content.len()
}

/// Splits `s` into (leading whitespace, content, trailing whitespace).
pub(crate) fn split_padding(s: &str) -> (&str, &str, &str) {
    let content_start = s.len() - s.trim_space_start().len();
    let rest = &s[content_start..];
    let content = rest.trim_space_end();
    (&s[..content_start], content, &rest[content.len()..])
}

/// Splits a line into (lead, content, trail) where lead and trail are
/// whitespace and HTML tags (`</p><p align=\"left\">`): text copied out of
/// a web page's source or a database dump wraps every line in tags.
/// Returns whether any tag was peeled off.
pub(crate) fn split_line(s: &str) -> (&str, &str, &str, bool) {
    let (lead, content, trail) = split_padding(s);
    // Cheap test first: almost every line starts and ends with text.
    if !(content.starts_with('<') || content.ends_with('>')) {
        return (lead, content, trail, false);
    }
    let mut start = s.len() - s.trim_space_start().len();
    let mut end = s.trim_space_end().len();
    let mut markup = false;
    while let Some(len) = leading_tag(&s[start..end]) {
        start += len;
        start += s[start..end].len() - s[start..end].trim_space_start().len();
        markup = true;
    }
    while let Some(len) = trailing_tag(&s[start..end]) {
        end -= len;
        end = start + s[start..end].trim_space_end().len();
        markup = true;
    }
    (&s[..start], &s[start..end], &s[end..], markup)
}

/// Length of an HTML tag (`<p>`, `</p>`, `<p align=\"left\">`, `<br/>`,
/// `<!-- -->`) at the start of `s`. Only a tag's shape counts: a name of
/// ASCII letters and digits, then `>`, `/>` or attributes after a space —
/// `<P:>` is text, and stays in the line's content.
fn leading_tag(s: &str) -> Option<usize> {
    let rest = s.strip_prefix('<')?;
    let end = rest
        .find(['>', '<'])
        .filter(|&i| rest.as_bytes()[i] == b'>')?;
    let inner = &rest[..end];
    let is_tag = inner.starts_with('!') || {
        let name = inner.strip_prefix('/').unwrap_or(inner);
        let name_len = name
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(name.len());
        let after = &name[name_len..];
        name.starts_with(|c: char| c.is_ascii_alphabetic())
            && (after.is_empty()
                || after == "/"
                || after.starts_with(|c: char| c.is_ascii_whitespace()))
    };
    is_tag.then_some(end + 2)
}

/// Length of an HTML tag at the end of `s`.
fn trailing_tag(s: &str) -> Option<usize> {
    let body = s.strip_suffix('>')?;
    let open = body
        .rfind(['<', '>'])
        .filter(|&i| body.as_bytes()[i] == b'<')?;
    leading_tag(&s[open..]).filter(|&len| open + len == s.len())?;
    Some(s.len() - open)
}

/// `(` or `(`.
pub(crate) fn is_open_paren(c: char) -> bool {
    matches!(c, '(' | '\u{ff08}')
}

/// `)` or `)`.
pub(crate) fn is_close_paren(c: char) -> bool {
    matches!(c, ')' | '\u{ff09}')
}

/// `:` or `:`.
pub(crate) fn is_colon(c: char) -> bool {
    matches!(c, ':' | '\u{ff1a}')
}

/// `;` or `;`.
pub(crate) fn is_semicolon(c: char) -> bool {
    matches!(c, ';' | '\u{ff1b}')
}

/// Separators between names in a list: `、`, `,`, `,`.
pub(crate) fn is_name_separator(c: char) -> bool {
    matches!(c, '、' | ',' | '\u{ff0c}')
}

/// The closing partner of an opening bracket or quote, if `c` is one.
pub(crate) fn closing_partner(c: char) -> Option<char> {
    Some(match c {
        '(' => ')',
        '\u{ff08}' => '\u{ff09}',
        '[' => ']',
        '【' => '】',
        '\u{ff3b}' => '\u{ff3d}',
        '《' => '》',
        '“' => '”',
        '‘' => '’',
        '〔' => '〕',
        _ => return None,
    })
}

/// The opening partner of a closing bracket or quote, if `c` is one.
pub(crate) fn opening_partner(c: char) -> Option<char> {
    Some(match c {
        ')' => '(',
        '\u{ff09}' => '\u{ff08}',
        ']' => '[',
        '】' => '【',
        '\u{ff3d}' => '\u{ff3b}',
        '》' => '《',
        '”' => '“',
        '’' => '‘',
        '〕' => '〔',
        _ => return None,
    })
}

/// True for a bracket or quote: a character with a partner.
fn is_paired(c: char) -> bool {
    closing_partner(c).is_some() || opening_partner(c).is_some()
}

/// The first byte of a Han ideograph U+4000–U+9FFF (three bytes in UTF-8).
pub(crate) fn is_ideograph_start(b: u8) -> bool {
    (0xe4..=0xe9).contains(&b)
}

/// The ASCII and three-byte characters of `s` other than Han ideographs,
/// with their offsets, last first: where backward scanners find what they
/// look for (brackets, quotes, clause breaks: a test checks that each is
/// one of these). Ideographs (U+4000–U+9FFF, first byte E4–E9), most of a
/// Chinese text, are passed one test each and never decoded; so are the
/// bytes of two- and four-byte characters.
pub(crate) fn marks_back(s: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let bytes = s.as_bytes();
    let mut end = bytes.len();
    std::iter::from_fn(move || {
        while end > 0 {
            // Testing four ideographs at a time lost more to mispredicted
            // exits than it saved: names and phrases are short.
            while end >= 3 && is_ideograph_start(bytes[end - 3]) {
                end -= 3;
            }
            let b = *bytes.get(end.checked_sub(1)?)?;
            if b.is_ascii() {
                end -= 1;
                return Some((end, char::from(b)));
            }
            // A three-byte character ends here when its first byte is
            // three back; other bytes are stepped over one by one.
            match bytes.get(end.saturating_sub(3)..end) {
                Some(&[b0, b1, b2]) if b0 & 0xf0 == 0xe0 => {
                    end -= 3;
                    return Some((end, decode3(b0, b1, b2)?));
                }
                _ => end -= 1,
            }
        }
        None
    })
}

/// The brackets and quotes of `s` with their offsets, last first.
pub(crate) fn paired_rev(s: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    marks_back(s).filter(|&(_, c)| is_paired(c))
}

/// Byte offset of the first unbalanced opening bracket or quote in `s`, or of
/// a closing one with no opener; `None` when everything pairs up.
pub(crate) fn first_unbalanced(s: &str) -> Option<usize> {
    let mut stack: Vec<(char, usize)> = Vec::new();
    for (i, c) in s.char_indices() {
        if let Some(close) = closing_partner(c) {
            stack.push((close, i));
        } else if opening_partner(c).is_some() {
            match stack.last() {
                Some(&(want, _)) if want == c => {
                    stack.pop();
                }
                // Full-width and ASCII parentheses are mixed in real notices:
                // `(赤壁)` still pairs.
                Some(&(want, _)) if is_close_paren(want) && is_close_paren(c) => {
                    stack.pop();
                }
                _ => return Some(i),
            }
        }
    }
    stack.first().map(|&(_, i)| i)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    #[test]
    fn every_bracket_and_quote_is_ascii_or_three_bytes_and_not_han() {
        let odd = (0..0x11_0000u32)
            .filter_map(char::from_u32)
            .filter(|&c| is_paired(c))
            .find(|&c| !is_mark(c));
        assert_eq!(odd, None);
    }

    /// What [`marks_back`] yields.
    pub(crate) fn is_mark(c: char) -> bool {
        c.is_ascii() || c.len_utf8() == 3 && !('\u{4000}'..='\u{9fff}').contains(&c)
    }

    #[test]
    fn marks_are_every_character_but_ideographs_and_other_lengths_last_first() {
        let s = "甲(乙“丙”),x。é😀\u{a0}四个汉字;五个汉字呢\u{ff0c}";
        let mut expected: Vec<(usize, char)> =
            s.char_indices().filter(|&(_, c)| is_mark(c)).collect();
        expected.reverse();
        assert_eq!(expected.len(), 9);
        assert_eq!(marks_back(s).collect::<Vec<_>>(), expected);
        assert_eq!(marks_back("任务").count(), 0);
        assert_eq!(marks_back("").count(), 0);
    }

    #[test]
    fn brackets_and_quotes_are_found_last_first() {
        let s = "甲(乙“丙”)【丁〕x]\u{ff09}é😀\u{a0}四个汉字(五个汉字呢)";
        let expected: Vec<(usize, char)> = s
            .char_indices()
            .rev()
            .filter(|&(_, c)| is_paired(c))
            .collect();
        assert_eq!(expected.len(), 10);
        assert_eq!(paired_rev(s).collect::<Vec<_>>(), expected);
        assert_eq!(paired_rev("任务").count(), 0);
    }

    #[test]
    fn every_space_is_trimmed_at_either_end() {
        // All of them, so that the byte tests of `TrimSpace` miss none.
        let spaces: Vec<char> = (0..0x11_0000u32)
            .filter_map(char::from_u32)
            .filter(|&c| is_space(c))
            .collect();
        assert_eq!(spaces.len(), 9);
        for c in spaces {
            let padded = format!("{c}{c}任务{c}");
            assert_eq!(padded.trim_space(), "任务", "U+{:04X}", u32::from(c));
            assert_eq!(padded.trim_space_start(), format!("任务{c}"));
            assert_eq!(padded.trim_space_end(), format!("{c}{c}任务"));
        }
        assert_eq!("任务".trim_space(), "任务");
        assert_eq!("".trim_space(), "");
    }

    #[test]
    fn padding_of_all_kinds_is_split_off() {
        assert_eq!(
            split_padding("\u{3000} 任务\u{a0}\t"),
            ("\u{3000} ", "任务", "\u{a0}\t")
        );
        assert_eq!(split_padding("   "), ("   ", "", ""));
        assert_eq!(split_padding("x"), ("", "x", ""));
    }

    #[test]
    fn html_tags_at_line_edges_are_split_off() {
        let line = "\t\u{3000}二、实施计划</p><p align=\\\"left\\\">";
        let (lead, content, trail, markup) = split_line(line);
        assert_eq!(
            (lead, content, markup),
            ("\t\u{3000}", "二、实施计划", true)
        );
        assert_eq!(trail, "</p><p align=\\\"left\\\">");
        assert_eq!(split_line("<p>任务</p>"), ("<p>", "任务", "</p>", true));
        assert_eq!(split_line(" a<b "), (" ", "a<b", " ", false));
        assert_eq!(split_line("x >"), ("", "x >", "", false));
        // Only a tag's shape is markup.
        assert_eq!(split_line("责任单位<P:>"), ("", "责任单位<P:>", "", false));
        assert_eq!(split_line("任务<br/>"), ("", "任务", "<br/>", true));
    }

    #[test]
    fn brackets_balance_across_widths() {
        assert_eq!(first_unbalanced("湖北技术交易大市场(赤壁)"), None);
        assert_eq!(first_unbalanced("“四好”《图集》(x)"), None);
        assert_eq!(first_unbalanced("建成\u{ff08}赤壁)"), None);
        assert_eq!(first_unbalanced("建成“四好农村路"), Some("建成".len()));
        assert_eq!(first_unbalanced("建成)"), Some("建成".len()));
    }
}
