//! Round trips over the seed and the fixtures (`fixtures/*.txt`):
//! text → model → text, model → JSON → model, model → JSON Lines → tasks,
//! model → CSV → tasks — through the library and through the `fenjie` binary —
//! and each fixture's parse against its checked-in snapshot.

mod common;

use fenjie::export::{self, summarize_targets, task_rows, CsvOptions};
use fenjie::{import, Notice, ParseOptions};

/// `fixtures/NAME.txt` as (NAME, bytes), sorted by name.
fn fixtures() -> Vec<(String, Vec<u8>)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures");
    let mut all: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .expect("fixtures/ is checked in")
        .map(|e| e.expect("fixtures/ is readable").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| {
            let name = p.file_stem().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&p).unwrap())
        })
        .collect();
    all.sort();
    assert!(all.len() >= 10, "fixtures are missing");
    all
}

/// The fixtures and the seed, parsed (targets as the default parser finds them).
fn notices() -> Vec<(String, Vec<u8>, Notice)> {
    let mut all = fixtures();
    all.push(("seed".into(), common::seed_text().into_bytes()));
    all.into_iter()
        .map(|(name, bytes)| {
            let notice = fenjie::parse(&bytes).unwrap();
            (name, bytes, notice)
        })
        .collect()
}

#[cfg(feature = "cli")]
fn bin() -> assert_cmd::Command {
    assert_cmd::Command::cargo_bin("fenjie").unwrap()
}

#[test]
fn text_model_text_is_byte_exact() {
    for (name, bytes, notice) in notices() {
        assert_eq!(
            fenjie::render(&notice).as_bytes(),
            bytes.as_slice(),
            "{name}"
        );
    }
}

/// Snapshots are taken without target extraction, so that they record the
/// structure the fixture is about and stay put when the extractor changes.
#[test]
fn fixtures_parse_to_their_snapshots() {
    let no_targets = ParseOptions {
        extract_targets: false,
    };
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../fixtures/expected");
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| {
        for (name, bytes) in fixtures() {
            let notice = fenjie::parse_with(&bytes, &no_targets).unwrap();
            insta::assert_json_snapshot!(name, notice);
        }
    });
}

#[test]
fn every_snapshot_has_its_fixture() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/expected");
    let mut snapshots: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter_map(|f| f.strip_suffix(".snap").map(str::to_string))
        .collect();
    snapshots.sort();
    let names: Vec<String> = fixtures().into_iter().map(|(n, _)| n).collect();
    assert_eq!(snapshots, names);
}

#[test]
fn model_json_model_is_equal() {
    for (name, _, notice) in notices() {
        let json = serde_json::to_string_pretty(&notice).unwrap();
        let back: Notice = serde_json::from_str(&json).unwrap();
        assert_eq!(back, notice, "{name}");
    }
}

#[test]
fn model_jsonl_tasks_are_equal() {
    for (name, _, notice) in notices() {
        let mut jsonl = vec![];
        export::write_jsonl(&notice, &mut jsonl).unwrap();
        let text = String::from_utf8(jsonl.clone()).unwrap();
        assert_eq!(text.lines().count(), notice.tasks().count(), "{name}");
        let back = import::tasks_from_jsonl(jsonl.as_slice()).unwrap();
        assert_eq!(back, task_rows(&notice).collect::<Vec<_>>(), "{name}");
    }
}

#[test]
fn model_csv_tasks_are_equal_with_and_without_bom() {
    for (name, _, notice) in notices() {
        for bom in [false, true] {
            let mut csv = vec![];
            let options = CsvOptions {
                bom,
                file_column: false,
            };
            export::write_csv(&notice, &mut csv, &options).unwrap();
            let back = import::tasks_from_csv(csv.as_slice()).unwrap();
            let rows: Vec<_> = task_rows(&notice)
                .map(|r| r.map_targets(|t| summarize_targets(&t)))
                .collect();
            assert_eq!(back, rows, "{name}, bom {bom}");
        }
    }
}

