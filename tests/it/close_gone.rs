//! A session that goes between the preview and the close counts as closed, on every backend
//! of the registry that closes: the vendor's not-found answer for it is read as data (its
//! status or code), not as a failure.

use std::time::Duration;

use crate::common::{backends, facts, PtyRun, Sim};

#[test]
fn a_session_gone_since_the_preview_counts_as_already_closed() {
    for backend in backends().filter(|b| facts(b).close_verb.is_some()) {
        let sim = Sim::start(&["--sessions", "40", "--seed", "9"]);
        let keys = sim.keys(backend);
        // From the listing's end, leaving the very last out (TrueNAS lists the listing's own
        // connection last, gone when that run ended).
        let chosen: Vec<&str> = keys
            .iter()
            .rev()
            .skip(1)
            .take(3)
            .map(String::as_str)
            .collect();
        let mut args = vec!["-p", backend, backend, "close"];
        args.extend(&chosen);
        let mut run = PtyRun::start(sim.cmd(&args), 40, 200);
        let asked = run.wait_for(Duration::from_secs(30), |b| {
            String::from_utf8_lossy(b).contains("[y/N]")
        });
        assert!(
            asked,
            "{backend}: {}",
            String::from_utf8_lossy(&run.written())
        );
        // While it asks, another client closes the first of them.
        sim.run(&["-p", backend, backend, "close", "--yes", chosen[0]])
            .ok();
        run.type_text("y\n");
        let (code, bytes) = run.finish(Duration::from_secs(60));
        let text = String::from_utf8_lossy(&bytes);
        assert_eq!(code, Some(0), "{backend}: {text}");
        assert!(
            text.contains(&format!("{}: already gone", chosen[0])),
            "{backend}: {text}"
        );
        assert!(text.contains("already gone)"), "{backend}: {text}");
        assert!(
            !text.contains("not closed") && !text.contains("not ended"),
            "{backend}: {text}"
        );
    }
}
