//! The exam review's checklist: the report restated as the questions an
//! examiner asks (is it the right length, is the title right, is anything
//! copied, are the figures right), each passed or failed with a short reason.
//! Pure: everything comes from the report and the preset.

use crate::analysis::report::{Flag, FlagKind, Report, Severity};
use crate::analysis::target::LengthStatus;
use crate::analysis::{Preset, TITLE_WORDS};

/// One line of the checklist.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Check {
    /// What is checked, in exam terms (`no contractions`).
    pub label: String,
    /// Whether the précis passes.
    pub passed: bool,
    /// The evidence, short (`97 words, band 79–87`).
    pub detail: String,
}

impl Check {
    fn new(label: &str, passed: bool, detail: String) -> Self {
        Self {
            label: label.to_string(),
            passed,
            detail,
        }
    }
}

/// Longest quoted piece of précis text in a detail, in characters.
const QUOTE_CHARS: usize = 32;

/// How many flagged pieces a detail lists before `+N more`.
const LISTED: usize = 2;

/// The checklist for `report` under `preset`'s title rule, in a fixed order:
/// length, title, declared count, first person, contractions, quotations,
/// copied sentences, figures.
pub fn checklist(report: &Report, preset: Preset) -> Vec<Check> {
    vec![
        length(report),
        title(report, preset),
        declared(report),
        style(report, FlagKind::FirstPerson, "no first person"),
        style(report, FlagKind::Contraction, "no contractions"),
        quotations(report),
        copied(report),
        figures(report),
    ]
}

fn length(report: &Report) -> Check {
    let t = &report.target;
    Check::new(
        "length within the band",
        t.status == LengthStatus::Within,
        format!("{} words, band {}–{}", report.precis.words, t.min, t.max),
    )
}

/// The title rule of `preset`, judged from the précis's title and its
/// length (so the preset given wins over the one the report was made with).
fn title(report: &Report, preset: Preset) -> Check {
    let p = &report.precis;
    let given = p.title.as_deref().filter(|t| !t.trim().is_empty());
    let fits = TITLE_WORDS.contains(&p.title_words);
    let described = |t: &str| {
        format!(
            "{}, {} word{}",
            quoted(t),
            p.title_words,
            plural(p.title_words)
        )
    };
    match preset {
        Preset::Css => Check::new(
            "title present, 3 to 8 words",
            given.is_some() && fits,
            given.map_or_else(|| "no title".to_string(), described),
        ),
        Preset::Upsc => Check::new(
            "no title (UPSC)",
            given.is_none(),
            given.map_or_else(
                || "none given".to_string(),
                |t| format!("{} given: remove it", quoted(t)),
            ),
        ),
        Preset::Plain => Check::new(
            "title 3 to 8 words when given",
            given.is_none() || fits,
            given.map_or_else(|| "none given".to_string(), described),
        ),
    }
}

fn declared(report: &Report) -> Check {
    let words = report.precis.words;
    let wrong = report
        .flags
        .iter()
        .any(|f| f.kind == FlagKind::DeclaredCount);
    let about = if report.precis.declared_approx {
        "about "
    } else {
        ""
    };
    let (passed, detail) = match report.precis.declared_words {
        Some(d) if !wrong => (true, format!("{about}{d} words declared")),
        Some(d) => (false, format!("declared {about}{d}, body has {words}")),
        None => (false, format!("none given; body has {words}")),
    };
    Check::new("declared count present and correct", passed, detail)
}

/// A check that passes when no flag of `kind` was raised.
fn style(report: &Report, kind: FlagKind, label: &str) -> Check {
    let found: Vec<&Flag> = report.flags.iter().filter(|f| f.kind == kind).collect();
    Check::new(label, found.is_empty(), found_detail(&found))
}

