//! The attribution clause: `(责任领导:A、B;牵头单位:X、Y;责任单位:Z)`.

use std::ops::Range;

use nom::character::complete::satisfy;
use nom::combinator::recognize;
use nom::multi::many_m_n;
use nom::{IResult, Parser};

use super::meta::is_han;
use super::trivia::{
    closing_partner, is_close_paren, is_colon, is_ideograph_start, is_name_separator, is_semicolon,
    is_space, low_bits, opening_partner, trimmed, TrimSpace,
};
use crate::model::{RoleForm, RoleKind};

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
    /// The key as [`ROLE_KEYS`] writes it, when the text writes it so:
    /// found while parsing, it need not be looked up again.
    pub known: Option<&'static str>,
    pub kind: RoleKind,
    pub delimiter: Range<usize>,
    /// Indices into [`RawAttribution::names`].
    pub names: Range<usize>,
    /// Indices into [`RawAttribution::separators`].
    pub separators: Range<usize>,
    /// The delimiter was `;` where `:` belongs (a recovered slip).
    pub slipped: bool,
    /// How the role is written.
    pub form: RoleForm,
    /// The whole role as written: key to last name, or first name to key.
    pub range: Range<usize>,
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
    /// The separators between roles as written, one before each role after the first.
    pub role_separators: Vec<Range<usize>>,
    /// Text after the roles that names no one: a first-is-lead rule
    /// (`。排名第一的为牵头单位,下同`), or a separator with no role after it.
    pub remark: Option<Range<usize>>,
    /// The remark states a first-is-lead rule.
    pub states_rule: bool,
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

    fn clear(&mut self) {
        self.roles.clear();
        self.names.clear();
        self.separators.clear();
        self.role_separators.clear();
        self.remark = None;
        self.states_rule = false;
    }

    /// True when key, delimiter, names and separators of `role` are all of
    /// its text, back to back: then they rebuild it exactly and the role
    /// needs no copy of its text as written.
    pub(crate) fn rebuilds(&self, role: &RawRole) -> bool {
        let names = self.names_of(role);
        let seps = self.separators_of(role);
        let (Some(first), Some(last)) = (names.first(), names.last()) else {
            return role.form == RoleForm::Keyed
                && role.key.start == role.range.start
                && role.delimiter.end == role.range.end;
        };
        let list_ok = seps.len() + 1 == names.len()
            && names
                .iter()
                .zip(seps)
                .zip(&names[1..])
                .all(|((n, s), next)| n.end == s.start && s.end == next.start);
        let ends_ok = match role.form {
            RoleForm::Keyed => {
                role.key.start == role.range.start
                    && role.key.end == role.delimiter.start
                    && role.delimiter.end == first.start
                    && last.end == role.range.end
            }
            RoleForm::Prose => {
                first.start == role.range.start
                    && last.end == role.key.start
                    && role.key.end == role.range.end
            }
            RoleForm::Bare => first.start == role.range.start && last.end == role.range.end,
        };
        list_ok && ends_ok
    }

    /// A table cell's names as one bare role of `kind` (cleared first).
    pub(crate) fn push_cell(&mut self, cell: &str, kind: RoleKind) {
        self.clear();
        let all = 0..cell.len();
        self.push_list(cell, all.clone(), 0..0, kind, RoleForm::Bare, all);
    }

    /// Splits `inner[start..end]` into names on `、` and commas outside
    /// brackets, tidies them for `kind`, and pushes a role of `form` whose
    /// key is `key`. Used by the prose and bare forms; the keyed form finds
    /// its own end while splitting.
    pub(crate) fn push_list(
        &mut self,
        inner: &str,
        list: Range<usize>,
        key: Range<usize>,
        kind: RoleKind,
        form: RoleForm,
        range: Range<usize>,
    ) {
        let (names, separators) = (self.names.len(), self.separators.len());
        split_names(inner, list.start, list.end, false, self);
        super::names::tidy(
            inner,
            &mut self.names,
            &mut self.separators,
            names,
            separators,
            kind,
        );
        self.roles.push(RawRole {
            delimiter: key.start..key.start,
            key,
            known: None,
            kind,
            names: names..self.names.len(),
            separators: separators..self.separators.len(),
            slipped: false,
            form,
            range,
        });
    }
}

