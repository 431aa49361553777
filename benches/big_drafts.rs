//! Big drafts, with the real binary: opening one (fork to the first screen
//! that shows the end of its body, and to its counts on screen, in a 120×40
//! pseudo-terminal), `precis drafts --list` and `precis export`, with bodies
//! of 1 MB and 10 MB (paragraphs, and one 10 MB line), against `wc -w` of
//! the same body and nano opening it. With `PRECIS_BASELINE=/path/to/precis`
//! (another build, e.g. of main) the same runs for it side by side, so a
//! before/after comparison comes from one run on one machine. Prints a
//! Markdown table: `cargo bench --bench big_drafts`.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use jiff::Timestamp;
use precis::analysis::Settings;
use precis::analysis::spelling::Speller;
use precis::analysis::words::CountingOptions;
use precis::store::draft::DRAFT_VERSION;
use precis::store::{Draft, DraftSource, DraftStore, Mode, Origin};

mod pty;

const BIN: &str = env!("CARGO_BIN_EXE_precis");
const PASSAGE: &str = include_str!("../assets/passages/01-narrow-tax-base.md");
/// The draft's id (its file name).
const ID: &str = "20250302-101500-aaaaaa";
/// The body's last paragraph, short enough never to wrap: on the editor's
/// first screen, as it opens at the end of the text.
const LAST: &str = "Spring tides ease.";
/// How long anything may take before it counts as "no screen".
const GIVE_UP: Duration = Duration::from_secs(60);

/// Words for the body: an invented island economy.
const WORDS: [&str; 40] = [
    "ferries", "carry", "grain", "to", "the", "island", "and", "winter", "storms", "halt", "them",
    "for", "days", "while", "farmers", "store", "what", "little", "they", "grow", "so", "prices",
    "rise", "whenever", "boats", "stay", "in", "harbour", "council", "plans", "a", "second",
    "pier", "but", "money", "runs", "short", "each", "spring", "again",
];

/// A body of about `bytes` bytes: sentences of ten to sixteen words, six to
/// a paragraph (or all in one), then [`LAST`] as a paragraph of its own.
fn body_of(bytes: usize, one_line: bool) -> String {
    let mut out = String::with_capacity(bytes + 100);
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    let mut sentences = 0;
    while out.len() < bytes {
        let len = 10 + next(7);
        for i in 0..len {
            let word = WORDS[next(WORDS.len())];
            if i == 0 {
                let mut chars = word.chars();
                out.extend(chars.next().map(|c| c.to_ascii_uppercase()));
                out.push_str(chars.as_str());
            } else {
                out.push(' ');
                out.push_str(word);
            }
        }
        out.push('.');
        sentences += 1;
        out.push_str(if !one_line && sentences % 6 == 0 {
            "\n\n"
        } else {
            " "
        });
    }
    out.truncate(out.trim_end().len());
    out.push_str("\n\n");
    out.push_str(LAST);
    out
}

/// A practice draft on passage 1 with `body`.
fn draft(body: String) -> Draft {
    Draft {
        version: DRAFT_VERSION,
        id: ID.to_string(),
        created: Timestamp::UNIX_EPOCH,
        updated: Timestamp::UNIX_EPOCH,
        source: DraftSource {
            origin: Origin::BuiltIn {
                id: "narrow-tax-base".into(),
            },
            title: Some("The Hidden Cost of a Narrow Tax Base".into()),
            text: PASSAGE.to_string(),
        },
        title: String::new(),
        body,
        settings: Settings::default(),
        counting: CountingOptions::default(),
        mode: Mode::Practice,
        timeline: Vec::new(),
        exam: None,
    }
}

/// One size of body on disk: a data directory holding the draft as the
/// editor saves it (with the counts of its full check), another holding
/// it as a précis that did not store counts wrote it, and the body alone.
struct Case {
    label: String,
    _dir: tempfile::TempDir,
    data: PathBuf,
    old_data: PathBuf,
    text: PathBuf,
    first_words: String,
}

