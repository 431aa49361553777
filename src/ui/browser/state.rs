//! The drafts browser's state and keys: the stored drafts as entries, the
//! sort and filter, the chosen row, and what a key asks the runtime to do
//! ([`Outcome`]). Nothing here draws; `view.rs` does.

use std::cell::Cell;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::time::Duration;

use jiff::Timestamp;
use jiff::tz::TimeZone;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::analysis::target::LengthStatus;
use crate::store::listing::reason;
use crate::store::{ExamState, Listed, Origin};
use crate::text::sanitize::one_line;
use crate::ui::note::Note;

/// Which passage a draft summarises, to group attempts on the same one.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum PassageKey {
    /// A built-in passage, by id.
    BuiltIn(String),
    /// Any other source, by a hash of its text (line ends and surrounding
    /// blank space ignored).
    Text(u64),
}

/// What the browser shows of a readable draft.
#[derive(Debug, Clone, PartialEq)]
pub struct Attempt {
    /// The précis title, or "(untitled)"; terminal-safe.
    pub title: String,
    /// The source's title, or where it came from; terminal-safe.
    pub source: String,
    /// The passage, for grouping attempts.
    pub passage: PassageKey,
    /// When the draft was last saved.
    pub updated: Timestamp,
    /// `updated` as shown (`%d %b %H:%M` in the time zone given).
    pub date: String,
    /// Practice or exam, as shown: `practice`, `exam (running)`,
    /// `exam (time up)` or `exam (submitted)`.
    pub mode: String,
    /// Body words.
    pub words: usize,
    /// The target word count.
    pub target: usize,
    /// The band's lower end.
    pub min: usize,
    /// The band's upper end.
    pub max: usize,
    /// Under, within or over the band.
    pub status: LengthStatus,
    /// Error flags.
    pub errors: usize,
    /// Warning flags.
    pub warnings: usize,
    /// A running exam: its flags are not shown until time is up.
    pub checks_hidden: bool,
    /// Time spent writing, when known (not recorded yet).
    pub time_used: Option<Duration>,
}

/// A file that is not a draft this version can read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    /// The file's name; terminal-safe.
    pub file: String,
    /// Why it cannot be read; terminal-safe.
    pub reason: String,
}

/// One row of the browser, computed once from a listed file.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The draft id (for an unreadable file, its name without `.json`).
    pub id: String,
    /// The draft as shown, or why the file cannot be read.
    pub draft: Result<Attempt, Unreadable>,
}

impl Entry {
    /// Summarises a listed file at `now`, its date formatted in `tz`: the
    /// counts its file holds, or (a draft saved without them) from checking
    /// it now.
    pub fn from_listed(listed: &Listed, tz: &TimeZone, now: Timestamp) -> Entry {
        let file = listed
            .path
            .file_name()
            .map_or_else(|| listed.path.to_string_lossy(), |n| n.to_string_lossy());
        let stem = listed
            .path
            .file_stem()
            .map_or_else(|| file.to_string(), |s| s.to_string_lossy().into_owned());
        let read = listed
            .draft
            .as_ref()
            .map_err(reason)
            .and_then(|d| Ok((d, d.counts(&listed.path).map_err(|e| reason(&e))?)));
        let (draft, counts) = match read {
            Ok(read) => read,
            Err(reason) => {
                return Entry {
                    id: stem,
                    draft: Err(Unreadable {
                        file: one_line(&file),
                        reason: one_line(&reason),
                    }),
                };
            }
        };
        let title = one_line(draft.title.trim());
        let source = draft.source_name();
        Entry {
            id: draft.id.clone(),
            draft: Ok(Attempt {
                title: if title.is_empty() {
                    "(untitled)".to_string()
                } else {
                    title
                },
                source: one_line(&source),
                passage: passage_key(&draft.source.origin, &draft.source.text),
                updated: draft.updated,
                date: draft
                    .updated
                    .to_zoned(tz.clone())
                    .strftime("%d %b %H:%M")
                    .to_string(),
                mode: draft.mode_label(now).to_string(),
                words: counts.words,
                target: counts.target,
                min: counts.min,
                max: counts.max,
                status: counts.status(),
                errors: counts.errors,
                warnings: counts.warnings,
                checks_hidden: draft.exam_state(now) == Some(ExamState::Running),
                time_used: draft.time_used(),
            }),
        }
    }

    /// The draft, when the file could be read.
    pub fn attempt(&self) -> Option<&Attempt> {
        self.draft.as_ref().ok()
    }

