//! The built-in practice passages, embedded in the binary so the app works
//! on a fresh machine with no files. Each is original writing with a model
//! précis that meets its own target and passes every check.

use serde::Serialize;

use crate::analysis::structure;
use crate::analysis::words::{CountingOptions, count_words};

/// A built-in passage and its model précis.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Passage {
    /// Short stable id, e.g. `narrow-tax-base`.
    pub id: &'static str,
    /// The passage file: a `# Title` line, then the passage.
    pub text: &'static str,
    /// The model précis, in exam format.
    pub model: &'static str,
}

macro_rules! passage {
    ($id:literal, $file:literal) => {
        Passage {
            id: $id,
            text: include_str!(concat!("../assets/passages/", $file, ".md")),
            model: include_str!(concat!("../assets/passages/", $file, ".precis.md")),
        }
    };
}

/// Every built-in passage, in order.
pub const ALL: &[Passage] = &[
    passage!("narrow-tax-base", "01-narrow-tax-base"),
    passage!("climate-adaptation", "02-climate-adaptation"),
    passage!("enrolment-and-learning", "03-enrolment-and-learning"),
    passage!("silk-road", "04-silk-road"),
    passage!("basic-research", "05-basic-research"),
    passage!("changing-family", "06-changing-family"),
    passage!(
        "multilateralism-under-strain",
        "07-multilateralism-under-strain"
    ),
    passage!("tuberculosis", "08-tuberculosis"),
    passage!("indus-water-farming", "09-indus-water-farming"),
    passage!("ai-and-work", "10-ai-and-work"),
    passage!("unplanned-city", "11-unplanned-city"),
    passage!("price-of-power", "12-price-of-power"),
];

impl Passage {
    /// The passage's title (its `# Heading`).
    pub fn title(&self) -> &'static str {
        structure::heading(self.text).map_or(self.id, |(_, t)| &self.text[t])
    }

    /// The passage's word count (the heading excluded).
    pub fn words(&self) -> usize {
        let start = structure::heading(self.text).map_or(0, |(line, _)| line.end);
        count_words(&self.text[start..], CountingOptions::default())
    }
}

/// Finds a built-in passage by id (or by its number, `1` to `12`).
pub fn find(id: &str) -> Option<&'static Passage> {
    let by_number = id
        .parse::<usize>()
        .ok()
        .and_then(|n| n.checked_sub(1))
        .and_then(|i| ALL.get(i));
    by_number.or_else(|| ALL.iter().find(|p| p.id.eq_ignore_ascii_case(id)))
}

/// One built-in passage as `precis passages` lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Listed {
    /// Its number, from 1: `precis 4` opens the fourth.
    pub number: usize,
    /// Its id.
    pub id: &'static str,
    /// Its title.
    pub title: &'static str,
    /// Its words, the heading excluded.
    pub words: usize,
    /// The default target: one-third of its words.
    pub target: usize,
}

/// Every built-in passage as listed, in order.
pub fn listed() -> Vec<Listed> {
    use crate::analysis::target::{Target, TargetRule};
    ALL.iter()
        .enumerate()
        .map(|(n, p)| {
            let words = p.words();
            Listed {
                number: n + 1,
                id: p.id,
                title: p.title(),
                words,
                target: Target::new(words, TargetRule::default(), 0.05).words,
            }
        })
        .collect()
}

/// The passage list as `precis passages` prints it: id, title, words, target.
pub fn table() -> String {
    let mut out = format!(
        "{:<4}{:<30}{:<54}{:>6}{:>8}\n",
        "#", "ID", "TITLE", "WORDS", "TARGET"
    );
    for p in listed() {
        out.push_str(&format!(
            "{:<4}{:<30}{:<54}{:>6}{:>8}\n",
            p.number, p.id, p.title, p.words, p.target
        ));
    }
    out
}

/// The passage list as `precis passages --json` prints it: one array.
pub fn to_json() -> String {
    let json = serde_json::to_string_pretty(&listed())
        .unwrap_or_else(|e| format!("{{\"error\": \"passages could not be serialised: {e}\"}}"));
    format!("{json}\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn twelve_passages_of_150_to_700_words() {
        assert!(ALL.len() >= 12);
        for p in ALL {
            let words = p.words();
            assert!((150..=700).contains(&words), "{}: {words}", p.id);
            assert!(!p.title().starts_with('#'));
        }
    }

    #[test]
    fn found_by_id_or_number() {
        assert_eq!(find("1").map(|p| p.id), Some(ALL[0].id));
        assert_eq!(find(ALL[3].id).map(|p| p.id), Some(ALL[3].id));
        assert!(find("nope").is_none());
    }
}
