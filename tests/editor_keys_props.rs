//! Random sequences of keys, pastes and resizes never panic the editor, and
//! the précis always equals what a simple reference model of the same edits
//! predicts, a first line that reads as a title moved to the title field
//! included.

mod common;

use common::{app_on, key, screen};
use precis::analysis::structure::{parse, title_line};
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
        // Lines that read as titles when they stand first.
        1 => prop::sample::select(vec!["    Taxes Old and New", "Title: A Narrow Base\n", "THE STATE\n\n"])
            .prop_map(|s| Step::Paste(s.to_string())),
        1 => (1u16..200, 1u16..60).prop_map(|(w, h)| Step::Resize(w, h)),
    ]
}

/// The reference: lines of characters, a cursor, and the title taken
/// from the first line, if one was.
#[derive(Debug, Clone)]
struct Model {
    lines: Vec<Vec<char>>,
    row: usize,
    col: usize,
    title: Option<String>,
}

impl Model {
    /// Moves the first line to the title field when it reads as a title
    /// and the field is empty: the line, its break and the blank lines
    /// after it leave the body, and the cursor keeps its column.
    fn adopt_title(&mut self) -> bool {
        if self.title.is_some() {
            return false;
        }
        let first: String = self.lines[0].iter().collect();
        let Some(title) = title_line(&first) else {
            return false;
        };
        let n = self.lines.len();
        let blank_after = self.lines[1..]
            .iter()
            .take_while(|l| l.iter().all(|c| c.is_whitespace()))
            .count()
            .min(n.saturating_sub(2));
        if n > 1 {
            self.lines.drain(..=blank_after);
        } else {
            self.lines[0].clear();
        }
        let breaks = usize::from(n > 1) + blank_after;
        self.row = self.row.saturating_sub(breaks);
        self.col = self.col.min(self.lines[self.row].len());
        self.title = Some(title);
        true
    }

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
            Step::Enter if self.row == 0 && self.col == len && self.adopt_title() => {}
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
            Step::Paste(text) => {
                clean_input(text).chars().for_each(|c| self.insert(c));
                if self.lines.len() > 1 {
                    self.adopt_title();
                }
            }
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
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn the_precis_always_matches_the_model(steps in prop::collection::vec(step(), 1..120)) {
        let mut app = app_on("silk-road");
        let mut model = Model { lines: vec![Vec::new()], row: 0, col: 0, title: None };
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
            let title = app.title.lines().join("\n");
            prop_assert_eq!(title.as_str(), model.title.as_deref().unwrap_or(""), "after {:?}", s);
        }
        screen(&app, size.0, size.1);
        // The report is of the text as it stands, read as `check` reads it.
        let (text, _) = app.precis_text();
        let body = parse(&text).body;
        prop_assert_eq!(app.report.precis.words, count_words(&text[body], CountingOptions::default()));
    }
}
