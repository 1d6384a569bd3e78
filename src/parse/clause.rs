//! Attribution clauses into [`Attribution`] and [`Role`]s, and the task's
//! typed fields from them.

use super::trivia::TrimSpace;
use super::*;

impl Builder<'_> {
    /// Reads the clause at `clause` of a task body starting at byte `base`;
    /// false when it holds no attribution after all.
    pub(super) fn attribution(
        &mut self,
        task: &mut Task,
        base: usize,
        body: &str,
        clause: &attribution::ClauseSpan,
    ) -> bool {
        let open_len = if clause.bracketed {
            body[clause.open..].chars().next().map_or(0, char::len_utf8)
        } else {
            0
        };
        let inner_start = clause.open + open_len;
        let inner_end = clause.close.unwrap_or(body.len());
        // Spaces before the closing bracket go with it, so they are written back.
        let inner = body[inner_start..inner_end].trim_space_end();
        let mut raw = std::mem::take(&mut self.raw_attribution);
        let parsed = attribution::parse_clause(inner, &mut raw, self.lead_rule);
        if parsed {
            self.build_attribution(task, base, body, clause, inner_start, inner, &raw);
        }
        self.raw_attribution = raw;
        parsed
    }

    #[allow(clippy::too_many_arguments)]
    fn build_attribution(
        &mut self,
        task: &mut Task,
        base: usize,
        body: &str,
        clause: &attribution::ClauseSpan,
        inner_start: usize,
        inner: &str,
        raw: &attribution::RawAttribution,
    ) {
        let inner_end = inner_start + inner.len();
        let clause_end = clause.close.map_or(body.len(), |c| {
            c + body[c..].chars().next().map_or(0, char::len_utf8)
        });
        let at = base + clause.open;
        if let Some(remark) = raw.remark.as_ref().filter(|_| raw.states_rule) {
            // The rule holds from here on (下同), this clause included.
            self.lead_rule = true;
            self.dialect.key(&inner[remark.clone()]);
            self.saw(
                Convention::LeadRuleFirstListed,
                base + inner_start + remark.start,
            );
        }
        let attribution = Attribution {
            roles: self.roles(raw, inner, base + inner_start),
            open: interned(&body[clause.open..inner_start]),
            close: interned(&body[inner_end..clause_end]),
            role_separator: raw
                .role_separators
                .first()
                .map_or(Cow::Borrowed(""), |r| interned(&inner[r.clone()])),
            role_separators: role_separators(raw, inner),
            remark: raw
                .remark
                .as_ref()
                .map_or_else(String::new, |r| inner[r.clone()].to_string()),
            span: self.span(at..base + clause_end),
            ..Attribution::default()
        };
        self.saw_clause(&attribution, clause.bracketed, at);
        if clause.close.is_none() && clause.bracketed {
            self.unclosed(&attribution, at..base + inner_start, base + body.len());
        }
        task.attribution = Some(attribution);
        apply_assignment(task, self.lead_rule, self.year());
    }

    /// Notes the clause's conventions: its form, brackets and punctuation.
    fn saw_clause(&mut self, a: &Attribution, bracketed: bool, at: usize) {
        let convention = match a.roles.first().map(|r| r.form) {
            Some(RoleForm::Prose) if !bracketed => Convention::AttributionUnbracketed,
            Some(RoleForm::Prose) => Convention::AttributionProse,
            Some(RoleForm::Bare) => Convention::AttributionBareList,
            _ => Convention::AttributionKeys,
        };
        self.saw(convention, at);
        if matches!(a.open.as_ref(), "[" | "【" | "\u{ff3b}") {
            self.saw(Convention::AttributionSquareBrackets, at);
        }
        self.dialect.punctuation(&a.open);
        self.dialect.punctuation(&a.role_separator);
    }

    /// An opening bracket never closed: the notice was cut off here, or a
    /// bracket was dropped.
    fn unclosed(&mut self, a: &Attribution, open: Range<usize>, body_end: usize) {
        if body_end >= self.last_content_end {
            self.diagnose(
                Code::Truncated,
                open,
                "the notice ends inside this attribution clause; it is kept as far as it goes"
                    .into(),
                None,
            );
        } else {
            let close = if a.open == "(" { ")" } else { "\u{ff09}" };
            self.diagnose(
                Code::UnbalancedBracket,
                open,
                format!(
                    "attribution clause opened with `{}` is never closed",
                    a.open
                ),
                Some(format!("add `{close}` at the end of the line")),
            );
        }
    }

    /// The roles of `raw`, whose ranges are into `inner`, which starts at
    /// byte `base` of the input.
    pub(super) fn roles(
        &mut self,
        raw: &attribution::RawAttribution,
        inner: &str,
        base: usize,
    ) -> Vec<Role> {
        let at = |r: &Range<usize>| base + r.start..base + r.end;
        let mut roles = Vec::with_capacity(raw.roles.len());
        for (i, role) in raw.roles.iter().enumerate() {
            let names: Vec<String> = raw
                .names_of(role)
                .iter()
                .map(|r| inner[r.clone()].to_string())
                .collect();
            let separators_of = raw.separators_of(role);
            // Separators are recorded only when one is not the usual `、`.
            let separators: Vec<String> = if separators_of.iter().all(|r| &inner[r.clone()] == "、")
            {
                vec![]
            } else {
                separators_of
                    .iter()
                    .map(|r| inner[r.clone()].to_string())
                    .collect()
            };
            let key = &inner[role.key.clone()];
            self.role_diagnostics(role, key, inner, &at, i == 0);
            let mut built = Role {
                key: role.known.map_or_else(|| interned(key), Cow::Borrowed),
                kind: role.kind,
                delimiter: interned(&inner[role.delimiter.clone()]),
                names,
                separators,
                span: self.span(at(&role.range)),
                form: role.form,
                ..Role::default()
            };
            if !raw.rebuilds(role) {
                built.written = inner[role.range.clone()].to_string();
            }
            roles.push(built);
        }
        roles
    }

    fn role_diagnostics(
        &mut self,
        role: &attribution::RawRole,
        key: &str,
        inner: &str,
        at: &dyn Fn(&Range<usize>) -> Range<usize>,
        first: bool,
    ) {
        // One key per clause tells its script; the rest would cost without telling more.
        if first {
            self.dialect.key(key);
        }
        self.dialect.punctuation(&inner[role.delimiter.clone()]);
        let extra = || {
            !matches!(
                key,
                "" | "责任领导" | "牵头单位" | "责任单位" | "責任領導" | "牽頭單位" | "責任單位"
            )
        };
        if role.form == RoleForm::Keyed
            && !self.dialect.has(Convention::AttributionExtraKeys)
            && extra()
        {
            self.saw(Convention::AttributionExtraKeys, at(&role.key).start);
        }
        if role.kind == RoleKind::Deadline {
            self.saw(Convention::Deadlines, at(&role.key).start);
        }
        if role.slipped {
            let delim = &inner[role.delimiter.clone()];
            self.diagnose(
                Code::RecoveredSlip,
                at(&role.delimiter),
                format!("`{delim}` after role key {key} where a colon belongs; read as {key}:"),
                Some(format!("write `{key}:`")),
            );
        }
        if role.kind == RoleKind::Unknown {
            self.diagnose(
                Code::UnknownRoleKey,
                at(&role.key),
                format!("unknown role key {key}; its names are kept in the attribution only"),
                Some("known keys: 责任领导, 牵头单位, 责任单位, 配合单位, 完成时限 (see docs/dialects.md)".into()),
            );
        }
    }
}

