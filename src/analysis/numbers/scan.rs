//! Finding numeric mentions in running text: tokens are classified once
//! (see [`super::tokens`]), then figures are read with their neighbours
//! (currencies, scales, units, `about`, `between … and …`, month names).

use std::ops::Range;

use text2num::digit_string::DigitString;
use text2num::{LangInterpreter, Language};

use super::digits::{self, Piece};
use super::lexicon::{self, Lex};
use super::tokens::{Compound, Keys, Known, Tok, classify, starts_figure};
use super::{Direction, Grouping, Mention, Quantity, Subject, Unit, subjects};
use crate::analysis::words;

/// Tokens gathered before mentions are read: a sentence boundary after this
/// many lets the buffer be flushed, so memory stays bounded on huge sources.
const FLUSH_AT: usize = 512;

/// Extracts every numeric mention within `range` of `text`.
pub fn extract(text: &str, range: Range<usize>) -> Vec<Mention> {
    let mut extractor = Extractor::new(text);
    for t in words::tokens(&text[range.clone()]) {
        extractor.push(range.start + t.start, range.start + t.end);
    }
    extractor.finish()
}

/// Cuts `text` into consecutive pieces of `size` bytes or a little more,
/// each ending with a token that ends a sentence (the last at the end of
/// the text), so that its figures can be read piece by piece, apart: no
/// reading of a figure, its context or its subjects looks across a
/// sentence end, so each piece's mentions are the ones reading the whole
/// text finds there. A text with no sentence end is one piece.
pub fn pieces(text: &str, size: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut from = 0;
    while text.len() - from > size {
        let mut target = from + size.max(1);
        while !text.is_char_boundary(target) {
            target += 1;
        }
        // The token at `target` may start before it: the search for a
        // sentence end starts with the token after.
        let cut = words::tokens(&text[target..])
            .skip(1)
            .find(|t| {
                classify(text, target + t.start, target + t.end).is_some_and(|t| t.sentence_end)
            })
            .map(|t| target + t.end);
        let Some(cut) = cut else { break };
        out.push(from..cut);
        from = cut;
    }
    out.push(from..text.len());
    out
}

/// Where an [`Extractor`] hands the mentions it reads: a list that keeps
/// them all, or a [`Grouping`] that keeps only the distinct facts.
pub trait MentionSink {
    /// Takes the mentions of the tokens read last, in text order. Any left
    /// in `read` are given back, their lists to be reused for the next.
    fn take(&mut self, read: &mut Vec<Mention>);
}

impl MentionSink for Vec<Mention> {
    fn take(&mut self, read: &mut Vec<Mention>) {
        self.append(read);
    }
}

impl MentionSink for Grouping {
    fn take(&mut self, read: &mut Vec<Mention>) {
        for m in read.iter() {
            self.add(m);
        }
    }
}

/// Reads mentions from tokens pushed one at a time, so a caller that walks
/// a text's tokens for another reason (counting words) reads it only once.
/// The mentions go to `S` as they are read: a list, or a [`Grouping`]
/// that keeps only the distinct facts of a huge source.
pub struct Extractor<'a, S = Vec<Mention>> {
    text: &'a str,
    toks: Vec<Tok<'a>>,
    /// Mentions of the tokens read last, before they go to `sink`.
    read: Vec<Mention>,
    sink: S,
    en: Language,
    scratch: Scratch,
}

impl<'a> Extractor<'a> {
    /// An extractor over tokens of `text` that lists every mention.
    pub fn new(text: &'a str) -> Self {
        Self::into_sink(text, Vec::new())
    }
}

impl<'a, S: MentionSink> Extractor<'a, S> {
    /// An extractor over tokens of `text` that hands its mentions to `sink`.
    pub fn into_sink(text: &'a str, sink: S) -> Self {
        Self {
            text,
            toks: Vec::new(),
            read: Vec::new(),
            sink,
            en: Language::english(),
            scratch: Scratch::default(),
        }
    }

    /// Takes the next whitespace-separated token, `start..end` of the text.
    pub fn push(&mut self, start: usize, end: usize) {
        let Some(tok) = classify(self.text, start, end) else {
            return;
        };
        let boundary = tok.sentence_end;
        self.toks.push(tok);
        if boundary && self.toks.len() >= FLUSH_AT {
            self.flush();
        }
    }

    /// Reads the tokens gathered and hands on their mentions.
    fn flush(&mut self) {
        read_mentions(
            self.text,
            &self.toks,
            &self.en,
            &mut self.scratch,
            &mut self.read,
        );
        self.toks.clear();
        self.sink.take(&mut self.read);
        self.scratch.recycle(&mut self.read);
    }

    /// Every mention found, in text order, as the sink holds them.
    pub fn finish(mut self) -> S {
        self.flush();
        self.sink
    }
}

/// Buffers each flush reuses: reading a huge source's figures allocates
/// nothing per flush, nor per mention when the sink keeps only facts.
#[derive(Default)]
struct Scratch {
    found: Vec<Found>,
    places: Vec<(usize, usize)>,
    known: Vec<Known>,
    before: Vec<Side>,
    after: Vec<Side>,
    /// Emptied context lists of mentions the sink did not keep.
    contexts: Vec<Vec<u64>>,
    /// Emptied subject lists of mentions the sink did not keep.
    subjects: Vec<Vec<Subject>>,
}

impl Scratch {
    /// Keeps the lists of the mentions in `read`, emptied, for the next.
    fn recycle(&mut self, read: &mut Vec<Mention>) {
        for m in read.drain(..) {
            let (mut context, mut subjects) = (m.context, m.subjects);
            context.clear();
            subjects.clear();
            self.contexts.push(context);
            self.subjects.push(subjects);
        }
    }
}

/// A mention read from tokens `first..end`.
struct Found {
    first: usize,
    end: usize,
    quantity: Quantity,
    approx: bool,
    weak: bool,
    mantissa: Option<f64>,
    /// A range's two figures, each judged alone when the range is wrong.
    bounds: Option<[Bound; 2]>,
    /// See [`Mention::incidental`].
    incidental: bool,
}

/// One figure of a range read from two: its tokens and value.
#[derive(Debug, Clone, Copy)]
struct Bound {
    first: usize,
    end: usize,
    value: f64,
    mantissa: f64,
}

impl Found {
    fn new(first: usize, end: usize, quantity: Quantity) -> Self {
        Self {
            first,
            end,
            quantity,
            approx: false,
            weak: false,
            mantissa: None,
            bounds: None,
            incidental: false,
        }
    }

    fn weak(mut self) -> Self {
        self.weak = true;
        self
    }
}

/// Reads all mentions in a run of tokens.
fn read_mentions(
    text: &str,
    toks: &[Tok],
    en: &Language,
    scratch: &mut Scratch,
    out: &mut Vec<Mention>,
) {
    let from = out.len();
    let found = &mut scratch.found;
    found.clear();
    let mut i = 0;
    while i < toks.len() {
        if is_inert(&toks[i]) {
            i += 1;
            continue;
        }
        match mention_at(toks, i, en) {
            Some(f) => {
                i = f.end;
                found.push(f);
            }
            None => i += 1,
        }
    }
    if found.is_empty() {
        return;
    }
    let places = &mut scratch.places;
    places.clear();
    places.extend(found.iter().map(|f| (f.first, f.end)));
    let keys = Keys::new(text, toks, &mut scratch.known);
    contexts(&keys, places, &mut scratch.before, &mut scratch.after);
    for ((found, before), after) in found.drain(..).zip(&scratch.before).zip(&scratch.after) {
        let mut context = scratch.contexts.pop().unwrap_or_default();
        context.extend_from_slice(before.keys());
        context.extend_from_slice(after.keys());
        let (first, end) = (found.first, found.end);
        let unit = match found.quantity {
            Quantity::Range { unit, .. } => unit,
            _ => Unit::None,
        };
        let bounds = found.bounds.map_or_else(Vec::new, |bounds| {
            bounds
                .iter()
                .map(|b| Mention {
                    span: toks[b.first].span(text).start..toks[b.end - 1].span(text).end,
                    quantity: Quantity::Amount {
                        value: b.value,
                        unit,
                    },
                    approx: found.approx,
                    weak: false,
                    context: context.clone(),
                    mantissa: Some(b.mantissa),
                    subjects: Vec::new(),
                    bounds: Vec::new(),
                    incidental: false,
                })
                .collect()
        });
        out.push(Mention {
            span: toks[first].span(text).start..toks[end - 1].span(text).end,
            quantity: found.quantity,
            approx: found.approx,
            weak: found.weak,
            context,
            mantissa: found.mantissa,
            subjects: scratch.subjects.pop().unwrap_or_default(),
            bounds,
            incidental: found.incidental,
        });
    }
    subjects::attach(&keys, places, &mut out[from..]);
}

