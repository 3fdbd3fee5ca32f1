//! `sessions auth`: its arguments, help and examples.

use clap::{Args as ClapArgs, Subcommand};

use crate::args::{CloseKeys, ConfirmArgs, ShowArgs};

pub(super) const EXAMPLES: &str = "\
Examples:
  sessions auth                               every session, as the TrueNAS CLI's `auth sessions`
  sessions auth id                            like `auth sessions id`: one column
  sessions auth origin,credentials            two columns
  sessions auth --exclude-internal            what the web UI lists
  sessions auth --credentials API_KEY         API-key sessions only
  sessions auth --where 'protocol=API_KEY,client=192.168.0.0/16'
                                              the same as a selector, from one network
  sessions auth --user truenas_admin --origin 192.168.
  sessions auth --filter '[\"secure_transport\",\"=\",false]'
  sessions auth key | head -1 | xargs sessions auth show
  sessions auth close 3f0c9a52-6d0e-4b8e-9a51-1c2d7e0b9f44

The profile URL may be https://nas or wss://nas (both mean wss://nas/api/current) or a
pinned version, wss://nas/api/v25.10.0. TrueNAS CORE (no WebSocket API) is reached over REST.";

// The subcommand's own flags and help; the listing flags every backend takes
// (`ListArgs`) come before them.
#[derive(Debug, ClapArgs)]
#[command(about = "TrueNAS login sessions (auth.sessions over JSON-RPC WebSocket; REST on CORE)", after_help = EXAMPLES)]
pub(super) struct Args {
    /// Leave out internal sessions (root on the UNIX socket, the HA peer), as the web UI does;
    /// as a selector: --where internal=false
    #[arg(long)]
    pub exclude_internal: bool,

    /// Only this credential type, e.g. API_KEY, LOGIN_PASSWORD, TOKEN, UNIX_SOCKET; as a
    /// selector: --where protocol=API_KEY
    #[arg(long, value_name = "TYPE")]
    pub credentials: Option<String>,

    /// Only this user (credentials_data.username); as a selector, --where username=NAME also
    /// finds tokens by their parent credential's user
    #[arg(long, value_name = "NAME")]
    pub user: Option<String>,

    /// Only origins starting with this, e.g. 192.168. or '[fd00:'; as a selector:
    /// --where client=192.168.0.0/16 or --where 'client~[fd00:*'
    #[arg(long, value_name = "PREFIX")]
    pub origin: Option<String>,

    /// A raw TrueNAS filter (JSON), repeatable: '["internal","=",false]' or '["OR",[[...],[...]]]'
    #[arg(long, value_name = "JSON", value_parser = parse_json_filter)]
    pub filter: Vec<serde_json::Value>,

    /// Server-side order, repeatable; a leading '-' reverses: --order-by -created_at
    #[arg(long, value_name = "[-]FIELD", allow_hyphen_values = true)]
    pub order_by: Vec<String>,

    #[command(subcommand)]
    pub action: Option<Action>,
}

fn parse_json_filter(s: &str) -> Result<serde_json::Value, String> {
    let v: serde_json::Value = serde_json::from_str(s).map_err(|e| format!("not JSON: {e}"))?;
    match &v {
        serde_json::Value::Array(items) if !items.is_empty() => Ok(v),
        _ => Err("a TrueNAS filter is a JSON list, e.g. [\"internal\",\"=\",false]".to_string()),
    }
}

#[derive(Debug, Subcommand)]
pub(super) enum Action {
    /// Show one session, by its key (the session id)
    Show(ShowArgs),
    /// End sessions (auth.terminate_session); your own connection is refused, as in the web UI
    Close {
        #[command(flatten)]
        keys: CloseKeys,
        /// End every session except this connection and internal ones
        /// (auth.terminate_other_sessions; as a selector, --where current=false,internal=false,
        /// which --where alone implies)
        #[arg(long, conflicts_with = "keys")]
        others: bool,
        #[command(flatten)]
        confirm: ConfirmArgs,
    },
}
