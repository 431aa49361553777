//! The same word in the other variety's spelling: `color` → `colour`,
//! `center` → `centre`, `traveled` → `travelled`, and back. A handful of
//! rewrites cover most pairs; each candidate counts only if the dictionary
//! of the wanted variety has it, so a rewrite never invents a word. What
//! none of them reach (`maneuver` → `manoeuvre`) is left to the
//! dictionary's own suggestions.

use super::dictionaries::Variety;

/// American spellings and their British forms, the likeliest first.
const AMERICAN_BRITISH: &[(&str, &str)] = &[
    ("or", "our"),
    ("er", "re"),
    ("yz", "ys"),
    ("ense", "ence"),
    ("og", "ogue"),
    ("l", "ll"),
    ("ll", "l"),
    ("dgment", "dgement"),
    ("aging", "ageing"),
    ("ay", "ey"),
    ("sk", "sc"),
    ("e", "ae"),
    ("e", "oe"),
    ("ow", "ough"),
    ("old", "ould"),
];

/// `word` respelt as `to` spells it, if one rewrite gives a word that
/// `known` accepts. The case of the first letter, or of every letter, is
/// kept.
pub fn respell(word: &str, to: Variety, known: impl Fn(&str) -> bool) -> Option<String> {
    let lower = word.to_lowercase();
    for &(us, gb) in AMERICAN_BRITISH {
        let (from, into) = match to {
            Variety::British => (us, gb),
            Variety::American => (gb, us),
        };
        for (at, _) in lower.match_indices(from) {
            let candidate = format!("{}{into}{}", &lower[..at], &lower[at + from.len()..]);
            let cased = same_case(word, &candidate);
            if known(&cased) {
                return Some(cased);
            }
        }
    }
    None
}

/// `new` in the case `model` is written in: all capitals, a capital first,
/// or as it is.
pub fn same_case(model: &str, new: &str) -> String {
    let letters = || model.chars().filter(|c| c.is_alphabetic());
    if letters().count() > 1 && letters().all(char::is_uppercase) {
        return new.to_uppercase();
    }
    if model.chars().next().is_some_and(char::is_uppercase) {
        let mut chars = new.chars();
        return chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect())
            .unwrap_or_default();
    }
    new.to_string()
}

/// `word` with one `iz` written `is` (`to` is British) or one `is` written
/// `iz` (American), each place in turn: `organize` ↔ `organise`.
pub fn ise_ize(word: &str, to: Variety) -> Vec<String> {
    let (from, into) = match to {
        Variety::British => (b'z', b's'),
        Variety::American => (b's', b'z'),
    };
    let bytes = word.as_bytes();
    (1..bytes.len())
        .filter(|&i| {
            bytes[i - 1].eq_ignore_ascii_case(&b'i') && bytes[i].eq_ignore_ascii_case(&from)
        })
        .filter_map(|i| {
            let mut out = bytes.to_vec();
            out[i] = if bytes[i].is_ascii_uppercase() {
                into.to_ascii_uppercase()
            } else {
                into
            };
            // One ASCII letter for another: still UTF-8.
            String::from_utf8(out).ok()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rewrites_keep_the_case_and_need_a_known_word() {
        let gb = [
            "colour",
            "Centre",
            "TRAVELLED",
            "enrol",
            "judgement",
            "grey",
            "defence",
        ];
        let known = |w: &str| gb.contains(&w);
        assert_eq!(
            respell("color", Variety::British, known).as_deref(),
            Some("colour")
        );
        assert_eq!(
            respell("Center", Variety::British, known).as_deref(),
            Some("Centre")
        );
        assert_eq!(
            respell("TRAVELED", Variety::British, known).as_deref(),
            Some("TRAVELLED")
        );
        assert_eq!(
            respell("enroll", Variety::British, known).as_deref(),
            Some("enrol")
        );
        assert_eq!(
            respell("judgment", Variety::British, known).as_deref(),
            Some("judgement")
        );
        assert_eq!(
            respell("gray", Variety::British, known).as_deref(),
            Some("grey")
        );
        assert_eq!(
            respell("defense", Variety::British, known).as_deref(),
            Some("defence")
        );
        assert_eq!(respell("maneuver", Variety::British, known), None);
        let us = ["color"];
        assert_eq!(
            respell("colour", Variety::American, |w: &str| us.contains(&w)).as_deref(),
            Some("color")
        );
    }

    #[test]
    fn ise_and_ize() {
        assert_eq!(ise_ize("organization", Variety::British), ["organisation"]);
        assert_eq!(ise_ize("REALISE", Variety::American), ["REALIZE"]);
        assert_eq!(
            ise_ize("visualise", Variety::American),
            ["vizualise", "visualize"]
        );
    }
}
