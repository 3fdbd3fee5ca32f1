//! Command-line definitions (clap derive) and nothing else. Resolving them into settings
//! happens in `app.rs` and `config.rs`.

use std::path::PathBuf;
use std::time::Duration;

use clap::{Args, Parser, Subcommand};

use crate::output::{ColorChoice, Format};
use crate::simulator::TlsShape;

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
4 network, TLS or timeout, 5 server error or unparseable answer, 6 some profiles failed, 1 other.";

/// Show who is connected to storage and identity systems, and for how long.
#[derive(Debug, Parser)]
#[command(name = "sessions", version, about, after_help = EXAMPLES, propagate_version = true)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args)]
pub struct GlobalArgs {
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

    /// Base URL, overriding the profile's, e.g. https://qumulo.example.com:8000
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

    /// Per-request timeout, e.g. 10s, 2m [default: the profile's, else 30s]
    #[arg(long, value_name = "DURATION", value_parser = parse_duration, global = true)]
    pub timeout: Option<Duration>,

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

    /// Run against the built-in simulator instead of a configured profile
    #[arg(long, global = true)]
    pub demo: bool,
}

fn parse_max_pages(s: &str) -> Result<usize, String> {
    match s.parse::<usize>() {
        Ok(n) if n > 0 => Ok(n),
        _ => Err("write a whole number of pages, 1 or more (e.g. 5000)".to_string()),
    }
}

fn parse_duration(s: &str) -> Result<Duration, String> {
    humantime::parse_duration(s).map_err(|e| format!("{e} (write e.g. 30s, 2m, 1h)"))
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Qumulo SMB sessions (GET /v1/smb/sessions/)
    #[command(visible_alias = "qumulo", after_help = SMB_EXAMPLES, args_conflicts_with_subcommands = true)]
    Smb(SmbArgs),

    /// NetApp ONTAP CIFS/SMB sessions (GET /api/protocols/cifs/sessions)
    #[command(visible_alias = "ontap", after_help = CIFS_EXAMPLES, args_conflicts_with_subcommands = true)]
    Cifs(CifsArgs),

    /// TrueNAS login sessions (auth.sessions over JSON-RPC WebSocket; REST on CORE)
    #[command(visible_alias = "truenas", after_help = AUTH_EXAMPLES, args_conflicts_with_subcommands = true)]
    Auth(AuthArgs),

    /// Opal access sessions (GET /v1/sessions per resource), with user and resource names
    #[command(after_help = OPAL_EXAMPLES)]
    Opal(OpalArgs),

    /// Every profile in the config (or each -p given), one after another
    All,

    /// Run a local simulator of the vendor APIs, for trying things out and for tests
    Simulate(SimulateArgs),

    /// List the profiles of the config file (secrets are never shown)
    Profiles,

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

const SMB_EXAMPLES: &str = "\
Examples:
  sessions smb                                  the default table
  sessions smb -o wide                          every column
  sessions smb user,originator                  a projection: just these columns
  sessions smb --identity local:admin           sessions of one identity (server-side)
  sessions smb --sort -time_idle --limit 5      the five longest-idle sessions
  sessions smb close --originator 10.0.0.21     close that client's sessions (asks first)";

const CIFS_EXAMPLES: &str = "\
Examples:
  sessions cifs                                        node, SVM, ids, workstation, user, open files, idle
  sessions cifs --svm vs1 --filter 'open_files=>0'     who has files open on vs1
  sessions cifs --filter 'idle_duration=>P1D'          sessions idle for more than a day
  sessions cifs --protocol 'smb2*' --filter smb_encryption=unencrypted
                                                       unencrypted SMB2 sessions
  sessions cifs --filter 'svm.name=vs1|vs2' --user '*admin*'
  sessions cifs client_ip | sort -u                    one column, piped
  sessions cifs show NODE_UUID/SVM_UUID/IDENTIFIER/CONNECTION_ID
  sessions cifs close NODE_UUID/SVM_UUID/IDENTIFIER/CONNECTION_ID

Filters are sent to ONTAP as query parameters, with its operators: * (wildcard), | (or),
! (not), < > <= >= (numbers and durations), null and !null.";

const AUTH_EXAMPLES: &str = "\
Examples:
  sessions auth                               every session, as the TrueNAS CLI's `auth sessions`
  sessions auth id                            like `auth sessions id`: one column
  sessions auth origin,credentials            two columns
  sessions auth --exclude-internal            what the web UI lists
  sessions auth --credentials API_KEY         API-key sessions only
  sessions auth --user truenas_admin --origin 192.168.
  sessions auth --filter '[\"secure_transport\",\"=\",false]'
  sessions auth close 3f0c9a52-6d0e-4b8e-9a51-1c2d7e0b9f44

The profile URL may be https://nas or wss://nas (both mean wss://nas/api/current) or a
pinned version, wss://nas/api/v25.10.0. TrueNAS CORE (no WebSocket API) is reached over REST.";

const OPAL_EXAMPLES: &str = "\
Examples:
  sessions opal                                  the profile's resource_ids: user, resource, access level, expires
  sessions opal --resource-id 1b978423-db0a-4037-a4cf-f79c60cb67b3
  sessions opal --all-resources                  every resource of the organisation
  sessions opal --all-resources --resource-type AWS_IAM_ROLE --expiring-within 1h
  sessions opal --user-id 29827fb8-f2dd-4e80-9576-28e31e9934ac -o wide
  sessions opal user,expires --sort expires      who loses access first

The token comes from the profile (token_env, token_command, token_file, token) or OPAL_AUTH_TOKEN.
Requests are paced under Opal's organisation-wide limit (rate_limit, default 50/s).";

/// Projection and listing options shared by every backend.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Print only these columns, comma-separated, e.g. `user` or `originator,time_idle`
    #[arg(value_name = "COLUMN[,COLUMN...]", value_delimiter = ',')]
    pub projection: Vec<String>,

    /// List the column names of this backend and exit
    #[arg(long)]
    pub list_columns: bool,
}

