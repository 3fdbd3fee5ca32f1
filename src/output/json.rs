//! `json` (one array of records) and `ndjson` (one record per line). Whole records are
//! written as the vendor sent them, and may come as finished text (see `Sink::page_text`);
//! with chosen columns, each record carries only those.

use serde_json::Value;

use super::options::RenderOptions;
use super::sink::RecordSink;
use super::stdout::Stdout;
use crate::error::{Error, Result};
use crate::record::text::Text;
use crate::record::{Column, Record};

/// A record as single-line JSON: whole, or only the chosen `columns`.
struct Encoder {
    /// `None`: the whole record.
    columns: Option<Vec<&'static Column>>,
}

impl Encoder {
    fn new(opts: &RenderOptions) -> Encoder {
        Encoder {
            columns: opts.projected.then(|| opts.columns.clone()),
        }
    }

    fn encode(&self, rec: &Record) -> Result<String> {
        match &self.columns {
            Some(columns) => {
                let obj: serde_json::Map<String, Value> = columns
                    .iter()
                    .map(|c| (c.name.to_string(), c.value(rec)))
                    .collect();
                serde_json::to_string(&obj)
            }
            None => serde_json::to_string(rec),
        }
        .map_err(|e| Error::other(format!("cannot encode JSON: {e}")))
    }
}

/// `-o json`: `[`, the records separated by `,` and a line break, `]`.
pub(super) struct Json {
    encoder: Encoder,
    started: bool,
}

impl Json {
    pub(super) fn new(opts: &RenderOptions) -> Json {
        Json {
            encoder: Encoder::new(opts),
            started: false,
        }
    }

    fn separate(&mut self, out: &mut Stdout) -> Result<()> {
        out.raw(if self.started { b",\n" } else { b"[\n" })?;
        self.started = true;
        Ok(())
    }
}

impl RecordSink for Json {
    fn record(&mut self, out: &mut Stdout, rec: &Record) -> Result<()> {
        let text = self.encoder.encode(rec)?;
        self.separate(out)?;
        out.json(&text)
    }

    fn texts(&mut self, out: &mut Stdout, texts: &[Text]) -> Result<()> {
        texts.iter().try_for_each(|text| {
            self.separate(out)?;
            out.json_parts(text.pieces())
        })
    }

    fn takes_text(&self) -> bool {
        self.encoder.columns.is_none()
    }

    /// A listing that failed leaves the array unterminated, so that no parser takes it for
    /// the whole list.
    fn end(self: Box<Self>, out: &mut Stdout, complete: bool) -> Result<()> {
        match (complete, self.started) {
            (true, true) => out.raw(b"\n]\n"),
            (true, false) => out.raw(b"[]\n"),
            (false, _) => out.raw(b"\n"),
        }
    }
}

/// `-o ndjson`: one record per line.
pub(super) struct Ndjson {
    encoder: Encoder,
}

impl Ndjson {
    pub(super) fn new(opts: &RenderOptions) -> Ndjson {
        Ndjson {
            encoder: Encoder::new(opts),
        }
    }
}

impl Ndjson {
    fn write(out: &mut Stdout, text: &str) -> Result<()> {
        out.json(text)?;
        out.raw(b"\n")
    }
}

impl RecordSink for Ndjson {
    fn record(&mut self, out: &mut Stdout, rec: &Record) -> Result<()> {
        let text = self.encoder.encode(rec)?;
        Ndjson::write(out, &text)
    }

    fn texts(&mut self, out: &mut Stdout, texts: &[Text]) -> Result<()> {
        texts.iter().try_for_each(|text| {
            out.json_parts(text.pieces())?;
            out.raw(b"\n")
        })
    }

    fn takes_text(&self) -> bool {
        self.encoder.columns.is_none()
    }

    fn end(self: Box<Self>, _out: &mut Stdout, _complete: bool) -> Result<()> {
        Ok(())
    }
}
