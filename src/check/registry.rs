//! Registries: names missing from a list of known units or leaders (FJ019,
//! FJ020), with the closest known name as help.

use std::collections::HashSet;

use super::names::{self, edit_distance, fold, NameRef};
use super::CheckOptions;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Notice, RoleKind};

pub(super) fn check(notice: &Notice, options: &CheckOptions, out: &mut Vec<Diagnostic>) {
    if options.units.is_none() && options.leaders.is_none() {
        return;
    }
    let all = names::all(notice);
    if let Some(units) = &options.units {
        let names = all.iter().filter(|n| n.is_unit());
        Registry::new(units, "unit").unknown(names, Code::UnknownUnit, out);
    }
    if let Some(leaders) = &options.leaders {
        let names = all.iter().filter(|n| n.kind == RoleKind::Leaders);
        Registry::new(leaders, "leader").unknown(names, Code::UnknownLeader, out);
    }
}

/// Known names, as written and in the form they are compared in.
struct Registry<'a> {
    what: &'static str,
    known: Vec<(String, &'a str)>,
    folded: HashSet<String>,
}

impl<'a> Registry<'a> {
    fn new(names: &'a [String], what: &'static str) -> Self {
        let known: Vec<(String, &str)> = names
            .iter()
            .map(|n| (fold(n), n.as_str()))
            .filter(|(f, _)| !f.is_empty())
            .collect();
        let folded = known.iter().map(|(f, _)| f.clone()).collect();
        Registry {
            what,
            known,
            folded,
        }
    }

    /// Reports every occurrence of a name the registry does not hold.
    fn unknown<'n>(
        &self,
        names: impl Iterator<Item = &'n NameRef<'n>>,
        code: Code,
        out: &mut Vec<Diagnostic>,
    ) {
        let what = self.what;
        for name in names.filter(|n| !n.name.is_empty()) {
            let folded = fold(name.name);
            if self.folded.contains(&folded) {
                continue;
            }
            let help = match self.closest(&folded) {
                Some(known) => format!("closest known {what}: {known}"),
                None => format!("if {} is right, add it to the {what} list", name.name),
            };
            out.push(
                Diagnostic::new(
                    code,
                    name.span,
                    format!("{what} {} is not in the {what} list", name.name),
                )
                .with_help(help),
            );
        }
    }

    /// The known name fewest edits away, if it is close enough to be the one
    /// meant (at most half the name's length, or two edits for short names).
    fn closest(&self, folded: &str) -> Option<&str> {
        let limit = (folded.chars().count() / 2).max(2);
        self.known
            .iter()
            .map(|(k, written)| (edit_distance(folded, k), *written))
            .filter(|&(d, _)| d <= limit)
            .min_by_key(|&(d, _)| d)
            .map(|(_, written)| written)
    }
}
