//! Where the time of a `precis check` goes: each phase of the analysis of a
//! source and a précis, run alone on one thread, with the CPU time it takes
//! (the least of several runs, so other work on the machine does not
//! count), then the whole check as the command runs it, by the wall clock.
//!
//! `cargo run --release --example phases -- SOURCE PRECIS`, for example on
//! the large sources `scripts/bigsource.py` writes. The first thread of a
//! check reads the figures; the second walks the words, phrases and
//! sentences and indexes the lines, then helps with the figures; the rest
//! runs after both.

use std::time::{Duration, Instant};

use precis::analysis::copied::ShingleBuilder;
use precis::analysis::coverage::{self, SourceCoverage, vectors::Vectors};
use precis::analysis::numbers::{Extractor, Grouping};
use precis::analysis::words::{self, CountingOptions};
use precis::analysis::{Settings, SourceAnalysis, analyse, structure};
use precis::text::lines::LineIndex;

/// Runs of each phase; the least CPU time is shown.
const RUNS: usize = 5;

/// The CPU time this thread has used.
fn thread_cpu() -> Duration {
    // SAFETY: an all-zero timespec is a valid value for clock_gettime to fill.
    let mut t: libc::timespec = unsafe { std::mem::zeroed() };
    // SAFETY: the pointer is to a live local of the right type.
    let ok = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t) };
    assert_eq!(ok, 0, "clock_gettime failed");
    Duration::new(
        u64::try_from(t.tv_sec).unwrap_or(0),
        u32::try_from(t.tv_nsec).unwrap_or(0),
    )
}

/// Prints the least CPU time of `runs` runs of `phase`, and returns what
/// its last run made.
fn time_runs<T>(name: &str, runs: usize, mut phase: impl FnMut() -> T) -> T {
    let mut best = Duration::MAX;
    let mut made = phase_run(&mut phase, &mut best);
    for _ in 1..runs {
        made = phase_run(&mut phase, &mut best);
    }
    println!("{name:<44} {:>8.1} ms", best.as_secs_f64() * 1e3);
    made
}

/// Runs `phase` once, keeping the least CPU time in `best`.
fn phase_run<T>(phase: &mut impl FnMut() -> T, best: &mut Duration) -> T {
    let began = thread_cpu();
    let made = phase();
    *best = (*best).min(thread_cpu().saturating_sub(began));
    made
}

/// [`time_runs`] with [`RUNS`] runs.
fn time<T>(name: &str, phase: impl FnMut() -> T) -> T {
    time_runs(name, RUNS, phase)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [source_path, precis_path] = args.as_slice() else {
        return Err("usage: phases SOURCE PRECIS".into());
    };
    let source = std::fs::read_to_string(source_path)?;
    let precis = std::fs::read_to_string(precis_path)?;
    let body = structure::parse(&precis).body;
    let passage = structure::heading(&source).map_or(0, |(line, _)| line.end);

    time("tokens", || words::tokens(&source).count());
    let facts = time("figures, whole text on one thread", || {
        let mut extractor = Extractor::into_sink(&source, Grouping::default());
        for t in words::tokens(&source) {
            extractor.push(t.start, t.end);
        }
        extractor.finish().finish()
    });
    // One walk kept per run, for the coverage index to take in its own runs.
    let mut walks = Vec::with_capacity(RUNS);
    time("words, phrases and sentences", || {
        let mut shingles = ShingleBuilder::for_precis(&precis, body.clone());
        let mut sentences = coverage::SentenceWalk::new(&source);
        let mut count = 0;
        for t in words::tokens(&source[passage..]) {
            let (start, end) = (passage + t.start, passage + t.end);
            count += usize::from(words::is_word(t.text));
            shingles.push(&source, start, end);
            sentences.push(start, end);
        }
        std::hint::black_box((shingles.finish(), count));
        walks.push(sentences.finish(None));
    });
    time("line index", || LineIndex::new(&source));
    // Loaded once per process: only the first use costs anything.
    time_runs("word vectors, first use", 1, Vectors::get);
    let places = time("figure places", || coverage::figure_places(&facts));
    // The index takes a walk's findings, and is weighed on the first
    // measure: each run takes a walk of its own, and what each made is
    // dropped after all are timed.
    let mut walks = walks.into_iter();
    let mut indexes = Vec::with_capacity(RUNS);
    time("coverage index", || {
        if let Some(walked) = walks.next() {
            indexes.push(SourceCoverage::index(walked, &places));
        }
    });
    let mut first = indexes.iter();
    time("coverage, first measure (weighs the index)", || {
        first.next().map(|c| c.measure(&precis, &[], 5))
    });
    if let Some(c) = indexes.first() {
        time("coverage, a later measure", || c.measure(&precis, &[], 5));
    }
    drop(indexes);
    let settings = Settings::default();
    let analysis = SourceAnalysis::new(source.clone(), CountingOptions::default());
    analysis.analyse(&precis, &settings);
    time("précis against the analysed source", || {
        analysis.analyse(&precis, &settings)
    });
    drop(analysis);

    let began = Instant::now();
    let report = analyse(source, &precis, &settings, CountingOptions::default());
    println!(
        "{:<44} {:>8.1} ms ({} flags)",
        "whole check, wall clock",
        began.elapsed().as_secs_f64() * 1e3,
        report.flags.len()
    );
    Ok(())
}
