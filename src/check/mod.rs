//! The `precis check` command: read both texts, analyse, print the report as
//! text or JSON, and say through the exit code whether anything was found.

mod json;
mod text;

use std::io::Write;

use crate::analysis::report::Report;
use crate::analysis::spelling::{Language, Speller};
use crate::analysis::words::CountingOptions;
use crate::analysis::{Settings, analyse_with};
use crate::input::{self, InputError};

pub use json::to_json;
pub use text::render;

/// What `check` was asked to do.
#[derive(Debug, Clone)]
pub struct CheckOptions {
    /// Path of the source passage, or `-`.
    pub source: String,
    /// Path of the précis, or `-`.
    pub precis: String,
    /// Print JSON instead of text.
    pub json: bool,
    /// The rules to check against.
    pub settings: Settings,
    /// How words are counted.
    pub counting: CountingOptions,
    /// Replace invalid UTF-8 instead of refusing it.
    pub lossy: bool,
    /// British or American spelling, or none.
    pub spelling: Language,
    /// The student's own words, never flagged as misspelt.
    pub words: Vec<String>,
}

/// How a check ended, for the exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// No errors or warnings.
    Clean,
    /// Errors or warnings were found.
    Findings,
}

/// Runs the check and prints the report to `out`, and to `notes` (standard
/// error) a hint when the arguments look swapped.
pub fn run(
    options: &CheckOptions,
    out: &mut dyn Write,
    notes: &mut dyn Write,
) -> Result<Outcome, CheckError> {
    if options.source == "-" && options.precis == "-" {
        return Err(InputError::StdinTwice.into());
    }
    let source = input::read_source(&options.source, options.lossy)?;
    let precis = input::read_text(&options.precis, options.lossy)?;
    let speller = Speller::new(options.spelling, &options.words);
    let report = analyse_with(
        source,
        &precis,
        &options.settings,
        options.counting,
        &speller,
    );
    if options.json {
        writeln!(out, "{}", to_json(&report))?;
    } else {
        render(&report, out)?;
    }
    if let Some(hint) = swapped_hint(&report) {
        // A hint that cannot be shown changes nothing in the report.
        let _ = writeln!(notes, "{hint}");
    }
    Ok(if report.has_findings() {
        Outcome::Findings
    } else {
        Outcome::Clean
    })
}

/// A hint for a précis longer than its source, which is almost always the
/// two files given the wrong way round.
fn swapped_hint(report: &Report) -> Option<String> {
    (report.precis.words > report.source.words).then(|| {
        format!(
            "precis: hint: the précis ({} words) is longer than its source ({} words); \
             if the files are swapped, give the source first: precis check SOURCE PRECIS",
            report.precis.words, report.source.words
        )
    })
}

/// Why `check` could not produce a report.
#[derive(Debug, thiserror::Error)]
pub enum CheckError {
    /// An input file was unusable.
    #[error(transparent)]
    Input(#[from] InputError),
    /// The report could not be written (a closed pipe, a full disk).
    #[error("cannot write the report: {0}")]
    Output(#[from] std::io::Error),
}
