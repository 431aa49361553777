//! The editor and its draft: a start from a stored draft or a fresh one,
//! the draft as the editor holds it, and the précis's length over time.

use jiff::Timestamp;

use super::{App, SaveState, Source, Start};
use crate::analysis::Settings;
use crate::analysis::words::CountingOptions;
use crate::store::draft::DRAFT_VERSION;
use crate::store::{Draft, DraftSource, Mode, Sample};

impl Start {
    /// A new, empty draft on `source`, started at `now`.
    pub fn fresh(source: Source, settings: Settings, now: Timestamp) -> Self {
        Start {
            source,
            title: String::new(),
            body: String::new(),
            settings,
            draft_id: Draft::new_id(now),
            created: now,
            timeline: Vec::new(),
            on_disk: None,
            mode: Mode::Practice,
            exam: None,
        }
    }

    /// A stored draft, reopened.
    pub fn resume(draft: Draft, counting: CountingOptions) -> Self {
        let name = draft
            .source
            .title
            .clone()
            .unwrap_or_else(|| "your source".to_string());
        Start {
            source: Source::from_text(draft.source.text, draft.source.origin, counting, &name),
            title: draft.title,
            body: draft.body,
            settings: draft.settings,
            draft_id: draft.id,
            created: draft.created,
            timeline: draft.timeline,
            on_disk: Some(draft.updated),
            mode: draft.mode,
            exam: draft.exam,
        }
    }
}

impl App {
    /// The draft as it stands, stamped `now`.
    pub fn to_draft(&self, now: Timestamp) -> Draft {
        Draft {
            version: DRAFT_VERSION,
            id: self.draft_id.clone(),
            created: self.created,
            updated: now,
            source: DraftSource {
                origin: self.source.origin.clone(),
                title: self.source.analysis.title().map(str::to_string),
                text: self.source.text().to_string(),
            },
            title: self.title.lines().first().cloned().unwrap_or_default(),
            body: self.body.lines().join("\n"),
            settings: self.settings,
            counting: self.counting,
            mode: self.mode,
            timeline: self.timeline.clone(),
            exam: self.exam,
        }
    }

    /// Turns this read-only exam attempt into a new practice draft with id
    /// `id`, started `now`, keeping the text.
    pub fn copy_to_practice(&mut self, id: String, now: Timestamp) {
        self.draft_id = id;
        self.created = now;
        self.mode = Mode::Practice;
        self.exam = None;
        self.read_only = false;
        self.review_open = false;
        self.on_disk = None;
        self.timeline.clear();
        self.save = SaveState::Unsaved;
        self.revision += 1;
    }

    /// Notes the précis's length at `now`, when it changed since the last
    /// sample.
    pub fn sample(&mut self, now: Timestamp) {
        let words = self.report.precis.words;
        if self.timeline.last().is_none_or(|s| s.words != words) {
            self.timeline.push(Sample { at: now, words });
        }
    }
}
