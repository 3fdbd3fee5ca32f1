//! A complete HTTP response, and its body as error messages quote it.

use bytes::Bytes;
use reqwest::header::HeaderMap;
use reqwest::StatusCode;

/// A complete response: status, headers and the whole body.
#[derive(Debug)]
pub struct Response {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Bytes,
}

impl Response {
    /// The body as text, trimmed to one line for error messages. HTML error pages from
    /// proxies are reduced to their `<title>`.
    pub fn body_excerpt(&self) -> String {
        body_excerpt(&self.body)
    }
}

pub(crate) fn body_excerpt(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    let text = text.trim();
    let lower = text.to_ascii_lowercase();
    if lower.starts_with("<!doctype html") || lower.starts_with("<html") {
        if let (Some(a), Some(b)) = (lower.find("<title>"), lower.find("</title>")) {
            if a + 7 <= b {
                return format!("HTML page: {}", text[a + 7..b].trim());
            }
        }
        return "an HTML page".to_string();
    }
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() > 200 {
        format!("{}...", one_line.chars().take(200).collect::<String>())
    } else if one_line.is_empty() {
        "empty body".to_string()
    } else {
        one_line
    }
}
