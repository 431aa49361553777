//! Editing keys a student expects beyond the text field's own: `Ctrl+Home`
//! and `Ctrl+End` to the start and end of the text, `Ctrl+W` and
//! `Ctrl+Backspace` to delete a word, `Backspace` from terminals that send
//! `^H`, and undo and redo by word rather than by character.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui_textarea::{CursorMove, TextArea};

/// What an editing key did to a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Not one of these keys: the field's own handling applies.
    NotMine,
    /// The cursor moved.
    Moved,
    /// The text changed.
    Changed,
}

/// Applies `key` to `field` when it is one of the editing keys above.
pub fn key(field: &mut TextArea<'static>, key: KeyEvent) -> Outcome {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let alt = key.modifiers.contains(KeyModifiers::ALT);
    let shift = key.modifiers.contains(KeyModifiers::SHIFT);
    let select = |field: &mut TextArea<'static>| {
        if shift && !field.is_selecting() {
            field.start_selection();
        } else if !shift {
            field.cancel_selection();
        }
    };
    match key.code {
        KeyCode::Home if ctrl => {
            select(field);
            field.move_cursor(CursorMove::Top);
            field.move_cursor(CursorMove::Head);
            Outcome::Moved
        }
        KeyCode::End if ctrl => {
            select(field);
            field.move_cursor(CursorMove::Bottom);
            field.move_cursor(CursorMove::End);
            Outcome::Moved
        }
        KeyCode::Char('w') if ctrl && !alt => changed(field.delete_word()),
        KeyCode::Backspace if ctrl || alt => changed(field.delete_word()),
        // `^H`: what some terminals send for Backspace.
        KeyCode::Char('h') if ctrl && !alt => changed(field.delete_char()),
        _ => Outcome::NotMine,
    }
}

fn changed(did: bool) -> Outcome {
    if did {
        Outcome::Changed
    } else {
        Outcome::Moved
    }
}

/// Puts the declared count `(N words)` for a body of `words` words at the
/// end of `body`, or corrects the one there: one key for what the exam
/// asks after every précis.
pub fn declare_count(body: &mut TextArea<'static>, words: usize) {
    let text = body.lines().join("\n");
    let statement = crate::analysis::structure::statement(words);
    let parts = crate::analysis::structure::parse(&text);
    match parts.declared {
        Some(d) => {
            let before = &text[..d.span.start];
            let row = before.matches('\n').count();
            let col = before[before.rfind('\n').map_or(0, |i| i + 1)..]
                .chars()
                .count();
            body.move_cursor(CursorMove::Jump(clamp16(row), clamp16(col)));
            body.delete_str(text[d.span].chars().count());
            body.insert_str(&statement);
        }
        None => {
            body.move_cursor(CursorMove::Bottom);
            body.move_cursor(CursorMove::End);
            let trailing_blank = body.lines().last().is_some_and(|l| l.trim().is_empty());
            if !text.trim().is_empty() && !trailing_blank {
                body.insert_newline();
                body.insert_newline();
            }
            body.insert_str(&statement);
        }
    }
}

fn clamp16(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}

/// Whether a character belongs to a word, for undo by word.
fn in_word(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '\'' | '’' | '-')
}

/// The one character `after` has more than `before` at `at`, if that is
/// all that tells them apart.
fn one_more(before: &[String], after: &[String], at: (usize, usize)) -> Option<char> {
    if before.len() != after.len() {
        return None;
    }
    let (row, col) = at;
    let (b, a) = (before.get(row)?, after.get(row)?);
    if a.chars().count() != b.chars().count() + 1 {
        return None;
    }
    let c = a.chars().nth(col)?;
    let mut without: String = a.chars().take(col).collect();
    without.extend(a.chars().skip(col + 1));
    (without == *b).then_some(c)
}