/// Direct quotations count; a quoted term (information only) does not.
fn quotations(report: &Report) -> Check {
    let quotes = report
        .flags
        .iter()
        .filter(|f| f.kind == FlagKind::DirectQuote);
    let (serious, terms): (Vec<&Flag>, Vec<&Flag>) =
        quotes.partition(|f| f.severity != Severity::Info);
    let detail = if serious.is_empty() && !terms.is_empty() {
        format!(
            "none ({} quoted term{}, fine)",
            terms.len(),
            plural(terms.len())
        )
    } else {
        found_detail(&serious)
    };
    Check::new("no quotations", serious.is_empty(), detail)
}

fn copied(report: &Report) -> Check {
    let phrases = report
        .flags
        .iter()
        .filter(|f| f.kind == FlagKind::CopiedPhrase)
        .count();
    let share = report.precis.copied_share * 100.0;
    let percent = if share > 0.0 && share < 0.5 {
        "under 1%".to_string()
    } else {
        format!("{share:.0}%")
    };
    let detail = if phrases == 0 {
        format!("{percent} of the body copied")
    } else {
        format!(
            "{percent} of the body copied ({phrases} phrase{})",
            plural(phrases)
        )
    };
    Check::new("no copied sentences", phrases == 0, detail)
}

/// Figures the source states differently, or not at all, at warning level
/// or above (a weak, information-only figure does not fail the check).
fn figures(report: &Report) -> Check {
    let total = report.numbers.precis.len();
    let wrong: Vec<&Flag> = report
        .flags
        .iter()
        .filter(|f| f.kind.is_number() && f.severity != Severity::Info)
        .collect();
    let detail = if !wrong.is_empty() {
        let listed: Vec<String> = wrong
            .iter()
            .take(LISTED)
            .map(|f| match (f.kind, &f.suggestion) {
                (FlagKind::NumberNotInSource, _) | (_, None) => {
                    format!("{} not in source", short(&f.text))
                }
                (_, Some(s)) => format!("{} → {}", short(&f.text), short(s)),
            })
            .collect();
        format!(
            "{} of {} wrong: {}{}",
            wrong.len(),
            total.max(wrong.len()),
            listed.join(", "),
            more(wrong.len())
        )
    } else {
        match total {
            0 => "no figures".to_string(),
            1 => "1 figure, in the source".to_string(),
            n => format!("{n} figures, all in the source"),
        }
    };
    Check::new("every figure matches the source", wrong.is_empty(), detail)
}

/// `none found`, or how many and the first few as written.
fn found_detail(found: &[&Flag]) -> String {
    if found.is_empty() {
        return "none found".to_string();
    }
    let listed: Vec<String> = found.iter().take(LISTED).map(|f| quoted(&f.text)).collect();
    format!(
        "{} found: {}{}",
        found.len(),
        listed.join(", "),
        more(found.len())
    )
}

fn more(n: usize) -> String {
    if n > LISTED {
        format!(" +{} more", n - LISTED)
    } else {
        String::new()
    }
}

/// Précis text in curly quotes (unless it is itself a quotation), on one
/// line and shortened.
fn quoted(text: &str) -> String {
    let text = short(text);
    if text.starts_with(['"', '“', '‘', '\'', '«']) {
        text
    } else {
        format!("“{text}”")
    }
}

