//! Bytes → text: detecting the encoding a notice was saved in and decoding
//! it (the first stage of bytes → decode → line pass → model). The rules
//! are documented on [`decode`], which library users see.

use std::borrow::Cow;

use encoding_rs::DecoderResult;

use crate::diagnostic::{Code, Diagnostic};
use crate::error::Error;
use crate::model::Notice;
use crate::parse::{parse_str, ParseOptions};
use crate::span::LineIndex;

/// A text encoding fenjie can decode, chosen by label or detected.
///
/// Wraps an [`encoding_rs`] encoding, so every label the WHATWG Encoding
/// Standard knows is accepted (`gbk`, `gb2312`, `gb18030`, `utf-8`,
/// `utf-16le`, `big5`, …).
///
/// ```
/// let gbk = fenjie::Encoding::for_label("GBK").unwrap();
/// assert_eq!(gbk.name(), "GBK");
/// assert_eq!(fenjie::Encoding::for_label("gb2312").unwrap(), gbk);
/// let err = fenjie::Encoding::for_label("klingon").unwrap_err();
/// assert_eq!(err.to_string(), "unknown encoding \"klingon\" (try utf-8, gb18030, gbk, utf-16le, utf-16be or big5)");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Encoding(&'static encoding_rs::Encoding);

impl Encoding {
    /// The encoding a label names (case-insensitive, surrounding spaces ignored).
    ///
    /// Labels that the Encoding Standard maps to its "replacement" decoder
    /// (`iso-2022-kr`, `hz-gb-2312`, …) are refused: that decoder turns the
    /// whole input into one U+FFFD.
    pub fn for_label(label: &str) -> Result<Encoding, Error> {
        match encoding_rs::Encoding::for_label_no_replacement(label.trim().as_bytes()) {
            Some(e) => Ok(Encoding(e)),
            None => Err(Error::UnknownEncoding {
                label: label.to_string(),
            }),
        }
    }

    /// The canonical name (`UTF-8`, `GB18030`, `GBK`, `UTF-16LE`, …).
    pub fn name(self) -> &'static str {
        // The Encoding Standard spells this one name in lower case alone
        // among the CJK encodings; the standard itself is GB 18030.
        if self.0 == encoding_rs::GB18030 {
            "GB18030"
        } else {
            self.0.name()
        }
    }

    fn is_utf16(self) -> bool {
        self.0 == encoding_rs::UTF_16LE || self.0 == encoding_rs::UTF_16BE
    }
}

impl std::fmt::Display for Encoding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// Bytes that could not be decoded and were replaced by U+FFFD.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Malformed {
    /// How many malformed sequences were replaced.
    pub count: usize,
    /// Byte offset in the original input of the first one.
    pub first_input_offset: usize,
    /// Byte offset in [`Decoded::text`] of the U+FFFD that replaced it.
    pub first_text_offset: usize,
}

/// The result of [`decode`]: UTF-8 text and where it came from.
///
/// ```
/// let d = fenjie::decode(b"\xef\xbb\xbf\xe9\x99\x84\xe4\xbb\xb6").unwrap();
/// assert_eq!(d.text, "\u{feff}附件");
/// assert_eq!(d.encoding.name(), "UTF-8");
/// assert!(d.had_bom);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded<'a> {
    /// The text, borrowed from the input when that was UTF-8 already. A
    /// byte-order mark is kept as a leading U+FEFF.
    pub text: Cow<'a, str>,
    /// The encoding the input was read as.
    pub encoding: Encoding,
    /// The input started with a byte-order mark (which then chose the encoding).
    pub had_bom: bool,
    /// The encoding was guessed by the detector rather than read from a
    /// byte-order mark, forced, or seen to be valid UTF-8.
    pub guessed: bool,
    /// Bytes that were not valid in the encoding, if any.
    pub malformed: Option<Malformed>,
}

