//! The only code that writes to stdout. Renderers for `table`, `wide`, `json`, `ndjson`,
//! `csv` and `plain` all take records page by page; only `table`/`wide` and `--sort` hold
//! rows back, because they need every row before the first line can be drawn.

pub mod indicator;
mod screen;
mod sections;
mod stdout;
mod table;

pub use screen::{clock, cut, redraw_begin, screen_height, table_width};
pub use sections::Sections;
pub use stdout::{exit_on_interrupt, Stdout};

use std::io::{self, IsTerminal};

use serde_json::Value;

use crate::error::{Error, Result};
use crate::escape;
use crate::paginate::Flow;
use crate::record::{plain_text, Cell, Column, Record};

/// Output formats (`-o`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Aligned columns with a header, sized to the terminal.
    Table,
    /// A table with every column.
    Wide,
    /// One JSON array of the vendor's records (fields and nesting as the vendor sends them).
    Json,
    /// One JSON object per line, streamed page by page.
    Ndjson,
    /// RFC 4180 CSV with a header line.
    Csv,
    /// Values only, tab-separated, no header: for `xargs`, `sort`, `grep`.
    Plain,
    /// Prometheus text exposition: gauges per profile (for node_exporter's textfile collector).
    Prometheus,
}

/// When to colour (`--color`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// A warning on stderr.
pub fn warn(message: &str) {
    indicator::above(|| eprintln!("sessions: warning: {}", escape::controls(message)));
}

/// A note for the person at the terminal, on stderr (stdout stays data only).
pub fn note(message: &str) {
    indicator::above(|| eprintln!("sessions: {}", escape::controls(message)));
}

/// A note from a long-running subcommand, e.g. `sessions simulate: ...`.
pub fn note_from(command: &str, message: &str) {
    indicator::above(|| eprintln!("sessions {command}: {}", escape::controls(message)));
}

/// An indented detail line under a [`note`].
pub fn detail(line: &str) {
    indicator::above(|| eprintln!("    {}", escape::controls(line)));
}

/// Ask a yes/no question on the terminal. `--yes` answers for the user; without it and
/// without a terminal to ask on, `refusal` is the (usage) error.
pub fn confirm(question: &str, yes: bool, refusal: &str) -> Result<bool> {
    if yes {
        return Ok(true);
    }
    if !io::stdin().is_terminal() {
        return Err(Error::usage(refusal));
    }
    eprint!("{question} [y/N] ");
    let mut answer = String::new();
    io::BufRead::read_line(&mut io::stdin().lock(), &mut answer)?;
    Ok(matches!(answer.trim(), "y" | "Y" | "yes"))
}

/// The sink of transport code's [`Log`](crate::transport::Log): stderr.
pub fn log_line(line: crate::transport::Line<'_>) {
    match line {
        crate::transport::Line::Verbose(args) => verbose(args),
        crate::transport::Line::Warning(message) => warn(message),
    }
}

/// A `-v` log line on stderr. Callers pass no secrets; URLs go through `http::redact_url`.
pub fn verbose(args: std::fmt::Arguments<'_>) {
    indicator::above(|| eprintln!("sessions: {}", escape::controls(&args.to_string())));
}

/// Whether to colour, per `--color` and `NO_COLOR`.
pub fn use_color(choice: ColorChoice, stdout_is_terminal: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            stdout_is_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    }
}

/// How records are to be drawn.
pub struct RenderOptions {
    pub format: Format,
    pub columns: Vec<&'static Column>,
    /// The user chose the columns (`--columns` or a projection): JSON then carries only those.
    pub projected: bool,
    pub headers: bool,
    pub sort: Option<(&'static Column, bool)>,
    pub limit: Option<usize>,
    pub color: bool,
    /// The screen width a table must fit (the terminal's, or `COLUMNS`); `None` when piped.
    pub width: Option<usize>,
    /// A `--watch` frame: the table takes at most this many lines (header, rows, `… N more`),
    /// none wider than `width`, and leaves the hidden-columns note out.
    pub height: Option<usize>,
    /// For `all`: the profile each row came from, added as a leading `profile` field/column.
    pub tag: Option<String>,
}

impl RenderOptions {
    /// Whether every row is held until the end (a table, or a sort): nothing is printed
    /// while the listing runs.
    pub fn holds_rows(&self) -> bool {
        matches!(self.format, Format::Table | Format::Wide) || self.sort.is_some()
    }
}

impl crate::paginate::Sink for Renderer<'_> {
    fn accepts_text(&self) -> bool {
        Renderer::accepts_text(self)
    }
    fn needed_columns(&self) -> Option<Vec<&'static str>> {
        Renderer::needed_columns(self)
    }
    fn page(&mut self, records: Vec<Record>) -> Result<Flow> {
        Renderer::page(self, records)
    }
    fn page_text(&mut self, records: Vec<String>) -> Result<Flow> {
        Renderer::page_text(self, records)
    }
}

