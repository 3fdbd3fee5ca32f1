//! The exporter under what a network does to a service: idle and slow clients, odd timeout
//! headers, scrapers that hang up, many probes of one target at once, and secret helpers that
//! hang or fail.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use crate::common::exporter::{sample, Exporter};
use crate::common::{any_backend, backends, Sim};

#[test]
fn idle_and_slow_clients_do_not_take_it_offline() {
    let sim = Sim::with_sessions(3, 1);
    // A cap below the number of idle connections: each new one closes an idle one.
    let exporter = Exporter::start(
        &sim.config,
        sim.dir.path(),
        &["--web.max-connections", "64"],
    );
    let mut slow = TcpStream::connect(("127.0.0.1", exporter.port)).unwrap();
    let opened = Instant::now();
    slow.write_all(b"GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        .unwrap();
    let mut idle = Vec::new();
    for i in 0..300 {
        let mut s = TcpStream::connect(("127.0.0.1", exporter.port)).unwrap();
        if i % 2 == 0 {
            s.write_all(b"GET /probe?target=").unwrap(); // and never the rest
        }
        idle.push(s);
    }
    let t0 = Instant::now();
    let (status, own) = exporter.get("/metrics", &[]);
    assert_eq!(status, 200, "{own}");
    assert!(
        t0.elapsed() < Duration::from_secs(1),
        "took {:?}",
        t0.elapsed()
    );
    let evicted = sample(
        &own,
        "sessions_exporter_connections_dropped_total{reason=\"evicted\"}",
    );
    assert!(evicted.unwrap_or(0.0) >= 200.0, "{own}");
    let open = sample(&own, "sessions_exporter_connections_open").unwrap();
    assert!(open <= 64.0, "{own}");
    // The half-sent request head is cut off at the header timeout (10 s), whether or not
    // the cap closed it first.
    slow.set_read_timeout(Some(Duration::from_secs(15)))
        .unwrap();
    let mut rest = Vec::new();
    let _ = slow.read_to_end(&mut rest);
    assert!(
        opened.elapsed() < Duration::from_secs(12),
        "{:?}",
        opened.elapsed()
    );
    drop(idle);
    let (status, _) = exporter.get(&format!("/probe?target={}", any_backend()), &[]);
    assert_eq!(status, 200);
    // Below the cap, a client that never finishes its request head is cut off at 10 s.
    let mut slow = TcpStream::connect(("127.0.0.1", exporter.port)).unwrap();
    let opened = Instant::now();
    slow.write_all(b"GET /metrics HTTP/1.1\r\n").unwrap();
    slow.set_read_timeout(Some(Duration::from_secs(15)))
        .unwrap();
    let mut rest = Vec::new();
    let _ = slow.read_to_end(&mut rest);
    let took = opened.elapsed();
    assert!(
        took > Duration::from_secs(9) && took < Duration::from_secs(12),
        "{took:?}"
    );
}

#[test]
fn out_of_file_descriptors_it_backs_off_and_recovers() {
    use std::os::unix::process::CommandExt;
    let sim = Sim::with_sessions(3, 5);
    let exporter = Exporter::start_with(
        &sim.config,
        sim.dir.path(),
        &["--web.max-connections", "10000"],
        |cmd| {
            // Safety: setrlimit is async-signal-safe, as pre_exec requires.
            unsafe {
                cmd.pre_exec(|| {
                    let limit = libc::rlimit {
                        rlim_cur: 64,
                        rlim_max: 64,
                    };
                    match libc::setrlimit(libc::RLIMIT_NOFILE, &limit) {
                        0 => Ok(()),
                        _ => Err(std::io::Error::last_os_error()),
                    }
                });
            }
        },
    );
    let idle: Vec<TcpStream> = (0..200)
        .map(|_| TcpStream::connect(("127.0.0.1", exporter.port)).unwrap())
        .collect();
    std::thread::sleep(Duration::from_millis(300));
    let (cpu, t0) = (exporter.cpu(), Instant::now());
    std::thread::sleep(Duration::from_secs(1));
    let used = exporter.cpu() - cpu;
    assert!(
        used < t0.elapsed() / 4,
        "{used:?} of CPU in {:?} with its descriptors gone",
        t0.elapsed()
    );
    let t0 = Instant::now();
    let (status, own) = exporter.get("/metrics", &[]);
    assert_eq!(status, 200, "{own}");
    assert!(
        t0.elapsed() < Duration::from_secs(2),
        "took {:?}",
        t0.elapsed()
    );
    assert!(
        sample(&own, "sessions_exporter_accept_errors_total").unwrap() > 0.0,
        "{own}"
    );
    assert_eq!(
        exporter.said().matches("cannot accept").count(),
        1,
        "{}",
        exporter.said()
    );
    drop(idle);
}

#[test]
fn any_scrape_timeout_header_is_answered() {
    let sim = Sim::with_sessions(3, 2);
    let exporter = Exporter::start(&sim.config, sim.dir.path(), &[]);
    let probe = format!("/probe?target={}", any_backend());
    for value in [
        "0", "-1", "NaN", "inf", "1e20", "1e400", "abc", "", "0.0001", "30",
    ] {
        let header = [("X-Prometheus-Scrape-Timeout-Seconds", value)];
        let (status, body) = exporter.get(&probe, &header);
        assert_eq!(status, 200, "{value:?}: {body}");
        assert!(
            body.contains("\nprobe_duration_seconds "),
            "{value:?}: {body}"
        );
        // 0.1 s may be too little for a listing: its answer must still be whole.
        if value != "0.0001" {
            assert!(body.contains("probe_success 1\n"), "{value:?}: {body}");
        }
    }
    assert!(!exporter.said().contains("panicked"), "{}", exporter.said());
}

#[test]
fn an_unknown_target_names_no_profile() {
    let sim = Sim::with_sessions(3, 3);
    let exporter = Exporter::start(&sim.config, sim.dir.path(), &[]);
    let (status, body) = exporter.get("/probe?target=nosuch", &[]);
    assert_eq!((status, body.trim()), (400, "unknown target"));
    for b in backends() {
        assert!(!body.contains(b), "{body}");
    }
}

#[test]
fn a_scraper_that_hangs_up_is_not_counted_in_flight() {
    let slow = any_backend();
    let sim = Sim::start(&["--sessions", "3", "--latency", &format!("{slow}=1s")]);
    let exporter = Exporter::start(&sim.config, sim.dir.path(), &[]);
    let mut s = TcpStream::connect(("127.0.0.1", exporter.port)).unwrap();
    write!(
        s,
        "GET /probe?target={slow} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
    )
    .unwrap();
    std::thread::sleep(Duration::from_millis(300));
    drop(s);
    let t0 = Instant::now();
    let own = loop {
        let (_, own) = exporter.get("/metrics", &[]);
        let abandoned = sample(&own, "sessions_exporter_probes_total{result=\"abandoned\"}");
        if abandoned == Some(1.0) || t0.elapsed() > Duration::from_secs(10) {
            break own;
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    assert_eq!(
        sample(&own, "sessions_exporter_probes_in_flight"),
        Some(0.0),
        "{own}"
    );
    assert_eq!(
        sample(&own, "sessions_exporter_probes_total{result=\"abandoned\"}"),
        Some(1.0),
        "{own}"
    );
    // The listing it started ran to its end, and the next probe is answered.
    let (status, body) = exporter.get(&format!("/probe?target={slow}"), &[]);
    assert_eq!(status, 200);
    assert!(body.contains("probe_success 1\n"), "{body}");
    let (_, own) = exporter.get("/metrics", &[]);
    assert_eq!(
        sample(&own, "sessions_exporter_probes_in_flight"),
        Some(0.0),
        "{own}"
    );
    assert_eq!(
        sample(&own, "sessions_exporter_probes_total{result=\"success\"}"),
        Some(1.0),
        "{own}"
    );
}

/// The requests the simulator's `backend` answered so far, from its request log.
fn requests(sim: &Sim, backend: &str) -> usize {
    let log = std::fs::read_to_string(sim.files().join("requests.log")).unwrap();
    log.lines()
        .filter(|l| l.split(' ').next() == Some(backend))
        .count()
}

#[test]
fn concurrent_probes_of_one_target_share_one_listing() {
    let sim = Sim::start(&["--sessions", "5", "--latency", "300ms", "--request-log"]);
    let exporter = Exporter::start(&sim.config, sim.dir.path(), &[]);
    // A backend whose repeated listing asks the appliance something each time (as an HTTP
    // request, or a call over a kept WebSocket).
    let (mut chosen, mut earlier) = (None, 0.0);
    for b in backends() {
        exporter.get(&format!("/probe?target={b}"), &[]); // logs in
        let before = requests(&sim, b);
        let (_, body) = exporter.get(&format!("/probe?target={b}"), &[]);
        assert!(body.contains("probe_success 1\n"), "{b}: {body}");
        earlier += 2.0;
        let per_listing = requests(&sim, b) - before;
        if per_listing > 0 {
            chosen = Some((b, per_listing));
            break;
        }
    }
    let (b, per_listing) = chosen.expect("a backend whose listing makes HTTP requests");
    let before = requests(&sim, b);
    // Every scraper connects first, then all ask at once, within one listing's 300 ms.
    let answers = at_once(exporter.port, b, 100);
    for text in answers {
        assert!(text.starts_with("HTTP/1.0 200"), "{text}");
        assert!(text.contains("\nprobe_success 1\n"), "{text}");
    }
    assert_eq!(
        requests(&sim, b) - before,
        per_listing,
        "one listing for 100 probes"
    );
    let (_, own) = exporter.get("/metrics", &[]);
    assert_eq!(
        sample(&own, "sessions_exporter_probes_total{result=\"success\"}"),
        Some(earlier + 100.0),
        "{own}"
    );
}

/// The one secret a simulator profile has inline (`password`, `token` or `api_key`).
fn secret_key(doc: &mut crate::common::ConfigDoc, profile: &str) -> &'static str {
    ["password", "token", "api_key"]
        .into_iter()
        .find(|k| doc.profile(profile).contains_key(k))
        .unwrap_or_else(|| panic!("no inline secret in profile {profile}"))
}

#[test]
fn secret_helpers_run_on_first_probe_and_again_after_failing() {
    let sim = Sim::with_sessions(3, 4);
    let names: Vec<&str> = backends().collect();
    let (hanging, later, plain) = (names[0], names[1], names[2]);
    let file = sim.dir.path().join("later-secret");
    let secret = sim.secret(later, secret_key_of(&sim, later));
    let config = sim.config_with("helpers.toml", |doc| {
        let key = secret_key(doc, hanging);
        doc.remove(hanging, key);
        let argv = toml_edit::Array::from_iter(["sh", "-c", "sleep 30"]);
        doc.set(hanging, &format!("{key}_command"), argv);
        let key = secret_key(doc, later);
        doc.remove(later, key);
        let cat = format!("cat '{}'", file.display());
        let argv = toml_edit::Array::from_iter(["sh", "-c", cat.as_str()]);
        doc.set(later, &format!("{key}_command"), argv);
    });
    let t0 = Instant::now();
    let exporter = Exporter::start(std::path::Path::new(&config), sim.dir.path(), &[]);
    // Serving does not wait for any helper; a hanging one holds up only its own profile.
    let port = exporter.port;
    let stuck = std::thread::spawn(move || {
        let timeout = [("X-Prometheus-Scrape-Timeout-Seconds", "3")];
        crate::common::exporter::http_get(port, &format!("/probe?target={hanging}"), &timeout)
    });
    std::thread::sleep(Duration::from_millis(200));
    let (_, body) = exporter.get(&format!("/probe?target={plain}"), &[]);
    assert!(body.contains("probe_success 1\n"), "{body}");
    assert!(
        t0.elapsed() < Duration::from_secs(2),
        "took {:?}",
        t0.elapsed()
    );
    // The helper fails (no file yet): the probe fails, and the next probe runs it again.
    let (_, body) = exporter.get(&format!("/probe?target={later}"), &[]);
    assert!(body.contains("probe_success 0\n"), "{body}");
    std::fs::write(&file, format!("{secret}\n")).unwrap();
    let (_, body) = exporter.get(&format!("/probe?target={later}"), &[]);
    assert!(body.contains("probe_success 1\n"), "{body}");
    let (status, body) = stuck.join().unwrap();
    assert_eq!(status, 200);
    assert!(body.contains("probe_success 0\n"), "{body}");
    assert!(!exporter.said().contains(&secret), "a secret on stderr");
}

fn secret_key_of(sim: &Sim, profile: &str) -> &'static str {
    let secrets = sim.secrets();
    ["password", "token", "api_key"]
        .into_iter()
        .find(|k| secrets[profile][k].is_string())
        .unwrap_or_else(|| panic!("no secret of {profile} in secrets.json"))
}

#[test]
fn probes_past_the_cap_of_one_target_are_turned_away() {
    let sim = Sim::start(&["--sessions", "3", "--latency", "2s"]);
    let exporter = Exporter::start(&sim.config, sim.dir.path(), &[]);
    let target = any_backend();
    // 300 scrapers of one target at once: 256 wait for the one listing, 44 are answered 503.
    let mut statuses: Vec<String> = at_once(exporter.port, target, 300)
        .iter()
        .map(|text| text.split(' ').nth(1).unwrap_or("").to_string())
        .collect();
    statuses.sort();
    let count = |s: &str| statuses.iter().filter(|x| *x == s).count();
    assert_eq!((count("200"), count("503")), (256, 44), "{statuses:?}");
    let (_, own) = exporter.get("/metrics", &[]);
    assert_eq!(
        sample(&own, "sessions_exporter_probes_total{result=\"busy\"}"),
        Some(44.0),
        "{own}"
    );
    assert_eq!(
        sample(&own, "sessions_exporter_fetches_total"),
        Some(1.0),
        "{own}"
    );
}

/// `n` probes of `target`, every scraper connected before any asks: the raw answers.
fn at_once(port: u16, target: &'static str, n: usize) -> Vec<String> {
    let barrier = std::sync::Arc::new(std::sync::Barrier::new(n));
    let probes: Vec<_> = (0..n)
        .map(|_| {
            let barrier = barrier.clone();
            std::thread::spawn(move || {
                let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
                barrier.wait();
                write!(s, "GET /probe?target={target} HTTP/1.0\r\n\r\n").unwrap();
                let mut text = String::new();
                s.read_to_string(&mut text).unwrap();
                text
            })
        })
        .collect();
    probes.into_iter().map(|p| p.join().unwrap()).collect()
}
