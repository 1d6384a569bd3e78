//! Property tests: random notices built from the model survive every round trip.
//!
//! The generator builds a [`Notice`] the way code would (no spans, no
//! layout), with markers consistent with their numbers, names holding
//! quotes, brackets, digits and — inside brackets or quotes only, where the
//! format allows them — commas and 、, attribution clauses in ASCII or
//! full-width punctuation, any subset of roles (unknown keys included) and
//! empty lists. Each property checks one round trip on 256 such notices.

use fenjie::export::{self, summarize_targets, task_rows, CsvOptions, CsvWriter, Table};
use fenjie::*;
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;
use proptest::sample::select;

/// Free-text characters. None of 位 导 門 门 限 点 點 间 間 人, so no text can
/// spell a role key; no Chinese numeral, so a text at the start of a line
/// cannot read as a `一、` marker; no 附 (附件 opens the attachment); no colon.
const TEXT_CHARS: &str = "建设推进实施加快发展产业园区项目工程改革创新服务提升优化城乡生态环境保护治理民生教育医疗养老交通水利能源农业旅游文化体育安全稳定市县镇街道局委会办公室中心集团";

/// Role keys the generator writes, with what the parser must read them as.
const KEYS: &[(&str, RoleKind)] = &[
    ("责任领导", RoleKind::Leaders),
    ("牵头领导", RoleKind::Leaders),
    ("責任領導", RoleKind::Leaders),
    ("牵头单位", RoleKind::LeadUnits),
    ("牵头责任单位", RoleKind::LeadUnits),
    ("牽頭單位", RoleKind::LeadUnits),
    ("责任单位", RoleKind::ResponsibleUnits),
    ("协同责任单位", RoleKind::ResponsibleUnits),
    ("配合单位", RoleKind::CooperatingUnits),
    ("协办单位", RoleKind::CooperatingUnits),
    ("完成时限", RoleKind::Deadline),
    ("时间节点", RoleKind::Deadline),
];

/// Keys the parser does not know: kept in the attribution only, with a diagnostic.
const UNKNOWN_KEYS: &[&str] = &["负责单位", "督办科室"];

const PARENS: &[(&str, &str)] = &[("(", ")"), ("\u{ff08}", "\u{ff09}")];
const CLAUSE_BRACKETS: &[(&str, &str)] = &[
    ("(", ")"),
    ("\u{ff08}", "\u{ff09}"),
    ("[", "]"),
    ("【", "】"),
];
const COLONS: &[&str] = &[":", "\u{ff1a}"];
const NAME_SEPARATORS: &[&str] = &["、", ",", "\u{ff0c}"];

const NO_TARGETS: ParseOptions = ParseOptions {
    extract_targets: false,
};

fn word(chars: &'static str, len: std::ops::RangeInclusive<usize>) -> BoxedStrategy<String> {
    let chars: Vec<char> = chars.chars().collect();
    vec(select(chars), len)
        .prop_map(|cs| cs.into_iter().collect())
        .boxed()
}

fn text_word() -> BoxedStrategy<String> {
    word(TEXT_CHARS, 1..=8)
}

/// A name as real notices write them: plain, or with a quoted or bracketed
/// part that may hold 、 or a comma (`县发改局(粮食局、物价局)`); digits and
/// ASCII `"` occur too. A bare comma or 、 outside brackets would separate
/// two names by the format's own definition, so there is none.
fn name() -> BoxedStrategy<String> {
    let plain = || {
        word(
            concat!(
                "建设发展改革市县镇街道局委会办公室中心集团",
                "0123456789G\""
            ),
            1..=6,
        )
    };
    let inner_separator = select(&["、", ",", "\u{ff0c}", ""][..]);
    prop_oneof![
        4 => plain(),
        1 => (plain(), plain(), inner_separator.clone(), plain(), option::of(plain()))
            .prop_map(|(a, b, sep, c, tail)| format!("“{a}{sep}{b}”{c}{}", tail.unwrap_or_default())),
        1 => (plain(), select(PARENS), plain(), inner_separator, plain())
            .prop_map(|(a, (open, close), b, sep, c)| format!("{a}{open}{b}{sep}{c}{close}")),
    ]
    .boxed()
}

