//! One attempt at a précis: the source it summarises, what the student
//! wrote, and the rules it was written under. Stored as versioned JSON.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::analysis::report::Report;
use crate::analysis::spelling::Speller;
use crate::analysis::words::CountingOptions;
use crate::analysis::{Settings, SourceAnalysis, structure};
use crate::exam::timing::ExamTiming;
use crate::text::sanitize::one_line;

/// The draft format this version writes.
pub const DRAFT_VERSION: u32 = 1;

/// Where a draft's source passage came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Origin {
    /// A built-in passage, by id.
    BuiltIn {
        /// The passage id.
        id: String,
    },
    /// A file the student opened.
    File {
        /// The path as given.
        path: String,
    },
    /// Standard input.
    Stdin,
}

/// The source passage, kept whole so a draft can be reviewed anywhere.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftSource {
    /// Where it came from.
    pub origin: Origin,
    /// Its title, when it has one.
    pub title: Option<String>,
    /// The full text.
    pub text: String,
}

impl DraftSource {
    /// What lists call the source: its title, else where it came from (a
    /// built-in passage's title, a file name, standard input).
    pub fn name(&self) -> String {
        if let Some(title) = self.title.as_deref().map(str::trim)
            && !title.is_empty()
        {
            return title.to_string();
        }
        match &self.origin {
            Origin::BuiltIn { id } => {
                crate::passages::find(id).map_or_else(|| id.clone(), |p| p.title().to_string())
            }
            Origin::File { path } => std::path::Path::new(path)
                .file_name()
                .map_or_else(|| path.clone(), |n| n.to_string_lossy().into_owned()),
            Origin::Stdin => "standard input".to_string(),
        }
    }
}

/// Practice or exam.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// Untimed practice.
    #[default]
    Practice,
    /// A timed exam attempt.
    Exam,
}

impl Mode {
    /// The mode's name, as in the draft file.
    pub fn name(self) -> &'static str {
        match self {
            Mode::Practice => "practice",
            Mode::Exam => "exam",
        }
    }

    /// The mode as lists show it at `now`, given the attempt's exam clock:
    /// `practice`, `exam (running)`, `exam (time up)` or `exam (submitted)`.
    pub fn label(self, exam: Option<ExamTiming>, now: Timestamp) -> &'static str {
        ExamState::of(self, exam, now).map_or(self.name(), ExamState::label)
    }
}

/// Where an exam attempt stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ExamState {
    /// Being written: the deadline is still ahead.
    Running,
    /// Not handed in, but its deadline has passed (the editor was closed):
    /// it is handed in as it stood at the deadline when next opened.
    TimeUp,
    /// Handed in.
    Submitted,
}

impl ExamState {
    /// Where an attempt in `mode` with the clock `exam` stands at `now`;
    /// `None` for practice.
    pub fn of(mode: Mode, exam: Option<ExamTiming>, now: Timestamp) -> Option<Self> {
        let exam = exam.filter(|_| mode == Mode::Exam)?;
        Some(if exam.submitted.is_some() {
            ExamState::Submitted
        } else if now < exam.deadline {
            ExamState::Running
        } else {
            ExamState::TimeUp
        })
    }

    /// How lists show an exam attempt in this state.
    pub fn label(self) -> &'static str {
        match self {
            ExamState::Running => "exam (running)",
            ExamState::TimeUp => "exam (time up)",
            ExamState::Submitted => "exam (submitted)",
        }
    }
}

/// The précis's length at one moment, for the pace chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sample {
    /// When.
    pub at: Timestamp,
    /// Body words then.
    pub words: usize,
}

/// Why a file is not a draft, in one line safe for a terminal.
pub(super) fn not_a_draft(e: serde_json::Error) -> String {
    one_line(&format!("not a draft: {e}"))
}

