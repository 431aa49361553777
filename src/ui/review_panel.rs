//! The exam review panel, shown once an attempt is handed in: the time used,
//! the checklist in exam terms, and a chart of words written over time
//! against the target, so a student sees both what to fix and how they paced
//! themselves. The rules it shows (the clock, the checklist) are the exam's,
//! in `exam/`; this file only draws them.

use std::cell::Cell;
use std::time::Duration;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Axis, Block, Borders, Chart, Dataset, GraphType, Paragraph, Scrollbar, ScrollbarOrientation,
    ScrollbarState, Widget,
};
use unicode_width::UnicodeWidthStr;

use super::fit;
use super::theme::Theme;
use super::wrap::flow;
use crate::analysis::Preset;
use crate::analysis::report::Report;
use crate::exam::checklist::{Check, checklist};
use crate::exam::clock::clock_text;
use crate::exam::timing::ExamTiming;
use crate::store::Sample;
use crate::text::sanitize::one_line;

/// Everything the review shows about one exam attempt.
#[derive(Debug, Clone, Copy)]
pub struct Review<'a> {
    /// The report on the précis as handed in.
    pub report: &'a Report,
    /// The title rule the attempt was written under.
    pub preset: Preset,
    /// The attempt's clock.
    pub timing: ExamTiming,
    /// Body words over time while writing.
    pub timeline: &'a [Sample],
}

/// Wider than this, the checklist and the chart stand side by side.
const SIDE_BY_SIDE: u16 = 100;

/// The chart's height (title, plot, axis and labels) below which the
/// stacked layout gives up its blank rows, and what it is given when the
/// review scrolls.
const MIN_CHART_ROWS: u16 = 8;

/// The least height of a chart that still reads (title, three rows of
/// plot, axis and labels): with less room than that, the review scrolls.
const SMALL_CHART_ROWS: u16 = 6;

/// How much higher than the target the chart's word axis reaches at least.
const HEADROOM: f64 = 1.3;

/// Draws the review of `review` into `area`, scrolled down by `scroll`
/// rows when it is taller than the panel (the value is clamped to the
/// content and written back); `focused` when the review takes the keys
/// that scroll it. The title names the keys, as far as they fit.
pub fn render(
    frame: &mut Frame,
    area: Rect,
    review: &Review,
    scroll: &Cell<usize>,
    focused: bool,
    theme: &Theme,
) {
    let probe = Block::default().borders(Borders::ALL).inner(area);
    let checks = checklist(review.report, review.preset);
    let header = header(review, &checks, probe.width, theme);
    let (content, gaps) = content_rows(review, &checks, &header, area.width, probe);
    let scrolls = content > probe.height;
    let hints: &[&str] = if scrolls {
        &[
            " Exam review · ↑↓ PgUp/PgDn scroll · Ctrl+F flags · Esc close ",
            " Exam review · ↓ PgDn scroll · Esc close ",
            " Exam review · Esc close ",
            " Exam review ",
        ]
    } else {
        &[
            " Exam review · Ctrl+F flags · Esc close ",
            " Exam review · Esc close ",
            " Exam review ",
        ]
    };
    let hints: Vec<String> = hints.iter().map(|h| h.to_string()).collect();
    let mut block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border(focused))
        .title(fit::first_fitting(
            &hints,
            usize::from(area.width.saturating_sub(2)),
        ));
    let inner = block.inner(area);
    if inner.is_empty() {
        frame.render_widget(block, area);
        return;
    }
    let height = content.max(inner.height);
    let top = scroll.get().min(usize::from(height - inner.height));
    scroll.set(top);
    if scrolls {
        let below = usize::from(height - inner.height) - top;
        let place = if below > 0 {
            format!(" ↓ {below} more ")
        } else {
            " end ".to_string()
        };
        block = block.title_bottom(Line::from(place).right_aligned());
    }
    frame.render_widget(block, area);
    // Drawn whole off screen, then the rows in view copied in.
    let mut whole = Buffer::empty(Rect::new(0, 0, inner.width, height));
    draw(
        &mut whole,
        review,
        &checks,
        header,
        (area.width, gaps),
        theme,
    );
    let buf = frame.buffer_mut();
    for y in 0..inner.height {
        for x in 0..inner.width {
            buf[(inner.x + x, inner.y + y)] = whole[(x, y + top as u16)].clone();
        }
    }
    if scrolls {
        let mut state = ScrollbarState::new(usize::from(height - inner.height))
            .position(top)
            .viewport_content_length(usize::from(inner.height));
        frame.render_stateful_widget(
            Scrollbar::new(ScrollbarOrientation::VerticalRight),
            area.inner(ratatui::layout::Margin::new(0, 1)),
            &mut state,
        );
    }
}

