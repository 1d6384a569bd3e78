//! Numeric targets (目标值) and project investments in a task's text.
//!
//! A *target* is a quantified commitment: a number with a unit, how it bounds
//! the outcome (comparator), what sort of quantity it is (kind), the direction
//! of change where the text states one, and the phrase naming what it
//! measures (metric). An *investment* is the size of a named project
//! (投资13亿元的…项目); it commits to nothing and is kept apart.
//!
//! # How a task's text is read
//!
//! 1. [`scan`] finds every candidate quantity with a byte scanner (no
//!    regex: one table lookup per character, see `scan`): a number in either
//!    width (`11`, `4.5`, `１２．５`), an optional range
//!    (`3-5`, `3—5`, `3~5`, `3～5`, `3至5`), or a Chinese numeral (`两`,
//!    `三至五`), then an optional 多/余, a scale prefix and a unit; and 翻N番.
//!    The unit must follow the number, so years and dates (2021年, 2020年度,
//!    5月底) are never candidates, and `2020年度3.5万亩` yields 3.5万亩.
//!    A notice in traditional characters is first folded to simplified at
//!    the same byte offsets ([`fold`]), so one set of word tables reads
//!    both; everything reported is sliced from the text as written.
//! 2. Candidates that belong to names are dropped (see *Decisions*).
//! 3. An amount of money followed by a project is an [`Investment`].
//! 4. Everything else becomes a [`Target`]; its context is read within its
//!    clause (up to `,` `;` `。` `:` in either width), starting after the
//!    previous quantity:
//!    - comparator: 以上 (ge), 以下/以内 (le), 左右 (approx) after the unit;
//!      不低于/不少于/至少 (ge), 超过/高于 (gt), 不超过/控制在 (le),
//!      低于/少于 (lt), 约 (approx) before it — the ge/gt/le/lt words also
//!      from further back in the clause (不低于上年度固定资产投资的3倍); a
//!      range (3-5家) is `range`; `300多家` is gt; with no word, `eq`.
//!    - kind: `growth` for a relative unit (%, 个百分点, 成, 倍, 番) after a
//!      change verb (增长, 增速, 提高, 下降, 减少, 核减 …) or after a rate noun
//!      (增速, 增长率); `count` for counters (家, 个, 人, 套 …); `level`
//!      otherwise (620亿元, 1.4万亩, 100公里, 达到15%). 提高到15% is a level.
//!    - direction: from the change verb (增长/提高 → increase, 下降/减少/核减
//!      → decrease), also for levels (减少到, 提高到); `None` without one.
//!    - metric: the phrase after a counter (抓好7个省重点项目 → 省重点项目),
//!      else the clause before the number less its predicate words and the
//!      verbs, time and scope words that open it (全年争取各类资金30亿元以上
//!      → 各类资金); `None` when nothing is left (同比增长8%).
//!
//! # Decisions
//!
//! - **Slogans and ordinals** are not targets. Numbers inside “…”, ‘…’ or
//!   《…》 belong to slogans, names and titles (“四个意识”, “四好”农村路,
//!   “百家商超进小区”). Outside quotes a slogan has no unit (十四五, 六稳六保,
//!   一网通办, 八种本领, 七种能力: 种 and 类 are not counters, so 13类重点人群
//!   is none either), and a Chinese numeral before a counter counts only after
//!   a verb that adds or builds (新增两家, 建成三所): 增强四个意识 and 做到两个
//!   维护 have none. `一个` is read as an article, never as a count. A number
//!   after 第 is an ordinal.
//! - **Product and place names** are not targets: a number touching a Latin
//!   letter (5G, G4连接线, 3A级, PM2.5) is part of a code. Voltage classes
//!   (110千伏变电站) and road numbers (107国道) have no target unit.
//! - **Equipment sizes**: a weight, power or volume directly followed by a
//!   noun sizes a facility (12万吨煅烧炉, 80万吨乙烯项目, 10万千瓦光伏电站)
//!   and is not a target; the same unit followed by 以上, punctuation or the
//!   end is one (粮食产量稳定在27万吨以上).
//! - **Percentages inside names**: a `%` followed by a word other than
//!   以上, 左右, 的, 目标 … (100%控股) is part of a name.
//! - **Durations** are deadlines, not targets: 年, 个月, 个工作日.
//! - **Floors without a comparator word**: a metric naming a 红线 or 底线
//!   (58.42万亩耕地红线) is `ge`.
//! - **One value for several rates** (A、B转化率均超过50%) is one target
//!   whose metric is the whole enumeration.
//! - **Chinese numerals**: 新增两家 → value 2, unit 家, count. 三成 → value
//!   3, unit 成 (tenths), `base_value` 30 (percent), as is `3成`. 翻一番 →
//!   value 1, unit 番, growth, increase (翻两番 → 2; 翻番 alone → 1), with no
//!   `base_value`: N番 multiplies by 2^N, which is not a linear scale.
//! - **Scale**: `base_value` is `value` in the unit without its prefix (万, 亿,
//!   万亿, 千万, 百万, 十万; 萬 and 億 fold to these): 12.8亿元 → 1.28e9 (元), 3.5万亩 →
//!   35000 (亩), 1万名 → 10000 (名). It is `None` for units without a prefix;
//!   千米, 千瓦 and 千克 are units of their own. For a range it scales `value`.
//! - **Units as written**: the unit keeps its width (`%` or the full-width
//!   `\u{ff05}`); compare units after folding width.
//! - **Investments**: an amount (元, 万元, 亿元, 美元 …) is an investment when
//!   a project follows it — after 的, or directly after `投资X亿元`. A bare
//!   `X亿元的Y` counts when 投资 precedes it, its clause names a project
//!   (项目, 工程, 园, 基地 …), or an earlier amount of the clause was an
//!   investment (确保总投资5.7亿元的A、1.3亿元的B). `总投资23.27亿元的38个…项目`
//!   gives the investment and a count target of 38. An amount followed by a
//!   comparator word or punctuation (争取各类资金30亿元以上) is a target.
//!
//! # How it was checked
//!
//! `fixtures/targets/seed_targets.json` lists every target and investment of
//! the seed's 124 tasks, written by reading the seed line by line;
//! `tests/targets.rs` compares the extractor with it and prints precision,
//! recall and accuracy figures; it also checks, field by field, fixtures in
//! other conventions (full-width punctuation and digits; `1、` markers with
//! square brackets; prose attributions; traditional characters), each text
//! written for the fixture. The unit tests in this module cover each
//! comparator, kind, range separator, scale, Chinese numerals and every trap
//! named above.

