//! Output into a pipe whose reader has gone (`precis passages | head -1`)
//! ends quietly with status 0, as grep and rg do, for every command that
//! prints: no "Broken pipe" message, no panic, no status 2.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use jiff::Timestamp;
use precis::analysis::Settings;
use precis::analysis::words::CountingOptions;
use precis::store::draft::DRAFT_VERSION;
use precis::store::{Draft, DraftSource, DraftStore, Mode, Origin};

const BIN: &str = env!("CARGO_BIN_EXE_precis");

fn passage(file: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets/passages")
        .join(file)
}

/// A data directory holding one draft, `20250302-101500-aaaaaa`.
fn data_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = DraftStore::open(dir.path()).expect("store");
    let at = Timestamp::from_second(1_740_910_500).expect("timestamp");
    let draft = Draft {
        version: DRAFT_VERSION,
        id: "20250302-101500-aaaaaa".into(),
        created: at,
        updated: at,
        source: DraftSource {
            origin: Origin::BuiltIn {
                id: "silk-road".into(),
            },
            title: None,
            text: precis::passages::ALL[3].text.to_string(),
        },
        title: "Trade Carried Ideas".into(),
        body: "Goods moved along the routes, and ideas moved with them.".into(),
        settings: Settings::default(),
        counting: CountingOptions::default(),
        mode: Mode::Practice,
        timeline: Vec::new(),
        exam: None,
    };
    store.save(&draft).expect("save");
    dir
}

/// `precis ARGS` kept away from the real home.
fn precis(home: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new(BIN);
    cmd.args(args)
        .env("NO_COLOR", "1")
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .stdin(Stdio::null())
        .stderr(Stdio::piped());
    cmd
}

/// Runs the command with standard output a pipe whose reading end is
/// already closed; returns its status and standard error.
fn into_closed_pipe(mut cmd: Command) -> (Option<i32>, String) {
    let (reader, writer) = std::io::pipe().expect("a pipe");
    drop(reader);
    let out = cmd.stdout(writer).output().expect("runs");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn every_command_that_prints_ends_quietly_on_a_closed_pipe() {
    let home = tempfile::tempdir().expect("home");
    let data = data_dir();
    let data = data.path().to_string_lossy().into_owned();
    let source = passage("04-silk-road.md");
    let model = passage("04-silk-road.precis.md");
    let (source, model) = (source.to_string_lossy(), model.to_string_lossy());
    let precis_file = home.path().join("short.txt");
    std::fs::write(&precis_file, "Goods moved, and ideas too, don't they?\n").expect("write");
    let findings = precis_file.to_string_lossy();
    let commands: Vec<Vec<&str>> = vec![
        vec!["check", &source, &model],
        vec!["check", &source, &findings],
        vec!["check", "--json", &source, &model],
        vec!["check", "--json", &source, &findings],
        vec!["passages"],
        vec!["passages", "--json"],
        vec!["drafts", "--data-dir", &data],
        vec!["drafts", "--list", "--data-dir", &data],
        vec!["drafts", "--json", "--data-dir", &data],
        vec!["export", "20250302", "--data-dir", &data],
        vec![
            "export",
            "20250302",
            "--report",
            "--format",
            "txt",
            "--data-dir",
            &data,
        ],
        vec!["man"],
        vec!["man", "check"],
        vec!["completions", "bash"],
        vec!["completions", "zsh"],
        vec!["help"],
        vec!["help", "check"],
        vec!["--help"],
        vec!["check", "--help"],
    ];
    for args in commands {
        let (code, err) = into_closed_pipe(precis(home.path(), &args));
        assert_eq!(
            (code, err.as_str()),
            (Some(0), ""),
            "precis {args:?} into a closed pipe"
        );
    }
}

#[test]
fn a_long_report_read_only_in_part_ends_quietly() {
    let home = tempfile::tempdir().expect("home");
    let sentence =
        "In 2021 the port handled 4 million containers, and the city grew around its docks. ";
    let source = home.path().join("long.txt");
    std::fs::write(&source, sentence.repeat(4_000)).expect("write");
    let precis_file = home.path().join("precis.txt");
    std::fs::write(&precis_file, "The port handled 5 million containers.\n").expect("write");
    let mut child = precis(
        home.path(),
        &[
            "check",
            "--json",
            &source.to_string_lossy(),
            &precis_file.to_string_lossy(),
        ],
    )
    .stdout(Stdio::piped())
    .spawn()
    .expect("spawns");
    let stdout = child.stdout.take().expect("stdout");
    let mut first = String::new();
    BufReader::new(stdout)
        .read_line(&mut first)
        .expect("reads a line");
    assert!(first.starts_with('{'), "{first}");
    // The reader is gone now, as `head -1` would be, with most of the
    // report (well over a pipe's buffer) still to come.
    let out = child.wait_with_output().expect("ends");
    assert_eq!(
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stderr).as_ref()
        ),
        (Some(0), "")
    );
}
