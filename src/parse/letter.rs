//! The cover letter: addressees, body, numbered requirements, attachment
//! references, signature — and letters that carry the breakdown themselves.
//!
//! Many notices have no `附件` line: after the letter's own text come
//! `一、` headings, `(一)` subheadings and numbered tasks directly. Read one
//! line at a time, such a heading looks like a letter requirement until the
//! first task with an attribution arrives; the letter lines just before it
//! are then taken back and read as the breakdown's first headings.

use super::trivia::TrimSpace;
use super::*;

/// A letter line that may turn out to open the breakdown.
#[derive(Debug, Clone)]
pub(super) struct Pending {
    pub line: Line,
    pub kind: PendingKind,
}

/// Where a pending line went in the letter, and what it becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum PendingKind {
    /// A heading-like requirement (`一、高质量建设“一圈五区”`): a section.
    Section,
    /// A `(一)` paragraph: a subsection.
    Subsection,
    /// A numbered paragraph (`1. 地区生产总值增长8%以上。`): a task, if
    /// attribution lines follow it.
    Task,
}

impl Builder<'_> {
    pub(super) fn letter_line(&mut self, line: Line, was_paragraph: bool) {
        self.phase = Phase::Letter;
        let content = self.content(&line);
        if noise::is_navigation(content) {
            return self.noise(line, Convention::NoiseNavigation);
        }
        if self.is_repeated_header(content) {
            return self.noise(line, Convention::NoiseRepeatedHeader);
        }
        if is_attachment_heading(content) {
            self.pending.clear();
            return self.open_attachment(line);
        }
        // `牵头单位:…` on its own line under a numbered paragraph: that
        // paragraph was a task, and the letter carries the breakdown.
        let after_task = self
            .pending
            .last()
            .is_some_and(|p| p.kind == PendingKind::Task);
        if after_task && attribution::starts_with_known_role(content) {
            self.breakdown_in_letter();
            return self.own_line_role(line);
        }
        if self.signing_date(&line, was_paragraph) {
            return self.pending.clear();
        }
        let letter_is_empty = {
            let l = &self.notice.letter;
            l.addressee_line.is_none() && l.paragraphs.is_empty() && l.requirements.is_empty()
        };
        if letter_is_empty && is_addressee_line(content) {
            self.pending.clear();
            self.notice.letter.addressees = split_addressees(content);
            self.notice.letter.addressee_line = Some(self.text_line(&line));
            return;
        }
        if is_attachment_reference(content) {
            self.pending.clear();
            let l = self.text_line(&line);
            self.notice.letter.attachments.push(l);
            return;
        }
        self.letter_marker_line(line);
    }

    /// The signing date (成文日期), and the signatory on the line before it.
    fn signing_date(&mut self, line: &Line, was_paragraph: bool) -> bool {
        let content = self.content(line);
        let Some(date) = parse_date(content).filter(|_| self.notice.letter.signed.is_none()) else {
            return false;
        };
        let signed_line = self.text_line(line);
        let letter = &mut self.notice.letter;
        if was_paragraph && is_signatory(letter.paragraphs.last().map_or("", |p| &p.text)) {
            letter.signatory = letter.paragraphs.pop();
        }
        letter.signed = Some(date);
        letter.signed_line = Some(signed_line);
        true
    }

    /// A requirement, a paragraph, or the first task of a breakdown in the letter.
    fn letter_marker_line(&mut self, line: Line) {
        let content = self.content(&line);
        match marker(content) {
            Some(m) if m.kind.is_section() => {
                let (text, gap) = after_marker(content, m);
                let kind = is_heading_like(text).then_some(PendingKind::Section);
                self.notice.letter.requirements.push(Requirement {
                    marker: m.text.to_string(),
                    number: m.number,
                    text: text.to_string(),
                    span: self.span(line.content.clone()),
                    layout: Layout {
                        gap: gap.to_string(),
                        ..line.layout.clone()
                    },
                });
                self.pending.clear();
                if let Some(kind) = kind {
                    self.pending.push(Pending { line, kind });
                }
            }
            // A numbered task with an attribution: the letter itself carries
            // the breakdown (a convention of some counties).
            Some(m)
                if (m.kind.is_task() || m.kind == MarkerKind::ParenNumeral)
                    && self.has_clause(content, m) =>
            {
                self.breakdown_in_letter();
                self.attachment_line(line);
            }
            Some(m) if m.kind == MarkerKind::ParenNumeral || m.kind.is_task() => {
                let kind = if m.kind.is_task() {
                    PendingKind::Task
                } else {
                    PendingKind::Subsection
                };
                // Only one numbered paragraph waits; a later one replaces it.
                if let Some(i) = self
                    .pending
                    .iter()
                    .position(|p| p.kind == PendingKind::Task)
                {
                    self.pending.truncate(i);
                }
                self.paragraph(&line);
                self.pending.push(Pending { line, kind });
            }
            _ => {
                self.pending.clear();
                self.note_lead_rule(&line);
                self.paragraph(&line);
            }
        }
    }

    fn paragraph(&mut self, line: &Line) {
        let p = self.text_line(line);
        self.notice.letter.paragraphs.push(p);
        self.last_was_paragraph = true;
    }

    /// Takes the pending letter lines back and opens an attachment with no
    /// heading line, where they become the first headings.
    pub(super) fn breakdown_in_letter(&mut self) {
        let pending = std::mem::take(&mut self.pending);
        // Take them back from the letter by where they start: not every
        // pending line was the last pushed to its list.
        for p in &pending {
            let start = p.line.content.start;
            let letter = &mut self.notice.letter;
            match p.kind {
                PendingKind::Section => letter.requirements.retain(|r| r.span.start != start),
                PendingKind::Subsection | PendingKind::Task => {
                    letter.paragraphs.retain(|l| l.span.start != start)
                }
            }
        }
        self.notice.attachment = Some(Attachment::default());
        self.phase = Phase::Attachment;
        let at = pending
            .first()
            .map_or(self.last_content_end, |p| p.line.content.start);
        self.saw(Convention::BreakdownInLetter, at);
        for p in pending {
            self.attachment_line(p.line);
        }
    }

    /// The title or header name again, as web pages print it above the letter.
    fn is_repeated_header(&self, content: &str) -> bool {
        self.notice
            .title
            .as_ref()
            .is_some_and(|t| t.text == content)
            || self.notice.meta.name.as_deref() == Some(content)
    }

    pub(super) fn has_clause(&self, content: &str, m: Marker<'_>) -> bool {
        attribution::find_clause(after_marker(content, m).0, self.lead_rule).is_some()
    }
}

