//! The status bar, always visible and updated on every keystroke: the word
//! count against the target with a gauge, the figure and other flags, the
//! title, and whether the draft is saved; and below it the main keys.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Span;
use ratatui::widgets::Paragraph;

use super::app::{App, SaveState};
use super::fit::{self, Part};
use super::flags_panel::Tally;
use super::note;
use super::theme::Theme;
use crate::analysis::report::Severity;
use crate::analysis::target::LengthStatus;
use crate::exam::{Feedback, clock};

/// Cells of the length gauge in its long and short forms.
const GAUGE: [usize; 2] = [12, 5];

/// Draws the status line into `area` (one row). A narrow bar gives up,
/// in this order: half the gauge, the rest of it, the band, the time of the
/// last save, UPSC's "no title", the hint that checks are hidden (first its
/// "until the review"), the exam's time used, good news ("figures ✓",
/// "title ✓", "no flags ✓"), the count's "words", `saved`, a title
/// problem, the clock's "left", how far from the band, the word "flags",
/// then the flags, and last the word "figures". The word count, the
/// number of wrong figures, the clock, `NOT SAVED` and `read-only` are
/// never given up.
pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    // A column of margin at each end.
    let inner = Rect {
        x: area.x + 1,
        width: area.width.saturating_sub(2),
        ..area
    };
    let line = fit::bar(
        left_parts(app, theme),
        save_part(app, theme).into_iter().collect(),
        usize::from(inner.width),
        theme.dim(),
    );
    frame.render_widget(Paragraph::new(line), inner);
}

/// The parts from the left edge: clock, gauge, count, then the checks.
fn left_parts(app: &App, theme: &Theme) -> Vec<Part> {
    let mut parts: Vec<Part> = exam_clock(app, theme).into_iter().collect();
    if let Some((long, short)) = pending(app) {
        parts.push(
            Part::new(" │ ")
                .or(40, vec![Span::styled(long, theme.dim())])
                .or(0, vec![Span::styled(short, theme.dim())]),
        );
        return parts;
    }
    if !app.shows(Feedback::Counts) {
        parts.push(
            Part::new(" │ ")
                .or(
                    50,
                    vec![Span::styled("words hidden until the review", theme.dim())],
                )
                .or(0, vec![Span::styled("words hidden", theme.dim())]),
        );
        return parts;
    }
    let t = &app.report.target;
    let words = app.report.precis.words;
    let ratio = if t.words == 0 {
        0.0
    } else {
        (words as f64 / t.words as f64).min(1.0)
    };
    let length = theme.length(t.status);
    let count = Span::styled(format!("{words}/{} words", t.words), length);
    let with_gauge = |cells| {
        let mut spans = gauge(ratio, cells, length, theme);
        spans.extend([Span::raw(" "), count.clone()]);
        spans
    };
    parts.push(
        Part::new(" │ ")
            .or(10, with_gauge(GAUGE[0]))
            .or(12, with_gauge(GAUGE[1]))
            .or(45, vec![count.clone()])
            .or(
                0,
                vec![Span::styled(format!("{words}/{}", t.words), length)],
            ),
    );
    parts.push(
        Part::new(" ")
            .or(
                15,
                vec![Span::styled(format!("({}–{})", t.min, t.max), length)],
            )
            .or_nothing(),
    );
    let where_ = match t.status {
        LengthStatus::Under => format!("{} to go", t.min - words),
        LengthStatus::Within => "on target".to_string(),
        LengthStatus::Over => format!("{} over", words - t.max),
    };
    parts.push(
        Part::new(" ")
            .or(65, vec![Span::styled(where_, length)])
            .or_nothing(),
    );
    if let Some(selected) = app.selected_words() {
        parts.push(
            Part::new(" · ")
                .or(
                    60,
                    vec![Span::styled(format!("{selected} selected"), theme.key())],
                )
                .or(
                    0,
                    vec![Span::styled(format!("{selected} sel"), theme.key())],
                ),
        );
    }
    if !app.shows(Feedback::All) {
        parts.push(
            Part::new(" │ ")
                .or(
                    35,
                    vec![Span::styled("checks hidden until the review", theme.dim())],
                )
                .or(25, vec![Span::styled("checks hidden", theme.dim())])
                .or_nothing(),
        );
        return parts;
    }
    let Tally {
        wrong_figures: figures,
        flags,
        ..
    } = Tally::of(&app.report.flags);
    parts.push(if figures > 0 {
        Part::new(" │ ")
            .or(
                80,
                vec![Span::styled(
                    format!("✗ {figures} figure{}", plural(figures)),
                    theme.error(),
                )],
            )
            .or(0, vec![Span::styled(format!("✗ {figures}"), theme.error())])
    } else if app
        .report
        .flags
        .iter()
        .any(|f| f.kind.is_number() && f.severity != Severity::Info)
    {
        // A figure to check is no error, but no good news either.
        Part::new(" │ ")
    } else {
        Part::new(" │ ")
            .or(40, vec![Span::styled("figures ✓", theme.good())])
            .or_nothing()
    });
    let errors = app
        .report
        .flags
        .iter()
        .any(|f| f.severity == Severity::Error);
    let (mark, style) = if errors {
        ("✗ ", theme.error())
    } else {
        ("⚠ ", theme.warning())
    };
    parts.push(if flags > 0 {
        Part::new(" │ ")
            .or(
                70,
                vec![Span::styled(
                    format!("{mark}{flags} flag{}", plural(flags)),
                    style,
                )],
            )
            .or(8, vec![Span::styled(format!("{mark}{flags}"), style)])
            .or_nothing()
    } else {
        Part::new(" │ ")
            .or(40, vec![Span::styled("no flags ✓", theme.good())])
            .or_nothing()
    });
    let title = match (app.marks.title_problem, app.report.precis.title.is_some()) {
        (Some(_), false) => Part::new(" │ ").or(55, vec![Span::styled("no title", theme.error())]),
        (Some(_), true) => Part::new(" │ ").or(55, vec![Span::styled("title ✗", theme.warning())]),
        (None, true) => Part::new(" │ ").or(40, vec![Span::styled("title ✓", theme.good())]),
        (None, false) => Part::new(" │ ").or(20, vec![Span::styled("no title", theme.dim())]),
    };
    parts.push(title.or_nothing());
    parts
}

