//! The real `precis drafts --list` and `precis export` binaries on a
//! temporary data directory of drafts written through the store.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use jiff::Timestamp;
use precis::analysis::Settings;
use precis::analysis::spelling::Speller;
use precis::analysis::words::CountingOptions;
use precis::store::draft::DRAFT_VERSION;
use precis::store::{Draft, DraftSource, DraftStore, Mode, Origin};
use serde_json::Value;

/// An original passage with figures (70 words: target 23, band 21–25).
const SOURCE: &str = "# Night Buses\n\n\
In 2019 the city added 40 night bus routes for shift workers who finish \
after midnight. Ridership on those routes rose by a third within a year, \
mostly among hospital and warehouse staff. Critics said the buses ran half \
empty before two in the morning. Planners replied that a timetable people \
can rely on matters more than full seats, and the council has promised to \
keep the routes until 2030.\n";

/// A précis of it with figures and no declared count (28 words).
const BODY: &str = "Since 2019, 40 night bus routes have served shift workers; \
ridership grew by a third, mainly hospital and warehouse staff. Planners \
prize a dependable timetable over full buses.\n\n";

/// A précis that ends with its own (wrong) declared count (27 words).
const BODY_DECLARED: &str = "The city runs 40 night bus routes for shift \
workers. Ridership rose by a third, and the council will keep them until \
2030 despite half-empty early trips.\n\n(25 words)";

const CORRUPT: &[u8] = b"{ not json";

fn at(second: i64) -> Timestamp {
    Timestamp::from_second(second).expect("timestamp")
}

fn draft(id: &str, title: &str, body: &str, origin: Origin, updated: Timestamp) -> Draft {
    Draft {
        version: DRAFT_VERSION,
        id: id.to_string(),
        created: updated,
        updated,
        source: DraftSource {
            title: match origin {
                Origin::BuiltIn { .. } => Some("Night Buses".into()),
                _ => None,
            },
            origin,
            text: SOURCE.to_string(),
        },
        title: title.to_string(),
        body: body.to_string(),
        settings: Settings::default(),
        counting: CountingOptions::default(),
        mode: Mode::Practice,
        timeline: Vec::new(),
        exam: None,
    }
}

const NEWEST: &str = "20250302-101500-aaaaaa";
const DECLARED: &str = "20250301-080000-bbbbbb";
const OLDEST: &str = "20250215-193000-cccccc";

/// A data directory with three drafts and one corrupt file.
struct Fixture {
    dir: tempfile::TempDir,
    drafts: Vec<Draft>,
}

impl Fixture {
    fn new() -> Self {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = DraftStore::open(dir.path()).expect("store");
        let drafts = [
            draft(
                NEWEST,
                "NIGHT BUSES STAY",
                BODY,
                Origin::BuiltIn {
                    id: "night-buses".into(),
                },
                at(1_740_910_500), // 2025-03-02 10:15 UTC
            ),
            draft(
                DECLARED,
                "",
                BODY_DECLARED,
                Origin::File {
                    path: "/home/student/notes/buses.md".into(),
                },
                at(1_740_816_000), // 2025-03-01 08:00 UTC
            ),
            draft(
                OLDEST,
                "Buses After Midnight",
                "Night buses help shift workers.",
                Origin::Stdin,
                at(1_739_647_800), // 2025-02-15 19:30 UTC
            ),
        ];
        for d in &drafts {
            store.save(d).expect("save");
        }
        fs::write(store.path_of("broken"), CORRUPT).expect("corrupt file");
        Fixture {
            dir,
            drafts: drafts.to_vec(),
        }
    }

    /// Errors plus warnings of a draft, as the engine reports them.
    fn flags(&self, id: &str) -> usize {
        let d = self
            .drafts
            .iter()
            .find(|d| d.id == id)
            .expect("a fixture draft");
        let summary = d.report(&Speller::default()).summary;
        summary.errors + summary.warnings
    }

    fn corrupt_file(&self) -> PathBuf {
        self.drafts_dir().join("broken.json")
    }

    fn data_dir(&self) -> &Path {
        self.dir.path()
    }

    fn drafts_dir(&self) -> PathBuf {
        self.dir.path().join("drafts")
    }

    /// `precis --data-dir DIR ARGS…` with colour off and dates in UTC.
    fn run(&self, args: &[&str]) -> (String, String, i32) {
        let out = Command::cargo_bin("precis")
            .expect("binary builds")
            .env("NO_COLOR", "1")
            .env(
                "XDG_CONFIG_HOME",
                concat!(env!("CARGO_TARGET_TMPDIR"), "/no-config"),
            )
            .env("TZ", "UTC")
            .arg("--data-dir")
            .arg(self.data_dir())
            .args(args)
            .output()
            .expect("runs");
        (
            String::from_utf8(out.stdout).expect("utf-8 stdout"),
            String::from_utf8(out.stderr).expect("utf-8 stderr"),
            out.status.code().unwrap_or(-1),
        )
    }
}

