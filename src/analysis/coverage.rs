//! What the précis leaves out: for every sentence of the source, how much of
//! its content (content words, stemmed; figures by value) the précis
//! covers, and which important sentences it misses. The source's side is
//! computed once; each version of the précis only looks its terms up.

use std::hash::Hasher;
use std::ops::Range;
use std::sync::{Mutex, PoisonError};

use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::{FxHashMap, FxHashSet, FxHasher};
use serde::Serialize;

use super::numbers::{self, Facts, Mention};
use super::readability::{self, Readability, SentenceSplitter, Tally};
use super::words;

/// Covered from this share of a sentence's weighted content.
pub const COVERED: f64 = 0.6;
/// Partly covered from this share.
pub const PARTLY: f64 = 0.3;

/// Function words, which carry no content of their own.
fn is_stop(word: &str) -> bool {
    matches!(
        word,
        "a" | "an"
            | "the"
            | "and"
            | "or"
            | "but"
            | "nor"
            | "so"
            | "yet"
            | "of"
            | "in"
            | "on"
            | "at"
            | "by"
            | "for"
            | "with"
            | "to"
            | "from"
            | "into"
            | "onto"
            | "as"
            | "is"
            | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "being"
            | "has"
            | "have"
            | "had"
            | "do"
            | "does"
            | "did"
            | "this"
            | "that"
            | "these"
            | "those"
            | "it"
            | "its"
            | "their"
            | "they"
            | "them"
            | "he"
            | "she"
            | "his"
            | "her"
            | "we"
            | "our"
            | "you"
            | "your"
            | "i"
            | "my"
            | "not"
            | "no"
            | "which"
            | "who"
            | "whom"
            | "whose"
            | "what"
            | "when"
            | "where"
            | "while"
            | "than"
            | "then"
            | "there"
            | "here"
            | "also"
            | "only"
            | "such"
            | "each"
            | "every"
            | "all"
            | "any"
            | "both"
            | "either"
            | "neither"
            | "will"
            | "would"
            | "can"
            | "could"
            | "may"
            | "might"
            | "shall"
            | "should"
            | "must"
            | "if"
            | "up"
            | "out"
            | "about"
            | "after"
            | "before"
            | "over"
            | "under"
            | "more"
            | "most"
            | "less"
            | "least"
            | "other"
            | "some"
            | "many"
            | "much"
            | "very"
            | "even"
            | "just"
            | "now"
            | "still"
            | "because"
            | "since"
            | "though"
            | "although"
            | "however"
            | "thus"
            | "therefore"
            | "one"
            | "its'"
            | "s"
    )
}

/// A word's content term: its lower-cased letters, stemmed and hashed; none
/// for a function word or one of fewer than three letters.
fn content_term(word: &str, stemmer: &Stemmer) -> Option<u64> {
    let lower: String = word
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    if lower.chars().count() < 3 || is_stop(&lower) {
        return None;
    }
    let mut h = FxHasher::default();
    h.write(stemmer.stem(&lower).as_bytes());
    Some(h.finish())
}

/// The content terms of a text, each once.
fn content_terms(text: &str, stemmer: &Stemmer) -> FxHashSet<u64> {
    words::words(text)
        .filter_map(|w| content_term(w.text, stemmer))
        .collect()
}

/// A figure's term (its value), kept apart from word terms.
fn figure_term(m: &Mention) -> u64 {
    numbers::value_hash(m) ^ 0x9e37_79b9_7f4a_7c15
}

/// Where each of the source's figures stands (byte offset) and its term, in
/// text order: what [`SourceCoverage::new`] takes.
pub fn figure_places(facts: &Facts) -> Vec<(usize, u64)> {
    let mut places: Vec<(usize, u64)> = facts
        .figures
        .iter()
        .zip(&facts.spans)
        .flat_map(|(m, spans)| {
            let term = figure_term(m);
            spans.iter().map(move |r| (r.start, term))
        })
        .collect();
    // Each figure's places are in order already: a merge of sorted runs.
    places.sort();
    places
}

