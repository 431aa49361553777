//! Spelling and concision through the real `precis check` binary, on
//! `tests/fixtures/spelling/`: a passage about water in the Thar (names,
//! South Asian terms, figures and codes), and précis with the common
//! misspellings, British forms, American forms and wordy phrases; the
//! `--spelling` option, `spelling` in `config.toml` and the student's
//! `words.txt`; and the 12 model précis, which deserve no such flag.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/spelling")
        .join(name)
}

/// The binary with a home of its own (`home` under the target's temporary
/// folder), never the real one.
fn precis(home: &str) -> Command {
    let mut cmd = Command::cargo_bin("precis").expect("binary builds");
    let home = Path::new(env!("CARGO_TARGET_TMPDIR")).join(home);
    cmd.env("NO_COLOR", "1")
        .env("HOME", &home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"));
    cmd
}

fn report(home: &str, source: &Path, precis_file: &Path, extra: &[&str]) -> Value {
    let out = precis(home)
        .arg("check")
        .arg(source)
        .arg(precis_file)
        .arg("--json")
        .args(extra)
        .output()
        .expect("runs");
    serde_json::from_slice(&out.stdout).expect("one JSON object")
}

/// `(kind, text, suggestion, severity)` of each flag of `kinds`.
fn flagged(report: &Value, kinds: &[&str]) -> Vec<(String, String, Option<String>, String)> {
    report["flags"]
        .as_array()
        .expect("flags")
        .iter()
        .filter(|f| kinds.contains(&f["kind"].as_str().unwrap_or_default()))
        .map(|f| {
            (
                f["kind"].as_str().unwrap_or_default().to_string(),
                f["text"].as_str().unwrap_or_default().to_string(),
                f["suggestion"].as_str().map(str::to_string),
                f["severity"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

fn words(report: &Value, kind: &str) -> Vec<(String, Option<String>)> {
    flagged(report, &[kind])
        .into_iter()
        .map(|(_, text, suggestion, _)| (text, suggestion))
        .collect()
}

fn pair(a: &str, b: &str) -> (String, Option<String>) {
    (a.to_string(), Some(b.to_string()))
}

const SPELLING: &[&str] = &["spelling", "spelling_variant"];

#[test]
fn the_common_misspellings_are_warnings_with_their_correction() {
    let r = report(
        "spell-1",
        &fixture("passage.txt"),
        &fixture("misspelt.txt"),
        &[],
    );
    assert_eq!(
        words(&r, "spelling"),
        [
            pair("goverment", "government"),
            pair("recieve", "receive"),
            pair("definately", "definitely"),
            pair("seperate", "separate"),
            pair("acheive", "achieve"),
            pair("occured", "occurred"),
        ]
    );
    assert!(
        flagged(&r, &["spelling"])
            .iter()
            .all(|(_, _, _, severity)| severity == "warning")
    );
    // Names, places and terms from the source (Zubaida Hasan, Mithi,
    // tehsil), figures and codes are not flagged.
    assert!(words(&r, "spelling_variant").is_empty());
    assert_eq!(r["summary"]["warnings"], 6, "{r:#}");

    let text = precis("spell-1")
        .arg("check")
        .arg(fixture("passage.txt"))
        .arg(fixture("misspelt.txt"))
        .output()
        .expect("runs");
    let text = String::from_utf8(text.stdout).expect("utf-8");
    assert!(
        text.contains("spelling (6): goverment → government (3:5), recieve → receive (3:60),"),
        "{text}"
    );
}

#[test]
fn british_forms_oxford_spellings_and_south_asian_terms_pass() {
    let r = report(
        "spell-2",
        &fixture("passage.txt"),
        &fixture("british.txt"),
        &[],
    );
    assert!(
        flagged(&r, SPELLING).is_empty(),
        "{:?}",
        flagged(&r, SPELLING)
    );
    assert_eq!(r["summary"]["warnings"], 0, "{r:#}");
}

#[test]
fn american_forms_are_variants_in_british_english_and_fine_in_american() {
    let r = report(
        "spell-3",
        &fixture("passage.txt"),
        &fixture("american.txt"),
        &[],
    );
    assert_eq!(
        words(&r, "spelling_variant"),
        [
            pair("Center", "Centre"),
            pair("defense", "defence"),
            pair("traveled", "travelled"),
            pair("diarrhea", "diarrhoea"),
            pair("analyze", "analyse"),
            pair("color", "colour"),
            pair("favors", "favours"),
        ]
    );
    assert!(
        flagged(&r, &["spelling_variant"])
            .iter()
            .all(|(_, _, _, severity)| severity == "info")
    );
    assert!(words(&r, "spelling").is_empty());

    let us = report(
        "spell-3",
        &fixture("passage.txt"),
        &fixture("american.txt"),
        &["--spelling", "en-us"],
    );
    assert!(
        flagged(&us, SPELLING).is_empty(),
        "{:?}",
        flagged(&us, SPELLING)
    );
    let gb_in_us = report(
        "spell-3",
        &fixture("passage.txt"),
        &fixture("british.txt"),
        &["--spelling", "en-us"],
    );
    let variants = words(&gb_in_us, "spelling_variant");
    assert!(variants.contains(&pair("colour", "color")), "{variants:?}");
    assert!(
        !variants.iter().any(|(w, _)| w.starts_with("organis")),
        "-ise is never flagged: {variants:?}"
    );
}

#[test]
fn spelling_can_be_turned_off_on_the_command_line_or_in_the_config() {
    let r = report(
        "spell-4",
        &fixture("passage.txt"),
        &fixture("misspelt.txt"),
        &["--spelling", "off"],
    );
    assert!(flagged(&r, SPELLING).is_empty());

    let home = Path::new(env!("CARGO_TARGET_TMPDIR")).join("spell-5");
    let config = home.join("config/precis");
    fs::create_dir_all(&config).expect("config folder");
    fs::write(config.join("config.toml"), "spelling = \"off\"\n").expect("config");
    let r = report(
        "spell-5",
        &fixture("passage.txt"),
        &fixture("misspelt.txt"),
        &[],
    );
    assert!(flagged(&r, SPELLING).is_empty());
    let r = report(
        "spell-5",
        &fixture("passage.txt"),
        &fixture("misspelt.txt"),
        &["--spelling", "en-gb"],
    );
    assert_eq!(
        words(&r, "spelling").len(),
        6,
        "the option wins over the file"
    );

    let bad = precis("spell-5")
        .args(["check", "a", "b", "--spelling", "fr"])
        .output()
        .expect("runs");
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("expected en-gb, en-us or off"));
}

#[test]
fn words_on_the_students_list_are_trusted() {
    let home = Path::new(env!("CARGO_TARGET_TMPDIR")).join("spell-6");
    let config = home.join("config/precis");
    fs::create_dir_all(&config).expect("config folder");
    fs::write(config.join("words.txt"), "# my words\ngoverment\nAcheive\n").expect("words");
    let r = report(
        "spell-6",
        &fixture("passage.txt"),
        &fixture("misspelt.txt"),
        &[],
    );
    let left: Vec<String> = words(&r, "spelling").into_iter().map(|(w, _)| w).collect();
    assert_eq!(left, ["recieve", "definately", "seperate", "occured"]);
}

#[test]
fn wordy_phrases_carry_their_shorter_form_and_the_words_saved() {
    let r = report(
        "spell-7",
        &fixture("passage.txt"),
        &fixture("wordy.txt"),
        &[],
    );
    let wordy = flagged(&r, &["wordy_phrase"]);
    let shown: Vec<(&str, Option<&str>)> = wordy
        .iter()
        .map(|(_, text, s, _)| (text.as_str(), s.as_deref()))
        .collect();
    assert_eq!(
        shown,
        [
            ("Due to the fact that", Some("Because")),
            ("at this point in time", Some("now")),
            ("In order to", Some("To")),
            ("a large number of", Some("many")),
            ("In spite of the fact that", Some("Although")),
            ("is able to", Some("can")),
        ]
    );
    assert!(wordy.iter().all(|(_, _, _, severity)| severity == "info"));
    let messages: Vec<&str> = r["flags"]
        .as_array()
        .expect("flags")
        .iter()
        .filter(|f| f["kind"] == "wordy_phrase")
        .filter_map(|f| f["message"].as_str())
        .collect();
    assert!(messages[0].contains("saves 4 words"), "{messages:?}");
    // The report's shape only grew by the new kinds.
    let mut keys: Vec<&str> = r["flags"][0]
        .as_object()
        .expect("flag")
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "column",
            "end",
            "kind",
            "line",
            "message",
            "severity",
            "source",
            "start",
            "suggestion",
            "text"
        ]
    );
    assert!(r.get("wordy_savings").is_none());

    // Over the band they are warnings, and the text report adds them up.
    let out = precis("spell-7")
        .arg("check")
        .arg(fixture("passage.txt"))
        .arg(fixture("wordy.txt"))
        .args(["--target", "40"])
        .output()
        .expect("runs");
    let text = String::from_utf8(out.stdout).expect("utf-8");
    assert!(
        text.contains("wordy phrases: 6, 20 words to save (the body is 46 over its band)"),
        "{text}"
    );
    let over = report(
        "spell-7",
        &fixture("passage.txt"),
        &fixture("wordy.txt"),
        &["--target", "40"],
    );
    assert!(
        flagged(&over, &["wordy_phrase"])
            .iter()
            .all(|(_, _, _, severity)| severity == "warning")
    );
}

#[test]
fn the_model_precis_deserve_no_spelling_or_wordy_flag() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/passages");
    let mut checked = 0;
    for entry in fs::read_dir(&dir).expect("passages") {
        let path = entry.expect("entry").path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let Some(slug) = name.strip_suffix(".precis.md") else {
            continue;
        };
        let source = dir.join(format!("{slug}.md"));
        for spelling in ["en-gb", "en-us"] {
            let r = report("spell-8", &source, &path, &["--spelling", spelling]);
            let flags = flagged(&r, &["spelling", "wordy_phrase"]);
            assert!(flags.is_empty(), "{slug} ({spelling}): {flags:?}");
        }
        let r = report("spell-8", &source, &path, &[]);
        let variants = flagged(&r, &["spelling_variant"]);
        assert!(variants.is_empty(), "{slug}: {variants:?}");
        checked += 1;
    }
    assert_eq!(checked, 12);
}
