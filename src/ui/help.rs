//! The help overlay (every key binding, from the same table that
//! dispatches), which scrolls and closes with `Esc`; and the two questions
//! asked in a box over the editor: where to write an unsaved précis, and
//! whether to hand an exam in.

use std::cell::Cell;

use ratatui::Frame;
use ratatui::layout::{Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, Borders, Clear, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState,
};
use unicode_width::UnicodeWidthStr;

use super::keys::BINDINGS;
use super::theme::Theme;
use super::wrap::flow;

/// The widest key column, when there is room for it beside the text.
const KEY_COLUMN: usize = 24;

/// The narrowest text beside the key column; narrower, each binding's text
/// goes under its keys.
const MIN_TEXT: usize = 30;

/// Draws the help box centred over `area`, scrolled down by `scroll` rows
/// (clamped to the text and written back). Its title names the keys that
/// scroll it and the one that closes it; the bottom border says how much
/// is left below.
pub fn render(frame: &mut Frame, area: Rect, scroll: &Cell<usize>, theme: &Theme) {
    let width = area.width.saturating_sub(4).min(84);
    // A column on the right is kept for the scrollbar.
    let lines = content(usize::from(width.saturating_sub(3)), theme);
    // Above the status bar and the keys, which stay in view.
    let above = Rect {
        height: area.height.saturating_sub(2),
        ..area
    };
    let height = above
        .height
        .min(u16::try_from(lines.len() + 2).unwrap_or(u16::MAX));
    let box_area = super::layout::centred(above, width, height);
    let view = usize::from(height.saturating_sub(2));
    let hidden = lines.len().saturating_sub(view);
    let top = scroll.get().min(hidden);
    scroll.set(top);
    let hints: &[&str] = if hidden > 0 {
        &[
            " Help: keys · ↑↓ PgUp/PgDn scroll · Esc close ",
            " Help · ↓ PgDn scroll · Esc close ",
            " Help · Esc close ",
            " Help ",
        ]
    } else {
        &[" Help: keys · Esc close ", " Help · Esc close ", " Help "]
    };
    let hints: Vec<String> = hints.iter().map(|h| h.to_string()).collect();
    let mut block = Block::default()
        .borders(Borders::ALL)
        .title(super::fit::first_fitting(
            &hints,
            usize::from(width.saturating_sub(2)),
        ))
        .border_style(theme.border(true));
    if hidden > 0 {
        let below = hidden - top;
        let place = if below > 0 {
            format!(" ↓ {below} more ")
        } else {
            " end ".to_string()
        };
        block = block.title_bottom(Line::from(place).right_aligned());
    }
    frame.render_widget(Clear, super::layout::with_margin(box_area, above));
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .scroll((u16::try_from(top).unwrap_or(u16::MAX), 0)),
        box_area,
    );
    if hidden > 0 {
        let mut state = ScrollbarState::new(hidden)
            .position(top)
            .viewport_content_length(view);
        frame.render_stateful_widget(
            Scrollbar::new(ScrollbarOrientation::VerticalRight),
            box_area.inner(Margin::new(0, 1)),
            &mut state,
        );
    }
}

/// The help's lines for a box `width` columns wide inside: every binding,
/// its text wrapped under itself (never under the keys), then what the
/// checks and the coverage bars mean.
fn content(width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let keys = BINDINGS
        .iter()
        .map(|b| b.keys.width())
        .max()
        .unwrap_or(0)
        .min(KEY_COLUMN);
    let beside = width >= keys + 2 + MIN_TEXT;
    let indent = if beside { keys + 2 } else { 2 };
    let mut lines = Vec::new();
    for b in BINDINGS {
        let rows = super::fit::wrap(b.what, width.saturating_sub(indent), usize::MAX);
        let mut rows = rows.into_iter();
        if beside {
            let first = rows.next().unwrap_or_default();
            lines.push(Line::from(vec![
                Span::styled(format!("{:>keys$}", b.keys), theme.key()),
                Span::raw(format!("  {first}")),
            ]));
        } else {
            lines.push(Line::from(Span::styled(b.keys, theme.key())));
        }
        lines.extend(rows.map(|row| Line::raw(format!("{}{row}", " ".repeat(indent)))));
    }
    lines.push(Line::raw(""));
    for row in super::fit::wrap(
        "Your précis is checked as you type: length against one-third of the source, \
         the title, the declared count, and every figure.",
        width,
        usize::MAX,
    ) {
        lines.push(Line::styled(row, theme.dim()));
    }
    for row in super::fit::wrap(
        "Beside each source sentence, a bar shows how much of its meaning your précis \
         conveys, in your own words or the passage's; it updates when you pause:",
        width,
        usize::MAX,
    ) {
        lines.push(Line::styled(row, theme.dim()));
    }
    let legend: [Vec<Span<'static>>; 5] = [
        vec![Span::styled("█", theme.good()), Span::raw(" covered")],
        vec![Span::styled("▒", theme.warning()), Span::raw(" partly")],
        vec![Span::styled("░", theme.dim()), Span::raw(" not")],
        vec![
            Span::styled("░", theme.error()),
            Span::raw(" a key point left out"),
        ],
        vec![Span::raw("•"), Span::raw(" a key point of the passage")],
    ];
    lines.extend(flow(legend, width, 3, Vec::new(), ""));
    lines
}

/// Draws the "write it elsewhere" prompt shown when saving failed on quit:
/// every line wrapped to the box, which grows to hold them, and the keys
/// in its bottom border.
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
    let width = area.width.saturating_sub(4).min(90);
    let room = usize::from(width.saturating_sub(2));
    let wrapped = |text: &str| super::fit::wrap(text, room, usize::MAX);
    let mut lines: Vec<Line> = wrapped(&format!("Your précis could not be saved: {reason}"))
        .into_iter()
        .map(|row| Line::styled(row, theme.error()))
        .collect();
    lines.push(Line::raw(""));
    lines.extend(
        wrapped("Write it to this text file instead (edit the path if you like):")
            .into_iter()
            .map(Line::raw),
    );
    // The path, with the cursor after it.
    let mut path_rows = wrapped(&format!("{}█", crate::text::sanitize::one_line(path)));
    let last = path_rows.pop().unwrap_or_default();
    lines.extend(path_rows.into_iter().map(Line::raw));
    let cursor = last.strip_suffix('█').unwrap_or(&last).to_string();
    lines.push(Line::from(vec![
        Span::raw(cursor),
        Span::styled("█", theme.dim()),
    ]));
    let keys = super::fit::first_fitting(
        &[
            " Enter write it and quit · Esc back to the editor · Ctrl+Q quit anyway (printed to the terminal) ".to_string(),
            " Enter write and quit · Esc back · Ctrl+Q quit anyway (printed) ".to_string(),
            " Enter write · Esc back · Ctrl+Q quit anyway ".to_string(),
        ],
        room,
    );
    let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    let box_area = super::layout::centred(area, width, height);
    frame.render_widget(Clear, super::layout::with_margin(box_area, area));
    let block = Block::default()
        .borders(Borders::ALL)
        .title(" Not saved ")
        .title_bottom(keys)
        .border_style(theme.error());
    frame.render_widget(Paragraph::new(lines).block(block), box_area);
}
