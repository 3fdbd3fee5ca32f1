//! When to try a request again, and how long to wait: bounded exponential backoff that
//! honours `Retry-After`, and a client-side rate limit for APIs that count requests.

use std::time::Duration;

use reqwest::header::{HeaderMap, RETRY_AFTER};

/// Bounded retry with exponential backoff. `Retry-After` from the server wins over the
/// computed wait, but never beyond `max_wait`; and no wait runs past the run's deadline
/// ([`Limits`]).
#[derive(Debug, Clone)]
pub struct RetryPolicy {
    pub max_retries: u32,
    pub initial: Duration,
    pub factor: f64,
    pub max_wait: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_retries: 4,
            initial: Duration::from_millis(250),
            factor: 2.0,
            max_wait: Duration::from_secs(30),
        }
    }
}

/// The statuses a later attempt may not get: rate limits and a proxy's or a busy server's
/// passing trouble. A 500 says the request itself failed: trying again repeats it.
pub(crate) fn retryable_status(status: u16) -> bool {
    matches!(status, 429 | 502 | 503 | 504)
}

impl RetryPolicy {
    pub fn wait(&self, attempt: u32, retry_after: Option<Duration>) -> Duration {
        let computed = self.initial.mul_f64(self.factor.powi(attempt as i32));
        retry_after.unwrap_or(computed).min(self.max_wait)
    }
}

/// A client-side limit on requests per second, shared by every request of a run (Opal
/// limits the whole organisation, so concurrency must not exceed it). Each request takes the
/// next free slot; slots are `1/rate` apart.
#[derive(Debug)]
pub struct RateLimiter {
    interval: Duration,
    next: tokio::sync::Mutex<tokio::time::Instant>,
}

impl RateLimiter {
    pub fn per_second(rate: f64) -> RateLimiter {
        RateLimiter {
            interval: Duration::from_secs_f64(1.0 / rate.max(0.001)),
            next: tokio::sync::Mutex::new(tokio::time::Instant::now()),
        }
    }

    /// Wait for this request's slot.
    pub async fn acquire(&self) {
        let slot = {
            let mut next = self.next.lock().await;
            let now = tokio::time::Instant::now();
            let slot = (*next).max(now);
            *next = slot + self.interval;
            slot
        };
        tokio::time::sleep_until(slot).await;
    }
}

pub(super) fn parse_retry_after(headers: &HeaderMap) -> Option<Duration> {
    let v = headers.get(RETRY_AFTER)?.to_str().ok()?.trim();
    if let Ok(secs) = v.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let when = humantime::parse_rfc3339_weak(v)
        .ok()
        .or_else(|| httpdate(v))?;
    when.duration_since(std::time::SystemTime::now()).ok()
}

fn httpdate(v: &str) -> Option<std::time::SystemTime> {
    let fmt = time::macros::format_description!(
        "[weekday repr:short], [day] [month repr:short] [year] [hour]:[minute]:[second] GMT"
    );
    let dt = time::PrimitiveDateTime::parse(v, &fmt).ok()?.assume_utc();
    Some(std::time::SystemTime::UNIX_EPOCH + Duration::from_secs(dt.unix_timestamp().max(0) as u64))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_caps() {
        let p = RetryPolicy::default();
        assert_eq!(
            p.wait(0, Some(Duration::from_secs(1))),
            Duration::from_secs(1)
        );
        assert_eq!(p.wait(0, Some(Duration::from_secs(999))), p.max_wait);
        assert_eq!(p.wait(2, None), Duration::from_secs(1));
    }
}
