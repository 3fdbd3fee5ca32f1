//! `sessions simulate`: start the simulator, say where it listens, and serve until SIGINT or
//! SIGTERM.

use crate::error::Result;
use crate::output;
use crate::simulator::{self, Args, SimOptions};

/// `sessions simulate`: start, say where, and serve until SIGINT or SIGTERM.
pub async fn run(args: &Args) -> Result<()> {
    let running = simulator::start(&SimOptions::from(args), args.write_config.as_deref()).await?;
    let say = |line: String| output::note_from("simulate", &line);
    for (name, url) in &running.urls {
        say(format!("{name:<5} {url}"));
    }
    say(format!("certificate SHA-256 {}", running.cert_fingerprint));
    say(format!(
        "files in {} (ca.pem to trust, server.pem as served)",
        running.files.dir.display()
    ));
    let config = running.config_path().display();
    say(format!(
        "config {config} (try: sessions -c {config} smb); Ctrl-C stops"
    ));
    wait_for_shutdown().await;
    Ok(())
}

async fn wait_for_shutdown() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = tokio::signal::ctrl_c() => {}
                    _ = term.recv() => {}
                }
            }
            Err(_) => {
                let _ = tokio::signal::ctrl_c().await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}
