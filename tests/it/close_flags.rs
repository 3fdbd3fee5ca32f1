//! Every flag `close` accepts, on every backend that closes (both lists come from the
//! registry and the command line, not from this file): what the dry run shows is exactly what
//! the close then ends, as the simulator's change log records it; `--limit` and `--sort` choose
//! which; a selector chooses sessions that carry its value.

use std::collections::{BTreeSet, HashMap};
use std::io::Write;
use std::process::Stdio;

use serde_json::Value;
use session_inspector::backends::{self, Backend, Selector};

use crate::common::Sim;

/// One way to call close: its arguments (without --dry-run/--yes), keys on stdin, and what
/// the test can check beyond "shown = ended".
struct Case {
    flags: Vec<&'static str>,
    args: Vec<String>,
    stdin: Option<String>,
    limit: Option<usize>,
    sort: Option<String>,
    selector: Option<&'static Selector>,
    /// The arguments' value, which every chosen session's selector column must hold.
    value: Option<String>,
}

impl Case {
    fn new(flags: &[&'static str], args: Vec<String>) -> Case {
        Case {
            flags: flags.to_vec(),
            args,
            stdin: None,
            limit: None,
            sort: None,
            selector: None,
            value: None,
        }
    }
}

/// Rows of the backend's listing: key → the row (`--columns key,...` as JSON).
fn listing(sim: &Sim, name: &str, columns: &[&str]) -> Vec<(String, Value)> {
    let cols = std::iter::once("key")
        .chain(columns.iter().copied())
        .collect::<Vec<_>>()
        .join(",");
    let run = sim
        .run(&["-p", name, name, "--columns", &cols, "-o", "json"])
        .ok();
    run.json()
        .as_array()
        .expect("a JSON array")
        .iter()
        .map(|row| (row["key"].as_str().expect("a key").to_string(), row.clone()))
        .collect()
}

/// What a close would end, in the order it shows them.
fn preview(sim: &Sim, name: &str, case: &Case) -> Vec<String> {
    preview_noted(sim, name, case).0
}

/// What a close would end, and its notes on stderr.
fn preview_noted(sim: &Sim, name: &str, case: &Case) -> (Vec<String>, String) {
    let mut args = vec!["-p", name, name, "close"];
    // The case's own format flags give way to the one the test reads.
    let mut given = case.args.iter().map(String::as_str);
    while let Some(a) = given.next() {
        match a {
            "-o" | "--columns" => {
                given.next();
            }
            "--no-headers" => {}
            a => args.push(a),
        }
    }
    args.extend(["--dry-run", "-o", "json", "--columns", "key"]);
    let run = run_with(sim, &args, case.stdin.as_deref());
    assert_eq!(run.code, 0, "{name} close {:?}: {}", case.args, run.stderr);
    let shown: Value = serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("{name} {:?}: not JSON ({e}): {}", case.args, run.stdout));
    let keys = shown
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["key"].as_str().unwrap().to_string())
        .collect();
    (keys, run.stderr)
}

fn run_with(sim: &Sim, args: &[&str], stdin: Option<&str>) -> crate::common::Run {
    let mut cmd = sim.cmd(args);
    cmd.stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    let mut input = child.stdin.take().unwrap();
    input.write_all(stdin.unwrap_or("").as_bytes()).unwrap();
    drop(input);
    crate::common::Run::from(child.wait_with_output().unwrap())
}

/// The keys the simulator logged as closed by a client, after the first `skip` such lines.
fn ended(sim: &Sim, backend: &str) -> Vec<String> {
    let text = std::fs::read_to_string(sim.files().join("changes.ndjson")).unwrap_or_default();
    text.lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .filter(|v| v["by"] == "client" && v["backend"] == backend)
        .map(|v| v["key"].as_str().unwrap().to_string())
        .collect()
}

/// The flags `close` of this backend takes: its own and the global ones, by long name.
fn accepted_flags(backend: &dyn Backend) -> Vec<String> {
    let cli = session_inspector::cli_command();
    let sub = cli.find_subcommand(backend.name()).unwrap();
    let close = sub.find_subcommand("close").unwrap();
    let globals = cli.get_arguments().filter(|a| a.is_global_set());
    close
        .get_arguments()
        .chain(globals)
        .filter(|a| !a.is_hide_set())
        .filter_map(|a| {
            a.get_long()
                .map(str::to_string)
                .or(Some(a.get_id().to_string()))
        })
        .filter(|f| f != "help" && f != "version")
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect()
}

