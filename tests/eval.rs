//! `fenjie eval DIR`: a folder with one notice and its gold.

use assert_cmd::Command;
use predicates::str::contains;

fn corpus(gold: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let notice = "附件\n分解\n一、目标\n1.做事。(牵头单位:市发改局;配合单位:市财政局)\n";
    std::fs::write(dir.path().join("one.txt"), notice).expect("write notice");
    std::fs::create_dir(dir.path().join("gold")).expect("gold folder");
    std::fs::write(dir.path().join("gold/one.json"), gold).expect("write gold");
    dir
}

#[test]
fn a_notice_matching_its_gold_passes_the_check() {
    let dir = corpus(
        r#"{"tasks": [{"number": "1", "section": "一", "lead_units": ["市发改局"], "responsible_units": ["市财政局"], "leaders": [], "deadline": null}]}"#,
    );
    Command::cargo_bin("fenjie")
        .expect("the binary is built")
        .args(["eval", "--check"])
        .arg(dir.path())
        .assert()
        .success()
        .stdout(contains("one"))
        .stdout(contains("total"));
}

#[test]
fn a_wrong_attribution_fails_the_check_and_says_why() {
    let dir =
        corpus(r#"{"tasks": [{"number": "1", "section": "一", "lead_units": ["市财政局"]}]}"#);
    Command::cargo_bin("fenjie")
        .expect("the binary is built")
        .args(["eval", "--check"])
        .arg(dir.path())
        .assert()
        .code(1)
        .stdout(contains("attribution differs"))
        .stderr(contains("attribution 0.000 < 0.900"));
}
