//! Concision: phrases a précis can say in fewer words (`due to the fact
//! that` → `because`, four words saved), from the project's table
//! `assets/concision/wordy.tsv` (its README gives the format, the matching
//! rules and how each entry was checked).
//!
//! A phrase matches whole words, whatever their case; a hyphenated word
//! or one with an apostrophe is one word (`present-day` holds no
//! `present`), `’` is `'`, and a phrase never runs across punctuation:
//! only its first word may follow an opening bracket or quote, and only
//! its last may carry a comma, a full stop or a closing bracket.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use crate::analysis::words::{self, is_apostrophe};

/// One entry of the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The wordy form, lower case, words separated by single spaces.
    pub phrase: String,
    /// The shorter form; none when the phrase should simply be cut.
    pub shorter: Option<String>,
    /// When to keep the long form or how to fit the short one in.
    pub note: Option<String>,
    /// How many words the shorter form saves.
    pub saves: usize,
    words: Vec<String>,
}

/// The table, indexed by each phrase's first word.
struct Table {
    entries: Vec<Entry>,
    /// Entries by first word, longest phrase first.
    by_first: FxHashMap<String, Vec<usize>>,
}

static TABLE: LazyLock<Table> =
    LazyLock::new(|| parse(include_str!("../../assets/concision/wordy.tsv")));

/// Reads the table; a malformed line (only a bad edit could make one, and
/// a test reads every line) is skipped.
fn parse(text: &str) -> Table {
    let mut entries = Vec::new();
    for line in text.lines().skip(1) {
        let mut fields = line.split('\t');
        let (Some(phrase), Some(shorter), note) = (fields.next(), fields.next(), fields.next())
        else {
            continue;
        };
        let words: Vec<String> = phrase.split_whitespace().map(str::to_string).collect();
        let shorter = (shorter.trim() != "-").then(|| shorter.trim().to_string());
        let kept = shorter
            .as_deref()
            .map_or(0, |s| s.split_whitespace().count());
        let Some(saves) = words.len().checked_sub(kept).filter(|&n| n > 0) else {
            continue;
        };
        entries.push(Entry {
            phrase: words.join(" "),
            shorter,
            note: note
                .map(str::trim)
                .filter(|n| !n.is_empty() && *n != "-")
                .map(str::to_string),
            saves,
            words,
        });
    }
    let mut by_first: FxHashMap<String, Vec<usize>> = FxHashMap::default();
    for (i, e) in entries.iter().enumerate() {
        by_first.entry(e.words[0].clone()).or_default().push(i);
    }
    for list in by_first.values_mut() {
        list.sort_by_key(|&i| std::cmp::Reverse(entries[i].words.len()));
    }
    Table { entries, by_first }
}

/// Every entry of the table, in its order.
pub fn entries() -> &'static [Entry] {
    &TABLE.entries
}

/// A wordy phrase found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wordy {
    /// Where it stands, from its first word's first letter to its last
    /// word's last.
    pub range: Range<usize>,
    /// The table's entry.
    pub entry: &'static Entry,
}

impl Wordy {
    /// The shorter form written the way the phrase was (`Because` for
    /// `Due to the fact that`, capitals for capitals), if there is one.
    pub fn shorter_as_written(&self, text: &str) -> Option<String> {
        let short = self.entry.shorter.as_deref()?;
        let written = &text[self.range.clone()];
        let letters = || written.chars().filter(|c| c.is_alphabetic());
        if letters().count() > 1 && letters().all(char::is_uppercase) {
            return Some(short.to_uppercase());
        }
        if written.chars().next().is_some_and(char::is_uppercase) {
            let mut chars = short.chars();
            return chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect());
        }
        Some(short.to_string())
    }
}

/// A word of the text as phrases are matched: lower-cased, `’` as `'`,
/// without the punctuation at its edges, and whether there was some.
struct Word<'a> {
    core: Cow<'a, str>,
    range: Range<usize>,
    before: bool,
    after: bool,
}

fn word_of(text: &str, token: Range<usize>) -> Word<'_> {
    let raw = &text[token.clone()];
    let edge = |c: char| !c.is_alphanumeric();
    let front = raw.trim_start_matches(edge);
    let core = front.trim_end_matches(edge);
    let start = token.start + (raw.len() - front.len());
    // Most words are lower case already: borrowed, not copied.
    let plain = !core
        .chars()
        .any(|c| c.is_uppercase() || (is_apostrophe(c) && c != '\''));
    Word {
        core: if plain {
            Cow::Borrowed(core)
        } else {
            core.chars()
                .map(|c| if is_apostrophe(c) { '\'' } else { c })
                .flat_map(char::to_lowercase)
                .collect()
        },
        range: start..start + core.len(),
        before: front.len() < raw.len(),
        after: core.len() < front.len(),
    }
}

/// The wordy phrases in `text[region]`, in order, none overlapping.
pub fn find(text: &str, region: Range<usize>) -> Vec<Wordy> {
    let table = &*TABLE;
    let list: Vec<Word> = words::tokens(&text[region.clone()])
        .map(|t| word_of(text, region.start + t.start..region.start + t.end))
        .collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < list.len() {
        let hit = table
            .by_first
            .get(list[i].core.as_ref())
            .and_then(|candidates| {
                candidates.iter().find_map(|&e| {
                    let entry = &table.entries[e];
                    let n = entry.words.len();
                    let run = list.get(i..i + n)?;
                    let fits = run.iter().zip(&entry.words).enumerate().all(|(k, (w, p))| {
                        w.core == *p && (k == 0 || !w.before) && (k + 1 == n || !w.after)
                    });
                    fits.then_some((entry, n))
                })
            });
        match hit {
            Some((entry, n)) => {
                found.push(Wordy {
                    range: list[i].range.start..list[i + n - 1].range.end,
                    entry,
                });
                i += n;
            }
            None => i += 1,
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn phrases(text: &str) -> Vec<&str> {
        find(text, 0..text.len())
            .into_iter()
            .map(|w| w.entry.phrase.as_str())
            .collect()
    }

    #[test]
    fn every_line_of_the_table_is_read() {
        let lines = include_str!("../../assets/concision/wordy.tsv")
            .lines()
            .count();
        assert_eq!(entries().len(), lines - 1);
        assert!(entries().len() >= 80);
        assert!(entries().iter().all(|e| e.saves >= 1));
    }

    #[test]
    fn matching_rules() {
        assert_eq!(
            phrases("Due to the fact that rain fell"),
            ["due to the fact that"]
        );
        assert_eq!(phrases("it fell in\norder to rise"), ["in order to"]);
        assert!(phrases("put them in order, to be sure").is_empty());
        let text = "DUE TO THE FACT THAT it rained";
        let w = &find(text, 0..text.len())[0];
        assert_eq!(w.shorter_as_written(text).as_deref(), Some("BECAUSE"));
        assert_eq!(w.entry.saves, 4);
        assert_eq!(&text[w.range.clone()], "DUE TO THE FACT THAT");
    }
}
