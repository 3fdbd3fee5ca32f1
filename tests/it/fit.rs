//! A person at an 80-column terminal: default tables fit without breaking a value, keys stay
//! whole, `wide` becomes a record view, and a key copied from the `key` column is what
//! `show` and `close` take, in every backend.

use std::collections::HashMap;

use libtest_mimic::Trial;
use session_inspector::backends::ALL;
use session_inspector::Fit;
use unicode_width::UnicodeWidthStr;

use crate::common::{backends, facts, Run, Sim};
use crate::per_backend;

/// The cells of every backend: `fit::fits_80_columns::smb`, and the checks of `all`.
pub fn trials() -> Vec<Trial> {
    type Cell = fn(&str);
    let every: [(&str, Cell); 6] = [
        ("fits_80_columns", fits_80_columns),
        ("shows_the_key_when_it_fits", shows_the_key_when_it_fits),
        (
            "wide_screen_shows_every_default",
            wide_screen_shows_every_default,
        ),
        ("chosen_columns_never_hidden", chosen_columns_never_hidden),
        ("keys_round_trip", keys_round_trip),
        ("absent_key", absent_key),
    ];
    let mut trials = Vec::new();
    for (name, cell) in every {
        trials.extend(per_backend(&format!("fit::{name}"), |b| {
            Some(move || cell(b.name()))
        }));
    }
    // Where `nonesuch` has the shape of a key: elsewhere it is a usage error.
    trials.extend(per_backend("fit::close_reports_each", |b| {
        let verb = b.about().tests.close_verb?;
        (b.about().key.check)("nonesuch")
            .is_ok()
            .then_some(move || close_reports_each(b.name(), verb))
    }));
    let single: [(&str, fn()); 2] = [
        (
            "fit::all_fits_80_columns_and_keeps_keys_whole",
            all_fits_80_columns_and_keeps_keys_whole,
        ),
        (
            "fit::color_always_colours_piped_tables",
            color_always_colours_piped_tables,
        ),
    ];
    trials.extend(single.into_iter().map(|(name, test)| {
        Trial::test(name, move || {
            test();
            Ok(())
        })
    }));
    trials
}

/// A backend's number of default columns, and the headers of its free-text columns (the
/// only ones that may be cut).
fn table_shape(backend: &str) -> (usize, Vec<&'static str>) {
    let b = session_inspector::backends::find(backend).unwrap();
    let defaults: Vec<_> = b.columns().iter().filter(|c| c.default).collect();
    let text = defaults
        .iter()
        .filter(|c| matches!(c.fit, Fit::Text(_)))
        .map(|c| c.header)
        .collect();
    (defaults.len(), text)
}

/// A run with the screen `columns` wide (stdout is a pipe; `COLUMNS` stands in for a terminal).
fn at_width(sim: &Sim, columns: usize, args: &[&str]) -> Run {
    let mut cmd = sim.cmd(args);
    cmd.env("COLUMNS", columns.to_string());
    Run::from(cmd.output().unwrap()).ok()
}

fn cells(line: &str) -> Vec<String> {
    line.trim()
        .split("  ")
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(str::to_string)
        .collect()
}

/// `-o wide` too narrow for a table: `-[ RECORD n ]` then `HEADER | value` lines.
fn record_view(stdout: &str) -> Vec<HashMap<String, String>> {
    let mut records: Vec<HashMap<String, String>> = Vec::new();
    for line in stdout.lines() {
        if line.starts_with("-[ RECORD ") {
            records.push(HashMap::new());
        } else if let Some((header, value)) = line.split_once(" | ") {
            let rec = records.last_mut().expect("a field before any record");
            rec.insert(header.trim().to_string(), value.to_string());
        }
    }
    records
}

