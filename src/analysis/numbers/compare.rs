//! Judging a précis figure against the source's figures: the same fact, the
//! same figure in another unit, a wrong figure for a fact the source states,
//! or a figure the source never mentions.

use super::{Direction, Facts, Mention, Quantity, Unit};

/// The outcome for one précis figure; indices point into the source mentions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// The source states this figure.
    Match(usize),
    /// No source figure has this value, but this source figure is the one it
    /// most likely stands for.
    Mismatch(usize),
    /// The same value, but in another currency or unit.
    UnitMismatch(usize),
    /// The ends of a change the wrong way round: this source change runs
    /// the other way (`from 14 to 41` written `from 41 to 14`).
    Reversed(usize),
    /// Nothing comparable in the source.
    NotInSource,
}

/// How one précis figure relates to one source figure.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Relation {
    Same,
    UnitDiffers,
    Reversed,
    /// About the same thing, with a different value; higher is likelier.
    Comparable(f64),
    Unrelated,
}

/// How far apart two approximate figures may be (10%).
const APPROX: f64 = 0.10;

/// Judges précis figure `p` against every source figure.
pub fn judge(p: &Mention, source: &[Mention]) -> Verdict {
    let mut same: Option<(usize, usize)> = None;
    let mut unit: Option<(usize, usize)> = None;
    let mut reversed = None;
    let mut comparable: Option<(usize, f64)> = None;
    for (i, s) in source.iter().enumerate() {
        if !may_relate(&p.quantity, &s.quantity) {
            continue;
        }
        let overlap = overlap(&p.context, &s.context);
        match relate(p, s, overlap) {
            Relation::Same if same.is_none_or(|(_, o)| overlap > o) => same = Some((i, overlap)),
            Relation::UnitDiffers if unit.is_none_or(|(_, o)| overlap > o) => {
                unit = Some((i, overlap))
            }
            Relation::Comparable(score) if comparable.is_none_or(|(_, b)| score > b) => {
                comparable = Some((i, score));
            }
            Relation::Reversed => reversed = reversed.or(Some(i)),
            _ => {}
        }
    }
    if let Some((i, _)) = same {
        return Verdict::Match(i);
    }
    if let Some(i) = reversed {
        return Verdict::Reversed(i);
    }
    if let Some(i) = range_bounds_stated(p, source) {
        return Verdict::Match(i);
    }
    if let Some((i, _)) = unit {
        return Verdict::UnitMismatch(i);
    }
    match comparable {
        Some((i, _)) => Verdict::Mismatch(i),
        None => Verdict::NotInSource,
    }
}

/// The source figure whose subject précis figure `p` speaks of, when `p`
/// has the value of source fact `found` but gives it to a subject the
/// source gives another figure: `the south's 38 percent` where the source
/// has the north at 38 and the south at 21, or `1,200 teachers` where it
/// has 1,200 schools and 3,400 teachers. Only when the source ties `found`
/// to other words and exactly one other figure of the same unit to `p`'s.
pub fn misplaced(p: &Mention, found: usize, facts: &Facts) -> Option<Misplaced> {
    if p.weak {
        return None;
    }
    let own = &facts.subjects[found];
    if p.subjects.is_empty() || own.is_empty() || p.subjects.iter().any(|w| own.contains(&w.hash)) {
        return None;
    }
    let Quantity::Amount { value, unit } = facts.figures[found].quantity else {
        return None;
    };
    let mut meant = None;
    for (j, s) in facts.figures.iter().enumerate() {
        let shared = p
            .subjects
            .iter()
            .position(|w| facts.subjects[j].contains(&w.hash));
        let Some(word) = shared.filter(|_| j != found) else {
            continue;
        };
        // Figures of one kind and size: 38% for 21%, 1,200 for 3,400.
        let alike = matches!(s.quantity, Quantity::Amount { value: v, unit: w }
            if w == unit && value > 0.0 && v > 0.0 && (value / v).max(v / value) <= MISPLACED_RATIO);
        if !alike {
            continue;
        }
        if meant.is_some() {
            return None;
        }
        meant = Some(Misplaced { meant: j, word });
    }
    meant
}

