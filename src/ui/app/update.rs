//! How keys, pastes, mouse events and resizes change the editor: the
//! action goes to the overlay, the focused field or the pane that has the
//! keys.

use std::cell::Cell;

use ratatui::crossterm::event::{
    KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::layout::Position;
use ratatui_textarea::{CursorMove, TextArea};

use super::{Action, App, Effect, Focus, Overlay, clean_input};
use crate::exam::{Feedback, clock, prompts};
use crate::ui::keys::{Command, command_for};
use crate::ui::picker::Picker;

impl App {
    /// Applies one action; returns the effects for the runtime.
    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        // Whatever the action reads of the report is up to date.
        self.settle();
        match action {
            Action::Resize(w, h) => {
                self.size = (w, h);
                relayout(&mut self.title);
                relayout(&mut self.body);
                Vec::new()
            }
            Action::Paste(text) => {
                self.paste(&text);
                Vec::new()
            }
            Action::Mouse(m) => {
                self.mouse(m);
                Vec::new()
            }
            Action::Key(key) if key.kind == KeyEventKind::Release => Vec::new(),
            Action::Key(key) => self.key(key),
        }
    }

    fn key(&mut self, key: KeyEvent) -> Vec<Effect> {
        if !matches!(self.overlay, Overlay::None) {
            return self.overlay_key(key);
        }
        self.note = None;
        let command = command_for(key);
        if let Some(clock::Phase::Reading(left)) = self.phase()
            && self.would_edit(command, key)
        {
            self.tell(prompts::reading_note(left), false);
            return Vec::new();
        }
        if self.read_only && self.would_edit(command, key) {
            self.tell(
                "a submitted exam is kept as handed in · Ctrl+K copies it into a practice draft",
                false,
            );
            return Vec::new();
        }
        match command {
            Some(Command::Submit) if matches!(self.phase(), Some(clock::Phase::Writing(_))) => {
                self.overlay = Overlay::ConfirmSubmit;
            }
            Some(Command::Submit) if matches!(self.phase(), Some(clock::Phase::Reading(_))) => {
                return self.write_now();
            }
            Some(Command::Submit) => {}
            Some(Command::Quit) if self.exam_running() => self.overlay = Overlay::ConfirmQuit,
            Some(Command::Passages | Command::Drafts) if self.exam_running() => {
                self.tell(
                    "During an exam: finish it, or submit with Ctrl+E, before leaving it.",
                    false,
                );
            }
            Some(Command::Flags) if !self.shows(Feedback::All) => {
                self.tell("Flags are hidden until the review, as on paper.", false);
            }
            Some(Command::CopyToPractice) if self.read_only => return vec![Effect::CopyToPractice],
            Some(Command::CopyToPractice) => {}
            Some(Command::Save) => return vec![Effect::Save],
            Some(Command::Quit) => return vec![Effect::SaveAndQuit],
            Some(Command::Help) => {
                self.help_scroll.set(0);
                self.overlay = Overlay::Help;
            }
            Some(Command::Passages) => self.overlay = Overlay::Picker(Picker::default()),
            Some(Command::Drafts) => return vec![Effect::Browse],
            Some(Command::Flags) => self.toggle_flags(),
            Some(Command::Figures) => self.show_figures = !self.show_figures,
            Some(Command::Model) => self.toggle_model(),
            Some(Command::NextPane) => self.next_pane(),
            Some(Command::PreviousPane) => self.previous_pane(),
            Some(Command::Close) => self.close_panel(),
            Some(Command::Undo) => {
                if !self.undo_title_move() {
                    self.edit(crate::ui::editing::undo_word);
                }
            }
            Some(Command::Redo) => self.edit(crate::ui::editing::redo_word),
            Some(Command::Copy) => {
                if let Some(t) = self.text_field() {
                    t.copy();
                }
            }
            Some(Command::Cut) => self.edit(|t| t.cut()),
            Some(Command::Paste) => self.edit(|t| t.paste()),
            Some(Command::DeclareCount) => {
                let words = self.report.precis.words;
                crate::ui::editing::declare_count(&mut self.body, words);
                self.focus = Focus::Body;
                self.changed();
            }
            Some(Command::SelectAll) => {
                if let Some(t) = self.text_field() {
                    t.select_all();
                }
            }
            None => self.plain_key(key),
        }
        Vec::new()
    }

    /// Whether a key would change the text (refused in a submitted exam).
    fn would_edit(&self, command: Option<Command>, key: KeyEvent) -> bool {
        match command {
            Some(
                Command::Undo
                | Command::Redo
                | Command::Cut
                | Command::Paste
                | Command::DeclareCount,
            ) => true,
            Some(_) => false,
            None => match self.focus {
                Focus::Title | Focus::Body => !is_movement(key.code),
                Focus::Source => matches!(
                    key.code,
                    KeyCode::Char(_) | KeyCode::Enter | KeyCode::Backspace
                ),
                // Typing while the review has the keys: meant for the précis.
                Focus::Flags => {
                    self.review_open
                        && matches!(
                            key.code,
                            KeyCode::Char(_) | KeyCode::Enter | KeyCode::Backspace
                        )
                }
            },
        }
    }

    fn plain_key(&mut self, key: KeyEvent) {
        if let Some(field) = self.text_field() {
            match crate::ui::editing::key(field, key) {
                crate::ui::editing::Outcome::Changed => return self.changed(),
                crate::ui::editing::Outcome::Moved => return,
                crate::ui::editing::Outcome::NotMine => {}
            }
        }
        let ctrl_or_alt = key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
        match self.focus {
            Focus::Title => match key.code {
                KeyCode::Enter | KeyCode::Down => self.focus = Focus::Body,
                _ if ctrl_or_alt && !is_navigation(key.code) => {}
                _ => self.edit(|t| t.input(key)),
            },
            Focus::Body => match key.code {
                KeyCode::Up
                    if self.body.screen_cursor().row == 0
                        && self.title_field_shown()
                        && !key.modifiers.contains(KeyModifiers::SHIFT) =>
                {
                    self.focus = Focus::Title;
                }
                // A title typed as the first line, then Enter: it belongs
                // in the title field.
                KeyCode::Enter
                    if key.modifiers.is_empty()
                        && self.body.cursor() == (0, self.body.lines()[0].chars().count())
                        && self.adopt_title_line() => {}
                _ if ctrl_or_alt && !is_navigation(key.code) => {}
                _ => self.edit(|t| t.input(key)),
            },
            Focus::Source => self.source_key(key),
            Focus::Flags if self.review_open => {
                let page = self.areas.get().flags.height.saturating_sub(3);
                scroll_key(&self.review_scroll, key.code, page);
            }
            Focus::Flags => self.flags_key(key),
        }
    }

    fn source_key(&mut self, key: KeyEvent) {
        let page = isize::try_from(self.areas.get().source.height.max(2) - 1).unwrap_or(1);
        match key.code {
            KeyCode::Up => self.scroll_source(-1),
            KeyCode::Down => self.scroll_source(1),
            KeyCode::PageUp => self.scroll_source(-page),
            KeyCode::PageDown => self.scroll_source(page),
            KeyCode::Home => self.source_scroll.set(0),
            KeyCode::End => self.source_scroll.set(usize::MAX),
            KeyCode::Char(_) | KeyCode::Enter | KeyCode::Backspace
                if !key
                    .modifiers
                    .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
            {
                self.focus = Focus::Body;
                self.edit(|t| t.input(key));
            }
            _ => {}
        }
    }

    fn flags_key(&mut self, key: KeyEvent) {
        let n = self.report.flags.len();
        match key.code {
            KeyCode::Up => self.flag_selected = self.flag_selected.saturating_sub(1),
            KeyCode::Down if n > 0 => self.flag_selected = (self.flag_selected + 1).min(n - 1),
            KeyCode::Home => self.flag_selected = 0,
            KeyCode::End => self.flag_selected = n.saturating_sub(1),
            KeyCode::Enter if self.offers_corrections() => self.open_corrections(),
            KeyCode::Enter => self.jump_to_flag(self.flag_selected),
            _ => {}
        }
    }

    /// How many words the selection in the focused field holds, counted as
    /// the précis is, while there is one: a student checking how long a
    /// sentence or a paragraph runs.
    pub fn selected_words(&self) -> Option<usize> {
        let field = match self.focus {
            Focus::Title => &self.title,
            Focus::Body => &self.body,
            Focus::Source | Focus::Flags => return None,
        };
        let ((top, left), (bottom, right)) = field.selection_range()?;
        let lines = field.lines();
        let mut text = String::new();
        for (row, line) in lines.iter().enumerate().take(bottom + 1).skip(top) {
            let from = if row == top { left } else { 0 };
            let to = if row == bottom { right } else { usize::MAX };
            text.extend(line.chars().skip(from).take(to.saturating_sub(from)));
            text.push('\n');
        }
        Some(crate::analysis::words::count_words(&text, self.counting))
    }

    /// The focused text field, if a text field has focus.
    fn text_field(&mut self) -> Option<&mut TextArea<'static>> {
        match self.focus {
            Focus::Title => Some(&mut self.title),
            Focus::Body => Some(&mut self.body),
            Focus::Source | Focus::Flags => None,
        }
    }

    /// Runs an edit on the focused field; re-analyses when text changed.
    fn edit(&mut self, f: impl FnOnce(&mut TextArea<'static>) -> bool) {
        let changed = self.text_field().is_some_and(f);
        if changed {
            self.changed();
        }
    }

    fn paste(&mut self, text: &str) {
        if let Some(clock::Phase::Reading(left)) = self.phase() {
            self.tell(prompts::reading_note(left), false);
            return;
        }
        if self.read_only {
            self.tell(
                "a submitted exam is kept as handed in · Ctrl+K copies it into a practice draft",
                false,
            );
            return;
        }
        let clean = clean_input(text);
        match self.focus {
            Focus::Title => {
                let line = clean.replace('\n', " ");
                self.edit(|t| t.insert_str(line));
            }
            Focus::Body => self.edit(|t| t.insert_str(clean)),
            Focus::Source | Focus::Flags => {
                self.focus = Focus::Body;
                self.edit(|t| t.insert_str(clean));
            }
        }
        // A whole précis pasted with its title line on top.
        if self.focus == Focus::Body && self.body.lines().len() > 1 {
            self.adopt_title_line();
        }
    }

    fn mouse(&mut self, m: MouseEvent) {
        let areas = self.areas.get();
        let at = Position::new(m.column, m.row);
        let wheel = match m.kind {
            MouseEventKind::ScrollDown => 3,
            MouseEventKind::ScrollUp => -3,
            _ => 0,
        };
        if matches!(self.overlay, Overlay::Help) {
            scroll_by(&self.help_scroll, wheel);
            return;
        }
        match m.kind {
            MouseEventKind::ScrollDown | MouseEventKind::ScrollUp
                if self.review_open && areas.flags.contains(at) =>
            {
                scroll_by(&self.review_scroll, wheel);
            }
            MouseEventKind::ScrollDown if areas.source.contains(at) => self.scroll_source(3),
            MouseEventKind::ScrollUp if areas.source.contains(at) => self.scroll_source(-3),
            MouseEventKind::ScrollDown if areas.body.contains(at) => {
                self.body.scroll((3, 0));
            }
            MouseEventKind::ScrollUp if areas.body.contains(at) => {
                self.body.scroll((-3, 0));
            }
            MouseEventKind::Down(MouseButton::Left) => {
                if areas.body.contains(at) {
                    self.focus = Focus::Body;
                    let (top, _) = self.body.scroll_offset();
                    let row = usize::from(m.row - areas.body.y) + top as usize;
                    let col = usize::from(m.column - areas.body.x);
                    let d = self.body.screen_to_data(row, col);
                    self.body
                        .move_cursor(CursorMove::Jump(clamp16(d.0), clamp16(d.1)));
                } else if areas.title.contains(at) {
                    self.focus = Focus::Title;
                    let d = self
                        .title
                        .screen_to_data(0, usize::from(m.column - areas.title.x));
                    self.title.move_cursor(CursorMove::Jump(0, clamp16(d.1)));
                } else if areas.source.contains(at) {
                    self.focus = Focus::Source;
                } else if areas.flags.contains(at) {
                    self.focus = Focus::Flags;
                }
            }
            _ => {}
        }
    }
}

