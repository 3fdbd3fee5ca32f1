//! Qumulo SMB sessions: `GET /v1/smb/sessions/`, bearer login, close.
//! Vendor behaviour and traps: docs/vendors/qumulo.md.

mod args;
mod close;
mod columns;
mod common;
mod connection;
/// Page decoding, public for the fuzz targets (fuzz/).
/// Its page parsers, which the fuzz targets (fuzz/) drive.
pub mod pages;
mod push;

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
use crate::config::{Keep, Secret, Target, UrlForm, UrlForms, BASE_ONLY};
use crate::error::Result;
use crate::paginate::Sink;
use args::{Action, Args, DEFAULT_PAGE_SIZE};
use connection::Connection;

/// The `smb` backend.
pub(crate) struct Qumulo;

/// The URLs users paste: the REST API's paths (see the README's table of accepted URLs).
static URL_FORMS: UrlForms = UrlForms {
    paths: &[
        UrlForm {
            path: "/v1/smb/sessions",
            what: "the SMB sessions endpoint",
            implies: None,
        },
        UrlForm {
            path: "/v1",
            what: "the REST API's version path",
            implies: None,
        },
    ],
    ..BASE_ONLY
};

static ABOUT: About = About {
    name: "smb",
    vendor: "Qumulo",
    aliases: &["qumulo"],
    columns: columns::COLUMNS,
    // The session's `location`: an opaque handle (the API note).
    key: KeyShape {
        form: "the session's location, e.g. smb:1:10000000",
        check: keys::one_word,
    },
    close_selectors: &[
        Selector::column("originator", "originator"),
        Selector::column("location", "location"),
        Selector::column("share", "share_names"),
        Selector::column("guest", "is_guest"),
        // Without another selector, --identity closes only with --all.
        Selector {
            flag: "identity",
            column: Some("user.auth_id"),
            prefix: "auth_id:",
            with: &["--all"],
        },
        Selector::any("all"),
    ],
    profile_keys: keys_of::<Settings>,
    default_url: None,
    looks_like: Some(("a Qumulo cluster", connection::is_qumulo)),
    url_forms: &URL_FORMS,
    tests: TestFacts {
        pages: Pages::Sized {
            flag: "--page-size",
            path: "/v1/smb/sessions/",
        },
        lists_own_login: false,
        holds_rows: false,
        one_socket: false,
        close_verb: Some("closed"),
        close_pushes_down: true,
        absent_key: "smb:9:deadbeef",
        caches_login: true,
    },
};

impl Backend for Qumulo {
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

/// A `smb` profile's keys of its own: none, so any is refused.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Settings {}

impl Options for Settings {
    fn request(&self, matches: &ArgMatches) -> Result<Request> {
        let args: Args = parse_args(matches)?;
        Ok(match args.action {
            Some(Action::Show(ShowArgs { key })) => Request::List(Box::new(ShowKey::new(
                Box::new(List::new(None, args.page_size)),
                ABOUT.one_key(key)?,
                columns::COLUMNS,
            )?)),
            Some(Action::Close(c)) => {
                let keys = ABOUT.many_keys(c.keys.keys.clone())?;
                Request::Close(Box::new(close::Close::new(c, keys, args.page_size)?))
            }
            None => Request::List(Box::new(List::new(args.identity, args.page_size))),
        })
    }
    fn close_picked(&self, confirm: ConfirmArgs) -> Option<Box<dyn Closing>> {
        let args = args::CloseArgs {
            keys: Default::default(),
            originator: Vec::new(),
            location: Vec::new(),
            share: Vec::new(),
            identity: None,
            guest: false,
            all: true,
            confirm,
        };
        let close = close::Close::new(args, Vec::new(), DEFAULT_PAGE_SIZE).ok()?;
        Some(Box::new(close))
    }
    fn everything(&self) -> Box<dyn Listing> {
        Box::new(List::new(None, DEFAULT_PAGE_SIZE))
    }
}

/// `sessions smb`: every session, or one identity's (the server filters).
struct List {
    identity: Option<String>,
    page_size: u32,
    /// The login token of the last run, when runs repeat.
    kept: Keep<Secret>,
}

impl List {
    fn new(identity: Option<String>, page_size: u32) -> List {
        List {
            identity,
            page_size,
            kept: Keep::default(),
        }
    }
}

impl Listing for List {
    fn list<'a>(&'a self, target: &'a Target, sink: &'a mut dyn Sink) -> BoxFuture<'a, Result<()>> {
        Box::pin(async move {
            let mut cluster = Connection::connect(target, self.kept.take()).await?;
            let identity = self.identity.as_deref();
            let result = if sink.accepts_text() {
                cluster
                    .for_each_page(identity, self.page_size, pages::text_page, |texts| {
                        sink.page_text(texts)
                    })
                    .await
            } else {
                cluster
                    .for_each_page(
                        identity,
                        self.page_size,
                        |b| pages::parse_page(b),
                        |records| sink.page(records),
                    )
                    .await
            };
            cluster.keep(&self.kept);
            result
        })
    }
    fn push_down(&mut self, selector: &crate::select::Selector) -> Vec<String> {
        push::push(&mut self.identity, selector)
    }
}
