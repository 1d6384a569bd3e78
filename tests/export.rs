//! The exporters on the public surface: `fenjie convert --to …` on the seed,
//! cell by cell, the format chosen from `-o`, the BOM, and the Excel workbook
//! read back with calamine.
#![cfg(feature = "cli")]

mod common;

use std::io::Read;

use assert_cmd::Command;
use calamine::{open_workbook, Data, Reader, Xlsx};
use fenjie::export::{self, CsvOptions, CsvWriter, Table, XlsxWriter};
use fenjie::{Comparator, Direction, Notice, Target, TargetKind};
use predicates::str::contains;

const SEED: &str = "seeds/000_1c8cb5f34e52814e.txt";

fn bin() -> Command {
    let mut cmd = Command::cargo_bin("fenjie").unwrap();
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd
}

fn stdout_of(args: &[&str]) -> Vec<u8> {
    let out = bin().args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// The seed's task table as printed by `fenjie convert --to csv`.
fn seed_csv() -> (csv::StringRecord, Vec<csv::StringRecord>) {
    let out = stdout_of(&["convert", SEED, "--to", "csv"]);
    let mut reader = csv::Reader::from_reader(out.as_slice());
    let header = reader.headers().unwrap().clone();
    let rows = reader.records().map(Result::unwrap).collect();
    (header, rows)
}

/// The row of the task whose `task` cell is `label`.
fn row<'a>(rows: &'a [csv::StringRecord], label: &str) -> &'a csv::StringRecord {
    rows.iter()
        .find(|r| &r[4] == label)
        .unwrap_or_else(|| panic!("no row for task {label}"))
}

/// The contract's first eleven columns of a row, `targets` left out: its
/// content belongs to the target extractor.
fn cells(r: &csv::StringRecord) -> Vec<&str> {
    r.iter()
        .take(11)
        .enumerate()
        .filter(|&(i, _)| i != 9)
        .map(|(_, c)| c)
        .collect()
}

#[test]
fn seed_csv_has_the_header_and_124_rows() {
    let (header, rows) = seed_csv();
    let expected = [
        "section",
        "section_title",
        "subsection",
        "subsection_title",
        "task",
        "text",
        "leaders",
        "lead_units",
        "responsible_units",
        "targets",
        "line",
    ];
    assert_eq!(header.iter().take(11).collect::<Vec<_>>(), expected);
    // Extras come after the contract's columns, never between them.
    assert_eq!(
        header.iter().skip(11).collect::<Vec<_>>(),
        ["cooperating_units", "deadline"]
    );
    assert_eq!(rows.len(), 124);
    let tasks: Vec<&str> = rows.iter().map(|r| &r[4]).collect();
    assert_eq!(&tasks[..3], ["(一)", "(二)", "(三)"]);
    assert_eq!(tasks[9], "(十)");
    let numbered: Vec<String> = (1..=114).map(|n| n.to_string()).collect();
    assert_eq!(&tasks[10..], numbered.as_slice());
}

#[test]
fn seed_csv_task_1() {
    let (_, rows) = seed_csv();
    assert_eq!(
        cells(row(&rows, "1")),
        [
            "二",
            "实施创新驱动,提升产业链供应链现代化水平",
            "(一)",
            "聚力打造六大产业集群",
            "1",
            "新增规上工业企业20家以上,规上工业总产值620亿元,同比增长8%。",
            "饶自斌",
            "市科信局",
            "",
            "29",
        ]
    );
}

#[test]
fn seed_csv_task_56_keeps_quoted_unit_names_whole() {
    let (_, rows) = seed_csv();
    assert_eq!(
        cells(row(&rows, "56")),
        [
            "六",
            "统筹协调城乡,加快推进新型城镇化",
            "(二)",
            "提升城市品质",
            "56",
            "实施蒲圻老街、蒲纺总厂历史文化街区保护与利用项目。",
            "别华中",
            "“蒲圻古城历史文化街区”保护建设指挥部办公室、市住建局",
            "“蒲圻古城历史文化街区”保护建设指挥部成员单位、市文旅局、蒲纺工业园区",
            "101",
        ]
    );
}

