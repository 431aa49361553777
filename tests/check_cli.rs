//! The real `precis check` binary on fixture files: reports, exit codes and
//! one-line errors for bad input.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// The binary, kept away from the real home: no colour, and config and
/// data directories of its own.
fn precis() -> Command {
    let mut cmd = Command::cargo_bin("precis").expect("binary builds");
    let home = Path::new(env!("CARGO_TARGET_TMPDIR")).join("check-cli-home");
    cmd.env("NO_COLOR", "1")
        .env("HOME", &home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"));
    cmd
}

fn json_report(source: &Path, precis_file: &Path, extra: &[&str]) -> (Value, i32) {
    let out = precis()
        .arg("check")
        .arg(source)
        .arg(precis_file)
        .arg("--json")
        .args(extra)
        .output()
        .expect("runs");
    let stdout = String::from_utf8(out.stdout).expect("utf-8 output");
    let value: Value = serde_json::from_str(&stdout).expect("exactly one JSON object on stdout");
    (value, out.status.code().unwrap_or(-1))
}

/// The flags that cost marks (errors and warnings), leaving out info.
fn findings(report: &Value) -> Vec<&Value> {
    report["flags"]
        .as_array()
        .expect("flags array")
        .iter()
        .filter(|f| f["severity"] != "info")
        .collect()
}

fn flags_of_kind<'a>(report: &'a Value, kind: &str) -> Vec<&'a Value> {
    report["flags"]
        .as_array()
        .expect("flags array")
        .iter()
        .filter(|f| f["kind"] == kind)
        .collect()
}

#[test]
fn seed_shaped_precis_reports_the_wrong_figure_count_and_contraction() {
    let (r, code) = json_report(
        &fixture("seed_shape/passage.txt"),
        &fixture("seed_shape/precis.txt"),
        &[],
    );
    assert_eq!(code, 1);
    assert_eq!(r["source"]["words"], 244);
    assert_eq!(r["precis"]["words"], 97);
    assert_eq!(r["precis"]["title"], "A PARTNERSHIP UNDER STRAIN");
    assert_eq!(r["precis"]["declared_words"], 95);
    assert_eq!(r["target"]["words"], 81);
    assert_eq!(r["target"]["min"], 77);
    assert_eq!(r["target"]["max"], 85);
    assert_eq!(r["target"]["status"], "over");

    let mismatch = flags_of_kind(&r, "number_mismatch");
    assert_eq!(mismatch.len(), 1, "{r:#}");
    let m = mismatch[0];
    assert_eq!(m["severity"], "error");
    assert_eq!(m["text"], "\\$42 billion");
    assert_eq!(
        (m["line"].as_u64(), m["column"].as_u64()),
        (Some(5), Some(69))
    );
    assert_eq!(m["suggestion"], "$48 billion");
    assert_eq!(m["message"], "$42 billion → source says $48 billion");
    assert_eq!(
        (m["source"]["line"].as_u64(), m["source"]["column"].as_u64()),
        (Some(1), Some(187))
    );

    let declared = flags_of_kind(&r, "declared_count");
    assert_eq!(declared.len(), 1);
    assert_eq!(declared[0]["text"], "95 words");

    let contraction = flags_of_kind(&r, "contraction");
    assert_eq!(contraction.len(), 1);
    assert_eq!(
        (
            contraction[0]["line"].as_u64(),
            contraction[0]["column"].as_u64()
        ),
        (Some(5), Some(301))
    );
    assert_eq!(flags_of_kind(&r, "too_long").len(), 1);
    assert!(
        flags_of_kind(&r, "multiple_paragraphs").is_empty(),
        "the page break is not a paragraph"
    );
    assert_eq!(findings(&r).len(), 4, "{r:#}");
}

#[test]
fn flag_offsets_slice_the_precis_file_to_the_flag_text() {
    let precis_path = fixture("seed_shape/precis.txt");
    let text = fs::read_to_string(&precis_path).expect("fixture");
    let (r, _) = json_report(&fixture("seed_shape/passage.txt"), &precis_path, &[]);
    for f in r["flags"].as_array().expect("flags") {
        let (start, end) = (
            f["start"].as_u64().unwrap_or(0) as usize,
            f["end"].as_u64().unwrap_or(0) as usize,
        );
        assert_eq!(&text[start..end], f["text"].as_str().unwrap_or("?"));
    }
}

