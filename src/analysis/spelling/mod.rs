//! Spelling: every word of the précis looked up in an embedded Hunspell
//! dictionary (SCOWL's en_GB with -ise spellings, or en_US) through
//! `spellbook`, British English by default.
//!
//! Never flagged: words the source passage uses (its names, places and
//! terms such as `crore` or `Sindh`), figures and codes (`2,500`, `G-20`,
//! `Rs`), acronyms in capitals, the student's own word list, a short list
//! of South Asian terms and names the dictionaries lack
//! (`assets/spelling/south-asia.txt`), and both -ise and -ize (Oxford)
//! spellings. A word the other variety spells so (`color` under British
//! English) is a variant, not a mistake.
//!
//! Looking a word up takes well under a microsecond and every word form's
//! verdict is remembered, so checking a précis again after a keystroke
//! costs a hash lookup a word. Suggestions take tens of milliseconds a
//! word: [`Speller::live`] never computes them during a check, and
//! [`Speller::suggestions`] computes them apart, off the keystroke path.

mod dictionaries;
mod pieces;
mod variants;

use std::collections::hash_map::Entry;
use std::ops::Range;
use std::str::FromStr;
use std::sync::{Arc, LazyLock, Mutex, PoisonError, RwLock};

use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};

pub use dictionaries::Variety;

use crate::analysis::numbers::lexicon::{self, Lex};
use crate::analysis::words;

/// Which English a précis is spelt in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Language {
    /// British English (-ise or -ize); American spellings are variants.
    #[default]
    EnGb,
    /// American English; British spellings are variants.
    EnUs,
    /// No spelling check.
    Off,
}

impl Language {
    /// The name `--spelling` and `config.toml` take: `en-gb`, `en-us`, `off`.
    pub fn name(self) -> &'static str {
        match self {
            Language::EnGb => "en-gb",
            Language::EnUs => "en-us",
            Language::Off => "off",
        }
    }

    /// The dictionary a précis in this language is checked against.
    pub fn variety(self) -> Option<Variety> {
        match self {
            Language::EnGb => Some(Variety::British),
            Language::EnUs => Some(Variety::American),
            Language::Off => None,
        }
    }
}

impl FromStr for Language {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().replace('_', "-").as_str() {
            "en-gb" => Ok(Language::EnGb),
            "en-us" => Ok(Language::EnUs),
            "off" => Ok(Language::Off),
            other => Err(format!(
                "unknown spelling '{other}' (expected en-gb, en-us or off)"
            )),
        }
    }
}

/// What is wrong with a word's spelling.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// Neither dictionary has it, nor any list the check trusts.
    Unknown,
    /// The other variety's spelling (`color` in British English), with the
    /// word as this variety spells it when a simple rewrite finds it.
    Variant(Option<String>),
}

/// A word the check flags.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Misspelling {
    /// Where it stands in the text checked.
    pub range: Range<usize>,
    /// What is wrong with it.
    pub problem: Problem,
}

/// The words a source passage uses, lower-cased: the check trusts them.
#[derive(Debug, Clone, Default)]
pub struct SourceWords(FxHashSet<Box<str>>);

impl SourceWords {
    /// Adds the words of one whitespace-separated token of the source.
    pub fn add_token(&mut self, token: &str) {
        pieces::in_token(token, |r| {
            let key = pieces::key(&token[r]);
            if !self.0.contains(key.as_str()) {
                self.0.insert(key.into());
            }
        });
    }

    /// Whether the source uses `word` (or, for a plural, its singular).
    pub fn contains(&self, word: &str) -> bool {
        in_list(&self.0, &pieces::key(word))
    }

