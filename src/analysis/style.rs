//! Style rules examiners mark down: first person, contractions, direct
//! quotations, questions and exclamations. Each finding is a byte range of
//! the précis with what was found there.

use std::ops::Range;

use super::words::{self, is_apostrophe};

/// A style problem found in the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Finding {
    /// A first-person word outside quotations.
    FirstPerson(Range<usize>),
    /// A contraction, with its expansion when one is known.
    Contraction(Range<usize>, Option<String>),
    /// A quoted passage, with how many words it quotes.
    Quote(Range<usize>, usize),
    /// A sentence ending in `?` or `!`.
    QuestionOrExclamation(Range<usize>),
}

/// Runs every style rule over `body` (a byte range of `text`).
pub fn check(text: &str, body: Range<usize>) -> Vec<Finding> {
    let quotes = quotations(text, body.clone());
    let inside_quote = |at: usize| quoted(&quotes, at);
    let mut found: Vec<Finding> = quotes
        .iter()
        .map(|q| Finding::Quote(q.clone(), words::words(&text[q.clone()]).count()))
        .collect();
    for w in words::words(&text[body.clone()]) {
        let start = body.start + w.start;
        let core = w
            .text
            .trim_matches(|c: char| !c.is_alphanumeric() && !is_apostrophe(c));
        let core = core.trim_matches(is_apostrophe);
        let lead = w.text.find(core).unwrap_or(0);
        let span = start + lead..start + lead + core.len();
        if is_first_person(core) && !inside_quote(start) {
            found.push(Finding::FirstPerson(span));
        } else if words::is_contraction(core) {
            found.push(Finding::Contraction(span, expand(core)));
        }
    }
    found.extend(
        questions(text, body, &quotes)
            .into_iter()
            .map(Finding::QuestionOrExclamation),
    );
    found
}

/// First-person pronouns and determiners; `US` in capitals is the country.
fn is_first_person(word: &str) -> bool {
    if word == "I" {
        return true;
    }
    let base = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word);
    let lower = base.to_lowercase();
    let natural_case = base.chars().skip(1).all(|c| !c.is_uppercase());
    natural_case
        && matches!(
            lower.as_str(),
            "me" | "my" | "mine" | "myself" | "we" | "us" | "our" | "ours" | "ourselves"
        )
        || lower.starts_with("i'") && word.len() > 2
        || lower.starts_with("i’")
        || lower.starts_with("we'")
        || lower.starts_with("we’")
}

/// The written-out form of a contraction (`they've` → `they have`).
fn expand(word: &str) -> Option<String> {
    let w = word.replace('’', "'");
    let lower = w.to_lowercase();
    let special = match lower.as_str() {
        "won't" => Some("will not"),
        "can't" => Some("cannot"),
        "shan't" => Some("shall not"),
        "let's" => Some("let us"),
        _ => None,
    };
    if let Some(s) = special {
        return Some(s.to_string());
    }
    let (stem, tail) = if let Some(stem) = lower.strip_suffix("n't") {
        (stem, "not")
    } else {
        let (stem, suffix) = lower.rsplit_once('\'')?;
        let tail = match suffix {
            "ve" => "have",
            "re" => "are",
            "ll" => "will",
            "m" => "am",
            "d" => "would",
            "s" => "is",
            _ => return None,
        };
        (stem, tail)
    };
    Some(format!("{stem} {tail}"))
}

/// Quoted passages in the body: `"…"`, `“…”`, and `‘…’`/`'…'` pairs whose
/// marks open a word and close a word (so apostrophes are not quotes).
pub fn quotations(text: &str, body: Range<usize>) -> Vec<Range<usize>> {
    let s = &text[body.clone()];
    let mut out = Vec::new();
    let mut open: Option<(usize, char)> = None;
    let mut last: Option<char> = None;
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, c)| c);
        let prev = last.replace(c);
        if !matches!(c, '"' | '“' | '”' | '‘' | '’' | '\'') {
            continue;
        }
        let at_word_start = prev.is_none_or(|p| p.is_whitespace() || "([{—–-".contains(p))
            && next.is_some_and(|n| !n.is_whitespace());
        let at_word_end =
            prev.is_some_and(|p| !p.is_whitespace()) && next.is_none_or(|n| !n.is_alphanumeric());
        match (open, c) {
            (None, '"' | '“') => open = Some((i, c)),
            (None, '‘' | '\'') if at_word_start => open = Some((i, c)),
            (Some((o, '"')), '"') | (Some((o, '“')), '”' | '"') => {
                out.push(body.start + o..body.start + i + c.len_utf8());
                open = None;
            }
            (Some((o, '‘' | '\'')), '’' | '\'') if at_word_end => {
                out.push(body.start + o..body.start + i + c.len_utf8());
                open = None;
            }
            _ => {}
        }
    }
    out
}

