//! Making text fit its row by design rather than by cutting: a bar is made
//! of parts, each with the forms it can take from longest to shortest and
//! how much keeping each form matters, and the least important form gives
//! way first; a title takes the first of its forms that fits; long text is
//! shortened with "…" by display width, never by characters.

use ratatui::text::{Line, Span};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// The fewest columns between a bar's left and right parts.
const GAP: usize = 2;

/// One form of a part: its spans, and how much keeping it (rather than the
/// part's next, shorter form) matters; higher is kept longer.
#[derive(Debug, Clone)]
struct Form {
    keep: u8,
    spans: Vec<Span<'static>>,
}

/// One part of a bar: the forms it can take, longest first, and the text
/// that separates it from the part before when both are shown.
#[derive(Debug, Clone)]
pub struct Part {
    forms: Vec<Form>,
    chosen: usize,
    separator: &'static str,
}

impl Part {
    /// A part with no forms yet, set off from the part before by `separator`.
    pub fn new(separator: &'static str) -> Self {
        Part {
            forms: Vec::new(),
            chosen: 0,
            separator,
        }
    }

    /// Adds a form (shorter than those before it), kept over the next form
    /// unless everything of lower `keep` has already given way. The last
    /// form is never given up.
    pub fn or(mut self, keep: u8, spans: impl Into<Vec<Span<'static>>>) -> Self {
        self.forms.push(Form {
            keep,
            spans: spans.into(),
        });
        self
    }

    /// Adds the empty form: the part may be left out.
    pub fn or_nothing(self) -> Self {
        self.or(0, Vec::new())
    }

    fn spans(&self) -> &[Span<'static>] {
        self.forms.get(self.chosen).map_or(&[], |f| &f.spans)
    }

    fn width(&self) -> usize {
        self.spans().iter().map(Span::width).sum()
    }
}

/// The width of `parts` as chosen, with separators between shown parts.
fn total(parts: &[Part]) -> usize {
    let mut width = 0;
    let mut any = false;
    for part in parts {
        let w = part.width();
        if w > 0 {
            if any {
                width += part.separator.width();
            }
            width += w;
            any = true;
        }
    }
    width
}

/// Shortens `parts` until `fits` holds: each step takes the part whose
/// current form matters least to its next form.
fn shrink(parts: &mut [Part], fits: impl Fn(&[Part]) -> bool) {
    while !fits(parts) {
        let least = parts
            .iter()
            .enumerate()
            .filter(|(_, p)| p.chosen + 1 < p.forms.len())
            .min_by_key(|(i, p)| (p.forms[p.chosen].keep, std::cmp::Reverse(*i)));
        match least {
            Some((i, _)) => parts[i].chosen += 1,
            None => break,
        }
    }
}

/// The spans of `parts` as chosen, with their separators.
fn join(parts: &[Part], separator_style: ratatui::style::Style) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    for part in parts {
        if part.width() == 0 {
            continue;
        }
        if !spans.is_empty() && !part.separator.is_empty() {
            spans.push(Span::styled(part.separator, separator_style));
        }
        spans.extend(part.spans().iter().cloned());
    }
    spans
}

/// A bar of `width` columns: `left` parts from the left edge and `right`
/// parts against the right edge, at least two columns apart, the least
/// important forms given up until everything fits.
pub fn bar(
    mut left: Vec<Part>,
    mut right: Vec<Part>,
    width: usize,
    separator_style: ratatui::style::Style,
) -> Line<'static> {
    let n = left.len();
    let mut all: Vec<Part> = left.drain(..).chain(right.drain(..)).collect();
    shrink(&mut all, |parts| {
        let (l, r) = parts.split_at(n);
        let (lw, rw) = (total(l), total(r));
        lw + rw + if lw > 0 && rw > 0 { GAP } else { 0 } <= width
    });
    let (l, r) = all.split_at(n);
    let mut spans = join(l, separator_style);
    let right = join(r, separator_style);
    let used: usize = spans.iter().map(Span::width).sum();
    let right_width: usize = right.iter().map(Span::width).sum();
    if right_width > 0 {
        spans.push(Span::raw(
            " ".repeat(width.saturating_sub(used + right_width).max(GAP)),
        ));
        spans.extend(right);
    }
    Line::from(spans)
}

