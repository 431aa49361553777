//! What the précis leaves out: for every sentence of the source, how much
//! of its meaning the précis restates, in any words, and which of the
//! passage's key points it misses.
//!
//! A sentence's content is its content terms (stemmed content words) and
//! its figures. A précis word restates a term when it has the same stem or,
//! through the embedded word vectors ([`vectors`]), a near meaning (`lens`
//! for `prism`, `external` for `outside`); a figure counts when the number
//! check matched it. Terms rare in English and in the passage weigh most;
//! a light sentence (a signpost such as "The reasons are clear.") takes
//! part of its credit from its neighbours. The method and its thresholds
//! were chosen on an examiner-labelled set (`tests/fixtures/coverage/`,
//! `scripts/coverage/evaluate.py`); the README gives the figures.
//!
//! The source's side (sentences, weights, key points) is computed once;
//! each version of the précis only looks its words up.

mod places;
mod stop;
pub mod vectors;
mod walk;

use std::ops::Range;
use std::sync::{LazyLock, Mutex, PoisonError};

use rust_stemmers::Stemmer;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;

use super::readability::Readability;
use super::spelling::SourceWords;
use super::words;
use places::SentenceFigures;
pub use places::figure_places;
use vectors::{TermVector, Vectors};
pub use walk::{SentenceWalk, Walked};
use walk::{content_term, part_stems};

/// The method's name, as the report gives it.
pub const METHOD: &str = "soft-minilm-static-128";

/// Covered from this share of a sentence's weighted content.
pub const COVERED: f64 = 0.165;
/// Partly covered from this share.
pub const PARTLY: f64 = 0.14;
/// A key point is called left out only below this share: the method is
/// confident there.
pub const LEFT_OUT: f64 = 0.5 * PARTLY;

/// Similarity from which a précis word starts to restate a source term,
/// and the span over which its credit rises to full.
const SIMILAR_FROM: f32 = 0.6;
const SIMILAR_SPAN: f32 = 0.4;

/// Up to this many sentences (a passage of some 40,000 words), key points
/// weigh how close each sentence is to the whole; a longer text is no
/// passage, and the sum would cost more than the rest of the check.
const CENTRAL_SENTENCES: usize = 2_000;

/// A sentence lighter than this share of the passage's median sentence is
/// judged as if it weighed that much, so one word cannot cover it.
const FLOOR: f64 = 1.25;

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
    /// How much of the sentence's meaning the précis restates, 0 to 1.
    pub covered: f64,
    /// Whether the sentence is one of the passage's key points.
    pub key: bool,
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
    /// At least [`COVERED`]: the précis conveys the sentence's point.
    Covered,
    /// At least [`PARTLY`]: it conveys some of it.
    Partly,
    /// Less than [`PARTLY`].
    Not,
}

