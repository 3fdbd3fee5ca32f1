//! `sessions`: who is connected to storage and identity systems, and for how long.
//!
//! The binary is a thin shell over [`run_from_args`]. Everything else is private to the
//! crate; the little this library exports is what its own tests (tests/it) and fuzz targets
//! (fuzz/) drive in-process:
//! - [`run_from_args`], [`cli_command`] and [`completion_script`]: the command line;
//!   [`MAN_SECTIONS`]: what the man page says beyond `--help` (the tests render the pages).
//! - [`backends`]: the registry of backends, what each one's tests need to know of it, and
//!   the page parsers the fuzz targets drive.
//! - [`Config`] and [`article`]: the config file, as `sessions` loads it.
//! - [`Record`], [`Json`], [`field`], [`plain_text`] and [`Fit`]: a session's record and
//!   how its cells are read and fitted to a width; [`Text`]: a session as finished JSON text,
//!   what the page parsers' text path gives.

#![deny(missing_docs)]

mod args;
mod atomic_file;
pub mod backends;
mod cli;
mod commands;
mod completions;
mod config;
mod error;
mod escape;
mod fleet;
mod help;
mod man;
mod output;
mod paginate;
mod progress;
mod record;
mod select;
mod settings;
mod transport;

pub use completions::script as completion_script;
pub use config::{article, Config};
pub use man::MAN_SECTIONS;
pub use record::text::Text;
pub use record::{field, plain_text, Fit, Json, Record};

use clap::FromArgMatches;

/// Parse the command line, resolve the settings, run, and return the process exit code.
/// Errors are printed here, once, by [`error::report`].
pub fn run_from_args<I, T>(args: I) -> i32
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let command = help::command();
    let args: Vec<std::ffi::OsString> = args.into_iter().map(Into::into).collect();
    let parsed = command
        .clone()
        .try_get_matches_from(&args)
        .and_then(|m| cli::Cli::from_arg_matches(&m).map(|cli| (m, cli)));
    let (matches, cli) = match parsed {
        Ok(parsed) => parsed,
        Err(e) => match help::misplaced_subcommand(&command, &args) {
            Some(misplaced) if e.use_stderr() => {
                error::report(&misplaced);
                return misplaced.exit_code();
            }
            _ => {
                let _ = e.print();
                return error::clap_exit_code(&e);
            }
        },
    };
    let checked = help::check_applicable(&command, &matches)
        .and_then(|()| help::check_subcommand_order(&command, &matches, &args));
    if let Err(e) = checked {
        error::report(&e);
        return e.exit_code();
    }
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            let e = error::Error::other(format!("cannot start the async runtime: {e}"));
            error::report(&e);
            return e.exit_code();
        }
    };
    let mut settings = settings::Settings::from_args(&cli.global);
    settings.profile_from_env =
        matches.value_source("profiles") == Some(clap::parser::ValueSource::EnvVariable);
    match runtime.block_on(commands::run(cli.command, &settings)) {
        Ok(()) => 0,
        Err(e) => {
            error::report(&e);
            e.exit_code()
        }
    }
}

/// The clap command, for completions and the man pages.
pub fn cli_command() -> clap::Command {
    help::command()
}