/// `text` with its whitespace collapsed, cut to [`QUOTE_CHARS`] with `…`.
fn short(text: &str) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= QUOTE_CHARS {
        flat
    } else {
        let cut: String = flat.chars().take(QUOTE_CHARS - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::words::CountingOptions;
    use crate::analysis::{Settings, analyse};

    const SOURCE: &str = include_str!("../../tests/fixtures/rooftop/passage.txt");

    const BODY: &str = "Planted roofs have multiplied in cities, rising to more than 1,200 in \
2023. They cool the rooms below, absorb storm water and supply local food. Yet reinforcing old \
buildings is expensive, and cheap schemes fail once volunteers drift away. Durable gardens rely \
on a paying landlord, an institution using the harvest and a public grant.";

    fn report(precis: &str, preset: Preset) -> Report {
        analyse(
            SOURCE.to_string(),
            precis,
            &Settings::for_preset(preset),
            CountingOptions::default(),
        )
    }

    fn good(title: bool) -> String {
        let title = if title {
            "Title: Gardens Above the City\n\n"
        } else {
            ""
        };
        format!("{title}{BODY}\n\n(55 words)\n")
    }

    fn passed(checks: &[Check]) -> Vec<bool> {
        checks.iter().map(|c| c.passed).collect()
    }

    #[test]
    fn a_clean_precis_passes_every_check() {
        let checks = checklist(&report(&good(true), Preset::Css), Preset::Css);
        assert_eq!(passed(&checks), [true; 8], "{checks:#?}");
        assert_eq!(checks[0].detail, "55 words, band 49–55");
        assert_eq!(checks[1].label, "title present, 3 to 8 words");
        assert_eq!(checks[1].detail, "“Gardens Above the City”, 4 words");
        assert_eq!(checks[2].detail, "55 words declared");
        assert_eq!(checks[6].detail, "0% of the body copied");
        assert_eq!(checks[7].detail, "2 figures, all in the source");
    }

    #[test]
    fn a_careless_precis_fails_where_it_should() {
        let precis = "Title: Roofs\n\nI think rooftop gardens have spread quickly across \
crowded cities over the past decade, reaching 1,500 planted roofs in 2023. They cool buildings, \
hold rain and grow food, but old buildings need reinforcement and cheap projects don't last. \
As one planner put it, \"gardens need someone who pays\".\n\n(52 words)\n";
        let checks = checklist(&report(precis, Preset::Css), Preset::Css);
        assert_eq!(passed(&checks), [false; 8], "{checks:#?}");
        assert_eq!(checks[0].detail, "48 words, band 49–55");
        assert_eq!(checks[1].detail, "“Roofs”, 1 word");
        assert_eq!(checks[2].detail, "declared 52, body has 48");
        assert_eq!(checks[3].detail, "1 found: “I”");
        assert_eq!(checks[4].detail, "1 found: “don't”");
        assert_eq!(
            checks[5].detail,
            "1 found: \"gardens need someone who pays\""
        );
        assert!(checks[6].detail.ends_with("of the body copied (1 phrase)"));
        assert_eq!(checks[7].detail, "1 of 3 wrong: 1,500 → 1,200");
    }

    #[test]
    fn title_rules_follow_the_preset() {
        let titled = good(true);
        let untitled = good(false);
        let upsc = |p: &str| checklist(&report(p, Preset::Upsc), Preset::Upsc)[1].clone();
        assert_eq!(upsc(&untitled).label, "no title (UPSC)");
        assert!(upsc(&untitled).passed);
        assert!(!upsc(&titled).passed);
        assert_eq!(
            upsc(&titled).detail,
            "“Gardens Above the City” given: remove it"
        );

        let plain = |p: &str| checklist(&report(p, Preset::Plain), Preset::Plain)[1].clone();
        assert_eq!(plain(&untitled).label, "title 3 to 8 words when given");
        assert!(plain(&untitled).passed);
        assert!(plain(&titled).passed);
        assert!(!plain(&format!("Title: Roofs\n\n{untitled}")).passed);

        let css = checklist(&report(&untitled, Preset::Css), Preset::Css);
        assert!(!css[1].passed);
        assert_eq!(css[1].detail, "no title");
    }

    #[test]
    fn a_quoted_term_is_not_a_quotation() {
        let precis = good(true).replace("local food", "\"local\" food");
        let checks = checklist(&report(&precis, Preset::Css), Preset::Css);
        assert!(checks[5].passed, "{checks:#?}");
        assert_eq!(checks[5].detail, "none (1 quoted term, fine)");
    }

    #[test]
    fn a_missing_count_fails_and_says_what_to_write() {
        let precis = good(true).replace("(55 words)", "");
        let check = &checklist(&report(&precis, Preset::Css), Preset::Css)[2];
        assert!(!check.passed);
        assert_eq!(check.detail, "none given; body has 55");
    }

    #[test]
    fn long_text_is_shortened() {
        assert_eq!(short("a  b\nc"), "a b c");
        let long = "word ".repeat(20);
        let s = short(&long);
        assert_eq!(s.chars().count(), QUOTE_CHARS);
        assert!(s.ends_with('…'));
    }
}
