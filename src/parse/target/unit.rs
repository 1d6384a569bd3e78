//! The units a target may carry, what sort of quantity each measures, and the
//! scale prefixes (万, 亿 …) that give a unit a normalised `base_value`.

use std::sync::LazyLock;

use super::index::{first, Index};

/// What sort of quantity a unit measures; it decides a target's kind and
/// which exclusions apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Class {
    /// `%`, `\u{ff05}`, `‰`: a share or a rate.
    Percent,
    /// `个百分点`, `百分点`: a difference of two percentages.
    Points,
    /// `成`: tenths (三成 = 30%).
    Tenths,
    /// `倍`: a multiple of something.
    Multiple,
    /// `番` in 翻一番: doublings.
    Doubling,
    /// `元`, `美元`: money.
    Currency,
    /// `家`, `个`, `人` …: discrete things.
    Counter,
    /// `亩`, `平方米` …: an area.
    Area,
    /// `公里`, `千米`, `米`: a length.
    Length,
    /// `吨`, `千克` …: a weight (also an equipment capacity: 12万吨煅烧炉).
    Mass,
    /// `千瓦`, `兆瓦`, `千瓦时`: power or energy (also a plant's capacity).
    Power,
    /// `立方米`: a volume (also a plant's capacity).
    Volume,
}

impl Class {
    /// Relative units: with a change word (增长, 下降 …) they make a growth target.
    pub(super) fn is_relative(self) -> bool {
        matches!(
            self,
            Class::Percent | Class::Points | Class::Tenths | Class::Multiple | Class::Doubling
        )
    }

    /// Units that, directly followed by a noun, give the size of a facility
    /// (12万吨煅烧炉, 10万千瓦光伏电站) rather than a commitment.
    pub(super) fn sizes_equipment(self) -> bool {
        matches!(self, Class::Mass | Class::Power | Class::Volume)
    }
}

/// Base units in the order the pattern must try them (longer first where one
/// is a prefix of another). The flag says whether a scale prefix may precede it.
const BASES: &[(&str, Class, bool)] = &[
    ("%", Class::Percent, false),
    ("\u{ff05}", Class::Percent, false),
    ("‰", Class::Percent, false),
    ("个百分点", Class::Points, false),
    ("百分点", Class::Points, false),
    ("倍", Class::Multiple, false),
    ("成", Class::Tenths, false),
    ("美元", Class::Currency, true),
    ("元", Class::Currency, true),
    ("平方公里", Class::Area, true),
    ("平方米", Class::Area, true),
    ("公顷", Class::Area, true),
    ("亩", Class::Area, true),
    ("公里", Class::Length, true),
    ("千米", Class::Length, true),
    ("立方米", Class::Volume, true),
    ("米", Class::Length, true),
    ("千瓦时", Class::Power, true),
    ("千瓦", Class::Power, true),
    ("兆瓦", Class::Power, true),
    ("千克", Class::Mass, true),
    ("公斤", Class::Mass, true),
    ("吨", Class::Mass, true),
    ("人次", Class::Counter, true),
    ("人", Class::Counter, true),
    ("家", Class::Counter, true),
    ("个", Class::Counter, true),
    ("名", Class::Counter, true),
    ("户", Class::Counter, true),
    ("套", Class::Counter, true),
    ("间", Class::Counter, true),
    ("项", Class::Counter, true),
    ("所", Class::Counter, false),
    ("座", Class::Counter, false),
    ("条", Class::Counter, false),
    ("处", Class::Counter, false),
    ("台", Class::Counter, true),
    ("辆", Class::Counter, true),
    ("张", Class::Counter, true),
    ("次", Class::Counter, true),
    ("场", Class::Counter, false),
    ("件", Class::Counter, true),
    ("头", Class::Counter, true),
    ("只", Class::Counter, true),
    ("株", Class::Counter, true),
    ("艘", Class::Counter, false),
    ("栋", Class::Counter, false),
    ("幢", Class::Counter, false),
    ("宗", Class::Counter, false),
    ("位", Class::Counter, false),
    ("支", Class::Counter, false),
];

/// Scale prefixes and their powers of ten, longer first (traditional 萬 and
/// 億 are folded to these, see `fold`). 千 is not one: in
/// 千米, 千瓦 and 千克 it is part of the unit, and 千亩 before a noun is a name.
const PREFIXES: &[(&str, i32)] = &[
    ("万亿", 12),
    ("千万", 7),
    ("百万", 6),
    ("十万", 5),
    ("万", 4),
    ("亿", 8),
];

/// A unit as read: its class and the power of ten its prefix carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Unit {
    /// What it measures.
    pub(super) class: Class,
    /// `Some(4)` for 万亩; `Some(1)` for 成 (tenths, in percent); `None` when
    /// the unit has no scale and `base_value` stays empty.
    pub(super) scale: Option<i32>,
}

/// Reads the unit at the start of `s`: an optional scale prefix, an optional
/// 多/余 after it (1万多人), then a base unit. Returns the unit, the byte
/// length of prefix and base, and whether 多/余 stood between them.
pub(super) fn unit_at(s: &str) -> Option<(Unit, usize, bool)> {
    // Units and prefixes are looked up at every number: both tables are
    // indexed by first character once.
    static PREFIX_INDEX: LazyLock<Index<i32>> =
        LazyLock::new(|| Index::new(PREFIXES.iter().copied(), first));
    static BASE_INDEX: LazyLock<Index<(Class, bool)>> = LazyLock::new(|| {
        Index::new(
            BASES
                .iter()
                .map(|&(b, class, scalable)| (b, (class, scalable))),
            first,
        )
    });
    let (prefix, exp) = PREFIX_INDEX
        .prefix_of(s)
        .map_or(("", None), |(p, e)| (p, Some(e)));
    let rest = &s[prefix.len()..];
    let more = rest.starts_with(['多', '余']);
    let rest = if more {
        &rest['多'.len_utf8()..]
    } else {
        rest
    };
    let after_prefix = s.len() - rest.len();
    let (base, (class, scalable)) = BASE_INDEX.prefix_of(rest)?;
    if exp.is_some() && !scalable {
        return None;
    }
    let scale = exp.or((class == Class::Tenths).then_some(1));
    Some((Unit { class, scale }, after_prefix + base.len(), more))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_scale_only_scalable_units() {
        let scale = |s: &str| unit_at(s).map(|(u, len, _)| (u.scale, len));
        assert_eq!(scale("万亩耕地"), Some((Some(4), "万亩".len())));
        assert_eq!(scale("亿元的"), Some((Some(8), "亿元".len())));
        assert_eq!(scale("亩以上"), Some((None, "亩".len())));
        assert_eq!(scale("万%"), None);
        assert_eq!(scale("成"), Some((Some(1), "成".len())));
        assert_eq!(scale("千伏变电站"), None);
        assert_eq!(unit_at("万多人").map(|(_, _, more)| more), Some(true));
    }

    #[test]
    fn longer_units_come_before_their_prefixes() {
        let pos = |u: &str| BASES.iter().position(|(b, _, _)| *b == u);
        assert!(pos("个百分点") < pos("个"));
        assert!(pos("人次") < pos("人"));
        assert!(pos("平方米") < pos("米"));
        assert!(pos("千瓦时") < pos("千瓦"));
        assert!(pos("美元") < pos("元"));
    }
}
