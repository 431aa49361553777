//! The full-screen editor: the source beside the précis, with the report
//! shown live. `app` holds state and `update`; each region has a plain draw
//! function; `runtime` owns the terminal and carries out effects.

pub mod app;
pub mod browser;
pub mod echo;
pub mod editing;
pub mod editor_pane;
pub mod exam_dialogs;
pub mod fit;
pub mod flags_panel;
pub mod help;
pub mod keys;
pub mod layout;
pub mod marks;
pub mod messages;
pub mod model_pane;
pub mod note;
pub mod picker;
pub mod quiet_backend;
pub mod review_panel;
pub mod runtime;
pub mod source_pane;
pub mod spelling;
pub mod status_bar;
pub mod theme;
pub mod wrap;

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use app::{App, Overlay};
use theme::Theme;

/// Draws the whole screen for `app`.
pub fn render(frame: &mut Frame, app: &App, theme: &Theme) {
    let area = frame.area();
    app.remember(|a| a.cursor = None);
    let panel = if app.review_open {
        layout::Panel::Review
    } else if app.flags_open {
        layout::Panel::Flags
    } else {
        layout::Panel::None
    };
    // A message longer than the bottom row takes up to three rows, the
    // panes giving way until the next key; in a window too short for that,
    // it is shortened to one.
    let note_rows = app
        .note
        .as_ref()
        .map_or(1, |n| note::rows(n, area.width))
        .max(1);
    let extra = if area.height >= layout::MIN_HEIGHT + note_rows - 1 {
        note_rows - 1
    } else {
        0
    };
    let panes = ratatui::layout::Rect {
        height: area.height - extra,
        ..area
    };
    let Some(areas) = layout::split(panes, panel, app.title_field_shown()) else {
        // No field is on screen: nothing may be typed into one.
        app.remember(|a| *a = app::Areas::default());
        let message = format!(
            "Enlarge the window: précis needs at least {}×{} (now {}×{}). Your text is safe.",
            layout::MIN_WIDTH,
            layout::MIN_HEIGHT,
            area.width,
            area.height
        );
        let [row] = Layout::vertical([Constraint::Length(3)])
            .flex(Flex::Center)
            .areas(area);
        frame.render_widget(
            Paragraph::new(Line::raw(message))
                .wrap(Wrap { trim: true })
                .centered(),
            row,
        );
        return;
    };
    match app.model_shown() {
        Some(model) => model_pane::render(frame, areas.source, app, model, theme),
        None => source_pane::render(frame, areas.source, app, theme),
    }
    if app.title_field_shown() {
        editor_pane::render_title(frame, areas.title, app, theme);
    } else {
        app.remember(|a| a.title = ratatui::layout::Rect::default());
    }
    editor_pane::render_body(frame, areas.body, app, theme);
    match (areas.flags, app.exam) {
        (Some(bottom), Some(timing)) if app.review_open => {
            let review = review_panel::Review {
                report: &app.report,
                preset: app.settings.preset,
                timing,
                timeline: &app.timeline,
            };
            app.remember(|a| a.flags = bottom);
            let focused = app.focus == app::Focus::Flags;
            review_panel::render(frame, bottom, &review, &app.review_scroll, focused, theme);
            model_pane::render_hint(frame, bottom, app, theme);
        }
        (Some(flags), _) => flags_panel::render(frame, flags, app, theme),
        (None, _) => {}
    }
    status_bar::render(frame, areas.status, app, theme);
    let footer = ratatui::layout::Rect {
        height: areas.footer.height + extra,
        ..areas.footer
    };
    status_bar::render_footer(frame, footer, app, theme);
    match &app.overlay {
        Overlay::None => {}
        Overlay::Help => help::render(frame, area, &app.help_scroll, theme),
        Overlay::Picker(p) => picker::render(frame, area, p, theme),
        Overlay::SaveAs(path) => help::render_save_as(frame, area, app, path, theme),
        Overlay::ConfirmSubmit => exam_dialogs::render_submit(frame, area, app, theme),
        Overlay::ConfirmQuit => exam_dialogs::render_quit(frame, area, app, theme),
        Overlay::ConfirmExam(opening, _) => {
            exam_dialogs::render_start(frame, area, app, opening, theme);
        }
        Overlay::Spelling(choice) => spelling::render(frame, area, choice, theme),
        Overlay::Browser(b, opened) => {
            frame.render_widget(ratatui::widgets::Clear, area);
            browser::render(frame, area, b, theme, *opened);
        }
    }
}
