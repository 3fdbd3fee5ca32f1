//! The run's request log, `requests.log` beside its certificates (`--request-log`): one line
//! per HTTP request a vendor API answered, `BACKEND METHOD PATH MS ITEMS`: when it arrived
//! (milliseconds since the log opened) and, when its body is a JSON array, how many elements
//! it holds (`-` otherwise). So tests can count what a client asked of the appliance (the
//! exporter's shared probes), how big its batches were and how fast they came.

use std::path::Path;
use std::sync::{Arc, OnceLock};
use std::time::Instant;

use crate::error::Result;
use crate::run_log::RunLog;

/// A handle on the log, shared by every listener of a run; nothing is written unless opened.
#[derive(Clone, Default)]
pub struct Requests {
    log: RunLog,
    opened: Arc<OnceLock<Instant>>,
}

impl std::fmt::Debug for Requests {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Requests")
    }
}

impl Requests {
    /// Start the log in the run's directory.
    pub fn open(&self, dir: &Path) -> Result<()> {
        let _ = self.opened.set(Instant::now());
        self.log.open(dir, "requests.log")
    }

    pub(crate) fn record(&self, backend: &str, method: &hyper::Method, path: &str, body: &[u8]) {
        let Some(opened) = self.opened.get() else {
            return;
        };
        let ms = opened.elapsed().as_millis();
        // Counted without building the elements: a batch of 100 sessions is cheap to log.
        let items = match serde_json::from_slice::<Vec<serde::de::IgnoredAny>>(body) {
            Ok(a) => a.len().to_string(),
            _ => "-".to_string(),
        };
        self.log
            .line(format_args!("{backend} {method} {path} {ms} {items}"));
    }
}