#[test]
fn clean_precis_exits_zero_with_no_flags() {
    let (r, code) = json_report(
        &fixture("clean/passage.txt"),
        &fixture("clean/precis.txt"),
        &[],
    );
    assert_eq!(code, 0, "{r:#}");
    assert!(findings(&r).is_empty(), "{r:#}");
    assert_eq!(r["target"]["status"], "within");
}

#[test]
fn every_built_in_passage_has_a_model_precis_that_passes_every_check() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/passages");
    let mut checked = 0;
    for entry in fs::read_dir(&dir).expect("passages dir") {
        let path = entry.expect("entry").path();
        let name = path.to_string_lossy().to_string();
        let Some(stem) = name.strip_suffix(".precis.md") else {
            continue;
        };
        let (r, code) = json_report(Path::new(&format!("{stem}.md")), &path, &[]);
        assert_eq!(code, 0, "{name}: {r:#}");
        // Exemplary: nothing but points the lexical coverage may have missed
        // in a paraphrase.
        assert!(
            r["flags"]
                .as_array()
                .is_some_and(|f| f.iter().all(|f| f["kind"] == "uncovered_point")),
            "{name}: {r:#}"
        );
        checked += 1;
    }
    assert!(checked >= 12, "only {checked} passages");
}

#[test]
fn text_report_groups_flags_and_names_positions() {
    precis()
        .arg("check")
        .arg(fixture("seed_shape/passage.txt"))
        .arg(fixture("seed_shape/precis.txt"))
        .assert()
        .code(1)
        .stdout(predicate::str::starts_with(
            "précis 97 words · target 81 (77–85) · 12 over the band",
        ))
        .stdout(predicate::str::contains("5:69  number_mismatch"))
        .stdout(predicate::str::contains(
            "$42 billion → source says $48 billion (source 1:187)",
        ))
        .stdout(predicate::str::contains("\u{1b}[").not());
}

#[test]
fn presets_change_the_title_rules() {
    let (r, _) = json_report(
        &fixture("clean/passage.txt"),
        &fixture("clean/precis.txt"),
        &["--preset", "upsc"],
    );
    assert_eq!(flags_of_kind(&r, "title_not_allowed").len(), 1);
    let dir = tempfile::tempdir().expect("tempdir");
    let untitled = dir.path().join("untitled.txt");
    let text = fs::read_to_string(fixture("clean/precis.txt")).expect("fixture");
    let body: String = text.lines().skip(1).collect::<Vec<_>>().join("\n");
    fs::write(&untitled, body).expect("write");
    let (css, _) = json_report(&fixture("clean/passage.txt"), &untitled, &[]);
    assert_eq!(flags_of_kind(&css, "missing_title").len(), 1);
    let (plain, code) = json_report(
        &fixture("clean/passage.txt"),
        &untitled,
        &["--preset", "plain"],
    );
    assert!(flags_of_kind(&plain, "missing_title").is_empty());
    assert_eq!(code, 0);
}

#[test]
fn target_options() {
    let (r, _) = json_report(
        &fixture("clean/passage.txt"),
        &fixture("clean/precis.txt"),
        &["--target", "120", "--tolerance", "10%"],
    );
    assert_eq!(
        (
            r["target"]["words"].as_u64(),
            r["target"]["min"].as_u64(),
            r["target"]["max"].as_u64()
        ),
        (Some(120), Some(108), Some(132))
    );
    assert_eq!(r["target"]["status"], "under");
    let (r, _) = json_report(
        &fixture("clean/passage.txt"),
        &fixture("clean/precis.txt"),
        &["--ratio", "0.25"],
    );
    assert_eq!(r["target"]["words"], 77);
    precis()
        .args(["check", "a", "b", "--ratio", "1/3", "--target", "5"])
        .assert()
        .code(2);
    precis()
        .args(["check", "a", "b", "--ratio", "7"])
        .assert()
        .code(2);
}

#[test]
fn standard_input_for_either_file() {
    let text = fs::read(fixture("clean/precis.txt")).expect("fixture");
    precis()
        .arg("check")
        .arg(fixture("clean/passage.txt"))
        .arg("-")
        .write_stdin(text)
        .assert()
        .code(0);
    precis()
        .args(["check", "-", "-"])
        .assert()
        .code(2)
        .stderr("precis: only one of the texts can come from standard input ('-')\n");
}

