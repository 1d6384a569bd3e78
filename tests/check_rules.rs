//! Every rule of `fenjie check` on its own fixture (`fixtures/check/`), the
//! seed's exact findings, and `docs/rules.md` covering every code.

mod common;

use std::path::{Path, PathBuf};

use fenjie::check::{check, CheckOptions};
use fenjie::{Code, Diagnostic, Severity};

/// What a fixture must produce: exactly one finding, here.
struct Case {
    code: Code,
    severity: Severity,
    line: u32,
    column: u32,
    /// The text under the span.
    text: &'static str,
}

const fn case(code: Code, severity: Severity, line: u32, column: u32, text: &'static str) -> Case {
    Case {
        code,
        severity,
        line,
        column,
        text,
    }
}

use Severity::{Error, Note, Warning};

const CASES: &[Case] = &[
    case(
        Code::UnrecognizedLine,
        Warning,
        9,
        1,
        "注:各牵头单位每季度末报送工作进展。",
    ),
    case(Code::UnbalancedBracket, Warning, 8, 7, "“"),
    case(Code::RecoveredSlip, Warning, 8, 51, "\u{ff1b}"),
    case(Code::SectionNumbering, Error, 8, 1, "三、"),
    case(Code::SubsectionNumbering, Error, 9, 1, "(三)"),
    case(Code::TaskNumbering, Error, 9, 1, "4."),
    case(Code::MissingAttribution, Error, 8, 1, "2."),
    case(
        Code::MissingLeadUnit,
        Warning,
        8,
        16,
        "\u{ff08}责任领导\u{ff1a}李明\u{ff1b}责任单位\u{ff1a}区财政局、区税务局\u{ff09}",
    ),
    case(
        Code::MissingLeader,
        Warning,
        8,
        16,
        "(牵头单位:区财政局;责任单位:区税务局)",
    ),
    case(Code::UnknownRoleKey, Warning, 8, 35, "负责单位"),
    case(Code::EmptyName, Warning, 8, 44, "、、"),
    case(Code::DuplicateName, Warning, 8, 50, "区住建局"),
    case(Code::LeadAlsoResponsible, Warning, 8, 45, "区农业农村局"),
    case(Code::MissingFullStop, Note, 8, 14, "%"),
    case(
        Code::ConflictingDuplicateTask,
        Warning,
        11,
        18,
        "责任领导:李明",
    ),
    case(Code::SimilarName, Warning, 9, 26, "区自然资源规划局"),
    case(Code::SignedAfterPublished, Warning, 7, 1, "2024年3月5日"),
    case(Code::MalformedMeta, Error, 2, 1, "主题分类: 综合政务"),
    case(Code::UnknownUnit, Warning, 8, 40, "区税物局"),
    case(Code::UnknownLeader, Warning, 8, 22, "李铭"),
    case(Code::Truncated, Warning, 8, 16, "("),
    case(Code::Undecodable, Warning, 8, 5, "\u{fffd}"),
];

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// `fixtures/check/FJ003-recovered-slip.txt`
fn fixture(code: Code) -> PathBuf {
    root()
        .join("fixtures/check")
        .join(format!("{}-{}.txt", code.as_str(), code.name()))
}

fn names(file: &str) -> Vec<String> {
    let text = std::fs::read_to_string(root().join("fixtures/check/registry").join(file)).unwrap();
    text.lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(String::from)
        .collect()
}

/// Registries only for the registry rules: every other fixture is checked
/// as a repository without registries would check it.
fn options(code: Code) -> CheckOptions {
    let mut options = CheckOptions::default();
    match code {
        Code::UnknownUnit => options.units = Some(names("units.txt")),
        Code::UnknownLeader => options.leaders = Some(names("leaders.txt")),
        _ => {}
    }
    options
}

fn describe(found: &[Diagnostic]) -> String {
    found
        .iter()
        .map(|d| {
            format!(
                "{} {} {}:{} {}\n",
                d.code, d.severity, d.span.line, d.span.column, d.message
            )
        })
        .collect()
}