/// Refuses a file that is not JSON with a `version`, or whose version is
/// newer than this précis reads (its fields may mean something else).
pub(super) fn check_version(bytes: &[u8]) -> Result<(), String> {
    #[derive(Deserialize)]
    struct Versioned {
        version: u32,
    }
    let v: Versioned = serde_json::from_slice(bytes).map_err(not_a_draft)?;
    if v.version > DRAFT_VERSION {
        return Err(format!(
            "written by a newer précis (format {}, this one reads up to {DRAFT_VERSION})",
            v.version
        ));
    }
    Ok(())
}

/// A stored attempt.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    /// The format version, for future migrations.
    pub version: u32,
    /// Unique id; also the file name.
    pub id: String,
    /// When the draft was started.
    pub created: Timestamp,
    /// When it was last saved.
    pub updated: Timestamp,
    /// The passage.
    pub source: DraftSource,
    /// The précis title.
    pub title: String,
    /// The précis body.
    pub body: String,
    /// The rules it is checked against.
    pub settings: Settings,
    /// How words are counted.
    pub counting: CountingOptions,
    /// Practice or exam.
    pub mode: Mode,
    /// Word counts over time while writing.
    #[serde(default)]
    pub timeline: Vec<Sample>,
    /// The exam clock, for exam attempts.
    #[serde(default)]
    pub exam: Option<ExamTiming>,
}

impl Draft {
    /// What lists call the source (see [`DraftSource::name`]).
    pub fn source_name(&self) -> String {
        self.source.name()
    }

    /// Whether this is a submitted exam attempt, which is kept as handed in.
    pub fn is_submitted(&self) -> bool {
        self.exam.is_some_and(|e| e.submitted.is_some())
    }

    /// The writing time allowed in an exam attempt.
    pub fn time_allowed(&self) -> Option<std::time::Duration> {
        self.exam.map(|e| e.allowed())
    }

    /// How long a submitted exam attempt took.
    pub fn time_used(&self) -> Option<std::time::Duration> {
        self.exam?.time_used()
    }

    /// Where an exam attempt stands at `now`; `None` for practice.
    pub fn exam_state(&self, now: Timestamp) -> Option<ExamState> {
        ExamState::of(self.mode, self.exam, now)
    }

