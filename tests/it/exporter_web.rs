//! The exporter as Prometheus users expect an exporter: exporter-toolkit's web config (basic
//! auth, TLS, client certificates, headers), the landing and health pages, reload by request
//! and by SIGHUP, `debug=true`, and the warning when it listens beyond loopback unprotected.

use std::path::Path;
use std::time::Duration;

use base64::Engine as _;

use crate::common::exporter::{sample, Exporter};
use crate::common::{any_backend, backends, https_client, Sim};

fn basic(user: &str, password: &str) -> String {
    let pair = format!("{user}:{password}");
    format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(pair)
    )
}

#[test]
fn basic_auth_and_headers_from_the_web_config() {
    let sim = Sim::with_sessions(3, 11);
    let web = sim.dir.path().join("web.yml");
    let hash = bcrypt::hash("right horse", 4).unwrap();
    std::fs::write(
        &web,
        format!(
            "# as exporter-toolkit reads it\nbasic_auth_users:\n  prometheus: {hash}\n\
             http_server_config:\n  headers:\n    X-Frame-Options: deny\n"
        ),
    )
    .unwrap();
    let exporter = Exporter::start(
        &sim.config,
        sim.dir.path(),
        &[
            "--web.config.file",
            web.to_str().unwrap(),
            "--web.telemetry-path",
            "/own",
        ],
    );
    let probe = format!("/probe?target={}", any_backend());
    for path in [probe.as_str(), "/own", "/", "/-/healthy"] {
        assert_eq!(exporter.get(path, &[]).0, 401, "{path}");
        let wrong = basic("prometheus", "wrong horse");
        assert_eq!(exporter.get(path, &[("Authorization", &wrong)]).0, 401);
    }
    let right = basic("prometheus", "right horse");
    let signed = [("Authorization", right.as_str())];
    let (status, body) = exporter.get(&probe, &signed);
    assert_eq!(status, 200, "{body}");
    assert!(body.contains("probe_success 1\n"), "{body}");
    let (status, own) = exporter.get("/own", &signed);
    assert_eq!(status, 200);
    assert!(
        own.contains("sessions_exporter_build_info{version=\""),
        "{own}"
    );
    assert!(
        !own.contains("sessions_active"),
        "no probe series on /own: {own}"
    );
    assert_eq!(exporter.get("/metrics", &signed).0, 404);
    let (status, page) = exporter.get("/", &signed);
    assert_eq!(status, 200);
    assert!(
        page.contains("href=\"/own\"") && page.contains("action=\"/probe\""),
        "{page}"
    );
    assert_eq!(
        exporter.get("/-/healthy", &signed),
        (200, "Healthy\n".to_string())
    );
    assert_eq!(
        exporter.get("/-/ready", &signed),
        (200, "Ready\n".to_string())
    );
    let head = raw_head(exporter.port, "/-/ready", &right);
    assert!(
        head.to_ascii_lowercase().contains("x-frame-options: deny"),
        "{head}"
    );
    // The file is read again for each new connection: a changed password applies at once.
    let hash = bcrypt::hash("new horse", 4).unwrap();
    std::fs::write(&web, format!("basic_auth_users:\n  prometheus: {hash}\n")).unwrap();
    assert_eq!(exporter.get("/-/ready", &signed).0, 401);
    let new = basic("prometheus", "new horse");
    assert_eq!(exporter.get("/-/ready", &[("Authorization", &new)]).0, 200);
    assert!(!exporter.said().contains("horse"), "{}", exporter.said());
}

/// The status line and headers of a GET.
fn raw_head(port: u16, path: &str, authorization: &str) -> String {
    use std::io::{Read, Write};
    let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.0\r\nAuthorization: {authorization}\r\n\r\n"
    )
    .unwrap();
    let mut text = String::new();
    s.read_to_string(&mut text).unwrap();
    text.split("\r\n\r\n").next().unwrap().to_string()
}

#[test]
fn a_web_config_with_unknown_keys_is_refused_with_its_line() {
    let sim = Sim::with_sessions(1, 12);
    let web = sim.dir.path().join("web.yml");
    std::fs::write(
        &web,
        "\ntls_server_config:\n  keyfile: a.key\n  cert_file: a.pem\n",
    )
    .unwrap();
    let run = sim.run(&["exporter", "--web.config.file", web.to_str().unwrap()]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("line 3: unknown key 'keyfile' in tls_server_config"),
        "{}",
        run.stderr
    );
}

