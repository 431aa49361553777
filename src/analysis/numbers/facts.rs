//! The source's figures as distinct facts: a figure stated five times is one
//! fact with five places, so checking a précis figure costs as many
//! comparisons as the source has different figures, not occurrences.

use std::collections::hash_map::Entry;
use std::ops::Range;

use rustc_hash::{FxHashMap, FxHashSet};

use super::{Mention, Quantity, Unit};

/// How many context words a fact keeps from all its occurrences.
const MAX_CONTEXT: usize = 32;

/// Distinct figures with every place each one is stated.
#[derive(Debug, Default)]
pub struct Facts {
    /// One mention per distinct figure: the first occurrence's span, with
    /// the context words of all occurrences.
    pub figures: Vec<Mention>,
    /// Every span where each figure stands, in text order.
    pub spans: Vec<Vec<Range<usize>>>,
    /// The words each figure is about, over all its places (see
    /// [`Mention::subjects`]).
    pub subjects: Vec<Vec<u64>>,
}

/// What makes two mentions the same fact.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Key {
    Bits(u8, [u64; 3], bool),
    Id(String),
}

fn unit_code(u: Unit) -> u64 {
    match u {
        Unit::None => 0,
        Unit::Percent => 1,
        Unit::Currency(c) => 10 + c as u64,
        Unit::Measure(m) => {
            100 + m
                .bytes()
                .fold(0u64, |h, b| h.wrapping_mul(31).wrapping_add(u64::from(b)))
        }
    }
}

fn key(m: &Mention) -> Key {
    let bits =
        |tag, a: f64, b: f64, c: u64| Key::Bits(tag, [a.to_bits(), b.to_bits(), c], m.approx);
    match &m.quantity {
        Quantity::Amount { value, unit } => bits(0, *value, 0.0, unit_code(*unit)),
        Quantity::Range {
            low,
            high,
            unit,
            direction,
        } => bits(1, *low, *high, unit_code(*unit) * 3 + *direction as u64),
        Quantity::Ordinal(n) => bits(2, 0.0, 0.0, *n),
        Quantity::Fraction(f) => bits(3, *f, 0.0, 0),
        Quantity::Year(y) => bits(4, 0.0, 0.0, *y as u64),
        Quantity::Decade(d) => bits(5, 0.0, 0.0, *d as u64),
        Quantity::Date { year, month, day } => bits(
            6,
            0.0,
            0.0,
            (year.map_or(0, |y| y as u64 + 1) << 16)
                | (month.map_or(0, |m| u64::from(m) + 1) << 8)
                | day.map_or(0, |d| u64::from(d) + 1),
        ),
        Quantity::Vague(m) => bits(7, *m, 0.0, 0),
        Quantity::Identifier(id) => Key::Id(id.clone()),
    }
}

/// A hash of what a figure means (value, kind, unit), equal for equal
/// figures however they are written (`$65bn` and `$65 billion`).
pub fn value_hash(m: &Mention) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = rustc_hash::FxHasher::default();
    key(m).hash(&mut h);
    h.finish()
}

/// Groups mentions into distinct facts, keeping text order of first use.
pub fn distinct(mentions: Vec<Mention>) -> Facts {
    let mut grouping = Grouping::default();
    grouping.extend(mentions);
    grouping.finish()
}

/// Groups mentions into distinct facts as they are read, in text order: a
/// huge source's mentions need not all be held at once (a figure-dense
/// 10 MB source states a quarter of a million figures, a few hundred
/// different ones). Consecutive pieces of a text can be grouped apart (on
/// two threads) and put together with [`Grouping::absorb`]: the same facts
/// as one grouping of the whole.
#[derive(Debug, Default)]
pub struct Grouping {
    index: FxHashMap<Key, usize>,
    facts: Facts,
    /// Each fact's subjects as a set too: a figure stated thousands of
    /// times about as many words is not searched word by word at each
    /// statement.
    subject_sets: Vec<FxHashSet<u64>>,
    /// The first [`MAX_CONTEXT`] different context words of each fact's
    /// mentions, in order: all that the grouping of the text before needs
    /// to extend its facts' context words as if it had read these mentions
    /// itself.
    seen: Vec<Vec<u64>>,
}

impl Grouping {
    /// Adds the next mention in text order.
    pub fn add(&mut self, m: &Mention) {
        let facts = &mut self.facts;
        match self.index.entry(key(m)) {
            Entry::Occupied(at) => {
                let i = *at.get();
                for s in &m.subjects {
                    if self.subject_sets[i].insert(s.hash) {
                        facts.subjects[i].push(s.hash);
                    }
                }
                let fact = &mut facts.figures[i];
                if fact.subjects.is_empty() {
                    fact.subjects.clone_from(&m.subjects);
                }
                fact.weak &= m.weak;
                for &h in &m.context {
                    add_context(&mut fact.context, h);
                    add_context(&mut self.seen[i], h);
                }
                facts.spans[i].push(m.span.clone());
            }
            Entry::Vacant(at) => {
                at.insert(facts.figures.len());
                facts.spans.push(vec![m.span.clone()]);
                facts
                    .subjects
                    .push(m.subjects.iter().map(|s| s.hash).collect());
                self.subject_sets
                    .push(m.subjects.iter().map(|s| s.hash).collect());
                let mut seen = Vec::new();
                for &h in &m.context {
                    add_context(&mut seen, h);
                }
                self.seen.push(seen);
                facts.figures.push(m.clone());
            }
        }
    }

