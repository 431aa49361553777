//! The length target: a share of the source (one-third by default) or an
//! explicit word limit, with a tolerance band around it.

use serde::{Deserialize, Serialize};

/// How the target length is set.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetRule {
    /// A share of the source's word count, e.g. 1/3.
    Ratio(f64),
    /// An explicit word limit.
    Words(usize),
}

impl Default for TargetRule {
    fn default() -> Self {
        Self::Ratio(1.0 / 3.0)
    }
}

/// Where the précis length stands against the band.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LengthStatus {
    /// Shorter than the band's minimum.
    Under,
    /// Inside the band.
    Within,
    /// Longer than the band's maximum.
    Over,
}

/// The target and its band, computed for one source.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Target {
    /// The target word count.
    pub words: usize,
    /// The smallest count inside the band.
    pub min: usize,
    /// The largest count inside the band.
    pub max: usize,
}

/// The smallest half-width of the band, so short passages keep some slack.
pub const MIN_TOLERANCE_WORDS: usize = 2;

impl Target {
    /// The target for a source of `source_words` words under `rule`, with a
    /// band of ±`tolerance` (a fraction, 0.05 for 5%) and at least ±2 words.
    pub fn new(source_words: usize, rule: TargetRule, tolerance: f64) -> Self {
        let words = match rule {
            TargetRule::Ratio(r) => (source_words as f64 * r.max(0.0)).round() as usize,
            TargetRule::Words(n) => n,
        };
        let slack = ((words as f64 * tolerance.max(0.0)).round() as usize).max(MIN_TOLERANCE_WORDS);
        Self {
            words,
            min: words.saturating_sub(slack),
            max: words.saturating_add(slack),
        }
    }

    /// Where `words` stands against the band.
    pub fn status(&self, words: usize) -> LengthStatus {
        if words < self.min {
            LengthStatus::Under
        } else if words > self.max {
            LengthStatus::Over
        } else {
            LengthStatus::Within
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_third_with_five_percent() {
        let t = Target::new(250, TargetRule::default(), 0.05);
        assert_eq!((t.words, t.min, t.max), (83, 79, 87));
        assert_eq!(t.status(78), LengthStatus::Under);
        assert_eq!(t.status(79), LengthStatus::Within);
        assert_eq!(t.status(88), LengthStatus::Over);
    }

    #[test]
    fn short_sources_keep_two_words_of_slack() {
        let t = Target::new(30, TargetRule::default(), 0.05);
        assert_eq!((t.words, t.min, t.max), (10, 8, 12));
        let empty = Target::new(0, TargetRule::default(), 0.05);
        assert_eq!((empty.words, empty.min, empty.max), (0, 0, 2));
    }

    #[test]
    fn explicit_limit() {
        let t = Target::new(999, TargetRule::Words(120), 0.10);
        assert_eq!((t.words, t.min, t.max), (120, 108, 132));
    }
}