#[test]
fn every_code_has_one_case_and_every_fixture_a_code() {
    let codes: Vec<Code> = CASES.iter().map(|c| c.code).collect();
    assert_eq!(codes, Code::ALL);
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("fixtures/check"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    let expected: Vec<PathBuf> = Code::ALL.iter().map(|&c| fixture(c)).collect();
    assert_eq!(files, expected);
}

#[test]
fn each_fixture_triggers_exactly_its_rule_at_the_right_place() {
    for case in CASES {
        let path = fixture(case.code);
        // Bytes, decoded as the CLI decodes them: FJ022 is about bytes.
        let bytes = std::fs::read(&path).unwrap();
        let notice = fenjie::parse_bytes(&bytes).unwrap();
        let text = fenjie::decode(&bytes).unwrap().text.into_owned();
        let found = check(&notice, &options(case.code));
        assert_eq!(found.len(), 1, "{}:\n{}", path.display(), describe(&found));
        let d = &found[0];
        let got = (
            d.code,
            d.severity,
            d.span.line,
            d.span.column,
            &text[d.span.range()],
        );
        let want = (case.code, case.severity, case.line, case.column, case.text);
        assert_eq!(got, want, "{}", path.display());
        assert!(!d.message.is_empty() && !d.message.contains('\n'));
    }
}

#[test]
fn the_seed_has_exactly_the_two_known_warnings() {
    let text = common::seed_text();
    let found = check(&common::seed(), &CheckOptions::default());
    let got: Vec<(Code, Severity, u32, &str)> = found
        .iter()
        .map(|d| (d.code, d.severity, d.span.line, &text[d.span.range()]))
        .collect();
    assert_eq!(
        got,
        [
            // Task 40 repeats section 一 item (十) (line 26) with another leader.
            (
                Code::ConflictingDuplicateTask,
                Warning,
                80,
                "责任领导:洪金虎"
            ),
            // Task 72: `责任单位;`.
            (Code::RecoveredSlip, Warning, 122, ";"),
        ],
        "{}",
        describe(&found)
    );
    assert!(
        found[0].message.contains("task (十) (line 26)"),
        "{}",
        found[0].message
    );
}

#[test]
fn the_seed_triggers_no_other_rule_even_with_registries() {
    let notice = common::seed();
    let mut units = vec![];
    let mut leaders = vec![];
    for t in notice.tasks() {
        leaders.extend(t.task.leaders.iter().cloned());
        units.extend(t.task.lead_units.iter().cloned());
        units.extend(t.task.responsible_units.iter().cloned());
        units.extend(t.task.cooperating_units.iter().cloned());
    }
    let options = CheckOptions {
        units: Some(units),
        leaders: Some(leaders),
        ..CheckOptions::default()
    };
    let found = check(&notice, &options);
    for case in CASES {
        let known = matches!(
            case.code,
            Code::RecoveredSlip | Code::ConflictingDuplicateTask
        );
        let count = found.iter().filter(|d| d.code == case.code).count();
        assert_eq!(
            count,
            usize::from(known),
            "{}:\n{}",
            case.code,
            describe(&found)
        );
    }
}

#[test]
fn allow_and_severity_overrides_apply_to_parser_findings_too() {
    let mut options = CheckOptions::default();
    options.severities.insert(Code::RecoveredSlip, Error);
    let found = check(&common::seed(), &options);
    assert_eq!(found[1].severity, Error);
    options.allow.insert(Code::RecoveredSlip);
    options.allow.insert(Code::ConflictingDuplicateTask);
    assert!(check(&common::seed(), &options).is_empty());
}

#[test]
fn a_model_built_in_code_is_checked_without_positions() {
    let mut notice =
        fenjie::parse(std::fs::read_to_string(fixture(Code::TaskNumbering)).unwrap()).unwrap();
    notice = notice.without_source();
    let found = check(&notice, &CheckOptions::default());
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].code, Code::TaskNumbering);
    assert!(found[0].span.is_empty());
}

#[test]
fn docs_list_every_code_with_its_name_and_severity() {
    let docs = std::fs::read_to_string(root().join("docs/rules.md")).unwrap();
    for &code in Code::ALL {
        let row = format!(
            "| {} | `{}` | {} |",
            code.as_str(),
            code.name(),
            code.default_severity()
        );
        assert!(docs.contains(&row), "docs/rules.md lacks the row {row:?}");
        let heading = format!("### {} `{}`", code.as_str(), code.name());
        assert!(
            docs.contains(&heading),
            "docs/rules.md lacks the section {heading:?}"
        );
    }
}

#[test]
fn notices_cut_anywhere_check_without_panicking() {
    // A notice cut off mid-line (as web copies are) in either punctuation width.
    let mut texts = vec![common::seed_text()];
    for &code in Code::ALL {
        let bytes = std::fs::read(fixture(code)).unwrap();
        texts.push(fenjie::decode(&bytes).unwrap().text.into_owned());
    }
    for text in texts {
        let folded = common::fold_width(&text);
        for t in [&text, &folded] {
            for cut in (0..t.len()).step_by(97).filter(|&i| t.is_char_boundary(i)) {
                let notice = fenjie::parse(&t[..cut]).unwrap();
                let _ = check(&notice, &options(Code::UnknownUnit));
            }
        }
    }
}

proptest::proptest! {
    /// Whatever the lines hold, checking never panics and every span lies
    /// inside the input.
    #[test]
    fn any_text_checks_without_panicking(lines in proptest::collection::vec(
        "(一、|\\(二\\)|\u{ff08}三\u{ff09}|1\\.|2\\.|2、|附件|索引号:|发布日期:)?[任务市局、\u{ff0c},;\u{ff1b}:\u{ff1a}()\u{ff08}\u{ff09}“”《》 。\\u{3000}]{0,12}",
        0..12,
    )) {
        let text = lines.join("\n");
        let notice = fenjie::parse(&text).unwrap();
        let options = CheckOptions {
            units: Some(vec!["市局".into()]),
            leaders: Some(vec![]),
            ..CheckOptions::default()
        };
        for d in check(&notice, &options) {
            proptest::prop_assert!(d.span.end <= text.len() && d.span.start <= d.span.end);
            proptest::prop_assert!(text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end));
        }
    }
}
