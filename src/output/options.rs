//! What the render flags choose: the format (`-o`) and how records are drawn in it.

use crate::record::Column;

/// Output formats (`-o`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Format {
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

impl Format {
    /// The format that draws records, or `None` for `prometheus`, which counts them instead
    /// (commands hand it to `fleet::metrics`).
    pub(crate) fn records(self) -> Option<RecordFormat> {
        match self {
            Format::Table => Some(RecordFormat::Table),
            Format::Wide => Some(RecordFormat::Wide),
            Format::Json => Some(RecordFormat::Json),
            Format::Ndjson => Some(RecordFormat::Ndjson),
            Format::Csv => Some(RecordFormat::Csv),
            Format::Plain => Some(RecordFormat::Plain),
            Format::Prometheus => None,
        }
    }
}

/// The formats that draw records: every `-o` but `prometheus`. Each is its own
/// [`RecordSink`](super::sink::RecordSink).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RecordFormat {
    Table,
    Wide,
    Json,
    Ndjson,
    Csv,
    Plain,
}

/// How records are to be drawn.
pub(crate) struct RenderOptions {
    pub format: RecordFormat,
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
}

#[cfg(test)]
impl RenderOptions {
    /// Options for a test: headers, and no projection, sort, limit, colour or screen.
    pub(crate) fn of(format: RecordFormat, columns: Vec<&'static Column>) -> RenderOptions {
        RenderOptions {
            format,
            columns,
            projected: false,
            headers: true,
            sort: None,
            limit: None,
            color: false,
            width: None,
            height: None,
        }
    }
}
