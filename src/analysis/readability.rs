//! Readability: sentence lengths, Flesch scores and repeated words, the
//! numbers behind an examiner's "long-winded" or "repetitive" remark.
//!
//! Words are counted as everywhere else ([`words::words`]). Sentences end at
//! `.`, `?`, `!` or `…` standing at the end of a word (so before whitespace or
//! the end of the text), but not after a title such as `Dr.`, an initialism
//! such as `U.S.` or an initial such as `A.`; a blank line also ends one. A
//! text with no terminal punctuation is one sentence.
//!
//! Syllables are estimated with the usual English heuristic (see
//! [`syllables`]); the Flesch scores built on them are approximate, which is
//! all a remark on readability needs.

use std::ops::Range;

use rustc_hash::FxHashMap;
use serde::Serialize;

use super::words::{self, Token, is_apostrophe, is_hyphen};

/// How readable a text is, in the measures examiners and style guides use.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Readability {
    /// How many sentences the text has (sentences without words are skipped).
    pub sentences: usize,
    /// How many words the text has, counted as the rest of the report counts.
    pub words: usize,
    /// Words per sentence on average; 0 for an empty text.
    pub average_sentence_words: f64,
    /// Words in the longest sentence.
    pub longest_sentence_words: usize,
    /// Flesch reading ease: about 60–70 is plain English, below 30 is hard
    /// going; 0 for an empty text.
    pub flesch_reading_ease: f64,
    /// Flesch–Kincaid grade: the school grade that can read the text; 0 for
    /// an empty text.
    pub flesch_kincaid_grade: f64,
}

/// The readability of `text` (a précis body; the source's comes from its
/// coverage walk) and each sentence's byte range with its word count, from
/// one walk: the précis check needs both on every keystroke. An empty text,
/// or one without words, measures all zeros.
pub fn measure(text: &str) -> (Readability, Vec<(Range<usize>, usize)>) {
    let mut tally = Tally::default();
    let mut sentences = Vec::new();
    for r in sentence_ranges(text) {
        let (mut words, mut syllable_count) = (0, 0);
        for w in words::words(&text[r.clone()]) {
            words += 1;
            syllable_count += syllables(w.text);
        }
        tally.sentence(words, syllable_count);
        sentences.push((r, words));
    }
    (tally.finish(), sentences)
}

/// Sentence by sentence sums behind a [`Readability`], for a walk over the
/// sentences that also does other work (the source's coverage index).
#[derive(Debug, Clone, Copy, Default)]
pub struct Tally {
    sentences: usize,
    words: usize,
    syllables: usize,
    longest: usize,
}

impl Tally {
    /// Adds a sentence of `words` words and `syllables` syllables.
    pub fn sentence(&mut self, words: usize, syllables: usize) {
        self.sentences += 1;
        self.words += words;
        self.syllables += syllables;
        self.longest = self.longest.max(words);
    }

    /// The measures of the sentences added.
    pub fn finish(self) -> Readability {
        let zero = Readability {
            sentences: self.sentences,
            words: self.words,
            average_sentence_words: 0.0,
            longest_sentence_words: self.longest,
            flesch_reading_ease: 0.0,
            flesch_kincaid_grade: 0.0,
        };
        if self.words == 0 || self.sentences == 0 {
            return zero;
        }
        let per_sentence = self.words as f64 / self.sentences as f64;
        let per_word = self.syllables as f64 / self.words as f64;
        Readability {
            average_sentence_words: per_sentence,
            flesch_reading_ease: 206.835 - 1.015 * per_sentence - 84.6 * per_word,
            flesch_kincaid_grade: 0.39 * per_sentence + 11.8 * per_word - 15.59,
            ..zero
        }
    }
}

/// The byte range of each sentence of `text`, trimmed of surrounding
/// whitespace, in order. Sentences holding no word (a stray `...`) are left
/// out. Other checks use these ranges to point at a sentence.
pub fn sentence_ranges(text: &str) -> Vec<Range<usize>> {
    let mut splitter = SentenceSplitter::new(text);
    let mut out: Vec<Range<usize>> = words::tokens(text)
        .filter_map(|t| splitter.push(t.start, t.end))
        .collect();
    out.extend(splitter.finish());
    out
}

