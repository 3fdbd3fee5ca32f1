//! A pinned certificate (`tls_fingerprint`, or the exact certificate in `ca_cert`) is trusted
//! for what it is, so its expiry does not refuse it. It is still news: appliances renew their
//! certificates, and an expired pin means the next renewal will change it. One warning line
//! per profile and run says so.

use std::collections::BTreeSet;
use std::sync::Mutex;

use crate::transport::certinfo::{date, CertInfo};
use crate::transport::Log;

/// The profiles already warned about in this run.
static WARNED: Mutex<BTreeSet<String>> = Mutex::new(BTreeSet::new());

/// Warn once per run when the pinned certificate `der` that `profile` trusts through `how`
/// (`tls_fingerprint`, `ca_cert PATH`) expired before `now` (seconds since the epoch).
pub(super) fn warn_if_expired(profile: &str, how: &str, der: &[u8], now: u64, log: Log) {
    let info = CertInfo::parse(der);
    let not_after = info.not_after;
    if !info.parsed || i64::try_from(now).unwrap_or(i64::MAX) <= not_after {
        return;
    }
    let first = WARNED
        .lock()
        .map(|mut warned| warned.insert(profile.to_string()))
        .unwrap_or(false);
    if first {
        log.warn(&format!(
            "profile '{profile}': the certificate pinned by {how} expired on {}; it is still \
             trusted because it is pinned. When the appliance renews it, run `sessions trust -p \
             {profile}`",
            date(not_after)
        ));
    }
}
