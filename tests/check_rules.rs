//! Every rule of `fenjie check` on its own fixture, and the seed's exact findings.

mod common;

use fenjie::check::{check, CheckOptions};
use fenjie::{Code, Diagnostic, Severity};

fn seed_findings() -> Vec<Diagnostic> {
    check(&common::seed(), &CheckOptions::default())
}

#[test]
fn the_seed_has_exactly_the_two_known_warnings() {
    let found = seed_findings();
    for d in &found {
        eprintln!(
            "{} {} {}:{} {} | {:?}",
            d.code, d.severity, d.span.line, d.span.column, d.message, d.help
        );
    }
    let codes: Vec<(Code, Severity)> = found.iter().map(|d| (d.code, d.severity)).collect();
    assert_eq!(
        codes,
        [
            (Code::ConflictingDuplicateTask, Severity::Warning),
            (Code::RecoveredSlip, Severity::Warning)
        ]
    );
}
