//! The real editor in a pseudo-terminal: keys go in as a terminal sends
//! them, and what the student would see is read back through a vt100
//! emulator. Every wait is bounded, and every child is killed on drop.

mod pty;

use std::path::{Path, PathBuf};

use pty::{BIN, Pty, assert_terminal_restored, count, find, flat};
use serde_json::Value;

const CTRL_Q: &str = "\x11";
const CTRL_S: &str = "\x13";
const CTRL_F: &str = "\x06";
const UP: &str = "\x1b[A";
const RIGHT: &str = "\x1b[C";
const ENTER: &str = "\r";

/// A précis of the built-in passage with one wrong figure (the passage
/// says "between 9 and 11 percent"): 8 words.
const WRONG_FIGURE: &str = "Tax revenue stays near 12 percent of output.";

/// Where the source pane's title and the précis pane's title start, when
/// the source's is on the top row.
fn panes(screen: &vt100::Screen) -> Option<((usize, usize), (usize, usize))> {
    let source = find(screen, "Source: The Hidden").filter(|(row, _)| *row == 0)?;
    Some((source, find(screen, "Précis ·")?))
}

fn home() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

/// Every draft saved under `home`'s data directory.
fn drafts(home: &Path) -> Vec<Value> {
    let dir: PathBuf = home.join("data/precis/drafts");
    let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    entries
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|p| {
            serde_json::from_slice(&std::fs::read(&p).expect("read draft")).expect("draft is JSON")
        })
        .collect()
}

/// Whether `text` says "saved 12:34" (plain "saved" is shown before
/// anything was typed, "unsaved" after).
fn saved_at(text: &str) -> bool {
    text.split("saved ").skip(1).any(|rest| {
        let b = rest.as_bytes();
        b.len() >= 5 && b[2] == b':' && [0, 1, 3, 4].iter().all(|&k| b[k].is_ascii_digit())
    })
}

/// Types a précis with a wrong figure into a fresh editor.
fn type_wrong_figure(pty: &mut Pty) {
    pty.wait_for("Précis · 0/150 words");
    pty.send(WRONG_FIGURE);
    pty.wait_for("Précis · 8/150 words");
}

#[test]
fn starts_on_the_first_passage_with_an_empty_precis() {
    let home = home();
    let mut pty = Pty::precis(home.path(), &[]);
    // At 120 columns the pane is 60 wide: the passage's name is shortened
    // so that its word count and target stay in view.
    pty.wait_for("Source: The Hidden Cost");
    pty.wait_for("· 449 words · target 150");
    pty.wait_for("Précis · 0/150 words");
    pty.wait_for("0/150 words (142–158) 142 to go");
    pty.wait_for("Welcome! Write a précis");
    // The greeting stands in the footer until the first key; then the keys.
    pty.send(RIGHT);
    pty.wait_for("^S Save");
    pty.wait_for("^Q Quit");
}

#[test]
fn a_wrong_figure_is_counted_flagged_and_explained() {
    let home = home();
    let mut pty = Pty::precis(home.path(), &[]);
    type_wrong_figure(&mut pty);
    pty.wait_for("8/150 words (142–158) 134 to go");
    pty.wait_for("✗ 1 figure");
    pty.send(CTRL_F);
    pty.wait_for("Flags (");
    pty.wait_for("source says");
    // Quitting from the flags panel, where no cursor is drawn, still gives
    // the cursor back.
    pty.send(CTRL_Q);
    assert!(pty.wait_exit().success());
    assert_terminal_restored(&pty.raw());
}

#[test]
fn quitting_saves_the_draft_and_restores_the_terminal() {
    let home = home();
    let mut pty = Pty::precis(home.path(), &[]);
    type_wrong_figure(&mut pty);
    pty.send(UP);
    pty.send("A Narrow Tax Base");
    pty.wait_for("Title · 4 words");
    pty.send(ENTER);
    pty.send(" Reform is overdue.");
    pty.wait_for("Précis · 11/150 words");
    pty.wait_for("unsaved");
    pty.send(CTRL_S);
    pty.wait_until("\"saved HH:MM\" in the status bar", |s| saved_at(&flat(s)));
    pty.send(CTRL_Q);
    let status = pty.wait_exit();
    assert!(status.success(), "exit status {status:?}");
    assert_terminal_restored(&pty.raw());

    let drafts = drafts(home.path());
    assert_eq!(drafts.len(), 1, "one draft: {drafts:?}");
    assert_eq!(drafts[0]["title"], "A Narrow Tax Base");
    assert_eq!(
        drafts[0]["body"],
        format!("{WRONG_FIGURE} Reform is overdue.")
    );
    let source = drafts[0]["source"]["text"].as_str().expect("source text");
    assert!(source.contains("The Hidden Cost of a Narrow Tax Base"));
}

