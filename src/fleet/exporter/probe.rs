//! One probe target (a profile): its secrets resolved on its first probe, its login kept
//! between probes, and one listing at a time that every concurrent probe of it shares.

use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use futures_util::future::{FutureExt, LocalBoxFuture, Shared};

use super::own::{Counters, Ended};
use crate::backends::settled::Settled;
use crate::config::{Config, Overrides};
use crate::error::{Error, Result};
use crate::fleet::metrics::{self, Tally};
use crate::fleet::{Member, Outcome};

/// Probes of one target that may wait for its listing at once; more are answered 503.
pub(super) const MAX_WAITING: usize = 256;

/// What a listing came to, rendered once for every probe that shared it.
#[derive(Debug)]
pub(super) struct Fetched {
    /// The session gauges (`sessions_*`), without the probe's own series.
    pub gauges: String,
    /// Why it failed (one line, no secret), or `None`.
    pub error: Option<String>,
}

type Flight = Shared<LocalBoxFuture<'static, Rc<Fetched>>>;

/// What the exporter probes: the config, and each profile as its backend read it.
pub(crate) struct Catalog {
    pub config: Config,
    pub profiles: indexmap::IndexMap<String, Settled>,
    pub over: Overrides,
}

/// Each profile of `catalog` as a target, none of them probed yet.
pub(super) fn targets(catalog: Catalog) -> HashMap<String, Rc<Target>> {
    let config = Arc::new(catalog.config);
    catalog
        .profiles
        .into_iter()
        .map(|(name, settled)| {
            let target = Target::new(name.clone(), settled, config.clone(), catalog.over.clone());
            (name, Rc::new(target))
        })
        .collect()
}

/// A profile the exporter can probe.
pub(super) struct Target {
    pub name: String,
    settled: Settled,
    config: Arc<Config>,
    over: Overrides,
    /// Built on the first probe whose secrets resolved; until then each probe tries again.
    member: RefCell<Option<Rc<Member>>>,
    flight: RefCell<Option<Flight>>,
    waiting: Cell<usize>,
    /// Held by a listing: the shared one and a `debug=true` one take turns on the one login.
    turn: tokio::sync::Mutex<()>,
}

impl Target {
    pub(super) fn new(
        name: String,
        settled: Settled,
        config: Arc<Config>,
        over: Overrides,
    ) -> Self {
        Target {
            name,
            settled,
            config,
            over,
            member: RefCell::new(None),
            flight: RefCell::new(None),
            waiting: Cell::new(0),
            turn: tokio::sync::Mutex::new(()),
        }
    }

    /// Probe within `timeout`: join the listing under way, or start one. `None` when too many
    /// probes of this target are waiting already.
    pub(super) async fn probe(
        self: &Rc<Self>,
        timeout: Duration,
        counters: &Rc<Counters>,
    ) -> Option<Rc<Fetched>> {
        if self.waiting.get() >= MAX_WAITING {
            counters.ended(Ended::Busy);
            return None;
        }
        let _waiting = Waiting::new(self);
        let flight = self.flight(timeout, counters);
        match tokio::time::timeout(timeout, flight).await {
            Ok(fetched) => Some(fetched),
            Err(_) => Some(Rc::new(self.failed(timed_out(timeout), timeout))),
        }
    }

    /// The listing under way, or a new one on a task of its own: a scraper that hangs up does
    /// not cut a listing short (a login half done, a socket half read).
    fn flight(self: &Rc<Self>, timeout: Duration, counters: &Rc<Counters>) -> Flight {
        if let Some(f) = self.flight.borrow().as_ref() {
            return f.clone();
        }
        let me = self.clone();
        let counters = counters.clone();
        let task = tokio::task::spawn_local(async move {
            super::own::bump(&counters.fetches);
            let fetched = Rc::new(me.fetch(timeout).await);
            *me.flight.borrow_mut() = None;
            fetched
        });
        let flight = async move {
            task.await.unwrap_or_else(|e| {
                Rc::new(Fetched {
                    gauges: String::new(),
                    error: Some(format!("the listing stopped: {e}")),
                })
            })
        }
        .boxed_local()
        .shared();
        *self.flight.borrow_mut() = Some(flight.clone());
        flight
    }

    async fn fetch(&self, timeout: Duration) -> Fetched {
        self.fetch_logged(timeout, None).await
    }

