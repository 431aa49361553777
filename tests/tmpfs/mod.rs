//! A small disk for tests of what happens when it is full: a 200 KB tmpfs
//! mounted on a temporary directory (Linux, as root, which CI is), filled
//! on demand by a file that takes every free byte. Where mounting is not
//! permitted, [`SmallDisk::mount`] says so on standard error and the test
//! skips itself.

#![allow(dead_code)]

use std::fs::{self, File};
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};
use std::process::Command;

/// A mounted 200 KB tmpfs, unmounted when dropped.
pub struct SmallDisk {
    dir: tempfile::TempDir,
}

impl SmallDisk {
    /// Mounts a 200 KB tmpfs, or prints why not (for `test`) and returns
    /// `None`: mounting needs root (or CAP_SYS_ADMIN) on Linux.
    pub fn mount(test: &str) -> Option<Self> {
        let dir = tempfile::tempdir().expect("temp dir");
        let mounted = Command::new("mount")
            .args(["-t", "tmpfs", "-o", "size=200k", "tmpfs"])
            .arg(dir.path())
            .output();
        match mounted {
            Ok(out) if out.status.success() => Some(SmallDisk { dir }),
            Ok(out) => {
                eprintln!(
                    "note: {test} skipped: a tmpfs cannot be mounted here ({})",
                    String::from_utf8_lossy(&out.stderr).trim()
                );
                None
            }
            Err(e) => {
                eprintln!("note: {test} skipped: no mount command ({e})");
                None
            }
        }
    }

    /// The mounted directory.
    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// The file that fills the disk.
    fn filler(&self) -> PathBuf {
        self.path().join("filler")
    }

    /// Takes every free byte: writes a file until the disk says it is full.
    pub fn fill(&self) {
        let mut file = File::create(self.filler()).expect("create the filler");
        let block = [b'x'; 4096];
        loop {
            match file.write(&block) {
                Ok(0) => break,
                Ok(_) => {}
                Err(e) if e.kind() == ErrorKind::StorageFull => break,
                Err(e) => panic!("filling the disk: {e}"),
            }
        }
        // Smaller writes take what a block could not.
        while let Ok(1) = file.write(b"x") {}
    }

    /// Frees what [`SmallDisk::fill`] took.
    pub fn free(&self) {
        fs::remove_file(self.filler()).expect("remove the filler");
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.dir.path()).status();
    }
}

/// The names of the temporary files in `dir` (any name ending `.tmp`).
pub fn temporaries(dir: &Path) -> Vec<String> {
    fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".tmp"))
                .collect()
        })
        .unwrap_or_default()
}
