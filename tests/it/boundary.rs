//! Trust at the boundary: credentials stay at their origin, no secret in clear, certificates
//! as appliances ship them, `sessions trust`, bounded pages, and the token cache.

use libtest_mimic::Trial;
use session_inspector::backends::Pages;

use crate::common::{facts, Sim};
use crate::per_backend;

/// The cells of every backend each check applies to: `boundary::trust_pins::smb`.
pub fn trials() -> Vec<Trial> {
    type Cell = fn(&str);
    let every: [(&str, Cell); 4] = [
        ("not_in_clear", not_in_clear),
        ("trust_pins", trust_pins),
        ("certificate_shapes", certificate_shapes),
        ("plain_http_to_loopback", plain_http_to_loopback),
    ];
    let mut trials = Vec::new();
    for (name, cell) in every {
        trials.extend(per_backend(&format!("boundary::{name}"), |b| {
            Some(move || cell(b.name()))
        }));
    }
    // Where the client asks for pages by size: the next links it follows (or the tokens it
    // sends back, which are no links: they must lead nowhere either).
    trials.extend(per_backend("boundary::hostile_next_links", |b| {
        let links = matches!(b.about().tests.pages, Pages::Sized { .. });
        b.about()
            .tests
            .sized_path()
            .map(|path| move || hostile_next_links(b.name(), path, links))
    }));
    trials.extend(per_backend("boundary::endless_next_links", |b| {
        b.about()
            .tests
            .sized_path()
            .map(|_| move || endless_next_links(b.name()))
    }));
    // A WebSocket API follows no redirect at its upgrade.
    trials.extend(per_backend("boundary::off_origin_redirects", |b| {
        (!b.about().tests.one_socket).then_some(move || off_origin_redirects(b.name()))
    }));
    trials.extend(per_backend(
        "boundary::no_cached_login_from_a_simulator",
        |b| {
            b.about()
                .tests
                .caches_login
                .then_some(move || no_cached_login_from_a_simulator(b.name()))
        },
    ));
    trials
}

/// Credentials are refused in clear to a host that is not loopback; with allow_plaintext,
/// every run warns.
fn not_in_clear(backend: &str) {
    let sim = Sim::with_sessions(1, 1);
    for url in ["http://192.0.2.10:8000", "http://nas.invalid:8000"] {
        let t0 = std::time::Instant::now();
        let run = sim.run(&["-p", backend, "--url", url, backend]).code(2);
        assert!(
            run.stderr
                .contains("refusing to send credentials in clear over")
                && run
                    .stderr
                    .contains(&format!("allow_plaintext = true in profile '{backend}'")),
            "{backend} {url}: {}",
            run.stderr
        );
        assert!(
            t0.elapsed() < std::time::Duration::from_secs(5),
            "refused before connecting"
        );
    }
    // The profile may allow it: then every run warns (and here the name does not resolve).
    let allowed = sim.config_with("plain.toml", |c| c.set(backend, "allow_plaintext", true));
    let url = "http://nas.invalid:8000";
    let run = sim.run(&["-c", &allowed, "-p", backend, "--url", url, backend]);
    // The name does not resolve (exit 4), unless the backend refuses its credential in
    // clear whatever the profile says (exit 2).
    assert!(matches!(run.code, 2 | 4), "{backend}: {}", run.stderr);
    assert!(
        run.stderr
            .contains("sends credentials in clear over http:// to nas.invalid")
            && run.stderr.contains("allow_plaintext = true"),
        "{backend}: {}",
        run.stderr
    );
}

/// `sessions trust` pins the certificate, keeping the config as written.
fn trust_pins(backend: &str) {
    let sim = Sim::with_sessions(2, 1);
    let cfg = sim.config_with(&format!("{backend}-trust.toml"), |c| {
        c.each(|c, p| c.remove(p, "ca_cert"));
        c.comment_on_top("# my appliances, by hand");
    });
    let cfg = cfg.as_str();
    let refused = sim.run(&["-c", cfg, backend]).code(4);
    assert!(
        refused
            .stderr
            .contains(&format!("run `sessions trust -p {backend}`"))
            && refused.stderr.contains("tls_fingerprint = \""),
        "{}",
        refused.stderr
    );
    let asked = sim.run(&["-c", cfg, "trust", "-p", backend]).code(2);
    assert!(asked.stderr.contains("--yes"), "{}", asked.stderr);
    let trusted = sim.run(&["-c", cfg, "trust", "-p", backend, "--yes"]).ok();
    assert!(
        trusted.stderr.contains(&sim.fingerprint()),
        "{}",
        trusted.stderr
    );
    let text = std::fs::read_to_string(cfg).unwrap();
    assert!(text.starts_with("# my appliances, by hand\n"), "{text}");
    assert!(text.contains(&format!("tls_fingerprint = \"{}\"", sim.fingerprint())));
    let run = sim.run(&["-c", cfg, backend, "-o", "json"]).ok();
    assert!(!run.json().as_array().unwrap().is_empty(), "{backend}");
    let again = sim.run(&["-c", cfg, "trust", "-p", backend]).ok();
    assert!(again.stderr.contains("already trusts"), "{}", again.stderr);
}