/// The length gauge as `cells` cells, the filled share in `filled`.
fn gauge(ratio: f64, cells: usize, filled: Style, theme: &Theme) -> Vec<Span<'static>> {
    let full = ((ratio * cells as f64).round() as usize).min(cells);
    vec![
        Span::styled("━".repeat(full), filled),
        Span::styled("─".repeat(cells - full), theme.dim()),
    ]
}

/// Whether the text is safe, against the right edge: nothing until
/// something was saved, then `saved` and its time; `unsaved`, `NOT SAVED`
/// when saving failed, and `read-only` for a submitted exam.
fn save_part(app: &App, theme: &Theme) -> Option<Part> {
    let part = Part::new("");
    Some(match &app.save {
        _ if app.read_only => part.or(90, vec![Span::styled("read-only", theme.warning())]),
        SaveState::Failed(_) => part.or(100, vec![Span::styled("NOT SAVED", theme.error())]),
        SaveState::Saved(None) => return None,
        SaveState::Saved(Some(at)) => part
            .or(18, vec![Span::styled(format!("saved {at}"), theme.good())])
            .or(50, vec![Span::styled("saved", theme.good())])
            .or_nothing(),
        SaveState::Unsaved => part
            .or(50, vec![Span::styled("unsaved", theme.dim())])
            .or_nothing(),
    })
}

/// What the checks are waiting for, at length and in short: a big source
/// analysed on its thread, or a big précis drawn before its first check.
fn pending(app: &App) -> Option<(String, &'static str)> {
    if app.source.is_partial() {
        let size = megabytes(app.source.text().len());
        Some((
            format!("reading the source ({size} MB): counts and checks follow"),
            "reading the source…",
        ))
    } else if app.checking() {
        let size = megabytes(app.body.lines().iter().map(|l| l.len() + 1).sum());
        Some((format!("checking the précis ({size} MB)…"), "checking…"))
    } else {
        None
    }
}