/// Finds sentences in a text whose tokens are pushed one at a time, so that
/// a walk over the text for another purpose (the source's coverage index)
/// splits it on the way. The ranges are those of [`sentence_ranges`].
#[derive(Debug)]
pub struct SentenceSplitter<'a> {
    text: &'a str,
    /// The token pushed last.
    last: Option<(usize, usize)>,
    /// The open sentence: its start, its end so far, whether it has a word.
    open: Option<(usize, usize, bool)>,
}

impl<'a> SentenceSplitter<'a> {
    /// A splitter for tokens of `text`.
    pub fn new(text: &'a str) -> Self {
        Self {
            text,
            last: None,
            open: None,
        }
    }

    fn token(&self, (start, end): (usize, usize)) -> Token<'a> {
        Token {
            start,
            end,
            text: &self.text[start..end],
        }
    }

    /// Takes the next token, `start..end` of the text; returns the sentence
    /// that ended before it, if one did.
    pub fn push(&mut self, start: usize, end: usize) -> Option<Range<usize>> {
        let token = self.token((start, end));
        let ended = match (self.last, self.open) {
            (Some(last), _) if ends_sentence(self.token(last), Some(&token)) => true,
            (_, Some((_, open_end, _))) => paragraph_break(&self.text[open_end..start]),
            _ => false,
        };
        let closed = if ended { self.close() } else { None };
        let (first, _, has_word) = self.open.unwrap_or((start, end, false));
        self.open = Some((first, end, has_word || words::is_word(token.text)));
        self.last = Some((start, end));
        closed
    }

    /// The last sentence, once every token is pushed.
    pub fn finish(&mut self) -> Option<Range<usize>> {
        self.close()
    }

    fn close(&mut self) -> Option<Range<usize>> {
        match self.open.take() {
            Some((start, end, true)) => Some(start..end),
            _ => None,
        }
    }
}

/// Content words used at least `min_count` times, each with the byte range
/// of every use, the most repeated first (ties in order of first use). A
/// content word is compared lower-cased, is letters only (a possessive `'s`
/// is dropped, hyphenated parts are words of their own), has at least four
/// letters and is not a common function word such as `which` or `their`;
/// contractions are skipped. The report flags these as repetition.
pub fn repeated_words(text: &str, min_count: usize) -> Vec<(String, Vec<Range<usize>>)> {
    let mut uses: FxHashMap<String, Vec<Range<usize>>> = FxHashMap::default();
    let mut key = String::new();
    for w in words::words(text) {
        content_words(w, &mut key, |key, range| match uses.get_mut(key) {
            Some(ranges) => ranges.push(range),
            None => {
                uses.insert(key.to_string(), vec![range]);
            }
        });
    }
    let mut out: Vec<_> = uses
        .into_iter()
        .filter(|(_, ranges)| ranges.len() >= min_count)
        .collect();
    out.sort_by_key(|(_, ranges)| {
        (
            std::cmp::Reverse(ranges.len()),
            ranges.first().map_or(0, |r| r.start),
        )
    });
    out
}

/// Estimates how many syllables a word has, at least 1.
///
/// The word is split at hyphens and other ASCII punctuation except
/// apostrophes (`well-known` is `well` + `known`); each part counts 1 per
/// run of digits (`2024` is 1, `3.5` is 2) plus its letters' syllables, and
/// at least 1. Letters count one syllable per group of vowels (`aeiouy`,
/// accented or not), less one for a silent ending when the word has more
/// than one group:
/// - a final `e` after a consonant (`precise`), except a consonant + `le`
///   (`table`);
/// - a final `ed` not after `t` or `d` (`jumped`, but `wanted`);
/// - in a plural `-es`, the `e` as above (`makes`), except after a hiss
///   (`places`, `boxes`).
///
/// Other scripts have no vowels here, so their words count 1 per part.
pub fn syllables(word: &str) -> usize {
    let mut total = 0;
    let mut letters = Vec::new();
    for part in
        word.split(|c: char| (c.is_ascii_punctuation() && !is_apostrophe(c)) || is_hyphen(c))
    {
        letters.clear();
        let mut digit_runs = 0;
        let mut in_digits = false;
        for c in part.chars() {
            if c.is_numeric() {
                digit_runs += usize::from(!in_digits);
                in_digits = true;
                continue;
            }
            in_digits = false;
            if c.is_alphabetic() {
                letters.extend(c.to_lowercase());
            }
        }
        if letters.is_empty() && digit_runs == 0 {
            continue;
        }
        total += (letter_syllables(&letters) + digit_runs).max(1);
    }
    total.max(1)
}

