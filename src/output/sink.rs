//! One type per output format, each a [`RecordSink`], chosen once from `-o`: it writes each
//! record as it arrives (a table holds it until the end) and ends the document. What all
//! formats share, `--limit` and `--sort`, is the [`Renderer`](super::render::Renderer)'s.

use super::stdout::Stdout;
use crate::error::{Error, Result};
use crate::record::text::Text;
use crate::record::Record;

/// An output format: how it writes a record, and how its document ends.
pub(super) trait RecordSink {
    /// Write one record (or hold it, for a table).
    fn record(&mut self, out: &mut Stdout, rec: &Record) -> Result<()>;

    /// Write records handed over as single-line JSON text, a page at a time: only asked of
    /// a format that [`takes_text`](RecordSink::takes_text).
    fn texts(&mut self, _out: &mut Stdout, _texts: &[Text]) -> Result<()> {
        Err(Error::other(
            "this output format reads parsed sessions, not JSON text",
        ))
    }

    /// Whether it writes whole vendor records as JSON, so that finished text will do.
    fn takes_text(&self) -> bool {
        false
    }

    /// Whether it writes whole records (every field), so that it reads no columns.
    fn whole_records(&self) -> bool {
        self.takes_text()
    }

    /// Whether it holds every row until the end: nothing is printed while the listing runs.
    fn holds_rows(&self) -> bool {
        false
    }

    /// End the document: every record arrived (`complete`), or the listing failed after
    /// output began and what arrived is to be shown as such.
    fn end(self: Box<Self>, out: &mut Stdout, complete: bool) -> Result<()>;
}