/// Takes records page by page and writes them out.
pub struct Renderer<'o> {
    opts: RenderOptions,
    out: &'o mut Stdout,
    emitted: usize,
    sorted: Vec<(Cell, Record)>,
    table: table::TableBuffer,
    started: bool,
}

impl<'o> Renderer<'o> {
    pub fn new(opts: RenderOptions, out: &'o mut Stdout) -> Renderer<'o> {
        Renderer {
            opts,
            out,
            emitted: 0,
            sorted: Vec::new(),
            table: table::TableBuffer::default(),
            started: false,
        }
    }

    /// The columns this output will read, or `None` when whole records are printed
    /// (`json`/`ndjson` without a projection, and `wide`). Backends whose API returns only
    /// the fields asked for (ONTAP) use this to ask for exactly those.
    pub fn needed_columns(&self) -> Option<Vec<&'static str>> {
        let whole =
            matches!(self.opts.format, Format::Json | Format::Ndjson) && !self.opts.projected;
        if whole || self.opts.format == Format::Wide {
            return None;
        }
        let mut names: Vec<&'static str> = self.opts.columns.iter().map(|c| c.name).collect();
        if let Some((col, _)) = self.opts.sort {
            names.push(col.name);
        }
        Some(names)
    }

    /// True when the output is whole vendor records as JSON (`json`/`ndjson`, no projection,
    /// sort or tag): backends may then hand over finished JSON text (see `page_text`).
    pub fn accepts_text(&self) -> bool {
        matches!(self.opts.format, Format::Json | Format::Ndjson)
            && !self.opts.projected
            && self.opts.sort.is_none()
            && self.opts.tag.is_none()
    }

    /// Take one page of records already rendered as single-line JSON objects.
    pub fn page_text(&mut self, records: Vec<String>) -> Result<Flow> {
        debug_assert!(self.accepts_text());
        for text in &records {
            if self.limit_reached() {
                break;
            }
            self.emitted += 1;
            let first = !self.started;
            self.started = true;
            if self.opts.format == Format::Json {
                self.out.raw(if first { b"[\n" } else { b",\n" })?;
                self.out.raw(text.as_bytes())?;
            } else {
                self.out.raw(text.as_bytes())?;
                self.out.raw(b"\n")?;
            }
        }
        self.out.flush()?;
        Ok(if self.limit_reached() {
            Flow::Stop
        } else {
            Flow::Continue
        })
    }

    /// True when no record has arrived yet (nothing written, nothing held back).
    pub fn is_untouched(&self) -> bool {
        !self.started && self.sorted.is_empty()
    }

    fn limit_reached(&self) -> bool {
        self.opts.limit.is_some_and(|l| self.emitted >= l)
    }

    /// Take one page. Streaming formats write it out (and flush) before returning.
    pub fn page(&mut self, records: Vec<Record>) -> Result<Flow> {
        if let Some((col, _)) = self.opts.sort {
            self.sorted
                .extend(records.into_iter().map(|r| ((col.get)(&r), r)));
            return Ok(Flow::Continue);
        }
        for rec in &records {
            if self.limit_reached() {
                break;
            }
            self.emit(rec)?;
        }
        self.out.flush()?;
        Ok(if self.limit_reached() {
            Flow::Stop
        } else {
            Flow::Continue
        })
    }

    fn emit(&mut self, rec: &Record) -> Result<()> {
        self.emitted += 1;
        let first = !self.started;
        self.started = true;
        match self.opts.format {
            Format::Table | Format::Wide => {
                let columns = &self.opts.columns;
                self.table.push_row(
                    columns
                        .iter()
                        .map(|c| escape::controls(&(c.get)(rec).display()).into_owned()),
                );
            }
            Format::Json => {
                self.out.raw(if first { b"[\n" } else { b",\n" })?;
                self.write_json(rec)?;
            }
            Format::Ndjson => {
                self.write_json(rec)?;
                self.out.raw(b"\n")?;
            }
            Format::Csv => {
                if first && self.opts.headers {
                    self.csv_header()?;
                }
                let row = self
                    .tag_cell()
                    .into_iter()
                    .chain(self.opts.columns.iter().map(|c| plain_text(&c.value(rec))))
                    .map(|v| csv_field(&v))
                    .collect::<Vec<_>>();
                self.out.raw(row.join(",").as_bytes())?;
                self.out.raw(b"\r\n")?;
            }
            // Commands route `-o prometheus` to `fleet::metrics`; settings refuse it elsewhere.
            Format::Prometheus => {}
            Format::Plain => {
                let to_terminal = self.out.is_terminal();
                let row = self
                    .tag_cell()
                    .into_iter()
                    .chain(self.opts.columns.iter().map(|c| plain_text(&c.value(rec))))
                    .map(|v| match to_terminal {
                        true => escape::controls(&v).into_owned(),
                        false => plain_field(&v),
                    })
                    .collect::<Vec<_>>();
                self.out.line(&row.join("\t"))?;
            }
        }
        Ok(())
    }

