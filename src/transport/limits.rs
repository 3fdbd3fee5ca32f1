//! How long and how much: the bounds every request of one run shares. `--timeout` is one
//! deadline for the whole run, retries included; each request also has its own timeout; and no
//! response body (or WebSocket message) may be larger than `max_body`.

use std::time::Duration;

use tokio::time::Instant;

use crate::error::{Error, Failure};

/// What a response may not exceed unless the profile says otherwise.
pub(crate) const DEFAULT_MAX_BODY: usize = 64 << 20;

#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// The whole run's time (`--timeout` or the profile's `timeout`).
    pub timeout: Duration,
    /// When the run must be over.
    pub deadline: Instant,
    /// One request's time (`--request-timeout` or `request_timeout`).
    pub request_timeout: Duration,
    /// The largest body or message accepted, in bytes (`max_body`).
    pub max_body: usize,
}

impl Limits {
    /// Limits for a run that starts now.
    pub fn starting_now(timeout: Duration, request_timeout: Duration, max_body: usize) -> Limits {
        Limits {
            timeout,
            deadline: Instant::now() + timeout,
            request_timeout: request_timeout.min(timeout),
            max_body,
        }
    }

    /// Time left before the run's deadline.
    pub fn remaining(&self) -> Duration {
        self.deadline.saturating_duration_since(Instant::now())
    }

    /// Whether waiting `wait` (before a retry) still leaves the run inside its deadline.
    pub fn can_wait(&self, wait: Duration) -> bool {
        Instant::now() + wait < self.deadline
    }

    /// The error of a run that outlived its deadline.
    pub fn expired(&self) -> Error {
        Error::network(format!(
            "timed out: the run took longer than its timeout of {} (retries included; \
             raise --timeout or the profile's timeout)",
            humantime::format_duration(self.timeout)
        ))
        .with_failure(Failure::Timeout)
    }

    /// The error of one request (or WebSocket step) that outlived its own timeout: `what`
    /// took longer than `--request-timeout`, or than the run's `--timeout` where that is the
    /// shorter (the request timeout never outlasts the run).
    pub fn request_timed_out(&self, what: &str) -> Error {
        if self.request_timeout >= self.timeout {
            return self.expired();
        }
        Error::network(format!(
            "timed out: {what} took longer than the request timeout of {} (raise \
             --request-timeout or the profile's request_timeout)",
            humantime::format_duration(self.request_timeout)
        ))
        .with_failure(Failure::Timeout)
    }

    /// The error of a body or message larger than `max_body`.
    pub fn too_large(&self, what: &str) -> Error {
        Error::server(format!(
            "{what} is larger than max_body ({}); raise max_body in the profile if that is expected",
            size_text(self.max_body)
        ))
        .with_failure(Failure::TooLarge)
    }
}

/// `64 MiB`, `512 KiB`, `100 bytes`.
pub(crate) fn size_text(n: usize) -> String {
    match n {
        n if n >= 1 << 30 && n % (1 << 30) == 0 => format!("{} GiB", n >> 30),
        n if n >= 1 << 20 && n % (1 << 20) == 0 => format!("{} MiB", n >> 20),
        n if n >= 1 << 10 && n % (1 << 10) == 0 => format!("{} KiB", n >> 10),
        n => format!("{n} bytes"),
    }
}

/// A size as a profile writes it: `65536`, `"64MiB"`, `"512 KiB"`, `"1GB"` (decimal units are
/// 1000-based, binary ones 1024-based).
pub(crate) fn parse_size(text: &str) -> Result<usize, String> {
    let t = text.trim();
    let split = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (digits, unit) = t.split_at(split);
    let n: usize = digits
        .parse()
        .map_err(|_| format!("'{text}' is not a size (write e.g. \"64MiB\")"))?;
    let factor: usize = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" | "bytes" => 1,
        "kb" => 1000,
        "kib" | "k" => 1 << 10,
        "mb" => 1000 * 1000,
        "mib" | "m" => 1 << 20,
        "gb" => 1000 * 1000 * 1000,
        "gib" | "g" => 1 << 30,
        _ => return Err(format!("'{text}': unknown unit (write e.g. \"64MiB\")")),
    };
    n.checked_mul(factor)
        .filter(|&n| n > 0)
        .ok_or_else(|| format!("'{text}' is not a usable size"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_parse_and_print() {
        assert_eq!(parse_size("64MiB"), Ok(64 << 20));
        assert_eq!(parse_size("512 KiB"), Ok(512 << 10));
        assert_eq!(parse_size("1GB"), Ok(1_000_000_000));
        assert_eq!(parse_size("100"), Ok(100));
        assert!(parse_size("lots").is_err());
        assert!(parse_size("5 parsecs").is_err());
        assert!(parse_size("0").is_err());
        assert_eq!(size_text(64 << 20), "64 MiB");
        assert_eq!(size_text(1000), "1000 bytes");
    }

    #[test]
    fn the_request_timeout_never_outlasts_the_run() {
        let l = Limits::starting_now(Duration::from_secs(5), Duration::from_secs(30), 1);
        assert_eq!(l.request_timeout, Duration::from_secs(5));
        assert!(l.can_wait(Duration::from_secs(1)));
        assert!(!l.can_wait(Duration::from_secs(6)));
    }
}
