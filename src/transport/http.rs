//! The one HTTP client builder for every backend: TLS trust (see `tls.rs`), requests kept at
//! the profile's origin (see `origin.rs`), timeouts, bounded retry with backoff, the user
//! agent, and `-v` request logging with secrets redacted.

use std::sync::Arc;
use std::time::{Duration, Instant};

use reqwest::header::{HeaderMap, HeaderValue};
use reqwest::{Method, StatusCode};

use crate::error::{chain, Error, Failure, Result};
use crate::transport::failure;
use crate::transport::origin::Origin;
use crate::transport::tls::Rejections;
use crate::transport::tls::TlsOptions;
use crate::transport::{Limits, Log};

pub(crate) use super::address::{encode, join, redact_url, UNRESERVED};
pub(crate) use super::response::{body_excerpt, Response};
use super::retry::parse_retry_after;
pub(crate) use super::retry::{retryable_status, RateLimiter, RetryPolicy};

pub(crate) const USER_AGENT: &str = concat!("sessions/", env!("CARGO_PKG_VERSION"));

/// An error for a non-success HTTP status, in the one shape every backend says it:
/// `HTTP 404 Not Found: <the vendor's text>`, with the exit code the status deserves:
/// 401/403 refuse authentication (3), a 429 that outlasted the retries is a rate limit that
/// never lifted (4), anything else is the server's error (5).
pub(crate) fn status_error(status: StatusCode, vendor_text: String) -> Error {
    let text = format!("HTTP {status}: {vendor_text}");
    let e = match status.as_u16() {
        401 | 403 => Error::auth(text),
        429 => Error::network(format!("{text} (rate limited; gave up after retrying)")),
        _ => Error::server(text),
    };
    e.with_status(status.as_u16())
}

/// The shared HTTP client of one target.
#[derive(Clone)]
pub struct Client {
    inner: reqwest::Client,
    origin: Arc<Origin>,
    tls: Arc<TlsOptions>,
    rejections: Rejections,
    log: Log,
    limits: Limits,
    pub retry: RetryPolicy,
    /// When set, every attempt (retries included) waits for a slot.
    pub limiter: Option<Arc<RateLimiter>>,
    /// The backend this client speaks for, and how to tell another vendor's error answers.
    recognise: Option<(crate::transport::mistakes::Recognise, String)>,
}

/// Redirects are followed only while they stay at the origin, and at most ten times.
fn redirect_policy(origin: Arc<Origin>) -> reqwest::redirect::Policy {
    reqwest::redirect::Policy::custom(move |attempt| {
        if attempt.previous().len() >= 10 {
            return attempt.error("more than 10 redirects");
        }
        match origin.check(attempt.url(), &format!("a redirect to '{}'", attempt.url())) {
            Ok(()) => attempt.follow(),
            Err(e) => attempt.error(e),
        }
    })
}

/// The part of a client that may outlive one run of its target: reqwest's connection pool
/// (with the TLS configuration its connections use) and where its verifier leaves refusals.
/// A target listed again and again (`--watch`, the exporter) keeps it, so its connection
/// stays open between runs instead of a TCP and TLS handshake each time.
#[derive(Clone)]
pub(crate) struct Pool {
    inner: reqwest::Client,
    rejections: Rejections,
}

impl Pool {
    /// Connections to `origin` with `tls`'s trust, each request within `request_timeout`.
    pub(crate) fn new(
        origin: &Arc<Origin>,
        tls: &TlsOptions,
        request_timeout: Duration,
        log: Log,
    ) -> Result<Pool> {
        let mut headers = HeaderMap::new();
        headers.insert(
            reqwest::header::ACCEPT,
            HeaderValue::from_static("application/json"),
        );
        let (config, rejections) = crate::transport::tls::client_config(tls, log)?;
        let mut builder = reqwest::Client::builder()
            .use_preconfigured_tls(config)
            .user_agent(USER_AGENT)
            .default_headers(headers)
            .redirect(redirect_policy(origin.clone()))
            .dns_resolver(Arc::new(crate::transport::failure::Resolver))
            .connect_timeout(request_timeout)
            .timeout(request_timeout)
            .pool_idle_timeout(Duration::from_secs(30));
        if let Some((host, addrs)) = origin.pinned_addrs() {
            builder = builder.resolve_to_addrs(host, addrs);
        }
        let inner = builder
            .build()
            .map_err(|e| Error::other(format!("HTTP client setup: {}", chain(&e))))?;
        Ok(Pool { inner, rejections })
    }
}

impl Client {
    pub fn new(origin: Origin, tls: &TlsOptions, limits: Limits, log: Log) -> Result<Client> {
        let origin = Arc::new(origin);
        let pool = Pool::new(&origin, tls, limits.request_timeout, log)?;
        Ok(Client::on(pool, origin, tls, limits, log))
    }

