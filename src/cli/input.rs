//! Reading input files (or stdin) into notices, decoding them from whatever
//! encoding they were saved in.

use std::io::Read;
use std::sync::OnceLock;

use super::Failure;

/// The encoding given with `--encoding`, set once before any input is read.
/// A process-wide setting because every subcommand that reads notices
/// honours it, however many files it reads.
static FORCED_ENCODING: OnceLock<fenjie::Encoding> = OnceLock::new();

/// Forces the encoding of every notice read from now on (`--encoding NAME`);
/// an unknown label is a usage error.
pub(crate) fn force_encoding(label: &str) -> Result<(), Failure> {
    let encoding = fenjie::Encoding::for_label(label)?;
    // Called once from `run`; a second call would be a bug, and changes nothing.
    let _ = FORCED_ENCODING.set(encoding);
    Ok(())
}

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

/// Reads, decodes and parses one notice; the encoding is detected unless
/// `--encoding` forced one, and is recorded in `source.encoding`.
pub(crate) fn read_notice(path: &str) -> Result<fenjie::Notice, Failure> {
    let bytes = read_bytes(path)?;
    notice_from(&bytes, path)
}

/// [`read_notice`], and the decoded text too, for showing source lines.
pub(crate) fn read_notice_and_text(path: &str) -> Result<(fenjie::Notice, String), Failure> {
    let bytes = read_bytes(path)?;
    let notice = notice_from(&bytes, path)?;
    let text = fenjie::decode_with(&bytes, FORCED_ENCODING.get().copied())
        .map_err(|e| Failure(format!("{}: {e}", display_name(path))))?
        .text
        .into_owned();
    Ok((notice, text))
}

fn notice_from(bytes: &[u8], path: &str) -> Result<fenjie::Notice, Failure> {
    fenjie::parse_bytes_with(
        bytes,
        FORCED_ENCODING.get().copied(),
        &fenjie::ParseOptions::default(),
    )
    .map_err(|e| Failure(format!("{}: {e}", display_name(path))))
}
