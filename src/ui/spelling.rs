//! The suggestions box: a flagged word and the corrections that could
//! replace it, and how it is drawn. `Enter` on a spelling flag opens it
//! (see `app::spelling`); the corrections come from the worker the runtime
//! keeps (`runtime::spelling`).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::theme::Theme;
use crate::analysis::report::FlagKind;
use crate::text::sanitize::one_line;

/// Whether a flag is about a word's spelling.
pub fn is_spelling(kind: FlagKind) -> bool {
    matches!(kind, FlagKind::Spelling | FlagKind::SpellingVariant)
}

/// The suggestions box: a flagged word and what could replace it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    /// The word as written.
    pub word: String,
    /// Where it stands in the précis text the report was made of.
    pub start: usize,
    /// The corrections, the likeliest first.
    pub suggestions: Vec<String>,
    /// The chosen correction.
    pub selected: usize,
}

/// Draws the suggestions box over `area`.
pub fn render(frame: &mut Frame, area: Rect, choice: &Choice, theme: &Theme) {
    let rows = choice.suggestions.len().max(1) as u16;
    let box_area = super::layout::centred(area, 56, rows + 5);
    frame.render_widget(Clear, box_area);
    let mut lines = vec![Line::from(vec![
        Span::raw("Replace "),
        Span::styled(
            format!("“{}”", one_line(&choice.word)),
            theme.mark(super::marks::MarkKind::Misspelt),
        ),
        Span::raw(" with:"),
    ])];
    if choice.suggestions.is_empty() {
        lines.push(Line::styled(
            "  (the dictionary has no suggestion)",
            theme.dim(),
        ));
    }
    for (i, s) in choice.suggestions.iter().enumerate() {
        let text = format!(" {} {} ", i + 1, one_line(s));
        lines.push(if i == choice.selected {
            Line::styled(text, theme.selected())
        } else {
            Line::raw(text)
        });
    }
    lines.push(Line::raw(""));
    lines.push(Line::from(vec![
        Span::styled(" Enter ", theme.key()),
        Span::raw(" replace  "),
        Span::styled(" a ", theme.key()),
        Span::raw(" add to my words  "),
        Span::styled(" Esc ", theme.key()),
        Span::raw(" keep"),
    ]));
    let block = Block::default()
        .borders(Borders::ALL)
        .title(" Spelling ")
        .border_style(theme.border(true));
    frame.render_widget(Paragraph::new(lines).block(block), box_area);
}