/// Detects the encoding of `bytes` and decodes them to UTF-8.
///
/// Notices come from thousands of government websites and are saved as
/// GB18030/GBK about as often as UTF-8, sometimes as UTF-16 by Windows
/// tools. Detection, in order:
///
/// 1. a byte-order mark decides: UTF-8, UTF-16LE or UTF-16BE;
/// 2. input that is valid UTF-8 is UTF-8; so is input that is UTF-8 apart
///    from a few bad bytes (at least 16 well-formed multi-byte characters
///    for each bad byte sequence in the 8 KiB after the first non-ASCII
///    byte), such as a file cut off in the middle of a character; the bad
///    bytes are replaced (see [`Malformed`]);
/// 3. anything else is guessed by [chardetng] — the detector Firefox uses —
///    from the 2 KiB after the first non-ASCII byte, told that the
///    text comes from a `.cn` site, so Chinese text reads as GB18030. (chardetng names the WHATWG `GBK` decoder, which decodes all
///    of GB18030; fenjie reports it as `GB18030`.)
///
/// Input with a NUL byte, or dense with control bytes no text holds, is
/// binary: an [`Error::Binary`] naming the byte offset, never a notice of
/// gibberish. That is the only error.
///
/// **Spans refer to the decoded text.** Every [`Span`](crate::Span) in a
/// notice from [`parse_bytes`] is a byte range into [`Decoded::text`]
/// (UTF-8), not into the original bytes. A byte-order mark stays in the
/// decoded text as U+FEFF, so a UTF-16 notice renders back as UTF-8 with a
/// byte-order mark, and its spans count the mark's three UTF-8 bytes.
///
/// ```
/// // 附件 / 1.做事 in GB18030.
/// let d = fenjie::decode(b"\xb8\xbd\xbc\xfe\n1.\xd7\xf6\xca\xc2").unwrap();
/// assert_eq!(d.encoding.name(), "GB18030");
/// assert_eq!(d.text, "附件\n1.做事");
///
/// let err = fenjie::decode(b"PK\x03\x04\x14\x00\x06\x00").unwrap_err();
/// assert_eq!(err.to_string(), "input is binary, not text: byte 0x00 at offset 5");
/// ```
///
/// [chardetng]: https://docs.rs/chardetng
pub fn decode(bytes: &[u8]) -> Result<Decoded<'_>, Error> {
    decode_with(bytes, None)
}

/// Decodes `bytes` as `encoding`, or detects the encoding when it is `None`.
///
/// A byte-order mark overrides a forced encoding (as in the Encoding
/// Standard): it is the one unambiguous statement a file makes about itself.
///
/// ```
/// let gbk = fenjie::Encoding::for_label("gbk").unwrap();
/// let d = fenjie::decode_with(b"\xb8\xbd\xbc\xfe", Some(gbk)).unwrap();
/// assert_eq!((d.text.as_ref(), d.encoding.name(), d.guessed), ("附件", "GBK", false));
/// ```
pub fn decode_with(bytes: &[u8], encoding: Option<Encoding>) -> Result<Decoded<'_>, Error> {
    if let Some((bom_encoding, _)) = encoding_rs::Encoding::for_bom(bytes) {
        return decode_as(bytes, Encoding(bom_encoding), true, false);
    }
    if let Some(forced) = encoding {
        return decode_as(bytes, forced, false, false);
    }
    check_not_binary(bytes)?;
    match utf8(bytes) {
        Some(text) => Ok(Decoded {
            text: Cow::Borrowed(text),
            encoding: Encoding(encoding_rs::UTF_8),
            had_bom: false,
            guessed: false,
            malformed: None,
        }),
        None if mostly_utf8(bytes) => decode_as(bytes, Encoding(encoding_rs::UTF_8), false, false),
        None => decode_as(bytes, guess(bytes), false, true),
    }
}

