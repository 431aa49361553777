//! Spelling in the editor. Words are checked on every keystroke from the
//! verdicts the engine remembers, once the dictionaries have loaded on a
//! thread of their own (started once the first frame is up and typing
//! pauses: the first frame and the keys never wait for them). The
//! corrections, which take tens of milliseconds a word, are computed on a
//! worker thread when typing pauses and shown when they arrive. `Enter` on
//! a spelling flag offers them in a small box; choosing one replaces the
//! word, and `a` adds the word to the student's list (`words.txt` beside
//! `config.toml`).

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{self, Sender};

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use ratatui_textarea::CursorMove;

use super::app::{App, Effect, Focus, Overlay};
use super::marks::Field;
use super::theme::Theme;
use crate::analysis::report::FlagKind;
use crate::analysis::spelling::{Language, Speller};
use crate::text::sanitize::one_line;

/// Whether a flag is about a word's spelling.
pub fn is_spelling(kind: FlagKind) -> bool {
    matches!(kind, FlagKind::Spelling | FlagKind::SpellingVariant)
}

/// The suggestions box: a flagged word and what could replace it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    /// The word as written.
    pub word: String,
    /// Where it stands in the précis text the report was made of.
    pub start: usize,
    /// The corrections, the likeliest first.
    pub suggestions: Vec<String>,
    /// The chosen correction.
    pub selected: usize,
}

/// Whether `Enter` on the chosen flag opens the suggestions box: it is a
/// spelling flag and the précis can be edited.
pub fn offers(app: &App) -> bool {
    app.report
        .flags
        .get(app.flag_selected)
        .is_some_and(|f| is_spelling(f.kind) && !app.read_only)
}

/// Moves the cursor to the chosen spelling flag's word and opens the
/// suggestions box (computing the corrections now if the worker has not).
pub fn open(app: &mut App) {
    let Some(flag) = app.report.flags.get(app.flag_selected).cloned() else {
        return;
    };
    app.jump_to_flag(app.flag_selected);
    let speller = app.source.analysis.speller().clone();
    let mut suggestions: Vec<String> = flag.suggestion.iter().cloned().collect();
    for s in speller.all_suggestions(&flag.text) {
        if !suggestions.contains(&s) {
            suggestions.push(s);
        }
    }
    suggestions.truncate(9);
    app.overlay = Overlay::Spelling(Choice {
        word: flag.text,
        start: flag.start,
        suggestions,
        selected: 0,
    });
}

/// A key in the suggestions box: `↑`/`↓` choose, `Enter` or a digit
/// replaces the word, `a` adds it to the student's list, anything else
/// closes the box.
pub fn overlay_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let Overlay::Spelling(choice) = &mut app.overlay else {
        return Vec::new();
    };
    let plain = !key
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
    let n = choice.suggestions.len();
    let pick = match key.code {
        KeyCode::Up => {
            choice.selected = choice.selected.saturating_sub(1);
            return Vec::new();
        }
        KeyCode::Down => {
            choice.selected = (choice.selected + 1).min(n.saturating_sub(1));
            return Vec::new();
        }
        KeyCode::Enter => Some(choice.selected),
        KeyCode::Char(c @ '1'..='9') if plain => {
            let i = c as usize - '1' as usize;
            if i >= n {
                return Vec::new();
            }
            Some(i)
        }
        KeyCode::Char('a') if plain => {
            let word = choice.word.clone();
            app.overlay = Overlay::None;
            return vec![Effect::AddWord(word)];
        }
        _ => None,
    };
    let choice = choice.clone();
    app.overlay = Overlay::None;
    if let Some(replacement) = pick.and_then(|i| choice.suggestions.get(i)) {
        replace(app, &choice, replacement);
    }
    Vec::new()
}

/// Replaces the word of `choice` with `replacement`, if the text still
/// holds it there (undone in two steps, as a paste over a selection is).
fn replace(app: &mut App, choice: &Choice, replacement: &str) {
    let Some((field, row, col)) = app.marks.locate(choice.start) else {
        return;
    };
    let (area, focus) = match field {
        Field::Title => (&mut app.title, Focus::Title),
        Field::Body => (&mut app.body, Focus::Body),
    };
    let len = choice.word.chars().count();
    let there = area
        .lines()
        .get(row)
        .map(|line| line.chars().skip(col).take(len).collect::<String>());
    if there.as_deref() != Some(choice.word.as_str()) {
        return;
    }
    let jump = |n: usize| u16::try_from(n).unwrap_or(u16::MAX);
    area.cancel_selection();
    area.move_cursor(CursorMove::Jump(jump(row), jump(col)));
    area.start_selection();
    for _ in 0..len {
        area.move_cursor(CursorMove::Forward);
    }
    if area.insert_str(replacement) {
        app.focus = focus;
        app.changed();
    }
}

