//! Many profiles at once, in the common record: `all` (concurrent, capped), `--watch` (the
//! same profiles again and again, one login each), `-o prometheus` and the exporter. Each
//! profile's sessions come from its backend's unfiltered listing (or a backend subcommand's
//! own), mapped through `Backend::common`. Nothing here writes to stdout: pages go to the
//! caller, which hands them to `output/`.

pub(crate) mod exporter;
pub(crate) mod metrics;
pub(crate) mod watch;

use std::time::{Duration, Instant};

use futures_util::stream::{self, StreamExt};
use serde_json::{json, Value};
use time::OffsetDateTime;

use crate::backends::settled::Settled;
use crate::backends::{self, Backend, Listing};
use crate::config::{Config, Overrides, Target};
use crate::error::{Error, ErrorKind, Result};
use crate::paginate::{Flow, Sink};
use crate::record::text::Text;
use crate::record::{common, Record};

/// One profile of the fleet: its backend, its target (secrets resolved once), and the
/// listing it runs.
pub(crate) struct Member {
    pub name: String,
    pub backend: &'static dyn Backend,
    pub listing: Box<dyn Listing>,
    /// `Err` when the profile could not even be resolved (a failing password_command): it is
    /// reported as that profile's failure on every run.
    pub target: Result<Target>,
    /// `--where`: only the sessions it selects are handed on.
    pub select: Option<crate::select::Selector>,
}

impl Member {
    /// The profile `name`, read when the config loaded (`settled`), with its backend's
    /// unfiltered listing.
    pub(crate) fn everything(
        config: &Config,
        settled: &Settled,
        name: &str,
        over: &Overrides,
        keep: bool,
    ) -> Member {
        Member::with(
            name,
            settled.backend,
            settled.options.everything(),
            config.target(name, over),
            keep,
        )
    }

    pub(crate) fn with(
        name: &str,
        backend: &'static dyn Backend,
        listing: Box<dyn Listing>,
        target: Result<Target>,
        keep: bool,
    ) -> Member {
        let target = target.map(|t| Target { repeats: keep, ..t });
        Member {
            name: name.to_string(),
            backend,
            listing,
            target,
            select: None,
        }
    }

    /// Fetch every session once, handing each page to `page` as common records. Within the
    /// target's deadline (a fresh one each run), or `deadline` when that is sooner.
    pub(crate) async fn fetch(
        &self,
        deadline: Option<Duration>,
        page: &mut dyn FnMut(Vec<Record>) -> Result<Flow>,
    ) -> Result<()> {
        self.fetch_logged(deadline, None, page).await
    }

    /// [`fetch`](Member::fetch), reporting to `log` instead of the target's own when given
    /// (the exporter's `debug=true`).
    async fn fetch_logged(
        &self,
        deadline: Option<Duration>,
        log: Option<crate::transport::Log>,
        page: &mut dyn FnMut(Vec<Record>) -> Result<Flow>,
    ) -> Result<()> {
        let mut target = match &self.target {
            Ok(t) => t.again(),
            Err(e) => return Err(e.clone()),
        };
        if let Some(log) = log {
            // A listing of its own (the exporter's debug=true): its own connections too, so
            // that what the TLS verifier says goes to this log.
            target.log = log;
            target.pool = Default::default();
        }
        let mut sink = CommonSink {
            backend: self.backend,
            profile: &self.name,
            select: self.select.as_ref(),
            page,
        };
        let work = target.within_deadline(self.listing.list(&target, &mut sink));
        let result = match deadline {
            Some(d) => tokio::time::timeout(d, work)
                .await
                .unwrap_or_else(|_| Err(timed_out(d))),
            None => work.await,
        };
        crate::progress::finished();
        result.map_err(|e| match e.kind() {
            ErrorKind::BrokenPipe => e,
            _ => e.context(target.label()),
        })
    }

    /// Fetch every session once into memory: the outcome of one probe or tick.
    pub(crate) async fn collect(&self, deadline: Option<Duration>) -> Outcome {
        self.collect_logged(deadline, None).await
    }

    /// [`collect`](Member::collect), reporting to `log` when given.
    pub(crate) async fn collect_logged(
        &self,
        deadline: Option<Duration>,
        log: Option<crate::transport::Log>,
    ) -> Outcome {
        let started = Instant::now();
        let mut records = Vec::new();
        let result = self
            .fetch_logged(deadline, log, &mut |page| {
                records.extend(page);
                Ok(Flow::Continue)
            })
            .await;
        Outcome {
            profile: self.name.clone(),
            backend: self.backend,
            records,
            error: result.err(),
            took: started.elapsed(),
        }
    }
}

/// Lift the soft limit on open files to the hard one. A repeated target keeps its connection
/// open between runs (`http::Pool`), so `--watch` and the exporter hold about one descriptor a
/// profile, and the usual soft limit of 1,024 is near for a thousand profiles.
pub(crate) fn allow_open_files() {
    let mut limit = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit and setrlimit read and write only the struct passed.
    unsafe {
        if libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) == 0 && limit.rlim_cur < limit.rlim_max
        {
            limit.rlim_cur = limit.rlim_max;
            libc::setrlimit(libc::RLIMIT_NOFILE, &limit);
        }
    }
}

