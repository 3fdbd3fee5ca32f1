//! Argument types and value parsers shared by the top-level flags and every backend's
//! subcommand. It names no backend, so all of them can use it. (The simulator crate has its
//! own copy of `parse_duration`: it depends on no client code.)

use std::time::Duration;

use clap::Args;

/// Projection and listing options shared by every backend.
#[derive(Debug, Clone, Default, Args)]
pub(crate) struct ListArgs {
    // Its help names the backend's own columns: `Backend::command` writes it.
    #[arg(value_name = "COLUMN[,COLUMN...]", value_delimiter = ',')]
    pub projection: Vec<String>,

    /// List the column names of this backend and exit
    #[arg(long)]
    pub list_columns: bool,

    #[command(flatten)]
    pub watch: WatchArgs,

    #[command(flatten)]
    pub select: SelectArgs,
}

/// `--where SELECTOR`, for every backend's listing and for `all`.
#[derive(Debug, Clone, Default, Args)]
pub(crate) struct SelectArgs {
    /// Only the sessions that match, e.g. `user~*admin*,idle>1h` or `client=10.0.0.0/8`:
    /// FIELD OP VALUE joined with commas (and), OP one of = != ~ !~ < <= > >=; a repeated
    /// --where also means and (the README's "Selecting sessions" has the fields and values)
    #[arg(long = "where", value_name = "SELECTOR")]
    pub selectors: Vec<String>,

    /// Apply --where here only, over every session: send none of it to the server
    #[arg(long, requires = "selectors")]
    pub no_push_down: bool,

    /// Count the sessions by these fields instead of listing them: one row per group with
    /// its count and largest idle, most first, e.g. `user` or `client,protocol`
    #[arg(long, value_name = "FIELD[,FIELD...]", value_delimiter = ',')]
    pub count_by: Vec<String>,
}

/// `--watch [INTERVAL]`, for every backend and for `all`.
#[derive(Debug, Clone, Default, Args)]
pub(crate) struct WatchArgs {
    /// List again every INTERVAL (default 2s), keeping one login: a table redrawn in place on
    /// a terminal, NDJSON events ({"event":"opened"|"closed"|"changed",...}) otherwise
    #[arg(long, value_name = "INTERVAL", num_args = 0..=1, default_missing_value = "2s",
          value_parser = parse_watch_interval)]
    pub watch: Option<Duration>,
}

fn parse_watch_interval(s: &str) -> Result<Duration, String> {
    match parse_duration(s)? {
        d if d >= Duration::from_millis(100) => Ok(d),
        _ => Err("the interval must be 100ms or more".to_string()),
    }
}

/// `30s`, `2m`, `1h`: a duration as humans write it.
pub(crate) fn parse_duration(s: &str) -> Result<Duration, String> {
    humantime::parse_duration(s).map_err(|e| format!("{e} (write e.g. 30s, 2m, 1h)"))
}

/// `show KEY`: one session, by the key its `key` column shows.
#[derive(Debug, Clone, Args)]
pub(crate) struct ShowArgs {
    /// The session's key, exactly as the `key` column shows it; - reads it from stdin
    #[arg(value_name = "KEY")]
    pub key: String,
}

/// `close KEY...`: the sessions to close, by the keys their `key` column shows.
#[derive(Debug, Clone, Default, Args)]
pub(crate) struct CloseKeys {
    /// Sessions to close, by key, exactly as the `key` column shows them; a lone - reads
    /// them from stdin, one per line
    #[arg(value_name = "KEY")]
    pub keys: Vec<String>,
}

/// Close options every backend's `close` takes.
#[derive(Debug, Clone, Default, Args)]
pub struct ConfirmArgs {
    /// Close only the sessions that match, e.g. `user=guest,idle>7d` or `client=10.0.0.0/8`
    /// (the grammar of --where on listings; with keys or other selectors, those that match
    /// both)
    #[arg(long = "where", value_name = "SELECTOR")]
    pub selectors: Vec<String>,

    /// Apply --where here only, over every session: send none of it to the server
    #[arg(long, requires = "selectors")]
    pub no_push_down: bool,

    /// Show what would be closed and change nothing
    #[arg(long)]
    pub dry_run: bool,

    /// Do not ask for confirmation (needed when stdin is not a terminal)
    #[arg(short, long)]
    pub yes: bool,
}

/// What `all` does besides listing.
#[derive(Debug, Clone, clap::Subcommand)]
pub(crate) enum AllAction {
    /// Close the sessions --where selects on every profile whose backend closes sessions:
    /// the count and a sample per profile, one question for the fleet, then each profile's
    /// batches; --limit counts per profile (--sort is refused: records of different vendors
    /// have no common order)
    Close {
        #[command(flatten)]
        confirm: ConfirmArgs,
    },
}

/// `all`'s default `--concurrency`.
pub(crate) const DEFAULT_CONCURRENCY: usize = 16;

/// `all`'s own flags.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct AllArgs {
    /// Print only these columns of the common record, comma-separated, e.g. `profile,user`
    #[arg(value_name = "COLUMN[,COLUMN...]", value_delimiter = ',')]
    pub projection: Vec<String>,

    /// List the columns of the common record and exit
    #[arg(long)]
    pub list_columns: bool,

    /// Fetch at most N profiles at once
    #[arg(long, value_name = "N", default_value_t = DEFAULT_CONCURRENCY,
          value_parser = parse_concurrency)]
    pub concurrency: usize,

    /// Only the profiles of these backends, e.g. `smb,cifs`
    #[arg(long = "backend", value_name = "NAME[,NAME...]", value_delimiter = ',')]
    pub backends: Vec<String>,

    #[command(subcommand)]
    pub action: Option<AllAction>,

    #[command(flatten)]
    pub watch: WatchArgs,

    #[command(flatten)]
    pub select: SelectArgs,
}

fn parse_concurrency(s: &str) -> Result<usize, String> {
    match s.parse::<usize>() {
        Ok(n) if (1..=1024).contains(&n) => Ok(n),
        _ => Err("write a number of profiles from 1 to 1024".to_string()),
    }
}

/// The exporter's own flags.
#[derive(Debug, Clone, Args)]
pub(crate) struct ExporterArgs {
    /// Address and port to serve on (repeatable)
    #[arg(
        long = "web.listen-address",
        visible_alias = "listen",
        value_name = "ADDR:PORT",
        default_value = "127.0.0.1:9860"
    )]
    pub listen: Vec<std::net::SocketAddr>,

    /// Path of the exporter's own metrics
    #[arg(
        long = "web.telemetry-path",
        value_name = "PATH",
        default_value = "/metrics"
    )]
    pub telemetry_path: String,

    /// exporter-toolkit's web configuration (TLS, client certificates, basic auth, response
    /// headers), read again for each new connection
    #[arg(long = "web.config.file", value_name = "FILE")]
    pub web_config: Option<std::path::PathBuf>,

    /// Open connections at most; at the cap an idle one is closed to make room
    #[arg(long = "web.max-connections", value_name = "N", default_value_t = 512)]
    pub max_connections: usize,
}
