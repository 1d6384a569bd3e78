//! `fenjie check` end to end on the built binary: exit codes, the four
//! output formats (snapshots in `tests/snapshots/`), configuration.

mod common;

use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;

const SEED: &str = "seeds/000_1c8cb5f34e52814e.txt";
/// Only errors (one FJ006).
const ERRORS: &str = "fixtures/check/FJ006-task-numbering.txt";
/// Only warnings (one FJ003), written in full-width punctuation.
const WARNINGS: &str = "fixtures/check/FJ003-recovered-slip.txt";
/// Only a note (FJ014).
const NOTE: &str = "fixtures/check/FJ014-missing-full-stop.txt";
/// One FJ016 with a help line: the fixture for the machine formats.
const SIMILAR: &str = "fixtures/check/FJ016-similar-name.txt";

/// `fenjie check ARGS…` run from the repository root, without colour and
/// without any `fenjie.toml` of the caller's.
fn fenjie(args: &[&str]) -> Command {
    in_dir(env!("CARGO_MANIFEST_DIR"), args)
}

fn in_dir(dir: impl AsRef<Path>, args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_fenjie"));
    cmd.current_dir(dir)
        .env("NO_COLOR", "1")
        .arg("check")
        .args(args);
    cmd
}

fn stdout(cmd: &mut Command) -> String {
    String::from_utf8(cmd.output().unwrap().stdout).unwrap()
}

fn root(path: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

// --- exit codes -------------------------------------------------------------

#[test]
fn the_seed_passes_with_its_two_warnings() {
    fenjie(&[SEED])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("warning[FJ003]"))
        .stdout(predicate::str::contains("warning[FJ015]"))
        .stderr("1 file, 0 errors, 2 warnings\n");
}

#[test]
fn errors_fail_with_1() {
    fenjie(&[ERRORS])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("error[FJ006]"))
        .stderr("1 file, 1 error, 0 warnings\n");
}

#[test]
fn warnings_pass_unless_denied() {
    fenjie(&[WARNINGS]).assert().code(0);
    fenjie(&[WARNINGS, "--deny", "warnings"]).assert().code(1);
    // A note never fails.
    fenjie(&[NOTE, "--deny", "warnings"])
        .assert()
        .code(0)
        .stderr("1 file, 0 errors, 0 warnings, 1 note\n");
}

#[test]
fn allow_suppresses_a_code() {
    fenjie(&[ERRORS, "--allow", "FJ006"])
        .assert()
        .code(0)
        .stdout("")
        .stderr("1 file, 0 errors, 0 warnings\n");
    // By name too, and repeated.
    fenjie(&[
        WARNINGS,
        ERRORS,
        "--allow",
        "recovered-slip",
        "--allow",
        "FJ006",
        "--deny",
        "warnings",
    ])
    .assert()
    .code(0);
}

#[test]
fn a_missing_file_is_an_io_error_naming_it() {
    fenjie(&["fixtures/check/no-such-notice.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "fixtures/check/no-such-notice.txt: cannot read",
        ));
}

