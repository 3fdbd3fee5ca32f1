//! `-o prometheus` checked by promtool, the exporter's probes, and a real Prometheus server
//! scraping the exporter (Debian's `prometheus` package; `.ci/run` installs it).

use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use session_inspector::backends::ALL;

use crate::common::exporter::{free_port, http_get, Exporter};
use crate::common::{any_backend, backends, facts, outside_program, Sim};

fn promtool_check(text: &str) {
    let Some(promtool) = outside_program("promtool", "prometheus") else {
        return;
    };
    let mut child = Command::new(promtool)
        .args(["check", "metrics"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let said =
        String::from_utf8_lossy(&out.stderr).to_string() + &String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success() && said.trim().is_empty(),
        "promtool: {said}\n{text}"
    );
}

#[test]
fn prometheus_output_passes_promtool_and_lands_atomically() {
    let sim = Sim::with_sessions(12, 6);
    let text = sim.run(&["all", "-o", "prometheus"]).ok().stdout;
    promtool_check(&text);
    let mut lines = vec!["# TYPE sessions_active gauge".to_string()];
    for b in ALL {
        let (name, own) = (b.name(), usize::from(b.about().tests.lists_own_login));
        let labels = format!("backend=\"{name}\",profile=\"{name}\"");
        lines.extend([
            format!("sessions_active{{{labels}}} {}", 12 + own),
            format!("sessions_up{{{labels}}} 1"),
            format!("sessions_scrape_duration_seconds{{{labels}}} "),
        ]);
        // Where its sessions say how long they have been idle.
        if b.columns().iter().any(|c| c.name.contains("idle")) {
            lines.push(format!("sessions_idle_seconds_max{{{labels}}} "));
        }
        for breakdown in b.breakdowns() {
            let first = breakdown.labels[0];
            lines.push(format!("{}{{{labels},{first}=\"", breakdown.metric));
        }
    }
    for line in &lines {
        assert!(text.contains(line.as_str()), "no {line} in\n{text}");
    }
    assert!(!text.contains("key="), "no per-session labels");
    // With a profile down, the file the textfile collector reads says so, and is whole.
    let gone = backends().last().unwrap();
    let down = sim.config_with("down.toml", |c| c.set(gone, "url", "https://127.0.0.1:1"));
    let prom = sim.dir.path().join("sessions.prom");
    let prom_arg = prom.to_str().unwrap();
    sim.run(&[
        "-c",
        &down,
        "all",
        "-o",
        "prometheus",
        "--output-file",
        prom_arg,
    ])
    .code(6);
    let written = std::fs::read_to_string(&prom).unwrap();
    let labels = format!("backend=\"{gone}\",profile=\"{gone}\"");
    assert!(written.contains(&format!("sessions_up{{{labels}}} 0\n")));
    assert!(!written.contains(&format!("sessions_active{{backend=\"{gone}\"")));
    promtool_check(&written);
    let leftovers: Vec<_> = std::fs::read_dir(sim.dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
}

#[test]
fn the_exporter_probes_each_profile_and_keeps_its_logins() {
    // The last profile is slow; the first is probed; each that logs in is probed past the
    // logins a minute its API allows (TrueNAS: 20) only if the login is kept.
    let (first, slow) = (any_backend(), backends().last().unwrap());
    let sim = Sim::start(&["--sessions", "9", "--latency", &format!("{slow}=3s")]);
    let exporter = Exporter::start(&sim.config, sim.dir.path(), &[]);
    let labels = |b: &str| format!("backend=\"{b}\",profile=\"{b}\"");
    let (status, body) = exporter.get(&format!("/probe?target={first}"), &[]);
    assert_eq!(status, 200, "{body}");
    let n = 9 + usize::from(facts(first).lists_own_login);
    let active = format!("sessions_active{{{}}} {n}\n", labels(first));
    assert!(body.contains(&active), "{body}");
    let up = format!("sessions_up{{{}}} 1\n", labels(first));
    assert!(body.contains(&up), "{body}");
    promtool_check(&body);
    let logging_in: Vec<&str> = backends().filter(|b| facts(b).caches_login).collect();
    for b in &logging_in {
        for i in 0..25 {
            let (_, body) = exporter.get(&format!("/probe?target={b}"), &[]);
            let up = format!("sessions_up{{{}}} 1\n", labels(b));
            assert!(body.contains(&up), "{b} probe {i}: {body}");
        }
    }
    // The scrape's timeout is the probe's deadline (less half a second).
    let t0 = Instant::now();
    let timeout = [("X-Prometheus-Scrape-Timeout-Seconds", "1.5")];
    let (status, body) = exporter.get(&format!("/probe?target={slow}"), &timeout);
    assert_eq!(status, 200);
    assert!(
        t0.elapsed() < Duration::from_millis(2500),
        "took {:?}",
        t0.elapsed()
    );
    let down = format!("sessions_up{{{}}} 0\n", labels(slow));
    assert!(body.contains(&down), "{body}");
    assert_eq!(exporter.get("/probe?target=nosuch", &[]).0, 400);
    assert_eq!(exporter.get("/probe", &[]).0, 400);
    let (status, own) = exporter.get("/metrics", &[]);
    assert_eq!(status, 200);
    assert!(
        own.contains(&format!(
            "sessions_exporter_probes_total{{result=\"success\"}} {}\n",
            1 + 25 * logging_in.len()
        )),
        "{own}"
    );
    assert!(
        own.contains("sessions_exporter_probes_total{result=\"failure\"} 1\n"),
        "{own}"
    );
    promtool_check(&own);
}

/// A PromQL query to the Prometheus on `port`: its answer, when it is one.
fn promql(port: u16, expr: &str) -> Option<serde_json::Value> {
    let encoded: String = url::form_urlencoded::byte_serialize(expr.as_bytes()).collect();
    let (status, body) = http_get(port, &format!("/api/v1/query?query={encoded}"), &[]);
    let answer: serde_json::Value = serde_json::from_str(&body).ok()?;
    (status == 200 && answer["status"] == "success").then_some(answer)
}

fn has_data(answer: &Option<serde_json::Value>) -> bool {
    answer
        .as_ref()
        .and_then(|a| a["data"]["result"].as_array())
        .is_some_and(|r| !r.is_empty())
}

#[test]
fn a_real_prometheus_scrapes_the_exporter() {
    let Some(prometheus) = outside_program("prometheus", "prometheus") else {
        return;
    };
    let sim = Sim::with_sessions(17, 8);
    let first = any_backend();
    let every: Vec<&str> = backends().collect();
    let exporter = Exporter::start(&sim.config, sim.dir.path(), &[]);
    let dir = sim.dir.path().join("prometheus");
    std::fs::create_dir_all(&dir).unwrap();
    let config = dir.join("prometheus.yml");
    // The multi-target pattern of docs/monitoring.md, and the exporter's own job. A probe has
    // the scrape's timeout less half a second: 2 s leaves room on a loaded machine.
    std::fs::write(
        &config,
        format!(
            "global:\n  scrape_interval: 2s\n  scrape_timeout: 2s\n\
             scrape_configs:\n  - job_name: sessions\n    metrics_path: /probe\n\
             \x20   static_configs:\n      - targets: [{}]\n\
             \x20   relabel_configs:\n\
             \x20     - source_labels: [__address__]\n        target_label: __param_target\n\
             \x20     - source_labels: [__param_target]\n        target_label: instance\n\
             \x20     - target_label: __address__\n        replacement: 127.0.0.1:{port}\n\
             \x20 - job_name: sessions_exporter\n\
             \x20   static_configs:\n      - targets: ['127.0.0.1:{port}']\n",
            every.join(", "),
            port = exporter.port
        ),
    )
    .unwrap();
    let port = free_port();
    let mut server = Command::new(prometheus)
        .arg(format!("--config.file={}", config.display()))
        .arg(format!(
            "--storage.tsdb.path={}",
            dir.join("data").display()
        ))
        .arg(format!("--web.listen-address=127.0.0.1:{port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Every panel of contrib/grafana/sessions.json shows something; the first series checked
    // is the one the docs' example queries.
    let mut waiting = vec![(
        "sessions_active".to_string(),
        format!("sessions_active{{profile=\"{first}\"}}"),
    )];
    waiting.extend(crate::contrib::dashboard_queries());
    let mut answers = Vec::new();
    let t0 = Instant::now();
    while !waiting.is_empty() && t0.elapsed() < Duration::from_secs(90) {
        std::thread::sleep(Duration::from_millis(500));
        if TcpStream::connect(("127.0.0.1", port)).is_err() {
            continue;
        }
        waiting.retain(|(title, expr)| {
            let answer = promql(port, expr);
            let found = has_data(&answer);
            if let (true, Some(a)) = (found, answer) {
                answers.push((title.clone(), a));
            }
            !found
        });
    }
    // The alerts' expressions are valid PromQL over these series (most are rightly empty).
    let rules: Vec<_> = crate::contrib::rule_queries()
        .into_iter()
        .filter(|(_, expr)| promql(port, expr).is_none())
        .collect();
    let _ = server.kill();
    let mut log = String::new();
    if let Some(mut e) = server.stderr.take() {
        let _ = e.read_to_string(&mut log);
    }
    let _ = server.wait();
    assert!(
        waiting.is_empty(),
        "no data in 90s for {waiting:?}; prometheus said:\n{log}"
    );
    assert!(rules.is_empty(), "rules Prometheus refused: {rules:?}");
    let answer = &answers
        .iter()
        .find(|(t, _)| t == "sessions_active")
        .unwrap()
        .1;
    let series = &answer["data"]["result"][0];
    assert_eq!(series["metric"]["instance"], first, "{answer}");
    assert_eq!(series["metric"]["backend"], first, "{answer}");
    let n = 17 + usize::from(facts(first).lists_own_login);
    assert_eq!(series["value"][1], n.to_string().as_str(), "{answer}");
}
