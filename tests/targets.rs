//! Numeric targets and investments against hand-checked fixtures.
//!
//! `fixtures/targets/seed_targets.json` was written by reading the seed's 124
//! tasks one by one and classifying every number in them (target, investment,
//! or a slogan, name, code, year, ordinal, duration or equipment size that is
//! neither). The extractor is scored against it: precision and recall on
//! (task, value, unit), comparator and metric accuracy on the matched
//! targets, precision and recall on investments. The other fixtures in
//! `fixtures/targets/` are notices written in other conventions, compared
//! field by field.

mod common;

use std::collections::BTreeMap;

use common::{fold_width, seed, seed_text};
use fenjie::{Comparator, Direction, Investment, Notice, Target, TargetKind, Task};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct Fixture {
    tasks: Vec<ExpectedTask>,
}

#[derive(Debug, Deserialize)]
struct ExpectedTask {
    task: String,
    targets: Vec<ExpectedTarget>,
    investments: Vec<ExpectedInvestment>,
}

#[derive(Debug, Deserialize)]
struct ExpectedTarget {
    value: f64,
    value_max: Option<f64>,
    unit: String,
    #[serde(default)]
    base_value: Option<f64>,
    comparator: Comparator,
    kind: TargetKind,
    direction: Option<Direction>,
    metric: Option<String>,
}

#[derive(Debug, Deserialize)]
struct ExpectedInvestment {
    amount: f64,
    unit: String,
    #[serde(default)]
    base_value: Option<f64>,
    project: Option<String>,
}

