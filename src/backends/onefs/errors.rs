//! OneFS's error answers: `{"errors":[{"code":"AEC_…","message":"…","field":"…"}]}`, or an
//! Apache HTML page for some 401s (docs/vendors/onefs.md).

use serde_json::Value;

use crate::error::Error;
use crate::transport::http::{self, Response};

/// The first error of an `errors` array: its code, message and field.
fn first_error(body: &[u8]) -> Option<(String, String, String)> {
    let v: Value = serde_json::from_slice(body).ok()?;
    let first = v.get("errors")?.as_array()?.first()?;
    let text = |k: &str| {
        first
            .get(k)
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string()
    };
    let code = text("code");
    code.starts_with("AEC_")
        .then(|| (code, text("message"), text("field")))
}

/// Whether an error answer is OneFS's: an `errors` array whose first code is `AEC_…`.
pub(super) fn is_onefs(resp: &Response) -> bool {
    first_error(&resp.body).is_some()
}

/// `HTTP 404 Not Found: AEC_NOT_FOUND: Export id 9 does not exist (field id)`, the code kept
/// as data; an HTML page by its title; with the exit code the status deserves.
pub(super) fn vendor_error(resp: &Response) -> Error {
    match first_error(&resp.body) {
        Some((code, message, field)) => {
            let mut text = match message.is_empty() {
                // Dell's Go client does the same: the status says it when the message does not.
                true => format!("{code}: {}", resp.status.canonical_reason().unwrap_or("")),
                false => format!("{code}: {message}"),
            };
            if !field.is_empty() {
                text.push_str(&format!(" (field {field})"));
            }
            http::status_error(resp.status, text).with_code(&code)
        }
        None => http::status_error(resp.status, resp.body_excerpt()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::StatusCode;

    fn resp(status: u16, body: &'static [u8]) -> Response {
        Response {
            status: StatusCode::from_u16(status).unwrap(),
            headers: Default::default(),
            body: bytes::Bytes::from_static(body),
        }
    }

    #[test]
    fn onefs_text_and_code_reach_the_user() {
        let e = vendor_error(&resp(
            404,
            br#"{"errors":[{"code":"AEC_NOT_FOUND","field":"id","message":"Export id 9999999 does not exist"}]}"#,
        ));
        assert_eq!(
            e.message(),
            "HTTP 404 Not Found: AEC_NOT_FOUND: Export id 9999999 does not exist (field id)"
        );
        assert_eq!(e.exit_code(), 5);
        assert_eq!(e.code(), Some("AEC_NOT_FOUND"));
        let e = vendor_error(&resp(
            401,
            br#"{"errors":[{"code":"AEC_UNAUTHORIZED","message":""}]}"#,
        ));
        assert_eq!(e.exit_code(), 3);
        assert_eq!(
            e.message(),
            "HTTP 401 Unauthorized: AEC_UNAUTHORIZED: Unauthorized"
        );
        let html = b"<html><head><title>401 Authorization Required</title></head><body><h1>Authorization Required</h1></body></html>";
        let e = vendor_error(&resp(401, html));
        assert_eq!(e.exit_code(), 3);
        assert!(
            e.message().contains("401 Authorization Required"),
            "{}",
            e.message()
        );
        assert!(!is_onefs(&resp(401, html)));
        assert!(is_onefs(&resp(
            400,
            br#"{"errors":[{"code":"AEC_BAD_REQUEST","message":"Invalid resume token"}]}"#
        )));
        assert!(!is_onefs(&resp(
            400,
            br#"{"errors":[{"code":"E1","message":"x"}]}"#
        )));
    }
}
