//! TrueNAS login sessions: `auth.sessions` over JSON-RPC 2.0 on a WebSocket (25.04 and later),
//! over the legacy DDP WebSocket (before 25.04), or `GET /api/v2.0/auth/sessions` on TrueNAS
//! CORE. One file per transport; `connection.rs` picks one and checks what it answers.
//! Vendor behaviour and traps: docs/vendors/truenas.md.

mod args;
mod calls;
mod close;
mod columns;
mod common;
mod connection;
mod ddp;
mod jsonrpc;
mod login;
mod push;
mod query;
mod rest;
mod settings;
mod token;
mod transport;

use clap::{ArgMatches, Args as _};

use super::backend::{
    keys_of, parse_args, read_options, About, Backend, Listing, OptionError, Options, Request,
    Selector,
};
use super::closing::Closing;
use super::facts::{Pages, TestFacts};
use super::future::BoxFuture;
use super::keys;
use super::keys::KeyShape;
use super::show::ShowKey;
use crate::args::{ConfirmArgs, ShowArgs};
use crate::config::{Keep, Target, UrlForm, UrlForms, BASE_ONLY};
use crate::error::{Error, Failure, Result};
use crate::paginate::Sink;
use args::{Action, Args};
use connection::{Api, Connection};
use query::AuthQuery;
use settings::Settings;

/// `auth.sessions`' result decoding, public for the fuzz targets (fuzz/).
/// Its listing parsers, which the fuzz targets (fuzz/) drive.
pub use connection::{records, text_records};

/// The `auth` backend.
pub(crate) struct TrueNas;

/// The URLs users paste: the WebSocket URLs (`wss://nas/websocket` pins DDP), the REST
/// API's path and the web UI's address (see the README's table of accepted URLs).
/// A versioned JSON-RPC path (`/api/v25.10.0`) is not reduced: it pins that API version.
static URL_FORMS: UrlForms = UrlForms {
    schemes: &[("wss", "https"), ("ws", "http")],
    paths: &[
        UrlForm {
            path: "/websocket",
            what: "the DDP WebSocket",
            implies: Some(("api", "ddp")),
        },
        // Not pinned to REST: SCALE serves /api/v2.0 too, without auth.sessions.
        UrlForm {
            path: "/api/v2.0/*",
            what: "the REST API",
            implies: None,
        },
        UrlForm {
            path: "/api/current",
            what: "the JSON-RPC WebSocket",
            implies: None,
        },
        UrlForm {
            path: "/api",
            what: "the API's path",
            implies: None,
        },
        UrlForm {
            path: "/ui/*",
            what: "the web UI",
            implies: None,
        },
    ],
    ..BASE_ONLY
};

static ABOUT: About = About {
    name: "auth",
    vendor: "TrueNAS",
    aliases: &["truenas"],
    columns: columns::COLUMNS,
    // A UUID on current versions; older ones send URL-safe random strings (the API note).
    key: KeyShape {
        form: "the session id, e.g. 3f0c9a52-6d0e-4b8e-9a51-1c2d7e0b9f44",
        check: keys::token,
    },
    close_selectors: &[Selector::any("others")],
    profile_keys: keys_of::<Settings>,
    default_url: None,
    looks_like: None,
    url_forms: &URL_FORMS,
    tests: TestFacts {
        pages: Pages::OneCall,
        lists_own_login: true,
        holds_rows: false,
        one_socket: true,
        close_verb: Some("ended"),
        close_pushes_down: true,
        absent_key: "00000000-0000-0000-0000-000000000000",
        caches_login: true,
    },
};

impl Backend for TrueNas {
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
        connection::tests::props::session().boxed()
    }
    #[cfg(test)]
    fn full_record(&self, vendor: crate::record::Record) -> crate::record::Record {
        columns::normalize(vendor)
    }
}

impl Options for Settings {
    fn request(&self, matches: &ArgMatches) -> Result<Request> {
        let args: Args = parse_args(matches)?;
        let query = AuthQuery {
            exclude_internal: args.exclude_internal,
            credentials: args.credentials,
            user: args.user,
            origin: args.origin,
            raw_filters: args.filter,
            order_by: args.order_by,
            pushed: Vec::new(),
        };
        Ok(match args.action {
            None => Request::List(Box::new(List::new(query, self.api))),
            Some(Action::Show(ShowArgs { key })) => {
                let key = ABOUT.one_key(key)?;
                let query = AuthQuery {
                    raw_filters: vec![serde_json::json!(["id", "=", key])],
                    ..AuthQuery::default()
                };
                Request::List(Box::new(ShowKey::new(
                    Box::new(List::new(query, self.api)),
                    key,
                    columns::COLUMNS,
                )?))
            }
            Some(Action::Close {
                keys,
                others,
                confirm,
            }) => {
                let ids = ABOUT.many_keys(keys.keys)?;
                if ids.is_empty() && !others && confirm.selectors.is_empty() {
                    return Err(crate::error::Error::usage(
                        "say which sessions to end: one or more keys (see `sessions auth key`), - to read them from stdin, --where, or --others",
                    ));
                }
                Request::Close(Box::new(close::Close::new(ids, others, confirm, self.api)))
            }
        })
    }
    fn close_picked(&self, confirm: ConfirmArgs) -> Option<Box<dyn Closing>> {
        Some(Box::new(close::Close::new(
            Vec::new(),
            false,
            confirm,
            self.api,
        )))
    }
    fn everything(&self) -> Box<dyn Listing> {
        Box::new(List::new(AuthQuery::default(), self.api))
    }
}

/// `sessions auth`: one `auth.sessions` call with the filters, and the logged-in socket it
/// keeps between runs when they repeat.
struct List(AuthQuery, Option<Api>, Keep<Connection>);

impl Listing for List {
    fn list<'a>(&'a self, target: &'a Target, sink: &'a mut dyn Sink) -> BoxFuture<'a, Result<()>> {
        Box::pin(async move {
            // A repeated run (`--watch`, the exporter) reuses the last run's logged-in socket.
            let kept = self.2.take();
            let reused = kept.is_some();
            let mut nas = match kept {
                Some(nas) => nas,
                None => Connection::connect(target, self.1).await?,
            };
            let mut result = self.sessions(&mut nas, sink).await;
            let died = |e: &Error| {
                matches!(
                    e.failure(),
                    Some(Failure::Closed | Failure::Timeout | Failure::Connect(_))
                )
            };
            if reused && result.as_ref().is_err_and(died) {
                // The NAS may have closed the kept socket since (or a firewall forgot it): log
                // in once more.
                nas.close().await;
                nas = Connection::connect(target, self.1).await?;
                result = self.sessions(&mut nas, sink).await;
            }
            match result.is_ok() {
                true => {
                    if let Some(nas) = self.2.put(target.repeats, nas) {
                        nas.close().await;
                    }
                }
                false => nas.close().await,
            }
            result
        })
    }
    fn push_down(&mut self, selector: &crate::select::Selector) -> Vec<String> {
        push::push(&mut self.0, selector)
    }
}

impl List {
    fn new(query: AuthQuery, api: Option<Api>) -> List {
        List(query, api, Keep::default())
    }

    async fn sessions(&self, nas: &mut Connection, sink: &mut dyn Sink) -> Result<()> {
        if sink.accepts_text() {
            nas.sessions_text(&self.0, |texts| sink.page_text(texts))
                .await
        } else {
            nas.sessions(&self.0, |records| sink.page(records)).await
        }
    }
}
