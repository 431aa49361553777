//! Reading the top of a précis as an examiner does: a `Précis` label, and a
//! title written any of the ways students write one (`Title: …`,
//! `Title :- …`, `Heading: …`, `# …`, `**…**`, `__…__`, a centred line, or a
//! bare short line in title case or capitals with no closing full stop).

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::declared::{self, Declared};
use crate::analysis::words;

/// How the title was written, so a view can say which line it took.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TitleForm {
    /// After a label: `Title: …`, `Title :- …`, `Heading: …`, `# …`.
    Labelled,
    /// Set apart by markup: bold, underline, quotes or centring.
    Marked,
    /// A bare short first line that reads as a title.
    Bare,
}

/// Titles longer than this are read as the first sentence instead.
pub const MAX_TITLE_WORDS: usize = 15;

/// A bare title ending in a full stop is accepted up to this many words.
const MAX_STOPPED_TITLE_WORDS: usize = 8;

/// Leading spaces that mark a line as centred.
const CENTRED_INDENT: usize = 4;

static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^(?i)\s*[*_]{0,2}\s*",
        r"(?:q(?:uestion)?\s*(?:no\.?\s*)?\d+\s*[.:)\-]?\s*)?",
        r"(?:pr[eé]cis|summary|answer|ans|solution)",
        r"(?:\s+(?:of|for)\s+(?:the\s+)?(?:given\s+|above\s+)?(?:passage|text|extract))?",
        r"\s*(?P<count>\([^()\n]*\d[^()\n]*\))?",
        r"\s*[*_]{0,2}\s*",
        r"(?::-|:–|:—|:|–|—|-|=|\.|$)?",
        r"\s*[*_]{0,2}",
    ))
    .expect("valid regex")
});

static LABELLED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^\s*[*_]{0,2}\s*(?i:(?:suggested\s+|proposed\s+)?(?:title|heading))",
        r"(?i:\s+of\s+the\s+pr[eé]cis)?\s*[*_]{0,2}\s*",
        r"(?::-|:–|:—|:|–|—|-|=|\.\s|\.$)\s*[*_]{0,2}\s*",
    ))
    .expect("valid regex")
});

static HASH_HEADING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*#{1,6}\s+").expect("valid regex"));

/// Words that stay lower case in a title-cased line.
fn is_minor(word: &str) -> bool {
    matches!(
        word,
        "a" | "an"
            | "the"
            | "and"
            | "but"
            | "or"
            | "nor"
            | "for"
            | "so"
            | "yet"
            | "of"
            | "in"
            | "on"
            | "at"
            | "to"
            | "by"
            | "up"
            | "as"
            | "with"
            | "from"
            | "into"
            | "onto"
            | "over"
            | "via"
            | "vs"
            | "per"
            | "than"
            | "its"
            | "is"
            | "are"
            | "was"
            | "versus"
    )
}

/// Words a line of running text may stop on but a title never ends with.
fn ends_mid_sentence(word: &str) -> bool {
    is_minor(word)
        || matches!(
            word,
            "which" | "that" | "who" | "whose" | "their" | "his" | "her" | "this" | "these"
        )
}

/// A `Précis` label at the start of a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    /// Where the text after the label starts.
    pub rest: usize,
    /// A count declared inside the label (`Précis (about 70 words):`).
    pub declared: Option<Declared>,
}

/// The `Précis` label that `line` (a byte range of `text`) opens with, if
/// any: `Précis`, `PRÉCIS:`, `Precis :-`, `Précis of the passage`,
/// `Solution:`, `Answer:`, alone or before the first sentence or title.
pub fn label(text: &str, line: Range<usize>) -> Option<Label> {
    let caps = LABEL.captures(&text[line.clone()])?;
    let m = caps.get(0)?;
    let mut end = line.start + m.end();
    let rest = &text[end..line.end];
    end += rest.len() - rest.trim_start().len();
    // "Précis writing is…" is a sentence, not a label: a label stands
    // alone, is set off by punctuation, or comes before `Title:`.
    let label = m.as_str().trim_end();
    let punctuated = label.ends_with([':', '-', '–', '—', '=', '.', '*', '_']);
    if !(punctuated || end == line.end || LABELLED.is_match(&text[end..line.end])) {
        return None;
    }
    let declared = caps
        .name("count")
        .and_then(|c| declared::read(text, line.start + c.start()..line.start + c.end()));
    Some(Label {
        rest: end,
        declared,
    })
}

