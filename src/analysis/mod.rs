//! The analysis engine: pure functions from text to [`Report`]. No terminal,
//! no files, no clock: the same report feeds the `check` command, the editor
//! and the drafts store.
//!
//! The source is analysed once ([`SourceAnalysis::new`]); each version of the
//! précis is then analysed against it ([`SourceAnalysis::analyse`]) in time
//! proportional to the précis, which is what the editor does per keystroke.

pub mod concision;
pub mod copied;
pub mod coverage;
pub mod names;
pub mod numbers;
pub mod preset;
pub mod readability;
pub mod report;
pub mod spelling;
pub mod stopwords;
pub mod structure;
pub mod style;
pub mod target;
pub mod words;

use std::ops::Range;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use serde::{Deserialize, Serialize};

use crate::text::lines::LineIndex;
use copied::{ShingleBuilder, Shingles};
use coverage::SourceCoverage;
use numbers::{Facts, Quantity, Verdict};
use report::{
    Counts, CoverageSummary, Flag, FlagKind, Located, NumberCheck, NumberStatus, NumbersSummary,
    PrecisSummary, REPORT_VERSION, ReadabilitySummary, Report, Severity, SourceSummary,
    TargetSummary,
};
use spelling::{Problem, Speller};
use style::Finding;
use target::{LengthStatus, Target, TargetRule};
use words::CountingOptions;

pub use preset::Preset;

/// The rules a précis is checked against.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    /// Title and declared-count rules.
    pub preset: Preset,
    /// How the target length is set.
    pub target: TargetRule,
    /// Half-width of the band as a fraction of the target (0.05 for ±5%).
    pub tolerance: f64,
}

impl Default for Settings {
    /// CSS rules with the coaching rule: one-third of the source, ±5%.
    fn default() -> Self {
        Self::for_preset(Preset::default())
    }
}

impl Settings {
    /// The coaching rule: one-third of the source, ±5%.
    pub const DEFAULT_TOLERANCE: f64 = 0.05;

    /// Settings for `preset` with the default target and tolerance.
    pub fn for_preset(preset: Preset) -> Self {
        Self {
            preset,
            target: TargetRule::default(),
            tolerance: Self::DEFAULT_TOLERANCE,
        }
    }
}

/// Précis sentences longer than this many words are flagged.
pub const LONG_SENTENCE: usize = 35;

/// How many distinct misspelt word forms get a correction computed in one
/// analysis (each takes up to tens of milliseconds); past them, only
/// corrections already known are given.
const CORRECTED_WORDS: usize = 40;

/// How many uncovered key points are flagged, the heaviest first.
const UNCOVERED_SHOWN: usize = 3;

/// How many uses of one content word are flagged as repetition in a body of
/// `words` words: five, or more in a long précis (one per 40 words).
fn repeats_flagged(words: usize) -> usize {
    (words / 40).max(5)
}

/// Whether a declared count agrees with the body's `words`: exactly, or
/// for a count written as approximate, within the length band's margin
/// (5%, at least 2 words).
fn declared_fits(d: &structure::Declared, words: usize) -> bool {
    if d.approx {
        let margin = target::band_margin(d.words, Settings::DEFAULT_TOLERANCE);
        d.words.abs_diff(words) <= margin
    } else {
        d.words == words
    }
}

/// A title's accepted length in words.
pub const TITLE_WORDS: std::ops::RangeInclusive<usize> = 3..=8;

/// Everything about the source that précis checks need, computed once.
#[derive(Debug)]
pub struct SourceAnalysis {
    text: String,
    counting: CountingOptions,
    words: usize,
    title: Option<Range<usize>>,
    /// Where the passage starts (after a `# Heading` line).
    body_start: usize,
    facts: Facts,
    /// Where each fact first stands, located once.
    fact_at: Vec<Located>,
    /// The full copied-phrase index, built on the first [`Self::analyse`].
    shingles: OnceLock<Shingles>,
    /// The sentence index for coverage, built on the first [`Self::analyse`].
    coverage: OnceLock<SourceCoverage>,
    lines: LineIndex,
    /// The spelling check précis are analysed with.
    speller: Speller,
}

impl SourceAnalysis {
    /// Analyses a source passage; a first `# Heading` line is its title and
    /// is not counted.
    pub fn new(text: String, counting: CountingOptions) -> Self {
        let measured = Measured::of(&text, counting);
        let lines = LineIndex::new(&text);
        Self::from_measured(text, counting, measured, lines)
    }

    fn from_measured(
        text: String,
        counting: CountingOptions,
        m: Measured,
        lines: LineIndex,
    ) -> Self {
        let fact_at = m
            .facts
            .figures
            .iter()
            .map(|f| locate(&text, &lines, f.span.clone()))
            .collect();
        Self {
            text,
            counting,
            words: m.words,
            title: m.title,
            body_start: m.body_start,
            facts: m.facts,
            fact_at,
            shingles: OnceLock::new(),
            coverage: OnceLock::new(),
            lines,
            speller: Speller::default(),
        }
    }

