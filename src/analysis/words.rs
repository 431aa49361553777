//! Word counting, the rule every other number in the report rests on.
//!
//! A word is a maximal run of non-whitespace that contains at least one letter
//! or digit: `China-Pakistan`, `$65`, `12%` and `they've` are one word each;
//! `→`, `&` and `—` standing alone are none.

use serde::{Deserialize, Serialize};

/// How hyphenated words are counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Hyphenated {
    /// `China-Pakistan` is one word (the usual examiner's count).
    #[default]
    One,
    /// `China-Pakistan` is two words, one per hyphen-separated part.
    Several,
}

/// How contractions are counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Contractions {
    /// `they've` is one word.
    #[default]
    One,
    /// `they've` is two words (`they have`).
    Two,
}

/// The counting options a student can set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct CountingOptions {
    /// Whether hyphenated words count as one or as their parts.
    pub hyphenated: Hyphenated,
    /// Whether contractions count as one word or two.
    pub contractions: Contractions,
}

/// A whitespace-separated run of text with its byte range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset just past the last character.
    pub end: usize,
    /// The run as written.
    pub text: &'a str,
}

/// Iterates the whitespace-separated runs of a text, words or not.
pub fn tokens(text: &str) -> impl Iterator<Item = Token<'_>> {
    let bytes = text.as_bytes();
    let mut next = 0;
    std::iter::from_fn(move || {
        // A local cursor keeps the hot loops in registers.
        let mut i = next;
        while i < bytes.len() {
            match whitespace_at(text, i) {
                0 => break,
                len => i += len,
            }
        }
        if i >= bytes.len() {
            next = i;
            return None;
        }
        let start = i;
        while i < bytes.len() {
            let b = bytes[i];
            if b < 0x80 {
                if is_ascii_space(b) {
                    break;
                }
                i += 1;
            } else if may_start_space(b) {
                if whitespace_at(text, i) > 0 {
                    break;
                }
                i += char_len(b);
            } else {
                i += char_len(b);
            }
        }
        next = i;
        Some(Token {
            start,
            end: i,
            text: &text[start..i],
        })
    })
}

/// ASCII whitespace as `char::is_whitespace` sees it.
#[inline]
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t'..=b'\r')
}

/// Lead bytes of the non-ASCII whitespace characters (U+0085, U+00A0,
/// U+1680, U+2000–U+205F, U+3000).
#[inline]
fn may_start_space(b: u8) -> bool {
    matches!(b, 0xC2 | 0xE1 | 0xE2 | 0xE3)
}

/// The byte length of the whitespace character at `i`, or 0 if there is none.
#[inline]
fn whitespace_at(text: &str, i: usize) -> usize {
    let b = text.as_bytes()[i];
    if b < 0x80 {
        return usize::from(is_ascii_space(b));
    }
    if !may_start_space(b) {
        return 0;
    }
    match text[i..].chars().next() {
        Some(c) if c.is_whitespace() => c.len_utf8(),
        _ => 0,
    }
}

/// The length of the UTF-8 sequence that starts with byte `b`.
#[inline]
fn char_len(b: u8) -> usize {
    match b {
        0xF0.. => 4,
        0xE0.. => 3,
        _ => 2,
    }
}

/// Whether a run counts as a word: it holds at least one letter or digit.
pub fn is_word(token: &str) -> bool {
    if token.bytes().any(|b| b.is_ascii_alphanumeric()) {
        return true;
    }
    !token.is_ascii() && token.chars().any(char::is_alphanumeric)
}

/// Iterates the words of a text with their byte ranges.
pub fn words(text: &str) -> impl Iterator<Item = Token<'_>> {
    tokens(text).filter(|t| is_word(t.text))
}

/// How many words one word-token counts for under `options`.
pub fn word_weight(word: &str, options: CountingOptions) -> usize {
    let mut weight = match options.hyphenated {
        Hyphenated::One => 1,
        Hyphenated::Several => word.split(is_hyphen).filter(|p| is_word(p)).count().max(1),
    };
    if options.contractions == Contractions::Two && is_contraction(word) {
        weight += 1;
    }
    weight
}

/// Counts the words of `text` under `options`.
pub fn count_words(text: &str, options: CountingOptions) -> usize {
    if options == CountingOptions::default() {
        return words(text).count();
    }
    words(text).map(|w| word_weight(w.text, options)).sum()
}

/// Hyphen characters that join the parts of a compound word.
pub fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// Apostrophes, straight and curly.
pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '\u{02bc}')
}

/// Whether a word is a contraction such as `they've`, `don't` or `it's`
/// (possessives such as `Pakistan's` are not).
pub fn is_contraction(word: &str) -> bool {
    let word = word.trim_matches(|c: char| !c.is_alphanumeric() && !is_apostrophe(c));
    let word = word.trim_end_matches(is_apostrophe);
    let Some(pos) = word.rfind(is_apostrophe) else {
        return false;
    };
    let (stem, rest) = word.split_at(pos);
    let suffix: String = rest.chars().skip(1).flat_map(char::to_lowercase).collect();
    if stem.is_empty() || !stem.chars().all(char::is_alphabetic) {
        return false;
    }
    let stem_lower = stem.to_lowercase();
    match suffix.as_str() {
        "t" => stem_lower.ends_with('n'),
        "ve" | "re" | "ll" | "d" | "m" => true,
        "s" => matches!(
            stem_lower.as_str(),
            "it" | "that"
                | "there"
                | "here"
                | "he"
                | "she"
                | "what"
                | "who"
                | "where"
                | "let"
                | "how"
                | "when"
                | "why"
        ),
        _ => false,
    }
}

