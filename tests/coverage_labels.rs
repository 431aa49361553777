//! Coverage against an examiner's reading: for twelve built-in passages,
//! three précis each (a complete paraphrase in entirely new words, a good
//! précis of the first half only, a near-copy), every source sentence
//! labelled covered / partly / not and key or not, by meaning, before the
//! engine read them (`tests/fixtures/coverage/`; a second reader agreed on
//! 97.5% of the labels). The reference exam page is scored too when the
//! project's shared folder is beside the checkout. The figures are printed
//! and held to thresholds, so a regression fails CI.

use std::fs;
use std::path::{Path, PathBuf};

use precis::analysis::coverage::Level;
use precis::analysis::report::{FlagKind, Report};
use precis::analysis::words::CountingOptions;
use precis::analysis::{Settings, analyse};

const KINDS: [&str; 3] = ["paraphrase", "first_half", "near_copy"];

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/coverage")
}

/// One labelled sentence: key or not, and the label per précis column.
struct Row {
    key: bool,
    labels: Vec<Level>,
}

fn level(label: &str) -> Level {
    match label {
        "C" => Level::Covered,
        "P" => Level::Partly,
        "N" => Level::Not,
        other => panic!("unknown label {other}"),
    }
}

/// The rows of a `labels.tsv`, with the names of its précis columns.
fn labels(path: &Path) -> (Vec<String>, Vec<Row>) {
    let text = fs::read_to_string(path).expect("labels");
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().expect("header").split('\t').collect();
    let columns: Vec<String> = header[2..]
        .iter()
        .filter(|c| **c != "opening")
        .map(|c| c.to_string())
        .collect();
    let rows = lines
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let cells: Vec<&str> = l.split('\t').collect();
            Row {
                key: cells[1] == "Y",
                labels: cells[2..2 + columns.len()]
                    .iter()
                    .map(|c| level(c))
                    .collect(),
            }
        })
        .collect();
    (columns, rows)
}

/// What one précis scored against its labels.
#[derive(Default)]
struct Tally {
    sentences: usize,
    agree: usize,
    within_one: usize,
    flags: usize,
    false_flags: usize,
    true_flags: usize,
    key_left_out: usize,
}

impl Tally {
    fn add(&mut self, report: &Report, rows: &[Row], column: usize) {
        let sentences = &report.coverage.sentences;
        assert_eq!(
            sentences.len(),
            rows.len(),
            "the labels follow the engine's sentences"
        );
        for (s, row) in sentences.iter().zip(rows) {
            let (got, want) = (s.level(), row.labels[column]);
            self.sentences += 1;
            self.agree += usize::from(got == want);
            self.within_one += usize::from(!matches!(
                (got, want),
                (Level::Covered, Level::Not) | (Level::Not, Level::Covered)
            ));
            self.key_left_out += usize::from(row.key && want == Level::Not);
        }
        for f in report
            .flags
            .iter()
            .filter(|f| f.kind == FlagKind::UncoveredPoint)
        {
            let at = f.source.as_ref().expect("located").start;
            let i = sentences
                .iter()
                .position(|s| s.range().contains(&at))
                .expect("a source sentence");
            self.flags += 1;
            let (row, want) = (&rows[i], rows[i].labels[column]);
            self.false_flags += usize::from(want == Level::Covered);
            self.true_flags += usize::from(want == Level::Not && row.key);
        }
    }

    fn share(n: usize, of: usize) -> f64 {
        if of == 0 { 1.0 } else { n as f64 / of as f64 }
    }
}

fn check(source: String, precis: &str) -> Report {
    analyse(
        source,
        precis,
        &Settings::default(),
        CountingOptions::default(),
    )
}

/// The reference exam page split into its passage and the student's précis,
/// when the shared folder is there: the passage runs to its last full
/// stop before the `Precis` label; the précis follows the label.
fn reference_page() -> Option<(String, String)> {
    let page =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/reference/004_678a3f4e9cf9bc8f.txt");
    let text = fs::read_to_string(page).ok()?;
    let label = text.find("\nPrecis")?;
    let passage_end = text[..label].rfind(".\n")? + 1;
    Some((
        text[..passage_end].to_string(),
        text[label + 1..].to_string(),
    ))
}

