//! `sessions`: who is connected to storage and identity systems, and for how long.
//!
//! The binary is a thin shell over [`run`]; tests drive the same code in-process.

pub mod args;
pub mod atomic_file;
pub mod backends;
pub mod cli;
pub mod commands;
pub mod config;
pub mod error;
pub mod escape;
pub mod fleet;
pub mod output;
pub mod paginate;
pub mod record;
pub mod settings;
pub mod simulator;
pub mod transport;

use clap::Parser;

/// Parse the command line, resolve the settings, run, and return the process exit code.
/// Errors are printed here, once, by [`error::report`].
pub fn run_from_args<I, T>(args: I) -> i32
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let cli = match cli::Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return error::clap_exit_code(&e);
        }
    };
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
    let settings = settings::Settings::from_args(&cli.global);
    match runtime.block_on(commands::run(cli.command, &settings)) {
        Ok(()) => 0,
        Err(e) => {
            error::report(&e);
            e.exit_code()
        }
    }
}

/// The clap command, for completions and the man page.
pub fn cli_command() -> clap::Command {
    <cli::Cli as clap::CommandFactory>::command()
}
