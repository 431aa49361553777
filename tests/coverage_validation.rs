//! Validating coverage honestly: every built-in passage's model précis must
//! cover the sentences marked essential in `assets/passages/*.essential.txt`,
//! and a précis of only the first half must leave the second half uncovered.

use std::fs;
use std::path::Path;

use precis::analysis::coverage::{PARTLY, SentenceCoverage};
use precis::analysis::words::CountingOptions;
use precis::analysis::{Settings, analyse};

fn passages_dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/passages"))
}

/// The coverage of each source sentence by `precis`, as the report gives
/// it, and the passage text.
fn coverage(slug: &str, precis: &str) -> (String, Vec<SentenceCoverage>) {
    let source = fs::read_to_string(passages_dir().join(format!("{slug}.md"))).expect("passage");
    let report = analyse(
        source.clone(),
        precis,
        &Settings::default(),
        CountingOptions::default(),
    );
    (source, report.coverage.sentences)
}

/// How well the sentence holding `phrase` is covered.
fn covered(source: &str, sentences: &[SentenceCoverage], phrase: &str) -> f64 {
    let at = source
        .find(phrase)
        .unwrap_or_else(|| panic!("phrase not in passage: {phrase}"));
    sentences
        .iter()
        .find(|s| s.range().contains(&at))
        .unwrap_or_else(|| panic!("no sentence holds: {phrase}"))
        .covered
}

fn essential(slug: &str) -> Vec<String> {
    fs::read_to_string(passages_dir().join(format!("{slug}.essential.txt")))
        .expect("essential points")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect()
}

#[test]
fn every_model_precis_covers_its_essential_points() {
    let mut checked = 0;
    for entry in fs::read_dir(passages_dir()).expect("passages") {
        let name = entry
            .expect("entry")
            .file_name()
            .to_string_lossy()
            .to_string();
        let Some(slug) = name.strip_suffix(".essential.txt") else {
            continue;
        };
        let model =
            fs::read_to_string(passages_dir().join(format!("{slug}.precis.md"))).expect("model");
        let (source, sentences) = coverage(slug, &model);
        for phrase in essential(slug) {
            let c = covered(&source, &sentences, &phrase);
            assert!(
                c >= PARTLY,
                "{slug}: the model précis covers only {c:.2} of “{phrase}”"
            );
            checked += 1;
        }
    }
    assert!(checked >= 40, "only {checked} essential points");
}

#[test]
fn a_precis_of_the_first_half_leaves_the_second_half_uncovered() {
    for (slug, first_half) in [
        ("04-silk-road", 1),
        ("05-basic-research", 3),
        ("08-tuberculosis", 6),
        ("11-unplanned-city", 1),
    ] {
        let partial = fs::read_to_string(
            Path::new(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/tests/fixtures/partial"
            ))
            .join(format!("{slug}.txt")),
        )
        .expect("partial précis");
        let (source, sentences) = coverage(slug, &partial);
        for (i, phrase) in essential(slug).iter().enumerate() {
            let c = covered(&source, &sentences, phrase);
            if i < first_half {
                assert!(
                    c >= PARTLY,
                    "{slug}: first-half point only {c:.2} covered: “{phrase}”"
                );
            } else {
                assert!(
                    c < PARTLY,
                    "{slug}: second-half point shown as covered ({c:.2}): “{phrase}”"
                );
            }
        }
    }
}