/// The rows the review needs inside a panel `outer` columns wide whose
/// inside is `inner`, and whether it keeps its blank rows: the stacked
/// layout gives them up, and the chart shrinks, before the review scrolls.
fn content_rows(
    review: &Review,
    checks: &[Check],
    header: &[Line],
    outer: u16,
    inner: Rect,
) -> (u16, bool) {
    let header_rows = header.len() as u16;
    let pace_data = review.timeline.len() >= 2;
    let (chart, small_chart) = if pace_data {
        (MIN_CHART_ROWS, SMALL_CHART_ROWS)
    } else {
        (2, 2)
    };
    let rows =
        |width: u16| checklist_lines(checks, usize::from(width), &Theme::new(false)).len() as u16;
    if outer > SIDE_BY_SIDE {
        // The narrower of the two halves, so the estimate is never short.
        let half = inner.width.saturating_sub(2) / 2;
        return (header_rows + 1 + rows(half).max(chart), true);
    }
    let rows = rows(inner.width);
    let full = header_rows + 1 + rows + 1 + chart;
    let compact = header_rows + rows + small_chart;
    if inner.height < full && inner.height >= compact {
        (compact, false)
    } else {
        (full, true)
    }
}

/// Draws the whole review into `buf`, laid out for a panel `outer` columns
/// wide, with or without blank rows between its parts (`gaps`): the
/// header, then the checklist beside or above the pace chart.
fn draw(
    buf: &mut Buffer,
    review: &Review,
    checks: &[Check],
    header: Vec<Line<'static>>,
    (outer, gaps): (u16, bool),
    theme: &Theme,
) {
    let area = buf.area;
    let header_rows = header.len() as u16;
    if outer > SIDE_BY_SIDE {
        let [head_area, _, body] = Layout::vertical([
            Constraint::Length(header_rows),
            Constraint::Length(1),
            Constraint::Fill(1),
        ])
        .areas(area);
        Paragraph::new(header).render(head_area, buf);
        let [left, _, right] = Layout::horizontal([
            Constraint::Fill(1),
            Constraint::Length(2),
            Constraint::Fill(1),
        ])
        .areas(body);
        let lines = checklist_lines(checks, usize::from(left.width), theme);
        Paragraph::new(lines).render(left, buf);
        pace(buf, right, review, theme);
    } else {
        let lines = checklist_lines(checks, usize::from(area.width), theme);
        let rows = lines.len() as u16;
        let gap = u16::from(gaps);
        let [head_area, _, list, _, chart] = Layout::vertical([
            Constraint::Length(header_rows),
            Constraint::Length(gap),
            Constraint::Length(rows),
            Constraint::Length(gap),
            Constraint::Fill(1),
        ])
        .areas(area);
        Paragraph::new(header).render(head_area, buf);
        Paragraph::new(lines).render(list, buf);
        pace(buf, chart, review, theme);
    }
}

/// The time used against the time allowed, the rules and how many checks
/// pass: on one line when it fits in `width`, else on two.
fn header(review: &Review, checks: &[Check], width: u16, theme: &Theme) -> Vec<Line<'static>> {
    let allowed = Some(review.timing.allowed()).filter(|a| !a.is_zero());
    let mut time = vec![Span::raw("Time used ")];
    match review.timing.time_used() {
        Some(used) => {
            let late = allowed.is_some_and(|a| used > a);
            let style = if late {
                theme.error()
            } else {
                Style::default()
            };
            time.push(Span::styled(one_line(&clock_text(used)), style));
            if let Some(a) = allowed {
                time.push(Span::raw(one_line(&format!(" of {}", clock_text(a)))));
            }
        }
        None => {
            time = vec![Span::styled("Not submitted", theme.warning())];
            if let Some(a) = allowed {
                time.push(Span::raw(one_line(&format!(
                    " ({} allowed)",
                    clock_text(a)
                ))));
            }
        }
    }
    let passed = checks.iter().filter(|c| c.passed).count();
    let verdict = Span::styled(
        one_line(&format!(
            "{passed} of {} checks pass · {} rules",
            checks.len(),
            review.preset.name().to_uppercase()
        )),
        if passed == checks.len() {
            theme.good()
        } else {
            Style::default()
        },
    );
    let sep = Span::styled(" · ", theme.dim());
    let one_row = time.iter().map(|s| s.content.width()).sum::<usize>()
        + sep.content.width()
        + verdict.content.width();
    if one_row <= usize::from(width) {
        time.push(sep);
        time.push(verdict);
        vec![Line::from(time)]
    } else {
        vec![Line::from(time), Line::from(verdict)]
    }
}