    /// Whether the filter `needle` (already lower-case) matches: the title
    /// or source of a draft, the file name of an unreadable file.
    fn matches(&self, needle: &str) -> bool {
        match &self.draft {
            Ok(a) => {
                a.title.to_lowercase().contains(needle) || a.source.to_lowercase().contains(needle)
            }
            Err(u) => u.file.to_lowercase().contains(needle),
        }
    }
}

/// The passage a draft summarises: a built-in by id, anything else by text.
fn passage_key(origin: &Origin, text: &str) -> PassageKey {
    if let Origin::BuiltIn { id } = origin {
        return PassageKey::BuiltIn(id.clone());
    }
    let mut hasher = DefaultHasher::new();
    for line in text.trim().lines() {
        line.trim_end().hash(&mut hasher);
    }
    PassageKey::Text(hasher.finish())
}

/// The column the table is sorted by.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SortKey {
    /// Newest first.
    #[default]
    Date,
    /// Title, A to Z.
    Title,
    /// Source, A to Z.
    Source,
    /// Most words first.
    Words,
}

impl SortKey {
    /// The next key in the cycle.
    pub fn next(self) -> Self {
        match self {
            SortKey::Date => SortKey::Title,
            SortKey::Title => SortKey::Source,
            SortKey::Source => SortKey::Words,
            SortKey::Words => SortKey::Date,
        }
    }

    /// How it reads in the table's title.
    pub fn label(self) -> &'static str {
        match self {
            SortKey::Date => "date ↓",
            SortKey::Title => "title ↑",
            SortKey::Source => "source ↑",
            SortKey::Words => "words ↓",
        }
    }

    /// The table column it sorts.
    pub(super) fn column(self) -> usize {
        match self {
            SortKey::Date => 2,
            SortKey::Title => 0,
            SortKey::Source => 1,
            SortKey::Words => 4,
        }
    }

    /// The arrow after the sorted column's header.
    pub(super) fn arrow(self) -> &'static str {
        match self {
            SortKey::Date | SortKey::Words => " ↓",
            SortKey::Title | SortKey::Source => " ↑",
        }
    }
}

/// What a key did to the browser.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Keep the browser open.
    Stay,
    /// Leave the browser.
    Close,
    /// Open this draft in the editor.
    Open(String),
    /// The student confirmed: delete this draft, then call
    /// [`Browser::remove`].
    Delete(String),
    /// Export this draft.
    Export(String),
}

/// The browser's state: the entries, how they are sorted and filtered, the
/// chosen row, and a pending delete question.
#[derive(Debug, Clone)]
pub struct Browser {
    /// Every draft listed, newest first.
    pub(super) entries: Vec<Entry>,
    /// Indices into `entries` of the rows shown, in order.
    pub(super) view: Vec<usize>,
    /// The chosen row, an index into `view`.
    pub(super) selected: usize,
    /// The column the rows are sorted by.
    pub(super) sort: SortKey,
    /// The filter typed so far.
    pub(super) filter: String,
    /// Whether keys are typing into the filter.
    pub(super) typing: bool,
    /// The id of a draft awaiting "y" to be deleted.
    pub(super) confirm: Option<String>,
    /// The browser's message in the bottom row, until the next key.
    pub(super) note: Option<Note>,
    /// The table's first row shown; the renderer writes it back.
    pub(super) offset: Cell<usize>,
    /// Rows the table showed last frame, for PgUp and PgDn.
    pub(super) page: Cell<usize>,
}

impl Browser {
    /// A browser over `entries`, newest first.
    pub fn new(entries: Vec<Entry>) -> Self {
        let mut browser = Browser {
            entries,
            view: Vec::new(),
            selected: 0,
            sort: SortKey::default(),
            filter: String::new(),
            typing: false,
            confirm: None,
            note: None,
            offset: Cell::new(0),
            page: Cell::new(10),
        };
        browser.refresh(None);
        browser
    }

    /// Every entry, in the order given.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The rows shown, sorted and filtered.
    pub fn visible(&self) -> Vec<&Entry> {
        self.view.iter().map(|&i| &self.entries[i]).collect()
    }

    /// The chosen row, if any row is shown.
    pub fn selected(&self) -> Option<&Entry> {
        self.view.get(self.selected).map(|&i| &self.entries[i])
    }

    /// The column the rows are sorted by.
    pub fn sort(&self) -> SortKey {
        self.sort
    }

