//! Stopping on a signal: SIGTERM, SIGHUP (a closed terminal) and SIGINT set
//! a flag that the main loop and the input thread watch; the keys typed
//! before the signal are then applied, so the save that follows has them.

use std::io;
use std::sync::Arc;
use std::sync::atomic::AtomicUsize;
use std::sync::mpsc::Receiver;
use std::time::{Duration, Instant};

use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};

use super::input::Read;
use super::session::Session;
use crate::ui::app::App;

/// The longest a signal waits for the keys typed before it to be read.
const DRAIN_LIMIT: Duration = Duration::from_secs(1);

/// A flag that each stopping signal sets to its number (0 until one
/// arrives).
pub(super) fn watch() -> io::Result<Arc<AtomicUsize>> {
    let stop = Arc::new(AtomicUsize::new(0));
    for signal in [SIGTERM, SIGHUP, SIGINT] {
        signal_hook::flag::register_usize(signal, Arc::clone(&stop), signal as usize)?;
    }
    Ok(stop)
}

impl Session {
    /// On a signal: applies every key typed before it, those the input
    /// thread has sent and those still waiting in the terminal, which it
    /// reads until it finds none (for at most a second).
    pub(super) fn drain(&mut self, app: &mut App, events: &Receiver<Read>) {
        let until = Instant::now() + DRAIN_LIMIT;
        while let Some(left) = until.checked_duration_since(Instant::now()) {
            match events.recv_timeout(left) {
                Ok(Read::Drained | Read::Gone) | Err(_) => return,
                Ok(read) => self.take(app, read),
            }
        }
    }
}
