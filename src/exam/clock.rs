//! The exam clock: phases (reading, writing, over) and the warnings at five
//! minutes and one minute left, all from wall-clock timestamps passed in, so
//! the logic is tested without waiting and survives a restart.

use std::time::Duration;

use jiff::Timestamp;

use super::timing::ExamTiming;

/// Where an exam stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Reading only: the editor opens when this much time has passed.
    Reading(Duration),
    /// Writing, with this much time left.
    Writing(Duration),
    /// Time is up or the attempt was submitted.
    Over,
}

/// How close the deadline is, for colour and the bell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Urgency {
    /// More than five minutes left.
    Calm,
    /// Five minutes or less.
    FiveMinutes,
    /// One minute or less.
    OneMinute,
}

/// Five minutes: the first warning.
pub const FIVE_MINUTES: Duration = Duration::from_secs(5 * 60);
/// One minute: the last warning.
pub const ONE_MINUTE: Duration = Duration::from_secs(60);

/// The timing of an exam started `now`: an optional reading phase, then
/// `writing` of writing time.
pub fn start(now: Timestamp, reading: Option<Duration>, writing: Duration) -> ExamTiming {
    let after = |t: Timestamp, d: Duration| t.checked_add(d).unwrap_or(t);
    let reading_until = reading.filter(|d| !d.is_zero()).map(|d| after(now, d));
    let started = reading_until.unwrap_or(now);
    ExamTiming {
        reading_until,
        started,
        deadline: after(started, writing),
        submitted: None,
    }
}

/// The timing once the student starts writing at `now`, before reading
/// time is over: reading ends now and the full writing time starts now.
/// Outside reading time the timing is unchanged.
pub fn write_now(timing: &ExamTiming, now: Timestamp) -> ExamTiming {
    if !matches!(phase(timing, now), Phase::Reading(_)) {
        return *timing;
    }
    let writing = timing.allowed();
    ExamTiming {
        reading_until: Some(now),
        started: now,
        deadline: now.checked_add(writing).unwrap_or(timing.deadline),
        submitted: None,
    }
}

/// The time from `from` to `to` in whole seconds, rounded up, so a clock
/// shows 00:01 (not 00:00) during the last second and opens on the full time.
fn until(from: Timestamp, to: Timestamp) -> Duration {
    let d = Duration::try_from(to.duration_since(from)).unwrap_or(Duration::ZERO);
    Duration::from_secs(d.as_secs() + u64::from(d.subsec_nanos() > 0))
}

/// The phase at `now`.
pub fn phase(timing: &ExamTiming, now: Timestamp) -> Phase {
    if timing.submitted.is_some() || now >= timing.deadline {
        return Phase::Over;
    }
    match timing.reading_until {
        Some(end) if now < end => Phase::Reading(until(now, end)),
        _ => Phase::Writing(until(now, timing.deadline)),
    }
}

/// How urgent `left` writing time is.
pub fn urgency(left: Duration) -> Urgency {
    if left <= ONE_MINUTE {
        Urgency::OneMinute
    } else if left <= FIVE_MINUTES {
        Urgency::FiveMinutes
    } else {
        Urgency::Calm
    }
}

/// The warnings whose moment falls after `before` and at or before `now`
/// (the bell rings once for each).
pub fn warnings_between(timing: &ExamTiming, before: Timestamp, now: Timestamp) -> Vec<Urgency> {
    let at = |left: Duration| timing.deadline.checked_sub(left).unwrap_or(timing.deadline);
    [
        (Urgency::FiveMinutes, FIVE_MINUTES),
        (Urgency::OneMinute, ONE_MINUTE),
    ]
    .into_iter()
    .filter(|&(_, left)| {
        let moment = at(left);
        moment > before && moment <= now && moment >= timing.started && timing.submitted.is_none()
    })
    .map(|(u, _)| u)
    .collect()
}

