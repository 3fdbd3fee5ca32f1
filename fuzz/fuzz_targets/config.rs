//! A config file's text through the loader's parse and validation, with the real backend
//! registry, then every profile looked up. Must return an error or a config, never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use session_inspector::backends::Registry;
use session_inspector::Config;

fuzz_target!(|body: &[u8]| {
    let Ok(text) = std::str::from_utf8(body) else {
        return;
    };
    static RULES: Registry = Registry;
    if let Ok(config) = Config::from_text(std::path::Path::new("fuzz.toml"), text, &RULES, false) {
        for name in config.profile_names() {
            let _ = config.profile(&name);
        }
    }
});
