//! The attachment: headings, tasks, attribution lines below a task.

use super::*;

impl Builder<'_> {
    /// Opens the first attachment, or a further one (`附件2`).
    pub(super) fn open_attachment(&mut self, line: Line) {
        let attachment = Attachment {
            heading: self.text_line(&line),
            title: None,
            sections: vec![],
        };
        if self.notice.attachment.is_none() {
            self.notice.attachment = Some(attachment);
        } else {
            self.saw(Convention::SeveralAttachments, line.content.start);
            let sections = &mut self.attachment_mut().sections;
            settle_last(sections);
            sections.shrink_to_fit();
            self.notice.more_attachments.push(attachment);
        }
        self.table = None;
        self.phase = Phase::AttachmentTitle;
    }

    /// The attachment being read.
    pub(super) fn attachment_mut(&mut self) -> &mut Attachment {
        let n = &mut self.notice;
        match n.more_attachments.last_mut() {
            Some(a) => a,
            None => n.attachment.get_or_insert_with(Attachment::default),
        }
    }

    pub(super) fn attachment_title_line(&mut self, line: Line) {
        self.phase = Phase::Attachment;
        let content = self.content(&line);
        if marker(content).is_some() || table::is_table_header(content) {
            return self.attachment_line(line);
        }
        self.note_lead_rule(&line);
        let title = self.text_line(&line);
        self.attachment_mut().title = Some(title);
    }

    pub(super) fn attachment_line(&mut self, line: Line) {
        let content = self.content(&line);
        if letter::is_attachment_heading(content) {
            return self.open_attachment(line);
        }
        if self.table.is_some() && self.table_line(&line) {
            return;
        }
        let Some(m) = marker(content) else {
            return self.unmarked_line(line);
        };
        match m.kind {
            k if k.is_section() && !self.has_clause(content, m) => self.section(line, m),
            MarkerKind::ParenNumeral
                if !self.has_clause(content, m) && !self.paren_tasks_here() =>
            {
                self.subsection(line, m)
            }
            _ => {
                let task = self.task(&line, Some(m));
                self.push_task(task);
            }
        }
    }

    fn saw_marker(&mut self, m: Marker<'_>, at: usize) {
        let convention = match m.kind {
            MarkerKind::Numeral => Convention::MarkerNumeral,
            MarkerKind::ParenNumeral => Convention::MarkerParenNumeral,
            MarkerKind::Arabic if m.text.ends_with('、') => Convention::MarkerArabicComma,
            MarkerKind::Arabic => Convention::MarkerArabicDot,
            MarkerKind::Part => Convention::MarkerPart,
            MarkerKind::ParenArabic => Convention::MarkerParenArabic,
            MarkerKind::Circled => Convention::MarkerCircled,
        };
        self.saw(convention, at);
    }

    fn section(&mut self, line: Line, m: Marker<'_>) {
        let h = self.heading(line, m);
        let section = Section {
            marker: h.marker,
            number: h.number,
            title: h.title,
            span: h.span,
            layout: h.layout,
            ..Section::default()
        };
        self.push_section(section);
    }

    /// Starts a new section of the attachment being read, the last one
    /// being finished.
    pub(super) fn push_section(&mut self, section: Section) {
        let sections = &mut self.attachment_mut().sections;
        settle_last(sections);
        sections.push(section);
    }

    fn subsection(&mut self, line: Line, m: Marker<'_>) {
        let h = self.heading(line, m);
        let sub = Subsection {
            marker: h.marker,
            number: h.number,
            title: h.title,
            span: h.span,
            layout: h.layout,
            tasks: vec![],
        };
        let subsections = &mut self.current_section().subsections;
        if let Some(last) = subsections.last_mut() {
            last.tasks.shrink_to_fit();
        }
        subsections.push(sub);
    }

    /// What a section and a subsection heading line both hold.
    fn heading(&mut self, line: Line, m: Marker<'_>) -> Heading {
        self.saw_marker(m, line.content.start);
        self.note_lead_rule(&line);
        let (title, gap) = after_marker(self.content(&line), m);
        Heading {
            marker: m.text.to_string(),
            number: m.number,
            title: title.to_string(),
            span: self.span(line.content.clone()),
            layout: Layout {
                gap: gap.to_string(),
                ..line.layout
            },
        }
    }

    /// The section tasks go into; a notice whose tasks come before any
    /// `一、` heading gets one unnamed section (marker and title empty).
    pub(super) fn current_section(&mut self) -> &mut Section {
        let sections = &mut self.attachment_mut().sections;
        if sections.is_empty() {
            sections.push(Section::default());
        }
        let last = sections.len() - 1;
        &mut sections[last]
    }

    /// In this section `(一)` numbers tasks, not subsections: the last
    /// `(一)` item was a task. A `(二)` cut off before its attribution is
    /// then a task too, not a heading.
    fn paren_tasks_here(&self) -> bool {
        let n = &self.notice;
        let attachment = n.more_attachments.last().or(n.attachment.as_ref());
        attachment
            .and_then(|a| a.sections.last())
            .is_some_and(|section| {
                section.subsections.is_empty()
                    && section.tasks.last().is_some_and(|t| {
                        t.marker
                            .chars()
                            .nth(1)
                            .is_some_and(numeral::is_numeral_char)
                    })
            })
    }

    pub(super) fn push_task(&mut self, task: Task) {
        let section = self.current_section();
        match section.subsections.last_mut() {
            Some(sub) => sub.tasks.push(task),
            None => section.tasks.push(task),
        }
    }

    /// The last task of the attachment being read.
    pub(super) fn last_task_mut(&mut self) -> Option<&mut Task> {
        self.current_tasks()?.last_mut()
    }

    /// The task list new tasks go to (the last subsection's, else the last
    /// section's), if the attachment being read has a section yet.
    pub(super) fn current_tasks(&mut self) -> Option<&mut Vec<Task>> {
        let n = &mut self.notice;
        let a = match n.more_attachments.last_mut() {
            Some(a) => a,
            None => n.attachment.as_mut()?,
        };
        let s = a.sections.last_mut()?;
        match s.subsections.last_mut() {
            Some(sub) => Some(&mut sub.tasks),
            None => Some(&mut s.tasks),
        }
    }

    /// True when the last task is the element just above: an attribution line
    /// belongs to it only if no line that fits nowhere came in between.
    fn task_is_last_element(&mut self) -> bool {
        let after = self.notice.unrecognized.last().map(|u| u.span.start);
        self.last_task_mut()
            .is_some_and(|t| after.map_or(true, |u| u < t.span.start))
    }

    /// A line without a marker: an attribution line of the task above, a
    /// table header, a task whose number is unreadable, or nothing known.
    fn unmarked_line(&mut self, line: Line) {
        let content = self.content(&line);
        if attribution::starts_with_known_role(content) && self.task_is_last_element() {
            return self.own_line_role(line);
        }
        if table::is_table_header(content) {
            return self.table_header(line);
        }
        // `?。ǘ┩七M…(牽頭單位:…)`: a garbled number, but the attribution
        // shows the line is a task.
        let clause = attribution::find_clause(content, self.lead_rule);
        if clause.is_some_and(|c| c.bracketed && c.close.is_some()) {
            self.saw(Convention::MarkerUnreadable, line.content.start);
            let task = self.task(&line, None);
            return self.push_task(task);
        }
        self.note_lead_rule(&line);
        if noise::is_navigation(content) {
            return self.noise(line, Convention::NoiseNavigation);
        }
        self.unrecognized(line);
    }

    /// A task line: marker (if readable), text, and a trailing clause.
    pub(super) fn task(&mut self, line: &Line, m: Option<Marker<'_>>) -> Task {
        let content = self.content(line);
        let (body, gap, marker_text, number) = match m {
            Some(m) => {
                self.saw_marker(m, line.content.start);
                let (body, gap) = after_marker(content, m);
                (body, gap, m.text, m.number)
            }
            None => (content, "", "", 0),
        };
        let body_start = line.content.start + (content.len() - body.len());
        let mut task = Task {
            marker: marker_text.to_string(),
            number,
            span: self.span(line.content.clone()),
            layout: Layout {
                gap: gap.to_string(),
                ..line.layout.clone()
            },
            ..Task::default()
        };
        // The text runs up to the clause; with no clause that reads, to the end.
        let text_end = match attribution::find_clause(body, self.lead_rule) {
            Some(clause) if self.attribution(&mut task, body_start, body, &clause) => clause.open,
            _ => body.len(),
        };
        let text_range = body_start..body_start + text_end;
        task.text = self.text[text_range.clone()].to_string();
        task.text_span = self.span(text_range);
        self.extract_targets(&mut task);
        task
    }

    pub(super) fn extract_targets(&self, task: &mut Task) {
        if self.options.extract_targets && !task.text.is_empty() {
            let (targets, investments) =
                target::extract(&task.text, task.text_span.start, &self.index);
            task.targets = targets;
            task.investments = investments;
        }
    }

    /// `牵头单位:区发改局。` on a line of its own: roles of the task above.
    pub(super) fn own_line_role(&mut self, line: Line) {
        let content = self.content(&line);
        let inner = content.trim_end_matches(['。', ';', '\u{ff1b}', '.', '\u{ff0e}']);
        let end = &content[inner.len()..];
        let mut raw = std::mem::take(&mut self.raw_attribution);
        let parsed = attribution::parse_clause(inner, &mut raw, self.lead_rule);
        let mut roles = if parsed {
            self.roles(&raw, inner, line.content.start)
        } else {
            vec![]
        };
        // Each role but the line's last is followed by its own separator,
        // which may differ from the clause's above (`,` there, `;` here).
        let written: Vec<Cow<'static, str>> = raw
            .role_separators
            .iter()
            .map(|r| interned(&inner[r.clone()]))
            .collect();
        let separator = written.first().cloned().unwrap_or_default();
        if let Some(remark) = raw.remark.as_ref().filter(|_| raw.states_rule) {
            self.lead_rule = true;
            self.saw(
                Convention::LeadRuleFirstListed,
                line.content.start + remark.start,
            );
        }
        // What the last role leaves of its line closes the line: padding
        // after it (a zero-width space after `配合单位;`) and a rule stated
        // after it (`,排名第一的为牵头单位`), then its stop.
        let rest_start = raw.roles.last().map_or(inner.len(), |r| r.range.end);
        let rest_start = raw
            .remark
            .as_ref()
            .map_or(rest_start, |r| rest_start.min(r.start));
        let end = if rest_start < inner.len() {
            Cow::Owned(format!("{}{end}", &inner[rest_start..]))
        } else {
            interned(end)
        };
        self.raw_attribution = raw;
        if roles.is_empty() {
            return self.unrecognized(line);
        }
        self.saw(Convention::AttributionOwnLines, line.content.start);
        if written.len() + 1 == roles.len() {
            for (role, separator) in roles.iter_mut().zip(written) {
                role.end = separator;
            }
        }
        for role in &mut roles {
            role.line = Some(Box::new(line.layout.clone()));
        }
        if let Some(last) = roles.last_mut() {
            last.end = end;
        }
        self.add_roles(roles, separator, line.content.clone());
    }

    /// Adds roles read from lines below the task to its attribution, and the
    /// lines to its span.
    fn add_roles(&mut self, roles: Vec<Role>, separator: Cow<'static, str>, lines: Range<usize>) {
        let lead_rule = self.lead_rule;
        let year = self.year();
        let Some(task) = self.last_task_mut() else {
            return;
        };
        let task_start = task.span.start;
        let clause_start = task
            .attribution
            .as_ref()
            .map_or(lines.start, |a| a.span.start);
        let (task_span, clause_span) = (
            self.span(task_start..lines.end),
            self.span(clause_start..lines.end),
        );
        let Some(task) = self.last_task_mut() else {
            return;
        };
        task.span = task_span;
        let a = task.attribution.get_or_insert_with(Attribution::default);
        a.span = clause_span;
        a.roles.extend(roles);
        // Several roles on one line are joined as written.
        if a.role_separator.is_empty() {
            a.role_separator = separator;
        }
        clause::apply_assignment(task, lead_rule, year);
    }
}

/// A heading line's parts, shared by sections and subsections.
struct Heading {
    marker: String,
    number: u32,
    title: String,
    span: Span,
    layout: Layout,
}

/// Trims the unused capacity of the last section's task lists, that
/// section being finished: a task is large, and a doubling vector may hold
/// nearly as many unused as used — in a notice of many thousand tasks, a
/// tenth of the model.
fn settle_last(sections: &mut [Section]) {
    let Some(section) = sections.last_mut() else {
        return;
    };
    section.tasks.shrink_to_fit();
    section.subsections.shrink_to_fit();
    for sub in &mut section.subsections {
        sub.tasks.shrink_to_fit();
    }
}
