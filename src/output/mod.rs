//! What the program shows. Data goes to stdout, only through [`Stdout`], in the format of
//! `-o`: each format is its own type (a `RecordSink`: table and wide, json, ndjson, csv,
//! plain), chosen once; the [`Renderer`] takes a listing's pages and applies `--limit` and
//! `--sort`, and [`AllOutput`] frames `all`'s document. Everything for the person at the
//! terminal goes to stderr: notes and warnings, the y/N prompt, the progress indicator.

mod all;
mod csv;
mod cut;
pub(crate) mod indicator;
mod json;
mod options;
mod plain;
mod prompt;
mod render;
mod sink;
mod stderr;
mod stdout;
mod table;
mod terminal;

pub(crate) use all::AllOutput;
pub(crate) use cut::cut;
pub(crate) use options::{Format, RecordFormat, RenderOptions};
pub(crate) use prompt::{confirm, confirm_count};
pub(crate) use render::Renderer;
pub(crate) use stderr::{detail, log_line, note, note_from, warn};
pub(crate) use stdout::{exit_on_interrupt, stop_gently, stopping, Gently, Stdout};
pub(crate) use terminal::{redraw_begin, screen_height, table_width, use_color, ColorChoice};
