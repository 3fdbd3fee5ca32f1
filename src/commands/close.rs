//! The one close driver: select what the backend's selectors match, preview it (the count and
//! a sample), ask (the count typed back above 100), end it in batches with a progress bar,
//! and say what became of it. How each vendor selects and ends is in its folder. The exit code
//! is the worst result's: a key that names no session is exit 5; Ctrl-C, once the batches in
//! flight are done, is exit 130.

use crate::backends::{no_such_session, Backend, Closing, Ended, Outcome, Progress};
use crate::config::Target;
use crate::error::{Error, ErrorKind, Result};
use crate::output::indicator::{self, Bar};
use crate::output::{self, RecordFormat, RenderOptions, Renderer, Stdout};
use crate::record::{Column, Record};
use crate::select;
use crate::settings::Settings;

/// A table shows at most this many sessions of a bigger close (the other formats show every
/// one: they are for programs); and a close of this many or fewer says what became of each.
const SAMPLE: usize = 10;

pub(super) async fn run(
    target: &Target,
    backend: &'static dyn Backend,
    mut closing: Box<dyn Closing>,
    settings: &Settings,
    out: &mut Stdout,
) -> Result<()> {
    let columns = backend.columns();
    let label = target.label();
    let mut opts = settings.render_options(columns, &[], out.is_terminal())?;
    // --sort and --limit choose what is closed; what is shown is exactly that, in that order.
    let (order, limit) = (opts.sort.take(), opts.limit.take());
    let sample = samples(&opts);
    let render = Renderer::new(opts, out);
    let flags = closing.confirm();
    let selector = select::parse_all(&flags.selectors)?;
    if let Some(s) = &selector {
        s.check(&[columns])?;
        crate::backends::pushed(s, flags.no_push_down, &target.log, |s| closing.push_down(s));
    }
    let profile = &target.profile;
    let pick = selector
        .as_ref()
        .map(|s| move |r: &Record| backend.selects(s, profile, r));
    let pick = pick.as_ref().map(|p| p as &dyn Fn(&Record) -> bool);
    let mut selection = target
        .within_deadline(closing.select(target, render.needed_columns(), pick))
        .await
        .map_err(|e| e.context(&label))?;
    let matched = selection.matched();
    if let Some((column, descending)) = order {
        selection.sort(column, descending);
    }
    let cut = selection.truncate(limit.unwrap_or(usize::MAX));
    let count = selection.records().len();
    if let Some(limit) = limit.filter(|_| cut > 0) {
        output::note(&format!(
            "--limit {limit}: {count} of the {matched} matching session(s): the next {cut} end only together, which would pass the limit"
        ));
    } else if count < matched {
        output::note(&format!(
            "--limit {count}: {count} of the {matched} matching session(s)"
        ));
    }
    let missing = selection.missing();
    // Keys that name nothing print nothing: an empty listing would look like a result.
    if count > 0 || missing.is_empty() {
        preview(render, sample, &[selection.records()])?;
    }
    let missing = (!missing.is_empty()).then(|| no_such_session(missing));
    if !confirm(
        count,
        matched,
        &label,
        flags.dry_run,
        flags.yes,
        missing.is_some(),
    )? {
        selection.leave().await;
        return missing.map_or(Ok(()), |e| Err(e.context(label)));
    }
    let progress = Progress::new(output::stopping);
    let shown = ending_shown(settings, &label, count, &progress);
    let (chosen, ended) = selection.end(&progress).await;
    drop(shown);
    let ended = ended.map_err(|e| e.context(&label))?;
    let summary = Summary::report(columns, &chosen, ended, "");
    output::note(&format!("{label}: {}", summary.line()));
    let worst = summary.worst(missing);
    match worst {
        None => Ok(()),
        Some(e) => Err(e.context(label)),
    }
}

/// Whether the preview is a sample: in a table, which is for people.
pub(super) fn samples(opts: &RenderOptions) -> bool {
    matches!(opts.format, RecordFormat::Table | RecordFormat::Wide)
}

/// Show what is to be closed, one part per profile: every session, but a sample of
/// [`SAMPLE`] when `sample` and there are more, with how many more.
pub(super) fn preview(mut render: Renderer, sample: bool, parts: &[&[Record]]) -> Result<()> {
    let mut more = 0;
    for part in parts {
        let shown = if sample {
            part.len().min(SAMPLE)
        } else {
            part.len()
        };
        render.page(part[..shown].to_vec())?;
        more += part.len() - shown;
    }
    render.finish()?;
    if more > 0 {
        output::note(&format!(
            "… and {more} more session(s) not shown (-o ndjson lists every one)"
        ));
    }
    Ok(())
}

/// While sessions end (until dropped): Ctrl-C stops them after the batches in flight, and a
/// progress bar of `count` sessions shows on a terminal.
pub(super) fn ending_shown(
    settings: &Settings,
    what: &str,
    count: usize,
    progress: &Progress,
) -> (output::Gently, Bar) {
    let gently = output::stop_gently();
    let show = indicator::wanted(settings.quiet, true, false);
    let bar = Bar::start(
        show,
        format!("closing on {what}"),
        count as u64,
        progress.counter(),
    );
    (gently, bar)
}

