//! The one error type. Odd input is not an error (it yields warnings); misuse is.

use std::fmt;

/// Why a call could not produce a live blog.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// The input is larger than the parser accepts.
    TooLarge {
        /// The input's size in bytes.
        bytes: usize,
        /// The largest size accepted.
        limit: usize,
    },
    /// The input holds NUL bytes: it is binary data, not text.
    NotText {
        /// Byte offset of the first NUL.
        offset: usize,
    },
    /// A query the strict reader rejects (the lenient one warns instead).
    Query {
        /// What is wrong.
        message: String,
        /// Byte offset in the query.
        at: usize,
    },
    /// Saved index bytes from another version of the format.
    IndexVersion {
        /// The version the bytes say.
        found: u8,
        /// The version this build reads.
        expected: u8,
    },
    /// JSON (JSON-LD, a JSON Feed) that does not parse, even read leniently.
    Json {
        /// What is wrong, as the JSON reader says it.
        message: String,
        /// The 1-based line of the problem.
        line: usize,
        /// The 1-based column of the problem.
        column: usize,
    },
    /// Saved blog bytes (`LiveBlog::to_bytes`) that are truncated, altered, of another
    /// format version, or not a saved blog at all.
    BlogBytes {
        /// What gave it away.
        reason: &'static str,
    },
    /// Saved index bytes that are truncated, altered or not an index at all.
    IndexCorrupt {
        /// What gave it away.
        reason: &'static str,
    },
}

impl Error {
    /// A stable code for programs: `LB_TOO_LARGE`, `LB_NOT_TEXT`, `LB_QUERY`,
    /// `LB_INDEX_VERSION`, `LB_INDEX_CORRUPT`, `LB_JSON`, `LB_BLOG_CORRUPT`.
    pub fn code(&self) -> &'static str {
        match self {
            Error::TooLarge { .. } => "LB_TOO_LARGE",
            Error::NotText { .. } => "LB_NOT_TEXT",
            Error::Query { .. } => "LB_QUERY",
            Error::IndexVersion { .. } => "LB_INDEX_VERSION",
            Error::IndexCorrupt { .. } => "LB_INDEX_CORRUPT",
            Error::Json { .. } => "LB_JSON",
            Error::BlogBytes { .. } => "LB_BLOG_CORRUPT",
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::TooLarge { bytes, limit } => write!(
                f,
                "{}: the input is {bytes} bytes; the most accepted is {limit}",
                self.code()
            ),
            Error::NotText { offset } => write!(
                f,
                "{}: the input holds a NUL byte at offset {offset}, so it is binary data, not text",
                self.code()
            ),
            Error::Query { message, at } => {
                write!(f, "{}: at byte {at} of the query: {message}", self.code())
            }
            Error::IndexVersion { found, expected } => write!(
                f,
                "{}: these index bytes are format version {found}; this build reads version {expected}, so rebuild the index from the blog",
                self.code()
            ),
            Error::Json {
                message,
                line,
                column,
            } => write!(
                f,
                "{}: the JSON does not parse at line {line}, column {column}: {message}",
                self.code()
            ),
            Error::BlogBytes { reason } => write!(
                f,
                "{}: these bytes are not a whole, unaltered saved blog: {reason}",
                self.code()
            ),
            Error::IndexCorrupt { reason } => write!(
                f,
                "{}: these bytes are not a whole, unaltered index: {reason}",
                self.code()
            ),
        }
    }
}

impl std::error::Error for Error {}