#[derive(Debug, Args)]
pub struct SmbArgs {
    #[command(flatten)]
    pub list: ListArgs,

    /// Only sessions of this identity, e.g. local:admin, ad:alice, uid:1001, sid:S-1-5-21-...
    #[arg(long, value_name = "IDENTITY")]
    pub identity: Option<String>,

    /// Sessions per request (the cluster may return fewer)
    #[arg(long, value_name = "N", default_value_t = 1000, value_parser = clap::value_parser!(u32).range(1..))]
    pub page_size: u32,

    #[command(subcommand)]
    pub action: Option<SmbAction>,
}

#[derive(Debug, Subcommand)]
pub enum SmbAction {
    /// Close sessions matched by the selectors (POST /v1/smb/sessions/close)
    Close(SmbCloseArgs),
}

#[derive(Debug, Args)]
pub struct SmbCloseArgs {
    /// Close the sessions of this client IP (exact match)
    #[arg(long, value_name = "IP")]
    pub originator: Vec<String>,

    /// Close the session with this location handle (exact match; see the `location` column)
    #[arg(long, value_name = "LOCATION")]
    pub location: Vec<String>,

    /// Close sessions that have this share open
    #[arg(long, value_name = "SHARE")]
    pub share: Vec<String>,

    /// Close sessions of this identity (server-side filter, as for listing)
    #[arg(long, value_name = "IDENTITY")]
    pub identity: Option<String>,

    /// Only guest sessions
    #[arg(long)]
    pub guest: bool,

    /// Close every session matched by --identity alone, or every session when no selector is given
    #[arg(long)]
    pub all: bool,

    /// Show what would be closed and change nothing
    #[arg(long)]
    pub dry_run: bool,

    /// Do not ask for confirmation (needed when stdin is not a terminal)
    #[arg(short, long)]
    pub yes: bool,
}

#[derive(Debug, Args)]
pub struct CifsArgs {
    #[command(flatten)]
    pub list: ListArgs,

    /// Only this SVM (svm.name), e.g. vs1 or 'vs1|vs2'
    #[arg(long, value_name = "NAME")]
    pub svm: Option<String>,

    /// Only this node (node.name)
    #[arg(long, value_name = "NAME")]
    pub node: Option<String>,

    /// Only this Windows user, wildcards allowed, e.g. 'CORP\\alice' or '*admin*'
    #[arg(long, value_name = "USER")]
    pub user: Option<String>,

    /// Only this client address
    #[arg(long, value_name = "IP")]
    pub client_ip: Option<String>,

    /// Only this SMB dialect: smb1, smb2, smb2_1, smb3, smb3_1 (wildcards allowed)
    #[arg(long, value_name = "PROTOCOL")]
    pub protocol: Option<String>,

