//! Snapshots of the rendered editor (ratatui's TestBackend + insta): the
//! wide and stacked layouts, a terminal too small, a wrong figure marked in
//! both panes (`^` rows show underlined cells), the flags panel and help.

mod common;

use common::{app_on, ctrl, key, screen, type_text};
use ratatui::crossterm::event::KeyCode;

const PRECIS: &str = "Revenue from taxes stays between 9 and 12 percent of output, far below what public services need.";

#[test]
fn wide_layout_with_a_wrong_figure_marked() {
    let mut app = app_on("narrow-tax-base");
    app.update(key(KeyCode::Up));
    type_text(&mut app, "A Narrow Base Starves States");
    app.update(key(KeyCode::Enter));
    type_text(&mut app, PRECIS);
    app.update(ctrl('f'));
    app.update(key(KeyCode::Enter));
    insta::assert_snapshot!(screen(&app, 120, 40));
}

#[test]
fn narrow_layout_stacks_the_panes() {
    let mut app = app_on("silk-road");
    type_text(
        &mut app,
        "Trade along the routes carried faiths, inventions and diseases as well as silk.",
    );
    insta::assert_snapshot!(screen(&app, 80, 30));
}

#[test]
fn too_small_terminal_asks_for_more_room() {
    let app = app_on("silk-road");
    insta::assert_snapshot!(screen(&app, 30, 10));
}

#[test]
fn help_overlay_lists_the_keys() {
    let mut app = app_on("silk-road");
    app.update(key(KeyCode::F(1)));
    insta::assert_snapshot!(screen(&app, 100, 30));
}

#[test]
fn every_source_figure_can_be_highlighted() {
    let mut app = app_on("silk-road");
    app.update(ctrl('n'));
    let text = screen(&app, 120, 30);
    assert!(text.lines().any(|l| l.contains('^')), "{text}");
    insta::assert_snapshot!(text);
}

/// The gutter cell beside the source row that starts with `row_start`.
fn gutter_beside(screen: &str, row_start: &str) -> char {
    let line = screen
        .lines()
        .find(|l| l.contains(row_start))
        .unwrap_or_else(|| panic!("no row with {row_start:?}:\n{screen}"));
    let at = line.find(row_start).expect("row");
    line[..at].trim_end().chars().last().expect("gutter cell")
}

#[test]
fn the_source_gutter_follows_coverage_as_the_precis_changes() {
    let mut app = app_on("silk-road");
    let before = screen(&app, 120, 40);
    assert_eq!(
        gutter_beside(&before, "Silk was only one of the"),
        '░',
        "{before}"
    );
    assert!(before.contains("covered 0%"), "{before}");
    type_text(
        &mut app,
        "Silk was only one commodity moving along these routes; spices, glass, horses, paper and metals travelled both ways.",
    );
    let after = screen(&app, 120, 40);
    assert_eq!(
        gutter_beside(&after, "Silk was only one of the"),
        '█',
        "{after}"
    );
    assert!(!after.contains("covered 0%"), "{after}");
    insta::assert_snapshot!(after);
}

#[test]
fn the_source_is_redrawn_when_it_scrolls_and_reused_when_it_does_not() {
    let mut app = app_on("silk-road");
    let first = screen(&app, 120, 20);
    type_text(&mut app, "Silk");
    let typed = screen(&app, 120, 20);
    let left = |s: &str| {
        s.lines()
            .map(|l| l.chars().take(57).collect::<String>())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        left(&first)[1..10],
        left(&typed)[1..10],
        "typing leaves the source as it was"
    );
    app.update(key(KeyCode::Tab));
    app.update(key(KeyCode::Down));
    let scrolled = screen(&app, 120, 20);
    assert_ne!(left(&typed)[1], left(&scrolled)[1], "{scrolled}");
    assert_eq!(left(&typed)[2], left(&scrolled)[1], "one row down");
    app.update(key(KeyCode::Up));
    assert_eq!(left(&screen(&app, 120, 20))[1..10], left(&typed)[1..10]);
}
