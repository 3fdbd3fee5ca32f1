//! `sessions cifs`: its arguments, help and examples.

use clap::{Args as ClapArgs, Subcommand};

use crate::args::{CloseKeys, ConfirmArgs, ShowArgs};

/// Page size: ONTAP caps `max_records` at 10,000 and ends a page early at `return_timeout`
/// anyway. 1,000 keeps each page's JSON near 1 MB (fields=**), so memory stays small and flat,
/// while 100,000 sessions still take only 100 round trips.
pub(super) const DEFAULT_MAX_RECORDS: u32 = 1000;

pub(super) const EXAMPLES: &str = "\
Examples:
  sessions cifs                                        node, SVM, ids, workstation, user, open files, idle, key
  sessions cifs --svm vs1 --filter 'open_files=>0'     who has files open on vs1
  sessions cifs --filter 'idle_duration=>P1D'          sessions idle for more than a day
  sessions cifs --where 'idle>1d,client=10.0.0.0/8'    the same as a selector, from one network
  sessions cifs --protocol 'smb2*' --filter smb_encryption=unencrypted
                                                       unencrypted SMB2 sessions
  sessions cifs --filter 'svm.name=vs1|vs2' --user '*admin*'
  sessions cifs client_ip | sort -u                    one column, piped
  sessions cifs key | head -1 | xargs sessions cifs show
                                                       one session, by the key `key` prints
  sessions cifs show NODE_UUID/SVM_UUID/IDENTIFIER/CONNECTION_ID
  sessions cifs close NODE_UUID/SVM_UUID/IDENTIFIER/CONNECTION_ID

Filters are sent to ONTAP as query parameters, with its operators: * (wildcard), | (or),
! (not), < > <= >= (numbers and durations), null and !null.";

// The subcommand's own flags and help; the listing flags every backend takes
// (`ListArgs`) come before them.
#[derive(Debug, ClapArgs)]
#[command(about = "NetApp ONTAP CIFS/SMB sessions (GET /api/protocols/cifs/sessions)", after_help = EXAMPLES)]
pub(super) struct Args {
    /// Only this SVM (svm.name), e.g. vs1 or 'vs1|vs2'; as a selector: --where svm.name=vs1
    #[arg(long, value_name = "NAME")]
    pub svm: Option<String>,

    /// Only this node (node.name); as a selector: --where node.name=NAME
    #[arg(long, value_name = "NAME")]
    pub node: Option<String>,

    /// Only this Windows user, wildcards allowed, e.g. 'CORP\\alice' or '*admin*'; as a
    /// selector: --where 'user~*admin*' (ONTAP matches regardless of case)
    #[arg(long, value_name = "USER")]
    pub user: Option<String>,

    /// Only this client address; as a selector: --where client=IP (or a network, 10.0.0.0/8)
    #[arg(long, value_name = "IP")]
    pub client_ip: Option<String>,

    /// Only this SMB dialect: smb1, smb2, smb2_1, smb3, smb3_1 (wildcards allowed); as a
    /// selector: --where 'protocol~smb3*'
    #[arg(long, value_name = "PROTOCOL")]
    pub protocol: Option<String>,

    /// Any ONTAP filter, repeatable: --filter 'open_files=>10' --filter 'svm.name=vs1|vs2'
    #[arg(long, value_name = "FIELD=VALUE", value_parser = parse_filter)]
    pub filter: Vec<(String, String)>,

    /// Records per page (ONTAP caps it at 10,000)
    #[arg(long, value_name = "N", default_value_t = DEFAULT_MAX_RECORDS,
          value_parser = clap::value_parser!(u32).range(1..=10_000))]
    pub max_records: u32,

    /// Seconds ONTAP may spend on one page before it answers with what it has (0-120)
    #[arg(long, value_name = "SECS", value_parser = clap::value_parser!(u32).range(0..=120))]
    pub return_timeout: Option<u32>,

    /// Server-side order, e.g. 'open_files desc' or 'svm.name,user'
    #[arg(long, value_name = "FIELD [asc|desc],...")]
    pub order_by: Option<String>,

    #[command(subcommand)]
    pub action: Option<Action>,
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
pub(super) enum Action {
    /// Show one session, by its key, NODE_UUID/SVM_UUID/IDENTIFIER/CONNECTION_ID (the
    /// single-record endpoint)
    Show(ShowArgs),
    /// Close the sessions the keys select (DELETE; ONTAP 9.9+). IDENTIFIER 0 closes every
    /// session on the connection; IDENTIFIER 0 and CONNECTION_ID 0 every session of the SVM on
    /// the node
    Close {
        #[command(flatten)]
        keys: CloseKeys,
        #[command(flatten)]
        confirm: ConfirmArgs,
    },
}