/// A CA, a server certificate it signs for 127.0.0.1 (the simulator's default shape), and a
/// self-signed one without BasicConstraints (another of its shapes), as PEM files in `dir`.
fn server_certificates(dir: &Path) {
    use rcgen::{BasicConstraints, CertificateParams, DnType, IsCa, Issuer, KeyPair};
    let mut ca = CertificateParams::new(Vec::<String>::new()).unwrap();
    ca.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    ca.distinguished_name
        .push(DnType::CommonName, "exporter test CA");
    let ca_key = KeyPair::generate().unwrap();
    let ca_cert = ca.self_signed(&ca_key).unwrap();
    let issuer = Issuer::new(ca, ca_key);
    let sans = vec!["127.0.0.1".to_string(), "localhost".to_string()];
    let key = KeyPair::generate().unwrap();
    let leaf = CertificateParams::new(sans.clone())
        .unwrap()
        .signed_by(&key, &issuer)
        .unwrap();
    std::fs::write(dir.join("ca.pem"), ca_cert.pem()).unwrap();
    std::fs::write(dir.join("server.pem"), leaf.pem()).unwrap();
    std::fs::write(dir.join("server.key"), key.serialize_pem()).unwrap();
    let key = KeyPair::generate().unwrap();
    let own = CertificateParams::new(sans)
        .unwrap()
        .self_signed(&key)
        .unwrap();
    std::fs::write(dir.join("self.pem"), own.pem()).unwrap();
    std::fs::write(dir.join("self.key"), key.serialize_pem()).unwrap();
}

/// GET over TLS trusting `ca`, with a client certificate if given: the status and body, or
/// why the connection failed.
fn tls_get(
    port: u16,
    path: &str,
    ca: &Path,
    client: Option<(&Path, &Path)>,
) -> Result<(u16, String), String> {
    let read = |p: &Path| std::fs::read(p).unwrap();
    let identity = client.map(|(c, k)| (read(c), read(k)));
    let client = https_client(
        &read(ca),
        identity.as_ref().map(|(c, k)| (c.as_slice(), k.as_slice())),
    );
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let resp = client
            .get(format!("https://127.0.0.1:{port}{path}"))
            .send()
            .await
            .map_err(|e| format!("{e:?}"))?;
        let status = resp.status().as_u16();
        Ok((status, resp.text().await.map_err(|e| e.to_string())?))
    })
}

#[test]
fn tls_and_client_certificates_from_the_web_config() {
    let sim = Sim::with_sessions(3, 13);
    let dir = sim.dir.path();
    server_certificates(dir);
    let web = dir.join("web.yml");
    // Relative paths are the web config's directory's, as exporter-toolkit reads them.
    std::fs::write(
        &web,
        "tls_server_config:\n  cert_file: server.pem\n  key_file: server.key\n  min_version: TLS12\n",
    )
    .unwrap();
    let exporter = Exporter::start(
        &sim.config,
        dir,
        &["--web.config.file", web.to_str().unwrap()],
    );
    let probe = format!("/probe?target={}", any_backend());
    let (status, body) = tls_get(exporter.port, &probe, &dir.join("ca.pem"), None).unwrap();
    assert_eq!(status, 200, "{body}");
    assert!(body.contains("probe_success 1\n"), "{body}");
    // Plain HTTP gets no answer.
    let plain = std::panic::catch_unwind(|| exporter.get("/-/healthy", &[]));
    assert!(plain.map_or(true, |(status, _)| status != 200));
    // A new certificate applies to the next connection: the self-signed shape.
    std::fs::write(
        &web,
        "tls_server_config:\n  cert_file: self.pem\n  key_file: self.key\n",
    )
    .unwrap();
    assert!(tls_get(exporter.port, "/-/healthy", &dir.join("ca.pem"), None).is_err());
    let (status, _) = tls_get(exporter.port, "/-/healthy", &dir.join("self.pem"), None).unwrap();
    assert_eq!(status, 200);
    // Client certificates: the simulator's, signed by its run CA.
    let files = sim.files();
    std::fs::write(
        &web,
        format!(
            "tls_server_config:\n  cert_file: server.pem\n  key_file: server.key\n\
             \x20 client_auth_type: RequireAndVerifyClientCert\n  client_ca_file: {}\n  min_version: TLS13\n",
            files.join("ca.pem").display()
        ),
    )
    .unwrap();
    let ca = dir.join("ca.pem");
    let refused = tls_get(exporter.port, "/-/healthy", &ca, None);
    assert!(refused.is_err(), "{refused:?}");
    let client = (files.join("client.pem"), files.join("client.key"));
    let (status, body) = tls_get(exporter.port, &probe, &ca, Some((&client.0, &client.1))).unwrap();
    assert_eq!(status, 200, "{body}");
    assert!(body.contains("probe_success 1\n"), "{body}");
    // A certificate signed by another CA is refused.
    let other = (dir.join("self.pem"), dir.join("self.key"));
    let refused = tls_get(exporter.port, "/-/healthy", &ca, Some((&other.0, &other.1)));
    assert!(refused.is_err(), "{refused:?}");
}