const HEADER: &str = "ID                      TITLE                 SOURCE          DATE              MODE      WORDS  FLAGS  TIME";

/// The table rows of the fixture's three drafts, newest first.
fn rows(f: &Fixture) -> String {
    format!(
        "{NEWEST}  NIGHT BUSES STAY      Night Buses     2025-03-02 10:15  practice  28/23  {:>5}  —\n\
         {DECLARED}  (untitled)            buses.md        2025-03-01 08:00  practice  27/23  {:>5}  —\n\
         {OLDEST}  Buses After Midnight  standard input  2025-02-15 19:30  practice   5/23  {:>5}  —\n",
        f.flags(NEWEST),
        f.flags(DECLARED),
        f.flags(OLDEST),
    )
}

#[test]
fn the_list_is_a_table_newest_first_with_the_unreadable_file_last() {
    let f = Fixture::new();
    let (out, err, code) = f.run(&["drafts", "--list"]);
    assert_eq!((code, err.as_str()), (0, ""));
    let (table, last) = out.rsplit_once("unreadable  ").expect("an unreadable line");
    assert_eq!(table, format!("{HEADER}\n{}", rows(&f)));
    assert!(
        last.starts_with("broken.json: not a draft: ") && last.ends_with('\n'),
        "{last}"
    );
    assert_eq!(last.lines().count(), 1, "one line: {last}");
    assert_eq!(
        fs::read(f.corrupt_file()).ok().as_deref(),
        Some(CORRUPT),
        "the corrupt file is left as it was"
    );
}

#[test]
fn drafts_without_list_prints_the_same_table() {
    let f = Fixture::new();
    let (listed, _, _) = f.run(&["drafts", "--list"]);
    let (plain, err, code) = f.run(&["drafts"]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(plain, listed);
}

#[test]
fn data_dir_may_follow_the_subcommand() {
    let f = Fixture::new();
    let (before, _, _) = f.run(&["drafts", "--list"]);
    let out = Command::cargo_bin("precis")
        .expect("binary builds")
        .env("NO_COLOR", "1")
        .env(
            "XDG_CONFIG_HOME",
            concat!(env!("CARGO_TARGET_TMPDIR"), "/no-config"),
        )
        .env("TZ", "UTC")
        .args(["drafts", "--list", "--data-dir"])
        .arg(f.data_dir())
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stdout), before);
}

#[test]
fn an_empty_store_says_where_drafts_are_kept() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = Command::cargo_bin("precis")
        .expect("binary builds")
        .env("NO_COLOR", "1")
        .env(
            "XDG_CONFIG_HOME",
            concat!(env!("CARGO_TARGET_TMPDIR"), "/no-config"),
        )
        .arg("--data-dir")
        .arg(dir.path())
        .args(["drafts", "--list"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        format!(
            "no drafts yet (they are kept in {})\n",
            dir.path().join("drafts").display()
        )
    );
}

#[test]
fn the_json_list_has_every_field() {
    let f = Fixture::new();
    let (out, err, code) = f.run(&["drafts", "--list", "--json"]);
    assert_eq!((code, err.as_str()), (0, ""));
    let v: Value = serde_json::from_str(&out).expect("one JSON array");
    let items = v.as_array().expect("an array");
    assert_eq!(items.len(), 4);
    let ids: Vec<&str> = items[..3].iter().filter_map(|i| i["id"].as_str()).collect();
    assert_eq!(ids, [NEWEST, DECLARED, OLDEST]);

    let first = &items[0];
    assert_eq!(first["title"], "NIGHT BUSES STAY");
    assert_eq!(first["source"], "Night Buses");
    assert_eq!(first["updated"], "2025-03-02T10:15:00Z");
    assert_eq!(first["mode"], "practice");
    assert_eq!(first["words"], 28);
    assert_eq!(first["target"], 23);
    let flags =
        first["errors"].as_u64().expect("errors") + first["warnings"].as_u64().expect("warnings");
    assert_eq!(flags as usize, f.flags(NEWEST));
    assert!(first["time_used_seconds"].is_null());
    assert_eq!(first["unreadable"], false);
    assert!(
        items[1]["title"].is_null(),
        "an untitled draft has a null title"
    );
    assert_eq!(items[1]["source"], "buses.md");
    assert_eq!(items[2]["source"], "standard input");

    let broken = &items[3];
    assert_eq!(broken["unreadable"], true);
    assert_eq!(
        broken["path"].as_str().map(PathBuf::from),
        Some(f.corrupt_file())
    );
    assert!(
        broken["error"]
            .as_str()
            .is_some_and(|e| e.starts_with("not a draft: ")),
        "{broken}"
    );
}

