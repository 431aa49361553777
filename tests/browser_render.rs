//! The drafts browser: snapshots of the rendered screen (ratatui's
//! TestBackend + insta; `^` rows show underlined cells) over a real drafts
//! store holding three attempts on one passage, one on another and a corrupt
//! file, and tests of its state: sorting, filtering, deleting, history.

mod common;

use jiff::Timestamp;
use jiff::tz::TimeZone;
use precis::analysis::Settings;
use precis::analysis::words::CountingOptions;
use precis::store::draft::DRAFT_VERSION;
use precis::store::{Draft, DraftSource, DraftStore, ExamTiming, Mode, Origin};
use precis::ui::browser::{Browser, Entry, Outcome, SortKey, render};
use precis::ui::theme::Theme;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

const LIGHTHOUSES: &str = "# Lighthouses and the Shipping Trade

For centuries, lighthouses were the only warning a ship had of rocks near a \
harbour. Keepers lived beside the lamps, trimming wicks and winding clockwork \
through every night of the year. When electric lights and automatic timers \
arrived, most keepers left, and the towers became museums or homes. Yet \
shipping still relies on them: satellites can fail, and a sailor who loses \
power at night still looks for a flashing light on the shore to know where \
the danger lies.
";

const TREES: &str = "# Why Cities Plant Trees

Street trees cool the pavement beneath them by several degrees in summer, and \
they soak up rain that would otherwise flood the drains. They also cost money \
to water and prune, and their roots can crack old pipes. Planners therefore \
choose hardy species and plant them where the shade helps most: bus stops, \
school routes and markets.
";

/// When the screen is drawn, for "latest … ago".
const NOW: &str = "2026-03-09T12:00:00Z";

fn at(when: &str) -> Timestamp {
    when.parse().expect("timestamp")
}

fn draft(id: &str, source: &str, file: &str, title: &str, body: &str, updated: &str) -> Draft {
    Draft {
        version: DRAFT_VERSION,
        id: id.to_string(),
        created: at(updated),
        updated: at(updated),
        source: DraftSource {
            origin: Origin::File {
                path: format!("/home/student/{file}"),
            },
            title: source
                .lines()
                .next()
                .and_then(|l| l.strip_prefix("# "))
                .map(str::to_string),
            text: source.to_string(),
        },
        title: title.to_string(),
        body: body.to_string(),
        settings: Settings::default(),
        counting: CountingOptions::default(),
        mode: Mode::Practice,
        timeline: Vec::new(),
        exam: None,
    }
}

