//! Property tests: arbitrary text never panics the engine, every flag's
//! offsets slice the précis to its text, and counts ignore how words are
//! spaced.

use precis::analysis::numbers;
use precis::analysis::report::FlagKind;
use precis::analysis::words::{CountingOptions, count_words};
use precis::analysis::{Preset, Settings, SourceAnalysis, analyse};
use proptest::prelude::*;

/// Text that looks like précis material: words, figures, currency, dates,
/// punctuation, quotes, line breaks and a sprinkle of anything at all.
fn precis_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => "[A-Za-z]{1,10}",
        2 => "[0-9]{1,4}([,.][0-9]{1,3})?",
        1 => prop::sample::select(vec![
            "$65", "\\$60", "billion", "crore", "lakh", "Rs.", "%", "per", "cent", "one-third",
            "twenty-one", "second", "March", "2024-03-27", "between", "and", "to", "about",
            "Title:", "Title :-", "#", "→", "(95 words)", "[95]", "Words: 12", "\"", "“", "”",
            "'", "’", "they've", "we", "I", "US", "?", "!", ".", ",", "G-20", "COVID-19",
            "Article", "370", "half", "a", "dozens", "1990s", "40-50", "~", "\u{1b}[2J",
            "\u{202e}", "中国", "پاکستان", "😀", "é", "\u{301}",
        ]).prop_map(str::to_string),
        1 => any::<char>().prop_map(|c| c.to_string()),
    ];
    let sep = prop::sample::select(vec![" ", " ", " ", "\n", "\n\n\n", "\r\n", "\t", "  ", ""]);
    prop::collection::vec((piece, sep), 0..80)
        .prop_map(|parts| parts.into_iter().map(|(p, s)| format!("{p}{s}")).collect())
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![precis_like(), any::<String>()]
}

