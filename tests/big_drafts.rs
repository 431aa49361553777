//! A big précis (a draft body of megabytes) is drawn before it is checked:
//! the first frame shows the text and says the checks are coming, the
//! checks follow after that frame, and a save then stores their counts.
//! Through `App` and with the real editor in a pseudo-terminal. (How fast
//! is measured by `cargo bench --bench big_drafts`, not here.)

mod common;
mod pty;

use common::{key, screen};
use jiff::Timestamp;
use precis::analysis::Settings;
use precis::analysis::words::{CountingOptions, count_words};
use precis::store::draft::DRAFT_VERSION;
use precis::store::{Draft, DraftSource, DraftStore, Mode, Origin};
use precis::ui::app::{App, LARGE_PRECIS, Source, Start};
use pty::{Pty, flat, read_json, wait_disk};
use ratatui::crossterm::event::KeyCode;

/// A body of at least `bytes` bytes, of invented sentences, six to a
/// paragraph, ending with a short last paragraph.
fn body_of(bytes: usize) -> String {
    let sentences = [
        "Ferries carry grain to the island every week.",
        "Winter storms keep them in harbour for days.",
        "Farmers store what little they grow.",
        "Prices rise whenever the boats stay away.",
        "The council plans a second pier.",
        "Money for it runs short each spring.",
    ];
    let mut body = String::new();
    while body.len() < bytes {
        body.push_str(&sentences.join(" "));
        body.push_str("\n\n");
    }
    body.push_str("Spring tides ease.");
    body
}

/// An app on passage 1 with a body of `bytes` bytes, as a resumed draft.
fn app_with(bytes: usize) -> App {
    let counting = CountingOptions::default();
    let source = Source::built_in("narrow-tax-base", counting).expect("passage");
    let mut start = Start::fresh(source, Settings::default(), Timestamp::UNIX_EPOCH);
    start.body = body_of(bytes);
    App::new(start, counting, (120, 40))
}

#[test]
fn a_big_precis_is_drawn_first_and_says_its_checks_are_coming() {
    let mut app = app_with(LARGE_PRECIS + 1);
    assert!(app.checking());
    let first = screen(&app, 120, 40);
    assert!(first.contains("Précis · checking…"), "{first}");
    assert!(first.contains("checking the précis (1 MB)…"), "{first}");
    assert!(
        first.contains("Spring tides ease."),
        "the text is there:\n{first}"
    );
    assert!(!first.contains("/150 words"), "no count before the check");

    assert!(app.settle(), "the check after the frame");
    assert!(!app.checking());
    let words = count_words(&body_of(LARGE_PRECIS + 1), CountingOptions::default());
    assert_eq!(app.report.precis.words, words);
    // A save stores counts only once the spelling check is part of them.
    let speller = app.source.analysis.speller().clone();
    speller.preload();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while !speller.ready() && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    assert!(
        app.full_report().is_some(),
        "the whole check, coverage included: a save stores its counts"
    );
    assert!(!app.coverage_due);
    let checked = screen(&app, 120, 40);
    assert!(
        checked.contains(&format!("Précis · {words}/150 words")),
        "{checked}"
    );
    assert!(!app.settle(), "nothing left to check");
}

#[test]
fn a_small_precis_is_checked_before_its_first_frame() {
    let app = app_with(LARGE_PRECIS / 2);
    assert!(!app.checking());
    assert!(screen(&app, 120, 40).contains("/150 words"));
}

#[test]
fn typing_before_the_check_checks_what_is_typed() {
    let mut app = app_with(LARGE_PRECIS + 1);
    app.update(key(KeyCode::Char('x')));
    assert!(!app.checking(), "the key's re-analysis is the check");
    assert!(app.report.precis.words > 0);
}

/// The real editor, resuming a draft with a 2 MB body: the first screen
/// shows the end of the text and says the checks are coming; the counts
/// follow; and a save after a key stores them in the draft file.
#[test]
fn the_editor_opens_a_big_draft_before_checking_it() {
    let home = pty::home();
    let data = home.path().join("data").join("precis");
    let store = DraftStore::open(&data).expect("store");
    let body = body_of(2 << 20);
    let draft = Draft {
        version: DRAFT_VERSION,
        id: "20250302-101500-aaaaaa".into(),
        created: Timestamp::UNIX_EPOCH,
        updated: Timestamp::UNIX_EPOCH,
        source: DraftSource {
            origin: Origin::BuiltIn {
                id: "narrow-tax-base".into(),
            },
            title: Some("The Hidden Cost of a Narrow Tax Base".into()),
            text: precis::passages::find("narrow-tax-base")
                .expect("passage")
                .text
                .to_string(),
        },
        title: String::new(),
        body: body.clone(),
        settings: Settings::default(),
        counting: CountingOptions::default(),
        mode: Mode::Practice,
        timeline: Vec::new(),
        exam: None,
    };
    store.save(&draft).expect("save");
    let path = store.path_of(&draft.id);

    let mut pty = Pty::precis(home.path(), &[]);
    pty.wait_until("the first screen", |s| {
        flat(s).contains("Spring tides ease.")
    });
    let first = pty.screen();
    assert!(
        first.contains("Précis · checking…") && first.contains("checking the précis (2 MB)…"),
        "the first screen with the text says the checks are coming:\n{first}"
    );
    let words = count_words(&body, CountingOptions::default());
    pty.wait_for(&format!("Précis · {words}/150 words"));

    pty.send(" x");
    let stored = wait_disk("the draft saved with its counts", || {
        let json = read_json(&path)?;
        json["body"]
            .as_str()?
            .ends_with("Spring tides ease. x")
            .then_some(())?;
        json["summary"]["words"].as_u64()
    });
    assert_eq!(stored, words as u64 + 1);
}

#[test]
fn a_precis_of_more_rows_than_a_u16_counts_opens_at_its_end() {
    // 70,000 one-word lines: the text field's rows once wrapped run past
    // 65,535, where a 16-bit top row wrapped round to the top of the text.
    let counting = CountingOptions::default();
    let source = Source::built_in("narrow-tax-base", counting).expect("passage");
    let mut start = Start::fresh(source, Settings::default(), Timestamp::UNIX_EPOCH);
    start.body = (0..70_000).map(|i| format!("row{i}\n")).collect::<String>() + "last";
    let app = App::new(start, counting, (120, 40));
    let shown = screen(&app, 120, 40);
    assert!(
        shown.contains("row69999") && shown.contains("last"),
        "the cursor's rows, at the end of the text, are in view:\n{shown}"
    );
}