/// Whether no mention can start at this token (an ordinary word).
fn is_inert(t: &Tok) -> bool {
    matches!(
        t.lex,
        Lex::Other
            | Lex::And
            | Lex::To
            | Lex::Than
            | Lex::Per
            | Lex::Cent
            | Lex::Unit(_)
            | Lex::Group(_)
            | Lex::Percent
    ) && t.piece.is_none()
        && t.compound.is_none()
        && !is_currency_sign(t.core)
}

/// Whether a token is a lone currency sign (`$`, `₹`).
fn is_currency_sign(core: &str) -> bool {
    // Every sign is one character of at most three bytes: most words are
    // turned away without being decoded.
    if core.len() > 3 {
        return false;
    }
    let mut chars = core.chars();
    chars.next().and_then(lexicon::currency_symbol).is_some() && chars.next().is_none()
}

/// Whether tokens `i` and `i + 1` may belong to one figure.
fn joined(toks: &[Tok], i: usize) -> bool {
    i + 1 < toks.len() && !toks[i].clause_end && !toks[i].comma
}

/// The mention starting at or just after token `i`.
fn mention_at(toks: &[Tok], i: usize, en: &Language) -> Option<Found> {
    let mut j = i;
    let mut approx = false;
    if toks[j].lex == Lex::Approx && joined(toks, j) {
        approx = true;
        j += 1;
    } else if toks[j].lex == Lex::Comparative && joined(toks, j) && toks[j + 1].lex == Lex::Than {
        if !joined(toks, j + 1) {
            return None;
        }
        approx = true;
        j += 2;
    }
    // `about an approximate …`: never over the end of a clause.
    if approx
        && toks[j].lex == Lex::Article
        && joined(toks, j)
        && toks[j + 1].lex == Lex::Approx
        && joined(toks, j + 1)
    {
        j += 2.min(toks.len() - j - 1);
    }
    let with_approx = |mut found: Found| {
        found.approx |= approx;
        found
    };
    if let Some(found) = range_at(toks, j, en) {
        return Some(with_approx(found));
    }
    if let Some(found) = vague_scale_at(toks, j) {
        return Some(found);
    }
    if let Some((end, q)) = date_at(toks, j) {
        return Some(with_approx(Found::new(j, end, q)));
    }
    if let Some((end, f)) = word_fraction_at(toks, j) {
        return Some(with_approx(Found::new(j, end, Quantity::Fraction(f))));
    }
    if let Some(mut f) = figure_at(toks, j, en) {
        if let Some((start, high)) = range_tail(toks, f.end, en)
            && let Some(mut found) = range(j, &f, start, &high, Direction::Either)
        {
            found.approx = approx || f.approx;
            return Some(found);
        }
        if let Some(next) = shared_unit(toks, &f, en) {
            f.unit = next;
            f.maybe_year = false;
            f.weak = false;
        }
        if !f.lone_one {
            let quantity = f.quantity();
            let mantissa = matches!(quantity, Quantity::Amount { .. }).then_some(f.mantissa);
            return Some(Found {
                first: j,
                end: f.end,
                quantity,
                approx: approx || f.approx,
                weak: f.weak,
                mantissa,
                bounds: None,
                incidental: f.incidental,
            });
        }
    }
    if approx {
        return None;
    }
    other_at(toks, j)
}

/// A figure read from one or more tokens.
struct Figure {
    end: usize,
    value: f64,
    unit: Unit,
    approx: bool,
    /// Written as a small number word with nothing after it.
    weak: bool,
    /// The word `one` alone, usually a pronoun (`one of the`, `no one`).
    lone_one: bool,
    /// A plain integer with nothing attached, which may be a year.
    maybe_year: bool,
    /// A scale word followed the number (`8 million`).
    worded_scale: bool,
    /// The number before any scale (`8` of `8 million`).
    mantissa: f64,
    /// How many of its base unit the figure's unit is (60 for hours, in
    /// minutes): a bare lower bound (`6 to 8 hours`) takes it too.
    per: f64,
    /// A named period (`the first two centuries`) or `one year`: see
    /// [`Mention::incidental`].
    incidental: bool,
}

impl Figure {
    fn quantity(&self) -> Quantity {
        if self.maybe_year && (1800.0..=2100.0).contains(&self.value) {
            return Quantity::Year(self.value as i32);
        }
        Quantity::Amount {
            value: self.value,
            unit: self.unit,
        }
    }
}

