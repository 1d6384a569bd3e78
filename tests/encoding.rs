//! The seed saved in every encoding notices come in parses to the same
//! notice; the encoding is detected, recorded, and can be forced.

mod common;
#[path = "common/coverage.rs"]
mod coverage;

use assert_cmd::Command;
use common::{seed, seed_text};
use fenjie::{Code, Encoding, Notice, ParseOptions};

/// The seed as GB18030 bytes, encoded here rather than checked in.
fn seed_gb18030() -> Vec<u8> {
    let text = seed_text();
    let (bytes, _, unmappable) = encoding_rs::GB18030.encode(&text);
    assert!(!unmappable);
    bytes.into_owned()
}

/// `text` as UTF-16 with a byte-order mark, little- or big-endian.
fn utf16(text: &str, little_endian: bool) -> Vec<u8> {
    std::iter::once('\u{feff}' as u16)
        .chain(text.encode_utf16())
        .flat_map(|unit| {
            if little_endian {
                unit.to_le_bytes()
            } else {
                unit.to_be_bytes()
            }
        })
        .collect()
}

fn parse_forced(bytes: &[u8], label: &str) -> Notice {
    let encoding = Encoding::for_label(label).unwrap();
    fenjie::parse_bytes_with(bytes, Some(encoding), &ParseOptions::default()).unwrap()
}

/// Parses `bytes`, checks the encoding it was read as and that the notice
/// says what the UTF-8 seed says.
fn assert_like_the_seed(bytes: &[u8], encoding: &str) -> Notice {
    let notice = fenjie::parse_bytes(bytes).unwrap();
    assert_eq!(notice.source.encoding.as_deref(), Some(encoding));
    assert_eq!(notice.tasks().count(), 124);
    assert_eq!(
        notice.without_source(),
        seed().without_source(),
        "{encoding}"
    );
    notice
}

#[test]
fn gb18030_is_detected_and_parses_like_utf8() {
    let bytes = seed_gb18030();
    assert!(std::str::from_utf8(&bytes).is_err());
    let notice = assert_like_the_seed(&bytes, "GB18030");
    // Spans refer to the decoded (UTF-8) text, which renders back exactly.
    let text = seed_text();
    assert_eq!(notice.diagnostics[0].code, Code::RecoveredSlip);
    assert_eq!(&text[notice.diagnostics[0].span.range()], ";");
    let task = notice.tasks().last().unwrap().task;
    assert_eq!(&text[task.text_span.range()], task.text);
    assert_eq!(fenjie::render(&notice), text);
}

#[test]
fn gbk_and_gb18030_can_be_forced() {
    let bytes = seed_gb18030();
    for (label, name) in [("gbk", "GBK"), ("GB2312", "GBK"), ("gb18030", "GB18030")] {
        let notice = parse_forced(&bytes, label);
        assert_eq!(notice.source.encoding.as_deref(), Some(name));
        assert_eq!(notice.without_source(), seed().without_source(), "{label}");
    }
}

#[test]
fn utf16_with_a_byte_order_mark_in_both_byte_orders() {
    let text = seed_text();
    for (little_endian, name) in [(true, "UTF-16LE"), (false, "UTF-16BE")] {
        let notice = assert_like_the_seed(&utf16(&text, little_endian), name);
        // The mark stays in the decoded text: rendered, it is UTF-8's.
        assert!(notice.source.bom);
        assert_eq!(fenjie::render(&notice), format!("\u{feff}{text}"));
    }
}

#[test]
fn utf8_with_and_without_a_byte_order_mark() {
    let text = seed_text();
    let plain = assert_like_the_seed(text.as_bytes(), "UTF-8");
    assert!(!plain.source.bom);
    assert_eq!(plain, {
        let mut n = seed();
        n.source.encoding = Some("UTF-8".into());
        n
    });
    let with_bom = format!("\u{feff}{text}");
    let notice = assert_like_the_seed(with_bom.as_bytes(), "UTF-8");
    assert!(notice.source.bom);
    assert_eq!(fenjie::render(&notice), with_bom);
}

#[test]
fn decode_reports_how_it_chose() {
    let text = seed_text();
    let d = fenjie::decode(text.as_bytes()).unwrap();
    assert!(
        matches!(d.text, std::borrow::Cow::Borrowed(_)),
        "UTF-8 is not copied"
    );
    assert!(!d.guessed && !d.had_bom && d.malformed.is_none());
    let bytes = seed_gb18030();
    let d = fenjie::decode(&bytes).unwrap();
    assert!(d.guessed && !d.had_bom);
    assert_eq!(d.encoding.to_string(), "GB18030");
}

#[test]
fn a_byte_order_mark_overrides_a_forced_encoding() {
    let bytes = utf16(&seed_text(), true);
    let notice = parse_forced(&bytes, "gbk");
    assert_eq!(notice.source.encoding.as_deref(), Some("UTF-16LE"));
    assert_eq!(notice.tasks().count(), 124);
}

