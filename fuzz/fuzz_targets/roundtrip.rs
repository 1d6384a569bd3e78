//! `parse(render(parse(x)))` says what `parse(x)` says (spans and layout
//! aside), for any UTF-8 `x`; and `parse(x)` loses no line of `x`.
#![no_main]

#[path = "../../tests/common/coverage.rs"]
mod coverage;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let first = fenjie::parse(text).expect("text always parses");
    coverage::assert_covered(text, &first);
    let rendered = fenjie::render(&first);
    let second = fenjie::parse(&rendered).expect("rendered text is UTF-8");
    assert_eq!(
        first.without_source(),
        second.without_source(),
        "render changed what the notice says; rendered:\n{rendered}"
    );
});
