//! What running listings have fetched so far, for whoever shows it (the progress indicator on
//! a terminal, `output::indicator`). The one pagination loop counts every page and its
//! sessions, and the HTTP client every request (lookups beyond the pages, such as Opal's
//! names, take most of some runs), into the [`Counts`] of the work they run inside
//! ([`counted`]); outside such work, counting does nothing.

use std::future::Future;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// Pages, sessions and requests fetched, and listings finished, by the work counted here.
#[derive(Debug, Default)]
pub(crate) struct Counts {
    pages: AtomicU64,
    sessions: AtomicU64,
    requests: AtomicU64,
    finished: AtomicU64,
}

impl Counts {
    pub(crate) fn requests(&self) -> u64 {
        self.requests.load(Ordering::Relaxed)
    }
    pub(crate) fn pages(&self) -> u64 {
        self.pages.load(Ordering::Relaxed)
    }
    pub(crate) fn sessions(&self) -> u64 {
        self.sessions.load(Ordering::Relaxed)
    }
    /// Listings ended (well or not): for many profiles at once, how many are done.
    pub(crate) fn finished(&self) -> u64 {
        self.finished.load(Ordering::Relaxed)
    }
}

tokio::task_local! {
    static COUNTING: Arc<Counts>;
}

/// Run `work`, counting what it fetches into `counts`. The count follows the work through
/// every future it polls (concurrent pages, profiles side by side), but not into tasks it
/// spawns.
pub(crate) async fn counted<F: Future>(counts: Arc<Counts>, work: F) -> F::Output {
    COUNTING.scope(counts, work).await
}

/// A page of `sessions` arrived (the pagination loop calls this).
pub(crate) fn page(sessions: usize) {
    let _ = COUNTING.try_with(|c| {
        c.pages.fetch_add(1, Ordering::Relaxed);
        c.sessions.fetch_add(sessions as u64, Ordering::Relaxed);
    });
}

/// An HTTP request was answered.
pub(crate) fn request() {
    let _ = COUNTING.try_with(|c| c.requests.fetch_add(1, Ordering::Relaxed));
}

/// A listing ended.
pub(crate) fn finished() {
    let _ = COUNTING.try_with(|c| c.finished.fetch_add(1, Ordering::Relaxed));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_only_inside_counted_work() {
        let rt = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        page(5); // outside: nowhere to count, and no harm
        let counts = Arc::new(Counts::default());
        rt.block_on(counted(counts.clone(), async {
            let a = async { page(3) };
            let b = async {
                page(4);
                request();
                finished();
            };
            tokio::join!(a, b);
        }));
        assert_eq!(
            (
                counts.pages(),
                counts.sessions(),
                counts.requests(),
                counts.finished()
            ),
            (2, 7, 1, 1)
        );
    }
}
