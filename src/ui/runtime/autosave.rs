//! Saving: changes are saved when typing pauses, and within two seconds of
//! the first even while typing goes on; the latest text is kept where a
//! crash can still write it; and when the drafts folder fails, a file in
//! the home folder is offered instead.

use std::path::PathBuf;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use jiff::{Timestamp, Zoned};

use super::session::Session;
use crate::store::Saved;
use crate::ui::app::{App, SaveState};

/// Idle time after which changes are saved.
const IDLE_SAVE: Duration = Duration::from_millis(500);
/// The longest changes wait to be saved, even while typing on.
const MAX_UNSAVED: Duration = Duration::from_secs(2);

/// The latest text and where to write it if the editor crashes.
static RESCUE: Mutex<Option<(PathBuf, String)>> = Mutex::new(None);

/// Writes the précis to its rescue file after a crash and says where.
pub(super) fn rescue_on_panic() {
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

/// The local time of day, for "saved 12:03".
fn clock() -> String {
    Zoned::now().strftime("%H:%M").to_string()
}

impl Session {
    /// Saves changes within two seconds of the first, sooner when typing
    /// pauses; retries every two seconds after a failure.
    pub(super) fn autosave(&mut self, app: &mut App) {
        let now = Instant::now();
        let failed = matches!(app.save, SaveState::Failed(_));
        let due = match self.dirty_since {
            _ if failed => self.last_attempt.is_none_or(|t| now - t >= MAX_UNSAVED),
            Some(dirty) => now - self.typed_at >= IDLE_SAVE || now - dirty >= MAX_UNSAVED,
            None => false,
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
    pub(super) fn keep_rescue(&self, app: &App) {
        let Ok(store) = &self.store else { return };
        let path = store.path_of(&app.draft_id).with_extension("rescue.txt");
        if let Ok(mut slot) = RESCUE.lock() {
            *slot = Some((path, app.precis_text().0));
        }
    }

    pub(super) fn save(&mut self, app: &mut App) {
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
}

/// Where to offer writing the précis when the drafts folder fails: the home
/// directory, else the current one.
pub(super) fn fallback_path(id: &str) -> String {
    home_dir()
        .join(format!("precis-{id}.txt"))
        .display()
        .to_string()
}

/// The home folder, or the current one when there is none.
pub(super) fn home_dir() -> PathBuf {
    directories::BaseDirs::new().map_or_else(|| PathBuf::from("."), |d| d.home_dir().to_path_buf())
}
