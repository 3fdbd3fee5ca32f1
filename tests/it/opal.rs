//! Opal access sessions against the simulator, and the simulator against Opal's OpenAPI spec.

use std::collections::{HashMap, HashSet};

use serde_json::Value;

use crate::common::Sim;

#[test]
fn every_session_of_every_resource_exactly_once() {
    let sim = Sim::start(&["--sessions", "150", "--opal-resources", "7"]);
    for args in [
        vec!["opal", "-o", "json"],
        vec!["opal", "--all-resources", "-o", "json"],
    ] {
        let v = sim.run(&args).ok().json();
        let rows = v.as_array().unwrap();
        assert_eq!(rows.len(), 150, "{args:?}");
        let ids: HashSet<&str> = rows
            .iter()
            .map(|r| r["connection_id"].as_str().unwrap())
            .collect();
        assert_eq!(ids.len(), 150);
        let resources: HashSet<&str> = rows
            .iter()
            .map(|r| r["resource_id"].as_str().unwrap())
            .collect();
        assert_eq!(resources.len(), 7);
    }
    let typed = sim
        .run(&[
            "-v",
            "opal",
            "--all-resources",
            "--resource-type",
            "AWS_IAM_ROLE",
            "-o",
            "json",
        ])
        .ok();
    assert!(typed.stderr.contains("resource_type_filter=AWS_IAM_ROLE"));
    assert!(typed
        .json()
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["resource_type"] == "AWS_IAM_ROLE"));
}

#[test]
fn names_are_resolved_with_each_id_fetched_once() {
    let sim = Sim::start(&["--sessions", "80", "--opal-resources", "5"]);
    let run = sim.run(&["-v", "opal", "-o", "json"]).ok();
    let rows = run.json();
    let rows = rows.as_array().unwrap();
    assert!(rows
        .iter()
        .all(|r| r["user_email"].as_str().is_some_and(|e| e.contains('@'))));
    assert!(rows
        .iter()
        .all(|r| r["resource_name"].is_string() && r["resource_type"].is_string()));
    let mut fetched: HashMap<String, usize> = HashMap::new();
    for l in run.stderr.lines().filter(|l| l.contains("> GET ")) {
        if let Some(id) = l
            .split("/user?user_id=")
            .nth(1)
            .or_else(|| l.split("/resources/").nth(1))
        {
            *fetched.entry(id.to_string()).or_default() += 1;
        }
    }
    let users: HashSet<&str> = rows
        .iter()
        .map(|r| r["user_id"].as_str().unwrap())
        .collect();
    assert_eq!(
        fetched.len(),
        users.len() + 5,
        "one lookup per distinct user and resource"
    );
    assert!(fetched.values().all(|n| *n == 1), "{fetched:?}");

    // --all-resources already has the names from the listing: no per-resource lookups.
    let all = sim
        .run(&["-v", "opal", "--all-resources", "-o", "json"])
        .ok();
    assert!(!all.stderr.contains("/resources/"), "{}", all.stderr);
    let none = sim.run(&["-v", "opal", "--no-enrich", "-o", "json"]).ok();
    assert!(!none.stderr.contains("/user?"));
    let table = sim.run(&["opal"]).ok();
    assert!(
        table.stdout.contains("@example.com")
            && (table.stdout.contains(" in ") || table.stdout.contains("expired"))
    );
}

#[test]
fn a_429_storm_is_survived_and_the_result_is_complete() {
    let sim = Sim::start(&[
        "--sessions",
        "60",
        "--opal-resources",
        "4",
        "--opal-rate-limit",
        "8",
    ]);
    let run = sim.run(&["-v", "opal", "-o", "json"]).ok();
    assert!(
        run.stderr.contains("429"),
        "the storm happened: {}",
        run.stderr
    );
    // Opal documents no Retry-After, and the simulator sends none: the client backs off on
    // its own, from 1 s as the vendor's SDK does.
    assert!(
        run.stderr.contains("retrying in 1s"),
        "backs off without Retry-After: {}",
        run.stderr
    );
    let rows = run.json();
    assert_eq!(rows.as_array().unwrap().len(), 60);
    assert!(rows
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["user_email"].is_string()));
}

