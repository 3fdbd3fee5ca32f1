//! `sessions smb`: its arguments, help and examples.

use clap::{Args as ClapArgs, Subcommand};

use crate::args::{CloseKeys, ConfirmArgs, ShowArgs};

/// Sessions per request unless `--page-size` says otherwise.
pub(super) const DEFAULT_PAGE_SIZE: u32 = 1000;

pub(super) const EXAMPLES: &str = "\
Examples:
  sessions smb                                  the default table
  sessions smb -o wide                          every column
  sessions smb identity,originator              a projection: just these columns
  sessions smb --identity local:admin           sessions of one identity (server-side)
  sessions smb --where 'is_guest=true,idle>7d'  guests idle for a week (see --where)
  sessions smb --sort -time_idle --limit 5      the five longest-idle sessions
  sessions smb key | head -1 | xargs sessions smb show
                                                one session, by the key the table shows
  sessions smb close smb:1:10000000             close one session by its key (asks first)
  sessions smb close --originator 10.0.0.21     close that client's sessions (asks first)";

// The subcommand's own flags and help; the listing flags every backend takes
// (`ListArgs`) come before them.
#[derive(Debug, ClapArgs)]
#[command(about = "Qumulo SMB sessions (GET /v1/smb/sessions/)", after_help = EXAMPLES)]
pub(super) struct Args {
    /// Only sessions of this identity, e.g. local:admin, ad:alice, uid:1001, sid:S-1-5-21-...;
    /// as a selector: --where user=local:admin, --where user.uid=1001 (sent as ?identity=)
    #[arg(long, value_name = "IDENTITY")]
    pub identity: Option<String>,

    /// Sessions per request (the cluster may return fewer)
    #[arg(long, value_name = "N", default_value_t = DEFAULT_PAGE_SIZE, value_parser = clap::value_parser!(u32).range(1..))]
    pub page_size: u32,

    #[command(subcommand)]
    pub action: Option<Action>,
}

#[derive(Debug, Subcommand)]
pub(super) enum Action {
    /// Show one session, by its key (the `key` column: the session's location handle)
    Show(ShowArgs),
    /// Close sessions by key, or those the selectors match (POST /v1/smb/sessions/close)
    Close(CloseArgs),
}

#[derive(Debug, Clone, ClapArgs)]
pub(super) struct CloseArgs {
    #[command(flatten)]
    pub keys: CloseKeys,

    /// Close the sessions of this client IP (exact match; as a selector, --where originator=IP)
    #[arg(long, value_name = "IP")]
    pub originator: Vec<String>,

    /// Close the session with this location handle (exact match; see the `location` column;
    /// as a selector, --where location=LOCATION)
    #[arg(long, value_name = "LOCATION")]
    pub location: Vec<String>,

    /// Close sessions that have this share open (as a selector, --where share_names=SHARE)
    #[arg(long, value_name = "SHARE")]
    pub share: Vec<String>,

    /// Close sessions of this identity (server-side filter, as for listing; the cluster
    /// resolves it, so no selector says quite the same)
    #[arg(long, value_name = "IDENTITY")]
    pub identity: Option<String>,

    /// Only guest sessions (as a selector, --where is_guest=true)
    #[arg(long)]
    pub guest: bool,

    /// Close every session matched by --identity alone, or every session when no selector is
    /// given (as a selector, no --where at all)
    #[arg(long)]
    pub all: bool,

    #[command(flatten)]
    pub confirm: ConfirmArgs,
}