mod context;
mod fold;
mod index;
mod investment;
mod scan;
mod unit;
mod words;

use std::ops::Range;

use crate::model::{Comparator, Direction, Investment, Target, TargetKind};
use crate::span::LineIndex;

use context::Predicate;
use scan::Quantity;
use unit::Class;

/// Finds targets and investments in `text`, which starts at byte `offset` of the input.
pub(crate) fn extract(
    text: &str,
    offset: usize,
    index: &LineIndex<'_>,
) -> (Vec<Target>, Vec<Investment>) {
    let mut scan = scan::quantities(text);
    let read = read_all(text, text, &mut scan, offset, index);
    if scan.saw_traditional() {
        // Word tables and units are simplified: read a folded copy, report
        // from the original at the same offsets. The reading above is
        // dropped; only the rare traditional notice pays for it, and the
        // common one is read in a single pass.
        let folded = fold::simplified(text);
        return read_all(&folded, text, scan::quantities(&folded), offset, index);
    }
    read
}

/// Reads `found`, the quantities of `text`, left to right; `source` is the
/// text as written at the same offsets.
fn read_all<'t>(
    text: &'t str,
    source: &str,
    mut found: impl Iterator<Item = Quantity<'t>>,
    offset: usize,
    index: &LineIndex<'_>,
) -> (Vec<Target>, Vec<Investment>) {
    // Most tasks have no quantity: then nothing more is looked at.
    let Some(first) = found.next() else {
        return (Vec::new(), Vec::new());
    };
    let mut reader = Reader {
        text,
        source,
        offset,
        index,
        targets: Vec::new(),
        investments: Vec::new(),
        prev_end: 0,
        investment_clause: None,
    };
    let quoted = context::quoted_ranges(text);
    for q in std::iter::once(first).chain(found) {
        if !quoted.iter().any(|r| r.contains(&q.range.start)) {
            reader.read(&q);
        }
        reader.prev_end = reader.prev_end.max(q.range.end);
    }
    (reader.targets, reader.investments)
}

