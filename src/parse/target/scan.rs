//! Finding quantities — a number (or range) with a unit — in a task's text.
//!
//! A byte scanner, not a regex: it stops only at Arabic digits (either
//! width), Chinese numerals and 翻, reads the number, an optional range
//! (`3-5`, `3—5`, `3~5`, `3～5`, `3至5`), an optional 多/余, a scale prefix and a
//! unit; and the idiom 翻N番. Whether a candidate is a target is decided
//! later, from its context. Nothing is allocated but the result.

use std::ops::Range;

use super::fold;
use super::unit::{self, Class, Unit};
use crate::parse::trivia::decode3;

/// A number with its unit, as found in the text.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Quantity<'t> {
    /// Byte range of number(s) and unit in the task text.
    pub(super) range: Range<usize>,
    /// The value (lower bound of a range).
    pub(super) value: f64,
    /// Upper bound of a range (3-5家).
    pub(super) value_max: Option<f64>,
    /// The value as an exact decimal: digits and how many of them follow
    /// the point (`12.8` → (128, 1)).
    pub(super) decimal: Decimal,
    /// Unit as written, prefix included (`万亩`).
    pub(super) unit_text: &'t str,
    /// What the unit measures and its scale.
    pub(super) unit: Unit,
    /// Written with Chinese numerals (新增两家) rather than digits.
    pub(super) chinese: bool,
    /// 多 or 余 after the number (300多家): more than the value.
    pub(super) more: bool,
}

impl Quantity<'_> {
    /// `value` in the unit without its scale prefix (12.8亿元 → 1.28e9).
    pub(super) fn base_value(&self) -> Option<f64> {
        let exp = self.unit.scale?;
        Some(self.decimal.scaled(exp))
    }
}

/// A number read exactly: `digits × 10^-fraction`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Decimal {
    digits: u64,
    fraction: i32,
}

/// Powers of ten that an `f64` holds exactly.
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

impl Decimal {
    /// Reads digits of either width with an optional decimal point; `None`
    /// past 15 significant digits, where an `f64` stops being exact.
    fn parse(s: &str) -> Option<Decimal> {
        let mut digits = 0u64;
        let mut fraction = None;
        for c in s.chars() {
            let d = match c {
                '0'..='9' => c as u32 - '0' as u32,
                '\u{ff10}'..='\u{ff19}' => c as u32 - 0xff10,
                '.' | '\u{ff0e}' => {
                    fraction = Some(0);
                    continue;
                }
                _ => return None,
            };
            digits = digits.checked_mul(10)?.checked_add(u64::from(d))?;
            if let Some(f) = fraction.as_mut() {
                *f += 1;
            }
        }
        (digits < 1_000_000_000_000_000).then_some(Decimal {
            digits,
            fraction: fraction.unwrap_or(0),
        })
    }

    /// A whole number.
    fn whole(n: u32) -> Decimal {
        Decimal {
            digits: u64::from(n),
            fraction: 0,
        }
    }

    /// The value times `10^exp`, correctly rounded: one exact product or
    /// quotient of exact operands (58.42万 is 584200, not 584200.00000000001).
    pub(super) fn scaled(self, exp: i32) -> f64 {
        let m = self.digits as f64;
        let k = exp - self.fraction;
        let pow = |k: i32| {
            POW10
                .get(k.unsigned_abs() as usize)
                .copied()
                .unwrap_or(f64::INFINITY)
        };
        if k >= 0 {
            m * pow(k)
        } else {
            m / pow(k)
        }
    }

    /// The value.
    pub(super) fn value(self) -> f64 {
        self.scaled(0)
    }
}

/// Every candidate quantity in `text`, left to right.
pub(super) fn quantities(text: &str) -> Quantities<'_> {
    Quantities {
        text,
        at: 0,
        traditional: false,
    }
}