/// The checklist as lines of at most `width` columns: `✓ label — detail`,
/// wrapped at spaces with a hanging indent under the mark.
fn checklist_lines(checks: &[Check], width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let room = width.saturating_sub(2).max(1);
    let mut lines = Vec::new();
    for check in checks {
        let (mark, mark_style, detail_style) = if check.passed {
            ("✓ ", theme.good(), theme.dim())
        } else {
            ("✗ ", theme.error(), Style::default())
        };
        // Each unit is one or more spans kept together on a row: words,
        // with the dash glued to the label's last word.
        let mut units: Vec<Vec<Span<'static>>> = one_line(&check.label)
            .split_whitespace()
            .map(|w| vec![Span::raw(w.to_string())])
            .collect();
        match units.last_mut() {
            Some(last) => last.push(Span::styled(" —", theme.dim())),
            None => units.push(vec![Span::styled("—", theme.dim())]),
        }
        units.extend(
            one_line(&check.detail)
                .split_whitespace()
                .map(|w| vec![Span::styled(w.to_string(), detail_style)]),
        );
        let lead = vec![Span::styled(mark, mark_style)];
        lines.extend(flow(units, room, 1, lead, "  "));
    }
    lines
}

/// The pace chart: words over minutes since the start, the target as a
/// level line, the deadline at the end of the time axis.
fn pace(buf: &mut Buffer, area: Rect, review: &Review, theme: &Theme) {
    let title = format!("Words over time · target {}", review.report.target.words);
    let block = Block::new().title(Span::styled(one_line(&title), theme.dim()));
    if review.timeline.len() < 2 {
        let note =
            Paragraph::new(Span::styled("No pace data for this attempt", theme.dim())).block(block);
        note.render(area, buf);
        return;
    }
    let timing = &review.timing;
    let minutes = |d: Duration| d.as_secs_f64() / 60.0;
    let latest = review
        .timeline
        .iter()
        .map(|s| s.at.duration_since(timing.started).as_secs_f64() / 60.0)
        .fold(0.0, f64::max);
    let allowed = Some(minutes(timing.allowed())).filter(|m| *m > 0.0);
    // Without a usable deadline, the axis ends at the last sample.
    let x_max = allowed.unwrap_or(latest).max(1.0 / 60.0);
    let points: Vec<(f64, f64)> = review
        .timeline
        .iter()
        .map(|s| {
            let m = s.at.duration_since(timing.started).as_secs_f64() / 60.0;
            (m.clamp(0.0, x_max), s.words as f64)
        })
        .collect();
    let target = review.report.target.words as f64;
    let most = review.timeline.iter().map(|s| s.words).max().unwrap_or(0) as f64;
    let y_max = (target * HEADROOM).max(most).ceil().max(1.0);
    let target_line = [(0.0, target), (x_max, target)];

    let datasets = vec![
        Dataset::default()
            .name(one_line(&format!("target {}", review.report.target.words)))
            .marker(Marker::Braille)
            .graph_type(GraphType::Line)
            .style(theme.dim())
            .data(&target_line),
        Dataset::default()
            .name("words")
            .marker(Marker::Braille)
            .graph_type(GraphType::Line)
            .style(theme.length(review.report.target.status))
            .data(&points),
    ];
    let end = clock_text(Duration::from_secs_f64(x_max * 60.0));
    let end = if allowed.is_some() {
        format!("{end} deadline")
    } else {
        end
    };
    let x_axis = Axis::default()
        .style(theme.dim())
        .bounds([0.0, x_max])
        .labels([
            one_line(&clock_text(Duration::ZERO)),
            one_line(&clock_text(Duration::from_secs_f64(x_max * 30.0))),
            one_line(&end),
        ]);
    let y_axis = Axis::default()
        .style(theme.dim())
        .bounds([0.0, y_max])
        .labels([
            "0".to_string(),
            format!("{}", (y_max / 2.0).round()),
            format!("{y_max}"),
        ]);
    let chart = Chart::new(datasets)
        .block(block)
        .x_axis(x_axis)
        .y_axis(y_axis)
        .legend_position(None);
    chart.render(area, buf);
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::Timestamp;

    fn at(s: i64) -> Timestamp {
        Timestamp::from_second(s).expect("timestamp")
    }

    fn timing(submitted: Option<i64>) -> ExamTiming {
        ExamTiming {
            reading_until: None,
            started: at(1_000),
            deadline: at(1_000 + 35 * 60),
            submitted: submitted.map(at),
        }
    }

    #[test]
    fn time_used_runs_from_start_to_submission() {
        assert_eq!(
            timing(Some(1_000 + 31 * 60 + 5)).time_used(),
            Some(Duration::from_secs(31 * 60 + 5))
        );
        assert_eq!(timing(None).time_used(), None);
        assert_eq!(
            timing(Some(900)).time_used(),
            None,
            "submitted before it started"
        );
        assert_eq!(timing(None).allowed(), Duration::from_secs(35 * 60));
    }
}
