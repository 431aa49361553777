//! Atomic file replacement: write a temporary file in the same directory,
//! flush it to disk, then rename it over the target, so readers see the old
//! file or the new one, never a mixture. A temporary that is not put in
//! place (the write failed, or the caller gave up) is removed.

use std::fmt;
use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// How the bytes of a new file reach the device. The store writes through
/// one, so a test can put in a disk that fails part-way, as a full one does.
pub trait Disk: Send + Sync + fmt::Debug {
    /// Writes all of `bytes` to `file` and flushes them to the device; an
    /// error may come after some of them were written.
    fn write_all(&self, file: &mut File, bytes: &[u8]) -> io::Result<()>;
}

/// The real disk: `write_all`, then `fsync`.
#[derive(Debug, Clone, Copy, Default)]
pub struct RealDisk;

impl Disk for RealDisk {
    fn write_all(&self, file: &mut File, bytes: &[u8]) -> io::Result<()> {
        file.write_all(bytes)?;
        file.sync_all()
    }
}

/// A new version of a file, written and synced beside it under a temporary
/// name but not yet in its place. Dropped without [`Staged::place`], its
/// temporary is removed, so a failed save leaves nothing behind.
#[derive(Debug)]
pub struct Staged {
    temp: PathBuf,
    target: PathBuf,
}

/// The temporary name for a new version of `path`: hidden, in the same
/// directory (so the rename stays on one file system), ending in `.tmp` so
/// that a crash's leftovers are recognised and cleaned up.
pub fn temporary_for(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!(".{name}.{}.tmp", std::process::id()))
}

impl Staged {
    /// Writes `bytes` through `disk` to a temporary beside `target`. On
    /// error the temporary is already removed and `target` is untouched.
    pub fn write(disk: &dyn Disk, target: &Path, bytes: &[u8]) -> io::Result<Self> {
        let staged = Staged {
            temp: temporary_for(target),
            target: target.to_path_buf(),
        };
        let mut file = File::create(&staged.temp)?;
        disk.write_all(&mut file, bytes)?;
        Ok(staged)
    }

    /// Renames the new version over its target and syncs the directory.
    pub fn place(self) -> io::Result<()> {
        fs::rename(&self.temp, &self.target)?;
        let dir = self.target.parent().unwrap_or(Path::new("."));
        if let Ok(d) = File::open(dir) {
            d.sync_all()?;
        }
        Ok(())
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        // After a successful `place` the temporary is gone already.
        let _ = fs::remove_file(&self.temp);
    }
}

/// Replaces `path` with `bytes` atomically (temp file, fsync, rename, fsync
/// of the directory). On error the previous file is untouched and no
/// temporary is left.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    Staged::write(&RealDisk, path, bytes)?.place()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The names in `dir`.
    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .expect("dir")
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    /// Writes half the bytes, then fails as a full disk does.
    #[derive(Debug)]
    struct HalfFull;

    impl Disk for HalfFull {
        fn write_all(&self, file: &mut File, bytes: &[u8]) -> io::Result<()> {
            file.write_all(&bytes[..bytes.len() / 2])?;
            Err(io::Error::from(io::ErrorKind::StorageFull))
        }
    }

    #[test]
    fn replaces_the_file_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("d.json");
        write_atomic(&path, b"one").expect("first");
        write_atomic(&path, b"two").expect("second");
        assert_eq!(fs::read(&path).ok().as_deref(), Some(&b"two"[..]));
        assert_eq!(names(dir.path()), ["d.json"]);
    }

    #[test]
    fn a_failed_write_keeps_the_old_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("d.json");
        write_atomic(&path, b"old").expect("first");
        let missing_dir = dir.path().join("nope").join("d.json");
        assert!(write_atomic(&missing_dir, b"new").is_err());
        assert_eq!(fs::read(&path).ok().as_deref(), Some(&b"old"[..]));
    }

    #[test]
    fn a_write_failing_part_way_keeps_the_old_file_and_no_temporary() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("d.json");
        write_atomic(&path, b"old").expect("first");
        let err = Staged::write(&HalfFull, &path, b"a new version").expect_err("fails");
        assert_eq!(err.kind(), io::ErrorKind::StorageFull);
        assert_eq!(fs::read(&path).ok().as_deref(), Some(&b"old"[..]));
        assert_eq!(names(dir.path()), ["d.json"]);
    }

    #[test]
    fn a_staged_version_not_placed_is_removed() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("d.json");
        let staged = Staged::write(&RealDisk, &path, b"new").expect("staged");
        assert_eq!(names(dir.path()).len(), 1, "the temporary is there");
        drop(staged);
        assert!(names(dir.path()).is_empty());
    }
}
