//! The source pane: the passage, read-only, word-wrapped once per width and
//! cached, with the figures and phrases the flags point at highlighted.
//! Every character passes through the terminal-safe stand-in, so escape
//! sequences in a file are shown, never obeyed.

use std::ops::Range;

use std::hash::{Hash, Hasher};

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, Borders, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState, Widget,
};
use rustc_hash::FxHasher;
use unicode_width::UnicodeWidthStr;

use super::app::{App, Focus};
use super::theme::Theme;
use super::wrap::Drawn;
use crate::analysis::coverage::Level;
use crate::analysis::report::FlagKind;
use crate::exam::Feedback;
use crate::text::sanitize::stand_in;

/// Draws the source pane into `area`.
pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let analysis = &app.source.analysis;
    let title = if app.source.is_partial() {
        super::fit::shorten(
            &format!(
                " Source: {} · reading… ",
                crate::text::sanitize::one_line(&app.source.name)
            ),
            usize::from(area.width.saturating_sub(2)),
        )
    } else {
        title(
            &crate::text::sanitize::one_line(&app.source.name),
            analysis.words(),
            app.report.target.words,
            usize::from(area.width.saturating_sub(2)),
        )
    };
    let focused = app.focus == Focus::Source;
    let mut block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border(focused))
        .title(title);
    if app.shows(Feedback::All) {
        block = block.title_bottom(if app.coverage_known() {
            format!(" covered {:.0}% ", app.report.coverage.overall * 100.0)
        } else {
            " coverage… ".to_string()
        });
    }
    let inner = block.inner(area);
    frame.render_widget(block, area);
    app.remember(|a| a.source = inner);
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    let text = analysis.text();
    // The coverage gutter (two columns) and the scrollbar (one) take room
    // from the text, but only while the feedback is on.
    let gutter = if app.shows(Feedback::All) && inner.width > 12 {
        GUTTER
    } else {
        0
    };
    let width = usize::from(inner.width.saturating_sub(1 + gutter));
    let mut cache = app.wrap.borrow_mut();
    if let Some(offset) = app.source_reveal.take() {
        let row = cache.row_of(text, analysis.passage_start(), width, offset);
        app.source_scroll.set(row.saturating_sub(3));
    }
    let rows = cache.rows(text, analysis.passage_start(), width);
    let row_count = rows.len();
    let height = usize::from(inner.height);
    let top = app
        .source_scroll
        .get()
        .min(rows.len().saturating_sub(height));
    app.source_scroll.set(top);
    let visible: Vec<Range<usize>> = rows[top..(top + height).min(rows.len())].to_vec();
    let span = visible.first().map_or(0, |r| r.start)..visible.last().map_or(0, |r| r.end);
    let highlights = highlights(app, theme, span.clone());
    let text_area = Rect {
        x: inner.x + gutter,
        width: inner.width.saturating_sub(1 + gutter),
        ..inner
    };
    let mut key = FxHasher::default();
    (text_area, span, text.len(), &highlights).hash(&mut key);
    let key = key.finish();
    let buf = frame.buffer_mut();
    match &cache.drawn {
        Some(d) if d.key == key && d.area == text_area => {
            let width = usize::from(text_area.width);
            for (y, row) in (text_area.y..text_area.bottom()).zip(d.cells.chunks(width)) {
                let at = buf.index_of(text_area.x, y);
                buf.content[at..at + width].clone_from_slice(row);
            }
        }
        _ => {
            let lines: Vec<Line> = visible
                .iter()
                .map(|r| styled_row(text, r.clone(), &highlights))
                .collect();
            Paragraph::new(lines).render(text_area, buf);
            cache.drawn = Some(Drawn {
                key,
                area: text_area,
                cells: text_area.positions().map(|p| buf[p].clone()).collect(),
            });
        }
    }
    if gutter > 0 {
        let bars: Vec<Line> = visible
            .iter()
            .map(|r| coverage_bar(app, theme, r.clone()))
            .collect();
        let gutter_area = Rect {
            width: gutter,
            ..inner
        };
        frame.render_widget(Paragraph::new(bars), gutter_area);
    }
    if row_count > height {
        let mut state = ScrollbarState::new(row_count.saturating_sub(height))
            .position(top)
            .viewport_content_length(height);
        frame.render_stateful_widget(
            Scrollbar::new(ScrollbarOrientation::VerticalRight),
            inner,
            &mut state,
        );
    }
}

/// The least of a source's name shown before the name gives way to the
/// counts.
const MIN_NAME: usize = 10;