/// The certificate shapes appliances ship, and what a user sees with each.
const SHAPES: [(&str, &[&str]); 6] = [
    (
        "ca-signed",
        &["it was issued by CN=sessions simulator CA, which is not in ca_cert"],
    ),
    ("self-signed", &["it is self-signed, and ca_cert"]),
    (
        "self-signed-ca",
        &["it is self-signed", "marked as a CA (CA:TRUE)"],
    ),
    (
        "localhost-only",
        &[
            "it is self-signed",
            "it was made for localhost, not 127.0.0.1",
        ],
    ),
    (
        "cn-only",
        &["it is self-signed", "only in the subject's CN (127.0.0.1)"],
    ),
    ("expired", &["it expired on "]),
];

/// A copy of the config whose every profile trusts `ca_cert` instead, with a comment on top.
fn trusting(sim: &Sim, file: &str, ca_cert: &std::path::Path) -> String {
    sim.config_with(file, |c| {
        c.each(|c, p| c.set(p, "ca_cert", ca_cert.display().to_string()));
        c.comment_on_top("# kept by hand");
    })
}

/// Every certificate shape appliances ship, trusted as a pin, refused in plain words, and
/// pinned by `sessions trust`.
fn certificate_shapes(backend: &str) {
    for (shape, reasons) in SHAPES {
        let sim = Sim::start(&["--sessions", "3", "--tls", shape]);
        let files = sim.files();
        let own = trusting(
            &sim,
            &format!("{shape}-own.toml"),
            &files.join("server.pem"),
        );
        let unrelated = trusting(
            &sim,
            &format!("{shape}-other.toml"),
            &files.join("client.pem"),
        );
        // ca_cert holding the very certificate presented: trusted as a pin.
        let run = sim.run(&["-c", &own, backend, "-o", "json"]).ok();
        assert!(
            !run.json().as_array().unwrap().is_empty(),
            "{shape} {backend}"
        );

        // An unrelated certificate: refused in plain words, with the pin line.
        let run = sim.run(&["-c", &unrelated, backend]).code(4);
        for reason in reasons {
            assert!(
                run.stderr.contains(reason),
                "{shape} {backend}: {}",
                run.stderr
            );
        }
        assert!(
            run.stderr
                .contains(&format!("tls_fingerprint = \"{}\"", sim.fingerprint())),
            "{shape} {backend}: {}",
            run.stderr
        );
        assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);

        // `sessions trust --yes` pins it, keeps the comment, and the next run works.
        let cfg = trusting(
            &sim,
            &format!("{shape}-{backend}-trust.toml"),
            &files.join("client.pem"),
        );
        sim.run(&["-c", &cfg, "trust", "-p", backend, "--yes"]).ok();
        let text = std::fs::read_to_string(&cfg).unwrap();
        assert!(text.starts_with("# kept by hand\n"), "{text}");
        let run = sim.run(&["-c", &cfg, backend, "-o", "json"]).ok();
        assert!(
            !run.json().as_array().unwrap().is_empty(),
            "{shape} {backend}"
        );
        // What the written config gives a user: the CA for CA-signed shapes, else the
        // certificate itself. Only the expired one fails, and says so.
        let run = sim.run(&["-p", backend, backend]);
        if shape == "expired" {
            let run = run.code(4);
            assert!(run.stderr.contains("it expired on "), "{}", run.stderr);
        } else {
            run.ok();
        }
    }
}

/// A listener on another loopback address, to prove nothing reaches it.
struct Bystander(std::net::TcpListener);

impl Bystander {
    fn on(ip: &str) -> Bystander {
        let l = std::net::TcpListener::bind((ip, 0)).unwrap();
        l.set_nonblocking(true).unwrap();
        Bystander(l)
    }
    fn port(&self) -> u16 {
        self.0.local_addr().unwrap().port()
    }
    #[track_caller]
    fn assert_untouched(&self) {
        assert!(self.0.accept().is_err(), "a request reached the other host");
    }
}