impl Case {
    fn new(label: &str, bytes: usize, one_line: bool) -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let draft = draft(body_of(bytes, one_line));
        let data = dir.path().join("data");
        let report = draft.report(&Speller::default());
        DraftStore::open(&data)
            .and_then(|s| s.save_checked(&draft, Some(&report)))
            .expect("save the draft");
        let old_data = dir.path().join("old-data");
        DraftStore::open(&old_data)
            .and_then(|s| s.save(&draft))
            .expect("save the draft without counts");
        let text = dir.path().join("body.txt");
        std::fs::write(&text, &draft.body).expect("write the body");
        let first_words = draft.body.split(' ').take(3).collect::<Vec<_>>().join(" ");
        Case {
            label: label.to_string(),
            _dir: dir,
            data,
            old_data,
            text,
            first_words,
        }
    }
}

/// Runs `argv` to the end with its output thrown away; its wall time.
fn run(argv: &[&str]) -> Duration {
    let start = Instant::now();
    let status = Command::new(argv[0])
        .args(&argv[1..])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("run");
    let took = start.elapsed();
    assert!(status.success(), "{argv:?}: {status}");
    took
}

/// Starts `argv` in a fresh 120×40 terminal; the time until the screen
/// first shows `text`, and until it also matches `then` (if given); `None`
/// for what did not happen within [`GIVE_UP`].
fn screen(
    argv: &[&str],
    home: &Path,
    text: &str,
    then: Option<&dyn Fn(&str) -> bool>,
) -> (Option<Duration>, Option<Duration>) {
    let start = Instant::now();
    let (master, mut child) = pty::spawn(argv, home);
    let size = |n| std::num::NonZeroU16::new(n).expect("a size is never zero");
    let parser = Arc::new(Mutex::new(vt100::Parser::new(size(40), size(120), 0)));
    let mut reader = master.try_clone_reader().expect("pty reader");
    let sink = Arc::clone(&parser);
    std::thread::spawn(move || {
        let mut buf = [0u8; 65536];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            if let Ok(mut p) = sink.lock() {
                p.process(&buf[..n]);
            }
        }
    });
    let shown = |p: &Mutex<vt100::Parser>| {
        p.lock()
            .map(|p| {
                let screen = p.screen();
                screen
                    .rows(0, 120)
                    .collect::<Vec<_>>()
                    .join(" ")
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .unwrap_or_default()
    };
    let (mut first, mut full) = (None, None);
    while start.elapsed() < GIVE_UP {
        let now = shown(&parser);
        if first.is_none() && now.contains(text) {
            first = Some(start.elapsed());
        }
        if first.is_some() {
            match then {
                Some(then) if then(&now) => {
                    full = Some(start.elapsed());
                    break;
                }
                Some(_) => {}
                None => break,
            }
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    let _ = child.kill();
    let _ = child.wait();
    (first, full)
}

/// Whether the précis pane shows its word count (`Précis · 175368/150`).
fn counts_shown(screen: &str) -> bool {
    screen.split("Précis · ").skip(1).any(|rest| {
        rest.split_once('/')
            .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
    })
}

/// The median of `runs` measurements, `None` if any gave up.
fn median(runs: usize, mut measure: impl FnMut() -> Option<Duration>) -> Option<Duration> {
    let mut all = Vec::with_capacity(runs);
    for _ in 0..runs {
        all.push(measure()?);
    }
    all.sort();
    Some(all[all.len() / 2])
}

fn shown(d: Option<Duration>) -> String {
    match d {
        Some(d) if d >= Duration::from_secs(1) => format!("{:.2} s", d.as_secs_f64()),
        Some(d) => format!("{:.0} ms", d.as_secs_f64() * 1000.0),
        None => format!("> {} s", GIVE_UP.as_secs()),
    }
}

/// What is measured of précis, in the order the table lists it.
const MEASURES: [&str; 6] = [
    "open: first screen with the body",
    "open: counts on screen",
    "`drafts --list`",
    "`drafts --list`, draft without stored counts",
    "`export`",
    "`export --report`",
];

/// One cell of the table: what, by which program, on which body, the time.
struct Cell {
    what: String,
    by: String,
    size: String,
    time: Option<Duration>,
}

/// The cells for one build of précis (`bin`, called `name`) on one case.
fn measure(name: &str, bin: &str, case: &Case, runs: usize, home: &Path) -> Vec<Cell> {
    let data = case.data.display().to_string();
    let old_data = case.old_data.display().to_string();
    let open = |data: &str| {
        let mut checks = Vec::new();
        let first = median(runs, || {
            let (first, full) = screen(&[bin, "--data-dir", data], home, LAST, Some(&counts_shown));
            checks.push(full);
            first
        });
        checks.sort();
        let checked = checks.get(checks.len() / 2).copied().flatten();
        (first, checked)
    };
    let (first, checked) = open(&data);
    let list = median(runs, || {
        Some(run(&[bin, "--data-dir", &data, "drafts", "--list"]))
    });
    let list_old = median(runs, || {
        Some(run(&[bin, "--data-dir", &old_data, "drafts", "--list"]))
    });
    let export = median(runs, || {
        Some(run(&[bin, "--data-dir", &data, "export", ID]))
    });
    let report = median(runs, || {
        Some(run(&[bin, "--data-dir", &data, "export", "--report", ID]))
    });
    MEASURES
        .into_iter()
        .zip([first, checked, list, list_old, export, report])
        .map(|(what, time)| Cell {
            what: what.to_string(),
            by: name.to_string(),
            size: case.label.clone(),
            time,
        })
        .collect()
}

fn main() {
    // `cargo test` runs benches once with --bench absent: nothing to do.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let started = Instant::now();
    let home = tempfile::tempdir().expect("temp dir");
    let baseline = std::env::var("PRECIS_BASELINE").ok();
    let nano = ["/usr/bin/nano", "/bin/nano"]
        .into_iter()
        .find(|p| Path::new(p).exists());
    let sizes = ["1 MB", "10 MB", "10 MB, one line"];
    let mut cells: Vec<Cell> = Vec::new();
    for (label, bytes, one_line, runs) in [
        (sizes[0], 1 << 20, false, 5),
        (sizes[1], 10 << 20, false, 3),
        (sizes[2], 10 << 20, true, 3),
    ] {
        let case = Case::new(label, bytes, one_line);
        if let Some(base) = &baseline {
            cells.extend(measure("before", base, &case, runs, home.path()));
        }
        cells.extend(measure("after", BIN, &case, runs, home.path()));
        let text = case.text.display().to_string();
        let reference = |what: &str, time| Cell {
            what: what.to_string(),
            by: "reference".to_string(),
            size: label.to_string(),
            time,
        };
        let wc = median(runs, || Some(run(&["wc", "-w", &text])));
        cells.push(reference("`wc -w` of the body", wc));
        if let Some(nano) = nano {
            let first = median(runs, || {
                screen(&[nano, &text], home.path(), &case.first_words, None).0
            });
            cells.push(reference("nano: first screen with the body", first));
        }
    }
    println!("| measured | | {} |", sizes.join(" | "));
    println!("| --- | --- |{}", " --- |".repeat(sizes.len()));
    let mut lines: Vec<(&str, &str)> = Vec::new();
    for cell in &cells {
        if !lines.contains(&(cell.what.as_str(), cell.by.as_str())) {
            lines.push((&cell.what, &cell.by));
        }
    }
    let rank = |what: &str| {
        MEASURES
            .iter()
            .position(|m| *m == what)
            .unwrap_or(MEASURES.len())
    };
    lines.sort_by_key(|(what, by)| (rank(what), *by != "before"));
    for (what, by) in lines {
        let times: Vec<String> = sizes
            .iter()
            .map(|size| {
                cells
                    .iter()
                    .find(|c| c.what == what && c.by == by && c.size == *size)
                    .map_or_else(String::new, |c| shown(c.time))
            })
            .collect();
        println!("| {what} | {by} | {} |", times.join(" | "));
    }
    println!("(measured in {:.1?})", started.elapsed());
}
