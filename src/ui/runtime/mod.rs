//! The editor's runtime: sets the terminal up (raw mode, alternate screen,
//! mouse, bracketed paste) and always restores it, turns terminal events
//! into actions, and carries out the effects `update` returns. Here are the
//! event loop, the drawing and the dispatch; what they call on is beside
//! them: the input thread (`input`), saving (`autosave`), opening drafts
//! and sources (`opening`), signals (`signals`) and spelling (`spelling`).

mod autosave;
mod input;
mod opening;
mod options;
mod session;
mod signals;
pub mod spelling;

pub use options::{Ended, ExamOptions, Options, RunError, StartWith};

use std::io::{self, IsTerminal, Write};
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use jiff::Timestamp;
use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::buffer::Cell;
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture, Event,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::EnterAlternateScreen;

use self::autosave::{fallback_path, rescue_on_panic};
use self::input::{Read, spawn_reader};
use self::opening::complete_path;
use self::session::Session;
use super::app::{Action, App, Effect, Overlay, SaveState};
use super::echo::{self, Echo, Echoed};
use super::quiet_backend::QuietBackend;
use super::theme::Theme;
use crate::store::DraftStore;
use crate::text::sanitize::one_line;

/// At most this many queued events are applied between two frames.
const BURST: usize = 256;
/// How often the loop wakes to autosave or notice a signal.
const TICK: Duration = Duration::from_millis(200);
/// How long typing pauses before coverage is measured again (it then takes
/// a few milliseconds, so it is on screen well within 150 ms of the pause).
const COVERAGE_PAUSE: Duration = Duration::from_millis(100);

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
    let (mut start, greeting) = opening::first_start(&options, &store, &incoming)?;
    let stop = signals::watch()?;
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

/// The terminal the editor draws on.
type Screen = Terminal<QuietBackend>;

/// Gives the terminal back as it was.
fn leave() {
    let _ = execute!(io::stdout(), DisableBracketedPaste, DisableMouseCapture);
    ratatui::restore();
    let _ = io::stdout().flush();
}

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
            if self.first_frame.is_none() {
                self.first_frame = Some(Instant::now());
                // The word vectors coverage needs are indexed on a thread of
                // their own once the first frame is up, not competing with it.
                crate::analysis::coverage::vectors::preload();
            }
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
            self.dirty_since.get_or_insert(now);
            self.keep_rescue(app);
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
