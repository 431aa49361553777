//! The passage picker: a searchable list of the built-in passages (title,
//! words, target); typing a path that matches no passage opens that file.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, Borders, Clear, HighlightSpacing, List, ListItem, ListState, Paragraph,
};
use unicode_width::UnicodeWidthStr;

use super::messages::Opening;
use super::theme::Theme;
use crate::analysis::target::{Target, TargetRule};
use crate::passages::{self, Passage};
use crate::text::sanitize::one_line;

/// The picker's state: what was typed and which row is chosen.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Picker {
    /// The search text (or a file path).
    pub query: String,
    /// The chosen row among the matches.
    pub selected: usize,
    /// A line under the search: the files a path could complete to, or why
    /// a path could not be opened (`true`: a problem).
    pub hint: Option<(String, bool)>,
}

/// What a key did to the picker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Keep the picker open.
    Stay,
    /// Close it, opening nothing.
    Close,
    /// Close it and open this.
    Open(Opening),
    /// Close it and start a timed exam on this.
    Exam(Opening),
    /// Close it and start a new draft on this, even if one exists.
    OpenNew(Opening),
    /// Complete the typed path from the files on disk.
    Complete(String),
}

impl Picker {
    /// A picker showing `query` again with a `problem` under it (a path that
    /// could not be opened, kept so it can be corrected).
    pub fn with_problem(query: &str, problem: String) -> Self {
        Self {
            query: query.to_string(),
            selected: 0,
            hint: Some((problem, true)),
        }
    }

    /// The built-in passages whose title or id contains the query.
    pub fn matches(&self) -> Vec<&'static Passage> {
        let q = self.query.trim().to_lowercase();
        passages::ALL
            .iter()
            .filter(|p| q.is_empty() || p.title().to_lowercase().contains(&q) || p.id.contains(&q))
            .collect()
    }

    /// What Enter would open: the chosen passage, else the query as a path.
    fn chosen(&self) -> Option<Opening> {
        match self.matches().get(self.selected) {
            Some(p) => Some(Opening::BuiltIn(p.id.to_string())),
            None if !self.query.trim().is_empty() => {
                Some(Opening::File(self.query.trim().to_string()))
            }
            None => None,
        }
    }

    /// Handles a key.
    pub fn key(&mut self, key: KeyEvent) -> Outcome {
        let n = self.matches().len();
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        if !matches!(key.code, KeyCode::Tab) {
            self.hint = None;
        }
        match key.code {
            KeyCode::Tab if n == 0 && !self.query.trim().is_empty() => {
                return Outcome::Complete(self.query.clone());
            }
            KeyCode::Char('n') if ctrl => {
                return self.chosen().map_or(Outcome::Stay, Outcome::OpenNew);
            }
            KeyCode::Esc => return Outcome::Close,
            KeyCode::Char('c' | 'q' | 'p') if key.modifiers.contains(KeyModifiers::CONTROL) => {
                return Outcome::Close;
            }
            KeyCode::Up => self.selected = self.selected.saturating_sub(1),
            KeyCode::Down if n > 0 => self.selected = (self.selected + 1).min(n - 1),
            KeyCode::Backspace => {
                self.query.pop();
                self.selected = 0;
            }
            KeyCode::Enter => return self.chosen().map_or(Outcome::Stay, Outcome::Open),
            KeyCode::Char('e') if key.modifiers.contains(KeyModifiers::CONTROL) => {
                return self.chosen().map_or(Outcome::Stay, Outcome::Exam);
            }
            KeyCode::Char(c)
                if !key
                    .modifiers
                    .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
            {
                self.query.push(c);
                self.selected = 0;
            }
            _ => {}
        }
        Outcome::Stay
    }
}

/// Columns of a row after the title: words and target.
const NUMBERS: usize = 24;