    /// Adds the facts of the text that follows this grouping's, grouped
    /// apart: the same facts as if this grouping had read their mentions
    /// itself.
    pub fn absorb(&mut self, next: Grouping) {
        let Facts {
            figures,
            spans,
            subjects,
        } = next.facts;
        let facts = &mut self.facts;
        for (((figure, spans), subjects), seen) in
            figures.into_iter().zip(spans).zip(subjects).zip(next.seen)
        {
            match self.index.entry(key(&figure)) {
                Entry::Occupied(at) => {
                    let i = *at.get();
                    for h in subjects {
                        if self.subject_sets[i].insert(h) {
                            facts.subjects[i].push(h);
                        }
                    }
                    let fact = &mut facts.figures[i];
                    if fact.subjects.is_empty() {
                        fact.subjects = figure.subjects;
                    }
                    fact.weak &= figure.weak;
                    // Of the words the next text adds, those this fact
                    // takes are among its first `MAX_CONTEXT` different
                    // ones: at most as many as it holds are already here.
                    for h in seen {
                        add_context(&mut fact.context, h);
                        add_context(&mut self.seen[i], h);
                    }
                    facts.spans[i].extend(spans);
                }
                Entry::Vacant(at) => {
                    at.insert(facts.figures.len());
                    self.subject_sets.push(subjects.iter().copied().collect());
                    facts.subjects.push(subjects);
                    facts.spans.push(spans);
                    facts.figures.push(figure);
                    self.seen.push(seen);
                }
            }
        }
    }

    /// The facts of every mention added.
    pub fn finish(self) -> Facts {
        self.facts
    }
}

/// Adds a context word to a fact's list, unless it is there already or
/// the list is full.
fn add_context(list: &mut Vec<u64>, h: u64) {
    if list.len() < MAX_CONTEXT && !list.contains(&h) {
        list.push(h);
    }
}

impl Extend<Mention> for Grouping {
    fn extend<I: IntoIterator<Item = Mention>>(&mut self, mentions: I) {
        for m in mentions {
            self.add(&m);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::extract;
    use super::*;

    /// A mention of one of a few values, with context words and subjects
    /// from a small vocabulary (so they repeat, within and across
    /// mentions, and overflow a fact's context list).
    fn mention() -> impl proptest::strategy::Strategy<Value = Mention> {
        use proptest::prelude::*;
        (
            0u8..6,
            any::<bool>(),
            proptest::collection::vec(0u64..48, 0..14),
            proptest::collection::vec(0u64..8, 0..3),
            0usize..1000,
        )
            .prop_map(|(value, weak, context, subjects, at)| Mention {
                span: at..at + 1,
                quantity: Quantity::Amount {
                    value: f64::from(value),
                    unit: Unit::None,
                },
                approx: false,
                weak,
                context,
                mantissa: None,
                subjects: subjects
                    .into_iter()
                    .map(|hash| super::super::Subject {
                        hash,
                        span: at..at + 1,
                        fronted: false,
                    })
                    .collect(),
                bounds: Vec::new(),
                incidental: false,
            })
    }

    proptest::proptest! {
        /// Mentions grouped in pieces and absorbed in order make the same
        /// facts as grouped in one go.
        #[test]
        fn pieces_absorbed_make_the_same_facts(
            mentions in proptest::collection::vec(mention(), 0..60),
            cuts in proptest::collection::vec(0usize..60, 0..4),
        ) {
            let whole = distinct(mentions.clone());
            let mut cuts: Vec<usize> = cuts.into_iter().map(|c| c.min(mentions.len())).collect();
            cuts.push(0);
            cuts.push(mentions.len());
            cuts.sort_unstable();
            let mut joined = Grouping::default();
            for pair in cuts.windows(2) {
                let mut piece = Grouping::default();
                piece.extend(mentions[pair[0]..pair[1]].iter().cloned());
                joined.absorb(piece);
            }
            let joined = joined.finish();
            proptest::prop_assert_eq!(&joined.figures, &whole.figures);
            proptest::prop_assert_eq!(&joined.spans, &whole.spans);
            proptest::prop_assert_eq!(&joined.subjects, &whole.subjects);
        }
    }

    #[test]
    fn repeated_figures_become_one_fact() {
        let text = "It cost $65 billion. Later, $65bn again; then 12% and about 12%.";
        let facts = distinct(extract(text, 0..text.len()));
        assert_eq!(facts.figures.len(), 3);
        assert_eq!(facts.spans[0].len(), 2);
        assert_eq!(&text[facts.figures[0].span.clone()], "$65 billion");
    }
}
