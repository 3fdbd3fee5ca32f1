//! The registry's properties, over every backend in [`ALL`](super::ALL) and sessions as its API
//! may send them ([`Backend::sample`](super::Backend::sample)): a column has one JSON type
//! whatever the projection. A column named like a field of the whole record prints exactly that
//! field; a column that works its value out has a name the record does not use, and one JSON
//! type; `*_seconds` are whole seconds; `csv` and `plain` print what JSON prints.

use proptest::prelude::*;
use serde_json::Value;

use super::backend::Backend;
use super::ALL;
use crate::output::{RecordFormat, RenderOptions, Renderer, Stdout};
use crate::record::props::fail;
use crate::record::{field, plain_text, Column, Json, Record};

/// What the renderer prints for `records` with these columns (projected or whole).
fn render(
    format: RecordFormat,
    columns: Vec<&'static Column>,
    projected: bool,
    records: &[Record],
) -> String {
    let (mut out, kept) = Stdout::capture();
    let opts = RenderOptions {
        projected,
        headers: false,
        ..RenderOptions::of(format, columns)
    };
    let mut renderer = Renderer::new(opts, &mut out);
    renderer.page(records.to_vec()).expect("rendered");
    renderer.finish().expect("finished");
    kept.text()
}

/// Each row's one field, read back as RFC 4180 says (a CSV library skips empty rows, which
/// a projection of one empty value is).
fn csv_fields(text: &str) -> Result<Vec<String>, TestCaseError> {
    let mut rows = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let (field, after) = match rest.strip_prefix('"') {
            Some(quoted) => {
                let mut field = String::new();
                let mut chars = quoted.char_indices();
                let end = loop {
                    match chars.next() {
                        Some((i, '"')) if quoted[i + 1..].starts_with('"') => {
                            field.push('"');
                            chars.next();
                        }
                        Some((i, '"')) => break i + 1,
                        Some((_, ch)) => field.push(ch),
                        None => return Err(fail(format!("unterminated quote: {text:?}"))),
                    }
                };
                (field, &quoted[end..])
            }
            None => {
                let end = rest.find("\r\n").unwrap_or(rest.len());
                (rest[..end].to_string(), &rest[end..])
            }
        };
        rest = after
            .strip_prefix("\r\n")
            .ok_or_else(|| fail(format!("a row does not end in CRLF: {text:?}")))?;
        rows.push(field);
    }
    Ok(rows)
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "list",
        Value::Object(_) => "object",
    }
}

fn check(backend: &dyn Backend, sessions: Vec<Value>) -> Result<(), TestCaseError> {
    let name = backend.name();
    let records: Vec<Record> = sessions
        .into_iter()
        .filter_map(|v| v.as_object().cloned())
        .map(|r| backend.full_record(r))
        .collect();
    let whole = render(
        RecordFormat::Ndjson,
        backend.columns().iter().collect(),
        false,
        &records,
    );
    let whole: Vec<Record> = whole
        .lines()
        .map(|l| serde_json::from_str(l).map_err(fail))
        .collect::<Result<_, _>>()?;
    prop_assert_eq!(
        &whole,
        &records,
        "{}: -o ndjson prints the whole record",
        name
    );
    for column in backend.columns() {
        let c = column.name;
        let projected = render(RecordFormat::Ndjson, vec![column], true, &records);
        let csv = render(RecordFormat::Csv, vec![column], true, &records);
        let plain = render(RecordFormat::Plain, vec![column], true, &records);
        let csv = csv_fields(&csv)?;
        let plain: Vec<&str> = plain.lines().collect();
        let mut kinds: Vec<&str> = Vec::new();
        for (i, (line, rec)) in projected.lines().zip(&whole).enumerate() {
            let one: Record = serde_json::from_str(line).map_err(fail)?;
            prop_assert_eq!(one.len(), 1, "{} {}: {}", name, c, line);
            let value = &one[c];
            match column.json {
                Json::Field => {
                    let want = field(rec, c).unwrap_or(Value::Null);
                    prop_assert_eq!(
                        value,
                        &want,
                        "{} {}: the projection is the record's field",
                        name,
                        c
                    );
                }
                Json::Cell => {
                    let top = c.split('.').next().unwrap_or(c);
                    prop_assert!(
                        !rec.contains_key(top),
                        "{} {}: a worked-out column named like a field of {:?}",
                        name,
                        c,
                        rec
                    );
                    if !value.is_null() && !kinds.contains(&kind(value)) {
                        kinds.push(kind(value));
                    }
                }
            }
            if c.ends_with("_seconds") {
                prop_assert!(
                    value.is_null() || value.is_i64() || value.is_u64(),
                    "{} {}: whole seconds, not {}",
                    name,
                    c,
                    value
                );
            }
            let text = plain_text(value);
            prop_assert_eq!(&csv[i], &text, "{} {}: csv prints the JSON value", name, c);
            let one_line = text.replace(['\t', '\n', '\r'], " ");
            prop_assert_eq!(
                plain[i],
                one_line,
                "{} {}: plain prints the JSON value",
                name,
                c
            );
        }
        prop_assert!(
            kinds.len() <= 1,
            "{} {}: one JSON type, not {:?}",
            name,
            c,
            kinds
        );
    }
    Ok(())
}

