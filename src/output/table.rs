//! Tables: aligned columns with a header, sized to the terminal when stdout is one and
//! unsized (never wrapped) when piped.

use comfy_table::{Attribute, Cell, CellAlignment, ContentArrangement, Table};

use super::RenderOptions;

pub fn render(opts: &RenderOptions, rows: Vec<Vec<String>>, to_terminal: bool) -> String {
    let mut table = Table::new();
    table.load_preset(comfy_table::presets::NOTHING);
    if to_terminal {
        table.set_content_arrangement(ContentArrangement::Dynamic);
    } else {
        table.set_content_arrangement(ContentArrangement::Disabled);
    }
    if opts.color {
        table.enforce_styling();
    } else {
        table.force_no_tty();
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
    let numeric: Vec<bool> = (0..opts.columns.len())
        .map(|i| {
            rows.iter().any(|r| !r[i].is_empty() && r[i] != "-")
                && rows
                    .iter()
                    .all(|r| r[i] == "-" || r[i].parse::<f64>().is_ok())
        })
        .collect();
    for row in rows {
        table.add_row(row);
    }
    for (i, col) in table.column_iter_mut().enumerate() {
        col.set_padding((0, 2));
        if numeric.get(i).copied().unwrap_or(false) {
            col.set_cell_alignment(CellAlignment::Right);
        }
    }
    if opts.columns.is_empty() {
        return String::new();
    }
    table
        .lines()
        .map(|l| l.trim_end().to_string())
        .collect::<Vec<_>>()
        .join("\n")
}
