//! `sessions all close --where SELECTOR`: the close driver over the fleet. Every profile whose
//! backend closes sessions selects what `--where` picks among all its sessions (at most
//! `--concurrency` at once); the preview is the common record, each profile's count and a
//! sample; one question for the whole fleet (the count typed back above 100); then each
//! profile ends its own in batches, under one progress bar; a summary per profile; the exit
//! code of the worst result. A profile whose backend cannot close is said once, and is an
//! error only when named with -p.

use futures_util::stream::{self, StreamExt};

use super::close::{confirm, ending_shown, preview, samples, Summary};
use super::env::Env;
use crate::args::{AllArgs, ConfirmArgs};
use crate::backends::{Backend, Closing, Progress, Selection};
use crate::error::{Error, ErrorKind, Result};
use crate::fleet;
use crate::output::{self, Renderer, Stdout};
use crate::record::{common, Record};
use crate::select::{self, Selector};
use crate::settings::Settings;

/// A profile that closes, and its close.
struct Closer {
    name: String,
    backend: &'static dyn Backend,
    closing: Box<dyn Closing>,
}

/// A profile's selection, ready to end.
struct Selected {
    name: String,
    label: String,
    backend: &'static dyn Backend,
    selection: Selection,
}

pub(super) async fn run(
    env: &Env,
    settings: &Settings,
    args: &AllArgs,
    flags: &ConfirmArgs,
    out: &mut Stdout,
) -> Result<()> {
    if !args.projection.is_empty() || args.watch.watch.is_some() || !args.select.count_by.is_empty()
    {
        return Err(Error::usage(
            "`all close` takes no columns, --watch or --count-by: it closes what --where selects",
        ));
    }
    let texts: Vec<String> = args
        .select
        .selectors
        .iter()
        .chain(&flags.selectors)
        .cloned()
        .collect();
    let Some(selector) = select::parse_all(&texts)? else {
        return Err(Error::usage(
            "say which sessions to close: `all close` closes what --where selects, e.g. --where 'idle>7d'",
        ));
    };
    let mut opts = settings.render_options(common::COLUMNS, &[], out.is_terminal())?;
    if opts.sort.take().is_some() {
        return Err(Error::usage(
            "`all close` takes no --sort: each profile's sessions are closed in its own order",
        ));
    }
    let limit = opts.limit.take();
    let closers = closers(env, settings, args, flags)?;
    selector.check(&super::all::distinct_columns(
        closers.iter().map(|c| c.backend),
    ))?;
    let total = closers.len();
    let (mut selected, mut failures) = select_all(env, settings, closers, &selector, args).await;
    let (mut count, mut matched_all) = (0, 0);
    for s in &mut selected {
        let matched = s.selection.matched();
        matched_all += matched;
        s.selection.truncate(limit.unwrap_or(usize::MAX));
        let kept = s.selection.records().len();
        count += kept;
        output::note(&match kept < matched {
            true => format!(
                "{}: {kept} of the {matched} matching session(s) (--limit)",
                s.label
            ),
            false => format!("{}: {kept} session(s) match", s.label),
        });
    }
    let now = time::OffsetDateTime::now_utc();
    let parts: Vec<Vec<Record>> = selected.iter().map(|s| in_common(s, now)).collect();
    let parts: Vec<&[Record]> = parts.iter().map(Vec::as_slice).collect();
    let sample = samples(&opts);
    preview(Renderer::new(opts, out), sample, &parts)?;
    let fleet_label = format!("{} profile(s)", selected.len());
    if !confirm(
        count,
        matched_all,
        &fleet_label,
        flags.dry_run,
        flags.yes,
        false,
    )? {
        for s in selected {
            s.selection.leave().await;
        }
        return verdict(failures, total);
    }
    // One bar for the fleet; each profile ends its own, at most --concurrency at once.
    let progress = Progress::new(output::stopping);
    let shown = ending_shown(settings, &fleet_label, count, &progress);
    let progress = &progress;
    let ended = stream::iter(selected)
        .map(|s| async move {
            let (chosen, ended) = s.selection.end(progress).await;
            (s.label, s.backend, chosen, ended)
        })
        .buffered(args.concurrency)
        .collect::<Vec<_>>()
        .await;
    drop(shown);
    // Each profile's report in profile order, then its summary line.
    for (label, backend, chosen, ended) in ended {
        let worst = ended.map(|ended| {
            let summary = Summary::report(backend.columns(), &chosen, ended, &format!("{label}: "));
            output::note(&format!("{label}: {}", summary.line()));
            summary.worst(None)
        });
        if let Some(e) = worst.unwrap_or_else(Some) {
            let e = e.context(&label);
            crate::error::report(&e);
            failures.push(e);
        }
    }
    verdict(failures, total)
}