/// A list of names, possibly empty, possibly with empty names (`甲、、乙`) —
/// but not the one-empty-name list, which the format cannot write apart
/// from the empty list (`责任单位:` with nothing is the empty list).
fn names() -> BoxedStrategy<Vec<String>> {
    vec(prop_oneof![9 => name(), 1 => Just(String::new())], 0..4)
        .prop_filter("one empty name reads as no names", |n| {
            n != &[String::new()]
        })
        .boxed()
}

fn role(key: &'static str, kind: RoleKind) -> BoxedStrategy<Role> {
    // A deadline is one phrase, read back as the clause text after the colon.
    let names = if kind == RoleKind::Deadline {
        name().prop_map(|n| vec![n]).boxed()
    } else {
        names()
    };
    (names, select(COLONS), vec(select(NAME_SEPARATORS), 3))
        .prop_map(move |(names, delimiter, seps)| {
            let separators: Vec<String> = seps
                .iter()
                .take(names.len().saturating_sub(1))
                .map(|s| s.to_string())
                .collect();
            let all_plain = separators.iter().all(|s| s == "、");
            Role {
                key: key.into(),
                kind,
                delimiter: delimiter.into(),
                names,
                separators: if all_plain { vec![] } else { separators },
                span: Span::default(),
                ..Role::default()
            }
        })
        .boxed()
}

fn known_role() -> BoxedStrategy<Role> {
    select(KEYS)
        .prop_flat_map(|(k, kind)| role(k, kind))
        .boxed()
}

fn any_role() -> BoxedStrategy<Role> {
    prop_oneof![
        6 => known_role(),
        1 => select(UNKNOWN_KEYS).prop_flat_map(|k| role(k, RoleKind::Unknown)),
    ]
    .boxed()
}

/// An attribution clause: the parser only reads a bracket as one when it
/// starts with a known key, so the first role is known. Roles may be
/// separated by `;` in either width, or by a comma when every later key is
/// known (a comma before an unknown key is a name separator).
fn attribution() -> BoxedStrategy<Attribution> {
    (
        known_role(),
        vec(any_role(), 0..4),
        select(CLAUSE_BRACKETS),
        select(&[";", "\u{ff1b}", ",", "\u{ff0c}"][..]),
    )
        .prop_map(|(first, rest, (open, close), separator)| {
            let mut roles = vec![first];
            roles.extend(rest);
            let comma = separator == "," || separator == "\u{ff0c}";
            let separator = if roles.len() == 1 {
                // Nothing separates a single role; the parser reads none.
                ""
            } else if comma && roles.iter().any(|r| r.kind == RoleKind::Unknown) {
                ";"
            } else {
                separator
            };
            Attribution {
                roles,
                open: open.into(),
                close: close.into(),
                role_separator: separator.into(),
                span: Span::default(),
                ..Attribution::default()
            }
        })
        .boxed()
}

/// Task text: starts with a Han character (a digit right after `1.` would
/// read as the decimal `1.2`), holds digits, quotes, bracketed asides and
/// commas anywhere after.
fn task_text() -> BoxedStrategy<String> {
    let piece = prop_oneof![
        4 => text_word(),
        1 => select(&["\u{ff0c}", "、", "。", ",", "；"][..]).prop_map(str::to_string),
        1 => (1u32..3000).prop_map(|n| format!("{n}%")),
        1 => text_word().prop_map(|w| format!("“{w}”")),
        1 => (select(PARENS), text_word()).prop_map(|((o, c), w)| format!("{o}{w}{c}")),
    ];
    prop_oneof![
        1 => Just(String::new()),
        9 => (text_word(), vec(piece, 0..6)).prop_map(|(first, rest)| first + &rest.concat()),
    ]
    .boxed()
}

