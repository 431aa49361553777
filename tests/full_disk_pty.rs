//! The real editor in a pseudo-terminal with its drafts on a disk that
//! fills up (a 200 KB tmpfs; skipped with a note where mounting is not
//! permitted): autosave and `Ctrl+S` say `NOT SAVED` until a save really
//! completes, the draft and its backup keep the last good versions, no
//! temporary is left, and saving resumes once there is room.

mod pty;
mod tmpfs;

use std::path::{Path, PathBuf};
use std::thread;
use std::time::{Duration, Instant};

use pty::{Pty, flat, read_json, wait_disk};
use tmpfs::{SmallDisk, temporaries};

const CTRL_S: &str = "\x13";

const FIRST: &str = "Tax revenue stays near 12 percent.";
const MORE: &str = " Reform is overdue.";
/// Pasted once the disk is full: more than a 4 KB page, so no order of
/// steps in a save can make room for it.
fn unsaved() -> String {
    " Farms and shops escape the net while salaried staff carry it.".repeat(80)
}

/// Whether the status bar says the text is saved (`saved` or `saved 12:03`;
/// not `unsaved`, `NOT SAVED` or `not saved: …`).
fn says_saved(screen: &vt100::Screen) -> bool {
    flat(screen).split_whitespace().any(|w| w == "saved")
}

/// The only draft file in `dir`, once there is one.
fn only_draft(dir: &Path) -> Option<PathBuf> {
    let files: Vec<PathBuf> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    assert!(files.len() <= 1, "more than one draft: {files:?}");
    files.into_iter().next()
}

/// The body stored at `path`, if it reads as a draft.
fn body(path: &Path) -> Option<String> {
    Some(read_json(path)?["body"].as_str()?.to_string())
}

/// Watches the screen for `until`, failing if it ever says `saved`.
fn never_says_saved(pty: &Pty, until: Duration) {
    let start = Instant::now();
    while start.elapsed() < until {
        let screen = pty.out().parser.screen().clone();
        assert!(
            !says_saved(&screen),
            "`saved` shown with the disk full:\n{}",
            screen.contents()
        );
        thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn on_a_full_disk_ctrl_s_never_says_saved_and_the_backup_survives() {
    let Some(disk) =
        SmallDisk::mount("on_a_full_disk_ctrl_s_never_says_saved_and_the_backup_survives")
    else {
        return;
    };
    let home = pty::home();
    let data = disk.path().display().to_string();
    let drafts = disk.path().join("drafts");
    let mut pty = Pty::precis(home.path(), &["--data-dir", &data]);
    pty.wait_for("Précis · 0/150 words");

    pty.send(FIRST);
    let path = wait_disk("the first version on disk", || {
        only_draft(&drafts).filter(|p| body(p).as_deref() == Some(FIRST))
    });
    let second = format!("{FIRST}{MORE}");
    pty.send(MORE);
    wait_disk("the second version on disk", || {
        body(&path).filter(|b| *b == second)
    });
    let backup = path.with_extension("json.bak");
    assert_eq!(body(&backup).as_deref(), Some(FIRST));

    disk.fill();
    pty.send(&format!("\x1b[200~{}\x1b[201~", unsaved()));
    pty.wait_for("NOT SAVED");
    // Ctrl+S three times, then the automatic retries: the disk is still
    // full, so nothing may say `saved`.
    for _ in 0..3 {
        pty.send(CTRL_S);
        never_says_saved(&pty, Duration::from_millis(400));
    }
    never_says_saved(&pty, Duration::from_millis(2_500));
    assert!(flat(pty.out().parser.screen()).contains("NOT SAVED"));
    assert_eq!(body(&path).as_deref(), Some(second.as_str()), "the draft");
    assert_eq!(body(&backup).as_deref(), Some(FIRST), "the backup");
    assert_eq!(temporaries(&drafts), Vec::<String>::new());

    disk.free();
    let all = format!("{second}{}", unsaved());
    wait_disk("the retried save once there is room", || {
        body(&path).filter(|b| *b == all)
    });
    pty.wait_until("`saved` once the save completed", says_saved);
    assert_eq!(body(&backup).as_deref(), Some(second.as_str()));
    assert_eq!(temporaries(&drafts), Vec::<String>::new());
}
