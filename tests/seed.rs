//! The reference notice (赤壁市, 2021): structure, attributions, spans, variants.

mod common;

use common::{fold_width, numbered_task, seed, seed_text};
use fenjie::{Code, Notice, Severity};

#[test]
fn seed_has_ten_sections_thirty_one_subsections_and_124_tasks() {
    let notice = seed();
    let sections = notice.sections();
    assert_eq!(sections.len(), 10);
    let numbers: Vec<u32> = sections.iter().map(|s| s.number).collect();
    assert_eq!(numbers, (1..=10).collect::<Vec<_>>());
    assert_eq!(
        sections.iter().map(|s| s.subsections.len()).sum::<usize>(),
        31
    );
    assert_eq!(notice.tasks().count(), 124);

    // Section 一 holds (一)…(十) as tasks, not subsection headings.
    let first = &sections[0];
    assert!(first.subsections.is_empty());
    let markers: Vec<&str> = first.tasks.iter().map(|t| t.marker.as_str()).collect();
    assert_eq!(
        markers,
        ["(一)", "(二)", "(三)", "(四)", "(五)", "(六)", "(七)", "(八)", "(九)", "(十)"]
    );

    // Then 1…114, continuous across sections.
    let numbered: Vec<u32> = notice.tasks().skip(10).map(|t| t.task.number).collect();
    assert_eq!(numbered, (1..=114).collect::<Vec<_>>());
}

#[test]
fn every_seed_task_has_a_leader_and_a_lead_unit() {
    let notice = seed();
    for t in notice.tasks() {
        assert!(
            !t.task.leaders.is_empty(),
            "task {} has no leader",
            t.task.marker
        );
        assert!(
            !t.task.lead_units.is_empty(),
            "task {} has no lead unit",
            t.task.marker
        );
        assert!(t.task.attribution.is_some());
    }
}

#[test]
fn seed_has_no_errors_and_one_warning_for_task_72() {
    let notice = seed();
    assert!(notice
        .diagnostics
        .iter()
        .all(|d| d.severity != Severity::Error));
    assert!(notice.unrecognized.is_empty());
    assert_eq!(notice.diagnostics.len(), 1, "{:#?}", notice.diagnostics);
    let d = &notice.diagnostics[0];
    assert_eq!(
        (d.code, d.severity),
        (Code::RecoveredSlip, Severity::Warning)
    );
    let task72 = numbered_task(&notice, 72);
    assert_eq!(d.span.line, task72.span.line);
    assert_eq!(&seed_text()[d.span.range()], ";");
}

fn roles(notice: &Notice, n: u32) -> (Vec<String>, Vec<String>, Vec<String>) {
    let t = numbered_task(notice, n);
    (
        t.leaders.clone(),
        t.lead_units.clone(),
        t.responsible_units.clone(),
    )
}

