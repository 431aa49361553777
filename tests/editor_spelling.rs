//! Spelling and concision in the editor, through `App::update` and the
//! renderer with no terminal: misspelt words marked in their own style,
//! listed with their correction, replaced from the suggestions box or added
//! to the student's list; corrections computed on a worker thread; wordy
//! phrases and what they would save.

mod common;

use std::time::{Duration, Instant};

use common::{app_on, ctrl, key, type_text};
use precis::analysis::report::FlagKind;
use precis::analysis::spelling::Language;
use precis::ui::app::{App, Effect, Focus, Overlay};
use precis::ui::marks::MarkKind;
use precis::ui::runtime::spelling::Session;
use precis::ui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;
use ratatui::style::Modifier;

/// Opens the flags panel with the first flag of `kind` chosen.
fn choose_flag(app: &mut App, kind: FlagKind) {
    app.update(ctrl('f'));
    let i = app
        .report
        .flags
        .iter()
        .position(|f| f.kind == kind)
        .unwrap_or_else(|| panic!("no {kind:?} flag: {:#?}", app.report.flags));
    app.update(key(KeyCode::Home));
    for _ in 0..i {
        app.update(key(KeyCode::Down));
    }
    assert_eq!(app.flag_selected, i);
}

#[test]
fn a_misspelt_word_is_marked_listed_and_replaced_from_the_suggestions() {
    let mut app = app_on("narrow-tax-base");
    type_text(&mut app, "The goverment collects too little tax.");
    let flag = app
        .report
        .flags
        .iter()
        .find(|f| f.kind == FlagKind::Spelling)
        .expect("spelling flag")
        .clone();
    assert_eq!(flag.text, "goverment");
    assert_eq!(flag.suggestion.as_deref(), Some("government"));
    assert!(
        app.marks
            .body
            .iter()
            .any(|m| m.kind == MarkKind::Misspelt && (m.start, m.end) == (4, 13)),
        "{:?}",
        app.marks.body
    );

    choose_flag(&mut app, FlagKind::Spelling);
    app.update(key(KeyCode::Enter));
    let Overlay::Spelling(choice) = &app.overlay else {
        panic!("no suggestions box: {:?}", app.overlay);
    };
    assert_eq!(choice.word, "goverment");
    assert_eq!(choice.suggestions[0], "government");
    let screen = common::screen(&app, 120, 40);
    assert!(
        screen.contains(" Spelling ") && screen.contains("1 government"),
        "{screen}"
    );

    app.update(key(KeyCode::Enter));
    assert!(matches!(app.overlay, Overlay::None));
    assert_eq!(
        app.body.lines(),
        ["The government collects too little tax."]
    );
    assert_eq!(app.focus, Focus::Body);
    assert!(
        !app.report
            .flags
            .iter()
            .any(|f| f.kind == FlagKind::Spelling)
    );
    // As when pasting over a selection: one undo for the new word, one for
    // the old.
    app.update(ctrl('z'));
    app.update(ctrl('z'));
    assert_eq!(app.body.lines(), ["The goverment collects too little tax."]);
}

#[test]
fn a_word_can_be_chosen_by_number_or_added_to_the_list() {
    let mut app = app_on("narrow-tax-base");
    type_text(&mut app, "Revenue was definately low.");
    choose_flag(&mut app, FlagKind::Spelling);
    app.update(key(KeyCode::Enter));
    app.update(key(KeyCode::Char('1')));
    assert_eq!(app.body.lines(), ["Revenue was definitely low."]);

    type_text(&mut app, " Zorblax agreed.");
    choose_flag(&mut app, FlagKind::Spelling);
    app.update(key(KeyCode::Enter));
    let effects = app.update(key(KeyCode::Char('a')));
    assert_eq!(effects, [Effect::AddWord("Zorblax".to_string())]);
    assert!(matches!(app.overlay, Overlay::None));
    // Esc keeps the word as it is.
    choose_flag(&mut app, FlagKind::Spelling);
    app.update(key(KeyCode::Enter));
    app.update(key(KeyCode::Esc));
    assert!(matches!(app.overlay, Overlay::None));
    assert!(app.body.lines()[0].contains("Zorblax"));
}

#[test]
fn misspelt_words_stand_out_without_colour() {
    let mut app = app_on("narrow-tax-base");
    type_text(&mut app, "Taxes recieve little; the color of copied words.");
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    terminal
        .draw(|frame| precis::ui::render(frame, &app, &Theme::new(false)))
        .expect("draws");
    let buf = terminal.backend().buffer();
    let cell_of = |word: &str| {
        (0..40)
            .flat_map(|y| (0..120).map(move |x| (x, y)))
            .find(|&(x, y)| {
                (0..word.len() as u16).all(|k| {
                    x + k < 120 && buf[(x + k, y)].symbol() == &word[k as usize..k as usize + 1]
                })
            })
            .map(|p| buf[p].modifier)
            .unwrap_or_else(|| panic!("{word} not on screen"))
    };
    let misspelt = cell_of("recieve");
    assert!(
        misspelt.contains(Modifier::UNDERLINED | Modifier::ITALIC),
        "{misspelt:?}"
    );
    let variant = cell_of("color");
    assert!(variant.contains(Modifier::ITALIC) && !variant.contains(Modifier::UNDERLINED));
    let theme = Theme::new(false);
    for other in [
        MarkKind::WrongFigure,
        MarkKind::Copied,
        MarkKind::UnknownFigure,
    ] {
        assert_ne!(
            theme.mark(other),
            theme.mark(MarkKind::Misspelt),
            "{other:?}"
        );
    }
}

