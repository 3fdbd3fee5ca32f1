//! The client-side filter: a [`Sink`] in front of another (the renderer), passing on only
//! the sessions a test selects. So `--limit` and `--sort`, which the renderer applies, count
//! and order what was selected.

use crate::error::{Error, Result};
use crate::paginate::{Flow, Sink};
use crate::record::text::Text;
use crate::record::Record;

/// Passes to `inner` the records `test` keeps.
pub(crate) struct Filter<'a> {
    test: Box<dyn Fn(&Record) -> bool + 'a>,
    inner: &'a mut dyn Sink,
}

impl<'a> Filter<'a> {
    pub(crate) fn new(test: impl Fn(&Record) -> bool + 'a, inner: &'a mut dyn Sink) -> Filter<'a> {
        Filter {
            test: Box::new(test),
            inner,
        }
    }
}

impl Sink for Filter<'_> {
    fn accepts_text(&self) -> bool {
        self.inner.accepts_text()
    }
    fn needed_columns(&self) -> Option<Vec<&'static str>> {
        // A term may name any field, and the common record reads several: whole records.
        None
    }
    fn page(&mut self, mut records: Vec<Record>) -> Result<Flow> {
        records.retain(|r| (self.test)(r));
        self.inner.page(records)
    }
    fn page_text(&mut self, records: Vec<Text>) -> Result<Flow> {
        let mut kept = Vec::with_capacity(records.len());
        for t in records {
            let rec: Record = serde_json::from_slice(&t.joined())
                .map_err(|e| Error::server(format!("a session is not a JSON object: {e}")))?;
            if (self.test)(&rec) {
                kept.push(t);
            }
        }
        self.inner.page_text(kept)
    }
}
