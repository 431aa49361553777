//! Reading one whitespace-free token that contains digits: `\$65bn`, `12%`,
//! `1,20,000`, `2nd`, `1990s`, `40-50`, `2024-03-27`, `1/3`, `G-20`, `10km`.

use super::lexicon::{self, Currency, Lex};
use super::{Quantity, Unit};

/// What a digit token says on its own, before neighbouring words are read.
#[derive(Debug, Clone, PartialEq)]
pub enum Piece {
    /// A number that scales, units and currencies may still follow.
    Number {
        /// The value, with any attached scale (`65bn`) applied.
        value: f64,
        /// The digits' own value, before any attached scale (`65` of `65bn`).
        mantissa: f64,
        /// A currency written before the digits (`$65`, `Rs.500`).
        currency: Option<Currency>,
        /// A unit or percent sign written straight after the digits.
        unit: Option<Unit>,
        /// Whether it could be a year or a day (a plain integer with no
        /// separators, decimals or attachments).
        plain_integer: bool,
        /// `~` before the digits.
        approx: bool,
    },
    /// A complete quantity that nothing after it can change.
    Whole(Quantity),
}

/// Reads a digit token; `None` when it holds no usable number.
pub fn read(token: &str) -> Option<Piece> {
    let mut s = token;
    let approx = s.starts_with('~');
    s = s.trim_start_matches('~');
    let (currency, rest) = currency_prefix(s);
    s = rest;
    let num_len = numeric_prefix_len(s);
    if num_len == 0 {
        return identifier(token);
    }
    let (num, suffix) = s.split_at(num_len);
    let value = parse_grouped(num)?;
    let plain_integer = currency.is_none() && !approx && num.bytes().all(|b| b.is_ascii_digit());
    let suffix = suffix
        .strip_suffix("'s")
        .or_else(|| suffix.strip_suffix("’s"))
        .unwrap_or(suffix);
    let mantissa = value;
    let number = |unit: Option<Unit>, value: f64, plain: bool| {
        Some(Piece::Number {
            value,
            mantissa,
            currency,
            unit,
            plain_integer: plain,
            approx,
        })
    };
    if suffix.is_empty() {
        return number(None, value, plain_integer);
    }
    if suffix == "%" {
        return number(Some(Unit::Percent), value, false);
    }
    let lower = suffix.to_ascii_lowercase();
    if plain_integer {
        // `21st`, and `20th-century` used as an adjective.
        let ordinal = lower.split(['-', '‐']).next().unwrap_or_default();
        if matches!(ordinal, "st" | "nd" | "rd" | "th") {
            return Some(Piece::Whole(Quantity::Ordinal(value as u64)));
        }
        if lower == "s" && (num.len() == 4 || num.len() == 2) {
            let decade = value as i32;
            let decade = if num.len() == 2 {
                1900 + decade
            } else {
                decade
            };
            return Some(Piece::Whole(Quantity::Decade(decade)));
        }
    }
    if let Some(scale) = lexicon::attached_scale(&lower) {
        return number(None, value * scale, false);
    }
    if let Lex::Unit(u) = lexicon::lookup(&lower) {
        let (u, per) = lexicon::base_unit(u);
        return number(Some(Unit::Measure(u)), value * per, false);
    }
    if let Some(rest) = suffix.strip_prefix(['-', '–', '/']) {
        let sep = suffix.chars().next().unwrap_or('-');
        if let Some(q) = compound(num, value, sep, rest) {
            return Some(Piece::Whole(q));
        }
        // `5-year`, and `50-year-old`.
        let first = rest.split(['-', '‐']).next().unwrap_or_default();
        if let Lex::Unit(u) = lexicon::lookup(&first.to_ascii_lowercase()) {
            let (u, per) = lexicon::base_unit(u);
            return number(Some(Unit::Measure(u)), value * per, false);
        }
    }
    if suffix
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-')
        && currency.is_none()
    {
        return identifier(token);
    }
    number(None, value, plain_integer)
}

/// A currency sign or code before the digits, and the rest of the token.
fn currency_prefix(s: &str) -> (Option<Currency>, &str) {
    let s = s
        .strip_prefix('\\')
        .filter(|r| r.starts_with('$'))
        .unwrap_or(s);
    for (prefix, cur) in [
        ("US$", Currency::Dollar),
        ("USD", Currency::Dollar),
        ("Rs.", Currency::Rupee),
        ("Rs", Currency::Rupee),
        ("RS", Currency::Rupee),
        ("PKR", Currency::Rupee),
        ("INR", Currency::Rupee),
        ("EUR", Currency::Euro),
        ("GBP", Currency::Pound),
    ] {
        if let Some(rest) = s.strip_prefix(prefix)
            && rest.starts_with(|c: char| c.is_ascii_digit())
        {
            return (Some(cur), rest);
        }
    }
    let mut chars = s.chars();
    if let Some(c) = chars.next()
        && let Some(cur) = lexicon::currency_symbol(c)
    {
        return (Some(cur), chars.as_str());
    }
    (None, s)
}