#[test]
fn a_forced_wrong_encoding_says_so() {
    // UTF-8 read as GBK: mojibake, and a warning at the first bad byte.
    let notice = parse_forced(seed_text().as_bytes(), "gbk");
    assert_eq!(notice.source.encoding.as_deref(), Some("GBK"));
    assert_eq!(notice.tasks().count(), 0);
    let d = &notice.diagnostics[0];
    assert_eq!(d.code, Code::Undecodable);
    assert!(
        d.message
            .starts_with("bytes at input offset 88 are not valid GBK (and "),
        "{}",
        d.message
    );
    assert!(d.help.as_deref().unwrap().contains("--encoding"));

    // GB18030 read as UTF-8: every Chinese character is a bad sequence.
    let notice = parse_forced(&seed_gb18030(), "utf-8");
    assert_eq!(notice.source.encoding.as_deref(), Some("UTF-8"));
    let d = &notice.diagnostics[0];
    assert_eq!(d.code, Code::Undecodable);
    assert_eq!((d.span.line, d.span.column), (1, 1));
    assert!(d
        .message
        .starts_with("bytes at input offset 0 are not valid UTF-8"));
    assert_eq!(notice.tasks().count(), 0);
}

#[test]
fn an_unknown_encoding_label_is_a_one_line_error() {
    let err = Encoding::for_label("gbk2").unwrap_err();
    assert_eq!(
        err.to_string(),
        "unknown encoding \"gbk2\" (try utf-8, gb18030, gbk, utf-16le, utf-16be or big5)"
    );
    // The Encoding Standard's "replacement" labels decode nothing: refused.
    assert!(Encoding::for_label("hz-gb-2312").is_err());
    assert!(Encoding::for_label(" UTF-8 ").is_ok());
}

#[test]
fn gb18030_cut_off_mid_character_keeps_everything_before() {
    let bytes = seed_gb18030();
    // Cut inside the last attribution, in the middle of a two-byte character.
    let text = seed_text();
    let cut_chars = &text[..text.rfind("市审计局").unwrap() + "市审".len()];
    let (prefix, _, _) = encoding_rs::GB18030.encode(cut_chars);
    let cut = &bytes[..prefix.len() + 1];
    let decoded = fenjie::decode(cut).unwrap();
    assert_eq!(decoded.encoding.name(), "GB18030");
    let notice = fenjie::parse_bytes(cut).unwrap();
    coverage::assert_covered(&decoded.text, &notice);
    assert_eq!(notice.tasks().count(), 124);
    let last = notice.tasks().last().unwrap().task;
    assert_eq!(last.lead_units.last().unwrap(), "市审\u{fffd}");
    let codes: Vec<Code> = notice.diagnostics.iter().map(|d| d.code).collect();
    assert!(
        codes.ends_with(&[Code::Truncated, Code::Undecodable]),
        "{codes:?}"
    );
    let undecodable = notice.diagnostics.last().unwrap();
    assert_eq!(
        undecodable.message,
        format!(
            "bytes at input offset {} are not valid GB18030; replaced by U+FFFD",
            prefix.len()
        )
    );
}

#[test]
fn utf8_cut_off_mid_character_stays_utf8() {
    let text = seed_text();
    let cut = &text.as_bytes()[..text.rfind("各乡镇街道").unwrap() + 1];
    let notice = fenjie::parse_bytes(cut).unwrap();
    assert_eq!(notice.source.encoding.as_deref(), Some("UTF-8"));
    assert_eq!(notice.tasks().count(), 124);
    let last = notice.tasks().last().unwrap().task;
    assert_eq!(last.responsible_units.last().unwrap(), "\u{fffd}");
    let codes: Vec<Code> = notice.diagnostics.iter().map(|d| d.code).collect();
    assert!(
        codes.ends_with(&[Code::Truncated, Code::Undecodable]),
        "{codes:?}"
    );
}

fn fenjie() -> Command {
    Command::cargo_bin("fenjie").unwrap()
}

#[test]
fn cli_reports_the_detected_encoding_and_accepts_a_forced_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("seed-gb18030.txt");
    std::fs::write(&path, seed_gb18030()).unwrap();

    let out = fenjie().arg("convert").arg(&path).output().unwrap();
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["source"]["encoding"], "GB18030");
    assert_eq!(json["attachment"]["sections"].as_array().unwrap().len(), 10);

    let out = fenjie()
        .args(["convert", "--encoding", "gbk"])
        .arg(&path)
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["source"]["encoding"], "GBK");
}

#[test]
fn cli_refuses_an_unknown_encoding_and_binary_input_in_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notice.txt");
    std::fs::write(&path, seed_text()).unwrap();
    fenjie()
        .args(["convert", "--encoding", "klingon"])
        .arg(&path)
        .assert()
        .code(2)
        .stderr("fenjie: error: unknown encoding \"klingon\" (try utf-8, gb18030, gbk, utf-16le, utf-16be or big5)\n");

    let binary = dir.path().join("scan.pdf");
    let pdf = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Length 0 >>\x00";
    std::fs::write(&binary, pdf).unwrap();
    fenjie()
        .arg("convert")
        .arg(&binary)
        .assert()
        .code(2)
        .stderr(format!(
            "fenjie: error: {}: input is binary, not text: byte 0x00 at offset {}\n",
            binary.display(),
            pdf.len() - 1
        ));
}
