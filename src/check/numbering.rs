//! Numbering: sections 一、二、… in order; (一)(二)… restarting in each
//! section; task numbers counting up across the attachment (FJ004–FJ006).
//!
//! Notices use three marker levels, and a line at a level may be a heading
//! or a task (section 一 of the seed lists its targets as tasks (一)…(十)).
//! Headings and tasks at one level share one count, so each level is checked
//! as one sequence in document order.

use std::collections::HashSet;

use super::{marker_span, sub_span, task_label};
use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Notice, Section, Span, Task};
use crate::parse::to_chinese_numeral;

/// The three marker levels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Level {
    /// `一、`
    Numeral,
    /// `(一)`
    ParenNumeral,
    /// `57.`
    Arabic,
}

impl Level {
    fn of(marker: &str) -> Level {
        match marker.chars().next() {
            Some(c) if c.is_ascii_digit() => Level::Arabic,
            Some(c) if crate::parse::trivia::is_open_paren(c) => Level::ParenNumeral,
            _ => Level::Numeral,
        }
    }

    /// `n` written the way `marker` writes its number.
    fn format(self, n: u32, marker: &str) -> String {
        match self {
            Level::Numeral => to_chinese_numeral(n),
            Level::ParenNumeral => {
                let open = marker.chars().next().unwrap_or('(');
                let close = marker.chars().next_back().unwrap_or(')');
                format!("{open}{}{close}", to_chinese_numeral(n))
            }
            Level::Arabic => n.to_string(),
        }
    }
}

/// A numbered line: a heading or a task.
#[derive(Debug, Clone)]
struct Item<'a> {
    number: u32,
    marker: &'a str,
    /// How the message names it (`section 三`, `task 57`).
    name: String,
    span: Span,
    code: Code,
}