/// One source sentence: where it is and how much content it holds.
#[derive(Debug, Clone)]
struct Sentence {
    range: Range<usize>,
    /// 1-based lines of its first and last characters.
    lines: (usize, usize),
    /// Sum of its terms' weights; 0 for a sentence of function words.
    mass: f64,
}

/// Which sentences hold each term (by id), as one list: those of term `t`
/// are `sentences[starts[t]..starts[t + 1]]`.
#[derive(Debug, Default)]
struct Postings {
    sentences: Vec<u32>,
    starts: Vec<usize>,
}

impl Postings {
    /// Postings of `terms` (each sentence's term ids, `spans` into it) for
    /// `count` term ids, by counting sort.
    fn new(terms: &[u32], spans: &[Range<usize>], count: usize) -> Self {
        let mut starts = vec![0usize; count + 1];
        for &t in terms {
            starts[t as usize + 1] += 1;
        }
        for t in 0..count {
            starts[t + 1] += starts[t];
        }
        let mut sentences = vec![0u32; terms.len()];
        let mut fill = starts.clone();
        for (i, span) in spans.iter().enumerate() {
            for &t in &terms[span.clone()] {
                sentences[fill[t as usize]] = i as u32;
                fill[t as usize] += 1;
            }
        }
        Self { sentences, starts }
    }

    /// The sentences holding term `t`.
    fn of(&self, t: usize) -> &[u32] {
        &self.sentences[self.starts[t]..self.starts[t + 1]]
    }
}

/// A term's weight in a passage of `n` sentences when `df` of them hold it:
/// rarer weighs more, and title words and figures half as much again.
fn term_weight(n: usize, df: usize, heavy: bool) -> f64 {
    let base = (1.0_f64 + n.max(1) as f64 / df.max(1) as f64).ln();
    if heavy { base * 1.5 } else { base }
}

/// A figure of the source as a coverage term.
#[derive(Debug)]
struct FigureTerm {
    weight: f64,
    /// The sentences stating it, in order.
    sentences: Vec<u32>,
}

/// The source's sentences and an index from term to sentences.
pub struct SourceCoverage {
    sentences: Vec<Sentence>,
    /// Share of the passage's content of each sentence (all sum to 1).
    weights: Vec<f64>,
    /// Each word term's id: its index in `weight` and `postings`.
    ids: FxHashMap<u64, u32>,
    /// Each word term's weight, by id.
    weight: Vec<f64>,
    postings: Postings,
    /// The figures, by term.
    figures: FxHashMap<u64, FigureTerm>,
    /// The passage's readability, measured in the same walk.
    readability: Readability,
    stemmer: Stemmer,
    /// The term of each précis word form met so far: the editor measures
    /// the précis on every keystroke, and stemming is the costly part.
    memo: Mutex<FxHashMap<Box<str>, Option<u64>>>,
}

/// Word forms remembered in [`SourceCoverage`]'s memo before it starts over.
const MEMO_FORMS: usize = 20_000;

impl std::fmt::Debug for SourceCoverage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SourceCoverage")
            .field("sentences", &self.sentences.len())
            .finish_non_exhaustive()
    }
}

/// How one sentence of the source fares: the report lists these in source
/// order, and the editor shades the source by them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SentenceCoverage {
    /// 1-based line where the sentence starts in the source.
    pub line: usize,
    /// 1-based line where it ends.
    pub end_line: usize,
    /// Byte offset of its start in the source.
    pub start: usize,
    /// Byte offset just past its end.
    pub end: usize,
    /// Share of the passage's content, 0 to 1 (all weights sum to 1).
    pub weight: f64,
    /// Share of the sentence's content the précis covers, 0 to 1.
    pub covered: f64,
}

impl SentenceCoverage {
    /// The sentence's byte range in the source.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// Which of the three steps the sentence is in.
    pub fn level(&self) -> Level {
        if self.covered >= COVERED {
            Level::Covered
        } else if self.covered >= PARTLY {
            Level::Partly
        } else {
            Level::Not
        }
    }
}

/// The steps in which the editor shows a sentence's coverage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// At least [`COVERED`].
    Covered,
    /// At least [`PARTLY`].
    Partly,
    /// Less than [`PARTLY`].
    Not,
}