    /// The filter text.
    pub fn filter(&self) -> &str {
        &self.filter
    }

    /// Whether keys are typing into the filter.
    pub fn is_filtering(&self) -> bool {
        self.typing
    }

    /// The id of the draft awaiting confirmation to be deleted.
    pub fn pending_delete(&self) -> Option<&str> {
        self.confirm.as_deref()
    }

    /// Every readable attempt on the chosen draft's passage, oldest first
    /// (whatever the filter); empty when the chosen row is unreadable.
    pub fn history(&self) -> Vec<&Entry> {
        let Some(key) = self.selected().and_then(Entry::attempt).map(|a| &a.passage) else {
            return Vec::new();
        };
        let mut same: Vec<&Entry> = self
            .entries
            .iter()
            .filter(|e| e.attempt().is_some_and(|a| &a.passage == key))
            .collect();
        same.sort_by(|a, b| {
            let (x, y) = (a.attempt(), b.attempt());
            x.map(|x| x.updated)
                .cmp(&y.map(|y| y.updated))
                .then_with(|| a.id.cmp(&b.id))
        });
        same
    }

    /// Drops a draft the caller has deleted; the choice stays on the row
    /// that took its place.
    pub fn remove(&mut self, id: &str) {
        let Some(at) = self.entries.iter().position(|e| e.id == id) else {
            return;
        };
        let row = self.selected;
        self.entries.remove(at);
        if self.confirm.as_deref() == Some(id) {
            self.confirm = None;
        }
        self.refresh(None);
        self.selected = row.min(self.view.len().saturating_sub(1));
    }

    /// Shows a message in the footer until the next key (e.g. why a delete
    /// or export failed).
    pub fn tell(&mut self, text: impl Into<String>, problem: bool) {
        self.note = Some(Note {
            text: text.into(),
            problem,
        });
    }

    /// Handles a key.
    pub fn key(&mut self, key: KeyEvent) -> Outcome {
        self.note = None;
        let plain = !key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
        if let Some(id) = self.confirm.take() {
            return match key.code {
                KeyCode::Char('y' | 'Y') if plain => Outcome::Delete(id),
                _ => Outcome::Stay,
            };
        }
        if let KeyCode::Char('c' | 'q') = key.code
            && key.modifiers.contains(KeyModifiers::CONTROL)
        {
            return Outcome::Close;
        }
        if self.move_key(key.code) {
            return Outcome::Stay;
        }
        if self.typing {
            match key.code {
                KeyCode::Esc => {
                    self.typing = false;
                    self.set_filter(String::new());
                }
                KeyCode::Enter => self.typing = false,
                KeyCode::Backspace => {
                    let mut filter = self.filter.clone();
                    filter.pop();
                    self.set_filter(filter);
                }
                KeyCode::Char(c) if plain => {
                    let filter = format!("{}{c}", self.filter);
                    self.set_filter(filter);
                }
                _ => {}
            }
            return Outcome::Stay;
        }
        let readable = self
            .selected()
            .filter(|e| e.attempt().is_some())
            .map(|e| e.id.clone());
        match key.code {
            KeyCode::Esc if !self.filter.is_empty() => self.set_filter(String::new()),
            KeyCode::Esc => return Outcome::Close,
            KeyCode::Char('q') if plain => return Outcome::Close,
            KeyCode::Enter => {
                if let Some(id) = readable {
                    return Outcome::Open(id);
                }
            }
            KeyCode::Char('d') | KeyCode::Delete if plain => self.confirm = readable,
            KeyCode::Char('e') if plain => {
                if let Some(id) = readable {
                    return Outcome::Export(id);
                }
            }
            KeyCode::Char('s') if plain => {
                self.sort = self.sort.next();
                let keep = self.selected().map(|e| e.id.clone());
                self.refresh(keep.as_deref());
            }
            KeyCode::Char('/') if plain => self.typing = true,
            _ => {}
        }
        Outcome::Stay
    }

    /// Moves the choice for a navigation key; whether the key was one.
    fn move_key(&mut self, code: KeyCode) -> bool {
        let last = self.view.len().saturating_sub(1);
        let page = self.page.get().max(1);
        self.selected = match code {
            KeyCode::Up => self.selected.saturating_sub(1),
            KeyCode::Down => (self.selected + 1).min(last),
            KeyCode::PageUp => self.selected.saturating_sub(page),
            KeyCode::PageDown => (self.selected + page).min(last),
            KeyCode::Home => 0,
            KeyCode::End => last,
            _ => return false,
        };
        true
    }

