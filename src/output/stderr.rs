//! The lines for the person at the terminal, on stderr (stdout stays data only): notes,
//! warnings and `-v`. Each is printed above the progress indicator while it shows, with a
//! server's control characters escaped.

use super::indicator;
use crate::escape;

/// A warning on stderr.
pub(crate) fn warn(message: &str) {
    indicator::above(|| eprintln!("sessions: warning: {}", escape::controls(message)));
}

/// A note for the person at the terminal, on stderr.
pub(crate) fn note(message: &str) {
    indicator::above(|| eprintln!("sessions: {}", escape::controls(message)));
}

/// A note from a long-running subcommand, e.g. `sessions simulate: ...`.
pub(crate) fn note_from(command: &str, message: &str) {
    indicator::above(|| eprintln!("sessions {command}: {}", escape::controls(message)));
}

/// An indented detail line under a [`note`].
pub(crate) fn detail(line: &str) {
    indicator::above(|| eprintln!("    {}", escape::controls(line)));
}

/// The sink of transport code's [`Log`](crate::transport::Log): stderr.
pub(crate) fn log_line(line: crate::transport::Line<'_>) {
    match line {
        crate::transport::Line::Verbose(args) => verbose(args),
        crate::transport::Line::Warning(message) => warn(message),
    }
}

/// A `-v` log line on stderr. Callers pass no secrets; URLs go through `http::redact_url`.
pub(crate) fn verbose(args: std::fmt::Arguments<'_>) {
    indicator::above(|| eprintln!("sessions: {}", escape::controls(&args.to_string())));
}