    /// How many distinct words the source uses.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether the source has no words.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// A dictionary's verdict on one word form, remembered.
#[derive(Debug, Clone)]
enum Verdict {
    Known,
    Unknown,
    Variant(Option<Box<str>>),
}

/// What is remembered per dictionary: verdicts and suggestions by word form.
#[derive(Default)]
struct Memo {
    verdicts: Mutex<FxHashMap<Box<str>, Verdict>>,
    suggestions: Mutex<FxHashMap<Box<str>, Arc<[String]>>>,
}

/// Word forms remembered per dictionary before the memo starts over.
const MEMO_FORMS: usize = 50_000;

/// How many suggestions are kept for a word.
const SUGGESTIONS: usize = 6;

/// More characters than any word either dictionary knows (their longest
/// stem, `electroencephalographic`, has 23 letters, and the longest words
/// of English dictionaries 45). A longer run of letters is not a word: it
/// is flagged without asking the dictionary, whose check and corrections
/// take time out of all proportion to its length (a 320,000-letter run
/// took two minutes to correct).
const LONGEST_WORD: usize = 60;

/// Whether `word` is longer than any word a dictionary knows.
fn beyond_any_word(word: &str) -> bool {
    word.len() > LONGEST_WORD && word.chars().nth(LONGEST_WORD).is_some()
}

static BRITISH_MEMO: LazyLock<Memo> = LazyLock::new(Memo::default);
static AMERICAN_MEMO: LazyLock<Memo> = LazyLock::new(Memo::default);

fn memo(variety: Variety) -> &'static Memo {
    match variety {
        Variety::British => &BRITISH_MEMO,
        Variety::American => &AMERICAN_MEMO,
    }
}

/// The words the dictionaries lack that précis trusts: South Asian terms
/// and names, and Latin and French words of formal prose (`per capita`).
static TRUSTED: LazyLock<FxHashSet<Box<str>>> = LazyLock::new(|| {
    let lists = [
        include_str!("../../../assets/spelling/south-asia.txt"),
        include_str!("../../../assets/spelling/borrowed.txt"),
    ];
    lists
        .iter()
        .flat_map(|list| list.lines())
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| pieces::key(l).into())
        .collect()
});

/// Whether `key` (as [`pieces::key`] makes it) or its singular is in `list`.
fn in_list(list: &FxHashSet<Box<str>>, key: &str) -> bool {
    list.contains(key)
        || key
            .strip_suffix('s')
            .is_some_and(|one| one.len() > 1 && list.contains(one))
}

/// The spelling check: a language, the student's own words, and whether to
/// wait for a dictionary and compute suggestions during a check. Clones
/// share the word list; every speller shares the dictionaries and what
/// they found.
#[derive(Debug, Clone)]
pub struct Speller {
    language: Language,
    personal: Arc<RwLock<FxHashSet<Box<str>>>>,
    wait: bool,
    suggest: bool,
}

impl Default for Speller {
    /// British English, no words of the student's own.
    fn default() -> Self {
        Self::new(Language::default(), std::iter::empty::<&str>())
    }
}

impl Speller {
    /// A check in `language` that trusts `words` (the student's list), and
    /// that waits for the dictionary and computes the best suggestion for
    /// every word it flags.
    pub fn new(language: Language, words: impl IntoIterator<Item = impl AsRef<str>>) -> Self {
        let personal = words
            .into_iter()
            .map(|w| pieces::key(w.as_ref().trim()))
            .filter(|k| !k.is_empty())
            .map(Into::into)
            .collect();
        Self {
            language,
            personal: Arc::new(RwLock::new(personal)),
            wait: true,
            suggest: true,
        }
    }

    /// This check as the editor runs it on every keystroke: it checks
    /// nothing until the dictionaries are loaded (see [`Self::preload`]),
    /// and gives only suggestions already computed.
    pub fn live(self) -> Self {
        Self {
            wait: false,
            suggest: false,
            ..self
        }
    }

    /// This check as `precis check` runs it, whatever it was made for: it
    /// waits for the dictionary and gives the best correction of every word
    /// it flags (for a report written out, as an export's).
    pub fn complete(self) -> Self {
        Self {
            wait: true,
            suggest: true,
            ..self
        }
    }

    /// This check without suggestions (for a count of flags).
    pub fn without_suggestions(self) -> Self {
        Self {
            suggest: false,
            ..self
        }
    }

    /// The language checked.
    pub fn language(&self) -> Language {
        self.language
    }

    /// Trusts `word` from now on (the student added it to their list).
    pub fn add_word(&self, word: &str) {
        let key = pieces::key(word.trim());
        if !key.is_empty() {
            self.personal
                .write()
                .unwrap_or_else(PoisonError::into_inner)
                .insert(key.into());
        }
    }

    /// Whether `word` is on the student's list.
    pub fn is_personal(&self, word: &str) -> bool {
        in_list(
            &self.personal.read().unwrap_or_else(PoisonError::into_inner),
            &pieces::key(word),
        )
    }

    /// Loads the dictionaries this check needs on a thread of their own.
    pub fn preload(&self) {
        if let Some(v) = self.language.variety() {
            dictionaries::preload(&[v, v.other()]);
        }
    }