    /// The mode as lists show it at `now` (see [`Mode::label`]).
    pub fn mode_label(&self, now: Timestamp) -> &'static str {
        self.mode.label(self.exam, now)
    }

    /// The précis as one text (title line, body), as the engine reads it.
    pub fn precis_text(&self) -> String {
        structure::compose(&self.title, &self.body).0
    }

    /// The full report on this draft, under the rules it was written with,
    /// its spelling checked by `speller` (the student's language and own
    /// words, as the editor checks them).
    pub fn report(&self, speller: &Speller) -> Report {
        let mut analysis = SourceAnalysis::new(self.source.text.clone(), self.counting);
        analysis.set_speller(speller.clone());
        analysis.analyse(&self.precis_text(), &self.settings)
    }

    /// The report without spelling corrections, which take tens of
    /// milliseconds a word: what a listing of drafts needs (the counts).
    pub fn report_for_listing(&self) -> Report {
        let mut analysis = SourceAnalysis::new(self.source.text.clone(), self.counting);
        analysis.set_speller(Speller::default().without_suggestions());
        analysis.analyse(&self.precis_text(), &self.settings)
    }

    /// Reads a draft from JSON; the error says what is wrong in one line,
    /// safe for a terminal (the parser quotes pieces of the file).
    pub fn from_json(bytes: &[u8]) -> Result<Self, String> {
        check_version(bytes)?;
        serde_json::from_slice(bytes).map_err(not_a_draft)
    }

    /// A new draft id from the time it was started: sortable and unique
    /// enough for one student's drafts (`20261122-110512-3f2a9c`).
    pub fn new_id(now: Timestamp) -> String {
        let zoned = now.to_zoned(jiff::tz::TimeZone::UTC);
        let salt = (now.subsec_nanosecond() as u32) ^ std::process::id().rotate_left(16);
        format!(
            "{}-{:06x}",
            zoned.strftime("%Y%m%d-%H%M%S"),
            salt & 0xff_ffff
        )
    }

    /// A small draft for tests.
    #[cfg(test)]
    pub fn sample(id: &str) -> Self {
        Draft {
            version: DRAFT_VERSION,
            id: id.to_string(),
            created: Timestamp::UNIX_EPOCH,
            updated: Timestamp::UNIX_EPOCH,
            source: DraftSource {
                origin: Origin::BuiltIn {
                    id: "silk-road".into(),
                },
                title: Some("A passage".into()),
                text: "# A passage\n\nSome words here.".into(),
            },
            title: "A title here".into(),
            body: "Some précis words.".into(),
            settings: Settings::default(),
            counting: CountingOptions::default(),
            mode: Mode::Practice,
            timeline: Vec::new(),
            exam: None,
        }
    }

    /// A submitted exam draft for tests: started at 1,000 s, submitted
    /// after 31 minutes of a 35-minute exam.
    #[cfg(test)]
    pub fn submitted_exam(id: &str) -> Self {
        let at = |s| Timestamp::from_second(s).unwrap_or(Timestamp::UNIX_EPOCH);
        Draft {
            mode: Mode::Exam,
            exam: Some(ExamTiming {
                reading_until: None,
                started: at(1_000),
                deadline: at(1_000 + 35 * 60),
                submitted: Some(at(1_000 + 31 * 60)),
            }),
            ..Draft::sample(id)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn newer_versions_are_refused_with_a_reason() {
        let mut json = serde_json::to_value(Draft::sample("x")).expect("json");
        json["version"] = 99.into();
        let err = Draft::from_json(json.to_string().as_bytes())
            .err()
            .unwrap_or_default();
        assert!(err.contains("newer précis"), "{err}");
    }

    #[test]
    fn a_corrupt_draft_is_explained_on_one_safe_line() {
        // The parser quotes the file; a newline or escape must not get out.
        let json = r#"{"version": 1, "mode": "x\n\u001b[2Jy"}"#;
        let reason = Draft::from_json(json.as_bytes()).expect_err("corrupt");
        assert!(reason.starts_with("not a draft: "), "{reason}");
        assert!(!reason.chars().any(char::is_control), "{reason:?}");
    }

    #[test]
    fn drafts_without_a_timeline_still_load() {
        let mut json = serde_json::to_value(Draft::sample("x")).expect("json");
        json.as_object_mut().map(|o| o.remove("timeline"));
        let draft = Draft::from_json(json.to_string().as_bytes()).expect("loads");
        assert!(draft.timeline.is_empty());
        assert_eq!(draft.report(&Speller::default()).precis.words, 3);
    }

    #[test]
    fn a_submitted_exam_knows_its_time() {
        let d = Draft::submitted_exam("e");
        assert!(d.is_submitted());
        assert_eq!(d.time_used(), Some(std::time::Duration::from_secs(31 * 60)));
        assert!(!Draft::sample("p").is_submitted());
        assert_eq!(Draft::sample("p").time_used(), None);
    }

    #[test]
    fn an_exam_is_running_then_time_up_or_submitted() {
        let at = |s| Timestamp::from_second(s).expect("ts");
        let mut d = Draft::submitted_exam("e");
        assert_eq!(d.mode_label(at(0)), "exam (submitted)");
        d.exam = d.exam.map(|e| ExamTiming {
            submitted: None,
            ..e
        });
        assert_eq!(d.mode_label(at(1_000 + 60)), "exam (running)");
        assert_eq!(d.exam_state(at(1_000 + 35 * 60)), Some(ExamState::TimeUp));
        assert_eq!(d.mode_label(at(1_000 + 35 * 60)), "exam (time up)");
        assert_eq!(Draft::sample("p").mode_label(at(0)), "practice");
        assert_eq!(Draft::sample("p").exam_state(at(0)), None);
    }

    #[test]
    fn ids_sort_by_time() {
        let a = Draft::new_id(Timestamp::from_second(1_700_000_000).expect("ts"));
        let b = Draft::new_id(Timestamp::from_second(1_800_000_000).expect("ts"));
        assert!(a < b, "{a} {b}");
    }
}
