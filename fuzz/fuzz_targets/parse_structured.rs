//! Structure-aware: notices assembled from lines of the seed (verbatim, cut
//! off, or with tokens spliced in) and from notice-like tokens — markers,
//! header keys, attribution clauses with keys in both character sets,
//! punctuation in both widths, every kind of padding, full-width digits.
//! Checks that nothing is lost and that rendering keeps what the notice says.
#![no_main]

#[path = "../../tests/common/coverage.rs"]
mod coverage;

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;

const SEED: &str = include_str!("../../seeds/000_1c8cb5f34e52814e.txt");

/// Padding notices are written with (U+3000, NBSP, ZWSP, BOM, en space).
const PADS: &[&str] = &[" ", "\t", "\u{3000}", "\u{a0}", "\u{200b}", "\u{feff}", "\u{2002}"];

/// Words and phrases of real notices.
const WORDS: &[&str] = &[
    "附件", "关于", "重点工作责任分解的通知", "地区生产总值增长", "市发改局", "市财政局",
    "赤壁高新区", "各乡镇人民政府", "市政府各部门", "“蒲圻古城”", "《政府工作报告》",
    "湖北技术交易大市场", "年", "月", "日", "亿元", "万吨", "家", "个", "以上", "以内",
    "左右", "增长", "下降", "不低于", "控制在", "约", "张三", "李四", "洪金虎", "等",
    "成员单位", "首位单位为牵头单位", "下同", "完成", "2021年1月27日", "2021-07-07",
    "\u{ff12}\u{ff10}\u{ff12}\u{ff11}年", "\u{ff11}\u{ff11}\u{ff05}", "11%", "12.8", "3-5",
];

/// Punctuation in both widths, brackets and quotes of every kind.
const PUNCT: &[&str] = &[
    "。", "、", ",", "\u{ff0c}", ":", "\u{ff1a}", ";", "\u{ff1b}", "(", ")", "\u{ff08}",
    "\u{ff09}", "[", "]", "【", "】", "\u{ff3b}", "\u{ff3d}", "《", "》", "“", "”", "‘", "’",
    "〔", "〕", ".", "\u{ff0e}", "%", "\u{ff05}", "-", "~", "\r", "\u{fffd}",
];

/// Role keys, simplified and traditional, known and unknown.
const ROLE_KEYS: &[&str] = &[
    "责任领导", "牵头单位", "责任单位", "配合单位", "完成时限", "牵头领导", "分管领导",
    "协同责任单位", "牵头责任单位", "责任人", "責任領導", "牽頭單位", "責任單位", "協辦單位",
    "參與單位", "完成時限", "负责单位", "牵 头 单 位", "牵\u{200b}头单位",
];

/// Header keys, padded as real headers pad them.
const META_KEYS: &[&str] = &[
    "索引号", "文       号", "文 \u{a0} 号", "主题分类", "发布机构", "名       称", "发布日期",
    "有效性", "发文字号", "成文日期", "来源", "某某字段",
];

const NUMERALS: &[&str] = &["一", "二", "三", "九", "十", "十一", "二十", "九十九", "一十", "零", "百"];

#[derive(Arbitrary, Debug)]
struct Doc {
    bom: bool,
    crlf: bool,
    final_newline: bool,
    lines: Vec<Line>,
}

#[derive(Arbitrary, Debug)]
struct Line {
    indent: Vec<u8>,
    body: Body,
    trailing: Vec<u8>,
    /// Ends in `\r\n` whatever the document uses (mixed line endings).
    crlf_here: bool,
}

#[derive(Arbitrary, Debug)]
enum Body {
    Seed(u16),
    SeedCut(u16, u16),
    SeedSpliced(u16, u16, Vec<Token>),
    Tokens(Vec<Token>),
    Blank,
}

#[derive(Arbitrary, Debug)]
enum Token {
    Section(u8, bool),
    Subsection(u8, bool),
    Task(u32, u8),
    Word(u8),
    Punct(u8),
    Pad(u8),
    Number(u32, bool),
    MetaKey(u8, bool),
    Clause(Clause),
    Text(String),
}

#[derive(Arbitrary, Debug)]
struct Clause {
    open: u8,
    roles: Vec<(u8, bool, Vec<u8>)>,
    full_width_separators: bool,
    closed: bool,
}

fn pick<'a>(list: &[&'a str], i: impl Into<usize>) -> &'a str {
    list[i.into() % list.len()]
}

/// Digits as written, optionally in full width (`２０２１`).
fn digits(n: u32, full_width: bool) -> String {
    let s = n.to_string();
    if !full_width {
        return s;
    }
    s.chars()
        .map(|c| char::from_u32(c as u32 - '0' as u32 + 0xff10).unwrap_or(c))
        .collect()
}

