//! The user's defaults, from `config.toml` in the platform config directory
//! (`$XDG_CONFIG_HOME/precis/config.toml` on Linux). Command-line options
//! override them. A bad file is reported in one line naming the key and the
//! line, and everything falls back to the built-in defaults.

use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::Deserialize;

use crate::analysis::spelling::Language;
use crate::analysis::target::{TargetRule, parse_ratio, parse_tolerance};
use crate::analysis::words::CountingOptions;
use crate::analysis::{Preset, Settings};
use crate::exam::Feedback;

/// The CSS paper gives 3 hours for 100 marks and the précis carries 20:
/// about 36 minutes.
pub const DEFAULT_EXAM_TIME: Duration = Duration::from_secs(35 * 60);

/// Whether to use colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ThemeChoice {
    /// Colour unless `NO_COLOR` is set.
    #[default]
    Auto,
    /// Never colour.
    NoColor,
}

/// The user's defaults.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// Preset, ratio and tolerance.
    pub settings: Settings,
    /// How words are counted.
    pub counting: CountingOptions,
    /// How long an exam lasts.
    pub exam_time: Duration,
    /// Colour or not.
    pub theme: ThemeChoice,
    /// What a running exam shows of the report.
    pub live_feedback: Feedback,
    /// Ring the terminal bell at five and one minute left.
    pub bell: bool,
    /// British or American spelling, or none.
    pub spelling: Language,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            settings: Settings::default(),
            counting: CountingOptions::default(),
            exam_time: DEFAULT_EXAM_TIME,
            theme: ThemeChoice::Auto,
            live_feedback: Feedback::Counts,
            bell: true,
            spelling: Language::EnGb,
        }
    }
}

/// The file's shape; every key is optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    preset: Option<Preset>,
    ratio: Option<String>,
    tolerance: Option<String>,
    exam_time: Option<String>,
    counting: Option<CountingOptions>,
    theme: Option<ThemeChoice>,
    spelling: Option<Language>,
    exam: Option<ExamFile>,
}

/// The `[exam]` table.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExamFile {
    live_feedback: Option<Feedback>,
    bell: Option<bool>,
}

/// The config file's path, if the platform has a config directory.
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "precis").map(|d| d.config_dir().join("config.toml"))
}

/// Loads the config at `path`: the defaults when there is no file, and
/// the defaults plus a one-line problem when the file is bad.
pub fn load(path: Option<&Path>) -> (Config, Option<String>) {
    let Some(path) = path else {
        return (Config::default(), None);
    };
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (Config::default(), None),
        Err(e) => {
            return (
                Config::default(),
                Some(format!("{}: {e}; using the defaults", path.display())),
            );
        }
    };
    match parse(&text) {
        Ok(config) => (config, None),
        Err(problem) => (
            Config::default(),
            Some(format!("{}: {problem}; using the defaults", path.display())),
        ),
    }
}

/// Reads a config file's text; the error names the line and the key.
pub fn parse(text: &str) -> Result<Config, String> {
    let file: File = toml::from_str(text).map_err(|e| {
        let line = e.span().map_or(1, |s| line_of(text, s.start));
        let key = key_on_line(text, line)
            .map(|k| format!(" ({k})"))
            .unwrap_or_default();
        format!("line {line}{key}: {}", e.message().trim())
    })?;
    let at =
        |key: &str, problem: String| format!("line {} ({key}): {problem}", line_of_key(text, key));
    let mut config = Config::default();
    if let Some(preset) = file.preset {
        config.settings.preset = preset;
    }
    if let Some(r) = file.ratio {
        config.settings.target = TargetRule::Ratio(parse_ratio(&r).map_err(|e| at("ratio", e))?);
    }
    if let Some(t) = file.tolerance {
        config.settings.tolerance = parse_tolerance(&t).map_err(|e| at("tolerance", e))?;
    }
    if let Some(d) = file.exam_time {
        config.exam_time = parse_exam_time(&d).map_err(|e| at("exam_time", e))?;
    }
    if let Some(c) = file.counting {
        config.counting = c;
    }
    if let Some(t) = file.theme {
        config.theme = t;
    }
    if let Some(l) = file.spelling {
        config.spelling = l;
    }
    if let Some(exam) = file.exam {
        config.live_feedback = exam.live_feedback.unwrap_or(config.live_feedback);
        config.bell = exam.bell.unwrap_or(config.bell);
    }
    Ok(config)
}

