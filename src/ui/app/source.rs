//! The source being summarised: its analysis, its name and where it came
//! from; a large one is first analysed only as far as its opening.

use crate::analysis::SourceAnalysis;
use crate::analysis::words::CountingOptions;
use crate::store::Origin;

/// The source being summarised: the analysis and where it came from.
#[derive(Debug)]
pub struct Source {
    /// The analysed text: the whole of it, or only its opening while the
    /// whole is analysed on another thread (see [`Source::opening`]).
    pub analysis: SourceAnalysis,
    /// What the pane's title shows.
    pub name: String,
    /// Where it came from, for the draft.
    pub origin: Origin,
    /// The whole text, while `analysis` covers only its opening.
    pub(super) whole: Option<String>,
}

/// From this many bytes, a source opened in the editor is first drawn from
/// an analysis of its opening, and analysed in full on another thread: the
/// student sees the passage at once, and the counts and checks follow. The
/// opening holds more text than the largest screen shows (16 KB is 160×100
/// cells), and takes about a millisecond to analyse.
pub const LARGE_SOURCE: usize = 16 << 10;

impl Source {
    /// A source from its text; the name is its `# Heading`, else `fallback`.
    pub fn from_text(
        text: String,
        origin: Origin,
        counting: CountingOptions,
        fallback: &str,
    ) -> Self {
        let analysis = SourceAnalysis::new(text, counting);
        let name = analysis
            .title()
            .map_or_else(|| fallback.to_string(), str::to_string);
        Source {
            analysis,
            name,
            origin,
            whole: None,
        }
    }

    /// For a text of more than [`LARGE_SOURCE`] bytes, a source analysed
    /// only as far as its opening (cut at a line break), which is all the
    /// first screen shows; it keeps the whole text, so that a draft saved
    /// meanwhile loses nothing. `None` for a smaller text.
    pub fn opening(
        text: &str,
        origin: Origin,
        counting: CountingOptions,
        fallback: &str,
    ) -> Option<Self> {
        if text.len() <= LARGE_SOURCE {
            return None;
        }
        let mut cut = LARGE_SOURCE;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let cut = text[..cut].rfind('\n').unwrap_or(cut);
        let mut source = Self::from_text(text[..cut].to_string(), origin, counting, fallback);
        source.whole = Some(text.to_string());
        Some(source)
    }

    /// Whether only the opening is analysed yet: counts and checks would
    /// be about part of the passage, so they are not shown.
    pub fn is_partial(&self) -> bool {
        self.whole.is_some()
    }

    /// The whole text of the source.
    pub fn text(&self) -> &str {
        self.whole.as_deref().unwrap_or(self.analysis.text())
    }

    /// A built-in passage, by id or number.
    pub fn built_in(id: &str, counting: CountingOptions) -> Option<Self> {
        let p = crate::passages::find(id)?;
        Some(Self::from_text(
            p.text.to_string(),
            Origin::BuiltIn {
                id: p.id.to_string(),
            },
            counting,
            p.id,
        ))
    }
}
