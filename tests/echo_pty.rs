//! The screen is the text, whatever the rhythm of the keys: the real editor
//! in a pseudo-terminal is typed into in bursts (a word split into one to
//! three writes, 0–20 ms apart, as an input method, a slow link or a text
//! expander sends them), at the end and in the middle of lines, across soft
//! wraps, in the title and the body, with backspaces; after every burst the
//! title field and the body on screen must hold exactly the text typed, with
//! no cell left over from a key echoed ahead of the frame.

mod pty;

use std::thread;
use std::time::{Duration, Instant};

use pty::{Pty, home};

/// A small deterministic generator, so a failure can be replayed (the seed
/// is in the failure message).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const WORDS: &[&str] = &[
    "rivers",
    "near",
    "the",
    "riverbanks",
    "borrowing",
    "and",
    "later",
    "twenty",
    "first",
    "century",
    "causes",
    "consequences",
    "water",
    "cities",
    "grow",
    "farmers",
    "canals",
    "seepage",
    "tariffs",
    "reform",
    "debt",
    "interest",
    "a",
    "of",
    "in",
];

/// What the fields should hold.
struct Model {
    title: Vec<char>,
    body: Vec<char>,
    /// The body's cursor, in characters.
    at: usize,
    in_title: bool,
}

/// The inner rows of the box whose top border holds `label`.
fn boxed(screen: &vt100::Screen, label: &str) -> Option<Vec<String>> {
    let (_, cols) = screen.size();
    let rows: Vec<Vec<char>> = screen
        .rows(0, cols.get())
        .map(|r| r.chars().collect())
        .collect();
    let top = rows
        .iter()
        .position(|r| r.iter().collect::<String>().contains(label))?;
    let left = rows[top].iter().rposition(|&c| c == '┌')?;
    let right = rows[top].iter().rposition(|&c| c == '┐')?;
    Some(
        rows[top + 1..]
            .iter()
            .take_while(|r| r.get(left) != Some(&'└'))
            .map(|r| {
                r.get(left + 1..right.min(r.len()))
                    .unwrap_or(&[])
                    .iter()
                    .collect()
            })
            .collect(),
    )
}

/// Text with its runs of spaces collapsed: how rows joined read.
fn collapsed(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether the screen's fields show exactly the model's text.
fn shows(screen: &vt100::Screen, model: &Model) -> bool {
    let (Some(title), Some(body)) = (boxed(screen, "Title"), boxed(screen, "Précis ·")) else {
        return false;
    };
    let title: String = collapsed(&title.join(" "));
    let want_title = if model.title.is_empty() {
        "Title (3 to 8 words)".to_string()
    } else {
        collapsed(&model.title.iter().collect::<String>())
    };
    let body = collapsed(&body.join(" "));
    let want_body = if model.body.is_empty() {
        "Write your précis here…".to_string()
    } else {
        collapsed(&model.body.iter().collect::<String>())
    };
    title == want_title && body == want_body
}

/// Sends `text` in one to three writes, 0–20 ms apart.
fn burst(pty: &mut Pty, rng: &mut Rng, text: &str) {
    let chars: Vec<char> = text.chars().collect();
    let pieces = 1 + rng.below(3);
    let mut cuts: Vec<usize> = (0..pieces - 1)
        .map(|_| rng.below(chars.len() + 1))
        .collect();
    cuts.push(chars.len());
    cuts.sort_unstable();
    let mut from = 0;
    for cut in cuts {
        if cut > from {
            pty.send(&chars[from..cut].iter().collect::<String>());
        }
        from = cut;
        thread::sleep(Duration::from_millis(rng.below(21) as u64));
    }
}

/// One session of bursts at `cols`×`rows`.
fn session(seed: u64, cols: u16, rows: u16) {
    let home = home();
    let mut pty = Pty::precis(home.path(), &[]);
    pty.resize(rows, cols);
    pty.wait_for("Précis");
    let mut rng = Rng(seed);
    let mut model = Model {
        title: Vec::new(),
        body: Vec::new(),
        at: 0,
        in_title: false,
    };
    for step in 0..40 {
        let choice = rng.below(10);
        if choice == 0 {
            // To the other field (the cursor in each stays where it was).
            pty.send(if model.in_title { "\t" } else { "\x1b[Z" });
            model.in_title = !model.in_title;
        } else if model.in_title {
            if model.title.len() < 30 {
                let word = format!("{} ", WORDS[rng.below(WORDS.len())]);
                burst(&mut pty, &mut rng, &word);
                model.title.extend(word.chars());
            } else {
                pty.send("\x7f");
                model.title.pop();
            }
        } else if choice == 1 && model.at > 0 {
            pty.send("\x7f");
            model.at -= 1;
            model.body.remove(model.at);
        } else if choice == 2 && !model.body.is_empty() {
            // Somewhere in the middle: from the end, a few characters back.
            pty.send("\x1b[F");
            let back = rng.below(model.body.len().min(25));
            for _ in 0..back {
                pty.send("\x1b[D");
            }
            model.at = model.body.len() - back;
        } else if choice == 3 {
            pty.send("\x1b[F");
            model.at = model.body.len();
        } else if choice == 4 && model.body.len() < 300 {
            // A phrase committed at once (an input method, a text expander).
            let phrase: String = (0..4 + rng.below(8))
                .map(|_| format!("{} ", WORDS[rng.below(WORDS.len())]))
                .collect();
            pty.send(&phrase);
            for (k, c) in phrase.chars().enumerate() {
                model.body.insert(model.at + k, c);
            }
            model.at += phrase.chars().count();
        } else if model.body.len() < 360 {
            let word = format!("{} ", WORDS[rng.below(WORDS.len())]);
            burst(&mut pty, &mut rng, &word);
            for (k, c) in word.chars().enumerate() {
                model.body.insert(model.at + k, c);
            }
            model.at += word.chars().count();
        }
        let what = format!(
            "seed {seed}, {cols}×{rows}, step {step}: title {:?}, body {:?}",
            model.title.iter().collect::<String>(),
            model.body.iter().collect::<String>()
        );
        pty.wait_until(&what, |screen| shows(screen, &model));
        // Still so a moment later: nothing arrives after the settled frame.
        let settled = Instant::now();
        while settled.elapsed() < Duration::from_millis(60) {
            thread::sleep(Duration::from_millis(20));
            assert!(
                shows(pty.out().parser.screen(), &model),
                "{what}: the screen changed after settling:\n{}",
                pty.screen()
            );
        }
    }
    pty.send("\x11");
}

#[test]
fn bursts_of_keys_leave_no_cell_that_differs_from_the_text() {
    let seed = std::env::var("PRECIS_ECHO_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5eed_1234_abcd_0001);
    session(seed, 80, 24);
    session(seed ^ 0xffff, 120, 40);
}