    /// Loads the dictionary of this check's language now, waiting for it.
    pub fn load(&self) {
        if let Some(v) = self.language.variety() {
            dictionaries::get(v);
        }
    }

    /// Whether the check can run without waiting: the dictionaries are
    /// loaded (or spelling is off).
    pub fn ready(&self) -> bool {
        self.language.variety().is_none_or(|v| {
            dictionaries::ready(v).is_some() && dictionaries::ready(v.other()).is_some()
        })
    }

    /// The words of `text` within `regions` that are misspelt or spelt the
    /// other variety's way, in text order. `source` holds the words of the
    /// passage, which are trusted.
    pub fn check(
        &self,
        text: &str,
        regions: impl IntoIterator<Item = Range<usize>>,
        source: &SourceWords,
    ) -> Vec<Misspelling> {
        let Some(variety) = self.language.variety() else {
            return Vec::new();
        };
        let mut found = Vec::new();
        let mut verdicts = memo(variety)
            .verdicts
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if verdicts.len() > MEMO_FORMS {
            verdicts.clear();
        }
        let personal = self.personal.read().unwrap_or_else(PoisonError::into_inner);
        for region in regions {
            let mut line_start = region.start;
            for line in text[region].split('\n') {
                let capitals = pieces::is_capitals_line(line);
                for t in words::tokens(line) {
                    let at = line_start + t.start;
                    let before = found.len();
                    let mut parts = 0;
                    pieces::in_token(t.text, |r| {
                        parts += 1;
                        let word = &t.text[r.clone()];
                        let problem = match self.remembered(&mut verdicts, variety, word) {
                            None | Some(Verdict::Known) => return,
                            Some(Verdict::Unknown) => Problem::Unknown,
                            Some(Verdict::Variant(form)) => {
                                Problem::Variant(form.map(String::from))
                            }
                        };
                        // Most words are known: acronyms are looked for
                        // only among the rest.
                        if pieces::is_acronym(word)
                            && !(capitals
                                && word.chars().filter(|c| c.is_alphabetic()).count() >= 3)
                        {
                            return;
                        }
                        let key = pieces::key(word);
                        if in_list(&personal, &key)
                            || in_list(&TRUSTED, &key)
                            || in_list(&source.0, &key)
                            || is_unit_or_currency(&key)
                        {
                            return;
                        }
                        found.push(Misspelling {
                            range: at + r.start..at + r.end,
                            problem,
                        });
                    });
                    if found.len() > before && parts > 1 {
                        self.forgive_parts(&mut verdicts, variety, t.text, at, &mut found, before);
                    }
                }
                line_start += line.len() + 1;
            }
        }
        found
    }

    /// Drops the flags `found[before..]` on parts of the hyphenated
    /// `token` (at `at`) that are fine within it: all of them when the
    /// dictionary knows the compound written solid (`doom-sayers`), and a
    /// plural whose singular it knows (`five-year-olds`).
    fn forgive_parts(
        &self,
        verdicts: &mut FxHashMap<Box<str>, Verdict>,
        variety: Variety,
        token: &str,
        at: usize,
        found: &mut Vec<Misspelling>,
        before: usize,
    ) {
        let mut known =
            |w: &str| matches!(self.remembered(verdicts, variety, w), Some(Verdict::Known));
        let solid: String = token.chars().filter(|c| c.is_alphabetic()).collect();
        if known(&solid) {
            found.truncate(before);
            return;
        }
        let mut k = before;
        while k < found.len() {
            let r = &found[k].range;
            let part = &token[r.start - at..r.end - at];
            if part.strip_suffix('s').is_some_and(&mut known) {
                found.remove(k);
            } else {
                k += 1;
            }
        }
    }

    /// The verdict on `word` from `verdicts`, or found now and remembered.
    fn remembered(
        &self,
        verdicts: &mut FxHashMap<Box<str>, Verdict>,
        variety: Variety,
        word: &str,
    ) -> Option<Verdict> {
        if let Some(v) = verdicts.get(word) {
            return Some(v.clone());
        }
        let v = self.verdict(variety, word)?;
        // A run longer than any word costs nothing to judge again, and
        // could be megabytes to keep.
        if !beyond_any_word(word) {
            verdicts.insert(word.into(), v.clone());
        }
        Some(v)
    }