impl Level {
    /// What the step counts for in the overall share.
    fn value(self) -> f64 {
        match self {
            Level::Covered => 1.0,
            Level::Partly => 0.5,
            Level::Not => 0.0,
        }
    }
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

/// A key point the précis leaves out, with the words of it that nothing
/// in the précis restates.
#[derive(Debug, Clone, PartialEq)]
pub struct LeftOut {
    /// Its place among the measured sentences.
    pub sentence: usize,
    /// Its heaviest words that the précis does not restate, as written.
    pub missing: Vec<String>,
}

/// A précis measured against the source.
#[derive(Debug, Clone, PartialEq)]
pub struct Measured {
    /// Every source sentence with content, in source order.
    pub sentences: Vec<SentenceCoverage>,
    /// The key points left out, the most important first (at most as many
    /// as asked for).
    pub left_out: Vec<LeftOut>,
}

/// One source sentence, indexed.
#[derive(Debug, Clone)]
struct Indexed {
    range: Range<usize>,
    lines: (usize, usize),
    /// Its term ids are `terms[span]`.
    span: Range<usize>,
    /// The source figures (fact indices) it states are `figures[figures]`.
    figures: Range<usize>,
    /// Its share of the passage's content (the report's `weight`).
    share: f64,
    /// Its weighted content, and the floor it is judged against.
    mass: f64,
    floor: f64,
    key: bool,
    /// How strongly it reads as a key point.
    key_score: f64,
    /// Whether it opens a paragraph (or the passage).
    paragraph_start: bool,
}

/// The source as coverage reads it: its readability and words, known from
/// the walk over it, and its sentences weighed with their key points, built
/// when first measured against.
pub struct SourceCoverage {
    /// The passage's readability, measured in the walk.
    readability: Readability,
    /// The words the passage uses, measured in the walk.
    source_words: SourceWords,
    /// The weighted index. It needs the word vectors, which the editor
    /// loads on a thread of their own at start-up: built on the first
    /// measure, so a check that measures no coverage (the editor's first
    /// frame, a keystroke) never waits for them.
    index: LazyLock<Index, Box<dyn FnOnce() -> Index + Send>>,
}

/// The source's sentences, their terms and weights, and its key points.
struct Index {
    sentences: Vec<Indexed>,
    terms: Vec<u32>,
    /// Each term's hash, weight and vector, by id.
    hashes: Vec<u64>,
    weights: Vec<f64>,
    vectors: Vec<TermVector>,
    words: Vec<Box<str>>,
    /// Every sentence's figures (fact indices), one after another.
    figures: Vec<usize>,
    /// Each figure's weight, by fact index.
    figure_weights: Vec<f64>,
    stemmer: Stemmer,
    /// The term of each précis word form met so far: the editor measures
    /// the précis on every pause, and stemming is the costly part.
    memo: Mutex<FxHashMap<Box<str>, Option<PrecisTerm>>>,
}

/// A précis word's term: its stem's hash and its vector.
type PrecisTerm = (u64, TermVector);

/// Word forms remembered in the index's memo before it starts over.
const MEMO_FORMS: usize = 20_000;

impl std::fmt::Debug for SourceCoverage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SourceCoverage")
            .field("readability", &self.readability)
            .finish_non_exhaustive()
    }
}

/// A term's weight among `n` sentences when `df` of them hold it: rarer in
/// the passage weighs more.
fn idf(n: usize, df: usize) -> f64 {
    (1.0_f64 + n.max(1) as f64 / df.max(1) as f64).ln()
}

/// How far a value stands from the mean of `values`, in standard
/// deviations (0 when they are all alike).
fn z_scores(values: &[f64]) -> Vec<f64> {
    let n = values.len().max(1) as f64;
    let mean = values.iter().sum::<f64>() / n;
    let sd = (values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / n).sqrt();
    values
        .iter()
        .map(|v| if sd > 0.0 { (v - mean) / sd } else { 0.0 })
        .collect()
}

/// The vector of a term: its stem's row, or the mean of its parts' rows.
fn term_vector(v: &Vectors, stem: &str, parts: &[String]) -> TermVector {
    if let Some(row) = v.row(stem) {
        return TermVector::Row(row);
    }
    let rows: Vec<u32> = parts.iter().filter_map(|p| v.row(p)).collect();
    v.mean(&rows).map_or(TermVector::None, TermVector::Mean)
}

impl SourceCoverage {
    /// Indexes the sentences of `text` in `passage` (byte range); `title`
    /// words weigh more in a sentence's share. `figures` are the source's
    /// figures as [`figure_places`] gives them.
    pub fn new(
        text: &str,
        passage: Range<usize>,
        title: Option<&str>,
        figures: &[(usize, usize)],
    ) -> Self {
        let mut walk = SentenceWalk::new(text);
        for t in words::tokens(&text[passage.clone()]) {
            walk.push(passage.start + t.start, passage.start + t.end);
        }
        Self::index(walk.finish(title), figures)
    }

    /// Adds the source's `figures` (as [`figure_places`] gives them) to the
    /// walked sentences, to be weighed with the key points found when
    /// coverage is first measured.
    pub fn index(mut walked: Walked, figures: &[(usize, usize)]) -> Self {
        let figures = SentenceFigures::new(&walked.sentences, figures);
        SourceCoverage {
            readability: walked.readability,
            source_words: std::mem::take(&mut walked.words),
            index: LazyLock::new(Box::new(move || Index::build(walked, figures))),
        }
    }

    /// The passage's readability (every sentence, with or without content
    /// words).
    pub fn readability(&self) -> Readability {
        self.readability
    }

    /// The words the passage and its title use, which the spelling check
    /// trusts.
    pub fn source_words(&self) -> &SourceWords {
        &self.source_words
    }

