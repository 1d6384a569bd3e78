//! Arbitrary bytes through decode + parse: never a panic, and a notice
//! whose spans lie inside the decoded text and cover every line.
#![no_main]

#[path = "../../tests/common/coverage.rs"]
mod coverage;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(decoded) = fenjie::decode(data) else {
        // Binary input is refused by decode and by parse_bytes alike.
        assert!(fenjie::parse_bytes(data).is_err());
        return;
    };
    let notice = fenjie::parse_bytes(data).expect("decodable input parses");
    coverage::assert_covered(&decoded.text, &notice);
    let _ = fenjie::render(&notice);
    // Plain `parse` takes the same bytes exactly when they are UTF-8.
    use fenjie::ParseInput;
    assert_eq!(data.text().is_ok(), std::str::from_utf8(data).is_ok());
});