/// Four drafts and a corrupt file in a fresh store, listed as the browser
/// lists them.
fn entries() -> Vec<Entry> {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = DraftStore::open(dir.path()).expect("store");
    let drafts = [
        draft(
            "light-1",
            LIGHTHOUSES,
            "lighthouses.md",
            "Lights on the Shore",
            "Lighthouses warned ships of rocks. Keepers left when lamps became automatic, but they're still needed.",
            "2026-03-02T09:15:00Z",
        ),
        draft(
            "light-2",
            LIGHTHOUSES,
            "lighthouses.md",
            "Why Lighthouses Still Matter",
            "Lighthouses long warned ships of rocks near harbours. Automatic lamps ended the keepers' work \
             and towers became museums or homes, yet sailors still need their lights when satellites fail.",
            "2026-03-04T18:40:00Z",
        ),
        draft(
            "light-3",
            LIGHTHOUSES,
            "lighthouses.md",
            "The Lasting Value of Lighthouses",
            "For centuries lighthouses alone warned ships of rocks near harbours, and keepers tended their \
             lamps every night. Electric lights and automatic timers sent most keepers away, turning towers \
             into museums or homes, yet shipping relies on them still, because satellites can fail.",
            "2026-03-08T07:05:00Z",
        ),
        draft(
            "trees-1",
            TREES,
            "trees.txt",
            "Shade Has a Price",
            "Street trees cool streets and absorb rain, but they need care and can damage pipes, so \
             planners put hardy kinds where shade matters most.",
            "2026-03-06T16:30:00Z",
        ),
    ];
    for d in &drafts {
        store.save(d).expect("save");
    }
    std::fs::write(store.path_of("broken"), b"{ \"version\": 1, \"id\": ").expect("corrupt file");
    store
        .list()
        .iter()
        .map(|l| Entry::from_listed(l, &TimeZone::UTC, at(NOW)))
        .collect()
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn press(browser: &mut Browser, codes: &[KeyCode]) -> Outcome {
    let mut last = Outcome::Stay;
    for &code in codes {
        last = browser.key(key(code));
    }
    last
}

fn type_text(browser: &mut Browser, text: &str) {
    for c in text.chars() {
        browser.key(key(KeyCode::Char(c)));
    }
}

fn visible_ids(browser: &Browser) -> Vec<&str> {
    browser
        .visible()
        .into_iter()
        .map(|e| e.id.as_str())
        .collect()
}

fn selected_id(browser: &Browser) -> Option<&str> {
    browser.selected().map(|e| e.id.as_str())
}

/// Renders `browser` at `width`×`height` as text (see `common::picture`).
fn screen(browser: &Browser, width: u16, height: u16) -> String {
    common::picture(width, height, |frame| {
        let area = frame.area();
        render(frame, area, browser, &Theme::new(true), at(NOW));
    })
}

#[test]
fn drafts_newest_first_with_the_passage_history() {
    let mut browser = Browser::new(entries());
    press(&mut browser, &[KeyCode::Down, KeyCode::Down]);
    assert_eq!(selected_id(&browser), Some("light-2"));
    insta::assert_snapshot!(screen(&browser, 100, 30));
}

#[test]
fn an_unreadable_file_explains_itself() {
    let mut browser = Browser::new(entries());
    press(&mut browser, &[KeyCode::End]);
    insta::assert_snapshot!(screen(&browser, 100, 30));
}

#[test]
fn filtered_by_title_sorted_by_words_and_asking_before_deleting() {
    let mut browser = Browser::new(entries());
    press(&mut browser, &[KeyCode::Char('s'); 3]);
    press(&mut browser, &[KeyCode::Char('/')]);
    type_text(&mut browser, "LIGHT");
    press(&mut browser, &[KeyCode::Enter, KeyCode::Char('d')]);
    insta::assert_snapshot!(screen(&browser, 100, 30));
}

#[test]
fn an_empty_store_says_how_to_fill_it() {
    let browser = Browser::new(Vec::new());
    let wide = screen(&browser, 100, 30);
    let flat = wide.split_whitespace().collect::<Vec<_>>().join(" ");
    for how in ["`precis`", "`precis FILE`", "`precis exam`", "Ctrl+P"] {
        assert!(
            flat.contains(how),
            "the empty browser does not mention {how}:\n{wide}"
        );
    }
    insta::assert_snapshot!(wide);
    insta::assert_snapshot!("empty_80x24", screen(&browser, 80, 24));
}

/// The chart of words per attempt draws the target as a line where no bar
/// reaches: a row of `─` between the bars.
#[test]
fn the_history_chart_shows_the_target_line() {
    let mut browser = Browser::new(entries());
    press(&mut browser, &[KeyCode::Down, KeyCode::Down]);
    let text = screen(&browser, 100, 30);
    let caption = text
        .lines()
        .position(|l| l.contains("── target 27 (25–29)"))
        .unwrap_or_else(|| panic!("no caption naming the line:\n{text}"));
    let line = text.lines().skip(caption + 1).find(|l| l.contains("─────"));
    assert!(
        line.is_some_and(|l| l.contains("█") || l.contains("▆")),
        "no target line across the bars:\n{text}"
    );
}

/// An attempt's number is followed by a space, however many attempts there
/// are (`#100` once ran into its date: `#10002 Mar`).
#[test]
fn attempt_numbers_never_run_into_dates() {
    let template = entries()
        .into_iter()
        .find(|e| e.id == "light-1")
        .expect("light-1");
    let many: Vec<Entry> = (0..120)
        .map(|n| {
            let mut e = template.clone();
            e.id = format!("light-{n:03}");
            if let Ok(a) = &mut e.draft {
                a.updated = at("2026-01-01T00:00:00Z")
                    .checked_add(jiff::SignedDuration::from_hours(n))
                    .expect("ts");
                a.date = a.updated.strftime("%d %b %H:%M").to_string();
            }
            e
        })
        .collect();
    let browser = Browser::new(many);
    let text = screen(&browser, 80, 24);
    let numbered: Vec<&str> = text.lines().filter(|l| l.contains("│› #")).collect();
    assert_eq!(numbered.len(), 1, "{text}");
    assert!(numbered[0].contains("#120 05 Jan 23:00"), "{text}");
    insta::assert_snapshot!("many_attempts_80x24", text);
    insta::assert_snapshot!("many_attempts_100x30", screen(&browser, 100, 30));
}

/// Exam attempts on the lighthouse passage beside a practice draft: one
/// handed in after 31 min 5 s, one taking 1 h 5 min, and one still running.
fn exam_entries() -> Vec<Entry> {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = DraftStore::open(dir.path()).expect("store");
    let exam = |id: &str, updated: &str, started: &str, allowed: i64, used: Option<i64>| {
        let mut d = draft(
            id,
            LIGHTHOUSES,
            "lighthouses.md",
            "Lights That Still Matter",
            "Lighthouses warned ships of rocks, and sailors still need them when satellites fail.",
            updated,
        );
        let started = at(started);
        let after = |s: i64| {
            started
                .checked_add(jiff::SignedDuration::from_secs(s))
                .expect("ts")
        };
        d.mode = Mode::Exam;
        d.exam = Some(ExamTiming {
            reading_until: None,
            started,
            deadline: after(allowed),
            submitted: used.map(after),
        });
        d
    };
    let drafts = [
        exam(
            "exam-1",
            "2026-03-05T10:31:05Z",
            "2026-03-05T10:00:00Z",
            35 * 60,
            Some(31 * 60 + 5),
        ),
        exam(
            "exam-2",
            "2026-03-07T11:05:00Z",
            "2026-03-07T10:00:00Z",
            90 * 60,
            Some(65 * 60),
        ),
        exam(
            "exam-3",
            "2026-03-09T11:50:00Z",
            "2026-03-09T11:40:00Z",
            35 * 60,
            None,
        ),
        draft(
            "trees-1",
            TREES,
            "trees.txt",
            "Shade Has a Price",
            "Street trees cool streets and absorb rain, but they need care.",
            "2026-03-06T16:30:00Z",
        ),
    ];
    for d in &drafts {
        store.save(d).expect("save");
    }
    store
        .list()
        .iter()
        .map(|l| Entry::from_listed(l, &TimeZone::UTC, at(NOW)))
        .collect()
}

/// The MODE column tells a running exam from a submitted one, whose flags
/// alone are shown, and the time used reads as in the review (`31:05`,
/// `1:05:00`).
#[test]
fn exam_attempts_say_whether_they_are_running_and_how_long_they_took() {
    let browser = Browser::new(exam_entries());
    let modes: Vec<&str> = browser
        .visible()
        .iter()
        .filter_map(|e| e.attempt().map(|a| a.mode.as_str()))
        .collect();
    assert_eq!(
        modes,
        [
            "exam (running)",
            "exam (submitted)",
            "practice",
            "exam (submitted)"
        ]
    );
    let hidden: Vec<bool> = browser
        .visible()
        .iter()
        .filter_map(|e| e.attempt().map(|a| a.checks_hidden))
        .collect();
    assert_eq!(
        hidden,
        [true, false, false, false],
        "a running exam's flags stay hidden"
    );
    insta::assert_snapshot!("exams_80x24", screen(&browser, 80, 24));
    insta::assert_snapshot!("exams_100x30", screen(&browser, 100, 30));
}

#[test]
fn entries_show_what_the_report_found() {
    let entries = entries();
    assert_eq!(entries.len(), 5);
    let first = entries[0].attempt().expect("readable");
    assert_eq!(entries[0].id, "light-3", "newest first");
    assert_eq!(first.source, "Lighthouses and the Shipping Trade");
    assert_eq!(first.date, "08 Mar 07:05");
    assert_eq!(first.mode, "practice");
    assert_eq!(first.time_used, None);
    let broken = entries[4].draft.as_ref().expect_err("unreadable");
    assert_eq!(broken.file, "broken.json");
    assert!(broken.reason.contains("not a draft"), "{}", broken.reason);
    let words: Vec<usize> = ["light-1", "light-2", "light-3"]
        .iter()
        .filter_map(|id| entries.iter().find(|e| e.id == *id))
        .filter_map(|e| e.attempt().map(|a| a.words))
        .collect();
    assert!(
        words.windows(2).all(|w| w[0] < w[1]),
        "attempts grow: {words:?}"
    );
}

#[test]
fn the_sort_key_cycles_through_date_title_source_and_words() {
    let mut b = Browser::new(entries());
    assert_eq!(b.sort(), SortKey::Date);
    assert_eq!(
        visible_ids(&b),
        ["light-3", "trees-1", "light-2", "light-1", "broken"]
    );
    b.key(key(KeyCode::Char('s')));
    assert_eq!(b.sort(), SortKey::Title);
    assert_eq!(
        visible_ids(&b),
        ["light-1", "trees-1", "light-3", "light-2", "broken"],
        "Lights…, Shade…, The Lasting…, Why…; unreadable last"
    );
    b.key(key(KeyCode::Char('s')));
    assert_eq!(b.sort(), SortKey::Source);
    assert_eq!(
        visible_ids(&b),
        ["light-3", "light-2", "light-1", "trees-1", "broken"],
        "by source, then newest first"
    );
    b.key(key(KeyCode::Char('s')));
    assert_eq!(b.sort(), SortKey::Words);
    assert_eq!(
        visible_ids(&b),
        ["light-3", "light-2", "trees-1", "light-1", "broken"]
    );
    b.key(key(KeyCode::Char('s')));
    assert_eq!(b.sort(), SortKey::Date);
}

#[test]
fn sorting_keeps_the_chosen_draft() {
    let mut b = Browser::new(entries());
    press(&mut b, &[KeyCode::Down]);
    assert_eq!(selected_id(&b), Some("trees-1"));
    press(&mut b, &[KeyCode::Char('s'), KeyCode::Char('s')]);
    assert_eq!(selected_id(&b), Some("trees-1"));
}

#[test]
fn the_filter_matches_title_or_source_whatever_the_case() {
    let mut b = Browser::new(entries());
    b.key(key(KeyCode::Char('/')));
    assert!(b.is_filtering());
    type_text(&mut b, "TREES");
    assert_eq!(visible_ids(&b), ["trees-1"], "the source's title matches");
    assert_eq!(b.key(key(KeyCode::Char('q'))), Outcome::Stay, "q is typed");
    assert!(visible_ids(&b).is_empty());
    b.key(key(KeyCode::Backspace));
    b.key(key(KeyCode::Esc));
    assert!(!b.is_filtering());
    assert_eq!(b.filter(), "");
    assert_eq!(visible_ids(&b).len(), 5);

    b.key(key(KeyCode::Char('/')));
    type_text(&mut b, "still");
    assert_eq!(visible_ids(&b), ["light-2"], "a précis title matches");
    b.key(key(KeyCode::Enter));
    assert!(!b.is_filtering());
    assert_eq!(b.filter(), "still");
    assert_eq!(b.key(key(KeyCode::Esc)), Outcome::Stay, "Esc clears first");
    assert_eq!(visible_ids(&b).len(), 5);
    assert_eq!(b.key(key(KeyCode::Esc)), Outcome::Close, "then closes");
}

#[test]
fn y_deletes_and_anything_else_cancels() {
    let mut b = Browser::new(entries());
    assert_eq!(b.key(key(KeyCode::Char('d'))), Outcome::Stay);
    assert_eq!(b.pending_delete(), Some("light-3"));
    assert_eq!(b.key(key(KeyCode::Char('n'))), Outcome::Stay);
    assert_eq!(b.pending_delete(), None);
    assert_eq!(visible_ids(&b).len(), 5);

    b.key(key(KeyCode::Char('d')));
    assert_eq!(
        b.key(key(KeyCode::Enter)),
        Outcome::Stay,
        "Enter cancels, too"
    );
    assert_eq!(b.pending_delete(), None);

    b.key(key(KeyCode::Char('d')));
    assert_eq!(
        b.key(key(KeyCode::Char('y'))),
        Outcome::Delete("light-3".into())
    );
    assert_eq!(b.pending_delete(), None);
    b.remove("light-3");
    assert_eq!(visible_ids(&b), ["trees-1", "light-2", "light-1", "broken"]);
    assert_eq!(selected_id(&b), Some("trees-1"));
}

#[test]
fn enter_opens_e_exports_and_q_closes() {
    let mut b = Browser::new(entries());
    assert_eq!(
        press(&mut b, &[KeyCode::Down, KeyCode::Enter]),
        Outcome::Open("trees-1".into())
    );
    assert_eq!(
        b.key(key(KeyCode::Char('e'))),
        Outcome::Export("trees-1".into())
    );
    assert_eq!(b.key(key(KeyCode::Char('q'))), Outcome::Close);
    assert_eq!(
        b.key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)),
        Outcome::Close
    );
}

