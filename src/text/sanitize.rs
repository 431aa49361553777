//! Making text from files safe for a terminal: control characters and escape
//! sequences are replaced by visible stand-ins, one character for one, so a
//! hostile file can never retitle, recolour or clear the student's terminal.

use std::borrow::Cow;

/// Replaces every control character except `\n` and `\t` with a visible,
/// single-width stand-in; other text is returned unchanged (and unallocated).
pub fn terminal_safe(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_replacing) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.chars().map(stand_in).collect())
}

/// Like [`terminal_safe`], but also flattens line breaks and tabs to spaces,
/// for one-line contexts such as a report row or a status bar.
pub fn one_line(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\n' | '\t' | '\r' => ' ',
            c => stand_in(c),
        })
        .collect()
}

/// Whether `c` must never be written to a terminal as it is.
fn needs_replacing(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || is_bidi_control(c)
}

/// The visible stand-in for `c`: Unicode control pictures for C0 controls and
/// DEL (`␛` for ESC), the replacement character for C1 and bidi controls;
/// any other character (`\n` and `\t` included) is itself.
pub fn stand_in(c: char) -> char {
    match c {
        '\n' | '\t' => c,
        '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'),
        '\u{7f}' => '\u{2421}',
        c if needs_replacing(c) => '\u{fffd}',
        c => c,
    }
}

/// Bidirectional embedding, override and isolate controls, which can make
/// text read differently from how it is stored.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_become_visible() {
        let hostile = "a\u{1b}]0;pwned\u{7}b\u{9b}31m\u{202e}c";
        let safe = terminal_safe(hostile);
        assert!(!safe.chars().any(|c| c.is_control()));
        assert_eq!(safe, "a␛]0;pwned␇b\u{fffd}31m\u{fffd}c");
        assert_eq!(safe.chars().count(), hostile.chars().count());
    }

    #[test]
    fn clean_text_is_borrowed() {
        assert!(matches!(terminal_safe("plain\ttext\n"), Cow::Borrowed(_)));
    }

    #[test]
    fn one_line_flattens_breaks() {
        assert_eq!(one_line("a\nb\r\tc\u{1b}"), "a b  c␛");
    }
}