/// A known role key at the start of `input`, and the key as [`ROLE_KEYS`]
/// writes it unless zero-width characters hide inside it.
fn known_key(input: &str) -> IResult<&str, (&str, RoleKind, Option<&'static str>)> {
    let found = match exact_key(input) {
        Some(k) => Some((k.key.len(), k.kind, Some(k.key))),
        None => spaced_key(input).map(|(len, kind)| (len, kind, None)),
    };
    match found {
        Some((len, kind, known)) => Ok((&input[len..], (&input[..len], kind, known))),
        None => Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Tag,
        ))),
    }
}

/// The known role key written out at the start of `input`. Called for
/// nearly every name and separator of every clause, so it rejects by the
/// key's first character (three bytes: every key starts with a Han
/// character) before comparing whole keys.
fn exact_key(input: &str) -> Option<&'static KeyEntry> {
    let keys = keys_starting(input)?;
    // The initial is known to match: the rest (at most fifteen bytes) is
    // compared as one 128-bit word per key, with no loop to mispredict.
    let rest = tail_word(&input.as_bytes()[3..]);
    keys.iter().find(|k| rest & k.mask == k.tail)
}

/// A known role key at the start of `input` with zero-width characters
/// inside it (`牵\u{200b}头单位`), as text copied from the web may hide:
/// looked for only when one is there.
fn spaced_key(input: &str) -> Option<(usize, RoleKind)> {
    let keys = keys_starting(input)?;
    let window = &input.as_bytes()[..input.len().min(2 * MAX_KEY_LEN)];
    if !window.windows(3).any(is_zero_width) {
        return None;
    }
    keys.iter()
        .find_map(|k| Some((spaced_len(input, k.key)?, k.kind)))
}

/// Up to the first sixteen bytes of `bytes` as a little-endian word, zero
/// past the end. A key's bytes are never zero, so a short input never
/// matches a longer key.
fn tail_word(bytes: &[u8]) -> u128 {
    // Most inputs run on past the key: one load, no copy of unknown length.
    if let Some(sixteen) = bytes.first_chunk::<16>() {
        return u128::from_le_bytes(*sixteen);
    }
    let mut word = [0u8; 16];
    let n = bytes.len().min(16);
    word[..n].copy_from_slice(&bytes[..n]);
    u128::from_le_bytes(word)
}

/// The role key that is all of `s`, as a `'static` string.
pub(crate) fn static_key(s: &str) -> Option<&'static str> {
    keys_starting(s)?
        .iter()
        .map(|k| k.key)
        .find(|&key| key == s)
}

/// The role keys that start with `input`'s first character: one table
/// lookup by the character's low twelve bits, then one comparison of its
/// three bytes. Most names start with no key's initial and stop at the
/// lookup.
fn keys_starting(input: &str) -> Option<&'static [KeyEntry]> {
    let &[b0, b1, b2, ..] = input.as_bytes() else {
        return None;
    };
    let keys = &*KEYS_BY_INITIAL;
    let slot = keys.slots[low_bits(b1, b2)];
    let (initial, group) = keys.groups.get(usize::from(slot.checked_sub(1)?))?;
    (*initial == [b0, b1, b2]).then_some(group.as_slice())
}

/// The longest role key, in bytes.
const MAX_KEY_LEN: usize = 18;

/// [`ROLE_KEYS`] grouped by their first character's UTF-8 bytes, each
/// group in the table's order (longer keys before their prefixes).
struct KeyTable {
    groups: Vec<KeyGroup>,
    /// By an initial's low twelve bits: 1 + the index of its group, or 0.
    /// No two initials share their low bits (a test finds every key).
    slots: [u8; 4096],
}

