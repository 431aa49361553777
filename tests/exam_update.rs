//! Exam mode through `App::tick` and `App::update` with an injected clock:
//! phases, warnings, the hard stop at time-up, early submission, resuming
//! after a restart, what is hidden while writing, and snapshots of the
//! status bar in each phase and of the review.

mod common;

use std::time::Duration;

use common::{ctrl, key, screen, type_text};
use jiff::Timestamp;
use precis::analysis::Settings;
use precis::analysis::words::CountingOptions;
use precis::exam::{Feedback, clock};
use precis::store::Mode;
use precis::ui::app::{Action, App, Effect, Overlay, Source, Start};
use ratatui::crossterm::event::KeyCode;

fn at(s: i64) -> Timestamp {
    Timestamp::from_second(s).expect("timestamp")
}

/// An exam on passage 11 started at `t0`, with an optional reading phase.
fn exam(t0: i64, reading: Option<u64>, writing: u64) -> App {
    let source = Source::built_in("unplanned-city", CountingOptions::default()).expect("passage");
    let mut start = Start::fresh(source, Settings::default(), at(t0));
    start.mode = Mode::Exam;
    start.exam = Some(clock::start(
        at(t0),
        reading.map(Duration::from_secs),
        Duration::from_secs(writing),
    ));
    let mut app = App::new(start, CountingOptions::default(), (120, 40));
    app.feedback = Feedback::Counts;
    app.reanalyse();
    app.tick(at(t0));
    app
}

#[test]
fn time_up_submits_what_was_typed_and_locks_the_precis() {
    let mut app = exam(0, None, 60);
    type_text(&mut app, "Informal settlements house the poor.");
    assert!(app.tick(at(59)).is_empty());
    let effects = app.tick(at(61));
    assert_eq!(effects, [Effect::Save]);
    let exam = app.exam.expect("exam");
    assert_eq!(
        exam.submitted,
        Some(at(60)),
        "submitted at the deadline, time used = allowed"
    );
    assert!(app.read_only && app.review_open);
    type_text(&mut app, " More after time.");
    app.update(Action::Paste("pasted".into()));
    app.update(key(KeyCode::Backspace));
    assert_eq!(app.body.lines(), ["Informal settlements house the poor."]);
    assert_eq!(
        app.to_draft(at(62)).body,
        "Informal settlements house the poor."
    );
    assert!(
        app.timeline.len() >= 2,
        "the pace chart has data: {:?}",
        app.timeline
    );
}

#[test]
fn the_bell_rings_once_at_five_minutes_and_once_at_one() {
    let mut app = exam(0, None, 600);
    let mut bells = 0;
    for s in 1..=600 {
        bells += app
            .tick(at(s))
            .iter()
            .filter(|e| **e == Effect::Bell)
            .count();
    }
    assert_eq!(bells, 2);
}

#[test]
fn reading_time_locks_the_precis_then_writing_opens() {
    let mut app = exam(0, Some(120), 600);
    type_text(&mut app, "early");
    assert!(app.body.is_empty());
    assert!(
        app.note
            .as_ref()
            .is_some_and(|n| n.text.starts_with("Reading time: the précis opens in"))
    );
    app.tick(at(121));
    assert!(
        app.note
            .as_ref()
            .is_some_and(|n| n.text.contains("write your précis now"))
    );
    type_text(&mut app, "now");
    assert_eq!(app.body.lines(), ["now"]);
    let exam = app.exam.expect("exam");
    assert_eq!(exam.deadline, at(720), "writing time starts after reading");
}

#[test]
fn submitting_early_asks_first() {
    let mut app = exam(0, None, 600);
    type_text(&mut app, "Done early.");
    app.tick(at(100));
    app.update(ctrl('e'));
    assert!(matches!(app.overlay, Overlay::ConfirmSubmit));
    app.update(key(KeyCode::Char('n')));
    assert!(
        app.exam.is_some_and(|e| e.submitted.is_none()),
        "any other key keeps writing"
    );
    app.update(ctrl('e'));
    assert_eq!(app.update(key(KeyCode::Char('y'))), [Effect::Save]);
    assert_eq!(app.exam.and_then(|e| e.submitted), Some(at(100)));
    assert!(app.read_only && app.review_open);
}

#[test]
fn a_restart_keeps_the_deadline_or_submits_at_it() {
    let mut app = exam(0, None, 600);
    type_text(&mut app, "Written before the crash.");
    let draft = app.to_draft(at(30));
    let resumed = |now: i64| {
        let mut app = App::new(
            Start::resume(draft.clone(), CountingOptions::default()),
            CountingOptions::default(),
            (120, 40),
        );
        let effects = app.tick(at(now));
        (app, effects)
    };
    let (still, effects) = resumed(300);
    assert!(effects.is_empty());
    assert!(!still.read_only);
    assert_eq!(
        still.phase(),
        Some(clock::Phase::Writing(Duration::from_secs(300)))
    );
    let (late, effects) = resumed(5_000);
    assert_eq!(effects, [Effect::Save]);
    assert!(late.read_only && late.review_open);
    assert_eq!(late.exam.and_then(|e| e.submitted), Some(at(600)));
    assert_eq!(late.body.lines(), ["Written before the crash."]);
}

#[test]
fn checks_are_hidden_while_writing_and_revealed_in_the_review() {
    let mut app = exam(0, None, 600);
    type_text(
        &mut app,
        "Settlements cost Rs 90 lakh and I think it's bad.",
    );
    assert!(!app.report.flags.is_empty(), "the engine still checks");
    assert!(
        app.marks.body.is_empty(),
        "but nothing is marked while writing"
    );
    app.update(ctrl('f'));
    assert!(!app.flags_open);
    let writing = screen(&app, 120, 40);
    assert!(writing.contains("checks hidden until the review"));
    assert!(
        !writing.contains("covered") && !writing.contains('░'),
        "no coverage gutter while writing: {writing}"
    );
    app.tick(at(601));
    assert!(!app.marks.body.is_empty(), "the review marks every finding");
    assert!(screen(&app, 120, 40).contains("covered"));
}

/// The last two rows of the screen (status bar and footer).
fn bottom(app: &App) -> String {
    let text = screen(app, 120, 16);
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len() - 2..].join("\n")
}

#[test]
fn the_exam_status_bar_in_each_phase() {
    let mut app = exam(0, Some(60), 600);
    let mut shots = vec![format!("reading:\n{}", bottom(&app))];
    app.tick(at(61));
    type_text(&mut app, "Cities grow.");
    shots.push(format!("writing:\n{}", bottom(&app)));
    app.tick(at(61 + 300));
    shots.push(format!("five minutes left:\n{}", bottom(&app)));
    app.tick(at(61 + 545));
    shots.push(format!("under a minute left:\n{}", bottom(&app)));
    app.tick(at(61 + 601));
    shots.push(format!("submitted:\n{}", bottom(&app)));
    insta::assert_snapshot!(shots.join("\n\n"));
}

#[test]
fn the_review_screen() {
    let mut app = exam(0, None, 900);
    app.update(key(KeyCode::Up));
    type_text(&mut app, "Informal Cities Need Services");
    app.update(key(KeyCode::Enter));
    for (s, words) in [
        (60, "Poor migrants build "),
        (300, "their own homes when cities fail them, "),
        (
            700,
            "and upgrading costs far less than demolition, the 1980 Orangi project showed.",
        ),
    ] {
        app.tick(at(s));
        type_text(&mut app, words);
    }
    app.tick(at(901));
    insta::assert_snapshot!(screen(&app, 120, 40));
}