/// Asserts a one-line error on stderr that names `name`, exit 2, no stdout.
fn fails_with(source: &Path, precis_file: &Path, name: &str, what: &str) {
    let out = precis()
        .arg("check")
        .arg(source)
        .arg(precis_file)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains(name) && err.contains(what), "{err}");
}

#[test]
fn bad_input_gets_one_clear_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let good = fixture("clean/passage.txt");
    let missing = dir.path().join("missing.txt");
    fails_with(&missing, &good, "missing.txt", "no such file");
    fails_with(
        &good,
        dir.path(),
        &dir.path().display().to_string(),
        "is a directory",
    );
    let binary = dir.path().join("photo.png");
    fs::write(&binary, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").expect("write");
    fails_with(&good, &binary, "photo.png", "binary");
    let latin1 = dir.path().join("latin1.txt");
    fs::write(
        &latin1,
        b"Title: Caf\xe9 Culture Today\nThe caf\xe9 grew by 12% in 2020.\n",
    )
    .expect("write");
    fails_with(&good, &latin1, "latin1.txt", "--lossy");
    precis()
        .arg("check")
        .arg(&good)
        .arg(&latin1)
        .arg("--lossy")
        .assert()
        .code(1)
        .stdout(predicate::str::contains("Caf� Culture"));
    let empty = dir.path().join("empty.txt");
    fs::write(&empty, "  \n\n").expect("write");
    fails_with(&empty, &good, "empty.txt", "is empty");
    fails_with(&good, &empty, "empty.txt", "is empty");
}

/// A source that is a heading and nothing else has nothing to summarise:
/// `check`, the editor and an exam refuse it in one line naming the file,
/// before any terminal is touched (it once gave `covered -0%` and a
/// `0/0 words` target).
#[test]
fn a_source_that_is_only_a_heading_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let good = fixture("clean/passage.txt");
    let heading = dir.path().join("heading.md");
    fs::write(&heading, "# The Cost of Cheap Power\n\n").expect("write");
    let what = "heading.md: is only a heading, with no passage under it to summarise";
    fails_with(&heading, &good, "heading.md", what);
    let symbols = dir.path().join("symbols.txt");
    fs::write(&symbols, "— → *\n").expect("write");
    fails_with(&symbols, &good, "symbols.txt", "has no words to summarise");
    for args in [vec![], vec!["exam"]] {
        let out = precis().args(&args).arg(&heading).output().expect("runs");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(err.starts_with("precis: ") && err.contains(what), "{err}");
    }
}

#[test]
fn crlf_tabs_controls_emoji_cjk_and_rtl_never_break_the_report() {
    let dir = tempfile::tempdir().expect("tempdir");
    let source = fs::read_to_string(fixture("seed_shape/passage.txt")).expect("fixture");
    let precis_text = fs::read_to_string(fixture("seed_shape/precis.txt")).expect("fixture");
    let crlf = dir.path().join("crlf.txt");
    fs::write(&crlf, precis_text.replace('\n', "\r\n")).expect("write");
    let (r, _) = json_report(&fixture("seed_shape/passage.txt"), &crlf, &[]);
    assert_eq!(r["precis"]["words"], 97);
    let m = flags_of_kind(&r, "number_mismatch");
    assert_eq!(
        (m[0]["line"].as_u64(), m[0]["column"].as_u64()),
        (Some(5), Some(69))
    );

    let odd = dir.path().join("odd.txt");
    let hostile = "Title:\tA \u{1b}]0;owned\u{7} Title Here\n→ 中国 and پاکستان signed 😀 deals\u{202e} worth $42 billion\u{9b}2J in 2015.\u{8}\n(11 words)";
    fs::write(&odd, hostile).expect("write");
    let src = dir.path().join("src.txt");
    fs::write(&src, &source).expect("write");
    let out = precis()
        .arg("check")
        .arg(&src)
        .arg(&odd)
        .output()
        .expect("runs");
    let stdout = String::from_utf8(out.stdout).expect("utf-8");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        !stdout.contains('\u{1b}')
            && !stdout.contains('\u{7}')
            && !stdout.contains('\u{9b}')
            && !stdout.contains('\u{8}')
    );
    let json = precis()
        .arg("check")
        .arg(&src)
        .arg(&odd)
        .arg("--json")
        .output()
        .expect("runs");
    let json = String::from_utf8(json.stdout).expect("utf-8");
    assert!(
        !json.chars().any(|c| c.is_control() && c != '\n'),
        "raw control characters in JSON"
    );
    let r: Value = serde_json::from_str(&json).expect("json");
    assert!(
        r["precis"]["title"]
            .as_str()
            .is_some_and(|t| t.contains('\u{1b}')),
        "JSON keeps the text as written, escaped"
    );
}

