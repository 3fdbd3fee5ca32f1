//! `sessions onefs`: its arguments, help and examples.

use clap::{Args as ClapArgs, Subcommand};

use crate::args::{CloseKeys, ConfirmArgs, ShowArgs};

/// Sessions per request unless `--page-size` says otherwise (sent as `limit` on the first
/// request only: the pages after it send `resume` alone).
pub(super) const DEFAULT_PAGE_SIZE: u32 = 1000;

pub(super) const EXAMPLES: &str = "\
Examples:
  sessions onefs                                 the default table (every node)
  sessions onefs -o wide                         every column
  sessions onefs --node 2                        the sessions of node LNN 2 (OneFS 9.2+)
  sessions onefs --user 'CORP\\alice'             one user's sessions
  sessions onefs --where 'lnn=2,idle_time>3600'  node 2's sessions idle over an hour
  sessions onefs --order-by -idle_time --limit 5 the five longest-idle sessions
  sessions onefs key | head -1 | xargs sessions onefs show
                                                 one session, by the key the table shows
  sessions onefs close 2/17                      close session 17 of node 2 (asks first)
  sessions onefs close --computer 10.20.30.41    close every session of that client

A KEY is LNN/ID: the node's logical number and the session's id on it (ID alone with v1,
whose list does not say the node). OneFS closes the sessions of a computer and user
together (DELETE /platform/1/protocols/smb/sessions/COMPUTER/USER): close shows, and ends,
every session of the pairs that the keys and selectors chose; --limit N never splits a pair
nor ends more than N.

Login (the profile's `login` key): \"session\" (the default) posts the password once to
/session/1/session and sends the session cookie with its CSRF token after it, kept in the
token cache; \"basic\" sends the password with every request. The API version (the profile's
`api` key, \"v1\" or \"v11\") is found with GET /platform/latest unless the profile pins it:
v1 (OneFS up to 9.1) sorts on the cluster, v11 (9.2 and later) groups the sessions by node
and takes --node; the rest is filtered and sorted here, and -v says which.";

/// The fields OneFS sorts by on v1 (`sort`); v11 sorts here.
pub(super) const ORDER_FIELDS: [&str; 8] = [
    "computer",
    "user",
    "client_type",
    "openfiles",
    "active_time",
    "idle_time",
    "guest_login",
    "encryption",
];

/// `idle_time` or `-idle_time` (descending).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct OrderBy {
    pub field: &'static str,
    pub descending: bool,
}

fn parse_order(s: &str) -> Result<OrderBy, String> {
    let (descending, name) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    match ORDER_FIELDS.iter().find(|f| **f == name) {
        Some(field) => Ok(OrderBy { field, descending }),
        None => Err(format!(
            "'{name}' is not a field OneFS sorts by; write one of {} (a leading - reverses)",
            ORDER_FIELDS.join(", ")
        )),
    }
}

// The subcommand's own flags and help; the listing flags every backend takes
// (`ListArgs`) come before them.
#[derive(Debug, ClapArgs)]
#[command(
    about = "Dell PowerScale OneFS SMB sessions (GET /platform/{1,11}/protocols/smb/sessions)",
    after_help = EXAMPLES
)]
pub(super) struct Args {
    /// Only the sessions of this node, by its logical node number (the v11 API's `lnn`;
    /// OneFS 9.2 and later); as a selector: --where lnn=2
    #[arg(long, value_name = "LNN", value_parser = clap::value_parser!(u16).range(1..))]
    pub node: Option<u16>,

    /// Only sessions from this computer (client address, exact match); as a selector:
    /// --where computer=ADDR, or --where client=10.0.0.0/8 for a network
    #[arg(long, value_name = "COMPUTER")]
    pub computer: Option<String>,

    /// Only sessions of this user, as OneFS writes it (exact match), e.g. 'CORP\alice'; as a
    /// selector: --where 'user=CORP\\alice'
    #[arg(long, value_name = "USER")]
    pub user: Option<String>,

    /// Order by this field, a leading - reverses: on the cluster with v1, here with v11
    #[arg(long, value_name = "[-]FIELD", value_parser = parse_order, allow_hyphen_values = true)]
    pub order_by: Option<OrderBy>,

    /// Sessions per request (`limit`; the cluster may return fewer)
    #[arg(long, value_name = "N", default_value_t = DEFAULT_PAGE_SIZE, value_parser = clap::value_parser!(u32).range(1..))]
    pub page_size: u32,

    #[command(subcommand)]
    pub action: Option<Action>,
}

#[derive(Debug, Subcommand)]
pub(super) enum Action {
    /// Show one session, by its key (LNN/ID, the `key` column)
    Show(ShowArgs),
    /// Close sessions by key, by computer or by user: one DELETE per computer and user pair,
    /// which ends every session of the pair (DELETE /platform/1/protocols/smb/sessions/C/U)
    Close(CloseArgs),
}

#[derive(Debug, Clone, ClapArgs)]
pub(super) struct CloseArgs {
    #[command(flatten)]
    pub keys: CloseKeys,

    /// Close every session from this computer (exact match; repeatable; as a selector,
    /// --where computer=COMPUTER)
    #[arg(long, value_name = "COMPUTER")]
    pub computer: Vec<String>,

    /// Close every session of this user (exact match; repeatable; as a selector,
    /// --where user=USER)
    #[arg(long, value_name = "USER")]
    pub user: Vec<String>,

    #[command(flatten)]
    pub confirm: ConfirmArgs,
}
