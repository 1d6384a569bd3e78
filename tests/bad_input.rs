//! Inputs that are not tidy notices. Each either parses to a model that keeps
//! every non-blank character, with the right diagnostics, or fails with a
//! one-line error; none panics, hangs or takes quadratic time (the timing
//! side is in `benches/scale.rs`; these only check that the huge inputs
//! complete and come out right).

mod common;
#[path = "common/coverage.rs"]
mod coverage;

use common::{seed, seed_text};
use coverage::assert_covered;
use fenjie::{Code, Notice};

/// Attachment heading, title and a section, for small notices.
const HEAD: &str = "附件\n分解\n一、目标\n";

fn parse(text: &str) -> Notice {
    let notice = fenjie::parse(text).expect("text parses");
    assert_covered(text, &notice);
    notice
}

/// Rendering may drop padding around keys and separators (it is not kept
/// in the model), never content.
fn assert_renders_to_the_same_notice(notice: &Notice) {
    let again = fenjie::parse(fenjie::render(notice)).unwrap();
    assert_eq!(again.without_source(), notice.without_source());
}

fn codes(n: &Notice) -> Vec<Code> {
    n.diagnostics.iter().map(|d| d.code).collect()
}

fn only_task(n: &Notice) -> &fenjie::Task {
    let mut tasks = n.tasks();
    let task = tasks.next().expect("one task").task;
    assert!(tasks.next().is_none(), "more than one task");
    task
}

#[test]
fn binary_files_are_a_one_line_error_naming_the_offset() {
    let png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR";
    let err = fenjie::parse_bytes(png).unwrap_err();
    assert_eq!(
        err.to_string(),
        "input is binary, not text: byte 0x00 at offset 8"
    );
    assert_eq!(err, fenjie::Error::Binary { offset: 8, byte: 0 });

    // A NUL deep inside otherwise good text: still binary, at its offset.
    let mut text = seed_text().into_bytes();
    text[30_000] = 0;
    let err = fenjie::parse_bytes(&text).unwrap_err();
    assert_eq!(
        err.to_string(),
        "input is binary, not text: byte 0x00 at offset 30000"
    );

    // Binary without NULs, dense in control bytes.
    let noise: Vec<u8> = (0..4096u32).map(|i| (i * 7919 % 251 + 1) as u8).collect();
    let err = fenjie::parse_bytes(&noise).unwrap_err().to_string();
    assert!(
        err.starts_with("input is binary, not text: byte 0x"),
        "{err}"
    );
    assert!(!err.contains('\n'));
}

#[test]
fn a_stray_control_character_does_not_make_text_binary() {
    // Word leaves \x07 (cell end) and \x0b (manual line break) in pasted text.
    let text = format!("{HEAD}1.做事\x07。(牵头单位:市发改局\x0b)");
    let notice = fenjie::parse_bytes(text.as_bytes()).unwrap();
    assert_eq!(notice.tasks().count(), 1);
}

#[test]
fn an_empty_file_is_an_empty_notice() {
    let notice = fenjie::parse_bytes(b"").unwrap();
    assert_eq!(notice.source.encoding.as_deref(), Some("UTF-8"));
    assert_eq!(notice.without_source(), Notice::default());
    assert!(notice.diagnostics.is_empty());
    assert_eq!(fenjie::render(&notice), "");
}

#[test]
fn a_file_of_only_whitespace_is_an_empty_notice() {
    let text = " \n\u{3000}\u{3000}\n\t\r\n\u{a0}\n\u{200b}\n\n";
    let notice = parse(text);
    assert_eq!(notice.without_source(), Notice::default());
    assert!(notice.diagnostics.is_empty());
}

#[test]
fn a_notice_cut_off_inside_an_attribution_keeps_the_task() {
    let text = seed_text();
    let cut = &text[..text.rfind("牵头单位").unwrap() + "牵头单位:市".len()];
    let notice = parse(cut);
    assert_eq!(notice.tasks().count(), 124);
    let last = notice.tasks().last().unwrap().task;
    assert_eq!(last.number, 114);
    assert_eq!(last.lead_units, ["市"]);
    assert!(!last.leaders.is_empty());
    let attribution = last.attribution.as_ref().unwrap();
    assert_eq!(attribution.close, "");
    let truncated = notice
        .diagnostics
        .iter()
        .find(|d| d.code == Code::Truncated)
        .unwrap();
    assert_eq!(&cut[truncated.span.range()], "(");
    assert_eq!(truncated.span.line, last.span.line);
    // And it renders back as it was cut.
    assert_eq!(fenjie::render(&notice), cut);
}

#[test]
fn a_notice_cut_off_after_a_role_key_keeps_it() {
    let notice = parse(&format!("{HEAD}1.做事。(责任领导:张三;牵头单位:"));
    let task = only_task(&notice);
    assert_eq!(task.text, "做事。");
    assert_eq!(task.leaders, ["张三"]);
    let roles = &task.attribution.as_ref().unwrap().roles;
    assert_eq!(
        (roles[1].key.as_ref(), roles[1].names.len()),
        ("牵头单位", 0)
    );
    assert_eq!(codes(&notice), [Code::Truncated]);
    // Cut before the colon, the key is no key yet: it is kept as a name.
    let notice = parse(&format!("{HEAD}1.做事。(责任领导:张三;牵头单位"));
    assert_eq!(only_task(&notice).leaders, ["张三", "牵头单位"]);
}

