//! Project investment sizes (投资13亿元的…项目): amounts that belong to a
//! project rather than commit to an outcome.

use super::context::{clause_end, is_ideograph, phrase_after, suffix};
use super::scan::Quantity;
use super::unit::{self, Class};
use super::words;

/// An amount read as an investment: where its text starts (before `投资`
/// when the text says it) and the project phrase.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Reading<'t> {
    /// Start of the investment text, relative to `before`.
    pub(super) start: usize,
    /// The project the amount belongs to.
    pub(super) project: &'t str,
}

/// Reads `q` as an investment, given the text of its clause before it and
/// everything after it. `follows_investment` says an earlier amount of the
/// same clause was one (…、1.3亿元的黄道益二期).
///
/// An amount is an investment when a project follows it: after 的 (12.8亿元的
/// 新兴非织造产业园), or directly when 投资 precedes it (投资500亿元长江经济带…
/// 项目). A bare `X亿元的Y` counts only when `投资` precedes it, the clause
/// names a project (项目, 工程, 园 …), or it continues a list of investments;
/// otherwise 1万元的补贴 would be one.
pub(super) fn read<'t>(
    q: &Quantity<'_>,
    before: &str,
    after: &'t str,
    follows_investment: bool,
) -> Option<Reading<'t>> {
    if q.unit.class != Class::Currency || suffix(after).is_some() {
        return None;
    }
    let prefix = invest_prefix(before);
    let (project, needs_evidence) = match after.strip_prefix('的') {
        Some(rest) => (project_phrase(rest), prefix.is_none()),
        None if prefix.is_some() => (project_phrase(after), false),
        None => return None,
    };
    if project.is_empty() || words::NOT_PROJECTS.iter().any(|w| project.starts_with(w)) {
        return None;
    }
    if needs_evidence && !follows_investment {
        let clause = &after[..clause_end(after, 0)];
        if !words::PROJECT_WORDS.iter().any(|w| clause.contains(w)) {
            return None;
        }
    }
    Some(Reading {
        start: prefix.unwrap_or(before.len()),
        project,
    })
}

/// Where `投资` / `总投资` (with 约, 达 … after it) starts at the end of `before`.
fn invest_prefix(before: &str) -> Option<usize> {
    let b = before.trim_end();
    let b = ["约", "达", "为", "近", "超"]
        .iter()
        .find_map(|w| b.strip_suffix(w))
        .unwrap_or(b);
    let b = b.strip_suffix("额").unwrap_or(b);
    let b = b.strip_suffix("投资")?;
    Some(b.strip_suffix('总').unwrap_or(b).len())
}

/// The project after an amount, less a leading count (的38个公共卫生…项目:
/// the count is a target of its own).
fn project_phrase(s: &str) -> &str {
    let digits = s.len() - s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let rest = &s[digits..];
    let counter = rest.chars().next().filter(|c| {
        let mut buf = [0; 4];
        unit::unit_at(c.encode_utf8(&mut buf)).is_some_and(|(u, _, _)| u.class == Class::Counter)
    });
    let s = match counter {
        Some(c) if digits > 0 => &rest[c.len_utf8()..],
        _ => s,
    };
    // A project name may start with a number (107国道城区段外迁), so only
    // the first character is checked here, not every digit.
    if s.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        let name_start = s.find(is_ideograph).unwrap_or(s.len());
        let tail = phrase_after(&s[name_start..]);
        return &s[..name_start + tail.len()];
    }
    phrase_after(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_of_an_investment() {
        assert_eq!(invest_prefix("重点推进投资"), Some("重点推进".len()));
        assert_eq!(invest_prefix("实施总投资"), Some("实施".len()));
        assert_eq!(invest_prefix("总投资约"), Some(0));
        assert_eq!(invest_prefix("加快建设"), None);
    }

    #[test]
    fn project_phrases() {
        assert_eq!(
            project_phrase("38个公共卫生服务补短板强弱项项目,开工"),
            "公共卫生服务补短板强弱项项目"
        );
        assert_eq!(
            project_phrase("107国道城区段外迁、咸赵线"),
            "107国道城区段外迁"
        );
        assert_eq!(
            project_phrase("赤壁长江公路大桥建成通车"),
            "赤壁长江公路大桥"
        );
        assert_eq!(project_phrase("无纺布制造等项目"), "无纺布制造");
    }
}