/// Length of the leading `1,234.5`-style number.
fn numeric_prefix_len(s: &str) -> usize {
    let b = s.as_bytes();
    if b.first().is_none_or(|c| !c.is_ascii_digit()) {
        return 0;
    }
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let separator = (c == b',' || c == b'.') && b.get(i + 1).is_some_and(u8::is_ascii_digit);
        if !(c.is_ascii_digit() || separator) {
            break;
        }
        i += 1;
    }
    i
}

/// Parses `1,200`, `1,20,000`, `3.5`; a malformed grouping keeps its
/// leading part (`5,6` reads as 5).
fn parse_grouped(num: &str) -> Option<f64> {
    grouped_integer(num).or_else(|| parse_grouped_text(num))
}

/// [`parse_grouped`] by building the number's text and parsing it.
fn parse_grouped_text(num: &str) -> Option<f64> {
    let (int, frac) = match num.split_once('.') {
        Some((i, f)) if !f.contains(['.', ',']) => (i, Some(f)),
        Some((i, _)) => (i, None),
        None => (num, None),
    };
    let groups: Vec<&str> = int.split(',').collect();
    let well_grouped = groups.len() == 1
        || (groups[1..groups.len() - 1]
            .iter()
            .all(|g| g.len() == 2 || g.len() == 3)
            && groups.last().is_some_and(|g| g.len() == 3)
            && groups[0].len() <= 3);
    let digits: String = if well_grouped {
        groups.concat()
    } else {
        groups[0].to_string()
    };
    let text = match frac {
        Some(f) if well_grouped => format!("{digits}.{f}"),
        _ => digits,
    };
    text.parse().ok()
}

/// Most figures: digits, perhaps grouped by commas, without a decimal
/// part, read as [`parse_grouped`] reads them but without building a
/// string; none for anything else, or more than fifteen digits (past
/// which a float parse may round differently from the integer).
fn grouped_integer(num: &str) -> Option<f64> {
    let bytes = num.as_bytes();
    if !bytes.iter().all(|&b| b.is_ascii_digit() || b == b',') {
        return None;
    }
    let groups = num.split(',').count();
    let mut well_grouped = true;
    for (i, group) in num.split(',').enumerate() {
        let fits = match i {
            0 => group.len() <= 3,
            i if i + 1 == groups => group.len() == 3,
            _ => group.len() == 2 || group.len() == 3,
        };
        well_grouped &= groups == 1 || fits;
    }
    let digits = if well_grouped {
        num
    } else {
        num.split(',').next().unwrap_or_default()
    };
    let mut value = 0u64;
    let mut count = 0;
    for b in digits.bytes().filter(u8::is_ascii_digit) {
        value = value * 10 + u64::from(b - b'0');
        count += 1;
        if count > 15 {
            return None;
        }
    }
    // No digit at all parses as nothing: left to the slow path to say so.
    (count > 0).then_some(value as f64)
}

/// `40-50` (a range), `2024-03-27` and `27/03/2024` (dates), `1/3` (a
/// fraction), `2019-20` (a fiscal year).
fn compound(first: &str, a: f64, sep: char, rest: &str) -> Option<Quantity> {
    let parts: Vec<&str> = rest.split(sep).collect();
    if !parts.iter().all(|p| {
        !p.is_empty()
            && p.bytes()
                .all(|c| c.is_ascii_digit() || c == b',' || c == b'.')
    }) {
        return None;
    }
    let nums: Vec<f64> = parts
        .iter()
        .map(|p| parse_grouped(p))
        .collect::<Option<_>>()?;
    match (sep, nums.as_slice()) {
        ('-', [m, d]) if first.len() == 4 && parts[0].len() == 2 && parts[1].len() == 2 => {
            date(Some(a), *m, *d)
        }
        ('/' | '-', [m, y]) if parts[1].len() == 4 && first.len() <= 2 && parts[0].len() <= 2 => {
            date(Some(*y), *m, a)
        }
        ('/', [b]) if a >= 1.0 && *b >= 2.0 && *b <= 12.0 && a < *b => {
            Some(Quantity::Fraction(a / b))
        }
        ('-' | '–', [b]) if *b > a => Some(Quantity::Range {
            low: a,
            high: *b,
            unit: Unit::None,
            direction: super::Direction::Either,
        }),
        ('-' | '–', [_]) if first.len() == 4 && parts[0].len() == 2 => {
            Some(Quantity::Identifier(format!("{first}-{}", parts[0])))
        }
        _ => None,
    }
}

