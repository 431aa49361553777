//! Nothing typed is lost on a signal: keys that reached the terminal just
//! before SIGHUP, SIGTERM or SIGINT are in the saved draft, even when they
//! come in a burst after the editor sat idle (its reader thread asleep, the
//! keys still in the terminal's buffer when the signal lands).

mod pty;

use std::path::Path;
use std::thread;
use std::time::Duration;

use pty::{draft_files, home, kill, read_json};

const FIRST: &str = "Revenue stays low.";
/// Thirteen keys, typed one write at a time as fast as they go.
const BURST: &str = " Base narrows";

fn only_body(home: &Path) -> Option<String> {
    let files = draft_files(home);
    assert!(files.len() <= 1, "more than one draft: {files:?}");
    let draft = read_json(files.first()?)?;
    Some(draft["body"].as_str()?.to_string())
}

/// Types a sentence, waits until it is saved and the editor has sat idle
/// for `idle`, types the burst key by key and signals at once; returns the
/// saved body.
fn burst_then_signal(signal: &str, idle: Duration) -> String {
    let home = home();
    let (mut pty, pid) = pty::precis_with_pid(home.path(), &[]);
    pty.wait_for("Précis · 0/150 words");
    pty.send(FIRST);
    pty.wait_until("the first sentence saved", |s| {
        s.contents().contains("Précis · 3/150 words") && s.contents().contains("saved")
    });
    thread::sleep(idle);
    for key in BURST.chars() {
        pty.send(&key.to_string());
    }
    kill(signal, pid);
    pty.wait_exit_within(Duration::from_secs(5));
    drop(pty);
    only_body(home.path()).unwrap_or_default()
}

fn every_key_kept(signal: &str) {
    let expected = format!("{FIRST}{BURST}");
    let body = burst_then_signal(signal, Duration::from_secs(5));
    assert_eq!(body, expected, "after 5 s idle, SIG{signal}");
    for run in 0..6 {
        let body = burst_then_signal(signal, Duration::from_millis(300 + run * 150));
        assert_eq!(body, expected, "run {run}, SIG{signal}");
    }
}

#[test]
fn sighup_after_an_idle_burst_keeps_every_key() {
    every_key_kept("HUP");
}

#[test]
fn sigterm_after_an_idle_burst_keeps_every_key() {
    every_key_kept("TERM");
}

#[test]
fn sigint_after_an_idle_burst_keeps_every_key() {
    every_key_kept("INT");
}
