//! `--watch [INTERVAL]`: list the same profiles every INTERVAL, keeping one login per
//! profile. Each profile ticks on its own: a slow one shows its last good sessions, with
//! their age on the status line, and never delays the others. On a terminal, the table is redrawn in place, with new sessions marked `+`, ended
//! ones shown once marked `-`, and a status line; the frame fits the screen (rows that do not
//! fit are counted as `… N more`). Off a terminal, each change is one NDJSON event. Ctrl-C exits 130 (see `output::exit_on_interrupt`).

use std::collections::HashMap;
use std::time::Duration;

use serde_json::Value;
use time::OffsetDateTime;
use tokio::sync::{mpsc, Semaphore};
use tokio::time::Instant;

use crate::error::{Error, Result};
use crate::fleet::watch::{event, Change, Tracker};
use crate::fleet::{self, Member, Outcome};
use crate::output::{self, Format, Renderer, Stdout};
use crate::record::{common, iso_utc, Record};
use crate::settings::Settings;

pub(super) async fn run(
    members: &[Member],
    interval: Duration,
    concurrency: usize,
    settings: &Settings,
    out: &mut Stdout,
) -> Result<()> {
    if settings.output_file.is_some() {
        return Err(Error::usage(
            "--watch never ends, so it cannot replace an --output-file; redirect stdout instead",
        ));
    }
    crate::fleet::allow_open_files();
    let redraw = out.is_terminal() && settings.render.format.is_none();
    if !redraw && !matches!(settings.render.format, None | Some(Format::Ndjson)) {
        return Err(Error::usage(
            "--watch draws a table on a terminal and prints NDJSON events otherwise; leave out -o (or say -o ndjson)",
        ));
    }
    // Each profile on its own schedule: a slow one never holds the others' ticks.
    let (tx, rx) = mpsc::unbounded_channel();
    let slots = Semaphore::new(concurrency.max(1));
    let ticks = members
        .iter()
        .enumerate()
        .map(|(i, m)| member_ticks(i, m, interval, &slots, tx.clone()));
    let ticks = futures_util::future::join_all(ticks);
    drop(tx);
    let mut view = View::new(members, interval);
    tokio::select! {
        _ = ticks => Ok(()),
        shown = view.show(rx, redraw, settings, out) => shown,
    }
}

/// One profile's ticks: list it, hand the outcome on, and again INTERVAL after the last
/// start (at once when a listing took longer), at most `slots` profiles listing at once.
async fn member_ticks(
    i: usize,
    member: &Member,
    interval: Duration,
    slots: &Semaphore,
    tx: mpsc::UnboundedSender<(usize, Outcome)>,
) {
    let mut next = Instant::now();
    loop {
        let outcome = {
            let _slot = slots.acquire().await;
            member.collect(None).await
        };
        if tx.send((i, outcome)).is_err() {
            return;
        }
        next += interval;
        next = next.max(Instant::now());
        tokio::time::sleep_until(next).await;
    }
}

/// What the watch shows: each profile's last outcome (a failed one keeps the sessions of its
/// last good one), when it last answered, and the changes since the last frame.
struct View {
    interval: Duration,
    /// Each profile's last good sessions, and its last error (until it succeeds again).
    shown: Vec<Outcome>,
    /// When each profile last answered, and when it last succeeded.
    answered: Vec<Option<Instant>>,
    good_at: Vec<Option<Instant>>,
    started: Instant,
    tracker: Tracker,
    changes: Vec<(Change, Record)>,
    ended: Vec<Record>,
    drawn: bool,
}

impl View {
    fn new(members: &[Member], interval: Duration) -> View {
        let shown = members
            .iter()
            .map(|m| Outcome {
                profile: m.name.clone(),
                backend: m.backend,
                records: Vec::new(),
                error: None,
                took: Duration::ZERO,
            })
            .collect();
        View {
            interval,
            shown,
            answered: vec![None; members.len()],
            good_at: vec![None; members.len()],
            started: Instant::now(),
            tracker: Tracker::default(),
            changes: Vec::new(),
            ended: Vec::new(),
            drawn: false,
        }
    }

