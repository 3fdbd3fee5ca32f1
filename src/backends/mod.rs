//! The registry of backends, the one place that names them all; `backend.rs` says what a
//! [`Backend`] is.
//! Each backend lives in its own folder with its subcommand's arguments, its columns, its
//! client and its page parsing. Adding one is a folder and a line in [`ALL`]
//! (docs/architecture.md has the recipe).
//!
//! Of the library's API, this module is the part the tests and fuzz targets use: [`ALL`],
//! [`find`] and [`Registry`]; a [`Backend`]'s facts ([`TestFacts`], [`Pages`], [`Selector`]);
//! and each backend's page parsers, which the fuzz targets drive. The rest is the crate's.

mod backend;
mod batches;
mod closing;
mod facts;
mod future;
mod keys;
pub mod onefs;
pub mod ontap;
pub mod opal;
#[cfg(test)]
mod props;
pub mod qumulo;
pub(crate) mod settled;
mod show;
pub mod truenas;

use crate::config::ProfileRules;

pub(crate) use backend::*;
pub use backend::{Backend, Selector};
pub(crate) use closing::{no_such_session, Closing, Ended, Outcome, Progress, Selection};
pub use facts::{Pages, TestFacts};

/// Every backend, in the order `--help` lists them.
pub static ALL: &[&dyn Backend] = &[
    &qumulo::Qumulo,
    &ontap::Ontap,
    &truenas::TrueNas,
    &opal::Opal,
    &onefs::OneFs,
];

/// The backend a subcommand or a profile's `backend = "..."` names.
pub fn find(name: &str) -> Option<&'static dyn Backend> {
    ALL.iter().copied().find(|b| b.name() == name)
}

/// What `config/` needs to know about backends, without naming any.
pub struct Registry;

impl ProfileRules for Registry {
    fn backends(&self) -> Vec<&'static str> {
        ALL.iter().map(|b| b.name()).collect()
    }
    fn own_keys(&self, backend: &str) -> &'static [&'static str] {
        find(backend).map_or(&[], |b| b.profile_keys())
    }
    fn default_url(&self, backend: &str) -> Option<&'static str> {
        find(backend).and_then(|b| b.about().default_url)
    }
    fn recognise(&self) -> Option<crate::transport::mistakes::Recognise> {
        Some(recognise)
    }
    fn url_forms(&self, backend: &str) -> &'static crate::config::UrlForms {
        find(backend).map_or(&crate::config::BASE_ONLY, |b| b.about().url_forms)
    }
}

/// The other vendor an error answer clearly comes from, when a profile of backend `own`
/// points at another vendor's API: "an ONTAP cluster".
pub fn recognise(own: &str, resp: &crate::transport::http::Response) -> Option<&'static str> {
    ALL.iter()
        .filter(|b| b.name() != own)
        .find_map(|b| match b.about().looks_like {
            Some((what, answered)) if answered(resp) => Some(what),
            _ => None,
        })
}
