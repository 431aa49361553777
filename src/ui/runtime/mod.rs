//! The editor's runtime: sets the terminal up (raw mode, alternate screen,
//! mouse, bracketed paste) and always restores it, turns terminal events
//! into actions, and carries out the effects `update` returns: saving to the
//! drafts store, opening sources, quitting.

pub mod spelling;

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use jiff::{Timestamp, Zoned};
use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::buffer::Cell;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::EnterAlternateScreen;
use ratatui::layout::Position;

use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};

use super::app::{Action, App, Effect, Opening, Overlay, SaveState, Source, Start};
use super::browser::{Browser, Entry};
use super::echo::{self, Echo, Echoed};
use super::quiet_backend::QuietBackend;
use super::theme::Theme;
use crate::analysis::Settings;
use crate::analysis::spelling::Language;
use crate::analysis::words::CountingOptions;
use crate::exam::Feedback;
use crate::input::{self, InputError};
use crate::passages;
use crate::store::{DraftStore, Mode, Origin, Saved, StoreError, file_name};
use crate::text::sanitize::one_line;

/// What the editor should open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StartWith {
    /// Resume the latest draft, or the first built-in passage.
    Default,
    /// A source file (or `-` for standard input).
    File(String),
    /// The drafts browser (over the latest draft); closing it quits.
    Drafts,
    /// A timed exam on this source (a file, `-`), or on a built-in passage
    /// not yet attempted, in practice or in an exam.
    Exam(Option<String>),
}

/// How exams run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExamOptions {
    /// Writing time.
    pub time: Duration,
    /// Reading time before writing opens.
    pub reading: Option<Duration>,
    /// No terminal bell at five and one minute left.
    pub quiet: bool,
    /// What a running exam shows of the report.
    pub feedback: Feedback,
}

/// How the editor was asked to start.
#[derive(Debug, Clone)]
pub struct Options {
    /// What to open.
    pub start: StartWith,
    /// Where drafts live (default: the platform data directory).
    pub data_dir: Option<PathBuf>,
    /// The rules.
    pub settings: Settings,
    /// How words are counted.
    pub counting: CountingOptions,
    /// Read source files that are not UTF-8, replacing bad bytes with �.
    pub lossy: bool,
    /// Colour allowed (`NO_COLOR` is still honoured).
    pub color: bool,
    /// A problem to show at start-up (a bad config file).
    pub notice: Option<String>,
    /// How exams run.
    pub exam: ExamOptions,
    /// British or American spelling, or none.
    pub spelling: Language,
    /// The student's own words, never flagged as misspelt.
    pub words: Vec<String>,
    /// Where words the student adds are kept (`words.txt` beside
    /// `config.toml`), if there is a config folder.
    pub words_path: Option<PathBuf>,
}

/// How the editor ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ended {
    /// The student quit.
    Quit,
    /// A signal (SIGTERM, SIGHUP, SIGINT) stopped it, after saving.
    Signal(usize),
}

