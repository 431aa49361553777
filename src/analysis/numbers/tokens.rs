//! A text's whitespace-separated tokens as the figure reader sees them:
//! each classified once (trimmed of punctuation, looked up in the lexicon,
//! its digits read), and the content keys that name the words around a
//! figure. Both the reading of figures and the finding of their subjects
//! work on these.

use std::cell::Cell;
use std::hash::Hasher;
use std::ops::Range;

use rustc_hash::FxHasher;
use text2num::{Language, text2digits};

use super::digits::{self, Piece};
use super::lexicon::{self, Lex};
use crate::analysis::stopwords::is_stop_word;

/// A whitespace-separated token, trimmed of surrounding punctuation.
#[derive(Debug, Clone)]
pub(super) struct Tok<'a> {
    /// The trimmed token, a slice of the text it was read from (its byte
    /// range is not held too: a token of 64 bytes is quicker to gather).
    pub(super) core: &'a str,
    pub(super) lex: Lex,
    /// What a token with digits says on its own (boxed: most tokens have none).
    pub(super) piece: Option<Box<Piece>>,
    /// A quantity a hyphenated word spells (`one-third`, `twenty-first`).
    pub(super) compound: Option<Box<Compound>>,
    /// Punctuation after the token that ends a clause (`.;:!?`).
    pub(super) clause_end: bool,
    /// Punctuation after the token that ends a sentence (`.!?`).
    pub(super) sentence_end: bool,
    /// A comma straight after the token.
    pub(super) comma: bool,
}

impl Tok<'_> {
    /// The token's byte range in `text`, the text it was classified from.
    pub(super) fn span(&self, text: &str) -> Range<usize> {
        debug_assert!(text.as_bytes().as_ptr_range().contains(&self.core.as_ptr()));
        let start = self.core.as_ptr().addr() - text.as_ptr().addr();
        start..start + self.core.len()
    }
}

/// A hyphenated word that spells a number.
#[derive(Debug, Clone, Copy)]
pub(super) enum Compound {
    Cardinal(f64),
    Ordinal(u64),
    Fraction(f64),
    Vague(f64),
    WithUnit(f64, &'static str),
}

const LEADING: &[char] = &['"', '\'', '“', '‘', '(', '[', '{', '«', '*', '_'];
const TRAILING: &[char] = &[
    '"', '\'', '”', '’', ')', ']', '}', '»', ',', ';', ':', '.', '!', '?', '…', '*', '_',
];

/// Classifies one raw token; `None` for tokens that are pure punctuation.
pub(super) fn classify(text: &str, start: usize, end: usize) -> Option<Tok<'_>> {
    let raw = &text[start..end];
    let bytes = raw.as_bytes();
    let core = if bytes[0].is_ascii_alphanumeric() {
        raw
    } else {
        raw.trim_start_matches(LEADING)
    };
    let lead = raw.len() - core.len();
    let mut core = if bytes[bytes.len() - 1].is_ascii_alphanumeric() {
        core
    } else {
        core.trim_end_matches(TRAILING)
    };
    // Keep `'s`/`’s` out of the trailing trim's way: "Pakistan's" stays whole.
    if core.is_empty() {
        return None;
    }
    let tail = &raw[lead + core.len()..];
    if core.ends_with('\\') {
        core = &core[..core.len() - 1];
    }
    let mut buf = [0u8; LEXICON_MAX];
    let lower = ascii_lower(core, &mut buf);
    let lex = lower.map_or(Lex::Other, lexicon::lookup);
    let abbreviation = tail.starts_with('.') && lower.is_some_and(is_abbreviation);
    let clause_end = !abbreviation && tail.contains(['.', ';', ':', '!', '?', '…']);
    let sentence_end = !abbreviation && tail.contains(['.', '!', '?', '…']);
    let has_digit = core.bytes().any(|b| b.is_ascii_digit());
    let piece = if has_digit {
        digits::read(core).map(Box::new)
    } else {
        None
    };
    let compound = match (lower, has_digit) {
        (Some(l), false) if l.contains('-') => compound(l).map(Box::new),
        _ => None,
    };
    Some(Tok {
        core,
        lex,
        piece,
        compound,
        clause_end,
        sentence_end,
        comma: tail.contains(','),
    })
}

/// Words whose full stop marks an abbreviation, not a sentence end.
fn is_abbreviation(lower: &str) -> bool {
    matches!(
        lower,
        "rs" | "no"
            | "nos"
            | "approx"
            | "art"
            | "sec"
            | "jan"
            | "feb"
            | "mar"
            | "apr"
            | "jun"
            | "jul"
            | "aug"
            | "sep"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
            | "dr"
            | "mr"
            | "mrs"
            | "ms"
            | "prof"
            | "vs"
            | "st"
            | "u.s"
            | "u.k"
            | "e.g"
            | "i.e"
            | "etc"
            | "inc"
            | "co"
            | "govt"
    )
}

/// The longest token looked up in the lexicon, in bytes (`approximately`,
/// or a hyphenated pair such as `twenty-seventh`).
const LEXICON_MAX: usize = 24;

