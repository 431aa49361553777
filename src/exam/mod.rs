//! Timed exam practice: the clock, the checklist and the review.

pub mod checklist;
pub mod clock;
pub mod review;

use serde::Deserialize;

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
