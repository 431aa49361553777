//! An exam stays an exam, through `App::update` and `App::tick` with an
//! injected clock: Ctrl+Q asks before leaving a running exam, Ctrl+E in
//! reading time starts writing, the locked précis says it is locked and the
//! reading note keeps the clock's time, starting an exam from the passage
//! picker asks first, the submit question gives the length against the
//! band and the time left, and the review shows the model précis beside
//! the student's; with snapshots of each screen at 80×24 and 100×30.

mod common;

use std::time::Duration;

use common::{app_on, ctrl, key, screen, type_text};
use jiff::Timestamp;
use precis::analysis::Settings;
use precis::analysis::words::CountingOptions;
use precis::exam::{Feedback, clock};
use precis::store::Mode;
use precis::ui::app::{App, Effect, Opening, Overlay, Source, Start};
use ratatui::crossterm::event::KeyCode;

fn at(s: i64) -> Timestamp {
    Timestamp::from_second(s).expect("timestamp")
}

fn at_ms(ms: i64) -> Timestamp {
    Timestamp::from_millisecond(ms).expect("timestamp")
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

/// The screen at 80×24 and at 100×30, one after the other.
fn both_sizes(app: &App) -> String {
    format!(
        "80×24:\n{}\n100×30:\n{}",
        screen(app, 80, 24),
        screen(app, 100, 30)
    )
}

/// The screen's text with its runs of spaces and borders collapsed, so a
/// wrapped sentence is found whole.
fn flat(app: &App, width: u16, height: u16) -> String {
    screen(app, width, height)
        .replace(['│', '┌', '┐', '└', '┘', '─'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn ctrl_q_during_an_exam_asks_first_and_says_the_clock_keeps_running() {
    let mut app = exam(0, None, 600);
    type_text(&mut app, "Cities grow.");
    app.tick(at(100));
    assert!(app.update(ctrl('q')).is_empty(), "nothing happens yet");
    assert!(matches!(app.overlay, Overlay::ConfirmQuit));
    let asked = flat(&app, 80, 24);
    assert!(
        asked.contains("The clock keeps running while you are away: time is up in 08:20."),
        "{asked}"
    );
    insta::assert_snapshot!("leave_the_exam", both_sizes(&app));
    assert!(app.update(key(KeyCode::Char('n'))).is_empty());
    assert!(matches!(app.overlay, Overlay::None), "any other key stays");
    assert_eq!(app.body.lines(), ["Cities grow."], "and types nothing");
    app.update(ctrl('q'));
    assert_eq!(app.update(key(KeyCode::Char('y'))), [Effect::SaveAndQuit]);
    assert!(
        app.exam.is_some_and(|e| e.submitted.is_none()),
        "leaving does not hand the exam in"
    );
}

#[test]
fn ctrl_q_outside_an_exam_still_quits_at_once() {
    let mut app = app_on("silk-road");
    assert_eq!(app.update(ctrl('q')), [Effect::SaveAndQuit]);
    let mut done = exam(0, None, 60);
    done.tick(at(61));
    assert_eq!(
        done.update(ctrl('q')),
        [Effect::SaveAndQuit],
        "a submitted exam has no clock left to keep"
    );
}

#[test]
fn ctrl_e_in_reading_time_starts_writing_with_the_whole_writing_time() {
    let mut app = exam(0, Some(120), 600);
    app.tick(at(40));
    assert_eq!(
        app.update(ctrl('e')),
        [Effect::Save],
        "the new deadline is saved"
    );
    let timing = app.exam.expect("exam");
    assert_eq!((timing.started, timing.deadline), (at(40), at(640)));
    assert_eq!(
        app.phase(),
        Some(clock::Phase::Writing(Duration::from_secs(600)))
    );
    assert!(
        app.note.as_ref().is_some_and(
            |n| n.text == "Writing opened early: 10:00 to write. Ctrl+E submits early."
        ),
        "{:?}",
        app.note
    );
    app.tick(at(41));
    assert!(
        app.note
            .as_ref()
            .is_some_and(|n| n.text.contains("Writing opened early")),
        "no \"reading time is over\" after starting early: {:?}",
        app.note
    );
    type_text(&mut app, "Now.");
    assert_eq!(app.body.lines(), ["Now."]);
}

#[test]
fn the_locked_precis_says_it_is_locked() {
    let mut app = exam(0, Some(120), 600);
    app.tick(at(1));
    let reading = screen(&app, 100, 30);
    assert!(
        reading.contains("Locked while you read · Ctrl+E starts writing"),
        "{reading}"
    );
    assert!(!reading.contains("Write your précis here"), "{reading}");
    insta::assert_snapshot!("reading_time", both_sizes(&app));
    app.tick(at(121));
    assert!(screen(&app, 100, 30).contains("Write your précis here…"));
}

/// The reading note gives the time the status bar's clock gives, to the
/// second, as the clock counts down (it once kept the time of the key).
#[test]
fn the_reading_note_and_the_clock_agree_to_the_second() {
    let mut app = exam(0, Some(120), 600);
    app.tick(at_ms(500));
    type_text(&mut app, "x");
    for ms in [500, 1_300, 10_300, 59_999, 119_001] {
        app.tick(at_ms(ms));
        let Some(clock::Phase::Reading(left)) = app.phase() else {
            panic!("reading at {ms} ms");
        };
        let shown = clock::clock_text(left);
        let bottom = screen(&app, 100, 30);
        assert!(bottom.contains(&format!("reading {shown}")), "{bottom}");
        let note = app
            .note
            .as_ref()
            .map(|n| n.text.clone())
            .unwrap_or_default();
        assert!(
            note.contains(&format!("opens in {shown} ")),
            "at {ms} ms the clock says {shown}, the note {note:?}"
        );
    }
}

#[test]
fn starting_an_exam_from_the_passage_picker_asks_first() {
    let mut app = app_on("silk-road");
    app.exam_plan = precis::exam::Plan {
        writing: Duration::from_secs(35 * 60),
        reading: Some(Duration::from_secs(5 * 60)),
    };
    app.update(ctrl('p'));
    type_text(&mut app, "tax");
    assert!(app.update(ctrl('e')).is_empty(), "nothing starts yet");
    assert!(matches!(app.overlay, Overlay::ConfirmExam(..)));
    let asked = flat(&app, 100, 30);
    assert!(
        asked.contains("Start a timed exam on “The Hidden Cost of a Narrow Tax Base”?")
            && asked.contains("05:00 to read, then 35:00 to write."),
        "{asked}"
    );
    insta::assert_snapshot!("start_an_exam", both_sizes(&app));
    assert!(app.update(key(KeyCode::Char('n'))).is_empty());
    let Overlay::Picker(picker) = &app.overlay else {
        panic!("any other key goes back to the picker");
    };
    assert_eq!(picker.query, "tax", "as it was left");
    app.update(ctrl('e'));
    assert_eq!(
        app.update(key(KeyCode::Char('y'))),
        [Effect::StartExam(Opening::BuiltIn(
            "narrow-tax-base".into()
        ))]
    );
}

#[test]
fn the_submit_question_gives_the_length_against_the_band_and_the_time_left() {
    let mut app = exam(0, None, 600);
    type_text(&mut app, "Cities grow.");
    app.tick(at(100));
    app.update(ctrl('e'));
    assert!(matches!(app.overlay, Overlay::ConfirmSubmit));
    let t = &app.report.target;
    let expected = format!(
        "2 words, {} under the band ({}–{}) · 08:20 left",
        t.min - 2,
        t.min,
        t.max
    );
    let asked = flat(&app, 80, 24);
    assert!(asked.contains(&expected), "{asked}");
    insta::assert_snapshot!("submit_now", both_sizes(&app));

    // With the count hidden ("none"), only the time is given.
    app.update(key(KeyCode::Char('n')));
    app.feedback = Feedback::None;
    app.update(ctrl('e'));
    let hidden = flat(&app, 100, 30);
    assert!(hidden.contains("Hand in your précis now?"), "{hidden}");
    assert!(!hidden.contains("under the band"), "{hidden}");
    assert!(hidden.contains("08:20 left"), "{hidden}");
}

/// The model précis's first body words, to find it on screen.
fn model_opening() -> String {
    let model = precis::passages::find("unplanned-city")
        .expect("passage")
        .model;
    model
        .lines()
        .skip(1)
        .flat_map(str::split_whitespace)
        .take(4)
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn after_the_review_the_model_precis_can_be_shown_beside_yours() {
    let mut app = exam(0, None, 600);
    type_text(&mut app, "Informal settlements house the urban poor.");
    app.update(ctrl('o'));
    assert!(
        app.note
            .as_ref()
            .is_some_and(|n| n.text.contains("opens in the review")),
        "not while the exam runs: {:?}",
        app.note
    );
    assert!(!flat(&app, 100, 30).contains(&model_opening()));

    app.tick(at(601));
    let review = flat(&app, 80, 24);
    assert!(
        review.contains("Ctrl+O: the model précis beside yours"),
        "the review names the key:\n{review}"
    );
    insta::assert_snapshot!("review_names_the_model_key", both_sizes(&app));
    app.update(ctrl('o'));
    let shown = flat(&app, 100, 30);
    assert!(
        shown.contains("Model précis · Ctrl+O back to the source"),
        "{shown}"
    );
    assert!(shown.contains(&model_opening()), "{shown}");
    assert!(
        shown.contains("Informal settlements house the urban poor."),
        "the student's précis stays beside it: {shown}"
    );
    assert!(shown.contains("Ctrl+O: back to the source"), "{shown}");
    insta::assert_snapshot!("model_precis", both_sizes(&app));

    app.update(ctrl('o'));
    let back = flat(&app, 100, 30);
    assert!(back.contains("Source: The Unplanned"), "{back}");
    assert!(!back.contains(&model_opening()), "{back}");
}

#[test]
fn only_built_in_passages_have_a_model_precis() {
    let source = Source::from_text(
        "# My Own Text\n\nCities grow fast and plans lag behind them.".to_string(),
        precis::store::Origin::File {
            path: "own.md".into(),
        },
        CountingOptions::default(),
        "own.md",
    );
    let mut start = Start::fresh(source, Settings::default(), at(0));
    start.mode = Mode::Exam;
    start.exam = Some(clock::start(at(0), None, Duration::from_secs(60)));
    let mut app = App::new(start, CountingOptions::default(), (120, 40));
    app.tick(at(0));
    app.tick(at(61));
    assert!(app.review_open);
    assert!(!flat(&app, 100, 30).contains("Ctrl+O"));
    app.update(ctrl('o'));
    assert!(
        app.note
            .as_ref()
            .is_some_and(|n| n.text == "Only the built-in passages have a model précis."),
        "{:?}",
        app.note
    );
}
