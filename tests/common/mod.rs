//! Helpers shared by the integration tests.
#![allow(dead_code)]

use fenjie::{Notice, Task};

/// The reference notice, read from `seeds/`.
pub fn seed_text() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/seeds/000_1c8cb5f34e52814e.txt"
    ))
    .expect("seed file is checked in")
}

/// The seed, parsed.
pub fn seed() -> Notice {
    fenjie::parse(seed_text()).expect("seed is UTF-8")
}

/// The numbered task `n` (1…114) of a notice.
pub fn numbered_task(notice: &Notice, n: u32) -> &Task {
    notice
        .tasks()
        .map(|t| t.task)
        .find(|t| t.marker == format!("{n}."))
        .unwrap_or_else(|| panic!("task {n}. not found"))
}

/// Maps full-width ASCII variants (U+FF01…U+FF5E) to ASCII, so that texts
/// written in either width compare equal.
pub fn fold_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// The `file` field of each line of JSON Lines output, in order.
pub fn file_fields(jsonl: &str) -> Vec<String> {
    jsonl
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["file"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect()
}