/// The title text of a labelled title line (`Title: …`, `# …`), perhaps
/// empty when the label stands alone on its line.
pub fn labelled(text: &str, line: Range<usize>) -> Option<Range<usize>> {
    let raw = &text[line.clone()];
    let m = LABELLED.find(raw).or_else(|| HASH_HEADING.find(raw))?;
    Some(unwrap(text, line.start + m.end()..line.end))
}

/// `range` without surrounding spaces, markup (`**`, `__`, `*`, `_`) and
/// quotes, and without a closing colon.
pub fn unwrap(text: &str, range: Range<usize>) -> Range<usize> {
    let (mut start, mut end) = (range.start, range.end);
    loop {
        let inner = &text[start..end];
        let trimmed = inner.trim();
        let lead = inner.len() - inner.trim_start().len();
        let (s, e) = (start + lead, start + lead + trimmed.len());
        let t = &text[s..e];
        let pairs = [
            ("**", "**"),
            ("__", "__"),
            ("*", "*"),
            ("_", "_"),
            ("\"", "\""),
            ("“", "”"),
            ("‘", "’"),
            ("<u>", "</u>"),
            ("<b>", "</b>"),
        ];
        match pairs.iter().find(|(open, close)| {
            t.len() > open.len() + close.len() && t.starts_with(open) && t.ends_with(close)
        }) {
            Some((open, close)) => {
                start = s + open.len();
                end = e - close.len();
            }
            None => {
                let t = t.strip_suffix(':').unwrap_or(t).trim_end();
                return s..s + t.len();
            }
        }
    }
}

/// A title without a full stop after its last word (`Ideas on the Trail.`);
/// an abbreviation's stop (`U.S.`) and an ellipsis stay.
pub fn without_stray_stop(t: &str) -> &str {
    match t.strip_suffix('.') {
        Some(rest)
            if !rest.ends_with('.')
                && rest.ends_with(char::is_alphabetic)
                && !rest
                    .rsplit(char::is_whitespace)
                    .next()
                    .is_some_and(|w| w.contains('.')) =>
        {
            rest
        }
        _ => t,
    }
}

/// The text inside markup that sets a whole line apart (`**TITLE**`,
/// `__Title__`, `<u>Title</u>`, quotes), when the line is so marked.
pub fn marked(text: &str, line: Range<usize>) -> Option<Range<usize>> {
    let inner = unwrap(text, line.clone());
    let trimmed = text[line.clone()].trim();
    (inner.len() < trimmed.len()).then_some(inner)
}

/// Whether `line` is indented like a centred heading.
pub fn centred(text: &str, line: Range<usize>) -> bool {
    let raw = &text[line];
    let indent: usize = raw
        .chars()
        .take_while(|c| c.is_whitespace())
        .map(|c| if c == '\t' { CENTRED_INDENT } else { 1 })
        .sum();
    indent >= CENTRED_INDENT
}

/// What follows a candidate title line.
#[derive(Debug, Clone, Copy, Default)]
pub struct Following<'a> {
    /// A blank line separates it from the next text.
    pub blank: bool,
    /// The next non-blank line, if any body text follows.
    pub next: Option<&'a str>,
}

/// How a line's words are cased.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Casing {
    /// No lower-case letter.
    Capitals,
    /// The first word and nearly every word that is not a minor word
    /// capitalised.
    TitleCase,
    /// Anything else.
    Sentence,
}