fn strings(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

#[test]
fn attributions_of_selected_tasks_are_exact() {
    let n = seed();
    assert_eq!(
        roles(&n, 7),
        (
            strings(&["饶自斌"]),
            strings(&["市科信局", "市招商和投资促进中心", "市发改局", "市卫健局"]),
            strings(&[
                "赤壁高新区",
                "蒲纺工业园区",
                "市招商安商工作委员会成员单位",
                "市服务业工作领导小组成员单位",
                "市5G建设和应用指挥部成员单位"
            ]),
        )
    );
    assert_eq!(
        roles(&n, 19),
        (
            strings(&["饶自斌", "别华中"]),
            strings(&[
                "市商务局",
                "市发改局",
                "市住建局",
                "市商发集团",
                "赤马港街道"
            ]),
            vec![],
        )
    );
    assert_eq!(
        roles(&n, 56),
        (
            strings(&["别华中"]),
            strings(&["“蒲圻古城历史文化街区”保护建设指挥部办公室", "市住建局"]),
            strings(&[
                "“蒲圻古城历史文化街区”保护建设指挥部成员单位",
                "市文旅局",
                "蒲纺工业园区"
            ]),
        )
    );
    assert_eq!(
        roles(&n, 72),
        (
            strings(&["钱仕忠"]),
            strings(&["市农业农村局"]),
            strings(&["长江流域重点水域禁捕退捕领导小组成员单位"])
        )
    );
    assert_eq!(
        roles(&n, 73),
        (
            strings(&["钱仕忠"]),
            strings(&["市林业局"]),
            strings(&["市绿化委员会成员单位", "各乡镇街道"])
        )
    );
    assert_eq!(
        roles(&n, 100),
        (
            strings(&["洪金虎", "钱仕忠", "别华中"]),
            strings(&["市水利和湖泊局", "市应急管理局", "市自然资源和规划局"]),
            strings(&[
                "市防汛抗旱指挥部成员单位",
                "市森林防火指挥部成员单位",
                "市地质灾害防治领导小组成员单位"
            ]),
        )
    );
    assert_eq!(
        roles(&n, 106),
        (strings(&["程伟"]), strings(&["退役军人事务局"]), vec![])
    );
    assert_eq!(
        numbered_task(&n, 106).text,
        "建设荣军医院、军人公墓、退役军人服务中心等项目。"
    );
}

#[test]
fn letter_requirements_stay_in_the_letter() {
    let n = seed();
    let letter = &n.letter;
    let reqs: Vec<(&str, u32)> = letter
        .requirements
        .iter()
        .map(|r| (r.marker.as_str(), r.number))
        .collect();
    assert_eq!(reqs, [("一、", 1), ("二、", 2), ("三、", 3)]);
    assert!(letter.requirements[0].text.starts_with("加强组织领导。"));
    assert!(!n
        .sections()
        .iter()
        .any(|s| s.title.starts_with("加强组织领导")));
    assert_eq!(
        letter.addressees,
        ["各乡镇人民政府", "街道", "市政府各部门"]
    );
    assert_eq!(letter.paragraphs.len(), 1);
    assert_eq!(letter.attachments.len(), 1);
    assert_eq!(
        letter.attachments[0].text,
        "附件:《政府工作报告》确定的2021年重点工作责任分解"
    );
    assert_eq!(
        letter.signatory.as_ref().unwrap().text,
        "赤壁市人民政府办公室"
    );
    assert_eq!(letter.signed.unwrap().to_string(), "2021-01-27");
    let attachment = n.attachment.as_ref().unwrap();
    assert_eq!(attachment.heading.text, "附件");
    assert_eq!(
        attachment.title.as_ref().unwrap().text,
        "《政府工作报告》确定的2021年重点工作责任分解"
    );
}

#[test]
fn seven_meta_fields_are_read() {
    let n = seed();
    let m = &n.meta;
    assert_eq!(m.index_no.as_deref(), Some("011346509/2021-22221"));
    assert_eq!(m.doc_no, None);
    assert_eq!(m.category.as_deref(), Some("政务督查"));
    assert_eq!(m.publisher.as_deref(), Some("赤壁市人民政府办公室"));
    assert_eq!(
        m.name.as_deref(),
        Some("关于《政府工作报告》确定的2021年重点工作责任分解的通知")
    );
    assert_eq!(m.published.unwrap().to_string(), "2021-07-07");
    assert_eq!(m.validity.as_deref(), Some("有效"));
    assert!(m.extra.is_empty());
    assert_eq!(m.fields.len(), 7);
    let json = serde_json::to_value(m).unwrap();
    assert_eq!(json["published"], "2021-07-07");
    assert!(json["doc_no"].is_null());
}

#[test]
fn notice_json_notice_is_equal() {
    let n = seed();
    let json = serde_json::to_string(&n).unwrap();
    let back: Notice = serde_json::from_str(&json).unwrap();
    assert_eq!(back, n);
}

/// The seed with every structural ASCII punctuation mark in full width.
fn full_width(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '(' => '\u{ff08}',
            ')' => '\u{ff09}',
            ',' => '\u{ff0c}',
            ':' => '\u{ff1a}',
            ';' => '\u{ff1b}',
            c => c,
        })
        .collect()
}

