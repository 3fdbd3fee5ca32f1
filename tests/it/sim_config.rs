//! The contract between the two crates: the config the simulator writes (with its own structs,
//! crates/simulator/src/config.rs) is one the client loads, key for key, and runs against.

use std::process::Command;

use session_inspector::backends::{Registry, ALL};
use session_inspector::Config;
use sessions_simulator::SimOptions;

use crate::common::{isolate, Run, BIN};

#[test]
fn the_client_loads_every_key_the_simulator_writes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sim.toml");
    // Served by the runtime's workers while the binary runs below.
    let rt = tokio::runtime::Runtime::new().unwrap();
    let opts = SimOptions {
        sessions: 3,
        copies: 2,
        ..SimOptions::demo()
    };
    let _running = rt
        .block_on(sessions_simulator::start(&opts, Some(&path)))
        .unwrap();

    let config = Config::load(&path, &Registry).unwrap();
    // Nothing written is dropped or read differently: the client's own structs write back the
    // same TOML (the lines after the comment header).
    let text = std::fs::read_to_string(&path).unwrap();
    let body: String = text
        .lines()
        .skip_while(|l| l.starts_with('#'))
        .map(|l| format!("{l}\n"))
        .collect();
    assert_eq!(toml::to_string_pretty(&config.file).unwrap(), body);

    let file = &config.file;
    assert_eq!(file.default_profile.as_deref(), Some(ALL[0].name()));
    let names: Vec<&str> = file.profiles.keys().map(String::as_str).collect();
    let want: Vec<String> = ALL
        .iter()
        .flat_map(|b| [b.name().to_string(), format!("{}-2", b.name())])
        .collect();
    assert_eq!(names, want);
    for (name, p) in &file.profiles {
        let url = p.url.as_deref().unwrap();
        assert!(url.starts_with("https://127.0.0.1:"), "{name}: {url}");
        assert!(p.ca_cert.as_ref().unwrap().is_file(), "{name}");
        assert_eq!(p.token_cache, Some(false), "{name}");
        config.target(name, &Default::default()).unwrap();
    }

    // And every profile's credentials are ones its server takes.
    let mut cmd = Command::new(BIN);
    cmd.arg("-c").arg(&path).args(["all", "-o", "json"]);
    isolate(&mut cmd, dir.path());
    let run = Run::from(cmd.output().unwrap()).ok();
    let doc = run.json();
    assert_eq!(doc["errors"], serde_json::json!([]));
    let listed: std::collections::BTreeSet<&str> = doc["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["profile"].as_str().unwrap())
        .collect();
    let want: std::collections::BTreeSet<&str> = want.iter().map(String::as_str).collect();
    assert_eq!(listed, want, "{}", run.stdout);
}
