//! The report's byte offsets turned into places on screen: character
//! columns in the title field and body lines, and byte ranges of the source.
//! Built once per analysis, so drawing only looks them up.

use std::ops::Range;

use crate::analysis::report::{FlagKind, Report, Severity};
use crate::analysis::structure::TITLE_LABEL;

/// How a marked span is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum MarkKind {
    /// A figure that contradicts the source.
    WrongFigure,
    /// Another error (length, declared count…).
    Error,
    /// A figure the source does not have.
    UnknownFigure,
    /// Words copied from the source.
    Copied,
    /// A misspelt word.
    Misspelt,
    /// A warning (first person, contraction…).
    Warning,
    /// A word spelt the other variety's way (`color` in British English).
    Variant,
    /// Information only.
    Info,
}

/// A span within one line of a text field, in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark {
    /// The line (0 for the title field).
    pub row: usize,
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// How to draw it.
    pub kind: MarkKind,
}

/// Which text field a précis offset falls in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The title field.
    Title,
    /// The body.
    Body,
}

/// Every mark of one analysis.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Marks {
    /// Marks in the title field.
    pub title: Vec<Mark>,
    /// Marks in the body, by line.
    pub body: Vec<Mark>,
    /// Source byte ranges the flags point at (a wrong figure's true value,
    /// a copied phrase's origin).
    pub source: Vec<(Range<usize>, MarkKind)>,
    /// The most serious flag about the title as a whole (missing, length).
    pub title_problem: Option<Severity>,
    /// Byte length of the `Title:` prefix in the analysed text.
    prefix: usize,
    /// Byte offset where each body line starts, in the joined body.
    line_starts: Vec<usize>,
    /// The body lines' lengths in bytes, to turn offsets into columns.
    line_text: Vec<String>,
    /// Each body line's checkpoints, so that turning an offset into a
    /// column counts the characters of at most [`CHECKPOINT`] bytes.
    checkpoints: Vec<Vec<Checkpoint>>,
    /// The title field's text.
    title_text: String,
}

/// Bytes between two checkpoints of a long line: a flag's column is then
/// found in time that does not grow with the line (a précis of megabytes
/// on one line, with thousands of flags, would otherwise count its
/// characters once per flag).
const CHECKPOINT: usize = 4096;

/// A character boundary of a line and how many characters come before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct Checkpoint {
    byte: usize,
    chars: usize,
}

/// The checkpoints of `line`: its start, then one every [`CHECKPOINT`]
/// bytes or so.
fn checkpoints(line: &str) -> Vec<Checkpoint> {
    let mut out = vec![Checkpoint::default()];
    if line.len() <= CHECKPOINT {
        return out;
    }
    let mut next = CHECKPOINT;
    for (chars, (byte, _)) in line.char_indices().enumerate() {
        if byte >= next {
            out.push(Checkpoint { byte, chars });
            next = byte + CHECKPOINT;
        }
    }
    out
}

fn kind_of(kind: FlagKind, severity: Severity) -> MarkKind {
    match (kind, severity) {
        (FlagKind::NumberMismatch | FlagKind::NumberUnitMismatch, _) => MarkKind::WrongFigure,
        (FlagKind::NumberNotInSource, Severity::Info) => MarkKind::Info,
        (FlagKind::NumberNotInSource, _) => MarkKind::UnknownFigure,
        (FlagKind::CopiedPhrase, _) => MarkKind::Copied,
        (FlagKind::Spelling, _) => MarkKind::Misspelt,
        (FlagKind::SpellingVariant, _) => MarkKind::Variant,
        (_, Severity::Error) => MarkKind::Error,
        (_, Severity::Warning) => MarkKind::Warning,
        (_, Severity::Info) => MarkKind::Info,
    }
}

impl Marks {
    /// Maps `report` (an analysis of `text`, whose first `prefix` bytes are
    /// the `Title:` line) onto the title field and body lines.
    pub fn build(
        report: &Report,
        text: &str,
        prefix: usize,
        title: &[String],
        body: &[String],
    ) -> Self {
        let mut line_starts = Vec::with_capacity(body.len());
        let mut at = 0;
        for line in body {
            line_starts.push(at);
            at += line.len() + 1;
        }
        let mut marks = Marks {
            prefix,
            line_starts,
            line_text: body.to_vec(),
            checkpoints: body.iter().map(|line| checkpoints(line)).collect(),
            title_text: title.first().cloned().unwrap_or_default(),
            ..Marks::default()
        };
        for flag in &report.flags {
            if let Some(s) = &flag.source {
                marks
                    .source
                    .push((s.start..s.end, kind_of(flag.kind, flag.severity)));
            }
            let whole_title = matches!(
                flag.kind,
                FlagKind::MissingTitle | FlagKind::TitleLength | FlagKind::TitleNotAllowed
            );
            if whole_title {
                marks.title_problem = Some(
                    marks
                        .title_problem
                        .map_or(flag.severity, |s| s.min(flag.severity)),
                );
                continue;
            }
            if flag.start == flag.end || flag.end > text.len() {
                continue;
            }
            marks.add(flag.start..flag.end, kind_of(flag.kind, flag.severity));
        }
        marks.source.sort_by_key(|(r, _)| r.start);
        marks
    }

