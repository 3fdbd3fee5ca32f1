//! `sessions simulate`: its arguments.

use std::path::PathBuf;
use std::time::Duration;

use clap::Args as ClapArgs;

use super::certs::TlsShape;
use super::vendors::VendorFlags;
use crate::duration::parse_duration;

/// `sessions simulate`'s flags (the client flattens them into its command line).
#[derive(Debug, ClapArgs)]
pub struct Args {
    /// Sessions per backend
    #[arg(long, value_name = "N", default_value_t = 40)]
    pub sessions: usize,

    /// Seed for the generated data: the same seed gives the same sessions
    #[arg(long, value_name = "S", default_value_t = 1)]
    pub seed: u64,

    /// Write a config with one profile per backend here, once every listener is bound
    #[arg(long, value_name = "PATH", required_if_eq("detach", "true"))]
    pub write_config: Option<PathBuf>,

    /// With --write-config: run in the background, and return once it serves, printing its
    /// pid (also kept in the run's directory, PATH's NAME.d/pid); stop it with --stop PATH
    #[arg(long)]
    pub detach: bool,

    /// Stop the simulator that `--detach --write-config PATH` started, and wait until it is gone
    #[arg(long, value_name = "PATH", exclusive = true)]
    pub stop: Option<PathBuf>,

    /// Delay before each response, e.g. 5ms; BACKEND=DURATION for one backend (repeatable:
    /// --latency 200ms --latency auth=50ms)
    #[arg(long, value_name = "[BACKEND=]DURATION", value_parser = parse_latency)]
    pub latency: Vec<(Option<String>, Duration)>,

    /// Open and close sessions while running: RATE changes a second per backend, logged to
    /// changes.ndjson in the run's directory
    #[arg(long, value_name = "RATE", value_parser = parse_rate)]
    pub churn: Option<f64>,

    /// Log every request the APIs answer to requests.log in the run's directory (BACKEND
    /// METHOD PATH MS ITEMS IN_FLIGHT a line: when it came, in ms since the start, how many
    /// elements its body's JSON array holds, or -, and how many of that API's requests were
    /// being answered then)
    #[arg(long)]
    pub request_log: bool,

    /// Write N profiles per backend (smb, smb-2, ... smb-N), all pointing at this simulator
    #[arg(long, value_name = "N", default_value_t = 1, value_parser = clap::value_parser!(u16).range(1..))]
    pub copies: u16,

    /// Inject a fault into data requests: KIND[:COUNT][@NTH] (COUNT = how many times, default
    /// always; NTH = the first request it meets, default 1). Answers: 429 (Retry-After: 1),
    /// 429-bare (no Retry-After), 500, 502, 503, 504 (vendor error bodies), control-error (a
    /// 500 whose text has ESC, BEL, CR), html (nginx's 502 page), html-200 (an HTML page with
    /// 200). Bodies: invalid-json, truncated (half, then closed), reset (half, then a TCP RST),
    /// slow (no answer), slow-body (half, then nothing). Pages: wrong-shape (the list is a
    /// string), missing-list (no list), deep (a field nested 100,000 deep), huge-number
    /// (99999999999999999999999), bad-utf8, oversized (a 2 MiB field), control-chars (ESC,
    /// BEL, CR, a bidi override in a user or name). Paging: empty-pages, loop, endless (never ends), repeat (a
    /// page repeats the one before under a new link). TrueNAS frames: ws-close, non-json-frame,
    /// wrong-id, binary-frame; its calls meet the body and page kinds, its WebSocket upgrade
    /// the status ones
    #[arg(long, value_name = "KIND[:COUNT][@NTH]")]
    pub fault: Vec<String>,

    /// Serve TEXT verbatim as every list page's next link (Qumulo, ONTAP) or cursor (Opal)
    #[arg(long, value_name = "TEXT")]
    pub next_link: Option<String>,

    /// How the server certificate is made, as appliances ship them
    #[arg(long, value_name = "SHAPE", value_enum, default_value_t = TlsShape::CaSigned)]
    pub tls: TlsShape,

    /// Serve plain HTTP (and ws://) instead of TLS, as an appliance on port 80 does; the
    /// client sends credentials in clear only to loopback or with allow_plaintext
    #[arg(long)]
    pub plain_http: bool,

    /// Emit the vendor docs' oddities: numbers as strings, "" for a null next link, unknown enum values
    #[arg(long)]
    pub quirks: bool,

    /// Each vendor's own flags (the registry, `vendors.rs`)
    #[command(flatten)]
    pub vendors: VendorFlags,

    /// Address to listen on
    #[arg(long, value_name = "IP", default_value = "127.0.0.1")]
    pub bind: std::net::IpAddr,

    /// Port for the first backend (the next ones follow); 0 picks free ports
    #[arg(long, value_name = "PORT", default_value_t = 0)]
    pub port: u16,
}

/// `200ms` for every backend, or `auth=50ms` for one.
fn parse_latency(s: &str) -> Result<(Option<String>, Duration), String> {
    match s.split_once('=') {
        Some((backend, d)) => Ok((Some(backend.trim().to_string()), parse_duration(d)?)),
        None => Ok((None, parse_duration(s)?)),
    }
}

fn parse_rate(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(r) if r > 0.0 && r <= 1000.0 => Ok(r),
        _ => Err("write changes per second, above 0 and at most 1000 (e.g. 2 or 0.5)".to_string()),
    }
}
