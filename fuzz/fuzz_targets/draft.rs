//! Fuzzes the draft loader: arbitrary bytes as a draft file, read, listed,
//! exported, opened in the editor and drawn.

#![no_main]

// Each target uses its half of the shared checks.
#[allow(dead_code)]
#[path = "invariants.rs"]
mod invariants;

libfuzzer_sys::fuzz_target!(|data: &[u8]| invariants::draft(data));
