//! Diagnostics: plain data describing what the parser or checker found.
//! The library never prints; the CLI renders these (human, json, github, sarif).

use serde::{Deserialize, Serialize};

use crate::span::Span;

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; never fails a check.
    Note,
    /// Probably a mistake; fails a check only with `--deny warnings`.
    Warning,
    /// A defect a published notice must not have.
    Error,
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

macro_rules! codes {
    ($( #[doc = $summary:literal] $variant:ident = $code:literal, $name:literal, $severity:ident; )*) => {
        /// A stable diagnostic code (`FJ001` …), documented in `docs/rules.md`.
        ///
        /// ```
        /// use fenjie::{Code, Severity};
        /// assert_eq!(Code::RecoveredSlip.as_str(), "FJ003");
        /// assert_eq!("FJ003".parse::<Code>(), Ok(Code::RecoveredSlip));
        /// assert_eq!(Code::RecoveredSlip.default_severity(), Severity::Warning);
        /// ```
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $( #[doc = $summary] $variant, )*
        }

        impl Code {
            /// Every code, in order.
            pub const ALL: &'static [Code] = &[$(Code::$variant),*];

            /// The code as written in output (`FJ003`).
            pub fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $code,)* }
            }

            /// A short kebab-case name (`recovered-slip`).
            pub fn name(self) -> &'static str {
                match self { $(Code::$variant => $name,)* }
            }

            /// The severity unless configured otherwise.
            pub fn default_severity(self) -> Severity {
                match self { $(Code::$variant => Severity::$severity,)* }
            }

            /// One line saying what the code is about (its doc comment).
            ///
            /// ```
            /// assert_eq!(
            ///     fenjie::Code::RecoveredSlip.summary(),
            ///     "A slip the parser recovered from (`责任单位;` where `:` belongs)."
            /// );
            /// ```
            pub fn summary(self) -> &'static str {
                match self { $(Code::$variant => $summary.trim(),)* }
            }
        }
    };
}

codes! {
    /// A line that fits nowhere in the structure; kept as unrecognised.
    UnrecognizedLine = "FJ001", "unrecognized-line", Warning;
    /// An opening bracket or quote without its partner.
    UnbalancedBracket = "FJ002", "unbalanced-bracket", Warning;
    /// A slip the parser recovered from (`责任单位;` where `:` belongs).
    RecoveredSlip = "FJ003", "recovered-slip", Warning;
    /// Sections not numbered 一、二、… consecutively.
    SectionNumbering = "FJ004", "section-numbering", Error;
    /// Subsections not restarting at (一) or not consecutive.
    SubsectionNumbering = "FJ005", "subsection-numbering", Error;
    /// Task numbers with a gap or duplicate.
    TaskNumbering = "FJ006", "task-numbering", Error;
    /// A task without any attribution clause.
    MissingAttribution = "FJ007", "missing-attribution", Error;
    /// A task whose attribution names no lead unit.
    MissingLeadUnit = "FJ008", "missing-lead-unit", Warning;
    /// A task without a leader where the document otherwise names leaders.
    MissingLeader = "FJ009", "missing-leader", Warning;
    /// A role key the parser does not know (负责单位).
    UnknownRoleKey = "FJ010", "unknown-role-key", Warning;
    /// An empty role list or an empty name (`、、`).
    EmptyName = "FJ011", "empty-name", Warning;
    /// The same name twice in one list.
    DuplicateName = "FJ012", "duplicate-name", Warning;
    /// A unit that is both lead and responsible in one task.
    LeadAlsoResponsible = "FJ013", "lead-also-responsible", Warning;
    /// Task text that does not end in 。 before its attribution.
    MissingFullStop = "FJ014", "missing-full-stop", Note;
    /// The same task text twice with different attributions.
    ConflictingDuplicateTask = "FJ015", "conflicting-duplicate-task", Warning;
    /// A name one character away from a more common one.
    SimilarName = "FJ016", "similar-name", Warning;
    /// The signing date is after the publication date.
    SignedAfterPublished = "FJ017", "signed-after-published", Warning;
    /// A header field missing or malformed.
    MalformedMeta = "FJ018", "malformed-meta", Error;
    /// A unit not in the registry given with `--units`.
    UnknownUnit = "FJ019", "unknown-unit", Warning;
    /// A leader not in the registry given with `--leaders`.
    UnknownLeader = "FJ020", "unknown-leader", Warning;
    /// The input stops in the middle of a task or attribution.
    Truncated = "FJ021", "truncated", Warning;
    /// Bytes not valid in the input's encoding, replaced by U+FFFD when decoding.
    Undecodable = "FJ022", "undecodable-bytes", Warning;
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Code {
    type Err = String;
    /// Accepts the code (`FJ003`, any case) or its name (`recovered-slip`).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Code::ALL
            .iter()
            .copied()
            .find(|c| c.as_str().eq_ignore_ascii_case(s) || c.name() == s)
            .ok_or_else(|| {
                format!(
                    "unknown diagnostic code {s:?} (expected FJ001…FJ{:03})",
                    Code::ALL.len()
                )
            })
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Code {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// One finding: a code, how bad it is, where, and what to do.
///
/// ```
/// let notice = fenjie::parse("附件\n标题\n一、目标\n1.做事。(牵头单位;市发改局)").unwrap();
/// let d = &notice.diagnostics[0];
/// assert_eq!(d.code, fenjie::Code::RecoveredSlip);
/// assert_eq!(d.span.line, 4);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// The stable code.
    pub code: Code,
    /// How bad it is.
    pub severity: Severity,
    /// Where.
    pub span: Span,
    /// One line naming what was found.
    pub message: String,
    /// How to fix it, where that helps.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
}

impl Diagnostic {
    /// A diagnostic with the code's default severity.
    pub fn new(code: Code, span: Span, message: impl Into<String>) -> Self {
        Diagnostic {
            code,
            severity: code.default_severity(),
            span,
            message: message.into(),
            help: None,
        }
    }

    /// The same diagnostic with a help line.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}