/// How many sentences are in each step.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Levels {
    /// Sentences at [`Level::Covered`].
    pub covered: usize,
    /// Sentences at [`Level::Partly`].
    pub partly: usize,
    /// Sentences at [`Level::Not`].
    pub not: usize,
}

impl Levels {
    /// Counts `sentences` by step.
    pub fn of(sentences: &[SentenceCoverage]) -> Self {
        let mut n = Self::default();
        for s in sentences {
            *match s.level() {
                Level::Covered => &mut n.covered,
                Level::Partly => &mut n.partly,
                Level::Not => &mut n.not,
            } += 1;
        }
        n
    }
}

/// What one word contributes in the source walk: its term and syllables.
#[derive(Clone, Copy)]
struct WordFacts {
    term: Option<u32>,
    syllables: usize,
}

/// Builds the source's sentence index from its tokens pushed one at a
/// time, so the walk that indexes copied phrases does this too. Figures come
/// later, in [`SourceCoverage::index`], since another walk reads them.
pub struct SentenceWalk<'a> {
    text: &'a str,
    splitter: SentenceSplitter<'a>,
    /// A passage repeats its words: each distinct form is stemmed once.
    seen: FxHashMap<&'a str, WordFacts>,
    /// The id of each term met so far.
    ids: FxHashMap<u64, u32>,
    stemmer: Stemmer,
    tally: Tally,
    lines: LineSweep<'a>,
    /// Every sentence's word terms, one after another; the open sentence's
    /// start at `open_terms`.
    terms: Vec<u32>,
    open_terms: usize,
    /// The open sentence's words and syllables.
    words: usize,
    syllables: usize,
    /// The closed sentences and where their terms are in `terms`.
    sentences: Vec<Sentence>,
    spans: Vec<Range<usize>>,
}

/// The source's sentences with their word terms weighed, before figures.
pub struct Walked {
    sentences: Vec<Sentence>,
    ids: FxHashMap<u64, u32>,
    weight: Vec<f64>,
    postings: Postings,
    readability: Readability,
    stemmer: Stemmer,
}

impl<'a> SentenceWalk<'a> {
    /// A walk over tokens of `text`.
    pub fn new(text: &'a str) -> Self {
        Self {
            text,
            splitter: SentenceSplitter::new(text),
            seen: FxHashMap::default(),
            ids: FxHashMap::default(),
            stemmer: Stemmer::create(Algorithm::English),
            tally: Tally::default(),
            lines: LineSweep::new(text),
            terms: Vec::new(),
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
        let (stemmer, ids) = (&self.stemmer, &mut self.ids);
        let facts = *self.seen.entry(word).or_insert_with(|| WordFacts {
            term: content_term(word, stemmer).map(|t| id_of(ids, t)),
            syllables: readability::syllables(word),
        });
        self.words += 1;
        self.syllables += facts.syllables;
        self.terms.extend(facts.term);
    }

    fn close(&mut self, range: Range<usize>) {
        self.tally.sentence(self.words, self.syllables);
        self.words = 0;
        self.syllables = 0;
        let from = self.open_terms;
        self.terms[from..].sort_unstable();
        let mut kept = from;
        for k in from..self.terms.len() {
            if k == from || self.terms[k] != self.terms[kept - 1] {
                self.terms[kept] = self.terms[k];
                kept += 1;
            }
        }
        self.terms.truncate(kept);
        self.open_terms = kept;
        let first = self.lines.line_of(range.start);
        let last = self
            .lines
            .line_of(range.end.saturating_sub(1).max(range.start));
        self.sentences.push(Sentence {
            range,
            lines: (first, last),
            mass: 0.0,
        });
        self.spans.push(from..kept);
    }

    /// Weighs the words once every token is pushed; words of the source's
    /// `title` weigh more.
    pub fn finish(mut self, title: Option<&str>) -> Walked {
        if let Some(range) = self.splitter.finish() {
            self.close(range);
        }
        let count = self.ids.len();
        let postings = Postings::new(&self.terms, &self.spans, count);
        let mut heavy = vec![false; count];
        for t in title
            .map(|t| content_terms(t, &self.stemmer))
            .unwrap_or_default()
        {
            if let Some(&id) = self.ids.get(&t) {
                heavy[id as usize] = true;
            }
        }
        let n = self.sentences.len();
        let weight: Vec<f64> = (0..count)
            .map(|t| term_weight(n, postings.of(t).len(), heavy[t]))
            .collect();
        for (s, span) in self.sentences.iter_mut().zip(&self.spans) {
            s.mass = self.terms[span.clone()]
                .iter()
                .map(|&t| weight[t as usize])
                .sum();
        }
        Walked {
            sentences: self.sentences,
            ids: self.ids,
            weight,
            postings,
            readability: self.tally.finish(),
            stemmer: self.stemmer,
        }
    }
}

impl SourceCoverage {
    /// Indexes the sentences of `text` in `passage` (byte range); `title`
    /// words and figures weigh more. `figures` are the source's figures as
    /// [`figure_places`] gives them.
    pub fn new(
        text: &str,
        passage: Range<usize>,
        title: Option<&str>,
        figures: &[(usize, u64)],
    ) -> Self {
        let mut walk = SentenceWalk::new(text);
        for t in words::tokens(&text[passage.clone()]) {
            walk.push(passage.start + t.start, passage.start + t.end);
        }
        Self::index(walk.finish(title), figures)
    }

