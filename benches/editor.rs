//! Per keystroke in the editor: the update (edit + re-analysis) and a full
//! render into a TestBackend, with a 2,000-word and a 100,000-word source;
//! and start-up to the first frame.

use std::hint::black_box;

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

criterion_group!(benches, keystroke, first_frame);
criterion_main!(benches);