/// What became of one profile's close.
pub(super) struct Summary {
    verb: &'static str,
    total: usize,
    closed: usize,
    gone: usize,
    failures: Vec<Error>,
    not_tried: usize,
    other: Option<Error>,
}

impl Summary {
    /// One line per session when there are few (`closed KEY`, `KEY: not closed: why`), else
    /// one per failure (the first [`SAMPLE`]), then the count. `on` names the profile where
    /// several close at once (`all close`), so each line says where its session was.
    pub(super) fn report(columns: &[Column], chosen: &[Record], ended: Ended, on: &str) -> Summary {
        let key = columns.iter().find(|c| c.name == "key");
        let verb = ended.verb;
        let few = chosen.len() <= SAMPLE;
        let mut s = Summary {
            verb,
            total: chosen.len(),
            closed: 0,
            gone: 0,
            failures: Vec::new(),
            not_tried: 0,
            other: ended.other,
        };
        let mut unsaid = 0;
        for (i, rec) in chosen.iter().enumerate() {
            let name = || key.map_or_else(|| format!("session {}", i + 1), |c| (c.get)(rec).raw());
            let outcome = ended.results.get(i).cloned().unwrap_or(Outcome::NotTried);
            let line = match outcome {
                Outcome::Ended => {
                    s.closed += 1;
                    few.then(|| format!("{verb} {}", name()))
                }
                Outcome::Gone => {
                    s.gone += 1;
                    few.then(|| format!("{}: already gone", name()))
                }
                Outcome::NotTried => {
                    s.not_tried += 1;
                    few.then(|| format!("{}: not tried", name()))
                }
                Outcome::Failed(e) => {
                    let line = format!("{}: not {verb}: {e}", name());
                    s.failures.push(e);
                    (s.failures.len() <= SAMPLE).then_some(line)
                }
            };
            match line {
                Some(line) => output::note(&format!("{on}{line}")),
                None if !few && s.failures.len() > SAMPLE => unsaid += 1,
                None => {}
            }
        }
        if unsaid > 0 {
            output::note(&format!("{on}… and {unsaid} more not {verb}"));
        }
        s
    }

    /// `closed 98 of 100 session(s) (3 already gone); 1 not closed; 1 not tried`.
    pub(super) fn line(&self) -> String {
        let verb = self.verb;
        let mut line = format!(
            "{verb} {} of {} session(s)",
            self.closed + self.gone,
            self.total
        );
        if self.gone > 0 {
            line.push_str(&format!(" ({} already gone)", self.gone));
        }
        if !self.failures.is_empty() {
            line.push_str(&format!("; {} not {verb}", self.failures.len()));
        }
        if self.not_tried > 0 {
            line.push_str(&format!("; {} not tried", self.not_tried));
        }
        line
    }

    /// The error the close ends with, if any: the worst of its failures, what the vendor tied
    /// to no session, `also` (keys that named nothing), and Ctrl-C (exit 130) when it left
    /// sessions untried. Each failure had its line; the error line counts them.
    pub(super) fn worst(self, also: Option<Error>) -> Option<Error> {
        let verb = self.verb;
        let not_ended = self.failures.iter().max_by_key(|e| e.exit_code()).map(|e| {
            Error::new(
                e.kind(),
                format!("{} session(s) not {verb}", self.failures.len()),
            )
        });
        let interrupted = (self.not_tried > 0 && output::stopping()).then(|| {
            Error::new(
                ErrorKind::Interrupted,
                format!(
                    "interrupted: {verb} {} of {} session(s); {} not tried",
                    self.closed + self.gone,
                    self.total,
                    self.not_tried
                ),
            )
        });
        interrupted
            .into_iter()
            .chain(not_ended)
            .chain(self.other)
            .chain(also)
            .max_by_key(Error::exit_code)
    }
}

/// Ask before closing `count` of the `matched` sessions. False when there is nothing to do,
/// on a dry run, or when the user says no; an error when there is no terminal to ask on and
/// no --yes.
pub(super) fn confirm(
    count: usize,
    matched: usize,
    label: &str,
    dry_run: bool,
    yes: bool,
    missing: bool,
) -> Result<bool> {
    if count == 0 {
        match (missing, matched) {
            (true, _) => {}
            (false, 0) => output::note("no session matches; nothing to close"),
            // --limit 0, or a group the limit would split: the --limit note said why.
            (false, _) => output::note("nothing to close"),
        }
        return Ok(false);
    }
    if dry_run {
        output::note(&format!(
            "dry run: would close {count} session(s) on {label}"
        ));
        return Ok(false);
    }
    let question = format!("Close {count} session(s) on {label}?");
    let refusal = "refusing to close sessions without --yes when stdin is not a terminal";
    if output::confirm_count(&question, count, yes, refusal)? {
        Ok(true)
    } else {
        output::note("nothing closed");
        Ok(false)
    }
}
