//! The real editor in a pseudo-terminal, saving drafts: autosave survives a
//! `kill -9`, the stop signals save what was typed, a failing drafts folder
//! leaves the text in the editor and offers to write it elsewhere, and each
//! save keeps the previous version. Every wait is bounded.

mod pty;

use std::path::Path;
use std::thread;
use std::time::{Duration, Instant};

use pty::{Pty, draft_files, drafts_dir, find, flat, home, kill, read_json, wait_disk};

const CTRL_Q: &str = "\x11";
const BACKSPACE: &str = "\x7f";
const ENTER: &str = "\r";

/// A précis of the built-in passage: 8 words.
const SENTENCE: &str = "Tax revenue stays near 12 percent of output.";

/// How long a signalled editor may take to save and exit.
const PROMPT_EXIT: Duration = Duration::from_secs(3);

/// The body of the only draft under `home`, once there is one.
fn only_body(home: &Path) -> Option<String> {
    let files = draft_files(home);
    assert!(files.len() <= 1, "more than one draft: {files:?}");
    let draft = read_json(files.first()?)?;
    Some(draft["body"].as_str()?.to_string())
}

/// Runs the editor, with its process id, on an empty précis.
fn precis_with_pid(home: &Path) -> (Pty, u32) {
    let (pty, pid) = pty::precis_with_pid(home, &[]);
    pty.wait_for("Précis · 0/150 words");
    (pty, pid)
}

/// Types the sentence, signals the editor at once, and checks it exits
/// promptly with the whole sentence saved; returns the exit status.
fn signal_right_after_typing(signal: &str) -> portable_pty::ExitStatus {
    let home = home();
    let (mut pty, pid) = precis_with_pid(home.path());
    pty.send(SENTENCE);
    kill(signal, pid);
    let signalled = Instant::now();
    let status = pty.wait_exit();
    let took = signalled.elapsed();
    assert!(
        took < PROMPT_EXIT,
        "SIG{signal} took {took:?} to end the editor"
    );
    assert_eq!(
        only_body(home.path()).as_deref(),
        Some(SENTENCE),
        "the draft after SIG{signal}"
    );
    status
}

#[test]
fn autosave_survives_kill_9_and_the_draft_is_resumed() {
    let home = home();
    {
        let (mut pty, pid) = precis_with_pid(home.path());
        pty.send(SENTENCE);
        let typed = Instant::now();
        pty.wait_for("Précis · 8/150 words");
        // Nothing asks for a save: only autosave can have written it.
        thread::sleep(Duration::from_secs(3).saturating_sub(typed.elapsed()));
        kill("KILL", pid);
        let status = pty.wait_exit();
        assert!(!status.success(), "kill -9 reported success: {status:?}");
    }
    assert_eq!(only_body(home.path()).as_deref(), Some(SENTENCE));
    let again = Pty::precis(home.path(), &[]);
    again.wait_for("Resumed your draft on");
    again.wait_for(SENTENCE);
    again.wait_for("Précis · 8/150 words");
}

#[test]
fn sighup_right_after_typing_saves_everything_and_exits() {
    signal_right_after_typing("HUP");
}

#[test]
fn sigterm_right_after_typing_saves_everything_and_exits() {
    let status = signal_right_after_typing("TERM");
    // The editor saves, then reports the signal the shell way: 128 + 15.
    assert!(
        status.signal().is_none(),
        "the editor died of SIGTERM instead of handling it: {status:?}"
    );
    assert_eq!(status.exit_code(), 143, "{status:?}");
}

/// Replaces the drafts folder of a running editor with a regular file, so
/// every save fails ("Not a directory"), even for root.
fn break_drafts_dir(home: &Path) {
    let dir = drafts_dir(home);
    assert!(dir.is_dir(), "the editor created {}", dir.display());
    std::fs::remove_dir_all(&dir).expect("remove the drafts folder");
    std::fs::write(&dir, b"not a folder").expect("a file in its place");
}

/// Starts the editor, breaks its drafts folder, types the sentence and
/// waits for the failure to show in red with the text still in view.
fn unsaved_sentence(home: &Path) -> Pty {
    let mut pty = Pty::precis(home, &[]);
    pty.wait_for("Précis · 0/150 words");
    break_drafts_dir(home);
    pty.send(SENTENCE);
    pty.wait_for("NOT SAVED");
    pty.wait_until("\"NOT SAVED\" in red", |s| {
        find(s, "NOT SAVED").is_some_and(|(row, col)| {
            (0..9).all(|k| {
                s.cell(row as u16, (col + k) as u16)
                    .is_some_and(|c| c.fgcolor() == vt100::Color::Idx(1))
            })
        })
    });
    pty.wait_for(SENTENCE);
    pty.wait_for("Précis · 8/150 words");
    pty
}

