//! Where the source's figures stand, and which sentence states each: the
//! figures' side of the coverage index. A figure-dense source has a
//! quarter of a million places, so both are built in linear passes.

use super::walk::Sentence;
use crate::analysis::numbers::Facts;

/// Where each of the source's figures stands (byte offset) and which fact
/// it is, in text order (places at one offset in fact order): what
/// [`super::SourceCoverage::index`] takes.
pub fn figure_places(facts: &Facts) -> Vec<(usize, usize)> {
    let places: Vec<(usize, usize)> = facts
        .spans
        .iter()
        .enumerate()
        .flat_map(|(fact, spans)| spans.iter().map(move |r| (r.start, fact)))
        .collect();
    // Listed fact by fact, so a stable sort by offset alone leaves places
    // at one offset in fact order.
    sorted_by_offset(places)
}

/// `places` sorted by offset, stably: a radix sort, a byte of the offset at
/// a time, in as many passes as the largest offset has bytes.
fn sorted_by_offset(mut places: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    let largest = places.iter().map(|&(at, _)| at).max().unwrap_or(0);
    let mut sorted = vec![(0, 0); places.len()];
    let mut shift = 0;
    while shift < usize::BITS && largest >> shift > 0 {
        let digit = |at: usize| (at >> shift) & 0xff;
        let mut starts = [0usize; 256];
        for &(at, _) in &places {
            starts[digit(at)] += 1;
        }
        let mut next = 0;
        for start in &mut starts {
            (*start, next) = (next, next + *start);
        }
        for &place in &places {
            let d = digit(place.0);
            sorted[starts[d]] = place;
            starts[d] += 1;
        }
        std::mem::swap(&mut places, &mut sorted);
        shift += 8;
    }
    places
}

/// The figures each sentence states: every fact once, in the order the
/// sentence first states it.
pub(super) struct SentenceFigures {
    /// Sentence `i`'s facts are `facts[starts[i]..starts[i + 1]]`.
    starts: Vec<usize>,
    facts: Vec<usize>,
    /// How many sentences state each fact, by fact index.
    df: Vec<usize>,
}

impl SentenceFigures {
    /// Gives each of `places` (in text order, as [`figure_places`] gives
    /// them) to the sentence it stands in; a place between sentences is
    /// in none.
    pub(super) fn new(sentences: &[Sentence], places: &[(usize, usize)]) -> Self {
        let fact_count = places.iter().map(|&(_, fact)| fact + 1).max().unwrap_or(0);
        // The sentence each fact was last given to: places come in text
        // order, so a fact already there was given to it last.
        let mut last = vec![usize::MAX; fact_count];
        let mut df = vec![0; fact_count];
        let mut starts = Vec::with_capacity(sentences.len() + 1);
        starts.push(0);
        let mut facts = Vec::new();
        let mut i = 0;
        for &(at, fact) in places {
            while sentences.get(i).is_some_and(|s| s.range.end <= at) {
                i += 1;
                starts.push(facts.len());
            }
            if sentences.get(i).is_some_and(|s| s.range.start <= at) && last[fact] != i {
                last[fact] = i;
                df[fact] += 1;
                facts.push(fact);
            }
        }
        starts.resize(sentences.len() + 1, facts.len());
        Self { starts, facts, df }
    }

    /// Where sentence `i`'s facts are in [`Self::facts`].
    pub(super) fn span(&self, i: usize) -> std::ops::Range<usize> {
        self.starts[i]..self.starts[i + 1]
    }

    /// Every sentence's facts, one sentence after another.
    pub(super) fn facts(&self) -> &[usize] {
        &self.facts
    }

    /// How many sentences state each fact, by fact index (every fact of a
    /// place, whether in a sentence or not).
    pub(super) fn df(&self) -> &[usize] {
        &self.df
    }

    /// The whole list of facts, for the index to keep.
    pub(super) fn into_facts(self) -> Vec<usize> {
        self.facts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each sentence's figures as the index first listed them: places
    /// swept in text order, a fact added when not yet in the list.
    fn listed_one_by_one(sentences: &[Sentence], places: &[(usize, usize)]) -> Vec<Vec<usize>> {
        let mut lists: Vec<Vec<usize>> = vec![Vec::new(); sentences.len()];
        let mut i = 0;
        for &(at, fact) in places {
            while sentences.get(i).is_some_and(|s| s.range.end <= at) {
                i += 1;
            }
            if sentences.get(i).is_some_and(|s| s.range.start <= at) && !lists[i].contains(&fact) {
                lists[i].push(fact);
            }
        }
        lists
    }

    proptest::proptest! {
        /// The radix sort gives what a comparison sort by offset, then
        /// fact, gives of places listed fact by fact.
        #[test]
        fn places_sort_as_a_comparison_sort_does(
            offsets in proptest::collection::vec(
                proptest::collection::vec(
                    proptest::prop_oneof![0usize..300, 0usize..100_000_000, proptest::num::usize::ANY],
                    0..20,
                ),
                0..20,
            ),
        ) {
            let places: Vec<(usize, usize)> = offsets
                .iter()
                .enumerate()
                .flat_map(|(fact, at)| at.iter().map(move |&at| (at, fact)))
                .collect();
            let mut expected = places.clone();
            expected.sort_unstable();
            proptest::prop_assert_eq!(sorted_by_offset(places), expected);
        }

        /// Each sentence's figures are those the one-by-one listing gives,
        /// in its order, and each fact's count is the sentences that list it.
        #[test]
        fn each_sentence_lists_its_figures_in_order(
            gaps in proptest::collection::vec((0usize..4, 1usize..12), 0..12),
            places in proptest::collection::vec((0usize..120, 0usize..6), 0..40),
        ) {
            let mut sentences = Vec::new();
            let mut at = 0;
            for (gap, len) in gaps {
                let start = at + gap;
                sentences.push(Sentence { range: start..start + len, lines: (1, 1) });
                at = start + len;
            }
            let mut places = places;
            places.sort_unstable();
            let expected = listed_one_by_one(&sentences, &places);
            let figures = SentenceFigures::new(&sentences, &places);
            for (i, list) in expected.iter().enumerate() {
                proptest::prop_assert_eq!(&figures.facts()[figures.span(i)], list.as_slice());
            }
            for (fact, &df) in figures.df().iter().enumerate() {
                proptest::prop_assert_eq!(df, expected.iter().filter(|l| l.contains(&fact)).count());
            }
        }
    }
}
