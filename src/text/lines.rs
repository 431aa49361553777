//! Byte offset → 1-based line and character column, so every flag can be
//! located in the file the student wrote. Lookups cost O(log n) plus at most
//! one checkpoint interval, even on a single multi-megabyte line.

/// Line starts and character-count checkpoints of a text.
#[derive(Debug, Clone)]
pub struct LineIndex {
    /// Byte offset and character index of each line start.
    lines: Vec<(usize, usize)>,
    /// Byte offset and character index every [`CHECKPOINT`] bytes.
    checkpoints: Vec<(usize, usize)>,
}

/// A 1-based line and column; the column counts Unicode characters, not bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, counted in characters (Unicode scalar values).
    pub column: usize,
}

/// Bytes between character-count checkpoints.
const CHECKPOINT: usize = 4096;

impl LineIndex {
    /// Indexes `text` (lines end at `\n`).
    pub fn new(text: &str) -> Self {
        let mut lines = vec![(0, 0)];
        let mut checkpoints = vec![(0, 0)];
        let (mut at, mut chars) = (0, 0);
        // One pass: characters are counted once, between line starts and
        // checkpoints alike.
        while at < text.len() {
            let mark = floor_char_boundary(text, at + CHECKPOINT);
            let mut from = at;
            for newline in memchr::memchr_iter(b'\n', &text.as_bytes()[at..mark]) {
                let next = at + newline + 1;
                chars += text[from..next].chars().count();
                from = next;
                lines.push((from, chars));
            }
            chars += text[from..mark].chars().count();
            at = mark;
            if at < text.len() {
                checkpoints.push((at, chars));
            }
        }
        Self { lines, checkpoints }
    }

    /// The character index of byte `offset` (a char boundary of `text`).
    fn char_index(&self, text: &str, offset: usize) -> usize {
        let k = self.checkpoints.partition_point(|&(b, _)| b <= offset) - 1;
        let (byte, chars) = self.checkpoints[k];
        chars + text[byte..offset].chars().count()
    }

    /// The position of byte `offset` in `text`, which must be the indexed
    /// text. Offsets past the end, or inside a character, are clamped.
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let offset = floor_char_boundary(text, offset);
        let line = self.lines.partition_point(|&(s, _)| s <= offset).max(1);
        let (_, line_chars) = self.lines[line - 1];
        Position {
            line,
            column: self.char_index(text, offset) - line_chars + 1,
        }
    }
}

/// The byte offset of character `n` of `text` (its length when `n` is past
/// the end). Characters are counted a few kilobytes at a time, so finding
/// a column far along a multi-megabyte line stays cheap.
pub fn byte_of_char(text: &str, n: usize) -> usize {
    let (mut at, mut chars) = (0, 0);
    while text.len() - at > CHECKPOINT {
        let next = floor_char_boundary(text, at + CHECKPOINT);
        let here = text[at..next].chars().count();
        if chars + here > n {
            break;
        }
        chars += here;
        at = next;
    }
    text[at..]
        .char_indices()
        .nth(n - chars)
        .map_or(text.len(), |(i, _)| at + i)
}

/// The largest char boundary of `text` that is not after `offset`.
pub fn floor_char_boundary(text: &str, offset: usize) -> usize {
    let mut i = offset.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_map_to_their_bytes_on_long_lines() {
        // Seven bytes a piece: the chunks of CHECKPOINT bytes end inside
        // characters too.
        let line = "aé😀".repeat(3000);
        let bytes: Vec<usize> = line.char_indices().map(|(i, _)| i).collect();
        for n in (0..bytes.len())
            .step_by(7)
            .chain([1, 2, 3, 4095, 4096, 8_999])
        {
            assert_eq!(byte_of_char(&line, n), bytes[n], "character {n}");
        }
        assert_eq!(byte_of_char(&line, 9_000), line.len());
        assert_eq!(byte_of_char(&line, 50_000), line.len());
        assert_eq!(byte_of_char("", 3), 0);
    }

    #[test]
    fn positions_count_characters_not_bytes() {
        let text = "ab\nçé $5\n";
        let idx = LineIndex::new(text);
        assert_eq!(idx.position(text, 0), Position { line: 1, column: 1 });
        let dollar = text.find('$').unwrap();
        assert_eq!(idx.position(text, dollar), Position { line: 2, column: 4 });
        assert_eq!(
            idx.position(text, text.len()),
            Position { line: 3, column: 1 }
        );
    }

    #[test]
    fn offsets_inside_a_character_are_clamped() {
        let text = "é";
        let idx = LineIndex::new(text);
        assert_eq!(idx.position(text, 1), Position { line: 1, column: 1 });
        assert_eq!(idx.position(text, 99), Position { line: 1, column: 2 });
    }

    #[test]
    fn long_multibyte_lines_across_checkpoints() {
        let text = format!("x\n{}$", "é".repeat(5000));
        let idx = LineIndex::new(&text);
        assert_eq!(
            idx.position(&text, text.len() - 1),
            Position {
                line: 2,
                column: 5001
            }
        );
    }
}