/// Undoes the last edit and, when it was a letter typed, the rest of its
/// word with it: undo goes by word, as in the editors students know.
/// Returns whether anything was undone.
pub fn undo_word(field: &mut TextArea<'static>) -> bool {
    let mut undone = false;
    let mut word_seen = false;
    loop {
        let before = field.lines().to_vec();
        if !field.undo() {
            return undone;
        }
        let cursor = field.cursor();
        // The edit just undone typed this character (at the cursor now).
        let typed = one_more(field.lines(), &before, (cursor.0, cursor.1));
        let keep_going = match typed {
            Some(c) if in_word(c) => {
                word_seen = true;
                true
            }
            // Spaces after a word go with it when undone first.
            Some(c) if c.is_whitespace() && !word_seen => true,
            _ => !undone,
        };
        if !keep_going {
            field.redo();
            return true;
        }
        undone = true;
        if typed.is_none() {
            return true;
        }
    }
}

/// Redoes the next edit and, when it typed a letter, the rest of its word.
/// Returns whether anything was redone.
pub fn redo_word(field: &mut TextArea<'static>) -> bool {
    let mut redone = false;
    loop {
        let before = field.lines().to_vec();
        if !field.redo() {
            return redone;
        }
        let cursor = field.cursor();
        let at = (cursor.0, cursor.1.saturating_sub(1));
        let typed = one_more(&before, field.lines(), at);
        let keep_going = match typed {
            Some(c) if in_word(c) => true,
            _ => !redone,
        };
        if !keep_going {
            field.undo();
            return true;
        }
        redone = true;
        if typed.is_none_or(|c| !in_word(c)) {
            return true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(text: &str) -> TextArea<'static> {
        let mut t = TextArea::default();
        for c in text.chars() {
            if c == '\n' {
                t.insert_newline();
            } else {
                t.insert_char(c);
            }
        }
        t
    }

    #[test]
    fn undo_and_redo_go_by_word() {
        let mut t = field("the quick fox");
        assert!(undo_word(&mut t));
        assert_eq!(t.lines(), ["the quick "]);
        assert!(undo_word(&mut t));
        assert_eq!(t.lines(), ["the "]);
        assert!(undo_word(&mut t));
        assert_eq!(t.lines(), [""]);
        assert!(!undo_word(&mut t));
        assert!(redo_word(&mut t));
        assert_eq!(t.lines(), ["the"]);
        assert!(redo_word(&mut t));
        assert_eq!(t.lines(), ["the "]);
    }

    #[test]
    fn other_edits_undo_one_at_a_time() {
        let mut t = field("keep this");
        t.move_cursor(CursorMove::Head);
        t.delete_next_word();
        assert_eq!(t.lines(), [" this"]);
        assert!(undo_word(&mut t));
        assert_eq!(t.lines(), ["keep this"]);
    }

    #[test]
    fn the_declared_count_is_put_or_corrected() {
        let mut t = field("Trade moved ideas.");
        declare_count(&mut t, 3);
        assert_eq!(t.lines(), ["Trade moved ideas.", "", "(3 words)"]);
        declare_count(&mut t, 4);
        assert_eq!(t.lines(), ["Trade moved ideas.", "", "(4 words)"]);
        let mut t = field("One idea. (9 words approx)");
        declare_count(&mut t, 2);
        assert_eq!(t.lines(), ["One idea. (2 words)"]);
    }

    #[test]
    fn word_keys() {
        let press = |code, m| KeyEvent::new(code, m);
        let mut t = field("one two\nthree four");
        assert_eq!(
            key(&mut t, press(KeyCode::Home, KeyModifiers::CONTROL)),
            Outcome::Moved
        );
        assert_eq!((t.cursor().0, t.cursor().1), (0, 0));
        key(&mut t, press(KeyCode::End, KeyModifiers::CONTROL));
        assert_eq!((t.cursor().0, t.cursor().1), (1, 10));
        assert_eq!(
            key(&mut t, press(KeyCode::Char('w'), KeyModifiers::CONTROL)),
            Outcome::Changed
        );
        assert_eq!(t.lines()[1], "three ");
        key(&mut t, press(KeyCode::Char('h'), KeyModifiers::CONTROL));
        assert_eq!(t.lines()[1], "three");
        key(&mut t, press(KeyCode::Backspace, KeyModifiers::CONTROL));
        assert_eq!(t.lines()[1], "");
        assert_eq!(
            key(&mut t, press(KeyCode::Char('x'), KeyModifiers::NONE)),
            Outcome::NotMine
        );
    }
}