    /// Checks spelling with `speller` from now on (the default is British
    /// English with no words of the student's own, waiting for the
    /// dictionary and computing suggestions).
    pub fn set_speller(&mut self, speller: Speller) {
        self.speller = speller;
    }

    /// The spelling check précis are analysed with.
    pub fn speller(&self) -> &Speller {
        &self.speller
    }

    /// The source's sentences indexed for coverage, built on first use.
    fn coverage(&self) -> &SourceCoverage {
        self.coverage.get_or_init(|| {
            SourceCoverage::new(
                &self.text,
                self.body_start..self.text.len(),
                self.title(),
                &coverage::figure_places(&self.facts),
            )
        })
    }

    /// The source text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The source's word count.
    pub fn words(&self) -> usize {
        self.words
    }

    /// The source's `# Heading` title, when it has one.
    pub fn title(&self) -> Option<&str> {
        self.title.clone().map(|r| &self.text[r])
    }

    /// Where the passage starts: after the `# Heading` line, if any.
    pub fn passage_start(&self) -> usize {
        self.body_start
    }

    /// Every figure in the source, for highlighting.
    pub fn figures(&self) -> impl Iterator<Item = Range<usize>> + '_ {
        self.facts.spans.iter().flatten().cloned()
    }

    fn locate(&self, range: Range<usize>) -> Located {
        locate(&self.text, &self.lines, range)
    }

    /// Analyses a précis against this source under `settings`. The first
    /// call indexes the source's phrases and sentences, so that later calls
    /// (one per keystroke in the editor) take time in proportion to the
    /// précis.
    pub fn analyse(&self, precis: &str, settings: &Settings) -> Report {
        self.analyse_scoped(precis, settings, Scope::Full)
    }

    /// [`Self::analyse`], measuring coverage or not (see [`Scope`]).
    pub fn analyse_scoped(&self, precis: &str, settings: &Settings, scope: Scope) -> Report {
        let index = self
            .shingles
            .get_or_init(|| Shingles::new(&self.text, self.body_start..self.text.len()));
        PrecisCheck::new(self, index, self.coverage(), precis, settings, scope).run()
    }
}

/// What one walk over the source finds, before the source is stored.
struct Measured {
    words: usize,
    title: Option<Range<usize>>,
    body_start: usize,
    facts: Facts,
}

impl Measured {
    /// Counts the words of the passage on one thread while this one reads
    /// the figures of the whole text; both then read what is left of them.
    fn of(text: &str, counting: CountingOptions) -> Self {
        let (body_start, title) = source_heading(text);
        let (facts, words) = figures_beside(text, || {
            let mut count = WordCount::new(counting);
            for t in words::tokens(&text[body_start..]) {
                count.push(t.text);
            }
            count.words
        });
        Self {
            words,
            title,
            body_start,
            facts,
        }
    }
}

/// Bytes of source whose figures are read as one piece (see
/// [`numbers::pieces`]): large enough that putting the pieces' facts
/// together costs little, small enough for two threads to share a large
/// source's figures evenly whatever else each has to do.
const FIGURE_PIECE: usize = 256 * 1024;

/// Reads the figures of the whole text, its heading included, on this
/// thread and on a second one that first runs `other`: each reads the next
/// piece not yet taken until none is left. Returns the facts, the same as
/// one reading of the whole, and what `other` returned.
fn figures_beside<T: Send>(text: &str, other: impl FnOnce() -> T + Send) -> (Facts, T) {
    let pieces = numbers::pieces(text, FIGURE_PIECE);
    let next = AtomicUsize::new(0);
    let read = || {
        let mut read = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(piece) = pieces.get(i) else {
                return read;
            };
            let mut extractor = numbers::Extractor::into_sink(text, numbers::Grouping::default());
            for t in words::tokens(&text[piece.clone()]) {
                extractor.push(piece.start + t.start, piece.start + t.end);
            }
            read.push((i, extractor.finish()));
        }
    };
    let (mine, (theirs, returned)) = std::thread::scope(|scope| {
        let second = scope.spawn(|| {
            let returned = other();
            (read(), returned)
        });
        let mine = read();
        let theirs = second
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (mine, theirs)
    });
    let mut read: Vec<(usize, numbers::Grouping)> = mine.into_iter().chain(theirs).collect();
    read.sort_unstable_by_key(|&(i, _)| i);
    let mut facts = numbers::Grouping::default();
    for (_, piece) in read {
        facts.absorb(piece);
    }
    (facts.finish(), returned)
}

/// The words of a passage, counted token by token under the counting
/// options.
struct WordCount {
    counting: CountingOptions,
    default: bool,
    words: usize,
}

impl WordCount {
    fn new(counting: CountingOptions) -> Self {
        Self {
            counting,
            default: counting == CountingOptions::default(),
            words: 0,
        }
    }

    /// Counts the next token, if it is a word.
    fn push(&mut self, token: &str) {
        if words::is_word(token) {
            self.words += if self.default {
                1
            } else {
                words::word_weight(token, self.counting)
            };
        }
    }
}

/// Where a source's passage starts, after its `# Heading` title line if any.
fn source_heading(text: &str) -> (usize, Option<Range<usize>>) {
    match structure::heading(text) {
        Some((line, title)) => (line.end, Some(title)),
        None => (0, None),
    }
}