fn target() -> BoxedStrategy<Target> {
    let comparators = [
        Comparator::Eq,
        Comparator::Ge,
        Comparator::Gt,
        Comparator::Le,
        Comparator::Lt,
        Comparator::Approx,
        Comparator::Range,
    ];
    let kinds = [TargetKind::Growth, TargetKind::Level, TargetKind::Count];
    let tenths = || (0u32..100_000).prop_map(|n| f64::from(n) / 10.0);
    (
        text_word(),
        option::of(text_word()),
        tenths(),
        option::of(tenths()),
        select(&["%", "亿元", "家", "个", "万吨"][..]),
        option::of(tenths()),
        select(comparators.to_vec()),
        select(kinds.to_vec()),
        option::of(select(vec![Direction::Increase, Direction::Decrease])),
    )
        .prop_map(
            |(text, metric, value, value_max, unit, base_value, comparator, kind, direction)| {
                Target {
                    text,
                    span: Span::default(),
                    metric,
                    value,
                    value_max,
                    unit: unit.into(),
                    base_value,
                    comparator,
                    kind,
                    direction,
                }
            },
        )
        .boxed()
}

#[derive(Debug, Clone)]
struct TaskSpec {
    /// A `(一)` marker in this style; used only with an attribution, since a
    /// paren line without one is a subsection heading.
    paren: Option<(&'static str, &'static str)>,
    /// `.`, full-width `.` or `、` after an Arabic number.
    suffix: &'static str,
    text: String,
    attribution: Option<Attribution>,
    targets: Vec<Target>,
}

fn task_spec() -> BoxedStrategy<TaskSpec> {
    (
        option::of(select(PARENS)),
        select(&[".", "\u{ff0e}", "、"][..]),
        task_text(),
        option::weighted(0.85, attribution()),
        vec(target(), 0..3),
    )
        .prop_map(|(paren, suffix, text, attribution, targets)| TaskSpec {
            paren,
            suffix,
            text,
            attribution,
            targets,
        })
        .boxed()
}

#[derive(Debug, Clone)]
struct SectionSpec {
    title: String,
    tasks: Vec<TaskSpec>,
    subsections: Vec<(&'static str, &'static str, String, Vec<TaskSpec>)>,
}

fn heading_title() -> BoxedStrategy<String> {
    prop_oneof![1 => Just(String::new()), 6 => text_word()].boxed()
}

fn section_spec() -> BoxedStrategy<SectionSpec> {
    let subsection = (select(PARENS), heading_title(), vec(task_spec(), 0..4))
        .prop_map(|((open, close), title, tasks)| (open, close, title, tasks));
    (
        heading_title(),
        vec(task_spec(), 0..4),
        vec(subsection, 0..4),
    )
        .prop_map(|(title, tasks, subsections)| SectionSpec {
            title,
            tasks,
            subsections,
        })
        .boxed()
}

/// The cover letter: addressees, paragraphs, requirements, attachment
/// references and a signature, each present or not.
fn letter() -> BoxedStrategy<Letter> {
    let paragraph = text_word().prop_map(|w| TextLine::new(format!("{w}\u{ff0c}{w}。")));
    let date = (2000u16..2030, 1u8..=12, 1u8..=28, any::<bool>()).prop_map(|(y, m, d, iso)| {
        let date = Date::new(y, m, d).expect("day ≤ 28 exists in every month");
        let line = if iso {
            date.to_string()
        } else {
            format!("{y}年{m}月{d}日")
        };
        (date, TextLine::new(line))
    });
    (
        // Addressees and signatories name bodies (a bare 中 or 小 is what a
        // page's font-size buttons leave, and is read as such).
        option::of((
            vec(text_word().prop_map(|w| format!("{w}局")), 1..4),
            select(&["、", "\u{ff0c}"][..]),
            select(COLONS),
        )),
        vec(paragraph, 0..3),
        vec(text_word(), 0..3),
        vec(
            text_word().prop_map(|w| format!("附件\u{ff1a}《{w}》")),
            0..2,
        ),
        option::of((
            option::of(text_word().prop_map(|w| format!("{w}办公室"))),
            date,
        )),
    )
        .prop_map(
            |(addressees, paragraphs, requirements, attachments, signature)| {
                let mut letter = Letter {
                    paragraphs,
                    attachments: attachments.into_iter().map(TextLine::new).collect(),
                    ..Letter::default()
                };
                if let Some((names, separator, colon)) = addressees {
                    letter.addressee_line = Some(TextLine::new(names.join(separator) + colon));
                    letter.addressees = names;
                }
                letter.requirements = requirements
                    .into_iter()
                    .zip(1..)
                    .map(|(text, number)| Requirement {
                        marker: format!("{}、", numeral(number)),
                        number,
                        text,
                        ..Requirement::default()
                    })
                    .collect();
                if let Some((signatory, (date, line))) = signature {
                    letter.signatory = signatory.map(TextLine::new);
                    letter.signed = Some(date);
                    letter.signed_line = Some(line);
                }
                letter
            },
        )
        .boxed()
}