#[test]
fn an_unreadable_row_cannot_be_opened_deleted_or_exported() {
    let mut b = Browser::new(entries());
    press(&mut b, &[KeyCode::End]);
    assert_eq!(selected_id(&b), Some("broken"));
    assert_eq!(b.key(key(KeyCode::Enter)), Outcome::Stay);
    assert_eq!(b.key(key(KeyCode::Char('d'))), Outcome::Stay);
    assert_eq!(b.pending_delete(), None);
    assert_eq!(
        b.key(key(KeyCode::Char('y'))),
        Outcome::Stay,
        "no question was asked"
    );
    assert_eq!(b.key(key(KeyCode::Char('e'))), Outcome::Stay);
    assert!(b.history().is_empty());
}

#[test]
fn history_holds_every_attempt_on_the_same_passage_oldest_first() {
    let mut b = Browser::new(entries());
    let ids = |b: &Browser| -> Vec<String> { b.history().iter().map(|e| e.id.clone()).collect() };
    assert_eq!(ids(&b), ["light-1", "light-2", "light-3"]);
    press(&mut b, &[KeyCode::Down]);
    assert_eq!(ids(&b), ["trees-1"]);
    b.key(key(KeyCode::Char('/')));
    type_text(&mut b, "lasting");
    assert_eq!(visible_ids(&b), ["light-3"]);
    assert_eq!(
        ids(&b),
        ["light-1", "light-2", "light-3"],
        "the filter hides rows, not history"
    );
}

#[test]
fn moving_stops_at_the_ends_and_pages() {
    let mut b = Browser::new(entries());
    press(&mut b, &[KeyCode::Up]);
    assert_eq!(selected_id(&b), Some("light-3"));
    press(&mut b, &[KeyCode::PageDown]);
    assert_eq!(selected_id(&b), Some("broken"));
    press(&mut b, &[KeyCode::Down]);
    assert_eq!(selected_id(&b), Some("broken"));
    press(&mut b, &[KeyCode::PageUp]);
    assert_eq!(selected_id(&b), Some("light-3"));
    press(&mut b, &[KeyCode::End, KeyCode::Home]);
    assert_eq!(selected_id(&b), Some("light-3"));
}

#[test]
fn a_small_area_asks_for_more_room() {
    let browser = Browser::new(entries());
    let text = screen(&browser, 30, 8);
    assert!(text.contains("Enlarge the window"), "{text}");
}
