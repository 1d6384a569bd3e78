//! The words around a number that say how it bounds the outcome (以上, 不低于),
//! what changes (增长, 下降), and which words frame a metric without being
//! part of it (新增, 完成, 全年). Each table lists longer words before the
//! shorter words they contain, so 不超过 is tried before 超过.

use std::sync::LazyLock;

use super::index::{first, last, Index};

use crate::model::{Comparator, Direction};

/// What a word directly before a number does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    /// A comparator; `far` when it may stand away from its value
    /// (不低于上年度固定资产投资的3倍), not only right before it (约5家).
    Compare { comparator: Comparator, far: bool },
    /// A change verb; `to_level` when it names the level reached (提高到15%).
    Change {
        direction: Direction,
        to_level: bool,
    },
    /// A linking word that belongs to the target text, not to the metric
    /// (达到, 保持, 稳定在, 均, 同比).
    Link,
}

/// A comparator role.
const fn cmp(comparator: Comparator, far: bool) -> Role {
    Role::Compare { comparator, far }
}

/// An increasing change role.
const fn up(to_level: bool) -> Role {
    Role::Change {
        direction: Direction::Increase,
        to_level,
    }
}

/// A decreasing change role.
const fn down(to_level: bool) -> Role {
    Role::Change {
        direction: Direction::Decrease,
        to_level,
    }
}

/// Words that may stand right before a number, longest first.
pub(super) const PREDICATES: &[(&str, Role)] = &[
    ("不低于", cmp(Comparator::Ge, true)),
    ("不少于", cmp(Comparator::Ge, true)),
    ("不小于", cmp(Comparator::Ge, true)),
    ("不下于", cmp(Comparator::Ge, true)),
    ("不超过", cmp(Comparator::Le, true)),
    ("不高于", cmp(Comparator::Le, true)),
    ("不多于", cmp(Comparator::Le, true)),
    ("不大于", cmp(Comparator::Le, true)),
    ("控制在", cmp(Comparator::Le, false)),
    ("控制到", cmp(Comparator::Le, false)),
    ("至少", cmp(Comparator::Ge, true)),
    ("最少", cmp(Comparator::Ge, false)),
    ("最多", cmp(Comparator::Le, false)),
    ("至多", cmp(Comparator::Le, false)),
    ("超过", cmp(Comparator::Gt, true)),
    ("高于", cmp(Comparator::Gt, true)),
    ("多于", cmp(Comparator::Gt, true)),
    ("大于", cmp(Comparator::Gt, true)),
    ("突破", cmp(Comparator::Gt, false)),
    ("低于", cmp(Comparator::Lt, true)),
    ("少于", cmp(Comparator::Lt, true)),
    ("小于", cmp(Comparator::Lt, true)),
    ("不足", cmp(Comparator::Lt, false)),
    ("不到", cmp(Comparator::Lt, false)),
    ("大约", cmp(Comparator::Approx, false)),
    ("将近", cmp(Comparator::Approx, false)),
    ("接近", cmp(Comparator::Approx, false)),
    ("约", cmp(Comparator::Approx, false)),
    ("近", cmp(Comparator::Approx, false)),
    ("超", cmp(Comparator::Gt, false)),
    ("提高到", up(true)),
    ("提高至", up(true)),
    ("提升到", up(true)),
    ("提升至", up(true)),
    ("增长到", up(true)),
    ("增长至", up(true)),
    ("增加到", up(true)),
    ("增加至", up(true)),
    ("扩大到", up(true)),
    ("扩大至", up(true)),
    ("增至", up(true)),
    ("下降到", down(true)),
    ("下降至", down(true)),
    ("降低到", down(true)),
    ("降低至", down(true)),
    ("减少到", down(true)),
    ("减少至", down(true)),
    ("压减到", down(true)),
    ("压减至", down(true)),
    ("降到", down(true)),
    ("降至", down(true)),
    ("减至", down(true)),
    ("增长", up(false)),
    ("增速", up(false)),
    ("增幅", up(false)),
    ("提高", up(false)),
    ("提升", up(false)),
    ("增加", up(false)),
    ("上升", up(false)),
    ("扩大", up(false)),
    ("下降", down(false)),
    ("降低", down(false)),
    ("减少", down(false)),
    ("核减", down(false)),
    ("压减", down(false)),
    ("削减", down(false)),
    ("压缩", down(false)),
    ("回落", down(false)),
    ("缩小", down(false)),
    // 新增 names what is counted (新增20家), not a change of a measure: it
    // must be matched before 增.
    ("新增", Role::Link),
    ("净增", up(false)),
    ("增", up(false)),
    ("减", down(false)),
    ("降", down(false)),
    ("保持在", Role::Link),
    ("稳定在", Role::Link),
    ("分别为", Role::Link),
    ("均为", Role::Link),
    ("达到", Role::Link),
    ("保持", Role::Link),
    ("稳定", Role::Link),
    ("实现", Role::Link),
    ("分别", Role::Link),
    ("同比", Role::Link),
    ("年均", Role::Link),
    ("累计", Role::Link),
    ("合计", Role::Link),
    ("总计", Role::Link),
    ("达", Role::Link),
    ("均", Role::Link),
    ("都", Role::Link),
    ("共", Role::Link),
];