#[derive(Debug, Clone)]
struct NoticeSpec {
    title: Option<String>,
    letter: Letter,
    heading: &'static str,
    attachment_title: Option<String>,
    /// The first section is the unnamed one that tasks before any `一、` go to.
    unnamed_first: bool,
    sections: Vec<SectionSpec>,
    /// Leave out the `附件` line where the format allows it.
    headless: bool,
    /// Lines after the breakdown that fit nowhere.
    unrecognized: Vec<String>,
    source: SourceStyle,
}

fn notice_spec() -> BoxedStrategy<NoticeSpec> {
    let source =
        (any::<bool>(), any::<bool>(), any::<bool>()).prop_map(|(bom, crlf, last)| SourceStyle {
            bom,
            line_ending: if crlf { "\r\n".into() } else { String::new() },
            final_newline: last,
            encoding: None,
        });
    // Titles read like titles: a one-character line such as 中 is what a
    // web page's font-size buttons leave behind, and is read as such.
    (
        option::of(text_word().prop_map(|w| format!("关于{w}的通知"))),
        letter(),
        select(&["附件", "附件1", "附件\u{ff1a}"][..]),
        option::of(text_word().prop_map(|w| format!("{w}责任分解"))),
        prop::bool::weighted(0.35),
        vec(section_spec(), 0..5),
        prop::bool::weighted(0.5),
        vec(text_word(), 0..2),
        source,
    )
        .prop_map(
            |(
                title,
                letter,
                heading,
                attachment_title,
                unnamed_first,
                sections,
                headless,
                unrecognized,
                source,
            )| {
                NoticeSpec {
                    title,
                    letter,
                    heading,
                    attachment_title,
                    unnamed_first,
                    sections,
                    headless,
                    unrecognized,
                    source,
                }
            },
        )
        .boxed()
}

/// `n` (1–99) as a Chinese numeral.
fn numeral(n: u32) -> String {
    const DIGITS: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    let (tens, ones) = ((n / 10) as usize, DIGITS[(n % 10) as usize]);
    match tens {
        0 => ones.to_string(),
        1 => format!("十{ones}"),
        _ => format!("{}十{ones}", DIGITS[tens]),
    }
}

/// Numbers the tasks: Arabic numbers run through the notice, paren numbers
/// restart in each section and subsection.
struct Numbering {
    arabic: u32,
}

impl Numbering {
    /// Numbers tasks; `(一)`-marked tasks only where `paren` allows: in a
    /// section without subsections, as real notices have them (the seed's
    /// section 一). Beside `(一)` headings a bare `(二)` line could be either.
    fn tasks(&mut self, specs: &[TaskSpec], paren_allowed: bool) -> Vec<Task> {
        let mut paren = 0;
        specs
            .iter()
            .map(|spec| {
                let (marker, number) =
                    match (spec.paren.filter(|_| paren_allowed), &spec.attribution) {
                        (Some((open, close)), Some(_)) => {
                            paren += 1;
                            (format!("{open}{}{close}", numeral(paren)), paren)
                        }
                        _ => {
                            self.arabic += 1;
                            (format!("{}{}", self.arabic, spec.suffix), self.arabic)
                        }
                    };
                task(spec, marker, number)
            })
            .collect()
    }
}

/// A task whose typed fields say what its attribution says.
fn task(spec: &TaskSpec, marker: String, number: u32) -> Task {
    let mut t = Task {
        marker,
        number,
        text: spec.text.clone(),
        targets: spec.targets.clone(),
        attribution: spec.attribution.clone(),
        ..Task::default()
    };
    for r in spec.attribution.iter().flat_map(|a| &a.roles) {
        let names = r.names.iter().cloned();
        match r.kind {
            RoleKind::Leaders => t.leaders.extend(names),
            RoleKind::LeadUnits => t.lead_units.extend(names),
            RoleKind::ResponsibleUnits => t.responsible_units.extend(names),
            RoleKind::CooperatingUnits => t.cooperating_units.extend(names),
            RoleKind::Deadline => {
                t.deadline = Some(Deadline {
                    text: r.names.join("、"),
                    date: None,
                })
            }
            RoleKind::Unknown => {}
        }
    }
    t
}

