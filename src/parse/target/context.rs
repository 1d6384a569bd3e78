//! Reading a quantity's surroundings: clause limits, quoted names, the
//! predicate words before the number, the comparator after it, and the
//! phrases that name the metric.

use std::ops::Range;
use std::sync::LazyLock;

use crate::model::{Comparator, Direction};
use crate::parse::trivia::{
    closing_partner, first_unbalanced, is_space, marks_back, paired_rev, TrimSpace,
};

use super::words::{self, Role};

/// Ends a clause: a target's comparator, change word and metric lie within one.
pub(super) fn is_clause_break(c: char) -> bool {
    matches!(
        c,
        ',' | ';'
            | ':'
            | '!'
            | '?'
            | '。'
            | '\n'
            | '\r'
            | '\u{ff0c}'
            | '\u{ff1b}'
            | '\u{ff1a}'
            | '\u{ff01}'
            | '\u{ff1f}'
    )
}

/// Ends an item of an enumeration as well as a clause.
pub(super) fn is_item_break(c: char) -> bool {
    c == '、' || is_clause_break(c)
}

/// Byte offset where the clause holding `at` starts.
pub(super) fn clause_start(text: &str, at: usize) -> usize {
    marks_back(&text[..at])
        .find(|&(_, c)| is_clause_break(c))
        .map_or(0, |(i, c)| i + c.len_utf8())
}

/// Byte offset where the clause holding `at` ends.
pub(super) fn clause_end(text: &str, at: usize) -> usize {
    text[at..]
        .find(is_clause_break)
        .map_or(text.len(), |i| at + i)
}

/// Byte ranges inside quotation marks and book-title marks: “四好”,
/// 《鄂南民居建筑图集》. Numbers there belong to slogans, names and titles. A
/// mark that is never closed protects to the end of its clause.
pub(super) fn quoted_ranges(text: &str) -> Vec<Range<usize>> {
    static TITLE: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new("《"));
    let bytes = text.as_bytes();
    // “ and ‘ are the only common characters led by byte 0xE2 in Chinese
    // text; 《 is found as a whole. Both searches are memchr-fast.
    let quotes = memchr::memchr_iter(0xe2, bytes);
    let mut ranges = Vec::new();
    for i in quotes.chain(TITLE.find_iter(bytes)) {
        let Some(close) = text[i..]
            .chars()
            .next()
            .filter(|&c| is_quote(c))
            .and_then(closing_partner)
        else {
            continue;
        };
        let start = i + close.len_utf8();
        let end = text[start..]
            .find(close)
            .map_or_else(|| clause_end(text, start), |j| start + j);
        ranges.push(start..end);
    }
    ranges
}

/// Opening quotation and book-title marks.
pub(super) fn is_quote(c: char) -> bool {
    matches!(c, '“' | '‘' | '《')
}

/// The predicate words right before a number (`增长不低于` in
/// 贷款增长不低于15%), read back to front.
#[derive(Debug, Default, Clone, PartialEq)]
pub(super) struct Predicate {
    /// Where the words start, relative to the text before the number.
    pub(super) start: usize,
    /// The comparator among them, if any, with its start.
    pub(super) comparator: Option<(Comparator, usize)>,
    /// The change verb among them, if any.
    pub(super) change: Option<(Direction, bool)>,
}

/// Reads the predicate words at the end of `before`, then, if none of them
/// is a comparator, looks further back in the clause for one that may stand
/// away from its value (不低于上年度固定资产投资的3倍).
pub(super) fn predicate(before: &str) -> Predicate {
    let mut p = Predicate {
        start: before.len(),
        ..Predicate::default()
    };
    let mut rest = before.trim_space_end();
    while let Some((word, role)) = words::PREDICATES_BY_LAST.suffix_of(rest) {
        if ends_compound(rest, word) {
            break;
        }
        rest = &rest[..rest.len() - word.len()];
        match role {
            Role::Compare { comparator, .. } if p.comparator.is_none() => {
                p.comparator = Some((comparator, rest.len()));
            }
            Role::Change {
                direction,
                to_level,
            } if p.change.is_none() => p.change = Some((direction, to_level)),
            _ => {}
        }
    }
    p.start = rest.len();
    if p.comparator.is_none() {
        p.comparator = far_comparator(rest);
    }
    p
}

