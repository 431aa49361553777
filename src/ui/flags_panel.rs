//! The flags panel: every finding with its message; choosing one moves the
//! précis cursor to it and scrolls the source to what it refers to.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, HighlightSpacing, List, ListItem, ListState, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::app::{App, Focus};
use super::theme::Theme;
use super::wrap::wrap;
use crate::analysis::coverage::Levels;
use crate::analysis::readability::Readability;
use crate::analysis::report::Severity;
use crate::analysis::target::LengthStatus;
use crate::exam::Feedback;
use crate::text::sanitize::one_line;

/// Where a flag stands, as the student sees the fields: `title`, or the
/// body's `line:column`.
fn place(app: &App, flag: &crate::analysis::report::Flag) -> String {
    use super::marks::Field;
    use crate::analysis::report::FlagKind;
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
    flag: &crate::analysis::report::Flag,
    title_in_field: bool,
) -> std::borrow::Cow<'_, str> {
    use crate::analysis::report::FlagKind;
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
        FlagKind::Spelling | FlagKind::SpellingVariant => {
            format!("{} · Enter: suggestions", flag.message).into()
        }
        FlagKind::DeclaredCount => format!("{} · Ctrl+T writes it", flag.message).into(),
        _ => flag.message.as_str().into(),
    }
}

/// The flags as the status bar and the flags panel count them, alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tally {
    /// Wrong figures: figure errors (a figure only warned about, such as
    /// one the source does not state, is no error).
    pub wrong_figures: usize,
    /// Errors and warnings, what may cost marks: the status bar's "N flags",
    /// the panel's "Flags (N)" and the drafts table count these.
    pub flags: usize,
    /// Notes (info), listed in the panel after the count.
    pub notes: usize,
}

impl Tally {
    /// Counts `flags`.
    pub fn of(flags: &[crate::analysis::report::Flag]) -> Self {
        let notes = flags
            .iter()
            .filter(|f| f.severity == Severity::Info)
            .count();
        Tally {
            wrong_figures: flags
                .iter()
                .filter(|f| f.kind.is_number() && f.severity == Severity::Error)
                .count(),
            flags: flags.len() - notes,
            notes,
        }
    }
}

/// The mark beside the chosen flag, focused or not.
const CHOSEN: &str = "› ";

/// Columns before a flag's message: its severity mark and its place.
const MESSAGE_COLUMN: usize = 10;

/// Rows the flag list keeps however short the panel: the summary lines
/// give way first, the readability pair before the coverage line.
const LIST_ROWS: u16 = 3;

/// Draws the flags panel into `area`: the chosen flag is marked `›` (and
/// shown in reverse video while the panel has focus).
pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let focused = app.focus == Focus::Flags;
    let flags = &app.report.flags;
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border(focused))
        .title(title(app, area.width));
    let inner = block.inner(area);
    app.remember(|a| a.flags = inner);
    let mut summary = if app.shows(Feedback::All) {
        summary_lines(app, usize::from(inner.width), theme)
    } else {
        Vec::new()
    };
    let room = inner.height.saturating_sub(LIST_ROWS);
    summary.truncate(match room {
        0 => 0,
        1..3 => 1,
        3 => 3,
        // The wordy phrases' line, when there is one, comes last.
        _ => 4,
    });
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
        let room = usize::from(inner.width)
            .saturating_sub(CHOSEN.width() + MESSAGE_COLUMN)
            .max(10);
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
                for (n, row) in wrap(&message, 0, room).into_iter().enumerate() {
                    let piece = Span::raw(message[row].to_string());
                    match n {
                        0 => lines[0].spans.push(piece),
                        _ => lines.push(Line::from(vec![
                            Span::raw(" ".repeat(MESSAGE_COLUMN)),
                            piece,
                        ])),
                    }
                }
                ListItem::new(lines)
            })
            .collect()
    };
    let list = List::new(items)
        .highlight_symbol(CHOSEN)
        .highlight_spacing(HighlightSpacing::Always)
        .highlight_style(if focused {
            theme.selected()
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        });
    let mut state =
        ListState::default().with_selected((!flags.is_empty()).then_some(app.flag_selected));
    frame.render_stateful_widget(list, list_area, &mut state);
}