#[test]
fn help_documents_the_counting_rules() {
    precis()
        .args(["check", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("China-Pakistan = 1"))
        .stdout(predicate::str::contains("Exit status"));
}

#[test]
fn a_fifty_megabyte_source_finishes_within_a_memory_limit() {
    let dir = tempfile::tempdir().expect("tempdir");
    let passage = fs::read_to_string(fixture("clean/passage.txt")).expect("fixture");
    let mut big = String::with_capacity(51 << 20);
    while big.len() < 50 << 20 {
        big.push_str(&passage);
        big.push('\n');
    }
    let source = dir.path().join("huge.txt");
    fs::write(&source, &big).expect("write");
    let bin = assert_cmd::cargo::cargo_bin("precis");
    let script = format!(
        "ulimit -v 2000000 && exec '{}' check --json '{}' '{}'",
        bin.display(),
        source.display(),
        fixture("clean/precis.txt").display()
    );
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(script)
        .env("NO_COLOR", "1")
        .output()
        .expect("runs");
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let r: Value = serde_json::from_slice(&out.stdout).expect("json");
    let words = r["source"]["words"].as_u64().unwrap_or(0);
    assert!(words > 8_000_000, "{words}");
    assert_eq!(r["target"]["status"], "under");
}

#[test]
fn the_config_file_sets_defaults_and_flags_override_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::create_dir_all(dir.path().join("precis")).expect("mkdir");
    fs::write(
        dir.path().join("precis/config.toml"),
        "preset = \"upsc\"\ntolerance = \"10%\"\n",
    )
    .expect("write");
    let run = |extra: &[&str]| {
        let out = precis()
            .env("XDG_CONFIG_HOME", dir.path())
            .arg("check")
            .arg(fixture("clean/passage.txt"))
            .arg(fixture("clean/precis.txt"))
            .arg("--json")
            .args(extra)
            .output()
            .expect("runs");
        serde_json::from_slice::<Value>(&out.stdout).expect("json")
    };
    let r = run(&[]);
    assert_eq!(r["preset"], "upsc");
    assert_eq!(
        (r["target"]["min"].as_u64(), r["target"]["max"].as_u64()),
        (Some(93), Some(113))
    );
    assert_eq!(flags_of_kind(&r, "title_not_allowed").len(), 1);
    let r = run(&["--preset", "css", "--tolerance", "5%"]);
    assert_eq!(r["preset"], "css");
    assert_eq!(r["target"]["min"], 98);
}

#[test]
fn a_bad_config_file_is_named_with_its_key_and_line_and_ignored() {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::create_dir_all(dir.path().join("precis")).expect("mkdir");
    fs::write(
        dir.path().join("precis/config.toml"),
        "preset = \"css\"\nratio = \"3\"\n",
    )
    .expect("write");
    let out = precis()
        .env("XDG_CONFIG_HOME", dir.path())
        .arg("check")
        .arg(fixture("clean/passage.txt"))
        .arg(fixture("clean/precis.txt"))
        .output()
        .expect("runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "the check still runs with the defaults"
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("config.toml: line 2 (ratio):") && err.contains("using the defaults"),
        "{err}"
    );
}

fn passage(slug: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets/passages")
        .join(format!("{slug}.md"))
}

