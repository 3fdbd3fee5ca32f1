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
use crate::fleet::{self, Member};
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
    let exposition = settings.render.format == Some(Format::Prometheus);
    let count_by = &args.select.count_by;
    let streams = args.watch.watch.is_none() && !exposition && count_by.is_empty();
    if !streams {
        super::count::common_only(
            &args.projection,
            args.watch.watch.is_some(),
            !count_by.is_empty(),
        )?;
    }
    for name in &settings.profiles {
        env.named(name, settings)?;
    }
    let names = fleet::choose(&env.config, &settings.profiles, &args.backends)?;
    let keep = args.watch.watch.is_some();
    let mut members: Vec<Member> = env.members(&names, settings, keep)?;
    if let Some(selector) = crate::select::parse_all(&args.select.selectors)? {
        selector.check(&distinct_columns(members.iter().map(|m| m.backend)))?;
        for m in &mut members {
            if let Ok(target) = &m.target {
                let local = args.select.no_push_down;
                crate::backends::push_down(&mut *m.listing, &selector, local, &target.log);
            }
            m.select = Some(selector.clone());
        }
    }
    if !count_by.is_empty() {
        let columns: Vec<&[crate::record::Column]> =
            members.iter().map(|m| m.backend.columns()).collect();
        super::count::check(count_by, &columns, exposition)?;
        let outcomes = collected(&members, args.concurrency, settings, out).await;
        return super::count::write(&outcomes, count_by, settings, out);
    }
    if let Some(interval) = args.watch.watch {
        return super::watch::run(&members, interval, args.concurrency, settings, out).await;
    }
    match settings.render.format {
        Some(Format::Prometheus) => prometheus(&members, args.concurrency, settings, out).await,
        _ => stream(&members, args, settings, out).await,
    }
}

/// The column sets of these backends, each once (what `--where` may name).
pub(super) fn distinct_columns(
    backends: impl Iterator<Item = &'static dyn crate::backends::Backend>,
) -> Vec<&'static [crate::record::Column]> {
    let mut columns: Vec<&[crate::record::Column]> = Vec::new();
    for b in backends {
        if !columns.iter().any(|c| std::ptr::eq(*c, b.columns())) {
            columns.push(b.columns());
        }
    }
    columns
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
    let outcomes = collected(members, concurrency, settings, out).await;
    super::exposition::write(&outcomes, "", out)
}

/// Every member's sessions, in memory, with the progress indicator on a terminal.
async fn collected(
    members: &[Member],
    concurrency: usize,
    settings: &Settings,
    out: &Stdout,
) -> Vec<fleet::Outcome> {
    let show = indicator::wanted(settings.quiet, true, out.is_terminal());
    let (counts, mut indicator) = progress_of(show, members);
    let outcomes = progress::counted(counts, fleet::collect_all(members, concurrency)).await;
    indicator.stop();
    outcomes
}

/// The counts of a run over `members`, and the indicator that shows them.
fn progress_of(show: bool, members: &[Member]) -> (Arc<Counts>, Indicator) {
    let counts = Arc::new(Counts::default());
    let shown = Indicator::start(show, Subject::Profiles(members.len()), counts.clone());
    (counts, shown)
}
