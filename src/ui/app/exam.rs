//! The exam in the editor's state: the clock's tick (the bells, handing in
//! at time-up), the phase, and what a running exam shows; and the exam's
//! turning points: writing started before reading time is over, what
//! reading time shows (a locked body that says so, a note whose time
//! follows the clock), a stored draft opened as its state asks (a running
//! exam keeps its checks hidden), and the model précis beside the
//! student's after the review. Like `app`, no terminal,
//! disk or clock: the time is the last tick's.

use jiff::Timestamp;

use super::{App, BODY_PLACEHOLDER, Effect, Focus, Overlay, SaveState};
use crate::exam::Feedback;
use crate::exam::clock::{self, Phase};
use crate::exam::prompts::{self, LOCKED_PLACEHOLDER, READING_NOTE};
use crate::store::{Origin, Sample};

impl App {
    /// Opens writing now, during reading time (`Ctrl+E`): reading ends and
    /// the whole writing time runs from now. The new deadline is saved at
    /// once, so a restart keeps it.
    pub(super) fn write_now(&mut self) -> Vec<Effect> {
        let Some(timing) = self.exam else {
            return Vec::new();
        };
        let early = clock::write_now(&timing, self.now);
        if early == timing {
            return Vec::new();
        }
        self.exam = Some(early);
        self.focus = Focus::Body;
        self.follow_reading(clock::phase(&early, self.now));
        self.tell(prompts::writing_early_note(early.allowed()), false);
        self.save = SaveState::Unsaved;
        self.revision += 1;
        vec![Effect::Save]
    }

    /// Keeps what the screen says in step with the exam's `phase`: while
    /// reading, the locked body's placeholder says it is locked and the
    /// reading-time note shows the time the clock shows.
    pub(super) fn follow_reading(&mut self, phase: Phase) {
        let placeholder = match phase {
            Phase::Reading(_) => LOCKED_PLACEHOLDER,
            Phase::Writing(_) | Phase::Over => BODY_PLACEHOLDER,
        };
        if self.body.placeholder_text() != placeholder {
            self.body.set_placeholder_text(placeholder);
        }
        if let Phase::Reading(left) = phase
            && self
                .note
                .as_ref()
                .is_some_and(|n| n.text.starts_with(READING_NOTE))
        {
            self.tell(prompts::reading_note(left), false);
        }
    }

    /// Shows a stored draft just opened from the drafts browser as when it
    /// is resumed at start-up: a running exam shows only what its feedback
    /// allows until time is up; anything else opens with its report in the
    /// flags panel.
    pub fn show_opened(&mut self) {
        if self.review_open {
            self.flags_open = false;
            self.tell(
                "Opened your exam as handed in: its review is below the précis \
                 (Ctrl+F its flags · Esc closes it · Ctrl+K copies it to practice)",
                false,
            );
        } else if self.exam_running() {
            self.flags_open = false;
            self.tell(prompts::resumed_note(&self.source.name), false);
        } else {
            self.flags_open = true;
            self.tell(
                "Opened your draft: its flags are listed below the précis (Esc closes the list)",
                false,
            );
        }
    }

    /// The model précis of the passage: built-in passages have one.
    pub fn model(&self) -> Option<&'static str> {
        match &self.source.origin {
            Origin::BuiltIn { id } => crate::passages::find(id).map(|p| p.model),
            Origin::File { .. } | Origin::Stdin => None,
        }
    }

    /// The model précis when it is drawn in the source pane's place: asked
    /// for with `Ctrl+O`, in the review of a handed-in exam.
    pub fn model_shown(&self) -> Option<&'static str> {
        if self.show_model && self.review_open {
            self.model()
        } else {
            None
        }
    }

    /// `Ctrl+O`: the model précis beside the student's, or the source back;
    /// only once the exam has been reviewed, so it never gives answers away.
    pub(super) fn toggle_model(&mut self) {
        if !self.review_open {
            self.tell(
                "The model précis opens in the review, once an exam is handed in.",
                false,
            );
        } else if self.model().is_none() {
            self.tell("Only the built-in passages have a model précis.", false);
        } else {
            self.show_model = !self.show_model;
            self.source_scroll.set(0);
        }
    }
}

impl App {
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
    pub(super) fn submit(&mut self, at: Timestamp) {
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
}