/// How far apart in size two figures may be for one to be mistaken for the
/// other's place.
const MISPLACED_RATIO: f64 = 20.0;

/// A figure given to the wrong subject (see [`misplaced`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Misplaced {
    /// The source figure the source gives the précis figure's subject.
    pub meant: usize,
    /// Which of the précis figure's subject words the source ties to it.
    pub word: usize,
}

/// Whether two kinds of quantity can be related at all: a cheap test
/// before context words are compared.
fn may_relate(p: &Quantity, s: &Quantity) -> bool {
    use Quantity::*;
    matches!(
        (p, s),
        (
            Amount { .. },
            Amount { .. } | Range { .. } | Year(_) | Fraction(_)
        ) | (Range { .. }, Range { .. } | Amount { .. })
            | (Year(_), Year(_) | Date { .. } | Amount { .. } | Decade(_))
            | (Decade(_), Decade(_) | Year(_))
            | (Date { .. }, Date { .. } | Year(_))
            | (Ordinal(_), Ordinal(_) | Identifier(_))
            | (Fraction(_), Fraction(_) | Amount { .. })
            | (Vague(_), Vague(_) | Amount { .. })
            | (Identifier(_), Identifier(_) | Ordinal(_))
    )
}

/// A précis range whose two bounds the source states as separate figures.
fn range_bounds_stated(p: &Mention, source: &[Mention]) -> Option<usize> {
    let Quantity::Range { low, high, .. } = p.quantity else {
        return None;
    };
    let find = |v: f64| {
        source.iter().position(|s| match s.quantity {
            Quantity::Amount { value, .. } => close(v, value, 0.0),
            Quantity::Year(y) => close(v, f64::from(y), 0.0),
            _ => false,
        })
    };
    find(high).and(find(low))
}

fn overlap(a: &[u64], b: &[u64]) -> usize {
    a.iter().filter(|h| b.contains(h)).count()
}

/// Whether two values are equal, or within `tolerance` (relative).
fn close(a: f64, b: f64, tolerance: f64) -> bool {
    let scale = a.abs().max(b.abs());
    (a - b).abs() <= scale * tolerance.max(1e-9)
}

/// Whether two units can describe the same figure: a bare count may leave a
/// currency or unit to the context, but never a percent sign.
fn units_agree(a: Unit, b: Unit) -> bool {
    a == b || (a == Unit::None && b != Unit::Percent) || (b == Unit::None && a != Unit::Percent)
}

/// A score that prefers shared context, then the nearer value.
fn score(base: f64, overlap: usize, a: f64, b: f64) -> f64 {
    let nearness = if a > 0.0 && b > 0.0 {
        1.0 / (1.0 + (a / b).ln().abs())
    } else {
        0.0
    };
    base + 2.0 * overlap as f64 + 2.0 * nearness
}

/// A score for two years: shared context first, then the nearer year.
fn year_score(base: f64, overlap: usize, a: i32, b: i32) -> f64 {
    base + 2.0 * overlap as f64 + 2.0 / (1.0 + f64::from((a - b).abs()))
}

/// Whether two amounts are the same number with another scale word
/// (`40 million` and `40 billion`, or a bare `40` for `40 million`).
fn rescaled(p: &Mention, s: &Mention, a: f64, b: f64) -> bool {
    match (p.mantissa, s.mantissa) {
        (Some(x), Some(y)) => close(x, y, 0.0) && !close(a, b, 0.0) && (x != a || y != b),
        _ => false,
    }
}

/// The number an identifier ends with (`4` of `SCHEDULE4`).
fn id_number(id: &str) -> Option<u64> {
    let digits = id.len() - id.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    id[id.len() - digits..].parse().ok()
}

/// Whether two values are within a factor of ten of each other.
fn similar_magnitude(a: f64, b: f64) -> bool {
    a > 0.0 && b > 0.0 && a / b <= 10.0 && b / a <= 10.0
}

