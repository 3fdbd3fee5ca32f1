//! The one close driver: select what the backend's selectors match, show it as a listing,
//! ask, end it, and report session by session. How each vendor selects and ends is in its
//! folder. The exit code is the worst result's: a key that names no session is exit 5.

use crate::backends::{no_such_session, Closing, Ended};
use crate::config::Target;
use crate::error::{Error, Result};
use crate::output::{self, Renderer, Stdout};
use crate::record::{Column, Record};
use crate::settings::Settings;

pub(super) async fn run(
    target: &Target,
    columns: &'static [Column],
    closing: Box<dyn Closing>,
    settings: &Settings,
    out: &mut Stdout,
) -> Result<()> {
    let label = target.label();
    let mut opts = settings.render_options(columns, &[], out.is_terminal())?;
    // --sort and --limit choose what is closed; what is shown is exactly that, in that order.
    let (order, limit) = (opts.sort.take(), opts.limit.take());
    let mut render = Renderer::new(opts, out);
    let flags = closing.confirm();
    let mut selection = target
        .within_deadline(closing.select(target, render.needed_columns()))
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
        render.page(selection.records().to_vec())?;
        render.finish()?;
    }
    let missing = (!missing.is_empty()).then(|| no_such_session(missing));
    if !confirm(count, &label, flags.dry_run, flags.yes, missing.is_some())? {
        selection.leave().await;
        return missing.map_or(Ok(()), |e| Err(e.context(label)));
    }
    let (chosen, ended) = selection.end().await;
    let ended = ended.map_err(|e| e.context(&label))?;
    let failures = report(columns, &chosen, &ended);
    // Each failure had its line above; the error line counts them, with the worst's code.
    let not_ended = failures.iter().max_by_key(|e| e.exit_code()).map(|e| {
        Error::new(
            e.kind(),
            format!("{} session(s) not {}", failures.len(), ended.verb),
        )
    });
    let worst = not_ended
        .into_iter()
        .chain(ended.other)
        .chain(missing)
        .max_by_key(Error::exit_code);
    match worst {
        None => Ok(()),
        Some(e) => Err(e.context(label)),
    }
}

/// One line per session (`closed KEY`, or `KEY: not closed: why`), then the count. Returns
/// the failures.
fn report(columns: &[Column], chosen: &[Record], ended: &Ended) -> Vec<Error> {
    let key = columns.iter().find(|c| c.name == "key");
    let verb = ended.verb;
    let mut failures = Vec::new();
    for (i, rec) in chosen.iter().enumerate() {
        let name = key.map_or_else(|| format!("session {}", i + 1), |c| (c.get)(rec).raw());
        match ended.results.get(i).cloned().flatten() {
            None => output::note(&format!("{verb} {name}")),
            Some(e) => {
                output::note(&format!("{name}: not {verb}: {e}"));
                failures.push(e);
            }
        }
    }
    let done = chosen.len() - failures.len();
    output::note(&format!("{verb} {done} of {} session(s)", chosen.len()));
    failures
}

/// Ask before closing. False when there is nothing to do, on a dry run, or when the user
/// says no; an error when there is no terminal to ask on and no --yes.
fn confirm(count: usize, label: &str, dry_run: bool, yes: bool, missing: bool) -> Result<bool> {
    if count == 0 {
        if !missing {
            output::note("no session matches; nothing to close");
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
    if output::confirm(&question, yes, refusal)? {
        Ok(true)
    } else {
        output::note("nothing closed");
        Ok(false)
    }
}
