//! The words that make up numeric mentions: number words, scales, units,
//! currencies, months, and the little words around figures.

use std::sync::LazyLock;

use serde::Serialize;

use crate::analysis::words::packed;

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
    /// `past`, `last`, `next`, `every`…: before a time span
    /// (`the past decade`, `every fortnight`), one such span.
    Recent,
    /// A word for a small group of a fixed size, read as a number only in
    /// `a couple of`, `a pair of`, `a score of`.
    Group(u32),
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

/// Every word the number scanner knows, with its meaning; any other word
/// is [`Lex::Other`].
const LEXICON: &[(&str, Lex)] = &[
    ("zero", Lex::Cardinal(0)),
    ("one", Lex::Cardinal(1)),
    ("two", Lex::Cardinal(2)),
    ("three", Lex::Cardinal(3)),
    ("four", Lex::Cardinal(4)),
    ("five", Lex::Cardinal(5)),
    ("six", Lex::Cardinal(6)),
    ("seven", Lex::Cardinal(7)),
    ("eight", Lex::Cardinal(8)),
    ("nine", Lex::Cardinal(9)),
    ("ten", Lex::Cardinal(10)),
    ("eleven", Lex::Cardinal(11)),
    ("twelve", Lex::Cardinal(12)),
    ("thirteen", Lex::Cardinal(13)),
    ("fourteen", Lex::Cardinal(14)),
    ("fifteen", Lex::Cardinal(15)),
    ("sixteen", Lex::Cardinal(16)),
    ("seventeen", Lex::Cardinal(17)),
    ("eighteen", Lex::Cardinal(18)),
    ("nineteen", Lex::Cardinal(19)),
    ("twenty", Lex::Cardinal(20)),
    ("thirty", Lex::Cardinal(30)),
    ("forty", Lex::Cardinal(40)),
    ("fifty", Lex::Cardinal(50)),
    ("sixty", Lex::Cardinal(60)),
    ("seventy", Lex::Cardinal(70)),
    ("eighty", Lex::Cardinal(80)),
    ("ninety", Lex::Cardinal(90)),
    ("hundred", Lex::Hundred),
    ("thousand", Lex::Hundred),
    ("million", Lex::Scale(1e6)),
    ("mn", Lex::Scale(1e6)),
    ("mln", Lex::Scale(1e6)),
    ("billion", Lex::Scale(1e9)),
    ("bn", Lex::Scale(1e9)),
    ("trillion", Lex::Scale(1e12)),
    ("tn", Lex::Scale(1e12)),
    ("lakh", Lex::Scale(1e5)),
    ("lac", Lex::Scale(1e5)),
    ("crore", Lex::Scale(1e7)),
    ("hundreds", Lex::Vague(1e2)),
    ("thousands", Lex::Vague(1e3)),
    ("millions", Lex::Vague(1e6)),
    ("billions", Lex::Vague(1e9)),
    ("trillions", Lex::Vague(1e12)),
    ("lakhs", Lex::Vague(1e5)),
    ("lacs", Lex::Vague(1e5)),
    ("crores", Lex::Vague(1e7)),
    ("dozens", Lex::Vague(12.0)),
    ("scores", Lex::Vague(20.0)),
    ("dozen", Lex::Dozen),
    ("past", Lex::Recent),
    ("last", Lex::Recent),
    ("next", Lex::Recent),
    ("previous", Lex::Recent),
    ("coming", Lex::Recent),
    ("every", Lex::Recent),
    ("couple", Lex::Group(2)),
    ("pair", Lex::Group(2)),
    ("score", Lex::Group(20)),
    ("first", Lex::Ordinal(1)),
    ("second", Lex::Ordinal(2)),
    ("third", Lex::Ordinal(3)),
    ("fourth", Lex::Ordinal(4)),
    ("fifth", Lex::Ordinal(5)),
    ("sixth", Lex::Ordinal(6)),
    ("seventh", Lex::Ordinal(7)),
    ("eighth", Lex::Ordinal(8)),
    ("ninth", Lex::Ordinal(9)),
    ("tenth", Lex::Ordinal(10)),
    ("eleventh", Lex::Ordinal(11)),
    ("twelfth", Lex::Ordinal(12)),
    ("thirteenth", Lex::Ordinal(13)),
    ("fourteenth", Lex::Ordinal(14)),
    ("fifteenth", Lex::Ordinal(15)),
    ("sixteenth", Lex::Ordinal(16)),
    ("seventeenth", Lex::Ordinal(17)),
    ("eighteenth", Lex::Ordinal(18)),
    ("nineteenth", Lex::Ordinal(19)),
    ("twentieth", Lex::Ordinal(20)),
    ("thirtieth", Lex::Ordinal(30)),
    ("fortieth", Lex::Ordinal(40)),
    ("fiftieth", Lex::Ordinal(50)),
    ("sixtieth", Lex::Ordinal(60)),
    ("seventieth", Lex::Ordinal(70)),
    ("eightieth", Lex::Ordinal(80)),
    ("ninetieth", Lex::Ordinal(90)),
    ("hundredth", Lex::Ordinal(100)),
    ("thousandth", Lex::Ordinal(1000)),
    ("thirds", Lex::Denominators(3)),
    ("fourths", Lex::Denominators(4)),
    ("quarters", Lex::Denominators(4)),
    ("fifths", Lex::Denominators(5)),
    ("sixths", Lex::Denominators(6)),
    ("sevenths", Lex::Denominators(7)),
    ("eighths", Lex::Denominators(8)),
    ("tenths", Lex::Denominators(10)),
    ("half", Lex::Half),
    ("quarter", Lex::Quarter),
    ("percent", Lex::Percent),
    ("pc", Lex::Percent),
    ("pct", Lex::Percent),
    ("%", Lex::Percent),
    ("per", Lex::Per),
    ("cent", Lex::Cent),
    ("dollar", Lex::Currency(Currency::Dollar)),
    ("dollars", Lex::Currency(Currency::Dollar)),
    ("usd", Lex::Currency(Currency::Dollar)),
    ("us$", Lex::Currency(Currency::Dollar)),
    ("rupee", Lex::Currency(Currency::Rupee)),
    ("rupees", Lex::Currency(Currency::Rupee)),
    ("rs", Lex::Currency(Currency::Rupee)),
    ("pkr", Lex::Currency(Currency::Rupee)),
    ("inr", Lex::Currency(Currency::Rupee)),
    ("euro", Lex::Currency(Currency::Euro)),
    ("euros", Lex::Currency(Currency::Euro)),
    ("eur", Lex::Currency(Currency::Euro)),
    ("pound", Lex::Currency(Currency::Pound)),
    ("pounds", Lex::Currency(Currency::Pound)),
    ("gbp", Lex::Currency(Currency::Pound)),
    ("sterling", Lex::Currency(Currency::Pound)),
    ("yuan", Lex::Currency(Currency::Yen)),
    ("yen", Lex::Currency(Currency::Yen)),
    ("cny", Lex::Currency(Currency::Yen)),
    ("rmb", Lex::Currency(Currency::Yen)),
    ("jpy", Lex::Currency(Currency::Yen)),
    ("renminbi", Lex::Currency(Currency::Yen)),
    ("km", Lex::Unit("km")),
    ("kms", Lex::Unit("km")),
    ("kilometre", Lex::Unit("km")),
    ("kilometres", Lex::Unit("km")),
    ("kilometer", Lex::Unit("km")),
    ("kilometers", Lex::Unit("km")),
    ("mile", Lex::Unit("miles")),
    ("miles", Lex::Unit("miles")),
    ("metre", Lex::Unit("metres")),
    ("metres", Lex::Unit("metres")),
    ("meter", Lex::Unit("metres")),
    ("meters", Lex::Unit("metres")),
    ("foot", Lex::Unit("feet")),
    ("feet", Lex::Unit("feet")),
    ("ft", Lex::Unit("feet")),
    ("kg", Lex::Unit("kg")),
    ("kgs", Lex::Unit("kg")),
    ("kilogram", Lex::Unit("kg")),
    ("kilograms", Lex::Unit("kg")),
    ("tonne", Lex::Unit("tonnes")),
    ("tonnes", Lex::Unit("tonnes")),
    ("ton", Lex::Unit("tonnes")),
    ("tons", Lex::Unit("tonnes")),
    ("mw", Lex::Unit("MW")),
    ("megawatt", Lex::Unit("MW")),
    ("megawatts", Lex::Unit("MW")),
    ("gw", Lex::Unit("GW")),
    ("gigawatt", Lex::Unit("GW")),
    ("gigawatts", Lex::Unit("GW")),
    ("kwh", Lex::Unit("kWh")),
    ("acre", Lex::Unit("acres")),
    ("acres", Lex::Unit("acres")),
    ("hectare", Lex::Unit("hectares")),
    ("hectares", Lex::Unit("hectares")),
    ("ha", Lex::Unit("hectares")),
    ("litre", Lex::Unit("litres")),
    ("litres", Lex::Unit("litres")),
    ("liter", Lex::Unit("litres")),
    ("liters", Lex::Unit("litres")),
    ("degree", Lex::Unit("degrees")),
    ("degrees", Lex::Unit("degrees")),
    ("°c", Lex::Unit("degrees")),
    ("°", Lex::Unit("degrees")),
    ("year", Lex::Unit("years")),
    ("years", Lex::Unit("years")),
    ("yr", Lex::Unit("years")),
    ("yrs", Lex::Unit("years")),
    ("month", Lex::Unit("months")),
    ("months", Lex::Unit("months")),
    ("week", Lex::Unit("weeks")),
    ("weeks", Lex::Unit("weeks")),
    ("day", Lex::Unit("days")),
    ("days", Lex::Unit("days")),
    ("hour", Lex::Unit("hours")),
    ("hours", Lex::Unit("hours")),
    ("hrs", Lex::Unit("hours")),
    ("minute", Lex::Unit("minutes")),
    ("minutes", Lex::Unit("minutes")),
    ("fortnight", Lex::Unit("fortnights")),
    ("fortnights", Lex::Unit("fortnights")),
    ("decade", Lex::Unit("decades")),
    ("decades", Lex::Unit("decades")),
    ("century", Lex::Unit("centuries")),
    ("centuries", Lex::Unit("centuries")),
    ("january", Lex::Month(1)),
    ("jan", Lex::Month(1)),
    ("february", Lex::Month(2)),
    ("feb", Lex::Month(2)),
    ("march", Lex::Month(3)),
    ("mar", Lex::Month(3)),
    ("april", Lex::Month(4)),
    ("apr", Lex::Month(4)),
    ("may", Lex::Month(5)),
    ("june", Lex::Month(6)),
    ("jun", Lex::Month(6)),
    ("july", Lex::Month(7)),
    ("jul", Lex::Month(7)),
    ("august", Lex::Month(8)),
    ("aug", Lex::Month(8)),
    ("september", Lex::Month(9)),
    ("sep", Lex::Month(9)),
    ("sept", Lex::Month(9)),
    ("october", Lex::Month(10)),
    ("oct", Lex::Month(10)),
    ("november", Lex::Month(11)),
    ("nov", Lex::Month(11)),
    ("december", Lex::Month(12)),
    ("dec", Lex::Month(12)),
    ("about", Lex::Approx),
    ("nearly", Lex::Approx),
    ("almost", Lex::Approx),
    ("over", Lex::Approx),
    ("some", Lex::Approx),
    ("around", Lex::Approx),
    ("approximately", Lex::Approx),
    ("roughly", Lex::Approx),
    ("approx", Lex::Approx),
    ("circa", Lex::Approx),
    ("estimated", Lex::Approx),
    ("under", Lex::Approx),
    ("upto", Lex::Approx),
    ("more", Lex::Comparative),
    ("less", Lex::Comparative),
    ("fewer", Lex::Comparative),
    ("than", Lex::Than),
    ("between", Lex::Between),
    ("and", Lex::And),
    ("to", Lex::To),
    ("from", Lex::From),
    ("a", Lex::Article),
    ("an", Lex::Article),
    ("article", Lex::IdPrefix),
    ("section", Lex::IdPrefix),
    ("clause", Lex::IdPrefix),
    ("amendment", Lex::IdPrefix),
    ("resolution", Lex::IdPrefix),
    ("chapter", Lex::IdPrefix),
    ("schedule", Lex::IdPrefix),
    ("sdg", Lex::IdPrefix),
    ("goal", Lex::IdPrefix),
    ("vision", Lex::IdPrefix),
    ("phase", Lex::IdPrefix),
    ("grade", Lex::IdPrefix),
    ("class", Lex::IdPrefix),
    ("stage", Lex::IdPrefix),
    ("level", Lex::IdPrefix),
    ("act", Lex::IdPrefix),
    ("ordinance", Lex::IdPrefix),
    ("rule", Lex::IdPrefix),
    ("no", Lex::IdPrefix),
    ("number", Lex::IdPrefix),
];

