//! TLS trust, the same for HTTPS and WebSocket: the platform roots, a `ca_cert` file (a CA, or
//! the appliance's own certificate, trusted as a pin when it is the one presented), a pinned
//! `tls_fingerprint`, or `insecure`. When a certificate is refused, the verifier keeps what it
//! saw, so the error can say in plain words what is wrong and how to trust it.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::client::WebPkiServerVerifier;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{DigitallySignedStruct, SignatureScheme};
use sha2::{Digest, Sha256};

use crate::error::{Error, Result};
use crate::transport::certinfo::{format_fingerprint, hex_colons, CertInfo};
use crate::transport::pin_expiry;
use crate::transport::Log;

/// How to trust the server: the platform roots by default, or a CA file, or a pinned
/// certificate fingerprint, or nothing at all (`insecure`).
#[derive(Debug, Clone, Default)]
pub struct TlsOptions {
    /// PEM: CA certificates, or the server's own certificate.
    pub ca_cert: Option<PathBuf>,
    /// SHA-256 of the server's leaf certificate (DER), hex, colons optional.
    pub fingerprint: Option<String>,
    pub insecure: bool,
    /// Client certificate and key (PEM files) for mutual TLS.
    pub client_identity: Option<(PathBuf, PathBuf)>,
    /// The profile these settings belong to, so a refusal can name the command that fixes it.
    pub profile: String,
}

/// What the verifier refused, kept for the error message.
#[derive(Debug, Clone)]
pub(crate) enum Rejection {
    /// `tls_fingerprint` is set and the server presented another certificate.
    PinChanged {
        pinned: [u8; 32],
        presented: Vec<u8>,
    },
    /// Neither `ca_cert` nor the platform roots vouch for the certificate.
    Untrusted {
        presented: Vec<u8>,
        host: String,
        reason: String,
        issuer_unknown: bool,
        ca_cert: Option<PathBuf>,
    },
}

/// Where the verifier of one client leaves its last refusal.
#[derive(Debug, Clone, Default)]
pub(crate) struct Rejections(Arc<Mutex<Option<Rejection>>>);

impl Rejections {
    fn record(&self, r: Rejection) {
        if let Ok(mut slot) = self.0.lock() {
            *slot = Some(r);
        }
    }
    /// The last refusal, if the verifier refused.
    pub(crate) fn take(&self) -> Option<Rejection> {
        self.0.lock().ok()?.take()
    }
    /// The last refusal, as a one-line error (exit 4), if the verifier refused.
    pub(crate) fn take_error(&self, tls: &TlsOptions) -> Option<Error> {
        let refused = Error::network(self.take()?.explain(&tls.profile));
        Some(refused.with_failure(crate::error::Failure::Tls))
    }
}

/// ring's suites, AES-128-GCM first (as browsers and curl order them): a server that honours
/// the client's order, as OpenSSL and rustls do by default, then picks the cheaper cipher.
/// Every suite is still offered (docs/performance.md, "The TLS cipher").
fn provider() -> Arc<rustls::crypto::CryptoProvider> {
    use rustls::CipherSuite as S;
    let mut provider = rustls::crypto::ring::default_provider();
    provider.cipher_suites.sort_by_key(|s| {
        !matches!(
            s.suite(),
            S::TLS13_AES_128_GCM_SHA256
                | S::TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256
                | S::TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256
        )
    });
    Arc::new(provider)
}

/// The rustls configuration and where its refusals go. HTTPS and WebSocket connections share
/// it, so the trust settings behave identically on both.
pub(crate) fn client_config(
    tls: &TlsOptions,
    log: Log,
) -> Result<(rustls::ClientConfig, Rejections)> {
    let rejections = Rejections::default();
    let verifier = Verifier {
        trust: trust(tls, log)?,
        rejections: rejections.clone(),
        provider: provider(),
        profile: tls.profile.clone(),
        log,
    };
    let builder = rustls::ClientConfig::builder_with_provider(provider())
        .with_safe_default_protocol_versions()
        .map_err(|e| Error::other(format!("TLS setup: {e}")))?
        .dangerous()
        .with_custom_certificate_verifier(Arc::new(verifier));
    let config = match &tls.client_identity {
        None => builder.with_no_client_auth(),
        Some((cert, key)) => {
            let (chain, key) = load_identity(cert, key)?;
            builder
                .with_client_auth_cert(chain, key)
                .map_err(|e| Error::usage(format!("client_cert {}: {e}", cert.display())))?
        }
    };
    Ok((config, rejections))
}