/// The default table fits 80 columns without breaking a value; `wide` becomes a record view
/// with every key whole.
fn fits_80_columns(backend: &str) {
    let sim = Sim::with_sessions(30, 7);
    let (defaults, free_text) = table_shape(backend);
    let table = at_width(&sim, 80, &[backend]);
    let wide = at_width(&sim, 80, &[backend, "-o", "wide"]);
    let full = record_view(&wide.stdout);
    let keys = sim.keys(backend);
    assert_eq!(keys.len(), 30, "{backend}: one key per session");
    // With the connection's own session, where the backend lists it.
    let n = 30 + usize::from(facts(backend).lists_own_login);
    assert_eq!(full.len(), n, "{backend}: one record per session in wide");

    let lines = table.lines();
    for line in &lines {
        assert!(line.width() <= 80, "{backend}: wider than 80: {line:?}");
    }
    // One line per session: nothing wrapped.
    assert_eq!(lines.len(), n + 1, "{backend}:\n{}", table.stdout);
    let headers = cells(lines[0]);
    let hidden = defaults - headers.len();
    if hidden > 0 {
        let footer = format!(
            "{hidden} column{} hidden (",
            if hidden == 1 { "" } else { "s" }
        );
        assert!(
            table.stderr.contains(&footer)
                && table.stderr.contains("); -o wide or --columns to choose"),
            "{backend}: the footer says what was hidden: {}",
            table.stderr
        );
    } else {
        assert!(!table.stderr.contains("hidden"), "{}", table.stderr);
    }
    for (row, rec) in lines[1..].iter().zip(&full) {
        if rec.get("CURRENT").is_some_and(|c| c == "true") {
            continue; // each run's own session, with an id of its own
        }
        let row = cells(row);
        assert_eq!(row.len(), headers.len(), "{backend}: {row:?}");
        for (header, cell) in headers.iter().zip(&row) {
            let whole = &rec[header];
            if header == "EXPIRES" {
                // Relative to the clock: only check it is whole.
                assert!(!cell.ends_with('…'), "{backend}: {header} cut: {cell}");
                continue;
            }
            match cell.strip_suffix('…') {
                Some(kept) if free_text.contains(&header.as_str()) => {
                    assert!(whole.starts_with(kept), "{backend}: {cell} is not {whole}")
                }
                _ => assert_eq!(cell, whole, "{backend}: {header} was cut or changed"),
            }
        }
    }
    // Wide at 80 columns shows every key whole, as `key` prints it.
    let wide_keys: Vec<&String> = full
        .iter()
        .filter(|r| r.get("CURRENT").is_none_or(|c| c == "false"))
        .map(|r| &r["KEY"])
        .collect();
    assert_eq!(wide_keys, keys.iter().collect::<Vec<_>>(), "{backend}");
    for line in wide.lines() {
        assert!(!line.contains('…'), "{backend}: wide cut a value: {line}");
    }
}

fn all_fits_80_columns_and_keeps_keys_whole() {
    let sim = Sim::with_sessions(12, 3);
    let all = at_width(&sim, 80, &["all"]);
    for line in all.lines() {
        assert!(line.width() <= 80, "wider than 80: {line:?}");
    }
    // One header, 12 sessions a backend (and the run's own login where one lists it).
    let own = backends().filter(|b| facts(b).lists_own_login).count();
    assert_eq!(
        all.lines().len(),
        1 + ALL.len() * 12 + own,
        "{}",
        all.stdout
    );
    // The common record's key is each backend's own, whole, as `show` and `close` take it.
    let listed = at_width(
        &sim,
        80,
        &["all", "--columns", "backend,key", "-o", "plain"],
    );
    for backend in backends() {
        for key in sim.keys(backend) {
            assert!(
                listed
                    .lines()
                    .contains(&format!("{backend}\t{key}").as_str()),
                "{backend} key {key} not whole in:\n{}",
                listed.stdout
            );
        }
    }
}

/// "Copy a key from the listing": every default table has a KEY column, shown whole on a wide
/// screen; on a narrow one it may give way, and the footer then names it.
fn shows_the_key_when_it_fits(name: &str) {
    let sim = Sim::with_sessions(6, 7);
    let keys = sim.keys(name);
    let wide = at_width(&sim, 200, &[name]);
    let headers = cells(wide.lines()[0]);
    let at = headers.iter().position(|h| h == "KEY");
    let at = at.unwrap_or_else(|| panic!("{name}: no KEY at 200 columns: {headers:?}"));
    let shown: Vec<String> = wide.lines()[1..]
        .iter()
        .map(|l| cells(l)[at].clone())
        .collect();
    assert!(
        keys.iter().all(|k| shown.contains(k)),
        "{name}: {shown:?} are not {keys:?}"
    );
    let narrow = at_width(&sim, 80, &[name]);
    if !cells(narrow.lines()[0]).contains(&"KEY".to_string()) {
        let hidden = narrow
            .stderr
            .split_once("hidden (")
            .and_then(|(_, rest)| rest.split_once(");"))
            .map(|(list, _)| list.split(", ").collect::<Vec<_>>());
        assert!(
            hidden.is_some_and(|h| h.contains(&"KEY")),
            "{name}: the footer names KEY: {}",
            narrow.stderr
        );
    }
}

/// The headers of a backend's default columns, in table order.
fn default_headers(backend: &str) -> Vec<&'static str> {
    let b = session_inspector::backends::find(backend).unwrap();
    b.columns()
        .iter()
        .filter(|c| c.default)
        .map(|c| c.header)
        .collect()
}

