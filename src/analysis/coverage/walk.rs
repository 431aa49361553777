//! The source's side of coverage, built in one walk over its tokens: its
//! sentences, each sentence's content terms (stemmed content words), every
//! term's stem and the words that spelled it, and the source's
//! readability. Figures are added later, from the walk that reads them.

use std::hash::Hasher;
use std::ops::Range;

use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::{FxHashMap, FxHasher};

use super::stop::is_stop;
use crate::analysis::readability::{self, Readability, SentenceSplitter, Tally};
use crate::analysis::spelling::SourceWords;
use crate::analysis::words;

/// A word's content term: its lower-cased letters, stemmed, and the hash
/// of that stem; none for a function word or one of fewer than three
/// letters.
pub(super) fn content_term(word: &str, stemmer: &Stemmer) -> Option<(u64, String)> {
    let lower: String = word
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    if lower.chars().count() < 3 || is_stop(&lower) {
        return None;
    }
    let stem = stemmer.stem(&lower).into_owned();
    let mut h = FxHasher::default();
    h.write(stem.as_bytes());
    Some((h.finish(), stem))
}

/// The stems of a hyphenated word's parts (`long-term` → `long`, `term`),
/// for a word whose whole stem has no vector.
pub(super) fn part_stems(word: &str, stemmer: &Stemmer) -> Vec<String> {
    if !word.contains(words::is_hyphen) {
        return Vec::new();
    }
    word.split(words::is_hyphen)
        .filter_map(|part| content_term(part, stemmer).map(|(_, stem)| stem))
        .collect()
}

/// One source sentence as the walk found it.
#[derive(Debug, Clone)]
pub(super) struct Sentence {
    pub range: Range<usize>,
    /// 1-based lines of its first and last characters.
    pub lines: (usize, usize),
}

/// What one word contributes in the source walk: its term and syllables.
#[derive(Clone, Copy)]
struct WordFacts {
    term: Option<u32>,
    syllables: usize,
}

/// A distinct content term of the source.
#[derive(Debug, Clone)]
pub(super) struct Term {
    /// The hash of its stem (as [`content_term`] gives it).
    pub hash: u64,
    /// Its stem.
    pub stem: Box<str>,
    /// The stems of the parts of the first hyphenated word that spelled it.
    pub parts: Vec<String>,
    /// The first word that spelled it, as written, for messages.
    pub word: Box<str>,
}

/// Builds the source's sentence index from its tokens pushed one at a
/// time, so the walk that indexes copied phrases does this too.
pub struct SentenceWalk<'a> {
    text: &'a str,
    splitter: SentenceSplitter<'a>,
    /// A passage repeats its words: each distinct form is stemmed once.
    /// Forms of up to 16 bytes, nearly all, are keyed by their bytes
    /// packed into a number (see [`words::packed`]), longer ones by text.
    seen: FxHashMap<u128, WordFacts>,
    seen_long: FxHashMap<&'a str, WordFacts>,
    /// The id of each term met so far.
    ids: FxHashMap<u64, u32>,
    /// The terms, by id.
    terms: Vec<Term>,
    stemmer: Stemmer,
    tally: Tally,
    lines: LineSweep<'a>,
    /// Every sentence's term ids, one after another; the open sentence's
    /// start at `open_terms`.
    sentence_terms: Vec<u32>,
    open_terms: usize,
    /// The open sentence's words and syllables.
    words: usize,
    syllables: usize,
    sentences: Vec<Sentence>,
    spans: Vec<Range<usize>>,
}

/// The source's sentences with their terms, before figures.
pub struct Walked {
    pub(super) sentences: Vec<Sentence>,
    /// Each sentence's term ids are `sentence_terms[spans[i]]`, each once.
    pub(super) sentence_terms: Vec<u32>,
    pub(super) spans: Vec<Range<usize>>,
    pub(super) terms: Vec<Term>,
    /// The terms of the source's title.
    pub(super) title_terms: Vec<u64>,
    /// Where blank lines stand between sentences: `breaks[i]` when a blank
    /// line comes just before sentence `i`.
    pub(super) breaks: Vec<bool>,
    pub(super) readability: Readability,
    pub(super) stemmer: Stemmer,
    /// The words the passage and its title use, for the spelling check.
    pub(super) words: SourceWords,
}

impl<'a> SentenceWalk<'a> {
    /// A walk over tokens of `text`.
    pub fn new(text: &'a str) -> Self {
        Self {
            text,
            splitter: SentenceSplitter::new(text),
            seen: FxHashMap::default(),
            seen_long: FxHashMap::default(),
            ids: FxHashMap::default(),
            terms: Vec::new(),
            stemmer: Stemmer::create(Algorithm::English),
            tally: Tally::default(),
            lines: LineSweep::new(text),
            sentence_terms: Vec::new(),
            open_terms: 0,
            words: 0,
            syllables: 0,
            sentences: Vec::new(),
            spans: Vec::new(),
        }
    }