    fn set_filter(&mut self, filter: String) {
        self.filter = filter;
        let keep = self.selected().map(|e| e.id.clone());
        self.refresh(keep.as_deref());
    }

    /// Recomputes the rows shown, keeping `keep` chosen when it is shown.
    fn refresh(&mut self, keep: Option<&str>) {
        let needle = self.filter.trim().to_lowercase();
        let mut view: Vec<usize> = (0..self.entries.len())
            .filter(|&i| needle.is_empty() || self.entries[i].matches(&needle))
            .collect();
        let sort = self.sort;
        let entries = &self.entries;
        view.sort_by(|&a, &b| compare(&entries[a], &entries[b], sort));
        self.view = view;
        self.selected = keep
            .and_then(|id| self.view.iter().position(|&i| self.entries[i].id == id))
            .unwrap_or(0);
    }
}

/// The order of two rows under `sort`: readable drafts first (ties newest
/// first), then unreadable files by name.
fn compare(a: &Entry, b: &Entry, sort: SortKey) -> std::cmp::Ordering {
    match (&a.draft, &b.draft) {
        (Ok(x), Ok(y)) => {
            let newest = y.updated.cmp(&x.updated);
            match sort {
                SortKey::Date => newest,
                SortKey::Title => x.title.to_lowercase().cmp(&y.title.to_lowercase()),
                SortKey::Source => x.source.to_lowercase().cmp(&y.source.to_lowercase()),
                SortKey::Words => y.words.cmp(&x.words),
            }
            .then(newest)
            .then_with(|| a.id.cmp(&b.id))
        }
        (Ok(_), Err(_)) => std::cmp::Ordering::Less,
        (Err(_), Ok(_)) => std::cmp::Ordering::Greater,
        (Err(x), Err(y)) => x.file.cmp(&y.file),
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::store::{Draft, Overview};

    fn entry(id: &str, title: &str, text: &str, second: i64, body: &str) -> Entry {
        let mut draft = Draft::sample(id);
        draft.title = title.into();
        draft.body = body.into();
        draft.source.origin = Origin::File {
            path: format!("/tmp/{id}.md"),
        };
        draft.source.title = None;
        draft.source.text = text.into();
        draft.updated = Timestamp::from_second(second).expect("ts");
        Entry::from_listed(
            &Listed {
                path: PathBuf::from(format!("/d/{id}.json")),
                draft: Ok(Overview::of(&draft)),
            },
            &TimeZone::UTC,
            Timestamp::UNIX_EPOCH,
        )
    }

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn the_same_text_groups_whatever_its_line_ends() {
        let a = entry("a", "One", "Alpha.\r\nBeta.\n", 1, "x");
        let b = entry("b", "Two", "Alpha.\nBeta.", 2, "x");
        let c = entry("c", "Three", "Gamma.", 3, "x");
        let key_of = |e: &Entry| e.attempt().map(|a| a.passage.clone());
        assert_eq!(key_of(&a), key_of(&b));
        assert_ne!(key_of(&a), key_of(&c));
        assert_eq!(
            a.attempt().map(|a| a.source.as_str()),
            Some("a.md"),
            "an untitled file source shows its file name"
        );
    }

    #[test]
    fn control_characters_from_files_are_made_visible() {
        let e = entry("a", "Bad\u{1b}[2Jtitle", "Text.", 1, "x");
        assert_eq!(e.attempt().map(|a| a.title.as_str()), Some("Bad␛[2Jtitle"));
        let blank = entry("b", "   ", "Text.", 1, "x");
        assert_eq!(
            blank.attempt().map(|a| a.title.as_str()),
            Some("(untitled)")
        );
    }

    #[test]
    fn removing_keeps_the_choice_in_place() {
        let mut b = Browser::new(vec![
            entry("a", "A", "T.", 3, "x"),
            entry("b", "B", "T.", 2, "x"),
            entry("c", "C", "T.", 1, "x"),
        ]);
        b.key(key(KeyCode::Down));
        b.remove("b");
        assert_eq!(b.selected().map(|e| e.id.as_str()), Some("c"));
        b.remove("c");
        assert_eq!(b.selected().map(|e| e.id.as_str()), Some("a"));
        b.remove("a");
        assert!(b.selected().is_none());
        assert_eq!(b.key(key(KeyCode::Enter)), Outcome::Stay);
    }
}