    /// The dictionary's verdict on `word`; none while a dictionary it
    /// needs is still loading and this check does not wait.
    fn verdict(&self, variety: Variety, word: &str) -> Option<Verdict> {
        let dictionary = |v| {
            if self.wait {
                dictionaries::get(v)
            } else {
                dictionaries::ready(v)
            }
        };
        let primary = dictionary(variety)?;
        if beyond_any_word(word) {
            return Some(Verdict::Unknown);
        }
        if primary.check(word) {
            return Some(Verdict::Known);
        }
        let other = dictionary(variety.other())?;
        if !other.check(word) {
            return Some(if is_formed(primary, word) {
                Verdict::Known
            } else {
                Verdict::Unknown
            });
        }
        // Oxford spelling: -ize is British too (and -ise is accepted in
        // American English), when the other form is in the dictionary.
        if variants::ise_ize(word, variety)
            .iter()
            .any(|w| primary.check(w))
        {
            return Some(Verdict::Known);
        }
        let form = variants::respell(word, variety, |w| primary.check(w));
        Some(Verdict::Variant(form.map(Into::into)))
    }

    /// The dictionary's corrections for `word`, the likeliest first (at
    /// most six), computed once per word form: from edits of the word
    /// (about 0.2 ms), or when they find nothing, from words that look
    /// alike (up to tens of milliseconds).
    pub fn suggestions(&self, word: &str) -> Arc<[String]> {
        let Some(variety) = self.language.variety() else {
            return Arc::from([]);
        };
        if let Some(known) = self.known_suggestions(word) {
            return known;
        }
        let Some(dictionary) = dictionaries::get(variety).filter(|_| !beyond_any_word(word)) else {
            return Arc::from([]);
        };
        let mut kept = corrections(dictionary, variety, word, false);
        if kept.is_empty() {
            kept = corrections(dictionary, variety, word, true);
        }
        let list: Arc<[String]> = kept.into();
        let mut memo = memo(variety)
            .suggestions
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if memo.len() > MEMO_FORMS {
            memo.clear();
        }
        match memo.entry(word.into()) {
            Entry::Occupied(e) => Arc::clone(e.get()),
            Entry::Vacant(e) => Arc::clone(e.insert(list)),
        }
    }

    /// Every correction the dictionary offers for `word`, those of
    /// [`Self::suggestions`] first and then words that look alike: for a
    /// student choosing one (up to tens of milliseconds, not remembered).
    pub fn all_suggestions(&self, word: &str) -> Vec<String> {
        let Some(variety) = self.language.variety() else {
            return Vec::new();
        };
        let mut all = self.suggestions(word).to_vec();
        if let Some(dictionary) = dictionaries::get(variety).filter(|_| !beyond_any_word(word)) {
            for s in corrections(dictionary, variety, word, true) {
                if !all.contains(&s) {
                    all.push(s);
                }
            }
        }
        all
    }

    /// The corrections for `word` if they are computed already.
    pub fn known_suggestions(&self, word: &str) -> Option<Arc<[String]>> {
        let variety = self.language.variety()?;
        memo(variety)
            .suggestions
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(word)
            .cloned()
    }

    /// The best correction for `word`: computed now by a check that
    /// suggests, else only if it is known already.
    pub fn best(&self, word: &str) -> Option<String> {
        if self.suggest {
            self.suggestions(word).first().cloned()
        } else {
            self.known_best(word)
        }
    }

    /// The best correction for `word` if it is known already.
    pub fn known_best(&self, word: &str) -> Option<String> {
        self.known_suggestions(word)?.first().cloned()
    }
}

/// At most [`SUGGESTIONS`] corrections of `word` from `dictionary` (of
/// `variety`): its respelling in that variety first, then the
/// dictionary's suggestions, by edits alone or (`alike`) also by words
/// that look alike; never a split into two words or the word itself.
fn corrections(
    dictionary: &spellbook::Dictionary,
    variety: Variety,
    word: &str,
    alike: bool,
) -> Vec<String> {
    let mut raw = Vec::new();
    dictionary
        .suggester()
        .with_ngram_suggestions(alike)
        .suggest(word, &mut raw);
    let respelt = variants::respell(word, variety, |w| dictionary.check(w));
    let hyphened = word.contains(words::is_hyphen);
    let mut kept: Vec<String> = Vec::with_capacity(SUGGESTIONS);
    for s in respelt.into_iter().chain(raw) {
        let fits =
            s != word && !s.contains(' ') && (hyphened || !s.contains('-')) && !kept.contains(&s);
        if fits && kept.len() < SUGGESTIONS {
            kept.push(s);
        }
    }
    kept
}

