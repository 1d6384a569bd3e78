//! The attribution clause: `(责任领导:A、B;牵头单位:X、Y;责任单位:Z)`.

use std::ops::Range;

use nom::character::complete::satisfy;
use nom::combinator::recognize;
use nom::multi::many_m_n;
use nom::{IResult, Parser};

use super::meta::is_han;
use super::trivia::{
    closing_partner, is_close_paren, is_colon, is_name_separator, is_semicolon, is_space,
    is_zero_width, opening_partner,
};
use crate::model::RoleKind;

/// Role keys and what they assign, in both character sets.
pub(crate) const ROLE_KEYS: &[(&str, RoleKind)] = &[
    ("牵头负责领导", RoleKind::Leaders),
    ("责任领导", RoleKind::Leaders),
    ("牵头领导", RoleKind::Leaders),
    ("分管领导", RoleKind::Leaders),
    ("联系领导", RoleKind::Leaders),
    ("责任人", RoleKind::Leaders),
    ("責任領導", RoleKind::Leaders),
    ("牽頭領導", RoleKind::Leaders),
    ("分管領導", RoleKind::Leaders),
    ("責任人", RoleKind::Leaders),
    ("牵头责任单位", RoleKind::LeadUnits),
    ("牵头单位", RoleKind::LeadUnits),
    ("牵头部门", RoleKind::LeadUnits),
    ("牽頭責任單位", RoleKind::LeadUnits),
    ("牽頭單位", RoleKind::LeadUnits),
    ("牽頭部門", RoleKind::LeadUnits),
    ("协同责任单位", RoleKind::ResponsibleUnits),
    ("责任单位", RoleKind::ResponsibleUnits),
    ("责任部门", RoleKind::ResponsibleUnits),
    ("協同責任單位", RoleKind::ResponsibleUnits),
    ("責任單位", RoleKind::ResponsibleUnits),
    ("責任部門", RoleKind::ResponsibleUnits),
    ("配合单位", RoleKind::CooperatingUnits),
    ("配合部门", RoleKind::CooperatingUnits),
    ("协办单位", RoleKind::CooperatingUnits),
    ("参与单位", RoleKind::CooperatingUnits),
    ("配合單位", RoleKind::CooperatingUnits),
    ("協辦單位", RoleKind::CooperatingUnits),
    ("參與單位", RoleKind::CooperatingUnits),
    ("完成时限", RoleKind::Deadline),
    ("时间节点", RoleKind::Deadline),
    ("完成时间", RoleKind::Deadline),
    ("完成時限", RoleKind::Deadline),
    ("時間節點", RoleKind::Deadline),
    ("完成時間", RoleKind::Deadline),
];

/// A role as byte ranges into the clause's inner text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RawRole {
    pub key: Range<usize>,
    pub kind: RoleKind,
    pub delimiter: Range<usize>,
    /// Indices into [`RawAttribution::names`].
    pub names: Range<usize>,
    /// Indices into [`RawAttribution::separators`].
    pub separators: Range<usize>,
    /// The delimiter was `;` where `:` belongs (a recovered slip).
    pub slipped: bool,
}

/// An attribution clause's inner text, split into roles. Names and
/// separators of all roles share two vectors, and the whole is reused from
/// task to task, so splitting a clause allocates nothing once warm.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct RawAttribution {
    pub roles: Vec<RawRole>,
    /// Trimmed name ranges of all roles.
    pub names: Vec<Range<usize>>,
    /// Name-separator ranges of all roles.
    pub separators: Vec<Range<usize>>,
    /// The first separator between roles as written.
    pub role_separator: Option<Range<usize>>,
    /// Offset of a role separator with only padding after it (`…;)`).
    pub trailing_separator: Option<usize>,
}

impl RawAttribution {
    /// The name ranges of `role`.
    pub(crate) fn names_of(&self, role: &RawRole) -> &[Range<usize>] {
        &self.names[role.names.clone()]
    }

    /// The separator ranges of `role`.
    pub(crate) fn separators_of(&self, role: &RawRole) -> &[Range<usize>] {
        &self.separators[role.separators.clone()]
    }
}

/// A known role key at the start of `input`.
fn known_key(input: &str) -> IResult<&str, (&str, RoleKind)> {
    // Most calls are on names, not keys: reject on the first character before
    // trying every key.
    let first = input.chars().next().unwrap_or(' ');
    let candidates = ROLE_KEYS.iter().filter(|(key, _)| key.starts_with(first));
    for &(key, kind) in candidates {
        if let Some(len) = written_len(input, key) {
            return Ok((&input[len..], (&input[..len], kind)));
        }
    }
    Err(nom::Err::Error(nom::error::Error::new(
        input,
        nom::error::ErrorKind::Tag,
    )))
}

