//! Tidying the names a list split gives: what real lists write around and
//! between names that is not part of any name.
//!
//! - List tails: `市水务局等部门,区国投公司` and `…管委会等,各县、市、区政府`
//!   end a run of names with 等 / 等部门; `各有关部门按职责分工负责` ends with
//!   a phrase that assigns rather than names. The name is what comes before.
//! - `各县、市、区政府` (every county, city and district government) and
//!   `各区、县级市` are one unit each: split on 、 they give fragments
//!   (市, 区政府) that name nothing, so the fragments are joined back.
//! - Leaders are written with their titles (`王丹副市长`, `金力同志`); the
//!   name is the person.

use std::ops::Range;

use crate::model::RoleKind;

/// Tails that end a list (or a run of it) and belong to no name, longest first.
const TAILS: &[&str] = &[
    "按职责分工负责",
    "按職責分工負責",
    "按职责负责",
    "按職責負責",
    "等有关部门",
    "等相关部门",
    "等有关单位",
    "等相关单位",
    "等有關部門",
    "等相關部門",
    "等有關單位",
    "等相關單位",
    "等部门",
    "等单位",
    "等部門",
    "等單位",
    "等",
];

/// The last characters of the tails: most names end otherwise.
const TAIL_ENDS: &[char] = &['等', '门', '門', '位', '責', '责'];

/// 各, which starts `各县、市、区政府`.
const EVERY: char = '各';

/// A three-byte character's UTF-8 bytes as one integer: compared in a
/// register, where three-byte arrays were compared by calling `memcmp`.
const fn packed(b: [u8; 3]) -> u32 {
    u32::from_le_bytes([b[0], b[1], b[2], 0])
}

/// [`packed`] for a three-byte `char`.
const fn packed_char(c: char) -> u32 {
    let c = c as u32;
    packed([
        0xe0 | (c >> 12) as u8,
        0x80 | ((c >> 6) & 0x3f) as u8,
        0x80 | (c & 0x3f) as u8,
    ])
}

/// Titles after a leader's name, longest first.
const TITLES: &[&str] = &[
    "常务副市长",
    "常务副县长",
    "常务副区长",
    "常務副市長",
    "常務副縣長",
    "常務副區長",
    "副秘书长",
    "副秘書長",
    "副市长",
    "副县长",
    "副区长",
    "副省长",
    "副镇长",
    "副市長",
    "副縣長",
    "副區長",
    "副省長",
    "副鎮長",
    "副主任",
    "副书记",
    "副書記",
    "副局长",
    "副局長",
    "副部长",
    "副部長",
    "副主席",
    "秘书长",
    "秘書長",
    "市长",
    "县长",
    "区长",
    "省长",
    "镇长",
    "市長",
    "縣長",
    "區長",
    "省長",
    "鎮長",
    "主任",
    "书记",
    "書記",
    "局长",
    "局長",
    "部长",
    "部長",
    "主席",
    "同志",
];

/// Tidies the names `names[first_name..]` of one role (separators
/// `separators[first_separator..]`, one between each pair of names) in place.
pub(crate) fn tidy(
    text: &str,
    names: &mut Vec<Range<usize>>,
    separators: &mut Vec<Range<usize>>,
    first_name: usize,
    first_separator: usize,
    kind: RoleKind,
) {
    // Most lists need nothing: test each name's first and last character's
    // bytes first (every Han character here is three bytes).
    let untouched = |r: &Range<usize>| {
        let b = &text.as_bytes()[r.clone()];
        let (Some(first), Some(last)) = (b.first_chunk::<3>(), b.last_chunk::<3>()) else {
            return true;
        };
        packed(*first) != packed_char(EVERY)
            && !TAIL_ENDS.iter().any(|&e| packed(*last) == packed_char(e))
            && (kind != RoleKind::Leaders || b.len() < 12)
    };
    if names[first_name..].iter().all(untouched) {
        return;
    }
    join_level_fragments(text, names, separators, first_name, first_separator);
    for name in &mut names[first_name..] {
        strip_tail(text, name);
        if kind == RoleKind::Leaders {
            strip_title(text, name);
        }
    }
}

/// Joins `各县` `市` `区政府` back into `各县、市、区政府`.
fn join_level_fragments(
    text: &str,
    names: &mut Vec<Range<usize>>,
    separators: &mut Vec<Range<usize>>,
    first_name: usize,
    first_separator: usize,
) {
    let mut i = first_name;
    while i + 1 < names.len() {
        let joins = is_level_head(&text[names[i].clone()])
            && is_level_fragment(&text[names[i + 1].clone()]);
        if !joins {
            i += 1;
            continue;
        }
        // Absorb every fragment that follows: 各县、市、区政府 has two.
        while i + 1 < names.len() && is_level_fragment(&text[names[i + 1].clone()]) {
            names[i].end = names[i + 1].end;
            names.remove(i + 1);
            separators.remove(first_separator + (i - first_name));
        }
        i += 1;
    }
}

