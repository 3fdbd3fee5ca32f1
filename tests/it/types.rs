//! One type per column: a column prints the same value, of the same JSON type, in `-o json`'s
//! whole record, in a projection, in `csv` and in `plain`, on every backend of the registry.
//! Durations as columns are whole seconds, and tables show them alike everywhere.

use std::collections::HashMap;

use serde_json::Value;
use session_inspector::backends::ALL;
use session_inspector::record::{field, plain_text, Json, Record};

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

/// The cases: ONTAP's `idle_duration` and Qumulo's `time_idle` keep the vendor's form
/// in a projection as in the whole record, and their seconds are integers in csv and plain.
#[test]
fn vendor_durations_keep_their_form_and_seconds_are_integers() {
    let sim = Sim::with_sessions(30, 7);
    let whole = sim.run(&["cifs", "-o", "json"]).ok().json();
    let projected = sim
        .run(&[
            "cifs",
            "identifier,idle_duration,idle_duration_seconds",
            "-o",
            "json",
        ])
        .ok()
        .json();
    for (w, p) in whole
        .as_array()
        .unwrap()
        .iter()
        .zip(projected.as_array().unwrap())
    {
        assert!(w["idle_duration"].is_string(), "{w}");
        assert_eq!(p["idle_duration"], w["idle_duration"]);
        assert!(w["idle_duration_seconds"].is_u64(), "{w}");
        assert_eq!(p["idle_duration_seconds"], w["idle_duration_seconds"]);
        assert_eq!(p["identifier"], w["identifier"]);
    }

    let whole = sim.run(&["smb", "-o", "json"]).ok().json();
    let projected = sim.run(&["smb", "key,time_idle", "-o", "json"]).ok().json();
    let whole = whole.as_array().unwrap();
    for (w, p) in whole.iter().zip(projected.as_array().unwrap()) {
        assert!(w["time_idle"]["nanoseconds"].is_string(), "{w}");
        assert_eq!(p["time_idle"], w["time_idle"]);
        assert_eq!(p["key"], w["location"]);
    }
    // The simulator's nanoseconds are not whole seconds: the added seconds are, rounded.
    assert!(whole.iter().any(|w| !w["time_idle"]["nanoseconds"]
        .as_str()
        .unwrap()
        .ends_with("000000000")));
    let csv = sim
        .run(&[
            "smb",
            "--columns",
            "time_open_seconds,time_idle_seconds",
            "-o",
            "csv",
            "--no-headers",
        ])
        .ok();
    let plain = sim
        .run(&["smb", "time_open_seconds,time_idle_seconds"])
        .ok();
    for ((w, csv), plain) in whole.iter().zip(csv.lines()).zip(plain.lines()) {
        let nanos: u64 = w["time_idle"]["nanoseconds"]
            .as_str()
            .unwrap()
            .parse()
            .unwrap();
        let secs = (nanos + 500_000_000) / 1_000_000_000;
        assert_eq!(w["time_idle_seconds"], secs, "{w}");
        let want = format!("{},{}", w["time_open_seconds"], w["time_idle_seconds"]);
        assert_eq!(csv, want);
        assert_eq!(plain, want.replace(',', "\t"));
        // What `$(( ))` takes.
        assert!(
            plain.split('\t').all(|n| n.parse::<u64>().is_ok()),
            "{plain}"
        );
    }
}

/// Sub-second idle times read alike in every backend's table: whole seconds, as the
/// `*_seconds` column says, never `184ms` on one backend and `0s` on another.
#[test]
fn tables_show_durations_in_the_seconds_their_columns_print() {
    let sim = Sim::with_sessions(200, 3);
    for (backend, seconds) in [
        ("smb", "time_idle_seconds"),
        ("cifs", "idle_duration_seconds"),
    ] {
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