/// The student's own word list, `words.txt` beside `config.toml`, if the
/// platform has a config directory.
pub fn words_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "precis").map(|d| d.config_dir().join("words.txt"))
}

/// Why the word list could not be read or added to.
#[derive(Debug, thiserror::Error)]
pub enum WordListError {
    /// The file exists but cannot be read.
    #[error("{path}: {source}; spelling checked without your words")]
    Read {
        /// The file.
        path: String,
        /// What went wrong.
        source: std::io::Error,
    },
    /// The word could not be written to the file.
    #[error("cannot add to {path}: {source}")]
    Write {
        /// The file.
        path: String,
        /// What went wrong.
        source: std::io::Error,
    },
}

/// The words of the list at `path`, one a line (blank lines and lines
/// starting with `#` skipped): none when there is no file. Bytes that are
/// not UTF-8 are replaced.
pub fn load_words(path: &Path) -> Result<Vec<String>, WordListError> {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(source) => {
            return Err(WordListError::Read {
                path: path.display().to_string(),
                source,
            });
        }
    };
    Ok(String::from_utf8_lossy(&bytes)
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect())
}

/// Adds `word` as a line at the end of the list at `path`, making the file
/// and its folder if need be.
pub fn add_word(path: &Path, word: &str) -> Result<(), WordListError> {
    use std::io::Write;
    let fail = |source| WordListError::Write {
        path: path.display().to_string(),
        source,
    };
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(fail)?;
    }
    let ends_open = std::fs::read(path)
        .map(|b| b.last().is_some_and(|&last| last != b'\n'))
        .unwrap_or(false);
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .map_err(fail)?;
    let line = format!("{}{}\n", if ends_open { "\n" } else { "" }, word.trim());
    file.write_all(line.as_bytes()).map_err(fail)
}

/// Reads a duration such as `90s`, `35m`, `1h` or `1h30m`.
pub fn parse_duration(text: &str) -> Result<Duration, String> {
    let t = text.trim();
    let bad = || format!("'{text}' is not a duration like 90s, 35m, 1h or 1h30m");
    if t.is_empty() {
        return Err(bad());
    }
    let mut total = 0u64;
    let mut number = String::new();
    for c in t.chars() {
        if c.is_ascii_digit() {
            number.push(c);
            continue;
        }
        let n: u64 = number.parse().map_err(|_| bad())?;
        let unit = match c {
            'h' => 3600,
            'm' => 60,
            's' => 1,
            _ => return Err(bad()),
        };
        total = n
            .checked_mul(unit)
            .and_then(|v| total.checked_add(v))
            .ok_or_else(bad)?;
        number.clear();
    }
    if !number.is_empty() {
        return Err(bad());
    }
    Ok(Duration::from_secs(total))
}