static KEYS_BY_INITIAL: std::sync::LazyLock<KeyTable> = std::sync::LazyLock::new(|| {
    let mut groups: Vec<KeyGroup> = vec![];
    let mut slots = [0u8; 4096];
    for &(key, kind) in ROLE_KEYS {
        let initial: [u8; 3] = key.as_bytes()[..3].try_into().expect("Han initial");
        let tail = &key.as_bytes()[3..];
        let entry = KeyEntry {
            key,
            kind,
            tail: tail_word(tail),
            mask: u128::MAX >> (8 * (16 - tail.len())),
        };
        match groups.iter_mut().find(|(first, _)| *first == initial) {
            Some((_, keys)) => keys.push(entry),
            None => {
                groups.push((initial, vec![entry]));
                slots[low_bits(initial[1], initial[2])] =
                    u8::try_from(groups.len()).expect("few initials");
            }
        }
    }
    KeyTable { groups, slots }
});

/// The role keys that start with one character: its UTF-8 bytes, and the keys.
type KeyGroup = ([u8; 3], Vec<KeyEntry>);

/// A role key, with the bytes after its initial as a word and the mask
/// that keeps that many bytes of another word.
struct KeyEntry {
    key: &'static str,
    kind: RoleKind,
    tail: u128,
    mask: u128,
}

/// U+200B or U+FEFF as UTF-8.
fn is_zero_width(bytes: &[u8]) -> bool {
    matches!(bytes, [0xE2, 0x80, 0x8B] | [0xEF, 0xBB, 0xBF])
}

/// Byte length of `key` as written at the start of `input` with
/// zero-width characters between its characters.
fn spaced_len(input: &str, key: &str) -> Option<usize> {
    let mut rest = input;
    for (i, want) in key.chars().enumerate() {
        if i > 0 {
            rest = rest.trim_start_matches(['\u{200b}', '\u{feff}']);
        }
        rest = rest.strip_prefix(want)?;
    }
    Some(input.len() - rest.len())
}

/// A role's key and delimiter at the start of some text.
#[derive(Debug, Clone, Copy)]
struct Head {
    key_len: usize,
    kind: RoleKind,
    /// See [`RawRole::known`].
    known: Option<&'static str>,
    /// Key and delimiter together.
    len: usize,
    /// The delimiter was `;` where `:` belongs.
    slipped: bool,
}

/// The key at the start of `input`, its kind, and its delimiter; a known key
/// may be followed by `;` by mistake (the seed's task 72), an unknown one
/// (2–8 Han characters) only by a colon.
fn role_head(input: &str) -> Option<Head> {
    head(input, true)
}

/// [`role_head`], accepting the `;` slip only when `slip` is set. Whether
/// the text after a slipped `;` is itself a key is asked without slips: one
/// level is enough to tell, and a fuzzed run of `责任领导;责任领导;…` would
/// otherwise recurse once per key and overflow the stack.
fn head(input: &str, slip: bool) -> Option<Head> {
    if let Ok((rest, (key, kind, known))) = known_key(input) {
        let rest_trim = rest.trim_space_start();
        let c = rest_trim.chars().next()?;
        let len = input.len() - rest_trim.len() + c.len_utf8();
        let after = &rest_trim[c.len_utf8()..];
        let slipped = !is_colon(c);
        let slip_ok = slip && is_semicolon(c) && !after.is_empty() && head(after, false).is_none();
        return (!slipped || slip_ok).then_some(Head {
            key_len: key.len(),
            kind,
            known,
            len,
            slipped,
        });
    }
    let (rest, key): (&str, &str) = recognize(many_m_n::<_, nom::error::Error<&str>, _>(
        2,
        8,
        satisfy(is_han),
    ))
    .parse(input)
    .ok()?;
    let c = rest.chars().next()?;
    is_colon(c).then(|| Head {
        key_len: key.len(),
        kind: RoleKind::Unknown,
        known: None,
        len: key.len() + c.len_utf8(),
        slipped: false,
    })
}

/// True when `input` starts with a known role key and its colon: the test for
/// "this bracket holds an attribution".
pub(crate) fn starts_with_known_role(input: &str) -> bool {
    // Padding after a bracket or separator (`( 牵头单位`) is not part of the key.
    let input = input.trim_space_start();
    // A head of a known key is never `Unknown`; one of an unknown key is.
    role_head(input).is_some_and(|h| h.kind != RoleKind::Unknown)
}

