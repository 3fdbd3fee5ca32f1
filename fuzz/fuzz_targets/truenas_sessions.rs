//! The `result` of a TrueNAS `auth.sessions` call, decoded both ways: as records and as
//! whole-record text. Must return, never panic; when both accept it, same session count.
#![no_main]

use libfuzzer_sys::fuzz_target;
use session_inspector::backends::truenas;

fuzz_target!(|body: &[u8]| {
    let Ok(text) = std::str::from_utf8(body) else {
        return;
    };
    let texts = truenas::text_records(text);
    if let Ok(v) = serde_json::from_str::<serde_json::Value>(text) {
        if let (Ok(r), Ok(t)) = (truenas::records(v), texts) {
            assert_eq!(r.len(), t.len());
        }
    }
});