/// Byte length of `key` as written at the start of `input`, where text
/// copied from the web may hide zero-width characters between its
/// characters (`牵\u{200b}头单位`).
fn written_len(input: &str, key: &str) -> Option<usize> {
    if input.starts_with(key) {
        return Some(key.len());
    }
    let mut rest = input;
    for (i, want) in key.chars().enumerate() {
        if i > 0 {
            rest = rest.trim_start_matches(is_zero_width);
        }
        rest = rest.strip_prefix(want)?;
    }
    Some(input.len() - rest.len())
}

/// The key at the start of `input`, its kind, and its delimiter; a known key
/// may be followed by `;` by mistake (the seed's task 72), an unknown one
/// (2–8 Han characters) only by a colon.
fn role_head(input: &str) -> Option<(usize, RoleKind, usize, bool)> {
    head(input, true)
}

/// [`role_head`], accepting the `;` slip only when `slip` is set. Whether
/// the text after a slipped `;` is itself a key is asked without slips: a
/// run of `责任单位;责任单位;…` then costs constant time
/// per key, where recursing through the whole run overflowed the stack and
/// took quadratic time.
fn head(input: &str, slip: bool) -> Option<(usize, RoleKind, usize, bool)> {
    if let Ok((rest, (key, kind))) = known_key(input) {
        let rest_trim = rest.trim_start_matches(is_space);
        let c = rest_trim.chars().next()?;
        let key_len = key.len();
        let delim_start = input.len() - rest_trim.len();
        if is_colon(c) {
            return Some((key_len, kind, delim_start + c.len_utf8(), false));
        }
        // Padding after the `;` is no name, and no part of a key after it.
        let after = rest_trim[c.len_utf8()..].trim_start_matches(is_space);
        if slip && is_semicolon(c) && !after.is_empty() && head(after, false).is_none() {
            return Some((key_len, kind, delim_start + c.len_utf8(), true));
        }
        return None;
    }
    let (rest, key): (&str, &str) = recognize(many_m_n::<_, nom::error::Error<&str>, _>(
        2,
        8,
        satisfy(is_han),
    ))
    .parse(input)
    .ok()?;
    let c = rest.chars().next()?;
    is_colon(c).then(|| {
        (
            key.len(),
            RoleKind::Unknown,
            key.len() + c.len_utf8(),
            false,
        )
    })
}

/// True when `input` starts with a known role key and its colon: the test for
/// "this bracket holds an attribution".
pub(crate) fn starts_with_known_role(input: &str) -> bool {
    // Padding after a bracket or separator (`( 牵头单位`) is not part of the key.
    let input = input.trim_start_matches(is_space);
    known_key(input).is_ok() && role_head(input).is_some()
}

/// Parses the inside of an attribution clause into `raw` (cleared first);
/// false unless it starts with a known role key.
pub(crate) fn parse_roles(inner: &str, raw: &mut RawAttribution) -> bool {
    raw.roles.clear();
    raw.names.clear();
    raw.separators.clear();
    raw.role_separator = None;
    raw.trailing_separator = None;
    if !starts_with_known_role(inner) {
        return false;
    }
    let mut pos = 0;
    let mut previous_separator: Option<Range<usize>> = None;
    while pos < inner.len() {
        // Padding before a key (`( 牵头单位`, `; 责任单位`, U+3000, a
        // zero-width space) is not part of it; read as part of the key, it
        // hid the key and the role's names joined the previous role's.
        pos = inner.len() - inner[pos..].trim_start_matches(is_space).len();
        if pos == inner.len() {
            break;
        }
        let rest = &inner[pos..];
        let (names, separators) = (raw.names.len(), raw.separators.len());
        match role_head(rest) {
            Some((key_len, kind, head_len, slipped)) => {
                let names_start = pos + head_len;
                let end = split_names(inner, names_start, raw);
                raw.roles.push(RawRole {
                    key: pos..pos + key_len,
                    kind,
                    delimiter: pos + key_len..names_start,
                    names: names..raw.names.len(),
                    separators: separators..raw.separators.len(),
                    slipped,
                });
                pos = end;
            }
            None => {
                // Text after a role separator with no key: more names of the
                // previous role, joined to them by that separator, which is
                // kept so that the names are written back as they were.
                let (names, separators) = (raw.names.len(), raw.separators.len());
                pos = split_names(inner, pos, raw);
                if let Some(last) = raw.roles.last_mut() {
                    let joins_names = names > last.names.start && raw.names.len() > names;
                    if let Some(sep) = previous_separator.clone().filter(|_| joins_names) {
                        raw.separators.insert(separators, sep);
                    }
                    last.names.end = raw.names.len();
                    last.separators.end = raw.separators.len();
                }
            }
        }
        let after = inner[pos..]
            .chars()
            .next()
            .map_or(pos, |c| pos + c.len_utf8());
        if after > pos && inner[after..].trim_start_matches(is_space).is_empty() {
            raw.trailing_separator = Some(pos);
            break;
        }
        let separator = separator_len(inner, pos, &mut raw.role_separator);
        previous_separator = (separator > 0).then(|| pos..pos + separator);
        pos += separator;
    }
    true
}