/// Words ending in a one-character predicate that are nouns, not predicates:
/// 小区商超50个 is 50 supermarkets, not "more than 50".
pub(super) const COMPOUNDS: &[&str] = &[
    "商超", "节约", "制约", "集约", "附近", "最近", "公共", "人均", "户均", "亩均", "首都", "升降",
    "增减", "递增", "递减",
];

/// Comparator words right after a unit, longest first.
pub(super) const SUFFIXES: &[(&str, Comparator)] = &[
    ("及以上", Comparator::Ge),
    ("以上", Comparator::Ge),
    ("以下", Comparator::Le),
    ("以内", Comparator::Le),
    ("之内", Comparator::Le),
    ("左右", Comparator::Approx),
    ("上下", Comparator::Approx),
];

/// Words that may follow a unit without making the number part of a name.
/// After `%` or a capacity unit anything else (100%控股, 12万吨煅烧炉) reads
/// as a name or an equipment size.
pub(super) const FOLLOWERS: &[&str] = &[
    "以上",
    "以下",
    "以内",
    "之内",
    "左右",
    "上下",
    "及以上",
    "的",
    "和",
    "与",
    "及",
    "或",
    "等",
    "并",
    "以",
    "至",
    "到",
    "目标",
    "其中",
    "为",
];

/// Verbs, time and scope words that open a clause but are not part of the
/// metric (全年争取各类资金 → 各类资金). Longest first where they overlap.
pub(super) const LEADING: &[&str] = &[
    "开工建设",
    "力争全年",
    "新改建",
    "改扩建",
    "新开工",
    "新培育",
    "新引进",
    "新认定",
    "年底前",
    "到年底",
    "全年",
    "今年",
    "年内",
    "当年",
    "每年",
    "年均",
    "力争",
    "确保",
    "争取",
    "实现",
    "完成",
    "新增",
    "新建",
    "建成",
    "建设",
    "启动",
    "抓好",
    "打造",
    "培育",
    "引进",
    "推进",
    "推动",
    "开工",
    "实施",
    "开展",
    "创建",
    "培养",
    "改造",
    "累计",
    "全市",
    "全县",
    "全区",
    "全省",
    "其中",
    "按照",
    "其他",
    "招引",
    "认定",
    "加快",
    "支持",
    "组织",
    "选拔",
    "安排",
    "积极",
    "大力",
    "共",
    "再",
    "的",
];

/// Nouns that begin with an opening verb or a change verb and must not lose
/// it (建成区绿化覆盖率, 增加值占GDP比重).
pub(super) const VERB_NOUNS: &[&str] = &["建成区", "建设用地", "增加值", "增长率", "增速"];

/// Words that end a phrase after a counter (7个省重点项目、… → 省重点项目)
/// or a project after an amount (…大桥建成通车 → …大桥).
pub(super) const PHRASE_ENDS: &[&str] = &[
    "以及",
    "参加",
    "赴",
    "投入使用",
    "建成",
    "竣工",
    "投产",
    "通车",
    "开工",
    "和",
    "与",
    "及",
    "等",
    "的",
    "并",
];

/// Words that close a phrase after a counter without belonging to it.
pub(super) const TRAILING: &[&str] = &["建设", "目标"];

/// A floor stated by the noun rather than a comparator word (58.42万亩耕地红线).
pub(super) const FLOORS: &[&str] = &["红线", "底线"];

/// Metric nouns that are themselves rates of change (增长率达到8%).
pub(super) const RATE_NOUNS: &[&str] = &["增速", "增幅", "增长率", "增长速度"];

/// Counter phrases that measure time, not things (14个工作日内, 3个月).
pub(super) const DURATIONS: &[&str] = &["月", "工作日", "小时", "季度", "学期", "年"];

