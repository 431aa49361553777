//! The flags panel: every finding with its message; choosing one moves the
//! précis cursor to it and scrolls the source to what it refers to.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, List, ListItem, ListState, Paragraph};

use super::app::{App, Focus};
use super::source_pane::wrap;
use super::theme::Theme;
use crate::analysis::coverage::Levels;
use crate::analysis::readability::Readability;
use crate::exam::Feedback;
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

/// A flag's message in the editor's terms: the title has a field of its
/// own here, where `precis check` speaks of a first line `Title: …`.
/// `title_in_field` says whether the title the flag is about is in that
/// field (else it is a heading line at the top of the body).
pub fn in_editor_terms(
    flag: &crate::report::Flag,
    title_in_field: bool,
) -> std::borrow::Cow<'_, str> {
    use crate::report::FlagKind;
    match flag.kind {
        FlagKind::MissingTitle => {
            "no title: type one of 3 to 8 words in the title field above (the title carries 5 of 20 marks)"
                .into()
        }
        FlagKind::TitleNotAllowed if title_in_field => {
            "UPSC précis take no title: clear the title field".into()
        }
        FlagKind::TitleNotAllowed => {
            "UPSC précis take no title: delete the heading line at the top of your précis".into()
        }
        FlagKind::DeclaredCount => format!("{} · Ctrl+T writes it", flag.message).into(),
        _ => flag.message.as_str().into(),
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
    let mut summary = if app.shows(Feedback::All) {
        summary_lines(app, theme)
    } else {
        Vec::new()
    };
    // The flags come first: the summary gives way on a short panel.
    summary.truncate(usize::from(inner.height.saturating_sub(3)));
    let [summary_area, list_area] =
        Layout::vertical([Constraint::Length(summary.len() as u16), Constraint::Min(0)])
            .areas(inner);
    frame.render_widget(block, area);
    frame.render_widget(Paragraph::new(summary), summary_area);
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
                let message = one_line(&in_editor_terms(f, !app.title.is_empty()));
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
    let list = List::new(items).highlight_style(if focused {
        theme.selected()
    } else {
        theme.dim()
    });
    let mut state =
        ListState::default().with_selected((!flags.is_empty()).then_some(app.flag_selected));
    frame.render_stateful_widget(list, list_area, &mut state);
}

/// Lines above the flags: how much of the passage the précis covers, with
/// the gutter's shades as a legend, and how readable the précis is beside
/// the source.
fn summary_lines(app: &App, theme: &Theme) -> Vec<Line<'static>> {
    let coverage = &app.report.coverage;
    let steps = Levels::of(&coverage.sentences);
    let r = &app.report.readability;
    let sentences = |name: &str, r: &Readability| {
        Line::from(vec![
            Span::styled(format!("{name} "), theme.dim()),
            Span::raw(format!(
                "{:.0} words/sentence, max {} · ease {:.0} · grade {:.0}",
                r.average_sentence_words,
                r.longest_sentence_words,
                r.flesch_reading_ease,
                r.flesch_kincaid_grade
            )),
        ])
    };
    vec![
        Line::from(vec![
            Span::styled(
                format!("Covers {:.0}% ", coverage.overall * 100.0),
                theme.dim(),
            ),
            Span::styled("█", theme.good()),
            Span::raw(format!(" {} covered ", steps.covered)),
            Span::styled("▒", theme.warning()),
            Span::raw(format!(" {} partly ", steps.partly)),
            Span::styled("░", theme.dim()),
            Span::raw(format!(" {} not", steps.not)),
        ]),
        sentences("Précis", &r.precis),
        sentences("Source", &r.source),
    ]
}