/// Reads a figure at token `j`: an optional currency token, digits or number
/// words, scales, and a unit, percent or currency after it.
fn figure_at(toks: &[Tok], j: usize, en: &Language) -> Option<Figure> {
    let mut k = j;
    let mut unit = Unit::None;
    if let Lex::Currency(c) = toks[k].lex
        && toks[k].piece.is_none()
        && joined(toks, k)
        && starts_figure(&toks[k + 1])
    {
        unit = Unit::Currency(c);
        k += 1;
    } else if is_currency_sign(toks[k].core)
        && let Some(c) = toks[k]
            .core
            .chars()
            .next()
            .and_then(lexicon::currency_symbol)
        && joined(toks, k)
        && starts_figure(&toks[k + 1])
    {
        unit = Unit::Currency(c);
        k += 1;
    }
    let mut approx = false;
    let mut plain = false;
    let mut worded = false;
    // An idiom such as `a decade` or `a couple of`: paraphrase more often
    // than a fact, so reported gently when the source lacks it.
    let mut idiom = false;
    let mut mantissa = None;
    let mut per_unit = 1.0;
    let mut value;
    match (
        toks[k].piece.as_deref(),
        toks[k].lex,
        toks[k].compound.as_deref().copied(),
    ) {
        (
            Some(Piece::Number {
                value: v,
                mantissa: m,
                currency,
                unit: u,
                plain_integer,
                approx: a,
            }),
            _,
            _,
        ) => {
            value = *v;
            mantissa = Some(*m);
            if let Some(c) = currency {
                unit = Unit::Currency(*c);
            }
            if let Some(u) = u {
                unit = *u;
            }
            approx = *a;
            plain = *plain_integer && unit == Unit::None;
            k += 1;
        }
        (None, _, Some(Compound::Cardinal(v))) => {
            value = v;
            worded = true;
            k += 1;
        }
        (None, _, Some(Compound::WithUnit(v, u))) => {
            let (unit, per) = lexicon::base_unit(u);
            return Some(Figure {
                end: k + 1,
                value: v * per,
                unit: Unit::Measure(unit),
                approx: false,
                weak: false,
                lone_one: false,
                maybe_year: false,
                worded_scale: false,
                mantissa: v * per,
                per,
                incidental: false,
            });
        }
        (None, Lex::Recent, _) if joined(toks, k) => {
            // `the past decade`, `the next century`.
            let Lex::Unit(u) = toks[k + 1].lex else {
                return None;
            };
            if !lexicon::is_notable_span(u) {
                return None;
            }
            let (u, per) = lexicon::base_unit(u);
            value = per;
            unit = Unit::Measure(u);
            idiom = true;
            k += 2;
        }
        (None, Lex::Quarter, _) => {
            // `every quarter of an hour`.
            let (end, v, u) = part_of_unit(toks, k, 0.25)?;
            value = v;
            unit = u;
            idiom = true;
            k = end;
        }
        (None, Lex::Half, _) if joined(toks, k) && joined(toks, k + 1) => {
            // `half a century`, `half a decade`, `half a year`.
            let (Lex::Article, Some(Lex::Unit(u))) =
                (toks[k + 1].lex, toks.get(k + 2).map(|t| t.lex))
            else {
                return None;
            };
            let (u, per) = lexicon::base_unit(u);
            value = 0.5 * per;
            unit = Unit::Measure(u);
            idiom = true;
            k += 3;
        }
        (None, Lex::Cardinal(_) | Lex::Hundred, _) => {
            let (end, v) = number_words(toks, k, en)?;
            value = v;
            worded = true;
            k = end;
        }
        (None, Lex::Article, _) if joined(toks, k) => match toks[k + 1].lex {
            Lex::Scale(m) => {
                value = m;
                k += 2;
            }
            Lex::Hundred => {
                value = if toks[k + 1].core.eq_ignore_ascii_case("hundred") {
                    100.0
                } else {
                    1000.0
                };
                k += 2;
            }
            Lex::Dozen => {
                value = 12.0;
                k += 2;
            }
            Lex::Unit(u) if lexicon::is_notable_span(u) || and_a_half(toks, k + 2) => {
                // `a decade`; `a year and a half`.
                let (u, per) = lexicon::base_unit(u);
                value = per;
                unit = Unit::Measure(u);
                idiom = true;
                k += 2;
                if and_a_half(toks, k) {
                    value *= 1.5;
                    k += 3;
                }
            }
            Lex::Quarter => {
                // `a quarter of an hour`.
                let (end, v, u) = part_of_unit(toks, k + 1, 0.25)?;
                value = v;
                unit = u;
                idiom = true;
                k = end;
            }
            Lex::Group(n) if group_follows(toks, k + 1) => {
                value = f64::from(n);
                idiom = true;
                k += 2;
                // `a couple of years`: the unit after `of` is the figure's.
                if let Some(Lex::Unit(u)) = toks.get(k + 1).map(|t| t.lex)
                    && joined(toks, k)
                {
                    let (u, per) = lexicon::base_unit(u);
                    value *= per;
                    unit = Unit::Measure(u);
                    k += 2;
                }
            }
            _ => return None,
        },
        _ => return None,
    }
    // `one and a half years`, `two and a half million`.
    if and_a_half(toks, k) && value.fract() == 0.0 && unit == Unit::None {
        value += 0.5;
        k += 3;
    }
    let first_value_end = k;
    let mantissa = mantissa.unwrap_or(value);
    let mut scaled = false;
    while k < toks.len() && joined(toks, k - 1) {
        match toks[k].lex {
            Lex::Scale(m) | Lex::Vague(m) => value *= m,
            Lex::Hundred if !worded => {
                value *= if toks[k].core.eq_ignore_ascii_case("hundred") {
                    100.0
                } else {
                    1000.0
                }
            }
            Lex::Dozen => value *= 12.0,
            _ => break,
        }
        scaled = true;
        k += 1;
    }
    if k < toks.len() && joined(toks, k - 1) && unit != Unit::Percent {
        match toks[k].lex {
            Lex::Percent => {
                unit = Unit::Percent;
                k += 1;
            }
            Lex::Per if joined(toks, k) && toks[k + 1].lex == Lex::Cent => {
                unit = Unit::Percent;
                k += 2;
            }
            Lex::Currency(c) if toks[k].piece.is_none() && matches!(unit, Unit::None) => {
                unit = Unit::Currency(c);
                k += 1;
            }
            Lex::Unit(u) if unit == Unit::None => {
                let (u, per) = lexicon::base_unit(u);
                value *= per;
                per_unit = per;
                unit = Unit::Measure(u);
                k += 1;
            }
            _ => {}
        }
    }
    let attached = scaled || unit != Unit::None || k != first_value_end;
    // `one year` is usually `in a certain year`, not a span of one.
    let one_period =
        worded && mantissa == 1.0 && matches!(unit, Unit::Measure("years" | "days" | "minutes"));
    // `the first two centuries` names a period rather than measuring one;
    // an ordinal that ends the sentence before does not (no reading looks
    // across a sentence end, so a text can be read in pieces cut there).
    let named_period = matches!(unit, Unit::Measure("years" | "days" | "minutes"))
        && j > 0
        && !toks[j - 1].sentence_end
        && matches!(toks[j - 1].lex, Lex::Ordinal(_) | Lex::Recent);
    idiom |= one_period || named_period;
    let incidental = one_period || named_period;
    let lone_one = worded && !attached && value == 1.0 && k == j + 1;
    Some(Figure {
        end: k,
        value,
        unit,
        approx,
        weak: idiom || (worded && !attached && value <= 10.0),
        lone_one,
        maybe_year: plain && !attached,
        worded_scale: scaled,
        mantissa,
        per: per_unit,
        incidental,
    })
}

/// Whether tokens from `k` read `and a half`.
fn and_a_half(toks: &[Tok], k: usize) -> bool {
    k + 2 < toks.len()
        && joined(toks, k - 1)
        && toks[k].lex == Lex::And
        && toks[k + 1].lex == Lex::Article
        && toks[k + 2].lex == Lex::Half
        && joined(toks, k)
        && joined(toks, k + 1)
}

/// `quarter of an hour` from token `k` (the fraction word): the end token,
/// `share` of the unit as a value, and the unit.
fn part_of_unit(toks: &[Tok], k: usize, share: f64) -> Option<(usize, f64, Unit)> {
    let of = toks.get(k + 1)?;
    let (Lex::Article, Lex::Unit(u)) = (toks.get(k + 2)?.lex, toks.get(k + 3)?.lex) else {
        return None;
    };
    if !of.core.eq_ignore_ascii_case("of") || !joined(toks, k) || !joined(toks, k + 2) {
        return None;
    }
    let (u, per) = lexicon::base_unit(u);
    Some((k + 4, share * per, Unit::Measure(u)))
}

/// Whether `a couple`, `a pair`, `a score` at token `k` is followed by
/// `of` and not by a figure (`a score of 80` is a mark, not twenty).
fn group_follows(toks: &[Tok], k: usize) -> bool {
    joined(toks, k)
        && toks[k + 1].core.eq_ignore_ascii_case("of")
        && toks.get(k + 2).is_none_or(|t| !starts_figure(t))
}

