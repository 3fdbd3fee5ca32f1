//! contrib/: the alert rules pass promtool's check and their unit tests, and the dashboard's
//! and rules' expressions are at hand for the real Prometheus of `monitoring.rs`.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::outside_program;

fn contrib(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("contrib")
        .join(path)
}

/// `promtool ARGS` in contrib/prometheus: passes, or panics with what it said.
fn promtool(args: &[&str]) {
    let Some(promtool) = outside_program("promtool", "prometheus") else {
        return;
    };
    let out = Command::new(promtool)
        .args(args)
        .current_dir(contrib("prometheus"))
        .output()
        .unwrap();
    let said =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "promtool {args:?}:\n{said}");
    assert!(said.contains("SUCCESS"), "promtool {args:?}:\n{said}");
}

#[test]
fn the_alert_rules_pass_promtool_and_their_unit_tests() {
    promtool(&["check", "rules", "rules.yml"]);
    promtool(&["test", "rules", "rules_test.yml"]);
}

/// Every panel's query of the Grafana dashboard (title, PromQL), with its variables given
/// the values "All" and a one-minute rate interval have.
pub fn dashboard_queries() -> Vec<(String, String)> {
    let text = std::fs::read_to_string(contrib("grafana/sessions.json")).unwrap();
    let dashboard: serde_json::Value = serde_json::from_str(&text).unwrap();
    let mut queries = Vec::new();
    for panel in dashboard["panels"].as_array().unwrap() {
        for target in panel["targets"].as_array().unwrap() {
            let expr = target["expr"].as_str().unwrap();
            let expr = expr
                .replace("$profile", ".+")
                .replace("$__rate_interval", "1m");
            queries.push((panel["title"].as_str().unwrap().to_string(), expr));
        }
    }
    assert!(queries.len() >= 10, "{queries:?}");
    queries
}

/// Every alert rule's expression (name, PromQL).
pub fn rule_queries() -> Vec<(String, String)> {
    let text = std::fs::read_to_string(contrib("prometheus/rules.yml")).unwrap();
    let docs = yaml_rust2::YamlLoader::load_from_str(&text).unwrap();
    let mut queries = Vec::new();
    for group in docs[0]["groups"].as_vec().unwrap() {
        for rule in group["rules"].as_vec().unwrap() {
            let name = rule["alert"].as_str().unwrap().to_string();
            queries.push((name, rule["expr"].as_str().unwrap().to_string()));
        }
    }
    queries
}

#[test]
fn the_dashboard_is_grafana_json_with_a_profile_variable() {
    let text = std::fs::read_to_string(contrib("grafana/sessions.json")).unwrap();
    let dashboard: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(dashboard["uid"], "sessions-exporter");
    let vars = dashboard["templating"]["list"].as_array().unwrap();
    assert!(vars.iter().any(|v| v["name"] == "profile"), "{vars:?}");
    let ids: Vec<_> = dashboard["panels"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].clone())
        .collect();
    let mut unique = ids.clone();
    unique.dedup();
    assert_eq!(ids, unique, "panel ids repeat");
}

#[test]
fn the_package_copyright_file_holds_both_licence_texts() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let read = |p: &str| std::fs::read_to_string(root.join(p)).unwrap();
    let copyright = read("contrib/debian/copyright");
    for licence in ["LICENSE-MIT", "LICENSE-APACHE"] {
        assert!(
            copyright.contains(&read(licence)),
            "contrib/debian/copyright lacks {licence}"
        );
    }
    let manifest = read("Cargo.toml");
    assert!(manifest.contains("license = \"MIT OR Apache-2.0\""));
    assert!(manifest.contains("license-file = [\"contrib/debian/copyright\", \"0\"]"));
}