#[test]
fn coverage_agrees_with_the_examiner() {
    let mut tallies: Vec<(&str, Tally)> = KINDS.iter().map(|k| (*k, Tally::default())).collect();
    let mut overall: Vec<(String, [f64; 3])> = Vec::new();
    for entry in fs::read_dir(fixtures()).expect("fixtures") {
        let dir = entry.expect("entry").path();
        let id = dir.file_name().expect("name").to_string_lossy().to_string();
        if id.starts_with("reference") {
            continue;
        }
        let source = fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("assets/passages/{id}.md")),
        )
        .expect("passage");
        let (columns, rows) = labels(&dir.join("labels.tsv"));
        let mut scores = [0.0; 3];
        for (k, kind) in KINDS.iter().enumerate() {
            let column = columns.iter().position(|c| c == kind).expect("column");
            let precis = fs::read_to_string(dir.join(format!("{kind}.txt"))).expect("précis");
            let report = check(source.clone(), &precis);
            tallies[k].1.add(&report, &rows, column);
            scores[k] = report.coverage.overall;
        }
        overall.push((id, scores));
    }
    overall.sort_by(|a, b| a.0.cmp(&b.0));

    let mut all = Tally::default();
    println!("kind         agree  within-one  flags  false  true  key points left out");
    for (kind, t) in &tallies {
        println!(
            "{kind:<12} {:>5.2}  {:>10.2}  {:>5}  {:>5}  {:>4}  {:>4}",
            Tally::share(t.agree, t.sentences),
            Tally::share(t.within_one, t.sentences),
            t.flags,
            t.false_flags,
            t.true_flags,
            t.key_left_out
        );
        all.sentences += t.sentences;
        all.agree += t.agree;
        all.within_one += t.within_one;
        all.flags += t.flags;
        all.false_flags += t.false_flags;
        all.true_flags += t.true_flags;
    }
    let agreement = Tally::share(all.agree, all.sentences);
    let within_one = Tally::share(all.within_one, all.sentences);
    println!(
        "all          {agreement:>5.2}  {within_one:>10.2}  {:>5}  {:>5}  {:>4}",
        all.flags, all.false_flags, all.true_flags
    );
    println!("passage                          paraphrase  first_half  near_copy");
    for (id, s) in &overall {
        println!("{id:<32} {:>10.2}  {:>10.2}  {:>9.2}", s[0], s[1], s[2]);
    }
    let paraphrase_wins = overall.iter().filter(|(_, s)| s[0] > s[1]).count();
    let copy_not_ahead = overall.iter().filter(|(_, s)| s[2] <= s[0] + 0.02).count();
    println!(
        "paraphrase above first half on {paraphrase_wins} of {n}; near-copy not above paraphrase on {copy_not_ahead} of {n}",
        n = overall.len()
    );

    if let Some((passage, precis)) = reference_page() {
        let (_, rows) = labels(&fixtures().join("reference-004/labels.tsv"));
        let mut t = Tally::default();
        let report = check(passage, &precis);
        t.add(&report, &rows, 0);
        let agreement = Tally::share(t.agree, t.sentences);
        println!(
            "reference page: agree {agreement:.2}, {} uncovered_point flags, {} false; overall {:.2}",
            t.flags, t.false_flags, report.coverage.overall
        );
        assert!(
            agreement >= THRESHOLDS.reference_agreement,
            "reference page {agreement:.2}"
        );
        assert_eq!(t.false_flags, 0, "no false flag on the reference page");
    }

    assert!(overall.len() >= 8, "at least 8 labelled passages");
    assert!(
        agreement >= THRESHOLDS.agreement,
        "agreement {agreement:.3}"
    );
    assert!(
        within_one >= THRESHOLDS.within_one,
        "within one step {within_one:.3}"
    );
    assert!(
        all.false_flags <= THRESHOLDS.false_flags,
        "{} uncovered_point flags on covered sentences",
        all.false_flags
    );
    assert!(
        paraphrase_wins >= THRESHOLDS.paraphrase_wins,
        "paraphrase above first half on {paraphrase_wins}"
    );
    assert!(
        copy_not_ahead >= THRESHOLDS.copy_not_ahead,
        "near-copy not above paraphrase on {copy_not_ahead}"
    );
}

/// What the method must reach on the labelled set (measured: agreement
/// 0.80, within one step 0.91, 1 flag of 21 on a covered sentence,
/// paraphrase above first half on 11 of 12, near-copy not above
/// paraphrase on 11 of 12; the reference page 8 of 8 with no flag). A
/// little below, so that only a regression fails.
const THRESHOLDS: Thresholds = Thresholds {
    agreement: 0.78,
    within_one: 0.89,
    false_flags: 2,
    paraphrase_wins: 10,
    copy_not_ahead: 10,
    reference_agreement: 0.75,
};

/// What the method must reach on the labelled set.
struct Thresholds {
    agreement: f64,
    within_one: f64,
    false_flags: usize,
    paraphrase_wins: usize,
    copy_not_ahead: usize,
    reference_agreement: f64,
}