/// Keys that only move the cursor.
fn is_movement(code: KeyCode) -> bool {
    matches!(
        code,
        KeyCode::Left
            | KeyCode::Right
            | KeyCode::Up
            | KeyCode::Down
            | KeyCode::Home
            | KeyCode::End
            | KeyCode::PageUp
            | KeyCode::PageDown
    )
}

/// Keys that move or select rather than type, allowed with Ctrl (word
/// moves and deletions).
fn is_navigation(code: KeyCode) -> bool {
    is_movement(code) || matches!(code, KeyCode::Backspace | KeyCode::Delete)
}

/// Lets a text field be laid out afresh at a new size: its view starts
/// over at the top, so the next drawing brings the cursor's line into view
/// with the text before it above (a view kept from another width can stand
/// past the end of the text, showing empty rows). The cursor and any
/// selection stay as they are.
fn relayout(field: &mut TextArea<'static>) {
    let cursor = field.cursor();
    field.scroll((-i16::MAX, 0));
    field.move_cursor(CursorMove::Jump(clamp16(cursor.0), clamp16(cursor.1)));
}

/// Moves a scroll position by `rows` (negative is up); the renderer clamps
/// it to the content.
pub(super) fn scroll_by(top: &Cell<usize>, rows: isize) {
    top.set(top.get().saturating_add_signed(rows));
}

/// Scrolls by a key: a row with `↑`/`↓`, `page` rows with `PgUp`/`PgDn`,
/// to either end with `Home`/`End`; other keys do nothing.
pub(super) fn scroll_key(top: &Cell<usize>, code: KeyCode, page: u16) {
    let page = isize::try_from(page.max(1)).unwrap_or(1);
    match code {
        KeyCode::Up => scroll_by(top, -1),
        KeyCode::Down => scroll_by(top, 1),
        KeyCode::PageUp => scroll_by(top, -page),
        KeyCode::PageDown => scroll_by(top, page),
        KeyCode::Home => top.set(0),
        KeyCode::End => top.set(usize::MAX),
        _ => {}
    }
}

pub(super) fn clamp16(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}
