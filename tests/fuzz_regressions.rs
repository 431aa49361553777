//! Replays the fuzzers' kept corpus (`tests/fuzz_corpus/`) on stable Rust:
//! every input that once found new behaviour, or a bug, must keep holding the
//! invariants of `fuzz/fuzz_targets/invariants.rs`. The fuzzers themselves
//! run with `cargo +nightly fuzz run analyse` (see the README).

use std::fs;
use std::path::Path;

#[path = "../fuzz/fuzz_targets/invariants.rs"]
mod invariants;

/// Runs `check` on every file of corpus `name`, naming the file that fails.
fn replay(name: &str, check: fn(&[u8]), at_least: usize) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz_corpus")
        .join(name);
    let mut files: Vec<_> = fs::read_dir(&dir)
        .expect("corpus directory")
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    for file in &files {
        let data = fs::read(file).expect("corpus file");
        let outcome = std::panic::catch_unwind(|| check(&data));
        assert!(outcome.is_ok(), "{} breaks an invariant", file.display());
    }
    assert!(
        files.len() >= at_least,
        "only {} inputs in {name}",
        files.len()
    );
}

#[test]
fn the_engine_corpus_holds() {
    replay("analyse", invariants::analyse, 50);
}

#[test]
fn the_draft_corpus_holds() {
    replay("draft", invariants::draft, 20);
}
