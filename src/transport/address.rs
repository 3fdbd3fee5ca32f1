//! URLs as requests use them (joined onto a base, percent-encoded) and as messages print
//! them (without user info).

use crate::error::{Error, Result};

/// A URL fit to print: user info (which could hold a password) is removed.
pub(crate) fn redact_url(url: &url::Url) -> String {
    let mut u = url.clone();
    if !u.username().is_empty() || u.password().is_some() {
        let _ = u.set_username("");
        let _ = u.set_password(None);
    }
    let s = u.to_string();
    // `https://h:8000/` reads better as `https://h:8000` in messages.
    if u.path() == "/" && u.query().is_none() {
        s.trim_end_matches('/').to_string()
    } else {
        s
    }
}

/// Everything but RFC 3986's unreserved characters is percent-encoded in query values and path
/// segments (so `local:bob smith` goes as `local%3Abob%20smith`, and UUIDs stay readable).
pub(crate) const UNRESERVED: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// Percent-encode a query value or path segment.
pub(crate) fn encode(s: &str) -> String {
    percent_encoding::utf8_percent_encode(s, UNRESERVED).to_string()
}

/// Join a vendor path (with query) onto a base URL that may carry a path prefix such as
/// `https://host/api`.
pub(crate) fn join(base: &url::Url, path_and_query: &str) -> Result<url::Url> {
    let root = base.as_str().trim_end_matches('/');
    let rel = if path_and_query.starts_with('/') {
        path_and_query.to_string()
    } else {
        format!("/{path_and_query}")
    };
    url::Url::parse(&format!("{root}{rel}"))
        .map_err(|e| Error::server(format!("bad link '{path_and_query}' from server: {e}")))
}
