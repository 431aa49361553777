//! The embedded Hunspell dictionaries: SCOWL's en_GB (with -ise spellings)
//! and en_US, from the npm packages `dictionary-en-gb` 3.0.0 and
//! `dictionary-en` 4.0.0 (`scripts/spelling/fetch_dictionaries.sh` copied
//! them; `NOTICE` credits them). Nothing is read from the system.
//!
//! Parsing one takes about 8 ms, so each is parsed once, on first use; the
//! editor starts that on a thread of its own ([`preload`]) and checks
//! nothing until it is done rather than delay the first frame.

use std::sync::OnceLock;

use spellbook::Dictionary;

/// One of the two embedded word lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Variety {
    /// British English, -ise spellings (SCOWL en_GB-ise, size 60).
    British,
    /// American English (SCOWL en_US, size 60).
    American,
}

impl Variety {
    /// The other variety.
    pub fn other(self) -> Self {
        match self {
            Variety::British => Variety::American,
            Variety::American => Variety::British,
        }
    }

    /// The variety's name in messages: `British`, `American`.
    pub fn adjective(self) -> &'static str {
        match self {
            Variety::British => "British",
            Variety::American => "American",
        }
    }

    fn files(self) -> (&'static str, &'static str) {
        match self {
            Variety::British => (GB_AFF, GB_DIC),
            Variety::American => (US_AFF, US_DIC),
        }
    }

    fn slot(self) -> &'static OnceLock<Option<Dictionary>> {
        match self {
            Variety::British => &BRITISH,
            Variety::American => &AMERICAN,
        }
    }
}

static GB_AFF: &str = include_str!("../../../assets/spelling/en_GB.aff");
static GB_DIC: &str = include_str!("../../../assets/spelling/en_GB.dic");
static US_AFF: &str = include_str!("../../../assets/spelling/en_US.aff");
static US_DIC: &str = include_str!("../../../assets/spelling/en_US.dic");

static BRITISH: OnceLock<Option<Dictionary>> = OnceLock::new();
static AMERICAN: OnceLock<Option<Dictionary>> = OnceLock::new();

/// The dictionary of `variety`, parsed on first use (waiting for a parse
/// already under way). `None` only if the embedded files do not parse,
/// which a test rules out: spelling is then not checked.
pub fn get(variety: Variety) -> Option<&'static Dictionary> {
    variety
        .slot()
        .get_or_init(|| {
            let (aff, dic) = variety.files();
            Dictionary::new(aff, dic).ok()
        })
        .as_ref()
}

/// The dictionary of `variety` if it is parsed already; never waits.
pub fn ready(variety: Variety) -> Option<&'static Dictionary> {
    variety.slot().get().and_then(Option::as_ref)
}

/// Parses the dictionaries of `varieties`, in order, on a thread of their
/// own, unless they are parsed already.
pub fn preload(varieties: &[Variety]) {
    let missing: Vec<Variety> = varieties
        .iter()
        .copied()
        .filter(|v| v.slot().get().is_none())
        .collect();
    if !missing.is_empty() {
        std::thread::spawn(move || {
            for v in missing {
                get(v);
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_dictionaries_parse_and_differ_where_they_should() {
        let gb = get(Variety::British).expect("en_GB parses");
        let us = get(Variety::American).expect("en_US parses");
        assert!(gb.check("colour") && !gb.check("color"));
        assert!(us.check("color") && !us.check("colour"));
        assert!(gb.check("organise") && us.check("organize"));
        assert!(ready(Variety::British).is_some());
    }
}
