//! Per keystroke in the editor: the update (edit + re-analysis) and a full
//! render into a TestBackend, with a 2,000-word and a 100,000-word source;
//! each part of a keystroke apart (the edit, the frame, the analysis after
//! it) with a précis of 300, 1,000 and 3,000 words in place, typing at its
//! end and in the middle; and start-up to the first frame.

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use jiff::Timestamp;
use precis::analysis::Settings;
use precis::analysis::words::CountingOptions;
use precis::store::Origin;
use precis::ui::app::{Action, App, Source, Start};
use precis::ui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui_textarea::CursorMove;

mod common;

use common::{body_of, source_of};

/// An app on a source of about `words` words with a 300-word précis typed.
fn app_with(words: usize) -> App {
    let counting = CountingOptions::default();
    let source = Source::from_text(source_of(words), Origin::Stdin, counting, "bench");
    let mut start = Start::fresh(source, Settings::default(), Timestamp::UNIX_EPOCH);
    start.title = "The Price of Rigid Power".into();
    start.body = body_of(300);
    App::new(start, counting, (120, 40))
}

fn keystroke(c: &mut Criterion) {
    let mut group = c.benchmark_group("keystroke_update_and_render");
    for words in [2_000, 100_000] {
        let mut app = app_with(words);
        let theme = Theme::new(true);
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
        terminal
            .draw(|f| precis::ui::render(f, &app, &theme))
            .expect("draw");
        let keys = [KeyCode::Char('x'), KeyCode::Backspace];
        let mut n = 0;
        group.bench_function(BenchmarkId::from_parameter(words), |b| {
            b.iter(|| {
                n += 1;
                app.update(Action::Key(KeyEvent::new(keys[n % 2], KeyModifiers::NONE)));
                terminal
                    .draw(|f| precis::ui::render(f, &app, &theme))
                    .expect("draw");
                black_box(app.report.precis.words)
            });
        });
    }
    group.finish();
}

/// An app on the 2,000-word source with a précis of about `words` words in
/// place, analysis deferred as in the editor, the cursor at the end of the
/// text or in the middle of its line.
fn app_with_precis(words: usize, middle: bool) -> App {
    let counting = CountingOptions::default();
    let source = Source::from_text(source_of(2_000), Origin::Stdin, counting, "bench");
    let mut start = Start::fresh(source, Settings::default(), Timestamp::UNIX_EPOCH);
    start.title = "The Price of Rigid Power".into();
    start.body = body_of(words);
    let mut app = App::new(start, counting, (120, 40));
    app.defer_analysis = true;
    app.update(Action::Key(KeyEvent::new(
        KeyCode::End,
        KeyModifiers::CONTROL,
    )));
    if middle {
        let row = app.body.lines().len() - 1;
        let half = app.body.lines()[row].chars().count() / 2;
        app.body.move_cursor(CursorMove::Jump(
            u16::try_from(row).unwrap_or(u16::MAX),
            u16::try_from(half).unwrap_or(u16::MAX),
        ));
    }
    app
}

/// The time `one` reports, summed over `iters` runs.
fn total(iters: u64, mut one: impl FnMut() -> Duration) -> Duration {
    (0..iters).map(|_| one()).sum()
}

/// Each part of a keystroke with a précis in place: the edit alone, a
/// frame after it, and the analysis that follows the frame.
fn keystroke_with_precis(c: &mut Criterion) {
    let mut group = c.benchmark_group("keystroke_with_precis");
    let theme = Theme::new(true);
    for words in [300, 1_000, 3_000] {
        for (place, middle) in [("end", false), ("middle", true)] {
            let id = format!("{words}_words_{place}");
            let mut app = app_with_precis(words, middle);
            let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
            let mut n = 0;
            let mut key = |app: &mut App| {
                n += 1;
                let code = [KeyCode::Char('x'), KeyCode::Backspace][n % 2];
                app.update(Action::Key(KeyEvent::new(code, KeyModifiers::NONE)));
            };
            // The field learns its width, and so wraps, from a first frame.
            terminal
                .draw(|f| precis::ui::render(f, &app, &theme))
                .expect("draw");
            // Each part is timed alone: the analysis of the key before is
            // done first, untimed, as the editor does it after each frame.
            group.bench_function(BenchmarkId::new("edit", &id), |b| {
                b.iter_custom(|iters| {
                    total(iters, || {
                        app.settle();
                        let at = Instant::now();
                        key(&mut app);
                        at.elapsed()
                    })
                });
            });
            group.bench_function(BenchmarkId::new("edit_and_frame", &id), |b| {
                b.iter_custom(|iters| {
                    total(iters, || {
                        app.settle();
                        let at = Instant::now();
                        key(&mut app);
                        terminal
                            .draw(|f| precis::ui::render(f, &app, &theme))
                            .expect("draw");
                        at.elapsed()
                    })
                });
            });
            group.bench_function(BenchmarkId::new("analysis_after", &id), |b| {
                b.iter_custom(|iters| {
                    total(iters, || {
                        key(&mut app);
                        let at = Instant::now();
                        black_box(app.settle());
                        at.elapsed()
                    })
                });
            });
        }
    }
    group.finish();
}

fn first_frame(c: &mut Criterion) {
    let mut group = c.benchmark_group("startup_to_first_frame");
    group.sample_size(20);
    for words in [2_000, 100_000] {
        let text = source_of(words);
        group.bench_function(BenchmarkId::from_parameter(words), |b| {
            b.iter(|| {
                let source = Source::from_text(
                    text.clone(),
                    Origin::Stdin,
                    CountingOptions::default(),
                    "bench",
                );
                let app = App::new(
                    Start::fresh(source, Settings::default(), Timestamp::UNIX_EPOCH),
                    CountingOptions::default(),
                    (120, 40),
                );
                let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
                terminal
                    .draw(|f| precis::ui::render(f, &app, &Theme::new(true)))
                    .expect("draw");
                black_box(app.report.precis.words)
            });
        });
    }
    group.finish();
}

criterion_group!(benches, keystroke, keystroke_with_precis, first_frame);
criterion_main!(benches);
