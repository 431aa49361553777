//! The editor's behaviour through `App::update`, with no terminal: typing,
//! focus, saving and quitting, undo, paste, flags, the picker and help.

mod common;

use common::{app_on, ctrl, key, screen, type_text};
use precis::analysis::report::FlagKind;
use precis::ui::app::{Action, Effect, Focus, Opening, Overlay};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseEvent, MouseEventKind};

#[test]
fn a_new_draft_starts_in_the_body_and_counts_as_you_type() {
    let mut app = app_on("narrow-tax-base");
    assert_eq!(app.focus, Focus::Body);
    type_text(&mut app, "Revenue stays low.");
    assert_eq!(app.body.lines(), ["Revenue stays low."]);
    assert_eq!(app.report.precis.words, 3);
    assert_eq!(app.report.target.words, 150);
}

#[test]
fn with_analysis_deferred_a_key_is_drawn_first_and_analysed_on_settle() {
    let mut app = app_on("narrow-tax-base");
    app.defer_analysis = true;
    type_text(&mut app, "Revenue stays low");
    // Each key settled the one before it; the last waits for the runtime.
    assert_eq!(app.body.lines(), ["Revenue stays low"]);
    assert_eq!(app.report.precis.words, 3, "analysed up to the key before");
    type_text(&mut app, " here x");
    assert!(
        screen(&app, 120, 40).contains("here x"),
        "drawn before analysis"
    );
    assert_eq!(
        app.report.precis.words, 4,
        "the last key is not analysed yet"
    );
    assert!(app.settle(), "a change was waiting");
    assert_eq!(app.report.precis.words, 5);
    assert!(!app.settle(), "nothing left to analyse");
}

#[test]
fn a_wrong_figure_is_flagged_live_with_the_source_value() {
    let mut app = app_on("narrow-tax-base");
    type_text(&mut app, "Tax revenue stays near 12 percent of output.");
    let wrong: Vec<_> = app
        .report
        .flags
        .iter()
        .filter(|f| f.kind == FlagKind::NumberMismatch)
        .collect();
    assert_eq!(wrong.len(), 1, "{:#?}", app.report.flags);
    assert_eq!(wrong[0].text, "12 percent");
    assert!(
        wrong[0].message.contains("source says"),
        "{}",
        wrong[0].message
    );
}

#[test]
fn focus_moves_between_title_body_and_source() {
    let mut app = app_on("silk-road");
    app.update(key(KeyCode::Up));
    assert_eq!(
        app.focus,
        Focus::Title,
        "Up from the first line reaches the title"
    );
    type_text(&mut app, "Trade Carried Ideas Too");
    app.update(key(KeyCode::Enter));
    assert_eq!(app.focus, Focus::Body, "Enter leaves the title");
    assert_eq!(app.title.lines(), ["Trade Carried Ideas Too"]);
    assert_eq!(
        app.report.precis.title.as_deref(),
        Some("Trade Carried Ideas Too")
    );
    app.update(key(KeyCode::Tab));
    assert_eq!(app.focus, Focus::Source);
    app.update(key(KeyCode::Tab));
    assert_eq!(app.focus, Focus::Body);
    app.update(key(KeyCode::BackTab));
    assert_eq!(app.focus, Focus::Title);
}

#[test]
fn typing_while_the_source_has_focus_goes_to_the_precis() {
    let mut app = app_on("silk-road");
    app.update(key(KeyCode::Tab));
    app.update(key(KeyCode::Char('x')));
    assert_eq!(app.focus, Focus::Body);
    assert_eq!(app.body.lines(), ["x"]);
}

#[test]
fn save_and_quit_are_effects_for_the_runtime() {
    let mut app = app_on("silk-road");
    assert_eq!(app.update(ctrl('s')), [Effect::Save]);
    assert_eq!(app.update(ctrl('q')), [Effect::SaveAndQuit]);
    type_text(&mut app, "a");
    assert!(matches!(app.save, precis::ui::app::SaveState::Unsaved));
}

