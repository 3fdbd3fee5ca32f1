//! The run's request log, `requests.log` beside its certificates (`--request-log`): one line
//! per HTTP request a vendor API answered, `BACKEND METHOD PATH MS ITEMS IN_FLIGHT`: when it
//! arrived (milliseconds since the log opened), when its body is a JSON array how many
//! elements it holds (`-` otherwise), and how many of that API's requests were being
//! answered then, itself included; and one per call over a WebSocket (JSON-RPC or DDP),
//! `BACKEND CALL METHOD MS - IN_FLIGHT`, counted among that API's calls. So tests can count what a client asked of the appliance
//! (the exporter's shared probes), how big its batches were, how fast they came and how many
//! it had in flight at once.

use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Instant;

use crate::error::Result;
use crate::run_log::RunLog;

/// A handle on the log, shared by every listener of a run; nothing is written unless opened.
#[derive(Clone, Default)]
pub struct Requests {
    log: RunLog,
    opened: Arc<OnceLock<Instant>>,
    /// Each API's requests being answered now.
    in_flight: Arc<Mutex<HashMap<&'static str, usize>>>,
}

/// A request being answered: it counts as in flight until dropped.
pub(crate) struct Answering {
    backend: &'static str,
    in_flight: Arc<Mutex<HashMap<&'static str, usize>>>,
}

impl Drop for Answering {
    fn drop(&mut self) {
        if let Some(n) = lock(&self.in_flight).get_mut(self.backend) {
            *n -= 1;
        }
    }
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

    /// Log a request as it arrives; it counts as in flight while the answer is held.
    pub(crate) fn record(
        &self,
        backend: &'static str,
        method: &hyper::Method,
        path: &str,
        body: &[u8],
    ) -> Answering {
        // Counted without building the elements: a batch of 100 sessions is cheap to log.
        let items = || match serde_json::from_slice::<Vec<serde::de::IgnoredAny>>(body) {
            Ok(a) => a.len().to_string(),
            _ => "-".to_string(),
        };
        self.arrived(backend, method.as_str(), path, items)
    }

    /// Log a call over a WebSocket as it starts (`BACKEND CALL METHOD MS - IN_FLIGHT`); it
    /// counts as in flight, among that API's calls, until dropped.
    pub(crate) fn call(&self, backend: &'static str, method: &str) -> Answering {
        self.arrived(backend, "CALL", method, || "-".to_string())
    }

    fn arrived(
        &self,
        backend: &'static str,
        verb: &str,
        path: &str,
        items: impl FnOnce() -> String,
    ) -> Answering {
        let now = {
            let mut counts = lock(&self.in_flight);
            let n = counts.entry(backend).or_default();
            *n += 1;
            *n
        };
        let answering = Answering {
            backend,
            in_flight: self.in_flight.clone(),
        };
        if let Some(opened) = self.opened.get() {
            let ms = opened.elapsed().as_millis();
            let items = items();
            self.log
                .line(format_args!("{backend} {verb} {path} {ms} {items} {now}"));
        }
        answering
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}
