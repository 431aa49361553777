//! The drafts browser (`precis drafts`): every stored draft in a table
//! (title, source, date, mode, words against the target, flags, time used),
//! sortable and filterable, with the attempts on the selected draft's
//! passage shown underneath so a student sees their progress on it.
//!
//! Pure like the rest of the UI: the caller lists the store once, turns each
//! file into an [`Entry`] (the only place a report is computed), and carries
//! out what [`Browser::key`] returns (open, delete, export, close).

use std::borrow::Cow;
use std::cell::Cell;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::time::Duration;

use jiff::Timestamp;
use jiff::tz::TimeZone;
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Bar, BarChart, Block, Borders, Cell as TableCell, HighlightSpacing, List, ListItem, ListState,
    Paragraph, Row, Table, TableState, Wrap,
};

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::note::{self, Note};
use super::theme::Theme;
use crate::analysis::target::LengthStatus;
use crate::store::listing::reason;
use crate::store::{ExamState, Listed, Origin};
use crate::text::sanitize::one_line;

/// The narrowest area the browser draws in.
const MIN_WIDTH: u16 = 40;
/// The shortest area the browser draws in.
const MIN_HEIGHT: u16 = 10;
/// The table's columns: title, source, date, mode, words/target, flags,
/// time.
const WIDTHS: [Constraint; 7] = [
    Constraint::Fill(3),
    Constraint::Fill(2),
    Constraint::Length(12),
    Constraint::Length(16),
    Constraint::Length(7),
    Constraint::Length(6),
    Constraint::Length(7),
];
/// The chosen row's marker.
const SYMBOL: &str = "› ";

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
    fn column(self) -> usize {
        match self {
            SortKey::Date => 2,
            SortKey::Title => 0,
            SortKey::Source => 1,
            SortKey::Words => 4,
        }
    }

    /// The arrow after the sorted column's header.
    fn arrow(self) -> &'static str {
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
    entries: Vec<Entry>,
    /// Indices into `entries` of the rows shown, in order.
    view: Vec<usize>,
    /// The chosen row, an index into `view`.
    selected: usize,
    sort: SortKey,
    filter: String,
    /// Whether keys are typing into the filter.
    typing: bool,
    /// The id of a draft awaiting "y" to be deleted.
    confirm: Option<String>,
    note: Option<Note>,
    /// The table's first row shown; the renderer writes it back.
    offset: Cell<usize>,
    /// Rows the table showed last frame, for PgUp and PgDn.
    page: Cell<usize>,
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

/// Draws the browser into `area`: the table, the chosen passage's history
/// and a footer of keys. `now` gives how long ago the latest attempt was.
pub fn render(frame: &mut Frame, area: Rect, browser: &Browser, theme: &Theme, now: Timestamp) {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let message = format!(
            "Enlarge the window: the drafts browser needs at least {MIN_WIDTH}×{MIN_HEIGHT} (now {}×{}).",
            area.width, area.height
        );
        let [row] = Layout::vertical([Constraint::Length(3)])
            .flex(Flex::Center)
            .areas(area);
        frame.render_widget(
            Paragraph::new(message).wrap(Wrap { trim: true }).centered(),
            row,
        );
        return;
    }
    let history_height = (area.height.saturating_sub(1) * 2 / 5).clamp(6, 14);
    let [table_area, history_area, footer_area] = Layout::vertical([
        Constraint::Min(5),
        Constraint::Length(history_height),
        Constraint::Length(1),
    ])
    .areas(area);
    render_table(frame, table_area, browser, theme);
    render_history(frame, history_area, browser, theme, now);
    render_footer(frame, footer_area, browser, theme);
}

