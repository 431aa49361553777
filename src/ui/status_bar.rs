//! The status bar, always visible and updated on every keystroke: the word
//! count against the target with a gauge, the figure and other flags, the
//! title, and whether the draft is saved; and below it the main keys.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{LineGauge, Paragraph};

use super::app::{App, Note, SaveState};
use super::theme::Theme;
use crate::analysis::target::LengthStatus;
use crate::exam::{Feedback, clock};
use crate::report::{FlagKind, Severity};
use crate::text::sanitize::one_line;

/// From this width the status bar and footer use their long forms.
const ROOMY: u16 = 90;

/// Draws the status line into `area` (one row).
pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let roomy = area.width >= ROOMY;
    let clock = exam_clock(app, theme);
    let [clock_area, gauge_area, text_area, save_area] = Layout::horizontal([
        Constraint::Length(clock.as_ref().map_or(0, |c| c.width() as u16 + 2)),
        Constraint::Length(if roomy { 14 } else { 6 }),
        Constraint::Min(1),
        Constraint::Length(if roomy { 13 } else { 9 }),
    ])
    .areas(area);
    if let Some(clock) = clock {
        frame.render_widget(Paragraph::new(clock), clock_area);
    }
    if !app.shows(Feedback::Counts) {
        frame.render_widget(
            Paragraph::new(Span::styled("words hidden until the review", theme.dim())),
            text_area,
        );
        return;
    }
    let t = &app.report.target;
    let words = app.report.precis.words;
    let ratio = if t.words == 0 {
        0.0
    } else {
        (words as f64 / t.words as f64).min(1.0)
    };
    let gauge = LineGauge::default()
        .ratio(ratio)
        .filled_style(theme.length(t.status))
        .unfilled_style(theme.dim())
        .label("");
    frame.render_widget(
        gauge,
        Rect {
            width: gauge_area.width.saturating_sub(1),
            ..gauge_area
        },
    );

    let sep = || Span::styled(" │ ", theme.dim());
    let where_ = match t.status {
        LengthStatus::Under => format!("{} to go", t.min - words),
        LengthStatus::Within => "on target".to_string(),
        LengthStatus::Over => format!("{} over", words - t.max),
    };
    let band = if roomy {
        format!(" ({}–{}) {where_}", t.min, t.max)
    } else {
        format!(" {where_}")
    };
    let mut spans = vec![
        Span::styled(format!("{words}/{} words", t.words), theme.length(t.status)),
        Span::styled(band, theme.length(t.status)),
        sep(),
    ];
    if !app.shows(Feedback::All) {
        spans.push(Span::styled("checks hidden until the review", theme.dim()));
        frame.render_widget(Paragraph::new(Line::from(spans)), text_area);
        return;
    }
    let figures = app
        .report
        .flags
        .iter()
        .filter(|f| f.kind.is_number() && f.severity != Severity::Info)
        .count();
    let others = app
        .report
        .flags
        .iter()
        .filter(|f| f.severity != Severity::Info && counts_as_other(f.kind))
        .count();
    spans.push(if figures > 0 {
        Span::styled(
            format!("✗ {figures} figure{}", plural(figures)),
            theme.error(),
        )
    } else {
        Span::styled("figures ✓", theme.good())
    });
    spans.push(sep());
    spans.push(if others > 0 {
        Span::styled(
            format!("⚠ {others} flag{}", plural(others)),
            theme.warning(),
        )
    } else {
        Span::styled("style ✓", theme.good())
    });
    spans.push(sep());
    spans.push(
        match (app.marks.title_problem, app.report.precis.title.is_some()) {
            (Some(_), false) => Span::styled("no title", theme.error()),
            (Some(_), true) => Span::styled("title ✗", theme.warning()),
            (None, true) => Span::styled("title ✓", theme.good()),
            (None, false) => Span::styled("no title", theme.dim()),
        },
    );
    frame.render_widget(Paragraph::new(Line::from(spans)), text_area);
    let save = match &app.save {
        _ if app.read_only => Span::styled("read-only", theme.warning()),
        SaveState::Saved(Some(at)) if roomy => Span::styled(format!("saved {at}"), theme.good()),
        SaveState::Saved(_) => Span::styled("saved", theme.good()),
        SaveState::Unsaved => Span::styled("unsaved", theme.warning()),
        SaveState::Failed(_) => Span::styled("NOT SAVED", theme.error()),
    };
    frame.render_widget(Paragraph::new(Line::from(save)).right_aligned(), save_area);
}

/// The exam clock: reading time, time left (yellow from five minutes, red
/// from one), or the time used once submitted.
fn exam_clock(app: &App, theme: &Theme) -> Option<Line<'static>> {
    let timing = app.exam?;
    let span = match clock::phase(&timing, app.now) {
        clock::Phase::Reading(left) => {
            Span::styled(format!("reading {}", clock::clock_text(left)), theme.dim())
        }
        clock::Phase::Writing(left) => {
            let style = match clock::urgency(left) {
                clock::Urgency::Calm => {
                    Style::default().add_modifier(ratatui::style::Modifier::BOLD)
                }
                clock::Urgency::FiveMinutes => {
                    theme.warning().add_modifier(ratatui::style::Modifier::BOLD)
                }
                clock::Urgency::OneMinute => theme
                    .error()
                    .add_modifier(ratatui::style::Modifier::REVERSED),
            };
            Span::styled(format!("⏱ {} left", clock::clock_text(left)), style)
        }
        clock::Phase::Over => {
            let used = timing.time_used();
            Span::styled(
                format!(
                    "submitted {}",
                    used.map(clock::clock_text).unwrap_or_default()
                ),
                theme.dim(),
            )
        }
    };
    Some(Line::from(vec![Span::raw(" "), span, Span::raw(" ")]))
}

/// Draws a message in the bottom row, in red when it reports a problem; the
/// editor and the drafts browser both show theirs this way.
pub fn render_note(frame: &mut Frame, area: Rect, note: &Note, theme: &Theme) {
    let style = if note.problem {
        theme.error()
    } else {
        Style::default()
    };
    frame.render_widget(
        Paragraph::new(Span::styled(one_line(&note.text), style)),
        area,
    );
}

/// Draws the bottom row: the app's message when there is one (until the
/// next key), otherwise the main keys, nano-style.
pub fn render_footer(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    if let Some(note) = &app.note {
        render_note(frame, area, note, theme);
        return;
    }
    let keys = [
        ("^S", "Save", "Save"),
        ("^Q", "Quit", "Quit"),
        ("Tab", "Pane", "Pane"),
        ("^F", "Flags", "Flags"),
        ("^N", "Figures", "Figs"),
        ("^P", "Passages", "Pass"),
        ("^D", "Drafts", "Drafts"),
        ("F1", "Help", "Help"),
    ];
    let roomy = area.width >= ROOMY;
    let mut spans = Vec::new();
    // Narrow footers leave out ^N (it is in the help) so F1 Help stays.
    for (key, long, short) in keys.into_iter().filter(|(k, _, _)| roomy || *k != "^N") {
        spans.push(Span::styled(key, theme.key()));
        spans.push(Span::raw(if roomy {
            format!(" {long}  ")
        } else {
            format!(" {short} ")
        }));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// Whether a flag counts among "other flags": not a figure, not the length
/// or the title, which have their own places in the bar.
fn counts_as_other(kind: FlagKind) -> bool {
    !kind.is_number()
        && !matches!(
            kind,
            FlagKind::TooLong
                | FlagKind::TooShort
                | FlagKind::MissingTitle
                | FlagKind::TitleLength
                | FlagKind::TitleNotAllowed
        )
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