/// A wide screen shows every default column.
fn wide_screen_shows_every_default(backend: &str) {
    let sim = Sim::with_sessions(5, 7);
    let run = at_width(&sim, 300, &[backend]);
    assert_eq!(cells(run.lines()[0]), default_headers(backend), "{backend}");
    assert!(!run.stderr.contains("hidden"), "{backend}: {}", run.stderr);
}

/// Columns the user chose are cut to fit, never hidden.
fn chosen_columns_never_hidden(backend: &str) {
    let sim = Sim::with_sessions(5, 7);
    let b = session_inspector::backends::find(backend).unwrap();
    let chosen: Vec<_> = b.columns().iter().filter(|c| c.default).take(3).collect();
    let names: Vec<&str> = chosen.iter().map(|c| c.name).collect();
    let columns = names.join(",");
    let run = at_width(&sim, 30, &[b.name(), "--columns", &columns, "-o", "table"]);
    let headers: Vec<&str> = chosen.iter().map(|c| c.header).collect();
    assert_eq!(cells(run.lines()[0]), headers, "{}", b.name());
    assert!(!run.stderr.contains("hidden"), "{}", run.stderr);
}

fn color_always_colours_piped_tables() {
    let sim = Sim::with_sessions(3, 7);
    let backend = crate::common::any_backend();
    let plain = sim.run(&[backend]).ok();
    assert!(!plain.stdout.contains('\x1b'), "no colour piped by default");
    let mut cmd = sim.cmd(&["--color", "always", backend]);
    cmd.env_remove("NO_COLOR");
    let run = Run::from(cmd.output().unwrap()).ok();
    let first = format!("\x1b[1m{}\x1b[0m", default_headers(backend)[0]);
    assert!(run.lines()[0].starts_with(&first), "{:?}", run.lines()[0]);
    // Data rows stay as they are.
    assert_eq!(run.lines()[1], plain.lines()[1]);
}

/// `key` → `show` → `close --dry-run`: the key a table shows is what the other two take.
fn keys_round_trip(backend: &str) {
    let sim = Sim::with_sessions(8, 5);
    let key = sim.keys(backend)[3].clone();
    let shown = sim
        .run(&[backend, "show", &key, "--columns", "key", "-o", "plain"])
        .ok();
    assert_eq!(shown.stdout, format!("{key}\n"), "{backend} show");
    if facts(backend).close_verb.is_none() {
        return;
    }
    let dry = sim
        .run(&[
            backend,
            "close",
            &key,
            "--dry-run",
            "--columns",
            "key",
            "-o",
            "plain",
        ])
        .ok();
    assert_eq!(dry.stdout, format!("{key}\n"), "{backend} close --dry-run");
    assert!(
        dry.stderr.contains("dry run: would close 1 session(s)"),
        "{}",
        dry.stderr
    );
    // Still there: a dry run changes nothing.
    assert!(sim.run(&[backend, "key"]).ok().stdout.contains(&key));
}

/// A key that names no session is exit 5, for `show` and `close`.
fn absent_key(backend: &str) {
    let sim = Sim::with_sessions(4, 5);
    let key = facts(backend).absent_key;
    let show = sim.run(&[backend, "show", key]).code(5);
    assert!(
        show.stderr.contains(&format!("no such session: {key}")),
        "{}",
        show.stderr
    );
    assert_eq!(show.stdout, "", "{backend}: nothing printed");
    if facts(backend).close_verb.is_some() {
        let close = sim.run(&[backend, "close", key, "-y"]).code(5);
        assert!(
            close.stderr.contains(&format!("no such session: {key}")),
            "{}",
            close.stderr
        );
    }
}

/// A close of a key that is there and one that is not reports each, and exits 5.
fn close_reports_each(backend: &str, verb: &str) {
    let sim = Sim::with_sessions(6, 5);
    let key = sim.keys(backend).pop().expect("a session");
    let run = sim.run(&[backend, "close", &key, "nonesuch", "-y"]).code(5);
    assert!(
        run.stderr.contains(&format!("{verb} {key}\n")),
        "{}",
        run.stderr
    );
    // One line names the missing key: the error line, not a note beside it.
    assert_eq!(run.stderr.matches("nonesuch").count(), 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("no such session: nonesuch"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains(&format!("{verb} 1 of 1 session(s)")),
        "{}",
        run.stderr
    );
    assert!(
        !sim.run(&[backend, "key"]).ok().stdout.contains(&key),
        "{backend}: {key} is gone"
    );
}
