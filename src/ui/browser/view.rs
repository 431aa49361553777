//! How the drafts browser is drawn: the table, the chosen passage's history
//! of attempts (a chart of words against the target), and a footer of keys
//! or the browser's note. It only reads the [`Browser`].

use std::time::Duration;

use jiff::Timestamp;
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Bar, BarChart, Block, Borders, Cell as TableCell, HighlightSpacing, List, ListItem, ListState,
    Paragraph, Row, Table, TableState, Wrap,
};

use unicode_width::UnicodeWidthStr;

use super::state::{Attempt, Browser, Entry};
use crate::text::sanitize::one_line;
use crate::ui::fit::shorten;
use crate::ui::note;
use crate::ui::theme::Theme;

/// The narrowest area the browser draws in.
const MIN_WIDTH: u16 = 40;
/// The shortest area the browser draws in.
const MIN_HEIGHT: u16 = 10;
/// The table's columns: title, source, date, mode, words/target, flags,
/// time.
const WIDTHS: [Constraint; 7] = [
    Constraint::Fill(3),
    Constraint::Fill(2),
    Constraint::Length(12),
    Constraint::Length(16),
    Constraint::Length(7),
    Constraint::Length(6),
    Constraint::Length(7),
];
/// The chosen row's marker.
const SYMBOL: &str = "› ";

/// Draws the browser into `area`: the table, the chosen passage's history
/// and a footer of keys. `now` gives how long ago the latest attempt was.
pub fn render(frame: &mut Frame, area: Rect, browser: &Browser, theme: &Theme, now: Timestamp) {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let message = format!(
            "Enlarge the window: the drafts browser needs at least {MIN_WIDTH}×{MIN_HEIGHT} (now {}×{}).",
            area.width, area.height
        );
        let [row] = Layout::vertical([Constraint::Length(3)])
            .flex(Flex::Center)
            .areas(area);
        frame.render_widget(
            Paragraph::new(message).wrap(Wrap { trim: true }).centered(),
            row,
        );
        return;
    }
    let history_height = (area.height.saturating_sub(1) * 2 / 5).clamp(6, 14);
    let [table_area, history_area, footer_area] = Layout::vertical([
        Constraint::Min(5),
        Constraint::Length(history_height),
        Constraint::Length(1),
    ])
    .areas(area);
    render_table(frame, table_area, browser, theme);
    render_history(frame, history_area, browser, theme, now);
    render_footer(frame, footer_area, browser, theme);
}

fn render_table(frame: &mut Frame, area: Rect, browser: &Browser, theme: &Theme) {
    let count = if browser.view.len() == browser.entries.len() {
        browser.entries.len().to_string()
    } else {
        format!("{} of {}", browser.view.len(), browser.entries.len())
    };
    let mut title = vec![Span::raw(format!(
        " Drafts ({count}) · sorted by {} ",
        browser.sort.label()
    ))];
    if browser.typing || !browser.filter.is_empty() {
        title.push(Span::raw("· filter: "));
        title.push(Span::styled(
            one_line(&browser.filter),
            Style::new().add_modifier(Modifier::BOLD),
        ));
        if browser.typing {
            title.push(Span::styled("█", theme.dim()));
        }
        title.push(Span::raw(" "));
    }
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border(true))
        .title(Line::from(title));
    let header_names = ["Title", "Source", "Date", "Mode", "Words", "Flags", "Time"];
    let header = Row::new(header_names.iter().enumerate().map(|(i, name)| {
        if i == browser.sort.column() {
            TableCell::new(format!("{name}{}", browser.sort.arrow()))
                .style(Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED))
        } else {
            TableCell::new(*name).style(Style::new().add_modifier(Modifier::BOLD))
        }
    }));
    let inner = block.inner(area);
    let widths = column_widths(inner.width);
    let rows: Vec<Row> = browser
        .visible()
        .into_iter()
        .map(|e| entry_row(e, &widths, theme))
        .collect();
    let empty = rows.is_empty();
    let table = Table::new(rows, WIDTHS)
        .header(header)
        .block(block)
        .column_spacing(1)
        .row_highlight_style(theme.selected())
        .highlight_symbol(SYMBOL)
        .highlight_spacing(HighlightSpacing::Always);
    let mut state = TableState::new()
        .with_offset(browser.offset.get())
        .with_selected((!empty).then_some(browser.selected));
    browser
        .page
        .set(usize::from(inner.height.saturating_sub(1)).max(1));
    frame.render_stateful_widget(table, area, &mut state);
    browser.offset.set(state.offset());
    if empty {
        let message = if browser.filter.is_empty() {
            "No drafts yet. To start a précis, run `precis` (a built-in passage), \
             `precis FILE` (your own text) or `precis exam` (a timed exam); in the editor, \
             Ctrl+P chooses another passage. Drafts are saved as you type."
                .to_string()
        } else {
            format!(
                "No draft matches “{}”. Esc clears the filter.",
                one_line(&browser.filter)
            )
        };
        let [_, row] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(inner);
        frame.render_widget(
            Paragraph::new(Span::styled(message, theme.dim())).wrap(Wrap { trim: true }),
            Rect {
                x: row.x + 2,
                width: row.width.saturating_sub(2),
                ..row
            },
        );
    }
}

