//! Snapshots of the rendered editor (ratatui's TestBackend + insta): the
//! wide and stacked layouts, a terminal too small, a wrong figure marked in
//! both panes (`^` rows show underlined cells), the flags panel and help.

mod common;

use common::{app_on, ctrl, drawn, key, screen, type_text};
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
    let buf = drawn(&app, 120, 40, true);
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

/// The rows of the précis body as drawn at `width`×`height`.
fn body_rows(app: &precis::ui::app::App, width: u16, height: u16) -> Vec<String> {
    let text = screen(app, width, height);
    let lines: Vec<Vec<char>> = text
        .lines()
        .filter(|l| !l.trim_start().starts_with('^'))
        .map(|l| l.chars().collect())
        .collect();
    let top = lines
        .iter()
        .position(|l| l.iter().collect::<String>().contains("Précis ·"))
        .expect("the body's box");
    let left = lines[top]
        .iter()
        .rposition(|&c| c == '┌')
        .expect("its corner");
    let right = lines[top]
        .iter()
        .rposition(|&c| c == '┐')
        .expect("its corner");
    lines[top + 1..]
        .iter()
        .take_while(|l| l.get(left) != Some(&'└'))
        .map(|l| l[left + 1..right.min(l.len())].iter().collect())
        .collect()
}

#[test]
fn wrapped_rows_never_start_with_a_space_or_a_closing_mark() {
    let mut app = app_on("silk-road");
    type_text(
        &mut app,
        "Trade, faith and plague moved together. Goods went hand to hand; ideas travelled further, farther than silk (and spices). Merchants rarely crossed the whole route: a few hundred miles each, at most. The routes declined after 1500, yet their lesson endures, for every link carries risk as well as reward.",
    );
    let mut rows_seen = 0;
    for width in 40..=130u16 {
        for row in body_rows(&app, width, 40) {
            if row.trim().is_empty() {
                continue;
            }
            rows_seen += 1;
            assert!(
                !row.starts_with(' '),
                "{width}: a row starts with a space: {row:?}"
            );
            let first = row.chars().next().unwrap_or('x');
            assert!(
                !matches!(first, '.' | ',' | ';' | ':' | ')'),
                "{width}: a row starts with a closing mark: {row:?}"
            );
        }
    }
    assert!(rows_seen > 300, "{rows_seen} rows looked at");
}

#[test]
fn after_a_resize_the_body_is_laid_out_again_with_the_cursor_in_view() {
    let mut app = app_on("narrow-tax-base");
    let sentence = "Revenue stays low because farming and retail escape tax while salaried staff carry the load. ";
    type_text(&mut app, &sentence.repeat(60));
    screen(&app, 80, 24);
    app.update(precis::ui::app::Action::Resize(39, 11));
    screen(&app, 39, 11);
    app.update(precis::ui::app::Action::Resize(160, 50));
    let rows = body_rows(&app, 160, 50);
    let empty = rows.iter().filter(|r| r.trim().is_empty()).count();
    assert!(
        empty <= 1,
        "{empty} empty rows in a full body:\n{}",
        rows.join("\n")
    );
    assert!(
        rows.iter().any(|r| r.contains("carry the load.")),
        "the cursor's line is in view"
    );
}

#[test]
fn a_selection_shows_without_colour() {
    let mut app = app_on("silk-road");
    type_text(&mut app, "Caravans carried faiths");
    for _ in 0..6 {
        app.update(precis::ui::app::Action::Key(
            ratatui::crossterm::event::KeyEvent::new(
                KeyCode::Left,
                ratatui::crossterm::event::KeyModifiers::SHIFT,
            ),
        ));
    }
    let buf = drawn(&app, 120, 40, false);
    let row = (0..40)
        .find(|&y| {
            (0..120)
                .map(|x| buf[(x, y)].symbol())
                .collect::<String>()
                .contains("Caravans carried faiths")
        })
        .expect("the body row");
    let reversed: String = (0..120)
        .filter(|&x| {
            buf[(x, row)]
                .modifier
                .contains(ratatui::style::Modifier::REVERSED)
        })
        .map(|x| buf[(x, row)].symbol())
        .collect();
    assert!(reversed.starts_with("faiths"), "reversed: {reversed:?}");
}
