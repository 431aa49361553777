//! Colours and emphasis. Only the terminal's own palette is used (no fixed
//! RGB), and only the colours that read on light, dark and Solarized
//! backgrounds alike: red, green, magenta and cyan. Yellow is unreadable on
//! a light background, blue on a dark one, and colour 8 (bright black) is
//! the background itself in Solarized Dark, so none of them is used: quiet
//! text is dim, warnings are magenta, and a count still short of the band is
//! bold in the terminal's own colour. With `NO_COLOR` set, emphasis comes
//! from underline, bold, dim and reverse video alone.

use ratatui::style::{Color, Modifier, Style};

use super::marks::MarkKind;
use crate::analysis::target::LengthStatus;

/// The colour of warnings: magenta reads on light, dark and Solarized
/// backgrounds, where yellow does not.
const WARNING: Color = Color::Magenta;

/// The styles the editor draws with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    color: bool,
}

impl Theme {
    /// Colour unless `NO_COLOR` is set to a non-empty value.
    pub fn from_env() -> Self {
        Self {
            color: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
        }
    }

    /// A theme with or without colour.
    pub fn new(color: bool) -> Self {
        Self { color }
    }

    fn fg(&self, c: Color) -> Style {
        if self.color {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    }

    /// A marked span of text.
    pub fn mark(&self, kind: MarkKind) -> Style {
        let underline = Style::new().add_modifier(Modifier::UNDERLINED);
        match kind {
            MarkKind::WrongFigure => self
                .fg(Color::Red)
                .patch(underline)
                .add_modifier(Modifier::BOLD),
            MarkKind::Error => self.fg(Color::Red).patch(underline),
            MarkKind::UnknownFigure => self
                .fg(WARNING)
                .patch(underline)
                .add_modifier(Modifier::BOLD),
            MarkKind::Copied => self.fg(Color::Magenta).patch(underline),
            // Italic as well as underlined: told apart from figures and
            // copied words without colour.
            MarkKind::Misspelt => self
                .fg(Color::Red)
                .patch(underline)
                .add_modifier(Modifier::ITALIC),
            MarkKind::Variant => Style::new().add_modifier(Modifier::ITALIC | Modifier::DIM),
            MarkKind::Warning => self.fg(WARNING).patch(underline),
            MarkKind::Info => underline.add_modifier(Modifier::DIM),
        }
    }

    /// A figure of the source, when every figure is shown.
    pub fn figure(&self) -> Style {
        if self.color {
            Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        }
    }

    /// The source place a chosen flag points at.
    pub fn chosen(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    /// A pane's border: bold and coloured when it has focus.
    pub fn border(&self, focused: bool) -> Style {
        if focused {
            self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::DIM)
        }
    }

    /// The title field's border, which turns red or yellow with a title problem.
    pub fn title_border(
        &self,
        focused: bool,
        problem: Option<crate::analysis::report::Severity>,
    ) -> Style {
        use crate::analysis::report::Severity;
        match problem {
            Some(Severity::Error) => self.fg(Color::Red).add_modifier(if focused {
                Modifier::BOLD
            } else {
                Modifier::empty()
            }),
            Some(Severity::Warning) => self.fg(WARNING).add_modifier(if focused {
                Modifier::BOLD
            } else {
                Modifier::empty()
            }),
            _ => self.border(focused),
        }
    }

    /// The length gauge and count: under the band in the terminal's own
    /// colour (a précis on its way is no warning), green within, red over.
    pub fn length(&self, status: LengthStatus) -> Style {
        match status {
            LengthStatus::Under => Style::new(),
            LengthStatus::Within => self.fg(Color::Green),
            LengthStatus::Over => self.fg(Color::Red),
        }
        .add_modifier(Modifier::BOLD)
    }

    /// Errors in the status bar and flag list.
    pub fn error(&self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }

    /// Warnings in the status bar and flag list.
    pub fn warning(&self) -> Style {
        self.fg(WARNING)
    }

    /// Good news: within band, saved.
    pub fn good(&self) -> Style {
        self.fg(Color::Green)
    }

    /// Quiet text: hints, info.
    pub fn dim(&self) -> Style {
        Style::new().add_modifier(Modifier::DIM)
    }

    /// A key name in the footer and help.
    pub fn key(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }

    /// The chosen row of a list.
    pub fn selected(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    /// Placeholder text in an empty field (the text widget's own default,
    /// colour 8, vanishes in Solarized Dark).
    pub fn placeholder() -> Style {
        Style::new().add_modifier(Modifier::DIM)
    }

    /// Selected text in a field (the text widget's own default, a light
    /// blue background, hides Solarized's text and every colour under
    /// `NO_COLOR`).
    pub fn selection() -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }
}
