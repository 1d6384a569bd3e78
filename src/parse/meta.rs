//! The 政府信息公开 header: `索引号 : 011346509/2021-22221 文  号 : 无`.
//!
//! Several pairs share a line, keys are padded with spaces or U+00A0
//! (`文 \u{a0} 号`), and a value runs until the next key. Other notices'
//! pages lay the same pairs out as table rows (`索引号: | 1134… | 信息分类: |`),
//! as bullet lists (`• 索引号:…`), or as bare values on lines of their own.

use nom::bytes::complete::take_while;
use nom::character::complete::satisfy;
use nom::combinator::recognize;
use nom::multi::many_m_n;
use nom::{IResult, Parser};

use super::trivia::{is_colon, is_space, TrimSpace};
use crate::model::MetaKey;

/// Header keys the parser knows, with the typed field each fills. Keys with
/// no field are still recognised as header keys (so they start a header line
/// and end the previous value) and go to `extra`.
const KEYS: &[(&str, Option<MetaKey>)] = &[
    ("索引号", Some(MetaKey::IndexNo)),
    ("索取号", Some(MetaKey::IndexNo)),
    ("索引號", Some(MetaKey::IndexNo)),
    ("发文字号", Some(MetaKey::DocNo)),
    ("發文字號", Some(MetaKey::DocNo)),
    ("文号", Some(MetaKey::DocNo)),
    ("文號", Some(MetaKey::DocNo)),
    ("主题分类", Some(MetaKey::Category)),
    ("主題分類", Some(MetaKey::Category)),
    ("发布机构", Some(MetaKey::Publisher)),
    ("發布機構", Some(MetaKey::Publisher)),
    ("名称", Some(MetaKey::Name)),
    ("名稱", Some(MetaKey::Name)),
    ("发布日期", Some(MetaKey::Published)),
    ("发布时间", Some(MetaKey::Published)),
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
    ("标题", Some(MetaKey::Name)),
    ("標題", Some(MetaKey::Name)),
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

/// Spaces, a colon in either width, then spaces and the `|` of a table row.
fn key_separator(input: &str) -> IResult<&str, &str> {
    recognize((
        take_while(is_space),
        satisfy(is_colon),
        take_while(is_cell_padding),
    ))
    .parse(input)
}

/// Padding around a value: spaces, and `|` where the header is a table row.
fn is_cell_padding(c: char) -> bool {
    is_space(c) || c == '|'
}

/// Length of a list bullet (`• `, `· `, `- `) at the start of a line.
pub(crate) fn bullet_len(line: &str) -> usize {
    match line.chars().next() {
        Some(c @ ('•' | '·' | '●' | '▪' | '-' | '*')) => {
            let rest = &line[c.len_utf8()..];
            c.len_utf8() + rest.len() - rest.trim_space_start().len()
        }
        _ => 0,
    }
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
    let first = input.chars().next()?;
    // Keys are tried only when their first character is there: most lines
    // a header is looked for in are prose, and `padded` is a parser per key.
    for &(key, field) in KEYS.iter().filter(|(k, _)| k.starts_with(first)) {
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
/// line starts with a key (after a list bullet, if any).
pub(crate) fn header_pairs(line: &str) -> Option<Vec<RawPair>> {
    let lead = bullet_len(line);
    let first = key_at(&line[lead..])?;
    let mut pairs = vec![];
    let mut current = (lead, first);
    let mut pos = lead + first.len;
    let mut prev_space = true;
    while pos < line.len() {
        let c = line[pos..].chars().next()?;
        // A new pair starts only after whitespace: `市政府办公室:` inside a value is not a key.
        if prev_space && !is_space(c) {
            if let Some(key) = key_at(&line[pos..]) {
                let value_end = line[..pos].trim_end_matches(is_cell_padding).len();
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
    let value_end = line
        .trim_end_matches(is_cell_padding)
        .len()
        .max(start + key.len);
    pairs.push(RawPair {
        start,
        key,
        value: start + key.len..value_end,
    });
    Some(pairs)
}

/// What a header value standing alone on its line (no key) looks like,
/// as a web page lists them under a title: an index number, a document
/// number, a date, a validity word.
pub(crate) fn keyless_field(value: &str) -> Option<MetaKey> {
    if is_index_number(value) {
        Some(MetaKey::IndexNo)
    } else if is_doc_number(value) {
        Some(MetaKey::DocNo)
    } else if super::parse_date(value).is_some() {
        Some(MetaKey::Published)
    } else if matches!(
        value,
        "有效" | "失效" | "废止" | "已废止" | "已失效" | "現行有效"
    ) {
        Some(MetaKey::Validity)
    } else {
        None
    }
}

/// A short value with no sentence punctuation: one more value of a keyless
/// header (综合政务, 长清区政府).
pub(crate) fn is_short_value(value: &str) -> bool {
    value.chars().count() <= 20
        && !value.contains(['。', ',', '\u{ff0c}', ':', '\u{ff1a}', ';', '\u{ff1b}'])
}

/// `113701130042070099-A/2021-4059841`, `011346509/2021-22221`.
fn is_index_number(s: &str) -> bool {
    (10..=40).contains(&s.len())
        && s.contains('/')
        && s.starts_with(|c: char| c.is_ascii_digit())
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '/' | '-'))
}

/// `济长政办字〔2021〕3号`.
fn is_doc_number(s: &str) -> bool {
    s.chars().count() <= 30 && (s.ends_with('号') || s.ends_with('號')) && s.contains(['〔', '['])
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
    fn reads_table_rows_and_bullets() {
        assert_eq!(
            pairs("索引号: | 11341602003166647K/202004-00328 | 信息分类: | 规范性文件 |"),
            [
                ("索引号", "11341602003166647K/202004-00328"),
                ("信息分类", "规范性文件")
            ]
        );
        assert_eq!(
            pairs("成文日期: | 发布日期: | 2020-04-09 08:44 | |"),
            [("成文日期", ""), ("发布日期", "2020-04-09 08:44")]
        );
        assert_eq!(pairs("• 索引号:123/2021-1"), [("索引号", "123/2021-1")]);
        assert_eq!(header_pairs("• 索引号:1").unwrap()[0].start, "• ".len());
    }

    #[test]
    fn knows_keyless_values() {
        assert_eq!(
            keyless_field("113701130042070099-A/2021-4059841"),
            Some(MetaKey::IndexNo)
        );
        assert_eq!(keyless_field("济长政办字〔2021〕3号"), Some(MetaKey::DocNo));
        assert_eq!(keyless_field("2021-04-01"), Some(MetaKey::Published));
        assert_eq!(keyless_field("有效"), Some(MetaKey::Validity));
        assert_eq!(keyless_field("综合政务"), None);
        assert!(is_short_value("综合政务"));
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