/// The vowel-group count of lower-cased letters, less a silent ending.
fn letter_syllables(letters: &[char]) -> usize {
    let mut groups = 0;
    let mut after_vowel = false;
    for &c in letters {
        let v = is_vowel(c);
        if v && !after_vowel {
            groups += 1;
        }
        after_vowel = v;
    }
    if groups > 1 && silent_ending(letters) {
        groups - 1
    } else {
        groups
    }
}

/// Whether the word ends in a silent `e`, `-ed` or plural `-es`.
fn silent_ending(letters: &[char]) -> bool {
    let plural = letters.len() > 3 && letters.ends_with(&['s']) && !letters.ends_with(&['s', 's']);
    let stem = if plural {
        &letters[..letters.len() - 1]
    } else {
        letters
    };
    let at = |back: usize| stem.len().checked_sub(back).and_then(|i| stem.get(i));
    let consonant = |c: Option<&char>| c.is_some_and(|&c| !is_vowel(c));
    match (at(1), at(2)) {
        (Some('e'), before) if consonant(before) => {
            let hiss = matches!(before, Some('s' | 'x' | 'z' | 'c' | 'g'))
                || stem.ends_with(&['c', 'h', 'e'])
                || stem.ends_with(&['s', 'h', 'e']);
            let le = before == Some(&'l') && consonant(at(3));
            !(le || plural && hiss)
        }
        (Some('d'), Some('e')) => !plural && !matches!(at(3), Some('t' | 'd')),
        _ => false,
    }
}

/// The vowels of the syllable heuristic, `y` included, accents allowed.
fn is_vowel(c: char) -> bool {
    matches!(
        c,
        'a' | 'e'
            | 'i'
            | 'o'
            | 'u'
            | 'y'
            | 'à'..='å'
            | 'æ'
            | 'è'..='ï'
            | 'ò'..='ö'
            | 'ø'..='ü'
            | 'ý'
            | 'ÿ'
    )
}

/// Whether the whitespace between two tokens holds a blank line.
fn paragraph_break(gap: &str) -> bool {
    gap.bytes().filter(|&b| b == b'\n').count() >= 2
}

/// Closing marks that may follow a sentence's final punctuation.
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | '»' | ')' | ']' | '}' | '*' | '_'
    )
}

/// Opening marks that may precede a word.
fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '‘' | '«' | '(' | '[' | '{' | '*' | '_'
    )
}

/// Titles and abbreviations after which a full stop does not end a
/// sentence, lower-cased without their final stop. Initialisms (`e.g.`,
/// `U.S.`) are recognised by their shape instead.
const ABBREVIATIONS: &[&str] = &[
    "dr", "mr", "mrs", "ms", "prof", "st", "rs", "mt", "jr", "sr",
];

/// Whether `token` ends its sentence, given the token after it.
fn ends_sentence(token: Token<'_>, next: Option<&Token<'_>>) -> bool {
    let core = token.text.trim_end_matches(is_closer);
    let Some(last) = core.chars().next_back() else {
        return false;
    };
    match last {
        '?' | '!' | '…' | '。' | '？' | '！' => return true,
        '.' => {}
        _ => return false,
    }
    let word = core.trim_start_matches(is_opener);
    let Some(stem) = word.strip_suffix('.') else {
        return false;
    };
    let lower = stem.to_lowercase();
    let next_starts = |f: fn(char) -> bool| {
        next.and_then(|t| t.text.trim_start_matches(is_opener).chars().next())
            .is_some_and(f)
    };
    if ABBREVIATIONS.contains(&lower.as_str()) || is_initialism(stem) {
        return false;
    }
    match lower.as_str() {
        // `No. 5`, but `the answer was no.`
        "no" => !next_starts(|c| c.is_ascii_digit() || c == '#'),
        // `roads, dams, etc. The plan…` ends; `etc. and more` does not.
        "etc" => next.is_none() || next_starts(char::is_uppercase),
        _ => true,
    }
}

/// Whether `stem` (a word without its final stop) is an initial such as `A`
/// (but not the pronoun `I`) or a dotted initialism such as `e.g` or `U.S`.
fn is_initialism(stem: &str) -> bool {
    let mut chars = stem.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => c.is_uppercase() && c != 'I',
        (Some(_), Some(_)) => stem
            .split('.')
            .all(|p| p.chars().count() == 1 && p.chars().all(char::is_alphabetic)),
        _ => false,
    }
}

