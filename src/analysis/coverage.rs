//! What the précis leaves out: for every sentence of the source, how much of
//! its content (content words, stemmed; figures by value) the précis
//! covers, and which important sentences it misses. The source's side is
//! computed once; each version of the précis only looks its terms up.

use std::ops::Range;

use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::{FxHashMap, FxHashSet, FxHasher};
use std::hash::Hasher;

use super::numbers::{self, Mention};
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

/// The content terms of a text: stemmed, lower-cased content words.
fn content_terms(text: &str, stemmer: &Stemmer) -> FxHashSet<u64> {
    let mut out = FxHashSet::default();
    for w in words::words(text) {
        let lower: String = w
            .text
            .chars()
            .filter(|c| c.is_alphabetic())
            .flat_map(char::to_lowercase)
            .collect();
        if lower.chars().count() < 3 || is_stop(&lower) {
            continue;
        }
        let mut h = FxHasher::default();
        h.write(stemmer.stem(&lower).as_bytes());
        out.insert(h.finish());
    }
    out
}

/// The terms of a set of figures (by value), kept apart from word terms.
fn figure_terms<'a>(figures: impl Iterator<Item = &'a Mention>) -> impl Iterator<Item = u64> {
    figures.map(|m| numbers::value_hash(m) ^ 0x9e37_79b9_7f4a_7c15)
}

/// One source sentence: where it is and what it says.
#[derive(Debug, Clone)]
struct Sentence {
    range: Range<usize>,
    terms: Vec<u64>,
    /// Sum of the terms' weights.
    mass: f64,
    /// Share of the passage's content, 0 to 1.
    weight: f64,
}

/// The source's sentences and an index from term to sentences.
pub struct SourceCoverage {
    sentences: Vec<Sentence>,
    /// Each term's weight (rarer across sentences weighs more).
    idf: FxHashMap<u64, f64>,
    /// Which sentences hold each term.
    postings: FxHashMap<u64, Vec<u32>>,
    stemmer: Stemmer,
}

impl std::fmt::Debug for SourceCoverage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SourceCoverage")
            .field("sentences", &self.sentences.len())
            .finish_non_exhaustive()
    }
}

/// How one sentence of the source fares.
#[derive(Debug, Clone, PartialEq)]
pub struct SentenceCoverage {
    /// Byte range of the sentence in the source.
    pub range: Range<usize>,
    /// Share of the passage's content, 0 to 1 (all weights sum to 1).
    pub weight: f64,
    /// Share of the sentence's content the précis covers, 0 to 1.
    pub covered: f64,
}

impl SourceCoverage {
    /// Indexes the sentences of `text` in `passage` (byte range); `title`
    /// words and sentences with figures weigh more. `figures` are the
    /// source's figures with their spans.
    pub fn new(
        text: &str,
        passage: Range<usize>,
        title: Option<&str>,
        figures: &[Mention],
    ) -> Self {
        let stemmer = Stemmer::create(Algorithm::English);
        let title_terms = title
            .map(|t| content_terms(t, &stemmer))
            .unwrap_or_default();
        let mut sentences: Vec<Sentence> =
            super::readability::sentence_ranges(&text[passage.clone()])
                .into_iter()
                .map(|r| passage.start + r.start..passage.start + r.end)
                .map(|range| {
                    let mut terms: Vec<u64> = content_terms(&text[range.clone()], &stemmer)
                        .into_iter()
                        .collect();
                    terms.extend(figure_terms(
                        figures.iter().filter(|m| range.contains(&m.span.start)),
                    ));
                    terms.sort_unstable();
                    terms.dedup();
                    Sentence {
                        range,
                        terms,
                        mass: 0.0,
                        weight: 0.0,
                    }
                })
                .filter(|s| !s.terms.is_empty())
                .collect();
        let mut postings: FxHashMap<u64, Vec<u32>> = FxHashMap::default();
        for (i, s) in sentences.iter().enumerate() {
            for t in &s.terms {
                postings.entry(*t).or_default().push(i as u32);
            }
        }
        let n = sentences.len().max(1) as f64;
        let figure_set: FxHashSet<u64> = figure_terms(figures.iter()).collect();
        let idf: FxHashMap<u64, f64> = postings
            .iter()
            .map(|(t, docs)| {
                let base = (1.0_f64 + n / docs.len() as f64).ln();
                let bonus = if title_terms.contains(t) || figure_set.contains(t) {
                    1.5
                } else {
                    1.0
                };
                (*t, base * bonus)
            })
            .collect();
        for s in &mut sentences {
            s.mass = s
                .terms
                .iter()
                .map(|t| idf.get(t).copied().unwrap_or(0.0))
                .sum();
        }
        let total: f64 = sentences
            .iter()
            .map(|s| s.mass)
            .sum::<f64>()
            .max(f64::MIN_POSITIVE);
        for s in &mut sentences {
            s.weight = s.mass / total;
        }
        Self {
            sentences,
            idf,
            postings,
            stemmer,
        }
    }

    /// How much of each source sentence `precis` (its body and title text,
    /// with `figures`) covers, in source order.
    pub fn measure(&self, precis: &str, figures: &[Mention]) -> Vec<SentenceCoverage> {
        let mut terms = content_terms(precis, &self.stemmer);
        terms.extend(figure_terms(figures.iter()));
        let mut matched = vec![0.0f64; self.sentences.len()];
        for t in &terms {
            let (Some(docs), Some(w)) = (self.postings.get(t), self.idf.get(t)) else {
                continue;
            };
            for &i in docs {
                matched[i as usize] += w;
            }
        }
        self.sentences
            .iter()
            .zip(matched)
            .map(|(s, m)| SentenceCoverage {
                range: s.range.clone(),
                weight: s.weight,
                covered: if s.mass > 0.0 {
                    (m / s.mass).min(1.0)
                } else {
                    0.0
                },
            })
            .collect()
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
        let figures = numbers::extract(SOURCE, 0..SOURCE.len());
        let cov = SourceCoverage::new(SOURCE, 0..SOURCE.len(), Some("Water for Farms"), &figures);
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
        assert!(!missing.iter().any(|s| s.range == m[1].range));
    }
}
