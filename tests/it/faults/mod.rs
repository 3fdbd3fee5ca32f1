//! The fault matrix (issue 13): every fault of `sessions simulate --fault` against every
//! backend it applies to, each cell its own test. A cell asserts the exit code, one stderr
//! line naming the profile, the URL and the cause, stdout under the output contract
//! (complete JSON, nothing, or JSON left unterminated), and that the run ended by its
//! `--timeout`, the one deadline of the whole run. `tls.rs` has the certificate cells,
//! `signals.rs` SIGINT and SIGPIPE. TrueNAS answers `auth.sessions` in one call, so the
//! paging faults have no cell there; the frame faults are TrueNAS's alone.
//!
//! A cell marked `#[ignore = "client: ..."]` waits for the client to meet the contract.

mod cell;
mod signals;
mod tls;

use cell::{escaped, fails, ok, Expect, HUGE};

/// `name "FAULTS" { backend => expectation, ... }`: a module per fault, a test per backend.
macro_rules! matrix {
    ($( $name:ident $faults:literal { $( $(#[$attr:meta])* $backend:ident => $expect:expr ),* $(,)? } )*) => {
        $(
            mod $name {
                #[allow(unused_imports)]
                use super::*;
                $(
                    $(#[$attr])*
                    #[test]
                    fn $backend() {
                        let expect: Expect = $expect;
                        super::cell::check(stringify!($backend), $faults, expect);
                    }
                )*
            }
        )*
    };
}

const RATE_LIMITED: &[&str] = &["429", "rate limit"];
const INJECTED: &[&str] = &["Internal error (injected fault)"];
/// Which limit fired: the run's `--timeout` (each cell runs with one shorter than the request
/// timeout).
const TIMED_OUT: &[&str] = &["timed out: the run took longer than its timeout of"];
const CLOSED: &[&str] = &["closed the connection"];
/// A page without its list, or with something else there, and what the client names it.
const NO_LIST: &[&str] = &[
    "no session list",
    "has no session_infos",
    "instead of a list",
    "is not a list",
    "expected a sequence",
];
/// The documented nesting limit, as the client words it.
const TOO_DEEP: &[&str] = &["nested deeper than 128", "nested 128 levels deep"];
const BAD_UTF8: &[&str] = &["UTF-8", "invalid unicode"];

fn huge_number_exact(_: &str, _: &crate::common::Sim, run: &crate::common::Run) {
    assert!(run.stdout.contains(HUGE), "{}", run.stdout);
    assert!(!run.stdout.contains("e+23"), "{}", run.stdout);
}

/// The JSON escapes the control characters; a table shows them escaped.
fn control_chars_escaped(backend: &str, sim: &crate::common::Sim, run: &crate::common::Run) {
    assert!(run.stdout.contains(r"\u001b"), "{}", run.stdout);
    assert!(run.stdout.contains(r"\u0007"), "{}", run.stdout);
    let table = cell::run_client(backend, sim, &ok().args(&["-o", "table"])).0;
    assert_eq!(table.code, 0, "-o table: {}", table.stderr);
    escaped(&table.stdout, &format!("{backend} -o table"));
}

fn control_error_escaped(backend: &str, _: &crate::common::Sim, run: &crate::common::Run) {
    escaped(&run.stderr, &format!("{backend} stderr"));
}

matrix! {
    rate_limit_once "429:1" {
        smb => ok(), cifs => ok(), auth => ok(), opal => ok(),
    }
    rate_limit_always "429" {
        smb => fails(4, RATE_LIMITED),
        cifs => fails(4, RATE_LIMITED),
        auth => fails(4, RATE_LIMITED),
        opal => fails(4, RATE_LIMITED),
    }
    rate_limit_bare_once "429-bare:1" {
        smb => ok(), cifs => ok(), auth => ok(), opal => ok(),
    }
    rate_limit_bare_always "429-bare" {
        smb => fails(4, RATE_LIMITED),
        cifs => fails(4, RATE_LIMITED),
        auth => fails(4, RATE_LIMITED),
        opal => fails(4, RATE_LIMITED),
    }
    server_error "500" {
        smb => fails(5, INJECTED), cifs => fails(5, INJECTED),
        auth => fails(5, INJECTED), opal => fails(5, INJECTED),
    }
    bad_gateway_once "502:1" {
        smb => ok(), cifs => ok(), auth => ok(), opal => ok(),
    }
    bad_gateway_always "502" {
        smb => fails(5, &["502"]), cifs => fails(5, &["502"]),
        auth => fails(5, &["502"]),
        opal => fails(5, &["502"]),
    }
    unavailable_once "503:1" {
        smb => ok(), cifs => ok(), auth => ok(), opal => ok(),
    }
    unavailable_always "503" {
        smb => fails(5, &["503"]), cifs => fails(5, &["503"]),
        auth => fails(5, &["503"]),
        opal => fails(5, &["503"]),
    }
    gateway_timeout_once "504:1" {
        smb => ok(), cifs => ok(), auth => ok(), opal => ok(),
    }
    gateway_timeout_always "504" {
        smb => fails(5, &["504"]), cifs => fails(5, &["504"]),
        auth => fails(5, &["504"]),
        opal => fails(5, &["504"]),
    }
    html_502 "html" {
        smb => fails(5, &["HTML page: 502 Bad Gateway"]),
        cifs => fails(5, &["HTML page: 502 Bad Gateway"]),
        auth => fails(5, &["HTML page: 502 Bad Gateway"]),
        opal => fails(5, &["HTML page: 502 Bad Gateway"]),
    }
    html_200 "html-200" {
        smb => fails(5, &["HTML page"]), cifs => fails(5, &["HTML page"]),
        auth => fails(5, &["HTML page"]),
        opal => fails(5, &["HTML page"]),
    }
    control_error "control-error" {
        smb => fails(5, &["Internal error"]).check(control_error_escaped),
        cifs => fails(5, &["Internal error"]).check(control_error_escaped),
        auth => fails(5, &["Internal error"]).check(control_error_escaped),
        opal => fails(5, &["Internal error"]).check(control_error_escaped),
    }
    reset_once "reset:1" {
        smb => ok(), cifs => ok(), opal => ok(),
        // A socket dropped mid-call is not retried: the call is not a GET.
        auth => fails(4, CLOSED),
    }
    reset_always "reset" {
        smb => fails(4, &["reset"]), cifs => fails(4, &["reset"]),
        auth => fails(4, CLOSED),
        opal => fails(4, &["reset"]),
    }
    truncated_once "truncated:1" {
        smb => ok(), cifs => ok(), opal => ok(),
        auth => fails(4, CLOSED),
    }
    truncated_always "truncated" {
        smb => fails(4, &["cut short"]), cifs => fails(4, &["cut short"]),
        auth => fails(4, CLOSED),
        opal => fails(4, &["cut short"]),
    }
    slow "slow" {
        smb => fails(4, TIMED_OUT), cifs => fails(4, TIMED_OUT),
        auth => fails(4, TIMED_OUT), opal => fails(4, TIMED_OUT),
    }
    slow_body "slow-body" {
        smb => fails(4, TIMED_OUT), cifs => fails(4, TIMED_OUT),
        auth => fails(4, TIMED_OUT), opal => fails(4, TIMED_OUT),
    }
    invalid_json "invalid-json" {
        smb => fails(5, &["invalid JSON"]), cifs => fails(5, &["invalid JSON"]),
        auth => fails(5, &["invalid JSON"]), opal => fails(5, &["invalid JSON"]),
    }
    wrong_shape "wrong-shape" {
        smb => fails(5, NO_LIST), cifs => fails(5, NO_LIST),
        auth => fails(5, NO_LIST), opal => fails(5, NO_LIST),
    }
    missing_list "missing-list" {
        smb => fails(5, NO_LIST),
        cifs => fails(5, NO_LIST),
        auth => fails(5, NO_LIST),
        opal => fails(5, NO_LIST),
    }
    deep "deep" {
        smb => fails(5, TOO_DEEP),
        cifs => fails(5, TOO_DEEP),
        auth => fails(5, TOO_DEEP),
        opal => fails(5, TOO_DEEP),
    }
    huge_number "huge-number" {
        smb => ok().check(huge_number_exact), cifs => ok().check(huge_number_exact),
        auth => ok().check(huge_number_exact),
        opal => ok().check(huge_number_exact),
    }
    bad_utf8 "bad-utf8" {
        smb => fails(5, BAD_UTF8), cifs => fails(5, BAD_UTF8),
        auth => fails(5, BAD_UTF8), opal => fails(5, BAD_UTF8),
    }
    oversized "oversized" {
        smb => fails(5, &["larger than max_body"]).profile(&[("max_body", "\"1MiB\"")]),
        cifs => fails(5, &["larger than max_body"]).profile(&[("max_body", "\"1MiB\"")]),
        auth => fails(5, &["larger than max_body"]).profile(&[("max_body", "\"1MiB\"")]),
        opal => fails(5, &["larger than max_body"]).profile(&[("max_body", "\"1MiB\"")]),
    }
    control_chars "control-chars" {
        smb => ok().check(control_chars_escaped),
        cifs => ok().check(control_chars_escaped),
        auth => ok().check(control_chars_escaped),
        opal => ok().check(control_chars_escaped),
    }
    paging_loop "loop:1" {
        smb => fails(5, &["loop"]).unterminated(),
        cifs => fails(5, &["loop"]).unterminated(),
        opal => fails(5, &["loop"]).not_complete(),
    }
    repeated_records "repeat:1" {
        smb => fails(5, &["repeats the sessions"]).unterminated(),
        cifs => fails(5, &["repeats the sessions"]).unterminated(),
        opal => fails(5, &["repeats the sessions"]).not_complete(),
    }
    endless "endless" {
        smb => fails(5, &["stopped after 5 pages"]).unterminated().args(&["--max-pages", "5"]),
        cifs => fails(5, &["stopped after 5 pages"]).unterminated().args(&["--max-pages", "5"]),
        // Opal's pages here are one per resource, so its endless pages are that page again:
        // caught as a repeat before --max-pages.
        opal => fails(5, &["repeats the sessions"]).not_complete().args(&["--max-pages", "5"]),
    }
    empty_pages "empty-pages:3" {
        smb => ok(), cifs => ok(), opal => ok(),
    }
    error_on_page_2 "500:1@2" {
        smb => fails(5, INJECTED).unterminated(),
        cifs => fails(5, INJECTED).unterminated(),
        opal => fails(5, INJECTED).not_complete(),
    }
    reset_from_page_2 "reset@2" {
        smb => fails(4, &["reset"]).unterminated(),
        cifs => fails(4, &["reset"]).unterminated(),
        opal => fails(4, &["reset"]).not_complete(),
    }
    ws_close "ws-close" {
        auth => fails(4, &["closed"]),
    }
    non_json_frame "non-json-frame" {
        auth => fails(5, &["JSON"]),
    }
    wrong_id "wrong-id" {
        auth => fails(5, &["id"]),
    }
    binary_frame "binary-frame" {
        auth => fails(5, &["binary"]),
    }
}