/// True when `word` ends a longer noun at the end of `s` (商超, 公共).
fn ends_compound(s: &str, word: &str) -> bool {
    words::COMPOUNDS
        .iter()
        .any(|c| c.len() > word.len() && c.ends_with(word) && s.ends_with(c))
}

/// The last comparator word in `s` that may stand away from its value;
/// at the same end the longer word wins (不超过 over 超过).
fn far_comparator(s: &str) -> Option<(Comparator, usize)> {
    let far = &*words::FAR_COMPARATORS;
    let mut best: Option<(usize, usize, Comparator)> = None;
    for (i, c) in s.char_indices() {
        for &(word, comparator) in far.get(c) {
            let end = i + word.len();
            let later = best.map_or(true, |(e, start, _)| end > e || (end == e && i < start));
            if later && s[i..].starts_with(word) {
                best = Some((end, i, comparator));
            }
        }
    }
    best.map(|(_, start, comparator)| (comparator, start))
}

/// The comparator word right after a unit, with its length.
pub(super) fn suffix(after: &str) -> Option<(Comparator, usize)> {
    words::SUFFIXES
        .iter()
        .find(|(w, _)| after.starts_with(w))
        .map(|&(w, c)| (c, w.len()))
}

/// True when `after` goes on with a word of the same name: the number is
/// part of a name or an equipment size (12万吨煅烧炉, 100%控股).
pub(super) fn continues_name(after: &str) -> bool {
    after.chars().next().is_some_and(is_ideograph)
        && words::FOLLOWERS_BY_FIRST.prefix_of(after).is_none()
}

/// CJK unified ideographs (the characters words are made of).
pub(super) fn is_ideograph(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}')
}

/// The phrase after a counter or an amount (`省重点项目` in 7个省重点项目、…),
/// up to the end of its item; empty when the text does not go on with a word.
pub(super) fn phrase_after(after: &str) -> &str {
    if !after
        .chars()
        .next()
        .is_some_and(|c| is_ideograph(c) || is_quote(c))
    {
        return "";
    }
    let ends = &*words::PHRASE_ENDS_BY_FIRST;
    let end = after
        .char_indices()
        .find(|&(i, c)| {
            is_item_break(c)
                || c.is_ascii_digit()
                || is_full_width_digit(c)
                || ends.get(c).iter().any(|(w, _)| after[i..].starts_with(w))
        })
        .map_or(after.len(), |(i, _)| i);
    let mut phrase = &after[..end];
    for w in words::TRAILING {
        phrase = phrase.strip_suffix(w).unwrap_or(phrase);
    }
    balanced(phrase)
}

fn is_full_width_digit(c: char) -> bool {
    matches!(c, '\u{ff10}'..='\u{ff19}')
}

/// The metric phrase before a number: the clause up to the predicate, less
/// the verbs, time and scope words that open it (完成, 全年, 2020年度).
pub(super) fn phrase_before(before: &str) -> &str {
    let mut s = before.trim_matches(|c: char| is_space(c) || c == '、');
    loop {
        let start = s;
        s = strip_year(s);
        // 建成区 and 建设用地 are nouns that begin with a verb.
        if words::VERB_NOUNS.iter().any(|n| s.starts_with(n)) {
            break;
        }
        // An opening verb (完成, 新增) or change verb (减少二氧化碳排放5万吨).
        let opener = words::LEADING_BY_FIRST.prefix_of(s).map(|(w, ())| w);
        if let Some(w) = opener.or_else(|| words::CHANGE_VERBS.prefix_of(s).map(|(w, _)| w)) {
            s = &s[w.len()..];
        }
        if s == start {
            break;
        }
    }
    balanced(s.trim_space())
}

/// Strips a leading year or span of years (2020年度, 2021年, 5年内).
fn strip_year(s: &str) -> &str {
    let digits = s.len() - s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 0 {
        return s;
    }
    let Some(rest) = s[digits..].strip_prefix('年') else {
        return s;
    };
    ["度", "内", "底", "末"]
        .iter()
        .find_map(|w| rest.strip_prefix(w))
        .unwrap_or(rest)
}

