//! The library's error type.

use thiserror::Error;

/// Why input could not be read as a notice at all.
///
/// Text never fails to parse (problems become diagnostics); only input that
/// is not text does.
///
/// ```
/// let err = fenjie::parse(b"\xe4\xbb\xbb\xff").unwrap_err();
/// assert_eq!(err.to_string(), "input is not valid UTF-8: invalid byte at byte 3 (line 1, column 2)");
/// ```
#[derive(Debug, Error, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// The bytes are not UTF-8 (and were not decoded from another encoding).
    #[error(
        "input is not valid UTF-8: invalid byte at byte {offset} (line {line}, column {column})"
    )]
    InvalidUtf8 {
        /// Byte offset of the first invalid byte.
        offset: usize,
        /// 1-based line of that byte.
        line: u32,
        /// 1-based column (in chars) of that byte.
        column: u32,
    },
    /// The input is not text in any encoding: it holds a NUL byte, or is
    /// dense with control bytes (see [`crate::decode`]).
    #[error("input is binary, not text: byte {byte:#04x} at offset {offset}")]
    Binary {
        /// Byte offset in the input of the first NUL (or control) byte.
        offset: usize,
        /// That byte (for UTF-16 input, the code unit's value).
        byte: u8,
    },
    /// An encoding label that names no encoding fenjie can decode.
    #[error("unknown encoding {label:?} (try utf-8, gb18030, gbk, utf-16le, utf-16be or big5)")]
    UnknownEncoding {
        /// The label as given.
        label: String,
    },
}

impl Error {
    pub(crate) fn invalid_utf8(bytes: &[u8], offset: usize) -> Error {
        // The prefix up to `offset` is valid UTF-8 by definition of `valid_up_to`.
        let valid = std::str::from_utf8(&bytes[..offset]).unwrap_or_default();
        let line = valid.matches('\n').count() as u32 + 1;
        let line_start = valid.rfind('\n').map_or(0, |i| i + 1);
        let column = valid[line_start..].chars().count() as u32 + 1;
        Error::InvalidUtf8 {
            offset,
            line,
            column,
        }
    }
}