/// Reads a run of number words (`three hundred and twenty-five`) with
/// text2num; returns the end token and the value: the longest run from `k`
/// that text2num reads as a whole number, as `text2digits` would read it.
///
/// The words are fed to text2num's reader one at a time, as `text2digits`
/// feeds them, and the reading stops at the first word it refuses, since no
/// longer run can then be a number. So a start costs the words up to that
/// refusal, never the whole run: a run of `one one one …` or `twenty one
/// twenty one …` is read in time linear in its length, where trying every
/// shorter run from every start was cubic.
fn number_words(toks: &[Tok], k: usize, en: &Language) -> Option<(usize, f64)> {
    let mut reader = DigitString::new();
    // Where a run read so far makes a whole number, longest last.
    let mut whole = Vec::new();
    let mut end = k;
    while end < toks.len() {
        if !continues_number_run(toks, k, end) {
            break;
        }
        match feed(en, &mut reader, toks[end].core) {
            Some(true) => whole.push(end + 1),
            Some(false) => {}
            None => break,
        }
        end += 1;
    }
    // Read again up to each whole run, longest first, for its digits (an
    // ordinal's, `21st`, are no plain number): one or two reads at most,
    // as an ordinal ends what the reader takes.
    whole.into_iter().rev().find_map(|end| {
        let mut digits = DigitString::new();
        for t in &toks[k..end] {
            feed(en, &mut digits, t.core)?;
        }
        let value = en.format_and_value(&digits).0.parse::<f64>().ok()?;
        Some((end, value))
    })
}

/// Whether token `end` carries on a run of number words begun at token
/// `k`: a number word joined to the one before, or `and` after `hundred`
/// with a number after it (`three hundred and twenty-five`).
fn continues_number_run(toks: &[Tok], k: usize, end: usize) -> bool {
    let t = &toks[end];
    let numeric = matches!(t.lex, Lex::Cardinal(_) | Lex::Hundred)
        || matches!(t.compound.as_deref(), Some(Compound::Cardinal(_)));
    let and_inside = t.lex == Lex::And
        && end > k
        && toks[end - 1].lex == Lex::Hundred
        && end + 1 < toks.len()
        && starts_figure(&toks[end + 1]);
    (numeric || and_inside) && (end == k || joined(toks, end - 1))
}

/// Gives text2num's reader one more word: `Some(true)` when the words so
/// far make a whole number, `Some(false)` when they need more (`hundred
/// and`), `None` when the word cannot follow them.
fn feed(en: &Language, reader: &mut DigitString, word: &str) -> Option<bool> {
    match en.apply(&word.to_ascii_lowercase(), reader) {
        Ok(()) => Some(true),
        Err(text2num::error::Error::Incomplete) => Some(false),
        Err(_) => None,
    }
}

/// The unit of the next figure in `9 and 12 percent` or `5 or 6 km`, which
/// a bare figure before it shares.
fn shared_unit(toks: &[Tok], f: &Figure, en: &Language) -> Option<Unit> {
    if f.unit != Unit::None || f.end >= toks.len() || !joined(toks, f.end - 1) {
        return None;
    }
    let link = &toks[f.end];
    let or = link.core.eq_ignore_ascii_case("or");
    if !(link.lex == Lex::And || or) || !joined(toks, f.end) {
        return None;
    }
    let next = figure_at(toks, f.end + 1, en)?;
    (next.unit != Unit::None).then_some(next.unit)
}

/// `to 50`, `-50`, `– 50` after a figure: where the upper figure starts,
/// and the figure.
fn range_tail(toks: &[Tok], k: usize, en: &Language) -> Option<(usize, Figure)> {
    if k >= toks.len() || !joined(toks, k - 1) {
        return None;
    }
    let t = &toks[k];
    let dash = matches!(t.core, "-" | "–" | "—");
    if (t.lex == Lex::To || dash) && joined(toks, k) {
        let high = figure_at(toks, k + 1, en)?;
        return Some((k + 1, high));
    }
    None
}

/// `a few thousand`, `several million`: a vague quantity, not a figure.
fn vague_scale_at(toks: &[Tok], j: usize) -> Option<Found> {
    let m = match toks[j].lex {
        Lex::Scale(m) => m,
        Lex::Hundred if toks[j].core.eq_ignore_ascii_case("hundred") => 100.0,
        Lex::Hundred => 1000.0,
        _ => return None,
    };
    let before = toks.get(j.checked_sub(1)?)?;
    let vague = ["few", "several", "many"]
        .iter()
        .any(|w| before.core.eq_ignore_ascii_case(w));
    (vague && joined(toks, j - 1)).then(|| Found::new(j - 1, j + 1, Quantity::Vague(m)).weak())
}

/// `between 40 and 50`, `from 6 to 8`.
fn range_at(toks: &[Tok], j: usize, en: &Language) -> Option<Found> {
    let opener = toks[j].lex;
    if !matches!(opener, Lex::Between | Lex::From) || !joined(toks, j) {
        return None;
    }
    let low = figure_at(toks, j + 1, en)?;
    let closer = if opener == Lex::Between {
        Lex::And
    } else {
        Lex::To
    };
    if low.end >= toks.len()
        || toks[low.end].lex != closer
        || !joined(toks, low.end - 1)
        || !joined(toks, low.end)
    {
        return None;
    }
    let high = figure_at(toks, low.end + 1, en)?;
    let direction = if opener == Lex::From {
        Direction::Rising
    } else {
        Direction::Either
    };
    let mut found = range(j + 1, &low, low.end + 1, &high, direction)?;
    found.first = j;
    Some(found)
}

/// The range from `low` (starting at token `low_at`) to `high` (at
/// `high_at`), where a scale or unit written once after the upper bound
/// (`6 to 8 million`) applies to both. A directed range (`from 41 to 14`)
/// may fall; an undirected one must rise. A year is not the start of a
/// range of amounts (`in 2008 to 9.1 million`).
fn range(
    low_at: usize,
    low: &Figure,
    high_at: usize,
    high: &Figure,
    direction: Direction,
) -> Option<Found> {
    let is_year = |f: &Figure| f.maybe_year && (1800.0..=2100.0).contains(&f.value);
    if is_year(low) != is_year(high) {
        return None;
    }
    let (unit, low_per) = if low.unit == Unit::None {
        (high.unit, high.per)
    } else {
        (low.unit, 1.0)
    };
    let scale = scale_of(high);
    let low_value = if scale > 1.0 && low.value < high.value / scale {
        low.value * scale
    } else {
        low.value * low_per
    };
    let quantity = if high.value > low_value {
        Quantity::Range {
            low: low_value,
            high: high.value,
            unit,
            direction,
        }
    } else if direction == Direction::Rising && high.value < low_value {
        Quantity::Range {
            low: high.value,
            high: low_value,
            unit,
            direction: Direction::Falling,
        }
    } else {
        return None;
    };
    let low_mantissa = if low_value == low.value {
        low.mantissa
    } else {
        low.value
    };
    let mut found = Found::new(low_at, high.end, quantity);
    found.bounds = Some([
        Bound {
            first: low_at,
            end: low.end,
            value: low_value,
            mantissa: low_mantissa,
        },
        Bound {
            first: high_at,
            end: high.end,
            value: high.value,
            mantissa: high.mantissa,
        },
    ]);
    Some(found)
}

/// The scale a figure's value carries (`50 million` → 1e6), for `6 to 8 million`.
fn scale_of(f: &Figure) -> f64 {
    if f.worded_scale {
        [1e12, 1e9, 1e7, 1e6, 1e5, 1e3]
            .into_iter()
            .find(|s| f.value >= *s && (f.value / s).fract() == 0.0)
            .unwrap_or(1.0)
    } else {
        1.0
    }
}