#[test]
fn a_bad_token_is_exit_3() {
    let sim = Sim::with_sessions(10, 1);
    let token = sim.value("opal", "token");
    assert_eq!(token, sim.secret("opal", "token"));
    let bad = sim.config_with("badtoken.toml", |c| c.set("opal", "token", "opal-wrong"));
    let run = sim.run(&["-c", &bad, "opal"]).code(3);
    assert!(
        run.stderr.contains("opal profile 'opal'") && run.stderr.contains("HTTP 401"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("Invalid or missing API token"),
        "the vendor's text: {}",
        run.stderr
    );
}

#[test]
fn the_token_can_come_from_opal_auth_token() {
    let sim = Sim::with_sessions(10, 1);
    let token = sim.value("opal", "token");
    let cfg = sim.config_with("envtoken.toml", |c| c.remove("opal", "token"));
    let run = crate::common::Run::from(
        sim.cmd(&["-c", &cfg, "opal", "-o", "json"])
            .env("OPAL_AUTH_TOKEN", &token)
            .output()
            .unwrap(),
    )
    .ok();
    assert_eq!(run.json().as_array().unwrap().len(), 10);
    let run = sim.run(&["-c", &cfg, "opal"]).code(2);
    assert!(run.stderr.contains("OPAL_AUTH_TOKEN"), "{}", run.stderr);
}

#[test]
fn a_missing_or_invalid_resource_id_says_what_to_do() {
    let sim = Sim::with_sessions(10, 1);
    let cfg = sim.config_with("noids.toml", |c| c.remove("opal", "resource_ids"));
    let run = sim.run(&["-c", &cfg, "opal"]).code(2);
    assert!(
        run.stderr.contains("--resource-id") && run.stderr.contains("--all-resources"),
        "{}",
        run.stderr
    );
    let run = sim.run(&["opal", "--resource-id", "not-a-uuid"]).code(2);
    assert!(
        run.stderr.contains("HTTP 422") && run.stderr.contains("resource_id must be a UUID"),
        "{}",
        run.stderr
    );
}

#[test]
fn expiring_within_and_relative_expiry() {
    let sim = Sim::with_sessions(200, 3);
    let all = sim.run(&["opal", "expires_in_seconds"]).ok();
    let secs: Vec<i64> = all.lines().iter().map(|l| l.parse().unwrap()).collect();
    assert!(secs.iter().any(|s| *s < 0), "some just expired");
    let soon = sim
        .run(&["opal", "expires_in_seconds", "--expiring-within", "1h"])
        .ok();
    let soon: Vec<i64> = soon.lines().iter().map(|l| l.parse().unwrap()).collect();
    assert_eq!(
        soon.len(),
        secs.iter().filter(|s| **s >= 0 && **s <= 3600).count()
    );
    assert!(soon.iter().all(|s| (0..=3600).contains(s)));
}

// ---- the simulator against the vendor's OpenAPI spec ---------------------------------------

/// The facts the test needs from Opal's OpenAPI spec: the response schemas of the endpoints
/// the simulator serves. scripts/opal-spec-fixture regenerates the fixture from the spec, and
/// .ci/run checks that it still matches the spec when the spec is at hand.
fn spec() -> Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/opal-responses.json"
    );
    let text = std::fs::read_to_string(path).expect("tests/fixtures/opal-responses.json");
    serde_json::from_str(&text).expect("the fixture parses")
}

fn resolve<'a>(root: &'a Value, schema: &'a Value) -> &'a Value {
    match schema.get("$ref").and_then(Value::as_str) {
        Some(r) => {
            let mut cur = root;
            for part in r.trim_start_matches("#/").split('/') {
                cur = &cur[part];
            }
            resolve(root, cur)
        }
        None => schema,
    }
}