#[test]
fn seed_csv_task_72_reads_through_the_semicolon_slip() {
    let (_, rows) = seed_csv();
    assert_eq!(
        cells(row(&rows, "72")),
        [
            "七",
            "推动绿色发展,持续改善自然生态环境",
            "(二)",
            "加快生态保护修复",
            "72",
            "把修复长江生态环境摆在压倒性位置,巩固提升长江禁渔成果,妥善做好退捕渔民安置工作,\
             加大西凉湖、黄盖湖等湖区及沿江产业发展政策扶持力度,健全禁捕退捕长效机制,\
             确保禁得住、退得出、能致富。",
            "钱仕忠",
            "市农业农村局",
            "长江流域重点水域禁捕退捕领导小组成员单位",
            "122",
        ]
    );
}

#[test]
fn seed_csv_task_114_joins_comma_separated_units_with_dun_hao() {
    let (_, rows) = seed_csv();
    assert_eq!(
        cells(row(&rows, "114")),
        [
            "十",
            "加强政府自身建设,全面提升政府治理能力水平",
            "(四)",
            "坚持廉洁自律",
            "114",
            "加强廉洁政府建设,严格履行“一岗双责”,促进廉政建设与改革发展稳定工作有机融合。\
             强化重点领域和关键环节廉政风险防控,发挥审计监督职能作用。\
             严肃整治群众身边的“微腐败”,营造风清气正的干事创业环境。",
            "洪金虎",
            "市政府办公室、市纪委监委、市审计局",
            // Written `市政府各部门,各乡镇街道` in the seed: one separator in the table.
            "市政府各部门、各乡镇街道",
            "180",
        ]
    );
}

#[test]
fn seed_csv_items_of_section_one_have_paren_labels() {
    let (_, rows) = seed_csv();
    assert_eq!(
        cells(row(&rows, "(八)")),
        [
            "一",
            "2021年经济社会发展主要预期目标",
            "",
            "",
            "(八)",
            "城镇登记失业率控制在4.5%以内。",
            "洪金虎",
            "市人社局",
            "",
            "24",
        ]
    );
}

#[test]
fn bom_is_written_only_when_asked() {
    let plain = stdout_of(&["convert", SEED, "--to", "csv"]);
    assert!(plain.starts_with(b"section,"));
    let bom = stdout_of(&["convert", SEED, "--to", "csv", "--bom"]);
    assert!(bom.starts_with(b"\xef\xbb\xbfsection,"));
    assert_eq!(&bom[3..], plain.as_slice());
    let targets = stdout_of(&["convert", SEED, "--to", "targets-csv", "--bom"]);
    assert!(targets.starts_with(b"\xef\xbb\xbftask,"));
}

#[test]
fn bom_with_a_format_that_is_not_csv_is_a_usage_error() {
    bin()
        .args(["convert", SEED, "--to", "jsonl", "--bom"])
        .assert()
        .code(2)
        .stderr(contains("--bom applies to CSV output only"));
}

#[test]
fn output_extension_picks_the_format() {
    let dir = tempfile::tempdir().unwrap();
    let path = |name: &str| dir.path().join(name).to_str().unwrap().to_string();
    for name in ["t.csv", "t.jsonl", "t.json", "t.xlsx", "T.CSV"] {
        bin()
            .args(["convert", SEED, "-o", &path(name)])
            .assert()
            .success();
    }
    let read = |name: &str| std::fs::read(path(name)).unwrap();
    assert!(read("t.csv").starts_with(b"section,section_title,"));
    assert_eq!(read("T.CSV"), read("t.csv"));
    let jsonl = String::from_utf8(read("t.jsonl")).unwrap();
    assert_eq!(jsonl.lines().count(), 124);
    let json: Notice = serde_json::from_slice(&read("t.json")).unwrap();
    assert_eq!(json.tasks().count(), 124);
    assert!(read("t.xlsx").starts_with(b"PK"));
}

#[test]
fn explicit_format_wins_over_the_extension() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("tasks.json");
    bin()
        .args(["convert", SEED, "--to", "csv", "-o", out.to_str().unwrap()])
        .assert()
        .success();
    assert!(std::fs::read(&out).unwrap().starts_with(b"section,"));
}

#[test]
fn unknown_extension_without_a_format_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("tasks.txt");
    bin()
        .args(["convert", SEED, "-o", out.to_str().unwrap()])
        .assert()
        .code(2)
        .stderr(contains("cannot tell the output format"))
        .stderr(contains("--to"));
    assert!(!out.exists());
}