/// Decodes and parses a notice in any supported encoding, recording the
/// encoding in [`SourceStyle::encoding`](crate::SourceStyle::encoding).
///
/// Bytes that are not valid in the encoding are replaced by U+FFFD and
/// reported once, as an [`Code::Undecodable`] diagnostic at the first of
/// them. Spans refer to the decoded text (see [`decode`]).
///
/// ```
/// // A notice saved as GB18030: 附件 / 标题 / 一、目标 / 1.做事。(牵头单位:市发改局)
/// let text = "附件\n标题\n一、目标\n1.做事。(牵头单位:市发改局)";
/// let (bytes, _, _) = encoding_rs::GB18030.encode(text);
/// let notice = fenjie::parse_bytes(&bytes).unwrap();
/// assert_eq!(notice.source.encoding.as_deref(), Some("GB18030"));
/// assert_eq!(notice.tasks().next().unwrap().task.lead_units, ["市发改局"]);
/// assert_eq!(fenjie::render(&notice), text); // rendered as UTF-8
/// ```
pub fn parse_bytes(bytes: &[u8]) -> Result<Notice, Error> {
    parse_bytes_with(bytes, None, &ParseOptions::default())
}

/// [`parse_bytes`] with a forced encoding (`None` detects) and parse options.
///
/// ```
/// let utf8 = fenjie::Encoding::for_label("utf-8").unwrap();
/// let notice = fenjie::parse_bytes_with(b"\xb8\xbd\xbc\xfe", Some(utf8), &Default::default()).unwrap();
/// assert_eq!(notice.diagnostics[0].code, fenjie::Code::Undecodable);
/// ```
pub fn parse_bytes_with(
    bytes: &[u8],
    encoding: Option<Encoding>,
    options: &ParseOptions,
) -> Result<Notice, Error> {
    let decoded = decode_with(bytes, encoding)?;
    let mut notice = parse_str(&decoded.text, options);
    notice.source.encoding = Some(decoded.encoding.name().to_string());
    if let Some(m) = decoded.malformed {
        let diagnostic = undecodable(&decoded.text, decoded.encoding, m);
        let at = notice
            .diagnostics
            .partition_point(|d| d.span.start <= diagnostic.span.start);
        notice.diagnostics.insert(at, diagnostic);
    }
    Ok(notice)
}

fn undecodable(text: &str, encoding: Encoding, m: Malformed) -> Diagnostic {
    let start = m.first_text_offset;
    let span = LineIndex::new(text).span(start, start + '\u{fffd}'.len_utf8());
    let more = match m.count {
        1 => String::new(),
        n => format!(" (and {} more)", n - 1),
    };
    Diagnostic::new(
        Code::Undecodable,
        span,
        format!(
            "bytes at input offset {} are not valid {encoding}{more}; replaced by U+FFFD",
            m.first_input_offset
        ),
    )
    .with_help("if the encoding is wrong, force the right one (`--encoding gbk`)")
}

/// How much text chardetng reads: about a thousand characters, in which
/// its guess for every notice of the development corpus is settled; it is
/// the slow part of decoding (~10 MB/s against hundreds for the decoders),
/// so it sees a window, not the whole file.
const GUESS_WINDOW: usize = 2 * 1024;

/// How much text [`mostly_utf8`] weighs.
const UTF8_WINDOW: usize = 8 * 1024;

/// Up to `len` bytes from the first non-ASCII one: where the encodings
/// differ. The first non-ASCII byte is a character boundary in every
/// candidate encoding, and ASCII before it (an HTML preamble, a header of
/// digits) tells them apart no better than nothing.
fn window(bytes: &[u8], len: usize) -> &[u8] {
    let start = bytes.iter().position(|b| !b.is_ascii()).unwrap_or(0);
    &bytes[start..bytes.len().min(start + len)]
}

/// chardetng's guess for text from a Chinese site. chardetng's `GBK` is
/// reported as GB18030, the standard whose decoder it is.
fn guess(bytes: &[u8]) -> Encoding {
    let window = window(bytes, GUESS_WINDOW);
    let mut detector = chardetng::EncodingDetector::new();
    let last = window.as_ptr_range().end == bytes.as_ptr_range().end;
    detector.feed(window, last);
    match detector.guess(Some(b"cn"), false) {
        e if e == encoding_rs::GBK => Encoding(encoding_rs::GB18030),
        e => Encoding(e),
    }
}

