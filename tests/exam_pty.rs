//! Timed exams in the real editor, in a pseudo-terminal: the précis is
//! locked and handed in the moment time is up, reading time refuses typing,
//! Ctrl+E hands it in early, and an exam killed mid-way is resumed on its
//! wall-clock deadline. Every wait is bounded.

mod pty;

use std::path::Path;
use std::thread;
use std::time::Duration;

use jiff::Timestamp;
use pty::{Pty, draft_files, flat, home, kill, precis_with_pid, wait_disk};
use serde_json::Value;

const CTRL_E: &str = "\x05";

/// A short précis in our own words: 7 words, on any passage.
const SENTENCE: &str = "Public money is spent without enough care.";
/// Its word count as the précis pane's title shows it.
const SENTENCE_COUNT: &str = "Précis · 7/";
/// Typed when typing must change nothing; found nowhere else on screen.
const EXTRA: &str = " Zyxwv qjkz";

/// The only draft under `home`, once there is one and it reads as JSON.
fn only_draft(home: &Path) -> Option<Value> {
    let files = draft_files(home);
    assert!(files.len() <= 1, "more than one draft: {files:?}");
    serde_json::from_slice(&std::fs::read(files.first()?).ok()?).ok()
}

/// The only draft once it has been handed in.
fn submitted_draft(home: &Path) -> Value {
    wait_disk("the submitted exam on disk", || {
        only_draft(home).filter(|d| !d["exam"]["submitted"].is_null())
    })
}

/// A timestamp field of a draft's `exam` object.
fn exam_time(draft: &Value, field: &str) -> Timestamp {
    let text = draft["exam"][field]
        .as_str()
        .unwrap_or_else(|| panic!("exam.{field} is not a timestamp: {draft}"));
    text.parse()
        .unwrap_or_else(|e| panic!("exam.{field} = {text:?}: {e}"))
}

/// Waits for the review of a submitted exam: the panel with its time used,
/// a checklist, and the status bar's `submitted` clock and `read-only`.
fn wait_for_review(pty: &Pty, time: &str) {
    pty.wait_for(" Exam review ");
    pty.wait_for(&format!("Time used {time} of {time}"));
    pty.wait_for(&format!("submitted {time}"));
    pty.wait_for("read-only");
    pty.wait_until("a checklist of ✓/✗ lines", |s| {
        s.contents().lines().any(|l| {
            l.contains("✓ length within the band") || l.contains("✗ length within the band")
        })
    });
}

/// Asserts `draft` is a submitted exam attempt holding exactly `body`.
fn assert_submitted(draft: &Value, body: &str) {
    assert_eq!(draft["mode"], "exam", "{draft}");
    assert_eq!(draft["body"], body, "the body handed in");
    assert!(!draft["exam"]["submitted"].is_null(), "{draft}");
}

#[test]
fn time_up_hands_in_what_was_typed_and_locks_the_precis() {
    let home = home();
    let mut pty = Pty::precis(home.path(), &["exam", "--time", "3s", "--quiet"]);
    pty.wait_for("Exam: ");
    pty.wait_for("Exam: 00:03 to write. Ctrl+E submits early.");
    pty.wait_for("⏱ 00:0");
    pty.wait_for("checks hidden until the review");
    pty.send(SENTENCE);
    pty.wait_for(SENTENCE_COUNT);
    pty.wait_for(SENTENCE);

    // The harness's 10 s bound covers the 3 s exam with room to spare.
    pty.wait_for(" Exam review ");
    pty.wait_for("Time is up: your précis was submitted as it stood.");
    pty.send(EXTRA);
    pty.wait_for("a submitted exam is kept as handed in · Ctrl+K copies it into a practice draft");
    // Nothing says the keys were ignored other than the message, so give a
    // wrongly applied key time to be drawn and saved before looking.
    thread::sleep(Duration::from_millis(800));

    wait_for_review(&pty, "00:03");
    pty.wait_for(SENTENCE);
    pty.wait_for(SENTENCE_COUNT);
    let screen = pty.screen();
    assert!(
        !screen.contains("Zyxwv") && !screen.contains("qjkz"),
        "keys typed after time-up reached the précis:\n{screen}"
    );
    let draft = submitted_draft(home.path());
    assert_submitted(&draft, SENTENCE);
    assert_eq!(
        exam_time(&draft, "submitted"),
        exam_time(&draft, "deadline"),
        "time-up hands the précis in at the deadline"
    );
}

