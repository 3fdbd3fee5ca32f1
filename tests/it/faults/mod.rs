//! The fault matrix (issue 13): every fault of `sessions simulate --fault` against every
//! backend of the registry it applies to, each cell a trial of its own (`faults::slow::smb`).
//! A cell asserts the exit code, one stderr line naming the profile, the URL and the cause,
//! stdout under the output contract (complete JSON, nothing, or JSON left unterminated), and
//! that the run ended by its `--timeout`, the one deadline of the whole run. `tls.rs` has the
//! certificate cells, `signals.rs` SIGINT and SIGPIPE. What a backend's cells expect follows
//! from its `TestFacts`: a listing in one call has no paging cells, and only a backend on one
//! WebSocket has the frame cells.

mod cell;
mod signals;
mod term;
mod tls;

use libtest_mimic::Trial;
use session_inspector::backends::{Pages, TestFacts};

use cell::{escaped, fails, ok, Expect, HUGE};

/// A fault of the matrix: its name, its `--fault` specs, and what a backend with these facts
/// does under it (`None`: the fault has no cell there).
type Row = (&'static str, &'static str, fn(&TestFacts) -> Option<Expect>);

/// Every cell: the rows of the matrix, then the certificate and signal cells.
pub fn trials() -> Vec<Trial> {
    let mut trials = Vec::new();
    for &(name, faults, expect) in ROWS {
        trials.extend(crate::per_backend(&format!("faults::{name}"), |b| {
            let expect = expect(&b.about().tests)?;
            Some(move || cell::check(b.name(), faults, expect))
        }));
    }
    trials.extend(tls::trials());
    trials.extend(signals::trials());
    trials
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

/// The JSON escapes the control characters; a table shows them escaped; on a terminal, every
/// format does (`term.rs`).
fn control_chars_escaped(backend: &str, sim: &crate::common::Sim, run: &crate::common::Run) {
    assert!(run.stdout.contains(r"\u001b"), "{}", run.stdout);
    assert!(run.stdout.contains(r"\u0007"), "{}", run.stdout);
    let table = cell::run_client(backend, sim, &ok().args(&["-o", "table"])).0;
    assert_eq!(table.code, 0, "-o table: {}", table.stderr);
    escaped(&table.stdout, &format!("{backend} -o table"));
    term::every_format(backend, sim);
}

fn control_error_escaped(backend: &str, sim: &crate::common::Sim, run: &crate::common::Run) {
    escaped(&run.stderr, &format!("{backend} stderr"));
    term::error_line(backend, sim);
}

/// A cut-off answer: on one WebSocket the call is not retried (it is not a GET), and the
/// client sees the socket close.
fn cut_off(f: &TestFacts, expect: Expect) -> Option<Expect> {
    Some(if f.one_socket {
        fails(4, CLOSED)
    } else {
        expect
    })
}

/// A failure after the first page: records were printed, unless the listing holds its rows.
fn late(f: &TestFacts, expect: Expect) -> Option<Expect> {
    f.pages().then_some(if f.holds_rows {
        expect.not_complete()
    } else {
        expect.unterminated()
    })
}

#[rustfmt::skip]
const ROWS: &[Row] = &[
    ("rate_limit_once", "429:1", |_| Some(ok())),
    ("rate_limit_always", "429", |_| Some(fails(4, RATE_LIMITED))),
    ("rate_limit_bare_once", "429-bare:1", |_| Some(ok())),
    ("rate_limit_bare_always", "429-bare", |_| Some(fails(4, RATE_LIMITED))),
    ("server_error", "500", |_| Some(fails(5, INJECTED))),
    ("bad_gateway_once", "502:1", |_| Some(ok())),
    ("bad_gateway_always", "502", |_| Some(fails(5, &["502"]))),
    ("unavailable_once", "503:1", |_| Some(ok())),
    ("unavailable_always", "503", |_| Some(fails(5, &["503"]))),
    ("gateway_timeout_once", "504:1", |_| Some(ok())),
    ("gateway_timeout_always", "504", |_| Some(fails(5, &["504"]))),
    ("html_502", "html", |_| Some(fails(5, &["HTML page: 502 Bad Gateway"]))),
    ("html_200", "html-200", |_| Some(fails(5, &["HTML page"]))),
    ("control_error", "control-error", |_| {
        Some(fails(5, &["Internal error"]).check(control_error_escaped))
    }),
    ("reset_once", "reset:1", |f| cut_off(f, ok())),
    ("reset_always", "reset", |f| cut_off(f, fails(4, &["reset"]))),
    ("truncated_once", "truncated:1", |f| cut_off(f, ok())),
    ("truncated_always", "truncated", |f| cut_off(f, fails(4, &["cut short"]))),
    ("slow", "slow", |_| Some(fails(4, TIMED_OUT))),
    ("slow_body", "slow-body", |_| Some(fails(4, TIMED_OUT))),
    ("invalid_json", "invalid-json", |_| Some(fails(5, &["invalid JSON"]))),
    ("wrong_shape", "wrong-shape", |_| Some(fails(5, NO_LIST))),
    ("missing_list", "missing-list", |_| Some(fails(5, NO_LIST))),
    ("deep", "deep", |_| Some(fails(5, TOO_DEEP))),
    ("huge_number", "huge-number", |_| Some(ok().check(huge_number_exact))),
    ("bad_utf8", "bad-utf8", |_| Some(fails(5, BAD_UTF8))),
    ("oversized", "oversized", |_| {
        Some(fails(5, &["larger than max_body"]).profile(&[("max_body", "\"1MiB\"")]))
    }),
    ("control_chars", "control-chars", |_| Some(ok().check(control_chars_escaped))),
    ("paging_loop", "loop:1", |f| {
        let expect = match f.pages {
            // A token that leads back to an earlier page need not be the same string: the
            // client then sees that page's sessions again under a new token, a repeat.
            Pages::Resumed { .. } => fails(5, &["loop", "repeats the sessions"]),
            _ => fails(5, &["loop"]),
        };
        late(f, expect)
    }),
    ("repeated_records", "repeat:1", |f| late(f, fails(5, &["repeats the sessions"]))),
    ("endless", "endless", |f| {
        let expect = match f.pages {
            // Pages of one resource each are that page again: a repeat, before --max-pages.
            Pages::PerResource => fails(5, &["repeats the sessions"]),
            _ => fails(5, &["stopped after 5 pages"]),
        };
        late(f, expect.args(&["--max-pages", "5"]))
    }),
    ("empty_pages", "empty-pages:3", |f| f.pages().then_some(ok())),
    ("error_on_page_2", "500:1@2", |f| late(f, fails(5, INJECTED))),
    ("reset_from_page_2", "reset@2", |f| late(f, fails(4, &["reset"]))),
    ("ws_close", "ws-close", |f| f.one_socket.then_some(fails(4, &["closed"]))),
    ("non_json_frame", "non-json-frame", |f| f.one_socket.then_some(fails(5, &["JSON"]))),
    ("wrong_id", "wrong-id", |f| f.one_socket.then_some(fails(5, &["id"]))),
    ("binary_frame", "binary-frame", |f| f.one_socket.then_some(fails(5, &["binary"]))),
];
