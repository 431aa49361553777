//! Which built-in passage `precis exam` sets when none is named: one the
//! student has not attempted yet, in practice or in an exam, so an exam
//! never falls on a passage just practised.

use std::collections::HashMap;

use jiff::Timestamp;

use crate::passages;

/// The built-in passage for a new exam, given every earlier attempt as a
/// passage id and when it was last saved: a passage never attempted, in
/// practice or in an exam (the `pick`-th of them, wrapping), else the one
/// whose latest attempt is the oldest.
pub fn passage_for_exam<'a>(
    attempts: impl IntoIterator<Item = (&'a str, Timestamp)>,
    pick: usize,
) -> &'static str {
    let mut latest: HashMap<&str, Timestamp> = HashMap::new();
    for (id, when) in attempts {
        let last = latest.entry(id).or_insert(when);
        *last = (*last).max(when);
    }
    let fresh: Vec<&'static str> = passages::ALL
        .iter()
        .map(|p| p.id)
        .filter(|id| !latest.contains_key(id))
        .collect();
    if !fresh.is_empty() {
        return fresh[pick % fresh.len()];
    }
    passages::ALL
        .iter()
        .min_by_key(|p| latest.get(p.id).copied())
        .map_or(passages::ALL[0].id, |p| p.id)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: i64) -> Timestamp {
        Timestamp::from_second(s).expect("timestamp")
    }

    #[test]
    fn a_passage_just_practised_is_never_set() {
        let left_out = passages::ALL[5].id;
        let practised: Vec<(&str, Timestamp)> = passages::ALL
            .iter()
            .filter(|p| p.id != left_out)
            .enumerate()
            .map(|(n, p)| (p.id, at(n as i64)))
            .collect();
        for pick in 0..30 {
            assert_eq!(passage_for_exam(practised.iter().copied(), pick), left_out);
        }
    }

    #[test]
    fn once_all_are_attempted_the_longest_untouched_is_set() {
        let mut attempts: Vec<(&str, Timestamp)> = passages::ALL
            .iter()
            .enumerate()
            .map(|(n, p)| (p.id, at(100 + n as i64)))
            .collect();
        // Passage 0, the longest untouched, was just practised again.
        attempts.push((passages::ALL[0].id, at(1_000)));
        assert_eq!(
            passage_for_exam(attempts.iter().copied(), 0),
            passages::ALL[1].id
        );
    }

    #[test]
    fn with_no_attempts_any_passage_may_be_set() {
        let picked: std::collections::HashSet<&str> = (0..passages::ALL.len())
            .map(|n| passage_for_exam([], n))
            .collect();
        assert_eq!(picked.len(), passages::ALL.len());
    }
}
