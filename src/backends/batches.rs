//! How a close ends many sessions: in batches (the vendor's own batch call, or one request per
//! session with a few in flight), counting each finished batch for the progress bar, and
//! starting no batch once the user has asked to stop (Ctrl-C) or the server has failed in a
//! way that is no one session's. What was not tried is said, session by session.

use std::future::Future;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use futures_util::stream::{self, StreamExt};

use crate::error::{Error, Result};
use crate::record::Record;

/// Requests in flight at once where a vendor ends one session per request: few enough not to
/// crowd an appliance's API.
pub(crate) const IN_FLIGHT: usize = 8;

/// What became of one chosen session.
#[derive(Debug, Clone)]
pub enum Outcome {
    /// The vendor ended it.
    Ended,
    /// It had gone before its close arrived: the vendor said so as data (a not-found status
    /// or code, or the session is no longer listed). It counts as closed.
    Gone,
    /// The vendor did not end it, and why.
    Failed(Error),
    /// Not tried: the close stopped first (Ctrl-C, or a failure that was no one session's).
    NotTried,
}

/// How far a close has got, for the progress bar, and whether it is to stop.
pub struct Progress {
    done: Arc<AtomicU64>,
    stop: fn() -> bool,
}

impl Progress {
    /// `stop` says whether the user has asked to stop (read before each batch starts).
    pub(crate) fn new(stop: fn() -> bool) -> Progress {
        Progress {
            done: Arc::default(),
            stop,
        }
    }

    /// The count of sessions whose batch has finished, shared with whoever shows it.
    pub(crate) fn counter(&self) -> Arc<AtomicU64> {
        self.done.clone()
    }

    pub(crate) fn advance(&self, n: usize) {
        self.done.fetch_add(n as u64, Ordering::Relaxed);
    }

    pub(crate) fn stopping(&self) -> bool {
        (self.stop)()
    }
}

/// End `chosen` in batches of `size`, at most `in_flight` at once, each by `end`, which
/// returns one outcome per session of its batch. `end` fails (`Err`) only for what is no one
/// session's (the connection broke, the login was refused): then no further batch starts,
/// that batch's sessions fail with the error, and the rest are not tried. Outcomes come back
/// in `chosen`'s order.
pub(crate) async fn in_batches<'r, F, Fut>(
    chosen: &'r [Record],
    size: usize,
    in_flight: usize,
    progress: &Progress,
    end: F,
) -> Vec<Outcome>
where
    F: Fn(&'r [Record]) -> Fut,
    Fut: Future<Output = Result<Vec<Outcome>>>,
{
    let broken = std::cell::Cell::new(false);
    let mut outcomes = Vec::with_capacity(chosen.len());
    let mut batches = stream::iter(chosen.chunks(size.max(1)))
        .take_while(|_| std::future::ready(!broken.get() && !progress.stopping()))
        .map(|batch| {
            let done = end(batch);
            async move { (batch.len(), done.await) }
        })
        .buffered(in_flight.max(1));
    while let Some((n, done)) = batches.next().await {
        match done {
            Ok(mut each) => {
                // A vendor that answers for fewer sessions than were sent: the rest unknown.
                each.resize_with(n, || {
                    Outcome::Failed(Error::server("the server's answer did not cover it"))
                });
                outcomes.extend(each);
            }
            Err(e) => {
                broken.set(true);
                outcomes.extend(std::iter::repeat_n(Outcome::Failed(e), n));
            }
        }
        progress.advance(n);
    }
    outcomes.resize(chosen.len(), Outcome::NotTried);
    outcomes
}

/// One request per session's outcome: a vendor's answer about this session (it has an HTTP
/// status) is the session's; `not_found` (read from the status or code) means it had gone.
/// Anything else (no answer at all) is no one session's.
pub(crate) fn each(result: Result<()>, not_found: impl Fn(&Error) -> bool) -> Result<Outcome> {
    match result {
        Ok(()) => Ok(Outcome::Ended),
        Err(e) if not_found(&e) => Ok(Outcome::Gone),
        Err(e) if e.status().is_some() => Ok(Outcome::Failed(e)),
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicBool;

    static STOP: AtomicBool = AtomicBool::new(false);

    fn records(n: usize) -> Vec<Record> {
        (0..n)
            .map(|i| serde_json::json!({ "k": i }).as_object().unwrap().clone())
            .collect()
    }

    fn ended(o: &[Outcome]) -> usize {
        o.iter().filter(|o| matches!(o, Outcome::Ended)).count()
    }

    #[tokio::test]
    async fn batches_advance_and_a_broken_batch_stops_the_rest() {
        let chosen = records(10);
        let progress = Progress::new(|| false);
        let sizes = std::sync::Mutex::new(Vec::new());
        let out = in_batches(&chosen, 3, 1, &progress, |b| {
            sizes.lock().unwrap().push(b.len());
            let fail = b[0]["k"] == 6;
            async move {
                if fail {
                    Err(Error::network("cut"))
                } else {
                    Ok(vec![Outcome::Ended; b.len()])
                }
            }
        })
        .await;
        assert_eq!(out.len(), 10);
        assert_eq!(ended(&out), 6);
        assert!(matches!(out[6], Outcome::Failed(_)));
        assert!(matches!(out[9], Outcome::NotTried));
        assert_eq!(progress.counter().load(Ordering::Relaxed), 9);
        assert_eq!(*sizes.lock().unwrap(), [3, 3, 3]);
    }

    #[tokio::test]
    async fn a_stop_starts_no_further_batch() {
        let chosen = records(10);
        let progress = Progress::new(|| STOP.load(Ordering::Relaxed));
        let out = in_batches(&chosen, 4, 1, &progress, |b| {
            STOP.store(true, Ordering::Relaxed);
            async move { Ok(vec![Outcome::Ended; b.len()]) }
        })
        .await;
        assert_eq!(ended(&out), 4);
        assert!(out[4..].iter().all(|o| matches!(o, Outcome::NotTried)));
    }
}