/// Length of the role separator at `pos` (0 at the end), remembering the
/// first one, or the first semicolon after commas: a comma separates roles
/// only before a known key, a semicolon before anything, and the renderer
/// joins all roles with the one remembered; joined with a comma, an unknown
/// key after a semicolon would read back as a name.
fn separator_len(inner: &str, pos: usize, first: &mut Option<Range<usize>>) -> usize {
    let Some(c) = inner[pos..].chars().next() else {
        return 0;
    };
    let first_is_comma = first
        .as_ref()
        .is_some_and(|r| !inner[r.clone()].starts_with(is_semicolon));
    if first.is_none() || (first_is_comma && is_semicolon(c)) {
        *first = Some(pos..pos + c.len_utf8());
    }
    c.len_utf8()
}

/// Splits names from `start` up to the end of the role: a `;` outside
/// brackets, or a comma followed by another known role key (`牵头单位:X,配合单位:Y`).
/// Appends the trimmed name ranges and separator ranges to `raw`; returns the end offset.
fn split_names(inner: &str, start: usize, raw: &mut RawAttribution) -> usize {
    let first_name = raw.names.len();
    let mut closers: Vec<char> = vec![];
    let mut name_start = start;
    let mut end = inner.len();
    for (i, c) in inner[start..].char_indices() {
        let at = start + i;
        if let Some(&want) = closers.last() {
            if c == want || (is_close_paren(c) && is_close_paren(want)) {
                closers.pop();
                continue;
            }
        }
        if let Some(close) = closing_partner(c) {
            closers.push(close);
            continue;
        }
        if !closers.is_empty() {
            continue;
        }
        let after = &inner[at + c.len_utf8()..];
        if is_semicolon(c) || (is_name_separator(c) && c != '、' && starts_with_known_role(after))
        {
            end = at;
            break;
        }
        if is_name_separator(c) {
            raw.names.push(trimmed(inner, name_start..at));
            raw.separators.push(at..at + c.len_utf8());
            name_start = at + c.len_utf8();
        }
    }
    let last = trimmed(inner, name_start..end);
    // `责任单位:` with nothing after it is an empty list, not one empty name.
    if !(raw.names.len() == first_name && last.is_empty()) {
        raw.names.push(last);
    }
    end
}

fn trimmed(s: &str, r: Range<usize>) -> Range<usize> {
    let piece = &s[r.clone()];
    let lead = piece.len() - piece.trim_start_matches(is_space).len();
    let content = piece.trim_matches(is_space);
    r.start + lead..r.start + lead + content.len()
}

/// Where an attribution clause sits in a task body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ClauseSpan {
    /// Offset of the opening bracket.
    pub open: usize,
    /// Offset of the closing bracket; `None` when the clause is not closed.
    pub close: Option<usize>,
}

/// Finds the attribution clause at the end of a task body (trailing
/// whitespace already removed): the last bracketed group, if it holds roles;
/// failing that, an opening bracket followed by a role key that never closes
/// (a notice cut off, or a bracket dropped).
pub(crate) fn find_clause(body: &str) -> Option<ClauseSpan> {
    let last = body.chars().next_back()?;
    if opening_partner(last).is_some() && !matches!(last, '”' | '’' | '》') {
        if let Some(open) = matching_open(body) {
            let inner = &body[open + char_len(body, open)..body.len() - last.len_utf8()];
            if starts_with_known_role(inner) {
                return Some(ClauseSpan {
                    open,
                    close: Some(body.len() - last.len_utf8()),
                });
            }
        }
    }
    body.char_indices()
        .rev()
        .filter(|&(_, c)| matches!(c, '(' | '\u{ff08}' | '[' | '【' | '\u{ff3b}'))
        .find(|&(i, c)| starts_with_known_role(&body[i + c.len_utf8()..]))
        .map(|(open, _)| ClauseSpan { open, close: None })
}