    /// How much of each source sentence the précis text `precis` (its title
    /// and body) restates, given the source figures (fact indices) the
    /// number check matched in it; and at most `limit` key points it leaves
    /// out.
    pub fn measure(&self, precis: &str, matched: &[usize], limit: usize) -> Measured {
        self.index.measure(precis, matched, limit)
    }
}

impl Index {
    /// Weighs every walked sentence with its figures and finds the key
    /// points.
    fn build(walked: Walked, sentence_figures: SentenceFigures) -> Self {
        let v = Vectors::get();
        let Walked {
            sentences,
            sentence_terms,
            spans,
            terms,
            title_terms,
            breaks,
            stemmer,
            ..
        } = walked;

        // Keep the sentences with content, as the report lists them.
        let kept: Vec<usize> = (0..sentences.len())
            .filter(|&i| !spans[i].is_empty() || !sentence_figures.span(i).is_empty())
            .collect();
        let n = kept.len();
        let mut df = vec![0usize; terms.len()];
        for &i in &kept {
            for &t in &sentence_terms[spans[i].clone()] {
                df[t as usize] += 1;
            }
        }

        // A term weighs more the rarer it is in the passage and in English
        // (the vector file is in order of frequency).
        let vocab = (v.len() as f64 + 1.0).ln();
        let vectors: Vec<TermVector> = terms
            .iter()
            .map(|t| term_vector(v, &t.stem, &t.parts))
            .collect();
        let weights: Vec<f64> = terms
            .iter()
            .enumerate()
            .map(|(id, t)| {
                let rank = v.row(&t.stem).map_or(v.len(), |r| r as usize);
                let rarity = if vocab > 0.0 {
                    (rank as f64 + 1.0).ln() / vocab
                } else {
                    1.0
                };
                idf(n, df[id]).powi(2) * rarity
            })
            .collect();
        let figure_idf: Vec<f64> = sentence_figures.df().iter().map(|&d| idf(n, d)).collect();
        let figure_weights: Vec<f64> = figure_idf.iter().map(|w| w.powi(2)).collect();

        // A sentence's share of the passage: its terms and figures, title
        // words and figures weighing half as much again; and its weighted
        // content.
        let title: FxHashSet<u64> = title_terms.into_iter().collect();
        let plain: Vec<f64> = (0..terms.len()).map(|t| idf(n, df[t])).collect();
        let titled: Vec<f64> = terms
            .iter()
            .zip(&plain)
            .map(|(t, w)| if title.contains(&t.hash) { w * 1.5 } else { *w })
            .collect();
        let mut shares = Vec::with_capacity(n);
        let mut masses = Vec::with_capacity(n);
        for &i in &kept {
            let (mut share, mut mass) = (0.0, 0.0);
            for &t in &sentence_terms[spans[i].clone()] {
                share += titled[t as usize];
                mass += weights[t as usize];
            }
            let (mut figure_share, mut figure_mass) = (0.0, 0.0);
            for &f in &sentence_figures.facts()[sentence_figures.span(i)] {
                figure_share += figure_idf[f] * 1.5;
                figure_mass += figure_weights[f];
            }
            shares.push(share + figure_share);
            masses.push(mass + figure_mass);
        }
        let total = shares.iter().sum::<f64>().max(f64::MIN_POSITIVE);
        let floor = FLOOR * median(&masses);

        let mut indexed: Vec<Indexed> = kept
            .iter()
            .enumerate()
            .map(|(k, &i)| Indexed {
                range: sentences[i].range.clone(),
                lines: sentences[i].lines,
                span: spans[i].clone(),
                figures: sentence_figures.span(i),
                share: shares[k] / total,
                mass: masses[k],
                floor: masses[k].max(floor),
                key: false,
                key_score: 0.0,
                paragraph_start: k == 0 || breaks[i],
            })
            .collect();
        let centrality = if n <= CENTRAL_SENTENCES {
            centrality(v, &indexed, &sentence_terms, &vectors, &plain)
        } else {
            vec![0.0; n]
        };
        mark_key_points(&mut indexed, &centrality);

        Self {
            sentences: indexed,
            terms: sentence_terms,
            hashes: terms.iter().map(|t| t.hash).collect(),
            weights,
            vectors,
            words: terms.into_iter().map(|t| t.word).collect(),
            figures: sentence_figures.into_facts(),
            figure_weights,
            stemmer,
            memo: Mutex::default(),
        }
    }

