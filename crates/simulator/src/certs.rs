//! The certificates of one simulator run: a run CA, the server's certificate in the shape
//! `--tls` asks for (imitating what appliances really ship), and a client certificate for
//! ONTAP's certificate login. The client certificate is always signed by the run CA, whatever
//! the server's shape, and the server trusts that CA for client certificates.

use std::net::IpAddr;
use std::sync::Arc;

use rcgen::{
    BasicConstraints, Certificate, CertificateParams, DnType, ExtendedKeyUsagePurpose, IsCa,
    Issuer, KeyPair, KeyUsagePurpose,
};

use crate::error::{Error, Result};

/// How the server certificate is made (`sessions simulate --tls`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum TlsShape {
    /// A run CA signs a leaf for localhost, 127.0.0.1 and ::1; ca.pem is the CA
    #[default]
    CaSigned,
    /// A self-signed leaf without BasicConstraints; ca.pem is the leaf
    SelfSigned,
    /// Self-signed with CA:TRUE, as `openssl req -x509` makes it; ca.pem is the leaf
    SelfSignedCa,
    /// TrueNAS's default: self-signed, CN and SAN localhost only; ca.pem is the leaf
    LocalhostOnly,
    /// Older ONTAP's default: self-signed, CN = the bind address, no SAN; ca.pem is the leaf
    CnOnly,
    /// Like ca-signed, but it expired yesterday; ca.pem is the CA
    Expired,
}

impl TlsShape {
    /// Whether the run CA signs the server certificate (else it signs itself).
    fn ca_signed(self) -> bool {
        matches!(self, TlsShape::CaSigned | TlsShape::Expired)
    }
}

/// The certificates and TLS settings of one simulator run.
pub struct RunCert {
    /// What a user is given to trust: the run CA, or the server certificate itself.
    pub trust_pem: String,
    /// The certificate the server presents.
    pub server_pem: String,
    pub leaf_der: Vec<u8>,
    /// A client certificate (CN `admin`) for ONTAP's certificate authentication.
    pub client_pem: String,
    pub client_key_pem: String,
    pub client_der: Vec<u8>,
    pub server_config: Arc<rustls::ServerConfig>,
}

/// A certificate's SHA-256 as `tls_fingerprint` takes it: upper-case hex pairs joined by `:`.
pub(crate) fn fingerprint(der: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    let hex: Vec<String> = Sha256::digest(der)
        .iter()
        .map(|b| format!("{b:02X}"))
        .collect();
    hex.join(":")
}

fn fail(e: rcgen::Error) -> Error {
    Error::other(format!("simulator certificate: {e}"))
}

fn tls_fail(e: rustls::Error) -> Error {
    Error::other(format!("simulator TLS: {e}"))
}

/// Make the run's certificates; `bind` is the CN of the `cn-only` shape.
pub(crate) fn make(shape: TlsShape, bind: IpAddr) -> Result<RunCert> {
    let (ca_cert, ca) = run_ca()?;
    let leaf_key = KeyPair::generate().map_err(fail)?;
    let params = leaf_params(shape, bind)?;
    let leaf = if shape.ca_signed() {
        params.signed_by(&leaf_key, &ca)
    } else {
        params.self_signed(&leaf_key)
    }
    .map_err(fail)?;
    let trust_pem = if shape.ca_signed() {
        ca_cert.pem()
    } else {
        leaf.pem()
    };
    let (client, client_key) = client_cert(&ca)?;
    let server_config = server_config(&ca_cert, &leaf, &leaf_key)?;
    Ok(RunCert {
        trust_pem,
        server_pem: leaf.pem(),
        leaf_der: leaf.der().to_vec(),
        client_pem: client.pem(),
        client_key_pem: client_key.serialize_pem(),
        client_der: client.der().to_vec(),
        server_config,
    })
}

fn run_ca() -> Result<(Certificate, Issuer<'static, KeyPair>)> {
    let mut params = CertificateParams::new(Vec::<String>::new()).map_err(fail)?;
    params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    params
        .distinguished_name
        .push(DnType::CommonName, "sessions simulator CA");
    params.key_usages = vec![
        KeyUsagePurpose::KeyCertSign,
        KeyUsagePurpose::DigitalSignature,
    ];
    let key = KeyPair::generate().map_err(fail)?;
    let cert = params.self_signed(&key).map_err(fail)?;
    Ok((cert, Issuer::new(params, key)))
}