/// The width of each column when the table's inside is `width` wide, as the
/// table lays them out (the marker's room first, one space between).
fn column_widths(width: u16) -> [usize; 7] {
    let room = width.saturating_sub(SYMBOL.width() as u16);
    let rects = Layout::horizontal(WIDTHS)
        .flex(Flex::Start)
        .spacing(1)
        .split(Rect::new(0, 0, room, 1));
    let mut out = [0; 7];
    for (w, r) in out.iter_mut().zip(rects.iter()) {
        *w = usize::from(r.width);
    }
    out
}

/// One table row.
fn entry_row<'a>(entry: &'a Entry, widths: &[usize; 7], theme: &Theme) -> Row<'a> {
    match &entry.draft {
        Err(u) => {
            let all = widths.iter().sum::<usize>() + widths.len() - 1;
            let text = format!("unreadable: {}: {}", u.file, u.reason);
            Row::new([TableCell::new(shorten(&text, all))
                .column_span(widths.len() as u16)
                .style(theme.error())])
        }
        Ok(a) => Row::new([
            TableCell::new(shorten(&a.title, widths[0])),
            TableCell::new(shorten(&a.source, widths[1])),
            TableCell::new(a.date.as_str()),
            TableCell::new(a.mode.as_str()),
            TableCell::new(Line::from(words_span(a, theme))),
            TableCell::new(Line::from(flags_spans(a, theme))),
            TableCell::new(time_span(a.time_used, theme)),
        ]),
    }
}

/// "96/120", coloured by where it stands against the band.
fn words_span(a: &Attempt, theme: &Theme) -> Span<'static> {
    Span::styled(format!("{}/{}", a.words, a.target), theme.length(a.status))
}

/// "✗1 ⚠2", or "✓" when nothing was flagged, or a dim "—" while the exam
/// runs (its checks stay hidden until time is up).
fn flags_spans(a: &Attempt, theme: &Theme) -> Vec<Span<'static>> {
    if a.checks_hidden {
        return vec![Span::styled("—", theme.dim())];
    }
    let mut spans = Vec::new();
    if a.errors > 0 {
        spans.push(Span::styled(format!("✗{}", a.errors), theme.error()));
    }
    if a.warnings > 0 {
        if !spans.is_empty() {
            spans.push(Span::raw(" "));
        }
        spans.push(Span::styled(format!("⚠{}", a.warnings), theme.warning()));
    }
    if spans.is_empty() {
        spans.push(Span::styled("✓", theme.good()));
    }
    spans
}

/// The time used as the review shows it (`31:05`, `1:05:00`), or a dim
/// "—" when it is not known.
fn time_span(time: Option<Duration>, theme: &Theme) -> Span<'static> {
    match time {
        None => Span::styled("—", theme.dim()),
        Some(d) => Span::raw(crate::exam::clock::clock_text(d)),
    }
}

/// "just now", "5 min ago", "3 h ago", "2 days ago".
fn ago(then: Timestamp, now: Timestamp) -> String {
    let seconds = now.as_second().saturating_sub(then.as_second()).max(0);
    match seconds {
        0..60 => "just now".to_string(),
        60..3_600 => format!("{} min ago", seconds / 60),
        3_600..86_400 => format!("{} h ago", seconds / 3_600),
        86_400..172_800 => "yesterday".to_string(),
        _ => format!("{} days ago", seconds / 86_400),
    }
}