    /// Any ONTAP filter, repeatable: --filter 'open_files=>10' --filter 'svm.name=vs1|vs2'
    #[arg(long, value_name = "FIELD=VALUE", value_parser = parse_filter)]
    pub filter: Vec<(String, String)>,

    /// Records per page (ONTAP caps it at 10,000)
    #[arg(long, value_name = "N", default_value_t = crate::backends::ontap::DEFAULT_MAX_RECORDS,
          value_parser = clap::value_parser!(u32).range(1..=10_000))]
    pub max_records: u32,

    /// Seconds ONTAP may spend on one page before it answers with what it has (0-120)
    #[arg(long, value_name = "SECS", value_parser = clap::value_parser!(u32).range(0..=120))]
    pub return_timeout: Option<u32>,

    /// Server-side order, e.g. 'open_files desc' or 'svm.name,user'
    #[arg(long, value_name = "FIELD [asc|desc],...")]
    pub order_by: Option<String>,

    #[command(subcommand)]
    pub action: Option<CifsAction>,
}

fn parse_filter(s: &str) -> Result<(String, String), String> {
    match s.split_once('=') {
        Some((k, v)) if !k.trim().is_empty() => Ok((k.trim().to_string(), v.to_string())),
        _ => Err(format!(
            "'{s}' is not FIELD=VALUE (e.g. user=*admin* or open_files=>10)"
        )),
    }
}

#[derive(Debug, Subcommand)]
pub enum CifsAction {
    /// Show one session, by its key (the single-record endpoint)
    Show {
        /// NODE_UUID/SVM_UUID/IDENTIFIER/CONNECTION_ID (see --columns node.uuid,svm.uuid,identifier,connection_id)
        #[arg(value_name = "KEY")]
        key: crate::backends::ontap::SessionKey,
    },
    /// Close the session(s) a key selects (DELETE; ONTAP 9.9+). IDENTIFIER 0 closes every
    /// session on the connection; IDENTIFIER 0 and CONNECTION_ID 0 every session of the SVM on
    /// the node
    Close {
        /// NODE_UUID/SVM_UUID/IDENTIFIER/CONNECTION_ID
        #[arg(value_name = "KEY")]
        key: crate::backends::ontap::SessionKey,
        /// Show what would be closed and change nothing
        #[arg(long)]
        dry_run: bool,
        /// Do not ask for confirmation (needed when stdin is not a terminal)
        #[arg(short, long)]
        yes: bool,
    },
}

#[derive(Debug, Args)]
pub struct AuthArgs {
    #[command(flatten)]
    pub list: ListArgs,

    /// Leave out internal sessions (root on the UNIX socket, the HA peer), as the web UI does
    #[arg(long)]
    pub exclude_internal: bool,

    /// Only this credential type, e.g. API_KEY, LOGIN_PASSWORD, TOKEN, UNIX_SOCKET
    #[arg(long, value_name = "TYPE")]
    pub credentials: Option<String>,

    /// Only this user (credentials_data.username)
    #[arg(long, value_name = "NAME")]
    pub user: Option<String>,

    /// Only origins starting with this, e.g. 192.168. or '[fd00:'
    #[arg(long, value_name = "PREFIX")]
    pub origin: Option<String>,

    /// A raw TrueNAS filter (JSON), repeatable: '["internal","=",false]' or '["OR",[[...],[...]]]'
    #[arg(long, value_name = "JSON", value_parser = parse_json_filter)]
    pub filter: Vec<serde_json::Value>,

    /// Server-side order, repeatable; a leading '-' reverses: --order-by -created_at
    #[arg(long, value_name = "[-]FIELD", allow_hyphen_values = true)]
    pub order_by: Vec<String>,

    #[command(subcommand)]
    pub action: Option<AuthAction>,
}

fn parse_json_filter(s: &str) -> Result<serde_json::Value, String> {
    let v: serde_json::Value = serde_json::from_str(s).map_err(|e| format!("not JSON: {e}"))?;
    match &v {
        serde_json::Value::Array(items) if !items.is_empty() => Ok(v),
        _ => Err("a TrueNAS filter is a JSON list, e.g. [\"internal\",\"=\",false]".to_string()),
    }
}

