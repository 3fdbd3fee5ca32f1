//! `--web.config.file`: exporter-toolkit's web configuration (docs/monitoring.md lists what
//! is read and what is refused). Read again for each new connection, as exporter-toolkit does,
//! so that a renewed certificate or a changed password applies without a restart.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use hyper::header::{HeaderName, HeaderValue};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};

use super::yaml::{self, Node, Value};

/// What a connection is served with.
#[derive(Default)]
pub(super) struct Web {
    pub tls: Option<Arc<rustls::ServerConfig>>,
    /// User name and bcrypt hash; empty: no authentication.
    pub users: Vec<(String, String)>,
    /// Added to every response.
    pub headers: Vec<(HeaderName, HeaderValue)>,
}

/// The response headers `http_server_config.headers` may set (exporter-toolkit's list).
const HEADERS: [&str; 5] = [
    "Content-Security-Policy",
    "X-Frame-Options",
    "X-Content-Type-Options",
    "X-XSS-Protection",
    "Strict-Transport-Security",
];

/// Read `path`; errors name the file and the line.
pub(super) fn load(path: &Path) -> Result<Web, String> {
    let at = |e: String| format!("--web.config.file {}: {e}", path.display());
    let text = std::fs::read_to_string(path).map_err(|e| at(e.to_string()))?;
    let doc = yaml::parse(&text).map_err(at)?;
    let dir = path.parent().unwrap_or(Path::new("."));
    read(&doc, dir).map_err(at)
}

fn read(doc: &Node, dir: &Path) -> Result<Web, String> {
    let mut web = Web::default();
    for (key, line, node) in entries(doc)? {
        match key.as_str() {
            "tls_server_config" => web.tls = tls(node, dir)?,
            "http_server_config" => {
                for (key, line, node) in entries(node)? {
                    match key.as_str() {
                        // Served over HTTP/1.1, which Prometheus scrapes with: nothing to turn off.
                        "http2" => {}
                        "headers" => web.headers = headers(node)?,
                        _ => return Err(unknown(line, "http_server_config", key)),
                    }
                }
            }
            "basic_auth_users" => {
                for (user, line, hash) in entries(node)? {
                    let hash = text(hash, line, user)?;
                    hash.parse::<bcrypt::HashParts>()
                        .map_err(|e| format!("line {line}: {user}: not a bcrypt hash ({e})"))?;
                    web.users.push((user.clone(), hash.to_string()));
                }
            }
            "rate_limit" => return Err(unsupported(*line, key, "put a proxy in front")),
            _ => return Err(unknown(line, "the file", key)),
        }
    }
    Ok(web)
}

/// A map's entries; an empty value is no entries.
fn entries(node: &Node) -> Result<&[(String, usize, Node)], String> {
    match &node.value {
        Value::Map(m) => Ok(m),
        Value::Null => Ok(&[]),
        _ => Err(format!("line {}: expected keys and values", node.line)),
    }
}

fn text<'a>(node: &'a Node, line: &usize, key: &str) -> Result<&'a str, String> {
    node.text()
        .ok_or_else(|| format!("line {line}: {key}: expected text"))
}

fn unknown(line: &usize, within: &str, key: &str) -> String {
    format!("line {line}: unknown key '{key}' in {within}")
}

fn unsupported(line: usize, key: &str, instead: &str) -> String {
    format!("line {line}: {key} is not supported ({instead}; see docs/monitoring.md)")
}

fn headers(node: &Node) -> Result<Vec<(HeaderName, HeaderValue)>, String> {
    let mut out = Vec::new();
    for (name, line, value) in entries(node)? {
        let Some(known) = HEADERS.iter().find(|h| h.eq_ignore_ascii_case(name)) else {
            return Err(format!(
                "line {line}: header '{name}' cannot be set (only {})",
                HEADERS.join(", ")
            ));
        };
        let value = match &value.value {
            Value::Null => continue,
            _ => text(value, line, name)?,
        };
        if value.is_empty() {
            continue;
        }
        let value = HeaderValue::from_str(value)
            .map_err(|_| format!("line {line}: {name}: not a header value"))?;
        out.push((HeaderName::from_static(lower(known)), value));
    }
    Ok(out)
}