#[test]
fn undo_and_redo() {
    let mut app = app_on("silk-road");
    type_text(&mut app, "abc def");
    app.update(ctrl('z'));
    assert_eq!(app.body.lines(), ["abc "]);
    app.update(ctrl('z'));
    assert_eq!(app.body.lines(), [""]);
    app.update(ctrl('y'));
    assert_eq!(app.body.lines(), ["abc"]);
}

#[test]
fn unbound_control_keys_change_nothing() {
    let mut app = app_on("silk-road");
    type_text(&mut app, "keep");
    for c in ['k', 'u', 'e', 'b', 'o', 'r', 'j', 'm'] {
        app.update(ctrl(c));
    }
    app.update(Action::Key(KeyEvent::new(
        KeyCode::Char('d'),
        KeyModifiers::ALT,
    )));
    assert_eq!(app.body.lines(), ["keep"]);
}

#[test]
fn word_keys_and_backspace_from_terminals_that_send_ctrl_h() {
    let mut app = app_on("silk-road");
    type_text(&mut app, "one two three");
    app.update(ctrl('w'));
    assert_eq!(app.body.lines(), ["one two "]);
    app.update(ctrl('h'));
    assert_eq!(app.body.lines(), ["one two"], "^H is Backspace");
    app.update(Action::Key(KeyEvent::new(
        KeyCode::Backspace,
        KeyModifiers::CONTROL,
    )));
    assert_eq!(app.body.lines(), ["one "]);
    app.update(Action::Key(KeyEvent::new(
        KeyCode::Home,
        KeyModifiers::CONTROL,
    )));
    type_text(&mut app, ">");
    assert_eq!(app.body.lines(), [">one "], "Ctrl+Home goes to the start");
    app.update(ctrl('z'));
    app.update(ctrl('z'));
    assert_eq!(app.body.lines(), ["one two"], "undo goes a word at a time");
}

#[test]
fn paste_normalises_line_ends_tabs_and_controls() {
    let mut app = app_on("silk-road");
    app.update(Action::Paste("one\r\ntwo\rthree\tfour\u{1b}[2J".into()));
    assert_eq!(app.body.lines(), ["one", "two", "three four[2J"]);
    app.update(key(KeyCode::BackTab));
    app.update(Action::Paste("A\nTitle".into()));
    assert_eq!(app.title.lines(), ["A Title"]);
}

#[test]
fn choosing_a_flag_moves_the_cursor_and_shows_the_source_figure() {
    let mut app = app_on("narrow-tax-base");
    type_text(
        &mut app,
        "Revenue is low.\nIt stays near 12 percent of output.",
    );
    screen(&app, 120, 40);
    app.update(ctrl('f'));
    assert!(app.flags_open);
    assert_eq!(app.focus, Focus::Flags);
    let i = app
        .report
        .flags
        .iter()
        .position(|f| f.kind == FlagKind::NumberMismatch)
        .expect("mismatch");
    for _ in 0..i {
        app.update(key(KeyCode::Down));
    }
    app.update(key(KeyCode::Enter));
    assert_eq!(app.focus, Focus::Body);
    assert_eq!(app.body.cursor(), (1, 14), "at \"12 percent\"");
    let source = app.report.flags[i].source.clone().expect("source figure");
    assert_eq!(app.source_focus, Some(source.start..source.end));
    app.update(key(KeyCode::Esc));
    assert!(!app.flags_open);
    assert_eq!(app.source_focus, None);
}

#[test]
fn the_picker_opens_a_passage_or_a_path() {
    let mut app = app_on("silk-road");
    app.update(ctrl('p'));
    assert!(matches!(app.overlay, Overlay::Picker(_)));
    type_text(&mut app, "tuber");
    assert_eq!(
        app.update(key(KeyCode::Enter)),
        [Effect::Open(Opening::BuiltIn("tuberculosis".into()))]
    );
    assert!(matches!(app.overlay, Overlay::None));
    app.update(ctrl('p'));
    type_text(&mut app, "notes/my source.txt");
    assert_eq!(
        app.update(key(KeyCode::Enter)),
        [Effect::Open(Opening::File("notes/my source.txt".into()))]
    );
    assert!(
        app.body.is_empty(),
        "typing in the picker never reaches the précis"
    );
}

