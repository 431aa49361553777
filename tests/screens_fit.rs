//! Every screen at 80×24 and at 100×30, as a student sees it: the editor
//! in practice, while an exam is read and written, and in its review; the
//! flags panel, the help, the passage picker, the drafts browser, the
//! save-as prompt and the submit question. Each is an insta snapshot (`^`
//! rows show underlined cells) in which nothing is cut: bars and titles
//! give up their least important parts by design. Every screen is also
//! checked for colours that do not read on light, dark or Solarized
//! backgrounds, and, without colour, for the underline, bold and reverse
//! video that carry the meaning instead.

mod common;

use std::time::Duration;

use common::{app_on, ctrl, key, picture, type_text};
use jiff::Timestamp;
use jiff::tz::TimeZone;
use precis::analysis::Settings;
use precis::analysis::words::CountingOptions;
use precis::exam::{Feedback, clock};
use precis::store::{DraftStore, Mode};
use precis::ui::app::{Action, App, Focus, Overlay, Source, Start};
use precis::ui::browser::{Browser, Entry};
use precis::ui::picker::Picker;
use precis::ui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, MouseEvent, MouseEventKind};
use ratatui::style::{Color, Modifier};

/// The two sizes every screen is drawn at.
const SIZES: [(u16, u16); 2] = [(80, 24), (100, 30)];

/// A précis on the tax passage with a wrong figure (12 for 11), first
/// person, a figure the source does not state and a title.
const TAX: &str = "We learn that revenue from taxes stays between 9 and 12 percent of \
output, far below what public services need, and 7,777 villages pay nothing.";

fn at(s: i64) -> Timestamp {
    Timestamp::from_second(s).expect("timestamp")
}

/// A practice draft on the tax passage, titled, with `TAX` typed, its
/// coverage measured and saved at 12:03.
fn practice() -> App {
    let mut app = app_on("narrow-tax-base");
    app.update(key(KeyCode::Up));
    type_text(&mut app, "A Narrow Base Starves States");
    app.update(key(KeyCode::Enter));
    type_text(&mut app, TAX);
    app.measure_coverage();
    app.saved(Ok("12:03".into()));
    app
}

/// An exam on the unplanned-city passage started at 0: a minute's reading,
/// then 35 minutes' writing; the clock at `now`.
fn exam(now: i64) -> App {
    let source = Source::built_in("unplanned-city", CountingOptions::default()).expect("passage");
    let mut start = Start::fresh(source, Settings::default(), at(0));
    start.mode = Mode::Exam;
    start.exam = Some(clock::start(
        at(0),
        Some(Duration::from_secs(60)),
        Duration::from_secs(35 * 60),
    ));
    let mut app = App::new(start, CountingOptions::default(), (80, 24));
    app.feedback = Feedback::Counts;
    app.reanalyse();
    app.tick(at(0));
    app.tick(at(now));
    app
}

/// An exam being written, at 12:30 left, with a few sentences typed and
/// saved.
fn writing() -> App {
    let mut app = exam(60 + 22 * 60 + 30);
    type_text(
        &mut app,
        "Informal Cities Need Services\nPoor migrants build their own homes when cities fail \
         them, and upgrading costs far less than demolition, as I think the 1980 Orangi project \
         showed.",
    );
    app.tick(at(60 + 22 * 60 + 31));
    app.saved(Ok("12:03".into()));
    app
}

/// The exam above, handed in with `Ctrl+E` at 31:05 into the writing.
fn submitted() -> App {
    let mut app = writing();
    app.tick(at(60 + 31 * 60 + 5));
    app.update(ctrl('e'));
    app.update(key(KeyCode::Char('y')));
    app.saved(Ok("12:36".into()));
    app.note = None;
    app
}

/// Drafts on two built-in passages, one of them a submitted exam, listed
/// as the browser lists them.
fn entries() -> Vec<Entry> {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = DraftStore::open(dir.path()).expect("store");
    let mut exam = submitted().to_draft(at(60 + 31 * 60 + 5));
    exam.id = "exam-1".into();
    store.save(&exam).expect("save");
    let mut draft = practice().to_draft(at(5_000));
    draft.id = "practice-1".into();
    store.save(&draft).expect("save");
    let mut again = practice().to_draft(at(9_000));
    again.id = "practice-2".into();
    again.body.push_str(" Reform must widen the base.");
    store.save(&again).expect("save");
    store
        .list()
        .iter()
        .map(|l| Entry::from_listed(l, &TimeZone::UTC, at(10_000)))
        .collect()
}

