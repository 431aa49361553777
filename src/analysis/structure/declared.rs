//! The word count a student declares at the end of a précis, in the forms
//! students write it: `(95 words)`, `95 words`, `(95 words approx)`,
//! `(approx. 95 words)`, `Words: 95`, `No. of words: 95`, `[95 words]`,
//! `— 95 words`, on a line of its own or glued to the last sentence.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

/// A word count the student stated at the end of the précis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Declared {
    /// The number stated.
    pub words: usize,
    /// Where the whole statement (`(95 words)`) stands.
    pub span: Range<usize>,
    /// Written as approximate (`about`, `approx.`): a count the student
    /// meant as a close estimate, still a declared count.
    pub approx: bool,
}

/// A declared count as an exam answer writes it: `(97 words)`, `(1 word)`.
pub fn statement(words: usize) -> String {
    if words == 1 {
        "(1 word)".to_string()
    } else {
        format!("({words} words)")
    }
}

/// Words that make a count approximate, before or after the number.
const APPROX: &str =
    r"(?:approx(?:imately|\.)?|appx\.?|app\.|about|around|nearly|roughly|almost|~|ca\.|circa)";

/// `95 words`, `about 95 words`, `95 words approx.`
fn count_then_words() -> String {
    format!(
        r"(?:{APPROX}\s*)?\d{{1,7}}(?:\s*/\s*\d{{1,7}})?\s*words?\.?(?:\s*(?:{APPROX}|only|used))?"
    )
}

/// `Words: 95`, `No. of words: 95`, `Word count = 95`, `Total words 95 words`.
fn label_then_count() -> String {
    format!(
        r"(?:(?:total|no\.?\s*of|number\s+of)\s*)?words?(?:\s*(?:count|used|written))?\s*(?:[:=\-–—]+|is|are)?\s*(?:{APPROX}\s*)?\d{{1,7}}(?:\s*words?)?(?:\s*{APPROX})?"
    )
}

/// The last line is nothing but a declared count.
static OWN_LINE: LazyLock<Regex> = LazyLock::new(|| {
    let (a, b) = (count_then_words(), label_then_count());
    Regex::new(&format!(
        r"^(?i)\s*(?:[-–—]+\s*)?[*_]{{0,2}}(?:[(\[]\s*(?:{a}|{b}|(?:{APPROX}\s*)?\d{{1,3}})\s*[)\]]|{a}|{b})[*_]{{0,2}}\s*\.?\s*$"
    ))
    .expect("valid regex")
});

/// A declared count glued to the end of the last sentence: it must be set
/// off by brackets or a dash, so that "it grew by 95 words" is not one.
static GLUED: LazyLock<Regex> = LazyLock::new(|| {
    let (a, b) = (count_then_words(), label_then_count());
    Regex::new(&format!(
        r"(?i)[*_]{{0,2}}(?:[(\[]\s*(?:{a}|{b}|(?:{APPROX}\s*)?\d{{1,3}})\s*[)\]]|(?:^|\s)[-–—]+\s*(?:{a}|{b}))[*_]{{0,2}}\s*\.?\s*$"
    ))
    .expect("valid regex")
});

static APPROX_WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?i){APPROX}")).expect("valid regex"));

/// Reads a declared count from `line` (a byte range of `text` holding the
/// précis's last non-blank line), on a line of its own or glued to the end.
pub fn read(text: &str, line: Range<usize>) -> Option<Declared> {
    let raw = &text[line.clone()];
    let found = OWN_LINE.find(raw).or_else(|| GLUED.find(raw))?;
    let matched = found.as_str();
    let lead = matched.len() - matched.trim_start().len();
    let statement = matched.trim();
    let digits: String = statement
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(char::is_ascii_digit)
        .collect();
    let start = line.start + found.start() + lead;
    Some(Declared {
        words: digits.parse().unwrap_or(usize::MAX),
        span: start..start + statement.len(),
        approx: APPROX_WORD.is_match(statement),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn declared(line: &str) -> Option<(usize, bool, &str)> {
        read(line, 0..line.len()).map(|d| (d.words, d.approx, &line[d.span]))
    }

    #[test]
    fn counts_on_their_own_line() {
        for (line, n, approx) in [
            ("(95 words)", 95, false),
            ("95 words", 95, false),
            ("95 Words.", 95, false),
            ("(38 words approx)", 38, true),
            ("(38 words approx.)", 38, true),
            ("(approx. 38 words)", 38, true),
            ("(about 38 words)", 38, true),
            ("(Approximately 38 words)", 38, true),
            ("Words: 38", 38, false),
            ("Word count: 38.", 38, false),
            ("No. of words: 38", 38, false),
            ("No of words = 38", 38, false),
            ("Number of words: 38", 38, false),
            ("Total words: 38", 38, false),
            ("[38 words]", 38, false),
            ("[38]", 38, false),
            ("(38)", 38, false),
            ("— 38 words", 38, false),
            ("- 38 words", 38, false),
            ("(Words: 38)", 38, false),
            ("*(38 words)*", 38, false),
            ("**(38 words)**", 38, false),
            ("_38 words_", 38, false),
            ("74/221 Words", 74, false),
            ("  (38 words)  ", 38, false),
        ] {
            let got = declared(line).unwrap_or_else(|| panic!("no count in {line:?}"));
            assert_eq!((got.0, got.1, got.2), (n, approx, line.trim()), "{line:?}");
        }
    }

    #[test]
    fn counts_glued_to_the_last_sentence() {
        for (line, n, approx, statement) in [
            (
                "…as it may be.(38 words approx)",
                38,
                true,
                "(38 words approx)",
            ),
            ("The end. (95 words)", 95, false, "(95 words)"),
            ("The end. [95]", 95, false, "[95]"),
            ("The end — 95 words", 95, false, "— 95 words"),
            ("The end. (Words: 95)", 95, false, "(Words: 95)"),
        ] {
            let got = declared(line).unwrap_or_else(|| panic!("no count in {line:?}"));
            assert_eq!(got, (n, approx, statement), "{line:?}");
        }
    }

    #[test]
    fn figures_in_the_text_are_not_counts() {
        for line in [
            "It grew by 95 words",
            "Exports rose to 95",
            "in 2024",
            "about 95 words were cut from the law",
            "The G-20 (2023) met.",
            "The Act was passed (2019).",
            "(2019)",
        ] {
            assert_eq!(declared(line), None, "{line:?}");
        }
    }
}
