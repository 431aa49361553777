//! Keys while a layer covers the editor: the help, the passage picker, the
//! drafts browser, the confirmations and the spelling suggestions.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::update::scroll_key;
use super::{App, Effect, Overlay};
use crate::ui::browser;

impl App {
    pub(super) fn overlay_key(&mut self, key: KeyEvent) -> Vec<Effect> {
        match &mut self.overlay {
            Overlay::None => Vec::new(),
            Overlay::Help => {
                let ctrl_g =
                    key.code == KeyCode::Char('g') && key.modifiers.contains(KeyModifiers::CONTROL);
                if matches!(key.code, KeyCode::Esc | KeyCode::F(1)) || ctrl_g {
                    self.overlay = Overlay::None;
                } else {
                    let page = self.size.1.saturating_sub(6);
                    scroll_key(&self.help_scroll, key.code, page);
                }
                Vec::new()
            }
            Overlay::Spelling(_) => self.corrections_key(key),
            Overlay::ConfirmSubmit => {
                self.overlay = Overlay::None;
                if matches!(key.code, KeyCode::Char('y' | 'Y')) {
                    self.submit(self.now);
                    self.tell("Submitted. Here is your review.", false);
                    return vec![Effect::Save];
                }
                Vec::new()
            }
            Overlay::ConfirmQuit => {
                self.overlay = Overlay::None;
                if matches!(key.code, KeyCode::Char('y' | 'Y')) {
                    return vec![Effect::SaveAndQuit];
                }
                Vec::new()
            }
            Overlay::ConfirmExam(opening, picker) => {
                if matches!(key.code, KeyCode::Char('y' | 'Y')) {
                    let opening = opening.clone();
                    self.overlay = Overlay::None;
                    return vec![Effect::StartExam(opening)];
                }
                self.overlay = Overlay::Picker(std::mem::take(picker));
                Vec::new()
            }
            Overlay::SaveAs(path) => match key.code {
                KeyCode::Esc => {
                    self.overlay = Overlay::None;
                    Vec::new()
                }
                KeyCode::Char('q') if key.modifiers.contains(KeyModifiers::CONTROL) => {
                    vec![Effect::QuitAnyway]
                }
                KeyCode::Enter if !path.trim().is_empty() => {
                    vec![Effect::WriteTo(path.trim().to_string())]
                }
                KeyCode::Backspace => {
                    path.pop();
                    Vec::new()
                }
                KeyCode::Char(c)
                    if !key
                        .modifiers
                        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
                {
                    path.push(c);
                    Vec::new()
                }
                _ => Vec::new(),
            },
            Overlay::Browser(browser, _) => match browser.key(key) {
                browser::Outcome::Stay => Vec::new(),
                browser::Outcome::Close if self.exit_with_browser => vec![Effect::SaveAndQuit],
                browser::Outcome::Close => {
                    self.overlay = Overlay::None;
                    Vec::new()
                }
                browser::Outcome::Open(id) => vec![Effect::OpenDraft(id)],
                browser::Outcome::Delete(id) => vec![Effect::DeleteDraft(id)],
                browser::Outcome::Export(id) => vec![Effect::ExportDraft(id)],
            },
            Overlay::Picker(picker) => match picker.key(key) {
                crate::ui::picker::Outcome::Stay => Vec::new(),
                crate::ui::picker::Outcome::Close => {
                    self.overlay = Overlay::None;
                    Vec::new()
                }
                crate::ui::picker::Outcome::Open(opening) => {
                    self.overlay = Overlay::None;
                    vec![Effect::Open(opening)]
                }
                crate::ui::picker::Outcome::Exam(opening) => {
                    let picker = std::mem::take(picker);
                    self.overlay = Overlay::ConfirmExam(opening, picker);
                    Vec::new()
                }
                crate::ui::picker::Outcome::OpenNew(opening) => {
                    self.overlay = Overlay::None;
                    vec![Effect::OpenNew(opening)]
                }
                crate::ui::picker::Outcome::Complete(typed) => vec![Effect::CompletePath(typed)],
            },
        }
    }
}