    /// A listing of its own, not shared, with its log lines (`debug=true`): verbose, and
    /// written as the `-v` lines are, which carry no secret.
    pub(super) async fn debug(&self, timeout: Duration) -> (Fetched, Vec<String>) {
        let tag = NEXT.fetch_add(1, Ordering::Relaxed);
        lines().insert(tag, Vec::new());
        let fetched = self
            .fetch_logged(timeout, Some(crate::transport::Log::tagged(capture, tag)))
            .await;
        (fetched, lines().remove(&tag).unwrap_or_default())
    }

    async fn fetch_logged(&self, timeout: Duration, log: Option<crate::transport::Log>) -> Fetched {
        let started = Instant::now();
        let turn = match tokio::time::timeout(timeout, self.turn.lock()).await {
            Ok(turn) => turn,
            Err(_) => return self.failed(timed_out(timeout), started.elapsed()),
        };
        let fetched = match self.member(timeout).await {
            Ok(member) => {
                let left = timeout.saturating_sub(started.elapsed());
                rendered(member.collect_logged(Some(left), log).await)
            }
            Err(e) => self.failed(e, started.elapsed()),
        };
        drop(turn);
        fetched
    }

    /// A probe that failed before (or without) a listing: `sessions_up 0`, and why.
    fn failed(&self, e: Error, took: Duration) -> Fetched {
        rendered(Outcome {
            profile: self.name.clone(),
            backend: self.settled.backend,
            records: Vec::new(),
            error: Some(e),
            took,
        })
    }

    /// The profile's member, its secrets' helpers run now (off this thread, so that other
    /// profiles' probes go on) if no probe has resolved them yet.
    async fn member(&self, timeout: Duration) -> Result<Rc<Member>> {
        if let Some(m) = self.member.borrow().as_ref() {
            return Ok(m.clone());
        }
        let (config, name, over) = (self.config.clone(), self.name.clone(), self.over.clone());
        let resolving = tokio::task::spawn_blocking(move || config.target(&name, &over));
        let target = match tokio::time::timeout(timeout, resolving).await {
            Ok(Ok(target)) => target?,
            Ok(Err(e)) => return Err(Error::usage(format!("the secret helper stopped: {e}"))),
            Err(_) => {
                return Err(Error::network(format!(
                    "timed out after {:.1}s waiting for the profile's secret helper",
                    timeout.as_secs_f64()
                )))
            }
        };
        let member = Rc::new(Member::with(
            &self.name,
            self.settled.backend,
            self.settled.options.everything(),
            Ok(target),
            true,
        ));
        *self.member.borrow_mut() = Some(member.clone());
        Ok(member)
    }
}

/// The log lines of each `debug=true` listing under way, by tag. Its requests run on other
/// tasks and threads, hence a lock.
static LINES: Mutex<BTreeMap<u64, Vec<String>>> = Mutex::new(BTreeMap::new());
static NEXT: AtomicU64 = AtomicU64::new(0);

fn lines() -> std::sync::MutexGuard<'static, BTreeMap<u64, Vec<String>>> {
    LINES.lock().unwrap_or_else(|p| p.into_inner())
}

fn capture(tag: u64, line: crate::transport::Line<'_>) {
    let text = match line {
        crate::transport::Line::Verbose(args) => args.to_string(),
        crate::transport::Line::Warning(message) => format!("warning: {message}"),
    };
    if let Some(l) = lines().get_mut(&tag) {
        l.push(crate::escape::controls(&text).into_owned());
    }
}

fn timed_out(timeout: Duration) -> Error {
    Error::network(format!(
        "timed out after {:.1}s (the scrape's timeout)",
        timeout.as_secs_f64()
    ))
}

fn rendered(outcome: Outcome) -> Fetched {
    let mut tally = Tally::default();
    tally.add(outcome.backend, &outcome.records);
    Fetched {
        gauges: metrics::exposition(&[metrics::Probe::of(&outcome, &tally)]),
        error: outcome.error.map(|e| e.message().to_string()),
    }
}

/// Counts a probe waiting on its target while it lives.
struct Waiting<'a>(&'a Target);

impl<'a> Waiting<'a> {
    fn new(t: &'a Target) -> Self {
        t.waiting.set(t.waiting.get() + 1);
        Waiting(t)
    }
}

impl Drop for Waiting<'_> {
    fn drop(&mut self) {
        self.0.waiting.set(self.0.waiting.get() - 1);
    }
}