/// Reads an exam's writing time: a duration (see [`parse_duration`]) that
/// is not zero, since an exam of no time could only end at once.
pub fn parse_exam_time(text: &str) -> Result<Duration, String> {
    let time = parse_duration(text)?;
    if time.is_zero() {
        return Err(format!(
            "'{text}' is no time at all: give at least 1 minute, like 5m or 35m"
        ));
    }
    Ok(time)
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

fn key_on_line(text: &str, line: usize) -> Option<&str> {
    let l = text.lines().nth(line.checked_sub(1)?)?;
    let key = l.split('=').next()?.trim();
    (!key.is_empty() && l.contains('=')).then_some(key)
}

fn line_of_key(text: &str, key: &str) -> usize {
    text.lines()
        .position(|l| l.split('=').next().is_some_and(|k| k.trim() == key))
        .map_or(1, |i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::words::Hyphenated;

    #[test]
    fn every_key() {
        let c = parse(
            "preset = \"upsc\"\nratio = \"1/4\"\ntolerance = \"10%\"\nexam_time = \"1h30m\"\ntheme = \"no-color\"\nspelling = \"en-us\"\n[counting]\nhyphenated = \"several\"\ncontractions = \"two\"\n[exam]\nlive_feedback = \"all\"\nbell = false\n",
        )
        .expect("valid");
        assert_eq!(c.settings.preset, Preset::Upsc);
        assert_eq!(c.settings.target, TargetRule::Ratio(0.25));
        assert_eq!(c.settings.tolerance, 0.10);
        assert_eq!(c.exam_time, Duration::from_secs(5400));
        assert_eq!(c.counting.hyphenated, Hyphenated::Several);
        assert_eq!(c.theme, ThemeChoice::NoColor);
        assert_eq!(c.spelling, Language::EnUs);
        assert_eq!(c.live_feedback, Feedback::All);
        assert!(!c.bell);
        assert_eq!(parse("").expect("empty is fine"), Config::default());
    }

    #[test]
    fn problems_name_the_line_and_the_key() {
        let e = parse("preset = \"css\"\ntolerance = 5\n")
            .err()
            .unwrap_or_default();
        assert!(e.starts_with("line 2 (tolerance):"), "{e}");
        let e = parse("preset = \"css\"\n\ncolour = \"red\"\n")
            .err()
            .unwrap_or_default();
        assert!(
            e.starts_with("line 3 (colour):") && e.contains("unknown field"),
            "{e}"
        );
        let e = parse("ratio = \"7\"\n").err().unwrap_or_default();
        assert!(
            e.starts_with("line 1 (ratio):") && e.contains("at most 1"),
            "{e}"
        );
        let e = parse("exam_time = \"soon\"\n").err().unwrap_or_default();
        assert!(
            e.contains("exam_time") && e.contains("not a duration"),
            "{e}"
        );
        let e = parse("preset = \"cambridge\"\n").err().unwrap_or_default();
        assert!(e.starts_with("line 1 (preset):"), "{e}");
    }

    #[test]
    fn a_bad_file_falls_back_to_the_defaults() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("config.toml");
        std::fs::write(&path, "tolerance = [1,\n").expect("write");
        let (config, problem) = load(Some(&path));
        assert_eq!(config, Config::default());
        assert!(
            problem.is_some_and(|p| p.contains("config.toml") && p.contains("using the defaults"))
        );
        assert_eq!(
            load(Some(&dir.path().join("none.toml"))),
            (Config::default(), None)
        );
    }

    #[test]
    fn bad_spelling_names_the_line() {
        let e = parse("preset = \"css\"\nspelling = \"fr\"\n")
            .err()
            .unwrap_or_default();
        assert!(e.starts_with("line 2 (spelling):"), "{e}");
        assert_eq!(
            parse("spelling = \"off\"\n").map(|c| c.spelling),
            Ok(Language::Off)
        );
    }

    #[test]
    fn the_word_list_is_read_and_added_to() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("precis").join("words.txt");
        assert!(load_words(&path).is_ok_and(|w| w.is_empty()));
        add_word(&path, "Zorblax").expect("first word");
        std::fs::write(&path, "# mine\nZorblax\n\nQuxley").expect("write");
        add_word(&path, " Thar ").expect("added after a line left open");
        assert_eq!(
            load_words(&path).expect("read"),
            ["Zorblax", "Quxley", "Thar"]
        );
        let e = load_words(dir.path()).err().map(|e| e.to_string());
        assert!(e.is_some_and(|e| e.contains("without your words")));
    }

    #[test]
    fn durations() {
        assert_eq!(parse_duration("90s"), Ok(Duration::from_secs(90)));
        assert_eq!(parse_duration("35m"), Ok(Duration::from_secs(2100)));
        assert_eq!(parse_duration("1h"), Ok(Duration::from_secs(3600)));
        assert_eq!(parse_duration("1h30m"), Ok(Duration::from_secs(5400)));
        for bad in ["", "35", "m", "1x", "99999999999999999999h"] {
            assert!(parse_duration(bad).is_err(), "{bad}");
        }
        // No reading time is a reading time; no writing time is no exam.
        assert_eq!(parse_duration("0s"), Ok(Duration::ZERO));
        assert!(parse_exam_time("0m").is_err());
        assert_eq!(parse_exam_time("35m"), Ok(Duration::from_secs(2100)));
    }
}
