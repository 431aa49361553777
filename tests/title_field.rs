//! The title field as a new student meets it: a title typed as the body's
//! first line moves to the field (Ctrl+Z puts it back), a whole précis
//! pasted or loaded with its title on top is split the same way, UPSC has
//! no title field, and flags about the title speak of the field.

mod common;

use common::{app_on, ctrl, key, screen, type_text};
use jiff::Timestamp;
use precis::analysis::report::FlagKind;
use precis::analysis::words::CountingOptions;
use precis::analysis::{Preset, Settings};
use precis::ui::app::{Action, App, Focus, Source, Start};
use ratatui::crossterm::event::KeyCode;

fn app_with(id: &str, preset: Preset, body: &str) -> App {
    let source = Source::built_in(id, CountingOptions::default()).expect("built-in passage");
    let mut start = Start::fresh(source, Settings::for_preset(preset), Timestamp::UNIX_EPOCH);
    start.body = body.to_string();
    App::new(start, CountingOptions::default(), (120, 40))
}

#[test]
fn a_title_typed_first_moves_to_the_title_field_on_enter() {
    let mut app = app_on("silk-road");
    type_text(
        &mut app,
        "Caravans of Goods and Ideas\nFor fifteen centuries",
    );
    assert_eq!(app.title.lines(), ["Caravans of Goods and Ideas"]);
    assert_eq!(app.body.lines(), ["For fifteen centuries"]);
    assert_eq!(app.focus, Focus::Body);
    assert_eq!(
        app.report.precis.title.as_deref(),
        Some("Caravans of Goods and Ideas")
    );
    assert_eq!(app.report.precis.words, 3, "the title is not counted");
    assert!(
        !app.report
            .flags
            .iter()
            .any(|f| f.kind == FlagKind::MissingTitle),
        "{:?}",
        app.report.flags
    );
}

#[test]
fn the_move_says_so_and_ctrl_z_puts_it_back() {
    let mut app = app_on("silk-road");
    type_text(&mut app, "CARAVANS OF IDEAS\n");
    let note = app.note.clone().expect("a note").text;
    assert!(
        note.contains("title field") && note.contains("Ctrl+Z"),
        "{note}"
    );
    app.update(ctrl('z'));
    assert_eq!(app.title.lines(), [""]);
    assert_eq!(app.body.lines(), ["CARAVANS OF IDEAS"]);
    // Put back on purpose: Enter now only breaks the line.
    app.update(key(KeyCode::End));
    app.update(key(KeyCode::Enter));
    assert_eq!(app.body.lines(), ["CARAVANS OF IDEAS", ""]);
    assert_eq!(app.title.lines(), [""]);
}

#[test]
fn a_sentence_on_the_first_line_stays_in_the_body() {
    let mut app = app_on("silk-road");
    type_text(&mut app, "Trade moved ideas as well as goods.\nMore");
    assert_eq!(app.title.lines(), [""]);
    assert_eq!(
        app.body.lines(),
        ["Trade moved ideas as well as goods.", "More"]
    );
}

#[test]
fn a_pasted_precis_with_its_title_is_split() {
    let mut app = app_on("silk-road");
    app.update(Action::Paste(
        "Title: Caravans of Ideas\n\nFor fifteen centuries caravans linked China and Rome.".into(),
    ));
    assert_eq!(app.title.lines(), ["Caravans of Ideas"]);
    assert_eq!(
        app.body.lines(),
        ["For fifteen centuries caravans linked China and Rome."]
    );
}

#[test]
fn a_draft_opened_with_its_title_in_the_body_is_split() {
    let app = app_with(
        "silk-road",
        Preset::Css,
        "**The Road of Ideas**\nCaravans carried faiths and plague.",
    );
    assert_eq!(app.title.lines(), ["The Road of Ideas"]);
    assert_eq!(app.body.lines(), ["Caravans carried faiths and plague."]);
}

#[test]
fn upsc_has_no_title_field() {
    let mut app = app_with("silk-road", Preset::Upsc, "");
    assert!(!app.title_field_shown());
    app.update(key(KeyCode::Up));
    assert_eq!(app.focus, Focus::Body, "nowhere to go above the body");
    type_text(&mut app, "Caravans of Ideas\nFor fifteen centuries");
    assert_eq!(app.title.lines(), [""], "nothing is moved under UPSC");
    assert!(!screen(&app, 120, 40).contains("Title"));
    let flag = app
        .report
        .flags
        .iter()
        .find(|f| f.kind == FlagKind::TitleNotAllowed)
        .expect("a heading line is still a title under UPSC");
    let shown = precis::ui::flags_panel::in_editor_terms(flag, false);
    assert!(shown.contains("heading line"), "{shown}");
}

#[test]
fn flags_about_the_title_speak_of_the_field() {
    let mut app = app_on("silk-road");
    type_text(&mut app, "Caravans linked China with Rome.");
    app.update(ctrl('f'));
    let text = screen(&app, 120, 40);
    assert!(text.contains("type one of 3 to 8 words in"), "{text}");
    assert!(!text.contains("Title: …"), "{text}");
}

#[test]
fn upsc_and_css_screens_at_80_and_100_columns() {
    let mut upsc = app_with("silk-road", Preset::Upsc, "");
    type_text(
        &mut upsc,
        "Caravans linked China with the Mediterranean for centuries.",
    );
    insta::assert_snapshot!("upsc_100x30", screen(&upsc, 100, 30));
    insta::assert_snapshot!("upsc_80x24", screen(&upsc, 80, 24));
}