fn build(spec: NoticeSpec) -> Notice {
    let mut numbering = Numbering { arabic: 0 };
    let mut sections: Vec<Section> = vec![];
    for s in &spec.sections {
        // Tasks come before subsections in the text, so they are numbered first.
        let tasks = numbering.tasks(&s.tasks, s.subsections.is_empty());
        let subsections: Vec<Subsection> = s
            .subsections
            .iter()
            .zip(1..)
            .map(|((open, close, title, tasks), n)| Subsection {
                marker: format!("{open}{}{close}", numeral(n)),
                number: n,
                title: title.clone(),
                tasks: numbering.tasks(tasks, false),
                ..Subsection::default()
            })
            .collect();
        let has_content = !(tasks.is_empty() && subsections.is_empty());
        // An unnamed section exists only as the holder of content before the
        // first heading; with no content it would not be in the text at all.
        if sections.is_empty() && spec.unnamed_first && has_content {
            sections.push(Section {
                tasks,
                subsections,
                ..Section::default()
            });
            continue;
        }
        let number = sections.iter().filter(|s| !s.marker.is_empty()).count() as u32 + 1;
        sections.push(Section {
            marker: format!("{}、", numeral(number)),
            number,
            title: s.title.clone(),
            tasks,
            subsections,
            ..Section::default()
        });
    }
    let mut letter = if spec.title.is_some() {
        spec.letter
    } else {
        // Without a title the first letter line would be taken for one.
        Letter::default()
    };
    // A date right under the title, with no letter before it, is the
    // header's date (some sites print it there without a key), not a
    // signature: a signed letter says something first.
    let l = &letter;
    if l.addressee_line.is_none()
        && l.paragraphs.is_empty()
        && l.requirements.is_empty()
        && l.attachments.is_empty()
    {
        letter.signed = None;
        letter.signed_line = None;
        letter.signatory = None;
    }
    let attachment = Attachment {
        heading: TextLine::new(spec.heading),
        title: spec.attachment_title.map(TextLine::new),
        sections,
    };
    // A line that fits nowhere is only told apart inside the breakdown: right
    // after the heading it would be the attachment's title.
    let unrecognized = if attachment.title.is_some() || !attachment.sections.is_empty() {
        spec.unrecognized.into_iter().map(TextLine::new).collect()
    } else {
        vec![]
    };
    let mut notice = Notice {
        title: spec.title.map(TextLine::new),
        letter,
        attachment: Some(attachment),
        unrecognized,
        source: spec.source,
        ..Notice::default()
    };
    if spec.headless && may_be_headless(&notice) {
        if let Some(a) = notice.attachment.as_mut() {
            a.heading = TextLine::default();
        }
    }
    notice
}

/// A letter carries its own breakdown, with no `附件` line, only when the
/// first line after the letter is a numbered task with an attribution
/// (before any heading); anything else there would be read as the letter's.
/// Nor may the letter end in numbered requirements: `一、…` right before
/// task 1 reads as the first heading of a breakdown that starts inside the
/// letter, as some counties write it.
fn may_be_headless(n: &Notice) -> bool {
    let Some(a) = &n.attachment else {
        return false;
    };
    if !n.letter.requirements.is_empty() {
        return false;
    }
    let first = a.sections.first().filter(|s| s.marker.is_empty());
    let first_task = first.and_then(|s| s.tasks.first());
    a.title.is_none()
        && first_task.is_some_and(|t| {
            t.attribution.is_some() && t.marker.starts_with(|c: char| c.is_ascii_digit())
        })
}

