//! Argument types and value parsers shared by the top-level flags, every backend's
//! subcommand and the simulator. It names no backend, so all of them can use it.

use std::time::Duration;

use clap::Args;

/// Projection and listing options shared by every backend.
#[derive(Debug, Clone, Default, Args)]
pub struct ListArgs {
    /// Print only these columns, comma-separated, e.g. `user` or `originator,time_idle`
    #[arg(value_name = "COLUMN[,COLUMN...]", value_delimiter = ',')]
    pub projection: Vec<String>,

    /// List the column names of this backend and exit
    #[arg(long)]
    pub list_columns: bool,
}

/// `30s`, `2m`, `1h`: a duration as humans write it.
pub fn parse_duration(s: &str) -> Result<Duration, String> {
    humantime::parse_duration(s).map_err(|e| format!("{e} (write e.g. 30s, 2m, 1h)"))
}

/// `show KEY`: one session, by the key its `key` column shows.
#[derive(Debug, Clone, Args)]
pub struct ShowArgs {
    /// The session's key, exactly as the `key` column shows it
    #[arg(value_name = "KEY")]
    pub key: String,
}

/// Close options every backend's `close` takes.
#[derive(Debug, Clone, Copy, Default, Args)]
pub struct ConfirmArgs {
    /// Show what would be closed and change nothing
    #[arg(long)]
    pub dry_run: bool,

    /// Do not ask for confirmation (needed when stdin is not a terminal)
    #[arg(short, long)]
    pub yes: bool,
}
