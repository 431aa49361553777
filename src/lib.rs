//! précis: practise précis writing against a source passage.
//!
//! The [`analysis`] engine turns a source and a précis into a [`analysis::report::Report`]
//! (counts, target, number fidelity, précis rules); every front end shows
//! that same report: the `check` command ([`check`]) first among them.

pub mod analysis;
pub mod check;
pub mod config;
pub mod exam;
pub mod input;
pub mod passages;
pub mod review;
pub mod store;
pub mod text;
pub mod ui;

/// The report, by its short path: [`analysis::report`], the contract every
/// view consumes.
pub use analysis::report;