#[test]
fn the_latest_draft_is_resumed() {
    let home = home();
    {
        let mut first = Pty::precis(home.path(), &[]);
        type_wrong_figure(&mut first);
        first.send(CTRL_Q);
        assert!(first.wait_exit().success());
    }
    let second = Pty::precis(home.path(), &[]);
    second.wait_for("Resumed your draft on “The Hidden Cost of a Narrow Tax Base”");
    second.wait_for(WRONG_FIGURE);
    second.wait_for("Précis · 8/150 words");
    second.wait_for("✗ 1 figure");
}

#[test]
fn a_source_from_standard_input_keeps_the_keyboard() {
    let home = home();
    let file = home.path().join("dam.txt");
    std::fs::write(
        &file,
        "The Meridian dam was finished in 2019 after eleven years of work. It cost $3 billion, \
         twice the first estimate, and now supplies power to 2 million homes. Critics say the \
         money would have done more good spent on smaller projects.\n",
    )
    .expect("write source");
    let script = format!("cat '{}' | exec '{BIN}' -", file.display());
    let mut pty = Pty::spawn(home.path(), &["sh", "-c", &script]);
    pty.wait_for("Source: standard input · 41 words");
    pty.wait_for("Précis · 0/");
    pty.send("Dam");
    pty.wait_for("Précis · 1/");
    pty.send(CTRL_Q);
    assert!(pty.wait_exit().success());
}

#[test]
fn escape_sequences_in_a_source_are_shown_not_obeyed() {
    let home = home();
    let file = home.path().join("hostile.txt");
    let text = "Wells ran dry in 40 percent of villages.\x1b]0;pwned\x07 Repairs cost $2 million.\x1b[2J \
                Officials promised action within 3 years.\u{9b}31m Nothing was done.\n";
    std::fs::write(&file, text).expect("write source");
    let mut pty = Pty::precis(home.path(), &[file.to_str().expect("utf-8 path")]);
    pty.wait_for("Source: hostile.txt");
    pty.wait_for("␛]0;pwned␇");
    pty.wait_for("␛[2J");
    // Redraw after a key, so the source is written out more than once.
    pty.send("x");
    pty.wait_for("Précis · 1/");
    let raw = pty.raw();
    assert_eq!(
        count(&raw, b"\x1b]0;pwned"),
        0,
        "the OSC title sequence reached the terminal"
    );
    assert_eq!(
        count(&raw, "\u{9b}".as_bytes()),
        0,
        "a raw CSI (U+009B) reached the terminal"
    );
    // vt100 shows nothing for U+FFFD, so the stand-in is checked in the bytes.
    assert!(
        count(&raw, "years.\u{fffd}31m".as_bytes()) > 0,
        "U+009B is not drawn as U+FFFD"
    );
    let out = pty.out();
    let seen = out.parser.callbacks();
    assert!(
        seen.titles.is_empty(),
        "the window title was changed: {:?}",
        seen.titles
    );
    assert!(!seen.c1, "a C1 control character reached the terminal");
}

#[test]
fn resizing_stacks_the_panes_then_asks_for_room_and_keeps_the_text() {
    let home = home();
    let mut pty = Pty::precis(home.path(), &[]);
    type_wrong_figure(&mut pty);
    // Side by side, the précis pane starts halfway across; stacked, it is
    // below the source pane at the left edge.
    let side_by_side = |s: &vt100::Screen| panes(s).is_some_and(|(_, (_, col))| col >= 60);
    pty.wait_until("the panes side by side", side_by_side);

    pty.resize(20, 60);
    let stacked = |s: &vt100::Screen| panes(s).is_some_and(|(_, (row, col))| row > 3 && col < 5);
    pty.wait_until("the panes stacked at 60×20", stacked);

    pty.resize(10, 30);
    pty.wait_for("Enlarge the window: précis needs at least 40×12 (now 30×10). Your text is safe.");

    pty.resize(40, 120);
    pty.wait_until("the panes side by side again", side_by_side);
    pty.wait_for(WRONG_FIGURE);
    pty.wait_for("Précis · 8/150 words");
}

#[test]
fn keys_echoed_ahead_of_the_frame_end_up_where_the_text_says() {
    // A typed key is written at the cursor before the frame is drawn; the
    // frame then draws the text as it is, wherever the key went.
    let home = home();
    let mut pty = Pty::precis(home.path(), &[]);
    pty.wait_for("Précis · 0/150 words");
    pty.send("Revenue stays lw");
    pty.wait_for("Revenue stays lw");
    pty.send("\x1b[D");
    pty.send("o");
    pty.wait_for("Revenue stays low");
    pty.send("\x1b[H");
    pty.send("Tax ");
    pty.wait_for("Tax Revenue stays low");
    pty.wait_for("Précis · 4/150 words");
}
