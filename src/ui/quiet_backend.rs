//! The terminal backend the editor draws through: crossterm's, writing only
//! what changed. A frame with no changed cell writes nothing (crossterm's
//! backend would still reset the colours, and the terminal would still be
//! told to show the cursor and move it where it already is), so an idle
//! editor is silent: tmux and SSH see no activity, and a slow link carries
//! no traffic.

use std::io::{self, Stdout};

use ratatui::backend::{Backend, ClearType, CrosstermBackend, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};

/// Crossterm's backend on standard output, with what the terminal was last
/// told about the cursor remembered so that it is not told again.
#[derive(Debug)]
pub struct QuietBackend {
    inner: CrosstermBackend<Stdout>,
    /// Whether the cursor is shown, as far as this backend last told the
    /// terminal (`None`: unknown).
    shown: Option<bool>,
    /// Where the cursor is, as far as this backend knows.
    at: Option<Position>,
}

impl QuietBackend {
    /// A backend on standard output that knows nothing of the cursor yet.
    pub fn new() -> Self {
        QuietBackend {
            inner: CrosstermBackend::new(io::stdout()),
            shown: None,
            at: None,
        }
    }

    /// Forgets where the cursor is: something else wrote to the terminal
    /// (the keys echoed ahead of a frame), so it must be placed again.
    pub fn forget_cursor(&mut self) {
        self.at = None;
    }
}

impl Default for QuietBackend {
    fn default() -> Self {
        Self::new()
    }
}

impl Backend for QuietBackend {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let mut content = content.peekable();
        if content.peek().is_none() {
            return Ok(());
        }
        // Drawing moves the terminal's cursor.
        self.at = None;
        self.inner.draw(content)
    }

    fn append_lines(&mut self, n: u16) -> io::Result<()> {
        self.at = None;
        self.inner.append_lines(n)
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        if self.shown == Some(false) {
            return Ok(());
        }
        self.shown = Some(false);
        self.inner.hide_cursor()
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        if self.shown == Some(true) {
            return Ok(());
        }
        self.shown = Some(true);
        self.inner.show_cursor()
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        self.inner.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        let position = position.into();
        if self.at == Some(position) {
            return Ok(());
        }
        self.at = Some(position);
        self.inner.set_cursor_position(position)
    }

    fn clear(&mut self) -> io::Result<()> {
        self.at = None;
        self.inner.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        self.at = None;
        self.inner.clear_region(clear_type)
    }

    fn size(&self) -> io::Result<Size> {
        self.inner.size()
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        self.inner.window_size()
    }

    fn flush(&mut self) -> io::Result<()> {
        Backend::flush(&mut self.inner)
    }
}
