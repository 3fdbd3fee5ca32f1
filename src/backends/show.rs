//! `show KEY` for the backends that find one session by listing: the listing runs, and only
//! the session whose `key` column reads KEY reaches the output. None is "no such session"
//! (exit 5), as in every backend.

use super::backend::Listing;
use super::closing::no_such_session;
use super::future::BoxFuture;
use crate::config::Target;
use crate::error::{Error, Result};
use crate::paginate::{Flow, Sink};
use crate::record::text::Text;
use crate::record::{Column, Record};

/// A listing narrowed to the one session whose key is `key`.
pub(crate) struct ShowKey {
    listing: Box<dyn Listing>,
    key: String,
    column: &'static Column,
}

impl ShowKey {
    /// `columns` must have a `key` column (every backend's has).
    pub(crate) fn new(
        listing: Box<dyn Listing>,
        key: String,
        columns: &'static [Column],
    ) -> Result<Self> {
        let column = columns
            .iter()
            .find(|c| c.name == "key")
            .ok_or_else(|| Error::other("this backend has no key column"))?;
        Ok(ShowKey {
            listing,
            key,
            column,
        })
    }
}

impl Listing for ShowKey {
    fn list<'a>(&'a self, target: &'a Target, sink: &'a mut dyn Sink) -> BoxFuture<'a, Result<()>> {
        Box::pin(async move {
            let mut only = KeyFilter {
                sink,
                key: &self.key,
                column: self.column,
                found: false,
            };
            // A server that does not know what the key names (Opal's resource) says 404.
            self.listing.list(target, &mut only).await.map_err(|e| {
                match e.status() == Some(404) {
                    true => Error::server(format!("no such session: {} ({e})", self.key)),
                    false => e,
                }
            })?;
            if only.found {
                Ok(())
            } else {
                Err(no_such_session(std::slice::from_ref(&self.key)))
            }
        })
    }
}

/// Passes on the session with the key, and stops the listing once it is found.
struct KeyFilter<'a> {
    sink: &'a mut dyn Sink,
    key: &'a str,
    column: &'static Column,
    found: bool,
}

impl Sink for KeyFilter<'_> {
    fn accepts_text(&self) -> bool {
        false
    }
    fn needed_columns(&self) -> Option<Vec<&'static str>> {
        None
    }
    fn page(&mut self, records: Vec<Record>) -> Result<Flow> {
        let wanted: Vec<Record> = records
            .into_iter()
            .filter(|r| (self.column.get)(r).raw() == self.key)
            .collect();
        if wanted.is_empty() {
            return Ok(Flow::Continue);
        }
        self.found = true;
        self.sink.page(wanted)?;
        Ok(Flow::Stop)
    }
    fn page_text(&mut self, _records: Vec<Text>) -> Result<Flow> {
        Err(Error::other("show reads parsed sessions"))
    }
}