/// State while reading one task's quantities left to right.
struct Reader<'t, 'i> {
    /// The task text with traditional characters folded to simplified
    /// ([`fold`]): what the word tables are matched against.
    text: &'t str,
    /// The task text as written, at the same byte offsets: what is reported.
    source: &'t str,
    offset: usize,
    index: &'i LineIndex<'i>,
    targets: Vec<Target>,
    investments: Vec<Investment>,
    /// Where the previous quantity's text ended: the next one's context
    /// starts there.
    prev_end: usize,
    /// Start of the clause of the last investment, to read lists of them.
    investment_clause: Option<usize>,
}

impl Reader<'_, '_> {
    fn read(&mut self, q: &Quantity<'_>) {
        let text = self.text;
        let clause = context::clause_start(text, q.range.start);
        let before_start = clause.max(self.prev_end).min(q.range.start);
        let before = &text[before_start..q.range.start];
        let after = &text[q.range.end..];
        if is_name_or_size(text, q, before, after) {
            return;
        }
        let follows = self.investment_clause == Some(clause);
        if let Some(found) = investment::read(q, before, after, follows) {
            self.investment_clause = Some(clause);
            let range = before_start + found.start..q.range.end;
            self.investments.push(Investment {
                text: self.source[range.clone()].to_string(),
                span: self.span(range),
                amount: q.value,
                unit: self.as_written(q.unit_text),
                base_value: q.base_value().unwrap_or(q.value),
                project: Some(self.as_written(found.project)),
            });
            return;
        }
        let target = self.target(q, before_start, before, after);
        self.prev_end = target.span.end - self.offset;
        self.targets.push(target);
    }

    fn target(&self, q: &Quantity<'_>, before_start: usize, before: &str, after: &str) -> Target {
        let predicate = context::predicate(before);
        let suffix = context::suffix(after);
        let text_start = predicate
            .comparator
            .map_or(predicate.start, |(_, at)| at.min(predicate.start));
        let end = q.range.end + suffix.map_or(0, |(_, len)| len);
        let Reading {
            metric,
            change_after,
        } = read_metric(after, suffix.is_some(), &before[..text_start]);
        let leading_change = leading_change(&before[..text_start]);
        let direction = change_direction(q, &predicate, change_after.or(leading_change));
        let kind = kind(
            q,
            &predicate,
            metric,
            change_after.or(leading_change).is_some(),
        );
        let comparator = comparator(q, &predicate, suffix, metric);
        let range = before_start + text_start..end;
        Target {
            text: self.source[range.clone()].to_string(),
            span: self.span(range),
            metric: metric.map(|m| self.as_written(m)),
            value: q.value,
            value_max: q.value_max,
            unit: self.as_written(q.unit_text),
            base_value: q.base_value(),
            comparator,
            kind,
            direction,
        }
    }

    /// `part`, a slice of the folded text, as the source writes it: the same
    /// byte range of the original (萬噸, not 万吨).
    fn as_written(&self, part: &str) -> String {
        let start = (part.as_ptr() as usize).wrapping_sub(self.text.as_ptr() as usize);
        self.source
            .get(start..start + part.len())
            .unwrap_or(part)
            .to_string()
    }

    fn span(&self, r: Range<usize>) -> crate::span::Span {
        self.index.span(self.offset + r.start, self.offset + r.end)
    }
}

/// True for a candidate that is part of a name, code, ordinal, duration or
/// equipment size rather than a quantity (see the module docs).
fn is_name_or_size(text: &str, q: &Quantity<'_>, before: &str, after: &str) -> bool {
    let prev = text[..q.range.start].chars().next_back();
    let code_char = |c: char| {
        c.is_ascii_alphanumeric()
            || matches!(c, '.' | '\u{ff0e}' | '第' | '\u{ff21}'..='\u{ff3a}' | '\u{ff41}'..='\u{ff5a}')
    };
    if prev.is_some_and(code_char) {
        return true;
    }
    let class = q.unit.class;
    if class == Class::Counter && words::DURATIONS.iter().any(|w| after.starts_with(w)) {
        return true;
    }
    let named =
        matches!(class, Class::Percent | Class::Points | Class::Tenths) || class.sizes_equipment();
    if named && context::continues_name(after) {
        return true;
    }
    if q.chinese && !matches!(class, Class::Tenths | Class::Doubling) {
        let article = q.value == 1.0 && q.unit_text == "个";
        // A count follows its verb (新增两家) or closes a clause opened by one
        // (新增“专精特新”企业两家。); a numeral and counter before a noun
        // with no such verb is a slogan (做到两个维护).
        let right_after_verb = words::COUNT_VERBS.iter().any(|v| before.ends_with(v));
        let closes_clause = !context::continues_name(after)
            && !after.starts_with(context::is_quote)
            && words::COUNT_VERBS.iter().any(|v| before.contains(v));
        return article || !(right_after_verb || closes_clause);
    }
    false
}

