//! The command line: the global flags, the tool's own subcommands, and each registered
//! backend's subcommand (defined in its folder). Resolving flags into settings is
//! `settings.rs`'s job.

use std::path::PathBuf;
use std::time::Duration;

use clap::{ArgMatches, Args, FromArgMatches, Parser, Subcommand};

use crate::args::parse_duration;
use crate::backends::{self, Backend};
use crate::output::{ColorChoice, Format};

const EXAMPLES: &str = "\
Examples:
  sessions --demo smb                       Qumulo SMB sessions from the built-in simulator
  sessions -p qumulo-prod smb               sessions of one configured cluster, as a table
  sessions smb --identity 'ad:CORP\\alice'   only alice's sessions (filtered by the server)
  sessions smb originator | sort | uniq -c  one column, piped: bare lines
  sessions smb -o json > sessions.json      every session as one JSON array, for cron
  sessions smb --sort -time_idle --limit 10 the ten longest-idle sessions
  sessions all                              every profile in the config file
  sessions simulate --write-config sim.toml a local simulator to build scripts against

Exit codes: 0 ok (also when empty), 2 usage or config, 3 authentication refused,
4 network, TLS or timeout, 5 server error or unparseable answer, 6 some profiles failed,
130 interrupted (143 SIGTERM, 129 SIGHUP), 1 other.";

/// Show who is connected to storage and identity systems, and for how long.
#[derive(Debug, Parser)]
#[command(name = "sessions", version, about, after_help = EXAMPLES, propagate_version = true)]
pub(crate) struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args)]
pub(crate) struct GlobalArgs {
    /// Profile from the config file (repeat for `all`) [default: the config's default_profile]
    #[arg(
        short,
        long = "profile",
        value_name = "NAME",
        global = true,
        env = "SESSIONS_PROFILE"
    )]
    pub profiles: Vec<String>,

    /// Config file [default: <config dir>/sessions/config.toml]
    #[arg(
        short,
        long,
        value_name = "PATH",
        global = true,
        env = "SESSIONS_CONFIG"
    )]
    pub config: Option<PathBuf>,

    /// Base URL, overriding the profile's, e.g. https://nas.example.com:8000
    #[arg(long, value_name = "URL", global = true)]
    pub url: Option<String>,

    /// Output format [default: table; plain for a projection piped]
    #[arg(short, long, value_enum, value_name = "FORMAT", global = true)]
    pub output: Option<Format>,

    /// Columns to show, comma-separated, e.g. --columns user,originator (see --list-columns)
    #[arg(long, value_name = "COL,...", value_delimiter = ',', global = true)]
    pub columns: Vec<String>,

    /// Leave out the header line of table and csv output
    #[arg(long, global = true)]
    pub no_headers: bool,

    /// Sort by a column; a leading '-' sorts descending, e.g. --sort -time_idle
    #[arg(
        long,
        value_name = "[-]COLUMN",
        global = true,
        allow_hyphen_values = true
    )]
    pub sort: Option<String>,

    /// Print at most N sessions (stops fetching once N are printed, unless sorting)
    #[arg(long, value_name = "N", global = true)]
    pub limit: Option<usize>,

    /// Stop with exit 5 when a listing runs past N pages: a server whose next links never end
    /// [default: 1000, a million sessions at 1,000 a page]
    #[arg(long, value_name = "N", global = true, value_parser = parse_max_pages)]
    pub max_pages: Option<usize>,

    /// Deadline for the whole run of a profile, retries included, e.g. 30s, 2m
    /// [default: the profile's timeout, else 60s]
    #[arg(long, value_name = "DURATION", value_parser = parse_duration, global = true)]
    pub timeout: Option<Duration>,

    /// Deadline for each single request [default: the profile's request_timeout, else 30s,
    /// never beyond --timeout]
    #[arg(long, value_name = "DURATION", value_parser = parse_duration, global = true)]
    pub request_timeout: Option<Duration>,

    /// Write the output to PATH instead of stdout, atomically and only if the run succeeds
    /// (a failed run leaves the old file as it was): the way for cron. The file keeps its mode,
    /// owner and group; a symlink at PATH is resolved once and the file it points to replaced
    #[arg(long, value_name = "PATH", global = true)]
    pub output_file: Option<PathBuf>,

    /// Trust this CA certificate (PEM) instead of the platform roots
    #[arg(long, value_name = "PEM", global = true)]
    pub ca_cert: Option<PathBuf>,

    /// Skip TLS certificate verification (prints a warning; prefer ca_cert or tls_fingerprint)
    #[arg(long, global = true)]
    pub insecure: bool,

    /// When to use colour (NO_COLOR is honoured in auto)
    #[arg(
        long,
        value_enum,
        value_name = "WHEN",
        default_value = "auto",
        global = true
    )]
    pub color: ColorChoice,

    /// Log each request to stderr (method, URL, status, time); secrets are never shown
    #[arg(short, long, global = true)]
    pub verbose: bool,

    /// Show no progress indicator (on a terminal, a listing that takes over a second shows one
    /// line on stderr: pages, sessions, rate)
    #[arg(short, long, global = true)]
    pub quiet: bool,

    /// Run against the built-in simulator instead of a configured profile (backends, all,
    /// exporter and profiles)
    #[arg(long, global = true)]
    pub demo: bool,
}

