//! Moving between the panes: the focus, the flags panel and the review,
//! a flag's place in the précis and the source, and the source's scroll.

use ratatui_textarea::CursorMove;

use super::update::clamp16;
use super::{App, Focus};
use crate::analysis::report::FlagKind;

impl App {
    /// Moves the précis cursor to flag `i` and scrolls the source to the
    /// place it refers to.
    pub fn jump_to_flag(&mut self, i: usize) {
        let Some(flag) = self.report.flags.get(i) else {
            return;
        };
        let source = flag.source.as_ref().map(|s| s.start..s.end);
        let about_title = matches!(
            flag.kind,
            FlagKind::MissingTitle | FlagKind::TitleLength | FlagKind::TitleNotAllowed
        );
        let place = if about_title {
            Some((crate::ui::marks::Field::Title, 0, 0))
        } else {
            self.marks.locate(flag.start)
        };
        match place {
            Some((crate::ui::marks::Field::Title, _, col)) => {
                self.focus = Focus::Title;
                self.title.move_cursor(CursorMove::Jump(0, clamp16(col)));
            }
            Some((crate::ui::marks::Field::Body, row, col)) => {
                self.focus = Focus::Body;
                self.body
                    .move_cursor(CursorMove::Jump(clamp16(row), clamp16(col)));
            }
            None => self.focus = Focus::Body,
        }
        if let Some(range) = source {
            self.source_reveal.set(Some(range.start));
            self.source_focus = Some(range);
        } else {
            self.source_focus = None;
        }
    }

    /// Opens or closes the flags panel; a submitted exam's review and its
    /// flags take turns in the panel.
    pub(super) fn toggle_flags(&mut self) {
        if self.review_open {
            self.review_open = false;
            self.flags_open = false;
        }
        if self.flags_open && self.focus == Focus::Flags {
            self.flags_open = false;
            self.focus = Focus::Body;
            if self.read_only && self.exam.is_some() {
                self.review_open = true;
                self.focus = Focus::Flags;
            }
        } else {
            if !self.flags_open {
                self.flag_selected = 0;
            }
            self.flags_open = true;
            self.focus = Focus::Flags;
        }
    }

    pub(super) fn close_panel(&mut self) {
        if self.review_open {
            self.review_open = false;
            if self.focus == Focus::Flags {
                self.focus = Focus::Body;
            }
        }
        if self.flags_open {
            self.flags_open = false;
            if self.focus == Focus::Flags {
                self.focus = Focus::Body;
            }
        }
        self.source_focus = None;
    }

    pub(super) fn next_pane(&mut self) {
        self.focus = match self.focus {
            Focus::Title => Focus::Body,
            Focus::Body => Focus::Source,
            Focus::Source if self.flags_open || self.review_open => Focus::Flags,
            Focus::Source | Focus::Flags => Focus::Body,
        };
    }

    pub(super) fn previous_pane(&mut self) {
        let title = self.title_field_shown();
        self.focus = match self.focus {
            Focus::Body if title => Focus::Title,
            Focus::Title | Focus::Body if self.flags_open || self.review_open => Focus::Flags,
            Focus::Title | Focus::Body => Focus::Source,
            Focus::Flags => Focus::Source,
            Focus::Source => Focus::Body,
        };
    }

    /// Scrolls the source pane by `rows` (negative is up).
    pub(super) fn scroll_source(&self, rows: isize) {
        let now = self.source_scroll.get();
        self.source_scroll.set(now.saturating_add_signed(rows));
    }
}
