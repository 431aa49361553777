//! A full disk never costs the backup: a save that fails (the disk is full,
//! or a write stops part-way) leaves the draft and its `.bak` as the last
//! good versions and no temporary file, and the editor never says `saved`
//! for it. On a real full disk (a 200 KB tmpfs, where mounting is allowed)
//! and with a disk that fails part-way (anywhere).

mod common;
mod tmpfs;

use std::fs::File;
use std::io::{self, Write};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use common::{app_on, ctrl, screen, type_text};
use jiff::Timestamp;
use precis::analysis::Settings;
use precis::analysis::words::CountingOptions;
use precis::store::draft::DRAFT_VERSION;
use precis::store::{Disk, Draft, DraftSource, DraftStore, Mode, Origin, StoreError};
use precis::ui::app::{App, Effect};
use tmpfs::{SmallDisk, temporaries};

/// A draft of an original two-line passage with `body`.
fn draft(body: &str) -> Draft {
    Draft {
        version: DRAFT_VERSION,
        id: "20250302-101500-aaaaaa".to_string(),
        created: Timestamp::UNIX_EPOCH,
        updated: Timestamp::UNIX_EPOCH,
        source: DraftSource {
            origin: Origin::Stdin,
            title: None,
            text:
                "Ferries carry most of the island's food. Storms stop them for days each winter.\n"
                    .to_string(),
        },
        title: String::new(),
        body: body.to_string(),
        settings: Settings::default(),
        counting: CountingOptions::default(),
        mode: Mode::Practice,
        timeline: Vec::new(),
        exam: None,
    }
}

