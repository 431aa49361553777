//! The drafts list as `precis drafts --list` prints it: one row per draft
//! (title, source, date, mode, words against the target, flags), built from
//! the store's listing without touching the disk, as a plain-text table or
//! one JSON array. Unreadable files are listed last with their reason; they
//! are never changed.

use std::cmp::Ordering;
use std::path::{Path, PathBuf};
use std::time::Duration;

use jiff::Timestamp;
use jiff::tz::TimeZone;
use serde::Serialize;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::{ExamState, Listed, Overview, StoreError, Summary};
use crate::exam::clock::clock_text;
use crate::text::sanitize::one_line;

/// Shown in the TITLE column for a précis without a title.
pub const UNTITLED: &str = "(untitled)";

/// Shown in the TIME column while the time used is not recorded, and in the
/// FLAGS column of a running exam, whose checks stay hidden until time is up.
pub const NO_TIME: &str = "—";

/// The widest a title or source is shown in the table before it is cut
/// with `…` (the JSON form keeps it whole).
const SHOWN_COLUMNS: usize = 40;

/// One readable draft, as listed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    /// Always false: tells rows from unreadable files in the JSON array.
    pub unreadable: bool,
    /// The draft id (its file name without `.json`).
    pub id: String,
    /// The précis title, when it has one.
    pub title: Option<String>,
    /// The source's title, or where it came from: a built-in passage id, a
    /// file name, or "standard input".
    pub source: String,
    /// When the draft was last saved (RFC 3339 in JSON).
    pub updated: Timestamp,
    /// Practice or exam, by its stored name.
    pub mode: String,
    /// For an exam attempt, whether it is running, past its deadline or
    /// handed in (`null` for practice).
    pub exam_state: Option<ExamState>,
    /// Words in the body.
    pub words: usize,
    /// The target word count.
    pub target: usize,
    /// Error flags.
    pub errors: usize,
    /// Warning flags.
    pub warnings: usize,
    /// Time spent writing, once exam timing records it.
    pub time_used_seconds: Option<u64>,
    /// The draft file.
    pub path: PathBuf,
}

/// A file in the drafts directory that could not be read as a draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unreadable {
    /// Always true.
    pub unreadable: bool,
    /// The file.
    pub path: PathBuf,
    /// Why it could not be read.
    pub error: String,
}

/// One line of the list.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Entry {
    /// A readable draft.
    Draft(Row),
    /// A file that is not a readable draft.
    Unreadable(Unreadable),
}

impl Row {
    /// The row for one draft at `now`, with its counts.
    pub fn of(draft: &Overview, counts: &Summary, path: &Path, now: Timestamp) -> Self {
        let title = draft.title.trim();
        Row {
            unreadable: false,
            id: draft.id.clone(),
            title: (!title.is_empty()).then(|| title.to_string()),
            source: draft.source_name(),
            updated: draft.updated,
            mode: draft.mode.name().to_string(),
            exam_state: draft.exam_state(now),
            words: counts.words,
            target: counts.target,
            errors: counts.errors,
            warnings: counts.warnings,
            time_used_seconds: draft.time_used().map(|d| d.as_secs()),
            path: path.to_path_buf(),
        }
    }
}

/// Why a draft file could not be read, without the file name (which the
/// list shows beside it).
pub fn reason(error: &StoreError) -> String {
    match error {
        StoreError::Corrupt { reason, .. } => reason.clone(),
        StoreError::Io { source, .. } => source.to_string(),
        StoreError::NoDataDir => error.to_string(),
    }
}

/// The entries for a store listing at `now`: readable drafts newest first
/// (ties by id), then unreadable files by name. A draft without stored
/// counts is read whole and checked.
pub fn entries(listed: &[Listed], now: Timestamp) -> Vec<Entry> {
    let unreadable = |l: &Listed, e: &StoreError| {
        Entry::Unreadable(Unreadable {
            unreadable: true,
            path: l.path.clone(),
            error: reason(e),
        })
    };
    let mut out: Vec<Entry> = listed
        .iter()
        .map(|l| match &l.draft {
            Ok(draft) => match draft.counts(&l.path) {
                Ok(counts) => Entry::Draft(Row::of(draft, &counts, &l.path, now)),
                Err(e) => unreadable(l, &e),
            },
            Err(e) => unreadable(l, e),
        })
        .collect();
    out.sort_by(|a, b| match (a, b) {
        (Entry::Draft(a), Entry::Draft(b)) => {
            b.updated.cmp(&a.updated).then_with(|| a.id.cmp(&b.id))
        }
        (Entry::Draft(_), Entry::Unreadable(_)) => Ordering::Less,
        (Entry::Unreadable(_), Entry::Draft(_)) => Ordering::Greater,
        (Entry::Unreadable(a), Entry::Unreadable(b)) => a.path.cmp(&b.path),
    });
    out
}

