//! Arbitrary bytes through decode + parse: never a panic; binary input is
//! refused; otherwise a notice whose spans lie inside the decoded text and
//! cover every line.
#![no_main]

#[path = "../../tests/common/coverage.rs"]
mod coverage;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Detection (chardetng) is most of the cost of a run under coverage
    // instrumentation, so the bytes are decoded once and the text parsed;
    // `parse_bytes`, the same two steps plus bookkeeping, runs on short
    // inputs only.
    let decoded = fenjie::decode(data);
    if data.len() <= 512 {
        assert_eq!(decoded.is_ok(), fenjie::parse_bytes(data).is_ok());
    }
    let Ok(decoded) = decoded else {
        return;
    };
    let notice = fenjie::parse(&*decoded.text).expect("decoded text parses");
    coverage::assert_covered(&decoded.text, &notice);
    let _ = fenjie::render(&notice);
    // Plain `parse` takes the same bytes exactly when they are UTF-8.
    use fenjie::ParseInput;
    assert_eq!(data.text().is_ok(), std::str::from_utf8(data).is_ok());
});