/// The iterator of [`quantities`].
pub(super) struct Quantities<'t> {
    text: &'t str,
    at: usize,
    traditional: bool,
}

impl Quantities<'_> {
    /// True once the scan has passed a traditional character (see `fold`):
    /// the text must be folded and scanned again.
    pub(super) fn saw_traditional(&self) -> bool {
        self.traditional
    }
}

/// The three-byte characters a quantity may start with: full-width digits,
/// Chinese numerals and 翻.
const STARTS: [char; 27] = [
    '\u{ff10}', '\u{ff11}', '\u{ff12}', '\u{ff13}', '\u{ff14}', '\u{ff15}', '\u{ff16}', '\u{ff17}',
    '\u{ff18}', '\u{ff19}', '零', '〇', '一', '二', '两', '三', '四', '五', '六', '七', '八', '九',
    '十', '百', '千', '翻', '兩',
];

/// The characters the scanner stops at: [`STARTS`] and the traditional
/// characters of `fold`, each recorded exactly as its low twelve bits (the
/// index: [`pair_slot`] of the last two bytes, which hold them) and its
/// first byte's low four bits (the bit of [`LEAD_BITS`]), as [`is_marked`]
/// reads them from the UTF-8 bytes. A table of low bits alone let through
/// one character in seventeen of the seed, most of them for nothing; this
/// one, a byte per entry (16 KB, of which Chinese text touches the slots of
/// its own characters), stays in the first-level cache.
const MARKED: [u8; PAIR_SLOTS] = {
    let mut marked = [0u8; PAIR_SLOTS];
    let mut i = 0;
    while i < MARKED_CHARS {
        let c = marked_char(i);
        let (b1, b2) = (0x80 | ((c >> 6) & 0x3f) as u8, 0x80 | (c & 0x3f) as u8);
        marked[pair_slot(u16::from_le_bytes([b1, b2]))] |= LEAD_BITS[(c >> 12) & 0xf];
        i += 1;
    }
    marked
};

/// Entries of [`MARKED`]: every value [`pair_slot`] gives.
const PAIR_SLOTS: usize = 0x3f3f + 1;

/// A three-byte character's last two bytes, read as one little-endian
/// `u16`, less their continuation bits: the index of [`MARKED`]. One load
/// and one mask, where the low twelve bits take two of each and a shift.
const fn pair_slot(last_two: u16) -> usize {
    (last_two & 0x3f3f) as usize
}

/// How many characters the scanner stops at: [`STARTS`], then the
/// traditional characters of `fold`.
const MARKED_CHARS: usize = STARTS.len() + fold::PAIRS.len();

/// The `i`-th character the scanner stops at, as a number.
const fn marked_char(i: usize) -> usize {
    if i < STARTS.len() {
        STARTS[i] as usize
    } else {
        fold::PAIRS[i - STARTS.len()].0 as usize
    }
}

/// A bit for each value of a three-byte first byte's low four bits (a
/// character's top four bits) that a marked character has; zero for the
/// others. The marked characters have eight such values between them.
const LEAD_BITS: [u8; 16] = {
    let mut bits = [0u8; 16];
    let mut next = 0;
    let mut i = 0;
    while i < MARKED_CHARS {
        let nibble = (marked_char(i) >> 12) & 0xf;
        if bits[nibble] == 0 {
            assert!(next < 8, "more than eight leading nibbles: widen MARKED");
            bits[nibble] = 1 << next;
            next += 1;
        }
        i += 1;
    }
    bits
};

/// True when the three-byte character `b0 b1 b2` is one of [`MARKED`].
fn is_marked(b0: u8, b1: u8, b2: u8) -> bool {
    MARKED[pair_slot(u16::from_le_bytes([b1, b2]))] & LEAD_BITS[usize::from(b0 & 0x0f)] != 0
}

impl<'t> Iterator for Quantities<'t> {
    type Item = Quantity<'t>;