/// Analyses `precis` against `source` in one go: the same report as
/// [`SourceAnalysis::analyse`], but only the phrases this précis could have
/// copied are indexed. A second thread walks the source for its words,
/// those phrases and its sentences, indexes its lines and readies the word
/// vectors coverage needs, while this one reads its figures; then both
/// read the figures left.
pub fn analyse(
    source: String,
    precis: &str,
    settings: &Settings,
    counting: CountingOptions,
) -> Report {
    analyse_with(source, precis, settings, counting, &Speller::default())
}

/// [`analyse`] with the spelling check `speller` (a language, the
/// student's own words); the dictionary loads on a thread of its own while
/// the source is read.
pub fn analyse_with(
    source: String,
    precis: &str,
    settings: &Settings,
    counting: CountingOptions,
    speller: &Speller,
) -> Report {
    let body = structure::parse(precis).body;
    let (body_start, heading) = source_heading(&source);
    let title = heading.clone().map(|r| &source[r]);
    let (facts, (index, walked, lines, words)) = std::thread::scope(|scope| {
        scope.spawn(|| speller.load());
        figures_beside(&source, || {
            let mut shingles = ShingleBuilder::for_precis(precis, body);
            let mut sentences = coverage::SentenceWalk::new(&source);
            let mut count = WordCount::new(counting);
            for t in words::tokens(&source[body_start..]) {
                let (start, end) = (body_start + t.start, body_start + t.end);
                count.push(t.text);
                shingles.push(&source, start, end);
                sentences.push(start, end);
            }
            let lines = LineIndex::new(&source);
            coverage::vectors::Vectors::get();
            (
                shingles.finish(),
                sentences.finish(title),
                lines,
                count.words,
            )
        })
    });
    let measured = Measured {
        words,
        title: heading,
        body_start,
        facts,
    };
    let sentences = SourceCoverage::index(walked, &coverage::figure_places(&measured.facts));
    let mut analysis = SourceAnalysis::from_measured(source, counting, measured, lines);
    analysis.set_speller(speller.clone());
    let report =
        PrecisCheck::new(&analysis, &index, &sentences, precis, settings, Scope::Full).run();
    if analysis.text().len() >= FREED_APART_FROM {
        // Where no thread can be had, it is freed here after all.
        let _ = std::thread::Builder::new().spawn(move || drop((analysis, index, sentences)));
    }
    report
}

/// Bytes of source from which its analysis is freed on a thread of its
/// own once the report is made: the figures, phrases and sentences of
/// megabytes take longer to free than to read a page of them, and the
/// caller (a command about to print and exit) need not wait for it.
const FREED_APART_FROM: usize = 1 << 20;

fn locate(text: &str, lines: &LineIndex, range: Range<usize>) -> Located {
    let pos = lines.position(text, range.start);
    Located {
        text: text[range.clone()].to_string(),
        line: pos.line,
        column: pos.column,
        start: range.start,
        end: range.end,
    }
}

/// The figure as a student would read it: `\$65` shown as `$65`, on one line.
fn shown(text: &str) -> String {
    crate::text::sanitize::one_line(&text.replace("\\$", "$"))
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The verdict on précis figure `m` against the source's `facts`; for a
/// wrong range with one bound right (`from 5.3 to 9.1 million` where the
/// source states 3.5 and 9.1 million apart), the wrong bound and its
/// verdict alone. A range against a source range stays whole.
fn judged<'m>(
    m: &'m numbers::Mention,
    facts: &[numbers::Mention],
) -> (&'m numbers::Mention, Verdict) {
    let verdict = numbers::judge(m, facts);
    let against_range = |i: usize| matches!(facts[i].quantity, Quantity::Range { .. });
    match verdict {
        Verdict::Mismatch(i) if !against_range(i) => {}
        Verdict::NotInSource => {}
        _ => return (m, verdict),
    }
    let [low, high] = m.bounds.as_slice() else {
        return (m, verdict);
    };
    match (numbers::judge(low, facts), numbers::judge(high, facts)) {
        (Verdict::Match(_), Verdict::Match(_)) => (m, verdict),
        (Verdict::Match(_), wrong) => (high, wrong),
        (wrong, Verdict::Match(_)) => (low, wrong),
        _ => (m, verdict),
    }
}

/// Words as a reader lists them: `“a”`, `“a” or “b”`, `“a”, “b” or “c”`.
fn quoted_list(words: &[String]) -> String {
    let quoted: Vec<String> = words.iter().map(|w| format!("“{w}”")).collect();
    match quoted.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
        None => String::new(),
    }
}

/// What an analysis measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Everything, coverage included.
    Full,
    /// Everything but coverage, which the editor measures when typing
    /// pauses rather than on every key.
    WithoutCoverage,
}

/// Bytes of précis body from which readability, spelling and concision run
/// on a second thread beside the other rules: each half of the check of a draft of
/// several megabytes takes about as long as the other, and below this a
/// thread costs more than it saves.
const SECOND_THREAD_FROM: usize = 64 * 1024;

