//! `sessions opal`: its arguments, help and examples.

use std::time::Duration;

use clap::{Args as ClapArgs, Subcommand};

use crate::args::{parse_duration, ShowArgs};

pub(super) const EXAMPLES: &str = "\
Examples:
  sessions opal                                  the profile's resource_ids: user, resource, access level, expires, key
  sessions opal --resource-id 1b978423-db0a-4037-a4cf-f79c60cb67b3
  sessions opal --all-resources                  every resource of the organisation
  sessions opal --all-resources --count-by resource --where expires_in_seconds<1d
                                                 who loses access within a day, per resource
  sessions opal --all-resources --resource-type AWS_IAM_ROLE --expiring-within 1h
  sessions opal --user-id 29827fb8-f2dd-4e80-9576-28e31e9934ac -o wide
  sessions opal user,expires_in_seconds --sort expires_in_seconds
                                                 who loses access first
  sessions opal key | head -1 | xargs sessions opal show
                                                 one session, by its key

Opal has no way to end a session (no DELETE on sessions), so there is no `opal close`.

The token comes from the profile (token_env, token_command, token_file, token) or OPAL_AUTH_TOKEN.
Requests are paced under Opal's organisation-wide limit (rate_limit, default 50/s).";

// The subcommand's own flags and help; the listing flags every backend takes
// (`ListArgs`) come before them.
#[derive(Debug, ClapArgs)]
#[command(about = "Opal access sessions (GET /v1/sessions per resource), with user and resource names", after_help = EXAMPLES)]
pub(super) struct Args {
    /// A resource whose sessions to list (repeatable) [default: the profile's resource_ids]
    #[arg(long = "resource-id", value_name = "UUID")]
    pub resource_ids: Vec<String>,

    /// Only this user's sessions; as a selector: --where user_id=UUID (sent to Opal too)
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

    #[command(subcommand)]
    pub action: Option<Action>,
}

#[derive(Debug, Subcommand)]
pub(super) enum Action {
    /// Show one session, by its key (RESOURCE_ID/CONNECTION_ID)
    Show(ShowArgs),
    /// Opal's API cannot end a session: this says so, whatever follows
    #[command(hide = true)]
    Close(CloseAnything),
}

#[derive(Debug, ClapArgs)]
pub(super) struct CloseAnything {
    #[arg(trailing_var_arg = true, allow_hyphen_values = true, hide = true)]
    pub rest: Vec<String>,
}