    /// A client for one run over `pool`, which was made for the same origin and trust.
    pub(crate) fn on(
        pool: Pool,
        origin: Arc<Origin>,
        tls: &TlsOptions,
        limits: Limits,
        log: Log,
    ) -> Client {
        Client {
            inner: pool.inner,
            origin,
            tls: Arc::new(tls.clone()),
            rejections: pool.rejections,
            log,
            limits,
            retry: RetryPolicy::default(),
            limiter: None,
            recognise: None,
        }
    }

    /// Turn an error answer that clearly comes from another vendor's API into a message
    /// that says so, instead of that vendor's 401 or 404.
    pub fn recognising(
        mut self,
        recognise: Option<crate::transport::mistakes::Recognise>,
        backend: &str,
    ) -> Client {
        self.recognise = recognise.map(|r| (r, backend.to_string()));
        self
    }

    /// Where this client may send requests.
    pub fn origin(&self) -> &Origin {
        &self.origin
    }

    pub fn request(&self, method: Method, url: url::Url) -> reqwest::RequestBuilder {
        self.inner.request(method, url)
    }

    /// Send a request, retrying idempotent ones on connection errors, 429, 502, 503 and 504.
    /// Any final status comes back as `Ok`: the backend turns vendor errors into messages.
    ///
    /// The exchange runs as its own task, so the download of the next page goes on (on the
    /// other core) while the caller is still parsing and printing the current one.
    pub async fn send(&self, builder: reqwest::RequestBuilder) -> Result<Response> {
        let request = builder
            .build()
            .map_err(|e| Error::other(format!("bad request: {}", chain(&e))))?;
        self.origin
            .check(request.url(), &format!("a request to '{}'", request.url()))?;
        let origin = request.url().origin().ascii_serialization();
        let this = self.clone();
        let resp = tokio::spawn(async move { this.exchange(request).await })
            .await
            .map_err(|e| Error::other(format!("request task failed: {e}")))??;
        crate::progress::request();
        if let Some((recognise, backend)) = &self.recognise {
            if resp.status.as_u16() >= 400 {
                if let Some(what) = recognise(backend, &resp) {
                    return Err(Error::usage(format!(
                        "the server at {origin} answered like {what}; is this profile's backend right?"
                    )));
                }
            }
        }
        Ok(resp)
    }

    async fn exchange(&self, request: reqwest::Request) -> Result<Response> {
        let idempotent = matches!(
            *request.method(),
            Method::GET | Method::HEAD | Method::PUT | Method::DELETE
        );
        let mut attempt = 0u32;
        loop {
            let this = request.try_clone().expect("requests have in-memory bodies");
            let method = this.method().clone();
            if let Some(limiter) = &self.limiter {
                limiter.acquire().await;
            }
            let shown = redact_url(this.url());
            self.log(format_args!("> {method} {shown}"));
            let t0 = Instant::now();
            let outcome = self.attempt(this).await;
            let ms = t0.elapsed().as_millis();
            let (retryable, retry_after, failure) = match &outcome {
                Ok(r) => {
                    self.log(format_args!(
                        "< {} ({ms} ms, {} bytes)",
                        r.status,
                        r.body.len()
                    ));
                    (
                        retryable_status(r.status.as_u16()),
                        parse_retry_after(&r.headers),
                        None,
                    )
                }
                Err((e, retryable)) => {
                    self.log(format_args!("< error after {ms} ms: {e}"));
                    (*retryable, None, Some(e.clone()))
                }
            };
            let wait = self.retry.wait(attempt, retry_after);
            let can_retry = idempotent
                && retryable
                && attempt < self.retry.max_retries
                && self.limits.can_wait(wait);
            if !can_retry {
                return match (outcome, failure) {
                    (Ok(r), _) => Ok(r),
                    (Err(_), Some(e)) => Err(e),
                    (Err((e, _)), None) => Err(e),
                };
            }
            self.log(format_args!(
                "  retrying in {} (attempt {} of {})",
                humantime::format_duration(round_ms(wait)),
                attempt + 2,
                self.retry.max_retries + 1
            ));
            tokio::time::sleep(wait).await;
            attempt += 1;
        }
    }

