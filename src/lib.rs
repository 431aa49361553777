//! précis: analysis of a précis against its source passage.

pub mod analysis;
pub mod text;
