//! `sessions`: who is connected to storage and identity systems, and for how long.
//!
//! The binary is a thin shell over [`run`]; tests drive the same code in-process.

pub mod args;
pub mod atomic_file;
pub mod backends;
pub mod cli;
pub mod commands;
pub mod completions;
pub mod config;
pub mod error;
pub mod escape;
pub mod fleet;
pub mod help;
pub mod man;
pub mod output;
pub mod paginate;
pub mod progress;
pub mod record;
pub mod settings;
pub mod transport;

use clap::FromArgMatches;

/// Parse the command line, resolve the settings, run, and return the process exit code.
/// Errors are printed here, once, by [`error::report`].
pub fn run_from_args<I, T>(args: I) -> i32
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let command = help::command();
    let parsed = command
        .clone()
        .try_get_matches_from(args)
        .and_then(|m| cli::Cli::from_arg_matches(&m).map(|cli| (m, cli)));
    let (matches, cli) = match parsed {
        Ok(parsed) => parsed,
        Err(e) => {
            let _ = e.print();
            return error::clap_exit_code(&e);
        }
    };
    if let Err(e) = help::check_applicable(&command, &matches) {
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
