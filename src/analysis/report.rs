//! The report: everything the engine found, in the shape every view (the
//! `check` command, the editor, the drafts store) consumes. Its JSON form is
//! a stable contract for scripts: field names and flag kinds do not change.

use serde::Serialize;

use super::coverage::SentenceCoverage;
use super::preset::Preset;
use super::readability::Readability;
use super::target::LengthStatus;

/// The version of the JSON report's shape.
pub const REPORT_VERSION: u32 = 1;

/// How serious a flag is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Costs marks for certain.
    Error,
    /// Likely to cost marks.
    Warning,
    /// Worth knowing; costs nothing by itself.
    Info,
}

/// What a flag is about; the snake_case names are stable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FlagKind {
    /// The body is longer than the band allows.
    TooLong,
    /// The body is shorter than the band allows.
    TooShort,
    /// The preset wants a title and there is none.
    MissingTitle,
    /// The preset forbids a title and there is one.
    TitleNotAllowed,
    /// The title is outside 3 to 8 words.
    TitleLength,
    /// The declared word count is missing or wrong.
    DeclaredCount,
    /// First person outside quotations.
    FirstPerson,
    /// A contraction such as `they've`.
    Contraction,
    /// A direct quotation.
    DirectQuote,
    /// A question or exclamation.
    QuestionOrExclamation,
    /// More than one paragraph.
    MultipleParagraphs,
    /// Six or more consecutive words copied from the source.
    CopiedPhrase,
    /// A figure the source states differently.
    NumberMismatch,
    /// A figure the source does not mention at all.
    NumberNotInSource,
    /// The source's figure in another currency or unit.
    NumberUnitMismatch,
    /// One of the source's key points that the précis does not cover.
    UncoveredPoint,
    /// A précis sentence of more than 35 words.
    LongSentence,
    /// A content word used many times in the précis.
    Repetition,
    /// A word the dictionary does not know (and the source does not use).
    Spelling,
    /// A word spelt the other variety's way (`color` in British English).
    SpellingVariant,
    /// A phrase with a shorter form (`due to the fact that` → `because`).
    WordyPhrase,
}

impl FlagKind {
    /// The stable snake_case name, as in the JSON report.
    pub fn name(self) -> &'static str {
        match self {
            FlagKind::TooLong => "too_long",
            FlagKind::TooShort => "too_short",
            FlagKind::MissingTitle => "missing_title",
            FlagKind::TitleNotAllowed => "title_not_allowed",
            FlagKind::TitleLength => "title_length",
            FlagKind::DeclaredCount => "declared_count",
            FlagKind::FirstPerson => "first_person",
            FlagKind::Contraction => "contraction",
            FlagKind::DirectQuote => "direct_quote",
            FlagKind::QuestionOrExclamation => "question_or_exclamation",
            FlagKind::MultipleParagraphs => "multiple_paragraphs",
            FlagKind::CopiedPhrase => "copied_phrase",
            FlagKind::NumberMismatch => "number_mismatch",
            FlagKind::NumberNotInSource => "number_not_in_source",
            FlagKind::NumberUnitMismatch => "number_unit_mismatch",
            FlagKind::UncoveredPoint => "uncovered_point",
            FlagKind::LongSentence => "long_sentence",
            FlagKind::Repetition => "repetition",
            FlagKind::Spelling => "spelling",
            FlagKind::SpellingVariant => "spelling_variant",
            FlagKind::WordyPhrase => "wordy_phrase",
        }
    }

    /// Whether the flag is about a figure.
    pub fn is_number(self) -> bool {
        matches!(
            self,
            FlagKind::NumberMismatch | FlagKind::NumberNotInSource | FlagKind::NumberUnitMismatch
        )
    }
}

/// A located piece of text: byte offsets and the 1-based line and
/// character column where it starts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Located {
    /// The text as written.
    pub text: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// Byte offset of the start.
    pub start: usize,
    /// Byte offset just past the end.
    pub end: usize,
}

/// One finding, located in the précis.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Flag {
    /// What the flag is about.
    pub kind: FlagKind,
    /// How serious it is.
    pub severity: Severity,
    /// The flagged text as written (empty for a missing part).
    pub text: String,
    /// 1-based line in the précis.
    pub line: usize,
    /// 1-based column in the précis, in characters.
    pub column: usize,
    /// Byte offset of the start in the précis.
    pub start: usize,
    /// Byte offset just past the end in the précis.
    pub end: usize,
    /// What is wrong and what to do, for a student.
    pub message: String,
    /// The replacement to consider (the source's figure, a contraction's
    /// expansion), when there is one.
    pub suggestion: Option<String>,
    /// The related place in the source (the matching figure, the copied
    /// phrase), when there is one.
    pub source: Option<Located>,
}

/// The source passage in brief.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SourceSummary {
    /// Word count (a `# Heading` title line excluded).
    pub words: usize,
    /// The `# Heading` title, when the source has one.
    pub title: Option<String>,
}