fn render_history(frame: &mut Frame, area: Rect, browser: &Browser, theme: &Theme, now: Timestamp) {
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border(false));
    let Some(selected) = browser.selected() else {
        let inner = block.inner(area);
        frame.render_widget(block.title(" History "), area);
        frame.render_widget(
            Paragraph::new(Span::styled(
                "Every attempt on the chosen draft's passage shows here.",
                theme.dim(),
            )),
            inner,
        );
        return;
    };
    let attempt = match &selected.draft {
        Ok(a) => a,
        Err(u) => {
            let inner = block.inner(area);
            frame.render_widget(block.title(" Unreadable file "), area);
            let text = vec![
                Line::styled(
                    format!("unreadable: {}: {}", u.file, u.reason),
                    theme.error(),
                ),
                Line::raw(""),
                Line::styled(
                    "précis leaves this file as it is: it cannot be opened or deleted here. \
                     Move it out of the drafts folder or fix it by hand.",
                    theme.dim(),
                ),
            ];
            frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), inner);
            return;
        }
    };
    let history = browser.history();
    let attempts: Vec<&Attempt> = history.iter().filter_map(|e| e.attempt()).collect();
    let latest = attempts.last().map_or(attempt.updated, |a| a.updated);
    // The passage's name gives way first (down to a few words), then when
    // the last attempt was, then the count.
    let count = format!(
        "{} attempt{}",
        attempts.len(),
        if attempts.len() == 1 { "" } else { "s" }
    );
    let room = usize::from(area.width.saturating_sub(2));
    let named = |tail: &str| {
        let left = room.saturating_sub(" History of “” ".width() + tail.width());
        (left >= 16.min(attempt.source.width()))
            .then(|| format!(" History of “{}”{tail} ", shorten(&attempt.source, left)))
    };
    let title = named(&format!(" · {count} · last {}", ago(latest, now)))
        .or_else(|| named(&format!(" · {count}")))
        .unwrap_or_else(|| {
            crate::ui::fit::first_fitting(
                &[format!(" History · {count} "), " History ".into()],
                room,
            )
        });
    let inner = block.inner(area);
    frame.render_widget(block.title(title), area);
    let [list_area, chart_area] = Layout::horizontal([Constraint::Length(38), Constraint::Min(10)])
        .spacing(2)
        .areas(inner);

    // Every number takes the room of the largest, and a space follows it.
    let number = attempts.len().to_string().len().max(2);
    let items: Vec<ListItem> = attempts
        .iter()
        .enumerate()
        .map(|(n, a)| {
            let mut spans = vec![
                Span::styled(format!("#{:<number$} ", n + 1), theme.dim()),
                Span::raw(format!("{}  ", a.date)),
            ];
            let words = words_span(a, theme);
            let pad = 9usize.saturating_sub(words.width());
            spans.push(Span::raw(" ".repeat(pad)));
            spans.push(words);
            spans.push(Span::raw("  "));
            spans.extend(flags_spans(a, theme));
            ListItem::new(Line::from(spans))
        })
        .collect();
    let chosen = history.iter().position(|e| e.id == selected.id);
    let list = List::new(items)
        .highlight_style(theme.selected())
        .highlight_symbol(SYMBOL);
    let mut state = ListState::default().with_selected(chosen);
    frame.render_stateful_widget(list, list_area, &mut state);

    let [caption_area, bars_area] =
        Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(chart_area);
    // The band gives way first, then the caption's first words.
    let target = Span::styled(
        attempt.target.to_string(),
        Style::new().add_modifier(Modifier::BOLD),
    );
    let band = Span::styled(format!(" ({}–{})", attempt.min, attempt.max), theme.dim());
    // `──` is how the chart draws the target.
    let legend = || Span::styled("──", theme.dim());
    let captions = [
        Line::from(vec![
            Span::raw("Words per attempt · "),
            legend(),
            Span::raw(" target "),
            target.clone(),
            band,
        ]),
        Line::from(vec![
            Span::raw("Words per attempt · "),
            legend(),
            Span::raw(" target "),
            target.clone(),
        ]),
        Line::from(vec![
            Span::raw("Words · "),
            legend(),
            Span::raw(" target "),
            target.clone(),
        ]),
        Line::from(vec![legend(), Span::raw(" target "), target]),
    ];
    let caption = captions
        .iter()
        .find(|c| c.width() <= usize::from(caption_area.width))
        .unwrap_or(&captions[captions.len() - 1]);
    frame.render_widget(Paragraph::new(caption.clone()), caption_area);
    const BAR_WIDTH: u16 = 5;
    const BAR_GAP: u16 = 1;
    let fit = usize::from((bars_area.width + BAR_GAP) / (BAR_WIDTH + BAR_GAP)).max(1);
    let skip = attempts.len().saturating_sub(fit);
    let bars: Vec<Bar> = attempts
        .iter()
        .enumerate()
        .skip(skip)
        .map(|(n, a)| {
            let style = if Some(n) == chosen {
                theme.length(a.status)
            } else {
                theme.length(a.status).remove_modifier(Modifier::BOLD)
            };
            Bar::default()
                .value(a.words as u64)
                .text_value(a.words.to_string())
                .label(Line::from(format!("#{}", n + 1)))
                .style(style)
        })
        .collect();
    let top = attempts
        .iter()
        .map(|a| a.words)
        .chain([attempt.max])
        .max()
        .unwrap_or(1)
        .max(1);
    let chart = BarChart::vertical(bars)
        .bar_width(BAR_WIDTH)
        .bar_gap(BAR_GAP)
        .max(top as u64)
        .value_style(theme.selected())
        .label_style(theme.dim());
    frame.render_widget(chart, bars_area);
    target_line(frame.buffer_mut(), bars_area, attempt.target, top, theme);
}