/// A next link to another host is refused before any request reaches it.
/// `follows`: the client follows next links (else it sends a token back, which leaves nothing to
/// refuse: the server refuses the token).
fn hostile_next_links(backend: &str, path: &str, follows: bool) {
    let two = Bystander::on("127.0.0.2");
    let three = Bystander::on("127.0.0.3");
    let links = [
        (format!("@127.0.0.2:{}{path}", two.port()), false),
        (format!("//127.0.0.2:{}{path}", two.port()), true),
        (format!("https://127.0.0.3:{}{path}", three.port()), true),
    ];
    for (link, leaves) in links {
        let sim = Sim::start(&["--sessions", "5", "--next-link", &link]);
        let run = sim.run(&[backend, "-o", "ndjson"]).code(5);
        if leaves && follows {
            assert!(
                run.stderr
                    .contains(&format!("the server's next link '{link}'"))
                    && run.stderr.contains("refusing to follow it"),
                "{backend} {link}: {}",
                run.stderr
            );
        }
        two.assert_untouched();
        three.assert_untouched();
    }
}

/// Next links that never end stop with exit 5, at --max-pages or at the default cap.
fn endless_next_links(backend: &str) {
    // Pages of 2 over 5 sessions: the endless pages walk round them, each unlike the last.
    // (One page holding them all would come back the same, which is caught as a repeat; the
    // fault matrix has that cell for pages of one resource each.)
    let sim = Sim::start(&["--sessions", "5", "--fault", "endless"]);
    let mut args = vec![backend];
    args.extend(facts(backend).page_flags("2"));
    args.extend(["--max-pages", "5", "-o", "ndjson"]);
    let run = sim.run(&args).code(5);
    assert!(
        run.stderr.contains("stopped after 5 pages") && run.stderr.contains("--max-pages"),
        "{backend}: {}",
        run.stderr
    );
    // The default cap: 1,000 pages.
    let mut args = vec![backend];
    args.extend(facts(backend).page_flags("1"));
    let run = sim.run(&args).code(5);
    assert!(
        run.stderr.contains("stopped after 1000 pages"),
        "{}",
        run.stderr
    );
}

/// A plain-HTTP server on loopback that answers everything with a redirect to `location`.
fn redirector(location: String) -> u16 {
    use std::io::{Read, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for mut conn in listener.incoming().flatten() {
            let mut buf = [0u8; 4096];
            let _ = conn.read(&mut buf);
            let answer = format!(
                "HTTP/1.1 302 Found\r\nLocation: {location}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            );
            let _ = conn.write_all(answer.as_bytes());
        }
    });
    port
}

/// A redirect away from the profile's origin is refused, and nothing reaches its target.
fn off_origin_redirects(backend: &str) {
    let sim = Sim::with_sessions(1, 1);
    let away = Bystander::on("127.0.0.2");
    let target = format!("http://127.0.0.2:{}/v1/session/login", away.port());
    let port = redirector(target.clone());
    let url = format!("http://127.0.0.1:{port}");
    let run = sim.run(&["-p", backend, "--url", &url, backend]).code(5);
    assert!(
        run.stderr.contains(&format!("a redirect to '{target}'"))
            && run.stderr.contains("away from the profile's origin"),
        "{backend}: {}",
        run.stderr
    );
    away.assert_untouched();
}

/// Plain HTTP to loopback, by address and by name, works without a warning.
fn plain_http_to_loopback(backend: &str) {
    let sim = Sim::start(&["--sessions", "3", "--plain-http"]);
    let url = sim.value(backend, "url");
    assert!(url.starts_with("http://127.0.0.1:"), "{url}");
    for url in [url.clone(), url.replace("127.0.0.1", "localhost")] {
        let run = sim
            .run(&["-p", backend, "--url", &url, backend, "-o", "json"])
            .ok();
        assert!(
            !run.json().as_array().unwrap().is_empty(),
            "{backend} {url}"
        );
        assert!(!run.stderr.contains("warning"), "{}", run.stderr);
    }
}

/// A backend that caches its login caches nothing from the simulator's or --demo's runs.
fn no_cached_login_from_a_simulator(backend: &str) {
    let sim = Sim::with_sessions(2, 1);
    sim.run(&["-p", backend, backend]).ok();
    sim.run(&["--demo", "-p", backend, backend]).ok();
    let cache = sim.dir.path().join("cache");
    assert!(
        !cache.join("sessions/tokens").exists()
            || std::fs::read_dir(cache.join("sessions/tokens"))
                .unwrap()
                .next()
                .is_none(),
        "a token was cached"
    );
}