/// `insecure`'s warning, on every run of a target that has it.
pub(crate) fn warn_if_insecure(tls: &TlsOptions, log: Log) {
    if tls.insecure {
        log.warn("TLS certificate verification is off (insecure); anyone on the path can read this session");
    }
}

fn trust(tls: &TlsOptions, log: Log) -> Result<Trust> {
    if tls.insecure {
        warn_if_insecure(tls, log);
        return Ok(Trust::Anything);
    }
    if let Some(pin) = &tls.fingerprint {
        return Ok(Trust::Pinned(parse_fingerprint(pin)?));
    }
    let (roots, exact) = match &tls.ca_cert {
        Some(path) => {
            let certs = read_pem_certs(path, "ca_cert")?;
            let mut roots = rustls::RootCertStore::empty();
            for cert in &certs {
                // A leaf that cannot serve as a trust anchor is still good as an exact match.
                let _ = roots.add(cert.clone());
            }
            (roots, certs)
        }
        None => (platform_roots(), Vec::new()),
    };
    let webpki = if roots.is_empty() {
        None
    } else {
        Some(
            WebPkiServerVerifier::builder_with_provider(Arc::new(roots), provider())
                .build()
                .map_err(|e| Error::usage(format!("TLS roots: {e}")))?,
        )
    };
    Ok(Trust::Roots {
        exact,
        webpki,
        ca_cert: tls.ca_cert.clone(),
    })
}

fn read_pem_certs(path: &std::path::Path, key: &str) -> Result<Vec<CertificateDer<'static>>> {
    use rustls_pki_types::pem::PemObject;
    let pem =
        std::fs::read(path).map_err(|e| Error::usage(format!("{key} {}: {e}", path.display())))?;
    let certs = CertificateDer::pem_slice_iter(&pem)
        .collect::<std::result::Result<Vec<_>, _>>()
        .map_err(|e| Error::usage(format!("{key} {}: {e}", path.display())))?;
    if certs.is_empty() {
        return Err(Error::usage(format!(
            "{key} {}: no PEM certificate in the file",
            path.display()
        )));
    }
    Ok(certs)
}

fn load_identity(
    cert: &std::path::Path,
    key: &std::path::Path,
) -> Result<(
    Vec<CertificateDer<'static>>,
    rustls_pki_types::PrivateKeyDer<'static>,
)> {
    use rustls_pki_types::pem::PemObject;
    let chain = read_pem_certs(cert, "client_cert")?;
    let key = rustls_pki_types::PrivateKeyDer::from_pem_file(key)
        .map_err(|e| Error::usage(format!("client_key {}: {e}", key.display())))?;
    Ok((chain, key))
}

fn platform_roots() -> rustls::RootCertStore {
    let mut roots = rustls::RootCertStore::empty();
    roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
    for cert in rustls_native_certs::load_native_certs().certs {
        let _ = roots.add(cert);
    }
    roots
}

/// Parse `ab:cd:...` or `abcd...` (64 hex digits) into 32 bytes.
pub(crate) fn parse_fingerprint(text: &str) -> Result<[u8; 32]> {
    let hex: String = text
        .trim()
        .trim_start_matches("sha256:")
        .trim_start_matches("SHA256:")
        .chars()
        .filter(|c| *c != ':')
        .collect();
    let bad = || {
        Error::usage(format!(
            "tls_fingerprint '{text}' is not a SHA-256 fingerprint (64 hex digits, colons allowed)"
        ))
    };
    if hex.len() != 64 || !hex.is_ascii() {
        return Err(bad());
    }
    let mut out = [0u8; 32];
    for (i, byte) in out.iter_mut().enumerate() {
        *byte = u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).map_err(|_| bad())?;
    }
    Ok(out)
}