    /// One try. The error says whether trying again could help: only a connection the server
    /// reset or closed mid-answer may. A refused connection, a timeout, a certificate problem,
    /// an oversized body or a request we could not even send will not.
    async fn attempt(
        &self,
        request: reqwest::Request,
    ) -> std::result::Result<Response, (Error, bool)> {
        let mut resp = self.inner.execute(request).await.map_err(|e| {
            if let Some(refused) = self.rejections.take_error(&self.tls) {
                return (refused, false);
            }
            let retryable = is_reset(&e);
            (self.transport_error(e), retryable)
        })?;
        let status = resp.status();
        let headers = resp.headers().clone();
        let expected = resp.content_length();
        let limit = self.limits.max_body;
        if expected.is_some_and(|n| n > limit as u64) {
            return Err((self.limits.too_large("the response body"), false));
        }
        let mut body = bytes::BytesMut::with_capacity(expected.unwrap_or(0) as usize);
        loop {
            match resp.chunk().await {
                Ok(Some(chunk)) => {
                    if body.len() + chunk.len() > limit {
                        return Err((self.limits.too_large("the response body"), false));
                    }
                    body.extend_from_slice(&chunk);
                }
                Ok(None) => break,
                Err(e) => {
                    let detail = match expected {
                        Some(n) => format!("response body cut short ({} of {n} bytes)", body.len()),
                        None => format!("response body cut short after {} bytes", body.len()),
                    };
                    return Err(if e.is_timeout() {
                        let what = format!("reading the response body ({detail})");
                        (self.limits.request_timed_out(&what), false)
                    } else {
                        let why = match failure::cause(&e) {
                            Some(failure::Cause::Io(kind, _)) => kind.to_string(),
                            _ => "the connection broke".to_string(),
                        };
                        let e = Error::network(format!("{detail}: {why}"));
                        (e.with_failure(Failure::Closed), true)
                    });
                }
            }
        }
        Ok(Response {
            status,
            headers,
            body: body.freeze(),
        })
    }

    pub fn log(&self, args: std::fmt::Arguments<'_>) {
        self.log.verbose(args);
    }
}

fn round_ms(d: Duration) -> Duration {
    Duration::from_millis(d.as_millis() as u64)
}

impl Client {
    /// A transport failure in the one sentence every backend and transport says (see
    /// `failure.rs`), read from the error's types.
    fn transport_error(&self, e: reqwest::Error) -> Error {
        let url = e.url().cloned();
        let host_port = url.as_ref().map(failure::host_port).unwrap_or_default();
        // Our own refusal (a redirect off the origin) travels inside reqwest's error.
        let mut source = std::error::Error::source(&e);
        while let Some(err) = source {
            if let Some(ours) = err.downcast_ref::<Error>() {
                return Error::server(ours.message());
            }
            source = err.source();
        }
        if e.is_timeout() {
            return self
                .limits
                .request_timed_out(&format!("a request to {host_port}"));
        }
        match (failure::cause(&e), url) {
            (Some(failure::Cause::NotHttp), Some(url)) if url.scheme() == "http" => {
                crate::transport::mistakes::plain_to_tls(&url)
            }
            (Some(cause), _) => failure::sentence(&cause, &host_port),
            (None, _) if e.is_redirect() => Error::server(chain(&e)),
            (None, _) => Error::network(format!(
                "cannot connect to {host_port}: {}",
                failure::root(&e)
            ))
            .with_failure(Failure::Connect(std::io::ErrorKind::Other)),
        }
    }
}

/// A connection the server reset or closed before the answer was complete: the one transport
/// failure that a second try can cure (an appliance restarting its web server, a proxy
/// recycling a connection).
fn is_reset(e: &reqwest::Error) -> bool {
    if e.is_timeout() || e.is_redirect() || e.is_builder() || e.is_connect() {
        return false;
    }
    let mut source = std::error::Error::source(e);
    while let Some(err) = source {
        if let Some(io) = err.downcast_ref::<std::io::Error>() {
            use std::io::ErrorKind::*;
            return matches!(
                io.kind(),
                ConnectionReset | ConnectionAborted | BrokenPipe | UnexpectedEof
            );
        }
        if let Some(h) = err.downcast_ref::<hyper::Error>() {
            if h.is_incomplete_message() || h.is_canceled() {
                return true;
            }
        }
        source = err.source();
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn join_keeps_prefix() {
        let base = url::Url::parse("https://h:8000/api").unwrap();
        assert_eq!(
            join(&base, "/v1/smb/sessions/?after=x&limit=2")
                .unwrap()
                .as_str(),
            "https://h:8000/api/v1/smb/sessions/?after=x&limit=2"
        );
        let base = url::Url::parse("https://h:8000/").unwrap();
        assert_eq!(
            join(&base, "/v1/x").unwrap().as_str(),
            "https://h:8000/v1/x"
        );
    }

    #[test]
    fn html_excerpt_is_title() {
        assert_eq!(
            body_excerpt(b"<html><head><title>502 Bad Gateway</title></head><body>x</body></html>"),
            "HTML page: 502 Bad Gateway"
        );
    }

    #[test]
    fn redacts_userinfo() {
        let u = url::Url::parse("https://admin:secret@h:8000/api").unwrap();
        assert_eq!(redact_url(&u), "https://h:8000/api");
    }
}
