//! The simulator's own error: a message and whether the user asked for something impossible
//! (a bad `--fault`, a config path with no file name) or the run failed. The client maps the
//! kind to its exit code (2 or 1); nothing here knows exit codes.

use std::fmt;

/// What kind of failure an [`Error`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// The options cannot be served as given.
    Usage,
    /// A file, a socket or a certificate failed.
    Other,
}

/// A failure of the simulator: its kind and its message.
#[derive(Debug, Clone)]
pub struct Error {
    kind: ErrorKind,
    message: String,
}

/// A result whose error is the simulator's.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub(crate) fn usage(message: impl Into<String>) -> Error {
        Error {
            kind: ErrorKind::Usage,
            message: message.into(),
        }
    }
    pub(crate) fn other(message: impl Into<String>) -> Error {
        Error {
            kind: ErrorKind::Other,
            message: message.into(),
        }
    }
    /// Whether the options were impossible or the run failed.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }
    /// What went wrong, for the user.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}