/// The précis in brief.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PrecisSummary {
    /// Word count of the body (title and declared count excluded).
    pub words: usize,
    /// The title, when there is one.
    pub title: Option<String>,
    /// Word count of the title.
    pub title_words: usize,
    /// The count the student declared at the end, when there is one.
    pub declared_words: Option<usize>,
    /// Whether the declared count was written as approximate
    /// (`(about 95 words)`, `(95 words approx)`).
    pub declared_approx: bool,
    /// The 1-based line of the précis read as its title, when there is one.
    pub title_line: Option<usize>,
    /// Byte offset where the body starts.
    pub body_start: usize,
    /// Byte offset where the body ends.
    pub body_end: usize,
    /// Share of body words inside copied phrases, 0 to 1.
    pub copied_share: f64,
}

/// The length target and where the précis stands.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TargetSummary {
    /// The target word count.
    pub words: usize,
    /// The band's lower end.
    pub min: usize,
    /// The band's upper end.
    pub max: usize,
    /// Under, within or over the band.
    pub status: LengthStatus,
    /// Précis words minus target words.
    pub difference: i64,
    /// How far outside the band the précis is (0 within it).
    pub outside_band_by: usize,
}

/// How a précis figure fared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NumberStatus {
    /// The source states it.
    Matches,
    /// See [`FlagKind::NumberMismatch`].
    NumberMismatch,
    /// See [`FlagKind::NumberNotInSource`].
    NumberNotInSource,
    /// See [`FlagKind::NumberUnitMismatch`].
    NumberUnitMismatch,
}

/// A précis figure and its verdict.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NumberCheck {
    /// Where the figure stands in the précis.
    #[serde(flatten)]
    pub at: Located,
    /// The verdict.
    pub status: NumberStatus,
    /// The source figure it matched or was compared with.
    pub source: Option<Located>,
    /// That source figure's place among the source's distinct figures.
    #[serde(skip)]
    pub fact: Option<usize>,
}

/// The figures of both texts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NumbersSummary {
    /// Every précis figure with its verdict.
    pub precis: Vec<NumberCheck>,
    /// Source figures the précis leaves out (fine: examiners expect data to
    /// be dropped), for information.
    pub source_unused: Vec<Located>,
}

/// How much of the source the précis covers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CoverageSummary {
    /// The share of the passage's content conveyed, 0 to 1: each
    /// sentence's weight, in full when covered and half when partly.
    pub overall: f64,
    /// Every source sentence with content words, in source order.
    pub sentences: Vec<SentenceCoverage>,
    /// How coverage was measured (see the README).
    pub method: &'static str,
    /// Whether coverage was measured for this report (the editor measures
    /// it when typing pauses, not on every key).
    #[serde(skip)]
    pub measured: bool,
}

impl CoverageSummary {
    /// Coverage not measured (yet).
    pub fn not_measured() -> Self {
        Self {
            overall: 0.0,
            sentences: Vec::new(),
            method: super::coverage::METHOD,
            measured: false,
        }
    }
}

/// How readable the précis is, beside the source.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReadabilitySummary {
    /// The précis body.
    pub precis: Readability,
    /// The source passage.
    pub source: Readability,
}

/// How many flags of each severity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Errors.
    pub errors: usize,
    /// Warnings.
    pub warnings: usize,
    /// Information.
    pub infos: usize,
}

/// Everything the engine found about one précis of one source.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// The shape's version, [`REPORT_VERSION`].
    pub report_version: u32,
    /// The preset the rules came from.
    pub preset: Preset,
    /// The source in brief.
    pub source: SourceSummary,
    /// The précis in brief.
    pub precis: PrecisSummary,
    /// The length target.
    pub target: TargetSummary,
    /// Every finding, in précis order.
    pub flags: Vec<Flag>,
    /// Every figure and its verdict.
    pub numbers: NumbersSummary,
    /// What of the source the précis covers.
    pub coverage: CoverageSummary,
    /// Sentence lengths and reading grades of both texts.
    pub readability: ReadabilitySummary,
    /// Flags by severity.
    pub summary: Counts,
    /// How many words the flagged wordy phrases would save (not in the
    /// JSON: each `wordy_phrase` message says what its phrase saves).
    #[serde(skip)]
    pub wordy_savings: usize,
}

impl Counts {
    /// How many of `flags` are of each severity.
    pub fn of(flags: &[Flag]) -> Self {
        let mut n = Self::default();
        for f in flags {
            match f.severity {
                Severity::Error => n.errors += 1,
                Severity::Warning => n.warnings += 1,
                Severity::Info => n.infos += 1,
            }
        }
        n
    }
}

impl Report {
    /// This report (made without coverage) with `coverage` measured for an
    /// earlier version of the text, and its `left_out` flags placed at the
    /// end of this version's body (`at` gives that place's line and
    /// column): what the editor shows while typing, until it measures
    /// coverage again.
    pub fn graft_coverage(
        &mut self,
        coverage: &CoverageSummary,
        left_out: &[Flag],
        at: (usize, usize),
    ) {
        self.coverage = coverage.clone();
        let end = self.precis.body_end;
        self.flags.extend(left_out.iter().map(|f| Flag {
            start: end,
            end,
            text: String::new(),
            line: at.0,
            column: at.1,
            ..f.clone()
        }));
        self.flags.sort_by_key(|f| (f.start, f.severity, f.kind));
        self.summary = Counts::of(&self.flags);
    }

    /// Whether anything at warning level or above was found.
    pub fn has_findings(&self) -> bool {
        self.summary.errors + self.summary.warnings > 0
    }
}
