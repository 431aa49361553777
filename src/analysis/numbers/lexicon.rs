//! The words that make up numeric mentions: number words, scales, units,
//! currencies, months, and the little words around figures.

use serde::Serialize;

/// A currency, as far as a précis check needs to tell them apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Currency {
    /// `$`, `US$`, `USD`, dollars.
    Dollar,
    /// `Rs`, `Rs.`, `PKR`, `INR`, `₹`, rupees (Pakistani and Indian alike).
    Rupee,
    /// `€`, `EUR`, euros.
    Euro,
    /// `£`, `GBP`, pounds.
    Pound,
    /// `¥`, `CNY`, `RMB`, yuan, yen.
    Yen,
}

/// What one lower-cased word means to the number scanner.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Lex {
    /// An ordinary word.
    Other,
    /// A function word, skipped when gathering context.
    Stop,
    /// A cardinal number word (`five`, `twenty`), with its value.
    Cardinal(u32),
    /// `hundred` or `thousand`, inside a run of number words.
    Hundred,
    /// A scale after a figure: `million`, `bn`, `lakh`, `crore`.
    Scale(f64),
    /// A vague quantity such as `hundreds` or `dozens`, with its magnitude.
    Vague(f64),
    /// `dozen`.
    Dozen,
    /// An ordinal word (`second`), with its value; `third` and up double as
    /// fraction denominators.
    Ordinal(u32),
    /// A plural fraction denominator: `thirds`, `quarters`.
    Denominators(u32),
    /// `half`.
    Half,
    /// `quarter`.
    Quarter,
    /// `percent`, `pc`.
    Percent,
    /// `per`, as in `per cent`.
    Per,
    /// `cent`, as in `per cent`.
    Cent,
    /// A currency word or code.
    Currency(Currency),
    /// A unit of measure, by its canonical name.
    Unit(&'static str),
    /// A month, 1 to 12.
    Month(u8),
    /// A word that makes the next figure approximate: `about`, `nearly`.
    Approx,
    /// `more`/`less`/`fewer`, approximate when followed by `than`.
    Comparative,
    /// `than`.
    Than,
    /// `between`, opening a range.
    Between,
    /// `and`.
    And,
    /// `to`, closing a range.
    To,
    /// `from`, opening a range.
    From,
    /// `a`/`an`, as in `a million` or `a third`.
    Article,
    /// A label that makes the next number an identifier: `Article 370`.
    IdPrefix,
}

