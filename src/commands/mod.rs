//! What each subcommand does, given the resolved [`Settings`]. Nothing here names a backend:
//! a backend subcommand goes to the backend the registry found, through the `Backend` trait.

mod all;
mod all_close;
mod close;
mod count;
mod env;
mod exporter;
mod exposition;
mod list;
mod profiles;
mod simulate;
mod trust;
mod watch;

use clap::{ArgMatches, FromArgMatches};

use crate::args::{AllAction, ListArgs};
use crate::backends::{Backend, Request};
use crate::cli::{Command, ToolCommand};
use crate::error::{Error, Result};
use crate::output::Stdout;
use crate::settings::Settings;
use env::Env;

pub(crate) async fn run(command: Command, settings: &Settings) -> Result<()> {
    // First, so that a signal finds every file being written; and the --output-file's
    // temporary file is made (and its destination checked) before any fetching.
    // The exporter, a service, leaves SIGTERM and SIGHUP to its service manager's defaults.
    match &command {
        Command::Tool(ToolCommand::Simulate(_)) => {}
        Command::Tool(ToolCommand::Exporter(_)) => crate::output::exit_on_interrupt(false),
        _ => crate::output::exit_on_interrupt(true),
    }
    let mut out = match &settings.output_file {
        Some(path) => Stdout::to_file(path)?,
        None => Stdout::new(),
    };
    match dispatch(command, settings, &mut out).await {
        Ok(()) => out.commit(),
        Err(e) => {
            out.commit_if_complete()?;
            Err(e)
        }
    }
}

async fn dispatch(command: Command, settings: &Settings, out: &mut Stdout) -> Result<()> {
    match command {
        Command::Backend { backend, matches } => {
            run_backend(backend, &matches, settings, out).await
        }
        Command::Tool(ToolCommand::Completions { shell }) => {
            out.raw(&crate::completions::script(shell))?;
            out.flush()
        }
        Command::Tool(ToolCommand::Simulate(args)) => simulate::run(&args, out).await,
        Command::Tool(ToolCommand::Trust { yes }) => {
            let env = Env::open(settings).await?;
            let name = env.one_profile(settings)?;
            trust::run(&env.config, &name, &settings.overrides, yes).await
        }
        Command::Tool(ToolCommand::Profiles { names }) => {
            let env = Env::open(settings).await?;
            if names {
                return profiles::names(&env.config, out);
            }
            profiles::run(&env.config, settings, out)
        }
        Command::Tool(ToolCommand::All(args)) => {
            if args.list_columns {
                return list::columns(crate::record::common::COLUMNS, settings, out);
            }
            let env = Env::open(settings).await?;
            if let Some(AllAction::Close { confirm }) = &args.action {
                return all_close::run(&env, settings, &args, confirm, out).await;
            }
            all::run(&env, settings, &args, out).await
        }
        Command::Tool(ToolCommand::Exporter(args)) => {
            let env = Env::open(settings).await?;
            exporter::run(env, settings, &args).await
        }
    }
}

/// `sessions BACKEND ...`: its columns, a listing, or a close, on the profile chosen for it.
async fn run_backend(
    backend: &'static dyn Backend,
    matches: &ArgMatches,
    settings: &Settings,
    out: &mut Stdout,
) -> Result<()> {
    let list = ListArgs::from_arg_matches(matches).map_err(|e| Error::usage(e.to_string()))?;
    if list.list_columns {
        return list::columns(backend.columns(), settings, out);
    }
    let selector = crate::select::parse_all(&list.select.selectors)?;
    if let Some(s) = &selector {
        s.check(&[backend.columns()])?;
    }
    let prometheus = settings.render.format == Some(crate::output::Format::Prometheus);
    let count_by = &list.select.count_by;
    if !count_by.is_empty() {
        count::check(count_by, &[backend.columns()], prometheus)?;
    }
    let env = Env::open(settings).await?;
    let target = env.target_for(backend, settings)?;
    let watching = list.watch.watch.is_some();
    let counting = !count_by.is_empty();
    let mut request = env.settled(&target.profile)?.options.request(matches)?;
    if let (Request::List(listing), Some(s)) = (&mut request, &selector) {
        let local = list.select.no_push_down;
        crate::backends::push_down(&mut **listing, s, local, &target.log);
    }
    match request {
        Request::List(listing) if watching || prometheus || counting => {
            count::common_only(&list.projection, watching, counting)?;
            let name = target.profile.clone();
            let mut member = crate::fleet::Member::with(&name, backend, listing, Ok(target), true);
            member.select = selector;
            let members = [member];
            match list.watch.watch {
                Some(interval) => watch::run(&members, interval, 1, settings, out).await,
                None => {
                    let outcomes = crate::fleet::collect_all(&members, 1).await;
                    match counting {
                        true => count::write(&outcomes, count_by, settings, out),
                        false => exposition::write(&outcomes, "", out),
                    }
                }
            }
        }
        Request::List(listing) => {
            let profile = target.profile.clone();
            let test = selector
                .as_ref()
                .map(|s| move |r: &crate::record::Record| backend.selects(s, &profile, r));
            let test = test.as_ref().zip(selector.as_ref()).map(|(t, s)| {
                let t = t as &dyn Fn(&crate::record::Record) -> bool;
                (t, s.reads(backend.columns()))
            });
            let columns = backend.columns();
            list::one(
                &target,
                &*listing,
                columns,
                &list.projection,
                test,
                settings,
                out,
            )
            .await
        }
        Request::Close(closing) => close::run(&target, backend, closing, settings, out).await,
    }
}
