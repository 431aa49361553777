//! Hostile input for the real binary: escape sequences, control characters,
//! NUL bytes, invalid UTF-8, a 5 MB line, 50 MB of text, deeply nested
//! markdown, invisible and bidirectional characters, combining marks and
//! wide characters. `precis check` and the editor (in a pseudo-terminal) must
//! each give a correct report or a clear one-line error: no panic, nothing
//! from the file obeyed by the terminal, and the terminal always restored.

mod pty;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Duration;

use pty::{Pty, assert_terminal_restored, count, home};

const CTRL_Q: &str = "\x11";

/// A plain précis to check hostile sources against, and a plain source for
/// hostile précis.
const PLAIN_PRECIS: &str =
    "Title: Villages Without Water\n\nWells failed and repairs were delayed.\n\n(6 words)\n";
const PLAIN_SOURCE: &str = "Wells ran dry in many villages. Repairs were promised but delayed. \
                            Officials blamed the budget, and families carried water from afar.\n";

/// Escape sequences a file might carry to drive a terminal: set the window
/// title (OSC), clear the screen and colour it (CSI), device control and
/// application strings (DCS, APC), and a C1 CSI.
const ESCAPES: &str = "Wells ran dry in 40 percent of villages.\x1b]0;PWNED-TITLE\x07 Repairs \
                       cost $2 million.\x1b[2J\x1b[31m Officials\x1bP1$qm\x1b\\ promised \
                       action\x1b_APC-PAYLOAD\x1b\\ within 3 years.\u{9b}31m Nothing was done.\n";

/// The hostile files that are text: each must be read and shown.
fn readable() -> Vec<(&'static str, Vec<u8>)> {
    let mut nested = String::new();
    nested.push_str(&"> ".repeat(5_000));
    nested.push_str("a quotation nested five thousand deep.\n\n");
    nested.push_str(&"[".repeat(20_000));
    nested.push_str("link");
    nested.push_str(&"]".repeat(20_000));
    nested.push_str("\n\n");
    nested.push_str(&"#".repeat(3_000));
    nested.push_str(" heading\n\n");
    for depth in 0..2_000 {
        nested.push_str(&"  ".repeat(depth));
        nested.push_str("- item\n");
    }
    nested.push_str(&"**".repeat(25_000));
    nested.push_str("\nCosts rose by 12 percent.\n");
    vec![
        ("escapes.txt", ESCAPES.as_bytes().to_vec()),
        (
            "bells.txt",
            b"Bells\x07\x07 rang. Back\x08\x08\x08spaces and carriage\rreturns hide \x7f\
              text.\x1b Costs rose 12 percent.\x0c\x0b\n"
                .to_vec(),
        ),
        (
            "one_line.txt",
            format!("{}The cost was $65 billion.", "word ".repeat(1_000_000)).into_bytes(),
        ),
        ("nested.md", nested.into_bytes()),
        (
            "invisible.txt",
            "Zero\u{200b}width\u{200c}join\u{200d}ers\u{2060} and \u{feff}marks; \
             \u{202e}reversed\u{202c}, \u{2066}isolated\u{2069} and \u{200f}marked text \
             cost 5 percent.\n"
                .as_bytes()
                .to_vec(),
        ),
        (
            "combining.txt",
            format!(
                "Cafe\u{301} prices and a{} zalgo line rose 3 percent.\n",
                "\u{301}\u{302}\u{303}\u{304}\u{305}".repeat(200)
            )
            .into_bytes(),
        ),
        (
            "wide.txt",
            "中华人民共和国的经济增长了百分之五。ＦＵＬＬＷＩＤＴＨ ｔｅｘｔ 🎉🎉 and 65 billion.\n"
                .repeat(200)
                .into_bytes(),
        ),
    ]
}

/// The hostile files that are not text, with what the error must say.
fn unreadable() -> Vec<(&'static str, Vec<u8>, &'static str)> {
    vec![
        (
            "nul.txt",
            b"Text with a \0 NUL byte in it.\n".to_vec(),
            "binary",
        ),
        (
            "latin1.txt",
            b"The caf\xe9 prices rose 12 percent.\n".to_vec(),
            "--lossy",
        ),
    ]
}

/// Writes `bytes` as `name` in `dir`.
fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write a hostile file");
    path
}

/// `precis ARGS`, away from the real home and without colour.
fn precis(home: &Path, args: &[&Path]) -> Output {
    Command::new(pty::BIN)
        .args(args)
        .env("NO_COLOR", "1")
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .output()
        .expect("runs")
}

/// A report, text or JSON, that is safe to print: no control character but
/// the line break.
fn assert_printable(what: &str, out: &Output) {
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{what}: exit {:?}, stderr {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout.clone()).expect("UTF-8 output");
    let bad: Vec<char> = text
        .chars()
        .filter(|c| (c.is_control() && *c != '\n') || ('\u{202a}'..='\u{202e}').contains(c))
        .collect();
    assert!(
        bad.is_empty(),
        "{what}: control characters in the output: {bad:?}"
    );
}