/// Whether byte `at` lies inside one of `quotes`, which [`quotations`]
/// gives in text order and apart: found by halving, so a précis of many
/// quotations is not checked against each of them at every full stop.
fn quoted(quotes: &[Range<usize>], at: usize) -> bool {
    let next = quotes.partition_point(|q| q.end <= at);
    quotes.get(next).is_some_and(|q| q.contains(&at))
}

/// Sentences ending in `?` or `!` outside quotations.
fn questions(text: &str, body: Range<usize>, quotes: &[Range<usize>]) -> Vec<Range<usize>> {
    let s = &text[body.clone()];
    let mut out = Vec::new();
    let mut sentence_start = 0;
    for (i, c) in s.char_indices() {
        let at = body.start + i;
        if matches!(c, '.' | '?' | '!') && !quoted(quotes, at) {
            if c != '.' {
                let rel = sentence_start
                    + (s[sentence_start..i].len() - s[sentence_start..i].trim_start().len());
                out.push(body.start + rel..at + 1);
            }
            sentence_start = i + 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn findings(body: &str) -> Vec<(String, &'static str)> {
        check(body, 0..body.len())
            .into_iter()
            .map(|f| {
                let (r, k) = match f {
                    Finding::FirstPerson(r) => (r, "first_person"),
                    Finding::Contraction(r, _) => (r, "contraction"),
                    Finding::Quote(r, _) => (r, "quote"),
                    Finding::QuestionOrExclamation(r) => (r, "question"),
                };
                (body[r].to_string(), k)
            })
            .collect()
    }

    #[test]
    fn first_person_but_not_the_us() {
        let f = findings("We think our plan, which I like, helps us. The US agreed.");
        let words: Vec<_> = f.iter().map(|(w, _)| w.as_str()).collect();
        assert_eq!(words, ["We", "our", "I", "us"]);
    }

    #[test]
    fn first_person_inside_a_quotation_is_fine() {
        let f = findings("The minister said \"we will act\" soon.");
        assert_eq!(f, [("\"we will act\"".to_string(), "quote")]);
    }

    #[test]
    fn contractions_with_expansions() {
        let found = check("They've won't it's Pakistan's", 0..29);
        assert_eq!(
            found,
            [
                Finding::Contraction(0..7, Some("they have".into())),
                Finding::Contraction(8..13, Some("will not".into())),
                Finding::Contraction(14..18, Some("it is".into())),
            ]
        );
    }

    #[test]
    fn quotes_single_and_double_but_not_apostrophes() {
        let body =
            "Its ‘iron brotherhood’ and the nations' 'strong ties' held; “Never again,” he said.";
        let quotes: Vec<_> = quotations(body, 0..body.len())
            .into_iter()
            .map(|r| &body[r])
            .collect();
        assert_eq!(
            quotes,
            ["‘iron brotherhood’", "'strong ties'", "“Never again,”"]
        );
    }

    #[test]
    fn questions_and_exclamations() {
        let f = findings("Growth fell. Why did it fall? It must rise!");
        assert_eq!(
            f,
            [
                ("Why did it fall?".to_string(), "question"),
                ("It must rise!".to_string(), "question")
            ]
        );
    }

    proptest::proptest! {
        /// Finding a byte's quotation by halving agrees with trying each.
        #[test]
        fn a_byte_is_quoted_as_trying_each_quotation_says(
            body in "([a-z]{1,6}|[\"“”‘’'.?!]| ){0,80}"
        ) {
            let quotes = quotations(&body, 0..body.len());
            for at in 0..=body.len() {
                proptest::prop_assert_eq!(
                    quoted(&quotes, at),
                    quotes.iter().any(|q| q.contains(&at))
                );
            }
        }
    }
}
