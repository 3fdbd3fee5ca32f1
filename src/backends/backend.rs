//! What a backend is: the [`Backend`] trait, its [`About`] as data, and the [`Listing`] it
//! opens.

use clap::ArgMatches;

use super::closing::Closing;
use super::facts::TestFacts;
use super::future::BoxFuture;
use super::keys::{self, KeyShape};
use crate::config::Target;
use crate::error::Result;
use crate::paginate::Sink;
use crate::record::common::{Breakdown, Common};
use crate::record::{Column, Record};

/// What a vendor's servers are called, and whether an error answer is one of theirs.
pub(crate) type LooksLike = (&'static str, fn(&crate::transport::http::Response) -> bool);

/// What a backend is, as data: names, help, columns, profile keys.
pub struct About {
    /// The subcommand, and what a profile's `backend = "..."` says.
    pub name: &'static str,
    /// The vendor's product name, for headings and messages.
    pub vendor: &'static str,
    /// Other names for the subcommand (its help is in its `args.rs`).
    pub aliases: &'static [&'static str],
    /// The columns it offers, in table order.
    pub columns: &'static [Column],
    /// What its keys (the `key` column, what `show` and `close` take) look like.
    pub key: KeyShape,
    /// What each selector flag of its `close` chooses, for the close tests of every backend.
    pub close_selectors: &'static [Selector],
    /// Profile keys of its own, beyond the ones every profile takes: the fields of its typed
    /// options struct, `keys_of::<Settings>`.
    pub profile_keys: fn() -> &'static [&'static str],
    /// The URL a profile without `url` uses (a SaaS API's production endpoint).
    pub default_url: Option<&'static str>,
    /// The forms of its URL that users paste (an API path, the web UI's address), reduced
    /// to the base URL by `config`; the README's table of accepted URLs lists them.
    pub url_forms: &'static crate::config::UrlForms,
    /// What the vendor's servers are called ("an ONTAP cluster"), and how to tell one of
    /// their error answers from any other's; `None` when nothing sets them apart.
    pub looks_like: Option<LooksLike>,
    /// What the cross-backend tests need to know of it (its paging, its close, its login).
    pub tests: TestFacts,
}

/// A selector flag of `close`, as data: `--FLAG VALUE` chooses the sessions whose `column`
/// holds `prefix` + VALUE (a list column: among its items); a `--FLAG` that takes no value,
/// those whose `column` is true. `column` is `None` where no one column says which; `with`
/// are flags it needs beside it.
pub struct Selector {
    /// The flag, without its dashes.
    pub flag: &'static str,
    /// The column it matches, if one does.
    pub column: Option<&'static str>,
    /// What the column's value has before the flag's VALUE.
    pub prefix: &'static str,
    /// The flags it needs beside it.
    pub with: &'static [&'static str],
}

impl Selector {
    /// `--FLAG VALUE` chooses the sessions whose `column` is VALUE.
    pub const fn column(flag: &'static str, column: &'static str) -> Selector {
        Selector {
            flag,
            column: Some(column),
            prefix: "",
            with: &[],
        }
    }
    /// `--FLAG` chooses sessions by what no one column says.
    pub const fn any(flag: &'static str) -> Selector {
        Selector {
            flag,
            column: None,
            prefix: "",
            with: &[],
        }
    }
}

impl About {
    /// The one key `show` takes (`-` reads it from stdin), checked against its shape.
    pub fn one_key(&self, raw: String) -> Result<String> {
        keys::one(raw, self.name, &self.key)
    }
    /// The keys `close` takes (a lone `-` reads them from stdin), each checked.
    pub fn many_keys(&self, raw: Vec<String>) -> Result<Vec<String>> {
        keys::many(raw, self.name, &self.key)
    }
}

