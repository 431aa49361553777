//! The questions an exam asks before something that cannot be undone:
//! handing in (with the length against the band and the time left), leaving
//! while the clock runs, and starting an exam from the passage picker.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::app::{App, Opening};
use super::theme::Theme;
use crate::exam::clock::{Phase, clock_text};
use crate::exam::{Feedback, prompts};
use crate::text::sanitize::one_line;

/// The widest a question box grows.
const MAX_WIDTH: u16 = 76;

/// Draws "Submit now?": the précis's length against the band (unless the
/// exam hides the count) and the writing time left.
pub fn render_submit(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let left = match app.phase() {
        Some(Phase::Writing(left)) => format!("{} left", clock_text(left)),
        _ => "time is up".to_string(),
    };
    let state = if app.shows(Feedback::Counts) {
        format!(
            "{} · {left}",
            prompts::against_band(app.report.precis.words, &app.report.target)
        )
    } else {
        left
    };
    let lines = vec![
        Line::raw("Hand in your précis now? It cannot be changed afterwards."),
        Line::raw(state),
        answers("submit", "keep writing", theme),
    ];
    dialog(frame, area, " Submit ", lines, theme);
}

/// Draws "Leave the exam?": the clock keeps running while the student is
/// away, and when time is up.
pub fn render_quit(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let left = app
        .exam
        .map_or_else(Default::default, |t| prompts::until_deadline(&t, app.now));
    let lines = vec![
        Line::raw(format!(
            "The clock keeps running while you are away: time is up in {}.",
            clock_text(left)
        )),
        Line::raw("Your précis is saved; run precis again to go back to it."),
        answers("leave", "keep writing", theme),
    ];
    dialog(frame, area, " Leave the exam? ", lines, theme);
}

/// Draws "Start an exam?" for `opening`, chosen in the passage picker, with
/// how long the exam runs.
pub fn render_start(frame: &mut Frame, area: Rect, app: &App, opening: &Opening, theme: &Theme) {
    let name = match opening {
        Opening::BuiltIn(id) => crate::passages::find(id).map_or(id.as_str(), |p| p.title()),
        Opening::File(path) => path.as_str(),
    };
    let plan = prompts::plan_text(app.exam_plan.writing, app.exam_plan.reading);
    let lines = vec![
        Line::raw(format!("Start a timed exam on “{}”?", one_line(name))),
        Line::raw(format!(
            "{plan}. The clock starts at once and runs until you hand in."
        )),
        answers("start", "back to the passages", theme),
    ];
    dialog(frame, area, " Start an exam ", lines, theme);
}

/// The answer line: ` y  {yes}   any other key  {no}`.
fn answers(yes: &str, no: &str, theme: &Theme) -> Line<'static> {
    Line::from(vec![
        Span::styled(" y ", theme.key()),
        Span::raw(format!(" {yes}   ")),
        Span::styled(" any other key ", theme.key()),
        Span::raw(format!(" {no}")),
    ])
}

/// A bordered box titled `title`, centred in `area`, as wide as its longest
/// line allows and tall enough for its lines once wrapped.
fn dialog(frame: &mut Frame, area: Rect, title: &str, lines: Vec<Line<'static>>, theme: &Theme) {
    let widest = lines.iter().map(Line::width).max().unwrap_or(0);
    let width = (widest as u16 + 4).min(MAX_WIDTH).min(area.width);
    let inner = usize::from(width.saturating_sub(4)).max(1);
    // Word wrap can need a row more than the width alone says.
    let rows: usize = lines
        .iter()
        .map(|l| match l.width() {
            w if w <= inner => 1,
            w => w.div_ceil(inner) + 1,
        })
        .sum();
    let height = (rows as u16 + 2).min(area.height);
    let box_area = super::layout::centred(area, width, height);
    frame.render_widget(Clear, super::layout::with_margin(box_area, area));
    let block = Block::default()
        .borders(Borders::ALL)
        .title(title.to_string())
        .border_style(theme.border(true));
    let inside = block.inner(box_area);
    frame.render_widget(block, box_area);
    let padded = Rect {
        x: inside.x + 1,
        width: inside.width.saturating_sub(2),
        ..inside
    };
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), padded);
}