#[test]
fn help_scrolls_and_closes_with_the_key_it_names() {
    let mut app = app_on("silk-road");
    app.update(Action::Resize(80, 24));
    app.update(key(KeyCode::F(1)));
    assert!(matches!(app.overlay, Overlay::Help));
    let top = screen(&app, 80, 24);
    assert!(top.contains("Esc close") && top.contains("more"), "{top}");
    app.update(key(KeyCode::Char('x')));
    assert!(
        matches!(app.overlay, Overlay::Help),
        "only the key it names closes it"
    );
    assert!(app.body.is_empty(), "nothing typed under the help");
    app.update(key(KeyCode::Down));
    assert_eq!(app.help_scroll.get(), 1);
    app.update(key(KeyCode::PageDown));
    let scrolled = screen(&app, 80, 24);
    assert!(app.help_scroll.get() > 1);
    assert!(!scrolled.contains("save the draft"), "{scrolled}");
    app.update(key(KeyCode::End));
    let end = screen(&app, 80, 24);
    assert!(end.contains("a key point of the passage"), "{end}");
    assert!(end.contains(" end "), "{end}");
    app.update(Action::Mouse(wheel(MouseEventKind::ScrollUp)));
    app.update(Action::Mouse(wheel(MouseEventKind::ScrollUp)));
    screen(&app, 80, 24);
    let back = app.help_scroll.get();
    app.update(Action::Mouse(wheel(MouseEventKind::ScrollDown)));
    assert_eq!(app.help_scroll.get(), back + 3, "the wheel scrolls it");
    app.update(key(KeyCode::Esc));
    assert!(matches!(app.overlay, Overlay::None));
    app.update(key(KeyCode::F(1)));
    assert_eq!(app.help_scroll.get(), 0, "it opens at the top");
    app.update(key(KeyCode::F(1)));
    assert!(matches!(app.overlay, Overlay::None), "F1 closes it too");
}

/// A mouse wheel event at the middle of an 80×24 screen.
fn wheel(kind: MouseEventKind) -> MouseEvent {
    MouseEvent {
        kind,
        column: 40,
        row: 12,
        modifiers: KeyModifiers::NONE,
    }
}

#[test]
fn figures_toggle_and_source_scrolling() {
    let mut app = app_on("price-of-power");
    screen(&app, 120, 30);
    app.update(ctrl('n'));
    assert!(app.show_figures);
    app.update(key(KeyCode::Tab));
    app.update(key(KeyCode::PageDown));
    assert!(app.source_scroll.get() > 0);
    app.update(key(KeyCode::End));
    screen(&app, 120, 30);
    let bottom = app.source_scroll.get();
    assert!(
        bottom < 1000,
        "End is clamped to the last page when drawn: {bottom}"
    );
    app.update(key(KeyCode::PageUp));
    assert!(app.source_scroll.get() < bottom);
    app.update(key(KeyCode::Home));
    assert_eq!(app.source_scroll.get(), 0);
}

#[test]
fn resizing_to_any_size_keeps_the_text() {
    let mut app = app_on("silk-road");
    type_text(&mut app, "Some words typed first.");
    for (w, h) in [
        (120, 40),
        (80, 24),
        (39, 11),
        (1, 1),
        (0, 0),
        (250, 80),
        (100, 12),
    ] {
        app.update(Action::Resize(w, h));
        screen(&app, w.max(1), h.max(1));
    }
    assert_eq!(app.body.lines(), ["Some words typed first."]);
}