#[test]
fn coverage_lists_every_source_sentence_and_the_points_left_out() {
    let (r, _) = json_report(
        &passage("04-silk-road"),
        &fixture("partial/04-silk-road.txt"),
        &[],
    );
    let sentences = r["coverage"]["sentences"].as_array().expect("sentences");
    assert!(sentences.len() >= 8, "{sentences:?}");
    let number = |v: &Value| v.as_f64().expect("a number");
    let (mut last_start, mut weights, mut weighted) = (0, 0.0, 0.0);
    let step = |covered: f64| {
        if covered >= precis::analysis::coverage::COVERED {
            1.0
        } else if covered >= precis::analysis::coverage::PARTLY {
            0.5
        } else {
            0.0
        }
    };
    for s in sentences {
        let start = s["start"].as_u64().expect("start");
        assert!(start >= last_start, "in source order");
        last_start = start;
        assert!(s["line"].as_u64() <= s["end_line"].as_u64());
        let (weight, covered) = (number(&s["weight"]), number(&s["covered"]));
        assert!(weight > 0.0 && (0.0..=1.0).contains(&covered), "{s}");
        weights += weight;
        weighted += weight * step(covered);
        assert!(s["key"].is_boolean(), "{s}");
    }
    assert_eq!(r["coverage"]["method"], "soft-minilm-static-128");
    assert!((weights - 1.0).abs() < 1e-6);
    assert!((weighted - number(&r["coverage"]["overall"])).abs() < 1e-6);

    // The précis summarises only the first half: it covers that better.
    let half = sentences.len() / 2;
    let mean = |part: &[Value]| {
        part.iter().map(|s| number(&s["covered"])).sum::<f64>() / part.len() as f64
    };
    assert!(mean(&sentences[..half]) > mean(&sentences[half..]) + 0.1);

    let uncovered = flags_of_kind(&r, "uncovered_point");
    assert!(
        !uncovered.is_empty() && uncovered.len() <= 3,
        "{uncovered:?}"
    );
    for f in uncovered {
        assert_eq!(f["severity"], "info");
        let line = &f["source"]["line"];
        assert!(
            sentences.iter().any(|s| &s["line"] == line),
            "{f} names a listed sentence"
        );
        assert!(
            f["message"]
                .as_str()
                .is_some_and(|m| m.contains("key point left out"))
        );
    }
}

#[test]
fn long_sentences_and_repeated_words_are_info_and_readability_is_reported() {
    let dir = tempfile::tempdir().expect("tempdir");
    let long = "Farmers across the basin now draw more groundwater than the rains \
                return each year, so canal managers, provincial officials and \
                village councils must agree on shares that reward saving rather \
                than pumping, before the aquifers beneath the plains run dry";
    let precis_file = dir.path().join("precis.txt");
    fs::write(
        &precis_file,
        format!(
            "Title: Sharing a Shrinking River\n\n{long}. Canals leak. Canals silt. \
             Canals need repair. Canals serve towns. Canals serve farms. Water \
             is scarce. Water is cheap. Water is wasted. Water is priced low. \
             Water must be saved.\n\n(70 words)\n"
        ),
    )
    .expect("write");
    let (r, _) = json_report(&passage("09-indus-water-farming"), &precis_file, &[]);
    let long_flags = flags_of_kind(&r, "long_sentence");
    assert_eq!(long_flags.len(), 1, "{r:#}");
    assert_eq!(long_flags[0]["severity"], "info");
    assert!(
        long_flags[0]["text"]
            .as_str()
            .is_some_and(|t| t.starts_with("Farmers"))
    );
    assert!(
        long_flags[0]["message"]
            .as_str()
            .is_some_and(|m| m.contains("40 words"))
    );
    let repeated = flags_of_kind(&r, "repetition");
    assert_eq!(
        repeated.len(),
        1,
        "the passage's subject (water) is allowed: {r:#}"
    );
    assert_eq!(repeated[0]["text"], "Canals");
    assert!(
        repeated[0]["message"]
            .as_str()
            .is_some_and(|m| m.contains("5 times"))
    );

    let p = &r["readability"]["precis"];
    assert_eq!(p["longest_sentence_words"], 40);
    assert_eq!(p["sentences"], 11);
    assert!(
        r["readability"]["source"]["flesch_kincaid_grade"]
            .as_f64()
            .is_some()
    );
}

#[test]
fn text_report_ends_with_coverage_and_readability() {
    precis()
        .arg("check")
        .arg(passage("04-silk-road"))
        .arg(fixture("partial/04-silk-road.txt"))
        .assert()
        .stdout(predicate::str::contains("uncovered_point"))
        .stdout(predicate::str::is_match(
            r"coverage: \d+% of the passage's weighted content; of \d+ source sentences \d+ covered, \d+ partly, \d+ not",
        ).expect("pattern"))
        .stdout(predicate::str::contains("readability: précis 35.0 words a sentence (longest 35)"));
}
