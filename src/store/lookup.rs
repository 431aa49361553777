//! Finding the draft a command names: its id, the start of its id, or its
//! title, so a student can type `precis export 20250302` or `precis export
//! "taxing the untaxed"` instead of copying a 22-character id.

use std::fs;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::text::sanitize::one_line;

/// How many candidates an ambiguous reference lists before `and N more`.
const LISTED: usize = 5;

/// Why a reference names no single draft; each message fits on one line.
#[derive(Debug, thiserror::Error)]
pub enum LookupError {
    /// No draft has this id, an id starting with it, or this title.
    #[error("no draft '{reference}' in {}", dir.display())]
    NoSuchDraft {
        /// What was asked for.
        reference: String,
        /// The drafts directory searched.
        dir: PathBuf,
    },
    /// Several drafts have an id starting with it, or this title. (The
    /// reference is shown terminal-safe in both messages.)
    #[error(
        "'{reference}' matches {} drafts: {}; give more of the id",
        ids.len(),
        listed(ids)
    )]
    Ambiguous {
        /// What was asked for.
        reference: String,
        /// The ids of the drafts it matches, sorted.
        ids: Vec<String>,
    },
}

/// The draft file in `dir` that `reference` names, tried in this order: an
/// exact id (`name.json` too), the start of exactly one id, then a title
/// (ignoring case and runs of spaces). Titles are read only when no id
/// starts with `reference`, so an id prefix never costs a read of every
/// draft.
pub fn find(reference: &str, dir: &Path) -> Result<PathBuf, LookupError> {
    let id = reference.strip_suffix(".json").unwrap_or(reference);
    let not_found = || LookupError::NoSuchDraft {
        reference: one_line(reference),
        dir: dir.to_path_buf(),
    };
    if id.trim().is_empty() {
        return Err(not_found());
    }
    let exact = dir.join(format!("{id}.json"));
    if exact.is_file() {
        return Ok(exact);
    }
    let files = draft_files(dir);
    let wanted = id.to_lowercase();
    let by_id: Vec<&(String, PathBuf)> = files
        .iter()
        .filter(|(stem, _)| stem.to_lowercase().starts_with(&wanted))
        .collect();
    let matches = if by_id.is_empty() {
        let title = normalised(reference);
        files
            .iter()
            .filter(|(_, path)| title_of(path).is_some_and(|t| normalised(&t) == title))
            .collect()
    } else {
        by_id
    };
    match matches.as_slice() {
        [] => Err(not_found()),
        [(_, path)] => Ok(path.clone()),
        several => Err(LookupError::Ambiguous {
            reference: one_line(reference),
            ids: several.iter().map(|(stem, _)| stem.clone()).collect(),
        }),
    }
}

/// Every `*.json` file in `dir` with its stem (the draft id), sorted by id.
fn draft_files(dir: &Path) -> Vec<(String, PathBuf)> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<(String, PathBuf)> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .filter_map(|p| Some((p.file_stem()?.to_str()?.to_string(), p)))
        .collect();
    files.sort();
    files
}

/// The précis title stored in a draft file, if it can be read.
fn title_of(path: &Path) -> Option<String> {
    #[derive(Deserialize)]
    struct Titled {
        title: String,
    }
    let bytes = fs::read(path).ok()?;
    serde_json::from_slice::<Titled>(&bytes)
        .ok()
        .map(|t| t.title)
}

/// A title as compared: lower case, words separated by single spaces.
fn normalised(title: &str) -> String {
    title
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The first few ids, then how many more there are.
fn listed(ids: &[String]) -> String {
    let mut text = ids
        .iter()
        .take(LISTED)
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(", ");
    if ids.len() > LISTED {
        text.push_str(&format!(" and {} more", ids.len() - LISTED));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{Draft, DraftStore};

    /// A drafts directory holding drafts with these ids and titles.
    fn store(drafts: &[(&str, &str)]) -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = DraftStore::open(dir.path()).expect("store");
        for (id, title) in drafts {
            let mut d = Draft::sample(id);
            d.title = (*title).to_string();
            store.save(&d).expect("save");
        }
        let drafts = dir.path().join("drafts");
        (dir, drafts)
    }

    fn found(reference: &str, dir: &Path) -> Result<String, String> {
        find(reference, dir)
            .map(|p| {
                p.file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default()
            })
            .map_err(|e| e.to_string())
    }

    #[test]
    fn an_exact_id_wins_over_a_longer_one_it_starts() {
        let (_keep, dir) = store(&[("2025", "One"), ("20250302-aa", "Two")]);
        assert_eq!(found("2025", &dir), Ok("2025".into()));
        assert_eq!(found("2025.json", &dir), Ok("2025".into()));
    }

    #[test]
    fn the_start_of_one_id_is_enough() {
        let (_keep, dir) = store(&[("20250302-aa", "One"), ("20250301-bb", "Two")]);
        assert_eq!(found("20250302", &dir), Ok("20250302-aa".into()));
        assert_eq!(found("20250301-B", &dir), Ok("20250301-bb".into()));
    }

    #[test]
    fn a_title_is_found_whatever_its_case_and_spacing() {
        let (_keep, dir) = store(&[("a1", "Taxing the Untaxed"), ("b2", "Water")]);
        assert_eq!(found("taxing  THE untaxed", &dir), Ok("a1".into()));
        assert_eq!(found("water", &dir), Ok("b2".into()));
    }

    #[test]
    fn an_ambiguous_reference_lists_its_candidates_on_one_line() {
        let (_keep, dir) = store(&[
            ("2025-a", "Water"),
            ("2025-b", "Water"),
            ("2024-c", "WATER"),
        ]);
        assert_eq!(
            found("2025", &dir),
            Err("'2025' matches 2 drafts: 2025-a, 2025-b; give more of the id".into())
        );
        assert_eq!(
            found("water", &dir),
            Err("'water' matches 3 drafts: 2024-c, 2025-a, 2025-b; give more of the id".into())
        );
    }

    #[test]
    fn many_candidates_are_counted_not_all_listed() {
        let ids: Vec<String> = (0..8).map(|n| format!("id{n}")).collect();
        let drafts: Vec<(&str, &str)> = ids.iter().map(|id| (id.as_str(), "Same")).collect();
        let (_keep, dir) = store(&drafts);
        let message = found("id", &dir).err().unwrap_or_default();
        assert!(
            message.ends_with("id0, id1, id2, id3, id4 and 3 more; give more of the id"),
            "{message}"
        );
    }

    #[test]
    fn nothing_matching_names_the_directory() {
        let (_keep, dir) = store(&[("a1", "Water")]);
        let expected = format!("no draft 'gone' in {}", dir.display());
        assert_eq!(found("gone", &dir), Err(expected.clone()));
        assert!(found("", &dir).is_err(), "an empty reference names nothing");
        assert!(found(" ", &dir).is_err());
        let unreadable = dir.join("bad.json");
        fs::write(&unreadable, b"{ not json").expect("write");
        assert_eq!(found("gone", &dir), Err(expected));
    }
}