#[test]
fn a_failing_drafts_folder_keeps_the_text_and_writes_it_elsewhere() {
    let home = home();
    let mut pty = unsaved_sentence(home.path());

    pty.send(CTRL_Q);
    pty.wait_for(" Not saved ");
    // The offered path is a file in the home directory named after the
    // draft; the path may wrap, so it is looked for without whitespace.
    let offered = format!("{}/precis-", home.path().display());
    let squeezed = |s: &vt100::Screen| s.contents().split_whitespace().collect::<String>();
    pty.wait_until(&format!("the offered path {offered}…txt"), |s| {
        squeezed(s).contains(&offered)
    });
    // The id is 22 characters (YYYYMMDD-HHMMSS-xxxxxx); a few more
    // Backspaces than the path holds must leave it empty, not fail.
    let offered_len = offered.chars().count() + "20250101-000000-abcdef.txt".len();
    pty.send(&BACKSPACE.repeat(offered_len + 10));
    pty.wait_until("the offered path to be cleared", |s| {
        !squeezed(s).contains("precis-")
    });
    let target = home.path().join("rescued.txt");
    let typed = target.display().to_string();
    pty.send(&typed);
    pty.wait_until(&format!("the typed path {typed}"), |s| {
        squeezed(s).contains(&typed)
    });
    pty.send(ENTER);
    let status = pty.wait_exit();
    assert!(status.success(), "exit status {status:?}");

    let written =
        std::fs::read_to_string(&target).unwrap_or_else(|e| panic!("{}: {e}", target.display()));
    assert!(
        written.contains(SENTENCE),
        "{} holds {written:?}",
        target.display()
    );
    let raw = String::from_utf8_lossy(&pty.raw()).into_owned();
    assert!(
        raw.contains(&format!("precis: your précis was written to {typed}")),
        "the output does not say where the précis was written:\n{raw}"
    );
    let others: Vec<_> = std::fs::read_dir(home.path())
        .expect("read home")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("precis-"))
        .collect();
    assert!(
        others.is_empty(),
        "something was written to the offered path: {others:?}"
    );
}

#[test]
fn quitting_anyway_from_the_not_saved_prompt_prints_the_precis() {
    let home = home();
    let mut pty = unsaved_sentence(home.path());
    pty.send(CTRL_Q);
    pty.wait_for(" Not saved ");
    pty.send(CTRL_Q);
    pty.wait_exit();
    let raw = String::from_utf8_lossy(&pty.raw()).into_owned();
    let after = raw
        .rfind("could not be saved")
        .map(|at| &raw[at..])
        .unwrap_or_else(|| panic!("no \"could not be saved\" in the output:\n{raw}"));
    assert!(
        after.contains(SENTENCE),
        "the précis is not printed after quitting anyway:\n{raw}"
    );
}

#[test]
fn each_save_keeps_the_previous_version_as_a_backup() {
    let home = home();
    let mut pty = Pty::precis(home.path(), &[]);
    pty.wait_for("Précis · 0/150 words");
    let first = "Tax revenue stays near 12 percent.";
    pty.send(first);
    wait_disk("the first version on disk", || {
        only_body(home.path()).filter(|b| b == first)
    });
    let path = draft_files(home.path()).remove(0);
    let backup = path.with_extension("json.bak");
    pty.send(" Reform is overdue.");
    let second = format!("{first} Reform is overdue.");
    wait_disk("the second version on disk", || {
        only_body(home.path()).filter(|b| *b == second)
    });
    let kept = read_json(&backup).unwrap_or_else(|| panic!("no backup at {}", backup.display()));
    assert_eq!(
        kept["body"], first,
        "the backup holds the version before the last save"
    );
    assert_eq!(
        kept["id"],
        read_json(&path).expect("the draft")["id"],
        "the backup is of the same draft"
    );
}