fn fixture(name: &str) -> Fixture {
    let path = format!("{}/fixtures/targets/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn tasks_by_marker(notice: &Notice) -> BTreeMap<String, &Task> {
    notice
        .tasks()
        .map(|t| (t.task.marker.clone(), t.task))
        .collect()
}

fn same_quantity(value: f64, unit: &str, v: f64, u: &str) -> bool {
    (value - v).abs() < 1e-9 && fold_width(unit) == fold_width(u)
}

/// The expected metric, or a found phrase containing it (`None` only matches `None`).
fn metric_right(expected: Option<&str>, found: Option<&str>) -> bool {
    match (expected, found) {
        (None, None) => true,
        (Some(e), Some(f)) => f.contains(e),
        _ => false,
    }
}

/// Counts of one comparison of found against expected.
#[derive(Debug, Default)]
struct Score {
    expected: usize,
    found: usize,
    matched: usize,
    comparator: usize,
    kind: usize,
    direction: usize,
    value_max: usize,
    metric: usize,
    inv_expected: usize,
    inv_found: usize,
    inv_matched: usize,
    inv_project: usize,
    notes: Vec<String>,
}

fn ratio(n: usize, d: usize) -> f64 {
    if d == 0 {
        1.0
    } else {
        n as f64 / d as f64
    }
}

impl Score {
    fn precision(&self) -> f64 {
        ratio(self.matched, self.found)
    }
    fn recall(&self) -> f64 {
        ratio(self.matched, self.expected)
    }
    fn of_matched(&self, n: usize) -> f64 {
        ratio(n, self.matched)
    }
    fn inv_precision(&self) -> f64 {
        ratio(self.inv_matched, self.inv_found)
    }
    fn inv_recall(&self) -> f64 {
        ratio(self.inv_matched, self.inv_expected)
    }

    fn task(&mut self, marker: &str, expected: &[ExpectedTarget], found: &[Target]) {
        self.expected += expected.len();
        self.found += found.len();
        let mut used = vec![false; found.len()];
        for e in expected {
            let hit = (0..found.len()).find(|&i| {
                !used[i] && same_quantity(e.value, &e.unit, found[i].value, &found[i].unit)
            });
            let Some(i) = hit else {
                self.notes
                    .push(format!("{marker} missing {}{}", e.value, e.unit));
                continue;
            };
            used[i] = true;
            let f = &found[i];
            self.matched += 1;
            self.tally(marker, e, f);
        }
        for (f, _) in found.iter().zip(&used).filter(|(_, &u)| !u) {
            self.notes.push(format!(
                "{marker} extra {:?} ({}{})",
                f.text, f.value, f.unit
            ));
        }
    }

    fn tally(&mut self, marker: &str, e: &ExpectedTarget, f: &Target) {
        let mut check = |ok: bool, count: &mut usize, what: String| {
            if ok {
                *count += 1;
            } else {
                self.notes
                    .push(format!("{marker} {}{}: {what}", e.value, e.unit));
            }
        };
        check(
            e.comparator == f.comparator,
            &mut self.comparator,
            format!("comparator {:?}, found {:?}", e.comparator, f.comparator),
        );
        check(
            e.kind == f.kind,
            &mut self.kind,
            format!("kind {:?}, found {:?}", e.kind, f.kind),
        );
        check(
            e.direction == f.direction,
            &mut self.direction,
            format!("direction {:?}, found {:?}", e.direction, f.direction),
        );
        check(
            e.value_max == f.value_max,
            &mut self.value_max,
            format!("value_max {:?}, found {:?}", e.value_max, f.value_max),
        );
        check(
            metric_right(e.metric.as_deref(), f.metric.as_deref()),
            &mut self.metric,
            format!("metric {:?}, found {:?}", e.metric, f.metric),
        );
    }

    fn investments(&mut self, marker: &str, expected: &[ExpectedInvestment], found: &[Investment]) {
        self.inv_expected += expected.len();
        self.inv_found += found.len();
        let mut used = vec![false; found.len()];
        for e in expected {
            let hit = (0..found.len()).find(|&i| {
                !used[i] && same_quantity(e.amount, &e.unit, found[i].amount, &found[i].unit)
            });
            let Some(i) = hit else {
                self.notes.push(format!(
                    "{marker} missing investment {}{}",
                    e.amount, e.unit
                ));
                continue;
            };
            used[i] = true;
            self.inv_matched += 1;
            if metric_right(e.project.as_deref(), found[i].project.as_deref()) {
                self.inv_project += 1;
            } else {
                self.notes.push(format!(
                    "{marker} investment {}{}: project {:?}, found {:?}",
                    e.amount, e.unit, e.project, found[i].project
                ));
            }
        }
        for (f, _) in found.iter().zip(&used).filter(|(_, &u)| !u) {
            self.notes
                .push(format!("{marker} extra investment {:?}", f.text));
        }
    }
}

fn score(notice: &Notice, fixture: &Fixture) -> Score {
    let tasks = tasks_by_marker(notice);
    let expected: BTreeMap<&str, &ExpectedTask> =
        fixture.tasks.iter().map(|t| (t.task.as_str(), t)).collect();
    for marker in expected.keys() {
        assert!(
            tasks.contains_key(*marker),
            "fixture names task {marker}, which the notice lacks"
        );
    }
    let mut s = Score::default();
    for t in notice.tasks() {
        let task = t.task;
        let e = expected.get(task.marker.as_str());
        s.task(&task.marker, e.map_or(&[], |e| &e.targets), &task.targets);
        s.investments(
            &task.marker,
            e.map_or(&[], |e| &e.investments),
            &task.investments,
        );
    }
    s
}

#[test]
fn seed_targets_match_the_hand_checked_fixture() {
    let notice = seed();
    assert_eq!(notice.tasks().count(), 124);
    let s = score(&notice, &fixture("seed_targets.json"));
    for note in &s.notes {
        println!("  {note}");
    }
    println!(
        "targets: expected {}, found {}, matched {}: precision {:.3}, recall {:.3}",
        s.expected,
        s.found,
        s.matched,
        s.precision(),
        s.recall()
    );
    println!(
        "on matched: comparator {:.3}, kind {:.3}, direction {:.3}, value_max {:.3}, metric {:.3}",
        s.of_matched(s.comparator),
        s.of_matched(s.kind),
        s.of_matched(s.direction),
        s.of_matched(s.value_max),
        s.of_matched(s.metric)
    );
    println!(
        "investments: expected {}, found {}, matched {}: precision {:.3}, recall {:.3}, project {:.3}",
        s.inv_expected,
        s.inv_found,
        s.inv_matched,
        s.inv_precision(),
        s.inv_recall(),
        ratio(s.inv_project, s.inv_matched)
    );
    assert!(s.precision() >= 0.97 && s.recall() >= 0.97, "{:?}", s.notes);
    assert!(s.of_matched(s.comparator) >= 0.95, "{:?}", s.notes);
    assert!(s.of_matched(s.metric) >= 0.90, "{:?}", s.notes);
    assert!(s.of_matched(s.kind) >= 0.95, "{:?}", s.notes);
    assert!(
        s.inv_precision() >= 0.95 && s.inv_recall() >= 0.95,
        "{:?}",
        s.notes
    );
}

/// Every occurrence of `needle` in the seed, as byte ranges.
fn occurrences(text: &str, needle: &str) -> Vec<std::ops::Range<usize>> {
    text.match_indices(needle)
        .map(|(i, m)| i..i + m.len())
        .collect()
}

#[test]
fn no_slogan_code_year_or_name_is_reported() {
    let text = seed_text();
    let notice = seed();
    let spans: Vec<(String, std::ops::Range<usize>)> = notice
        .tasks()
        .flat_map(|t| {
            let targets = t
                .task
                .targets
                .iter()
                .map(|x| (x.text.clone(), x.span.range()));
            let investments = t
                .task
                .investments
                .iter()
                .map(|x| (x.text.clone(), x.span.range()));
            targets.chain(investments).collect::<Vec<_>>()
        })
        .collect();
    let traps = [
        "十四五",
        "四个意识",
        "四个自信",
        "两个维护",
        "八种本领",
        "七种能力",
        "一网通办",
        "四好",
        "13类重点人群",
        "5G",
        "G4",
        "3A级",
        "110千伏",
        "107国道",
        "2021年",
        "2020年度",
        "12万吨煅烧炉",
        "三国赤壁",
        "百家商超",
        "万人洁城",
        "一二三产业",
        "三条控制线",
        "三级医院",
        "第二届",
        "5年过渡期",
        "十五分钟",
        "八五",
        "三年行动",
        "千亩",
        "百亿",
        "一村一名",
    ];
    for trap in traps {
        let hits = occurrences(&text, trap);
        assert!(!hits.is_empty(), "trap {trap} is not in the seed");
        for hit in hits {
            for (t, r) in &spans {
                assert!(
                    r.end <= hit.start || r.start >= hit.end,
                    "{t:?} at {r:?} overlaps the trap {trap}"
                );
            }
        }
    }
    // Every target's text is where its span says.
    for (t, r) in &spans {
        assert_eq!(&text[r.clone()], t);
    }
}

fn task<'n>(notice: &'n Notice, marker: &str) -> &'n Task {
    notice
        .tasks()
        .map(|t| t.task)
        .find(|t| t.marker == marker)
        .unwrap_or_else(|| panic!("task {marker}"))
}