#[test]
fn a_ten_megabyte_single_line_completes() {
    // As a title (no line break at all) …
    let line = "重点工作".repeat(10_000_000 / 12);
    let notice = parse(&line);
    assert_eq!(notice.title.as_ref().unwrap().text.len(), line.len());
    let span = notice.title.as_ref().unwrap().span;
    assert_eq!(
        (span.end_line, span.end_column as usize),
        (1, line.chars().count() + 1)
    );

    // … and as one task whose attribution lists a quarter of a million units.
    let units = vec!["市发改局"; 250_000].join("、");
    let text = format!("{HEAD}1.{line}。(牵头单位:{units})");
    assert!(text.len() > 10_000_000);
    let notice = parse(&text);
    let task = only_task(&notice);
    assert_eq!(task.lead_units.len(), 250_000);
    assert!(notice.diagnostics.is_empty());
}

#[test]
fn deeply_nested_brackets_neither_overflow_nor_stall() {
    let deep = 100_000;
    let opens = "(".repeat(deep);
    let closes = ")".repeat(deep);
    let cases = [
        format!("{HEAD}1.做事{opens}"),
        format!("{HEAD}1.做事{opens}{closes}。(牵头单位:市发改局)"),
        format!("{HEAD}1.做事。(牵头单位:{opens}市发改局"),
        format!("{HEAD}1.做事。(牵头单位:{}市发改局)", "【".repeat(deep)),
        format!("{HEAD}1.做事{opens}牵头单位:市发改局{closes}"),
        format!("{HEAD}{opens}{closes}"),
        format!("{opens}\n{closes}"),
    ];
    for text in &cases {
        let notice = parse(text);
        assert!(notice.tasks().count() <= 1);
    }
    // The well-formed clause after the nest is still read.
    let notice = parse(&cases[1]);
    assert_eq!(only_task(&notice).lead_units, ["市发改局"]);
    // A clause never closed is reported once, at its bracket.
    let notice = parse(&cases[2]);
    assert_eq!(codes(&notice), [Code::Truncated]);
}

#[test]
fn a_run_of_slipped_role_keys_does_not_recurse() {
    // `责任单位;` (a semicolon where the colon belongs) checked the text after
    // it for another key, recursively: 100 000 of them overflowed the stack.
    // Each slipped key takes the next one as its name.
    let keys = "责任单位;".repeat(100_000);
    let notice = parse(&format!("{HEAD}1.做事。({keys}市财政局)"));
    let task = only_task(&notice);
    assert_eq!(task.attribution.as_ref().unwrap().roles.len(), 50_000);
    assert_eq!(task.responsible_units.len(), 50_001);
    assert_eq!(task.responsible_units.last().unwrap(), "市财政局");
}

#[test]
fn a_hundred_thousand_tasks() {
    let tasks: String = (1..=100_000)
        .map(|i| format!("{i}.做第{i}件事。(责任领导:张三;牵头单位:市发改局;责任单位:市财政局)\n"))
        .collect();
    let notice = parse(&format!("{HEAD}{tasks}"));
    assert_eq!(notice.tasks().count(), 100_000);
    assert!(notice.tasks().map(|t| t.task.number).eq(1..=100_000));
    assert!(notice.tasks().all(|t| t.task.lead_units == ["市发改局"]));
    assert!(notice.diagnostics.is_empty());
    assert_eq!(notice.tasks().last().unwrap().task.span.line, 100_003);
}

#[test]
fn concatenated_notices_lose_nothing() {
    let text = seed_text().repeat(3);
    let notice = parse(&text);
    assert_eq!(notice.tasks().count(), 3 * 124);
    // The second and third headers and letters fit nowhere in the first
    // notice's attachment: kept as unrecognised lines, each with FJ001.
    assert!(!notice.unrecognized.is_empty());
    let fj001 = codes(&notice)
        .iter()
        .filter(|&&c| c == Code::UnrecognizedLine)
        .count();
    assert_eq!(fj001, notice.unrecognized.len());
}

#[test]
fn mixed_crlf_and_lf_parse_like_the_seed() {
    let mixed: String = seed_text()
        .split_inclusive('\n')
        .enumerate()
        .map(|(i, line)| match i % 3 {
            0 => line.replace('\n', "\r\n"),
            1 => line.to_string(),
            _ => line.replace('\n', "\r\r\n"),
        })
        .collect();
    let notice = parse(&mixed);
    assert_eq!(notice.source.line_ending, "\r\n");
    assert_eq!(notice.without_source(), seed().without_source());
}