/// Why the editor could not start or ran into a terminal error.
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    /// The source could not be read.
    #[error(transparent)]
    Input(#[from] InputError),
    /// There is no terminal to draw on: standard output is not one, or
    /// the process has none (a script, a service, a cron job).
    #[error("précis needs a terminal: run it in one, or use `precis check` in scripts")]
    NoTerminal,
    /// The terminal failed.
    #[error("terminal: {0}")]
    Terminal(#[from] io::Error),
}

/// At most this many queued events are applied between two frames.
const BURST: usize = 256;

/// Reads a source argument into a source: a file (`~/` expanded), standard
/// input for `-`, or a built-in passage by id or number when no file has
/// that name; `lossy` replaces bytes that are not UTF-8. A large file is
/// analysed on another thread, which sends the result to `incoming`.
fn file_source(
    arg: &str,
    counting: CountingOptions,
    lossy: bool,
    incoming: &Sender<Read>,
) -> Result<Source, InputError> {
    let path = match input::source_arg(arg) {
        input::SourceArg::BuiltIn(p) => {
            return Source::built_in(p.id, counting)
                .ok_or_else(|| InputError::NotFound(p.id.to_string()));
        }
        input::SourceArg::File(path) => path,
    };
    let path = path.as_str();
    let text = input::read_text(path, lossy)?;
    input::check_source(&text, &input::display_name(path))?;
    let origin = if path == "-" {
        Origin::Stdin
    } else {
        Origin::File {
            path: path.to_string(),
        }
    };
    let name = if path == "-" {
        "standard input".to_string()
    } else {
        std::path::Path::new(path)
            .file_name()
            .map_or(path.to_string(), |n| n.to_string_lossy().into_owned())
    };
    let Some(opening) = Source::opening(&text, origin.clone(), counting, &name) else {
        return Ok(Source::from_text(text, origin, counting, &name));
    };
    let incoming = incoming.clone();
    std::thread::spawn(move || {
        let whole = Source::from_text(text, origin, counting, &name);
        let _ = incoming.send(Read::Source(Box::new(whole)));
    });
    Ok(opening)
}

/// The local time of day, for "saved 12:03".
fn clock() -> String {
    Zoned::now().strftime("%H:%M").to_string()
}

/// Runs the editor until the student quits.
pub fn run(options: Options) -> Result<Ended, RunError> {
    let counting = options.counting;
    let store = options
        .data_dir
        .clone()
        .map_or_else(DraftStore::default_data_dir, Ok)
        .and_then(|dir| DraftStore::open(&dir));
    // Terminal events, and the analysis of a large source, reach the main
    // loop here.
    let (incoming, events) = mpsc::channel();
    let (mut start, greeting) = match &options.start {
        StartWith::File(path) => {
            let source = file_source(path, counting, options.lossy, &incoming)?;
            (
                Start::fresh(source, options.settings, Timestamp::now()),
                "New draft: write your précis in the lower or right pane. F1 for help.".to_string(),
            )
        }
        StartWith::Exam(path) => {
            let source = match path {
                Some(path) => file_source(path, counting, options.lossy, &incoming)?,
                None => {
                    let id = store
                        .as_ref()
                        .map_or(passages::ALL[0].id, unattempted_passage);
                    Source::built_in(id, counting)
                        .ok_or_else(|| io::Error::other("no built-in passage"))?
                }
            };
            (
                exam_start(source, options.settings, options.exam),
                exam_greeting(options.exam),
            )
        }
        StartWith::Default | StartWith::Drafts => {
            match store.as_ref().ok().and_then(DraftStore::latest_open) {
                Some(draft) => {
                    let when = draft
                        .updated
                        .to_zoned(jiff::tz::TimeZone::system())
                        .strftime("%d %b %H:%M")
                        .to_string();
                    let title = draft.source.title.clone().unwrap_or_default();
                    let greeting = if draft.mode == Mode::Exam && !draft.is_submitted() {
                        crate::exam::prompts::resumed_note(&title)
                    } else {
                        format!(
                            "Resumed your draft on “{title}” ({when}) · Ctrl+P for another passage"
                        )
                    };
                    (Start::resume(draft, counting), greeting)
                }
                None => {
                    let first = passages::ALL[0].id;
                    let source = Source::built_in(first, counting)
                        .ok_or_else(|| io::Error::other("no built-in passage"))?;
                    (
                    Start::fresh(source, options.settings, Timestamp::now()),
                    "Welcome! Write a précis of the passage in one-third of its length. F1 help · Ctrl+P passages".to_string(),
                )
                }
            }
        }
    };
    let stop = Arc::new(AtomicUsize::new(0));
    for signal in [SIGTERM, SIGHUP, SIGINT] {
        signal_hook::flag::register_usize(signal, Arc::clone(&stop), signal as usize)?;
    }
    let mut session = Session {
        store,
        counting,
        lossy: options.lossy,
        theme: if options.color {
            Theme::from_env()
        } else {
            Theme::new(false)
        },
        stop,
        saved_revision: 0,
        counts_missing: false,
        changed_at: None,
        dirty_since: None,
        last_attempt: None,
        written_to: None,
        exam: options.exam,
        echo: Echo::default(),
        incoming: incoming.clone(),
        unshown: true,
        echoes_handled: 0,
        echoed: Vec::new(),
        typed_at: Instant::now(),
        // The dictionaries load once the first frame is up and typing
        // pauses (`load` below).
        spelling: spelling::Session::new(
            options.spelling,
            &options.words,
            options.words_path.clone(),
        ),
        first_frame: None,
    };
    start
        .source
        .analysis
        .set_speller(session.spelling.speller());
    // The word vectors coverage needs are indexed while the editor draws.
    crate::analysis::coverage::vectors::preload();
    let mut terminal = enter()?;
    let size = terminal.size()?;
    let mut app = App::new(start, counting, (size.width, size.height));
    app.tell(greeting, false);
    if let Some(notice) = &options.notice {
        app.tell(notice.clone(), true);
    }
    if let Err(e) = &session.store {
        app.tell(format!("drafts cannot be saved: {e}"), true);
    }
    session.prepare(&mut app);
    for effect in app.tick(Timestamp::now()) {
        session.apply(&mut app, effect);
    }
    session.keep_rescue(&app);
    if options.start == StartWith::Drafts {
        session.browse(&mut app);
        app.exit_with_browser = true;
    }
    spawn_reader(
        incoming,
        Arc::clone(&session.echo),
        Arc::clone(&session.stop),
    );
    let outcome = session.event_loop(&mut terminal, &mut app, &events);
    // No echo may reach the terminal once the editor has left it.
    echo::stop(&session.echo);
    // Whatever ended the loop (quit, a signal, a lost terminal), save first.
    if app.has_text() && !matches!(app.save, SaveState::Saved(_)) {
        session.save(&mut app);
    }
    leave();
    // Quitting a running exam: one line says when its time is up.
    if let Some(exam) = app
        .exam
        .filter(|_| session.stop.load(Ordering::Relaxed) == 0)
        && let Some(line) = crate::exam::prompts::leaving_line(
            &exam,
            Timestamp::now(),
            &jiff::tz::TimeZone::system(),
        )
    {
        let _ = writeln!(io::stderr(), "{line}");
    }
    let outcome = outcome.map(|()| match session.stop.load(Ordering::Relaxed) {
        0 => Ended::Quit,
        signal => Ended::Signal(signal),
    });
    if let Some(path) = &session.written_to {
        eprintln!("precis: your précis was written to {}", one_line(path));
        return outcome;
    }
    let unsaved = !matches!(app.save, SaveState::Saved(_)) && app.has_text();
    if unsaved {
        let (text, _) = app.precis_text();
        let reason = match &app.save {
            SaveState::Failed(e) => e.clone(),
            _ => "it was not saved".to_string(),
        };
        eprintln!(
            "precis: your précis could not be saved ({}). Here it is, so nothing is lost:\n",
            one_line(&reason)
        );
        println!("{text}");
    }
    outcome
}

/// Raw mode, the alternate screen, mouse capture and bracketed paste, with
/// a panic hook that undoes all of them; [`RunError::NoTerminal`] when
/// there is no terminal to draw on or to read keys from.
fn enter() -> Result<Screen, RunError> {
    if !io::stdout().is_terminal() {
        return Err(RunError::NoTerminal);
    }
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        leave();
        previous(info);
        rescue_on_panic();
    }));
    ratatui::crossterm::terminal::enable_raw_mode().map_err(|_| RunError::NoTerminal)?;
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste
    )?;
    Ok(Terminal::new(QuietBackend::new())?)
}

