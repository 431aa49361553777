//! What must hold for any input, shared by the fuzz targets and by
//! `tests/fuzz_regressions.rs`, which replays the kept corpus on stable Rust.
//! Each function panics (which the fuzzer reports) when an invariant breaks.

use std::path::Path;

use jiff::Timestamp;
use precis::analysis::report::Report;
use precis::analysis::spelling::Speller;
use precis::analysis::words::CountingOptions;
use precis::analysis::{Preset, Settings, SourceAnalysis, analyse as analyse_once};
use precis::store::export::{self, Format};
use precis::store::listing::{self, Entry, Row};
use precis::store::{Draft, Listed, Origin, Overview, Summary};
use precis::ui::app::{Action, App, Source, Start};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The byte that separates the source from the précis in a fuzz input; it
/// never occurs in UTF-8, so either text may hold anything else.
pub const SEPARATOR: u8 = 0xFF;

/// Splits a fuzz input into a source and a précis (read lossily as UTF-8).
pub fn split(data: &[u8]) -> (String, String) {
    let (source, precis) = match data.iter().position(|&b| b == SEPARATOR) {
        Some(at) => (&data[..at], &data[at + 1..]),
        None => (data, &data[data.len() / 2..]),
    };
    (
        String::from_utf8_lossy(source).into_owned(),
        String::from_utf8_lossy(precis).into_owned(),
    )
}

/// The engine on any source and précis, under a preset the input picks:
/// both paths agree, every offset and share in the report is in range, the
/// text report renders, and the editor shows it without panicking at a size
/// the input picks.
pub fn analyse(data: &[u8]) {
    let (source, precis) = split(data);
    let counting = CountingOptions::default();
    let preset = [Preset::Css, Preset::Upsc, Preset::Plain][data.len() % 3];
    let settings = Settings::for_preset(preset);
    let report = analyse_once(source.clone(), &precis, &settings, counting);
    report_holds(&source, &precis, &report);
    let indexed = SourceAnalysis::new(source.clone(), counting).analyse(&precis, &settings);
    assert_eq!(indexed, report, "the one-shot and indexed paths differ");
    precis::check::render(&report, &mut Vec::new()).expect("renders to memory");

    let (width, height) = [(120, 40), (50, 16)][data.len() % 2];
    let source = Source::from_text(source, Origin::Stdin, counting, "fuzz");
    let start = Start::fresh(source, settings, Timestamp::UNIX_EPOCH);
    let mut app = App::new(start, counting, (width, height));
    app.update(Action::Paste(precis));
    draw(&app, width, height);
}

/// Every span slices its text, every share is between 0 and 1.
fn report_holds(source: &str, precis: &str, report: &Report) {
    for f in &report.flags {
        assert!(
            f.start <= f.end && f.end <= precis.len(),
            "flag outside the précis"
        );
        assert_eq!(&precis[f.start..f.end], f.text, "flag text");
        if let Some(s) = &f.source {
            assert_eq!(&source[s.start..s.end], s.text, "flag source text");
        }
    }
    for n in &report.numbers.precis {
        assert_eq!(&precis[n.at.start..n.at.end], n.at.text, "figure text");
    }
    assert!(report.precis.body_start <= report.precis.body_end);
    assert!(report.precis.body_end <= precis.len());
    assert!((0.0..=1.0).contains(&report.precis.copied_share));
    let sentences = &report.coverage.sentences;
    assert!(
        sentences.windows(2).all(|w| w[0].end <= w[1].start),
        "sentence order"
    );
    for s in sentences {
        assert!(s.start < s.end && s.end <= source.len() && s.line <= s.end_line);
        assert!((0.0..=1.0).contains(&s.covered) && s.weight > 0.0);
    }
    assert!((0.0..=1.0).contains(&report.coverage.overall));
    serde_json::to_string(report).expect("the report serialises");
}

/// A draft file of any bytes: read or refused with a reason; a draft that
/// reads survives a round trip, lists, exports, opens in the editor, and
/// draws, its exam clock ticked past any deadline.
pub fn draft(data: &[u8]) {
    let draft = match Draft::from_json(data) {
        Ok(draft) => draft,
        Err(reason) => {
            assert!(
                !reason.is_empty() && !reason.chars().any(char::is_control),
                "a one-line reason, safe for a terminal: {reason:?}"
            );
            assert_eq!(
                Overview::from_json(data),
                Err(reason),
                "the drafts list refuses the file as opening it does"
            );
            return;
        }
    };
    let json = serde_json::to_vec(&draft).expect("a draft serialises");
    assert_eq!(Draft::from_json(&json).as_ref(), Ok(&draft), "round trip");

    let path = Path::new("fuzz.json");
    let overview = Overview::of(&draft);
    let read = Overview::from_json(data).expect("the drafts list reads what opens");
    assert_eq!(
        Overview {
            summary: overview.summary.clone(),
            ..read
        },
        overview,
        "the drafts list reads the draft as it opens"
    );
    let counts = Summary::of(&draft.report(&Speller::default()));
    let row = Row::of(&overview, &counts, path, draft.updated);
    let entries = listing::entries(
        &[Listed {
            path: path.to_path_buf(),
            draft: Ok(overview.clone()),
        }],
        draft.updated,
    );
    assert_eq!(entries, vec![Entry::Draft(row)]);
    listing::table(&entries, &jiff::tz::TimeZone::UTC);
    listing::to_json(&entries);
    for format in [Format::Md, Format::Txt] {
        export::render(&draft, format, Some(&Speller::default()));
    }

    let counting = draft.counting;
    let latest = draft.updated;
    let mut app = App::new(Start::resume(draft, counting), counting, (100, 30));
    for now in [latest, Timestamp::MAX] {
        app.tick(now);
        draw(&app, 100, 30);
    }
}

/// Draws the editor into a test terminal of `width` × `height`.
fn draw(app: &App, width: u16, height: u16) {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    terminal
        .draw(|frame| precis::ui::render(frame, app, &precis::ui::theme::Theme::new(true)))
        .expect("draws");
}
