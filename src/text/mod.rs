//! Plain-text helpers shared by the engine and every view: line/column
//! mapping, making untrusted text safe to show on a terminal, and titles as
//! file names.

pub mod lines;
pub mod sanitize;
pub mod slug;

/// `text` cut to at most `room` characters, ending with `…` when cut.
pub fn shorten(text: &str, room: usize) -> String {
    if text.chars().count() <= room {
        return text.to_string();
    }
    let mut s: String = text.chars().take(room.saturating_sub(1)).collect();
    s.push('…');
    s
}