/// The latest text and where to write it if the editor crashes.
static RESCUE: Mutex<Option<(PathBuf, String)>> = Mutex::new(None);

/// Writes the précis to its rescue file after a crash and says where.
fn rescue_on_panic() {
    let Ok(guard) = RESCUE.lock() else { return };
    let Some((path, text)) = guard.as_ref() else {
        return;
    };
    match crate::store::write_atomic(path, text.as_bytes()) {
        Ok(()) => eprintln!(
            "precis crashed, but your précis is safe in {}",
            path.display()
        ),
        Err(e) => eprintln!(
            "precis crashed and could not write {} ({e}); your précis:\n\n{text}",
            path.display()
        ),
    }
}

/// The terminal the editor draws on.
type Screen = Terminal<QuietBackend>;

/// What reaches the main loop from other threads.
enum Read {
    /// A terminal event, and what was echoed for it if anything.
    Event(Event, Option<Echoed>),
    /// A stop was asked for and nothing more is waiting in the terminal:
    /// every key typed before it has been sent.
    Drained,
    /// The whole analysis of a large source shown so far from its opening.
    Source(Box<Source>),
    /// The terminal can no longer be read (it was closed).
    Gone,
}

/// Reads terminal events on their own thread. The main loop then never
/// blocks inside the terminal library, which spins for ever once the
/// terminal has hung up; it sees the hang-up signal and saves instead.
/// The thread also echoes typed keys at the spot the main loop publishes.
/// It polls rather than blocks, so that after a signal it can read what is
/// still waiting in the terminal and say when there is nothing more.
fn spawn_reader(tx: Sender<Read>, echo: Echo, stop: Arc<AtomicUsize>) {
    std::thread::spawn(move || {
        loop {
            let read = match event::poll(POLL) {
                Ok(true) => match event::read() {
                    Ok(event) => {
                        let echoed = echo::echo_ahead(&echo, &event);
                        Read::Event(event, echoed)
                    }
                    Err(_) => Read::Gone,
                },
                Ok(false) if stop.load(Ordering::Relaxed) != 0 => Read::Drained,
                Ok(false) => continue,
                Err(_) => Read::Gone,
            };
            let last = matches!(read, Read::Drained | Read::Gone);
            if tx.send(read).is_err() || last {
                break;
            }
        }
    });
}

/// Gives the terminal back as it was.
fn leave() {
    let _ = execute!(io::stdout(), DisableBracketedPaste, DisableMouseCapture);
    ratatui::restore();
    let _ = io::stdout().flush();
}

