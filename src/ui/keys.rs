//! Key bindings: one table that drives both dispatch and the help screen,
//! with the keys a non-vim student expects (Ctrl+S, Ctrl+Z, Shift+arrows).

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// What a bound key asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    /// Save the draft.
    Save,
    /// Save and quit.
    Quit,
    /// Show the key bindings.
    Help,
    /// Open the passage picker.
    Passages,
    /// Open the drafts browser.
    Drafts,
    /// Copy a submitted exam into a new practice draft.
    CopyToPractice,
    /// Hand an exam in before time is up.
    Submit,
    /// Open or close the flags panel.
    Flags,
    /// Highlight every figure of the source.
    Figures,
    /// The model précis beside the student's, in the exam review.
    Model,
    /// Move focus to the next pane.
    NextPane,
    /// Move focus to the previous pane.
    PreviousPane,
    /// Close the flags panel or clear a highlight.
    Close,
    /// Undo the last edit.
    Undo,
    /// Redo the last undone edit.
    Redo,
    /// Copy the selection.
    Copy,
    /// Cut the selection.
    Cut,
    /// Paste what was copied or cut.
    Paste,
    /// Select the whole field.
    SelectAll,
    /// Put or correct the declared count `(N words)` at the end.
    DeclareCount,
}

/// A binding as the help screen lists it.
pub struct Binding {
    /// The keys, as shown.
    pub keys: &'static str,
    /// What they do.
    pub what: &'static str,
}

/// Every binding, in the order the help screen shows them.
pub const BINDINGS: &[Binding] = &[
    Binding {
        keys: "Ctrl+S",
        what: "save the draft",
    },
    Binding {
        keys: "Ctrl+Q",
        what: "save and quit (in an exam, asks first)",
    },
    Binding {
        keys: "Tab / Shift+Tab",
        what: "next / previous pane (title, précis, source, flags)",
    },
    Binding {
        keys: "Enter, ↓ (in title)",
        what: "from the title into the précis",
    },
    Binding {
        keys: "↑ (on the first line)",
        what: "from the précis up to the title",
    },
    Binding {
        keys: "Ctrl+Z / Ctrl+Y",
        what: "undo / redo, a word at a time",
    },
    Binding {
        keys: "Shift+arrows",
        what: "select text",
    },
    Binding {
        keys: "Ctrl+A",
        what: "select all",
    },
    Binding {
        keys: "Ctrl+C / Ctrl+X / Ctrl+V",
        what: "copy / cut / paste (the terminal's own paste works too)",
    },
    Binding {
        keys: "Ctrl+←/→",
        what: "move by word",
    },
    Binding {
        keys: "Ctrl+W, Ctrl+Backspace",
        what: "delete the word before the cursor",
    },
    Binding {
        keys: "Ctrl+Home / Ctrl+End",
        what: "to the start / end of the text",
    },
    Binding {
        keys: "Ctrl+T",
        what: "put or correct the word count (N words) at the end",
    },
    Binding {
        keys: "Ctrl+F",
        what: "flags panel: ↑/↓ choose, Enter jumps to it; a submitted exam's flags and review take turns",
    },
    Binding {
        keys: "Ctrl+N",
        what: "highlight every figure in the source",
    },
    Binding {
        keys: "Ctrl+D",
        what: "your drafts: open, delete (d), export (e), history per passage",
    },
    Binding {
        keys: "Ctrl+E",
        what: "exam: submit (asks first); while reading: start writing",
    },
    Binding {
        keys: "Ctrl+O",
        what: "exam review: the model précis beside yours",
    },
    Binding {
        keys: "Ctrl+K",
        what: "copy a submitted exam (read-only) into a new practice draft",
    },
    Binding {
        keys: "Ctrl+P",
        what: "choose another passage or open a file",
    },
    Binding {
        keys: "↑/↓ PgUp/PgDn Home/End",
        what: "scroll the source or the exam review (when it has focus); the mouse wheel works too",
    },
    Binding {
        keys: "Esc",
        what: "close the flags panel, the exam review or a highlight",
    },
    Binding {
        keys: "F1 or Ctrl+G",
        what: "this help (↑/↓ PgUp/PgDn scroll it, Esc closes it)",
    },
];

/// The command a key asks for, if it is bound.
pub fn command_for(key: KeyEvent) -> Option<Command> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let shift = key.modifiers.contains(KeyModifiers::SHIFT);
    match key.code {
        KeyCode::Char(c) if ctrl => match c.to_ascii_lowercase() {
            's' => Some(Command::Save),
            'q' => Some(Command::Quit),
            'g' => Some(Command::Help),
            'p' => Some(Command::Passages),
            'd' => Some(Command::Drafts),
            'k' => Some(Command::CopyToPractice),
            'e' => Some(Command::Submit),
            'f' => Some(Command::Flags),
            'n' => Some(Command::Figures),
            'o' => Some(Command::Model),
            'z' if shift => Some(Command::Redo),
            'z' => Some(Command::Undo),
            'y' => Some(Command::Redo),
            'c' => Some(Command::Copy),
            'x' => Some(Command::Cut),
            'v' => Some(Command::Paste),
            'a' => Some(Command::SelectAll),
            't' => Some(Command::DeclareCount),
            _ => None,
        },
        KeyCode::F(1) => Some(Command::Help),
        KeyCode::Tab => Some(Command::NextPane),
        KeyCode::BackTab => Some(Command::PreviousPane),
        KeyCode::Esc => Some(Command::Close),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn student_keys() {
        let ctrl = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL);
        assert_eq!(command_for(ctrl('s')), Some(Command::Save));
        assert_eq!(command_for(ctrl('z')), Some(Command::Undo));
        assert_eq!(command_for(ctrl('y')), Some(Command::Redo));
        assert_eq!(
            command_for(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::NONE)),
            None
        );
        assert_eq!(command_for(ctrl('j')), None, "unbound Ctrl keys do nothing");
    }
}
