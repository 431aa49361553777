//! Helpers shared by the editor tests: an app on a built-in passage, key
//! events, and a text picture of a rendered screen that shows highlights.

#![allow(dead_code)]

use jiff::Timestamp;
use precis::analysis::Settings;
use precis::analysis::words::CountingOptions;
use precis::ui::app::{Action, App, Effect, Source, Start};
use precis::ui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::Modifier;

/// An app on built-in passage `id` with an empty draft, at 120×40.
pub fn app_on(id: &str) -> App {
    let source = Source::built_in(id, CountingOptions::default()).expect("built-in passage");
    let start = Start::fresh(source, Settings::default(), Timestamp::UNIX_EPOCH);
    App::new(start, CountingOptions::default(), (120, 40))
}

/// A key press without modifiers.
pub fn key(code: KeyCode) -> Action {
    Action::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

/// Ctrl and a letter.
pub fn ctrl(c: char) -> Action {
    Action::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
}

/// Types `text` key by key (`\n` as Enter); returns every effect.
pub fn type_text(app: &mut App, text: &str) -> Vec<Effect> {
    let mut effects = Vec::new();
    for c in text.chars() {
        let code = if c == '\n' {
            KeyCode::Enter
        } else {
            KeyCode::Char(c)
        };
        effects.extend(app.update(key(code)));
    }
    effects
}

/// Renders `app` at `width`×`height` (in colour or not) and returns the
/// cells, styles included.
pub fn drawn(app: &App, width: u16, height: u16, colour: bool) -> ratatui::buffer::Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    terminal
        .draw(|frame| precis::ui::render(frame, app, &Theme::new(colour)))
        .expect("draws");
    terminal.backend().buffer().clone()
}

/// Renders `app` at `width`×`height` and returns the screen as text;
/// under each row with underlined cells, a row of `^` marks them.
pub fn screen(app: &App, width: u16, height: u16) -> String {
    picture(width, height, |frame| {
        precis::ui::render(frame, app, &Theme::new(true))
    })
}

/// Draws with `draw` on a `width`×`height` test terminal and returns the
/// screen as text, with `^` rows under underlined cells.
pub fn picture(width: u16, height: u16, draw: impl FnOnce(&mut ratatui::Frame)) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    terminal.draw(draw).expect("draws");
    let buf = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..height {
        let mut row = String::new();
        let mut marks = String::new();
        for x in 0..width {
            let cell = &buf[(x, y)];
            row.push_str(cell.symbol());
            let underlined = cell.modifier.contains(Modifier::UNDERLINED);
            for _ in 0..cell.symbol().chars().count().max(1) {
                marks.push(if underlined { '^' } else { ' ' });
            }
        }
        out.push_str(row.trim_end());
        out.push('\n');
        if marks.contains('^') {
            out.push_str(marks.trim_end());
            out.push('\n');
        }
    }
    out
}
