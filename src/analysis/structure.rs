//! Splitting a précis into its parts: an optional title line, the body, and
//! a declared word count at the end, as students write them on paper.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

/// The parts of a précis, as byte ranges into its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrecisParts {
    /// The title's text (without the `Title:` label), when a title line exists.
    pub title: Option<Range<usize>>,
    /// The body: what the word count and the style checks apply to.
    pub body: Range<usize>,
    /// The declared count, when the précis ends with one.
    pub declared: Option<Declared>,
}

/// A word count the student stated at the end of the précis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Declared {
    /// The number stated.
    pub words: usize,
    /// Where the whole statement (`(95 words)`) stands.
    pub span: Range<usize>,
}

static LABEL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?i)\s*pr[eé]cis\s*[.:\-]?\s*$").expect("valid regex"));
static TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:(?i:title)\s*(?::-|:|–|—|-|=)\s*|#{1,6}\s+)(?P<t>.*?)\s*$")
        .expect("valid regex")
});
static DECLARED_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^(?i)\s*(?:",
        r"[(\[]\s*(?P<a>\d{1,7})\s*(?:words?)?\s*[)\]]",
        r"|(?P<b>\d{1,7})\s*words?",
        r"|(?:total\s+)?words?(?:\s*count)?\s*[:=\-]?\s*(?P<c>\d{1,7})",
        r"|[(\[]\s*(?:total\s+)?words?(?:\s*count)?\s*[:=\-]?\s*(?P<d>\d{1,7})\s*[)\]]",
        r")\s*\.?\s*$"
    ))
    .expect("valid regex")
});
static DECLARED_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)[(\[]\s*(?:words?\s*[:=]?\s*)?(?P<n>\d{1,7})\s*(?:words?)?\s*[)\]]\s*\.?\s*$")
        .expect("valid regex")
});
static LEAD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:→|->|=>|⇒|-|–|—|•|\*)\s+").expect("valid regex"));

/// The label a separately kept title is given in a composed précis.
pub const TITLE_LABEL: &str = "Title: ";

/// A précis whose title is kept apart from its body (as the editor and
/// drafts keep it), as one text the engine reads: a `Title:` line and a
/// blank line when there is a title, then the body. Also returns the byte
/// length of that title prefix, so offsets can be mapped back.
pub fn compose(title: &str, body: &str) -> (String, usize) {
    if title.trim().is_empty() {
        (body.to_string(), 0)
    } else {
        let title = title.replace(['\n', '\r'], " ");
        let prefix = format!("{TITLE_LABEL}{title}\n\n");
        let len = prefix.len();
        (prefix + body, len)
    }
}

/// The lines of `text` as byte ranges, without their line breaks.
fn line_ranges(text: &str) -> Vec<Range<usize>> {
    let mut lines = Vec::new();
    let mut start = 0;
    for (i, b) in text.bytes().enumerate() {
        if b == b'\n' {
            lines.push(start..trim_cr(text, start, i));
            start = i + 1;
        }
    }
    lines.push(start..trim_cr(text, start, text.len()));
    lines
}

fn trim_cr(text: &str, start: usize, end: usize) -> usize {
    if end > start && text.as_bytes()[end - 1] == b'\r' {
        end - 1
    } else {
        end
    }
}

fn is_blank(text: &str, r: &Range<usize>) -> bool {
    text[r.clone()].trim().is_empty()
}

/// The first line of a source text when it is a `# Heading`, and its title text.
pub fn heading(text: &str) -> Option<(Range<usize>, Range<usize>)> {
    let start = text.len() - text.trim_start().len();
    let start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let line = start..trim_cr(text, start, end);
    let raw = &text[line.clone()];
    if !raw.trim_start().starts_with('#') {
        return None;
    }
    let caps = TITLE.captures(raw)?;
    let t = caps.name("t")?;
    Some((line.clone(), line.start + t.start()..line.start + t.end()))
}

/// Splits a précis into title, body and declared count.
pub fn parse(text: &str) -> PrecisParts {
    let lines = line_ranges(text);
    let mut first = 0;
    let skip_blank = |mut i: usize| {
        while i < lines.len() && is_blank(text, &lines[i]) {
            i += 1;
        }
        i
    };
    first = skip_blank(first);
    if first < lines.len() && LABEL.is_match(&text[lines[first].clone()]) {
        first = skip_blank(first + 1);
    }
    let mut title = None;
    let mut body_start = lines.get(first).map_or(text.len(), |r| r.start);
    if let Some(line) = lines.get(first)
        && let Some(caps) = TITLE.captures(&text[line.clone()])
        && let Some(t) = caps.name("t")
    {
        title = Some(line.start + t.start()..line.start + t.end());
        body_start = lines.get(first + 1).map_or(text.len(), |r| r.start);
    }

    let mut body_end = text.len();
    let mut declared = None;
    if let Some(last) = lines.iter().rposition(|r| !is_blank(text, r)) {
        let line = &lines[last];
        let raw = &text[line.clone()];
        if line.start >= body_start
            && let Some(caps) = DECLARED_LINE.captures(raw)
            && let Some(n) = ["a", "b", "c", "d"].iter().find_map(|g| caps.name(g))
        {
            let lead = raw.len() - raw.trim_start().len();
            declared = Some(Declared {
                words: n.as_str().parse().unwrap_or(usize::MAX),
                span: line.start + lead..line.start + raw.trim_end().len(),
            });
            body_end = line.start;
        } else if let Some(caps) = DECLARED_TAIL.captures(raw)
            && let (Some(whole), Some(n)) = (caps.get(0), caps.name("n"))
            && line.start + whole.start() >= body_start
        {
            let trimmed = whole.as_str().trim_end();
            declared = Some(Declared {
                words: n.as_str().parse().unwrap_or(usize::MAX),
                span: line.start + whole.start()..line.start + whole.start() + trimmed.len(),
            });
            body_end = line.start + whole.start();
        }
    }

    let body_end = body_end.max(body_start);
    let slice = &text[body_start..body_end];
    let mut start = body_start + (slice.len() - slice.trim_start().len());
    let end = body_start + slice.trim_end().len();
    let end = end.max(start);
    if let Some(m) = LEAD.find(&text[start..end]) {
        start += m.end();
    }
    PrecisParts {
        title,
        body: start..end,
        declared,
    }
}

