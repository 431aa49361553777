//! Analysis throughput: a whole check (source analysis + a 300-word précis)
//! on 1k to 1M-word sources, and re-analysing a changed précis against an
//! already-analysed source, which the editor does on every keystroke.

use std::hint::black_box;

use criterion::{BatchSize, BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use precis::analysis::words::{CountingOptions, count_words};
use precis::analysis::{Settings, SourceAnalysis, analyse};

const PASSAGES: [&str; 3] = [
    include_str!("../assets/passages/01-narrow-tax-base.md"),
    include_str!("../assets/passages/09-indus-water-farming.md"),
    include_str!("../assets/passages/12-price-of-power.md"),
];
const MODEL: &str = include_str!("../assets/passages/12-price-of-power.precis.md");

/// A source of about `words` words built from the built-in passages, with
/// the numbers varied so that not every figure repeats.
fn source_of(words: usize) -> String {
    let mut out = String::new();
    let mut n = 0;
    let mut round = 0;
    while n < words {
        for p in PASSAGES {
            let body = p.split_once('\n').map_or(p, |(_, rest)| rest);
            let varied = body.replace("2023", &format!("{}", 1900 + round % 150));
            n += count_words(&varied, CountingOptions::default());
            out.push_str(&varied);
            out.push_str("\n\n");
            round += 1;
        }
    }
    out
}

/// A 300-word précis: the model précis of passage 12, extended.
fn precis_300() -> String {
    let mut p = MODEL
        .trim_end()
        .trim_end_matches("(221 words)")
        .trim_end()
        .to_string();
    let extra = " Households also pay for unreliable supply through generators and lost work, while industry moves to captive plants and leaves the grid with fewer paying customers.";
    while count_words(&p, CountingOptions::default()) < 300 {
        p.push_str(extra);
    }
    p.push_str("\n\n(300 words)");
    p
}

fn whole_check(c: &mut Criterion) {
    let precis = precis_300();
    let settings = Settings::default();
    let mut group = c.benchmark_group("check");
    group.sample_size(10);
    for words in [1_000, 10_000, 100_000, 1_000_000] {
        let source = source_of(words);
        group.throughput(Throughput::Elements(words as u64));
        group.bench_with_input(BenchmarkId::from_parameter(words), &source, |b, source| {
            b.iter_batched(
                || source.clone(),
                |source| {
                    black_box(analyse(
                        source,
                        &precis,
                        &settings,
                        CountingOptions::default(),
                    ))
                },
                BatchSize::LargeInput,
            );
        });
    }
    group.finish();
}

fn reanalyse_precis(c: &mut Criterion) {
    let precis = precis_300();
    let settings = Settings::default();
    let mut group = c.benchmark_group("reanalyse_300_word_precis");
    for words in [2_000, 100_000] {
        let analysis = SourceAnalysis::new(source_of(words), CountingOptions::default());
        let edited = [precis.clone(), format!("{precis}x")];
        let mut keystroke = 0;
        group.bench_function(BenchmarkId::from_parameter(words), |b| {
            b.iter(|| {
                keystroke += 1;
                black_box(analysis.analyse(&edited[keystroke % 2], &settings))
            });
        });
    }
    group.finish();
}

criterion_group!(benches, whole_check, reanalyse_precis);
criterion_main!(benches);