fn seed_line(i: u16) -> &'static str {
    let lines: Vec<&str> = SEED.lines().collect();
    lines[usize::from(i) % lines.len()]
}

fn char_prefix(s: &str, chars: u16) -> &str {
    let end = s.char_indices().nth(usize::from(chars)).map_or(s.len(), |(i, _)| i);
    &s[..end]
}

impl Token {
    fn write(&self, out: &mut String) {
        match self {
            Token::Section(n, dot) => {
                out.push_str(pick(NUMERALS, *n));
                out.push_str(if *dot { "." } else { "、" });
            }
            Token::Subsection(n, wide) => {
                let (o, c) = if *wide { ("\u{ff08}", "\u{ff09}") } else { ("(", ")") };
                out.push_str(o);
                out.push_str(pick(NUMERALS, *n));
                out.push_str(c);
            }
            Token::Task(n, dot) => {
                out.push_str(&digits(*n % 2000, *dot & 4 != 0));
                out.push_str(pick(&[".", "\u{ff0e}", "、", ". "], *dot));
            }
            Token::Word(i) => out.push_str(pick(WORDS, *i)),
            Token::Punct(i) => out.push_str(pick(PUNCT, *i)),
            Token::Pad(i) => out.push_str(pick(PADS, *i)),
            Token::Number(n, wide) => out.push_str(&digits(*n, *wide)),
            Token::MetaKey(i, wide) => {
                out.push_str(pick(META_KEYS, *i));
                out.push_str(if *wide { "\u{ff1a}" } else { " : " });
            }
            Token::Clause(c) => c.write(out),
            Token::Text(s) => out.extend(s.chars().filter(|&c| c != '\n').take(64)),
        }
    }
}

impl Clause {
    fn write(&self, out: &mut String) {
        let (open, close) = [("(", ")"), ("\u{ff08}", "\u{ff09}"), ("[", "]"), ("【", "】")]
            [usize::from(self.open) % 4];
        let (colon, semi, comma) = if self.full_width_separators {
            ("\u{ff1a}", "\u{ff1b}", "\u{ff0c}")
        } else {
            (":", ";", ",")
        };
        out.push_str(open);
        for (i, (key, slip, names)) in self.roles.iter().take(8).enumerate() {
            if i > 0 {
                out.push_str(semi);
            }
            out.push_str(pick(ROLE_KEYS, *key));
            out.push_str(if *slip { semi } else { colon });
            for (j, name) in names.iter().take(8).enumerate() {
                if j > 0 {
                    out.push_str(if name & 0x80 != 0 { comma } else { "、" });
                }
                out.push_str(pick(WORDS, *name & 0x7f));
            }
        }
        if self.closed {
            out.push_str(close);
        }
    }
}

impl Doc {
    fn text(&self) -> String {
        let mut out = String::new();
        if self.bom {
            out.push('\u{feff}');
        }
        let n = self.lines.len();
        for (i, line) in self.lines.iter().enumerate() {
            line.indent.iter().take(4).for_each(|&p| out.push_str(pick(PADS, p)));
            match &line.body {
                Body::Seed(i) => out.push_str(seed_line(*i)),
                Body::SeedCut(i, at) => out.push_str(char_prefix(seed_line(*i), *at)),
                Body::SeedSpliced(i, at, tokens) => {
                    let line = seed_line(*i);
                    let head = char_prefix(line, *at);
                    out.push_str(head);
                    tokens.iter().take(16).for_each(|t| t.write(&mut out));
                    out.push_str(&line[head.len()..]);
                }
                Body::Tokens(tokens) => tokens.iter().take(32).for_each(|t| t.write(&mut out)),
                Body::Blank => {}
            }
            line.trailing.iter().take(4).for_each(|&p| out.push_str(pick(PADS, p)));
            if i + 1 < n || self.final_newline {
                out.push_str(if self.crlf || line.crlf_here { "\r\n" } else { "\n" });
            }
        }
        out
    }
}

fuzz_target!(|doc: Doc| {
    let text = doc.text();
    let notice = fenjie::parse(&text).expect("text always parses");
    coverage::assert_covered(&text, &notice);
    let again = fenjie::parse(fenjie::render(&notice)).expect("rendered text is UTF-8");
    assert_eq!(notice.without_source(), again.without_source(), "text:\n{text}");
    // The same notice saved as GB18030 says the same.
    let (gb, _, unmappable) = encoding_rs::GB18030.encode(&text);
    if !unmappable && !text.contains(['\0', '\u{fffd}']) {
        if let Ok(decoded) = fenjie::parse_bytes(&gb) {
            if decoded.source.encoding.as_deref() == Some("GB18030") {
                assert_eq!(decoded.without_source(), notice.without_source());
            }
        }
    }
});