fn char_len(s: &str, at: usize) -> usize {
    s[at..].chars().next().map_or(0, char::len_utf8)
}

/// Offset of the bracket that opens the group closed by `body`'s last char.
fn matching_open(body: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in body.char_indices().rev() {
        if opening_partner(c).is_some() && !matches!(c, '”' | '’' | '》') {
            depth += 1;
        } else if closing_partner(c).is_some() && !matches!(c, '“' | '‘' | '《') {
            depth -= 1;
            if depth == 0 {
                return Some(i);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(inner: &str) -> RawAttribution {
        let mut raw = RawAttribution::default();
        assert!(parse_roles(inner, &mut raw));
        raw
    }

    fn names(inner: &str) -> Vec<(RoleKind, Vec<&str>)> {
        let raw = raw(inner);
        raw.roles
            .iter()
            .map(|r| {
                (
                    r.kind,
                    raw.names_of(r).iter().map(|n| &inner[n.clone()]).collect(),
                )
            })
            .collect()
    }

    #[test]
    fn splits_roles_and_names() {
        let got = names("责任领导:洪金虎、钱仕忠;牵头单位:市发改局;责任单位:市人行,市银保监组");
        assert_eq!(
            got,
            [
                (RoleKind::Leaders, vec!["洪金虎", "钱仕忠"]),
                (RoleKind::LeadUnits, vec!["市发改局"]),
                (RoleKind::ResponsibleUnits, vec!["市人行", "市银保监组"]),
            ]
        );
    }

    #[test]
    fn keeps_quotes_and_brackets_inside_names() {
        let got =
            names("牵头单位:“蒲圻古城历史文化街区”保护建设指挥部办公室、县发改局(粮食局、物价局)");
        assert_eq!(
            got[0].1,
            [
                "“蒲圻古城历史文化街区”保护建设指挥部办公室",
                "县发改局(粮食局、物价局)"
            ]
        );
    }

    #[test]
    fn recovers_a_semicolon_slip() {
        let raw = raw("责任领导:钱仕忠;牵头单位:市农业农村局;责任单位;长江流域重点水域禁捕退捕领导小组成员单位");
        assert_eq!(raw.roles.len(), 3);
        assert!(raw.roles[2].slipped);
        assert_eq!(raw.names_of(&raw.roles[2]).len(), 1);
    }

    #[test]
    fn full_width_and_unknown_keys() {
        let got = names("牵头单位\u{ff1a}市发改局\u{ff1b}负责单位\u{ff1a}市财政局\u{ff0c}配合单位\u{ff1a}市商务局");
        assert_eq!(got[1], (RoleKind::Unknown, vec!["市财政局"]));
        assert_eq!(got[2], (RoleKind::CooperatingUnits, vec!["市商务局"]));
    }

    #[test]
    fn padding_before_keys_and_zero_width_inside_them() {
        let got = names("\u{3000}牵头单位:市发改局; 责任单位:市财政局;\u{200b}配合单位:市商务局");
        assert_eq!(got[0], (RoleKind::LeadUnits, vec!["市发改局"]));
        assert_eq!(got[1], (RoleKind::ResponsibleUnits, vec!["市财政局"]));
        assert_eq!(got[2], (RoleKind::CooperatingUnits, vec!["市商务局"]));
        let got = names("牵\u{200b}头单位:市发改局");
        assert_eq!(got[0], (RoleKind::LeadUnits, vec!["市发改局"]));
    }

    #[test]
    fn empty_names_are_kept() {
        let got = names("牵头单位:市发改局、、市财政局;责任单位:");
        assert_eq!(got[0].1, ["市发改局", "", "市财政局"]);
        assert!(got[1].1.is_empty());
    }

    #[test]
    fn finds_the_trailing_clause() {
        let body = "建设湖北技术交易大市场(赤壁)。(牵头单位:市科信局)";
        let c = find_clause(body).unwrap();
        assert_eq!(&body[c.open..], "(牵头单位:市科信局)");
        assert!(find_clause("建设湖北技术交易大市场(赤壁)").is_none());
        let cut = "做事。(责任领导:张三;牵头单位:市发";
        assert_eq!(
            find_clause(cut),
            Some(ClauseSpan {
                open: "做事。".len(),
                close: None
            })
        );
    }
}