fn quantities(task: &Task) -> Vec<(f64, &str, Comparator)> {
    task.targets
        .iter()
        .map(|t| (t.value, t.unit.as_str(), t.comparator))
        .collect()
}

#[test]
fn seed_traps_read_as_the_issue_says() {
    let notice = seed();
    // A comparator far from its value; one value for two rates.
    assert_eq!(
        quantities(task(&notice, "24.")),
        [(3.0, "倍", Comparator::Ge), (50.0, "%", Comparator::Gt)]
    );
    // A range.
    let t = &task(&notice, "5.").targets[0];
    assert_eq!(
        (t.value, t.value_max, t.comparator),
        (3.0, Some(5.0), Comparator::Range)
    );
    // A floor without a comparator word.
    assert_eq!(
        quantities(task(&notice, "38.")),
        [(58.42, "万亩", Comparator::Ge)]
    );
    // An investment right before a count.
    let t93 = task(&notice, "93.");
    assert_eq!(t93.investments.len(), 1);
    assert_eq!(
        (t93.investments[0].amount, t93.investments[0].base_value),
        (23.27, 2.327e9)
    );
    assert_eq!(t93.targets[0].value, 38.0);
    // A year glued to a value.
    let t39: Vec<f64> = task(&notice, "39.")
        .targets
        .iter()
        .map(|t| t.value)
        .collect();
    assert_eq!(t39, [3.5, 3.55]);
    assert_eq!(task(&notice, "39.").targets[0].base_value, Some(35_000.0));
    // An equipment size is not a target; the share after it is.
    assert_eq!(
        quantities(task(&notice, "65.")),
        [(83.0, "%", Comparator::Ge)]
    );
    // 超过 vs 不低于 vs 控制在…以内.
    assert_eq!(
        quantities(task(&notice, "(八)")),
        [(4.5, "%", Comparator::Le)]
    );
    assert_eq!(
        quantities(task(&notice, "94.")),
        [(15.0, "%", Comparator::Ge)]
    );
    // Counter-shaped slogans yield nothing.
    for marker in ["82.", "108.", "112."] {
        assert!(task(&notice, marker).targets.is_empty(), "{marker}");
    }
}

