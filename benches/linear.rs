//! Growth of the engine's cost along each dimension of its input: every
//! input is doubled four times (×1 to ×16) and the time of each step is
//! printed with its growth over the step before. Linear work doubles
//! (growth ≈ 2); a dimension whose last two doublings (the largest inputs,
//! where fixed costs no longer hide the growth) average clearly above 2.3
//! is marked super-linear. Nothing is asserted: this is a measurement,
//! printed as a Markdown table. Times are the process's CPU time (both
//! threads of a `check`), the least of several runs, so that other work on
//! the machine does not pass for growth.
//!
//! Each dimension is grown in the source (checked against a real 230-word
//! précis, the whole `check`) and in the précis (against a 1,000-word
//! source, both the whole `check` and the editor's re-analysis of a précis
//! against an analysed source). A step that would take longer than the
//! budget (`LINEAR_BUDGET` seconds, 10 by default) is skipped.
//!
//! `cargo bench --bench linear` runs them all; `cargo bench --bench linear
//! -- words` only the dimensions whose name contains `words`.

use std::hint::black_box;
use std::time::Duration;

use precis::analysis::words::CountingOptions;
use precis::analysis::{Settings, SourceAnalysis, analyse};

mod common;

use common::{MODEL, body_of, source_of};

/// Growth per doubling over the last two doublings above this is marked
/// super-linear.
const SUPER_LINEAR: f64 = 2.3;

/// How many times each input is doubled.
const DOUBLINGS: u32 = 4;

/// One dimension of the input: a text of `n` units, grown by doubling `n`.
struct Dimension {
    name: &'static str,
    /// What one unit is, for the table.
    unit: &'static str,
    /// The size of the first step, in units.
    start: usize,
    /// The passage text (no heading) of `n` units.
    make: fn(usize) -> String,
}

/// `piece` written `n` times.
fn repeat(piece: &str, n: usize) -> String {
    piece.repeat(n)
}

/// Prose from the built-in passages, `n` words.
fn prose(n: usize) -> String {
    body_of(n)
}

/// Sentences dense with figures of every kind.
fn figure_dense(n: usize) -> String {
    repeat(
        "The budget rose to $65 billion in 2024, up 62 percent, and 1,200 schools opened in five provinces. ",
        n,
    )
}

/// One sentence of `n` words: prose with every sentence end made a comma.
fn long_sentence(n: usize) -> String {
    let mut text = body_of(n).replace(['.', '?', '!', ';', ':'], ",");
    text.push('.');
    text
}

/// `n` short paragraphs.
fn paragraphs(n: usize) -> String {
    repeat("Supply failed again in the north.\n\n", n)
}

/// `n` quotations, short and long.
fn quotes(n: usize) -> String {
    repeat(
        "The minister called it a “temporary measure” and said “the cost will fall within two years”. ",
        n,
    )
}

/// The same phrase of the source, copied `n` times.
fn repeated_phrase(n: usize) -> String {
    repeat(
        "Households pay for unreliable supply through generators and lost work. ",
        n,
    )
}

/// One word of `n` × 16 letters.
fn long_word(n: usize) -> String {
    format!("A {} word.", repeat("supercalifragili", n))
}

/// Mixed scripts, bidirectional and zero-width marks, combining marks,
/// emoji and a figure, `n` times.
fn mixed_scripts(n: usize) -> String {
    repeat("\u{202e}\u{200b}\u{301}中文 😀 65 ", n)
}

/// A word of letters for `k`, different for every `k`.
fn word_for(mut k: usize) -> String {
    let mut w = String::from("qu");
    loop {
        w.push(char::from(b'a' + (k % 20) as u8));
        k /= 20;
        if k == 0 {
            return w;
        }
    }
}

/// The same figure about `n` different words.
fn one_figure_many_subjects(n: usize) -> String {
    (0..n)
        .map(|k| format!("There were 65 {} here. ", word_for(k)))
        .collect()
}

/// The dimensions measured, each from a start size that takes a few
/// milliseconds when the engine is linear.
const DIMENSIONS: &[Dimension] = &[
    Dimension {
        name: "length (prose)",
        unit: "words",
        start: 25_000,
        make: prose,
    },
    Dimension {
        name: "length (figure-dense prose)",
        unit: "sentences",
        start: 1_000,
        make: figure_dense,
    },
    Dimension {
        name: "adjacent figures `65 65 …`",
        unit: "figures",
        start: 8_000,
        make: |n| repeat("65 ", n),
    },
    Dimension {
        name: "number words `one one …`",
        unit: "words",
        start: 1_000,
        make: |n| repeat("one ", n),
    },
    Dimension {
        name: "number words `twenty one …`",
        unit: "words",
        start: 1_000,
        make: |n| repeat("twenty one ", n / 2),
    },
    Dimension {
        name: "number words `one hundred …`",
        unit: "words",
        start: 1_000,
        make: |n| repeat("one hundred ", n / 2),
    },
    Dimension {
        name: "sentence length",
        unit: "words",
        start: 5_000,
        make: long_sentence,
    },
    Dimension {
        name: "paragraphs",
        unit: "paragraphs",
        start: 2_000,
        make: paragraphs,
    },
    Dimension {
        name: "quotes",
        unit: "sentences",
        start: 1_000,
        make: quotes,
    },
    Dimension {
        name: "repeated phrase",
        unit: "copies",
        start: 1_000,
        make: repeated_phrase,
    },
    Dimension {
        name: "word length",
        unit: "×16 letters",
        start: 20_000,
        make: long_word,
    },
    Dimension {
        name: "one figure, many subjects",
        unit: "sentences",
        start: 1_000,
        make: one_figure_many_subjects,
    },
    Dimension {
        name: "mixed scripts `\\u202e\\u200b\\u0301中文 😀 65`",
        unit: "pieces",
        start: 4_000,
        make: mixed_scripts,
    },
];

