//! Number fidelity: every figure in the précis must be a figure of the
//! source. Mentions are extracted from both texts, normalised to values with
//! their kind and unit, and each précis mention is judged against the source.

mod compare;
mod digits;
mod facts;
pub mod lexicon;
mod scan;
mod subjects;
mod tokens;

use std::ops::Range;

pub use compare::{Misplaced, Verdict, judge, misplaced};
pub use facts::{Facts, Grouping, distinct, value_hash};
pub use lexicon::Currency;
pub use scan::{Extractor, MentionSink, extract, pieces};

/// A numeric mention found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// Byte range of the figure as written (`$65 billion`, `between 6 and 8`).
    pub span: Range<usize>,
    /// What the figure means.
    pub quantity: Quantity,
    /// Introduced by `about`, `nearly`, `over`…: may match within 10%.
    pub approx: bool,
    /// A small number word or a word ordinal (`three`, `second`): often
    /// paraphrase rather than a fact, so reported gently.
    pub weak: bool,
    /// Hashes of the content words around the figure, to tell which source
    /// figure a wrong précis figure was meant to be.
    pub context: Vec<u64>,
    /// An amount's number as written before its scale word (`40` of
    /// `40 million`), to tell a change of scale from a wrong figure.
    pub mantissa: Option<f64>,
    /// The words the figure is about (`north` in `the north's 38 percent`,
    /// `schools` in `1,200 schools`), to notice a figure given to another
    /// party or subject than the source gives it.
    pub subjects: Vec<Subject>,
    /// For a range read from two figures (`from 5.3 to 9.1 million`), each
    /// figure alone, so a wrong bound can be named by itself.
    pub bounds: Vec<Mention>,
    /// A span of time named rather than stated (`the first two centuries`,
    /// `one year`): matched when the source has it, never called a figure
    /// from nowhere when it has not.
    pub incidental: bool,
}

/// A word a figure is about, as its sentence attaches it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subject {
    /// The word's identity (lower case, without a plural `s`).
    pub hash: u64,
    /// Where the word stands in the text.
    pub span: Range<usize>,
    /// From an opening phrase set off by a comma (`In the north, …`)
    /// rather than next to the figure.
    pub fronted: bool,
}

/// The meaning of a numeric mention.
#[derive(Debug, Clone, PartialEq)]
pub enum Quantity {
    /// A count or amount, with its unit (`$65 billion`, `12%`, `30 km`, `1,200`).
    Amount {
        /// The value after scales are applied (`65 billion` = 6.5e10).
        value: f64,
        /// Currency, percent, unit of measure, or none.
        unit: Unit,
    },
    /// A range (`40-50`, `between 6 and 8`) or a change (`from 14 to 41`).
    Range {
        /// The lower bound.
        low: f64,
        /// The upper bound.
        high: f64,
        /// The unit of both bounds.
        unit: Unit,
        /// Which way a change runs, for `from … to …`.
        direction: Direction,
    },
    /// An ordinal (`2nd`, `second`).
    Ordinal(u64),
    /// A fraction (`half`, `one-third`, `two-thirds`).
    Fraction(f64),
    /// A year (`2024`).
    Year(i32),
    /// A decade (`1990s`).
    Decade(i32),
    /// A calendar date, perhaps partial (`27 March 2024`, `March 2024`).
    Date {
        /// The year, when given.
        year: Option<i32>,
        /// The month, when given.
        month: Option<u8>,
        /// The day of the month, when given.
        day: Option<u8>,
    },
    /// A vague quantity (`hundreds`, `dozens`), by its order of magnitude.
    Vague(f64),
    /// A label containing digits (`G20`, `COVID19`, `ARTICLE 370`), normalised.
    Identifier(String),
}

/// Which way a range runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Direction {
    /// A plain range: `40-50`, `between 6 and 8`.
    Either,
    /// A change upwards: `from 14 to 41`.
    Rising,
    /// A change downwards: `from 41 to 14`.
    Falling,
}

/// The unit of an amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    /// A bare count.
    None,
    /// Money in a currency.
    Currency(Currency),
    /// A percentage.
    Percent,
    /// A unit of measure or time, by canonical name.
    Measure(&'static str),
}
