//! A large source is on screen at once: the first frame shows its opening,
//! an empty précis and a status bar saying the source is being read; the
//! counts and checks of the whole passage follow, and what was typed
//! meanwhile is kept and counted.

mod pty;

use std::time::Duration;

use pty::{Pty, flat, home};

const PARAGRAPH: &str = "Irrigation canals built a century ago still carry most \
of the water that reaches farms on the plain, but silt and seepage now waste \
nearly a third of it before it arrives.";

#[test]
fn a_large_source_is_drawn_first_and_counted_after() {
    let home = home();
    // About 5 MB: seconds to analyse on a slow machine, so the first frame
    // comes well before the analysis.
    let mut text = String::from("# Canals of the Plain\n\n");
    for k in 0..30_000 {
        text.push_str(PARAGRAPH);
        text.push_str(&format!(" Survey {k}.\n\n"));
    }
    // The heading ("# Canals of the Plain") is the title, not the passage.
    let words = text.split_whitespace().count() - 5;
    let path = home.path().join("canals.md");
    std::fs::write(&path, &text).expect("write the source");
    let mut pty = Pty::precis(home.path(), &[path.to_str().expect("path")]);
    pty.wait_until("the first frame", |s| {
        let screen = flat(s);
        screen.contains("Irrigation canals built")
            && screen.contains("Précis")
            && screen.contains("reading the source")
    });
    pty.send("Canals leak.");
    let target = words.div_ceil(3);
    let counted = format!("/{target} words");
    pty.wait_until_within(Duration::from_secs(120), "the whole source counted", |s| {
        let screen = flat(s);
        screen.contains(&counted) && !screen.contains("reading the source")
    });
    pty.wait_until("the précis typed meanwhile counted", |s| {
        flat(s).contains(&format!("Précis · 2/{target} words"))
    });
}
