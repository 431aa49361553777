//! The editor's runtime: sets the terminal up (raw mode, alternate screen,
//! mouse, bracketed paste) and always restores it, turns terminal events
//! into actions, and carries out the effects `update` returns: saving to the
//! drafts store, opening sources, quitting.

use std::io::{self, Write};
use std::path::PathBuf;
use std::time::Duration;

use jiff::{Timestamp, Zoned};
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event,
};
use ratatui::crossterm::execute;

use super::app::{Action, App, Effect, Opening, SaveState, Source, Start};
use super::theme::Theme;
use crate::analysis::Settings;
use crate::analysis::words::CountingOptions;
use crate::input::{self, InputError};
use crate::passages;
use crate::store::{DraftStore, Origin, Saved, StoreError};
use crate::text::sanitize::one_line;

/// What the editor should open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StartWith {
    /// Resume the latest draft, or the first built-in passage.
    Default,
    /// A source file (or `-` for standard input).
    File(String),
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
}

/// Why the editor could not start or ran into a terminal error.
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    /// The source could not be read.
    #[error(transparent)]
    Input(#[from] InputError),
    /// The terminal failed.
    #[error("terminal: {0}")]
    Terminal(#[from] io::Error),
}

/// Reads a source file (or standard input) into a source.
fn file_source(path: &str, counting: CountingOptions) -> Result<Source, InputError> {
    let text = input::read_text(path, false)?;
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
    Ok(Source::from_text(text, origin, counting, &name))
}

/// The local time of day, for "saved 12:03".
fn clock() -> String {
    Zoned::now().strftime("%H:%M").to_string()
}

/// Runs the editor until the student quits.
pub fn run(options: Options) -> Result<(), RunError> {
    let counting = options.counting;
    let store = options
        .data_dir
        .clone()
        .map_or_else(DraftStore::default_data_dir, Ok)
        .and_then(|dir| DraftStore::open(&dir));
    let (start, greeting) = match &options.start {
        StartWith::File(path) => {
            let source = file_source(path, counting)?;
            (
                Start::fresh(source, options.settings, Timestamp::now()),
                "New draft: write your précis in the lower or right pane. F1 for help.".to_string(),
            )
        }
        StartWith::Default => match store.as_ref().ok().and_then(DraftStore::latest_practice) {
            Some(draft) => {
                let when = draft
                    .updated
                    .to_zoned(jiff::tz::TimeZone::system())
                    .strftime("%d %b %H:%M")
                    .to_string();
                let title = draft.source.title.clone().unwrap_or_default();
                (
                    Start::resume(draft, counting),
                    format!(
                        "Resumed your draft on “{title}” ({when}) · Ctrl+P for another passage"
                    ),
                )
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
        },
    };
    let mut session = Session {
        store,
        counting,
        theme: Theme::from_env(),
    };
    let mut terminal = enter()?;
    let size = terminal.size()?;
    let mut app = App::new(start, counting, (size.width, size.height));
    app.tell(greeting, false);
    if let Err(e) = &session.store {
        app.tell(format!("drafts cannot be saved: {e}"), true);
    }
    let outcome = session.event_loop(&mut terminal, &mut app);
    leave();
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
/// a panic hook that undoes all of them.
fn enter() -> io::Result<DefaultTerminal> {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        leave();
        previous(info);
    }));
    let terminal = ratatui::try_init()?;
    execute!(io::stdout(), EnableMouseCapture, EnableBracketedPaste)?;
    Ok(terminal)
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
    theme: Theme,
}

impl Session {
    fn event_loop(
        &mut self,
        terminal: &mut DefaultTerminal,
        app: &mut App,
    ) -> Result<(), RunError> {
        loop {
            terminal.draw(|frame| super::render(frame, app, &self.theme))?;
            if app.quit {
                return Ok(());
            }
            if !event::poll(Duration::from_millis(500))? {
                continue;
            }
            let action = match event::read()? {
                Event::Key(k) => Action::Key(k),
                Event::Paste(s) => Action::Paste(s),
                Event::Mouse(m) => Action::Mouse(m),
                Event::Resize(w, h) => Action::Resize(w, h),
                _ => continue,
            };
            for effect in app.update(action) {
                self.apply(app, effect);
            }
        }
    }

    fn save(&self, app: &mut App) {
        if !app.has_text() && matches!(app.save, SaveState::Saved(_)) {
            return;
        }
        let now = Timestamp::now();
        app.sample(now);
        let mut draft = app.to_draft(now);
        let result = match &self.store {
            Ok(store) => store
                .save_unless_changed(&mut draft, app.on_disk)
                .map_err(|e| e.to_string()),
            Err(e) => Err(e.to_string()),
        };
        match result {
            Ok(saved) => {
                app.on_disk = Some(now);
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
                let failed_before = matches!(app.save, SaveState::Failed(_));
                self.save(app);
                match &app.save {
                    SaveState::Failed(_) if !failed_before => {
                        app.tell("not saved: press Ctrl+Q again to quit; your précis will be printed so it is not lost", true);
                    }
                    _ => app.quit = true,
                }
            }
            Effect::Open(opening) => {
                self.save(app);
                let source = match &opening {
                    Opening::BuiltIn(id) => Source::built_in(id, self.counting)
                        .ok_or_else(|| format!("no passage '{id}'")),
                    Opening::File(path) => {
                        file_source(path, self.counting).map_err(|e| e.to_string())
                    }
                };
                match source {
                    Ok(source) => {
                        let name = source.name.clone();
                        let size = app.size;
                        *app = App::new(
                            Start::fresh(source, app.settings, Timestamp::now()),
                            self.counting,
                            size,
                        );
                        app.tell(format!("New draft on “{}”", one_line(&name)), false);
                    }
                    Err(e) => app.tell(e, true),
                }
            }
        }
    }
}
