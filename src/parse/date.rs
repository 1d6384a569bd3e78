//! Dates as notices write them: `2021年1月27日`, `2021年07月07日`, `2021-07-07`;
//! and deadlines (完成时限) as they write them: `2021年12月底前`, `6月底前`.

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

/// `底`, `末`, `前`, `之前`, `完成` in any order after a deadline's date: none
/// of them moves the last day allowed.
fn deadline_tail(input: &str) -> IResult<&str, ()> {
    let word = nom::branch::alt((
        nom::bytes::complete::tag("底"),
        nom::bytes::complete::tag("末"),
        nom::bytes::complete::tag("之前"),
        nom::bytes::complete::tag("前"),
        nom::bytes::complete::tag("完成"),
    ));
    nom::multi::many0(word).map(|_| ()).parse(input)
}

/// A year `2021年`.
fn year(input: &str) -> IResult<&str, u32> {
    nom::sequence::terminated(|i| number(i, 4, 4), char('年')).parse(input)
}

/// `[2021年]12月[31日]`: (year, month, day).
fn month_day(input: &str) -> IResult<&str, (Option<u32>, u32, Option<u32>)> {
    (
        opt(year),
        nom::sequence::terminated(|i| number(i, 1, 2), char('月')),
        opt(nom::sequence::terminated(|i| number(i, 1, 2), char('日'))),
    )
        .parse(input)
}

/// The last day a deadline allows, where it names one: `2021年12月底前` →
/// 2021-12-31, `6月底前` → June 30 of `year` (the notice's), `2021年底前`
/// → 2021-12-31, `上半年` → June 30. `长期坚持`, `持续推进`, `年内` name no
/// day and give `None`.
pub(crate) fn parse_deadline(text: &str, year_of_notice: Option<u16>) -> Option<Date> {
    let text = text.trim();
    if let Ok((_, ((y, m, d), _))) = all_consuming((month_day, deadline_tail)).parse(text) {
        let year = y.map_or(year_of_notice, |y| u16::try_from(y).ok())?;
        let month = u8::try_from(m).ok()?;
        return match d {
            Some(d) => Date::new(year, month, u8::try_from(d).ok()?),
            None => last_day(year, month),
        };
    }
    let (rest, y) = opt(year).parse(text).ok()?;
    let year = y.map_or(year_of_notice, |y| u16::try_from(y).ok())?;
    let month = match rest {
        _ if y.is_some()
            && all_consuming(deadline_tail).parse(rest).is_ok()
            && !rest.is_empty() =>
        {
            12
        }
        "年底" | "年底前" | "年末" | "年底前完成" => 12,
        "上半年" | "上半年前" | "6月份" => 6,
        "一季度" | "第一季度" | "一季度末" | "第一季度末" => 3,
        "二季度" | "第二季度" | "二季度末" | "第二季度末" => 6,
        "三季度" | "第三季度" | "三季度末" | "第三季度末" => 9,
        "四季度" | "第四季度" | "下半年" | "四季度末" | "第四季度末" => 12,
        _ => return None,
    };
    last_day(year, month)
}

/// True for a phrase that is a deadline, with or without a day it names
/// (`2021年底前完成`, `6月底前`, `长期坚持`): a deadline written among
/// prose phrases rather than under a key.
pub(crate) fn is_deadline(text: &str) -> bool {
    matches!(
        text.trim(),
        "长期坚持" | "持续推进" | "长期" | "年内完成" | "年内" | "長期堅持" | "持續推進"
    ) || parse_deadline(text, Some(2000)).is_some()
}

/// The last day of a month.
fn last_day(year: u16, month: u8) -> Option<Date> {
    (28..=31).rev().find_map(|d| Date::new(year, month, d))
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
    fn reads_deadlines() {
        let d = |s: &str| parse_deadline(s, Some(2021)).map(|d| d.to_string());
        assert_eq!(d("2021年12月底前").as_deref(), Some("2021-12-31"));
        assert_eq!(d("2022年6月底").as_deref(), Some("2022-06-30"));
        assert_eq!(d("6月底前").as_deref(), Some("2021-06-30"));
        assert_eq!(d("2月底前").as_deref(), Some("2021-02-28"));
        assert_eq!(d("2021年9月30日前").as_deref(), Some("2021-09-30"));
        assert_eq!(d("2021年底前").as_deref(), Some("2021-12-31"));
        assert_eq!(d("年底前").as_deref(), Some("2021-12-31"));
        assert_eq!(d("上半年").as_deref(), Some("2021-06-30"));
        for s in ["长期坚持", "持续推进", "年内", "2021年"] {
            assert_eq!(d(s), None, "{s}");
        }
        assert_eq!(parse_deadline("6月底前", None), None);
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
