//! `--count-by FIELD[,FIELD]`: one row per group of sessions (a value of each field), with
//! its count and the largest idle time, most sessions first; in every format, and for
//! `-o prometheus` as the gauge `sessions_counted` with the fields as labels.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::error::{Error, Result};
use crate::fleet::Outcome;
use crate::output::{Format, Renderer, Stdout};
use crate::record::{self, Cell, Column, Fit, Json, Record};
use crate::select;
use crate::settings::Settings;

/// At most this many fields: a group is one row.
const MOST: usize = 4;

/// The common record's fields that are different for every session.
const PER_SESSION: [&str; 7] = [
    "key",
    "started",
    "age",
    "age_seconds",
    "idle",
    "idle_seconds",
    "detail",
];

/// Refuse (exit 2) fields no backend in play has, too many, or, for `-o prometheus`, a field
/// that would make one series per session.
pub(super) fn check(fields: &[String], backends: &[&[Column]], prometheus: bool) -> Result<()> {
    if fields.len() > MOST {
        return Err(Error::usage(format!(
            "--count-by takes at most {MOST} fields"
        )));
    }
    for f in fields {
        select::check_field(f, "--count-by", backends)?;
        if prometheus && per_session(f, backends) {
            return Err(Error::usage(format!(
                "--count-by {f} with -o prometheus would make one series per session; count by fields sessions share (user, client, protocol, ...)"
            )));
        }
    }
    Ok(())
}

/// A field whose value differs for every session: a key, a time, a duration (a column with
/// a `_seconds` or `_utc` twin, or named so), an identifier.
fn per_session(field: &str, backends: &[&[Column]]) -> bool {
    if PER_SESSION.contains(&field) {
        return true;
    }
    let timed = |n: &str| n.ends_with("_seconds") || n.ends_with("_utc") || n.ends_with("_time");
    let own = |c: &&Column| c.name == field && select::common_name(field).is_none();
    backends
        .iter()
        .flat_map(|cols| cols.iter())
        .filter(own)
        .any(|c| {
            let twin = |suffix: &str| {
                let twin = format!("{field}{suffix}");
                backends
                    .iter()
                    .any(|cols| cols.iter().any(|o| o.name == twin))
            };
            c.fit == Fit::Key
                || timed(field)
                || twin("_seconds")
                || twin("_utc")
                || matches!(field, "id" | "identifier" | "connection_id")
        })
}

/// One group: its count, the largest idle time, the values of its fields.
struct Group {
    count: u64,
    idle: Option<f64>,
    values: Vec<Value>,
}

/// Count the sessions of `outcomes` by `fields` and write the groups (or their gauge).
pub(super) fn write(
    outcomes: &[Outcome],
    fields: &[String],
    settings: &Settings,
    out: &mut Stdout,
) -> Result<()> {
    let mut groups: BTreeMap<Vec<String>, Group> = BTreeMap::new();
    for o in outcomes {
        let own = o.backend.columns();
        for r in &o.records {
            let cells: Vec<Cell> = fields
                .iter()
                .map(|f| select::cell_in_common(f, r, own))
                .collect();
            let key = cells.iter().map(Cell::raw).collect();
            let g = groups.entry(key).or_insert_with(|| Group {
                count: 0,
                idle: None,
                values: cells.iter().map(Cell::to_json).collect(),
            });
            g.count += 1;
            if let Some(idle) = r.get("idle_seconds").and_then(Value::as_f64) {
                g.idle = Some(g.idle.map_or(idle, |m: f64| m.max(idle)));
            }
        }
    }
    let mut rows: Vec<(Vec<String>, Group)> = groups.into_iter().collect();
    rows.sort_by(|a, b| b.1.count.cmp(&a.1.count).then_with(|| a.0.cmp(&b.0)));
    if settings.render.format == Some(Format::Prometheus) {
        let text = gauge(fields, &rows);
        return super::exposition::write(outcomes, &text, out);
    }
    let records: Vec<Record> = rows
        .into_iter()
        .map(|(_, g)| {
            let mut r: Record = fields.iter().cloned().zip(g.values).collect();
            r.insert("count".into(), Value::from(g.count));
            let idle = g.idle.and_then(record::seconds_json);
            r.insert("idle_max_seconds".into(), idle.unwrap_or(Value::Null));
            r
        })
        .collect();
    let opts = settings.render_options(columns(fields), &[], out.is_terminal())?;
    let mut render = Renderer::new(opts, out);
    render.page(records)?;
    render.finish()?;
    super::exposition::report_failures(outcomes)
}

/// `sessions_counted{FIELD="...",...} N`, a label per field (dots become `_`).
fn gauge(fields: &[String], rows: &[(Vec<String>, Group)]) -> String {
    use std::fmt::Write as _;
    let names: Vec<String> = fields.iter().map(|f| f.replace('.', "_")).collect();
    let mut text = String::from(
        "# HELP sessions_counted Sessions counted by --count-by's fields.\n# TYPE sessions_counted gauge\n",
    );
    for (key, g) in rows {
        let pairs: Vec<(&str, &str)> = names
            .iter()
            .map(String::as_str)
            .zip(key.iter().map(String::as_str))
            .collect();
        let _ = writeln!(
            text,
            "sessions_counted{{{}}} {}",
            crate::fleet::metrics::labels(&pairs),
            g.count
        );
    }
    text
}

/// The columns of the groups: each field, then `count` and `idle_max_seconds`.
fn columns(fields: &[String]) -> &'static [Column] {
    // A column reads its value with a plain fn: the i-th field of the group's record.
    fn nth(r: &Record, i: usize) -> Cell {
        match r.values().nth(i) {
            None | Some(Value::Null) => Cell::Null,
            Some(Value::String(s)) => Cell::Text(s.clone()),
            Some(v) => Cell::Text(record::plain_text(v)),
        }
    }
    const GET: [fn(&Record) -> Cell; MOST] =
        [|r| nth(r, 0), |r| nth(r, 1), |r| nth(r, 2), |r| nth(r, 3)];
    let mut all: Vec<Column> = fields
        .iter()
        .zip(GET)
        .map(|(f, get)| {
            let name: &'static str = Box::leak(f.clone().into_boxed_str());
            let header: &'static str = Box::leak(f.to_uppercase().into_boxed_str());
            Column {
                name,
                header,
                about: "a field of --count-by",
                default: true,
                fit: Fit::Text(2),
                get,
                json: Json::Cell,
            }
        })
        .collect();
    all.push(Column {
        name: "count",
        header: "COUNT",
        about: "sessions in the group",
        default: true,
        fit: Fit::Whole(3),
        get: |r| record::int(r, "count"),
        json: Json::Cell,
    });
    all.push(Column {
        name: "idle_max_seconds",
        header: "IDLE MAX",
        about: "the group's largest idle time",
        default: true,
        fit: Fit::Whole(1),
        get: |r| record::seconds(r, "idle_max_seconds"),
        json: Json::Cell,
    });
    // The columns live as long as the run: one small leak per run.
    Box::leak(all.into_boxed_slice())
}

/// `--watch`, `-o prometheus` and `--count-by` show the common record (`--count-by` its
/// groups), which a projection cannot name; `--count-by` and `--watch` do not go together.
pub(super) fn common_only(projection: &[String], watching: bool, counting: bool) -> Result<()> {
    if counting && watching {
        return Err(Error::usage("--count-by counts once: leave out --watch"));
    }
    if !projection.is_empty() {
        return Err(Error::usage(
            "--watch, -o prometheus and --count-by show the common record: name columns with --columns",
        ));
    }
    Ok(())
}