/// The server certificate's subject, SANs, CA flag and validity for a shape.
/// rcgen's default `IsCa::NoCa` emits no BasicConstraints, and empty SANs emit no SAN
/// extension, which is what the appliance shapes need.
fn leaf_params(shape: TlsShape, bind: IpAddr) -> Result<CertificateParams> {
    let loopback = || vec!["localhost".into(), "127.0.0.1".into(), "::1".into()];
    let (sans, cn): (Vec<String>, String) = match shape {
        TlsShape::LocalhostOnly => (vec!["localhost".into()], "localhost".into()),
        TlsShape::CnOnly => (Vec::new(), bind.to_string()),
        _ => (loopback(), "sessions simulator".into()),
    };
    let mut params = CertificateParams::new(sans).map_err(fail)?;
    params.distinguished_name.push(DnType::CommonName, cn);
    match shape {
        TlsShape::SelfSignedCa => params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained),
        TlsShape::LocalhostOnly => {
            params.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth]
        }
        TlsShape::Expired => {
            let now = time::OffsetDateTime::now_utc();
            params.not_before = now - time::Duration::days(730);
            params.not_after = now - time::Duration::days(1);
        }
        TlsShape::CaSigned | TlsShape::SelfSigned | TlsShape::CnOnly => {}
    }
    Ok(params)
}

fn client_cert(ca: &Issuer<'static, KeyPair>) -> Result<(Certificate, KeyPair)> {
    let mut params = CertificateParams::new(Vec::<String>::new()).map_err(fail)?;
    params.distinguished_name.push(DnType::CommonName, "admin");
    params.extended_key_usages = vec![ExtendedKeyUsagePurpose::ClientAuth];
    let key = KeyPair::generate().map_err(fail)?;
    let cert = params.signed_by(&key, ca).map_err(fail)?;
    Ok((cert, key))
}

/// TLS for the listeners: present `leaf`, and accept (optionally) client certificates that
/// the run CA signed.
fn server_config(
    ca_cert: &Certificate,
    leaf: &Certificate,
    leaf_key: &KeyPair,
) -> Result<Arc<rustls::ServerConfig>> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let mut roots = rustls::RootCertStore::empty();
    roots.add(ca_cert.der().clone()).map_err(tls_fail)?;
    // A client certificate is optional: only ONTAP's cert-auth account uses one.
    let client_verifier = rustls::server::WebPkiClientVerifier::builder_with_provider(
        Arc::new(roots),
        provider.clone(),
    )
    .allow_unauthenticated()
    .build()
    .map_err(|e| Error::other(format!("simulator TLS: {e}")))?;
    let key = rustls::pki_types::PrivateKeyDer::try_from(leaf_key.serialize_der())
        .map_err(|e| Error::other(format!("simulator key: {e}")))?;
    let config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(tls_fail)?
        .with_client_cert_verifier(client_verifier)
        .with_single_cert(vec![leaf.der().clone()], key)
        .map_err(tls_fail)?;
    Ok(Arc::new(config))
}

#[cfg(test)]
mod tests {
    use super::*;
    use x509_parser::extensions::GeneralName;
    use x509_parser::prelude::{FromDer, X509Certificate};

    const LOCAL: IpAddr = IpAddr::V4(std::net::Ipv4Addr::LOCALHOST);

    fn pem_der(pem: &str) -> Vec<u8> {
        let (_, p) = x509_parser::pem::parse_x509_pem(pem.as_bytes()).unwrap();
        p.contents
    }

    /// (BasicConstraints CA flag if present, SAN entries as text if present, CN, self-signed).
    fn facts(der: &[u8]) -> (Option<bool>, Option<Vec<String>>, String, bool) {
        let (_, c) = X509Certificate::from_der(der).unwrap();
        let ca = c.basic_constraints().unwrap().map(|b| b.value.ca);
        let sans = c.subject_alternative_name().unwrap().map(|s| {
            s.value
                .general_names
                .iter()
                .map(|n| match n {
                    GeneralName::DNSName(d) => format!("DNS:{d}"),
                    GeneralName::IPAddress(ip) => format!("IP:{ip:?}"),
                    other => format!("{other:?}"),
                })
                .collect()
        });
        let cn = c
            .subject()
            .iter_common_name()
            .next()
            .and_then(|a| a.as_str().ok())
            .unwrap()
            .to_string();
        (ca, sans, cn, c.issuer() == c.subject())
    }