fn date(year: Option<f64>, month: f64, day: f64) -> Option<Quantity> {
    let valid = (1.0..=12.0).contains(&month) && (1.0..=31.0).contains(&day);
    valid.then(|| Quantity::Date {
        year: year.map(|y| y as i32),
        month: Some(month as u8),
        day: Some(day as u8),
    })
}

/// A label mixing letters and digits (`G-20`, `COVID-19`, `F-16`, `CO2`).
fn identifier(token: &str) -> Option<Piece> {
    let has_letter = token.chars().any(char::is_alphabetic);
    let has_digit = token.chars().any(|c| c.is_ascii_digit());
    let clean = token
        .chars()
        .all(|c| c.is_alphanumeric() || matches!(c, '-' | '‐' | '.'));
    (has_letter && has_digit && clean)
        .then(|| Piece::Whole(Quantity::Identifier(normalise_id(token))))
}

/// Upper-cases an identifier and drops its hyphens, so `G-20` = `G20`.
pub fn normalise_id(token: &str) -> String {
    token
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_uppercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]

        /// Integers read without building a string read as parsing the
        /// string does.
        #[test]
        fn grouped_integers_read_as_their_text(num in "[0-9,]{0,22}|[0-9][0-9,.]{0,8}") {
            proptest::prop_assert_eq!(parse_grouped(&num), parse_grouped_text(&num));
        }
    }

    fn number(token: &str) -> (f64, Option<Currency>, Option<Unit>) {
        match read(token) {
            Some(Piece::Number {
                value,
                currency,
                unit,
                ..
            }) => (value, currency, unit),
            other => panic!("{token}: {other:?}"),
        }
    }

    fn whole(token: &str) -> Quantity {
        match read(token) {
            Some(Piece::Whole(q)) => q,
            other => panic!("{token}: {other:?}"),
        }
    }

    #[test]
    fn separators_decimals_and_south_asian_grouping() {
        assert_eq!(number("1,200").0, 1200.0);
        assert_eq!(number("16,500").0, 16500.0);
        assert_eq!(number("3.5").0, 3.5);
        assert_eq!(number("1,20,000").0, 120000.0);
        assert_eq!(number("12,34,56,789").0, 123456789.0);
    }

    #[test]
    fn currencies_and_attached_scales() {
        assert_eq!(number("$65bn"), (65e9, Some(Currency::Dollar), None));
        assert_eq!(number("\\$65"), (65.0, Some(Currency::Dollar), None));
        assert_eq!(number("3.5m").0, 3.5e6);
        assert_eq!(number("Rs.500").1, Some(Currency::Rupee));
        assert_eq!(number("€20").1, Some(Currency::Euro));
        assert_eq!(number("£7").1, Some(Currency::Pound));
        assert_eq!(number("12%").2, Some(Unit::Percent));
        assert_eq!(number("10km").2, Some(Unit::Measure("km")));
        assert_eq!(number("5-year").2, Some(Unit::Measure("years")));
        assert_eq!(number("50-year-old").2, Some(Unit::Measure("years")));
        assert_eq!(number("2024's").0, 2024.0);
    }

    #[test]
    fn whole_quantities() {
        assert_eq!(whole("2nd"), Quantity::Ordinal(2));
        assert_eq!(whole("21st"), Quantity::Ordinal(21));
        assert_eq!(whole("20th-century"), Quantity::Ordinal(20));
        assert_eq!(whole("1990s"), Quantity::Decade(1990));
        assert_eq!(
            whole("40-50"),
            Quantity::Range {
                low: 40.0,
                high: 50.0,
                unit: Unit::None,
                direction: crate::analysis::numbers::Direction::Either,
            }
        );
        let d = Quantity::Date {
            year: Some(2024),
            month: Some(3),
            day: Some(27),
        };
        assert_eq!(whole("2024-03-27"), d);
        assert_eq!(whole("27/03/2024"), d);
        assert_eq!(whole("1/3"), Quantity::Fraction(1.0 / 3.0));
        assert_eq!(whole("G-20"), Quantity::Identifier("G20".into()));
        assert_eq!(whole("G20"), Quantity::Identifier("G20".into()));
        assert_eq!(whole("COVID-19"), Quantity::Identifier("COVID19".into()));
        assert_eq!(whole("F-16"), Quantity::Identifier("F16".into()));
        assert_eq!(whole("25-A"), Quantity::Identifier("25A".into()));
        assert_eq!(whole("2019-20"), Quantity::Identifier("2019-20".into()));
    }

    #[test]
    fn junk_is_not_a_number() {
        assert_eq!(read("abc"), None);
        assert_eq!(read("$"), None);
        assert_eq!(read(",5"), None);
    }
}
