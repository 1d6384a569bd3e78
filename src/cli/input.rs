//! Reading input files (or stdin) into notices.

use std::io::Read;

use super::Failure;

/// Reads `path` (`-` for stdin) whole.
pub(crate) fn read_bytes(path: &str) -> Result<Vec<u8>, Failure> {
    let mut bytes = vec![];
    if path == "-" {
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| Failure(format!("<stdin>: cannot read: {e}")))?;
    } else {
        bytes = std::fs::read(path).map_err(|e| Failure(format!("{path}: cannot read: {e}")))?;
    }
    Ok(bytes)
}

/// The name to show for `path` in messages.
pub(crate) fn display_name(path: &str) -> &str {
    if path == "-" {
        "<stdin>"
    } else {
        path
    }
}

/// Reads and parses one notice.
pub(crate) fn read_notice(path: &str) -> Result<fenjie::Notice, Failure> {
    let bytes = read_bytes(path)?;
    fenjie::parse(&bytes).map_err(|e| Failure(format!("{}: {e}", display_name(path))))
}