/// Draws the suggestions box over `area`.
pub fn render(frame: &mut Frame, area: Rect, choice: &Choice, theme: &Theme) {
    let rows = choice.suggestions.len().max(1) as u16;
    let box_area = super::layout::centred(area, 56, rows + 5);
    frame.render_widget(Clear, box_area);
    let mut lines = vec![Line::from(vec![
        Span::raw("Replace "),
        Span::styled(
            format!("“{}”", one_line(&choice.word)),
            theme.mark(super::marks::MarkKind::Misspelt),
        ),
        Span::raw(" with:"),
    ])];
    if choice.suggestions.is_empty() {
        lines.push(Line::styled(
            "  (the dictionary has no suggestion)",
            theme.dim(),
        ));
    }
    for (i, s) in choice.suggestions.iter().enumerate() {
        let text = format!(" {} {} ", i + 1, one_line(s));
        lines.push(if i == choice.selected {
            Line::styled(text, theme.selected())
        } else {
            Line::raw(text)
        });
    }
    lines.push(Line::raw(""));
    lines.push(Line::from(vec![
        Span::styled(" Enter ", theme.key()),
        Span::raw(" replace  "),
        Span::styled(" a ", theme.key()),
        Span::raw(" add to my words  "),
        Span::styled(" Esc ", theme.key()),
        Span::raw(" keep"),
    ]));
    let block = Block::default()
        .borders(Borders::ALL)
        .title(" Spelling ")
        .border_style(theme.border(true));
    frame.render_widget(Paragraph::new(lines).block(block), box_area);
}

/// The editor's spelling: the check every source is analysed with, the
/// student's list on disk, and the worker that computes corrections.
#[derive(Debug)]
pub struct Session {
    speller: Speller,
    words_path: Option<PathBuf>,
    /// Words for the worker.
    worker: Option<Sender<String>>,
    /// Words already sent to the worker.
    asked: HashSet<String>,
    /// How many sent words the worker has not finished.
    pending: Arc<AtomicUsize>,
    /// Set by the worker when corrections arrive.
    arrived: Arc<AtomicBool>,
    /// Whether the dictionaries were asked for.
    loading: bool,
    /// Whether the dictionaries were loaded at the last look.
    loaded: bool,
    /// The app's revision when corrections were last asked for.
    asked_at: Option<u64>,
}

impl Session {
    /// Spelling in `language` trusting `words`, added to at `words_path`.
    /// Nothing is checked until [`Self::load`] has loaded the dictionaries.
    pub fn new(language: Language, words: &[String], words_path: Option<PathBuf>) -> Self {
        let speller = Speller::new(language, words).live();
        let pending = Arc::new(AtomicUsize::new(0));
        let arrived = Arc::new(AtomicBool::new(false));
        let (tx, rx) = mpsc::channel::<String>();
        let worker = {
            let (speller, pending, arrived) =
                (speller.clone(), Arc::clone(&pending), Arc::clone(&arrived));
            std::thread::Builder::new()
                .name("spelling".into())
                .spawn(move || {
                    for word in rx {
                        speller.suggestions(&word);
                        pending.fetch_sub(1, Ordering::AcqRel);
                        arrived.store(true, Ordering::Release);
                    }
                })
                .ok()
                .map(|_| tx)
        };
        Self {
            speller,
            words_path,
            worker,
            asked: HashSet::new(),
            pending,
            arrived,
            loading: false,
            loaded: false,
            asked_at: None,
        }
    }

    /// Starts loading the dictionaries on a thread of their own, once. The
    /// runtime calls it when the first frame has been up a moment and typing
    /// pauses, so the loading competes for the processor with neither.
    pub fn load(&mut self) {
        if !self.loading {
            self.loading = true;
            self.speller.preload();
        }
    }

    /// The check sources are analysed with.
    pub fn speller(&self) -> Speller {
        self.speller.clone()
    }

    /// Re-analyses the précis when what the check knows has grown (the
    /// dictionaries loaded, corrections arrived), for the next frame.
    pub fn poll(&mut self, app: &mut App) {
        let loaded = !self.loaded && self.speller.ready();
        self.loaded |= loaded;
        let arrived = self.arrived.swap(false, Ordering::AcqRel);
        if loaded || arrived {
            app.reanalyse();
        }
    }

    /// Asks the worker for the corrections of the flagged words that have
    /// none yet, once per change of the text (call it when typing pauses).
    pub fn request(&mut self, app: &App) {
        if self.asked_at == Some(app.revision) && self.loaded {
            return;
        }
        self.asked_at = Some(app.revision);
        let Some(worker) = &self.worker else { return };
        let wanted = app
            .report
            .flags
            .iter()
            .filter(|f| is_spelling(f.kind) && f.suggestion.is_none());
        for f in wanted {
            if self.asked.insert(f.text.clone()) {
                self.pending.fetch_add(1, Ordering::AcqRel);
                if worker.send(f.text.clone()).is_err() {
                    self.pending.fetch_sub(1, Ordering::AcqRel);
                }
            }
        }
    }

    /// Whether something is on its way (the dictionaries, corrections).
    /// The event loop does not wait for them: it looks at every wake-up,
    /// at least every 200 ms, so they show within that of arriving.
    pub fn busy(&self) -> bool {
        (self.loading && !self.loaded) || self.pending.load(Ordering::Acquire) > 0
    }

    /// Adds `word` to the student's list, on disk and in the check, and
    /// says so in the bottom row.
    pub fn add_word(&self, app: &mut App, word: &str) {
        self.speller.add_word(word);
        let saved = match &self.words_path {
            Some(path) => crate::config::add_word(path, word).map_err(|e| e.to_string()),
            None => Err("no config folder to keep your words in".to_string()),
        };
        app.reanalyse();
        match saved {
            Ok(()) => app.tell(format!("“{}” added to your words", one_line(word)), false),
            Err(e) => app.tell(
                format!("“{}” trusted until you quit, but {e}", one_line(word)),
                true,
            ),
        }
    }
}
