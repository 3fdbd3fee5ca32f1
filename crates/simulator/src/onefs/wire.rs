//! OneFS's error bodies: `{"errors":[{"code":"AEC_…","message":"…"}]}` with the statuses the
//! platform API pairs them with (docs/vendors/onefs.md, "Errors").

use serde_json::json;

use crate::server::SimResponse;

/// An error body with one error.
pub(super) fn error(status: u16, code: &str, message: &str) -> SimResponse {
    SimResponse::json(
        status,
        &json!({ "errors": [{ "code": code, "message": message }] }),
    )
}

/// An error body naming the query argument or field it is about.
pub(super) fn field_error(status: u16, code: &str, field: &str, message: &str) -> SimResponse {
    SimResponse::json(
        status,
        &json!({ "errors": [{ "code": code, "field": field, "message": message }] }),
    )
}

pub(super) fn bad_request(message: &str) -> SimResponse {
    error(400, "AEC_BAD_REQUEST", message)
}

pub(super) fn not_found(message: &str) -> SimResponse {
    error(404, "AEC_NOT_FOUND", message)
}

pub(super) fn unauthorized(message: &str) -> SimResponse {
    error(401, "AEC_UNAUTHORIZED", message)
}

/// The code OneFS gives a status, for the faults' errors. No Dell source lists one for 429,
/// 502 or 504; those answer as the service being unavailable.
pub(super) fn code_for(status: u16) -> &'static str {
    match status {
        400 => "AEC_BAD_REQUEST",
        401 => "AEC_UNAUTHORIZED",
        403 => "AEC_FORBIDDEN",
        404 => "AEC_NOT_FOUND",
        405 => "AEC_METHOD_NOT_ALLOWED",
        409 => "AEC_CONFLICT",
        429 | 502..=504 => "AEC_SERVICE_UNAVAILABLE",
        _ => "AEC_SYSTEM_INTERNAL_ERROR",
    }
}