/// The first of `forms` that fits in `width` columns, else the last one
/// shortened to fit.
pub fn first_fitting(forms: &[String], width: usize) -> String {
    forms
        .iter()
        .find(|f| f.width() <= width)
        .cloned()
        .unwrap_or_else(|| shorten(forms.last().map_or("", String::as_str), width))
}

/// `text` in at most `width` columns: as it is when it fits, else cut at a
/// character boundary with "…" at the end.
pub fn shorten(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.truncate(out.trim_end().len());
    if width > 0 {
        out.push('…');
    }
    out
}

/// `text` word-wrapped into rows of at most `width` columns (a word wider
/// than a row is split); at most `max_rows` rows, the last ending in "…"
/// when text is left over.
pub fn wrap(text: &str, width: usize, max_rows: usize) -> Vec<String> {
    let rows = super::wrap::wrap(text, 0, width.max(1));
    let mut out: Vec<String> = rows.iter().map(|r| text[r.clone()].to_string()).collect();
    if out.len() > max_rows.max(1) {
        let keep = max_rows.max(1);
        let rest = rows[keep - 1].start;
        out.truncate(keep - 1);
        out.push(shorten(&text[rest..].replace('\n', " "), width));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Style;

    fn text(line: &Line) -> String {
        line.spans.iter().map(|s| s.content.as_ref()).collect()
    }

    fn parts() -> Vec<Part> {
        vec![
            Part::new("")
                .or(90, vec![Span::raw("97/83 words")])
                .or(0, vec![Span::raw("97/83")]),
            Part::new(" ")
                .or(20, vec![Span::raw("(79–87)")])
                .or_nothing(),
            Part::new(" │ ")
                .or(60, vec![Span::raw("✗ 1 figure")])
                .or_nothing(),
        ]
    }

    #[test]
    fn everything_shows_when_there_is_room() {
        let save = vec![
            Part::new("")
                .or(50, vec![Span::raw("saved 12:03")])
                .or(10, vec![Span::raw("saved")]),
        ];
        let line = bar(parts(), save, 50, Style::new());
        assert_eq!(
            text(&line),
            "97/83 words (79–87) │ ✗ 1 figure       saved 12:03"
        );
        assert_eq!(line.width(), 50);
    }

    #[test]
    fn the_least_important_form_gives_way_first() {
        let line = bar(parts(), Vec::new(), 25, Style::new());
        assert_eq!(text(&line), "97/83 words │ ✗ 1 figure");
        let line = bar(parts(), Vec::new(), 16, Style::new());
        assert_eq!(text(&line), "97/83 words", "the figure before the word");
        let line = bar(parts(), Vec::new(), 8, Style::new());
        assert_eq!(text(&line), "97/83");
    }

    #[test]
    fn the_right_part_keeps_a_gap() {
        let save = vec![Part::new("").or(100, vec![Span::raw("NOT SAVED")])];
        let line = bar(parts(), save.clone(), 30, Style::new());
        assert_eq!(text(&line), "97/83 words          NOT SAVED");
        let line = bar(parts(), save.clone(), 22, Style::new());
        assert_eq!(text(&line), "97/83 words  NOT SAVED");
        let line = bar(parts(), save, 15, Style::new());
        assert_eq!(text(&line), "97/83  NOT SAVED", "never given up");
    }

    #[test]
    fn shortening_counts_columns_not_characters() {
        assert_eq!(shorten("这是一个标题", 7), "这是一…");
        assert_eq!(shorten("short", 9), "short");
        assert_eq!(
            first_fitting(&["a long form".into(), "short".into()], 6),
            "short"
        );
    }

    #[test]
    fn wrapped_text_keeps_to_its_rows() {
        assert_eq!(
            wrap("one two three four", 9, 5),
            ["one two", "three", "four"]
        );
        assert_eq!(wrap("one two three four", 9, 2), ["one two", "three fo…"]);
    }
}