/// What the first rules of a check measure, besides their flags.
struct FirstFound {
    title_words: usize,
    numbers: NumbersSummary,
    copied_share: f64,
    coverage: CoverageSummary,
}

/// What the last rules of a check measure, besides their flags.
struct LastFound {
    readability: ReadabilitySummary,
    wordy_savings: usize,
}

/// One précis being checked: the state shared by the rules.
struct PrecisCheck<'a> {
    source: &'a SourceAnalysis,
    /// The source's phrase index (complete, or enough for this précis).
    index: &'a Shingles,
    coverage: &'a SourceCoverage,
    text: &'a str,
    settings: &'a Settings,
    scope: Scope,
    lines: LineIndex,
    parts: structure::PrecisParts,
    flags: Vec<Flag>,
}

impl<'a> PrecisCheck<'a> {
    fn new(
        source: &'a SourceAnalysis,
        index: &'a Shingles,
        coverage: &'a SourceCoverage,
        text: &'a str,
        settings: &'a Settings,
        scope: Scope,
    ) -> Self {
        Self {
            source,
            index,
            coverage,
            text,
            settings,
            scope,
            lines: LineIndex::new(text),
            parts: structure::parse(text),
            flags: Vec::new(),
        }
    }

    fn flag(
        &mut self,
        kind: FlagKind,
        severity: Severity,
        range: Range<usize>,
        message: String,
    ) -> &mut Flag {
        let at = locate(self.text, &self.lines, range);
        self.flags.push(Flag {
            kind,
            severity,
            text: at.text,
            line: at.line,
            column: at.column,
            start: at.start,
            end: at.end,
            message,
            suggestion: None,
            source: None,
        });
        let last = self.flags.len() - 1;
        &mut self.flags[last]
    }

    fn run(self) -> Report {
        self.run_split_from(SECOND_THREAD_FROM)
    }

    /// [`Self::run`], with the last rules on a second thread for a body of
    /// `split_from` bytes or more.
    fn run_split_from(mut self, split_from: usize) -> Report {
        let counting = self.source.counting;
        let body = self.parts.body.clone();
        let words = words::count_words(&self.text[body.clone()], counting);
        let target = Target::new(
            self.source.words,
            self.settings.target,
            self.settings.tolerance,
        );
        let status = target.status(words);
        let (first, last) = if body.len() < split_from {
            let first = self.first_rules(&target, words);
            (first, self.last_rules(words, status))
        } else {
            let last = self.without_flags();
            let (first, (found, flags)) = std::thread::scope(|scope| {
                let run_last = |mut last: Self| {
                    let found = last.last_rules(words, status);
                    (found, last.flags)
                };
                let second =
                    std::thread::Builder::new().spawn_scoped(scope, move || run_last(last));
                let first = self.first_rules(&target, words);
                let last = match second {
                    Ok(second) => second
                        .join()
                        .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
                    // No second thread to be had: the last rules run here.
                    Err(_) => run_last(self.without_flags()),
                };
                (first, last)
            });
            self.flags.extend(flags);
            (first, found)
        };
        let FirstFound {
            title_words,
            numbers,
            copied_share,
            coverage,
        } = first;
        let LastFound {
            readability,
            wordy_savings,
        } = last;
        self.flags.sort_by_key(|f| (f.start, f.severity, f.kind));
        let summary = Counts::of(&self.flags);
        Report {
            report_version: REPORT_VERSION,
            preset: self.settings.preset,
            source: SourceSummary {
                words: self.source.words,
                title: self.source.title().map(str::to_string),
            },
            precis: PrecisSummary {
                words,
                title: self.parts.title.clone().map(|r| self.text[r].to_string()),
                title_words,
                declared_words: self.parts.declared.as_ref().map(|d| d.words),
                declared_approx: self.parts.declared.as_ref().is_some_and(|d| d.approx),
                title_line: self
                    .parts
                    .title
                    .as_ref()
                    .map(|r| self.lines.position(self.text, r.start).line),
                body_start: body.start,
                body_end: body.end,
                copied_share,
            },
            target: TargetSummary {
                words: target.words,
                min: target.min,
                max: target.max,
                status,
                difference: words as i64 - target.words as i64,
                outside_band_by: match status {
                    LengthStatus::Under => target.min - words,
                    LengthStatus::Within => 0,
                    LengthStatus::Over => words - target.max,
                },
            },
            flags: self.flags,
            numbers,
            coverage,
            readability,
            summary,
            wordy_savings,
        }
    }

    /// The rules up to coverage, in the order their flags are listed
    /// before sorting; what they measure.
    fn first_rules(&mut self, target: &Target, words: usize) -> FirstFound {
        self.length(target, words);
        let title_words = self.title();
        self.declared(words);
        self.style();
        let (numbers, figures, matched) = self.numbers();
        let copied_share = self.copied(words, &figures);
        let coverage = match self.scope {
            Scope::Full => self.coverage(&matched),
            Scope::WithoutCoverage => CoverageSummary::not_measured(),
        };
        FirstFound {
            title_words,
            numbers,
            copied_share,
            coverage,
        }
    }