    /// Take the outcomes as they come; on a terminal, draw a frame every interval (the first
    /// once every profile answered, or at the first interval), else print the events.
    async fn show(
        &mut self,
        mut rx: mpsc::UnboundedReceiver<(usize, Outcome)>,
        redraw: bool,
        settings: &Settings,
        out: &mut Stdout,
    ) -> Result<()> {
        let mut frames = tokio::time::interval_at(Instant::now() + self.interval, self.interval);
        frames.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tokio::select! {
                got = rx.recv() => {
                    let Some((i, outcome)) = got else { return Ok(()) };
                    self.take(i, outcome, redraw, out)?;
                    if redraw && !self.drawn && self.answered.iter().all(Option::is_some) {
                        self.draw(settings, out)?;
                        frames.reset();
                    }
                }
                _ = frames.tick(), if redraw => self.draw(settings, out)?,
            }
        }
    }

    /// One profile's outcome: its changes (printed at once off a terminal).
    fn take(&mut self, i: usize, outcome: Outcome, redraw: bool, out: &mut Stdout) -> Result<()> {
        let first = self.good_at[i].is_none();
        let changes = self.tracker.update(std::slice::from_ref(&outcome));
        let now = Instant::now();
        self.answered[i] = Some(now);
        if redraw {
            // A profile's first sessions are not news: they are what the watch begins with.
            let news = changes
                .into_iter()
                .filter(|(c, _)| !(first && *c == Change::Opened));
            self.changes.extend(news);
        } else {
            let at = at_text(OffsetDateTime::now_utc());
            for (change, session) in &changes {
                out.json(&format!("{}\n", event(*change, &at, session)))?;
            }
            if let Some(e) = &outcome.error {
                let mut line = fleet::error_entry(&outcome.profile, e);
                line["event"] = Value::from("error");
                line["at"] = Value::from(at);
                out.json(&format!("{line}\n"))?;
            }
            out.flush()?;
        }
        let shown = &mut self.shown[i];
        match outcome.error {
            Some(e) => shown.error = Some(e),
            None => {
                self.good_at[i] = Some(now);
                *shown = outcome;
            }
        }
        Ok(())
    }

    /// The profiles that have not answered for two intervals (at least a second): each with
    /// the age of the sessions shown for it.
    fn lagging(&self) -> Vec<String> {
        let now = Instant::now();
        let late = (2 * self.interval).max(Duration::from_secs(1));
        (0..self.shown.len())
            .filter(|&i| now - self.answered[i].unwrap_or(self.started) > late)
            .map(|i| {
                let profile = &self.shown[i].profile;
                match self.good_at[i] {
                    Some(at) => format!("{profile} (as of {}s ago)", (now - at).as_secs()),
                    None => format!("{profile} (no answer yet)"),
                }
            })
            .collect()
    }

    fn draw(&mut self, settings: &Settings, out: &mut Stdout) -> Result<()> {
        let frame = Frame {
            outcomes: &self.shown,
            changes: &self.changes,
            first: !self.drawn,
            now: OffsetDateTime::now_utc(),
            lagging: self.lagging(),
        };
        draw(&frame, &mut self.ended, settings, out)?;
        self.changes.clear();
        self.drawn = true;
        Ok(())
    }
}

/// What one frame shows.
struct Frame<'a> {
    outcomes: &'a [Outcome],
    changes: &'a [(Change, Record)],
    first: bool,
    now: OffsetDateTime,
    /// Profiles that are slow to answer, each with the age of what is shown of it.
    lagging: Vec<String>,
}

fn count(outcomes: &[fleet::Outcome]) -> usize {
    outcomes.iter().map(|o| o.records.len()).sum()
}

/// RFC 3339 in UTC with milliseconds: events of one tick share it.
fn at_text(now: OffsetDateTime) -> String {
    let base = iso_utc(now);
    format!("{}.{:03}{}", &base[..19], now.millisecond(), &base[19..])
}

/// `14:03:07 UTC`: the time on the status line.
fn clock(t: OffsetDateTime) -> String {
    let t = t.to_offset(time::UtcOffset::UTC);
    format!("{:02}:{:02}:{:02} UTC", t.hour(), t.minute(), t.second())
}

/// Redraw the screen: the status line, then the table (new sessions `+`, ended ones `-`).
fn draw(
    frame: &Frame<'_>,
    ended: &mut Vec<Record>,
    settings: &Settings,
    out: &mut Stdout,
) -> Result<()> {
    let Frame {
        outcomes,
        changes,
        first,
        now,
        ..
    } = *frame;
    let mark: HashMap<(&str, &str), &str> = changes
        .iter()
        .filter(|(c, _)| *c == Change::Opened && !first)
        .filter_map(|(_, r)| Some((r.get("profile")?.as_str()?, r.get("key")?.as_str()?)))
        .map(|k| (k, "+"))
        .collect();
    let mut rows: Vec<Record> = Vec::new();
    for o in outcomes {
        for r in &o.records {
            let mut r = r.clone();
            let k = (
                o.profile.as_str(),
                r.get("key").and_then(Value::as_str).unwrap_or(""),
            );
            if let Some(m) = mark.get(&k) {
                r.insert("change".into(), Value::from(*m));
            }
            rows.push(r);
        }
    }
    // Ended sessions stay on screen for one tick.
    *ended = changes
        .iter()
        .filter(|(c, _)| *c == Change::Closed)
        .map(|(_, r)| {
            let mut r = r.clone();
            r.insert("change".into(), Value::from("-"));
            r
        })
        .collect();
    rows.extend(ended.iter().cloned());
    let failed: Vec<String> = outcomes
        .iter()
        .filter_map(|o| {
            o.error
                .as_ref()
                .map(|e| format!("{}: {}", o.profile, e.message()))
        })
        .collect();
    let opened = changes.iter().filter(|(c, _)| *c == Change::Opened).count();
    let status = format!(
        "{} · {} session{} in {} profile{} · {} new, {} ended · {}",
        clock(now),
        count(outcomes),
        if count(outcomes) == 1 { "" } else { "s" },
        outcomes.len(),
        if outcomes.len() == 1 { "" } else { "s" },
        if first { 0 } else { opened },
        ended.len(),
        match failed.len() {
            0 => "no errors".to_string(),
            _ => format!("failed: {}", failed.join("; ")),
        }
    );
    let status = match frame.lagging.len() {
        0 => status,
        _ => format!("{status} · slow: {}", frame.lagging.join(", ")),
    };
    let mut opts = settings.render_options(common::COLUMNS, &[], true)?;
    if settings.render.columns.is_empty() {
        opts.columns.insert(0, &common::CHANGE);
    }
    // As `top` does: the status line, then the table in what is left of the screen, less the
    // last line, where the cursor rests (a newline there would scroll the status line away).
    opts.height = output::screen_height(true).map(|h| h.saturating_sub(2).max(1));
    let status = crate::escape::controls(&status);
    output::redraw_begin(out)?;
    out.line(&match opts.width {
        Some(width) => output::cut(&status, width),
        None => status.into_owned(),
    })?;
    let mut render = Renderer::new(opts, out);
    render.page(rows)?;
    render.finish()
}