/// What the runtime keeps between events.
struct Session {
    store: Result<DraftStore, StoreError>,
    counting: CountingOptions,
    lossy: bool,
    theme: Theme,
    /// The signal (SIGTERM, SIGHUP for a closed terminal, SIGINT) that asked
    /// the editor to stop, or 0.
    stop: Arc<AtomicUsize>,
    /// The app's revision when it was last saved.
    saved_revision: u64,
    /// The last save came before the full check of its text (the check or
    /// the dictionaries were on their way), so the draft file lacks the
    /// counts the drafts list reads.
    counts_missing: bool,
    /// When the text last changed.
    changed_at: Option<Instant>,
    /// When the text first changed since the last save.
    dirty_since: Option<Instant>,
    /// When a save was last tried (for retrying after a failure).
    last_attempt: Option<Instant>,
    /// Where the précis was written when the drafts store failed.
    written_to: Option<String>,
    /// How exams run.
    exam: ExamOptions,
    /// Where the input thread may echo the next key.
    echo: Echo,
    /// Where a large source's analysis is sent, to reach the main loop.
    incoming: Sender<Read>,
    /// Whether something changed that no echo has shown: the frame is then
    /// drawn before the analysis.
    unshown: bool,
    /// How many echoed keys have been applied.
    echoes_handled: u64,
    /// Cells the input thread echoed keys into: written again after the
    /// next frame as that frame has them, so no cell shows a character the
    /// text does not have (a key that wrapped, went to another field, or
    /// arrived in a burst with others).
    echoed: Vec<Position>,
    /// When the text last changed, for measuring coverage once typing
    /// pauses.
    typed_at: Instant,
    /// The spelling check, its corrections and the student's word list.
    spelling: spelling::Session,
    /// When the first frame was drawn.
    first_frame: Option<Instant>,
}

/// Idle time after which changes are saved.
const IDLE_SAVE: Duration = Duration::from_millis(500);
/// The longest changes wait to be saved, even while typing on.
const MAX_UNSAVED: Duration = Duration::from_secs(2);
/// How often the loop wakes to autosave or notice a signal.
const TICK: Duration = Duration::from_millis(200);
/// How often the input thread, waiting for a key, looks for a signal.
const POLL: Duration = Duration::from_millis(50);
/// The longest a signal waits for the keys typed before it to be read.
const DRAIN_LIMIT: Duration = Duration::from_secs(1);
/// How long typing pauses before coverage is measured again (it then takes
/// a few milliseconds, so it is on screen well within 150 ms of the pause).
const COVERAGE_PAUSE: Duration = Duration::from_millis(100);

impl Session {
    fn event_loop(
        &mut self,
        terminal: &mut Screen,
        app: &mut App,
        events: &Receiver<Read>,
    ) -> Result<(), RunError> {
        loop {
            if self.stop.load(Ordering::Relaxed) != 0 {
                self.drain(app, events);
                return Ok(());
            }
            for effect in app.tick(Timestamp::now()) {
                self.apply(app, effect);
            }
            // Coverage first: a save due now then stores the full check's
            // counts for the drafts list.
            if app.coverage_due && self.typed_at.elapsed() >= COVERAGE_PAUSE {
                app.measure_coverage();
            }
            self.autosave(app);
            self.spelling.poll(app);
            if self.typed_at.elapsed() >= COVERAGE_PAUSE {
                // Loading the dictionaries and computing corrections take
                // the processor: not before the first frame has been up a
                // moment, nor while the student types.
                if self
                    .first_frame
                    .is_some_and(|t| t.elapsed() >= COVERAGE_PAUSE)
                {
                    self.spelling.load();
                }
                self.spelling.request(app);
            }
            self.draw(terminal, app)?;
            self.first_frame.get_or_insert_with(Instant::now);
            if app.quit {
                return Ok(());
            }
            let wait = if app.coverage_due {
                COVERAGE_PAUSE
                    .saturating_sub(self.typed_at.elapsed())
                    .clamp(Duration::from_millis(1), TICK)
            } else {
                TICK
            };
            match events.recv_timeout(wait) {
                Ok(Read::Gone) => return Ok(()),
                Ok(read) => {
                    self.take(app, read);
                    // Keys that arrived meanwhile (a fast typist, a paste
                    // without brackets) are applied before the next frame.
                    for _ in 0..BURST {
                        match events.try_recv() {
                            Ok(Read::Gone) => return Ok(()),
                            Ok(read) => self.take(app, read),
                            Err(_) => break,
                        }
                    }
                }
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => return Ok(()),
            }
        }
    }

    /// Draws what changed. Keys the input thread echoed are on screen
    /// already: their text is analysed first and drawn in one frame, and the
    /// cells they wrote are then written again as the frame has them. Any
    /// other change is drawn first and analysed after, so the frame never
    /// waits for the checks. The terminal is written to only where a cell
    /// changed (see `QuietBackend`).
    fn draw(&mut self, terminal: &mut Screen, app: &mut App) -> io::Result<()> {
        let spot = {
            // The input thread writes echoes too: not during a frame.
            let _frame = io::stdout().lock();
            // A big précis is drawn before its first check.
            if !self.unshown && !app.checking() {
                app.settle();
            }
            self.unshown = false;
            let drawn = terminal.draw(|frame| super::render(frame, app, &self.theme))?;
            let mut spot = echo::spot_for(app, drawn.buffer);
            if !self.echoed.is_empty() {
                // Echoed cells are not in the frame's diff: they are written
                // again as the frame has them, then the cursor put back.
                let area = drawn.area;
                let cells: Vec<(u16, u16, Cell)> = self
                    .echoed
                    .drain(..)
                    .filter(|p| area.contains(*p))
                    .map(|p| (p.x, p.y, drawn.buffer[p].clone()))
                    .collect();
                let backend = terminal.backend_mut();
                backend.draw(cells.iter().map(|(x, y, c)| (*x, *y, c)))?;
                backend.forget_cursor();
                if let Some(at) = app.areas.get().cursor {
                    backend.set_cursor_position(at)?;
                }
                Backend::flush(backend)?;
            }
            if app.settle() {
                let drawn = terminal.draw(|frame| super::render(frame, app, &self.theme))?;
                spot = echo::spot_for(app, drawn.buffer);
            }
            spot
        };
        echo::publish(&self.echo, spot, self.echoes_handled);
        Ok(())
    }

