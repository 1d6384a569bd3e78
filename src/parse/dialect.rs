//! Recording which conventions a notice uses, as the parser meets them,
//! for [`crate::Dialect`].

use crate::model::{Convention, Dialect, Notice, Numbering, Punctuation, Script, Seen};

/// Conventions seen so far, punctuation widths and key scripts met.
#[derive(Debug, Default)]
pub(crate) struct Tracker {
    /// One bit per [`Convention`], for a cheap "already seen?".
    seen: u64,
    conventions: Vec<Seen>,
    ascii: bool,
    full_width: bool,
    simplified: bool,
    traditional: bool,
}

impl Tracker {
    /// Notes `convention` at `line` unless it was seen before.
    pub(crate) fn saw(&mut self, convention: Convention, line: u32) {
        let bit = 1u64 << (convention as u32);
        if self.seen & bit == 0 {
            self.seen |= bit;
            self.conventions.push(Seen { convention, line });
        }
    }

    /// True once `convention` has been seen.
    pub(crate) fn has(&self, convention: Convention) -> bool {
        self.seen & (1u64 << (convention as u32)) != 0
    }

    /// Notes the width of structural punctuation as written (brackets,
    /// colons, semicolons).
    pub(crate) fn punctuation(&mut self, written: &str) {
        // Once ASCII is known, more ASCII tells nothing new; once both
        // widths are, nothing does.
        if self.ascii && (self.full_width || written.is_ascii()) {
            return;
        }
        for c in written.chars() {
            match c {
                '(' | ')' | ':' | ';' | '[' | ']' | ',' => self.ascii = true,
                '\u{ff08}' | '\u{ff09}' | '\u{ff1a}' | '\u{ff1b}' | '\u{ff3b}' | '\u{ff3d}'
                | '\u{ff0c}' => self.full_width = true,
                _ => {}
            }
        }
    }

    /// Notes the script of a role key.
    pub(crate) fn key(&mut self, key: &str) {
        let traditional = |c| {
            matches!(
                c,
                '牽' | '頭'
                    | '單'
                    | '責'
                    | '領'
                    | '導'
                    | '負'
                    | '參'
                    | '與'
                    | '協'
                    | '辦'
                    | '時'
                    | '間'
                    | '節'
                    | '點'
                    | '門'
            )
        };
        if key.chars().any(traditional) {
            self.traditional = true;
        } else if !key.is_empty() {
            self.simplified = true;
        }
    }

    /// The report for `notice`, parsed to the end.
    pub(crate) fn finish(self, notice: &Notice) -> Dialect {
        Dialect {
            punctuation: both(self.ascii, self.full_width).map(|w| match w {
                Width::First => Punctuation::Ascii,
                Width::Second => Punctuation::FullWidth,
                Width::Both => Punctuation::Mixed,
            }),
            script: both(self.simplified, self.traditional).map(|w| match w {
                Width::First => Script::Simplified,
                Width::Second => Script::Traditional,
                Width::Both => Script::Mixed,
            }),
            numbering: numbering(notice),
            conventions: self.conventions,
        }
    }
}

/// Which of two alternatives were met.
enum Width {
    First,
    Second,
    Both,
}

fn both(first: bool, second: bool) -> Option<Width> {
    match (first, second) {
        (true, true) => Some(Width::Both),
        (true, false) => Some(Width::First),
        (false, true) => Some(Width::Second),
        (false, false) => None,
    }
}

/// Continuous when a later section's first numbered task goes on from the
/// one before; per-section when it starts again at 1. Only tasks numbered
/// with Arabic digits count (`(一)` tasks are numbered per section anyway).
fn numbering(notice: &Notice) -> Option<Numbering> {
    // Each attachment numbers its own tasks; compare sections within one.
    let per_attachment = notice.attachments().filter_map(|a| {
        let firsts: Vec<u32> = a
            .sections
            .iter()
            .filter_map(|s| {
                let direct = s.tasks.iter();
                let nested = s.subsections.iter().flat_map(|sub| &sub.tasks);
                direct
                    .chain(nested)
                    .find(|t| is_arabic(&t.marker))
                    .map(|t| t.number)
            })
            .collect();
        match firsts.as_slice() {
            [] | [_] => None,
            [_, rest @ ..] if rest.contains(&1) => Some(Numbering::PerSection),
            _ => Some(Numbering::Continuous),
        }
    });
    per_attachment.reduce(|a, b| if a == b { a } else { Numbering::PerSection })
}

fn is_arabic(marker: &str) -> bool {
    marker
        .trim_start_matches(['(', '\u{ff08}'])
        .starts_with(|c: char| c.is_ascii_digit() || ('\u{2460}'..='\u{2473}').contains(&c))
}