/// Padding a line may carry: blank lines before it, an indent, a gap after
/// its marker, trailing whitespace — in every kind of space notices use.
fn layout() -> BoxedStrategy<Layout> {
    let space = || {
        select(
            &[
                "",
                " ",
                "  ",
                "\u{3000}\u{3000}",
                "\t",
                "\u{a0}",
                "\u{200b}",
            ][..],
        )
    };
    (
        prop_oneof![6 => Just(0u32), 1 => 1u32..3],
        space(),
        space(),
        space(),
    )
        .prop_map(|(blank_before, indent, gap, trailing)| Layout {
            blank_before,
            indent: indent.into(),
            gap: gap.into(),
            trailing: trailing.into(),
        })
        .boxed()
}

/// Hands out layouts from a pool, one per line in text order.
struct Layouts<'a> {
    pool: &'a [Layout],
    next: usize,
}

impl Layouts<'_> {
    /// The next layout; `gap` only where a marker is followed by text (after
    /// a bare marker, the space is trailing whitespace).
    fn take(&mut self, gap: bool) -> Layout {
        let mut l = self.pool.get(self.next).cloned().unwrap_or_default();
        self.next = (self.next + 1) % self.pool.len().max(1);
        if !gap {
            l.gap.clear();
        }
        l
    }

    fn lines<'l>(&mut self, lines: impl IntoIterator<Item = &'l mut TextLine>) {
        for line in lines {
            line.layout = self.take(false);
        }
    }

    fn tasks(&mut self, tasks: &mut [Task]) {
        for t in tasks {
            t.layout = self.take(!t.text.is_empty() || t.attribution.is_some());
        }
    }

    fn notice(&mut self, n: &mut Notice) {
        self.lines(n.title.iter_mut());
        let l = &mut n.letter;
        self.lines(l.addressee_line.iter_mut().chain(&mut l.paragraphs));
        for r in &mut l.requirements {
            r.layout = self.take(!r.text.is_empty());
        }
        self.lines(
            l.attachments
                .iter_mut()
                .chain(&mut l.signatory)
                .chain(&mut l.signed_line),
        );
        let Some(a) = n.attachment.as_mut() else {
            return;
        };
        // A heading left out has no line to lay out.
        let heading = Some(&mut a.heading).filter(|h| !h.text.is_empty());
        self.lines(heading.into_iter().chain(&mut a.title));
        for s in &mut a.sections {
            // The unnamed section has no line of its own.
            if !s.marker.is_empty() {
                s.layout = self.take(!s.title.is_empty());
            }
            self.tasks(&mut s.tasks);
            for sub in &mut s.subsections {
                sub.layout = self.take(!sub.title.is_empty());
                self.tasks(&mut sub.tasks);
            }
        }
        self.lines(&mut n.unrecognized);
    }
}

fn notice() -> BoxedStrategy<Notice> {
    (notice_spec(), vec(layout(), 0..24))
        .prop_map(|(spec, pool)| {
            let mut n = build(spec);
            Layouts {
                pool: &pool,
                next: 0,
            }
            .notice(&mut n);
            n
        })
        .boxed()
}

fn tasks_mut(n: &mut Notice) -> impl Iterator<Item = &mut Task> {
    n.attachment
        .iter_mut()
        .flat_map(|a| &mut a.sections)
        .flat_map(|s| {
            s.tasks
                .iter_mut()
                .chain(s.subsections.iter_mut().flat_map(|sub| &mut sub.tasks))
        })
}

fn without_targets(n: &Notice) -> Notice {
    let mut n = n.clone();
    tasks_mut(&mut n).for_each(|t| t.targets.clear());
    n
}

/// `m` written out and read back: the same notice, now with spans, layout
/// and line numbers; the targets are `m`'s, since extraction is off.
fn located(m: &Notice) -> Notice {
    let mut parsed = parse_with(render(m), &NO_TARGETS).expect("rendered text is UTF-8");
    let targets: Vec<Vec<Target>> = m.tasks().map(|t| t.task.targets.clone()).collect();
    for (t, targets) in tasks_mut(&mut parsed).zip(targets) {
        t.targets = targets;
    }
    parsed
}

/// The notice as JSON with every span removed: everything else must match.
fn spanless(n: &Notice) -> serde_json::Value {
    fn strip(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::Object(map) => {
                map.retain(|k, _| !k.ends_with("span"));
                map.values_mut().for_each(strip);
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(strip),
            _ => {}
        }
    }
    let mut v = serde_json::to_value(n).expect("a notice serialises");
    strip(&mut v);
    v
}