/// What `precis drafts --list` prints when there are no drafts.
pub fn empty_message(drafts_dir: &Path) -> String {
    format!(
        "no drafts yet (they are kept in {})\n",
        drafts_dir.display()
    )
}

/// How a column's cells line up.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Align {
    Left,
    Right,
}

const COLUMNS: [(&str, Align); 8] = [
    ("ID", Align::Left),
    ("TITLE", Align::Left),
    ("SOURCE", Align::Left),
    ("DATE", Align::Left),
    ("MODE", Align::Left),
    ("WORDS", Align::Right),
    ("FLAGS", Align::Right),
    ("TIME", Align::Left),
];

/// The table: a header, one row per draft (dates in `tz`), then one
/// `unreadable  <file>: <reason>` line per unreadable file. Columns are
/// separated by two spaces; every cell is on one line and terminal-safe.
pub fn table(entries: &[Entry], tz: &TimeZone) -> String {
    let mut cells: Vec<[String; 8]> = vec![COLUMNS.map(|(name, _)| name.to_string())];
    for entry in entries {
        if let Entry::Draft(row) = entry {
            cells.push([
                one_line(&row.id),
                shorten(&one_line(row.title.as_deref().unwrap_or(UNTITLED))),
                shorten(&one_line(&row.source)),
                row.updated
                    .to_zoned(tz.clone())
                    .strftime("%Y-%m-%d %H:%M")
                    .to_string(),
                row.exam_state
                    .map_or_else(|| one_line(&row.mode), |s| s.label().to_string()),
                format!("{}/{}", row.words, row.target),
                if row.exam_state == Some(ExamState::Running) {
                    NO_TIME.to_string()
                } else {
                    (row.errors + row.warnings).to_string()
                },
                row.time_used_seconds.map_or_else(
                    || NO_TIME.to_string(),
                    |s| clock_text(Duration::from_secs(s)),
                ),
            ]);
        }
    }
    let mut widths = [0; 8];
    for line in &cells {
        for (w, cell) in widths.iter_mut().zip(line) {
            *w = (*w).max(cell.width());
        }
    }
    let mut out = String::new();
    for line in &cells {
        let mut text = String::new();
        for (i, cell) in line.iter().enumerate() {
            if i > 0 {
                text.push_str("  ");
            }
            let pad = " ".repeat(widths[i] - cell.width());
            match COLUMNS[i].1 {
                Align::Left => {
                    text.push_str(cell);
                    text.push_str(&pad);
                }
                Align::Right => {
                    text.push_str(&pad);
                    text.push_str(cell);
                }
            }
        }
        out.push_str(text.trim_end());
        out.push('\n');
    }
    for entry in entries {
        if let Entry::Unreadable(u) = entry {
            let name = u.path.file_name().map_or_else(
                || u.path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            out.push_str(&format!(
                "unreadable  {}: {}\n",
                one_line(&name),
                one_line(&u.error)
            ));
        }
    }
    out
}

/// The entries as one JSON array; C1 controls and DEL, which JSON allows
/// raw but some terminals obey, are escaped as `\u` sequences.
pub fn to_json(entries: &[Entry]) -> String {
    let json = serde_json::to_string_pretty(entries)
        .unwrap_or_else(|e| format!("{{\"error\": \"drafts could not be serialised: {e}\"}}"));
    json.chars()
        .map(|c| match c {
            '\u{7f}'..='\u{9f}' => format!("\\u{:04x}", c as u32),
            c => c.to_string(),
        })
        .collect()
}

/// Cuts text wider than [`SHOWN_COLUMNS`] terminal columns, ending it with `…`.
fn shorten(text: &str) -> String {
    if text.width() <= SHOWN_COLUMNS {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > SHOWN_COLUMNS - 1 {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::spelling::Speller;
    use crate::store::{Draft, DraftSource, Origin};

    fn at(second: i64) -> Timestamp {
        Timestamp::from_second(second).expect("timestamp")
    }

    fn listed(draft: Draft) -> Listed {
        Listed {
            path: PathBuf::from(format!("/d/{}.json", draft.id)),
            draft: Ok(Overview::of(&draft)),
        }
    }

    /// The row of `draft`, checked in full.
    fn row(draft: &Draft, path: &Path, now: Timestamp) -> Row {
        let overview = Overview::of(draft);
        let counts = overview.counts(path).expect("checked in full");
        Row::of(&overview, &counts, path, now)
    }

    fn corrupt(name: &str) -> Listed {
        let path = PathBuf::from(format!("/d/{name}"));
        Listed {
            draft: Err(StoreError::Corrupt {
                path: path.clone(),
                reason: "not a draft: expected value".into(),
            }),
            path,
        }
    }

    #[test]
    fn rows_are_newest_first_with_unreadable_files_last() {
        let mut old = Draft::sample("old");
        old.updated = at(1_000);
        let mut new = Draft::sample("new");
        new.updated = at(2_000);
        let list = [
            corrupt("z.json"),
            listed(old),
            corrupt("a.json"),
            listed(new),
        ];
        let order: Vec<String> = entries(&list, at(0))
            .iter()
            .map(|e| match e {
                Entry::Draft(r) => r.id.clone(),
                Entry::Unreadable(u) => u.path.display().to_string(),
            })
            .collect();
        assert_eq!(order, ["new", "old", "/d/a.json", "/d/z.json"]);
    }

    #[test]
    fn a_row_has_counts_flags_and_the_source_name() {
        let row = row(&Draft::sample("s"), Path::new("/d/s.json"), at(0));
        assert_eq!(row.title.as_deref(), Some("A title here"));
        assert_eq!(row.source, "A passage");
        assert_eq!(row.mode, "practice");
        assert_eq!(row.words, 3);
        assert_eq!(row.time_used_seconds, None);
        let report = Draft::sample("s").report(&Speller::default());
        assert_eq!(row.target, report.target.words);
        assert_eq!(row.errors, report.summary.errors);
        assert_eq!(row.warnings, report.summary.warnings);
    }

    #[test]
    fn the_source_falls_back_to_where_it_came_from() {
        let mut d = Draft::sample("s");
        d.source.title = None;
        assert_eq!(d.source_name(), "What the Silk Road Carried");
        d.source = DraftSource {
            origin: Origin::File {
                path: "/home/me/texts/water.md".into(),
            },
            title: Some("  ".into()),
            text: d.source.text.clone(),
        };
        assert_eq!(d.source_name(), "water.md");
        d.source.origin = Origin::Stdin;
        assert_eq!(d.source_name(), "standard input");
    }

    #[test]
    fn the_table_aligns_columns_and_lists_unreadable_files_last() {
        let mut a = Draft::sample("20250301-091500-aaaaaa");
        a.updated = at(1_740_820_500); // 2025-03-01 09:15 UTC
        let mut b = Draft::sample("b");
        b.title = "  ".into();
        b.source.origin = Origin::Stdin;
        b.source.title = None;
        b.updated = at(1_740_000_000); // 2025-02-19 21:20 UTC
        let rows = entries(&[listed(b), corrupt("broken.json"), listed(a)], at(0));
        let a_flags = match &rows[0] {
            Entry::Draft(r) => r.errors + r.warnings,
            Entry::Unreadable(_) => panic!("a draft first"),
        };
        let b_flags = match &rows[1] {
            Entry::Draft(r) => r.errors + r.warnings,
            Entry::Unreadable(_) => panic!("a draft second"),
        };
        let text = table(&rows, &TimeZone::UTC);
        let target = Draft::sample("x").report(&Speller::default()).target.words;
        let words = format!("3/{target}");
        let ww = words.len().max(5);
        let expected = format!(
            "{:<22}  {:<12}  {:<14}  {:<16}  {:<8}  {:>ww$}  {:>5}  TIME\n\
             {:<22}  {:<12}  {:<14}  {:<16}  {:<8}  {:>ww$}  {:>5}  —\n\
             {:<22}  {:<12}  {:<14}  {:<16}  {:<8}  {:>ww$}  {:>5}  —\n\
             unreadable  broken.json: not a draft: expected value\n",
            "ID",
            "TITLE",
            "SOURCE",
            "DATE",
            "MODE",
            "WORDS",
            "FLAGS",
            "20250301-091500-aaaaaa",
            "A title here",
            "A passage",
            "2025-03-01 09:15",
            "practice",
            words,
            a_flags,
            "b",
            "(untitled)",
            "standard input",
            "2025-02-19 21:20",
            "practice",
            words,
            b_flags,
        );
        assert_eq!(text, expected);
    }

    #[test]
    fn long_or_hostile_titles_stay_on_one_short_line() {
        let mut d = Draft::sample("x");
        d.title = format!("Line\none \u{1b}[31m{}", "very ".repeat(20));
        let text = table(&entries(&[listed(d)], at(0)), &TimeZone::UTC);
        let row = text.lines().nth(1).expect("a row");
        assert!(!row.contains('\u{1b}'), "{row}");
        assert!(row.contains("Line one ␛[31mvery"), "{row}");
        assert!(row.contains('…'), "{row}");
        assert_eq!(text.lines().count(), 2);
    }

    #[test]
    fn json_has_every_field_and_marks_unreadable_files() {
        let mut d = Draft::sample("j");
        d.updated = at(1_740_820_500);
        let json = to_json(&entries(&[listed(d), corrupt("bad.json")], at(0)));
        let v: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
        let row = &v[0];
        assert_eq!(row["id"], "j");
        assert_eq!(row["title"], "A title here");
        assert_eq!(row["source"], "A passage");
        assert_eq!(row["updated"], "2025-03-01T09:15:00Z");
        assert_eq!(row["mode"], "practice");
        assert_eq!(row["words"], 3);
        assert!(row["target"].is_u64() && row["errors"].is_u64() && row["warnings"].is_u64());
        assert!(row["time_used_seconds"].is_null());
        assert_eq!(row["unreadable"], false);
        assert_eq!(
            v[1],
            serde_json::json!({
                "unreadable": true,
                "path": "/d/bad.json",
                "error": "not a draft: expected value"
            })
        );
    }

    #[test]
    fn json_escapes_c1_controls() {
        let mut d = Draft::sample("c");
        d.title = "Odd \u{9b}31m title".into();
        let json = to_json(&entries(&[listed(d)], at(0)));
        assert!(!json.contains('\u{9b}'));
        assert!(json.contains("\\u009b"));
    }

    #[test]
    fn a_submitted_exam_shows_the_time_it_took() {
        let exam = Draft::submitted_exam("e");
        let path = Path::new("e.json");
        let row = row(&exam, path, at(0));
        assert_eq!(row.time_used_seconds, Some(31 * 60));
        assert_eq!(row.mode, "exam");
        let table = table(&[Entry::Draft(row)], &TimeZone::UTC);
        let line = table.lines().nth(1).unwrap_or_default();
        assert!(line.trim_end().ends_with("31:00"), "{table}");
        assert!(line.contains("exam (submitted)"), "{table}");
    }

    #[test]
    fn times_read_as_the_review_and_the_browser_show_them() {
        let mut exam = Draft::submitted_exam("e");
        exam.exam = exam.exam.map(|e| crate::exam::timing::ExamTiming {
            submitted: e.started.checked_add(Duration::from_secs(65 * 60 + 5)).ok(),
            ..e
        });
        let short = Draft::submitted_exam("s");
        let mut fast = short.clone();
        fast.id = "f".into();
        fast.exam = fast.exam.map(|e| crate::exam::timing::ExamTiming {
            submitted: e.started.checked_add(Duration::from_secs(125)).ok(),
            ..e
        });
        let rows: Vec<Entry> = [&exam, &fast]
            .iter()
            .map(|d| Entry::Draft(row(d, Path::new("x.json"), at(0))))
            .collect();
        let table = table(&rows, &TimeZone::UTC);
        assert!(
            table.lines().nth(1).is_some_and(|l| l.ends_with("1:05:05")),
            "{table}"
        );
        assert!(
            table.lines().nth(2).is_some_and(|l| l.ends_with("02:05")),
            "{table}"
        );
    }

    #[test]
    fn a_running_exam_says_so_and_json_gives_its_state() {
        let mut exam = Draft::submitted_exam("r");
        exam.exam = exam.exam.map(|e| crate::exam::timing::ExamTiming {
            submitted: None,
            ..e
        });
        let rows = entries(&[listed(exam)], at(1_000 + 60));
        let table = table(&rows, &TimeZone::UTC);
        assert!(table.contains("exam (running)"), "{table}");
        let row = table.lines().nth(1).unwrap_or_default();
        assert!(row.ends_with("—  —"), "no flags while it runs: {table}");
        let v: serde_json::Value = serde_json::from_str(&to_json(&rows)).expect("JSON");
        assert_eq!(v[0]["mode"], "exam");
        assert_eq!(v[0]["exam_state"], "running");
    }

    #[test]
    fn the_empty_message_names_the_directory() {
        assert_eq!(
            empty_message(Path::new("/data/precis/drafts")),
            "no drafts yet (they are kept in /data/precis/drafts)\n"
        );
    }
}