#[test]
fn xlsx_to_stdout_is_a_usage_error() {
    bin()
        .args(["convert", SEED, "--to", "xlsx"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains("xlsx needs -o FILE"));
}

#[test]
fn jsonl_rows_carry_their_section_path() {
    let out = String::from_utf8(stdout_of(&["convert", SEED, "--to", "jsonl"])).unwrap();
    let rows: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 124);
    let r = rows.iter().find(|r| r["task"] == "56").unwrap();
    assert_eq!(r["section"], "六");
    assert_eq!(r["section_title"], "统筹协调城乡,加快推进新型城镇化");
    assert_eq!(r["subsection"], "(二)");
    assert_eq!(r["subsection_title"], "提升城市品质");
    assert_eq!(r["leaders"], serde_json::json!(["别华中"]));
    assert_eq!(r["line"], 101);
    assert!(r["targets"].is_array());
    assert!(r.get("file").is_none());
}

/// A notice whose targets are set in code, so the target table does not
/// depend on what the extractor finds.
fn notice_with_targets() -> Notice {
    let text = "附件\n分解\n一、目标\n(一)地区生产总值增长11%。(责任领导:张三;牵头单位:市发改局)\n\
                1.新增企业20家以上,建设3-5个园区。(责任领导:李四;牵头单位:市科信局;配合单位:市财政局;完成时限:2021年底)";
    let mut notice = fenjie::parse_with(
        text,
        &fenjie::ParseOptions {
            extract_targets: false,
        },
    )
    .unwrap();
    let tasks = &mut notice.attachment.as_mut().unwrap().sections[0].tasks;
    tasks[0].targets = vec![Target {
        text: "增长11%".into(),
        metric: Some("地区生产总值".into()),
        value: 11.0,
        unit: "%".into(),
        kind: TargetKind::Growth,
        direction: Some(Direction::Increase),
        ..Target::default()
    }];
    tasks[1].targets = vec![
        Target {
            text: "20家以上".into(),
            metric: Some("新增企业".into()),
            value: 20.0,
            unit: "家".into(),
            comparator: Comparator::Ge,
            kind: TargetKind::Count,
            ..Target::default()
        },
        Target {
            text: "3-5个".into(),
            value: 3.0,
            value_max: Some(5.0),
            unit: "个".into(),
            base_value: Some(3.0),
            comparator: Comparator::Range,
            kind: TargetKind::Count,
            ..Target::default()
        },
    ];
    notice
}

#[test]
fn targets_column_summarises_each_tasks_targets() {
    let mut out = vec![];
    export::write_csv(&notice_with_targets(), &mut out, &CsvOptions::default()).unwrap();
    let mut reader = csv::Reader::from_reader(out.as_slice());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(&rows[0][9], "增长11%");
    assert_eq!(&rows[1][9], "≥20家; 3–5个");
    // The extras: cooperating units and the deadline.
    assert_eq!((&rows[1][11], &rows[1][12]), ("市财政局", "2021年底"));
}

#[test]
fn targets_csv_has_one_row_per_target() {
    let mut out = vec![];
    export::write_targets_csv(&notice_with_targets(), &mut out, &CsvOptions::default()).unwrap();
    let text = String::from_utf8(out).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines,
        [
            "task,metric,value,value_max,unit,base_value,comparator,kind,text,line,direction",
            "(一),地区生产总值,11,,%,,eq,growth,增长11%,4,increase",
            "1,新增企业,20,,家,,ge,count,20家以上,5,",
            "1,,3,5,个,3,range,count,3-5个,5,",
        ]
    );
}

#[test]
fn seed_targets_csv_has_its_header() {
    let out = String::from_utf8(stdout_of(&["convert", SEED, "--to", "targets-csv"])).unwrap();
    assert!(out.starts_with(
        "task,metric,value,value_max,unit,base_value,comparator,kind,text,line,direction\n"
    ));
}

