//! Tables (`table`, and `wide` with every column): aligned columns with a header. Rows are
//! kept in a compact buffer (one string arena for every cell instead of a cell object each,
//! which keeps a 100,000-row table to a few tens of MB; see docs/performance.md) and aligned
//! at the end, when every row is known.
//!
//! With a width to fit (the terminal's, or `COLUMNS`), no value is ever broken across lines:
//! free-text columns are cut with `…` first, then the lowest-ranked columns are hidden (see
//! [`Fit`]). `wide` that does not fit becomes a record view, one `HEADER | value` line per
//! column, as psql's `\x` does.

use std::io::Write;

use unicode_width::UnicodeWidthStr;

use super::cut::cut;
use super::options::RenderOptions;
use super::sink::RecordSink;
use super::stderr::note;
use super::stdout::Stdout;
use crate::error::Result;
use crate::escape;
use crate::record::{Column, Fit, Record};

/// Spaces between two columns.
const GAP: usize = 2;
/// A cut free-text column keeps at least this many characters (or its header's width).
const MIN_TEXT: usize = 12;

/// `-o table` and `-o wide`: every row is held, then drawn to fit.
pub(super) struct Table {
    columns: Vec<&'static Column>,
    headers: bool,
    color: bool,
    width: Option<usize>,
    height: Option<usize>,
    /// The user chose the columns: they are cut but never hidden.
    chosen: bool,
    /// `wide`: too wide a table becomes the record view, rather than hiding columns.
    wide: bool,
    rows: TableBuffer,
}

impl Table {
    pub(super) fn new(opts: &RenderOptions, wide: bool) -> Table {
        Table {
            columns: opts.columns.clone(),
            headers: opts.headers,
            color: opts.color,
            width: opts.width,
            height: opts.height,
            chosen: opts.projected,
            wide,
            rows: TableBuffer::default(),
        }
    }
}

impl RecordSink for Table {
    fn record(&mut self, _out: &mut Stdout, rec: &Record) -> Result<()> {
        let cells = self
            .columns
            .iter()
            .map(|c| escape::controls(&(c.get)(rec).display()).into_owned());
        self.rows.push_row(cells);
        Ok(())
    }

    fn whole_records(&self) -> bool {
        self.wide
    }

    fn holds_rows(&self) -> bool {
        true
    }

    /// Drawn whether or not the listing failed: what arrived is shown.
    fn end(mut self: Box<Self>, out: &mut Stdout, _complete: bool) -> Result<()> {
        let rows = std::mem::take(&mut self.rows);
        let drawn = write(&self, rows, &mut out.w)?;
        if !drawn.hidden.is_empty() && self.height.is_none() {
            out.flush()?;
            let n = drawn.hidden.len();
            note(&format!(
                "{n} column{} hidden ({}); -o wide or --columns to choose",
                if n == 1 { "" } else { "s" },
                drawn.hidden.join(", ")
            ));
        }
        Ok(())
    }
}

/// Every cell of a table, stored end to end, with the widest cell per column.
#[derive(Default)]
pub(super) struct TableBuffer {
    text: String,
    /// End offset in `text` of each cell, row after row.
    ends: Vec<u32>,
    widths: Vec<usize>,
    /// Per column: every non-empty cell so far parses as a number (then it is right-aligned).
    numeric: Vec<Option<bool>>,
}

impl TableBuffer {
    pub(super) fn push_row(&mut self, cells: impl Iterator<Item = String>) {
        for (i, cell) in cells.enumerate() {
            if self.widths.len() <= i {
                self.widths.push(0);
                self.numeric.push(None);
            }
            self.widths[i] = self.widths[i].max(cell.width());
            if cell != "-" && !cell.is_empty() {
                let is_num = cell.parse::<f64>().is_ok();
                self.numeric[i] = Some(self.numeric[i].unwrap_or(true) && is_num);
            }
            self.text.push_str(&cell);
            self.ends.push(self.text.len() as u32);
        }
    }

    fn rows(&self, ncols: usize) -> impl Iterator<Item = Vec<&str>> {
        let mut start = 0usize;
        self.ends.chunks(ncols.max(1)).map(move |row| {
            row.iter()
                .map(|end| {
                    let cell = &self.text[start..*end as usize];
                    start = *end as usize;
                    cell
                })
                .collect()
        })
    }
}

/// How a table was drawn: the headers of the columns left out to fit.
#[derive(Debug, Default)]
pub(super) struct Drawn {
    pub hidden: Vec<&'static str>,
}