fn relate(p: &Mention, s: &Mention, overlap: usize) -> Relation {
    use Quantity::*;
    let tol = if p.approx || s.approx { APPROX } else { 0.0 };
    let linked = overlap > 0;
    if p.weak && !linked && !matches!(p.quantity, Vague(_)) {
        return match (&p.quantity, &s.quantity) {
            (Amount { value: a, unit: u }, Amount { value: b, unit: v })
                if close(*a, *b, tol) && units_agree(*u, *v) =>
            {
                Relation::Same
            }
            (Ordinal(a), Ordinal(b)) if a == b => Relation::Same,
            (Ordinal(n), Identifier(id)) if id_number(id) == Some(*n) => Relation::Same,
            _ => Relation::Unrelated,
        };
    }
    match (&p.quantity, &s.quantity) {
        (Amount { value: a, unit: u }, Amount { value: b, unit: v }) => {
            if close(*a, *b, tol) && units_agree(*u, *v) {
                Relation::Same
            } else if close(*a, *b, 0.0) && tol == 0.0 && !units_agree(*u, *v) {
                // The very figure in another unit; an approximate one is
                // only near it by chance.
                Relation::UnitDiffers
            } else if units_agree(*u, *v)
                && rescaled(p, s, *a, *b)
                && (linked || *u != Unit::None || p.mantissa != Some(*a))
            {
                // The source's figure with another scale word: the likeliest
                // figure meant, whatever the context.
                Relation::Comparable(score(6.0, overlap, 1.0, 1.0))
            } else if *u == *v && *u != Unit::None {
                Relation::Comparable(score(5.0, overlap, *a, *b))
            } else if units_agree(*u, *v)
                && similar_magnitude(*a, *b)
                && (linked || (*u == *v && *a / *b <= 2.0 && *b / *a <= 2.0))
            {
                Relation::Comparable(score(1.0, overlap, *a, *b))
            } else {
                Relation::Unrelated
            }
        }
        (
            Amount { value, unit: u },
            Range {
                low, high, unit: v, ..
            },
        ) => {
            let inside = *value >= *low * (1.0 - tol) && *value <= *high * (1.0 + tol);
            if inside && units_agree(*u, *v) {
                Relation::Same
            } else if inside && tol == 0.0 {
                Relation::UnitDiffers
            } else if units_agree(*u, *v) && (linked || *u != Unit::None) {
                let base = if *u == *v && *u != Unit::None {
                    3.0
                } else {
                    1.0
                };
                Relation::Comparable(score(base, overlap, *value, (*low + *high) / 2.0))
            } else {
                Relation::Unrelated
            }
        }
        (
            Range {
                low: a,
                high: b,
                unit: u,
                direction: x,
            },
            Range {
                low: c,
                high: d,
                unit: v,
                direction: y,
            },
        ) => {
            let directed = *x != Direction::Either && *y != Direction::Either;
            if close(*a, *c, tol) && close(*b, *d, tol) && directed && x != y {
                Relation::Reversed
            } else if close(*a, *c, tol) && close(*b, *d, tol) {
                if units_agree(*u, *v) {
                    Relation::Same
                } else {
                    Relation::UnitDiffers
                }
            } else if units_agree(*u, *v) {
                Relation::Comparable(score(2.0, overlap, *a + *b, *c + *d))
            } else {
                Relation::Unrelated
            }
        }
        (
            Range {
                low, high, unit: u, ..
            },
            Amount { value, unit: v },
        ) if units_agree(*u, *v) && (linked || *u != Unit::None) => {
            Relation::Comparable(score(1.0, overlap, (*low + *high) / 2.0, *value))
        }
        (Year(a), Year(b)) => {
            if a == b {
                Relation::Same
            } else {
                Relation::Comparable(year_score(1.5, overlap, *a, *b))
            }
        }
        (Year(a), Date { year: Some(b), .. })
        | (
            Date {
                year: Some(b),
                month: None,
                day: None,
            },
            Year(a),
        ) => {
            if a == b {
                Relation::Same
            } else {
                // A year for a full date only when no year fits better.
                Relation::Comparable(year_score(0.5, overlap, *a, *b))
            }
        }
        (Date { .. }, Year(b)) => {
            Relation::Comparable(score(0.5, overlap, 1.0, f64::from(*b).max(1.0)))
        }
        (
            Year(a),
            Amount {
                value,
                unit: Unit::None,
            },
        )
        | (
            Amount {
                value,
                unit: Unit::None,
            },
            Year(a),
        ) if close(f64::from(*a), *value, 0.0) => Relation::Same,
        (Decade(a), Decade(b)) => {
            if a == b {
                Relation::Same
            } else {
                Relation::Comparable(score(1.0, overlap, 1.0, 1.0))
            }
        }
        (Decade(d), Year(y)) | (Year(y), Decade(d)) => {
            if (*d..*d + 10).contains(y) {
                Relation::Same
            } else {
                Relation::Unrelated
            }
        }
        (
            Date {
                year: a,
                month: b,
                day: c,
            },
            Date {
                year: x,
                month: y,
                day: z,
            },
        ) => {
            let shared = (a.is_some() && x.is_some()) || (b.is_some() && y.is_some());
            let covered = (a.is_none() || x.is_some()) && (c.is_none() || z.is_some());
            if agree(*a, *x) && agree(*b, *y) && agree(*c, *z) && shared && covered {
                Relation::Same
            } else {
                Relation::Comparable(score(1.0, overlap, 1.0, 1.0))
            }
        }
        (Ordinal(a), Ordinal(b)) => {
            if a == b {
                Relation::Same
            } else if linked || !s.weak {
                Relation::Comparable(score(1.0, overlap, *a as f64, *b as f64))
            } else {
                Relation::Unrelated
            }
        }
        (Fraction(a), Fraction(b)) => {
            if close(*a, *b, tol.max(1e-6)) {
                Relation::Same
            } else {
                Relation::Comparable(score(1.0, overlap, *a, *b))
            }
        }
        (
            Fraction(f),
            Amount {
                value,
                unit: Unit::Percent,
            },
        )
        | (
            Amount {
                value,
                unit: Unit::Percent,
            },
            Fraction(f),
        ) => {
            // `a third` is 33%; `roughly a third` anything from 30 to 36%.
            let slack = if tol > 0.0 { 3.0 } else { 1.0 };
            if (f * 100.0 - value).abs() <= slack {
                Relation::Same
            } else {
                Relation::Comparable(score(1.0, overlap, f * 100.0, *value))
            }
        }
        (Vague(a), Vague(b)) => {
            if a == b {
                Relation::Same
            } else {
                Relation::Comparable(score(0.5, overlap, *a, *b))
            }
        }
        (Vague(m), Amount { value, .. }) => {
            if *value >= 2.0 * m && *value < 1000.0 * m {
                Relation::Same
            } else {
                Relation::Unrelated
            }
        }
        (Ordinal(n), Identifier(id)) | (Identifier(id), Ordinal(n)) => {
            // `the Fourth Schedule` is `Schedule 4`.
            if id_number(id) == Some(*n) {
                Relation::Same
            } else {
                Relation::Unrelated
            }
        }
        (Identifier(a), Identifier(b)) => {
            if a == b {
                Relation::Same
            } else if alpha_prefix(a).is_some_and(|x| alpha_prefix(b) == Some(x)) {
                Relation::Comparable(score(1.0, overlap, 1.0, 1.0))
            } else {
                Relation::Unrelated
            }
        }
        _ => Relation::Unrelated,
    }
}

