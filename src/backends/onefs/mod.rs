//! Dell PowerScale OneFS SMB sessions: `GET /platform/{1,11}/protocols/smb/sessions`, HTTP
//! Basic or the web session login, close by computer and user.
//! Vendor behaviour and traps: docs/vendors/onefs.md.

mod args;
mod close;
mod columns;
mod common;
mod connection;
mod errors;
mod key;
mod list;
mod login;
/// Its page parsers, which the fuzz targets (fuzz/) drive.
pub mod pages;
mod settings;

use clap::{ArgMatches, Args as _};

use super::backend::{
    keys_of, parse_args, read_options, About, Backend, Listing, OptionError, Options, Request,
    Selector,
};
use super::closing::Closing;
use super::facts::{Pages, TestFacts};
use super::keys::KeyShape;
use super::show::ShowKey;
use crate::args::{ConfirmArgs, ShowArgs};
use crate::config::{UrlForm, UrlForms, BASE_ONLY};
use crate::error::Result;
use args::{Action, Args, DEFAULT_PAGE_SIZE};
use key::SessionKey;
use list::List;
use settings::Settings;

/// The `onefs` backend.
pub(crate) struct OneFs;

/// The URLs users paste: the platform API's paths and the web UI's (see the README's table
/// of accepted URLs).
static URL_FORMS: UrlForms = UrlForms {
    paths: &[
        UrlForm {
            path: "/platform/*",
            what: "the platform API (any version's path)",
            implies: None,
        },
        UrlForm {
            path: "/session/1/session",
            what: "the web session login",
            implies: None,
        },
    ],
    ..BASE_ONLY
};

static ABOUT: About = About {
    name: "onefs",
    vendor: "PowerScale",
    aliases: &["powerscale", "isilon"],
    columns: columns::COLUMNS,
    key: KeyShape {
        form: "LNN/ID, e.g. 2/17 (ID alone with v1)",
        check: |k| k.parse::<SessionKey>().map(|_| ()),
    },
    close_selectors: &[
        Selector::column("computer", "computer"),
        Selector::column("user", "user"),
    ],
    profile_keys: keys_of::<Settings>,
    default_url: None,
    looks_like: Some(("a PowerScale OneFS cluster", errors::is_onefs)),
    url_forms: &URL_FORMS,
    tests: TestFacts {
        pages: Pages::Resumed {
            flag: "--page-size",
            path: "/protocols/smb/sessions",
        },
        lists_own_login: false,
        holds_rows: false,
        one_socket: false,
        close_verb: Some("closed"),
        close_pushes_down: false,
        absent_key: "65535/2147483647",
        caches_login: true,
    },
};

impl Backend for OneFs {
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
        pages::normalize(vendor)
    }
}

impl Options for Settings {
    fn request(&self, matches: &ArgMatches) -> Result<Request> {
        let args: Args = parse_args(matches)?;
        Ok(match args.action {
            Some(Action::Show(ShowArgs { ref key })) => Request::List(Box::new(ShowKey::new(
                Box::new(List::new(*self, &args)),
                ABOUT.one_key(key.clone())?,
                columns::COLUMNS,
            )?)),
            Some(Action::Close(c)) => {
                let keys = ABOUT.many_keys(c.keys.keys.clone())?;
                let keys = keys
                    .iter()
                    .map(|k| k.parse::<SessionKey>())
                    .collect::<std::result::Result<_, _>>()
                    .map_err(crate::error::Error::usage)?;
                Request::Close(Box::new(close::Close::new(*self, c, keys, args.page_size)?))
            }
            None => Request::List(Box::new(List::new(*self, &args))),
        })
    }
    fn everything(&self) -> Box<dyn Listing> {
        Box::new(List::everything(*self, DEFAULT_PAGE_SIZE))
    }
    fn close_picked(&self, confirm: ConfirmArgs) -> Option<Box<dyn Closing>> {
        let args = args::CloseArgs {
            keys: Default::default(),
            computer: Vec::new(),
            user: Vec::new(),
            confirm,
        };
        let close = close::Close::new(*self, args, Vec::new(), DEFAULT_PAGE_SIZE).ok()?;
        Some(Box::new(close))
    }
}