fn render_table(frame: &mut Frame, area: Rect, browser: &Browser, theme: &Theme) {
    let count = if browser.view.len() == browser.entries.len() {
        browser.entries.len().to_string()
    } else {
        format!("{} of {}", browser.view.len(), browser.entries.len())
    };
    let mut title = vec![Span::raw(format!(
        " Drafts ({count}) · sorted by {} ",
        browser.sort.label()
    ))];
    if browser.typing || !browser.filter.is_empty() {
        title.push(Span::raw("· filter: "));
        title.push(Span::styled(
            one_line(&browser.filter),
            Style::new().add_modifier(Modifier::BOLD),
        ));
        if browser.typing {
            title.push(Span::styled("█", theme.dim()));
        }
        title.push(Span::raw(" "));
    }
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border(true))
        .title(Line::from(title));
    let header_names = ["Title", "Source", "Date", "Mode", "Words", "Flags", "Time"];
    let header = Row::new(header_names.iter().enumerate().map(|(i, name)| {
        if i == browser.sort.column() {
            TableCell::new(format!("{name}{}", browser.sort.arrow()))
                .style(Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED))
        } else {
            TableCell::new(*name).style(Style::new().add_modifier(Modifier::BOLD))
        }
    }));
    let inner = block.inner(area);
    let widths = column_widths(inner.width);
    let rows: Vec<Row> = browser
        .visible()
        .into_iter()
        .map(|e| entry_row(e, &widths, theme))
        .collect();
    let empty = rows.is_empty();
    let table = Table::new(rows, WIDTHS)
        .header(header)
        .block(block)
        .column_spacing(1)
        .row_highlight_style(theme.selected())
        .highlight_symbol(SYMBOL)
        .highlight_spacing(HighlightSpacing::Always);
    let mut state = TableState::new()
        .with_offset(browser.offset.get())
        .with_selected((!empty).then_some(browser.selected));
    browser
        .page
        .set(usize::from(inner.height.saturating_sub(1)).max(1));
    frame.render_stateful_widget(table, area, &mut state);
    browser.offset.set(state.offset());
    if empty {
        let message = if browser.filter.is_empty() {
            "No drafts yet. To start a précis, run `precis` (a built-in passage), \
             `precis FILE` (your own text) or `precis exam` (a timed exam); in the editor, \
             Ctrl+P chooses another passage. Drafts are saved as you type."
                .to_string()
        } else {
            format!(
                "No draft matches “{}”. Esc clears the filter.",
                one_line(&browser.filter)
            )
        };
        let [_, row] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(inner);
        frame.render_widget(
            Paragraph::new(Span::styled(message, theme.dim())).wrap(Wrap { trim: true }),
            Rect {
                x: row.x + 2,
                width: row.width.saturating_sub(2),
                ..row
            },
        );
    }
}

/// The width of each column when the table's inside is `width` wide, as the
/// table lays them out (the marker's room first, one space between).
fn column_widths(width: u16) -> [usize; 7] {
    let room = width.saturating_sub(SYMBOL.width() as u16);
    let rects = Layout::horizontal(WIDTHS)
        .flex(Flex::Start)
        .spacing(1)
        .split(Rect::new(0, 0, room, 1));
    let mut out = [0; 7];
    for (w, r) in out.iter_mut().zip(rects.iter()) {
        *w = usize::from(r.width);
    }
    out
}

/// `text` cut to `width` columns, with "…" when something was cut.
fn fit(text: &str, width: usize) -> Cow<'_, str> {
    if text.width() <= width {
        return Cow::Borrowed(text);
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.truncate(out.trim_end().len());
    if width > 0 {
        out.push('…');
    }
    Cow::Owned(out)
}

/// One table row.
fn entry_row<'a>(entry: &'a Entry, widths: &[usize; 7], theme: &Theme) -> Row<'a> {
    match &entry.draft {
        Err(u) => {
            let all = widths.iter().sum::<usize>() + widths.len() - 1;
            let text = format!("unreadable: {}: {}", u.file, u.reason);
            Row::new([TableCell::new(fit(&text, all).into_owned())
                .column_span(widths.len() as u16)
                .style(theme.error())])
        }
        Ok(a) => Row::new([
            TableCell::new(fit(&a.title, widths[0])),
            TableCell::new(fit(&a.source, widths[1])),
            TableCell::new(a.date.as_str()),
            TableCell::new(a.mode.as_str()),
            TableCell::new(Line::from(words_span(a, theme))),
            TableCell::new(Line::from(flags_spans(a, theme))),
            TableCell::new(time_span(a.time_used, theme)),
        ]),
    }
}

/// "96/120", coloured by where it stands against the band.
fn words_span(a: &Attempt, theme: &Theme) -> Span<'static> {
    Span::styled(format!("{}/{}", a.words, a.target), theme.length(a.status))
}

/// "✗1 ⚠2", or "✓" when nothing was flagged, or a dim "—" while the exam
/// runs (its checks stay hidden until time is up).
fn flags_spans(a: &Attempt, theme: &Theme) -> Vec<Span<'static>> {
    if a.checks_hidden {
        return vec![Span::styled("—", theme.dim())];
    }
    let mut spans = Vec::new();
    if a.errors > 0 {
        spans.push(Span::styled(format!("✗{}", a.errors), theme.error()));
    }
    if a.warnings > 0 {
        if !spans.is_empty() {
            spans.push(Span::raw(" "));
        }
        spans.push(Span::styled(format!("⚠{}", a.warnings), theme.warning()));
    }
    if spans.is_empty() {
        spans.push(Span::styled("✓", theme.good()));
    }
    spans
}

