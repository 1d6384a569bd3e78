//! The genre's other conventions, one invented fixture each
//! (`fixtures/dialects/*.txt`, written by `make_fixtures.py`): what each
//! parses to, as a snapshot, and that each renders back byte for byte.

use fenjie::{Code, Notice};
use serde_json::{json, Value};

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/fixtures/dialects/{name}.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// What a reader checks: header fields, tasks with their place and
/// attribution, diagnostics other than unrecognised lines, and the dialect.
fn summary(n: &Notice) -> Value {
    let m = &n.meta;
    let meta: serde_json::Map<String, Value> = [
        ("index_no", m.index_no.clone()),
        ("doc_no", m.doc_no.clone()),
        ("publisher", m.publisher.clone()),
        ("name", m.name.clone()),
        ("published", m.published.map(|d| d.to_string())),
        ("validity", m.validity.clone()),
    ]
    .into_iter()
    .filter_map(|(k, v)| v.map(|v| (k.to_string(), Value::from(v))))
    .collect();
    let tasks: Vec<Value> = n
        .tasks()
        .map(|t| {
            let task = t.task;
            json!({
                "section": t.section.marker,
                "subsection": t.subsection.map(|s| s.marker.as_str()),
                "number": task.marker,
                "text": task.text,
                "leaders": task.leaders,
                "lead_units": task.lead_units,
                "responsible_units": task.responsible_units,
                "cooperating_units": task.cooperating_units,
                "deadline": task.deadline,
            })
        })
        .collect();
    let diagnostics: Vec<String> = n
        .diagnostics
        .iter()
        .filter(|d| d.code != Code::UnrecognizedLine)
        .map(|d| format!("{} line {}: {}", d.code, d.span.line, d.message))
        .collect();
    json!({
        "meta": meta,
        "requirements": n.letter.requirements.len(),
        "tasks": tasks,
        "unrecognized": n.unrecognized.iter().map(|u| u.span.line).collect::<Vec<_>>(),
        "diagnostics": diagnostics,
        "dialect": n.dialect,
    })
}

/// Parses a fixture, checks it renders back exactly, and snapshots it.
fn check(name: &str) {
    let text = fixture(name);
    let notice = fenjie::parse(&text).expect("fixtures are UTF-8");
    assert_eq!(fenjie::render(&notice), text, "{name} renders back");
    insta::assert_json_snapshot!(name, summary(&notice));
}

macro_rules! fixtures {
    ($($test:ident => $name:literal,)*) => {
        $(
            #[test]
            fn $test() {
                check($name);
            }
        )*
    };
}

fixtures! {
    extra_keys => "extra-keys",
    deadlines => "deadlines",
    own_lines => "own-lines",
    square_brackets => "square-brackets",
    first_listed => "first-listed",
    table_cells => "table-cells",
    table_pipes => "table-pipes",
    prose => "prose",
    traditional => "traditional",
    markers => "markers",
    meta_extra_keys => "meta-extra-keys",
    meta_pipes => "meta-pipes",
    meta_bullets => "meta-bullets",
    meta_keyless => "meta-keyless",
    letter_only => "letter-only",
    truncated => "truncated",
    web_noise => "web-noise",
    html_dump => "html-dump",
    garbled_numbers => "garbled-numbers",
}

#[test]
fn every_fixture_has_a_test() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/dialects");
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("fixtures are checked in")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter_map(|f| f.strip_suffix(".txt").map(str::to_string))
        .collect();
    names.sort();
    let source = include_str!("dialects.rs");
    for name in names {
        assert!(
            source.contains(&format!("=> \"{name}\"")),
            "{name} has no test"
        );
    }
}

#[test]
fn crlf_variants_read_the_same() {
    for name in ["prose", "own-lines", "extra-keys", "table-pipes"] {
        let text = fixture(name);
        let base = fenjie::parse(&text).unwrap();
        let crlf = text.replace('\n', "\r\n");
        let parsed = fenjie::parse(&crlf).unwrap();
        assert_eq!(fenjie::render(&parsed), crlf, "{name}");
        let tasks = |n: &Notice| -> Vec<Value> {
            n.tasks()
                .map(|t| {
                    json!([
                        t.task.leaders,
                        t.task.lead_units,
                        t.task.responsible_units,
                        t.task.cooperating_units
                    ])
                })
                .collect()
        };
        assert_eq!(tasks(&parsed), tasks(&base), "{name}");
    }
}

#[test]
fn an_edited_own_line_task_renders_in_the_canonical_style() {
    let text = fixture("own-lines");
    let mut notice = fenjie::parse(&text).unwrap();
    let task = &mut notice.attachment.as_mut().unwrap().sections[0].tasks[0];
    task.lead_units = vec!["市财政局".into()];
    let rendered = fenjie::render(&notice);
    assert!(rendered.contains(
        "地区生产总值增长7%以上。\u{ff08}责任领导\u{ff1a}孙立\u{ff1b}牵头单位\u{ff1a}市财政局"
    ));
    // The edited task's own attribution lines give way to the inline clause.
    assert_eq!(rendered.matches("牵头责任单位").count(), 1);
    let back = fenjie::parse(&rendered).unwrap();
    assert_eq!(back.tasks().next().unwrap().task.lead_units, ["市财政局"]);
}