/// Draws the target as a line across the bar chart drawn in `area` (whose
/// last row holds the labels) with `top` words at its full height: in the
/// row the target's height falls in, wherever no bar reaches.
fn target_line(buf: &mut Buffer, area: Rect, target: usize, top: usize, theme: &Theme) {
    let rows = usize::from(area.height.saturating_sub(1));
    if rows == 0 || top == 0 || target == 0 {
        return;
    }
    // The chart scales a value to `value * rows / top` rows, bottom up.
    let from_bottom = (target * rows / top).min(rows - 1);
    let y = area.y + (rows - 1 - from_bottom) as u16;
    for x in area.left()..area.right() {
        let cell = &mut buf[(x, y)];
        if cell.symbol() == " " {
            cell.set_symbol("─").set_style(theme.dim());
        }
    }
}

fn render_footer(frame: &mut Frame, area: Rect, browser: &Browser, theme: &Theme) {
    if let Some(id) = &browser.confirm {
        let title = browser
            .entries
            .iter()
            .find(|e| &e.id == id)
            .and_then(Entry::attempt)
            .map_or(id.as_str(), |a| a.title.as_str());
        let line = Line::from(vec![
            Span::styled(format!("Delete “{}”? ", one_line(title)), theme.error()),
            Span::styled("y", theme.key()),
            Span::raw("/"),
            Span::styled("n", theme.key()),
        ]);
        frame.render_widget(Paragraph::new(line), area);
        return;
    }
    if let Some(note) = &browser.note {
        note::render(frame, area, note, theme);
        return;
    }
    let keys: &[(&str, &str)] = if browser.typing {
        &[
            ("type", "Filter title or source"),
            ("Enter", "Done"),
            ("Esc", "Clear"),
            ("↑↓", "Move"),
        ]
    } else {
        &[
            ("↑↓", "Move"),
            ("Enter", "Open"),
            ("d", "Delete"),
            ("e", "Export"),
            ("s", "Sort"),
            ("/", "Filter"),
            (
                if browser.filter.is_empty() {
                    "q"
                } else {
                    "Esc"
                },
                if browser.filter.is_empty() {
                    "Close"
                } else {
                    "Clear filter"
                },
            ),
        ]
    };
    let mut spans = Vec::new();
    for (key, what) in keys {
        spans.push(Span::styled(*key, theme.key()));
        spans.push(Span::raw(format!(" {what}  ")));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ages_read_naturally() {
        let t = |s| Timestamp::from_second(s).expect("ts");
        assert_eq!(ago(t(0), t(30)), "just now");
        assert_eq!(ago(t(0), t(600)), "10 min ago");
        assert_eq!(ago(t(0), t(7_200)), "2 h ago");
        assert_eq!(ago(t(0), t(90_000)), "yesterday");
        assert_eq!(ago(t(0), t(3 * 86_400)), "3 days ago");
        assert_eq!(ago(t(100), t(0)), "just now");
    }
}
