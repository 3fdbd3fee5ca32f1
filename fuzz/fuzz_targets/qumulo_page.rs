//! A Qumulo `GET /v1/smb/sessions/` body: both decoders must return (never panic), and when
//! both accept it they agree on the next link and the number of sessions.
#![no_main]

use libfuzzer_sys::fuzz_target;
use session_inspector::backends::qumulo::pages;

fuzz_target!(|body: &[u8]| {
    let parsed = pages::parse_page(body);
    let _ = pages::vendor_page(body);
    let text = pages::text_page(&body.to_vec().into());
    if let (Ok(p), Ok(t)) = (parsed, text) {
        assert_eq!(p.next, t.next);
        assert_eq!(p.records.len(), t.records.len());
    }
});
