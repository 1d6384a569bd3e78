//! # fenjie — 分解
//!
//! Parses Chinese government work-report responsibility-breakdown notices
//! (《政府工作报告》重点工作责任分解的通知) into a typed model: metadata header,
//! cover letter, sections, subsections and tasks, each task with its leaders
//! (责任领导), lead units (牵头单位) and responsible units (责任单位), numeric
//! targets, and the source span of everything.
//!
//! ```
//! let text = "关于重点工作责任分解的通知\n附件\n重点工作责任分解\n一、发展目标\n\
//!             1.地区生产总值增长11%。(责任领导:洪金虎;牵头单位:市发改局;责任单位:市统计局)";
//! let notice = fenjie::parse(text)?;
//! let task = notice.tasks().next().unwrap().task;
//! assert_eq!(task.number, 1);
//! assert_eq!(task.text, "地区生产总值增长11%。");
//! assert_eq!(task.leaders, ["洪金虎"]);
//! assert_eq!(task.responsible_units, ["市统计局"]);
//! # Ok::<(), fenjie::Error>(())
//! ```
//!
//! Notices saved as GB18030/GBK, UTF-16 or UTF-8 with a byte-order mark go
//! through [`parse_bytes`], which detects the encoding (or takes a forced
//! one, [`parse_bytes_with`]), refuses binary input with an error naming the
//! offset, and records the encoding in [`SourceStyle::encoding`]; spans then
//! refer to the decoded UTF-8 text ([`decode`] explains the rules).
//!
//! ```
//! let (gb18030, _, _) = encoding_rs::GB18030.encode("附件\n标题\n一、目标\n1.做事。(牵头单位:市发改局)");
//! let notice = fenjie::parse_bytes(&gb18030)?;
//! assert_eq!(notice.source.encoding.as_deref(), Some("GB18030"));
//! # Ok::<(), fenjie::Error>(())
//! ```
//!
//! Data flows one way: text → [`parse`] → [`Notice`] → [`render`] / [`export`] /
//! [`check`](check::check); [`import`] reads exported tables back.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod check;
mod decode;
mod diagnostic;
mod error;
pub mod eval;
pub mod export;
pub mod import;
pub mod model;
mod parse;
mod render;
mod span;
mod visit;

pub use decode::{
    decode, decode_with, parse_bytes, parse_bytes_with, Decoded, Encoding, Malformed,
};
pub use diagnostic::{Code, Diagnostic, Severity};
pub use error::Error;
pub use model::*;
pub use parse::{parse, parse_with, ParseInput, ParseOptions};
pub use render::render;