/// Parses the inside of an attribution clause into `raw` (cleared first):
/// keyed roles (`牵头单位:X;责任单位:Y`), else prose (`X牵头,Y配合`), else —
/// when a first-is-lead rule is in force or stated right here — a bare list
/// of units. False, with `raw` empty, when it is none of these.
pub(crate) fn parse_clause(inner: &str, raw: &mut RawAttribution, lead_rule: bool) -> bool {
    raw.clear();
    let rule = super::prose::lead_rule(inner);
    let end = rule
        .as_ref()
        .map_or(inner.len(), |r| super::prose::remark_start(inner, r.start));
    let body = &inner[..end];
    // A failed attempt may leave roles behind: clear before the next.
    let parsed = parse_keyed(body, raw)
        || {
            raw.clear();
            super::prose::parse_prose(body, raw)
        }
        || {
            raw.clear();
            (lead_rule || rule.is_some()) && super::prose::parse_bare(body, raw)
        };
    if parsed && end < inner.len() {
        raw.remark = Some(end..inner.len());
        raw.states_rule = true;
    }
    if !parsed {
        raw.clear();
    }
    parsed
}

/// Keyed roles; false unless `inner` starts with a known role key.
fn parse_keyed(inner: &str, raw: &mut RawAttribution) -> bool {
    if !starts_with_known_role(inner) {
        return false;
    }
    let mut pos = 0;
    let mut separator: Option<Range<usize>> = None;
    while pos < inner.len() {
        // Padding before a key (`( 牵头单位`, `; 责任单位`, U+3000, a zero-width
        // space) is not part of it: read as part of the key, it hid the key
        // and the role's names joined the previous role's.
        let key_start = inner.len() - inner[pos..].trim_space_start().len();
        // Without padding `role_head` below reads the key at `pos` itself.
        if pos < key_start && key_start < inner.len() && known_key(&inner[key_start..]).is_ok() {
            pos = key_start;
        }
        let rest = &inner[pos..];
        let (names, separators) = (raw.names.len(), raw.separators.len());
        match role_head(rest) {
            Some(Head {
                key_len,
                kind,
                known,
                len: head_len,
                slipped,
            }) => {
                raw.role_separators.extend(separator.take());
                let names_start = pos + head_len;
                let end = split_names(inner, names_start, inner.len(), true, raw);
                // The role as written runs to its last name before tidying.
                let written_end = raw.names[names..].last().map_or(names_start, |n| n.end);
                super::names::tidy(
                    inner,
                    &mut raw.names,
                    &mut raw.separators,
                    names,
                    separators,
                    kind,
                );
                raw.roles.push(RawRole {
                    key: pos..pos + key_len,
                    known,
                    kind,
                    delimiter: pos + key_len..names_start,
                    names: names..raw.names.len(),
                    separators: separators..raw.separators.len(),
                    slipped,
                    form: RoleForm::Keyed,
                    range: pos..written_end,
                });
                pos = end;
            }
            None => {
                // Text after a role separator with no key: more names of the previous role.
                let end = split_names(inner, pos, inner.len(), true, raw);
                let written_end = raw.names[names..].last().map_or(pos, |n| n.end);
                if let Some(last) = raw.roles.last_mut() {
                    super::names::tidy(
                        inner,
                        &mut raw.names,
                        &mut raw.separators,
                        names,
                        separators,
                        last.kind,
                    );
                    last.names.end = raw.names.len();
                    last.separators.end = raw.separators.len();
                    last.range.end = written_end.max(last.range.end);
                }
                pos = end;
            }
        }
        // The character that ended the role separates it from the next.
        separator = inner[pos..].chars().next().map(|c| pos..pos + c.len_utf8());
        pos += separator.as_ref().map_or(0, |r| r.len());
    }
    // `(牵头单位:X;)`: a separator with nothing after it is kept as a remark.
    raw.remark = separator;
    true
}

/// The characters of `s[start..end]` outside brackets and quotes, with
/// their offsets — except Han ideographs U+4000–U+9FFF, which callers never
/// look for (none is a bracket, quote, space or separator): they are
/// skipped by their lead byte without being decoded, and they are most of
/// a clause.
pub(crate) fn top_level(s: &str, start: usize, end: usize) -> TopLevel<'_> {
    TopLevel {
        s,
        at: start,
        end,
        closers: vec![],
    }
}

