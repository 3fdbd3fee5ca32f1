//! What a server certificate says, in words: subject, names, issuer, validity and SHA-256, and
//! the reasons a client would refuse it. Used by TLS error messages and `sessions trust`.

use std::net::IpAddr;
use std::path::Path;

use sha2::{Digest, Sha256};
use x509_parser::extensions::GeneralName;
use x509_parser::prelude::{FromDer, X509Certificate};

/// The parts of a certificate a person checks before trusting it.
#[derive(Debug, Clone, Default)]
pub(crate) struct CertInfo {
    pub subject: String,
    pub issuer: String,
    /// `DNS:name` and `IP:address` entries; empty when the certificate has no SAN extension.
    pub sans: Vec<String>,
    /// The subject's common names (old clients matched the host against them).
    pub common_names: Vec<String>,
    /// Unix seconds.
    pub not_before: i64,
    pub not_after: i64,
    pub sha256: String,
    pub self_signed: bool,
    /// BasicConstraints CA:TRUE (what `openssl req -x509` makes).
    pub is_ca: bool,
    /// False when the DER could not be read; then only `sha256` is meaningful.
    pub parsed: bool,
}

impl CertInfo {
    pub(crate) fn parse(der: &[u8]) -> CertInfo {
        let sha256 = format_fingerprint(der);
        let Ok((_, cert)) = X509Certificate::from_der(der) else {
            return CertInfo {
                sha256,
                ..CertInfo::default()
            };
        };
        let sans = match cert.subject_alternative_name() {
            Ok(Some(ext)) => ext
                .value
                .general_names
                .iter()
                .filter_map(san)
                .map(|s| escaped(&s))
                .collect(),
            _ => Vec::new(),
        };
        let common_names = cert
            .subject()
            .iter_common_name()
            .filter_map(|a| a.as_str().ok().map(escaped))
            .collect();
        let is_ca = matches!(cert.basic_constraints(), Ok(Some(bc)) if bc.value.ca);
        CertInfo {
            subject: escaped(&cert.subject().to_string()),
            issuer: escaped(&cert.issuer().to_string()),
            sans,
            common_names,
            not_before: cert.validity().not_before.timestamp(),
            not_after: cert.validity().not_after.timestamp(),
            sha256,
            self_signed: cert.subject().as_raw() == cert.issuer().as_raw(),
            is_ca,
            parsed: true,
        }
    }

    /// `subject CN=nas; names DNS:localhost; issuer CN=nas (self-signed); valid 2025-01-01 to
    /// 2026-01-01; SHA-256 AB:CD:...`
    pub(crate) fn summary(&self) -> String {
        if !self.parsed {
            return format!("unreadable certificate, SHA-256 {}", self.sha256);
        }
        format!(
            "subject {}; names {}; issuer {}; valid {} to {}; SHA-256 {}",
            self.subject,
            self.names_text(),
            self.issuer_text(),
            date(self.not_before),
            date(self.not_after),
            self.sha256
        )
    }

    /// `DNS:a, IP:b`, or a note that there are none.
    pub(crate) fn names_text(&self) -> String {
        if self.sans.is_empty() {
            "none (no subjectAltName)".to_string()
        } else {
            self.sans.join(", ")
        }
    }

    /// The issuer, marked when the certificate signed itself.
    pub(crate) fn issuer_text(&self) -> String {
        if self.self_signed {
            format!("{} (self-signed)", self.issuer)
        } else {
            self.issuer.clone()
        }
    }

    /// The reasons, in plain words, that a verifier refuses the certificate for `host`.
    /// `issuer_unknown`: the verifier found no trusted issuer. Empty when nothing here explains it.
    pub(crate) fn problems(
        &self,
        host: &str,
        ca_cert: Option<&Path>,
        issuer_unknown: bool,
    ) -> Vec<String> {
        if !self.parsed {
            return Vec::new();
        }
        let mut out = Vec::new();
        let (holds, among) = match ca_cert {
            Some(p) => (
                format!("ca_cert ({}) does not hold it", p.display()),
                format!("is not in ca_cert ({})", p.display()),
            ),
            None => (
                "the system's trusted CAs do not include it".to_string(),
                "is not among the system's trusted CAs".to_string(),
            ),
        };
        if self.self_signed {
            out.push(format!("it is self-signed, and {holds}"));
        } else if issuer_unknown {
            out.push(format!("it was issued by {}, which {among}", self.issuer));
        }
        let now = time::OffsetDateTime::now_utc().unix_timestamp();
        if now > self.not_after {
            out.push(format!("it expired on {}", date(self.not_after)));
        } else if now < self.not_before {
            out.push(format!("it is not valid until {}", date(self.not_before)));
        }
        if !self.matches_host(host) {
            out.push(self.name_problem(host));
        }
        if self.is_ca && self.self_signed {
            out.push(
                "it is marked as a CA (CA:TRUE), which TLS refuses for a server unless it is pinned"
                    .to_string(),
            );
        }
        out
    }

