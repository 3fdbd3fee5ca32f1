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
    sink: Sink,
}

/// A sink, or a sink that is told whose line it is (the exporter's `debug=true` collects the
/// lines of one probe, whose requests run on other tasks and threads).
#[derive(Clone, Copy)]
enum Sink {
    Plain(fn(Line<'_>)),
    Tagged(fn(u64, Line<'_>), u64),
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
        Log {
            verbose,
            sink: Sink::Plain(sink),
        }
    }
    /// Every line, verbose ones included, to `sink` with `tag`.
    pub(crate) fn tagged(sink: fn(u64, Line<'_>), tag: u64) -> Log {
        Log {
            verbose: true,
            sink: Sink::Tagged(sink, tag),
        }
    }
    fn say(&self, line: Line<'_>) {
        match self.sink {
            Sink::Plain(sink) => sink(line),
            Sink::Tagged(sink, tag) => sink(tag, line),
        }
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
            self.say(Line::Verbose(args));
        }
    }
    pub fn warn(&self, message: &str) {
        self.say(Line::Warning(message));
    }
}

impl Default for Log {
    fn default() -> Log {
        Log::quiet()
    }
}
