//! The one error type. Its kind decides the process exit code (see the exit-code table in
//! the README).

use std::fmt;

/// What went wrong, in the terms the exit code speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// Anything not listed below: exit 1.
    Other,
    /// Bad flag, unknown profile, unreadable or invalid config: exit 2.
    Usage,
    /// 401/403, a failed login, a revoked key: exit 3.
    Auth,
    /// Connection refused, DNS, TLS, timeout, rate limit never lifted: exit 4.
    Network,
    /// The server answered with an error, or with something unparseable: exit 5.
    Server,
    /// Some profiles failed while others printed results: exit 6.
    Partial,
    /// Stdout was closed by the reader (`| head`): quiet exit 0.
    BrokenPipe,
    /// Ctrl-C stopped the work, which then said what it had done: exit 130.
    Interrupted,
}

impl ErrorKind {
    /// The kind's name in machine-readable output (`all`'s `errors`): `network`, `auth`, ...
    pub fn name(self) -> &'static str {
        match self {
            ErrorKind::Other => "other",
            ErrorKind::Usage => "usage",
            ErrorKind::Auth => "auth",
            ErrorKind::Network => "network",
            ErrorKind::Server => "server",
            ErrorKind::Partial => "partial",
            ErrorKind::BrokenPipe => "broken_pipe",
            ErrorKind::Interrupted => "interrupted",
        }
    }

    pub fn exit_code(self) -> i32 {
        match self {
            ErrorKind::BrokenPipe => 0,
            ErrorKind::Other => 1,
            ErrorKind::Usage => 2,
            ErrorKind::Auth => 3,
            ErrorKind::Network => 4,
            ErrorKind::Server => 5,
            ErrorKind::Partial => 6,
            ErrorKind::Interrupted => 130,
        }
    }
}

/// Which way a connection failed, for callers that branch on it (the message says it to the
/// user; code reads this).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    /// The host name did not resolve.
    Dns,
    /// The socket could not be opened, or failed, with this kind: refused, unreachable...
    Connect(std::io::ErrorKind),
    /// The TLS handshake failed, or the certificate was refused.
    Tls,
    /// The server's first bytes were not HTTP (TLS on the port, most often).
    NotHttp,
    /// A request, or the whole run, outlived its timeout.
    Timeout,
    /// The server closed the connection, or it broke, before the answer was complete.
    Closed,
    /// An answer larger than `max_body`.
    TooLarge,
}

/// A one-line, user-facing error. The message never holds a secret. What callers decide on
/// is data beside it: the kind, the HTTP status, the vendor's error code, the failure.
#[derive(Debug, Clone)]
pub struct Error {
    kind: ErrorKind,
    message: String,
    /// The HTTP status the server answered with, when that is the failure.
    status: Option<u16>,
    /// The vendor's own error code (ONTAP's `code`, Qumulo's `error_class`, TrueNAS's
    /// `errname`), when the server sent one.
    code: Option<String>,
    /// How the connection failed, when it did.
    failure: Option<Failure>,
}

pub(crate) type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        let message: String = message.into();
        // One line, always: vendor texts sometimes carry line breaks, which become spaces. A
        // lone CR, like every other control character, stays for `report` to show escaped.
        let message = message
            .replace("\r\n", "\n")
            .split([' ', '\n', '\t'])
            .filter(|word| !word.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        Error {
            kind,
            message,
            status: None,
            code: None,
            failure: None,
        }
    }
    pub fn usage(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Usage, message)
    }
    pub fn auth(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Auth, message)
    }
    pub fn network(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Network, message)
    }
    pub fn server(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Server, message)
    }
    pub fn other(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Other, message)
    }
    pub fn broken_pipe() -> Self {
        Self::new(ErrorKind::BrokenPipe, "broken pipe")
    }

    pub fn kind(&self) -> ErrorKind {
        self.kind
    }
    pub fn exit_code(&self) -> i32 {
        self.kind.exit_code()
    }
    pub fn message(&self) -> &str {
        &self.message
    }
    /// The HTTP status of a server's error answer, as data (see `http::status_error`).
    pub fn status(&self) -> Option<u16> {
        self.status
    }
    pub fn with_status(mut self, status: u16) -> Self {
        self.status = Some(status);
        self
    }
    /// The vendor's own error code, as data.
    pub fn code(&self) -> Option<&str> {
        self.code.as_deref()
    }
    pub fn with_code(mut self, code: impl Into<String>) -> Self {
        self.code = Some(code.into()).filter(|c: &String| !c.is_empty());
        self
    }
    /// How the connection failed, as data (see `transport::failure`).
    pub fn failure(&self) -> Option<Failure> {
        self.failure
    }
    pub fn with_failure(mut self, failure: Failure) -> Self {
        self.failure = Some(failure);
        self
    }

    /// Prefix the message with where it happened, e.g. `smb profile 'prod' at https://q:8000`.
    pub fn context(mut self, prefix: impl fmt::Display) -> Self {
        if self.kind != ErrorKind::BrokenPipe {
            self.message = format!("{prefix}: {}", self.message);
        }
        self
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            Error::broken_pipe()
        } else {
            Error::other(e.to_string())
        }
    }
}

/// The one place an error reaches the user: one line on stderr, `sessions: <message>`. A
/// closed stdout (`| head`) is not worth a word.
pub(crate) fn report(e: &Error) {
    if e.kind() != ErrorKind::BrokenPipe {
        eprintln!("sessions: {}", crate::escape::controls(e.message()));
    }
}

/// The exit code of a command line clap refused, or of `--help`/`--version` (which print to
/// stdout and succeed).
pub(crate) fn clap_exit_code(e: &clap::Error) -> i32 {
    if e.use_stderr() {
        ErrorKind::Usage.exit_code()
    } else {
        0
    }
}

/// Render an error and its sources on one line: `outer: inner: root`.
pub(crate) fn chain(e: &(dyn std::error::Error + 'static)) -> String {
    let mut parts: Vec<String> = vec![e.to_string()];
    let mut src = e.source();
    while let Some(s) = src {
        let text = s.to_string();
        if !parts.iter().any(|p| p.contains(&text)) {
            parts.push(text);
        }
        src = s.source();
    }
    parts.join(": ")
}
