//! Writes a corpus of generated notices for the batch benchmarks:
//!
//! ```sh
//! cargo run --release --example gen_corpus -- DIR [COUNT]   # COUNT defaults to 2000
//! ```
//!
//! Each notice is a deterministic variant of the seed (`seeds/`), about as
//! long (~36 KB, so 2 000 make ~73 MB): another county or city, other
//! leaders, another year, tasks shuffled within their subsections and
//! renumbered, the numbers in task texts changed, and some written with
//! CRLF line endings. Notice `i` is the same on every run and machine (a
//! seeded SplitMix64, no dependencies), so benchmark figures compare.

use std::path::Path;

/// Counties and cities to move the notice to (the seed's is 赤壁).
const PLACES: &[&str] = &[
    "赤壁", "嘉鱼", "通城", "崇阳", "通山", "咸安", "汉川", "应城", "安陆", "云梦", "大冶", "阳新",
    "麻城", "武穴", "广水", "枣阳", "宜都", "当阳", "枝江", "松滋", "石首", "洪湖", "监利", "潜江",
];

/// The seed's leaders, each replaced by a generated name.
const LEADERS: &[&str] = &["洪金虎", "饶自斌", "钱仕忠", "别华中", "贺飞", "程伟"];
const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘";
const GIVEN: &str = "建国华明军平志强伟芳敏静丽勇涛斌超波辉鹏飞刚杰峰磊洋勤俊宏";

/// SplitMix64: small, fast and good enough to vary test data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    fn pick_char(&mut self, chars: &str) -> char {
        let chars: Vec<char> = chars.chars().collect();
        chars[self.below(chars.len())]
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = args.next().ok_or("usage: gen_corpus DIR [COUNT]")?;
    let count: usize = args.next().map_or(Ok(2000), |c| c.parse())?;
    let seed = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/seeds/000_1c8cb5f34e52814e.txt"
    ))?;
    std::fs::create_dir_all(&dir)?;
    let mut total = 0;
    for i in 0..count {
        let text = variant(&seed, i as u64);
        total += text.len();
        std::fs::write(Path::new(&dir).join(format!("notice_{i:05}.txt")), text)?;
    }
    println!(
        "wrote {count} notices, {:.1} MB, to {dir}",
        total as f64 / 1e6
    );
    Ok(())
}

/// Notice `i`: the seed moved, re-staffed, re-dated, shuffled and renumbered.
fn variant(seed: &str, i: u64) -> String {
    let mut rng = Rng(i.wrapping_mul(0x2545_f491_4f6c_dd1d) ^ 0x5eed);
    let place = rng.pick(PLACES);
    let year = 2016 + rng.below(9);
    let mut lines: Vec<String> = seed.lines().map(str::to_string).collect();
    shuffle_task_runs(&mut lines, &mut rng);
    let mut number = 0;
    for line in &mut lines {
        if let Some(body) = task_body(line) {
            number += 1;
            *line = format!("{number}.{}", vary_numbers(body, &mut rng));
        }
    }
    let mut text = lines.join("\n");
    text.push('\n');
    text = text
        .replace("赤壁", place)
        .replace("2021", &year.to_string());
    for leader in LEADERS {
        let name: String = [
            rng.pick_char(SURNAMES),
            rng.pick_char(GIVEN),
            rng.pick_char(GIVEN),
        ]
        .iter()
        .take(2 + rng.below(2))
        .collect();
        text = text.replace(leader, &name);
    }
    if rng.below(5) == 0 {
        text = text.replace('\n', "\r\n");
    }
    text
}

/// The text after `57.` on a numbered task line.
fn task_body(line: &str) -> Option<&str> {
    let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    (digits > 0 && line[digits..].starts_with('.')).then(|| &line[digits + 1..])
}

/// Shuffles each run of consecutive numbered task lines (a subsection's tasks).
fn shuffle_task_runs(lines: &mut [String], rng: &mut Rng) {
    let mut start = 0;
    while start < lines.len() {
        let len = lines[start..]
            .iter()
            .take_while(|l| task_body(l).is_some())
            .count();
        let run = &mut lines[start..start + len];
        for k in (1..run.len()).rev() {
            run.swap(k, rng.below(k + 1));
        }
        start += len.max(1);
    }
}

/// Changes each number in the task text (not in its attribution, not a
/// year) by up to ±30%.
fn vary_numbers(body: &str, rng: &mut Rng) -> String {
    let clause = body.rfind("(责任领导").unwrap_or(body.len());
    let (text, attribution) = body.split_at(clause);
    let mut out = String::with_capacity(body.len());
    let mut digits = String::new();
    for c in text.chars().chain(std::iter::once('\0')) {
        if c.is_ascii_digit() {
            digits.push(c);
            continue;
        }
        if !digits.is_empty() {
            let n: u64 = digits.parse().unwrap_or(0);
            if (1900..=2100).contains(&n) {
                out.push_str(&digits); // a year
            } else {
                let varied = n * (70 + rng.below(61) as u64) / 100;
                out.push_str(&varied.max(1).to_string());
            }
            digits.clear();
        }
        if c != '\0' {
            out.push(c);
        }
    }
    out.push_str(attribution);
    out
}