#[test]
fn check_reports_every_hostile_text_safely_in_both_forms() {
    let home = home();
    let dir = home.path();
    let plain_precis = write(dir, "plain_precis.txt", PLAIN_PRECIS.as_bytes());
    let plain_source = write(dir, "plain_source.txt", PLAIN_SOURCE.as_bytes());
    for (name, bytes) in readable() {
        let file = write(dir, name, &bytes);
        for (what, source, precis_file) in [
            ("as source", &file, &plain_precis),
            ("as précis", &plain_source, &file),
        ] {
            let check = Path::new("check");
            let out = precis(home.path(), &[check, source, precis_file]);
            assert_printable(&format!("{name} {what}"), &out);
            let json = precis(
                home.path(),
                &[check, source, precis_file, Path::new("--json")],
            );
            let value: serde_json::Value = serde_json::from_slice(&json.stdout)
                .unwrap_or_else(|e| panic!("{name} {what}: not one JSON object: {e}"));
            assert_eq!(value["report_version"], 1, "{name} {what}");
        }
    }
}

#[test]
fn check_refuses_what_is_not_text_in_one_line() {
    let home = home();
    let plain = write(home.path(), "plain_precis.txt", PLAIN_PRECIS.as_bytes());
    for (name, bytes, says) in unreadable() {
        let file = write(home.path(), name, &bytes);
        let out = precis(home.path(), &[Path::new("check"), &file, &plain]);
        assert_eq!(out.status.code(), Some(2), "{name}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(err.lines().count(), 1, "{name}: {err}");
        assert!(err.contains(name) && err.contains(says), "{name}: {err}");
    }
}

/// Opens `file` in the editor, types a word, quits, and checks that nothing
/// from the file reached the terminal and that the terminal was restored.
fn edit_safely(file: &Path, args: &[&str], startup: Duration) {
    let home = home();
    let mut argv: Vec<&str> = args.to_vec();
    argv.push(file.to_str().expect("UTF-8 path"));
    let mut pty = Pty::precis(home.path(), &argv);
    let name = file.file_name().and_then(|n| n.to_str()).expect("name");
    pty.wait_until_within(startup, "the source pane", |s| {
        pty::flat(s).contains("Source:")
    });
    pty.send("Wells");
    pty.wait_until_within(startup, "the typed word counted", |s| {
        pty::flat(s).contains("Précis · 1/")
    });
    pty.send(CTRL_Q);
    let status = pty.wait_exit_within(startup);
    assert!(status.success(), "{name}: {status:?}");
    let raw = pty.raw();
    for payload in [
        &b"\x1b]0;PWNED"[..],
        b"\x1bP1$q",
        b"\x1b_APC",
        "\u{9b}".as_bytes(),
        b"\x07",
        b"\x08",
    ] {
        assert_eq!(
            count(&raw, payload),
            0,
            "{name}: {payload:?} reached the terminal"
        );
    }
    let out = pty.out();
    let seen = out.parser.callbacks();
    assert!(seen.titles.is_empty(), "{name}: the window title was set");
    assert!(!seen.c1, "{name}: a C1 control reached the terminal");
    drop(out);
    assert_terminal_restored(&raw);
}

#[test]
fn the_editor_shows_every_hostile_text_without_obeying_it() {
    let dir = home();
    for (name, bytes) in readable() {
        let file = write(dir.path(), name, &bytes);
        edit_safely(&file, &[], Duration::from_secs(20));
    }
}

#[test]
fn the_editor_refuses_what_is_not_text_before_taking_the_terminal() {
    let dir = home();
    for (name, bytes, says) in unreadable() {
        let file = write(dir.path(), name, &bytes);
        let mut pty = Pty::precis(dir.path(), &[file.to_str().expect("UTF-8 path")]);
        let status = pty.wait_exit();
        assert_eq!(status.exit_code(), 2, "{name}");
        let raw = pty.raw();
        let text = String::from_utf8_lossy(&raw);
        assert!(text.contains(name) && text.contains(says), "{name}: {text}");
        assert_eq!(text.trim_end().lines().count(), 1, "{name}: {text}");
        assert_eq!(
            count(&raw, b"\x1b[?1049h"),
            0,
            "{name}: the alternate screen was entered"
        );
    }
}

#[test]
fn a_file_that_is_not_utf8_opens_with_lossy() {
    let dir = home();
    let file = write(
        dir.path(),
        "latin1.txt",
        b"The caf\xe9 prices rose 12 percent.\n",
    );
    edit_safely(&file, &["--lossy"], Duration::from_secs(10));
}

#[test]
fn fifty_megabytes_of_text_open_in_the_editor() {
    let dir = home();
    let sentence = "Officials said 40 percent of the wells had failed, and repairs would cost \
                    $2 million over three years. ";
    let text = sentence.repeat(50 * 1024 * 1024 / sentence.len() + 1);
    let file = write(dir.path(), "fifty.txt", text.as_bytes());
    // Indexing and the first save of a 50 MB source take seconds, more on a
    // loaded CI machine; a note says so meanwhile.
    edit_safely(&file, &[], Duration::from_secs(90));
}