#[test]
fn usage_errors_exit_2() {
    fenjie(&[SEED, "--format", "xml"]).assert().code(2);
    fenjie(&[SEED, "--bogus"]).assert().code(2);
    fenjie(&[SEED, "--allow", "FJ999"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("FJ999"));
    fenjie(&[SEED, "--deny", "notes"]).assert().code(2);
    fenjie(&[]).assert().code(2);
}

#[test]
fn binary_input_is_an_io_error_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("scan.txt"), b"PK\x03\x04\x00\x00\x01\x02").unwrap();
    in_dir(dir.path(), &["scan.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("scan.txt: input is binary"));
}

#[test]
fn a_gbk_file_is_decoded_and_checked() {
    let dir = tempfile::tempdir().unwrap();
    let seed = std::fs::read_to_string(SEED).unwrap();
    let (gbk, _, _) = encoding_rs::GB18030.encode(&seed);
    std::fs::write(dir.path().join("gbk.txt"), &gbk).unwrap();
    in_dir(dir.path(), &["--format", "json", "gbk.txt"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("FJ003"));
}

#[test]
fn many_files_are_all_checked_in_order_with_one_summary() {
    let out = fenjie(&[WARNINGS, SEED, ERRORS]).assert().code(1);
    let out = out
        .stderr("3 files, 1 error, 3 warnings\n")
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    let at = |s: &str| out.find(s).unwrap_or_else(|| panic!("{s} missing"));
    assert!(at("FJ003-recovered-slip.txt:8:51") < at("000_1c8cb5f34e52814e.txt:80:26"));
    assert!(at("000_1c8cb5f34e52814e.txt:122:122") < at("FJ006-task-numbering.txt:9:1"));
}

#[test]
fn an_unreadable_file_among_others_still_checks_the_others() {
    fenjie(&[ERRORS, "missing.txt", WARNINGS])
        .assert()
        .code(2)
        .stdout(predicate::str::contains("FJ006").and(predicate::str::contains("FJ003")))
        .stderr(predicate::str::contains("missing.txt: cannot read"))
        .stderr(predicate::str::ends_with("2 files, 1 error, 1 warning\n"));
}

#[test]
fn a_directory_means_its_text_files_sorted() {
    let out = stdout(&mut fenjie(&["fixtures/check", "--format", "json"]));
    let files = common::file_fields(&out);
    assert!(files.windows(2).all(|w| w[0] <= w[1]), "{files:?}");
    assert_eq!(files[0], "fixtures/check/FJ001-unrecognized-line.txt");
    // The registry lists in fixtures/check/registry/ are not notices.
    assert!(files.iter().all(|f| !f.contains("registry")));
}

#[test]
fn stdin_is_read_for_a_dash() {
    let text = std::fs::read(root(ERRORS)).unwrap();
    fenjie(&["-", "--format", "json"])
        .write_stdin(text)
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            r#""file":"<stdin>","code":"FJ006""#,
        ));
}

// --- output formats ---------------------------------------------------------

#[test]
fn human_output_for_a_caret_after_cjk_text() {
    // Full-width punctuation and Han characters are two columns wide each: the
    // caret must sit under the `;` after 责任单位, column 51 by characters.
    let out = stdout(&mut fenjie(&[WARNINGS]));
    assert!(!out.contains('\u{1b}'), "no colour without a terminal");
    insta::assert_snapshot!("check_human_cjk_caret", out);
}

#[test]
fn human_output_for_a_marker() {
    insta::assert_snapshot!("check_human_marker", stdout(&mut fenjie(&[ERRORS])));
}

#[test]
fn json_output_is_one_object_per_line() {
    let out = stdout(&mut fenjie(&[SIMILAR, "--format", "json"]));
    for line in out.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(v["code"], "FJ016");
    }
    insta::assert_snapshot!("check_json", out);
}

#[test]
fn github_output_is_workflow_commands() {
    let out = stdout(&mut fenjie(&[SIMILAR, "--format", "github"]));
    assert!(out.starts_with("::warning file=fixtures/check/FJ016-similar-name.txt,line=9,col=26,"));
    insta::assert_snapshot!("check_github", out);
}

#[test]
fn sarif_output_is_one_sarif_2_1_0_log() {
    let out = stdout(&mut fenjie(&[SIMILAR, "--format", "sarif"]));
    let log: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(log["version"], "2.1.0");
    let run = &log["runs"][0];
    assert_eq!(
        run["tool"]["driver"]["rules"].as_array().unwrap().len(),
        fenjie::Code::ALL.len()
    );
    let result = &run["results"][0];
    assert_eq!(result["ruleId"], "FJ016");
    assert_eq!(
        run["tool"]["driver"]["rules"][result["ruleIndex"].as_u64().unwrap() as usize]["id"],
        "FJ016"
    );
    // The tool's version changes with every release; the log's shape does not.
    let out = out.replace(env!("CARGO_PKG_VERSION"), "[version]");
    insta::assert_snapshot!("check_sarif", out);
}