/// The time used as the review shows it (`31:05`, `1:05:00`), or a dim
/// "—" when it is not known.
fn time_span(time: Option<Duration>, theme: &Theme) -> Span<'static> {
    match time {
        None => Span::styled("—", theme.dim()),
        Some(d) => Span::raw(crate::exam::clock::clock_text(d)),
    }
}

/// "just now", "5 min ago", "3 h ago", "2 days ago".
fn ago(then: Timestamp, now: Timestamp) -> String {
    let seconds = now.as_second().saturating_sub(then.as_second()).max(0);
    match seconds {
        0..60 => "just now".to_string(),
        60..3_600 => format!("{} min ago", seconds / 60),
        3_600..86_400 => format!("{} h ago", seconds / 3_600),
        86_400..172_800 => "yesterday".to_string(),
        _ => format!("{} days ago", seconds / 86_400),
    }
}

fn render_history(frame: &mut Frame, area: Rect, browser: &Browser, theme: &Theme, now: Timestamp) {
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border(false));
    let Some(selected) = browser.selected() else {
        let inner = block.inner(area);
        frame.render_widget(block.title(" History "), area);
        frame.render_widget(
            Paragraph::new(Span::styled(
                "Every attempt on the chosen draft's passage shows here.",
                theme.dim(),
            )),
            inner,
        );
        return;
    };
    let attempt = match &selected.draft {
        Ok(a) => a,
        Err(u) => {
            let inner = block.inner(area);
            frame.render_widget(block.title(" Unreadable file "), area);
            let text = vec![
                Line::styled(
                    format!("unreadable: {}: {}", u.file, u.reason),
                    theme.error(),
                ),
                Line::raw(""),
                Line::styled(
                    "précis leaves this file as it is: it cannot be opened or deleted here. \
                     Move it out of the drafts folder or fix it by hand.",
                    theme.dim(),
                ),
            ];
            frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), inner);
            return;
        }
    };
    let history = browser.history();
    let attempts: Vec<&Attempt> = history.iter().filter_map(|e| e.attempt()).collect();
    let latest = attempts.last().map_or(attempt.updated, |a| a.updated);
    // The passage's name gives way first (down to a few words), then when
    // the last attempt was, then the count.
    let count = format!(
        "{} attempt{}",
        attempts.len(),
        if attempts.len() == 1 { "" } else { "s" }
    );
    let room = usize::from(area.width.saturating_sub(2));
    let named = |tail: &str| {
        let left = room.saturating_sub(" History of “” ".width() + tail.width());
        (left >= 16.min(attempt.source.width()))
            .then(|| format!(" History of “{}”{tail} ", fit(&attempt.source, left)))
    };
    let title = named(&format!(" · {count} · last {}", ago(latest, now)))
        .or_else(|| named(&format!(" · {count}")))
        .unwrap_or_else(|| {
            super::fit::first_fitting(&[format!(" History · {count} "), " History ".into()], room)
        });
    let inner = block.inner(area);
    frame.render_widget(block.title(title), area);
    let [list_area, chart_area] = Layout::horizontal([Constraint::Length(38), Constraint::Min(10)])
        .spacing(2)
        .areas(inner);

    // Every number takes the room of the largest, and a space follows it.
    let number = attempts.len().to_string().len().max(2);
    let items: Vec<ListItem> = attempts
        .iter()
        .enumerate()
        .map(|(n, a)| {
            let mut spans = vec![
                Span::styled(format!("#{:<number$} ", n + 1), theme.dim()),
                Span::raw(format!("{}  ", a.date)),
            ];
            let words = words_span(a, theme);
            let pad = 9usize.saturating_sub(words.width());
            spans.push(Span::raw(" ".repeat(pad)));
            spans.push(words);
            spans.push(Span::raw("  "));
            spans.extend(flags_spans(a, theme));
            ListItem::new(Line::from(spans))
        })
        .collect();
    let chosen = history.iter().position(|e| e.id == selected.id);
    let list = List::new(items)
        .highlight_style(theme.selected())
        .highlight_symbol(SYMBOL);
    let mut state = ListState::default().with_selected(chosen);
    frame.render_stateful_widget(list, list_area, &mut state);

    let [caption_area, bars_area] =
        Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(chart_area);
    // The band gives way first, then the caption's first words.
    let target = Span::styled(
        attempt.target.to_string(),
        Style::new().add_modifier(Modifier::BOLD),
    );
    let band = Span::styled(format!(" ({}–{})", attempt.min, attempt.max), theme.dim());
    // `──` is how the chart draws the target.
    let legend = || Span::styled("──", theme.dim());
    let captions = [
        Line::from(vec![
            Span::raw("Words per attempt · "),
            legend(),
            Span::raw(" target "),
            target.clone(),
            band,
        ]),
        Line::from(vec![
            Span::raw("Words per attempt · "),
            legend(),
            Span::raw(" target "),
            target.clone(),
        ]),
        Line::from(vec![
            Span::raw("Words · "),
            legend(),
            Span::raw(" target "),
            target.clone(),
        ]),
        Line::from(vec![legend(), Span::raw(" target "), target]),
    ];
    let caption = captions
        .iter()
        .find(|c| c.width() <= usize::from(caption_area.width))
        .unwrap_or(&captions[captions.len() - 1]);
    frame.render_widget(Paragraph::new(caption.clone()), caption_area);
    const BAR_WIDTH: u16 = 5;
    const BAR_GAP: u16 = 1;
    let fit = usize::from((bars_area.width + BAR_GAP) / (BAR_WIDTH + BAR_GAP)).max(1);
    let skip = attempts.len().saturating_sub(fit);
    let bars: Vec<Bar> = attempts
        .iter()
        .enumerate()
        .skip(skip)
        .map(|(n, a)| {
            let style = if Some(n) == chosen {
                theme.length(a.status)
            } else {
                theme.length(a.status).remove_modifier(Modifier::BOLD)
            };
            Bar::default()
                .value(a.words as u64)
                .text_value(a.words.to_string())
                .label(Line::from(format!("#{}", n + 1)))
                .style(style)
        })
        .collect();
    let top = attempts
        .iter()
        .map(|a| a.words)
        .chain([attempt.max])
        .max()
        .unwrap_or(1)
        .max(1);
    let chart = BarChart::vertical(bars)
        .bar_width(BAR_WIDTH)
        .bar_gap(BAR_GAP)
        .max(top as u64)
        .value_style(theme.selected())
        .label_style(theme.dim());
    frame.render_widget(chart, bars_area);
    target_line(frame.buffer_mut(), bars_area, attempt.target, top, theme);
}

