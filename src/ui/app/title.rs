//! The title field: shown wherever the preset allows a title, and where a
//! title typed as the body's first line is moved (with a note, and `Ctrl+Z`
//! to put it back), so a title is never counted into the body.

use ratatui_textarea::{CursorMove, TextArea};

use super::{App, new_textarea, title_placeholder};
use crate::analysis::{Preset, structure};
use crate::text::shorten;

/// An empty title field.
pub fn empty(preset: Preset) -> TextArea<'static> {
    new_textarea("", title_placeholder(preset))
}

impl App {
    /// Whether the title field is on screen: always, except under UPSC,
    /// which allows no title, while the field is empty.
    pub fn title_field_shown(&self) -> bool {
        self.settings.preset != Preset::Upsc || !self.title.is_empty()
    }

    /// Moves the body's first line into the empty title field when it reads
    /// as a title (as `precis check` would read it); `true` when it did.
    pub(super) fn adopt_title_line(&mut self) -> bool {
        if !self.title.is_empty() || self.settings.preset == Preset::Upsc || self.read_only {
            return false;
        }
        let lines = self.body.lines();
        let first = lines.first().cloned().unwrap_or_default();
        if self.declined_title.as_deref() == Some(first.as_str()) {
            return false;
        }
        let Some(title) = structure::title_line(&first) else {
            return false;
        };
        // The line, its line break and any blank lines after it.
        let blank_after = lines[1..]
            .iter()
            .take_while(|l| l.trim().is_empty())
            .count()
            .min(lines.len().saturating_sub(2));
        let breaks = usize::from(lines.len() > 1) + blank_after;
        let removed: usize = lines[..=blank_after]
            .iter()
            .map(|l| l.chars().count())
            .sum::<usize>()
            + breaks;
        let cursor = self.body.cursor();
        let (row, col) = (cursor.0, cursor.1);
        let yank = self.body.yank_text();
        self.body.move_cursor(CursorMove::Jump(0, 0));
        self.body.delete_str(removed);
        self.body.set_yank_text(yank);
        let row = row.saturating_sub(breaks);
        self.body
            .move_cursor(CursorMove::Jump(clamp16(row), clamp16(col)));
        self.title = new_textarea(&title, title_placeholder(self.settings.preset));
        self.changed();
        self.title_moved = Some(first);
        self.tell(
            format!(
                "“{}” is your title: moved to the title field · Ctrl+Z puts it back",
                shorten(&title, 40)
            ),
            false,
        );
        true
    }

    /// Puts a title just moved out of the body back; `true` when there was
    /// one to put back.
    pub(super) fn undo_title_move(&mut self) -> bool {
        let Some(line) = self.title_moved.take() else {
            return false;
        };
        self.body.undo();
        self.title = empty(self.settings.preset);
        self.declined_title = Some(line);
        self.changed();
        self.tell("the line is back in the body", false);
        true
    }
}

fn clamp16(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}