/// `s` cut before its first unbalanced bracket or quote; a stray opening
/// mark at the start is dropped instead.
pub(super) fn balanced(mut s: &str) -> &str {
    // Most phrases hold no bracket at all; only those need the full check.
    if paired_rev(s).next().is_none() {
        return s;
    }
    while let Some(i) = first_unbalanced(s) {
        if i == 0 {
            let len = s.chars().next().map_or(0, char::len_utf8);
            s = &s[len..];
        } else {
            s = &s[..i];
        }
    }
    s
}

/// A phrase worth reporting as a metric: it has a word in it.
pub(super) fn meaningful(s: &str) -> Option<&str> {
    // Two such characters are enough: the rest of a long phrase is not read.
    s.chars()
        .filter(|&c| is_ideograph(c) || c.is_alphanumeric())
        .nth(1)
        .map(|_| s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_clause_break_is_a_mark_the_backward_scan_yields() {
        let odd = (0..0x11_0000u32)
            .filter_map(char::from_u32)
            .filter(|&c| is_clause_break(c))
            .find(|&c| !crate::parse::trivia::tests::is_mark(c));
        assert_eq!(odd, None);
    }

    #[test]
    fn clauses_start_after_breaks_of_either_width() {
        for t in [
            "前文,地区",
            "前文\u{ff0c}地区",
            "前文。地区",
            "前文;地区",
            "前文\u{ff1a}地区",
        ] {
            assert_eq!(&t[clause_start(t, t.len())..], "地区", "{t}");
        }
        assert_eq!(clause_start("地区生产总值", "地区".len()), 0);
    }

    #[test]
    fn quotes_and_titles_are_protected() {
        let t = "增强“四个意识”、坚定“四个自信”,推广《图集》3册";
        let r = quoted_ranges(t);
        let inner: Vec<&str> = r.iter().map(|r| &t[r.clone()]).collect();
        assert_eq!(inner, ["四个意识", "四个自信", "图集"]);
        let t = "实施“百家商超进小区,行动";
        let r = quoted_ranges(t);
        assert_eq!(&t[r[0].clone()], "百家商超进小区");
    }

    #[test]
    fn predicates_read_back_to_front() {
        let p = predicate("贷款增长不低于");
        assert_eq!(p.comparator, Some((Comparator::Ge, "贷款增长".len())));
        assert_eq!(p.change, Some((Direction::Increase, false)));
        assert_eq!(p.start, "贷款".len());
        let p = predicate("储备库总投资不低于上年度固定资产投资的");
        assert_eq!(p.comparator, Some((Comparator::Ge, "储备库总投资".len())));
        assert_eq!(p.start, "储备库总投资不低于上年度固定资产投资的".len());
        let p = predicate("转化率均不超过");
        assert_eq!(p.comparator.map(|c| c.0), Some(Comparator::Le));
        let p = predicate("新增规上工业企业");
        assert_eq!((p.comparator, p.change), (None, None));
        let p = predicate("建设小区商超");
        assert_eq!((p.start, p.comparator), ("建设小区商超".len(), None));
        let p = predicate("城镇化率提高到");
        assert_eq!(p.change, Some((Direction::Increase, true)));
    }

    #[test]
    fn phrases_around_a_number() {
        assert_eq!(phrase_after("省重点项目、19个"), "省重点项目");
        assert_eq!(phrase_after("市重点项目建设。"), "市重点项目");
        assert_eq!(phrase_after("乡镇国土空间规划和59个"), "乡镇国土空间规划");
        assert_eq!(phrase_after(",建设"), "");
        assert_eq!(phrase_before("全年争取各类资金"), "各类资金");
        assert_eq!(phrase_before("完成2020年度"), "");
        assert_eq!(phrase_before("建成周转房和公租房"), "周转房和公租房");
        assert_eq!(phrase_before("建成区绿化覆盖率"), "建成区绿化覆盖率");
        assert_eq!(phrase_before("减少二氧化碳排放"), "二氧化碳排放");
        assert_eq!(phrase_before("增加值占GDP比重"), "增加值占GDP比重");
        assert_eq!(balanced("北京双吉(湖北"), "北京双吉");
        assert_eq!(balanced("“四好农村路”"), "“四好农村路”");
    }

    #[test]
    fn names_and_sizes_go_on_after_the_unit() {
        assert!(continues_name("煅烧炉和焙烧炉"));
        assert!(!continues_name("以上,"));
        assert!(!continues_name("的幅度"));
        assert!(!continues_name("。"));
    }
}
