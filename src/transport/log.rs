//! How transport code reports without printing: the caller passes a [`Log`] whose sink is
//! the output module's (or a test's).

use std::fmt;

/// A line transport code wants shown.
pub enum Line<'a> {
    /// A `-v` request log line. Callers pass no secrets; URLs go through `redact_url`.
    Verbose(fmt::Arguments<'a>),
    /// A warning the user should see on every run (e.g. `insecure`).
    Warning(&'a str),
}

/// Where transport code reports, and whether `-v` lines are wanted.
#[derive(Clone, Copy)]
pub struct Log {
    verbose: bool,
    sink: fn(Line<'_>),
}

impl fmt::Debug for Log {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Log")
            .field("verbose", &self.verbose)
            .finish()
    }
}

impl Log {
    pub fn new(verbose: bool, sink: fn(Line<'_>)) -> Log {
        Log { verbose, sink }
    }
    /// Drops everything (for library users and tests that want silence).
    pub fn quiet() -> Log {
        Log::new(false, |_| {})
    }
    pub fn is_verbose(&self) -> bool {
        self.verbose
    }
    pub fn verbose(&self, args: fmt::Arguments<'_>) {
        if self.verbose {
            (self.sink)(Line::Verbose(args));
        }
    }
    pub fn warn(&self, message: &str) {
        (self.sink)(Line::Warning(message));
    }
}

impl Default for Log {
    fn default() -> Log {
        Log::quiet()
    }
}