/// Prefixes that make new words of known ones (`underserved`,
/// `unmetered`, `desilted`).
const PREFIXES: &[&str] = &[
    "anti", "auto", "bio", "co", "counter", "cross", "cyber", "de", "eco", "extra", "geo", "hydro",
    "hyper", "inter", "intra", "macro", "mega", "micro", "mid", "mis", "multi", "neo", "non",
    "out", "over", "pan", "post", "pre", "re", "semi", "socio", "sub", "super", "tele", "trans",
    "ultra", "un", "under",
];

/// Whether `word` is a compound the dictionary lacks but whose parts it
/// has: a prefix and a word of five letters or more (`under|served`, not
/// `un|till`), or two words of three letters or more, seven in all,
/// neither a function word (`hand|weaving`, `oil|seeds`, not `in|fact` or
/// `even|though`).
fn is_compound(dictionary: &spellbook::Dictionary, word: &str) -> bool {
    let lower = word.to_lowercase();
    let long = |s: &str, n: usize| s.chars().filter(|c| c.is_alphabetic()).count() >= n;
    let prefixed = PREFIXES.iter().any(|p| {
        lower
            .strip_prefix(p)
            .is_some_and(|rest| long(rest, 5) && dictionary.check(rest))
    });
    prefixed
        || lower.char_indices().skip(1).any(|(i, _)| {
            let (a, b) = lower.split_at(i);
            long(a, 3)
                && long(b, 3)
                && long(&lower, 7)
                && !crate::analysis::stopwords::is_stop_word(a)
                && !crate::analysis::stopwords::is_stop_word(b)
                && dictionary.check(a)
                && dictionary.check(b)
        })
}

/// Whether `word`, which the dictionary lacks, is formed from words it
/// has: a compound ([`is_compound`]), a Latin plural (`syllabi` of
/// `syllabus`, `memoranda` of `memorandum`), or a word with `-ism` or
/// `-isation` (`multilateralism`, `financialisation`).
fn is_formed(dictionary: &spellbook::Dictionary, word: &str) -> bool {
    let from = |ending: &str, base: &str| {
        word.strip_suffix(ending).is_some_and(|stem| {
            stem.chars().count() >= 3 && dictionary.check(&format!("{stem}{base}"))
        })
    };
    is_compound(dictionary, word)
        || from("i", "us")
        || from("a", "um")
        || ["ism", "isms", "isation", "isations", "ization", "izations"]
            .iter()
            .any(|ending| from(ending, ""))
}

