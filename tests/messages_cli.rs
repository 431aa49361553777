//! Messages a student can act on: no terminal for the editor, an exam of
//! no time, a PDF or Word file given as text, and `check`'s two files
//! given the wrong way round.

use std::os::fd::{FromRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_precis");

const NO_TERMINAL: &str =
    "precis: précis needs a terminal: run it in one, or use `precis check` in scripts\n";

fn passage(file: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets/passages")
        .join(file)
}

/// `precis ARGS` kept away from the real home, in a session of its own:
/// it has no controlling terminal, as under cron or a service.
fn precis(home: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new(BIN);
    cmd.args(args)
        .current_dir(home)
        .env("NO_COLOR", "1")
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .stdin(Stdio::null());
    // SAFETY: setsid is async-signal-safe and touches no memory.
    unsafe {
        cmd.pre_exec(|| {
            libc::setsid();
            Ok(())
        });
    }
    cmd
}

fn output(cmd: &mut Command) -> (String, String, Option<i32>) {
    let Output {
        status,
        stdout,
        stderr,
    } = cmd.output().expect("runs");
    (
        String::from_utf8_lossy(&stdout).into_owned(),
        String::from_utf8_lossy(&stderr).into_owned(),
        status.code(),
    )
}

#[test]
fn the_editor_without_a_terminal_says_what_to_do() {
    let home = tempfile::tempdir().expect("home");
    for args in [
        vec![],
        vec!["exam"],
        vec!["silk-road"],
        vec!["exam", "silk-road", "--time", "5m"],
    ] {
        let (out, err, code) = output(precis(home.path(), &args).stdout(Stdio::piped()));
        assert_eq!(
            (code, out.as_str(), err.as_str()),
            (Some(2), "", NO_TERMINAL),
            "precis {args:?}"
        );
    }
}

/// A pseudo-terminal's two ends: the controlling side and the terminal.
fn open_pty() -> (OwnedFd, OwnedFd) {
    let (mut master, mut slave) = (-1, -1);
    // SAFETY: openpty writes two descriptors into the integers given; the
    // name, settings and size pointers may be null.
    let made = unsafe {
        libc::openpty(
            &mut master,
            &mut slave,
            std::ptr::null_mut(),
            std::ptr::null(),
            std::ptr::null(),
        )
    };
    assert_eq!(made, 0, "openpty: {}", std::io::Error::last_os_error());
    // SAFETY: both descriptors were just opened and are owned by no one else.
    unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) }
}

#[test]
fn a_terminal_for_output_but_none_to_type_in_is_no_terminal_either() {
    let home = tempfile::tempdir().expect("home");
    let (_master, slave) = open_pty();
    // Standard output is a terminal, but the process has no controlling
    // terminal to read keys from (it is a session of its own).
    let (_, err, code) = output(precis(home.path(), &[]).stdout(Stdio::from(slave)));
    assert_eq!((code, err.as_str()), (Some(2), NO_TERMINAL));
}

#[test]
fn an_exam_of_no_time_asks_for_at_least_a_minute() {
    let home = tempfile::tempdir().expect("home");
    for args in [["exam", "--time", "0s"], ["exam", "--time", "0m"]] {
        let (_, err, code) = output(&mut precis(home.path(), &args));
        assert_eq!(code, Some(2), "{args:?}");
        assert!(
            err.contains(&format!(
                "'{}' is no time at all: give at least 1 minute",
                args[2]
            )),
            "{args:?}: {err}"
        );
        assert!(!err.contains("is not a duration"), "{err}");
    }
    // No reading time is a choice, not a mistake: the option is taken, and
    // only the missing terminal stops the exam here.
    let (_, err, code) = output(&mut precis(home.path(), &["exam", "--reading", "0s"]));
    assert_eq!((code, err.as_str()), (Some(2), NO_TERMINAL));
    let config = home.path().join("config/precis");
    std::fs::create_dir_all(&config).expect("config dir");
    std::fs::write(config.join("config.toml"), "exam_time = \"0m\"\n").expect("config");
    let source = passage("04-silk-road.md");
    let (_, err, _) = output(&mut precis(
        home.path(),
        &[
            "check",
            &source.to_string_lossy(),
            &source.to_string_lossy(),
        ],
    ));
    assert!(
        err.contains("(exam_time): '0m' is no time at all: give at least 1 minute"),
        "{err}"
    );
}

/// Documents a student might hand in, by their first bytes.
const DOCUMENTS: [(&str, &[u8], &str); 4] = [
    (
        "notes.pdf",
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< >>\nstream\n\x00\x01",
        "PDF",
    ),
    (
        "essay.docx",
        b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00[Content_Types].xml\x00word/document.xml",
        "Word",
    ),
    (
        "saved-as-zip",
        b"PK\x03\x04\x14\x00\x00\x00\x08\x00word/styles.xml",
        "Word",
    ),
    (
        "old.doc",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00\x00\x00>\x00\x03\x00",
        "Word",
    ),
];

#[test]
fn a_pdf_or_word_file_is_named_as_such() {
    let home = tempfile::tempdir().expect("home");
    let text = passage("04-silk-road.md");
    let text = text.to_string_lossy();
    for (name, bytes, kind) in DOCUMENTS {
        let path = home.path().join(name);
        std::fs::write(&path, bytes).expect("write");
        let path = path.to_string_lossy();
        let expected = format!("precis: {path}: is a {kind} file: save it as plain text first\n");
        for args in [
            vec!["check", &path, &text],
            vec!["check", &text, &path],
            vec!["check", "--lossy", &text, &path],
            vec![&path],
            vec!["exam", &path],
        ] {
            let (out, err, code) = output(&mut precis(home.path(), &args));
            assert_eq!(
                (code, out.as_str(), err.as_str()),
                (Some(2), "", expected.as_str()),
                "precis {args:?}"
            );
        }
    }
}

#[test]
fn a_precis_longer_than_its_source_hints_at_swapped_files() {
    let home = tempfile::tempdir().expect("home");
    let source = passage("04-silk-road.md");
    let model = passage("04-silk-road.precis.md");
    let (source, model) = (source.to_string_lossy(), model.to_string_lossy());
    let (_, err, _) = output(&mut precis(home.path(), &["check", &model, &source]));
    assert!(
        err.starts_with("precis: hint: the précis (")
            && err.contains("words) is longer than its source (")
            && err.ends_with("give the source first: precis check SOURCE PRECIS\n"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
    let (json, err, _) = output(&mut precis(
        home.path(),
        &["check", "--json", &model, &source],
    ));
    assert!(err.contains("hint:"), "{err}");
    let report: serde_json::Value = serde_json::from_str(&json).expect("the JSON stays whole");
    assert!(report["precis"]["words"].as_u64() > report["source"]["words"].as_u64());
    let (_, err, code) = output(&mut precis(home.path(), &["check", &source, &model]));
    assert_eq!(
        (code, err.as_str()),
        (Some(0), ""),
        "no hint the right way round"
    );
}