    /// Applies what another thread sent: a terminal event, or the whole
    /// analysis of a large source.
    fn take(&mut self, app: &mut App, read: Read) {
        match read {
            Read::Event(event, echoed) => self.handle(app, event, echoed),
            Read::Source(mut whole) => {
                whole.analysis.set_speller(self.spelling.speller());
                if app.source_analysed(*whole) {
                    self.unshown = true;
                }
            }
            Read::Drained | Read::Gone => {}
        }
    }

    /// On a signal: applies every key typed before it, those the input
    /// thread has sent and those still waiting in the terminal, which it
    /// reads until it finds none (for at most a second).
    fn drain(&mut self, app: &mut App, events: &Receiver<Read>) {
        let until = Instant::now() + DRAIN_LIMIT;
        while let Some(left) = until.checked_duration_since(Instant::now()) {
            match events.recv_timeout(left) {
                Ok(Read::Drained | Read::Gone) | Err(_) => return,
                Ok(read) => self.take(app, read),
            }
        }
    }

    /// Applies one terminal event and notes whether the text changed; a key
    /// the input thread echoed that did not land where it was drawn asks for
    /// a repaint.
    fn handle(&mut self, app: &mut App, event: Event, echoed: Option<Echoed>) {
        let action = match event {
            Event::Key(k) => Action::Key(k),
            Event::Paste(s) => Action::Paste(s),
            Event::Mouse(m) => Action::Mouse(m),
            Event::Resize(w, h) => Action::Resize(w, h),
            _ => return,
        };
        // The clock first: a key pressed after time-up changes nothing.
        for effect in app.tick(Timestamp::now()) {
            self.apply(app, effect);
        }
        let before = app.revision;
        for effect in app.update(action) {
            self.apply(app, effect);
        }
        let shown = echoed.is_some_and(|e| app.revision != before && echo::landed(app, e.c, e.at));
        if let Some(e) = echoed {
            self.echoes_handled += 1;
            self.echoed.extend(e.positions());
        }
        if !shown {
            self.unshown = true;
            if echoed.is_some() {
                // Keys echoed after this one would go astray too.
                echo::stop(&self.echo);
            }
        }
        if app.revision != before {
            let now = Instant::now();
            self.typed_at = now;
            self.changed_at = Some(now);
            self.dirty_since.get_or_insert(now);
            self.keep_rescue(app);
        }
    }

    /// Saves changes within two seconds of the first, sooner when typing
    /// pauses; retries every two seconds after a failure.
    fn autosave(&mut self, app: &mut App) {
        let now = Instant::now();
        let failed = matches!(app.save, SaveState::Failed(_));
        let due = match (self.changed_at, self.dirty_since) {
            _ if failed => self.last_attempt.is_none_or(|t| now - t >= MAX_UNSAVED),
            (Some(changed), Some(dirty)) => {
                now - changed >= IDLE_SAVE || now - dirty >= MAX_UNSAVED
            }
            _ => false,
        };
        if due && (failed || app.revision != self.saved_revision) {
            self.save(app);
        } else if self.counts_missing
            && app.revision == self.saved_revision
            && app.full_report().is_some()
            && let Some(stamp) = app.on_disk
        {
            // The same text again, with its counts: its date stays.
            self.write(app, stamp);
        }
    }

    /// Keeps the text where a crash can still write it.
    fn keep_rescue(&self, app: &App) {
        let Ok(store) = &self.store else { return };
        let path = store.path_of(&app.draft_id).with_extension("rescue.txt");
        if let Ok(mut slot) = RESCUE.lock() {
            *slot = Some((path, app.precis_text().0));
        }
    }

    fn save(&mut self, app: &mut App) {
        // Nothing changed since the draft was opened or last saved: its file,
        // and so its date, stay as they are.
        let unchanged = app.revision == self.saved_revision || !app.has_text();
        if unchanged && matches!(app.save, SaveState::Saved(_)) {
            return;
        }
        self.write(app, Timestamp::now());
    }