#[test]
fn machine_formats_keep_stderr_and_stdout_clean() {
    for format in ["json", "github", "sarif"] {
        let assert = fenjie(&[SEED, ERRORS, "--format", format])
            .assert()
            .code(1)
            .stderr("");
        let out = String::from_utf8(assert.get_output().stdout.clone()).unwrap();
        assert!(!out.contains("files,"), "{format}: {out}");
    }
}

// --- configuration ----------------------------------------------------------

/// A directory holding `fenjie.toml`, copies of two fixtures and a registry.
fn repo(config: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for f in [ERRORS, WARNINGS, "fixtures/check/FJ019-unknown-unit.txt"] {
        let name = Path::new(f).file_name().unwrap();
        std::fs::copy(root(f), dir.path().join(name)).unwrap();
    }
    std::fs::create_dir(dir.path().join("lists")).unwrap();
    std::fs::copy(
        root("fixtures/check/registry/units.txt"),
        dir.path().join("lists/units.txt"),
    )
    .unwrap();
    std::fs::write(dir.path().join("fenjie.toml"), config).unwrap();
    dir
}

#[test]
fn the_config_in_the_current_directory_applies() {
    let dir = repo("allow = [\"FJ006\"]\ndeny_warnings = true\n");
    in_dir(&dir, &["FJ006-task-numbering.txt"]).assert().code(0);
    in_dir(&dir, &["FJ003-recovered-slip.txt"]).assert().code(1);
    // Flags add to the config.
    in_dir(&dir, &["FJ003-recovered-slip.txt", "--allow", "FJ003"])
        .assert()
        .code(0);
}

#[test]
fn config_severities_and_registries_apply() {
    let dir =
        repo("units = \"lists/units.txt\"\n[severity]\nFJ003 = \"error\"\nFJ019 = \"note\"\n");
    in_dir(&dir, &["FJ003-recovered-slip.txt"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("error[FJ003]"));
    in_dir(&dir, &["FJ019-unknown-unit.txt"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("note[FJ019]"))
        .stdout(predicate::str::contains("closest known unit: 区税务局"));
}

#[test]
fn a_config_given_by_path_resolves_registries_next_to_it() {
    let dir = repo("units = \"lists/units.txt\"\n");
    let config = dir.path().join("fenjie.toml");
    fenjie(&[
        "fixtures/check/FJ019-unknown-unit.txt",
        "--config",
        config.to_str().unwrap(),
    ])
    .assert()
    .code(0)
    .stdout(predicate::str::contains("warning[FJ019]"));
}

#[test]
fn registry_flags_work_without_a_config() {
    fenjie(&[
        "fixtures/check/FJ020-unknown-leader.txt",
        "--leaders",
        "fixtures/check/registry/leaders.txt",
    ])
    .assert()
    .stdout(predicate::str::contains("closest known leader: 李明"));
    fenjie(&[SEED, "--units", "no-such-list.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "no-such-list.txt: cannot read name list",
        ));
}

#[test]
fn a_bad_config_exits_2_naming_the_file_and_the_problem() {
    let dir = repo("alow = [\"FJ014\"]\n");
    in_dir(&dir, &["FJ003-recovered-slip.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "fenjie.toml:1:1: invalid config: unknown field `alow`",
        ));
    let dir = repo("[severity]\nFJ009 = \"fatal\"\n");
    in_dir(&dir, &["FJ003-recovered-slip.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("fenjie.toml:2:").and(predicate::str::contains("fatal")));
    fenjie(&[SEED, "--config", "no-such.toml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no-such.toml: cannot read config"));
}
