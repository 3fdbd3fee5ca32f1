//! A OneFS `GET /platform/{1,11}/protocols/smb/sessions` body (flat or grouped per node): the
//! decoder and the `resume` hint read from the body's end must return, never panic (the hint
//! may differ from the decoded token: the pagination loop keeps the decoded one).
#![no_main]

use libfuzzer_sys::fuzz_target;
use session_inspector::backends::onefs::pages;

fuzz_target!(|body: &[u8]| {
    let _ = pages::parse_page(body);
    let _ = pages::next_hint(body);
});
