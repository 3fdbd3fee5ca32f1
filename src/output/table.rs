//! Tables: aligned columns with a header. On a terminal, comfy-table sizes them to the
//! screen (wrapping long cells). Piped, nothing wraps, so rows are aligned here from a compact
//! buffer: one string arena for every cell instead of a cell object each, which keeps a
//! 100,000-row table to a few tens of MB (see docs/performance.md).

use std::io::Write;

use comfy_table::{Attribute, Cell, CellAlignment, ContentArrangement, Table};
use unicode_width::UnicodeWidthStr;

use super::RenderOptions;
use crate::error::Result;

/// Every cell of a table, stored end to end, with the widest cell per column.
#[derive(Default)]
pub struct TableBuffer {
    text: String,
    /// End offset in `text` of each cell, row after row.
    ends: Vec<u32>,
    widths: Vec<usize>,
    /// Per column: every non-empty cell so far parses as a number (then it is right-aligned).
    numeric: Vec<Option<bool>>,
}

impl TableBuffer {
    pub fn push_row(&mut self, cells: impl Iterator<Item = String>) {
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

/// Write the table: comfy-table on a terminal, the compact aligner otherwise.
pub fn write(
    opts: &RenderOptions,
    buf: TableBuffer,
    to_terminal: bool,
    out: &mut impl Write,
) -> Result<()> {
    let ncols = opts.columns.len();
    if ncols == 0 {
        return Ok(());
    }
    let right: Vec<bool> = (0..ncols)
        .map(|i| buf.numeric.get(i).copied().flatten().unwrap_or(false))
        .collect();
    if to_terminal {
        let mut table = Table::new();
        table.load_preset(comfy_table::presets::NOTHING);
        table.set_content_arrangement(ContentArrangement::Dynamic);
        if opts.color {
            table.enforce_styling();
        }
        if opts.headers {
            table.set_header(opts.columns.iter().map(|c| {
                let cell = Cell::new(c.header);
                if opts.color {
                    cell.add_attribute(Attribute::Bold)
                } else {
                    cell
                }
            }));
        }
        for row in buf.rows(ncols) {
            table.add_row(row);
        }
        for (i, col) in table.column_iter_mut().enumerate() {
            col.set_padding((0, 2));
            if right[i] {
                col.set_cell_alignment(CellAlignment::Right);
            }
        }
        for line in table.lines() {
            writeln!(out, "{}", line.trim_end())?;
        }
        return Ok(());
    }
    let mut widths = buf.widths.clone();
    widths.resize(ncols, 0);
    if opts.headers {
        for (i, c) in opts.columns.iter().enumerate() {
            widths[i] = widths[i].max(c.header.width());
        }
    }
    let mut line = String::new();
    let mut emit = |cells: &[&str], out: &mut dyn Write| -> Result<()> {
        line.clear();
        for (i, cell) in cells.iter().enumerate() {
            let pad = widths[i].saturating_sub(cell.width());
            if right[i] {
                line.extend(std::iter::repeat_n(' ', pad));
                line.push_str(cell);
            } else {
                line.push_str(cell);
                line.extend(std::iter::repeat_n(' ', pad));
            }
            line.push_str("  ");
        }
        writeln!(out, "{}", line.trim_end())?;
        Ok(())
    };
    if opts.headers {
        let header: Vec<&str> = opts.columns.iter().map(|c| c.header).collect();
        emit(&header, out)?;
    }
    for row in buf.rows(ncols) {
        emit(&row, out)?;
    }
    Ok(())
}