/// Units, currencies and scales the figure reader knows (`km`, `bn`,
/// `PKR`, `lakh`): they stand with figures, never misspelt.
fn is_unit_or_currency(key: &str) -> bool {
    matches!(
        lexicon::lookup(key),
        Lex::Unit(_) | Lex::Currency(_) | Lex::Scale(_) | Lex::Percent
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flagged(speller: &Speller, text: &str, source: &str) -> Vec<(String, Problem)> {
        let mut words = SourceWords::default();
        for t in words::tokens(source) {
            words.add_token(t.text);
        }
        speller
            .check(text, std::iter::once(0..text.len()), &words)
            .into_iter()
            .map(|m| (text[m.range].to_string(), m.problem))
            .collect()
    }

    fn unknown(speller: &Speller, text: &str, source: &str) -> Vec<String> {
        flagged(speller, text, source)
            .into_iter()
            .filter(|(_, p)| *p == Problem::Unknown)
            .map(|(w, _)| w)
            .collect()
    }

    #[test]
    fn common_misspellings_are_flagged_with_their_correction() {
        let speller = Speller::default();
        let text =
            "The goverment did not recieve it; definately a seperate plan to acheive what occured.";
        assert_eq!(
            unknown(&speller, text, ""),
            [
                "goverment",
                "recieve",
                "definately",
                "seperate",
                "acheive",
                "occured"
            ]
        );
        for (wrong, right) in [
            ("goverment", "government"),
            ("recieve", "receive"),
            ("definately", "definitely"),
            ("seperate", "separate"),
            ("acheive", "achieve"),
            ("occured", "occurred"),
        ] {
            assert_eq!(speller.best(wrong).as_deref(), Some(right), "{wrong}");
        }
    }

    #[test]
    fn a_run_longer_than_any_word_is_unknown_with_no_correction() {
        let speller = Speller::default();
        let run = "supercalifragili".repeat(2_000);
        let text = format!("A {run} word.");
        let found = speller.check(
            &text,
            std::iter::once(0..text.len()),
            &SourceWords::default(),
        );
        assert_eq!(found.len(), 1);
        assert_eq!(&text[found[0].range.clone()], run);
        assert!(matches!(found[0].problem, Problem::Unknown));
        assert!(speller.suggestions(&run).is_empty());
        assert!(speller.all_suggestions(&run).is_empty());
        assert!(!beyond_any_word("electroencephalographically"));
        assert!(beyond_any_word(&"a".repeat(LONGEST_WORD + 1)));
        assert!(!beyond_any_word(&"é".repeat(LONGEST_WORD)));
    }

    #[test]
    fn what_is_never_flagged() {
        let speller = Speller::default();
        let text = "In Sindh and Balochistan, Rs 2 crore and 3 lakh rupees went to the tehsil madrassa; \
                    NADRA and the G-20 met on 12/3 at 2,500 km. Both organise and organize, \
                    realisation and realization, are fine; the Zorblax plan too.";
        assert_eq!(
            unknown(&speller, text, "the Zorblax plan"),
            Vec::<String>::new()
        );
        assert!(flagged(&speller, text, "the Zorblax plan").is_empty());
        assert_eq!(unknown(&speller, "the Zorblax plan", ""), ["Zorblax"]);
    }

    #[test]
    fn american_spellings_are_variants_in_british_english() {
        let speller = Speller::default();
        assert_eq!(
            flagged(&speller, "The color of the center; we analyze it.", ""),
            [
                ("color".to_string(), Problem::Variant(Some("colour".into()))),
                (
                    "center".to_string(),
                    Problem::Variant(Some("centre".into()))
                ),
                (
                    "analyze".to_string(),
                    Problem::Variant(Some("analyse".into()))
                ),
            ]
        );
        let american = Speller::new(Language::EnUs, ["Zorblax"]);
        assert_eq!(
            flagged(&american, "The colour of the Zorblax; we organise it.", ""),
            [("colour".to_string(), Problem::Variant(Some("color".into())))]
        );
        assert!(flagged(&Speller::new(Language::Off, [""; 0]), "goverment", "").is_empty());
    }

    #[test]
    fn compounds_of_known_words_are_words() {
        let speller = Speller::default();
        let text = "Underserved, unmetered and desilted areas; handweaving and policymakers; \
                    doom-sayers, syllabi and memoranda; five-year-olds, oilseeds and multilateralism \
                    per capita, de facto.";
        assert!(unknown(&speller, text, "").is_empty());
        assert_eq!(
            unknown(&speller, "untill eventhough everytime infact alot", ""),
            ["untill", "eventhough", "everytime", "infact", "alot"]
        );
    }

    #[test]
    fn capitals_are_acronyms_unless_the_line_is_in_capitals() {
        let speller = Speller::default();
        assert!(unknown(&speller, "The ZXQW report was late.", "").is_empty());
        assert_eq!(
            unknown(&speller, "THE GOVERMENT AND ITS ZXQW", ""),
            ["GOVERMENT", "ZXQW"]
        );
    }

    #[test]
    fn the_students_words_are_trusted() {
        let speller = Speller::new(Language::EnGb, ["Zorblax"]);
        assert!(unknown(&speller, "zorblax's plan", "").is_empty());
        assert!(speller.is_personal("Zorblax"));
        speller.clone().add_word("Quxley");
        assert!(unknown(&speller, "Quxley said", "").is_empty());
    }

    #[test]
    fn a_live_check_never_computes_suggestions() {
        let speller = Speller::default().live();
        assert!(speller.best("zzkqvw").is_none());
        let computed = Speller::default().suggestions("zzkqvw");
        assert_eq!(speller.known_suggestions("zzkqvw"), Some(computed));
    }

    #[test]
    fn languages_by_name() {
        assert_eq!("en_GB".parse::<Language>(), Ok(Language::EnGb));
        assert_eq!("EN-us".parse::<Language>(), Ok(Language::EnUs));
        assert_eq!("off".parse::<Language>(), Ok(Language::Off));
        assert!("fr".parse::<Language>().is_err());
    }
}