/// `simulate`'s flags: the simulator's own, or, in a build without it, whatever follows, so that
/// every form of the command gets the one answer that this build has no simulator.
#[cfg(feature = "simulator")]
pub(crate) type SimulateArgs = sessions_simulator::Args;

#[cfg(not(feature = "simulator"))]
#[derive(Debug, clap::Args)]
pub(crate) struct SimulateArgs {
    #[arg(trailing_var_arg = true, allow_hyphen_values = true, hide = true)]
    _rest: Vec<std::ffi::OsString>,
}

fn parse_max_pages(s: &str) -> Result<usize, String> {
    match s.parse::<usize>() {
        Ok(n) if n > 0 => Ok(n),
        _ => Err("write a whole number of pages, 1 or more (e.g. 5000)".to_string()),
    }
}

/// A subcommand: a backend's (registered in `backends::ALL`), or one of the tool's own.
#[derive(Debug)]
pub(crate) enum Command {
    Backend {
        backend: &'static dyn Backend,
        matches: ArgMatches,
    },
    Tool(ToolCommand),
}

impl FromArgMatches for Command {
    fn from_arg_matches(matches: &ArgMatches) -> Result<Self, clap::Error> {
        if let Some((name, sub)) = matches.subcommand() {
            if let Some(backend) = backends::find(name) {
                return Ok(Command::Backend {
                    backend,
                    matches: sub.clone(),
                });
            }
        }
        ToolCommand::from_arg_matches(matches).map(Command::Tool)
    }
    fn update_from_arg_matches(&mut self, matches: &ArgMatches) -> Result<(), clap::Error> {
        *self = Command::from_arg_matches(matches)?;
        Ok(())
    }
}

impl Subcommand for Command {
    fn augment_subcommands(cmd: clap::Command) -> clap::Command {
        let cmd = backends::ALL
            .iter()
            .fold(cmd, |cmd, b| cmd.subcommand(b.command()));
        ToolCommand::augment_subcommands(cmd)
    }
    fn augment_subcommands_for_update(cmd: clap::Command) -> clap::Command {
        Command::augment_subcommands(cmd)
    }
    fn has_subcommand(name: &str) -> bool {
        backends::find(name).is_some() || ToolCommand::has_subcommand(name)
    }
}

