//! The HTTP answers of the faults `server.rs` injects into data requests: vendor errors with
//! each status, proxy pages, broken bodies and connections, and pages bent by `page_faults.rs`.

use std::sync::atomic::AtomicBool;
use std::sync::Arc;
use std::time::Duration;

use hyper::StatusCode;

use super::api::{cut, to_hyper, SimBody, SimRequest, SimResponse, VendorApi};
use super::faults::{FaultKind, Scope, CONTROL_ERROR};
use super::page_faults::bend_body;

/// A proxy's 502 page (nginx).
const BAD_GATEWAY_PAGE: &str = "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>";
/// A page with status 200 where the API should be: a maintenance or portal page.
const MAINTENANCE_PAGE: &str = "<!DOCTYPE html><html><head><title>Down for maintenance</title></head><body><h1>Down for maintenance</h1><p>Please try again later.</p></body></html>";

pub(crate) async fn fault_response(
    kind: FaultKind,
    req: &SimRequest,
    api: &dyn VendorApi,
    reset: &Arc<AtomicBool>,
) -> hyper::Response<SimBody> {
    let error = |status: u16, text: &str| to_hyper(api.error(status, text));
    match kind {
        FaultKind::RateLimit => {
            let mut r = api.error(429, "Too many requests; slow down");
            r.headers.push(("retry-after", "1".to_string()));
            to_hyper(r)
        }
        FaultKind::RateLimitBare => error(429, "Too many requests; slow down"),
        FaultKind::ServerError => error(500, "Internal error (injected fault)"),
        FaultKind::ControlError => error(500, CONTROL_ERROR),
        FaultKind::BadGateway => error(502, "Bad gateway (injected fault)"),
        FaultKind::Unavailable => error(503, "Service unavailable (injected fault)"),
        FaultKind::GatewayTimeout => error(504, "Gateway timeout (injected fault)"),
        FaultKind::Html => to_hyper(SimResponse::raw(502, "text/html", BAD_GATEWAY_PAGE)),
        FaultKind::Html200 => to_hyper(SimResponse::raw(200, "text/html", MAINTENANCE_PAGE)),
        FaultKind::InvalidJson => to_hyper(SimResponse::raw(
            200,
            "application/json",
            "{\"items\": [{\"id\": \"1\", ",
        )),
        FaultKind::Truncated => cut(api.handle(req), Duration::from_millis(50), None),
        FaultKind::Reset => cut(
            api.handle(req),
            Duration::from_millis(50),
            Some(reset.clone()),
        ),
        FaultKind::SlowBody => cut(api.handle(req), Duration::from_secs(3600), None),
        FaultKind::Slow => {
            tokio::time::sleep(Duration::from_secs(3600)).await;
            to_hyper(api.handle(req))
        }
        _ if kind.scope() == Scope::Page => {
            let mut r = api.handle(req);
            if r.status == StatusCode::OK {
                if let Some(body) = bend_body(kind, &r.body, &api.page_shape()) {
                    r.body = body.into();
                }
            }
            to_hyper(r)
        }
        _ => to_hyper(api.handle(req)),
    }
}