fn same_f64(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => (a - b).abs() <= 1e-9 * a.abs().max(1.0),
        (a, b) => a == b,
    }
}

/// Compares a notice field by field with a fixture in another convention.
fn check_convention(name: &str) {
    let path = format!("{}/fixtures/targets/{name}.txt", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("fixture text");
    let notice = fenjie::parse(&text).expect("UTF-8");
    let fixture = fixture(&format!("{name}.json"));
    let tasks = tasks_by_marker(&notice);
    assert!(!tasks.is_empty(), "{name}: no tasks parsed");
    for e in &fixture.tasks {
        let t = tasks
            .get(&e.task)
            .unwrap_or_else(|| panic!("{name}: task {} not parsed", e.task));
        assert_eq!(
            t.targets.len(),
            e.targets.len(),
            "{name} {}: {:#?}",
            e.task,
            t.targets
        );
        for (f, x) in t.targets.iter().zip(&e.targets) {
            let at = format!("{name} {} {:?}", e.task, f.text);
            assert!(same_f64(Some(f.value), Some(x.value)), "{at}: value");
            assert!(same_f64(f.value_max, x.value_max), "{at}: value_max");
            assert_eq!(f.unit, x.unit, "{at}: unit");
            assert!(
                same_f64(f.base_value, x.base_value),
                "{at}: base {:?}",
                f.base_value
            );
            assert_eq!(f.comparator, x.comparator, "{at}: comparator");
            assert_eq!(f.kind, x.kind, "{at}: kind");
            assert_eq!(f.direction, x.direction, "{at}: direction");
            assert_eq!(f.metric, x.metric, "{at}: metric");
            assert_eq!(&text[f.span.range()], f.text, "{at}: span");
        }
        assert_eq!(
            t.investments.len(),
            e.investments.len(),
            "{name} {}: {:#?}",
            e.task,
            t.investments
        );
        for (f, x) in t.investments.iter().zip(&e.investments) {
            let at = format!("{name} {} {:?}", e.task, f.text);
            assert!(same_f64(Some(f.amount), Some(x.amount)), "{at}: amount");
            assert_eq!(f.unit, x.unit, "{at}: unit");
            assert!(same_f64(Some(f.base_value), x.base_value), "{at}: base");
            assert_eq!(f.project, x.project, "{at}: project");
            assert_eq!(&text[f.span.range()], f.text, "{at}: span");
        }
    }
    let listed: Vec<&str> = fixture.tasks.iter().map(|t| t.task.as_str()).collect();
    for (marker, t) in &tasks {
        if !listed.contains(&marker.as_str()) {
            assert!(
                t.targets.is_empty() && t.investments.is_empty(),
                "{name} {marker}"
            );
        }
    }
}

#[test]
fn full_width_punctuation_and_digits() {
    check_convention("fullwidth");
}

#[test]
fn county_style_with_square_brackets() {
    check_convention("county");
}

#[test]
fn prose_attributions() {
    check_convention("prose");
}

#[test]
fn traditional_characters() {
    check_convention("traditional");
}

#[test]
fn targets_appear_in_the_json_output_with_spans() {
    let notice = seed();
    let json = serde_json::to_value(&notice).expect("serialisable");
    let first = &json["attachment"]["sections"][0]["tasks"][0];
    let target = &first["targets"][0];
    assert_eq!(target["text"], "增长11%");
    assert_eq!(target["metric"], "地区生产总值");
    assert_eq!(target["comparator"], "eq");
    assert_eq!(target["kind"], "growth");
    assert_eq!(target["direction"], "increase");
    assert!(target["span"]["start"].as_u64().is_some_and(|s| s > 0));
}

#[test]
fn switching_extraction_off_leaves_tasks_empty() {
    let options = fenjie::ParseOptions {
        extract_targets: false,
    };
    let notice = fenjie::parse_with(seed_text(), &options).expect("UTF-8");
    assert!(notice
        .tasks()
        .all(|t| t.task.targets.is_empty() && t.task.investments.is_empty()));
}
