//! The editor's state and how it changes: `App::update(action)` takes a key,
//! paste, mouse event or resize and returns the effects (save, open, quit)
//! for the runtime to carry out. Nothing here touches the terminal, the disk
//! or the clock, so behaviour is testable without either.
//!
//! Here are the state and its parts; `App`'s methods are beside their
//! concern: keys and other actions (`update`), the layers over the editor
//! (`overlay`), moving between panes (`panes`), the précis checked as it
//! changes (`analysis`), the draft it is saved as (`draft`), the source
//! (`source`), the exam (`exam`), the title field (`title`) and spelling
//! corrections (`spelling`).

mod analysis;
mod draft;
mod exam;
mod overlay;
mod panes;
mod source;
mod spelling;
mod title;
mod update;

use std::cell::{Cell, RefCell};

use jiff::Timestamp;
use ratatui::layout::{Position, Rect};
use ratatui_textarea::{CursorMove, TextArea, WrapMode};

use super::browser::Browser;
use super::marks::Marks;
use super::picker::Picker;
use super::spelling::Choice;
use super::wrap::WrapCache;
use crate::analysis::report::Report;
use crate::analysis::words::CountingOptions;
use crate::analysis::{Preset, Scope, Settings, structure};
use crate::exam::timing::ExamTiming;
use crate::exam::{Feedback, Plan};
use crate::store::{Mode, Sample};

pub use super::messages::{Action, Effect, Opening};
pub use super::note::Note;

pub use source::{LARGE_SOURCE, Source};

/// How many edits undo remembers (the widget's default is 50).
const UNDO_DEPTH: usize = 10_000;

/// Which part of the screen takes the keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// The one-line title field above the body.
    Title,
    /// The précis body.
    Body,
    /// The source pane (scrolling).
    Source,
    /// The panel under the précis: the flags list (choosing a flag), or
    /// the exam review (scrolling it).
    Flags,
}

/// Whether the text on screen is safely on disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveState {
    /// Nothing typed since the draft was opened or saved.
    Saved(Option<String>),
    /// Changes not yet written.
    Unsaved,
    /// The last save failed; the reason.
    Failed(String),
}

/// A full-screen layer over the editor.
#[derive(Debug, Clone)]
pub enum Overlay {
    /// Nothing over the editor.
    None,
    /// The key bindings.
    Help,
    /// The passage picker.
    Picker(Picker),
    /// Saving failed on quit: where to write the précis instead.
    SaveAs(String),
    /// The drafts browser, opened at the given time.
    Browser(Box<Browser>, Timestamp),
    /// "Submit now?" during an exam.
    ConfirmSubmit,
    /// Corrections for a misspelt word.
    Spelling(Choice),
    /// "Leave the exam?" during an exam: its clock keeps running.
    ConfirmQuit,
    /// "Start an exam on this?" from the passage picker, which any key but
    /// `y` goes back to.
    ConfirmExam(Opening, Picker),
}

/// Screen areas recorded while drawing, for mouse hits.
#[derive(Debug, Default, Clone, Copy)]
pub struct Areas {
    /// The source text area.
    pub source: Rect,
    /// The title field's text area.
    pub title: Rect,
    /// The body's text area.
    pub body: Rect,
    /// The flags list.
    pub flags: Rect,
    /// Where the frame put the terminal's cursor, if it showed it.
    pub cursor: Option<Position>,
}

