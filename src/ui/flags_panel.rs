//! The flags panel: every finding with its message; choosing one moves the
//! précis cursor to it and scrolls the source to what it refers to.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, List, ListItem, ListState};

use super::app::{App, Focus};
use super::source_pane::wrap;
use super::theme::Theme;
use crate::report::Severity;
use crate::text::sanitize::one_line;

/// Where a flag stands, as the student sees the fields: `title`, or the
/// body's `line:column`.
fn place(app: &App, flag: &crate::report::Flag) -> String {
    use super::marks::Field;
    use crate::report::FlagKind;
    if matches!(
        flag.kind,
        FlagKind::MissingTitle | FlagKind::TitleLength | FlagKind::TitleNotAllowed
    ) {
        return "title".to_string();
    }
    match app.marks.locate(flag.start) {
        Some((Field::Title, _, _)) => "title".to_string(),
        Some((Field::Body, row, col)) => format!("{}:{}", row + 1, col + 1),
        None => String::new(),
    }
}

/// Draws the flags panel into `area`.
pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let focused = app.focus == Focus::Flags;
    let flags = &app.report.flags;
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border(focused))
        .title(format!(
            " Flags ({}) · ↑↓ choose · Enter go to · Esc close ",
            flags.len()
        ));
    let inner = block.inner(area);
    app.remember(|a| a.flags = inner);
    let items: Vec<ListItem> = if flags.is_empty() {
        vec![ListItem::new(Span::styled(
            "Nothing to fix: every check passes.",
            theme.good(),
        ))]
    } else {
        flags
            .iter()
            .map(|f| {
                let (mark, style) = match f.severity {
                    Severity::Error => ("✗", theme.error()),
                    Severity::Warning => ("⚠", theme.warning()),
                    Severity::Info => ("·", theme.dim()),
                };
                let message = one_line(&f.message);
                let mut lines = vec![Line::from(vec![
                    Span::styled(format!("{mark} "), style),
                    Span::styled(format!("{:<7} ", place(app, f)), theme.dim()),
                ])];
                let room = usize::from(inner.width.saturating_sub(10)).max(10);
                for (n, row) in wrap(&message, 0, room).into_iter().enumerate() {
                    let piece = Span::raw(message[row].to_string());
                    match n {
                        0 => lines[0].spans.push(piece),
                        _ => lines.push(Line::from(vec![Span::raw(" ".repeat(10)), piece])),
                    }
                }
                ListItem::new(lines)
            })
            .collect()
    };
    let list = List::new(items).block(block).highlight_style(if focused {
        theme.selected()
    } else {
        theme.dim()
    });
    let mut state =
        ListState::default().with_selected((!flags.is_empty()).then_some(app.flag_selected));
    frame.render_stateful_widget(list, area, &mut state);
}