/// True when `bytes` are UTF-8 apart from a few malformed sequences: at
/// least 16 well-formed multi-byte characters for each bad one where the
/// text starts to differ from ASCII. Text in a legacy CJK encoding never
/// looks like this (most of its byte pairs are malformed UTF-8), while a
/// UTF-8 file cut off mid-character or with a stray Latin-1 byte does.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut multibyte, mut bad) = (0usize, 0usize);
    for chunk in window(bytes, UTF8_WINDOW).utf8_chunks() {
        multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        bad += usize::from(!chunk.invalid().is_empty());
    }
    multibyte >= 16 * bad
}

/// Decodes all of `bytes` as `encoding`, replacing malformed sequences by
/// U+FFFD and remembering where the first one was.
fn decode_as(
    bytes: &[u8],
    encoding: Encoding,
    had_bom: bool,
    guessed: bool,
) -> Result<Decoded<'_>, Error> {
    if !encoding.is_utf16() {
        check_not_binary(bytes)?;
    }
    if encoding.0 == encoding_rs::UTF_8 {
        if let Some(text) = utf8(bytes) {
            return Ok(Decoded {
                text: Cow::Borrowed(text),
                encoding,
                had_bom,
                guessed,
                malformed: None,
            });
        }
    }
    let (text, malformed) = decode_lossy(encoding, bytes);
    if encoding.is_utf16() {
        check_utf16_not_binary(&text)?;
    }
    Ok(Decoded {
        text: Cow::Owned(text),
        encoding,
        had_bom,
        guessed,
        malformed,
    })
}

fn decode_lossy(encoding: Encoding, bytes: &[u8]) -> (String, Option<Malformed>) {
    // Without BOM handling, a byte-order mark decodes to U+FEFF, which the
    // parser records as `source.bom`.
    let mut decoder = encoding.0.new_decoder_without_bom_handling();
    let capacity = decoder
        .max_utf8_buffer_length_without_replacement(bytes.len())
        .unwrap_or(bytes.len());
    let mut text = String::with_capacity(capacity);
    let mut malformed: Option<Malformed> = None;
    let mut read = 0;
    loop {
        let (result, n) =
            decoder.decode_to_string_without_replacement(&bytes[read..], &mut text, true);
        read += n;
        match result {
            DecoderResult::InputEmpty => break,
            DecoderResult::OutputFull => text.reserve(bytes.len() - read + 16),
            DecoderResult::Malformed(bad, after) => {
                let at = read.saturating_sub(usize::from(bad) + after as usize);
                let m = malformed.get_or_insert(Malformed {
                    count: 0,
                    first_input_offset: at,
                    first_text_offset: text.len(),
                });
                m.count += 1;
                text.push('\u{fffd}');
            }
        }
    }
    (text, malformed)
}

/// Control bytes a text file never holds; tab, line feed, vertical tab (a
/// Word line break), form feed, carriage return, SUB (a DOS end of file)
/// and ESC (ISO-2022 shifts) are text.
fn is_binary_control(b: u8) -> bool {
    b < 0x20 && !matches!(b, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | 0x1a | 0x1b) || b == 0x7f
}

/// `bytes` as UTF-8 text if it is valid: validated with SIMD, several
/// times faster than the standard library on Chinese text (a batch spent
/// an eighth of its time here).
pub(crate) fn utf8(bytes: &[u8]) -> Option<&str> {
    simdutf8::basic::from_utf8(bytes).ok()
}

/// How much of the input the control-byte density is measured over.
const SNIFF_LEN: usize = 64 * 1024;

