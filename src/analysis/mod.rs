//! The analysis engine: pure functions from text to report.

pub mod numbers;
pub mod structure;
pub mod target;
pub mod words;
