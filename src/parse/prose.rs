//! Attributions written as prose rather than keys, and the first-is-lead rule.
//!
//! - `(市发展改革委牵头,市财政局、市商务局配合)`: names, then the word that
//!   assigns them. A comma may fall inside a list (`(合肥市,省发展改革委牵头)`),
//!   so a phrase ends only where a key word meets a separator or the end.
//! - `(市政府办公室、市审改办牵头,市级各有关部门按职责分工负责)`, `(X负责)`,
//!   `由王丹副市长负责,市工信委牵头,相关部门配合`: the 负责 family gives
//!   responsible units, or the leader when the phrase starts with 由.
//! - `(市发改委、市农委、各县市区人民政府。排名第一的为牵头单位,下同)`: a
//!   bare list, read only when such a rule is in force: the first unit leads.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::attribution::{top_level, RawAttribution};
use super::meta::is_han;
use super::trivia::{is_name_separator, is_semicolon, trimmed, TrimSpace};
use crate::model::{RoleForm, RoleKind};

/// Words that end a prose phrase and what they assign, longest first.
pub(crate) const PROSE_KEYS: &[(&str, RoleKind)] = &[
    ("按职责分工负责", RoleKind::ResponsibleUnits),
    ("按職責分工負責", RoleKind::ResponsibleUnits),
    ("按职责负责", RoleKind::ResponsibleUnits),
    ("按職責負責", RoleKind::ResponsibleUnits),
    ("分工负责", RoleKind::ResponsibleUnits),
    ("分工負責", RoleKind::ResponsibleUnits),
    ("共同负责", RoleKind::ResponsibleUnits),
    ("共同負責", RoleKind::ResponsibleUnits),
    ("牵头负责", RoleKind::LeadUnits),
    ("牽頭負責", RoleKind::LeadUnits),
    ("牵头", RoleKind::LeadUnits),
    ("牽頭", RoleKind::LeadUnits),
    ("负责", RoleKind::ResponsibleUnits),
    ("負責", RoleKind::ResponsibleUnits),
    ("配合", RoleKind::CooperatingUnits),
    ("协助", RoleKind::CooperatingUnits),
    ("協助", RoleKind::CooperatingUnits),
    ("协办", RoleKind::CooperatingUnits),
    ("協辦", RoleKind::CooperatingUnits),
    ("参与", RoleKind::CooperatingUnits),
    ("參與", RoleKind::CooperatingUnits),
];

/// The prose key ending `phrase`: its byte length and kind.
fn key_at_end(phrase: &str) -> Option<(usize, RoleKind)> {
    if let Some(&(key, kind)) = PROSE_KEYS.iter().find(|(k, _)| phrase.ends_with(k)) {
        return Some((key.len(), kind));
    }
    // 牵头 with a two-character verb: 牵头落实, 牵头推进, 牵头办理.
    let mut tail = phrase.char_indices().rev().take(2);
    let (_, last) = tail.next()?;
    let (verb_start, first) = tail.next()?;
    let lead = &phrase[..verb_start];
    (is_han(first) && is_han(last) && (lead.ends_with("牵头") || lead.ends_with("牽頭"))).then(
        || {
            (
                phrase.len() - verb_start + "牵头".len(),
                RoleKind::LeadUnits,
            )
        },
    )
}

/// Phrase separators: a comma, a semicolon or a full stop.
fn is_phrase_separator(c: char) -> bool {
    is_name_separator(c) && c != '、' || is_semicolon(c) || c == '。'
}

/// Parses `inner` wholly as prose phrases into `raw`; false (with `raw`
/// possibly partly filled) when some text is not one.
pub(crate) fn parse_prose(inner: &str, raw: &mut RawAttribution) -> bool {
    let ends = top_level(inner, 0, inner.len())
        .filter(|&(_, c)| is_phrase_separator(c))
        .map(|(at, c)| (at, c.len_utf8()))
        .chain(std::iter::once((inner.len(), 0)));
    let mut phrase_start = 0;
    for (at, sep_len) in ends {
        let phrase = trimmed(inner, phrase_start.min(at)..at);
        // A separator with nothing but padding before it opens no phrase:
        // the next one starts after it. (Skipping it without moving on made
        // `( ;牵头)` read as a phrase whose names began with the `;`, a
        // reading `(;牵头)` did not have: fuzz, roundtrip.)
        if phrase.is_empty() {
            if at < inner.len() {
                phrase_start = at + sep_len;
            }
            continue;
        }
        match key_at_end(&inner[phrase.clone()]) {
            Some((key_len, kind)) => {
                if !push_phrase(inner, phrase.clone(), key_len, kind, raw) {
                    return false;
                }
            }
            // `(市发改委牵头,2021年底前完成)`: a deadline among the phrases.
            None if super::date::is_deadline(&inner[phrase.clone()]) => {
                let key = phrase.start..phrase.start;
                let kind = RoleKind::Deadline;
                raw.push_list(
                    inner,
                    phrase.clone(),
                    key,
                    kind,
                    RoleForm::Bare,
                    phrase.clone(),
                );
            }
            None => continue, // a comma inside a list: the phrase goes on
        }
        if raw.roles.len() > 1 {
            raw.role_separators
                .extend(separator_before(inner, phrase.start));
        }
        phrase_start = at + sep_len;
    }
    let rest = trimmed(inner, phrase_start.min(inner.len())..inner.len());
    // A deadline alone (`(2021年底前完成)`) assigns no one: not an attribution.
    raw.roles.iter().any(|r| r.kind != RoleKind::Deadline) && inner[rest].chars().all(|c| c == '。')
}

