//! The run's request log, `requests.log` beside its certificates (`--request-log`): one line
//! per HTTP request a vendor API answered, `BACKEND METHOD PATH`, so that tests can count
//! what a client asked of the appliance (the exporter's shared probes).

use std::path::Path;

use crate::error::Result;
use crate::run_log::RunLog;

/// A handle on the log, shared by every listener of a run; nothing is written unless opened.
#[derive(Clone, Default)]
pub struct Requests(RunLog);

impl std::fmt::Debug for Requests {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Requests")
    }
}

impl Requests {
    /// Start the log in the run's directory.
    pub fn open(&self, dir: &Path) -> Result<()> {
        self.0.open(dir, "requests.log")
    }

    pub(crate) fn record(&self, backend: &str, method: &hyper::Method, path: &str) {
        self.0.line(format_args!("{backend} {method} {path}"));
    }
}
