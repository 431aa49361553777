//! Spelling in the editor, as the runtime keeps it going. Words are checked
//! on every keystroke from the verdicts the engine remembers, once the
//! dictionaries have loaded on a thread of their own (started once the
//! first frame is up and typing pauses: the first frame and the keys never
//! wait for them). The corrections, which take tens of milliseconds a word,
//! are computed on a worker thread when typing pauses and shown when they
//! arrive. `a` in the suggestions box adds a word to the student's list
//! (`words.txt` beside `config.toml`).

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{self, Sender};

use crate::analysis::spelling::{Language, Speller};
use crate::text::sanitize::one_line;
use crate::ui::app::App;
use crate::ui::spelling::is_spelling;

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