    /// The rules after coverage, which depend on none before them:
    /// readability, spelling and concision. Returns what they measure.
    fn last_rules(&mut self, words: usize, status: LengthStatus) -> LastFound {
        let readability = ReadabilitySummary {
            precis: self.readability(words),
            source: self.coverage.readability(),
        };
        self.spelling();
        let wordy_savings = self.concision(status);
        LastFound {
            readability,
            wordy_savings,
        }
    }

    /// The same check with no flags yet, for the last rules to run on
    /// another thread: their flags are listed after the first rules'.
    fn without_flags(&self) -> Self {
        Self {
            source: self.source,
            index: self.index,
            coverage: self.coverage,
            text: self.text,
            settings: self.settings,
            scope: self.scope,
            lines: self.lines.clone(),
            parts: self.parts.clone(),
            flags: Vec::new(),
        }
    }

    fn length(&mut self, target: &Target, words: usize) {
        let band = format!(
            "{}–{} band (target {})",
            target.min, target.max, target.words
        );
        let body = self.parts.body.clone();
        match target.status(words) {
            LengthStatus::Within => {}
            LengthStatus::Under => {
                let msg = format!("{words} words: {} short of the {band}", target.min - words);
                self.flag(FlagKind::TooShort, Severity::Error, body.end..body.end, msg);
            }
            LengthStatus::Over => {
                let counting = self.source.counting;
                let mut seen = 0;
                let excess = words::words(&self.text[body.clone()])
                    .find(|w| {
                        seen += words::word_weight(w.text, counting);
                        seen > target.max
                    })
                    .map_or(body.end, |w| body.start + w.start);
                let msg = format!(
                    "{words} words: {} over the {band}; the excess starts here",
                    words - target.max
                );
                self.flag(FlagKind::TooLong, Severity::Error, excess..body.end, msg);
            }
        }
    }

    /// Applies the title rules; returns the title's word count.
    fn title(&mut self) -> usize {
        let title = self.parts.title.clone();
        let n = title.clone().map_or(0, |r| {
            words::count_words(&self.text[r], self.source.counting)
        });
        match (self.settings.preset, title) {
            (Preset::Upsc, Some(r)) => {
                let msg = "UPSC précis take no title: remove it".to_string();
                self.flag(FlagKind::TitleNotAllowed, Severity::Error, r, msg);
            }
            (Preset::Css, None) | (Preset::Css, Some(_)) if n == 0 => {
                let at = self.parts.title.clone().unwrap_or(0..0);
                let msg = "no title: the title carries 5 of 20 marks; write one of 3 to 8 words on the first line (`Title: …`, or a short line of its own)".to_string();
                self.flag(FlagKind::MissingTitle, Severity::Error, at, msg);
            }
            (Preset::Css | Preset::Plain, Some(r)) if !TITLE_WORDS.contains(&n) => {
                let msg = format!("title has {n} words: keep it to 3 to 8");
                self.flag(FlagKind::TitleLength, Severity::Warning, r, msg);
            }
            _ => {}
        }
        n
    }

    fn declared(&mut self, words: usize) {
        match self.parts.declared.clone() {
            Some(d) if !declared_fits(&d, words) => {
                let about = if d.approx { "about " } else { "" };
                let msg = format!(
                    "declared {about}{} words, but the body has {words}",
                    d.words
                );
                self.flag(FlagKind::DeclaredCount, Severity::Error, d.span, msg)
                    .suggestion = Some(format!("({words} words)"));
            }
            Some(_) => {}
            None => {
                let severity = match self.settings.preset {
                    Preset::Plain => Severity::Info,
                    _ => Severity::Warning,
                };
                let end = self.text.trim_end().len();
                let msg = format!("no word count at the end: write ({words} words) after the body");
                self.flag(FlagKind::DeclaredCount, severity, end..end, msg)
                    .suggestion = Some(format!("({words} words)"));
            }
        }
    }

    fn style(&mut self) {
        let body = self.parts.body.clone();
        for finding in style::check(self.text, body.clone()) {
            match finding {
                Finding::FirstPerson(r) => {
                    let msg = format!(
                        "first person “{}”: write in the third person",
                        &self.text[r.clone()]
                    );
                    self.flag(FlagKind::FirstPerson, Severity::Warning, r, msg);
                }
                Finding::Contraction(r, expansion) => {
                    let msg = match &expansion {
                        Some(e) => format!("contraction “{}”: write “{e}”", &self.text[r.clone()]),
                        None => format!(
                            "contraction “{}”: write it out in full",
                            &self.text[r.clone()]
                        ),
                    };
                    self.flag(FlagKind::Contraction, Severity::Warning, r, msg)
                        .suggestion = expansion;
                }
                Finding::Quote(r, n) => {
                    let (severity, msg) = if n >= 4 {
                        (
                            Severity::Warning,
                            "direct quotation: report it in your own words (indirect speech)",
                        )
                    } else {
                        (
                            Severity::Info,
                            "quoted term: drop the quotation marks or rephrase",
                        )
                    };
                    self.flag(FlagKind::DirectQuote, severity, r, msg.to_string());
                }
                Finding::QuestionOrExclamation(r) => {
                    let msg = "a précis states, it does not ask or exclaim: rewrite as a statement"
                        .to_string();
                    self.flag(FlagKind::QuestionOrExclamation, Severity::Warning, r, msg);
                }
            }
        }
        for gap in structure::paragraph_breaks(self.text, body.clone()) {
            let next = words::tokens(&self.text[gap.end..body.end])
                .next()
                .map_or(gap.end..gap.end, |t| gap.end + t.start..gap.end + t.end);
            let msg = "a précis is one paragraph: join this to the text before it".to_string();
            self.flag(FlagKind::MultipleParagraphs, Severity::Warning, next, msg);
        }
    }