    /// Takes the next token, `start..end` of the text.
    pub fn push(&mut self, start: usize, end: usize) {
        if let Some(range) = self.splitter.push(start, end) {
            self.close(range);
        }
        let word = &self.text[start..end];
        if !words::is_word(word) {
            return;
        }
        let (stemmer, ids, terms) = (&self.stemmer, &mut self.ids, &mut self.terms);
        let first_met = || WordFacts {
            term: content_term(word, stemmer).map(|(hash, stem)| {
                let next = ids.len() as u32;
                *ids.entry(hash).or_insert_with(|| {
                    terms.push(Term {
                        hash,
                        stem: stem.into(),
                        parts: part_stems(word, stemmer),
                        word: word.trim_matches(|c: char| !c.is_alphanumeric()).into(),
                    });
                    next
                })
            }),
            syllables: readability::syllables(word),
        };
        let facts = match words::packed(word) {
            Some(key) => *self.seen.entry(key).or_insert_with(first_met),
            None => *self.seen_long.entry(word).or_insert_with(first_met),
        };
        self.words += 1;
        self.syllables += facts.syllables;
        self.sentence_terms.extend(facts.term);
    }

    fn close(&mut self, range: Range<usize>) {
        self.tally.sentence(self.words, self.syllables);
        self.words = 0;
        self.syllables = 0;
        let from = self.open_terms;
        self.sentence_terms[from..].sort_unstable();
        let mut kept = from;
        for k in from..self.sentence_terms.len() {
            if k == from || self.sentence_terms[k] != self.sentence_terms[kept - 1] {
                self.sentence_terms[kept] = self.sentence_terms[k];
                kept += 1;
            }
        }
        self.sentence_terms.truncate(kept);
        self.open_terms = kept;
        let first = self.lines.line_of(range.start);
        let last = self
            .lines
            .line_of(range.end.saturating_sub(1).max(range.start));
        self.sentences.push(Sentence {
            range,
            lines: (first, last),
        });
        self.spans.push(from..kept);
    }

    /// The walk's findings once every token is pushed; `title` is the
    /// source's title, whose words weigh more.
    pub fn finish(mut self, title: Option<&str>) -> Walked {
        if let Some(range) = self.splitter.finish() {
            self.close(range);
        }
        let title_terms = title
            .map(|t| {
                words::words(t)
                    .filter_map(|w| content_term(w.text, &self.stemmer).map(|(h, _)| h))
                    .collect()
            })
            .unwrap_or_default();
        let mut source_words = SourceWords::default();
        for token in self.seen.keys().filter_map(|&key| words::unpacked(key)) {
            source_words.add_token(&token);
        }
        for token in self.seen_long.keys() {
            source_words.add_token(token);
        }
        for t in words::tokens(title.unwrap_or("")) {
            source_words.add_token(t.text);
        }
        let breaks = self
            .sentences
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let gap_start = i.checked_sub(1).map_or(0, |p| self.sentences[p].range.end);
                blank_line_in(&self.text[gap_start..s.range.start])
            })
            .collect();
        Walked {
            sentences: self.sentences,
            sentence_terms: self.sentence_terms,
            spans: self.spans,
            terms: self.terms,
            title_terms,
            breaks,
            readability: self.tally.finish(),
            stemmer: self.stemmer,
            words: source_words,
        }
    }
}

/// Whether a gap between sentences holds a blank line (a new paragraph).
fn blank_line_in(gap: &str) -> bool {
    let mut newlines = 0;
    for c in gap.chars() {
        match c {
            '\n' => {
                newlines += 1;
                if newlines >= 2 {
                    return true;
                }
            }
            c if c.is_whitespace() => {}
            _ => newlines = 0,
        }
    }
    false
}

/// Line numbers of increasing offsets, counting line breaks as it goes.
struct LineSweep<'a> {
    text: &'a [u8],
    at: usize,
    line: usize,
}

impl<'a> LineSweep<'a> {
    fn new(text: &'a str) -> Self {
        Self {
            text: text.as_bytes(),
            at: 0,
            line: 1,
        }
    }

    /// The 1-based line of `offset`, which is not before the last one asked.
    fn line_of(&mut self, offset: usize) -> usize {
        let offset = offset.clamp(self.at, self.text.len());
        self.line += memchr::memchr_iter(b'\n', &self.text[self.at..offset]).count();
        self.at = offset;
        self.line
    }
}
