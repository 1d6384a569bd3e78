//! Numbering markers at the start of a line: `一、`, `(一)`, `57.`.

use nom::branch::alt;
use nom::bytes::complete::{take_while, take_while_m_n};
use nom::character::complete::{char, satisfy};
use nom::combinator::{map_opt, not, peek, recognize};
use nom::sequence::terminated;
use nom::{IResult, Parser};

use super::numeral::{chinese_numeral, is_numeral_char};
use super::trivia::{digit_value, is_close_paren, is_open_paren, is_zero_width};

/// Which kind of numbering a marker is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MarkerKind {
    /// `一、` — a section (or a requirement of the letter).
    Numeral,
    /// `(一)` — a subsection, or a task when its line ends in an attribution.
    ParenNumeral,
    /// `57.` / `57、` — a task.
    Arabic,
}

/// A marker found at the start of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Marker<'a> {
    pub kind: MarkerKind,
    /// The marker as written.
    pub text: &'a str,
    pub number: u32,
}

/// Reads a marker at the start of `line`, if there is one.
pub(crate) fn marker(line: &str) -> Option<Marker<'_>> {
    alt((numeral_marker, paren_numeral_marker, arabic_marker))
        .parse(line)
        .ok()
        .map(|(_, m)| m)
}

fn numeral(input: &str) -> IResult<&str, u32> {
    map_opt(take_while_m_n(1, 3, is_numeral_char), chinese_numeral).parse(input)
}

/// Zero-width characters between the parts of a marker (see [`is_zero_width`]).
fn zero_width(input: &str) -> IResult<&str, &str> {
    take_while(is_zero_width).parse(input)
}

/// `一、`
fn numeral_marker(input: &str) -> IResult<&str, Marker<'_>> {
    let (rest, text) = recognize((numeral, zero_width, char('、'))).parse(input)?;
    let number = numeral(text)?.1;
    Ok((
        rest,
        Marker {
            kind: MarkerKind::Numeral,
            text,
            number,
        },
    ))
}

/// `(一)` in either width.
fn paren_numeral_marker(input: &str) -> IResult<&str, Marker<'_>> {
    let (rest, text) = recognize((
        satisfy(is_open_paren),
        zero_width,
        numeral,
        zero_width,
        satisfy(is_close_paren),
    ))
    .parse(input)?;
    let inner =
        text[text.chars().next().map_or(0, char::len_utf8)..].trim_start_matches(is_zero_width);
    let number = numeral(inner)?.1;
    Ok((
        rest,
        Marker {
            kind: MarkerKind::ParenNumeral,
            text,
            number,
        },
    ))
}

/// `57.`, `57.`, `57、`, `\u{ff15}\u{ff17}.` — but not the decimal `12.8`.
fn arabic_marker(input: &str) -> IResult<&str, Marker<'_>> {
    let is_digit = |c: char| digit_value(c).is_some();
    let digits = take_while_m_n(1, 6, is_digit);
    let dot = alt((char('.'), char('\u{ff0e}'), char('、')));
    let (rest, text) = recognize(terminated(
        (digits, zero_width, dot),
        peek(not(satisfy(is_digit))),
    ))
    .parse(input)?;
    // At most six digits, so the number fits.
    let number = text
        .chars()
        .filter_map(digit_value)
        .fold(0, |n, d| n * 10 + d);
    Ok((
        rest,
        Marker {
            kind: MarkerKind::Arabic,
            text,
            number,
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_each_marker_kind() {
        let m = marker("十、加强政府自身建设").unwrap();
        assert_eq!(
            (m.kind, m.text, m.number),
            (MarkerKind::Numeral, "十、", 10)
        );
        let m = marker("\u{ff08}十\u{ff09}鼓励粮食生产").unwrap();
        assert_eq!(
            (m.kind, m.text, m.number),
            (MarkerKind::ParenNumeral, "\u{ff08}十\u{ff09}", 10)
        );
        let m = marker("(二十一)x").unwrap();
        assert_eq!((m.text, m.number), ("(二十一)", 21));
        let m = marker("114.加强廉洁政府建设").unwrap();
        assert_eq!(
            (m.kind, m.text, m.number),
            (MarkerKind::Arabic, "114.", 114)
        );
        assert_eq!(marker("3、x").unwrap().number, 3);
    }

    #[test]
    fn reads_full_width_digits_and_zero_width_spaces() {
        let m = marker("\u{ff11}\u{ff11}\u{ff17}\u{ff0e}x").unwrap();
        assert_eq!((m.kind, m.number), (MarkerKind::Arabic, 117));
        assert_eq!(marker("1\u{200b}.x").unwrap().text, "1\u{200b}.");
        assert_eq!(marker("一\u{200b}、x").unwrap().number, 1);
        assert_eq!(marker("(\u{200b}二)x").unwrap().number, 2);
        assert!(marker("\u{ff11}\u{ff12}.\u{ff18}亿元").is_none());
    }

    #[test]
    fn rejects_what_only_looks_like_a_marker() {
        assert!(marker("12.8亿元的新兴非织造产业园").is_none());
        assert!(marker("2021年是开局之年").is_none());
        assert!(marker("一把手负总责").is_none());
        assert!(marker("(责任领导:张三)").is_none());
        assert!(marker("").is_none());
    }
}
