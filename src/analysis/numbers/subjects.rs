//! The words each figure is about, so a figure the précis gives to another
//! party or subject than the source does can be told from a right one:
//! `1,200 schools` is about schools, `the north's 38 percent` about the north,
//! `38 percent in the north` too.
//!
//! A sentence attaches its figures' subjects one way throughout: after each
//! figure (`38 percent in the north and 21 percent in the south`) or before
//! it (`the north 38 percent, the south 21`). The side on which every figure
//! of the sentence has words wins; in a sentence that follows neither
//! pattern, a figure with words on one side only keeps those, and a figure
//! with words on both sides gets none.

use std::ops::Range;

use super::lexicon::Lex;
use super::tokens::{Keys, Tok, starts_figure};
use super::{Mention, Quantity, Subject};

/// Words between a figure and the words after it that it is about:
/// `38 percent in the north`, `1,200 of the schools`.
fn skipped_after(word: &str) -> bool {
    matches!(
        word,
        "the" | "a" | "an" | "of" | "in" | "for" | "among" | "across" | "its" | "their" | "on"
    )
}

/// Words between the words a figure is about and the figure: articles,
/// prepositions, and the verbs that state a figure (`exports rose to`,
/// `the north had`, `Punjab received`).
fn skipped_before(word: &str) -> bool {
    skipped_after(word)
        || matches!(
            word,
            "at" | "to"
                | "by"
                | "with"
                | "is"
                | "are"
                | "was"
                | "were"
                | "be"
                | "been"
                | "has"
                | "had"
                | "have"
                | "now"
                | "only"
                | "just"
                | "still"
                | "stood"
                | "stands"
                | "reached"
                | "reaches"
                | "rose"
                | "rises"
                | "fell"
                | "falls"
                | "grew"
                | "grows"
                | "dropped"
                | "declined"
                | "increased"
                | "decreased"
                | "climbed"
                | "jumped"
                | "totalled"
                | "totaled"
                | "totals"
                | "numbered"
                | "numbers"
                | "amounted"
                | "amounts"
                | "received"
                | "receives"
                | "got"
                | "gets"
                | "obtained"
                | "won"
                | "took"
                | "takes"
                | "holds"
                | "held"
                | "accounted"
                | "accounts"
                | "employed"
                | "employs"
                | "spent"
                | "spends"
                | "cost"
                | "costs"
                | "earned"
                | "earns"
                | "produced"
                | "produces"
        )
}

/// The most words looked at on either side of a figure.
const WINDOW: usize = 6;
/// The most subject words kept on either side.
const MAX_WORDS: usize = 3;

/// Whether a token is part of a figure (digits, number words, units).
fn is_figure_part(t: &Tok) -> bool {
    starts_figure(t)
        || t.piece.is_some()
        || matches!(
            t.lex,
            Lex::Scale(_)
                | Lex::Percent
                | Lex::Per
                | Lex::Cent
                | Lex::Currency(_)
                | Lex::Unit(_)
                | Lex::Ordinal(_)
        )
}

/// ASCII words up to this many bytes are lower-cased on the stack.
const SHORT_WORD: usize = 16;

/// Whether `skipped` says so of a token's lower-case word without a
/// possessive `'s`. The words it knows are short and ASCII: such a token is
/// lower-cased on the stack, any other in full.
fn skips(t: &Tok, skipped: fn(&str) -> bool) -> bool {
    let core = t.core.as_bytes();
    if core.is_ascii() && core.len() <= SHORT_WORD {
        let mut buf = [0u8; SHORT_WORD];
        let lower = &mut buf[..core.len()];
        lower.copy_from_slice(core);
        lower.make_ascii_lowercase();
        let lower = lower.strip_suffix(b"'s").unwrap_or(lower);
        return std::str::from_utf8(lower).is_ok_and(skipped);
    }
    let lower = t.core.to_lowercase();
    let base = lower
        .strip_suffix("'s")
        .or_else(|| lower.strip_suffix("’s"))
        .unwrap_or(&lower);
    skipped(base)
}