    fn next(&mut self) -> Option<Quantity<'t>> {
        while let Some(i) = next_candidate(self.text.as_bytes(), self.at, &mut self.traditional) {
            let (q, next) = self.candidate(i);
            self.at = next.max(i + 1);
            if q.is_some() {
                return q;
            }
        }
        self.at = self.text.len();
        None
    }
}

/// The next byte offset from `i` where a quantity may start: an ASCII digit
/// or a character of [`STARTS`]; on the way, notes in `traditional` whether
/// a traditional character was passed. The hot loop of extraction: it
/// touches every byte of every task, so it decodes nothing but the rare
/// characters [`MARKED`] names.
fn next_candidate(bytes: &[u8], mut i: usize, traditional: &mut bool) -> Option<usize> {
    loop {
        i = skip_unmarked(bytes, i);
        let &b = bytes.get(i)?;
        // Three-byte characters first: they are nearly all of the text, and
        // nearly all have no mark, which one test of the table rules out.
        if let (0xe0..=0xef, Some(&[_, b1, b2])) = (b, bytes.get(i..i + 3)) {
            if is_marked(b, b1, b2) {
                if decode3(b, b1, b2).is_some_and(|c| STARTS.contains(&c)) {
                    return Some(i);
                }
                *traditional = true;
            }
            i += 3;
            continue;
        }
        match b {
            b'0'..=b'9' => return Some(i),
            0x00..=0x7f => i += 1,
            0xf0..=0xff => i += 4,
            // Two-byte characters, and a three-byte one cut off at the end.
            _ => i += 2,
        }
    }
}

/// Skips runs of four three-byte characters none of which is marked: one
/// test for four characters where Chinese text has few marked ones.
fn skip_unmarked(bytes: &[u8], mut i: usize) -> usize {
    while let Some(c) = bytes.get(i..).and_then(<[u8]>::first_chunk::<12>) {
        let lead = |k: usize| c[k] & 0xf0 == 0xe0;
        if !(lead(0) & lead(3) & lead(6) & lead(9)) {
            break;
        }
        let marked = |k: usize| is_marked(c[k], c[k + 1], c[k + 2]);
        if marked(0) | marked(3) | marked(6) | marked(9) {
            break;
        }
        i += 12;
    }
    i
}

impl<'t> Quantities<'t> {
    /// Reads the quantity that may start at candidate offset `i`.
    fn candidate(&self, i: usize) -> (Option<Quantity<'t>>, usize) {
        let text = self.text;
        match text[i..].chars().next() {
            Some('0'..='9' | '\u{ff10}'..='\u{ff19}') => arabic(text, i),
            Some('翻') => doubling(text, i),
            Some(c) if is_chinese_digit(c) => chinese(text, i),
            Some(c) => (None, i + c.len_utf8()),
            None => (None, text.len()),
        }
    }
}

/// Where the number (digits of either width, optional decimal part)
/// starting at `i` ends, or `None` when no digit starts there. Read on bytes:
/// it runs at every candidate.
fn number_end(text: &str, i: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let digits_end = |mut at: usize| {
        while let Some(n) = digit_len(&bytes[at..]) {
            at += n;
        }
        at
    };
    let end = digits_end(i);
    if end == i {
        return None;
    }
    let point = match bytes[end..] {
        [b'.', ..] => 1,
        // `．` U+FF0E
        [0xef, 0xbc, 0x8e, ..] => 3,
        _ => 0,
    };
    Some(match digit_len(&bytes[end + point..]) {
        Some(_) if point > 0 => digits_end(end + point),
        _ => end,
    })
}

/// Byte length of the digit, ASCII or full-width (U+FF10–U+FF19), that
/// `bytes` starts with.
fn digit_len(bytes: &[u8]) -> Option<usize> {
    match bytes {
        [b'0'..=b'9', ..] => Some(1),
        [0xef, 0xbc, 0x90..=0x99, ..] => Some(3),
        _ => None,
    }
}