/// [`LEXICON`] as an open-addressed table keyed by each word's bytes packed
/// into one number: the scanner looks up every word of a source, and one
/// multiplication and a comparison or two beat hashing the word's bytes.
/// Most words are not listed: a filter of 4,096 bits (512 bytes, which
/// stay in the processor's nearest cache) turns away almost all of them
/// before the keys (16 KiB) are read.
struct Table {
    /// One bit per [`filter_bit`] of a listed word.
    filter: [u64; 64],
    /// Each slot's packed word, zero for an empty slot.
    keys: Box<[u128]>,
    /// Each slot's place in [`LEXICON`].
    entries: Box<[u16]>,
}

static TABLE: LazyLock<Table> = LazyLock::new(|| {
    let mut keys = vec![0u128; TABLE_SLOTS].into_boxed_slice();
    let mut entries = vec![0u16; TABLE_SLOTS].into_boxed_slice();
    let mut filter = [0u64; 64];
    for (i, (w, _)) in LEXICON.iter().enumerate() {
        // Every listed word is at most 16 bytes (a test says so).
        let Some(key) = packed(w) else { continue };
        let bit = filter_bit(mixed(key));
        filter[bit / 64] |= 1 << (bit % 64);
        let mut at = slot(mixed(key));
        while keys[at] != 0 {
            at = (at + 1) % TABLE_SLOTS;
        }
        keys[at] = key;
        entries[at] = u16::try_from(i).unwrap_or(u16::MAX);
    }
    Table {
        filter,
        keys,
        entries,
    }
});