/// `各县`, `各区`, `各市`: "every county" before a list of further levels.
fn is_level_head(s: &str) -> bool {
    s.strip_prefix(EVERY).is_some_and(is_level)
}

/// `市`, `区政府`, `县级市`, `区人民政府`: a level, possibly with its government.
fn is_level_fragment(s: &str) -> bool {
    let level = s
        .strip_suffix("人民政府")
        .or_else(|| s.strip_suffix("政府"))
        .unwrap_or(s);
    is_level(level)
}

fn is_level(s: &str) -> bool {
    matches!(
        s,
        "县" | "市"
            | "区"
            | "縣"
            | "區"
            | "县级市"
            | "縣級市"
            | "市辖区"
            | "乡"
            | "镇"
            | "鄉"
            | "鎮"
    )
}

/// Cuts a list tail off the end of a name, leaving at least two characters.
fn strip_tail(text: &str, name: &mut Range<usize>) {
    let s = &text[name.clone()];
    let Some(last) = s.chars().next_back() else {
        return;
    };
    if !TAIL_ENDS.contains(&last) {
        return;
    }
    // Tails are compared whole only when their last character matches:
    // `ends_with` calls `memcmp`, and this runs for most names of a list.
    if let Some(tail) = TAILS
        .iter()
        .filter(|t| t.as_bytes().last_chunk::<3>().map(|&b| packed(b)) == Some(packed_char(last)))
        .find(|t| s.ends_with(*t) && s[..s.len() - t.len()].chars().count() >= 2)
    {
        name.end -= tail.len();
    }
}

/// Cuts a title off a leader's name, leaving a personal name of 2–4 characters.
fn strip_title(text: &str, name: &mut Range<usize>) {
    let s = &text[name.clone()];
    // A personal name alone is 2–3 characters, rarely 4; a title makes it
    // longer. Four Han characters take 12 bytes: a cheap first test.
    if s.len() < 12 || s.chars().count() < 4 {
        return;
    }
    if let Some(title) = TITLES
        .iter()
        .find(|t| s.ends_with(*t) && (2..=4).contains(&s[..s.len() - t.len()].chars().count()))
    {
        name.end -= title.len();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packed_chars_are_their_utf8_bytes() {
        for c in TAIL_ENDS.iter().copied().chain([EVERY]) {
            let mut buf = [0; 4];
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            assert_eq!(packed_char(c), packed(bytes.try_into().unwrap()), "{c}");
        }
    }

    /// Splits `s` on 、 and , and tidies, returning the names.
    fn tidied(s: &str, kind: RoleKind) -> Vec<&str> {
        let mut names = vec![];
        let mut separators = vec![];
        let mut start = 0;
        for (i, c) in s.char_indices() {
            if matches!(c, '、' | ',') {
                names.push(start..i);
                separators.push(i..i + c.len_utf8());
                start = i + c.len_utf8();
            }
        }
        names.push(start..s.len());
        tidy(s, &mut names, &mut separators, 0, 0, kind);
        assert_eq!(separators.len() + 1, names.len());
        names.into_iter().map(|r| &s[r]).collect()
    }

    #[test]
    fn level_lists_stay_one_unit() {
        let units = RoleKind::ResponsibleUnits;
        assert_eq!(
            tidied("市税务局、滁州海关等,各县、市、区政府", units),
            ["市税务局", "滁州海关", "各县、市、区政府"]
        );
        assert_eq!(
            tidied("市委组织部,各区、县级市", units),
            ["市委组织部", "各区、县级市"]
        );
        assert_eq!(
            tidied("各县、市、区人民政府、市财政局", units),
            ["各县、市、区人民政府", "市财政局"]
        );
        assert_eq!(tidied("市政府、区政府", units), ["市政府", "区政府"]);
    }

    #[test]
    fn tails_come_off() {
        let units = RoleKind::ResponsibleUnits;
        assert_eq!(
            tidied("区住建局、区水务局等部门,区国投公司", units),
            ["区住建局", "区水务局", "区国投公司"]
        );
        assert_eq!(
            tidied("市级各有关部门按职责分工负责", units),
            ["市级各有关部门"]
        );
        assert_eq!(tidied("平等", units), ["平等"]);
    }

    #[test]
    fn leaders_lose_their_titles() {
        assert_eq!(
            tidied("王丹副市长、金力同志、洪金虎", RoleKind::Leaders),
            ["王丹", "金力", "洪金虎"]
        );
        // Units keep what looks like a title.
        assert_eq!(
            tidied("市长热线办公室", RoleKind::LeadUnits),
            ["市长热线办公室"]
        );
    }
}
