//! Copied phrases: runs of six or more consecutive words the précis shares
//! with the source, compared without case or punctuation.

use std::hash::Hasher;
use std::ops::Range;

use rustc_hash::{FxHashMap, FxHasher};

use super::words;

/// How many consecutive shared words make a copied phrase.
pub const RUN: usize = 6;

/// The source's word 6-grams, each with where it first occurs.
#[derive(Debug, Default)]
pub struct Shingles {
    first: FxHashMap<u64, (u32, u32)>,
}

/// A run of précis words found in the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Copied {
    /// Byte range in the précis.
    pub precis: Range<usize>,
    /// Byte range in the source where the run (or its first part) stands.
    pub source: Range<usize>,
    /// How many précis words the run holds.
    pub words: usize,
}

/// A word's identity for comparison: its letters and digits, lower-cased.
/// `None` for words with no letters or digits.
fn word_hash(word: &str) -> Option<u64> {
    let mut h = FxHasher::default();
    let mut any = false;
    for b in word.bytes() {
        if b.is_ascii_alphanumeric() {
            h.write_u8(b.to_ascii_lowercase());
            any = true;
        } else if b >= 0x80 {
            any = true;
        }
    }
    if word.is_ascii() {
        return any.then(|| h.finish());
    }
    let mut h = FxHasher::default();
    any = false;
    for c in word.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase) {
        h.write_u32(c as u32);
        any = true;
    }
    any.then(|| h.finish())
}

/// Hashes a window of word hashes into one shingle hash.
fn shingle(window: &[u64]) -> u64 {
    let mut h = FxHasher::default();
    for w in window {
        h.write_u64(*w);
    }
    h.finish()
}

/// The comparable words of `text` in `range`: (hash, byte range).
fn hashed_words(text: &str, range: Range<usize>) -> impl Iterator<Item = (u64, Range<usize>)> + '_ {
    words::words(&text[range.clone()]).filter_map(move |w| {
        word_hash(w.text).map(|h| (h, range.start + w.start..range.start + w.end))
    })
}

impl Shingles {
    /// Indexes every 6-word window of `text` in `range`.
    pub fn new(text: &str, range: Range<usize>) -> Self {
        let mut first = FxHashMap::default();
        let mut ring: Vec<(u64, Range<usize>)> = Vec::with_capacity(RUN);
        let mut hashes = [0u64; RUN];
        for (n, (h, r)) in hashed_words(text, range).enumerate() {
            if ring.len() == RUN {
                ring.remove(0);
            }
            ring.push((h, r));
            hashes.copy_within(1.., 0);
            hashes[RUN - 1] = h;
            if n + 1 >= RUN {
                let start = ring[0].1.start as u32;
                let end = ring[RUN - 1].1.end as u32;
                first.entry(shingle(&hashes)).or_insert((start, end));
            }
        }
        Self { first }
    }

    /// Finds the précis runs (within `body`) that also stand in the source.
    pub fn find(&self, precis: &str, body: Range<usize>) -> Vec<Copied> {
        if self.first.is_empty() {
            return Vec::new();
        }
        let words: Vec<(u64, Range<usize>)> = hashed_words(precis, body).collect();
        let hashes: Vec<u64> = words.iter().map(|(h, _)| *h).collect();
        let mut runs: Vec<Copied> = Vec::new();
        let mut current: Option<(usize, usize, Range<usize>)> = None;
        for i in 0..words.len().saturating_sub(RUN - 1) {
            let Some(&(s, e)) = self.first.get(&shingle(&hashes[i..i + RUN])) else {
                continue;
            };
            current = match current {
                Some((first, last, src)) if i < last => {
                    let end = (e as usize).max(src.end);
                    Some((first, i + RUN, src.start..end))
                }
                Some(done) => {
                    runs.push(copied(&words, done));
                    Some((i, i + RUN, s as usize..e as usize))
                }
                None => Some((i, i + RUN, s as usize..e as usize)),
            };
        }
        if let Some(done) = current {
            runs.push(copied(&words, done));
        }
        runs
    }
}

fn copied(words: &[(u64, Range<usize>)], (first, last, source): (usize, usize, Range<usize>)) -> Copied {
    Copied {
        precis: words[first].1.start..words[last - 1].1.end,
        source,
        words: last - first,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_runs_ignoring_case_and_punctuation() {
        let source = "The corridor has, in short, transformed the ailing economy of the region.";
        let precis = "Experts agree the Corridor has in short transformed the ailing economy, they say.";
        let found = Shingles::new(source, 0..source.len()).find(precis, 0..precis.len());
        assert_eq!(found.len(), 1);
        assert_eq!(&precis[found[0].precis.clone()], "the Corridor has in short transformed the ailing economy,");
        assert_eq!(found[0].words, 9);
        assert!(source[found[0].source.clone()].starts_with("The corridor"));
    }

    #[test]
    fn five_shared_words_are_not_a_copy() {
        let source = "one two three four five six";
        let precis = "one two three four five seven";
        assert!(Shingles::new(source, 0..source.len()).find(precis, 0..precis.len()).is_empty());
    }

    #[test]
    fn separate_runs_stay_separate() {
        let source = "a b c d e f g. h i j k l m n.";
        let precis = "a b c d e f then h i j k l m";
        let found = Shingles::new(source, 0..source.len()).find(precis, 0..precis.len());
        assert_eq!(found.len(), 2);
    }
}
