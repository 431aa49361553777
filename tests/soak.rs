//! A bounded soak test of the real editor: rounds of random edits with
//! autosave on, each ended by `kill -9` at a random moment and followed by a
//! restart that resumes the draft. After every kill the saved précis must be
//! a text the editor actually had, and the restart must show it.
//!
//! Ignored by `cargo test` (it takes a minute or two); `.ci/run` runs it
//! with `cargo test --test soak -- --ignored`. `PRECIS_SOAK_SEED` replays a
//! run, `PRECIS_SOAK_ROUNDS` sets its length.

mod pty;

use std::path::Path;
use std::thread;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use precis::analysis::words::{CountingOptions, count_words};
use pty::{draft_files, home, kill, precis_with_pid, read_json};

const BACKSPACE: &str = "\x7f";
const ENTER: &str = "\r";

/// Words the random edits type, figures among them.
const WORDS: [&str; 12] = [
    "tax",
    "revenue",
    "stays",
    "near",
    "12",
    "percent",
    "of",
    "output;",
    "reform",
    "stalls.",
    "Rs 2 crore",
    "—",
];

/// A small deterministic generator (xorshift64*), so a seed replays a run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number in `0..n`.
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn env_number(name: &str) -> Option<u64> {
    std::env::var(name).ok()?.parse().ok()
}

/// The body of the only draft under `home`, or "" before the first save.
fn saved_body(home: &Path) -> String {
    let files = draft_files(home);
    assert!(files.len() <= 1, "more than one draft: {files:?}");
    files
        .first()
        .and_then(|f| read_json(f))
        .and_then(|d| d["body"].as_str().map(str::to_string))
        .unwrap_or_default()
}

/// One random edit: the keys to send.
fn edit(rng: &mut Rng, text: &str) -> String {
    match rng.below(10) {
        0..=6 => {
            let word = WORDS[rng.below(WORDS.len() as u64) as usize];
            if text.is_empty() || text.ends_with(['\n', ' ']) {
                word.to_string()
            } else {
                format!(" {word}")
            }
        }
        7 | 8 => BACKSPACE.to_string(),
        _ => ENTER.to_string(),
    }
}

/// Applies `keys` to `text` one key at a time, as the editor does, noting
/// each text it passes through in `had` (a save may land between any two
/// keys of a word).
fn apply(keys: &str, text: &mut String, had: &mut Vec<String>) {
    for c in keys.chars() {
        match c {
            '\x7f' => {
                text.pop();
            }
            '\r' => text.push('\n'),
            c => text.push(c),
        }
        had.push(text.clone());
    }
}

#[test]
#[ignore = "a soak test of a minute or two: cargo test --test soak -- --ignored"]
fn killed_at_random_the_editor_only_ever_saves_texts_it_had() {
    let seed = env_number("PRECIS_SOAK_SEED").unwrap_or_else(|| {
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(1, |d| d.as_nanos() as u64)
            | 1
    });
    let rounds = env_number("PRECIS_SOAK_ROUNDS").unwrap_or(40);
    println!("soak: seed {seed}, {rounds} rounds (PRECIS_SOAK_SEED={seed} replays it)");
    let mut rng = Rng(seed);
    let home = home();
    let mut text = String::new();
    let mut edits = 0;
    for round in 0..rounds {
        let (mut pty, pid) = precis_with_pid(home.path(), &[]);
        pty.wait_for("Précis · ");
        // Every text the editor holds in this round, in order.
        let mut had = vec![text.clone()];
        for _ in 0..rng.below(150) + 20 {
            let keys = edit(&mut rng, &text);
            pty.send(&keys);
            apply(&keys, &mut text, &mut had);
            edits += 1;
            thread::sleep(Duration::from_millis(rng.below(12)));
        }
        // Kill at a random moment: often before autosave, sometimes after.
        thread::sleep(Duration::from_millis(rng.below(3_000)));
        kill("KILL", pid);
        let status = pty.wait_exit();
        assert!(!status.success(), "round {round}: kill -9 reported success");
        let saved = saved_body(home.path());
        assert!(
            had.contains(&saved),
            "round {round} (seed {seed}): the saved précis {saved:?} is no text the editor had; \
             it last had {:?}",
            had.last()
        );
        text = saved;
    }
    // The last restart shows what was saved: its words and its last word.
    let (pty, _) = precis_with_pid(home.path(), &[]);
    let words = count_words(&text, CountingOptions::default());
    pty.wait_for(&format!("Précis · {words}/"));
    if let Some(last) = text.split_whitespace().last() {
        pty.wait_for(last);
    }
    println!("soak: {edits} edits in {rounds} rounds, all saves were real states");
}
