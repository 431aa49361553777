//! The help overlay: every key binding, from the same table that dispatches.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::keys::BINDINGS;
use super::theme::Theme;

/// Draws the help box centred over `area`.
pub fn render(frame: &mut Frame, area: Rect, theme: &Theme) {
    let width = area.width.saturating_sub(4).min(84);
    let height = area
        .height
        .saturating_sub(2)
        .min(BINDINGS.len() as u16 + 10);
    let box_area = super::layout::centred(area, width, height);
    let mut lines: Vec<Line> = BINDINGS
        .iter()
        .map(|b| {
            Line::from(vec![
                Span::styled(format!("{:>24}", b.keys), theme.key()),
                Span::raw(format!("  {}", b.what)),
            ])
        })
        .collect();
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        "Your précis is checked as you type: length against one-third of the source, the title, the declared count, and every figure.",
        theme.dim(),
    ));
    lines.push(Line::from(vec![
        Span::styled("The bar beside each source sentence: ", theme.dim()),
        Span::styled("█", theme.good()),
        Span::styled(" covered, ", theme.dim()),
        Span::styled("▒", theme.warning()),
        Span::styled(" partly, ", theme.dim()),
        Span::styled("░", theme.dim()),
        Span::styled(" not (", theme.dim()),
        Span::styled("░", theme.error()),
        Span::styled(" a key point left out); ", theme.dim()),
        Span::raw("•"),
        Span::styled(
            " marks the passage's key points. It is judged by meaning, your own words included, and updates when you pause.",
            theme.dim(),
        ),
    ]));
    lines.push(Line::styled("Press any key to close.", theme.dim()));
    frame.render_widget(Clear, box_area);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(" Help: keys ")
        .border_style(theme.border(true));
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        box_area,
    );
}

/// Draws the "write it elsewhere" prompt shown when saving failed on quit.
pub fn render_save_as(
    frame: &mut Frame,
    area: Rect,
    app: &super::app::App,
    path: &str,
    theme: &Theme,
) {
    let reason = match &app.save {
        super::app::SaveState::Failed(e) => crate::text::sanitize::one_line(e),
        _ => "the drafts folder cannot be written".to_string(),
    };
    let box_area = super::layout::centred(area, area.width.saturating_sub(4).min(90), 9);
    frame.render_widget(Clear, box_area);
    let lines = vec![
        Line::styled(
            format!("Your précis could not be saved: {reason}"),
            theme.error(),
        ),
        Line::raw(""),
        Line::raw("Write it as a text file here instead (edit the path, Enter to write and quit):"),
        Line::from(vec![
            Span::raw(crate::text::sanitize::one_line(path)),
            Span::styled("█", theme.dim()),
        ]),
        Line::raw(""),
        Line::styled(
            "Esc: back to the editor · Ctrl+Q: quit anyway (the précis is printed to the terminal)",
            theme.dim(),
        ),
    ];
    let block = Block::default()
        .borders(Borders::ALL)
        .title(" Not saved ")
        .border_style(theme.error());
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        box_area,
    );
}
