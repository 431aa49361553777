//! What an exported draft's file is called: its title as a slug
//! (`taxing-the-untaxed.md`), never a file already there.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::{Draft, Origin};
use crate::text::slug::slug;

/// The stem an export of `draft` is named after: its title; for an
/// untitled précis (the UPSC rule) its passage's title, id or file name;
/// else `precis`.
pub fn stem(draft: &Draft) -> String {
    let source_file = match &draft.source.origin {
        Origin::File { path } => Path::new(path)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned()),
        Origin::BuiltIn { id } => Some(id.clone()),
        Origin::Stdin => None,
    };
    let source = draft.source.title.clone().or(source_file);
    [Some(draft.title.clone()), source]
        .into_iter()
        .flatten()
        .map(|name| slug(&name))
        .find(|s| !s.is_empty())
        .unwrap_or_else(|| "precis".to_string())
}

/// Creates an empty `dir/stem.extension`, or `stem-2`, `stem-3`… when that
/// exists, and returns its path: the file is the caller's to write over, and
/// no file that was there before is ever replaced.
pub fn reserve(dir: &Path, stem: &str, extension: &str) -> io::Result<PathBuf> {
    for n in 1..=u32::MAX {
        let name = match n {
            1 => format!("{stem}.{extension}"),
            n => format!("{stem}-{n}.{extension}"),
        };
        let path = dir.join(name);
        match fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
        {
            Ok(_) => return Ok(path),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::other("no free file name"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_export_is_named_after_the_title_then_the_passage() {
        let mut d = Draft::sample("20250302-101500-aaaaaa");
        d.title = "Taxing the Untaxed".into();
        assert_eq!(stem(&d), "taxing-the-untaxed");
        d.title = "  ".into();
        d.source.title = Some("What the Silk Road Carried".into());
        assert_eq!(stem(&d), "what-the-silk-road-carried");
        d.source.title = None;
        d.source.origin = Origin::File {
            path: "/home/me/Water Crisis.md".into(),
        };
        assert_eq!(stem(&d), "water-crisis");
        d.source.origin = Origin::BuiltIn {
            id: "silk-road".into(),
        };
        assert_eq!(stem(&d), "silk-road");
        d.source.origin = Origin::Stdin;
        assert_eq!(stem(&d), "precis");
    }

    #[test]
    fn a_name_already_taken_gets_a_number() {
        let dir = tempfile::tempdir().expect("tempdir");
        fs::write(dir.path().join("water.md"), "kept").expect("write");
        let second = reserve(dir.path(), "water", "md").expect("reserve");
        assert_eq!(second, dir.path().join("water-2.md"));
        let third = reserve(dir.path(), "water", "md").expect("reserve");
        assert_eq!(third, dir.path().join("water-3.md"));
        assert_eq!(
            fs::read_to_string(dir.path().join("water.md"))
                .ok()
                .as_deref(),
            Some("kept")
        );
        let other = reserve(dir.path(), "water", "txt").expect("reserve");
        assert_eq!(other, dir.path().join("water.txt"));
    }

    #[test]
    fn a_missing_folder_is_an_error() {
        let dir = tempfile::tempdir().expect("tempdir");
        assert!(reserve(&dir.path().join("absent"), "water", "md").is_err());
    }
}