/// What a notice says, with widths folded, for comparing variants.
fn content(n: &Notice) -> serde_json::Value {
    let json = serde_json::to_string(&n.without_source()).unwrap();
    serde_json::from_str(&fold_width(&json)).unwrap()
}

#[test]
fn full_width_crlf_and_bom_variants_parse_to_the_same_model() {
    let text = seed_text();
    let base = seed();
    let variants = [
        ("full-width", full_width(&text)),
        ("crlf", text.replace('\n', "\r\n")),
        ("bom", format!("\u{feff}{text}")),
        (
            "all three",
            format!("\u{feff}{}", full_width(&text).replace('\n', "\r\n")),
        ),
    ];
    for (name, variant) in variants {
        let parsed = fenjie::parse(&variant).unwrap();
        assert_eq!(parsed.tasks().count(), 124, "{name}");
        assert_eq!(content(&parsed), content(&base), "{name}");
        // And each variant renders back to itself.
        assert_eq!(fenjie::render(&parsed), variant, "{name}");
    }
}

#[test]
fn render_reproduces_the_seed_byte_for_byte() {
    assert_eq!(fenjie::render(&seed()), seed_text());
}

/// Spans of the elements that stand for whole lines (or, in the header, whole pairs).
fn line_spans(n: &Notice) -> Vec<fenjie::Span> {
    let mut spans = vec![];
    spans.extend(n.title.iter().map(|t| t.span));
    spans.extend(n.meta.fields.iter().map(|f| f.span));
    let l = &n.letter;
    spans.extend(l.addressee_line.iter().map(|t| t.span));
    spans.extend(l.paragraphs.iter().map(|t| t.span));
    spans.extend(l.requirements.iter().map(|t| t.span));
    spans.extend(l.attachments.iter().map(|t| t.span));
    spans.extend(l.signatory.iter().map(|t| t.span));
    spans.extend(l.signed_line.iter().map(|t| t.span));
    if let Some(a) = &n.attachment {
        spans.push(a.heading.span);
        spans.extend(a.title.iter().map(|t| t.span));
        for s in &a.sections {
            spans.push(s.span);
            spans.extend(s.tasks.iter().map(|t| t.span));
            for sub in &s.subsections {
                spans.push(sub.span);
                spans.extend(sub.tasks.iter().map(|t| t.span));
            }
        }
    }
    spans.extend(n.unrecognized.iter().map(|t| t.span));
    spans
}

#[test]
fn every_non_blank_byte_of_the_seed_is_covered_exactly_once() {
    let text = seed_text();
    let n = seed();
    let mut cover = vec![0u8; text.len()];
    for span in line_spans(&n) {
        assert!(!span.is_empty());
        for c in &mut cover[span.range()] {
            *c += 1;
        }
    }
    for (i, ch) in text.char_indices() {
        let expected = if ch.is_whitespace() {
            cover[i].min(1)
        } else {
            1
        };
        assert_eq!(
            cover[i], expected,
            "byte {i} ({ch:?}) covered {} times",
            cover[i]
        );
    }
    // Lines and columns agree with the byte offsets.
    for span in line_spans(&n) {
        let line = text.split('\n').nth(span.line as usize - 1).unwrap();
        let col: String = line
            .chars()
            .skip(span.column as usize - 1)
            .take(3)
            .collect();
        assert!(text[span.start..].starts_with(&col), "{span:?}");
    }
}

#[test]
fn attribution_role_spans_point_at_their_keys() {
    let text = seed_text();
    let n = seed();
    for t in n.tasks() {
        let a = t.task.attribution.as_ref().unwrap();
        assert!(text[a.span.range()].starts_with('('));
        assert!(text[a.span.range()].ends_with(')'));
        for role in &a.roles {
            assert!(text[role.span.range()].starts_with(&role.key));
            assert!(text[role.span.range()].ends_with(role.names.last().unwrap().as_str()));
        }
        assert_eq!(&text[t.task.text_span.range()], t.task.text);
    }
}