/// One vendor API.
pub trait Backend: Sync {
    /// What it is, as data: its names, columns, keys, profile keys and test facts.
    fn about(&self) -> &'static About;
    /// Add the subcommand's own arguments, help and examples (its clap `Args`, in `args.rs`).
    fn args(&self, command: clap::Command) -> clap::Command;
    /// A profile's keys of its own (`About::profile_keys`), read once when the config loads
    /// into the backend's typed options struct (see [`read_options`]), which makes its
    /// listings and closings: so the typed value never passes through generic code.
    fn options(&self, own: &toml::Table) -> std::result::Result<Box<dyn Options>, OptionError>;
    /// One of its records (as `-o json` prints it) in the common record's terms: the mapping
    /// lives in the backend's folder, and the README documents it as a table.
    fn common(&self, record: &Record) -> Common;
    /// Its own gauges for `-o prometheus` and the exporter (by protocol, by credential type).
    fn breakdowns(&self) -> &'static [Breakdown] {
        &[]
    }
    /// Sessions as its API may send them, quirks included, for the registry's properties
    /// (`backends::props`).
    #[cfg(test)]
    fn sample(&self) -> proptest::strategy::BoxedStrategy<serde_json::Value>;
    /// One of those sessions as `-o json` prints it: what its page decoding makes of it.
    #[cfg(test)]
    fn full_record(&self, vendor: Record) -> Record;
}

impl dyn Backend + '_ {
    /// Its subcommand, and what a profile's `backend = "..."` says.
    pub fn name(&self) -> &'static str {
        self.about().name
    }
    /// The vendor's product name.
    pub fn vendor(&self) -> &'static str {
        self.about().vendor
    }
    /// The profile keys of its own (`About::profile_keys`).
    pub fn profile_keys(&self) -> &'static [&'static str] {
        (self.about().profile_keys)()
    }
    /// The columns it offers, in table order.
    pub fn columns(&self) -> &'static [Column] {
        self.about().columns
    }
    /// Whether `selector` selects one of its records (as `-o json` prints it) on profile
    /// `profile`: its columns by name, and the common record's fields through
    /// [`Backend::common`], made only when a term names one.
    pub(crate) fn selects(
        &self,
        selector: &crate::select::Selector,
        profile: &str,
        vendor: &Record,
    ) -> bool {
        selector.matches(self.columns(), vendor, || {
            let now = time::OffsetDateTime::now_utc();
            crate::record::common::to_record(
                self.name(),
                profile,
                self.common(vendor),
                Record::new(),
                now,
            )
        })
    }
    /// Two of its default columns, for examples in its help.
    pub fn example_columns(&self) -> (&'static str, &'static str) {
        let mut defaults = self.columns().iter().filter(|c| c.default).map(|c| c.name);
        let first = defaults.next().unwrap_or("key");
        (first, defaults.next().unwrap_or(first))
    }
    /// The subcommand: the listing flags of every backend (`ListArgs`), then its own.
    pub fn command(&self) -> clap::Command {
        let about = self.about();
        let (first, second) = self.example_columns();
        let listing =
            <crate::args::ListArgs as clap::Args>::augment_args(clap::Command::new(about.name));
        self.args(listing)
            .mut_arg("projection", |a| {
                a.help(format!(
                    "Print only these columns, comma-separated, e.g. `key` or `{first},{second}`"
                ))
            })
            .args_conflicts_with_subcommands(true)
            .visible_aliases(about.aliases)
    }
}

/// What a profile of a backend makes of a subcommand: the backend's typed options struct,
/// read when the config loaded, which hands what it holds to the listings and closings it
/// builds.
pub trait Options: Send + Sync {
    /// What the parsed subcommand asks for.
    fn request(&self, matches: &ArgMatches) -> Result<Request>;
    /// The unfiltered listing that `all`, the exporter and `all --watch` run.
    fn everything(&self) -> Box<dyn Listing>;
    /// `all close`: a close of whatever `--where` picks among every session (the backend's
    /// own selectors left out), or `None` where its API cannot close sessions.
    fn close_picked(&self, _confirm: crate::args::ConfirmArgs) -> Option<Box<dyn Closing>> {
        None
    }
}

/// A bad value of one of a backend's profile keys; the config loader adds the file and the
/// key's line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OptionError {
    pub key: String,
    pub message: String,
}