    /// Flags copied phrases; returns the share of body words inside them.
    /// Official names and the précis's `figures` are facts that cannot be
    /// paraphrased: they never count toward a copied phrase.
    fn copied(&mut self, body_words: usize, figures: &[numbers::Mention]) -> f64 {
        let body = self.parts.body.clone();
        let mut exempt = names::proper_names(self.text, body.clone());
        exempt.extend(figures.iter().map(|m| m.span.clone()));
        exempt.sort_by_key(|r| r.start);
        let runs = self.index.find(self.text, body, &exempt);
        let mut copied_words = 0;
        for run in runs {
            copied_words += run.words;
            let at = self.source.locate(run.source.clone());
            let words = crate::text::shorten(&shown(&self.text[run.precis.clone()]), 50);
            let msg = format!(
                "“{words}”: {} words copied from the source (line {}): paraphrase them",
                run.words, at.line
            );
            self.flag(FlagKind::CopiedPhrase, Severity::Warning, run.precis, msg)
                .source = Some(at);
        }
        if body_words == 0 {
            0.0
        } else {
            (copied_words as f64 / body_words as f64).min(1.0)
        }
    }

    /// Flags a précis figure that contradicts source figure `at`, which is
    /// both the suggestion and the place to look.
    fn figure_flag(&mut self, kind: FlagKind, span: Range<usize>, message: String, at: &Located) {
        let f = self.flag(kind, Severity::Error, span, message);
        f.suggestion = Some(shown(&at.text));
        f.source = Some(at.clone());
    }

    /// Checks the précis's figures; returns the summary, the figures, and
    /// the source figures (fact indices) they rightly restate.
    fn numbers(&mut self) -> (NumbersSummary, Vec<numbers::Mention>, Vec<usize>) {
        let mut found = Vec::new();
        if let Some(title) = self.parts.title.clone() {
            found.extend(numbers::extract(self.text, title));
        }
        found.extend(numbers::extract(self.text, self.parts.body.clone()));
        let source = &self.source.facts.figures;
        let fact_at = &self.source.fact_at;
        let mut used = vec![false; source.len()];
        let mut checks = Vec::with_capacity(found.len());
        for m in &found {
            let (m, verdict) = judged(m, source);
            let written = shown(&self.text[m.span.clone()]);
            let (status, related) = match verdict {
                Verdict::Match(i) => {
                    used[i] = true;
                    match numbers::misplaced(m, i, &self.source.facts) {
                        Some(wrong) => {
                            let msg = self.misplaced_message(m, &written, i, wrong);
                            let j = wrong.meant;
                            self.figure_flag(
                                FlagKind::NumberMismatch,
                                m.span.clone(),
                                msg,
                                &fact_at[j],
                            );
                            (NumberStatus::NumberMismatch, Some(j))
                        }
                        None => (NumberStatus::Matches, Some(i)),
                    }
                }
                Verdict::Reversed(i) => {
                    let msg = format!(
                        "{written} → the source goes {}: the change runs the other way",
                        shown(&fact_at[i].text)
                    );
                    self.figure_flag(FlagKind::NumberMismatch, m.span.clone(), msg, &fact_at[i]);
                    (NumberStatus::NumberMismatch, Some(i))
                }
                Verdict::Mismatch(i) => {
                    let said = shown(&fact_at[i].text);
                    // A year is answered with the source's year, not its full date.
                    let year = match (&m.quantity, &source[i].quantity) {
                        (Quantity::Year(_), Quantity::Date { year: Some(y), .. }) => {
                            Some(y.to_string())
                        }
                        _ => None,
                    };
                    let msg = match &year {
                        Some(y) => format!("{written} → source says {y} ({said})"),
                        None => format!("{written} → source says {said}"),
                    };
                    self.figure_flag(FlagKind::NumberMismatch, m.span.clone(), msg, &fact_at[i]);
                    if let Some(y) = year
                        && let Some(f) = self.flags.last_mut()
                    {
                        f.suggestion = Some(y);
                    }
                    (NumberStatus::NumberMismatch, Some(i))
                }
                Verdict::UnitMismatch(i) => {
                    let msg = format!(
                        "{written} → source says {}: same figure, different currency or unit",
                        shown(&fact_at[i].text)
                    );
                    self.figure_flag(
                        FlagKind::NumberUnitMismatch,
                        m.span.clone(),
                        msg,
                        &fact_at[i],
                    );
                    (NumberStatus::NumberUnitMismatch, Some(i))
                }
                Verdict::NotInSource if m.incidental => (NumberStatus::NumberNotInSource, None),
                Verdict::NotInSource => {
                    let severity = if m.weak {
                        Severity::Info
                    } else {
                        Severity::Warning
                    };
                    let msg = format!(
                        "{written} is not in the source: a précis may only use the passage's facts"
                    );
                    self.flag(FlagKind::NumberNotInSource, severity, m.span.clone(), msg);
                    (NumberStatus::NumberNotInSource, None)
                }
            };
            checks.push(NumberCheck {
                at: locate(self.text, &self.lines, m.span.clone()),
                status,
                source: related.map(|i| fact_at[i].clone()),
                fact: related,
            });
        }
        let source_unused = fact_at
            .iter()
            .zip(&used)
            .filter(|(_, used)| !**used)
            .map(|(at, _)| at.clone())
            .collect();
        let matched = checks
            .iter()
            .filter(|c| c.status == NumberStatus::Matches)
            .filter_map(|c| c.fact)
            .collect();
        let summary = NumbersSummary {
            precis: checks,
            source_unused,
        };
        (summary, found, matched)
    }