#[test]
fn reading_time_refuses_typing_then_writing_opens() {
    let home = home();
    let mut pty = Pty::precis(
        home.path(),
        &["exam", "--reading", "2s", "--time", "4s", "--quiet"],
    );
    // The greeting's end is clipped on a long passage name (see below).
    pty.wait_for("read for 00:02, then write for 00:04.");
    pty.wait_for("reading 00:0");
    pty.wait_for("Précis · 0/");
    pty.send(EXTRA);
    pty.wait_for("Reading time: the précis opens in 00:0");
    // The reading phase may end right after the refusal: the refused keys
    // must still be absent once writing has opened.
    pty.wait_for("Reading time is over: write your précis now.");
    pty.wait_for("⏱ 00:0");
    let screen = pty.screen();
    assert!(
        !screen.contains("Zyxwv") && !screen.contains("qjkz"),
        "keys typed while reading reached the précis:\n{screen}"
    );
    assert!(
        flat(pty.out().parser.screen()).contains("Précis · 0/"),
        "the count changed during reading:\n{screen}"
    );

    pty.send(SENTENCE);
    pty.wait_for(SENTENCE_COUNT);
    pty.wait_for(SENTENCE);
    wait_for_review(&pty, "00:04");
    let draft = submitted_draft(home.path());
    assert_submitted(&draft, SENTENCE);
    let reading_until = exam_time(&draft, "reading_until");
    let started = exam_time(&draft, "started");
    assert_eq!(started, reading_until, "writing starts when reading ends");
}

#[test]
fn ctrl_e_then_y_submits_early() {
    let home = home();
    let mut pty = Pty::precis(home.path(), &["exam", "--time", "60s", "--quiet"]);
    pty.wait_for("Exam: 01:00 to write. Ctrl+E submits early.");
    pty.wait_for("⏱ 00:5");
    pty.send(SENTENCE);
    pty.wait_for(SENTENCE_COUNT);

    // Any key but y keeps writing, and is not typed.
    pty.send(CTRL_E);
    pty.wait_for(" Submit ");
    // The box clips the question's end (see below).
    pty.wait_for("Hand in your précis now?");
    pty.wait_for("any other key keep writing");
    pty.send("n");
    pty.wait_until("the Submit box to close", |s| {
        !flat(s).contains("Hand in your précis now?")
    });
    pty.wait_for(SENTENCE_COUNT);
    pty.wait_for("⏱ 00:");
    assert!(
        !flat(pty.out().parser.screen()).contains("Exam review"),
        "a key other than y submitted:\n{}",
        pty.screen()
    );

    pty.send(CTRL_E);
    pty.wait_for(" Submit ");
    let asked = Timestamp::now();
    pty.send("y");
    pty.wait_for(" Exam review ");
    pty.wait_for("Submitted. Here is your review.");
    pty.wait_for("read-only");
    pty.wait_for("submitted 00:");
    pty.wait_for(" of 01:00");
    pty.wait_for(SENTENCE);

    let draft = submitted_draft(home.path());
    assert_submitted(&draft, SENTENCE);
    let submitted = exam_time(&draft, "submitted");
    let deadline = exam_time(&draft, "deadline");
    assert!(
        submitted >= exam_time(&draft, "started") && submitted <= Timestamp::now(),
        "submitted at {submitted}, asked at {asked}"
    );
    let early = deadline.duration_since(submitted);
    assert!(
        early >= jiff::SignedDuration::from_secs(40),
        "submitted at {submitted}, only {early:?} before the deadline {deadline}"
    );
}

