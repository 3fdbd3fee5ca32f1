//! A log file in the run's directory that every listener of a run appends lines to; until it
//! is opened (the run's directory is known, and the log is wanted), nothing is written.

use std::io::Write;
use std::path::Path;
use std::sync::{Arc, Mutex, OnceLock};

use crate::error::{Error, Result};

#[derive(Clone, Default)]
pub(crate) struct RunLog(Arc<OnceLock<Mutex<std::fs::File>>>);

impl RunLog {
    /// Start the log as `name` in the run's directory.
    pub(crate) fn open(&self, dir: &Path, name: &str) -> Result<()> {
        let path = dir.join(name);
        let file = std::fs::File::create(&path)
            .map_err(|e| Error::other(format!("simulator: {}: {e}", path.display())))?;
        let _ = self.0.set(Mutex::new(file));
        Ok(())
    }

    /// Append one line, once the log is open.
    pub(crate) fn line(&self, line: impl std::fmt::Display) {
        let Some(file) = self.0.get() else {
            return;
        };
        // One write a line: the lines of concurrent requests never mix.
        let text = format!("{line}\n");
        let mut f = file.lock().unwrap_or_else(|p| p.into_inner());
        let _ = f.write_all(text.as_bytes());
    }
}