/// The subcommands that are not a backend.
#[derive(Debug, Subcommand)]
pub(crate) enum ToolCommand {
    /// Every profile in the config (or each -p, or those of --backend) at once, in one table
    /// of the common record
    #[command(after_help = ALL_EXAMPLES)]
    All(crate::args::AllArgs),

    /// A Prometheus exporter for many profiles (the multi-target pattern):
    /// GET /probe?target=PROFILE, and /metrics for its own
    #[command(after_help = EXPORTER_EXAMPLES)]
    Exporter(crate::args::ExporterArgs),

    /// Run a local simulator of the vendor APIs, for trying things out and for tests
    Simulate(SimulateArgs),

    /// List the profiles of the config file (secrets are never shown)
    Profiles {
        /// Print only the profile names, one a line (what shell completion of -p uses)
        #[arg(long)]
        names: bool,
    },

    /// Show the certificate a profile's server presents, and pin it in the profile
    #[command(after_help = TRUST_EXAMPLES)]
    Trust {
        /// Pin without asking (check the SHA-256 against the appliance's own first)
        #[arg(short, long)]
        yes: bool,
    },

    /// Print a shell completion script, e.g. `sessions completions bash > /etc/bash_completion.d/sessions`
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

const ALL_EXAMPLES: &str = "\
Every session has the same fields whatever its backend: backend, profile, key, user, client,
server, protocol, started, age_seconds, idle_seconds, encrypted, detail, and raw (the vendor's
record). A profile that fails is exit 6, an entry in `errors` (JSON) or a line on stderr.

Examples:
  sessions all                               one table of every profile's sessions
  sessions all --backend smb,cifs -o ndjson  the SMB backends, streamed as they arrive
  sessions -p a -p b all -o json             {\"sessions\": [...], \"errors\": [...]}
  sessions all --columns profile,user,client --sort -idle_seconds
  sessions all --watch 5s                    redraw every 5 s; NDJSON events when piped
  sessions all close --where 'idle>7d' --dry-run
                                             what a fleet-wide close would end
  sessions all -o prometheus --output-file /var/lib/node_exporter/sessions.prom";

const EXPORTER_EXAMPLES: &str = "\
Prometheus schedules the probes, as with blackbox_exporter: each scrape of
/probe?target=PROFILE lists that profile's sessions (within the scrape's timeout, from the
X-Prometheus-Scrape-Timeout-Seconds header) and answers with its gauges. Logins are kept
between scrapes; concurrent probes of one profile share one listing. Each answer has
probe_success and probe_duration_seconds; add &debug=true to see the probe's log.
/metrics (--web.telemetry-path) has the exporter's own series, /-/healthy and /-/ready
answer 200, and POST /-/reload or SIGHUP reads the config again (a bad one is refused and
the one in use kept). --web.config.file takes exporter-toolkit's web config (TLS, client
certificates, basic auth). docs/monitoring.md has the scrape_config, the package's unit,
the alerts and the dashboard.

Examples:
  sessions exporter                                  listen on 127.0.0.1:9860
  sessions -c /etc/sessions/config.toml exporter --web.listen-address 0.0.0.0:9860 \\
      --web.config.file /etc/sessions/web.yml
  curl 'http://127.0.0.1:9860/probe?target=ontap&debug=true'
  curl -X POST http://127.0.0.1:9860/-/reload";

const TRUST_EXAMPLES: &str = "\
Like ssh's first connection: it connects (sending no credentials), prints the certificate's
subject, names, issuer, validity and SHA-256, says why the profile does not trust it yet, asks,
and writes `tls_fingerprint = \"...\"` into that profile of the config file. Comments, order
and the file's mode are kept; the file is replaced atomically.

Examples:
  sessions trust -p nas           show the NAS's certificate and ask before pinning it
  sessions trust -p nas --yes     pin without asking (compare the SHA-256 first)

Compare the SHA-256 with what the appliance shows for its own certificate, e.g.
`openssl x509 -in cert.pem -noout -fingerprint -sha256` on the appliance.";