/// `27 March 2024`, `March 27, 2024`, `March 2024`, `27 March`.
fn date_at(toks: &[Tok], j: usize) -> Option<(usize, Quantity)> {
    let day_at = |k: usize| -> Option<u8> {
        let t = toks.get(k)?;
        match t.piece.as_deref() {
            Some(Piece::Number {
                value,
                plain_integer: true,
                ..
            }) if (1.0..=31.0).contains(value) => Some(*value as u8),
            Some(Piece::Whole(Quantity::Ordinal(d))) if (1..=31).contains(d) => Some(*d as u8),
            _ => None,
        }
    };
    let year_at = |k: usize| -> Option<i32> {
        let t = toks.get(k)?;
        match t.piece.as_deref() {
            Some(Piece::Number {
                value,
                plain_integer: true,
                ..
            }) if (1000.0..=2200.0).contains(value) && t.core.len() == 4 => Some(*value as i32),
            _ => None,
        }
    };
    let month_at = |k: usize| match toks.get(k).map(|t| t.lex) {
        Some(Lex::Month(m)) => Some(m),
        _ => None,
    };
    let near = |k: usize| k + 1 < toks.len() && !toks[k].clause_end;
    let date = |year, month, day| Quantity::Date { year, month, day };
    if let Some(day) = day_at(j)
        && joined(toks, j)
        && let Some(month) = month_at(j + 1)
    {
        if near(j + 1)
            && let Some(year) = year_at(j + 2)
        {
            return Some((j + 3, date(Some(year), Some(month), Some(day))));
        }
        return Some((j + 2, date(None, Some(month), Some(day))));
    }
    if let Some(month) = month_at(j)
        && joined(toks, j)
    {
        if let Some(day) = day_at(j + 1) {
            if near(j + 1)
                && let Some(year) = year_at(j + 2)
            {
                return Some((j + 3, date(Some(year), Some(month), Some(day))));
            }
            if year_at(j + 1).is_none() {
                return Some((j + 2, date(None, Some(month), Some(day))));
            }
        }
        if let Some(year) = year_at(j + 1) {
            return Some((j + 2, date(Some(year), Some(month), None)));
        }
    }
    None
}

/// A percent sign or unit of measure at token `k`: its end token, the
/// unit, and how many of that unit one written unit is.
fn unit_at(toks: &[Tok], k: usize) -> Option<(usize, Unit, f64)> {
    match toks.get(k)?.lex {
        Lex::Percent => Some((k + 1, Unit::Percent, 1.0)),
        Lex::Per if joined(toks, k) && toks[k + 1].lex == Lex::Cent => {
            Some((k + 2, Unit::Percent, 1.0))
        }
        Lex::Unit(u) => {
            let (u, per) = lexicon::base_unit(u);
            Some((k + 1, Unit::Measure(u), per))
        }
        _ => None,
    }
}

/// Whether a token is a plain four-digit year (`2019`, `(2019)`): after a
/// name (`the Act 2019`) it is a year, not part of an identifier.
fn is_year_token(t: &Tok) -> bool {
    matches!(
        t.piece.as_deref(),
        Some(Piece::Number { value, plain_integer: true, .. })
            if t.core.len() == 4 && (1800.0..=2100.0).contains(value)
    )
}

/// Ordinals, fractions, vague quantities and identifiers.
fn other_at(toks: &[Tok], j: usize) -> Option<Found> {
    let t = &toks[j];
    if let Some(Piece::Whole(q)) = t.piece.as_deref() {
        // `4-6 percent`: a unit after a range written as one token.
        if let Quantity::Range {
            low,
            high,
            unit: Unit::None,
            direction,
        } = *q
            && joined(toks, j)
            && let Some((end, unit, per)) = unit_at(toks, j + 1)
        {
            let q = Quantity::Range {
                low: low * per,
                high: high * per,
                unit,
                direction,
            };
            return Some(Found::new(j, end, q));
        }
        return Some(Found::new(j, j + 1, q.clone()));
    }
    if t.lex == Lex::IdPrefix
        && joined(toks, j)
        && let Some(
            Piece::Number {
                plain_integer: true,
                ..
            }
            | Piece::Whole(Quantity::Identifier(_)),
        ) = toks[j + 1].piece.as_deref()
        && !is_year_token(&toks[j + 1])
    {
        let id = format!("{} {}", t.core, toks[j + 1].core);
        let id = Quantity::Identifier(digits::normalise_id(&id));
        return Some(Found::new(j, j + 2, id));
    }
    let one = |q| Found::new(j, j + 1, q);
    match t.compound.as_deref().copied() {
        Some(Compound::Fraction(f)) => return Some(one(Quantity::Fraction(f))),
        Some(Compound::Ordinal(n)) => return Some(one(Quantity::Ordinal(n)).weak()),
        Some(Compound::Vague(m)) => return Some(one(Quantity::Vague(m)).weak()),
        _ => {}
    }
    match t.lex {
        // `and a half` belongs to the figure before it, in its sentence.
        Lex::Half
            if j >= 2
                && toks[j - 1].lex == Lex::Article
                && toks[j - 2].lex == Lex::And
                && !toks[j - 2].sentence_end
                && !toks[j - 1].sentence_end =>
        {
            None
        }
        Lex::Half => Some(one(Quantity::Fraction(0.5))),
        Lex::Quarter => Some(one(Quantity::Fraction(0.25))),
        Lex::Ordinal(n) => Some(one(Quantity::Ordinal(u64::from(n))).weak()),
        Lex::Vague(m) => Some(one(Quantity::Vague(m)).weak()),
        _ => None,
    }
}

/// A fraction in two words: `a third`, `one third`, `three quarters`,
/// `two thirds`; the end token and the value.
fn word_fraction_at(toks: &[Tok], j: usize) -> Option<(usize, f64)> {
    if !joined(toks, j) {
        return None;
    }
    // `a quarter of an hour` is a span of time, read as a figure.
    if part_of_unit(toks, j + 1, 1.0).is_some() {
        return None;
    }
    let f = match (toks[j].lex, toks[j + 1].lex) {
        (Lex::Article | Lex::Cardinal(1), Lex::Ordinal(d)) if d >= 3 => 1.0 / f64::from(d),
        (Lex::Article | Lex::Cardinal(1), Lex::Quarter) => 0.25,
        (Lex::Cardinal(x), Lex::Denominators(d)) => f64::from(x) / f64::from(d),
        (Lex::Cardinal(x), Lex::Quarter) => f64::from(x) / 4.0,
        _ => return None,
    };
    Some((j + 2, f))
}

/// How many content words on each side of a figure describe it.
const CONTEXT_WORDS: usize = 4;

/// Whether a token ends what describes a figure beside it: a comma, a
/// clause's end or a sentence's end after it.
fn bounds_clause(t: &Tok) -> bool {
    t.sentence_end || t.clause_end || t.comma
}

/// For each figure at tokens `places` (first, end), in text order, the
/// hashes of the content words near it within its clause: up to
/// [`CONTEXT_WORDS`] before it, nearest first, in `before`, and up to as
/// many after it in `after`.
/// A comma, a clause's end or another figure's digits end what describes
/// a figure.
///
/// A walk from one figure that reaches the next figure's place goes on as
/// that figure's own walk, which is already known: so a clause of many
/// figures and no content words (`twenty one twenty one …`) costs time in
/// proportion to its length, not its square.
fn contexts(keys: &Keys, places: &[(usize, usize)], before: &mut Vec<Side>, after: &mut Vec<Side>) {
    let toks = keys.toks();
    // Walking back from each figure's first token, the figure before first.
    before.clear();
    for (i, &(first, _)) in places.iter().enumerate() {
        let known = i.checked_sub(1).map(|p| (places[p].0, before[p]));
        let mut out = Side::default();
        let mut k = first;
        loop {
            if let Some((at, words)) = known
                && k == at
            {
                out.fill_from(&words);
                break;
            }
            if k == 0 || out.is_full() || bounds_clause(&toks[k - 1]) {
                break;
            }
            k -= 1;
            if toks[k].piece.is_some() {
                break;
            }
            out.extend(keys.of(k));
        }
        before.push(out);
    }
    // Walking on from each figure's end, the figure after first.
    after.clear();
    after.resize(places.len(), Side::default());
    for i in (0..places.len()).rev() {
        let end = places[i].1;
        let mut out = Side::default();
        let mut k = end;
        loop {
            if i + 1 < places.len() && k == places[i + 1].1 {
                out.fill_from(&after[i + 1]);
                break;
            }
            if k >= toks.len() || out.is_full() || bounds_clause(&toks[k - 1]) {
                break;
            }
            if toks[k].piece.is_some() {
                break;
            }
            out.extend(keys.of(k));
            k += 1;
        }
        after[i] = out;
    }
}