/// The iterator of [`top_level`].
pub(crate) struct TopLevel<'s> {
    s: &'s str,
    at: usize,
    end: usize,
    /// The closing brackets and quotes awaited, innermost last.
    closers: Vec<char>,
}

impl Iterator for TopLevel<'_> {
    type Item = (usize, char);

    fn next(&mut self) -> Option<(usize, char)> {
        let bytes = self.s.as_bytes();
        while self.at < self.end {
            let i = self.at;
            if is_ideograph_start(bytes[i]) {
                self.at += 3;
                continue;
            }
            let c = self.s[i..].chars().next()?;
            self.at += c.len_utf8();
            if let Some(&want) = self.closers.last() {
                if c == want || (is_close_paren(c) && is_close_paren(want)) {
                    self.closers.pop();
                    continue;
                }
            }
            if let Some(close) = closing_partner(c) {
                self.closers.push(close);
                continue;
            }
            if self.closers.is_empty() {
                return Some((i, c));
            }
        }
        None
    }
}

/// Splits names from `start` into trimmed ranges on `、` and commas outside
/// brackets, appending name and separator ranges to `raw`; returns where
/// the list ends. A bounded list ends at `end`; a keyed role's list
/// (`role_ends`) ends earlier at a `;` outside brackets, or at a comma or
/// space followed by another known role key.
fn split_names(
    inner: &str,
    start: usize,
    end: usize,
    role_ends: bool,
    raw: &mut RawAttribution,
) -> usize {
    let first_name = raw.names.len();
    let mut name_start = start;
    let mut list_end = end;
    for (at, c) in top_level(inner, start, end) {
        // A comma or a space before the next key also ends a role:
        // `牵头单位:X,配合单位:Y`, `牵头单位:X 责任单位:Y`.
        let ends_role = || {
            is_semicolon(c)
                || ((is_name_separator(c) && c != '、' || is_space(c))
                    && starts_with_known_role(&inner[at + c.len_utf8()..]))
        };
        if role_ends && ends_role() {
            list_end = at;
            break;
        }
        if is_name_separator(c) {
            raw.names.push(trimmed(inner, name_start..at));
            raw.separators.push(at..at + c.len_utf8());
            name_start = at + c.len_utf8();
        }
    }
    let last = trimmed(inner, name_start..list_end);
    // `责任单位:` with nothing after it is an empty list, not one empty name.
    if !(raw.names.len() == first_name && last.is_empty()) {
        raw.names.push(last);
    }
    list_end
}

/// Where an attribution clause sits in a task body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ClauseSpan {
    /// Offset of the opening bracket (or, unbracketed, of the clause's first character).
    pub open: usize,
    /// Offset of the closing bracket (unbracketed: of the final `。`);
    /// `None` when a bracketed clause is not closed, or an unbracketed one
    /// runs to the end.
    pub close: Option<usize>,
    /// The clause is in brackets.
    pub bracketed: bool,
}

/// Finds the attribution clause at the end of a task body (trailing
/// whitespace already removed): the last bracketed group, if it holds an
/// attribution; failing that, an opening bracket followed by a role key
/// that never closes (a notice cut off, or a bracket dropped); failing
/// that, a last sentence `由…负责,…牵头` without brackets.
pub(crate) fn find_clause(body: &str, lead_rule: bool) -> Option<ClauseSpan> {
    let last = body.chars().next_back()?;
    if opening_partner(last).is_some() && !matches!(last, '”' | '’' | '》') {
        if let Some(open) = matching_open(body) {
            let inner = &body[open + char_len(body, open)..body.len() - last.len_utf8()];
            if is_attribution(inner, lead_rule) {
                return Some(ClauseSpan {
                    open,
                    close: Some(body.len() - last.len_utf8()),
                    bracketed: true,
                });
            }
        }
    }
    super::trivia::paired_rev(body)
        .filter(|&(_, c)| matches!(c, '(' | '\u{ff08}' | '[' | '【' | '\u{ff3b}'))
        .find(|&(i, c)| starts_with_known_role(&body[i + c.len_utf8()..]))
        .map(|(open, _)| ClauseSpan {
            open,
            close: None,
            bracketed: true,
        })
        .or_else(|| unbracketed_clause(body))
}