/// Looks up an ASCII-lower-cased word.
pub fn lookup(w: &str) -> Lex {
    use Lex::*;
    match w {
        "zero" => Cardinal(0),
        "one" => Cardinal(1),
        "two" => Cardinal(2),
        "three" => Cardinal(3),
        "four" => Cardinal(4),
        "five" => Cardinal(5),
        "six" => Cardinal(6),
        "seven" => Cardinal(7),
        "eight" => Cardinal(8),
        "nine" => Cardinal(9),
        "ten" => Cardinal(10),
        "eleven" => Cardinal(11),
        "twelve" => Cardinal(12),
        "thirteen" => Cardinal(13),
        "fourteen" => Cardinal(14),
        "fifteen" => Cardinal(15),
        "sixteen" => Cardinal(16),
        "seventeen" => Cardinal(17),
        "eighteen" => Cardinal(18),
        "nineteen" => Cardinal(19),
        "twenty" => Cardinal(20),
        "thirty" => Cardinal(30),
        "forty" => Cardinal(40),
        "fifty" => Cardinal(50),
        "sixty" => Cardinal(60),
        "seventy" => Cardinal(70),
        "eighty" => Cardinal(80),
        "ninety" => Cardinal(90),
        "hundred" | "thousand" => Hundred,
        "million" => Scale(1e6),
        "mn" | "mln" => Scale(1e6),
        "billion" | "bn" => Scale(1e9),
        "trillion" | "tn" => Scale(1e12),
        "lakh" | "lac" => Scale(1e5),
        "crore" => Scale(1e7),
        "hundreds" => Vague(1e2),
        "thousands" => Vague(1e3),
        "millions" => Vague(1e6),
        "billions" => Vague(1e9),
        "trillions" => Vague(1e12),
        "lakhs" | "lacs" => Vague(1e5),
        "crores" => Vague(1e7),
        "dozens" | "scores" => Vague(12.0),
        "dozen" => Dozen,
        "first" => Ordinal(1),
        "second" => Ordinal(2),
        "third" => Ordinal(3),
        "fourth" => Ordinal(4),
        "fifth" => Ordinal(5),
        "sixth" => Ordinal(6),
        "seventh" => Ordinal(7),
        "eighth" => Ordinal(8),
        "ninth" => Ordinal(9),
        "tenth" => Ordinal(10),
        "eleventh" => Ordinal(11),
        "twelfth" => Ordinal(12),
        "twentieth" => Ordinal(20),
        "hundredth" => Ordinal(100),
        "thirds" => Denominators(3),
        "fourths" => Denominators(4),
        "quarters" => Denominators(4),
        "fifths" => Denominators(5),
        "sixths" => Denominators(6),
        "sevenths" => Denominators(7),
        "eighths" => Denominators(8),
        "tenths" => Denominators(10),
        "half" => Half,
        "quarter" => Quarter,
        "percent" | "pc" | "pct" | "%" => Percent,
        "per" => Per,
        "cent" => Cent,
        "dollar" | "dollars" | "usd" | "us$" => Currency(self::Currency::Dollar),
        "rupee" | "rupees" | "rs" | "pkr" | "inr" => Currency(self::Currency::Rupee),
        "euro" | "euros" | "eur" => Currency(self::Currency::Euro),
        "pound" | "pounds" | "gbp" | "sterling" => Currency(self::Currency::Pound),
        "yuan" | "yen" | "cny" | "rmb" | "jpy" | "renminbi" => Currency(self::Currency::Yen),
        "km" | "kms" | "kilometre" | "kilometres" | "kilometer" | "kilometers" => Unit("km"),
        "mile" | "miles" => Unit("miles"),
        "metre" | "metres" | "meter" | "meters" => Unit("metres"),
        "foot" | "feet" | "ft" => Unit("feet"),
        "kg" | "kgs" | "kilogram" | "kilograms" => Unit("kg"),
        "tonne" | "tonnes" | "ton" | "tons" => Unit("tonnes"),
        "mw" | "megawatt" | "megawatts" => Unit("MW"),
        "gw" | "gigawatt" | "gigawatts" => Unit("GW"),
        "kwh" => Unit("kWh"),
        "acre" | "acres" => Unit("acres"),
        "hectare" | "hectares" | "ha" => Unit("hectares"),
        "litre" | "litres" | "liter" | "liters" => Unit("litres"),
        "degree" | "degrees" | "°c" | "°" => Unit("degrees"),
        "year" | "years" | "yr" | "yrs" => Unit("years"),
        "month" | "months" => Unit("months"),
        "week" | "weeks" => Unit("weeks"),
        "day" | "days" => Unit("days"),
        "hour" | "hours" | "hrs" => Unit("hours"),
        "minute" | "minutes" => Unit("minutes"),
        "decade" | "decades" => Unit("decades"),
        "century" | "centuries" => Unit("centuries"),
        "january" | "jan" => Month(1),
        "february" | "feb" => Month(2),
        "march" | "mar" => Month(3),
        "april" | "apr" => Month(4),
        "may" => Month(5),
        "june" | "jun" => Month(6),
        "july" | "jul" => Month(7),
        "august" | "aug" => Month(8),
        "september" | "sep" | "sept" => Month(9),
        "october" | "oct" => Month(10),
        "november" | "nov" => Month(11),
        "december" | "dec" => Month(12),
        "about" | "nearly" | "almost" | "over" | "some" | "around" | "approximately"
        | "roughly" | "approx" | "circa" | "estimated" | "under" | "upto" => Approx,
        "more" | "less" | "fewer" => Comparative,
        "than" => Than,
        "between" => Between,
        "and" => And,
        "to" => To,
        "from" => From,
        "a" | "an" => Article,
        "article" | "section" | "clause" | "amendment" | "resolution" | "chapter" | "schedule"
        | "sdg" | "goal" | "vision" | "phase" | "grade" | "class" | "stage" | "level" | "act"
        | "ordinance" | "rule" | "no" | "number" => IdPrefix,
        _ if crate::analysis::stopwords::is_stop_word(w) => Stop,
        _ => Other,
    }
}

/// The currency a symbol stands for: `$`, `€`, `£`, `¥`, `₹`.
pub fn currency_symbol(c: char) -> Option<Currency> {
    match c {
        '$' => Some(Currency::Dollar),
        '€' => Some(Currency::Euro),
        '£' => Some(Currency::Pound),
        '¥' => Some(Currency::Yen),
        '₹' => Some(Currency::Rupee),
        _ => None,
    }
}

/// A scale written straight after digits: `65bn`, `3.5m`, `10k`, `2cr`.
pub fn attached_scale(suffix: &str) -> Option<f64> {
    match suffix {
        "k" => Some(1e3),
        "m" | "mn" | "mln" => Some(1e6),
        "b" | "bn" | "bln" => Some(1e9),
        "t" | "tn" | "trn" => Some(1e12),
        "lakh" | "lac" => Some(1e5),
        "cr" | "crore" => Some(1e7),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plural_scales_are_vague_and_singular_are_scales() {
        assert_eq!(lookup("million"), Lex::Scale(1e6));
        assert_eq!(lookup("millions"), Lex::Vague(1e6));
        assert_eq!(lookup("crore"), Lex::Scale(1e7));
        assert_eq!(lookup("lakhs"), Lex::Vague(1e5));
        assert_eq!(lookup("the"), Lex::Stop);
        assert_eq!(lookup("cpec"), Lex::Other);
    }
}
