//! `--latency`'s durations.
//!
//! A copy, on purpose, of the client's `args::parse_duration` (same parser, same message): the
//! simulator depends on no client code, and one line is cheaper than a crate both would use.

use std::time::Duration;

/// `30s`, `2m`, `1h`: a duration as humans write it.
pub(crate) fn parse_duration(s: &str) -> Result<Duration, String> {
    humantime::parse_duration(s).map_err(|e| format!("{e} (write e.g. 30s, 2m, 1h)"))
}