#[test]
fn a_submitted_exam_offers_no_replacement() {
    let mut app = app_on("narrow-tax-base");
    type_text(&mut app, "The goverment taxes too little.");
    app.read_only = true;
    choose_flag(&mut app, FlagKind::Spelling);
    app.update(key(KeyCode::Enter));
    assert!(
        matches!(app.overlay, Overlay::None),
        "Enter only goes to the word"
    );
    assert_eq!(app.focus, Focus::Body);
}

/// Waits up to five seconds for `done`.
fn wait_for(mut done: impl FnMut() -> bool) -> bool {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(5) {
        if done() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    false
}

#[test]
fn the_live_check_gets_its_corrections_from_the_worker() {
    let mut session = Session::new(Language::EnGb, &["Zorblax".to_string()], None);
    let mut app = app_on("narrow-tax-base");
    app.source.analysis.set_speller(session.speller());
    type_text(&mut app, "Zorblax said the goverment must acheive more.");
    assert!(!session.busy(), "nothing asked for yet");
    session.load();
    assert!(wait_for(|| {
        session.poll(&mut app);
        !session.busy()
    }));
    let words = |app: &App| -> Vec<(String, Option<String>)> {
        app.report
            .flags
            .iter()
            .filter(|f| f.kind == FlagKind::Spelling)
            .map(|f| (f.text.clone(), f.suggestion.clone()))
            .collect()
    };
    assert_eq!(words(&app).len(), 2, "{:?}", words(&app));
    session.request(&app);
    assert!(wait_for(|| {
        session.poll(&mut app);
        !session.busy()
    }));
    session.poll(&mut app);
    assert_eq!(
        words(&app),
        [
            ("goverment".to_string(), Some("government".to_string())),
            ("acheive".to_string(), Some("achieve".to_string())),
        ]
    );
    // A word added to the list is trusted at once (no config folder here:
    // the bottom row says it is kept until the editor quits).
    session.add_word(&mut app, "goverment");
    assert_eq!(words(&app).len(), 1);
    assert!(
        app.note
            .as_ref()
            .is_some_and(|n| n.problem && n.text.contains("until you quit"))
    );
}

#[test]
fn wordy_phrases_are_flagged_and_over_the_band_they_add_up() {
    let mut app = app_on("narrow-tax-base");
    type_text(
        &mut app,
        "Due to the fact that few pay, in order to grow the state borrows.",
    );
    let wordy: Vec<_> = app
        .report
        .flags
        .iter()
        .filter(|f| f.kind == FlagKind::WordyPhrase)
        .map(|f| (f.text.as_str(), f.suggestion.as_deref(), f.severity))
        .collect();
    assert_eq!(
        wordy,
        [
            (
                "Due to the fact that",
                Some("Because"),
                precis::analysis::report::Severity::Info
            ),
            (
                "in order to",
                Some("to"),
                precis::analysis::report::Severity::Info
            ),
        ]
    );
    assert_eq!(app.report.wordy_savings, 6);
    // Far over the band, they are warnings, and the panel sums them up.
    let long = " More words here to pass the band.".repeat(30);
    app.update(precis::ui::app::Action::Paste(long));
    assert!(
        app.report
            .flags
            .iter()
            .any(|f| f.kind == FlagKind::WordyPhrase
                && f.severity == precis::analysis::report::Severity::Warning)
    );
    app.update(ctrl('f'));
    let screen = common::screen(&app, 120, 50);
    assert!(
        screen.contains("Wordy phrases: 6 words to save"),
        "{screen}"
    );
}

#[test]
fn a_word_in_the_title_field_is_replaced_there() {
    let mut app = app_on("narrow-tax-base");
    app.update(key(KeyCode::Up));
    assert_eq!(app.focus, Focus::Title);
    type_text(&mut app, "A Narow Tax Base");
    app.update(key(KeyCode::Enter));
    type_text(&mut app, "Few people pay tax.");
    choose_flag(&mut app, FlagKind::Spelling);
    app.update(key(KeyCode::Enter));
    let Overlay::Spelling(choice) = &app.overlay else {
        panic!("no suggestions box");
    };
    assert_eq!(choice.word, "Narow");
    let narrow = choice
        .suggestions
        .iter()
        .position(|s| s == "Narrow")
        .expect("Narrow is offered");
    for _ in 0..narrow {
        app.update(key(KeyCode::Down));
    }
    app.update(key(KeyCode::Enter));
    assert_eq!(app.title.lines(), ["A Narrow Tax Base"]);
    assert_eq!(app.body.lines(), ["Few people pay tax."]);
    assert_eq!(app.focus, Focus::Title);
}