    fn tag_cell(&self) -> Option<String> {
        self.opts.tag.clone()
    }

    fn csv_header(&mut self) -> Result<()> {
        let header = self
            .opts
            .tag
            .as_ref()
            .map(|_| "profile")
            .into_iter()
            .chain(self.opts.columns.iter().map(|c| c.name))
            .map(csv_field)
            .collect::<Vec<_>>();
        self.out.raw(header.join(",").as_bytes())?;
        self.out.raw(b"\r\n")
    }

    fn write_json(&mut self, rec: &Record) -> Result<()> {
        let tag = match (&self.opts.tag, self.opts.format) {
            (Some(t), Format::Ndjson) => Some(("profile".to_string(), Value::String(t.clone()))),
            _ => None,
        };
        let text = if self.opts.projected {
            let obj: serde_json::Map<String, Value> = tag
                .into_iter()
                .chain(
                    self.opts
                        .columns
                        .iter()
                        .map(|c| (c.name.to_string(), c.value(rec))),
                )
                .collect();
            serde_json::to_string(&obj)
        } else if let Some((k, v)) = tag {
            let mut tagged = serde_json::Map::with_capacity(rec.len() + 1);
            tagged.insert(k, v);
            tagged.extend(rec.iter().map(|(k, v)| (k.clone(), v.clone())));
            serde_json::to_string(&tagged)
        } else {
            serde_json::to_string(rec)
        }
        .map_err(|e| Error::other(format!("cannot encode JSON: {e}")))?;
        self.out.raw(text.as_bytes())
    }

    /// Draw what was held back and close the document.
    pub fn finish(self) -> Result<()> {
        self.end(true)
    }

    /// The listing failed after output began: print what arrived, but leave a JSON array
    /// unterminated, so that no parser takes it for the whole list.
    pub fn abandon(self) -> Result<()> {
        self.end(false)
    }

    fn end(mut self, complete: bool) -> Result<()> {
        if let Some((_, descending)) = self.opts.sort {
            let mut rows = std::mem::take(&mut self.sorted);
            rows.sort_by(|a, b| {
                let o = a.0.compare(&b.0);
                if descending {
                    o.reverse()
                } else {
                    o
                }
            });
            for (_, rec) in rows.iter() {
                if self.limit_reached() {
                    break;
                }
                self.emit(rec)?;
            }
        }
        match self.opts.format {
            Format::Table | Format::Wide => {
                let buf = std::mem::take(&mut self.table);
                let drawn = table::write(&self.opts, buf, &mut self.out.w)?;
                if !drawn.hidden.is_empty() && self.opts.height.is_none() {
                    self.out.flush()?;
                    let n = drawn.hidden.len();
                    note(&format!(
                        "{n} column{} hidden ({}); -o wide or --columns to choose",
                        if n == 1 { "" } else { "s" },
                        drawn.hidden.join(", ")
                    ));
                }
            }
            Format::Json if complete => {
                self.out
                    .raw(if self.started { b"\n]\n" } else { b"[]\n" })?;
            }
            Format::Json => self.out.raw(b"\n")?,
            Format::Csv if !self.started && self.opts.headers => self.csv_header()?,
            _ => {}
        }
        self.out.flush()
    }
}

/// RFC 4180: quote a field holding a comma, quote or line break; double inner quotes.
fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// Keep one record on one line: tabs and line breaks inside a value become spaces.
fn plain_field(s: &str) -> String {
    if s.contains(['\t', '\n', '\r']) {
        s.replace(['\t', '\n', '\r'], " ")
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quoting() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
    }

    #[test]
    fn plain_stays_one_line() {
        assert_eq!(plain_field("a\tb\nc"), "a b c");
    }
}
