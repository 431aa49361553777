//! The précis checked as it changes: all but coverage at each change (or
//! after the frame that shows it), coverage when typing pauses, and the
//! findings mapped onto the screen.

use super::{App, SaveState, Source, new_textarea, title_placeholder};
use crate::analysis::Scope;
use crate::analysis::report::{FlagKind, Report};
use crate::exam::Feedback;
use crate::ui::marks::Marks;

impl App {
    /// Records a change to the text: unsaved, and analysed now or, while
    /// analysis is deferred, after the frame.
    pub(super) fn changed(&mut self) {
        self.title_moved = None;
        if self.title.lines().len() > 1 {
            let one = self.title.lines().join(" ");
            self.title = new_textarea(&one, title_placeholder(self.settings.preset));
        }
        self.save = SaveState::Unsaved;
        self.revision += 1;
        self.coverage_due = true;
        if self.defer_analysis {
            self.analysis_due = true;
        } else {
            self.reanalyse();
        }
    }

    /// Re-checks the précis (all but coverage, which is measured when
    /// typing pauses: [`App::measure_coverage`]) and maps the findings onto
    /// the screen.
    pub fn reanalyse(&mut self) {
        let (text, prefix) = self.precis_text();
        self.report =
            self.source
                .analysis
                .analyse_scoped(&text, &self.settings, Scope::WithoutCoverage);
        self.checking = false;
        if let Some((coverage, left_out)) = &self.coverage {
            let lines = crate::text::lines::LineIndex::new(&text);
            let at = lines.position(&text, self.report.precis.body_end);
            self.report
                .graft_coverage(coverage, left_out, (at.line, at.column));
        }
        self.map_report(&text, prefix);
    }

    /// Measures how much of the source the précis covers, with everything
    /// else, and keeps it for the keystrokes that follow.
    pub fn measure_coverage(&mut self) {
        let (text, prefix) = self.precis_text();
        self.report = self.source.analysis.analyse(&text, &self.settings);
        let left_out = self
            .report
            .flags
            .iter()
            .filter(|f| f.kind == FlagKind::UncoveredPoint)
            .cloned()
            .collect();
        self.coverage = Some((self.report.coverage.clone(), left_out));
        self.coverage_due = false;
        self.checked_revision = Some(self.revision);
        self.checking = false;
        self.map_report(&text, prefix);
    }

    /// Runs a deferred re-analysis (for a précis not checked yet, the full
    /// check, coverage included); returns whether there was one (and so
    /// whether the screen needs drawing again).
    pub fn settle(&mut self) -> bool {
        let due = std::mem::take(&mut self.analysis_due);
        if self.checking {
            self.measure_coverage();
            return true;
        }
        if due {
            self.reanalyse();
        }
        due
    }

    /// Takes the whole analysis of a source shown so far from its opening
    /// (see [`Source::opening`]), if it is still the source in the editor;
    /// the counts, checks and coverage are then of the whole passage.
    /// Returns whether it was taken.
    pub fn source_analysed(&mut self, whole: Source) -> bool {
        if self.source.whole.as_deref() != Some(whole.analysis.text()) {
            return false;
        }
        self.source = whole;
        self.coverage = None;
        self.coverage_due = true;
        self.reanalyse();
        true
    }

    /// The report, when it is the full check of the text as it stands (so
    /// a save can store its counts for the drafts list).
    pub fn full_report(&self) -> Option<&Report> {
        let spelling_known = self.source.analysis.speller().ready();
        (spelling_known && self.checked_revision == Some(self.revision)).then_some(&self.report)
    }

    /// Whether the précis is still to be checked for the first time (a big
    /// one, drawn before its checks).
    pub fn checking(&self) -> bool {
        self.checking
    }

    /// Whether coverage has been measured for some version of the text.
    pub fn coverage_known(&self) -> bool {
        self.coverage.is_some()
    }

    /// Maps the report's spans onto the title field, body and source;
    /// the body starts `prefix` bytes into `text`.
    fn map_report(&mut self, text: &str, prefix: usize) {
        self.marks = if self.shows(Feedback::All) {
            Marks::build(
                &self.report,
                text,
                prefix,
                self.title.lines(),
                self.body.lines(),
            )
        } else {
            Marks::default()
        };
        self.flag_selected = self
            .flag_selected
            .min(self.report.flags.len().saturating_sub(1));
    }
}
