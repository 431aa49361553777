//! Fuzzes the engine: arbitrary bytes as a source and a précis, checked by
//! both paths (one-shot and indexed) against the report's invariants.

#![no_main]

// Each target uses its half of the shared checks.
#[allow(dead_code)]
#[path = "invariants.rs"]
mod invariants;

libfuzzer_sys::fuzz_target!(|data: &[u8]| invariants::analyse(data));