    fn loopback_sans() -> Option<Vec<String>> {
        Some(vec![
            "DNS:localhost".into(),
            "IP:[127, 0, 0, 1]".into(),
            format!("IP:{:?}", std::net::Ipv6Addr::LOCALHOST.octets()),
        ])
    }

    #[test]
    fn ca_signed_leaf_is_signed_by_the_ca_the_user_gets() {
        let c = make(TlsShape::CaSigned, LOCAL).unwrap();
        let (ca, sans, _, self_signed) = facts(&c.leaf_der);
        assert_eq!((ca, sans, self_signed), (None, loopback_sans(), false));
        let trust = pem_der(&c.trust_pem);
        assert_eq!(facts(&trust).0, Some(true));
        let (_, leaf) = X509Certificate::from_der(&c.leaf_der).unwrap();
        let (_, root) = X509Certificate::from_der(&trust).unwrap();
        assert_eq!(leaf.issuer(), root.subject());
    }

    #[test]
    fn self_signed_has_no_basic_constraints() {
        let c = make(TlsShape::SelfSigned, LOCAL).unwrap();
        let (ca, sans, _, self_signed) = facts(&c.leaf_der);
        assert_eq!((ca, sans, self_signed), (None, loopback_sans(), true));
        assert_eq!(pem_der(&c.trust_pem), c.leaf_der);
    }

    #[test]
    fn self_signed_ca_carries_the_ca_flag() {
        let c = make(TlsShape::SelfSignedCa, LOCAL).unwrap();
        let (ca, sans, _, self_signed) = facts(&c.leaf_der);
        assert_eq!((ca, sans, self_signed), (Some(true), loopback_sans(), true));
        assert_eq!(pem_der(&c.trust_pem), c.leaf_der);
    }

    #[test]
    fn localhost_only_names_localhost_alone() {
        let c = make(TlsShape::LocalhostOnly, LOCAL).unwrap();
        let facts = facts(&c.leaf_der);
        let want = (
            None,
            Some(vec!["DNS:localhost".into()]),
            "localhost".into(),
            true,
        );
        assert_eq!(facts, want);
        assert_eq!(pem_der(&c.trust_pem), c.leaf_der);
    }

    #[test]
    fn cn_only_has_no_san_extension() {
        let c = make(TlsShape::CnOnly, LOCAL).unwrap();
        assert_eq!(facts(&c.leaf_der), (None, None, "127.0.0.1".into(), true));
        let v6 = make(TlsShape::CnOnly, IpAddr::V6(std::net::Ipv6Addr::LOCALHOST)).unwrap();
        assert_eq!(facts(&v6.leaf_der).2, "::1");
        assert_eq!(pem_der(&c.trust_pem), c.leaf_der);
    }

    #[test]
    fn expired_is_ca_signed_and_in_the_past() {
        let c = make(TlsShape::Expired, LOCAL).unwrap();
        let (ca, sans, _, self_signed) = facts(&c.leaf_der);
        assert_eq!((ca, sans, self_signed), (None, loopback_sans(), false));
        let (_, leaf) = X509Certificate::from_der(&c.leaf_der).unwrap();
        let now = time::OffsetDateTime::now_utc();
        let validity = leaf.validity();
        assert!(validity.not_after.to_datetime() < now);
        assert!(validity.not_before.to_datetime() < now - time::Duration::days(365));
        assert_eq!(facts(&pem_der(&c.trust_pem)).0, Some(true));
    }

    #[test]
    fn client_certificate_is_always_ca_signed() {
        for shape in [TlsShape::CaSigned, TlsShape::CnOnly, TlsShape::SelfSignedCa] {
            let c = make(shape, LOCAL).unwrap();
            let (_, client) = X509Certificate::from_der(&c.client_der).unwrap();
            assert_eq!(facts(&c.client_der).2, "admin");
            assert_ne!(client.issuer(), client.subject());
        }
    }
}
