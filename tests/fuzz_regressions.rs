//! Every input the fuzz targets (`fuzz/`) found failing, kept failing-proof.
//!
//! The inputs the targets found as files are in `tests/fuzz_inputs/`, run
//! through the same checks as the targets; the structure-aware target's
//! findings and the minimised forms are inline, each with what went wrong.

mod common;
#[path = "common/coverage.rs"]
mod coverage;

use fenjie::Notice;

/// The fuzz targets' checks: decoding either refuses binary input or gives
/// a notice that covers every non-blank character; text renders back to a
/// notice that says the same.
fn check(bytes: &[u8]) {
    // The round-trip target takes any UTF-8, even what decoding refuses as
    // binary (control characters), so these checks come first.
    if let Ok(text) = std::str::from_utf8(bytes) {
        check_text(text);
    }
    let Ok(decoded) = fenjie::decode(bytes) else {
        assert!(fenjie::parse_bytes(bytes).is_err());
        return;
    };
    let notice = fenjie::parse_bytes(bytes).unwrap();
    coverage::assert_covered(&decoded.text, &notice);
}

fn check_text(text: &str) -> Notice {
    let notice = fenjie::parse(text).unwrap();
    coverage::assert_covered(text, &notice);
    let rendered = fenjie::render(&notice);
    let again = fenjie::parse(&rendered).unwrap();
    assert_eq!(
        again.without_source(),
        notice.without_source(),
        "input {text:?} rendered as {rendered:?}"
    );
    notice
}

#[test]
fn every_saved_fuzz_input() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fuzz_inputs");
    let mut count = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        check(&std::fs::read(&path).unwrap());
        count += 1;
    }
    assert!(count >= 6);
}

/// roundtrip: a header key twice. The typed field keeps the last value,
/// and the renderer wrote the first pair from it, changing its value.
#[test]
fn a_repeated_header_key() {
    let notice = check_text("索引号:0\n索引号:");
    assert_eq!(fenjie::render(&notice), "索引号:0\n索引号:");
}

/// roundtrip: a line of carriage returns. One `\r` was taken as the line
/// ending and the rest became a title that its rendering no longer had.
#[test]
fn carriage_returns_that_end_no_line() {
    let notice = check_text("\r\r");
    assert!(notice.title.is_none());
    check_text("标题\n\r\r\r\r\r\n正文");
    // A header value followed by padding and a stray `\r` kept the `\r`.
    let notice = check_text("标题\n索引号 : 011346509/2021-22221 \u{a0}\r \n");
    assert_eq!(
        notice.meta.index_no.as_deref(),
        Some("011346509/2021-22221")
    );
}

/// parse_structured: a `;` after the clause's closing bracket made the
/// clause read as unclosed, and the `;` was parsed as a role separator and
/// dropped from the model.
#[test]
fn a_separator_after_the_clause() {
    let notice = check_text("5.做事。(责任领导:钱仕忠;责任单位:赤壁成员单位);");
    // The `;` is kept (as text after the clause) and written back.
    let task = notice.tasks().next().unwrap().task;
    assert_eq!(task.attribution.as_ref().unwrap().remark, ";");
    assert_eq!(
        fenjie::render(&notice),
        "5.做事。(责任领导:钱仕忠;责任单位:赤壁成员单位);"
    );
    check_text("1.做事。(牵头单位:市发改局;)");
}

/// roundtrip: `(责任领导;;` — a slipped key and a trailing separator; the
/// separator was dropped, and the rendering no longer read as a clause.
#[test]
fn a_trailing_separator_after_a_slipped_key() {
    let notice = check_text("附件\n(五)(责任领导;;");
    assert_eq!(fenjie::render(&notice), "附件\n(五)(责任领导;;");
}

/// parse_structured: a deadline whose text ran on past a `;`. The deadline
/// text held the padding and separators as sliced, the role's names did
/// not, so the clause looked edited and was rendered canonically, losing
/// an empty role and the keys as written.
#[test]
fn a_deadline_continued_after_a_separator() {
    let notice = check_text(
        "15.做大。(责任领导:饶自斌;牵头单位:车埠镇、神山镇)【完成时限:3-5;牵 头 单 位;\u{ff11}\u{ff11}\u{ff05};责任单位:",
    );
    // Pieces after a `;` with no key of their own continue the deadline.
    let task = notice.tasks().next().unwrap().task;
    let deadline = &task.deadline.as_ref().unwrap().text;
    for piece in ["3-5", "牵 头 单 位", "\u{ff11}\u{ff11}\u{ff05}"] {
        assert!(deadline.contains(piece), "{deadline:?} lacks {piece:?}");
    }
    check_text("1.做事。(牵头单位:市发改局;完成时限: 2021年6月底 、 长期坚持)");
}

/// roundtrip: role separators `,` and `;` mixed. The renderer joins all roles
/// with the first separator; a comma before an unknown key reads as a name.
#[test]
fn mixed_role_separators() {
    let notice = check_text("附件\n2.做事。(责任领导:饶自斌,牵头单位:市科信局;协任单位:赤壁)");
    let attribution = notice
        .tasks()
        .next()
        .unwrap()
        .task
        .attribution
        .clone()
        .unwrap();
    // Each separator between roles is kept as written.
    assert_eq!(attribution.role_separators, [",", ";"]);
    assert_eq!(attribution.roles.len(), 3);
}

