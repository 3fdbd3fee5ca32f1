//! Mistakes in where a profile points, told in words that say what to do: plain HTTP to a
//! TLS port, and (through the backends' `Recognise`) another vendor's API.

use super::address::redact_url;
use super::response::Response;
use crate::error::Error;

/// A plain `http://` or `ws://` request whose answer is not HTTP (a TLS server's alert, see
/// `failure::Cause::NotHttp`): say so, and which URL to write instead.
pub(crate) fn plain_to_tls(url: &url::Url) -> Error {
    let secure = if url.scheme() == "ws" { "wss" } else { "https" };
    let mut fixed = url.clone();
    let _ = fixed.set_scheme(secure);
    fixed.set_path("");
    fixed.set_query(None);
    Error::usage(format!(
        "the server at {} speaks TLS, not plain {}: write {}",
        url.origin().ascii_serialization(),
        url.scheme(),
        redact_url(&fixed)
    ))
    .with_failure(crate::error::Failure::NotHttp)
}

/// Which other kind of server an error response came from, if it is clearly another
/// vendor's: the backend names the vendors it is not (see `backends::recognise`).
pub(crate) type Recognise = fn(&str, &Response) -> Option<&'static str>;
