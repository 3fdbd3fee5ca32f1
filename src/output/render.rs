//! The [`Renderer`]: a listing's [`Sink`](crate::paginate::Sink). It applies what every
//! format shares, `--limit` and `--sort` (which holds every row until the end), and hands
//! each record to the format's [`RecordSink`].

use super::csv::Csv;
use super::json::{Json, Ndjson};
use super::options::{RecordFormat, RenderOptions};
use super::plain::Plain;
use super::sink::RecordSink;
use super::stdout::Stdout;
use super::table::Table;
use crate::error::Result;
use crate::paginate::{Flow, Sink};
use crate::record::text::Text;
use crate::record::{Cell, Column, Record};

/// Takes records page by page and writes them out in the chosen format.
pub(crate) struct Renderer<'o> {
    format: Box<dyn RecordSink>,
    out: &'o mut Stdout,
    /// What the format reads, and the sort column: `None` when whole records are written.
    needed: Option<Vec<&'static str>>,
    sort: Option<(&'static Column, bool)>,
    limit: Option<usize>,
    emitted: usize,
    sorted: Vec<(Cell, Record)>,
}

impl<'o> Renderer<'o> {
    pub(crate) fn new(opts: RenderOptions, out: &'o mut Stdout) -> Renderer<'o> {
        let format = choose(&opts);
        let needed = (!format.whole_records()).then(|| {
            let sorted_by = opts.sort.map(|(col, _)| col.name);
            opts.columns
                .iter()
                .map(|c| c.name)
                .chain(sorted_by)
                .collect()
        });
        Renderer {
            format,
            out,
            needed,
            sort: opts.sort,
            limit: opts.limit,
            emitted: 0,
            sorted: Vec::new(),
        }
    }

    /// The columns this output will read, or `None` when whole records are printed
    /// (`json`/`ndjson` without a projection, and `wide`). Backends whose API returns only
    /// the fields asked for (ONTAP) use this to ask for exactly those.
    pub(crate) fn needed_columns(&self) -> Option<Vec<&'static str>> {
        self.needed.clone()
    }

    /// True when the output is whole vendor records as JSON (`json`/`ndjson`, no projection
    /// or sort): backends may then hand over finished JSON text (see `page_text`).
    pub(crate) fn accepts_text(&self) -> bool {
        self.format.takes_text() && self.sort.is_none()
    }

    /// Whether every row is held until the end (a table, or a sort): nothing is printed
    /// while the listing runs.
    pub(crate) fn holds_rows(&self) -> bool {
        self.format.holds_rows() || self.sort.is_some()
    }

    /// True when no record has arrived yet (nothing written, nothing held back).
    pub(crate) fn is_untouched(&self) -> bool {
        self.emitted == 0 && self.sorted.is_empty()
    }

    /// Take one page. Streaming formats write it out (and flush) before returning.
    pub(crate) fn page(&mut self, records: Vec<Record>) -> Result<Flow> {
        if let Some((col, _)) = self.sort {
            self.sorted
                .extend(records.into_iter().map(|r| ((col.get)(&r), r)));
            return Ok(Flow::Continue);
        }
        self.write(&records)?;
        self.flow()
    }

    /// Take one page of records already rendered as single-line JSON objects.
    pub(crate) fn page_text(&mut self, records: Vec<Text>) -> Result<Flow> {
        debug_assert!(self.accepts_text());
        let room = self
            .limit
            .map_or(usize::MAX, |l| l.saturating_sub(self.emitted));
        let texts = &records[..records.len().min(room)];
        self.emitted += texts.len();
        self.format.texts(self.out, texts)?;
        self.flow()
    }

    /// Hand `records` to the format, until `--limit` of them are out.
    fn write<'r>(&mut self, records: impl IntoIterator<Item = &'r Record>) -> Result<()> {
        for rec in records {
            if self.limit_reached() {
                break;
            }
            self.emitted += 1;
            self.format.record(self.out, rec)?;
        }
        Ok(())
    }

    /// Flush the page written; stop the listing once `--limit` records are out.
    fn flow(&mut self) -> Result<Flow> {
        self.out.flush()?;
        Ok(if self.limit_reached() {
            Flow::Stop
        } else {
            Flow::Continue
        })
    }

    fn limit_reached(&self) -> bool {
        self.limit.is_some_and(|l| self.emitted >= l)
    }

    /// Draw what was held back and close the document.
    pub(crate) fn finish(self) -> Result<()> {
        self.end(true).map(drop)
    }

    /// The listing failed after output began: print what arrived, but leave a JSON array
    /// unterminated, so that no parser takes it for the whole list.
    pub(crate) fn abandon(self) -> Result<()> {
        self.end(false).map(drop)
    }

    /// Close the document; stdout is handed back for what follows it (`all`'s failures).
    pub(super) fn end(mut self, complete: bool) -> Result<&'o mut Stdout> {
        if let Some((_, descending)) = self.sort {
            let mut rows = std::mem::take(&mut self.sorted);
            crate::record::sort_keyed(&mut rows, descending);
            let records = rows.iter().map(|(_, rec)| rec);
            self.write(records)?;
        }
        self.format.end(self.out, complete)?;
        self.out.flush()?;
        Ok(self.out)
    }
}

