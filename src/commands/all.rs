//! `sessions all`: every profile (each -p, or those of `--backend`) at once, at most
//! `--concurrency` at a time, in one table or stream of the common record. Pages go down one
//! channel to the one writer as they arrive, so a slow profile holds back no other and lines
//! never interleave. A failed profile is an entry in `errors` (JSON), a line on stderr (never
//! on stdout beside the table), and exit 6; never an empty result.

use std::sync::Arc;

use serde_json::Value;

use super::env::Env;
use crate::args::AllArgs;
use crate::error::{Error, ErrorKind, Result};
use crate::fleet::{self, metrics, Member};
use crate::output::indicator::{self, Indicator, Subject};
use crate::output::{AllOutput, Format, Stdout};
use crate::paginate::Flow;
use crate::progress::{self, Counts};
use crate::record::text::Text;
use crate::record::{common, Record};
use crate::settings::Settings;

pub(super) async fn run(
    env: &Env,
    settings: &Settings,
    args: &AllArgs,
    out: &mut Stdout,
) -> Result<()> {
    let streams = args.watch.watch.is_none() && settings.render.format != Some(Format::Prometheus);
    if !args.projection.is_empty() && !streams {
        return Err(Error::usage(
            "--watch and -o prometheus show the common record: name columns with --columns",
        ));
    }
    for name in &settings.profiles {
        env.named(name, settings)?;
    }
    let names = fleet::choose(&env.config, &settings.profiles, &args.backends)?;
    let keep = args.watch.watch.is_some();
    let members: Vec<Member> = env.members(&names, settings, keep)?;
    if let Some(interval) = args.watch.watch {
        return super::watch::run(&members, interval, args.concurrency, settings, out).await;
    }
    match settings.render.format {
        Some(Format::Prometheus) => prometheus(&members, args.concurrency, settings, out).await,
        _ => stream(&members, args, settings, out).await,
    }
}

/// Every profile's sessions as the pages arrive, then the failures.
async fn stream(
    members: &[Member],
    args: &AllArgs,
    settings: &Settings,
    out: &mut Stdout,
) -> Result<()> {
    let concurrency = args.concurrency;
    let opts = settings.render_options(common::COLUMNS, &args.projection, out.is_terminal())?;
    let to_terminal = out.is_terminal();
    let mut document = AllOutput::begin(opts, out)?;
    let show = indicator::wanted(settings.quiet, document.holds_rows(), to_terminal);
    let (counts, mut indicator) = progress_of(show, members);
    // A page of member i, or `None`: member i is done.
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<(usize, Option<Vec<Record>>)>();
    let producer = async move {
        let page = |i: usize, records: Vec<Record>| match tx.send((i, Some(records))) {
            Ok(()) => Ok(Flow::Continue),
            Err(_) => Ok(Flow::Stop), // the writer stopped: --limit reached, or a closed pipe
        };
        let done = |i: usize| {
            let _ = tx.send((i, None));
        };
        progress::counted(counts, fleet::fetch_all(members, concurrency, &page, &done)).await
    };
    let writer = async move {
        let mut order = InOrder::default();
        let compact = document.accepts_text();
        'pages: while let Some((i, page)) = rx.recv().await {
            let page = match page {
                Some(records) if compact && i != order.next => Some(Held::text(&records)?),
                Some(records) => Some(Held::Records(records)),
                None => None,
            };
            for held in order.arrived(i, page) {
                let flow = match held {
                    Held::Records(records) => document.page(records)?,
                    Held::Text(texts) => document.page_text(texts)?,
                };
                if flow == Flow::Stop {
                    break 'pages;
                }
            }
        }
        indicator.stop();
        document.finish()
    };
    let (failures, written) = tokio::join!(producer, writer);
    let tail = written?;
    if let Some((_, e)) = failures
        .iter()
        .find(|(_, e)| e.kind() == ErrorKind::BrokenPipe)
    {
        return Err(e.clone());
    }
    let entries: Vec<Value> = failures
        .iter()
        .map(|(i, e)| fleet::error_entry(&members[*i].name, e))
        .collect();
    // The document says which profiles failed where it can: an --output-file then takes it.
    tail.write(entries)?;
    if members.len() > 1 {
        for (_, e) in &failures {
            crate::error::report(e);
        }
    }
    fleet::verdict(&failures, members.len())
}

/// A page on its way to the document. A page that must wait for the members before it is
/// kept as the JSON text it will be written as, when the format takes text: a few times
/// smaller than its records, and with `--concurrency 256` hundreds of members' pages may
/// wait behind a slow one (docs/performance.md, "The fleet at scale").
enum Held {
    Records(Vec<Record>),
    Text(Vec<Text>),
}

impl Held {
    fn text(records: &[Record]) -> Result<Held> {
        let texts = records
            .iter()
            .map(|r| serde_json::to_string(r).map(Text::owned))
            .collect::<std::result::Result<Vec<_>, _>>()
            .map_err(|e| Error::other(format!("cannot encode JSON: {e}")))?;
        Ok(Held::Text(texts))
    }
}

/// Pages put back in member (config) order: member i's pages pass once every member before
/// it is done; the rest wait. The first member streams as it arrives.
struct InOrder<P> {
    next: usize,
    waiting: std::collections::BTreeMap<usize, (Vec<P>, bool)>,
}

impl<P> Default for InOrder<P> {
    fn default() -> Self {
        InOrder {
            next: 0,
            waiting: Default::default(),
        }
    }
}

impl<P> InOrder<P> {
    /// A page of member `i` (`None`: member `i` is done). Returns the pages that may be
    /// written now, in order.
    fn arrived(&mut self, i: usize, page: Option<P>) -> Vec<P> {
        let entry = self.waiting.entry(i).or_default();
        match page {
            Some(records) => entry.0.push(records),
            None => entry.1 = true,
        }
        let mut ready = Vec::new();
        while let Some((pages, done)) = self.waiting.get_mut(&self.next) {
            ready.append(pages);
            if !*done {
                break;
            }
            self.waiting.remove(&self.next);
            self.next += 1;
        }
        ready
    }
}

/// `-o prometheus`: the gauges of every profile (`sessions_up 0` for a failed one).
async fn prometheus(
    members: &[Member],
    concurrency: usize,
    settings: &Settings,
    out: &mut Stdout,
) -> Result<()> {
    let show = indicator::wanted(settings.quiet, true, out.is_terminal());
    let (counts, mut indicator) = progress_of(show, members);
    let outcomes = progress::counted(counts, fleet::collect_all(members, concurrency)).await;
    indicator.stop();
    write_exposition(&outcomes, out)
}

/// The counts of a run over `members`, and the indicator that shows them.
fn progress_of(show: bool, members: &[Member]) -> (Arc<Counts>, Indicator) {
    let counts = Arc::new(Counts::default());
    let shown = Indicator::start(show, Subject::Profiles(members.len()), counts.clone());
    (counts, shown)
}

/// Tally outcomes and write their exposition; the failures go to stderr, and decide the exit.
pub(super) fn write_exposition(outcomes: &[fleet::Outcome], out: &mut Stdout) -> Result<()> {
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
    out.flush()?;
    // `sessions_up 0` says which failed: the textfile collector's file is complete.
    out.complete_despite_error();
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
