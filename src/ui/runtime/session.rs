//! What the runtime keeps between events. Its methods are beside their
//! concern: the event loop, drawing and dispatch in `runtime`, saving in
//! `autosave`, opening drafts and sources in `opening`, and what follows a
//! signal in `signals`.

use std::sync::Arc;
use std::sync::atomic::AtomicUsize;
use std::sync::mpsc::Sender;
use std::time::Instant;

use ratatui::layout::Position;

use super::input::Read;
use super::options::ExamOptions;
use super::spelling;
use crate::analysis::words::CountingOptions;
use crate::store::{DraftStore, StoreError};
use crate::ui::echo::Echo;
use crate::ui::theme::Theme;

/// What the runtime keeps between events.
pub(super) struct Session {
    pub(super) store: Result<DraftStore, StoreError>,
    pub(super) counting: CountingOptions,
    pub(super) lossy: bool,
    pub(super) theme: Theme,
    /// The signal (SIGTERM, SIGHUP for a closed terminal, SIGINT) that asked
    /// the editor to stop, or 0.
    pub(super) stop: Arc<AtomicUsize>,
    /// The app's revision when it was last saved.
    pub(super) saved_revision: u64,
    /// The last save came before the full check of its text (the check or
    /// the dictionaries were on their way), so the draft file lacks the
    /// counts the drafts list reads.
    pub(super) counts_missing: bool,
    /// When the text first changed since the last save.
    pub(super) dirty_since: Option<Instant>,
    /// When a save was last tried (for retrying after a failure).
    pub(super) last_attempt: Option<Instant>,
    /// Where the précis was written when the drafts store failed.
    pub(super) written_to: Option<String>,
    /// How exams run.
    pub(super) exam: ExamOptions,
    /// Where the input thread may echo the next key.
    pub(super) echo: Echo,
    /// Where a large source's analysis is sent, to reach the main loop.
    pub(super) incoming: Sender<Read>,
    /// Whether something changed that no echo has shown: the frame is then
    /// drawn before the analysis.
    pub(super) unshown: bool,
    /// How many echoed keys have been applied.
    pub(super) echoes_handled: u64,
    /// Cells the input thread echoed keys into: written again after the
    /// next frame as that frame has them, so no cell shows a character the
    /// text does not have (a key that wrapped, went to another field, or
    /// arrived in a burst with others).
    pub(super) echoed: Vec<Position>,
    /// When the text last changed: coverage is measured, and a change
    /// saved, once typing pauses.
    pub(super) typed_at: Instant,
    /// The spelling check, its corrections and the student's word list.
    pub(super) spelling: spelling::Session,
    /// When the first frame was drawn.
    pub(super) first_frame: Option<Instant>,
}
