//! Opal access sessions: `GET /sessions` per resource, fanned out over resources, with user
//! and resource names looked up once each, all within one client-side rate limit.
//! Vendor behaviour and traps: docs/vendors/opal.md.

mod args;
mod columns;
mod common;
mod connection;
mod enrich;
/// Page decoding, public for the fuzz targets (fuzz/).
pub mod pages;

use std::time::Duration;

use clap::{ArgMatches, Args as _};

use super::{parse_args, About, Backend, BoxFuture, Listing, Request, ShowKey};
use crate::args::ShowArgs;
use crate::config::{Profile, Target};
use crate::error::{Error, Result};
use crate::paginate::Sink;
use args::{Action, Args};
use connection::Connection;

/// Opal's production API; self-hosted and sandbox instances set `url`.
pub const DEFAULT_URL: &str = "https://api.opal.dev/v1";

/// The `opal` backend.
pub struct Opal;

static ABOUT: About = About {
    name: "opal",
    vendor: "Opal",
    summary: "Opal access sessions (GET /v1/sessions per resource), with user and resource names",
    alias: None,
    examples: args::EXAMPLES,
    columns: columns::COLUMNS,
    profile_keys: &["resource_ids", "rate_limit"],
    default_url: Some(DEFAULT_URL),
    looks_like: None,
};

impl Backend for Opal {
    fn about(&self) -> &'static About {
        &ABOUT
    }
    fn args(&self, command: clap::Command) -> clap::Command {
        Args::augment_args(command)
    }
    fn check_profile(&self, profile: &Profile) -> std::result::Result<(), String> {
        if let Some(v) = profile.options.get("resource_ids") {
            v.clone()
                .try_into::<Vec<String>>()
                .map_err(|_| "resource_ids must be a list of resource UUIDs".to_string())?;
        }
        if let Some(v) = profile.options.get("rate_limit") {
            let rate = v.clone().try_into::<f64>().ok();
            if !rate.is_some_and(|r| r > 0.0 && r.is_finite()) {
                return Err(
                    "rate_limit must be a positive number of requests per second".to_string(),
                );
            }
        }
        Ok(())
    }
    fn request(&self, matches: &ArgMatches) -> Result<Request> {
        let args: Args = parse_args(matches)?;
        if let Some(Action::Show(ShowArgs { key })) = args.action {
            let Some((resource, _)) = key.split_once('/') else {
                return Err(Error::usage(format!(
                    "'{key}' is not RESOURCE_ID/CONNECTION_ID (see `sessions opal key`)"
                )));
            };
            let query = OpalQuery {
                resource_ids: vec![resource.to_string()],
                enrich: true,
                ..Default::default()
            };
            return Ok(Request::List(Box::new(ShowKey::new(
                Box::new(query),
                key,
                columns::COLUMNS,
            )?)));
        }
        Ok(Request::List(Box::new(OpalQuery {
            resource_ids: args.resource_ids,
            user_id: args.user_id,
            all_resources: args.all_resources,
            resource_type: args.resource_type,
            enrich: !args.no_enrich,
            expiring_within: args.expiring_within,
        })))
    }
    fn everything(&self) -> Box<dyn Listing> {
        Box::new(OpalQuery {
            enrich: true,
            ..Default::default()
        })
    }
    fn common(&self, record: &crate::record::Record) -> crate::record::common::Common {
        common::common(record)
    }
    fn breakdowns(&self) -> &'static [crate::record::common::Breakdown] {
        common::BREAKDOWNS
    }
}

/// What `sessions opal` asks for.
#[derive(Debug, Clone, Default)]
pub struct OpalQuery {
    pub resource_ids: Vec<String>,
    pub user_id: Option<String>,
    pub all_resources: bool,
    pub resource_type: Option<String>,
    pub enrich: bool,
    pub expiring_within: Option<Duration>,
}

impl Listing for OpalQuery {
    fn list<'a>(&'a self, target: &'a Target, sink: &'a mut dyn Sink) -> BoxFuture<'a, Result<()>> {
        Box::pin(async move {
            Connection::connect(target)?
                .list(self, |records| sink.page(records))
                .await
        })
    }
}