#[test]
fn a_submitted_exam_is_read_only_until_copied_into_practice() {
    use jiff::Timestamp;
    use precis::analysis::Settings;
    use precis::analysis::words::CountingOptions;
    use precis::store::draft::DRAFT_VERSION;
    use precis::store::{Draft, DraftSource, ExamTiming, Mode, Origin};
    use precis::ui::app::{App, Start};

    let at = |s| Timestamp::from_second(s).expect("timestamp");
    let passage = precis::passages::find("silk-road").expect("passage");
    let draft = Draft {
        version: DRAFT_VERSION,
        id: "exam-1".into(),
        created: at(1_000),
        updated: at(2_860),
        source: DraftSource {
            origin: Origin::BuiltIn {
                id: passage.id.into(),
            },
            title: Some(passage.title().into()),
            text: passage.text.into(),
        },
        title: "Roads That Carried Ideas".into(),
        body: "Caravans moved faiths and inventions.".into(),
        settings: Settings::default(),
        counting: CountingOptions::default(),
        mode: Mode::Exam,
        timeline: Vec::new(),
        exam: Some(ExamTiming {
            reading_until: None,
            started: at(1_000),
            deadline: at(3_100),
            submitted: Some(at(2_860)),
        }),
    };
    let mut app = App::new(
        Start::resume(draft, CountingOptions::default()),
        CountingOptions::default(),
        (120, 40),
    );
    assert!(app.read_only);
    type_text(&mut app, "more");
    app.update(Action::Paste("pasted".into()));
    app.update(key(KeyCode::Backspace));
    app.update(ctrl('z'));
    assert_eq!(app.body.lines(), ["Caravans moved faiths and inventions."]);
    assert!(app.note.as_ref().is_some_and(|n| n.text.contains("Ctrl+K")));
    assert_eq!(app.focus, Focus::Flags, "the review has the keys");
    app.update(key(KeyCode::Tab));
    app.update(key(KeyCode::Left));
    assert_eq!(app.body.cursor(), (0, 36), "moving around still works");
    assert!(screen(&app, 120, 40).contains("read-only"));

    assert_eq!(app.update(ctrl('k')), [Effect::CopyToPractice]);
    app.copy_to_practice("practice-1".into(), at(5_000));
    assert!(!app.read_only);
    assert_eq!(app.to_draft(at(5_001)).mode, Mode::Practice);
    assert_eq!(app.to_draft(at(5_001)).exam, None);
    app.update(key(KeyCode::End));
    type_text(&mut app, " Trade grew.");
    assert_eq!(
        app.body.lines(),
        ["Caravans moved faiths and inventions. Trade grew."]
    );
}

#[test]
fn ctrl_t_writes_the_declared_count_and_the_report_agrees() {
    let mut app = app_on("silk-road");
    type_text(&mut app, "Caravans carried goods and ideas.");
    app.update(ctrl('t'));
    assert_eq!(
        app.body.lines(),
        ["Caravans carried goods and ideas.", "", "(5 words)"]
    );
    assert_eq!(app.report.precis.declared_words, Some(5));
    assert!(
        !app.report
            .flags
            .iter()
            .any(|f| f.kind == precis::analysis::report::FlagKind::DeclaredCount),
        "{:?}",
        app.report.flags
    );
    app.update(key(KeyCode::Up));
    app.update(key(KeyCode::Up));
    app.update(key(KeyCode::End));
    type_text(&mut app, " Also plague.");
    app.update(ctrl('t'));
    assert_eq!(app.body.lines()[2], "(7 words)", "corrected in place");
}

#[test]
fn a_selection_shows_its_word_count_in_the_status_bar() {
    let mut app = app_on("narrow-tax-base");
    type_text(&mut app, "Revenue stays low while the base is narrow");
    assert_eq!(app.selected_words(), None, "nothing selected yet");
    let shift_word_left = Action::Key(KeyEvent::new(
        KeyCode::Left,
        KeyModifiers::CONTROL | KeyModifiers::SHIFT,
    ));
    for _ in 0..3 {
        app.update(shift_word_left.clone());
    }
    assert_eq!(app.selected_words(), Some(3), "“base is narrow”");
    for (width, height) in [(80, 24), (100, 30)] {
        let shown = screen(&app, width, height);
        assert!(shown.contains("3 selected"), "{width}×{height}:\n{shown}");
    }
    app.update(key(KeyCode::Right));
    assert_eq!(app.selected_words(), None, "moving ends the selection");
    assert!(!screen(&app, 100, 30).contains("selected"));
    app.update(ctrl('a'));
    assert_eq!(app.selected_words(), Some(8));
    assert_eq!(app.report.precis.words, 8, "the whole body");
}
