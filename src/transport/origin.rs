//! Credentials stay at their origin: every request, next link and redirect must keep the
//! profile's scheme, host and port, and no secret goes in clear to a host that is not
//! loopback. See "Credentials stay at their origin" in the README's Configuration section.

use std::net::{IpAddr, SocketAddr, ToSocketAddrs};

use url::Url;

use crate::error::{Error, Result};
use crate::transport::Log;

/// The profile's origin, and (for plain http/ws) the loopback addresses its host resolved to,
/// which the connection then uses, so a later lookup cannot send it elsewhere.
#[derive(Debug, Clone)]
pub struct Origin {
    scheme: &'static str,
    host: url::Host<String>,
    port: u16,
    pinned: Vec<SocketAddr>,
    /// Plain http/ws to a host that is not loopback (only with `allow_plaintext`).
    in_clear_to_remote: bool,
}

/// `ws` is `http` and `wss` is `https` here: a TrueNAS profile reaches one host over both.
fn web_scheme(scheme: &str) -> Option<&'static str> {
    match scheme {
        "https" | "wss" => Some("https"),
        "http" | "ws" => Some("http"),
        _ => None,
    }
}

impl Origin {
    /// The origin of a profile URL. Plain `http://` or `ws://` is refused (exit 2) unless the
    /// host is loopback after resolution, or the profile says `allow_plaintext = true`.
    pub fn of(url: &Url, allow_plaintext: bool, profile: &str, log: Log) -> Result<Origin> {
        let scheme = web_scheme(url.scheme()).ok_or_else(|| {
            Error::usage(format!(
                "url scheme '{}' is not https (or http for a loopback address)",
                url.scheme()
            ))
        })?;
        let host = url
            .host()
            .ok_or_else(|| Error::usage(format!("url {url} has no host")))?
            .to_owned();
        let port = url.port_or_known_default().unwrap_or(443);
        let mut origin = Origin {
            scheme,
            host,
            port,
            pinned: Vec::new(),
            in_clear_to_remote: false,
        };
        if scheme == "http" {
            match origin.resolve_loopback() {
                Ok(addrs) => origin.pinned = addrs,
                Err(why) if allow_plaintext => {
                    origin.in_clear_to_remote = true;
                    log.warn(&format!(
                        "profile '{profile}' sends credentials in clear over {}:// to {} ({why}), \
                         because it says allow_plaintext = true",
                        url.scheme(),
                        origin.host
                    ))
                }
                Err(why) => {
                    return Err(Error::usage(format!(
                        "refusing to send credentials in clear over {}:// to {}: {why}. Use https://, \
                         or, if this network is trusted, set allow_plaintext = true in profile '{profile}'",
                        url.scheme(),
                        origin.host
                    )))
                }
            }
        }
        Ok(origin)
    }

    /// The host's addresses, when every one of them is loopback; else why not.
    fn resolve_loopback(&self) -> std::result::Result<Vec<SocketAddr>, String> {
        let addrs: Vec<SocketAddr> = match &self.host {
            url::Host::Ipv4(ip) => vec![SocketAddr::new(IpAddr::V4(*ip), self.port)],
            url::Host::Ipv6(ip) => vec![SocketAddr::new(IpAddr::V6(*ip), self.port)],
            url::Host::Domain(d) => (d.as_str(), self.port)
                .to_socket_addrs()
                .map_err(|e| format!("it could not be resolved ({e})"))?
                .collect(),
        };
        if !addrs.is_empty() && addrs.iter().all(|a| a.ip().is_loopback()) {
            Ok(addrs)
        } else {
            Err("it is not a loopback address".to_string())
        }
    }

    /// Whether credentials would cross the network unencrypted (`allow_plaintext`).
    pub fn in_clear_to_remote(&self) -> bool {
        self.in_clear_to_remote
    }

    /// For plain http/ws to a name: the loopback addresses to connect to.
    pub fn pinned_addrs(&self) -> Option<(&str, &[SocketAddr])> {
        match &self.host {
            url::Host::Domain(d) if !self.pinned.is_empty() => Some((d, &self.pinned)),
            _ => None,
        }
    }

    pub fn admits(&self, url: &Url) -> bool {
        web_scheme(url.scheme()) == Some(self.scheme)
            && url.host().map(|h| h.to_owned()).as_ref() == Some(&self.host)
            && url.port_or_known_default() == Some(self.port)
    }

    /// `https://host:port`, for messages.
    pub fn shown(&self) -> String {
        format!("{}://{}:{}", self.scheme, self.host, self.port)
    }

