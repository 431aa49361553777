//! A draft as lists show it, read from its file without keeping its body:
//! the drafts list and browser need a title, a date and a few counts, and a
//! body of megabytes should cost them no more than a scan. The counts come
//! from the `summary` a save stores in the file after a full check (by this
//! version of précis); a draft without one is checked when listed.

use jiff::Timestamp;
use serde::{Deserialize, Deserializer, Serialize};

use super::draft::{Draft, DraftSource, ExamState, Mode, Sample, check_version, not_a_draft};
use crate::analysis::Settings;
use crate::analysis::report::Report;
use crate::analysis::target::{LengthStatus, Target};
use crate::analysis::words::CountingOptions;
use crate::exam::timing::ExamTiming;

/// The précis version that wrote a summary: another version's summary is
/// not trusted, as its checks may differ.
const CHECKED_BY: &str = env!("CARGO_PKG_VERSION");

/// A draft's counts from a full check, stored in its file as `summary`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    /// Body words.
    pub words: usize,
    /// The target word count.
    pub target: usize,
    /// The band's lower end.
    pub min: usize,
    /// The band's upper end.
    pub max: usize,
    /// Error flags.
    pub errors: usize,
    /// Warning flags.
    pub warnings: usize,
    /// The précis version whose checks these are.
    pub checked_by: String,
}

impl Summary {
    /// The counts of `report`, a full check of a draft.
    pub fn of(report: &Report) -> Self {
        Summary {
            words: report.precis.words,
            target: report.target.words,
            min: report.target.min,
            max: report.target.max,
            errors: report.summary.errors,
            warnings: report.summary.warnings,
            checked_by: CHECKED_BY.to_string(),
        }
    }

    /// Under, within or over the band.
    pub fn status(&self) -> LengthStatus {
        Target {
            words: self.target,
            min: self.min,
            max: self.max,
        }
        .status(self.words)
    }

    /// Whether this version of précis wrote it, so its checks are these.
    fn is_current(&self) -> bool {
        self.checked_by == CHECKED_BY
    }
}

/// Everything of a draft but its body, and its counts when the file holds
/// current ones.
#[derive(Debug, Clone, PartialEq)]
pub struct Overview {
    /// Unique id; also the file name.
    pub id: String,
    /// When it was last saved.
    pub updated: Timestamp,
    /// The passage.
    pub source: DraftSource,
    /// The précis title.
    pub title: String,
    /// Practice or exam.
    pub mode: Mode,
    /// The exam clock, for exam attempts.
    pub exam: Option<ExamTiming>,
    /// The counts stored by the last save, when they are this version's.
    pub summary: Option<Summary>,
}

/// A draft file's fields as [`Draft`] has them, so the file is refused
/// exactly as a draft is (the stored counts are read apart); those lists do
/// not show (named with `_`) are read only to be checked, and the body is
/// checked to be a string but not kept.
#[derive(Deserialize)]
struct Head {
    #[serde(rename = "version")]
    _version: u32,
    id: String,
    #[serde(rename = "created")]
    _created: Timestamp,
    updated: Timestamp,
    source: DraftSource,
    title: String,
    #[serde(rename = "body")]
    _body: Unkept,
    #[serde(rename = "settings")]
    _settings: Settings,
    #[serde(rename = "counting")]
    _counting: CountingOptions,
    mode: Mode,
    #[serde(default, rename = "timeline")]
    _timeline: Vec<Sample>,
    #[serde(default)]
    exam: Option<ExamTiming>,
}

/// The stored counts, read on their own: a [`Draft`] ignores the field, so
/// nothing in it (missing, malformed, given twice) may make the file
/// unreadable; such a draft is checked when listed.
#[derive(Deserialize)]
struct Stored {
    summary: Summary,
}

/// A string read and dropped (the body): the file must hold one there, as
/// for a [`Draft`], but lists never show it.
struct Unkept;

impl<'de> Deserialize<'de> for Unkept {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Unkept;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E>(self, _: &str) -> Result<Unkept, E> {
                Ok(Unkept)
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

impl Overview {
    /// Reads a draft file's overview; refused exactly as
    /// [`Draft::from_json`] refuses the file, with the same reasons.
    pub fn from_json(bytes: &[u8]) -> Result<Self, String> {
        check_version(bytes)?;
        let head: Head = serde_json::from_slice(bytes).map_err(not_a_draft)?;
        Ok(Overview {
            id: head.id,
            updated: head.updated,
            source: head.source,
            title: head.title,
            mode: head.mode,
            exam: head.exam,
            summary: serde_json::from_slice::<Stored>(bytes)
                .ok()
                .map(|s| s.summary)
                .filter(Summary::is_current),
        })
    }