/// Draws the picker centred over `area`: the keys in its bottom border as
/// far as they fit, each passage's title shortened to leave its words and
/// target in view.
pub fn render(frame: &mut Frame, area: Rect, picker: &Picker, theme: &Theme) {
    let width = area.width.saturating_sub(4).min(90);
    let height = area
        .height
        .saturating_sub(2)
        .min(passages::ALL.len() as u16 + 5);
    let box_area = super::layout::centred(area, width, height);
    frame.render_widget(Clear, super::layout::with_margin(box_area, area));
    let room = usize::from(width.saturating_sub(2));
    let keys = super::fit::first_fitting(
        &[
            " Enter open · Ctrl+E timed exam · Esc cancel ".to_string(),
            " Enter open · Ctrl+E exam · Esc cancel ".to_string(),
            " Enter · Ctrl+E exam · Esc ".to_string(),
        ],
        room,
    );
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border(true))
        .title(" Choose a passage ")
        .title_bottom(keys);
    let inner = block.inner(box_area);
    frame.render_widget(block, box_area);
    let [query_area, list_area] =
        Layout::vertical([Constraint::Length(2), Constraint::Min(1)]).areas(inner);
    let hint = super::fit::first_fitting(
        &[
            "  type a title to search, or a file path".to_string(),
            "  a title, or a file path".to_string(),
            String::new(),
        ],
        room.saturating_sub(9 + picker.query.width()),
    );
    let query = Line::from(vec![
        Span::styled("Search: ", theme.dim()),
        Span::raw(one_line(&picker.query)),
        Span::styled("█", theme.dim()),
        Span::styled(
            if picker.query.is_empty() {
                hint
            } else {
                String::new()
            },
            theme.dim(),
        ),
    ]);
    let hint = match &picker.hint {
        Some((text, true)) => Line::styled(one_line(text), theme.error()),
        Some((text, false)) => Line::styled(one_line(text), theme.dim()),
        None => Line::raw(""),
    };
    frame.render_widget(Paragraph::new(vec![query, hint]), query_area);
    let matches = picker.matches();
    let title_room = room.saturating_sub(CHOSEN.width() + NUMBERS).min(52);
    let items: Vec<ListItem> = if matches.is_empty() {
        vec![ListItem::new(Span::styled(
            "No passage matches: Enter opens it as a file path.",
            theme.dim(),
        ))]
    } else {
        matches
            .iter()
            .map(|p| {
                let words = p.words();
                let target = Target::new(words, TargetRule::default(), 0.05).words;
                let title = super::fit::shorten(p.title(), title_room);
                let pad = title_room.saturating_sub(title.width());
                ListItem::new(Line::from(vec![
                    Span::raw(format!("{title}{}", " ".repeat(pad))),
                    Span::styled(format!("{words:>5} words  target {target:>4}"), theme.dim()),
                ]))
            })
            .collect()
    };
    let list = List::new(items)
        .highlight_style(theme.selected())
        .highlight_symbol(CHOSEN)
        .highlight_spacing(HighlightSpacing::Always);
    let mut state =
        ListState::default().with_selected((!matches.is_empty()).then_some(picker.selected));
    frame.render_stateful_widget(list, list_area, &mut state);
}

/// The mark beside the chosen passage.
const CHOSEN: &str = "› ";

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn search_narrows_and_enter_opens() {
        let mut p = Picker::default();
        for c in "silk".chars() {
            p.key(key(KeyCode::Char(c)));
        }
        assert_eq!(p.matches().len(), 1);
        assert_eq!(
            p.key(key(KeyCode::Enter)),
            Outcome::Open(Opening::BuiltIn("silk-road".into()))
        );
    }

    #[test]
    fn tab_completes_a_path_and_ctrl_n_starts_afresh() {
        let mut p = Picker::default();
        for c in "~/pass".chars() {
            p.key(key(KeyCode::Char(c)));
        }
        assert_eq!(p.key(key(KeyCode::Tab)), Outcome::Complete("~/pass".into()));
        let mut p = Picker::default();
        for c in "silk".chars() {
            p.key(key(KeyCode::Char(c)));
        }
        let ctrl_n = KeyEvent::new(KeyCode::Char('n'), KeyModifiers::CONTROL);
        assert_eq!(
            p.key(ctrl_n),
            Outcome::OpenNew(Opening::BuiltIn("silk-road".into()))
        );
    }

    #[test]
    fn an_unknown_query_opens_as_a_file() {
        let mut p = Picker::default();
        for c in "/tmp/x.txt".chars() {
            p.key(key(KeyCode::Char(c)));
        }
        assert_eq!(
            p.key(key(KeyCode::Enter)),
            Outcome::Open(Opening::File("/tmp/x.txt".into()))
        );
        assert_eq!(p.key(key(KeyCode::Esc)), Outcome::Close);
        let ctrl_e = KeyEvent::new(KeyCode::Char('e'), KeyModifiers::CONTROL);
        assert_eq!(
            p.key(ctrl_e),
            Outcome::Exam(Opening::File("/tmp/x.txt".into()))
        );
    }
}
