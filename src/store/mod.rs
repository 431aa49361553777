//! Where drafts live: one JSON file per draft under the platform data
//! directory (`$XDG_DATA_HOME/precis/drafts` on Linux), written atomically
//! so a crash can never leave half a draft.

mod atomic;
pub mod draft;
pub mod export;
pub mod file_name;
pub mod listing;
pub mod lookup;
pub mod overview;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The exam clock a draft stores, also named here, beside the draft, for
/// users of the library.
pub use crate::exam::timing::ExamTiming;
pub use atomic::{Disk, RealDisk, write_atomic};
pub use draft::{Draft, DraftSource, ExamState, Mode, Origin, Sample};
pub use overview::{Overview, Summary};

use crate::analysis::report::Report;
use atomic::Staged;

/// Why the drafts store could not do something; each message names the file.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// No data directory could be found for this user.
    #[error("no data directory for this user (set XDG_DATA_HOME or pass --data-dir)")]
    NoDataDir,
    /// A file or directory could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file or directory.
        path: PathBuf,
        /// The system's reason.
        source: io::Error,
    },
    /// A draft file is not a draft this version can read.
    #[error("{path}: unreadable draft ({reason})")]
    Corrupt {
        /// The file.
        path: PathBuf,
        /// What is wrong with it.
        reason: String,
    },
}

/// A file in the drafts directory, read or not.
#[derive(Debug)]
pub struct Listed {
    /// The draft file.
    pub path: PathBuf,
    /// The draft without its body, or why it cannot be read (it is left
    /// untouched).
    pub draft: Result<Overview, StoreError>,
}

impl Overview {
    /// The draft's counts: those its file at `path` holds, else from
    /// reading it whole and checking it now (a draft saved before counts
    /// were stored, or by another version of précis).
    pub fn counts(&self, path: &Path) -> Result<Summary, StoreError> {
        match &self.summary {
            Some(summary) => Ok(summary.clone()),
            None => DraftStore::load_file(path).map(|d| Summary::of(&d.report_for_listing())),
        }
    }
}

/// What a careful save found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Saved {
    /// Written over the draft as it was last seen.
    Written,
    /// The file had been changed by someone else since it was last seen, so
    /// this version was written as a new draft with the given id instead.
    AsCopy(String),
}

/// Temporary files older than this are leftovers of a crash.
const STALE_TEMP: std::time::Duration = std::time::Duration::from_secs(60);

/// The drafts directory and the operations on it.
#[derive(Debug, Clone)]
pub struct DraftStore {
    dir: PathBuf,
    /// How saved bytes reach the disk.
    disk: Arc<dyn Disk>,
}

/// A draft as saved: its fields, then the counts of its full check when
/// the saver had one.
#[derive(serde::Serialize)]
struct Stored<'a> {
    #[serde(flatten)]
    draft: &'a Draft,
    #[serde(skip_serializing_if = "Option::is_none")]
    summary: Option<Summary>,
}

impl DraftStore {
    /// The platform data directory for précis, e.g. `~/.local/share/precis`.
    pub fn default_data_dir() -> Result<PathBuf, StoreError> {
        directories::ProjectDirs::from("", "", "precis")
            .map(|d| d.data_dir().to_path_buf())
            .ok_or(StoreError::NoDataDir)
    }

    /// Opens (creating if needed) the drafts store under `data_dir`.
    pub fn open(data_dir: &Path) -> Result<Self, StoreError> {
        Self::open_on(data_dir, Arc::new(RealDisk))
    }

    /// Opens the drafts store under `data_dir`, saving through `disk` (a
    /// test's disk that fails part-way, as a full one does).
    pub fn open_on(data_dir: &Path, disk: Arc<dyn Disk>) -> Result<Self, StoreError> {
        let dir = data_dir.join("drafts");
        fs::create_dir_all(&dir).map_err(|source| StoreError::Io {
            path: dir.clone(),
            source,
        })?;
        let store = Self { dir, disk };
        store.remove_stale_temporaries();
        Ok(store)
    }