/// Binary input has a NUL byte, or more than one control byte in 16 among
/// its first 64 KiB (formats without NULs are dense in them; text copied
/// from Word or the web may carry a stray one, which must not cost the notice).
fn check_not_binary(bytes: &[u8]) -> Result<(), Error> {
    if let Some(offset) = memchr::memchr(0, bytes) {
        return Err(Error::Binary { offset, byte: 0 });
    }
    let head = &bytes[..bytes.len().min(SNIFF_LEN)];
    // Text has few bytes below 0x20 even counting line ends and tabs: a
    // count the compiler vectorises settles almost every input, and only a
    // dense one is counted again byte by byte.
    let low: usize = head
        .chunks(255)
        .map(|chunk| {
            // Byte-wide sums (at most 255 per chunk) vectorise 32 bytes at a time.
            let n = chunk
                .iter()
                .fold(0u8, |n, &b| n + u8::from(b < 0x20 || b == 0x7f));
            usize::from(n)
        })
        .sum();
    if low * 16 <= head.len() {
        return Ok(());
    }
    let controls = head.iter().filter(|&&b| is_binary_control(b)).count();
    if controls * 16 > head.len() {
        let offset = head.iter().position(|&b| is_binary_control(b)).unwrap_or(0);
        return Err(Error::Binary {
            offset,
            byte: bytes[offset],
        });
    }
    Ok(())
}

/// [`check_not_binary`] for decoded UTF-16, whose NULs are code units, not
/// bytes; the offset reported is still the input's.
fn check_utf16_not_binary(text: &str) -> Result<(), Error> {
    let is_control = |c: char| u8::try_from(c).is_ok_and(is_binary_control) || c == '\0';
    let head_end = text
        .char_indices()
        .nth(SNIFF_LEN / 2)
        .map_or(text.len(), |(i, _)| i);
    let head = &text[..head_end];
    let nul = text.find('\0');
    let dense = head.chars().filter(|&c| is_control(c)).count() * 16 > head.chars().count();
    let at = match (nul, dense) {
        (Some(i), _) => i,
        (None, true) => head.find(is_control).unwrap_or(0),
        (None, false) => return Ok(()),
    };
    let c = text[at..].chars().next().unwrap_or('\0');
    Err(Error::Binary {
        offset: text[..at].encode_utf16().count() * 2,
        byte: u8::try_from(c).unwrap_or(0),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_chooses_the_encoding() {
        let le = decode(b"\xff\xfe\x44\x96\xf6\x4e").unwrap();
        assert_eq!(
            (le.text.as_ref(), le.encoding.name()),
            ("\u{feff}附件", "UTF-16LE")
        );
        let be = decode(b"\xfe\xff\x96\x44\x4e\xf6").unwrap();
        assert_eq!(
            (be.text.as_ref(), be.encoding.name()),
            ("\u{feff}附件", "UTF-16BE")
        );
        assert!(be.had_bom && !be.guessed);
    }

    #[test]
    fn utf8_cut_mid_character_stays_utf8() {
        let mut bytes = "附件一、二、三、四、五、六、七、八、九、十"
            .as_bytes()
            .to_vec();
        bytes.extend_from_slice(&"任".as_bytes()[..2]);
        let d = decode(&bytes).unwrap();
        assert_eq!(d.encoding.name(), "UTF-8");
        assert!(d.text.ends_with("十\u{fffd}"));
        let m = d.malformed.unwrap();
        assert_eq!((m.count, m.first_input_offset), (1, bytes.len() - 2));
    }

    #[test]
    fn controls_mark_binary_only_when_dense() {
        assert!(check_not_binary(b"text\x07with a bell in a long enough line").is_ok());
        let err = check_not_binary(b"\x01\x02\x03\x04abc").unwrap_err();
        assert_eq!(err, Error::Binary { offset: 0, byte: 1 });
        assert_eq!(
            check_utf16_not_binary("\u{feff}ab\0").unwrap_err(),
            Error::Binary { offset: 6, byte: 0 }
        );
    }
}