/// The 1-based line and character column of a byte offset, computed naively.
fn naive_position(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, text[line_start..offset].chars().count() + 1)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn analysis_never_panics_and_flags_slice_exactly(source in any_text(), precis in any_text(), preset in 0..3usize) {
        let preset = [Preset::Css, Preset::Upsc, Preset::Plain][preset];
        let report = analyse(source.clone(), &precis, &Settings::for_preset(preset), CountingOptions::default());
        for f in &report.flags {
            prop_assert!(f.start <= f.end && f.end <= precis.len());
            prop_assert!(precis.is_char_boundary(f.start) && precis.is_char_boundary(f.end));
            prop_assert_eq!(&precis[f.start..f.end], f.text.as_str());
            prop_assert_eq!((f.line, f.column), naive_position(&precis, f.start));
            if let Some(s) = &f.source {
                prop_assert_eq!(&source[s.start..s.end], s.text.as_str());
                prop_assert_eq!((s.line, s.column), naive_position(&source, s.start));
            }
        }
        for n in &report.numbers.precis {
            prop_assert_eq!(&precis[n.at.start..n.at.end], n.at.text.as_str());
        }
        prop_assert!(report.precis.body_start <= report.precis.body_end);
        prop_assert!(report.precis.body_end <= precis.len());
        prop_assert!((0.0..=1.0).contains(&report.precis.copied_share));
        prop_assert!(report.target.min <= report.target.words && report.target.words <= report.target.max);
        let json = serde_json::to_string(&report);
        prop_assert!(json.is_ok());

        // Coverage: source sentences in order, shares that add up.
        let sentences = &report.coverage.sentences;
        prop_assert!(sentences.windows(2).all(|w| w[0].end <= w[1].start));
        for s in sentences {
            prop_assert!(s.start < s.end && s.end <= source.len());
            prop_assert_eq!(s.line, naive_position(&source, s.start).0);
            prop_assert!(s.line <= s.end_line);
            prop_assert!(s.weight > 0.0 && (0.0..=1.0).contains(&s.covered));
        }
        if !sentences.is_empty() {
            let total: f64 = sentences.iter().map(|s| s.weight).sum();
            prop_assert!((total - 1.0).abs() < 1e-9);
        }
        prop_assert!((0.0..=1.0).contains(&report.coverage.overall));
        let r = &report.readability.precis;
        prop_assert!(r.longest_sentence_words <= r.words);
        prop_assert!(r.sentences == 0 || r.average_sentence_words <= r.longest_sentence_words as f64);
        for f in report.flags.iter().filter(|f| f.kind == FlagKind::LongSentence) {
            prop_assert!(precis::analysis::words::words(&f.text).count() > precis::analysis::LONG_SENTENCE);
        }
    }

    #[test]
    fn the_one_shot_and_indexed_paths_agree(source in any_text(), precis in any_text(), edits in prop::collection::vec(any_text(), 0..3)) {
        let analysis = SourceAnalysis::new(source.clone(), CountingOptions::default());
        let settings = Settings::default();
        for text in std::iter::once(&precis).chain(&edits) {
            let one_shot = analyse(source.clone(), text, &settings, CountingOptions::default());
            prop_assert_eq!(analysis.analyse(text, &settings), one_shot);
        }
    }

    #[test]
    fn copied_runs_agree_on_precis_made_from_the_source(source in precis_like(), cuts in prop::collection::vec((0..400usize, 1..40usize), 1..5)) {
        let words: Vec<&str> = source.split_whitespace().collect();
        prop_assume!(!words.is_empty());
        let precis: Vec<&str> = cuts.iter().flat_map(|&(at, len)| {
            let at = at % words.len();
            words[at..(at + len).min(words.len())].iter().copied()
        }).collect();
        let precis = precis.join(" ");
        let analysis = SourceAnalysis::new(source.clone(), CountingOptions::default());
        let settings = Settings::default();
        let one_shot = analyse(source.clone(), &precis, &settings, CountingOptions::default());
        prop_assert_eq!(analysis.analyse(&precis, &settings), one_shot);
    }

    #[test]
    fn number_spans_lie_inside_the_text(text in any_text()) {
        for m in numbers::extract(&text, 0..text.len()) {
            prop_assert!(m.span.start < m.span.end && m.span.end <= text.len());
            prop_assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
        }
    }

    #[test]
    fn word_counts_ignore_how_words_are_spaced(
        words in prop::collection::vec("[^\\s]{1,12}", 0..60),
        seps in prop::collection::vec(prop::sample::select(vec![" ", "  ", "\t", "\n", "\r\n", "\u{a0}", "\u{3000}", " \n\n "]), 60),
    ) {
        let single = words.join(" ");
        let varied: String = words.iter().zip(&seps).map(|(w, s)| format!("{s}{w}")).collect();
        let options = CountingOptions::default();
        prop_assert_eq!(count_words(&single, options), count_words(&varied, options));
    }

    /// Spaces between words may be respaced; a line's indent is layout (a
    /// centred title), so it is left as it is.
    #[test]
    fn precis_counts_ignore_spacing_within_lines(precis in precis_like(), choice in prop::collection::vec(0..4usize, 200)) {
        let spaced: String = {
            let mut n = 0;
            let mut indent = true;
            precis.chars().map(|c| {
                if c == '\n' {
                    indent = true;
                } else if !c.is_whitespace() {
                    indent = false;
                }
                if c == ' ' && !indent {
                    n += 1;
                    ["  ", "\t", "\u{a0}", " "][choice[n % choice.len()]].to_string()
                } else {
                    c.to_string()
                }
            }).collect()
        };
        let source = SourceAnalysis::new("A short source of eight words here.".to_string(), CountingOptions::default());
        let settings = Settings::default();
        let a = source.analyse(&precis, &settings);
        let b = source.analyse(&spaced, &settings);
        prop_assert_eq!(a.precis.words, b.precis.words);
        prop_assert_eq!(a.precis.title_words, b.precis.title_words);
    }
}