/// Every screen, by name, as the app that shows it.
fn screens() -> Vec<(&'static str, App)> {
    let mut flags = practice();
    flags.update(ctrl('f'));
    let mut help = practice();
    help.update(key(KeyCode::F(1)));
    let mut picker = practice();
    picker.overlay = Overlay::Picker(Picker::default());
    let mut browser = practice();
    browser.overlay = Overlay::Browser(Box::new(Browser::new(entries())), at(10_000));
    let mut save_as = practice();
    save_as.saved(Err("Read-only file system (os error 30)".into()));
    save_as.note = None;
    save_as.overlay = Overlay::SaveAs("/home/student/precis-20260309-120312-4f2a.txt".to_string());
    let mut submit = writing();
    submit.update(ctrl('e'));
    vec![
        ("practice", practice()),
        ("exam_reading", exam(20)),
        ("exam_writing", writing()),
        ("review", submitted()),
        ("flags", flags),
        ("help", help),
        ("picker", picker),
        ("browser", browser),
        ("save_as", save_as),
        ("submit", submit),
    ]
}

/// Draws `app` at `width`×`height` with `theme` and returns the buffer.
fn buffer(app: &App, width: u16, height: u16, theme: Theme) -> ratatui::buffer::Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    terminal
        .draw(|f| precis::ui::render(f, app, &theme))
        .expect("draws");
    terminal.backend().buffer().clone()
}

#[test]
fn every_screen_at_80x24_and_100x30() {
    for (name, app) in screens() {
        for (w, h) in SIZES {
            let shown = picture(w, h, |f| precis::ui::render(f, &app, &Theme::new(true)));
            insta::assert_snapshot!(format!("{name}_{w}x{h}"), shown);
        }
    }
}

/// Colours that do not read everywhere: yellow on a light background, blue
/// on a dark one, and colour 8, which is Solarized Dark's background.
fn unreadable(c: Color) -> bool {
    matches!(
        c,
        Color::Yellow
            | Color::LightYellow
            | Color::Blue
            | Color::LightBlue
            | Color::DarkGray
            | Color::Indexed(8)
            | Color::Gray
            | Color::White
            | Color::Black
    )
}

#[test]
fn no_screen_uses_a_colour_that_vanishes_on_some_theme() {
    for (name, app) in screens() {
        for (w, h) in SIZES {
            let buf = buffer(&app, w, h, Theme::new(true));
            for cell in buf.content() {
                assert!(
                    !unreadable(cell.fg) && !unreadable(cell.bg),
                    "{name} {w}×{h}: {:?} on {:?} at {:?}",
                    cell.fg,
                    cell.bg,
                    cell.symbol()
                );
            }
        }
    }
}

#[test]
fn without_colour_emphasis_stays_in_underline_bold_and_reverse() {
    for (name, app) in screens() {
        let buf = buffer(&app, 100, 30, Theme::new(false));
        for cell in buf.content() {
            assert_eq!(
                (cell.fg, cell.bg),
                (Color::Reset, Color::Reset),
                "{name}: a colour under NO_COLOR at {:?}",
                cell.symbol()
            );
        }
        let has = |m: Modifier| buf.content().iter().any(|c| c.modifier.contains(m));
        assert!(has(Modifier::REVERSED), "{name}: reverse video");
        assert!(has(Modifier::BOLD), "{name}: bold");
        if name == "practice" {
            assert!(has(Modifier::UNDERLINED), "{name}: marks underlined");
        }
    }
}

/// The last row of `screen` holding `needle` (for " words", the status
/// bar, which is below every pane).
fn row_with<'a>(screen: &'a str, needle: &str) -> &'a str {
    screen
        .lines()
        .rfind(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("no row with {needle:?}:\n{screen}"))
}

/// The number just before `word` in `row` (`✗ 5 flags` → 5).
fn number_before(row: &str, word: &str) -> usize {
    let at = row
        .find(word)
        .unwrap_or_else(|| panic!("{word:?} in {row}"));
    row[..at]
        .trim_end()
        .rsplit(|c: char| !c.is_ascii_digit())
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("a number before {word:?} in {row}"))
}

#[test]
fn the_status_bar_and_the_flags_panel_count_the_same_flags() {
    let mut app = practice();
    app.update(ctrl('f'));
    for (w, h) in SIZES {
        let shown = common::screen(&app, w, h);
        let status = row_with(&shown, " words");
        let panel = row_with(&shown, "Flags (");
        let flags = number_before(status, " flags");
        let listed = panel
            .split("Flags (")
            .nth(1)
            .and_then(|r| r.split(')').next())
            .and_then(|n| n.parse::<usize>().ok())
            .expect("the panel's count");
        assert_eq!(flags, listed, "{w}×{h}:\n{shown}");
        assert!(panel.contains("notes"), "notes are counted apart: {panel}");
    }
    // 12 percent is a wrong figure; 7,777 only a figure to check.
    let shown = common::screen(&app, 100, 30);
    assert!(
        row_with(&shown, " words").contains("✗ 1 figure "),
        "a warning is no figure error:\n{shown}"
    );
}

