//! Numbering markers at the start of a line: `一、`, `(一)`, `57.`, and the
//! other notices' `第一部分`, `(1)`, `①`.

use nom::branch::alt;
use nom::bytes::complete::{tag, take_while, take_while_m_n};
use nom::character::complete::{char, satisfy};
use nom::combinator::{map_opt, not, peek, recognize};
use nom::sequence::terminated;
use nom::{IResult, Parser};

use super::numeral::{chinese_numeral, is_numeral_char};
use super::trivia::{digit_value, is_close_paren, is_colon, is_open_paren};

/// Which kind of numbering a marker is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MarkerKind {
    /// `一、` — a section (or a requirement of the letter).
    Numeral,
    /// `(一)` — a subsection, or a task when its line ends in an attribution.
    ParenNumeral,
    /// `57.` / `57、` — a task.
    Arabic,
    /// `第一部分` — a section, in notices that divide into parts.
    Part,
    /// `(1)` — a task.
    ParenArabic,
    /// `①` — a task.
    Circled,
}

impl MarkerKind {
    /// Markers that only ever number tasks.
    pub(crate) fn is_task(self) -> bool {
        matches!(
            self,
            MarkerKind::Arabic | MarkerKind::ParenArabic | MarkerKind::Circled
        )
    }

    /// Markers that number sections (or the letter's requirements).
    pub(crate) fn is_section(self) -> bool {
        matches!(self, MarkerKind::Numeral | MarkerKind::Part)
    }
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
    // Most lines of a notice start with a marker or with text; dispatch on
    // the first character instead of trying every form.
    let parsed = match line.chars().next()? {
        c if is_numeral_char(c) => numeral_marker(line),
        c if is_open_paren(c) => alt((paren_numeral_marker, paren_arabic_marker)).parse(line),
        '0'..='9' | '\u{ff10}'..='\u{ff19}' => arabic_marker(line),
        '第' => part_marker(line),
        '\u{2460}'..='\u{2473}' => circled_marker(line),
        _ => return None,
    };
    parsed.ok().map(|(_, m)| m)
}

fn numeral(input: &str) -> IResult<&str, u32> {
    map_opt(take_while_m_n(1, 3, is_numeral_char), chinese_numeral).parse(input)
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

/// Zero-width characters between the parts of a marker: text copied from
/// web pages carries them anywhere, even inside `1\u{200b}.`.
fn zero_width(input: &str) -> IResult<&str, &str> {
    take_while(is_zero_width).parse(input)
}

fn is_zero_width(c: char) -> bool {
    matches!(c, '\u{200b}' | '\u{feff}')
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

/// `第一部分`, followed by nothing, a space, `、` or a colon.
fn part_marker(input: &str) -> IResult<&str, Marker<'_>> {
    let (rest, text) = recognize((
        char('第'),
        numeral,
        tag("部分"),
        nom::combinator::opt(satisfy(|c| c == '、' || is_colon(c))),
    ))
    .parse(input)?;
    let number = numeral(&text['第'.len_utf8()..])?.1;
    Ok((
        rest,
        Marker {
            kind: MarkerKind::Part,
            text,
            number,
        },
    ))
}

/// `(1)` in either width.
fn paren_arabic_marker(input: &str) -> IResult<&str, Marker<'_>> {
    let digits = take_while_m_n(1, 4, |c: char| c.is_ascii_digit());
    let (rest, text) =
        recognize((satisfy(is_open_paren), digits, satisfy(is_close_paren))).parse(input)?;
    let number = text
        .trim_matches(|c: char| !c.is_ascii_digit())
        .parse()
        .map_err(|_| {
            nom::Err::Error(nom::error::Error::new(input, nom::error::ErrorKind::Digit))
        })?;
    Ok((
        rest,
        Marker {
            kind: MarkerKind::ParenArabic,
            text,
            number,
        },
    ))
}

/// `①` … `⑳`.
fn circled_marker(input: &str) -> IResult<&str, Marker<'_>> {
    let (rest, c) = satisfy(|c| ('\u{2460}'..='\u{2473}').contains(&c)).parse(input)?;
    Ok((
        rest,
        Marker {
            kind: MarkerKind::Circled,
            text: &input[..c.len_utf8()],
            number: c as u32 - 0x245f,
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
    fn reads_the_other_notices_markers() {
        let m = marker("第三部分 深化改革").unwrap();
        assert_eq!(
            (m.kind, m.text, m.number),
            (MarkerKind::Part, "第三部分", 3)
        );
        assert_eq!(marker("第二部分、改革").unwrap().text, "第二部分、");
        let m = marker("(12)做事").unwrap();
        assert_eq!(
            (m.kind, m.text, m.number),
            (MarkerKind::ParenArabic, "(12)", 12)
        );
        let m = marker("\u{ff08}3\u{ff09}做事").unwrap();
        assert_eq!((m.kind, m.number), (MarkerKind::ParenArabic, 3));
        let m = marker("\u{2462}做事").unwrap();
        assert_eq!((m.kind, m.number), (MarkerKind::Circled, 3));
        assert!(marker("第一次会议").is_none());
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