#[test]
fn an_exam_killed_mid_way_opens_submitted_once_its_deadline_passed() {
    let home = home();
    {
        let (mut pty, pid) = precis_with_pid(home.path(), &["exam", "--time", "4s", "--quiet"]);
        pty.wait_for("Exam: 00:04 to write. Ctrl+E submits early.");
        pty.send(SENTENCE);
        pty.wait_for(SENTENCE_COUNT);
        wait_disk("the typed sentence on disk", || {
            only_draft(home.path()).filter(|d| d["body"] == SENTENCE)
        });
        kill("KILL", pid);
        let status = pty.wait_exit();
        assert!(!status.success(), "kill -9 reported success: {status:?}");
    }
    let draft = only_draft(home.path()).expect("the draft after kill -9");
    assert_eq!(draft["mode"], "exam", "{draft}");
    assert!(
        draft["exam"]["submitted"].is_null(),
        "the exam was submitted before the kill: {draft}"
    );
    let deadline = exam_time(&draft, "deadline");
    // Wait (at most 6 s) until the deadline is well past.
    let wait = Duration::try_from(deadline.duration_since(Timestamp::now()))
        .unwrap_or(Duration::ZERO)
        .min(Duration::from_secs(5))
        + Duration::from_secs(1);
    thread::sleep(wait);
    assert!(
        Timestamp::now() > deadline,
        "the deadline {deadline} passed"
    );

    let again = Pty::precis(home.path(), &[]);
    wait_for_review(&again, "00:04");
    again.wait_for(SENTENCE);
    let draft = submitted_draft(home.path());
    assert_submitted(&draft, SENTENCE);
    assert_eq!(
        exam_time(&draft, "submitted"),
        deadline,
        "handed in at the deadline, not at the restart"
    );
}

#[test]
fn an_exam_killed_mid_way_resumes_on_its_wall_clock_deadline() {
    let home = home();
    {
        let (mut pty, pid) = precis_with_pid(home.path(), &["exam", "--time", "60s", "--quiet"]);
        pty.wait_for("Exam: 01:00 to write. Ctrl+E submits early.");
        pty.send(SENTENCE);
        pty.wait_for(SENTENCE_COUNT);
        wait_disk("the typed sentence on disk", || {
            only_draft(home.path()).filter(|d| d["body"] == SENTENCE)
        });
        kill("KILL", pid);
        pty.wait_exit();
    }
    let deadline = exam_time(
        &only_draft(home.path()).expect("the draft after kill -9"),
        "deadline",
    );
    // At least two seconds pass, so a clock restarted at 01:00 would show.
    thread::sleep(Duration::from_secs(2));

    let mut again = Pty::precis(home.path(), &[]);
    again.wait_for("Resumed your exam on");
    again.wait_for(SENTENCE);
    again.wait_for("checks hidden until the review");
    let left = Duration::try_from(deadline.duration_since(Timestamp::now()))
        .expect("the deadline is ahead");
    let shown = |s: &vt100::Screen| {
        let text = flat(s);
        let at = text.find("⏱ 00:")?;
        let secs: u64 = text[at + "⏱ 00:".len()..].get(..2)?.parse().ok()?;
        text[at..].contains(" left").then_some(secs)
    };
    again.wait_until("the clock", |s| shown(s).is_some());
    let secs = shown(again.out().parser.screen()).expect("the clock");
    assert!(
        secs <= left.as_secs() + 1 && secs + 3 >= left.as_secs(),
        "the clock shows 00:{secs:02} left with {left:?} to the deadline"
    );
    again.send(" More.");
    again.wait_for("Précis · 8/");
}

/// A source file whose `# Heading` is the longest built-in passage name, so
/// the exam is not on a randomly chosen passage.
fn long_named_source(home: &Path) -> String {
    let path = home.join("indus.md");
    std::fs::write(
        &path,
        "# Water and the Future of Farming in the Indus Basin\n\nCanals built a century \
         ago still carry most of the water that farms in the basin use. Wells now supply \
         more than half of it, and the water table falls by about a metre a year in many \
         districts. Salt spreads where aquifers are over-pumped.\n",
    )
    .expect("write source");
    path.display().to_string()
}