/// Every chosen profile whose backend closes sessions, with its close of what `--where` picks.
fn closers(
    env: &Env,
    settings: &Settings,
    args: &AllArgs,
    flags: &ConfirmArgs,
) -> Result<Vec<Closer>> {
    for name in &settings.profiles {
        env.named(name, settings)?;
    }
    let names = fleet::choose(&env.config, &settings.profiles, &args.backends)?;
    let mut closers = Vec::new();
    let mut cannot = Vec::new();
    for name in names {
        let settled = env.settled(&name)?;
        let backend = settled.backend;
        match settled.options.close_picked(flags.clone()) {
            Some(closing) => closers.push(Closer {
                name,
                backend,
                closing,
            }),
            None if settings.profiles.contains(&name) => {
                return Err(Error::usage(format!(
                    "profile '{name}': {} cannot close sessions (its API has no call for it)",
                    backend.name()
                )))
            }
            None => cannot.push(format!("{} '{name}'", backend.name())),
        }
    }
    if !cannot.is_empty() {
        output::note(&format!(
            "not closing on {} profile(s) whose backend cannot close sessions: {}",
            cannot.len(),
            cannot.join(", ")
        ));
    }
    if closers.is_empty() {
        return Err(Error::usage(
            "none of these profiles' backends can close sessions",
        ));
    }
    Ok(closers)
}

/// Each profile's selection, at most `--concurrency` at once, in profile order; and the
/// profiles that failed, each said on its line.
async fn select_all(
    env: &Env,
    settings: &Settings,
    closers: Vec<Closer>,
    selector: &Selector,
    args: &AllArgs,
) -> (Vec<Selected>, Vec<Error>) {
    let chosen = stream::iter(closers)
        .map(|c| async move {
            let target = env.config.target(&c.name, &settings.overrides)?;
            let label = target.label();
            let (backend, name) = (c.backend, c.name.as_str());
            let pick = move |r: &Record| backend.selects(selector, name, r);
            let mut closing = c.closing;
            let local = args.select.no_push_down || closing.confirm().no_push_down;
            crate::backends::pushed(selector, local, &target.log, |s| closing.push_down(s));
            let selection = target
                .within_deadline(closing.select(&target, None, Some(&pick)))
                .await
                .map_err(|e| e.context(&label))?;
            Ok(Selected {
                name: c.name,
                label,
                backend,
                selection,
            })
        })
        .buffered(args.concurrency)
        .collect::<Vec<Result<Selected>>>()
        .await;
    let (mut selected, mut failures) = (Vec::new(), Vec::new());
    for c in chosen {
        match c {
            Ok(s) => selected.push(s),
            Err(e) => {
                crate::error::report(&e);
                failures.push(e);
            }
        }
    }
    (selected, failures)
}

/// A profile's selection as the common record, for the preview.
fn in_common(s: &Selected, now: time::OffsetDateTime) -> Vec<Record> {
    let (backend, name) = (s.backend, s.name.as_str());
    s.selection
        .records()
        .iter()
        .map(|r| common::to_record(backend.name(), name, backend.common(r), r.clone(), now))
        .collect()
}

/// The fleet's exit: the worst of its profiles' (each said on its own line already).
fn verdict(failures: Vec<Error>, total: usize) -> Result<()> {
    let Some(worst) = failures.iter().max_by_key(|e| e.exit_code()) else {
        return Ok(());
    };
    let kind = match worst.kind() {
        ErrorKind::BrokenPipe => ErrorKind::Other,
        k => k,
    };
    Err(Error::new(
        kind,
        format!(
            "{} of {total} profile(s) did not close all they selected (the worst: {})",
            failures.len(),
            worst.message()
        ),
    ))
}