/// A word of at most 16 bytes as one number (its bytes, little-endian,
/// zero after its end), or none for a longer one: a key that hashes and
/// compares in a step or two, for the tables every word of a source is
/// looked up in. A word that ends in a zero byte is refused, so that
/// `one\0` cannot pass for `one`. The bytes are read in two overlapping
/// loads of each half rather than copied into a buffer, which the
/// processor would have to read back before it was written.
pub fn packed(w: &str) -> Option<u128> {
    let b = w.as_bytes();
    let n = b.len();
    if n == 0 || n > 16 || b[n - 1] == 0 {
        return None;
    }
    let (lo, hi) = if n > 8 {
        (le_u64(&b[..8]), le_u64(&b[n - 8..]) >> (8 * (16 - n)))
    } else if n == 8 {
        (le_u64(b), 0)
    } else if n >= 4 {
        let first = u64::from(le_u32(&b[..4]));
        let last = u64::from(le_u32(&b[n - 4..]));
        (first | last << (8 * (n - 4)), 0)
    } else {
        let [first, middle, last] = [b[0], b[n / 2], b[n - 1]].map(u64::from);
        (first | middle << (8 * (n / 2)) | last << (8 * (n - 1)), 0)
    };
    Some(u128::from(lo) | u128::from(hi) << 64)
}

/// The word a [`packed`] key was made from: its bytes up to the zeros
/// after its end.
pub fn unpacked(key: u128) -> Option<String> {
    let bytes = key.to_le_bytes();
    let len = bytes
        .iter()
        .rposition(|&b| b != 0)
        .map_or(0, |last| last + 1);
    String::from_utf8(bytes[..len].to_vec()).ok()
}

/// The first eight bytes of `b`, little-endian.
fn le_u64(b: &[u8]) -> u64 {
    let mut word = [0u8; 8];
    word.copy_from_slice(&b[..8]);
    u64::from_le_bytes(word)
}

/// The first four bytes of `b`, little-endian.
fn le_u32(b: &[u8]) -> u32 {
    let mut word = [0u8; 4];
    word.copy_from_slice(&b[..4]);
    u32::from_le_bytes(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_packed_word_unpacks_to_itself() {
        for w in [
            "a",
            "of",
            "tax",
            "rice",
            "crore",
            "billion",
            "tehsil's",
            "kilometres",
            "twenty-first",
            "कर",
            "déjà-vu-là",
        ] {
            assert_eq!(packed(w).and_then(unpacked).as_deref(), Some(w), "{w}");
        }
        assert_eq!(packed("seventeen-thousand"), None);
    }

    #[test]
    fn a_word_is_packed_as_its_bytes_in_place() {
        let copied = |w: &str| {
            let mut bytes = [0u8; 16];
            bytes[..w.len()].copy_from_slice(w.as_bytes());
            u128::from_le_bytes(bytes)
        };
        let word = "abcdefghijklmnopq";
        for n in 1..=16 {
            assert_eq!(packed(&word[..n]), Some(copied(&word[..n])), "{n}");
        }
        assert_eq!(packed(word), None);
        assert_eq!(packed(""), None);
    }

    fn count(text: &str) -> usize {
        count_words(text, CountingOptions::default())
    }

    #[test]
    fn the_documented_examples() {
        assert_eq!(count("China-Pakistan"), 1);
        assert_eq!(count("$65"), 1);
        assert_eq!(count("12%"), 1);
        assert_eq!(count("they've"), 1);
        assert_eq!(count("→ & —"), 0);
        assert_eq!(
            count("→ The deal — signed in 2024 — cost \\$65 billion & more."),
            9
        );
    }

    #[test]
    fn whitespace_of_every_kind_separates() {
        assert_eq!(count("a\tb\r\nc\u{a0}d\u{3000}e"), 5);
        assert_eq!(count(""), 0);
        assert_eq!(count("   \n\n "), 0);
    }

    #[test]
    fn scripts_beyond_latin_are_words() {
        assert_eq!(count("پاکستان اور چین 中国 😀 ok"), 5);
    }

    #[test]
    fn hyphen_and_contraction_options() {
        let several = CountingOptions {
            hyphenated: Hyphenated::Several,
            contractions: Contractions::One,
        };
        assert_eq!(count_words("China-Pakistan well-known -", several), 4);
        let two = CountingOptions {
            hyphenated: Hyphenated::One,
            contractions: Contractions::Two,
        };
        assert_eq!(count_words("they've don't Pakistan's it's", two), 7);
    }

    #[test]
    fn contractions_are_told_from_possessives() {
        for c in [
            "they've",
            "don't",
            "It's",
            "won't",
            "I'm",
            "we'll",
            "they’re",
            "(can't)",
        ] {
            assert!(is_contraction(c), "{c}");
        }
        for p in [
            "Pakistan's",
            "nations'",
            "O'Neill",
            "rock",
            "'iron",
            "brotherhood'",
        ] {
            assert!(!is_contraction(p), "{p}");
        }
    }

    #[test]
    fn every_unicode_space_separates() {
        for c in (0..=0x10FFFFu32)
            .filter_map(char::from_u32)
            .filter(|c| c.is_whitespace())
        {
            assert_eq!(count(&format!("a{c}b")), 2, "U+{:04X}", c as u32);
        }
        assert_eq!(
            count("a\u{200b}b"),
            1,
            "a zero-width space is not whitespace"
        );
    }

    #[test]
    fn tokens_carry_exact_offsets() {
        let text = " é-b  c\n";
        let toks: Vec<_> = tokens(text).collect();
        assert_eq!(toks.len(), 2);
        assert_eq!(&text[toks[0].start..toks[0].end], "é-b");
        assert_eq!(toks[1].text, "c");
    }
}
