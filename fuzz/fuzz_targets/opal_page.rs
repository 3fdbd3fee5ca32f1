//! An Opal cursor page (`{next, previous, results}`), decoded as the client does: JSON, then
//! `parse_list`. Opal has no text path. Must return, never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use session_inspector::backends::opal::pages;

fuzz_target!(|body: &[u8]| {
    if let Ok(v) = serde_json::from_slice::<serde_json::Value>(body) {
        let _ = pages::parse_list(v);
    }
});