fn casing(line: &str) -> Casing {
    // Capitals: cased letters, none lower-case (a script without case,
    // such as Chinese, is no title in capitals).
    let letters = || line.chars().filter(|c| c.is_alphabetic());
    if letters().filter(|c| c.is_uppercase()).count() >= 2 && !letters().any(char::is_lowercase) {
        return Casing::Capitals;
    }
    let mut major = 0;
    let mut capitalised = 0;
    let mut first = true;
    for w in words::words(line) {
        let core: String = w
            .text
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_string();
        let Some(c) = core.chars().next() else {
            continue;
        };
        if !c.is_alphabetic() {
            first = false;
            continue;
        }
        let upper = c.is_uppercase();
        if first && !upper {
            return Casing::Sentence;
        }
        first = false;
        if is_minor(&core.to_lowercase()) {
            continue;
        }
        major += 1;
        capitalised += usize::from(upper);
    }
    if major > 0 && capitalised * 4 >= major * 3 && capitalised >= 2.min(major) {
        Casing::TitleCase
    } else {
        Casing::Sentence
    }
}

/// Whether `line` (the text of a candidate, markup removed) reads as a
/// title given how it is set apart (`marked`) and what `follows` it: short,
/// not stopping mid-sentence, with no closing full stop (unless short, in
/// title case and set off by a blank line), in title case or capitals, or
/// set off by a blank line from a body that starts a new sentence.
pub fn reads_as_title(line: &str, marked: bool, follows: Following) -> bool {
    let Some(next) = follows.next else {
        return false;
    };
    let line = line.trim();
    let n = words::words(line).count();
    // A title has letters and opens with a capital (or a figure).
    let opening = line.chars().find(|c| c.is_alphanumeric());
    if n == 0
        || n > MAX_TITLE_WORDS
        || !line.chars().any(char::is_alphabetic)
        || opening.is_some_and(char::is_lowercase)
    {
        return false;
    }
    let last_word = words::words(line)
        .last()
        .map(|w| {
            w.text
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .unwrap_or_default();
    if line.ends_with([',', ';', '-', '–', '—', '(', '&'])
        || (!line.ends_with(['?', '!', ':']) && ends_mid_sentence(&last_word))
    {
        return false;
    }
    let next = next.trim_start();
    let next_starts_sentence = next
        .chars()
        .find(|c| c.is_alphanumeric() || matches!(c, '"' | '“' | '‘' | '\''))
        .is_some_and(|c| !c.is_lowercase());
    // A hard-wrapped sentence goes on in lower case on the next line.
    if !follows.blank && !next_starts_sentence {
        return false;
    }
    let casing = casing(line);
    if line.ends_with('.') && !line.ends_with("...") {
        return casing != Casing::Sentence
            && n <= MAX_STOPPED_TITLE_WORDS
            && (follows.blank || marked);
    }
    if marked {
        return true;
    }
    // A bare title opens with a capital letter.
    if !opening.is_some_and(char::is_uppercase) {
        return false;
    }
    if casing != Casing::Sentence {
        return true;
    }
    // Sentence case: a title only when set apart from a body that starts
    // a new sentence, or clearly shorter than the line after it.
    next_starts_sentence && (follows.blank || 2 * visible(line) <= visible(next))
}

/// How many characters of a line are not spaces: its length however it
/// is spaced.
fn visible(line: &str) -> usize {
    line.chars().filter(|c| !c.is_whitespace()).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn title(line: &str, blank: bool, next: &str) -> bool {
        reads_as_title(
            line,
            false,
            Following {
                blank,
                next: Some(next),
            },
        )
    }

    const BODY: &str = "The fleet was sold off in parts over a decade, and the yards closed.";

    #[test]
    fn short_title_case_or_capital_lines_are_titles() {
        assert!(title("The Decline of the Fleet", true, BODY));
        assert!(title("The Decline of the Fleet", false, BODY));
        assert!(title("A FLEET IN DECLINE", false, BODY));
        assert!(title("Why Fleets Fail?", false, BODY));
        assert!(title("Fleets: Rise and Decline", true, BODY));
        assert!(title("The Decline of the Fleet.", true, BODY));
    }

    #[test]
    fn sentence_case_lines_need_to_stand_apart() {
        assert!(title("The decline of the fleet", true, BODY));
        assert!(title("The decline of the fleet", false, BODY));
        assert!(!title(
            "The decline of the national fleet over many",
            false,
            "decades of neglect left the yards idle and the crews unpaid."
        ));
        assert!(!title("Fleets decline.", true, BODY));
    }

    #[test]
    fn sentences_and_wrapped_lines_are_not_titles() {
        assert!(!title(BODY, true, BODY));
        assert!(!title(
            "In 2015 Kestria and Valmora launched",
            false,
            "a corridor worth billions."
        ));
        assert!(!title(
            "Trade Between Kestria and",
            false,
            "Valmora grew fast."
        ));
        assert!(!title("Fleets, Ports,", true, BODY));
        assert!(!reads_as_title("The Fleet", false, Following::default()));
        assert!(!title("中中.", true, BODY), "no case, no title in capitals");
    }

    #[test]
    fn labels_are_found_alone_or_glued() {
        fn at(line: &str) -> Option<&str> {
            label(line, 0..line.len()).map(|l| &line[l.rest..])
        }
        assert_eq!(at("Precis of the Passage"), Some(""));
        assert_eq!(at("Solution:"), Some(""));
        assert_eq!(at("PRÉCIS Title: Goods"), Some("Title: Goods"));
        let counted = "Précis (about 72 words):";
        let l = label(counted, 0..counted.len()).expect("label");
        assert_eq!(l.declared.map(|d| (d.words, d.approx)), Some((72, true)));
        assert_eq!(at("Précis"), Some(""));
        assert_eq!(at("PRÉCIS:"), Some(""));
        assert_eq!(at("Precis :-"), Some(""));
        assert_eq!(at("**Precis**"), Some(""));
        assert_eq!(
            at("Precis: The fleet was sold."),
            Some("The fleet was sold.")
        );
        assert_eq!(at("Précis. The fleet"), Some("The fleet"));
        assert_eq!(at("Précis writing is an art."), None);
        assert_eq!(at("Summary shows the trend."), None);
    }

    #[test]
    fn labelled_and_marked_titles() {
        fn lab(line: &str) -> Option<&str> {
            labelled(line, 0..line.len()).map(|r| without_stray_stop(&line[r]))
        }
        assert_eq!(lab("Title: Water Woes"), Some("Water Woes"));
        assert_eq!(lab("Title :- WATER WOES"), Some("WATER WOES"));
        assert_eq!(lab("TITLE - Water Woes"), Some("Water Woes"));
        assert_eq!(lab("Heading: Water Woes"), Some("Water Woes"));
        assert_eq!(lab("**Title:** Water Woes"), Some("Water Woes"));
        assert_eq!(lab("Title: “Water Woes”"), Some("Water Woes"));
        assert_eq!(
            lab("Title: Ideas on the Trail."),
            Some("Ideas on the Trail")
        );
        assert_eq!(lab("Title: Aid from the U.S."), Some("Aid from the U.S."));
        assert_eq!(lab("# Water Woes"), Some("Water Woes"));
        assert_eq!(lab("Title:"), Some(""));
        assert_eq!(lab("Title deeds were lost."), None);
        fn mark(line: &str) -> Option<&str> {
            marked(line, 0..line.len()).map(|r| &line[r])
        }
        assert_eq!(mark("**WATER WOES**"), Some("WATER WOES"));
        assert_eq!(mark("__Water Woes__"), Some("Water Woes"));
        assert_eq!(mark("  <u>Water Woes</u> "), Some("Water Woes"));
        assert_eq!(mark("Water Woes"), None);
        assert!(centred("        Water Woes", 0..18));
        assert!(!centred("  Water Woes", 0..12));
    }
}