    /// What to tell a student who gave source figure `found` (written
    /// `written` as mention `m`) to the subject the source gives another.
    fn misplaced_message(
        &self,
        m: &numbers::Mention,
        written: &str,
        found: usize,
        wrong: numbers::Misplaced,
    ) -> String {
        // The party an opening phrase names (`In the north, …`) before the
        // words beside the figure; each as one phrase of the source.
        let subjects = &self.source.facts.figures[found].subjects;
        let fronted: Vec<&numbers::Subject> = subjects.iter().filter(|s| s.fronted).collect();
        let near: Vec<&numbers::Subject> = subjects.iter().filter(|s| !s.fronted).collect();
        let group = if fronted.is_empty() { near } else { fronted };
        let theirs = match (group.first(), group.last()) {
            (Some(a), Some(b)) => shown(&self.source.text[a.span.start..b.span.end]),
            _ => String::new(),
        };
        let yours = shown(&self.text[m.subjects[wrong.word].span.clone()]);
        format!(
            "{written} goes with “{theirs}” in the source; for “{yours}” it gives {}",
            shown(&self.source.fact_at[wrong.meant].text)
        )
    }

    /// Measures what of the source the title and body restate (with the
    /// source figures they rightly give, `matched`), and flags the key
    /// points left out.
    fn coverage(&mut self, matched: &[usize]) -> CoverageSummary {
        let title = self.parts.title.clone().map_or("", |r| &self.text[r]);
        let body = &self.text[self.parts.body.clone()];
        let measured = self
            .coverage
            .measure(&format!("{title}\n{body}"), matched, UNCOVERED_SHOWN);
        let end = self.parts.body.end;
        for point in &measured.left_out {
            let at = self
                .source
                .locate(measured.sentences[point.sentence].range());
            let idea = if point.missing.is_empty() {
                String::new()
            } else {
                format!(" — nothing restates {}", quoted_list(&point.missing))
            };
            let msg = format!(
                "key point left out (source line {}){idea}: “{}”",
                at.line,
                crate::text::shorten(&shown(&at.text), 60)
            );
            self.flag(FlagKind::UncoveredPoint, Severity::Info, end..end, msg)
                .source = Some(at);
        }
        CoverageSummary {
            overall: coverage::overall(&measured.sentences),
            sentences: measured.sentences,
            method: coverage::METHOD,
            measured: true,
        }
    }

    /// Measures the body's readability and flags long sentences and words
    /// used too often in a body of `words` words.
    fn readability(&mut self, words: usize) -> readability::Readability {
        let body = self.parts.body.clone();
        let text = &self.text[body.clone()];
        let (measured, sentences) = readability::measure(text);
        for (r, n) in sentences.into_iter().filter(|(_, n)| *n > LONG_SENTENCE) {
            let msg = format!(
                "sentence of {n} words: split it; examiners call sentences over {LONG_SENTENCE} words long-winded"
            );
            let at = body.start + r.start..body.start + r.end;
            self.flag(FlagKind::LongSentence, Severity::Info, at, msg);
        }
        // The passage's subject, named in its title, is hard to avoid.
        let subject: Vec<String> = self
            .source
            .title()
            .map(|t| {
                t.split(|c: char| !c.is_alphabetic())
                    .map(str::to_lowercase)
                    .collect()
            })
            .unwrap_or_default();
        for (word, uses) in readability::repeated_words(text, repeats_flagged(words)) {
            if subject.contains(&word) {
                continue;
            }
            let msg = format!(
                "“{word}” used {} times: vary the word or cut a repeat",
                uses.len()
            );
            let at = body.start + uses[0].start..body.start + uses[0].end;
            self.flag(FlagKind::Repetition, Severity::Info, at, msg);
        }
        measured
    }