    /// Refuse a URL off the origin (exit 5). `what` says where it came from.
    pub fn check(&self, url: &Url, what: &str) -> Result<()> {
        if self.admits(url) {
            return Ok(());
        }
        Err(Error::server(format!(
            "{what} leads to {}, away from the profile's origin {}; refusing to follow it, so that \
             credentials stay at their origin",
            super::address::redact_url(url),
            self.shown()
        )))
    }

    /// Resolve a link the server sent against the URL of the page it came from, as RFC 3986
    /// says, and keep it only if it stays at the origin.
    pub fn follow(&self, from: &Url, link: &str) -> Result<Url> {
        let url = from.join(link).map_err(|e| {
            Error::server(format!("the server's next link '{link}' is not a URL: {e}"))
        })?;
        self.check(&url, &format!("the server's next link '{link}'"))?;
        Ok(url)
    }

    /// Like [`follow`](Self::follow), but a path-absolute link (`/v1/...`) is joined under the
    /// profile's base, which may carry a reverse proxy's prefix the server does not know about.
    pub fn follow_under(&self, base: &Url, link: &str) -> Result<Url> {
        if link.starts_with('/') && !link.starts_with("//") {
            let url = super::address::join(base, link)?;
            self.check(&url, &format!("the server's next link '{link}'"))?;
            return Ok(url);
        }
        self.follow(base, link)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn u(s: &str) -> Url {
        Url::parse(s).unwrap()
    }

    fn origin(s: &str) -> Origin {
        Origin::of(&u(s), false, "p", Log::quiet()).unwrap()
    }

    #[test]
    fn hostile_links_are_refused_with_the_link_named() {
        let o = origin("https://127.0.0.1:8443");
        let page = u("https://127.0.0.1:8443/api/protocols/cifs/sessions?max_records=2");
        for link in [
            "//127.0.0.2:8443/api/protocols/cifs/sessions",
            "https://127.0.0.3:8443/api/protocols/cifs/sessions",
            "http://127.0.0.1:8443/api/protocols/cifs/sessions",
            "https://127.0.0.1:8444/x",
        ] {
            let e = o.follow(&page, link).unwrap_err();
            assert_eq!(e.exit_code(), 5, "{link}");
            assert!(e.message().contains(link), "{e}");
        }
        // Joined with a URL parser, `@host` is a relative path on the same host.
        let at = o.follow(&page, "@127.0.0.2:8443/api/x").unwrap();
        assert_eq!(at.host_str(), Some("127.0.0.1"));
        assert_eq!(
            o.follow(&page, "/api/protocols/cifs/sessions?start=1")
                .unwrap()
                .as_str(),
            "https://127.0.0.1:8443/api/protocols/cifs/sessions?start=1"
        );
    }

    #[test]
    fn path_links_go_under_the_base_prefix() {
        let o = origin("https://q:8000");
        let base = u("https://q:8000/api");
        assert_eq!(
            o.follow_under(&base, "/v1/smb/sessions/?after=x")
                .unwrap()
                .as_str(),
            "https://q:8000/api/v1/smb/sessions/?after=x"
        );
        assert!(o.follow_under(&base, "//evil/v1/smb/sessions/").is_err());
    }

    #[test]
    fn websocket_and_https_share_an_origin() {
        let o = origin("https://nas");
        assert!(o.admits(&u("wss://nas/api/current")));
        assert!(o.admits(&u("https://nas:443/api/v2.0/auth/sessions")));
        assert!(!o.admits(&u("ws://nas/api/current")));
    }

    #[test]
    fn plaintext_only_to_loopback() {
        assert!(Origin::of(&u("http://127.0.0.1:1"), false, "p", Log::quiet()).is_ok());
        assert!(Origin::of(&u("ws://[::1]:1"), false, "p", Log::quiet()).is_ok());
        let local = Origin::of(&u("http://localhost:1"), false, "p", Log::quiet()).unwrap();
        let (_, addrs) = local.pinned_addrs().unwrap();
        assert!(addrs.iter().all(|a| a.ip().is_loopback()));
        let e = Origin::of(&u("http://192.0.2.1"), false, "p", Log::quiet()).unwrap_err();
        assert_eq!(e.exit_code(), 2);
        assert!(
            e.message()
                .contains("allow_plaintext = true in profile 'p'"),
            "{e}"
        );
        assert!(Origin::of(&u("http://192.0.2.1"), true, "p", Log::quiet())
            .unwrap()
            .in_clear_to_remote());
        assert!(!local.in_clear_to_remote());
        assert!(Origin::of(&u("https://192.0.2.1"), false, "p", Log::quiet()).is_ok());
    }
}
