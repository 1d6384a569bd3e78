//! `--format sarif`: one SARIF 2.1.0 log for all files checked, for
//! code-scanning dashboards (GitHub code scanning, Azure DevOps, …).

use std::io::Write;

use fenjie::{Code, Diagnostic, Severity};
use serde_json::{json, Value};

use super::{Checked, Reporter};

/// Collects results file by file and writes the log at the end.
#[derive(Default)]
pub(super) struct Sarif {
    results: Vec<Value>,
}

impl Reporter for Sarif {
    fn file(&mut self, _out: &mut dyn Write, checked: &Checked) -> std::io::Result<()> {
        let uri = uri(&checked.name);
        self.results
            .extend(checked.diagnostics.iter().map(|d| result(d, &uri)));
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write) -> std::io::Result<()> {
        let log = json!({
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [{
                "tool": { "driver": {
                    "name": "fenjie",
                    "version": env!("CARGO_PKG_VERSION"),
                    "rules": Code::ALL.iter().map(|&c| rule(c)).collect::<Vec<_>>(),
                }},
                // Columns count characters, as fenjie's spans do.
                "columnKind": "unicodeCodePoints",
                "results": std::mem::take(&mut self.results),
            }],
        });
        serde_json::to_writer_pretty(&mut *out, &log)?;
        out.write_all(b"\n")?;
        out.flush()
    }
}

fn rule(code: Code) -> Value {
    json!({
        "id": code.as_str(),
        "name": code.name(),
        "shortDescription": { "text": code.summary() },
        "defaultConfiguration": { "level": level(code.default_severity()) },
    })
}

fn result(d: &Diagnostic, uri: &str) -> Value {
    let mut text = d.message.clone();
    if let Some(help) = &d.help {
        text += &format!("\nhelp: {help}");
    }
    let mut location = json!({ "artifactLocation": { "uri": uri } });
    let s = d.span;
    // A span of all zeros is no position: the result is about the file.
    if !s.is_empty() {
        location["region"] = json!({
            "startLine": s.line,
            "startColumn": s.column,
            "endLine": s.end_line,
            "endColumn": s.end_column,
        });
    }
    json!({
        "ruleId": d.code.as_str(),
        "ruleIndex": Code::ALL.iter().position(|&c| c == d.code),
        "level": level(d.severity),
        "message": { "text": text },
        "locations": [{ "physicalLocation": location }],
    })
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
    }
}

/// A relative path as a URI reference: `/` kept, anything outside the
/// unreserved set percent-encoded as UTF-8 (Chinese file names included).
fn uri(path: &str) -> String {
    let mut out = String::new();
    for b in path.replace('\\', "/").bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out += &format!("%{b:02X}");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(uri("fixtures/check/a b.txt"), "fixtures/check/a%20b.txt");
        assert_eq!(uri("通知.txt"), "%E9%80%9A%E7%9F%A5.txt");
    }
}