/// Whether two optional date fields do not contradict each other.
fn agree<T: PartialEq>(p: Option<T>, s: Option<T>) -> bool {
    p.is_none() || s.is_none() || p == s
}

/// The letters before an identifier's first digit (`G` of `G20`).
fn alpha_prefix(id: &str) -> Option<&str> {
    let end = id.find(|c: char| c.is_ascii_digit())?;
    (end > 0).then(|| &id[..end])
}

#[cfg(test)]
mod tests {
    use super::super::extract;
    use super::*;

    fn verdict(precis: &str, source: &str) -> Verdict {
        let s = extract(source, 0..source.len());
        let p = extract(precis, 0..precis.len());
        assert_eq!(p.len(), 1, "{precis:?}: {p:?}");
        judge(&p[0], &s)
    }

    fn matches(precis: &str, source: &str) {
        assert!(
            matches!(verdict(precis, source), Verdict::Match(_)),
            "{precis:?} vs {source:?}: {:?}",
            verdict(precis, source)
        );
    }

    fn mismatches(precis: &str, source: &str) {
        assert!(
            matches!(verdict(precis, source), Verdict::Mismatch(_)),
            "{precis:?} vs {source:?}: {:?}",
            verdict(precis, source)
        );
    }

    const SOURCE: &str = "Investment reached \\$65 billion under CPEC in 2024. \
        About 12% of graduates, some 1,200 engineers, joined in March 2024. \
        Rs 2 crore was set aside for 40-50 schools. It was the second phase. \
        One-third of the land is dry. The G-20 met on 27 March 2024.";

