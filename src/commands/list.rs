//! Listing one profile's sessions, and the small tables of metadata (`--list-columns`,
//! `profiles`).

use std::sync::Arc;

use serde_json::{json, Value};

use crate::backends::Listing;
use crate::config::Target;
use crate::error::Result;
use crate::output::indicator::{self, Indicator, Subject};
use crate::output::{Renderer, Stdout};
use crate::progress::{self, Counts};
use crate::record::{self, Column, Fit, Json, Record};
use crate::select::Filter;
use crate::settings::Settings;

/// Fetch and render every session a listing matches.
pub(super) async fn one(
    target: &Target,
    listing: &dyn Listing,
    columns: &'static [Column],
    projection: &[String],
    select: Option<&dyn Fn(&Record) -> bool>,
    settings: &Settings,
    out: &mut Stdout,
) -> Result<()> {
    let opts = settings.render_options(columns, projection, out.is_terminal())?;
    let to_terminal = out.is_terminal();
    let mut render = Renderer::new(opts, out);
    let counts = Arc::new(Counts::default());
    let mut indicator = Indicator::start(
        indicator::wanted(settings.quiet, render.holds_rows(), to_terminal),
        Subject::Profile {
            backend: target.backend.clone(),
            name: target.profile.clone(),
        },
        counts.clone(),
    );
    let result = match select {
        Some(test) => {
            let mut filter = Filter::new(test, &mut render);
            let work = listing.list(target, &mut filter);
            target
                .within_deadline(progress::counted(counts, work))
                .await
        }
        None => {
            let work = listing.list(target, &mut render);
            target
                .within_deadline(progress::counted(counts, work))
                .await
        }
    };
    indicator.stop();
    // Print what arrived before a failure: nothing fetched is lost, but JSON is left
    // unterminated. A run that failed before any session arrived prints nothing: a header or
    // `[]` would look like an empty result to a script that reads stdout.
    if result.is_err() && render.is_untouched() {
        return result.map_err(|e| e.context(target.label()));
    }
    match result {
        Ok(()) => render.finish(),
        Err(e) => {
            render.abandon()?;
            Err(e.context(target.label()))
        }
    }
}

/// Print a backend's columns as a small table (or JSON with -o json).
pub(super) fn columns(all: &'static [Column], settings: &Settings, out: &mut Stdout) -> Result<()> {
    #[rustfmt::skip]
    static META: &[Column] = &[
        Column { name: "name", header: "COLUMN", about: "", default: true, fit: Fit::Key, get: |r| record::text(r, "name"), json: Json::Field },
        Column { name: "header", header: "HEADER", about: "", default: true, fit: Fit::Whole(2), get: |r| record::text(r, "header"), json: Json::Field },
        Column { name: "default", header: "IN TABLE", about: "", default: true, fit: Fit::Whole(1), get: |r| record::boolean(r, "default"), json: Json::Field },
        Column { name: "about", header: "WHAT", about: "", default: true, fit: Fit::Text(3), get: |r| record::text(r, "about"), json: Json::Field },
    ];
    let records: Vec<Record> = all
        .iter()
        .map(|c| {
            to_record(
                json!({"name": c.name, "header": c.header, "default": c.default, "about": c.about}),
            )
        })
        .collect();
    render_records(META, records, settings, out)
}

/// Render records made here (not fetched) with the user's output flags.
pub(super) fn render_records(
    columns: &'static [Column],
    records: Vec<Record>,
    settings: &Settings,
    out: &mut Stdout,
) -> Result<()> {
    let opts = settings.render_options(columns, &[], out.is_terminal())?;
    let mut render = Renderer::new(opts, out);
    render.page(records)?;
    render.finish()
}

pub(super) fn to_record(v: Value) -> Record {
    match v {
        Value::Object(m) => m,
        _ => Record::new(),
    }
}