/// Calls `found` with the content words in one word-token: its runs of
/// letters (with inner apostrophes), each lower-cased (in `key`, a buffer
/// reused across calls) with its byte range in the text.
fn content_words(w: Token<'_>, key: &mut String, mut found: impl FnMut(&str, Range<usize>)) {
    let is_part = |c: char| c.is_alphabetic() || is_apostrophe(c);
    let mut rest = w.text;
    let mut offset = w.start;
    while let Some(begin) = rest.find(is_part) {
        let tail = &rest[begin..];
        let len = tail.find(|c: char| !is_part(c)).unwrap_or(tail.len());
        let run = &tail[..len];
        let run_start = offset + begin;
        offset = run_start + len;
        rest = &tail[len..];
        let lead = run.len() - run.trim_start_matches(is_apostrophe).len();
        let trimmed = run.trim_matches(is_apostrophe);
        if trimmed.is_empty() || words::is_contraction(trimmed) {
            continue;
        }
        let stem = possessive_stem(trimmed);
        key.clear();
        key.extend(
            stem.chars()
                .filter(|c| c.is_alphabetic())
                .flat_map(char::to_lowercase),
        );
        if key.chars().count() < 4 || super::stopwords::is_stop_word(key) {
            continue;
        }
        let start = run_start + lead;
        found(key, start..start + stem.len());
    }
}