/// True when a bracket's inside reads as an attribution.
fn is_attribution(inner: &str, lead_rule: bool) -> bool {
    // The seed's clauses all start with a key: no scratch space needed.
    starts_with_known_role(inner) || parse_clause(inner, &mut RawAttribution::default(), lead_rule)
}

/// `…。由王丹副市长负责,市工信委牵头,相关部门配合。`: a last sentence that
/// starts with 由 and reads wholly as prose roles.
fn unbracketed_clause(body: &str) -> Option<ClauseSpan> {
    let without_stop = body.strip_suffix('。').unwrap_or(body);
    let start = without_stop.rfind('。')? + '。'.len_utf8();
    let sentence = &without_stop[start..];
    if !sentence.starts_with('由') {
        return None;
    }
    let mut raw = RawAttribution::default();
    super::prose::parse_prose(sentence, &mut raw).then(|| ClauseSpan {
        open: start,
        close: (without_stop.len() < body.len()).then_some(without_stop.len()),
        bracketed: false,
    })
}

fn char_len(s: &str, at: usize) -> usize {
    s[at..].chars().next().map_or(0, char::len_utf8)
}

/// Offset of the bracket that opens the group closed by `body`'s last char.
fn matching_open(body: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in super::trivia::paired_rev(body) {
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

    /// Byte length and kind of the known role key at the start of `input`.
    fn key_len(input: &str) -> Option<(usize, RoleKind)> {
        known_key(input)
            .ok()
            .map(|(_, (key, kind, _))| (key.len(), kind))
    }

    #[test]
    fn every_key_is_found_plain_and_with_zero_width_characters() {
        assert_eq!(
            ROLE_KEYS.iter().map(|(k, _)| k.len()).max(),
            Some(MAX_KEY_LEN)
        );
        for &(key, kind) in ROLE_KEYS {
            let plain = format!("{key}:甲");
            assert_eq!(key_len(&plain), Some((key.len(), kind)), "{key}");
            let mut chars = key.chars();
            let first = chars.next().unwrap();
            let hidden = format!("{first}\u{200b}{}\u{feff}:甲", chars.as_str());
            assert_eq!(key_len(&hidden), Some((key.len() + 3, kind)), "{key}");
            // The table's own key comes with a key written out, not with
            // one that hides a character inside.
            let known = |s: &str| known_key(s).ok().and_then(|(_, (_, _, k))| k);
            assert_eq!(known(&plain), Some(key));
            assert_eq!(known(&hidden), None, "{key}");
        }
        // A key cut short is not that key (nor any other of its length):
        // the word comparison must not read past the input as a match.
        for &(key, _) in ROLE_KEYS {
            let short = &key[..key.len() - 3];
            assert!(
                !matches!(key_len(short), Some((len, _)) if len > short.len()),
                "{short}"
            );
        }
        assert_eq!(key_len("市发改局"), None);
        assert_eq!(key_len("牵"), None);
        assert_eq!(key_len(""), None);
    }

    fn raw(inner: &str) -> RawAttribution {
        let mut raw = RawAttribution::default();
        assert!(parse_clause(inner, &mut raw, false));
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
    fn a_space_or_comma_may_separate_roles() {
        let got = names("牵头单位:市发改局 责任单位:市财政局、市统计局");
        assert_eq!(got[0], (RoleKind::LeadUnits, vec!["市发改局"]));
        assert_eq!(
            got[1],
            (RoleKind::ResponsibleUnits, vec!["市财政局", "市统计局"])
        );
        let got = names("牵头单位:市发改局,配合单位:市财政局");
        assert_eq!(got[1], (RoleKind::CooperatingUnits, vec!["市财政局"]));
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
        let c = find_clause(body, false).unwrap();
        assert_eq!(&body[c.open..], "(牵头单位:市科信局)");
        assert!(find_clause("建设湖北技术交易大市场(赤壁)", false).is_none());
        let cut = "做事。(责任领导:张三;牵头单位:市发";
        assert_eq!(
            find_clause(cut, false),
            Some(ClauseSpan {
                open: "做事。".len(),
                close: None,
                bracketed: true,
            })
        );
    }
}
