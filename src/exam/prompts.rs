//! What an exam says to the student at its turning points: the reading-time
//! note, the questions before handing in, leaving or starting an exam, and
//! the line left on the terminal when a running exam is closed. Plain text
//! from the clock and the report; the editor draws it.

use std::time::Duration;

use jiff::Timestamp;
use jiff::tz::TimeZone;

use super::clock::{self, clock_text};
use super::timing::ExamTiming;
use crate::analysis::report::TargetSummary;
use crate::analysis::target::LengthStatus;

/// How the reading-time note starts, so the editor can keep its time in
/// step with the clock.
pub const READING_NOTE: &str = "Reading time: the précis opens in ";

/// The précis body's placeholder while reading time locks it.
pub const LOCKED_PLACEHOLDER: &str = "Locked while you read · Ctrl+E starts writing";

/// The note for a key refused during reading time, `left` before writing
/// opens (the status bar's clock shows the same time).
pub fn reading_note(left: Duration) -> String {
    format!(
        "{READING_NOTE}{} · Ctrl+E starts writing now",
        clock_text(left)
    )
}

/// The note when the student starts writing before reading time is over.
pub fn writing_early_note(writing: Duration) -> String {
    format!(
        "Writing opened early: {} to write. Ctrl+E submits early.",
        clock_text(writing)
    )
}

/// The greeting of an exam resumed on the passage `title`.
pub fn resumed_note(title: &str) -> String {
    format!("Resumed your exam on “{title}”: the clock kept running. Ctrl+E submits early.")
}

/// Where `words` stands against the band of `target`: `150 words, 12 under
/// the band (162–178)`, `… within the band …`, `… 3 over the band …`.
pub fn against_band(words: usize, target: &TargetSummary) -> String {
    let band = format!("the band ({}–{})", target.min, target.max);
    let noun = if words == 1 { "word" } else { "words" };
    match target.status {
        LengthStatus::Under => format!(
            "{words} {noun}, {} under {band}",
            target.min.saturating_sub(words)
        ),
        LengthStatus::Within => format!("{words} {noun}, within {band}"),
        LengthStatus::Over => format!(
            "{words} {noun}, {} over {band}",
            words.saturating_sub(target.max)
        ),
    }
}

/// The time until `timing`'s deadline at `now`, rounded up to the second
/// as the clock shows it (zero once it has passed).
pub fn until_deadline(timing: &ExamTiming, now: Timestamp) -> Duration {
    match clock::phase(timing, now) {
        clock::Phase::Writing(left) => left,
        clock::Phase::Reading(left) => left + timing.allowed(),
        clock::Phase::Over => Duration::ZERO,
    }
}

/// The exam's length as the question before starting one gives it:
/// `35:00 to write` or `05:00 to read, then 35:00 to write`.
pub fn plan_text(writing: Duration, reading: Option<Duration>) -> String {
    match reading.filter(|r| !r.is_zero()) {
        Some(r) => format!(
            "{} to read, then {} to write",
            clock_text(r),
            clock_text(writing)
        ),
        None => format!("{} to write", clock_text(writing)),
    }
}

/// The line printed on the terminal when the editor closes on a running
/// exam: when time is up, in `tz`; `None` once the deadline has passed or
/// the attempt was handed in.
pub fn leaving_line(timing: &ExamTiming, now: Timestamp, tz: &TimeZone) -> Option<String> {
    if timing.submitted.is_some() || now >= timing.deadline {
        return None;
    }
    let at = timing.deadline.to_zoned(tz.clone());
    let same_day = now.to_zoned(tz.clone()).date() == at.date();
    let when = if same_day {
        at.strftime("%H:%M:%S").to_string()
    } else {
        at.strftime("%H:%M:%S on %d %b").to_string()
    };
    Some(format!(
        "precis: your exam is still running: time is up at {when} (in {}); run precis to go back to it",
        clock_text(until_deadline(timing, now))
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: i64) -> Timestamp {
        Timestamp::from_second(s).expect("timestamp")
    }

    fn band(status: LengthStatus) -> TargetSummary {
        TargetSummary {
            words: 170,
            min: 162,
            max: 178,
            status,
            difference: 0,
            outside_band_by: 0,
        }
    }

    #[test]
    fn the_length_is_told_against_the_band() {
        assert_eq!(
            against_band(150, &band(LengthStatus::Under)),
            "150 words, 12 under the band (162–178)"
        );
        assert_eq!(
            against_band(170, &band(LengthStatus::Within)),
            "170 words, within the band (162–178)"
        );
        assert_eq!(
            against_band(181, &band(LengthStatus::Over)),
            "181 words, 3 over the band (162–178)"
        );
        assert_eq!(
            against_band(1, &band(LengthStatus::Under)),
            "1 word, 161 under the band (162–178)"
        );
    }

    #[test]
    fn the_time_to_the_deadline_counts_reading_time_too() {
        let t = clock::start(
            at(0),
            Some(Duration::from_secs(60)),
            Duration::from_secs(600),
        );
        assert_eq!(until_deadline(&t, at(10)), Duration::from_secs(650));
        assert_eq!(until_deadline(&t, at(100)), Duration::from_secs(560));
        assert_eq!(until_deadline(&t, at(700)), Duration::ZERO);
    }

    #[test]
    fn leaving_a_running_exam_says_when_time_is_up() {
        let t = clock::start(at(1_000), None, Duration::from_secs(35 * 60));
        assert_eq!(
            leaving_line(&t, at(1_000 + 60), &TimeZone::UTC).as_deref(),
            Some(
                "precis: your exam is still running: time is up at 00:51:40 (in 34:00); \
                 run precis to go back to it"
            )
        );
        let late = clock::start(at(86_000), None, Duration::from_secs(3_600));
        assert!(
            leaving_line(&late, at(86_000), &TimeZone::UTC)
                .is_some_and(|l| l.contains("time is up at 00:53:20 on 02 Jan (in 1:00:00)"))
        );
        assert_eq!(leaving_line(&t, at(1_000 + 35 * 60), &TimeZone::UTC), None);
        let mut handed_in = t;
        handed_in.submitted = Some(at(1_100));
        assert_eq!(leaving_line(&handed_in, at(1_200), &TimeZone::UTC), None);
    }

    #[test]
    fn notes_and_plans() {
        assert_eq!(
            reading_note(Duration::from_secs(29)),
            "Reading time: the précis opens in 00:29 · Ctrl+E starts writing now"
        );
        assert!(reading_note(Duration::ZERO).starts_with(READING_NOTE));
        assert_eq!(
            plan_text(Duration::from_secs(2100), Some(Duration::from_secs(300))),
            "05:00 to read, then 35:00 to write"
        );
        assert_eq!(plan_text(Duration::from_secs(120), None), "02:00 to write");
    }
}
