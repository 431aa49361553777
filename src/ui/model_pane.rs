//! The model précis of a built-in passage, drawn in the source pane's place
//! once an exam has been reviewed (`Ctrl+O`), so the student reads it beside
//! their own: comparing the two teaches most. Scrolled like the source.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, Borders, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState,
};
use unicode_width::UnicodeWidthStr;

use super::app::{App, Focus};
use super::theme::Theme;
use super::wrap::wrap;
use crate::text::sanitize::terminal_safe;

/// Draws `model`, the model précis, into `area` in the source pane's place.
pub fn render(frame: &mut Frame, area: Rect, app: &App, model: &str, theme: &Theme) {
    let focused = app.focus == Focus::Source;
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border(focused))
        .title(" Model précis · Ctrl+O back to the source ")
        .title_bottom(if focused {
            " ↑↓ scroll "
        } else {
            " Tab, then ↑↓ scroll "
        });
    let inner = block.inner(area);
    frame.render_widget(block, area);
    app.remember(|a| a.source = inner);
    if inner.width < 2 || inner.height == 0 {
        return;
    }
    let text = terminal_safe(model);
    let width = usize::from(inner.width - 1);
    let rows = wrap(&text, 0, width);
    let height = usize::from(inner.height);
    let top = app
        .source_scroll
        .get()
        .min(rows.len().saturating_sub(height));
    app.source_scroll.set(top);
    // The first line is the model's title.
    let title_end = text.find('\n').unwrap_or(text.len());
    let lines: Vec<Line> = rows
        .iter()
        .skip(top)
        .take(height)
        .map(|r| {
            let line = Line::raw(text[r.clone()].to_string());
            if r.start < title_end {
                line.style(Style::new().add_modifier(Modifier::BOLD))
            } else {
                line
            }
        })
        .collect();
    frame.render_widget(
        Paragraph::new(lines),
        Rect {
            width: inner.width - 1,
            ..inner
        },
    );
    if rows.len() > height {
        let mut state = ScrollbarState::new(rows.len() - height)
            .position(top)
            .viewport_content_length(height);
        frame.render_stateful_widget(
            Scrollbar::new(ScrollbarOrientation::VerticalRight),
            inner,
            &mut state,
        );
    }
}

/// Names `Ctrl+O` on the bottom border of the review drawn in `area`, when
/// the passage has a model précis: to show it, or to go back to the source.
pub fn render_hint(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    if app.model().is_none() || area.height < 2 || area.width < 6 {
        return;
    }
    // The right end of the border keeps room for the review's " ↓ N more ".
    let room = usize::from(area.width.saturating_sub(4 + 13));
    let choices: &[&str] = if app.model_shown().is_some() {
        &[" Ctrl+O: back to the source ", " Ctrl+O: source "]
    } else {
        &[
            " Ctrl+O: the model précis beside yours ",
            " Ctrl+O: model précis ",
        ]
    };
    let Some(hint) = choices.iter().copied().find(|h| h.width() <= room) else {
        return;
    };
    let row = Rect {
        x: area.x + 2,
        y: area.bottom() - 1,
        width: area.width - 4,
        height: 1,
    };
    frame.render_widget(Paragraph::new(Span::styled(hint, theme.key())), row);
}
