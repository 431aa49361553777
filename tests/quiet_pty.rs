//! The idle editor is quiet: with nothing changing, the practice editor
//! writes nothing to the terminal (tmux and SSH see no activity), and a
//! running exam writes only its clock, once a second.

mod pty;

use std::thread;
use std::time::Duration;

use pty::{Pty, home};

/// Waits until the editor has drawn, measured coverage and saved after the
/// last key, so that nothing is left to change on screen.
fn settled(pty: &mut Pty) {
    pty.wait_until("the saved draft", |s| s.contents().contains("saved"));
    thread::sleep(Duration::from_millis(800));
}

#[test]
fn the_idle_practice_editor_writes_nothing() {
    let home = home();
    let mut pty = Pty::precis(home.path(), &["silk-road"]);
    pty.wait_for("Précis");
    pty.send("Caravans carried silk west.");
    settled(&mut pty);
    let before = pty.raw().len();
    thread::sleep(Duration::from_secs(4));
    let written = pty.raw().len() - before;
    assert_eq!(written, 0, "bytes written while idle for 4 s");
    // It still answers at once.
    pty.send(" Ideas");
    pty.wait_until("the key after idling", |s| s.contents().contains("Ideas"));
}

#[test]
fn an_idle_exam_redraws_only_its_clock_once_a_second() {
    let home = home();
    let mut pty = Pty::precis(home.path(), &["exam", "silk-road", "--time", "10m"]);
    pty.wait_for("left");
    pty.send("Caravans carried silk west.");
    settled(&mut pty);
    let before = pty.raw();
    thread::sleep(Duration::from_millis(3_500));
    let raw = pty.raw();
    let written = &raw[before.len()..];
    // Each second rewrites the clock's changed digits, ends with a reset
    // of the colours and puts the cursor back: a few dozen bytes; four
    // seconds at most in 3.5 s.
    let seconds = pty::count(written, b"\x1b[0m");
    assert!(
        seconds <= 4,
        "{seconds} frames in 3.5 s: {:?}",
        String::from_utf8_lossy(written)
    );
    assert!(
        written.len() <= 4 * 80,
        "{} bytes in 3.5 s: {:?}",
        written.len(),
        String::from_utf8_lossy(written)
    );
}