/// `Pakistan's` → `Pakistan`; other words unchanged.
fn possessive_stem(word: &str) -> &str {
    let mut chars = word.char_indices().rev();
    match (chars.next(), chars.next()) {
        (Some((_, 's' | 'S')), Some((i, c))) if is_apostrophe(c) => &word[..i],
        _ => word,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        sentence_ranges(text)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn syllable_counts() {
        for (word, n) in [
            ("cat", 1),
            ("table", 2),
            ("beautiful", 3),
            ("education", 4),
            ("precise", 2),
            ("the", 1),
            ("The", 1),
            ("whole", 1),
            ("people", 2),
            ("jumped", 1),
            ("wanted", 2),
            ("makes", 1),
            ("places", 2),
            ("tables", 2),
            ("agree", 2),
            ("rhythm", 1),
            ("they've", 1),
            ("Pakistan's", 3),
            ("well-known", 2),
            ("2024", 1),
            ("3.5", 2),
            ("$65", 1),
            ("5th", 1),
            ("café", 2),
            ("中国", 1),
            ("پاکستان", 1),
        ] {
            assert_eq!(syllables(word), n, "{word}");
        }
    }

    #[test]
    fn flesch_scores_match_hand_computation() {
        // 6 words, 1 sentence, 6 syllables:
        // 206.835 − 1.015·6 − 84.6·1 = 116.145; 0.39·6 + 11.8·1 − 15.59 = −1.45.
        let r = measure("The cat sat on the mat.").0;
        assert_eq!((r.sentences, r.words, r.longest_sentence_words), (1, 6, 6));
        assert!((r.flesch_reading_ease - 116.145).abs() < 3.0, "{r:?}");
        assert!((r.flesch_kincaid_grade - -1.45).abs() < 3.0, "{r:?}");

        // 7 words, 2 sentences, 4+1+3+1+2+1+2 = 14 syllables:
        // 206.835 − 1.015·3.5 − 84.6·2 = 34.08; 0.39·3.5 + 11.8·2 − 15.59 = 9.375.
        let r = measure("Education is beautiful. The table is precise.").0;
        assert_eq!((r.sentences, r.words, r.longest_sentence_words), (2, 7, 4));
        assert!((r.average_sentence_words - 3.5).abs() < 1e-9);
        assert!((r.flesch_reading_ease - 34.0825).abs() < 3.0, "{r:?}");
        assert!((r.flesch_kincaid_grade - 9.375).abs() < 3.0, "{r:?}");
    }

    #[test]
    fn abbreviations_decimals_and_initials_do_not_split() {
        let text = "Dr. Khan met Mr. Ali in the U.S. on 3.5 percent terms. Then they left!";
        assert_eq!(
            sentences(text),
            [
                "Dr. Khan met Mr. Ali in the U.S. on 3.5 percent terms.",
                "Then they left!"
            ]
        );
        assert_eq!(
            sentences("A. B. Smith wrote it, e.g. in Rs. 500 bonds. Prof. Iqbal agreed."),
            [
                "A. B. Smith wrote it, e.g. in Rs. 500 bonds.",
                "Prof. Iqbal agreed."
            ]
        );
    }

    #[test]
    fn sentence_ends_of_every_kind() {
        assert_eq!(
            sentences("  Why? Because… \"It must,\" he said. (It did.) So did I. End"),
            [
                "Why?",
                "Because…",
                "\"It must,\" he said.",
                "(It did.)",
                "So did I.",
                "End"
            ]
        );
        assert_eq!(
            sentences("Plan No. 5 failed. The answer was no. Roads, dams, etc. Then more."),
            [
                "Plan No. 5 failed.",
                "The answer was no.",
                "Roads, dams, etc.",
                "Then more."
            ]
        );
        assert_eq!(
            sentences("tea, coffee, etc. and more"),
            ["tea, coffee, etc. and more"]
        );
        assert_eq!(
            sentences("A heading\n\nThe body text"),
            ["A heading", "The body text"]
        );
        assert_eq!(sentences("no full stop at all"), ["no full stop at all"]);
        assert_eq!(sentences("Hello. ... — World."), ["Hello.", "— World."]);
    }

    #[test]
    fn empty_text_is_all_zeros() {
        let zero = Readability {
            sentences: 0,
            words: 0,
            average_sentence_words: 0.0,
            longest_sentence_words: 0,
            flesch_reading_ease: 0.0,
            flesch_kincaid_grade: 0.0,
        };
        assert_eq!(measure("").0, zero);
        assert_eq!(measure("  \n\t ").0, zero);
        assert_eq!(measure("... — !").0, zero);
        assert!(sentence_ranges("").is_empty());
        assert!(measure("").1.is_empty());
        assert!(repeated_words("", 1).is_empty());
    }

    #[test]
    fn each_sentence_is_measured_with_its_words() {
        let text = "One two three. One two three four five. One two three four.";
        let (r, sentences) = measure(text);
        let counted: Vec<_> = sentences
            .iter()
            .map(|(s, n)| (&text[s.clone()], *n))
            .collect();
        assert_eq!(
            counted,
            [
                ("One two three.", 3),
                ("One two three four five.", 5),
                ("One two three four.", 4)
            ]
        );
        assert_eq!(r.longest_sentence_words, 5);
    }

    #[test]
    fn repeated_content_words_most_repeated_first() {
        let text = "Economy matters. The economy's growth, which economy-wide \
                    growth needs, is there; Growth and ECONOMY. They've won't won't.";
        let found = repeated_words(text, 2);
        let shown: Vec<(&str, Vec<&str>)> = found
            .iter()
            .map(|(w, rs)| (w.as_str(), rs.iter().map(|r| &text[r.clone()]).collect()))
            .collect();
        assert_eq!(
            shown,
            [
                ("economy", vec!["Economy", "economy", "economy", "ECONOMY"]),
                ("growth", vec!["growth", "growth", "Growth"]),
            ]
        );
        assert_eq!(repeated_words(text, 4).len(), 1);
        assert!(repeated_words("which which which their their", 2).is_empty());
    }

    #[test]
    fn arbitrary_unicode_does_not_panic() {
        for text in [
            "😀😀. 👍🏽! 🇵🇰 👨‍👩‍👧",
            "中国和巴基斯坦。友谊！ 很好。",
            "پاکستان اور چین. دوستی؟ שלום עולם.",
            "\u{202e}abc. def\u{202c}!",
            "cafe\u{301} e\u{301}.\u{301} n\u{303}o. A\u{30a}.",
            "\u{200b}.\u{feff}. \u{0}! …… ’s ‘ ” .",
            "x'''s '' 's ''s. İstanbul ǅemal ß ﬁ.",
        ] {
            let r = measure(text).0;
            assert!(r.flesch_reading_ease.is_finite() && r.flesch_kincaid_grade.is_finite());
            for range in sentence_ranges(text) {
                assert!(text.get(range).is_some());
            }
            for (_, ranges) in repeated_words(text, 1) {
                for range in ranges {
                    assert!(text.get(range).is_some());
                }
            }
            for w in words::words(text) {
                assert!(syllables(w.text) >= 1);
            }
        }
    }
}
