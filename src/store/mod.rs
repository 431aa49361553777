//! Where drafts live: one JSON file per draft under the platform data
//! directory (`$XDG_DATA_HOME/precis/drafts` on Linux), written atomically
//! so a crash can never leave half a draft.

mod atomic;
pub mod draft;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

pub use atomic::write_atomic;
pub use draft::{Draft, DraftSource, Mode, Origin};

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

/// The drafts directory and the operations on it.
#[derive(Debug, Clone)]
pub struct DraftStore {
    dir: PathBuf,
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
        let dir = data_dir.join("drafts");
        fs::create_dir_all(&dir).map_err(|source| StoreError::Io {
            path: dir.clone(),
            source,
        })?;
        Ok(Self { dir })
    }

    /// The file a draft is stored in.
    pub fn path_of(&self, id: &str) -> PathBuf {
        self.dir.join(format!("{id}.json"))
    }

    /// Saves a draft atomically.
    pub fn save(&self, draft: &Draft) -> Result<(), StoreError> {
        let path = self.path_of(&draft.id);
        let json = serde_json::to_vec_pretty(draft).map_err(|e| StoreError::Corrupt {
            path: path.clone(),
            reason: e.to_string(),
        })?;
        write_atomic(&path, &json).map_err(|source| StoreError::Io { path, source })
    }

    /// Loads one draft file.
    pub fn load_file(path: &Path) -> Result<Draft, StoreError> {
        let bytes = fs::read(path).map_err(|source| StoreError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        Draft::from_json(&bytes).map_err(|reason| StoreError::Corrupt {
            path: path.to_path_buf(),
            reason,
        })
    }

    /// Every draft file, readable or not, newest first among the readable.
    pub fn list(&self) -> Vec<Result<Draft, StoreError>> {
        let entries = match fs::read_dir(&self.dir) {
            Ok(entries) => entries,
            Err(source) => {
                return vec![Err(StoreError::Io {
                    path: self.dir.clone(),
                    source,
                })];
            }
        };
        let mut out: Vec<Result<Draft, StoreError>> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .map(|p| Self::load_file(&p))
            .collect();
        out.sort_by(|a, b| match (a, b) {
            (Ok(a), Ok(b)) => b.updated.cmp(&a.updated),
            (Ok(_), Err(_)) => std::cmp::Ordering::Less,
            (Err(_), Ok(_)) => std::cmp::Ordering::Greater,
            (Err(_), Err(_)) => std::cmp::Ordering::Equal,
        });
        out
    }

    /// The most recently updated practice draft, to resume.
    pub fn latest_practice(&self) -> Option<Draft> {
        self.list()
            .into_iter()
            .filter_map(Result::ok)
            .find(|d| d.mode == Mode::Practice)
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
            .filter_map(Result::ok)
            .map(|d| d.id)
            .collect();
        assert_eq!(listed, ["b", "a"]);
        assert_eq!(DraftStore::load_file(&store.path_of("a")).ok(), Some(a));
        assert_eq!(store.latest_practice().map(|d| d.id).as_deref(), Some("b"));
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
