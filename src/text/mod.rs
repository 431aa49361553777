//! Plain-text helpers shared by the engine and every view: line/column
//! mapping and making untrusted text safe to show on a terminal.

pub mod lines;
pub mod sanitize;
