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
}

impl Error {
    /// A stable code for programs: `LB_TOO_LARGE`, `LB_NOT_TEXT`.
    pub fn code(&self) -> &'static str {
        match self {
            Error::TooLarge { .. } => "LB_TOO_LARGE",
            Error::NotText { .. } => "LB_NOT_TEXT",
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
        }
    }
}

impl std::error::Error for Error {}