/// The pane's title in `width` columns: the source's name, its words and
/// the target; a long name is shortened (by display width) down to
/// [`MIN_NAME`] columns, then the word count goes, then the name.
fn title(name: &str, words: usize, target: usize, width: usize) -> String {
    let named = |counts: &str, prefix: &str| {
        let room = width.saturating_sub(prefix.width() + counts.width());
        (room >= MIN_NAME.min(name.width()))
            .then(|| format!("{prefix}{}{counts}", super::fit::shorten(name, room)))
    };
    let full = format!(" · {words} words · target {target} ");
    let short = format!(" · target {target} ");
    named(&full, " Source: ")
        .or_else(|| named(&short, " "))
        .unwrap_or_else(|| {
            super::fit::first_fitting(&[format!(" Source{short}"), " Source ".to_string()], width)
        })
}

/// Columns of the coverage gutter: the bar and a space.
const GUTTER: u16 = 2;

/// The gutter cells of one display row: how well the précis covers the
/// sentence the row belongs to, and `•` beside a key point of the passage.
/// Shade and colour both tell the step, so it reads on a monochrome
/// terminal too; key points the flags name as left out are red, and key
/// points are never dim. Before coverage is first measured, `·`.
fn coverage_bar(app: &App, theme: &Theme, row: Range<usize>) -> Line<'static> {
    if !app.coverage_known() {
        return Line::from(Span::styled("·", theme.dim()));
    }
    let sentences = &app.report.coverage.sentences;
    let i = sentences.partition_point(|s| s.end <= row.start);
    let Some(s) = sentences
        .get(i)
        .filter(|s| s.start < row.end.max(row.start + 1))
    else {
        return Line::raw(" ");
    };
    let key_point_left_out = app.report.flags.iter().any(|f| {
        f.kind == FlagKind::UncoveredPoint
            && f.source.as_ref().is_some_and(|at| at.start == s.start)
    });
    let (bar, style) = match s.level() {
        Level::Covered => ("█", theme.good()),
        Level::Partly => ("▒", theme.warning()),
        Level::Not if key_point_left_out => ("░", theme.error()),
        Level::Not if s.key => ("░", Style::default()),
        Level::Not => ("░", theme.dim()),
    };
    let key = if s.key && row.start <= s.start {
        "•"
    } else {
        " "
    };
    Line::from(vec![Span::styled(bar, style), Span::raw(key)])
}

/// The highlighted byte ranges overlapping `visible`, with their styles;
/// later entries win.
fn highlights(app: &App, theme: &Theme, visible: Range<usize>) -> Vec<(Range<usize>, Style)> {
    let overlaps = |r: &Range<usize>| r.start < visible.end && r.end > visible.start;
    let mut out: Vec<(Range<usize>, Style)> = Vec::new();
    if app.show_figures {
        out.extend(
            app.source
                .analysis
                .figures()
                .filter(overlaps)
                .map(|r| (r, theme.figure())),
        );
    }
    out.extend(
        app.marks
            .source
            .iter()
            .filter(|(r, _)| overlaps(r))
            .map(|(r, k)| (r.clone(), theme.mark(*k))),
    );
    if let Some(r) = app.source_focus.as_ref().filter(|r| overlaps(r)) {
        out.push((r.clone(), theme.chosen()));
    }
    out
}

/// One display row, its characters made safe and styled by the highlights.
fn styled_row(
    text: &str,
    row: Range<usize>,
    highlights: &[(Range<usize>, Style)],
) -> Line<'static> {
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut run = String::new();
    let mut run_style = Style::default();
    for (i, c) in text[row.clone()].char_indices() {
        let at = row.start + i;
        let style = highlights
            .iter()
            .filter(|(r, _)| r.contains(&at))
            .fold(Style::default(), |s, (_, h)| s.patch(*h));
        if style != run_style && !run.is_empty() {
            spans.push(Span::styled(std::mem::take(&mut run), run_style));
        }
        run_style = style;
        run.push(if c == '\t' { ' ' } else { stand_in(c) });
    }
    if !run.is_empty() {
        spans.push(Span::styled(run, run_style));
    }
    Line::from(spans)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_title_gives_way_by_design() {
        let name = "这是一个非常长的中文标题用于测试";
        let wide = title(name, 3000, 1000, 100);
        assert_eq!(wide, format!(" Source: {name} · 3000 words · target 1000 "));
        let half = title(name, 3000, 1000, 48);
        assert_eq!(half, " Source: 这是一个非… · 3000 words · target 1000 ");
        assert!(half.width() <= 48);
        assert_eq!(title(name, 3000, 1000, 30), " 这是一个非常… · target 1000 ");
        assert_eq!(title(name, 3000, 1000, 24), " Source · target 1000 ");
        assert_eq!(title(name, 3000, 1000, 12), " Source ");
        assert_eq!(
            title("Tax", 449, 150, 38),
            " Source: Tax · 449 words · target 150 "
        );
    }
}
