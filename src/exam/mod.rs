//! Timed exam practice: the clock, the checklist and the review.

pub mod clock;