/// The separator just before `at` (skipping spaces).
fn separator_before(inner: &str, at: usize) -> Option<Range<usize>> {
    let before = inner[..at].trim_space_end();
    let c = before.chars().next_back()?;
    Some(before.len() - c.len_utf8()..before.len())
}

/// Pushes one phrase `names…key`; false when its names do not look like names.
fn push_phrase(
    inner: &str,
    phrase: Range<usize>,
    key_len: usize,
    kind: RoleKind,
    raw: &mut RawAttribution,
) -> bool {
    let key = phrase.end - key_len..phrase.end;
    let mut list = phrase.start..key.start;
    // 由王丹副市长负责: the one the task is given to by name is its leader.
    let kind = match inner[list.clone()].strip_prefix('由') {
        Some(_) if kind == RoleKind::ResponsibleUnits => {
            list.start += '由'.len_utf8();
            RoleKind::Leaders
        }
        _ => kind,
    };
    if !is_list(&inner[list.clone()]) {
        return false;
    }
    raw.push_list(inner, list, key, kind, RoleForm::Prose, phrase);
    true
}

/// A list of names: not empty, each short, no sentence punctuation.
fn is_list(s: &str) -> bool {
    !s.is_empty()
        && s.split(is_name_separator).all(|name| {
            let n = name.chars().count();
            (1..=40).contains(&n) && !name.contains(['。', '：', ':', '“', '”'])
        })
}

/// Parses `inner` as a bare list of units (`市发改委、市农委`) into `raw`.
pub(crate) fn parse_bare(inner: &str, raw: &mut RawAttribution) -> bool {
    let list = trimmed(inner, 0..inner.len());
    let list = list.start..inner[..list.end].trim_end_matches('。').len();
    let names = &inner[list.clone()];
    let units = !names.is_empty()
        && names
            .split(is_name_separator)
            .all(|n| n.chars().count() <= 30 && n.chars().next_back().is_some_and(ends_unit));
    if units {
        raw.push_list(
            inner,
            list.clone(),
            list.start..list.start,
            RoleKind::ResponsibleUnits,
            RoleForm::Bare,
            list,
        );
    }
    units
}

/// The last character of a unit's name: 局, 委, 办, 政府, 中心, 公司 ….
fn ends_unit(c: char) -> bool {
    "局委办辦府会會厅廳部院处處室队隊所司行库庫社心团團镇鎮道区區县縣市组組站馆館联聯校园園台臺署科股场場门門位"
        .contains(c)
}

/// A first-is-lead rule: 排名第一的为牵头单位, 首位单位为牵头单位, 列第一位的为牵头部门.
static LEAD_RULE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        "(?:排名第一|排在第一位|排名首位|列第一位|列在首位|首位|第一个|第一家)的?(?:单位|單位|部门|部門)?(?:为|為|是)(?:牵头|牽頭)(?:单位|單位|部门|部門)?",
    )
    .expect("the lead-rule pattern is valid")
});

/// Where `text` states a first-is-lead rule, if it does.
pub(crate) fn lead_rule(text: &str) -> Option<Range<usize>> {
    // Nearly every clause says 牵头 (牵头单位:…); only 为牵头 / 是牵头 /
    // 為牽頭 can start a rule, so the pattern runs only after one. The test
    // is on bytes: 牵 is E7 89 B5 and 牽 E7 89 BD, so every hit is a 0x89.
    let bytes = text.as_bytes();
    let says_rule = memchr::memchr_iter(0x89, bytes).any(|i| {
        i >= 1
            && bytes[i - 1] == 0xE7
            && matches!(bytes.get(i + 1), Some(0xB5 | 0xBD))
            && ["为", "為", "是"]
                .iter()
                .any(|w| bytes[..i - 1].ends_with(w.as_bytes()))
    });
    if !says_rule {
        return None;
    }
    LEAD_RULE.find(text).map(|m| m.range())
}