    /// Writes the draft as it stands, dated `now`, and says how it went.
    fn write(&mut self, app: &mut App, now: Timestamp) {
        self.last_attempt = Some(Instant::now());
        app.sample(now);
        let mut draft = app.to_draft(now);
        let result = match &self.store {
            Ok(store) => store
                .save_unless_changed(&mut draft, app.full_report(), app.on_disk)
                .map_err(|e| e.to_string()),
            Err(e) => Err(e.to_string()),
        };
        match result {
            Ok(saved) => {
                app.on_disk = Some(now);
                self.saved_revision = app.revision;
                self.counts_missing = app.full_report().is_none();
                self.changed_at = None;
                self.dirty_since = None;
                app.saved(Ok(clock()));
                if let Saved::AsCopy(id) = saved {
                    app.draft_id = id;
                    app.tell("another précis window changed this draft; yours is saved as a separate draft", true);
                }
            }
            Err(e) => app.saved(Err(e)),
        }
    }

    fn apply(&mut self, app: &mut App, effect: Effect) {
        match effect {
            Effect::Save => self.save(app),
            Effect::SaveAndQuit => {
                self.save(app);
                match app.save {
                    SaveState::Failed(_) => {
                        app.overlay = Overlay::SaveAs(fallback_path(&app.draft_id))
                    }
                    _ => app.quit = true,
                }
            }
            Effect::WriteTo(path) => {
                let (text, _) = app.precis_text();
                match crate::store::write_atomic(std::path::Path::new(&path), text.as_bytes()) {
                    Ok(()) => {
                        self.written_to = Some(path);
                        app.quit = true;
                    }
                    Err(e) => app.tell(format!("cannot write {}: {e}", one_line(&path)), true),
                }
            }
            Effect::QuitAnyway => app.quit = true,
            Effect::Browse => self.browse(app),
            Effect::Bell => {
                if !self.exam.quiet {
                    let _ = io::stdout()
                        .write_all(b"\x07")
                        .and_then(|()| io::stdout().flush());
                }
            }
            Effect::StartExam(opening) => self.replace_draft(app, &opening, true),
            Effect::AddWord(word) => self.spelling.add_word(app, &word),
            Effect::CopyToPractice => {
                let now = Timestamp::now();
                app.copy_to_practice(crate::store::Draft::new_id(now), now);
                self.save(app);
                app.tell("copied into a new practice draft: keep improving it", false);
            }
            Effect::OpenDraft(id) => self.open_draft(app, &id),
            Effect::DeleteDraft(id) => {
                let result = if id == app.draft_id {
                    Err(
                        "this draft is open in the editor; open another before deleting it"
                            .to_string(),
                    )
                } else {
                    self.store
                        .as_ref()
                        .map_err(ToString::to_string)
                        .and_then(|s| s.delete(&id).map_err(|e| e.to_string()))
                };
                if let Overlay::Browser(browser, _) = &mut app.overlay {
                    match result {
                        Ok(()) => browser.remove(&id),
                        Err(e) => browser.tell(e, true),
                    }
                }
            }
            Effect::ExportDraft(id) => {
                let result = self.export(&id);
                if let Overlay::Browser(browser, _) = &mut app.overlay {
                    match result {
                        Ok(path) => browser.tell(format!("exported to {}", one_line(&path)), false),
                        Err(e) => browser.tell(e, true),
                    }
                }
            }
            Effect::Open(opening) => {
                if !self.resume_passage(app, &opening) {
                    self.replace_draft(app, &opening, false);
                }
            }
            Effect::OpenNew(opening) => self.replace_draft(app, &opening, false),
            Effect::CompletePath(typed) => {
                if let Overlay::Picker(picker) = &mut app.overlay {
                    let (query, hint) = complete_path(&typed);
                    picker.query = query;
                    picker.hint = hint.map(|h| (h, false));
                }
            }
        }
    }
}

/// Completes a typed path from the files on disk: the one file or folder it
/// can only be, else as far as all candidates agree; and, when several are
/// left, a line naming them.
fn complete_path(typed: &str) -> (String, Option<String>) {
    if typed == "~" {
        return ("~/".to_string(), None);
    }
    let expanded = input::expand_home(typed);
    let (dir, prefix) = match expanded.rfind('/') {
        Some(i) => (&expanded[..=i], &expanded[i + 1..]),
        None => ("", expanded.as_str()),
    };
    let listing = std::fs::read_dir(if dir.is_empty() { "." } else { dir });
    let Ok(listing) = listing else {
        return (
            typed.to_string(),
            Some(format!("no folder {}", one_line(dir))),
        );
    };
    let mut names: Vec<(String, bool)> = listing
        .filter_map(Result::ok)
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let folder = e.file_type().is_ok_and(|t| t.is_dir());
            (name.starts_with(prefix) && !name.starts_with('.')).then_some((name, folder))
        })
        .collect();
    names.sort();
    // Keep what the student typed (`~/` stays `~/`), with the completion.
    let base = &typed[..typed.len() - prefix.len().min(typed.len())];
    match names.as_slice() {
        [] => (typed.to_string(), Some("no file starts so".to_string())),
        [(name, folder)] => (
            format!("{base}{name}{}", if *folder { "/" } else { "" }),
            None,
        ),
        many => {
            let first = &many[0].0;
            let common = first
                .char_indices()
                .map(|(i, c)| i + c.len_utf8())
                .take_while(|&end| many.iter().all(|(n, _)| n.starts_with(&first[..end])))
                .last()
                .map_or("", |end| &first[..end]);
            let shown: Vec<&str> = many.iter().take(6).map(|(n, _)| n.as_str()).collect();
            let more = if many.len() > 6 { ", …" } else { "" };
            let agreed = if common.len() >= prefix.len() {
                common
            } else {
                prefix
            };
            (
                format!("{base}{agreed}"),
                Some(format!("{}{more}", shown.join(", "))),
            )
        }
    }
}