    /// Adds the source's `figures` (as [`figure_places`] gives them) to the
    /// walked sentences, and weighs each sentence within the passage.
    pub fn index(walked: Walked, figures: &[(usize, u64)]) -> Self {
        let Walked {
            mut sentences,
            ids,
            weight,
            postings,
            readability,
            stemmer,
        } = walked;
        let mut by_term: FxHashMap<u64, FigureTerm> = FxHashMap::default();
        let mut i = 0;
        for &(at, term) in figures {
            while sentences.get(i).is_some_and(|s| s.range.end <= at) {
                i += 1;
            }
            if sentences.get(i).is_none_or(|s| s.range.start > at) {
                continue;
            }
            let f = by_term.entry(term).or_insert_with(|| FigureTerm {
                weight: 0.0,
                sentences: Vec::new(),
            });
            if f.sentences.last() != Some(&(i as u32)) {
                f.sentences.push(i as u32);
            }
        }
        // Places come in text order, so each figure's sentences are in order
        // and each is listed once.
        let n = sentences.len();
        for f in by_term.values_mut() {
            f.weight = term_weight(n, f.sentences.len(), true);
            for &i in &f.sentences {
                sentences[i as usize].mass += f.weight;
            }
        }
        let total = sentences
            .iter()
            .map(|s| s.mass)
            .sum::<f64>()
            .max(f64::MIN_POSITIVE);
        let weights = sentences.iter().map(|s| s.mass / total).collect();
        Self {
            sentences,
            weights,
            ids,
            weight,
            postings,
            figures: by_term,
            readability,
            stemmer,
            memo: Mutex::default(),
        }
    }

    /// The content terms of `text`, each once, stemming only word forms not
    /// met before.
    fn remembered_terms(&self, text: &str) -> FxHashSet<u64> {
        let mut memo = self.memo.lock().unwrap_or_else(PoisonError::into_inner);
        if memo.len() > MEMO_FORMS {
            memo.clear();
        }
        let mut terms = FxHashSet::default();
        for w in words::words(text) {
            let term = match memo.get(w.text) {
                Some(&term) => term,
                None => {
                    let term = content_term(w.text, &self.stemmer);
                    memo.insert(w.text.into(), term);
                    term
                }
            };
            terms.extend(term);
        }
        terms
    }

    /// The passage's readability (every sentence, with or without content
    /// words).
    pub fn readability(&self) -> Readability {
        self.readability
    }