/// A backend's typed options struct (all its fields optional, `deny_unknown_fields`) from a
/// profile's keys of its own; a bad value names its key.
pub(crate) fn read_options<T: serde::de::DeserializeOwned>(
    own: &toml::Table,
) -> std::result::Result<T, OptionError> {
    let whole = own.clone().try_into::<T>();
    whole.map_err(|e| {
        // The error does not say which key it was about: the key alone fails the same way.
        let key = own
            .iter()
            .find(|(k, v)| {
                toml::Table::from_iter([((*k).clone(), (*v).clone())])
                    .try_into::<T>()
                    .is_err()
            })
            .map_or_else(String::new, |(k, _)| k.clone());
        OptionError {
            key,
            message: e.message().to_string(),
        }
    })
}

/// The keys a typed options struct takes: its fields, as serde names them. So each key is
/// written once, in the struct.
pub(crate) fn keys_of<T: serde::de::DeserializeOwned>() -> &'static [&'static str] {
    use serde::de::{value::Error, Error as _, Visitor};
    /// Deserialises nothing; notes the fields a struct asks for.
    struct Fields<'a>(&'a mut &'static [&'static str]);
    impl<'de> serde::Deserializer<'de> for Fields<'_> {
        type Error = Error;
        fn deserialize_any<V: Visitor<'de>>(self, _: V) -> std::result::Result<V::Value, Error> {
            Err(Error::custom("options are a struct"))
        }
        fn deserialize_struct<V: Visitor<'de>>(
            self,
            _: &'static str,
            fields: &'static [&'static str],
            _: V,
        ) -> std::result::Result<V::Value, Error> {
            *self.0 = fields;
            Err(Error::custom("only its fields were asked for"))
        }
        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
            option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier
            ignored_any
        }
    }
    let mut fields: &'static [&'static str] = &[];
    let _ = T::deserialize(Fields(&mut fields));
    fields
}

/// A backend's clap `Args` from its subcommand's matches.
pub(crate) fn parse_args<A: clap::FromArgMatches>(matches: &ArgMatches) -> Result<A> {
    A::from_arg_matches(matches).map_err(|e| crate::error::Error::usage(e.to_string()))
}

impl std::fmt::Debug for dyn Backend {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// What a backend subcommand asks for.
pub enum Request {
    /// Fetch sessions and render them.
    List(Box<dyn Listing>),
    /// Select sessions, show them, confirm, end them (see `closing.rs`).
    Close(Box<dyn Closing>),
}

/// A listing with its filters, ready to run against a target.
pub trait Listing {
    /// Fetch every matching session, handing each page to `sink` as it arrives.
    fn list<'a>(&'a self, target: &'a Target, sink: &'a mut dyn Sink) -> BoxFuture<'a, Result<()>>;
    /// Send with its request the terms of `selector` its API filters so that nothing they
    /// select is left out (the client still applies every term, so the result cannot
    /// differ); returns what it sends, as the API writes it, for `-v`.
    fn push_down(&mut self, _selector: &crate::select::Selector) -> Vec<String> {
        Vec::new()
    }
}

/// Push `selector` down into `listing` unless `local` (`--no-push-down`), and say on `-v`
/// what went to the server.
pub(crate) fn push_down(
    listing: &mut dyn Listing,
    selector: &crate::select::Selector,
    local: bool,
    log: &crate::transport::Log,
) {
    pushed(selector, local, log, |s| listing.push_down(s));
}

/// Push `selector` down through `push` (a listing's or a close's) unless `local`
/// (`--no-push-down`), and say on `-v` what went to the server.
pub(crate) fn pushed(
    selector: &crate::select::Selector,
    local: bool,
    log: &crate::transport::Log,
    push: impl FnOnce(&crate::select::Selector) -> Vec<String>,
) {
    let sent = match local {
        true => Vec::new(),
        false => push(selector),
    };
    match sent.is_empty() {
        true => log.verbose(format_args!(
            "--where {selector}: nothing sent to the server; every term is applied here"
        )),
        false => log.verbose(format_args!(
            "--where {selector}: sent to the server: {}; every term is applied here as well",
            sent.join(" ")
        )),
    }
}