    /// Flags the title's and body's words that are misspelt or spelt the
    /// other variety's way, with the likeliest correction.
    fn spelling(&mut self) {
        let speller = self.source.speller.clone();
        let Some(variety) = speller.language().variety() else {
            return;
        };
        let regions = self
            .parts
            .title
            .clone()
            .into_iter()
            .chain(std::iter::once(self.parts.body.clone()));
        let found = speller.check(self.text, regions, self.coverage.source_words());
        let dictionary = variety.adjective();
        // Each word form's correction once; past CORRECTED_WORDS forms (a
        // page of junk), only corrections already known.
        let mut bests: rustc_hash::FxHashMap<String, Option<String>> = Default::default();
        let mut best_of = |word: &str| {
            if let Some(b) = bests.get(word) {
                return b.clone();
            }
            let b = if bests.len() < CORRECTED_WORDS {
                speller.best(word)
            } else {
                speller.known_best(word)
            };
            bests.insert(word.to_string(), b.clone());
            b
        };
        for m in found {
            let word = self.text[m.range.clone()].to_string();
            match m.problem {
                Problem::Unknown => {
                    let best = best_of(&word);
                    let msg = match &best {
                        Some(b) => format!(
                            "“{word}”: not in the {dictionary} English dictionary; did you mean “{b}”?"
                        ),
                        None => format!("“{word}”: not in the {dictionary} English dictionary"),
                    };
                    self.flag(FlagKind::Spelling, Severity::Warning, m.range, msg)
                        .suggestion = best;
                }
                Problem::Variant(form) => {
                    let form = form.or_else(|| best_of(&word));
                    let other = variety.other().adjective();
                    let msg = match &form {
                        Some(f) => format!(
                            "“{word}” is the {other} spelling: {dictionary} English writes “{f}”"
                        ),
                        None => format!("“{word}” is the {other} spelling"),
                    };
                    self.flag(FlagKind::SpellingVariant, Severity::Info, m.range, msg)
                        .suggestion = form;
                }
            }
        }
    }

    /// Flags the body's wordy phrases (warnings when the précis is over its
    /// band, `status`); returns the words they would save.
    fn concision(&mut self, status: LengthStatus) -> usize {
        let severity = match status {
            LengthStatus::Over => Severity::Warning,
            _ => Severity::Info,
        };
        let mut saved = 0;
        for w in concision::find(self.text, self.parts.body.clone()) {
            let e = w.entry;
            saved += e.saves;
            let words = if e.saves == 1 { "word" } else { "words" };
            let shorter = w.shorter_as_written(self.text);
            let written = shown(&self.text[w.range.clone()]);
            let mut msg = match &shorter {
                Some(s) => format!("wordy: “{written}” → “{s}” saves {} {words}", e.saves),
                None => format!("wordy: cut “{written}”, {} {words}", e.saves),
            };
            if let Some(note) = &e.note {
                msg.push_str(&format!(" — {note}"));
            }
            self.flag(FlagKind::WordyPhrase, severity, w.range.clone(), msg)
                .suggestion = shorter;
        }
        saved
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The built-in passages over and over, each paragraph followed by a
    /// sentence of figures of every kind, some new and some repeated: a
    /// source of several pieces.
    fn long_source() -> String {
        let mut text = String::from("# A Long Source\n\n");
        let mut k = 0usize;
        while text.len() < 4 * FIGURE_PIECE {
            for passage in crate::passages::ALL {
                for paragraph in passage.text.split("\n\n").skip(1) {
                    text.push_str(paragraph);
                    text.push_str(&format!(
                        " In {} the north spent ${} billion, {} percent of it on {} schools in five districts.\n\n",
                        1990 + k % 41,
                        k % 97,
                        k % 89,
                        1_000 + k,
                    ));
                    k += 1;
                }
            }
        }
        text
    }

    #[test]
    fn figures_read_in_pieces_on_two_threads_are_those_of_one_reading() {
        let text = long_source();
        assert!(numbers::pieces(&text, FIGURE_PIECE).len() >= 4);
        let (facts, ()) = figures_beside(&text, || ());
        let whole = numbers::distinct(numbers::extract(&text, 0..text.len()));
        assert_eq!(facts.figures, whole.figures);
        assert_eq!(facts.spans, whole.spans);
        assert_eq!(facts.subjects, whole.subjects);
    }

    #[test]
    fn a_check_split_over_two_threads_is_the_check_on_one() {
        let source = SourceAnalysis::new(long_source(), CountingOptions::default());
        let precis = "Title of Mine\n\nIn order to grow, the goverment spent $65 billion in 2024. \
                      It is a fact that taxes rose by 62 percent, and I think the state \
                      must, in view of the fact that revenue fell and that the many small \
                      traders of the towns and villages paid almost nothing at all while \
                      salaried workers paid a great deal, widen the base of its taxes. "
            .repeat(40);
        let settings = Settings::default();
        let index = Shingles::new(source.text(), source.passage_start()..source.text().len());
        let coverage = source.coverage();
        let check = || PrecisCheck::new(&source, &index, coverage, &precis, &settings, Scope::Full);
        let one = serde_json::to_string(&check().run_split_from(usize::MAX)).unwrap();
        let two = serde_json::to_string(&check().run_split_from(0)).unwrap();
        for kind in ["spelling", "wordy_phrase", "long_sentence", "first_person"] {
            assert!(one.contains(&format!("\"{kind}\"")), "no {kind} flag");
        }
        assert_eq!(one, two);
    }
}