/// Where the dimension grows and which path is timed.
#[derive(Clone, Copy)]
enum Side {
    /// The source grows; the whole `check` against the model précis.
    Source,
    /// The précis grows; the whole `check` against a 1,000-word source.
    PrecisCheck,
    /// The précis grows; re-analysis against an analysed source.
    PrecisEditor,
}

impl Side {
    fn name(self) -> &'static str {
        match self {
            Side::Source => "source",
            Side::PrecisCheck => "précis (check)",
            Side::PrecisEditor => "précis (editor)",
        }
    }
}

/// The CPU time this process has used, all its threads together: unlike
/// the wall clock, not stretched when other work shares the machine.
fn cpu_time() -> Duration {
    // SAFETY: an all-zero timespec is a valid value for clock_gettime to fill.
    let mut t: libc::timespec = unsafe { std::mem::zeroed() };
    // SAFETY: the pointer is to a live local of the right type.
    let ok = unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut t) };
    assert_eq!(ok, 0, "clock_gettime failed");
    Duration::new(
        u64::try_from(t.tv_sec).expect("seconds"),
        u32::try_from(t.tv_nsec).expect("nanoseconds"),
    )
}

/// The least CPU time of several runs of `f`: enough runs to fill most of
/// a second, at least one and at most fifteen.
fn time(mut f: impl FnMut()) -> Duration {
    let mut best = Duration::MAX;
    let mut spent = Duration::ZERO;
    for _ in 0..15 {
        let began = cpu_time();
        f();
        let took = cpu_time().saturating_sub(began);
        best = best.min(took);
        spent += took;
        if spent > Duration::from_millis(800) {
            break;
        }
    }
    best
}

/// Times one step of `side` with `text` as the grown input.
fn step(side: Side, text: &str, base_source: &str, settings: &Settings) -> Duration {
    let counting = CountingOptions::default();
    match side {
        Side::Source => {
            let source = format!("# Growth\n\n{text}\n");
            time(|| {
                black_box(analyse(source.clone(), MODEL, settings, counting));
            })
        }
        Side::PrecisCheck => {
            let precis = format!("Title: Growth of the Input\n\n{text}\n\n(300 words)\n");
            time(|| {
                black_box(analyse(
                    base_source.to_string(),
                    &precis,
                    settings,
                    counting,
                ));
            })
        }
        Side::PrecisEditor => {
            let precis = format!("Title: Growth of the Input\n\n{text}\n\n(300 words)\n");
            let analysis = SourceAnalysis::new(base_source.to_string(), counting);
            black_box(analysis.analyse(MODEL, settings));
            time(|| {
                black_box(analysis.analyse(&precis, settings));
            })
        }
    }
}

fn shown(d: Duration) -> String {
    let ms = d.as_secs_f64() * 1e3;
    if ms >= 1_000.0 {
        format!("{:.2} s", ms / 1e3)
    } else if ms >= 10.0 {
        format!("{ms:.0} ms")
    } else {
        format!("{ms:.2} ms")
    }
}

fn main() {
    let filters: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let budget = std::env::var("LINEAR_BUDGET")
        .ok()
        .and_then(|s| s.parse::<f64>().ok())
        .map_or(Duration::from_secs(10), Duration::from_secs_f64);
    let settings = Settings::default();
    let base_source = source_of(1_000);
    println!(
        "| dimension | grown in | ×1 | ×2 | ×4 | ×8 | ×16 | growth per doubling | verdict (last two) |"
    );
    println!("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
    for d in DIMENSIONS {
        if !filters.is_empty() && !filters.iter().any(|f| d.name.contains(f.as_str())) {
            continue;
        }
        for side in [Side::Source, Side::PrecisCheck, Side::PrecisEditor] {
            let mut cells = Vec::new();
            let mut growth = Vec::new();
            let mut last: Option<Duration> = None;
            let mut skipped = false;
            for k in 0..=DOUBLINGS {
                let n = d.start << k;
                // The next step's time, guessed from the last growth.
                let guess = match (last, growth.last()) {
                    (Some(t), Some(g)) => t.as_secs_f64() * g,
                    (Some(t), None) => t.as_secs_f64() * 2.0,
                    _ => 0.0,
                };
                if skipped || guess > budget.as_secs_f64() {
                    skipped = true;
                    cells.push(format!("(~{guess:.0} s, skipped)"));
                    continue;
                }
                let text = (d.make)(n);
                let took = step(side, &text, &base_source, &settings);
                if let Some(t) = last {
                    growth.push(took.as_secs_f64() / t.as_secs_f64().max(1e-9));
                }
                cells.push(format!("{} ({n})", shown(took)));
                last = Some(took);
            }
            let last = &growth[growth.len().saturating_sub(2)..];
            let late = last
                .iter()
                .product::<f64>()
                .powf(1.0 / last.len().max(1) as f64);
            let verdict = if late > SUPER_LINEAR {
                format!("**super-linear** ({late:.1})")
            } else {
                format!("linear ({late:.1})")
            };
            let growth: Vec<String> = growth.iter().map(|g| format!("{g:.1}")).collect();
            println!(
                "| {} ({}) | {} | {} | {} | {verdict} |",
                d.name,
                d.unit,
                side.name(),
                cells.join(" | "),
                growth.join(" / "),
            );
        }
    }
}
