//! Titles as file names: `Taxing the Untaxed!` becomes `taxing-the-untaxed`,
//! so an exported précis is found by what it is about, not by its id.

/// The longest slug, in characters; a longer one is cut at a hyphen.
const MAX_CHARS: usize = 60;

/// `text` as a file-name stem: letters and digits (of any script) in lower
/// case, every other run of characters one hyphen, none at either end, at
/// most [`MAX_CHARS`] characters. Empty when `text` has no letter or digit.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let end = out.trim_end_matches('-').len();
    out.truncate(end);
    if out.chars().count() > MAX_CHARS {
        let cut: String = out.chars().take(MAX_CHARS + 1).collect();
        out = match cut.rfind('-') {
            Some(at) => cut[..at].to_string(),
            None => cut.chars().take(MAX_CHARS).collect(),
        };
    }
    out
}

#[cfg(test)]
mod tests {
    use super::slug;

    #[test]
    fn words_are_joined_by_single_hyphens_in_lower_case() {
        assert_eq!(slug("Taxing the Untaxed"), "taxing-the-untaxed");
        assert_eq!(slug("  TAXING  the — Untaxed!  "), "taxing-the-untaxed");
        assert_eq!(slug("CPEC: 2015–2030"), "cpec-2015-2030");
        assert_eq!(slug("../../etc/passwd"), "etc-passwd");
    }

    #[test]
    fn letters_of_every_script_are_kept() {
        assert_eq!(slug("Précis Écrit"), "précis-écrit");
        assert_eq!(slug("پانی کا بحران"), "پانی-کا-بحران");
    }

    #[test]
    fn nothing_to_keep_is_empty() {
        assert_eq!(slug(""), "");
        assert_eq!(slug(" — → \u{1b}[31m "), "31m");
        assert_eq!(slug("?!"), "");
    }

    #[test]
    fn a_long_title_is_cut_at_a_word() {
        let long = "The Long Road From Scarcity To Sufficiency In The Water Economy Of Sindh";
        let s = slug(long);
        assert!(s.chars().count() <= 60, "{s}");
        assert_eq!(s, "the-long-road-from-scarcity-to-sufficiency-in-the-water");
        let one_word = "a".repeat(80);
        assert_eq!(slug(&one_word), "a".repeat(60));
    }
}