/// The metric and, for `X%的幅度…核减Y`, the change verb found after it.
struct Reading<'t> {
    metric: Option<&'t str>,
    change_after: Option<Direction>,
}

/// Reads the metric from the text after the unit (a counter's noun, or the
/// object of 的幅度…核减) or, failing that, from the clause before it.
fn read_metric<'t>(after: &'t str, has_suffix: bool, before: &'t str) -> Reading<'t> {
    // 按照不低于5%的幅度核减“三公”经费: the metric is the object of the
    // change verb after 的幅度.
    if let Some(rest) = after.strip_prefix("的幅度") {
        let clause = &rest[..context::clause_end(rest, 0)];
        if let Some((i, verb, direction)) = words::CHANGE_VERBS.find_in(clause) {
            return Reading {
                metric: context::meaningful(context::phrase_after(&clause[i + verb.len()..])),
                change_after: Some(direction),
            };
        }
    }
    let after_phrase = if has_suffix {
        None
    } else {
        context::meaningful(context::phrase_after(after))
    };
    Reading {
        metric: after_phrase.or_else(|| context::meaningful(context::phrase_before(before))),
        change_after: None,
    }
}

/// A change verb opening the clause (提高城镇化率2个百分点, 减少排放5万吨).
fn leading_change(before: &str) -> Option<Direction> {
    let s = before.trim_start_matches(|c: char| context::is_item_break(c) || c.is_whitespace());
    // 增加值 (value added) is a noun, not the verb 增加.
    if s.starts_with("增加值") {
        return None;
    }
    words::CHANGE_VERBS.prefix_of(s).map(|(_, d)| d)
}

/// The direction a change verb states; a doubling always increases.
fn change_direction(
    q: &Quantity<'_>,
    predicate: &Predicate,
    elsewhere: Option<Direction>,
) -> Option<Direction> {
    if q.unit.class == Class::Doubling {
        return Some(Direction::Increase);
    }
    predicate.change.map(|(d, _)| d).or(elsewhere)
}

/// Growth for a relative unit after a change verb or rate noun, count for
/// counters, level for everything else.
fn kind(
    q: &Quantity<'_>,
    predicate: &Predicate,
    metric: Option<&str>,
    change_elsewhere: bool,
) -> TargetKind {
    let class = q.unit.class;
    let rate_noun = metric.is_some_and(|m| words::RATE_NOUNS.iter().any(|w| m.ends_with(w)));
    let change = matches!(predicate.change, Some((_, false))) || change_elsewhere;
    if class == Class::Doubling || (class.is_relative() && (change || rate_noun)) {
        TargetKind::Growth
    } else if class == Class::Counter {
        TargetKind::Count
    } else {
        TargetKind::Level
    }
}

/// A range first, then the word after the unit, the word before it, 多/余,
/// and a 红线/底线 floor; `eq` when nothing bounds the value.
fn comparator(
    q: &Quantity<'_>,
    predicate: &Predicate,
    suffix: Option<(Comparator, usize)>,
    metric: Option<&str>,
) -> Comparator {
    if q.value_max.is_some() {
        return Comparator::Range;
    }
    if let Some((c, _)) = suffix.or(predicate.comparator) {
        return c;
    }
    if q.more {
        return Comparator::Gt;
    }
    if metric.is_some_and(|m| words::FLOORS.iter().any(|w| m.ends_with(w))) {
        return Comparator::Ge;
    }
    Comparator::Eq
}

#[cfg(test)]
mod tests;
