//! The input thread: it reads terminal events so that the main loop never
//! blocks inside the terminal library, echoes typed keys ahead of the
//! frame, and after a signal reads what is still waiting in the terminal
//! and says when there is nothing more.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::Sender;
use std::time::Duration;

use ratatui::crossterm::event::{self, Event};

use crate::ui::app::Source;
use crate::ui::echo::{self, Echo, Echoed};

/// How often the input thread, waiting for a key, looks for a signal.
const POLL: Duration = Duration::from_millis(50);

/// What reaches the main loop from other threads.
pub(super) enum Read {
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
pub(super) fn spawn_reader(tx: Sender<Read>, echo: Echo, stop: Arc<AtomicUsize>) {
    std::thread::spawn(move || {
        loop {
            // Only a wait that began after the stop, and stayed quiet,
            // shows that nothing more is coming: a key typed just before a
            // signal may reach the terminal's buffer a moment after it,
            // while a wait begun earlier runs out.
            let stopping = stop.load(Ordering::Relaxed) != 0;
            let read = match event::poll(POLL) {
                Ok(true) => match event::read() {
                    Ok(event) => {
                        let echoed = echo::echo_ahead(&echo, &event);
                        Read::Event(event, echoed)
                    }
                    Err(_) => Read::Gone,
                },
                Ok(false) if stopping => Read::Drained,
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