fn timed_out(d: Duration) -> Error {
    Error::network(format!(
        "timed out after {:.1}s (the scrape's timeout)",
        d.as_secs_f64()
    ))
    .with_failure(crate::error::Failure::Timeout)
}

/// One profile's sessions, or why there are none.
pub(crate) struct Outcome {
    pub profile: String,
    pub backend: &'static dyn Backend,
    pub records: Vec<Record>,
    pub error: Option<Error>,
    pub took: Duration,
}

/// Hands a backend's pages on as common records.
struct CommonSink<'a> {
    backend: &'static dyn Backend,
    profile: &'a str,
    select: Option<&'a crate::select::Selector>,
    page: &'a mut dyn FnMut(Vec<Record>) -> Result<Flow>,
}

impl Sink for CommonSink<'_> {
    fn accepts_text(&self) -> bool {
        false
    }
    fn needed_columns(&self) -> Option<Vec<&'static str>> {
        None // `raw` carries the whole record
    }
    fn page(&mut self, records: Vec<Record>) -> Result<Flow> {
        let now = OffsetDateTime::now_utc();
        let own = self.backend.columns();
        let mapped = records
            .into_iter()
            .map(|r| {
                let c = self.backend.common(&r);
                common::to_record(self.backend.name(), self.profile, c, r, now)
            })
            .filter(|r| self.select.is_none_or(|s| s.matches_common(r, own)))
            .collect();
        (self.page)(mapped)
    }
    fn page_text(&mut self, records: Vec<Text>) -> Result<Flow> {
        let parsed = records
            .iter()
            .map(|t| serde_json::from_slice::<Record>(&t.joined()))
            .collect::<std::result::Result<Vec<_>, _>>()
            .map_err(|e| Error::server(format!("a session is not a JSON object: {e}")))?;
        self.page(parsed)
    }
}

/// Fetch every member, at most `concurrency` at once, handing pages to `page` as they arrive
/// (with the member's index), and saying when each member is done. Returns the failures, in
/// member order.
pub(crate) async fn fetch_all(
    members: &[Member],
    concurrency: usize,
    page: &dyn Fn(usize, Vec<Record>) -> Result<Flow>,
    done: &dyn Fn(usize),
) -> Vec<(usize, Error)> {
    let mut failures: Vec<(usize, Error)> = stream::iter(members.iter().enumerate())
        .map(|(i, m)| async move {
            let result = m.fetch(None, &mut |records| page(i, records)).await;
            done(i);
            result.err().map(|e| (i, e))
        })
        .buffer_unordered(concurrency.max(1))
        .filter_map(|f| async move { f })
        .collect()
        .await;
    failures.sort_by_key(|(i, _)| *i);
    failures
}

/// Collect every member once, at most `concurrency` at once, in member order.
pub(crate) async fn collect_all(members: &[Member], concurrency: usize) -> Vec<Outcome> {
    stream::iter(members.iter())
        .map(|m| m.collect(None))
        .buffered(concurrency.max(1))
        .collect()
        .await
}

/// The profiles `all` covers: each `-p` (in order), else every profile of the config;
/// with `--backend`, only those of the backends named.
pub(crate) fn choose(
    config: &Config,
    named: &[String],
    backends_wanted: &[String],
) -> Result<Vec<String>> {
    for b in backends_wanted {
        if backends::find(b).is_none() {
            let known: Vec<&str> = backends::ALL.iter().map(|b| b.name()).collect();
            return Err(Error::usage(format!(
                "--backend {b}: no such backend (have: {})",
                known.join(", ")
            )));
        }
    }
    let names = if named.is_empty() {
        config.profile_names()
    } else {
        for n in named {
            config.profile(n)?;
        }
        named.to_vec()
    };
    let names: Vec<String> = names
        .into_iter()
        .filter(|n| {
            backends_wanted.is_empty()
                || config
                    .profile(n)
                    .is_ok_and(|p| backends_wanted.contains(&p.backend))
        })
        .collect();
    if names.is_empty() {
        return Err(Error::usage(match backends_wanted.is_empty() {
            true => format!("no profiles in {}", config.path.display()),
            false => format!(
                "no profile of backend {} in {}",
                backends_wanted.join(", "),
                config.path.display()
            ),
        }));
    }
    Ok(names)
}

/// `{"profile": ..., "error": {"kind": ..., "message": ...}}`: a failed profile in JSON.
pub(crate) fn error_entry(profile: &str, e: &Error) -> Value {
    json!({ "profile": profile, "error": { "kind": e.kind().name(), "message": e.message() } })
}

/// The run's result from its failures: exit 6 when some failed, the first failure's kind
/// when every one did.
pub(crate) fn verdict(failures: &[(usize, Error)], total: usize) -> Result<()> {
    match failures.len() {
        0 => Ok(()),
        1 if total == 1 => Err(failures[0].1.clone()),
        n if n == total => Err(Error::new(
            failures[0].1.kind(),
            format!("every profile failed ({n})"),
        )),
        n => Err(Error::new(
            ErrorKind::Partial,
            format!("{n} of {total} profiles failed; the others printed"),
        )),
    }
}
