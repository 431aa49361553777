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

/// The half-width of a band of ±`tolerance` (a fraction) around `words`,
/// never less than [`MIN_TOLERANCE_WORDS`].
pub fn band_margin(words: usize, tolerance: f64) -> usize {
    ((words as f64 * tolerance.max(0.0)).round() as usize).max(MIN_TOLERANCE_WORDS)
}

impl Target {
    /// The target for a source of `source_words` words under `rule`, with a
    /// band of ±`tolerance` (a fraction, 0.05 for 5%) and at least ±2 words.
    pub fn new(source_words: usize, rule: TargetRule, tolerance: f64) -> Self {
        let words = match rule {
            TargetRule::Ratio(r) => (source_words as f64 * r.max(0.0)).round() as usize,
            TargetRule::Words(n) => n,
        };
        let slack = band_margin(words, tolerance);
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

/// Reads a ratio as a fraction (`1/3`), a decimal (`0.25`) or a percentage
/// (`25%`); it must lie in (0, 1].
pub fn parse_ratio(s: &str) -> Result<f64, String> {
    let s = s.trim();
    let value = if let Some((a, b)) = s.split_once('/') {
        let a: f64 = a
            .trim()
            .parse()
            .map_err(|_| format!("'{s}' is not a ratio like 1/3"))?;
        let b: f64 = b
            .trim()
            .parse()
            .map_err(|_| format!("'{s}' is not a ratio like 1/3"))?;
        if b == 0.0 {
            return Err(format!("'{s}' divides by zero"));
        }
        a / b
    } else if let Some(p) = s.strip_suffix('%') {
        p.trim()
            .parse::<f64>()
            .map_err(|_| format!("'{s}' is not a percentage"))?
            / 100.0
    } else {
        s.parse()
            .map_err(|_| format!("'{s}' is not a ratio like 1/3 or 0.25"))?
    };
    if value.is_finite() && value > 0.0 && value <= 1.0 {
        Ok(value)
    } else {
        Err(format!("ratio '{s}' must be more than 0 and at most 1"))
    }
}

/// Reads a tolerance as a percentage (`10%` or `10`), returned as a
/// fraction (0.10); it must lie in [0, 100].
pub fn parse_tolerance(s: &str) -> Result<f64, String> {
    let t = s.trim();
    let t = t.strip_suffix('%').unwrap_or(t).trim();
    let pct: f64 = t
        .parse()
        .map_err(|_| format!("'{s}' is not a percentage like 5%"))?;
    if pct.is_finite() && (0.0..=100.0).contains(&pct) {
        Ok(pct / 100.0)
    } else {
        Err(format!("tolerance '{s}' must be between 0% and 100%"))
    }
}

#[cfg(test)]
mod parse_tests {
    use super::*;

    #[test]
    fn ratios() {
        assert_eq!(parse_ratio("1/3"), Ok(1.0 / 3.0));
        assert_eq!(parse_ratio("0.25"), Ok(0.25));
        assert_eq!(parse_ratio("25%"), Ok(0.25));
        assert!(parse_ratio("1/0").is_err());
        assert!(parse_ratio("3").is_err());
        assert!(parse_ratio("abc").is_err());
        assert!(parse_ratio("NaN").is_err());
    }

    #[test]
    fn tolerances() {
        assert_eq!(parse_tolerance("10%"), Ok(0.10));
        assert_eq!(parse_tolerance("5"), Ok(0.05));
        assert!(parse_tolerance("-1%").is_err());
        assert!(parse_tolerance("x").is_err());
    }
}