impl<'a> Item<'a> {
    fn section(s: &'a Section) -> Item<'a> {
        Item {
            number: s.number,
            marker: &s.marker,
            name: format!("section {}", s.marker.trim_end_matches('、')),
            span: sub_span(s.span, &s.marker, 0..s.marker.len()),
            code: Code::SectionNumbering,
        }
    }

    fn subsection(marker: &'a str, number: u32, span: Span) -> Item<'a> {
        Item {
            number,
            marker,
            name: format!("subsection {marker}"),
            span: sub_span(span, marker, 0..marker.len()),
            code: Code::SubsectionNumbering,
        }
    }

    fn task(t: &'a Task) -> Item<'a> {
        Item {
            number: t.number,
            marker: &t.marker,
            name: format!("task {}", task_label(t)),
            span: marker_span(t),
            code: Code::TaskNumbering,
        }
    }
}

/// Checks one sequence of numbers: each should be one more than the last.
struct Sequence {
    level: Level,
    help: &'static str,
    expected: u32,
    previous: Option<String>,
    seen: HashSet<u32>,
}

impl Sequence {
    fn new(level: Level, help: &'static str) -> Self {
        Sequence {
            level,
            help,
            expected: 1,
            previous: None,
            seen: HashSet::new(),
        }
    }

    fn restart(&mut self) {
        self.expected = 1;
        self.previous = None;
        self.seen.clear();
    }

    fn step(&mut self, item: &Item<'_>, out: &mut Vec<Diagnostic>) {
        if item.number != self.expected {
            let expected = self.level.format(self.expected, item.marker);
            let message = if self.seen.contains(&item.number) {
                format!(
                    "{} repeats an earlier number; expected {expected}",
                    item.name
                )
            } else {
                match &self.previous {
                    Some(previous) => {
                        format!("{} follows {previous}; expected {expected}", item.name)
                    }
                    None => format!("{} comes first; expected {expected}", item.name),
                }
            };
            out.push(Diagnostic::new(item.code, item.span, message).with_help(self.help));
        }
        // Go on from the number as written, so one slip is one finding.
        self.expected = item.number.saturating_add(1);
        self.previous = Some(self.level.format(item.number, item.marker));
        self.seen.insert(item.number);
    }
}

pub(super) fn check(notice: &Notice, out: &mut Vec<Diagnostic>) {
    numeral_level(notice, out);
    for section in notice.sections() {
        paren_level(section, out);
    }
    arabic_level(notice, out);
}

/// Sections, and tasks numbered `一、` like sections, across the attachment.
fn numeral_level(notice: &Notice, out: &mut Vec<Diagnostic>) {
    let sections = notice
        .sections()
        .iter()
        // The unnamed section holding tasks before any heading has no number.
        .filter(|s| !s.marker.is_empty())
        .map(Item::section);
    let tasks = notice
        .tasks()
        .filter(|t| Level::of(&t.task.marker) == Level::Numeral)
        .map(|t| Item::task(t.task));
    let mut sequence = Sequence::new(
        Level::Numeral,
        "number sections 一、二、三、… in order, each number once",
    );
    for item in in_document_order(sections.chain(tasks).collect()) {
        sequence.step(&item, out);
    }
}

/// Subsections, and tasks numbered `(一)`, within one section.
fn paren_level(section: &Section, out: &mut Vec<Diagnostic>) {
    let subsections = section
        .subsections
        .iter()
        .map(|s| Item::subsection(&s.marker, s.number, s.span));
    let tasks = section
        .tasks
        .iter()
        .chain(section.subsections.iter().flat_map(|s| &s.tasks))
        .filter(|t| Level::of(&t.marker) == Level::ParenNumeral)
        .map(Item::task);
    let items = in_document_order(subsections.chain(tasks).collect());
    let mut sequence = Sequence::new(
        Level::ParenNumeral,
        "(一)(二)(三)… restart at (一) in each section and count up by one",
    );
    // Tasks before any 一、 heading sit in an unnamed section. That happens
    // when the breakdown starts inside the cover letter, whose 一、 and (一)
    // lines read as the letter's own: the count may start anywhere there.
    if section.marker.is_empty() {
        if let Some(first) = items.first() {
            sequence.expected = first.number;
        }
    }
    for item in &items {
        sequence.step(item, out);
    }
}

/// Where a task sits: section index and subsection index.
type Place = (usize, Option<usize>);

/// Tasks numbered `1.`: one count across the attachment, unless the notice
/// restarts at 1 in each section (or subsection), a convention some use.
fn arabic_level(notice: &Notice, out: &mut Vec<Diagnostic>) {
    let tasks: Vec<(Place, &Task)> = placed_tasks(notice)
        .filter(|(_, t)| Level::of(&t.marker) == Level::Arabic)
        .collect();
    let restart = Restart::detect(&tasks);
    let help = match restart {
        Restart::Never => "task numbers count up by one across the attachment, each number once",
        Restart::Section => "this notice numbers tasks from 1 in each section; count up by one",
        Restart::Subsection => {
            "this notice numbers tasks from 1 in each subsection; count up by one"
        }
    };
    let mut sequence = Sequence::new(Level::Arabic, help);
    let mut last_place = None;
    for (place, task) in tasks {
        if last_place.is_some_and(|last| restart.at(last, place)) {
            sequence.restart();
        }
        last_place = Some(place);
        sequence.step(&Item::task(task), out);
    }
}

/// Every task with its place, in document order.
fn placed_tasks(notice: &Notice) -> impl Iterator<Item = (Place, &Task)> {
    notice
        .sections()
        .iter()
        .enumerate()
        .flat_map(|(i, section)| {
            let direct = section.tasks.iter().map(move |t| ((i, None), t));
            let nested = section
                .subsections
                .iter()
                .enumerate()
                .flat_map(move |(j, sub)| sub.tasks.iter().map(move |t| ((i, Some(j)), t)));
            direct.chain(nested)
        })
}

/// Where task numbering starts again at 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Restart {
    Never,
    Section,
    Subsection,
}

impl Restart {
    /// Reads the convention off the first place where consecutive tasks sit
    /// in different sections or subsections: a 1 there means "restart".
    fn detect(tasks: &[(Place, &Task)]) -> Restart {
        let Some(pair) = tasks.windows(2).find(|w| w[0].0 != w[1].0) else {
            return Restart::Never;
        };
        let ((before, _), (after, task)) = (pair[0], pair[1]);
        match (task.number == 1, before.0 != after.0) {
            (false, _) => Restart::Never,
            (true, true) => Restart::Section,
            (true, false) => Restart::Subsection,
        }
    }

    /// True when going from `last` to `next` starts a new count.
    fn at(self, last: Place, next: Place) -> bool {
        match self {
            Restart::Never => false,
            Restart::Section => last.0 != next.0,
            Restart::Subsection => last != next,
        }
    }
}

fn in_document_order(mut items: Vec<Item<'_>>) -> Vec<Item<'_>> {
    items.sort_by_key(|i| i.span.start);
    items
}

#[cfg(test)]
mod tests {
    use crate::check::{check, CheckOptions};
    use crate::Code;

    fn codes_and_lines(text: &str) -> Vec<(Code, u32, String)> {
        let notice = crate::parse(text).unwrap();
        check(&notice, &CheckOptions::default())
            .into_iter()
            .map(|d| (d.code, d.span.line, d.message))
            .collect()
    }

    const A: &str = "(牵头单位:市发改局)";

    #[test]
    fn one_gap_is_one_finding() {
        let text = format!(
            "附件\n标题\n一、甲\n1.做事。{A}\n2.做事二。{A}\n4.做事四。{A}\n5.做事五。{A}\n"
        );
        let found = codes_and_lines(&text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, Code::TaskNumbering);
        assert_eq!(found[0].1, 6);
        assert_eq!(found[0].2, "task 4 follows 2; expected 3");
    }

    #[test]
    fn a_repeated_number_is_named() {
        let text = format!("附件\n标题\n一、甲\n1.做事。{A}\n2.做事二。{A}\n2.做事三。{A}\n");
        let found = codes_and_lines(&text);
        assert_eq!(found[0].2, "task 2 repeats an earlier number; expected 3");
    }

    #[test]
    fn restarting_in_each_section_is_a_convention() {
        let text =
            format!("附件\n标题\n一、甲\n1.做事。{A}\n2.做事二。{A}\n二、乙\n1.做事三。{A}\n2.做事四。{A}\n三、丙\n2.做事五。{A}\n");
        let found = codes_and_lines(&text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].2, "task 2 comes first; expected 1");
    }

    #[test]
    fn subsections_restart_per_section_and_share_the_count_with_paren_tasks() {
        let text = format!(
            "附件\n标题\n一、甲\n(一)目标一。{A}\n(二)目标二。{A}\n二、乙\n(一)小标题\n1.做事。{A}\n(三)小标题\n2.做事二。{A}\n"
        );
        let found = codes_and_lines(&text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, Code::SubsectionNumbering);
        assert_eq!(found[0].2, "subsection (三) follows (一); expected (二)");
    }

    #[test]
    fn tasks_before_any_heading_may_start_their_subsections_anywhere() {
        let text =
            format!("通知\n1、做事。{A}\n(二)小标题\n2、做事二。{A}\n(三)小标题\n3、做事三。{A}\n");
        assert_eq!(codes_and_lines(&text), []);
    }

    #[test]
    fn sections_count_in_chinese() {
        let text = format!("附件\n标题\n一、甲\n1.做事。{A}\n三、丙\n2.做事二。{A}\n");
        let found = codes_and_lines(&text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!((found[0].0, found[0].1), (Code::SectionNumbering, 5));
        assert_eq!(found[0].2, "section 三 follows 一; expected 二");
    }
}
