//! Copied phrases: runs of six or more consecutive words the précis shares
//! with the source, compared without case or punctuation.
//!
//! The source's 6-word windows ("shingles") are indexed either all at once,
//! for an editor that re-checks the précis on every keystroke, or only those
//! a given précis contains, for a one-off check of a huge source.

use std::hash::Hasher;
use std::ops::Range;

use rustc_hash::{FxHashMap, FxHashSet, FxHasher};

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

/// A word that may match nothing (each gets its own value from this).
const UNMATCHED: u64 = 0x9d1c_55e4_3a7b_0f61;

/// Normalised words up to this many bytes are built on the stack.
const SHORT_WORD: usize = 64;

/// A word's letters and digits, lower-cased: what [`word_hash`] hashes.
fn folded(word: &str) -> String {
    word.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// A word's identity for comparison: the hash of its letters and digits,
/// lower-cased (so `Economy's` = `economy’s` = `economys`). `None` for words
/// with no letters or digits.
fn word_hash(word: &str) -> Option<u64> {
    let mut stack = [0u8; SHORT_WORD];
    let mut heap = Vec::new();
    let mut n = 0;
    let mut put = |bytes: &[u8]| {
        if heap.is_empty() && n + bytes.len() <= SHORT_WORD {
            stack[n..n + bytes.len()].copy_from_slice(bytes);
        } else {
            if heap.is_empty() {
                heap.extend_from_slice(&stack[..n]);
            }
            heap.extend_from_slice(bytes);
        }
        n += bytes.len();
    };
    if word.is_ascii() {
        for b in word.bytes().filter(u8::is_ascii_alphanumeric) {
            put(&[b.to_ascii_lowercase()]);
        }
    } else {
        let mut buf = [0u8; 4];
        for c in word
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
        {
            put(c.encode_utf8(&mut buf).as_bytes());
        }
    }
    if n == 0 {
        return None;
    }
    let normalised = if heap.is_empty() {
        &stack[..n]
    } else {
        &heap[..]
    };
    let mut h = FxHasher::default();
    h.write(normalised);
    Some(h.finish())
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

/// Which source windows a one-précis index keeps: those whose hash the
/// précis has, found cheaply by first skipping every run of fewer than six
/// words that could be précis words.
#[derive(Debug)]
struct Filter {
    wanted: FxHashSet<u64>,
    /// Bit set of (first letter or digit, length) of the précis's words.
    signatures: Vec<u64>,
}

/// Letters and digits a signature tells apart (`0-9`, `a-z`).
const SIGNATURE_CHARS: usize = 36;

/// What the filter learns from a token in one look at its ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Signature {
    /// No letter or digit: not a word at all.
    NotAWord,
    /// A word with non-ASCII characters: may be anything.
    Unknown,
    /// First and last ASCII letter or digit, lower-cased, and how many
    /// letters and digits there are (modulo [`SIGNATURE_LENGTHS`]), as one code.
    Ends(usize),
}

/// Word lengths a signature tells apart (modulo).
const SIGNATURE_LENGTHS: usize = 8;

/// A cheap summary that words equal after normalisation share: their first
/// and last letter or digit, and their length.
fn signature(word: &str) -> Signature {
    // One pass over the bytes: the first and last letter or digit, how
    // many there are, and whether the word is ASCII.
    let (mut first, mut last, mut length, mut ascii) = (None, 0u8, 0usize, true);
    for &b in word.as_bytes() {
        if b.is_ascii_alphanumeric() {
            first.get_or_insert(b);
            last = b;
            length += 1;
        } else if !b.is_ascii() {
            ascii = false;
            break;
        }
    }
    if !ascii {
        return if words::is_word(word) {
            Signature::Unknown
        } else {
            Signature::NotAWord
        };
    }
    let Some(first) = first else {
        return Signature::NotAWord;
    };
    let code = |b: u8| match b {
        b'0'..=b'9' => usize::from(b - b'0'),
        _ => usize::from(b.to_ascii_lowercase() - b'a') + 10,
    };
    Signature::Ends(
        (code(first) * SIGNATURE_CHARS + code(last)) * SIGNATURE_LENGTHS
            + length % SIGNATURE_LENGTHS,
    )
}

impl Filter {
    fn new(precis: &str, body: Range<usize>) -> Self {
        let words: Vec<(u64, Range<usize>)> = hashed_words(precis, body).collect();
        let hashes: Vec<u64> = words.iter().map(|(h, _)| *h).collect();
        let mut signatures =
            vec![0u64; (SIGNATURE_CHARS * SIGNATURE_CHARS * SIGNATURE_LENGTHS).div_ceil(64)];
        for (_, r) in &words {
            let word = &precis[r.clone()];
            // A word with other characters may still compare equal to an
            // ASCII word of the source (`ma\u{fffd}tters` is `matters`): its
            // letters and digits give the signature to let through.
            let sig = match signature(word) {
                Signature::Unknown => signature(&folded(word)),
                sig => sig,
            };
            if let Signature::Ends(sig) = sig {
                signatures[sig / 64] |= 1 << (sig % 64);
            }
        }
        Self {
            wanted: hashes.windows(RUN).map(shingle).collect(),
            signatures,
        }
    }

    /// Whether a word may be one of the précis's words.
    fn admits(&self, sig: Signature) -> bool {
        match sig {
            Signature::NotAWord => false,
            Signature::Unknown => true,
            Signature::Ends(sig) => self.signatures[sig / 64] & (1 << (sig % 64)) != 0,
        }
    }
}

/// Builds a [`Shingles`] index from the words of a text, pushed in order, so
/// it can share a walk over the text with other work.
#[derive(Debug)]
pub struct ShingleBuilder {
    filter: Option<Filter>,
    /// The last six words, circularly from `next`: hash (computed lazily
    /// when filtering) and byte range.
    ring: [(Option<u64>, usize, usize); RUN],
    next: usize,
    /// Consecutive words pushed that passed the filter.
    run: usize,
    first: FxHashMap<u64, (u32, u32)>,
}

impl ShingleBuilder {
    fn with(filter: Option<Filter>, first: FxHashMap<u64, (u32, u32)>) -> Self {
        Self {
            filter,
            ring: [(None, 0, 0); RUN],
            next: 0,
            run: 0,
            first,
        }
    }

    /// A builder that indexes every window.
    pub fn full(expected_words: usize) -> Self {
        let mut first = FxHashMap::default();
        first.reserve(expected_words);
        Self::with(None, first)
    }

    /// A builder that keeps only windows the précis body also contains.
    pub fn for_precis(precis: &str, body: Range<usize>) -> Self {
        Self::with(Some(Filter::new(precis, body)), FxHashMap::default())
    }

    /// Takes the next whitespace-separated token, `start..end` of `text`.
    pub fn push(&mut self, text: &str, start: usize, end: usize) {
        let word = &text[start..end];
        let hash = match &self.filter {
            Some(filter) => {
                let sig = signature(word);
                if sig == Signature::NotAWord {
                    return;
                }
                if filter.wanted.is_empty() || !filter.admits(sig) {
                    self.run = 0;
                    return;
                }
                None
            }
            None => match word_hash(word) {
                Some(h) => Some(h),
                None => return,
            },
        };
        self.ring[self.next] = (hash, start, end);
        self.next = (self.next + 1) % RUN;
        self.run += 1;
        if self.run < RUN {
            return;
        }
        let mut window = [0u64; RUN];
        for (k, slot) in window.iter_mut().enumerate() {
            let (hash, s, e) = &mut self.ring[(self.next + k) % RUN];
            let Some(h) = hash.or_else(|| word_hash(&text[*s..*e])) else {
                self.run = 0;
                return;
            };
            *hash = Some(h);
            *slot = h;
        }
        let key = shingle(&window);
        if self.filter.as_ref().is_none_or(|f| f.wanted.contains(&key)) {
            let oldest = self.ring[self.next].1;
            self.first.entry(key).or_insert((oldest as u32, end as u32));
        }
    }

    /// The finished index.
    pub fn finish(self) -> Shingles {
        Shingles { first: self.first }
    }
}

impl Shingles {
    /// Indexes every 6-word window of `text` in `range`.
    pub fn new(text: &str, range: Range<usize>) -> Self {
        Self::build(ShingleBuilder::full(range.len() / 6), text, range)
    }

    /// Indexes only the windows of `text` in `range` that also stand in
    /// `precis` (within `body`): enough to check that one précis.
    pub fn for_precis(text: &str, range: Range<usize>, precis: &str, body: Range<usize>) -> Self {
        Self::build(ShingleBuilder::for_precis(precis, body), text, range)
    }

    fn build(mut builder: ShingleBuilder, text: &str, range: Range<usize>) -> Self {
        for t in words::tokens(&text[range.clone()]) {
            builder.push(text, range.start + t.start, range.start + t.end);
        }
        builder.finish()
    }

    /// Finds the précis runs (within `body`) that also stand in the
    /// source. Words inside the `exempt` ranges (sorted by start: names,
    /// figures) match nothing, so a run never spans them.
    pub fn find(&self, precis: &str, body: Range<usize>, exempt: &[Range<usize>]) -> Vec<Copied> {
        if self.first.is_empty() {
            return Vec::new();
        }
        let words: Vec<(u64, Range<usize>)> = hashed_words(precis, body).collect();
        let mut next_exempt = 0;
        let hashes: Vec<u64> = words
            .iter()
            .enumerate()
            .map(|(i, (h, r))| {
                while exempt.get(next_exempt).is_some_and(|e| e.end <= r.start) {
                    next_exempt += 1;
                }
                let inside = exempt[next_exempt..]
                    .iter()
                    .take_while(|e| e.start < r.end)
                    .any(|e| e.end > r.start);
                if inside { UNMATCHED ^ i as u64 } else { *h }
            })
            .collect();
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

fn copied(
    words: &[(u64, Range<usize>)],
    (first, last, source): (usize, usize, Range<usize>),
) -> Copied {
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
        let precis =
            "Experts agree the Corridor has in short transformed the ailing economy, they say.";
        let found = Shingles::new(source, 0..source.len()).find(precis, 0..precis.len(), &[]);
        assert_eq!(found.len(), 1);
        assert_eq!(
            &precis[found[0].precis.clone()],
            "the Corridor has in short transformed the ailing economy,"
        );
        assert_eq!(found[0].words, 9);
        assert!(source[found[0].source.clone()].starts_with("The corridor"));
    }

    #[test]
    fn an_index_for_one_precis_finds_the_same_runs() {
        let source =
            "x y. The corridor has, in short, transformed the ailing economy; a b c d e f g";
        let precis = "So the corridor has in short transformed the ailing economy and a b c d e f.";
        let full = Shingles::new(source, 0..source.len()).find(precis, 0..precis.len(), &[]);
        let narrow = Shingles::for_precis(source, 0..source.len(), precis, 0..precis.len()).find(
            precis,
            0..precis.len(),
            &[],
        );
        assert_eq!(full.len(), 2);
        assert_eq!(full, narrow);
    }

    #[test]
    fn straight_and_curly_apostrophes_are_the_same_word() {
        assert_eq!(word_hash("Economy's"), word_hash("economy’s"));
        assert_eq!(word_hash("(economys)"), word_hash("economy’s"));
        assert_ne!(word_hash("naïve"), word_hash("naive"));
        assert_eq!(word_hash("—"), None);
        let long = "a".repeat(100);
        assert_eq!(word_hash(&long), word_hash(&format!("{long}!")));
    }

    #[test]
    fn the_filter_never_drops_a_word_that_normalises_alike() {
        for (source, precis) in [
            (
                "one two a\u{212a}b four five six",
                "one two akb four five six",
            ),
            // Found by the fuzzer: a stray character inside a précis word.
            (
                "one two matters four five six",
                "one two ma\u{fffd}tters four five six",
            ),
        ] {
            let full = Shingles::new(source, 0..source.len()).find(precis, 0..precis.len(), &[]);
            let narrow = Shingles::for_precis(source, 0..source.len(), precis, 0..precis.len())
                .find(precis, 0..precis.len(), &[]);
            assert_eq!(full.len(), 1, "{precis}");
            assert_eq!(full, narrow, "{precis}");
        }
    }

    #[test]
    fn five_shared_words_are_not_a_copy() {
        let source = "one two three four five six";
        let precis = "one two three four five seven";
        assert!(
            Shingles::new(source, 0..source.len())
                .find(precis, 0..precis.len(), &[])
                .is_empty()
        );
    }

    #[test]
    fn exempt_words_break_runs() {
        let source = "the cost of treated water fell from Rs 27 to Rs 10 per unit within two years";
        let precis = "the cost of treated water fell from Rs 27 to Rs 10 per unit";
        let index = Shingles::new(source, 0..source.len());
        assert_eq!(index.find(precis, 0..precis.len(), &[]).len(), 1);
        let figures = [36..41, 45..50];
        let found = index.find(precis, 0..precis.len(), &figures);
        assert_eq!(found.len(), 1);
        assert_eq!(
            &precis[found[0].precis.clone()],
            "the cost of treated water fell from"
        );
    }

    #[test]
    fn separate_runs_stay_separate() {
        let source = "a b c d e f g. h i j k l m n.";
        let precis = "a b c d e f then h i j k l m";
        let found = Shingles::new(source, 0..source.len()).find(precis, 0..precis.len(), &[]);
        assert_eq!(found.len(), 2);
    }
}