fn lower(name: &str) -> &'static str {
    match name {
        "Content-Security-Policy" => "content-security-policy",
        "X-Frame-Options" => "x-frame-options",
        "X-Content-Type-Options" => "x-content-type-options",
        "X-XSS-Protection" => "x-xss-protection",
        _ => "strict-transport-security",
    }
}

/// The keys of `tls_server_config`, as given.
#[derive(Default)]
struct TlsKeys {
    cert: Option<Vec<u8>>,
    key: Option<Vec<u8>>,
    client_ca: Option<Vec<u8>>,
    client_auth: Option<(String, usize)>,
    min: Option<(String, usize)>,
    max: Option<(String, usize)>,
}

fn tls(node: &Node, dir: &Path) -> Result<Option<Arc<rustls::ServerConfig>>, String> {
    let mut k = TlsKeys::default();
    let file = |v: &str, line: &usize, key: &str| -> Result<Vec<u8>, String> {
        let path = dir.join(PathBuf::from(v));
        std::fs::read(&path).map_err(|e| format!("line {line}: {key} {}: {e}", path.display()))
    };
    for (key, line, value) in entries(node)? {
        let v = || text(value, line, key);
        match key.as_str() {
            "cert_file" => k.cert = Some(file(v()?, line, key)?),
            "key_file" => k.key = Some(file(v()?, line, key)?),
            "client_ca_file" => k.client_ca = Some(file(v()?, line, key)?),
            "cert" => k.cert = Some(v()?.as_bytes().to_vec()),
            "key" => k.key = Some(v()?.as_bytes().to_vec()),
            "client_ca" => k.client_ca = Some(v()?.as_bytes().to_vec()),
            "client_auth_type" => k.client_auth = Some((v()?.to_string(), *line)),
            "min_version" => k.min = Some((v()?.to_string(), *line)),
            "max_version" => k.max = Some((v()?.to_string(), *line)),
            // rustls picks the order itself, from its own safe list.
            "prefer_server_cipher_suites" => {}
            "cipher_suites" | "curve_preferences" => {
                return Err(unsupported(
                    *line,
                    key,
                    "rustls offers only its own safe list",
                ))
            }
            "client_allowed_sans" => {
                return Err(unsupported(
                    *line,
                    key,
                    "give each client its own CA instead",
                ))
            }
            _ => return Err(unknown(line, "tls_server_config", key)),
        }
    }
    let (cert, key) = match (k.cert, k.key) {
        (None, None) => return Ok(None),
        (Some(c), Some(k)) => (c, k),
        _ => {
            return Err(format!(
                "line {}: tls_server_config needs both a certificate and its key",
                node.line
            ))
        }
    };
    let certs = CertificateDer::pem_slice_iter(&cert)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| format!("the certificate: {e}"))?;
    if certs.is_empty() {
        return Err("the certificate: no PEM certificate".to_string());
    }
    let key = PrivateKeyDer::from_pem_slice(&key).map_err(|e| format!("the key: {e}"))?;
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let verifier = client_verifier(k.client_auth, k.client_ca, &provider)?;
    let versions = versions(k.min, k.max)?;
    let config = rustls::ServerConfig::builder_with_provider(provider)
        .with_protocol_versions(&versions)
        .map_err(|e| format!("TLS: {e}"))?
        .with_client_cert_verifier(verifier)
        .with_single_cert(certs, key)
        .map_err(|e| format!("the certificate and key: {e}"))?;
    Ok(Some(Arc::new(config)))
}