/// The whole editor state.
#[derive(Debug)]
pub struct App {
    /// The passage.
    pub source: Source,
    /// The title field (one line).
    pub title: TextArea<'static>,
    /// The précis body.
    pub body: TextArea<'static>,
    /// Which part takes keys.
    pub focus: Focus,
    /// Rules the précis is checked against.
    pub settings: Settings,
    /// The latest analysis of the précis.
    pub report: Report,
    /// The report's spans mapped onto the title field, body and source.
    pub marks: Marks,
    /// What covers the editor, if anything.
    pub overlay: Overlay,
    /// Whether the flags panel is open.
    pub flags_open: bool,
    /// The chosen flag in the panel.
    pub flag_selected: usize,
    /// Highlight every figure of the source.
    pub show_figures: bool,
    /// First display row of the source pane; the renderer clamps it to the
    /// text and writes it back.
    pub source_scroll: Cell<usize>,
    /// A source byte offset to bring into view at the next draw.
    pub source_reveal: Cell<Option<usize>>,
    /// A byte range of the source to show highlighted (a chosen flag's).
    pub source_focus: Option<std::ops::Range<usize>>,
    /// The status bar's message, if any.
    pub note: Option<Note>,
    /// Whether the text is on disk.
    pub save: SaveState,
    /// The draft's id and when it was started.
    pub draft_id: String,
    /// When the draft was started.
    pub created: Timestamp,
    /// Set when the app should exit.
    pub quit: bool,
    /// The terminal size.
    pub size: (u16, u16),
    /// Areas drawn last frame, for mouse hits.
    pub areas: Cell<Areas>,
    /// The source wrapped for the last width drawn.
    pub wrap: RefCell<WrapCache>,
    /// Counting options.
    pub counting: CountingOptions,
    /// Word counts over time, for the pace chart.
    pub timeline: Vec<Sample>,
    /// The `updated` time of the draft file as this instance last wrote or
    /// read it, to notice another instance writing it meanwhile.
    pub on_disk: Option<Timestamp>,
    /// Counts every change to the text, so the runtime can tell when to save.
    pub revision: u64,
    /// Whether a change's re-analysis waits for [`App::settle`], so the
    /// runtime can draw the keystroke before analysing it.
    pub defer_analysis: bool,
    /// A change not yet analysed (only while `defer_analysis`).
    analysis_due: bool,
    /// Closing the drafts browser leaves the app (`precis drafts`).
    pub exit_with_browser: bool,
    /// Practice or exam.
    pub mode: Mode,
    /// The exam clock, for exam attempts.
    pub exam: Option<ExamTiming>,
    /// A submitted exam: shown as handed in, not editable.
    pub read_only: bool,
    /// The time of the last tick (exam clock).
    pub now: Timestamp,
    /// Whether the clock has ticked yet (warnings need a previous tick).
    ticked: bool,
    /// What an exam in progress shows of the report.
    pub feedback: Feedback,
    /// How long an exam started from the passage picker runs.
    pub exam_plan: Plan,
    /// The exam review is shown (after submitting, or for a submitted draft).
    pub review_open: bool,
    /// The student asked for the model précis in the source pane's place
    /// (drawn only in the review).
    pub show_model: bool,
    /// First row of the exam review in view; the renderer clamps it.
    pub review_scroll: Cell<usize>,
    /// First row of the help in view; the renderer clamps it.
    pub help_scroll: Cell<usize>,
    /// The body line just moved into the title field, until the next edit:
    /// what `Ctrl+Z` puts back.
    pub(super) title_moved: Option<String>,
    /// A first line the student put back after it was moved: not moved again.
    pub(super) declined_title: Option<String>,
    /// Coverage as last measured, and its key-points-left-out flags: shown
    /// while typing goes on, since coverage is measured when typing pauses.
    coverage: Option<(
        crate::analysis::report::CoverageSummary,
        Vec<crate::analysis::report::Flag>,
    )>,
    /// The text changed since coverage was last measured.
    pub coverage_due: bool,
    /// The revision whose full check (coverage included) `report` is, if
    /// it is one: what a save stores as the draft's counts.
    checked_revision: Option<u64>,
    /// A précis too big to check before the first frame, not checked yet:
    /// `report` is empty, and the screen says the checks are coming.
    checking: bool,
}

/// The size of précis (in bytes) above which a new app is drawn before it
/// is checked: checking takes about 0.15 s per megabyte.
pub const LARGE_PRECIS: usize = 256 << 10;

/// The parts of an app that a draft or a fresh start provides.
#[derive(Debug)]
pub struct Start {
    /// The passage.
    pub source: Source,
    /// The title typed so far.
    pub title: String,
    /// The body typed so far.
    pub body: String,
    /// Rules.
    pub settings: Settings,
    /// The draft's id.
    pub draft_id: String,
    /// When the draft was started.
    pub created: Timestamp,
    /// Word counts so far.
    pub timeline: Vec<Sample>,
    /// When the draft file was last written, if it exists.
    pub on_disk: Option<Timestamp>,
    /// Practice or exam.
    pub mode: Mode,
    /// The exam clock, for exam attempts.
    pub exam: Option<ExamTiming>,
}

/// A text field holding `text`, soft-wrapped, with a deep undo history.
pub(super) fn new_textarea(text: &str, placeholder: &str) -> TextArea<'static> {
    let lines: Vec<String> = if text.is_empty() {
        vec![String::new()]
    } else {
        text.split('\n').map(str::to_string).collect()
    };
    let mut t = TextArea::new(lines);
    t.set_max_histories(UNDO_DEPTH);
    t.set_wrap_mode(WrapMode::WordOrGlyph);
    t.set_placeholder_text(placeholder);
    t.set_placeholder_style(super::theme::Theme::placeholder());
    t.set_selection_style(super::theme::Theme::selection());
    t.set_cursor_line_style(ratatui::style::Style::default());
    // Reverse video shows a selection with or without colour (`NO_COLOR`).
    t.set_selection_style(
        ratatui::style::Style::new().add_modifier(ratatui::style::Modifier::REVERSED),
    );
    t.move_cursor(CursorMove::Bottom);
    t.move_cursor(CursorMove::End);
    t
}