    /// The content terms of `text` with their vectors, each once, stemming
    /// only word forms not met before.
    fn precis_terms(&self, text: &str) -> Vec<PrecisTerm> {
        let v = Vectors::get();
        let mut memo = self.memo.lock().unwrap_or_else(PoisonError::into_inner);
        if memo.len() > MEMO_FORMS {
            memo.clear();
        }
        let mut seen = FxHashSet::default();
        let mut out = Vec::new();
        for w in words::words(text) {
            let term = match memo.get(w.text) {
                Some(term) => term.clone(),
                None => {
                    let term = content_term(w.text, &self.stemmer).map(|(hash, stem)| {
                        let parts = part_stems(w.text, &self.stemmer);
                        (hash, term_vector(v, &stem, &parts))
                    });
                    memo.insert(w.text.into(), term.clone());
                    term
                }
            };
            if let Some((hash, vector)) = term
                && seen.insert(hash)
            {
                out.push((hash, vector));
            }
        }
        out
    }

    /// [`SourceCoverage::measure`].
    fn measure(&self, precis: &str, matched: &[usize], limit: usize) -> Measured {
        let v = Vectors::get();
        let precis_terms = self.precis_terms(precis);
        let present: FxHashSet<u64> = precis_terms.iter().map(|(h, _)| *h).collect();
        // Distinct précis vectors: each source term is compared with each.
        let mut rows_seen = FxHashSet::default();
        let others: Vec<&TermVector> = precis_terms
            .iter()
            .map(|(_, vector)| vector)
            .filter(|vector| match vector {
                TermVector::Row(r) => rows_seen.insert(*r),
                TermVector::Mean(_) => true,
                TermVector::None => false,
            })
            .collect();
        let credit: Vec<f64> = (0..self.hashes.len())
            .map(|id| {
                if present.contains(&self.hashes[id]) {
                    return 1.0;
                }
                let mine = &self.vectors[id];
                if matches!(mine, TermVector::None) {
                    return 0.0;
                }
                let best = others
                    .iter()
                    .map(|other| v.cosine(mine, other))
                    .fold(f32::MIN, f32::max);
                f64::from(((best - SIMILAR_FROM) / SIMILAR_SPAN).clamp(0.0, 1.0))
            })
            .collect();
        let mut is_matched = vec![false; self.figure_weights.len()];
        for &f in matched {
            if let Some(m) = is_matched.get_mut(f) {
                *m = true;
            }
        }
        let raw: Vec<f64> = self
            .sentences
            .iter()
            .map(|s| {
                let words: f64 = self.terms[s.span.clone()]
                    .iter()
                    .map(|&t| self.weights[t as usize] * credit[t as usize])
                    .sum();
                let figures: f64 = self.figures[s.figures.clone()]
                    .iter()
                    .filter(|&&f| is_matched[f])
                    .map(|&f| self.figure_weights[f])
                    .sum();
                if s.floor > 0.0 {
                    ((words + figures) / s.floor).min(1.0)
                } else {
                    0.0
                }
            })
            .collect();
        // A light sentence takes the rest of its credit at its neighbours'
        // rate: a signpost is conveyed when what it introduces is.
        let sentences: Vec<SentenceCoverage> = self
            .sentences
            .iter()
            .enumerate()
            .map(|(i, s)| {
                // Only from its own paragraph: a point's signpost does not
                // introduce the next paragraph's.
                let before = i.checked_sub(1).filter(|_| !s.paragraph_start);
                let after = Some(i + 1)
                    .filter(|&j| self.sentences.get(j).is_some_and(|n| !n.paragraph_start));
                let neighbours = || [before, after].into_iter().flatten().map(|j| raw[j]);
                let count = neighbours().count();
                let borrowed = if s.floor > 0.0 && count > 0 {
                    (s.floor - s.mass) / s.floor * neighbours().sum::<f64>() / count as f64
                } else {
                    0.0
                };
                SentenceCoverage {
                    line: s.lines.0,
                    end_line: s.lines.1,
                    start: s.range.start,
                    end: s.range.end,
                    weight: s.share,
                    covered: (raw[i] + borrowed).min(1.0),
                    key: s.key,
                }
            })
            .collect();
        let left_out = self.left_out(&sentences, &credit, limit);
        Measured {
            sentences,
            left_out,
        }
    }