fn closes(backend: &dyn Backend) -> bool {
    let cli = session_inspector::cli_command();
    let sub = cli.find_subcommand(backend.name()).unwrap();
    sub.find_subcommand("close")
        .is_some_and(|c| !c.is_hide_set())
}

/// The cases for one backend, given its listing. Keys are taken from the listing's end (the
/// very last left out: on TrueNAS it is the listing's own connection, gone when that run
/// ended), a few different ones for each case.
fn cases(backend: &dyn Backend, rows: &[(String, Value)]) -> Vec<Case> {
    let keys = |n: usize, skip: usize| -> Vec<String> {
        rows.iter()
            .rev()
            .skip(1 + skip)
            .take(n)
            .map(|(k, _)| k.clone())
            .collect()
    };
    let sort_column = backend
        .columns()
        .iter()
        .find(|c| c.default && c.name != "key")
        .map_or("key", |c| c.name);
    let mut out = Vec::new();
    let with_keys = |flags: &[&'static str], extra: &[&str], skip: usize| {
        let mut args = keys(3, skip);
        args.extend(extra.iter().map(|s| s.to_string()));
        Case::new(flags, args)
    };
    out.push(with_keys(&["keys"], &[], 0));
    let mut piped = with_keys(&["keys"], &[], 3);
    piped.stdin = Some(piped.args.join("\n") + "\n");
    piped.args = vec!["-".to_string()];
    out.push(piped);
    let mut limited = with_keys(&["limit"], &["--limit", "2"], 6);
    limited.limit = Some(2);
    out.push(limited);
    let mut sorted = with_keys(
        &["sort", "limit"],
        &["--sort", sort_column, "--limit", "2"],
        9,
    );
    sorted.limit = Some(2);
    sorted.sort = Some(sort_column.to_string());
    out.push(sorted);
    let mut sorted_desc = with_keys(&["sort"], &["--sort", &format!("-{sort_column}")], 12);
    sorted_desc.sort = Some(format!("-{sort_column}"));
    out.push(sorted_desc);
    for (i, format) in ["table", "wide", "json", "ndjson", "csv", "plain"]
        .iter()
        .enumerate()
    {
        out.push(with_keys(&["output"], &["-o", format], 15 + 3 * i));
    }
    let generic: &[(&'static str, Vec<String>)] = &[
        ("columns", vec!["--columns".into(), sort_column.into()]),
        (
            "no-headers",
            vec!["--no-headers".into(), "-o".into(), "csv".into()],
        ),
        ("url", vec!["--url".into(), URL.into()]),
        ("max-pages", vec!["--max-pages".into(), "100".into()]),
        ("timeout", vec!["--timeout".into(), "30s".into()]),
        (
            "request-timeout",
            vec!["--request-timeout".into(), "20s".into()],
        ),
        ("ca-cert", vec!["--ca-cert".into(), CA.into()]),
        ("insecure", vec!["--insecure".into()]),
        ("color", vec!["--color".into(), "never".into()]),
        ("verbose", vec!["-v".into()]),
        ("quiet", vec!["--quiet".into()]),
    ];
    for (i, (flag, extra)) in generic.iter().enumerate() {
        let extra: Vec<&str> = extra.iter().map(String::as_str).collect();
        out.push(with_keys(&[flag], &extra, 33 + 3 * i));
    }
    // --where alone, on the key column every backend has.
    let one = keys(1, 60);
    out.push(Case::new(
        &["where"],
        vec!["--where".into(), format!("key={}", one[0])],
    ));
    // And applied here only.
    out.push(Case::new(
        &["where", "no-push-down"],
        vec![
            "--where".into(),
            format!("key={}", one[0]),
            "--no-push-down".into(),
        ],
    ));
    // Selectors with a column: their value is read when the case runs (`with_value`).
    let selectors = backend.about().close_selectors;
    for sel in selectors.iter().filter(|s| s.column.is_some()) {
        let mut case = Case::new(&[], Vec::new());
        case.flags.push(sel.flag);
        case.flags
            .extend(sel.with.iter().map(|w| w.trim_start_matches('-')));
        case.selector = Some(sel);
        out.push(case);
    }
    // Selectors no one column describes end many: last.
    for sel in selectors.iter().filter(|s| s.column.is_none()) {
        let mut case = Case::new(&[], vec![format!("--{}", sel.flag)]);
        case.flags.push(sel.flag);
        out.push(case);
    }
    out
}

/// A selector case's arguments, with the value of the first session that has one.
fn with_value(mut case: Case, sim: &Sim, name: &str) -> Case {
    let Some(sel) = case.selector else {
        return case;
    };
    let column = sel.column.unwrap();
    let rows = listing(sim, name, &[column]);
    let value = rows.iter().find_map(|(_, row)| match &row[column] {
        Value::Array(items) => items.first().map(text),
        Value::Bool(true) => Some(String::new()),
        Value::Bool(false) | Value::Null => None,
        v => Some(text(v)),
    });
    let value = value.unwrap_or_else(|| panic!("{name}: no session has a {column}"));
    case.args = vec![format!("--{}", sel.flag)];
    if !value.is_empty() {
        case.args.push(format!("{}{value}", sel.prefix));
    }
    case.args.extend(sel.with.iter().map(|s| s.to_string()));
    case.value = Some(value);
    case
}

fn text(v: &Value) -> String {
    v.as_str().map_or_else(|| v.to_string(), str::to_string)
}

#[test]
fn every_close_flag_ends_exactly_what_the_dry_run_shows() {
    let backends: Vec<&dyn Backend> = backends::ALL
        .iter()
        .copied()
        .filter(|b| closes(*b))
        .collect();
    assert!(backends.len() >= 3, "the registry has backends that close");
    for backend in backends {
        check_backend(backend);
    }
}

/// Stand-ins for the profile's URL and the simulator's CA, which each case's own simulator has.
const URL: &str = "<the profile's url>";
const CA: &str = "<the simulator's ca.pem>";

/// Each case runs on a simulator of its own, all alike (one seed): the cases cannot disturb
/// each other, and TrueNAS's 20 logins a minute hold for each.
fn fresh() -> Sim {
    Sim::start(&["--sessions", "120", "--seed", "11"])
}

fn check_backend(backend: &dyn Backend) {
    let name = backend.name();
    let selector_columns: Vec<&str> = backend
        .about()
        .close_selectors
        .iter()
        .filter_map(|s| s.column)
        .collect();
    let first = fresh();
    let rows = listing(&first, name, &selector_columns);
    assert!(rows.len() >= 60, "{name}: a listing of {}", rows.len());
    let mut covered: BTreeSet<String> = ["profile", "config", "dry-run", "yes"]
        .map(String::from)
        .into();
    covered.insert("output-file".into());
    check_output_file(&first, name, &rows);
    for mut case in cases(backend, &rows) {
        let sim = fresh();
        for arg in &mut case.args {
            if arg == URL {
                *arg = sim.value(name, "url");
            } else if arg == CA {
                *arg = sim.files().join("ca.pem").display().to_string();
            }
        }
        let case = with_value(case, &sim, name);
        let label = format!("{name} close {:?}", case.args);
        let (shown, notes) = preview_noted(&sim, name, &case);
        // A group that --limit would split is left out whole, so a limit may leave nothing.
        let held_back = case.limit.is_some() && notes.contains("would pass the limit");
        assert!(!shown.is_empty() || held_back, "{label}: shows nothing");
        if let Some(limit) = case.limit {
            let mut whole = Case::new(&[], case.args.clone());
            let at = whole.args.iter().position(|a| a == "--limit").unwrap();
            whole.args.drain(at..at + 2);
            whole.stdin.clone_from(&case.stdin);
            let all = preview(&sim, name, &whole);
            let first = limit.min(all.len());
            // A vendor that ends sessions only in groups never has one split: a group that
            // would pass --limit is left out, with all after it, and a note says so.
            assert!(shown.len() <= first, "{label}: {shown:?}");
            assert_eq!(
                shown.len() < first,
                notes.contains("would pass the limit"),
                "{label}: {notes}"
            );
            assert_eq!(
                shown[..],
                all[..shown.len()],
                "{label}: the first, in order"
            );
        }
        if let Some(sort) = &case.sort {
            let (column, desc) = match sort.strip_prefix('-') {
                Some(c) => (c, true),
                None => (sort.as_str(), false),
            };
            let order = listing(&sim, name, &[column]);
            let values: HashMap<&str, &Value> = order
                .iter()
                .map(|(k, r)| (k.as_str(), &r[column]))
                .collect();
            let seq: Vec<String> = shown.iter().map(|k| text(values[k.as_str()])).collect();
            let mut sorted = seq.clone();
            sorted.sort_by(|a, b| compare(a, b));
            if desc {
                sorted.reverse();
            }
            let same =
                |a: &[String], b: &[String]| a.iter().zip(b).all(|(x, y)| compare(x, y).is_eq());
            assert!(
                same(&seq, &sorted),
                "{label}: shown in {sort} order: {seq:?}"
            );
        }
        if let (Some(sel), Some(value)) = (case.selector, &case.value) {
            let column = sel.column.unwrap();
            let now: HashMap<String, Value> = listing(&sim, name, &[column]).into_iter().collect();
            for key in &shown {
                let cell = &now[key][column];
                let holds = match cell {
                    Value::Array(items) => items.iter().any(|i| &text(i) == value),
                    Value::Bool(b) => *b && value.is_empty(),
                    v => &text(v) == value,
                };
                assert!(holds, "{label}: {key} has {column} = {cell}");
            }
        }
        // The dry run as the case words it succeeds too (its own format, columns, file).
        let mut args = vec!["-p", name, name, "close"];
        args.extend(case.args.iter().map(String::as_str));
        let dry = run_with(
            &sim,
            &[args.as_slice(), &["--dry-run"]].concat(),
            case.stdin.as_deref(),
        );
        assert_eq!(dry.code, 0, "{label} --dry-run: {}", dry.stderr);
        let real = run_with(
            &sim,
            &[args.as_slice(), &["--yes"]].concat(),
            case.stdin.as_deref(),
        );
        assert_eq!(real.code, 0, "{label} --yes: {}", real.stderr);
        let count = shown.len();
        assert!(
            count == 0
                || real
                    .stderr
                    .contains(&format!(" {count} of {count} session(s)")),
            "{label}: {}",
            real.stderr
        );
        let log = ended(&sim, name);
        let now: BTreeSet<&String> = log.iter().collect();
        let want: BTreeSet<&String> = shown.iter().collect();
        assert_eq!(now, want, "{label}: ended what it showed");
        covered.extend(case.flags.iter().map(|f| f.to_string()));
    }
    covered.insert("demo".into());
    check_demo(name);
    let missing: Vec<String> = accepted_flags(backend)
        .into_iter()
        .filter(|f| !covered.contains(f))
        .collect();
    assert!(missing.is_empty(), "{name} close: no case for {missing:?}");
}

/// `--output-file` gets what the close shows, and the close happens.
fn check_output_file(sim: &Sim, name: &str, rows: &[(String, Value)]) {
    let key = &rows[rows.len() / 4].0;
    let file = sim.dir.path().join("closed.json");
    let path = file.display().to_string();
    let args = [
        "-p",
        name,
        name,
        "close",
        key,
        "--yes",
        "-o",
        "json",
        "--output-file",
        &path,
    ];
    sim.run(&args).ok();
    let written = std::fs::read_to_string(&file).unwrap();
    let shown: Value = serde_json::from_str(&written).unwrap();
    assert_eq!(shown.as_array().map(Vec::len), Some(1), "{name}: {written}");
    assert!(ended(sim, name).contains(key), "{name}: {key} ended");
}

/// `--demo` closes in the built-in simulator: what it shows is what it says it closed.
fn check_demo(name: &str) {
    let sim = Sim::with_sessions(1, 1);
    let keys = sim.run(&["--demo", name, "key"]).ok();
    let keys: Vec<&str> = keys.stdout.lines().take(2).collect();
    let mut args = vec!["--demo", name, "close"];
    args.extend(&keys);
    let run = sim.run(&[args.as_slice(), &["--yes"]].concat()).ok();
    assert!(
        run.stderr.contains(" 2 of 2 session(s)"),
        "{name}: {}",
        run.stderr
    );
}

/// `--sort`'s order as far as the test can tell from text: numbers as numbers.
fn compare(a: &str, b: &str) -> std::cmp::Ordering {
    match (a.parse::<f64>(), b.parse::<f64>()) {
        (Ok(x), Ok(y)) => x.total_cmp(&y),
        _ => a.to_lowercase().cmp(&b.to_lowercase()),
    }
}