/// A heading rather than a requirement: no sentence stop inside, and short.
/// `一、高度重视,认真研究政策。各县区…` is a requirement.
fn is_heading_like(text: &str) -> bool {
    !text.trim_end_matches('。').contains('。') && text.chars().count() <= 60
}

/// `附件`, `附件1`, `附件:` alone on a line: the attachment starts here.
pub(super) fn is_attachment_heading(content: &str) -> bool {
    let rest = content.strip_prefix("附件").unwrap_or("-");
    let rest = rest.trim_start_matches(|c: char| c.is_ascii_digit());
    rest.chars()
        .all(|c| trivia::is_colon(c) || trivia::is_space(c))
}

/// `附件:…` / `附件1:…`: the letter lists an attachment.
fn is_attachment_reference(content: &str) -> bool {
    content
        .strip_prefix("附件")
        .map(|r| r.trim_start_matches(|c: char| c.is_ascii_digit()))
        .is_some_and(|r| r.starts_with(trivia::is_colon))
}

/// `各乡镇人民政府、街道,市政府各部门:` — short, ends in a colon, no sentence.
fn is_addressee_line(content: &str) -> bool {
    content.ends_with(trivia::is_colon) && !content.contains('。') && content.chars().count() <= 80
}

/// Splits the addressee line on `、` and commas, dropping the final colon.
pub(crate) fn split_addressees(content: &str) -> Vec<String> {
    content
        .trim_end_matches(trivia::is_colon)
        .split(trivia::is_name_separator)
        .map(|s| s.trim_space().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

/// The line before the signing date is the signatory when it is short and
/// not a sentence (`赤壁市人民政府办公室`).
fn is_signatory(text: &str) -> bool {
    !text.is_empty()
        && text.chars().count() <= 40
        && !text.contains(['。', ',', '\u{ff0c}', ':', '\u{ff1a}'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attachment_lines_are_told_apart() {
        assert!(is_attachment_heading("附件"));
        assert!(is_attachment_heading("附件1"));
        assert!(is_attachment_heading("附件:"));
        assert!(!is_attachment_heading(
            "附件:《政府工作报告》确定的2021年重点工作责任分解"
        ));
        assert!(is_attachment_reference(
            "附件:《政府工作报告》确定的2021年重点工作责任分解"
        ));
        assert!(!is_attachment_reference("附件"));
    }

    #[test]
    fn addressees_split_on_both_separators() {
        assert_eq!(
            split_addressees("各乡镇人民政府、街道,市政府各部门:"),
            ["各乡镇人民政府", "街道", "市政府各部门"]
        );
    }

    #[test]
    fn headings_are_told_from_requirements() {
        assert!(is_heading_like(
            "高质量建设“一圈五区”和五个“区块链接”,推动区域协调发展"
        ));
        assert!(is_heading_like("支持民间投资介入重大工程项目建设。"));
        assert!(!is_heading_like("高度重视,认真研究政策。各县区要坚持…"));
    }
}
