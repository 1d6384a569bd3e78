//! `fenjie convert` and `fenjie check` over many files: one table with a
//! `file` column, input order kept, failing files named and skipped.
#![cfg(feature = "cli")]

mod common;

use assert_cmd::Command;
use predicates::str::contains;

/// A directory with three copies of the seed (one in a subdirectory), a
/// binary file, and a file that is not `*.txt` (ignored).
fn batch_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let seed = common::seed_text();
    std::fs::write(dir.path().join("b.txt"), &seed).unwrap();
    std::fs::write(dir.path().join("a.txt"), &seed).unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    std::fs::write(dir.path().join("sub/c.txt"), &seed).unwrap();
    std::fs::write(dir.path().join("notes.md"), "not a notice").unwrap();
    dir
}

fn fenjie() -> Command {
    Command::cargo_bin("fenjie").unwrap()
}

fn file_column(csv: &[u8]) -> Vec<String> {
    let mut reader = csv::Reader::from_reader(csv);
    assert_eq!(&reader.headers().unwrap()[0], "file");
    reader
        .records()
        .map(|r| r.unwrap()[0].to_string())
        .collect()
}

#[test]
fn a_directory_becomes_one_table_in_path_order() {
    let dir = batch_dir();
    let out = fenjie()
        .args(["convert", "--to", "csv"])
        .arg(dir.path())
        .assert()
        .success();
    let files = file_column(&out.get_output().stdout);
    assert_eq!(files.len(), 3 * 124);
    let base = dir.path().to_string_lossy().to_string();
    let order: Vec<String> = files.iter().step_by(124).cloned().collect();
    assert_eq!(
        order,
        [
            format!("{base}/a.txt"),
            format!("{base}/b.txt"),
            format!("{base}/sub/c.txt")
        ]
    );
}

#[test]
fn a_binary_file_is_named_skipped_and_fails_the_run() {
    let dir = batch_dir();
    std::fs::write(dir.path().join("0-binary.txt"), b"\x00\x01\xff\xfe\x00\x9c").unwrap();
    let out = fenjie()
        .args(["convert", "--to", "csv"])
        .arg(dir.path())
        .assert()
        .code(1)
        .stderr(contains("0-binary.txt"))
        .stderr(contains("1 of 4 files failed"));
    assert_eq!(file_column(&out.get_output().stdout).len(), 3 * 124);
}

#[test]
fn several_files_make_jsonl_and_xlsx_too() {
    let dir = batch_dir();
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    let out = fenjie()
        .args(["convert", "--to", "jsonl"])
        .arg(&a)
        .arg(&b)
        .assert()
        .success();
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&out.get_output().stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 248);
    assert!(lines[124]["file"].as_str().unwrap().ends_with("b.txt"));

    let book = dir.path().join("all.xlsx");
    fenjie()
        .arg("convert")
        .arg(dir.path())
        .arg("-o")
        .arg(&book)
        .assert()
        .success();
    use calamine::Reader;
    let mut wb: calamine::Xlsx<_> = calamine::open_workbook(&book).unwrap();
    let tasks = wb.worksheet_range("任务").unwrap();
    assert_eq!(tasks.height(), 1 + 3 * 124);
}

#[test]
fn many_files_to_json_is_a_usage_error() {
    let dir = batch_dir();
    fenjie()
        .args(["convert", "--to", "json"])
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(contains("--to jsonl"));
}

#[test]
fn check_of_a_directory_reports_in_path_order() {
    let dir = batch_dir();
    let out = fenjie()
        .args(["check", "--format", "json"])
        .arg(dir.path())
        .assert()
        .success();
    let files = common::file_fields(&String::from_utf8_lossy(&out.get_output().stdout));
    assert_eq!(files.len(), 6);
    let mut sorted = files.clone();
    sorted.sort();
    assert_eq!(files, sorted);
}

/// One file's output is written as it is produced, so the file is opened
/// only after the notice was read: an unreadable input leaves an existing
/// output as it was, and a good one is written whole.
#[test]
fn a_single_file_that_fails_leaves_the_output_alone() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.json");
    std::fs::write(&out, "earlier").unwrap();
    std::fs::write(dir.path().join("scan.txt"), b"PK\x03\x04\x00\x00\x01\x02").unwrap();
    fenjie()
        .current_dir(dir.path())
        .args(["convert", "scan.txt", "-o", "out.json"])
        .assert()
        .code(2);
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "earlier");
    let seed = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/seeds/000_1c8cb5f34e52814e.txt"
    );
    fenjie()
        .args(["convert", seed, "-o"])
        .arg(&out)
        .assert()
        .success();
    let written: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let seed = serde_json::to_value(common::seed()).unwrap();
    assert_eq!(written["attachment"], seed["attachment"]);
    assert_eq!(written["source"]["encoding"], "UTF-8");
}

#[test]
fn an_output_that_cannot_be_written_is_named_for_one_file_and_many() {
    let dir = batch_dir();
    let out = dir.path().join("missing-dir/out.csv");
    let single = dir.path().join("a.txt");
    for input in [single.as_path(), dir.path()] {
        fenjie()
            .args(["convert", "--to", "csv", "-o"])
            .arg(&out)
            .arg(input)
            .assert()
            .code(2)
            .stderr(contains(format!("{}: cannot write: ", out.display())));
    }
}