impl Session {
    /// Sets up a new app as every app in this session runs: what a running
    /// exam shows, how long an exam started from the picker runs, and
    /// analysis after the frame; then analyses it under those settings.
    fn prepare(&self, app: &mut App) {
        app.source.analysis.set_speller(self.spelling.speller());
        app.feedback = self.exam.feedback;
        app.exam_plan = crate::exam::Plan {
            writing: self.exam.time,
            reading: self.exam.reading,
        };
        app.defer_analysis = true;
        // A big précis is drawn first and checked after that frame.
        if !app.checking() {
            app.reanalyse();
        }
    }

    /// Opens the latest practice draft on a built-in passage the student
    /// chose, when there is one, rather than starting over; `false` when
    /// there is none (or it is not a built-in passage).
    fn resume_passage(&mut self, app: &mut App, opening: &Opening) -> bool {
        let Opening::BuiltIn(id) = opening else {
            return false;
        };
        let origin = Origin::BuiltIn { id: id.clone() };
        let Some(draft) = self
            .store
            .as_ref()
            .ok()
            .and_then(|s| s.latest_practice_on(&origin))
        else {
            return false;
        };
        if draft.id == app.draft_id {
            app.tell("This is your draft on that passage already.", false);
            return true;
        }
        let id = draft.id.clone();
        self.open_draft(app, &id);
        app.flags_open = false;
        app.tell(
            "Resumed your draft on this passage · Ctrl+P, then Ctrl+N on it, starts a new one",
            false,
        );
        true
    }

    /// Saves the draft in the editor, then replaces it with a new one on
    /// `opening`: a practice draft, or an exam with its clock started. If the
    /// save failed, the draft stays open so nothing is lost.
    fn replace_draft(&mut self, app: &mut App, opening: &Opening, exam: bool) {
        self.save(app);
        if matches!(app.save, SaveState::Failed(_)) {
            app.tell(
                "not saved, so this draft stays open; fix the problem or press Ctrl+S to retry",
                true,
            );
            return;
        }
        let source = match opening {
            Opening::BuiltIn(id) => {
                Source::built_in(id, self.counting).ok_or_else(|| format!("no passage '{id}'"))
            }
            Opening::File(path) => file_source(path, self.counting, self.lossy, &self.incoming)
                .map_err(|e| e.to_string()),
        };
        let source = match source {
            Ok(source) => source,
            Err(e) => {
                // The path stays typed, to be corrected.
                if let Opening::File(path) = opening {
                    app.overlay = Overlay::Picker(super::picker::Picker::with_problem(path, e));
                } else {
                    app.tell(e, true);
                }
                return;
            }
        };
        let name = one_line(&source.name);
        let mut start = if exam {
            exam_start(source, app.settings, self.exam)
        } else {
            Start::fresh(source, app.settings, Timestamp::now())
        };
        let size = app.size;
        start.source.analysis.set_speller(self.spelling.speller());
        *app = App::new(start, self.counting, size);
        self.prepare(app);
        if exam {
            let _ = app.tick(Timestamp::now());
            app.tell(exam_greeting(self.exam), false);
        } else {
            app.tell(format!("New draft on “{name}”"), false);
        }
        self.saved_revision = 0;
        self.keep_rescue(app);
    }

    /// Opens the drafts browser over the editor, the current draft saved first
    /// so it is listed as it stands.
    fn browse(&mut self, app: &mut App) {
        self.save(app);
        match &self.store {
            Ok(store) => {
                let tz = jiff::tz::TimeZone::system();
                let now = Timestamp::now();
                let entries = store
                    .list()
                    .iter()
                    .map(|l| Entry::from_listed(l, &tz, now))
                    .collect();
                app.overlay = Overlay::Browser(Box::new(Browser::new(entries)), Timestamp::now());
            }
            Err(e) => app.tell(format!("drafts cannot be listed: {e}"), true),
        }
    }