/// `bytes` in whole megabytes, rounded, at least 1.
fn megabytes(bytes: usize) -> usize {
    ((bytes + (1 << 19)) >> 20).max(1)
}

/// The exam clock: reading time, time left (in the warning colour from
/// five minutes, red from one), or the time used once submitted.
fn exam_clock(app: &App, theme: &Theme) -> Option<Part> {
    let timing = app.exam?;
    let part = Part::new("");
    Some(match clock::phase(&timing, app.now) {
        clock::Phase::Reading(left) => {
            let left = clock::clock_text(left);
            part.or(
                60,
                vec![Span::styled(format!("reading {left}"), theme.dim())],
            )
            .or(0, vec![Span::styled(left.clone(), theme.dim())])
        }
        clock::Phase::Writing(left) => {
            let style = match clock::urgency(left) {
                clock::Urgency::Calm => Style::default().add_modifier(Modifier::BOLD),
                clock::Urgency::FiveMinutes => theme.warning().add_modifier(Modifier::BOLD),
                clock::Urgency::OneMinute => theme.error().add_modifier(Modifier::REVERSED),
            };
            let left = clock::clock_text(left);
            part.or(60, vec![Span::styled(format!("⏱ {left} left"), style)])
                .or(0, vec![Span::styled(format!("⏱ {left}"), style)])
        }
        clock::Phase::Over => {
            let used = timing
                .time_used()
                .map(clock::clock_text)
                .unwrap_or_default();
            part.or(
                30,
                vec![Span::styled(format!("submitted {used}"), theme.dim())],
            )
            .or(0, vec![Span::styled("submitted", theme.dim())])
        }
    })
}

/// Draws the bottom rows: the app's message when there is one (until the
/// next key), otherwise the keys that work now, nano-style: in an exam
/// being written, submitting rather than other passages and drafts; in a
/// submitted one, copying it to practice rather than saving. A narrow
/// footer gives up the keys the help lists first.
pub fn render_footer(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    if let Some(note) = &app.note {
        note::render(frame, area, note, theme);
        return;
    }
    let keys: &[(&str, &str, &str, u8)] = if app.exam_running() {
        &[
            ("^S", "Save", "Save", 90),
            ("^Q", "Quit", "Quit", 90),
            ("Tab", "Pane", "Pane", 40),
            ("^E", "Submit", "Submit", 95),
            ("^F", "Flags", "Flags", 50),
            ("F1", "Help", "Help", 99),
        ]
    } else if app.read_only {
        &[
            ("^Q", "Quit", "Quit", 90),
            ("Tab", "Pane", "Pane", 40),
            ("^F", "Flags/review", "Flags", 60),
            ("^K", "Copy to practice", "Copy", 80),
            ("^D", "Drafts", "Drafts", 50),
            ("F1", "Help", "Help", 99),
        ]
    } else {
        &[
            ("^S", "Save", "Save", 90),
            ("^Q", "Quit", "Quit", 90),
            ("Tab", "Pane", "Pane", 40),
            ("^F", "Flags", "Flags", 70),
            ("^N", "Figures", "Figs", 10),
            ("^P", "Passages", "Pass", 60),
            ("^D", "Drafts", "Drafts", 50),
            ("F1", "Help", "Help", 99),
        ]
    };
    let hidden = !app.shows(Feedback::All);
    let parts: Vec<Part> = keys
        .iter()
        .filter(|(key, ..)| !(hidden && *key == "^F"))
        .map(|&(key, long, short, keep)| {
            let key = Span::styled(key, theme.key());
            let part = Part::new("  ");
            let part = if short == long {
                part
            } else {
                part.or(30, vec![key.clone(), Span::raw(format!(" {long}"))])
            };
            part.or(keep, vec![key, Span::raw(format!(" {short}"))])
                .or_nothing()
        })
        .collect();
    let line = fit::bar(parts, Vec::new(), usize::from(area.width), Style::new());
    frame.render_widget(Paragraph::new(line), area);
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