    fn name_problem(&self, host: &str) -> String {
        if self.sans.is_empty() {
            let cn = self.common_names.join(", ");
            format!(
                "it names its host only in the subject's CN ({cn}) and has no subjectAltName, \
                 which TLS clients no longer accept"
            )
        } else {
            let made_for: Vec<&str> = self
                .sans
                .iter()
                .map(|s| s.split_once(':').map(|(_, v)| v).unwrap_or(s))
                .collect();
            format!("it was made for {}, not {host}", made_for.join(", "))
        }
    }

    /// Whether a SAN entry names `host` (one wildcard label allowed, as browsers do).
    pub(crate) fn matches_host(&self, host: &str) -> bool {
        let host = host.trim_matches(['[', ']']);
        if let Ok(ip) = host.parse::<IpAddr>() {
            return self
                .sans
                .iter()
                .any(|s| s.strip_prefix("IP:").and_then(|v| v.parse::<IpAddr>().ok()) == Some(ip));
        }
        let host = host.to_ascii_lowercase();
        self.sans
            .iter()
            .filter_map(|s| s.strip_prefix("DNS:"))
            .map(str::to_ascii_lowercase)
            .any(|name| match name.strip_prefix("*.") {
                Some(rest) => host
                    .split_once('.')
                    .is_some_and(|(first, tail)| !first.is_empty() && tail == rest),
                None => name == host,
            })
    }
}

/// Certificate text is the server's: control characters are shown escaped, never sent to the
/// terminal as they are.
fn escaped(text: &str) -> String {
    text.chars()
        .flat_map(|c| {
            if c.is_control() {
                c.escape_default().collect::<Vec<_>>()
            } else {
                vec![c]
            }
        })
        .collect()
}

fn san(name: &GeneralName<'_>) -> Option<String> {
    match name {
        GeneralName::DNSName(d) => Some(format!("DNS:{d}")),
        GeneralName::IPAddress(bytes) => {
            let ip: IpAddr = match bytes.len() {
                4 => <[u8; 4]>::try_from(*bytes).ok()?.into(),
                16 => <[u8; 16]>::try_from(*bytes).ok()?.into(),
                _ => return None,
            };
            Some(format!("IP:{ip}"))
        }
        _ => None,
    }
}

/// `AB:CD:...`, the form `openssl x509 -fingerprint -sha256` prints.
pub(crate) fn format_fingerprint(der: &[u8]) -> String {
    hex_colons(&Sha256::digest(der))
}

pub(super) fn hex_colons(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|b| format!("{b:02X}"))
        .collect::<Vec<_>>()
        .join(":")
}

/// `2026-11-23 10:00 UTC`.
pub(crate) fn date(unix: i64) -> String {
    let fmt = time::macros::format_description!("[year]-[month]-[day] [hour]:[minute] UTC");
    time::OffsetDateTime::from_unix_timestamp(unix)
        .ok()
        .and_then(|t| t.format(&fmt).ok())
        .unwrap_or_else(|| unix.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cert(sans: &[&str], cn: &str) -> Vec<u8> {
        let mut p =
            rcgen::CertificateParams::new(sans.iter().map(|s| s.to_string()).collect::<Vec<_>>())
                .unwrap();
        p.distinguished_name
            .push(rcgen::DnType::CommonName, cn.to_string());
        let key = rcgen::KeyPair::generate().unwrap();
        p.self_signed(&key).unwrap().der().to_vec()
    }

    #[test]
    fn names_and_problems_in_plain_words() {
        let info = CertInfo::parse(&cert(&["localhost"], "localhost"));
        assert!(info.parsed && info.self_signed);
        assert_eq!(info.sans, vec!["DNS:localhost"]);
        assert!(info.matches_host("localhost"));
        assert!(!info.matches_host("10.0.0.5"));
        let why = info.problems("10.0.0.5", None, true).join("; ");
        assert!(why.contains("self-signed"), "{why}");
        assert!(why.contains("made for localhost, not 10.0.0.5"), "{why}");
    }

    #[test]
    fn ip_and_wildcard_names() {
        let info = CertInfo::parse(&cert(&["127.0.0.1", "*.example.com"], "x"));
        assert!(info.matches_host("127.0.0.1"));
        assert!(info.matches_host("nas.example.com"));
        assert!(!info.matches_host("a.b.example.com"));
        assert!(!info.matches_host("127.0.0.2"));
    }

    #[test]
    fn cn_only_is_explained() {
        let info = CertInfo::parse(&cert(&[], "cluster1"));
        assert!(info.sans.is_empty());
        let why = info.problems("cluster1", None, true).join("; ");
        assert!(why.contains("only in the subject's CN (cluster1)"), "{why}");
    }

    #[test]
    fn control_characters_from_the_certificate_are_escaped() {
        let info = CertInfo::parse(&cert(&["a"], "evil\u{1b}]0;title\u{7}"));
        assert!(!info.subject.contains('\u{1b}'), "{}", info.subject);
        assert!(info.subject.contains("\\u{1b}"), "{}", info.subject);
    }

    #[test]
    fn unreadable_der_still_has_a_fingerprint() {
        let info = CertInfo::parse(b"not a certificate");
        assert!(!info.parsed);
        assert!(info.summary().contains("SHA-256"));
    }
}