/// What a token means on the way to a figure's subject words.
enum Step {
    /// A word the figure may be about.
    Subject,
    /// A word to pass over.
    Skip,
    /// The end of the figure's reach.
    Stop,
}

fn step(keys: &Keys, k: usize, skipped: fn(&str) -> bool) -> Step {
    let t = &keys.toks()[k];
    if is_figure_part(t) {
        Step::Stop
    } else if skips(t, skipped) {
        Step::Skip
    } else if keys.of(k).is_some() {
        Step::Subject
    } else {
        Step::Stop
    }
}

/// The content words right after tokens `..end` that a figure is about;
/// a year after `in` or `by` (`14 percent in 2010`) stands for its time.
fn after(keys: &Keys, end: usize) -> Words {
    let toks = keys.toks();
    let mut found = Words::default();
    let mut k = end;
    while k < toks.len() && k < end + WINDOW && found.len() < MAX_WORDS {
        if toks[k - 1].clause_end || toks[k - 1].comma {
            break;
        }
        if found.is_empty()
            && k > end
            && is_year(&toks[k])
            && ["in", "by", "during"]
                .iter()
                .any(|w| toks[k - 1].core.eq_ignore_ascii_case(w))
        {
            found.push(k);
            break;
        }
        match step(keys, k, skipped_after) {
            Step::Subject => found.push(k),
            Step::Skip if found.is_empty() => {}
            _ => break,
        }
        k += 1;
    }
    found
}

/// Whether a token is a plain four-digit year.
fn is_year(t: &Tok) -> bool {
    t.core.len() == 4
        && t.core.bytes().all(|b| b.is_ascii_digit())
        && t.core
            .parse::<u32>()
            .is_ok_and(|y| (1800..=2100).contains(&y))
}

/// A subject word's identity: a content word's key, or a year's own.
fn key(keys: &Keys, k: usize) -> Option<u64> {
    let t = &keys.toks()[k];
    if is_year(t) {
        use std::hash::Hasher;
        let mut h = rustc_hash::FxHasher::default();
        h.write(b"year:");
        h.write(t.core.as_bytes());
        return Some(h.finish());
    }
    keys.of(k)
}

/// The words of an opening phrase set off by a comma that the figure's
/// clause follows: `In the northern districts, 38% of children…`.
fn fronted(keys: &Keys, first: usize) -> Words {
    let toks = keys.toks();
    let mut k = first;
    let comma = loop {
        if k == 0 || first - k > WINDOW {
            return Words::default();
        }
        k -= 1;
        let t = &toks[k];
        if t.comma && !t.clause_end {
            break k;
        }
        if t.sentence_end || t.clause_end || is_figure_part(t) {
            return Words::default();
        }
    };
    let mut start = comma;
    while start > 0 && !toks[start - 1].sentence_end && comma - start < 8 {
        start -= 1;
    }
    let opens = ["in", "across", "among", "within", "for", "at"]
        .iter()
        .any(|w| toks[start].core.eq_ignore_ascii_case(w));
    let at_sentence_start = start == 0 || toks[start - 1].sentence_end;
    let only_years = toks[start..=comma]
        .iter()
        .all(|t| !is_figure_part(t) || is_year(t));
    if !(opens && at_sentence_start && only_years) {
        return Words::default();
    }
    let mut found = Words::default();
    for i in (start..=comma)
        .filter(|&i| is_year(&toks[i]) || keys.of(i).is_some())
        .take(MAX_WORDS)
    {
        found.push(i);
    }
    found
}

