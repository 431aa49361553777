//! The editor's state and how it changes: `App::update(action)` takes a key,
//! paste, mouse event or resize and returns the effects (save, open, quit)
//! for the runtime to carry out. Nothing here touches the terminal, the disk
//! or the clock, so behaviour is testable without either.

mod exam;
mod spelling;
mod title;

use std::cell::{Cell, RefCell};

use jiff::Timestamp;
use ratatui::crossterm::event::{
    KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::layout::{Position, Rect};
use ratatui_textarea::{CursorMove, TextArea, WrapMode};

use super::browser::{self, Browser};
use super::keys::{Command, command_for};
use super::marks::Marks;
use super::picker::Picker;
use super::spelling::Choice;
use super::wrap::WrapCache;
use crate::analysis::report::{FlagKind, Report};
use crate::analysis::words::CountingOptions;
use crate::analysis::{Preset, Scope, Settings, SourceAnalysis, structure};
use crate::exam::clock;
use crate::exam::{Feedback, Plan, prompts};
use crate::store::draft::DRAFT_VERSION;
use crate::store::{Draft, DraftSource, ExamTiming, Mode, Origin, Sample};

pub use super::messages::{Action, Effect, Opening};
pub use super::note::Note;

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

/// The source being summarised: the analysis and where it came from.
#[derive(Debug)]
pub struct Source {
    /// The analysed text: the whole of it, or only its opening while the
    /// whole is analysed on another thread (see [`Source::opening`]).
    pub analysis: SourceAnalysis,
    /// What the pane's title shows.
    pub name: String,
    /// Where it came from, for the draft.
    pub origin: Origin,
    /// The whole text, while `analysis` covers only its opening.
    whole: Option<String>,
}

/// From this many bytes, a source opened in the editor is first drawn from
/// an analysis of its opening, and analysed in full on another thread: the
/// student sees the passage at once, and the counts and checks follow. The
/// opening holds more text than the largest screen shows (16 KB is 160×100
/// cells), and takes about a millisecond to analyse.
pub const LARGE_SOURCE: usize = 16 << 10;

impl Source {
    /// A source from its text; the name is its `# Heading`, else `fallback`.
    pub fn from_text(
        text: String,
        origin: Origin,
        counting: CountingOptions,
        fallback: &str,
    ) -> Self {
        let analysis = SourceAnalysis::new(text, counting);
        let name = analysis
            .title()
            .map_or_else(|| fallback.to_string(), str::to_string);
        Source {
            analysis,
            name,
            origin,
            whole: None,
        }
    }

    /// For a text of more than [`LARGE_SOURCE`] bytes, a source analysed
    /// only as far as its opening (cut at a line break), which is all the
    /// first screen shows; it keeps the whole text, so that a draft saved
    /// meanwhile loses nothing. `None` for a smaller text.
    pub fn opening(
        text: &str,
        origin: Origin,
        counting: CountingOptions,
        fallback: &str,
    ) -> Option<Self> {
        if text.len() <= LARGE_SOURCE {
            return None;
        }
        let mut cut = LARGE_SOURCE;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let cut = text[..cut].rfind('\n').unwrap_or(cut);
        let mut source = Self::from_text(text[..cut].to_string(), origin, counting, fallback);
        source.whole = Some(text.to_string());
        Some(source)
    }

    /// Whether only the opening is analysed yet: counts and checks would
    /// be about part of the passage, so they are not shown.
    pub fn is_partial(&self) -> bool {
        self.whole.is_some()
    }

    /// The whole text of the source.
    pub fn text(&self) -> &str {
        self.whole.as_deref().unwrap_or(self.analysis.text())
    }

    /// A built-in passage, by id or number.
    pub fn built_in(id: &str, counting: CountingOptions) -> Option<Self> {
        let p = crate::passages::find(id)?;
        Some(Self::from_text(
            p.text.to_string(),
            Origin::BuiltIn {
                id: p.id.to_string(),
            },
            counting,
            p.id,
        ))
    }
}

impl Start {
    /// A new, empty draft on `source`, started at `now`.
    pub fn fresh(source: Source, settings: Settings, now: Timestamp) -> Self {
        Start {
            source,
            title: String::new(),
            body: String::new(),
            settings,
            draft_id: Draft::new_id(now),
            created: now,
            timeline: Vec::new(),
            on_disk: None,
            mode: Mode::Practice,
            exam: None,
        }
    }

    /// A stored draft, reopened.
    pub fn resume(draft: Draft, counting: CountingOptions) -> Self {
        let name = draft
            .source
            .title
            .clone()
            .unwrap_or_else(|| "your source".to_string());
        Start {
            source: Source::from_text(draft.source.text, draft.source.origin, counting, &name),
            title: draft.title,
            body: draft.body,
            settings: draft.settings,
            draft_id: draft.id,
            created: draft.created,
            timeline: draft.timeline,
            on_disk: Some(draft.updated),
            mode: draft.mode,
            exam: draft.exam,
        }
    }
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

    /// Re-checks the précis (all but coverage, which is measured when
    /// typing pauses: [`App::measure_coverage`]) and maps the findings onto
    /// the screen.
    pub fn reanalyse(&mut self) {
        let (text, _) = self.precis_text();
        self.report =
            self.source
                .analysis
                .analyse_scoped(&text, &self.settings, Scope::WithoutCoverage);
        self.checking = false;
        if let Some((coverage, left_out)) = &self.coverage {
            let lines = crate::text::lines::LineIndex::new(&text);
            let at = lines.position(&text, self.report.precis.body_end);
            self.report
                .graft_coverage(coverage, left_out, (at.line, at.column));
        }
        self.map_report(&text);
    }

    /// Measures how much of the source the précis covers, with everything
    /// else, and keeps it for the keystrokes that follow.
    pub fn measure_coverage(&mut self) {
        let (text, _) = self.precis_text();
        self.report = self.source.analysis.analyse(&text, &self.settings);
        let left_out = self
            .report
            .flags
            .iter()
            .filter(|f| f.kind == FlagKind::UncoveredPoint)
            .cloned()
            .collect();
        self.coverage = Some((self.report.coverage.clone(), left_out));
        self.coverage_due = false;
        self.checked_revision = Some(self.revision);
        self.checking = false;
        self.map_report(&text);
    }

    /// The report, when it is the full check of the text as it stands (so
    /// a save can store its counts for the drafts list).
    pub fn full_report(&self) -> Option<&Report> {
        let spelling_known = self.source.analysis.speller().ready();
        (spelling_known && self.checked_revision == Some(self.revision)).then_some(&self.report)
    }

    /// Whether the précis is still to be checked for the first time (a big
    /// one, drawn before its checks).
    pub fn checking(&self) -> bool {
        self.checking
    }

    /// Whether coverage has been measured for some version of the text.
    pub fn coverage_known(&self) -> bool {
        self.coverage.is_some()
    }

    /// Maps the report's spans onto the title field, body and source.
    fn map_report(&mut self, text: &str) {
        let prefix = text.len() - self.body.lines().join("\n").len();
        self.marks = if self.shows(Feedback::All) {
            Marks::build(
                &self.report,
                text,
                prefix,
                self.title.lines(),
                self.body.lines(),
            )
        } else {
            Marks::default()
        };
        self.flag_selected = self
            .flag_selected
            .min(self.report.flags.len().saturating_sub(1));
    }

    /// The draft as it stands, stamped `now`.
    pub fn to_draft(&self, now: Timestamp) -> Draft {
        Draft {
            version: DRAFT_VERSION,
            id: self.draft_id.clone(),
            created: self.created,
            updated: now,
            source: DraftSource {
                origin: self.source.origin.clone(),
                title: self.source.analysis.title().map(str::to_string),
                text: self.source.text().to_string(),
            },
            title: self.title.lines().first().cloned().unwrap_or_default(),
            body: self.body.lines().join("\n"),
            settings: self.settings,
            counting: self.counting,
            mode: self.mode,
            timeline: self.timeline.clone(),
            exam: self.exam,
        }
    }

    /// Turns this read-only exam attempt into a new practice draft with id
    /// `id`, started `now`, keeping the text.
    pub fn copy_to_practice(&mut self, id: String, now: Timestamp) {
        self.draft_id = id;
        self.created = now;
        self.mode = Mode::Practice;
        self.exam = None;
        self.read_only = false;
        self.review_open = false;
        self.on_disk = None;
        self.timeline.clear();
        self.save = SaveState::Unsaved;
        self.revision += 1;
    }

    /// Whether the screen may show `level` of the report now: everything
    /// outside a running exam, and in one what `feedback` allows.
    pub fn shows(&self, level: Feedback) -> bool {
        !self.exam_running() || self.feedback >= level
    }

    /// Whether an exam attempt is being written (not yet submitted).
    pub fn exam_running(&self) -> bool {
        self.exam.is_some_and(|e| e.submitted.is_none())
    }

    /// The exam phase now, for an exam attempt.
    pub fn phase(&self) -> Option<clock::Phase> {
        self.exam.map(|e| clock::phase(&e, self.now))
    }

    /// Advances the exam clock to `now`: rings at five and one minute left,
    /// and at time-up submits whatever was typed (editing stops at once).
    pub fn tick(&mut self, now: Timestamp) -> Vec<Effect> {
        let before = std::mem::replace(&mut self.now, now);
        let first = !std::mem::replace(&mut self.ticked, true);
        let Some(timing) = self.exam.filter(|e| e.submitted.is_none()) else {
            return Vec::new();
        };
        let mut effects = Vec::new();
        if !first && !clock::warnings_between(&timing, before, now).is_empty() {
            effects.push(Effect::Bell);
        }
        let phase = clock::phase(&timing, now);
        self.follow_reading(phase);
        match phase {
            clock::Phase::Writing(_) => {
                if !first && timing.reading_until.is_some_and(|r| before < r) {
                    self.focus = Focus::Body;
                    self.tell("Reading time is over: write your précis now.", false);
                }
                if self.timeline.is_empty() {
                    self.timeline.push(Sample {
                        at: timing.started,
                        words: 0,
                    });
                }
                self.sample(now);
            }
            clock::Phase::Reading(_) => {}
            clock::Phase::Over => {
                self.submit(timing.deadline);
                self.tell(
                    "Time is up: your précis was submitted as it stood. Here is your review.",
                    false,
                );
                effects.push(Effect::Save);
            }
        }
        effects
    }

    /// Hands the exam in at `at`: the text is locked and the review opens
    /// with everything the engine found.
    fn submit(&mut self, at: Timestamp) {
        if let Some(exam) = &mut self.exam {
            exam.submitted = Some(at);
        }
        self.sample(at);
        self.read_only = true;
        self.review_open = true;
        self.review_scroll.set(0);
        self.focus = Focus::Flags;
        self.flags_open = false;
        self.overlay = Overlay::None;
        self.save = SaveState::Unsaved;
        self.revision += 1;
        self.measure_coverage();
    }

    /// Notes the précis's length at `now`, when it changed since the last
    /// sample.
    pub fn sample(&mut self, now: Timestamp) {
        let words = self.report.precis.words;
        if self.timeline.last().is_none_or(|s| s.words != words) {
            self.timeline.push(Sample { at: now, words });
        }
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

    /// Applies one action; returns the effects for the runtime.
    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        // Whatever the action reads of the report is up to date.
        self.settle();
        match action {
            Action::Resize(w, h) => {
                self.size = (w, h);
                relayout(&mut self.title);
                relayout(&mut self.body);
                Vec::new()
            }
            Action::Paste(text) => {
                self.paste(&text);
                Vec::new()
            }
            Action::Mouse(m) => {
                self.mouse(m);
                Vec::new()
            }
            Action::Key(key) if key.kind == KeyEventKind::Release => Vec::new(),
            Action::Key(key) => self.key(key),
        }
    }

    fn key(&mut self, key: KeyEvent) -> Vec<Effect> {
        if !matches!(self.overlay, Overlay::None) {
            return self.overlay_key(key);
        }
        self.note = None;
        let command = command_for(key);
        if let Some(clock::Phase::Reading(left)) = self.phase()
            && self.would_edit(command, key)
        {
            self.tell(prompts::reading_note(left), false);
            return Vec::new();
        }
        if self.read_only && self.would_edit(command, key) {
            self.tell(
                "a submitted exam is kept as handed in · Ctrl+K copies it into a practice draft",
                false,
            );
            return Vec::new();
        }
        match command {
            Some(Command::Submit) if matches!(self.phase(), Some(clock::Phase::Writing(_))) => {
                self.overlay = Overlay::ConfirmSubmit;
            }
            Some(Command::Submit) if matches!(self.phase(), Some(clock::Phase::Reading(_))) => {
                return self.write_now();
            }
            Some(Command::Submit) => {}
            Some(Command::Quit) if self.exam_running() => self.overlay = Overlay::ConfirmQuit,
            Some(Command::Passages | Command::Drafts) if self.exam_running() => {
                self.tell(
                    "During an exam: finish it, or submit with Ctrl+E, before leaving it.",
                    false,
                );
            }
            Some(Command::Flags) if !self.shows(Feedback::All) => {
                self.tell("Flags are hidden until the review, as on paper.", false);
            }
            Some(Command::CopyToPractice) if self.read_only => return vec![Effect::CopyToPractice],
            Some(Command::CopyToPractice) => {}
            Some(Command::Save) => return vec![Effect::Save],
            Some(Command::Quit) => return vec![Effect::SaveAndQuit],
            Some(Command::Help) => {
                self.help_scroll.set(0);
                self.overlay = Overlay::Help;
            }
            Some(Command::Passages) => self.overlay = Overlay::Picker(Picker::default()),
            Some(Command::Drafts) => return vec![Effect::Browse],
            Some(Command::Flags) => self.toggle_flags(),
            Some(Command::Figures) => self.show_figures = !self.show_figures,
            Some(Command::Model) => self.toggle_model(),
            Some(Command::NextPane) => self.next_pane(),
            Some(Command::PreviousPane) => self.previous_pane(),
            Some(Command::Close) => self.close_panel(),
            Some(Command::Undo) => {
                if !self.undo_title_move() {
                    self.edit(super::editing::undo_word);
                }
            }
            Some(Command::Redo) => self.edit(super::editing::redo_word),
            Some(Command::Copy) => {
                if let Some(t) = self.text_field() {
                    t.copy();
                }
            }
            Some(Command::Cut) => self.edit(|t| t.cut()),
            Some(Command::Paste) => self.edit(|t| t.paste()),
            Some(Command::DeclareCount) => {
                let words = self.report.precis.words;
                super::editing::declare_count(&mut self.body, words);
                self.focus = Focus::Body;
                self.changed();
            }
            Some(Command::SelectAll) => {
                if let Some(t) = self.text_field() {
                    t.select_all();
                }
            }
            None => self.plain_key(key),
        }
        Vec::new()
    }

    /// Whether a key would change the text (refused in a submitted exam).
    fn would_edit(&self, command: Option<Command>, key: KeyEvent) -> bool {
        match command {
            Some(
                Command::Undo
                | Command::Redo
                | Command::Cut
                | Command::Paste
                | Command::DeclareCount,
            ) => true,
            Some(_) => false,
            None => match self.focus {
                Focus::Title | Focus::Body => !is_movement(key.code),
                Focus::Source => matches!(
                    key.code,
                    KeyCode::Char(_) | KeyCode::Enter | KeyCode::Backspace
                ),
                // Typing while the review has the keys: meant for the précis.
                Focus::Flags => {
                    self.review_open
                        && matches!(
                            key.code,
                            KeyCode::Char(_) | KeyCode::Enter | KeyCode::Backspace
                        )
                }
            },
        }
    }

    /// How many words the selection in the focused field holds, counted as
    /// the précis is, while there is one: a student checking how long a
    /// sentence or a paragraph runs.
    pub fn selected_words(&self) -> Option<usize> {
        let field = match self.focus {
            Focus::Title => &self.title,
            Focus::Body => &self.body,
            Focus::Source | Focus::Flags => return None,
        };
        let ((top, left), (bottom, right)) = field.selection_range()?;
        let lines = field.lines();
        let mut text = String::new();
        for (row, line) in lines.iter().enumerate().take(bottom + 1).skip(top) {
            let from = if row == top { left } else { 0 };
            let to = if row == bottom { right } else { usize::MAX };
            text.extend(line.chars().skip(from).take(to.saturating_sub(from)));
            text.push('\n');
        }
        Some(crate::analysis::words::count_words(&text, self.counting))
    }

    /// The focused text field, if a text field has focus.
    fn text_field(&mut self) -> Option<&mut TextArea<'static>> {
        match self.focus {
            Focus::Title => Some(&mut self.title),
            Focus::Body => Some(&mut self.body),
            Focus::Source | Focus::Flags => None,
        }
    }

    /// Runs an edit on the focused field; re-analyses when text changed.
    fn edit(&mut self, f: impl FnOnce(&mut TextArea<'static>) -> bool) {
        let changed = self.text_field().is_some_and(f);
        if changed {
            self.changed();
        }
    }

    /// Records a change to the text: unsaved, and analysed now or, while
    /// analysis is deferred, after the frame.
    pub(super) fn changed(&mut self) {
        self.title_moved = None;
        if self.title.lines().len() > 1 {
            let one = self.title.lines().join(" ");
            self.title = new_textarea(&one, title_placeholder(self.settings.preset));
        }
        self.save = SaveState::Unsaved;
        self.revision += 1;
        self.coverage_due = true;
        if self.defer_analysis {
            self.analysis_due = true;
        } else {
            self.reanalyse();
        }
    }

    /// Takes the whole analysis of a source shown so far from its opening
    /// (see [`Source::opening`]), if it is still the source in the editor;
    /// the counts, checks and coverage are then of the whole passage.
    /// Returns whether it was taken.
    pub fn source_analysed(&mut self, whole: Source) -> bool {
        if self.source.whole.as_deref() != Some(whole.analysis.text()) {
            return false;
        }
        self.source = whole;
        self.coverage = None;
        self.coverage_due = true;
        self.reanalyse();
        true
    }

    /// Runs a deferred re-analysis (for a précis not checked yet, the full
    /// check, coverage included); returns whether there was one (and so
    /// whether the screen needs drawing again).
    pub fn settle(&mut self) -> bool {
        let due = std::mem::take(&mut self.analysis_due);
        if self.checking {
            self.measure_coverage();
            return true;
        }
        if due {
            self.reanalyse();
        }
        due
    }

    fn plain_key(&mut self, key: KeyEvent) {
        if let Some(field) = self.text_field() {
            match super::editing::key(field, key) {
                super::editing::Outcome::Changed => return self.changed(),
                super::editing::Outcome::Moved => return,
                super::editing::Outcome::NotMine => {}
            }
        }
        let ctrl_or_alt = key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
        match self.focus {
            Focus::Title => match key.code {
                KeyCode::Enter | KeyCode::Down => self.focus = Focus::Body,
                _ if ctrl_or_alt && !is_navigation(key.code) => {}
                _ => self.edit(|t| t.input(key)),
            },
            Focus::Body => match key.code {
                KeyCode::Up
                    if self.body.screen_cursor().row == 0
                        && self.title_field_shown()
                        && !key.modifiers.contains(KeyModifiers::SHIFT) =>
                {
                    self.focus = Focus::Title;
                }
                // A title typed as the first line, then Enter: it belongs
                // in the title field.
                KeyCode::Enter
                    if key.modifiers.is_empty()
                        && self.body.cursor() == (0, self.body.lines()[0].chars().count())
                        && self.adopt_title_line() => {}
                _ if ctrl_or_alt && !is_navigation(key.code) => {}
                _ => self.edit(|t| t.input(key)),
            },
            Focus::Source => self.source_key(key),
            Focus::Flags if self.review_open => {
                let page = self.areas.get().flags.height.saturating_sub(3);
                scroll_key(&self.review_scroll, key.code, page);
            }
            Focus::Flags => self.flags_key(key),
        }
    }

    /// Scrolls the source pane by `rows` (negative is up).
    fn scroll_source(&self, rows: isize) {
        let now = self.source_scroll.get();
        self.source_scroll.set(now.saturating_add_signed(rows));
    }

    fn source_key(&mut self, key: KeyEvent) {
        let page = isize::try_from(self.areas.get().source.height.max(2) - 1).unwrap_or(1);
        match key.code {
            KeyCode::Up => self.scroll_source(-1),
            KeyCode::Down => self.scroll_source(1),
            KeyCode::PageUp => self.scroll_source(-page),
            KeyCode::PageDown => self.scroll_source(page),
            KeyCode::Home => self.source_scroll.set(0),
            KeyCode::End => self.source_scroll.set(usize::MAX),
            KeyCode::Char(_) | KeyCode::Enter | KeyCode::Backspace
                if !key
                    .modifiers
                    .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
            {
                self.focus = Focus::Body;
                self.edit(|t| t.input(key));
            }
            _ => {}
        }
    }

    fn flags_key(&mut self, key: KeyEvent) {
        let n = self.report.flags.len();
        match key.code {
            KeyCode::Up => self.flag_selected = self.flag_selected.saturating_sub(1),
            KeyCode::Down if n > 0 => self.flag_selected = (self.flag_selected + 1).min(n - 1),
            KeyCode::Home => self.flag_selected = 0,
            KeyCode::End => self.flag_selected = n.saturating_sub(1),
            KeyCode::Enter if self.offers_corrections() => self.open_corrections(),
            KeyCode::Enter => self.jump_to_flag(self.flag_selected),
            _ => {}
        }
    }

    /// Moves the précis cursor to flag `i` and scrolls the source to the
    /// place it refers to.
    pub fn jump_to_flag(&mut self, i: usize) {
        let Some(flag) = self.report.flags.get(i) else {
            return;
        };
        let source = flag.source.as_ref().map(|s| s.start..s.end);
        let about_title = matches!(
            flag.kind,
            FlagKind::MissingTitle | FlagKind::TitleLength | FlagKind::TitleNotAllowed
        );
        let place = if about_title {
            Some((super::marks::Field::Title, 0, 0))
        } else {
            self.marks.locate(flag.start)
        };
        match place {
            Some((super::marks::Field::Title, _, col)) => {
                self.focus = Focus::Title;
                self.title.move_cursor(CursorMove::Jump(0, clamp16(col)));
            }
            Some((super::marks::Field::Body, row, col)) => {
                self.focus = Focus::Body;
                self.body
                    .move_cursor(CursorMove::Jump(clamp16(row), clamp16(col)));
            }
            None => self.focus = Focus::Body,
        }
        if let Some(range) = source {
            self.source_reveal.set(Some(range.start));
            self.source_focus = Some(range);
        } else {
            self.source_focus = None;
        }
    }

    /// Opens or closes the flags panel; a submitted exam's review and its
    /// flags take turns in the panel.
    fn toggle_flags(&mut self) {
        if self.review_open {
            self.review_open = false;
            self.flags_open = false;
        }
        if self.flags_open && self.focus == Focus::Flags {
            self.flags_open = false;
            self.focus = Focus::Body;
            if self.read_only && self.exam.is_some() {
                self.review_open = true;
                self.focus = Focus::Flags;
            }
        } else {
            if !self.flags_open {
                self.flag_selected = 0;
            }
            self.flags_open = true;
            self.focus = Focus::Flags;
        }
    }

    fn close_panel(&mut self) {
        if self.review_open {
            self.review_open = false;
            if self.focus == Focus::Flags {
                self.focus = Focus::Body;
            }
        }
        if self.flags_open {
            self.flags_open = false;
            if self.focus == Focus::Flags {
                self.focus = Focus::Body;
            }
        }
        self.source_focus = None;
    }

    fn next_pane(&mut self) {
        self.focus = match self.focus {
            Focus::Title => Focus::Body,
            Focus::Body => Focus::Source,
            Focus::Source if self.flags_open || self.review_open => Focus::Flags,
            Focus::Source | Focus::Flags => Focus::Body,
        };
    }

    fn previous_pane(&mut self) {
        let title = self.title_field_shown();
        self.focus = match self.focus {
            Focus::Body if title => Focus::Title,
            Focus::Title | Focus::Body if self.flags_open || self.review_open => Focus::Flags,
            Focus::Title | Focus::Body => Focus::Source,
            Focus::Flags => Focus::Source,
            Focus::Source => Focus::Body,
        };
    }

    fn paste(&mut self, text: &str) {
        if let Some(clock::Phase::Reading(left)) = self.phase() {
            self.tell(prompts::reading_note(left), false);
            return;
        }
        if self.read_only {
            self.tell(
                "a submitted exam is kept as handed in · Ctrl+K copies it into a practice draft",
                false,
            );
            return;
        }
        let clean = clean_input(text);
        match self.focus {
            Focus::Title => {
                let line = clean.replace('\n', " ");
                self.edit(|t| t.insert_str(line));
            }
            Focus::Body => self.edit(|t| t.insert_str(clean)),
            Focus::Source | Focus::Flags => {
                self.focus = Focus::Body;
                self.edit(|t| t.insert_str(clean));
            }
        }
        // A whole précis pasted with its title line on top.
        if self.focus == Focus::Body && self.body.lines().len() > 1 {
            self.adopt_title_line();
        }
    }

    fn mouse(&mut self, m: MouseEvent) {
        let areas = self.areas.get();
        let at = Position::new(m.column, m.row);
        let wheel = match m.kind {
            MouseEventKind::ScrollDown => 3,
            MouseEventKind::ScrollUp => -3,
            _ => 0,
        };
        if matches!(self.overlay, Overlay::Help) {
            scroll_by(&self.help_scroll, wheel);
            return;
        }
        match m.kind {
            MouseEventKind::ScrollDown | MouseEventKind::ScrollUp
                if self.review_open && areas.flags.contains(at) =>
            {
                scroll_by(&self.review_scroll, wheel);
            }
            MouseEventKind::ScrollDown if areas.source.contains(at) => self.scroll_source(3),
            MouseEventKind::ScrollUp if areas.source.contains(at) => self.scroll_source(-3),
            MouseEventKind::ScrollDown if areas.body.contains(at) => {
                self.body.scroll((3, 0));
            }
            MouseEventKind::ScrollUp if areas.body.contains(at) => {
                self.body.scroll((-3, 0));
            }
            MouseEventKind::Down(MouseButton::Left) => {
                if areas.body.contains(at) {
                    self.focus = Focus::Body;
                    let (top, _) = self.body.scroll_offset();
                    let row = usize::from(m.row - areas.body.y) + usize::from(top);
                    let col = usize::from(m.column - areas.body.x);
                    let d = self.body.screen_to_data(row, col);
                    self.body
                        .move_cursor(CursorMove::Jump(clamp16(d.0), clamp16(d.1)));
                } else if areas.title.contains(at) {
                    self.focus = Focus::Title;
                    let d = self
                        .title
                        .screen_to_data(0, usize::from(m.column - areas.title.x));
                    self.title.move_cursor(CursorMove::Jump(0, clamp16(d.1)));
                } else if areas.source.contains(at) {
                    self.focus = Focus::Source;
                } else if areas.flags.contains(at) {
                    self.focus = Focus::Flags;
                }
            }
            _ => {}
        }
    }

    fn overlay_key(&mut self, key: KeyEvent) -> Vec<Effect> {
        match &mut self.overlay {
            Overlay::None => Vec::new(),
            Overlay::Help => {
                let ctrl_g =
                    key.code == KeyCode::Char('g') && key.modifiers.contains(KeyModifiers::CONTROL);
                if matches!(key.code, KeyCode::Esc | KeyCode::F(1)) || ctrl_g {
                    self.overlay = Overlay::None;
                } else {
                    let page = self.size.1.saturating_sub(6);
                    scroll_key(&self.help_scroll, key.code, page);
                }
                Vec::new()
            }
            Overlay::Spelling(_) => self.corrections_key(key),
            Overlay::ConfirmSubmit => {
                self.overlay = Overlay::None;
                if matches!(key.code, KeyCode::Char('y' | 'Y')) {
                    self.submit(self.now);
                    self.tell("Submitted. Here is your review.", false);
                    return vec![Effect::Save];
                }
                Vec::new()
            }
            Overlay::ConfirmQuit => {
                self.overlay = Overlay::None;
                if matches!(key.code, KeyCode::Char('y' | 'Y')) {
                    return vec![Effect::SaveAndQuit];
                }
                Vec::new()
            }
            Overlay::ConfirmExam(opening, picker) => {
                if matches!(key.code, KeyCode::Char('y' | 'Y')) {
                    let opening = opening.clone();
                    self.overlay = Overlay::None;
                    return vec![Effect::StartExam(opening)];
                }
                self.overlay = Overlay::Picker(std::mem::take(picker));
                Vec::new()
            }
            Overlay::SaveAs(path) => match key.code {
                KeyCode::Esc => {
                    self.overlay = Overlay::None;
                    Vec::new()
                }
                KeyCode::Char('q') if key.modifiers.contains(KeyModifiers::CONTROL) => {
                    vec![Effect::QuitAnyway]
                }
                KeyCode::Enter if !path.trim().is_empty() => {
                    vec![Effect::WriteTo(path.trim().to_string())]
                }
                KeyCode::Backspace => {
                    path.pop();
                    Vec::new()
                }
                KeyCode::Char(c)
                    if !key
                        .modifiers
                        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
                {
                    path.push(c);
                    Vec::new()
                }
                _ => Vec::new(),
            },
            Overlay::Browser(browser, _) => match browser.key(key) {
                browser::Outcome::Stay => Vec::new(),
                browser::Outcome::Close if self.exit_with_browser => vec![Effect::SaveAndQuit],
                browser::Outcome::Close => {
                    self.overlay = Overlay::None;
                    Vec::new()
                }
                browser::Outcome::Open(id) => vec![Effect::OpenDraft(id)],
                browser::Outcome::Delete(id) => vec![Effect::DeleteDraft(id)],
                browser::Outcome::Export(id) => vec![Effect::ExportDraft(id)],
            },
            Overlay::Picker(picker) => match picker.key(key) {
                super::picker::Outcome::Stay => Vec::new(),
                super::picker::Outcome::Close => {
                    self.overlay = Overlay::None;
                    Vec::new()
                }
                super::picker::Outcome::Open(opening) => {
                    self.overlay = Overlay::None;
                    vec![Effect::Open(opening)]
                }
                super::picker::Outcome::Exam(opening) => {
                    let picker = std::mem::take(picker);
                    self.overlay = Overlay::ConfirmExam(opening, picker);
                    Vec::new()
                }
                super::picker::Outcome::OpenNew(opening) => {
                    self.overlay = Overlay::None;
                    vec![Effect::OpenNew(opening)]
                }
                super::picker::Outcome::Complete(typed) => vec![Effect::CompletePath(typed)],
            },
        }
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

/// Keys that only move the cursor.
fn is_movement(code: KeyCode) -> bool {
    matches!(
        code,
        KeyCode::Left
            | KeyCode::Right
            | KeyCode::Up
            | KeyCode::Down
            | KeyCode::Home
            | KeyCode::End
            | KeyCode::PageUp
            | KeyCode::PageDown
    )
}

/// Keys that move or select rather than type, allowed with Ctrl (word
/// moves and deletions).
fn is_navigation(code: KeyCode) -> bool {
    is_movement(code) || matches!(code, KeyCode::Backspace | KeyCode::Delete)
}

/// Lets a text field be laid out afresh at a new size: its view starts
/// over at the top, so the next drawing brings the cursor's line into view
/// with the text before it above (a view kept from another width can stand
/// past the end of the text, showing empty rows). The cursor and any
/// selection stay as they are.
fn relayout(field: &mut TextArea<'static>) {
    let cursor = field.cursor();
    field.scroll((-i16::MAX, 0));
    field.move_cursor(CursorMove::Jump(clamp16(cursor.0), clamp16(cursor.1)));
}

/// Moves a scroll position by `rows` (negative is up); the renderer clamps
/// it to the content.
fn scroll_by(top: &Cell<usize>, rows: isize) {
    top.set(top.get().saturating_add_signed(rows));
}

/// Scrolls by a key: a row with `↑`/`↓`, `page` rows with `PgUp`/`PgDn`,
/// to either end with `Home`/`End`; other keys do nothing.
fn scroll_key(top: &Cell<usize>, code: KeyCode, page: u16) {
    let page = isize::try_from(page.max(1)).unwrap_or(1);
    match code {
        KeyCode::Up => scroll_by(top, -1),
        KeyCode::Down => scroll_by(top, 1),
        KeyCode::PageUp => scroll_by(top, -page),
        KeyCode::PageDown => scroll_by(top, page),
        KeyCode::Home => top.set(0),
        KeyCode::End => top.set(usize::MAX),
        _ => {}
    }
}

fn clamp16(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}