/// The context words on one side of a figure: at most [`CONTEXT_WORDS`],
/// held in place.
#[derive(Debug, Clone, Copy, Default)]
struct Side {
    keys: [u64; CONTEXT_WORDS],
    n: usize,
}

impl Side {
    fn keys(&self) -> &[u64] {
        &self.keys[..self.n]
    }

    fn is_full(&self) -> bool {
        self.n == CONTEXT_WORDS
    }

    /// Adds a word's key, if it has one.
    fn extend(&mut self, key: Option<u64>) {
        if let Some(key) = key {
            self.keys[self.n] = key;
            self.n += 1;
        }
    }

    /// Adds the first of `other`'s words, as many as there is room for.
    fn fill_from(&mut self, other: &Side) {
        for &key in other.keys() {
            if self.is_full() {
                break;
            }
            self.extend(Some(key));
        }
    }
}

#[cfg(test)]
mod tests {
    use text2num::text2digits;

    use super::super::lexicon::Currency;
    use super::super::tokens::content_key;
    use super::*;
    use crate::analysis::numbers::Direction;

    fn quantities(text: &str) -> Vec<(String, Quantity)> {
        extract(text, 0..text.len())
            .into_iter()
            .map(|m| (text[m.span].to_string(), m.quantity))
            .collect()
    }

    fn one(text: &str) -> Quantity {
        let q = quantities(text);
        assert_eq!(q.len(), 1, "{text:?} gave {q:?}");
        q[0].1.clone()
    }

    fn amount(value: f64, unit: Unit) -> Quantity {
        Quantity::Amount { value, unit }
    }

    const USD: Unit = Unit::Currency(Currency::Dollar);
    const RS: Unit = Unit::Currency(Currency::Rupee);

    #[test]
    fn scales_and_currencies() {
        assert_eq!(one("It cost $65 billion."), amount(65e9, USD));
        assert_eq!(one("It cost \\$65 billion."), amount(65e9, USD));
        assert_eq!(one("worth $65bn in all"), amount(65e9, USD));
        assert_eq!(one("some 3.5m people"), amount(3.5e6, Unit::None));
        assert_eq!(one("16,500 million"), amount(16.5e9, Unit::None));
        assert_eq!(one("Rs 2 crore"), amount(2e7, RS));
        assert_eq!(one("Rs. 500 million"), amount(5e8, RS));
        assert_eq!(one("PKR 12 lakh"), amount(1.2e6, RS));
        assert_eq!(one("12 lakhs of students"), amount(1.2e6, Unit::None));
        assert_eq!(one("2 lakh crore rupees"), amount(2e12, RS));
        assert_eq!(one("65 billion dollars"), amount(65e9, USD));
        assert_eq!(one("USD 5 million"), amount(5e6, USD));
        assert_eq!(
            one("€20 million"),
            amount(2e7, Unit::Currency(Currency::Euro))
        );
        assert_eq!(one("£3bn"), amount(3e9, Unit::Currency(Currency::Pound)));
        assert_eq!(one("a million homes"), amount(1e6, Unit::None));
    }

    #[test]
    fn number_words() {
        assert_eq!(one("five ministers"), amount(5.0, Unit::None));
        assert_eq!(one("twenty-one districts"), amount(21.0, Unit::None));
        assert_eq!(one("three hundred schools"), amount(300.0, Unit::None));
        assert_eq!(
            one("three hundred and twenty-five schools"),
            amount(325.0, Unit::None)
        );
        assert_eq!(
            one("two million tonnes"),
            amount(2e6, Unit::Measure("tonnes"))
        );
        assert_eq!(one("one million"), amount(1e6, Unit::None));
    }

    #[test]
    fn percentages() {
        for t in ["12%", "12 percent", "12 per cent", "12 pc"] {
            assert_eq!(one(t), amount(12.0, Unit::Percent), "{t}");
        }
        assert_eq!(one("twelve percent"), amount(12.0, Unit::Percent));
    }

    #[test]
    fn fractions() {
        for (t, f) in [
            ("half of them", 0.5),
            ("one-third of the land", 1.0 / 3.0),
            ("a third of the land", 1.0 / 3.0),
            ("one third of", 1.0 / 3.0),
            ("one-fourth of", 0.25),
            ("a quarter of", 0.25),
            ("two-thirds of", 2.0 / 3.0),
            ("three quarters of", 0.75),
        ] {
            assert_eq!(one(t), Quantity::Fraction(f), "{t}");
        }
    }

    #[test]
    fn ordinals() {
        assert_eq!(one("the 2nd phase"), Quantity::Ordinal(2));
        assert_eq!(one("the second phase"), Quantity::Ordinal(2));
        assert_eq!(one("the twenty-first century"), Quantity::Ordinal(21));
        assert_eq!(one("the third phase"), Quantity::Ordinal(3));
    }

    #[test]
    fn years_and_dates() {
        let full = Quantity::Date {
            year: Some(2024),
            month: Some(3),
            day: Some(27),
        };
        assert_eq!(one("on 27 March 2024 it"), full);
        assert_eq!(one("on 27th March, 2024 it"), full);
        assert_eq!(one("on March 27, 2024, it"), full);
        assert_eq!(one("on 2024-03-27 it"), full);
        assert_eq!(
            one("in March 2024"),
            Quantity::Date {
                year: Some(2024),
                month: Some(3),
                day: None
            }
        );
        assert_eq!(one("in 2024, the"), Quantity::Year(2024));
        assert_eq!(one("the 1990s"), Quantity::Decade(1990));
        assert!(quantities("They may come.").is_empty());
    }

    #[test]
    fn ranges() {
        let r = |low, high| Quantity::Range {
            low,
            high,
            unit: Unit::None,
            direction: Direction::Either,
        };
        assert_eq!(one("40-50 people"), r(40.0, 50.0));
        assert_eq!(one("between 40 and 50 people"), r(40.0, 50.0));
        assert_eq!(
            one("6 to 8 hours").clone(),
            Quantity::Range {
                low: 360.0,
                high: 480.0,
                unit: Unit::Measure("minutes"),
                direction: Direction::Either,
            }
        );
        let change = |low, high, direction| Quantity::Range {
            low,
            high,
            unit: Unit::Percent,
            direction,
        };
        assert_eq!(
            one("rose from 14 to 41 percent"),
            change(14.0, 41.0, Direction::Rising)
        );
        assert_eq!(
            one("fell from 41 to 14 percent"),
            change(14.0, 41.0, Direction::Falling)
        );
        assert_eq!(one("6 to 8 million"), r(6e6, 8e6));
    }

