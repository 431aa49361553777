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

/// Splits `area`; `None` when it is too small to be useful.
pub fn split(area: Rect, flags_open: bool) -> Option<Areas> {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return None;
    }
    let [main, status, footer] = Layout::vertical([
        Constraint::Min(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let flags_height = if flags_open {
        (main.height / 3).clamp(4, 12)
    } else {
        0
    };
    if area.width >= SIDE_BY_SIDE {
        let [source, right] =
            Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)])
                .areas(main);
        let [title, body, flags] = Layout::vertical([
            Constraint::Length(3),
            Constraint::Min(3),
            Constraint::Length(flags_height),
        ])
        .areas(right);
        Some(Areas {
            source,
            title,
            body,
            flags: flags_open.then_some(flags),
            status,
            footer,
        })
    } else {
        let [source, title, body, flags] = Layout::vertical([
            Constraint::Percentage(40),
            Constraint::Length(3),
            Constraint::Min(3),
            Constraint::Length(flags_height),
        ])
        .areas(main);
        Some(Areas {
            source,
            title,
            body,
            flags: flags_open.then_some(flags),
            status,
            footer,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_is_side_by_side_and_narrow_is_stacked() {
        let wide = split(Rect::new(0, 0, 120, 40), false).expect("fits");
        assert_eq!(wide.source.y, wide.title.y);
        let narrow = split(Rect::new(0, 0, 80, 40), true).expect("fits");
        assert!(narrow.title.y > narrow.source.y);
        assert!(narrow.flags.is_some());
        assert!(split(Rect::new(0, 0, 30, 40), false).is_none());
        assert!(split(Rect::new(0, 0, 120, 8), false).is_none());
    }
}
