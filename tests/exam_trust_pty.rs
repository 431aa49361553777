//! A running exam stays an exam in the real editor, in a pseudo-terminal:
//! Ctrl+Q asks before leaving it and says the clock keeps running, leaving
//! prints one line saying when time is up, and the exam opened again from
//! the drafts browser keeps its checks hidden, as when `precis` resumes it;
//! `precis exam` sets a passage not just practised. Every wait is bounded.

mod pty;

use std::path::Path;

use jiff::Timestamp;
use precis::analysis::Settings;
use precis::analysis::words::CountingOptions;
use precis::passages;
use precis::store::draft::DRAFT_VERSION;
use precis::store::{Draft, DraftSource, DraftStore, Mode, Origin};
use pty::{Pty, draft_files, flat, home, read_json};

const CTRL_Q: &str = "\x11";
const ENTER: &str = "\r";

/// A short précis in our own words: 7 words, on any passage.
const SENTENCE: &str = "Public money is spent without enough care.";

/// Starts a 60 s exam, types the sentence, and leaves it with Ctrl+Q and
/// `y`; returns the editor's pty once it has exited.
fn leave_a_running_exam(home: &Path) -> Pty {
    let mut pty = Pty::precis(home, &["exam", "--time", "60s", "--quiet"]);
    pty.wait_for("Exam: 01:00 to write.");
    pty.wait_for("⏱ 00:5");
    pty.send(SENTENCE);
    pty.wait_for("Précis · 7/");

    pty.send(CTRL_Q);
    pty.wait_for(" Leave the exam? ");
    pty.wait_for("The clock keeps running while you are away: time is up in 00:");
    pty.send("n");
    pty.wait_until("the question to close", |s| {
        !flat(s).contains("Leave the exam?")
    });
    pty.wait_for("⏱ 00:");
    pty.send(CTRL_Q);
    pty.wait_for(" Leave the exam? ");
    pty.send("y");
    let status = pty.wait_exit();
    assert!(status.success(), "{status:?}");
    pty
}

#[test]
fn ctrl_q_asks_first_and_leaving_says_when_time_is_up() {
    let home = home();
    let pty = leave_a_running_exam(home.path());
    let screen = flat(pty.out().parser.screen());
    let line = screen
        .find("precis: your exam is still running: time is up at ")
        .map(|at| &screen[at..])
        .unwrap_or_else(|| panic!("no deadline line on the terminal:\n{}", pty.screen()));
    let time = &line["precis: your exam is still running: time is up at ".len()..];
    let clock = time.get(..8).unwrap_or_default();
    assert!(
        clock.len() == 8
            && clock.chars().enumerate().all(|(i, c)| if i % 3 == 2 {
                c == ':'
            } else {
                c.is_ascii_digit()
            }),
        "not a time of day: {line}"
    );
    assert!(
        time[8..].starts_with(" (in 00:") && line.contains("); run precis to go back to it"),
        "{line}"
    );
    let files = draft_files(home.path());
    assert_eq!(files.len(), 1, "{files:?}");
    let draft = read_json(&files[0]).expect("the draft");
    assert_eq!(draft["body"], SENTENCE);
    assert!(
        draft["exam"]["submitted"].is_null(),
        "leaving handed the exam in: {draft}"
    );
}

/// The exam left running, opened again from `precis drafts`, shows only
/// its word count and clock, as `precis` resumes it (it once opened with
/// the whole report in the flags panel while the clock ran on).
#[test]
fn a_running_exam_opened_from_the_drafts_browser_keeps_its_checks_hidden() {
    let home = home();
    drop(leave_a_running_exam(home.path()));

    let mut pty = Pty::precis(home.path(), &["drafts"]);
    pty.wait_for(" Drafts (1) ");
    pty.wait_for("exam (running)");
    pty.send(ENTER);
    pty.wait_for(SENTENCE);
    pty.wait_for("⏱ 00:");
    pty.wait_for("checks hidden until the review");
    pty.wait_for("Resumed your exam on");
    let screen = flat(pty.out().parser.screen());
    assert!(
        !screen.contains(" Flags (") && !screen.contains("Exam review"),
        "the report is shown while the exam runs:\n{}",
        pty.screen()
    );
    pty.send(CTRL_Q);
    pty.wait_for(" Leave the exam? ");
}

/// A practice draft on built-in passage `id`, last saved at `second`.
fn practice_on(id: &str, second: i64) -> Draft {
    let passage = passages::find(id).expect("built-in passage");
    let at = Timestamp::from_second(second).expect("timestamp");
    Draft {
        version: DRAFT_VERSION,
        id: format!("practice-{id}"),
        created: at,
        updated: at,
        source: DraftSource {
            origin: Origin::BuiltIn { id: id.to_string() },
            title: Some(passage.title().to_string()),
            text: passage.text.to_string(),
        },
        title: String::new(),
        body: "A few words of practice.".to_string(),
        settings: Settings::default(),
        counting: CountingOptions::default(),
        mode: Mode::Practice,
        timeline: Vec::new(),
        exam: None,
    }
}

/// With every built-in passage but one practised, `precis exam` sets that
/// one (it once chose among all passages never attempted *in an exam*).
#[test]
fn precis_exam_sets_a_passage_not_just_practised() {
    let home = home();
    let store = DraftStore::open(&home.path().join("data/precis")).expect("store");
    let left_out = passages::ALL[5];
    let now = Timestamp::now().as_second();
    for (n, p) in passages::ALL.iter().enumerate() {
        if p.id != left_out.id {
            store
                .save(&practice_on(p.id, now - 60 * n as i64))
                .expect("save");
        }
    }
    let opening: String = left_out
        .text
        .lines()
        .skip(1)
        .flat_map(str::split_whitespace)
        .take(5)
        .collect::<Vec<_>>()
        .join(" ");
    let mut pty = Pty::precis(home.path(), &["exam", "--time", "60s", "--quiet"]);
    pty.wait_for("Exam: 01:00 to write.");
    pty.wait_for(&opening);
    pty.send(CTRL_Q);
    pty.wait_for(" Leave the exam? ");
    pty.send("y");
    assert!(pty.wait_exit().success());
}