/// Write the table, fitted to its width when there is one.
fn write(table: &Table, buf: TableBuffer, out: &mut impl Write) -> Result<Drawn> {
    let columns = &table.columns;
    let ncols = columns.len();
    if ncols == 0 {
        return Ok(Drawn::default());
    }
    let mut natural = buf.widths.clone();
    natural.resize(ncols, 0);
    if table.headers {
        for (w, c) in natural.iter_mut().zip(columns) {
            *w = (*w).max(c.header.width());
        }
    }
    let right: Vec<bool> = (0..ncols)
        .map(|i| buf.numeric.get(i).copied().flatten().unwrap_or(false))
        .collect();
    let layout = match table.width {
        Some(limit) if total(&natural, None) > limit => {
            if table.wide {
                return records(table, &buf, limit, out).map(|()| Drawn::default());
            }
            // Columns the user chose are cut but never hidden.
            fit(columns, &natural, limit, !table.chosen)
        }
        _ => Layout {
            shown: (0..ncols).collect(),
            widths: natural,
        },
    };
    let bold = |s: &str| {
        if table.color {
            format!("\x1b[1m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    };
    // A `--watch` frame never wraps, even with columns that cannot be hidden.
    let room = table.height.and(table.width);
    let mut line = String::new();
    let mut emit = |cells: &[&str], header: bool, out: &mut dyn Write| -> Result<()> {
        line.clear();
        let mut used = 0;
        for &i in &layout.shown {
            let mut width = layout.widths[i];
            if let Some(room) = room {
                if used >= room {
                    break;
                }
                width = width.min(room - used);
                used += width + GAP;
            }
            let cell = cut(cells[i], width);
            let pad = width.saturating_sub(cell.width());
            let cell = if header { bold(&cell) } else { cell };
            if right[i] && !header {
                line.extend(std::iter::repeat_n(' ', pad));
                line.push_str(&cell);
            } else {
                line.push_str(&cell);
                line.extend(std::iter::repeat_n(' ', pad));
            }
            line.extend(std::iter::repeat_n(' ', GAP));
        }
        writeln!(out, "{}", line.trim_end())?;
        Ok(())
    };
    if table.headers {
        let header: Vec<&str> = columns.iter().map(|c| c.header).collect();
        emit(&header, true, out)?;
    }
    let rows = buf.ends.len() / ncols;
    let shown = match table.height {
        Some(height) => frame_rows(height, usize::from(table.headers), rows),
        None => rows,
    };
    for row in buf.rows(ncols).take(shown) {
        emit(&row, false, out)?;
    }
    if shown < rows {
        let more = format!("… {} more", rows - shown);
        writeln!(out, "{}", cut(&more, table.width.unwrap_or(usize::MAX)))?;
    }
    let hidden = (0..ncols)
        .filter(|i| !layout.shown.contains(i))
        .map(|i| columns[i].header)
        .collect();
    Ok(Drawn { hidden })
}

/// How many of `rows` fit in `height` lines under `header` lines: all of them, or as many as
/// leave a line for `… N more` (as `top` does).
fn frame_rows(height: usize, header: usize, rows: usize) -> usize {
    let room = height.saturating_sub(header);
    if rows <= room {
        rows
    } else {
        room.saturating_sub(1)
    }
}

/// Which columns are drawn, and how wide each is.
struct Layout {
    shown: Vec<usize>,
    widths: Vec<usize>,
}

/// The width of a table of these columns (all, or those `shown`).
fn total(widths: &[usize], shown: Option<&[usize]>) -> usize {
    let (sum, n) = match shown {
        None => (widths.iter().sum::<usize>(), widths.len()),
        Some(s) => (s.iter().map(|&i| widths[i]).sum(), s.len()),
    };
    sum + GAP * n.saturating_sub(1)
}

/// Cut free text, longest column first; then hide the lowest-ranked column and try again.
fn fit(columns: &[&'static Column], natural: &[usize], limit: usize, may_hide: bool) -> Layout {
    let mut shown: Vec<usize> = (0..columns.len()).collect();
    loop {
        let mut widths = natural.to_vec();
        let floor = |i: usize| natural[i].min(columns[i].header.width().max(MIN_TEXT));
        let mut excess = total(&widths, Some(&shown)).saturating_sub(limit);
        while excess > 0 {
            let widest = shown
                .iter()
                .copied()
                .filter(|&i| matches!(columns[i].fit, Fit::Text(_)) && widths[i] > floor(i))
                .max_by_key(|&i| (widths[i], std::cmp::Reverse(i)));
            let Some(i) = widest else { break };
            widths[i] -= 1;
            excess -= 1;
        }
        if excess == 0 || !may_hide {
            return Layout { shown, widths };
        }
        let lowest = shown
            .iter()
            .enumerate()
            .filter_map(|(pos, &i)| columns[i].fit.rank().map(|r| (r, std::cmp::Reverse(pos))))
            .min();
        match lowest {
            Some((_, std::cmp::Reverse(pos))) => {
                shown.remove(pos);
            }
            None => return Layout { shown, widths },
        }
    }
}

/// The record view: per session a `-[ RECORD n ]` line, then `HEADER | value` per column.
fn records(table: &Table, buf: &TableBuffer, limit: usize, out: &mut impl Write) -> Result<()> {
    let columns = &table.columns;
    let label = columns.iter().map(|c| c.header.width()).max().unwrap_or(0);
    for (n, row) in buf.rows(columns.len()).enumerate() {
        let title = format!("-[ RECORD {} ]", n + 1);
        let rule = limit.min(40).saturating_sub(title.width());
        writeln!(out, "{title}{}", "-".repeat(rule))?;
        for (c, value) in columns.iter().zip(row) {
            let pad = " ".repeat(label - c.header.width());
            let header = if table.color {
                format!("\x1b[1m{}\x1b[0m", c.header)
            } else {
                c.header.to_string()
            };
            writeln!(out, "{header}{pad} | {value}")?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_frame_keeps_a_line_for_what_is_left_out() {
        assert_eq!(frame_rows(12, 1, 11), 11, "all fit");
        assert_eq!(frame_rows(12, 1, 12), 10, "10 rows and `… 2 more`");
        assert_eq!(frame_rows(12, 0, 40), 11);
        assert_eq!(frame_rows(1, 1, 5), 0);
    }
}