/// Draws the target as a line across the bar chart drawn in `area` (whose
/// last row holds the labels) with `top` words at its full height: in the
/// row the target's height falls in, wherever no bar reaches.
fn target_line(buf: &mut Buffer, area: Rect, target: usize, top: usize, theme: &Theme) {
    let rows = usize::from(area.height.saturating_sub(1));
    if rows == 0 || top == 0 || target == 0 {
        return;
    }
    // The chart scales a value to `value * rows / top` rows, bottom up.
    let from_bottom = (target * rows / top).min(rows - 1);
    let y = area.y + (rows - 1 - from_bottom) as u16;
    for x in area.left()..area.right() {
        let cell = &mut buf[(x, y)];
        if cell.symbol() == " " {
            cell.set_symbol("─").set_style(theme.dim());
        }
    }
}

fn render_footer(frame: &mut Frame, area: Rect, browser: &Browser, theme: &Theme) {
    if let Some(id) = &browser.confirm {
        let title = browser
            .entries
            .iter()
            .find(|e| &e.id == id)
            .and_then(Entry::attempt)
            .map_or(id.as_str(), |a| a.title.as_str());
        let line = Line::from(vec![
            Span::styled(format!("Delete “{}”? ", one_line(title)), theme.error()),
            Span::styled("y", theme.key()),
            Span::raw("/"),
            Span::styled("n", theme.key()),
        ]);
        frame.render_widget(Paragraph::new(line), area);
        return;
    }
    if let Some(note) = &browser.note {
        note::render(frame, area, note, theme);
        return;
    }
    let keys: &[(&str, &str)] = if browser.typing {
        &[
            ("type", "Filter title or source"),
            ("Enter", "Done"),
            ("Esc", "Clear"),
            ("↑↓", "Move"),
        ]
    } else {
        &[
            ("↑↓", "Move"),
            ("Enter", "Open"),
            ("d", "Delete"),
            ("e", "Export"),
            ("s", "Sort"),
            ("/", "Filter"),
            (
                if browser.filter.is_empty() {
                    "q"
                } else {
                    "Esc"
                },
                if browser.filter.is_empty() {
                    "Close"
                } else {
                    "Clear filter"
                },
            ),
        ]
    };
    let mut spans = Vec::new();
    for (key, what) in keys {
        spans.push(Span::styled(*key, theme.key()));
        spans.push(Span::raw(format!(" {what}  ")));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
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

    #[test]
    fn ages_read_naturally() {
        let t = |s| Timestamp::from_second(s).expect("ts");
        assert_eq!(ago(t(0), t(30)), "just now");
        assert_eq!(ago(t(0), t(600)), "10 min ago");
        assert_eq!(ago(t(0), t(7_200)), "2 h ago");
        assert_eq!(ago(t(0), t(90_000)), "yesterday");
        assert_eq!(ago(t(0), t(3 * 86_400)), "3 days ago");
        assert_eq!(ago(t(100), t(0)), "just now");
    }
}
