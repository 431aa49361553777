//! Analysis throughput: a whole check (source analysis + a 300-word précis)
//! on 1k to 1M-word sources, re-analysing a changed précis against an
//! already-analysed source, which the editor does on every keystroke, and
//! the spelling and wordy-phrase checks alone.

use std::hint::black_box;

use criterion::{BatchSize, BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use precis::analysis::concision;
use precis::analysis::coverage::{self, SourceCoverage};
use precis::analysis::spelling::{Language, SourceWords, Speller};
use precis::analysis::words::CountingOptions;
use precis::analysis::{Settings, SourceAnalysis, analyse, numbers, readability};

mod common;

use common::{body_of, source_of};

/// A 300-word précis in exam format.
fn precis_300() -> String {
    format!(
        "Title: The Price of Rigid Power\n\n{}\n\n(300 words)",
        body_of(300)
    )
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

/// Coverage and readability alone: measuring the précis against the
/// indexed source sentences (the editor does it when typing pauses), and
/// its sentence lengths and grade (on every keystroke).
fn coverage_and_readability(c: &mut Criterion) {
    let precis = precis_300();
    let mut group = c.benchmark_group("coverage_and_readability_300_word_precis");
    for words in [2_000, 100_000] {
        let source = source_of(words);
        let facts = numbers::distinct(numbers::extract(&source, 0..source.len()));
        let index = SourceCoverage::new(
            &source,
            0..source.len(),
            None,
            &coverage::figure_places(&facts),
        );
        let matched: Vec<usize> = numbers::extract(&precis, 0..precis.len())
            .iter()
            .filter_map(|m| match numbers::judge(m, &facts.figures) {
                numbers::Verdict::Match(i) => Some(i),
                _ => None,
            })
            .collect();
        group.bench_function(BenchmarkId::from_parameter(words), |b| {
            b.iter(|| {
                black_box(index.measure(&precis, &matched, 3));
                black_box(readability::measure(&precis));
            });
        });
    }
    group.finish();
}

/// Spelling alone: a 300-word précis checked again after a keystroke (each
/// word form's verdict remembered, as in the editor), the first check of
/// word forms never seen, and a misspelt word's corrections; and the
/// wordy-phrase search.
fn spelling_and_concision(c: &mut Criterion) {
    let precis = precis_300();
    let source = source_of(2_000);
    let mut words = SourceWords::default();
    for t in precis::analysis::words::tokens(&source) {
        words.add_token(t.text);
    }
    let speller = Speller::new(Language::EnGb, [""; 0]);
    speller.load();
    let mut group = c.benchmark_group("spelling_300_word_precis");
    group.bench_function("remembered", |b| {
        b.iter(|| black_box(speller.check(&precis, std::iter::once(0..precis.len()), &words)));
    });
    // New word forms every time: the précis's words with a letter doubled.
    let mut round = 0usize;
    group.bench_function("first_look", |b| {
        b.iter_batched(
            || {
                round += 1;
                let tag: String = format!("{round:x}")
                    .chars()
                    .map(|c| char::from(b'q' + (c.to_digit(16).unwrap_or(0) as u8 % 8)))
                    .collect();
                precis.replace(' ', &format!("{tag} "))
            },
            |text| black_box(speller.check(&text, std::iter::once(0..text.len()), &words)),
            BatchSize::SmallInput,
        );
    });
    group.bench_function("corrections_goverment", |b| {
        b.iter(|| black_box(speller.all_suggestions("goverment")));
    });
    group.bench_function("wordy_phrases", |b| {
        b.iter(|| black_box(concision::find(&precis, 0..precis.len())));
    });
    group.finish();
}

criterion_group!(
    benches,
    whole_check,
    reanalyse_precis,
    coverage_and_readability,
    spelling_and_concision
);
criterion_main!(benches);