/// Who to trust.
#[derive(Debug)]
enum Trust {
    /// Any certificate (`insecure`).
    Anything,
    /// Any certificate, kept to be shown (`sessions trust`).
    Record(Seen),
    /// Only the certificate whose SHA-256 is this (`tls_fingerprint`).
    Pinned([u8; 32]),
    /// A certificate identical to one in `ca_cert`, or one the roots vouch for by name.
    Roots {
        exact: Vec<CertificateDer<'static>>,
        webpki: Option<Arc<WebPkiServerVerifier>>,
        ca_cert: Option<PathBuf>,
    },
}

/// The one verifier. Whatever it trusts, rustls still checks the handshake signatures, so the
/// peer must hold the key of the certificate it presents: that is why an exact match of a
/// certificate the user gave is as safe as a fingerprint pin.
#[derive(Debug)]
struct Verifier {
    trust: Trust,
    rejections: Rejections,
    provider: Arc<rustls::crypto::CryptoProvider>,
    /// For the warning about an expired pin.
    profile: String,
    log: Log,
}

impl ServerCertVerifier for Verifier {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp: &[u8],
        now: UnixTime,
    ) -> std::result::Result<ServerCertVerified, rustls::Error> {
        match &self.trust {
            Trust::Anything => Ok(ServerCertVerified::assertion()),
            Trust::Record(seen) => {
                if let Ok(mut seen) = seen.lock() {
                    *seen = Some(end_entity.to_vec());
                }
                Ok(ServerCertVerified::assertion())
            }
            Trust::Pinned(pin) if Sha256::digest(end_entity.as_ref()).as_slice() == pin => {
                let now = now.as_secs();
                pin_expiry::warn_if_expired(
                    &self.profile,
                    "tls_fingerprint",
                    end_entity,
                    now,
                    self.log,
                );
                Ok(ServerCertVerified::assertion())
            }
            Trust::Pinned(pin) => {
                self.rejections.record(Rejection::PinChanged {
                    pinned: *pin,
                    presented: end_entity.to_vec(),
                });
                Err(rustls::Error::General(
                    "certificate does not match the pinned tls_fingerprint".into(),
                ))
            }
            Trust::Roots { exact, ca_cert, .. } if exact.iter().any(|c| c == end_entity) => {
                let how = match ca_cert {
                    Some(path) => format!("ca_cert {}", path.display()),
                    None => "ca_cert".to_string(),
                };
                pin_expiry::warn_if_expired(
                    &self.profile,
                    &how,
                    end_entity,
                    now.as_secs(),
                    self.log,
                );
                Ok(ServerCertVerified::assertion())
            }
            Trust::Roots {
                webpki, ca_cert, ..
            } => {
                let verdict = match webpki {
                    Some(v) => {
                        v.verify_server_cert(end_entity, intermediates, server_name, ocsp, now)
                    }
                    None => Err(rustls::Error::InvalidCertificate(
                        rustls::CertificateError::UnknownIssuer,
                    )),
                };
                verdict.inspect_err(|e| {
                    self.rejections.record(Rejection::Untrusted {
                        presented: end_entity.to_vec(),
                        host: server_name.to_str().into_owned(),
                        reason: e.to_string(),
                        issuer_unknown: matches!(
                            e,
                            rustls::Error::InvalidCertificate(
                                rustls::CertificateError::UnknownIssuer
                            )
                        ),
                        ca_cert: ca_cert.clone(),
                    })
                })
            }
        }
    }
    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
        verify_signature(&self.provider, message, cert, dss, false)
    }
    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
        verify_signature(&self.provider, message, cert, dss, true)
    }
    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.provider
            .signature_verification_algorithms
            .supported_schemes()
    }
}

impl Rejection {
    /// The certificate the server presented (DER).
    pub(crate) fn presented(&self) -> &[u8] {
        match self {
            Rejection::PinChanged { presented, .. } | Rejection::Untrusted { presented, .. } => {
                presented
            }
        }
    }