fn unknown_roles(m: &Notice) -> usize {
    m.tasks()
        .flat_map(|t| t.task.attribution.iter().flat_map(|a| &a.roles))
        .filter(|r| r.kind == RoleKind::Unknown)
        .count()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// parse(render(m)) == m apart from spans, and the text it reads renders back byte for byte.
    #[test]
    fn text_model_text(m in notice()) {
        let m = without_targets(&m);
        let text = render(&m);
        let parsed = parse_with(&text, &NO_TARGETS).unwrap();
        // The only things to report are unknown role keys, lines that fit
        // nowhere, and — when the generated text happens to end without a
        // stop, as a cut-off notice does — that it may have been cut off.
        let count = |code| parsed.diagnostics.iter().filter(|d| d.code == code).count();
        prop_assert_eq!(count(Code::UnknownRoleKey), unknown_roles(&m));
        prop_assert_eq!(count(Code::UnrecognizedLine), m.unrecognized.len());
        prop_assert!(count(Code::Truncated) <= 1);
        prop_assert_eq!(
            parsed.diagnostics.len(),
            unknown_roles(&m) + m.unrecognized.len() + count(Code::Truncated)
        );
        let mut content = parsed.without_source();
        content.diagnostics.clear();
        prop_assert_eq!(content, m.without_source(), "text:\n{}", text);
        // And what `without_source` leaves out — layout, punctuation as
        // written, line ending — was read back too: only the spans are new.
        let mut parsed = parsed;
        parsed.diagnostics.clear();
        if !text.contains('\n') {
            // One line with no break says nothing about line endings.
            parsed.source.line_ending = m.source.line_ending.clone();
        }
        // The dialect report says what the parser saw in the text; a model
        // built in code has none to compare with.
        parsed.dialect = m.dialect.clone();
        prop_assert_eq!(spanless(&parsed), spanless(&m), "text:\n{}", text);
        prop_assert_eq!(render(&parsed), text);
    }

    /// model → JSON → model, for a model built in code and for a parsed one.
    #[test]
    fn model_json_model(m in notice()) {
        for n in [located(&m), m] {
            let json = serde_json::to_string(&n).unwrap();
            let back: Notice = serde_json::from_str(&json).unwrap();
            prop_assert_eq!(back, n);
        }
    }

    /// model → JSON Lines → tasks.
    #[test]
    fn model_jsonl_tasks(m in notice()) {
        let n = located(&m);
        let mut jsonl = vec![];
        export::write_jsonl(&n, &mut jsonl).unwrap();
        let back = fenjie::import::tasks_from_jsonl(jsonl.as_slice()).unwrap();
        prop_assert_eq!(back, task_rows(&n).collect::<Vec<_>>());
    }

    /// model → CSV → tasks, alone and as two files of one batch table.
    #[test]
    fn model_csv_tasks(m in notice(), bom in any::<bool>()) {
        let n = located(&m);
        let expected: Vec<_> = task_rows(&n).map(|r| r.map_targets(|t| summarize_targets(&t))).collect();

        let mut csv = vec![];
        export::write_csv(&n, &mut csv, &CsvOptions { bom, file_column: false }).unwrap();
        prop_assert_eq!(csv.starts_with(b"\xef\xbb\xbf"), bom);
        let back = fenjie::import::tasks_from_csv(csv.as_slice()).unwrap();
        prop_assert_eq!(&back, &expected);

        let options = CsvOptions { bom, file_column: true };
        let mut batch = CsvWriter::new(vec![], Table::Tasks, &options).unwrap();
        batch.write_notice(&n, Some("a.txt")).unwrap();
        batch.write_notice(&n, Some("b,\"c\".txt")).unwrap();
        let back = fenjie::import::tasks_from_csv(batch.finish().unwrap().as_slice()).unwrap();
        let named = |file: &'static str| expected.iter().cloned().map(move |mut r| {
            r.file = Some(file.to_string());
            r
        });
        let both: Vec<_> = named("a.txt").chain(named("b,\"c\".txt")).collect();
        prop_assert_eq!(back, both);
    }
}