    #[test]
    fn the_same_figure_written_differently_matches() {
        for p in [
            "$65 billion CPEC",
            "$65bn",
            "US$ 65 billion",
            "65 billion dollars",
            "12 per cent",
            "twelve percent of graduates",
            "1200 engineers",
            "Rs 20 million",
            "Rs 200 lakh",
            "2024",
            "between 40 and 50 schools",
            "the 2nd phase",
            "the second phase",
            "a third of the land",
            "G20",
            "March 27, 2024",
            "in March 2024",
        ] {
            matches(p, SOURCE);
        }
    }

    #[test]
    fn wrong_figures_point_at_the_right_source_figure() {
        let s = extract(SOURCE, 0..SOURCE.len());
        let p = extract("worth $60 billion", 0..17);
        let Verdict::Mismatch(i) = judge(&p[0], &s) else {
            panic!()
        };
        assert_eq!(&SOURCE[s[i].span.clone()], "\\$65 billion");
        mismatches("15% of graduates", SOURCE);
        mismatches("Rs 3 crore", SOURCE);
        mismatches("the third phase", SOURCE);
        mismatches("in 2023", SOURCE);
        mismatches("on 28 March 2024", SOURCE);
        mismatches("the G-7", SOURCE);
        mismatches("1,500 engineers", SOURCE);
    }

    #[test]
    fn every_form_has_a_mismatching_pair() {
        for (precis, source) in [
            (
                "3.2 percent of output",
                "Output fell by 3.5 percent of output.",
            ),
            ("15 lakh students", "Some 12 lakh students sat the test."),
            ("Rs 5 crore budget", "a budget of Rs 2 crore"),
            ("six ministers resigned", "The five ministers resigned."),
            (
                "twenty-two districts",
                "In twenty-one districts the rains failed.",
            ),
            ("a quarter of the land", "One-third of the land is dry."),
            ("between 30 and 50 schools", "It serves 40-50 schools."),
            ("the 3rd phase", "the 2nd phase began"),
            ("the 1980s saw", "The 1990s saw reform."),
            ("in March 2023", "It began in March 2024."),
            ("the G-7 summit", "the G-20 summit met"),
            ("Article 371 of", "Article 370 of the constitution"),
            ("£4bn", "a £3bn deficit"),
            ("12 km of road", "the road runs 15 km"),
            ("two-thirds of voters", "Half of voters stayed home."),
        ] {
            mismatches(precis, source);
        }
    }

    #[test]
    fn same_value_other_unit() {
        let src = "It borrowed $500 million.";
        assert!(matches!(
            verdict("Rs 500 million", src),
            Verdict::UnitMismatch(_)
        ));
        assert!(matches!(
            verdict("500 km", "a 500-year history"),
            Verdict::UnitMismatch(_)
        ));
    }

    #[test]
    fn figures_from_nowhere() {
        assert_eq!(verdict("7 airports", SOURCE), Verdict::NotInSource);
        assert_eq!(verdict("COVID-19", SOURCE), Verdict::NotInSource);
    }