/// Where the remark holding a rule that starts at `rule` begins: at the
/// sentence stop, semicolon, comma or bracket before it (the list ends there).
pub(crate) fn remark_start(text: &str, rule: usize) -> usize {
    text[..rule]
        .char_indices()
        .rev()
        .find(|&(_, c)| {
            c == '。'
                || is_semicolon(c)
                || is_name_separator(c) && c != '、'
                || super::trivia::is_open_paren(c)
        })
        .map_or(rule, |(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roles(inner: &str) -> Vec<(RoleKind, Vec<&str>)> {
        let mut raw = RawAttribution::default();
        assert!(parse_prose(inner, &mut raw), "{inner}");
        raw.roles
            .iter()
            .map(|r| {
                let names = raw.names_of(r).iter().map(|n| &inner[n.clone()]);
                (r.kind, names.collect())
            })
            .collect()
    }

    #[test]
    fn reads_lead_and_cooperating_phrases() {
        assert_eq!(
            roles("市发展改革委牵头,市财政局、市商务局配合"),
            [
                (RoleKind::LeadUnits, vec!["市发展改革委"]),
                (RoleKind::CooperatingUnits, vec!["市财政局", "市商务局"]),
            ]
        );
        assert_eq!(
            roles("合肥市,省发展改革委牵头"),
            [(RoleKind::LeadUnits, vec!["合肥市", "省发展改革委"])]
        );
        assert_eq!(
            roles("区发改局牵头,区财政局、区水务局等部门,区国投公司配合"),
            [
                (RoleKind::LeadUnits, vec!["区发改局"]),
                (
                    RoleKind::CooperatingUnits,
                    vec!["区财政局", "区水务局", "区国投公司"]
                ),
            ]
        );
    }

    #[test]
    fn reads_the_responsible_family_and_leaders() {
        assert_eq!(
            roles("市政府办公室、市审改办牵头,市级各有关部门按职责分工负责"),
            [
                (RoleKind::LeadUnits, vec!["市政府办公室", "市审改办"]),
                (RoleKind::ResponsibleUnits, vec!["市级各有关部门"]),
            ]
        );
        assert_eq!(
            roles("市科技局负责"),
            [(RoleKind::ResponsibleUnits, vec!["市科技局"])]
        );
        assert_eq!(
            roles("由王丹副市长负责,市工信委牵头,相关部门配合"),
            [
                (RoleKind::Leaders, vec!["王丹"]),
                (RoleKind::LeadUnits, vec!["市工信委"]),
                (RoleKind::CooperatingUnits, vec!["相关部门"]),
            ]
        );
        assert_eq!(
            roles("市發改委牽頭落實"),
            [(RoleKind::LeadUnits, vec!["市發改委"])]
        );
    }

    #[test]
    fn a_deadline_may_stand_among_the_phrases() {
        assert_eq!(
            roles("市发改委牵头,市财政局配合,2021年6月底前完成"),
            [
                (RoleKind::LeadUnits, vec!["市发改委"]),
                (RoleKind::CooperatingUnits, vec!["市财政局"]),
                (RoleKind::Deadline, vec!["2021年6月底前完成"]),
            ]
        );
        assert_eq!(
            roles("长期坚持,市城管局负责"),
            [
                (RoleKind::Deadline, vec!["长期坚持"]),
                (RoleKind::ResponsibleUnits, vec!["市城管局"]),
            ]
        );
        assert!(!parse_prose(
            "2021年底前完成",
            &mut RawAttribution::default()
        ));
    }

    #[test]
    fn other_brackets_are_not_prose() {
        let mut raw = RawAttribution::default();
        for inner in [
            "不含6亩",
            "以下简称在线平台",
            "涉及水土保持项目",
            "赤壁",
            "2021年底前完成",
        ] {
            assert!(!parse_prose(inner, &mut raw), "{inner}");
        }
    }

    #[test]
    fn finds_the_lead_rule() {
        let text = "市发改委、市农委。排名第一的为牵头单位,下同";
        let rule = lead_rule(text).unwrap();
        assert_eq!(&text[rule.clone()], "排名第一的为牵头单位");
        assert_eq!(
            &text[remark_start(text, rule.start)..],
            "。排名第一的为牵头单位,下同"
        );
        assert!(lead_rule("首位單位為牽頭單位").is_some());
        assert!(lead_rule("牵头单位:市发改局").is_none());
    }

    #[test]
    fn bare_lists_need_unit_names() {
        let mut raw = RawAttribution::default();
        assert!(parse_bare("市发改委、市农委、中储粮株洲直属库", &mut raw));
        assert!(!parse_bare("赤壁", &mut RawAttribution::default()));
    }
}