const NEWEST_MD: &str = "# NIGHT BUSES STAY\n\n\
Since 2019, 40 night bus routes have served shift workers; ridership grew by \
a third, mainly hospital and warehouse staff. Planners prize a dependable \
timetable over full buses.\n";

const NEWEST_TXT: &str = "Title: NIGHT BUSES STAY\n\n\
Since 2019, 40 night bus routes have served shift workers; ridership grew by \
a third, mainly hospital and warehouse staff. Planners prize a dependable \
timetable over full buses.\n";

/// No title, and the student's own (wrong) declared count kept as written.
const DECLARED_EXPORT: &str = "The city runs 40 night bus routes for shift \
workers. Ridership rose by a third, and the council will keep them until \
2030 despite half-empty early trips.\n\n(25 words)\n";

#[test]
fn markdown_export_is_the_draft_as_written() {
    let f = Fixture::new();
    let (out, err, code) = f.run(&["export", NEWEST]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(out, NEWEST_MD);
    let (out, _, _) = f.run(&["export", NEWEST, "--format", "md"]);
    assert_eq!(out, NEWEST_MD);
}

#[test]
fn text_export_has_a_title_line() {
    let f = Fixture::new();
    let (out, err, code) = f.run(&["export", NEWEST, "--format", "txt"]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(out, NEWEST_TXT);
}

#[test]
fn an_existing_declared_count_is_kept_and_not_repeated() {
    let f = Fixture::new();
    for format in ["md", "txt"] {
        let (out, err, code) = f.run(&["export", DECLARED, "--format", format]);
        assert_eq!((code, err.as_str()), (0, ""));
        assert_eq!(out, DECLARED_EXPORT, "{format}");
    }
}

#[test]
fn a_draft_file_path_works_too() {
    let f = Fixture::new();
    let path = f.drafts_dir().join(format!("{NEWEST}.json"));
    let (out, err, code) = f.run(&["export", &path.to_string_lossy()]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(out, NEWEST_MD);
}

#[test]
fn the_report_follows_in_a_code_block_or_under_a_rule() {
    let f = Fixture::new();
    let (md, err, code) = f.run(&["export", NEWEST, "--report"]);
    assert_eq!((code, err.as_str()), (0, ""));
    let report = md
        .strip_prefix(&format!("{NEWEST_MD}\n## Report\n\n```text\n"))
        .and_then(|rest| rest.strip_suffix("```\n"))
        .unwrap_or_else(|| panic!("markdown layout:\n{md}"));
    assert!(
        report.starts_with(
            "précis 28 words · target 23 (21–25) · 3 over the band · source 70 words\n"
        ),
        "{report}"
    );
    assert!(
        report.contains("\ntitle: “NIGHT BUSES STAY” (3 words, line 1)"),
        "{report}"
    );
    assert!(
        report.ends_with('\n') && !report.contains('\u{1b}'),
        "{report}"
    );

    let (txt, _, _) = f.run(&["export", NEWEST, "--format", "txt", "--report"]);
    let rule = "-".repeat(40);
    assert_eq!(txt, format!("{NEWEST_TXT}\n{rule}\n{report}"));
}

#[test]
fn output_goes_to_a_file_when_asked() {
    let f = Fixture::new();
    let out_dir = tempfile::tempdir().expect("tempdir");
    let file = out_dir.path().join("precis.txt");
    fs::write(&file, "an older export").expect("old file");
    let (out, err, code) = f.run(&[
        "export",
        NEWEST,
        "--format",
        "txt",
        "-o",
        &file.to_string_lossy(),
    ]);
    assert_eq!((code, out.as_str(), err.as_str()), (0, "", ""));
    assert_eq!(fs::read_to_string(&file).ok().as_deref(), Some(NEWEST_TXT));
    let left: Vec<_> = fs::read_dir(out_dir.path())
        .expect("dir")
        .filter_map(Result::ok)
        .map(|e| e.file_name())
        .collect();
    assert_eq!(left.len(), 1, "no temporary file is left: {left:?}");
}

#[test]
fn an_unknown_id_is_one_line_and_exit_2() {
    let f = Fixture::new();
    let (out, err, code) = f.run(&["export", "nope"]);
    assert_eq!(code, 2);
    assert_eq!(out, "");
    assert_eq!(
        err,
        format!("precis: no draft 'nope' in {}\n", f.drafts_dir().display())
    );
}

#[test]
fn an_unreadable_draft_is_one_line_naming_the_file_and_is_left_alone() {
    let f = Fixture::new();
    let (out, err, code) = f.run(&["export", "broken"]);
    assert_eq!(code, 2);
    assert_eq!(out, "");
    let expected = format!(
        "precis: {}: unreadable draft (not a draft: ",
        f.corrupt_file().display()
    );
    assert!(err.starts_with(&expected), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert_eq!(fs::read(f.corrupt_file()).ok().as_deref(), Some(CORRUPT));
}

#[test]
fn drafts_json_needs_no_list_flag() {
    let f = Fixture::new();
    let (listed, _, _) = f.run(&["drafts", "--list", "--json"]);
    let (json, err, code) = f.run(&["drafts", "--json"]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(json, listed);
}

#[test]
fn export_takes_the_start_of_an_id_or_a_title() {
    let f = Fixture::new();
    for reference in [
        "20250302",
        "20250302-101500-aaaaaa",
        "night buses stay",
        "Night  Buses STAY",
    ] {
        let (out, err, code) = f.run(&["export", reference]);
        assert_eq!((code, err.as_str()), (0, ""), "{reference}");
        assert_eq!(out, NEWEST_MD, "{reference}");
    }
    let (out, err, code) = f.run(&["export", "BUSES AFTER MIDNIGHT", "--format", "txt"]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(
        out,
        "Title: Buses After Midnight\n\nNight buses help shift workers.\n"
    );
}

#[test]
fn an_ambiguous_draft_is_one_line_listing_the_candidates() {
    let f = Fixture::new();
    let (out, err, code) = f.run(&["export", "202503"]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert_eq!(
        err,
        format!("precis: '202503' matches 2 drafts: {DECLARED}, {NEWEST}; give more of the id\n")
    );
}

/// The names of the files in `dir`, sorted.
fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("dir")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn export_into_a_folder_names_the_file_after_the_title() {
    let f = Fixture::new();
    let out_dir = tempfile::tempdir().expect("tempdir");
    let folder = out_dir.path().to_string_lossy().into_owned();
    let expect_written = |args: &[&str], name: &str, text: &str| {
        let mut with_dir = args.to_vec();
        with_dir.extend(["-o", &folder]);
        let (out, err, code) = f.run(&with_dir);
        let path = out_dir.path().join(name);
        assert_eq!(
            (code, out, err.as_str()),
            (0, format!("{}\n", path.display()), ""),
            "{args:?}"
        );
        assert_eq!(
            fs::read_to_string(&path).ok().as_deref(),
            Some(text),
            "{name}"
        );
    };
    expect_written(
        &["export", "night buses stay"],
        "night-buses-stay.md",
        NEWEST_MD,
    );
    expect_written(&["export", NEWEST], "night-buses-stay-2.md", NEWEST_MD);
    expect_written(
        &["export", NEWEST, "--format", "txt"],
        "night-buses-stay.txt",
        NEWEST_TXT,
    );
    // Untitled: named after the source file the précis summarises.
    expect_written(&["export", DECLARED], "buses.md", DECLARED_EXPORT);
    assert_eq!(
        names_in(out_dir.path()),
        [
            "buses.md",
            "night-buses-stay-2.md",
            "night-buses-stay.md",
            "night-buses-stay.txt"
        ],
        "no temporary or empty file is left"
    );
}

/// `export --report` checks spelling as the editor does: in the language
/// of the student's config, trusting the words on their list.
#[test]
fn an_exported_report_spells_as_the_students_config_says() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = DraftStore::open(dir.path()).expect("store");
    let body = "Night buses, painted a bright color, carry Zorvathi cleaners home.";
    let d = draft(
        "20250401-090000-cccccc",
        "Buses at Night",
        body,
        Origin::Stdin,
        at(1_743_498_000),
    );
    store.save(&d).expect("save");
    let export = |config: &Path| {
        let out = Command::cargo_bin("precis")
            .expect("binary builds")
            .env("NO_COLOR", "1")
            .env("XDG_CONFIG_HOME", config)
            .arg("--data-dir")
            .arg(dir.path())
            .args(["export", &d.id, "--report"])
            .output()
            .expect("runs");
        assert_eq!(out.status.code(), Some(0));
        String::from_utf8(out.stdout).expect("utf-8")
    };

    let british = export(&dir.path().join("no-config"));
    assert!(
        british.contains("“color” is the American spelling"),
        "{british}"
    );
    assert!(
        british.contains("“Zorvathi”: not in the British English dictionary"),
        "{british}"
    );

    let config = dir.path().join("config");
    fs::create_dir_all(config.join("precis")).expect("config folder");
    fs::write(config.join("precis/config.toml"), "spelling = \"en-us\"\n").expect("config");
    fs::write(config.join("precis/words.txt"), "Zorvathi\n").expect("words");
    let american = export(&config);
    assert!(!american.contains("color”"), "{american}");
    assert!(!american.contains("Zorvathi”"), "{american}");
}
