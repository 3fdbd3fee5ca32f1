//! `-o prometheus` of a listing, of `all` and of `--count-by`: the gauges of each profile's
//! outcome, and the failures.

use crate::error::{Error, Result};
use crate::fleet::{self, metrics};
use crate::output::Stdout;

/// Tally outcomes and write their exposition, then `more` (families of its own); the failures
/// go to stderr, and decide the exit.
pub(super) fn write(outcomes: &[fleet::Outcome], more: &str, out: &mut Stdout) -> Result<()> {
    let tallies: Vec<metrics::Tally> = outcomes
        .iter()
        .map(|o| {
            let mut t = metrics::Tally::default();
            t.add(o.backend, &o.records);
            t
        })
        .collect();
    let probes: Vec<metrics::Probe<'_>> = outcomes
        .iter()
        .zip(&tallies)
        .map(|(o, t)| metrics::Probe::of(o, t))
        .collect();
    out.lines(&metrics::exposition(&probes))?;
    out.lines(more)?;
    out.flush()?;
    // `sessions_up 0` says which failed: the textfile collector's file is complete.
    out.complete_despite_error();
    report_failures(outcomes)
}

/// The failed outcomes on stderr (when there are several profiles); the exit they make.
pub(super) fn report_failures(outcomes: &[fleet::Outcome]) -> Result<()> {
    let failures: Vec<(usize, Error)> = outcomes
        .iter()
        .enumerate()
        .filter_map(|(i, o)| o.error.clone().map(|e| (i, e)))
        .collect();
    if outcomes.len() > 1 {
        for (_, e) in &failures {
            crate::error::report(e);
        }
    }
    fleet::verdict(&failures, outcomes.len())
}