#[test]
fn ideographic_nbsp_and_tab_padding_parse_like_the_seed() {
    let pads = ["\u{3000}\u{3000}", "\u{a0}", "\t", " \u{3000}"];
    let padded: String = seed_text()
        .lines()
        .enumerate()
        .map(|(i, line)| format!("{}{line}{}\n", pads[i % 4], pads[(i + 1) % 4]))
        .collect();
    let notice = parse(&padded);
    assert_eq!(notice.tasks().count(), 124);
    assert_eq!(notice.without_source(), seed().without_source());
    assert_renders_to_the_same_notice(&notice);
}

#[test]
fn padding_inside_an_attribution_clause() {
    let clause =
        "(\u{3000}责任领导 : 张三 ;\u{a0}牵头单位:\t市发改局、 市财政局 ; 责任单位 :市统计局 )";
    let notice = parse(&format!("{HEAD}1.做事。{clause}"));
    let task = only_task(&notice);
    assert_eq!(task.leaders, ["张三"]);
    assert_eq!(task.lead_units, ["市发改局", "市财政局"]);
    assert_eq!(task.responsible_units, ["市统计局"]);
    assert!(notice.diagnostics.is_empty());
}

#[test]
fn zero_width_spaces_inside_markers_and_keys() {
    let z = '\u{200b}';
    let text = format!(
        "附件\n分解\n一{z}、目标\n({z}一{z}){z}小节\n\
         1{z}.做事。(牵{z}头单位:市发改局)\n\
         {z}2.做事。({z}责任领导{z}:张三{z};{z}责任单位:{z}市财政局{z})\n"
    );
    let notice = parse(&text);
    assert_eq!(notice.sections().len(), 1);
    assert_eq!(notice.sections()[0].subsections.len(), 1);
    let tasks: Vec<_> = notice.tasks().map(|t| t.task).collect();
    assert_eq!(tasks.len(), 2);
    assert_eq!(
        (tasks[0].number, tasks[0].marker.as_str()),
        (1, "1\u{200b}.")
    );
    assert_eq!(tasks[0].lead_units, ["市发改局"]);
    // The key is kept as written, so the clause renders back unchanged.
    assert_eq!(
        tasks[0].attribution.as_ref().unwrap().roles[0].key,
        "牵\u{200b}头单位"
    );
    assert_eq!(tasks[1].leaders, ["张三"]);
    assert_eq!(tasks[1].responsible_units, ["市财政局"]);
    assert!(notice.unrecognized.is_empty());
    assert!(notice.diagnostics.is_empty(), "{:?}", notice.diagnostics);
    assert_renders_to_the_same_notice(&notice);
}

#[test]
fn full_width_digits_in_markers_dates_and_values() {
    // １１７． and ２. are task markers (typed with the input method in
    // full-width mode); ２０２１年 and １１％ stay in the text as written.
    let text = "关于重点工作责任分解的通知\n各部门:\n请贯彻执行。\n某市人民政府办公室\n\
                \u{ff12}\u{ff10}\u{ff12}\u{ff11}年\u{ff11}月\u{ff12}\u{ff17}日\n附件\n分解\n一、目标\n\
                \u{ff11}\u{ff11}\u{ff17}\u{ff0e}全年\u{ff12}\u{ff10}\u{ff12}\u{ff11}年增长\u{ff11}\u{ff11}\u{ff05}。(牵头单位:市发改局)\n\
                \u{ff12}.做事。(牵头单位:市发改局)\n";
    let notice = parse(text);
    assert_eq!(notice.letter.signed.unwrap().to_string(), "2021-01-27");
    assert_eq!(
        notice.letter.signatory.as_ref().unwrap().text,
        "某市人民政府办公室"
    );
    let tasks: Vec<_> = notice.tasks().map(|t| t.task).collect();
    assert_eq!(tasks.len(), 2);
    assert_eq!(tasks[0].number, 117);
    assert_eq!(
        tasks[0].text,
        "全年\u{ff12}\u{ff10}\u{ff12}\u{ff11}年增长\u{ff11}\u{ff11}\u{ff05}。"
    );
    assert_eq!(tasks[1].number, 2);
    // A full-width decimal is not a marker.
    // (Ending the notice without a stop, the line is also reported as
    // where it may have been cut off.)
    let notice = parse(&format!("{HEAD}\u{ff11}\u{ff12}.\u{ff18}亿元的项目"));
    assert_eq!(notice.tasks().count(), 0);
    assert_eq!(codes(&notice)[0], Code::UnrecognizedLine);
}

#[test]
fn traditional_character_role_keys() {
    let notice = parse(&format!(
        "{HEAD}1.做事。(責任領導:張三;牽頭單位:市發改局、市財政局;責任單位:市統計局;協辦單位:市商務局;完成時限:2021年底)"
    ));
    let task = only_task(&notice);
    assert_eq!(task.leaders, ["張三"]);
    assert_eq!(task.lead_units, ["市發改局", "市財政局"]);
    assert_eq!(task.responsible_units, ["市統計局"]);
    assert_eq!(task.cooperating_units, ["市商務局"]);
    assert_eq!(task.deadline.as_ref().unwrap().text, "2021年底");
    assert!(notice.diagnostics.is_empty(), "no unknown-key warnings");
}
