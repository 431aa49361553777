//! Which runs of a text are words to look up. A whitespace-separated
//! token holding a digit or a symbol (`2,500`, `G-20`, `COVID-19`, `a/b`,
//! an address) is a figure or a code and is skipped whole; so is an
//! initialism with full stops (`U.S.`, `e.g.`). Otherwise the token is split
//! at hyphens and dashes, and each part stripped of the punctuation around
//! it (quotes, brackets, commas) is a word if it has two letters or more,
//! all of them Latin.

use std::ops::Range;

use crate::analysis::words::{self, is_apostrophe};

/// Characters that make a token a code, an address or a formula, never a
/// word to spell.
fn is_code_char(c: char) -> bool {
    c.is_numeric()
        || matches!(
            c,
            '@' | '/'
                | '\\'
                | '_'
                | '='
                | '#'
                | '<'
                | '>'
                | '|'
                | '~'
                | '^'
                | '*'
                | '+'
                | '&'
                | '%'
                | '$'
                | '€'
                | '£'
                | '₹'
                | '¥'
        )
}

/// Dashes that join two words without spaces (`policy—which`).
fn is_dash(c: char) -> bool {
    words::is_hyphen(c) || matches!(c, '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}')
}

/// A letter précis can spell: ASCII or a Latin letter with an accent.
fn is_latin_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || (c.is_alphabetic() && ('\u{c0}'..='\u{24f}').contains(&c))
}

/// Calls `found` with the byte range (within `token`) of each word to
/// spell in `token`.
pub fn in_token(token: &str, mut found: impl FnMut(Range<usize>)) {
    if token.chars().any(is_code_char) {
        return;
    }
    let mut start = 0;
    let ends = token
        .char_indices()
        .filter(|&(_, c)| is_dash(c))
        .map(|(i, c)| (i, i + c.len_utf8()))
        .chain(std::iter::once((token.len(), token.len())));
    for (end, next) in ends {
        if let Some(word) = word_in(token, start..end) {
            found(word);
        }
        start = next;
    }
}

/// The word in `token[part]` without the punctuation around it, if it is
/// one to spell.
fn word_in(token: &str, part: Range<usize>) -> Option<Range<usize>> {
    let text = &token[part.clone()];
    let trimmed = text.trim_start_matches(|c: char| !c.is_alphabetic());
    let from = part.start + (text.len() - trimmed.len());
    let to = from + trimmed.trim_end_matches(|c: char| !c.is_alphabetic()).len();
    let word = &token[from..to];
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    let plain = word.chars().all(|c| is_latin_letter(c) || is_apostrophe(c));
    (letters >= 2 && plain).then_some(from..to)
}

/// A word as the lists hold it: lower-cased, with `’` as `'` and without a
/// possessive `'s` or `'`.
pub fn key(word: &str) -> String {
    let lower: String = word
        .chars()
        .map(|c| if is_apostrophe(c) { '\'' } else { c })
        .flat_map(char::to_lowercase)
        .collect();
    match lower.strip_suffix("'s") {
        Some(stem) if !stem.is_empty() => stem.to_string(),
        _ => lower.trim_end_matches('\'').to_string(),
    }
}

/// Whether a word is written in capitals as an acronym is (`NADRA`,
/// `NGOs`, `MNA's`): two capitals or more and no other lower-case letter
/// than a plural `s`.
pub fn is_acronym(word: &str) -> bool {
    let core = word
        .trim_end_matches(|c: char| c == 's' || is_apostrophe(c))
        .trim_end_matches(is_apostrophe);
    let capitals = core.chars().filter(|c| c.is_uppercase()).count();
    capitals >= 2 && core.chars().all(|c| !c.is_lowercase())
}

/// Whether a line is written in capitals (a title such as `CPEC: A GAME
/// CHANGER`): two words or more with letters, none of them in lower case.
/// Its words are spelt like any others, acronyms of three letters or more
/// included.
pub fn is_capitals_line(line: &str) -> bool {
    let mut worded = 0;
    for t in words::tokens(line) {
        if t.text.chars().any(char::is_lowercase) {
            return false;
        }
        if t.text.chars().any(char::is_alphabetic) {
            worded += 1;
        }
    }
    worded >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(token: &str) -> Vec<&str> {
        let mut out = Vec::new();
        in_token(token, |r| out.push(&token[r]));
        out
    }

    #[test]
    fn tokens_split_into_words_to_spell() {
        assert_eq!(words("(goverment,"), ["goverment"]);
        assert_eq!(words("“well-known”"), ["well", "known"]);
        assert_eq!(words("policy—which"), ["policy", "which"]);
        assert_eq!(words("Sindh’s"), ["Sindh’s"]);
        assert_eq!(words("‘quoted’"), ["quoted"]);
        for code in [
            "2,500", "G-20", "COVID-19", "Rs.500", "and/or", "a@b.com", "$65bn", "12%",
        ] {
            assert!(words(code).is_empty(), "{code}");
        }
        for skipped in ["U.S.", "e.g.", "a", "—", "Москва", "précis"] {
            let expect: Vec<&str> = if skipped == "précis" {
                vec!["précis"]
            } else {
                vec![]
            };
            assert_eq!(words(skipped), expect, "{skipped}");
        }
    }

    #[test]
    fn keys_and_acronyms() {
        assert_eq!(key("Sindh’s"), "sindh");
        assert_eq!(key("Crores"), "crores");
        assert_eq!(key("farmers'"), "farmers");
        assert!(is_acronym("NADRA") && is_acronym("NGOs") && is_acronym("MNA's"));
        assert!(!is_acronym("Karachi") && !is_acronym("A") && !is_acronym("iPhone"));
        assert!(is_capitals_line("CPEC: A GAME CHANGER"));
        assert!(!is_capitals_line("CPEC: a game changer") && !is_capitals_line("NADRA"));
    }
}
