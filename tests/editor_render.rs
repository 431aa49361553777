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
    insta::assert_snapshot!("help_80x24", screen(&app, 80, 24));
}

#[test]
fn every_source_figure_can_be_highlighted() {
    let mut app = app_on("silk-road");
    app.update(ctrl('n'));
    let text = screen(&app, 120, 30);
    assert!(text.lines().any(|l| l.contains('^')), "{text}");
    insta::assert_snapshot!(text);
}

/// The gutter's two cells (the bar, and `•` for a key point) beside the
/// source row that starts with `row_start`.
fn gutter_beside(screen: &str, row_start: &str) -> (char, char) {
    let line = screen
        .lines()
        .find(|l| l.contains(row_start))
        .unwrap_or_else(|| panic!("no row with {row_start:?}:\n{screen}"));
    let at = line.find(row_start).expect("row");
    let mut cells = line[..at].chars().skip(1);
    (cells.next().expect("bar"), cells.next().expect("key mark"))
}

#[test]
fn the_source_gutter_follows_coverage_as_the_precis_changes() {
    let mut app = app_on("silk-road");
    let pending = screen(&app, 120, 40);
    assert_eq!(gutter_beside(&pending, "Silk was only one of the").0, '·');
    assert!(pending.contains("coverage…"), "{pending}");
    app.measure_coverage();
    let before = screen(&app, 120, 40);
    assert_eq!(
        gutter_beside(&before, "Silk was only one of the").0,
        '░',
        "{before}"
    );
    assert!(before.contains("covered 0%"), "{before}");
    // In other words: goods and ideas, not the passage's own phrases.
    type_text(
        &mut app,
        "Besides silk, caravans carried spice, glassware, mounts, paper and bullion both ways.",
    );
    let typed = screen(&app, 120, 40);
    assert_eq!(
        gutter_beside(&typed, "Silk was only one of the").0,
        '░',
        "coverage waits for a pause in typing"
    );
    app.measure_coverage();
    let after = screen(&app, 120, 40);
    assert_eq!(
        gutter_beside(&after, "Spices, glass, horses").0,
        '█',
        "{after}"
    );
    assert!(!after.contains("covered 0%"), "{after}");
    insta::assert_snapshot!(after);
}

#[test]
fn key_points_are_marked_and_never_dim() {
    let mut app = app_on("silk-road");
    app.measure_coverage();
    let theme = precis::ui::theme::Theme::new(true);
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 40)).expect("terminal");
    terminal
        .draw(|f| precis::ui::render(f, &app, &theme))
        .expect("draws");
    let buf = terminal.backend().buffer();
    let keys: Vec<u16> = (0..40).filter(|&y| buf[(2, y)].symbol() == "•").collect();
    assert!(keys.len() >= 3, "key points are marked");
    for y in keys {
        let bar = &buf[(1, y)];
        assert!(
            !bar.modifier.contains(ratatui::style::Modifier::DIM),
            "row {y}: a key point's bar is not dim"
        );
    }
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