/// Verbs after which a Chinese numeral counts things (新增两家, 建成三所).
/// Without one, 四个意识 or 两个维护 are slogans, not quantities.
pub(super) const COUNT_VERBS: &[&str] = &[
    "新增", "新建", "建成", "建设", "培育", "引进", "打造", "创建", "完成", "达到", "增加", "减少",
    "改造", "认定", "招引", "开工", "签约", "设立", "组建", "增设", "创成", "争创", "落地", "建",
];

/// Nouns that mark the phrase after an amount as a project
/// (12.8亿元的新兴非织造产业园).
pub(super) const PROJECT_WORDS: &[&str] = &[
    "项目",
    "工程",
    "园",
    "基地",
    "小镇",
    "大桥",
    "码头",
    "电站",
    "综合体",
];

/// Nouns after `X亿元的` that are not projects (1万元的补贴, 6亿元的投资任务).
pub(super) const NOT_PROJECTS: &[&str] = &[
    "补贴", "补助", "奖励", "奖补", "资金", "贷款", "经费", "费用", "额度", "幅度", "任务", "目标",
    "规模", "投资", "产值", "收入", "销售",
];

/// Entries of a plain word list, for an [`Index`] without values.
fn plain(words: &'static [&'static str]) -> impl Iterator<Item = (&'static str, ())> {
    words.iter().map(|&w| (w, ()))
}

/// [`PREDICATES`] by last character, for reading them back to front.
pub(super) static PREDICATES_BY_LAST: LazyLock<Index<Role>> =
    LazyLock::new(|| Index::new(PREDICATES.iter().copied(), last));

/// The comparators of [`PREDICATES`] that may stand away from their value.
pub(super) static FAR_COMPARATORS: LazyLock<Index<Comparator>> = LazyLock::new(|| {
    let far = PREDICATES.iter().filter_map(|&(w, role)| match role {
        Role::Compare {
            comparator,
            far: true,
        } => Some((w, comparator)),
        _ => None,
    });
    Index::new(far, first)
});

/// The change verbs of [`PREDICATES`] of two characters or more (增长, 核减),
/// as they open a clause or follow 的幅度.
pub(super) static CHANGE_VERBS: LazyLock<Index<Direction>> = LazyLock::new(|| {
    let verbs = PREDICATES.iter().filter_map(|&(w, role)| match role {
        Role::Change {
            direction,
            to_level: false,
        } if w.chars().count() > 1 => Some((w, direction)),
        _ => None,
    });
    Index::new(verbs, first)
});

/// [`LEADING`] by first character.
pub(super) static LEADING_BY_FIRST: LazyLock<Index<()>> =
    LazyLock::new(|| Index::new(plain(LEADING), first));

/// [`PHRASE_ENDS`] by first character.
pub(super) static PHRASE_ENDS_BY_FIRST: LazyLock<Index<()>> =
    LazyLock::new(|| Index::new(plain(PHRASE_ENDS), first));

/// [`FOLLOWERS`] by first character.
pub(super) static FOLLOWERS_BY_FIRST: LazyLock<Index<()>> =
    LazyLock::new(|| Index::new(plain(FOLLOWERS), first));

#[cfg(test)]
mod tests {
    use super::*;

    /// A longer word must come before a shorter one it ends with (or starts
    /// with, for tables read front to back), or the shorter would win.
    #[test]
    fn longer_words_come_first() {
        let words: Vec<&str> = PREDICATES.iter().map(|(w, _)| *w).collect();
        for (i, w) in words.iter().enumerate() {
            for v in &words[i + 1..] {
                assert!(!(v.len() > w.len() && v.ends_with(w)), "{v} after {w}");
            }
        }
        for table in [LEADING, PHRASE_ENDS, FOLLOWERS] {
            for (i, w) in table.iter().enumerate() {
                for v in &table[i + 1..] {
                    assert!(!(v.len() > w.len() && v.starts_with(w)), "{v} after {w}");
                }
            }
        }
    }

    #[test]
    fn indexes_find_words() {
        assert_eq!(
            PREDICATES_BY_LAST
                .suffix_of("贷款增长不超过")
                .map(|(w, _)| w),
            Some("不超过")
        );
        assert_eq!(
            FAR_COMPARATORS
                .find_in("总投资不低于上年度")
                .map(|(i, _, _)| i),
            Some("总投资".len())
        );
        assert_eq!(
            CHANGE_VERBS.prefix_of("核减“三公”经费").map(|(_, d)| d),
            Some(Direction::Decrease)
        );
        assert_eq!(
            LEADING_BY_FIRST.prefix_of("开工建设大桥").map(|(w, _)| w),
            Some("开工建设")
        );
    }
}