    /// Replaces the editor's draft with a stored one, with its report open.
    fn open_draft(&mut self, app: &mut App, id: &str) {
        self.save(app);
        if matches!(app.save, SaveState::Failed(_)) {
            app.tell(
                "not saved, so this draft stays open; press Ctrl+S to retry",
                true,
            );
            return;
        }
        let loaded = match &self.store {
            Ok(store) => DraftStore::load_file(&store.path_of(id)).map_err(|e| e.to_string()),
            Err(e) => Err(e.to_string()),
        };
        match loaded {
            Ok(draft) => {
                let size = app.size;
                let mut start = Start::resume(draft, self.counting);
                start.source.analysis.set_speller(self.spelling.speller());
                *app = App::new(start, self.counting, size);
                self.prepare(app);
                self.saved_revision = 0;
                app.show_opened();
                // An exam whose time ran out meanwhile is handed in now.
                for effect in app.tick(Timestamp::now()) {
                    self.apply(app, effect);
                }
                self.keep_rescue(app);
            }
            Err(e) => {
                if let Overlay::Browser(browser, _) = &mut app.overlay {
                    browser.tell(e, true);
                }
            }
        }
    }

    /// Writes a stored draft, with its report, as Markdown in the home
    /// folder, named after its title; returns where.
    fn export(&self, id: &str) -> Result<String, String> {
        let store = self.store.as_ref().map_err(ToString::to_string)?;
        let draft = DraftStore::load_file(&store.path_of(id)).map_err(|e| e.to_string())?;
        let text = crate::store::export::render(&draft, crate::store::export::Format::Md, true);
        let home = home_dir();
        let path = file_name::reserve(&home, &file_name::stem(&draft), "md")
            .map_err(|e| format!("{}: {e}", home.display()))?;
        if let Err(e) = crate::store::write_atomic(&path, text.as_bytes()) {
            let _ = std::fs::remove_file(&path);
            return Err(format!("{}: {e}", path.display()));
        }
        Ok(path.display().to_string())
    }
}

/// A new exam attempt on `source`, its clock started now.
fn exam_start(source: Source, settings: Settings, exam: ExamOptions) -> Start {
    let now = Timestamp::now();
    let mut start = Start::fresh(source, settings, now);
    start.mode = Mode::Exam;
    start.exam = Some(crate::exam::clock::start(now, exam.reading, exam.time));
    start
}

fn exam_greeting(exam: ExamOptions) -> String {
    let time = crate::exam::clock::clock_text(exam.time);
    match exam.reading {
        Some(r) => format!(
            "Exam: read for {}, then write for {time}. Ctrl+E starts writing early.",
            crate::exam::clock::clock_text(r)
        ),
        None => format!("Exam: {time} to write. Ctrl+E submits early."),
    }
}

/// The built-in passage for `precis exam` with none named: one not yet
/// attempted in practice or in an exam (chosen by the clock's nanoseconds
/// among them), else the one whose latest attempt is oldest.
fn unattempted_passage(store: &DraftStore) -> &'static str {
    let drafts: Vec<_> = store
        .list()
        .into_iter()
        .filter_map(|l| l.draft.ok())
        .collect();
    let attempts = drafts.iter().filter_map(|d| match &d.source.origin {
        Origin::BuiltIn { id } => Some((id.as_str(), d.updated)),
        Origin::File { .. } | Origin::Stdin => None,
    });
    let pick = Timestamp::now().subsec_nanosecond().unsigned_abs() as usize;
    crate::exam::choice::passage_for_exam(attempts, pick)
}

/// Where to offer writing the précis when the drafts folder fails: the home
/// directory, else the current one.
fn fallback_path(id: &str) -> String {
    home_dir()
        .join(format!("precis-{id}.txt"))
        .display()
        .to_string()
}

/// The home folder, or the current one when there is none.
fn home_dir() -> PathBuf {
    directories::BaseDirs::new().map_or_else(|| PathBuf::from("."), |d| d.home_dir().to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::complete_path;

    #[test]
    fn paths_complete_as_far_as_the_files_agree() {
        let dir = tempfile::tempdir().expect("tempdir");
        for name in ["passage-one.txt", "passage-two.md", "notes.txt"] {
            std::fs::write(dir.path().join(name), "x").expect("file");
        }
        std::fs::create_dir(dir.path().join("papers")).expect("folder");
        let base = format!("{}/", dir.path().display());
        let (query, hint) = complete_path(&format!("{base}pass"));
        assert_eq!(query, format!("{base}passage-"));
        assert_eq!(hint.as_deref(), Some("passage-one.txt, passage-two.md"));
        assert_eq!(
            complete_path(&format!("{base}no")).0,
            format!("{base}notes.txt")
        );
        assert_eq!(
            complete_path(&format!("{base}pap")).0,
            format!("{base}papers/")
        );
        assert_eq!(
            complete_path(&format!("{base}zz")).1.as_deref(),
            Some("no file starts so")
        );
        assert_eq!(complete_path("~").0, "~/");
    }
}
