//! The précis side: the one-line title field above the body, both
//! ratatui-textarea widgets with soft wrap. The widget cannot style ranges,
//! so the report's marks are painted onto the frame after it draws, using
//! the widget's own screen-to-text mapping so they stay exact under wrap.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::widgets::{Block, Borders};
use ratatui_textarea::TextArea;
use unicode_width::UnicodeWidthChar;

use super::app::{App, Focus};
use super::marks::Mark;
use super::theme::Theme;
use crate::text::lines::byte_of_char;

/// Draws the title field into `area` (three rows with its border).
pub fn render_title(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let focused = app.focus == Focus::Title;
    let words = app.report.precis.title_words;
    let label = match app.marks.title_problem {
        Some(_) if app.title.is_empty() => " Title · missing ".to_string(),
        _ if app.checking() || !app.shows(crate::exam::Feedback::Counts) => " Title ".to_string(),
        _ => format!(" Title · {words} words "),
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.title_border(focused, app.marks.title_problem))
        .title(label);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    app.remember(|a| a.title = inner);
    draw_field(
        frame,
        inner,
        app,
        &app.title,
        &app.marks.title,
        focused,
        theme,
    );
}

/// Draws the précis body into `area`.
pub fn render_body(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let focused = app.focus == Focus::Body;
    let p = &app.report.precis;
    let t = &app.report.target;
    // The count is hidden where the status bar hides it (an exam with
    // `live_feedback = "none"`).
    let (label, style) = if app.checking() {
        (" Précis · checking… ".to_string(), theme.border(focused))
    } else if app.shows(crate::exam::Feedback::Counts) {
        (
            format!(" Précis · {}/{} words ", p.words, t.words),
            theme.length(t.status),
        )
    } else {
        (" Précis ".to_string(), theme.border(focused))
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border(focused))
        .title(label)
        .title_style(style);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    app.remember(|a| a.body = inner);
    draw_field(
        frame,
        inner,
        app,
        &app.body,
        &app.marks.body,
        focused,
        theme,
    );
}

fn draw_field(
    frame: &mut Frame,
    inner: Rect,
    app: &App,
    field: &TextArea<'static>,
    marks: &[Mark],
    focused: bool,
    theme: &Theme,
) {
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    frame.render_widget(field, inner);
    paint_marks(frame.buffer_mut(), inner, field, marks, theme);
    if focused && let Some(at) = cursor_cell(field, inner) {
        frame.set_cursor_position(at);
        app.remember(|a| a.cursor = Some(at));
    }
}

/// The screen cell of `field`'s cursor when the field is drawn in `inner`,
/// if it is in view.
pub fn cursor_cell(field: &TextArea<'static>, inner: Rect) -> Option<Position> {
    let cursor = field.screen_cursor();
    let (top, left) = field.scroll_offset();
    let row = cursor.row.checked_sub(top as usize)?;
    let col = cursor.col.checked_sub(usize::from(left))?;
    (row < usize::from(inner.height) && col < usize::from(inner.width))
        .then(|| Position::new(inner.x + col as u16, inner.y + row as u16))
}

/// Styles the cells of every marked span visible in `inner`.
fn paint_marks(
    buf: &mut Buffer,
    inner: Rect,
    field: &TextArea<'static>,
    marks: &[Mark],
    theme: &Theme,
) {
    if marks.is_empty() {
        return;
    }
    let lines = field.lines();
    let (top, _) = field.scroll_offset();
    let mut previous = None;
    // Where the last row painted starts (line, character, byte): the next
    // row of the same line is found from there, not from the line's start.
    let mut walked: Option<(usize, usize, usize)> = None;
    for y in 0..inner.height {
        let display_row = top as usize + usize::from(y);
        let start = field.screen_to_data(display_row, 0);
        if previous == Some((start.0, start.1)) {
            break;
        }
        previous = Some((start.0, start.1));
        let end = field.screen_to_data(display_row, usize::from(u16::MAX));
        let (line, from) = (start.0, start.1);
        let to = if end.0 == line { end.1 } else { usize::MAX };
        let Some(text) = lines.get(line) else { break };
        let row_marks: Vec<&Mark> = marks
            .iter()
            .filter(|m| m.row == line && m.end > from && m.start < to)
            .collect();
        if row_marks.is_empty() {
            continue;
        }
        // The row's characters with their cells, walked once for all its
        // marks from where the row starts in its line.
        let start = match walked {
            Some((l, chars, byte)) if l == line && chars <= from => {
                byte + byte_of_char(&text[byte..], from - chars)
            }
            _ => byte_of_char(text, from),
        };
        walked = Some((line, from, start));
        let mut x = 0usize;
        for (k, c) in (from..to).zip(text[start..].chars()) {
            if x >= usize::from(inner.width) {
                break;
            }
            let w = c.width().unwrap_or(1).max(1);
            for mark in row_marks.iter().filter(|m| m.start <= k && k < m.end) {
                let style = theme.mark(mark.kind);
                for cell_x in (x..x + w).filter(|&cx| cx < usize::from(inner.width)) {
                    buf[(inner.x + cell_x as u16, inner.y + y)].set_style(style);
                }
            }
            x += w;
        }
    }
}

#[cfg(test)]
mod tests {
    use ratatui::widgets::Widget;
    use ratatui_textarea::WrapMode;

    use super::*;
    use crate::ui::marks::MarkKind;

    /// Marks far along one long wrapped line of mixed-width characters land
    /// on their own characters on every row (each row is found from the
    /// row before it).
    #[test]
    fn marks_on_the_later_rows_of_a_long_line_land_on_their_characters() {
        let line = "né à 😀 mot, ".repeat(400);
        let mut field = TextArea::new(vec![line.clone()]);
        field.set_wrap_mode(WrapMode::WordOrGlyph);
        field.move_cursor(ratatui_textarea::CursorMove::End);
        let marks: Vec<Mark> = line
            .chars()
            .enumerate()
            .filter(|&(_, c)| c == '😀')
            .map(|(k, _)| Mark {
                row: 0,
                start: k,
                end: k + 1,
                kind: MarkKind::Misspelt,
            })
            .collect();
        let theme = Theme::new(true);
        let area = Rect::new(0, 0, 23, 12);
        let mut buf = Buffer::empty(area);
        (&field).render(area, &mut buf);
        paint_marks(&mut buf, area, &field, &marks, &theme);
        let marked = theme.mark(MarkKind::Misspelt);
        let mut emoji = 0;
        for y in 0..area.height {
            for x in 0..area.width {
                let cell = &buf[(x, y)];
                let styled = cell.style().patch(marked) == cell.style();
                if cell.symbol() == "😀" {
                    emoji += 1;
                    assert!(styled, "the 😀 at {x},{y} is not marked");
                } else if !cell.symbol().trim().is_empty()
                    && x > 0
                    && buf[(x - 1, y)].symbol() != "😀"
                {
                    assert!(!styled, "{:?} at {x},{y} is marked", cell.symbol());
                }
            }
        }
        assert!(emoji >= 10, "only {emoji} emoji on screen");
    }
}
