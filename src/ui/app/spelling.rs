//! The editor's side of spelling: `Enter` on a spelling flag opens the
//! suggestions box ([`Choice`]), and a key in it replaces the word or adds
//! it to the student's list. The box's drawing and the background speller
//! are in `ui::spelling`.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui_textarea::CursorMove;

use super::{App, Effect, Focus, Overlay};
use crate::ui::marks::Field;
use crate::ui::spelling::{Choice, is_spelling};

impl App {
    /// Whether `Enter` on the chosen flag opens the suggestions box: it is a
    /// spelling flag and the précis can be edited.
    pub(super) fn offers_corrections(&self) -> bool {
        self.report
            .flags
            .get(self.flag_selected)
            .is_some_and(|f| is_spelling(f.kind) && !self.read_only)
    }

    /// Moves the cursor to the chosen spelling flag's word and opens the
    /// suggestions box (computing the corrections now if the worker has not).
    pub(super) fn open_corrections(&mut self) {
        let Some(flag) = self.report.flags.get(self.flag_selected).cloned() else {
            return;
        };
        self.jump_to_flag(self.flag_selected);
        let speller = self.source.analysis.speller().clone();
        let mut suggestions: Vec<String> = flag.suggestion.iter().cloned().collect();
        for s in speller.all_suggestions(&flag.text) {
            if !suggestions.contains(&s) {
                suggestions.push(s);
            }
        }
        suggestions.truncate(9);
        self.overlay = Overlay::Spelling(Choice {
            word: flag.text,
            start: flag.start,
            suggestions,
            selected: 0,
        });
    }

    /// A key in the suggestions box: `↑`/`↓` choose, `Enter` or a digit
    /// replaces the word, `a` adds it to the student's list, anything else
    /// closes the box.
    pub(super) fn corrections_key(&mut self, key: KeyEvent) -> Vec<Effect> {
        let Overlay::Spelling(choice) = &mut self.overlay else {
            return Vec::new();
        };
        let plain = !key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
        let n = choice.suggestions.len();
        let pick = match key.code {
            KeyCode::Up => {
                choice.selected = choice.selected.saturating_sub(1);
                return Vec::new();
            }
            KeyCode::Down => {
                choice.selected = (choice.selected + 1).min(n.saturating_sub(1));
                return Vec::new();
            }
            KeyCode::Enter => Some(choice.selected),
            KeyCode::Char(c @ '1'..='9') if plain => {
                let i = c as usize - '1' as usize;
                if i >= n {
                    return Vec::new();
                }
                Some(i)
            }
            KeyCode::Char('a') if plain => {
                let word = choice.word.clone();
                self.overlay = Overlay::None;
                return vec![Effect::AddWord(word)];
            }
            _ => None,
        };
        let choice = choice.clone();
        self.overlay = Overlay::None;
        if let Some(replacement) = pick.and_then(|i| choice.suggestions.get(i)) {
            self.replace_word(&choice, replacement);
        }
        Vec::new()
    }

    /// Replaces the word of `choice` with `replacement`, if the text still
    /// holds it there (undone in two steps, as a paste over a selection is).
    fn replace_word(&mut self, choice: &Choice, replacement: &str) {
        let Some((field, row, col)) = self.marks.locate(choice.start) else {
            return;
        };
        let (area, focus) = match field {
            Field::Title => (&mut self.title, Focus::Title),
            Field::Body => (&mut self.body, Focus::Body),
        };
        let len = choice.word.chars().count();
        let there = area
            .lines()
            .get(row)
            .map(|line| line.chars().skip(col).take(len).collect::<String>());
        if there.as_deref() != Some(choice.word.as_str()) {
            return;
        }
        let jump = |n: usize| u16::try_from(n).unwrap_or(u16::MAX);
        area.cancel_selection();
        area.move_cursor(CursorMove::Jump(jump(row), jump(col)));
        area.start_selection();
        for _ in 0..len {
            area.move_cursor(CursorMove::Forward);
        }
        if area.insert_str(replacement) {
            self.focus = focus;
            self.changed();
        }
    }
}
