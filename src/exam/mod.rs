//! Timed exam practice: the clock, the checklist, the prompts and the
//! choice of passage; the editor draws the review from them
//! (`ui::review_panel`).

pub mod checklist;
pub mod choice;
pub mod clock;
pub mod prompts;
pub mod timing;

use std::time::Duration;

use serde::Deserialize;

/// How long a new exam runs: optional reading time, then the writing time
/// (from `--time`, `--reading` and `exam_time`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Plan {
    /// Writing time.
    pub writing: Duration,
    /// Reading time before writing opens, if any.
    pub reading: Option<Duration>,
}

impl Default for Plan {
    /// 35 minutes of writing, no reading time: the built-in default.
    fn default() -> Self {
        Plan {
            writing: Duration::from_secs(35 * 60),
            reading: None,
        }
    }
}

/// What a running exam shows of the report (config `exam.live_feedback`);
/// everything is revealed in the review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Feedback {
    /// Nothing but the clock.
    None,
    /// The word count, which a student can count on paper too (the default).
    #[default]
    Counts,
    /// Every flag and highlight, as in practice.
    All,
}
