//! Dates as notices write them: `2021年1月27日`, `2021年07月07日`, `2021-07-07`.

use nom::bytes::complete::take_while_m_n;
use nom::character::complete::{char, satisfy};
use nom::combinator::{all_consuming, map, opt, rest};
use nom::sequence::preceded;
use nom::{IResult, Parser};

use super::trivia::digit_value;
use crate::model::Date;

/// `min` to `max` digits, ASCII or full-width (`\u{ff12}\u{ff10}\u{ff12}\u{ff11}年`).
fn number(input: &str, min: usize, max: usize) -> IResult<&str, u32> {
    map(
        take_while_m_n(min, max, |c: char| digit_value(c).is_some()),
        |digits: &str| {
            digits
                .chars()
                .filter_map(digit_value)
                .fold(0, |n, d| n * 10 + d)
        },
    )
    .parse(input)
}

/// `2021年1月27日`
fn chinese_date(input: &str) -> IResult<&str, (u32, u32, u32)> {
    (
        |i| number(i, 4, 4),
        preceded(char('年'), |i| number(i, 1, 2)),
        preceded(char('月'), |i| number(i, 1, 2)),
    )
        .parse(input)
        .and_then(|(i, ymd)| char('日').parse(i).map(|(i, _)| (i, ymd)))
}

/// `2021-07-07`, optionally followed by a time (`2021-07-07 10:30:00`), which is dropped.
fn iso_date(input: &str) -> IResult<&str, (u32, u32, u32)> {
    let (input, ymd) = (
        |i| number(i, 4, 4),
        preceded(satisfy(|c| c == '-' || c == '/'), |i| number(i, 1, 2)),
        preceded(satisfy(|c| c == '-' || c == '/'), |i| number(i, 1, 2)),
    )
        .parse(input)?;
    let (input, _) = opt(preceded(satisfy(|c| c == ' ' || c == 'T'), rest)).parse(input)?;
    Ok((input, ymd))
}

/// A whole string that is one date, in either form.
pub(crate) fn parse_date(s: &str) -> Option<Date> {
    let (_, (y, m, d)) = all_consuming(nom::branch::alt((chinese_date, iso_date)))
        .parse(s.trim())
        .ok()?;
    Date::new(y as u16, u8::try_from(m).ok()?, u8::try_from(d).ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_both_forms() {
        assert_eq!(parse_date("2021年1月27日"), Date::new(2021, 1, 27));
        assert_eq!(parse_date("2021年07月07日"), Date::new(2021, 7, 7));
        assert_eq!(parse_date("2021-07-07"), Date::new(2021, 7, 7));
        assert_eq!(parse_date("2021-07-07 10:30:00"), Date::new(2021, 7, 7));
        assert_eq!(parse_date("2021/7/7"), Date::new(2021, 7, 7));
        let full_width = "\u{ff12}\u{ff10}\u{ff12}\u{ff11}年\u{ff11}月\u{ff12}\u{ff17}日";
        assert_eq!(parse_date(full_width), Date::new(2021, 1, 27));
    }

    #[test]
    fn rejects_non_dates() {
        for s in [
            "2021年",
            "2021年2月30日",
            "2021年1月27日前",
            "21-07-07",
            "有效",
        ] {
            assert_eq!(parse_date(s), None, "{s}");
        }
    }
}
