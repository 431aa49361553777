//! Where each part goes: source beside précis on wide terminals, stacked
//! below about 100 columns, and a clear message when the window is too small.

use ratatui::layout::{Constraint, Layout, Rect};

/// The narrowest terminal the editor draws in.
pub const MIN_WIDTH: u16 = 40;
/// The shortest terminal the editor draws in.
pub const MIN_HEIGHT: u16 = 12;
/// From this width the panes sit side by side.
pub const SIDE_BY_SIDE: u16 = 100;

/// The areas of one frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    /// The source pane.
    pub source: Rect,
    /// The title field (with border).
    pub title: Rect,
    /// The précis body (with border).
    pub body: Rect,
    /// The flags panel, when open.
    pub flags: Option<Rect>,
    /// The status line.
    pub status: Rect,
    /// The key reminder line.
    pub footer: Rect,
}

/// A box of at most `width`×`height` centred in `area`, for overlays.
pub fn centred(area: Rect, width: u16, height: u16) -> Rect {
    let [row] = Layout::vertical([Constraint::Length(height.min(area.height))])
        .flex(ratatui::layout::Flex::Center)
        .areas(area);
    let [cell] = Layout::horizontal([Constraint::Length(width.min(area.width))])
        .flex(ratatui::layout::Flex::Center)
        .areas(row);
    cell
}

/// `box_area` widened by a column on each side, inside `within`: what an
/// overlay clears, so no lone letter of the text under it shows between its
/// border and the pane's.
pub fn with_margin(box_area: Rect, within: Rect) -> Rect {
    let x = box_area.x.saturating_sub(1).max(within.x);
    let right = (box_area.right() + 1).min(within.right());
    Rect {
        x,
        width: right.saturating_sub(x),
        ..box_area
    }
}

/// What the panel under the précis holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Panel {
    /// No panel.
    None,
    /// The flags list.
    Flags,
    /// The exam review, which takes more room.
    Review,
}

/// Splits `area`, with a title field above the body when `title` is set;
/// `None` when it is too small to be useful.
pub fn split(area: Rect, panel: Panel, title: bool) -> Option<Areas> {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return None;
    }
    let [main, status, footer] = Layout::vertical([
        Constraint::Min(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let flags_open = panel != Panel::None;
    let flags_height = match panel {
        Panel::None => 0,
        Panel::Flags => (main.height / 3).clamp(4, 12),
        Panel::Review => (main.height * 3 / 5).max(4),
    };
    let fields = [
        Constraint::Length(if title { 3 } else { 0 }),
        Constraint::Min(5),
        Constraint::Length(flags_height),
    ];
    let (source, [title, body, flags]) = if area.width >= SIDE_BY_SIDE {
        let [source, right] = Layout::horizontal([Constraint::Percentage(50); 2]).areas(main);
        (source, Layout::vertical(fields).areas(right))
    } else {
        let share = if flags_open { 30 } else { 40 };
        let [source, rest] =
            Layout::vertical([Constraint::Percentage(share), Constraint::Min(1)]).areas(main);
        (source, Layout::vertical(fields).areas(rest))
    };
    Some(Areas {
        source,
        title,
        body,
        flags: flags_open.then_some(flags),
        status,
        footer,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_is_side_by_side_and_narrow_is_stacked() {
        let wide = split(Rect::new(0, 0, 120, 40), Panel::None, true).expect("fits");
        assert_eq!(wide.source.y, wide.title.y);
        let narrow = split(Rect::new(0, 0, 80, 40), Panel::Flags, true).expect("fits");
        assert!(narrow.title.y > narrow.source.y);
        assert!(narrow.flags.is_some());
        assert!(split(Rect::new(0, 0, 30, 40), Panel::None, true).is_none());
        assert!(split(Rect::new(0, 0, 120, 8), Panel::None, true).is_none());
        let untitled = split(Rect::new(0, 0, 120, 40), Panel::None, false).expect("fits");
        assert_eq!((untitled.title.height, untitled.body.y), (0, 0));
    }
}