    fn add(&mut self, range: Range<usize>, kind: MarkKind) {
        let Some((field, row, start)) = self.locate(range.start) else {
            return;
        };
        match field {
            Field::Title => {
                let end = self.locate(range.end).map_or(start, |(_, _, c)| c);
                self.title.push(Mark {
                    row: 0,
                    start,
                    end: end.max(start),
                    kind,
                });
            }
            Field::Body => {
                let Some((_, last_row, last_col)) = self.locate(range.end) else {
                    return;
                };
                for r in row..=last_row {
                    let from = if r == row { start } else { 0 };
                    let to = if r == last_row {
                        last_col
                    } else {
                        self.line_text.get(r).map_or(0, |l| l.chars().count())
                    };
                    if to > from {
                        self.body.push(Mark {
                            row: r,
                            start: from,
                            end: to,
                            kind,
                        });
                    }
                }
            }
        }
    }

    /// Where précis byte `offset` stands: the field, line and character column.
    pub fn locate(&self, offset: usize) -> Option<(Field, usize, usize)> {
        let title_start = TITLE_LABEL.len();
        if self.prefix > 0 && offset < self.prefix {
            let in_title = offset.checked_sub(title_start)?.min(self.title_text.len());
            let col = self
                .title_text
                .get(..in_title)
                .map_or(0, |s| s.chars().count());
            return Some((Field::Title, 0, col));
        }
        let offset = offset - self.prefix;
        let row = self
            .line_starts
            .partition_point(|&s| s <= offset)
            .checked_sub(1)?;
        let line = self.line_text.get(row)?;
        let in_line = (offset - self.line_starts[row]).min(line.len());
        if !line.is_char_boundary(in_line) {
            return Some((Field::Body, row, 0));
        }
        let marks = self.checkpoints.get(row).map_or(&[][..], Vec::as_slice);
        let from = marks
            .partition_point(|c| c.byte <= in_line)
            .checked_sub(1)
            .map_or(Checkpoint::default(), |k| marks[k]);
        let col = from.chars + line[from.byte..in_line].chars().count();
        Some((Field::Body, row, col))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_column_on_a_long_line_counts_its_characters() {
        let line: String = "é a 中 ".repeat(3000);
        let marks = Marks {
            line_starts: vec![0],
            checkpoints: vec![checkpoints(&line)],
            line_text: vec![line.clone()],
            ..Marks::default()
        };
        assert!(marks.checkpoints[0].len() > 3, "checkpoints on a long line");
        for (offset, _) in line.char_indices().step_by(97) {
            assert_eq!(
                marks.locate(offset),
                Some((Field::Body, 0, line[..offset].chars().count())),
                "{offset}"
            );
        }
    }
    use crate::analysis::words::CountingOptions;
    use crate::analysis::{Settings, analyse};

    #[test]
    fn a_wrong_figure_is_marked_in_the_body_and_its_source() {
        let source = "The corridor cost \\$65 billion over ten years.".to_string();
        let title = vec!["Corridor Costs In Brief".to_string()];
        let body = vec!["It cost".to_string(), "$60 billion in all.".to_string()];
        let text = format!("{TITLE_LABEL}{}\n\n{}", title[0], body.join("\n"));
        let prefix = TITLE_LABEL.len() + title[0].len() + 2;
        let report = analyse(
            source.clone(),
            &text,
            &Settings::default(),
            CountingOptions::default(),
        );
        let marks = Marks::build(&report, &text, prefix, &title, &body);
        let wrong = marks
            .body
            .iter()
            .find(|m| m.kind == MarkKind::WrongFigure)
            .copied();
        assert_eq!(
            wrong,
            Some(Mark {
                row: 1,
                start: 0,
                end: 11,
                kind: MarkKind::WrongFigure
            })
        );
        let (range, kind) = marks.source[0].clone();
        assert_eq!(
            (&source[range], kind),
            ("\\$65 billion", MarkKind::WrongFigure)
        );
    }

    #[test]
    fn offsets_map_to_character_columns() {
        let title = ["Été chaud".to_string()];
        let body = vec!["ça va".to_string(), "é $5".to_string()];
        let prefix = TITLE_LABEL.len() + title[0].len() + 2;
        let marks = Marks {
            prefix,
            line_starts: vec![0, body[0].len() + 1],
            line_text: body.clone(),
            title_text: title[0].clone(),
            ..Marks::default()
        };
        let dollar = prefix + body[0].len() + 1 + "é ".len();
        assert_eq!(marks.locate(dollar), Some((Field::Body, 1, 2)));
        assert_eq!(
            marks.locate(TITLE_LABEL.len() + "Été ".len()),
            Some((Field::Title, 0, 4))
        );
    }
}