/// The CSV read back says what the model says, field by field — checked
/// against the model itself, not against the rows it was written from.
#[test]
fn csv_tasks_match_the_model_tasks() {
    for (name, _, notice) in notices() {
        let mut csv = vec![];
        export::write_csv(&notice, &mut csv, &CsvOptions::default()).unwrap();
        let back = import::tasks_from_csv(csv.as_slice()).unwrap();
        assert_eq!(back.len(), notice.tasks().count(), "{name}");
        for (row, t) in back.iter().zip(notice.tasks()) {
            let at = format!("{name} task {}", t.task.marker);
            assert_eq!(row.section, t.section.marker.trim_end_matches('、'), "{at}");
            assert_eq!(row.section_title, t.section.title, "{at}");
            let sub = t.subsection.map_or(("", ""), |s| (&s.marker, &s.title));
            assert_eq!(
                (row.subsection.as_str(), row.subsection_title.as_str()),
                sub,
                "{at}"
            );
            assert!(t.task.marker.starts_with(&row.task), "{at}");
            assert_eq!(row.text, t.task.text, "{at}");
            assert_eq!(row.leaders, t.task.leaders, "{at}");
            assert_eq!(row.lead_units, t.task.lead_units, "{at}");
            assert_eq!(row.responsible_units, t.task.responsible_units, "{at}");
            assert_eq!(row.cooperating_units, t.task.cooperating_units, "{at}");
            assert_eq!(row.line, Some(t.task.span.line), "{at}");
        }
    }
}

/// `fenjie convert --to json` then `fenjie render` gives back the input.
#[cfg(feature = "cli")]
#[test]
fn cli_convert_then_render_gives_back_the_text() {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes, _) in notices() {
        let input = dir.path().join(format!("{name}.txt"));
        let json = dir.path().join(format!("{name}.json"));
        std::fs::write(&input, &bytes).unwrap();
        bin()
            .args([
                "convert",
                input.to_str().unwrap(),
                "-o",
                json.to_str().unwrap(),
            ])
            .assert()
            .success();
        let out = bin()
            .args(["render", json.to_str().unwrap()])
            .output()
            .unwrap();
        assert!(out.status.success(), "{name}");
        assert_eq!(out.stdout, bytes, "{name}");
    }
}

/// `fenjie convert -o FILE.csv` then `import::tasks_from_csv` gives the tasks.
#[cfg(feature = "cli")]
#[test]
fn cli_csv_reads_back_as_the_tasks() {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes, notice) in notices() {
        let input = dir.path().join(format!("{name}.txt"));
        let csv = dir.path().join(format!("{name}.csv"));
        std::fs::write(&input, &bytes).unwrap();
        bin()
            .args([
                "convert",
                input.to_str().unwrap(),
                "--bom",
                "-o",
                csv.to_str().unwrap(),
            ])
            .assert()
            .success();
        let back = import::tasks_from_csv(std::fs::File::open(&csv).unwrap()).unwrap();
        let rows: Vec<_> = task_rows(&notice)
            .map(|r| r.map_targets(|t| summarize_targets(&t)))
            .collect();
        assert_eq!(back, rows, "{name}");
    }
}

#[test]
fn own_line_roles_edited_in_code_are_joined_by_the_clause_separator() {
    let text = "附件\n标题\n一、目标\n1.做事。\n牵头单位:甲局;责任单位:乙局";
    let mut notice = fenjie::parse(text).unwrap();
    assert_eq!(fenjie::render(&notice), text);
    let task = &mut notice.attachment.as_mut().unwrap().sections[0].tasks[0];
    let a = task.attribution.as_mut().unwrap();
    // As if built in code: no separator of its own, none for the clause.
    a.roles[0].end = Default::default();
    a.role_separator = Default::default();
    let rendered = fenjie::render(&notice);
    assert!(
        rendered.ends_with("\n牵头单位:甲局\u{ff1b}责任单位:乙局"),
        "{rendered}"
    );
}