/// The clock rounds the time left up: a 3 s exam opens on `00:03` (it once
/// opened on `00:02` and showed `00:00` during its last second).
#[test]
fn the_clock_opens_on_the_full_writing_time() {
    let home = home();
    let pty = Pty::precis(home.path(), &["exam", "--time", "3s", "--quiet"]);
    pty.wait_for("⏱ 00:0");
    pty.wait_for("⏱ 00:03 left");
}

/// The Submit box is wide enough for its whole question.
#[test]
fn the_submit_box_shows_its_whole_question() {
    let home = home();
    let mut pty = Pty::precis(home.path(), &["exam", "--time", "60s", "--quiet"]);
    pty.wait_for("⏱ 00:5");
    pty.send(CTRL_E);
    pty.wait_for(" Submit ");
    pty.wait_for("Hand in your précis now? It cannot be changed afterwards.");
}

/// The exam greeting keeps its Ctrl+E hint in an 80-column terminal even on
/// the longest passage name (the name is left to the source pane's title).
#[test]
fn the_exam_greeting_keeps_the_ctrl_e_hint_for_a_long_name() {
    let home = home();
    let source = long_named_source(home.path());
    let mut pty = Pty::precis(home.path(), &["exam", &source, "--time", "60s", "--quiet"]);
    pty.resize(24, 80);
    pty.wait_for("Source: Water and the");
    pty.wait_until("the footer at 80 columns", |s| {
        s.rows(0, 80)
            .last()
            .is_some_and(|row| row.contains("01:00"))
    });
    let footer = pty.out().parser.screen().rows(0, 80).last();
    assert!(
        footer.is_some_and(|row| row.trim_end().ends_with("Ctrl+E submits early.")),
        "the greeting lost its end:\n{}",
        pty.screen()
    );
}

/// A paste during reading time is refused with the reading-time message
/// (it once got the message for a submitted exam).
#[test]
fn a_paste_during_reading_time_says_reading_time() {
    let home = home();
    let mut pty = Pty::precis(
        home.path(),
        &["exam", "--reading", "5s", "--time", "60s", "--quiet"],
    );
    pty.wait_for("reading 00:0");
    pty.send("\x1b[200~Pasted while reading\x1b[201~");
    pty.wait_until("a reply to the paste", |s| {
        let text = flat(s);
        text.contains("Reading time: the précis opens in") || text.contains("a submitted exam")
    });
    let text = flat(pty.out().parser.screen());
    assert!(
        !text.contains("Pasted while reading"),
        "the paste reached the précis"
    );
    assert!(
        text.contains("Reading time: the précis opens in"),
        "the paste was refused with the wrong message:\n{}",
        pty.screen()
    );
}

#[test]
fn keys_typed_across_time_up_leave_on_screen_only_what_was_handed_in() {
    // Keys are echoed before the main loop applies them; those that arrive
    // as time runs out are echoed, then refused, and the screen repainted.
    let home = home();
    let mut pty = Pty::precis(home.path(), &["exam", "--time", "2s", "--quiet"]);
    pty.wait_for("checks hidden until the review");
    let start = std::time::Instant::now();
    while start.elapsed() < Duration::from_millis(3_000) {
        pty.send("~");
        thread::sleep(Duration::from_millis(15));
    }
    pty.wait_for(" Exam review ");
    thread::sleep(Duration::from_millis(800));
    let draft = submitted_draft(home.path());
    let handed_in = draft["body"]
        .as_str()
        .unwrap_or_default()
        .matches('~')
        .count();
    assert!(handed_in > 20, "only {handed_in} keys before time-up");
    let screen = pty.screen();
    assert_eq!(
        screen.matches('~').count(),
        handed_in,
        "the screen shows other keys than the précis handed in:\n{screen}"
    );
}
