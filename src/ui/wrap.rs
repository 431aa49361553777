//! Word-wrapping text into display rows, and the source's rows cached per
//! width: the app holds the cache ([`WrapCache`]), the source pane fills
//! and draws from it, and the other panes wrap with [`wrap`] (styled pieces
//! kept whole, with [`flow`]).

use std::ops::Range;

use ratatui::buffer::Cell;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthChar;

use crate::text::sanitize::stand_in;

/// The source wrapped into display rows for one width, and the text area
/// as last drawn: the source does not change as the student types, so a
/// keystroke that changes none of its highlights reuses the drawn cells.
#[derive(Debug, Default)]
pub struct WrapCache {
    width: usize,
    start: usize,
    len: usize,
    rows: Vec<Range<usize>>,
    /// The text area as the source pane last drew it.
    pub drawn: Option<Drawn>,
}

/// The cells of the source's text area, and what they were drawn from.
#[derive(Debug)]
pub struct Drawn {
    /// A hash of everything the cells were drawn from.
    pub key: u64,
    /// Where they were drawn.
    pub area: Rect,
    /// The cells, row by row.
    pub cells: Vec<Cell>,
}

/// The width of a character as drawn (control characters as their stand-in).
fn width_of(c: char) -> usize {
    match c {
        '\t' => 1,
        c => stand_in(c).width().unwrap_or(1),
    }
}

impl WrapCache {
    /// The display rows of `text` from `start` at `width`, rewrapping only
    /// when the width or text changed.
    pub fn rows(&mut self, text: &str, start: usize, width: usize) -> &[Range<usize>] {
        let width = width.max(1);
        if self.width != width
            || self.start != start
            || self.len != text.len()
            || self.rows.is_empty()
        {
            self.rows = wrap(text, start, width);
            self.width = width;
            self.start = start;
            self.len = text.len();
        }
        &self.rows
    }

    /// The display row holding byte `offset`.
    pub fn row_of(&mut self, text: &str, start: usize, width: usize, offset: usize) -> usize {
        let rows = self.rows(text, start, width);
        rows.partition_point(|r| r.end < offset)
            .min(rows.len().saturating_sub(1))
    }
}

/// Word-wraps `text[start..]` into display rows of at most `width` cells;
/// words wider than a row are split. Leading blank lines are skipped.
pub fn wrap(text: &str, start: usize, width: usize) -> Vec<Range<usize>> {
    let start =
        start + (text[start..].len() - text[start..].trim_start_matches(['\n', '\r']).len());
    let mut rows = Vec::new();
    let mut line_start = start;
    for line in text[start..].split('\n') {
        let visible = line.strip_suffix('\r').unwrap_or(line);
        wrap_line(visible, line_start, width, &mut rows);
        line_start += line.len() + 1;
    }
    rows
}

/// Wraps one line (no line break inside) that starts at byte `base`.
fn wrap_line(line: &str, base: usize, width: usize, rows: &mut Vec<Range<usize>>) {
    let bytes = line.as_bytes();
    // The row being filled: start, end of its last word, width so far.
    let mut row: Option<(usize, usize, usize)> = None;
    let mut i = 0;
    let mut first_word = true;
    while i < line.len() {
        let spaces_start = i;
        while i < line.len() && bytes[i] == b' ' {
            i += 1;
        }
        if i == line.len() {
            break;
        }
        let spaces = i - spaces_start;
        let word_start = i;
        let mut word_width = 0;
        for c in line[i..].chars().take_while(|c| *c != ' ') {
            word_width += width_of(c);
            i += c.len_utf8();
        }
        let word_end = i;
        if let Some((s, e, w)) = row {
            if w + spaces + word_width <= width {
                row = Some((s, word_end, w + spaces + word_width));
                continue;
            }
            rows.push(base + s..base + e);
        }
        // The word opens a row: a line's indentation is kept, and a word
        // wider than the row is split.
        let (mut chunk_start, mut chunk_width) = if first_word && spaces < width {
            (spaces_start, spaces)
        } else {
            (word_start, 0)
        };
        for (k, c) in line[word_start..word_end].char_indices() {
            let w = width_of(c);
            if chunk_width + w > width && chunk_width > 0 {
                rows.push(base + chunk_start..base + word_start + k);
                chunk_start = word_start + k;
                chunk_width = 0;
            }
            chunk_width += w;
        }
        row = Some((chunk_start, word_end, chunk_width));
        first_word = false;
    }
    match row {
        Some((s, e, _)) => rows.push(base + s..base + e),
        None => rows.push(base..base),
    }
}

/// Lays `units` (each a run of spans kept whole) out in rows of at most
/// `width` columns, `gap` spaces apart. The first row starts with `lead`
/// and every later row with `indent`, neither counted in `width` (the
/// caller leaves room for them): a mark and the hanging indent under it.
pub fn flow(
    units: impl IntoIterator<Item = Vec<Span<'static>>>,
    width: usize,
    gap: usize,
    lead: Vec<Span<'static>>,
    indent: &'static str,
) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    let mut row = lead;
    let mut used = 0;
    for unit in units {
        let w: usize = unit.iter().map(Span::width).sum();
        if used > 0 && used + gap + w > width {
            lines.push(Line::from(std::mem::take(&mut row)));
            if !indent.is_empty() {
                row.push(Span::raw(indent));
            }
            used = 0;
        }
        if used > 0 {
            row.push(Span::raw(" ".repeat(gap)));
            used += gap;
        }
        row.extend(unit);
        used += w;
    }
    if !row.is_empty() {
        lines.push(Line::from(row));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str, width: usize) -> Vec<&str> {
        wrap(text, 0, width).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn wraps_at_spaces_and_keeps_paragraphs() {
        assert_eq!(rows("one two three four", 9), ["one two", "three", "four"]);
        assert_eq!(rows("ab\n\ncd", 10), ["ab", "", "cd"]);
        assert_eq!(rows("\n\nfirst", 10), ["first"]);
    }

    #[test]
    fn splits_words_wider_than_a_row() {
        assert_eq!(rows("abcdefghij k", 4), ["abcd", "efgh", "ij k"]);
    }

    #[test]
    fn wide_characters_take_two_cells() {
        assert_eq!(rows("中国中国", 4), ["中国", "中国"]);
    }

    #[test]
    fn every_byte_of_text_is_in_order() {
        let text = "A long line of words that wraps\r\nand a second  line with  spaces";
        let r = wrap(text, 0, 7);
        assert!(r.windows(2).all(|w| w[0].end <= w[1].start));
    }
}