    /// How much of each source sentence with content `precis` (its body and
    /// title text, with `figures`) covers, in source order.
    pub fn measure(&self, precis: &str, figures: &[Mention]) -> Vec<SentenceCoverage> {
        let mut matched = vec![0.0f64; self.sentences.len()];
        for t in self.remembered_terms(precis) {
            if let Some(&id) = self.ids.get(&t) {
                let w = self.weight[id as usize];
                for &i in self.postings.of(id as usize) {
                    matched[i as usize] += w;
                }
            }
        }
        let figure_terms: FxHashSet<u64> = figures.iter().map(figure_term).collect();
        for f in figure_terms.iter().filter_map(|t| self.figures.get(t)) {
            for &i in &f.sentences {
                matched[i as usize] += f.weight;
            }
        }
        self.sentences
            .iter()
            .zip(&self.weights)
            .zip(matched)
            .filter(|((s, _), _)| s.mass > 0.0)
            .map(|((s, &weight), m)| SentenceCoverage {
                line: s.lines.0,
                end_line: s.lines.1,
                start: s.range.start,
                end: s.range.end,
                weight,
                covered: (m / s.mass).min(1.0),
            })
            .collect()
    }
}

/// The id of `term`, a new one if it is new.
fn id_of(ids: &mut FxHashMap<u64, u32>, term: u64) -> u32 {
    let next = ids.len() as u32;
    *ids.entry(term).or_insert(next)
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

/// The weighted share of the passage a précis covers, 0 to 1.
pub fn overall(sentences: &[SentenceCoverage]) -> f64 {
    sentences
        .iter()
        .map(|s| s.weight * s.covered)
        .sum::<f64>()
        .min(1.0)
}

/// The most important sentences the précis does not cover, heaviest first:
/// at most `limit`, among the heaviest third of the passage.
pub fn uncovered_points(sentences: &[SentenceCoverage], limit: usize) -> Vec<&SentenceCoverage> {
    let mut by_weight: Vec<&SentenceCoverage> = sentences.iter().collect();
    by_weight.sort_by(|a, b| b.weight.total_cmp(&a.weight));
    let key_points = sentences.len().div_ceil(3).max(1);
    by_weight
        .into_iter()
        .take(key_points)
        .filter(|s| s.covered < PARTLY)
        .take(limit)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SOURCE: &str = "Rivers feed the plains of the region. Farmers divert canal water to their fields, \
        using 56,000 kilometres of channels. Dr. Khan says seepage wastes a third of it. \
        Cities also compete for the water as they grow. Prices for water remain far below its cost.";

    fn measure(precis: &str) -> Vec<SentenceCoverage> {
        let figures = numbers::distinct(numbers::extract(SOURCE, 0..SOURCE.len()));
        let cov = SourceCoverage::new(
            SOURCE,
            0..SOURCE.len(),
            Some("Water for Farms"),
            &figure_places(&figures),
        );
        cov.measure(precis, &numbers::extract(precis, 0..precis.len()))
    }

    #[test]
    fn each_sentence_is_measured_and_weights_sum_to_one() {
        let m = measure("");
        assert_eq!(m.len(), 5, "Dr. does not end a sentence: {m:?}");
        assert!((m.iter().map(|s| s.weight).sum::<f64>() - 1.0).abs() < 1e-9);
        assert!(m.iter().all(|s| s.covered == 0.0));
    }

    #[test]
    fn a_precis_covers_what_it_restates() {
        let m = measure(
            "Farmers divert water through 56,000 kilometres of channels, and seepage wastes a third.",
        );
        assert!(m[1].covered >= COVERED, "{:?}", m[1]);
        assert!(m[2].covered >= PARTLY, "{:?}", m[2]);
        assert!(m[4].covered < COVERED, "{:?}", m[4]);
        assert!(overall(&m) > 0.2 && overall(&m) < 0.8, "{}", overall(&m));
    }

    #[test]
    fn stems_match_across_forms() {
        let m = measure("Growing cities competed for it.");
        assert!(m[3].covered >= PARTLY, "{:?}", m[3]);
    }

    #[test]
    fn the_heaviest_uncovered_sentences_are_the_points_left_out() {
        let m =
            measure("Farmers divert canal water to fields through 56,000 kilometres of channels.");
        let missing = uncovered_points(&m, 5);
        assert!(missing.iter().all(|s| s.covered < PARTLY));
        assert!(!missing.iter().any(|s| s.range() == m[1].range()));
    }
}
