//! The exam presets: which rules about titles and declared counts a précis
//! is held to. Both the engine (to check) and the report (to say which
//! rules applied) name them, so they live apart from either.

use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// An exam's rules about titles and declared counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Preset {
    /// Pakistan's CSS/PMS: a title of 3 to 8 words is required, and so is a
    /// declared word count.
    #[default]
    Css,
    /// India's UPSC: no title allowed.
    Upsc,
    /// No title rule.
    Plain,
}

impl Preset {
    /// The preset's name, as `--preset` takes it.
    pub fn name(self) -> &'static str {
        match self {
            Preset::Css => "css",
            Preset::Upsc => "upsc",
            Preset::Plain => "plain",
        }
    }
}

impl FromStr for Preset {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "css" | "pms" => Ok(Preset::Css),
            "upsc" => Ok(Preset::Upsc),
            "plain" => Ok(Preset::Plain),
            other => Err(format!(
                "unknown preset '{other}' (expected css, upsc or plain)"
            )),
        }
    }
}
