//! Official names: a capitalised name of several words (`the National
//! Commission for Rural Water and Sanitation`, `Bank of England`) cannot be
//! paraphrased, so repeating it is not copying.

use std::ops::Range;

use super::stopwords::is_stop_word;
use super::words;

/// Lower-case words that may join the words of a name.
fn joins_a_name(word: &str) -> bool {
    matches!(
        word,
        "of" | "for" | "and" | "the" | "on" | "in" | "de" | "al" | "ul" | "bin" | "&"
    )
}

/// Whether a word starts with a capital letter (after opening punctuation).
fn capitalised(word: &str) -> bool {
    word.chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(char::is_uppercase)
}

/// Whether punctuation after the word ends a clause, so a name stops there.
fn ends_clause(word: &str) -> bool {
    word.ends_with(['.', ',', ';', ':', '!', '?', ')', '"', '”'])
}

/// The byte ranges of the multi-word names in `range` of `text`: runs of two
/// or more capitalised words, perhaps joined by `of`, `for`, `and`, `the`.
/// A common word that is capitalised only because it opens a sentence
/// (`Many`, `The`) does not start a name.
pub fn proper_names(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let toks: Vec<words::Token> = words::words(&text[range.clone()]).collect();
    let mut names = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !capitalised(toks[i].text) {
            i += 1;
            continue;
        }
        let sentence_start = i == 0 || toks[i - 1].text.ends_with(['.', '!', '?']);
        let core = |w: &str| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        };
        // A word capitalised only because it opens a sentence starts a name
        // only when a capitalised word follows it at once.
        let mut first = i;
        let next_capitalised = toks.get(i + 1).is_some_and(|t| capitalised(t.text));
        if sentence_start && (is_stop_word(&core(toks[i].text)) || !next_capitalised) {
            first = i + 1;
        }
        // Extend over capitalised words and joining words between them.
        let mut last = i;
        let mut capitals = usize::from(first == i);
        let mut k = i;
        while !ends_clause(toks[k].text) && k + 1 < toks.len() {
            let mut next = k + 1;
            while next < toks.len()
                && joins_a_name(toks[next].text)
                && !ends_clause(toks[next].text)
            {
                next += 1;
            }
            if next >= toks.len() || !capitalised(toks[next].text) {
                break;
            }
            k = next;
            last = k;
            capitals += 1;
        }
        if capitals >= 2 && first <= last {
            let end = toks[last]
                .text
                .trim_end_matches(|c: char| !c.is_alphanumeric())
                .len();
            names.push(range.start + toks[first].start..range.start + toks[last].start + end);
        }
        i = last + 1;
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<&str> {
        proper_names(text, 0..text.len())
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn multi_word_names_are_found() {
        assert_eq!(
            names("In 2019 the National Commission for Rural Water and Sanitation took charge."),
            ["National Commission for Rural Water and Sanitation"]
        );
        assert_eq!(
            names("The State Bank of Pakistan raised rates."),
            ["State Bank of Pakistan"]
        );
        assert_eq!(names("Many Pakistanis work abroad."), Vec::<&str>::new());
        assert_eq!(
            names("Farmers in Punjab, Sindh and Balochistan."),
            ["Sindh and Balochistan"]
        );
        assert_eq!(names("Bank of England staff"), Vec::<&str>::new());
        assert_eq!(names("Trade with China grew."), Vec::<&str>::new());
    }
}