    #[test]
    fn time_spans_and_groups_in_words() {
        let years = |v| amount(v, Unit::Measure("years"));
        assert_eq!(one("over a decade"), years(10.0));
        assert_eq!(one("for three decades"), years(30.0));
        assert_eq!(one("half a century ago"), years(50.0));
        assert_eq!(one("half a decade"), years(5.0));
        assert_eq!(one("a century later"), years(100.0));
        assert_eq!(one("18 months"), years(1.5));
        assert_eq!(one("a couple of years"), years(2.0));
        assert_eq!(one("a fortnight"), amount(14.0, Unit::Measure("days")));
        assert_eq!(one("two weeks"), amount(14.0, Unit::Measure("days")));
        assert_eq!(one("a dozen towns"), amount(12.0, Unit::None));
        assert_eq!(one("a score of villages"), amount(20.0, Unit::None));
        assert_eq!(one("a pair of dams"), amount(2.0, Unit::None));
        assert!(quantities("a year later, a week on, a married couple").is_empty());
        assert_eq!(one("a score of 80"), amount(80.0, Unit::None));
        assert_eq!(one("in a year and a half"), years(1.5));
        assert_eq!(one("one and a half years"), years(1.5));
        assert_eq!(one("two and a half million"), amount(2.5e6, Unit::None));
        let minutes = |v| amount(v, Unit::Measure("minutes"));
        assert_eq!(one("every quarter of an hour"), minutes(15.0));
        assert_eq!(one("a quarter of an hour"), minutes(15.0));
        assert_eq!(one("half an hour"), minutes(30.0));
        assert_eq!(one("2 hours"), minutes(120.0));
        assert_eq!(one("every fortnight"), amount(14.0, Unit::Measure("days")));
        assert_eq!(one("a 50-year-old law"), years(50.0));
        assert_eq!(one("a fifty-year-old law"), years(50.0));
    }

    #[test]
    fn named_periods_and_one_year_are_weak() {
        for text in [
            "in the first two centuries",
            "one year barely a fifth",
            "the last ten years",
        ] {
            let m = extract(text, 0..text.len());
            let span = m.iter().find(|m| {
                matches!(
                    m.quantity,
                    Quantity::Amount {
                        unit: Unit::Measure(_),
                        ..
                    }
                )
            });
            assert!(span.is_some_and(|m| m.weak), "{text}: {m:?}");
        }
        let m = extract("over two decades", 0..16);
        assert!(!m[0].weak);
    }

    #[test]
    fn years_after_names_are_years() {
        assert_eq!(one("the Climate Act (2019) said"), Quantity::Year(2019));
        assert_eq!(
            quantities("the Act (2019) said")[0].0,
            "2019",
            "the flag names the figure alone"
        );
        assert_eq!(one("the Eighteenth Amendment"), Quantity::Ordinal(18));
        assert_eq!(one("the 18th Amendment"), Quantity::Ordinal(18));
    }

    #[test]
    fn a_unit_written_once_belongs_to_both_figures() {
        let q = quantities("rose by 9 and 12 percent, or 5 or 6 km.");
        let units: Vec<_> = q
            .iter()
            .map(|(_, q)| match q {
                Quantity::Amount { unit, .. } => *unit,
                _ => Unit::None,
            })
            .collect();
        assert_eq!(
            units,
            [
                Unit::Percent,
                Unit::Percent,
                Unit::Measure("km"),
                Unit::Measure("km")
            ]
        );
        assert_eq!(quantities("9 and 12 schools")[0].1, amount(9.0, Unit::None));
    }

    #[test]
    fn identifiers() {
        let id = |s: &str| Quantity::Identifier(s.into());
        assert_eq!(one("the G-20 summit"), id("G20"));
        assert_eq!(one("the G20 summit"), id("G20"));
        assert_eq!(one("COVID-19 spread"), id("COVID19"));
        assert_eq!(one("an F-16 jet"), id("F16"));
        assert_eq!(one("under Article 370."), id("ARTICLE370"));
        assert_eq!(one("Article 25-A says"), id("ARTICLE25A"));
    }

    #[test]
    fn pronoun_one_and_plain_words_are_not_numbers() {
        assert!(quantities("one of the best, no one knew, one another").is_empty());
        assert!(quantities("The report was over the limit; some people agreed.").is_empty());
    }

    #[test]
    fn approximations_and_vague_quantities() {
        let m = extract("about 60 billion", 0..16);
        assert!(m[0].approx);
        assert_eq!(m[0].span, 6..16);
        let m = extract("more than 500 firms", 0..19);
        assert!(m[0].approx);
        assert_eq!(one("hundreds of people"), Quantity::Vague(100.0));
        assert_eq!(one("dozens of towns"), Quantity::Vague(12.0));
        assert_eq!(one("a multi-billion plan"), Quantity::Vague(1e9));
    }

    #[test]
    fn figures_across_line_breaks_and_punctuation() {
        assert_eq!(one("in \\$60\nbillion CPEC"), amount(60e9, USD));
        let q = quantities("It rose 5, then 6.");
        assert_eq!(q.len(), 2);
    }

    #[test]
    fn weak_mentions() {
        let m = extract("three reasons and 3 more", 0..24);
        assert!(m[0].weak);
        assert!(!m[1].weak);
    }

    /// How runs of number words were read before the reader was fed word by
    /// word: every shorter run from `k`, longest first, through
    /// `text2digits`. Cubic on a long run, but the reference.
    fn number_words_by_prefixes(toks: &[Tok], k: usize, en: &Language) -> Option<(usize, f64)> {
        let mut end = k;
        while end < toks.len() && continues_number_run(toks, k, end) {
            end += 1;
        }
        while end > k {
            let words: Vec<&str> = toks[k..end].iter().map(|t| t.core).collect();
            if let Ok(digits) = text2digits(&words.join(" ").to_ascii_lowercase(), en)
                && let Ok(v) = digits.parse::<f64>()
            {
                return Some((end, v));
            }
            end -= 1;
        }
        None
    }