/// The ASCII-lower-cased token (itself when already lower-case, else a copy
/// in `buf`), when it is short enough to be a lexicon word.
fn ascii_lower<'b>(core: &'b str, buf: &'b mut [u8; LEXICON_MAX]) -> Option<&'b str> {
    let bytes = core.as_bytes();
    if bytes.len() > LEXICON_MAX || !bytes.is_ascii() {
        return None;
    }
    if !bytes.iter().any(u8::is_ascii_uppercase) {
        return Some(core);
    }
    let out = &mut buf[..bytes.len()];
    out.copy_from_slice(bytes);
    out.make_ascii_lowercase();
    std::str::from_utf8(out).ok()
}

/// Reads a hyphenated number word: `twenty-one`, `one-third`, `two-thirds`,
/// `twenty-first`, `multi-billion`, `five-year`.
fn compound(lower: &str) -> Option<Compound> {
    let mut parts: Vec<&str> = lower.split(['-', '‐']).collect();
    // `fifty-year-old`, `ten-day-long`: the last part says nothing more.
    if parts.len() == 3 && matches!(parts[2], "old" | "long") {
        parts.pop();
    }
    let [first, second] = parts.as_slice() else {
        return None;
    };
    let (a, b) = (lexicon::lookup(first), lexicon::lookup(second));
    match (a, b) {
        (Lex::Cardinal(x), Lex::Ordinal(d)) if x < 20 => {
            (d >= 3).then(|| Compound::Fraction(f64::from(x) / f64::from(d)))
        }
        (Lex::Cardinal(_), Lex::Cardinal(_) | Lex::Ordinal(_)) => {
            let digits = text2digits(lower, &Language::english()).ok()?;
            let n: String = digits.chars().filter(char::is_ascii_digit).collect();
            let n: u64 = n.parse().ok()?;
            Some(if matches!(b, Lex::Ordinal(_)) {
                Compound::Ordinal(n)
            } else {
                Compound::Cardinal(n as f64)
            })
        }
        (Lex::Cardinal(x), Lex::Denominators(d)) => {
            Some(Compound::Fraction(f64::from(x) / f64::from(d)))
        }
        (Lex::Cardinal(x), Lex::Quarter) => Some(Compound::Fraction(f64::from(x) / 4.0)),
        (Lex::Cardinal(1), Lex::Half) => Some(Compound::Fraction(0.5)),
        (Lex::Cardinal(x), Lex::Unit(u)) => Some(Compound::WithUnit(f64::from(x), u)),
        (Lex::Other, Lex::Scale(m) | Lex::Vague(m)) if *first == "multi" => {
            Some(Compound::Vague(m))
        }
        _ => None,
    }
}

/// Whether a token can open a figure (digits or a number word).
pub(super) fn starts_figure(t: &Tok) -> bool {
    matches!(t.piece.as_deref(), Some(Piece::Number { .. }))
        || matches!(t.lex, Lex::Cardinal(_) | Lex::Hundred)
        || matches!(t.compound.as_deref(), Some(Compound::Cardinal(_)))
}

/// The content keys (see [`content_key`]) of a run of tokens, each made
/// once, when first asked for: the walks from neighbouring figures, for
/// their context words and their subjects, ask for the same words.
pub(super) struct Keys<'k, 'a> {
    text: &'a str,
    toks: &'k [Tok<'a>],
    known: &'k [Known],
}

/// A token's content key once made: none until then.
pub(super) type Known = Cell<Option<Option<u64>>>;

impl<'k, 'a> Keys<'k, 'a> {
    /// Keys for `toks` of `text`, none made yet, kept in `known` (a buffer
    /// reused from one run of tokens to the next).
    pub(super) fn new(text: &'a str, toks: &'k [Tok<'a>], known: &'k mut Vec<Known>) -> Self {
        known.clear();
        known.resize(toks.len(), Cell::new(None));
        Self { text, toks, known }
    }

    /// The text the tokens are of.
    pub(super) fn text(&self) -> &'a str {
        self.text
    }

    /// The tokens.
    pub(super) fn toks(&self) -> &'k [Tok<'a>] {
        self.toks
    }

    /// The content key of token `k`.
    pub(super) fn of(&self, k: usize) -> Option<u64> {
        if let Some(key) = self.known[k].get() {
            return key;
        }
        let key = content_key(&self.toks[k]);
        self.known[k].set(Some(key));
        key
    }
}