#[test]
fn a_batch_table_names_the_file_of_each_row() {
    let seed = common::seed();
    let options = CsvOptions {
        bom: false,
        file_column: true,
    };
    let mut w = CsvWriter::new(vec![], Table::Tasks, &options).unwrap();
    w.write_notice(&seed, Some("seed.txt")).unwrap();
    w.write_notice(&notice_with_targets(), Some("other.txt"))
        .unwrap();
    let rows = fenjie::import::tasks_from_csv(w.finish().unwrap().as_slice()).unwrap();
    assert_eq!(rows.len(), 126);
    assert_eq!(rows[0].file.as_deref(), Some("seed.txt"));
    assert_eq!(rows[125].file.as_deref(), Some("other.txt"));
    assert_eq!(rows[125].targets, "≥20家; 3–5个");
}

fn sheet(path: &std::path::Path, name: &str) -> calamine::Range<Data> {
    let mut book: Xlsx<_> = open_workbook(path).unwrap();
    book.worksheet_range(name).unwrap()
}

fn strings(row: &[Data]) -> Vec<String> {
    row.iter().map(|c| c.to_string()).collect()
}

#[test]
fn seed_xlsx_has_both_sheets_with_headers_and_rows() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("seed.xlsx");
    bin()
        .args([
            "convert",
            SEED,
            "--to",
            "xlsx",
            "-o",
            path.to_str().unwrap(),
        ])
        .assert()
        .success();
    let book: Xlsx<_> = open_workbook(&path).unwrap();
    assert_eq!(book.sheet_names(), ["任务", "指标"]);

    let tasks = sheet(&path, "任务");
    let rows: Vec<&[Data]> = tasks.rows().collect();
    assert_eq!(rows.len(), 125);
    assert_eq!(strings(rows[0]), export::TASK_COLUMNS);
    let t56 = rows
        .iter()
        .find(|r| r[4] == Data::String("56".into()))
        .unwrap();
    assert_eq!(t56[0], Data::String("六".into()));
    assert_eq!(t56[3], Data::String("提升城市品质".into()));
    assert_eq!(
        t56[7],
        Data::String("“蒲圻古城历史文化街区”保护建设指挥部办公室、市住建局".into())
    );
    // Line numbers are numbers, and empty cells stay empty.
    assert_eq!(t56[10], Data::Float(101.0));
    assert_eq!(rows[1][2], Data::Empty);

    let targets = sheet(&path, "指标");
    assert_eq!(
        strings(targets.rows().next().unwrap()),
        export::TARGET_COLUMNS
    );
}

/// The parts calamine does not show: the frozen header, the autofilter and
/// fitted column widths.
#[test]
fn xlsx_header_is_frozen_filtered_and_columns_fitted() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.xlsx");
    let mut w = XlsxWriter::new(true).unwrap();
    w.write_notice(&notice_with_targets(), Some("a.txt"))
        .unwrap();
    std::fs::write(&path, w.into_bytes().unwrap()).unwrap();

    let mut zip = zip::ZipArchive::new(std::fs::File::open(&path).unwrap()).unwrap();
    let mut part = |name: &str| {
        let mut xml = String::new();
        zip.by_name(name).unwrap().read_to_string(&mut xml).unwrap();
        xml
    };
    let tasks = part("xl/worksheets/sheet1.xml");
    assert!(tasks.contains(r#"state="frozen""#), "{tasks}");
    // file + 13 columns = A…N; header + 2 tasks.
    assert!(tasks.contains(r#"<autoFilter ref="A1:N3"/>"#), "{tasks}");
    let targets = part("xl/worksheets/sheet2.xml");
    assert!(targets.contains(r#"state="frozen""#));
    assert!(
        targets.contains(r#"<autoFilter ref="A1:L4"/>"#),
        "{targets}"
    );

    // A column of Chinese text is wider than one of short numbers.
    let width = |xml: &str, col: usize| -> f64 {
        let tag = format!(r#"<col min="{col}" max="{col}" width=""#);
        let at = xml.find(&tag).unwrap() + tag.len();
        xml[at..].split('"').next().unwrap().parse().unwrap()
    };
    assert!(width(&tasks, 7) > width(&tasks, 12), "{tasks}");

    let rows = sheet(&path, "指标");
    let rows: Vec<&[Data]> = rows.rows().collect();
    assert_eq!(rows.len(), 4);
    assert_eq!(rows[2][0], Data::String("a.txt".into()));
    assert_eq!(rows[2][3], Data::Float(20.0));
    assert_eq!(rows[3][4], Data::Float(5.0));
}