/// Range separators: hyphen, en and em dash (single or doubled), the
/// full-width hyphen and tildes, and the words 至 / 到.
fn separator_len(s: &str) -> usize {
    if s.starts_with("\u{2014}\u{2014}") {
        return "\u{2014}\u{2014}".len();
    }
    match s.chars().next() {
        Some(
            c @ ('-' | '\u{2013}' | '\u{2014}' | '\u{ff0d}' | '~' | '\u{ff5e}' | '\u{301c}' | '至'
            | '到'),
        ) => c.len_utf8(),
        _ => 0,
    }
}

/// A quantity written in Arabic digits at `i`; on failure, scanning resumes
/// after the whole number so that `2021年` never yields `021年`.
fn arabic(text: &str, i: usize) -> (Option<Quantity<'_>>, usize) {
    let Some(end) = number_end(text, i) else {
        return (None, i + 1);
    };
    let decimal = Decimal::parse(&text[i..end]);
    let q = decimal.and_then(|decimal| {
        // 8%-10%: the first number may carry the percent sign.
        let pct = ["%", "\u{ff05}"]
            .into_iter()
            .find(|p| text[end..].starts_with(p));
        range_after(text, end + pct.map_or(0, str::len), true)
            .filter(|r| pct.is_none() || r.unit.class == Class::Percent)
            .or_else(|| range_after(text, end, false))
            .map(|r| Quantity {
                range: i..r.end,
                value: decimal.value(),
                decimal,
                ..r.into_quantity(text)
            })
    });
    let next = q.as_ref().map_or(end, |q| q.range.end);
    (q, next)
}

/// What follows a first number: an optional range bound, then the unit.
struct Tail {
    value_max: Option<f64>,
    more: bool,
    unit: Unit,
    unit_start: usize,
    end: usize,
}

impl Tail {
    fn into_quantity(self, text: &str) -> Quantity<'_> {
        Quantity {
            range: 0..self.end,
            value: 0.0,
            value_max: self.value_max,
            decimal: Decimal::whole(0),
            unit_text: &text[self.unit_start..self.end],
            unit: self.unit,
            chinese: false,
            more: self.more,
        }
    }
}

/// Reads `[separator number] [多/余] [space] unit` at `at`; with `ranged`,
/// the separator and second number are required.
fn range_after(text: &str, at: usize, ranged: bool) -> Option<Tail> {
    let mut at = at;
    let mut value_max = None;
    if ranged {
        let sep = separator_len(&text[at..]);
        let end = number_end(text, at + sep).filter(|_| sep > 0)?;
        value_max = Some(Decimal::parse(&text[at + sep..end])?.value());
        at = end;
    }
    let more = text[at..].starts_with(['多', '余']);
    if more {
        at += '多'.len_utf8();
    }
    if let Some(space) = text[at..]
        .chars()
        .next()
        .filter(|&c| matches!(c, ' ' | '\u{a0}' | '\u{3000}'))
    {
        at += space.len_utf8();
    }
    let (unit, len, more_inside) = unit::unit_at(&text[at..])?;
    Some(Tail {
        value_max,
        more: more || more_inside,
        unit,
        unit_start: at,
        end: at + len,
    })
}

/// Chinese numeral characters a quantity may be written with.
fn is_chinese_digit(c: char) -> bool {
    matches!(
        c,
        '零' | '〇'
            | '一'
            | '二'
            | '两'
            | '三'
            | '四'
            | '五'
            | '六'
            | '七'
            | '八'
            | '九'
            | '十'
            | '百'
            | '千'
    )
}

/// Where the run of Chinese numeral characters at `i` ends.
fn chinese_end(text: &str, i: usize) -> usize {
    text[i..]
        .char_indices()
        .find(|&(_, c)| !is_chinese_digit(c))
        .map_or(text.len(), |(j, _)| i + j)
}