/// A content word's identity: its letters and digits lower-cased, without
/// a possessive or plural `s`; none for function words, figures and words
/// of fewer than three letters.
pub(super) fn content_key(t: &Tok) -> Option<u64> {
    let word = content_word(t)?;
    // Most words are short and ASCII: their letters are lower-cased on the
    // stack, as `char` values equal to their bytes.
    let mut ascii = [0u8; SHORT_KEY];
    let chars: Vec<char>;
    let letters: KeyLetters = if word.is_ascii() && word.len() <= SHORT_KEY {
        let mut n = 0;
        for b in word.bytes().filter(u8::is_ascii_alphanumeric) {
            ascii[n] = b.to_ascii_lowercase();
            n += 1;
        }
        KeyLetters::Ascii(&ascii[..n])
    } else {
        chars = word
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect();
        KeyLetters::Chars(&chars)
    };
    let key = letters.key();
    if key.len() < 3 {
        return None;
    }
    let mut h = FxHasher::default();
    match key {
        KeyLetters::Ascii(bytes) => bytes.iter().for_each(|&b| h.write_u32(u32::from(b))),
        KeyLetters::Chars(chars) => chars.iter().for_each(|&c| h.write_u32(c as u32)),
    }
    Some(h.finish())
}

/// The word a content key is made of: the token without a possessive
/// `'s`; none for function words and figures.
fn content_word<'a>(t: &Tok<'a>) -> Option<&'a str> {
    if !matches!(t.lex, Lex::Other | Lex::IdPrefix) || t.piece.is_some() || t.compound.is_some() {
        return None;
    }
    let word = t.core;
    let mut buf = [0u8; LEXICON_MAX];
    if ascii_lower(word, &mut buf).is_some_and(is_stop_word) {
        return None;
    }
    Some(
        word.strip_suffix("'s")
            .or_else(|| word.strip_suffix("’s"))
            .unwrap_or(word),
    )
}

/// ASCII words up to this many bytes are keyed without allocating.
const SHORT_KEY: usize = 64;

/// A word's letters and digits, lower-cased: bytes of an ASCII word, or
/// the `char`s of any other.
#[derive(Clone, Copy)]
enum KeyLetters<'a> {
    Ascii(&'a [u8]),
    Chars(&'a [char]),
}

impl KeyLetters<'_> {
    fn len(self) -> usize {
        match self {
            KeyLetters::Ascii(b) => b.len(),
            KeyLetters::Chars(c) => c.len(),
        }
    }

    fn last(self) -> Option<char> {
        match self {
            KeyLetters::Ascii(b) => b.last().map(|&b| char::from(b)),
            KeyLetters::Chars(c) => c.last().copied(),
        }
    }

    fn truncated(self, n: usize) -> Self {
        match self {
            KeyLetters::Ascii(b) => KeyLetters::Ascii(&b[..n]),
            KeyLetters::Chars(c) => KeyLetters::Chars(&c[..n]),
        }
    }

    fn is(self, word: &str) -> bool {
        match self {
            KeyLetters::Ascii(b) => b == word.as_bytes(),
            KeyLetters::Chars(c) => c.iter().copied().eq(word.chars()),
        }
    }

    /// What identifies the word: without a plural `s`, and a compass
    /// adjective as its point (`the northern districts` and `the north`
    /// name the same party).
    fn key(self) -> Self {
        let mut key = self;
        if key.len() > 3 && key.last() == Some('s') {
            key = key.truncated(key.len() - 1);
        }
        for compass in ["north", "south", "east", "west"] {
            let n = compass.len();
            if key.len() == n + 3 && key.truncated(n).is(compass) && key.is_compass_tail(n) {
                key = key.truncated(n);
            }
        }
        key
    }

    /// Whether the letters from `n` on are `ern`.
    fn is_compass_tail(self, n: usize) -> bool {
        match self {
            KeyLetters::Ascii(b) => &b[n..] == b"ern",
            KeyLetters::Chars(c) => c[n..] == ['e', 'r', 'n'],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn classified(text: &str) -> Vec<Tok<'_>> {
        crate::analysis::words::tokens(text)
            .filter_map(|t| classify(text, t.start, t.end))
            .collect()
    }

    /// How a word's key was made before short ASCII words were keyed on
    /// the stack: every word's letters collected as `char`s.
    fn content_key_by_chars(t: &Tok) -> Option<u64> {
        let word = content_word(t)?;
        let mut chars: Vec<char> = word
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect();
        if chars.len() > 3 && chars.last() == Some(&'s') {
            chars.pop();
        }
        for compass in ["north", "south", "east", "west"] {
            if chars.len() == compass.len() + 3
                && chars
                    .iter()
                    .copied()
                    .take(compass.len())
                    .eq(compass.chars())
                && chars[compass.len()..] == ['e', 'r', 'n']
            {
                chars.truncate(compass.len());
            }
        }
        if chars.len() < 3 {
            return None;
        }
        let mut h = FxHasher::default();
        for c in chars {
            h.write_u32(c as u32);
        }
        Some(h.finish())
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]

        /// Keying short ASCII words on the stack gives every word the key
        /// collecting its letters did.
        #[test]
        fn stack_keys_are_the_keys_of_collected_letters(
            word in "(North|northern|Southern|eastern|wester|[A-Za-z0-9'’.,-]{1,12}|[a-zé中İ\u{212a}s]{1,6}|[a-z]{60,70})"
        ) {
            let toks = classified(&word);
            for t in &toks {
                proptest::prop_assert_eq!(content_key(t), content_key_by_chars(t));
            }
        }
    }
}