#[derive(Debug, Subcommand)]
pub enum AuthAction {
    /// End sessions (auth.terminate_session); your own connection is refused, as in the web UI
    Close {
        /// Session ids (see `sessions auth id`)
        #[arg(value_name = "ID", required_unless_present = "others")]
        ids: Vec<String>,
        /// End every session except this connection and internal ones (auth.terminate_other_sessions)
        #[arg(long, conflicts_with = "ids")]
        others: bool,
        /// Show what would be ended and change nothing
        #[arg(long)]
        dry_run: bool,
        /// Do not ask for confirmation (needed when stdin is not a terminal)
        #[arg(short, long)]
        yes: bool,
    },
}

#[derive(Debug, Args)]
pub struct OpalArgs {
    #[command(flatten)]
    pub list: ListArgs,

    /// A resource whose sessions to list (repeatable) [default: the profile's resource_ids]
    #[arg(long = "resource-id", value_name = "UUID")]
    pub resource_ids: Vec<String>,

    /// Only this user's sessions
    #[arg(long, value_name = "UUID")]
    pub user_id: Option<String>,

    /// Every resource of the organisation (GET /resources, paged), then each one's sessions
    #[arg(long, conflicts_with = "resource_ids")]
    pub all_resources: bool,

    /// With --all-resources: only resources of this type, e.g. AWS_IAM_ROLE, GCP_PROJECT
    #[arg(long, value_name = "TYPE", requires = "all_resources")]
    pub resource_type: Option<String>,

    /// Do not look up user and resource names (fewer requests; UUIDs only)
    #[arg(long)]
    pub no_enrich: bool,

    /// Only sessions that expire within this time from now, e.g. 1h, 30m
    #[arg(long, value_name = "DURATION", value_parser = parse_duration)]
    pub expiring_within: Option<Duration>,
}

#[derive(Debug, Args)]
pub struct SimulateArgs {
    /// Sessions per backend
    #[arg(long, value_name = "N", default_value_t = 40)]
    pub sessions: usize,

    /// Seed for the generated data: the same seed gives the same sessions
    #[arg(long, value_name = "S", default_value_t = 1)]
    pub seed: u64,

    /// Write a config with one profile per backend here, once every listener is bound
    #[arg(long, value_name = "PATH")]
    pub write_config: Option<PathBuf>,

    /// Delay before each response, e.g. 5ms
    #[arg(long, value_name = "DURATION", value_parser = parse_duration)]
    pub latency: Option<Duration>,

    /// Inject a fault into data requests: KIND[:COUNT] (COUNT = how many times; default always).
    /// Kinds: 429, 500, 503, html, invalid-json, truncated, slow, empty-pages, loop,
    /// endless (list pages that never end, each with a new next link)
    #[arg(long, value_name = "KIND[:COUNT]")]
    pub fault: Vec<String>,

    /// Serve TEXT verbatim as every list page's next link (Qumulo, ONTAP) or cursor (Opal)
    #[arg(long, value_name = "TEXT")]
    pub next_link: Option<String>,

    /// How the server certificate is made, as appliances ship them
    #[arg(long, value_name = "SHAPE", value_enum, default_value_t = TlsShape::CaSigned)]
    pub tls: TlsShape,

    /// Serve plain HTTP (and ws://) instead of TLS, as an appliance on port 80 does; the
    /// client sends credentials in clear only to loopback or with allow_plaintext
    #[arg(long)]
    pub plain_http: bool,

    /// Emit the vendor docs' oddities: numbers as strings, "" for a null next link, unknown enum values
    #[arg(long)]
    pub quirks: bool,

    /// Opal: how many resources the sessions are spread over
    #[arg(long, value_name = "N", default_value_t = 4, value_parser = clap::value_parser!(u32).range(1..))]
    pub opal_resources: u32,

    /// Opal: the organisation's rate limit in requests per second (429 with Retry-After above it)
    #[arg(long, value_name = "N", default_value_t = 100.0)]
    pub opal_rate_limit: f64,

    /// Serve TrueNAS as CORE does: no WebSocket API, only REST
    #[arg(long)]
    pub truenas_core: bool,

    /// Address to listen on
    #[arg(long, value_name = "IP", default_value = "127.0.0.1")]
    pub bind: std::net::IpAddr,

    /// Port for the first backend (the next ones follow); 0 picks free ports
    #[arg(long, value_name = "PORT", default_value_t = 0)]
    pub port: u16,
}
