//! Random sequences of keys, pastes and resizes never panic the editor, and
//! the précis always equals what a simple reference model of the same edits
//! predicts.

mod common;

use common::{app_on, key, screen};
use precis::analysis::words::{CountingOptions, count_words};
use precis::ui::app::{Action, clean_input};
use proptest::prelude::*;
use ratatui::crossterm::event::KeyCode;

/// One step of a session.
#[derive(Debug, Clone)]
enum Step {
    Type(char),
    Enter,
    Backspace,
    Delete,
    Left,
    Right,
    Home,
    End,
    Paste(String),
    Resize(u16, u16),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        8 => prop::sample::select(vec!['a', 'b', ' ', '7', '$', 'é', '中', '😀', ',', '.']).prop_map(Step::Type),
        1 => Just(Step::Enter),
        2 => Just(Step::Backspace),
        1 => Just(Step::Delete),
        2 => Just(Step::Left),
        2 => Just(Step::Right),
        1 => Just(Step::Home),
        1 => Just(Step::End),
        1 => "[a-z \\n\\r\\t\u{1b}中]{0,12}".prop_map(Step::Paste),
        1 => (1u16..200, 1u16..60).prop_map(|(w, h)| Step::Resize(w, h)),
    ]
}

/// The reference: lines of characters and a cursor.
#[derive(Debug, Clone)]
struct Model {
    lines: Vec<Vec<char>>,
    row: usize,
    col: usize,
}

impl Model {
    fn insert(&mut self, c: char) {
        if c == '\n' {
            let rest = self.lines[self.row].split_off(self.col);
            self.lines.insert(self.row + 1, rest);
            self.row += 1;
            self.col = 0;
        } else {
            self.lines[self.row].insert(self.col, c);
            self.col += 1;
        }
    }

    fn apply(&mut self, step: &Step) {
        let len = self.lines[self.row].len();
        match step {
            Step::Type(c) => self.insert(*c),
            Step::Enter => self.insert('\n'),
            Step::Backspace if self.col > 0 => {
                self.lines[self.row].remove(self.col - 1);
                self.col -= 1;
            }
            Step::Backspace if self.row > 0 => {
                let line = self.lines.remove(self.row);
                self.row -= 1;
                self.col = self.lines[self.row].len();
                self.lines[self.row].extend(line);
            }
            Step::Delete if self.col < len => {
                self.lines[self.row].remove(self.col);
            }
            Step::Delete if self.row + 1 < self.lines.len() => {
                let next = self.lines.remove(self.row + 1);
                self.lines[self.row].extend(next);
            }
            Step::Left if self.col > 0 => self.col -= 1,
            Step::Left if self.row > 0 => {
                self.row -= 1;
                self.col = self.lines[self.row].len();
            }
            Step::Right if self.col < len => self.col += 1,
            Step::Right if self.row + 1 < self.lines.len() => {
                self.row += 1;
                self.col = 0;
            }
            Step::Home => self.col = 0,
            Step::End => self.col = len,
            Step::Paste(text) => clean_input(text).chars().for_each(|c| self.insert(c)),
            _ => {}
        }
    }

    fn text(&self) -> Vec<String> {
        self.lines.iter().map(|l| l.iter().collect()).collect()
    }
}

fn action(step: &Step) -> Action {
    match step {
        Step::Type(c) => key(KeyCode::Char(*c)),
        Step::Enter => key(KeyCode::Enter),
        Step::Backspace => key(KeyCode::Backspace),
        Step::Delete => key(KeyCode::Delete),
        Step::Left => key(KeyCode::Left),
        Step::Right => key(KeyCode::Right),
        Step::Home => key(KeyCode::Home),
        Step::End => key(KeyCode::End),
        Step::Paste(s) => Action::Paste(s.clone()),
        Step::Resize(w, h) => Action::Resize(*w, *h),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn the_precis_always_matches_the_model(steps in prop::collection::vec(step(), 1..120)) {
        let mut app = app_on("silk-road");
        let mut model = Model { lines: vec![Vec::new()], row: 0, col: 0 };
        let mut size = (120, 40);
        for (n, s) in steps.iter().enumerate() {
            app.update(action(s));
            model.apply(s);
            if let Step::Resize(w, h) = s {
                size = (*w, *h);
            }
            if n % 10 == 0 {
                screen(&app, size.0, size.1);
            }
            let expected = model.text();
            prop_assert_eq!(app.body.lines(), expected.as_slice(), "after {:?}", s);
            prop_assert_eq!(app.body.cursor(), (model.row, model.col), "after {:?}", s);
        }
        screen(&app, size.0, size.1);
        let body = model.text().join("\n");
        prop_assert_eq!(app.report.precis.words, count_words(&body, CountingOptions::default()));
    }
}
