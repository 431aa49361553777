//! The clock of an exam attempt as a draft stores it: when reading ends,
//! writing began, time is up and the attempt was handed in.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

/// The clock of an exam attempt. The deadline is wall-clock time, so an
/// exam resumed after a crash keeps the time it really has left.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExamTiming {
    /// When the reading phase ends and writing opens, if there is one.
    #[serde(default)]
    pub reading_until: Option<Timestamp>,
    /// When writing began.
    pub started: Timestamp,
    /// When time is up.
    pub deadline: Timestamp,
    /// When the attempt was submitted (by the student or at time-up).
    pub submitted: Option<Timestamp>,
}

impl ExamTiming {
    /// The writing time allowed.
    pub fn allowed(&self) -> std::time::Duration {
        std::time::Duration::try_from(self.deadline.duration_since(self.started))
            .unwrap_or_default()
    }

    /// How long the attempt took, once submitted.
    pub fn time_used(&self) -> Option<std::time::Duration> {
        std::time::Duration::try_from(self.submitted?.duration_since(self.started)).ok()
    }
}
