//! A message in the bottom rows until the next key, and how it is drawn:
//! the editor and the drafts browser both show theirs this way.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::fit;
use super::theme::Theme;
use crate::text::sanitize::one_line;

/// A message in the bottom row until the next key (the editor's or the
/// drafts browser's).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// The text.
    pub text: String,
    /// Whether it reports a problem.
    pub problem: bool,
}

/// The most rows a message takes at the bottom of the editor.
pub const MAX_ROWS: usize = 3;

/// How many rows `note` takes when wrapped to `width` columns (at most
/// [`MAX_ROWS`]).
pub fn rows(note: &Note, width: u16) -> u16 {
    fit::wrap(&one_line(&note.text), usize::from(width), MAX_ROWS).len() as u16
}

/// Draws a message into the bottom rows `area`, wrapped at spaces (and
/// shortened with "…" when it needs more rows than `area` has), in red
/// when it reports a problem; the editor and the drafts browser both show
/// theirs this way.
pub fn render(frame: &mut Frame, area: Rect, note: &Note, theme: &Theme) {
    let style = if note.problem {
        theme.error()
    } else {
        Style::default()
    };
    let rows = fit::wrap(
        &one_line(&note.text),
        usize::from(area.width),
        usize::from(area.height),
    );
    let lines: Vec<Line> = rows
        .into_iter()
        .map(|row| Line::styled(row, style))
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}