    /// Why it was refused, in plain words.
    pub(crate) fn reasons(&self) -> Vec<String> {
        match self {
            Rejection::PinChanged { pinned, presented } => vec![format!(
                "it has CHANGED since it was pinned (it does not match the pinned tls_fingerprint): \
                 pinned {}, presented {}. This may be a certificate renewal, or someone intercepting \
                 the connection: check with the appliance's administrator",
                hex_colons(pinned),
                format_fingerprint(presented)
            )],
            Rejection::Untrusted {
                presented,
                host,
                reason,
                issuer_unknown,
                ca_cert,
            } => {
                let why = CertInfo::parse(presented).problems(
                    host,
                    ca_cert.as_deref(),
                    *issuer_unknown,
                );
                if why.is_empty() {
                    vec![format!("rustls says: {reason}")]
                } else {
                    why
                }
            }
        }
    }

    /// One line: what is wrong in plain words, what was presented, and the exact fix.
    pub(crate) fn explain(&self, profile: &str) -> String {
        let info = CertInfo::parse(self.presented());
        let fix = match self {
            Rejection::PinChanged { .. } => format!(
                "If the change is expected, run `sessions trust -p {profile}` to pin the new one"
            ),
            Rejection::Untrusted { .. } => format!(
                "To trust exactly this certificate, run `sessions trust -p {profile}`, or add this \
                 line to the profile: tls_fingerprint = \"{}\" (or point ca_cert at the CA that \
                 issued it)",
                info.sha256
            ),
        };
        format!(
            "TLS verification failed: the server's certificate is not trusted: {}. Presented \
             certificate: {}. {fix}",
            self.reasons().join("; "),
            info.summary()
        )
    }
}

/// Where [`capture_config`] leaves the certificate it saw (DER).
pub(crate) type Seen = Arc<Mutex<Option<Vec<u8>>>>;

/// A TLS configuration that records the server's certificate instead of judging it, for
/// `sessions trust` to show. The connection it makes carries no credentials.
pub(crate) fn capture_config() -> Result<(rustls::ClientConfig, Seen)> {
    let seen = Seen::default();
    let verifier = Verifier {
        trust: Trust::Record(seen.clone()),
        rejections: Rejections::default(),
        provider: provider(),
        profile: String::new(),
        log: Log::quiet(),
    };
    let config = rustls::ClientConfig::builder_with_provider(provider())
        .with_safe_default_protocol_versions()
        .map_err(|e| Error::other(format!("TLS setup: {e}")))?
        .dangerous()
        .with_custom_certificate_verifier(Arc::new(verifier))
        .with_no_client_auth();
    Ok((config, seen))
}

/// The handshake signature check: the peer must hold the key.
fn verify_signature(
    provider: &rustls::crypto::CryptoProvider,
    message: &[u8],
    cert: &CertificateDer<'_>,
    dss: &DigitallySignedStruct,
    tls13: bool,
) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
    let algs = &provider.signature_verification_algorithms;
    if tls13 {
        rustls::crypto::verify_tls13_signature(message, cert, dss, algs)
    } else {
        rustls::crypto::verify_tls12_signature(message, cert, dss, algs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aes_128_gcm_comes_first_and_every_suite_is_still_offered() {
        let ours: Vec<_> = provider().cipher_suites.iter().map(|s| s.suite()).collect();
        assert_eq!(ours[0], rustls::CipherSuite::TLS13_AES_128_GCM_SHA256);
        let mut ring: Vec<_> = rustls::crypto::ring::default_provider()
            .cipher_suites
            .iter()
            .map(|s| s.suite())
            .collect();
        let mut sorted = ours.clone();
        sorted.sort_by_key(|s| u16::from(*s));
        ring.sort_by_key(|s| u16::from(*s));
        assert_eq!(sorted, ring);
    }

    #[test]
    fn fingerprint_forms() {
        let hex = "ab".repeat(32);
        assert_eq!(parse_fingerprint(&hex).unwrap(), [0xab; 32]);
        let colons = vec!["AB"; 32].join(":");
        assert_eq!(parse_fingerprint(&colons).unwrap(), [0xab; 32]);
        assert!(parse_fingerprint("abc").is_err());
        assert!(parse_fingerprint(&"é".repeat(32)).is_err());
    }
}