impl Sink for Renderer<'_> {
    fn accepts_text(&self) -> bool {
        Renderer::accepts_text(self)
    }
    fn needed_columns(&self) -> Option<Vec<&'static str>> {
        Renderer::needed_columns(self)
    }
    fn page(&mut self, records: Vec<Record>) -> Result<Flow> {
        Renderer::page(self, records)
    }
    fn page_text(&mut self, records: Vec<Text>) -> Result<Flow> {
        Renderer::page_text(self, records)
    }
}

/// The sink of `opts.format`.
fn choose(opts: &RenderOptions) -> Box<dyn RecordSink> {
    match opts.format {
        RecordFormat::Table => Box::new(Table::new(opts, false)),
        RecordFormat::Wide => Box::new(Table::new(opts, true)),
        RecordFormat::Json => Box::new(Json::new(opts)),
        RecordFormat::Ndjson => Box::new(Ndjson::new(opts)),
        RecordFormat::Csv => Box::new(Csv::new(opts)),
        RecordFormat::Plain => Box::new(Plain::new(opts)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::options::RecordFormat;
    use crate::record::{self, Fit, Json};

    #[rustfmt::skip]
    static USER: Column = Column { name: "user", header: "USER", about: "", default: true, fit: Fit::Key, get: |r| record::text(r, "user"), json: Json::Field };

    fn texts(users: &[&str]) -> Vec<Text> {
        users
            .iter()
            .map(|u| Text::owned(format!(r#"{{"user":"{u}"}}"#)))
            .collect()
    }

    fn records(users: &[&str]) -> Vec<Record> {
        texts(users)
            .iter()
            .map(|t| serde_json::from_slice(&t.joined()).unwrap())
            .collect()
    }

    #[test]
    fn text_pages_stop_at_the_limit() {
        let (mut out, kept) = Stdout::capture();
        let opts = RenderOptions {
            limit: Some(3),
            ..RenderOptions::of(RecordFormat::Json, vec![&USER])
        };
        let mut render = Renderer::new(opts, &mut out);
        assert!(render.accepts_text());
        assert_eq!(render.needed_columns(), None, "whole records");
        let first = render.page_text(texts(&["ann", "bob"])).unwrap();
        let second = render.page_text(texts(&["cy", "dee"])).unwrap();
        assert_eq!((first, second), (Flow::Continue, Flow::Stop));
        render.finish().unwrap();
        assert_eq!(
            kept.text(),
            "[\n{\"user\":\"ann\"},\n{\"user\":\"bob\"},\n{\"user\":\"cy\"}\n]\n"
        );
    }

    #[test]
    fn a_failed_listing_leaves_the_json_array_open() {
        let (mut out, kept) = Stdout::capture();
        let mut render = Renderer::new(RenderOptions::of(RecordFormat::Json, vec![]), &mut out);
        render.page(records(&["ann"])).unwrap();
        render.abandon().unwrap();
        assert_eq!(kept.text(), "[\n{\"user\":\"ann\"}\n");
        assert!(serde_json::from_str::<serde_json::Value>(&kept.text()).is_err());
    }

    #[test]
    fn empty_output_still_says_it_is_empty() {
        let (mut out, kept) = Stdout::capture();
        Renderer::new(RenderOptions::of(RecordFormat::Json, vec![]), &mut out)
            .finish()
            .unwrap();
        let (mut csv, csv_kept) = Stdout::capture();
        Renderer::new(RenderOptions::of(RecordFormat::Csv, vec![&USER]), &mut csv)
            .finish()
            .unwrap();
        assert_eq!(
            (kept.text(), csv_kept.text()),
            ("[]\n".into(), "user\r\n".into())
        );
    }

    #[test]
    fn a_sort_holds_rows_until_the_end() {
        let (mut out, kept) = Stdout::capture();
        let opts = RenderOptions {
            sort: Some((&USER, true)),
            limit: Some(2),
            ..RenderOptions::of(RecordFormat::Csv, vec![&USER])
        };
        let mut render = Renderer::new(opts, &mut out);
        assert!(render.holds_rows() && !render.accepts_text());
        assert_eq!(render.needed_columns(), Some(vec!["user", "user"]));
        render.page(records(&["bob", "ann"])).unwrap();
        render.page(records(&["cy"])).unwrap();
        assert_eq!(kept.text(), "", "nothing before the end");
        render.finish().unwrap();
        assert_eq!(kept.text(), "user\r\ncy\r\nbob\r\n");
    }
}