/// parse_structured: a slipped key (`牵头单位；`) whose "names" were only
/// padding; without the padding, as rendered, the same key read as a name.
#[test]
fn a_slipped_key_followed_by_padding() {
    check_text("1.做事。【牵头单位\u{ff1b}\u{ff1b}牵头单位\u{ff1b}\u{2002} \u{200b})");
    check_text("1.做事。(牵头单位;  责任单位:市财政局)");
}

/// parse_structured / roundtrip: header pairs in a table row. The bar before
/// the first key and the bar after the last value were in no element's span.
#[test]
fn header_table_bars_are_covered() {
    check_text("关于印发的通知\n| 索引号: | 1134/2021-1 | 信息分类: | 规范性文件 |\n• 发布日期:2021-07-07\n");
}

/// roundtrip: a table header repeated in one section (a table broken
/// across pages) replaced the first, whose line was then lost.
#[test]
fn a_repeated_table_header() {
    let notice = check_text("附件\n编号\n2\n编号");
    let sections = &notice.attachment.as_ref().unwrap().sections;
    let lines: Vec<u32> = sections
        .iter()
        .map(|s| s.table.as_ref().unwrap().span.line)
        .collect();
    assert_eq!(lines, [2, 4]);
}

/// roundtrip (after the parser learned to peel HTML off line edges): `<<p>`
/// is text `<` and a tag `<p>`; the tag is kept in the line's layout, not in
/// its span, which the coverage check did not know.
#[test]
fn tags_at_line_edges_are_kept_in_the_layout() {
    let notice = check_text("<<p>");
    assert_eq!(notice.title.as_ref().unwrap().layout.trailing, "<p>");
    check_text("\t\u{3000}一、实施</p><p align=\\\"left\\\">\n<p>1.做事。(牵头单位:市发改局)</p>");
}

/// parse_bytes: a notice cut off on the line below a task whose roles stand
/// on lines of their own; the task's span was stretched over that line,
/// which was also kept as an unrecognised line.
#[test]
fn a_cut_line_below_own_line_roles_is_covered_once() {
    let notice = check_text("附件\n标题\n一、目标\n1.做事。\n牵头单位:甲\n牵头责任");
    assert_eq!(notice.unrecognized[0].text, "牵头责任");
    let truncated = notice
        .diagnostics
        .iter()
        .find(|d| d.code == fenjie::Code::Truncated);
    assert!(truncated.unwrap().message.contains("inside task 1."));
    check_text("附件\n标题\n一、目标\n1.做事(牵头单位:甲;\n 责任单位:乙()\n丙");
}

/// roundtrip: carriage returns at the very end, with no line feed after
/// them. The last was dropped as if it ended a CRLF line, and the text
/// rendered from the model had one `\r` fewer; and a table header's
/// layout was compared as if it were content.
#[test]
fn carriage_returns_ending_the_last_line() {
    let text = "附件\n序号|||\r\r";
    let notice = check_text(text);
    assert_eq!(fenjie::render(&notice), text);
    assert_eq!(fenjie::render(&check_text("标题\r")), "标题\r");
}

/// roundtrip: padding, then a separator, at the start of a prose clause.
/// The empty phrase was skipped without moving past its separator, so the
/// next phrase's names began with `;`; the rendering dropped the padding
/// and read as no attribution at all.
#[test]
fn padding_before_a_leading_separator() {
    let with = check_text("\u{ff08}二\u{ff09}( ;牵头】");
    let without = check_text("\u{ff08}二\u{ff09}(;牵头】");
    assert_eq!(with.tasks().count(), without.tasks().count());
}

/// roundtrip: roles on a line of their own below a task whose clause
/// already set a role separator were joined on render with the clause's
/// separator (`,`), not their own (`;`), and the rendering read
/// differently. Each own-line role now keeps the separator that follows it.
#[test]
fn own_line_roles_keep_their_separator() {
    let text = "2.(责任领导:,牵头单位:)\n牵头单位:;责卒:";
    assert_eq!(fenjie::render(&check_text(text)), text);
}

/// roundtrip: padding left after the last role on a line of its own (a
/// zero-width space after `配合单位;`) was dropped on render; the line then
/// ended `;;`, both trimmed as the role's end, and no longer read as a role.
#[test]
fn padding_after_an_own_line_role() {
    let text = "1.\n配合单位;\u{200b};";
    let notice = check_text(text);
    assert_eq!(fenjie::render(&notice), text);
    let task = notice.tasks().next().expect("one task");
    let roles = &task.task.attribution.as_ref().expect("own-line role").roles;
    assert_eq!(roles.len(), 1);
}

/// roundtrip (coverage): in a letter, a repeated title between a numbered
/// paragraph and a role line was kept as noise, and the role still joined
/// the paragraph's task, whose span then covered the noise line a second
/// time. Noise now ends the waiting paragraph: the role line stays in the
/// letter.
#[test]
fn noise_between_a_letter_task_and_its_role() {
    let notice = check_text("&\n2.\n&\n责任单位\u{ff1a}");
    assert_eq!(notice.unrecognized.len(), 1);
    assert!(notice.tasks().all(|t| t.task.attribution.is_none()));
}

/// roundtrip: a role on a line of its own below a task read from a table
/// row (one cell per line) was dropped on render: rows were written cell by
/// cell and nothing after.
#[test]
fn own_line_role_below_a_table_row() {
    let text = "5.\u{3002}(责任领导:\n序号\n1\n责任单位\u{ff1a}";
    let notice = check_text(text);
    assert_eq!(fenjie::render(&notice), text);
}