    /// Removes temporary files a crash mid-save left behind (they are never
    /// read as drafts).
    fn remove_stale_temporaries(&self) {
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return;
        };
        for entry in entries.filter_map(Result::ok) {
            let path = entry.path();
            let stale = entry
                .metadata()
                .and_then(|m| m.modified())
                .is_ok_and(|t| t.elapsed().is_ok_and(|age| age > STALE_TEMP));
            if path.extension().is_some_and(|x| x == "tmp") && stale {
                let _ = fs::remove_file(path);
            }
        }
    }

    /// Where the previous version of a draft is kept.
    pub fn backup_of(&self, id: &str) -> PathBuf {
        self.dir.join(format!("{id}.json.bak"))
    }

    /// The file a draft is stored in.
    pub fn path_of(&self, id: &str) -> PathBuf {
        self.dir.join(format!("{id}.json"))
    }

    /// The drafts directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Saves a draft atomically, keeping the version it replaces as a backup.
    pub fn save(&self, draft: &Draft) -> Result<(), StoreError> {
        self.save_checked(draft, None)
    }

    /// Saves a draft with the counts of `checked`, its full check (exactly
    /// this text under these rules), so lists need not check it again. The
    /// new version is written and synced first; only then is the version it
    /// replaces kept as `<id>.json.bak` and the new one put in its place. A
    /// save that fails at any step (a full disk) leaves the draft and its
    /// backup as they were, and no temporary file.
    pub fn save_checked(&self, draft: &Draft, checked: Option<&Report>) -> Result<(), StoreError> {
        let path = self.path_of(&draft.id);
        let io = |path: &Path| {
            let path = path.to_path_buf();
            move |source| StoreError::Io { path, source }
        };
        let stored = Stored {
            draft,
            summary: checked.map(Summary::of),
        };
        let json = serde_json::to_vec_pretty(&stored).map_err(|e| StoreError::Corrupt {
            path: path.clone(),
            reason: e.to_string(),
        })?;
        let staged = Staged::write(&*self.disk, &path, &json).map_err(io(&path))?;
        if path.exists() {
            let backup = self.backup_of(&draft.id);
            self.keep_as_backup(&path, &backup).map_err(io(&backup))?;
        }
        staged.place().map_err(io(&path))
    }

    /// Makes `backup` the file now at `path`: a hard link (no space needed)
    /// put in place by a rename, else a copy written like any new file.
    /// Either way the backup is replaced whole or not at all.
    fn keep_as_backup(&self, path: &Path, backup: &Path) -> io::Result<()> {
        let link = atomic::temporary_for(backup);
        let _ = fs::remove_file(&link);
        if fs::hard_link(path, &link).is_ok() {
            // Renaming a link over another link to the same file does
            // nothing, and leaves the temporary link behind.
            let placed = fs::rename(&link, backup);
            let _ = fs::remove_file(&link);
            return placed;
        }
        let previous = fs::read(path)?;
        Staged::write(&*self.disk, backup, &previous)?.place()
    }

    /// Saves a draft unless its file changed since `last_seen` (the update
    /// time this instance last wrote or read): then another instance has
    /// written it, and this version is kept as a new draft instead, so
    /// neither is lost. `checked` is the draft's full check, if the saver has one (see
    /// [`DraftStore::save_checked`]).
    pub fn save_unless_changed(
        &self,
        draft: &mut Draft,
        checked: Option<&Report>,
        last_seen: Option<jiff::Timestamp>,
    ) -> Result<Saved, StoreError> {
        let path = self.path_of(&draft.id);
        let on_disk = fs::read(&path)
            .ok()
            .and_then(|b| Overview::from_json(&b).ok())
            .map(|d| d.updated);
        if on_disk.is_some() && on_disk != last_seen {
            draft.id = Draft::new_id(draft.updated);
            self.save_checked(draft, checked)?;
            return Ok(Saved::AsCopy(draft.id.clone()));
        }
        self.save_checked(draft, checked)?;
        Ok(Saved::Written)
    }

    /// Deletes a draft and its backup.
    pub fn delete(&self, id: &str) -> Result<(), StoreError> {
        let path = self.path_of(id);
        fs::remove_file(&path).map_err(|source| StoreError::Io { path, source })?;
        let _ = fs::remove_file(self.backup_of(id));
        Ok(())
    }

    /// Loads one draft file.
    pub fn load_file(path: &Path) -> Result<Draft, StoreError> {
        Self::read_as(path, Draft::from_json)
    }

    /// Reads one draft file's overview (its body is scanned, not kept).
    pub fn overview_of(path: &Path) -> Result<Overview, StoreError> {
        Self::read_as(path, Overview::from_json)
    }

    /// Reads the file at `path` and makes of it what `read` makes of its
    /// bytes; an error names the file.
    fn read_as<T>(path: &Path, read: fn(&[u8]) -> Result<T, String>) -> Result<T, StoreError> {
        let bytes = fs::read(path).map_err(|source| StoreError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        read(&bytes).map_err(|reason| StoreError::Corrupt {
            path: path.to_path_buf(),
            reason,
        })
    }

    /// Every draft file, readable or not, without the bodies: the readable
    /// newest first, then the unreadable with their reasons.
    pub fn list(&self) -> Vec<Listed> {
        let entries = match fs::read_dir(&self.dir) {
            Ok(entries) => entries,
            Err(source) => {
                let path = self.dir.clone();
                return vec![Listed {
                    path: path.clone(),
                    draft: Err(StoreError::Io { path, source }),
                }];
            }
        };
        let mut out: Vec<Listed> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .map(|path| Listed {
                draft: Self::overview_of(&path),
                path,
            })
            .collect();
        out.sort_by(|a, b| match (&a.draft, &b.draft) {
            (Ok(a), Ok(b)) => b.updated.cmp(&a.updated),
            (Ok(_), Err(_)) => std::cmp::Ordering::Less,
            (Err(_), Ok(_)) => std::cmp::Ordering::Greater,
            (Err(_), Err(_)) => a.path.cmp(&b.path),
        });
        out
    }

    /// The most recent practice draft on the source `origin`: what choosing
    /// that passage again should resume.
    pub fn latest_practice_on(&self, origin: &Origin) -> Option<Draft> {
        self.latest(|d| d.mode == Mode::Practice && d.source.origin == *origin)
    }

    /// The most recently updated draft still being written: a practice
    /// draft or an exam not yet submitted (to resume after a crash).
    pub fn latest_open(&self) -> Option<Draft> {
        self.latest(|d| d.mode == Mode::Practice || !d.is_submitted())
    }

    /// The newest readable draft whose overview passes `wanted`, read whole.
    fn latest(&self, wanted: impl Fn(&Overview) -> bool) -> Option<Draft> {
        self.list()
            .into_iter()
            .filter(|l| l.draft.as_ref().is_ok_and(&wanted))
            .find_map(|l| Self::load_file(&l.path).ok())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drafts_round_trip_and_list_newest_first() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = DraftStore::open(dir.path()).expect("store");
        let mut a = Draft::sample("a");
        a.updated = jiff::Timestamp::from_second(1_000).expect("ts");
        let mut b = Draft::sample("b");
        b.updated = jiff::Timestamp::from_second(2_000).expect("ts");
        store.save(&a).expect("save a");
        store.save(&b).expect("save b");
        let listed: Vec<String> = store
            .list()
            .into_iter()
            .filter_map(|l| l.draft.ok())
            .map(|d| d.id)
            .collect();
        assert_eq!(listed, ["b", "a"]);
        assert_eq!(DraftStore::load_file(&store.path_of("a")).ok(), Some(a));
        assert_eq!(store.latest_open().map(|d| d.id).as_deref(), Some("b"));
        let mut exam = Draft::submitted_exam("c");
        exam.updated = jiff::Timestamp::from_second(3_000).expect("ts");
        store.save(&exam).expect("save c");
        assert_eq!(
            store.latest_open().map(|d| d.id).as_deref(),
            Some("b"),
            "a submitted exam is not resumed"
        );
    }

    #[test]
    fn each_save_keeps_the_previous_version() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = DraftStore::open(dir.path()).expect("store");
        let mut d = Draft::sample("k");
        store.save(&d).expect("first");
        d.body = "Second version.".into();
        store.save(&d).expect("second");
        let backup = DraftStore::load_file(&store.backup_of("k")).expect("backup");
        assert_eq!(backup.body, "Some précis words.");
        assert_eq!(store.list().len(), 1, "backups are not listed as drafts");
        store.delete("k").expect("delete");
        assert!(store.list().is_empty());
        assert!(!store.backup_of("k").exists());
    }

    #[test]
    fn a_leftover_temporary_file_is_ignored_and_cleaned_up() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = DraftStore::open(dir.path()).expect("store");
        store.save(&Draft::sample("t")).expect("save");
        let tmp = store.path_of("t").with_file_name(".t.json.999.tmp");
        fs::write(&tmp, b"{ half a dra").expect("write");
        let old = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
        fs::File::options()
            .write(true)
            .open(&tmp)
            .and_then(|f| f.set_modified(old))
            .expect("age it");
        assert_eq!(
            store.list().len(),
            1,
            "a temporary file is never read as a draft"
        );
        let reopened = DraftStore::open(dir.path()).expect("store");
        assert!(!tmp.exists(), "stale temporaries are removed on open");
        assert_eq!(reopened.list().len(), 1);
    }

    #[test]
    fn a_draft_changed_by_another_instance_is_kept_as_a_copy() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = DraftStore::open(dir.path()).expect("store");
        let mut mine = Draft::sample("c");
        store.save(&mine).expect("first");
        let seen = Some(mine.updated);
        let mut theirs = mine.clone();
        theirs.updated = jiff::Timestamp::from_second(99).expect("ts");
        theirs.body = "Their words.".into();
        store.save(&theirs).expect("other instance");
        mine.body = "My words.".into();
        mine.updated = jiff::Timestamp::from_second(100).expect("ts");
        let outcome = store
            .save_unless_changed(&mut mine, None, seen)
            .expect("save");
        let Saved::AsCopy(copy) = outcome else {
            panic!("expected a copy")
        };
        assert_ne!(copy, "c");
        assert_eq!(
            DraftStore::load_file(&store.path_of("c"))
                .expect("theirs")
                .body,
            "Their words."
        );
        assert_eq!(
            DraftStore::load_file(&store.path_of(&copy))
                .expect("mine")
                .body,
            "My words."
        );
        let seen = Some(mine.updated);
        let again = store
            .save_unless_changed(&mut mine, None, seen)
            .expect("save");
        assert_eq!(again, Saved::Written);
    }

    #[test]
    fn a_corrupt_file_is_listed_as_unreadable_and_left_alone() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = DraftStore::open(dir.path()).expect("store");
        let bad = store.path_of("broken");
        fs::write(&bad, b"{ not json").expect("write");
        let listed = store.list();
        assert_eq!(listed.len(), 1);
        let err = listed[0]
            .draft
            .as_ref()
            .err()
            .map(ToString::to_string)
            .unwrap_or_default();
        assert!(
            err.contains("broken.json") && err.contains("unreadable draft"),
            "{err}"
        );
        assert_eq!(fs::read(&bad).ok().as_deref(), Some(&b"{ not json"[..]));
    }
}