/// `mm:ss`, or `h:mm:ss` from an hour.
pub fn clock_text(d: Duration) -> String {
    let s = d.as_secs();
    if s >= 3600 {
        format!("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
    } else {
        format!("{:02}:{:02}", s / 60, s % 60)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: i64) -> Timestamp {
        Timestamp::from_second(s).expect("timestamp")
    }

    #[test]
    fn reading_then_writing_then_over() {
        let t = start(
            at(0),
            Some(Duration::from_secs(300)),
            Duration::from_secs(2100),
        );
        assert_eq!(phase(&t, at(10)), Phase::Reading(Duration::from_secs(290)));
        assert_eq!(
            phase(&t, at(300)),
            Phase::Writing(Duration::from_secs(2100))
        );
        assert_eq!(phase(&t, at(2399)), Phase::Writing(Duration::from_secs(1)));
        assert_eq!(phase(&t, at(2400)), Phase::Over);
    }

    #[test]
    fn time_left_is_rounded_up_to_the_second() {
        let t = start(at(0), None, Duration::from_secs(3));
        let just_after = at(0).checked_add(Duration::from_millis(1)).expect("ts");
        assert_eq!(
            phase(&t, just_after),
            Phase::Writing(Duration::from_secs(3))
        );
        let last_moment = at(2).checked_add(Duration::from_millis(999)).expect("ts");
        assert_eq!(
            phase(&t, last_moment),
            Phase::Writing(Duration::from_secs(1))
        );
    }

    #[test]
    fn without_reading_writing_starts_at_once() {
        let t = start(at(0), None, Duration::from_secs(60));
        assert_eq!(t.started, at(0));
        assert_eq!(phase(&t, at(0)), Phase::Writing(Duration::from_secs(60)));
        let mut submitted = t;
        submitted.submitted = Some(at(30));
        assert_eq!(phase(&submitted, at(31)), Phase::Over);
    }

    #[test]
    fn writing_may_start_before_reading_time_is_over() {
        let t = start(
            at(0),
            Some(Duration::from_secs(300)),
            Duration::from_secs(2100),
        );
        let early = write_now(&t, at(40));
        assert_eq!(early.reading_until, Some(at(40)));
        assert_eq!(early.started, at(40));
        assert_eq!(early.deadline, at(40 + 2100), "the whole writing time");
        assert_eq!(
            phase(&early, at(40)),
            Phase::Writing(Duration::from_secs(2100))
        );
        assert_eq!(write_now(&early, at(50)), early, "already writing");
        let plain = start(at(0), None, Duration::from_secs(60));
        assert_eq!(write_now(&plain, at(5)), plain);
    }

    #[test]
    fn warnings_ring_once_when_their_moment_passes() {
        let t = start(at(0), None, Duration::from_secs(600));
        assert!(warnings_between(&t, at(0), at(299)).is_empty());
        assert_eq!(
            warnings_between(&t, at(299), at(300)),
            [Urgency::FiveMinutes]
        );
        assert!(warnings_between(&t, at(300), at(301)).is_empty());
        assert_eq!(warnings_between(&t, at(500), at(540)), [Urgency::OneMinute]);
        assert_eq!(
            warnings_between(&t, at(0), at(600)),
            [Urgency::FiveMinutes, Urgency::OneMinute]
        );
        let short = start(at(0), None, Duration::from_secs(90));
        assert_eq!(
            warnings_between(&short, at(0), at(30)),
            [Urgency::OneMinute],
            "no five-minute bell in a 90 s exam"
        );
    }

    #[test]
    fn a_restart_keeps_the_wall_clock_deadline() {
        let t = start(at(1_000), None, Duration::from_secs(2100));
        assert_eq!(
            phase(&t, at(1_000 + 2000)),
            Phase::Writing(Duration::from_secs(100))
        );
        assert_eq!(phase(&t, at(1_000 + 5000)), Phase::Over);
    }

    #[test]
    fn urgency_and_clock_text() {
        assert_eq!(urgency(Duration::from_secs(301)), Urgency::Calm);
        assert_eq!(urgency(Duration::from_secs(300)), Urgency::FiveMinutes);
        assert_eq!(urgency(Duration::from_secs(60)), Urgency::OneMinute);
        assert_eq!(clock_text(Duration::from_secs(2100)), "35:00");
        assert_eq!(clock_text(Duration::from_secs(5400)), "1:30:00");
    }
}