/// The JSON-schema subset the spec uses for these responses: $ref, type (or a list of
/// types), nullable, required, properties, items, enum, allOf/anyOf/oneOf, uuid and date-time.
fn validate(root: &Value, schema: &Value, v: &Value, at: &str, errors: &mut Vec<String>) {
    let schema = resolve(root, schema);
    if v.is_null()
        && (schema.get("nullable") == Some(&Value::Bool(true))
            || schema["type"]
                .as_array()
                .is_some_and(|t| t.contains(&Value::from("null"))))
    {
        return;
    }
    if let Some(all) = schema.get("allOf").and_then(Value::as_array) {
        for s in all {
            validate(root, s, v, at, errors);
        }
    }
    for key in ["anyOf", "oneOf"] {
        if let Some(any) = schema.get(key).and_then(Value::as_array) {
            let ok = any.iter().any(|s| {
                let mut e = Vec::new();
                validate(root, s, v, at, &mut e);
                e.is_empty()
            });
            if !ok {
                errors.push(format!("{at}: matches none of {key}"));
            }
        }
    }
    let types: Vec<&str> = match &schema["type"] {
        Value::String(t) => vec![t.as_str()],
        Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
        _ => vec![],
    };
    let type_ok = types.is_empty()
        || types.iter().any(|t| match *t {
            "object" => v.is_object(),
            "array" => v.is_array(),
            "string" => v.is_string(),
            "integer" => v.is_i64() || v.is_u64(),
            "number" => v.is_number(),
            "boolean" => v.is_boolean(),
            "null" => v.is_null(),
            _ => true,
        });
    if !type_ok {
        errors.push(format!("{at}: {v} is not {types:?}"));
        return;
    }
    if let Some(values) = schema.get("enum").and_then(Value::as_array) {
        if !values.contains(v) {
            errors.push(format!("{at}: {v} is not one of the enum"));
        }
    }
    if let (Some(s), Some(fmt)) = (v.as_str(), schema.get("format").and_then(Value::as_str)) {
        let ok = match fmt {
            "uuid" => {
                s.len() == 36
                    && s.split('-').map(str::len).collect::<Vec<_>>() == [8, 4, 4, 4, 12]
                    && s.chars().all(|c| c == '-' || c.is_ascii_hexdigit())
            }
            "date-time" => {
                time::OffsetDateTime::parse(s, &time::format_description::well_known::Rfc3339)
                    .is_ok()
            }
            _ => true,
        };
        if !ok {
            errors.push(format!("{at}: '{s}' is not a valid {fmt}"));
        }
    }
    if let Some(obj) = v.as_object() {
        for req in schema
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            if let Some(k) = req.as_str() {
                if !obj.contains_key(k) {
                    errors.push(format!("{at}: missing required {k}"));
                }
            }
        }
        if let Some(props) = schema.get("properties").and_then(Value::as_object) {
            for (k, val) in obj {
                if let Some(p) = props.get(k) {
                    validate(root, p, val, &format!("{at}.{k}"), errors);
                }
            }
        }
    }
    if let (Some(items), Some(arr)) = (schema.get("items"), v.as_array()) {
        for (i, item) in arr.iter().enumerate() {
            validate(root, items, item, &format!("{at}[{i}]"), errors);
        }
    }
}

#[test]
fn the_simulators_responses_match_the_vendor_spec() {
    let spec = spec();
    let sim = Sim::start(&["--sessions", "40", "--opal-resources", "3"]);
    let token = sim.secret("opal", "token");
    let get = |path: &str| -> Value {
        let (status, body) = sim.api("opal", reqwest::Method::GET, path, Some(&token), None);
        assert!(status.is_success(), "{path}: {status}");
        body
    };
    let schema_of = |path: &str| spec["responses"][path].clone();

    let resources = get("/resources?page_size=2");
    let first_page_next = resources["next"].as_str().unwrap().to_string();
    let more = get(&format!("/resources?page_size=2&cursor={first_page_next}"));
    let resource_id = resources["results"][0]["resource_id"]
        .as_str()
        .unwrap()
        .to_string();
    let sessions = get(&format!("/sessions?resource_id={resource_id}"));
    let paged = get(&format!("/sessions?resource_id={resource_id}&page_size=3"));
    let user_id = sessions["results"][0]["user_id"]
        .as_str()
        .unwrap()
        .to_string();
    let checks = [
        ("/resources", resources),
        ("/resources", more),
        ("/sessions", sessions.clone()),
        ("/sessions", paged),
        (
            "/resources/{resource_id}",
            get(&format!("/resources/{resource_id}")),
        ),
        ("/user", get(&format!("/user?user_id={user_id}"))),
    ];
    let mut errors = Vec::new();
    for (path, body) in &checks {
        let schema = schema_of(path);
        assert!(!schema.is_null(), "no schema for {path} in the fixture");
        validate(&spec, &schema, body, path, &mut errors);
    }
    assert!(errors.is_empty(), "{errors:#?}");
    assert!(
        sessions["results"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["access_level"]["access_level_name"] == ""),
        "some default access levels"
    );

    // And the validator is not a rubber stamp: the spec's own example breaks it.
    let example = spec["components"]["schemas"]["SessionsList"]["example"].clone();
    let mut errs = Vec::new();
    validate(
        &spec,
        &schema_of("/sessions"),
        &example,
        "example",
        &mut errs,
    );
    assert!(
        errs.iter().any(|e| e.contains("not a valid uuid"))
            && errs.iter().any(|e| e.contains("access_level")),
        "{errs:?}"
    );
}

/// `profiles` says `none` for a profile without a token (it may come from OPAL_AUTH_TOKEN).
#[test]
fn profiles_says_none_without_a_token() {
    let sim = Sim::with_sessions(2, 1);
    let config = sim.config_with("none.toml", |c| c.remove("opal", "token"));
    let run = sim.run(&["-c", &config, "profiles", "-o", "json"]).ok();
    let opal = run
        .json()
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "opal")
        .cloned();
    assert_eq!(opal.unwrap()["auth"], "none");
}