    /// The key points scored below [`LEFT_OUT`], the strongest first, each
    /// with its heaviest words the précis does not restate.
    fn left_out(
        &self,
        sentences: &[SentenceCoverage],
        credit: &[f64],
        limit: usize,
    ) -> Vec<LeftOut> {
        let mut points: Vec<usize> = (0..sentences.len())
            .filter(|&i| self.sentences[i].key && sentences[i].covered < LEFT_OUT)
            .collect();
        let strongest = |&a: &usize, &b: &usize| {
            self.sentences[b]
                .key_score
                .total_cmp(&self.sentences[a].key_score)
                .then(a.cmp(&b))
        };
        // Only the first `limit` are shown: those are picked out before
        // they are sorted, not the tens of thousands of a large source.
        if points.len() > limit {
            points.select_nth_unstable_by(limit, strongest);
            points.truncate(limit);
        }
        points.sort_by(strongest);
        points
            .into_iter()
            .map(|i| {
                let mut unmet: Vec<u32> = self.terms[self.sentences[i].span.clone()]
                    .iter()
                    .copied()
                    .filter(|&t| credit[t as usize] < 0.5)
                    .collect();
                unmet.sort_by(|&a, &b| {
                    self.weights[b as usize]
                        .total_cmp(&self.weights[a as usize])
                        .then(a.cmp(&b))
                });
                LeftOut {
                    sentence: i,
                    missing: unmet
                        .iter()
                        .take(3)
                        .map(|&t| self.words[t as usize].to_lowercase())
                        .collect(),
                }
            })
            .collect()
    }
}

/// The median of `values`, found by selection rather than a full sort:
/// a large source has tens of thousands of sentences.
fn median(values: &[f64]) -> f64 {
    if values.is_empty() {
        return 0.0;
    }
    let mut values = values.to_vec();
    let even = values.len().is_multiple_of(2);
    let mid = values.len() / 2;
    let (below, &mut at, _) = values.select_nth_unstable_by(mid, f64::total_cmp);
    if even {
        let under = below.iter().copied().max_by(f64::total_cmp).unwrap_or(at);
        (under + at) / 2.0
    } else {
        at
    }
}

/// How close each sentence's meaning is to the passage's as a whole: the
/// cosine of its weighted term vectors' sum with the centroid of all
/// sentences'.
fn centrality(
    v: &Vectors,
    sentences: &[Indexed],
    terms: &[u32],
    vectors: &[TermVector],
    weight: &[f64],
) -> Vec<f64> {
    let dims = v.dims();
    if dims == 0 {
        return vec![0.0; sentences.len()];
    }
    let units: Vec<Option<Vec<f32>>> = vectors.iter().map(|t| v.unit(t)).collect();
    let sums: Vec<Vec<f32>> = sentences
        .iter()
        .map(|s| {
            let mut sum = vec![0f32; dims];
            for &t in &terms[s.span.clone()] {
                if let Some(u) = &units[t as usize] {
                    let w = weight[t as usize] as f32;
                    for (x, y) in sum.iter_mut().zip(u) {
                        *x += w * y;
                    }
                }
            }
            normalise(&mut sum);
            sum
        })
        .collect();
    let mut centroid = vec![0f32; dims];
    for s in &sums {
        for (c, x) in centroid.iter_mut().zip(s) {
            *c += x;
        }
    }
    normalise(&mut centroid);
    sums.iter()
        .map(|s| f64::from(s.iter().zip(&centroid).map(|(a, b)| a * b).sum::<f32>()))
        .collect()
}

fn normalise(v: &mut [f32]) {
    let len = v.iter().map(|x| x * x).sum::<f32>().sqrt();
    if len > 0.0 {
        v.iter_mut().for_each(|x| *x /= len);
    }
}

