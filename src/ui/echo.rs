//! Keys echoed ahead of the frame: the input thread writes a typed
//! character straight to the terminal the moment it reads it, so the
//! student sees it as fast as in nano, before the main loop has updated the
//! text and drawn. At the end of a line the character simply appears; in
//! the middle of one, the rest of the row moves one cell right as the frame
//! will move it. Every cell an echo wrote is written again after the next
//! frame as that frame has it, so no cell ever keeps a character the text
//! does not have, whatever the echo guessed (a word that will wrap, a key
//! that turns out to do something else).

use std::io::{self, Write};
use std::sync::{Arc, Mutex, PoisonError};

use ratatui::backend::{Backend, CrosstermBackend};
use ratatui::buffer::{Buffer, Cell};
use ratatui::crossterm::cursor::MoveTo;
use ratatui::crossterm::event::{Event, KeyCode, KeyEventKind, KeyModifiers};
use ratatui::crossterm::queue;
use ratatui::layout::Position;
use unicode_width::UnicodeWidthStr;

use super::app::{App, Focus, Overlay};

/// Where the input thread may write the next typed character at once: the
/// cursor's cell, and the cells from it to the right edge of the text
/// field as the screen shows them, which a typed character pushes right.
#[derive(Debug, Clone)]
pub struct Spot {
    at: Position,
    tail: Vec<Cell>,
}

/// What the main loop and the input thread share: the spot (set by the
/// main loop after each frame, used and moved on by the input thread) and
/// how many keys the input thread has echoed so far.
#[derive(Debug, Default)]
pub struct Shared {
    spot: Option<Spot>,
    echoed: u64,
}

/// The shared state behind its lock.
pub type Echo = Arc<Mutex<Shared>>;

/// Publishes the spot read off a frame, unless a key was echoed that the
/// frame does not hold yet (`handled` counts the echoes the main loop has
/// applied): the spot would then be behind the text on screen.
pub fn publish(echo: &Echo, spot: Option<Spot>, handled: u64) {
    let mut shared = echo.lock().unwrap_or_else(PoisonError::into_inner);
    shared.spot = spot.filter(|_| shared.echoed == handled);
}

/// Stops echoing until the next frame.
pub fn stop(echo: &Echo) {
    echo.lock().unwrap_or_else(PoisonError::into_inner).spot = None;
}

/// What the input thread echoed for one key: the character, the cell it
/// went into, and how many cells from there it wrote.
#[derive(Debug, Clone, Copy)]
pub struct Echoed {
    /// The character typed.
    pub c: char,
    /// Where it was written.
    pub at: Position,
    /// Cells written from `at` rightwards (the character and the row
    /// after it).
    pub cells: u16,
}

impl Echoed {
    /// Every cell this echo wrote.
    pub fn positions(&self) -> impl Iterator<Item = Position> + '_ {
        (0..self.cells).map(|dx| Position::new(self.at.x + dx, self.at.y))
    }
}

/// A printable key with no Ctrl or Alt: the character it types.
fn typed_char(event: &Event) -> Option<char> {
    match event {
        Event::Key(k)
            if k.kind == KeyEventKind::Press
                && !k
                    .modifiers
                    .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
        {
            match k.code {
                KeyCode::Char(c) if c == ' ' || c.is_ascii_graphic() => Some(c),
                _ => None,
            }
        }
        _ => None,
    }
}

/// Writes a typed character at the spot, with the rest of the row one cell
/// further right, before the main loop sees the key; moves the spot on.
/// Any other event clears the spot: what it does is for the frame to show.
pub fn echo_ahead(echo: &Echo, event: &Event) -> Option<Echoed> {
    let mut shared = echo.lock().unwrap_or_else(PoisonError::into_inner);
    let c = typed_char(event);
    let (Some(c), Some(s)) = (c, shared.spot.as_mut()) else {
        shared.spot = None;
        return None;
    };
    if s.tail.is_empty() {
        // The character must fit on the row. The cursor after it may not:
        // at the row's last cell, the frame puts it where the wrap does.
        shared.spot = None;
        return None;
    }
    let at = s.at;
    let mut typed = Cell::default();
    typed.set_char(c);
    // The last cell of the row is pushed out of it.
    s.tail.pop();
    let row = std::iter::once(&typed).chain(s.tail.iter());
    let cells: Vec<(u16, u16, &Cell)> = row
        .enumerate()
        .map(|(dx, cell)| (at.x + dx as u16, at.y, cell))
        .collect();
    let written = cells.len() as u16;
    let mut out = CrosstermBackend::new(io::stdout().lock());
    let _ = out
        .draw(cells.into_iter())
        .and_then(|()| queue!(out, MoveTo(at.x + 1, at.y)))
        .and_then(|()| Write::flush(&mut out));
    s.at.x += 1;
    shared.echoed += 1;
    Some(Echoed {
        c,
        at,
        cells: written,
    })
}

/// The spot for the next key, read off the frame just drawn: the cursor's
/// cell when a printable key would be inserted there (a text field has
/// focus, nothing covers it, editing is open, no selection) and the row
/// from there to the field's right edge holds only single-width cells.
pub fn spot_for(app: &App, frame: &Buffer) -> Option<Spot> {
    let writing = matches!(app.overlay, Overlay::None)
        && !app.read_only
        && !matches!(app.phase(), Some(crate::exam::clock::Phase::Reading(_)));
    let areas = app.areas.get();
    let (field, inner) = match app.focus {
        Focus::Body => (&app.body, areas.body),
        Focus::Title => (&app.title, areas.title),
        Focus::Source | Focus::Flags => return None,
    };
    if !writing || field.selection_range().is_some() {
        return None;
    }
    let at = super::editor_pane::cursor_cell(field, inner)?;
    if !frame.area.contains(at) || inner.right() > frame.area.right() {
        return None;
    }
    let tail: Vec<Cell> = (at.x..inner.right())
        .map(|x| frame[(x, at.y)].clone())
        .collect();
    tail.iter()
        .all(|cell| cell.symbol().width() == 1)
        .then_some(Spot { at, tail })
}

/// Whether `c`, echoed at `at`, is where the text now has it: just before
/// the cursor, which moved one cell right.
pub fn landed(app: &App, c: char, at: Position) -> bool {
    let (field, inner) = match app.focus {
        Focus::Body => (&app.body, app.areas.get().body),
        Focus::Title => (&app.title, app.areas.get().title),
        Focus::Source | Focus::Flags => return false,
    };
    let ratatui_textarea::DataCursor(row, col) = field.cursor();
    let before_cursor = col
        .checked_sub(1)
        .and_then(|k| field.lines().get(row)?.chars().nth(k));
    before_cursor == Some(c)
        && super::editor_pane::cursor_cell(field, inner) == Some(Position::new(at.x + 1, at.y))
}
