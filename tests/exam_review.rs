//! The exam review panel: snapshots at a wide and a narrow size, with and
//! without pace data, and the checklist's verdicts on real reports.

mod common;

use jiff::Timestamp;
use precis::analysis::report::Report;
use precis::analysis::words::CountingOptions;
use precis::analysis::{Preset, Settings, analyse};
use precis::exam::checklist::checklist;
use precis::store::{ExamTiming, Sample};
use precis::ui::review_panel::{self, Review};
use precis::ui::theme::Theme;

const SOURCE: &str = include_str!("fixtures/rooftop/passage.txt");

/// Within the band, titled and counted, but with a wrong figure (1,500 for
/// the source's 1,200) and a contraction.
const FLAWED: &str = "Title: Gardens Above the City\n\nPlanted roofs have multiplied in \
cities, rising to more than 1,500 in 2023. They cool the rooms below, absorb storm water and \
supply local food. Yet reinforcing old buildings is expensive, and cheap schemes don't survive \
once volunteers drift away. Durable gardens rely on a paying landlord, an institution using the \
harvest and a grant.\n\n(55 words)\n";

/// Every check passes.
const CLEAN: &str = "Title: Gardens Above the City\n\nPlanted roofs have multiplied in \
cities, rising to more than 1,200 in 2023. They cool the rooms below, absorb storm water and \
supply local food. Yet reinforcing old buildings is expensive, and cheap schemes fail once \
volunteers drift away. Durable gardens rely on a paying landlord, an institution using the \
harvest and a public grant.\n\n(55 words)\n";

/// Short, untitled, first person, copied, a wrong figure, a contraction and
/// a wrong declared count; but no quotation.
const CARELESS: &str = "I think rooftop gardens have spread quickly across crowded cities \
over the past decade, reaching 1,500 planted roofs in 2023. They cool buildings, hold rain and \
grow food, but old buildings need reinforcement and cheap projects don't last.\n\n(52 words)\n";

/// Writing started at 1,000 s.
const START: i64 = 1_000;

fn at(s: i64) -> Timestamp {
    Timestamp::from_second(s).expect("timestamp")
}

fn report(precis: &str, preset: Preset) -> Report {
    analyse(
        SOURCE.to_string(),
        precis,
        &Settings::for_preset(preset),
        CountingOptions::default(),
    )
}

/// A 35-minute exam, submitted after 31:05 (or not at all).
fn timing(submitted: bool) -> ExamTiming {
    ExamTiming {
        reading_until: Some(at(START)),
        started: at(START),
        deadline: at(START + 35 * 60),
        submitted: submitted.then(|| at(START + 31 * 60 + 5)),
    }
}

/// Slow and steady for most of the exam, then a rush in the last minutes.
fn timeline() -> Vec<Sample> {
    [
        (2, 0),
        (5, 4),
        (8, 9),
        (11, 13),
        (14, 18),
        (17, 21),
        (20, 25),
        (23, 28),
        (26, 33),
        (29, 44),
        (31, 55),
    ]
    .into_iter()
    .map(|(minute, words)| Sample {
        at: at(START + minute * 60),
        words,
    })
    .collect()
}

fn picture(review: &Review, width: u16, height: u16) -> String {
    scrolled(review, width, height, 0)
}

/// The review scrolled down by `top` rows (as far as it goes).
fn scrolled(review: &Review, width: u16, height: u16, top: usize) -> String {
    let scroll = std::cell::Cell::new(top);
    common::picture(width, height, |frame| {
        review_panel::render(
            frame,
            frame.area(),
            review,
            &scroll,
            true,
            &Theme::new(true),
        )
    })
}

