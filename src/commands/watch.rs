//! `--watch [INTERVAL]`: list the same profiles every INTERVAL, keeping one login per
//! profile. On a terminal, the table is redrawn in place, with new sessions marked `+`, ended
//! ones shown once marked `-`, and a status line; the frame fits the screen (rows that do not
//! fit are counted as `… N more`). Off a terminal, each change is one NDJSON event. Ctrl-C exits 130 (see `output::exit_on_interrupt`).

use std::collections::HashMap;
use std::time::Duration;

use serde_json::Value;
use time::OffsetDateTime;

use crate::error::{Error, Result};
use crate::fleet::watch::{event, Change, Tracker};
use crate::fleet::{self, Member};
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
    let redraw = out.is_terminal() && settings.render.format.is_none();
    if !redraw && !matches!(settings.render.format, None | Some(Format::Ndjson)) {
        return Err(Error::usage(
            "--watch draws a table on a terminal and prints NDJSON events otherwise; leave out -o (or say -o ndjson)",
        ));
    }
    let mut tracker = Tracker::default();
    let mut ended: Vec<Record> = Vec::new();
    let mut next = tokio::time::Instant::now();
    for tick in 0usize.. {
        let outcomes = fleet::collect_all(members, concurrency).await;
        let now = OffsetDateTime::now_utc();
        let changes = tracker.update(&outcomes);
        if redraw {
            draw(
                &outcomes,
                &changes,
                &mut ended,
                tick == 0,
                now,
                settings,
                out,
            )?;
        } else {
            let at = at_text(now);
            for (change, session) in &changes {
                out.line(&event(*change, &at, session).to_string())?;
            }
            for o in &outcomes {
                if let Some(e) = &o.error {
                    let mut line = fleet::error_entry(&o.profile, e);
                    line["event"] = Value::from("error");
                    line["at"] = Value::from(at.clone());
                    out.line(&line.to_string())?;
                }
            }
            out.flush()?;
        }
        next += interval;
        let now = tokio::time::Instant::now();
        if next < now {
            next = now; // a tick that took longer than the interval: start the next at once
        }
        tokio::time::sleep_until(next).await;
    }
    Ok(())
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
    outcomes: &[fleet::Outcome],
    changes: &[(Change, Record)],
    ended: &mut Vec<Record>,
    first: bool,
    now: OffsetDateTime,
    settings: &Settings,
    out: &mut Stdout,
) -> Result<()> {
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
