//! How the editor is asked to start (what to open, where drafts live, the
//! rules, how exams run) and how it ends.

use std::io;
use std::path::PathBuf;
use std::time::Duration;

use crate::analysis::Settings;
use crate::analysis::spelling::Language;
use crate::analysis::words::CountingOptions;
use crate::exam::Feedback;
use crate::input::InputError;

/// What the editor should open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StartWith {
    /// Resume the latest draft, or the first built-in passage.
    Default,
    /// A source file (or `-` for standard input).
    File(String),
    /// The drafts browser (over the latest draft); closing it quits.
    Drafts,
    /// A timed exam on this source (a file, `-`), or on a built-in passage
    /// not yet attempted, in practice or in an exam.
    Exam(Option<String>),
}

/// How exams run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExamOptions {
    /// Writing time.
    pub time: Duration,
    /// Reading time before writing opens.
    pub reading: Option<Duration>,
    /// No terminal bell at five and one minute left.
    pub quiet: bool,
    /// What a running exam shows of the report.
    pub feedback: Feedback,
}

/// How the editor was asked to start.
#[derive(Debug, Clone)]
pub struct Options {
    /// What to open.
    pub start: StartWith,
    /// Where drafts live (default: the platform data directory).
    pub data_dir: Option<PathBuf>,
    /// The rules.
    pub settings: Settings,
    /// How words are counted.
    pub counting: CountingOptions,
    /// Read source files that are not UTF-8, replacing bad bytes with �.
    pub lossy: bool,
    /// Colour allowed (`NO_COLOR` is still honoured).
    pub color: bool,
    /// A problem to show at start-up (a bad config file).
    pub notice: Option<String>,
    /// How exams run.
    pub exam: ExamOptions,
    /// British or American spelling, or none.
    pub spelling: Language,
    /// The student's own words, never flagged as misspelt.
    pub words: Vec<String>,
    /// Where words the student adds are kept (`words.txt` beside
    /// `config.toml`), if there is a config folder.
    pub words_path: Option<PathBuf>,
}

/// How the editor ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ended {
    /// The student quit.
    Quit,
    /// A signal (SIGTERM, SIGHUP, SIGINT) stopped it, after saving.
    Signal(usize),
}

/// Why the editor could not start or ran into a terminal error.
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    /// The source could not be read.
    #[error(transparent)]
    Input(#[from] InputError),
    /// There is no terminal to draw on: standard output is not one, or
    /// the process has none (a script, a service, a cron job).
    #[error("précis needs a terminal: run it in one, or use `precis check` in scripts")]
    NoTerminal,
    /// The terminal failed.
    #[error("terminal: {0}")]
    Terminal(#[from] io::Error),
}