#[test]
fn wide_review_sets_the_checklist_beside_the_pace_chart() {
    let report = report(FLAWED, Preset::Css);
    let timeline = timeline();
    let review = Review {
        report: &report,
        preset: Preset::Css,
        timing: timing(true),
        timeline: &timeline,
    };
    let screen = picture(&review, 120, 24);
    assert!(screen.contains("Time used 31:05 of 35:00"), "{screen}");
    assert!(screen.contains("Words over time"), "{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn narrow_review_stacks_the_checklist_over_the_pace_chart() {
    let report = report(FLAWED, Preset::Css);
    let timeline = timeline();
    let review = Review {
        report: &report,
        preset: Preset::Css,
        timing: timing(true),
        timeline: &timeline,
    };
    let screen = picture(&review, 60, 30);
    assert!(screen.contains("✗ no contractions"), "{screen}");
    assert!(screen.contains("deadline"), "{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn the_smallest_review_keeps_a_readable_chart() {
    let report = report(FLAWED, Preset::Css);
    let timeline = timeline();
    let review = Review {
        report: &report,
        preset: Preset::Css,
        timing: timing(true),
        timeline: &timeline,
    };
    let screen = picture(&review, 60, 20);
    assert!(screen.contains("Words over time · target 52"), "{screen}");
    assert!(screen.contains("35:00 deadline"), "{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn without_a_timeline_the_review_says_there_is_no_pace_data() {
    let report = report(FLAWED, Preset::Css);
    let review = Review {
        report: &report,
        preset: Preset::Css,
        timing: timing(false),
        timeline: &[],
    };
    let screen = picture(&review, 60, 20);
    assert!(screen.contains("No pace data for this attempt"), "{screen}");
    assert!(screen.contains("Not submitted (35:00 allowed)"), "{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn one_sample_is_not_enough_for_a_chart() {
    let report = report(CLEAN, Preset::Css);
    let timeline = &timeline()[..1];
    let review = Review {
        report: &report,
        preset: Preset::Css,
        timing: timing(true),
        timeline,
    };
    let screen = picture(&review, 120, 40);
    assert!(screen.contains("No pace data for this attempt"), "{screen}");
    assert!(screen.contains("8 of 8 checks pass"), "{screen}");
}

#[test]
fn every_size_from_tiny_to_large_draws_without_panicking() {
    let report = report(CARELESS, Preset::Upsc);
    let timeline = timeline();
    for (w, h) in [
        (1, 1),
        (10, 4),
        (40, 12),
        (60, 20),
        (101, 30),
        (120, 40),
        (200, 60),
    ] {
        let review = Review {
            report: &report,
            preset: Preset::Upsc,
            timing: timing(true),
            timeline: &timeline,
        };
        let screen = picture(&review, w, h);
        if w >= 60 {
            assert!(screen.contains("Exam review"), "{w}×{h}\n{screen}");
        }
    }
}

#[test]
fn hostile_text_in_the_precis_never_reaches_the_terminal() {
    let precis = CLEAN.replace("Gardens Above", "Gardens \u{1b}[2J Above");
    let report = report(&precis, Preset::Css);
    let review = Review {
        report: &report,
        preset: Preset::Css,
        timing: timing(true),
        timeline: &[],
    };
    let screen = picture(&review, 120, 24);
    assert!(!screen.contains('\u{1b}'), "{screen}");
    assert!(screen.contains("␛[2J"), "{screen}");
}

#[test]
fn a_clean_precis_passes_every_check() {
    let checks = checklist(&report(CLEAN, Preset::Css), Preset::Css);
    assert_eq!(checks.len(), 8);
    assert!(checks.iter().all(|c| c.passed), "{checks:#?}");
    assert_eq!(checks[0].label, "length within the band");
    assert_eq!(checks[0].detail, "55 words, band 49–55");
}

#[test]
fn the_flawed_precis_fails_only_on_its_figure_and_contraction() {
    let checks = checklist(&report(FLAWED, Preset::Css), Preset::Css);
    let failed: Vec<&str> = checks
        .iter()
        .filter(|c| !c.passed)
        .map(|c| c.label.as_str())
        .collect();
    assert_eq!(
        failed,
        ["no contractions", "every figure matches the source"],
        "{checks:#?}"
    );
}

#[test]
fn a_careless_precis_fails_several_checks() {
    let checks = checklist(&report(CARELESS, Preset::Css), Preset::Css);
    let verdicts: Vec<(&str, bool)> = checks
        .iter()
        .map(|c| (c.label.as_str(), c.passed))
        .collect();
    assert_eq!(
        verdicts,
        [
            ("length within the band", false),
            ("title present, 3 to 8 words", false),
            ("declared count present and correct", false),
            ("no first person", false),
            ("no contractions", false),
            ("no quotations", true),
            ("no copied sentences", false),
            ("every figure matches the source", false),
        ]
    );
    // Under UPSC rules the missing title is right.
    let upsc = checklist(&report(CARELESS, Preset::Upsc), Preset::Upsc);
    assert_eq!(upsc[1].label, "no title (UPSC)");
    assert!(upsc[1].passed);
}
