//! The run's change log, `changes.ndjson` beside its certificates: one line for every session
//! that opened or closed while it served, by `--churn` or because a client closed it. Tests
//! compare what a client saw (`--watch`) or ended (`close`) with it.

use std::path::Path;

use crate::error::Result;
use crate::run_log::RunLog;

/// A handle on the log, shared by every vendor module of a run. Until the run's directory
/// is known (`open`), nothing is written.
#[derive(Clone, Default)]
pub struct Changes(RunLog);

impl std::fmt::Debug for Changes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Changes")
    }
}

impl Changes {
    /// Start the log in the run's directory.
    pub fn open(&self, dir: &Path) -> Result<()> {
        self.0.open(dir, "changes.ndjson")
    }

    /// `backend`'s session `key` (as the client's `key` column shows it) `event`ed
    /// (`opened` or `closed`), because of `by` (`churn` or `client`).
    pub fn record(&self, backend: &str, event: &str, key: &str, by: &str) {
        let line = serde_json::json!({
            "at": now_text(),
            "backend": backend,
            "event": event,
            "key": key,
            "by": by,
        });
        self.0.line(line);
    }
}

/// RFC 3339 in UTC with milliseconds, as `--watch` events carry it.
fn now_text() -> String {
    let t = time::OffsetDateTime::now_utc();
    let f = time::macros::format_description!(
        "[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:3]+00:00"
    );
    t.format(&f).unwrap_or_default()
}
