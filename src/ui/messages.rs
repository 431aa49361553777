//! What passes between the terminal and the editor's state: an [`Action`]
//! comes in (a key, a paste, a mouse event, a resize), [`Effect`]s go out
//! for the runtime to carry out, and an [`Opening`] names a source to open.
//! The app, the passage picker and the runtime all speak these, so they live
//! below all three.

use ratatui::crossterm::event::{KeyEvent, MouseEvent};

/// Something that happened: input from the terminal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// A key press.
    Key(KeyEvent),
    /// Text pasted (bracketed paste).
    Paste(String),
    /// A mouse event.
    Mouse(MouseEvent),
    /// The terminal was resized.
    Resize(u16, u16),
}

/// Work for the runtime: the only ways `update` reaches the outside world.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Save the draft now.
    Save,
    /// Save, then leave the app.
    SaveAndQuit,
    /// Save, then open another source.
    Open(Opening),
    /// Write the précis as text to this path (when the drafts store fails).
    WriteTo(String),
    /// Leave without saving (the runtime prints the text so it is not lost).
    QuitAnyway,
    /// Open the drafts browser (the runtime lists the drafts).
    Browse,
    /// Save, then open a stored draft.
    OpenDraft(String),
    /// Delete a stored draft.
    DeleteDraft(String),
    /// Export a stored draft to a file.
    ExportDraft(String),
    /// Copy the (read-only) submitted exam into a new practice draft.
    CopyToPractice,
    /// Ring the terminal bell (an exam warning).
    Bell,
    /// Start a timed exam on this source.
    StartExam(Opening),
    /// Add a word to the student's spelling list.
    AddWord(String),
    /// Save, then start a new draft on this source even if one exists.
    OpenNew(Opening),
    /// Complete the picker's typed path from the files on disk.
    CompletePath(String),
}

/// A source the student asked to open from the picker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Opening {
    /// A built-in passage, by id.
    BuiltIn(String),
    /// A file path.
    File(String),
}
