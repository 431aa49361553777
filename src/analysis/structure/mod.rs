//! Splitting a précis into its parts as a reader sees them: a `Précis`
//! label, a title however it is written, the body, and a declared word count
//! at the end. Every count and check applies to the body as read this way.

mod declared;
mod title;

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::words;
pub use declared::{Declared, statement};
pub use title::TitleForm;

/// The parts of a précis, as byte ranges into its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrecisParts {
    /// The title's text (without a `Title:` label or markup), when the
    /// précis has a title.
    pub title: Option<Range<usize>>,
    /// How the title was written.
    pub title_form: Option<TitleForm>,
    /// A `Précis` label before the title or the body, never counted.
    pub label: Option<Range<usize>>,
    /// The body: what the word count and the style checks apply to.
    pub body: Range<usize>,
    /// The declared count, when the précis ends with one.
    pub declared: Option<Declared>,
}

/// A source's `# Heading` line.
static HEADING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*#{1,6}\s+(?P<t>.*?)\s*$").expect("valid regex"));
/// An arrow or bullet before the body.
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
    let caps = HEADING.captures(raw)?;
    let t = caps.name("t")?;
    Some((line.clone(), line.start + t.start()..line.start + t.end()))
}

/// Splits a précis into title, body and declared count, reading its
/// layout as an examiner does: labels are skipped, a title is taken from a
/// labelled, marked, centred or bare first line (see [`TitleForm`]), and a
/// declared count from the last line or the end of the last sentence.
pub fn parse(text: &str) -> PrecisParts {
    let lines = line_ranges(text);
    let next_text = |from: usize| -> usize {
        (from..lines.len())
            .find(|&i| !is_blank(text, &lines[i]))
            .unwrap_or(lines.len())
    };
    let start_of = |i: usize| lines.get(i).map_or(text.len(), |r| r.start);
    let mut label = None;
    let mut label_count = None;
    let mut first = next_text(0);
    // The first line with text, perhaps after a label on the same line.
    let mut top = lines.get(first).cloned();
    if let Some(line) = top.clone()
        && let Some(found) = title::label(text, line.clone())
    {
        label = Some(line.start..found.rest);
        label_count = found.declared;
        top = if found.rest < line.end {
            Some(found.rest..line.end)
        } else {
            first = next_text(first + 1);
            lines.get(first).cloned()
        };
    }

    let mut title = None;
    let mut title_form = None;
    let mut body_from = top.as_ref().map_or(text.len(), |r| r.start);
    if let Some(line) = top {
        let after = next_text(first + 1);
        if let Some(inner) = title::labelled(text, line.clone()) {
            if !inner.is_empty() {
                title = Some(inner);
                body_from = start_of(after);
            } else if let Some(own) = lines.get(after).cloned() {
                // `Title:` alone, the title on the next line.
                let inner = title::unwrap(text, own);
                if words::words(&text[inner.clone()]).count() <= title::MAX_TITLE_WORDS {
                    title = Some(inner);
                    body_from = start_of(next_text(after + 1));
                }
            }
            title_form = title.as_ref().map(|_| TitleForm::Labelled);
        } else {
            let marked = title::marked(text, line.clone());
            let set_apart = marked.is_some() || title::centred(text, line.clone());
            let inner = marked.unwrap_or_else(|| title::unwrap(text, line.clone()));
            let follows = title::Following {
                blank: after > first + 1,
                next: lines.get(after).map(|r| &text[r.clone()]),
            };
            if title::reads_as_title(&text[inner.clone()], set_apart, follows) {
                title = Some(inner);
                title_form = Some(if set_apart {
                    TitleForm::Marked
                } else {
                    TitleForm::Bare
                });
                body_from = start_of(after);
            }
        }
    }
    // A label between the title and the body, alone or glued to the body.
    if title.is_some()
        && label.is_none()
        && let Some(i) = lines.iter().position(|r| r.start == body_from)
        && let Some(found) = title::label(text, lines[i].clone())
    {
        label = Some(lines[i].start..found.rest);
        label_count = found.declared;
        body_from = if found.rest < lines[i].end {
            found.rest
        } else {
            start_of(next_text(i + 1))
        };
    }

    let mut body_end = text.len();
    let mut last = lines.iter().rposition(|r| !is_blank(text, r));
    // A `Title:` line after the body, as solved papers print a title.
    if title.is_none()
        && let Some(l) = last
        && lines[l].start > body_from
        && let Some(inner) = title::labelled(text, lines[l].clone())
        && !inner.is_empty()
    {
        title = Some(inner);
        title_form = Some(TitleForm::Labelled);
        body_end = lines[l].start;
        last = lines[..l].iter().rposition(|r| !is_blank(text, r));
    }
    let mut declared = None;
    if let Some(last) = last {
        let line = lines[last].clone();
        let from = line.start.max(body_from);
        if from < line.end
            && let Some(d) = declared::read(text, from..line.end)
        {
            body_end = d.span.start;
            declared = Some(d);
        }
    }
    let declared = declared.or(label_count);

    // A stray full stop after the title's last word is not part of it.
    let title = title.map(|r| r.start..r.start + title::without_stray_stop(&text[r]).len());
    let body_end = body_end.max(body_from);
    let slice = &text[body_from..body_end];
    let mut start = body_from + (slice.len() - slice.trim_start().len());
    let end = body_from + slice.trim_end().len();
    let end = end.max(start);
    if let Some(m) = LEAD.find(&text[start..end]) {
        start += m.end();
    }
    PrecisParts {
        title,
        title_form,
        label,
        body: start..end,
        declared,
    }
}

/// The title a line would be read as if it stood first, above a body: the
/// editor's test for a title typed as the body's first line.
pub fn title_line(line: &str) -> Option<String> {
    let text = format!("{line}\n\nThe body follows.");
    let parts = parse(&text);
    parts
        .title
        .filter(|t| t.end <= line.len())
        .map(|t| text[t].to_string())
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
        assert_eq!(
            title_of("Water is scarce.\nTitle: Written Last"),
            Some("Written Last")
        );
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