    /// The overview of a draft in memory, checked in full.
    pub fn of(draft: &Draft) -> Self {
        Overview {
            id: draft.id.clone(),
            updated: draft.updated,
            source: draft.source.clone(),
            title: draft.title.clone(),
            mode: draft.mode,
            exam: draft.exam,
            summary: Some(Summary::of(&draft.report_for_listing())),
        }
    }

    /// What lists call the source (see [`DraftSource::name`]).
    pub fn source_name(&self) -> String {
        self.source.name()
    }

    /// Where an exam attempt stands at `now`; `None` for practice.
    pub fn exam_state(&self, now: Timestamp) -> Option<ExamState> {
        ExamState::of(self.mode, self.exam, now)
    }

    /// The mode as lists show it at `now` (see [`Mode::label`]).
    pub fn mode_label(&self, now: Timestamp) -> &'static str {
        self.mode.label(self.exam, now)
    }

    /// How long a submitted exam attempt took.
    pub fn time_used(&self) -> Option<std::time::Duration> {
        self.exam?.time_used()
    }

    /// Whether this is an exam attempt handed in.
    pub fn is_submitted(&self) -> bool {
        self.exam.is_some_and(|e| e.submitted.is_some())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::spelling::Speller;

    fn json(draft: &Draft) -> Vec<u8> {
        serde_json::to_vec(draft).expect("json")
    }

    #[test]
    fn reads_what_a_draft_holds_but_its_body() {
        let mut draft = Draft::submitted_exam("o");
        draft.body = "A body\nof two lines with \"quotes\".".into();
        let overview = Overview::from_json(&json(&draft)).expect("reads");
        assert_eq!(
            overview,
            Overview {
                summary: None,
                ..Overview::of(&draft)
            }
        );
        assert_eq!(overview.source_name(), draft.source_name());
        assert_eq!(overview.mode_label(draft.updated), "exam (submitted)");
        assert_eq!(overview.time_used(), draft.time_used());
        assert!(overview.is_submitted());
    }

    #[test]
    fn is_refused_as_the_draft_is() {
        let mut wrong_body = serde_json::to_value(Draft::sample("x")).expect("json");
        wrong_body["body"] = 5.into();
        let mut no_body = serde_json::to_value(Draft::sample("x")).expect("json");
        no_body.as_object_mut().map(|o| o.remove("body"));
        let mut newer = serde_json::to_value(Draft::sample("x")).expect("json");
        newer["version"] = 99.into();
        for bad in [wrong_body, no_body, newer] {
            let bytes = bad.to_string().into_bytes();
            let expected = Draft::from_json(&bytes).expect_err("refused");
            assert_eq!(Overview::from_json(&bytes), Err(expected));
        }
    }

    #[test]
    fn a_stored_summary_is_read_only_when_this_version_wrote_it() {
        let draft = Draft::sample("s");
        let summary = Summary::of(&draft.report(&Speller::default()));
        let mut value = serde_json::to_value(&draft).expect("json");
        value["summary"] = serde_json::to_value(&summary).expect("json");
        let read = Overview::from_json(value.to_string().as_bytes()).expect("reads");
        assert_eq!(read.summary.as_ref(), Some(&summary));
        value["summary"]["checked_by"] = "0.0.1".into();
        let read = Overview::from_json(value.to_string().as_bytes()).expect("reads");
        assert_eq!(read.summary, None, "another version's counts");
        value["summary"] = "not a summary".into();
        let read = Overview::from_json(value.to_string().as_bytes()).expect("reads");
        assert_eq!(read.summary, None, "a broken summary is ignored");
        let twice = format!("{{\"summary\": 1, {}", &value.to_string()[1..]);
        let read = Overview::from_json(twice.as_bytes()).expect("reads as the draft does");
        assert_eq!(read.summary, None);
        assert!(Draft::from_json(twice.as_bytes()).is_ok());
    }

    #[test]
    fn the_summary_status_is_the_reports() {
        let report = Draft::sample("s").report(&Speller::default());
        assert_eq!(Summary::of(&report).status(), report.target.status);
    }
}
