//! Chinese numerals 一…九十九, as used in section and subsection markers.

/// The value of a Chinese numeral from 一 (1) to 九十九 (99), or `None`.
///
/// Accepts the forms markers use: `一`…`十`, `十一`…`十九`, `二十`, `二十一`…
/// `九十九`. `两` and `〇` are not marker numerals and are rejected.
pub(crate) fn chinese_numeral(s: &str) -> Option<u32> {
    // Markers are at most three characters: no need to collect more.
    let mut chars = s.chars();
    let mut digits = ['\0'; 3];
    let mut len = 0;
    for c in chars.by_ref().take(3) {
        digits[len] = c;
        len += 1;
    }
    if chars.next().is_some() {
        return None;
    }
    match &digits[..len] {
        [d] => digit(*d).or((*d == '十').then_some(10)),
        ['十', d] => Some(10 + digit(*d)?),
        [t, '十'] => Some(digit(*t)? * 10).filter(|&v| v >= 20),
        [t, '十', d] => Some(digit(*t)? * 10 + digit(*d)?).filter(|&v| v >= 21),
        _ => None,
    }
}

/// Writes `n` (1–99) as a Chinese numeral; the inverse of [`chinese_numeral`].
pub(crate) fn to_chinese_numeral(n: u32) -> String {
    const DIGITS: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        1..=9 => DIGITS[n as usize].to_string(),
        10..=19 => format!("十{}", DIGITS[(n - 10) as usize]),
        20..=99 => format!(
            "{}十{}",
            DIGITS[(n / 10) as usize],
            DIGITS[(n % 10) as usize]
        ),
        _ => n.to_string(),
    }
}

fn digit(c: char) -> Option<u32> {
    "一二三四五六七八九"
        .chars()
        .position(|d| d == c)
        .map(|p| p as u32 + 1)
}

/// True for the characters a marker numeral is made of.
pub(crate) fn is_numeral_char(c: char) -> bool {
    matches!(
        c,
        '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_one_to_ninety_nine() {
        let cases = [
            ("一", 1),
            ("九", 9),
            ("十", 10),
            ("十一", 11),
            ("十九", 19),
            ("二十", 20),
            ("二十一", 21),
            ("五十五", 55),
            ("九十九", 99),
        ];
        for (s, n) in cases {
            assert_eq!(chinese_numeral(s), Some(n), "{s}");
        }
    }

    #[test]
    fn rejects_non_numerals() {
        for s in [
            "",
            "零",
            "两",
            "一十",
            "十十",
            "一二",
            "百",
            "九十九九",
            "a",
        ] {
            assert_eq!(chinese_numeral(s), None, "{s}");
        }
    }

    #[test]
    fn writing_inverts_reading() {
        for n in 1..=99 {
            assert_eq!(chinese_numeral(&to_chinese_numeral(n)), Some(n));
        }
    }
}