#[test]
fn saving_is_retried_and_succeeds_once_the_folder_is_back() {
    let home = home();
    let pty = unsaved_sentence(home.path());
    let dir = drafts_dir(home.path());
    std::fs::remove_file(&dir).expect("remove the file in the folder's place");
    std::fs::create_dir(&dir).expect("make the drafts folder again");
    let repaired = Instant::now();
    // No key is pressed: the retry (every 2 s) alone must save it.
    wait_disk("the retried save", || {
        only_body(home.path()).filter(|b| b == SENTENCE)
    });
    let took = repaired.elapsed();
    assert!(
        took < Duration::from_secs(4),
        "the retry came {took:?} after the folder was back"
    );
    pty.wait_until("the status bar to stop saying NOT SAVED", |s| {
        !flat(s).contains("NOT SAVED")
    });
}

/// The `updated` time of the only draft under `home`.
fn only_updated(home: &Path) -> String {
    let files = draft_files(home);
    assert_eq!(files.len(), 1, "{files:?}");
    let draft = read_json(&files[0]).expect("the draft reads as JSON");
    draft["updated"].as_str().expect("updated").to_string()
}

/// Runs the editor, types the sentence into a new draft and quits.
fn write_a_draft(home: &Path) {
    let mut pty = Pty::precis(home, &[]);
    pty.wait_for("Précis · 0/150 words");
    pty.send(SENTENCE);
    pty.wait_for("Précis · 8/150 words");
    pty.send(CTRL_Q);
    assert!(pty.wait_exit().success());
}

/// Opening a draft, resuming it or browsing the drafts leaves its date as
/// it was: `updated` changes only with the text (browsing once saved the
/// open draft again, so the newest draft was always the one last looked at).
#[test]
fn looking_at_a_draft_does_not_change_its_date() {
    let home = home();
    write_a_draft(home.path());
    let written = only_updated(home.path());

    // Resumed, browsed (Ctrl+D, Esc), opened from the browser, quit.
    let mut pty = Pty::precis(home.path(), &[]);
    pty.wait_for("Resumed your draft on");
    pty.send("\x04");
    pty.wait_for(" Drafts (1) ");
    pty.send("\x1b");
    pty.wait_until("the browser to close", |s| {
        !flat(s).contains(" Drafts (1) ")
    });
    pty.send("\x04");
    pty.wait_for(" Drafts (1) ");
    pty.send(ENTER);
    pty.wait_for("Opened your draft");
    pty.send(CTRL_Q);
    assert!(pty.wait_exit().success());
    assert_eq!(only_updated(home.path()), written, "after the editor");

    // `precis drafts`, then q.
    let mut pty = Pty::precis(home.path(), &["drafts"]);
    pty.wait_for(" Drafts (1) ");
    pty.send("q");
    assert!(pty.wait_exit().success());
    assert_eq!(only_updated(home.path()), written, "after precis drafts");
}

/// A burst of more than 1,024 bytes of typed (not bracketed) input is read
/// whole before the editor stops: crossterm's default reader returned after
/// its first 1,024-byte read and left the rest in the edge-triggered tty
/// until another key came, so it was lost on SIGHUP; its `use-dev-tty`
/// reader polls level-triggered and reads on.
#[test]
fn sighup_after_a_long_burst_of_typing_loses_nothing() {
    let home = home();
    let (mut pty, pid) = precis_with_pid(home.path());
    let text = [SENTENCE; 40].join(" ");
    pty.send(&text);
    kill("HUP", pid);
    pty.wait_exit();
    let body = only_body(home.path()).unwrap_or_default();
    assert!(
        body == text,
        "typed {} bytes before SIGHUP, {} were saved",
        text.len(),
        body.len()
    );
}

/// `e` in the drafts browser writes the draft to the home folder named
/// after its title, and a second export beside the first, never over it.
#[test]
fn the_browser_exports_under_the_title() {
    let home = home();
    write_a_draft(home.path());
    let file = draft_files(home.path()).pop().expect("a draft");
    let mut draft = read_json(&file).expect("the draft reads as JSON");
    draft["title"] = "Taxing the Untaxed".into();
    std::fs::write(&file, draft.to_string()).expect("retitle the draft");

    let mut pty = Pty::precis(home.path(), &["drafts"]);
    pty.wait_for(" Drafts (1) ");
    for name in ["taxing-the-untaxed.md", "taxing-the-untaxed-2.md"] {
        pty.send("e");
        let path = home.path().join(name);
        pty.wait_until(&format!("exported to {}", path.display()), |s| {
            flat(s).contains(&format!("exported to {}", path.display()))
        });
        let text = std::fs::read_to_string(&path).expect("the export");
        assert!(text.starts_with("# Taxing the Untaxed\n\n"), "{text}");
        assert!(text.contains(SENTENCE), "{text}");
    }
    pty.send("q");
    assert!(pty.wait_exit().success());
}
