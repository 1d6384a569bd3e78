//! The 政府信息公开 header: `索引号 : 011346509/2021-22221 文  号 : 无`.
//!
//! Several pairs share a line, keys are padded with spaces or U+00A0
//! (`文 \u{a0} 号`), and a value runs until the next key.

use nom::bytes::complete::take_while;
use nom::character::complete::satisfy;
use nom::combinator::recognize;
use nom::multi::many_m_n;
use nom::{IResult, Parser};

use super::trivia::{is_colon, is_space};
use crate::model::MetaKey;

/// Header keys the parser knows, with the typed field each fills. Keys with
/// no field are still recognised as header keys (so they start a header line
/// and end the previous value) and go to `extra`.
const KEYS: &[(&str, Option<MetaKey>)] = &[
    ("索引号", Some(MetaKey::IndexNo)),
    ("索取号", Some(MetaKey::IndexNo)),
    ("索引號", Some(MetaKey::IndexNo)),
    ("发文字号", None),
    ("文号", Some(MetaKey::DocNo)),
    ("文號", Some(MetaKey::DocNo)),
    ("主题分类", Some(MetaKey::Category)),
    ("主題分類", Some(MetaKey::Category)),
    ("发布机构", Some(MetaKey::Publisher)),
    ("發布機構", Some(MetaKey::Publisher)),
    ("名称", Some(MetaKey::Name)),
    ("名稱", Some(MetaKey::Name)),
    ("发布日期", Some(MetaKey::Published)),
    ("發布日期", Some(MetaKey::Published)),
    ("有效性", Some(MetaKey::Validity)),
    ("发文单位", None),
    ("发文机关", None),
    ("发文日期", None),
    ("成文日期", None),
    ("组配分类", None),
    ("信息分类", None),
    ("体裁分类", None),
    ("公开方式", None),
    ("公开范围", None),
    ("生成日期", None),
    ("主题词", None),
    ("关键词", None),
    ("标题", None),
    ("来源", None),
];

/// A key found in a header line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct KeyMatch {
    /// Byte length of the key as written, padding included.
    pub key_len: usize,
    /// Byte length of the key plus spaces, colon and spaces after it.
    pub len: usize,
    /// The key is one the parser knows.
    pub known: bool,
    pub field: Option<MetaKey>,
}

/// One `key: value` pair of a header line, as byte ranges into the line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RawPair {
    pub start: usize,
    pub key: KeyMatch,
    pub value: std::ops::Range<usize>,
}

/// `key` with optional padding between its characters.
fn padded<'a>(key: &'static str) -> impl Fn(&'a str) -> IResult<&'a str, &'a str> {
    move |input: &'a str| {
        let mut rest = input;
        for (i, want) in key.chars().enumerate() {
            if i > 0 {
                rest = take_while(is_space).parse(rest)?.0;
            }
            rest = satisfy(|c| c == want).parse(rest)?.0;
        }
        Ok((rest, &input[..input.len() - rest.len()]))
    }
}

/// Spaces, a colon in either width, spaces.
fn key_separator(input: &str) -> IResult<&str, &str> {
    recognize((
        take_while(is_space),
        satisfy(is_colon),
        take_while(is_space),
    ))
    .parse(input)
}

/// 2–6 Han characters: the shape of a header key the parser does not know.
fn unknown_key(input: &str) -> IResult<&str, &str> {
    recognize(many_m_n(2, 6, satisfy(is_han))).parse(input)
}

pub(crate) fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// A header key followed by its colon at the start of `input`.
pub(crate) fn key_at(input: &str) -> Option<KeyMatch> {
    for &(key, field) in KEYS {
        if let Ok((rest, written)) = padded(key)(input) {
            if let Ok((after, _)) = key_separator(rest) {
                let len = input.len() - after.len();
                return Some(KeyMatch {
                    key_len: written.len(),
                    len,
                    known: true,
                    field,
                });
            }
        }
    }
    let (rest, written) = unknown_key(input).ok()?;
    let (after, _) = key_separator(rest).ok()?;
    Some(KeyMatch {
        key_len: written.len(),
        len: input.len() - after.len(),
        known: false,
        field: None,
    })
}

/// Splits a header line (without indent) into its pairs; `None` unless the
/// line starts with a key.
pub(crate) fn header_pairs(line: &str) -> Option<Vec<RawPair>> {
    let first = key_at(line)?;
    let mut pairs = vec![];
    let mut current = (0, first);
    let mut pos = first.len;
    let mut prev_space = true;
    while pos < line.len() {
        let c = line[pos..].chars().next()?;
        // A new pair starts only after whitespace: `市政府办公室:` inside a value is not a key.
        if prev_space && !is_space(c) {
            if let Some(key) = key_at(&line[pos..]) {
                let value_end = line[..pos].trim_end_matches(is_space).len();
                let (start, key0) = current;
                pairs.push(RawPair {
                    start,
                    key: key0,
                    value: start + key0.len..value_end.max(start + key0.len),
                });
                current = (pos, key);
                pos += key.len;
                prev_space = true;
                continue;
            }
        }
        prev_space = is_space(c);
        pos += c.len_utf8();
    }
    let (start, key) = current;
    let value_end = line.trim_end_matches(is_space).len().max(start + key.len);
    pairs.push(RawPair {
        start,
        key,
        value: start + key.len..value_end,
    });
    Some(pairs)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(line: &str) -> Vec<(&str, &str)> {
        header_pairs(line)
            .unwrap()
            .iter()
            .map(|p| {
                (
                    &line[p.start..p.start + p.key.key_len],
                    &line[p.value.clone()],
                )
            })
            .collect()
    }

    #[test]
    fn splits_pairs_sharing_a_line() {
        let line = "索引号 : 011346509/2021-22221 文 \u{a0} \u{a0} \u{a0} 号 : 无";
        assert_eq!(
            pairs(line),
            [
                ("索引号", "011346509/2021-22221"),
                ("文 \u{a0} \u{a0} \u{a0} 号", "无")
            ]
        );
        assert_eq!(
            pairs("主题分类: 政务督查 发布机构: 赤壁市人民政府办公室").len(),
            2
        );
    }

    #[test]
    fn keeps_unknown_keys_and_empty_values() {
        assert_eq!(
            pairs("来源:市政府 组配分类:"),
            [("来源", "市政府"), ("组配分类", "")]
        );
        assert_eq!(
            pairs("名称: 通知 某某字段: 值"),
            [("名称", "通知"), ("某某字段", "值")]
        );
    }

    #[test]
    fn a_colon_inside_a_value_is_not_a_key() {
        assert_eq!(
            pairs("名称:关于xx的通知:附件"),
            [("名称", "关于xx的通知:附件")]
        );
        assert!(header_pairs("各乡镇人民政府、街道,市政府各部门:").is_none());
    }
}