/// `property` over the registry's backends, each over `cases` generated pages of up to five
/// sessions.
fn for_every_backend(
    cases: u32,
    property: fn(&dyn Backend, Vec<Value>) -> Result<(), TestCaseError>,
) {
    for backend in ALL {
        let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig::with_cases(cases));
        let pages = proptest::collection::vec(backend.sample(), 1..6);
        if let Err(e) = runner.run(&pages, |sessions| property(*backend, sessions)) {
            panic!("{}: {e}", backend.name());
        }
    }
}

#[test]
fn every_column_has_one_json_type_in_every_format_and_projection() {
    for_every_backend(64, check);
}

/// A selector's term for one column's value, written as a user would (quoted).
fn equal_term(column: &str, cell: &crate::record::Cell) -> Option<String> {
    use crate::record::Cell;
    let value = match cell {
        Cell::Text(s) if !s.is_empty() => s.clone(),
        Cell::Int(_) | Cell::Bool(_) => cell.raw(),
        _ => return None,
    };
    Some(format!("{column}='{}'", value.replace('\'', r"'\''")))
}

/// A backend's record is selected the same way through its own listing (its columns, and
/// the common record made from it) and through `all` (the common record, its `raw`); and a
/// term naming a column's own value (quoted as a user would) selects it.
fn selects_alike(backend: &dyn Backend, sessions: Vec<Value>) -> Result<(), TestCaseError> {
    let now = time::OffsetDateTime::now_utc();
    let name = backend.name();
    for v in sessions {
        let Value::Object(vendor) = v else { continue };
        let rec = backend.full_record(vendor);
        let common =
            crate::record::common::to_record(name, "p", backend.common(&rec), rec.clone(), now);
        let mut terms: Vec<String> = Vec::new();
        for c in backend.columns() {
            let cell = (c.get)(&rec);
            if let Some(t) = equal_term(c.name, &cell) {
                let selector = crate::select::parse(&t).map_err(|e| fail(format!("{t}: {e:?}")))?;
                prop_assert!(
                    backend.selects(&selector, "p", &rec),
                    "{} {}: not selected",
                    name,
                    t
                );
                terms.push(t);
            }
        }
        for f in [
            "user",
            "client",
            "protocol",
            "key",
            "idle",
            "encrypted",
            "backend",
            "profile",
        ] {
            let cell = crate::select::cell_in_common(f, &common, backend.columns());
            terms.extend(equal_term(f, &cell));
            terms.push(format!("{f}!=x"));
            terms.push(format!("{f}~'*a*'"));
            terms.push(format!("{f}>1h"));
        }
        for t in &terms {
            let s = crate::select::parse(t).map_err(|e| fail(format!("{t}: {e:?}")))?;
            let own = backend.selects(&s, "p", &rec);
            let fleet = s.matches_common(&common, backend.columns());
            prop_assert_eq!(own, fleet, "{} {}: the listing and `all` disagree", name, t);
        }
    }
    Ok(())
}

#[test]
fn a_selector_selects_alike_on_a_backend_and_on_all() {
    for_every_backend(32, selects_alike);
}