    #[test]
    fn approximate_figures_match_within_ten_percent() {
        matches("about 60 billion dollars", SOURCE);
        matches("nearly 1,100 engineers", SOURCE);
        mismatches("about 50 billion dollars", SOURCE);
    }

    #[test]
    fn fractions_and_percentages_meet() {
        matches("half of them", "50% of them");
        matches("a quarter", "25 percent");
    }

    #[test]
    fn vague_quantities_match_their_own_kind() {
        matches("hundreds of villages", "hundreds of villages flooded");
        matches("thousands of homes", "some 4,000 homes");
    }

    #[test]
    fn small_number_words_without_a_link_are_not_accused() {
        assert_eq!(verdict("three reasons", SOURCE), Verdict::NotInSource);
        matches("five members", "The five members met.");
    }

    #[test]
    fn a_change_written_the_other_way_round_is_reversed() {
        let src = "Enrolment rose from 14 to 41 percent.";
        assert!(matches!(
            verdict("fell from 41 to 14 percent", src),
            Verdict::Reversed(_)
        ));
        matches("went from 14 to 41 percent", src);
        matches(
            "between 14 and 41 percent",
            "Shares ranged between 14 and 41 percent.",
        );
    }

    #[test]
    fn another_scale_word_points_at_the_figure_it_rescales() {
        let src = "The city has 40 million people and 12 hospitals; 3 dams were built.";
        let s = extract(src, 0..src.len());
        for precis in ["40 billion people", "a city of 40 people"] {
            let p = extract(precis, 0..precis.len());
            let figure = p.iter().find(|m| m.mantissa == Some(40.0)).expect("40");
            let Verdict::Mismatch(i) = judge(figure, &s) else {
                panic!("{precis}: {:?}", judge(figure, &s))
            };
            assert_eq!(&src[s[i].span.clone()], "40 million", "{precis}");
        }
    }

    #[test]
    fn a_wrong_year_is_offered_the_nearest_year_before_a_date() {
        let src = "The dam opened on 12 March 1974. Work resumed in 1988 and ended in 1991.";
        let s = extract(src, 0..src.len());
        let p = extract("finished in 1990", 0..16);
        let Verdict::Mismatch(i) = judge(&p[0], &s) else {
            panic!()
        };
        assert_eq!(&src[s[i].span.clone()], "1991");
    }

    #[test]
    fn ordinal_names_meet_numbered_names() {
        matches("the Fourth Schedule", "listed in Schedule 4 of the law");
        matches(
            "the 18th Amendment",
            "the Eighteenth Amendment devolved power",
        );
        matches("a decade", "It took 10 years.");
        matches("ten years", "over the past decade");
        matches("half a century", "for 50 years");
        matches("a fortnight", "within two weeks");
        matches("a dozen towns", "12 towns were flooded");
        matches("the 2019 Act", "the Water Act (2019) said");
    }

    #[test]
    fn a_figure_given_to_another_subject_is_misplaced() {
        let facts = |text: &str| super::super::distinct(extract(text, 0..text.len()));
        let src = "Literacy is 38 percent in the north but only 21 percent in the south.";
        let f = facts(src);
        let one = |precis: &str| {
            let p = extract(precis, 0..precis.len());
            let Verdict::Match(i) = judge(&p[0], &f.figures) else {
                panic!("{precis}")
            };
            misplaced(&p[0], i, &f).map(|m| src[f.figures[m.meant].span.clone()].to_string())
        };
        assert_eq!(
            one("In the south literacy reached 38 percent."),
            Some("21 percent".into())
        );
        assert_eq!(one("The north reads at 38 percent."), None);
        assert_eq!(one("Literacy stands at 38 percent."), None);
        let src = "The province built 1,200 schools and hired 3,400 teachers.";
        let f = facts(src);
        let p = extract("It hired 1,200 teachers.", 0..24);
        let Verdict::Match(i) = judge(&p[0], &f.figures) else {
            panic!()
        };
        let m = misplaced(&p[0], i, &f).expect("misplaced");
        assert_eq!(&src[f.figures[m.meant].span.clone()], "3,400");
    }
}