fn client_verifier(
    auth: Option<(String, usize)>,
    ca: Option<Vec<u8>>,
    provider: &Arc<rustls::crypto::CryptoProvider>,
) -> Result<Arc<dyn rustls::server::danger::ClientCertVerifier>, String> {
    let (auth, line) = auth.unwrap_or(("NoClientCert".to_string(), 0));
    let optional = match auth.as_str() {
        "NoClientCert" => return Ok(rustls::server::WebPkiClientVerifier::no_client_auth()),
        "VerifyClientCertIfGiven" => true,
        "RequireAndVerifyClientCert" => false,
        "RequestClientCert" | "RequireAnyClientCert" => {
            return Err(unsupported(
                line,
                &format!("client_auth_type {auth}"),
                "a certificate is always verified: use RequireAndVerifyClientCert",
            ))
        }
        _ => return Err(format!("line {line}: client_auth_type {auth}: unknown")),
    };
    let ca =
        ca.ok_or_else(|| format!("line {line}: client_auth_type {auth} needs client_ca_file"))?;
    let mut roots = rustls::RootCertStore::empty();
    for cert in CertificateDer::pem_slice_iter(&ca) {
        let cert = cert.map_err(|e| format!("client_ca_file: {e}"))?;
        roots
            .add(cert)
            .map_err(|e| format!("client_ca_file: {e}"))?;
    }
    let builder = rustls::server::WebPkiClientVerifier::builder_with_provider(
        Arc::new(roots),
        provider.clone(),
    );
    let builder = if optional {
        builder.allow_unauthenticated()
    } else {
        builder
    };
    builder.build().map_err(|e| format!("client_ca_file: {e}"))
}

fn versions(
    min: Option<(String, usize)>,
    max: Option<(String, usize)>,
) -> Result<Vec<&'static rustls::SupportedProtocolVersion>, String> {
    let rank = |v: &Option<(String, usize)>, default: u8| match v {
        None => Ok(default),
        Some((v, line)) => match v.as_str() {
            "TLS12" => Ok(2),
            "TLS13" => Ok(3),
            "TLS10" | "TLS11" => Err(unsupported(
                *line,
                &format!("TLS version {v}"),
                "rustls speaks TLS 1.2 and 1.3 only",
            )),
            _ => Err(format!(
                "line {line}: TLS version {v}: unknown (TLS12 or TLS13)"
            )),
        },
    };
    let (lo, hi) = (rank(&min, 2)?, rank(&max, 3)?);
    let all = [(2, &rustls::version::TLS12), (3, &rustls::version::TLS13)];
    let chosen: Vec<_> = all
        .iter()
        .filter(|(r, _)| (lo..=hi).contains(r))
        .map(|(_, v)| *v)
        .collect();
    if chosen.is_empty() {
        return Err("min_version is above max_version".to_string());
    }
    Ok(chosen)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> String {
        read(&yaml::parse(text).unwrap(), Path::new("."))
            .err()
            .unwrap()
    }

    #[test]
    fn unknown_keys_are_refused_with_their_line() {
        assert_eq!(
            err("\nbasic_auth_users: {}\nbasic_auth: 1\n"),
            "line 3: unknown key 'basic_auth' in the file"
        );
        assert!(err("tls_server_config:\n  cert_fil: x\n")
            .starts_with("line 2: unknown key 'cert_fil'"));
        assert!(
            err("http_server_config:\n  headers:\n    X-Powered-By: me\n")
                .starts_with("line 3: header")
        );
        assert!(err("basic_auth_users:\n  alice: plain\n")
            .starts_with("line 2: alice: not a bcrypt hash"));
        assert!(err("rate_limit:\n  burst: 3\n").contains("not supported"));
        assert!(err("tls_server_config:\n  cipher_suites: [a]\n")
            .starts_with("line 2: cipher_suites is not supported"));
    }

    #[test]
    fn users_and_headers_are_read() {
        let hash = "$2y$10$X0h1gDsPszWURQaxFh.zoubFi6DXncSjhoQNJgRrnGs7EsimhC7zG";
        let text = format!(
            "basic_auth_users:\n  alice: {hash}\nhttp_server_config:\n  http2: false\n  headers:\n    x-frame-options: deny\n    X-XSS-Protection: ''\n"
        );
        let web = read(&yaml::parse(&text).unwrap(), Path::new(".")).unwrap();
        assert_eq!(web.users, vec![("alice".to_string(), hash.to_string())]);
        assert_eq!(web.headers.len(), 1);
        assert_eq!(web.headers[0].0, "x-frame-options");
        assert!(web.tls.is_none());
    }
}