/// Marks the passage's key points: the half of its sentences that most
/// read as its argument. A sentence opening or closing a paragraph, or the
/// passage, states a point; one stating no figure is rarely an
/// illustration; a lighter one is rarely a string of details; one close to
/// the passage's meaning as a whole carries it. (Chosen on the labelled
/// set: the heaviest sentences, today's old rule, were mostly statistics.)
fn mark_key_points(sentences: &mut [Indexed], centrality: &[f64]) {
    let n = sentences.len();
    if n == 0 {
        return;
    }
    let light = z_scores(&sentences.iter().map(|s| s.share).collect::<Vec<_>>());
    let central = z_scores(centrality);
    for i in 0..n {
        let starts = sentences[i].paragraph_start;
        let ends = i + 1 == n || sentences[i + 1].paragraph_start;
        let score = f64::from(u8::from(starts))
            + 0.5 * f64::from(u8::from(i == 0 || i + 1 == n))
            + f64::from(u8::from(sentences[i].figures.is_empty()))
            - 0.5 * light[i]
            + 0.5 * central[i]
            + 0.5 * f64::from(u8::from(ends));
        sentences[i].key_score = score;
    }
    // The better half, by selection: which half it is does not depend on
    // the order within it.
    let half = n.div_ceil(2);
    let mut order: Vec<usize> = (0..n).collect();
    order.select_nth_unstable_by(half - 1, |&a, &b| {
        sentences[b]
            .key_score
            .total_cmp(&sentences[a].key_score)
            .then(a.cmp(&b))
    });
    for &i in &order[..half] {
        sentences[i].key = true;
    }
}

/// The share of the passage a précis conveys, 0 to 1: each sentence's
/// share counted in full when covered, half when partly.
pub fn overall(sentences: &[SentenceCoverage]) -> f64 {
    sentences
        .iter()
        .map(|s| s.weight * s.level().value())
        .sum::<f64>()
        .min(1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The median by selection is the middle of the sorted values.
        #[test]
        fn median_is_the_middle_of_the_sorted_values(
            values in proptest::collection::vec(-1e3f64..1e3, 0..40),
        ) {
            let mut sorted = values.clone();
            sorted.sort_by(f64::total_cmp);
            let mid = sorted.len() / 2;
            let expected = match sorted.len() {
                0 => 0.0,
                n if n % 2 == 0 => (sorted[mid - 1] + sorted[mid]) / 2.0,
                _ => sorted[mid],
            };
            proptest::prop_assert_eq!(median(&values).to_bits(), expected.to_bits());
        }
    }
    use crate::analysis::numbers;

    const SOURCE: &str = "Rivers feed the plains of the region. Farmers divert canal water to their fields, \
        using 56,000 kilometres of channels. Dr. Khan says seepage wastes a third of it. \
        Cities also compete for the water as they grow. Prices for water remain far below its cost.";

    fn measure(precis: &str) -> Vec<SentenceCoverage> {
        let facts = numbers::distinct(numbers::extract(SOURCE, 0..SOURCE.len()));
        let cov = SourceCoverage::new(
            SOURCE,
            0..SOURCE.len(),
            Some("Water for Farms"),
            &figure_places(&facts),
        );
        let found = numbers::extract(precis, 0..precis.len());
        let matched: Vec<usize> = found
            .iter()
            .filter_map(|m| match numbers::judge(m, &facts.figures) {
                numbers::Verdict::Match(i) => Some(i),
                _ => None,
            })
            .collect();
        cov.measure(precis, &matched, 3).sentences
    }

    #[test]
    fn each_sentence_is_measured_and_weights_sum_to_one() {
        let m = measure("");
        assert_eq!(m.len(), 5, "Dr. does not end a sentence: {m:?}");
        assert!((m.iter().map(|s| s.weight).sum::<f64>() - 1.0).abs() < 1e-9);
        assert!(m.iter().all(|s| s.covered == 0.0));
        assert!(m.iter().filter(|s| s.key).count() >= 2);
    }

    #[test]
    fn a_precis_covers_what_it_restates_in_its_own_words() {
        let m = measure(
            "Growers channel irrigation supplies through 56,000 kilometres of ditches, and leakage squanders a third.",
        );
        assert_eq!(m[1].level(), Level::Covered, "{:?}", m[1]);
        assert_ne!(m[2].level(), Level::Not, "{:?}", m[2]);
        assert_eq!(m[4].level(), Level::Not, "{:?}", m[4]);
        assert!(overall(&m) > 0.2 && overall(&m) < 0.8, "{}", overall(&m));
    }

    #[test]
    fn stems_match_across_forms() {
        let m = measure("Growing cities competed for it.");
        assert_ne!(m[3].level(), Level::Not, "{:?}", m[3]);
    }
}