/// A quantity written in Chinese numerals at `i` (新增两家, 三至五所, 三成).
fn chinese(text: &str, i: usize) -> (Option<Quantity<'_>>, usize) {
    let end = chinese_end(text, i);
    let q = chinese_value(&text[i..end]).and_then(|value| {
        let mut at = end;
        let mut value_max = None;
        if let Some(sep) = ['至', '到']
            .into_iter()
            .find(|&c| text[end..].starts_with(c))
        {
            let max_end = chinese_end(text, end + sep.len_utf8());
            value_max = chinese_value(&text[end + sep.len_utf8()..max_end]).map(f64::from);
            if value_max.is_some() {
                at = max_end;
            }
        }
        let more = text[at..].starts_with(['多', '余']);
        if more {
            at += '多'.len_utf8();
        }
        let (unit, len, more_inside) = unit::unit_at(&text[at..])?;
        Some(Quantity {
            range: i..at + len,
            value: f64::from(value),
            value_max,
            decimal: Decimal::whole(value),
            unit_text: &text[at..at + len],
            unit,
            chinese: true,
            more: more || more_inside,
        })
    });
    let next = q.as_ref().map_or(end, |q| q.range.end);
    (q, next)
}

/// 翻一番, 翻两番, 翻番 at `i` (which holds 翻).
fn doubling(text: &str, i: usize) -> (Option<Quantity<'_>>, usize) {
    let after = i + '翻'.len_utf8();
    let end = chinese_end(text, after);
    let numeral = &text[after..end];
    // 翻番 alone means one doubling.
    let n = if numeral.is_empty() {
        Some(1)
    } else {
        chinese_value(numeral)
    };
    let q = n.filter(|_| text[end..].starts_with('番')).map(|n| {
        let unit_end = end + '番'.len_utf8();
        Quantity {
            range: i..unit_end,
            value: f64::from(n),
            value_max: None,
            decimal: Decimal::whole(n),
            unit_text: &text[end..unit_end],
            unit: Unit {
                class: Class::Doubling,
                scale: None,
            },
            chinese: true,
            more: false,
        }
    });
    let next = q.as_ref().map_or(after, |q| q.range.end);
    (q, next)
}

/// The value of a Chinese numeral as used for quantities: 两 = 2, 十五,
/// 二十, 一百二十, 三千零五. Digit strings without multipliers (一二三) are
/// not numbers and give `None`.
pub(super) fn chinese_value(s: &str) -> Option<u32> {
    let mut total = 0u32;
    let mut pending: Option<u32> = None;
    for c in s.chars() {
        match c {
            '零' | '〇' => {
                if pending.is_some() {
                    return None;
                }
            }
            '十' | '百' | '千' => {
                let unit = match c {
                    '十' => 10,
                    '百' => 100,
                    _ => 1000,
                };
                // 十五: a multiplier with no digit before it counts once.
                total += pending.take().unwrap_or(1) * unit;
            }
            _ => {
                if pending.is_some() {
                    return None;
                }
                pending = Some(digit(c)?);
            }
        }
    }
    let value = total + pending.unwrap_or(0);
    (value > 0).then_some(value)
}