/// The body stored at `path`.
fn body_at(path: &Path) -> String {
    DraftStore::load_file(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .body
}

/// Words enough to need more room than a freed backup gives back (over a
/// 4 KB page), so no order of steps can make room for the new version.
fn more_than_a_page(n: usize) -> String {
    format!(" Attempt {n} adds words the disk has no room for.").repeat(120)
}

/// Saves two good versions, then, while failing (after `start_failing`),
/// five more that must fail; the draft must then hold the second and its
/// backup the first, with no temporary left; after `recover`, a save works
/// again and the backup is the second.
fn failed_saves_keep_the_last_good_versions(
    store: &DraftStore,
    start_failing: impl Fn(),
    recover: impl Fn(),
) {
    let first = "Ferries feed the island.";
    let second = "Ferries feed the island, but winter storms stop them.";
    store.save(&draft(first)).expect("the first save");
    store.save(&draft(second)).expect("the second save");
    let path = store.path_of(&draft(first).id);
    let backup = store.backup_of(&draft(first).id);
    start_failing();
    for n in 1..=5 {
        let body = format!("{second}{}", more_than_a_page(n));
        let saved = store.save(&draft(&body));
        assert!(
            saved.is_err(),
            "save {n} on a full disk reported success (the draft now holds {:?}, its backup {:?})",
            body_at(&path),
            std::fs::read_to_string(&backup).unwrap_or_default()
        );
        assert_eq!(body_at(&path), second, "the draft after failed save {n}");
        assert_eq!(body_at(&backup), first, "the backup after failed save {n}");
        let dir = path.parent().expect("the drafts directory");
        assert_eq!(
            temporaries(dir),
            Vec::<String>::new(),
            "temporaries after failed save {n}"
        );
    }
    recover();
    let third = format!("{second} Ferries now run again.");
    store
        .save(&draft(&third))
        .expect("a save once there is room");
    assert_eq!(body_at(&path), third);
    assert_eq!(body_at(&backup), second);
}

#[test]
fn a_full_tmpfs_never_costs_the_draft_or_its_backup() {
    let Some(disk) = SmallDisk::mount("a_full_tmpfs_never_costs_the_draft_or_its_backup") else {
        return;
    };
    let store = DraftStore::open(disk.path()).expect("store");
    failed_saves_keep_the_last_good_versions(&store, || disk.fill(), || disk.free());
}

/// A disk that, once told to, writes half of what it is given and then
/// fails as a full disk does.
#[derive(Debug, Default)]
struct FailingPartWay {
    failing: AtomicBool,
}

impl Disk for FailingPartWay {
    fn write_all(&self, file: &mut File, bytes: &[u8]) -> io::Result<()> {
        if !self.failing.load(Ordering::SeqCst) {
            file.write_all(bytes)?;
            return file.sync_all();
        }
        file.write_all(&bytes[..bytes.len() / 2])?;
        Err(io::Error::from(io::ErrorKind::StorageFull))
    }
}

#[test]
fn a_write_failing_part_way_never_costs_the_draft_or_its_backup() {
    let dir = tempfile::tempdir().expect("temp dir");
    let disk = Arc::new(FailingPartWay::default());
    let store = DraftStore::open_on(dir.path(), disk.clone()).expect("store");
    failed_saves_keep_the_last_good_versions(
        &store,
        || disk.failing.store(true, Ordering::SeqCst),
        || disk.failing.store(false, Ordering::SeqCst),
    );
}

/// Carries out the editor's save effects as the runtime does: the draft as
/// it stands, saved unless another window changed it, the outcome shown.
fn carry_out(app: &mut App, store: &DraftStore, effects: Vec<Effect>) {
    for effect in effects {
        if effect != Effect::Save {
            continue;
        }
        let now = Timestamp::now();
        let mut draft = app.to_draft(now);
        match store.save_unless_changed(&mut draft, app.full_report(), app.on_disk) {
            Ok(_) => {
                app.on_disk = Some(now);
                app.saved(Ok("12:00".to_string()));
            }
            Err(e) => app.saved(Err(StoreError::to_string(&e))),
        }
    }
}

/// What the status bar (the last rows of a 120×40 screen) says.
fn status(app: &App) -> String {
    let shown = screen(app, 120, 40);
    let rows: Vec<&str> = shown.lines().collect();
    rows[rows.len().saturating_sub(3)..].join("\n")
}

#[test]
fn after_a_failed_save_ctrl_s_on_a_failing_disk_never_says_saved() {
    let dir = tempfile::tempdir().expect("temp dir");
    let disk = Arc::new(FailingPartWay::default());
    let store = DraftStore::open_on(dir.path(), disk.clone()).expect("store");
    let mut app = app_on("narrow-tax-base");
    type_text(&mut app, "Revenue stays low.");
    let effects = app.update(ctrl('s'));
    assert_eq!(effects, [Effect::Save]);
    carry_out(&mut app, &store, effects);
    assert!(status(&app).contains("saved 12:00"), "{}", status(&app));

    disk.failing.store(true, Ordering::SeqCst);
    for n in 1..=4 {
        type_text(&mut app, " More");
        let effects = app.update(ctrl('s'));
        carry_out(&mut app, &store, effects);
        let shown = status(&app);
        assert!(shown.contains("NOT SAVED"), "Ctrl+S {n}:\n{shown}");
        assert!(!shown.contains("saved 12:00"), "Ctrl+S {n}:\n{shown}");
        // Ctrl+S again with nothing typed: still a failure, not `saved`.
        let effects = app.update(ctrl('s'));
        carry_out(&mut app, &store, effects);
        assert!(status(&app).contains("NOT SAVED"), "{}", status(&app));
    }
    let path = store.path_of(&app.draft_id);
    assert_eq!(body_at(&path), "Revenue stays low.");
    assert_eq!(temporaries(store.dir()), Vec::<String>::new());

    disk.failing.store(false, Ordering::SeqCst);
    let effects = app.update(ctrl('s'));
    carry_out(&mut app, &store, effects);
    assert!(status(&app).contains("saved 12:00"), "{}", status(&app));
    assert_eq!(body_at(&path), "Revenue stays low. More More More More");
    assert_eq!(
        body_at(&store.backup_of(&app.draft_id)),
        "Revenue stays low."
    );
}
