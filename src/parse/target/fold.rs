//! Traditional characters read as simplified, so that one set of word
//! tables serves notices in both scripts (增長 is 增长, 總投資 is 总投资,
//! 萬噸 is 万吨).
//!
//! Each traditional character here and its simplified form are three bytes
//! long in UTF-8, so the folded text has the same byte offsets as the
//! original: analysis runs on the folded copy, and every reported string is
//! sliced from the original at the same offsets, as written.

use std::borrow::Cow;

use crate::parse::trivia::low_bits;

/// (traditional, simplified), sorted by the traditional character. Limited
/// to the characters of the word tables, units and common words around them.
pub(super) const PAIRS: &[(char, char)] = &[
    ('並', '并'),
    ('來', '来'),
    ('個', '个'),
    ('們', '们'),
    ('傳', '传'),
    ('價', '价'),
    ('億', '亿'),
    ('內', '内'),
    ('兩', '两'),
    ('別', '别'),
    ('創', '创'),
    ('動', '动'),
    ('務', '务'),
    ('勵', '励'),
    ('區', '区'),
    ('參', '参'),
    ('啟', '启'),
    ('單', '单'),
    ('噸', '吨'),
    ('國', '国'),
    ('園', '园'),
    ('團', '团'),
    ('報', '报'),
    ('場', '场'),
    ('塊', '块'),
    ('壓', '压'),
    ('學', '学'),
    ('實', '实'),
    ('將', '将'),
    ('對', '对'),
    ('層', '层'),
    ('屬', '属'),
    ('幹', '干'),
    ('庫', '库'),
    ('廠', '厂'),
    ('廣', '广'),
    ('張', '张'),
    ('從', '从'),
    ('復', '复'),
    ('應', '应'),
    ('戶', '户'),
    ('擔', '担'),
    ('擴', '扩'),
    ('數', '数'),
    ('於', '于'),
    ('時', '时'),
    ('會', '会'),
    ('條', '条'),
    ('棟', '栋'),
    ('業', '业'),
    ('極', '极'),
    ('標', '标'),
    ('樣', '样'),
    ('橋', '桥'),
    ('權', '权'),
    ('歡', '欢'),
    ('歲', '岁'),
    ('淨', '净'),
    ('減', '减'),
    ('準', '准'),
    ('漁', '渔'),
    ('濟', '济'),
    ('為', '为'),
    ('無', '无'),
    ('爭', '争'),
    ('獎', '奖'),
    ('現', '现'),
    ('環', '环'),
    ('產', '产'),
    ('畝', '亩'),
    ('療', '疗'),
    ('發', '发'),
    ('確', '确'),
    ('碼', '码'),
    ('稅', '税'),
    ('種', '种'),
    ('積', '积'),
    ('穩', '稳'),
    ('節', '节'),
    ('築', '筑'),
    ('簽', '签'),
    ('約', '约'),
    ('紅', '红'),
    ('級', '级'),
    ('紡', '纺'),
    ('組', '组'),
    ('經', '经'),
    ('綜', '综'),
    ('網', '网'),
    ('線', '线'),
    ('縣', '县'),
    ('縮', '缩'),
    ('總', '总'),
    ('織', '织'),
    ('義', '义'),
    ('臺', '台'),
    ('與', '与'),
    ('萬', '万'),
    ('蓋', '盖'),
    ('藥', '药'),
    ('處', '处'),
    ('衛', '卫'),
    ('衝', '冲'),
    ('補', '补'),
    ('規', '规'),
    ('觀', '观'),
    ('計', '计'),
    ('設', '设'),
    ('認', '认'),
    ('證', '证'),
    ('護', '护'),
    ('讓', '让'),
    ('貸', '贷'),
    ('費', '费'),
    ('貼', '贴'),
    ('資', '资'),
    ('車', '车'),
    ('軍', '军'),
    ('輛', '辆'),
    ('轉', '转'),
    ('辦', '办'),
    ('農', '农'),
    ('這', '这'),
    ('進', '进'),
    ('運', '运'),
    ('過', '过'),
    ('達', '达'),
    ('遞', '递'),
    ('遷', '迁'),
    ('選', '选'),
    ('邊', '边'),
    ('鄉', '乡'),
    ('醫', '医'),
    ('銷', '销'),
    ('鎮', '镇'),
    ('鐵', '铁'),
    ('長', '长'),
    ('開', '开'),
    ('間', '间'),
    ('關', '关'),
    ('陽', '阳'),
    ('階', '阶'),
    ('際', '际'),
    ('險', '险'),
    ('雙', '双'),
    ('電', '电'),
    ('響', '响'),
    ('頃', '顷'),
    ('項', '项'),
    ('頭', '头'),
    ('額', '额'),
    ('類', '类'),
    ('養', '养'),
    ('餘', '余'),
    ('驗', '验'),
    ('體', '体'),
    ('點', '点'),
    ('齊', '齐'),
];

/// A 4096-bit set of the low twelve bits of the traditional characters: a
/// character not in it is not looked up.
const FILTER: [u64; 64] = {
    let mut set = [0u64; 64];
    let mut i = 0;
    while i < PAIRS.len() {
        let k = (PAIRS[i].0 as usize) & 0xfff;
        set[k >> 6] |= 1 << (k & 63);
        i += 1;
    }
    set
};

/// `text` with the traditional characters of [`PAIRS`] replaced by their
/// simplified forms; borrowed when there are none (a simplified notice).
pub(super) fn simplified(text: &str) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    let mut folded: Option<Vec<u8>> = None;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b < 0x80 {
            i += 1;
            continue;
        }
        let len = match b {
            0xe0..=0xef => 3,
            0xf0..=0xff => 4,
            _ => 2,
        };
        if let Some(&[_, b1, b2]) = bytes.get(i..i + 3).filter(|_| len == 3) {
            let k = low_bits(b1, b2);
            if FILTER[k >> 6] & (1 << (k & 63)) != 0 {
                if let Some(s) = simplified_char(&text[i..]) {
                    let out = folded.get_or_insert_with(|| bytes.to_vec());
                    s.encode_utf8(&mut out[i..i + 3]);
                }
            }
        }
        i += len;
    }
    match folded.map(String::from_utf8) {
        Some(Ok(s)) => Cow::Owned(s),
        _ => Cow::Borrowed(text),
    }
}

/// The simplified form of the traditional character `s` starts with.
fn simplified_char(s: &str) -> Option<char> {
    let c = s.chars().next()?;
    let i = PAIRS.binary_search_by_key(&c, |&(t, _)| t).ok()?;
    Some(PAIRS[i].1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_are_sorted_three_byte_and_distinct() {
        for w in PAIRS.windows(2) {
            assert!(w[0].0 < w[1].0, "{:?}", w);
        }
        for &(t, s) in PAIRS {
            assert_eq!((t.len_utf8(), s.len_utf8()), (3, 3), "{t}");
            assert_ne!(t, s);
        }
    }

    #[test]
    fn folding_keeps_offsets() {
        let t = "新增規模以上工業企業15家,總投資12億元";
        let f = simplified(t);
        assert_eq!(f, "新增规模以上工业企业15家,总投资12亿元");
        assert_eq!(f.len(), t.len());
        assert!(matches!(
            simplified("地区生产总值增长11%"),
            Cow::Borrowed(_)
        ));
    }
}
