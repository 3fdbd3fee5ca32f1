//! Opal access sessions: `GET /sessions` per resource, fanned out over resources, with user
//! and resource names looked up once each, all within one client-side rate limit.
//! Vendor behaviour and traps: docs/vendors/opal.md.

mod args;
mod columns;
mod common;
mod connection;
mod enrich;
/// Page decoding, public for the fuzz targets (fuzz/).
/// Its page parsers, which the fuzz targets (fuzz/) drive.
pub mod pages;
mod query;
mod resource;
mod settings;

use clap::{ArgMatches, Args as _};

use super::backend::{
    keys_of, parse_args, read_options, About, Backend, Listing, OptionError, Options, Request,
};
use super::facts::{Pages, TestFacts};
use super::future::BoxFuture;
use super::keys;
use super::keys::KeyShape;
use super::show::ShowKey;
use crate::args::ShowArgs;
use crate::config::{Target, UrlForm, UrlForms, BASE_ONLY};
use crate::error::{Error, Result};
use crate::paginate::Sink;
use args::{Action, Args};
use connection::Connection;
use query::OpalQuery;
use settings::Settings;

/// Opal's production API; self-hosted and sandbox instances set `url`.
pub(crate) const DEFAULT_URL: &str = "https://api.opal.dev/v1";

/// `RESOURCE_ID/CONNECTION_ID`, two ids as Opal writes them (UUIDs).
fn resource_and_connection(key: &str) -> std::result::Result<(), String> {
    match key.split_once('/') {
        Some((resource, connection)) => {
            keys::token(resource)?;
            keys::token(connection)
        }
        None => Err("a key is two ids joined by /".to_string()),
    }
}

/// The `opal` backend.
pub(crate) struct Opal;

/// The URLs users paste: the host alone (the API is under `/v1`, as the spec's `servers`
/// say), the sessions endpoint; the web app's host is refused (see the README's table of
/// accepted URLs).
static URL_FORMS: UrlForms = UrlForms {
    paths: &[UrlForm {
        path: "/sessions",
        what: "the sessions endpoint",
        implies: None,
    }],
    base_path: "/v1",
    hosts: &[("app.opal.dev", DEFAULT_URL)],
    ..BASE_ONLY
};

static ABOUT: About = About {
    name: "opal",
    vendor: "Opal",
    aliases: &[],
    columns: columns::COLUMNS,
    key: KeyShape {
        form: "RESOURCE_ID/CONNECTION_ID",
        check: resource_and_connection,
    },
    close_selectors: &[],
    profile_keys: keys_of::<Settings>,
    default_url: Some(DEFAULT_URL),
    looks_like: None,
    url_forms: &URL_FORMS,
    tests: TestFacts {
        pages: Pages::PerResource,
        lists_own_login: false,
        // It looks up each user and resource once every page is in.
        holds_rows: true,
        one_socket: false,
        // Opal has no DELETE on sessions (the README says so).
        close_verb: None,
        close_pushes_down: false,
        absent_key: "00000000-0000-0000-0000-000000000000/00000000-0000-0000-0000-000000000000",
        caches_login: false,
    },
};

impl Backend for Opal {
    fn about(&self) -> &'static About {
        &ABOUT
    }
    fn args(&self, command: clap::Command) -> clap::Command {
        Args::augment_args(command)
    }
    fn options(&self, own: &toml::Table) -> std::result::Result<Box<dyn Options>, OptionError> {
        Ok(Box::new(read_options::<Settings>(own)?))
    }
    fn common(&self, record: &crate::record::Record) -> crate::record::common::Common {
        common::common(record)
    }
    fn breakdowns(&self) -> &'static [crate::record::common::Breakdown] {
        common::BREAKDOWNS
    }
    #[cfg(test)]
    fn sample(&self) -> proptest::strategy::BoxedStrategy<serde_json::Value> {
        use proptest::strategy::Strategy;
        pages::tests::props::session().boxed()
    }
    #[cfg(test)]
    fn full_record(&self, vendor: crate::record::Record) -> crate::record::Record {
        let mut r = vendor;
        columns::normalize(&mut r);
        r
    }
}

impl Options for Settings {
    fn request(&self, matches: &ArgMatches) -> Result<Request> {
        let args: Args = parse_args(matches)?;
        match args.action {
            Some(Action::Show(ShowArgs { key })) => {
                let key = ABOUT.one_key(key)?;
                let resource = key.split_once('/').map_or("", |(r, _)| r).to_string();
                let query = OpalQuery {
                    resource_ids: vec![resource],
                    enrich: true,
                    profile: self.clone(),
                    ..Default::default()
                };
                return Ok(Request::List(Box::new(ShowKey::new(
                    Box::new(query),
                    key,
                    columns::COLUMNS,
                )?)));
            }
            Some(Action::Close(_)) => {
                return Err(Error::usage(
                    "Opal's API cannot end a session (it has no DELETE on sessions); end access in Opal itself",
                ))
            }
            None => {}
        }
        Ok(Request::List(Box::new(OpalQuery {
            resource_ids: args.resource_ids,
            user_id: args.user_id,
            all_resources: args.all_resources,
            resource_type: args.resource_type,
            enrich: !args.no_enrich,
            expiring_within: args.expiring_within,
            profile: self.clone(),
        })))
    }
    fn everything(&self) -> Box<dyn Listing> {
        Box::new(OpalQuery {
            enrich: true,
            profile: self.clone(),
            ..Default::default()
        })
    }
}

impl Listing for OpalQuery {
    fn list<'a>(&'a self, target: &'a Target, sink: &'a mut dyn Sink) -> BoxFuture<'a, Result<()>> {
        Box::pin(async move {
            Connection::connect(target, self.profile.rate_limit)?
                .list(self, |records| sink.page(records))
                .await
        })
    }
    /// Opal's sessions take one filter beside the resource: `user_id`, exactly (a
    /// `--user-id` given wins).
    fn push_down(&mut self, selector: &crate::select::Selector) -> Vec<String> {
        let id = selector.terms().iter().find_map(|t| {
            let exact = crate::select::push::equal_text(t);
            exact.filter(|_| t.field == "user_id").map(str::to_string)
        });
        match (&self.user_id, id) {
            (None, Some(id)) => {
                self.user_id = Some(id.clone());
                vec![format!("user_id={id}")]
            }
            _ => Vec::new(),
        }
    }
}
