//! `fenjie.toml`: a repository's settings for `fenjie check`.
//!
//! ```toml
//! allow = ["FJ014"]          # codes not to report
//! deny_warnings = true       # warnings fail the check
//! units = "units.txt"        # registries, relative to this file
//! leaders = "leaders.txt"
//!
//! [severity]
//! FJ009 = "error"            # error, warning or note
//! ```

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use fenjie::{Code, Severity};
use serde::Deserialize;

use crate::cli::Failure;

/// Looked for in the current directory when `--config` is not given.
const DEFAULT_PATH: &str = "fenjie.toml";

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Config {
    /// Codes not to report.
    #[serde(default)]
    pub allow: Vec<Code>,
    /// Warnings fail the check.
    #[serde(default)]
    pub deny_warnings: bool,
    /// Severities replacing the defaults.
    #[serde(default)]
    pub severity: BTreeMap<Code, Severity>,
    /// The unit registry (resolved against the config file's directory).
    pub units: Option<PathBuf>,
    /// The leader registry (resolved against the config file's directory).
    pub leaders: Option<PathBuf>,
}

impl Config {
    /// Reads `explicit`, or `fenjie.toml` here if there is one, or nothing.
    pub fn load(explicit: Option<&Path>) -> Result<Config, Failure> {
        let path = match explicit {
            Some(p) => p,
            None if Path::new(DEFAULT_PATH).is_file() => Path::new(DEFAULT_PATH),
            None => return Ok(Config::default()),
        };
        let shown = path.display();
        let text = std::fs::read_to_string(path)
            .map_err(|e| Failure(format!("{shown}: cannot read config: {e}")))?;
        let mut config: Config = toml::from_str(&text).map_err(|e| {
            let at = e.span().map_or(String::new(), |s| {
                let (line, column) = line_column(&text, s.start);
                format!(":{line}:{column}")
            });
            Failure(format!("{shown}{at}: invalid config: {}", e.message()))
        })?;
        // Registry paths are written relative to the config file, so that a
        // repository's CI finds them from any working directory.
        let base = path.parent().unwrap_or(Path::new(""));
        config.units = config.units.map(|p| base.join(p));
        config.leaders = config.leaders.map(|p| base.join(p));
        Ok(config)
    }
}

/// 1-based line and char column of a byte offset.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset).unwrap_or(text);
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (
        before.matches('\n').count() + 1,
        before[line_start..].chars().count() + 1,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_setting() {
        let c: Config = toml::from_str(
            "allow = [\"FJ014\", \"similar-name\"]\ndeny_warnings = true\nunits = \"u.txt\"\n[severity]\nFJ009 = \"error\"\n",
        )
        .unwrap();
        assert_eq!(c.allow, [Code::MissingFullStop, Code::SimilarName]);
        assert!(c.deny_warnings);
        assert_eq!(c.severity[&Code::MissingLeader], Severity::Error);
        assert_eq!(c.units, Some(PathBuf::from("u.txt")));
    }

    #[test]
    fn unknown_keys_and_codes_are_errors() {
        assert!(toml::from_str::<Config>("alow = []").is_err());
        assert!(toml::from_str::<Config>("allow = [\"FJ999\"]").is_err());
        assert!(toml::from_str::<Config>("[severity]\nFJ009 = \"fatal\"").is_err());
    }
}