fn digit(c: char) -> Option<u32> {
    Some(match c {
        '一' => 1,
        '二' | '两' | '兩' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Quantity<'_> {
        let q: Vec<_> = quantities(text).collect();
        assert_eq!(q.len(), 1, "{text}: {q:?}");
        q.into_iter().next().expect("one quantity")
    }

    #[test]
    fn exactly_the_starts_and_the_folded_characters_are_marked() {
        let folded: std::collections::HashSet<char> = fold::PAIRS.iter().map(|&(t, _)| t).collect();
        // Every three-byte character, so that no collision of low bits passes.
        for c in ('\u{800}'..='\u{ffff}').filter(|c| c.len_utf8() == 3) {
            let mut b = [0u8; 3];
            c.encode_utf8(&mut b);
            let expected = STARTS.contains(&c) || folded.contains(&c);
            assert_eq!(is_marked(b[0], b[1], b[2]), expected, "{c}");
        }
    }

    #[test]
    fn a_traditional_character_anywhere_is_noticed() {
        // Before, after and between runs of four unmarked characters.
        for text in ["萬人口增長率", "人口增長率達到", "达到人口增长率的水平高於"]
        {
            let mut scan = quantities(text);
            assert!(scan.next().is_none(), "{text}");
            assert!(scan.saw_traditional(), "{text}");
        }
        let mut scan = quantities("人口增长率达到水平很高");
        assert!(scan.next().is_none());
        assert!(!scan.saw_traditional());
    }

    #[test]
    fn decimals_and_scales() {
        let q = one("规上工业总产值12.8亿元");
        assert_eq!(
            (q.value, q.unit_text, q.unit.scale),
            (12.8, "亿元", Some(8))
        );
        let q = one("完成人工造林1.4万亩");
        assert_eq!((q.value, q.unit_text, q.unit.scale), (1.4, "万亩", Some(4)));
        assert_eq!(one("增长11%").unit.scale, None);
    }

    #[test]
    fn ranges_with_every_separator() {
        for text in [
            "打造3-5家",
            "打造3\u{2014}5家",
            "打造3~5家",
            "打造3\u{ff5e}5家",
            "打造3至5家",
            "打造三至五家",
        ] {
            let q = one(text);
            assert_eq!(
                (q.value, q.value_max, q.unit_text),
                (3.0, Some(5.0), "家"),
                "{text}"
            );
        }
        let q = one("增长8%-10%");
        assert_eq!((q.value, q.value_max, q.unit_text), (8.0, Some(10.0), "%"));
    }

    #[test]
    fn decimals_scale_exactly() {
        let d = |s: &str| Decimal::parse(s).expect("a number");
        assert_eq!(d("58.42").scaled(4), 584_200.0);
        assert_eq!(d("12.8").scaled(8), 1.28e9);
        assert_eq!(d("23.27").scaled(8), 2.327e9);
        assert_eq!(d("4.5").value(), 4.5);
        assert_eq!(d("0.1").value(), 0.1);
        assert_eq!(Decimal::parse("12345678901234567890"), None);
    }

    #[test]
    fn full_width_digits() {
        let q = one("增长\u{ff11}\u{ff12}\u{ff0e}\u{ff15}\u{ff05}");
        assert_eq!((q.value, q.unit_text), (12.5, "\u{ff05}"));
        assert_eq!(q.base_value(), None);
        let q = one("\u{ff15}\u{ff18}\u{ff0e}\u{ff14}\u{ff12}万亩");
        assert_eq!(q.base_value(), Some(584_200.0));
    }

    #[test]
    fn chinese_numerals() {
        for (s, v) in [
            ("两", 2),
            ("十五", 15),
            ("二十", 20),
            ("一百二十", 120),
            ("三千零五", 3005),
        ] {
            assert_eq!(chinese_value(s), Some(v), "{s}");
        }
        for s in ["一二三", "零", "十四五"] {
            assert_eq!(chinese_value(s), None, "{s}");
        }
        let q = one("新增两家");
        assert_eq!((q.value, q.unit_text, q.chinese), (2.0, "家", true));
        let q = one("实现翻一番");
        assert_eq!(
            (q.value, q.unit_text, q.unit.class),
            (1.0, "番", Class::Doubling)
        );
    }

    #[test]
    fn more_than_and_years() {
        assert!(one("300多家").more);
        let q: Vec<_> = quantities("完成2020年度3.5万亩建设任务").collect();
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].value, 3.5);
        assert_eq!(quantities("2021年5月底前,110千伏变电站").count(), 0);
        assert_eq!(quantities("推进一步,统一思想").count(), 0);
    }
}