/// Slots in [`TABLE`]: a power of two, about four per word.
const TABLE_SLOTS: usize = 1024;

/// A packed word's bits mixed into one number, for [`slot`] and
/// [`filter_bit`].
fn mixed(key: u128) -> u64 {
    ((key as u64) ^ ((key >> 64) as u64).rotate_left(29)).wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

/// Where a word's search starts in [`TABLE`], from its [`mixed`] bits.
fn slot(mixed: u64) -> usize {
    (mixed >> 54) as usize % TABLE_SLOTS
}

/// A word's bit in the table's filter, from its [`mixed`] bits.
fn filter_bit(mixed: u64) -> usize {
    (mixed >> 40) as usize % 4096
}

/// Looks up an ASCII-lower-cased word.
pub fn lookup(w: &str) -> Lex {
    let Some(key) = packed(w) else {
        return Lex::Other;
    };
    let table = &*TABLE;
    let mixed = mixed(key);
    let bit = filter_bit(mixed);
    if table.filter[bit / 64] & (1 << (bit % 64)) == 0 {
        return Lex::Other;
    }
    let mut at = slot(mixed);
    loop {
        match table.keys[at] {
            0 => return Lex::Other,
            k if k == key => {
                return LEXICON
                    .get(usize::from(table.entries[at]))
                    .map_or(Lex::Other, |(_, lex)| *lex);
            }
            _ => at = (at + 1) % TABLE_SLOTS,
        }
    }
}

/// The unit a measure is compared in, and how many of that unit one
/// `name` is: a decade is 10 years, a century 100, a month a twelfth of a
/// year, a week 7 days and a fortnight 14, an hour 60 minutes, so
/// `a decade` meets `10 years` and `a quarter of an hour` `15 minutes`.
pub fn base_unit(name: &'static str) -> (&'static str, f64) {
    match name {
        "decades" => ("years", 10.0),
        "centuries" => ("years", 100.0),
        "months" => ("years", 1.0 / 12.0),
        "weeks" => ("days", 7.0),
        "hours" => ("minutes", 60.0),
        "fortnights" => ("days", 14.0),
        _ => (name, 1.0),
    }
}

/// Time spans that `a` or `half a` in front of make a figure (`a decade`,
/// `half a century`); `a year` or `a day` are too common to be facts.
pub fn is_notable_span(name: &str) -> bool {
    matches!(name, "decades" | "centuries" | "fortnights")
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
        assert_eq!(lookup("the"), Lex::Other);
        assert_eq!(lookup("cpec"), Lex::Other);
    }

    #[test]
    fn every_listed_word_is_found_and_short_enough_to_pack() {
        for (w, lex) in LEXICON {
            assert!(packed(w).is_some(), "{w}");
            assert_eq!(lookup(w), *lex, "{w}");
        }
        for w in [
            "",
            "x",
            "thousands-of",
            "approximately!",
            "sixteen-letters!",
            "one\0",
            "million\0\0",
        ] {
            assert_eq!(lookup(w), Lex::Other, "{w}");
        }
    }

    #[test]
    fn every_word_is_listed_once() {
        let mut words: Vec<&str> = LEXICON.iter().map(|(w, _)| *w).collect();
        words.sort_unstable();
        words.dedup();
        assert_eq!(words.len(), LEXICON.len());
    }
}
