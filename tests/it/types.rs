//! One type per column: a column prints the same value, of the same JSON type, in `-o json`'s
//! whole record, in a projection, in `csv` and in `plain`, on every backend of the registry.
//! Durations as columns are whole seconds, and tables show them alike everywhere.

use std::collections::HashMap;

use serde_json::Value;
use session_inspector::backends::ALL;
use session_inspector::{field, plain_text, Json, Record};

use crate::common::Sim;

fn records(values: Vec<Value>) -> Vec<Record> {
    values
        .into_iter()
        .map(|v| v.as_object().expect("a JSON object").clone())
        .collect()
}

/// One CSV field per line back to its text (the simulator's values hold no line breaks).
fn csv_cells(line: &str) -> Vec<String> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(line.as_bytes());
    let row = reader.records().next().expect("a row").expect("valid CSV");
    row.iter().map(str::to_string).collect()
}

/// Every column of every backend at once, as a projection in ndjson, csv and plain, against
/// the whole records of `-o ndjson`: matched row by row on the key (TrueNAS lists each run's
/// own session under a new key, which is left out).
#[test]
fn every_column_prints_the_whole_records_value_in_every_format() {
    let sim = Sim::with_sessions(40, 11);
    for backend in ALL {
        let name = backend.name();
        let columns = backend.columns();
        let list: Vec<&str> = columns.iter().map(|c| c.name).collect();
        let list = list.join(",");
        let whole = records(sim.run(&[name, "-o", "ndjson"]).ok().ndjson());
        let key = columns.iter().find(|c| c.name == "key").expect("a key");
        let by_key: HashMap<String, &Record> = whole
            .iter()
            .map(|r| (plain_text(&key.value(r)), r))
            .collect();
        let projected = records(
            sim.run(&[name, "--columns", &list, "-o", "ndjson"])
                .ok()
                .ndjson(),
        );
        let csv = sim
            .run(&[name, "--columns", &list, "-o", "csv", "--no-headers"])
            .ok();
        let plain = sim.run(&[name, "--columns", &list, "-o", "plain"]).ok();
        assert_eq!(projected.len(), whole.len(), "{name}");
        let mut matched = 0;
        for ((row, csv), plain) in projected.iter().zip(csv.lines()).zip(plain.lines()) {
            let names: Vec<&String> = row.keys().collect();
            assert_eq!(
                names,
                columns
                    .iter()
                    .map(|c| c.name)
                    .collect::<Vec<_>>()
                    .iter()
                    .collect::<Vec<_>>()
            );
            let Some(full) = by_key.get(&plain_text(&row["key"])) else {
                continue;
            };
            matched += 1;
            let (csv, plain) = (csv_cells(csv), plain.split('\t').collect::<Vec<_>>());
            for (i, c) in columns.iter().enumerate() {
                let value = &row[c.name];
                let relative = c.json == Json::Cell && c.name.ends_with("_seconds");
                if c.json == Json::Field {
                    let want = field(full, c.name).unwrap_or(Value::Null);
                    assert_eq!(
                        value, &want,
                        "{name} {}: the projection is the record's field",
                        c.name
                    );
                }
                if c.name.ends_with("_seconds") {
                    assert!(
                        value.is_null() || value.is_i64(),
                        "{name} {}: whole seconds: {value}",
                        c.name
                    );
                }
                let text = plain_text(value);
                if relative {
                    // Seconds until a deadline: each run reads its own clock.
                    let near =
                        |s: &str| (s.parse::<i64>().unwrap() - value.as_i64().unwrap()).abs() <= 2;
                    assert!(near(&csv[i]) && near(plain[i]), "{name} {}: {text}", c.name);
                    continue;
                }
                assert_eq!(csv[i], text, "{name} {}: csv prints the JSON value", c.name);
                assert_eq!(
                    plain[i], text,
                    "{name} {}: plain prints the JSON value",
                    c.name
                );
            }
        }
        assert!(matched >= 40, "{name}: {matched} sessions compared");
    }
}

/// Sub-second idle times read alike in every backend's table: whole seconds, as the
/// `*_seconds` column says, never `184ms` on one backend and `0s` on another.
#[test]
fn tables_show_durations_in_the_seconds_their_columns_print() {
    let sim = Sim::with_sessions(200, 3);
    let idle = session_inspector::backends::ALL.iter().flat_map(|b| {
        b.columns()
            .iter()
            .filter(|c| c.name.contains("idle") && c.name.ends_with("_seconds"))
            .map(|c| (b.name(), c.name))
    });
    for (backend, seconds) in idle {
        let list = format!("key,{seconds}");
        let table = sim
            .run(&[backend, "--columns", &list, "-o", "table", "--no-headers"])
            .ok();
        let plain = sim.run(&[backend, &list]).ok();
        let mut zero = 0;
        for (row, plain) in table.lines().iter().zip(plain.lines()) {
            let (key, secs) = plain.split_once('\t').unwrap();
            let shown = row.strip_prefix(key).expect("the same row").trim();
            let back = humantime::parse_duration(shown).unwrap_or_else(|e| panic!("{shown}: {e}"));
            assert_eq!(back.as_secs().to_string(), secs, "{backend}: {shown}");
            assert_eq!(back.subsec_nanos(), 0, "{backend}: {shown}");
            zero += usize::from(secs == "0");
        }
        assert!(zero > 0, "{backend}: some session idle under half a second");
    }
}