/// Byte ranges of paragraph breaks inside the body: blank-line gaps whose
/// preceding text ends a sentence. Gaps after text that stops mid-sentence
/// are page breaks (as in scanned answers) and are not returned.
pub fn paragraph_breaks(text: &str, body: Range<usize>) -> Vec<Range<usize>> {
    let body_text = &text[body.clone()];
    let mut breaks = Vec::new();
    let bytes = body_text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'\n' {
            i += 1;
            continue;
        }
        let gap_start = i;
        let mut newlines = 0;
        let mut j = i;
        while j < bytes.len() && (bytes[j] as char).is_ascii_whitespace() {
            newlines += usize::from(bytes[j] == b'\n');
            j += 1;
        }
        if newlines >= 2 && j < bytes.len() && ends_sentence(&body_text[..gap_start]) {
            breaks.push(body.start + gap_start..body.start + j);
        }
        i = j.max(i + 1);
    }
    breaks
}

/// Whether `text` ends at the end of a sentence (a full stop, question or
/// exclamation mark, perhaps inside a closing quote or bracket).
pub fn ends_sentence(text: &str) -> bool {
    text.trim_end()
        .trim_end_matches(['"', '\'', '”', '’', ')', ']'])
        .ends_with(['.', '!', '?', '…'])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn title_of(text: &str) -> Option<&str> {
        parse(text).title.map(|r| &text[r])
    }

    #[test]
    fn title_forms() {
        assert_eq!(title_of("Title: Water Woes\nBody."), Some("Water Woes"));
        assert_eq!(title_of("Title :- WATER WOES\n\nBody."), Some("WATER WOES"));
        assert_eq!(title_of("TITLE - Water Woes\nBody."), Some("Water Woes"));
        assert_eq!(title_of("# Water Woes\nBody."), Some("Water Woes"));
        assert_eq!(
            title_of("Precis.\n\nTitle: Water Woes\nBody."),
            Some("Water Woes")
        );
        assert_eq!(title_of("Water is scarce.\nTitle: late"), None);
    }

    #[test]
    fn declared_count_forms() {
        for (text, n) in [
            ("Body here.\n(95 words)", 95),
            ("Body here.\n95 words", 95),
            ("Body here.\nWords: 95", 95),
            ("Body here.\n[95]", 95),
            ("Body here.\nWord count: 95.", 95),
            ("Body here. (95 words)", 95),
            ("Body here. [95]", 95),
        ] {
            let parts = parse(text);
            let d = parts
                .declared
                .unwrap_or_else(|| panic!("no count in {text:?}"));
            assert_eq!(d.words, n, "{text:?}");
            assert_eq!(&text[parts.body], "Body here.", "{text:?}");
        }
        assert!(parse("It grew by 95 words").declared.is_none());
    }

    #[test]
    fn body_skips_arrow_and_excludes_title_and_count() {
        let text = "Title :- A B C\n\n→ The body text\n\n\n\ngoes on.\n\n95 words\n";
        let parts = parse(text);
        assert_eq!(&text[parts.body.clone()], "The body text\n\n\n\ngoes on.");
        assert!(paragraph_breaks(text, parts.body).is_empty());
    }

    #[test]
    fn a_gap_after_a_full_stop_is_a_paragraph_break() {
        let text = "One idea.\r\n\r\nAnother idea.";
        let parts = parse(text);
        assert_eq!(paragraph_breaks(text, parts.body).len(), 1);
    }

    #[test]
    fn a_composed_precis_parses_back_into_its_parts() {
        let (text, prefix) = compose("Rivers Run Dry", "The body.\n(2 words)");
        let parts = parse(&text);
        assert_eq!(parts.title.map(|r| &text[r]), Some("Rivers Run Dry"));
        assert_eq!(&text[parts.body], "The body.");
        assert_eq!(&text[prefix..prefix + 4], "The ");
        assert_eq!(compose("  ", "Body"), ("Body".to_string(), 0));
        let (text, _) = compose("Two\nLines", "Body.");
        assert_eq!(parse(&text).title.map(|r| &text[r]), Some("Two Lines"));
    }

    #[test]
    fn empty_and_title_only() {
        assert_eq!(parse("").body, 0..0);
        let parts = parse("Title: Only\n");
        assert!(parts.body.is_empty());
    }
}
