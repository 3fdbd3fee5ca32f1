//! `--churn RATE`: sessions open and close while the simulator runs, RATE changes a second per
//! backend, each written to `changes.ndjson` in the run's directory. Tests compare what a
//! `--watch` saw with that log.

use std::io::Write;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use super::server::VendorApi;
use super::Rng;

/// Open or close one session of `api` every 1/`rate` seconds, logging each change to `log`.
/// The population stays near where it started: below it, opening is likelier.
pub async fn run(
    name: &'static str,
    api: Arc<dyn VendorApi>,
    rate: f64,
    seed: u64,
    start: usize,
    log: Arc<Mutex<std::fs::File>>,
) {
    let mut rng = Rng::new(seed);
    let mut count = start as i64;
    let mut every = tokio::time::interval(Duration::from_secs_f64(1.0 / rate));
    every.tick().await;
    loop {
        every.tick().await;
        let lean = match count.cmp(&(start as i64)) {
            std::cmp::Ordering::Less => 65,
            std::cmp::Ordering::Equal => 50,
            std::cmp::Ordering::Greater => 35,
        };
        let open = count <= 0 || rng.chance(lean);
        let Some(key) = api.churn(open, &mut rng) else {
            continue;
        };
        count += if open { 1 } else { -1 };
        let line = serde_json::json!({
            "at": now_text(),
            "backend": name,
            "event": if open { "opened" } else { "closed" },
            "key": key,
        });
        let mut f = log.lock().unwrap_or_else(|p| p.into_inner());
        let _ = writeln!(f, "{line}");
    }
}

/// The change log of a run: `changes.ndjson` beside its certificates.
pub fn open_log(dir: &std::path::Path) -> crate::error::Result<(PathBuf, std::fs::File)> {
    let path = dir.join("changes.ndjson");
    let file = std::fs::File::create(&path)
        .map_err(|e| crate::error::Error::other(format!("simulator: {}: {e}", path.display())))?;
    Ok((path, file))
}

/// RFC 3339 in UTC with milliseconds, as `--watch` events carry it.
fn now_text() -> String {
    let t = time::OffsetDateTime::now_utc();
    let f = time::macros::format_description!(
        "[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:3]+00:00"
    );
    t.format(&f).unwrap_or_default()
}