/// The content words before token `first` that a figure is about.
fn before(keys: &Keys, first: usize) -> Words {
    let toks = keys.toks();
    let mut found = Words::default();
    let mut k = first;
    while k > 0 && k + WINDOW > first && found.len() < MAX_WORDS {
        k -= 1;
        let t = &toks[k];
        if t.clause_end || t.comma {
            break;
        }
        // `by 2020 the share reached 61 percent`: the year it stood in,
        // unless that year is the one of a figure before it (`14 percent
        // in 2010 to 41 percent`); never looking into the sentence before.
        if is_year(t)
            && k > 0
            && !toks[k - 1].sentence_end
            && ["in", "by", "since", "until"]
                .iter()
                .any(|w| toks[k - 1].core.eq_ignore_ascii_case(w))
            && (k < 2 || toks[k - 2].sentence_end || !is_figure_part(&toks[k - 2]))
        {
            found.push(k);
            break;
        }
        match step(keys, k, skipped_before) {
            Step::Subject => found.push(k),
            Step::Skip => {}
            Step::Stop => break,
        }
    }
    found
}

/// The tokens (by index) of at most [`MAX_WORDS`] subject words, held in
/// place: every figure has a few on each side.
#[derive(Debug, Clone, Copy, Default)]
struct Words {
    at: [usize; MAX_WORDS],
    n: usize,
}

impl Words {
    fn push(&mut self, k: usize) {
        self.at[self.n] = k;
        self.n += 1;
    }

    fn len(&self) -> usize {
        self.n
    }

    fn is_empty(&self) -> bool {
        self.n == 0
    }

    fn as_slice(&self) -> &[usize] {
        &self.at[..self.n]
    }
}

/// Sets the subjects of `mentions`, read from tokens `places` (first, end)
/// of the tokens `keys` are of: all mentions of these tokens, in text order.
pub fn attach(keys: &Keys, places: &[(usize, usize)], mentions: &mut [Mention]) {
    let (text, toks) = (keys.text(), keys.toks());
    // Dates and years are what figures are tied to, not figures to tie.
    let anchor: Vec<bool> = mentions
        .iter()
        .map(|m| {
            matches!(
                m.quantity,
                Quantity::Year(_) | Quantity::Date { .. } | Quantity::Decade(_)
            )
        })
        .collect();
    let mut sentence_of = Vec::with_capacity(places.len());
    let (mut sentence, mut k) = (0usize, 0usize);
    for &(first, _) in places {
        while k < first {
            sentence += usize::from(toks[k].sentence_end);
            k += 1;
        }
        sentence_of.push(sentence);
    }
    let sides: Vec<(Words, Words)> = places
        .iter()
        .map(|&(first, end)| (before(keys, first), after(keys, end)))
        .collect();
    let mut i = 0;
    while i < places.len() {
        let mut j = i;
        while j < places.len() && sentence_of[j] == sentence_of[i] {
            j += 1;
        }
        let group = &sides[i..j];
        let figures = || group.iter().zip(&anchor[i..j]).filter(|(_, a)| !**a);
        let all_after = figures().all(|((_, a), _)| !a.is_empty());
        let all_before = figures().all(|((b, _), _)| !b.is_empty());
        for (n, (m, (b, a))) in mentions[i..j].iter_mut().zip(group).enumerate() {
            if anchor[i + n] {
                continue;
            }
            // The sentence's side; else the only side a figure has words on.
            let mut words = if all_after || (!all_before && b.is_empty()) {
                *a
            } else if all_before || a.is_empty() {
                *b
            } else {
                Words::default()
            };
            words.at[..words.n].sort_unstable();
            let leading = fronted(keys, places[i + n].0);
            // The mention's list may be one reused from an earlier mention.
            m.subjects.clear();
            m.subjects.extend(
                words
                    .as_slice()
                    .iter()
                    .map(|&k| (k, false))
                    .chain(leading.as_slice().iter().map(|&k| (k, true)))
                    .filter_map(|(k, fronted)| {
                        key(keys, k).map(|hash| Subject {
                            hash,
                            span: subject_span(text, toks[k].span(text)),
                            fronted,
                        })
                    }),
            );
        }
        i = j;
    }
}

/// The word's span without a possessive `'s`.
fn subject_span(text: &str, span: Range<usize>) -> Range<usize> {
    let word = &text[span.clone()];
    let len = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .map_or(word.len(), str::len);
    span.start..span.start + len
}