/// The separators between roles as written, when they are not all alike.
pub(super) fn role_separators(raw: &attribution::RawAttribution, inner: &str) -> Vec<String> {
    let written = || raw.role_separators.iter().map(|r| &inner[r.clone()]);
    let mut all = written();
    let first = all.next();
    if all.all(|s| Some(s) == first) {
        vec![]
    } else {
        written().map(str::to_string).collect()
    }
}

/// Fills the task's typed fields from its attribution. Under a
/// first-is-lead rule a clause with no lead role leads with its first
/// responsible unit.
pub(super) fn apply_assignment(task: &mut Task, lead_rule: bool, year: Option<u16>) {
    let Some(a) = task.attribution.as_mut() else {
        return;
    };
    let has = |kind| a.roles.iter().any(|r| r.kind == kind);
    a.first_is_lead = lead_rule && !has(RoleKind::LeadUnits) && has(RoleKind::ResponsibleUnits);
    let assigned = a.assignment();
    task.leaders = assigned.leaders;
    task.lead_units = assigned.lead_units;
    task.responsible_units = assigned.responsible_units;
    task.cooperating_units = assigned.cooperating_units;
    task.deadline = assigned.deadline.map(|text| Deadline {
        date: date::parse_deadline(&text, year),
        text,
    });
}