/// The panel's title in `width` columns: the count of flags (as the status
/// bar gives it) and of notes, then the keys as far as they fit.
fn title(app: &App, width: u16) -> String {
    let tally = Tally::of(&app.report.flags);
    let count = match tally.notes {
        0 => format!(" Flags ({}) ", tally.flags),
        1 => format!(" Flags ({}) + 1 note ", tally.flags),
        n => format!(" Flags ({}) + {n} notes ", tally.flags),
    };
    let review = if app.read_only && app.exam.is_some() {
        "Ctrl+F review · "
    } else {
        ""
    };
    super::fit::first_fitting(
        &[
            format!("{count}· ↑↓ choose · Enter go to · {review}Esc close "),
            format!("{count}· Enter go to · {review}Esc close "),
            format!("{count}· Esc close "),
            count,
            format!(" Flags ({}) ", tally.flags),
        ],
        usize::from(width.saturating_sub(2)),
    )
}

/// Lines above the flags: how much of the passage the précis covers, with
/// the gutter's shades as a legend, and how readable the précis is beside
/// the source, each in the longest form that fits in `width` columns (the
/// two readability lines in the same form, so they compare); and, over the
/// band, the words its wordy phrases would save.
fn summary_lines(app: &App, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let coverage = &app.report.coverage;
    let steps = Levels::of(&coverage.sentences);
    let r = &app.report.readability;
    let covers = Span::styled(
        format!("Covers {:.0}% ", coverage.overall * 100.0),
        theme.dim(),
    );
    let long = vec![
        covers.clone(),
        Span::styled("█", theme.good()),
        Span::raw(format!(" {} covered ", steps.covered)),
        Span::styled("▒", theme.warning()),
        Span::raw(format!(" {} partly ", steps.partly)),
        Span::styled("░", theme.dim()),
        Span::raw(format!(" {} not", steps.not)),
    ];
    let short = vec![
        covers,
        Span::styled("█", theme.good()),
        Span::raw(format!(" {} ", steps.covered)),
        Span::styled("▒", theme.warning()),
        Span::raw(format!(" {} ", steps.partly)),
        Span::styled("░", theme.dim()),
        Span::raw(format!(" {}", steps.not)),
    ];
    let coverage_line = if !app.coverage_known() {
        Line::styled("Coverage: measured when you pause…", theme.dim())
    } else if Line::from(long.clone()).width() <= width {
        Line::from(long)
    } else {
        Line::from(short)
    };
    let forms = |r: &Readability| {
        let (avg, max) = (r.average_sentence_words, r.longest_sentence_words);
        let (ease, grade) = (r.flesch_reading_ease, r.flesch_kincaid_grade);
        [
            format!("{avg:.0} words/sentence, max {max} · ease {ease:.0} · grade {grade:.0}"),
            format!("{avg:.0} words/sentence, max {max} · grade {grade:.0}"),
            format!("{avg:.0} words/sentence · grade {grade:.0}"),
        ]
    };
    let (precis, source) = (forms(&r.precis), forms(&r.source));
    let name = "Précis ".width();
    let form = (0..precis.len())
        .find(|&i| name + precis[i].width().max(source[i].width()) <= width)
        .unwrap_or(precis.len() - 1);
    let sentences = |label: &str, text: &str| {
        Line::from(vec![
            Span::styled(format!("{label} "), theme.dim()),
            Span::raw(text.to_string()),
        ])
    };
    let mut lines = vec![
        coverage_line,
        sentences("Précis", &precis[form]),
        sentences("Source", &source[form]),
    ];
    let t = &app.report.target;
    let saves = app.report.wordy_savings;
    if t.status == LengthStatus::Over && saves > 0 {
        lines.push(Line::from(vec![
            Span::styled("Wordy phrases: ", theme.warning()),
            Span::raw(format!(
                "{saves} word{} to save of the {} over",
                if saves == 1 { "" } else { "s" },
                t.outside_band_by
            )),
        ]));
    }
    lines
}