#[test]
fn the_flags_panel_opens_on_its_first_flag_and_marks_the_chosen_one() {
    let mut app = practice();
    app.update(ctrl('f'));
    app.update(key(KeyCode::Down));
    app.update(key(KeyCode::Down));
    assert_eq!(app.flag_selected, 2);
    app.update(key(KeyCode::Esc));
    app.update(ctrl('f'));
    assert_eq!(app.flag_selected, 0, "reopened on its first flag");
    let shown = common::screen(&app, 100, 30);
    let chosen: Vec<&str> = shown.lines().filter(|l| l.contains("│› ")).collect();
    assert_eq!(chosen.len(), 1, "{shown}");
    // Away from the panel, the choice is still marked.
    app.update(key(KeyCode::Down));
    app.update(key(KeyCode::Enter));
    assert_ne!(app.focus, Focus::Flags);
    let shown = common::screen(&app, 100, 30);
    assert_eq!(shown.lines().filter(|l| l.contains("│› ")).count(), 1);
}

#[test]
fn saved_shows_only_once_something_was_saved() {
    let mut app = app_on("silk-road");
    app.tell(
        "drafts cannot be saved: Permission denied (os error 13)",
        true,
    );
    for (w, h) in SIZES {
        let shown = common::screen(&app, w, h);
        assert!(!row_with(&shown, " words").contains("saved"), "{shown}");
        assert!(shown.contains("drafts cannot be saved"), "{shown}");
    }
    type_text(&mut app, "Silk");
    assert!(row_with(&common::screen(&app, 80, 24), " words").contains("unsaved"));
    app.saved(Err("Permission denied (os error 13)".into()));
    assert!(row_with(&common::screen(&app, 80, 24), " words").contains("NOT SAVED"));
    app.saved(Ok("12:03".into()));
    assert!(row_with(&common::screen(&app, 100, 30), " words").contains("saved 12:03"));
}

#[test]
fn a_long_note_wraps_instead_of_being_cut() {
    let mut app = app_on("silk-road");
    let problem = "/home/student/.config/precis/config.toml: line 2 (ratio): ratio '3' must \
                   be more than 0 and at most 1; using the defaults";
    app.tell(problem, true);
    let shown = common::screen(&app, 80, 24);
    let rows: Vec<&str> = shown.lines().rev().take(2).collect();
    assert!(rows[0].ends_with("using the defaults"), "{shown}");
    assert!(rows[1].starts_with("/home/student"), "{shown}");
    assert!(shown.contains(" words"), "the status bar stays: {shown}");
}

#[test]
fn the_review_scrolls_with_keys_and_the_wheel_and_closes_with_esc() {
    let mut app = submitted();
    app.update(Action::Resize(80, 24));
    assert_eq!(app.focus, Focus::Flags, "the review has the keys");
    let top = common::screen(&app, 80, 24);
    assert!(top.contains("Esc close") && top.contains("more"), "{top}");
    app.update(key(KeyCode::Down));
    assert_eq!(app.review_scroll.get(), 1);
    app.update(key(KeyCode::PageDown));
    common::screen(&app, 80, 24);
    let paged = app.review_scroll.get();
    assert!(paged > 1);
    app.update(key(KeyCode::End));
    let end = common::screen(&app, 80, 24);
    assert!(end.contains("deadline") && end.contains(" end "), "{end}");
    let inside = app.areas.get().flags;
    let wheel = |kind| {
        Action::Mouse(MouseEvent {
            kind,
            column: inside.x + 2,
            row: inside.y + 2,
            modifiers: ratatui::crossterm::event::KeyModifiers::NONE,
        })
    };
    let last = app.review_scroll.get();
    app.update(wheel(MouseEventKind::ScrollUp));
    assert_eq!(app.review_scroll.get(), last - 3, "the wheel scrolls it");
    // Ctrl+F shows its flags instead, and again the review.
    app.update(ctrl('f'));
    assert!(common::screen(&app, 80, 24).contains("Ctrl+F review"));
    app.update(ctrl('f'));
    assert!(app.review_open);
    app.update(key(KeyCode::Esc));
    assert!(!app.review_open && !app.flags_open);
    assert!(!common::screen(&app, 80, 24).contains("Exam review"));
}
