//! The drafts browser (`precis drafts`): every stored draft in a table
//! (title, source, date, mode, words against the target, flags, time used),
//! sortable and filterable, with the attempts on the selected draft's
//! passage shown underneath so a student sees their progress on it.
//!
//! Pure like the rest of the UI: the caller lists the store once, turns each
//! file into an [`Entry`] (the only place a report is computed), and carries
//! out what [`Browser::key`] returns (open, delete, export, close).
//!
//! `state.rs` holds the browser and what a key does to it; `view.rs` draws
//! it.

mod state;
mod view;

pub use state::{Attempt, Browser, Entry, Outcome, PassageKey, SortKey, Unreadable};
pub use view::render;