#[cfg(test)]
mod tests {
    use super::super::extract;

    fn subjects(text: &str) -> Vec<(String, Vec<String>)> {
        extract(text, 0..text.len())
            .into_iter()
            .map(|m| {
                let words = m
                    .subjects
                    .iter()
                    .map(|s| text[s.span.clone()].to_lowercase())
                    .collect();
                (text[m.span].to_string(), words)
            })
            .collect()
    }

    fn pairs(list: &[(&str, &[&str])]) -> Vec<(String, Vec<String>)> {
        list.iter()
            .map(|(f, s)| (f.to_string(), s.iter().map(|w| w.to_string()).collect()))
            .collect()
    }

    #[test]
    fn subjects_after_the_figures() {
        assert_eq!(
            subjects("Literacy is 38 percent in the north but only 21 percent in the south."),
            pairs(&[("38 percent", &["north"]), ("21 percent", &["south"])])
        );
        assert_eq!(
            subjects("The province built 1,200 schools and hired 3,400 teachers."),
            pairs(&[("1,200", &["schools"]), ("3,400", &["teachers"])])
        );
    }

    #[test]
    fn subjects_before_the_figures() {
        assert_eq!(
            subjects("The north had 38 percent, the south's share was 21 percent."),
            pairs(&[
                ("38 percent", &["north"]),
                ("21 percent", &["south", "share"])
            ])
        );
        assert_eq!(
            subjects("Exports rose to $30 billion while imports fell to $20 billion."),
            pairs(&[("$30 billion", &["exports"]), ("$20 billion", &["imports"])])
        );
        assert_eq!(
            subjects("Punjab received 38 percent and Sindh 21 percent."),
            pairs(&[("38 percent", &["punjab"]), ("21 percent", &["sindh"])])
        );
        assert_eq!(
            subjects("In the south literacy reached 38 percent."),
            pairs(&[("38 percent", &["south", "literacy"])])
        );
    }

    #[test]
    fn mixed_sentences_keep_only_clear_subjects() {
        assert_eq!(
            subjects("In the north 38 percent can read, against 21 percent in the south."),
            pairs(&[("38 percent", &["north"]), ("21 percent", &["south"])])
        );
    }

    #[test]
    fn years_before_and_in_opening_phrases() {
        assert_eq!(
            subjects("In 2005, only 38 percent could read; by 2020 the share reached 61 percent."),
            pairs(&[
                ("2005", &[]),
                ("38 percent", &["2005"]),
                ("2020", &[]),
                ("61 percent", &["2020", "share"])
            ])
        );
    }

    #[test]
    fn years_and_opening_phrases_tie_figures() {
        assert_eq!(
            subjects("The share rose from 14 percent in 2010 to 41 percent in 2020."),
            pairs(&[
                ("14 percent", &["2010"]),
                ("2010", &[]),
                ("41 percent", &["2020"]),
                ("2020", &[])
            ])
        );
        assert_eq!(
            subjects("In the northern districts, 38% of children were stunted."),
            pairs(&[("38%", &["children", "northern", "districts"])])
        );
    }

    proptest::proptest! {
        /// Lower-casing short ASCII words on the stack skips the words
        /// lower-casing every word in full did.
        #[test]
        fn stack_lowered_words_skip_as_fully_lowered_ones(
            word in "(The|OF|rose|Took|too\u{212a}|stands's|had’s|[A-Za-z'’]{1,20}|[a-zé]{1,5})"
        ) {
            for t in crate::analysis::words::tokens(&word) {
                let Some(tok) = super::super::tokens::classify(&word, t.start, t.end) else {
                    continue;
                };
                let lower = tok.core.to_lowercase();
                let plain = lower
                    .strip_suffix("'s")
                    .or_else(|| lower.strip_suffix("’s"))
                    .unwrap_or(&lower);
                for skipped in [super::skipped_after as fn(&str) -> bool, super::skipped_before] {
                    proptest::prop_assert_eq!(super::skips(&tok, skipped), skipped(plain));
                }
            }
        }
    }
}