#[test]
fn reload_keeps_the_old_config_when_the_new_one_is_bad() {
    let sim = Sim::with_sessions(3, 14);
    let names: Vec<&str> = backends().collect();
    let (kept, dropped) = (names[0], names[1]);
    let config = sim.config_with("served.toml", |_| {});
    let exporter = Exporter::start(Path::new(&config), sim.dir.path(), &[]);
    let probe = |name: &str| exporter.get(&format!("/probe?target={name}"), &[]);
    assert_eq!(probe(dropped).0, 200);
    // A good config without one profile: reloaded by request.
    sim.config_with("served.toml", |doc| {
        doc.remove_profile(dropped);
    });
    assert_eq!(post(exporter.port, "/-/reload").0, 200);
    assert_eq!(probe(dropped).0, 400);
    assert!(probe(kept).1.contains("probe_success 1\n"));
    // A broken one: refused, and the one in use stays.
    let good = std::fs::read_to_string(&config).unwrap();
    std::fs::write(&config, format!("{good}\n[profiles.{kept}\nbroken")).unwrap();
    let (status, said) = post(exporter.port, "/-/reload");
    assert_eq!(status, 500, "{said}");
    assert!(said.contains("failed to reload config"), "{said}");
    assert!(probe(kept).1.contains("probe_success 1\n"));
    assert_eq!(exporter.get("/-/reload", &[]).0, 405);
    // SIGHUP reads it again, as the package's unit's ExecReload sends.
    std::fs::copy(&sim.config, &config).unwrap();
    unsafe { libc::kill(exporter.pid() as i32, libc::SIGHUP) };
    let t0 = std::time::Instant::now();
    while probe(dropped).0 != 200 {
        assert!(
            t0.elapsed() < Duration::from_secs(10),
            "{}",
            exporter.said()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(
        exporter.said().contains("reload failed"),
        "{}",
        exporter.said()
    );
}

/// A POST with no body: the status and body.
fn post(port: u16, path: &str) -> (u16, String) {
    use std::io::{Read, Write};
    let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(s, "POST {path} HTTP/1.0\r\nContent-Length: 0\r\n\r\n").unwrap();
    let mut text = String::new();
    s.read_to_string(&mut text).unwrap();
    let (head, body) = text.split_once("\r\n\r\n").unwrap();
    (
        head.split(' ').nth(1).unwrap().parse().unwrap(),
        body.to_string(),
    )
}

#[test]
fn debug_shows_the_probe_log_and_no_secret() {
    let sim = Sim::with_sessions(3, 15);
    let exporter = Exporter::start(&sim.config, sim.dir.path(), &[]);
    let secrets = sim.secrets();
    for b in backends() {
        let (status, page) = exporter.get(&format!("/probe?target={b}&debug=true"), &[]);
        assert_eq!(status, 200, "{page}");
        let head = format!("Logs for the probe:\nprobe of {b}\n");
        let log = page
            .strip_prefix(&head)
            .and_then(|rest| rest.split("\n\n\n").next())
            .unwrap_or_else(|| panic!("{page}"));
        // Its requests, as -v shows them.
        assert!(
            log.lines().any(|l| l.starts_with("> ")),
            "{b}: no request lines\n{page}"
        );
        assert!(
            page.contains("\nMetrics that would have been returned:\n"),
            "{page}"
        );
        assert!(page.contains("probe_success 1\n"), "{page}");
        for key in ["password", "token", "api_key"] {
            if let Some(secret) = secrets[b][key].as_str() {
                assert!(!page.contains(secret), "{b}'s {key} in\n{page}");
            }
        }
    }
    let (_, own) = exporter.get("/metrics", &[]);
    assert_eq!(
        sample(&own, "sessions_exporter_probes_in_flight"),
        Some(0.0)
    );
}

#[test]
fn listening_beyond_loopback_unprotected_says_so_once() {
    let sim = Sim::with_sessions(1, 16);
    let exporter = Exporter::start(
        &sim.config,
        sim.dir.path(),
        &["--web.listen-address", "0.0.0.0:{free}"],
    );
    let said = exporter.said();
    assert_eq!(said.matches("warning").count(), 1, "{said}");
    assert!(said.contains("--web.config.file"), "{said}");
    assert_eq!(
        crate::common::exporter::http_get(exporter.wide_port, "/-/healthy", &[]).0,
        200
    );
    let quiet = Exporter::start(&sim.config, sim.dir.path(), &[]);
    assert!(!quiet.said().contains("warning"), "{}", quiet.said());
}