    fn classified(text: &str) -> Vec<Tok<'_>> {
        words::tokens(text)
            .filter_map(|t| classify(text, t.start, t.end))
            .collect()
    }

    /// Number words, scale words, ordinals, `and`, and what ends a run.
    fn number_word_run() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let word = prop::sample::select(vec![
            "zero",
            "one",
            "One",
            "two",
            "five",
            "nine",
            "ten",
            "twelve",
            "nineteen",
            "twenty",
            "ninety",
            "twenty-one",
            "ninety-nine",
            "a",
            "hundred",
            "Hundred",
            "thousand",
            "million",
            "billion",
            "lakh",
            "crore",
            "and",
            "first",
            "third",
            "twentieth",
            "hundredth",
            "twenty-first",
            "dozen",
            "half",
            "percent",
            "people",
            "one-third",
        ]);
        let after = prop::sample::select(vec!["", "", "", "", ",", ".", ";"]);
        prop::collection::vec((word, after), 0..40)
            .prop_map(|words| words.into_iter().map(|(w, p)| format!("{w}{p} ")).collect())
    }

    /// Sentences of every kind of figure and of the words read around one
    /// (scales, units, ordinals, `in` before a year, `and a half`,
    /// abbreviations), with places to cut among their sentence ends.
    fn sentences_to_cut() -> impl proptest::strategy::Strategy<Value = (String, Vec<usize>)> {
        use proptest::prelude::*;
        let word = prop::sample::select(vec![
            "65", "2024", "1,200", "$65", "12%", "Rs", "five", "twenty", "one", "hundred",
            "million", "billion", "percent", "years", "two", "second", "last", "first", "in", "by",
            "since", "and", "a", "half", "about", "between", "from", "to", "March", "schools",
            "north", "the", "rose", "Punjab's", "In", "1990s", "G20", "few", "km",
        ]);
        let after = prop_oneof![
            10 => Just(""),
            2 => Just("."),
            1 => Just(","),
            1 => Just(";"),
            1 => Just("?"),
        ];
        (
            prop::collection::vec((word, after), 1..80),
            prop::collection::vec(0..80usize, 0..6),
        )
            .prop_map(|(words, cuts)| {
                let text = words.into_iter().map(|(w, p)| format!("{w}{p} ")).collect();
                (text, cuts)
            })
    }

    /// The mentions of `text`, read in the pieces `cuts` (byte offsets,
    /// ascending) make.
    fn read_in_pieces(text: &str, cuts: &[usize]) -> Vec<Mention> {
        let mut bounds = vec![0];
        bounds.extend_from_slice(cuts);
        bounds.push(text.len());
        bounds
            .windows(2)
            .flat_map(|pair| extract(text, pair[0]..pair[1]))
            .collect()
    }

    #[test]
    fn no_reading_looks_into_the_sentence_before() {
        for (first, second) in [
            ("Prices rose and a.", "Half of it went north."),
            ("She came second.", "Two years later 65 schools opened."),
            ("Taxes rose in.", "2020 the share reached 61 percent."),
            ("It cost about a about.", "65 schools opened."),
            (
                "Exports reached 14 percent.",
                "In 2010 the share reached 61 percent.",
            ),
        ] {
            let text = format!("{first} {second}");
            assert_eq!(
                read_in_pieces(&text, &[first.len()]),
                extract(&text, 0..text.len()),
                "{text}"
            );
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]

        /// A text read in pieces cut after any tokens that end sentences
        /// has the mentions it has read whole.
        #[test]
        fn pieces_cut_at_sentence_ends_read_as_the_whole((text, picks) in sentences_to_cut()) {
            let ends: Vec<usize> = words::tokens(&text)
                .filter(|t| classify(&text, t.start, t.end).is_some_and(|t| t.sentence_end))
                .map(|t| t.end)
                .collect();
            let mut cuts: Vec<usize> = picks
                .iter()
                .filter_map(|&p| ends.get(p % ends.len().max(1)).copied())
                .collect();
            cuts.sort_unstable();
            cuts.dedup();
            proptest::prop_assert_eq!(read_in_pieces(&text, &cuts), extract(&text, 0..text.len()));
        }

        /// `pieces` covers the text, in order, and cuts only after tokens
        /// that end sentences.
        #[test]
        fn pieces_cover_the_text_and_end_sentences(
            (text, _) in sentences_to_cut(),
            size in 1usize..200,
        ) {
            let pieces = pieces(&text, size);
            proptest::prop_assert_eq!(pieces.first().map(|p| p.start), Some(0));
            proptest::prop_assert_eq!(pieces.last().map(|p| p.end), Some(text.len()));
            for pair in pieces.windows(2) {
                proptest::prop_assert_eq!(pair[0].end, pair[1].start);
                proptest::prop_assert!(pair[0].end - pair[0].start >= size);
                let last = words::tokens(&text[pair[0].clone()]).last();
                let last = last.and_then(|t| classify(&text, pair[0].start + t.start, pair[0].start + t.end));
                proptest::prop_assert!(last.is_some_and(|t| t.sentence_end));
            }
            let cuts: Vec<usize> = pieces.iter().skip(1).map(|p| p.start).collect();
            proptest::prop_assert_eq!(read_in_pieces(&text, &cuts), extract(&text, 0..text.len()));
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

        /// Feeding the reader word by word reads every run of number words
        /// from every start exactly as trying each shorter run did.
        #[test]
        fn number_words_read_as_by_prefixes(text in number_word_run()) {
            let toks = classified(&text);
            let en = Language::english();
            for k in 0..toks.len() {
                proptest::prop_assert_eq!(
                    super::number_words(&toks, k, &en),
                    number_words_by_prefixes(&toks, k, &en),
                    "from token {} of {:?}", k, text
                );
            }
        }
    }

    #[test]
    fn long_runs_of_number_words_read_as_by_prefixes() {
        let en = Language::english();
        for piece in [
            "one ",
            "twenty one ",
            "one hundred ",
            "nine hundred and ninety-nine ",
        ] {
            let text = piece.repeat(60);
            let toks = classified(&text);
            for k in 0..toks.len() {
                assert_eq!(
                    super::number_words(&toks, k, &en),
                    number_words_by_prefixes(&toks, k, &en),
                    "{piece:?} from token {k}"
                );
            }
        }
    }

    #[test]
    fn a_run_of_two_thousand_number_words_reads_each_number() {
        // `one one …` is the pronoun-like `one`, again and again: nothing.
        assert!(quantities(&"one ".repeat(2_000)).is_empty());
        // `twenty one twenty one …`: a thousand twenty-ones.
        let q = quantities(&"twenty one ".repeat(1_000));
        assert_eq!(q.len(), 1_000);
        assert!(
            q.iter()
                .all(|(t, q)| t == "twenty one" && *q == amount(21.0, Unit::None))
        );
        // `one hundred one hundred …`: `one hundred one`, then `hundred
        // one` again and again, and the last `hundred` alone.
        let q = quantities(&"one hundred ".repeat(1_000));
        let read: Vec<&str> = q.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(read.len(), 1_000);
        assert_eq!(read[0], "one hundred one");
        assert!(read[1..999].iter().all(|t| *t == "hundred one"));
        assert_eq!(q[999], ("hundred".to_string(), amount(100.0, Unit::None)));
    }

    /// How a figure's context words were read before the walks shared
    /// their ends: each figure walking on its own.
    fn context_walking_alone(toks: &[Tok], first: usize, end: usize) -> Vec<u64> {
        let mut out = Vec::new();
        let mut k = first;
        while k > 0 && out.len() < CONTEXT_WORDS && !bounds_clause(&toks[k - 1]) {
            k -= 1;
            if toks[k].piece.is_some() {
                break;
            }
            out.extend(content_key(&toks[k]));
        }
        let before = out.len();
        let mut k = end;
        while k < toks.len() && out.len() < before + CONTEXT_WORDS && !bounds_clause(&toks[k - 1]) {
            if toks[k].piece.is_some() {
                break;
            }
            out.extend(content_key(&toks[k]));
            k += 1;
        }
        out
    }

    /// Words, function words, figures and number words, with commas and
    /// full stops, and places for figures in them: (first, end) token
    /// pairs in text order, not overlapping.
    fn clauses_and_places() -> impl proptest::strategy::Strategy<Value = (String, Vec<usize>)> {
        use proptest::prelude::*;
        let word = prop::sample::select(vec![
            "schools",
            "north",
            "Punjab's",
            "the",
            "of",
            "in",
            "and",
            "65",
            "2024",
            "$5",
            "twenty",
            "one",
            "hundred",
            "percent",
            "rose",
            "to",
            "a",
            "big",
            "teachers",
            "districts",
            "中文",
            "😀",
            "\u{301}",
            "Article",
            "370",
        ]);
        let after = prop_oneof![12 => Just(""), 1 => Just(","), 1 => Just("."), 1 => Just(";")];
        (
            prop::collection::vec((word, after), 1..60),
            prop::collection::vec(0..60usize, 0..24),
        )
            .prop_map(|(words, cuts)| {
                let text = words.into_iter().map(|(w, p)| format!("{w}{p} ")).collect();
                (text, cuts)
            })
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

        /// Sharing walks between figures finds every figure the same
        /// context words as its own walk did.
        #[test]
        fn shared_context_walks_find_what_lone_walks_did((text, cuts) in clauses_and_places()) {
            let toks = classified(&text);
            let mut cuts: Vec<usize> = cuts.into_iter().filter(|&c| c <= toks.len()).collect();
            cuts.sort_unstable();
            cuts.dedup();
            let places: Vec<(usize, usize)> =
                cuts.chunks_exact(2).map(|pair| (pair[0], pair[1])).collect();
            let (mut before, mut after) = (Vec::new(), Vec::new());
            contexts(&Keys::new(&text, &toks, &mut Vec::new()), &places, &mut before, &mut after);
            for ((&(first, end), b), a) in places.iter().zip(&before).zip(&after) {
                let words = [b.keys(), a.keys()].concat();
                proptest::prop_assert_eq!(
                    &words,
                    &context_walking_alone(&toks, first, end),
                    "figure at {}..{} of {:?}", first, end, text
                );
            }
        }
    }
}