/// Makes pasted or loaded text fit a text field: line ends normalised,
/// tabs to spaces, other control characters dropped.
pub fn clean_input(text: &str) -> String {
    // Text this editor saved is clean already: a long draft is copied once.
    if !text.chars().any(|c| c != '\n' && c.is_control()) {
        return text.to_string();
    }
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter_map(|c| match c {
            '\n' => Some('\n'),
            '\t' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

impl App {
    /// A new app for `start`, analysed and ready to draw; a précis over
    /// [`LARGE_PRECIS`] is drawn first and checked by [`App::settle`].
    pub fn new(start: Start, counting: CountingOptions, size: (u16, u16)) -> Self {
        let title = new_textarea(
            &clean_input(&start.title).replace('\n', " "),
            title_placeholder(start.settings.preset),
        );
        let body = new_textarea(&clean_input(&start.body), BODY_PLACEHOLDER);
        let (text, prefix) = compose(&title, &body);
        let checking = text.len() > LARGE_PRECIS;
        let analysed = if checking { "" } else { text.as_str() };
        let report =
            start
                .source
                .analysis
                .analyse_scoped(analysed, &start.settings, Scope::WithoutCoverage);
        let marks = if checking {
            Marks::default()
        } else {
            Marks::build(&report, &text, prefix, title.lines(), body.lines())
        };
        let mut app = App {
            source: start.source,
            title,
            body,
            // A submitted exam opens on its review, which takes the keys.
            focus: if start.exam.is_some_and(|e| e.submitted.is_some()) {
                Focus::Flags
            } else {
                Focus::Body
            },
            settings: start.settings,
            report,
            marks,
            overlay: Overlay::None,
            flags_open: false,
            flag_selected: 0,
            show_figures: false,
            source_scroll: Cell::new(0),
            source_reveal: Cell::new(None),
            source_focus: None,
            note: None,
            save: SaveState::Saved(None),
            draft_id: start.draft_id,
            created: start.created,
            quit: false,
            size,
            areas: Cell::new(Areas::default()),
            wrap: RefCell::new(WrapCache::default()),
            counting,
            timeline: start.timeline,
            on_disk: start.on_disk,
            revision: 0,
            defer_analysis: false,
            analysis_due: false,
            exit_with_browser: false,
            read_only: start.exam.is_some_and(|e| e.submitted.is_some()),
            review_open: start.exam.is_some_and(|e| e.submitted.is_some()),
            show_model: false,
            review_scroll: Cell::new(0),
            help_scroll: Cell::new(0),
            mode: start.mode,
            exam: start.exam,
            now: Timestamp::UNIX_EPOCH,
            ticked: false,
            feedback: Feedback::All,
            exam_plan: Plan::default(),
            title_moved: None,
            declined_title: None,
            coverage: None,
            // A précis being checked gets its coverage with its checks.
            coverage_due: !checking,
            checked_revision: None,
            checking,
        };
        if app.body.lines().len() > 1 && app.adopt_title_line() {
            // Loaded, not typed: nothing to undo.
            app.title_moved = None;
        }
        app
    }

    /// The précis as the engine sees it: a `Title:` line (when the field
    /// holds one) and the body; and the byte length of that title prefix.
    pub fn precis_text(&self) -> (String, usize) {
        compose(&self.title, &self.body)
    }

    /// Whether the précis holds any text worth saving.
    pub fn has_text(&self) -> bool {
        !self.title.is_empty() || !self.body.is_empty()
    }

    /// Records where a region was drawn, for mouse hits and scrolling.
    pub fn remember(&self, set: impl FnOnce(&mut Areas)) {
        let mut areas = self.areas.get();
        set(&mut areas);
        self.areas.set(areas);
    }

    /// Records the outcome of a save the runtime carried out.
    pub fn saved(&mut self, result: Result<String, String>) {
        match result {
            Ok(at) => self.save = SaveState::Saved(Some(at)),
            Err(e) => {
                self.save = SaveState::Failed(e.clone());
                self.note = Some(Note {
                    text: format!("not saved: {e}"),
                    problem: true,
                });
            }
        }
    }

    /// Shows a message in the status bar.
    pub fn tell(&mut self, text: impl Into<String>, problem: bool) {
        self.note = Some(Note {
            text: text.into(),
            problem,
        });
    }
}

/// The title field's placeholder under `preset`.
pub(super) fn title_placeholder(preset: Preset) -> &'static str {
    match preset {
        Preset::Css => "Title (3 to 8 words)",
        Preset::Upsc | Preset::Plain => "Title (optional)",
    }
}

pub(super) const BODY_PLACEHOLDER: &str = "Write your précis here…";

/// The précis text for the engine, and the length of its title prefix.
fn compose(title: &TextArea<'_>, body: &TextArea<'_>) -> (String, usize) {
    let title = title.lines().first().map(String::as_str).unwrap_or("");
    structure::compose(title, &body.lines().join("\n"))
}
