//! `--churn RATE`: sessions open and close while the simulator runs, RATE changes a second per
//! backend, each written to the run's change log.

use std::sync::Arc;
use std::time::Duration;

use super::changes::Changes;
use super::rng::Rng;
use super::server::VendorApi;

/// Open or close one session of `api` every 1/`rate` seconds, logging each change to `log`.
/// The population stays near where it started: below it, opening is likelier.
pub(crate) async fn run(
    name: &'static str,
    api: Arc<dyn VendorApi>,
    rate: f64,
    seed: u64,
    start: usize,
    log: Changes,
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
        log.record(name, if open { "opened" } else { "closed" }, &key, "churn");
    }
}
