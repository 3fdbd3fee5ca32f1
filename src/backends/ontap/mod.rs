//! NetApp ONTAP CIFS sessions: `GET /api/protocols/cifs/sessions`, one record, and close.
//! Vendor behaviour and traps: docs/vendors/ontap.md.

mod args;
mod close;
mod columns;
mod common;
mod connection;
mod key;
/// Page decoding, public for the fuzz targets (fuzz/).
/// Its page parsers, which the fuzz targets (fuzz/) drive.
pub mod pages;
mod push;

use clap::{ArgMatches, Args as _};

use super::backend::{
    keys_of, parse_args, read_options, About, Backend, Listing, OptionError, Options, Request,
};
use super::closing::Closing;
use super::facts::{Pages, TestFacts};
use super::future::BoxFuture;
use super::keys::KeyShape;
use crate::args::ConfirmArgs;
use crate::config::{Target, UrlForm, UrlForms, BASE_ONLY};
use crate::error::{Error, Result};
use crate::paginate::Sink;
use args::{Action, Args, DEFAULT_MAX_RECORDS};
use connection::{CifsQuery, Connection};
use key::SessionKey;

/// The `cifs` backend.
pub(crate) struct Ontap;

/// The URLs users paste: the REST API's paths and System Manager's address (see the
/// README's table of accepted URLs).
static URL_FORMS: UrlForms = UrlForms {
    paths: &[
        UrlForm {
            path: "/api/protocols/cifs/sessions",
            what: "the CIFS sessions endpoint",
            implies: None,
        },
        UrlForm {
            path: "/api",
            what: "the REST API's path",
            implies: None,
        },
        UrlForm {
            path: "/sysmgr/v4/*",
            what: "System Manager, the web UI",
            implies: None,
        },
    ],
    ..BASE_ONLY
};

static ABOUT: About = About {
    name: "cifs",
    vendor: "ONTAP",
    aliases: &["ontap"],
    columns: columns::COLUMNS,
    key: KeyShape {
        form: "NODE_UUID/SVM_UUID/IDENTIFIER/CONNECTION_ID",
        check: |k| k.parse::<SessionKey>().map(|_| ()),
    },
    close_selectors: &[],
    profile_keys: keys_of::<Settings>,
    default_url: None,
    looks_like: Some(("an ONTAP cluster", connection::is_ontap)),
    url_forms: &URL_FORMS,
    tests: TestFacts {
        pages: Pages::Sized {
            flag: "--max-records",
            path: "/api/protocols/cifs/sessions",
        },
        lists_own_login: false,
        holds_rows: false,
        one_socket: false,
        close_verb: Some("closed"),
        close_pushes_down: true,
        absent_key: "00000000-0000-0000-0000-000000000000/00000000-0000-0000-0000-000000000000/1/2",
        caches_login: false,
    },
};

impl Backend for Ontap {
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
        columns::normalize(vendor)
    }
}

/// A `cifs` profile's keys of its own: none, so any is refused.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Settings {}

impl Options for Settings {
    fn request(&self, matches: &ArgMatches) -> Result<Request> {
        let args: Args = parse_args(matches)?;
        Ok(match &args.action {
            None => Request::List(Box::new(List(query_of(&args)))),
            Some(Action::Show(show)) => {
                Request::List(Box::new(Show(parse_key(ABOUT.one_key(show.key.clone())?)?)))
            }
            Some(Action::Close { keys, confirm }) => {
                let keys = ABOUT.many_keys(keys.keys.clone())?;
                if keys.is_empty() && confirm.selectors.is_empty() {
                    return Err(Error::usage(
                        "say which sessions to close: one or more keys (see `sessions cifs key`), - to read them from stdin, or --where",
                    ));
                }
                let keys = keys.into_iter().map(parse_key).collect::<Result<_>>()?;
                Request::Close(Box::new(close::Close::new(keys, confirm.clone())))
            }
        })
    }
    fn close_picked(&self, confirm: ConfirmArgs) -> Option<Box<dyn Closing>> {
        Some(Box::new(close::Close::new(Vec::new(), confirm)))
    }
    fn everything(&self) -> Box<dyn Listing> {
        Box::new(List(CifsQuery {
            max_records: DEFAULT_MAX_RECORDS,
            ..Default::default()
        }))
    }
}

/// A key that [`ABOUT`]'s shape already accepted.
fn parse_key(key: String) -> Result<SessionKey> {
    key.parse().map_err(Error::usage)
}

/// The named filters, then the raw ones, as ONTAP query parameters.
fn query_of(args: &Args) -> CifsQuery {
    let named = [
        ("svm.name", &args.svm),
        ("node.name", &args.node),
        ("user", &args.user),
        ("client_ip", &args.client_ip),
        ("protocol", &args.protocol),
    ];
    let mut filters: Vec<(String, String)> = named
        .iter()
        .filter_map(|(k, v)| v.as_ref().map(|v| (k.to_string(), v.clone())))
        .collect();
    filters.extend(args.filter.iter().cloned());
    CifsQuery {
        filters,
        max_records: args.max_records,
        return_timeout: args.return_timeout,
        order_by: args.order_by.clone(),
    }
}

/// `sessions cifs`: the filtered collection, asking only for the fields the output reads.
struct List(CifsQuery);

impl Listing for List {
    fn list<'a>(&'a self, target: &'a Target, sink: &'a mut dyn Sink) -> BoxFuture<'a, Result<()>> {
        Box::pin(async move {
            let cluster = Connection::connect(target)?;
            if sink.accepts_text() {
                cluster
                    .for_each_page(&self.0, None, pages::text_page, |texts| {
                        sink.page_text(texts)
                    })
                    .await
            } else {
                let columns = sink.needed_columns();
                cluster
                    .for_each_page(
                        &self.0,
                        columns.as_deref(),
                        |b| pages::parse_page(b),
                        |records| sink.page(records),
                    )
                    .await
            }
        })
    }
    fn push_down(&mut self, selector: &crate::select::Selector) -> Vec<String> {
        push::push(&mut self.0, selector)
    }
}

/// `sessions cifs show KEY`: one session from the single-record endpoint.
struct Show(SessionKey);

impl Listing for Show {
    fn list<'a>(&'a self, target: &'a Target, sink: &'a mut dyn Sink) -> BoxFuture<'a, Result<()>> {
        Box::pin(async move {
            let columns = sink.needed_columns();
            let cluster = Connection::connect(target)?;
            // ONTAP answers a key it does not know with 404 (entry doesn't exist).
            let record = cluster
                .show(&self.0, columns.as_deref())
                .await
                .map_err(|e| match e.status() == Some(404) {
                    true => Error::server(format!("no such session: {} ({e})", self.0)),
                    false => e,
                })?;
            sink.page(vec![record]).map(|_| ())
        })
    }
}
